//! `check` as a map maker's assistant: rings wound either way, areas held to their official
//! figures with the tolerance applied, notes kept apart from errors.

use std::path::{Path, PathBuf};
use std::process::Command;

const TINY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/tiny");

/// A copy of the tiny atlas in `dir/name`, with `change` applied to each file's text.
fn tiny_copy(dir: &Path, name: &str, change: impl Fn(&str, String) -> String) -> PathBuf {
    let to = dir.join(name);
    std::fs::create_dir_all(&to).expect("dir");
    for entry in std::fs::read_dir(TINY).expect("tiny") {
        let entry = entry.expect("entry");
        let file = entry.file_name().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(entry.path()).expect("read");
        std::fs::write(to.join(&file), change(&file, text)).expect("write");
    }
    to
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_karabakh-atlas")).args(args).output().expect("run");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

/// Every ring of a GeoJSON text written the other way round (the d3 convention).
fn clockwise(text: &str) -> String {
    let mut v: serde_json::Value = serde_json::from_str(text).expect("json");
    for f in v["features"].as_array_mut().expect("features") {
        let g = &mut f["geometry"];
        let polygons: Vec<&mut serde_json::Value> = match g["type"].as_str() {
            Some("Polygon") => vec![&mut g["coordinates"]],
            Some("MultiPolygon") => g["coordinates"].as_array_mut().expect("parts").iter_mut().collect(),
            _ => continue,
        };
        for rings in polygons {
            for ring in rings.as_array_mut().expect("rings") {
                ring.as_array_mut().expect("ring").reverse();
            }
        }
    }
    v.to_string()
}

#[test]
fn rings_wound_clockwise_are_turned_round_with_a_note_and_give_the_same_areas() {
    let dir = tempfile::tempdir().expect("temp");
    let d3 = tiny_copy(dir.path(), "d3", |file, text| {
        if matches!(file, "zones.geojson" | "regions.geojson") { clockwise(&text) } else { text }
    });
    let (code, out, err) = run(&["check", d3.to_str().expect("path")]);
    assert_eq!(code, 0, "accepted:\n{out}{err}");
    assert!(out.contains("OK, with 2 note(s)"), "{out}");
    assert!(out.contains("note: ") && out.contains("zones.geojson") && out.contains("rings wound clockwise"), "{out}");
    assert_eq!(out.matches("rings wound clockwise").count(), 2, "once a file: {out}");
    let (_, at_d3, _) = run(&["at", "2001-03-01", "--atlas", d3.to_str().expect("path"), "--json"]);
    let (_, at_tiny, _) = run(&["at", "2001-03-01", "--atlas", TINY, "--json"]);
    assert_eq!(at_d3, at_tiny, "the same km² either way");
    assert!(!at_d3.contains("51005"), "no Earth-sized areas");
}

#[test]
fn an_area_off_its_official_figure_is_noted_beyond_its_tolerance_and_refused_when_absurd() {
    let dir = tempfile::tempdir().expect("temp");
    // Region A is drawn at about 12,100 km².
    let off = tiny_copy(dir.path(), "off", |file, text| {
        if file == "regions.geojson" {
            text.replace("\"official_area_km2\": 12100", "\"official_area_km2\": 10000")
        } else {
            text
        }
    });
    let (code, out, _) = run(&["check", off.to_str().expect("path")]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("region 'a': its area as drawn is 12"), "{out}");
    assert!(out.contains("% off the official 10000 km², outside its tolerance of ±10 %"), "{out}");
    let within = tiny_copy(dir.path(), "within", |file, text| {
        if file == "regions.geojson" {
            text.replace("\"official_area_km2\": 12100", "\"official_area_km2\": 10000, \"area_tolerance_pct\": 25")
        } else {
            text
        }
    });
    let (code, out, _) = run(&["check", within.to_str().expect("path")]);
    assert!(code == 0 && !out.contains("note"), "within its tolerance: {out}");
    let absurd = tiny_copy(dir.path(), "absurd", |file, text| {
        if file == "regions.geojson" {
            text.replace("\"official_area_km2\": 12100", "\"official_area_km2\": 12")
        } else {
            text
        }
    });
    let (code, _, err) = run(&["check", absurd.to_str().expect("path")]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("region 'a': its area as drawn is") && err.contains("too far off to be the region"), "{err}");
}

/// A copy of the tiny atlas with `old` replaced by `new` in atlas.json.
fn tiny_timeline(dir: &Path, name: &str, old: &str, new: &str) -> PathBuf {
    tiny_copy(dir, name, |file, text| {
        if file == "atlas.json" {
            assert!(text.contains(old), "atlas.json holds {old}");
            text.replacen(old, new, 1)
        } else {
            text
        }
    })
}

#[test]
fn every_schema_problem_is_said_once_in_plain_words_with_what_was_meant() {
    let dir = tempfile::tempdir().expect("temp");
    // (case, old, new, exit code, what must be said, how many problems)
    let cases: [(&str, &str, &str, i32, &str, usize); 7] = [
        (
            "color",
            r##""colour": "#cc3333""##,
            r##""color": "#cc3333""##,
            1,
            "controller 'red': has no \"colour\" (it has \"color\": did you mean \"colour\"?)",
            1,
        ),
        (
            "summry",
            r#""summary": {"en": "Red holds everything."}"#,
            r#""summry": {"en": "Red holds everything."}"#,
            0,
            "note: ",
            0,
        ),
        (
            "format",
            "\"karabakh-atlas/1\"",
            "\"karabakh-atlas/2\"",
            1,
            "\"format\" is \"karabakh-atlas/2\": this program reads \"karabakh-atlas/1\"",
            1,
        ),
        (
            "duplicate",
            r#""b": "red"}"#,
            r#""b": "red", "a-west": "blue"}"#,
            1,
            "phase 'P1': the control table names zone \"a-west\" twice",
            1,
        ),
        (
            "change",
            "\"changes\": [",
            "\"change\": [",
            0,
            "\"change\" is not a field of a phase (did you mean \"changes\"?)",
            0,
        ),
        (
            "near-miss",
            r#""a-east": "red", "b": "red"}"#,
            r#""a-east": "rd", "b": "red"}"#,
            1,
            "to unknown controller \"rd\" (did you mean \"red\"?)",
            1,
        ),
        ("bad-start", r#""start": "2001-01-01""#, r#""start": 2001"#, 1, "phase 'P2': a field has the wrong type", 1),
    ];
    for (name, old, new, code, said, problems) in cases {
        let atlas = tiny_timeline(dir.path(), name, old, new);
        let (got, out, err) = run(&["check", atlas.to_str().expect("path")]);
        let text = format!("{out}{err}");
        assert_eq!(got, code, "{name}:\n{text}");
        assert!(text.contains(said), "{name}: wanted {said}\n{text}");
        let counted =
            if problems == 0 { text.contains("problem") } else { text.contains(&format!("{problems} problem:")) };
        assert!(if problems == 0 { !counted } else { counted }, "{name}: {problems} problem(s), no cascade\n{text}");
    }
    // A misspelt field is noted with its place.
    let atlas =
        tiny_timeline(dir.path(), "summry-2", r#""summary": {"en": "Red holds everything."}"#, r#""summry": "x""#);
    let (_, out, _) = run(&["check", atlas.to_str().expect("path")]);
    assert!(out.contains("phase 'P1': \"summry\" is not a field of a phase (did you mean \"summary\"?)"), "{out}");
}
