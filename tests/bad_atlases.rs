//! One broken atlas per class of bad input: each is refused with an error that names the file,
//! the feature and the problem, and nothing panics.

use std::path::{Path, PathBuf};

use karabakh_atlas::atlas::{AtlasError, load_dir};

const TINY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/tiny");

/// A copy of the tiny atlas in a temporary folder, with `file` rewritten by `edit`.
fn broken(file: &str, edit: impl FnOnce(String) -> String) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(TINY).expect("tiny atlas") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copy");
    }
    let path = dir.path().join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    std::fs::write(&path, edit(text)).expect("write");
    let p = dir.path().to_path_buf();
    (dir, p)
}

fn replace(from: &'static str, to: &'static str) -> impl FnOnce(String) -> String {
    move |s| {
        assert!(s.contains(from), "test set-up: {from:?} not found");
        s.replacen(from, to, 1)
    }
}

/// Loads `dir` and returns its errors, failing the test if it loads.
fn errors(dir: &Path) -> Vec<AtlasError> {
    match load_dir(dir) {
        Ok(_) => panic!("a broken atlas was accepted"),
        Err(e) => e.0,
    }
}

/// Asserts that some error names `file`, mentions `feature` (if given) and says `what`.
#[track_caller]
fn assert_error(errs: &[AtlasError], file: &str, feature: Option<&str>, what: &str) {
    let found = errs.iter().any(|e| {
        e.file.ends_with(file)
            && feature.is_none_or(|f| e.feature.as_deref().is_some_and(|ef| ef.contains(f)))
            && e.message.contains(what)
    });
    assert!(found, "expected an error in {file} for {feature:?} saying {what:?}, got:\n{errs:#?}");
}

#[test]
fn the_tiny_atlas_itself_loads() {
    let atlas = load_dir(Path::new(TINY)).expect("tiny atlas is valid");
    assert_eq!(atlas.zones.len(), 3);
    assert_eq!(atlas.phases.len(), 3);
}

#[test]
fn not_json() {
    let (_d, dir) = broken("zones.geojson", |_| "{\"type\": \"FeatureCollection\", \"features\": [".into());
    assert_error(&errors(&dir), "zones.geojson", None, "not valid JSON");
}

#[test]
fn not_geojson() {
    let (_d, dir) = broken("zones.geojson", |_| "{\"type\": \"Topology\", \"objects\": {}}".into());
    assert_error(&errors(&dir), "zones.geojson", None, "not a GeoJSON FeatureCollection");
    let (_d, dir) = broken("zones.geojson", |_| "[1, 2, 3]".into());
    assert_error(&errors(&dir), "zones.geojson", None, "not GeoJSON");
}

#[test]
fn empty_and_binary_files() {
    let (_d, dir) = broken("regions.geojson", |_| String::new());
    assert_error(&errors(&dir), "regions.geojson", None, "not valid JSON");
    let dir2 = tempfile::tempdir().expect("tmp");
    for entry in std::fs::read_dir(TINY).expect("tiny") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), dir2.path().join(entry.file_name())).expect("copy");
    }
    std::fs::write(dir2.path().join("places.geojson"), [0xff, 0xfe, 0x00, 0x81, 0x12]).expect("write");
    assert_error(&errors(dir2.path()), "places.geojson", None, "not UTF-8");
}

#[test]
fn wrong_geometry_type() {
    let (_d, dir) = broken(
        "zones.geojson",
        replace(
            r#""geometry": {"type": "Polygon", "coordinates": [[[11,10],[12,10],[12,11],[11,11],[11,10]]]}"#,
            r#""geometry": {"type": "Point", "coordinates": [11.5, 10.5]}"#,
        ),
    );
    assert_error(&errors(&dir), "zones.geojson", Some("'b'"), "expected Polygon or MultiPolygon, found Point");
}

#[test]
fn null_geometry() {
    let (_d, dir) = broken(
        "places.geojson",
        replace(r#""geometry": {"type": "Point", "coordinates": [11.5, 10.5]}"#, r#""geometry": null"#),
    );
    assert_error(&errors(&dir), "places.geojson", Some("'town'"), "no geometry");
}

#[test]
fn ring_not_closed() {
    let (_d, dir) = broken(
        "zones.geojson",
        replace("[[10,10],[10.5,10],[10.5,11],[10,11],[10,10]]", "[[10,10],[10.5,10],[10.5,11],[10,11],[10,10.2]]"),
    );
    assert_error(&errors(&dir), "zones.geojson", Some("'a-west'"), "is not closed");
}

#[test]
fn ring_with_too_few_positions() {
    let (_d, dir) = broken(
        "zones.geojson",
        replace("[[10,10],[10.5,10],[10.5,11],[10,11],[10,10]]", "[[10,10],[10.5,10],[10,10]]"),
    );
    assert_error(&errors(&dir), "zones.geojson", Some("'a-west'"), "needs at least 4");
}

#[test]
fn coordinates_out_of_range() {
    let (_d, dir) = broken("places.geojson", replace("[11.5, 10.5]", "[211.5, 10.5]"));
    assert_error(&errors(&dir), "places.geojson", Some("'town'"), "out of range");
    // Latitude first is the classic mistake: 95 is not a latitude.
    let (_d, dir) = broken("places.geojson", replace("[11.5, 10.5]", "[10.5, 95.0]"));
    assert_error(&errors(&dir), "places.geojson", Some("'town'"), "out of range");
}

#[test]
fn nan_is_not_json() {
    let (_d, dir) = broken("places.geojson", replace("[11.5, 10.5]", "[NaN, 10.5]"));
    assert_error(&errors(&dir), "places.geojson", None, "not valid JSON");
}

#[test]
fn self_intersecting_ring() {
    let (_d, dir) = broken(
        "zones.geojson",
        replace("[[10,10],[10.5,10],[10.5,11],[10,11],[10,10]]", "[[10,10],[10.5,11],[10.5,10],[10,11],[10,10]]"),
    );
    assert_error(&errors(&dir), "zones.geojson", Some("'a-west'"), "outer ring crosses itself at (10.25000, 10.50000)");
}

#[test]
fn a_ring_with_no_area_is_refused() {
    let (_d, dir) = broken(
        "zones.geojson",
        replace("[[10,10],[10.5,10],[10.5,11],[10,11],[10,10]]", "[[10,10],[10.25,10.5],[10.5,11],[10,10]]"),
    );
    assert_error(&errors(&dir), "zones.geojson", Some("'a-west'"), "has no area: its points lie on one line");
}

#[test]
fn an_empty_multipolygon_is_refused() {
    let (_d, dir) = broken(
        "zones.geojson",
        replace(
            r#"{"type": "Polygon", "coordinates": [[[11,10],[12,10],[12,11],[11,11],[11,10]]]}"#,
            r#"{"type": "MultiPolygon", "coordinates": []}"#,
        ),
    );
    assert_error(&errors(&dir), "zones.geojson", Some("'b'"), "has no polygons");
}

#[test]
fn overlapping_parts_of_one_multipolygon_are_refused() {
    // Two halves of B that overlap by a tenth of a degree: the overlap would be counted twice.
    let (_d, dir) = broken(
        "zones.geojson",
        replace(
            r#"{"type": "Polygon", "coordinates": [[[11,10],[12,10],[12,11],[11,11],[11,10]]]}"#,
            r#"{"type": "MultiPolygon", "coordinates": [[[[11,10],[11.6,10],[11.6,11],[11,11],[11,10]]],
                                                         [[[11.5,10],[12,10],[12,11],[11.5,11],[11.5,10]]]]}"#,
        ),
    );
    assert_error(&errors(&dir), "zones.geojson", Some("'b'"), "polygon 1 overlaps polygon 0");
    // Two halves that share an edge are one zone drawn in two pieces, and load.
    let (_d, dir) = broken(
        "zones.geojson",
        replace(
            r#"{"type": "Polygon", "coordinates": [[[11,10],[12,10],[12,11],[11,11],[11,10]]]}"#,
            r#"{"type": "MultiPolygon", "coordinates": [[[[11,10],[11.5,10],[11.5,11],[11,11],[11,10]]],
                                                         [[[11.5,10],[12,10],[12,11],[11.5,11],[11.5,10]]]]}"#,
        ),
    );
    assert!(load_dir(&dir).is_ok());
}

#[test]
fn a_ring_of_sixty_thousand_points_loads_in_bounded_time() {
    let n = 60_000;
    let ring: Vec<String> = (0..=n)
        .map(|k| {
            let a = std::f64::consts::TAU * f64::from(k % n) / f64::from(n);
            format!("[{:.9},{:.9}]", 10.25 + 0.25 * a.cos(), 10.5 + 0.5 * a.sin())
        })
        .collect();
    let circle = format!("[[{}]]", ring.join(","));
    let (_d, dir) =
        broken("zones.geojson", move |s| s.replacen("[[[10,10],[10.5,10],[10.5,11],[10,11],[10,10]]]", &circle, 1));
    let started = std::time::Instant::now();
    // The circle leaves gaps in its region, which only `check` looks for: it loads.
    let atlas = load_dir(&dir).expect("a valid circle");
    assert_eq!(atlas.zones.len(), 3);
    // Generous (seconds in a debug build); the pairwise check it replaced took 45 s in release.
    assert!(started.elapsed().as_secs() < 30, "took {:?}", started.elapsed());
}

#[test]
fn lists_over_their_limits_are_refused_before_they_are_read() {
    use karabakh_atlas::atlas::limits::{MAX_EVENTS, MAX_FEATURES};
    let started = std::time::Instant::now();
    // One event more than an atlas may hold, each a copy of a valid one.
    let (_d, dir) = broken("atlas.json", |s| {
        let mut atlas: serde_json::Value = serde_json::from_str(&s).expect("json");
        let event = atlas["events"][0].clone();
        atlas["events"] = serde_json::Value::Array(
            (0..=MAX_EVENTS)
                .map(|i| {
                    let mut e = event.clone();
                    e["id"] = format!("E{i}").into();
                    e
                })
                .collect(),
        );
        atlas.to_string()
    });
    let errs = errors(&dir);
    assert_error(&errs, "atlas.json", None, "has 100001 events: over the limit of 100000 an atlas may hold");
    // Said once: no event is read, so none is checked.
    assert_eq!(errs.iter().filter(|e| e.message.contains("event")).count(), 1, "{errs:#?}");
    // One place more than a layer may hold.
    let (_d, dir) = broken("places.geojson", |_| {
        let feature =
            r#"{"type":"Feature","properties":{"name":"x"},"geometry":{"type":"Point","coordinates":[10.5,10.5]}}"#;
        format!(r#"{{"type":"FeatureCollection","features":[{}]}}"#, vec![feature; MAX_FEATURES + 1].join(","))
    });
    assert_error(&errors(&dir), "places.geojson", None, "has 100001 features: over the limit of 100000");
    // Generous, for a debug build: refused before any of it is read.
    assert!(started.elapsed().as_secs() < 60, "took {:?}", started.elapsed());
}

#[test]
fn duplicate_id() {
    let (_d, dir) = broken("zones.geojson", replace(r#""id": "a-east""#, r#""id": "a-west""#));
    assert_error(&errors(&dir), "zones.geojson", Some("'a-west'"), "duplicate id");
}

#[test]
fn feature_without_id() {
    let (_d, dir) = broken("zones.geojson", replace(r#""id": "a-east", "#, ""));
    assert_error(&errors(&dir), "zones.geojson", Some("feature #1"), "has no id");
}

#[test]
fn zone_in_unknown_region() {
    let (_d, dir) = broken("zones.geojson", replace(r#""region": "b""#, r#""region": "c""#));
    assert_error(&errors(&dir), "zones.geojson", Some("'b'"), "unknown region \"c\"");
}

#[test]
fn timeline_names_unknown_zone() {
    let (_d, dir) = broken("atlas.json", replace(r#""zones": ["b"]"#, r#""zones": ["atlantis"]"#));
    assert_error(&errors(&dir), "atlas.json", Some("phase 'P2'"), "unknown zone \"atlantis\"");
    let (_d, dir) = broken(
        "atlas.json",
        replace(r#""a-west": "red", "a-east": "red", "b": "red""#, r#""a-west": "red", "a-east": "red", "bb": "red""#),
    );
    let errs = errors(&dir);
    assert_error(&errs, "atlas.json", Some("phase 'P1'"), "unknown zone \"bb\"");
    assert_error(&errs, "atlas.json", Some("phase 'P1'"), "says nothing of zone \"b\"");
}

#[test]
fn timeline_names_unknown_controller() {
    let (_d, dir) = broken("atlas.json", replace(r#""controller": "blue""#, r#""controller": "green""#));
    assert_error(&errors(&dir), "atlas.json", Some("phase 'P2'"), "unknown controller \"green\"");
}

#[test]
fn overlapping_phases() {
    let (_d, dir) = broken("atlas.json", replace(r#""start": "2001-01-01""#, r#""start": "2000-12-01""#));
    assert_error(&errors(&dir), "atlas.json", Some("phase 'P1'"), "overlap");
}

#[test]
fn missing_phase_leaves_a_gap() {
    let (_d, dir) = broken("atlas.json", replace(r#""end": "2001-12-31""#, r#""end": "2001-10-31""#));
    assert_error(&errors(&dir), "atlas.json", Some("phase 'P2'"), "gap");
}

#[test]
fn impossible_date() {
    let (_d, dir) =
        broken("atlas.json", replace(r#""date": "2001-06-01", "place""#, r#""date": "2020-02-30", "place""#));
    assert_error(&errors(&dir), "atlas.json", Some("event 'E1'"), "\"2020-02-30\" is not a valid date");
    let (_d, dir) = broken("lines.geojson", replace("2001-12-31", "2001-13-01"));
    assert_error(&errors(&dir), "lines.geojson", Some("'front'"), "not a valid date");
}

#[test]
fn phase_without_source() {
    let (_d, dir) = broken(
        "atlas.json",
        replace(r#""sources": [{"title": "Test source", "url": "https://example.org/1"}]"#, r#""sources": []"#),
    );
    assert_error(&errors(&dir), "atlas.json", Some("phase 'P1'"), "has no source");
}

#[test]
fn event_without_source() {
    let (_d, dir) = broken(
        "atlas.json",
        replace(r#""text": {"en": "Peace."}, "sources": [{"title": "Test source"}]"#, r#""text": {"en": "Peace."}"#),
    );
    assert_error(&errors(&dir), "atlas.json", Some("event 'E2'"), "has no source");
}

#[test]
fn event_at_unknown_place() {
    let (_d, dir) = broken("atlas.json", replace(r#""place": "town""#, r#""place": "city""#));
    assert_error(&errors(&dir), "atlas.json", Some("event 'E1'"), "unknown place \"city\"");
}

#[test]
fn malformed_colour() {
    let (_d, dir) = broken("atlas.json", replace("#cc3333", "crimson"));
    assert_error(&errors(&dir), "atlas.json", Some("controller 'red'"), "not a #rrggbb colour");
}

#[test]
fn missing_required_file() {
    let (_d, dir) = broken("zones.geojson", |s| s);
    std::fs::remove_file(dir.join("zones.geojson")).expect("remove");
    assert_error(&errors(&dir), "zones.geojson", None, "missing");
}

#[test]
fn file_over_the_size_limit() {
    let (_d, dir) = broken("context.geojson", |s| s);
    // A sparse file: its size is over the limit without writing 64 MB.
    let f = std::fs::OpenOptions::new().write(true).open(dir.join("context.geojson")).expect("open");
    f.set_len(karabakh_atlas::atlas::MAX_FILE_BYTES + 1).expect("set_len");
    assert_error(&errors(&dir), "context.geojson", None, "too large");
}

#[test]
fn all_errors_are_collected_not_only_the_first() {
    let (_d, dir) = broken("atlas.json", replace("#cc3333", "crimson"));
    std::fs::write(dir.join("places.geojson"), "nonsense").expect("write");
    let errs = errors(&dir);
    assert_error(&errs, "atlas.json", Some("controller 'red'"), "colour");
    assert_error(&errs, "places.geojson", None, "not valid JSON");
}

#[test]
fn deep_nesting_is_refused_without_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let (_d, dir) = broken("lines.geojson", move |_| deep);
    assert_error(&errors(&dir), "lines.geojson", None, "not valid JSON");
}

#[test]
fn control_characters_and_overlong_text_are_refused() {
    let (_d, dir) = broken("places.geojson", replace(r#""name": "Town""#, "\"name\": \"To\\u0007wn\""));
    assert_error(&errors(&dir), "places.geojson", Some("'town'"), "control character U+0007");
    let long = format!("\"name\": \"{}\"", "x".repeat(25_000));
    let (_d, dir) = broken("places.geojson", move |s| s.replacen(r#""name": "Town""#, &long, 1));
    assert_error(&errors(&dir), "places.geojson", Some("'town'"), "over the limit");
    let (_d, dir) = broken("atlas.json", replace(r#""title": {"en": "War"}"#, "\"title\": {\"en\": \"W\\u001bar\"}"));
    assert_error(&errors(&dir), "atlas.json", Some("phase 'P2'"), "control character U+001B");
}

#[test]
fn a_file_with_too_many_positions_is_refused() {
    // Six million positions in one line: refused by count, before any geometry is built.
    let line: String = std::iter::repeat_n("[1,1]", 6_000_000).collect::<Vec<_>>().join(",");
    let big = format!(
        r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","id":"huge","properties":{{"name":"x","kind":"front"}},"geometry":{{"type":"LineString","coordinates":[{line}]}}}}]}}"#
    );
    let (_d, dir) = broken("lines.geojson", move |_| big);
    assert_error(&errors(&dir), "lines.geojson", None, "too many positions");
}

#[test]
fn a_200_mb_file_is_refused_before_it_is_read() {
    let (_d, dir) = broken("zones.geojson", |s| s);
    let f = std::fs::OpenOptions::new().write(true).open(dir.join("zones.geojson")).expect("open");
    f.set_len(200 * 1024 * 1024).expect("set_len");
    let start = std::time::Instant::now();
    assert_error(&errors(&dir), "zones.geojson", None, "too large: 209.7 MB");
    assert!(start.elapsed() < std::time::Duration::from_secs(5), "refused without reading it");
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_loop_is_an_error_not_a_hang() {
    let (_d, dir) = broken("zones.geojson", |s| s);
    std::fs::remove_file(dir.join("zones.geojson")).expect("remove");
    std::os::unix::fs::symlink(dir.join("zones.geojson"), dir.join("zones.geojson")).expect("symlink");
    assert_error(&errors(&dir), "zones.geojson", None, "cannot be read");
}

#[test]
fn an_unknown_line_kind_is_refused_not_drawn_grey() {
    let (_d, dir) = broken("lines.geojson", replace(r#""kind": "front""#, r#""kind": "fornt""#));
    assert_error(&errors(&dir), "lines.geojson", Some("'front'"), "unknown kind \"fornt\"");
}

#[test]
fn a_bad_feature_is_named_with_its_line_and_column() {
    // The second zone's geometry is a string: geojson's own reader says why, and where.
    let (_d, dir) = broken("zones.geojson", |s| {
        let i = s.match_indices("\"geometry\"").nth(1).map(|(i, _)| i).expect("a second feature");
        // Up to the geometry's own closing brace; the feature's stays.
        let end = s[i..].find("}}").map(|j| i + j + 1).expect("its end");
        format!("{}\"geometry\": \"nowhere\"{}", &s[..i], &s[end..])
    });
    let errs = errors(&dir);
    let e = errs.iter().find(|e| e.file.ends_with("zones.geojson")).unwrap_or_else(|| panic!("{errs:#?}"));
    assert!(e.message.contains("not a valid GeoJSON Feature") && e.message.contains("(line "), "{e}");
    assert!(e.feature.is_some(), "the feature is named: {e}");
    assert!(!e.message.contains(" at line 1 column"), "the position is the file's, not the feature's: {e}");
}

#[test]
fn a_plain_string_is_english_text() {
    // The format allows "title": "War" for {"en": "War"}.
    let (_d, dir) = broken("atlas.json", replace(r#""title": {"en": "War"}"#, r#""title": "War""#));
    let atlas = load_dir(&dir).expect("a plain string is a text");
    assert_eq!(atlas.phases[1].title.get("vi"), "War");
}

#[test]
fn a_checkpoint_is_a_point_and_a_point_is_only_a_checkpoint() {
    // A checkpoint drawn as a line: refused, saying a point was expected.
    let (_d, dir) = broken("lines.geojson", replace(r#""kind": "front""#, r#""kind": "checkpoint""#));
    assert_error(&errors(&dir), "lines.geojson", Some("'front'"), "expected Point, found LineString");
    // A front drawn as a point: refused, saying a line was expected.
    let (_d, dir) = broken(
        "lines.geojson",
        replace(
            r#"{"type": "LineString", "coordinates": [[10.5, 10], [10.5, 11]]}"#,
            r#"{"type": "Point", "coordinates": [10.5, 10.5]}"#,
        ),
    );
    assert_error(
        &errors(&dir),
        "lines.geojson",
        Some("'front'"),
        "expected LineString or MultiLineString, found Point",
    );
    // An unknown kind names the kinds there are, checkpoint among them.
    let (_d, dir) = broken("lines.geojson", replace(r#""kind": "front""#, r#""kind": "roadblock""#));
    assert_error(
        &errors(&dir),
        "lines.geojson",
        Some("'front'"),
        "unknown kind \"roadblock\" (border, line_of_contact",
    );
    assert_error(&errors(&dir), "lines.geojson", Some("'front'"), "blockade or checkpoint");
}

#[test]
fn a_checkpoint_point_loads_with_its_dates() {
    let (_d, dir) = broken(
        "lines.geojson",
        replace(
            "}}\n]}",
            r#"}}, {"type": "Feature", "id": "gate", "properties": {"name": "Gate", "kind": "checkpoint", "valid_from": "2001-06-01"}, "geometry": {"type": "Point", "coordinates": [10.5, 10.5]}}
]}"#,
        ),
    );
    let atlas = load_dir(&dir).expect("a checkpoint as a point loads");
    let gate = atlas.lines.iter().find(|l| l.id == "gate").expect("the checkpoint");
    assert_eq!(gate.kind, karabakh_atlas::atlas::LineKind::Checkpoint);
    assert!(!gate.applies_on(jiff::civil::date(2001, 5, 31)) && gate.applies_on(jiff::civil::date(2001, 6, 1)));
}

#[cfg(unix)]
#[test]
fn a_named_pipe_in_the_atlas_folder_is_refused_not_waited_on() {
    let (_d, dir) = broken("lines.geojson", |s| s);
    std::fs::remove_file(dir.join("lines.geojson")).expect("remove");
    let made = std::process::Command::new("mkfifo").arg(dir.join("lines.geojson")).status().expect("mkfifo");
    assert!(made.success());
    // Opening a pipe for reading waits for a writer: the loader must not open it at all.
    let (sender, receiver) = std::sync::mpsc::channel();
    let d = dir.clone();
    std::thread::spawn(move || sender.send(errors(&d)).ok());
    let errs = receiver.recv_timeout(std::time::Duration::from_secs(20)).expect("answered, not blocked");
    assert_error(&errs, "lines.geojson", None, "is not a plain file (a folder, a named pipe or a device)");
    // And an overlay that is a pipe.
    let (sender, receiver) = std::sync::mpsc::channel();
    let pipe = dir.join("lines.geojson");
    std::thread::spawn(move || sender.send(karabakh_atlas::atlas::load_overlay(&pipe).err()).ok());
    let errs = receiver.recv_timeout(std::time::Duration::from_secs(20)).expect("answered").expect("refused");
    assert!(errs.to_string().contains("is not a plain file"), "{errs}");
}

#[cfg(unix)]
#[test]
fn a_dangling_link_for_an_optional_file_is_said_not_taken_for_absent() {
    let (_d, dir) = broken("lines.geojson", |s| s);
    std::fs::remove_file(dir.join("lines.geojson")).expect("remove");
    std::os::unix::fs::symlink(dir.join("nowhere.geojson"), dir.join("lines.geojson")).expect("symlink");
    assert_error(&errors(&dir), "lines.geojson", None, "symbolic link that leads nowhere");
}

#[test]
fn a_zone_across_the_antimeridian_or_round_the_world_is_refused_with_the_reason() {
    // One triangle from 170° E to 170° W the long way: 340° of longitude.
    let (_d, dir) = broken("zones.geojson", |s| {
        s.replace("[[[10,10],[10.5,10],[10.5,11],[10,11],[10,10]]]", "[[[170,10],[-170,10],[-170,11],[170,10]]]")
    });
    assert_error(&errors(&dir), "zones.geojson", Some("a-west"), "spans 340° of longitude (-170.0 to 170.0)");
    // A band round the world.
    let (_d, dir) = broken("regions.geojson", |s| {
        s.replace("[[[10,10],[11,10],[11,11],[10,11],[10,10]]]", "[[[-180,-5],[180,-5],[180,5],[-180,5],[-180,-5]]]")
    });
    assert_error(&errors(&dir), "regions.geojson", Some("a"), "must be cut there into parts (RFC 7946 §3.1.9)");
}
