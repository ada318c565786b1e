//! A camera flight from one view (and date) to another, as a story moves between its steps: eased
//! in and out, the zoom interpolated on a log scale (so each moment zooms by the same factor) and
//! dipping out in the middle when the two views are far apart, so that both ends come into sight
//! on the way, as a map reader's eye would go; the date turns halfway. The window flies it over [`FLIGHT_SECONDS`]; an
//! animated GIF samples it into frames. Pure: a function of the two ends and the time.

use jiff::civil::Date;

use super::{View, Zoom};

/// How long a flight between two steps takes in the window.
pub const FLIGHT_SECONDS: f64 = 1.0;

/// Eased time: slow out of the first view, fast in the middle, slow into the last (a cubic).
pub fn ease(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    if t < 0.5 { 4.0 * t * t * t } else { 1.0 - (-2.0 * t + 2.0).powi(3) / 2.0 }
}

/// A flight between two views and two dates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Flight {
    /// Where it starts.
    pub from: View,
    /// Where it ends.
    pub to: View,
    /// The date it starts on.
    pub from_date: Date,
    /// The date it ends on.
    pub to_date: Date,
    /// The width of the whole atlas in map km, which the zoom is relative to (how far apart the
    /// two views are is judged against what each shows).
    pub atlas_width_km: f32,
}

impl Flight {
    /// The view `t` of the way (0 to 1, before easing).
    pub fn view_at(&self, t: f64) -> View {
        let e = ease(t);
        let (z0, z1) = (f64::from(self.from.zoom.get()).ln(), f64::from(self.to.zoom.get()).ln());
        let mut log_zoom = z0 + (z1 - z0) * e;
        // Far apart: zoom out on the way, so that the middle shows both ends.
        let apart = f64::from((self.to.centre - self.from.centre).length());
        let width = f64::from(self.atlas_width_km.max(1e-3));
        let zoom_seeing_both = (width / (1.5 * apart.max(1e-6))).ln();
        let straight_mid = (z0 + z1) / 2.0;
        if zoom_seeing_both < straight_mid {
            log_zoom += (zoom_seeing_both - straight_mid) * 4.0 * e * (1.0 - e);
        }
        let centre = self.from.centre + (self.to.centre - self.from.centre) * e as f32;
        View { centre, zoom: Zoom::new(log_zoom.exp() as f32) }
    }

    /// The date `t` of the way: the first until halfway, the last from there. The date turns
    /// once, where the view is at its widest, so that the front changes once a step (as one
    /// change of date does) and a flight from 1988 to 2020 does not replay the years between;
    /// a step that should show the days pass plays a span once it has arrived.
    pub fn date_at(&self, t: f64) -> Date {
        if ease(t) < 0.5 { self.from_date } else { self.to_date }
    }
}

#[cfg(test)]
mod tests {
    use egui::Pos2;
    use jiff::civil::date;

    use super::{Flight, ease};
    use crate::scene::{View, Zoom};

    fn flight(from: (f32, f32, f32), to: (f32, f32, f32)) -> Flight {
        let view = |(x, y, z): (f32, f32, f32)| View { centre: Pos2::new(x, y), zoom: Zoom::new(z) };
        Flight {
            from: view(from),
            to: view(to),
            from_date: date(2020, 9, 27),
            to_date: date(2020, 11, 10),
            atlas_width_km: 200.0,
        }
    }

    #[test]
    fn a_flight_starts_and_ends_where_it_should_and_moves_smoothly() {
        let f = flight((0.0, 0.0, 1.0), (20.0, 10.0, 4.0));
        assert_eq!(f.view_at(0.0), f.from);
        let end = f.view_at(1.0);
        assert!((end.centre - f.to.centre).length() < 1e-4 && (end.zoom.get() - 4.0).abs() < 1e-4, "{end:?}");
        assert_eq!(f.date_at(0.0), date(2020, 9, 27));
        assert_eq!(f.date_at(0.49), date(2020, 9, 27));
        assert_eq!(f.date_at(0.51), date(2020, 11, 10));
        assert_eq!(f.date_at(1.0), date(2020, 11, 10));
        // Eased: the first tenth of the time covers far less than a tenth of the way.
        assert!(ease(0.1) < 0.02 && ease(0.5) == 0.5 && ease(0.9) > 0.98);
        // No jumps: at 60 frames a second, no frame moves more than 6 % of the way (the eased
        // middle is three times the mean pace, 1.7 %).
        let way = (f.to.centre - f.from.centre).length();
        let mut last = f.view_at(0.0);
        for i in 1..=60 {
            let v = f.view_at(f64::from(i) / 60.0);
            assert!((v.centre - last.centre).length() < 0.06 * way, "frame {i}: {v:?} after {last:?}");
            assert!((v.zoom.get() / last.zoom.get()).ln().abs() < 0.1, "frame {i}");
            last = v;
        }
    }

    #[test]
    fn far_apart_views_are_seen_together_on_the_way() {
        // Two close-ups 150 km apart on an atlas 200 km wide: the middle zooms out below both.
        let f = flight((0.0, 0.0, 8.0), (150.0, 0.0, 8.0));
        let middle = f.view_at(0.5);
        assert!(middle.zoom.get() < 1.5, "{middle:?}");
        // Close together: straight, no dip.
        let near = flight((0.0, 0.0, 2.0), (2.0, 0.0, 2.0));
        assert!((near.view_at(0.5).zoom.get() - 2.0).abs() < 1e-3);
    }
}
