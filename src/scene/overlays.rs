//! Plain GeoJSON overlays as scene primitives, in their simplestyle colours: drawn over the map
//! the same way in the window and in every export. Overlays are a reader's own few features, so
//! they are projected afresh for each picture.

use egui::{Color32, Pos2};
use geo::{Geometry, TriangulateEarcut};

use super::{LineStyle, Primitive, Projection, ScreenTransform};
use crate::atlas::Overlay;

/// The radius of an overlay's point, in points.
const POINT_RADIUS: f32 = 5.0;
/// The size of an overlay feature's label, in points.
const LABEL_SIZE: f32 = 12.5;

fn rgb(c: [u8; 3]) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

/// Every feature of `overlays` for the transform `t`, as a map is drawn: all fills, then all
/// lines, then all points, so that no feature's fill hides another's point. Their labels are
/// placed with the map's ([`overlay_labels`]), first of all, so that none is hidden.
pub fn compose_overlays(
    overlays: &[std::sync::Arc<Overlay>],
    projection: &Projection,
    t: ScreenTransform,
) -> Vec<Primitive> {
    let to_screen = |c: geo::Coord| t.screen_from_map(projection.map_from_lonlat(c.x, c.y));
    let mut out = Vec::new();
    let mut points = Vec::new();
    for f in overlays.iter().flat_map(|o| &o.features) {
        let stroke = rgb(f.stroke);
        let line =
            |points: Vec<Pos2>| Primitive::Polyline { points, width: f.stroke_width, colour: stroke, dash: None };
        let point = |at: Pos2| Primitive::Circle {
            centre: at,
            radius: POINT_RADIUS,
            fill: stroke,
            stroke_width: 1.5,
            stroke: Color32::WHITE,
        };
        let mut stack = vec![&f.geometry];
        while let Some(g) = stack.pop() {
            match g {
                Geometry::Point(p) => {
                    points.push(point(to_screen(p.0)));
                }
                Geometry::MultiPoint(ps) => points.extend(ps.iter().map(|p| point(to_screen(p.0)))),
                Geometry::LineString(l) => {
                    out.push(line(l.coords().map(|c| to_screen(*c)).collect()));
                }
                Geometry::MultiLineString(ls) => {
                    out.extend(ls.iter().map(|l| line(l.coords().map(|c| to_screen(*c)).collect())));
                }
                Geometry::Polygon(p) => polygon(p, f.fill, &line, &to_screen, &mut out),
                Geometry::MultiPolygon(ps) => {
                    for p in ps {
                        polygon(p, f.fill, &line, &to_screen, &mut out);
                    }
                }
                Geometry::GeometryCollection(gs) => stack.extend(gs.iter()),
                _ => {}
            }
        }
    }
    // Fills went in first within each polygon; lift every fill under every line.
    out.sort_by_key(|p| !matches!(p, Primitive::Area { .. }));
    out.extend(points);
    out
}

fn polygon(
    p: &geo::Polygon,
    fill: Option<[u8; 4]>,
    line: &dyn Fn(Vec<Pos2>) -> Primitive,
    to_screen: &dyn Fn(geo::Coord) -> Pos2,
    out: &mut Vec<Primitive>,
) {
    let rings: Vec<Vec<Pos2>> = std::iter::once(p.exterior())
        .chain(p.interiors())
        .map(|r| r.coords().map(|c| to_screen(*c)).collect())
        .collect();
    if let Some([r, g, b, a]) = fill {
        let raw = p.earcut_triangles_raw();
        out.push(Primitive::Area {
            vertices: raw.vertices.iter().map(|&[x, y]| to_screen(geo::coord! { x: x, y: y })).collect(),
            indices: raw.triangle_indices.iter().filter_map(|&i| u32::try_from(i).ok()).collect(),
            rings: rings.clone(),
            colour: Color32::from_rgba_unmultiplied(r, g, b, a),
        });
    }
    out.extend(rings.into_iter().map(line));
}

/// The line an overlay is drawn with in the legend: the stroke of its first feature.
pub fn overlay_line(overlay: &Overlay) -> LineStyle {
    let (colour, width) =
        overlay.features.first().map_or((Color32::from_gray(60), 2.0), |f| (rgb(f.stroke), f.stroke_width));
    LineStyle { width, colour, dash: None, glow: None }
}

/// An overlay feature's label: its text, where it is anchored, and the feature's point (which
/// other labels keep clear of), if it is one.
pub struct OverlayLabel {
    /// The feature's `name` or `title`.
    pub text: String,
    /// Beside its point, the middle of its line, or the first corner of its polygon.
    pub anchor: Pos2,
    /// Its point's centre, if the feature is a point.
    pub point: Option<Pos2>,
}

/// The labels of the features of `overlays` for the transform `t`.
pub fn overlay_labels(
    overlays: &[std::sync::Arc<Overlay>],
    projection: &Projection,
    t: ScreenTransform,
) -> Vec<OverlayLabel> {
    let to_screen = |c: geo::Coord| t.screen_from_map(projection.map_from_lonlat(c.x, c.y));
    let mut out = Vec::new();
    for f in overlays.iter().flat_map(|o| &o.features) {
        let Some(text) = &f.label else { continue };
        let mut stack = vec![&f.geometry];
        let mut found = None;
        while let (None, Some(g)) = (&found, stack.pop()) {
            found = match g {
                Geometry::Point(p) => Some((to_screen(p.0), Some(to_screen(p.0)))),
                Geometry::MultiPoint(ps) => ps.iter().next().map(|p| (to_screen(p.0), Some(to_screen(p.0)))),
                Geometry::LineString(l) => l.0.get(l.0.len() / 2).map(|c| (to_screen(*c), None)),
                Geometry::MultiLineString(ls) => {
                    ls.iter().next().and_then(|l| l.0.get(l.0.len() / 2)).map(|c| (to_screen(*c), None))
                }
                Geometry::Polygon(p) => p.exterior().0.first().map(|c| (to_screen(*c), None)),
                Geometry::MultiPolygon(ps) => {
                    ps.iter().next().and_then(|p| p.exterior().0.first()).map(|c| (to_screen(*c), None))
                }
                Geometry::GeometryCollection(gs) => {
                    stack.extend(gs.0.iter().rev());
                    None
                }
                _ => None,
            };
        }
        if let Some((anchor, point)) = found {
            out.push(OverlayLabel { text: text.clone(), anchor, point });
        }
    }
    out
}

/// The radius of an overlay's point and the size of its label, in points.
pub const OVERLAY_POINT_RADIUS: f32 = POINT_RADIUS;
/// The size of an overlay feature's label, in points.
pub const OVERLAY_LABEL_SIZE: f32 = LABEL_SIZE;
