//! Text in several languages, falling back to English where a translation is missing.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The language every atlas text must have; others fall back to it.
pub const FALLBACK_LANG: &str = "en";

/// A text field of the atlas: one string per language code (`"en"`, `"vi"`, …). In a file it is
/// an object by language, or a plain string, which is the English text.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Text(pub BTreeMap<String, String>);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged, expecting = "a string, or an object of strings by language code")]
        enum Written {
            Plain(String),
            ByLanguage(BTreeMap<String, String>),
        }
        Ok(match Written::deserialize(deserializer)? {
            Written::Plain(s) => Text::en(s),
            Written::ByLanguage(map) => Text(map),
        })
    }
}

impl Text {
    /// English-only text (used for names that exist in one form).
    pub fn en(s: impl Into<String>) -> Self {
        Self(BTreeMap::from([(FALLBACK_LANG.to_owned(), s.into())]))
    }

    /// The text in `lang`, or in English when that translation is missing or empty.
    pub fn get(&self, lang: &str) -> &str {
        self.0
            .get(lang)
            .filter(|s| !s.trim().is_empty())
            .or_else(|| self.0.get(FALLBACK_LANG))
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Whether the text has its own (non-empty) version in `lang`.
    pub fn has(&self, lang: &str) -> bool {
        self.0.get(lang).is_some_and(|s| !s.trim().is_empty())
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_english() {
        let mut t = Text::en("Shusha");
        assert_eq!(t.get("vi"), "Shusha");
        t.0.insert("vi".into(), "Su-sa".into());
        assert_eq!(t.get("vi"), "Su-sa");
        t.0.insert("fr".into(), "  ".into());
        assert_eq!(t.get("fr"), "Shusha");
        assert!(!t.has("fr"));
    }
}
