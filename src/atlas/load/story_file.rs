//! Reading the stories of `stories/*.json` against the atlas they tour: every step's dates, view,
//! names and texts checked, each problem said with its file and step ("stories/war-2020.json:
//! step 3: names "shusa", which is no region, zone, place or line of the atlas (did you mean
//! "shusha"?)"), and fields the format does not know noted.

use std::collections::HashMap;

use geo::BoundingRect as _;
use serde_json::{Map, Value as Json};

use super::schema;
use super::timeline_file::{RawSource, parse_date, sources};
use crate::atlas::geojson_layer::did_you_mean;
use crate::atlas::safe_text::for_terminal;
use crate::atlas::story::{MAX_STEPS, MAX_STORIES, STORY_ZOOM, StepView, StepWhen, Story, StoryStep, Target};
use crate::atlas::{Atlas, AtlasErrors, FALLBACK_LANG, PlaceIdx, RegionIdx, Text, ZoneIdx};
use jiff::civil::Date;

/// The fields of a story and of a step.
const STORY_FIELDS: &[&str] = &["id", "title", "description", "sources", "steps"];
const STEP_FIELDS: &[&str] = &[
    "date",
    "from",
    "to",
    "days_per_second",
    "centre",
    "zoom",
    "fit",
    "caption",
    "text",
    "highlight",
    "compare",
    "layers",
];

/// How a step's pace is taken when a span gives none: a week a second.
const DEFAULT_DAYS_PER_SECOND: f64 = 7.0;

/// Every story of `files` (name and text), read against `atlas`; the problems go to `errs`.
pub(crate) fn read_stories(atlas: &Atlas, files: &[(String, String)], errs: &mut AtlasErrors) -> Vec<Story> {
    if files.len() > MAX_STORIES {
        errs.push("stories", None, crate::atlas::limits::over_limit(files.len(), "stories", MAX_STORIES));
        return Vec::new();
    }
    let names = Names::of(atlas);
    let mut stories: Vec<Story> = Vec::new();
    for (file, text) in files {
        let Some(story) = read_story(atlas, &names, file, text, errs) else { continue };
        if stories.iter().any(|s| s.id == story.id) {
            errs.push(file, None, format!("its id \"{}\" is another story's too", for_terminal(&story.id)));
            continue;
        }
        stories.push(story);
    }
    stories
}

/// The ids a step may name, by kind.
struct Names<'a> {
    by_id: HashMap<&'a str, Vec<Target>>,
    all: Vec<&'a str>,
    /// The regions' extent (lon, lat), which a step's centre must be near.
    extent: Option<geo::Rect>,
}

impl<'a> Names<'a> {
    fn of(atlas: &'a Atlas) -> Self {
        let mut by_id: HashMap<&str, Vec<Target>> = HashMap::new();
        let regions = atlas.regions.iter().enumerate().map(|(i, r)| (r.id.as_str(), Target::Region(RegionIdx::new(i))));
        let zones = atlas.zones.iter().enumerate().map(|(i, z)| (z.id.as_str(), Target::Zone(ZoneIdx::new(i))));
        let places = atlas.places.iter().enumerate().map(|(i, p)| (p.id.as_str(), Target::Place(PlaceIdx::new(i))));
        let lines = atlas.lines.iter().enumerate().map(|(i, l)| (l.id.as_str(), Target::Line(i)));
        for (id, target) in regions.chain(zones).chain(places).chain(lines) {
            by_id.entry(id).or_default().push(target);
        }
        let all = by_id.keys().copied().collect();
        let extent = atlas.regions.iter().filter_map(|r| r.geometry.bounding_rect()).reduce(|a, b| {
            geo::Rect::new(
                geo::coord! { x: a.min().x.min(b.min().x), y: a.min().y.min(b.min().y) },
                geo::coord! { x: a.max().x.max(b.max().x), y: a.max().y.max(b.max().y) },
            )
        });
        Names { by_id, all, extent }
    }

    /// The thing `name` names: an id, or `kind:id` where an id is two things' at once.
    fn find(&self, name: &str) -> Result<Target, String> {
        let (kind, id) = match name.split_once(':') {
            Some((kind @ ("region" | "zone" | "place" | "line"), id)) => (Some(kind), id),
            _ => (None, name),
        };
        let found = self.by_id.get(id).map(Vec::as_slice).unwrap_or_default();
        let of_kind: Vec<Target> = found.iter().copied().filter(|t| kind.is_none_or(|k| k == kind_of(*t))).collect();
        match of_kind.as_slice() {
            [one] => Ok(*one),
            [] => {
                let hint = did_you_mean(id, &self.all).map_or(String::new(), |m| format!(" (did you mean \"{m}\"?)"));
                Err(format!(
                    "names \"{}\", which is no {} of the atlas{hint}",
                    for_terminal(name),
                    kind.unwrap_or("region, zone, place or line")
                ))
            }
            many => {
                let kinds: Vec<String> = many.iter().map(|t| format!("\"{}:{id}\"", kind_of(*t))).collect();
                Err(format!(
                    "names \"{}\", which is {} at once: write {}",
                    for_terminal(id),
                    many.len(),
                    kinds.join(" or ")
                ))
            }
        }
    }
}

fn kind_of(t: Target) -> &'static str {
    match t {
        Target::Region(_) => "region",
        Target::Zone(_) => "zone",
        Target::Place(_) => "place",
        Target::Line(_) => "line",
    }
}

/// The story's id from its file's name: `stories/war-2020.json` → `war-2020`.
fn id_from_file(file: &str) -> String {
    std::path::Path::new(file).file_stem().map_or_else(String::new, |s| s.to_string_lossy().into_owned())
}

fn read_story(atlas: &Atlas, names: &Names<'_>, file: &str, text: &str, errs: &mut AtlasErrors) -> Option<Story> {
    if let Some(problem) = crate::atlas::geojson_layer::nesting_problem(text) {
        errs.push(file, None, problem);
        return None;
    }
    let top: Map<String, Json> = match serde_json::from_str(text) {
        Ok(Json::Object(top)) => top,
        Ok(_) => {
            errs.push(file, None, "a story must be a JSON object");
            return None;
        }
        Err(e) => {
            errs.push(file, None, format!("not valid JSON: {e}"));
            return None;
        }
    };
    schema::unknown_fields(&top, STORY_FIELDS, "a story", file, None, errs);
    let id = match top.get("id") {
        Some(Json::String(id)) => id.clone(),
        _ => id_from_file(file),
    };
    if let Some(problem) = crate::atlas::safe_text::id_problem(&id) {
        errs.push(file, None, format!("its id {problem}"));
    }
    let title = text_field(&top, "title", file, "story", true, errs);
    let description = text_field(&top, "description", file, "story", false, errs);
    let raw_sources: Vec<RawSource> = match top.get("sources").cloned().map(serde_json::from_value) {
        Some(Ok(s)) => s,
        Some(Err(e)) => {
            errs.push(file, None, format!("\"sources\" must be a list of {{\"title\", \"url\"}}: {e}"));
            Vec::new()
        }
        None => Vec::new(),
    };
    let sources = sources(raw_sources, file, "story", errs);
    if sources.is_empty() {
        errs.push(file, None, "has no sources: a story says where its account comes from");
    }
    let steps: &[Json] = match top.get("steps") {
        Some(Json::Array(steps)) => steps,
        _ => {
            errs.push(file, None, "has no \"steps\": a story is a list of steps");
            return None;
        }
    };
    if steps.is_empty() {
        errs.push(file, None, "has no steps");
    }
    if steps.len() > MAX_STEPS {
        errs.push(file, None, crate::atlas::limits::over_limit(steps.len(), "steps", MAX_STEPS));
        return None;
    }
    let steps: Vec<StoryStep> = steps
        .iter()
        .enumerate()
        .filter_map(|(i, step)| read_step(atlas, names, file, &format!("step {}", i + 1), step, errs))
        .collect();
    Some(Story {
        id,
        file: file.to_owned(),
        title: title?,
        description: description.unwrap_or_default(),
        sources,
        steps,
    })
}

/// A localised text field (a string or an object by language), with English if `required`.
fn text_field(
    object: &Map<String, Json>,
    key: &str,
    file: &str,
    feature: &str,
    required: bool,
    errs: &mut AtlasErrors,
) -> Option<Text> {
    let Some(value) = object.get(key) else {
        if required {
            errs.push(file, Some(feature), format!("has no \"{key}\""));
        }
        return None;
    };
    let text: Text = match serde_json::from_value(value.clone()) {
        Ok(t) => t,
        Err(_) => {
            errs.push(file, Some(feature), format!("its \"{key}\" must be a text, or texts by language"));
            return None;
        }
    };
    if !text.has(FALLBACK_LANG) {
        errs.push(file, Some(feature), format!("its {key} has no English (\"en\") text"));
    }
    for (lang, s) in &text.0 {
        if let Some(problem) = crate::atlas::safe_text::text_problem(s) {
            errs.push(file, Some(feature), format!("its {key} ({lang}) {problem}"));
        }
    }
    Some(text)
}

fn read_step(
    atlas: &Atlas,
    names: &Names<'_>,
    file: &str,
    step: &str,
    value: &Json,
    errs: &mut AtlasErrors,
) -> Option<StoryStep> {
    let Json::Object(o) = value else {
        errs.push(file, Some(step), "must be an object");
        return None;
    };
    schema::unknown_fields(o, STEP_FIELDS, "a step", file, Some(step), errs);
    let before = errs.errors().count();
    let date = |key: &str, errs: &mut AtlasErrors| -> Option<Date> {
        let s = o.get(key)?.as_str().or_else(|| {
            errs.push(file, Some(step), format!("its \"{key}\" must be a date, YYYY-MM-DD"));
            None
        })?;
        let d = parse_date(s, file, step, key, errs)?;
        if atlas.phase_at(d).is_none() {
            let (start, end) = atlas.span();
            let end = end.map_or_else(|| "today".to_owned(), |e| e.to_string());
            errs.push(file, Some(step), format!("its {key} {d} is outside the atlas's timeline ({start} to {end})"));
            return None;
        }
        Some(d)
    };
    let when = match (o.contains_key("date"), o.contains_key("from") || o.contains_key("to")) {
        (true, false) => date("date", errs).map(StepWhen::Day),
        (false, true) => {
            let (from, to) = (date("from", errs), date("to", errs));
            let pace = match o.get("days_per_second") {
                None => Some(DEFAULT_DAYS_PER_SECOND),
                Some(v) => v.as_f64().filter(|p| p.is_finite() && *p > 0.0 && *p <= 3650.0).or_else(|| {
                    errs.push(file, Some(step), "its \"days_per_second\" must be a number above 0 and at most 3650");
                    None
                }),
            };
            match (from, to, pace) {
                (Some(from), Some(to), Some(days_per_second)) if from < to => {
                    Some(StepWhen::Span { from, to, days_per_second })
                }
                (Some(from), Some(to), Some(_)) => {
                    errs.push(
                        file,
                        Some(step),
                        format!("its span runs from {from} back to {to}: \"from\" must come first"),
                    );
                    None
                }
                _ if !(o.contains_key("from") && o.contains_key("to")) => {
                    errs.push(file, Some(step), "a span needs both \"from\" and \"to\"");
                    None
                }
                _ => None,
            }
        }
        (true, true) => {
            errs.push(file, Some(step), "gives a \"date\" and a span (\"from\", \"to\"): give one");
            None
        }
        (false, false) => {
            errs.push(file, Some(step), "has no \"date\" (or \"from\" and \"to\")");
            None
        }
    };
    let targets = |key: &str, errs: &mut AtlasErrors| -> Vec<Target> {
        match o.get(key) {
            None => Vec::new(),
            Some(Json::Array(items)) => items
                .iter()
                .filter_map(|item| match item.as_str().map(|name| names.find(name)) {
                    Some(Ok(t)) => Some(t),
                    Some(Err(problem)) => {
                        errs.push(file, Some(step), format!("its \"{key}\" {problem}"));
                        None
                    }
                    None => {
                        errs.push(file, Some(step), format!("its \"{key}\" must be a list of ids"));
                        None
                    }
                })
                .collect(),
            Some(_) => {
                errs.push(file, Some(step), format!("its \"{key}\" must be a list of ids"));
                Vec::new()
            }
        }
    };
    let view = match (o.get("centre"), o.get("fit")) {
        (Some(_), Some(_)) => {
            errs.push(file, Some(step), "gives a \"centre\" and a \"fit\": give one");
            None
        }
        (Some(centre), None) => read_centre(names.extent, centre, o.get("zoom"), file, step, errs),
        (None, Some(_)) => {
            let fit = targets("fit", errs);
            (!fit.is_empty()).then_some(StepView::Fit(fit))
        }
        (None, None) => Some(StepView::Whole),
    };
    let caption = text_field(o, "caption", file, step, true, errs);
    let text = text_field(o, "text", file, step, false, errs).unwrap_or_default();
    let highlight = targets("highlight", errs);
    let compare = if o.contains_key("compare") { date("compare", errs) } else { None };
    let layers = match o.get("layers") {
        None => None,
        Some(Json::String(s)) => Some(s.clone()),
        Some(_) => {
            errs.push(file, Some(step), "its \"layers\" must be a text such as \"+taken,-roads\"");
            None
        }
    };
    // A step with a problem is left out; what was wrong has been said.
    if errs.errors().count() > before {
        return None;
    }
    Some(StoryStep { when: when?, view: view?, caption: caption?, text, highlight, compare, layers })
}

/// A step's centre and zoom, held to the atlas's extent and the window's zooms.
fn read_centre(
    extent: Option<geo::Rect>,
    centre: &Json,
    zoom: Option<&Json>,
    file: &str,
    step: &str,
    errs: &mut AtlasErrors,
) -> Option<StepView> {
    let Some([lon, lat]) = centre.as_array().and_then(|a| match a.as_slice() {
        [lon, lat] => Some([lon.as_f64()?, lat.as_f64()?]),
        _ => None,
    }) else {
        errs.push(file, Some(step), "its \"centre\" must be [longitude, latitude]");
        return None;
    };
    let zoom = match zoom {
        None => 1.0,
        Some(z) => match z.as_f64().map(|z| z as f32).filter(|z| STORY_ZOOM.contains(z)) {
            Some(z) => z,
            None => {
                errs.push(
                    file,
                    Some(step),
                    format!("its \"zoom\" must be a number from {} to {}", STORY_ZOOM.start(), STORY_ZOOM.end()),
                );
                return None;
            }
        },
    };
    if let Some(extent) = extent {
        // A quarter of the atlas's size round it still shows some of it.
        let (w, h) = (extent.width() / 4.0, extent.height() / 4.0);
        let (min, max) = (extent.min(), extent.max());
        if !(min.x - w..=max.x + w).contains(&lon) || !(min.y - h..=max.y + h).contains(&lat) {
            errs.push(
                file,
                Some(step),
                format!(
                    "its centre ({lon}, {lat}) is outside the atlas ({:.2} to {:.2}°E, {:.2} to {:.2}°N): is it longitude, latitude?",
                    min.x, max.x, min.y, max.y
                ),
            );
            return None;
        }
    }
    Some(StepView::Centre { lon, lat, zoom })
}
