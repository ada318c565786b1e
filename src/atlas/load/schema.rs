//! Reading `atlas.json` item by item, so that every problem of every controller, phase and event
//! is reported at once rather than the first one stopping the file: each item is read on its own
//! (with the line and column in the file), missing fields are said in plain words with the field
//! that was perhaps meant ("color" for "colour"), fields the format does not know are reported as
//! notes with their place and the nearest known name ("summry": did you mean "summary"?), and the
//! format version is checked.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use serde_json::{Map, Value as Json};

use crate::atlas::AtlasErrors;
use crate::atlas::geojson_layer::{did_you_mean, position_in_file};
use crate::atlas::safe_text::for_terminal;

/// The format this program reads, as `atlas.json` names it.
pub const FORMAT: &str = "karabakh-atlas/1";

/// The fields of each kind of object in `atlas.json`.
pub const TOP_FIELDS: &[&str] = &[
    "format",
    "id",
    "title",
    "description",
    "attribution",
    "default_date",
    "name_traditions",
    "controllers",
    "phases",
    "events",
];
/// A controller's fields.
pub const CONTROLLER_FIELDS: &[&str] = &["id", "name", "colour", "description"];
/// A phase's fields.
pub const PHASE_FIELDS: &[&str] = &["id", "start", "end", "title", "summary", "sources", "control", "changes"];
/// A change's fields.
pub const CHANGE_FIELDS: &[&str] = &["date", "zones", "controller", "claim", "note", "sources"];
/// An event's fields.
pub const EVENT_FIELDS: &[&str] =
    &["id", "date", "end", "place", "lonlat", "offmap", "kind", "text", "claim", "sources"];
/// A source's fields.
pub const SOURCE_FIELDS: &[&str] = &["title", "url"];

/// The file's top-level object, its members as raw text, or `None` (with the problem said).
pub fn top<'a>(file: &str, text: &'a str, errs: &mut AtlasErrors) -> Option<BTreeMap<String, &'a RawValue>> {
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        errs.push(file, None, format!("not valid JSON: {e}"));
        return None;
    }
    match serde_json::from_str(text) {
        Ok(map) => Some(map),
        Err(_) => {
            errs.push(
                file,
                None,
                "is not a JSON object: an atlas.json holds one object (title, controllers, phases, …)",
            );
            None
        }
    }
}

/// The keys of a raw object (none if it is not one).
pub fn keys(raw: &RawValue) -> Map<String, Json> {
    serde_json::from_str(raw.get()).unwrap_or_default()
}

/// Checks the top level: the format version, and fields the format does not know.
pub fn check_top(top: &BTreeMap<String, &RawValue>, file: &str, errs: &mut AtlasErrors) {
    match top.get("format").map(|f| serde_json::from_str::<Json>(f.get())) {
        Some(Ok(Json::String(f))) if f == FORMAT => {}
        Some(Ok(Json::String(f))) => {
            errs.push(file, None, format!("\"format\" is \"{}\": this program reads \"{FORMAT}\"", for_terminal(&f)))
        }
        Some(_) => errs.push(file, None, format!("\"format\" must be the text \"{FORMAT}\"")),
        None => errs.note(file, None, format!("has no \"format\"; read as \"{FORMAT}\"")),
    }
    for key in top.keys().filter(|k| !TOP_FIELDS.contains(&k.as_str())) {
        note_unknown(key, TOP_FIELDS, "the atlas", file, None, errs);
    }
}

/// Notes every field of `object` not in `known`, with the known field it is nearest to.
pub fn unknown_fields(
    object: &Map<String, Json>,
    known: &[&str],
    what: &str,
    file: &str,
    feature: Option<&str>,
    errs: &mut AtlasErrors,
) {
    for key in object.keys().filter(|k| !known.contains(&k.as_str())) {
        note_unknown(key, known, what, file, feature, errs);
    }
}

fn note_unknown(key: &str, known: &[&str], what: &str, file: &str, feature: Option<&str>, errs: &mut AtlasErrors) {
    let hint = did_you_mean(key, known).map_or(String::new(), |m| format!(" (did you mean \"{m}\"?)"));
    errs.note(file, feature, format!("\"{}\" is not a field of {what}{hint}; it is left out", for_terminal(key)));
}

/// Notes the unknown fields of the objects in the list `key` of `object` (a phase's changes, an
/// event's sources).
pub fn unknown_fields_in_list(
    object: &Map<String, Json>,
    key: &str,
    known: &[&str],
    what: &str,
    file: &str,
    feature: &str,
    errs: &mut AtlasErrors,
) {
    let Some(Json::Array(items)) = object.get(key) else { return };
    for item in items {
        if let Json::Object(o) = item {
            unknown_fields(o, known, what, file, Some(feature), errs);
        }
    }
}

/// The items of the list `key` (absent: none), each with a label naming it by its id or index.
pub fn items<'a>(
    top: &BTreeMap<String, &'a RawValue>,
    key: &str,
    kind: &str,
    file: &str,
    errs: &mut AtlasErrors,
) -> Vec<(String, &'a RawValue)> {
    let Some(list) = top.get(key) else { return Vec::new() };
    if list.get() == "null" {
        return Vec::new();
    }
    let Ok(items) = serde_json::from_str::<Vec<&RawValue>>(list.get()) else {
        errs.push(file, None, format!("\"{key}\" must be a list"));
        return Vec::new();
    };
    let limit = match key {
        "controllers" => crate::atlas::limits::MAX_CONTROLLERS,
        "phases" => crate::atlas::limits::MAX_PHASES,
        _ => crate::atlas::limits::MAX_EVENTS,
    };
    if items.len() > limit {
        errs.push(file, None, crate::atlas::limits::over_limit(items.len(), key, limit));
        return Vec::new();
    }
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let label = match keys(item).get("id").and_then(Json::as_str) {
                Some(id) => format!("{kind} '{}'", for_terminal(id)),
                None => format!("{kind} #{i}"),
            };
            (label, item)
        })
        .collect()
}

/// Reads one item as `T`; on failure says what is wrong in plain words, naming the item and where
/// in the file it is.
pub fn read<T: DeserializeOwned>(
    text: &str,
    item: &RawValue,
    known: &[&str],
    file: &str,
    label: &str,
    errs: &mut AtlasErrors,
) -> Option<T> {
    match serde_json::from_str::<T>(item.get()) {
        Ok(v) => Some(v),
        Err(e) => {
            let (line, column) = position_in_file(text, item, e.line(), e.column());
            let message = e.to_string();
            let message = message.rfind(" at line ").and_then(|i| message.get(..i)).unwrap_or(&message);
            errs.push(file, Some(label), format!("{} (line {line}, column {column})", plain(message, item, known)));
            None
        }
    }
}

/// serde's message in plain words: a missing field said as such, with the misspelt field that is
/// there instead if there is one.
fn plain(message: &str, item: &RawValue, known: &[&str]) -> String {
    let object = keys(item);
    if let Some(field) = message.strip_prefix("missing field `").and_then(|m| m.split('`').next()) {
        let misspelt = object.keys().find(|k| !known.contains(&k.as_str()) && did_you_mean(k, &[field]).is_some());
        return match misspelt {
            Some(k) => format!("has no \"{field}\" (it has \"{}\": did you mean \"{field}\"?)", for_terminal(k)),
            None => format!("has no \"{field}\", which it needs"),
        };
    }
    if !item.get().starts_with('{') {
        return "must be an object ({…})".to_owned();
    }
    message.replace("invalid type: ", "a field has the wrong type: ")
}

/// A map read from JSON that refuses a key given twice (serde would keep the last without a word):
/// a zone named twice in a phase's control table is a mistake to be told of.
pub fn no_duplicate_keys<'de, D>(deserializer: D) -> Result<std::collections::BTreeMap<String, String>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct Visitor;
    impl<'de> serde::de::Visitor<'de> for Visitor {
        type Value = std::collections::BTreeMap<String, String>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object of zone ids to controller ids")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = std::collections::BTreeMap::new();
            while let Some((k, v)) = map.next_entry::<String, String>()? {
                if out.contains_key(&k) {
                    return Err(serde::de::Error::custom(format!(
                        "the control table names zone \"{}\" twice",
                        for_terminal(&k)
                    )));
                }
                out.insert(k, v);
            }
            Ok(out)
        }
    }
    deserializer.deserialize_map(Visitor)
}
