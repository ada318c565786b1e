//! The timeline file, `atlas.json`: controllers, phases with their control tables and dated
//! changes, events; read against the map layers already read, with every error named.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Deserialize;

use super::Layers;
use super::spreadsheet::{self, CONTROLLERS_FILE, PHASES_FILE, Sheets, TIMELINE_FILE};
use crate::atlas::{
    Atlas, AtlasErrors, ControlChange, Controller, ControllerIdx, Event, Phase, PlaceIdx, Source, Text, ZoneIdx,
};

/// The file as read item by item (see `schema.rs`): the items that could be read.
pub(super) struct RawAtlas {
    id: String,
    title: Text,
    description: Text,
    attribution: Text,
    default_date: Option<String>,
    pub(super) controllers: Vec<RawController>,
    pub(super) phases: Vec<RawPhase>,
    events: Vec<RawEvent>,
    /// Ids of controllers and phases given but not readable: already reported, so that what
    /// names them says nothing more.
    pub(super) broken_controllers: std::collections::HashSet<String>,
    /// Some phase could not be read: the timeline's tiling and span are not judged.
    pub(super) phases_incomplete: bool,
}

#[derive(Deserialize)]
pub(super) struct RawController {
    pub(super) id: String,
    pub(super) name: Text,
    pub(super) colour: String,
    #[serde(default)]
    pub(super) description: Text,
    /// The spreadsheet file and line it was read from (`None`: atlas.json).
    #[serde(skip)]
    pub(super) origin: Option<(String, u64)>,
}

#[derive(Deserialize)]
pub(super) struct RawSource {
    pub(super) title: String,
    pub(super) url: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct RawPhase {
    pub(super) id: String,
    pub(super) start: String,
    pub(super) end: Option<String>,
    pub(super) title: Text,
    #[serde(default)]
    pub(super) summary: Text,
    #[serde(default)]
    pub(super) sources: Vec<RawSource>,
    #[serde(deserialize_with = "super::schema::no_duplicate_keys")]
    pub(super) control: BTreeMap<String, String>,
    #[serde(default)]
    pub(super) changes: Vec<RawChange>,
    /// The spreadsheet file and line it was read from (`None`: atlas.json).
    #[serde(skip)]
    pub(super) origin: Option<(String, u64)>,
}

#[derive(Deserialize)]
pub(super) struct RawChange {
    pub(super) date: String,
    pub(super) zones: Vec<String>,
    pub(super) controller: String,
    pub(super) claim: Option<Text>,
    pub(super) note: Option<Text>,
    #[serde(default)]
    pub(super) sources: Vec<RawSource>,
}

#[derive(Deserialize)]
struct RawEvent {
    id: String,
    date: String,
    end: Option<String>,
    place: Option<String>,
    lonlat: Option<[f64; 2]>,
    #[serde(default)]
    offmap: bool,
    #[serde(default)]
    kind: String,
    text: Text,
    claim: Option<Text>,
    #[serde(default)]
    sources: Vec<RawSource>,
}

/// Parses an ISO date with [`super::parse_iso_date`], reporting a bad one against its key.
pub(super) fn parse_date(s: &str, file: &str, feature: &str, key: &str, errs: &mut AtlasErrors) -> Option<Date> {
    match crate::atlas::parse_iso_date(s) {
        Ok(d) => Some(d),
        Err(e) => {
            errs.push(file, Some(feature), format!("{key} {e}"));
            None
        }
    }
}

pub(super) fn sources(raw: Vec<RawSource>, file: &str, feature: &str, errs: &mut AtlasErrors) -> Vec<Source> {
    raw.into_iter()
        .filter_map(|s| {
            if s.title.trim().is_empty() {
                errs.push(file, Some(feature), "has a source with an empty title");
                return None;
            }
            if let Some(problem) = crate::atlas::safe_text::text_problem(&s.title) {
                errs.push(file, Some(feature), format!("a source's title {problem}"));
            }
            if let Some(url) = &s.url {
                if let Some(problem) = crate::atlas::safe_text::url_problem(url) {
                    errs.push(file, Some(feature), format!("a source's URL {problem}"));
                } else if !(url.starts_with("https://") || url.starts_with("http://")) {
                    errs.push(file, Some(feature), format!("source URL \"{url}\" is not an http(s) address"));
                }
            }
            Some(Source { title: s.title, url: s.url })
        })
        .collect()
}

fn require_en(text: &Text, what: &str, file: &str, feature: &str, errs: &mut AtlasErrors) {
    if !text.has(crate::atlas::FALLBACK_LANG) {
        errs.push(file, Some(feature), format!("{what} has no English (\"en\") text"));
    }
    check_text(text, what, file, feature, errs);
}

/// Refuses texts that are too long or hold control characters.
fn check_text(text: &Text, what: &str, file: &str, feature: &str, errs: &mut AtlasErrors) {
    for (lang, s) in &text.0 {
        if let Some(problem) = crate::atlas::geojson_layer::text_problem(s) {
            errs.push(file, Some(feature), format!("{what} ({lang}) {problem}"));
        }
    }
}

/// Reads the file item by item: every controller, phase and event that can be read, each problem
/// of the others reported with its item, and the fields the format does not know noted.
fn read_raw(file: &str, text: &str, sheets: &Sheets<'_>, errs: &mut AtlasErrors) -> Option<RawAtlas> {
    use super::schema::{self, CHANGE_FIELDS, CONTROLLER_FIELDS, EVENT_FIELDS, PHASE_FIELDS, SOURCE_FIELDS};
    let top = schema::top(file, text, errs)?;
    schema::check_top(&top, file, errs);
    fn field<T: serde::de::DeserializeOwned>(
        top: &BTreeMap<String, &serde_json::value::RawValue>,
        key: &str,
        file: &str,
        errs: &mut AtlasErrors,
    ) -> Option<T> {
        let raw = top.get(key)?;
        match serde_json::from_str(raw.get()) {
            Ok(v) => Some(v),
            Err(e) => {
                let message = e.to_string();
                let message = message.rfind(" at line ").and_then(|i| message.get(..i)).unwrap_or(&message);
                errs.push(file, Some("atlas"), format!("\"{key}\": {message}"));
                None
            }
        }
    }
    let title: Option<Text> = field(&top, "title", file, errs);
    if !top.contains_key("title") {
        errs.push(file, Some("atlas"), "has no \"title\", which it needs");
    }
    let mut raw = RawAtlas {
        id: field(&top, "id", file, errs).unwrap_or_default(),
        title: title.unwrap_or_default(),
        description: field(&top, "description", file, errs).unwrap_or_default(),
        attribution: field(&top, "attribution", file, errs).unwrap_or_default(),
        default_date: field(&top, "default_date", file, errs),
        controllers: Vec::new(),
        phases: Vec::new(),
        events: Vec::new(),
        broken_controllers: Default::default(),
        phases_incomplete: false,
    };
    // Controllers and phases are given here or in the spreadsheet files, not in both.
    match (top.contains_key("controllers"), sheets.controllers) {
        (false, None) => errs.push(
            file,
            None,
            format!("has no \"controllers\": the sides that hold ground (here, or in {CONTROLLERS_FILE})"),
        ),
        (true, Some((sheet, _))) => {
            errs.push(file, None, format!("gives \"controllers\", and so does {sheet}: keep one of the two"))
        }
        _ => {}
    }
    match (top.contains_key("phases"), sheets.phases.or(sheets.timeline)) {
        (false, None) => errs.push(
            file,
            None,
            format!("has no \"phases\": the periods of the timeline (here, or in {PHASES_FILE} and {TIMELINE_FILE})"),
        ),
        (true, Some((sheet, _))) => {
            errs.push(file, None, format!("gives \"phases\", and so does {sheet}: keep one of the two"))
        }
        _ => {}
    }
    for (label, item) in schema::items(&top, "controllers", "controller", file, errs) {
        let keys = schema::keys(item);
        schema::unknown_fields(&keys, CONTROLLER_FIELDS, "a controller", file, Some(&label), errs);
        match schema::read::<RawController>(text, item, CONTROLLER_FIELDS, file, &label, errs) {
            Some(c) => raw.controllers.push(c),
            None => {
                if let Some(id) = keys.get("id").and_then(serde_json::Value::as_str) {
                    raw.broken_controllers.insert(id.to_owned());
                }
            }
        }
    }
    for (label, item) in schema::items(&top, "phases", "phase", file, errs) {
        let keys = schema::keys(item);
        schema::unknown_fields(&keys, PHASE_FIELDS, "a phase", file, Some(&label), errs);
        schema::unknown_fields_in_list(&keys, "changes", CHANGE_FIELDS, "a change", file, &label, errs);
        schema::unknown_fields_in_list(&keys, "sources", SOURCE_FIELDS, "a source", file, &label, errs);
        match schema::read::<RawPhase>(text, item, PHASE_FIELDS, file, &label, errs) {
            Some(p) => raw.phases.push(p),
            None => raw.phases_incomplete = true,
        }
    }
    let changes: usize = raw.phases.iter().map(|p| p.changes.len()).sum();
    if changes > crate::atlas::limits::MAX_CHANGES {
        errs.push(file, None, crate::atlas::limits::over_limit(changes, "changes", crate::atlas::limits::MAX_CHANGES));
        raw.phases.clear();
        raw.phases_incomplete = true;
    }
    for (label, item) in schema::items(&top, "events", "event", file, errs) {
        let keys = schema::keys(item);
        schema::unknown_fields(&keys, EVENT_FIELDS, "an event", file, Some(&label), errs);
        schema::unknown_fields_in_list(&keys, "sources", SOURCE_FIELDS, "a source", file, &label, errs);
        if let Some(e) = schema::read::<RawEvent>(text, item, EVENT_FIELDS, file, &label, errs) {
            raw.events.push(e);
        }
    }
    Some(raw)
}

pub(super) fn read_timeline(
    file: &str,
    text: &str,
    sheets: Sheets<'_>,
    layers: Layers,
    errs: &mut AtlasErrors,
) -> Option<Atlas> {
    let Layers { regions, zones, places, lines, context, land, rejected_zones } = layers;
    let mut raw = read_raw(file, text, &sheets, errs)?;
    spreadsheet::read_sheets(&mut raw, sheets, &zones, &regions, &rejected_zones, errs);
    require_en(&raw.title, "the atlas title", file, "atlas", errs);
    check_text(&raw.description, "the description", file, "atlas", errs);
    check_text(&raw.attribution, "the attribution", file, "atlas", errs);
    // Every id the file gives, checked once here (a reference to an id is matched against these).
    let mut check_ids = |kind: &str, ids: &mut dyn Iterator<Item = &String>| {
        for (i, id) in ids.enumerate() {
            if let Some(problem) = crate::atlas::safe_text::id_problem(id) {
                errs.push(file, Some(&format!("{kind} #{i}")), format!("its id {problem}"));
            }
        }
    };
    check_ids("controller", &mut raw.controllers.iter().map(|c| &c.id));
    check_ids("phase", &mut raw.phases.iter().map(|p| &p.id));
    check_ids("event", &mut raw.events.iter().map(|e| &e.id));

    let mut controllers = Vec::new();
    let mut seen_controllers = std::collections::HashSet::new();
    for c in raw.controllers {
        let (item_file, label) = item_place(file, "controller", &c.id, c.origin.as_ref());
        let file = item_file.as_str();
        if !seen_controllers.insert(c.id.clone()) {
            errs.push(file, Some(&label), "duplicate controller id");
            continue;
        }
        require_en(&c.name, "the name", file, &label, errs);
        // A bad colour is reported, but the controller stays known so that phases naming it
        // do not add "unknown controller" errors on top.
        let colour = crate::atlas::colour::parse_hex_colour(&c.colour, crate::atlas::colour::HexForms::Long)
            .unwrap_or_else(|| {
                errs.push(file, Some(&label), format!("colour \"{}\" is not a #rrggbb colour", c.colour));
                [128, 128, 128]
            });
        controllers.push(Controller { id: c.id, name: c.name, description: c.description, colour });
    }
    if controllers.is_empty() {
        errs.push(file, None, "has no controllers");
    }
    // Ids looked up in hash maps: an atlas of 50,000 zones or 100,000 events costs no more than
    // reading it (the first found of a duplicated id, which is reported).
    let mut controller_ids = std::collections::HashMap::with_capacity(controllers.len());
    for (i, c) in controllers.iter().enumerate() {
        controller_ids.entry(c.id.clone()).or_insert(ControllerIdx::new(i));
    }
    let mut zone_ids = std::collections::HashMap::with_capacity(zones.len());
    for (i, z) in zones.iter().enumerate() {
        zone_ids.entry(z.id.as_str()).or_insert(i);
    }
    let controller = |id: &str| controller_ids.get(id).copied();
    let zone = |id: &str| zone_ids.get(id).copied();
    let known_controllers: Vec<&str> = controllers.iter().map(|c| c.id.as_str()).collect();
    let known_zones: Vec<&str> = zones.iter().map(|z| z.id.as_str()).collect();
    // " (did you mean \"x\"?)" where an unknown id is a near miss of a known one.
    let hint = |id: &str, known: &[&str]| {
        crate::atlas::geojson_layer::did_you_mean(id, known)
            .map_or(String::new(), |m| format!(" (did you mean \"{m}\"?)"))
    };

    let mut phases: Vec<Phase> = Vec::new();
    let mut seen_phases = std::collections::HashSet::new();
    for p in raw.phases {
        let (item_file, label) = item_place(file, "phase", &p.id, p.origin.as_ref());
        let file = item_file.as_str();
        if !seen_phases.insert(p.id.clone()) {
            errs.push(file, Some(&label), "duplicate phase id");
        }
        let start = parse_date(&p.start, file, &label, "start", errs);
        let end = p.end.as_deref().and_then(|e| parse_date(e, file, &label, "end", errs));
        require_en(&p.title, "the title", file, &label, errs);
        let phase_sources = sources(p.sources, file, &label, errs);
        if phase_sources.is_empty() {
            errs.push(file, Some(&label), "has no source: every phase must say where its facts come from");
        }
        let mut control: Vec<Option<ControllerIdx>> = vec![None; zones.len()];
        // Zones the table names, whatever it gives them: one named with a bad controller was
        // reported as such, not again as left out.
        let mut named = vec![false; zones.len()];
        for (z, c) in &p.control {
            if let Some(slot) = zone(z).and_then(|zi| named.get_mut(zi)) {
                *slot = true;
            }
            match (zone(z), controller(c)) {
                (None, _) if rejected_zones.contains(z) => {}
                (None, _) => errs.push(
                    file,
                    Some(&label),
                    format!("control names unknown zone \"{z}\" (not in zones.geojson){}", hint(z, &known_zones)),
                ),
                (_, None) if raw.broken_controllers.contains(c) => {}
                (_, None) => errs.push(
                    file,
                    Some(&label),
                    format!("control gives zone \"{z}\" to unknown controller \"{c}\"{}", hint(c, &known_controllers)),
                ),
                (Some(zi), Some(ci)) => {
                    if let Some(slot) = control.get_mut(zi) {
                        *slot = Some(ci);
                    }
                }
            }
        }
        for ((zone, c), named) in zones.iter().zip(&control).zip(&named) {
            if c.is_none() && !named {
                errs.push(
                    file,
                    Some(&label),
                    format!(
                        "control says nothing of zone \"{}\": every phase must name the controller of every zone",
                        zone.id
                    ),
                );
            }
        }
        let mut changes = Vec::new();
        for ch in p.changes {
            let Some(date) = parse_date(&ch.date, file, &label, "change date", errs) else {
                continue;
            };
            if start.is_some_and(|s| date < s) || end.is_some_and(|e| date > e) {
                errs.push(file, Some(&label), format!("change on {date} lies outside the phase"));
            }
            let Some(ci) = controller(&ch.controller) else {
                if raw.broken_controllers.contains(&ch.controller) {
                    continue;
                }
                errs.push(
                    file,
                    Some(&label),
                    format!(
                        "change on {date} names unknown controller \"{}\"{}",
                        ch.controller,
                        hint(&ch.controller, &known_controllers)
                    ),
                );
                continue;
            };
            let mut zs = Vec::new();
            for z in &ch.zones {
                match zone(z) {
                    Some(zi) => zs.push(ZoneIdx::new(zi)),
                    None if rejected_zones.contains(z) => {}
                    None => errs.push(
                        file,
                        Some(&label),
                        format!("change on {date} names unknown zone \"{z}\"{}", hint(z, &known_zones)),
                    ),
                }
            }
            let change_sources = sources(ch.sources, file, &label, errs);
            if let Some(note) = &ch.note {
                check_text(note, "the note of a change", file, &label, errs);
            }
            changes.push(ControlChange {
                date,
                zones: zs,
                controller: ci,
                claim: ch.claim,
                note: ch.note,
                sources: change_sources,
            });
        }
        changes.sort_by_key(|c| c.date);
        if let (Some(s), Some(e)) = (start, end)
            && e < s
        {
            errs.push(file, Some(&label), format!("ends ({e}) before it starts ({s})"));
        }
        if let Some(start) = start {
            phases.push(Phase {
                id: p.id,
                start,
                end,
                title: p.title,
                summary: p.summary,
                sources: phase_sources,
                // A zone left out was reported above, and the atlas is refused.
                control: control.into_iter().map(Option::unwrap_or_default).collect(),
                changes,
            });
        }
    }
    // With a phase unread (and reported), gaps in the timeline and events outside it would only
    // repeat that problem.
    if raw.phases_incomplete {
        phases.sort_by_key(|p| p.start);
    } else {
        check_tiling(&mut phases, file, errs);
    }

    let span_start = phases.first().map(|p| p.start);
    let span_end = phases.last().and_then(|p| p.end);
    let mut events = Vec::new();
    let mut seen_events = std::collections::HashSet::new();
    let mut place_ids = std::collections::HashMap::with_capacity(places.len());
    for (i, q) in places.iter().enumerate() {
        place_ids.entry(q.id.as_str()).or_insert(PlaceIdx::new(i));
    }
    for e in raw.events {
        let label = format!("event '{}'", e.id);
        if !seen_events.insert(e.id.clone()) {
            errs.push(file, Some(&label), "duplicate event id");
        }
        let date = parse_date(&e.date, file, &label, "date", errs);
        let end = e.end.as_deref().and_then(|d| parse_date(d, file, &label, "end", errs));
        if let (Some(d), Some(s), false) = (date, span_start, raw.phases_incomplete)
            && (d < s || span_end.is_some_and(|end| d > end))
        {
            errs.push(file, Some(&label), format!("date {d} lies outside the timeline"));
        }
        if let (Some(d), Some(end)) = (date, end)
            && end < d
        {
            errs.push(file, Some(&label), format!("ends ({end}) before it starts ({d})"));
        }
        let place = e.place.as_deref().and_then(|p| {
            let found = place_ids.get(p).copied();
            if found.is_none() {
                let known: Vec<&str> = places.iter().map(|q| q.id.as_str()).collect();
                let hint = crate::atlas::geojson_layer::did_you_mean(p, &known)
                    .map_or(String::new(), |m| format!(" (did you mean \"{m}\"?)"));
                errs.push(file, Some(&label), format!("names unknown place \"{p}\" (not in places.geojson){hint}"));
            }
            found
        });
        let position = e.lonlat.and_then(|[lon, lat]| {
            let ok =
                lon.is_finite() && lat.is_finite() && (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat);
            if !ok {
                errs.push(file, Some(&label), format!("lonlat [{lon}, {lat}] is out of range ([longitude, latitude])"));
            }
            ok.then(|| geo::Point::new(lon, lat))
        });
        require_en(&e.text, "the text", file, &label, errs);
        let event_sources = sources(e.sources, file, &label, errs);
        if event_sources.is_empty() {
            errs.push(file, Some(&label), "has no source: every event must say where it comes from");
        }
        if let Some(date) = date {
            events.push(Event {
                id: e.id,
                date,
                end,
                place,
                position,
                offmap: e.offmap,
                kind: e.kind,
                text: e.text,
                claim: e.claim,
                sources: event_sources,
            });
        }
    }
    events.sort_by_key(|e| e.date);
    let default_date = raw.default_date.and_then(|d| parse_date(&d, file, "atlas", "default_date", errs));
    Some(Atlas {
        id: raw.id,
        title: raw.title,
        description: raw.description,
        attribution: raw.attribution,
        default_date,
        notes: Vec::new(),
        traditions: Vec::new(),
        controllers,
        phases,
        events,
        regions,
        zones,
        places,
        lines,
        context,
        land,
        evidence: Vec::new(),
        stories: Vec::new(),
        place_control: Default::default(),
        cells_cache: std::sync::OnceLock::new(),
        sealed: crate::atlas::model::Sealed,
    })
}

/// Where an item was read, for its messages: atlas.json and its id, or a spreadsheet's line.
fn item_place(file: &str, kind: &str, id: &str, origin: Option<&(String, u64)>) -> (String, String) {
    match origin {
        Some((sheet, line)) => (sheet.clone(), format!("{kind} '{id}' (line {line})")),
        None => (file.to_owned(), format!("{kind} '{id}'")),
    }
}

/// Phases must follow each other day after day: no gap, no overlap, only the last open-ended.
fn check_tiling(phases: &mut [Phase], file: &str, errs: &mut AtlasErrors) {
    if phases.is_empty() {
        errs.push(file, None, "has no phases");
        return;
    }
    phases.sort_by_key(|p| p.start);
    for pair in phases.windows(2) {
        let [a, b] = pair else { continue };
        let label = format!("phase '{}'", a.id);
        let Some(end) = a.end else {
            errs.push(file, Some(&label), format!("has no end date, but phase '{}' follows it", b.id));
            continue;
        };
        match end.tomorrow() {
            Ok(next) if next == b.start => {}
            Ok(next) if next < b.start => errs.push(
                file,
                Some(&label),
                format!("gap: it ends on {end} but the next phase, '{}', starts on {}", b.id, b.start),
            ),
            _ => errs.push(
                file,
                Some(&label),
                format!("overlap: it ends on {end} but the next phase, '{}', starts on {}", b.id, b.start),
            ),
        }
    }
}
