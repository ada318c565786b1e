//! The scene for a date and a view: everything the map shows, as screen-space primitives in
//! drawing order. The window paints them with egui; exports write the same list as SVG.
//!
//! It comes in three parts. [`compose_base`] depends only on the data, the date and the zoom, so
//! the window tessellates it once and moves it as the user pans; [`super::compose_labels`] (places,
//! symbols and every label) depends on the data, the zoom and the naming, and is cached the same
//! way; [`compose_live`] (the hovered zone, rings) is made each frame that is drawn.

use egui::{Align2, Color32, Pos2, Rect, Vec2};

use super::{MapGeometry, NameStyle, Style, View};
use crate::atlas::{Atlas, ContextKind, ControllerIdx, PlaceIdx, RegionIdx, ZoneChange, ZoneIdx};
use crate::i18n::Lang;

/// One thing to draw, in screen points.
#[derive(Clone, Debug)]
pub enum Primitive {
    /// A filled area of one colour: triangles for egui, and its rings (even-odd) for vector output.
    Area {
        /// Triangle corners.
        vertices: Vec<Pos2>,
        /// Three indices into `vertices` a triangle.
        indices: Vec<u32>,
        /// The outline rings (even-odd), for SVG; empty for a fill drawn only on screen.
        rings: Vec<Vec<Pos2>>,
        /// Fill colour.
        colour: Color32,
    },
    /// A line of several points.
    Polyline {
        /// The points, in order.
        points: Vec<Pos2>,
        /// Width in points.
        width: f32,
        /// Stroke colour.
        colour: Color32,
        /// Dash and gap lengths in points; `None` for solid.
        dash: Option<(f32, f32)>,
    },
    /// A dot.
    Circle {
        /// Centre.
        centre: Pos2,
        /// Radius in points.
        radius: f32,
        /// Fill colour.
        fill: Color32,
        /// Outline width in points.
        stroke_width: f32,
        /// Outline colour.
        stroke: Color32,
    },
    /// The relief image, stretched over `rect` (screen points): the atlas's hillshade.
    Relief {
        /// Where the image goes.
        rect: Rect,
        /// Tinted by height, or the plain hillshade.
        tinted: bool,
    },
    /// The start of a named layer of the picture ("relief", "zones", "front", "lines", "labels",
    /// …): vector output groups what follows under this name (`<g id="…">`), so that slide
    /// software and editors can select and restyle a layer; the window draws nothing for it.
    Group(&'static str),
    /// A label with a halo.
    Text {
        /// Where the text is anchored.
        pos: Pos2,
        /// How the text sits at `pos`.
        align: Align2,
        /// What it says.
        text: String,
        /// Font size in points.
        size: f32,
        /// In the bold face.
        bold: bool,
        /// Text colour.
        colour: Color32,
        /// Halo colour, drawn round the letters so they read over any fill.
        halo: Color32,
    },
}

impl Primitive {
    /// Moves the primitive by `by` (from one frame to another).
    pub fn translate(&mut self, by: Vec2) {
        match self {
            Self::Area { vertices, rings, .. } => {
                for p in vertices.iter_mut().chain(rings.iter_mut().flatten()) {
                    *p += by;
                }
            }
            Self::Polyline { points, .. } => points.iter_mut().for_each(|p| *p += by),
            Self::Circle { centre, .. } => *centre += by,
            Self::Relief { rect, .. } => *rect = rect.translate(by),
            Self::Group(_) => {}
            Self::Text { pos, .. } => *pos += by,
        }
    }
}

/// What the scene shows besides the date's control.
#[derive(Clone, Debug)]
pub struct SceneOptions {
    /// Language of labels.
    pub lang: Lang,
    /// Naming tradition of place labels.
    pub names: NameStyle,
    /// The zone under the pointer, lightened.
    pub hovered_zone: Option<usize>,
    /// A place ringed (the selected event's).
    pub highlighted_place: Option<PlaceIdx>,
    /// Zones to hatch, with the colour of the stripes: the zones that change hands between the
    /// date shown and a compared date, striped in the other date's colour (see [`hatching`]).
    pub hatched: Vec<(ZoneIdx, Color32)>,
    /// The same at the grain of the places' cells (by cell index), where the atlas has them: only
    /// the ground that changed hands is striped, not the whole of its zone (see [`hatching_cells`]).
    pub hatched_cells: Vec<(usize, Color32)>,
    /// A region to outline (selected for its facts).
    pub selected_region: Option<RegionIdx>,
    /// Screen areas covered by something drawn over the map (a presentation's title): no labels there.
    pub blocked: Vec<Rect>,
    /// Label sizes are multiplied by this (presentation mode reads from the back of a room).
    pub label_scale: f32,
    /// The optional layers shown.
    pub layers: super::MapLayers,
    /// A map point ringed: what the search found.
    pub marked: Option<Pos2>,
    /// Plain GeoJSON files drawn over the map (see [`super::compose_overlays`]).
    pub overlays: Vec<std::sync::Arc<crate::atlas::Overlay>>,
    /// What a story's step is about: emphasised, with the rest of the map muted.
    pub highlight: Option<std::sync::Arc<super::Highlight>>,
}

impl Default for SceneOptions {
    fn default() -> Self {
        Self {
            lang: Lang::En,
            names: NameStyle::International,
            hovered_zone: None,
            highlighted_place: None,
            hatched: Vec::new(),
            hatched_cells: Vec::new(),
            selected_region: None,
            blocked: Vec::new(),
            label_scale: 1.0,
            layers: super::MapLayers::default(),
            marked: None,
            overlays: Vec::new(),
            highlight: None,
        }
    }
}

/// What a scene is composed from: the atlas, its cached geometry, the style, the control of every
/// zone on the date shown, the date (for the lines that apply) and the options.
pub struct SceneInput<'a> {
    /// The atlas drawn.
    pub atlas: &'a Atlas,
    /// Its geometry, projected once.
    pub geometry: &'a MapGeometry,
    /// Colours and widths.
    pub style: &'a Style,
    /// The controller of every zone, indexed by zone.
    pub control: &'a [ControllerIdx],
    /// Who holds every place and on what that rests, indexed by place (empty: not known; places
    /// are then drawn without a side's colour).
    pub places: &'a [Option<crate::atlas::PlaceControl>],
    /// Who holds every cell of the ground and on what that rests, indexed by cell (empty: the
    /// zones are drawn instead).
    pub cells: &'a [(ControllerIdx, crate::atlas::ControlStatus)],
    /// The date shown (lines apply on some dates only).
    pub date: jiff::civil::Date,
    /// Who held the ground on an earlier day, for the layer of land taken since (drawn only when
    /// [`super::MapLayers::taken`] is on).
    pub taken: Option<&'a crate::atlas::Taken>,
    /// What else to show.
    pub options: &'a SceneOptions,
}

/// Maps map kilometres to screen points: `p * scale + offset`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScreenTransform {
    /// Screen points per map km.
    pub scale: f32,
    /// Where the map's origin lands on screen.
    pub offset: Vec2,
}

impl ScreenTransform {
    /// The transform that shows `view` of an atlas with `bounds` in the `screen` rectangle.
    pub fn for_view(view: &View, screen: Rect, bounds: Rect) -> Self {
        let scale = view.scale(screen, bounds);
        Self { scale, offset: screen.center().to_vec2() - view.centre.to_vec2() * scale }
    }

    /// The screen point of a map point.
    pub fn screen_from_map(&self, p: Pos2) -> Pos2 {
        Pos2::new(p.x * self.scale, p.y * self.scale) + self.offset
    }

    /// The map point under a screen point.
    pub fn map_from_screen(&self, p: Pos2) -> Pos2 {
        let scale = if self.scale.abs() > f32::EPSILON { self.scale } else { 1.0 };
        Pos2::new((p.x - self.offset.x) / scale, (p.y - self.offset.y) / scale)
    }
}

/// The stripes of a comparison: each changed zone in the colour it has on the other date.
pub fn hatching(atlas: &Atlas, style: &Style, changes: &[ZoneChange], other_is_later: bool) -> Vec<(ZoneIdx, Color32)> {
    changes
        .iter()
        .map(|c| {
            let other = if other_is_later { c.to } else { c.from };
            let colour = atlas.controller(other).map_or(Color32::GRAY, |k| style.controller(k.colour));
            (c.zone, colour)
        })
        .collect()
}

/// The stripes of a comparison at the grain of cells: each cell whose holder on the date shown
/// (`now`) differs from its holder on the other date (`other`), in the other date's colour.
pub fn hatching_cells(
    atlas: &Atlas,
    style: &Style,
    now: &[(ControllerIdx, crate::atlas::ControlStatus)],
    other: &[ControllerIdx],
) -> Vec<(usize, Color32)> {
    now.iter()
        .zip(other)
        .enumerate()
        .filter(|(_, ((a, _), b))| a != *b)
        .map(|(i, (_, b))| (i, atlas.controller(*b).map_or(Color32::GRAY, |k| style.controller(k.colour))))
        .collect()
}

/// The part of the map that depends only on the data, the date and the zoom (not on panning):
/// land, zones, lines of control, hatching, outlines and dated lines. Hatching is drawn only
/// within `hatch_window` (screen points), so a zone far larger than the screen costs no more than
/// the window; everything else is drawn whole, so the result can be cached and moved as the user
/// pans.
pub fn compose_base(input: &SceneInput<'_>, t: ScreenTransform, hatch_window: Rect) -> Vec<Primitive> {
    let SceneInput { atlas, geometry, style, control, date, options, .. } = *input;
    let lod = super::geometry::lod_for_scale(t.scale);
    let to_screen = |p: Pos2| t.screen_from_map(p);
    let mut out = Vec::new();
    let fill = |out: &mut Vec<Primitive>, shape: &super::AreaShape, colour: Color32| {
        let level = shape.at(lod);
        out.push(Primitive::Area {
            vertices: level.vertices.iter().map(|&p| to_screen(p)).collect(),
            indices: level.indices.clone(),
            rings: level.rings.iter().map(|r| r.iter().map(|&p| to_screen(p)).collect()).collect(),
            colour,
        });
    };
    let outline = |out: &mut Vec<Primitive>, shape: &super::AreaShape, width: f32, colour: Color32| {
        for ring in &shape.at(lod).rings {
            out.push(Primitive::Polyline {
                points: ring.iter().map(|&p| to_screen(p)).collect(),
                width,
                colour,
                dash: None,
            });
        }
    };

    // Base map: land, then district edges for orientation.
    out.push(Primitive::Group("land"));
    for (c, shape) in atlas.context.iter().zip(&geometry.context) {
        if c.kind == ContextKind::Country {
            fill(&mut out, shape, style.land);
        }
    }
    // The relief over the land, and the zones over it translucent, so the land reads through.
    let relief = match &geometry.land.relief {
        Some(r) if options.layers.relief => {
            out.push(Primitive::Group("relief"));
            let rect = Rect::from_two_pos(to_screen(r.rect.min), to_screen(r.rect.max));
            out.push(Primitive::Relief { rect, tinted: options.layers.tint });
            true
        }
        _ => false,
    };
    out.push(Primitive::Group("districts"));
    for (c, shape) in atlas.context.iter().zip(&geometry.context) {
        if c.kind == ContextKind::District {
            outline(&mut out, shape, 0.7, style.district_edge);
        }
    }
    // The ground in its holders' colours: cells where the atlas has them, else zones.
    out.push(Primitive::Group("zones"));
    super::ground::compose_ground(input, t, lod, relief, hatch_window, &mut out);
    let cells = input.cells;
    let by_cells = !cells.is_empty() && cells.len() == geometry.cells.len();
    out.push(Primitive::Group("water-and-roads"));
    super::land::compose_water_and_roads(input, t, lod, &mut out);
    out.push(Primitive::Group("front"));
    // Lines of control: where neighbouring cells (or zones) have different holders. Dashed where
    // either side rests on a claim only or is disputed, or where either zone's edges are only
    // approximately known.
    let edges = if by_cells { &geometry.cell_edges } else { &geometry.zone_edges };
    for edge in edges {
        let (holder, zone_of, claimed) = if by_cells {
            let cell = |i: usize| atlas.cells().get(i);
            let claim = |i: usize| {
                cells.get(i).is_some_and(|(_, s)| {
                    matches!(s, crate::atlas::ControlStatus::Claimed | crate::atlas::ControlStatus::Disputed)
                })
            };
            (
                [cells.get(edge.a).map(|c| c.0), cells.get(edge.b).map(|c| c.0)],
                [cell(edge.a).map(|c| c.zone.get()), cell(edge.b).map(|c| c.zone.get())],
                claim(edge.a) || claim(edge.b),
            )
        } else {
            ([control.get(edge.a).copied(), control.get(edge.b).copied()], [Some(edge.a), Some(edge.b)], false)
        };
        if holder[0] == holder[1] {
            continue;
        }
        let approximate = zone_of.iter().flatten().any(|&z| atlas.zones.get(z).is_some_and(|z| z.approximate));
        for line in edge.at(lod) {
            let points: Vec<Pos2> = line.iter().map(|&p| to_screen(p)).collect();
            out.push(Primitive::Polyline { points: points.clone(), width: 3.2, colour: style.zone_edge, dash: None });
            let dash = (approximate || claimed).then_some((5.0, 3.5));
            out.push(Primitive::Polyline { points, width: 1.3, colour: style.control_edge, dash });
        }
    }
    // Hatching of compared zones, with a strong outline.
    out.push(Primitive::Group("comparison"));
    if by_cells && !options.hatched_cells.is_empty() {
        compare_cells(input, t, hatch_window, &mut out);
    }
    for &(z, colour) in &options.hatched {
        let Some(shape) = geometry.zones.get(z.get()) else { continue };
        let rings: Vec<Vec<Pos2>> =
            shape.at(lod).rings.iter().map(|r| r.iter().map(|&p| to_screen(p)).collect()).collect();
        for (a, b) in hatch(&rings, 7.0, hatch_window) {
            out.push(Primitive::Polyline { points: vec![a, b], width: 2.6, colour, dash: None });
        }
        for ring in rings {
            out.push(Primitive::Polyline { points: ring, width: 2.4, colour: style.highlight, dash: None });
        }
    }
    if let Some(shape) = options.selected_region.and_then(|r| geometry.regions.get(r.get())) {
        outline(&mut out, shape, 5.0, style.selection);
    }
    // Region outlines; the regions the atlas is about emphasised.
    out.push(Primitive::Group("regions"));
    for (region, shape) in atlas.regions.iter().zip(&geometry.regions) {
        if !region.emphasis {
            outline(&mut out, shape, 1.1, style.region_edge);
        }
    }
    for (region, shape) in atlas.regions.iter().zip(&geometry.regions) {
        if region.emphasis {
            outline(&mut out, shape, 2.4, style.emphasis_edge);
        }
    }
    // Lines that apply on the date.
    out.push(Primitive::Group("lines"));
    for (line, polylines) in atlas.lines.iter().zip(&geometry.lines) {
        if !line.applies_on(date) {
            continue;
        }
        let s = style.line(line.kind);
        if line.kind == crate::atlas::LineKind::Checkpoint {
            for c in polylines.full().iter().filter_map(|points| points.first()) {
                out.extend(style.checkpoint_sign(to_screen(*c), 6.5));
            }
            continue;
        }
        for points in polylines.at(lod) {
            let points: Vec<Pos2> = points.iter().map(|&p| to_screen(p)).collect();
            if let Some((width, colour)) = s.glow {
                out.push(Primitive::Polyline { points: points.clone(), width, colour, dash: None });
            }
            out.push(Primitive::Polyline { points, width: s.width, colour: s.colour, dash: s.dash });
        }
    }
    if let Some(highlight) = &options.highlight {
        out.push(Primitive::Group("highlight"));
        super::highlight::compose_highlight(highlight, geometry, style, lod, &to_screen, &mut out);
    }
    out
}

/// The part of the map drawn afresh each frame: the hovered zone and the rings round what is
/// pointed out (the selected event's place, what the search found).
pub fn compose_live(input: &SceneInput<'_>, view: &View, screen: Rect) -> Vec<Primitive> {
    let SceneInput { atlas, geometry, style, options, .. } = *input;
    let t = ScreenTransform::for_view(view, screen, geometry.bounds);
    let to_screen = |p: Pos2| t.screen_from_map(p);
    let mut out = Vec::new();
    if let Some(shape) = options.hovered_zone.and_then(|z| geometry.zones.get(z)) {
        let full = shape.full();
        out.push(Primitive::Area {
            vertices: full.vertices.iter().map(|&p| to_screen(p)).collect(),
            indices: full.indices.clone(),
            rings: Vec::new(),
            colour: style.hover,
        });
    }
    // The events of the last weeks at their places, as diamonds by kind.
    for (_, at) in event_markers(input) {
        let e = at.0;
        let c = to_screen(at.1);
        let r = 5.5 * options.label_scale.sqrt();
        let diamond =
            vec![c + Vec2::new(0.0, -r), c + Vec2::new(r, 0.0), c + Vec2::new(0.0, r), c + Vec2::new(-r, 0.0)];
        let mut ring = diamond.clone();
        ring.extend(diamond.first().copied());
        out.push(Primitive::Area {
            vertices: diamond,
            indices: vec![0, 1, 2, 0, 2, 3],
            rings: vec![ring.clone()],
            colour: style.event_marker(&e.kind),
        });
        out.push(Primitive::Polyline { points: ring, width: 1.2, colour: Color32::WHITE, dash: None });
    }
    let highlighted = options.highlighted_place.and_then(|i| atlas.place(i).and(geometry.places.get(i.get())));
    for at in highlighted.into_iter().chain(options.marked.as_ref()) {
        out.push(Primitive::Circle {
            centre: to_screen(*at),
            radius: 11.0 * options.label_scale.sqrt(),
            fill: Color32::TRANSPARENT,
            stroke_width: 2.5,
            stroke: style.highlight,
        });
    }
    out
}

/// The cells that changed hands between the two dates compared, striped in their colour on the
/// other date (cells of one colour together, so stripes run on across them), and outlined where
/// they meet ground that did not change hands.
fn compare_cells(input: &SceneInput<'_>, t: ScreenTransform, hatch_window: Rect, out: &mut Vec<Primitive>) {
    let SceneInput { geometry, style, options, .. } = *input;
    let to_screen = |p: Pos2| t.screen_from_map(p);
    let mut by_colour: Vec<(Color32, Vec<Vec<Pos2>>)> = Vec::new();
    let mut changed = vec![false; geometry.cells.len()];
    for &(cell, colour) in &options.hatched_cells {
        let Some(shape) = geometry.cells.get(cell) else { continue };
        if let Some(c) = changed.get_mut(cell) {
            *c = true;
        }
        let rings = shape.full().rings.iter().map(|r| r.iter().map(|&p| to_screen(p)).collect::<Vec<_>>());
        match by_colour.iter_mut().find(|(c, _)| *c == colour) {
            Some((_, all)) => all.extend(rings),
            None => by_colour.push((colour, rings.collect())),
        }
    }
    for (colour, rings) in &by_colour {
        for (a, b) in hatch(rings, 7.0, hatch_window) {
            out.push(Primitive::Polyline { points: vec![a, b], width: 2.6, colour: *colour, dash: None });
        }
    }
    let is_changed = |i: usize| changed.get(i).copied().unwrap_or(false);
    for edge in geometry.cell_edges.iter().filter(|e| is_changed(e.a) != is_changed(e.b)) {
        for line in edge.lines.full() {
            let points = line.iter().map(|&p| to_screen(p)).collect();
            out.push(Primitive::Polyline { points, width: 2.4, colour: style.highlight, dash: None });
        }
    }
}

/// How long an event stays on the map after it happened (or ended), in days.
pub const EVENT_MARKER_DAYS: i64 = 30;

/// The events shown on the map on the date: those that happened in the last
/// [`EVENT_MARKER_DAYS`] (or are going on), at a place or position of their own, not off the map;
/// each with its index and where it is (map km).
pub fn event_markers<'a>(input: &SceneInput<'a>) -> Vec<(usize, (&'a crate::atlas::Event, Pos2))> {
    let SceneInput { atlas, geometry, date, .. } = *input;
    let Some(from) = date.checked_sub(jiff::Span::new().days(EVENT_MARKER_DAYS)).ok() else { return Vec::new() };
    atlas
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.offmap && e.date <= date && e.end.unwrap_or(e.date) >= from)
        .filter_map(|(i, e)| {
            let at = match (e.place, e.position) {
                (Some(p), _) => geometry.places.get(p.get()).copied(),
                (None, Some(p)) => Some(geometry.projection.map_from_lonlat(p.x(), p.y())),
                _ => None,
            }?;
            Some((i, (e, at)))
        })
        .collect()
}

/// Diagonal stripes inside the area bounded by `rings` (even-odd), `spacing` points apart, within
/// `window`: the segments of the lines x − y = c that lie inside. Only lines that cross the window
/// are computed, so their number is bounded by the window's size, not the area's.
pub fn hatch(rings: &[Vec<Pos2>], spacing: f32, window: Rect) -> Vec<(Pos2, Pos2)> {
    let s = |p: Pos2| p.x - p.y;
    let (mut lo, mut hi) = (f32::INFINITY, f32::NEG_INFINITY);
    for p in rings.iter().flatten() {
        lo = lo.min(s(*p));
        hi = hi.max(s(*p));
    }
    // The window's own range of x − y: its bottom-left and top-right corners.
    lo = lo.max(window.min.x - window.max.y);
    hi = hi.min(window.max.x - window.min.y);
    let mut out = Vec::new();
    let step = spacing.max(0.5) * std::f32::consts::SQRT_2;
    if !lo.is_finite() || !hi.is_finite() || hi < lo {
        return out;
    }
    // The stripes' lines, each as far along as the one before plus a step (as they were always
    // drawn); then each edge meets only the lines within its own range, so that the work is the
    // edges and the crossings, not the edges times the lines.
    let mut lines: Vec<f32> = Vec::new();
    let mut c = (lo / step).ceil() * step;
    while c <= hi {
        lines.push(c);
        c += step;
    }
    let mut crossings: Vec<Vec<Pos2>> = vec![Vec::new(); lines.len()];
    for ring in rings {
        for w in ring.windows(2) {
            let &[p, q] = w else { continue };
            let (a, b) = (s(p).min(s(q)), s(p).max(s(q)));
            // The lines c with a < c <= b: where s − c changes sign along the edge.
            let first = lines.partition_point(|&c| c <= a);
            let end = lines.partition_point(|&c| c <= b);
            for (c, on_line) in lines.iter().zip(crossings.iter_mut()).take(end).skip(first) {
                let (sp, sq) = (s(p) - c, s(q) - c);
                let t = sp / (sp - sq);
                on_line.push(p + (q - p) * t);
            }
        }
    }
    for on_line in &mut crossings {
        on_line.sort_by(|a, b| (a.x + a.y).total_cmp(&(b.x + b.y)));
        for pair in on_line.chunks_exact(2) {
            if let &[a, b] = pair {
                out.push((a, b));
            }
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use egui::pos2;

    use super::*;

    #[test]
    fn hatching_stays_inside_a_square_with_a_hole() {
        let square = vec![pos2(0.0, 0.0), pos2(100.0, 0.0), pos2(100.0, 100.0), pos2(0.0, 100.0), pos2(0.0, 0.0)];
        let hole = vec![pos2(40.0, 40.0), pos2(60.0, 40.0), pos2(60.0, 60.0), pos2(40.0, 60.0), pos2(40.0, 40.0)];
        let everywhere = Rect::from_min_max(pos2(-1e4, -1e4), pos2(1e4, 1e4));
        let stripes = hatch(&[square, hole], 10.0, everywhere);
        assert!(stripes.len() > 10);
        for (a, b) in stripes {
            let m = a + (b - a) * 0.5;
            assert!((-0.01..=100.01).contains(&m.x) && (-0.01..=100.01).contains(&m.y));
            let in_hole = m.x > 40.5 && m.x < 59.5 && m.y > 40.5 && m.y < 59.5;
            assert!(!in_hole, "stripe through the hole at {m:?}");
        }
    }

    #[test]
    fn hatching_a_huge_area_costs_what_the_window_does() {
        // A square a million points wide, seen through a 1000-point window.
        let big = vec![pos2(-5e5, -5e5), pos2(5e5, -5e5), pos2(5e5, 5e5), pos2(-5e5, 5e5), pos2(-5e5, -5e5)];
        let window = Rect::from_min_size(Pos2::ZERO, egui::vec2(1000.0, 1000.0));
        let stripes = hatch(std::slice::from_ref(&big), 7.0, window);
        let most = (2000.0 / (7.0 * std::f32::consts::SQRT_2)) as usize + 2;
        assert!(!stripes.is_empty() && stripes.len() <= most, "{} stripes, at most {most}", stripes.len());
        assert!(hatch(&[big], 7.0, Rect::NOTHING).is_empty(), "an empty window: nothing");
    }

    #[test]
    fn the_screen_transform_round_trips() {
        let view = View { centre: pos2(10.0, -20.0), zoom: super::super::Zoom::new(3.0) };
        let screen = Rect::from_min_size(pos2(5.0, 7.0), egui::vec2(800.0, 600.0));
        let bounds = Rect::from_min_max(pos2(-100.0, -100.0), pos2(100.0, 100.0));
        let t = ScreenTransform::for_view(&view, screen, bounds);
        let p = pos2(33.0, 44.0);
        assert!((t.map_from_screen(t.screen_from_map(p)) - p).length() < 1e-3);
        assert_eq!(t.screen_from_map(view.centre), screen.center());
        assert!((t.screen_from_map(p) - view.screen_from_map(screen, bounds, p)).length() < 1e-3);
    }
}
