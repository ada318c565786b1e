//! Atlases large in count rather than in extent: 50,000 zones, and 100,000 events. Ids are looked
//! up in hash maps and each check is near O(n log n), so each loads in bounded time (these took
//! over a minute when look-ups were linear). Generous limits, for a debug build; `check` on the
//! same atlases in release takes 2.5 s and 1.7 s.

use std::path::Path;

use karabakh_atlas::atlas::load_dir;

const TINY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/tiny");

fn copy_of_tiny(dir: &Path) -> serde_json::Value {
    for entry in std::fs::read_dir(TINY).expect("tiny") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), dir.join(entry.file_name())).expect("copy");
    }
    serde_json::from_str(&std::fs::read_to_string(dir.join("atlas.json")).expect("read")).expect("json")
}

#[test]
fn fifty_thousand_zones_load_in_bounded_time() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut atlas = copy_of_tiny(dir.path());
    // Region A cut into 224 × 224 squares; B kept.
    let n = 224;
    let side = 1.0 / f64::from(n);
    let mut features = Vec::new();
    let mut control = serde_json::Map::new();
    for i in 0..n {
        for j in 0..n {
            let (x, y) = (10.0 + f64::from(i) * side, 10.0 + f64::from(j) * side);
            let id = format!("z{i}-{j}");
            features.push(format!(
                r#"{{"type":"Feature","id":"{id}","properties":{{"name":"Z {i} {j}","region":"a"}},"geometry":{{"type":"Polygon","coordinates":[[[{x},{y}],[{},{y}],[{},{}],[{x},{}],[{x},{y}]]]}}}}"#,
                x + side,
                x + side,
                y + side,
                y + side
            ));
            control.insert(id, "red".into());
        }
    }
    features.push(
        r#"{"type":"Feature","id":"b","properties":{"name":"B","region":"b"},"geometry":{"type":"Polygon","coordinates":[[[11,10],[12,10],[12,11],[11,11],[11,10]]]}}"#
            .to_owned(),
    );
    control.insert("b".into(), "red".into());
    std::fs::write(
        dir.path().join("zones.geojson"),
        format!(r#"{{"type":"FeatureCollection","features":[{}]}}"#, features.join(",\n")),
    )
    .expect("write");
    for phase in atlas["phases"].as_array_mut().expect("phases") {
        phase["control"] = serde_json::Value::Object(control.clone());
        phase.as_object_mut().expect("phase").remove("changes");
    }
    std::fs::write(dir.path().join("atlas.json"), atlas.to_string()).expect("write");
    let started = std::time::Instant::now();
    let loaded = load_dir(dir.path()).expect("a valid atlas");
    assert_eq!(loaded.zones.len(), n as usize * n as usize + 1);
    assert!(started.elapsed().as_secs() < 180, "took {:?}", started.elapsed());
}

#[test]
fn a_hundred_thousand_events_load_in_bounded_time() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut atlas = copy_of_tiny(dir.path());
    let event = atlas["events"][0].clone();
    let limit = karabakh_atlas::atlas::limits::MAX_EVENTS;
    atlas["events"] = (0..limit)
        .map(|i| {
            let mut e = event.clone();
            e["id"] = format!("E{i}").into();
            e
        })
        .collect();
    std::fs::write(dir.path().join("atlas.json"), atlas.to_string()).expect("write");
    let started = std::time::Instant::now();
    let loaded = load_dir(dir.path()).expect("a valid atlas");
    assert_eq!(loaded.events.len(), limit);
    assert!(started.elapsed().as_secs() < 180, "took {:?}", started.elapsed());
}
