//! Plain GeoJSON overlays as scene primitives, in their simplestyle colours: drawn over the map
//! the same way in the window and in every export. Overlays are a reader's own few features, so
//! they are projected afresh for each picture.

use egui::{Align2, Color32, Pos2, Vec2};
use geo::{Geometry, TriangulateEarcut};

use super::{LineStyle, Primitive, Projection, ScreenTransform, Style};
use crate::atlas::Overlay;

/// The radius of an overlay's point, in points.
const POINT_RADIUS: f32 = 5.0;
/// The size of an overlay feature's label, in points.
const LABEL_SIZE: f32 = 12.5;

fn rgb(c: [u8; 3]) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

/// Every feature of `overlays` for the transform `t`, as a map is drawn: all fills, then all
/// lines, then all points, then the labels, so that no feature's fill hides another's point.
pub fn compose_overlays(
    overlays: &[std::sync::Arc<Overlay>],
    projection: &Projection,
    style: &Style,
    t: ScreenTransform,
) -> Vec<Primitive> {
    let to_screen = |c: geo::Coord| t.screen_from_map(projection.map_from_lonlat(c.x, c.y));
    let mut out = Vec::new();
    let mut points = Vec::new();
    let mut labels = Vec::new();
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
        let mut anchor: Option<Pos2> = None;
        let mut stack = vec![&f.geometry];
        while let Some(g) = stack.pop() {
            match g {
                Geometry::Point(p) => {
                    let at = to_screen(p.0);
                    points.push(point(at));
                    anchor.get_or_insert(at + Vec2::new(POINT_RADIUS + 2.0, 0.0));
                }
                Geometry::MultiPoint(ps) => points.extend(ps.iter().map(|p| point(to_screen(p.0)))),
                Geometry::LineString(l) => {
                    let points: Vec<Pos2> = l.coords().map(|c| to_screen(*c)).collect();
                    if let Some(&middle) = points.get(points.len() / 2) {
                        anchor.get_or_insert(middle);
                    }
                    out.push(line(points));
                }
                Geometry::MultiLineString(ls) => {
                    out.extend(ls.iter().map(|l| line(l.coords().map(|c| to_screen(*c)).collect())));
                }
                Geometry::Polygon(p) => polygon(p, f.fill, &line, &to_screen, &mut anchor, &mut out),
                Geometry::MultiPolygon(ps) => {
                    for p in ps {
                        polygon(p, f.fill, &line, &to_screen, &mut anchor, &mut out);
                    }
                }
                Geometry::GeometryCollection(gs) => stack.extend(gs.iter()),
                _ => {}
            }
        }
        if let (Some(label), Some(at)) = (&f.label, anchor) {
            labels.push(Primitive::Text {
                pos: at,
                align: Align2::LEFT_CENTER,
                text: label.clone(),
                size: LABEL_SIZE,
                bold: false,
                colour: Color32::from_gray(20),
                halo: style.halo,
            });
        }
    }
    // Fills went in first within each polygon; lift every fill under every line.
    out.sort_by_key(|p| !matches!(p, Primitive::Area { .. }));
    out.extend(points);
    out.extend(labels);
    out
}

fn polygon(
    p: &geo::Polygon,
    fill: Option<[u8; 4]>,
    line: &dyn Fn(Vec<Pos2>) -> Primitive,
    to_screen: &dyn Fn(geo::Coord) -> Pos2,
    anchor: &mut Option<Pos2>,
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
    if let Some(&first) = rings.first().and_then(|r| r.first()) {
        anchor.get_or_insert(first);
    }
    out.extend(rings.into_iter().map(line));
}

/// The line an overlay is drawn with in the legend: the stroke of its first feature.
pub fn overlay_line(overlay: &Overlay) -> LineStyle {
    let (colour, width) =
        overlay.features.first().map_or((Color32::from_gray(60), 2.0), |f| (rgb(f.stroke), f.stroke_width));
    LineStyle { width, colour, dash: None, glow: None }
}
