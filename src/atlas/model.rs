//! The atlas as the program uses it: validated, with ids resolved to indices.

use geo::{MultiLineString, MultiPolygon, Point};
use jiff::civil::Date;

use super::Text;

/// An index into one of the atlas's lists, of its own type, so that a region's index cannot be
/// passed where a zone's is meant. Only the loader (and the atlas generators) make them, from
/// positions it has checked; everything else reads them back with [`Atlas::zone`] and the like.
macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name(usize);

        impl $name {
            /// The index of position `i` in its list.
            pub(crate) const fn new(i: usize) -> Self {
                Self(i)
            }

            /// The position in its list.
            pub const fn get(self) -> usize {
                self.0
            }
        }

        impl PartialEq<usize> for $name {
            fn eq(&self, other: &usize) -> bool {
                self.0 == *other
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

index_type!(
    /// Index into [`Atlas::zones`].
    ZoneIdx
);
index_type!(
    /// Index into [`Atlas::controllers`].
    ControllerIdx
);
index_type!(
    /// Index into [`Atlas::regions`].
    RegionIdx
);
index_type!(
    /// Index into [`Atlas::places`].
    PlaceIdx
);

impl Atlas {
    /// An atlas with nothing in it, shown when even the built-in atlas cannot be read.
    pub fn empty() -> Self {
        Atlas {
            id: String::new(),
            title: Text::en("(no atlas)"),
            description: Text::default(),
            attribution: Text::default(),
            default_date: None,
            notes: Vec::new(),
            traditions: Vec::new(),
            controllers: Vec::new(),
            phases: Vec::new(),
            events: Vec::new(),
            regions: Vec::new(),
            zones: Vec::new(),
            places: Vec::new(),
            lines: Vec::new(),
            context: Vec::new(),
            land: super::Land::default(),
            evidence: Vec::new(),
            stories: Vec::new(),
            place_control: super::PlaceTimeline::default(),
            cells_cache: std::sync::OnceLock::new(),
            sealed: Sealed,
        }
    }

    /// The index of the place with `id`.
    pub fn place_index(&self, id: &str) -> Option<PlaceIdx> {
        self.places.iter().position(|p| p.id == id).map(PlaceIdx::new)
    }

    /// Checks that every index points into its list and that every phase gives every zone a
    /// controller: what the loader guarantees and the rest of the program relies on (through
    /// checked access, so a broken atlas draws wrongly rather than crashing).
    pub fn check_indices(&self) -> Result<(), super::AtlasErrors> {
        let mut errs = super::AtlasErrors::default();
        let (zones, controllers, regions, places) =
            (self.zones.len(), self.controllers.len(), self.regions.len(), self.places.len());
        for p in &self.phases {
            let label = format!("phase '{}'", p.id);
            if p.control.len() != zones {
                errs.push("atlas", Some(&label), format!("controls {} zones of {zones}", p.control.len()));
            }
            if p.control.iter().any(|c| c.get() >= controllers) {
                errs.push("atlas", Some(&label), "names a controller that is not in the atlas");
            }
            for change in &p.changes {
                if change.controller.get() >= controllers || change.zones.iter().any(|z| z.get() >= zones) {
                    errs.push(
                        "atlas",
                        Some(&label),
                        format!("its change on {} names what is not in the atlas", change.date),
                    );
                }
            }
        }
        for z in self.zones.iter().filter(|z| z.region.get() >= regions) {
            errs.push("atlas", Some(&format!("zone '{}'", z.id)), "is in a region that is not in the atlas");
        }
        for p in self.places.iter().filter(|p| p.region.is_some_and(|r| r.get() >= regions)) {
            errs.push("atlas", Some(&format!("place '{}'", p.id)), "is in a region that is not in the atlas");
        }
        for e in self.events.iter().filter(|e| e.place.is_some_and(|p| p.get() >= places)) {
            errs.push("atlas", Some(&format!("event '{}'", e.id)), "is at a place that is not in the atlas");
        }
        for e in self.evidence.iter().filter(|e| e.place.get() >= places || e.controller.get() >= controllers) {
            errs.push("evidence", Some(&format!("row '{}'", e.id)), "names what is not in the atlas");
        }
        for r in self.regions.iter().filter(|r| r.today_boundary.is_some_and(|c| c >= self.context.len())) {
            errs.push("atlas", Some(&format!("region '{}'", r.id)), "names a boundary that is not in the atlas");
        }
        if errs.is_empty() { Ok(()) } else { Err(errs) }
    }

    /// The zone at an index.
    pub fn zone(&self, i: ZoneIdx) -> Option<&Zone> {
        self.zones.get(i.get())
    }

    /// The controller at an index.
    pub fn controller(&self, i: ControllerIdx) -> Option<&Controller> {
        self.controllers.get(i.get())
    }

    /// The region at an index.
    pub fn region(&self, i: RegionIdx) -> Option<&Region> {
        self.regions.get(i.get())
    }

    /// The place at an index.
    pub fn place(&self, i: PlaceIdx) -> Option<&Place> {
        self.places.get(i.get())
    }

    /// Every zone with its index.
    pub fn zones_indexed(&self) -> impl Iterator<Item = (ZoneIdx, &Zone)> {
        self.zones.iter().enumerate().map(|(i, z)| (ZoneIdx::new(i), z))
    }

    /// Every controller with its index.
    pub fn controllers_indexed(&self) -> impl Iterator<Item = (ControllerIdx, &Controller)> {
        self.controllers.iter().enumerate().map(|(i, c)| (ControllerIdx::new(i), c))
    }
}

/// A whole atlas: the map layers and the timeline of control.
#[derive(Clone, Debug)]
pub struct Atlas {
    /// A short id ("karabakh"), for settings and file names.
    pub id: String,
    /// The atlas's title.
    pub title: Text,
    /// What it shows, for the About box.
    pub description: Text,
    /// Credits for the atlas's data (geometry, places), as its licences ask: shown in the About
    /// box, under region facts and on every exported picture.
    pub attribution: Text,
    /// The date the viewer opens at when the user has none remembered.
    pub default_date: Option<Date>,
    /// What reading the atlas tolerated and put right, or found worth a look (see
    /// [`super::AtlasError::note`]); `check` prints them and the atlas opens.
    pub notes: Vec<super::AtlasError>,
    /// The naming traditions (at most two) of its places, in the order of the names menu.
    pub traditions: Vec<NameTradition>,
    /// The sides that hold territory.
    pub controllers: Vec<Controller>,
    /// Sorted by start date, tiling the atlas's span with no gap or overlap.
    pub phases: Vec<Phase>,
    /// Sorted by date.
    pub events: Vec<Event>,
    /// The units whose areas are reported (the NKAO, districts).
    pub regions: Vec<Region>,
    /// The units of control, each in one region.
    pub zones: Vec<Zone>,
    /// Towns, villages and points.
    pub places: Vec<Place>,
    /// Borders, lines of contact, corridors, fronts.
    pub lines: Vec<MapLine>,
    /// Countries and districts drawn under the zones.
    pub context: Vec<ContextArea>,
    /// Elevation, water, heights, roads and the locator's countries: all optional.
    pub land: super::Land,
    /// Dated claims, denials, confirmations, handovers and assessments about single places, in
    /// date order.
    pub evidence: Vec<super::Evidence>,
    /// Guided tours of the atlas (`stories/*.json`), in the order of their files' names.
    pub stories: Vec<super::Story>,
    /// Every place's control on every day, from its zone and its evidence (made by the loader).
    pub place_control: super::PlaceTimeline,
    /// The zones cut into the cells of their places, made on first use ([`Atlas::cells`]).
    pub(crate) cells_cache: std::sync::OnceLock<Vec<super::Cell>>,
    /// Only this crate makes atlases (the loader, [`Atlas::empty`], the generators), and every
    /// index in one it made points into its lists ([`Atlas::check_indices`]).
    #[expect(dead_code, reason = "it only keeps other crates from assembling atlases")]
    pub(crate) sealed: Sealed,
}

/// Keeps atlases from being assembled outside this crate.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Sealed;

/// A side that holds territory.
#[derive(Clone, Debug)]
pub struct Controller {
    /// Its id in the files.
    pub id: String,
    /// Its name in the legend.
    pub name: Text,
    /// Who it is, for the legend's hover text.
    pub description: Text,
    /// sRGB.
    pub colour: [u8; 3],
}

/// Where a statement comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// What it is: publisher, title, date.
    pub title: String,
    /// Where it can be read.
    pub url: Option<String>,
}

/// A period with one pattern of control, e.g. "1994 ceasefire line".
#[derive(Clone, Debug)]
pub struct Phase {
    /// Its id in the files.
    pub id: String,
    /// Its first day.
    pub start: Date,
    /// Inclusive; `None` for a phase that is still going on.
    pub end: Option<Date>,
    /// Its title.
    pub title: Text,
    /// What happened in it, in a few sentences.
    pub summary: Text,
    /// Where that is said.
    pub sources: Vec<Source>,
    /// Controller of every zone on the phase's first day, indexed by zone.
    pub control: Vec<ControllerIdx>,
    /// Dated changes inside the phase (a town taken on a known day), sorted by date.
    pub changes: Vec<ControlChange>,
}

/// Zones passing to a controller on a date inside a phase.
#[derive(Clone, Debug)]
pub struct ControlChange {
    /// The day it took effect.
    pub date: Date,
    /// The zones that changed hands.
    pub zones: Vec<ZoneIdx>,
    /// Who took them.
    pub controller: ControllerIdx,
    /// Set when the date is one side's claim or disputed: who says what.
    pub claim: Option<Text>,
    /// What the map maker says of the change (what was taken, how), if anything.
    pub note: Option<Text>,
    /// Where it is said.
    pub sources: Vec<Source>,
}

/// One way the atlas's places are named besides their common name ("Armenian usage", "Greek
/// usage"), read from the layers' `name_<key>` properties.
#[derive(Clone, Debug, PartialEq)]
pub struct NameTradition {
    /// The property suffix: `el` reads `name_el` and `label_el`.
    pub key: String,
    /// The tradition's name in the names menu and the hover box.
    pub label: Text,
}

/// Something that happened on a date, for a marker and the event list.
#[derive(Clone, Debug)]
pub struct Event {
    /// Its id in the files.
    pub id: String,
    /// The day it happened (or began).
    pub date: Date,
    /// The last day, for an event of several days.
    pub end: Option<Date>,
    /// The place it happened at.
    pub place: Option<PlaceIdx>,
    /// Its own position when it has no place of the atlas.
    pub position: Option<Point>,
    /// Happened off the map (talks abroad, UN resolutions).
    pub offmap: bool,
    /// What kind of event ("capture", "political"), as the atlas names them.
    pub kind: String,
    /// What happened.
    pub text: Text,
    /// Who claims what, where sides disagree.
    pub claim: Option<Text>,
    /// Where it is said.
    pub sources: Vec<Source>,
}

/// A named unit whose area the atlas reports: the NKAO, a district.
#[derive(Clone, Debug)]
pub struct Region {
    /// Its id in the files.
    pub id: String,
    /// Its name.
    pub name: Text,
    /// Short label for the map ("NKAO", "Kalbajar"); the name when absent.
    pub label: Option<Text>,
    /// Its name in the atlas's second naming tradition ([`Atlas::traditions`]).
    pub name_second: Option<String>,
    /// Its name in the atlas's first naming tradition.
    pub name_first: Option<String>,
    /// Short map labels in each naming tradition; the names when absent.
    pub label_first: Option<String>,
    /// See `label_first`.
    pub label_second: Option<String>,
    /// Its published area.
    pub official_area_km2: Option<f64>,
    /// How far the drawn area may be from the official one, in percent.
    pub area_tolerance_pct: f64,
    /// Why the tolerance is what it is.
    pub area_note: Option<Text>,
    /// A context area with today's boundaries, when they differ from the drawn ones.
    pub today_boundary: Option<usize>,
    /// Drawn with a strong outline: the region the atlas is about (the NKAO in the Karabakh atlas).
    pub emphasis: bool,
    /// Its outline.
    pub geometry: MultiPolygon,
    /// Geodesic area of `geometry`, km².
    pub area_km2: f64,
}

/// The unit of control: a piece of a region cut along the lines where control changed.
#[derive(Clone, Debug)]
pub struct Zone {
    /// Its id in the files.
    pub id: String,
    /// Its name.
    pub name: Text,
    /// The region it is part of.
    pub region: RegionIdx,
    /// The edges are only approximately known; `note` says why.
    pub approximate: bool,
    /// Why it is drawn as it is.
    pub note: Text,
    /// Its outline.
    pub geometry: MultiPolygon,
    /// Geodesic area, km².
    pub area_km2: f64,
}

/// A town, village or point, with its name in each naming tradition.
#[derive(Clone, Debug)]
pub struct Place {
    /// Its id in the files.
    pub id: String,
    /// Its common name in each language.
    pub name: Text,
    /// Its name in the atlas's first naming tradition ([`Atlas::traditions`]).
    pub name_first: Option<String>,
    /// Its name in the second.
    pub name_second: Option<String>,
    /// Other names and spellings (other scripts, earlier names): found by the search, listed in
    /// the hover box.
    pub other_names: Vec<String>,
    /// What it is.
    pub kind: PlaceKind,
    /// 1 = most important; labels of lower rank give way on collision.
    pub rank: u8,
    /// Abandoned (a ruin, or emptied by war): drawn apart.
    pub abandoned: bool,
    /// Its height in metres, as its source gives it.
    pub elevation_m: Option<f64>,
    /// The administrative unit it belongs to today, as its source names it.
    pub district: Option<String>,
    /// The region it is in, if the atlas says.
    pub region: Option<RegionIdx>,
    /// Where it is.
    pub point: Point,
}

/// What a place is, for its symbol and label size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    /// A capital.
    Capital,
    /// A town.
    Town,
    /// A village.
    Village,
    /// A height, a pass, a crossing.
    Point,
}

/// A line drawn on the map: a border, a line of contact, a corridor, a front.
#[derive(Clone, Debug)]
pub struct MapLine {
    /// Its id in the files.
    pub id: String,
    /// What it is, for its style.
    pub kind: LineKind,
    /// Its name in the legend.
    pub name: Text,
    /// The first day it applies.
    pub valid_from: Option<Date>,
    /// The last day it applies.
    pub valid_to: Option<Date>,
    /// Its course is only approximately known.
    pub approximate: bool,
    /// Why it is drawn as it is.
    pub note: Text,
    /// Its course.
    pub geometry: MultiLineString,
}

/// What a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// A border between states.
    Border,
    /// A line of contact after a ceasefire.
    LineOfContact,
    /// A ceasefire line agreed in a statement.
    CeasefireLine,
    /// A corridor under an agreement.
    Corridor,
    /// A front in a war.
    Front,
    /// A road closed or blocked for a span of days.
    Blockade,
    /// A checkpoint or roadblock: a point (its feature is a Point), drawn as a sign.
    Checkpoint,
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
    /// Its id in the files.
    pub id: String,
    /// A country or a district.
    pub kind: ContextKind,
    /// Its name.
    pub name: Text,
    /// Its name in the atlas's second naming tradition.
    pub name_second: Option<String>,
    /// Where its label goes, if the atlas says (else a point inside it).
    pub label_at: Option<Point>,
    /// Its outline.
    pub geometry: MultiPolygon,
}

/// What a context area is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContextKind {
    /// A country, filled as land and labelled.
    Country,
    /// A district, outlined.
    District,
}
