//! Reading one GeoJSON FeatureCollection into checked `geo` geometry, reporting every problem
//! with the file and the feature it is in.

use geo::{Coord, LineString, MultiLineString, MultiPolygon, Point, Polygon, Validation};
use geojson::{GeoJson, Value};
use serde_json::{Map, Value as Json};

use super::{AtlasErrors, Text};

/// A feature as read, before its layer interprets the properties.
pub(crate) struct RawFeature {
    /// How errors name the feature: its id, or `feature #index` when it has none.
    pub label: String,
    pub id: Option<String>,
    pub props: Map<String, Json>,
    pub geometry: Option<geojson::Geometry>,
}

/// Most positions a single file may hold: a whole country's districts at fine detail fit in far
/// fewer, and the limit keeps memory and time bounded on a hostile file.
pub const MAX_POSITIONS: usize = 5_000_000;

/// Longest text a property may hold, in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// Counts the positions (innermost arrays of numbers) under a GeoJSON value.
fn count_positions(v: &Json) -> usize {
    match v {
        Json::Array(items) if items.first().is_some_and(Json::is_number) => 1,
        Json::Array(items) => items.iter().map(count_positions).sum(),
        Json::Object(map) => map
            .iter()
            .filter(|(k, _)| *k == "coordinates" || *k == "geometry" || *k == "geometries" || *k == "features")
            .map(|(_, v)| count_positions(v))
            .sum(),
        _ => 0,
    }
}

/// Says what is wrong with a text, if anything: too long, or holding control characters.
pub(crate) fn text_problem(s: &str) -> Option<String> {
    let n = s.chars().count();
    if n > MAX_TEXT_CHARS {
        return Some(format!("is {n} characters long, over the limit of {MAX_TEXT_CHARS}"));
    }
    s.chars()
        .find(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
        .map(|c| format!("contains the control character U+{:04X}", u32::from(c)))
}

/// Parses `text` as a FeatureCollection. On failure the reason is pushed to `errs` and `None`
/// returned; features are returned even when some of them are bad, so all errors get reported.
pub(crate) fn parse_collection(file: &str, text: &str, errs: &mut AtlasErrors) -> Option<Vec<RawFeature>> {
    let json: Json = match serde_json::from_str(text) {
        Ok(json) => json,
        Err(e) => {
            errs.push(file, None, format!("not valid JSON: {e}"));
            return None;
        }
    };
    let kind = json.get("type").and_then(Json::as_str).map(str::to_owned);
    match kind.as_deref() {
        Some("FeatureCollection") => {}
        Some(other) => {
            errs.push(file, None, format!("not a GeoJSON FeatureCollection: its \"type\" is \"{other}\""));
            return None;
        }
        None => {
            errs.push(file, None, "not GeoJSON: the top-level object has no \"type\" member");
            return None;
        }
    }
    // Check each feature on its own, so that one bad feature does not hide the others.
    let Some(features) = json.get("features").and_then(Json::as_array) else {
        errs.push(file, None, "not GeoJSON: a FeatureCollection needs a \"features\" array");
        return None;
    };
    let positions = count_positions(&json);
    if positions > MAX_POSITIONS {
        errs.push(file, None, format!("too many positions: {positions}, over the limit of {MAX_POSITIONS} per file"));
        return None;
    }
    let mut out = Vec::with_capacity(features.len());
    for (index, value) in features.iter().enumerate() {
        let fallback = format!("feature #{index}");
        let id = value
            .get("id")
            .and_then(id_string)
            .or_else(|| value.get("properties").and_then(|p| p.get("id")).and_then(id_string));
        let label = id.clone().map_or(fallback, |id| format!("feature '{id}'"));
        let feature = match GeoJson::from_json_value(value.clone()) {
            Ok(GeoJson::Feature(feature)) => feature,
            Ok(_) => {
                errs.push(file, Some(&label), "not a GeoJSON Feature");
                continue;
            }
            Err(e) => {
                errs.push(file, Some(&label), format!("not a valid GeoJSON Feature: {e}"));
                continue;
            }
        };
        out.push(RawFeature { label, id, props: feature.properties.unwrap_or_default(), geometry: feature.geometry });
    }
    Some(out)
}

fn id_string(v: &Json) -> Option<String> {
    match v {
        Json::String(s) if !s.is_empty() => Some(s.clone()),
        Json::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Point(_) => "Point",
        Value::MultiPoint(_) => "MultiPoint",
        Value::LineString(_) => "LineString",
        Value::MultiLineString(_) => "MultiLineString",
        Value::Polygon(_) => "Polygon",
        Value::MultiPolygon(_) => "MultiPolygon",
        Value::GeometryCollection(_) => "GeometryCollection",
    }
}

/// Checks a position: two finite numbers in range (a third, altitude, is allowed and dropped).
fn coord(pos: &[f64], what: &str, out: &mut Vec<String>) -> Option<Coord> {
    if pos.len() < 2 {
        out.push(format!("{what} has {} number(s); a position needs longitude and latitude", pos.len()));
        return None;
    }
    let (x, y) = (pos[0], pos[1]);
    if !x.is_finite() || !y.is_finite() {
        out.push(format!("{what} is not a finite number ({x}, {y})"));
        return None;
    }
    if !(-180.0..=180.0).contains(&x) || !(-90.0..=90.0).contains(&y) {
        out.push(format!(
            "{what} ({x}, {y}) is out of range: longitude must be within ±180 and latitude within ±90 (GeoJSON is lon, lat)"
        ));
        return None;
    }
    Some(Coord { x, y })
}

fn ring(positions: &[Vec<f64>], what: &str, out: &mut Vec<String>) -> Option<LineString> {
    if positions.len() < 4 {
        out.push(format!("{what} has {} position(s); a closed ring needs at least 4", positions.len()));
        return None;
    }
    let mut coords = Vec::with_capacity(positions.len());
    for (i, p) in positions.iter().enumerate() {
        coords.push(coord(p, &format!("{what}, position {i},"), out)?);
    }
    let (first, last) = (coords[0], coords[coords.len() - 1]);
    if first != last {
        out.push(format!(
            "{what} is not closed: it starts at ({}, {}) and ends at ({}, {})",
            first.x, first.y, last.x, last.y
        ));
        return None;
    }
    Some(LineString::new(coords))
}

fn polygon(rings: &[Vec<Vec<f64>>], what: &str, out: &mut Vec<String>) -> Option<Polygon> {
    let Some((shell, holes)) = rings.split_first() else {
        out.push(format!("{what} has no rings"));
        return None;
    };
    let shell = ring(shell, &format!("{what}, outer ring"), out);
    let holes: Vec<_> = holes.iter().enumerate().map(|(i, h)| ring(h, &format!("{what}, hole {i}"), out)).collect();
    let shell = shell?;
    let holes: Option<Vec<_>> = holes.into_iter().collect();
    let polygon = Polygon::new(shell, holes?);
    if let Some(problem) = polygon.validation_errors().into_iter().next() {
        out.push(format!("{what} is not a valid polygon: {problem}"));
        return None;
    }
    Some(polygon)
}

/// Reads an area: a Polygon or MultiPolygon with closed, simple rings.
pub(crate) fn area(f: &RawFeature, file: &str, errs: &mut AtlasErrors) -> Option<MultiPolygon> {
    let geometry = geometry(f, file, errs)?;
    let mut problems = Vec::new();
    let result = match &geometry.value {
        Value::Polygon(rings) => polygon(rings, "polygon", &mut problems).map(|p| MultiPolygon::new(vec![p])),
        Value::MultiPolygon(polys) => {
            let parts: Vec<_> = polys
                .iter()
                .enumerate()
                .map(|(i, rings)| polygon(rings, &format!("polygon {i}"), &mut problems))
                .collect();
            parts.into_iter().collect::<Option<Vec<_>>>().map(MultiPolygon::new)
        }
        other => {
            problems.push(format!("wrong geometry type: expected Polygon or MultiPolygon, found {}", type_name(other)));
            None
        }
    };
    report(f, file, errs, problems);
    result
}

/// Reads a point.
pub(crate) fn point(f: &RawFeature, file: &str, errs: &mut AtlasErrors) -> Option<Point> {
    let geometry = geometry(f, file, errs)?;
    let mut problems = Vec::new();
    let result = match &geometry.value {
        Value::Point(p) => coord(p, "the point", &mut problems).map(Point::from),
        other => {
            problems.push(format!("wrong geometry type: expected Point, found {}", type_name(other)));
            None
        }
    };
    report(f, file, errs, problems);
    result
}

/// Reads a line: a LineString or MultiLineString of at least two positions each.
pub(crate) fn line(f: &RawFeature, file: &str, errs: &mut AtlasErrors) -> Option<MultiLineString> {
    let geometry = geometry(f, file, errs)?;
    let mut problems = Vec::new();
    let mut read = |positions: &Vec<Vec<f64>>, what: String| -> Option<LineString> {
        if positions.len() < 2 {
            problems.push(format!("{what} has {} position(s); a line needs at least 2", positions.len()));
            return None;
        }
        let coords: Option<Vec<_>> = positions
            .iter()
            .enumerate()
            .map(|(i, p)| coord(p, &format!("{what}, position {i},"), &mut problems))
            .collect();
        coords.map(LineString::new)
    };
    let result = match &geometry.value {
        Value::LineString(l) => read(l, "the line".into()).map(|l| MultiLineString::new(vec![l])),
        Value::MultiLineString(ls) => {
            let parts: Vec<_> = ls.iter().enumerate().map(|(i, l)| read(l, format!("line {i}"))).collect();
            parts.into_iter().collect::<Option<Vec<_>>>().map(MultiLineString::new)
        }
        other => {
            problems.push(format!(
                "wrong geometry type: expected LineString or MultiLineString, found {}",
                type_name(other)
            ));
            None
        }
    };
    report(f, file, errs, problems);
    result
}

fn geometry<'a>(f: &'a RawFeature, file: &str, errs: &mut AtlasErrors) -> Option<&'a geojson::Geometry> {
    if f.geometry.is_none() {
        errs.push(file, Some(&f.label), "has no geometry (null)");
    }
    f.geometry.as_ref()
}

fn report(f: &RawFeature, file: &str, errs: &mut AtlasErrors, problems: Vec<String>) {
    for p in problems {
        errs.push(file, Some(&f.label), p);
    }
}

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
