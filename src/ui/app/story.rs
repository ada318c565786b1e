//! A story open in the window: which step is shown, the camera's flight to it, the span it plays,
//! what it emphasises, and the reader's edits (with their undo) until they are saved.
//!
//! Going to a step flies the camera there over [`FLIGHT_SECONDS`] while the date moves with it;
//! once arrived, a step with a span of dates plays it at its pace, then the window is idle (each
//! frame of the flight asks for the next; nothing is asked for after). A step recorded from the
//! window keeps the date, the view (as a centre and zoom), the layers, the comparison and the
//! selected region as its highlight.

use std::path::PathBuf;
use std::sync::Arc;

use jiff::civil::Date;

use super::AtlasApp;
use crate::atlas::{Direction, StepView, StepWhen, Story, StoryStep, Target, Text};
use crate::i18n::{t, tf};
use crate::scene::{FLIGHT_SECONDS, Flight, Highlight, MapLayers};

/// Most edits that can be undone.
const UNDO_DEPTH: usize = 100;

/// A span being played: its days, its pace and when it began (egui's clock, seconds).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpanPlay {
    /// The first day.
    pub from: Date,
    /// The last day.
    pub to: Date,
    /// Days a second.
    pub days_per_second: f64,
    /// When it began playing.
    pub started: f64,
}

/// A flight under way to the step shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FlightState {
    /// Its ends.
    pub flight: Flight,
    /// When it began (egui's clock, seconds).
    pub started: f64,
    /// Whether the map has turned to the step (its date, comparison, layers and emphasis),
    /// which it does halfway, where the view is widest.
    pub turned: bool,
    /// Whether the map of the step has been asked for ahead (see [`AtlasApp::prepare_turn`]).
    pub prepared: bool,
}

/// The map as it turns to a step: worked out when the flight to it starts, so that its layers can
/// be made ahead, and put in place halfway.
#[derive(Clone, Debug)]
pub struct Turn {
    /// The timeline on the step's date, with its comparison.
    pub cursor: crate::atlas::TimelineCursor,
    /// The step's layers.
    pub layers: MapLayers,
    /// What the step emphasises.
    pub highlight: Option<Arc<Highlight>>,
}

/// The kind of the last edit, so that typing a caption is one undo, not one a letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Edit {
    Caption(usize),
    Title,
    Other,
}

/// The story open in the window.
#[derive(Debug)]
pub struct StoryState {
    /// The story as the reader has it (with their edits).
    pub story: Story,
    /// The step shown (index).
    pub step: usize,
    /// The flight under way.
    pub flight: Option<FlightState>,
    /// The map at the end of the flight under way, until it turns.
    pub turn: Option<Turn>,
    /// The span under way.
    pub span: Option<SpanPlay>,
    /// What the step shown is about.
    pub highlight: Option<Arc<Highlight>>,
    /// The step was shown before the map had a size: framed again on the first frame that has one.
    pub reframe: bool,
    /// Earlier versions, the last edit last.
    undo: Vec<(Story, usize)>,
    last_edit: Option<Edit>,
    /// Edited since opened or saved.
    pub edited: bool,
    /// What the last save said: where it was written, or why not.
    pub status: Option<Result<String, String>>,
    /// The reader's layers before the story changed them, given back when it closes.
    layers_before: MapLayers,
}

impl StoryState {
    /// `story` opened at rest on its first step, the reader's `layers` kept to give back; `edited`
    /// when it is new (not yet saved anywhere).
    fn new(story: Story, layers: MapLayers, edited: bool) -> Self {
        Self {
            story,
            step: 0,
            flight: None,
            turn: None,
            span: None,
            highlight: None,
            reframe: false,
            undo: Vec::new(),
            last_edit: None,
            edited,
            status: None,
            layers_before: layers,
        }
    }

    /// Whether the camera or the date is moving.
    pub(crate) fn moving(&self) -> bool {
        self.flight.is_some() || self.span.is_some()
    }

    /// Whether there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
}

/// A story's id made from its title, unlike any of `taken`.
fn unique_id(base: &str, taken: &[&str]) -> String {
    let base = crate::atlas::slug(base).unwrap_or_else(|| "story".to_owned());
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id.as_str()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

impl AtlasApp {
    /// Opens the story `id` of the atlas (or of the reader's own) at its first step.
    pub(super) fn open_story(&mut self, ctx: &egui::Context, id: &str, step: usize, fly: bool) {
        let Some(story) = self.stories.iter().find(|s| s.id == id).cloned() else { return };
        self.story = Some(StoryState::new(story, self.settings.layers, false));
        self.go_to_step(ctx, step, fly);
    }

    /// Starts a story of the reader's own, its first step the view shown.
    pub(super) fn new_story(&mut self, ctx: &egui::Context) {
        let taken: Vec<&str> = self.stories.iter().map(|s| s.id.as_str()).collect();
        let mut title = Text::en("My story");
        title.0.insert("vi".into(), "Câu chuyện của tôi".into());
        let id = unique_id("My story", &taken);
        let story = Story {
            file: format!("stories/{id}.json"),
            id,
            title,
            description: Text::default(),
            sources: Vec::new(),
            steps: vec![self.step_from_view()],
        };
        self.story = Some(StoryState::new(story, self.settings.layers, true));
        self.go_to_step(ctx, 0, false);
    }

    /// Closes the story: the reader's own layers come back; the map stays where it is.
    pub(super) fn close_story(&mut self) {
        if let Some(state) = self.story.take() {
            self.settings.layers = state.layers_before;
        }
    }

    /// Goes to step `i` (kept within the story): flying there when `fly`, else at once.
    pub(super) fn go_to_step(&mut self, ctx: &egui::Context, i: usize, fly: bool) {
        let now = ctx.input(|i| i.time);
        let screen = self.last_frame.map_rect;
        let Some(state) = self.story.as_mut() else { return };
        let Some(last) = state.story.steps.len().checked_sub(1) else { return };
        let i = i.min(last);
        let Some(step) = state.story.steps.get(i) else { return };
        state.step = i;
        state.span = None;
        state.reframe = screen.is_none();
        let geometry = &self.loaded.geometry;
        let screen = screen.unwrap_or(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1000.0, 700.0)));
        let target = crate::scene::step_view(geometry, &step.view, screen);
        let date = step.when.first_day();
        self.playback.set_playing(false);
        if fly && (self.view != target || self.cursor.date() != date) {
            let flight = Flight {
                from: self.view,
                to: target,
                from_date: self.cursor.date(),
                to_date: date,
                atlas_width_km: geometry.bounds.width(),
            };
            state.flight = Some(FlightState { flight, started: now, turned: false, prepared: false });
            let turn = self.turn_for_step(i);
            if let Some(state) = self.story.as_mut() {
                state.turn = turn;
            }
        } else {
            state.flight = None;
            state.turn = None;
            self.view = target;
            self.turn_to_step();
            self.start_span(now);
        }
        ctx.request_repaint();
    }

    /// The map as it will be at step `i`: its date, comparison, layers and emphasis.
    fn turn_for_step(&self, i: usize) -> Option<Turn> {
        let state = self.story.as_ref()?;
        let step = state.story.steps.get(i)?;
        let (atlas, geometry) = (&self.loaded.atlas, &self.loaded.geometry);
        let highlight = match &state.highlight {
            Some(h) if h.targets == step.highlight => Some(h.clone()),
            _ => Highlight::new(atlas, geometry, &step.highlight).map(Arc::new),
        };
        let layers = match &step.layers {
            Some(changes) => state.layers_before.changed_by(changes).unwrap_or(state.layers_before),
            None => state.layers_before,
        };
        let mut cursor = self.cursor.clone();
        cursor.set_compare(atlas, step.compare);
        cursor.set_date(atlas, step.when.first_day());
        Some(Turn { cursor, layers, highlight })
    }

    /// The map turns to the step shown: its date, comparison, layers and emphasis, as worked out
    /// when the flight began (or now).
    fn turn_to_step(&mut self) {
        let Some(step) = self.story.as_ref().map(|s| s.step) else { return };
        let ahead = self.story.as_mut().and_then(|s| s.turn.take());
        let Some(turn) = ahead.or_else(|| self.turn_for_step(step)) else { return };
        if let Some(state) = self.story.as_mut() {
            state.highlight = turn.highlight;
        }
        self.settings.layers = turn.layers;
        self.cursor = turn.cursor;
        self.selected_region = None;
    }

    /// Starts making the map of the step being flown to on another thread, as it will be drawn
    /// once arrived: taken at the turn and on arrival instead of being made then, which would
    /// stall those frames.
    fn prepare_turn(&mut self, ctx: &egui::Context) {
        let Some(rect) = self.last_frame.map_rect else { return };
        let Some(state) = &self.story else { return };
        let (Some(flying), Some(turn)) = (&state.flight, &state.turn) else { return };
        let options = self.scene_options_for(&turn.cursor, turn.layers, turn.highlight.clone(), None);
        let input = super::frame::scene_input(&self.loaded, &self.style, &turn.cursor, &options);
        let (atlas, geometry) = (self.loaded.atlas.clone(), self.loaded.geometry.clone());
        let to = flying.flight.to.sanitized(geometry.bounds);
        let scene = crate::scene::OwnedSceneInput::new(atlas, geometry, &input);
        self.map_painter.prepare(ctx, rect, scene, &to, self.loaded.generation);
    }

    /// A step with a span of dates starts playing it.
    fn start_span(&mut self, now: f64) {
        let Some(state) = self.story.as_mut() else { return };
        if let Some(StepWhen::Span { from, to, days_per_second }) = state.story.steps.get(state.step).map(|s| s.when) {
            state.span = Some(SpanPlay { from, to, days_per_second, started: now });
        }
    }

    /// The next or previous step (nothing past either end).
    pub(super) fn step_story(&mut self, ctx: &egui::Context, direction: Direction) {
        let Some(state) = &self.story else { return };
        let i = match direction {
            Direction::Forward if state.step + 1 < state.story.steps.len() => state.step + 1,
            Direction::Back if state.step > 0 => state.step - 1,
            _ => return,
        };
        self.go_to_step(ctx, i, true);
    }

    /// Moves the flight and the span on; asks for the next frame only while they go on, so that
    /// an arrived story leaves the window idle.
    pub(super) fn advance_story(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        if let Some(state) = &mut self.story
            && state.reframe
            && self.last_frame.map_rect.is_some()
            && state.flight.is_none()
        {
            // Shown before the map had a size: framed again now that it has one.
            let i = state.step;
            self.go_to_step(ctx, i, false);
            return;
        }
        let Some(state) = self.story.as_mut() else { return };
        if let Some(mut flying) = state.flight {
            // From the second frame, when the step's caption has its place (the labels keep
            // clear of it).
            if !flying.prepared && now > flying.started {
                flying.prepared = true;
                if let Some(state) = self.story.as_mut() {
                    state.flight = Some(flying);
                }
                self.prepare_turn(ctx);
            }
            let t = (now - flying.started) / FLIGHT_SECONDS;
            let view = if t >= 1.0 { flying.flight.to } else { flying.flight.view_at(t) };
            self.view = view.sanitized(self.loaded.geometry.bounds);
            if !flying.turned && crate::scene::ease(t) >= 0.5 {
                flying.turned = true;
                self.turn_to_step();
            }
            if let Some(state) = self.story.as_mut() {
                state.flight = (t < 1.0).then_some(flying);
            }
            if t >= 1.0 {
                if !flying.turned {
                    self.turn_to_step();
                }
                self.start_span(now);
            }
            ctx.request_repaint();
            return;
        }
        if let Some(span) = state.span {
            let elapsed = (now - span.started).max(0.0) * span.days_per_second;
            let days = crate::atlas::days_between(span.from, span.to);
            let moved = (elapsed.floor() as i64).min(days);
            let date = span.from.checked_add(jiff::Span::new().days(moved)).unwrap_or(span.to);
            self.cursor.set_date(&self.loaded.atlas, date);
            if moved >= days {
                state.span = None;
            } else {
                // The next day's frame, and none in between.
                let wait = (1.0 - elapsed.fract()) / span.days_per_second;
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait.max(0.001)));
            }
        }
    }

    /// The reader took the map or the date: the story stops moving where it is.
    pub(super) fn stop_story_motion(&mut self) {
        if let Some(state) = &mut self.story {
            state.flight = None;
            state.turn = None;
            state.span = None;
        }
    }

    /// The window as it is, as a step: the date, the view, the layers, the comparison, and the
    /// selected region as its highlight; captioned with the phase's title.
    pub(super) fn step_from_view(&self) -> StoryStep {
        let atlas = &self.loaded.atlas;
        let (lon, lat) = self.loaded.geometry.projection.lonlat_from_map(self.view.centre);
        let caption = self
            .cursor
            .phase()
            .and_then(|p| atlas.phases.get(p))
            .map_or_else(|| Text::en(self.cursor.date().to_string()), |p| p.title.clone());
        let base = self.story.as_ref().map_or(self.settings.layers, |s| s.layers_before);
        StoryStep {
            when: StepWhen::Day(self.cursor.date()),
            view: StepView::Centre { lon, lat, zoom: self.view.zoom.get() },
            caption,
            text: Text::default(),
            highlight: self.selected_region.map(Target::Region).into_iter().collect(),
            compare: self.cursor.compare(),
            layers: (self.settings.layers != base || self.settings.layers != MapLayers::default())
                .then(|| self.settings.layers.cli_list()),
        }
    }

    /// Applies an edit to the story, keeping what it was for undo.
    fn edit_story(&mut self, kind: Edit, edit: impl FnOnce(&mut StoryState)) {
        let Some(state) = self.story.as_mut() else { return };
        let coalesce = matches!(kind, Edit::Caption(_) | Edit::Title) && state.last_edit == Some(kind);
        if !coalesce {
            state.undo.push((state.story.clone(), state.step));
            if state.undo.len() > UNDO_DEPTH {
                state.undo.remove(0);
            }
        }
        state.last_edit = Some(kind);
        edit(state);
        state.edited = true;
        state.status = None;
    }

    /// Records the view shown as a step after the one shown, and shows it.
    pub(super) fn add_story_step(&mut self) {
        let step = self.step_from_view();
        self.edit_story(Edit::Other, |s| {
            let at = (s.step + 1).min(s.story.steps.len());
            s.story.steps.insert(at, step);
            s.step = at;
        });
    }

    /// Sets the caption of step `i` in the interface language (and in English too while it has
    /// none, since every caption needs English).
    pub(super) fn set_step_caption(&mut self, i: usize, caption: String) {
        let code = self.lang().code();
        self.edit_story(Edit::Caption(i), |s| {
            if let Some(step) = s.story.steps.get_mut(i) {
                if code != crate::atlas::FALLBACK_LANG && !step.caption.has(crate::atlas::FALLBACK_LANG) {
                    step.caption.0.insert(crate::atlas::FALLBACK_LANG.into(), caption.clone());
                }
                step.caption.0.insert(code.into(), caption);
            }
        });
    }

    /// Sets the story's title in the interface language.
    pub(super) fn set_story_title(&mut self, title: String) {
        let code = self.lang().code();
        self.edit_story(Edit::Title, |s| {
            s.story.title.0.insert(code.into(), title);
        });
    }

    /// Moves step `from` to the place `to`.
    pub(super) fn move_story_step(&mut self, from: usize, to: usize) {
        let n = self.story.as_ref().map_or(0, |s| s.story.steps.len());
        if from >= n || to >= n || from == to {
            return;
        }
        self.edit_story(Edit::Other, |s| {
            let step = s.story.steps.remove(from);
            s.story.steps.insert(to, step);
            s.step = to;
        });
    }

    /// Puts a copy of step `i` after it.
    pub(super) fn duplicate_story_step(&mut self, i: usize) {
        let Some(step) = self.story.as_ref().and_then(|s| s.story.steps.get(i)).cloned() else { return };
        self.edit_story(Edit::Other, |s| {
            s.story.steps.insert(i + 1, step);
            s.step = i + 1;
        });
    }

    /// Deletes step `i` (a story keeps at least one).
    pub(super) fn delete_story_step(&mut self, i: usize) {
        let n = self.story.as_ref().map_or(0, |s| s.story.steps.len());
        if i >= n || n <= 1 {
            return;
        }
        self.edit_story(Edit::Other, |s| {
            s.story.steps.remove(i);
            s.step = s.step.min(s.story.steps.len() - 1);
        });
    }

    /// Undoes the last edit.
    pub(super) fn undo_story(&mut self) {
        let Some(state) = self.story.as_mut() else { return };
        if let Some((story, step)) = state.undo.pop() {
            state.story = story;
            state.step = step.min(state.story.steps.len().saturating_sub(1));
            state.last_edit = None;
            state.edited = true;
        }
    }

    /// Where a story of this atlas is saved: its folder's `stories/`, or for the built-in atlas
    /// the reader's data folder.
    pub(crate) fn story_folder(&self) -> Option<PathBuf> {
        match &self.loaded.dir {
            Some(dir) => Some(dir.clone()),
            None => self.user_dir.clone(),
        }
    }

    /// Saves the story as `stories/ID.json` where [`Self::story_folder`] says, after reading it
    /// back as the atlas would (a story that would not open is not written). A story with no
    /// sources of its own is given those of the phases its steps show.
    pub(super) fn save_story(&mut self) {
        let lang = self.lang();
        let folder = self.story_folder();
        let atlas = self.loaded.atlas.clone();
        let Some(state) = self.story.as_mut() else { return };
        let Some(folder) = folder else {
            state.status = Some(Err(t(lang, "There is no folder to save stories in on this computer.").to_owned()));
            return;
        };
        if state.story.sources.is_empty() {
            let mut sources: Vec<crate::atlas::Source> = Vec::new();
            for step in &state.story.steps {
                let phase = atlas.phase_at(step.when.first_day());
                for s in phase.into_iter().flat_map(|p| &p.sources) {
                    if !sources.contains(s) {
                        sources.push(s.clone());
                    }
                }
            }
            state.story.sources = sources;
        }
        // The file is named from the id made safe: an id read from a file ("../x") never names a
        // file outside the folder; the id itself is kept inside the file.
        let name = crate::export::deck::file_safe(&state.story.id);
        let path = folder.join("stories").join(format!("{name}.json"));
        let shown = path.display().to_string();
        let text = crate::atlas::story_json(&atlas, &state.story);
        let written = crate::atlas::read_story_text(&atlas, &shown, &text)
            .map_err(|e| tf(lang, "Not saved: {}", &[&e.to_string()]))
            .and_then(|story| {
                std::fs::create_dir_all(folder.join("stories"))
                    .and_then(|()| std::fs::write(&path, &text))
                    .map_err(|e| tf(lang, "Not saved: {}", &[&format!("{shown}: {e}")]))
                    .map(|()| story)
            });
        match written {
            Ok(story) => {
                state.story = story.clone();
                state.edited = false;
                state.status = Some(Ok(tf(lang, "Saved {}", &[&shown])));
                match self.stories.iter_mut().find(|s| s.id == story.id) {
                    Some(s) => *s = story,
                    None => self.stories.push(story),
                }
            }
            Err(e) => state.status = Some(Err(e)),
        }
    }

    /// The stories the window offers for the atlas shown: its own, and for the built-in atlas
    /// the reader's saved ones (which take the place of a built-in story of the same id). The
    /// problems of the reader's that cannot be read are shown.
    pub(super) fn gather_stories(&mut self) {
        let mut stories = self.loaded.atlas.stories.clone();
        if self.loaded.dir.is_none()
            && let Some(dir) = &self.user_dir
        {
            let (own, errors) = crate::atlas::load_story_folder(&self.loaded.atlas, dir);
            for story in own {
                match stories.iter_mut().find(|s| s.id == story.id) {
                    Some(s) => *s = story,
                    None => stories.push(story),
                }
            }
            if !errors.is_empty() {
                let source = dir.join("stories").display().to_string();
                self.problems.push(super::LoadProblem { source, errors, kind: super::ProblemKind::Stories });
            }
        }
        self.stories = stories;
    }

    /// The caption of the step shown, in the interface language.
    pub(crate) fn story_caption(&self) -> Option<(String, String, usize, usize)> {
        let state = self.story.as_ref()?;
        let step = state.story.steps.get(state.step)?;
        let code = self.lang().code();
        Some((
            step.caption.get(code).to_owned(),
            step.text.get(code).to_owned(),
            state.step + 1,
            state.story.steps.len(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::unique_id;

    #[test]
    fn a_story_is_saved_inside_its_folder_whatever_its_id() {
        assert_eq!(crate::export::deck::file_safe("../../etc/x"), "______etc_x");
    }

    #[test]
    fn a_new_story_takes_an_id_no_other_has() {
        assert_eq!(unique_id("My story", &[]), "my-story");
        assert_eq!(unique_id("My story", &["my-story", "my-story-2"]), "my-story-3");
        assert_eq!(unique_id("", &[]), "story");
    }
}
