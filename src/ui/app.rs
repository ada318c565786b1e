//! The eframe app: holds the atlas, the date and the view, and wires the panels to them.

use std::path::{Path, PathBuf};

use egui::{Color32, Key, RichText};
use jiff::ToSpan as _;
use jiff::civil::Date;

use super::chart::{ChartData, chart_ui};
use super::settings::{self, Settings};
use super::time_slider::{Pick, SliderData, TimeAxis, time_slider_ui};
use super::{fonts, map_view, side_panel};
use crate::atlas::{Atlas, AtlasErrors, ControllerArea, ControllerIdx, ZoneChange};
use crate::i18n::{LANGUAGES, lang_code, long_date, t, tf};
use crate::scene::{MapGeometry, NameStyle, SceneInput, SceneOptions, Style, View};

/// How the program was started: what the command line asked for.
#[derive(Clone, Debug, Default)]
pub struct LaunchOptions {
    pub date: Option<Date>,
    pub atlas_dir: Option<PathBuf>,
    /// Longitude, latitude and zoom (1 = the whole atlas).
    pub view: Option<(f64, f64, f32)>,
    /// What "today" is (the end of the timeline); the clock's date when `None`. Tests fix it so
    /// that pictures do not change from one day to the next.
    pub today: Option<Date>,
    /// Compare the date shown with this one (changed zones hatched, listed in the panel).
    pub compare: Option<Date>,
    /// Show the area chart.
    pub chart: bool,
    /// Start in presentation mode (full screen, controls hidden).
    pub present: bool,
    /// Interface language ("en", "vi"); the remembered one when `None`.
    pub lang: Option<String>,
    /// Naming tradition of place labels; the remembered one when `None`.
    pub names: Option<NameStyle>,
    /// Plain GeoJSON files to show over the map.
    pub overlays: Vec<PathBuf>,
}

/// An atlas that could not be opened, and why; shown in a window until dismissed.
#[derive(Clone, Debug)]
pub struct LoadProblem {
    pub source: String,
    pub errors: AtlasErrors,
}

/// Everything derived from the atlas alone: computed when an atlas is opened, never per frame.
struct Loaded {
    atlas: Atlas,
    geometry: MapGeometry,
    axis: TimeAxis,
    phase_colours: Vec<Color32>,
    chart: ChartData,
    /// Where it came from: `None` for the built-in atlas.
    dir: Option<PathBuf>,
    /// Distinguishes one loaded atlas from the next, for caches.
    generation: u64,
}

impl Loaded {
    fn new(atlas: Atlas, dir: Option<PathBuf>, today: Date) -> Self {
        let geometry = MapGeometry::new(&atlas);
        let axis = TimeAxis::new(&atlas, today);
        let phase_colours = atlas
            .phases
            .iter()
            .map(|p| {
                let held = atlas.area_by_controller(p.start);
                let top = held.iter().max_by(|a, b| a.area_km2.total_cmp(&b.area_km2)).map(|a| a.controller);
                top.and_then(|c| atlas.controllers.get(c)).map_or(Color32::GRAY, |c| tint(c.colour))
            })
            .collect();
        let chart = ChartData::new(&atlas, today, "en");
        static GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let generation = GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Self { atlas, geometry, axis, phase_colours, chart, dir, generation }
    }
}

/// A light tint of a controller's colour, for the slider's phase bands.
fn tint(rgb: [u8; 3]) -> Color32 {
    let t = |v: u8| (f32::from(v) * 0.45 + 255.0 * 0.55) as u8;
    Color32::from_rgb(t(rgb[0]), t(rgb[1]), t(rgb[2]))
}

pub struct AtlasApp {
    loaded: Loaded,
    style: Style,
    today: Date,
    date: Date,
    /// Controller of each zone on `date`, and km² per controller: recomputed when the date changes.
    control: Vec<ControllerIdx>,
    areas: Vec<ControllerArea>,
    phase: Option<usize>,
    view: View,
    hovered_zone: Option<usize>,
    selected_event: Option<usize>,
    date_text: String,
    date_error: Option<String>,
    problem: Option<LoadProblem>,
    show_about: bool,
    settings: Settings,
    /// Where the map was drawn last frame (for tests and for placing things on the map).
    map_rect: egui::Rect,
    show_chart: bool,
    /// Where the chart was drawn last frame (for tests).
    chart_transform: Option<egui_plot::PlotTransform>,
    /// The date compared with the one shown, and the zones that changed hands between them.
    compare: Option<Date>,
    compare_text: String,
    comparison: Vec<ZoneChange>,
    /// The region whose facts the panel shows.
    selected_region: Option<usize>,
    map_painter: map_view::MapPainter,
    /// An atlas being read on another thread, so the window stays responsive with large files.
    loading: Option<(PathBuf, std::sync::mpsc::Receiver<Result<Loaded, AtlasErrors>>)>,
    /// Plain GeoJSON files shown over the atlas.
    overlays: Vec<crate::atlas::Overlay>,
    /// Where the presentation's title and caption were drawn last frame: map labels keep clear.
    overlay_rects: Vec<egui::Rect>,
    presenting: bool,
    playback: Playback,
    aids: Aids,
}

/// Teaching aids over the map.
#[derive(Clone, Debug)]
pub struct Aids {
    pub graticule: bool,
    pub locator: bool,
    /// Clicks on the map place measuring points instead of selecting regions.
    pub measuring: bool,
    /// Longitude and latitude of the measuring points (at most two).
    pub points: Vec<(f64, f64)>,
}

impl Default for Aids {
    fn default() -> Self {
        Self { graticule: false, locator: true, measuring: false, points: Vec::new() }
    }
}

/// Playing through time: the date advances by `speed` days a second while `playing`.
#[derive(Clone, Debug)]
pub struct Playback {
    pub playing: bool,
    /// Days per second.
    pub speed: f32,
    /// Start again from the beginning at the end of the timeline.
    pub looping: bool,
    /// Pause on reaching an event's date.
    pub stop_at_events: bool,
    /// Fraction of a day carried over between frames.
    carry: f64,
}

impl Default for Playback {
    fn default() -> Self {
        Self { playing: false, speed: 60.0, looping: false, stop_at_events: true, carry: 0.0 }
    }
}

impl AtlasApp {
    /// Creates the app for a window (or a test harness): fonts, remembered settings, the atlas.
    pub fn new(cc: &eframe::CreationContext<'_>, options: LaunchOptions) -> Self {
        fonts::install(&cc.egui_ctx);
        cc.egui_ctx.set_theme(egui::Theme::Light);
        let settings: Settings = cc.storage.and_then(|s| eframe::get_value(s, settings::KEY)).unwrap_or_default();
        Self::with_settings(options, settings)
    }

    /// Creates the app from launch options and settings (no window needed).
    pub fn with_settings(options: LaunchOptions, settings: Settings) -> Self {
        let (atlas, problem) = match crate::atlas::embedded() {
            Ok(a) => (a, None),
            Err(errors) => (empty_atlas(), Some(LoadProblem { source: "built-in atlas".into(), errors })),
        };
        Self::build(atlas, problem, options, settings)
    }

    /// Creates the app showing `atlas` (benchmarks and tests of large atlases).
    pub fn with_atlas(atlas: Atlas, options: LaunchOptions) -> Self {
        Self::build(atlas, None, options, Settings::default())
    }

    fn build(atlas: Atlas, mut problem: Option<LoadProblem>, options: LaunchOptions, settings: Settings) -> Self {
        let today = options.today.unwrap_or_else(|| jiff::Zoned::now().date());
        let loaded = Loaded::new(atlas, None, today);
        let mut app = Self {
            loaded,
            style: Style::default(),
            today,
            date: today,
            control: Vec::new(),
            areas: Vec::new(),
            phase: None,
            view: View::default(),
            hovered_zone: None,
            selected_event: None,
            date_text: String::new(),
            date_error: None,
            problem: None,
            show_about: false,
            settings,
            map_rect: egui::Rect::NOTHING,
            show_chart: options.chart,
            chart_transform: None,
            compare: None,
            compare_text: String::new(),
            comparison: Vec::new(),
            selected_region: None,
            map_painter: map_view::MapPainter::default(),
            loading: None,
            overlays: Vec::new(),
            overlay_rects: Vec::new(),
            presenting: options.present,
            playback: Playback::default(),
            aids: Aids::default(),
        };
        if let Some(lang) = &options.lang {
            app.settings.lang = Some(lang_code(Some(lang)).to_owned());
        }
        if let Some(names) = options.names {
            app.settings.names = names;
        }
        for path in &options.overlays {
            app.add_overlay(path);
        }
        if let Some(dir) = &options.atlas_dir {
            app.open_atlas(dir);
        }
        problem = problem.or(app.problem.take());
        app.problem = problem;
        let remembered = app.settings.date.as_deref().and_then(|d| d.parse::<Date>().ok());
        let start = options.date.or(remembered).or(app.loaded.atlas.default_date).unwrap_or(today);
        app.force_date(start);
        if let Some(c) = options.compare {
            app.set_compare(Some(c));
        }
        app.view = match (options.view, app.settings.view) {
            (Some((lon, lat, zoom)), _) => {
                let centre = app.loaded.geometry.projection.map_from_lonlat(lon, lat);
                View { centre, zoom }.sanitized(app.loaded.geometry.bounds)
            }
            (None, Some(v)) if app.loaded.dir.is_none() => v.sanitized(app.loaded.geometry.bounds),
            _ => View::fit(app.loaded.geometry.bounds),
        };
        app
    }

    /// Opens the atlas in `dir`. On failure its errors are shown and the current atlas stays.
    pub fn open_atlas(&mut self, dir: &Path) {
        let result = crate::atlas::load_dir(dir).map(|atlas| Loaded::new(atlas, Some(dir.to_path_buf()), self.today));
        self.finish_loading(dir, result);
    }

    /// Opens the atlas in `dir` on another thread; the current atlas stays until it is ready.
    pub fn open_atlas_in_background(&mut self, dir: &Path) {
        let (tx, rx) = std::sync::mpsc::channel();
        let (path, today) = (dir.to_path_buf(), self.today);
        std::thread::spawn(move || {
            let result = crate::atlas::load_dir(&path).map(|atlas| Loaded::new(atlas, Some(path.clone()), today));
            let _ = tx.send(result);
        });
        self.loading = Some((dir.to_path_buf(), rx));
    }

    /// Adds a plain GeoJSON file over the map; a bad one shows its errors and nothing changes.
    pub fn add_overlay(&mut self, path: &Path) {
        match crate::atlas::load_overlay(path) {
            Ok(o) => self.overlays.push(o),
            Err(errors) => self.problem = Some(LoadProblem { source: path.display().to_string(), errors }),
        }
    }

    pub fn overlays(&self) -> &[crate::atlas::Overlay] {
        &self.overlays
    }

    /// Whether an atlas is being read.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    fn poll_loading(&mut self, ctx: &egui::Context) {
        let Some((dir, rx)) = &self.loading else { return };
        match rx.try_recv() {
            Ok(result) => {
                let dir = dir.clone();
                self.loading = None;
                self.finish_loading(&dir, result);
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => ctx.request_repaint(),
            Err(std::sync::mpsc::TryRecvError::Disconnected) => self.loading = None,
        }
    }

    fn finish_loading(&mut self, dir: &Path, result: Result<Loaded, AtlasErrors>) {
        match result {
            Ok(loaded) => {
                let shown = dir.display().to_string();
                self.settings.recent.retain(|r| *r != shown);
                self.settings.recent.insert(0, shown);
                self.settings.recent.truncate(6);
                self.show_loaded(loaded);
            }
            Err(errors) => self.problem = Some(LoadProblem { source: dir.display().to_string(), errors }),
        }
    }

    /// Goes back to the built-in Karabakh atlas.
    pub fn open_builtin(&mut self) {
        if let Ok(atlas) = crate::atlas::embedded() {
            self.show_loaded(Loaded::new(atlas, None, self.today));
        }
    }

    /// Opens what was dropped on the window: a folder, or any file inside an atlas folder.
    fn open_dropped(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect());
        if let Some(path) = dropped.first() {
            // A GeoJSON file outside an atlas folder is an overlay; anything else opens its folder.
            let is_geojson =
                path.extension().is_some_and(|e| e.eq_ignore_ascii_case("geojson") || e.eq_ignore_ascii_case("json"));
            let in_atlas = path.parent().is_some_and(|d| d.join("atlas.json").is_file());
            if path.is_file() && is_geojson && !in_atlas {
                self.add_overlay(path);
                return;
            }
            let dir =
                if path.is_dir() { path.clone() } else { path.parent().map(Path::to_path_buf).unwrap_or_default() };
            self.open_atlas_in_background(&dir);
        }
    }

    /// Shows a newly loaded atlas: framed whole, at its default date, with nothing selected.
    fn show_loaded(&mut self, loaded: Loaded) {
        self.loaded = loaded;
        self.view = View::fit(self.loaded.geometry.bounds);
        self.selected_event = None;
        self.hovered_zone = None;
        self.selected_region = None;
        self.problem = None;
        let date = self.loaded.atlas.default_date.unwrap_or(self.date);
        self.force_date(date);
        self.set_compare(None);
    }

    // ----- State, for the panels and for tests -----

    pub fn atlas(&self) -> &Atlas {
        &self.loaded.atlas
    }

    pub fn date(&self) -> Date {
        self.date
    }

    pub fn view(&self) -> View {
        self.view
    }

    /// Sets the view (kept within the atlas's bounds and zoom limits).
    pub fn set_view(&mut self, view: View) {
        self.view = view.sanitized(self.loaded.geometry.bounds);
    }

    pub fn phase_id(&self) -> Option<&str> {
        self.phase.map(|i| self.loaded.atlas.phases[i].id.as_str())
    }

    /// The id of the controller of zone `zone` on the current date.
    pub fn controller_of(&self, zone: &str) -> Option<&str> {
        let z = self.loaded.atlas.zones.iter().position(|z| z.id == zone)?;
        let c = *self.control.get(z)?;
        Some(self.loaded.atlas.controllers.get(c)?.id.as_str())
    }

    pub fn hovered_zone(&self) -> Option<&str> {
        self.hovered_zone.map(|z| self.loaded.atlas.zones[z].id.as_str())
    }

    pub fn selected_event(&self) -> Option<&str> {
        self.selected_event.map(|e| self.loaded.atlas.events[e].id.as_str())
    }

    /// Where a longitude and latitude is on screen, as last drawn.
    pub fn screen_pos_of(&self, lon: f64, lat: f64) -> egui::Pos2 {
        let g = &self.loaded.geometry;
        self.view.screen_from_map(self.map_rect, g.bounds, g.projection.map_from_lonlat(lon, lat))
    }

    pub fn problem(&self) -> Option<&LoadProblem> {
        self.problem.as_ref()
    }

    /// The interface language code ("en", "vi").
    pub fn lang(&self) -> &'static str {
        lang_code(self.settings.lang.as_deref())
    }

    /// Switches the interface language (remembered), and the atlas texts with it.
    pub fn set_language(&mut self, code: &str) {
        self.settings.lang = Some(lang_code(Some(code)).to_owned());
        self.loaded.chart = ChartData::new(&self.loaded.atlas, self.today, self.lang());
    }

    pub fn presenting(&self) -> bool {
        self.presenting
    }

    /// Enters or leaves presentation mode (full screen, controls hidden).
    pub fn set_presenting(&mut self, ctx: &egui::Context, on: bool) {
        self.presenting = on;
        self.overlay_rects.clear();
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
    }

    /// Saves the map as the window shows it (date, view, language, names) to `path`, as PNG or
    /// SVG by its extension, at 1920 × 1080 with the picture's furniture.
    pub fn export_picture(&mut self, path: &Path) -> Result<(), String> {
        let format = match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("svg") => "svg",
            _ => "png",
        };
        let options = crate::export::ExportOptions {
            date: self.date,
            width: 1920,
            height: 1080,
            lang: self.lang().to_owned(),
            names: self.settings.names,
            view: Some(self.view),
        };
        crate::export::write_picture(&self.loaded.atlas, &self.loaded.geometry, &options, format, path)
    }

    /// Asks where to save (a native dialog) and exports there; a failure is shown under the date.
    fn export_with_dialog(&mut self) {
        let name = format!("karabakh-atlas-{}.png", self.date);
        let Some(path) = rfd::FileDialog::new()
            .set_file_name(&name)
            .add_filter("PNG", &["png"])
            .add_filter("SVG", &["svg"])
            .save_file()
        else {
            return;
        };
        if let Err(e) = self.export_picture(&path) {
            self.date_error = Some(e);
        }
    }

    pub fn aids(&self) -> &Aids {
        &self.aids
    }

    pub fn aids_mut(&mut self) -> &mut Aids {
        &mut self.aids
    }

    pub fn playback(&self) -> &Playback {
        &self.playback
    }

    pub fn set_playing(&mut self, playing: bool) {
        self.playback.playing = playing;
        self.playback.carry = 0.0;
    }

    /// Moves to the next (or previous) step of a presentation: the nearest event or phase start.
    pub fn step_stop(&mut self, forward: bool) {
        let atlas = &self.loaded.atlas;
        let current = self.selected_event;
        let event = if forward {
            atlas.events.iter().enumerate().find(|(i, e)| {
                e.date > self.date || (e.date == self.date && current.is_none_or(|c| *i > c) && current.is_some())
            })
        } else {
            atlas
                .events
                .iter()
                .enumerate()
                .rev()
                .find(|(i, e)| e.date < self.date || (e.date == self.date && current.is_some_and(|c| *i < c)))
        };
        let phase = if forward {
            atlas.phases.iter().map(|p| p.start).find(|d| *d > self.date)
        } else {
            atlas.phases.iter().rev().map(|p| p.start).find(|d| *d < self.date)
        };
        match (event, phase) {
            (Some((i, e)), Some(p)) if (forward && e.date <= p) || (!forward && e.date >= p) => self.select_event(i),
            (_, Some(p)) => self.set_date(p),
            (Some((i, _)), None) => self.select_event(i),
            (None, None) => {}
        }
    }

    /// Advances the date while playing; asks for the next frame only then, so a paused app is idle.
    fn advance_playback(&mut self, ctx: &egui::Context) {
        if !self.playback.playing {
            return;
        }
        let dt = f64::from(ctx.input(|i| i.stable_dt).min(0.25));
        self.playback.carry += dt * f64::from(self.playback.speed.max(0.1));
        let days = self.playback.carry.floor() as i64;
        self.playback.carry -= days as f64;
        if days > 0 {
            let (first, last) = self.loaded.atlas.span();
            let last = last.unwrap_or(self.today);
            let target = self.date.checked_add(days.days()).unwrap_or(last);
            let event = self.loaded.atlas.events.iter().position(|e| e.date > self.date && e.date <= target);
            match event {
                Some(i) if self.playback.stop_at_events => {
                    self.select_event(i);
                    self.set_playing(false);
                }
                _ if target > last => {
                    if self.playback.looping {
                        self.set_date(first);
                    } else {
                        self.set_date(last);
                        self.set_playing(false);
                    }
                }
                _ => self.set_date(target),
            }
        }
        if self.playback.playing {
            ctx.request_repaint();
        }
    }

    /// The naming tradition of place labels.
    pub fn set_names(&mut self, names: NameStyle) {
        self.settings.names = names;
    }

    /// Sets the date, clamped to the timeline, and recomputes what depends on it.
    pub fn set_date(&mut self, date: Date) {
        if date != self.date {
            self.force_date(date);
        }
    }

    fn force_date(&mut self, date: Date) {
        let atlas = &self.loaded.atlas;
        let (first, last) = atlas.span();
        let date = date.max(first).min(last.unwrap_or(self.today).max(first));
        self.date = date;
        self.phase = atlas.phase_index_at(date);
        self.control = atlas.control_at(date).unwrap_or_default();
        self.areas = atlas.area_by_controller(date);
        self.date_text = date.to_string();
        self.date_error = None;
        if self.selected_event.is_some_and(|e| atlas.events.get(e).is_none_or(|ev| ev.date != date)) {
            self.selected_event = None;
        }
        self.update_comparison();
    }

    /// Compares the date shown with `other` (or stops comparing).
    pub fn set_compare(&mut self, other: Option<Date>) {
        let (first, last) = self.loaded.atlas.span();
        self.compare = other.map(|d| d.max(first).min(last.unwrap_or(self.today).max(first)));
        self.compare_text = self.compare.map_or(String::new(), |d| d.to_string());
        self.update_comparison();
    }

    fn update_comparison(&mut self) {
        self.comparison = match self.compare {
            Some(other) => {
                let (a, b) = if other <= self.date { (other, self.date) } else { (self.date, other) };
                self.loaded.atlas.changes_between(a, b)
            }
            None => Vec::new(),
        };
    }

    /// The zones that change hands between the date shown and the compared date.
    pub fn comparison(&self) -> &[ZoneChange] {
        &self.comparison
    }

    /// How many times the map's base layer has been tessellated (it is cached between frames).
    pub fn map_rebuilds(&self) -> u64 {
        self.map_painter.rebuilds
    }

    pub fn selected_region(&self) -> Option<&str> {
        self.selected_region.map(|r| self.loaded.atlas.regions[r].id.as_str())
    }

    /// Where a date lies on the area chart, as last drawn (for tests).
    pub fn chart_pos_of(&self, date: Date) -> Option<egui::Pos2> {
        let t = self.chart_transform.as_ref()?;
        let y = (t.bounds().min()[1] + t.bounds().max()[1]) / 2.0;
        Some(t.position_from_point(&egui_plot::PlotPoint::new(super::chart::year_from_date(date), y)))
    }

    /// Jumps to an event: its date, and its place highlighted on the map.
    pub fn select_event(&mut self, index: usize) {
        if let Some(date) = self.loaded.atlas.events.get(index).map(|e| e.date) {
            self.set_date(date);
            self.selected_event = Some(index);
        }
    }

    fn step_days(&mut self, days: i64) {
        if let Ok(d) = self.date.checked_add(days.days()) {
            self.set_date(d);
        }
    }

    fn step_months(&mut self, months: i64) {
        if let Ok(d) = self.date.checked_add(months.months()) {
            self.set_date(d);
        }
    }

    /// Moves to the start of the next (`forward`) or previous phase.
    pub fn step_phase(&mut self, forward: bool) {
        let phases = &self.loaded.atlas.phases;
        let target = if forward {
            phases.iter().find(|p| p.start > self.date).map(|p| p.start)
        } else {
            // Back to this phase's start, or if already there, to the previous one's.
            phases.iter().rev().find(|p| p.start < self.date).map(|p| p.start)
        };
        if let Some(d) = target {
            self.set_date(d);
        }
    }

    /// Moves to the next or previous event, and selects it.
    pub fn step_event(&mut self, forward: bool) {
        let events = &self.loaded.atlas.events;
        let current = self.selected_event;
        let target = if forward {
            events
                .iter()
                .enumerate()
                .find(|(i, e)| e.date > self.date || (e.date == self.date && current.is_some_and(|c| *i > c)))
        } else {
            events
                .iter()
                .enumerate()
                .rev()
                .find(|(i, e)| e.date < self.date || (e.date == self.date && current.is_some_and(|c| *i < c)))
        };
        if let Some((i, _)) = target {
            self.select_event(i);
        }
    }

    fn handle_keys(&mut self, ctx: &egui::Context) {
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        if ctx.input(|i| i.key_pressed(Key::F11)) {
            self.set_presenting(ctx, !self.presenting);
            return;
        }
        if ctx.input(|i| i.key_pressed(Key::P)) {
            self.set_playing(!self.playback.playing);
        }
        if self.presenting {
            // What a presentation clicker sends: next is Space, → or PageDown; back is ← or PageUp.
            let (next, back, leave) = ctx.input(|i| {
                (
                    [Key::Space, Key::ArrowRight, Key::PageDown].iter().any(|k| i.key_pressed(*k)),
                    [Key::ArrowLeft, Key::PageUp].iter().any(|k| i.key_pressed(*k)),
                    i.key_pressed(Key::Escape),
                )
            });
            if leave {
                self.set_presenting(ctx, false);
            } else if next {
                self.step_stop(true);
            } else if back {
                self.step_stop(false);
            }
            return;
        }
        let (keys, shift) = ctx.input(|i| {
            let keys: Vec<Key> = [
                Key::ArrowLeft,
                Key::ArrowRight,
                Key::PageUp,
                Key::PageDown,
                Key::Comma,
                Key::Period,
                Key::Home,
                Key::End,
            ]
            .into_iter()
            .filter(|k| i.key_pressed(*k))
            .collect();
            (keys, i.modifiers.shift)
        });
        for key in keys {
            match key {
                Key::ArrowRight if shift => self.step_months(1),
                Key::ArrowLeft if shift => self.step_months(-1),
                Key::ArrowRight => self.step_days(1),
                Key::ArrowLeft => self.step_days(-1),
                Key::PageDown => self.step_phase(true),
                Key::PageUp => self.step_phase(false),
                Key::Period => self.step_event(true),
                Key::Comma => self.step_event(false),
                Key::Home => self.set_date(self.loaded.atlas.span().0),
                Key::End => self.set_date(self.today),
                _ => {}
            }
        }
    }

    // ----- Panels -----

    fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang();
        ui.horizontal(|ui| {
            ui.heading(RichText::new("Karabakh Atlas").strong());
            ui.label(RichText::new(self.loaded.atlas.title.get(lang)).weak());
            if let Some((dir, _)) = &self.loading {
                ui.spinner();
                ui.label(tf(lang, "Opening {}…", &[&dir.display().to_string()]));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(t(lang, "About")).clicked() {
                    self.show_about = true;
                }
                ui.menu_button(t(lang, "Open…"), |ui| {
                    if ui.button(t(lang, "Open atlas folder…")).clicked() {
                        ui.close();
                        if let Some(dir) = rfd::FileDialog::new().pick_folder() {
                            self.open_atlas_in_background(&dir);
                        }
                    }
                    if ui.button(t(lang, "Add a GeoJSON overlay…")).clicked() {
                        ui.close();
                        if let Some(file) =
                            rfd::FileDialog::new().add_filter("GeoJSON", &["geojson", "json"]).pick_file()
                        {
                            self.add_overlay(&file);
                        }
                    }
                    if ui.button(t(lang, "Built-in Karabakh atlas")).clicked() {
                        ui.close();
                        self.open_builtin();
                    }
                    for recent in self.settings.recent.clone() {
                        if ui.button(&recent).clicked() {
                            ui.close();
                            self.open_atlas_in_background(Path::new(&recent));
                        }
                    }
                })
                .response
                .on_hover_text(t(lang, "Open an atlas folder (or drop it on the window)"));
                if ui
                    .button(t(lang, "Export…"))
                    .on_hover_text(t(lang, "Save the map as a picture (PNG or SVG)"))
                    .clicked()
                {
                    self.export_with_dialog();
                }
                if ui
                    .button(t(lang, "Present"))
                    .on_hover_text(t(lang, "Full screen for a room: Space or → for the next step, Esc to leave (F11)"))
                    .clicked()
                {
                    self.set_presenting(ui.ctx(), true);
                }
                if ui
                    .toggle_value(&mut self.aids.measuring, t(lang, "Measure"))
                    .on_hover_text(t(lang, "Click two points on the map to measure the distance between them"))
                    .changed()
                {
                    self.aids.points.clear();
                }
                ui.toggle_value(&mut self.aids.locator, t(lang, "Inset"))
                    .on_hover_text(t(lang, "Where the view lies in the region"));
                ui.toggle_value(&mut self.aids.graticule, t(lang, "Grid"))
                    .on_hover_text(t(lang, "Lines of longitude and latitude"));
                ui.toggle_value(&mut self.show_chart, t(lang, "Chart"))
                    .on_hover_text(t(lang, "Km² held by each side over time"));
                let mut names = self.settings.names;
                egui::ComboBox::from_id_salt("names")
                    .selected_text(names_label(names, lang))
                    .show_ui(ui, |ui| {
                        for n in [NameStyle::Both, NameStyle::Armenian, NameStyle::Azerbaijani] {
                            ui.selectable_value(&mut names, n, names_label(n, lang));
                        }
                    })
                    .response
                    .on_hover_text(t(lang, "Names"));
                self.settings.names = names;
                let mut code = lang;
                egui::ComboBox::from_id_salt("language")
                    .selected_text(language_name(code))
                    .show_ui(ui, |ui| {
                        for (c, name) in LANGUAGES {
                            ui.selectable_value(&mut code, c, name);
                        }
                    })
                    .response
                    .on_hover_text(t(lang, "Language"));
                if code != lang {
                    self.set_language(code);
                }
                if ui
                    .button(t(lang, "Fit"))
                    .on_hover_text(t(lang, "Frame the whole atlas (or double-click the map)"))
                    .clicked()
                {
                    self.view = View::fit(self.loaded.geometry.bounds);
                }
            });
        });
    }

    fn date_bar_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang();
        ui.horizontal(|ui| {
            let edit = egui::TextEdit::singleline(&mut self.date_text)
                .font(egui::FontId::proportional(22.0))
                .desired_width(130.0);
            let label = ui.label(RichText::new(t(lang, "Date")).weak());
            let response = ui.add(edit).labelled_by(label.id);
            let response = response.on_hover_text(t(lang, "Type a date (YYYY-MM-DD) and press Enter"));
            if response.lost_focus() {
                match crate::cli::parse_user_date(&self.date_text) {
                    Ok(d) => self.set_date(d),
                    Err(e) => self.date_error = Some(e),
                }
                if self.date_error.is_none() {
                    self.date_text = self.date.to_string();
                }
            }
            ui.label(RichText::new(long_date(self.date, lang)).size(18.0));
            if let Some(e) = &self.date_error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(t(lang, "Phase »")).on_hover_text(t(lang, "Next phase (PageDown)")).clicked() {
                    self.step_phase(true);
                }
                if ui.button(t(lang, "Event ›")).on_hover_text(t(lang, "Next event (.)")).clicked() {
                    self.step_event(true);
                }
                if ui.button(t(lang, "‹ Event")).on_hover_text(t(lang, "Previous event (,)")).clicked() {
                    self.step_event(false);
                }
                if ui.button(t(lang, "« Phase")).on_hover_text(t(lang, "Previous phase (PageUp)")).clicked() {
                    self.step_phase(false);
                }
                ui.separator();
                ui.checkbox(&mut self.playback.stop_at_events, t(lang, "Stop at events"));
                ui.checkbox(&mut self.playback.looping, t(lang, "Loop"));
                ui.add(
                    egui::DragValue::new(&mut self.playback.speed)
                        .range(1.0..=3650.0)
                        .speed(1.0)
                        .suffix(format!(" {}", t(lang, "days/s"))),
                );
                let label = if self.playback.playing { t(lang, "Pause") } else { t(lang, "Play") };
                if ui.button(label).on_hover_text(t(lang, "Play through time (P)")).clicked() {
                    self.set_playing(!self.playback.playing);
                }
            });
        });
        let data = SliderData {
            atlas: &self.loaded.atlas,
            axis: &self.loaded.axis,
            phase_colours: &self.loaded.phase_colours,
            lang: self.settings.lang.as_deref().unwrap_or("en"),
        };
        match time_slider_ui(ui, &data, self.date, self.phase).1 {
            Some(Pick::Date(d)) => self.set_date(d),
            Some(Pick::Event(e)) => self.select_event(e),
            None => {}
        }
    }

    fn map_ui(&mut self, ui: &mut egui::Ui) {
        let response = map_view::allocate(ui);
        self.map_rect = response.rect;
        let pointer = map_view::interact(ui, &response, &mut self.view, &self.loaded.geometry);
        self.hovered_zone = pointer.and_then(|p| self.loaded.geometry.zone_at(p));
        if response.clicked() {
            if self.aids.measuring {
                if let Some(p) = pointer {
                    if self.aids.points.len() >= 2 {
                        self.aids.points.clear();
                    }
                    self.aids.points.push(self.loaded.geometry.projection.lonlat_from_map(p));
                }
            } else {
                // A click (not a drag) selects the region under the pointer, or clears the selection.
                self.selected_region = self.hovered_zone.map(|z| self.loaded.atlas.zones[z].region);
            }
        }
        let highlighted_place = self.selected_event.and_then(|e| self.loaded.atlas.events[e].place);
        // Compared zones are striped in the colour they have on the other date.
        let atlas = &self.loaded.atlas;
        let other_is_later = self.compare.is_some_and(|c| c > self.date);
        let hatched = self
            .comparison
            .iter()
            .map(|c| {
                let other = if other_is_later { c.to } else { c.from };
                let colour = atlas.controllers.get(other).map_or(egui::Color32::GRAY, |k| {
                    let [r, g, b] = k.colour;
                    egui::Color32::from_rgb(r, g, b)
                });
                (c.zone, colour)
            })
            .collect();
        let options = SceneOptions {
            lang: self.lang().to_owned(),
            names: self.settings.names,
            hovered_zone: self.hovered_zone,
            highlighted_place,
            hatched,
            selected_region: self.selected_region,
            label_scale: if self.presenting { 1.5 } else { 1.0 },
            blocked: self.overlay_rects.clone(),
        };
        let input = SceneInput {
            atlas: &self.loaded.atlas,
            geometry: &self.loaded.geometry,
            style: &self.style,
            control: &self.control,
            date: self.date,
            options: &options,
        };
        self.map_painter.paint(ui, response.rect, &input, &self.view, self.loaded.generation);
        let t = crate::scene::ScreenTransform::for_view(&self.view, response.rect, self.loaded.geometry.bounds);
        let painter = ui.painter_at(response.rect);
        if self.aids.graticule {
            super::aids::graticule(&painter, response.rect, t, &self.loaded.geometry);
        }
        super::aids::scale_bar(&painter, response.rect, t);
        if self.aids.locator && !self.presenting {
            super::aids::locator(&painter, response.rect, t, &self.loaded.geometry);
        }
        for o in &self.overlays {
            super::overlay_view::paint(&painter, t, &self.loaded.geometry.projection, o);
        }
        if !self.aids.points.is_empty() {
            super::aids::measure_line(&painter, t, &self.loaded.geometry, &self.aids.points);
        }
        if let Some(z) = self.hovered_zone {
            let atlas = &self.loaded.atlas;
            response.on_hover_ui_at_pointer(|ui| {
                side_panel::zone_info_ui(ui, atlas, z, self.control.get(z).copied(), self.lang(), self.settings.names)
            });
        }
    }

    /// The big title, date and caption of presentation mode, readable from the back of a room.
    fn presentation_overlay(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang();
        let rect = ui.max_rect();
        let atlas = &self.loaded.atlas;
        let Some(phase) = self.phase.and_then(|p| atlas.phases.get(p)) else { return };
        let caption = self
            .selected_event
            .and_then(|e| atlas.events.get(e))
            .or_else(|| atlas.events.iter().rev().find(|e| e.date <= self.date && e.date >= phase.start))
            .map(|e| e.text.get(lang).to_owned())
            .unwrap_or_else(|| phase.summary.get(lang).split(". ").next().unwrap_or("").to_owned());
        let panel = |ui: &mut egui::Ui,
                     id: &str,
                     anchor: egui::Align2,
                     offset: egui::Vec2,
                     add: &mut dyn FnMut(&mut egui::Ui)|
         -> egui::Rect {
            egui::Area::new(egui::Id::unique(id))
                .anchor(anchor, offset)
                .order(egui::Order::Foreground)
                .show(ui.ctx(), |ui| {
                    egui::Frame::popup(ui.style()).fill(egui::Color32::from_white_alpha(235)).inner_margin(14.0).show(
                        ui,
                        |ui| {
                            ui.set_max_width(rect.width() * 0.8);
                            add(ui);
                        },
                    );
                })
                .response
                .rect
        };
        let title = phase.title.get(lang).to_owned();
        let date = long_date(self.date, lang);
        let top = panel(ui, "present_title", egui::Align2::LEFT_TOP, egui::vec2(24.0, 24.0), &mut |ui| {
            ui.label(RichText::new(&title).size(34.0).strong().color(egui::Color32::from_gray(20)));
            ui.label(RichText::new(&date).size(28.0).color(egui::Color32::from_gray(40)));
        });
        let bottom = panel(ui, "present_caption", egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -28.0), &mut |ui| {
            ui.label(RichText::new(&caption).size(24.0).color(egui::Color32::from_gray(20)));
        });
        // Keep map labels clear of these next frame (and ask for it if they moved).
        let rects = vec![top, bottom];
        if rects != self.overlay_rects {
            self.overlay_rects = rects;
            ui.ctx().request_repaint();
        }
    }

    /// The overlays in the legend, each removable.
    fn overlays_ui(&mut self, ui: &mut egui::Ui) {
        if self.overlays.is_empty() {
            return;
        }
        let lang = self.lang();
        ui.separator();
        ui.label(RichText::new(t(lang, "Overlays")).strong());
        let mut remove = None;
        for (i, o) in self.overlays.iter().enumerate() {
            ui.horizontal(|ui| {
                let name = Path::new(&o.name).file_name().map_or(o.name.clone(), |n| n.to_string_lossy().into_owned());
                ui.label(tf(lang, "{} ({} features)", &[&name, &o.features.len().to_string()]));
                if ui.small_button(t(lang, "Remove")).clicked() {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            self.overlays.remove(i);
        }
    }

    /// Facts of the selected region: official and computed areas, history of control, sources.
    fn region_ui(&mut self, ui: &mut egui::Ui) {
        let Some(r) = self.selected_region else { return };
        let atlas = &self.loaded.atlas;
        let lang = self.lang();
        let mut close = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(atlas.regions[r].name.get(lang)).strong().size(16.0));
                if ui.small_button(t(lang, "Close")).clicked() {
                    close = true;
                }
            });
            side_panel::region_facts_ui(ui, atlas, &self.loaded.axis, r, lang);
        });
        if close {
            self.selected_region = None;
        }
        ui.add_space(6.0);
    }

    /// Compare the date shown with another: pick it, and list what changed hands.
    fn compare_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang();
        if self.compare.is_none() {
            ui.separator();
        }
        ui.label(RichText::new(t(lang, "Compare with another date")).strong());
        ui.horizontal(|ui| {
            let label = ui.label(t(lang, "Compare"));
            let response = ui
                .add(egui::TextEdit::singleline(&mut self.compare_text).hint_text("YYYY-MM-DD").desired_width(100.0))
                .labelled_by(label.id);
            let enter = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if ui.button(t(lang, "Show changes")).clicked() || enter {
                match crate::cli::parse_user_date(&self.compare_text) {
                    Ok(d) => self.set_compare(Some(d)),
                    Err(e) => self.date_error = Some(e),
                }
            }
            if self.compare.is_some() && ui.button(t(lang, "Clear")).clicked() {
                self.set_compare(None);
            }
        });
        let Some(other) = self.compare else { return };
        let atlas = &self.loaded.atlas;
        let (a, b) = if other <= self.date { (other, self.date) } else { (self.date, other) };
        ui.label(tf(
            lang,
            "{} zone(s) changed hands between {} and {}:",
            &[&self.comparison.len().to_string(), &long_date(a, lang), &long_date(b, lang)],
        ));
        side_panel::changes_table_ui(ui, atlas, &self.comparison, lang);
    }

    fn problem_ui(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        let Some(problem) = &self.problem else { return };
        let mut open = true;
        let mut dismiss = false;
        egui::Window::new(t(lang, "Could not open the atlas")).open(&mut open).default_width(560.0).show(ctx, |ui| {
            ui.label(tf(
                lang,
                "{} — the map keeps showing \"{}\".",
                &[&problem.source, self.loaded.atlas.title.get(lang)],
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
        if !open || dismiss {
            self.problem = None;
        }
    }

    fn about_ui(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        let atlas = &self.loaded.atlas;
        egui::Window::new(t(lang, "About Karabakh Atlas")).open(&mut self.show_about).default_width(520.0).show(
            ctx,
            |ui| {
                side_panel::about_ui(ui, atlas, lang);
            },
        );
    }
}

fn names_label(n: NameStyle, lang: &str) -> &'static str {
    match n {
        NameStyle::Both => t(lang, "Both"),
        NameStyle::Armenian => t(lang, "Armenian usage"),
        NameStyle::Azerbaijani => t(lang, "Azerbaijani usage"),
    }
}

fn language_name(code: &str) -> &'static str {
    LANGUAGES.iter().find(|(c, _)| *c == code).map_or("English", |(_, n)| n)
}

fn empty_atlas() -> Atlas {
    Atlas {
        id: String::new(),
        title: crate::atlas::Text::en("(no atlas)"),
        description: Default::default(),
        attribution: String::new(),
        default_date: None,
        controllers: Vec::new(),
        phases: Vec::new(),
        events: Vec::new(),
        regions: Vec::new(),
        zones: Vec::new(),
        places: Vec::new(),
        lines: Vec::new(),
        context: Vec::new(),
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.contents_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.loaded.dir.is_none() {
            self.settings.view = Some(self.view);
        }
        self.settings.date = Some(self.date.to_string());
        eframe::set_value(storage, settings::KEY, &self.settings);
    }
}

impl AtlasApp {
    /// The whole window's contents for one frame (what `eframe::App::ui` runs; benchmarks run it
    /// directly through an `egui::Context`).
    pub fn contents_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.handle_keys(&ctx);
        self.open_dropped(&ctx);
        self.poll_loading(&ctx);
        self.advance_playback(&ctx);
        if self.presenting {
            egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| {
                self.map_ui(ui);
                self.presentation_overlay(ui);
            });
            return;
        }
        egui::Panel::top("top_bar").show(ui, |ui| self.top_bar_ui(ui));
        egui::Panel::bottom("timeline").show(ui, |ui| self.date_bar_ui(ui));
        if self.show_chart {
            egui::Panel::bottom("chart").exact_size(190.0).show(ui, |ui| {
                let (picked, transform) = chart_ui(ui, &self.loaded.chart, self.date);
                self.chart_transform = Some(transform);
                if let Some(d) = picked {
                    self.set_date(d);
                }
            });
        }
        egui::Panel::right("side_panel").default_size(360.0).min_size(260.0).max_size(480.0).show(ui, |ui| {
            egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
                self.region_ui(ui);
                if self.compare.is_some() {
                    self.compare_ui(ui);
                    ui.separator();
                }
                let selected = side_panel::side_panel_ui(
                    ui,
                    &self.loaded.atlas,
                    self.date,
                    self.phase,
                    &self.areas,
                    self.selected_event,
                    self.lang(),
                );
                if let Some(e) = selected {
                    self.select_event(e);
                }
                if self.compare.is_none() {
                    self.compare_ui(ui);
                }
                self.overlays_ui(ui);
            });
        });
        egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| self.map_ui(ui));
        self.problem_ui(&ctx);
        self.about_ui(&ctx);
    }
}
