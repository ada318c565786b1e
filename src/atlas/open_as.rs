//! What a path the user hands over opens as, the same for a file dropped on the window and for
//! `check PATH`: a GeoJSON file outside an atlas folder is an overlay; a folder, or any file in
//! an atlas folder, is that atlas.

use std::path::{Path, PathBuf};

/// What a path opens as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenAs {
    /// A plain GeoJSON file shown over the atlas.
    Overlay(PathBuf),
    /// An atlas folder.
    Atlas(PathBuf),
}

/// What `path` opens as. A path that does not exist is taken for a folder, so that its error
/// names it.
pub fn open_as(path: &Path) -> OpenAs {
    if !path.is_file() {
        return OpenAs::Atlas(path.to_path_buf());
    }
    let is_geojson =
        path.extension().is_some_and(|e| e.eq_ignore_ascii_case("geojson") || e.eq_ignore_ascii_case("json"));
    let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
    if is_geojson && !folder.join("atlas.json").is_file() {
        OpenAs::Overlay(path.to_path_buf())
    } else {
        OpenAs::Atlas(folder)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_in_an_atlas_folder_opens_the_atlas() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
        assert_eq!(open_as(&root.join("tiny/zones.geojson")), OpenAs::Atlas(root.join("tiny")));
        assert_eq!(open_as(&root.join("tiny")), OpenAs::Atlas(root.join("tiny")));
        let school = root.join("overlays/schools.geojson");
        assert_eq!(open_as(&school), OpenAs::Overlay(school));
        let missing = root.join("no/such/atlas");
        assert_eq!(open_as(&missing), OpenAs::Atlas(missing));
    }
}
