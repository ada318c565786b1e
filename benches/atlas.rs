//! Loading and the timeline engine: the embedded atlas and a generated one a hundred times larger.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::ToSpan as _;
use jiff::civil::Date;
use karabakh_atlas::atlas::{Atlas, embedded, synthetic};

/// Every 37th day of the atlas's span: a sweep that hits every phase.
fn sweep(atlas: &Atlas) -> Vec<Date> {
    let (first, last) = atlas.span();
    let last = last.unwrap_or(Date::constant(2026, 11, 25));
    let mut out = Vec::new();
    let mut d = first;
    while d <= last {
        out.push(d);
        d = d.checked_add(37.days()).unwrap_or(last.tomorrow().unwrap_or(last));
        if out.len() > 10_000 {
            break;
        }
    }
    out
}

fn benches(c: &mut Criterion) {
    c.bench_function("load and validate the embedded atlas", |b| b.iter(|| black_box(embedded().is_ok())));

    let karabakh = embedded().expect("atlas");
    // Everything the window derives from an atlas once: projection, triangulation, shared edges,
    // the relief's hillshade, the land's layers; and the search's folded names.
    c.bench_function("map geometry of the embedded atlas, with the relief", |b| {
        b.iter(|| black_box(karabakh_atlas::scene::MapGeometry::new(&karabakh).zones.len()))
    });
    c.bench_function("search index of the embedded atlas", |b| {
        b.iter(|| black_box(karabakh_atlas::atlas::SearchIndex::new(&karabakh).find("s", 1).len()))
    });
    // The cells the ground is cut into, made on first use (after loading, on every core).
    c.bench_function("cells of the embedded atlas, first use", |b| {
        b.iter_batched(|| embedded().expect("atlas"), |a| black_box(a.cells().len()), criterion::BatchSize::LargeInput)
    });
    let index = karabakh_atlas::atlas::SearchIndex::new(&karabakh);
    c.bench_function("one search as the user types (\"shus\")", |b| b.iter(|| black_box(index.find("shus", 8).len())));
    // What `at` computes, for every day from 1988 to 2026: km² by region and controller, and the
    // control of every settlement.
    let every_day: Vec<Date> = {
        let (mut d, last) = (Date::constant(1988, 1, 1), Date::constant(2026, 12, 31));
        let mut out = Vec::new();
        while d <= last {
            out.push(d);
            d = d.tomorrow().unwrap_or(last.tomorrow().unwrap_or(last));
        }
        out
    };
    c.bench_function(&format!("at, every day 1988–2026 ({} days)", every_day.len()), |b| {
        b.iter(|| {
            every_day
                .iter()
                .map(|&d| karabakh.region_control(d).len() + karabakh.place_control.all_at(d).len())
                .sum::<usize>()
        })
    });
    let mosaic = synthetic::mosaic(50, 40, 12, 50);
    for (name, atlas) in [("karabakh", &karabakh), ("mosaic 2000 zones", &mosaic)] {
        let dates = sweep(atlas);
        c.bench_function(&format!("control at {} dates ({name})", dates.len()), |b| {
            b.iter(|| dates.iter().map(|&d| atlas.control_at(d).map_or(0, |c| c.len())).sum::<usize>())
        });
        c.bench_function(&format!("area by controller at {} dates ({name})", dates.len()), |b| {
            b.iter(|| dates.iter().map(|&d| atlas.area_by_controller(d)[0].area_km2).sum::<f64>())
        });
    }
}

criterion_group! {
    name = atlas;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = benches
}
criterion_main!(atlas);
