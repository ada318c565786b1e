//! What is remembered between runs. One serde struct with defaults, so an old, partial or corrupt
//! settings file never stops the program: it starts with the defaults instead.

use serde::{Deserialize, Serialize};

use crate::scene::{NameStyle, View};

pub const KEY: &str = "karabakh-atlas-settings";

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The last date shown, YYYY-MM-DD.
    pub date: Option<String>,
    pub view: Option<View>,
    pub lang: Option<String>,
    pub names: NameStyle,
    /// Atlas folders opened lately, newest first.
    pub recent: Vec<String>,
}
