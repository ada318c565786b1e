//! An overlay of a million points, and one of a million-point line, shown in the window: read,
//! drawn and zoomed within generous bounds of time and memory, its mesh made once and kept while
//! the window is idle or panned. The numbers themselves are measured in `cargo bench --bench
//! overlay` (docs/performance.md).

use std::path::Path;

use egui::{Pos2, Rect, vec2};
use karabakh_atlas::atlas::load_dir;
use karabakh_atlas::scene::{View, Zoom};
use karabakh_atlas::ui::{AtlasApp, LaunchOptions};

const TINY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/tiny");

fn frame(ctx: &egui::Context, app: &mut AtlasApp, time: f64) -> usize {
    let input = egui::RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1400.0, 900.0))),
        time: Some(time),
        ..Default::default()
    };
    let mut out = ctx.run_ui(input, |ui| app.run_frame(ui));
    out.textures_delta.clear();
    ctx.tessellate(out.shapes, out.pixels_per_point)
        .iter()
        .map(|p| match &p.primitive {
            egui::epaint::Primitive::Mesh(m) => m.vertices.len(),
            egui::epaint::Primitive::Callback(_) => 0,
        })
        .sum()
}

/// Resident memory of this process at its peak, MB.
fn peak_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(str::to_owned))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|kb| kb.parse::<f64>().ok()))
        .map_or(0.0, |kb| kb / 1024.0)
}

fn shown(path: &Path) {
    let started = std::time::Instant::now();
    let ctx = egui::Context::default();
    let atlas = load_dir(Path::new(TINY)).expect("tiny atlas");
    let options = LaunchOptions { overlays: vec![path.to_path_buf()], ..Default::default() };
    let mut app = AtlasApp::with_atlas(atlas, options);
    assert_eq!(app.overlays().len(), 1, "the overlay is read");
    let drawn = frame(&ctx, &mut app, 1.0);
    frame(&ctx, &mut app, 2.0);
    let made = app.overlay_rebuilds();
    assert!(made >= 1);
    // Idle and panned frames hand egui the same mesh.
    let fit = app.view();
    for k in 0..5 {
        frame(&ctx, &mut app, 3.0 + f64::from(k));
        app.set_view(View { centre: fit.centre + vec2(f32::from(k as u8), 0.0), zoom: fit.zoom });
    }
    assert_eq!(app.overlay_rebuilds(), made, "idle and panning frames remake nothing");
    // A zoom gesture stretches the mesh, and the mesh is made again once the zoom rests.
    for k in 1..=5 {
        app.set_view(View { centre: fit.centre, zoom: Zoom::new(1.0 + 0.2 * f32::from(k as u8)) });
        frame(&ctx, &mut app, 10.0 + f64::from(k) / 60.0);
    }
    let during = app.overlay_rebuilds();
    assert!(during <= made + 1, "one remaking at the start of the gesture at most, got {}", during - made);
    frame(&ctx, &mut app, 20.0);
    assert_eq!(app.overlay_rebuilds(), during + 1, "made afresh once the zoom rested");
    // A million features' worth of drawing is thinned to what a screen can show.
    assert!(drawn < 8_000_000, "{drawn} vertices in a frame");
    // Generous: a debug build; the bench measures the release figures (well under a second, 0.2 GB).
    assert!(started.elapsed().as_secs() < 240, "took {:?}", started.elapsed());
    assert!(peak_mb() < 1024.0, "peak resident memory {:.0} MB", peak_mb());
}

#[test]
fn a_million_points_and_a_million_point_line_are_drawn_within_bounds() {
    let dir = tempfile::tempdir().expect("tmp");
    let points: Vec<String> = (0..1_000_000)
        .map(|k| format!("[{:.5},{:.5}]", 10.0 + f64::from(k % 1000) / 500.0, 10.0 + f64::from(k / 1000) / 1000.0))
        .collect();
    let path = dir.path().join("points.geojson");
    let text = format!(
        r#"{{"type":"Feature","properties":{{}},"geometry":{{"type":"MultiPoint","coordinates":[{}]}}}}"#,
        points.join(",")
    );
    drop(points);
    std::fs::write(&path, text).expect("write");
    shown(&path);
    let line: Vec<String> = (0..1_000_000)
        .map(|k| format!("[{:.6},{:.6}]", 10.0 + f64::from(k) * 2e-6, 10.5 + 0.4 * (f64::from(k) / 500.0).sin()))
        .collect();
    let path = dir.path().join("line.geojson");
    let text = format!(r#"{{"type":"LineString","coordinates":[{}]}}"#, line.join(","));
    drop(line);
    std::fs::write(&path, text).expect("write");
    shown(&path);
}
