//! Plain GeoJSON files shown over an atlas: a teacher's own markers, a QGIS or geojson.io export.
//! Any RFC 7946 object is accepted (a FeatureCollection, a Feature or a bare geometry; points,
//! lines, polygons, multi-geometries and collections; with or without ids), styled from the
//! simplestyle properties if present. What RFC 7946 tells a reader to tolerate is tolerated (a third
//! coordinate, any winding, foreign members, null geometries); what it forbids is refused with an
//! error naming the feature (positions out of range, unclosed or too short rings).

use geo::{Coord, Geometry, GeometryCollection, LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon};
use geojson::{GeometryValue as Value, Position};

use super::geojson_layer::{MAX_POSITIONS, count_document_positions, nesting_problem, text_problem};
use super::{AtlasErrors, MAX_FILE_BYTES};

/// A plain GeoJSON file read as an overlay.
#[derive(Clone, Debug)]
pub struct Overlay {
    /// The file's name, for the legend.
    pub name: String,
    /// Its features that have a geometry.
    pub features: Vec<OverlayFeature>,
    /// The features left out, each with its own problem (the others are shown).
    pub left_out: AtlasErrors,
    /// What was tolerated and changed, for the reader (coordinates a hair past ±180° clamped).
    pub notes: Vec<String>,
}

/// One feature: where, its label, and its simplestyle colours.
#[derive(Clone, Debug)]
pub struct OverlayFeature {
    /// Where it is, longitude and latitude.
    pub geometry: Geometry,
    /// Its `name` or `title`.
    pub label: Option<String>,
    /// Its `stroke` (or `marker-color`), sRGB.
    pub stroke: [u8; 3],
    /// Its `stroke-width`, points.
    pub stroke_width: f32,
    /// Its `fill` with `fill-opacity`, sRGBA.
    pub fill: Option<[u8; 4]>,
}

fn colour(s: &str) -> Option<[u8; 3]> {
    super::colour::parse_hex_colour(s, super::colour::HexForms::LongOrShort)
}

/// How far past ±180° or ±90° a coordinate may lie and still be taken as the edge: the float
/// noise of a conversion (Natural Earth's own 1:110m files have longitudes of 180.00000000000014).
pub const EDGE_NOISE_DEG: f64 = 1e-9;

/// What reading a feature's geometry found: its problems, and how many coordinates were clamped.
#[derive(Default)]
struct Found {
    problems: Vec<String>,
    clamped: usize,
}

/// Reads and checks coordinates, dropping a third (altitude) value as RFC 7946 allows, and taking
/// a coordinate within [`EDGE_NOISE_DEG`] past the edge as the edge.
fn coord(p: &Position, found: &mut Found) -> Option<Coord> {
    let p = p.as_slice();
    let edge = |v: f64, limit: f64, clamped: &mut usize| {
        if v.abs() > limit && v.abs() <= limit + EDGE_NOISE_DEG {
            *clamped += 1;
            v.clamp(-limit, limit)
        } else {
            v
        }
    };
    match p {
        [x, y, ..] if x.is_finite() && y.is_finite() => {
            let (x, y) = (edge(*x, 180.0, &mut found.clamped), edge(*y, 90.0, &mut found.clamped));
            if (-180.0..=180.0).contains(&x) && (-90.0..=90.0).contains(&y) {
                return Some(Coord { x, y });
            }
            found.problems.push(format!("position ({x}, {y}) is out of range (longitude ±180, latitude ±90)"));
            None
        }
        [x, y, ..] => {
            found.problems.push(format!("position ({x}, {y}) is not a pair of finite numbers"));
            None
        }
        _ => {
            found.problems.push(format!("a position has {} number(s); it needs longitude and latitude", p.len()));
            None
        }
    }
}

fn line(ps: &[Position], found: &mut Found) -> Option<LineString> {
    let coords: Option<Vec<Coord>> = ps.iter().map(|p| coord(p, found)).collect();
    let coords = coords?;
    if coords.len() < 2 {
        found.problems.push("a line needs at least 2 positions".into());
        return None;
    }
    Some(LineString::new(coords))
}

fn polygon(rings: &[Vec<Position>], found: &mut Found) -> Option<Polygon> {
    let mut lines = Vec::new();
    for r in rings {
        let l = line(r, found)?;
        if l.0.len() < 4 {
            found.problems.push(format!("a ring has {} position(s); a closed ring needs at least 4", l.0.len()));
            return None;
        }
        if !l.is_closed() {
            found.problems.push("a ring is not closed: its first and last positions differ".into());
            return None;
        }
        lines.push(l);
    }
    let (shell, holes) = lines.split_first()?;
    Some(Polygon::new(shell.clone(), holes.to_vec()))
}

fn geometry(v: &Value, found: &mut Found, depth: usize) -> Option<Geometry> {
    Some(match v {
        Value::Point { coordinates: p } => Geometry::Point(Point::from(coord(p, found)?)),
        Value::MultiPoint { coordinates: ps } => {
            Geometry::MultiPoint(MultiPoint::new(ps.iter().filter_map(|p| coord(p, found).map(Point::from)).collect()))
        }
        Value::LineString { coordinates: l } => Geometry::LineString(line(l, found)?),
        Value::MultiLineString { coordinates: ls } => {
            Geometry::MultiLineString(MultiLineString::new(ls.iter().filter_map(|l| line(l, found)).collect()))
        }
        Value::Polygon { coordinates: rings } => Geometry::Polygon(polygon(rings, found)?),
        Value::MultiPolygon { coordinates: ps } => {
            Geometry::MultiPolygon(MultiPolygon::new(ps.iter().filter_map(|p| polygon(p, found)).collect()))
        }
        Value::GeometryCollection { geometries: gs } if depth < 8 => Geometry::GeometryCollection(
            GeometryCollection::new_from(gs.iter().filter_map(|g| geometry(&g.value, found, depth + 1)).collect()),
        ),
        Value::GeometryCollection { geometries: _ } => {
            found.problems.push("geometry collections nested more than 8 deep".into());
            return None;
        }
    })
}

/// Reads `text` (the contents of the file called `name`) as an overlay, feature by feature: a bad
/// feature is left out with its own problem (named by its id or index) and the others are shown.
/// The whole file is refused only when it is not GeoJSON at all, is over the limits, or none of
/// its features can be drawn while some were refused.
pub fn read_overlay(name: &str, text: &str) -> Result<Overlay, AtlasErrors> {
    let mut errs = AtlasErrors::default();
    if text.len() as u64 > MAX_FILE_BYTES {
        errs.push(name, None, format!("too large: over the limit of {} MB", MAX_FILE_BYTES / 1024 / 1024));
        return Err(errs);
    }
    if let Some(problem) = nesting_problem(text) {
        errs.push(name, None, problem);
        return Err(errs);
    }
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        errs.push(name, None, format!("not valid JSON: {e}"));
        return Err(errs);
    }
    // Counted before anything is built, so a hostile file costs no more than reading it.
    let positions = count_document_positions(text);
    if positions > MAX_POSITIONS {
        errs.push(name, None, format!("too many positions: {positions}, over the limit of {MAX_POSITIONS}"));
        return Err(errs);
    }
    // A single Feature or a bare geometry is read as a collection of one.
    let wrapped;
    let collection = match top_type(text) {
        Ok(kind) if kind == "FeatureCollection" => text,
        Ok(kind) if kind == "Feature" => {
            wrapped = format!("{{\"type\":\"FeatureCollection\",\"features\":[{text}]}}");
            &wrapped
        }
        Ok(kind) if GEOMETRY_TYPES.contains(&kind.as_str()) => {
            wrapped = format!(
                "{{\"type\":\"FeatureCollection\",\"features\":[{{\"type\":\"Feature\",\"properties\":null,\"geometry\":{text}}}]}}"
            );
            &wrapped
        }
        Ok(other) => {
            errs.push(
                name,
                None,
                format!(
                    "not GeoJSON: its \"type\" is \"{}\"; a GeoJSON file is a FeatureCollection, a Feature or a geometry ({})",
                    super::safe_text::for_terminal(&other),
                    GEOMETRY_TYPES.join(", ")
                ),
            );
            return Err(errs);
        }
        Err(problem) => {
            errs.push(name, None, problem);
            return Err(errs);
        }
    };
    let mut left_out = AtlasErrors::default();
    let Some(features) = super::geojson_layer::parse_collection(name, collection, &mut left_out) else {
        return Err(left_out);
    };
    let mut out = Vec::new();
    let mut clamped = 0;
    for f in &features {
        // A feature with no geometry is unlocated: allowed, and not drawn.
        let Some(g) = &f.geometry else { continue };
        let mut found = Found::default();
        let geometry = geometry(&g.value, &mut found, 0);
        clamped += found.clamped;
        let text_of = |k: &str| f.props.get(k).and_then(|v| v.as_str()).map(str::to_owned);
        let title = text_of("name").or_else(|| text_of("title"));
        if let Some(problem) = title.as_deref().and_then(text_problem) {
            found.problems.push(format!("its name {problem}"));
        }
        if !found.problems.is_empty() {
            for p in found.problems {
                left_out.push(name, Some(&f.label), p);
            }
            continue;
        }
        let Some(geometry) = geometry else { continue };
        let stroke = text_of("stroke")
            .or_else(|| text_of("marker-color"))
            .and_then(|c| colour(&c))
            .unwrap_or([0x55, 0x33, 0x99]);
        let width = f.props.get("stroke-width").and_then(serde_json::Value::as_f64);
        let stroke_width = width.filter(|w| w.is_finite()).unwrap_or(2.0).clamp(0.5, 12.0) as f32;
        let fill = text_of("fill").and_then(|c| colour(&c)).map(|[r, g, b]| {
            let a = f.props.get("fill-opacity").and_then(serde_json::Value::as_f64).unwrap_or(0.3);
            let a = if a.is_finite() { a.clamp(0.0, 1.0) } else { 0.3 };
            [r, g, b, (a * 255.0) as u8]
        });
        out.push(OverlayFeature { geometry, label: title, stroke, stroke_width, fill });
    }
    if out.is_empty() && !left_out.is_empty() {
        return Err(left_out);
    }
    let mut notes = Vec::new();
    if clamped > 0 {
        notes.push(format!("{clamped} coordinate(s) a hair past ±180° or ±90° (float noise) taken as the edge"));
    }
    Ok(Overlay { name: name.to_owned(), features: out, left_out, notes })
}

use super::geojson_layer::GEOMETRY_TYPES;

/// The top-level object's `type`, or what is wrong with it.
fn top_type(text: &str) -> Result<String, String> {
    #[derive(serde::Deserialize)]
    struct Top {
        #[serde(rename = "type", default)]
        kind: Option<serde_json::Value>,
    }
    let top: Top = serde_json::from_str(text).map_err(|_| "not GeoJSON: the file is not a JSON object".to_owned())?;
    match top.kind {
        Some(serde_json::Value::String(s)) => Ok(s),
        Some(serde_json::Value::Null) | None => Err(
            "not GeoJSON: the top-level object has no \"type\"; a GeoJSON file says whether it is a FeatureCollection, a Feature or a geometry".to_owned(),
        ),
        Some(_) => Err("not GeoJSON: the top-level \"type\" is not a string".to_owned()),
    }
}

/// Reads the file at `path` as an overlay.
pub fn load_overlay(path: &std::path::Path) -> Result<Overlay, AtlasErrors> {
    let shown = path.display().to_string();
    let mut errs = AtlasErrors::default();
    match std::fs::metadata(path) {
        // Opening a named pipe would wait for a writer forever.
        Ok(m) if !m.is_file() => {
            errs.push(&shown, None, "is not a plain file (a folder, a named pipe or a device): it is not read");
            return Err(errs);
        }
        Ok(m) if m.len() > MAX_FILE_BYTES => {
            errs.push(
                &shown,
                None,
                format!(
                    "too large: {:.1} MB, over the limit of {} MB",
                    m.len() as f64 / 1e6,
                    MAX_FILE_BYTES / 1024 / 1024
                ),
            );
            return Err(errs);
        }
        Err(e) => {
            errs.push(&shown, None, format!("cannot be read: {e}"));
            return Err(errs);
        }
        Ok(_) => {}
    }
    match std::fs::read(path).map(String::from_utf8) {
        Ok(Ok(text)) => read_overlay(&shown, text.strip_prefix('\u{feff}').unwrap_or(&text)),
        Ok(Err(_)) => {
            errs.push(&shown, None, "not UTF-8 text");
            Err(errs)
        }
        Err(e) => {
            errs.push(&shown, None, format!("cannot be read: {e}"));
            Err(errs)
        }
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn tolerant_of_what_rfc_7946_allows_strict_about_the_rest() {
        let ok = r##"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"name":"School","marker-color":"#f00"},"geometry":{"type":"Point","coordinates":[46.75,39.82,850]}},
          {"type":"Feature","properties":null,"geometry":{"type":"Polygon","coordinates":[[[46,39],[46,40],[47,40],[47,39],[46,39]]]},"foreign":1},
          {"type":"Feature","properties":{},"geometry":null},
          {"type":"Feature","geometry":{"type":"GeometryCollection","geometries":[{"type":"LineString","coordinates":[[46,39],[47,40]]}]},"properties":{"stroke":"#00ff00","stroke-width":4}}
        ]}"##;
        let o = read_overlay("mine.geojson", ok).expect("accepted");
        assert_eq!(o.features.len(), 3);
        assert_eq!(o.features[0].label.as_deref(), Some("School"));
        assert_eq!(o.features[0].stroke, [255, 0, 0]);
        assert!(read_overlay("g.geojson", r#"{"type":"Point","coordinates":[46,39]}"#).is_ok());
        let bad = read_overlay(
            "bad.geojson",
            r#"{"type":"Feature","id":7,"properties":{},"geometry":{"type":"Point","coordinates":[200,39]}}"#,
        );
        let e = bad.expect_err("refused");
        assert_eq!(e.0[0].file, "bad.geojson");
        assert_eq!(e.0[0].feature.as_deref(), Some("feature '7'"));
        assert!(e.0[0].message.contains("out of range"));
        assert!(read_overlay("x.geojson", "{").is_err());
        let open = r#"{"type":"Polygon","coordinates":[[[46,39],[46,40],[47,40],[47,39]]]}"#;
        assert!(read_overlay("o.geojson", open).expect_err("refused").0[0].message.contains("not closed"));
    }

    #[test]
    fn a_bad_feature_is_left_out_with_its_own_problem_and_the_rest_shown() {
        let mixed = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"name":"good"},"geometry":{"type":"Point","coordinates":[46.7,39.8]}},
          {"type":"Feature","properties":{},"geometry":{"coordinates":[46.7,39.8]}},
          {"type":"Feature","properties":{},"geometry":{"type":"Pointt","coordinates":[46.7,39.8]}},
          {"type":"Feature","id":"far","properties":{},"geometry":{"type":"Point","coordinates":[300,39.8]}},
          {"properties":{},"geometry":{"type":"Point","coordinates":[46,39]}},
          {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[180.00000000000014,-90.0000000000001],[170,10]]}}
        ]}"#;
        let o = read_overlay("mixed.geojson", mixed).expect("the good features are shown");
        assert_eq!(o.features.len(), 2, "the point and the line at the edge");
        let said: Vec<(String, String)> =
            o.left_out.0.iter().map(|e| (e.feature.clone().unwrap_or_default(), e.message.clone())).collect();
        assert_eq!(said.len(), 4, "{said:?}");
        assert!(said[0].0 == "feature #1" && said[0].1.contains("its geometry has no \"type\""), "{said:?}");
        assert!(said[1].1.contains("did you mean \"Point\"?"), "{said:?}");
        assert!(said[2].0 == "feature #4" && said[2].1.contains("has no \"type\": \"Feature\""), "{said:?}");
        assert!(said[3].0 == "feature 'far'" && said[3].1.contains("out of range"), "{said:?}");
        assert_eq!(o.notes.len(), 1, "the clamped coordinates noted: {:?}", o.notes);
        // Only bad features: refused as a whole, every one named.
        let bad = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[300,0]}},
          {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[0,300]}}]}"#;
        assert_eq!(read_overlay("bad.geojson", bad).expect_err("refused").0.len(), 2);
        // No type at all.
        let untyped = read_overlay("u.geojson", r#"{"features":[]}"#).expect_err("refused");
        assert!(untyped.0[0].message.contains("has no \"type\""), "{untyped}");
    }
}
