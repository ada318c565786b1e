//! The land under the zones: elevation, water, heights, roads and the locator's wider world.
//! Every layer is optional, so an atlas of another region without them still opens.

use geo::{MultiLineString, MultiPolygon, Point};
use jiff::civil::Date;

use super::Text;
pub use super::elevation::Elevation;

/// The optional physical and context layers of an atlas.
#[derive(Clone, Debug, Default)]
pub struct Land {
    /// A grid of heights (`elevation.hdr` + `elevation.bil`), for the relief and the hover box.
    pub elevation: Option<Elevation>,
    /// Rivers, lakes and reservoirs (`water.geojson`).
    pub water: Vec<Water>,
    /// Peaks, ranges and plateaus (`heights.geojson`).
    pub heights: Vec<Height>,
    /// Roads, each with the days it was in use (`roads.geojson`).
    pub roads: Vec<Road>,
    /// Countries and seas of the wider region, for the locator inset (`locator.geojson`).
    pub locator: Vec<LocatorFeature>,
}

/// The names of a feature of the land in both traditions and others, for labels and search.
#[derive(Clone, Debug, Default)]
pub struct Names {
    /// Its common (English or international) name in each language; `None` for an unnamed feature.
    pub name: Option<Text>,
    /// Its name in the atlas's first naming tradition.
    pub name_first: Option<String>,
    /// Its name in the second.
    pub name_second: Option<String>,
    /// Other names and spellings (other scripts, earlier names), found by the search.
    pub other: Vec<String>,
}

/// What a body of water is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WaterKind {
    /// A river or stream, drawn as a line.
    River,
    /// A natural lake.
    Lake,
    /// A reservoir behind a dam.
    Reservoir,
}

/// A body of water's shape: rivers are lines; lakes areas, or a point where no outline is known.
#[derive(Clone, Debug)]
pub enum WaterShape {
    /// A river's course.
    Line(MultiLineString),
    /// A lake's or reservoir's outline.
    Area(MultiPolygon),
    /// A lake or reservoir known only by its position.
    Point(Point),
}

/// A river, lake or reservoir.
#[derive(Clone, Debug)]
pub struct Water {
    /// Its id in the file.
    pub id: String,
    /// Its names.
    pub names: Names,
    /// What it is.
    pub kind: WaterKind,
    /// 1 = most important: drawn widest and labelled first.
    pub rank: u8,
    /// Facts shown when it is found or hovered (a reservoir's dam, level and area).
    pub note: Text,
    /// Its shape.
    pub shape: WaterShape,
}

/// What a height symbol stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeightKind {
    /// A summit: a triangle and its elevation.
    Peak,
    /// A mountain range: a spaced label.
    Range,
    /// A plateau: a spaced label.
    Plateau,
}

/// A peak, range or plateau.
#[derive(Clone, Debug)]
pub struct Height {
    /// Its id in the file.
    pub id: String,
    /// Its names (the common name is required).
    pub names: Names,
    /// What it is.
    pub kind: HeightKind,
    /// Its height in metres, as its source gives it.
    pub elevation_m: Option<f64>,
    /// What the height belongs to, or how it compares with the grid.
    pub note: Text,
    /// Where its symbol or label goes.
    pub point: Point,
}

/// A road, with the days it was in use.
#[derive(Clone, Debug)]
pub struct Road {
    /// Its id in the file.
    pub id: String,
    /// Its names.
    pub names: Names,
    /// Straight lines through the places it connects, not its real course: drawn and listed as such.
    pub schematic: bool,
    /// The first day it was in use.
    pub valid_from: Option<Date>,
    /// The last day it was in use.
    pub valid_to: Option<Date>,
    /// What it was, and why it is drawn as it is.
    pub note: Text,
    /// Its course.
    pub geometry: MultiLineString,
}

impl Road {
    /// Whether the road was in use on `date`.
    pub fn applies_on(&self, date: Date) -> bool {
        self.valid_from.is_none_or(|from| from <= date) && self.valid_to.is_none_or(|to| date <= to)
    }
}

/// What a feature of the locator is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocatorKind {
    /// A country, in grey.
    Country,
    /// A sea's label (the sea itself is the ground).
    Sea,
}

/// A country or sea of the wider region, drawn only in the locator inset.
#[derive(Clone, Debug)]
pub struct LocatorFeature {
    /// Its id in the file.
    pub id: String,
    /// Its name.
    pub name: Text,
    /// A country or a sea.
    pub kind: LocatorKind,
    /// Its outline (countries).
    pub area: Option<MultiPolygon>,
    /// Where its label goes.
    pub label_at: Point,
}
