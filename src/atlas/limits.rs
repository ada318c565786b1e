//! What one atlas may hold, counted before anything is built from it, so that a small hostile
//! file (a hundred thousand one-line events, a sheet of a million rows) is refused at once with
//! the limit it passes, rather than read for minutes. Each limit is far above any real atlas:
//! the Karabakh atlas has 18 zones, about 1,000 places, 28 phases and 400 events. The limits on
//! file size, positions, nesting and text length are beside the readers they bound; all are
//! listed in docs/testing.md.

/// Most features in one GeoJSON layer (zones, places, lines…).
pub const MAX_FEATURES: usize = 100_000;
/// Most controllers (sides).
pub const MAX_CONTROLLERS: usize = 1_000;
/// Most phases.
pub const MAX_PHASES: usize = 10_000;
/// Most changes of control, in all phases together (or rows of timeline.csv).
pub const MAX_CHANGES: usize = 200_000;
/// Most events.
pub const MAX_EVENTS: usize = 100_000;
/// Most rows of one spreadsheet.
pub const MAX_SHEET_ROWS: usize = 200_000;

/// The words for a list over its limit: "has 100001 events: over the limit of 100000 an atlas
/// may hold".
pub fn over_limit(count: usize, what: &str, limit: usize) -> String {
    format!("has {count} {what}: over the limit of {limit} an atlas may hold")
}
