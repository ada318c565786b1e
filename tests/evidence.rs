//! Control at the grain of places: the evidence rule on the tiny atlas (claims, denials,
//! confirmations, assessments, zones followed and not), and bad evidence files refused row by row.

use std::path::Path;

use jiff::civil::{Date, date};
use karabakh_atlas::atlas::{Atlas, ControlStatus, load_dir};

/// The tiny atlas with two more places and `evidence` as its evidence file.
fn tiny_with(evidence: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(Path::new("tests/data/tiny")).expect("tiny atlas") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copy");
    }
    let places = r#"{"type": "FeatureCollection", "features": [
 {"type": "Feature", "id": "town", "properties": {"name": "Town", "kind": "capital", "rank": 1, "region": "b"},
  "geometry": {"type": "Point", "coordinates": [11.5, 10.5]}},
 {"type": "Feature", "id": "west", "properties": {"name": "West village", "kind": "village", "rank": 5},
  "geometry": {"type": "Point", "coordinates": [10.25, 10.5]}},
 {"type": "Feature", "id": "east", "properties": {"name": "East village", "kind": "village", "rank": 5},
  "geometry": {"type": "Point", "coordinates": [10.75, 10.5]}}
]}"#;
    std::fs::write(dir.path().join("places.geojson"), places).expect("write");
    std::fs::write(dir.path().join("evidence.json"), evidence).expect("write");
    dir
}

fn row(id: &str, place: &str, date: &str, kind: &str, by: &str, controller: &str) -> String {
    format!(
        r#"{{"id": "{id}", "place": "{place}", "date": "{date}", "kind": "{kind}", "by": "{by}", "controller": "{controller}", "sources": [{{"title": "A source", "url": "https://example.org/{id}"}}]}}"#
    )
}

fn file(rows: &[String]) -> String {
    format!(r#"{{"format": "karabakh-atlas/1", "evidence": [{}]}}"#, rows.join(",\n"))
}

fn control(atlas: &Atlas, place: &str, d: Date) -> (String, ControlStatus, Option<Date>) {
    let i = atlas.place_index(place).expect("place");
    let c = atlas.place_control.at(i, d).expect("control");
    (atlas.controller(c.controller).expect("controller").id.clone(), c.status, c.since)
}

#[test]
fn a_claim_denied_then_confirmed_and_a_zone_followed_elsewhere() {
    let dir = tiny_with(&file(&[
        row("c1", "town", "2001-03-01", "claim", "blue", "blue"),
        row("d1", "town", "2001-03-02", "denial", "red", "red"),
        row("k1", "town", "2001-04-01", "confirmation", "neutral", "blue"),
        row("a1", "east", "2000-06-01", "assessment", "neutral", "blue"),
    ]));
    let atlas = load_dir(dir.path()).expect("loads");
    use ControlStatus::*;
    assert_eq!(control(&atlas, "town", date(2001, 2, 1)), ("red".into(), ByZone, Some(date(2000, 1, 1))));
    assert_eq!(control(&atlas, "town", date(2001, 3, 1)), ("blue".into(), Claimed, Some(date(2001, 3, 1))));
    assert_eq!(control(&atlas, "town", date(2001, 3, 5)).1, Disputed, "the other side denied it");
    assert_eq!(control(&atlas, "town", date(2001, 4, 5)), ("blue".into(), Confirmed, Some(date(2001, 3, 1))));
    // The zone's own change on 1 June is not followed: the place has evidence in that phase.
    assert_eq!(control(&atlas, "town", date(2001, 7, 1)).1, Confirmed);
    // The next phase's table gives the zone to the same side: the place is settled.
    assert_eq!(control(&atlas, "town", date(2002, 2, 1)), ("blue".into(), ByZone, Some(date(2001, 3, 1))));
    // A place with no evidence follows its zone.
    assert_eq!(control(&atlas, "west", date(2001, 7, 1)), ("red".into(), ByZone, Some(date(2000, 1, 1))));
    assert_eq!(control(&atlas, "west", date(2002, 1, 1)).0, "blue");
    // An assessment overrides the zone where the zone is known to be wrong …
    assert_eq!(control(&atlas, "east", date(2000, 7, 1)), ("blue".into(), Confirmed, Some(date(2000, 6, 1))));
    // … until the zone itself changes hands (here, to the same side: settled at the phase start).
    assert_eq!(control(&atlas, "east", date(2001, 1, 1)).1, ByZone);
    // Every piece of evidence about a place, in date order, for the hover box and `at`.
    let town = atlas.places.iter().position(|p| p.id == "town").expect("town");
    let ids: Vec<&str> = atlas.place_control.evidence_of[town].iter().map(|&i| atlas.evidence[i].id.as_str()).collect();
    assert_eq!(ids, ["c1", "d1", "k1"]);
}

#[test]
fn a_repeated_claim_keeps_the_earliest_date_and_both_rows() {
    let dir = tiny_with(&file(&[
        row("first", "town", "2001-02-01", "claim", "blue", "blue"),
        row("again", "town", "2001-05-01", "claim", "blue", "blue"),
    ]));
    let atlas = load_dir(dir.path()).expect("loads");
    assert_eq!(control(&atlas, "town", date(2001, 5, 2)).2, Some(date(2001, 2, 1)));
    assert_eq!(atlas.evidence.len(), 2, "the repeat is kept, not dropped");
}

#[test]
fn bad_evidence_is_refused_row_by_row() {
    let mut no_source = row("nosrc", "town", "2001-03-01", "claim", "blue", "blue");
    no_source = no_source.replace(r#"[{"title": "A source", "url": "https://example.org/nosrc"}]"#, "[]");
    let dir = tiny_with(&file(&[
        row("ghost", "nowhere", "2001-03-01", "claim", "blue", "blue"),
        row("early", "town", "1990-03-01", "claim", "blue", "blue"),
        row("odd", "town", "2001-03-01", "rumour", "blue", "blue"),
        no_source,
        row("fine", "town", "2001-03-01", "claim", "blue", "blue"),
        row("who", "town", "2001-03-01", "claim", "green", "blue"),
    ]));
    let errors = load_dir(dir.path()).expect_err("bad rows are refused");
    let text = errors.to_string();
    for (row, wanted) in [
        ("row 'ghost'", "unknown place \"nowhere\""),
        ("row 'early'", "outside the atlas's timeline"),
        ("row 'odd'", "unknown kind \"rumour\""),
        ("row 'nosrc'", "has no source"),
        ("row 'who'", "\"by\" is \"green\""),
    ] {
        assert!(
            errors.0.iter().any(|e| e.feature.as_deref() == Some(row) && e.message.contains(wanted)),
            "{row}: {wanted}\n{text}"
        );
        assert!(errors.0.iter().all(|e| e.file.ends_with("evidence.json")), "{text}");
    }
    assert!(!text.contains("row 'fine'"), "a good row is not blamed: {text}");
    let typo = tiny_with(
        r#"{"evidence": [{"id": "x", "place": "town", "date": "2001-03-01", "kind": "claim", "by": "blue", "controller": "blue", "source": []}]}"#,
    );
    let errors = load_dir(typo.path()).expect_err("an unknown field is refused, not dropped");
    assert!(errors.to_string().contains("unknown field `source`"), "{errors}");
}

#[test]
fn every_place_on_a_day_is_what_each_place_is_on_that_day() {
    // `all_at` (saved states and steps) against `at` (each place's own history), across the span.
    let a = karabakh_atlas::atlas::embedded().expect("the built-in atlas");
    let index: Vec<_> = a.places.iter().map(|p| a.place_index(&p.id).expect("index")).collect();
    let mut d = jiff::civil::date(1988, 1, 1);
    while d <= jiff::civil::date(2026, 1, 1) {
        let all = a.place_control.all_at(d);
        assert_eq!(all.len(), a.places.len());
        for (got, &i) in all.iter().zip(&index) {
            assert_eq!(*got, a.place_control.at(i, d), "place {i:?} on {d}");
        }
        d = d.checked_add(jiff::Span::new().days(29)).expect("date");
    }
}
