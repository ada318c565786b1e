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
    /// The date shown (the place's evidence up to it is listed).
    pub date: Option<jiff::civil::Date>,
    /// Who holds the place, and on what that rests.
    pub place_control: Option<crate::atlas::PlaceControl>,
    /// An event marker under the pointer, by index.
    pub event: Option<usize>,
}

/// The place's control and the evidence for it up to the date: who said what on which day.
fn place_evidence_ui(ui: &mut Ui, atlas: &Atlas, place: usize, facts: &HoverFacts, lang: Lang) {
    use crate::atlas::{ControlStatus, EvidenceKind, Witness};
    let code = lang.code();
    let Some(pc) = facts.place_control else { return };
    let side = atlas.controller(pc.controller).map_or("?", |c| c.name.get(code));
    let status = match pc.status {
        ControlStatus::ByZone => t(lang, "by its zone's control"),
        ControlStatus::Claimed => t(lang, "on one side's claim only"),
        ControlStatus::Disputed => t(lang, "claimed, and disputed by the other side"),
        ControlStatus::Confirmed => t(lang, "confirmed"),
    };
    let since = pc.since.map(|d| tf(lang, " since {}", &[&crate::i18n::short_date(d, lang)])).unwrap_or_default();
    ui.label(RichText::new(format!("{}{since}", tf(lang, "Held by {} ({})", &[side, status]))).strong());
    let Some(date) = facts.date else { return };
    let rows: Vec<&crate::atlas::Evidence> = atlas
        .place_control
        .evidence_of
        .get(place)
        .into_iter()
        .flatten()
        .filter_map(|&i| atlas.evidence.get(i))
        .filter(|e| e.date <= date)
        .collect();
    let skipped = rows.len().saturating_sub(5);
    for e in rows.iter().skip(skipped) {
        let kind = match e.kind {
            EvidenceKind::Claim => t(lang, "claim"),
            EvidenceKind::Denial => t(lang, "denial"),
            EvidenceKind::Counterclaim => t(lang, "counterclaim"),
            EvidenceKind::Confirmation => t(lang, "confirmation"),
            EvidenceKind::Handover => t(lang, "handover"),
            EvidenceKind::Assessment => t(lang, "assessment"),
        };
        let by = match e.by {
            Witness::Side(c) => atlas.controller(c).map_or("?", |c| c.name.get(code)),
            Witness::Neutral => t(lang, "a neutral source"),
            Witness::Agreement => t(lang, "an agreement"),
        };
        let who = e.said_by.as_deref().map(|s| format!(" ({s})")).unwrap_or_default();
        ui.label(format!("{} — {kind}, {by}{who}", crate::i18n::short_date(e.date, lang)));
        let sources: Vec<&str> = e.sources.iter().take(2).map(|s| s.title.as_str()).collect();
        ui.label(RichText::new(sources.join(" · ")).small().weak());
    }
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
    if let Some(e) = facts.event.and_then(|i| atlas.events.get(i)) {
        ui.label(RichText::new(crate::i18n::long_date(e.date, lang)).strong());
        ui.label(e.text.get(code));
        if let Some(claim) = &e.claim {
            ui.label(RichText::new(claim.get(code)).italics().small());
        }
        let sources: Vec<&str> = e.sources.iter().take(3).map(|s| s.title.as_str()).collect();
        ui.label(RichText::new(sources.join(" · ")).small().weak());
        ui.separator();
    }
    if let Some(p) = facts.place.and_then(|i| atlas.places.get(i)) {
        ui.label(RichText::new(place_label(p, names, lang)).strong());
        // The local names are given here whatever the labels show.
        let local = [p.name_first.as_deref(), p.name_second.as_deref()];
        for (name, tradition) in local.into_iter().zip(&atlas.traditions) {
            if let Some(name) = name {
                ui.label(RichText::new(format!("{}: {name}", tradition.label.get(code))).weak());
            }
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
        if let Some(i) = facts.place {
            place_evidence_ui(ui, atlas, i, facts, lang);
        }
        ui.separator();
    }
    if let Some(z) = facts.zone.and_then(|z| atlas.zones.get(z)) {
        ui.label(RichText::new(z.name.get(code)).strong());
        if let Some(r) = atlas.region(z.region) {
            ui.label(r.name.get(code));
            let (hy, az) = match names {
                NameStyle::First => (r.name_first.as_deref(), None),
                NameStyle::Second => (None, r.name_second.as_deref()),
                NameStyle::Both | NameStyle::International => (r.name_first.as_deref(), r.name_second.as_deref()),
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
