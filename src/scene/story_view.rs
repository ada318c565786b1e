//! The view a story's step asks for, on a screen of a given size: the whole atlas, a centre and
//! zoom, or the frame of the things it names, with a margin (as `export --fit` frames one).

use egui::{Rect, vec2};

use super::{MapGeometry, View, Zoom};
use crate::atlas::{StepView, Target};

/// The land round a place that framing it shows, map km a side.
const PLACE_FRAME_KM: f32 = 30.0;

/// Where `target` lies, map km: an area's or a line's extent, or the land round a place.
pub fn target_rect(geometry: &MapGeometry, target: Target) -> Option<Rect> {
    let extent = |shape: &super::AreaShape| shape.bounds;
    let rect = match target {
        Target::Region(r) => geometry.regions.get(r.get()).map(extent),
        Target::Zone(z) => geometry.zones.get(z.get()).map(extent),
        Target::Place(p) => {
            geometry.places.get(p.get()).map(|&at| Rect::from_center_size(at, vec2(PLACE_FRAME_KM, PLACE_FRAME_KM)))
        }
        Target::Line(l) => geometry
            .lines
            .get(l)
            .map(|lines| Rect::from_points(&lines.full().iter().flatten().copied().collect::<Vec<_>>())),
    };
    rect.filter(|r| r.is_finite() && r.width() >= 0.0 && r.height() >= 0.0)
}

/// The view of `view` for a map drawn into `screen` (points).
pub fn step_view(geometry: &MapGeometry, view: &StepView, screen: Rect) -> View {
    let bounds = geometry.bounds;
    match view {
        StepView::Whole => View::fit(bounds),
        StepView::Centre { lon, lat, zoom } => {
            View { centre: geometry.projection.map_from_lonlat(*lon, *lat), zoom: Zoom::new(*zoom) }.sanitized(bounds)
        }
        StepView::Fit(targets) => {
            let part = targets.iter().filter_map(|&t| target_rect(geometry, t)).reduce(|a, b| a.union(b));
            match part {
                // A line or a place alone may have no width: frame at least the land round it.
                Some(part) => View::fit_part(part.expand2(vec2(1.0, 1.0)), screen, bounds),
                None => View::fit(bounds),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use egui::{Pos2, Rect, vec2};

    use super::{step_view, target_rect};
    use crate::atlas::{RegionIdx, StepView, Target, load_files};
    use crate::scene::{MapGeometry, View};

    use crate::atlas::test_tiny as tiny;

    #[test]
    fn each_kind_of_view_frames_what_it_names() {
        let files: Vec<(&str, Option<&str>)> = tiny::TINY.iter().map(|(n, t)| (*n, Some(*t))).collect();
        let atlas = load_files(&files).expect("tiny atlas");
        let geometry = MapGeometry::new(&atlas);
        let screen = Rect::from_min_size(Pos2::ZERO, vec2(1400.0, 900.0));
        assert_eq!(step_view(&geometry, &StepView::Whole, screen), View::fit(geometry.bounds));
        // Region B is half of the atlas and as tall: framing it centres it and zooms in a little,
        // so that it fills the screen's height with a margin and lies wholly on it.
        let b = atlas.regions.iter().position(|r| r.id == "b").expect("b");
        let rect = target_rect(&geometry, Target::Region(RegionIdx::new(b))).expect("its extent");
        let view = step_view(&geometry, &StepView::Fit(vec![Target::Region(RegionIdx::new(b))]), screen);
        assert!((view.centre - rect.center()).length() < 0.5, "{view:?} {rect:?}");
        assert!(view.zoom.get() > 1.05, "{view:?}");
        let on_screen = Rect::from_two_pos(
            view.screen_from_map(screen, geometry.bounds, rect.min),
            view.screen_from_map(screen, geometry.bounds, rect.max),
        );
        assert!(screen.contains_rect(on_screen) && on_screen.height() > 0.8 * screen.height(), "{on_screen:?}");
        // A centre and zoom are taken as given.
        let view = step_view(&geometry, &StepView::Centre { lon: 10.75, lat: 10.5, zoom: 2.5 }, screen);
        assert!((view.centre - geometry.projection.map_from_lonlat(10.75, 10.5)).length() < 1e-3);
        assert_eq!(view.zoom.get(), 2.5);
    }
}
