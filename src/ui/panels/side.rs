//! The side panel's main part: the phase with its dates, summary and sources, the changes of
//! control so far in it, the legend with km² held and the lines shown, and its events.

use egui::{RichText, Ui};

use super::sources_ui;
use crate::atlas::{Atlas, ZoneIdx};
use crate::i18n::{Lang, long_date, short_date, t, tf};
use crate::ui::{AtlasApp, Command};

/// Draws the panel; returns the event the user clicked, if any.
pub fn side_panel_ui(ui: &mut Ui, app: &AtlasApp) -> Option<Command> {
    let atlas = &app.loaded.atlas;
    let lang = app.lang();
    let code = lang.code();
    let date = app.cursor.date();
    let selected_event = app.cursor.selected_event();
    let mut clicked = None;
    ui.scope(|ui| {
        let Some(p) = app.cursor.phase().and_then(|i| atlas.phases.get(i)) else {
            ui.label(t(lang, "This date is outside the atlas's timeline."));
            return;
        };
        ui.add_space(4.0);
        ui.label(RichText::new(p.title.get(code)).heading().strong());
        let end = p.end.map_or(t(lang, "today").to_owned(), |d| long_date(d, lang));
        ui.label(RichText::new(format!("{} – {end}", long_date(p.start, lang))).weak());
        ui.add_space(4.0);
        ui.label(p.summary.get(code));
        egui::CollapsingHeader::new(tf(lang, "Sources ({})", &[&p.sources.len().to_string()]))
            .id_salt("phase_sources")
            .show(ui, |ui| sources_ui(ui, &p.sources));

        let changes: Vec<_> = p.changes.iter().filter(|c| c.date <= date).collect();
        if !changes.is_empty() {
            ui.separator();
            ui.label(RichText::new(t(lang, "Changes of control so far in this phase")).strong());
            for c in changes {
                let zones = zone_list(atlas, &c.zones, lang);
                let to = atlas.controller(c.controller).map_or("", |k| k.name.get(code));
                ui.label(tf(lang, "{}: {} passed to {}", &[&long_date(c.date, lang), &zones, to]));
                if let Some(note) = &c.note {
                    ui.label(RichText::new(note.get(code)).small());
                }
                if let Some(claim) = &c.claim {
                    ui.label(RichText::new(claim.get(code)).italics().small());
                }
            }
        }

        ui.separator();
        ui.label(RichText::new(t(lang, "Legend")).strong());
        legend_ui(ui, app);
        ui.label(RichText::new(t(lang, "Dashed zone edges: position only approximately known.")).small().weak());

        ui.separator();
        let events: Vec<(usize, &crate::atlas::Event)> = atlas
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.date >= p.start && p.end.is_none_or(|end| e.date <= end))
            .collect();
        ui.label(RichText::new(tf(lang, "Events of this phase ({})", &[&events.len().to_string()])).strong());
        for (i, e) in events {
            let past = e.date <= date;
            let text = format!("{} — {}", short_date(e.date, lang), e.text.get(code));
            let text = if past { RichText::new(text) } else { RichText::new(text).weak() };
            let response = ui.selectable_label(selected_event == Some(i), text);
            if response.clicked() {
                clicked = Some(Command::SelectEvent(i));
            }
            if selected_event == Some(i) {
                if let Some(claim) = &e.claim {
                    ui.label(RichText::new(claim.get(code)).italics().small());
                }
                ui.indent(("event_sources", i), |ui| sources_ui(ui, &e.sources));
            }
        }
    });
    clicked
}

/// Names a set of zones briefly: a whole region by the region's name, other zones by their own.
pub(crate) fn zone_list(atlas: &Atlas, zones: &[ZoneIdx], lang: Lang) -> String {
    let code = lang.code();
    let mut parts: Vec<&str> = Vec::new();
    let mut done = vec![false; zones.len()];
    for (i, &z) in zones.iter().enumerate() {
        if done.get(i).copied().unwrap_or(true) {
            continue;
        }
        let Some(zone) = atlas.zone(z) else { continue };
        let region = zone.region;
        let in_region: Vec<ZoneIdx> =
            atlas.zones_indexed().filter(|(_, z)| z.region == region).map(|(k, _)| k).collect();
        let whole = in_region.len() > 1 && in_region.iter().all(|k| zones.contains(k));
        if whole {
            for (j, &other) in zones.iter().enumerate() {
                if atlas.zone(other).is_some_and(|z| z.region == region)
                    && let Some(d) = done.get_mut(j)
                {
                    *d = true;
                }
            }
            parts.extend(atlas.region(region).map(|r| r.name.get(code)));
        } else {
            parts.push(zone.name.get(code));
        }
    }
    parts.join(", ")
}

/// The legend, as the map shows it on the date (the same entries every export lists): the sides
/// with their km² in a grid, then every other symbol.
fn legend_ui(ui: &mut egui::Ui, app: &AtlasApp) {
    let entries = app.legend_entries();
    let style = &app.style;
    let draw = |ui: &mut egui::Ui, symbol: &crate::scene::Symbol| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(26.0, 12.0), egui::Sense::hover());
        let painter = ui.painter();
        painter.extend(crate::ui::map_view::to_shapes(
            painter.ctx(),
            &crate::scene::symbol_primitives(symbol, rect, style),
        ));
    };
    egui::Grid::new("legend").num_columns(3).spacing([8.0, 4.0]).show(ui, |ui| {
        for e in entries.iter().filter(|e| e.value.is_some()) {
            draw(ui, &e.symbol);
            let label = ui.label(&e.label);
            if let Some(d) = &e.description {
                label.on_hover_text(d);
            }
            ui.label(e.value.as_deref().unwrap_or_default());
            ui.end_row();
        }
    });
    for e in entries.iter().filter(|e| e.value.is_none()) {
        ui.horizontal(|ui| {
            draw(ui, &e.symbol);
            ui.add(egui::Label::new(&e.label).wrap());
        });
    }
}
