//! Stories: guided tours through time and place, as a teacher's lesson or an analyst's briefing
//! runs ("the oblast in 1988; now Shusha on 8 May 1992; now the southern front in August 1993").
//! A story is an ordered list of steps, each a date (or a span of dates played at a pace), a view
//! (a centre and zoom, or the fit of named regions, zones, places or lines), a caption, and what
//! to emphasise. Stories live in an atlas's `stories/` folder, one JSON file each
//! (`docs/atlas-format.md`), and are read by `load/story_file.rs` against the atlas they tour.

use jiff::civil::Date;

use super::{PlaceIdx, RegionIdx, Source, Text, ZoneIdx};

/// Most stories one atlas may hold.
pub const MAX_STORIES: usize = 100;
/// Most steps in one story.
pub const MAX_STEPS: usize = 500;
/// The zoom a step may ask for: 1 shows the whole atlas (the window's own limits).
pub const STORY_ZOOM: std::ops::RangeInclusive<f32> = 1.0..=40.0;

/// A guided tour of the atlas.
#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    /// Its id, from its file's name (`stories/war-2020.json` → `war-2020`) unless it gives one.
    pub id: String,
    /// The file it was read from, as shown in messages (`stories/war-2020.json`).
    pub file: String,
    /// Its title, as a deck's first slide and the story panel give it.
    pub title: Text,
    /// What it tells, in a sentence or two.
    pub description: Text,
    /// Where its account comes from; each step's facts are the atlas's own, with theirs.
    pub sources: Vec<Source>,
    /// Its steps, in order.
    pub steps: Vec<StoryStep>,
}

/// One step of a story.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryStep {
    /// Its day, or the span it plays.
    pub when: StepWhen,
    /// Where it looks.
    pub view: StepView,
    /// One line, shown over the map.
    pub caption: Text,
    /// Longer text, for the panel and the notes of a deck (may be empty).
    pub text: Text,
    /// What the step is about, drawn emphasised with the rest muted.
    pub highlight: Vec<Target>,
    /// A date to compare with, as the window's comparison does.
    pub compare: Option<Date>,
    /// Layers turned on or off, in the command line's words (`+taken,-roads`); read by the scene.
    pub layers: Option<String>,
}

/// When a step is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum StepWhen {
    /// One day.
    Day(Date),
    /// A span played through, `days_per_second` days a second.
    Span {
        /// The first day.
        from: Date,
        /// The last day.
        to: Date,
        /// How fast it plays.
        days_per_second: f64,
    },
}

impl StepWhen {
    /// The day the step opens on.
    pub fn first_day(&self) -> Date {
        match *self {
            StepWhen::Day(d) | StepWhen::Span { from: d, .. } => d,
        }
    }

    /// The day the step ends on (its only day, or the end of its span).
    pub fn last_day(&self) -> Date {
        match *self {
            StepWhen::Day(d) | StepWhen::Span { to: d, .. } => d,
        }
    }
}

/// Where a step looks.
#[derive(Clone, Debug, PartialEq)]
pub enum StepView {
    /// The whole atlas.
    Whole,
    /// Centred on a point (longitude, latitude) at a zoom (1 shows the whole atlas).
    Centre {
        /// Longitude, degrees.
        lon: f64,
        /// Latitude, degrees.
        lat: f64,
        /// 1 shows the whole atlas.
        zoom: f32,
    },
    /// Whatever frames these things.
    Fit(Vec<Target>),
}

/// A thing of the atlas a step names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A region.
    Region(RegionIdx),
    /// A zone.
    Zone(ZoneIdx),
    /// A place.
    Place(PlaceIdx),
    /// Index into [`super::Atlas::lines`].
    Line(usize),
}
