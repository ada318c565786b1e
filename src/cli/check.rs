//! `check`: validates an atlas folder (or a GeoJSON file as an overlay) and prints a summary, as
//! text for a reader or, with `--json`, as one JSON document for editors and CI.

use std::io::Write as _;
use std::path::Path;

use serde_json::{Value, json};

use super::{Failure, load, span_text};
use crate::atlas::safe_text::for_terminal;
use crate::atlas::{Atlas, AtlasError, AtlasErrors};

/// What `check` found: every problem, and the atlas when it loaded.
struct Report {
    /// "atlas" or "overlay".
    kind: &'static str,
    /// The path as given; `None` for the built-in atlas.
    path: Option<String>,
    problems: Vec<AtlasError>,
    /// The loaded atlas with its errors gone (only notes in `problems`).
    atlas: Option<Atlas>,
    /// Features an overlay can show.
    overlay_features: Option<usize>,
}

impl Report {
    fn errors(&self) -> usize {
        self.problems.iter().filter(|p| !p.note).count()
    }
}

pub(super) fn check(path: Option<&Path>, as_json: bool) -> Result<(), Failure> {
    let report = examine(path)?;
    if as_json {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{}", serde_json::to_string_pretty(&to_json(&report)).unwrap_or_default());
        return if report.errors() > 0 { Err(Failure::Reported) } else { Ok(()) };
    }
    print_text(report)
}

/// Snaps the zones of the atlas folder `path` to one another and to their regions, within
/// `metres`, rewrites its zones.geojson (keeping the drawing beside it) and says what moved.
pub(super) fn fix(path: Option<&Path>, metres: f64) -> Result<(), Failure> {
    let usage = |m: &str| Err(Failure::Usage(m.to_owned()));
    if !(metres.is_finite() && metres > 0.0 && metres <= 10_000.0) {
        return usage("--snap must be a distance in metres, more than 0 and at most 10,000");
    }
    let Some(dir) = path else { return usage("--fix changes an atlas folder's zones.geojson: name the folder") };
    let Some(crate::atlas::OpenAs::Atlas(dir)) = Some(crate::atlas::open_as(dir)) else {
        return usage("--fix works on an atlas folder, not on an overlay");
    };
    let atlas = load(Some(&dir))?;
    let zones: Vec<(String, geo::MultiPolygon)> =
        atlas.zones.iter().map(|z| (z.id.clone(), z.geometry.clone())).collect();
    // A region that is the union of its zones (as `new` makes one, from the zones) is not an
    // outline to fit them to: it is made again from the snapped zones. Any other is fitted to.
    let union_of = |r: usize, areas: &[geo::MultiPolygon]| {
        use geo::BooleanOps as _;
        let mut parts = atlas.zones.iter().zip(areas).filter(|(z, _)| z.region == r).map(|(_, a)| a);
        let first = parts.next().cloned().unwrap_or_else(|| geo::MultiPolygon::new(vec![]));
        parts.fold(first, |u, a| u.union(a))
    };
    let drawn: Vec<geo::MultiPolygon> = zones.iter().map(|(_, a)| a.clone()).collect();
    let derived: Vec<bool> = atlas
        .regions
        .iter()
        .enumerate()
        .map(|(r, region)| {
            use geo::{Area as _, BooleanOps as _};
            let off = region.geometry.xor(&union_of(r, &drawn)).unsigned_area();
            off <= 1e-9 * region.geometry.unsigned_area().max(1e-12)
        })
        .collect();
    let outlines: Vec<geo::MultiPolygon> =
        atlas.regions.iter().zip(&derived).filter(|(_, d)| !**d).map(|(r, _)| r.geometry.clone()).collect();
    let snapped = crate::atlas::snap_zones(&zones, &outlines, metres);
    for (zone, why) in &snapped.refused {
        println!("zones.geojson: '{}': left as drawn: snapping it would make it invalid ({why})", for_terminal(zone));
    }
    if snapped.changed.is_empty() {
        println!("zones.geojson: nothing to snap within {metres} m");
        return Ok(());
    }
    let file = dir.join("zones.geojson");
    let text = std::fs::read_to_string(&file)
        .map_err(|e| Failure::Usage(format!("{}: cannot be read: {e}", file.display())))?;
    let changed: Vec<(&str, &geo::MultiPolygon)> = snapped
        .changed
        .iter()
        .filter_map(|c| {
            let i = zones.iter().position(|(id, _)| *id == c.zone)?;
            snapped.zones.get(i).map(|area| (c.zone.as_str(), area))
        })
        .collect();
    let Some(rewritten) = crate::atlas::with_geometries(&text, &changed) else {
        return usage("zones.geojson is not a FeatureCollection");
    };
    let kept = dir.join("zones.before-fix.geojson");
    let write = |to: &Path, what: &str| {
        std::fs::write(to, what).map_err(|e| Failure::Usage(format!("{}: cannot be written: {e}", to.display())))
    };
    // The regions made from their zones, made again from the snapped ones.
    let remade: Vec<(usize, geo::MultiPolygon)> = (0..atlas.regions.len())
        .filter(|&r| derived.get(r) == Some(&true))
        .map(|r| (r, union_of(r, &snapped.zones)))
        .collect();
    let regions_file = dir.join("regions.geojson");
    if !remade.is_empty() {
        let regions_text = std::fs::read_to_string(&regions_file)
            .map_err(|e| Failure::Usage(format!("{}: cannot be read: {e}", regions_file.display())))?;
        let named: Vec<(&str, &geo::MultiPolygon)> =
            remade.iter().filter_map(|(r, a)| atlas.regions.get(*r).map(|region| (region.id.as_str(), a))).collect();
        let Some(regions_rewritten) = crate::atlas::with_geometries(&regions_text, &named) else {
            return usage("regions.geojson is not a FeatureCollection");
        };
        write(&dir.join("regions.before-fix.geojson"), &regions_text)?;
        write(&regions_file, &regions_rewritten)?;
        for (id, _) in &named {
            println!(
                "regions.geojson: '{}': the union of its zones, made again from them as snapped",
                for_terminal(id)
            );
        }
    }
    write(&kept, &text)?;
    write(&file, &rewritten)?;
    for c in &snapped.changed {
        let zone = for_terminal(&c.zone);
        let added = format!("{} of its neighbours' corners added to its edges", c.added);
        if c.moved == 0 {
            println!("zones.geojson: '{zone}': {added}");
            continue;
        }
        let (lon, lat) = c.farthest_at;
        let and = if c.added > 0 { format!("; and {added}") } else { String::new() };
        println!(
            "zones.geojson: '{zone}': {} corner(s) moved, the farthest {:.0} m, at {lon:.5}, {lat:.5} (lon, lat){and}",
            c.moved, c.farthest_m
        );
    }
    println!(
        "zones.geojson: {} zone(s) snapped within {metres} m; the drawing as it was is kept in {}\n",
        snapped.changed.len(),
        kept.display()
    );
    Ok(())
}

/// Loads what `path` opens as and gathers every problem, the tiling checks included.
fn examine(path: Option<&Path>) -> Result<Report, Failure> {
    let shown = path.map(|p| p.display().to_string());
    // What the path opens as in the window: a GeoJSON file outside an atlas folder is an
    // overlay; a file in an atlas folder stands for the folder.
    let dir = match path.map(crate::atlas::open_as) {
        Some(crate::atlas::OpenAs::Overlay(file)) => {
            let (problems, features) = match crate::atlas::load_overlay(&file) {
                Ok(overlay) => {
                    let shown = file.display().to_string();
                    let mut problems: Vec<AtlasError> = overlay
                        .notes
                        .iter()
                        .map(|n| AtlasError { note: true, ..AtlasError::new(&shown, None, n.as_str()) })
                        .collect();
                    problems.extend(overlay.left_out.0);
                    (problems, Some(overlay.features.len()))
                }
                Err(errs) => (errs.0, None),
            };
            return Ok(Report { kind: "overlay", path: shown, problems, atlas: None, overlay_features: features });
        }
        Some(crate::atlas::OpenAs::Atlas(dir)) => Some(dir),
        None => None,
    };
    let atlas = match load(dir.as_deref()) {
        Ok(atlas) => atlas,
        Err(errs) => {
            return Ok(Report { kind: "atlas", path: shown, problems: errs.0, atlas: None, overlay_features: None });
        }
    };
    // How the zones tile their regions: judged here, on the atlas as read, not on every opening.
    let in_folder = |name: &str| dir.as_ref().map_or_else(|| name.to_owned(), |d| d.join(name).display().to_string());
    let tiling = crate::atlas::tiling_problems(&atlas, &in_folder("zones.geojson"), &in_folder("places.geojson"));
    let mut problems = atlas.notes.clone();
    problems.extend(tiling.0);
    // A step's layers are the scene's words, which the atlas's reader does not know.
    for story in &atlas.stories {
        for (i, step) in story.steps.iter().enumerate() {
            if let Some(Err(e)) = step.layers.as_deref().map(|l| crate::scene::MapLayers::default().changed_by(l)) {
                problems.push(AtlasError::new(
                    &story.file,
                    Some(&format!("step {}", i + 1)),
                    format!("its layers: {e}"),
                ));
            }
        }
    }
    let loaded = problems.iter().all(|p| p.note).then_some(atlas);
    Ok(Report { kind: "atlas", path: shown, problems, atlas: loaded, overlay_features: None })
}

fn print_text(report: Report) -> Result<(), Failure> {
    let shown = report.path.clone().unwrap_or_default();
    if let Some(features) = report.overlay_features {
        for note in report.problems.iter().filter(|p| p.note) {
            println!("{shown}: note: {}", crate::atlas::safe_text::for_terminal(&note.message));
        }
        if report.errors() == 0 {
            println!("{shown}: OK, a GeoJSON overlay of {features} feature(s)");
            return Ok(());
        }
        println!("{shown}: {features} feature(s) can be shown; the window leaves out the features named below");
        return Err(Failure::Atlas(AtlasErrors(report.problems.into_iter().filter(|p| !p.note).collect())));
    }
    let Some(atlas) = report.atlas else { return Err(Failure::Atlas(AtlasErrors(report.problems))) };
    let mut out = std::io::stdout().lock();
    let notes = &report.problems;
    let verdict = if notes.is_empty() { "OK".to_owned() } else { format!("OK, with {} note(s)", notes.len()) };
    let _ = writeln!(out, "{}: {verdict}", crate::atlas::safe_text::for_terminal(atlas.title.get("en")));
    for note in notes {
        let _ = writeln!(out, "  {note}");
    }
    let _ = writeln!(
        out,
        "{} zones in {} regions, {} places, {} lines, {} controllers, {} phases ({}), {} events, {} stories",
        atlas.zones.len(),
        atlas.regions.len(),
        atlas.places.len(),
        atlas.lines.len(),
        atlas.controllers.len(),
        atlas.phases.len(),
        span_text(&atlas),
        atlas.events.len(),
        atlas.stories.len()
    );
    let _ =
        writeln!(out, "\n{:<44} {:>10} {:>10} {:>10} {:>8}", "region", "drawn km²", "today km²", "official", "diff");
    for r in region_areas(&atlas) {
        let official = r.official.map_or("-".into(), |o| format!("{o:.0}"));
        let diff = r.diff_pct.map_or("-".into(), |d| format!("{d:+.1} %"));
        let today = r.today.map_or("-".into(), |t| format!("{t:.0}"));
        let _ = writeln!(out, "{:<44} {:>10.0} {:>10} {:>10} {:>8}", r.name, r.drawn, today, official, diff);
    }
    let _ = writeln!(
        out,
        "\n\"today\" is the district with today's boundaries; \"diff\" compares it (or the drawn area) with the official figure."
    );
    Ok(())
}

/// A region's areas as `check` prints them, km².
struct RegionAreas {
    id: String,
    name: String,
    drawn: f64,
    /// The region with today's boundaries, where the atlas has them.
    today: Option<f64>,
    official: Option<f64>,
    /// `today` (or `drawn`) against `official`, per cent.
    diff_pct: Option<f64>,
}

fn region_areas(atlas: &Atlas) -> Vec<RegionAreas> {
    atlas
        .regions
        .iter()
        .map(|r| {
            let today = r
                .today_boundary
                .and_then(|i| atlas.context.get(i))
                .map(|c| geo::GeodesicArea::geodesic_area_unsigned(&c.geometry) / 1e6);
            let compared = today.unwrap_or(r.area_km2);
            RegionAreas {
                id: r.id.clone(),
                name: r.name.get("en").to_owned(),
                drawn: r.area_km2,
                today,
                official: r.official_area_km2,
                diff_pct: r.official_area_km2.map(|o| 100.0 * (compared - o) / o),
            }
        })
        .collect()
}

/// The line and column a message gives for its problem ("(line 12, column 5)" or "(line 12)"),
/// so that an editor can jump there.
fn line_and_column(message: &str) -> (Option<u64>, Option<u64>) {
    let Some(at) = message.rfind("line ") else { return (None, None) };
    let rest = &message[at + 5..];
    let number = |s: &str| s.chars().take_while(char::is_ascii_digit).collect::<String>().parse::<u64>().ok();
    let line = number(rest);
    let column = rest.find("column ").and_then(|c| number(&rest[c + 7..]));
    (line, line.and(column))
}

/// The report as JSON. Texts are as the files give them: JSON's escaping keeps control
/// characters from reaching a terminal.
fn to_json(report: &Report) -> Value {
    let problems: Vec<Value> = report
        .problems
        .iter()
        .map(|p| {
            let (line, column) = line_and_column(&p.message);
            json!({
                "severity": if p.note { "note" } else { "error" },
                "file": p.file,
                "feature": p.feature,
                "message": p.message,
                "line": line,
                "column": column,
            })
        })
        .collect();
    let atlas = report.atlas.as_ref().map(|atlas| {
        let (start, end) = atlas.span();
        let regions: Vec<Value> = region_areas(atlas)
            .into_iter()
            .map(|r| {
                json!({"id": r.id, "name": r.name, "drawn_km2": r.drawn, "today_km2": r.today,
                       "official_km2": r.official, "diff_pct": r.diff_pct})
            })
            .collect();
        json!({
            "title": atlas.title.get("en"),
            "zones": atlas.zones.len(),
            "places": atlas.places.len(),
            "lines": atlas.lines.len(),
            "controllers": atlas.controllers.len(),
            "phases": atlas.phases.len(),
            "events": atlas.events.len(),
            "stories": atlas.stories.iter().map(|s| json!({"id": s.id, "title": s.title.get("en"), "steps": s.steps.len()})).collect::<Vec<_>>(),
            "start": start.to_string(),
            "end": end.map(|d| d.to_string()),
            "regions": regions,
        })
    });
    let errors = report.errors();
    json!({
        "format": "karabakh-atlas-check/1",
        "kind": report.kind,
        "path": report.path,
        "ok": errors == 0,
        "errors": errors,
        "notes": report.problems.len() - errors,
        "problems": problems,
        "atlas": atlas,
        "overlay_features": report.overlay_features,
    })
}
