//! The six files of the tiny test atlas (tests/data/tiny), as (name, text) in the order the
//! loader reads them: shared by the tests, the unit tests and the fuzz target.

/// The tiny atlas's files.
pub const TINY: [(&str, &str); 6] = [
    ("atlas.json", include_str!("../data/tiny/atlas.json")),
    ("regions.geojson", include_str!("../data/tiny/regions.geojson")),
    ("zones.geojson", include_str!("../data/tiny/zones.geojson")),
    ("places.geojson", include_str!("../data/tiny/places.geojson")),
    ("lines.geojson", include_str!("../data/tiny/lines.geojson")),
    ("context.geojson", include_str!("../data/tiny/context.geojson")),
];
