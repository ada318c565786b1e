//! Invariants of the timeline engine over many dates (proptest), on the Karabakh atlas and on a
//! generated one.

use std::sync::LazyLock;

use jiff::ToSpan as _;
use jiff::civil::Date;
use karabakh_atlas::atlas::{Atlas, embedded, synthetic};
use proptest::prelude::*;

static KARABAKH: LazyLock<Atlas> = LazyLock::new(|| embedded().expect("atlas"));
static MOSAIC: LazyLock<Atlas> = LazyLock::new(|| synthetic::mosaic(10, 8, 4, 20));

fn day(atlas: &Atlas, offset: u32) -> Date {
    let (first, last) = atlas.span();
    let last = last.unwrap_or(Date::constant(2026, 11, 25));
    let days = i64::from(last.since(first).map_or(0, |s| s.get_days()));
    first.checked_add((i64::from(offset) % (days + 1)).days()).unwrap_or(first)
}

fn check_date(atlas: &Atlas, d: Date) -> Result<(), TestCaseError> {
    // Total: every zone has a known controller on every day of the timeline.
    let control = atlas.control_at(d).ok_or_else(|| TestCaseError::fail(format!("no control on {d}")))?;
    prop_assert_eq!(control.len(), atlas.zones.len());
    prop_assert!(control.iter().all(|&c| c.get() < atlas.controllers.len()));
    // It matches replaying the list of changes of control up to that day.
    let mut replay = vec![None; atlas.zones.len()];
    for t in atlas.transitions().into_iter().filter(|t| t.date <= d) {
        replay[t.zone.get()] = Some(t.controller);
    }
    prop_assert_eq!(control.iter().copied().map(Some).collect::<Vec<_>>(), replay);
    // Areas are non-negative and add up to the zones' total.
    let areas = atlas.area_by_controller(d);
    prop_assert!(areas.iter().all(|a| a.area_km2 >= 0.0));
    let total: f64 = areas.iter().map(|a| a.area_km2).sum();
    let zones: f64 = atlas.zones.iter().map(|z| z.area_km2).sum();
    prop_assert!((total - zones).abs() < 1e-6 * zones.max(1.0));
    // Per region, too.
    for rc in atlas.region_control(d) {
        let held: f64 = rc.controllers.iter().map(|a| a.area_km2).sum();
        let region: f64 = atlas.zones.iter().filter(|z| z.region == rc.region).map(|z| z.area_km2).sum();
        prop_assert!((held - region).abs() < 1e-6 * region.max(1.0));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn control_is_total_matches_the_changes_and_areas_add_up(offset in any::<u32>()) {
        check_date(&KARABAKH, day(&KARABAKH, offset))?;
        check_date(&MOSAIC, day(&MOSAIC, offset))?;
    }

    #[test]
    fn changes_between_two_dates_are_the_difference_of_control(a in any::<u32>(), b in any::<u32>()) {
        for atlas in [&*KARABAKH, &*MOSAIC] {
            let (d1, d2) = (day(atlas, a), day(atlas, b));
            let (c1, c2) = (atlas.control_at(d1).expect("c1"), atlas.control_at(d2).expect("c2"));
            let changes = atlas.changes_between(d1, d2);
            // At the grain of the ground: the zones with a cell (or, without cells, the zones
            // themselves) whose holder differs.
            let changed: Vec<usize> = if atlas.cells().is_empty() {
                (0..atlas.zones.len()).filter(|&z| c1[z] != c2[z]).collect()
            } else {
                let h1 = atlas.cell_control(&c1, &atlas.place_control.all_at(d1));
                let h2 = atlas.cell_control(&c2, &atlas.place_control.all_at(d2));
                atlas.cells().iter().zip(h1.iter().zip(&h2)).filter(|(_, (x, y))| x.0 != y.0).map(|(c, _)| c.zone.get()).collect()
            };
            prop_assert_eq!(changes.iter().map(|c| c.zone.get()).collect::<std::collections::BTreeSet<_>>(), changed.into_iter().collect());
            let net = atlas.net_change(&changes);
            let (h1, h2) = (atlas.area_by_controller(d1), atlas.area_by_controller(d2));
            for (c, n) in net.iter().enumerate() {
                prop_assert!((n - (h2[c].area_km2 - h1[c].area_km2)).abs() < 1e-6);
            }
        }
    }

    #[test]
    fn events_between_are_exactly_the_events_in_the_range(a in any::<u32>(), b in any::<u32>()) {
        let atlas = &*KARABAKH;
        let (d1, d2) = (day(atlas, a), day(atlas, b));
        let (lo, hi) = if d1 <= d2 { (d1, d2) } else { (d2, d1) };
        let got: Vec<&str> = atlas.events_between(lo, hi).iter().map(|e| e.id.as_str()).collect();
        let want: Vec<&str> = atlas.events.iter().filter(|e| lo <= e.date && e.date <= hi).map(|e| e.id.as_str()).collect();
        prop_assert_eq!(got, want);
    }
}
