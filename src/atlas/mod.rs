//! The atlas: data model, loading and validation, dates, and the timeline engine with the reader's
//! cursor on it. Knows nothing of the GUI.
#![warn(missing_docs)]
#![warn(clippy::indexing_slicing)]

mod cells;
mod colour;
mod cursor;
mod dates;
mod elevation;
mod embedded;
mod error;
mod evidence;
mod geojson_layer;
mod geojson_props;
mod land;
pub mod limits;
mod load;
mod model;
mod open_as;
mod overlay;
mod polygon_validity;
pub mod safe_text;
mod scaffold;
mod search;
mod snapping;
pub mod story;
mod story_write;
pub mod synthetic;
mod taken;
mod text;
mod tiling;
mod timeline;

/// The tiny test atlas's files (in a file the tests and the fuzz target share), for unit tests.
#[cfg(test)]
#[path = "../../tests/common/tiny.rs"]
pub(crate) mod test_tiny;

pub use cells::Cell;
pub use cursor::{DEFAULT_SPEED, Direction, Playback, SPEEDS, Step, TimelineCursor};
pub use dates::{
    DateError, DateRange, date_from_day_number, date_from_year, day_number, days_between, parse_iso_date, today_utc,
    year_from_date,
};
pub use embedded::embedded;
pub use error::{AtlasError, AtlasErrors};
pub use evidence::{ControlStatus, DatePrecision, Evidence, EvidenceKind, PlaceControl, PlaceTimeline, Witness};
pub use land::*;
pub use load::{
    CONTROLLERS_FILE, ELEVATION_FILES, ElevationFiles, FILES, FORMAT, MAX_FILE_BYTES, PHASES_FILE, PLACEHOLDER,
    TIMELINE_FILE, load_dir, load_files, load_files_with, load_story_folder, read_story_text,
};
pub use model::*;
pub use open_as::{OpenAs, open_as};
pub use overlay::{Overlay, OverlayFeature, load_overlay, read_overlay};
pub use scaffold::{NewAtlas, PLACEHOLDER_CONTROLLER, Scaffold, scaffold, slug, with_geometries};
pub use search::{Found, SearchHit, SearchIndex, fold, kind_word};
pub use snapping::{Snapped, ZoneSnapped, snap_zones};
pub use story::{StepView, StepWhen, Story, StoryStep, Target};
pub use story_write::{story_json, target_name};
pub use taken::{QUIET_DAYS, Taken, fighting_began};
pub use text::{FALLBACK_LANG, Text};
pub use tiling::tiling_problems;
pub use timeline::{ControllerArea, Origin, RegionControl, Transition, ZoneChange};
