//! The About window: the atlas's own description and credits, how to read the map, and the
//! program's own licences.

use egui::RichText;

use crate::i18n::{t, tf};
use crate::ui::{AtlasApp, Command};

/// Draws the About window while it is open.
pub fn about_ui(ctx: &egui::Context, app: &AtlasApp) -> Option<Command> {
    if !app.show_about {
        return None;
    }
    let lang = app.lang();
    let code = lang.code();
    let atlas = &app.loaded.atlas;
    let mut open = true;
    egui::Window::new(tf(lang, "About {}", &["Karabakh Atlas"])).open(&mut open).default_width(520.0).show(ctx, |ui| {
        ui.label(RichText::new(atlas.title.get(code)).strong());
        ui.label(atlas.description.get(code));
        ui.add_space(6.0);
        ui.label(t(lang, "How to read the map: each zone is coloured by the side that held it on the date shown. Dashed zone edges are only approximately known. Lines of contact, ceasefire lines, corridors and fronts appear only on the dates they apply."));
        // The atlas's own naming traditions, as its names menu offers them.
        let traditions: Vec<&str> = atlas.traditions.iter().map(|t| t.label.get(code)).collect();
        if !traditions.is_empty() {
            ui.label(tf(lang, "Place names are given in each naming tradition of this atlas ({}); the Names menu chooses which the map shows.", &[&traditions.join(" / ")]));
        }
        ui.add_space(6.0);
        ui.label(RichText::new(t(lang, "Sources and licences")).strong());
        let credits = atlas.attribution.get(code);
        if !credits.is_empty() {
            ui.label(t(lang, "Credits of this atlas:"));
            ui.label(credits);
        }
        ui.label(t(lang, "Every phase and event lists its own sources in the side panel."));
        ui.label(t(lang, "Font: Noto Sans, SIL Open Font License 1.1."));
    });
    (!open).then_some(Command::ShowAbout(false))
}
