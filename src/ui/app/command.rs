//! Everything the user can ask for, as one enum, and the one place where it is carried out. Panels
//! and keys return commands; nothing else changes the app's state.

use std::path::PathBuf;

use jiff::civil::Date;

use super::AtlasApp;
use crate::atlas::Step;
use crate::i18n::{Lang, tf};
use crate::scene::{LayerName, NameStyle, View};

/// A layer of the map's furniture that can be shown or hidden.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    /// Lines of longitude and latitude.
    Grid,
    /// The locator inset.
    Inset,
    /// The area chart under the map.
    Chart,
}

/// Something the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Move to a date (clamped to the timeline).
    SetDate(Date),
    /// The date box's text on Enter: a date, or an error shown beside the box.
    TypeDate(String),
    /// A step on the timeline.
    Step(Step),
    /// Jump to an event and select it.
    SelectEvent(usize),
    /// Compare with another date, or stop comparing.
    Compare(Option<Date>),
    /// The compare box's text: a date, or an error.
    TypeCompare(String),
    /// Play or pause.
    SetPlaying(bool),
    /// Playback speed in days per second.
    SetSpeed(f32),
    /// Play from one change of control to the next, one a second.
    SetPerChange,
    /// Start again at the end.
    SetLooping(bool),
    /// Pause at each event.
    SetStopAtEvents(bool),
    /// Enter or leave presentation mode.
    SetPresenting(bool),
    /// The interface language (remembered).
    SetLanguage(Lang),
    /// The naming tradition of place labels (remembered).
    SetNames(NameStyle),
    /// Frame the whole atlas.
    Fit,
    /// Show this part of the map (kept within bounds).
    SetView(View),
    /// A click on the map at a longitude and latitude: a measuring point, or the region there.
    ClickMap {
        /// The point clicked, longitude and latitude.
        lonlat: (f64, f64),
        /// The zone under it.
        zone: Option<usize>,
    },
    /// Close the region facts.
    CloseRegion,
    /// Show or hide a layer.
    SetLayer(Layer, bool),
    /// Show or hide a layer of the land (remembered).
    SetMapLayer(LayerName, bool),
    /// Compare "land taken since" with this day (`None`: the day before the fighting began).
    SetTakenSince(Option<jiff::civil::Date>),
    /// Centre the map on a point found by the search, ringed, at least at `zoom`.
    GoTo {
        /// The point, longitude and latitude.
        lonlat: (f64, f64),
        /// The zoom to show it at (kept if the map is already closer).
        zoom: f32,
    },
    /// Put the keyboard in the search box (true), or note that it is there (false).
    FocusSearch(bool),
    /// Clicks measure distances instead of selecting regions.
    SetMeasuring(bool),
    /// Ask for an atlas folder with a native dialog and open it.
    OpenAtlasDialog,
    /// Open an atlas folder (on another thread).
    OpenAtlas(PathBuf),
    /// Go back to the built-in atlas.
    OpenBuiltin,
    /// Ask for a GeoJSON file with a native dialog and show it over the map.
    AddOverlayDialog,
    /// Show a GeoJSON file over the map.
    AddOverlay(PathBuf),
    /// Stop showing an overlay.
    RemoveOverlay(usize),
    /// Ask where to save with a native dialog, and export there.
    ExportDialog(super::ExportKind),
    /// Export to a file (its format by its extension), on a thread of its own.
    Export(super::ExportKind, PathBuf),
    /// Stop the export under way.
    CancelExport,
    /// Show or hide the About window.
    ShowAbout(bool),
    /// Close the window listing an atlas's errors.
    DismissProblem,
    /// Open a story by its id, at its first step.
    OpenStory(String),
    /// Start a story of one's own from the view shown.
    NewStory,
    /// Close the story.
    CloseStory,
    /// Fly to a step of the story (index).
    GoToStep(usize),
    /// The next or previous step of the story.
    StoryStep(crate::atlas::Direction),
    /// Record the view shown as a step after the one shown.
    AddStoryStep,
    /// A step's caption, in the interface language.
    SetStepCaption(usize, String),
    /// The story's title, in the interface language.
    SetStoryTitle(String),
    /// Move a step from one place to another.
    MoveStoryStep {
        /// Where it is.
        from: usize,
        /// Where it goes.
        to: usize,
    },
    /// Copy a step, the copy after it.
    DuplicateStoryStep(usize),
    /// Delete a step.
    DeleteStoryStep(usize),
    /// Undo the last edit of the story.
    UndoStory,
    /// Save the story.
    SaveStory,
}

/// Why a typed date was refused, in the interface language (the calendar's own reason is kept in
/// English, as jiff gives it, after the translated sentence).
fn date_error_text(e: &crate::atlas::DateError, text: &str, lang: Lang) -> String {
    match e {
        crate::atlas::DateError::Invalid { reason, .. } => {
            format!("{} {reason}", tf(lang, "\"{}\" is not a valid date (YYYY-MM-DD):", &[text]))
        }
        _ => tf(lang, "\"{}\" is not a date in the form YYYY-MM-DD", &[text]),
    }
}

impl AtlasApp {
    /// Carries out `command` outside a frame (benchmarks and tests).
    pub fn run(&mut self, command: Command) {
        let ctx = egui::Context::default();
        self.run_in(&ctx, command);
    }

    /// Carries out `command`: the one place the app's state changes.
    pub(super) fn run_in(&mut self, ctx: &egui::Context, command: Command) {
        let atlas = &self.loaded.atlas;
        let date_before = self.cursor.date();
        match command {
            Command::SetDate(date) => {
                self.cursor.set_date(atlas, date);
                self.stop_story_motion();
            }
            Command::TypeDate(text) => match crate::atlas::parse_iso_date(&text) {
                Ok(date) => {
                    self.cursor.set_date(atlas, date);
                    self.date_error = None;
                }
                Err(e) => self.date_error = Some(date_error_text(&e, &text, self.settings.lang())),
            },
            Command::Step(step) => self.cursor.step(atlas, step),
            Command::SelectEvent(i) => self.cursor.select_event(atlas, i),
            Command::Compare(other) => self.cursor.set_compare(atlas, other),
            Command::TypeCompare(text) => match crate::atlas::parse_iso_date(&text) {
                Ok(date) => {
                    self.cursor.set_compare(atlas, Some(date));
                    self.date_error = None;
                }
                Err(e) => self.date_error = Some(date_error_text(&e, &text, self.settings.lang())),
            },
            Command::SetPlaying(on) => self.playback.set_playing(on),
            Command::SetSpeed(speed) => {
                self.playback.speed = speed.clamp(1.0, 3650.0);
                self.playback.per_change = false;
            }
            Command::SetPerChange => self.playback.per_change = true,
            Command::SetLooping(on) => self.playback.looping = on,
            Command::SetStopAtEvents(on) => self.playback.stop_at_events = on,
            Command::SetPresenting(on) => {
                self.presenting = on;
                self.last_frame.caption_rects.clear();
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
            }
            Command::SetLanguage(lang) => {
                self.settings.lang = Some(lang.code().to_owned());
                self.loaded.set_language(self.cursor.today(), lang);
            }
            Command::SetNames(names) => self.settings.names = names,
            Command::Fit => self.view = View::fit(self.loaded.geometry.bounds),
            Command::SetView(view) => {
                self.view = view.sanitized(self.loaded.geometry.bounds);
                self.stop_story_motion();
            }
            Command::ClickMap { lonlat, zone } => {
                if self.aids.measuring {
                    if self.aids.points.len() >= 2 {
                        self.aids.points.clear();
                    }
                    self.aids.points.push(lonlat);
                } else {
                    // A click (not a drag) selects the region under the pointer, or clears the selection.
                    self.selected_region = zone.and_then(|z| atlas.zones.get(z)).map(|z| z.region);
                }
            }
            Command::CloseRegion => self.selected_region = None,
            Command::SetLayer(Layer::Grid, on) => self.settings.layers.grid = on,
            Command::SetMapLayer(layer, on) => self.settings.layers.set(layer, on),
            Command::SetTakenSince(since) => {
                self.cursor.set_taken_since(&self.loaded.atlas, since);
                self.settings.layers.taken = true;
            }
            Command::GoTo { lonlat, zoom } => {
                let geometry = &self.loaded.geometry;
                let centre = geometry.projection.map_from_lonlat(lonlat.0, lonlat.1);
                let zoom = self.view.zoom.get().max(zoom);
                self.view = View { centre, zoom: zoom.into() }.sanitized(geometry.bounds);
                self.marked = Some(lonlat);
            }
            Command::FocusSearch(on) => self.focus_search = on,
            Command::SetLayer(Layer::Inset, on) => self.aids.locator = on,
            Command::SetLayer(Layer::Chart, on) => self.show_chart = on,
            Command::SetMeasuring(on) => {
                self.aids.measuring = on;
                self.aids.points.clear();
            }
            Command::OpenAtlasDialog => {
                if let Some(dir) = rfd::FileDialog::new().pick_folder() {
                    self.open_atlas_in_background(ctx, &dir);
                }
            }
            Command::OpenAtlas(dir) => self.open_atlas_in_background(ctx, &dir),
            Command::OpenBuiltin => self.open_builtin(),
            Command::AddOverlayDialog => {
                if let Some(file) = rfd::FileDialog::new().add_filter("GeoJSON", &["geojson", "json"]).pick_file() {
                    self.add_overlay(&file);
                }
            }
            Command::AddOverlay(file) => self.add_overlay(&file),
            Command::RemoveOverlay(i) => {
                if i < self.overlays.len() {
                    self.overlays.remove(i);
                }
            }
            Command::ExportDialog(kind) => self.export_with_dialog(ctx, kind),
            Command::Export(kind, path) => self.start_export(ctx, kind, path),
            Command::CancelExport => self.cancel_export(),
            Command::ShowAbout(on) => self.show_about = on,
            Command::DismissProblem => self.problems.clear(),
            Command::OpenStory(id) => self.open_story(ctx, &id, 0, true),
            Command::NewStory => self.new_story(ctx),
            Command::CloseStory => self.close_story(),
            Command::GoToStep(i) => self.go_to_step(ctx, i, true),
            Command::StoryStep(direction) => self.step_story(ctx, direction),
            Command::AddStoryStep => self.add_story_step(),
            Command::SetStepCaption(i, caption) => self.set_step_caption(i, caption),
            Command::SetStoryTitle(title) => self.set_story_title(title),
            Command::MoveStoryStep { from, to } => self.move_story_step(from, to),
            Command::DuplicateStoryStep(i) => self.duplicate_story_step(i),
            Command::DeleteStoryStep(i) => self.delete_story_step(i),
            Command::UndoStory => self.undo_story(),
            Command::SaveStory => self.save_story(),
        }
        if self.cursor.date() != date_before {
            self.date_error = None;
        }
    }
}
