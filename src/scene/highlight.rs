//! What a story's step is about, drawn as a map plate draws it: the regions and zones named keep
//! their colours under a strong outline while a pale veil mutes the rest of the map; the lines
//! named are drawn wider over a halo, and the places named are ringed.
//!
//! The veil (the atlas's surroundings less the areas named) is a boolean difference, made once
//! per step in [`Highlight::new`], and triangulated at every level of detail like any area; a
//! frame only transforms it.

use egui::{Color32, Pos2};
use geo::BooleanOps as _;

use super::{AreaShape, MapGeometry};
use crate::atlas::{Atlas, PlaceIdx, Target};

/// How strongly the veil mutes what is not named: white at this opacity.
pub const VEIL_ALPHA: u8 = 150;

/// A step's emphasis, prepared once for an atlas and a list of targets.
#[derive(Debug)]
pub struct Highlight {
    /// The targets it was made from (what a cache compares).
    pub targets: Vec<Target>,
    /// The map less the areas named, to veil; `None` when no area is named (then nothing is
    /// muted, and only the lines and places named are emphasised).
    pub veil: Option<AreaShape>,
    /// The outline of the areas named, merged (a region and its neighbour share no line).
    pub areas: Option<AreaShape>,
    /// The lines named, by index into the atlas's lines.
    pub lines: Vec<usize>,
    /// The places named.
    pub places: Vec<PlaceIdx>,
}

impl Highlight {
    /// Prepares the emphasis of `targets`; `None` when there is nothing to emphasise.
    pub fn new(atlas: &Atlas, geometry: &MapGeometry, targets: &[Target]) -> Option<Self> {
        if targets.is_empty() {
            return None;
        }
        let mut parts: Vec<&geo::MultiPolygon> = Vec::new();
        let (mut lines, mut places) = (Vec::new(), Vec::new());
        for &target in targets {
            match target {
                Target::Region(r) => parts.extend(atlas.regions.get(r.get()).map(|r| &r.geometry)),
                Target::Zone(z) => parts.extend(atlas.zones.get(z.get()).map(|z| &z.geometry)),
                Target::Line(l) if l < atlas.lines.len() => lines.push(l),
                Target::Place(p) if atlas.place(p).is_some() => places.push(p),
                _ => {}
            }
        }
        let (veil, areas) = if parts.is_empty() {
            (None, None)
        } else {
            let union = geo::unary_union(parts);
            let surroundings = surroundings(geometry);
            let veil = geo::MultiPolygon::new(vec![surroundings]).difference(&union);
            (Some(AreaShape::new(&veil, &geometry.projection)), Some(AreaShape::new(&union, &geometry.projection)))
        };
        Some(Self { targets: targets.to_vec(), veil, areas, lines, places })
    }
}

/// A rectangle in longitude and latitude that holds every view of the atlas: its extent three
/// times over each way (the farthest a view can be zoomed out and panned).
fn surroundings(geometry: &MapGeometry) -> geo::Polygon {
    let b = geometry.bounds;
    let far = b.expand2(b.size() * 1.5);
    let corners = [far.left_top(), far.right_top(), far.left_bottom(), far.right_bottom()];
    let lonlat: Vec<(f64, f64)> = corners.iter().map(|&p| geometry.projection.lonlat_from_map(p)).collect();
    let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for (x, y) in lonlat {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    // Kept on the globe, so that an atlas at the date line or a pole gets a valid rectangle.
    let (x0, x1) = (x0.max(-180.0), x1.min(180.0));
    let (y0, y1) = (y0.max(-89.0), y1.min(89.0));
    geo::Rect::new(geo::coord! { x: x0, y: y0 }, geo::coord! { x: x1, y: y1 }).to_polygon()
}

/// The emphasis drawn into `out` at the level of detail `lod`, with `to_screen` placing map
/// points: the veil, the areas' outline (a white halo under a dark red line), the lines (wide in
/// the highlight colour under their own), the places' rings.
pub fn compose_highlight(
    highlight: &Highlight,
    geometry: &MapGeometry,
    style: &super::Style,
    lod: usize,
    to_screen: &dyn Fn(Pos2) -> Pos2,
    out: &mut Vec<super::Primitive>,
) {
    use super::Primitive;
    if let Some(veil) = &highlight.veil {
        let level = veil.at(lod);
        out.push(Primitive::Area {
            vertices: level.vertices.iter().map(|&p| to_screen(p)).collect(),
            indices: level.indices.clone(),
            rings: level.rings.iter().map(|r| r.iter().map(|&p| to_screen(p)).collect()).collect(),
            colour: Color32::from_rgba_unmultiplied(255, 255, 255, VEIL_ALPHA),
        });
    }
    if let Some(areas) = &highlight.areas {
        for ring in &areas.at(lod).rings {
            let points: Vec<Pos2> = ring.iter().map(|&p| to_screen(p)).collect();
            out.push(Primitive::Polyline { points: points.clone(), width: 6.5, colour: Color32::WHITE, dash: None });
            out.push(Primitive::Polyline { points, width: 3.2, colour: style.highlight, dash: None });
        }
    }
    for &l in &highlight.lines {
        let Some(polylines) = geometry.lines.get(l) else { continue };
        for line in polylines.at(lod) {
            let points: Vec<Pos2> = line.iter().map(|&p| to_screen(p)).collect();
            out.push(Primitive::Polyline { points: points.clone(), width: 8.0, colour: Color32::WHITE, dash: None });
            out.push(Primitive::Polyline { points, width: 4.0, colour: style.highlight, dash: None });
        }
    }
    for &p in &highlight.places {
        let Some(&at) = geometry.places.get(p.get()) else { continue };
        out.push(Primitive::Circle {
            centre: to_screen(at),
            radius: 12.0,
            fill: Color32::TRANSPARENT,
            stroke_width: 3.0,
            stroke: style.highlight,
        });
    }
}
