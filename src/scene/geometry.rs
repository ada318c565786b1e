//! The atlas projected and triangulated once, so that drawing a frame only transforms and colours.

use egui::{Pos2, Rect};
use geo::{InteriorPoint, MapCoords as _, MultiPolygon, TriangulateEarcut};
use rstar::{AABB, RTree, RTreeObject};

use super::Projection;
use crate::atlas::Atlas;

/// Simplification tolerances of the levels of detail, in map km (level 0 is the full geometry).
/// A level is used when its tolerance is under half a screen point at the current zoom, so the
/// gaps that simplifying neighbours one at a time can open between them (Ramer–Douglas–Peucker
/// keeps no topology) stay under half a point on screen.
pub const LOD_KM: [f32; 4] = [0.0, 0.06, 0.25, 1.0];

/// The level of detail to draw at `scale` screen points per map km.
pub fn lod_for_scale(scale: f32) -> usize {
    LOD_KM.iter().rposition(|&tolerance| tolerance * scale <= 0.5).unwrap_or(0)
}

/// One thing at every level of detail of [`LOD_KM`]: full detail first, then coarser.
#[derive(Clone, Debug)]
pub struct Lod<T> {
    levels: Vec<T>,
}

impl<T> Lod<T> {
    /// Builds every level from its tolerance in map km (0 for full detail).
    pub fn build(mut level: impl FnMut(f32) -> T) -> Self {
        Self { levels: LOD_KM.iter().map(|&tolerance| level(tolerance)).collect() }
    }

    /// Full detail only, used at every level: for things small enough that simplifying them
    /// would save little drawing and cost memory four times over (the cells of places).
    pub fn single(full: T) -> Self {
        Self { levels: vec![full] }
    }

    /// The level `lod` (the coarsest there is, if past it).
    pub fn at(&self, lod: usize) -> &T {
        let last = self.levels.len().saturating_sub(1);
        // `build` makes one level per tolerance, so there is always a level 0.
        #[allow(clippy::indexing_slicing)]
        &self.levels[lod.min(last)]
    }

    /// Full detail.
    pub fn full(&self) -> &T {
        self.at(0)
    }
}

/// A filled area at one level of detail: triangles for the fill and rings for the outline.
#[derive(Clone, Debug, Default)]
pub struct AreaLevel {
    /// Triangle corners, in map km.
    pub vertices: Vec<Pos2>,
    /// Three indices into `vertices` a triangle.
    pub indices: Vec<u32>,
    /// Closed rings (shells and holes), in map km.
    pub rings: Vec<Vec<Pos2>>,
}

impl AreaLevel {
    /// Adds a polygon (in map km): its triangles (earcut) and its rings.
    fn push(&mut self, polygon: &geo::Polygon) {
        let raw = polygon.earcut_triangles_raw();
        let base = self.vertices.len() as u32;
        self.vertices.extend(raw.vertices.iter().map(|xy| Pos2::new(xy[0] as f32, xy[1] as f32)));
        self.indices.extend(raw.triangle_indices.iter().map(|&i| base + i as u32));
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            self.rings.push(ring.coords().map(|c| Pos2::new(c.x as f32, c.y as f32)).collect());
        }
    }
}

/// A filled area ready to draw, in map km: full detail, and simplified levels for zoomed-out views.
#[derive(Clone, Debug)]
pub struct AreaShape {
    /// Triangles and rings at every level of detail, made once per atlas.
    pub levels: Lod<AreaLevel>,
    /// A point inside the area (for its label), in map km.
    pub anchor: Pos2,
    /// The full-detail extent, in map km.
    pub bounds: Rect,
}

/// Simplifies a polyline (Ramer–Douglas–Peucker) to `tolerance` map km.
pub fn simplify_line(points: &[Pos2], tolerance: f32) -> Vec<Pos2> {
    if tolerance <= 0.0 || points.len() < 3 {
        return points.to_vec();
    }
    let coords: Vec<[f64; 2]> = points.iter().map(|p| [f64::from(p.x), f64::from(p.y)]).collect();
    super::simplify::kept_indices(&coords, f64::from(tolerance), 2)
        .into_iter()
        .filter_map(|i| points.get(i).copied())
        .collect()
}

/// Simplifies each ring of a polygon (Ramer–Douglas–Peucker, see [`super::simplify`]) to
/// `tolerance` map km, keeping at least 4 points a ring.
fn simplify_polygon(polygon: &geo::Polygon, tolerance: f64) -> geo::Polygon {
    let ring = |r: &geo::LineString| -> geo::LineString {
        let coords: Vec<[f64; 2]> = r.coords().map(|c| [c.x, c.y]).collect();
        super::simplify::kept_indices(&coords, tolerance, 4).into_iter().filter_map(|i| r.0.get(i).copied()).collect()
    };
    geo::Polygon::new(ring(polygon.exterior()), polygon.interiors().iter().map(ring).collect())
}

/// Polylines (in map km) at every level of detail.
pub type Polylines = Lod<Vec<Vec<Pos2>>>;

/// Polylines at every level of detail from their full-detail points.
pub fn polylines(full: Vec<Vec<Pos2>>) -> Polylines {
    Lod::build(|tolerance| full.iter().map(|l| simplify_line(l, tolerance)).collect())
}

impl AreaShape {
    /// Projects and triangulates `area`. egui fills only convex paths, and zones are concave and
    /// have holes, so they are cut into triangles (earcut) here, once per atlas.
    pub fn new(area: &MultiPolygon, projection: &Projection) -> Self {
        Self::with_levels(area, projection, true)
    }

    /// Projects and triangulates `area` at full detail only (see [`Lod::single`]).
    pub fn full_detail(area: &MultiPolygon, projection: &Projection) -> Self {
        Self::with_levels(area, projection, false)
    }

    fn with_levels(area: &MultiPolygon, projection: &Projection, simplified: bool) -> Self {
        let project = |c: geo::Coord| {
            let p = projection.map_from_lonlat(c.x, c.y);
            geo::Coord { x: f64::from(p.x), y: f64::from(p.y) }
        };
        let projected: Vec<geo::Polygon> = area.iter().map(|polygon| polygon.map_coords(project)).collect();
        let level_at = |tolerance: f32| {
            let mut level = AreaLevel::default();
            for polygon in &projected {
                if tolerance <= 0.0 {
                    level.push(polygon);
                    continue;
                }
                let simple = simplify_polygon(polygon, f64::from(tolerance));
                // A polygon smaller than the tolerance collapses; it is invisible at this level.
                if simple.exterior().0.len() >= 4 {
                    level.push(&simple);
                }
            }
            level
        };
        let levels = if simplified { Lod::build(level_at) } else { Lod::single(level_at(0.0)) };
        let mut bounds = Rect::NOTHING;
        for p in &levels.full().vertices {
            bounds.extend_with(*p);
        }
        let anchor = area.interior_point().map(|p| projection.map_from_lonlat(p.x(), p.y())).unwrap_or(bounds.center());
        AreaShape { levels, anchor, bounds }
    }

    /// The triangles and rings to draw at a level of detail.
    pub fn at(&self, lod: usize) -> &AreaLevel {
        self.levels.at(lod)
    }

    /// Full detail.
    pub fn full(&self) -> &AreaLevel {
        self.levels.full()
    }

    /// Whether the map point lies inside the area (even-odd over all rings).
    pub fn contains(&self, p: Pos2) -> bool {
        if !self.bounds.contains(p) {
            return false;
        }
        let mut inside = false;
        for ring in &self.full().rings {
            for w in ring.windows(2) {
                let &[a, b] = w else { continue };
                if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
                    inside = !inside;
                }
            }
        }
        inside
    }
}

/// Where two zones meet: the line along which control can differ between them.
#[derive(Clone, Debug)]
pub struct ZoneEdge {
    /// The zone with the lower index.
    pub a: usize,
    /// The zone with the higher index.
    pub b: usize,
    /// The shared boundary, at every level of detail.
    pub lines: Polylines,
}

impl ZoneEdge {
    /// The shared boundary at a level of detail.
    pub fn at(&self, lod: usize) -> &[Vec<Pos2>] {
        self.lines.at(lod)
    }
}

/// A boundary segment of a zone in the spatial index used to find neighbours.
struct Segment {
    zone: usize,
    /// Order of insertion: the first match wins, so results do not depend on the tree's layout.
    order: usize,
    a: Pos2,
    b: Pos2,
}

impl RTreeObject for Segment {
    type Envelope = AABB<[f32; 2]>;

    fn envelope(&self) -> Self::Envelope {
        AABB::from_corners([self.a.x, self.a.y], [self.b.x, self.b.y])
    }
}

/// Distance from `p` to the segment from `a` to `b`.
fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = if ab.length_sq() > 0.0 { ((p - a).dot(ab) / ab.length_sq()).clamp(0.0, 1.0) } else { 0.0 };
    (a + ab * t).distance(p)
}

/// Finds the shared boundaries of zones. Neighbouring zones come from independent cuts and do not
/// always share vertices, so a segment counts as shared when its midpoint lies within `TOLERANCE_KM`
/// of another zone's boundary. Run once per atlas. Segments sit in an R-tree by their bounding
/// boxes, so time and memory grow with the number of segments, never with their length (one edge
/// across the world costs what a short one does).
fn zone_edges(zones: &[AreaShape], simplified: bool) -> Vec<ZoneEdge> {
    const TOLERANCE_KM: f32 = 0.05;
    let mut segments = Vec::new();
    for (zone, shape) in zones.iter().enumerate() {
        for ring in &shape.full().rings {
            for w in ring.windows(2) {
                if let &[a, b] = w {
                    segments.push(Segment { zone, order: segments.len(), a, b });
                }
            }
        }
    }
    let tree = RTree::bulk_load(segments);
    let mut found: Vec<(usize, usize, Vec<Vec<Pos2>>)> = Vec::new();
    let mut index: std::collections::HashMap<(usize, usize), usize> = Default::default();
    for (z, shape) in zones.iter().enumerate() {
        for ring in &shape.full().rings {
            // Each segment's neighbour (a zone with a higher index, so each edge is found once).
            let mut current: Option<(usize, Vec<Pos2>)> = None;
            let mut finish = |run: Option<(usize, Vec<Pos2>)>| {
                if let Some((other, points)) = run {
                    let i = *index.entry((z, other)).or_insert_with(|| {
                        found.push((z, other, Vec::new()));
                        found.len() - 1
                    });
                    if let Some(edge) = found.get_mut(i) {
                        edge.2.push(points);
                    }
                }
            };
            for w in ring.windows(2) {
                let &[a, b] = w else { continue };
                let mid = a + (b - a) * 0.5;
                let near = AABB::from_corners(
                    [mid.x - TOLERANCE_KM, mid.y - TOLERANCE_KM],
                    [mid.x + TOLERANCE_KM, mid.y + TOLERANCE_KM],
                );
                let neighbour = tree
                    .locate_in_envelope_intersecting(&near)
                    .filter(|s| s.zone > z && distance_to_segment(mid, s.a, s.b) < TOLERANCE_KM)
                    .min_by_key(|s| s.order)
                    .map(|s| s.zone);
                match (neighbour, &mut current) {
                    (Some(n), Some((other, points))) if *other == n && points.last() == Some(&a) => points.push(b),
                    (Some(n), _) => {
                        finish(current.take());
                        current = Some((n, vec![a, b]));
                    }
                    (None, _) => finish(current.take()),
                }
            }
            finish(current.take());
        }
    }
    found
        .into_iter()
        .map(|(a, b, full)| ZoneEdge { a, b, lines: if simplified { polylines(full) } else { Lod::single(full) } })
        .collect()
}

/// Everything of an atlas that depends only on the data: projected once when it is loaded.
#[derive(Clone, Debug)]
pub struct MapGeometry {
    /// The projection centred on the atlas's zones.
    pub projection: Projection,
    /// The zones' extent, in map km: what "Fit" frames.
    pub bounds: Rect,
    /// Each zone, by zone index.
    pub zones: Vec<AreaShape>,
    /// Shared boundaries of zones: drawn where their controllers differ.
    pub zone_edges: Vec<ZoneEdge>,
    /// The cells of the places (`atlas.cells`), by cell index: the ground drawn in its holders'
    /// colours.
    pub cells: Vec<AreaShape>,
    /// Shared boundaries of cells (`a` and `b` are cell indices): the front, where holders differ.
    pub cell_edges: Vec<ZoneEdge>,
    /// Each region, by region index.
    pub regions: Vec<AreaShape>,
    /// Each context area (countries, districts), by index.
    pub context: Vec<AreaShape>,
    /// Each map line as polylines.
    pub lines: Vec<Polylines>,
    /// Each place, in map km.
    pub places: Vec<Pos2>,
    /// The land's layers, projected.
    pub land: LandGeometry,
}

/// A body of water, projected.
#[derive(Clone, Debug)]
pub enum WaterGeometry {
    /// A river's course at every level of detail.
    Line(Polylines),
    /// A lake's outline, triangulated.
    Area(AreaShape),
    /// A lake known only by its position.
    Point(Pos2),
}

/// The land's layers in map km: made once per atlas like the rest.
#[derive(Clone, Debug, Default)]
pub struct LandGeometry {
    /// The hillshade of the elevation grid, if the atlas has one.
    pub relief: Option<super::Relief>,
    /// Each water feature, by index.
    pub water: Vec<WaterGeometry>,
    /// Each height's point.
    pub heights: Vec<Pos2>,
    /// Each road's course.
    pub roads: Vec<Polylines>,
    /// Each locator feature's outline (countries), by index.
    pub locator: Vec<Option<AreaShape>>,
    /// Each locator feature's label point.
    pub locator_labels: Vec<Pos2>,
}

impl LandGeometry {
    fn new(land: &crate::atlas::Land, projection: &Projection, style: &super::Style) -> Self {
        use crate::atlas::WaterShape;
        let project_lines = |g: &geo::MultiLineString| {
            polylines(g.iter().map(|ls| ls.coords().map(|c| projection.map_from_lonlat(c.x, c.y)).collect()).collect())
        };
        let at = |p: &geo::Point| projection.map_from_lonlat(p.x(), p.y());
        Self {
            relief: land.elevation.as_ref().map(|e| super::Relief::new(e, projection, style.land)),
            water: land
                .water
                .iter()
                .map(|w| match &w.shape {
                    WaterShape::Line(l) => WaterGeometry::Line(project_lines(l)),
                    WaterShape::Area(a) => WaterGeometry::Area(AreaShape::new(a, projection)),
                    WaterShape::Point(p) => WaterGeometry::Point(at(p)),
                })
                .collect(),
            heights: land.heights.iter().map(|h| at(&h.point)).collect(),
            roads: land.roads.iter().map(|r| project_lines(&r.geometry)).collect(),
            locator: land.locator.iter().map(|f| f.area.as_ref().map(|a| AreaShape::new(a, projection))).collect(),
            locator_labels: land.locator.iter().map(|f| at(&f.label_at)).collect(),
        }
    }
}

impl MapGeometry {
    /// Projects, simplifies and triangulates every layer of `atlas`, and finds the zones' shared
    /// boundaries.
    pub fn new(atlas: &Atlas) -> Self {
        // Centre the projection on the zones (what the atlas is about), not on its context.
        let mut ll: Option<geo::Rect> = None;
        for z in &atlas.zones {
            if let Some(r) = geo::BoundingRect::bounding_rect(&z.geometry) {
                ll = Some(match ll {
                    None => r,
                    Some(b) => geo::Rect::new(
                        geo::coord! { x: b.min().x.min(r.min().x), y: b.min().y.min(r.min().y) },
                        geo::coord! { x: b.max().x.max(r.max().x), y: b.max().y.max(r.max().y) },
                    ),
                });
            }
        }
        let centre = ll.map_or(geo::coord! { x: 0.0, y: 0.0 }, |r| r.center());
        let projection = Projection::centred_on(centre.x, centre.y);
        let zones: Vec<_> = atlas.zones.iter().map(|z| AreaShape::new(&z.geometry, &projection)).collect();
        let cells: Vec<_> = atlas.cells().iter().map(|c| AreaShape::full_detail(&c.geometry, &projection)).collect();
        let mut bounds = Rect::NOTHING;
        for z in &zones {
            bounds = bounds.union(z.bounds);
        }
        if !bounds.is_finite() || bounds.width() <= 0.0 {
            bounds = Rect::from_center_size(Pos2::ZERO, egui::vec2(100.0, 100.0));
        }
        Self {
            projection,
            bounds,
            // With cells, the front runs between cells and the zones' own edges are never drawn.
            zone_edges: if cells.is_empty() { zone_edges(&zones, true) } else { Vec::new() },
            cell_edges: zone_edges(&cells, false),
            cells,
            regions: atlas.regions.iter().map(|r| AreaShape::new(&r.geometry, &projection)).collect(),
            context: atlas.context.iter().map(|c| AreaShape::new(&c.geometry, &projection)).collect(),
            lines: atlas
                .lines
                .iter()
                .map(|l| {
                    polylines(
                        l.geometry
                            .iter()
                            .map(|ls| ls.coords().map(|c| projection.map_from_lonlat(c.x, c.y)).collect())
                            .collect(),
                    )
                })
                .collect(),
            places: atlas.places.iter().map(|p| projection.map_from_lonlat(p.point.x(), p.point.y())).collect(),
            land: LandGeometry::new(&atlas.land, &projection, &super::Style::default()),
            zones,
        }
    }

    /// The cell under a map point.
    pub fn cell_at(&self, p: Pos2) -> Option<usize> {
        self.cells.iter().position(|c| c.contains(p))
    }

    /// The zone under a map point.
    pub fn zone_at(&self, p: Pos2) -> Option<usize> {
        self.zones.iter().position(|z| z.contains(p))
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use egui::pos2;

    use super::*;

    fn square(x0: f32, y0: f32, x1: f32, y1: f32) -> AreaShape {
        let ring = vec![pos2(x0, y0), pos2(x1, y0), pos2(x1, y1), pos2(x0, y1), pos2(x0, y0)];
        let level = AreaLevel { vertices: ring.clone(), indices: Vec::new(), rings: vec![ring] };
        let bounds = Rect::from_min_max(pos2(x0, y0), pos2(x1, y1));
        AreaShape { levels: Lod::build(|_| level.clone()), anchor: bounds.center(), bounds }
    }

    #[test]
    fn neighbours_share_one_edge_even_without_shared_vertices() {
        // Two squares side by side; the right one's left side is cut into two segments, offset by
        // 10 m (within the tolerance), so they share no vertex. A third square touches neither.
        let left = square(0.0, 0.0, 10.0, 10.0);
        let mut right = square(10.01, 0.0, 20.0, 10.0);
        let ring = vec![
            pos2(10.01, 0.0),
            pos2(20.0, 0.0),
            pos2(20.0, 10.0),
            pos2(10.01, 10.0),
            pos2(10.01, 5.0),
            pos2(10.01, 0.0),
        ];
        right.levels =
            Lod::build(|_| AreaLevel { vertices: ring.clone(), indices: Vec::new(), rings: vec![ring.clone()] });
        let far = square(40.0, 0.0, 50.0, 10.0);
        let edges = zone_edges(&[left, right, far], true);
        assert_eq!(edges.len(), 1, "{edges:?}");
        let edge = &edges[0];
        assert_eq!((edge.a, edge.b), (0, 1));
        let points: Vec<Pos2> = edge.lines.full().iter().flatten().copied().collect();
        assert!(points.iter().all(|p| (p.x - 10.0).abs() < 1e-3), "the edge runs along x = 10: {points:?}");
        let length: f32 = edge.lines.full().iter().flat_map(|l| l.windows(2)).map(|w| w[0].distance(w[1])).sum();
        assert!((length - 10.0).abs() < 1e-3, "the whole shared side: {length}");
    }

    #[test]
    fn a_world_spanning_edge_costs_no_more_than_a_short_one() {
        // A triangle with an edge from one corner of the world to the other, next to a small
        // square: finding edges must not walk the 40,000 km of the diagonal.
        let atlas = crate::atlas::synthetic::world_triangle();
        let geometry = MapGeometry::new(&atlas);
        assert_eq!(geometry.zones.len(), atlas.zones.len());
        assert!(geometry.bounds.width() > 30_000.0, "{:?}", geometry.bounds);
    }

    #[test]
    fn levels_of_detail_follow_half_a_point() {
        assert_eq!(lod_for_scale(1000.0), 0, "zoomed in: full detail");
        assert_eq!(lod_for_scale(8.0), 1, "0.06 km × 8 = 0.48 points");
        assert_eq!(lod_for_scale(2.0), 2);
        assert_eq!(lod_for_scale(0.5), 3, "zoomed out: the coarsest");
        assert_eq!(lod_for_scale(0.0), 3);
        let lod = Lod::build(|t| t);
        assert_eq!((*lod.at(0), *lod.at(3), *lod.at(99)), (0.0, 1.0, 1.0), "past the last: the coarsest");
    }

    #[test]
    fn a_coarse_level_keeps_every_zone_larger_than_its_tolerance() {
        let atlas = crate::atlas::synthetic::mosaic(4, 3, 20, 2);
        let geometry = MapGeometry::new(&atlas);
        for (z, shape) in geometry.zones.iter().enumerate() {
            for lod in 0..LOD_KM.len() {
                assert!(!shape.at(lod).indices.is_empty(), "zone {z} vanished at level {lod}");
            }
        }
        // Hit-testing uses full detail.
        let z = geometry.zone_at(geometry.zones[5].anchor);
        assert_eq!(z, Some(5));
    }

    #[test]
    fn an_atlas_broken_after_loading_is_drawn_without_a_panic() {
        let mut broken = crate::atlas::synthetic::world_triangle();
        broken.phases[0].control.pop();
        assert!(broken.check_indices().is_err());
        let geometry = MapGeometry::new(&broken);
        let control = broken.control_at(jiff::civil::Date::constant(2000, 1, 1)).unwrap_or_default();
        let options = super::super::SceneOptions::default();
        let style = super::super::Style::default();
        let input = super::super::SceneInput {
            atlas: &broken,
            geometry: &geometry,
            style: &style,
            control: &control,
            places: &[],
            cells: &[],
            date: jiff::civil::Date::constant(2000, 1, 1),
            taken: None,
            options: &options,
        };
        let screen = Rect::from_min_size(Pos2::ZERO, egui::vec2(800.0, 600.0));
        let t =
            super::super::ScreenTransform::for_view(&super::super::View::fit(geometry.bounds), screen, geometry.bounds);
        assert!(!super::super::compose_base(&input, t, screen).is_empty());
    }
}
