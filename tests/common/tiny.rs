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

/// The tiny atlas with its timeline as spreadsheets (tests/data/tiny-sheets): its atlas.json
/// without controllers and phases, and the three CSV files, by name.
#[allow(dead_code)]
pub const TINY_SHEETS: [(&str, &str); 4] = [
    ("atlas.json", include_str!("../data/tiny-sheets/atlas.json")),
    ("controllers.csv", include_str!("../data/tiny-sheets/controllers.csv")),
    ("phases.csv", include_str!("../data/tiny-sheets/phases.csv")),
    ("timeline.csv", include_str!("../data/tiny-sheets/timeline.csv")),
];

/// Every file the loader reads, in its order (`order`, the loader's `FILES`), for the tiny atlas
/// in its spreadsheet form, with `replace` giving the text of one of `TINY_SHEETS` (by its index
/// there) instead.
#[allow(dead_code)]
pub fn tiny_sheet_files(order: &[&'static str], replace: Option<(usize, &str)>) -> Vec<(&'static str, Option<String>)> {
    let sheet = |name: &str| {
        TINY_SHEETS.iter().enumerate().find(|(_, (n, _))| *n == name).map(|(i, (_, text))| match replace {
            Some((r, with)) if r == i => with.to_owned(),
            _ => (*text).to_owned(),
        })
    };
    order
        .iter()
        .map(|&name| {
            let layer = TINY.iter().find(|(n, _)| *n == name && name != "atlas.json").map(|(_, t)| (*t).to_owned());
            (name, sheet(name).or(layer))
        })
        .collect()
}
