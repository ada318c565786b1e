//! `diff`: the zones that changed hands between two dates, with km², dates and sources.

use std::io::Write as _;
use std::path::PathBuf;

use jiff::civil::Date;
use serde_json::json;

use super::{Failure, load, within_timeline};
use crate::atlas::{ControllerIdx, parse_iso_date};
use crate::i18n::Lang;

/// Arguments of `diff`.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The earlier date, YYYY-MM-DD.
    #[arg(value_parser = parse_iso_date)]
    pub from: Date,
    /// The later date, YYYY-MM-DD.
    #[arg(value_parser = parse_iso_date)]
    pub to: Date,
    /// Use this atlas folder instead of the built-in one.
    #[arg(long)]
    pub atlas: Option<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print the settlements that changed hands as CSV (one row each, with their evidence), for
    /// spreadsheets.
    #[arg(long)]
    pub csv: bool,
    /// Language of the texts.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: Lang,
}

pub(super) fn diff(args: &DiffArgs) -> Result<(), Failure> {
    let (from, to) = (args.from, args.to);
    let atlas = load(args.atlas.as_deref())?;
    within_timeline(&atlas, from)?;
    within_timeline(&atlas, to)?;
    let lang = args.lang.code();
    if from > to {
        eprintln!(
            "note: {from} is after {to}: the changes are listed going back in time, from the control of {from} to that of {to}"
        );
    }
    let changes = atlas.changes_between(from, to);
    let settlements = settlement_changes(&atlas, from, to);
    if args.csv {
        return write_csv(&atlas, &settlements, from.max(to), lang);
    }
    let net = atlas.net_change(&changes);
    let round = |v: f64| (v * 10.0).round() / 10.0;
    let id = |c: ControllerIdx| atlas.controller(c).map_or("?", |c| c.id.as_str());
    let name = |c: ControllerIdx| atlas.controller(c).map_or("?", |c| c.name.get(lang));
    let mut out = std::io::stdout().lock();
    if args.json {
        let totals: serde_json::Map<String, serde_json::Value> = atlas
            .controllers
            .iter()
            .zip(&net)
            .filter(|(_, n)| n.abs() > 0.0)
            .map(|(c, n)| (c.id.clone(), json!(round(*n))))
            .collect();
        let value = json!({
            "from": from.to_string(),
            "to": to.to_string(),
            "changes": changes.iter().filter_map(|c| {
                let zone = atlas.zone(c.zone)?;
                let region = atlas.region(zone.region)?;
                Some(json!({
                    "zone": zone.id,
                    "zone_name": zone.name.get(lang),
                    "district": region.id,
                    "district_name": region.name.get(lang),
                    "from": id(c.from),
                    "to": id(c.to),
                    "area_km2": round(c.area_km2),
                    "date": c.date.to_string(),
                    "approximate": zone.approximate,
                    "sources": atlas.sources_of(c.origin).iter().map(|s| json!({"title": s.title, "url": s.url})).collect::<Vec<_>>(),
                }))
            }).collect::<Vec<_>>(),
            "totals": totals,
            "settlements": settlements.iter().map(|s| settlement_json(&atlas, s, from.max(to), lang)).collect::<Vec<_>>(),
        });
        let _ = writeln!(out, "{value:#}");
        return Ok(());
    }
    let _ = writeln!(out, "Changes of control between {from} and {to}: {} zone(s)", changes.len());
    for c in &changes {
        let Some(zone) = atlas.zone(c.zone) else { continue };
        let Some(region) = atlas.region(zone.region) else { continue };
        let _ = writeln!(
            out,
            "  {}  {:<38} {:<9} {} -> {}  {:.0} km²{}",
            c.date,
            zone.name.get(lang),
            region.label.as_ref().unwrap_or(&region.name).get(lang),
            name(c.from),
            name(c.to),
            c.area_km2,
            if zone.approximate { "  (approximate)" } else { "" }
        );
    }
    for (c, n) in atlas.controllers.iter().zip(&net).filter(|(_, n)| n.abs() > 0.0) {
        let _ = writeln!(out, "  net {:<40} {:+.0} km²", c.name.get(lang), n);
    }
    let _ = writeln!(out, "\nSettlements that changed hands: {}", settlements.len());
    for s in &settlements {
        let Some(p) = atlas.place(s.place) else { continue };
        let since = s.since.map_or(String::new(), |d| format!(" since {d}"));
        let _ =
            writeln!(out, "  {:<28} {} -> {} ({}{since})", p.name.get(lang), name(s.from), name(s.to), s.status.code());
    }
    Ok(())
}

/// A settlement whose holder differs between the two dates.
struct SettlementChange {
    place: crate::atlas::PlaceIdx,
    from: ControllerIdx,
    to: ControllerIdx,
    status: crate::atlas::ControlStatus,
    since: Option<Date>,
}

/// The settlements held by different sides on the two dates, in the order of their places.
fn settlement_changes(atlas: &crate::atlas::Atlas, from: Date, to: Date) -> Vec<SettlementChange> {
    let (a, b) = (atlas.place_control.all_at(from), atlas.place_control.all_at(to));
    a.iter()
        .zip(&b)
        .enumerate()
        .filter_map(|(i, (x, y))| {
            let (x, y) = ((*x)?, (*y)?);
            if x.controller == y.controller {
                return None;
            }
            let place = atlas.place_index(&atlas.places.get(i)?.id)?;
            Some(SettlementChange { place, from: x.controller, to: y.controller, status: y.status, since: y.since })
        })
        .collect()
}

/// The evidence about a place up to `until` (the later of the two dates), in date order.
fn evidence_until(
    atlas: &crate::atlas::Atlas,
    place: crate::atlas::PlaceIdx,
    until: Date,
) -> impl Iterator<Item = &crate::atlas::Evidence> {
    atlas
        .place_control
        .evidence_of
        .get(place.get())
        .into_iter()
        .flatten()
        .filter_map(|&i| atlas.evidence.get(i))
        .filter(move |e| e.date <= until)
}

fn witness(atlas: &crate::atlas::Atlas, w: crate::atlas::Witness) -> String {
    match w {
        crate::atlas::Witness::Side(c) => atlas.controller(c).map_or("?".into(), |c| c.id.clone()),
        crate::atlas::Witness::Neutral => "neutral".into(),
        crate::atlas::Witness::Agreement => "agreement".into(),
    }
}

fn settlement_json(atlas: &crate::atlas::Atlas, s: &SettlementChange, until: Date, lang: &str) -> serde_json::Value {
    let id = |c: ControllerIdx| atlas.controller(c).map(|c| c.id.clone());
    let p = atlas.place(s.place);
    json!({
        "id": p.map(|p| p.id.clone()),
        "name": p.map(|p| p.name.get(lang).to_owned()),
        "region": p.and_then(|p| p.region).and_then(|r| atlas.region(r)).map(|r| r.id.clone()),
        "from": id(s.from),
        "to": id(s.to),
        "status": s.status.code(),
        "since": s.since.map(|d| d.to_string()),
        "evidence": evidence_until(atlas, s.place, until).map(|e| json!({
            "date": e.date.to_string(),
            "kind": e.kind.code(),
            "by": witness(atlas, e.by),
            "said_by": e.said_by,
            "note": e.note.get(lang),
            "sources": e.sources.iter().map(|s| json!({"title": s.title, "url": s.url})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// One row a settlement: who held it on each date, since when and on what, and every piece of
/// evidence about it (dates, kinds, who, notes and sources, each `; `-separated).
fn write_csv(
    atlas: &crate::atlas::Atlas,
    settlements: &[SettlementChange],
    until: Date,
    lang: &str,
) -> Result<(), Failure> {
    let mut w = csv::Writer::from_writer(std::io::stdout().lock());
    let fail = |e: csv::Error| Failure::Usage(format!("cannot write CSV: {e}"));
    w.write_record(["id", "name", "region", "from", "to", "status", "since", "evidence", "notes", "sources"])
        .map_err(fail)?;
    let id = |c: ControllerIdx| atlas.controller(c).map_or(String::new(), |c| c.id.clone());
    for s in settlements {
        let Some(p) = atlas.place(s.place) else { continue };
        let rows: Vec<&crate::atlas::Evidence> = evidence_until(atlas, s.place, until).collect();
        let evidence: Vec<String> =
            rows.iter().map(|e| format!("{} {} by {}", e.date, e.kind.code(), witness(atlas, e.by))).collect();
        let notes: Vec<&str> = rows.iter().map(|e| e.note.get(lang)).filter(|n| !n.is_empty()).collect();
        let sources: Vec<String> = rows
            .iter()
            .flat_map(|e| e.sources.iter())
            .map(|s| s.url.clone().unwrap_or_else(|| s.title.clone()))
            .collect();
        let region = p.region.and_then(|r| atlas.region(r)).map_or(String::new(), |r| r.id.clone());
        w.write_record([
            p.id.clone(),
            p.name.get(lang).to_owned(),
            region,
            id(s.from),
            id(s.to),
            s.status.code().to_owned(),
            s.since.map_or(String::new(), |d| d.to_string()),
            evidence.join("; "),
            notes.join("; "),
            sources.join("; "),
        ])
        .map_err(fail)?;
    }
    w.flush().map_err(|e| Failure::Usage(format!("cannot write CSV: {e}")))?;
    Ok(())
}
