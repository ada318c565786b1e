//! Reading an atlas folder's files without harm: only plain files are opened (a named pipe would
//! wait for a writer for ever), none larger than its limit, text as UTF-8 with a byte-order mark
//! allowed.

use std::io::Read as _;
use std::path::Path;

use super::{ELEVATION_FILES, MAX_ELEVATION_BYTES, MAX_FILE_BYTES};
use crate::atlas::AtlasErrors;

/// Reads `elevation.hdr` and `elevation.bil` if the folder has them: both or neither.
pub(super) fn read_elevation_files(dir: &Path, errs: &mut AtlasErrors) -> Option<(String, String, String, Vec<u8>)> {
    let [header, data] = ELEVATION_FILES.map(|name| dir.join(name));
    let shown = |p: &Path| p.display().to_string();
    match (header.exists(), data.exists()) {
        (false, false) => return None,
        (true, false) => {
            errs.push(&shown(&data), None, "missing: elevation.hdr is there, but not the grid it describes");
            return None;
        }
        (false, true) => {
            errs.push(&shown(&header), None, "missing: elevation.bil is there, but not its header");
            return None;
        }
        (true, true) => {}
    }
    let text = read_text(&header, &shown(&header), errs)?;
    if !is_plain_file(&data, &shown(&data), errs) {
        return None;
    }
    let mut bytes = Vec::new();
    let read = std::fs::File::open(&data).and_then(|f| f.take(MAX_ELEVATION_BYTES + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        errs.push(&shown(&data), None, format!("cannot be read: {e}"));
        return None;
    }
    if bytes.len() as u64 > MAX_ELEVATION_BYTES {
        errs.push(&shown(&data), None, format!("too large: over the limit of {} MB", MAX_ELEVATION_BYTES / 1_000_000));
        return None;
    }
    Some((shown(&header), text, shown(&data), bytes))
}

/// Whether `path` is a plain file, said if not: opening a named pipe would wait for a writer
/// forever, and a device may never end.
fn is_plain_file(path: &Path, shown: &str, errs: &mut AtlasErrors) -> bool {
    let plain = std::fs::metadata(path).is_ok_and(|m| m.is_file());
    if !plain {
        errs.push(shown, None, "is not a plain file (a folder, a named pipe or a device): it is not read");
    }
    plain
}

pub(super) fn read_text(path: &Path, shown: &str, errs: &mut AtlasErrors) -> Option<String> {
    if !is_plain_file(path, shown, errs) {
        return None;
    }
    let mut bytes = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        errs.push(shown, None, format!("cannot be read: {e}"));
        return None;
    }
    match String::from_utf8(bytes) {
        Ok(s) => Some(s.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(s)),
        Err(e) => {
            errs.push(shown, None, format!("not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()));
            None
        }
    }
}

/// The stories of the atlas folder `dir`: every `*.json` in its `stories/` folder, by name, as
/// (shown name, text). No folder, no stories.
pub(super) fn read_story_files(dir: &Path, errs: &mut AtlasErrors) -> Vec<(String, String)> {
    let folder = dir.join("stories");
    let Ok(entries) = std::fs::read_dir(&folder) else { return Vec::new() };
    let mut paths: Vec<std::path::PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("json")))
        .collect();
    paths.sort();
    if paths.len() > crate::atlas::story::MAX_STORIES {
        let shown = folder.display().to_string();
        errs.push(
            &shown,
            None,
            crate::atlas::limits::over_limit(paths.len(), "stories", crate::atlas::story::MAX_STORIES),
        );
        return Vec::new();
    }
    paths
        .into_iter()
        .filter_map(|path| {
            let shown = path.display().to_string();
            match std::fs::metadata(&path) {
                Ok(m) if m.len() > super::MAX_FILE_BYTES => {
                    errs.push(&shown, None, "too large: over the limit of 64 MB per file");
                    None
                }
                _ => read_text(&path, &shown, errs).map(|text| (shown, text)),
            }
        })
        .collect()
}
