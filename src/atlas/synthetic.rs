//! Generated atlases, for benchmarks and tests of scale: a mosaic of square zones with densified
//! edges and a long timeline, far larger than the Karabakh atlas; and a valid atlas whose zone has
//! an edge across the whole world, which no step of drawing may pay for by its length.

use geo::{GeodesicArea, LineString, MultiPolygon, Polygon, coord};
use jiff::ToSpan as _;
use jiff::civil::Date;

use super::{
    Atlas, ContextArea, ContextKind, Controller, ControllerIdx, Event, Phase, Region, RegionIdx, Source, Text, Zone,
};

/// A mosaic of `columns × rows` zones, each a square with `points_per_edge` segments per side
/// (so `4 × points_per_edge + 1` positions), grouped in regions of 5 × 4 zones, with `phases`
/// one-year phases in which about one zone in twenty changes hands. Deterministic.
pub fn mosaic(columns: usize, rows: usize, points_per_edge: usize, phases: usize) -> Atlas {
    let (lon0, lat0, width, height) = (44.0, 38.5, 4.0, 2.6);
    let (dx, dy) = (width / columns as f64, height / rows as f64);
    let square = |x0: f64, y0: f64, w: f64, h: f64, n: usize| {
        let n = n.max(1);
        let mut ring = Vec::with_capacity(4 * n + 1);
        for i in 0..n {
            ring.push(coord! { x: x0 + w * i as f64 / n as f64, y: y0 });
        }
        for i in 0..n {
            ring.push(coord! { x: x0 + w, y: y0 + h * i as f64 / n as f64 });
        }
        for i in 0..n {
            ring.push(coord! { x: x0 + w - w * i as f64 / n as f64, y: y0 + h });
        }
        for i in 0..n {
            ring.push(coord! { x: x0, y: y0 + h - h * i as f64 / n as f64 });
        }
        ring.push(coord! { x: x0, y: y0 });
        MultiPolygon::new(vec![Polygon::new(LineString::new(ring), vec![])])
    };
    let (region_cols, region_rows) = (columns.div_ceil(5), rows.div_ceil(4));
    let regions: Vec<Region> = (0..region_cols * region_rows)
        .map(|r| {
            let (c, w) = (r % region_cols, r / region_cols);
            let cols = (columns - c * 5).min(5) as f64;
            let rws = (rows - w * 4).min(4) as f64;
            let geometry = square(lon0 + c as f64 * 5.0 * dx, lat0 + w as f64 * 4.0 * dy, cols * dx, rws * dy, 1);
            plain_region(&format!("r{r}"), &format!("Region {r}"), geometry, false)
        })
        .collect();
    let mut zones = Vec::with_capacity(columns * rows);
    for row in 0..rows {
        for col in 0..columns {
            let geometry = square(lon0 + col as f64 * dx, lat0 + row as f64 * dy, dx, dy, points_per_edge);
            let area_km2 = geometry.geodesic_area_unsigned() / 1e6;
            zones.push(Zone {
                id: format!("z{col}-{row}"),
                name: Text::en(format!("Zone {col}-{row}")),
                region: RegionIdx::new((row / 4) * region_cols + col / 5),
                approximate: (col + row) % 7 == 0,
                note: Text::default(),
                geometry,
                area_km2,
            });
        }
    }
    let colours = [[0x5b, 0x8f, 0xb9], [0xd9, 0x88, 0x3e], [0xa3, 0xa3, 0xa3]];
    let controllers = (0..3)
        .map(|i| Controller {
            id: format!("c{i}"),
            name: Text::en(format!("Side {i}")),
            description: Text::default(),
            colour: colours.get(i).copied().unwrap_or([0x80, 0x80, 0x80]),
        })
        .collect();
    // A small linear congruential generator: the same atlas every time.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize
    };
    let mut control: Vec<usize> = (0..zones.len()).map(|i| usize::from((i / columns) * 2 >= rows)).collect();
    let source = vec![Source { title: "Generated for benchmarks".into(), url: None }];
    let start = Date::constant(1950, 1, 1);
    let mut out_phases = Vec::with_capacity(phases);
    let mut events = Vec::with_capacity(phases);
    for p in 0..phases.max(1) {
        let first = start.checked_add((p as i64 * 365).days()).unwrap_or(start);
        let last = start.checked_add(((p as i64 + 1) * 365 - 1).days()).unwrap_or(start);
        if p > 0 {
            for _ in 0..zones.len() / 20 {
                let z = next() % zones.len();
                if let Some(c) = control.get_mut(z) {
                    *c = next() % 3;
                }
            }
        }
        out_phases.push(Phase {
            id: format!("P{p}"),
            start: first,
            end: (p + 1 < phases).then_some(last),
            title: Text::en(format!("Phase {p}")),
            summary: Text::en("Generated."),
            sources: source.clone(),
            control: control.iter().copied().map(ControllerIdx::new).collect(),
            changes: Vec::new(),
        });
        events.push(Event {
            id: format!("E{p}"),
            date: first,
            end: None,
            place: None,
            position: Some(geo::Point::new(lon0 + width / 2.0, lat0 + height / 2.0)),
            offmap: false,
            kind: "generated".into(),
            text: Text::en(format!("Phase {p} begins.")),
            claim: None,
            sources: source.clone(),
        });
    }
    let context = vec![ContextArea {
        id: "land".into(),
        kind: ContextKind::Country,
        name: Text::en("Land"),
        name_second: None,
        label_at: None,
        geometry: square(lon0 - 0.5, lat0 - 0.5, width + 1.0, height + 1.0, 1),
    }];
    Atlas {
        id: "mosaic".into(),
        title: Text::en(format!("Generated mosaic of {} zones", zones.len())),
        description: Text::default(),
        attribution: Text::en("Generated."),
        default_date: Some(start),
        notes: Vec::new(),
        traditions: Vec::new(),
        controllers,
        phases: out_phases,
        events,
        regions,
        zones,
        places: Vec::new(),
        lines: Vec::new(),
        context,
        land: super::Land::default(),
        evidence: Vec::new(),
        stories: Vec::new(),
        place_control: super::PlaceTimeline::default(),
        cells_cache: std::sync::OnceLock::new(),
        sealed: super::model::Sealed,
    }
}

/// A region with a name and an outline, and nothing else known of it.
fn plain_region(id: &str, name: &str, geometry: MultiPolygon, emphasis: bool) -> Region {
    Region {
        id: id.into(),
        name: Text::en(name),
        label: None,
        name_second: None,
        name_first: None,
        label_first: None,
        label_second: None,
        official_area_km2: None,
        area_tolerance_pct: 10.0,
        area_note: None,
        today_boundary: None,
        emphasis,
        area_km2: geometry.geodesic_area_unsigned() / 1e6,
        geometry,
    }
}

/// A valid atlas of two zones: a triangle with an edge from (−180, −90) to (180, 90), and a
/// small square inside it. Nothing in it is wrong; it is only large.
pub fn world_triangle() -> Atlas {
    let ring = |c: &[(f64, f64)]| LineString::new(c.iter().map(|&(x, y)| coord! { x: x, y: y }).collect());
    let square = [(10.0, -60.0), (20.0, -60.0), (20.0, -50.0), (10.0, -50.0), (10.0, -60.0)];
    let triangle = MultiPolygon::new(vec![Polygon::new(
        ring(&[(-180.0, -90.0), (180.0, -90.0), (180.0, 90.0), (-180.0, -90.0)]),
        vec![ring(&square)],
    )]);
    let small = MultiPolygon::new(vec![Polygon::new(ring(&square), vec![])]);
    let whole = MultiPolygon::new(vec![Polygon::new(
        ring(&[(-180.0, -90.0), (180.0, -90.0), (180.0, 90.0), (-180.0, -90.0)]),
        vec![],
    )]);
    let region = |id: &str, geometry: MultiPolygon| plain_region(id, id, geometry, true);
    let zone = |id: &str, geometry: MultiPolygon| Zone {
        id: id.into(),
        name: Text::en(id),
        region: RegionIdx::new(0),
        approximate: false,
        note: Text::default(),
        area_km2: geometry.geodesic_area_unsigned() / 1e6,
        geometry,
    };
    let controllers = ["a", "b"]
        .iter()
        .zip([[0x5b, 0x8f, 0xb9], [0xd9, 0x88, 0x3e]])
        .map(|(id, colour)| Controller { id: (*id).into(), name: Text::en(*id), description: Text::default(), colour })
        .collect();
    let start = Date::constant(2000, 1, 1);
    Atlas {
        id: "world-triangle".into(),
        title: Text::en("A triangle across the world"),
        description: Text::default(),
        attribution: Text::en("Generated."),
        default_date: Some(start),
        notes: Vec::new(),
        traditions: Vec::new(),
        controllers,
        phases: vec![Phase {
            id: "P0".into(),
            start,
            end: None,
            title: Text::en("Split"),
            summary: Text::en("Generated."),
            sources: vec![Source { title: "Generated for tests".into(), url: None }],
            control: vec![ControllerIdx::new(0), ControllerIdx::new(1)],
            changes: Vec::new(),
        }],
        events: Vec::new(),
        regions: vec![region("world", whole)],
        zones: vec![zone("triangle", triangle), zone("square", small)],
        places: Vec::new(),
        lines: Vec::new(),
        context: Vec::new(),
        land: super::Land::default(),
        evidence: Vec::new(),
        stories: Vec::new(),
        place_control: super::PlaceTimeline::default(),
        cells_cache: std::sync::OnceLock::new(),
        sealed: super::model::Sealed,
    }
}

/// Writes an atlas folder like [`world_triangle`], but as files and as large as asked: a
/// triangle across half the world, pole to pole, with a rectangular hole (10°–30° E, 60°–50° S), tiled by
/// `columns × rows` square zones with `points_per_edge` positions a side. With 20 × 10 squares of
/// 550 points the zones file is about 10 MB: the size the viewer must open and export in bounded
/// time and memory (`benches/scale.rs`).
pub fn write_world_edge_atlas(
    dir: &std::path::Path,
    columns: usize,
    rows: usize,
    points_per_edge: usize,
) -> std::io::Result<()> {
    use std::fmt::Write as _;
    std::fs::create_dir_all(dir)?;
    let (lon0, lat0, lon1, lat1) = (10.0_f64, -60.0_f64, 30.0_f64, -50.0_f64);
    let ring = |c: &[(f64, f64)]| {
        let mut s = String::from("[");
        for (i, (x, y)) in c.iter().enumerate() {
            let _ = write!(s, "{}[{x:.6},{y:.6}]", if i > 0 { "," } else { "" });
        }
        s.push(']');
        s
    };
    let square = |x0: f64, y0: f64, x1: f64, y1: f64, n: usize| {
        let n = n.max(1);
        let mut c = Vec::with_capacity(4 * n + 1);
        for i in 0..n {
            c.push((x0 + (x1 - x0) * i as f64 / n as f64, y0));
        }
        for i in 0..n {
            c.push((x1, y0 + (y1 - y0) * i as f64 / n as f64));
        }
        for i in 0..n {
            c.push((x1 - (x1 - x0) * i as f64 / n as f64, y1));
        }
        for i in 0..n {
            c.push((x0, y1 - (y1 - y0) * i as f64 / n as f64));
        }
        c.push((x0, y0));
        c
    };
    // Half the world wide, the most a polygon may span (wider is refused as a shape across the
    // antimeridian or round the world), pole to pole.
    let triangle = [(-70.0, -90.0), (110.0, -90.0), (110.0, 90.0), (-70.0, -90.0)];
    let hole = [(lon0, lat0), (lon0, lat1), (lon1, lat1), (lon1, lat0), (lon0, lat0)];
    let feature = |id: &str, region: &str, rings: Vec<String>| {
        format!(
            "{{\"type\":\"Feature\",\"id\":\"{id}\",\"properties\":{{\"name\":\"{id}\",\"region\":\"{region}\"}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[{}]}}}}",
            rings.join(",")
        )
    };
    let mut zones = vec![feature("triangle", "world", vec![ring(&triangle), ring(&hole)])];
    let mut control = vec!["\"triangle\":\"a\"".to_owned()];
    let (dx, dy) = ((lon1 - lon0) / columns as f64, (lat1 - lat0) / rows as f64);
    for r in 0..rows {
        for c in 0..columns {
            let (x0, y0) = (lon0 + c as f64 * dx, lat0 + r as f64 * dy);
            let id = format!("z{c}-{r}");
            zones.push(feature(&id, "world", vec![ring(&square(x0, y0, x0 + dx, y0 + dy, points_per_edge))]));
            control.push(format!("\"{id}\":\"{}\"", if (c + r) % 2 == 0 { "a" } else { "b" }));
        }
    }
    let collection = |features: Vec<String>| {
        format!("{{\"type\":\"FeatureCollection\",\"features\":[\n{}\n]}}\n", features.join(",\n"))
    };
    std::fs::write(dir.join("zones.geojson"), collection(zones))?;
    std::fs::write(dir.join("regions.geojson"), collection(vec![feature("world", "world", vec![ring(&triangle)])]))?;
    let atlas = format!(
        "{{\"format\":\"karabakh-atlas/1\",\"id\":\"world-edge\",\"title\":\"A triangle across the world\",\"attribution\":\"Generated.\",\"default_date\":\"2000-01-01\",\"controllers\":[{{\"id\":\"a\",\"name\":\"Side A\",\"colour\":\"#5b8fb9\"}},{{\"id\":\"b\",\"name\":\"Side B\",\"colour\":\"#d9883e\"}}],\"phases\":[{{\"id\":\"P0\",\"start\":\"2000-01-01\",\"end\":null,\"title\":\"Split\",\"sources\":[{{\"title\":\"Generated\"}}],\"control\":{{{}}}}}]}}\n",
        control.join(",")
    );
    std::fs::write(dir.join("atlas.json"), atlas)
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn mosaic_has_the_asked_size_and_a_total_timeline() {
        let a = mosaic(50, 40, 12, 50);
        assert_eq!(a.zones.len(), 2000);
        let vertices: usize = a.zones.iter().map(|z| z.geometry.0[0].exterior().0.len()).sum();
        assert_eq!(vertices, 2000 * 49);
        assert_eq!(a.phases.len(), 50);
        for w in a.phases.windows(2) {
            assert_eq!(w[0].end.and_then(|e| e.tomorrow().ok()), Some(w[1].start));
        }
        let total: f64 = a.area_by_controller(Date::constant(1990, 6, 1)).iter().map(|c| c.area_km2).sum();
        let zones: f64 = a.zones.iter().map(|z| z.area_km2).sum();
        assert!((total - zones).abs() < 1e-6);
    }

    #[test]
    fn the_world_edge_atlas_is_valid_and_tiles_its_hole() {
        let dir = tempfile::tempdir().expect("tmp");
        write_world_edge_atlas(dir.path(), 4, 2, 10).expect("written");
        let atlas = match crate::atlas::load_dir(dir.path()) {
            Ok(a) => a,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(atlas.zones.len(), 1 + 4 * 2);
        // The squares tile the triangle's hole: 20° × 10° in longitude and latitude.
        let squares: f64 = atlas.zones.iter().skip(1).map(|z| geo::Area::unsigned_area(&z.geometry)).sum();
        assert!((squares - 200.0).abs() < 1e-6, "{squares} square degrees");
        let hole: f64 = atlas.zones.first().map_or(0.0, |z| {
            z.geometry
                .iter()
                .flat_map(|p| p.interiors())
                .map(|r| geo::Area::unsigned_area(&Polygon::new(r.clone(), vec![])))
                .sum()
        });
        assert!((hole - 200.0).abs() < 1e-6, "{hole} square degrees");
    }

    #[test]
    fn generated_atlases_hold_the_invariants_and_a_broken_one_is_caught() {
        for atlas in [mosaic(6, 5, 4, 3), world_triangle()] {
            assert!(atlas.check_indices().is_ok(), "{}", atlas.id);
        }
        let mut broken = world_triangle();
        broken.phases[0].control.pop();
        broken.zones[1].region = RegionIdx::new(7);
        let e = broken.check_indices().expect_err("caught");
        assert_eq!(e.0.len(), 2, "{e}");
        // Nothing panics on it: checked access everywhere.
        let date = Date::constant(2000, 1, 1);
        let _ = broken.area_by_controller(date);
        let _ = broken.region_control(date);
        let _ = broken.changes_between(date, Date::constant(2001, 1, 1));
    }
}
