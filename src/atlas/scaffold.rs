//! A new atlas from a drawing: one FeatureCollection of areas as geojson.io or QGIS exports it
//! becomes the zones, grouped into regions (from a second drawing, from a property, or one region
//! for all), with a timeline in spreadsheet form that holds every zone by one placeholder side from
//! a chosen day. The atlas opens at once; `check` then lists what is still to be filled in.

use std::collections::{BTreeMap, HashMap, HashSet};

use geo::{GeodesicArea as _, InteriorPoint as _, Intersects as _, MultiPolygon};
use jiff::civil::Date;
use serde_json::{Value as Json, json};

use super::geojson_layer;
use super::load::{CONTROLLERS_FILE, PHASES_FILE, PLACEHOLDER, TIMELINE_FILE};
use super::{AtlasErrors, safe_text};

/// What to make the atlas from.
#[derive(Clone, Copy, Debug)]
pub struct NewAtlas<'a> {
    /// The drawing of the zones: its name (for messages) and text.
    pub zones: (&'a str, &'a str),
    /// A drawing of the regions, if the zones are to be grouped by where they lie.
    pub regions: Option<(&'a str, &'a str)>,
    /// The property that gives each zone its id (default: the feature's id, an `id` property, or
    /// its name made into an id).
    pub id_property: Option<&'a str>,
    /// The property that gives each zone its name (default: `name`).
    pub name_property: Option<&'a str>,
    /// The property that names each zone's region (default: the region the zone lies in, or one
    /// region for all).
    pub region_property: Option<&'a str>,
    /// The atlas's title.
    pub title: &'a str,
    /// The first day of its timeline.
    pub start: Date,
}

/// The files of the new atlas, by name, and what was done to make them.
#[derive(Clone, Debug)]
pub struct Scaffold {
    /// Each file's name in the atlas folder and its contents.
    pub files: Vec<(&'static str, String)>,
    /// What was made, in lines a map maker reads: zones, regions and their areas, ids made.
    pub report: Vec<String>,
}

/// The id of the one placeholder side that holds every zone in a new atlas.
pub const PLACEHOLDER_CONTROLLER: &str = "unknown";

struct Area {
    id: String,
    name: String,
    geometry: MultiPolygon,
    region: Option<String>,
    /// The drawing's own `note` and `approximate`, which the zones layer knows, kept.
    kept: serde_json::Map<String, Json>,
}

/// A drawing's properties that mean the same in the zones layer, kept as they are.
const KEPT_PROPERTIES: [&str; 2] = ["note", "approximate"];

/// The property that names each zone's region when none is chosen and every zone has it.
const REGION_PROPERTY: &str = "region";

/// Makes the files of a new atlas; every problem of the drawings is reported at once.
pub fn scaffold(new: &NewAtlas<'_>) -> Result<Scaffold, AtlasErrors> {
    let mut errs = AtlasErrors::default();
    let mut report = Vec::new();
    let (zones_file, zones_text) = new.zones;
    // Without a chosen property, the zones' own "region" if every zone has one.
    let region_property = new.region_property.or_else(|| {
        let every = new.regions.is_none() && has_everywhere(zones_text, REGION_PROPERTY);
        every.then_some(REGION_PROPERTY)
    });
    let mut zones = areas(zones_file, zones_text, new.id_property, new.name_property, region_property, &mut errs);
    let drawn_regions = new.regions.map(|(file, text)| areas(file, text, None, None, None, &mut errs));
    if zones.is_empty() && errs.is_empty() {
        errs.push(zones_file, None, "holds no Polygon or MultiPolygon to make zones of");
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    report.push(format!("{} zones from {zones_file}", zones.len()));
    if let Some(p) = region_property {
        report.push(format!("regions from the zones' property \"{p}\""));
    }

    let regions: Vec<Area> = match drawn_regions {
        Some(regions) => {
            let file = new.regions.map_or("", |(f, _)| f);
            for z in &mut zones {
                if z.region.is_some() {
                    continue;
                }
                let inside = z.geometry.interior_point();
                z.region =
                    inside.and_then(|p| regions.iter().find(|r| r.geometry.intersects(&p))).map(|r| r.id.clone());
                if z.region.is_none() {
                    errs.push(zones_file, Some(&format!("zone '{}'", z.id)), format!("lies in no region of {file}"));
                }
            }
            let known: HashSet<&str> = regions.iter().map(|r| r.id.as_str()).collect();
            for z in &zones {
                if let Some(r) = z.region.as_deref().filter(|r| !known.contains(r)) {
                    errs.push(
                        zones_file,
                        Some(&format!("zone '{}'", z.id)),
                        format!("names region \"{r}\", not in {file}"),
                    );
                }
            }
            regions
        }
        None => {
            // Regions from the zones' own property, or one for all: each drawn as its zones' union.
            let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
            let all = slug(new.title).unwrap_or_else(|| "all".to_owned());
            for (i, z) in zones.iter_mut().enumerate() {
                let region = z.region.get_or_insert_with(|| all.clone());
                groups.entry(region.clone()).or_default().push(i);
            }
            groups
                .into_iter()
                .map(|(id, members)| {
                    let parts: Vec<&MultiPolygon> =
                        members.iter().filter_map(|&i| zones.get(i)).map(|z| &z.geometry).collect();
                    let geometry = geo::unary_union(parts);
                    let name = if id == all { new.title.to_owned() } else { id.clone() };
                    Area { id, name, geometry, region: None, kept: Default::default() }
                })
                .collect()
        }
    };
    if !errs.is_empty() {
        return Err(errs);
    }
    for r in &regions {
        let count = zones.iter().filter(|z| z.region.as_deref() == Some(r.id.as_str())).count();
        report.push(format!(
            "region '{}' ({}): {count} zone{}, {:.0} km² as drawn",
            r.id,
            r.name,
            if count == 1 { "" } else { "s" },
            r.geometry.geodesic_area_unsigned() / 1e6
        ));
    }
    report.push(
        "give each region its \"official_area_km2\" in regions.geojson, and check holds the drawing to it".to_owned(),
    );

    let id = slug(new.title).unwrap_or_else(|| "atlas".to_owned());
    let atlas = json!({
        "format": super::load::FORMAT,
        "id": id,
        "title": {"en": new.title},
        "attribution": PLACEHOLDER,
        "default_date": new.start.to_string(),
        "events": [],
    });
    let mut files = vec![
        ("atlas.json", pretty(&atlas)),
        ("regions.geojson", collection(regions.iter().map(|r| feature(&r.id, json!({"name": r.name}), &r.geometry)))),
        (
            "zones.geojson",
            collection(zones.iter().map(|z| {
                let mut properties = serde_json::Map::new();
                properties.insert("name".into(), json!(z.name));
                properties.insert("region".into(), json!(z.region));
                properties.extend(z.kept.clone());
                feature(&z.id, Json::Object(properties), &z.geometry)
            })),
        ),
    ];
    let mut controllers = csv::Writer::from_writer(Vec::new());
    let mut phases = csv::Writer::from_writer(Vec::new());
    let mut timeline = csv::Writer::from_writer(Vec::new());
    let start = new.start.to_string();
    let written = (|| -> Result<(), csv::Error> {
        controllers.write_record(["id", "name", "colour", "description"])?;
        controllers.write_record([PLACEHOLDER_CONTROLLER, PLACEHOLDER, "#9a9a9a", PLACEHOLDER])?;
        phases.write_record(["id", "start", "title", "summary", "source_title", "source_url"])?;
        phases.write_record(["first", start.as_str(), PLACEHOLDER, PLACEHOLDER, PLACEHOLDER, ""])?;
        timeline.write_record(["date", "zone", "controller", "source_title", "source_url", "note"])?;
        for r in &regions {
            timeline.write_record([start.as_str(), r.id.as_str(), PLACEHOLDER_CONTROLLER, "", "", ""])?;
        }
        Ok(())
    })();
    if let Err(e) = written {
        errs.push(zones_file, None, format!("the spreadsheet files could not be made: {e}"));
        return Err(errs);
    }
    for (name, writer) in [(CONTROLLERS_FILE, controllers), (PHASES_FILE, phases), (TIMELINE_FILE, timeline)] {
        let bytes = writer.into_inner().map_err(|e| e.to_string()).unwrap_or_default();
        files.push((name, String::from_utf8_lossy(&bytes).into_owned()));
    }
    // What was put right on the way (rings turned round), said as check would say it.
    report.extend(errs.notes().map(|n| format!("{n}")));
    Ok(Scaffold { files, report })
}

/// The areas of a drawing, each with an id, a name and (if the property is given) a region.
fn areas(
    file: &str,
    text: &str,
    id_property: Option<&str>,
    name_property: Option<&str>,
    region_property: Option<&str>,
    errs: &mut AtlasErrors,
) -> Vec<Area> {
    let Some(features) = geojson_layer::parse_collection(file, text, errs) else { return Vec::new() };
    let mut taken: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (i, f) in features.iter().enumerate() {
        let property = |key: &str| -> Option<String> {
            match f.props.get(key)? {
                Json::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
                Json::Number(n) => Some(n.to_string()),
                _ => None,
            }
        };
        let name = match name_property {
            Some(p) => property(p),
            None => ["name", "NAME", "name_en", "NAME_EN", "title"].iter().find_map(|p| property(p)),
        };
        let id = match id_property {
            Some(p) => {
                let id = property(p).and_then(|v| slug(&v));
                if id.is_none() {
                    errs.push(file, Some(&f.label), format!("has no property \"{p}\" to take its id from"));
                    continue;
                }
                id
            }
            None => f.id.clone().and_then(|v| slug(&v)).or_else(|| name.as_deref().and_then(slug)),
        }
        .unwrap_or_else(|| format!("zone-{}", i + 1));
        // Two features with one id: the later ones are numbered, as the report says.
        let count = taken.entry(id.clone()).or_insert(0);
        *count += 1;
        let id = if *count > 1 { format!("{id}-{count}") } else { id };
        let region = match region_property {
            Some(p) => {
                let region = property(p).and_then(|v| slug(&v));
                if region.is_none() {
                    errs.push(file, Some(&f.label), format!("has no property \"{p}\" to take its region from"));
                }
                region
            }
            None => None,
        };
        let Some(geometry) = geojson_layer::counted_area(f, file, errs) else { continue };
        let kept = KEPT_PROPERTIES
            .iter()
            .filter_map(|k| f.props.get(*k).filter(|v| !v.is_null()).map(|v| ((*k).to_owned(), v.clone())))
            .collect();
        out.push(Area { name: name.unwrap_or_else(|| id.clone()), id, geometry, region, kept });
    }
    out
}

/// Whether every feature of a FeatureCollection has the property `key` (a drawing that cannot be
/// read has not: its problems are said when it is read).
fn has_everywhere(text: &str, key: &str) -> bool {
    #[derive(serde::Deserialize)]
    struct Collection {
        features: Vec<Feature>,
    }
    #[derive(serde::Deserialize)]
    struct Feature {
        properties: Option<serde_json::Map<String, Json>>,
    }
    serde_json::from_str::<Collection>(text).is_ok_and(|c| {
        !c.features.is_empty()
            && c.features.iter().all(|f| f.properties.as_ref().is_some_and(|p| p.get(key).is_some_and(Json::is_string)))
    })
}

/// An id from any text: ASCII letters and digits, words joined by `-` ("Kyrenia bridgehead" →
/// "kyrenia-bridgehead", "Lefkoşa" → "lefkosa"); `None` when nothing is left.
pub fn slug(text: &str) -> Option<String> {
    let ascii = deunicode::deunicode(text).to_lowercase();
    let words: Vec<&str> = ascii.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let id = words.join("-");
    (!id.is_empty() && safe_text::id_problem(&id).is_none()).then_some(id)
}

fn feature(id: &str, properties: Json, geometry: &MultiPolygon) -> Json {
    let geometry = geojson::Geometry::from(geometry);
    json!({"type": "Feature", "id": id, "properties": properties, "geometry": geometry})
}

/// The text of a GeoJSON layer with the geometry of each feature named in `areas` (by its id,
/// or its `id` property) put in place of its own, every feature's id and properties kept: written
/// one feature a line. `None` if the text is not a FeatureCollection.
pub fn with_geometries(text: &str, areas: &[(&str, &MultiPolygon)]) -> Option<String> {
    let mut top: Json = serde_json::from_str(text).ok()?;
    let features = top.get_mut("features")?.as_array_mut()?;
    for f in features.iter_mut() {
        let id = f.get("id").or_else(|| f.get("properties").and_then(|p| p.get("id"))).and_then(|id| match id {
            Json::String(s) => Some(s.clone()),
            Json::Number(n) => Some(n.to_string()),
            _ => None,
        });
        if let Some((_, area)) = id.and_then(|id| areas.iter().find(|(z, _)| *z == id)) {
            f["geometry"] = json!(geojson::Geometry::from(*area));
        }
    }
    Some(collection(features.drain(..)))
}

/// A FeatureCollection, one feature a line (diffs and hand edits stay readable).
fn collection(features: impl Iterator<Item = Json>) -> String {
    let lines: Vec<String> = features.map(|f| f.to_string()).collect();
    format!("{{\"type\": \"FeatureCollection\", \"features\": [\n{}\n]}}\n", lines.join(",\n"))
}

fn pretty(value: &Json) -> String {
    serde_json::to_string_pretty(value).map(|s| s + "\n").unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ids() {
        assert_eq!(slug("Kyrenia bridgehead").as_deref(), Some("kyrenia-bridgehead"));
        assert_eq!(slug("Lefkoşa").as_deref(), Some("lefkosa"));
        assert_eq!(slug("  ").as_deref(), None);
    }
}
