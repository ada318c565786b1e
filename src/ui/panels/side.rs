//! The side panel's main part: the phase with its dates, summary and sources, the changes of
//! control so far in it, the legend with km² held and the lines shown, and its events.

use egui::{RichText, Ui};

use super::{sources_ui, swatch};
use crate::atlas::{Atlas, LineKind, ZoneIdx};
use crate::i18n::{Lang, long_date, short_date, t, tf, thousands};
use crate::ui::{AtlasApp, Command};

/// Draws the panel; returns the event the user clicked, if any.
pub fn side_panel_ui(ui: &mut Ui, app: &AtlasApp) -> Option<Command> {
    let atlas = &app.loaded.atlas;
    let lang = app.lang();
    let code = lang.code();
    let date = app.cursor.date();
    let selected_event = app.cursor.selected_event();
    let style = &app.style;
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
                if let Some(claim) = &c.claim {
                    ui.label(RichText::new(claim.get(code)).italics().small());
                }
            }
        }

        ui.separator();
        ui.label(RichText::new(t(lang, "Legend")).strong());
        egui::Grid::new("legend").num_columns(3).spacing([8.0, 4.0]).show(ui, |ui| {
            for a in app.cursor.areas() {
                let Some(c) = atlas.controller(a.controller) else {
                    continue;
                };
                if a.area_km2 <= 0.0 {
                    continue;
                }
                swatch(ui, style.zone_fill(c.colour));
                ui.label(c.name.get(code)).on_hover_text(c.description.get(code));
                ui.label(format!("{} km²", thousands(a.area_km2, lang)));
                ui.end_row();
            }
        });
        shades_legend(ui, app);
        let mut kinds: Vec<(LineKind, &str)> = Vec::new();
        for l in atlas.lines.iter().filter(|l| l.applies_on(date)) {
            // One entry a kind, except checkpoints, each of which is its own place and story.
            if l.kind == LineKind::Checkpoint || !kinds.iter().any(|(k, _)| *k == l.kind) {
                kinds.push((l.kind, l.name.get(code)));
            }
        }
        // Roads in use on the date, drawn dashed where schematic, and the outline of the regions the
        // atlas is about: symbols the map uses that the reader must be told.
        let mut extra: Vec<(crate::scene::LineStyle, String)> = Vec::new();
        if app.settings.layers.roads && atlas.land.roads.iter().any(|r| r.applies_on(date)) {
            let schematic = atlas.land.roads.iter().any(|r| r.applies_on(date) && r.schematic);
            let s = crate::scene::LineStyle {
                width: 2.0,
                colour: style.road,
                dash: schematic.then_some((6.0, 3.5)),
                glow: None,
            };
            let label = if schematic {
                t(lang, "Road (schematic: the places it joined, not its course)")
            } else {
                t(lang, "Road")
            };
            extra.push((s, label.to_owned()));
        }
        if let Some(r) = atlas.regions.iter().find(|r| r.emphasis) {
            let s = crate::scene::LineStyle { width: 2.4, colour: style.emphasis_edge, dash: None, glow: None };
            extra.push((s, tf(lang, "Outline: {}", &[r.name.get(code)])));
        }
        let lines = kinds.into_iter().map(|(kind, name)| (Some(kind), style.line(kind), name.to_owned()));
        for (kind, s, name) in lines.chain(extra.into_iter().map(|(s, n)| (None, s, n))) {
            ui.horizontal(|ui| {
                let (rect, _) = ui.allocate_exact_size(egui::vec2(26.0, 12.0), egui::Sense::hover());
                if kind == Some(LineKind::Checkpoint) {
                    let painter = ui.painter();
                    painter.extend(crate::ui::map_view::to_shapes(painter, &style.checkpoint_sign(rect.center(), 6.0)));
                    ui.add(egui::Label::new(name).wrap());
                    return;
                }
                let (a, b) = (rect.left_center(), rect.right_center());
                if let Some((w, c)) = s.glow {
                    ui.painter().line_segment([a, b], egui::Stroke::new(w, c));
                }
                let stroke = egui::Stroke::new(s.width, s.colour);
                match s.dash {
                    Some((d, g)) => {
                        ui.painter().extend(egui::Shape::dashed_line(&[a, b], stroke, d, g));
                    }
                    None => {
                        ui.painter().line_segment([a, b], stroke);
                    }
                }
                ui.add(egui::Label::new(name).wrap());
            });
        }
        // The places' symbols, when some rest on a claim only or a disputed claim on the date.
        let statuses: Vec<crate::atlas::ControlStatus> =
            app.cursor.place_control().iter().flatten().map(|c| c.status).collect();
        let claimed = statuses.contains(&crate::atlas::ControlStatus::Claimed);
        let disputed = statuses.contains(&crate::atlas::ControlStatus::Disputed);
        if claimed || disputed {
            let grey = egui::Color32::from_gray(110);
            let mut symbol = |fill: egui::Color32, ring: egui::Color32, width: f32, label: &str| {
                ui.horizontal(|ui| {
                    let (rect, _) = ui.allocate_exact_size(egui::vec2(26.0, 12.0), egui::Sense::hover());
                    ui.painter().circle(rect.center(), 4.0, fill, egui::Stroke::new(width, ring));
                    ui.label(label);
                });
            };
            symbol(grey, egui::Color32::WHITE, 1.2, t(lang, "Place held (by its zone, or confirmed)"));
            if claimed {
                symbol(egui::Color32::WHITE, grey, 2.2, t(lang, "Claimed by one side only"));
            }
            if disputed {
                symbol(style.disputed, grey, 2.2, t(lang, "Claim disputed by the other side"));
            }
        }
        // The events on the map (the last weeks'), by kind.
        let date = app.cursor.date();
        let since = date.checked_sub(jiff::Span::new().days(crate::scene::EVENT_MARKER_DAYS)).unwrap_or(date);
        let mut kinds: Vec<(egui::Color32, &str)> = Vec::new();
        for e in atlas.events.iter().filter(|e| {
            !e.offmap
                && e.date <= date
                && e.end.unwrap_or(e.date) >= since
                && (e.place.is_some() || e.position.is_some())
        }) {
            let colour = style.event_marker(&e.kind);
            let label = match colour {
                c if c == style.event_marker("battle") => t(lang, "Fighting (last 30 days)"),
                c if c == style.event_marker("agreement") => t(lang, "Agreements and politics (last 30 days)"),
                c if c == style.event_marker("humanitarian") => t(lang, "Humanitarian (last 30 days)"),
                _ => t(lang, "Other events (last 30 days)"),
            };
            if !kinds.iter().any(|(c, _)| *c == colour) {
                kinds.push((colour, label));
            }
        }
        for (colour, label) in kinds {
            ui.horizontal(|ui| {
                let (rect, _) = ui.allocate_exact_size(egui::vec2(26.0, 12.0), egui::Sense::hover());
                let c = rect.center();
                let d = [
                    c + egui::vec2(0.0, -5.0),
                    c + egui::vec2(5.0, 0.0),
                    c + egui::vec2(0.0, 5.0),
                    c + egui::vec2(-5.0, 0.0),
                ];
                ui.painter().add(egui::Shape::convex_polygon(
                    d.to_vec(),
                    colour,
                    egui::Stroke::new(1.0, egui::Color32::WHITE),
                ));
                ui.label(label);
            });
        }
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

/// The legend of the ground's shades, when the map uses them on the date: ground resting on one
/// side's claim only (or disputed), striped in the claimant's colour; ground taken since an
/// earlier day, lighter.
fn shades_legend(ui: &mut egui::Ui, app: &AtlasApp) {
    use crate::atlas::ControlStatus;
    let (lang, style) = (app.lang(), &app.style);
    let cells = app.cursor.cell_control();
    let claimed = cells.iter().any(|(_, s)| matches!(s, ControlStatus::Claimed | ControlStatus::Disputed));
    let taken = app.cursor.taken().filter(|_| app.settings.layers.taken).filter(|t| {
        let moved_cell = cells.iter().zip(&t.cells).any(|((now, _), before)| now != before);
        let moved_zone = app.cursor.control().iter().zip(&t.zones).any(|(now, before)| now != before);
        if cells.is_empty() { moved_zone } else { moved_cell }
    });
    let grey = style.zone_fill([0x80, 0x80, 0x80]);
    let sample = |ui: &mut egui::Ui, stripes: bool, label: &str| {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(16.0, 12.0), egui::Sense::hover());
            let painter = ui.painter_at(rect);
            painter.rect_filled(rect, 2.0, style.lighter(grey));
            if stripes {
                let ring = vec![rect.left_top(), rect.right_top(), rect.right_bottom(), rect.left_bottom()];
                for (a, b) in crate::scene::hatch(&[ring], 4.0, rect) {
                    painter.line_segment([a, b], egui::Stroke::new(1.2, egui::Color32::from_gray(90)));
                }
            }
            ui.add(egui::Label::new(label).wrap());
        });
    };
    if claimed {
        sample(ui, true, t(lang, "Striped: one side's claim only, or disputed (in the claimant's colour)"));
    }
    if let Some(taken) = taken {
        let day = long_date(taken.since, lang);
        let label = if taken.chosen {
            tf(lang, "Lighter: changed hands since {}", &[&day])
        } else {
            tf(lang, "Lighter: changed hands since {} (the day before the fighting began)", &[&day])
        };
        sample(ui, false, &label);
    }
}
