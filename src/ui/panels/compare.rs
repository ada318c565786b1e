//! Comparing the date shown with another: the box to pick it, and the list of zones that changed
//! hands between the two, with their dates, km², sources and each side's net change.

use egui::{Key, RichText, Ui};

use super::swatch;
use crate::atlas::{Atlas, ZoneChange};
use crate::i18n::{Lang, long_date, short_date, t, tf, thousands};
use crate::scene::Style;
use crate::ui::{AtlasApp, Command};

/// Draws the compare box and, while comparing, the changes.
pub fn compare_ui(ui: &mut Ui, app: &AtlasApp) -> Option<Command> {
    let lang = app.lang();
    let compare = app.cursor.compare();
    let mut command = None;
    if compare.is_none() {
        ui.separator();
    }
    ui.label(RichText::new(t(lang, "Compare with another date")).strong());
    // The text typed is the box's own; a new atlas starts with an empty box.
    let text_id = egui::Id::unique(("compare_text", app.loaded.generation));
    ui.horizontal(|ui| {
        let label = ui.label(t(lang, "Compare"));
        let mut text = ui
            .data(|d| d.get_temp::<String>(text_id))
            .unwrap_or_else(|| compare.map_or(String::new(), |d| d.to_string()));
        let response = ui
            .add(egui::TextEdit::singleline(&mut text).hint_text("YYYY-MM-DD").desired_width(100.0))
            .labelled_by(label.id);
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if ui.button(t(lang, "Show changes")).clicked() || enter {
            command = Some(Command::TypeCompare(text.clone()));
        }
        let mut cleared = false;
        if compare.is_some() && ui.button(t(lang, "Clear")).clicked() {
            command = Some(Command::Compare(None));
            cleared = true;
        }
        ui.data_mut(|d| {
            if cleared {
                d.remove::<String>(text_id);
            } else {
                d.insert_temp(text_id, text);
            }
        });
    });
    let Some(other) = compare else { return command };
    let date = app.cursor.date();
    let (a, b) = if other <= date { (other, date) } else { (date, other) };
    let changes = app.cursor.comparison();
    ui.label(tf(
        lang,
        "{} zone(s) changed hands between {} and {}:",
        &[&changes.len().to_string(), &long_date(a, lang), &long_date(b, lang)],
    ));
    changes_table_ui(ui, &app.loaded.atlas, &app.style, changes, lang);
    command
}

/// The zones that changed hands, one entry each: date, zone and district, from and to, km², source.
pub fn changes_table_ui(ui: &mut Ui, atlas: &Atlas, style: &Style, changes: &[ZoneChange], lang: Lang) {
    let code = lang.code();
    for c in changes {
        let Some(zone) = atlas.zone(c.zone) else { continue };
        let Some(region) = atlas.region(zone.region) else { continue };
        let (Some(from), Some(to)) = (atlas.controller(c.from), atlas.controller(c.to)) else {
            continue;
        };
        ui.add_space(3.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(short_date(c.date, lang)).strong());
            let place =
                format!("{} ({})", zone.name.get(code), region.label.as_ref().unwrap_or(&region.name).get(code));
            // Where only some of the zone's villages changed hands, say so.
            if c.area_km2 < zone.area_km2 * 0.98 {
                ui.label(tf(lang, "part of {}", &[&place]));
            } else {
                ui.label(place);
            }
            ui.label(RichText::new(format!("{} km²", thousands(c.area_km2, lang))).weak());
        });
        ui.horizontal_wrapped(|ui| {
            swatch(ui, style.zone_fill(from.colour));
            ui.label(from.name.get(code));
            ui.label(t(lang, "to"));
            swatch(ui, style.zone_fill(to.colour));
            ui.label(to.name.get(code));
        });
        if let Some(s) = atlas.sources_of(c.origin).first() {
            match &s.url {
                Some(url) => ui.hyperlink_to(RichText::new(&s.title).small(), url),
                None => ui.label(RichText::new(&s.title).small()),
            };
        }
    }
    ui.add_space(4.0);
    let net = atlas.net_change(changes);
    for (c, n) in atlas.controllers.iter().zip(net).filter(|(_, n)| n.abs() > 0.0) {
        let sign = if n > 0.0 { "+" } else { "−" };
        ui.label(RichText::new(format!("{}: {sign}{} km²", c.name.get(code), thousands(n.abs(), lang))).strong());
    }
}
