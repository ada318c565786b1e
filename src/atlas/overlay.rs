//! Plain GeoJSON files shown over an atlas: a teacher's own markers, a QGIS or geojson.io export.
//! Any RFC 7946 object is accepted (a FeatureCollection, a Feature or a bare geometry; points,
//! lines, polygons, multi-geometries and collections; with or without ids), styled from the
//! simplestyle properties if present. What RFC 7946 tells a reader to tolerate is tolerated (a third
//! coordinate, any winding, foreign members, null geometries); what it forbids is refused with an
//! error naming the feature (positions out of range, unclosed or too short rings).

use geo::{Coord, Geometry, GeometryCollection, LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon};
use geojson::{GeoJson, GeometryValue as Value, Position};

use super::geojson_layer::{MAX_POSITIONS, count_document_positions, nesting_problem, text_problem};
use super::{AtlasErrors, MAX_FILE_BYTES};

/// A plain GeoJSON file read as an overlay.
#[derive(Clone, Debug)]
pub struct Overlay {
    /// The file's name, for the legend.
    pub name: String,
    /// Its features that have a geometry.
    pub features: Vec<OverlayFeature>,
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

/// Reads and checks coordinates, dropping a third (altitude) value as RFC 7946 allows.
fn coord(p: &Position, problems: &mut Vec<String>) -> Option<Coord> {
    let p = p.as_slice();
    match p {
        [x, y, ..] if x.is_finite() && y.is_finite() && (-180.0..=180.0).contains(x) && (-90.0..=90.0).contains(y) => {
            Some(Coord { x: *x, y: *y })
        }
        [x, y, ..] => {
            problems.push(format!("position ({x}, {y}) is out of range (longitude ±180, latitude ±90)"));
            None
        }
        _ => {
            problems.push(format!("a position has {} number(s); it needs longitude and latitude", p.len()));
            None
        }
    }
}

fn line(ps: &[Position], problems: &mut Vec<String>) -> Option<LineString> {
    let coords: Option<Vec<Coord>> = ps.iter().map(|p| coord(p, problems)).collect();
    let coords = coords?;
    if coords.len() < 2 {
        problems.push("a line needs at least 2 positions".into());
        return None;
    }
    Some(LineString::new(coords))
}

fn polygon(rings: &[Vec<Position>], problems: &mut Vec<String>) -> Option<Polygon> {
    let mut lines = Vec::new();
    for r in rings {
        let l = line(r, problems)?;
        if l.0.len() < 4 {
            problems.push(format!("a ring has {} position(s); a closed ring needs at least 4", l.0.len()));
            return None;
        }
        if !l.is_closed() {
            problems.push("a ring is not closed: its first and last positions differ".into());
            return None;
        }
        lines.push(l);
    }
    let (shell, holes) = lines.split_first()?;
    Some(Polygon::new(shell.clone(), holes.to_vec()))
}

fn geometry(v: &Value, problems: &mut Vec<String>, depth: usize) -> Option<Geometry> {
    Some(match v {
        Value::Point { coordinates: p } => Geometry::Point(Point::from(coord(p, problems)?)),
        Value::MultiPoint { coordinates: ps } => Geometry::MultiPoint(MultiPoint::new(
            ps.iter().filter_map(|p| coord(p, problems).map(Point::from)).collect(),
        )),
        Value::LineString { coordinates: l } => Geometry::LineString(line(l, problems)?),
        Value::MultiLineString { coordinates: ls } => {
            Geometry::MultiLineString(MultiLineString::new(ls.iter().filter_map(|l| line(l, problems)).collect()))
        }
        Value::Polygon { coordinates: rings } => Geometry::Polygon(polygon(rings, problems)?),
        Value::MultiPolygon { coordinates: ps } => {
            Geometry::MultiPolygon(MultiPolygon::new(ps.iter().filter_map(|p| polygon(p, problems)).collect()))
        }
        Value::GeometryCollection { geometries: gs } if depth < 8 => Geometry::GeometryCollection(
            GeometryCollection::new_from(gs.iter().filter_map(|g| geometry(&g.value, problems, depth + 1)).collect()),
        ),
        Value::GeometryCollection { geometries: _ } => {
            problems.push("geometry collections nested more than 8 deep".into());
            return None;
        }
    })
}

/// Reads `text` (the contents of the file called `name`) as an overlay.
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
    let features: Vec<geojson::Feature> = match serde_json::from_str::<GeoJson>(text) {
        Ok(GeoJson::FeatureCollection(fc)) => fc.features,
        Ok(GeoJson::Feature(f)) => vec![f],
        Ok(GeoJson::Geometry(g)) => vec![geojson::Feature { geometry: Some(g), ..Default::default() }],
        Err(e) => {
            errs.push(name, None, format!("not GeoJSON: {e}"));
            return Err(errs);
        }
    };
    let mut out = Vec::new();
    for (i, f) in features.iter().enumerate() {
        let label =
            f.id.as_ref()
                .map(|id| match id {
                    geojson::feature::Id::String(s) => format!("feature '{s}'"),
                    geojson::feature::Id::Number(n) => format!("feature '{n}'"),
                })
                .unwrap_or_else(|| format!("feature #{i}"));
        // A feature with no geometry is unlocated: allowed, and not drawn.
        let Some(g) = &f.geometry else { continue };
        let mut problems = Vec::new();
        let geometry = geometry(&g.value, &mut problems, 0);
        for p in problems {
            errs.push(name, Some(&label), p);
        }
        let prop = |k: &str| f.properties.as_ref().and_then(|p| p.get(k));
        let text_of = |k: &str| prop(k).and_then(|v| v.as_str()).map(str::to_owned);
        let title = text_of("name").or_else(|| text_of("title"));
        if let Some(problem) = title.as_deref().and_then(text_problem) {
            errs.push(name, Some(&label), format!("its name {problem}"));
        }
        let stroke = text_of("stroke")
            .or_else(|| text_of("marker-color"))
            .and_then(|c| colour(&c))
            .unwrap_or([0x55, 0x33, 0x99]);
        let stroke_width = prop("stroke-width").and_then(|v| v.as_f64()).unwrap_or(2.0).clamp(0.5, 12.0) as f32;
        let fill = text_of("fill").and_then(|c| colour(&c)).map(|[r, g, b]| {
            let a = prop("fill-opacity").and_then(|v| v.as_f64()).unwrap_or(0.3).clamp(0.0, 1.0);
            [r, g, b, (a * 255.0) as u8]
        });
        if let Some(geometry) = geometry {
            out.push(OverlayFeature { geometry, label: title, stroke, stroke_width, fill });
        }
    }
    if errs.is_empty() { Ok(Overlay { name: name.to_owned(), features: out }) } else { Err(errs) }
}

/// Reads the file at `path` as an overlay.
pub fn load_overlay(path: &std::path::Path) -> Result<Overlay, AtlasErrors> {
    let shown = path.display().to_string();
    let mut errs = AtlasErrors::default();
    match std::fs::metadata(path) {
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
}
