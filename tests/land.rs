//! The land: elevation, water, heights, roads and settlements of the built-in atlas through the
//! atlas API; the search; the `find` command; bad elevation grids; the relief and rivers in
//! exported pictures.

use std::path::Path;
use std::process::Command;

use jiff::civil::date;
use karabakh_atlas::atlas::{Atlas, Found, SearchIndex, WaterShape, embedded, load_dir};
use karabakh_atlas::export::{ExportOptions, ImageFormat, picture};
use karabakh_atlas::i18n::Lang;
use karabakh_atlas::scene::{MapGeometry, MapLayers, NameStyle, View, region_label};
use resvg::tiny_skia::Pixmap;

fn atlas() -> Atlas {
    embedded().expect("the built-in atlas loads")
}

/// The Aras's course.
fn aras(atlas: &Atlas) -> &geo::MultiLineString {
    let river = atlas
        .land
        .water
        .iter()
        .find(|w| w.names.name.as_ref().is_some_and(|n| n.get("en") == "Aras"))
        .expect("the Aras");
    let WaterShape::Line(course) = &river.shape else { panic!("the Aras is a line") };
    course
}

#[test]
fn elevation_through_the_atlas_api() {
    let atlas = atlas();
    let grid = atlas.land.elevation.as_ref().expect("the built-in atlas has an elevation grid");
    let stepanakert = atlas.places.iter().find(|p| p.id == "stepanakert").expect("Stepanakert");
    let h = grid.at(stepanakert.point.x(), stepanakert.point.y()).expect("a height");
    assert!((h - 824.0).abs() <= 150.0, "Stepanakert at {h} m");
    // The Aras near Horadiz: the river's point nearest the town.
    let horadiz = atlas.places.iter().find(|p| p.id == "horadiz").expect("Horadiz").point;
    let nearest = aras(&atlas)
        .iter()
        .flat_map(|l| l.points())
        .min_by(|a, b| {
            let d = |p: &geo::Point| (p.x() - horadiz.x()).powi(2) + (p.y() - horadiz.y()).powi(2);
            d(a).total_cmp(&d(b))
        })
        .expect("points");
    let h = grid.at(nearest.x(), nearest.y()).expect("a height on the Aras");
    assert!(h < 300.0, "the Aras near Horadiz at {h} m");
    assert!((grid.cell_km() - 0.93).abs() < 0.02, "a 30″ grid");
}

#[test]
fn the_land_layers_are_there_with_names_in_both_traditions() {
    let atlas = atlas();
    let land = &atlas.land;
    assert!(land.water.len() >= 15 && land.heights.len() >= 5 && land.roads.len() == 3);
    assert!(atlas.places.len() > 1000, "about a thousand settlements: {}", atlas.places.len());
    assert!(atlas.places.iter().any(|p| p.abandoned), "abandoned places are marked");
    let sarsang = land.water.iter().find(|w| w.id.contains("sarsang")).expect("Sarsang");
    assert!(matches!(sarsang.shape, WaterShape::Point(_)), "Sarsang is known only as a point");
    assert!(sarsang.note.get("en").contains("726"), "with its facts: {}", sarsang.note.get("en"));
    assert!(land.roads.iter().all(|r| r.schematic), "the roads are schematic");
    let lachin_road = land.roads.iter().find(|r| r.valid_to == Some(date(2022, 8, 26))).expect("1992–2022 road");
    assert!(lachin_road.applies_on(date(2000, 1, 1)) && !lachin_road.applies_on(date(2023, 1, 1)));
    // The 30 places of the first version are the top ranks of the layer.
    assert_eq!(atlas.places.iter().take(30).filter(|p| p.rank <= 4).count(), 30);
    assert!(land.locator.len() > 10, "the locator's countries");
}

#[test]
fn the_search_finds_by_any_name_in_any_script() {
    let atlas = atlas();
    let index = SearchIndex::new(&atlas);
    let first_place = |q: &str| match index.find(q, 5).first().map(|h| h.found) {
        Some(Found::Place(i)) => atlas.place(i).map(|p| p.id.clone()),
        other => panic!("{q}: {other:?}"),
    };
    for q in ["susa", "Şuşa", "Shushi", "Шуша", "shusha"] {
        assert_eq!(first_place(q).as_deref(), Some("shusha"), "{q}");
    }
    for q in ["xankendi", "Stepanakert", "Xankəndi"] {
        assert_eq!(first_place(q).as_deref(), Some("stepanakert"), "{q}");
    }
    assert_eq!(first_place("Berdzor").as_deref(), Some("lachin"));
    let river = index.find("Araks", 3);
    assert!(
        matches!(river.first().map(|h| h.found), Some(Found::Water(i)) if atlas.land.water[i].names.name.as_ref().is_some_and(|n| n.get("en") == "Aras")),
        "{river:?}"
    );
    let peak = index.find("Gomshasar", 3);
    assert!(matches!(peak.first().map(|h| h.found), Some(Found::Height(_))), "{peak:?}");
    assert!(index.find("", 5).is_empty() && index.find("   ", 5).is_empty());
    assert!(index.find("zzzzqqq", 5).is_empty());
}

#[test]
fn find_prints_matches_with_coordinates_as_json() {
    let out =
        Command::new(env!("CARGO_BIN_EXE_karabakh-atlas")).args(["find", "Berdzor", "--json"]).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let first = &json["matches"][0];
    assert_eq!(first["id"], "lachin");
    assert_eq!(first["region"], "Lachin district");
    let (lon, lat) = (first["lon"].as_f64().expect("lon"), first["lat"].as_f64().expect("lat"));
    assert!((lon - 46.547).abs() < 0.01 && (lat - 39.641).abs() < 0.01, "{lon}, {lat}");
    let text = Command::new(env!("CARGO_BIN_EXE_karabakh-atlas")).args(["find", "susa"]).output().expect("runs");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.starts_with("Shusha (town"), "{text}");
}

#[test]
fn the_international_mode_labels_districts_in_english() {
    let atlas = atlas();
    let kalbajar = atlas.regions.iter().find(|r| r.id == "kalbajar").expect("Kalbajar");
    assert_eq!(region_label(kalbajar, Lang::En, NameStyle::International), "Kalbajar");
    assert_eq!(region_label(kalbajar, Lang::En, NameStyle::First), "Karvachar");
    assert!(region_label(kalbajar, Lang::En, NameStyle::Second).starts_with("Kəlbəcər"));
    assert_eq!(NameStyle::default(), NameStyle::International);
}

/// A copy of the tiny atlas with an elevation grid of `header` and `data`.
fn tiny_with_grid(header: &str, data: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(Path::new("tests/data/tiny")).expect("tiny atlas") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copy");
    }
    std::fs::write(dir.path().join("elevation.hdr"), header).expect("write");
    std::fs::write(dir.path().join("elevation.bil"), data).expect("write");
    dir
}

/// A header for a 4 × 3 grid over the tiny atlas (which lies round 10° E, 50° N).
fn header(extra: &[(&str, &str)]) -> String {
    let mut keys = vec![
        ("NROWS", "3"),
        ("NCOLS", "4"),
        ("NBITS", "16"),
        ("PIXELTYPE", "SIGNEDINT"),
        ("BYTEORDER", "I"),
        ("ULXMAP", "10.125"),
        ("ULYMAP", "50.375"),
        ("XDIM", "0.25"),
        ("YDIM", "0.25"),
        ("NODATA", "-500"),
    ];
    for (k, v) in extra {
        if let Some(slot) = keys.iter_mut().find(|(key, _)| key == k) {
            slot.1 = v;
        } else {
            keys.push((k, v));
        }
    }
    keys.iter().map(|(k, v)| format!("{k} {v}\n")).collect()
}

fn cells(n: usize) -> Vec<u8> {
    (0..n).flat_map(|i| (100 + i as i16).to_le_bytes()).collect()
}

#[test]
fn a_good_grid_loads_and_each_bad_one_has_its_own_error() {
    let tiny = load_dir(Path::new("tests/data/tiny")).expect("tiny");
    let z = tiny.zones.first().expect("a zone");
    let c = geo::InteriorPoint::interior_point(&z.geometry).expect("a point");
    // Centre the grid on the tiny atlas's first zone.
    let (ulx, uly) = (format!("{}", c.x() - 0.375), format!("{}", c.y() + 0.25));
    let base = [("ULXMAP", ulx.as_str()), ("ULYMAP", uly.as_str())];
    let good = tiny_with_grid(&header(&base), &cells(12));
    let atlas = load_dir(good.path()).expect("a good grid loads");
    assert!(atlas.land.elevation.as_ref().and_then(|g| g.at(c.x(), c.y())).is_some());

    let cases: Vec<(String, Vec<u8>, &str, &str)> = vec![
        (header(&base), cells(11), "elevation.bil", "holds 22 bytes"),
        (header(&[base[0], base[1], ("NCOLS", "5")]), cells(12), "elevation.bil", "5 × 3 cells"),
        (header(&[base[0], base[1], ("XDIM", "NaN")]), cells(12), "elevation.hdr", "XDIM is \"NaN\""),
        (header(&[("ULXMAP", "120.0"), ("ULYMAP", "-30.0")]), cells(12), "elevation.bil", "does not overlap the atlas"),
        (
            header(&[base[0], base[1], ("NBITS", "32"), ("PIXELTYPE", "FLOAT")]),
            [1.0f32, f32::NAN].iter().cycle().take(12).flat_map(|v| v.to_le_bytes()).collect(),
            "elevation.bil",
            "hold NaN",
        ),
        ("NROWS 3\nNCOLS\n".into(), cells(12), "elevation.hdr", "not a KEY VALUE pair"),
    ];
    let mut messages = Vec::new();
    for (hdr, data, file, wanted) in cases {
        let dir = tiny_with_grid(&hdr, &data);
        let errors = load_dir(dir.path()).expect_err("a bad grid is refused");
        assert_eq!(errors.0.len(), 1, "one error, no cascade: {errors}");
        let e = &errors.0[0];
        assert!(e.file.ends_with(file), "{e}");
        assert!(e.message.contains(wanted), "{wanted}: {e}");
        messages.push(e.message.clone());
    }
    messages.dedup();
    assert_eq!(messages.len(), 6, "each its own message");
    // Only one of the two files.
    let dir = tiny_with_grid("", &[]);
    std::fs::remove_file(dir.path().join("elevation.bil")).expect("remove");
    let errors = load_dir(dir.path()).expect_err("half a grid");
    assert!(errors.to_string().contains("elevation.bil: missing"), "{errors}");
}

fn export_png(atlas: &Atlas, geometry: &MapGeometry, layers: MapLayers, view: View) -> Pixmap {
    let options = ExportOptions { view: Some(view), layers, ..ExportOptions::new(date(2024, 7, 1), 1200, 900) };
    let bytes = picture(atlas, geometry, &options, ImageFormat::Png).expect("a picture");
    Pixmap::decode_png(&bytes).expect("PNG")
}

#[test]
fn an_exported_picture_shows_the_relief_and_the_aras() {
    let atlas = atlas();
    let geometry = MapGeometry::new(&atlas);
    let view = View::fit(geometry.bounds);
    let with = export_png(&atlas, &geometry, MapLayers::default(), view);
    let without = export_png(&atlas, &geometry, MapLayers { relief: false, ..MapLayers::default() }, view);
    let transform = karabakh_atlas::scene::ScreenTransform::for_view(
        &view,
        egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1200.0, 900.0)),
        geometry.bounds,
    );
    let px = |img: &Pixmap, lon: f64, lat: f64| {
        let p = transform.screen_from_map(geometry.projection.map_from_lonlat(lon, lat));
        img.pixel(p.x as u32, p.y as u32).map(|c| (c.red(), c.green(), c.blue()))
    };
    // The mountains east of Lake Sevan (Vardenis), clear of zones, lines and labels: with the relief,
    // most of the ground differs from its commonest colour (slopes lit and shaded); without it, the
    // ground is one flat colour.
    let varied = |img: &Pixmap| {
        let values: Vec<(u8, u8, u8)> = (0..30)
            .flat_map(|i| (0..10).map(move |j| (45.6 + f64::from(i) * 0.01, 40.0 + f64::from(j) * 0.02)))
            .filter_map(|(lon, lat)| px(img, lon, lat))
            .collect();
        let mut counts = std::collections::HashMap::new();
        for v in &values {
            *counts.entry(*v).or_insert(0usize) += 1;
        }
        let (mode, _) = counts.iter().max_by_key(|(_, n)| **n).expect("pixels");
        let far = |a: &(u8, u8, u8)| {
            (i32::from(a.0) - i32::from(mode.0)).abs()
                + (i32::from(a.1) - i32::from(mode.1)).abs()
                + (i32::from(a.2) - i32::from(mode.2)).abs()
                > 12
        };
        values.iter().filter(|v| far(v)).count() as f64 / values.len() as f64
    };
    let (v_with, v_without) = (varied(&with), varied(&without));
    // (Without it, only labels and lines vary the samples.)
    assert!(
        v_with > 0.6 && v_with > v_without + 0.25,
        "varied ground: {v_with:.2} with the relief, {v_without:.2} without"
    );
    // The Aras: the river's colour along its course south of the districts.
    let points: Vec<geo::Point> =
        aras(&atlas).iter().flat_map(|l| l.points()).filter(|p| (46.6..47.4).contains(&p.x())).collect();
    assert!(points.len() > 5);
    // The river's blue within two pixels of its course (the border, dashed, runs along its middle).
    let river_blue = |p: &geo::Point| {
        let at = transform.screen_from_map(geometry.projection.map_from_lonlat(p.x(), p.y()));
        (-2..=2).any(|dx| {
            (-2..=2).any(|dy| {
                with.pixel((at.x as i32 + dx) as u32, (at.y as i32 + dy) as u32).is_some_and(|c| {
                    let (r, g, b) = (c.red(), c.green(), c.blue());
                    b > r.saturating_add(40) && b > g
                })
            })
        })
    };
    let blue = points.iter().filter(|p| river_blue(p)).count();
    assert!(blue * 10 >= points.len() * 7, "{blue} of {} points of the Aras are river-blue", points.len());
}

#[test]
fn every_export_credits_the_relief_and_the_settlements() {
    let atlas = atlas();
    let geometry = MapGeometry::new(&atlas);
    for lang in [Lang::En, Lang::Vi] {
        let options = ExportOptions { lang, ..ExportOptions::new(date(2020, 10, 20), 1600, 1000) };
        let doc = karabakh_atlas::export::svg(&atlas, &geometry, &options);
        for credit in ["GLOBE", "Who&apos;s On First", "GeoNames"] {
            let plain = credit.replace("&apos;", "'");
            assert!(doc.contains(credit) || doc.contains(&plain), "{lang:?}: {plain}");
        }
        assert!(doc.contains("data:image/png;base64,"), "the relief is embedded");
    }
}
