//! The ground in its holders' colours: the cells of the places where the atlas has them, else the
//! zones; one area per holder and shade, so that translucent fills do not seam where pieces meet.
//! Three shades, as war maps draw them: held; taken since an earlier day (lighter); resting on
//! one side's claim only, or disputed (lighter, hatched in the claimant's colour).

use egui::{Color32, Pos2, Rect};

use super::{AreaShape, Primitive, SceneInput, ScreenTransform};
use crate::atlas::{ControlStatus, ControllerIdx};

/// How a piece of ground is shaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shade {
    Held,
    Taken,
    Claimed,
}

/// Spacing of the stripes over claimed ground, in screen points.
const CLAIM_STRIPES: f32 = 6.0;

/// Appends the ground's fills (and the stripes over claimed ground, within `hatch_window`) to
/// `out`. `relief` says whether the relief is drawn under them (the fills are then translucent,
/// and ground with no holder is left bare).
pub(super) fn compose_ground(
    input: &SceneInput<'_>,
    t: ScreenTransform,
    lod: usize,
    relief: bool,
    hatch_window: Rect,
    out: &mut Vec<Primitive>,
) {
    let SceneInput { atlas, geometry, style, control, cells, options, .. } = *input;
    let by_cells = !cells.is_empty() && cells.len() == geometry.cells.len();
    let taken = input.taken.filter(|_| options.layers.taken);
    let to_screen = |p: Pos2| t.screen_from_map(p);
    let colour_of = |c: Option<ControllerIdx>, shade: Shade| {
        let controller = c.and_then(|c| atlas.controller(c));
        let colour = match (controller, relief) {
            (Some(k), true) => style.zone_fill_over_relief(k.colour),
            (Some(k), false) => style.zone_fill(k.colour),
            (None, true) => return None,
            (None, false) => return Some(style.land),
        };
        Some(if shade == Shade::Held { colour } else { style.lighter(colour) })
    };
    // Each piece of ground with its holder and shade.
    let pieces: Vec<(&AreaShape, Option<ControllerIdx>, Shade)> = if by_cells {
        geometry
            .cells
            .iter()
            .zip(cells)
            .enumerate()
            .map(|(i, (shape, &(c, status)))| {
                let shade = if matches!(status, ControlStatus::Claimed | ControlStatus::Disputed) {
                    Shade::Claimed
                } else if taken.and_then(|t| t.cells.get(i)).is_some_and(|&before| before != c) {
                    Shade::Taken
                } else {
                    Shade::Held
                };
                (shape, Some(c), shade)
            })
            .collect()
    } else {
        geometry
            .zones
            .iter()
            .enumerate()
            .map(|(z, shape)| {
                let c = control.get(z).copied();
                let moved = taken.and_then(|t| t.zones.get(z)).is_some_and(|&before| Some(before) != c);
                (shape, c, if moved { Shade::Taken } else { Shade::Held })
            })
            .collect()
    };
    let mut merged: Vec<((Option<ControllerIdx>, Shade), Primitive)> = Vec::new();
    for (shape, c, shade) in pieces {
        let Some(colour) = colour_of(c, shade) else { continue };
        let level = shape.at(lod);
        let slot = match merged.iter().position(|(k, _)| *k == (c, shade)) {
            Some(i) => i,
            None => {
                let empty = Primitive::Area { vertices: Vec::new(), indices: Vec::new(), rings: Vec::new(), colour };
                merged.push(((c, shade), empty));
                merged.len() - 1
            }
        };
        if let Some((_, Primitive::Area { vertices, indices, rings, .. })) = merged.get_mut(slot) {
            let base = vertices.len() as u32;
            vertices.extend(level.vertices.iter().map(|&p| to_screen(p)));
            indices.extend(level.indices.iter().map(|&i| base + i));
            rings.extend(level.rings.iter().map(|r| r.iter().map(|&p| to_screen(p)).collect::<Vec<_>>()));
        }
    }
    // Stripes over the claimed ground, in the claimant's own colour.
    let mut stripes = Vec::new();
    for ((c, shade), area) in &merged {
        let (Shade::Claimed, Primitive::Area { rings, .. }) = (shade, area) else { continue };
        let colour = c.and_then(|c| atlas.controller(c)).map_or(Color32::GRAY, |k| style.controller(k.colour));
        for (a, b) in super::compose::hatch(rings, CLAIM_STRIPES, hatch_window) {
            stripes.push(Primitive::Polyline { points: vec![a, b], width: 1.4, colour, dash: None });
        }
    }
    out.extend(merged.into_iter().map(|(_, p)| p));
    out.extend(stripes);
}
