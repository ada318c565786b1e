//! The eframe app, split as rerun and the egui demo split theirs:
//!
//! - this file: the app's state and how it is made and saved;
//! - [`command`]: the one place state changes, [`Command`] and what each does;
//! - [`input`]: the key → command table (also the tooltips' and the README's key list);
//! - [`loading`]: the atlas shown, atlases read on another thread, dropped files;
//! - [`logic`]: each frame's work that draws nothing (commands, keys, drops, loading, playback);
//! - [`frame`]: each frame's drawing: the panels (in `ui::panels`) and the map;
//! - [`queries`]: what the state is, for tests and benchmarks, and direct changes for them.
//!
//! Panels read the state and return commands; only `command` changes it. What drawing learns
//! about the screen (where the map and the chart ended up, the zone under the pointer) is kept in
//! [`LastFrame`] for the next frame and for tests.

mod command;
mod exporting;
mod frame;
pub mod input;
mod loading;
mod logic;
mod queries;
mod story;

use std::path::PathBuf;

use jiff::civil::Date;

pub use command::{Command, Layer};
pub use exporting::ExportKind;
pub use loading::LoadedAtlas;
pub use story::StoryState;

use super::map_painter::MapPainter;
use super::settings::{self, Settings};
use crate::atlas::{Atlas, AtlasErrors, Playback, TimelineCursor};
use crate::i18n::Lang;
use crate::scene::{NameStyle, Style, View};

/// How the program was started: what the command line asked for.
#[derive(Clone, Debug, Default)]
pub struct LaunchOptions {
    /// The date to open at; the remembered one, or the atlas's default, when `None`.
    pub date: Option<Date>,
    /// An atlas folder to open instead of the built-in atlas.
    pub atlas_dir: Option<PathBuf>,
    /// Longitude, latitude and zoom (1 = the whole atlas).
    pub view: Option<(f64, f64, f32)>,
    /// What "today" is (the end of the timeline); the UTC date when `None`. Tests fix it so
    /// that pictures do not change from one day to the next.
    pub today: Option<Date>,
    /// Compare the date shown with this one (changed zones hatched, listed in the panel).
    pub compare: Option<Date>,
    /// Shade the land taken since this day (the layer is then on).
    pub taken_since: Option<Date>,
    /// Show the area chart.
    pub chart: bool,
    /// Start in presentation mode (full screen, controls hidden).
    pub present: bool,
    /// Interface language; the remembered one when `None`.
    pub lang: Option<Lang>,
    /// Naming tradition of place labels; the remembered one when `None`.
    pub names: Option<NameStyle>,
    /// Plain GeoJSON files to show over the map.
    pub overlays: Vec<PathBuf>,
    /// The layers of the land shown; the remembered ones when `None`.
    pub layers: Option<crate::scene::MapLayers>,
    /// Open centred on the best match of this search, ringed.
    pub find: Option<String>,
    /// Open this story (by its id), at `step`.
    pub story: Option<String>,
    /// The step of `story` to open at, from 1 (the first when `None`).
    pub step: Option<usize>,
    /// The reader's own folder (stories written for the built-in atlas are saved in its
    /// `stories/`); none in tests, unless they give one.
    pub user_dir: Option<PathBuf>,
}

/// An atlas (or overlay) that could not be opened, or an overlay of which some features were left
/// out, and why; shown in a window until dismissed.
#[derive(Clone, Debug)]
pub struct LoadProblem {
    /// The folder or file, as the user named it.
    pub source: String,
    /// Everything wrong with it.
    pub errors: AtlasErrors,
    /// What it was.
    pub kind: ProblemKind,
}

/// What a problem was met in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// An atlas that was not opened: the map keeps the one it had.
    Atlas,
    /// An overlay that was not opened.
    Overlay,
    /// An overlay shown without some of its features.
    OverlayInPart,
    /// Stories of the reader's own that could not be read (the others are offered).
    Stories,
}

/// Teaching aids over the map (the graticule is a layer: [`crate::scene::MapLayers::grid`]).
#[derive(Clone, Debug)]
pub struct TeachingAids {
    /// The locator inset.
    pub locator: bool,
    /// Clicks on the map place measuring points instead of selecting regions.
    pub measuring: bool,
    /// Longitude and latitude of the measuring points (at most two).
    pub points: Vec<(f64, f64)>,
}

impl Default for TeachingAids {
    fn default() -> Self {
        Self { locator: true, measuring: false, points: Vec::new() }
    }
}

/// What drawing learned about the screen, kept for the next frame and for tests.
#[derive(Default)]
pub struct LastFrame {
    /// Where the map was drawn.
    pub map_rect: Option<egui::Rect>,
    /// Where the chart was drawn.
    pub chart_transform: Option<egui_plot::PlotTransform>,
    /// Where the presentation's title and caption were drawn: map labels keep clear of them.
    pub caption_rects: Vec<egui::Rect>,
    /// The zone under the pointer.
    pub hovered_zone: Option<usize>,
    /// How many times the pointer has moved in the window. The hover box waits for the second:
    /// a window opened under a resting pointer (as under a screenshot tool) gets one report of
    /// where it is, and a box in the middle of the map that nobody asked for.
    pub pointer_moves: u32,
    /// Since when (egui's clock, seconds) the pointer has been still, while presenting.
    pub pointer_still_since: Option<f64>,
}

/// The whole app: the atlas and everything derived from it, the reader's place on the timeline,
/// the view, settings, panels' state and background work.
pub struct AtlasApp {
    pub(in crate::ui) loaded: LoadedAtlas,
    pub(in crate::ui) cursor: TimelineCursor,
    pub(in crate::ui) playback: Playback,
    pub(in crate::ui) view: View,
    pub(in crate::ui) settings: Settings,
    pub(in crate::ui) style: Style,
    pub(in crate::ui) aids: TeachingAids,
    pub(in crate::ui) presenting: bool,
    pub(in crate::ui) show_about: bool,
    pub(in crate::ui) show_chart: bool,
    pub(in crate::ui) selected_region: Option<crate::atlas::RegionIdx>,
    /// Why the date (or compared date) typed was refused.
    pub(in crate::ui) date_error: Option<String>,
    /// The last export's outcome: what was written, or why not.
    pub(in crate::ui) export_status: Option<Result<String, String>>,
    /// Where to save the last export that found no file dialog (the user's Pictures folder).
    pub(in crate::ui) export_offer: Option<(ExportKind, PathBuf)>,
    /// The export under way, if any.
    pub(in crate::ui) export_job: Option<exporting::ExportJob>,
    pub(in crate::ui) problems: Vec<LoadProblem>,
    /// Plain GeoJSON files shown over the atlas.
    pub(in crate::ui) overlays: Vec<std::sync::Arc<crate::atlas::Overlay>>,
    /// The title of the built-in atlas, for the Open menu.
    pub(in crate::ui) builtin_title: crate::atlas::Text,
    pub(in crate::ui) loading: Option<loading::Loading>,
    pub(in crate::ui) map_painter: MapPainter,
    /// The reader's overlays, drawn from a cached mesh.
    pub(in crate::ui) overlay_painter: super::overlay_painter::OverlayPainter,
    /// What the search found and the user chose: ringed on the map.
    pub(in crate::ui) marked: Option<(f64, f64)>,
    /// The keyboard should go to the search box (Ctrl+F).
    pub(in crate::ui) focus_search: bool,
    pub(in crate::ui) last_frame: LastFrame,
    /// Commands from the panels, run at the start of the next frame.
    pub(in crate::ui) pending: Vec<Command>,
    /// The stories offered: the atlas's own, and the reader's (see `gather_stories`).
    pub(in crate::ui) stories: Vec<crate::atlas::Story>,
    /// The story open, if any.
    pub(in crate::ui) story: Option<StoryState>,
    /// The reader's own folder, where stories of the built-in atlas are saved.
    pub(in crate::ui) user_dir: Option<PathBuf>,
}

impl AtlasApp {
    /// Creates the app for a window (or a test harness): fonts, remembered settings, the atlas.
    pub fn new(ctx: &egui::Context, storage: Option<&dyn eframe::Storage>, options: LaunchOptions) -> Self {
        crate::fonts::install(ctx);
        ctx.set_theme(egui::Theme::Light);
        let settings: Settings = storage.and_then(|s| eframe::get_value(s, settings::KEY)).unwrap_or_default();
        let (settings, _) = settings.sanitized();
        if let Some(zoom) = settings.zoom_factor {
            ctx.set_zoom_factor(zoom);
        }
        Self::with_settings(options, settings)
    }

    /// Creates the app from launch options and settings (no window needed).
    pub fn with_settings(options: LaunchOptions, settings: Settings) -> Self {
        match crate::atlas::embedded() {
            Ok(atlas) => Self::build(atlas, None, options, settings),
            Err(errors) => {
                let problem = LoadProblem { source: "built-in atlas".into(), errors, kind: ProblemKind::Atlas };
                Self::build(Atlas::empty(), Some(problem), options, settings)
            }
        }
    }

    /// Creates the app showing `atlas` (benchmarks and tests of large atlases).
    pub fn with_atlas(atlas: Atlas, options: LaunchOptions) -> Self {
        Self::build(atlas, None, options, Settings::default())
    }

    fn build(atlas: Atlas, problem: Option<LoadProblem>, options: LaunchOptions, mut settings: Settings) -> Self {
        let today = options.today.unwrap_or_else(crate::atlas::today_utc);
        if let Some(lang) = options.lang {
            settings.lang = Some(lang.code().to_owned());
        }
        if let Some(names) = options.names {
            settings.names = names;
        }
        if let Some(layers) = options.layers {
            settings.layers = layers;
        }
        let builtin_title = atlas.title.clone();
        let loaded = LoadedAtlas::new(atlas, None, today, settings.lang());
        let cursor = TimelineCursor::new(&loaded.atlas, today, today);
        let mut app = Self {
            loaded,
            cursor,
            playback: Playback::default(),
            view: View::default(),
            settings,
            style: Style::default(),
            aids: TeachingAids::default(),
            presenting: options.present,
            show_about: false,
            show_chart: options.chart,
            selected_region: None,
            date_error: None,
            export_status: None,
            export_offer: None,
            export_job: None,
            problems: Vec::new(),
            overlays: Vec::new(),
            builtin_title,
            loading: None,
            map_painter: MapPainter::default(),
            overlay_painter: Default::default(),
            marked: None,
            focus_search: false,
            last_frame: LastFrame::default(),
            pending: Vec::new(),
            stories: Vec::new(),
            story: None,
            user_dir: options.user_dir.clone(),
        };
        app.gather_stories();
        for path in &options.overlays {
            app.add_overlay(path);
        }
        if let Some(dir) = &options.atlas_dir {
            app.open_atlas(dir);
        }
        app.problems.splice(0..0, problem);
        let remembered = app.settings.date.as_deref().and_then(|d| crate::atlas::parse_iso_date(d).ok());
        let start = options.date.or(remembered).or(app.loaded.atlas.default_date).unwrap_or(today);
        app.cursor.force_date(&app.loaded.atlas, start);
        if let Some(c) = options.compare {
            app.cursor.set_compare(&app.loaded.atlas, Some(c));
        }
        if let Some(since) = options.taken_since {
            app.cursor.set_taken_since(&app.loaded.atlas, Some(since));
            app.settings.layers.taken = true;
        }
        let bounds = app.loaded.geometry.bounds;
        app.view = match (options.view, app.settings.view) {
            (Some((lon, lat, zoom)), _) => {
                let centre = app.loaded.geometry.projection.map_from_lonlat(lon, lat);
                View { centre, zoom: zoom.into() }.sanitized(bounds)
            }
            (None, Some(v)) if app.loaded.dir.is_none() => v.sanitized(bounds),
            _ => View::fit(bounds),
        };
        if let Some(query) = &options.find
            && let Some(hit) = app.loaded.search.find(query, 1).first()
        {
            let zoom = options.view.map_or(6.0, |v| v.2);
            app.run(Command::GoTo { lonlat: hit.lonlat, zoom });
        }
        if let Some(id) = &options.story {
            let ctx = egui::Context::default();
            app.open_story(&ctx, id, options.step.unwrap_or(1).saturating_sub(1), false);
            if app.story.is_none() {
                let ids: Vec<&str> = app.stories.iter().map(|s| s.id.as_str()).collect();
                let mut errors = AtlasErrors::default();
                errors.push(
                    "--story",
                    None,
                    format!("no story \"{id}\" in the atlas (its stories: {})", ids.join(", ")),
                );
                app.problems.push(LoadProblem { source: "--story".into(), errors, kind: ProblemKind::Stories });
            }
        }
        app
    }

    /// One whole frame, as eframe runs it: [`Self::logic`], then [`Self::ui`] (benchmarks and
    /// the test harness run it through an `egui::Context` directly).
    pub fn run_frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.logic(&ctx);
        self.ui(ui);
    }
}

impl eframe::App for AtlasApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        AtlasApp::logic(self, ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        AtlasApp::ui(self, ui);
    }

    /// egui's memory is not remembered: eframe would read it back before the program could check
    /// it (its zoom factor can stop the start); the zoom factor is kept in the settings instead.
    fn persist_egui_memory(&self) -> bool {
        false
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, settings::KEY, &self.settings_to_save());
    }
}
