//! Whether an area is a valid polygon (OGC simple features, which RFC 7946 follows): each ring
//! simple and with an area, holes inside their outer ring and not inside one another, and the
//! parts of a MultiPolygon not overlapping. Checked in O(n log n) for n vertices: the edges go
//! into an R-tree, and each edge is compared only with the edges whose boxes meet its own (geo's
//! `Validation` compares every pair, and took minutes on a 60,000-vertex ring).
//!
//! The messages are in a map maker's words, with the place of the fault in longitude and
//! latitude, so that it can be found in the drawing program.

use geo::line_intersection::{LineIntersection, line_intersection};
use geo::{
    Area as _, BooleanOps as _, Centroid as _, Coord, InteriorPoint as _, Line, LineString, MultiPolygon, Polygon,
};
use rstar::{AABB, RTree, RTreeObject};

/// Most pairs of edges whose boxes meet that one area may ask to compare: a drawing of any real
/// place asks for a few per edge; only a hostile file, all long edges laid across one another,
/// asks for more, and it is refused rather than compared for hours.
pub const MAX_EDGE_PAIRS: usize = 20_000_000;

/// One edge of a ring, and which ring (0 the outer ring or first part's) and where in it.
struct Edge {
    line: Line,
    ring: usize,
    index: usize,
}

impl RTreeObject for Edge {
    type Envelope = AABB<[f64; 2]>;
    fn envelope(&self) -> Self::Envelope {
        AABB::from_corners([self.line.start.x, self.line.start.y], [self.line.end.x, self.line.end.y])
    }
}

/// A ring's points with repeated consecutive points dropped (allowed, and meaningless).
fn distinct(ring: &LineString) -> Vec<Coord> {
    let mut out: Vec<Coord> = Vec::with_capacity(ring.0.len());
    for &c in &ring.0 {
        if out.last() != Some(&c) {
            out.push(c);
        }
    }
    out
}

fn at(c: Coord) -> String {
    format!("({:.5}, {:.5})", c.x, c.y)
}

/// Whether every point of a ring lies on one line (within a billionth of its length), so that
/// it encloses nothing. Its signed area would not tell: a bow tie of two equal loops has none.
fn on_one_line(points: &[Coord]) -> bool {
    let Some(&first) = points.first() else { return true };
    let distance = |p: &Coord| (p.x - first.x).hypot(p.y - first.y);
    let Some(far) = points.iter().max_by(|a, b| distance(a).total_cmp(&distance(b))) else { return true };
    let length = distance(far);
    let (dx, dy) = (far.x - first.x, far.y - first.y);
    length == 0.0
        || points.iter().all(|p| (dx * (p.y - first.y) - dy * (p.x - first.x)).abs() / length <= 1e-9 * length)
}

/// What is wrong with `polygon`, if anything, in plain words; `name` says which ring is which
/// ("the outer ring", "hole 2").
// Ring numbers come from `rings` itself (edges are made from it), and every ring kept has at
// least 4 points.
#[allow(clippy::indexing_slicing)]
pub fn polygon_problem(polygon: &Polygon) -> Option<String> {
    let rings: Vec<Vec<Coord>> = std::iter::once(polygon.exterior()).chain(polygon.interiors()).map(distinct).collect();
    let name = |ring: usize| if ring == 0 { "the outer ring".to_owned() } else { format!("hole {}", ring - 1) };
    for (r, points) in rings.iter().enumerate() {
        if points.len() < 4 {
            return Some(format!("{} has fewer than 3 distinct points", name(r)));
        }
        if on_one_line(points) {
            return Some(format!("{} has no area: its points lie on one line, near {}", name(r), at(points[0])));
        }
    }
    let edges: Vec<Edge> = rings
        .iter()
        .enumerate()
        .flat_map(|(ring, points)| {
            points.windows(2).enumerate().map(move |(index, w)| Edge { line: Line::new(w[0], w[1]), ring, index })
        })
        .collect();
    let lengths: Vec<usize> = rings.iter().map(|p| p.len() - 1).collect();
    let tree = RTree::bulk_load(edges);
    let mut pairs = 0usize;
    // Rings that meet at a corner: touching there is allowed, but crossing there is not, and only
    // their areas tell the two apart.
    let mut touching = std::collections::BTreeSet::new();
    for e in tree.iter() {
        for o in tree.locate_in_envelope_intersecting(&e.envelope()) {
            if (o.ring, o.index) <= (e.ring, e.index) {
                continue;
            }
            pairs += 1;
            if pairs > MAX_EDGE_PAIRS {
                return Some(too_intricate());
            }
            let Some(meet) = line_intersection(e.line, o.line) else { continue };
            let same_ring = o.ring == e.ring;
            let n = lengths[e.ring];
            let adjacent = same_ring && (o.index == e.index + 1 || (e.index == 0 && o.index == n - 1));
            match meet {
                LineIntersection::Collinear { intersection } if same_ring => {
                    return Some(format!("{} runs back along itself at {}", name(e.ring), at(intersection.start)));
                }
                LineIntersection::Collinear { intersection } => {
                    return Some(format!(
                        "{} and {} share an edge at {}: a hole must lie inside its outer ring, touching it at most at a point",
                        name(e.ring),
                        name(o.ring),
                        at(intersection.start)
                    ));
                }
                LineIntersection::SinglePoint { .. } if adjacent => {}
                LineIntersection::SinglePoint { intersection, is_proper } if same_ring => {
                    let how = if is_proper { "crosses" } else { "touches" };
                    return Some(format!("{} {how} itself at {}", name(e.ring), at(intersection)));
                }
                LineIntersection::SinglePoint { intersection, is_proper: true } => {
                    return Some(format!("{} crosses {} at {}", name(o.ring), name(e.ring), at(intersection)));
                }
                // Rings may touch at a point.
                LineIntersection::SinglePoint { .. } => {
                    touching.insert((e.ring, o.ring));
                }
            }
        }
    }
    let area_of = |ring: usize| Polygon::new(LineString::new(rings[ring].clone()), vec![]);
    for &(a, b) in &touching {
        let (first, second) = (area_of(a), area_of(b));
        if a == 0 {
            if let Some(near) = sizeable(&second.difference(&first), &second) {
                return Some(format!("{} reaches outside the outer ring, near {}", name(b), at(near)));
            }
        } else if let Some(near) = sizeable(&first.intersection(&second), &first) {
            return Some(format!("{} overlaps {}, near {}", name(b), name(a), at(near)));
        }
    }
    // No ring crosses another: each hole is wholly inside or outside each other ring.
    for hole in 1..rings.len() {
        let Some(inside) = interior_point(&rings[hole]) else { continue };
        let parity = crossings(&tree, inside, rings.len());
        if parity[0].is_multiple_of(2) {
            return Some(format!("{} lies outside the outer ring, near {}", name(hole), at(inside)));
        }
        if let Some(other) = (1..rings.len()).find(|&r| r != hole && parity[r] % 2 == 1) {
            return Some(format!("{} lies inside {}, near {}", name(hole), name(other), at(inside)));
        }
    }
    None
}

/// Where `part` is, if it is more than a billionth of `whole` (so not the float dust of two
/// rings that only touch).
fn sizeable(part: &MultiPolygon, whole: &Polygon) -> Option<Coord> {
    (part.unsigned_area() > 1e-9 * whole.unsigned_area()).then(|| part.centroid().map_or(Coord::zero(), |c| c.0))
}

fn too_intricate() -> String {
    format!(
        "is too intricate to check: over {MAX_EDGE_PAIRS} pairs of its edges lie across one another's extent \
         (simplify the drawing)"
    )
}

/// A point strictly inside the ring `points`.
fn interior_point(points: &[Coord]) -> Option<Coord> {
    Polygon::new(LineString::new(points.to_vec()), vec![]).interior_point().map(|p| p.0)
}

/// How many edges of each of `rings` rings a ray from `from` towards +x crosses (half-open in y,
/// so a vertex on the ray is counted once): odd means inside.
fn crossings(tree: &RTree<Edge>, from: Coord, rings: usize) -> Vec<usize> {
    let mut count = vec![0usize; rings];
    let ray = AABB::from_corners([from.x, from.y], [f64::MAX, from.y]);
    for e in tree.locate_in_envelope_intersecting(&ray) {
        let (a, b) = (e.line.start, e.line.end);
        if (a.y > from.y) != (b.y > from.y) {
            let x = a.x + (from.y - a.y) * (b.x - a.x) / (b.y - a.y);
            if x > from.x
                && let Some(c) = count.get_mut(e.ring)
            {
                *c += 1;
            }
        }
    }
    count
}

/// Where two parts of a valid MultiPolygon overlap (their edges cross, or one lies inside
/// another): the area there would be counted twice. Parts may touch along an edge or at a point.
// Part numbers come from `parts` itself (edges are made from it); a run of `chunk_by` is never empty.
#[allow(clippy::indexing_slicing)]
pub fn overlapping_parts(parts: &MultiPolygon) -> Option<String> {
    if parts.0.len() < 2 {
        return None;
    }
    // Here `ring` is the part, and `index` 0 its outer ring, then its holes.
    let edges: Vec<Edge> = parts
        .0
        .iter()
        .enumerate()
        .flat_map(|(part, p)| {
            std::iter::once(p.exterior())
                .chain(p.interiors())
                .enumerate()
                .flat_map(move |(r, ring)| ring.lines().map(move |line| Edge { line, ring: part, index: r }))
        })
        .collect();
    let tree = RTree::bulk_load(edges);
    let mut pairs = 0usize;
    // Parts whose edges meet at a corner or along an edge: touching, or overlapping with every
    // crossing at a corner; their common area tells.
    let mut touching = std::collections::BTreeSet::new();
    for e in tree.iter() {
        for o in tree.locate_in_envelope_intersecting(&e.envelope()) {
            if o.ring <= e.ring {
                continue;
            }
            pairs += 1;
            if pairs > MAX_EDGE_PAIRS {
                return Some(format!("the MultiPolygon {}", too_intricate()));
            }
            match line_intersection(e.line, o.line) {
                Some(LineIntersection::SinglePoint { intersection, is_proper: true }) => {
                    return Some(overlap(e.ring, o.ring, intersection));
                }
                Some(_) => {
                    touching.insert((e.ring, o.ring));
                }
                None => {}
            }
        }
    }
    for &(a, b) in &touching {
        let (first, second) = (&parts.0[a], &parts.0[b]);
        let smaller = if first.unsigned_area() < second.unsigned_area() { first } else { second };
        if let Some(near) = sizeable(&first.intersection(second), smaller) {
            return Some(overlap(a, b, near));
        }
    }
    // No edges cross: a part overlaps another only by lying inside it (in its shell, not a hole).
    for (part, p) in parts.0.iter().enumerate() {
        let Some(inside) = p.interior_point().map(|p| p.0) else { continue };
        let ray = AABB::from_corners([inside.x, inside.y], [f64::MAX, inside.y]);
        // Crossings by (part, ring): inside a part means inside its shell and in none of its holes.
        let mut by_ring = std::collections::HashMap::<(usize, usize), usize>::new();
        for e in tree.locate_in_envelope_intersecting(&ray) {
            let (a, b) = (e.line.start, e.line.end);
            if e.ring != part && (a.y > inside.y) != (b.y > inside.y) {
                let x = a.x + (inside.y - a.y) * (b.x - a.x) / (b.y - a.y);
                if x > inside.x {
                    *by_ring.entry((e.ring, e.index)).or_default() += 1;
                }
            }
        }
        let mut within: Vec<usize> =
            by_ring.iter().filter(|(_, n)| *n % 2 == 1).map(|((other, _), _)| *other).collect();
        within.sort_unstable();
        // Odd in the shell and even in every hole: an odd number of odd rings of that part.
        let mut run = within.chunk_by(|a, b| a == b);
        if let Some(other) = run.find(|same| same.len() % 2 == 1).map(|same| same[0]) {
            return Some(overlap(part.min(other), part.max(other), inside));
        }
    }
    None
}

fn overlap(first: usize, second: usize, near: Coord) -> String {
    format!(
        "polygon {second} overlaps polygon {first} of the same MultiPolygon, near {}: the ground there would be counted \
         twice (merge the two, or cut one back)",
        at(near)
    )
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use geo::{MultiPolygon, Polygon, polygon};

    use super::{overlapping_parts, polygon_problem};

    fn square(x: f64, y: f64, side: f64) -> Polygon {
        polygon![(x: x, y: y), (x: x + side, y: y), (x: x + side, y: y + side), (x: x, y: y + side), (x: x, y: y)]
    }

    fn with_hole(shell: Polygon, hole: Polygon) -> Polygon {
        Polygon::new(shell.exterior().clone(), vec![hole.exterior().clone()])
    }

    #[test]
    fn valid_shapes_pass() {
        assert_eq!(polygon_problem(&square(0.0, 0.0, 1.0)), None);
        assert_eq!(polygon_problem(&with_hole(square(0.0, 0.0, 4.0), square(1.0, 1.0, 1.0))), None);
        // Straight runs of three points in a row and repeated points are allowed.
        let straight =
            polygon![(x: 0., y: 0.), (x: 1., y: 0.), (x: 2., y: 0.), (x: 2., y: 0.), (x: 2., y: 2.), (x: 0., y: 0.)];
        assert_eq!(polygon_problem(&straight), None);
        // A hole touching the outer ring at one point.
        let touching =
            with_hole(square(0.0, 0.0, 4.0), polygon![(x: 0., y: 2.), (x: 1., y: 1.), (x: 1., y: 3.), (x: 0., y: 2.)]);
        assert_eq!(polygon_problem(&touching), None);
    }

    #[test]
    fn each_fault_is_named() {
        let bow = polygon![(x: 0., y: 0.), (x: 1., y: 1.), (x: 1., y: 0.), (x: 0., y: 1.), (x: 0., y: 0.)];
        assert!(polygon_problem(&bow).is_some_and(|p| p.contains("outer ring crosses itself at (0.50000, 0.50000)")));
        let flat = polygon![(x: 0., y: 0.), (x: 1., y: 1.), (x: 2., y: 2.), (x: 0., y: 0.)];
        assert!(polygon_problem(&flat).is_some_and(|p| p.contains("no area")), "{:?}", polygon_problem(&flat));
        let spike = polygon![(x: 0., y: 0.), (x: 2., y: 0.), (x: 1., y: 0.), (x: 1., y: 1.), (x: 0., y: 0.)];
        // Its edges overlap and meet away from a corner: either is said, wherever the search met it first.
        let said = polygon_problem(&spike).unwrap_or_default();
        assert!(
            said.contains("runs back along itself") || said.contains("touches itself at (1.00000, 0.00000)"),
            "{said}"
        );
        let outside = with_hole(square(0.0, 0.0, 1.0), square(5.0, 5.0, 1.0));
        assert!(polygon_problem(&outside).is_some_and(|p| p.contains("hole 0 lies outside the outer ring")));
        let crossing = with_hole(square(0.0, 0.0, 2.0), square(1.0, 1.0, 2.0));
        assert!(polygon_problem(&crossing).is_some_and(|p| p.contains("hole 0 crosses the outer ring")));
        // A hole crossing the outer ring exactly at two of its own corners: no crossing is proper.
        let at_corners = with_hole(
            square(0.0, 0.0, 2.0),
            polygon![(x: 1., y: 0.5), (x: 2., y: 0.5), (x: 3., y: 0.5), (x: 3., y: 1.5), (x: 2., y: 1.5), (x: 1., y: 1.5), (x: 1., y: 0.5)],
        );
        let said = polygon_problem(&at_corners).unwrap_or_default();
        assert!(said.contains("hole 0 reaches outside the outer ring, near (2.50000, 1.00000)"), "{said}");
        let nested = Polygon::new(
            square(0.0, 0.0, 10.0).exterior().clone(),
            vec![square(1.0, 1.0, 5.0).exterior().clone(), square(2.0, 2.0, 1.0).exterior().clone()],
        );
        assert!(
            polygon_problem(&nested).is_some_and(|p| p.contains("lies inside hole")),
            "{:?}",
            polygon_problem(&nested)
        );
    }

    #[test]
    fn parts_may_touch_but_not_overlap() {
        let apart = MultiPolygon::new(vec![square(0.0, 0.0, 1.0), square(3.0, 0.0, 1.0)]);
        assert_eq!(overlapping_parts(&apart), None);
        let sharing_an_edge = MultiPolygon::new(vec![square(0.0, 0.0, 1.0), square(1.0, 0.0, 1.0)]);
        assert_eq!(overlapping_parts(&sharing_an_edge), None);
        let island_in_lake =
            MultiPolygon::new(vec![with_hole(square(0.0, 0.0, 10.0), square(2.0, 2.0, 4.0)), square(3.0, 3.0, 1.0)]);
        assert_eq!(overlapping_parts(&island_in_lake), None);
        let crossing = MultiPolygon::new(vec![square(0.0, 0.0, 2.0), square(1.0, 1.0, 2.0)]);
        assert!(overlapping_parts(&crossing).is_some_and(|p| p.contains("polygon 1 overlaps polygon 0")));
        let inside = MultiPolygon::new(vec![square(0.0, 0.0, 10.0), square(3.0, 3.0, 1.0)]);
        assert!(overlapping_parts(&inside).is_some_and(|p| p.contains("overlaps")));
        let twice = MultiPolygon::new(vec![square(0.0, 0.0, 1.0), square(0.0, 0.0, 1.0)]);
        assert!(overlapping_parts(&twice).is_some_and(|p| p.contains("counted twice")));
    }

    #[test]
    fn a_ring_of_sixty_thousand_points_is_checked_quickly() {
        let n = 60_000;
        let ring: Vec<(f64, f64)> = (0..=n)
            .map(|k| {
                let a = std::f64::consts::TAU * (k % n) as f64 / n as f64;
                (a.cos(), a.sin())
            })
            .collect();
        let circle = Polygon::new(ring.into(), vec![]);
        let started = std::time::Instant::now();
        assert_eq!(polygon_problem(&circle), None);
        // Generous: the pairwise check this replaced took minutes; this takes well under a second.
        assert!(started.elapsed().as_secs() < 20, "took {:?}", started.elapsed());
    }
}
