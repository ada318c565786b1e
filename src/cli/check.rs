//! `check`: validates an atlas folder (or a GeoJSON file as an overlay) and prints a summary.

use std::io::Write as _;
use std::path::Path;

use super::{Failure, load, span_text};

pub(super) fn check(path: Option<&Path>) -> Result<(), Failure> {
    // What the path opens as in the window: a GeoJSON file outside an atlas folder is an
    // overlay; a file in an atlas folder stands for the folder.
    let dir = match path.map(crate::atlas::open_as) {
        Some(crate::atlas::OpenAs::Overlay(file)) => {
            let overlay = crate::atlas::load_overlay(&file)?;
            let shown = file.display();
            for note in &overlay.notes {
                println!("{shown}: note: {note}");
            }
            if overlay.left_out.is_empty() {
                println!("{shown}: OK, a GeoJSON overlay of {} feature(s)", overlay.features.len());
                return Ok(());
            }
            println!(
                "{shown}: {} feature(s) can be shown; the window leaves out the features named below",
                overlay.features.len()
            );
            return Err(Failure::Atlas(overlay.left_out));
        }
        Some(crate::atlas::OpenAs::Atlas(dir)) => Some(dir),
        None => None,
    };
    let atlas = load(dir.as_deref())?;
    // How the zones tile their regions: judged here, on the atlas as read, not on every opening.
    let in_folder = |name: &str| dir.as_ref().map_or_else(|| name.to_owned(), |d| d.join(name).display().to_string());
    let tiling = crate::atlas::tiling_problems(&atlas, &in_folder("zones.geojson"), &in_folder("places.geojson"));
    if !tiling.is_empty() {
        let mut all = crate::atlas::AtlasErrors(atlas.notes.clone());
        all.0.extend(tiling.0);
        return Err(Failure::Atlas(all));
    }
    let notes: Vec<&crate::atlas::AtlasError> = atlas.notes.iter().chain(tiling.notes()).collect();
    let mut out = std::io::stdout().lock();
    let verdict = if notes.is_empty() { "OK".to_owned() } else { format!("OK, with {} note(s)", notes.len()) };
    let _ = writeln!(out, "{}: {verdict}", crate::atlas::safe_text::for_terminal(atlas.title.get("en")));
    for note in notes {
        let _ = writeln!(out, "  {note}");
    }
    let _ = writeln!(
        out,
        "{} zones in {} regions, {} places, {} lines, {} controllers, {} phases ({}), {} events",
        atlas.zones.len(),
        atlas.regions.len(),
        atlas.places.len(),
        atlas.lines.len(),
        atlas.controllers.len(),
        atlas.phases.len(),
        span_text(&atlas),
        atlas.events.len()
    );
    let _ =
        writeln!(out, "\n{:<44} {:>10} {:>10} {:>10} {:>8}", "region", "drawn km²", "today km²", "official", "diff");
    for r in &atlas.regions {
        let today = r
            .today_boundary
            .and_then(|i| atlas.context.get(i))
            .map(|c| geo::GeodesicArea::geodesic_area_unsigned(&c.geometry) / 1e6);
        let compared = today.unwrap_or(r.area_km2);
        let (official, diff) = match r.official_area_km2 {
            Some(o) => (format!("{o:.0}"), format!("{:+.1} %", 100.0 * (compared - o) / o)),
            None => ("-".into(), "-".into()),
        };
        let today = today.map_or("-".into(), |t| format!("{t:.0}"));
        let _ =
            writeln!(out, "{:<44} {:>10.0} {:>10} {:>10} {:>8}", r.name.get("en"), r.area_km2, today, official, diff);
    }
    let _ = writeln!(
        out,
        "\n\"today\" is the district with today's boundaries; \"diff\" compares it (or the drawn area) with the official figure."
    );
    Ok(())
}
