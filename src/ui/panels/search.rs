//! The search box (Ctrl+F): finds a settlement, region, river or peak by any of its names as the
//! user types, and centres the map on the choice with a ring.

use egui::{RichText, Ui};

use crate::atlas::{Found, SearchHit};
use crate::i18n::{Lang, t};
use crate::scene::{names_label, place_label, region_label};
use crate::ui::{AtlasApp, Command};

/// How many matches the list shows.
const SHOWN: usize = 8;

/// The zoom a found feature is shown at: close for a village, wider for a region or a river.
fn zoom_for(found: Found) -> f32 {
    match found {
        Found::Place(_) => 6.0,
        Found::Height(_) => 4.0,
        Found::Water(_) | Found::Region(_) => 2.0,
    }
}

/// A match as the list shows it: the name in the chosen style, the name that matched if it is
/// another, and what it is.
fn describe(app: &AtlasApp, hit: &SearchHit, lang: Lang) -> String {
    let atlas = &app.loaded.atlas;
    let names = app.settings.names;
    let (shown, what) = match hit.found {
        Found::Place(i) => {
            let p = atlas.place(i);
            let region = p.and_then(|p| p.region).and_then(|r| atlas.region(r));
            let what = match region {
                Some(r) => {
                    format!("{}, {}", t(lang, crate::atlas::kind_word(atlas, hit.found)), region_label(r, lang, names))
                }
                None => t(lang, crate::atlas::kind_word(atlas, hit.found)).to_owned(),
            };
            (p.map(|p| place_label(p, names, lang)), what)
        }
        Found::Region(i) => (atlas.region(i).map(|r| r.name.get(lang.code()).to_owned()), t(lang, "region").to_owned()),
        Found::Water(i) => (
            atlas.land.water.get(i).and_then(|w| names_label(&w.names, names, lang)),
            t(lang, crate::atlas::kind_word(atlas, hit.found)).to_owned(),
        ),
        Found::Height(i) => (
            atlas.land.heights.get(i).and_then(|h| names_label(&h.names, names, lang)),
            t(lang, crate::atlas::kind_word(atlas, hit.found)).to_owned(),
        ),
    };
    let shown = shown.unwrap_or_else(|| hit.matched.clone());
    if crate::atlas::fold(&shown).contains(&crate::atlas::fold(&hit.matched)) {
        format!("{shown} — {what}")
    } else {
        format!("{shown} ({}) — {what}", hit.matched)
    }
}

/// Draws the search box and, while it holds text, its matches. Returns the choice.
pub fn search_ui(ui: &mut Ui, app: &AtlasApp) -> Option<Command> {
    let lang = app.lang();
    let mut command = None;
    let id = egui::Id::unique("search_box");
    let text_id = id.with("text");
    let mut text: String = ui.data(|d| d.get_temp(text_id)).unwrap_or_default();
    let label = ui.label(RichText::new(t(lang, "Find")).weak());
    let edit =
        egui::TextEdit::singleline(&mut text).id(id).hint_text(t(lang, "place, river, peak…")).desired_width(170.0);
    let response = ui.add(edit).labelled_by(label.id);
    let response =
        response.on_hover_text(t(lang, "Find a village, town, district, river or peak by any of its names (Ctrl+F)"));
    if app.focus_search {
        response.request_focus();
        command = Some(Command::FocusSearch(false));
    }
    let hits = if text.trim().is_empty() { Vec::new() } else { app.loaded.search.find(&text, SHOWN) };
    let mut chosen: Option<&SearchHit> = None;
    if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        chosen = hits.first();
    }
    if ui.input(|i| i.key_pressed(egui::Key::Escape)) && response.has_focus() {
        text.clear();
    }
    if !text.trim().is_empty() {
        egui::Area::new(id.with("matches"))
            .order(egui::Order::Foreground)
            .fixed_pos(response.rect.left_bottom() + egui::vec2(0.0, 4.0))
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_min_width(260.0);
                    if hits.is_empty() {
                        ui.label(RichText::new(t(lang, "Nothing found")).weak());
                    }
                    for hit in &hits {
                        // Each match's button keeps its id while the list changes as the user types.
                        let clicked = ui.push_id(hit.found, |ui| ui.button(describe(app, hit, lang)).clicked()).inner;
                        if clicked {
                            chosen = Some(hit);
                        }
                    }
                });
            });
    }
    if let Some(hit) = chosen {
        command = Some(Command::GoTo { lonlat: hit.lonlat, zoom: zoom_for(hit.found) });
        text.clear();
    }
    ui.data_mut(|d| d.insert_temp(text_id, text));
    command
}
