//! The map projection: equirectangular, scaled by cos(latitude) at the map's centre.
//!
//! The region spans about 4° of latitude round 40° N, so this simple projection keeps true
//! proportions to within ±2.5 % at the edges of the atlas (cos 38.2° against cos 41.3°) and within
//! 1 % over the NKAO and the seven districts, with north up and straight meridians: the choice of
//! a printed regional atlas at this scale. Map coordinates are kilometres east and **south** of the
//! centre, so that they grow the way screen coordinates do.

use egui::{Pos2, pos2};

/// Kilometres per degree of latitude (WGS84 mean near 40° N).
const KM_PER_DEG_LAT: f64 = 111.03;
/// Kilometres per degree of longitude on the equator.
const KM_PER_DEG_LON_EQUATOR: f64 = 111.32;

/// The map's projection: longitude and latitude to kilometres east and south of a centre.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    lon0: f64,
    lat0: f64,
    km_per_deg_lon: f64,
}

impl Projection {
    /// A projection true to scale along the parallel `lat0`.
    pub fn centred_on(lon0: f64, lat0: f64) -> Self {
        Self { lon0, lat0, km_per_deg_lon: KM_PER_DEG_LON_EQUATOR * lat0.to_radians().cos() }
    }

    /// Map position (km east, km south of the centre) of a longitude and latitude.
    pub fn map_from_lonlat(&self, lon: f64, lat: f64) -> Pos2 {
        pos2(((lon - self.lon0) * self.km_per_deg_lon) as f32, ((self.lat0 - lat) * KM_PER_DEG_LAT) as f32)
    }

    /// Longitude and latitude of a map position.
    pub fn lonlat_from_map(&self, p: Pos2) -> (f64, f64) {
        (self.lon0 + f64::from(p.x) / self.km_per_deg_lon, self.lat0 - f64::from(p.y) / KM_PER_DEG_LAT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_keeps_proportions() {
        let p = Projection::centred_on(46.75, 39.8);
        let (lon, lat) = p.lonlat_from_map(p.map_from_lonlat(47.1, 40.2));
        assert!((lon - 47.1).abs() < 1e-5 && (lat - 40.2).abs() < 1e-5);
        // Stepanakert to Shusha is about 6.4 km (geodesic); the projection agrees to 1 %.
        let a = p.map_from_lonlat(46.7528, 39.8177);
        let b = p.map_from_lonlat(46.74989, 39.76006);
        assert!((a.distance(b) - 6.40).abs() < 0.07, "{}", a.distance(b));
        // North is up: a point further north has a smaller y.
        assert!(p.map_from_lonlat(46.75, 40.0).y < p.map_from_lonlat(46.75, 39.0).y);
    }
}
