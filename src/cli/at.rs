//! `at`: the phase and the km² each controller holds in each region on a date, as text or JSON.

use std::io::Write as _;
use std::path::Path;

use jiff::civil::Date;
use serde_json::json;

use super::{Failure, load, within_timeline};
use crate::atlas::ControllerIdx;
use crate::i18n::Lang;

pub(super) fn at(date: Date, dir: Option<&Path>, as_json: bool, lang: Lang) -> Result<(), Failure> {
    let atlas = load(dir)?;
    within_timeline(&atlas, date)?;
    let Some(phase) = atlas.phase_at(date) else { return Ok(()) };
    let lang = lang.code();
    let regions = atlas.region_control(date);
    let events = atlas.events_between(phase.start, phase.end.unwrap_or(date.max(phase.start)));
    let mut out = std::io::stdout().lock();
    if as_json {
        let value = json!({
            "date": date.to_string(),
            "phase": {
                "id": phase.id,
                "title": phase.title.get(lang),
                "start": phase.start.to_string(),
                "end": phase.end.map(|d| d.to_string()),
                "sources": phase.sources.iter().map(|s| json!({"title": s.title, "url": s.url})).collect::<Vec<_>>(),
            },
            "regions": regions.iter().map(|rc| {
                let Some(r) = atlas.region(rc.region) else { return json!(null) };
                json!({
                    "id": r.id,
                    "name": r.name.get(lang),
                    "controllers": rc.controllers.iter().filter_map(|a| {
                        let c = atlas.controller(a.controller)?;
                        Some(json!({"id": c.id, "name": c.name.get(lang), "area_km2": (a.area_km2 * 10.0).round() / 10.0}))
                    }).collect::<Vec<_>>(),
                })
            }).collect::<Vec<_>>(),
            "settlements": settlements_json(&atlas, date, lang),
            "settlement_counts": settlement_counts_json(&atlas, date),
            "events": events.iter().map(|e| json!({
                "id": e.id,
                "date": e.date.to_string(),
                "text": e.text.get(lang),
                "place": e.place.and_then(|p| atlas.place(p)).map(|p| p.id.clone()),
                "sources": e.sources.iter().map(|s| json!({"title": s.title, "url": s.url})).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        });
        let _ = writeln!(out, "{value:#}");
        return Ok(());
    }
    let end = phase.end.map_or("today".to_owned(), |d| d.to_string());
    let _ = writeln!(out, "{date}: {} ({} to {end})", phase.title.get(lang), phase.start);
    let _ = writeln!(out, "{}", phase.summary.get(lang));
    for s in &phase.sources {
        let _ = writeln!(out, "  source: {}{}", s.title, s.url.as_ref().map_or(String::new(), |u| format!(" <{u}>")));
    }
    let _ = writeln!(out);
    let name = |c: ControllerIdx| atlas.controller(c).map_or("?", |c| c.name.get(lang));
    for rc in &regions {
        let Some(r) = atlas.region(rc.region) else { continue };
        let held: Vec<String> =
            rc.controllers.iter().map(|a| format!("{} {:.0} km²", name(a.controller), a.area_km2)).collect();
        let _ = writeln!(out, "{:<44} {}", r.name.get(lang), held.join("; "));
    }
    let _ = writeln!(out);
    for a in atlas.area_by_controller(date).iter().filter(|a| a.area_km2 > 0.0) {
        let _ = writeln!(out, "total {:<40} {:.0} km²", name(a.controller), a.area_km2);
    }
    Ok(())
}

/// Every place with a controller on `date`: who holds it, on what that rests, since when, and
/// the evidence up to that day.
fn settlements_json(atlas: &crate::atlas::Atlas, date: Date, lang: &str) -> serde_json::Value {
    use crate::atlas::Witness;
    let controls = atlas.place_control.all_at(date);
    let id_of = |c: ControllerIdx| atlas.controller(c).map(|c| c.id.clone());
    let rows: Vec<serde_json::Value> = atlas
        .places
        .iter()
        .zip(&controls)
        .enumerate()
        .filter_map(|(i, (p, c))| {
            let c = (*c)?;
            let evidence: Vec<serde_json::Value> = atlas
                .place_control
                .evidence_of
                .get(i)
                .into_iter()
                .flatten()
                .filter_map(|&k| atlas.evidence.get(k))
                .filter(|e| e.date <= date)
                .map(|e| {
                    let by = match e.by {
                        Witness::Side(s) => id_of(s),
                        Witness::Neutral => Some("neutral".to_owned()),
                        Witness::Agreement => Some("agreement".to_owned()),
                    };
                    json!({
                        "date": e.date.to_string(),
                        "kind": e.kind.code(),
                        "by": by,
                        "said_by": e.said_by,
                        "controller": id_of(e.controller),
                        "sources": e.sources.iter().map(|s| json!({"title": s.title, "url": s.url})).collect::<Vec<_>>(),
                    })
                })
                .collect();
            Some(json!({
                "id": p.id,
                "name": p.name.get(lang),
                "region": p.region.and_then(|r| atlas.region(r)).map(|r| r.id.clone()),
                "controller": id_of(c.controller),
                "status": c.status.code(),
                "since": c.since.map(|d| d.to_string()),
                "evidence": evidence,
            }))
        })
        .collect();
    serde_json::Value::Array(rows)
}

/// For each region, how many of its places each controller holds on `date`.
fn settlement_counts_json(atlas: &crate::atlas::Atlas, date: Date) -> serde_json::Value {
    let controls = atlas.place_control.all_at(date);
    let mut out = serde_json::Map::new();
    for (ri, r) in atlas.regions.iter().enumerate() {
        let mut counts = serde_json::Map::new();
        for (p, c) in atlas.places.iter().zip(&controls) {
            if let (Some(pr), Some(c)) = (p.region, c)
                && pr == ri
                && let Some(k) = atlas.controller(c.controller)
            {
                let n = counts.get(&k.id).and_then(serde_json::Value::as_u64).unwrap_or(0);
                counts.insert(k.id.clone(), json!(n + 1));
            }
        }
        out.insert(r.id.clone(), serde_json::Value::Object(counts));
    }
    serde_json::Value::Object(out)
}
