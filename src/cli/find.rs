//! `find`: places, regions, rivers and peaks by any of their names, with coordinates and district,
//! as text or JSON, for scripts.

use std::io::Write as _;
use std::path::PathBuf;

use serde_json::json;

use super::{Failure, load};
use crate::atlas::{Atlas, Found, SearchIndex, kind_word};

/// Arguments of `find`.
#[derive(Debug, clap::Args)]
pub struct FindArgs {
    /// The name, in any script or spelling ("susa", "Шуша", "Berdzor").
    pub name: String,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Most matches to print.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..=1000))]
    pub limit: u16,
    /// Use this atlas folder instead of the built-in one.
    #[arg(long)]
    pub atlas: Option<PathBuf>,
}

/// The id, English name, region and district of what was found.
fn facts(atlas: &Atlas, found: Found) -> (String, String, Option<String>, Option<String>) {
    match found {
        Found::Place(i) => match atlas.place(i) {
            Some(p) => {
                let region = p.region.and_then(|r| atlas.region(r)).map(|r| r.name.get("en").to_owned());
                (p.id.clone(), p.name.get("en").to_owned(), region, p.district.clone())
            }
            None => Default::default(),
        },
        Found::Region(i) => {
            atlas.region(i).map_or_else(Default::default, |r| (r.id.clone(), r.name.get("en").to_owned(), None, None))
        }
        Found::Water(i) => atlas.land.water.get(i).map_or_else(Default::default, |w| {
            let name = w.names.name.as_ref().map_or(String::new(), |n| n.get("en").to_owned());
            (w.id.clone(), name, None, None)
        }),
        Found::Height(i) => atlas.land.heights.get(i).map_or_else(Default::default, |h| {
            let name = h.names.name.as_ref().map_or(String::new(), |n| n.get("en").to_owned());
            (h.id.clone(), name, None, None)
        }),
    }
}

pub(super) fn find(args: &FindArgs) -> Result<(), Failure> {
    let atlas = load(args.atlas.as_deref())?;
    let index = SearchIndex::new(&atlas);
    let hits = index.find(&args.name, usize::from(args.limit));
    let mut out = std::io::stdout().lock();
    let rows: Vec<_> = hits
        .iter()
        .map(|h| {
            let (id, name, region, district) = facts(&atlas, h.found);
            (h, id, name, region, district)
        })
        .collect();
    let written = if args.json {
        let value = json!({
            "query": args.name,
            "matches": rows.iter().map(|(h, id, name, region, district)| json!({
                "id": id,
                "name": name,
                "matched": h.matched,
                "kind": kind_word(&atlas, h.found),
                "lon": (h.lonlat.0 * 1e5).round() / 1e5,
                "lat": (h.lonlat.1 * 1e5).round() / 1e5,
                "region": region,
                "district": district,
            })).collect::<Vec<_>>(),
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&value).unwrap_or_default())
    } else if rows.is_empty() {
        writeln!(out, "nothing found for \"{}\"", args.name)
    } else {
        rows.iter().try_for_each(|(h, id, name, region, district)| {
            let place = [region.as_deref(), district.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(", ");
            writeln!(
                out,
                "{name} ({}; matched \"{}\") at {:.5}, {:.5}{}{}  [{id}]",
                kind_word(&atlas, h.found),
                h.matched,
                h.lonlat.1,
                h.lonlat.0,
                if place.is_empty() { "" } else { " in " },
                place
            )
        })
    };
    written.map_err(|e| Failure::Usage(format!("cannot write the matches: {e}")))
}
