//! The Karabakh atlas, built into the binary so the program needs no files or network.

use super::{Atlas, AtlasErrors, ElevationFiles, load_files_with};

macro_rules! asset {
    ($name:literal) => {
        ($name, Some(include_str!(concat!("../../assets/karabakh/", $name))))
    };
}

/// The built-in stories, as `stories/*.json` of a folder would be read.
macro_rules! story {
    ($name:literal) => {
        (
            concat!("stories/", $name).to_owned(),
            include_str!(concat!("../../assets/karabakh/stories/", $name)).to_owned(),
        )
    };
}

/// Loads the embedded Karabakh atlas. It is checked by the tests, so an error here means a broken
/// build; it is still returned rather than unwrapped.
pub fn embedded() -> Result<Atlas, AtlasErrors> {
    let mut atlas = embedded_layers()?;
    let mut errs = AtlasErrors::default();
    atlas.stories = super::load::read_stories(
        &atlas,
        &[story!("oblast-to-war.json"), story!("war-2020.json"), story!("lachin-corridor.json")],
        &mut errs,
    );
    if errs.errors().next().is_some() {
        return Err(errs);
    }
    atlas.notes.extend(errs.notes().cloned());
    Ok(atlas)
}

/// The embedded atlas's files, read as a folder's would be.
fn embedded_layers() -> Result<Atlas, AtlasErrors> {
    let elevation = ElevationFiles {
        header: ("elevation.hdr", include_str!("../../assets/karabakh/elevation.hdr")),
        data: ("elevation.bil", include_bytes!("../../assets/karabakh/elevation.bil")),
    };
    load_files_with(
        &[
            asset!("atlas.json"),
            asset!("regions.geojson"),
            asset!("zones.geojson"),
            asset!("places.geojson"),
            asset!("lines.geojson"),
            asset!("context.geojson"),
            asset!("water.geojson"),
            asset!("heights.geojson"),
            asset!("roads.geojson"),
            asset!("locator.geojson"),
            asset!("evidence.json"),
        ],
        Some(elevation),
    )
}
