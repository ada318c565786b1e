//! The command line's own value types, parsed by clap: sizes, views, languages, naming traditions
//! and picture formats. A bad value is refused by clap with its own message and exit code 2.

use std::str::FromStr;

use clap::ValueEnum;
use clap::builder::PossibleValue;

use crate::export::{ImageFormat, PICTURE_SIDES};
use crate::i18n::Lang;
use crate::scene::NameStyle;

/// A picture size, `WIDTHxHEIGHT`, each side within [`PICTURE_SIDES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

impl FromStr for Size {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (w, h) =
            s.split_once(['x', 'X', '×']).ok_or(format!("size \"{s}\" is not WIDTHxHEIGHT, e.g. 1920x1080"))?;
        let side = |v: &str| v.trim().parse::<u32>().ok().filter(|n| PICTURE_SIDES.contains(n));
        match (side(w), side(h)) {
            (Some(width), Some(height)) => Ok(Size { width, height }),
            _ => Err(format!(
                "size \"{s}\": width and height must be whole numbers from {} to {}",
                PICTURE_SIDES.start(),
                PICTURE_SIDES.end()
            )),
        }
    }
}

/// Where the viewer opens: `LON,LAT,ZOOM`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewArg {
    /// Longitude of the centre.
    pub lon: f64,
    /// Latitude of the centre.
    pub lat: f64,
    /// Zoom (1 shows the whole atlas).
    pub zoom: f32,
}

impl FromStr for ViewArg {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let parts: Vec<&str> = s.split(',').map(str::trim).collect();
        let [lon, lat, zoom] = parts[..] else {
            return Err(format!("\"{s}\" is not LON,LAT,ZOOM (e.g. 46.75,39.82,4)"));
        };
        let number = |v: &str, what: &str| {
            v.parse::<f64>().ok().filter(|x| x.is_finite()).ok_or(format!("{what} \"{v}\" is not a number"))
        };
        let (lon, lat, zoom) = (number(lon, "longitude")?, number(lat, "latitude")?, number(zoom, "zoom")?);
        if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
            return Err(format!("{lon},{lat} is not a longitude and latitude"));
        }
        if zoom <= 0.0 {
            return Err(format!("zoom {zoom} must be positive"));
        }
        Ok(ViewArg { lon, lat, zoom: zoom as f32 })
    }
}

impl ValueEnum for Lang {
    fn value_variants<'a>() -> &'a [Self] {
        &Lang::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.code()).help(self.name()))
    }
}

impl ValueEnum for NameStyle {
    fn value_variants<'a>() -> &'a [Self] {
        &NameStyle::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            NameStyle::International => PossibleValue::new(self.code()).help("English / international names"),
            NameStyle::Both => PossibleValue::new(self.code()),
            NameStyle::First => PossibleValue::new(self.code()).help("the atlas's first naming tradition"),
            NameStyle::Second => PossibleValue::new(self.code()).help("the atlas's second naming tradition"),
        })
    }
}

impl ValueEnum for ImageFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &[ImageFormat::Png, ImageFormat::Svg, ImageFormat::Pdf, ImageFormat::Html]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.extension()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_views_say_what_is_wrong() {
        assert_eq!("1920x1080".parse::<Size>(), Ok(Size { width: 1920, height: 1080 }));
        assert!("100x100".parse::<Size>().is_err_and(|e| e.contains("200 to 8000")));
        assert!("1920".parse::<Size>().is_err_and(|e| e.contains("WIDTHxHEIGHT")));
        assert_eq!("46.75, 39.82, 4".parse::<ViewArg>().map(|v| v.zoom), Ok(4.0));
        assert!("46.75,99,4".parse::<ViewArg>().is_err());
        assert!("46.75,39.82,0".parse::<ViewArg>().is_err_and(|e| e.contains("positive")));
        assert!("46.75,39.82".parse::<ViewArg>().is_err_and(|e| e.contains("LON,LAT,ZOOM")));
    }
}

/// The land's layers as the command line sets them: `--layers LIST` names exactly the layers
/// shown, and `--relief on|off` turns the relief on or off on top of that.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct LayerArgs {
    /// The layers shown, comma-separated: relief, tint, water, heights, roads, settlements, grid
    /// (or all, none). Default: the remembered ones in the window, all but tint in exports.
    #[arg(long, value_parser = crate::scene::MapLayers::parse_list)]
    pub layers: Option<crate::scene::MapLayers>,
    /// Show the relief (hillshade), on or off.
    #[arg(long, value_parser = on_off)]
    pub relief: Option<bool>,
}

impl LayerArgs {
    /// The layers asked for, starting from `base` where nothing is said.
    pub fn resolve(&self, base: crate::scene::MapLayers) -> crate::scene::MapLayers {
        let mut layers = self.layers.unwrap_or(base);
        if let Some(on) = self.relief {
            layers.relief = on;
        }
        layers
    }

    /// Whether anything was said.
    pub fn given(&self) -> bool {
        self.layers.is_some() || self.relief.is_some()
    }
}

/// Parses `on` or `off`.
pub fn on_off(s: &str) -> Result<bool, String> {
    match s {
        "on" => Ok(true),
        "off" => Ok(false),
        other => Err(format!("\"{other}\" is neither on nor off")),
    }
}
