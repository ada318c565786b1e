//! A reader's overlay of 1,000,000 points, and one of a 1,000,000-point line, over the small test
//! atlas: preparing it (projection, levels of detail), and whole frames of the window with it
//! shown: idle, panning (the cached mesh is moved) and zooming (it is remade for the new zoom).
//! Prints the resident memory after each. The files are written to `target/overlay-bench/`.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Pos2, Rect, vec2};
use karabakh_atlas::atlas::{load_dir, load_overlay};
use karabakh_atlas::fonts;
use karabakh_atlas::scene::{MapGeometry, PreparedOverlay, View, Zoom};
use karabakh_atlas::ui::{AtlasApp, LaunchOptions};

#[path = "common/memory.rs"]
mod memory;

const SIZE: egui::Vec2 = egui::Vec2::new(1400.0, 900.0);

/// One frame; `time` is egui's clock (by default a 60th of a second after the last frame).
fn frame_at(ctx: &egui::Context, app: &mut AtlasApp, time: Option<f64>) -> usize {
    let input = egui::RawInput { screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SIZE)), time, ..Default::default() };
    let mut out = ctx.run_ui(input, |ui| app.run_frame(ui));
    out.textures_delta.clear();
    ctx.tessellate(out.shapes, out.pixels_per_point).len()
}

fn frame(ctx: &egui::Context, app: &mut AtlasApp) -> usize {
    frame_at(ctx, app, None)
}

/// Writes the two overlays: a grid of 1,000 × 1,000 points, and a wavy line of 1,000,000.
fn write_overlays(dir: &Path) -> [PathBuf; 2] {
    std::fs::create_dir_all(dir).expect("bench folder");
    let points: Vec<String> = (0..1_000_000)
        .map(|k| format!("[{:.5},{:.5}]", 10.0 + f64::from(k % 1000) / 500.0, 10.0 + f64::from(k / 1000) / 1000.0))
        .collect();
    let line: Vec<String> = (0..1_000_000)
        .map(|k| format!("[{:.6},{:.6}]", 10.0 + f64::from(k) * 2e-6, 10.5 + 0.4 * (f64::from(k) / 500.0).sin()))
        .collect();
    let paths = [dir.join("points-1m.geojson"), dir.join("line-1m.geojson")];
    for (path, (kind, coordinates)) in paths.iter().zip([("MultiPoint", points), ("LineString", line)]) {
        let text = format!(
            r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{}},"geometry":{{"type":"{kind}","coordinates":[{}]}}}}]}}"#,
            coordinates.join(",")
        );
        std::fs::write(path, text).expect("overlay written");
    }
    paths
}

fn benches(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let tiny = load_dir(&root.join("tests/data/tiny")).expect("tiny atlas");
    let geometry = MapGeometry::new(&tiny);
    for path in write_overlays(&root.join("target/overlay-bench")) {
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("overlay").to_owned();
        let mut group = c.benchmark_group(format!("overlay {name}"));
        group.sample_size(10);
        group.bench_function("read", |b| b.iter(|| black_box(load_overlay(&path).map(|o| o.features.len()))));
        let overlay = load_overlay(&path).expect("overlay");
        group.bench_function("prepare (project, levels of detail)", |b| {
            b.iter(|| black_box(PreparedOverlay::new(&overlay, &geometry.projection)))
        });
        drop(overlay);
        let ctx = egui::Context::default();
        fonts::install(&ctx);
        let options = LaunchOptions { overlays: vec![path.clone()], ..Default::default() };
        let mut app = AtlasApp::with_atlas(tiny.clone(), options);
        frame(&ctx, &mut app);
        frame(&ctx, &mut app);
        let fit = app.view();
        let rebuilds = app.overlay_rebuilds();
        group.bench_function("full frame, idle", |b| b.iter(|| black_box(frame(&ctx, &mut app))));
        let mut k = 0.0f32;
        group.bench_function("full frame, panning", |b| {
            b.iter(|| {
                k += 1.0;
                app.set_view(View { centre: fit.centre + vec2((k % 20.0) - 10.0, 0.0), zoom: fit.zoom });
                frame(&ctx, &mut app)
            })
        });
        let panned = app.overlay_rebuilds();
        // Zooming: a new zoom every 60th of a second, so the mesh is stretched.
        group.bench_function("full frame, zooming", |b| {
            b.iter(|| {
                k += 1.0;
                app.set_view(View { centre: fit.centre, zoom: Zoom::new(1.0 + (k % 10.0) * 0.3) });
                frame(&ctx, &mut app)
            })
        });
        // A zoom that has rested: every frame a second after the last, so the mesh is made anew.
        let mut clock = 1000.0;
        group.bench_function("full frame at a new zoom, after the zoom rested", |b| {
            b.iter(|| {
                k += 1.0;
                clock += 1.0;
                app.set_view(View { centre: fit.centre, zoom: Zoom::new(1.0 + (k % 10.0) * 0.3) });
                frame_at(&ctx, &mut app, Some(clock))
            })
        });
        group.finish();
        println!(
            "{name}: the overlay's mesh made {rebuilds} time(s) for the first frames, {} while idle and panning; \
             resident memory {:.0} MB (peak {:.0} MB)",
            panned - rebuilds,
            memory::status_mb("VmRSS:"),
            memory::status_mb("VmHWM:")
        );
    }
}

criterion_group!(overlay, benches);
criterion_main!(overlay);
