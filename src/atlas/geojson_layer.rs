//! Reading one GeoJSON FeatureCollection into checked `geo` geometry, reporting every problem
//! with the file and the feature it is in.

use std::collections::BTreeMap;

use geo::{Coord, LineString, MultiLineString, MultiPolygon, Point, Polygon};
use geojson::{GeometryValue as Value, Position};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value as Json};

use super::AtlasErrors;

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

pub(crate) use super::geojson_props::Props;
pub(crate) use super::safe_text::text_problem;

/// Widest a single polygon may be, in degrees of longitude (see [`polygon`]).
pub const MAX_SPAN_DEG: f64 = 180.0;

/// Parses `text` as a FeatureCollection. On failure the reason is pushed to `errs` and `None`
/// returned; features are returned even when some of them are bad, so all errors get reported.
///
/// The file is split into features as raw text first, and each is then read on its own
/// (geojson's own reader), so one bad feature does not hide the others and every message gives
/// the line and column in the file.
pub(crate) fn parse_collection(file: &str, text: &str, errs: &mut AtlasErrors) -> Option<Vec<RawFeature>> {
    if let Some(problem) = nesting_problem(text) {
        errs.push(file, None, problem);
        return None;
    }
    let top: &RawValue = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            errs.push(file, None, format!("not valid JSON: {e}"));
            return None;
        }
    };
    let members: BTreeMap<String, &RawValue> = match serde_json::from_str(top.get()) {
        Ok(m) => m,
        Err(_) => {
            errs.push(file, None, "not GeoJSON: the file is not a JSON object");
            return None;
        }
    };
    match members.get("type").map(|t| serde_json::from_str::<String>(t.get())) {
        Some(Ok(kind)) if kind == "FeatureCollection" => {}
        Some(Ok(other)) => {
            errs.push(file, None, format!("not a GeoJSON FeatureCollection: its \"type\" is \"{other}\""));
            return None;
        }
        Some(Err(_)) => {
            errs.push(file, None, "not GeoJSON: the top-level \"type\" is not a string");
            return None;
        }
        None => {
            errs.push(file, None, "not GeoJSON: the top-level object has no \"type\" member");
            return None;
        }
    }
    let features: Vec<&RawValue> = match members.get("features").map(|f| serde_json::from_str(f.get())) {
        Some(Ok(features)) => features,
        _ => {
            errs.push(file, None, "not GeoJSON: a FeatureCollection needs a \"features\" array");
            return None;
        }
    };
    // Count first, so that a hostile file is refused before any geometry is built.
    if features.len() > super::limits::MAX_FEATURES {
        errs.push(file, None, super::limits::over_limit(features.len(), "features", super::limits::MAX_FEATURES));
        return None;
    }
    let mut positions = 0usize;
    for raw in &features {
        positions = positions.saturating_add(count_positions(raw));
        if positions > MAX_POSITIONS {
            errs.push(file, None, format!("too many positions: over the limit of {MAX_POSITIONS} per file"));
            return None;
        }
    }
    let mut out = Vec::with_capacity(features.len());
    for (index, raw) in features.iter().enumerate() {
        let fallback = format!("feature #{index}");
        let id = peek_id(raw);
        if let Some(problem) = id.as_deref().and_then(super::safe_text::id_problem) {
            errs.push(file, Some(&fallback), format!("its id {problem}"));
        }
        let label = id.clone().map_or(fallback, |id| format!("feature '{id}'"));
        match serde_json::from_str::<geojson::Feature>(raw.get()) {
            Ok(feature) => out.push(RawFeature {
                label,
                id,
                props: feature.properties.unwrap_or_default(),
                geometry: feature.geometry,
            }),
            Err(e) => {
                let (line, column) = position_in_file(text, raw, e.line(), e.column());
                let message = e.to_string();
                let what = plain_feature_problem(raw).unwrap_or_else(|| strip_position(&message).to_owned());
                errs.push(
                    file,
                    Some(&label),
                    format!("not a valid GeoJSON Feature: {what} (line {line}, column {column})"),
                );
            }
        }
    }
    Some(out)
}

/// The GeoJSON geometry types.
pub(crate) const GEOMETRY_TYPES: [&str; 7] =
    ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"];

/// The nearest of `known` to `word`, if it is near enough to be what was meant (a misspelling).
pub(crate) fn did_you_mean<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    let (best, distance) = known
        .iter()
        .map(|k| (*k, strsim::damerau_levenshtein(&word.to_lowercase(), &k.to_lowercase())))
        .min_by_key(|(_, d)| *d)?;
    (distance <= (best.chars().count() / 3).max(1)).then_some(best)
}

/// What is wrong with a feature that GeoJSON's reader refused, in plain words, where the reader's
/// own words would be obscure: a feature or geometry without a `type`, or with a misspelt one, or
/// a coordinate that is not a number. `None` leaves the reader's message.
fn plain_feature_problem(raw: &RawValue) -> Option<String> {
    use super::safe_text::for_terminal;
    let feature: Map<String, Json> = serde_json::from_str(raw.get()).ok()?;
    match feature.get("type") {
        Some(Json::String(s)) if s == "Feature" => {}
        Some(Json::String(s)) => return Some(format!("its \"type\" is \"{}\", not \"Feature\"", for_terminal(s))),
        _ => return Some("it has no \"type\": \"Feature\"".to_owned()),
    }
    let Some(Json::Object(geometry)) = feature.get("geometry") else { return None };
    match geometry.get("type") {
        Some(Json::String(s)) if GEOMETRY_TYPES.contains(&s.as_str()) => {}
        Some(Json::String(s)) => {
            let hint = did_you_mean(s, &GEOMETRY_TYPES).map_or(String::new(), |m| format!(" (did you mean \"{m}\"?)"));
            return Some(format!("its geometry's type \"{}\" is not a GeoJSON geometry{hint}", for_terminal(s)));
        }
        _ => return Some(format!("its geometry has no \"type\" (one of {})", GEOMETRY_TYPES.join(", "))),
    }
    fn has_non_number(v: &Json) -> bool {
        match v {
            Json::Array(items) => items.iter().any(has_non_number),
            Json::Number(_) => false,
            _ => true,
        }
    }
    geometry
        .get("coordinates")
        .filter(|c| has_non_number(c))
        .map(|_| "a coordinate of its geometry is not a number".to_owned())
}

/// Deepest nesting of arrays and objects a file may have (serde_json's own limit for a value tree).
pub const MAX_DEPTH: usize = 128;

/// Says where `text` nests arrays and objects deeper than [`MAX_DEPTH`], if it does: checked before
/// parsing, since raw values are split off without a depth limit.
pub(crate) fn nesting_problem(text: &str) -> Option<String> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let (mut line, mut line_start) = (1usize, 0usize);
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    let column = text.get(line_start..i).map_or(0, |s| s.chars().count()) + 1;
                    return Some(format!(
                        "not valid JSON: nested more than {MAX_DEPTH} deep (line {line}, column {column})"
                    ));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            _ => {}
        }
    }
    None
}

/// The feature's id (or its `id` property) read without reading the feature, so that a feature
/// that is not valid GeoJSON can still be named in its error.
fn peek_id(raw: &RawValue) -> Option<String> {
    #[derive(Deserialize)]
    struct Peek {
        #[serde(default)]
        id: Option<Json>,
        #[serde(default)]
        properties: Option<Json>,
    }
    if !raw.get().starts_with('{') {
        return None;
    }
    let peek: Peek = serde_json::from_str(raw.get()).ok()?;
    peek.id.as_ref().and_then(id_string).or_else(|| peek.properties.as_ref()?.get("id").and_then(id_string))
}

/// Positions (innermost arrays that start with a number) in a feature's geometry, counted without
/// building it; 0 when the geometry is not even arrays (the full read then says why).
fn count_positions(raw: &RawValue) -> usize {
    #[derive(Deserialize)]
    struct Feature {
        #[serde(default)]
        geometry: Option<CountedGeometry>,
    }
    serde_json::from_str::<Feature>(raw.get()).ok().and_then(|f| f.geometry).map_or(0, |g| g.total())
}

/// Positions in a whole GeoJSON document (a FeatureCollection, a Feature or a bare geometry),
/// counted without building anything; 0 when it is not shaped like GeoJSON.
pub(crate) fn count_document_positions(text: &str) -> usize {
    #[derive(Deserialize)]
    struct Feature {
        #[serde(default)]
        geometry: Option<CountedGeometry>,
    }
    #[derive(Deserialize)]
    struct Document {
        #[serde(default)]
        features: Option<Vec<Feature>>,
        #[serde(default)]
        geometry: Option<CountedGeometry>,
        #[serde(flatten)]
        bare: CountedGeometry,
    }
    let Ok(doc) = serde_json::from_str::<Document>(text) else { return 0 };
    let features = doc.features.iter().flatten().filter_map(|f| f.geometry.as_ref()).map(CountedGeometry::total);
    features.chain(doc.geometry.as_ref().map(CountedGeometry::total)).fold(doc.bare.total(), usize::saturating_add)
}

/// A geometry reduced to how many positions it holds.
#[derive(Deserialize)]
struct CountedGeometry {
    #[serde(default)]
    coordinates: Option<Positions>,
    #[serde(default)]
    geometries: Option<Vec<CountedGeometry>>,
}

impl CountedGeometry {
    fn total(&self) -> usize {
        let nested = self.geometries.iter().flatten().map(CountedGeometry::total).fold(0, usize::saturating_add);
        self.coordinates.as_ref().map_or(0, |p| p.0).saturating_add(nested)
    }
}

/// The number of positions under one JSON value, counted while reading it, allocating nothing.
struct Positions(usize);

impl<'de> Deserialize<'de> for Positions {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Positions;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("coordinates")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Positions, A::Error> {
                let mut n = 0usize;
                let mut numbers = false;
                while let Some(Positions(k)) = seq.next_element::<Positions>()? {
                    // A number reads as no positions; an array of numbers is one position.
                    if k == 0 {
                        numbers = true;
                    }
                    n = n.saturating_add(k);
                }
                Ok(Positions(if numbers { n.saturating_add(1) } else { n }))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Positions, E> {
                Ok(Positions(0))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Positions, E> {
                Ok(Positions(0))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Positions, E> {
                Ok(Positions(0))
            }
        }
        d.deserialize_any(Visit)
    }
}

/// The line and column in the whole file of a position (1-based) inside `part`, a slice of `text`.
pub(crate) fn position_in_file(text: &str, part: &RawValue, line: usize, column: usize) -> (usize, usize) {
    let offset = (part.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize).min(text.len());
    let before = text.get(..offset).unwrap_or("");
    let start_line = before.matches('\n').count() + 1;
    let start_column = before.rfind('\n').map_or(before.chars().count(), |i| before[i + 1..].chars().count()) + 1;
    if line <= 1 { (start_line, start_column + column.saturating_sub(1)) } else { (start_line + line - 1, column) }
}

/// A serde_json message without its own " at line L column C" (relative to one feature).
fn strip_position(message: &str) -> &str {
    message.rfind(" at line ").and_then(|i| message.get(..i)).unwrap_or(message)
}

fn id_string(v: &Json) -> Option<String> {
    match v {
        Json::String(s) if !s.is_empty() => Some(s.clone()),
        Json::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn type_name(v: &Value) -> &'static str {
    v.type_name()
}

/// Checks a position: two finite numbers in range (a third, altitude, is allowed and dropped).
fn coord(pos: &Position, what: &str, out: &mut Vec<String>) -> Option<Coord> {
    let pos = pos.as_slice();
    let &[x, y, ..] = pos else {
        out.push(format!("{what} has {} number(s); a position needs longitude and latitude", pos.len()));
        return None;
    };
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

fn ring(positions: &[Position], what: &str, out: &mut Vec<String>) -> Option<LineString> {
    if positions.len() < 4 {
        out.push(format!("{what} has {} position(s); a closed ring needs at least 4", positions.len()));
        return None;
    }
    let mut coords = Vec::with_capacity(positions.len());
    for (i, p) in positions.iter().enumerate() {
        coords.push(coord(p, &format!("{what}, position {i},"), out)?);
    }
    let (Some(&first), Some(&last)) = (coords.first(), coords.last()) else { return None };
    if first != last {
        out.push(format!(
            "{what} is not closed: it starts at ({}, {}) and ends at ({}, {})",
            first.x, first.y, last.x, last.y
        ));
        return None;
    }
    Some(LineString::new(coords))
}

fn polygon(rings: &[Vec<Position>], what: &str, out: &mut Vec<String>) -> Option<Polygon> {
    let Some((shell, holes)) = rings.split_first() else {
        out.push(format!("{what} has no rings"));
        return None;
    };
    let shell = ring(shell, &format!("{what}, outer ring"), out);
    let holes: Vec<_> = holes.iter().enumerate().map(|(i, h)| ring(h, &format!("{what}, hole {i}"), out)).collect();
    let shell = shell?;
    let holes: Option<Vec<_>> = holes.into_iter().collect();
    let polygon = Polygon::new(shell, holes?);
    // A ring wider than half the world is a shape across the antimeridian left uncut, or a band
    // round the world: drawn, it would go the long way round and fill the map.
    if let Some(r) = geo::BoundingRect::bounding_rect(&polygon)
        && r.width() > MAX_SPAN_DEG
    {
        out.push(format!(
            "{what} spans {:.0}° of longitude ({:.1} to {:.1}): a shape that crosses the antimeridian (±180°) must be \
             cut there into parts (RFC 7946 §3.1.9), and no region of an atlas goes round the world",
            r.width(),
            r.min().x,
            r.max().x
        ));
        return None;
    }
    if let Some(problem) = super::polygon_validity::polygon_problem(&polygon) {
        out.push(format!("{what} is not valid: {problem}"));
        return None;
    }
    Some(polygon)
}

/// Reads an area: a Polygon or MultiPolygon with closed, simple rings.
pub(crate) fn area(f: &RawFeature, file: &str, errs: &mut AtlasErrors) -> Option<MultiPolygon> {
    let geometry = geometry(f, file, errs)?;
    let mut problems = Vec::new();
    let result = match &geometry.value {
        Value::Polygon { coordinates: rings } => {
            polygon(rings, "polygon", &mut problems).map(|p| MultiPolygon::new(vec![p]))
        }
        Value::MultiPolygon { coordinates: polys } if polys.is_empty() => {
            problems.push("the MultiPolygon has no polygons: an area needs at least one".to_owned());
            None
        }
        Value::MultiPolygon { coordinates: polys } => {
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
    result.map(|areas| wound_as_rfc_7946_says(areas, f, file, errs))
}

/// Reads an area whose km² are counted (a zone or a region): as [`area`], and its parts may not
/// overlap, or the ground there would be counted twice. (Checked only here: the drawing layers,
/// lakes and countries, may overlap themselves harmlessly, and their large outlines would cost
/// the check most of the loading time.)
pub(crate) fn counted_area(f: &RawFeature, file: &str, errs: &mut AtlasErrors) -> Option<MultiPolygon> {
    let area = area(f, file, errs)?;
    match super::polygon_validity::overlapping_parts(&area) {
        Some(problem) => {
            errs.push(file, Some(&f.label), problem);
            None
        }
        None => Some(area),
    }
}

/// The start of the note said when a file's rings are wound the other way round.
const REWOUND: &str = "rings wound clockwise";

/// The areas with outer rings anticlockwise and holes clockwise, as RFC 7946 says, turned round
/// where they were not (the d3 and world.geo.json convention is the reverse, which RFC 7946 tells
/// readers to accept): read the other way, a ring would be the whole Earth but the area, and give
/// 510 million km². Noted once a file.
fn wound_as_rfc_7946_says(areas: MultiPolygon, f: &RawFeature, file: &str, errs: &mut AtlasErrors) -> MultiPolygon {
    use geo::orient::{Direction, Orient};
    use geo::winding_order::Winding;
    let wrong = areas.0.iter().any(|p| p.exterior().is_cw() || p.interiors().iter().any(Winding::is_ccw));
    if !wrong {
        return areas;
    }
    if !errs.notes().any(|n| n.file == file && n.message.starts_with(REWOUND)) {
        errs.note(
            file,
            Some(&f.label),
            format!(
                "{REWOUND} (the d3 convention; this feature is the first of the file so wound): \
                 turned round, as RFC 7946 asks readers to accept"
            ),
        );
    }
    areas.orient(Direction::Default)
}

/// Reads a point.
pub(crate) fn point(f: &RawFeature, file: &str, errs: &mut AtlasErrors) -> Option<Point> {
    let geometry = geometry(f, file, errs)?;
    let mut problems = Vec::new();
    let result = match &geometry.value {
        Value::Point { coordinates: p } => coord(p, "the point", &mut problems).map(Point::from),
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
    let mut read = |positions: &Vec<Position>, what: String| -> Option<LineString> {
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
        Value::LineString { coordinates: l } => read(l, "the line".into()).map(|l| MultiLineString::new(vec![l])),
        Value::MultiLineString { coordinates: ls } => {
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
