//! The scene for a date and a view: everything the map shows, as screen-space primitives in
//! drawing order. The window paints them with egui; an export can draw the same list.

use egui::{Align2, Color32, Pos2, Rect, Vec2};

use super::labels::{LabelCandidate, place_labels};
use super::{MapGeometry, NameStyle, Style, View, place_label, region_label};
use crate::atlas::{Atlas, ContextKind, ControllerIdx, PlaceKind};

/// One thing to draw, in screen points.
#[derive(Clone, Debug)]
pub enum Primitive {
    /// A filled area of one colour: triangles for egui, and its rings (even-odd) for vector output.
    Mesh {
        vertices: Vec<Pos2>,
        indices: Vec<u32>,
        rings: Vec<Vec<Pos2>>,
        colour: Color32,
    },
    Polyline {
        points: Vec<Pos2>,
        width: f32,
        colour: Color32,
        dash: Option<(f32, f32)>,
    },
    Circle {
        centre: Pos2,
        radius: f32,
        fill: Color32,
        stroke_width: f32,
        stroke: Color32,
    },
    Text {
        pos: Pos2,
        align: Align2,
        text: String,
        size: f32,
        bold: bool,
        colour: Color32,
        halo: Color32,
    },
}

/// What the scene shows besides the date's control.
#[derive(Clone, Debug, Default)]
pub struct SceneOptions {
    pub lang: String,
    pub names: NameStyle,
    pub hovered_zone: Option<usize>,
    pub highlighted_place: Option<usize>,
    /// Zones to hatch, with the colour of the stripes: the zones that change hands between the
    /// date shown and a compared date, striped in the other date's colour.
    pub hatched: Vec<(usize, Color32)>,
    /// A region to outline (selected for its facts).
    pub selected_region: Option<usize>,
    /// Screen areas covered by something drawn over the map (a presentation's title): no labels there.
    pub blocked: Vec<Rect>,
    /// Label sizes are multiplied by this (presentation mode reads from the back of a room);
    /// 0 means 1.
    pub label_scale: f32,
}

#[derive(Clone, Debug, Default)]
pub struct Scene {
    pub background: Color32,
    pub primitives: Vec<Primitive>,
}

/// What a scene is composed from: the atlas, its cached geometry, the style, the control of every
/// zone on the date shown, the date (for the lines that apply) and the options.
pub struct SceneInput<'a> {
    pub atlas: &'a Atlas,
    pub geometry: &'a MapGeometry,
    pub style: &'a Style,
    pub control: &'a [ControllerIdx],
    pub date: jiff::civil::Date,
    pub options: &'a SceneOptions,
}

/// Maps map kilometres to screen points: `p * scale + offset`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScreenTransform {
    pub scale: f32,
    pub offset: Vec2,
}

impl ScreenTransform {
    pub fn for_view(view: &View, screen: Rect, bounds: Rect) -> Self {
        let scale = view.scale(screen, bounds);
        Self { scale, offset: screen.center().to_vec2() - view.centre.to_vec2() * scale }
    }

    pub fn apply(&self, p: Pos2) -> Pos2 {
        Pos2::new(p.x * self.scale, p.y * self.scale) + self.offset
    }
}

/// Composes the whole map for a view of `screen`: [`compose_base`] then [`compose_overlay`].
/// `measure` gives the size of a text at a font size (for label placement).
pub fn compose(input: &SceneInput<'_>, view: &View, screen: Rect, measure: impl Fn(&str, f32, bool) -> Vec2) -> Scene {
    let t = ScreenTransform::for_view(view, screen, input.geometry.bounds);
    let mut primitives = compose_base(input, t, Some(screen));
    primitives.extend(compose_overlay(input, view, screen, measure));
    Scene { background: input.style.water, primitives }
}

/// The part of the map that depends only on the data, the date and the zoom (not on panning):
/// land, zones, lines of control, hatching, outlines and dated lines. With `cull: None` nothing is
/// left out, so the result can be cached and moved as the user pans.
pub fn compose_base(input: &SceneInput<'_>, t: ScreenTransform, cull: Option<Rect>) -> Vec<Primitive> {
    let SceneInput { atlas, geometry, style, control, date, options } = *input;
    let lod = super::geometry::lod_for_scale(t.scale);
    let to_screen = |p: Pos2| t.apply(p);
    let visible =
        |r: Rect| cull.is_none_or(|screen| Rect::from_min_max(to_screen(r.min), to_screen(r.max)).intersects(screen));
    let mut out = Vec::new();
    let fill = |out: &mut Vec<Primitive>, shape: &super::AreaShape, colour: Color32| {
        let (vertices, indices, rings) = shape.at(lod);
        out.push(Primitive::Mesh {
            vertices: vertices.iter().map(|&p| to_screen(p)).collect(),
            indices: indices.to_vec(),
            rings: rings.iter().map(|r| r.iter().map(|&p| to_screen(p)).collect()).collect(),
            colour,
        });
    };
    let outline = |out: &mut Vec<Primitive>, shape: &super::AreaShape, width: f32, colour: Color32, dash| {
        for ring in shape.at(lod).2 {
            out.push(Primitive::Polyline { points: ring.iter().map(|&p| to_screen(p)).collect(), width, colour, dash });
        }
    };

    // Base map: land, then district edges for orientation.
    for (c, shape) in atlas.context.iter().zip(&geometry.context) {
        if c.kind == ContextKind::Country && visible(shape.bounds) {
            fill(&mut out, shape, style.land);
        }
    }
    for (c, shape) in atlas.context.iter().zip(&geometry.context) {
        if c.kind == ContextKind::District && visible(shape.bounds) {
            outline(&mut out, shape, 0.7, style.district_edge, None);
        }
    }
    // Zones in their controller's colour.
    for (z, shape) in geometry.zones.iter().enumerate() {
        if !visible(shape.bounds) {
            continue;
        }
        let colour =
            control.get(z).and_then(|&c| atlas.controllers.get(c)).map_or(style.land, |c| style.zone_fill(c.colour));
        fill(&mut out, shape, colour);
    }
    // Lines of control: where neighbouring zones have different controllers. Dashed where either
    // zone's edges are only approximately known.
    for edge in &geometry.zone_edges {
        if control.get(edge.a) == control.get(edge.b) {
            continue;
        }
        let approximate = atlas.zones[edge.a].approximate || atlas.zones[edge.b].approximate;
        for line in edge.at(lod) {
            let points: Vec<Pos2> = line.iter().map(|&p| to_screen(p)).collect();
            out.push(Primitive::Polyline { points: points.clone(), width: 3.2, colour: style.zone_edge, dash: None });
            let dash = approximate.then_some((5.0, 3.5));
            out.push(Primitive::Polyline { points, width: 1.3, colour: style.control_edge, dash });
        }
    }
    // Hatching of compared zones, with a strong outline.
    for &(z, colour) in &options.hatched {
        let Some(shape) = geometry.zones.get(z) else { continue };
        if !visible(shape.bounds) {
            continue;
        }
        let rings: Vec<Vec<Pos2>> = shape.at(lod).2.iter().map(|r| r.iter().map(|&p| to_screen(p)).collect()).collect();
        for (a, b) in hatch(&rings, 7.0) {
            out.push(Primitive::Polyline { points: vec![a, b], width: 2.6, colour, dash: None });
        }
        for ring in rings {
            out.push(Primitive::Polyline { points: ring, width: 2.4, colour: style.highlight, dash: None });
        }
    }
    if let Some(shape) = options.selected_region.and_then(|r| geometry.regions.get(r)) {
        outline(&mut out, shape, 5.0, Color32::from_rgba_unmultiplied(200, 16, 46, 110), None);
    }
    // Region outlines; the NKAO emphasised.
    for (region, shape) in atlas.regions.iter().zip(&geometry.regions) {
        if region.id != "nkao" && visible(shape.bounds) {
            outline(&mut out, shape, 1.1, style.region_edge, None);
        }
    }
    if let Some(i) = atlas.regions.iter().position(|r| r.id == "nkao") {
        outline(&mut out, &geometry.regions[i], 2.4, style.nkao_edge, None);
    }
    // Lines that apply on the date.
    for (line, polylines) in atlas.lines.iter().zip(&geometry.lines) {
        if !line.applies_on(date) {
            continue;
        }
        let s = style.line(line.kind);
        for points in polylines.at(lod) {
            let points: Vec<Pos2> = points.iter().map(|&p| to_screen(p)).collect();
            if let Some((width, colour)) = s.glow {
                out.push(Primitive::Polyline { points: points.clone(), width, colour, dash: None });
            }
            out.push(Primitive::Polyline { points, width: s.width, colour: s.colour, dash: s.dash });
        }
    }
    out
}

/// The part of the map drawn afresh each frame: the hovered zone, places and labels (label
/// placement depends on what is on screen).
pub fn compose_overlay(
    input: &SceneInput<'_>,
    view: &View,
    screen: Rect,
    measure: impl Fn(&str, f32, bool) -> Vec2,
) -> Vec<Primitive> {
    let SceneInput { atlas, geometry, style, options, .. } = *input;
    let t = ScreenTransform::for_view(view, screen, geometry.bounds);
    let to_screen = |p: Pos2| t.apply(p);
    let mut out = Vec::new();
    if let Some(shape) = options.hovered_zone.and_then(|z| geometry.zones.get(z)) {
        out.push(Primitive::Mesh {
            vertices: shape.vertices.iter().map(|&p| to_screen(p)).collect(),
            indices: shape.indices.clone(),
            rings: Vec::new(),
            colour: Color32::from_rgba_unmultiplied(255, 255, 255, 60),
        });
    }
    // Places and labels.
    let mut candidates = Vec::new();
    let mut dots = Vec::new();
    for (i, (place, &p)) in atlas.places.iter().zip(&geometry.places).enumerate() {
        let show = match place.rank {
            0..=2 => true,
            3 => view.zoom >= 1.6,
            _ => view.zoom >= 3.0,
        } || options.highlighted_place == Some(i);
        let at = to_screen(p);
        if !show || !screen.contains(at) {
            continue;
        }
        let scale = if options.label_scale > 0.0 { options.label_scale } else { 1.0 };
        let (radius, size) = style.place(place.kind, place.rank);
        let (radius, size) = (radius * scale.sqrt(), size * scale);
        let (fill, stroke) = match place.kind {
            PlaceKind::Capital => (Color32::WHITE, style.label),
            PlaceKind::Village | PlaceKind::Point => (Color32::from_rgb(0x55, 0x55, 0x55), Color32::WHITE),
            PlaceKind::Town => (style.label, Color32::WHITE),
        };
        out.push(Primitive::Circle { centre: at, radius, fill, stroke_width: 1.2, stroke });
        if place.kind == PlaceKind::Capital {
            out.push(Primitive::Circle { centre: at, radius: 1.8, fill: style.label, stroke_width: 0.0, stroke });
        }
        dots.push(Rect::from_center_size(at, Vec2::splat(radius * 2.0)));
        let highlighted = options.highlighted_place == Some(i);
        if highlighted {
            out.push(Primitive::Circle {
                centre: at,
                radius: 11.0,
                fill: Color32::TRANSPARENT,
                stroke_width: 2.5,
                stroke: style.highlight,
            });
        }
        candidates.push(LabelCandidate {
            text: place_label(place, options.names, &options.lang),
            anchor: at,
            priority: if highlighted { 0 } else { u32::from(place.rank) * 10 },
            size,
            centred: false,
            bold: place.rank <= 1 || highlighted,
        });
    }
    for (region, shape) in atlas.regions.iter().zip(&geometry.regions) {
        let at = to_screen(shape.anchor);
        if screen.contains(at) {
            candidates.push(LabelCandidate {
                text: region_label(region, &options.lang).to_uppercase(),
                anchor: at,
                priority: 25,
                size: 11.5 * if options.label_scale > 0.0 { options.label_scale } else { 1.0 },
                centred: true,
                bold: false,
            });
        }
    }
    for (c, shape) in atlas.context.iter().zip(&geometry.context) {
        let at = to_screen(shape.anchor);
        // Countries only, and not where the label would sit on the zones the atlas is about.
        if c.kind == ContextKind::Country && screen.contains(at) && geometry.zone_at(shape.anchor).is_none() {
            candidates.push(LabelCandidate {
                text: c.name.get(&options.lang).to_uppercase(),
                anchor: at,
                priority: 30,
                size: 14.0 * if options.label_scale > 0.0 { options.label_scale } else { 1.0 },
                centred: true,
                bold: false,
            });
        }
    }
    dots.extend(options.blocked.iter().copied());
    let placed = place_labels(candidates, screen.shrink(2.0), &dots, measure);
    for label in placed {
        let region = label.candidate.centred;
        out.push(Primitive::Text {
            pos: label.pos,
            align: label.align,
            text: label.candidate.text,
            size: label.candidate.size,
            bold: label.candidate.bold,
            colour: if region { style.region_label } else { style.label },
            halo: style.halo,
        });
    }
    out
}

/// Diagonal stripes inside the area bounded by `rings` (even-odd), `spacing` points apart: the
/// segments of the lines x − y = c that lie inside.
pub fn hatch(rings: &[Vec<Pos2>], spacing: f32) -> Vec<(Pos2, Pos2)> {
    let s = |p: Pos2| p.x - p.y;
    let (mut lo, mut hi) = (f32::INFINITY, f32::NEG_INFINITY);
    for p in rings.iter().flatten() {
        lo = lo.min(s(*p));
        hi = hi.max(s(*p));
    }
    let mut out = Vec::new();
    if !lo.is_finite() || hi - lo > 20_000.0 {
        return out;
    }
    let step = spacing * std::f32::consts::SQRT_2;
    let mut c = (lo / step).ceil() * step;
    let mut crossings: Vec<Pos2> = Vec::new();
    while c <= hi {
        crossings.clear();
        for ring in rings {
            for w in ring.windows(2) {
                let (p, q) = (w[0], w[1]);
                let (sp, sq) = (s(p) - c, s(q) - c);
                if (sp < 0.0) != (sq < 0.0) {
                    let t = sp / (sp - sq);
                    crossings.push(p + (q - p) * t);
                }
            }
        }
        crossings.sort_by(|a, b| (a.x + a.y).total_cmp(&(b.x + b.y)));
        for pair in crossings.chunks_exact(2) {
            out.push((pair[0], pair[1]));
        }
        c += step;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    #[test]
    fn hatching_stays_inside_a_square_with_a_hole() {
        let square = vec![pos2(0.0, 0.0), pos2(100.0, 0.0), pos2(100.0, 100.0), pos2(0.0, 100.0), pos2(0.0, 0.0)];
        let hole = vec![pos2(40.0, 40.0), pos2(60.0, 40.0), pos2(60.0, 60.0), pos2(40.0, 60.0), pos2(40.0, 40.0)];
        let stripes = hatch(&[square, hole], 10.0);
        assert!(stripes.len() > 10);
        for (a, b) in stripes {
            let m = a + (b - a) * 0.5;
            assert!((-0.01..=100.01).contains(&m.x) && (-0.01..=100.01).contains(&m.y));
            let in_hole = m.x > 40.5 && m.x < 59.5 && m.y > 40.5 && m.y < 59.5;
            assert!(!in_hole, "stripe through the hole at {m:?}");
        }
    }
}
