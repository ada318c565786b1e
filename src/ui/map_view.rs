//! The map widget: paints the scene and turns drag, wheel and double-click into view changes.

use egui::{Color32, FontId, Mesh, Pos2, Response, Sense, Shape, Stroke, Ui, epaint::CircleShape};

use crate::scene::{MapGeometry, Primitive, View};

/// Handles pan and zoom on the map's rectangle; returns the map position under the pointer.
pub fn interact(ui: &Ui, response: &Response, view: &mut View, geometry: &MapGeometry) -> Option<Pos2> {
    let screen = response.rect;
    let bounds = geometry.bounds;
    if response.dragged() {
        view.pan(screen, bounds, response.drag_delta());
    }
    if response.double_clicked() {
        *view = View::fit(bounds);
    }
    let hover = response.hover_pos();
    if let Some(pointer) = hover {
        let (zoom, scroll) = ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta()));
        // Wheel without a modifier zooms (a map has nothing to scroll); pinch zooms too.
        let factor = zoom * (scroll.y / 300.0).exp();
        if (factor - 1.0).abs() > 1e-4 {
            view.zoom_around(screen, bounds, pointer, factor);
        }
    }
    hover.map(|p| view.map_from_screen(screen, bounds, p))
}

/// Turns scene primitives into egui shapes.
pub fn to_shapes(ctx: &egui::Context, primitives: &[Primitive]) -> Vec<Shape> {
    let mut shapes = Vec::with_capacity(primitives.len());
    for p in primitives {
        match p {
            Primitive::Area { vertices, indices, colour, .. } => {
                let mut mesh = Mesh::default();
                mesh.reserve_vertices(vertices.len());
                for &v in vertices {
                    mesh.colored_vertex(v, *colour);
                }
                mesh.indices = indices.clone();
                shapes.push(Shape::mesh(mesh));
            }
            Primitive::Polyline { points, width, colour, dash } => {
                let stroke = Stroke::new(*width, *colour);
                match dash {
                    Some((d, g)) => shapes.extend(Shape::dashed_line(points, stroke, *d, *g)),
                    None => shapes.push(Shape::line(points.clone(), stroke)),
                }
            }
            Primitive::Circle { centre, radius, fill, stroke_width, stroke } => {
                shapes.push(Shape::Circle(CircleShape {
                    center: *centre,
                    radius: *radius,
                    fill: *fill,
                    stroke: Stroke::new(*stroke_width, *stroke),
                }));
            }
            // Drawn by the painter from its texture, between the meshes it splits the layer into.
            Primitive::Relief { .. } => {}
            // Only vector output groups layers.
            Primitive::Group(_) => {}
            Primitive::Text { pos, align, text, size, bold, colour, halo } => {
                let family = if *bold { crate::fonts::bold() } else { egui::FontFamily::Proportional };
                let font = FontId::new(*size, family);
                let galley = ctx.fonts_mut(|f| f.layout(text.clone(), font, *colour, f32::INFINITY));
                let at = align.anchor_size(*pos, galley.size()).min;
                for (dx, dy) in [
                    (-1.0, 0.0),
                    (1.0, 0.0),
                    (0.0, -1.0),
                    (0.0, 1.0),
                    (-0.7, -0.7),
                    (0.7, 0.7),
                    (-0.7, 0.7),
                    (0.7, -0.7),
                ] {
                    shapes.push(Shape::galley_with_override_text_color(at + egui::vec2(dx, dy), galley.clone(), *halo));
                }
                shapes.push(Shape::galley(at, galley, Color32::BLACK));
            }
        }
    }
    shapes
}

/// Tessellates `primitives` into one mesh (the overlays' painter; the map's layers are cut into
/// chunks by [`super::mesh_chunks::MeshChunks`]).
pub(super) fn tessellate(ui: &Ui, primitives: &[Primitive], ppp: f32) -> Mesh {
    let shapes = to_shapes(ui.ctx(), primitives);
    let options = ui.ctx().tessellation_options(|o| *o);
    let font_size = ui.fonts(|f| f.font_image_size());
    let mut tessellator = egui::epaint::Tessellator::new(ppp, options, font_size, Vec::new());
    let mut mesh = Mesh::default();
    for shape in shapes {
        tessellator.tessellate_shape(shape, &mut mesh);
    }
    mesh
}

/// Allocates the map's rectangle with the interactions it needs.
pub fn allocate(ui: &mut Ui) -> Response {
    let size = ui.available_size();
    let (_, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, "Map"));
    response
}
