//! Fuzzes the atlas loader: one of the six files of a valid small atlas is replaced by the input
//! (the first byte chooses which). The loader must answer with errors or an atlas, never panic,
//! and an atlas it accepts must answer the timeline queries.
#![no_main]

use karabakh_atlas::atlas::load_files;
use libfuzzer_sys::fuzz_target;

const TINY: [(&str, &str); 6] = [
    ("atlas.json", include_str!("../../tests/data/tiny/atlas.json")),
    ("regions.geojson", include_str!("../../tests/data/tiny/regions.geojson")),
    ("zones.geojson", include_str!("../../tests/data/tiny/zones.geojson")),
    ("places.geojson", include_str!("../../tests/data/tiny/places.geojson")),
    ("lines.geojson", include_str!("../../tests/data/tiny/lines.geojson")),
    ("context.geojson", include_str!("../../tests/data/tiny/context.geojson")),
];

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let slot = usize::from(which) % TINY.len();
    let files: Vec<(&str, Option<&str>)> =
        TINY.iter().enumerate().map(|(i, (name, body))| (*name, Some(if i == slot { text } else { body }))).collect();
    if let Ok(atlas) = load_files(&files) {
        let (start, _) = atlas.span();
        let _ = atlas.control_at(start);
        let _ = atlas.area_by_controller(start);
        let _ = atlas.changes_between(start, start.tomorrow().unwrap_or(start));
    }
});
