//! What the hover box over a zone says: its name, its region in both traditions, who holds it,
//! its area and how well its edges are known.

use egui::{RichText, Ui};

use crate::atlas::{Atlas, ControllerIdx};
use crate::i18n::{Lang, t, tf, thousands};
use crate::scene::NameStyle;

/// Draws the hover box of `zone`.
pub fn zone_info_ui(
    ui: &mut Ui,
    atlas: &Atlas,
    zone: usize,
    controller: Option<ControllerIdx>,
    lang: Lang,
    names: NameStyle,
) {
    let code = lang.code();
    let Some(z) = atlas.zones.get(zone) else { return };
    ui.label(RichText::new(z.name.get(code)).strong());
    if let Some(r) = atlas.region(z.region) {
        ui.label(r.name.get(code));
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
    if let Some(c) = controller.and_then(|c| atlas.controller(c)) {
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
