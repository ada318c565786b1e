//! The keyboard: one table from keys to commands. The window reads keys through it, the buttons'
//! tooltips name their keys from it, and the README's key table is checked against it.

use egui::Key;

use super::Command;
use crate::atlas::{Direction, Step};

/// When a key does what it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// In the ordinary window.
    Window,
    /// In presentation mode (what a presentation clicker sends).
    Presenting,
    /// Always.
    Both,
    /// While a story is open, in the window or presenting: shadows the others.
    Story,
}

/// What a key does: a command without data, so the table can be a constant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// A step on the timeline.
    Step(Step),
    /// Play or pause.
    TogglePlaying,
    /// Enter or leave presentation mode.
    TogglePresenting,
    /// Leave presentation mode.
    LeavePresenting,
    /// Put the keyboard in the search box.
    Find,
    /// The next or previous step of the story.
    StoryStep(Direction),
    /// Leave presentation mode if presenting, else close the story.
    LeaveStory,
}

/// What the keys' meaning depends on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyState {
    /// In presentation mode.
    pub presenting: bool,
    /// Playing.
    pub playing: bool,
    /// A story is open.
    pub story: bool,
}

impl Action {
    /// The command the key gives, in the app's state.
    fn command(self, state: KeyState) -> Command {
        match self {
            Action::Step(step) => Command::Step(step),
            Action::TogglePlaying => Command::SetPlaying(!state.playing),
            Action::TogglePresenting => Command::SetPresenting(!state.presenting),
            Action::LeavePresenting => Command::SetPresenting(false),
            Action::Find => Command::FocusSearch(true),
            Action::StoryStep(direction) => Command::StoryStep(direction),
            Action::LeaveStory if state.presenting => Command::SetPresenting(false),
            Action::LeaveStory => Command::CloseStory,
        }
    }
}

/// One key of the table.
#[derive(Clone, Copy, Debug)]
pub struct KeyBinding {
    /// The key.
    pub key: Key,
    /// Held with Shift.
    pub shift: bool,
    /// Held with Ctrl (Cmd on a Mac).
    pub ctrl: bool,
    /// When it applies.
    pub mode: Mode,
    /// What it does.
    pub action: Action,
    /// What it does, in words (for the README).
    pub what: &'static str,
}

const fn bind(key: Key, shift: bool, mode: Mode, action: Action, what: &'static str) -> KeyBinding {
    KeyBinding { key, shift, ctrl: false, mode, action, what }
}

const fn bind_ctrl(key: Key, mode: Mode, action: Action, what: &'static str) -> KeyBinding {
    KeyBinding { key, shift: false, ctrl: true, mode, action, what }
}

/// Every key the window answers to, in the order the README lists them. A key listed for
/// presentation mode shadows its meaning in the window while presenting.
pub const KEY_BINDINGS: &[KeyBinding] = &[
    bind(Key::ArrowLeft, false, Mode::Window, Action::Step(Step::Days(-1)), "one day back"),
    bind(Key::ArrowRight, false, Mode::Window, Action::Step(Step::Days(1)), "one day on"),
    bind(Key::ArrowLeft, true, Mode::Window, Action::Step(Step::Months(-1)), "one month back"),
    bind(Key::ArrowRight, true, Mode::Window, Action::Step(Step::Months(1)), "one month on"),
    bind(Key::PageUp, false, Mode::Window, Action::Step(Step::Phase(Direction::Back)), "previous phase"),
    bind(Key::PageDown, false, Mode::Window, Action::Step(Step::Phase(Direction::Forward)), "next phase"),
    bind(Key::Comma, false, Mode::Window, Action::Step(Step::Event(Direction::Back)), "previous event"),
    bind(Key::Period, false, Mode::Window, Action::Step(Step::Event(Direction::Forward)), "next event"),
    bind(Key::Home, false, Mode::Window, Action::Step(Step::First), "first day of the timeline"),
    bind(Key::End, false, Mode::Window, Action::Step(Step::Last), "last day (today)"),
    bind(Key::P, false, Mode::Both, Action::TogglePlaying, "play or pause"),
    bind_ctrl(Key::F, Mode::Window, Action::Find, "find a place, river or peak"),
    bind(Key::F11, false, Mode::Both, Action::TogglePresenting, "presentation mode on or off"),
    bind(
        Key::Space,
        false,
        Mode::Presenting,
        Action::Step(Step::Presentation(Direction::Forward)),
        "next step of the presentation",
    ),
    bind(
        Key::ArrowRight,
        false,
        Mode::Presenting,
        Action::Step(Step::Presentation(Direction::Forward)),
        "next step of the presentation",
    ),
    bind(
        Key::PageDown,
        false,
        Mode::Presenting,
        Action::Step(Step::Presentation(Direction::Forward)),
        "next step of the presentation",
    ),
    bind(
        Key::ArrowLeft,
        false,
        Mode::Presenting,
        Action::Step(Step::Presentation(Direction::Back)),
        "previous step of the presentation",
    ),
    bind(
        Key::PageUp,
        false,
        Mode::Presenting,
        Action::Step(Step::Presentation(Direction::Back)),
        "previous step of the presentation",
    ),
    bind(Key::Escape, false, Mode::Presenting, Action::LeavePresenting, "leave presentation mode"),
    bind(Key::Space, false, Mode::Story, Action::StoryStep(Direction::Forward), "next step of the story"),
    bind(Key::PageDown, false, Mode::Story, Action::StoryStep(Direction::Forward), "next step of the story"),
    bind(Key::PageUp, false, Mode::Story, Action::StoryStep(Direction::Back), "previous step of the story"),
    bind(Key::Escape, false, Mode::Story, Action::LeaveStory, "leave presentation mode, then the story"),
];

/// Whether `binding` applies in the current mode (a story's keys are looked for first).
fn applies(binding: &KeyBinding, state: KeyState) -> bool {
    match binding.mode {
        Mode::Both => true,
        Mode::Window => !state.presenting,
        Mode::Presenting => state.presenting,
        Mode::Story => state.story,
    }
}

/// The commands of the keys pressed this frame; none while a text box has the keyboard. One
/// presentation step a frame, as a clicker sends one key a press.
pub fn commands_from_keys(ctx: &egui::Context, state: KeyState) -> Vec<Command> {
    if ctx.egui_wants_keyboard_input() {
        return Vec::new();
    }
    ctx.input(|i| {
        let mut out = Vec::new();
        for key in i.events.iter().filter_map(|e| match e {
            egui::Event::Key { key, pressed: true, .. } => Some(*key),
            _ => None,
        }) {
            let fits = |b: &&KeyBinding| {
                b.key == key
                    && applies(b, state)
                    && b.ctrl == i.modifiers.command
                    && (b.mode == Mode::Presenting || b.shift == i.modifiers.shift)
            };
            let found = KEY_BINDINGS
                .iter()
                .filter(|b| b.mode == Mode::Story)
                .find(fits)
                .or_else(|| KEY_BINDINGS.iter().find(fits));
            if let Some(b) = found {
                // Presenting a story, the presentation's steps are the story's.
                let command = match (b.action, state.story) {
                    (Action::Step(crate::atlas::Step::Presentation(d)), true) => Command::StoryStep(d),
                    (action, _) => action.command(state),
                };
                out.push(command);
            }
        }
        if state.presenting || state.story {
            // A clicker's one press is one step, whichever of its keys it sends.
            let mut stepped = false;
            out.retain(|c| match c {
                Command::Step(_) | Command::StoryStep(_) if stepped => false,
                Command::Step(_) | Command::StoryStep(_) => {
                    stepped = true;
                    true
                }
                _ => true,
            });
        }
        out
    })
}

/// The keys for an action, as a tooltip names them ("PageDown", "Space, →").
pub fn keys_for(action: Action, mode: Mode) -> String {
    let names: Vec<String> =
        KEY_BINDINGS.iter().filter(|b| b.action == action && b.mode == mode).map(key_name).collect();
    names.join(", ")
}

/// A key's name as the README and tooltips write it.
pub fn key_name(b: &KeyBinding) -> String {
    let name = match b.key {
        Key::ArrowLeft => "←",
        Key::ArrowRight => "→",
        Key::Comma => ",",
        Key::Period => ".",
        other => other.name(),
    };
    match (b.shift, b.ctrl) {
        (true, _) => format!("Shift+{name}"),
        (false, true) => format!("Ctrl+{name}"),
        (false, false) => name.to_owned(),
    }
}

/// The key table in Markdown, as the README has it.
pub fn markdown_table() -> String {
    let mut out =
        String::from("| key | in the window | in presentation mode | with a story open |\n|---|---|---|---|\n");
    let mut rows: Vec<(String, &str, &str, &str)> = Vec::new();
    for b in KEY_BINDINGS {
        let key = key_name(b);
        let row = match rows.iter().position(|(k, ..)| *k == key) {
            Some(i) => i,
            None => {
                rows.push((key, "", "", ""));
                rows.len() - 1
            }
        };
        if let Some(r) = rows.get_mut(row) {
            match b.mode {
                Mode::Window => r.1 = b.what,
                Mode::Presenting => r.2 = b.what,
                Mode::Both => {
                    r.1 = b.what;
                    r.2 = b.what;
                }
                Mode::Story => r.3 = b.what,
            }
        }
    }
    for (key, window, present, story) in rows {
        let cell = |s: &str| if s.is_empty() { "—".to_owned() } else { s.to_owned() };
        // A key a story does not take keeps its meaning there.
        let in_story = if story.is_empty() { "(as without)".to_owned() } else { story.to_owned() };
        out.push_str(&format!("| `{key}` | {} | {} | {in_story} |\n", cell(window), cell(present)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_means_two_things_at_once() {
        for (i, a) in KEY_BINDINGS.iter().enumerate() {
            for b in KEY_BINDINGS.iter().skip(i + 1) {
                // A story's keys shadow the others on purpose; among themselves they must not clash.
                let overlap = a.mode == b.mode
                    || (a.mode != Mode::Story
                        && b.mode != Mode::Story
                        && matches!((a.mode, b.mode), (Mode::Both, _) | (_, Mode::Both)));
                assert!(!(a.key == b.key && a.shift == b.shift && overlap), "{a:?} and {b:?}");
            }
        }
    }

    #[test]
    fn tooltips_and_the_readme_name_keys_from_the_table() {
        assert_eq!(keys_for(Action::Step(Step::Phase(Direction::Forward)), Mode::Window), "PageDown");
        assert_eq!(
            keys_for(Action::Step(Step::Presentation(Direction::Forward)), Mode::Presenting),
            "Space, →, PageDown"
        );
        let table = markdown_table();
        assert!(table.contains("| `Shift+→` | one month on | — | (as without) |"), "{table}");
        assert!(table.contains("| `→` | one day on | next step of the presentation | (as without) |"), "{table}");
        assert!(
            table.contains("| `F11` | presentation mode on or off | presentation mode on or off | (as without) |"),
            "{table}"
        );
        assert!(table.contains("| `PageDown` | next phase | next step of the presentation | next step of the story |"));
    }
}
