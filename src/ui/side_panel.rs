//! The side panel: the phase and its sources, its events, the legend with km² held, and the
//! zone info shown on hover; also the About text.

use egui::{Color32, RichText, Ui};
use jiff::civil::Date;

use crate::atlas::{Atlas, ControllerArea, ControllerIdx, LineKind, Source};
use crate::i18n::{long_date, short_date, t, tf, thousands};
use crate::scene::Style;

fn sources_ui(ui: &mut Ui, sources: &[Source]) {
    for s in sources {
        match &s.url {
            Some(url) => {
                ui.hyperlink_to(RichText::new(&s.title).small(), url);
            }
            None => {
                ui.label(RichText::new(&s.title).small());
            }
        }
    }
}

fn swatch(ui: &mut Ui, colour: Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(16.0, 12.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, colour);
}

/// Draws the panel; returns the event the user clicked, if any.
pub fn side_panel_ui(
    ui: &mut Ui,
    atlas: &Atlas,
    date: Date,
    phase: Option<usize>,
    areas: &[ControllerArea],
    selected_event: Option<usize>,
    lang: &str,
) -> Option<usize> {
    let mut clicked = None;
    ui.scope(|ui| {
        let Some(p) = phase.and_then(|i| atlas.phases.get(i)) else {
            ui.label(t(lang, "This date is outside the atlas's timeline."));
            return;
        };
        ui.add_space(4.0);
        ui.label(RichText::new(p.title.get(lang)).heading().strong());
        let end = p.end.map_or(t(lang, "today").to_owned(), |d| long_date(d, lang));
        ui.label(RichText::new(format!("{} – {end}", long_date(p.start, lang))).weak());
        ui.add_space(4.0);
        ui.label(p.summary.get(lang));
        egui::CollapsingHeader::new(tf(lang, "Sources ({})", &[&p.sources.len().to_string()]))
            .id_salt("phase_sources")
            .show(ui, |ui| sources_ui(ui, &p.sources));

        let changes: Vec<_> = p.changes.iter().filter(|c| c.date <= date).collect();
        if !changes.is_empty() {
            ui.separator();
            ui.label(RichText::new(t(lang, "Changes of control so far in this phase")).strong());
            for c in changes {
                let zones = zone_list(atlas, &c.zones, lang);
                let to = atlas.controllers.get(c.controller).map_or("", |k| k.name.get(lang));
                ui.label(tf(lang, "{}: {} passed to {}", &[&long_date(c.date, lang), &zones, to]));
                if let Some(claim) = &c.claim {
                    ui.label(RichText::new(claim.get(lang)).italics().small());
                }
            }
        }

        ui.separator();
        ui.label(RichText::new(t(lang, "Legend")).strong());
        let style = Style::default();
        egui::Grid::new("legend").num_columns(3).spacing([8.0, 4.0]).show(ui, |ui| {
            for a in areas {
                let Some(c) = atlas.controllers.get(a.controller) else {
                    continue;
                };
                if a.area_km2 <= 0.0 {
                    continue;
                }
                swatch(ui, style.zone_fill(c.colour));
                ui.label(c.name.get(lang)).on_hover_text(c.description.get(lang));
                ui.label(format!("{} km²", thousands(a.area_km2)));
                ui.end_row();
            }
        });
        let mut kinds: Vec<(LineKind, &str)> = Vec::new();
        for l in atlas.lines.iter().filter(|l| l.applies_on(date)) {
            if !kinds.iter().any(|(k, _)| *k == l.kind) {
                kinds.push((l.kind, l.name.get(lang)));
            }
        }
        for (kind, name) in kinds {
            ui.horizontal(|ui| {
                let s = style.line(kind);
                let (rect, _) = ui.allocate_exact_size(egui::vec2(26.0, 12.0), egui::Sense::hover());
                let a = rect.left_center();
                let b = rect.right_center();
                if let Some((w, c)) = s.glow {
                    ui.painter().line_segment([a, b], egui::Stroke::new(w, c));
                }
                match s.dash {
                    Some((d, g)) => {
                        ui.painter().extend(egui::Shape::dashed_line(
                            &[a, b],
                            egui::Stroke::new(s.width, s.colour),
                            d,
                            g,
                        ));
                    }
                    None => {
                        ui.painter().line_segment([a, b], egui::Stroke::new(s.width, s.colour));
                    }
                }
                ui.label(name);
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
            let text = format!("{} — {}", short_date(e.date, lang), e.text.get(lang));
            let text = if past { RichText::new(text) } else { RichText::new(text).weak() };
            let response = ui.selectable_label(selected_event == Some(i), text);
            if response.clicked() {
                clicked = Some(i);
            }
            if selected_event == Some(i) {
                if let Some(claim) = &e.claim {
                    ui.label(RichText::new(claim.get(lang)).italics().small());
                }
                ui.indent(("event_sources", i), |ui| sources_ui(ui, &e.sources));
            }
        }
    });
    clicked
}

/// Names a set of zones briefly: a whole region by the region's name, other zones by their own.
fn zone_list(atlas: &Atlas, zones: &[usize], lang: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let mut done = vec![false; zones.len()];
    for (i, &z) in zones.iter().enumerate() {
        if done[i] {
            continue;
        }
        let region = atlas.zones[z].region;
        let in_region: Vec<usize> = (0..atlas.zones.len()).filter(|&k| atlas.zones[k].region == region).collect();
        let whole = in_region.len() > 1 && in_region.iter().all(|k| zones.contains(k));
        if whole {
            for (j, &other) in zones.iter().enumerate() {
                if atlas.zones[other].region == region {
                    done[j] = true;
                }
            }
            parts.push(atlas.regions[region].name.get(lang));
        } else {
            parts.push(atlas.zones[z].name.get(lang));
        }
    }
    parts.join(", ")
}

/// What the tooltip over a zone says: names in both traditions, district, controller, area.
pub fn zone_info_ui(
    ui: &mut Ui,
    atlas: &Atlas,
    zone: usize,
    controller: Option<ControllerIdx>,
    lang: &str,
    names: crate::scene::NameStyle,
) {
    use crate::scene::NameStyle;
    let Some(z) = atlas.zones.get(zone) else { return };
    ui.label(RichText::new(z.name.get(lang)).strong());
    if let Some(r) = atlas.regions.get(z.region) {
        ui.label(r.name.get(lang));
        let (hy, az) = match names {
            NameStyle::Both => (r.name_hy.as_deref(), r.name_az.as_deref()),
            NameStyle::Armenian => (r.name_hy.as_deref(), None),
            NameStyle::Azerbaijani => (None, r.name_az.as_deref()),
        };
        let traditions: Vec<&str> = [hy, az].into_iter().flatten().collect();
        if !traditions.is_empty() {
            ui.label(RichText::new(traditions.join(" / ")).weak());
        }
    }
    if let Some(c) = controller.and_then(|c| atlas.controllers.get(c)) {
        ui.label(tf(lang, "Held by: {}", &[c.name.get(lang)]));
    }
    ui.label(tf(lang, "Area: {} km²", &[&thousands(z.area_km2)]));
    if z.approximate {
        ui.label(RichText::new(t(lang, "Approximate edges")).italics());
    }
    let note = z.note.get(lang);
    if !note.is_empty() {
        ui.label(RichText::new(note).small());
    }
}

/// The About window's text.
pub fn about_ui(ui: &mut Ui, atlas: &Atlas, lang: &str) {
    ui.label(RichText::new(atlas.title.get(lang)).strong());
    ui.label(atlas.description.get(lang));
    ui.add_space(6.0);
    ui.label(t(lang, "How to read the map: each zone is coloured by the side that held it on the date shown. Dashed zone edges are only approximately known. Lines of contact, the 2020 ceasefire line, the Lachin corridor and the Talish front appear only on the dates they apply. Place names are given in both traditions (Armenian usage / Azerbaijani usage)."));
    ui.add_space(6.0);
    ui.label(RichText::new(t(lang, "Sources and licences")).strong());
    ui.label(t(lang, "Geometry: Natural Earth (naturalearthdata.com), public domain. Corrections to it are listed in assets/karabakh/SOURCES.md."));
    ui.label(t(lang, "Place coordinates: GeoNames (geonames.org), CC BY 4.0, and Wikipedia."));
    ui.label(t(lang, "Every phase and event lists its own sources in the side panel."));
    ui.label(t(lang, "Font: Noto Sans, SIL Open Font License 1.1."));
    if !atlas.attribution.is_empty() {
        ui.label(RichText::new(&atlas.attribution).small());
    }
}

/// The zones that changed hands, one entry each: date, zone and district, from and to, km², source.
pub fn changes_table_ui(ui: &mut Ui, atlas: &Atlas, changes: &[crate::atlas::ZoneChange], lang: &str) {
    let style = Style::default();
    for c in changes {
        let zone = &atlas.zones[c.zone];
        let region = &atlas.regions[zone.region];
        let (Some(from), Some(to)) = (atlas.controllers.get(c.from), atlas.controllers.get(c.to)) else {
            continue;
        };
        ui.add_space(3.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(short_date(c.date, lang)).strong());
            ui.label(format!("{} ({})", zone.name.get(lang), region.label.as_ref().unwrap_or(&region.name).get(lang)));
            ui.label(RichText::new(format!("{} km²", thousands(c.area_km2))).weak());
        });
        ui.horizontal_wrapped(|ui| {
            swatch(ui, style.zone_fill(from.colour));
            ui.label(from.name.get(lang));
            ui.label(t(lang, "to"));
            swatch(ui, style.zone_fill(to.colour));
            ui.label(to.name.get(lang));
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
        ui.label(
            RichText::new(format!(
                "{}: {}{} km²",
                c.name.get(lang),
                if n > 0.0 { "+" } else { "−" },
                thousands(n.abs())
            ))
            .strong(),
        );
    }
}

/// Official against computed area, the history of control as a strip, and sources.
pub fn region_facts_ui(ui: &mut Ui, atlas: &Atlas, axis: &super::time_slider::TimeAxis, region: usize, lang: &str) {
    let r = &atlas.regions[region];
    let traditions: Vec<&str> = [r.name_hy.as_deref(), r.name_az.as_deref()].into_iter().flatten().collect();
    if !traditions.is_empty() {
        ui.label(RichText::new(traditions.join(" / ")).weak());
    }
    egui::Grid::new("region_facts").num_columns(2).show(ui, |ui| {
        if let Some(o) = r.official_area_km2 {
            ui.label(t(lang, "Official area"));
            ui.label(format!("{} km²", thousands(o)));
            ui.end_row();
        }
        ui.label(t(lang, "As drawn here"));
        ui.label(format!("{} km²", thousands(r.area_km2)));
        ui.end_row();
        if let Some(today) = r.today_boundary.and_then(|i| atlas.context.get(i)) {
            ui.label(t(lang, "Today's boundaries"));
            ui.label(format!("{} km²", thousands(geo::GeodesicArea::geodesic_area_unsigned(&today.geometry) / 1e6)));
            ui.end_row();
        }
    });
    if let Some(note) = &r.area_note {
        ui.label(RichText::new(note.get(lang)).small());
    }
    // History of control: the share of each side, phase step by phase step, on the slider's axis.
    ui.label(RichText::new(t(lang, "Control over time")).small());
    let (rect, _) = ui.allocate_exact_size(egui::vec2(ui.available_width(), 22.0), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let style = Style::default();
    let history = atlas.area_history();
    let zones: Vec<usize> = (0..atlas.zones.len()).filter(|&z| atlas.zones[z].region == region).collect();
    for (i, (d, _)) in history.iter().enumerate() {
        let next = history.get(i + 1).map(|h| h.0);
        let x0 = rect.left() + axis.frac(super::time_slider::day_number(*d)) * rect.width();
        let x1 =
            next.map_or(rect.right(), |n| rect.left() + axis.frac(super::time_slider::day_number(n)) * rect.width());
        let Some(control) = atlas.control_at(*d) else { continue };
        let total: f64 = zones.iter().map(|&z| atlas.zones[z].area_km2).sum::<f64>().max(1e-9);
        // Stack each controller's share of the region vertically.
        let mut y = rect.top();
        for (c, k) in atlas.controllers.iter().enumerate() {
            let share: f64 =
                zones.iter().filter(|&&z| control[z] == c).map(|&z| atlas.zones[z].area_km2).sum::<f64>() / total;
            if share <= 0.0 {
                continue;
            }
            let h = rect.height() * share as f32;
            painter.rect_filled(
                egui::Rect::from_min_max(egui::pos2(x0, y), egui::pos2(x1.max(x0 + 0.5), y + h)),
                0.0,
                style.zone_fill(k.colour),
            );
            y += h;
        }
    }
    ui.label(RichText::new(t(lang, "Same time scale as the slider below.")).small().weak());
    let sources: Vec<Source> = vec![Source {
        title: "Natural Earth (public domain); see SOURCES.md of the atlas".into(),
        url: Some("https://www.naturalearthdata.com/".into()),
    }];
    sources_ui(ui, &sources);
}
