//! The atlas's naming traditions: the (at most two) ways its places are named besides the common
//! name, as `atlas.json` declares them (`"name_traditions": [{"key": "el", "label": …}]`), each
//! read from the layers' `name_<key>` and `label_<key>` properties. An atlas that declares none
//! but has such properties gets them under their keys, with a note.

use serde::Deserialize;
use serde_json::Value as Json;

use crate::atlas::geojson_layer::Props;
use crate::atlas::safe_text::for_terminal;
use crate::atlas::{AtlasErrors, NameTradition, Text};

/// Most traditions the names menu can offer (with the common name and both together).
pub const MAX_TRADITIONS: usize = 2;

/// The property keys of the traditions, first and second.
#[derive(Clone, Debug, Default)]
pub(super) struct TraditionKeys([Option<String>; MAX_TRADITIONS]);

impl TraditionKeys {
    /// A feature's `{prefix}_<key>` property in each tradition, empty ones left out.
    pub(super) fn read(&self, prefix: &str, p: &Props<'_>, errs: &mut AtlasErrors) -> [Option<String>; MAX_TRADITIONS] {
        self.0.clone().map(|key| {
            let key = key?;
            p.string(&format!("{prefix}_{key}"), errs).filter(|s| !s.trim().is_empty())
        })
    }
}

#[derive(Deserialize)]
struct Declared {
    key: String,
    label: Text,
}

/// The traditions of the atlas: declared in `atlas.json` (its text given), or found in the
/// layers' texts. Problems of the declaration are reported here, once.
pub(super) fn traditions(
    atlas: Option<(&str, &str)>,
    layers: &[&str],
    errs: &mut AtlasErrors,
) -> (Vec<NameTradition>, TraditionKeys) {
    #[derive(Deserialize)]
    struct Top {
        name_traditions: Option<Json>,
    }
    // A file that is not JSON is reported by the timeline's reading.
    let declared = atlas.and_then(|(file, text)| {
        let top: Top = serde_json::from_str(text).ok()?;
        Some((file, top.name_traditions?))
    });
    let mut out = Vec::new();
    if let Some((file, value)) = declared {
        let Json::Array(items) = value else {
            errs.push(file, None, "\"name_traditions\" must be a list of {\"key\", \"label\"}");
            return (Vec::new(), TraditionKeys::default());
        };
        if items.len() > MAX_TRADITIONS {
            errs.push(
                file,
                None,
                format!("\"name_traditions\" names {} traditions; at most {MAX_TRADITIONS} can be shown", items.len()),
            );
        }
        for (i, item) in items.into_iter().take(MAX_TRADITIONS).enumerate() {
            let label = format!("name tradition #{i}");
            match serde_json::from_value::<Declared>(item) {
                Ok(d) => {
                    let key_ok = (2..=12).contains(&d.key.len())
                        && d.key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
                    if !key_ok {
                        errs.push(
                            file,
                            Some(&label),
                            format!(
                                "its key \"{}\" must be 2 to 12 lowercase letters or digits (as in \"name_el\")",
                                for_terminal(&d.key)
                            ),
                        );
                        continue;
                    }
                    if !d.label.has(crate::atlas::FALLBACK_LANG) {
                        errs.push(file, Some(&label), "its label has no English (\"en\") text");
                    }
                    if out.iter().any(|t: &NameTradition| t.key == d.key) {
                        errs.push(file, Some(&label), format!("names the key \"{}\" twice", d.key));
                        continue;
                    }
                    out.push(NameTradition { key: d.key, label: d.label });
                }
                Err(e) => errs.push(file, Some(&label), format!("must be {{\"key\": …, \"label\": …}}: {e}")),
            }
        }
    } else {
        for key in found_keys(layers) {
            out.push(NameTradition { label: Text::en(format!("Names ({key})")), key });
        }
        if let (Some((file, _)), false) = (atlas, out.is_empty()) {
            let keys: Vec<String> = out.iter().map(|t| format!("name_{}", t.key)).collect();
            errs.note(
                file,
                None,
                format!(
                    "declares no \"name_traditions\": the names in {} are offered under their keys; declare them \
                     with a label each (\"Greek usage\") for the names menu",
                    keys.join(" and ")
                ),
            );
        }
    }
    let mut keys = TraditionKeys::default();
    for (slot, t) in keys.0.iter_mut().zip(&out) {
        *slot = Some(t.key.clone());
    }
    (out, keys)
}

/// The first two keys of `"name_<key>"` properties in the texts, in order of first appearance
/// (`name_en` is the English name, not a tradition).
fn found_keys(texts: &[&str]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for text in texts {
        for (i, _) in text.match_indices("\"name_") {
            let rest = text.get(i + 6..).unwrap_or_default();
            let key: String = rest.chars().take_while(|c| c.is_ascii_lowercase()).collect();
            let closed = rest.get(key.len()..).is_some_and(|r| r.starts_with('"'));
            if closed && (2..=3).contains(&key.len()) && key != "en" && !found.contains(&key) {
                found.push(key);
                if found.len() == MAX_TRADITIONS {
                    return found;
                }
            }
        }
    }
    found
}
