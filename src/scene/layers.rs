//! Which layers of the land the map shows: chosen in the layers menu, remembered between runs,
//! and set on the command line (`--relief`, `--layers`).

use serde::{Deserialize, Serialize};

/// The map's optional layers. All on by default except the height tint, which colours the land
/// (a choice, not a default: zones already colour it), and the land taken since the fighting
/// began, which is a reading of the map rather than the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct MapLayers {
    /// Hillshade of the elevation grid.
    pub relief: bool,
    /// Colours by height under the hillshade.
    pub tint: bool,
    /// Rivers, lakes and reservoirs.
    pub water: bool,
    /// Peaks, ranges and plateaus.
    pub heights: bool,
    /// Roads.
    pub roads: bool,
    /// Villages (towns and the capital are always shown).
    pub settlements: bool,
    /// The graticule of longitude and latitude.
    pub grid: bool,
    /// The ground taken since the fighting began (or a chosen day), in a lighter shade.
    pub taken: bool,
}

impl Default for MapLayers {
    fn default() -> Self {
        Self {
            relief: true,
            tint: false,
            water: true,
            heights: true,
            roads: true,
            settlements: true,
            grid: true,
            taken: false,
        }
    }
}

/// A layer, by name: for the menu, the command line and the tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayerName {
    /// [`MapLayers::relief`].
    Relief,
    /// [`MapLayers::tint`].
    Tint,
    /// [`MapLayers::water`].
    Water,
    /// [`MapLayers::heights`].
    Heights,
    /// [`MapLayers::roads`].
    Roads,
    /// [`MapLayers::settlements`].
    Settlements,
    /// [`MapLayers::grid`].
    Grid,
    /// [`MapLayers::taken`].
    Taken,
}

impl LayerName {
    /// Every layer, in the menu's order.
    pub const ALL: [LayerName; 8] =
        [Self::Relief, Self::Tint, Self::Water, Self::Heights, Self::Roads, Self::Settlements, Self::Grid, Self::Taken];

    /// Its name on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Self::Relief => "relief",
            Self::Tint => "tint",
            Self::Water => "water",
            Self::Heights => "heights",
            Self::Roads => "roads",
            Self::Settlements => "settlements",
            Self::Grid => "grid",
            Self::Taken => "taken",
        }
    }

    /// Its name in the menu (English; translated by the interface).
    pub fn label(self) -> &'static str {
        match self {
            Self::Relief => "Relief",
            Self::Tint => "Height colours",
            Self::Water => "Rivers and lakes",
            Self::Heights => "Peaks and ranges",
            Self::Roads => "Roads",
            Self::Settlements => "Villages",
            Self::Grid => "Grid",
            Self::Taken => "Land taken since the fighting began",
        }
    }

    /// Parses a command-line name.
    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == s)
    }
}

impl MapLayers {
    /// Whether a layer is on.
    pub fn get(&self, layer: LayerName) -> bool {
        *self.field(layer)
    }

    /// Turns a layer on or off.
    pub fn set(&mut self, layer: LayerName, on: bool) {
        *self.field_mut(layer) = on;
    }

    fn field(&self, layer: LayerName) -> &bool {
        match layer {
            LayerName::Relief => &self.relief,
            LayerName::Tint => &self.tint,
            LayerName::Water => &self.water,
            LayerName::Heights => &self.heights,
            LayerName::Roads => &self.roads,
            LayerName::Settlements => &self.settlements,
            LayerName::Grid => &self.grid,
            LayerName::Taken => &self.taken,
        }
    }

    fn field_mut(&mut self, layer: LayerName) -> &mut bool {
        match layer {
            LayerName::Relief => &mut self.relief,
            LayerName::Tint => &mut self.tint,
            LayerName::Water => &mut self.water,
            LayerName::Heights => &mut self.heights,
            LayerName::Roads => &mut self.roads,
            LayerName::Settlements => &mut self.settlements,
            LayerName::Grid => &mut self.grid,
            LayerName::Taken => &mut self.taken,
        }
    }

    /// The layers shown, as `--layers` takes them: their codes, comma-separated (`none` for none).
    pub fn cli_list(&self) -> String {
        let on: Vec<&str> = LayerName::ALL.into_iter().filter(|&l| self.get(l)).map(LayerName::code).collect();
        if on.is_empty() { "none".to_owned() } else { on.join(",") }
    }

    /// Exactly the layers named, comma-separated ("relief,water"); "all" and "none" too.
    pub fn parse_list(s: &str) -> Result<Self, String> {
        let mut layers = MapLayers {
            relief: false,
            tint: false,
            water: false,
            heights: false,
            roads: false,
            settlements: false,
            grid: false,
            taken: false,
        };
        for name in s.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match name {
                "all" => layers = MapLayers { tint: true, taken: true, ..MapLayers::default() },
                "none" => {}
                _ => match LayerName::from_code(name) {
                    Some(l) => layers.set(l, true),
                    None => {
                        let known: Vec<_> = LayerName::ALL.iter().map(|l| l.code()).collect();
                        return Err(format!("unknown layer \"{name}\" (known: {}, all, none)", known.join(", ")));
                    }
                },
            }
        }
        Ok(layers)
    }

    /// These layers changed as `s` says: `+taken,-roads` turns layers on and off (a story's
    /// step says so); a plain list (`relief,water`) names the layers shown, as [`Self::parse_list`].
    pub fn changed_by(self, s: &str) -> Result<Self, String> {
        let items: Vec<&str> = s.split(',').map(str::trim).filter(|n| !n.is_empty()).collect();
        if !items.iter().all(|i| i.starts_with('+') || i.starts_with('-')) {
            return Self::parse_list(s);
        }
        let mut layers = self;
        for item in items {
            let (on, name) = item.split_at(1);
            match LayerName::from_code(name) {
                Some(l) => layers.set(l, on == "+"),
                None => {
                    let known: Vec<_> = LayerName::ALL.iter().map(|l| l.code()).collect();
                    return Err(format!("unknown layer \"{name}\" (known: {})", known.join(", ")));
                }
            }
        }
        Ok(layers)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_layer_list_names_exactly_the_layers_shown() {
        let l = MapLayers::parse_list("relief, water").expect("valid");
        assert!(l.relief && l.water && !l.roads && !l.settlements && !l.grid);
        assert!(MapLayers::parse_list("all").expect("valid").tint);
        assert_eq!(MapLayers::parse_list("none").map(|l| l.get(LayerName::Relief)), Ok(false));
        let err = MapLayers::parse_list("relief,rivers").expect_err("refused");
        assert!(err.contains("\"rivers\"") && err.contains("water"), "{err}");
    }

    #[test]
    fn a_list_of_changes_turns_layers_on_and_off() {
        let base = MapLayers::default();
        let l = base.changed_by("+taken, -roads").expect("valid");
        assert!(l.taken && !l.roads && l.relief == base.relief && l.water == base.water);
        assert_eq!(base.changed_by("relief"), MapLayers::parse_list("relief"));
        assert!(base.changed_by("+rivers").expect_err("refused").contains("\"rivers\""));
    }
}
