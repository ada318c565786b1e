//! What part of the map a screen rectangle shows: a centre in map kilometres and a scale.

use egui::{Pos2, Rect, Vec2};
use serde::{Deserialize, Serialize};

/// Zoom is relative to the view that fits the whole atlas (1.0); these are its limits.
/// The farthest out: half the fitted view.
pub const MIN_ZOOM: f32 = 0.5;
/// The farthest in: forty times the fitted view.
pub const MAX_ZOOM: f32 = 40.0;

/// Zoom relative to the view that fits the whole atlas: always finite and within
/// [`MIN_ZOOM`]..=[`MAX_ZOOM`], however it was made (a remembered setting, the command line, a
/// pinch), so nothing downstream has to check it.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(from = "f32", into = "f32")]
pub struct Zoom(f32);

impl Zoom {
    /// The fitted view.
    pub const FIT: Zoom = Zoom(1.0);

    /// `zoom` kept within the limits; 1 (the fitted view) when it is not a number.
    pub fn new(zoom: f32) -> Self {
        Self(if zoom.is_finite() { zoom.clamp(MIN_ZOOM, MAX_ZOOM) } else { 1.0 })
    }

    /// The factor itself.
    pub fn get(self) -> f32 {
        self.0
    }
}

impl From<f32> for Zoom {
    fn from(zoom: f32) -> Self {
        Self::new(zoom)
    }
}

impl From<Zoom> for f32 {
    fn from(zoom: Zoom) -> Self {
        zoom.0
    }
}

/// The view of the map: which map point is at the centre of the screen, and how far zoomed in.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct View {
    /// Map position (km) at the centre of the screen rectangle.
    pub centre: Pos2,
    /// Zoom relative to the fitted view: 1.0 shows the whole atlas.
    pub zoom: Zoom,
}

impl Default for View {
    fn default() -> Self {
        Self { centre: Pos2::ZERO, zoom: Zoom::FIT }
    }
}

impl View {
    /// The view that frames `bounds` (map km).
    pub fn fit(bounds: Rect) -> Self {
        Self { centre: bounds.center(), zoom: Zoom::FIT }
    }

    /// The view that frames `part` (map km) of an atlas with `bounds` on `screen`, with a margin.
    pub fn fit_part(part: Rect, screen: Rect, bounds: Rect) -> Self {
        let fit = |r: Rect| (screen.width() / r.width().max(1e-3)).min(screen.height() / r.height().max(1e-3));
        let zoom = fit(part) / fit(bounds).max(1e-6) * 0.9;
        Self { centre: part.center(), zoom: Zoom::new(zoom) }.sanitized(bounds)
    }

    /// Screen points per map kilometre, for a screen rectangle and the atlas's bounds.
    pub fn scale(&self, screen: Rect, bounds: Rect) -> f32 {
        let fit = (screen.width() / bounds.width().max(1e-3)).min(screen.height() / bounds.height().max(1e-3));
        fit * 0.95 * self.zoom.get()
    }

    /// The screen point of a map point.
    pub fn screen_from_map(&self, screen: Rect, bounds: Rect, p: Pos2) -> Pos2 {
        screen.center() + (p - self.centre) * self.scale(screen, bounds)
    }

    /// The map point under a screen point.
    pub fn map_from_screen(&self, screen: Rect, bounds: Rect, p: Pos2) -> Pos2 {
        self.centre + (p - screen.center()) / self.scale(screen, bounds)
    }

    /// Moves the map with the pointer by `delta` screen points.
    pub fn pan(&mut self, screen: Rect, bounds: Rect, delta: Vec2) {
        self.centre -= delta / self.scale(screen, bounds);
        self.keep_in_bounds(bounds);
    }

    /// Zooms by `factor` keeping the map point under `pointer` where it is.
    pub fn zoom_around(&mut self, screen: Rect, bounds: Rect, pointer: Pos2, factor: f32) {
        let before = self.map_from_screen(screen, bounds, pointer);
        self.zoom = Zoom::new(self.zoom.get() * factor);
        let after = self.map_from_screen(screen, bounds, pointer);
        self.centre += before - after;
        self.keep_in_bounds(bounds);
    }

    /// Keeps the centre over the atlas, so the map cannot be lost off screen.
    fn keep_in_bounds(&mut self, bounds: Rect) {
        self.centre = bounds.expand2(bounds.size() * 0.25).clamp(self.centre);
    }

    /// A view from outside (settings, command line) made safe: finite, within limits.
    pub fn sanitized(self, bounds: Rect) -> Self {
        let mut v = self;
        if !v.centre.x.is_finite() || !v.centre.y.is_finite() {
            v.centre = bounds.center();
        }
        v.keep_in_bounds(bounds);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    #[test]
    fn zoom_keeps_the_point_under_the_pointer() {
        let bounds = Rect::from_min_max(pos2(-100.0, -100.0), pos2(100.0, 100.0));
        let screen = Rect::from_min_max(pos2(0.0, 0.0), pos2(800.0, 600.0));
        let mut v = View::fit(bounds);
        let pointer = pos2(600.0, 200.0);
        let before = v.map_from_screen(screen, bounds, pointer);
        v.zoom_around(screen, bounds, pointer, 2.0);
        assert!((v.map_from_screen(screen, bounds, pointer) - before).length() < 1e-3);
        v.zoom_around(screen, bounds, pointer, 1000.0);
        assert_eq!(v.zoom.get(), MAX_ZOOM);
        v.zoom_around(screen, bounds, pointer, f32::NAN);
        assert_eq!(v.zoom.get(), 1.0, "not a number: the fitted view");
    }

    #[test]
    fn a_view_from_outside_is_made_safe() {
        let bounds = Rect::from_min_max(pos2(-100.0, -100.0), pos2(100.0, 100.0));
        for zoom in [0.0, -3.0, 1e9, f32::NAN, f32::INFINITY] {
            let v = View { centre: pos2(1e30, f32::NAN), zoom: Zoom::new(zoom) }.sanitized(bounds);
            assert!((MIN_ZOOM..=MAX_ZOOM).contains(&v.zoom.get()), "{zoom}: {v:?}");
            assert!(bounds.expand(50.0).contains(v.centre), "{zoom}: {v:?}");
        }
        let remembered: View = serde_json::from_str(r#"{"centre":{"x":0,"y":0},"zoom":0}"#).expect("a view");
        assert_eq!(remembered.zoom.get(), MIN_ZOOM, "a remembered zoom of 0 is clamped as it is read");
        let mut v = View::fit(bounds);
        let screen = Rect::from_min_max(pos2(0.0, 0.0), pos2(800.0, 600.0));
        v.pan(screen, bounds, egui::vec2(-1e7, 0.0));
        assert!(bounds.expand(50.0).contains(v.centre), "panning cannot lose the map: {v:?}");
    }
}
