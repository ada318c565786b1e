//! What the hover box says: the place under the pointer with all its names, the zone and its
//! region in both traditions, who holds it, its area, how well its edges are known, and the
//! height of the ground.

use egui::{RichText, Ui};

use crate::atlas::{Atlas, ControllerIdx};
use crate::i18n::{Lang, t, tf, thousands};
use crate::scene::{NameStyle, place_label};

/// What is under the pointer.
#[derive(Clone, Debug, Default)]
pub struct HoverFacts {
    /// The zone, by index.
    pub zone: Option<usize>,
    /// Its controller on the date shown.
    pub controller: Option<ControllerIdx>,
    /// A place within a few points, by index.
    pub place: Option<usize>,
    /// The grid's height there and the grid's cell size in km.
    pub elevation: Option<(f32, f64)>,
}

/// The names of a feature in both traditions, as the hover box lists them ("Shushi / Şuşa").
fn traditions(hy: Option<&str>, az: Option<&str>) -> Option<String> {
    match (hy, az) {
        (Some(h), Some(a)) if h == a => Some(h.to_owned()),
        (Some(h), Some(a)) => Some(format!("{h} / {a}")),
        (Some(one), None) | (None, Some(one)) => Some(one.to_owned()),
        (None, None) => None,
    }
}

/// Draws the hover box.
pub fn zone_info_ui(ui: &mut Ui, atlas: &Atlas, facts: &HoverFacts, lang: Lang, names: NameStyle) {
    let code = lang.code();
    if let Some(p) = facts.place.and_then(|i| atlas.places.get(i)) {
        ui.label(RichText::new(place_label(p, names, lang)).strong());
        // The local names are given here whatever the labels show.
        let hy = p.name_hy.as_deref().map(|s| tf(lang, "Armenian usage: {}", &[s]));
        let az = p.name_az.as_deref().map(|s| tf(lang, "Azerbaijani usage: {}", &[s]));
        for line in [hy, az].into_iter().flatten() {
            ui.label(RichText::new(line).weak());
        }
        if !p.other_names.is_empty() {
            let others: Vec<&str> = p.other_names.iter().take(4).map(String::as_str).collect();
            ui.label(RichText::new(tf(lang, "Also: {}", &[&others.join(", ")])).weak().small());
        }
        if let Some(d) = &p.district {
            ui.label(tf(lang, "District: {}", &[d]));
        }
        if p.abandoned {
            ui.label(RichText::new(t(lang, "Abandoned")).italics());
        }
        ui.separator();
    }
    if let Some(z) = facts.zone.and_then(|z| atlas.zones.get(z)) {
        ui.label(RichText::new(z.name.get(code)).strong());
        if let Some(r) = atlas.region(z.region) {
            ui.label(r.name.get(code));
            let (hy, az) = match names {
                NameStyle::Armenian => (r.name_hy.as_deref(), None),
                NameStyle::Azerbaijani => (None, r.name_az.as_deref()),
                NameStyle::Both | NameStyle::International => (r.name_hy.as_deref(), r.name_az.as_deref()),
            };
            if let Some(both) = traditions(hy, az) {
                ui.label(RichText::new(both).weak());
            }
        }
        if let Some(c) = facts.controller.and_then(|c| atlas.controller(c)) {
            ui.label(tf(lang, "Held by: {}", &[c.name.get(code)]));
        }
        ui.label(tf(lang, "Area: {} km²", &[&thousands(z.area_km2, lang)]));
        if z.approximate {
            ui.label(RichText::new(t(lang, "Approximate edges")).italics());
        }
        let note = z.note.get(code);
        if !note.is_empty() {
            ui.label(RichText::new(note).small());
        }
    }
    if let Some((metres, cell_km)) = facts.elevation {
        let grid = format!("{:.0}", cell_km.max(0.1));
        ui.label(tf(
            lang,
            "Elevation ≈ {} m ({} km grid)",
            &[&thousands((f64::from(metres) / 10.0).round() * 10.0, lang), &grid],
        ));
    }
}
