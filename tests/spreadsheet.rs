//! An atlas made the way a teacher makes one: `new` from a drawing, then the timeline as
//! spreadsheets (controllers.csv, phases.csv, timeline.csv), each mistake in them said with its
//! file and line, once.

use std::path::{Path, PathBuf};
use std::process::Command;

const TINY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/tiny");

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_karabakh-atlas")).args(args).output().expect("run");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

fn path(p: &Path) -> &str {
    p.to_str().expect("path")
}

const CONTROLLERS: &str = include_str!("data/tiny-sheets/controllers.csv");
const PHASES: &str = include_str!("data/tiny-sheets/phases.csv");
const TIMELINE: &str = include_str!("data/tiny-sheets/timeline.csv");

#[path = "common/tiny.rs"]
mod tiny;

#[test]
fn the_fuzz_targets_spreadsheet_atlas_loads_in_memory() {
    let files = tiny::tiny_sheet_files(&karabakh_atlas::atlas::FILES, None);
    let files: Vec<(&str, Option<&str>)> = files.iter().map(|(n, t)| (*n, t.as_deref())).collect();
    let atlas = karabakh_atlas::atlas::load_files(&files).expect("the spreadsheet form of the tiny atlas loads");
    assert_eq!(atlas.phases.len(), 3);
    assert_eq!(atlas.controllers.len(), 2);
}

/// The tiny atlas with its controllers and phases given as spreadsheets instead of in atlas.json;
/// `edit` changes a spreadsheet's text (by file name) before it is written.
fn tiny_as_sheets(dir: &Path, edit: impl Fn(&str, &str) -> String) -> PathBuf {
    let to = dir.join("sheets");
    std::fs::create_dir_all(&to).expect("dir");
    for entry in std::fs::read_dir(TINY).expect("tiny") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
    }
    let mut atlas: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(to.join("atlas.json")).expect("read")).expect("json");
    let object = atlas.as_object_mut().expect("object");
    object.remove("controllers");
    object.remove("phases");
    std::fs::write(to.join("atlas.json"), atlas.to_string()).expect("write");
    for (name, text) in [("controllers.csv", CONTROLLERS), ("phases.csv", PHASES), ("timeline.csv", TIMELINE)] {
        std::fs::write(to.join(name), edit(name, text)).expect("write");
    }
    to
}

#[test]
fn a_timeline_in_spreadsheets_reads_as_the_same_timeline_in_json() {
    let dir = tempfile::tempdir().expect("temp");
    let sheets = tiny_as_sheets(dir.path(), |_, t| t.to_owned());
    let (code, out, err) = run(&["check", path(&sheets)]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains(": OK\n"), "no notes either: {out}");
    for date in ["2000-06-01", "2001-03-01", "2001-05-31", "2001-06-01", "2002-01-01", "2020-01-01"] {
        let (_, from_sheets, e1) = run(&["at", date, "--atlas", path(&sheets), "--json"]);
        let (_, from_json, e2) = run(&["at", date, "--atlas", TINY, "--json"]);
        assert!(!from_sheets.is_empty(), "{e1}");
        assert_eq!(from_sheets, from_json, "{date}: {e2}");
    }
    // The change's note and the controller's Vietnamese name are read too.
    let (_, diff, _) = run(&["diff", "2001-05-01", "2001-07-01", "--atlas", path(&sheets)]);
    assert!(diff.contains("b"), "{diff}");
    let (_, vi, _) = run(&["at", "2000-06-01", "--atlas", path(&sheets), "--lang", "vi"]);
    assert!(vi.contains("Phe Đỏ"), "{vi}");
}

/// The problems `check` reports for the spreadsheets with `edit` applied.
fn problems(edit: impl Fn(&str, &str) -> String) -> (i32, String) {
    let dir = tempfile::tempdir().expect("temp");
    let sheets = tiny_as_sheets(dir.path(), edit);
    let (code, out, err) = run(&["check", path(&sheets)]);
    (code, format!("{out}{err}"))
}

fn in_file(file: &'static str, f: impl Fn(&str) -> String) -> impl Fn(&str, &str) -> String {
    move |name, text| if name == file { f(text) } else { text.to_owned() }
}

#[test]
fn each_mistake_in_a_spreadsheet_is_said_once_with_its_file_and_line() {
    // A misspelt zone: its line, and the zone meant.
    let (code, out) = problems(in_file("timeline.csv", |t| t.replace("2001-01-01,a-east", "2001-01-01,a-eats")));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("timeline.csv: line 4: names \"a-eats\", which is neither a zone nor a region of the atlas (did you mean \"a-east\"?)"), "{out}");
    assert_eq!(out.matches("problem").count(), 1, "one problem, no cascade: {out}");
    assert!(out.contains("1 problem:"), "{out}");

    // A misspelt controller.
    let (_, out) = problems(in_file("timeline.csv", |t| t.replace("2001-06-01,b,blue", "2001-06-01,b,bleu")));
    assert!(out.contains("line 5: names unknown controller \"bleu\" (did you mean \"blue\"?)"), "{out}");
    assert!(out.contains("1 problem:"), "{out}");

    // A date before the timeline, and one that does not exist.
    let (_, out) = problems(in_file("timeline.csv", |t| t.replace("2002-01-01,a-west", "1999-01-01,a-west")));
    assert!(out.contains("line 6: its date, 1999-01-01, is before the first phase starts (2000-01-01)"), "{out}");
    let (_, out) = problems(in_file("timeline.csv", |t| t.replace("2001-06-01", "2001-02-29")));
    assert!(out.contains("line 5: date") && out.contains("February 2001 has 28 days"), "{out}");

    // Two sides given one zone on one day.
    let (_, out) = problems(in_file("timeline.csv", |t| format!("{t}2001-06-01,b,red,Red news,,\n")));
    assert!(
        out.contains("line 7: gives zone \"b\" to \"red\" on 2001-06-01, but line 5 gives it to \"blue\" that day"),
        "{out}"
    );

    // A change with no source.
    let (_, out) =
        problems(in_file("timeline.csv", |t| t.replace("2001-06-01,b,blue,Blue news", "2001-06-01,b,blue,")));
    assert!(out.contains("line 5: has no source"), "{out}");

    // A zone no row gives a side at the start.
    let (_, out) = problems(in_file("timeline.csv", |t| t.replace("2000-01-01,b,red,,,\n", "")));
    assert!(
        out.contains("no row gives zone \"b\" a controller on 2000-01-01, when the first phase ('P1') starts"),
        "{out}"
    );
    assert!(out.contains("1 problem:"), "said once, not for every phase: {out}");

    // A missing column, with the misspelt one that is there.
    let (_, out) = problems(in_file("controllers.csv", |t| t.replacen("colour", "color", 1)));
    assert!(out.contains("controllers.csv: line 1: has no column \"colour\", which it needs (it has \"color\": did you mean \"colour\"?)"), "{out}");

    // A row of the wrong length.
    let (_, out) =
        problems(in_file("phases.csv", |t| t.replace("P3,2002-01-01,All blue,", "P3,2002-01-01,All, blue,")));
    assert!(out.contains("phases.csv: line 4: has 7 cells where the first line names 6 columns"), "{out}");

    // A phases file with no row: said once, not again as "no phases" of the atlas.
    let (_, out) = problems(in_file("phases.csv", |t| t.lines().next().unwrap_or_default().to_owned() + "\n"));
    assert!(out.contains("phases.csv: has no phases"), "{out}");
    assert!(out.contains("1 problem:"), "{out}");

    // A bad colour is said against the spreadsheet's line.
    let (_, out) = problems(in_file("controllers.csv", |t| t.replace("#3355cc", "blue")));
    assert!(
        out.contains("controllers.csv: controller 'blue' (line 3): colour \"blue\" is not a #rrggbb colour"),
        "{out}"
    );
}

#[test]
fn a_sheet_over_its_row_limit_is_refused_at_once() {
    let limit = karabakh_atlas::atlas::limits::MAX_SHEET_ROWS;
    let (code, out) = problems(in_file("timeline.csv", move |t| {
        format!("{t}{}", "2001-06-01,b,blue,Blue news,,\n".repeat(limit + 1))
    }));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(&format!("timeline.csv: has more than {limit} rows: over the limit")), "{out}");
}

#[test]
fn unknown_columns_and_placeholders_are_notes_and_the_atlas_opens() {
    let (code, out) = problems(in_file("timeline.csv", |t| t.replacen("note", "nte", 1)));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("\"nte\" is not a column of") && out.contains("(did you mean \"note\"?)"), "{out}");
    let (code, out) = problems(in_file("phases.csv", |t| t.replace("All blue", "To be filled in")));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("phases.csv: line 4: \"title\" still says \"To be filled in\""), "{out}");
}

#[test]
fn the_timeline_is_given_in_one_form_not_both_nor_half() {
    let dir = tempfile::tempdir().expect("temp");
    let sheets = tiny_as_sheets(dir.path(), |_, t| t.to_owned());
    std::fs::remove_file(sheets.join("timeline.csv")).expect("rm");
    let (code, out, err) = run(&["check", path(&sheets)]);
    assert_eq!(code, 1);
    assert!(err.contains("phases.csv: is there without timeline.csv"), "{out}{err}");

    let both = dir.path().join("both");
    std::fs::create_dir_all(&both).expect("dir");
    for entry in std::fs::read_dir(TINY).expect("tiny") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), both.join(entry.file_name())).expect("copy");
    }
    std::fs::write(both.join("phases.csv"), PHASES).expect("write");
    std::fs::write(both.join("timeline.csv"), TIMELINE).expect("write");
    let (code, _, err) = run(&["check", path(&both)]);
    assert_eq!(code, 1);
    assert!(err.contains("gives \"phases\", and so does") && err.contains("keep one of the two"), "{err}");
}

/// A drawing of two squares side by side, as geojson.io writes it (no ids, a name property).
const DRAWING: &str = r#"{"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"name": "West Field"},
  "geometry": {"type": "Polygon", "coordinates": [[[10,10],[10,11],[10.5,11],[10.5,10],[10,10]]]}},
 {"type": "Feature", "properties": {"name": "East Field", "note": "Drawn by hand."},
  "geometry": {"type": "Polygon", "coordinates": [[[10.5,10],[10.5,11],[11,11],[11,10],[10.5,10]]]}}
]}"#;

#[test]
fn new_makes_an_atlas_that_opens_at_once_from_a_clockwise_drawing() {
    let dir = tempfile::tempdir().expect("temp");
    let drawing = dir.path().join("drawing.geojson");
    std::fs::write(&drawing, DRAWING).expect("write");
    let atlas = dir.path().join("fields");
    let (code, out, err) =
        run(&["new", path(&atlas), "--zones", path(&drawing), "--start", "1990-05-01", "--title", "Two fields"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("2 zones from") && out.contains("rings wound clockwise"), "{out}");
    for file in ["atlas.json", "regions.geojson", "zones.geojson", "controllers.csv", "phases.csv", "timeline.csv"] {
        assert!(atlas.join(file).is_file(), "{file}");
    }
    // It opens: check, at and the window's loader all accept it, with notes of what is left to do.
    let (code, out, err) = run(&["check", path(&atlas)]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("2 zones in 1 regions") && out.contains("still says \"To be filled in\""), "{out}");
    assert!(!out.contains("wound clockwise"), "new writes rings as RFC 7946 says: {out}");
    let (code, at, err) = run(&["at", "2000-01-01", "--atlas", path(&atlas), "--json"]);
    assert_eq!(code, 0, "{err}");
    let at: serde_json::Value = serde_json::from_str(&at).expect("json");
    let text = at.to_string();
    assert!(text.contains("unknown"), "every zone held by the placeholder side: {text}");
    let zones = std::fs::read_to_string(atlas.join("zones.geojson")).expect("zones");
    assert!(zones.contains("\"west-field\"") && zones.contains("\"east-field\""), "ids from the names: {zones}");
    assert!(zones.contains("Drawn by hand."), "the drawing's note is kept: {zones}");
    // A folder that exists is not overwritten.
    let (code, _, err) = run(&["new", path(&atlas), "--zones", path(&drawing), "--start", "1990-05-01"]);
    assert_eq!(code, 2);
    assert!(err.contains("already exists"), "{err}");
}

#[test]
fn new_snaps_a_border_drawn_twice_when_asked_and_says_what_moved() {
    let dir = tempfile::tempdir().expect("temp");
    let drawing = dir.path().join("drawing.geojson");
    // The East Field's side of the shared border drawn again by hand, 22 to 44 m off.
    let redrawn = DRAWING.replace(
        "[[[10.5,10],[10.5,11],[11,11],[11,10],[10.5,10]]]",
        "[[[10.5004,10],[10.5002,10.5],[10.4998,11],[11,11],[11,10],[10.5004,10]]]",
    );
    assert_ne!(redrawn, DRAWING, "test set-up");
    std::fs::write(&drawing, redrawn).expect("write");
    let atlas = dir.path().join("fields");
    let (code, out, err) =
        run(&["new", path(&atlas), "--zones", path(&drawing), "--start", "1990-05-01", "--snap", "100"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("'east-field': 3 corner(s) moved, the farthest 44 m"), "{out}");
    assert!(out.contains("regions.geojson: 'fields': the union of its zones, made again"), "{out}");
    let (code, out, err) = run(&["check", path(&atlas)]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(!out.contains("overlap"), "{out}");
}

#[test]
fn new_names_what_it_cannot_use() {
    let dir = tempfile::tempdir().expect("temp");
    let drawing = dir.path().join("drawing.geojson");
    std::fs::write(
        &drawing,
        DRAWING.replace("\"Polygon\", \"coordinates\": [[[10.5,10]", "\"Polygo\", \"coordinates\": [[[10.5,10]"),
    )
    .expect("write");
    let (code, _, err) = run(&["new", path(&dir.path().join("x")), "--zones", path(&drawing), "--start", "1990-05-01"]);
    assert_eq!(code, 1);
    assert!(err.contains("drawing.geojson") && err.contains("did you mean \"Polygon\""), "{err}");
    assert!(!dir.path().join("x").exists(), "nothing written");
    let (code, _, err) = run(&[
        "new",
        path(&dir.path().join("y")),
        "--zones",
        path(&drawing),
        "--start",
        "1990-05-01",
        "--id-property",
        "code",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("has no property \"code\" to take its id from"), "{err}");
}

#[test]
fn check_fix_keeps_an_atlas_that_tiles_cleanly_clean() {
    // The Cyprus example's zones share their edges exactly: snapping may leave some as drawn
    // (their narrow coasts would fold within 100 m), but must not make an overlap or a gap.
    let dir = tempfile::tempdir().expect("temp");
    let cyprus = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/cyprus");
    for entry in std::fs::read_dir(&cyprus).expect("example") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copy");
    }
    let (code, out, err) = run(&["check", "--fix", path(dir.path())]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Cyprus, 1960 to today: OK"), "{out}");
    assert!(!out.contains("overlap") && !out.contains("in none of its zones"), "{out}");
}

#[test]
fn the_cyprus_example_opens_clean_with_its_area_within_tolerance_and_the_north_as_published() {
    let cyprus = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/cyprus");
    let (code, out, err) = run(&["check", cyprus]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Cyprus, 1960 to today: OK\n"), "no problem and no note: {out}");
    assert!(out.contains("9251") && out.contains("+0.3 %"), "the drawing within 1 % of 9,251 km²: {out}");
    // After the ceasefire of 16 August 1974 the north is 3,355 km² (CIA World Factbook).
    let (_, at, _) = run(&["at", "1974-08-20", "--atlas", cyprus, "--json"]);
    let at: serde_json::Value = serde_json::from_str(&at).expect("json");
    let north: f64 = at["regions"]
        .as_array()
        .expect("regions")
        .iter()
        .flat_map(|r| r["controllers"].as_array().expect("controllers").iter())
        .filter(|c| c["id"] == "tr")
        .filter_map(|c| c["area_km2"].as_f64())
        .sum();
    assert!((north - 3355.0).abs() / 3355.0 < 0.02, "{north} km²");
    let (_, before, _) = run(&["at", "1974-07-01", "--atlas", cyprus]);
    assert!(before.contains("Turkish forces") && before.contains("6 km²"), "only Kokkina before 20 July: {before}");
}

/// The Cyprus walkthrough of the UX review (§3), replayed: a clockwise public outline, `new`, the
/// spreadsheets, and every mistake the teacher made, each reported once and clearly; put right, the
/// atlas checks clean with its area within its tolerance.
#[test]
fn the_cyprus_walkthrough_ends_with_a_correct_atlas_and_every_mistake_said_once() {
    let inputs = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/cyprus-inputs"));
    let dir = tempfile::tempdir().expect("temp");
    let atlas = dir.path().join("cyprus");
    let (code, out, err) = run(&[
        "new",
        path(&atlas),
        "--zones",
        path(&inputs.join("drawing.geojson")),
        "--title",
        "Cyprus",
        "--start",
        "1960-08-16",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("rings wound clockwise"), "the d3 winding was turned round: {out}");
    for sheet in ["controllers.csv", "phases.csv", "timeline.csv"] {
        std::fs::copy(inputs.join(sheet), atlas.join(sheet)).expect("copy");
    }
    // The places, from the spreadsheet of places, and the official area of the island.
    let mut places = Vec::new();
    let table = std::fs::read_to_string(inputs.join("places.csv")).expect("places");
    for line in table.lines().skip(1) {
        let c: Vec<&str> = line.split(',').collect();
        places.push(serde_json::json!({"type": "Feature", "id": c[0],
            "properties": {"name": c[1], "name_el": c[2], "name_tr": c[3], "kind": c[6], "rank": c[7].parse::<u8>().expect("rank"), "region": "cyprus"},
            "geometry": {"type": "Point", "coordinates": [c[4].parse::<f64>().expect("lon"), c[5].parse::<f64>().expect("lat")]}}));
    }
    let places = serde_json::json!({"type": "FeatureCollection", "features": places});
    std::fs::write(atlas.join("places.geojson"), places.to_string()).expect("places");
    let regions_path = atlas.join("regions.geojson");
    let mut regions: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&regions_path).expect("regions")).expect("json");
    regions["features"][0]["properties"]["official_area_km2"] = 9251.into();
    regions["features"][0]["properties"]["area_tolerance_pct"] = 1.into();
    std::fs::write(&regions_path, regions.to_string()).expect("regions");
    // The naming traditions, declared as the guide says.
    let atlas_path = atlas.join("atlas.json");
    let mut top: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&atlas_path).expect("atlas")).expect("json");
    top["name_traditions"] =
        serde_json::json!([{"key": "el", "label": "Greek usage"}, {"key": "tr", "label": "Turkish usage"}]);
    top["attribution"] = "Natural Earth (public domain); places: Wikipedia coordinates.".into();
    std::fs::write(&atlas_path, top.to_string()).expect("atlas");
    let good: Vec<(String, String)> = std::fs::read_dir(&atlas)
        .expect("dir")
        .map(|e| {
            let e = e.expect("entry");
            (e.file_name().to_string_lossy().into_owned(), std::fs::read_to_string(e.path()).expect("read"))
        })
        .collect();

    // The mistakes: a zone drawn over another, a zone that lies in Turkey but is labelled Cyprus,
    // Nicosia given latitude first, "summry" for "summary", "color" for "colour".
    let edit = |file: &str, f: &dyn Fn(String) -> String| {
        let p = atlas.join(file);
        let text = std::fs::read_to_string(&p).expect("read");
        std::fs::write(&p, f(text)).expect("write");
    };
    edit("zones.geojson", &|t| {
        let extra = r#"{"type": "Feature", "id": "famagusta-town", "properties": {"name": "Famagusta", "region": "cyprus"}, "geometry": {"type": "Polygon", "coordinates": [[[33.80,35.15],[33.86,35.15],[33.86,35.20],[33.80,35.20],[33.80,35.15]]]}},
{"type": "Feature", "id": "anamur", "properties": {"name": "Anamur coast", "region": "cyprus"}, "geometry": {"type": "Polygon", "coordinates": [[[32.90,36.10],[33.10,36.10],[33.10,36.25],[32.90,36.25],[32.90,36.10]]]}},
"#;
        t.replacen("\"features\": [\n", &format!("\"features\": [\n{extra}"), 1)
    });
    edit("timeline.csv", &|t| {
        format!(
            "{t}1960-08-16,famagusta-town,roc,,,\n1974-08-16,famagusta-town,tr,Wikipedia: Turkish invasion of Cyprus,,\n1960-08-16,anamur,roc,,,\n"
        )
    });
    edit("places.geojson", &|t| t.replace("[33.36667,35.16667]", "[35.16667,33.36667]"));
    edit("phases.csv", &|t| t.replacen("summary", "summry", 1));
    edit("controllers.csv", &|t| t.replacen("colour", "color", 1));
    let (code, out, err) = run(&["check", path(&atlas)]);
    let said = format!("{out}{err}");
    assert_eq!(code, 1, "{said}");
    let once = |what: &str| {
        assert_eq!(said.matches(what).count(), 1, "said once: {what}\n{said}");
    };
    // "color": the file cannot give its controllers, and that is the one thing said of them.
    once(
        "controllers.csv: line 1: has no column \"colour\", which it needs (it has \"color\": did you mean \"colour\"?)",
    );
    once("\"summry\" is not a column of");
    assert!(said.contains("(did you mean \"summary\"?)"), "{said}");
    // The overlap, the zone outside the island and Nicosia need the controllers: they are said once
    // the spreadsheet is put right.
    edit("controllers.csv", &|t| t.replacen("color", "colour", 1));
    let (code, out, err) = run(&["check", path(&atlas)]);
    let said = format!("{out}{err}");
    assert_eq!(code, 1, "{said}");
    let once = |what: &str| {
        assert_eq!(said.matches(what).count(), 1, "said once: {what}\n{said}");
    };
    once("zones 'famagusta-town' and 'north-east' overlap by");
    once("of it lies outside its region 'cyprus'");
    assert!(said.contains("zone 'anamur'"), "{said}");
    once("place 'nicosia': lies");
    once("are longitude and latitude the wrong way round?");
    once("\"summry\" is not a column of");
    assert!(!said.contains("510"), "no area of the whole Earth: {said}");

    // Put right: the atlas checks clean, its area within its tolerance.
    for (file, text) in &good {
        std::fs::write(atlas.join(file), text).expect("restore");
    }
    let (code, out, err) = run(&["check", path(&atlas)]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Cyprus: OK\n"), "{out}");
    assert!(out.contains("9282") && out.contains("+0.3 %"), "{out}");
}
