//! A story written back as the JSON of `stories/*.json` (`docs/atlas-format.md`), as the window
//! saves one a reader has written: what `load::read_story_text` reads back equal. Names are
//! written with their kind (`region:shusha`), so that a saved story never becomes ambiguous when
//! the atlas later gives a second thing the same id.

use serde_json::{Map, Value as Json, json};

use super::story::{StepView, StepWhen, Story, StoryStep, Target};
use super::{Atlas, Source};

/// The story as the text of its file, indented as a person would write it.
pub fn story_json(atlas: &Atlas, story: &Story) -> String {
    let mut top = Map::new();
    top.insert("id".into(), json!(story.id));
    top.insert("title".into(), json!(story.title));
    if !story.description.0.is_empty() {
        top.insert("description".into(), json!(story.description));
    }
    top.insert("sources".into(), Json::Array(story.sources.iter().map(source_json).collect()));
    top.insert("steps".into(), Json::Array(story.steps.iter().map(|s| step_json(atlas, s)).collect()));
    let mut text = serde_json::to_string_pretty(&Json::Object(top)).unwrap_or_default();
    text.push('\n');
    text
}

fn source_json(s: &Source) -> Json {
    match &s.url {
        Some(url) => json!({ "title": s.title, "url": url }),
        None => json!({ "title": s.title }),
    }
}

fn step_json(atlas: &Atlas, step: &StoryStep) -> Json {
    let mut o = Map::new();
    match step.when {
        StepWhen::Day(d) => {
            o.insert("date".into(), json!(d.to_string()));
        }
        StepWhen::Span { from, to, days_per_second } => {
            o.insert("from".into(), json!(from.to_string()));
            o.insert("to".into(), json!(to.to_string()));
            o.insert("days_per_second".into(), json!(days_per_second));
        }
    }
    match &step.view {
        StepView::Whole => {}
        StepView::Centre { lon, lat, zoom } => {
            o.insert("centre".into(), json!([lon, lat]));
            o.insert("zoom".into(), json!(zoom));
        }
        StepView::Fit(targets) => {
            o.insert("fit".into(), names(atlas, targets));
        }
    }
    o.insert("caption".into(), json!(step.caption));
    if !step.text.0.is_empty() {
        o.insert("text".into(), json!(step.text));
    }
    if !step.highlight.is_empty() {
        o.insert("highlight".into(), names(atlas, &step.highlight));
    }
    if let Some(c) = step.compare {
        o.insert("compare".into(), json!(c.to_string()));
    }
    if let Some(layers) = &step.layers {
        o.insert("layers".into(), json!(layers));
    }
    Json::Object(o)
}

/// The names of `targets` as a file gives them: `kind:id`.
fn names(atlas: &Atlas, targets: &[Target]) -> Json {
    Json::Array(targets.iter().filter_map(|&t| target_name(atlas, t)).map(Json::String).collect())
}

/// `region:nkao`, `place:shusha`: the name a file gives a target (`None` if it is no longer in
/// the atlas).
pub fn target_name(atlas: &Atlas, target: Target) -> Option<String> {
    Some(match target {
        Target::Region(r) => format!("region:{}", atlas.regions.get(r.get())?.id),
        Target::Zone(z) => format!("zone:{}", atlas.zones.get(z.get())?.id),
        Target::Place(p) => format!("place:{}", atlas.place(p)?.id),
        Target::Line(l) => format!("line:{}", atlas.lines.get(l)?.id),
    })
}

#[cfg(test)]
mod tests {
    use super::story_json;
    use crate::atlas::{embedded, load::read_story_text};

    #[test]
    fn every_built_in_story_reads_back_as_written() {
        let atlas = embedded().expect("built-in atlas");
        assert!(atlas.stories.len() >= 3);
        for story in &atlas.stories {
            let text = story_json(&atlas, story);
            let back = read_story_text(&atlas, &story.file, &text).unwrap_or_else(|e| panic!("{}: {e}", story.id));
            assert_eq!(&back, story, "{text}");
        }
    }
}
