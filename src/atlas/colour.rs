//! Colours written as hex in atlas and overlay files.

/// Which hex forms a file may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HexForms {
    /// `#rrggbb` only (atlas files, whose format says so).
    Long,
    /// `#rrggbb` or `#rgb` (simplestyle, which GeoJSON overlays use).
    LongOrShort,
}

/// An sRGB colour from `#rrggbb` (or `#rgb` where `forms` allows it).
pub fn parse_hex_colour(s: &str, forms: HexForms) -> Option<[u8; 3]> {
    let hex = s.strip_prefix('#')?;
    if !hex.is_ascii() {
        return None;
    }
    let long: String = match hex.len() {
        6 => hex.to_owned(),
        3 if forms == HexForms::LongOrShort => hex.chars().flat_map(|c| [c, c]).collect(),
        _ => return None,
    };
    let byte = |i: usize| long.get(i..i + 2).and_then(|b| u8::from_str_radix(b, 16).ok());
    Some([byte(0)?, byte(2)?, byte(4)?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_and_short_forms() {
        assert_eq!(parse_hex_colour("#cc3333", HexForms::Long), Some([0xcc, 0x33, 0x33]));
        assert_eq!(parse_hex_colour("#f00", HexForms::Long), None, "atlas files use #rrggbb");
        assert_eq!(parse_hex_colour("#f00", HexForms::LongOrShort), Some([0xff, 0, 0]));
        for bad in ["crimson", "#12345g", "#ééé", "", "#", "123456"] {
            assert_eq!(parse_hex_colour(bad, HexForms::LongOrShort), None, "{bad}");
        }
    }
}
