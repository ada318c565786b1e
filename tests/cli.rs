//! The `check` and `at` commands, run as a user would.

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_karabakh-atlas")).args(args).output().expect("run the binary");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const TINY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/tiny");

#[test]
fn check_the_embedded_atlas() {
    let (code, out, err) = run(&["check"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("OK"));
    assert!(out.contains("Kalbajar district") && out.contains("3054"), "{out}");
}

#[test]
fn check_a_folder_and_a_broken_one() {
    let (code, _, err) = run(&["check", TINY]);
    assert_eq!(code, 0, "{err}");
    let dir = tempfile::tempdir().expect("tmp");
    for entry in std::fs::read_dir(TINY).expect("tiny") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copy");
    }
    std::fs::write(dir.path().join("zones.geojson"), "{\"type\": \"FeatureCollection\", \"features\": 3}")
        .expect("write");
    let (code, _, err) = run(&["check", dir.path().to_str().expect("utf-8 path")]);
    assert_eq!(code, 1);
    assert!(err.contains("zones.geojson") && err.contains("features"), "{err}");
    let (code, _, err) = run(&["check", "/nonexistent/atlas"]);
    assert_eq!(code, 1);
    assert!(err.contains("not a folder"), "{err}");
}

#[test]
fn check_json_lists_every_problem_with_its_place_for_editors() {
    let dir = tempfile::tempdir().expect("tmp");
    for entry in std::fs::read_dir(TINY).expect("tiny") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copy");
    }
    let path = dir.path().to_str().expect("utf-8 path");
    let (code, out, err) = run(&["check", "--json", path]);
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
    assert_eq!(report["ok"], true);
    assert_eq!(report["atlas"]["zones"], 3);
    let a = report["atlas"]["regions"].as_array().and_then(|r| r.iter().find(|r| r["id"] == "a")).expect("region a");
    assert_eq!(a["official_km2"], 12100.0);
    assert!(a["drawn_km2"].as_f64().is_some_and(|km2| (km2 - 12_100.0).abs() < 200.0), "{a}");
    // Two mistakes in two files, one with its line: both listed, nothing on standard error.
    let atlas_json = std::fs::read_to_string(dir.path().join("atlas.json")).expect("read");
    std::fs::write(dir.path().join("atlas.json"), atlas_json.replacen("\"#cc3333\"", "\"crimson\"", 1)).expect("write");
    let zones = std::fs::read_to_string(dir.path().join("zones.geojson")).expect("read");
    std::fs::write(dir.path().join("zones.geojson"), zones.replacen("\"Polygon\"", "\"Polygon\"\u{7}, ", 1))
        .expect("write");
    let (code, out, err) = run(&["check", "--json", path]);
    assert_eq!(code, 1);
    assert!(err.is_empty(), "{err}");
    assert!(!out.contains('\u{7}'), "control characters are escaped");
    let report: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
    assert_eq!(report["ok"], false);
    assert_eq!(report["atlas"], serde_json::Value::Null);
    let problems = report["problems"].as_array().expect("problems");
    assert_eq!(report["errors"].as_u64(), Some(problems.iter().filter(|p| p["severity"] == "error").count() as u64));
    let colour =
        problems.iter().find(|p| p["message"].as_str().is_some_and(|m| m.contains("crimson"))).expect("colour");
    assert!(
        colour["file"].as_str().is_some_and(|f| f.ends_with("atlas.json")) && colour["feature"] == "controller 'red'",
        "{colour}"
    );
    let zones =
        problems.iter().find(|p| p["file"].as_str().is_some_and(|f| f.ends_with("zones.geojson"))).expect("zones");
    assert_eq!(zones["line"], 3, "{zones}");
    assert!(zones["column"].as_u64().is_some(), "{zones}");
}

#[test]
fn check_fix_snaps_hand_drawn_neighbours_and_says_what_moved() {
    let dir = tempfile::tempdir().expect("tmp");
    for entry in std::fs::read_dir(TINY).expect("tiny") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copy");
    }
    // A east's border with A west drawn again by hand: up to 55 m off, leaving slivers of gap and overlap.
    let zones = std::fs::read_to_string(dir.path().join("zones.geojson")).expect("read");
    let redrawn = zones.replacen(
        "[[10.5,10],[11,10],[11,11],[10.5,11],[10.5,10]]",
        "[[10.5004,10.0003],[11,10],[11,11],[10.4997,11],[10.5002,10.5],[10.5004,10.0003]]",
        1,
    );
    assert_ne!(zones, redrawn, "test set-up");
    std::fs::write(dir.path().join("zones.geojson"), &redrawn).expect("write");
    let path = dir.path().to_str().expect("utf-8 path");
    let (code, _, err) = run(&["check", path]);
    assert_eq!(code, 1, "the slivers are errors: {err}");
    assert!(err.contains("overlap") || err.contains("in none of its zones"), "{err}");
    // --fix moves the corners, says so, keeps the drawing and checks clean.
    let (code, out, err) = run(&["check", "--fix", path]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("'a-east': 3 corner(s) moved, the farthest 55 m, at 10.50040, 10.00030 (lon, lat)"), "{out}");
    assert!(out.contains("'a-west': 1 of its neighbours' corners added to its edges"), "{out}");
    assert!(out.contains("2 zone(s) snapped within 100 m"), "{out}");
    assert!(out.contains("Tiny test atlas: OK"), "{out}");
    assert_eq!(std::fs::read_to_string(dir.path().join("zones.before-fix.geojson")).expect("kept"), redrawn);
    // Run again, nothing is left to snap; with too small a reach, nothing moves.
    let (_, out, _) = run(&["check", "--fix", path]);
    assert!(out.contains("nothing to snap within 100 m"), "{out}");
    let (code, _, err) = run(&["check", "--fix", "--snap", "0", path]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = run(&["check", "--fix"]);
    assert_eq!(code, 2);
    assert!(err.contains("name the folder"), "{err}");
}

#[test]
fn at_prints_the_phase_and_areas() {
    let (code, out, err) = run(&["at", "2020-10-03"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("2020-09-27"), "{out}");
    // Every region's line gives each side's km² as the engine computes them.
    let atlas = karabakh_atlas::atlas::embedded().expect("atlas");
    let on = jiff::civil::date(2020, 10, 3);
    for rc in atlas.region_control(on) {
        let region = atlas.region(rc.region).expect("region");
        let line = out.lines().find(|l| l.starts_with(region.name.get("en"))).unwrap_or_else(|| panic!("{out}"));
        for a in &rc.controllers {
            let held =
                format!("{} {:.0} km²", atlas.controller(a.controller).expect("controller").name.get("en"), a.area_km2);
            assert!(line.contains(&held), "{line} should say {held}");
        }
    }
    for a in atlas.area_by_controller(on).iter().filter(|a| a.area_km2 > 0.0) {
        let total = format!("{:.0} km²", a.area_km2);
        let name = atlas.controller(a.controller).expect("controller").name.get("en");
        assert!(out.lines().any(|l| l.starts_with("total") && l.contains(name) && l.ends_with(&total)), "{out}");
    }
}

#[test]
fn at_json_has_the_documented_shape() {
    let (code, out, err) = run(&["at", "2020-10-03", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["date"], "2020-10-03");
    assert_eq!(v["phase"]["start"], "2020-09-27");
    assert!(v["phase"]["sources"].as_array().is_some_and(|s| !s.is_empty()));
    let regions = v["regions"].as_array().expect("regions");
    assert_eq!(regions.len(), 8);
    let kalbajar = regions.iter().find(|r| r["id"] == "kalbajar").expect("kalbajar");
    assert_eq!(kalbajar["controllers"][0]["id"], "ka");
    assert!(kalbajar["controllers"][0]["area_km2"].as_f64().is_some_and(|a| a > 1900.0));
    assert!(v["events"].as_array().is_some_and(|e| !e.is_empty()));
}

#[test]
fn at_refuses_impossible_dates_and_dates_outside_the_timeline() {
    let (code, _, err) = run(&["at", "2020-02-30"]);
    assert_eq!(code, 2);
    assert!(err.contains("2020-02-30"), "{err}");
    let (code, _, err) = run(&["at", "1900-01-01"]);
    assert_eq!(code, 2);
    assert!(err.contains("outside"), "{err}");
    let (code, out, _) = run(&["at", "2001-06-01", "--atlas", TINY, "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["regions"][1]["controllers"][0]["id"], "blue");
}

#[test]
fn check_a_geojson_file_as_an_overlay() {
    let good = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/overlays/schools.geojson");
    let (code, out, err) = run(&["check", good]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("3 feature(s)"), "{out}");
    let bad = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/jsontestsuite/test_parsing/n_structure_100000_opening_arrays.json"
    );
    let (code, _, err) = run(&["check", bad]);
    assert_eq!(code, 1);
    assert!(err.contains("n_structure_100000_opening_arrays.json") && err.contains("not valid JSON"), "{err}");
    // A file inside an atlas folder stands for the folder, as when it is dropped on the window.
    let (code, out, err) = run(&["check", &format!("{TINY}/zones.geojson")]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Tiny test atlas: OK"), "{out}");
}

#[test]
fn every_bad_overlay_of_an_export_is_named_and_a_partial_one_is_drawn_without_its_bad_features() {
    let dir = tempfile::tempdir().expect("temp");
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        path.to_str().expect("path").to_owned()
    };
    let first = write("first.geojson", "{");
    let second = write("second.geojson", r#"{"features":[]}"#);
    let part = write(
        "part.geojson",
        r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"name":"kept"},"geometry":{"type":"Point","coordinates":[46.75,39.8]}},
          {"type":"Feature","id":"bad","properties":{},"geometry":{"type":"Point","coordinates":[300,0]}}]}"#,
    );
    let out = dir.path().join("map.svg");
    let run = |overlays: &[&str]| {
        let mut args =
            vec!["export", "--date", "2020-10-27", "--size", "800x500", "--out", out.to_str().expect("path")];
        for o in overlays {
            args.extend(["--overlay", o]);
        }
        std::process::Command::new(env!("CARGO_BIN_EXE_karabakh-atlas")).args(&args).output().expect("run")
    };
    let both = run(&[&first, &second]);
    let said = String::from_utf8_lossy(&both.stderr);
    assert_eq!(both.status.code(), Some(1));
    assert!(said.contains("first.geojson: not valid JSON") && said.contains("second.geojson: not GeoJSON"), "{said}");
    let partial = run(&[&part]);
    let said = String::from_utf8_lossy(&partial.stderr);
    assert!(partial.status.success(), "{said}");
    assert!(said.contains("feature 'bad': position (300, 0) is out of range"), "{said}");
    assert!(std::fs::read_to_string(&out).expect("svg").contains(">kept<"), "the good feature drawn");
}
