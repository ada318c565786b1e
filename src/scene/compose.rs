//! The scene for a date and a view: everything the map shows, as screen-space primitives in
//! drawing order. The window paints them with egui; an export can draw the same list.

use egui::{Align2, Color32, Pos2, Rect, Vec2};

use super::labels::{LabelCandidate, place_labels};
use super::{MapGeometry, NameStyle, Style, View, place_label, region_label};
use crate::atlas::{Atlas, ContextKind, ControllerIdx, PlaceKind};

/// One thing to draw, in screen points.
#[derive(Clone, Debug)]
pub enum Primitive {
    /// Filled triangles of one colour.
    Mesh {
        vertices: Vec<Pos2>,
        indices: Vec<u32>,
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
}

#[derive(Clone, Debug, Default)]
pub struct Scene {
    pub background: Color32,
    pub primitives: Vec<Primitive>,
}

/// Composes the map for the control of a date (`control[zone]`), the lines valid on `date`, and
/// a view of `screen`. `measure` gives the size of a text at a font size (for label placement).
#[allow(clippy::too_many_arguments)]
pub fn compose(
    atlas: &Atlas,
    geometry: &MapGeometry,
    style: &Style,
    control: &[ControllerIdx],
    date: jiff::civil::Date,
    view: &View,
    screen: Rect,
    options: &SceneOptions,
    measure: impl Fn(&str, f32, bool) -> Vec2,
) -> Scene {
    let bounds = geometry.bounds;
    let scale = view.scale(screen, bounds);
    let to_screen = |p: Pos2| screen.center() + (p - view.centre) * scale;
    let visible = |r: Rect| {
        let r = Rect::from_min_max(to_screen(r.min), to_screen(r.max));
        r.intersects(screen)
    };
    let mut out = Vec::new();
    let fill = |out: &mut Vec<Primitive>, shape: &super::AreaShape, colour: Color32| {
        out.push(Primitive::Mesh {
            vertices: shape.vertices.iter().map(|&p| to_screen(p)).collect(),
            indices: shape.indices.clone(),
            colour,
        });
    };
    let outline = |out: &mut Vec<Primitive>, shape: &super::AreaShape, width: f32, colour: Color32, dash| {
        for ring in &shape.rings {
            out.push(Primitive::Polyline {
                points: ring.iter().map(|&p| to_screen(p)).collect(),
                width,
                colour,
                dash,
            });
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
        let colour = control
            .get(z)
            .and_then(|&c| atlas.controllers.get(c))
            .map_or(style.land, |c| style.zone_fill(c.colour));
        fill(&mut out, shape, colour);
    }
    if let Some(shape) = options.hovered_zone.and_then(|z| geometry.zones.get(z)) {
        fill(&mut out, shape, Color32::from_rgba_unmultiplied(255, 255, 255, 60));
    }
    // Lines of control: where neighbouring zones have different controllers. Dashed where either
    // zone's edges are only approximately known.
    for edge in &geometry.zone_edges {
        if control.get(edge.a) == control.get(edge.b) {
            continue;
        }
        let approximate = atlas.zones[edge.a].approximate || atlas.zones[edge.b].approximate;
        for line in &edge.polylines {
            let points: Vec<Pos2> = line.iter().map(|&p| to_screen(p)).collect();
            out.push(Primitive::Polyline {
                points: points.clone(),
                width: 3.2,
                colour: style.zone_edge,
                dash: None,
            });
            let dash = approximate.then_some((5.0, 3.5));
            out.push(Primitive::Polyline {
                points,
                width: 1.3,
                colour: style.control_edge,
                dash,
            });
        }
    }
    // Region outlines; the NKAO emphasised.
    for (region, shape) in atlas.regions.iter().zip(&geometry.regions) {
        if region.id != "nkao" {
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
        for points in polylines {
            let points: Vec<Pos2> = points.iter().map(|&p| to_screen(p)).collect();
            if let Some((width, colour)) = s.glow {
                out.push(Primitive::Polyline {
                    points: points.clone(),
                    width,
                    colour,
                    dash: None,
                });
            }
            out.push(Primitive::Polyline {
                points,
                width: s.width,
                colour: s.colour,
                dash: s.dash,
            });
        }
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
        let (radius, size) = style.place(place.kind, place.rank);
        let (fill, stroke) = match place.kind {
            PlaceKind::Capital => (Color32::WHITE, style.label),
            PlaceKind::Village | PlaceKind::Point => (Color32::from_rgb(0x55, 0x55, 0x55), Color32::WHITE),
            PlaceKind::Town => (style.label, Color32::WHITE),
        };
        out.push(Primitive::Circle {
            centre: at,
            radius,
            fill,
            stroke_width: 1.2,
            stroke,
        });
        if place.kind == PlaceKind::Capital {
            out.push(Primitive::Circle {
                centre: at,
                radius: 1.8,
                fill: style.label,
                stroke_width: 0.0,
                stroke,
            });
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
                size: 11.5,
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
                size: 14.0,
                centred: true,
                bold: false,
            });
        }
    }
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
    Scene {
        background: style.water,
        primitives: out,
    }
}
