//! The map's cached layers: made when what they show changes, kept between frames, and put on
//! screen by a transform. A story's next step can be made ahead, on another thread, while the
//! camera flies to it.

use std::sync::Arc;
use std::thread::JoinHandle;

use egui::{Color32, Pos2, Rect, Ui, emath::TSTransform};

use super::map_view::to_shapes;
use super::mesh_chunks::MeshChunks;
use crate::atlas::{ControlStatus, ControllerIdx, PlaceControl};
use crate::scene::{
    OwnedSceneInput, PlaceDot, PlacedText, Primitive, SceneInput, ScreenTransform, View, compose_base, compose_dots,
    compose_live, frame_labels,
};

/// Draws the map, keeping its layers tessellated between frames. The base layer (land, relief,
/// zones, water, roads, lines) is made again only when the atlas, the date's control, the dated
/// lines and roads, the comparison, the selection, the layers or the zoom change, or when panning
/// leaves the window that hatching was drawn for. The labels (places, symbols, names) are made
/// again only when the zoom, the naming or the layers change, or when panning leaves the window
/// they were placed for. The layers are kept in their plane, in chunks ([`MeshChunks`]): panning
/// and the stretching of a camera flight change only the transform egui puts them on screen with,
/// and egui copies only the chunks the screen shows. The relief is a texture uploaded once per
/// atlas and look.
///
/// [`Self::prepare`] makes the layers of a scene to come on another thread; when the window
/// reaches it, they are taken as they are instead of being made on the window's thread.
#[derive(Default)]
pub struct MapPainter {
    key: Option<BaseKey>,
    base: BaseLayer,
    labels_key: Option<LabelsKey>,
    labels: LabelLayer,
    /// Counts the label layers taken (made or prepared), which the dots follow.
    labels_taken: u64,
    /// The dots in the colours of the date: remade when control of a place, or the labels, change.
    dots_mesh: MeshChunks,
    dots_key: Option<(u64, Vec<Option<PlaceControl>>)>,
    relief_texture: Option<(u64, bool, egui::TextureHandle)>,
    /// Where the map's origin was put on screen, at the layers' own scale, when they were last
    /// painted (held while flying; the labels' boxes are read there).
    made_offset: Option<egui::Vec2>,
    /// The layers of a scene to come, being made or made.
    preparing: Option<Preparing>,
    /// How many times the base layer was made on the window's thread (for tests and benchmarks).
    pub rebuilds: u64,
    /// How many times the labels were placed on the window's thread (for tests and benchmarks).
    pub label_rebuilds: u64,
    /// How many layers (base or labels) made ahead were taken.
    pub prepared_taken: u64,
    /// How many times the relief image was uploaded as a texture.
    pub relief_uploads: u64,
}

/// The base layer, in its plane.
#[derive(Clone, Default)]
struct BaseLayer {
    /// Land under the relief.
    ground: MeshChunks,
    /// Everything over the relief.
    over: MeshChunks,
    /// Where the relief image lies, and whether it is tinted by height.
    relief_rect: Option<(Rect, bool)>,
}

impl BaseLayer {
    /// The base layer of `input` at `scale`, hatched within `hatch_window` (in the plane).
    fn make(ctx: &egui::Context, input: &SceneInput<'_>, scale: f32, ppp: f32, hatch_window: Rect) -> Self {
        let base = compose_base(input, ScreenTransform { scale, offset: egui::Vec2::ZERO }, hatch_window);
        let split = base.iter().position(|p| matches!(p, Primitive::Relief { .. }));
        let relief_rect = split.and_then(|i| match base.get(i) {
            Some(Primitive::Relief { rect, tinted }) => Some((*rect, *tinted)),
            _ => None,
        });
        let (ground, over) = base.split_at(split.unwrap_or(0));
        Self {
            ground: MeshChunks::tessellate(ctx, ground, ppp),
            over: MeshChunks::tessellate(ctx, over, ppp),
            relief_rect,
        }
    }
}

/// The labels, in their plane.
#[derive(Clone, Default)]
struct LabelLayer {
    mesh: MeshChunks,
    /// The places' dots where labels found room.
    dots: Vec<PlaceDot>,
    /// The labels that found room.
    boxes: Vec<PlacedText>,
}

impl LabelLayer {
    /// The labels of `input` (its blocked boxes in the plane) at `scale`, for the screen `seen`
    /// in the plane and round it.
    fn make(ctx: &egui::Context, input: &SceneInput<'_>, scale: f32, ppp: f32, seen: Rect) -> Self {
        let labels = frame_labels(input, scale, seen);
        Self {
            mesh: MeshChunks::tessellate(ctx, &spatially_ordered(&labels, seen.size()), ppp),
            dots: labels.dots,
            boxes: labels.placed,
        }
    }
}

/// The dots of `dots` in the colours of `input`'s date.
fn make_dots(ctx: &egui::Context, input: &SceneInput<'_>, dots: &[PlaceDot], ppp: f32) -> MeshChunks {
    MeshChunks::tessellate(ctx, &compose_dots(input, dots, egui::Vec2::ZERO), ppp)
}

#[derive(Clone, Debug, PartialEq)]
struct BaseKey {
    generation: u64,
    scale: f32,
    pixels_per_point: f32,
    control: Vec<ControllerIdx>,
    cells: Vec<(ControllerIdx, ControlStatus)>,
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
    /// The key of the base layer of `input` made at `scale` for the screen `seen` in the plane.
    fn new(generation: u64, scale: f32, ppp: f32, input: &SceneInput<'_>, seen: Rect) -> Self {
        Self {
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
            striped: input.cells.iter().any(|(_, s)| matches!(s, ControlStatus::Claimed | ControlStatus::Disputed)),
            hatch_window: seen.expand2(seen.size()),
            highlight: highlight_id(input.options),
        }
    }

    /// Whether the layer still holds, checked without allocating.
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
    options.highlight.as_ref().map(|h| Arc::as_ptr(h) as usize)
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

impl LabelsKey {
    /// The key of the labels of `input` (its blocked boxes in the plane) made at `scale` for the
    /// screen `seen` in the plane.
    fn new(generation: u64, scale: f32, ppp: f32, input: &SceneInput<'_>, seen: Rect) -> Self {
        let o = input.options;
        Self {
            generation,
            scale,
            pixels_per_point: ppp,
            lang: o.lang,
            names: o.names,
            label_scale: o.label_scale,
            layers: o.layers,
            highlighted: o.highlighted_place,
            blocked: o.blocked.clone(),
            overlays: o.overlays.iter().map(|o| Arc::as_ptr(o) as usize).collect(),
            window: seen.expand2(seen.size()),
        }
    }

    /// Whether labels made for this key serve `wanted` (the key of the labels wanted for the
    /// screen `seen`): the same in all but the window, which must hold the screen. `held`: flying,
    /// when the zoom, the boxes kept clear and the window do not matter (the labels are not drawn).
    fn serves(&self, wanted: &LabelsKey, seen: Rect, held: bool) -> bool {
        self.generation == wanted.generation
            && (self.scale == wanted.scale || held)
            && self.pixels_per_point == wanted.pixels_per_point
            && self.lang == wanted.lang
            && self.names == wanted.names
            && self.label_scale == wanted.label_scale
            && self.layers == wanted.layers
            && self.highlighted == wanted.highlighted
            && (self.blocked == wanted.blocked || held)
            && self.overlays == wanted.overlays
            && (self.window.contains_rect(seen) || held)
    }
}

/// The layers of a scene to come: their keys, known at once, and the layers, made on another
/// thread.
struct Preparing {
    base_key: BaseKey,
    labels_key: LabelsKey,
    /// Who holds each place in that scene (what its dots are coloured by).
    places: Vec<Option<PlaceControl>>,
    job: Option<JoinHandle<Prepared>>,
    done: Option<Prepared>,
}

/// The layers made ahead.
struct Prepared {
    base: Option<BaseLayer>,
    labels: Option<(LabelLayer, MeshChunks)>,
}

impl Preparing {
    /// The layers, waiting for the thread if it has not finished (it was started before: the
    /// wait is the rest of its work, never more than making them here). `None` if it failed.
    fn finished(&mut self) -> Option<&mut Prepared> {
        if let Some(job) = self.job.take() {
            self.done = job.join().ok();
        }
        self.done.as_mut()
    }
}

impl MapPainter {
    /// Paints the map of `input` for `view` into `rect`. `generation` changes whenever the atlas does.
    pub fn paint(&mut self, ui: &Ui, rect: Rect, input: &SceneInput<'_>, view: &View, generation: u64) {
        self.paint_held(ui, rect, input, view, generation, None);
    }

    /// Starts making, on another thread, the layers of `scene` as [`Self::paint`] would make them
    /// for `view` in `rect`: taken when the window paints that scene (a story's next step, made
    /// while the camera flies to it), or dropped.
    pub fn prepare(&mut self, ctx: &egui::Context, rect: Rect, scene: OwnedSceneInput, view: &View, generation: u64) {
        let t = ScreenTransform::for_view(view, rect, scene.geometry.bounds);
        let ppp = ctx.pixels_per_point();
        let seen = rect.translate(-t.offset);
        let mut scene = scene;
        scene.options.blocked = scene.options.blocked.iter().map(|b| b.translate(-t.offset)).collect();
        let input = scene.input();
        let base_key = BaseKey::new(generation, t.scale, ppp, &input, seen);
        let labels_key = LabelsKey::new(generation, t.scale, ppp, &input, seen);
        let places = scene.places.clone();
        let ctx = ctx.clone();
        let job = std::thread::Builder::new().name("map-ahead".into()).spawn(move || {
            let input = scene.input();
            let base = BaseLayer::make(&ctx, &input, t.scale, ppp, seen.expand2(seen.size()));
            let labels = LabelLayer::make(&ctx, &input, t.scale, ppp, seen);
            let dots = make_dots(&ctx, &input, &labels.dots, ppp);
            Prepared { base: Some(base), labels: Some((labels, dots)) }
        });
        // A thread that cannot start leaves the layers to be made when they are needed.
        self.preparing = job.ok().map(|job| Preparing { base_key, labels_key, places, job: Some(job), done: None });
    }

    /// Paints as [`Self::paint`] does, but while the camera flies (`hold`: the scale, screen
    /// points per map km, to make the layers at, and the map point whose screen they are made
    /// round) the cached layers are not made again for each new zoom: they are made at `hold`
    /// when their content changes (or taken from [`Self::prepare`]), and stretched to the view.
    /// A flight thus costs only egui's copy of what it shows.
    pub fn paint_held(
        &mut self,
        ui: &Ui,
        rect: Rect,
        input: &SceneInput<'_>,
        view: &View,
        generation: u64,
        hold: Option<Hold>,
    ) {
        let ctx = ui.ctx();
        let t = ScreenTransform::for_view(view, rect, input.geometry.bounds);
        let ppp = ctx.pixels_per_point();
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
        // The screen in the layers' plane, where the map's origin is at 0.
        let seen = rect.translate(-made.offset);
        let held = hold.is_some();
        if !self.key.as_ref().is_some_and(|k| k.matches(generation, scale, ppp, input, seen, held)) {
            let ahead =
                self.preparing.as_mut().filter(|p| p.base_key.matches(generation, scale, ppp, input, seen, held));
            if let Some(base) = ahead.and_then(|p| Some((p.base_key.clone(), p.finished()?.base.take()?))) {
                (self.key, self.base) = (Some(base.0), base.1);
                self.prepared_taken += 1;
            } else {
                self.base = BaseLayer::make(ctx, input, scale, ppp, seen.expand2(seen.size()));
                self.key = Some(BaseKey::new(generation, scale, ppp, input, seen));
                self.rebuilds += 1;
            }
        }
        // The labels, with the boxes they keep clear of in the plane.
        let mut plane_options = input.options.clone();
        plane_options.blocked = input.options.blocked.iter().map(|b| b.translate(-made.offset)).collect();
        let plane_input = SceneInput { options: &plane_options, ..*input };
        let wanted = LabelsKey::new(generation, scale, ppp, &plane_input, seen);
        let font_image_size = ctx.fonts(|f| f.font_image_size());
        let labels_hold = self.labels_key.as_ref().is_some_and(|k| k.serves(&wanted, seen, held))
            && self.labels.mesh.fit_font_atlas(font_image_size);
        // Flying, the labels are not drawn (a stretched label reads as a blur), so not placed.
        if !labels_hold && !held {
            let ahead = self.preparing.as_mut().filter(|p| p.labels_key.serves(&wanted, seen, false));
            let ahead = ahead.and_then(|p| {
                let places = p.places.clone();
                let (mut labels, dots) = p.finished()?.labels.take()?;
                // Made for the atlas as it was then, which may since have grown.
                labels.mesh.fit_font_atlas(font_image_size).then(|| (p.labels_key.clone(), places, labels, dots))
            });
            match ahead {
                Some((key, places, labels, dots)) => {
                    (self.labels_key, self.labels) = (Some(key), labels);
                    self.labels_taken += 1;
                    self.dots_mesh = dots;
                    self.dots_key = Some((self.labels_taken, places));
                    self.prepared_taken += 1;
                }
                _ => {
                    self.labels = LabelLayer::make(ctx, &plane_input, scale, ppp, seen);
                    self.labels_key = Some(wanted);
                    self.labels_taken += 1;
                    self.label_rebuilds += 1;
                }
            }
        }
        if !self.dots_key.as_ref().is_some_and(|(n, places)| *n == self.labels_taken && places == input.places) {
            self.dots_mesh = make_dots(ctx, input, &self.labels.dots, ppp);
            self.dots_key = Some((self.labels_taken, input.places.to_vec()));
        }
        // Arrived, what was made ahead is taken or no longer wanted.
        if !held {
            self.preparing = None;
        }
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, input.style.water);
        self.made_offset = Some(made.offset);
        // The layers stay in their plane; egui puts the chunks the screen shows where the view
        // puts them, stretched while flying (made at another zoom).
        let screen_from_plane = TSTransform::new(t.offset, t.scale / scale);
        self.base.ground.paint(&painter, screen_from_plane);
        if let (Some((plane_rect, tinted)), Some(relief)) = (self.base.relief_rect, &input.geometry.land.relief) {
            let texture = self.relief_texture(ui, relief, tinted, generation);
            let uv = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
            painter.image(texture, screen_from_plane * plane_rect, uv, Color32::WHITE);
        }
        self.base.over.paint(&painter, screen_from_plane);
        self.dots_mesh.paint(&painter, screen_from_plane);
        if !held {
            self.labels.mesh.paint(&painter, screen_from_plane);
        }
        let live = compose_live(input, view, rect);
        painter.extend(to_shapes(ctx, &live));
    }

    /// The texts of the labels wholly inside `frame` (screen points) as last painted: what the
    /// reader sees whole, which an export of the same view shows (tests hold the two together).
    pub fn labels_inside(&self, frame: Rect) -> Vec<String> {
        let Some(offset) = self.made_offset else { return Vec::new() };
        self.labels
            .boxes
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
}

/// The labels' primitives with the labels in rows and columns of cells `cell` large, so that
/// each chunk of their mesh covers a small part of the map (labels never overlap, so their order
/// does not show). What comes before the first label (the peaks' symbols) stays first.
fn spatially_ordered(labels: &crate::scene::Labels, cell: egui::Vec2) -> Vec<Primitive> {
    let first = labels.placed.iter().map(|p| p.primitives.start).min().unwrap_or(labels.primitives.len());
    let mut out: Vec<Primitive> = labels.primitives.get(..first).unwrap_or_default().to_vec();
    let cell = cell.max(egui::vec2(1.0, 1.0));
    let mut order: Vec<&PlacedText> = labels.placed.iter().collect();
    order.sort_by_key(|p| {
        let c = p.rect.center();
        ((c.y / cell.y).floor() as i64, (c.x / cell.x).floor() as i64)
    });
    for p in order {
        out.extend(labels.primitives.get(p.primitives.clone()).unwrap_or_default().iter().cloned());
    }
    out
}
