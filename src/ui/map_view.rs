//! The map widget: paints the scene and turns drag, wheel and double-click into view changes.

use egui::{Color32, FontId, Mesh, Pos2, Rect, Response, Sense, Shape, Stroke, Ui, epaint::CircleShape};

use crate::scene::{MapGeometry, Primitive, Scene, View};

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

/// Paints scene primitives with egui.
pub fn paint(ui: &Ui, rect: Rect, scene: &Scene) {
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, scene.background);
    let mut shapes = Vec::with_capacity(scene.primitives.len());
    for p in &scene.primitives {
        match p {
            Primitive::Mesh {
                vertices,
                indices,
                colour,
            } => {
                let mut mesh = Mesh::default();
                mesh.reserve_vertices(vertices.len());
                for &v in vertices {
                    mesh.colored_vertex(v, *colour);
                }
                mesh.indices = indices.clone();
                shapes.push(Shape::mesh(mesh));
            }
            Primitive::Polyline {
                points,
                width,
                colour,
                dash,
            } => {
                let stroke = Stroke::new(*width, *colour);
                match dash {
                    Some((d, g)) => shapes.extend(Shape::dashed_line(points, stroke, *d, *g)),
                    None => shapes.push(Shape::line(points.clone(), stroke)),
                }
            }
            Primitive::Circle {
                centre,
                radius,
                fill,
                stroke_width,
                stroke,
            } => {
                shapes.push(Shape::Circle(CircleShape {
                    center: *centre,
                    radius: *radius,
                    fill: *fill,
                    stroke: Stroke::new(*stroke_width, *stroke),
                }));
            }
            Primitive::Text {
                pos,
                align,
                text,
                size,
                bold,
                colour,
                halo,
            } => {
                let family = if *bold {
                    super::fonts::bold()
                } else {
                    egui::FontFamily::Proportional
                };
                let galley = painter.layout_no_wrap(text.clone(), FontId::new(*size, family), *colour);
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
                    shapes.push(Shape::galley_with_override_text_color(
                        at + egui::vec2(dx, dy),
                        galley.clone(),
                        *halo,
                    ));
                }
                shapes.push(Shape::galley(at, galley, Color32::BLACK));
            }
        }
    }
    painter.extend(shapes);
}

/// Measures text the way [`paint`] will draw it, for label placement.
pub fn measure(ui: &Ui) -> impl Fn(&str, f32, bool) -> egui::Vec2 + '_ {
    move |text: &str, size: f32, bold: bool| {
        let family = if bold {
            super::fonts::bold()
        } else {
            egui::FontFamily::Proportional
        };
        ui.painter()
            .layout_no_wrap(text.to_owned(), FontId::new(size, family), Color32::BLACK)
            .size()
    }
}

/// Allocates the map's rectangle with the interactions it needs.
pub fn allocate(ui: &mut Ui) -> Response {
    let size = ui.available_size();
    let (_, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, "Map"));
    response
}
