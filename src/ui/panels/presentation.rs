//! Presentation mode's big title, date and caption, readable from the back of a room.

use egui::RichText;

use crate::i18n::long_date;
use crate::ui::AtlasApp;

/// The caption: the selected event's text, else the phase's latest event so far, else the first
/// sentence of the phase's summary.
pub fn caption(app: &AtlasApp) -> Option<String> {
    let atlas = &app.loaded.atlas;
    let code = app.lang().code();
    let date = app.cursor.date();
    let phase = app.cursor.phase().and_then(|p| atlas.phases.get(p))?;
    let event = app
        .cursor
        .selected_event()
        .and_then(|e| atlas.events.get(e))
        .or_else(|| atlas.events.iter().rev().find(|e| e.date <= date && e.date >= phase.start));
    Some(match event {
        Some(e) => e.text.get(code).to_owned(),
        None => phase.summary.get(code).split(". ").next().unwrap_or("").to_owned(),
    })
}

/// Draws the title and caption over the map; returns where they are, for labels to keep clear.
pub fn presentation_ui(ui: &mut egui::Ui, app: &AtlasApp) -> Vec<egui::Rect> {
    let lang = app.lang();
    let rect = ui.max_rect();
    let atlas = &app.loaded.atlas;
    let Some(phase) = app.cursor.phase().and_then(|p| atlas.phases.get(p)) else { return Vec::new() };
    let caption = caption(app).unwrap_or_default();
    let panel = |ui: &mut egui::Ui,
                 id: &str,
                 anchor: egui::Align2,
                 offset: egui::Vec2,
                 add: &mut dyn FnMut(&mut egui::Ui)|
     -> egui::Rect {
        egui::Area::new(egui::Id::unique(id))
            .anchor(anchor, offset)
            .order(egui::Order::Foreground)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).fill(egui::Color32::from_white_alpha(235)).inner_margin(14.0).show(
                    ui,
                    |ui| {
                        ui.set_max_width(rect.width() * 0.8);
                        add(ui);
                    },
                );
            })
            .response
            .rect
    };
    let title = phase.title.get(lang.code()).to_owned();
    let date = long_date(app.cursor.date(), lang);
    let top = panel(ui, "present_title", egui::Align2::LEFT_TOP, egui::vec2(24.0, 24.0), &mut |ui| {
        ui.label(RichText::new(&title).size(34.0).strong().color(egui::Color32::from_gray(20)));
        ui.label(RichText::new(&date).size(28.0).color(egui::Color32::from_gray(40)));
    });
    let bottom = panel(ui, "present_caption", egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -28.0), &mut |ui| {
        ui.label(RichText::new(&caption).size(24.0).color(egui::Color32::from_gray(20)));
    });
    vec![top, bottom]
}
