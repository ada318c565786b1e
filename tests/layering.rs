//! The layers depend one way (`docs/architecture.md`): atlas → scene → export → ui → cli → main,
//! with `i18n` and `fonts` beside scene. This test reads the source and fails when a layer
//! reaches up or sideways, or when knowledge of one atlas creeps into the engine.

use std::path::{Path, PathBuf};

#[path = "common/source.rs"]
mod source;
use source::rust_files;

/// The source of a layer (a folder or a file under `src/`), without comments.
fn code_of(layer: &str) -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let path = root.join(layer);
    if path.is_dir() {
        rust_files(&path, &mut files);
    } else {
        files.push(path.with_extension("rs"));
    }
    files
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(&f).expect("read");
            let code: Vec<&str> = text.lines().filter(|l| !l.trim_start().starts_with("//")).collect();
            (f, code.join("\n"))
        })
        .collect()
}

/// What each layer must not use: the layers above it, and the window's crates below the window.
const RULES: &[(&str, &[&str])] = &[
    (
        "atlas",
        &["crate::scene", "crate::export", "crate::ui", "crate::cli", "crate::i18n", "crate::fonts", "egui", "eframe"],
    ),
    ("i18n", &["crate::atlas", "crate::scene", "crate::export", "crate::ui", "crate::cli", "egui", "eframe"]),
    ("fonts", &["crate::atlas", "crate::scene", "crate::export", "crate::ui", "crate::cli", "eframe"]),
    ("scene", &["crate::export", "crate::ui", "crate::cli", "eframe", "std::fs", "rfd"]),
    ("export", &["crate::ui", "crate::cli", "eframe", "rfd"]),
    ("ui", &["crate::cli"]),
];

#[test]
fn no_layer_reaches_up_or_sideways() {
    let mut broken = Vec::new();
    for (layer, forbidden) in RULES {
        let files = code_of(layer);
        assert!(!files.is_empty(), "no source for {layer}");
        for (file, code) in files {
            for word in *forbidden {
                // A use of the path, not a word inside another name (`egui_plot` is egui's too).
                let used = code.match_indices(word).any(|(i, _)| {
                    let before = code[..i].chars().next_back();
                    let after = code[i + word.len()..].chars().next();
                    !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                        && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
                });
                if used {
                    broken.push(format!("{} uses {word}", file.display()));
                }
            }
        }
    }
    assert!(broken.is_empty(), "layers reaching up:\n{}", broken.join("\n"));
}

#[test]
fn the_check_can_fail() {
    // The rule for `ui` finds a use of `crate::cli` where there is one, and not in a longer name.
    let code = "use crate::cli::run;\nlet x = crate::client;";
    let hits: Vec<_> = code.match_indices("crate::cli").collect();
    assert_eq!(hits.len(), 2);
    let used: Vec<bool> = hits
        .iter()
        .map(|(i, _)| !code[i + "crate::cli".len()..].chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_'))
        .collect();
    assert_eq!(used, [true, false]);
}

#[test]
fn nothing_of_one_atlas_is_in_the_engine() {
    // Ids, regions and credits of the Karabakh atlas belong to its data (assets/karabakh), which
    // the engine reads like any other atlas.
    let mut found = Vec::new();
    for layer in ["atlas", "scene", "export", "ui", "cli", "i18n"] {
        for (file, code) in code_of(layer) {
            if file.ends_with("embedded.rs") {
                continue;
            }
            for word in
                ["\"nkao", "\"lachin", "\"talish", "\"ka\"", "\"az\"", "Natural Earth", "GeoNames", "Lachin", "Talish"]
            {
                if code.contains(word) {
                    found.push(format!("{}: {word}", file.display()));
                }
            }
        }
    }
    assert!(found.is_empty(), "knowledge of the Karabakh atlas in the engine:\n{}", found.join("\n"));
}
