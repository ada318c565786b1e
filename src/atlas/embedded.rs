//! The Karabakh atlas, built into the binary so the program needs no files or network.

use super::{Atlas, AtlasErrors, load_files};

macro_rules! asset {
    ($name:literal) => {
        ($name, Some(include_str!(concat!("../../assets/karabakh/", $name))))
    };
}

/// Loads the embedded Karabakh atlas. It is checked by the tests, so an error here means a broken
/// build; it is still returned rather than unwrapped.
pub fn embedded() -> Result<Atlas, AtlasErrors> {
    load_files(&[
        asset!("atlas.json"),
        asset!("regions.geojson"),
        asset!("zones.geojson"),
        asset!("places.geojson"),
        asset!("lines.geojson"),
        asset!("context.geojson"),
    ])
}
