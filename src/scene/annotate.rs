//! Names on the map: places by rank as the zoom allows, regions and countries, rivers, lakes,
//! peaks and ranges, in the chosen naming style, placed without collisions. Depends on the data,
//! the zoom and the naming only, so the window places them once per zoom level and moves them
//! with the map as it pans.

use egui::{Color32, Pos2, Rect, Vec2, vec2};

use super::geometry::WaterGeometry;
use super::labels::{LabelCandidate, place_labels};
use super::{Primitive, SceneInput, ScreenTransform, names_label, place_label, region_label};
use crate::atlas::{ContextKind, HeightKind, PlaceKind};
use crate::i18n::thousands;

/// The smallest scale (screen points per map km) at which places of a rank are shown: the
/// capital and district centres always, villages as the map is zoomed in.
pub fn min_scale_for_rank(rank: u8) -> f32 {
    match rank {
        0..=2 => 0.0,
        3 => 4.5,
        4 => 8.0,
        5 => 14.0,
        _ => 24.0,
    }
}

/// The scale (screen points per km) from which every village's dot is drawn, named or not.
pub const VILLAGE_DOTS_SCALE: f32 = 5.0;

/// Spacing of repeated river names along their course, in screen points.
const RIVER_LABEL_SPACING: f32 = 420.0;

/// Places, symbols and labels for the transform `t`, considering only what falls inside `window`
/// (screen points) and placing labels inside `within`. `measure` gives a text's size.
pub fn compose_labels(
    input: &SceneInput<'_>,
    t: ScreenTransform,
    window: Rect,
    within: Rect,
    measure: impl Fn(&str, f32, bool) -> Vec2,
) -> Labels {
    let SceneInput { atlas, geometry, style, options, .. } = *input;
    let to_screen = |p: Pos2| t.screen_from_map(p);
    let scale = options.label_scale;
    let (lang, names) = (options.lang, options.names);
    let mut out = Vec::new();
    let mut candidates = Vec::new();
    let mut blocked: Vec<Rect> = options.blocked.clone();

    // Places: the capital's and towns' dots always; villages' dots from a middle zoom on, since
    // who holds each village is the map's information, and their names where there is room.
    // The dots themselves are drawn by [`compose_dots`], in the colour of who holds each place.
    let mut dots: Vec<PlaceDot> = Vec::new();

    // The reader's own overlays first: their labels before any of the map's, clear of their points.
    for l in super::overlay_labels(&options.overlays, &geometry.projection, t) {
        if !window.contains(l.anchor) {
            continue;
        }
        // A point is kept clear of every other label, though it may sit on a town's dot.
        if let Some(p) = l.point {
            blocked.push(Rect::from_center_size(p, Vec2::splat(super::OVERLAY_POINT_RADIUS * 2.0)));
        }
        let size = super::OVERLAY_LABEL_SIZE * scale;
        candidates.push(LabelCandidate::new(l.text, l.anchor, 0, size, Color32::from_gray(20)));
    }
    for (i, (place, &p)) in atlas.places.iter().zip(&geometry.places).enumerate() {
        let highlighted = options.highlighted_place.is_some_and(|h| h == i);
        let village = place.rank >= 4;
        let layer_on = options.layers.settlements || !village;
        let named = (t.scale >= min_scale_for_rank(place.rank) && layer_on) || highlighted;
        let dotted = named || (village && layer_on && t.scale >= VILLAGE_DOTS_SCALE);
        let at = to_screen(p);
        if !dotted || !window.contains(at) {
            continue;
        }
        let (radius, size) = style.place(place.kind, place.rank);
        let radius = if named { radius } else { radius * 0.75 } * scale.sqrt();
        let size = size * scale;
        dots.push(PlaceDot { place: crate::atlas::PlaceIdx::new(i), centre: at, radius });
        let dot = Rect::from_center_size(at, Vec2::splat(radius * 2.0 + 2.0));
        if !named {
            continue;
        }
        let mut c = LabelCandidate::new(
            place_label(place, names, lang),
            at,
            if highlighted { 0 } else { u32::from(place.rank) * 10 },
            size,
            if place.abandoned { style.abandoned } else { style.label },
        );
        c.bold = place.rank <= 1 || highlighted;
        if village && !highlighted {
            // A label keeps clear of its own dot; other labels may pass over a village's dot.
            c.symbol_rect = Some(dot);
        } else {
            c.dot_radius = radius;
            blocked.push(dot);
        }
        candidates.push(c);
    }

    // Regions and countries.
    for (region, shape) in atlas.regions.iter().zip(&geometry.regions) {
        let at = to_screen(shape.anchor);
        if window.contains(at) {
            let text = region_label(region, lang, names).to_uppercase();
            candidates.push(LabelCandidate {
                centred: true,
                ..LabelCandidate::new(text, at, 15, 11.5 * scale, style.region_label)
            });
        }
    }
    for (c, shape) in atlas.context.iter().zip(&geometry.context) {
        if c.kind != ContextKind::Country {
            continue;
        }
        let at = to_screen(c.label_at.map_or(shape.anchor, |p| geometry.projection.map_from_lonlat(p.x(), p.y())));
        // Without a label point, not on the zones the atlas is about.
        let clear = c.label_at.is_some() || geometry.zone_at(shape.anchor).is_none();
        if clear && window.contains(at) {
            let text = spaced(&c.name.get(lang.code()).to_uppercase());
            candidates.push(LabelCandidate {
                centred: true,
                ..LabelCandidate::new(text, at, 12, 14.0 * scale, style.region_label)
            });
        }
    }

    // Water.
    if options.layers.water {
        for (w, g) in atlas.land.water.iter().zip(&geometry.land.water) {
            let Some(text) = names_label(&w.names, names, lang) else { continue };
            let priority = 34 + u32::from(w.rank) * 4;
            let size = if w.rank <= 1 { 11.5 } else { 10.5 } * scale;
            let mut add = |at: Pos2, centred: bool| {
                if window.contains(at) {
                    candidates.push(LabelCandidate {
                        centred,
                        ..LabelCandidate::new(text.clone(), at, priority, size, style.water_label)
                    });
                }
            };
            match g {
                WaterGeometry::Area(shape) => add(to_screen(shape.anchor), true),
                WaterGeometry::Point(p) => add(to_screen(*p), false),
                WaterGeometry::Line(lines) => {
                    for line in lines.at(super::geometry::lod_for_scale(t.scale)) {
                        let points: Vec<Pos2> = line.iter().map(|&p| to_screen(p)).collect();
                        for at in points_along(&points, RIVER_LABEL_SPACING) {
                            add(at, false);
                        }
                    }
                }
            }
        }
    }

    // Heights: peaks as triangles with their height; ranges and plateaus as spaced names.
    if options.layers.heights {
        for (h, &p) in atlas.land.heights.iter().zip(&geometry.land.heights) {
            let at = to_screen(p);
            let Some(name) = names_label(&h.names, names, lang) else { continue };
            if !window.contains(at) {
                continue;
            }
            match h.kind {
                HeightKind::Peak => {
                    let r = 5.0 * scale.sqrt();
                    let tri = vec![at + vec2(0.0, -r), at + vec2(r * 0.9, r * 0.6), at + vec2(-r * 0.9, r * 0.6)];
                    let mut ring = tri.clone();
                    ring.extend(tri.first().copied());
                    out.push(Primitive::Area {
                        vertices: tri,
                        indices: vec![0, 1, 2],
                        rings: vec![ring.clone()],
                        colour: style.height,
                    });
                    out.push(Primitive::Polyline { points: ring, width: 1.0, colour: Color32::WHITE, dash: None });
                    blocked.push(Rect::from_center_size(at, Vec2::splat(r * 2.0)));
                    let text = match h.elevation_m {
                        Some(m) => format!("{name} {} m", thousands(m, lang)),
                        None => name,
                    };
                    candidates.push(LabelCandidate::new(text, at, 28, 10.5 * scale, style.height));
                }
                HeightKind::Range | HeightKind::Plateau => {
                    candidates.push(LabelCandidate {
                        centred: true,
                        ..LabelCandidate::new(spaced(&name.to_uppercase()), at, 32, 10.0 * scale, style.height)
                    });
                }
            }
        }
    }

    let mut placed = Vec::new();
    for label in place_labels(candidates, within, &blocked, measure) {
        let start = out.len();
        placed.push(PlacedText { text: label.candidate.text.clone(), rect: label.rect, primitives: start..start });
        out.extend(label.candidate.symbol);
        out.push(Primitive::Text {
            pos: label.pos,
            align: label.align,
            text: label.candidate.text,
            size: label.candidate.size,
            bold: label.candidate.bold,
            colour: label.candidate.colour,
            halo: style.halo,
        });
        if let Some(p) = placed.last_mut() {
            p.primitives.end = out.len();
        }
    }
    Labels { primitives: out, dots, placed }
}

/// The labels of a frame placed as the window places them: in the map's plane (no offset) at the
/// frame's `scale`, over the frame `seen` (in the plane) and a frame's width and height round it,
/// so that the map can pan without placing them again, and measured with the shipped fonts.
/// `input`'s blocked boxes are in the plane too. An export keeps those wholly inside its frame
/// ([`Labels::inside`]); the window draws them all, cut at its edge: the same view gives the
/// same labels in both.
pub fn frame_labels(input: &SceneInput<'_>, scale: f32, seen: Rect) -> Labels {
    let window = seen.expand2(seen.size());
    let plane = ScreenTransform { scale, offset: Vec2::ZERO };
    compose_labels(input, plane, window, window, crate::fonts::measure)
}

/// A label that found room: its text, its box, and its symbol and text in [`Labels::primitives`].
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedText {
    /// What it says.
    pub text: String,
    /// Its box, in the labels' frame.
    pub rect: Rect,
    /// Its symbol (if any) and text among the primitives.
    pub primitives: std::ops::Range<usize>,
}

/// A place's dot where its label found room (or which is always drawn), in the same frame as the
/// labels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlaceDot {
    /// The place.
    pub place: crate::atlas::PlaceIdx,
    /// Its centre.
    pub centre: Pos2,
    /// Its radius.
    pub radius: f32,
}

/// The labels of a view and the dots of the places they name.
#[derive(Clone, Debug, Default)]
pub struct Labels {
    /// Symbols and texts.
    pub primitives: Vec<Primitive>,
    /// The places' dots, drawn by [`compose_dots`].
    pub dots: Vec<PlaceDot>,
    /// The labels that found room, in order of importance.
    pub placed: Vec<PlacedText>,
}

impl Labels {
    /// Only the labels wholly inside `frame` (and every symbol not tied to a label, such as a
    /// peak's triangle), and the dots inside it: what a picture with an edge shows, where a
    /// window would show a label cut by its edge.
    pub fn inside(self, frame: Rect) -> Self {
        let Self { primitives, dots, placed } = self;
        let mut dropped = vec![false; primitives.len()];
        for p in placed.iter().filter(|p| !frame.contains_rect(p.rect)) {
            for d in dropped.get_mut(p.primitives.clone()).into_iter().flatten() {
                *d = true;
            }
        }
        let mut kept_primitives = Vec::with_capacity(primitives.len());
        let mut new_index = Vec::with_capacity(primitives.len());
        for (primitive, dropped) in primitives.into_iter().zip(dropped) {
            new_index.push(kept_primitives.len());
            if !dropped {
                kept_primitives.push(primitive);
            }
        }
        let index = |i: usize| new_index.get(i).copied().unwrap_or(kept_primitives.len());
        let placed = placed
            .into_iter()
            .filter(|p| frame.contains_rect(p.rect))
            .map(|p| PlacedText { primitives: index(p.primitives.start)..index(p.primitives.end), ..p })
            .collect();
        let dots = dots.into_iter().filter(|d| frame.contains(d.centre)).collect();
        Self { primitives: kept_primitives, dots, placed }
    }

    /// The labels moved by `by` (from the map's plane to a picture's frame).
    pub fn translated(mut self, by: Vec2) -> Self {
        for p in &mut self.primitives {
            p.translate(by);
        }
        for d in &mut self.dots {
            d.centre += by;
        }
        for p in &mut self.placed {
            p.rect = p.rect.translate(by);
        }
        self
    }
}

/// The places' dots in the colour of who holds each on the date, styled by what that rests on:
/// filled where held by its zone or confirmed, hollow (a ring in the claimant's colour) where
/// resting on one side's claim only, grey with that ring where the claim is disputed. Places the
/// atlas says nothing about are grey. Drawn under the labels, made afresh when control changes.
pub fn compose_dots(input: &SceneInput<'_>, dots: &[PlaceDot], offset: Vec2) -> Vec<Primitive> {
    use crate::atlas::ControlStatus;
    let SceneInput { atlas, style, places, .. } = *input;
    let mut out = Vec::with_capacity(dots.len() + 8);
    for d in dots {
        let Some(place) = atlas.place(d.place) else { continue };
        let centre = d.centre + offset;
        let held = places.get(d.place.get()).copied().flatten();
        let side = held.and_then(|h| atlas.controller(h.controller)).map(|c| style.controller(c.colour));
        let (fill, stroke_width, stroke) = match (held.map(|h| h.status), side) {
            _ if place.abandoned => (Color32::WHITE, 1.2, style.abandoned),
            (Some(ControlStatus::Claimed), Some(c)) => (Color32::WHITE, 2.2, c),
            (Some(ControlStatus::Disputed), Some(c)) => (style.disputed, 2.2, c),
            (Some(_), Some(c)) if place.kind == PlaceKind::Capital => (Color32::WHITE, 1.6, c),
            (Some(_), Some(c)) => (c, 1.2, Color32::WHITE),
            _ => match place.kind {
                PlaceKind::Capital => (Color32::WHITE, 1.2, style.label),
                PlaceKind::Village | PlaceKind::Point => (style.village, 1.2, Color32::WHITE),
                PlaceKind::Town => (style.label, 1.2, Color32::WHITE),
            },
        };
        out.push(Primitive::Circle { centre, radius: d.radius, fill, stroke_width, stroke });
        if place.kind == PlaceKind::Capital {
            let inner = side.unwrap_or(style.label);
            out.push(Primitive::Circle { centre, radius: 1.8, fill: inner, stroke_width: 0.0, stroke: inner });
        }
    }
    out
}

/// Letter-spaced capitals, as atlases set the names of countries and ranges ("A R M E N I A"):
/// thin spaces between letters, an em space between words (one character, so SVG, which folds
/// runs of spaces into one, keeps the words apart).
fn spaced(s: &str) -> String {
    let mut out = String::new();
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push('\u{2003}');
        }
        let letters: Vec<String> = word.chars().map(String::from).collect();
        out.push_str(&letters.join("\u{2009}"));
    }
    out
}

/// Points every `spacing` along a polyline, starting half a spacing in: where a river's name is
/// repeated, as on a printed map.
fn points_along(points: &[Pos2], spacing: f32) -> Vec<Pos2> {
    let mut out = Vec::new();
    let mut next = spacing / 2.0;
    let mut walked = 0.0;
    for w in points.windows(2) {
        let &[a, b] = w else { continue };
        let len = a.distance(b);
        while len > 0.0 && walked + len >= next {
            out.push(a + (b - a) * ((next - walked) / len));
            next += spacing;
            if out.len() > 10_000 {
                return out;
            }
        }
        walked += len;
    }
    out
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use egui::pos2;

    #[test]
    fn river_names_repeat_along_the_course() {
        let line = [pos2(0.0, 0.0), pos2(1000.0, 0.0), pos2(1000.0, 500.0)];
        let at = points_along(&line, 400.0);
        assert_eq!(at.len(), 4, "{at:?}");
        assert_eq!(at[0], pos2(200.0, 0.0));
        assert_eq!(at[2], pos2(1000.0, 0.0));
        assert!((at[3].y - 400.0).abs() < 1e-3);
    }

    #[test]
    fn villages_appear_as_the_map_is_zoomed_in() {
        assert_eq!(min_scale_for_rank(1), 0.0);
        assert!(min_scale_for_rank(3) < min_scale_for_rank(5));
        assert!(min_scale_for_rank(5) < min_scale_for_rank(7));
        assert_eq!(spaced("ARMENIA"), "A\u{2009}R\u{2009}M\u{2009}E\u{2009}N\u{2009}I\u{2009}A");
    }
}
