//! A picture's scene and its layout: the scene for the date (with the event, the comparison and
//! the layers asked for), the furniture laid out first with the scene's own legend, and the map
//! fitted into the room the panels leave (a map plate), so that nothing of the atlas is covered.

use egui::{Color32, Rect, Vec2};

use super::{ExportError, ExportOptions, canvas, furniture, picture_size, svg::SvgWriter};
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
            highlight: crate::scene::Highlight::new(atlas, geometry, &options.highlight).map(std::sync::Arc::new),
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

/// A picture's scene composed and laid out, ready to be written.
struct Plate {
    size: (u32, u32),
    screen: Rect,
    /// The map's frame.
    room: Rect,
    primitives: Vec<Primitive>,
    furniture: String,
    water: Color32,
    relief: Option<crate::scene::Relief>,
}

/// What of a plate a document holds: all of it, or the layers under the relief or over it (the
/// raster path draws the relief itself, between the two).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Whole,
    UnderRelief,
    OverRelief,
}

fn compose(atlas: &Atlas, geometry: &MapGeometry, options: &ExportOptions) -> Plate {
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
    primitives.push(Primitive::Group("markers"));
    primitives.extend(compose_live(&input, &view, room));
    // The reader's own features on top, as in the window.
    if !scene.options.overlays.is_empty() {
        primitives.push(Primitive::Group("overlays"));
        primitives.extend(crate::scene::compose_overlays(
            &scene.options.overlays,
            &geometry.projection,
            transform,
            screen,
        ));
    }
    Plate {
        size: (w, h),
        screen,
        room,
        primitives,
        furniture,
        water: scene.style.water,
        relief: geometry.land.relief.clone(),
    }
}

/// Writes `part` of the plate as an SVG document.
fn write(plate: &Plate, part: Part) -> String {
    let Plate { size: (w, h), screen, room, primitives, furniture, water, relief } = plate;
    let (screen, room) = (*screen, *room);
    let at_relief = primitives.iter().position(|p| matches!(p, Primitive::Relief { .. }));
    let primitives = match (part, at_relief) {
        (Part::UnderRelief, Some(i)) => primitives.get(..i).unwrap_or_default(),
        (Part::OverRelief, Some(i)) => primitives.get(i + 1..).unwrap_or_default(),
        (Part::UnderRelief, None) => primitives.as_slice(),
        (Part::OverRelief, None) => &[],
        (Part::Whole, _) => primitives.as_slice(),
    };
    let framed = room != screen;
    let mut doc = SvgWriter::new(*w as f32, *h as f32);
    doc.set_relief(relief.clone());
    if part != Part::OverRelief {
        doc.begin_group("background");
        // A map plate where the map was fitted into its room: the map in its frame, the
        // furniture on the paper round it.
        doc.rect(screen, if framed { PAPER } else { *water });
        doc.end_group();
    }
    if framed {
        doc.clip_to(room, "map-frame");
        if part != Part::OverRelief {
            doc.rect(room, *water);
        }
    }
    doc.primitives(primitives);
    if framed {
        doc.end_clip();
    }
    if part != Part::UnderRelief {
        if framed {
            doc.frame(room, Color32::from_gray(120));
        }
        doc.raw(furniture);
    }
    doc.finish()
}

/// The picture as an SVG document.
pub(super) fn svg(atlas: &Atlas, geometry: &MapGeometry, options: &ExportOptions) -> String {
    write(&compose(atlas, geometry, options), Part::Whole)
}

/// The picture as pixels: the same scene as [`svg`], but with the relief drawn straight into the
/// pixels (bilinear) between the layers under it and those over it, rather than embedded as an
/// image that the renderer would decode and resample again for every picture of a deck or frame
/// of an animation.
pub(super) fn raster(
    atlas: &Atlas,
    geometry: &MapGeometry,
    options: &ExportOptions,
) -> Result<resvg::tiny_skia::Pixmap, ExportError> {
    let plate = compose(atlas, geometry, options);
    let (w, h) = plate.size;
    let relief = plate.primitives.iter().find_map(|p| match p {
        Primitive::Relief { rect, tinted } => Some((*rect, *tinted)),
        _ => None,
    });
    let (Some((rect, tinted)), Some(image)) = (relief, &plate.relief) else {
        return super::png::render(&write(&plate, Part::Whole), w, h);
    };
    let mut pixmap = super::png::render(&write(&plate, Part::UnderRelief), w, h)?;
    draw_relief(&mut pixmap, &image.image(tinted), rect, plate.room);
    super::png::render_over(&write(&plate, Part::OverRelief), &mut pixmap)?;
    Ok(pixmap)
}

/// Draws the relief `image`, stretched over `rect` (points), into `pixmap` within `clip`:
/// sampled bilinearly at each pixel's centre and laid over what is there (its pixels are opaque
/// over land and clear elsewhere, so only its edge pixels blend).
fn draw_relief(pixmap: &mut resvg::tiny_skia::Pixmap, image: &crate::scene::ReliefImage, rect: Rect, clip: Rect) {
    let [iw, ih] = image.size;
    let (pw, ph) = (pixmap.width() as usize, pixmap.height() as usize);
    if iw == 0 || ih == 0 || image.rgba.len() < iw * ih * 4 || rect.width() <= 0.0 || rect.height() <= 0.0 {
        return;
    }
    let clip = clip.intersect(rect);
    let x0 = clip.min.x.floor().max(0.0) as usize;
    let x1 = (clip.max.x.ceil().max(0.0) as usize).min(pw);
    let y0 = clip.min.y.floor().max(0.0) as usize;
    let y1 = (clip.max.y.ceil().max(0.0) as usize).min(ph);
    let (sx, sy) = (iw as f32 / rect.width(), ih as f32 / rect.height());
    // For each column, the two source columns and the weight of the second (the same every row).
    let columns: Vec<(usize, usize, f32)> = (x0..x1)
        .map(|x| {
            let u = ((x as f32 + 0.5 - rect.min.x) * sx - 0.5).clamp(0.0, (iw - 1) as f32);
            let a = u.floor() as usize;
            (a, (a + 1).min(iw - 1), u - a as f32)
        })
        .collect();
    let src = &image.rgba;
    let data = pixmap.data_mut();
    for y in y0..y1 {
        let v = ((y as f32 + 0.5 - rect.min.y) * sy - 0.5).clamp(0.0, (ih - 1) as f32);
        let (r0, fy) = (v.floor() as usize, v - v.floor());
        let r1 = (r0 + 1).min(ih - 1);
        for (x, &(c0, c1, fx)) in (x0..x1).zip(&columns) {
            let texel = |r: usize, c: usize| {
                let k = (r * iw + c) * 4;
                src.get(k..k + 4).map_or([0.0; 4], |p| {
                    // Straight to premultiplied; the image's alpha is 0 or 255.
                    let a = f32::from(p[3]) / 255.0;
                    [f32::from(p[0]) * a, f32::from(p[1]) * a, f32::from(p[2]) * a, f32::from(p[3])]
                })
            };
            let (a, b, c, d) = (texel(r0, c0), texel(r0, c1), texel(r1, c0), texel(r1, c1));
            let k = (y * pw + x) * 4;
            let Some(dst) = data.get_mut(k..k + 4) else { continue };
            let mut out = [0.0f32; 4];
            for (i, o) in out.iter_mut().enumerate() {
                let top = a[i] + (b[i] - a[i]) * fx;
                let bottom = c[i] + (d[i] - c[i]) * fx;
                *o = top + (bottom - top) * fy;
            }
            let keep = 1.0 - out[3] / 255.0;
            if keep >= 1.0 {
                continue;
            }
            for (i, d) in dst.iter_mut().enumerate() {
                *d = (out[i] + f32::from(*d) * keep).round().clamp(0.0, 255.0) as u8;
            }
        }
    }
}
