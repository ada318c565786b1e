//! Loading an atlas folder (or the embedded copy) and validating it strictly. Every error names
//! the file, the feature and what is wrong; all errors are collected, and nothing panics.

use std::collections::HashMap;
use std::path::Path;

use geo::GeodesicArea;

mod evidence_file;
mod folder;
mod land_layers;
mod schema;
mod spreadsheet;
mod story_file;
pub(crate) use story_file::read_stories;
mod timeline_file;
mod traditions;

pub use schema::FORMAT;
pub use spreadsheet::{CONTROLLERS_FILE, PHASES_FILE, PLACEHOLDER, TIMELINE_FILE};

use super::geojson_layer::{self, Props, RawFeature};
use folder::{read_elevation_files, read_story_files, read_text};
use timeline_file::{parse_date, read_timeline};
use traditions::TraditionKeys;

use super::land::Land;
use super::{
    Atlas, AtlasErrors, ContextArea, ContextKind, LineKind, MapLine, Place, PlaceKind, Region, RegionIdx, Text, Zone,
};

/// The text files of an atlas folder, in the order they are read. The first three are required.
pub const FILES: [&str; 14] = [
    "atlas.json",
    "regions.geojson",
    "zones.geojson",
    "places.geojson",
    "lines.geojson",
    "context.geojson",
    "water.geojson",
    "heights.geojson",
    "roads.geojson",
    "locator.geojson",
    "evidence.json",
    CONTROLLERS_FILE,
    PHASES_FILE,
    TIMELINE_FILE,
];
const REQUIRED: usize = 3;

/// The optional elevation grid: an ESRI BIL header and its data (see [`crate::atlas::Elevation`]).
pub const ELEVATION_FILES: [&str; 2] = ["elevation.hdr", "elevation.bil"];

/// An elevation grid's two files as read: the header's name and text, the data's name and bytes.
#[derive(Clone, Copy, Debug)]
pub struct ElevationFiles<'a> {
    /// The header file's name (for messages) and text.
    pub header: (&'a str, &'a str),
    /// The data file's name (for messages) and bytes.
    pub data: (&'a str, &'a [u8]),
}

/// Largest elevation data file: [`super::elevation::MAX_CELLS`] cells of 4 bytes.
const MAX_ELEVATION_BYTES: u64 = super::elevation::MAX_CELLS as u64 * 4;

/// Larger files are refused before they are read: an atlas of a whole country fits in far less.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Loads the atlas in `dir`.
pub fn load_dir(dir: &Path) -> Result<Atlas, AtlasErrors> {
    let mut errs = AtlasErrors::default();
    let mut contents: Vec<(String, Option<String>)> = Vec::new();
    if !dir.is_dir() {
        errs.push(
            &dir.display().to_string(),
            None,
            "not a folder: an atlas is a folder holding atlas.json and GeoJSON files",
        );
        return Err(errs);
    }
    for (i, name) in FILES.iter().enumerate() {
        let path = dir.join(name);
        let shown = path.display().to_string();
        let text = match std::fs::metadata(&path) {
            // A link whose target is not there is not an absent file: it is a mistake to be told.
            Err(e) if path.symlink_metadata().is_ok() => {
                errs.push(&shown, None, format!("cannot be read: it is a symbolic link that leads nowhere ({e})"));
                None
            }
            Err(_) if i >= REQUIRED => None,
            Err(e) => {
                errs.push(&shown, None, format!("missing: a required file of the atlas cannot be read ({e})"));
                None
            }
            Ok(meta) if meta.len() > MAX_FILE_BYTES => {
                errs.push(
                    &shown,
                    None,
                    format!(
                        "too large: {:.1} MB, over the limit of {} MB per file",
                        meta.len() as f64 / 1e6,
                        MAX_FILE_BYTES / 1024 / 1024
                    ),
                );
                None
            }
            Ok(_) => read_text(&path, &shown, &mut errs),
        };
        contents.push((shown, text));
    }
    let elevation = read_elevation_files(dir, &mut errs);
    let files: Vec<(&str, Option<&str>)> = contents.iter().map(|(n, t)| (n.as_str(), t.as_deref())).collect();
    let elevation_files = elevation
        .as_ref()
        .map(|(h, ht, d, db)| ElevationFiles { header: (h.as_str(), ht.as_str()), data: (d.as_str(), db.as_slice()) });
    let mut atlas = build(&files, elevation_files, &mut errs);
    // Stories tour the atlas: read against it once it is whole.
    if let Some(atlas) = atlas.as_mut().filter(|_| errs.is_empty()) {
        atlas.stories = story_file::read_stories(atlas, &read_story_files(dir, &mut errs), &mut errs);
    }
    match atlas {
        Some(mut atlas) if errs.is_empty() => {
            atlas.notes = errs.notes().cloned().collect();
            atlas.check_indices().map(|()| atlas)
        }
        _ => Err(errs),
    }
}

/// The stories of `dir`'s `stories/*.json`, read against `atlas` (an atlas's own, or those a
/// reader wrote for the built-in atlas and keeps in their data folder): those that read whole,
/// and the problems of the rest, each named by its file and step.
pub fn load_story_folder(atlas: &Atlas, dir: &Path) -> (Vec<crate::atlas::Story>, AtlasErrors) {
    let mut errs = AtlasErrors::default();
    let files = read_story_files(dir, &mut errs);
    let stories = story_file::read_stories(atlas, &files, &mut errs);
    (stories, errs)
}

/// One story's text, read against `atlas` as the file `file` (`stories/x.json`) would be.
pub fn read_story_text(atlas: &Atlas, file: &str, text: &str) -> Result<crate::atlas::Story, AtlasErrors> {
    let mut errs = AtlasErrors::default();
    let mut stories = story_file::read_stories(atlas, &[(file.to_owned(), text.to_owned())], &mut errs);
    match stories.pop() {
        Some(story) if errs.is_empty() => Ok(story),
        _ => Err(errs),
    }
}

/// Loads an atlas from file contents given as (name, text) in the order of [`FILES`]; a missing
/// optional file is `None`. Used for the embedded atlas and in tests.
pub fn load_files(files: &[(&str, Option<&str>)]) -> Result<Atlas, AtlasErrors> {
    load_files_with(files, None)
}

/// Loads an atlas from file contents as [`load_files`] does, with an elevation grid.
pub fn load_files_with(
    files: &[(&str, Option<&str>)],
    elevation: Option<ElevationFiles<'_>>,
) -> Result<Atlas, AtlasErrors> {
    let mut errs = AtlasErrors::default();
    for (i, (name, text)) in files.iter().enumerate() {
        if text.is_none() && i < REQUIRED {
            errs.push(name, None, "missing: a required file of the atlas");
        }
        if text.is_some_and(|t| t.len() as u64 > MAX_FILE_BYTES) {
            errs.push(name, None, format!("too large: over the limit of {} MB per file", MAX_FILE_BYTES / 1024 / 1024));
        }
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    match build(files, elevation, &mut errs) {
        Some(atlas) if errs.is_empty() => atlas.check_indices().map(|()| atlas),
        _ => Err(errs),
    }
}

fn build(
    files: &[(&str, Option<&str>)],
    elevation: Option<ElevationFiles<'_>>,
    errs: &mut AtlasErrors,
) -> Option<Atlas> {
    let get = |i: usize| files.get(i).and_then(|(name, text)| text.map(|t| (*name, t)));
    let named_layers: Vec<&str> = [3, 1, 5, 6, 7, 8].iter().filter_map(|&i| get(i).map(|(_, t)| t)).collect();
    let (traditions, keys) = traditions::traditions(get(0), &named_layers, errs);
    let context = get(5).map(|(n, t)| read_context(n, t, &keys, errs)).unwrap_or_default();
    let regions = get(1).map(|(n, t)| read_regions(n, t, &context, &keys, errs)).unwrap_or_default();
    let (zones, rejected_zones) = get(2).map(|(n, t)| read_zones(n, t, &regions, errs)).unwrap_or_default();
    let places = get(3).map(|(n, t)| read_places(n, t, &regions, &keys, errs)).unwrap_or_default();
    let lines = get(4).map(|(n, t)| read_lines(n, t, errs)).unwrap_or_default();
    let land = Land {
        elevation: elevation.and_then(|e| read_grid(e, &zones, errs)),
        water: get(6).map(|(n, t)| land_layers::read_water(n, t, &keys, errs)).unwrap_or_default(),
        heights: get(7).map(|(n, t)| land_layers::read_heights(n, t, &keys, errs)).unwrap_or_default(),
        roads: get(8).map(|(n, t)| land_layers::read_roads(n, t, &keys, errs)).unwrap_or_default(),
        locator: get(9).map(|(n, t)| land_layers::read_locator(n, t, errs)).unwrap_or_default(),
    };
    let (name, text) = get(0)?;
    let layers = Layers { regions, zones, places, lines, context, land, rejected_zones };
    let sheets = spreadsheet::Sheets { controllers: get(11), phases: get(12), timeline: get(13) };
    let mut atlas = read_timeline(name, text, sheets, layers, errs)?;
    atlas.traditions = traditions;
    if let Some((n, t)) = get(10) {
        atlas.evidence = evidence_file::read_evidence(n, t, &atlas, errs);
    }
    let zone_of = place_zones(&atlas);
    atlas.place_control = atlas.build_place_timeline(zone_of);
    if let Some((n, _)) = get(1) {
        check_areas(&atlas, n, errs);
    }
    Some(atlas)
}

/// Each region's area against its official figure: outside its tolerance a note; more than ten
/// times off (or less than a tenth) an error, since no drawing of the region can be that far out
/// (rings wound the wrong way, latitude and longitude swapped, a ring round the wrong side).
fn check_areas(atlas: &Atlas, file: &str, errs: &mut AtlasErrors) {
    for r in &atlas.regions {
        let Some(official) = r.official_area_km2 else { continue };
        let today = r.today_boundary.and_then(|i| atlas.context.get(i)).map(|c| area_km2(&c.geometry));
        let (what, area) = match today {
            Some(a) => ("with today's boundary", a),
            None => ("as drawn", r.area_km2),
        };
        let label = format!("region '{}'", r.id);
        let off = 100.0 * (area - official) / official;
        if !(official / 10.0..=official * 10.0).contains(&area) {
            errs.push(
                file,
                Some(&label),
                format!(
                    "its area {what} is {area:.0} km², against the official {official:.0} km²: too far off to be the \
                     region (are positions longitude, latitude, and are its rings where they should be?)"
                ),
            );
        } else if off.abs() > r.area_tolerance_pct {
            let why = r.area_note.as_ref().map_or(String::new(), |t| format!(" ({})", t.get("en")));
            errs.note(
                file,
                Some(&label),
                format!(
                    "its area {what} is {area:.0} km², {off:+.1} % off the official {official:.0} km², \
                     outside its tolerance of ±{:.0} %{why}",
                    r.area_tolerance_pct
                ),
            );
        }
    }
}

/// The zone each place lies in (the first whose area, edge included, holds its point).
fn place_zones(atlas: &Atlas) -> Vec<Option<super::ZoneIdx>> {
    use geo::{BoundingRect as _, Intersects as _};
    let boxes: Vec<Option<geo::Rect>> = atlas.zones.iter().map(|z| z.geometry.bounding_rect()).collect();
    atlas
        .places
        .iter()
        .map(|p| {
            atlas
                .zones
                .iter()
                .zip(&boxes)
                .position(|(z, b)| b.is_some_and(|b| b.intersects(&p.point)) && z.geometry.intersects(&p.point))
                .map(super::ZoneIdx::new)
        })
        .collect()
}

/// The map layers as read, for the timeline to refer to. Zones refused for their own errors are
/// remembered by id, so the timeline does not also call them unknown.
struct Layers {
    regions: Vec<Region>,
    zones: Vec<Zone>,
    places: Vec<Place>,
    lines: Vec<MapLine>,
    context: Vec<ContextArea>,
    land: Land,
    rejected_zones: Vec<String>,
}

/// Reads the elevation grid, refusing one that does not overlap the zones (it would show nothing).
fn read_grid(files: ElevationFiles<'_>, zones: &[Zone], errs: &mut AtlasErrors) -> Option<super::Elevation> {
    let mut extent: Option<geo::Rect> = None;
    for z in zones {
        if let Some(r) = geo::BoundingRect::bounding_rect(&z.geometry) {
            extent = Some(extent.map_or(r, |e| {
                geo::Rect::new(
                    geo::coord! { x: e.min().x.min(r.min().x), y: e.min().y.min(r.min().y) },
                    geo::coord! { x: e.max().x.max(r.max().x), y: e.max().y.max(r.max().y) },
                )
            }));
        }
    }
    let within = extent.map(|e| [e.min().x, e.min().y, e.max().x, e.max().y]);
    match super::elevation::read_elevation(files.header.1, files.data.1, within) {
        Ok(grid) => Some(grid),
        Err(e) => {
            let file = match e {
                super::elevation::GridError::Header(_) => files.header.0,
                super::elevation::GridError::Data(_) => files.data.0,
            };
            errs.push(file, None, format!("elevation grid refused: {}", e.message()));
            None
        }
    }
}

// ---------------------------------------------------------------------------------------------
// GeoJSON layers

/// Reads the features of a layer, refusing duplicate or missing ids.
fn features(file: &str, text: &str, errs: &mut AtlasErrors) -> Vec<RawFeature> {
    let Some(features) = geojson_layer::parse_collection(file, text, errs) else {
        return Vec::new();
    };
    let mut seen = HashMap::new();
    let mut out = Vec::with_capacity(features.len());
    for f in features {
        match &f.id {
            None => errs.push(file, Some(&f.label), "has no id (set the Feature's \"id\" or an \"id\" property)"),
            Some(id) => {
                if seen.insert(id.clone(), ()).is_some() {
                    errs.push(file, Some(&f.label), "duplicate id: another feature of this file has the same id");
                    continue;
                }
            }
        }
        out.push(f);
    }
    out
}

fn name_of(p: &Props<'_>, errs: &mut AtlasErrors) -> Text {
    p.text("name", errs).unwrap_or_else(|| {
        errs.push(p.file, Some(&p.f.label), "has no \"name\"");
        Text::default()
    })
}

fn area_km2(g: &geo::MultiPolygon) -> f64 {
    g.geodesic_area_unsigned() / 1e6
}

fn read_context(file: &str, text: &str, keys: &TraditionKeys, errs: &mut AtlasErrors) -> Vec<ContextArea> {
    let mut out = Vec::new();
    for f in features(file, text, errs) {
        let p = Props { f: &f, file };
        let kind = match p.string("kind", errs).as_deref() {
            Some("country") => ContextKind::Country,
            None | Some("district") => ContextKind::District,
            Some(other) => {
                errs.push(
                    file,
                    Some(&f.label),
                    format!("unknown kind \"{other}\" (expected \"country\" or \"district\")"),
                );
                ContextKind::District
            }
        };
        let name = name_of(&p, errs);
        let [_, name_second] = keys.read("name", &p, errs);
        let label_at = land_layers::lonlat(&p, "label_at", errs);
        if let (Some(id), Some(geometry)) = (f.id.clone(), geojson_layer::area(&f, file, errs)) {
            out.push(ContextArea { id, kind, name, name_second, label_at, geometry });
        }
    }
    out
}

fn read_regions(
    file: &str,
    text: &str,
    context: &[ContextArea],
    keys: &TraditionKeys,
    errs: &mut AtlasErrors,
) -> Vec<Region> {
    let mut out = Vec::new();
    for f in features(file, text, errs) {
        let p = Props { f: &f, file };
        let name = name_of(&p, errs);
        let official_area_km2 = p.number("official_area_km2", errs);
        if official_area_km2.is_some_and(|a| a <= 0.0) {
            errs.push(file, Some(&f.label), "official_area_km2 must be positive");
        }
        let area_tolerance_pct = p.number("area_tolerance_pct", errs).unwrap_or(10.0);
        let today_boundary = p.string("today_boundary", errs).and_then(|id| {
            let found = context.iter().position(|c| c.id == id);
            if found.is_none() {
                errs.push(
                    file,
                    Some(&f.label),
                    format!("today_boundary names \"{id}\", which is not in context.geojson"),
                );
            }
            found
        });
        let [name_first, name_second] = keys.read("name", &p, errs);
        let [label_first, label_second] = keys.read("label", &p, errs);
        let area_note = p.text("area_note", errs);
        let label = p.text("label", errs);
        let emphasis = p.bool("emphasis", errs);
        if let (Some(id), Some(geometry)) = (f.id.clone(), geojson_layer::counted_area(&f, file, errs)) {
            let area_km2 = area_km2(&geometry);
            out.push(Region {
                id,
                name,
                label,
                name_second,
                name_first,
                label_first,
                label_second,
                official_area_km2,
                area_tolerance_pct,
                area_note,
                today_boundary,
                emphasis,
                geometry,
                area_km2,
            });
        }
    }
    out
}

fn read_zones(file: &str, text: &str, regions: &[Region], errs: &mut AtlasErrors) -> (Vec<Zone>, Vec<String>) {
    let mut out = Vec::new();
    let mut rejected = Vec::new();
    for f in features(file, text, errs) {
        let p = Props { f: &f, file };
        let name = name_of(&p, errs);
        let region = match p.string("region", errs) {
            None => {
                errs.push(file, Some(&f.label), "has no \"region\": every zone belongs to a region of regions.geojson");
                None
            }
            Some(r) => {
                let found = regions.iter().position(|g| g.id == r).map(RegionIdx::new);
                if found.is_none() {
                    errs.push(file, Some(&f.label), format!("names unknown region \"{r}\" (not in regions.geojson)"));
                }
                found
            }
        };
        let approximate = p.bool("approximate", errs);
        let note = p.text("note", errs).unwrap_or_default();
        let geometry = geojson_layer::counted_area(&f, file, errs);
        match (f.id.clone(), region, geometry) {
            (Some(id), Some(region), Some(geometry)) => {
                let area_km2 = area_km2(&geometry);
                out.push(Zone { id, name, region, approximate, note, geometry, area_km2 });
            }
            (Some(id), _, _) => rejected.push(id),
            _ => {}
        }
    }
    if out.is_empty() && errs.is_empty() {
        errs.push(file, None, "has no zones: the timeline needs at least one zone to colour");
    }
    (out, rejected)
}

fn read_places(file: &str, text: &str, regions: &[Region], keys: &TraditionKeys, errs: &mut AtlasErrors) -> Vec<Place> {
    let mut out = Vec::new();
    for f in features(file, text, errs) {
        let p = Props { f: &f, file };
        let name = name_of(&p, errs);
        let kind = match p.string("kind", errs).as_deref() {
            Some("capital") => PlaceKind::Capital,
            None | Some("town") => PlaceKind::Town,
            Some("village") => PlaceKind::Village,
            Some("point") => PlaceKind::Point,
            Some(other) => {
                errs.push(file, Some(&f.label), format!("unknown kind \"{other}\" (capital, town, village or point)"));
                PlaceKind::Point
            }
        };
        let rank = land_layers::rank(&p, 3, errs);
        let region = p.string("region", errs).and_then(|r| {
            let found = regions.iter().position(|g| g.id == r).map(RegionIdx::new);
            if found.is_none() {
                errs.push(file, Some(&f.label), format!("names unknown region \"{r}\""));
            }
            found
        });
        let [name_first, name_second] = keys.read("name", &p, errs);
        if name.0.values().any(|s| s.trim().is_empty()) {
            errs.push(file, Some(&f.label), "has an empty \"name\"");
        }
        let other_names = land_layers::other_names(&p, errs);
        let abandoned = p.bool("abandoned", errs);
        let elevation_m = p.number("elevation_m", errs);
        let district = p.string("district", errs);
        if let (Some(id), Some(point)) = (f.id.clone(), geojson_layer::point(&f, file, errs)) {
            out.push(Place {
                id,
                name,
                name_first,
                name_second,
                other_names,
                kind,
                rank,
                abandoned,
                elevation_m,
                district,
                region,
                point,
            });
        }
    }
    out
}

/// Reads `valid_from` and `valid_to` (the days a line or road applies, both included), refusing
/// an end before the start.
fn valid_span(p: &Props<'_>, errs: &mut AtlasErrors) -> (Option<jiff::civil::Date>, Option<jiff::civil::Date>) {
    let date = |key: &str, errs: &mut AtlasErrors| {
        p.string(key, errs).and_then(|s| parse_date(&s, p.file, &p.f.label, key, errs))
    };
    let (valid_from, valid_to) = (date("valid_from", errs), date("valid_to", errs));
    if let (Some(a), Some(b)) = (valid_from, valid_to)
        && b < a
    {
        errs.push(p.file, Some(&p.f.label), format!("valid_to {b} is before valid_from {a}"));
    }
    (valid_from, valid_to)
}

/// The line kinds the format knows, for messages.
const LINE_KINDS: &str = "border, line_of_contact, ceasefire_line, corridor, front, blockade or checkpoint";

fn read_lines(file: &str, text: &str, errs: &mut AtlasErrors) -> Vec<MapLine> {
    let mut out = Vec::new();
    for f in features(file, text, errs) {
        let p = Props { f: &f, file };
        let name = name_of(&p, errs);
        let kind = match p.string("kind", errs).as_deref() {
            Some("border") => LineKind::Border,
            Some("line_of_contact") => LineKind::LineOfContact,
            Some("ceasefire_line") => LineKind::CeasefireLine,
            Some("corridor") => LineKind::Corridor,
            Some("front") => LineKind::Front,
            Some("blockade") => LineKind::Blockade,
            Some("checkpoint") => LineKind::Checkpoint,
            None => {
                errs.push(file, Some(&f.label), format!("has no \"kind\" ({LINE_KINDS})"));
                LineKind::Border
            }
            Some(other) => {
                errs.push(file, Some(&f.label), format!("unknown kind \"{other}\" ({LINE_KINDS})"));
                LineKind::Border
            }
        };
        let (valid_from, valid_to) = valid_span(&p, errs);
        let approximate = p.bool("approximate", errs);
        let note = p.text("note", errs).unwrap_or_default();
        // A checkpoint is a point; it is kept as a line of one position twice, so that lines and
        // signs share their dates, names and legend.
        let geometry = if kind == LineKind::Checkpoint {
            geojson_layer::point(&f, file, errs)
                .map(|p| geo::MultiLineString::new(vec![geo::LineString::new(vec![p.0, p.0])]))
        } else {
            geojson_layer::line(&f, file, errs)
        };
        if let (Some(id), Some(geometry)) = (f.id.clone(), geometry) {
            out.push(MapLine { id, kind, name, valid_from, valid_to, approximate, note, geometry });
        }
    }
    out
}
