//! An atlas that is valid but huge in extent: a zone with an edge from (−180, −90) to (180, 90)
//! and a 10 MB zones file. Opening it (load, validation, geometry) and exporting it must take
//! bounded time and memory. The folder is left in `target/world-edge-atlas/` so the window can be
//! tried on it too (`karabakh-atlas --atlas target/world-edge-atlas`).

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::Date;
use karabakh_atlas::atlas::{load_dir, synthetic};
use karabakh_atlas::export::{ExportOptions, ImageFormat, picture};
use karabakh_atlas::scene::{MapGeometry, NameStyle};

#[path = "common/memory.rs"]
mod memory;

fn rss_mb() -> f64 {
    memory::status_mb("VmHWM:")
}

fn benches(c: &mut Criterion) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/world-edge-atlas");
    synthetic::write_world_edge_atlas(&dir, 20, 10, 550).expect("written");
    let bytes: u64 =
        std::fs::read_dir(&dir).expect("dir").flatten().filter_map(|e| e.metadata().ok()).map(|m| m.len()).sum();
    println!("world-edge atlas: {:.1} MB in {}", bytes as f64 / 1e6, dir.display());
    let mut group = c.benchmark_group("world-edge atlas (10 MB)");
    group.sample_size(10);
    group.bench_function("load and validate", |b| b.iter(|| black_box(load_dir(&dir).is_ok())));
    let atlas = load_dir(&dir).expect("valid");
    group.bench_function("map geometry", |b| b.iter(|| black_box(MapGeometry::new(&atlas).zone_edges.len())));
    let geometry = MapGeometry::new(&atlas);
    let options =
        ExportOptions { names: NameStyle::Both, ..ExportOptions::new(Date::constant(2000, 1, 1), 1920, 1080) };
    group.bench_function("export as PNG, 1920 × 1080", |b| {
        b.iter(|| black_box(picture(&atlas, &geometry, &options, ImageFormat::Png).map(|p| p.len())))
    });
    group.finish();
    println!("peak resident memory: {:.0} MB", rss_mb());
}

criterion_group!(scale, benches);
criterion_main!(scale);
