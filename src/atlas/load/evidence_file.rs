//! `evidence.json`: dated claims, denials, counterclaims, confirmations, handovers and assessments
//! about single places, read against the atlas already assembled (its places, controllers and
//! timeline), with every problem named by its row.

use std::collections::HashSet;

use serde::Deserialize;

use super::timeline_file::{RawSource, sources};
use crate::atlas::geojson_layer::text_problem;
use crate::atlas::{Atlas, AtlasErrors, DatePrecision, Evidence, EvidenceKind, PlaceIdx, Text, Witness};

/// Most rows an evidence file may hold: a war's every village many times over.
pub const MAX_EVIDENCE: usize = 200_000;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile<'a> {
    #[serde(default)]
    format: Option<String>,
    /// Each row as its text, read on its own so that one bad row does not hide the others.
    #[serde(borrow)]
    evidence: Vec<&'a serde_json::value::RawValue>,
}

/// Just the id of a row, to name it in messages even when the rest is wrong.
#[derive(Deserialize)]
struct RowId {
    id: Option<serde_json::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvidence {
    id: String,
    place: String,
    date: String,
    #[serde(default)]
    date_precision: Option<String>,
    kind: String,
    by: String,
    #[serde(default)]
    said_by: Option<String>,
    controller: String,
    #[serde(default)]
    sources: Vec<RawSource>,
    #[serde(default)]
    note: Option<Text>,
}

/// Reads the evidence of `text` against `atlas`. Each row is read on its own, so one bad row
/// does not hide the others.
pub(super) fn read_evidence(file: &str, text: &str, atlas: &Atlas, errs: &mut AtlasErrors) -> Vec<Evidence> {
    let raw: RawFile = match serde_json::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            errs.push(file, None, format!("not an evidence file ({{\"evidence\": [...]}}): {e}"));
            return Vec::new();
        }
    };
    if let Some(f) = &raw.format
        && f != "karabakh-atlas/1"
    {
        errs.push(file, None, format!("format \"{f}\" is not one this program reads (karabakh-atlas/1)"));
        return Vec::new();
    }
    if raw.evidence.len() > MAX_EVIDENCE {
        errs.push(file, None, format!("{} rows, over the limit of {MAX_EVIDENCE}", raw.evidence.len()));
        return Vec::new();
    }
    let place_index: std::collections::HashMap<&str, usize> =
        atlas.places.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let controller = |id: &str| atlas.controllers_indexed().find(|(_, c)| c.id == id).map(|(i, _)| i);
    let (first, last) = atlas.span();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (n, value) in raw.evidence.into_iter().enumerate() {
        let id = serde_json::from_str::<RowId>(value.get()).ok().and_then(|r| r.id);
        let label = id.as_ref().and_then(|v| v.as_str()).map_or(format!("row #{n}"), |id| format!("row '{id}'"));
        let r: RawEvidence = match serde_json::from_str(value.get()) {
            Ok(r) => r,
            Err(e) => {
                errs.push(file, Some(&label), format!("is not an evidence row: {e}"));
                continue;
            }
        };
        if !seen.insert(r.id.clone()) {
            errs.push(file, Some(&label), "duplicate id: another row has the same id");
            continue;
        }
        let mut problems: Vec<String> = Vec::new();
        let mut fail = |message: String| problems.push(message);
        let place = place_index.get(r.place.as_str()).copied().map(PlaceIdx::new);
        if place.is_none() {
            fail(format!("names unknown place \"{}\" (not in places.geojson)", r.place));
        }
        let kind = EvidenceKind::ALL.iter().find(|(c, _)| *c == r.kind).map(|(_, k)| *k);
        if kind.is_none() {
            let known: Vec<&str> = EvidenceKind::ALL.iter().map(|(c, _)| *c).collect();
            fail(format!("unknown kind \"{}\" ({})", r.kind, known.join(", ")));
        }
        let holder = controller(&r.controller);
        if holder.is_none() {
            fail(format!("names unknown controller \"{}\"", r.controller));
        }
        let by = match r.by.as_str() {
            "neutral" => Some(Witness::Neutral),
            "agreement" => Some(Witness::Agreement),
            other => controller(other).map(Witness::Side),
        };
        if by.is_none() {
            fail(format!("\"by\" is \"{}\": a controller's id, \"neutral\" or \"agreement\"", r.by));
        }
        if kind == Some(EvidenceKind::Claim) && by.is_some() && by != holder.map(Witness::Side) {
            fail("a claim's \"controller\" is the side that makes it (\"by\")".into());
        }
        let precision = match r.date_precision.as_deref() {
            None | Some("day") => DatePrecision::Day,
            Some("approx") => DatePrecision::Approximate,
            Some("retrospective") => DatePrecision::Retrospective,
            Some(other) => {
                fail(format!("unknown date_precision \"{other}\" (day, approx or retrospective)"));
                DatePrecision::Day
            }
        };
        let dated = crate::atlas::parse_iso_date(&r.date);
        if let Err(e) = &dated {
            fail(format!("date {e}"));
        }
        let date = dated.ok();
        if let Some(d) = date
            && (d < first || last.is_some_and(|l| d > l))
        {
            fail(format!("date {d} is outside the atlas's timeline"));
        }
        if r.sources.is_empty() {
            fail("has no source: every piece of evidence says where it is said".into());
        }
        for s in [Some(r.id.as_str()), r.said_by.as_deref()].into_iter().flatten() {
            if let Some(problem) = text_problem(s) {
                fail(format!("a text {problem}"));
            }
        }
        let ok = problems.is_empty();
        for p in problems {
            errs.push(file, Some(&label), p);
        }
        let sources = sources(r.sources, file, &label, errs);
        if let (true, Some(place), Some(date), Some(kind), Some(by), Some(controller)) =
            (ok, place, date, kind, by, holder)
        {
            out.push(Evidence {
                id: r.id,
                place,
                date,
                precision,
                kind,
                by,
                said_by: r.said_by,
                controller,
                sources,
                note: r.note.unwrap_or_default(),
            });
        }
    }
    out.sort_by(|a, b| a.date.cmp(&b.date).then(a.place.cmp(&b.place)).then(a.id.cmp(&b.id)));
    out
}
