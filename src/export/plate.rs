//! A picture's scene and its layout: the scene for the date (with the event, the comparison and
//! the layers asked for), the furniture laid out first with the scene's own legend, and the map
//! fitted into the room the panels leave (a map plate), so that nothing of the atlas is covered.

use egui::{Color32, Rect, Vec2};

use super::{ExportOptions, canvas, furniture, picture_size, svg::SvgWriter};
use crate::atlas::{Atlas, ControlStatus, ControllerIdx, PlaceControl, Taken};
use crate::scene::{
    LegendEntry, MapGeometry, Primitive, SceneInput, SceneOptions, ScreenTransform, Style, View, compose_base,
    compose_dots, compose_live, frame_labels,
};

/// How far labels keep inside a picture's frame, in points.
pub const LABEL_MARGIN: f32 = 2.0;

/// The paper round a map plate.
const PAPER: Color32 = Color32::from_rgb(0xfb, 0xfa, 0xf7);

/// What a picture's scene is made of, owned.
struct Scene {
    style: Style,
    control: Vec<ControllerIdx>,
    places: Vec<Option<PlaceControl>>,
    cells: Vec<(ControllerIdx, ControlStatus)>,
    taken: Option<Taken>,
    options: SceneOptions,
}

impl Scene {
    fn new(atlas: &Atlas, geometry: &MapGeometry, options: &ExportOptions) -> Self {
        let style = Style::default();
        let control = atlas.control_at(options.date).unwrap_or_default();
        let places = atlas.place_control.all_at(options.date);
        let cells = atlas.cell_control(&control, &places);
        let event = options.event.and_then(|i| atlas.events.get(i));
        // What changed hands since (or until) the compared date: cells where the atlas has them.
        let (hatched, hatched_cells) = match options.compare {
            Some(other) if !cells.is_empty() => {
                let before = Taken::on(atlas, other, true).cells;
                (Vec::new(), crate::scene::hatching_cells(atlas, &style, &cells, &before))
            }
            Some(other) => {
                let (from, to) = (other.min(options.date), other.max(options.date));
                let changes = atlas.changes_between(from, to);
                (crate::scene::hatching(atlas, &style, &changes, other > options.date), Vec::new())
            }
            None => (Vec::new(), Vec::new()),
        };
        let scene_options = SceneOptions {
            lang: options.lang,
            names: options.names,
            layers: options.layers,
            hatched,
            hatched_cells,
            highlighted_place: event.and_then(|e| e.place),
            marked: event
                .filter(|e| e.place.is_none())
                .and_then(|e| e.position)
                .map(|p| geometry.projection.map_from_lonlat(p.x(), p.y())),
            overlays: options.overlays.clone(),
            ..Default::default()
        };
        let taken = if options.layers.taken { Taken::since_fighting_began(atlas, options.date) } else { None };
        Self { style, control, places, cells, taken, options: scene_options }
    }

    fn input<'a>(&'a self, atlas: &'a Atlas, geometry: &'a MapGeometry, date: jiff::civil::Date) -> SceneInput<'a> {
        SceneInput {
            atlas,
            geometry,
            style: &self.style,
            control: &self.control,
            places: &self.places,
            cells: &self.cells,
            date,
            taken: self.taken.as_ref(),
            options: &self.options,
        }
    }
}

/// Where things go on the page.
struct Layout {
    view: View,
    transform: ScreenTransform,
    /// The map's frame: the whole page when the reader chose the view.
    room: Rect,
    furniture: String,
    panels: Vec<Rect>,
}

fn layout(
    atlas: &Atlas,
    geometry: &MapGeometry,
    options: &ExportOptions,
    scene: &Scene,
    legend: &[LegendEntry],
) -> Layout {
    let (w, h) = picture_size(options);
    let screen = canvas(w, h);
    let view = options.view.unwrap_or_else(|| View::fit(geometry.bounds));
    let lay_out = |transform| {
        if options.map_only {
            return (String::new(), Vec::new());
        }
        let mut doc = SvgWriter::fragment();
        furniture::furniture(&mut doc, atlas, &scene.style, options, transform, legend, (w, h));
        doc.into_fragment()
    };
    let mut transform = ScreenTransform::for_view(&view, screen, geometry.bounds);
    let (mut markup, mut panels) = lay_out(transform);
    // The whole atlas is fitted into the room the panels leave, so that none of it is covered
    // (a view chosen by the reader is kept as it is); the furniture is then laid out again for
    // the scale bar of the new scale.
    let mut room = screen;
    if options.view.is_none() && !panels.is_empty() {
        room = furniture::map_room(screen, &panels);
        transform = ScreenTransform::for_view(&view, room, geometry.bounds);
        (markup, panels) = lay_out(transform);
    }
    Layout { view, transform, room, furniture: markup, panels }
}

fn legend_of(atlas: &Atlas, geometry: &MapGeometry, options: &ExportOptions, scene: &Scene) -> Vec<LegendEntry> {
    let input = scene.input(atlas, geometry, options.date);
    crate::scene::legend(&input, &atlas.area_by_controller(options.date), options.compare)
}

/// Where the map lies in the picture `options` asks for: its transform from map km to the
/// picture's points (the whole atlas fitted into its frame unless a view is given).
pub fn map_transform(atlas: &Atlas, geometry: &MapGeometry, options: &ExportOptions) -> ScreenTransform {
    let scene = Scene::new(atlas, geometry, options);
    let legend = legend_of(atlas, geometry, options, &scene);
    layout(atlas, geometry, options, &scene, &legend).transform
}

/// The picture as an SVG document.
pub(super) fn svg(atlas: &Atlas, geometry: &MapGeometry, options: &ExportOptions) -> String {
    let (w, h) = picture_size(options);
    let screen = canvas(w, h);
    let mut scene = Scene::new(atlas, geometry, options);
    // The furniture first, with the scene's legend, so that the map's labels keep clear of its panels.
    let legend = legend_of(atlas, geometry, options, &scene);
    let Layout { view, transform, room, furniture, panels } = layout(atlas, geometry, options, &scene, &legend);
    // Labels placed as the window places them (in the map's plane, round the frame), keeping
    // those wholly inside the frame: the same view gives the same labels on screen and here.
    scene.options.blocked = panels.iter().map(|r| r.expand(3.0).translate(-transform.offset)).collect();
    let input = scene.input(atlas, geometry, options.date);
    let mut primitives = compose_base(&input, transform, screen);
    let seen = room.translate(-transform.offset);
    let labels =
        frame_labels(&input, transform.scale, seen).inside(seen.shrink(LABEL_MARGIN)).translated(transform.offset);
    primitives.push(Primitive::Group("places"));
    primitives.extend(compose_dots(&input, &labels.dots, Vec2::ZERO));
    primitives.push(Primitive::Group("labels"));
    primitives.extend(labels.primitives);
    if !scene.options.overlays.is_empty() {
        primitives.push(Primitive::Group("overlays"));
        primitives.extend(crate::scene::compose_overlays(&scene.options.overlays, &geometry.projection, transform));
    }
    primitives.push(Primitive::Group("markers"));
    primitives.extend(compose_live(&input, &view, room));

    let mut doc = SvgWriter::new(w as f32, h as f32);
    doc.set_relief(geometry.land.relief.clone());
    doc.begin_group("background");
    // A map plate where the map was fitted into its room: the map in its frame, the furniture on
    // the paper round it.
    doc.rect(screen, if room == screen { scene.style.water } else { PAPER });
    doc.end_group();
    if room != screen {
        doc.clip_to(room, "map-frame");
        doc.rect(room, scene.style.water);
    }
    doc.primitives(&primitives);
    if room != screen {
        doc.end_clip();
        doc.frame(room, Color32::from_gray(120));
    }
    doc.raw(&furniture);
    doc.finish()
}
