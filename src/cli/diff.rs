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
    #[arg(long)]
    pub json: bool,
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
    let changes = atlas.changes_between(from, to);
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
    Ok(())
}
