//! What is remembered between runs. One serde struct with defaults, so an old, partial or corrupt
//! settings file never stops the program: it starts with the defaults instead.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::scene::{MapLayers, NameStyle, View};

/// Where eframe keeps the settings.
pub const KEY: &str = "karabakh-atlas-settings";

/// Everything remembered. Values are kept as written (a date as text, a language as its code) and
/// checked when used, so one bad value falls back alone instead of taking the others with it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The last date shown, YYYY-MM-DD.
    pub date: Option<String>,
    /// The last view of the built-in atlas (zoom clamped as it is read).
    pub view: Option<View>,
    /// The interface language's code.
    pub lang: Option<String>,
    /// The naming tradition of place labels.
    pub names: NameStyle,
    /// The layers of the land shown.
    pub layers: MapLayers,
    /// Atlas folders opened lately, newest first.
    pub recent: Vec<String>,
}

impl Settings {
    /// The interface language: the remembered one if it is one of the interface's, else English.
    pub fn lang(&self) -> Lang {
        self.lang.as_deref().and_then(Lang::from_code).unwrap_or_default()
    }
}
