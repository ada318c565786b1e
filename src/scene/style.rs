//! Colours and line widths of the map, in one place: a calm base map under the zones' colours,
//! lines that stay crisp at every zoom (widths are in screen points, not map units).

use egui::{Color32, Pos2, Vec2};

use super::Primitive;
use crate::atlas::{LineKind, PlaceKind};

/// How a line is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineStyle {
    /// Width in points.
    pub width: f32,
    /// Stroke colour.
    pub colour: Color32,
    /// Dash and gap lengths in screen points; `None` for solid.
    pub dash: Option<(f32, f32)>,
    /// A wide, faint line drawn under the line to make it stand out (the Talish front).
    pub glow: Option<(f32, Color32)>,
}

/// Every colour of the map, passed to whatever draws it.
#[derive(Clone, Debug)]
pub struct Style {
    /// Behind everything: sea and lakes.
    pub water: Color32,
    /// Countries and zones with no controller.
    pub land: Color32,
    /// Outlines of context districts.
    pub district_edge: Color32,
    /// Halo under a line of control, so it reads over both colours.
    pub zone_edge: Color32,
    /// A line where control differs between two zones.
    pub control_edge: Color32,
    /// Outlines of regions.
    pub region_edge: Color32,
    /// Outline of the regions the atlas is about.
    pub emphasis_edge: Color32,
    /// Place labels and town dots.
    pub label: Color32,
    /// Region and country labels.
    pub region_label: Color32,
    /// Round the letters of labels.
    pub halo: Color32,
    /// A selected event's place, the outline of compared zones.
    pub highlight: Color32,
    /// The outline of the region whose facts are shown.
    pub selection: Color32,
    /// Over the zone under the pointer.
    pub hover: Color32,
    /// Dots of villages and points.
    pub village: Color32,
    /// How much of the controller's colour is mixed over the land (0–1).
    pub zone_opacity: f32,
    /// How opaque a controller's colour is over the relief: enough to tell the sides apart, little
    /// enough that valleys and ridges read through.
    pub zone_opacity_over_relief: f32,
    /// Rivers, and the outlines of lakes.
    pub river: Color32,
    /// Lakes and reservoirs.
    pub lake: Color32,
    /// Names of water.
    pub water_label: Color32,
    /// Roads drawn as schematic lines (dashed).
    pub road: Color32,
    /// Under a road, so it reads over any fill.
    pub road_casing: Color32,
    /// Peak triangles and the names of heights.
    pub height: Color32,
    /// Dots and names of abandoned places.
    pub abandoned: Color32,
    /// The fill of a place whose claimed capture is disputed.
    pub disputed: Color32,
}

impl Default for Style {
    fn default() -> Self {
        Self {
            water: Color32::from_rgb(0xdc, 0xe6, 0xec),
            land: Color32::from_rgb(0xf3, 0xf0, 0xe8),
            district_edge: Color32::from_rgb(0xc9, 0xc1, 0xb3),
            zone_edge: Color32::from_rgba_unmultiplied(255, 255, 255, 120),
            control_edge: Color32::from_rgb(0x3b, 0x2a, 0x1e),
            region_edge: Color32::from_rgb(0x6e, 0x64, 0x58),
            emphasis_edge: Color32::from_rgb(0x22, 0x22, 0x22),
            label: Color32::from_rgb(0x1e, 0x1e, 0x1e),
            region_label: Color32::from_rgb(0x4a, 0x40, 0x36),
            halo: Color32::from_rgba_unmultiplied(255, 255, 255, 215),
            highlight: Color32::from_rgb(0xc8, 0x10, 0x2e),
            selection: Color32::from_rgba_unmultiplied(200, 16, 46, 110),
            hover: Color32::from_rgba_unmultiplied(255, 255, 255, 60),
            village: Color32::from_rgb(0x55, 0x55, 0x55),
            zone_opacity: 0.78,
            zone_opacity_over_relief: 0.45,
            river: Color32::from_rgb(0x3f, 0x86, 0xc0),
            lake: Color32::from_rgb(0xa8, 0xcc, 0xe6),
            water_label: Color32::from_rgb(0x1f, 0x5f, 0x98),
            road: Color32::from_rgb(0x8a, 0x2d, 0x12),
            road_casing: Color32::from_rgba_unmultiplied(255, 255, 255, 190),
            height: Color32::from_rgb(0x6b, 0x4a, 0x2b),
            abandoned: Color32::from_rgb(0x8c, 0x84, 0x7c),
            disputed: Color32::from_rgb(0xb4, 0xb4, 0xb4),
        }
    }
}

impl Style {
    /// A controller's colour as it appears over the land.
    pub fn zone_fill(&self, rgb: [u8; 3]) -> Color32 {
        let mix =
            |a: u8, b: u8| (f32::from(a) * self.zone_opacity + f32::from(b) * (1.0 - self.zone_opacity)).round() as u8;
        Color32::from_rgb(mix(rgb[0], self.land.r()), mix(rgb[1], self.land.g()), mix(rgb[2], self.land.b()))
    }

    /// A fill made lighter, for ground taken since an earlier day or resting on a claim: the same
    /// hue halfway to white, at the same opacity.
    pub fn lighter(&self, fill: Color32) -> Color32 {
        let [r, g, b, a] = fill.to_srgba_unmultiplied();
        let up = |v: u8| (f32::from(v) + (255.0 - f32::from(v)) * 0.5).round() as u8;
        Color32::from_rgba_unmultiplied(up(r), up(g), up(b), a)
    }

    /// An event marker's colour by its kind: fighting (captures, battles, incidents), agreements
    /// and politics, humanitarian events, and the rest.
    pub fn event_marker(&self, kind: &str) -> Color32 {
        match kind {
            "capture" | "battle" | "incident" | "shelling" | "fighting" => Color32::from_rgb(0xc0, 0x26, 0x1b),
            "agreement" | "political" | "diplomacy" | "handover" => Color32::from_rgb(0x2b, 0x4f, 0x9e),
            "humanitarian" => Color32::from_rgb(0x7a, 0x3e, 0x9d),
            _ => Color32::from_rgb(0x55, 0x55, 0x55),
        }
    }

    /// A controller's colour over the relief: translucent, so the hillshade shows through.
    pub fn zone_fill_over_relief(&self, rgb: [u8; 3]) -> Color32 {
        let alpha = (self.zone_opacity_over_relief.clamp(0.0, 1.0) * 255.0).round() as u8;
        Color32::from_rgba_unmultiplied(rgb[0], rgb[1], rgb[2], alpha)
    }

    /// A river's width in points by its rank: the main rivers widest.
    pub fn river_width(&self, rank: u8) -> f32 {
        match rank {
            0 | 1 => 2.6,
            2 => 1.8,
            3 => 1.2,
            _ => 0.8,
        }
    }

    /// A controller's own colour, unmixed (the stripes of a comparison).
    pub fn controller(&self, rgb: [u8; 3]) -> Color32 {
        Color32::from_rgb(rgb[0], rgb[1], rgb[2])
    }

    /// How a line of a kind is drawn.
    pub fn line(&self, kind: LineKind) -> LineStyle {
        let solid = |width, colour| LineStyle { width, colour, dash: None, glow: None };
        match kind {
            LineKind::Border => LineStyle { dash: Some((7.0, 3.0)), ..solid(1.4, Color32::from_rgb(0x4d, 0x4d, 0x4d)) },
            LineKind::LineOfContact => solid(2.0, Color32::from_rgb(0x9b, 0x1c, 0x1c)),
            LineKind::CeasefireLine => {
                LineStyle { dash: Some((6.0, 3.0)), ..solid(2.2, Color32::from_rgb(0x6a, 0x0f, 0x4f)) }
            }
            LineKind::Corridor => {
                LineStyle { dash: Some((4.0, 2.5)), ..solid(1.8, Color32::from_rgb(0x7a, 0x5c, 0x00)) }
            }
            LineKind::Front => LineStyle {
                glow: Some((9.0, Color32::from_rgba_unmultiplied(230, 40, 20, 70))),
                ..solid(2.6, Color32::from_rgb(0xd9, 0x22, 0x0f))
            },
            // A closed road: short red dashes over a pale red band, apart from a corridor's brown.
            LineKind::Blockade => LineStyle {
                dash: Some((3.0, 2.5)),
                glow: Some((8.0, Color32::from_rgba_unmultiplied(200, 30, 30, 60))),
                ..solid(2.4, Color32::from_rgb(0xb0, 0x12, 0x12))
            },
            // Drawn as a sign (see [`Style::checkpoint_sign`]); this is its colour.
            LineKind::Checkpoint => solid(2.0, Color32::from_rgb(0xc4, 0x16, 0x16)),
        }
    }

    /// A checkpoint's sign at `centre` (screen points), `radius` across: a red disc with a white
    /// bar, as a road sign for no entry, so that it reads at any zoom.
    pub fn checkpoint_sign(&self, centre: Pos2, radius: f32) -> [Primitive; 2] {
        let bar = Vec2::new(radius * 0.6, 0.0);
        [
            Primitive::Circle {
                centre,
                radius,
                fill: self.line(LineKind::Checkpoint).colour,
                stroke_width: 1.5,
                stroke: Color32::WHITE,
            },
            Primitive::Polyline {
                points: vec![centre - bar, centre + bar],
                width: radius * 0.35,
                colour: Color32::WHITE,
                dash: None,
            },
        ]
    }

    /// Radius of a place's dot, and its label's font size.
    pub fn place(&self, kind: PlaceKind, rank: u8) -> (f32, f32) {
        match kind {
            PlaceKind::Capital => (4.5, 15.0),
            _ if rank <= 2 => (3.2, 13.0),
            PlaceKind::Town => (2.8, 12.0),
            _ => (2.3, 11.0),
        }
    }
}
