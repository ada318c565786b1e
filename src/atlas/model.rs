//! The atlas as the program uses it: validated, with ids resolved to indices.

use geo::{MultiLineString, MultiPolygon, Point};
use jiff::civil::Date;

use super::Text;

/// Index into [`Atlas::zones`].
pub type ZoneIdx = usize;
/// Index into [`Atlas::controllers`].
pub type ControllerIdx = usize;

/// A whole atlas: the map layers and the timeline of control.
#[derive(Clone, Debug)]
pub struct Atlas {
    pub id: String,
    pub title: Text,
    pub description: Text,
    /// Credits for the atlas's data (geometry, places), as its licences ask: shown in the About
    /// box, under region facts and on every exported picture.
    pub attribution: Text,
    /// The date the viewer opens at when the user has none remembered.
    pub default_date: Option<Date>,
    pub controllers: Vec<Controller>,
    /// Sorted by start date, tiling the atlas's span with no gap or overlap.
    pub phases: Vec<Phase>,
    /// Sorted by date.
    pub events: Vec<Event>,
    pub regions: Vec<Region>,
    pub zones: Vec<Zone>,
    pub places: Vec<Place>,
    pub lines: Vec<MapLine>,
    pub context: Vec<ContextArea>,
}

/// A side that holds territory.
#[derive(Clone, Debug)]
pub struct Controller {
    pub id: String,
    pub name: Text,
    pub description: Text,
    /// sRGB.
    pub colour: [u8; 3],
}

/// Where a statement comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub title: String,
    pub url: Option<String>,
}

/// A period with one pattern of control, e.g. "1994 ceasefire line".
#[derive(Clone, Debug)]
pub struct Phase {
    pub id: String,
    pub start: Date,
    /// Inclusive; `None` for a phase that is still going on.
    pub end: Option<Date>,
    pub title: Text,
    pub summary: Text,
    pub sources: Vec<Source>,
    /// Controller of every zone on the phase's first day, indexed by zone.
    pub control: Vec<ControllerIdx>,
    /// Dated changes inside the phase (a town taken on a known day), sorted by date.
    pub changes: Vec<ControlChange>,
}

/// Zones passing to a controller on a date inside a phase.
#[derive(Clone, Debug)]
pub struct ControlChange {
    pub date: Date,
    pub zones: Vec<ZoneIdx>,
    pub controller: ControllerIdx,
    /// Set when the date is one side's claim or disputed: who says what.
    pub claim: Option<Text>,
    pub sources: Vec<Source>,
}

/// Something that happened on a date, for a marker and the event list.
#[derive(Clone, Debug)]
pub struct Event {
    pub id: String,
    pub date: Date,
    pub end: Option<Date>,
    /// Index into [`Atlas::places`].
    pub place: Option<usize>,
    /// Its own position when it has no place of the atlas.
    pub position: Option<Point>,
    /// Happened off the map (talks abroad, UN resolutions).
    pub offmap: bool,
    pub kind: String,
    pub text: Text,
    pub claim: Option<Text>,
    pub sources: Vec<Source>,
}

/// A named unit whose area the atlas reports: the NKAO, a district.
#[derive(Clone, Debug)]
pub struct Region {
    pub id: String,
    pub name: Text,
    /// Short label for the map ("NKAO", "Kalbajar"); the name when absent.
    pub label: Option<Text>,
    pub name_az: Option<String>,
    pub name_hy: Option<String>,
    pub official_area_km2: Option<f64>,
    /// How far the drawn area may be from the official one, in percent.
    pub area_tolerance_pct: f64,
    pub area_note: Option<Text>,
    /// A context area with today's boundaries, when they differ from the drawn ones.
    pub today_boundary: Option<usize>,
    /// Drawn with a strong outline: the region the atlas is about (the NKAO in the Karabakh atlas).
    pub emphasis: bool,
    pub geometry: MultiPolygon,
    /// Geodesic area of `geometry`.
    pub area_km2: f64,
}

/// The unit of control: a piece of a region cut along the lines where control changed.
#[derive(Clone, Debug)]
pub struct Zone {
    pub id: String,
    pub name: Text,
    /// Index into [`Atlas::regions`].
    pub region: usize,
    /// The edges are only approximately known; `note` says why.
    pub approximate: bool,
    pub note: Text,
    pub geometry: MultiPolygon,
    pub area_km2: f64,
}

/// A town, village or point, with its name in each naming tradition.
#[derive(Clone, Debug)]
pub struct Place {
    pub id: String,
    pub name: Text,
    /// Name in Armenian usage (romanised).
    pub name_hy: Option<String>,
    /// Name in Azerbaijani usage (official Latin alphabet).
    pub name_az: Option<String>,
    pub kind: PlaceKind,
    /// 1 = most important; labels of lower rank give way on collision.
    pub rank: u8,
    pub region: Option<usize>,
    pub point: Point,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    Capital,
    Town,
    Village,
    Point,
}

/// A line drawn on the map: a border, a line of contact, a corridor, a front.
#[derive(Clone, Debug)]
pub struct MapLine {
    pub id: String,
    pub kind: LineKind,
    pub name: Text,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
    pub approximate: bool,
    pub note: Text,
    pub geometry: MultiLineString,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    Border,
    LineOfContact,
    CeasefireLine,
    Corridor,
    Front,
}

impl MapLine {
    /// Whether the line applies on `date`.
    pub fn applies_on(&self, date: Date) -> bool {
        self.valid_from.is_none_or(|from| from <= date) && self.valid_to.is_none_or(|to| date <= to)
    }
}

/// A country or district drawn for context under the zones.
#[derive(Clone, Debug)]
pub struct ContextArea {
    pub id: String,
    pub kind: ContextKind,
    pub name: Text,
    pub name_az: Option<String>,
    pub geometry: MultiPolygon,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContextKind {
    Country,
    District,
}
