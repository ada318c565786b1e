//! Which name a place is shown by. Both traditions by default, in one fixed order for the whole
//! program, so a label never changes when control changes (that would read as taking sides).

use serde::{Deserialize, Serialize};

use crate::atlas::{Place, Region};
use crate::i18n::Lang;

/// Which naming tradition place labels follow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum NameStyle {
    /// "Stepanakert / Xankəndi".
    #[default]
    Both,
    /// Armenian usage: "Stepanakert", "Shushi", "Berdzor".
    Armenian,
    /// Azerbaijani usage: "Xankəndi", "Şuşa", "Laçın".
    Azerbaijani,
}

/// The label of a place in the chosen naming style (falling back to its common name).
pub fn place_label(place: &Place, style: NameStyle, lang: Lang) -> String {
    let common = place.name.get(lang.code());
    let hy = place.name_hy.as_deref().unwrap_or(common);
    let az = place.name_az.as_deref().unwrap_or(common);
    match style {
        NameStyle::Armenian => hy.to_owned(),
        NameStyle::Azerbaijani => az.to_owned(),
        NameStyle::Both if hy == az => hy.to_owned(),
        NameStyle::Both => format!("{hy} / {az}"),
    }
}

/// The map label of a region: its short label (or name) in the interface language.
pub fn region_label(region: &Region, lang: Lang) -> String {
    region.label.as_ref().unwrap_or(&region.name).get(lang.code()).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::{PlaceKind, Text};

    #[test]
    fn both_names_in_a_fixed_order() {
        let place = Place {
            id: "stepanakert".into(),
            name: Text::en("Stepanakert"),
            name_hy: Some("Stepanakert".into()),
            name_az: Some("Xankəndi".into()),
            kind: PlaceKind::Capital,
            rank: 1,
            region: None,
            point: geo::Point::new(46.75, 39.82),
        };
        assert_eq!(place_label(&place, NameStyle::Both, Lang::En), "Stepanakert / Xankəndi");
        assert_eq!(place_label(&place, NameStyle::Azerbaijani, Lang::Vi), "Xankəndi");
        let hadrut = Place { name_hy: Some("Hadrut".into()), name_az: Some("Hadrut".into()), ..place };
        assert_eq!(place_label(&hadrut, NameStyle::Both, Lang::En), "Hadrut");
    }
}
