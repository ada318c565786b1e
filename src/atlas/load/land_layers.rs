//! The land's GeoJSON layers: `water.geojson`, `heights.geojson`, `roads.geojson` and
//! `locator.geojson`, read with the same rules as the other layers (every problem named, all of
//! them listed).

use geo::InteriorPoint as _;
use geojson::GeometryValue as Value;
use serde_json::Value as Json;

use super::traditions::TraditionKeys;
use super::{features, name_of};
use crate::atlas::geojson_layer::{self, Props, text_problem};
use crate::atlas::land::{Height, HeightKind, LocatorFeature, LocatorKind, Names, Road, Water, WaterKind, WaterShape};
use crate::atlas::{AtlasErrors, Text};

/// Most other names a feature may carry.
const MAX_OTHER_NAMES: usize = 64;

/// Reads the names of a feature: `name` (required if `required`), its name in each naming
/// tradition (`name_<key>`) and `other_names` (an array of strings).
pub(super) fn names(p: &Props<'_>, required: bool, keys: &TraditionKeys, errs: &mut AtlasErrors) -> Names {
    let name = if required { Some(name_of(p, errs)) } else { p.text("name", errs) };
    if let Some(n) = &name
        && n.0.values().any(|s| s.trim().is_empty())
    {
        errs.push(p.file, Some(&p.f.label), "has an empty \"name\" (leave it out for an unnamed feature)");
    }
    let [name_first, name_second] = keys.read("name", p, errs);
    Names { name, name_first, name_second, other: other_names(p, errs) }
}

/// Reads `other_names`: an array of non-empty strings.
pub(super) fn other_names(p: &Props<'_>, errs: &mut AtlasErrors) -> Vec<String> {
    let label = Some(p.f.label.as_str());
    match p.f.props.get("other_names") {
        None | Some(Json::Null) => Vec::new(),
        Some(Json::Array(items)) => {
            if items.len() > MAX_OTHER_NAMES {
                errs.push(
                    p.file,
                    label,
                    format!("\"other_names\" has {} names, over the limit of {MAX_OTHER_NAMES}", items.len()),
                );
                return Vec::new();
            }
            let mut out = Vec::new();
            for (i, item) in items.iter().enumerate() {
                match item.as_str() {
                    Some(s) if !s.trim().is_empty() => {
                        if let Some(problem) = text_problem(s) {
                            errs.push(p.file, label, format!("\"other_names\"[{i}] {problem}"));
                        }
                        out.push(s.to_owned());
                    }
                    _ => errs.push(p.file, label, format!("\"other_names\"[{i}] is not a non-empty string")),
                }
            }
            out
        }
        Some(_) => {
            errs.push(p.file, label, "\"other_names\" must be an array of strings");
            Vec::new()
        }
    }
}

/// Reads `rank` (1–9, `default` when absent); out-of-range values are errors, not clamped.
pub(super) fn rank(p: &Props<'_>, default: u8, errs: &mut AtlasErrors) -> u8 {
    match p.number("rank", errs) {
        None => default,
        Some(r) if (1.0..=9.0).contains(&r) && r.fract() == 0.0 => r as u8,
        Some(r) => {
            errs.push(p.file, Some(&p.f.label), format!("rank {r} is not a whole number from 1 to 9"));
            default
        }
    }
}

/// Reads a `[lon, lat]` property.
pub(super) fn lonlat(p: &Props<'_>, key: &str, errs: &mut AtlasErrors) -> Option<geo::Point> {
    let v = p.f.props.get(key)?;
    let pair = v.as_array().filter(|a| a.len() == 2).and_then(|a| Some((a.first()?.as_f64()?, a.get(1)?.as_f64()?)));
    match pair {
        Some((lon, lat)) if (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat) => {
            Some(geo::Point::new(lon, lat))
        }
        _ => {
            errs.push(p.file, Some(&p.f.label), format!("\"{key}\" must be [longitude, latitude] in degrees"));
            None
        }
    }
}

fn kind<T: Copy>(p: &Props<'_>, choices: &[(&str, T)], default: Option<T>, errs: &mut AtlasErrors) -> Option<T> {
    let list = choices.iter().map(|(k, _)| *k).collect::<Vec<_>>().join(", ");
    match p.string("kind", errs) {
        None if default.is_some() => default,
        None => {
            errs.push(p.file, Some(&p.f.label), format!("has no \"kind\" ({list})"));
            None
        }
        Some(k) => {
            let found = choices.iter().find(|(name, _)| *name == k).map(|&(_, v)| v);
            if found.is_none() {
                errs.push(p.file, Some(&p.f.label), format!("unknown kind \"{k}\" ({list})"));
            }
            found
        }
    }
}

/// Reads `water.geojson`.
pub(super) fn read_water(file: &str, text: &str, keys: &TraditionKeys, errs: &mut AtlasErrors) -> Vec<Water> {
    let mut out = Vec::new();
    for f in features(file, text, errs) {
        let p = Props { f: &f, file };
        let names = names(&p, false, keys, errs);
        let kind = kind(
            &p,
            &[("river", WaterKind::River), ("lake", WaterKind::Lake), ("reservoir", WaterKind::Reservoir)],
            None,
            errs,
        );
        let rank = rank(&p, 3, errs);
        let note = p.text("note", errs).unwrap_or_default();
        let shape = match f.geometry.as_ref().map(|g| &g.value) {
            Some(Value::LineString { .. } | Value::MultiLineString { .. }) => {
                geojson_layer::line(&f, file, errs).map(WaterShape::Line)
            }
            Some(Value::Point { .. }) => geojson_layer::point(&f, file, errs).map(WaterShape::Point),
            _ => geojson_layer::area(&f, file, errs).map(WaterShape::Area),
        };
        if let (Some(WaterShape::Line(_)), Some(WaterKind::Lake | WaterKind::Reservoir)) = (&shape, kind) {
            errs.push(file, Some(&f.label), "a lake or reservoir must be a Polygon, a MultiPolygon or a Point");
            continue;
        }
        if let (Some(WaterShape::Area(_) | WaterShape::Point(_)), Some(WaterKind::River)) = (&shape, kind) {
            errs.push(file, Some(&f.label), "a river must be a LineString or a MultiLineString");
            continue;
        }
        if let (Some(id), Some(kind), Some(shape)) = (f.id.clone(), kind, shape) {
            out.push(Water { id, names, kind, rank, note, shape });
        }
    }
    out
}

/// Reads `heights.geojson`.
pub(super) fn read_heights(file: &str, text: &str, keys: &TraditionKeys, errs: &mut AtlasErrors) -> Vec<Height> {
    let mut out = Vec::new();
    for f in features(file, text, errs) {
        let p = Props { f: &f, file };
        let names = names(&p, true, keys, errs);
        let kind = kind(
            &p,
            &[("peak", HeightKind::Peak), ("range", HeightKind::Range), ("plateau", HeightKind::Plateau)],
            Some(HeightKind::Peak),
            errs,
        );
        let elevation_m = p.number("elevation_m", errs);
        if elevation_m.is_some_and(|m| !(-1_000.0..=9_000.0).contains(&m)) {
            errs.push(file, Some(&f.label), "elevation_m must be a height in metres, from -1000 to 9000");
        }
        let note = p.text("note", errs).unwrap_or_default();
        if let (Some(id), Some(kind), Some(point)) = (f.id.clone(), kind, geojson_layer::point(&f, file, errs)) {
            out.push(Height { id, names, kind, elevation_m, note, point });
        }
    }
    out
}

/// Reads `roads.geojson`.
pub(super) fn read_roads(file: &str, text: &str, keys: &TraditionKeys, errs: &mut AtlasErrors) -> Vec<Road> {
    let mut out = Vec::new();
    for f in features(file, text, errs) {
        let p = Props { f: &f, file };
        let names = names(&p, true, keys, errs);
        kind(&p, &[("road", ())], Some(()), errs);
        let (valid_from, valid_to) = super::valid_span(&p, errs);
        let schematic = p.bool("schematic", errs);
        let note = p.text("note", errs).unwrap_or_default();
        if let (Some(id), Some(geometry)) = (f.id.clone(), geojson_layer::line(&f, file, errs)) {
            out.push(Road { id, names, schematic, valid_from, valid_to, note, geometry });
        }
    }
    out
}

/// Reads `locator.geojson`.
pub(super) fn read_locator(file: &str, text: &str, errs: &mut AtlasErrors) -> Vec<LocatorFeature> {
    let mut out = Vec::new();
    for f in features(file, text, errs) {
        let p = Props { f: &f, file };
        let name: Text = name_of(&p, errs);
        let kind = kind(&p, &[("country", LocatorKind::Country), ("sea", LocatorKind::Sea)], None, errs);
        let label_at = lonlat(&p, "label_at", errs);
        let (area, point) = match f.geometry.as_ref().map(|g| &g.value) {
            Some(Value::Point { .. }) => (None, geojson_layer::point(&f, file, errs)),
            _ => {
                let area = geojson_layer::area(&f, file, errs);
                let inside = area.as_ref().and_then(|a| a.interior_point());
                (area, inside)
            }
        };
        if let (Some(id), Some(kind), Some(at)) = (f.id.clone(), kind, label_at.or(point)) {
            out.push(LocatorFeature { id, name, kind, area, label_at: at });
        }
    }
    out
}
