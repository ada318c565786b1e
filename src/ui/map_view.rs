//! The map widget: paints the scene and turns drag, wheel and double-click into view changes.

use egui::{
    Color32, FontId, Mesh, Pos2, Rect, Response, Sense, Shape, Stroke, Ui, emath::TSTransform, epaint::CircleShape,
};

use super::mesh_chunks::MeshChunks;

use crate::scene::{
    MapGeometry, Primitive, SceneInput, ScreenTransform, View, compose_base, compose_dots, compose_live, frame_labels,
};

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

/// Draws the map, keeping its layers tessellated between frames. The base layer (land, relief,
/// zones, water, roads, lines) is rebuilt only when the atlas, the date's control, the dated lines
/// and roads, the comparison, the selection, the layers or the zoom change, or when panning
/// leaves the window that hatching was drawn for. The labels (places, symbols, names) are
/// rebuilt only when the zoom, the naming or the layers change, or when panning leaves the window
/// they were placed for. The layers are kept in their plane, in chunks ([`MeshChunks`]): panning
/// and the stretching of a camera flight change only the transform egui puts them on screen with,
/// and egui copies only the chunks the screen shows. The relief is a texture uploaded once per
/// atlas and look.
#[derive(Default)]
pub struct MapPainter {
    key: Option<BaseKey>,
    /// Land under the relief, in the plane (the map's origin at 0, at the key's scale).
    ground: MeshChunks,
    /// Everything of the base layer over the relief.
    over: MeshChunks,
    relief_rect: Option<(Rect, bool)>,
    labels_key: Option<LabelsKey>,
    labels: MeshChunks,
    /// The places' dots where labels found room, in the plane.
    dots: Vec<crate::scene::PlaceDot>,
    /// The labels that found room, in the plane.
    label_boxes: Vec<crate::scene::PlacedText>,
    /// The dots in the colours of the date: remade when control of a place, or the labels, change.
    dots_mesh: MeshChunks,
    dots_key: Option<(u64, Vec<Option<crate::atlas::PlaceControl>>)>,
    relief_texture: Option<(u64, bool, egui::TextureHandle)>,
    /// Where the map's origin was put on screen, at the layers' own scale, when they were last
    /// painted (held while flying; the labels' boxes are read there).
    made_offset: Option<egui::Vec2>,
    /// How many times the dots were remade.
    dots_rebuilds: u64,
    /// How many times the base layer was tessellated (for tests and benchmarks).
    pub rebuilds: u64,
    /// How many times the labels were placed and tessellated (for tests and benchmarks).
    pub label_rebuilds: u64,
    /// How many times the relief image was uploaded as a texture.
    pub relief_uploads: u64,
}

#[derive(Clone, Debug, PartialEq)]
struct BaseKey {
    generation: u64,
    scale: f32,
    pixels_per_point: f32,
    control: Vec<crate::atlas::ControllerIdx>,
    cells: Vec<(crate::atlas::ControllerIdx, crate::atlas::ControlStatus)>,
    lines: Vec<bool>,
    roads: Vec<bool>,
    layers: crate::scene::MapLayers,
    hatched: Vec<(crate::atlas::ZoneIdx, Color32)>,
    hatched_cells: Vec<(usize, Color32)>,
    selected_region: Option<crate::atlas::RegionIdx>,
    /// The day "land taken since" compares with.
    taken: Option<jiff::civil::Date>,
    /// Whether some ground rests on a claim (and is striped, within the hatch window).
    striped: bool,
    /// The story step's emphasis, by address (one is made per step and never changed).
    highlight: Option<usize>,
    /// The part of the base layer's plane (screen points with the map's origin at 0) that hatching
    /// covers: three screens wide and high round the screen it was made for.
    hatch_window: Rect,
}

impl BaseKey {
    /// Whether the cached layer still holds, checked without allocating.
    /// `held`: flying, when the layer holds wherever the view has gone.
    fn matches(&self, generation: u64, scale: f32, ppp: f32, input: &SceneInput<'_>, seen: Rect, held: bool) -> bool {
        self.generation == generation
            && self.scale == scale
            && self.pixels_per_point == ppp
            && self.control == input.control
            && self.cells == input.cells
            && self.layers == input.options.layers
            && self.hatched == input.options.hatched
            && self.hatched_cells == input.options.hatched_cells
            && self.selected_region == input.options.selected_region
            && self.taken == input.taken.map(|t| t.since)
            && self.highlight == highlight_id(input.options)
            && self.lines.len() == input.atlas.lines.len()
            && self.lines.iter().zip(&input.atlas.lines).all(|(&on, l)| on == l.applies_on(input.date))
            && self.roads.len() == input.atlas.land.roads.len()
            && self.roads.iter().zip(&input.atlas.land.roads).all(|(&on, r)| on == r.applies_on(input.date))
            && ((self.hatched.is_empty() && self.hatched_cells.is_empty() && !self.striped)
                || held
                || self.hatch_window.contains_rect(seen))
    }
}

/// How the layers are held while the camera flies.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Hold {
    /// As they were last made (their scale and placement), whatever the view.
    AsMade,
    /// Made at this scale (screen points per map km) round this map point.
    At(f32, Pos2),
}

/// The address of the options' emphasis, which a cache keys on.
fn highlight_id(options: &crate::scene::SceneOptions) -> Option<usize> {
    options.highlight.as_ref().map(|h| std::sync::Arc::as_ptr(h) as usize)
}

/// What the cached labels depend on.
#[derive(Clone, Debug, PartialEq)]
struct LabelsKey {
    generation: u64,
    scale: f32,
    pixels_per_point: f32,
    lang: crate::i18n::Lang,
    names: crate::scene::NameStyle,
    label_scale: f32,
    layers: crate::scene::MapLayers,
    highlighted: Option<crate::atlas::PlaceIdx>,
    /// Boxes kept clear (a presentation's title), in the plane.
    blocked: Vec<Rect>,
    /// The overlays whose features are labelled (by address: an overlay is never changed).
    overlays: Vec<usize>,
    /// The part of the plane the labels were placed for: three screens round the screen.
    window: Rect,
}

impl MapPainter {
    /// Paints the map of `input` for `view` into `rect`. `generation` changes whenever the atlas does.
    pub fn paint(&mut self, ui: &Ui, rect: Rect, input: &SceneInput<'_>, view: &crate::scene::View, generation: u64) {
        self.paint_held(ui, rect, input, view, generation, None);
    }

    /// Paints as [`Self::paint`] does, but while the camera flies (`hold`: the scale, screen
    /// points per map km, to make the layers at, and the map point whose screen they are made
    /// round) the cached layers are not made again for each new zoom: they are made at `hold`
    /// when their content changes, and stretched to the view.
    /// A flight thus costs a copy of the meshes a frame, not their tessellation; the first frame
    /// after it makes them afresh at the zoom it arrived at.
    pub fn paint_held(
        &mut self,
        ui: &Ui,
        rect: Rect,
        input: &SceneInput<'_>,
        view: &crate::scene::View,
        generation: u64,
        hold: Option<Hold>,
    ) {
        let t = ScreenTransform::for_view(view, rect, input.geometry.bounds);
        let ppp = ui.ctx().pixels_per_point();
        // The scale the layers are made at, and where the map's origin lands on screen at it.
        let made = match (hold, &self.key, self.made_offset) {
            (None, ..) => t,
            (Some(Hold::At(scale, centre)), ..) => {
                ScreenTransform { scale, offset: rect.center().to_vec2() - centre.to_vec2() * scale }
            }
            (Some(Hold::AsMade), Some(key), Some(offset)) => ScreenTransform { scale: key.scale, offset },
            (Some(Hold::AsMade), ..) => t,
        };
        let scale = made.scale;
        // The screen in the base layer's plane, where the map's origin is at 0.
        let seen = rect.translate(-made.offset);
        let held = hold.is_some();
        if !self.key.as_ref().is_some_and(|k| k.matches(generation, scale, ppp, input, seen, held)) {
            let hatch_window = seen.expand2(seen.size());
            self.rebuild(ui, input, scale, ppp, hatch_window);
            self.key = Some(BaseKey {
                generation,
                scale,
                pixels_per_point: ppp,
                control: input.control.to_vec(),
                cells: input.cells.to_vec(),
                lines: input.atlas.lines.iter().map(|l| l.applies_on(input.date)).collect(),
                roads: input.atlas.land.roads.iter().map(|r| r.applies_on(input.date)).collect(),
                layers: input.options.layers,
                hatched: input.options.hatched.clone(),
                hatched_cells: input.options.hatched_cells.clone(),
                selected_region: input.options.selected_region,
                taken: input.taken.map(|t| t.since),
                striped: input.cells.iter().any(|(_, s)| {
                    matches!(s, crate::atlas::ControlStatus::Claimed | crate::atlas::ControlStatus::Disputed)
                }),
                hatch_window,
                highlight: highlight_id(input.options),
            });
        }
        let o = input.options;
        let blocked: Vec<Rect> = o.blocked.iter().map(|b| b.translate(-made.offset)).collect();
        let overlay_ids: Vec<usize> = o.overlays.iter().map(|o| std::sync::Arc::as_ptr(o) as usize).collect();
        let labels_hold = self.labels_key.as_ref().is_some_and(|k| {
            k.generation == generation
                && (k.scale == scale || held)
                && k.pixels_per_point == ppp
                && k.lang == o.lang
                && k.names == o.names
                && k.label_scale == o.label_scale
                && k.layers == o.layers
                && k.highlighted == o.highlighted_place
                && (k.blocked == blocked || held)
                && k.overlays == overlay_ids
                && (k.window.contains_rect(seen) || held)
        }) && self.labels.fit_font_atlas(ui.ctx().fonts(|f| f.font_image_size()));
        // Flying, the labels are not drawn (a stretched label reads as a blur), so not placed.
        if !labels_hold && !held {
            let window = seen.expand2(seen.size());
            let mut plane_options = o.clone();
            plane_options.blocked = blocked.clone();
            let plane_input = SceneInput { options: &plane_options, ..*input };
            let labels = frame_labels(&plane_input, scale, seen);
            self.labels = MeshChunks::tessellate(ui.ctx(), &spatially_ordered(&labels, seen.size()), ppp);
            self.label_boxes = labels.placed;
            self.dots = labels.dots;
            self.label_rebuilds += 1;
            self.labels_key = Some(LabelsKey {
                generation,
                scale,
                pixels_per_point: ppp,
                lang: o.lang,
                names: o.names,
                label_scale: o.label_scale,
                layers: o.layers,
                highlighted: o.highlighted_place,
                blocked,
                overlays: overlay_ids,
                window,
            });
        }
        if !self.dots_key.as_ref().is_some_and(|(n, places)| *n == self.label_rebuilds && places == input.places) {
            let dots = compose_dots(input, &self.dots, egui::Vec2::ZERO);
            self.dots_mesh = MeshChunks::tessellate(ui.ctx(), &dots, ppp);
            self.dots_rebuilds += 1;
            self.dots_key = Some((self.label_rebuilds, input.places.to_vec()));
        }
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, input.style.water);
        self.made_offset = Some(made.offset);
        // The layers stay in their plane; egui puts the chunks the screen shows where the view
        // puts them, stretched while flying (made at another zoom).
        let screen_from_plane = TSTransform::new(t.offset, t.scale / scale);
        self.ground.paint(&painter, screen_from_plane);
        if let (Some((plane_rect, tinted)), Some(relief)) = (self.relief_rect, &input.geometry.land.relief) {
            let texture = self.relief_texture(ui, relief, tinted, generation);
            let uv = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
            painter.image(texture, screen_from_plane * plane_rect, uv, Color32::WHITE);
        }
        self.over.paint(&painter, screen_from_plane);
        self.dots_mesh.paint(&painter, screen_from_plane);
        // Flying, the labels are not drawn (a stretched label reads as a blur).
        if !held {
            self.labels.paint(&painter, screen_from_plane);
        }
        let live = compose_live(input, view, rect);
        painter.extend(to_shapes(painter.ctx(), &live));
    }

    /// The texts of the labels wholly inside `frame` (screen points) as last painted: what the
    /// reader sees whole, which an export of the same view shows (tests hold the two together).
    pub fn labels_inside(&self, frame: Rect) -> Vec<String> {
        let Some(offset) = self.made_offset else { return Vec::new() };
        self.label_boxes
            .iter()
            .filter(|l| frame.contains_rect(l.rect.translate(offset)))
            .map(|l| l.text.clone())
            .collect()
    }

    /// The relief's texture, uploaded on first use for an atlas and look.
    fn relief_texture(
        &mut self,
        ui: &Ui,
        relief: &crate::scene::Relief,
        tinted: bool,
        generation: u64,
    ) -> egui::TextureId {
        if let Some((g, t, handle)) = &self.relief_texture
            && *g == generation
            && *t == tinted
        {
            return handle.id();
        }
        let image = relief.image(tinted);
        let colour = egui::ColorImage::from_rgba_unmultiplied(image.size, &image.rgba);
        let handle = ui.ctx().load_texture("relief", colour, egui::TextureOptions::LINEAR);
        let id = handle.id();
        self.relief_texture = Some((generation, tinted, handle));
        self.relief_uploads += 1;
        id
    }

    fn rebuild(&mut self, ui: &Ui, input: &SceneInput<'_>, scale: f32, ppp: f32, hatch_window: Rect) {
        let base = compose_base(input, ScreenTransform { scale, offset: egui::Vec2::ZERO }, hatch_window);
        let split = base.iter().position(|p| matches!(p, Primitive::Relief { .. }));
        self.relief_rect = split.and_then(|i| match base.get(i) {
            Some(Primitive::Relief { rect, tinted }) => Some((*rect, *tinted)),
            _ => None,
        });
        let (ground, over) = base.split_at(split.unwrap_or(0));
        self.ground = MeshChunks::tessellate(ui.ctx(), ground, ppp);
        self.over = MeshChunks::tessellate(ui.ctx(), over, ppp);
        self.rebuilds += 1;
    }
}

/// The labels' primitives with the labels in rows and columns of cells `cell` large, so that
/// each chunk of their mesh covers a small part of the map (labels never overlap, so their order
/// does not show). What comes before the first label (the peaks' symbols) stays first.
fn spatially_ordered(labels: &crate::scene::Labels, cell: egui::Vec2) -> Vec<Primitive> {
    let first = labels.placed.iter().map(|p| p.primitives.start).min().unwrap_or(labels.primitives.len());
    let mut out: Vec<Primitive> = labels.primitives.get(..first).unwrap_or_default().to_vec();
    let cell = cell.max(egui::vec2(1.0, 1.0));
    let mut order: Vec<&crate::scene::PlacedText> = labels.placed.iter().collect();
    order.sort_by_key(|p| {
        let c = p.rect.center();
        ((c.y / cell.y).floor() as i64, (c.x / cell.x).floor() as i64)
    });
    for p in order {
        out.extend(labels.primitives.get(p.primitives.clone()).unwrap_or_default().iter().cloned());
    }
    out
}

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
