//! The window listing what is wrong with an atlas or overlay that could not be opened, while the
//! map keeps showing the atlas it had.

use egui::RichText;

use crate::i18n::{t, tf};
use crate::ui::{AtlasApp, Command};

/// Draws the window while there is a problem to show.
pub fn problem_ui(ctx: &egui::Context, app: &AtlasApp) -> Option<Command> {
    let lang = app.lang();
    let problem = app.problem.as_ref()?;
    let mut open = true;
    let mut dismiss = false;
    egui::Window::new(t(lang, "Could not open the atlas")).open(&mut open).default_width(560.0).show(ctx, |ui| {
        ui.label(tf(
            lang,
            "{} — the map keeps showing \"{}\".",
            &[&problem.source, app.loaded.atlas.title.get(lang.code())],
        ));
        ui.label(tf(lang, "{} problem(s):", &[&problem.errors.0.len().to_string()]));
        egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
            for e in &problem.errors.0 {
                ui.label(RichText::new(e.to_string()).monospace());
            }
        });
        ui.horizontal(|ui| {
            if ui.button(t(lang, "Copy")).clicked() {
                ui.ctx().copy_text(problem.errors.to_string());
            }
            if ui.button(t(lang, "Close")).clicked() {
                dismiss = true;
            }
        });
    });
    (!open || dismiss).then_some(Command::DismissProblem)
}
