//! The top bar: the atlas's title, the Open and Export menus, presentation, teaching aids,
//! naming tradition, language and Fit.

use std::path::PathBuf;

use egui::{RichText, Ui};

use crate::atlas::{Direction, NameTradition, Step};
use crate::i18n::{Lang, t, tf};
use crate::scene::{LayerName, NameStyle};
use crate::ui::app::input::{Action, Mode, keys_for};
use crate::ui::{AtlasApp, Command, ExportKind, Layer};

/// The name of a naming style in the menu: the traditions are named by the atlas.
pub fn names_label(n: NameStyle, traditions: &[NameTradition], lang: Lang) -> String {
    let tradition = |i: usize| traditions.get(i).map_or_else(String::new, |t| t.label.get(lang.code()).to_owned());
    match n {
        NameStyle::International => t(lang, "English / international").to_owned(),
        NameStyle::Both => t(lang, "Both").to_owned(),
        NameStyle::First => tradition(0),
        NameStyle::Second => tradition(1),
    }
}

/// The naming styles an atlas offers: the traditions it has, and both only if it has two.
pub fn names_offered(traditions: &[NameTradition]) -> Vec<NameStyle> {
    NameStyle::ALL
        .into_iter()
        .filter(|n| match n {
            NameStyle::International => true,
            NameStyle::First => !traditions.is_empty(),
            NameStyle::Second | NameStyle::Both => traditions.len() >= 2,
        })
        .collect()
}

/// A toggle whose state is the app's: clicking it asks for the other state.
fn toggle(ui: &mut Ui, on: bool, label: &str, hover: &str) -> Option<bool> {
    let mut value = on;
    ui.toggle_value(&mut value, label).on_hover_text(hover).changed().then_some(value)
}

/// Draws the top bar.
pub fn top_bar_ui(ui: &mut Ui, app: &AtlasApp) -> Option<Command> {
    let lang = app.lang();
    let mut command = None;
    // First row: the program, the atlas's title (cut short if the window is narrow) and the search.
    ui.horizontal(|ui| {
        ui.heading(RichText::new("Karabakh Atlas").strong());
        let room = (ui.available_width() - 280.0).max(60.0);
        ui.allocate_ui(egui::vec2(room, ui.available_height()), |ui| {
            ui.add(egui::Label::new(RichText::new(app.loaded.atlas.title.get(lang.code())).weak()).truncate());
        });
        ui.add_space(12.0);
        if let Some(c) = super::search::search_ui(ui, app) {
            command = Some(c);
        }
    });
    ui.horizontal(|ui| {
        if let Some(loading) = &app.loading {
            ui.spinner();
            ui.label(tf(lang, "Opening {}…", &[&loading.dir.display().to_string()]));
        }
        if let Some(job) = &app.export_job {
            let (done, total) = job.progress.steps();
            let name = job.path.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned());
            let text = tf(lang, "Exporting {}: {} of {}", &[&name, &done.to_string(), &total.to_string()]);
            let fraction = if total == 0 { 0.0 } else { done as f32 / total as f32 };
            ui.add(egui::ProgressBar::new(fraction).desired_width(220.0).text(text));
            if ui.button(t(lang, "Cancel")).clicked() {
                command = Some(Command::CancelExport);
            }
        }
        match &app.export_status {
            Some(Ok(saved)) => {
                ui.label(RichText::new(saved).weak());
            }
            Some(Err(e)) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            None => {}
        }
        if let Some((kind, path)) = &app.export_offer {
            let offer = tf(lang, "Save to {}", &[&path.display().to_string()]);
            if ui.button(offer).clicked() {
                command = Some(Command::Export(*kind, path.clone()));
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(t(lang, "About")).clicked() {
                command = Some(Command::ShowAbout(true));
            }
            ui.menu_button(t(lang, "Open…"), |ui| {
                if ui.button(t(lang, "Open atlas folder…")).clicked() {
                    ui.close();
                    command = Some(Command::OpenAtlasDialog);
                }
                if ui.button(t(lang, "Add a GeoJSON overlay…")).clicked() {
                    ui.close();
                    command = Some(Command::AddOverlayDialog);
                }
                let builtin = tf(lang, "Built-in atlas: {}", &[app.builtin_title.get(lang.code())]);
                if ui.button(builtin).clicked() {
                    ui.close();
                    command = Some(Command::OpenBuiltin);
                }
                for recent in &app.settings.recent {
                    if ui.button(recent).clicked() {
                        ui.close();
                        command = Some(Command::OpenAtlas(PathBuf::from(recent)));
                    }
                }
            })
            .response
            .on_hover_text(t(lang, "Open an atlas folder (or drop it on the window)"));
            ui.menu_button(t(lang, "Export…"), |ui| {
                let items = [
                    (
                        ExportKind::Picture,
                        "This map (PNG, SVG or PDF)…",
                        "The map as shown, with its title, legend and sources",
                    ),
                    (ExportKind::Deck, "Slide deck (PDF or HTML)…", "A slide for every phase and event, in one file"),
                    (ExportKind::Animation, "Animation of this phase (GIF)…", "A frame at every change of control"),
                ];
                let story = (
                    ExportKind::Story,
                    "This story (PDF, HTML or GIF)…",
                    "A page a step, a deck, or an animation flying between the steps",
                );
                for (kind, label, hint) in items.into_iter().chain(app.story.is_some().then_some(story)) {
                    if ui
                        .add_enabled(!app.exporting(), egui::Button::new(t(lang, label)))
                        .on_hover_text(t(lang, hint))
                        .clicked()
                    {
                        ui.close();
                        command = Some(Command::ExportDialog(kind));
                    }
                }
            })
            .response
            .on_hover_text(t(lang, "Save the map, a deck or an animation"));
            if let Some(c) = stories_menu(ui, app) {
                command = Some(c);
            }
            let present_hint = tf(
                lang,
                "Full screen for a room: {} for the next step, {} to leave ({})",
                &[
                    &keys_for(Action::Step(Step::Presentation(Direction::Forward)), Mode::Presenting),
                    &keys_for(Action::LeavePresenting, Mode::Presenting),
                    &keys_for(Action::TogglePresenting, Mode::Both),
                ],
            );
            if ui.button(t(lang, "Present")).on_hover_text(present_hint).clicked() {
                command = Some(Command::SetPresenting(true));
            }
            let aids = &app.aids;
            let hint = t(lang, "Click two points on the map to measure the distance between them");
            if let Some(on) = toggle(ui, aids.measuring, t(lang, "Measure"), hint) {
                command = Some(Command::SetMeasuring(on));
            }
            if let Some(on) = toggle(ui, aids.locator, t(lang, "Inset"), t(lang, "Where the view lies in the region")) {
                command = Some(Command::SetLayer(Layer::Inset, on));
            }
            ui.menu_button(t(lang, "Layers"), |ui| {
                for layer in LayerName::ALL {
                    let mut on = app.settings.layers.get(layer);
                    if ui.checkbox(&mut on, t(lang, layer.label())).changed() {
                        command = Some(if layer == LayerName::Grid {
                            Command::SetLayer(Layer::Grid, on)
                        } else {
                            Command::SetMapLayer(layer, on)
                        });
                    }
                }
                if app.settings.layers.taken
                    && let Some(c) = taken_since_ui(ui, app)
                {
                    command = Some(c);
                }
            })
            .response
            .on_hover_text(t(lang, "Relief, rivers, peaks, roads, villages and the grid"));
            if let Some(on) = toggle(ui, app.show_chart, t(lang, "Chart"), t(lang, "Km² held by each side over time"))
            {
                command = Some(Command::SetLayer(Layer::Chart, on));
            }
            let mut names = app.settings.names;
            let traditions = &app.loaded.atlas.traditions;
            egui::ComboBox::from_id_salt("names")
                .selected_text(names_label(names, traditions, lang))
                .show_ui(ui, |ui| {
                    for n in names_offered(traditions) {
                        ui.selectable_value(&mut names, n, names_label(n, traditions, lang));
                    }
                })
                .response
                .on_hover_text(t(lang, "Names"));
            if names != app.settings.names {
                command = Some(Command::SetNames(names));
            }
            let mut chosen = lang;
            egui::ComboBox::from_id_salt("language")
                .selected_text(chosen.name())
                .show_ui(ui, |ui| {
                    for l in Lang::ALL {
                        ui.selectable_value(&mut chosen, l, l.name());
                    }
                })
                .response
                .on_hover_text(t(lang, "Language"));
            if chosen != lang {
                command = Some(Command::SetLanguage(chosen));
            }
            if ui
                .button(t(lang, "Fit"))
                .on_hover_text(t(lang, "Frame the whole atlas (or double-click the map)"))
                .clicked()
            {
                command = Some(Command::Fit);
            }
        });
    });
    command
}

/// The Stories menu: each story of the atlas (and the reader's), and a new one from the view.
fn stories_menu(ui: &mut Ui, app: &AtlasApp) -> Option<Command> {
    let lang = app.lang();
    let mut command = None;
    ui.menu_button(t(lang, "Stories"), |ui| {
        for story in &app.stories {
            let title = story.title.get(lang.code());
            let steps = tf(lang, "{} steps", &[&story.steps.len().to_string()]);
            if ui.button(format!("{title} ({steps})")).on_hover_text(story.description.get(lang.code())).clicked() {
                ui.close();
                command = Some(Command::OpenStory(story.id.clone()));
            }
        }
        ui.separator();
        if ui
            .button(t(lang, "New story from this view"))
            .on_hover_text(t(lang, "A story of your own: its first step is the map as shown"))
            .clicked()
        {
            ui.close();
            command = Some(Command::NewStory);
        }
    })
    .response
    .on_hover_text(t(lang, "Guided tours through time and place"));
    command
}

/// The day "land taken since" compares with: shown, and typed in to choose another.
fn taken_since_ui(ui: &mut egui::Ui, app: &AtlasApp) -> Option<Command> {
    let lang = app.lang();
    let mut command = None;
    ui.horizontal(|ui| {
        ui.label(t(lang, "since"));
        let id = ui.scope_id().with("taken-since");
        let shown = app.cursor.taken().map(|t| t.since.to_string()).unwrap_or_default();
        let mut text = ui.data_mut(|d| d.get_temp::<String>(id)).unwrap_or(shown);
        let edit = ui.add(
            egui::TextEdit::singleline(&mut text)
                .desired_width(90.0)
                .hint_text("YYYY-MM-DD")
                .id_salt("taken-since-date"),
        );
        let edit = edit.on_hover_text(t(lang, "Type a date and press Enter"));
        if edit.changed() {
            ui.data_mut(|d| d.insert_temp(id, text.clone()));
        }
        if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            if let Ok(d) = crate::atlas::parse_iso_date(text.trim()) {
                command = Some(Command::SetTakenSince(Some(d)));
            }
            ui.data_mut(|d| d.remove::<String>(id));
        }
        let chosen = app.cursor.taken().is_some_and(|t| t.chosen);
        if ui
            .add_enabled(chosen, egui::Button::new(t(lang, "Start of the fighting")))
            .on_hover_text(t(lang, "Compare with the day before the fighting of the date shown began"))
            .clicked()
        {
            ui.data_mut(|d| d.remove::<String>(id));
            command = Some(Command::SetTakenSince(None));
        }
    });
    command
}
