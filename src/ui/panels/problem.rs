//! The window listing what is wrong with each atlas or overlay that could not be opened (or an
//! overlay shown without some of its features), while the map keeps showing what it had.

use egui::RichText;

use crate::i18n::{t, tf};
use crate::ui::{AtlasApp, Command, ProblemKind};

/// Draws the window while there are problems to show: each under its own heading.
pub fn problem_ui(ctx: &egui::Context, app: &AtlasApp) -> Option<Command> {
    let lang = app.lang();
    let first = app.problems.first()?;
    let heading = |kind: ProblemKind| match kind {
        ProblemKind::Atlas => t(lang, "Could not open the atlas"),
        ProblemKind::Overlay => t(lang, "Could not open the overlay"),
        ProblemKind::OverlayInPart => t(lang, "Some features of the overlay were left out"),
        ProblemKind::Stories => t(lang, "Some stories could not be opened"),
    };
    let title = if app.problems.len() == 1 { heading(first.kind).to_owned() } else { t(lang, "Problems").to_owned() };
    let mut open = true;
    let mut dismiss = false;
    egui::Window::new(title).open(&mut open).default_width(560.0).show(ctx, |ui| {
        egui::ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
            for problem in &app.problems {
                if app.problems.len() > 1 {
                    ui.label(RichText::new(heading(problem.kind)).strong());
                }
                let context = match problem.kind {
                    ProblemKind::Atlas => tf(
                        lang,
                        "{} — the map keeps showing \"{}\".",
                        &[&problem.source, app.loaded.atlas.title.get(lang.code())],
                    ),
                    ProblemKind::Overlay => tf(lang, "{} — nothing of it is shown.", &[&problem.source]),
                    ProblemKind::OverlayInPart => tf(lang, "{} — its other features are shown.", &[&problem.source]),
                    ProblemKind::Stories => tf(lang, "{} — the other stories are offered.", &[&problem.source]),
                };
                ui.label(context);
                // The errors, counted, then the notes (each says "note:"), as check prints them.
                ui.label(tf(lang, "{} problem(s):", &[&problem.errors.errors().count().to_string()]));
                for e in problem.errors.errors().chain(problem.errors.notes()) {
                    ui.label(RichText::new(e.to_string()).monospace());
                }
                ui.add_space(6.0);
            }
        });
        ui.horizontal(|ui| {
            if ui.button(t(lang, "Copy")).clicked() {
                let all: Vec<String> = app.problems.iter().map(|p| p.errors.to_string()).collect();
                ui.ctx().copy_text(all.join("\n"));
            }
            if ui.button(t(lang, "Close")).clicked() {
                dismiss = true;
            }
        });
    });
    (!open || dismiss).then_some(Command::DismissProblem)
}
