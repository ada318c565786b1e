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

/// Where the date shown is in the presentation's steps (the deck's slides: each phase's start,
/// then each event, in date order): the step (from 1) and how many there are.
pub fn step_of(app: &AtlasApp) -> (usize, usize) {
    let atlas = &app.loaded.atlas;
    let mut steps: Vec<(jiff::civil::Date, usize, Option<usize>)> =
        atlas.phases.iter().map(|p| (p.start, 0, None)).collect();
    steps.extend(atlas.events.iter().enumerate().map(|(i, e)| (e.date, 1, Some(i))));
    steps.sort();
    let date = app.cursor.date();
    let at = match app.cursor.selected_event() {
        Some(e) => steps.iter().position(|s| s.2 == Some(e)),
        // Between steps: the last one passed.
        None => steps.iter().rposition(|s| s.0 <= date),
    };
    (at.map_or(0, |i| i + 1), steps.len())
}

/// The band along the top: the phase's title and the date, large.
pub fn title_band(ui: &mut egui::Ui, app: &AtlasApp) {
    let lang = app.lang();
    let atlas = &app.loaded.atlas;
    let phase = app.cursor.phase().and_then(|p| atlas.phases.get(p)).map_or("", |p| p.title.get(lang.code()));
    // A story's title, else the phase's.
    let title = app.story.as_ref().map_or(phase, |s| s.story.title.get(lang.code()));
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(title).size(34.0).strong().color(egui::Color32::from_gray(20)));
        ui.add_space(24.0);
        ui.label(RichText::new(long_date(app.cursor.date(), lang)).size(28.0).color(egui::Color32::from_gray(40)));
    });
}

/// The band along the bottom: the caption, "step 12 / 40" and a thin bar of progress.
pub fn caption_band(ui: &mut egui::Ui, app: &AtlasApp) {
    let lang = app.lang();
    let story = app.story_caption();
    let (step, steps) = story.as_ref().map_or_else(|| step_of(app), |s| (s.2, s.3));
    ui.horizontal(|ui| {
        let counter = crate::i18n::tf(lang, "step {} / {}", &[&step.to_string(), &steps.to_string()]);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(RichText::new(counter).size(20.0).color(egui::Color32::from_gray(70)));
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                let caption = story.as_ref().map_or_else(|| caption(app).unwrap_or_default(), |s| s.0.clone());
                ui.vertical(|ui| {
                    let strong = RichText::new(caption).size(24.0).color(egui::Color32::from_gray(20));
                    ui.add(egui::Label::new(strong).wrap());
                    if let Some(text) = story.as_ref().map(|s| &s.1).filter(|t| !t.is_empty()) {
                        let text = RichText::new(text).size(18.0).color(egui::Color32::from_gray(50));
                        ui.add(egui::Label::new(text).wrap());
                    }
                });
            });
        });
    });
    let (bar, _) = ui.allocate_exact_size(egui::vec2(ui.available_width(), 4.0), egui::Sense::hover());
    let done = if steps == 0 { 0.0 } else { step as f32 / steps as f32 };
    ui.painter().rect_filled(bar, 0.0, egui::Color32::from_gray(215));
    let filled = egui::Rect::from_min_size(bar.min, egui::vec2(bar.width() * done, bar.height()));
    ui.painter().rect_filled(filled, 0.0, egui::Color32::from_rgb(0xc8, 0x10, 0x2e));
}

/// A compact legend for the room: the sides holding ground, and the symbols the map uses.
pub fn legend_band(ui: &mut egui::Ui, app: &AtlasApp) {
    let style = &app.style;
    for e in app.legend_entries().iter().take(10) {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(34.0, 16.0), egui::Sense::hover());
            let painter = ui.painter();
            let symbol = crate::scene::symbol_primitives(&e.symbol, rect, style);
            painter.extend(crate::ui::map_view::to_shapes(painter.ctx(), &symbol));
            ui.add(egui::Label::new(RichText::new(&e.label).size(16.0)).wrap());
        });
    }
}
