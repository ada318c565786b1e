//! Reading a feature's properties: each reader pushes an error naming the feature and the property
//! when it has the wrong type, so a layer reads its properties without a check of its own.

use serde_json::Value as Json;

use super::geojson_layer::{RawFeature, text_problem};
use super::{AtlasErrors, Text};

/// Property readers: each pushes an error naming the property when it has the wrong type.
pub(crate) struct Props<'a> {
    pub f: &'a RawFeature,
    pub file: &'a str,
}

impl Props<'_> {
    pub fn text(&self, key: &str, errs: &mut AtlasErrors) -> Option<Text> {
        match self.f.props.get(key)? {
            Json::String(s) => {
                if let Some(problem) = text_problem(s) {
                    errs.push(self.file, Some(&self.f.label), format!("property \"{key}\" {problem}"));
                }
                Some(Text::en(s.clone()))
            }
            Json::Object(map) => {
                let mut text = Text::default();
                for (lang, v) in map {
                    match v.as_str() {
                        Some(s) => {
                            if let Some(problem) = text_problem(s) {
                                errs.push(
                                    self.file,
                                    Some(&self.f.label),
                                    format!("property \"{key}\".{lang} {problem}"),
                                );
                            }
                            text.0.insert(lang.clone(), s.to_owned());
                        }
                        None => errs.push(
                            self.file,
                            Some(&self.f.label),
                            format!("property \"{key}\".{lang} is not a string"),
                        ),
                    }
                }
                if !text.has(super::FALLBACK_LANG) {
                    errs.push(
                        self.file,
                        Some(&self.f.label),
                        format!("property \"{key}\" has no English (\"en\") text"),
                    );
                }
                Some(text)
            }
            _ => {
                errs.push(
                    self.file,
                    Some(&self.f.label),
                    format!("property \"{key}\" must be a string or an object of strings by language"),
                );
                None
            }
        }
    }

    pub fn string(&self, key: &str, errs: &mut AtlasErrors) -> Option<String> {
        match self.f.props.get(key)? {
            Json::String(s) => {
                if let Some(problem) = text_problem(s) {
                    errs.push(self.file, Some(&self.f.label), format!("property \"{key}\" {problem}"));
                }
                Some(s.clone())
            }
            Json::Null => None,
            _ => {
                errs.push(self.file, Some(&self.f.label), format!("property \"{key}\" must be a string"));
                None
            }
        }
    }

    pub fn number(&self, key: &str, errs: &mut AtlasErrors) -> Option<f64> {
        match self.f.props.get(key)? {
            Json::Number(n) => n.as_f64(),
            Json::Null => None,
            _ => {
                errs.push(self.file, Some(&self.f.label), format!("property \"{key}\" must be a number"));
                None
            }
        }
    }

    pub fn bool(&self, key: &str, errs: &mut AtlasErrors) -> bool {
        match self.f.props.get(key) {
            None | Some(Json::Null) => false,
            Some(Json::Bool(b)) => *b,
            Some(_) => {
                errs.push(self.file, Some(&self.f.label), format!("property \"{key}\" must be true or false"));
                false
            }
        }
    }
}
