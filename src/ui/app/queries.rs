//! What the app's state is, read by tests and benchmarks, and the few direct changes they make
//! (the window itself goes through commands).

use std::path::Path;

use jiff::civil::Date;

use super::{AtlasApp, Command, LoadProblem, StoryState, TeachingAids, loading};
use crate::atlas::{Atlas, Playback, ZoneChange};
use crate::i18n::Lang;
use crate::scene::View;
use crate::ui::settings::Settings;

impl AtlasApp {
    /// The atlas shown.
    pub fn atlas(&self) -> &Atlas {
        &self.loaded.atlas
    }

    /// The date shown.
    pub fn date(&self) -> Date {
        self.cursor.date()
    }

    /// The view of the map.
    pub fn view(&self) -> View {
        self.view
    }

    /// The id of the phase of the date shown.
    pub fn phase_id(&self) -> Option<&str> {
        self.cursor.phase().and_then(|i| self.loaded.atlas.phases.get(i)).map(|p| p.id.as_str())
    }

    /// The id of the controller of zone `zone` on the date shown.
    pub fn controller_of(&self, zone: &str) -> Option<&str> {
        let z = self.loaded.atlas.zones.iter().position(|z| z.id == zone)?;
        let c = *self.cursor.control().get(z)?;
        Some(self.loaded.atlas.controller(c)?.id.as_str())
    }

    /// The id of the zone under the pointer.
    pub fn hovered_zone(&self) -> Option<&str> {
        self.last_frame.hovered_zone.and_then(|z| self.loaded.atlas.zones.get(z)).map(|z| z.id.as_str())
    }

    /// The id of the selected event.
    pub fn selected_event(&self) -> Option<&str> {
        self.cursor.selected_event().and_then(|e| self.loaded.atlas.events.get(e)).map(|e| e.id.as_str())
    }

    /// The id of the region whose facts are shown.
    pub fn selected_region(&self) -> Option<&str> {
        self.selected_region.and_then(|r| self.loaded.atlas.region(r)).map(|r| r.id.as_str())
    }

    /// Where the map was last drawn.
    pub fn map_rect(&self) -> Option<egui::Rect> {
        self.last_frame.map_rect
    }

    /// Where a longitude and latitude is on screen, as last drawn.
    pub fn screen_pos_of(&self, lon: f64, lat: f64) -> egui::Pos2 {
        let g = &self.loaded.geometry;
        let rect = self.last_frame.map_rect.unwrap_or(egui::Rect::NOTHING);
        self.view.screen_from_map(rect, g.bounds, g.projection.map_from_lonlat(lon, lat))
    }

    /// Where a date lies on the area chart, as last drawn.
    pub fn chart_pos_of(&self, date: Date) -> Option<egui::Pos2> {
        let t = self.last_frame.chart_transform.as_ref()?;
        let y = (t.bounds().min()[1] + t.bounds().max()[1]) / 2.0;
        Some(t.position_from_point(&egui_plot::PlotPoint::new(crate::atlas::year_from_date(date), y)))
    }

    /// The names in the area chart's legend.
    pub fn chart_legend(&self) -> Vec<&str> {
        self.loaded.chart.names()
    }

    /// The first atlas or overlay that could not be opened (or was opened in part), while its
    /// errors are shown.
    pub fn problem(&self) -> Option<&LoadProblem> {
        self.problems.first()
    }

    /// Every such problem shown, in the order met.
    pub fn problems(&self) -> &[LoadProblem] {
        &self.problems
    }

    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.settings.lang()
    }

    /// Whether presentation mode is on.
    pub fn presenting(&self) -> bool {
        self.presenting
    }

    /// The teaching aids' state.
    pub fn aids(&self) -> &TeachingAids {
        &self.aids
    }

    /// Playback's state.
    pub fn playback(&self) -> &Playback {
        &self.playback
    }

    /// The GeoJSON overlays shown.
    pub fn overlays(&self) -> &[std::sync::Arc<crate::atlas::Overlay>] {
        &self.overlays
    }

    /// Whether an atlas is being read.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// The zones that change hands between the date shown and the compared date.
    pub fn comparison(&self) -> &[ZoneChange] {
        self.cursor.comparison()
    }

    /// How many times the map's base layer has been tessellated (it is cached between frames).
    pub fn map_rebuilds(&self) -> u64 {
        self.map_painter.rebuilds
    }

    /// How many times the overlays' mesh has been made (it is cached between frames, and only
    /// moved when the map pans).
    pub fn overlay_rebuilds(&self) -> u64 {
        self.overlay_painter.rebuilds
    }

    /// The map's geometry, projected.
    pub fn geometry(&self) -> &crate::scene::MapGeometry {
        &self.loaded.geometry
    }

    /// The texts of the map's labels the reader sees whole (inside the map's frame by the margin
    /// an export keeps), as last drawn.
    pub fn labels_in_view(&self) -> Vec<String> {
        let Some(rect) = self.last_frame.map_rect else { return Vec::new() };
        self.map_painter.labels_inside(rect.shrink(crate::export::LABEL_MARGIN))
    }

    /// How many times the labels (places, symbols, names) have been placed and tessellated.
    pub fn label_rebuilds(&self) -> u64 {
        self.map_painter.label_rebuilds
    }

    /// How many of the map's layers were made ahead, off the window's thread, and taken (a
    /// story's next step is made while the camera flies to it).
    pub fn prepared_layers_taken(&self) -> u64 {
        self.map_painter.prepared_taken
    }

    /// How many times the relief image has been uploaded as a texture.
    pub fn relief_uploads(&self) -> u64 {
        self.map_painter.relief_uploads
    }

    /// The layers of the land shown.
    pub fn layers(&self) -> crate::scene::MapLayers {
        self.settings.layers
    }

    /// Where the search's choice is ringed (longitude, latitude).
    pub fn marked(&self) -> Option<(f64, f64)> {
        self.marked
    }

    /// The settings as they would be saved now.
    pub fn settings_to_save(&self) -> Settings {
        let mut settings = self.settings.clone();
        if self.loaded.dir.is_none() {
            settings.view = Some(self.view);
        }
        settings.date = Some(self.cursor.date().to_string());
        settings
    }

    // ----- Direct changes, for benchmarks and tests (the window goes through commands) -----

    /// Sets the date (clamped to the timeline).
    pub fn set_date(&mut self, date: Date) {
        self.run(Command::SetDate(date));
    }

    /// Queues `command` for the start of the next frame, as a panel does (so that it runs with
    /// the frame's clock: a story's flight is timed by it).
    pub fn queue(&mut self, command: Command) {
        self.pending.push(command);
    }

    /// The story open: its id, the step shown (from 0) and its number of steps.
    pub fn story_at(&self) -> Option<(&str, usize, usize)> {
        self.story.as_ref().map(|s| (s.story.id.as_str(), s.step, s.story.steps.len()))
    }

    /// The story open, as edited.
    pub fn story(&self) -> Option<&crate::atlas::Story> {
        self.story.as_ref().map(|s| &s.story)
    }

    /// Whether the open story's camera is flying or its span playing.
    pub fn story_moving(&self) -> bool {
        self.story.as_ref().is_some_and(StoryState::moving)
    }

    /// The view centred on a point (longitude, latitude) at a zoom, kept within the atlas.
    pub fn view_centred_on(&self, lon: f64, lat: f64, zoom: f32) -> View {
        let centre = self.loaded.geometry.projection.map_from_lonlat(lon, lat);
        View { centre, zoom: zoom.into() }.sanitized(self.loaded.geometry.bounds)
    }

    /// Where the story open would be saved (its `stories/` folder's parent).
    pub fn stories_saved_in(&self) -> Option<std::path::PathBuf> {
        self.story_folder()
    }

    /// The stories offered (the atlas's, and the reader's own).
    pub fn stories(&self) -> &[crate::atlas::Story] {
        &self.stories
    }

    /// Sets the view (kept within the atlas's bounds and zoom limits).
    pub fn set_view(&mut self, view: View) {
        self.run(Command::SetView(view));
    }

    /// Opens the atlas in `dir` at once. On failure its errors are shown and the current atlas stays.
    pub fn open_atlas(&mut self, dir: &Path) {
        let result = loading::read_atlas(dir, self.cursor.today(), self.lang());
        self.finish_loading(dir, result);
    }

    /// Asks for `command` as a panel or a key would: it is carried out at the next frame.
    pub fn ask(&mut self, command: Command) {
        self.pending.push(command);
    }

    /// Saves the map as the window shows it, at once; see [`Command::Export`].
    pub fn export_picture(&mut self, path: &Path) -> Result<(), crate::export::ExportError> {
        self.export_to(path)
    }
}
