//! Fuzzes the spreadsheet form of the timeline: one of atlas.json, controllers.csv, phases.csv
//! and timeline.csv of the tiny atlas in that form (tests/data/tiny-sheets) is replaced by the
//! input (the first byte chooses which). The loader must answer with errors or an atlas, never
//! panic; an atlas it accepts must answer the timeline queries, pass `check`'s tiling checks and
//! be drawn: its geometry built, its scene composed and exported as SVG.
#![no_main]

use karabakh_atlas::atlas::{FILES, load_files, tiling_problems};
use karabakh_atlas::export::ExportOptions;
use karabakh_atlas::scene::MapGeometry;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/tiny.rs"]
mod tiny;
use tiny::{TINY_SHEETS, tiny_sheet_files};

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let slot = usize::from(which) % TINY_SHEETS.len();
    let files = tiny_sheet_files(&FILES, Some((slot, text)));
    let files: Vec<(&str, Option<&str>)> = files.iter().map(|(n, t)| (*n, t.as_deref())).collect();
    if let Ok(atlas) = load_files(&files) {
        let (start, end) = atlas.span();
        for day in [start, end.unwrap_or(start)] {
            let _ = atlas.control_at(day);
            let _ = atlas.area_by_controller(day);
        }
        let _ = atlas.changes_between(start, end.unwrap_or(start));
        let _ = tiling_problems(&atlas, "zones.geojson", "places.geojson");
        let geometry = MapGeometry::new(&atlas);
        let options = ExportOptions::new(end.unwrap_or(start), 400, 300);
        let _ = karabakh_atlas::export::svg(&atlas, &geometry, &options);
    }
});
