//! The spreadsheet form of the timeline: `controllers.csv`, `phases.csv` and `timeline.csv`, as a
//! teacher fills them in a spreadsheet (one row a side, a phase, a change of control). They are
//! read into the same items as `atlas.json`'s `controllers` and `phases`, so that one set of checks
//! judges both forms; what only a row can get wrong (an unknown zone, a date before the timeline,
//! two sides given one zone on one day) is said here, with the row's line.
//!
//! A phase's control table is the state of every zone on its first day, after every row dated on
//! or before it; a row dated inside a phase is one of its changes. A phase ends the day before the
//! next starts, so a spreadsheet cannot leave a gap.

use std::collections::{BTreeMap, HashMap, HashSet};

use jiff::civil::Date;

use super::timeline_file::{RawAtlas, RawChange, RawController, RawPhase, RawSource};
use crate::atlas::geojson_layer::did_you_mean;
use crate::atlas::safe_text::for_terminal;
use crate::atlas::{AtlasErrors, Region, Text, Zone};

/// What `karabakh-atlas new` writes where the map maker has a fact to give.
pub const PLACEHOLDER: &str = "To be filled in";

/// The three files, by name, as the atlas folder holds them.
pub const CONTROLLERS_FILE: &str = "controllers.csv";
/// The phases: one row a phase.
pub const PHASES_FILE: &str = "phases.csv";
/// The changes of control: one row a zone (or a region) passing to a side on a day.
pub const TIMELINE_FILE: &str = "timeline.csv";

/// The columns of each file; those marked text may also be given by language (`title.vi`).
const CONTROLLER_COLUMNS: Columns =
    Columns { required: &["id", "name", "colour"], optional: &["description"], texts: &["name", "description"] };
const PHASE_COLUMNS: Columns = Columns {
    required: &["id", "start", "title", "source_title"],
    optional: &["end", "summary", "source_url"],
    texts: &["title", "summary"],
};
const TIMELINE_COLUMNS: Columns = Columns {
    required: &["date", "zone", "controller"],
    optional: &["source_title", "source_url", "note", "claim"],
    texts: &["note", "claim"],
};

struct Columns {
    required: &'static [&'static str],
    optional: &'static [&'static str],
    texts: &'static [&'static str],
}

/// The spreadsheet files an atlas folder holds, each as its name (for messages) and text.
#[derive(Clone, Copy, Debug, Default)]
pub struct Sheets<'a> {
    /// `controllers.csv`.
    pub controllers: Option<(&'a str, &'a str)>,
    /// `phases.csv`.
    pub phases: Option<(&'a str, &'a str)>,
    /// `timeline.csv`.
    pub timeline: Option<(&'a str, &'a str)>,
}

/// One file read: its header and its rows, each with its line in the file.
struct Sheet<'a> {
    file: &'a str,
    header: Vec<String>,
    rows: Vec<(u64, csv::StringRecord)>,
}

impl Sheet<'_> {
    /// The cell of `column` in `row`, trimmed; `None` when the column is absent or the cell empty.
    fn cell<'r>(&self, row: &'r csv::StringRecord, column: &str) -> Option<&'r str> {
        let i = self.header.iter().position(|h| h == column)?;
        row.get(i).map(str::trim).filter(|s| !s.is_empty())
    }

    /// The text of `column`: its cell as English, and `column.xx` cells as other languages.
    fn text(&self, row: &csv::StringRecord, column: &str) -> Text {
        let mut text = Text::default();
        for (i, h) in self.header.iter().enumerate() {
            let lang = if h == column {
                Some(crate::atlas::FALLBACK_LANG)
            } else {
                h.strip_prefix(column).and_then(|rest| rest.strip_prefix('.'))
            };
            if let (Some(lang), Some(cell)) = (lang, row.get(i).map(str::trim).filter(|s| !s.is_empty())) {
                text.0.insert(lang.to_owned(), cell.to_owned());
            }
        }
        text
    }

    /// Notes, once for the file, the cells that still hold what `new` wrote for the map maker to
    /// replace ([`PLACEHOLDER`]): the atlas opens, but it is not finished.
    fn note_placeholders(&self, errs: &mut AtlasErrors) {
        let mut found = self.rows.iter().flat_map(|(line, row)| {
            row.iter()
                .zip(&self.header)
                .filter(|(c, _)| c.trim().eq_ignore_ascii_case(PLACEHOLDER))
                .map(move |(_, h)| (*line, h))
        });
        if let Some((line, column)) = found.next() {
            let more = found.count();
            let others = if more > 0 {
                format!(", and {more} more cell{}", if more == 1 { "" } else { "s" })
            } else {
                String::new()
            };
            errs.note(
                self.file,
                Some(&format!("line {line}")),
                format!("\"{column}\" still says \"{PLACEHOLDER}\"{others}: the atlas opens, but is not finished"),
            );
        }
    }

    fn label(&self, line: u64) -> String {
        format!("line {line}")
    }
}

/// Reads a CSV file: its header checked against the columns the file knows (a missing required one
/// is an error, an unknown one a note with the nearest known name), and every row of the right
/// length with its line; a row of another length is an error of its own.
fn read_sheet<'a>(file: &'a str, text: &str, columns: &Columns, errs: &mut AtlasErrors) -> Option<Sheet<'a>> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_owned()).collect(),
        Err(e) => {
            errs.push(file, None, format!("its first line, the names of the columns, cannot be read: {e}"));
            return None;
        }
    };
    if header.iter().all(String::is_empty) {
        errs.push(file, None, format!("is empty: its first line names the columns ({})", columns.required.join(", ")));
        return None;
    }
    let known: Vec<&str> = columns.required.iter().chain(columns.optional).copied().collect();
    let mut missing = false;
    for column in columns.required {
        if !header.iter().any(|h| h == column) {
            let misspelt = header.iter().find(|h| !known.contains(&h.as_str()) && did_you_mean(h, &[column]).is_some());
            let hint = misspelt
                .map_or(String::new(), |m| format!(" (it has \"{}\": did you mean \"{column}\"?)", for_terminal(m)));
            errs.push(file, Some("line 1"), format!("has no column \"{column}\", which it needs{hint}"));
            missing = true;
        }
    }
    let mut seen = HashSet::new();
    for h in &header {
        if !seen.insert(h.as_str()) {
            errs.push(file, Some("line 1"), format!("names the column \"{}\" twice", for_terminal(h)));
            missing = true;
            continue;
        }
        let by_language = columns
            .texts
            .iter()
            .any(|t| h.strip_prefix(t).and_then(|r| r.strip_prefix('.')).is_some_and(is_language_code));
        if !known.contains(&h.as_str()) && !by_language {
            let hint = did_you_mean(h, &known).map_or(String::new(), |m| format!(" (did you mean \"{m}\"?)"));
            errs.note(
                file,
                Some("line 1"),
                format!("\"{}\" is not a column of {}{hint}; it is left out", for_terminal(h), base_name(file)),
            );
        }
    }
    if missing {
        return None;
    }
    let mut sheet = Sheet { file, header, rows: Vec::new() };
    for record in reader.records() {
        if sheet.rows.len() >= crate::atlas::limits::MAX_SHEET_ROWS {
            let limit = crate::atlas::limits::MAX_SHEET_ROWS;
            errs.push(file, None, format!("has more than {limit} rows: over the limit an atlas may hold"));
            return None;
        }
        match record {
            Ok(r) if r.iter().all(|c| c.trim().is_empty()) => {}
            Ok(r) => {
                let line = r.position().map_or(0, csv::Position::line);
                if r.len() != sheet.header.len() {
                    errs.push(
                        file,
                        Some(&format!("line {line}")),
                        format!("has {} cells where the first line names {} columns", r.len(), sheet.header.len()),
                    );
                    continue;
                }
                sheet.rows.push((line, r));
            }
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                errs.push(file, Some(&format!("line {line}")), format!("cannot be read: {e}"));
            }
        }
    }
    sheet.note_placeholders(errs);
    Some(sheet)
}

/// The file's own name, without its folder: "phases.csv".
fn base_name(file: &str) -> &str {
    std::path::Path::new(file).file_name().and_then(|n| n.to_str()).unwrap_or(file)
}

/// `vi`, `hy`, `pt-BR`: a language code as texts use them.
fn is_language_code(s: &str) -> bool {
    let (lang, region) = s.split_once('-').unwrap_or((s, ""));
    (2..=3).contains(&lang.len())
        && lang.bytes().all(|b| b.is_ascii_lowercase())
        && region.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn source(sheet: &Sheet<'_>, row: &csv::StringRecord) -> Vec<RawSource> {
    match sheet.cell(row, "source_title") {
        Some(title) => {
            vec![RawSource { title: title.to_owned(), url: sheet.cell(row, "source_url").map(str::to_owned) }]
        }
        None => Vec::new(),
    }
}

/// The controllers of `controllers.csv`, each with its line.
pub(super) fn read_controllers(file: &str, text: &str, errs: &mut AtlasErrors) -> Vec<RawController> {
    let Some(sheet) = read_sheet(file, text, &CONTROLLER_COLUMNS, errs) else { return Vec::new() };
    let mut out = Vec::new();
    for (line, row) in &sheet.rows {
        let Some(id) = sheet.cell(row, "id") else {
            errs.push(file, Some(&sheet.label(*line)), "has no id");
            continue;
        };
        out.push(RawController {
            id: id.to_owned(),
            name: sheet.text(row, "name"),
            colour: sheet.cell(row, "colour").unwrap_or_default().to_owned(),
            description: sheet.text(row, "description"),
            origin: Some((file.to_owned(), *line)),
        });
    }
    out
}

/// A timeline row as read: its day, the zones it names, the side they pass to.
struct Row {
    line: u64,
    date: Date,
    zones: Vec<usize>,
    /// The zone or region as written, for messages.
    named: String,
    controller: String,
    sources: Vec<RawSource>,
    note: Text,
    claim: Option<Text>,
}

/// What the spreadsheet's phases need of the rest of the atlas.
pub(super) struct Known<'a> {
    /// The zones of zones.geojson.
    pub zones: &'a [Zone],
    /// The regions of regions.geojson.
    pub regions: &'a [Region],
    /// Zones refused for their own problems: a row naming one says nothing more.
    pub rejected_zones: &'a [String],
    /// The controllers' ids, from whichever file gives them.
    pub controllers: &'a [&'a str],
    /// Controllers given but not readable: a row naming one says nothing more.
    pub broken_controllers: &'a HashSet<String>,
}

/// A controller id no controller has: a zone no row gives a side is given this, which the checks of
/// control tables pass over (the zone was reported here).
pub(super) const NO_CONTROLLER: &str = "";

/// The phases of `phases.csv`, each with its control table and changes from `timeline.csv`.
pub(super) fn read_phases(
    (phases_file, phases_text): (&str, &str),
    (timeline_file, timeline_text): (&str, &str),
    known: &Known<'_>,
    errs: &mut AtlasErrors,
) -> Vec<RawPhase> {
    let mut phases = read_phase_rows(phases_file, phases_text, errs);
    let Some(rows) = read_timeline_rows(timeline_file, timeline_text, known, errs) else {
        // Without a readable timeline every table would be empty: the phases are not judged.
        return Vec::new();
    };
    phases.sort_by_key(|(start, _)| *start);
    let starts: Vec<Date> = phases.iter().map(|(s, _)| *s).collect();
    // Ends: the day before the next phase starts, unless the file gives its own (then judged by
    // the checks of the timeline's tiling).
    for i in 0..phases.len() {
        let next = starts.get(i + 1).and_then(|s| s.yesterday().ok());
        if let Some((_, p)) = phases.get_mut(i)
            && p.end.is_none()
        {
            p.end = next.map(|d| d.to_string());
        }
    }
    let Some(&first) = starts.first() else { return Vec::new() };
    let zone_count = known.zones.len();
    let mut state: Vec<Option<(String, u64)>> = vec![None; zone_count];
    let mut rows = rows.into_iter().peekable();
    while let Some(row) = rows.next_if(|r| r.date < first) {
        errs.push(
            timeline_file,
            Some(&format!("line {}", row.line)),
            format!("its date, {}, is before the first phase starts ({first}): the timeline has no such day", row.date),
        );
    }
    let mut out = Vec::with_capacity(phases.len());
    for (i, (start, mut phase)) in phases.into_iter().enumerate() {
        let next_start = starts.get(i + 1).copied();
        let mut changes = Vec::new();
        // Rows of the phase's first day set its table (and are a change where a zone changes hands
        // between phases); the rows after it, up to the next phase, are its changes.
        let mut first_day = true;
        // The zones given a side on the day being read, to find two rows giving one zone two sides.
        let mut given_today: HashMap<usize, (String, u64)> = HashMap::new();
        let mut today = start;
        while let Some(row) = rows.next_if(|r| next_start.is_none_or(|n| r.date < n)) {
            if row.date != today {
                today = row.date;
                given_today.clear();
            }
            if row.date != start && first_day {
                first_day = false;
                table(&mut phase, &state, known, start, i == 0, timeline_file, errs);
            }
            let before: Vec<Option<String>> =
                row.zones.iter().map(|&z| state.get(z).cloned().flatten().map(|(c, _)| c)).collect();
            for &z in &row.zones {
                if let Some((c, line)) = given_today.get(&z).filter(|(c, _)| *c != row.controller) {
                    let id = known.zones.get(z).map_or("", |z| z.id.as_str());
                    errs.push(
                        timeline_file,
                        Some(&format!("line {}", row.line)),
                        format!(
                            "gives zone \"{}\" to \"{}\" on {}, but line {line} gives it to \"{}\" that day",
                            for_terminal(id),
                            for_terminal(&row.controller),
                            row.date,
                            for_terminal(c)
                        ),
                    );
                }
            }
            let changes_hands = before.iter().any(|b| b.as_deref() != Some(row.controller.as_str()));
            let is_change = changes_hands && !(row.date == start && i == 0);
            if row.date > start && row.sources.is_empty() {
                errs.push(
                    timeline_file,
                    Some(&format!("line {}", row.line)),
                    "has no source: every change of control must say where it comes from (source_title)",
                );
            }
            if !changes_hands && row.date > start {
                errs.note(
                    timeline_file,
                    Some(&format!("line {}", row.line)),
                    format!(
                        "\"{}\" is already held by \"{}\" on {}: the row changes nothing",
                        for_terminal(&row.named),
                        for_terminal(&row.controller),
                        row.date
                    ),
                );
            }
            if !is_change && (!row.note.0.is_empty() || row.claim.is_some()) {
                errs.note(
                    timeline_file,
                    Some(&format!("line {}", row.line)),
                    "its note is shown nowhere, since no zone changes hands on this row: put it in the zone's \
                     \"note\" or the phase's summary",
                );
            }
            for &z in &row.zones {
                if let Some(slot) = state.get_mut(z) {
                    *slot = Some((row.controller.clone(), row.line));
                }
                given_today.insert(z, (row.controller.clone(), row.line));
            }
            if is_change {
                changes.push(RawChange {
                    date: row.date.to_string(),
                    zones: row.zones.iter().filter_map(|&z| known.zones.get(z)).map(|z| z.id.clone()).collect(),
                    controller: row.controller,
                    claim: row.claim,
                    note: (!row.note.0.is_empty()).then_some(row.note),
                    sources: row.sources,
                });
            }
        }
        if first_day {
            table(&mut phase, &state, known, start, i == 0, timeline_file, errs);
        }
        phase.changes = changes;
        out.push(phase);
    }
    out
}

/// Sets a phase's control table from the state of every zone on its first day; the zones no row
/// has given a side yet are reported once, together.
fn table(
    phase: &mut RawPhase,
    state: &[Option<(String, u64)>],
    known: &Known<'_>,
    start: Date,
    first: bool,
    file: &str,
    errs: &mut AtlasErrors,
) {
    let mut control = BTreeMap::new();
    let mut unset = Vec::new();
    for (zone, held) in known.zones.iter().zip(state) {
        match held {
            Some((c, _)) => {
                control.insert(zone.id.clone(), c.clone());
            }
            None => {
                unset.push(zone.id.as_str());
                control.insert(zone.id.clone(), NO_CONTROLLER.to_owned());
            }
        }
    }
    // Only the first phase can find a zone unset: later ones carry the state on.
    if first && !unset.is_empty() {
        let shown: Vec<String> = unset.iter().take(8).map(|z| format!("\"{}\"", for_terminal(z))).collect();
        let more = if unset.len() > 8 { format!(" and {} more", unset.len() - 8) } else { String::new() };
        errs.push(
            file,
            None,
            format!(
                "no row gives {} {}{more} a controller on {start}, when the first phase ('{}') starts: every zone \
                 needs a row on that day (a region's id gives all its zones)",
                if unset.len() == 1 { "zone" } else { "zones" },
                shown.join(", "),
                for_terminal(&phase.id)
            ),
        );
    }
    phase.control = control;
}

/// The rows of `phases.csv` with their start days; a row whose start cannot be read is reported and
/// left out.
fn read_phase_rows(file: &str, text: &str, errs: &mut AtlasErrors) -> Vec<(Date, RawPhase)> {
    let Some(sheet) = read_sheet(file, text, &PHASE_COLUMNS, errs) else { return Vec::new() };
    if sheet.rows.is_empty() {
        errs.push(file, None, "has no phases: one row a period of the timeline, under the first line");
    }
    let mut out = Vec::new();
    for (line, row) in &sheet.rows {
        let label = sheet.label(*line);
        let Some(id) = sheet.cell(row, "id") else {
            errs.push(file, Some(&label), "has no id");
            continue;
        };
        let Some(start) = sheet.cell(row, "start") else {
            errs.push(file, Some(&label), "has no start date");
            continue;
        };
        let Some(start_day) = super::parse_date(start, file, &label, "start", errs) else { continue };
        out.push((
            start_day,
            RawPhase {
                id: id.to_owned(),
                start: start.to_owned(),
                end: sheet.cell(row, "end").map(str::to_owned),
                title: sheet.text(row, "title"),
                summary: sheet.text(row, "summary"),
                sources: source(&sheet, row),
                control: BTreeMap::new(),
                changes: Vec::new(),
                origin: Some((file.to_owned(), *line)),
            },
        ));
    }
    out
}

/// The rows of `timeline.csv` that can be read, in order of date (rows of one day in file order);
/// each problem of the others reported with its line.
fn read_timeline_rows(file: &str, text: &str, known: &Known<'_>, errs: &mut AtlasErrors) -> Option<Vec<Row>> {
    let sheet = read_sheet(file, text, &TIMELINE_COLUMNS, errs)?;
    let mut zone_ids: HashMap<&str, usize> = HashMap::with_capacity(known.zones.len());
    for (i, z) in known.zones.iter().enumerate() {
        zone_ids.entry(z.id.as_str()).or_insert(i);
    }
    let mut region_zones: HashMap<&str, Vec<usize>> = HashMap::new();
    for r in known.regions {
        region_zones.entry(r.id.as_str()).or_default();
    }
    for (i, z) in known.zones.iter().enumerate() {
        if let Some(r) = known.regions.get(z.region.get()) {
            region_zones.entry(r.id.as_str()).or_default().push(i);
        }
    }
    let controllers: HashSet<&str> = known.controllers.iter().copied().collect();
    let mut names: Vec<&str> = known.zones.iter().map(|z| z.id.as_str()).collect();
    names.extend(known.regions.iter().map(|r| r.id.as_str()));
    let mut rows = Vec::new();
    for (line, row) in &sheet.rows {
        let label = sheet.label(*line);
        let date = match sheet.cell(row, "date") {
            Some(d) => super::parse_date(d, file, &label, "date", errs),
            None => {
                errs.push(file, Some(&label), "has no date");
                None
            }
        };
        let named = sheet.cell(row, "zone").unwrap_or_default();
        let zones = if let Some(&z) = zone_ids.get(named) {
            Some(vec![z])
        } else if let Some(zs) = region_zones.get(named) {
            Some(zs.clone())
        } else if named.is_empty() {
            errs.push(file, Some(&label), "has no zone: name a zone, or a region for all its zones");
            None
        } else if known.rejected_zones.iter().any(|z| z == named) {
            None
        } else {
            let hint = did_you_mean(named, &names).map_or(String::new(), |m| format!(" (did you mean \"{m}\"?)"));
            errs.push(
                file,
                Some(&label),
                format!("names \"{}\", which is neither a zone nor a region of the atlas{hint}", for_terminal(named)),
            );
            None
        };
        let controller = sheet.cell(row, "controller").unwrap_or_default();
        let controller_known = controllers.contains(controller);
        if !controller_known && !known.broken_controllers.contains(controller) {
            if controller.is_empty() {
                errs.push(file, Some(&label), "has no controller: the side the zone passes to");
            } else {
                let hint = did_you_mean(controller, known.controllers)
                    .map_or(String::new(), |m| format!(" (did you mean \"{m}\"?)"));
                errs.push(
                    file,
                    Some(&label),
                    format!("names unknown controller \"{}\"{hint}", for_terminal(controller)),
                );
            }
        }
        let (Some(date), Some(zones), true) = (date, zones, controller_known) else { continue };
        let claim = sheet.text(row, "claim");
        rows.push(Row {
            line: *line,
            date,
            zones,
            named: named.to_owned(),
            controller: controller.to_owned(),
            sources: source(&sheet, row),
            note: sheet.text(row, "note"),
            claim: (!claim.0.is_empty()).then_some(claim),
        });
    }
    rows.sort_by_key(|r| r.date);
    Some(rows)
}

/// Reads the spreadsheet files into the items `atlas.json` would give.
pub(super) fn read_sheets(
    raw: &mut RawAtlas,
    sheets: Sheets<'_>,
    zones: &[crate::atlas::Zone],
    regions: &[crate::atlas::Region],
    rejected_zones: &[String],
    errs: &mut AtlasErrors,
) {
    if let Some((name, text)) = sheets.controllers {
        raw.controllers.extend(read_controllers(name, text, errs));
    }
    match (sheets.phases, sheets.timeline) {
        (Some(phases), Some(timeline)) => {
            let ids: Vec<&str> = raw.controllers.iter().map(|c| c.id.as_str()).collect();
            let known = Known {
                zones,
                regions,
                rejected_zones,
                controllers: &ids,
                broken_controllers: &raw.broken_controllers,
            };
            let phases = read_phases(phases, timeline, &known, errs);
            // None read: the spreadsheet's own problem was said; "no phases" would only repeat it.
            raw.phases_incomplete |= phases.is_empty();
            raw.phases.extend(phases);
            raw.broken_controllers.insert(NO_CONTROLLER.to_owned());
        }
        (Some((name, _)), None) => {
            errs.push(name, None, format!("is there without {TIMELINE_FILE}, which gives each phase its control"));
            raw.phases_incomplete = true;
        }
        (None, Some((name, _))) => {
            errs.push(name, None, format!("is there without {PHASES_FILE}, which names the phases it falls in"));
            raw.phases_incomplete = true;
        }
        (None, None) => {}
    }
}
