//! Which name a feature is shown by: the English (international) name, the atlas's first or
//! second naming tradition ([`crate::atlas::Atlas::traditions`]: Armenian and Azerbaijani usage in
//! one atlas, Greek and Turkish in another) or both, in one fixed order for the whole program, so
//! that a label never changes when control changes (that would read as taking sides).

use serde::{Deserialize, Serialize};

use crate::atlas::{Names, Place, Region};
use crate::i18n::Lang;

/// Which naming tradition map labels follow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum NameStyle {
    /// The names an English-language reader expects: "Stepanakert", "Shusha", "Lachin".
    #[default]
    International,
    /// "Stepanakert / Xankəndi".
    Both,
    /// The atlas's first naming tradition ("Stepanakert", "Shushi", "Berdzor").
    #[serde(alias = "Armenian")]
    First,
    /// Its second ("Xankəndi", "Şuşa", "Laçın").
    #[serde(alias = "Azerbaijani")]
    Second,
}

impl NameStyle {
    /// Every style, in the order of the menu.
    pub const ALL: [NameStyle; 4] = [Self::International, Self::Both, Self::First, Self::Second];

    /// The style's name on the command line (`--names both`).
    pub fn code(self) -> &'static str {
        match self {
            Self::International => "international",
            Self::Both => "both",
            Self::First => "first",
            Self::Second => "second",
        }
    }
}

/// A label from a common name and the names in each tradition. A tradition with no name falls
/// back, visibly, to another name in brackets: never to an empty label.
pub fn label_from(common: &str, first: Option<&str>, second: Option<&str>, style: NameStyle) -> String {
    let (hy, az) = (first, second);
    let bracket = |s: &str| format!("({s})");
    match style {
        NameStyle::International => common.to_owned(),
        NameStyle::First => hy.map_or_else(|| bracket(az.unwrap_or(common)), str::to_owned),
        NameStyle::Second => az.map_or_else(|| bracket(hy.unwrap_or(common)), str::to_owned),
        NameStyle::Both => match (hy, az) {
            (Some(h), Some(a)) if h == a => h.to_owned(),
            (Some(h), Some(a)) => format!("{h} / {a}"),
            (Some(one), None) | (None, Some(one)) => one.to_owned(),
            (None, None) => common.to_owned(),
        },
    }
}

/// The label of a place in the chosen naming style.
pub fn place_label(place: &Place, style: NameStyle, lang: Lang) -> String {
    label_from(place.name.get(lang.code()), place.name_first.as_deref(), place.name_second.as_deref(), style)
}

/// The label of a feature of the land (river, peak, road), if it has a name.
pub fn names_label(names: &Names, style: NameStyle, lang: Lang) -> Option<String> {
    let common = names.name.as_ref().map(|n| n.get(lang.code()))?;
    Some(label_from(common, names.name_first.as_deref(), names.name_second.as_deref(), style))
}

/// The map label of a region in the chosen style: its short label (or name) in the interface
/// language, or its label in a naming tradition.
pub fn region_label(region: &Region, lang: Lang, style: NameStyle) -> String {
    let common = region.label.as_ref().unwrap_or(&region.name).get(lang.code());
    let hy = region.label_first.as_deref().or(region.name_first.as_deref());
    let az = region.label_second.as_deref().or(region.name_second.as_deref());
    label_from(common, hy, az, style)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::{PlaceKind, Text};

    fn place(hy: Option<&str>, az: Option<&str>) -> Place {
        Place {
            id: "stepanakert".into(),
            name: Text::en("Stepanakert"),
            name_first: hy.map(str::to_owned),
            name_second: az.map(str::to_owned),
            other_names: Vec::new(),
            kind: PlaceKind::Capital,
            rank: 1,
            abandoned: false,
            elevation_m: None,
            district: None,
            region: None,
            point: geo::Point::new(46.75, 39.82),
        }
    }

    #[test]
    fn both_names_in_a_fixed_order() {
        let p = place(Some("Stepanakert"), Some("Xankəndi"));
        assert_eq!(place_label(&p, NameStyle::Both, Lang::En), "Stepanakert / Xankəndi");
        assert_eq!(place_label(&p, NameStyle::Second, Lang::Vi), "Xankəndi");
        assert_eq!(place_label(&p, NameStyle::International, Lang::En), "Stepanakert");
        let hadrut = Place { name_first: Some("Hadrut".into()), name_second: Some("Hadrut".into()), ..p };
        assert_eq!(place_label(&hadrut, NameStyle::Both, Lang::En), "Hadrut");
    }

    #[test]
    fn a_missing_name_falls_back_in_brackets() {
        let no_hy = place(None, Some("Fərrux"));
        assert_eq!(place_label(&no_hy, NameStyle::First, Lang::En), "(Fərrux)");
        assert_eq!(place_label(&no_hy, NameStyle::Both, Lang::En), "Fərrux");
        let none = place(None, None);
        assert_eq!(place_label(&none, NameStyle::Second, Lang::En), "(Stepanakert)");
    }
}
