//! Drawing plain GeoJSON overlays over the map, in their simplestyle colours.

use egui::{Align2, Color32, FontId, Painter, Pos2, Stroke};
use geo::{Geometry, TriangulateEarcut};

use crate::atlas::Overlay;
use crate::scene::{Projection, ScreenTransform};

fn rgb(c: [u8; 3]) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

/// Draws every feature of `overlay`; overlays are small, so they are projected each frame.
pub fn paint(painter: &Painter, t: ScreenTransform, projection: &Projection, overlay: &Overlay) {
    let to_screen = |c: geo::Coord| t.screen_from_map(projection.map_from_lonlat(c.x, c.y));
    for f in &overlay.features {
        let stroke = Stroke::new(f.stroke_width, rgb(f.stroke));
        let mut anchor: Option<Pos2> = None;
        let mut stack = vec![&f.geometry];
        while let Some(g) = stack.pop() {
            match g {
                Geometry::Point(p) => {
                    let at = to_screen(p.0);
                    painter.circle(at, 5.0, rgb(f.stroke), Stroke::new(1.5, Color32::WHITE));
                    anchor.get_or_insert(at + egui::vec2(7.0, 0.0));
                }
                Geometry::MultiPoint(ps) => {
                    for p in ps {
                        painter.circle(to_screen(p.0), 5.0, rgb(f.stroke), Stroke::new(1.5, Color32::WHITE));
                    }
                }
                Geometry::LineString(l) => {
                    let points: Vec<Pos2> = l.coords().map(|c| to_screen(*c)).collect();
                    if let Some(&middle) = points.get(points.len() / 2) {
                        anchor.get_or_insert(middle);
                    }
                    painter.add(egui::Shape::line(points, stroke));
                }
                Geometry::MultiLineString(ls) => {
                    for l in ls {
                        painter.add(egui::Shape::line(l.coords().map(|c| to_screen(*c)).collect(), stroke));
                    }
                }
                Geometry::Polygon(p) => polygon(painter, p, f.fill, stroke, &to_screen, &mut anchor),
                Geometry::MultiPolygon(ps) => {
                    for p in ps {
                        polygon(painter, p, f.fill, stroke, &to_screen, &mut anchor);
                    }
                }
                Geometry::GeometryCollection(gs) => stack.extend(gs.iter()),
                _ => {}
            }
        }
        if let (Some(label), Some(at)) = (&f.label, anchor) {
            painter.text(at, Align2::LEFT_CENTER, label, FontId::proportional(12.5), Color32::from_gray(20));
        }
    }
}

fn polygon(
    painter: &Painter,
    p: &geo::Polygon,
    fill: Option<[u8; 4]>,
    stroke: Stroke,
    to_screen: &dyn Fn(geo::Coord) -> Pos2,
    anchor: &mut Option<Pos2>,
) {
    if let Some([r, g, b, a]) = fill {
        let raw = p.earcut_triangles_raw();
        let mut mesh = egui::Mesh::default();
        for [x, y] in raw.vertices {
            mesh.colored_vertex(to_screen(geo::coord! { x: x, y: y }), Color32::from_rgba_unmultiplied(r, g, b, a));
        }
        mesh.indices = raw.triangle_indices.iter().map(|&i| i as u32).collect();
        painter.add(egui::Shape::mesh(mesh));
    }
    for ring in std::iter::once(p.exterior()).chain(p.interiors()) {
        let points: Vec<Pos2> = ring.coords().map(|c| to_screen(*c)).collect();
        if let Some(&first) = points.first() {
            anchor.get_or_insert(first);
        }
        painter.add(egui::Shape::line(points, stroke));
    }
}
