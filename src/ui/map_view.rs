//! The map widget: paints the scene and turns drag, wheel and double-click into view changes.

use egui::{Color32, FontId, Mesh, Pos2, Rect, Response, Sense, Shape, Stroke, Ui, epaint::CircleShape};

use crate::scene::{MapGeometry, Primitive, SceneInput, ScreenTransform, View, compose_base, compose_live};

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
pub fn to_shapes(painter: &egui::Painter, primitives: &[Primitive]) -> Vec<Shape> {
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
            Primitive::Text { pos, align, text, size, bold, colour, halo } => {
                let family = if *bold { crate::fonts::bold() } else { egui::FontFamily::Proportional };
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
                    shapes.push(Shape::galley_with_override_text_color(at + egui::vec2(dx, dy), galley.clone(), *halo));
                }
                shapes.push(Shape::galley(at, galley, Color32::BLACK));
            }
        }
    }
    shapes
}

/// Draws the map, keeping the base layer (land, zones, lines) tessellated between frames: it is
/// rebuilt only when the atlas, the date's control, the dated lines, the comparison, the selection
/// or the zoom change, or when panning leaves the window that hatching was drawn for. Panning
/// otherwise only moves the cached mesh.
#[derive(Default)]
pub struct MapPainter {
    key: Option<BaseKey>,
    mesh: std::sync::Arc<Mesh>,
    /// How many times the base layer was tessellated (for tests and benchmarks).
    pub rebuilds: u64,
}

#[derive(Clone, Debug, PartialEq)]
struct BaseKey {
    generation: u64,
    scale: f32,
    pixels_per_point: f32,
    control: Vec<crate::atlas::ControllerIdx>,
    lines: Vec<bool>,
    hatched: Vec<(crate::atlas::ZoneIdx, Color32)>,
    selected_region: Option<crate::atlas::RegionIdx>,
    /// The part of the base layer's plane (screen points with the map's origin at 0) that hatching
    /// covers: three screens wide and high round the screen it was made for.
    hatch_window: Rect,
}

impl BaseKey {
    /// Whether the cached layer still holds, checked without allocating.
    fn matches(&self, generation: u64, scale: f32, ppp: f32, input: &SceneInput<'_>, seen: Rect) -> bool {
        self.generation == generation
            && self.scale == scale
            && self.pixels_per_point == ppp
            && self.control == input.control
            && self.hatched == input.options.hatched
            && self.selected_region == input.options.selected_region
            && self.lines.len() == input.atlas.lines.len()
            && self.lines.iter().zip(&input.atlas.lines).all(|(&on, l)| on == l.applies_on(input.date))
            && (self.hatched.is_empty() || self.hatch_window.contains_rect(seen))
    }
}

impl MapPainter {
    /// Paints the map of `input` for `view` into `rect`. `generation` changes whenever the atlas does.
    pub fn paint(&mut self, ui: &Ui, rect: Rect, input: &SceneInput<'_>, view: &crate::scene::View, generation: u64) {
        let t = ScreenTransform::for_view(view, rect, input.geometry.bounds);
        let ppp = ui.ctx().pixels_per_point();
        // The screen in the base layer's plane, where the map's origin is at 0.
        let seen = rect.translate(-t.offset);
        if !self.key.as_ref().is_some_and(|k| k.matches(generation, t.scale, ppp, input, seen)) {
            let hatch_window = seen.expand2(seen.size());
            self.rebuild(ui, input, t.scale, ppp, hatch_window);
            self.key = Some(BaseKey {
                generation,
                scale: t.scale,
                pixels_per_point: ppp,
                control: input.control.to_vec(),
                lines: input.atlas.lines.iter().map(|l| l.applies_on(input.date)).collect(),
                hatched: input.options.hatched.clone(),
                selected_region: input.options.selected_region,
                hatch_window,
            });
        }
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, input.style.water);
        let mut mesh = Mesh::clone(&self.mesh);
        mesh.translate(t.offset);
        painter.add(Shape::mesh(mesh));
        let live = compose_live(input, view, rect, measure(ui));
        painter.extend(to_shapes(&painter, &live));
    }

    fn rebuild(&mut self, ui: &Ui, input: &SceneInput<'_>, scale: f32, ppp: f32, hatch_window: Rect) {
        let base = compose_base(input, ScreenTransform { scale, offset: egui::Vec2::ZERO }, hatch_window);
        let shapes = to_shapes(ui.painter(), &base);
        let options = ui.ctx().tessellation_options(|o| *o);
        let font_size = ui.fonts(|f| f.font_image_size());
        let mut tessellator = egui::epaint::Tessellator::new(ppp, options, font_size, Vec::new());
        let mut mesh = Mesh::default();
        for shape in shapes {
            tessellator.tessellate_shape(shape, &mut mesh);
        }
        self.mesh = std::sync::Arc::new(mesh);
        self.rebuilds += 1;
    }
}

/// Measures text the way [`to_shapes`] will draw it, for label placement.
pub fn measure(ui: &Ui) -> impl Fn(&str, f32, bool) -> egui::Vec2 + '_ {
    move |text: &str, size: f32, bold: bool| {
        let family = if bold { crate::fonts::bold() } else { egui::FontFamily::Proportional };
        ui.painter().layout_no_wrap(text.to_owned(), FontId::new(size, family), Color32::BLACK).size()
    }
}

/// Allocates the map's rectangle with the interactions it needs.
pub fn allocate(ui: &mut Ui) -> Response {
    let size = ui.available_size();
    let (_, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, "Map"));
    response
}
