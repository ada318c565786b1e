//! The atlas shown and everything derived from it, atlases read on another thread, overlays, and
//! files dropped on the window.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use egui::Color32;
use jiff::civil::Date;

use super::{AtlasApp, LoadProblem, ProblemKind};
use crate::atlas::{Atlas, AtlasErrors};
use crate::i18n::{Lang, t};
use crate::scene::{MapGeometry, View};
use crate::ui::chart::ChartData;
use crate::ui::time_slider::TimeAxis;

/// Everything derived from the atlas alone: computed when an atlas is opened (on the loading
/// thread), never per frame.
pub struct LoadedAtlas {
    /// The atlas (shared with an export running on its own thread).
    pub atlas: std::sync::Arc<Atlas>,
    /// Its geometry, projected and triangulated (shared likewise).
    pub geometry: std::sync::Arc<MapGeometry>,
    /// Where dates lie on the slider.
    pub axis: TimeAxis,
    /// The tint of each phase's band on the slider.
    pub phase_colours: Vec<Color32>,
    /// The area chart's series, in the interface language.
    pub chart: ChartData,
    /// The area of each region's today's boundary (km²), if it has one.
    pub today_areas: Vec<Option<f64>>,
    /// The km² each controller holds at each change of control.
    pub history: Vec<(Date, Vec<f64>)>,
    /// Where it came from: `None` for the built-in atlas.
    pub dir: Option<PathBuf>,
    /// Distinguishes one loaded atlas from the next, for caches.
    pub generation: u64,
    /// Every name of every place, region, river and height, folded for the search box.
    pub search: crate::atlas::SearchIndex,
}

impl LoadedAtlas {
    /// Derives everything the window needs from `atlas`.
    pub fn new(atlas: Atlas, dir: Option<PathBuf>, today: Date, lang: Lang) -> Self {
        let geometry = MapGeometry::new(&atlas);
        let axis = TimeAxis::new(&atlas, today);
        let phase_colours = atlas
            .phases
            .iter()
            .map(|p| {
                let held = atlas.area_by_controller(p.start);
                let top = held.iter().max_by(|a, b| a.area_km2.total_cmp(&b.area_km2)).map(|a| a.controller);
                top.and_then(|c| atlas.controller(c)).map_or(Color32::GRAY, |c| tint(c.colour))
            })
            .collect();
        let history = atlas.area_history();
        let chart = ChartData::new(&atlas, &history, today, lang);
        let today_areas = atlas
            .regions
            .iter()
            .map(|r| {
                let boundary = r.today_boundary.and_then(|i| atlas.context.get(i))?;
                Some(geo::GeodesicArea::geodesic_area_unsigned(&boundary.geometry) / 1e6)
            })
            .collect();
        static GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let generation = GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let search = crate::atlas::SearchIndex::new(&atlas);
        Self {
            atlas: std::sync::Arc::new(atlas),
            geometry: std::sync::Arc::new(geometry),
            axis,
            phase_colours,
            chart,
            today_areas,
            history,
            dir,
            generation,
            search,
        }
    }

    /// Rebuilds what is written in the interface language (the chart's legend).
    pub fn set_language(&mut self, today: Date, lang: Lang) {
        self.chart = ChartData::new(&self.atlas, &self.history, today, lang);
    }
}

/// A light tint of a controller's colour, for the slider's phase bands.
fn tint(rgb: [u8; 3]) -> Color32 {
    let t = |v: u8| (f32::from(v) * 0.45 + 255.0 * 0.55) as u8;
    Color32::from_rgb(t(rgb[0]), t(rgb[1]), t(rgb[2]))
}

/// Reads the atlas in `dir` and derives what the window needs.
pub fn read_atlas(dir: &Path, today: Date, lang: Lang) -> Result<LoadedAtlas, AtlasErrors> {
    crate::atlas::load_dir(dir).map(|atlas| LoadedAtlas::new(atlas, Some(dir.to_path_buf()), today, lang))
}

/// An atlas being read on another thread, so the window stays responsive with large files.
pub struct Loading {
    /// The folder being read.
    pub dir: PathBuf,
    rx: mpsc::Receiver<Result<LoadedAtlas, AtlasErrors>>,
}

impl AtlasApp {
    /// Starts reading the atlas in `dir` on another thread; the current atlas stays until it is
    /// ready. The thread wakes the window when it is done, so nothing polls in the meantime.
    pub(super) fn open_atlas_in_background(&mut self, ctx: &egui::Context, dir: &Path) {
        let (tx, rx) = mpsc::channel();
        let (path, today, lang, ctx) = (dir.to_path_buf(), self.cursor.today(), self.lang(), ctx.clone());
        std::thread::spawn(move || {
            let _ = tx.send(read_atlas(&path, today, lang));
            ctx.request_repaint();
        });
        self.loading = Some(Loading { dir: dir.to_path_buf(), rx });
    }

    /// Takes the atlas read on another thread, if it has arrived.
    pub(super) fn poll_loading(&mut self) {
        let Some(loading) = &self.loading else { return };
        match loading.rx.try_recv() {
            Ok(result) => {
                let dir = loading.dir.clone();
                self.loading = None;
                self.finish_loading(&dir, result);
            }
            Err(mpsc::TryRecvError::Empty) => {}
            Err(mpsc::TryRecvError::Disconnected) => {
                let dir = loading.dir.display().to_string();
                self.loading = None;
                let mut errors = AtlasErrors::default();
                let lang = self.lang();
                errors.push(&dir, None, t(lang, "The atlas could not be read: the loader stopped before it finished."));
                self.problems.push(LoadProblem { source: dir, errors, kind: ProblemKind::Atlas });
            }
        }
    }

    /// Shows an atlas just read, remembering its folder; or its errors, keeping the current atlas.
    pub(super) fn finish_loading(&mut self, dir: &Path, result: Result<LoadedAtlas, AtlasErrors>) {
        match result {
            Ok(loaded) => {
                let shown = dir.display().to_string();
                self.settings.recent.retain(|r| *r != shown);
                self.settings.recent.insert(0, shown);
                self.settings.recent.truncate(6);
                self.show_loaded(loaded);
            }
            Err(errors) => {
                self.problems.push(LoadProblem { source: dir.display().to_string(), errors, kind: ProblemKind::Atlas });
            }
        }
    }

    /// Goes back to the built-in atlas.
    pub(super) fn open_builtin(&mut self) {
        match crate::atlas::embedded() {
            Ok(atlas) => self.show_loaded(LoadedAtlas::new(atlas, None, self.cursor.today(), self.lang())),
            Err(errors) => {
                self.problems.push(LoadProblem { source: "built-in atlas".into(), errors, kind: ProblemKind::Atlas });
            }
        }
    }

    /// Adds a plain GeoJSON file over the map; a bad one shows its errors and nothing changes.
    pub(super) fn add_overlay(&mut self, path: &Path) {
        let source = path.display().to_string();
        match crate::atlas::load_overlay(path) {
            Ok(o) => {
                if !o.left_out.is_empty() {
                    let errors = o.left_out.clone();
                    self.problems.push(LoadProblem { source, errors, kind: ProblemKind::OverlayInPart });
                }
                self.overlays.push(std::sync::Arc::new(o));
            }
            Err(errors) => self.problems.push(LoadProblem { source, errors, kind: ProblemKind::Overlay }),
        }
    }

    /// Opens what was dropped on the window: a GeoJSON file outside an atlas folder as an overlay,
    /// anything else as (or in) an atlas folder.
    pub(super) fn open_dropped(&mut self, ctx: &egui::Context) {
        let dropped: Option<PathBuf> = ctx.input(|i| i.raw.dropped_files.first().map(|f| f.path().to_path_buf()));
        let Some(path) = dropped else { return };
        match crate::atlas::open_as(&path) {
            crate::atlas::OpenAs::Overlay(file) => self.add_overlay(&file),
            crate::atlas::OpenAs::Atlas(dir) => self.open_atlas_in_background(ctx, &dir),
        }
    }

    /// Shows a newly loaded atlas: framed whole, at its default date, with nothing selected.
    fn show_loaded(&mut self, loaded: LoadedAtlas) {
        self.close_story();
        self.loaded = loaded;
        self.gather_stories();
        self.view = View::fit(self.loaded.geometry.bounds);
        self.last_frame.hovered_zone = None;
        self.selected_region = None;
        // An atlas opened: the problems of the atlases that were not are past; an overlay's stay.
        self.problems.retain(|p| p.kind != ProblemKind::Atlas);
        self.date_error = None;
        let date = self.loaded.atlas.default_date.unwrap_or(self.cursor.date());
        self.cursor = crate::atlas::TimelineCursor::new(&self.loaded.atlas, self.cursor.today(), date);
    }
}
