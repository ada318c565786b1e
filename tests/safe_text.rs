//! Texts that attack the terminal or the pictures: refused by `check` with their file, feature and
//! problem, never printed raw; ids that name paths never lead an export out of its folder; every
//! text `check` accepts makes a picture.

use std::path::{Path, PathBuf};
use std::process::Command;

const TINY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/tiny");

/// A copy of the tiny atlas with `old` replaced by `new` in `file`.
fn tiny_with(dir: &Path, name: &str, file: &str, old: &str, new: &str) -> PathBuf {
    let to = dir.join(name);
    std::fs::create_dir_all(&to).expect("dir");
    for entry in std::fs::read_dir(TINY).expect("tiny") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
    }
    let path = to.join(file);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(old), "{file} holds {old}");
    std::fs::write(&path, text.replacen(old, new, 1)).expect("write");
    to
}

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_karabakh-atlas")).args(args).output().expect("run");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn texts_that_could_drive_a_terminal_are_refused_and_never_printed_raw() {
    let dir = tempfile::tempdir().expect("temp");
    // (copy name, file, what is replaced, by what, what the message must say)
    let cases = [
        (
            "esc-in-zone-id",
            "zones.geojson",
            r#""id": "a-west""#,
            r#""id": "a-w\u001b[2Jest""#,
            "zones.geojson: feature #0: its id contains the control character U+001B",
        ),
        (
            "bel-in-source",
            "atlas.json",
            r#""Blue news""#,
            r#""Blue \u0007news""#,
            "phase 'P2': a source's title contains the control character U+0007",
        ),
        (
            "bidi-in-name",
            "zones.geojson",
            r#""name": "A west""#,
            r#""name": "A \u202ewest""#,
            "property \"name\" contains the bidirectional control U+202E",
        ),
        (
            "ffff-in-title",
            "atlas.json",
            r#""Tiny test atlas""#,
            r#""Tiny \uffff atlas""#,
            "the atlas title (en) contains the noncharacter U+FFFF",
        ),
        (
            "nul-in-controller-id",
            "atlas.json",
            r#"{"id": "red""#,
            r#"{"id": "r\u0000ed""#,
            "controller #0: its id contains the control character U+0000",
        ),
        (
            "bidi-in-phase-id",
            "atlas.json",
            r#""id": "P1""#,
            r#""id": "P\u2066""#,
            "phase #0: its id contains the bidirectional control U+2066",
        ),
    ];
    for (name, file, old, new, said) in cases {
        let atlas = tiny_with(dir.path(), name, file, old, new);
        let (code, text) = run(&["check", atlas.to_str().expect("path")]);
        assert_eq!(code, 1, "{name}: refused\n{text}");
        assert!(text.contains(said), "{name}: the message\n{text}");
        for raw in ['\u{1b}', '\u{7}', '\u{0}', '\u{202e}', '\u{2066}', '\u{ffff}'] {
            assert!(!text.contains(raw), "{name}: {raw:?} printed raw\n{text}");
        }
    }
}

#[test]
fn an_id_naming_a_path_never_leads_a_deck_out_of_its_folder() {
    let dir = tempfile::tempdir().expect("temp");
    let atlas = tiny_with(dir.path(), "path-id", "atlas.json", r#""id": "E1""#, r#""id": "x/../../escaped""#);
    let (code, text) = run(&["check", atlas.to_str().expect("path")]);
    assert_eq!(code, 0, "a slash is allowed in an id\n{text}");
    let deck = dir.path().join("out").join("deck");
    let (code, text) = run(&[
        "export",
        "--atlas",
        atlas.to_str().expect("path"),
        "--deck",
        deck.to_str().expect("path"),
        "--format",
        "svg",
        "--size",
        "320x200",
    ]);
    assert_eq!(code, 0, "{text}");
    let written: Vec<String> = std::fs::read_dir(&deck)
        .expect("the deck")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(written.iter().any(|f| f.contains("event-x_______escaped")), "{written:?}");
    // Nothing beside the deck's folder, nor above it.
    let beside: Vec<_> = std::fs::read_dir(dir.path().join("out")).expect("out").collect();
    assert_eq!(beside.len(), 1, "only the deck folder in out/");
    assert!(!dir.path().join("escaped.svg").exists() && !dir.path().join("out").join("escaped.svg").exists());
}

#[test]
fn every_text_check_accepts_makes_a_picture() {
    let dir = tempfile::tempdir().expect("temp");
    let atlas = tiny_with(
        dir.path(),
        "markup",
        "atlas.json",
        r#""Tiny test atlas""#,
        r#""<Tiny> & \"test\" atlas ‹›\u200f\u00a0""#,
    );
    let (code, text) = run(&["check", atlas.to_str().expect("path")]);
    assert_eq!(code, 0, "{text}");
    for out in ["t.svg", "t.png", "t.pdf"] {
        let path = dir.path().join(out);
        let (code, text) = run(&[
            "export",
            "--atlas",
            atlas.to_str().expect("path"),
            "--date",
            "2001-03-01",
            "--size",
            "640x400",
            "--out",
            path.to_str().expect("path"),
        ]);
        assert_eq!(code, 0, "{out}: {text}");
        assert!(std::fs::metadata(&path).expect("written").len() > 1000, "{out}");
    }
    let svg = std::fs::read_to_string(dir.path().join("t.svg")).expect("svg");
    assert!(svg.contains("&lt;Tiny&gt; &amp; &quot;test&quot; atlas"), "escaped in the SVG");
}
