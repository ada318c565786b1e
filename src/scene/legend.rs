//! The legend of a scene: every symbol the map uses on its date, with what it means, made once
//! for the window's side panel and for every export, so that a picture explains what it shows
//! exactly as the window does. Each symbol is drawn as scene primitives in a small box.

use egui::{Color32, Pos2, Rect, Vec2};
use jiff::civil::Date;

use super::{LineStyle, Primitive, SceneInput, Style};
use crate::atlas::{ControlStatus, ControllerArea, LineKind};
use crate::i18n::{long_date, t, tf, thousands};

/// How an entry's symbol looks.
#[derive(Clone, Debug, PartialEq)]
pub enum Symbol {
    /// A swatch of a fill.
    Fill(Color32),
    /// A short piece of a line.
    Line(LineStyle),
    /// A checkpoint's sign.
    Sign,
    /// A swatch striped over a fill, with an outline if given.
    Stripes {
        /// Under the stripes.
        fill: Color32,
        /// The stripes.
        stripes: Color32,
        /// Round the swatch.
        outline: Option<Color32>,
    },
    /// A place's dot.
    Dot {
        /// Inside.
        fill: Color32,
        /// Its ring.
        ring: Color32,
        /// The ring's width.
        width: f32,
    },
    /// An event's diamond.
    Diamond(Color32),
}

/// One line of the legend.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    /// Its symbol.
    pub symbol: Symbol,
    /// What it means.
    pub label: String,
    /// A figure beside it (the km² a side holds).
    pub value: Option<String>,
    /// A longer description (a controller's), for a tooltip.
    pub description: Option<String>,
}

impl LegendEntry {
    fn new(symbol: Symbol, label: impl Into<String>) -> Self {
        Self { symbol, label: label.into(), value: None, description: None }
    }
}

/// The legend of the scene of `input`: the sides holding ground (with their km², from `areas`),
/// the shades of the ground, the lines, signs and roads in force, the region outlined, the places'
/// symbols and the events' markers, each only when the map shows it. `compared` is the date the
/// map is compared with, if any.
pub fn legend(input: &SceneInput<'_>, areas: &[ControllerArea], compared: Option<Date>) -> Vec<LegendEntry> {
    let SceneInput { atlas, style, options, date, .. } = *input;
    let lang = options.lang;
    let code = lang.code();
    let mut out = Vec::new();
    for a in areas.iter().filter(|a| a.area_km2 > 0.0) {
        let Some(c) = atlas.controller(a.controller) else { continue };
        out.push(LegendEntry {
            value: Some(format!("{} km²", thousands(a.area_km2, lang))),
            description: Some(c.description.get(code).to_owned()),
            ..LegendEntry::new(Symbol::Fill(style.zone_fill(c.colour)), c.name.get(code))
        });
    }
    // The ground's shades.
    let grey = style.zone_fill([0x80, 0x80, 0x80]);
    let claimed = input.cells.iter().any(|(_, s)| matches!(s, ControlStatus::Claimed | ControlStatus::Disputed));
    if claimed {
        let stripes = Symbol::Stripes { fill: style.lighter(grey), stripes: Color32::from_gray(90), outline: None };
        out.push(LegendEntry::new(
            stripes,
            t(lang, "Striped: one side's claim only, or disputed (in the claimant's colour)"),
        ));
    }
    if let Some(taken) = input.taken.filter(|_| options.layers.taken) {
        let moved = if input.cells.is_empty() {
            input.control.iter().zip(&taken.zones).any(|(now, before)| now != before)
        } else {
            input.cells.iter().zip(&taken.cells).any(|((now, _), before)| now != before)
        };
        if moved {
            let day = long_date(taken.since, lang);
            let label = if taken.chosen {
                tf(lang, "Lighter: changed hands since {}", &[&day])
            } else {
                tf(lang, "Lighter: changed hands since {} (the day before the fighting began)", &[&day])
            };
            out.push(LegendEntry::new(Symbol::Fill(style.lighter(grey)), label));
        }
    }
    if let Some(other) = compared.filter(|_| !options.hatched.is_empty() || !options.hatched_cells.is_empty()) {
        let day = long_date(other, lang);
        let label = if other < date {
            tf(lang, "Hatched: changed hands since {} (in its colour then)", &[&day])
        } else {
            tf(lang, "Hatched: changes hands by {} (in its colour then)", &[&day])
        };
        let symbol = Symbol::Stripes {
            fill: Color32::TRANSPARENT,
            stripes: Color32::from_gray(90),
            outline: Some(style.highlight),
        };
        out.push(LegendEntry::new(symbol, label));
    }
    // Lines and signs in force: one entry a kind, except checkpoints, each its own place and story.
    let mut kinds: Vec<LineKind> = Vec::new();
    for l in atlas.lines.iter().filter(|l| l.applies_on(date)) {
        if l.kind == LineKind::Checkpoint {
            out.push(LegendEntry::new(Symbol::Sign, l.name.get(code)));
        } else if !kinds.contains(&l.kind) {
            kinds.push(l.kind);
            out.push(LegendEntry::new(Symbol::Line(style.line(l.kind)), l.name.get(code)));
        }
    }
    if options.layers.roads && atlas.land.roads.iter().any(|r| r.applies_on(date)) {
        let schematic = atlas.land.roads.iter().any(|r| r.applies_on(date) && r.schematic);
        let s = LineStyle { width: 2.0, colour: style.road, dash: schematic.then_some((6.0, 3.5)), glow: None };
        let label =
            if schematic { t(lang, "Road (schematic: the places it joined, not its course)") } else { t(lang, "Road") };
        out.push(LegendEntry::new(Symbol::Line(s), label));
    }
    if let Some(r) = atlas.regions.iter().find(|r| r.emphasis) {
        let s = LineStyle { width: 2.4, colour: style.emphasis_edge, dash: None, glow: None };
        out.push(LegendEntry::new(Symbol::Line(s), tf(lang, "Outline: {}", &[r.name.get(code)])));
    }
    // The places' symbols, when some rest on a claim only or a disputed claim.
    let statuses: Vec<ControlStatus> = input.places.iter().flatten().map(|c| c.status).collect();
    let (place_claimed, place_disputed) =
        (statuses.contains(&ControlStatus::Claimed), statuses.contains(&ControlStatus::Disputed));
    if place_claimed || place_disputed {
        let grey = Color32::from_gray(110);
        let dot = |fill, ring, width| Symbol::Dot { fill, ring, width };
        out.push(LegendEntry::new(dot(grey, Color32::WHITE, 1.2), t(lang, "Place held (by its zone, or confirmed)")));
        if place_claimed {
            out.push(LegendEntry::new(dot(Color32::WHITE, grey, 2.2), t(lang, "Claimed by one side only")));
        }
        if place_disputed {
            out.push(LegendEntry::new(dot(style.disputed, grey, 2.2), t(lang, "Claim disputed by the other side")));
        }
    }
    // The events on the map (the last weeks'), by kind.
    let mut markers: Vec<Color32> = Vec::new();
    for (_, (e, _)) in super::event_markers(input) {
        let colour = style.event_marker(&e.kind);
        if markers.contains(&colour) {
            continue;
        }
        markers.push(colour);
        let label = match colour {
            c if c == style.event_marker("battle") => t(lang, "Fighting (last 30 days)"),
            c if c == style.event_marker("agreement") => t(lang, "Agreements and politics (last 30 days)"),
            c if c == style.event_marker("humanitarian") => t(lang, "Humanitarian (last 30 days)"),
            _ => t(lang, "Other events (last 30 days)"),
        };
        out.push(LegendEntry::new(Symbol::Diamond(colour), label));
    }
    // The reader's own overlays, by their file's name.
    for o in &options.overlays {
        let name =
            std::path::Path::new(&o.name).file_name().map_or(o.name.clone(), |n| n.to_string_lossy().into_owned());
        out.push(LegendEntry::new(Symbol::Line(super::overlay_line(o)), tf(lang, "Overlay: {}", &[&name])));
    }
    out
}

/// A symbol drawn in `rect` (screen points), as the map draws it.
pub fn symbol_primitives(symbol: &Symbol, rect: Rect, style: &Style) -> Vec<Primitive> {
    let c = rect.center();
    let box_rings = || vec![vec![rect.left_top(), rect.right_top(), rect.right_bottom(), rect.left_bottom()]];
    let filled = |colour: Color32| Primitive::Area {
        vertices: vec![rect.left_top(), rect.right_top(), rect.right_bottom(), rect.left_bottom()],
        indices: vec![0, 1, 2, 0, 2, 3],
        rings: box_rings(),
        colour,
    };
    match symbol {
        Symbol::Fill(colour) => vec![filled(*colour)],
        Symbol::Line(s) => {
            let points = vec![rect.left_center(), rect.right_center()];
            let mut out = Vec::new();
            if let Some((width, colour)) = s.glow {
                out.push(Primitive::Polyline { points: points.clone(), width, colour, dash: None });
            }
            out.push(Primitive::Polyline { points, width: s.width, colour: s.colour, dash: s.dash });
            out
        }
        Symbol::Sign => style.checkpoint_sign(c, (rect.height() * 0.5).min(6.0)).to_vec(),
        Symbol::Stripes { fill, stripes, outline } => {
            let mut out = vec![filled(*fill)];
            for (a, b) in super::hatch(&box_rings(), 4.0, rect) {
                out.push(Primitive::Polyline { points: vec![a, b], width: 1.2, colour: *stripes, dash: None });
            }
            if let Some(o) = outline {
                let mut ring = box_rings().remove(0);
                ring.push(rect.left_top());
                out.push(Primitive::Polyline { points: ring, width: 1.6, colour: *o, dash: None });
            }
            out
        }
        Symbol::Dot { fill, ring, width } => {
            let radius = (rect.height() * 0.33).min(4.0);
            vec![Primitive::Circle { centre: c, radius, fill: *fill, stroke_width: *width, stroke: *ring }]
        }
        Symbol::Diamond(colour) => {
            let r = (rect.height() * 0.42).min(5.0);
            let d = vec![c + Vec2::new(0.0, -r), c + Vec2::new(r, 0.0), c + Vec2::new(0.0, r), c + Vec2::new(-r, 0.0)];
            let mut ring = d.clone();
            ring.extend(d.first().copied());
            vec![
                Primitive::Area {
                    vertices: d,
                    indices: vec![0, 1, 2, 0, 2, 3],
                    rings: vec![ring.clone()],
                    colour: *colour,
                },
                Primitive::Polyline { points: ring, width: 1.0, colour: Color32::WHITE, dash: None },
            ]
        }
    }
}

/// Where a symbol goes in a legend row starting at `at`, `height` high: a box 26 × 12 at the
/// window's size, scaled.
pub fn symbol_rect(at: Pos2, height: f32) -> Rect {
    let scale = height / 12.0;
    Rect::from_min_size(at, Vec2::new(26.0 * scale, 12.0 * scale))
}
