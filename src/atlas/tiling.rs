//! Whether the zones tile their regions, as a map maker expects of an atlas: no two zones of a
//! region overlap, no zone reaches outside its region, no part of a region is left without a zone,
//! and no place lies outside the region it names. Each problem is said with its km² (or distance)
//! and where it is, so that it can be found in QGIS.
//!
//! Run by `check`, not on every opening: it cuts polygons against each other (candidate pairs from
//! an R-tree of bounding boxes, so a region of n zones costs about n log n cuts, not n²).

use geo::{BooleanOps as _, BoundingRect as _, Centroid as _, GeodesicArea as _, Intersects as _};
use geo::{MultiPolygon, Point};
use rstar::{AABB, RTree, RTreeObject};

use super::{Atlas, AtlasErrors};

/// Below this (a hectare) an overlap, a gap or a part outside is the drawing's own noise (a few
/// metres along a shared edge drawn twice), not worth a word.
const NOISE_KM2: f64 = 0.01;
/// From this an overlap or a part outside counts twice or wrongly in every km² figure: an error.
const ERROR_KM2: f64 = 0.05;
/// A place this far outside the region it names is noted; ten times as far, an error.
const PLACE_NOTE_KM: f64 = 1.0;

struct Boxed {
    zone: usize,
    rect: AABB<[f64; 2]>,
}

impl RTreeObject for Boxed {
    type Envelope = AABB<[f64; 2]>;
    fn envelope(&self) -> Self::Envelope {
        self.rect
    }
}

fn km2(g: &MultiPolygon) -> f64 {
    g.geodesic_area_unsigned() / 1e6
}

/// "around 33.412 E, 35.166 N": where a piece is, for finding it.
fn around(g: &MultiPolygon) -> String {
    g.centroid().map_or_else(String::new, |c| format!(" around {:.3}, {:.3} (lon, lat)", c.x(), c.y()))
}

/// Every overlap, gap and stray part of the atlas's zones and places, as errors and notes naming
/// `zones_file` (and `places_file` for places).
pub fn tiling_problems(atlas: &Atlas, zones_file: &str, places_file: &str) -> AtlasErrors {
    let mut errs = AtlasErrors::default();
    let boxes: Vec<Boxed> = atlas
        .zones
        .iter()
        .enumerate()
        .filter_map(|(zone, z)| {
            let r = z.geometry.bounding_rect()?;
            Some(Boxed { zone, rect: AABB::from_corners([r.min().x, r.min().y], [r.max().x, r.max().y]) })
        })
        .collect();
    let tree = RTree::bulk_load(boxes);
    // Overlaps: each pair of zones of one region whose boxes meet, cut once.
    for a in tree.iter() {
        for b in tree.locate_in_envelope_intersecting(&a.rect) {
            let (Some(za), Some(zb)) = (atlas.zones.get(a.zone), atlas.zones.get(b.zone)) else { continue };
            if b.zone <= a.zone || za.region != zb.region {
                continue;
            }
            let shared = za.geometry.intersection(&zb.geometry);
            let area = km2(&shared);
            if area < NOISE_KM2 {
                continue;
            }
            let message = format!(
                "zones '{}' and '{}' overlap by {area:.3} km²{}: the overlap is counted twice in every km² figure",
                za.id,
                zb.id,
                around(&shared)
            );
            if area >= ERROR_KM2 {
                errs.push(zones_file, Some(&format!("zone '{}'", za.id)), message);
            } else {
                errs.note(zones_file, Some(&format!("zone '{}'", za.id)), message);
            }
        }
    }
    for (ri, region) in atlas.regions.iter().enumerate() {
        let members: Vec<&super::Zone> = atlas.zones.iter().filter(|z| z.region.get() == ri).collect();
        if members.is_empty() {
            continue;
        }
        // Parts of a zone outside its region.
        for z in &members {
            let outside = z.geometry.difference(&region.geometry);
            let area = km2(&outside);
            if area < NOISE_KM2 {
                continue;
            }
            let message = format!(
                "{area:.3} km² of it lies outside its region '{}'{}: is it in the right region, and does it follow \
                 the region's edge?",
                region.id,
                around(&outside)
            );
            let label = format!("zone '{}'", z.id);
            if area >= ERROR_KM2 {
                errs.push(zones_file, Some(&label), message);
            } else {
                errs.note(zones_file, Some(&label), message);
            }
        }
        // Gaps: the region less its zones.
        let union = geo::unary_union(members.iter().map(|z| &z.geometry));
        let gap = region.geometry.difference(&union);
        let area = km2(&gap);
        if area >= NOISE_KM2 {
            let share = 100.0 * area / region.area_km2.max(f64::MIN_POSITIVE);
            let message = format!(
                "{area:.3} km² ({share:.2} % of it) is in none of its zones{}: no side holds it on any day",
                around(&gap)
            );
            let label = format!("region '{}'", region.id);
            if area >= ERROR_KM2 && share >= 0.5 {
                errs.push(zones_file, Some(&label), message);
            } else {
                errs.note(zones_file, Some(&label), message);
            }
        }
    }
    // Places outside the region they name.
    for p in &atlas.places {
        let Some(region) = p.region.and_then(|r| atlas.region(r)) else { continue };
        if region.geometry.intersects(&p.point) {
            continue;
        }
        let km = distance_km(&region.geometry, p.point);
        if km < PLACE_NOTE_KM {
            continue;
        }
        // Written latitude first, a point falls far away; swapped back, it lies in its region.
        let swapped = Point::new(p.point.y(), p.point.x());
        let hint = if region.geometry.intersects(&swapped) {
            format!(
                "; swapped, {:.5}, {:.5} lies inside it: are longitude and latitude the wrong way round? GeoJSON \
                 gives longitude first",
                swapped.x(),
                swapped.y()
            )
        } else {
            String::new()
        };
        let message = format!(
            "lies {km:.1} km outside its region '{}', at {:.5}, {:.5} (lon, lat){hint}",
            region.id,
            p.point.x(),
            p.point.y()
        );
        let label = format!("place '{}'", p.id);
        if km >= 10.0 * PLACE_NOTE_KM {
            errs.push(places_file, Some(&label), message);
        } else {
            errs.note(places_file, Some(&label), message);
        }
    }
    errs
}

/// The distance from a point to the nearest edge of an area, in km (haversine, to the nearest
/// vertex-to-vertex segment point found in the plane: good to a few per cent at atlas scales).
fn distance_km(area: &MultiPolygon, p: Point) -> f64 {
    use geo::{Closest, ClosestPoint as _, Distance as _, Haversine};
    match area.closest_point(&p) {
        Closest::Intersection(_) => 0.0,
        Closest::SinglePoint(q) => Haversine.distance(p, q) / 1000.0,
        Closest::Indeterminate => f64::INFINITY,
    }
}
