//! The bar under the map: the date box, the date in words, stepping buttons, playback, and the
//! time slider.

use egui::{RichText, Ui};

use crate::atlas::{Direction, Step};
use crate::i18n::{long_date, t};
use crate::ui::app::input::{Action, Mode, keys_for};
use crate::ui::time_slider::{Pick, SliderData, time_slider_ui};
use crate::ui::{AtlasApp, Command};

/// A tooltip that names the action's keys from the key table.
fn with_keys(what: &str, action: Action) -> String {
    let keys = keys_for(action, Mode::Window);
    let keys = if keys.is_empty() { keys_for(action, Mode::Both) } else { keys };
    format!("{what} ({keys})")
}

/// A text box for a date: shows `shown` until it is typed in; returns the text typed when the
/// user presses Enter or leaves the box. What is being typed is the box's own state, kept in
/// egui's memory under `id`.
pub(crate) fn date_box(
    ui: &mut Ui,
    id: egui::Id,
    shown: &str,
    width: f32,
    large: bool,
) -> (egui::Response, Option<String>) {
    let text_id = id.with("text");
    // What is typed lives while the box has focus and in the frame it loses it (a frame may be
    // drawn twice, and both passes must see the same text).
    let mut text = ui.data(|d| d.get_temp::<String>(text_id)).unwrap_or_else(|| shown.to_owned());
    let mut edit = egui::TextEdit::singleline(&mut text).id(id).hint_text("YYYY-MM-DD").desired_width(width);
    if large {
        edit = edit.font(egui::FontId::proportional(22.0));
    }
    let response = ui.add(edit);
    let typed = response.lost_focus().then(|| text.clone());
    let editing = response.has_focus() || response.lost_focus();
    ui.data_mut(|d| {
        if editing {
            d.insert_temp(text_id, text);
        } else {
            d.remove::<String>(text_id);
        }
    });
    (response, typed)
}

/// Draws the date bar and the slider.
pub fn date_bar_ui(ui: &mut Ui, app: &AtlasApp) -> Option<Command> {
    let lang = app.lang();
    let date = app.cursor.date();
    let mut command = None;
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new(t(lang, "Date")).weak());
        let (response, typed) = date_box(ui, egui::Id::unique("date_box"), &date.to_string(), 130.0, true);
        let response = response.labelled_by(label.id);
        response.on_hover_text(t(lang, "Type a date (YYYY-MM-DD) and press Enter"));
        if let Some(text) = typed {
            command = Some(Command::TypeDate(text));
        }
        ui.label(RichText::new(long_date(date, lang)).size(18.0));
        if let Some(e) = &app.date_error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let steps = [
                ("Phase »", "Next phase", Step::Phase(Direction::Forward)),
                ("Event ›", "Next event", Step::Event(Direction::Forward)),
                ("‹ Event", "Previous event", Step::Event(Direction::Back)),
                ("« Phase", "Previous phase", Step::Phase(Direction::Back)),
            ];
            for (label, what, step) in steps {
                if ui.button(t(lang, label)).on_hover_text(with_keys(t(lang, what), Action::Step(step))).clicked() {
                    command = Some(Command::Step(step));
                }
            }
            ui.separator();
            let playback = &app.playback;
            let mut stop = playback.stop_at_events;
            if ui.checkbox(&mut stop, t(lang, "Stop at events")).changed() {
                command = Some(Command::SetStopAtEvents(stop));
            }
            let mut looping = playback.looping;
            if ui.checkbox(&mut looping, t(lang, "Loop")).changed() {
                command = Some(Command::SetLooping(looping));
            }
            // The pace: days a second, or one change of control a second.
            let shown = if playback.per_change {
                t(lang, "1 change/s").to_owned()
            } else {
                crate::atlas::SPEEDS.iter().find(|(s, _)| *s == playback.speed).map_or_else(
                    || format!("{} {}", playback.speed, t(lang, "days/s")),
                    |(_, name)| t(lang, name).to_owned(),
                )
            };
            egui::ComboBox::from_id_salt("pace")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for (speed, name) in crate::atlas::SPEEDS {
                        let on = !playback.per_change && playback.speed == speed;
                        if ui.selectable_label(on, t(lang, name)).clicked() {
                            command = Some(Command::SetSpeed(speed));
                        }
                    }
                    if ui.selectable_label(playback.per_change, t(lang, "1 change/s")).clicked() {
                        command = Some(Command::SetPerChange);
                    }
                })
                .response
                .on_hover_text(t(lang, "How fast the date runs: days a second, or one change of control a second"));
            let label = if playback.playing { t(lang, "Pause") } else { t(lang, "Play") };
            if ui.button(label).on_hover_text(with_keys(t(lang, "Play through time"), Action::TogglePlaying)).clicked()
            {
                command = Some(Command::SetPlaying(!playback.playing));
            }
        });
    });
    let data =
        SliderData { atlas: &app.loaded.atlas, axis: &app.loaded.axis, phase_colours: &app.loaded.phase_colours, lang };
    match time_slider_ui(ui, &data, date, app.cursor.phase()).1 {
        Some(Pick::Date(d)) => command = Some(Command::SetDate(d)),
        Some(Pick::Event(e)) => command = Some(Command::SelectEvent(e)),
        None => {}
    }
    command
}
