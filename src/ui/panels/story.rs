//! The story panel: the open story's title, its steps (the one shown marked), the buttons that
//! play it (previous, next, present) and those that write it (record this view as a step, edit
//! the caption in place, move, copy, delete, undo, save); and the caption card over the map.

use egui::{RichText, Ui};

use crate::atlas::{Direction, StepWhen};
use crate::i18n::{long_date, t, tf};
use crate::ui::{AtlasApp, Command};

/// The panel, while a story is open.
pub fn story_panel_ui(ui: &mut Ui, app: &AtlasApp) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(state) = &app.story else { return commands };
    let lang = app.lang();
    let code = lang.code();
    let story = &state.story;
    let n = story.steps.len();
    ui.horizontal(|ui| {
        ui.label(RichText::new(t(lang, "Story")).small().weak());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(t(lang, "Close")).on_hover_text(t(lang, "Leave the story (Esc)")).clicked() {
                commands.push(Command::CloseStory);
            }
        });
    });
    let mut title = story.title.get(code).to_owned();
    let title_label = ui.label(RichText::new(t(lang, "Title")).small().weak());
    let edit = ui.add(
        egui::TextEdit::singleline(&mut title)
            .font(egui::TextStyle::Heading)
            .desired_width(f32::INFINITY)
            .id_salt("story-title"),
    );
    let edit = edit.labelled_by(title_label.id).on_hover_text(t(lang, "The story's title"));
    if edit.changed() {
        commands.push(Command::SetStoryTitle(title));
    }
    let description = story.description.get(code);
    if !description.is_empty() {
        ui.label(RichText::new(description).weak());
    }
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let counter = tf(lang, "step {} / {}", &[&(state.step + 1).to_string(), &n.to_string()]);
        if ui.add_enabled(state.step > 0, egui::Button::new(t(lang, "‹ Previous"))).clicked() {
            commands.push(Command::StoryStep(Direction::Back));
        }
        ui.label(RichText::new(counter).strong());
        if ui.add_enabled(state.step + 1 < n, egui::Button::new(t(lang, "Next ›"))).clicked() {
            commands.push(Command::StoryStep(Direction::Forward));
        }
        if ui.button(t(lang, "Present")).on_hover_text(t(lang, "Full screen, step by step")).clicked() {
            commands.push(Command::SetPresenting(true));
        }
    });
    ui.separator();
    for (i, step) in story.steps.iter().enumerate() {
        let when = match step.when {
            StepWhen::Day(d) => long_date(d, lang),
            StepWhen::Span { from, to, .. } => format!("{} – {}", long_date(from, lang), long_date(to, lang)),
        };
        let label = format!("{}. {}", i + 1, step.caption.get(code));
        let response = ui.selectable_label(i == state.step, label).on_hover_text(&when);
        if response.clicked() && i != state.step {
            commands.push(Command::GoToStep(i));
        }
        // A step reached by the keys or the buttons is scrolled into sight once (a story opened
        // shows its title and first steps).
        let shown_id = ui.scope_id().with(("story-step-in-sight", &story.id));
        if i == state.step {
            match ui.data(|d| d.get_temp::<usize>(shown_id)) {
                Some(before) if before == i => {}
                Some(_) => {
                    ui.data_mut(|d| {
                        d.insert_temp(shown_id, i);
                    });
                    response.scroll_to_me(None);
                }
                None => ui.data_mut(|d| {
                    d.insert_temp(shown_id, i);
                }),
            }
        }
        if i == state.step {
            ui.indent("step-shown", |ui| {
                ui.label(RichText::new(&when).small().weak());
                let caption_label = ui.label(RichText::new(t(lang, "Caption")).small().weak());
                let mut caption = step.caption.get(code).to_owned();
                let edit = ui.add(
                    egui::TextEdit::multiline(&mut caption)
                        .desired_rows(2)
                        .desired_width(f32::INFINITY)
                        .id_salt(("step-caption", i)),
                );
                if edit.labelled_by(caption_label.id).on_hover_text(t(lang, "The step's caption")).changed() {
                    commands.push(Command::SetStepCaption(i, caption));
                }
                ui.horizontal_wrapped(|ui| {
                    if ui.add_enabled(i > 0, egui::Button::new(t(lang, "Move up"))).clicked() {
                        commands.push(Command::MoveStoryStep { from: i, to: i - 1 });
                    }
                    if ui.add_enabled(i + 1 < n, egui::Button::new(t(lang, "Move down"))).clicked() {
                        commands.push(Command::MoveStoryStep { from: i, to: i + 1 });
                    }
                    if ui.button(t(lang, "Duplicate")).clicked() {
                        commands.push(Command::DuplicateStoryStep(i));
                    }
                    if ui.add_enabled(n > 1, egui::Button::new(t(lang, "Delete"))).clicked() {
                        commands.push(Command::DeleteStoryStep(i));
                    }
                });
            });
        }
    }
    ui.separator();
    if ui
        .button(t(lang, "Add this view as a step"))
        .on_hover_text(t(lang, "The date, view, layers, comparison and selected region, after the step shown"))
        .clicked()
    {
        commands.push(Command::AddStoryStep);
    }
    ui.horizontal(|ui| {
        if ui.add_enabled(state.can_undo(), egui::Button::new(t(lang, "Undo"))).clicked() {
            commands.push(Command::UndoStory);
        }
        let where_to = app.story_folder().map_or_else(
            || t(lang, "There is no folder to save stories in on this computer.").to_owned(),
            |f| {
                tf(
                    lang,
                    "Saved as {}",
                    &[&f.join("stories")
                        .join(format!("{}.json", crate::export::deck::file_safe(&story.id)))
                        .display()
                        .to_string()],
                )
            },
        );
        let save = if state.edited { t(lang, "Save") } else { t(lang, "Saved") };
        if ui.add_enabled(state.edited, egui::Button::new(save)).on_hover_text(where_to).clicked() {
            commands.push(Command::SaveStory);
        }
        let export = egui::Button::new(t(lang, "Export…"));
        if ui
            .add_enabled(!app.exporting(), export)
            .on_hover_text(t(lang, "A page a step, a deck, or an animation flying between the steps"))
            .clicked()
        {
            commands.push(Command::ExportDialog(crate::ui::ExportKind::Story));
        }
    });
    match &state.status {
        Some(Ok(saved)) => {
            ui.label(RichText::new(saved).small().weak());
        }
        Some(Err(e)) => {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        None => {}
    }
    if !story.sources.is_empty() {
        ui.collapsing(t(lang, "Sources"), |ui| super::sources_ui(ui, &story.sources));
    }
    commands
}

/// The caption card over the map's bottom-left corner: the step's caption, its longer text and
/// "step 3 / 12". Returns where it was drawn, so that the map's labels keep clear of it.
pub fn caption_card(ui: &Ui, app: &AtlasApp, map: egui::Rect) -> Option<egui::Rect> {
    let (caption, text, step, steps) = app.story_caption()?;
    let lang = app.lang();
    let width = (map.width() * 0.45).clamp(260.0, 560.0);
    let area = egui::Area::new(ui.scope_id().with("story-caption"))
        .order(egui::Order::Foreground)
        .fixed_pos(map.left_bottom() + egui::vec2(12.0, -12.0))
        .pivot(egui::Align2::LEFT_BOTTOM)
        .interactable(false);
    let response = area.show(ui.ctx(), |ui| {
        egui::Frame::popup(ui.style()).inner_margin(egui::Margin::same(12)).show(ui, |ui| {
            ui.set_max_width(width);
            let counter = tf(lang, "step {} / {}", &[&step.to_string(), &steps.to_string()]);
            ui.label(RichText::new(counter).small().weak());
            ui.add(egui::Label::new(RichText::new(caption).size(17.0).strong()).wrap());
            if !text.is_empty() {
                ui.add(egui::Label::new(RichText::new(text)).wrap());
            }
        });
    });
    Some(response.response.rect)
}
