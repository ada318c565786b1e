//! Frames of the window: the app's own UI code run through an `egui::Context` and tessellated
//! into meshes, as eframe does before handing them to the GPU. For the Karabakh atlas and a
//! generated atlas of about 100,000 vertices in 2,000 zones; cached (the app's way) against naive
//! (re-projecting and re-tessellating every polygon every frame, as a plot widget would).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Color32, Mesh, Pos2, Rect, Shape, Stroke, vec2};
use geo::TriangulateEarcut;
use jiff::civil::Date;
use karabakh_atlas::atlas::{Atlas, ControllerIdx, embedded, synthetic};
use karabakh_atlas::fonts;
use karabakh_atlas::scene::{MapGeometry, Projection, SceneInput, SceneOptions, Style, View, Zoom};
use karabakh_atlas::ui::map_painter::MapPainter;
use karabakh_atlas::ui::{AtlasApp, LaunchOptions};

const SIZE: egui::Vec2 = egui::Vec2::new(1400.0, 900.0);

fn context() -> egui::Context {
    let ctx = egui::Context::default();
    fonts::install(&ctx);
    ctx.set_theme(egui::Theme::Light);
    ctx
}

fn input() -> egui::RawInput {
    egui::RawInput { screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SIZE)), ..Default::default() }
}

/// Runs one pass of `ui` and tessellates its output; returns the number of vertices.
fn frame(ctx: &egui::Context, ui: impl FnMut(&mut egui::Ui)) -> usize {
    frame_with(ctx, input(), ui)
}

/// [`frame`] with this input (a time on egui's clock, say).
fn frame_with(ctx: &egui::Context, raw: egui::RawInput, mut ui: impl FnMut(&mut egui::Ui)) -> usize {
    let mut out = ctx.run_ui(raw, |u| ui(u));
    out.textures_delta.clear();
    let primitives = ctx.tessellate(out.shapes, out.pixels_per_point);
    primitives
        .iter()
        .map(|p| match &p.primitive {
            egui::epaint::Primitive::Mesh(m) => m.vertices.len(),
            egui::epaint::Primitive::Callback(_) => 0,
        })
        .sum()
}

/// The map drawn naively: every zone projected, triangulated and outlined afresh.
fn naive_map(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    control: &[ControllerIdx],
    view: &View,
    bounds: Rect,
    projection: &Projection,
) {
    let rect = ui.max_rect();
    let painter = ui.painter_at(rect);
    let style = Style::default();
    let mut shapes = Vec::new();
    for (zone, &c) in atlas.zones.iter().zip(control) {
        let colour = atlas.controller(c).map_or(Color32::GRAY, |k| style.zone_fill(k.colour));
        for polygon in &zone.geometry {
            let projected = geo::MapCoords::map_coords(polygon, |p| {
                let m = projection.map_from_lonlat(p.x, p.y);
                let s = view.screen_from_map(rect, bounds, m);
                geo::coord! { x: f64::from(s.x), y: f64::from(s.y) }
            });
            let raw = projected.earcut_triangles_raw();
            let mut mesh = Mesh::default();
            for [x, y] in raw.vertices {
                mesh.colored_vertex(Pos2::new(x as f32, y as f32), colour);
            }
            mesh.indices = raw.triangle_indices.iter().map(|&i| i as u32).collect();
            shapes.push(Shape::mesh(mesh));
            let ring: Vec<Pos2> = projected.exterior().coords().map(|c| Pos2::new(c.x as f32, c.y as f32)).collect();
            shapes.push(Shape::line(ring, Stroke::new(1.0, Color32::WHITE)));
        }
    }
    painter.extend(shapes);
}

fn options(date: Date) -> LaunchOptions {
    LaunchOptions { date: Some(date), today: Some(Date::constant(2026, 11, 25)), ..Default::default() }
}

#[path = "common/memory.rs"]
mod memory;

fn rss_mb() -> f64 {
    memory::status_mb("VmRSS:")
}

/// A camera flight of a story, every layer on: from the close-up of Shusha (step 11 of "The
/// 44-day war") to the whole atlas on 10 November (step 12) and back, a frame every 60th of a
/// second on the frame's clock, as the window draws it.
fn flight(c: &mut Criterion, atlas: &Atlas) {
    use karabakh_atlas::scene::{LayerName, MapLayers};
    use karabakh_atlas::ui::Command;
    let mut layers = MapLayers::default();
    for layer in LayerName::ALL {
        layers.set(layer, true);
    }
    let launch = LaunchOptions {
        story: Some("war-2020".into()),
        step: Some(11),
        layers: Some(layers),
        ..options(Date::constant(2020, 11, 8))
    };
    let ctx = context();
    let mut app = AtlasApp::with_atlas(atlas.clone(), launch);
    let mut time = 0.0;
    let at = |ctx: &egui::Context, app: &mut AtlasApp, time: f64| {
        frame_with(ctx, egui::RawInput { time: Some(time), ..input() }, |ui| app.run_frame(ui))
    };
    for _ in 0..3 {
        time += 1.0 / 60.0;
        at(&ctx, &mut app, time);
    }
    println!("flight: {} vertices a frame at rest", at(&ctx, &mut app, time + 1.0 / 60.0));
    time += 1.0 / 60.0;
    c.bench_function("full frame, a story's step at rest, every layer on (karabakh)", |b| {
        b.iter(|| black_box(at(&ctx, &mut app, time)))
    });
    println!("at rest: base layer made {} times, labels placed {} times", app.map_rebuilds(), app.label_rebuilds());
    let mut frames = 0u64;
    let mut flights = 0u64;
    let mut each: Vec<f64> = Vec::new();
    c.bench_function("full frame, a story's camera flight, every layer on (karabakh)", |b| {
        b.iter(|| {
            if !app.story_moving() {
                let next = if app.story_at().is_some_and(|s| s.1 == 10) { 11 } else { 10 };
                app.queue(Command::GoToStep(next));
                flights += 1;
            }
            time += 1.0 / 60.0;
            frames += 1;
            let started = std::time::Instant::now();
            let vertices = at(&ctx, &mut app, time);
            each.push(started.elapsed().as_secs_f64() * 1e3);
            black_box(vertices)
        })
    });
    each.sort_by(f64::total_cmp);
    let at_share = |q: f64| each.get(((each.len() as f64 - 1.0) * q) as usize).copied().unwrap_or(0.0);
    println!(
        "flight frames: median {:.2} ms, 90th percentile {:.2} ms, 99th {:.2} ms, slowest {:.2} ms",
        at_share(0.5),
        at_share(0.9),
        at_share(0.99),
        at_share(1.0)
    );
    println!(
        "flight: {frames} frames over {flights} flights; base layer made {} times, labels placed {} times",
        app.map_rebuilds(),
        app.label_rebuilds()
    );
}

fn benches(c: &mut Criterion) {
    let karabakh = embedded().expect("atlas");
    let mosaic = synthetic::mosaic(50, 40, 12, 50);
    let vertices: usize =
        mosaic.zones.iter().map(|z| z.geometry.0.iter().map(|p| p.exterior().0.len()).sum::<usize>()).sum();
    println!("mosaic: {} zones, {vertices} vertices, {} phases", mosaic.zones.len(), mosaic.phases.len());

    for (name, atlas, date, other_date) in [
        ("karabakh", &karabakh, Date::constant(2020, 10, 5), Date::constant(1994, 6, 1)),
        ("mosaic", &mosaic, Date::constant(1975, 6, 1), Date::constant(1976, 6, 1)),
    ] {
        if name == "karabakh" {
            flight(c, atlas);
        }
        // The whole window, as the user sees it.
        let ctx = context();
        let mut app = AtlasApp::with_atlas(atlas.clone(), options(date));
        frame(&ctx, |ui| app.run_frame(ui));
        frame(&ctx, |ui| app.run_frame(ui));
        c.bench_function(&format!("full frame, idle view ({name})"), |b| {
            b.iter(|| frame(&ctx, |ui| app.run_frame(ui)))
        });

        // Panning: the view moves every frame; the cached map is only moved.
        let fit = app.view();
        let mut k = 0.0f32;
        c.bench_function(&format!("full frame, panning ({name})"), |b| {
            b.iter(|| {
                k += 1.0;
                app.set_view(View { centre: fit.centre + vec2((k % 20.0) - 10.0, 0.0), zoom: fit.zoom });
                frame(&ctx, |ui| app.run_frame(ui))
            })
        });
        // Zooming: every frame at a new zoom, so the map is re-tessellated every frame.
        c.bench_function(&format!("full frame, zooming ({name})"), |b| {
            b.iter(|| {
                k += 1.0;
                app.set_view(View { centre: fit.centre, zoom: Zoom::new(1.0 + (k % 10.0) * 0.05) });
                frame(&ctx, |ui| app.run_frame(ui))
            })
        });
        app.set_view(fit);
        // A date change: control differs, so the map is rebuilt.
        let mut flip = false;
        c.bench_function(&format!("full frame right after a date change ({name})"), |b| {
            b.iter(|| {
                flip = !flip;
                app.set_date(if flip { other_date } else { date });
                frame(&ctx, |ui| app.run_frame(ui))
            })
        });
        println!("rebuilds of the map layer so far ({name}): {}", app.map_rebuilds());

        // The map view alone: cached against naive.
        let geometry = MapGeometry::new(atlas);
        let control = atlas.control_at(date).unwrap_or_default();
        let places = atlas.place_control.all_at(date);
        let cells = atlas.cell_control(&control, &places);
        let style = Style::default();
        let scene_options = SceneOptions::default();
        let view = View::fit(geometry.bounds);
        let mut painter = MapPainter::default();
        let ctx = context();
        let mut map_cached = |ui: &mut egui::Ui| {
            let scene = SceneInput {
                atlas,
                geometry: &geometry,
                style: &style,
                control: &control,
                places: &places,
                cells: &cells,
                date,
                taken: None,
                options: &scene_options,
            };
            painter.paint(ui, ui.max_rect(), &scene, &view, 1);
        };
        frame(&ctx, &mut map_cached);
        c.bench_function(&format!("map view, cached ({name})"), |b| b.iter(|| black_box(frame(&ctx, &mut map_cached))));
        let vertices = frame(&ctx, &mut map_cached);
        println!(
            "map view ({name}): {vertices} vertices a frame; base layer made {} times, labels placed {} times",
            painter.rebuilds, painter.label_rebuilds
        );
        let ctx = context();
        c.bench_function(&format!("map view, naive ({name})"), |b| {
            b.iter(|| frame(&ctx, |ui| naive_map(ui, atlas, &control, &view, geometry.bounds, &geometry.projection)))
        });
    }
    println!("resident memory with both atlases loaded and drawn: {:.0} MB", rss_mb());
}

criterion_group! {
    name = frame_benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3)).warm_up_time(std::time::Duration::from_secs(1));
    targets = benches
}
criterion_main!(frame_benches);
