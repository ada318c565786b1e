//! The atlas projected and triangulated once, so that drawing a frame only transforms and colours.

use egui::{Pos2, Rect};
use geo::{InteriorPoint, MultiPolygon, TriangulateEarcut};

use super::Projection;
use crate::atlas::Atlas;

/// A filled area ready to draw: triangles for the fill and rings for the outline, in map km.
#[derive(Clone, Debug)]
pub struct AreaShape {
    pub vertices: Vec<Pos2>,
    pub indices: Vec<u32>,
    pub rings: Vec<Vec<Pos2>>,
    /// A point inside the area (for its label), in map km.
    pub anchor: Pos2,
    pub bounds: Rect,
}

impl AreaShape {
    /// Projects and triangulates `area`. egui fills only convex paths, and zones are concave and
    /// have holes, so they are cut into triangles (earcut) here, once per atlas.
    pub fn new(area: &MultiPolygon, projection: &Projection) -> Self {
        let project = |c: geo::Coord| {
            let p = projection.map_from_lonlat(c.x, c.y);
            geo::Coord {
                x: f64::from(p.x),
                y: f64::from(p.y),
            }
        };
        let mut shape = AreaShape {
            vertices: Vec::new(),
            indices: Vec::new(),
            rings: Vec::new(),
            anchor: Pos2::ZERO,
            bounds: Rect::NOTHING,
        };
        for polygon in area {
            let projected = polygon.map_coords(project);
            let raw = projected.earcut_triangles_raw();
            let base = shape.vertices.len() as u32;
            shape.vertices.extend(
                raw.vertices
                    .chunks_exact(2)
                    .map(|xy| Pos2::new(xy[0] as f32, xy[1] as f32)),
            );
            shape
                .indices
                .extend(raw.triangle_indices.iter().map(|&i| base + i as u32));
            for ring in std::iter::once(projected.exterior()).chain(projected.interiors()) {
                shape
                    .rings
                    .push(ring.coords().map(|c| Pos2::new(c.x as f32, c.y as f32)).collect());
            }
        }
        for p in &shape.vertices {
            shape.bounds.extend_with(*p);
        }
        shape.anchor = area
            .interior_point()
            .map(|p| projection.map_from_lonlat(p.x(), p.y()))
            .unwrap_or(shape.bounds.center());
        shape
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

/// Everything of an atlas that depends only on the data: projected once when it is loaded.
#[derive(Clone, Debug)]
pub struct MapGeometry {
    pub projection: Projection,
    /// The zones' extent, in map km: what "Fit" frames.
    pub bounds: Rect,
    pub zones: Vec<AreaShape>,
    pub regions: Vec<AreaShape>,
    pub context: Vec<AreaShape>,
    /// Each map line as polylines.
    pub lines: Vec<Vec<Vec<Pos2>>>,
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
        let zones: Vec<_> = atlas
            .zones
            .iter()
            .map(|z| AreaShape::new(&z.geometry, &projection))
            .collect();
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
            regions: atlas
                .regions
                .iter()
                .map(|r| AreaShape::new(&r.geometry, &projection))
                .collect(),
            context: atlas
                .context
                .iter()
                .map(|c| AreaShape::new(&c.geometry, &projection))
                .collect(),
            lines: atlas
                .lines
                .iter()
                .map(|l| {
                    l.geometry
                        .iter()
                        .map(|ls| ls.coords().map(|c| projection.map_from_lonlat(c.x, c.y)).collect())
                        .collect()
                })
                .collect(),
            places: atlas
                .places
                .iter()
                .map(|p| projection.map_from_lonlat(p.point.x(), p.point.y()))
                .collect(),
            zones,
        }
    }

    /// The zone under a map point.
    pub fn zone_at(&self, p: Pos2) -> Option<usize> {
        self.zones.iter().position(|z| z.contains(p))
    }
}
