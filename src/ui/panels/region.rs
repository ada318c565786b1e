//! The facts of the region clicked: its names in both traditions, official, drawn and today's
//! areas, a strip of who held it over time (on the slider's axis), and the atlas's credits.

use egui::{RichText, Ui};

use crate::atlas::day_number;
use crate::i18n::{t, thousands};
use crate::ui::{AtlasApp, Command};

/// Draws the facts of the selected region, if one is.
pub fn region_ui(ui: &mut Ui, app: &AtlasApp) -> Option<Command> {
    let r = app.selected_region?;
    let atlas = &app.loaded.atlas;
    let region = atlas.region(r)?;
    let lang = app.lang();
    let code = lang.code();
    let mut command = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(RichText::new(region.name.get(code)).strong().size(16.0));
            if ui.small_button(t(lang, "Close")).clicked() {
                command = Some(Command::CloseRegion);
            }
        });
        let traditions: Vec<&str> =
            [region.name_first.as_deref(), region.name_second.as_deref()].into_iter().flatten().collect();
        if !traditions.is_empty() {
            ui.label(RichText::new(traditions.join(" / ")).weak());
        }
        egui::Grid::new("region_facts").num_columns(2).show(ui, |ui| {
            if let Some(o) = region.official_area_km2 {
                ui.label(t(lang, "Official area"));
                ui.label(format!("{} km²", thousands(o, lang)));
                ui.end_row();
            }
            ui.label(t(lang, "As drawn here"));
            ui.label(format!("{} km²", thousands(region.area_km2, lang)));
            ui.end_row();
            if let Some(today) = app.loaded.today_areas.get(r.get()).copied().flatten() {
                ui.label(t(lang, "Today's boundaries"));
                ui.label(format!("{} km²", thousands(today, lang)));
                ui.end_row();
            }
        });
        if let Some(note) = &region.area_note {
            ui.label(RichText::new(note.get(code)).small());
        }
        // History of control: the share of each side, step by step, on the slider's axis.
        ui.label(RichText::new(t(lang, "Control over time")).small());
        let (rect, _) = ui.allocate_exact_size(egui::vec2(ui.available_width(), 22.0), egui::Sense::hover());
        let painter = ui.painter_at(rect);
        let axis = &app.loaded.axis;
        let history = &app.loaded.history;
        let zones: Vec<usize> =
            (0..atlas.zones.len()).filter(|&z| atlas.zones.get(z).is_some_and(|z| z.region == r)).collect();
        let total: f64 = zones.iter().filter_map(|&z| atlas.zones.get(z)).map(|z| z.area_km2).sum::<f64>().max(1e-9);
        for (i, (d, _)) in history.iter().enumerate() {
            let next = history.get(i + 1).map(|h| h.0);
            let x0 = rect.left() + axis.frac_from_day(day_number(*d)) * rect.width();
            let x1 = next.map_or(rect.right(), |n| rect.left() + axis.frac_from_day(day_number(n)) * rect.width());
            let Some(control) = atlas.control_at(*d) else { continue };
            // Stack each controller's share of the region vertically.
            let mut y = rect.top();
            for (c, k) in atlas.controllers.iter().enumerate() {
                let held: f64 = zones
                    .iter()
                    .filter(|&&z| control.get(z).is_some_and(|&held| held == c))
                    .filter_map(|&z| atlas.zones.get(z))
                    .map(|z| z.area_km2)
                    .sum();
                let share = held / total;
                if share <= 0.0 {
                    continue;
                }
                let h = rect.height() * share as f32;
                let band = egui::Rect::from_min_max(egui::pos2(x0, y), egui::pos2(x1.max(x0 + 0.5), y + h));
                painter.rect_filled(band, 0.0, app.style.zone_fill(k.colour));
                y += h;
            }
        }
        ui.label(RichText::new(t(lang, "Same time scale as the slider below.")).small().weak());
        let credits = atlas.attribution.get(code);
        if !credits.is_empty() {
            ui.label(RichText::new(format!("{} {credits}", t(lang, "Boundaries:"))).small());
        }
    });
    ui.add_space(6.0);
    command
}
