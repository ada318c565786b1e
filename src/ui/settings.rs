//! What is remembered between runs. One serde struct with defaults, so an old, partial or corrupt
//! settings file never stops the program: it starts with the defaults instead. Every remembered
//! value is validated and clamped as it is read ([`Settings::sanitized`]), with a note in the log
//! for each one changed, and eframe's own remembered window and egui memory are left out of the
//! file before eframe reads them ([`clean_storage`]): a zoom factor of 0, NaN or 1000 there would
//! panic in winit before the first frame, and the program keeps its own, checked, copies instead.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::scene::{MapLayers, NameStyle, View};

/// Where eframe keeps the settings.
pub const KEY: &str = "karabakh-atlas-settings";

/// The keys eframe itself writes into the same file, which it reads before the program can check
/// them. The program writes neither (see [`crate::ui::run`]) and removes old ones.
pub const EFRAME_KEYS: [&str; 2] = ["egui", "window"];

/// The zoom factors the window accepts (egui's Ctrl + and Ctrl − stay well inside).
pub const ZOOM_FACTORS: std::ops::RangeInclusive<f32> = 0.5..=3.0;

/// The smallest window the panels fit in, width and height in points (also the window's minimum).
pub const WINDOW_MIN: [f32; 2] = [760.0, 480.0];

/// The largest window remembered, either side, in points.
const WINDOW_MAX: f32 = 16_384.0;

/// How far off the origin a remembered window position may be, in points.
const MAX_POSITION: f32 = 65_536.0;

/// How many recent folders are kept, and how long a remembered path may be.
const MAX_RECENT: usize = 10;
const MAX_PATH_CHARS: usize = 4096;

/// Where the window was and how large, in points.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct WindowGeometry {
    /// Inner width and height.
    pub size: [f32; 2],
    /// The outer top-left corner, if known.
    pub position: Option<[f32; 2]>,
}

/// Everything remembered. Values are kept as written (a date as text, a language as its code) and
/// checked when used, so one bad value falls back alone instead of taking the others with it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The last date shown, YYYY-MM-DD.
    pub date: Option<String>,
    /// The last view of the built-in atlas (zoom clamped as it is read).
    pub view: Option<View>,
    /// The interface language's code.
    pub lang: Option<String>,
    /// The naming tradition of place labels.
    pub names: NameStyle,
    /// The layers of the land shown.
    pub layers: MapLayers,
    /// Atlas folders opened lately, newest first.
    pub recent: Vec<String>,
    /// egui's zoom factor (Ctrl + and Ctrl −).
    pub zoom_factor: Option<f32>,
    /// The window's size and place.
    pub window: Option<WindowGeometry>,
}

impl Settings {
    /// The interface language: the remembered one if it is one of the interface's, else English.
    pub fn lang(&self) -> Lang {
        self.lang.as_deref().and_then(Lang::from_code).unwrap_or_default()
    }

    /// The settings with every value checked: out-of-range numbers clamped, impossible ones (not
    /// finite, a date that is no date, a language the interface has not) dropped for the default,
    /// recent folders kept to ten plain paths. Returns what was changed, one note a value.
    pub fn sanitized(mut self) -> (Self, Vec<String>) {
        let mut notes = Vec::new();
        if let Some(z) = self.zoom_factor {
            let fixed = z.is_finite().then(|| z.clamp(*ZOOM_FACTORS.start(), *ZOOM_FACTORS.end()));
            if fixed != Some(z) {
                notes.push(format!(
                    "zoom factor {z} {}",
                    fixed.map_or("dropped".to_owned(), |f| format!("clamped to {f}"))
                ));
                self.zoom_factor = fixed;
            }
        }
        if let Some(w) = self.window {
            let side = |v: f32, min: f32| v.is_finite().then(|| v.clamp(min, WINDOW_MAX));
            let fixed = match (side(w.size[0], WINDOW_MIN[0]), side(w.size[1], WINDOW_MIN[1])) {
                (Some(width), Some(height)) => Some(WindowGeometry {
                    size: [width, height],
                    position: w.position.filter(|p| p.iter().all(|v| v.is_finite() && v.abs() <= MAX_POSITION)),
                }),
                _ => None,
            };
            if fixed != Some(w) {
                notes.push(format!("window {:?} at {:?} replaced by {fixed:?}", w.size, w.position));
                self.window = fixed;
            }
        }
        if let Some(d) = &self.date
            && crate::atlas::parse_iso_date(d).is_err()
        {
            notes.push(format!("date {d:?} is no date; dropped"));
            self.date = None;
        }
        if let Some(code) = &self.lang
            && Lang::from_code(code).is_none()
        {
            notes.push(format!("language {code:?} unknown; dropped"));
            self.lang = None;
        }
        if let Some(v) = self.view
            && !(v.centre.x.is_finite() && v.centre.y.is_finite() && v.zoom.get().is_finite())
        {
            notes.push("view not finite; dropped".to_owned());
            self.view = None;
        }
        let before = self.recent.len();
        self.recent
            .retain(|r| !r.is_empty() && r.chars().count() <= MAX_PATH_CHARS && !r.chars().any(char::is_control));
        self.recent.dedup();
        self.recent.truncate(MAX_RECENT);
        if self.recent.len() != before {
            notes.push(format!("recent folders: {} kept of {before}", self.recent.len()));
        }
        (self, notes)
    }
}

/// Reads the settings from eframe's storage file `path` (a RON map of keys to RON texts), checked.
/// A missing, unreadable or corrupt file gives the defaults.
pub fn read_from_file(path: &Path) -> (Settings, Vec<String>) {
    let map = read_map(path).unwrap_or_default();
    let settings = map.get(KEY).and_then(|text| ron::from_str::<Settings>(text).ok()).unwrap_or_default();
    settings.sanitized()
}

/// Takes eframe's own remembered window and egui memory out of its storage file at `path`
/// (before eframe reads it), so that no value the program has not checked reaches winit. Returns
/// the keys taken out. A file that cannot be read is left as it is (eframe then starts afresh).
pub fn clean_storage(path: &Path) -> Vec<&'static str> {
    let Some(mut map) = read_map(path) else { return Vec::new() };
    let removed: Vec<&'static str> = EFRAME_KEYS.into_iter().filter(|k| map.remove(*k).is_some()).collect();
    if !removed.is_empty()
        && let Ok(text) = ron::ser::to_string_pretty(&map, ron::ser::PrettyConfig::default())
    {
        let _ = std::fs::write(path, text);
    }
    removed
}

/// The storage file's map, if it is a regular file that reads as one (a named pipe or a device is
/// never opened: it could block the start for ever).
fn read_map(path: &Path) -> Option<HashMap<String, String>> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > 16 * 1024 * 1024 {
        return None;
    }
    ron::from_str(&std::fs::read_to_string(path).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_zoom(z: f32) -> Settings {
        Settings { zoom_factor: Some(z), ..Settings::default() }
    }

    #[test]
    fn every_remembered_zoom_factor_is_made_safe() {
        for (z, want) in [(0.0, Some(0.5)), (0.001, Some(0.5)), (1000.0, Some(3.0)), (1.25, Some(1.25))] {
            assert_eq!(with_zoom(z).sanitized().0.zoom_factor, want, "{z}");
        }
        for z in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY] {
            let (s, notes) = with_zoom(z).sanitized();
            assert_eq!(s.zoom_factor, None, "{z}");
            assert_eq!(notes.len(), 1, "one note: {notes:?}");
        }
        assert!(with_zoom(1.0).sanitized().1.is_empty(), "a good value passes without a note");
    }

    #[test]
    fn a_remembered_window_is_kept_on_a_screen() {
        let window = |size: [f32; 2], position| Settings {
            window: Some(WindowGeometry { size, position }),
            ..Settings::default()
        };
        let tiny = window([1.0, 1.0], Some([10.0, 10.0])).sanitized().0.window.expect("kept");
        assert_eq!(tiny.size, WINDOW_MIN);
        assert_eq!(window([f32::NAN, 900.0], None).sanitized().0.window, None);
        let far = window([1400.0, 900.0], Some([1e9, 0.0])).sanitized().0.window.expect("kept");
        assert_eq!(far.position, None, "a position off every screen is forgotten");
        let huge = window([1e7, 1e7], None).sanitized().0.window.expect("kept");
        assert_eq!(huge.size, [16_384.0, 16_384.0]);
    }

    #[test]
    fn bad_dates_languages_views_and_folders_fall_back_alone() {
        let s = Settings {
            date: Some("2020-13-45".into()),
            lang: Some("xx".into()),
            names: NameStyle::Both,
            recent: vec!["".into(), "/a".into(), "/a".into(), "\u{1b}[2J".into()],
            ..Settings::default()
        };
        let (s, notes) = s.sanitized();
        assert_eq!((s.date, s.lang, s.names), (None, None, NameStyle::Both));
        assert_eq!(s.recent, ["/a"]);
        assert_eq!(notes.len(), 3, "{notes:?}");
    }

    #[test]
    fn eframe_s_own_values_are_taken_out_of_the_file_and_ours_read_checked() {
        let dir = tempfile::tempdir().expect("temp");
        let path = dir.path().join("app.ron");
        let ours = ron::to_string(&Settings { zoom_factor: Some(f32::NAN), ..Settings::default() }).expect("ron");
        let map: HashMap<String, String> = [
            (KEY.to_owned(), ours),
            ("egui".to_owned(), "(options: (zoom_factor: NaN))".to_owned()),
            ("window".to_owned(), "(inner_size_points: Some((0.0, 0.0)))".to_owned()),
        ]
        .into_iter()
        .collect();
        std::fs::write(&path, ron::to_string(&map).expect("ron")).expect("write");
        assert_eq!(clean_storage(&path), ["egui", "window"]);
        let left = read_map(&path).expect("still a map");
        assert_eq!(left.keys().collect::<Vec<_>>(), [KEY]);
        let (settings, notes) = read_from_file(&path);
        assert_eq!(settings.zoom_factor, None);
        assert_eq!(notes.len(), 1);
        // A corrupt file, or none, gives the defaults; a folder in its place is not read.
        std::fs::write(&path, "not ron {").expect("write");
        assert!(read_from_file(&path).0.zoom_factor.is_none());
        assert!(clean_storage(dir.path()).is_empty());
    }
}
