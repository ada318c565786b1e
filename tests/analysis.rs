//! Analysis: `diff` between dates, and the area series behind the chart, checked against `at`.

use std::process::Command;

use jiff::civil::date;
use karabakh_atlas::atlas::{Atlas, embedded};

fn atlas() -> Atlas {
    embedded().expect("atlas")
}

#[test]
fn diff_totals_equal_the_difference_of_at_for_every_pair_of_phase_boundaries() {
    let a = atlas();
    let starts: Vec<_> = a.phases.iter().map(|p| p.start).collect();
    for w in starts.windows(2) {
        let (d1, d2) = (w[0], w[1]);
        let net = a.net_change(&a.changes_between(d1, d2));
        let before = a.area_by_controller(d1);
        let after = a.area_by_controller(d2);
        for c in 0..a.controllers.len() {
            let expected = after[c].area_km2 - before[c].area_km2;
            assert!((net[c] - expected).abs() < 1e-6, "{d1}..{d2} {}: {} vs {expected}", a.controllers[c].id, net[c]);
        }
    }
}

#[test]
fn the_2020_war_and_handovers_cost_the_armenian_side_about_8300_km2() {
    // 11,458 km² held before the war (NKR figure) less about 3,170 after (Wikipedia, "Republic of
    // Artsakh"): about 8,290 km² (facts/figures.md §1.4).
    let a = atlas();
    let net = a.net_change(&a.changes_between(date(2020, 9, 26), date(2020, 12, 2)));
    let ka = a.controllers.iter().position(|c| c.id == "ka").expect("ka");
    let lost = -net[ka];
    assert!((lost - 8_290.0).abs() / 8_290.0 <= 0.15, "lost {lost:.0} km²");
}

#[test]
fn the_chart_series_match_at_at_every_phase_boundary() {
    let a = atlas();
    let history = a.area_history();
    for p in &a.phases {
        let at = a.area_by_controller(p.start);
        // The step that holds on the phase's first day.
        let (_, values) = history.iter().rfind(|(d, _)| *d <= p.start).expect("a step");
        for (c, v) in values.iter().enumerate() {
            assert!((v - at[c].area_km2).abs() < 1e-6, "{}: {v} vs {}", p.id, at[c].area_km2);
        }
    }
    // And on days of dated changes inside phases (Shusha, 8 Nov 2020).
    let at = a.area_by_controller(date(2020, 11, 8));
    let (_, values) = history.iter().rfind(|(d, _)| *d <= date(2020, 11, 8)).expect("step");
    assert!((values[0] - at[0].area_km2).abs() < 1e-6);
}

#[test]
fn diff_command_prints_the_documented_json() {
    let out = Command::new(env!("CARGO_BIN_EXE_karabakh-atlas"))
        .args(["diff", "2020-09-26", "2020-12-02", "--json"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["from"], "2020-09-26");
    assert_eq!(v["to"], "2020-12-02");
    let changes = v["changes"].as_array().expect("changes");
    let shusha = changes.iter().find(|c| c["zone"] == "nkao-shusha").expect("Shusha changed");
    assert_eq!(shusha["district"], "nkao");
    assert_eq!(shusha["from"], "ka");
    assert_eq!(shusha["to"], "az");
    // The last change in the area: Şuşakənd, announced the day after the town.
    assert_eq!(shusha["date"], "2020-11-09");
    assert!(shusha["area_km2"].as_f64().is_some_and(|a| a > 50.0));
    assert!(shusha["sources"].as_array().is_some_and(|s| !s.is_empty()));
    // Totals add up to zero: what one side loses another gains.
    let totals = v["totals"].as_object().expect("totals");
    let sum: f64 = totals.values().filter_map(|x| x.as_f64()).sum();
    assert!(sum.abs() < 1.0, "{totals:?}");
    assert!(totals["ka"].as_f64().is_some_and(|x| x < -7000.0));
    // The same with the dates swapped: the same zones, the other way round.
    let out = Command::new(env!("CARGO_BIN_EXE_karabakh-atlas"))
        .args(["diff", "2020-12-02", "2020-09-26", "--json"])
        .output()
        .expect("run");
    let w: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(w["changes"].as_array().map(Vec::len), Some(changes.len()));
    assert!(w["totals"]["ka"].as_f64().is_some_and(|x| x > 7000.0));
    let bad = Command::new(env!("CARGO_BIN_EXE_karabakh-atlas"))
        .args(["diff", "2020-09-26", "2020-13-01"])
        .output()
        .expect("run");
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn diff_lists_the_settlements_that_changed_hands_with_their_evidence_and_as_csv() {
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_karabakh-atlas")).args(args).output().expect("run");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        out
    };
    let out = run(&["diff", "2020-10-08", "2020-10-16", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let settlements = v["settlements"].as_array().expect("settlements");
    let hadrut = settlements.iter().find(|s| s["id"] == "hadrut").expect("Hadrut changed hands");
    assert_eq!((hadrut["from"].as_str(), hadrut["to"].as_str()), (Some("ka"), Some("az")));
    assert_eq!(hadrut["status"], "confirmed");
    let kinds: Vec<&str> =
        hadrut["evidence"].as_array().expect("evidence").iter().filter_map(|e| e["kind"].as_str()).collect();
    assert!(kinds.contains(&"claim") && kinds.contains(&"denial") && kinds.contains(&"confirmation"), "{kinds:?}");
    // The same as CSV, for a spreadsheet: one row a settlement, with its evidence and sources.
    let out = run(&["diff", "2020-10-08", "2020-10-16", "--csv"]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("id,name,region,from,to,status,since,evidence,notes,sources"));
    let row = text.lines().find(|l| l.starts_with("hadrut,")).expect("Hadrut's row");
    assert!(row.contains("2020-10-09 claim by az") && row.contains("https://"), "{row}");
    assert_eq!(text.lines().count(), settlements.len() + 1);
    // Dates given latest first: listed going back in time, and said so.
    let out = run(&["diff", "2020-10-16", "2020-10-08", "--json"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("going back in time"));
}

#[test]
fn series_writes_km2_and_settlements_per_controller_for_every_day_of_change() {
    let out = Command::new(env!("CARGO_BIN_EXE_karabakh-atlas")).args(["series", "--csv"]).output().expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let header: Vec<&str> = text.lines().next().expect("header").split(',').collect();
    assert_eq!(header[0], "date");
    assert!(header.contains(&"az_km2") && header.contains(&"ka_settlements"), "{header:?}");
    let rows: Vec<Vec<&str>> = text.lines().skip(1).map(|l| l.split(',').collect()).collect();
    assert!(rows.len() > 50, "{} days of change", rows.len());
    // Every day of the 2020 war on which a settlement was announced is a row.
    for day in ["2020-10-04", "2020-10-09", "2020-10-21", "2020-11-08"] {
        assert!(rows.iter().any(|r| r[0] == day), "{day}");
    }
    let ka = header.iter().position(|h| *h == "ka_settlements").expect("column");
    let on = |d: &str| rows.iter().find(|r| r[0] == d).and_then(|r| r[ka].parse::<usize>().ok()).expect("a count");
    assert!(on("2020-10-21") < on("2020-10-04"), "settlements held by the NKR fall during the war");
}
