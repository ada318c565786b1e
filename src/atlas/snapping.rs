//! Snapping nearly shared edges, so that zones drawn by hand tile their region: where a zone's
//! corner lies within a tolerance of a corner of its region or of a zone before it, it is moved
//! onto that corner; where it lies that near an edge, onto the edge; and a corner of one zone
//! lying on another's edge is added to that edge, so that the two share the whole border and
//! leave neither a sliver of gap nor of overlap. Regions are never moved: they are the outline
//! the zones are fitted to. Nothing is done silently: the caller is given what moved, how far
//! and where, and a zone that snapping would make invalid is left as drawn, with the reason.
//!
//! Distances are measured in metres in a plane tangent at the middle of the zones (an
//! equirectangular frame), which is within a fraction of a per cent over a country.

use geo::{Coord, LineString, MultiPolygon, Polygon};
use rstar::primitives::GeomWithData;
use rstar::{AABB, RTree, RTreeObject};

use super::polygon_validity::{overlapping_parts, polygon_problem};

/// The least move that counts, metres: less is a corner already on the edge, give or take the
/// float noise of measuring it.
const MIN_MOVE_M: f64 = 0.001;

/// Metres in a degree of latitude.
const METRES_PER_DEGREE: f64 = 111_320.0;

/// What snapping did to one zone.
#[derive(Clone, Debug, PartialEq)]
pub struct ZoneSnapped {
    /// The zone's id.
    pub zone: String,
    /// Corners moved onto a corner or an edge of a neighbour or of the region.
    pub moved: usize,
    /// Corners added to its edges where a neighbour's corner lies on them.
    pub added: usize,
    /// The farthest a corner moved, metres.
    pub farthest_m: f64,
    /// Where that corner was drawn (lon, lat).
    pub farthest_at: (f64, f64),
}

/// The zones after snapping, and what was done.
#[derive(Clone, Debug, Default)]
pub struct Snapped {
    /// Every zone, in the order given: snapped, or as drawn where snapping changed nothing or
    /// would have made it invalid.
    pub zones: Vec<MultiPolygon>,
    /// The zones that changed.
    pub changed: Vec<ZoneSnapped>,
    /// Zones left as drawn because snapping would have made them invalid, and why.
    pub refused: Vec<(String, String)>,
}

/// The plane in which distances are measured: metres east and north of a middle point.
#[derive(Clone, Copy)]
struct Frame {
    east_per_degree: f64,
}

impl Frame {
    fn metres(self, c: Coord) -> [f64; 2] {
        [c.x * self.east_per_degree, c.y * METRES_PER_DEGREE]
    }
}

/// A corner that others may snap to: where it is in the frame, and its exact coordinates.
type Corner = GeomWithData<[f64; 2], (usize, Coord)>;

/// An edge that corners may snap onto, by its two ends.
struct Edge {
    owner: usize,
    ends: [Coord; 2],
    at: [[f64; 2]; 2],
}

impl RTreeObject for Edge {
    type Envelope = AABB<[f64; 2]>;
    fn envelope(&self) -> Self::Envelope {
        AABB::from_corners(self.at[0], self.at[1])
    }
}

/// Where on the edge `e` the point `p` is nearest, as a fraction along it, and how far it is.
fn along(e: &Edge, p: [f64; 2]) -> (f64, f64) {
    let [a, b] = e.at;
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let length2 = dx * dx + dy * dy;
    let t = if length2 == 0.0 { 0.0 } else { (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2).clamp(0.0, 1.0) };
    (t, (p[0] - (a[0] + t * dx)).hypot(p[1] - (a[1] + t * dy)))
}

fn lerp(e: &Edge, t: f64) -> Coord {
    let [a, b] = e.ends;
    Coord { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) }
}

/// Snaps `zones` (id and area, in lon/lat) to one another and to `regions`, within
/// `tolerance_m` metres.
pub fn snap_zones(zones: &[(String, MultiPolygon)], regions: &[MultiPolygon], tolerance_m: f64) -> Snapped {
    let all = zones.iter().map(|(_, a)| a).chain(regions);
    let (sum, n) = all
        .flat_map(|a| a.iter().flat_map(|p| p.exterior().coords()))
        .fold((0.0, 0usize), |(s, n), c| (s + c.y, n + 1));
    let middle = if n == 0 { 0.0 } else { sum / n as f64 };
    let frame = Frame { east_per_degree: METRES_PER_DEGREE * middle.to_radians().cos().max(0.01) };
    // Owners: zones by index, regions after them; regions' corners and edges are there from the start.
    let mut corners: RTree<Corner> = RTree::new();
    let mut edges: RTree<Edge> = RTree::new();
    let add_area = |owner: usize, area: &MultiPolygon, corners: &mut RTree<Corner>, edges: &mut RTree<Edge>| {
        for ring in area.iter().flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors())) {
            for line in ring.lines() {
                corners.insert(Corner::new(frame.metres(line.start), (owner, line.start)));
                edges.insert(Edge {
                    owner,
                    ends: [line.start, line.end],
                    at: [frame.metres(line.start), frame.metres(line.end)],
                });
            }
        }
    };
    for (i, region) in regions.iter().enumerate() {
        add_area(zones.len() + i, region, &mut corners, &mut edges);
    }
    // First, each zone's corners onto the corners and edges of the region and of the zones before it.
    // Each zone after the first pass: its area, corners moved, the farthest move and where, and
    // why it is left as drawn, if it is.
    type FirstPass = (MultiPolygon, usize, f64, (f64, f64), Option<String>);
    let mut moved_zones: Vec<FirstPass> = Vec::with_capacity(zones.len());
    for (z, (_, area)) in zones.iter().enumerate() {
        let (mut moved, mut farthest, mut farthest_at) = (0usize, 0.0f64, (0.0, 0.0));
        let mut snap = |c: Coord| -> Coord {
            let p = frame.metres(c);
            let near_corner = corners
                .nearest_neighbor(&p)
                .filter(|k| k.data.0 != z)
                .map(|k| (k.data.1, (k.geom()[0] - p[0]).hypot(k.geom()[1] - p[1]), k.data.0 < zones.len()))
                .filter(|(_, d, _)| *d <= tolerance_m);
            let reach =
                AABB::from_corners([p[0] - tolerance_m, p[1] - tolerance_m], [p[0] + tolerance_m, p[1] + tolerance_m]);
            let near_edge = edges
                .locate_in_envelope_intersecting(&reach)
                .filter(|e| e.owner != z)
                .map(|e| (e, along(e, p)))
                .filter(|(_, (_, d))| *d <= tolerance_m)
                .min_by(|a, b| a.1.1.total_cmp(&b.1.1));
            // A corner already on an edge is shared as it is, unless a neighbouring zone's corner
            // is near (where borders meet): moving it to a region's corner further along the
            // outline would cut a sliver off, or put a spike in the coast.
            let to_zone_corner = near_corner.filter(|(_, _, of_zone)| *of_zone).map(|(to, ..)| to);
            if to_zone_corner.is_none() && near_edge.is_some_and(|(_, (_, d))| d < MIN_MOVE_M) {
                return c;
            }
            let to = near_corner.map(|(to, ..)| to).or_else(|| near_edge.map(|(e, (t, _))| lerp(e, t)));
            let distance = |to: Coord| {
                let q = frame.metres(to);
                (q[0] - p[0]).hypot(q[1] - p[1])
            };
            match to {
                // Under a millimetre is the float noise of a corner already on the edge.
                Some(to) if distance(to) >= MIN_MOVE_M => {
                    moved += 1;
                    let d = distance(to);
                    if d > farthest {
                        (farthest, farthest_at) = (d, (c.x, c.y));
                    }
                    to
                }
                _ => c,
            }
        };
        let snapped = map_rings(area, |ring| {
            let mut coords: Vec<Coord> = ring.0.iter().take(ring.0.len().saturating_sub(1)).map(|&c| snap(c)).collect();
            if let Some(&first) = coords.first() {
                coords.push(first);
            }
            coords
        });
        // A zone that snapping would make invalid is left as drawn, and the zones after it are
        // fitted to it as drawn, so that none is fitted to a shape that is not kept.
        let problem = snapped.iter().find_map(polygon_problem).or_else(|| overlapping_parts(&snapped));
        let kept = if problem.is_some() { area } else { &snapped };
        add_area(z, kept, &mut corners, &mut edges);
        moved_zones.push((kept.clone(), if problem.is_some() { 0 } else { moved }, farthest, farthest_at, problem));
    }
    // Then every corner that lies on another zone's edge is added to that edge.
    let mut out = Snapped::default();
    for (z, ((id, drawn), (area, moved, farthest_m, farthest_at, refused))) in zones.iter().zip(moved_zones).enumerate()
    {
        if let Some(problem) = refused {
            out.refused.push((id.clone(), problem));
            out.zones.push(drawn.clone());
            continue;
        }
        let mut added = 0usize;
        let area = map_rings(&area, |ring| {
            let mut coords = Vec::with_capacity(ring.0.len());
            for line in ring.lines() {
                coords.push(line.start);
                let e = Edge {
                    owner: z,
                    ends: [line.start, line.end],
                    at: [frame.metres(line.start), frame.metres(line.end)],
                };
                let reach = AABB::from_corners(
                    [e.at[0][0].min(e.at[1][0]) - tolerance_m, e.at[0][1].min(e.at[1][1]) - tolerance_m],
                    [e.at[0][0].max(e.at[1][0]) + tolerance_m, e.at[0][1].max(e.at[1][1]) + tolerance_m],
                );
                let mut on: Vec<(f64, Coord)> = corners
                    .locate_in_envelope_intersecting(&reach)
                    // Zones' corners only: a region's outline is what the zones were fitted to
                    // in the first pass, and its every bend added to a zone's coast would
                    // put spikes in it.
                    .filter(|k| k.data.0 != z && k.data.0 < zones.len())
                    .filter(|k| k.data.1 != line.start && k.data.1 != line.end)
                    .map(|k| (along(&e, *k.geom()), k.data.1))
                    .filter(|((t, d), _)| *d <= tolerance_m && *t > 0.0 && *t < 1.0)
                    .map(|((t, _), c)| (t, c))
                    .collect();
                on.sort_by(|a, b| a.0.total_cmp(&b.0));
                on.dedup_by(|a, b| a.1 == b.1);
                added += on.len();
                coords.extend(on.into_iter().map(|(_, c)| c));
            }
            if let Some(&first) = coords.first() {
                coords.push(first);
            }
            coords.dedup();
            coords
        });
        if moved == 0 && added == 0 {
            out.zones.push(drawn.clone());
            continue;
        }
        let problem = area.iter().find_map(polygon_problem).or_else(|| overlapping_parts(&area));
        match problem {
            Some(problem) => {
                out.refused.push((id.clone(), problem));
                out.zones.push(drawn.clone());
            }
            None => {
                out.changed.push(ZoneSnapped { zone: id.clone(), moved, added, farthest_m, farthest_at });
                out.zones.push(area);
            }
        }
    }
    out
}

/// `area` with each ring (closed, as GeoJSON has it) made anew by `ring`.
fn map_rings(area: &MultiPolygon, mut ring: impl FnMut(&LineString) -> Vec<Coord>) -> MultiPolygon {
    MultiPolygon::new(
        area.iter()
            .map(|p| {
                Polygon::new(
                    LineString::new(ring(p.exterior())),
                    p.interiors().iter().map(|h| LineString::new(ring(h))).collect(),
                )
            })
            .collect(),
    )
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use geo::{Area as _, BooleanOps as _, MultiPolygon, polygon};

    use super::snap_zones;

    fn mp(p: geo::Polygon) -> MultiPolygon {
        MultiPolygon::new(vec![p])
    }

    #[test]
    fn neighbours_drawn_by_hand_come_to_share_their_border() {
        // Two halves of a square degree, the border between them drawn twice by hand, 20–60 m apart,
        // and the east half's corner on the region's edge a little off it.
        let region = mp(polygon![(x: 0., y: 0.), (x: 1., y: 0.), (x: 1., y: 1.), (x: 0., y: 1.), (x: 0., y: 0.)]);
        let west = mp(
            polygon![(x: 0., y: 0.), (x: 0.5, y: 0.), (x: 0.5002, y: 0.5), (x: 0.5, y: 1.), (x: 0., y: 1.), (x: 0., y: 0.)],
        );
        let east = mp(
            polygon![(x: 0.5004, y: 0.0003), (x: 1., y: 0.), (x: 1., y: 1.), (x: 0.4997, y: 1.), (x: 0.5004, y: 0.0003)],
        );
        let zones = vec![("west".to_owned(), west.clone()), ("east".to_owned(), east.clone())];
        let overlap_before = west.intersection(&east).unsigned_area() + west.union(&east).xor(&region).unsigned_area();
        assert!(overlap_before > 1e-6, "the drawing leaves slivers: {overlap_before}");
        let snapped = snap_zones(&zones, std::slice::from_ref(&region), 100.0);
        assert!(snapped.refused.is_empty(), "{:?}", snapped.refused);
        let [w, e] = &snapped.zones[..] else { panic!("two zones") };
        // No sliver of overlap or gap is left, and the two fill the region.
        assert!(w.intersection(e).unsigned_area() < 1e-12, "overlap {}", w.intersection(e).unsigned_area());
        assert!(w.union(e).xor(&region).unsigned_area() < 1e-12, "gap {}", w.union(e).xor(&region).unsigned_area());
        // The west zone came first and lies on the region's edges: it is kept as drawn. The east
        // one's two ends of the border moved onto the west one's (55 m and 33 m), and its border
        // gained the west one's middle corner.
        assert_eq!(snapped.zones[0], west);
        assert_eq!(snapped.changed.len(), 1, "{:?}", snapped.changed);
        let east_report = &snapped.changed[0];
        assert_eq!(
            (east_report.zone.as_str(), east_report.moved, east_report.added),
            ("east", 2, 1),
            "{east_report:?}"
        );
        assert!((50.0..60.0).contains(&east_report.farthest_m), "{east_report:?}");
        assert_eq!(east_report.farthest_at, (0.5004, 0.0003));
    }

    #[test]
    fn nothing_beyond_the_tolerance_moves() {
        let a = mp(polygon![(x: 0., y: 0.), (x: 0.5, y: 0.), (x: 0.5, y: 1.), (x: 0., y: 1.), (x: 0., y: 0.)]);
        let b = mp(polygon![(x: 0.51, y: 0.), (x: 1., y: 0.), (x: 1., y: 1.), (x: 0.51, y: 1.), (x: 0.51, y: 0.)]);
        let snapped = snap_zones(&[("a".into(), a.clone()), ("b".into(), b.clone())], &[], 100.0);
        assert!(snapped.changed.is_empty(), "{:?}", snapped.changed);
        assert_eq!(snapped.zones, vec![a, b]);
    }
}
