//! Fuzzes the atlas loader: one of the six files of a valid small atlas is replaced by the input
//! (the first byte chooses which). The loader must answer with errors or an atlas, never panic,
//! and an atlas it accepts must answer the timeline queries, pass `check`'s tiling checks and be
//! drawn: its geometry built, its scene composed and exported as SVG.
#![no_main]

use karabakh_atlas::atlas::load_files;
use karabakh_atlas::export::ExportOptions;
use karabakh_atlas::scene::MapGeometry;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/tiny.rs"]
mod tiny;
use tiny::TINY;

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
        let _ = karabakh_atlas::atlas::tiling_problems(&atlas, "zones.geojson", "places.geojson");
        let geometry = MapGeometry::new(&atlas);
        let options = ExportOptions::new(start, 400, 300);
        let _ = karabakh_atlas::export::svg(&atlas, &geometry, &options);
    }
});
