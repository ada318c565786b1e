//! The atlas projected and triangulated once, so that drawing a frame only transforms and colours.

use egui::{Pos2, Rect};
use geo::{InteriorPoint, MultiPolygon, TriangulateEarcut};

use super::Projection;
use crate::atlas::Atlas;

/// Simplification tolerances of the levels of detail, in map km (level 0 is the full geometry).
/// A level is used when its tolerance is under half a screen point at the current zoom.
pub const LOD_KM: [f32; 4] = [0.0, 0.06, 0.25, 1.0];

/// The level of detail to draw at `scale` screen points per map km.
pub fn lod_for_scale(scale: f32) -> usize {
    (0..LOD_KM.len()).rev().find(|&l| LOD_KM[l] * scale <= 0.5).unwrap_or(0)
}

/// A filled area at one level of detail: triangles for the fill and rings for the outline.
#[derive(Clone, Debug, Default)]
pub struct AreaLevel {
    pub vertices: Vec<Pos2>,
    pub indices: Vec<u32>,
    pub rings: Vec<Vec<Pos2>>,
}

impl AreaLevel {
    /// Adds a polygon (in map km): its triangles (earcut) and its rings.
    fn push(&mut self, polygon: &geo::Polygon) {
        let raw = polygon.earcut_triangles_raw();
        let base = self.vertices.len() as u32;
        self.vertices.extend(raw.vertices.chunks_exact(2).map(|xy| Pos2::new(xy[0] as f32, xy[1] as f32)));
        self.indices.extend(raw.triangle_indices.iter().map(|&i| base + i as u32));
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            self.rings.push(ring.coords().map(|c| Pos2::new(c.x as f32, c.y as f32)).collect());
        }
    }
}

/// A filled area ready to draw, in map km: full detail, and simplified levels for zoomed-out views.
#[derive(Clone, Debug)]
pub struct AreaShape {
    pub vertices: Vec<Pos2>,
    pub indices: Vec<u32>,
    pub rings: Vec<Vec<Pos2>>,
    /// Levels 1.. of [`LOD_KM`], simplified and triangulated once per atlas.
    pub coarser: Vec<AreaLevel>,
    /// A point inside the area (for its label), in map km.
    pub anchor: Pos2,
    pub bounds: Rect,
}

/// Simplifies a polyline (Ramer–Douglas–Peucker) to `tolerance` map km.
pub fn simplify_line(points: &[Pos2], tolerance: f32) -> Vec<Pos2> {
    if tolerance <= 0.0 || points.len() < 3 {
        return points.to_vec();
    }
    let line: geo::LineString<f32> = points.iter().map(|p| geo::coord! { x: p.x, y: p.y }).collect();
    geo::Simplify::simplify(&line, tolerance).coords().map(|c| Pos2::new(c.x, c.y)).collect()
}

impl AreaShape {
    /// Projects and triangulates `area`. egui fills only convex paths, and zones are concave and
    /// have holes, so they are cut into triangles (earcut) here, once per atlas.
    pub fn new(area: &MultiPolygon, projection: &Projection) -> Self {
        let project = |c: geo::Coord| {
            let p = projection.map_from_lonlat(c.x, c.y);
            geo::Coord { x: f64::from(p.x), y: f64::from(p.y) }
        };
        let mut full = AreaLevel::default();
        let mut coarser = vec![AreaLevel::default(); LOD_KM.len() - 1];
        for polygon in area {
            let projected = polygon.map_coords(project);
            for (level, &tolerance) in coarser.iter_mut().zip(&LOD_KM[1..]) {
                let simple = geo::Simplify::simplify(&projected, f64::from(tolerance));
                // A polygon smaller than the tolerance collapses; it is invisible at this level.
                if simple.exterior().0.len() >= 4 {
                    level.push(&simple);
                }
            }
            full.push(&projected);
        }
        let AreaLevel { vertices, indices, rings } = full;
        let mut shape = AreaShape { vertices, indices, rings, coarser, anchor: Pos2::ZERO, bounds: Rect::NOTHING };
        for p in &shape.vertices {
            shape.bounds.extend_with(*p);
        }
        shape.anchor =
            area.interior_point().map(|p| projection.map_from_lonlat(p.x(), p.y())).unwrap_or(shape.bounds.center());
        shape
    }

    /// The triangles and rings to draw at a level of detail.
    pub fn at(&self, lod: usize) -> (&[Pos2], &[u32], &[Vec<Pos2>]) {
        match lod.checked_sub(1).and_then(|l| self.coarser.get(l)) {
            Some(level) => (&level.vertices, &level.indices, &level.rings),
            None => (&self.vertices, &self.indices, &self.rings),
        }
    }

    /// Whether the map point lies inside the area (even-odd over all rings).
    pub fn contains(&self, p: Pos2) -> bool {
        if !self.bounds.contains(p) {
            return false;
        }
        let mut inside = false;
        for ring in &self.rings {
            for w in ring.windows(2) {
                let (a, b) = (w[0], w[1]);
                if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
                    inside = !inside;
                }
            }
        }
        inside
    }
}

use geo::MapCoords as _;

/// A line's polylines at full detail and at the coarser levels of [`LOD_KM`].
#[derive(Clone, Debug)]
pub struct Polylines {
    pub full: Vec<Vec<Pos2>>,
    pub coarser: Vec<Vec<Vec<Pos2>>>,
}

impl Polylines {
    pub fn new(full: Vec<Vec<Pos2>>) -> Self {
        let coarser = LOD_KM[1..].iter().map(|&t| full.iter().map(|l| simplify_line(l, t)).collect()).collect();
        Self { full, coarser }
    }

    pub fn at(&self, lod: usize) -> &[Vec<Pos2>] {
        lod.checked_sub(1).and_then(|l| self.coarser.get(l)).unwrap_or(&self.full)
    }
}

/// Where two zones meet: the line along which control can differ between them.
#[derive(Clone, Debug)]
pub struct ZoneEdge {
    pub a: usize,
    pub b: usize,
    pub polylines: Vec<Vec<Pos2>>,
    /// `polylines` simplified for levels 1.. of [`LOD_KM`].
    pub coarser: Vec<Vec<Vec<Pos2>>>,
}

impl ZoneEdge {
    pub fn at(&self, lod: usize) -> &[Vec<Pos2>] {
        lod.checked_sub(1).and_then(|l| self.coarser.get(l)).unwrap_or(&self.polylines)
    }
}

/// Finds the shared boundaries of zones. Neighbouring zones come from independent cuts and do not
/// always share vertices, so a segment counts as shared when its midpoint lies within `TOLERANCE_KM`
/// of another zone's boundary. Run once per atlas.
fn zone_edges(zones: &[AreaShape]) -> Vec<ZoneEdge> {
    const TOLERANCE_KM: f32 = 0.05;
    const CELL_KM: f32 = 2.0;
    let cell = |p: Pos2| ((p.x / CELL_KM).floor() as i32, (p.y / CELL_KM).floor() as i32);
    // Grid of segments: (zone, a, b).
    type Segment = (usize, Pos2, Pos2);
    let mut grid: std::collections::HashMap<(i32, i32), Vec<Segment>> = Default::default();
    for (z, shape) in zones.iter().enumerate() {
        for ring in &shape.rings {
            for w in ring.windows(2) {
                let (a, b) = (w[0], w[1]);
                let (c0, c1) = (cell(a.min(b)), cell(a.max(b)));
                for x in c0.0 - 1..=c1.0 + 1 {
                    for y in c0.1 - 1..=c1.1 + 1 {
                        grid.entry((x, y)).or_default().push((z, a, b));
                    }
                }
            }
        }
    }
    let distance = |p: Pos2, a: Pos2, b: Pos2| {
        let ab = b - a;
        let t = if ab.length_sq() > 0.0 { ((p - a).dot(ab) / ab.length_sq()).clamp(0.0, 1.0) } else { 0.0 };
        (a + ab * t).distance(p)
    };
    let mut edges: Vec<ZoneEdge> = Vec::new();
    for (z, shape) in zones.iter().enumerate() {
        for ring in &shape.rings {
            // Each segment's neighbour (a zone with a higher index, so each edge is found once).
            let mut current: Option<(usize, Vec<Pos2>)> = None;
            let finish = |run: Option<(usize, Vec<Pos2>)>, edges: &mut Vec<ZoneEdge>| {
                if let Some((other, points)) = run {
                    match edges.iter_mut().find(|e| e.a == z && e.b == other) {
                        Some(e) => e.polylines.push(points),
                        None => edges.push(ZoneEdge { a: z, b: other, polylines: vec![points], coarser: Vec::new() }),
                    }
                }
            };
            for w in ring.windows(2) {
                let (a, b) = (w[0], w[1]);
                let mid = a + (b - a) * 0.5;
                let neighbour = grid.get(&cell(mid)).and_then(|segments| {
                    segments.iter().find(|(o, p, q)| *o > z && distance(mid, *p, *q) < TOLERANCE_KM).map(|s| s.0)
                });
                match (neighbour, &mut current) {
                    (Some(n), Some((other, points))) if *other == n && points.last() == Some(&a) => points.push(b),
                    (Some(n), _) => {
                        finish(current.take(), &mut edges);
                        current = Some((n, vec![a, b]));
                    }
                    (None, _) => finish(current.take(), &mut edges),
                }
            }
            finish(current.take(), &mut edges);
        }
    }
    for e in &mut edges {
        e.coarser = LOD_KM[1..].iter().map(|&t| e.polylines.iter().map(|l| simplify_line(l, t)).collect()).collect();
    }
    edges
}

/// Everything of an atlas that depends only on the data: projected once when it is loaded.
#[derive(Clone, Debug)]
pub struct MapGeometry {
    pub projection: Projection,
    /// The zones' extent, in map km: what "Fit" frames.
    pub bounds: Rect,
    pub zones: Vec<AreaShape>,
    /// Shared boundaries of zones: drawn where their controllers differ.
    pub zone_edges: Vec<ZoneEdge>,
    pub regions: Vec<AreaShape>,
    pub context: Vec<AreaShape>,
    /// Each map line as polylines.
    pub lines: Vec<Polylines>,
    pub places: Vec<Pos2>,
}

impl MapGeometry {
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
            zone_edges: zone_edges(&zones),
            regions: atlas.regions.iter().map(|r| AreaShape::new(&r.geometry, &projection)).collect(),
            context: atlas.context.iter().map(|c| AreaShape::new(&c.geometry, &projection)).collect(),
            lines: atlas
                .lines
                .iter()
                .map(|l| {
                    Polylines::new(
                        l.geometry
                            .iter()
                            .map(|ls| ls.coords().map(|c| projection.map_from_lonlat(c.x, c.y)).collect())
                            .collect(),
                    )
                })
                .collect(),
            places: atlas.places.iter().map(|p| projection.map_from_lonlat(p.point.x(), p.point.y())).collect(),
            zones,
        }
    }

    /// The zone under a map point.
    pub fn zone_at(&self, p: Pos2) -> Option<usize> {
        self.zones.iter().position(|z| z.contains(p))
    }
}
