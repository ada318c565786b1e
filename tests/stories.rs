//! Stories (`stories/*.json`): a story of the tiny atlas reads as written, and each class of bad
//! story is refused with its own message naming the file and the step.

use std::path::{Path, PathBuf};

use karabakh_atlas::atlas::{AtlasError, StepView, StepWhen, Target, load_dir};

const TINY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/tiny");
const STORY: &str = include_str!("data/tiny-story/stories/the-war.json");

/// The tiny atlas with the story, its text changed by `edit`.
fn with_story(edit: impl FnOnce(&str) -> String) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tmp");
    for entry in std::fs::read_dir(TINY).expect("tiny") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copy");
    }
    std::fs::create_dir(dir.path().join("stories")).expect("stories");
    std::fs::write(dir.path().join("stories/the-war.json"), edit(STORY)).expect("write");
    let path = dir.path().to_path_buf();
    (dir, path)
}

fn problems(dir: &Path) -> Vec<AtlasError> {
    match load_dir(dir) {
        Ok(_) => panic!("a bad story was accepted"),
        Err(e) => e.0,
    }
}

/// The program run with `args`: its exit code and what it said on standard error.
fn run(args: &[&str]) -> (i32, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_karabakh-atlas")).args(args).output().expect("run");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[track_caller]
fn says(edit: impl FnOnce(&str) -> String, step: Option<&str>, what: &str) {
    let (_d, dir) = with_story(edit);
    let errs = problems(&dir);
    let found = errs.iter().any(|e| {
        e.file.ends_with("stories/the-war.json")
            && step.is_none_or(|s| e.feature.as_deref() == Some(s))
            && e.message.contains(what)
    });
    assert!(found, "expected {step:?} to say {what:?}, got:\n{errs:#?}");
    assert_eq!(errs.iter().filter(|e| !e.note).count(), 1, "said once, no cascade: {errs:#?}");
}

#[test]
fn a_story_reads_as_written() {
    let (_d, dir) = with_story(str::to_owned);
    let atlas = load_dir(&dir).expect("the atlas with its story");
    let [story] = atlas.stories.as_slice() else { panic!("one story: {:?}", atlas.stories) };
    assert_eq!(story.id, "the-war");
    assert_eq!(story.title.get("vi"), "Cuộc chiến trong atlas nhỏ");
    assert_eq!(story.sources.len(), 1);
    let [first, second, third] = story.steps.as_slice() else { panic!("three steps") };
    assert_eq!(first.when, StepWhen::Day(jiff::civil::date(2000, 6, 1)));
    assert_eq!(first.view, StepView::Whole);
    let town = atlas.places.iter().position(|p| p.id == "town").expect("town");
    let b = atlas.regions.iter().position(|r| r.id == "b").expect("region b");
    let StepView::Fit(fit) = &second.view else { panic!("a fit: {:?}", second.view) };
    assert!(
        matches!(fit.as_slice(), [Target::Place(p), Target::Region(r)] if p.get() == town && r.get() == b),
        "{fit:?}"
    );
    assert!(matches!(second.highlight.as_slice(), [Target::Zone(_)]));
    assert_eq!(second.compare, Some(jiff::civil::date(2000, 6, 1)));
    assert_eq!(second.text.get("en"), "The east went first, in January.");
    assert_eq!(
        third.when,
        StepWhen::Span {
            from: jiff::civil::date(2001, 1, 1),
            to: jiff::civil::date(2002, 1, 1),
            days_per_second: 30.0
        }
    );
    assert_eq!(third.view, StepView::Centre { lon: 10.75, lat: 10.5, zoom: 2.5 });
    assert_eq!(third.layers.as_deref(), Some("+taken"));
}

#[test]
fn each_class_of_bad_story_is_refused_with_its_own_message() {
    // A step naming an unknown place, with the one meant.
    says(
        |s| s.replace("\"fit\": [\"town\"", "\"fit\": [\"twon\""),
        Some("step 2"),
        "names \"twon\", which is no region, zone, place or line of the atlas (did you mean \"town\"?)",
    );
    // An id that is two things at once.
    says(
        |s| s.replace("\"highlight\": [\"zone:b\"]", "\"highlight\": [\"b\"]"),
        Some("step 2"),
        "which is 2 at once: write \"region:b\" or \"zone:b\"",
    );
    // A date outside the timeline.
    says(
        |s| s.replace("\"date\": \"2000-06-01\"", "\"date\": \"1999-06-01\""),
        Some("step 1"),
        "its date 1999-06-01 is outside the atlas's timeline (2000-01-01 to today)",
    );
    // A date that does not exist, in plain words.
    says(
        |s| s.replace("\"date\": \"2000-06-01\"", "\"date\": \"2001-02-29\""),
        Some("step 1"),
        "February 2001 has 28 days",
    );
    // A view outside the atlas (latitude first).
    says(|s| s.replace("[10.75, 10.5]", "[10.5, 40.75]"), Some("step 3"), "is outside the atlas");
    // A zoom the window cannot show.
    says(|s| s.replace("\"zoom\": 2.5", "\"zoom\": 0"), Some("step 3"), "its \"zoom\" must be a number from 1 to 40");
    // A caption with no English.
    says(
        |s| s.replace("\"caption\": \"Blue takes the town.\"", "\"caption\": {\"vi\": \"Phe Xanh chiếm thị trấn.\"}"),
        Some("step 2"),
        "its caption has no English (\"en\") text",
    );
    // A step without a caption.
    says(
        |s| s.replace("\"caption\": \"The year of the war, a month a second.\", ", ""),
        Some("step 3"),
        "has no \"caption\"",
    );
    // A span that runs backwards.
    says(
        |s| {
            s.replace(
                "\"from\": \"2001-01-01\", \"to\": \"2002-01-01\"",
                "\"from\": \"2002-01-01\", \"to\": \"2001-01-01\"",
            )
        },
        Some("step 3"),
        "\"from\" must come first",
    );
    // A story with no sources.
    says(
        |s| s.replace("\"sources\": [{\"title\": \"Test source\", \"url\": \"https://example.org/1\"}],", ""),
        None,
        "has no sources",
    );
    // Not JSON at all.
    says(|_| "{\"steps\": [".to_owned(), None, "not valid JSON");
}

#[test]
fn check_refuses_a_step_naming_an_unknown_layer() {
    let (_d, dir) = with_story(|s| s.replace("\"layers\": \"+taken\"", "\"layers\": \"+rivers\""));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_karabakh-atlas"))
        .args(["check", dir.to_str().expect("path")])
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("stories/the-war.json: step 3: its layers: unknown layer \"rivers\""), "{err}");
}

#[test]
fn an_unknown_field_is_a_note_and_the_story_still_opens() {
    let (_d, dir) =
        with_story(|s| s.replacen("\"caption\": {\"en\": \"Red", "\"captoin\": \"x\", \"caption\": {\"en\": \"Red", 1));
    let atlas = load_dir(&dir).expect("opens");
    assert_eq!(atlas.stories.len(), 1);
    assert!(
        atlas
            .notes
            .iter()
            .any(|n| n.feature.as_deref() == Some("step 1") && n.message.contains("did you mean \"caption\"")),
        "{:?}",
        atlas.notes
    );
}

#[test]
fn the_built_in_atlas_has_its_stories_in_both_languages_with_sources() {
    let atlas = karabakh_atlas::atlas::embedded().expect("the built-in atlas");
    let story = atlas.stories.iter().find(|s| s.id == "oblast-to-war").expect("From oblast to war");
    assert_eq!(story.title.get("en"), "From oblast to war, 1923–1994");
    assert!(story.sources.len() >= 5, "{:?}", story.sources);
    assert!(story.steps.len() >= 10, "about ten steps: {}", story.steps.len());
    for (i, step) in story.steps.iter().enumerate() {
        assert!(step.caption.has("en") && step.caption.has("vi"), "step {}: {:?}", i + 1, step.caption);
        assert!(step.text.0.is_empty() || step.text.has("vi"), "step {}: its text has no Vietnamese", i + 1);
    }
    // In order of time, from the oblast's first day to the 1994 ceasefire.
    let days: Vec<_> = story.steps.iter().map(|s| s.when.first_day()).collect();
    assert!(days.windows(2).all(|w| w[0] <= w[1]), "{days:?}");
    assert_eq!(days.first(), Some(&jiff::civil::date(1923, 7, 7)));
    let war = atlas.stories.iter().find(|s| s.id == "war-2020").expect("The 44-day war");
    assert!(war.steps.len() >= 12, "about twelve steps: {}", war.steps.len());
    assert!(war.steps.iter().all(|s| s.caption.has("vi")), "every caption in Vietnamese");
    let corridor = atlas.stories.iter().find(|s| s.id == "lachin-corridor").expect("The Lachin corridor");
    assert!(corridor.steps.len() >= 8, "about eight steps: {}", corridor.steps.len());
    assert!(corridor.steps.iter().all(|s| s.caption.has("vi")), "every caption in Vietnamese");
    let days: Vec<_> = corridor.steps.iter().map(|s| s.when.first_day()).collect();
    assert!(days.windows(2).all(|w| w[0] <= w[1]), "{days:?}");
}

#[test]
fn a_step_of_a_story_exports_as_a_picture_with_its_caption() {
    let (_d, dir) = with_story(str::to_owned);
    let atlas = dir.to_str().expect("utf-8 path");
    let svg = dir.join("step.svg");
    let (code, err) =
        run(&["export", "--atlas", atlas, "--story", "the-war", "--step", "2", "--out", svg.to_str().expect("path")]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&svg).expect("svg");
    // The step's caption, on its date (1 June 2001), compared with its comparison date.
    assert!(text.contains("Blue takes the town."), "the caption");
    assert!(text.contains("1 June 2001"), "the step's date");
    let (code, err) =
        run(&["export", "--atlas", atlas, "--story", "the-war", "--step", "4", "--out", svg.to_str().expect("path")]);
    assert_eq!(code, 2);
    assert!(err.contains("has steps 1 to 3"), "{err}");
    let (code, err) = run(&["export", "--atlas", atlas, "--story", "the-wat", "--out", svg.to_str().expect("path")]);
    assert_eq!(code, 2);
    assert!(err.contains("no story \"the-wat\"") && err.contains("the-war"), "{err}");
}

#[test]
fn a_whole_story_exports_as_a_deck_of_one_slide_a_step_each_with_its_caption() {
    let (_d, dir) = with_story(str::to_owned);
    let atlas = dir.to_str().expect("utf-8 path");
    let captions = ["Red holds everything.", "Blue takes the town.", "The year of the war, a month a second."];
    // HTML: one slide a step, in order, each with its caption as its heading.
    let html = dir.join("lesson.html");
    let (code, err) = run(&["export", "--atlas", atlas, "--story", "the-war", "--out", html.to_str().expect("path")]);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(&html).expect("html");
    assert_eq!(page.matches("<section class=\"slide").count(), 3, "a slide a step");
    let at: Vec<usize> = captions.iter().map(|c| page.find(&format!("<h2>{c}")).expect(c)).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "in the story's order");
    assert!(page.contains("<title>The war in the tiny atlas</title>"), "titled with the story");
    // PDF: a page a step; the pages are the SVGs of the steps, whose captions a deck of SVGs shows.
    let pdf = dir.join("lesson.pdf");
    let (code, err) = run(&["export", "--atlas", atlas, "--story", "the-war", "--out", pdf.to_str().expect("path")]);
    assert_eq!(code, 0, "{err}");
    let bytes = std::fs::read(&pdf).expect("pdf");
    // Each page's dictionary says "/Type/Page" (the tree of pages, "/Type/Pages").
    let pages = bytes.windows(11).filter(|w| w.starts_with(b"/Type/Page") && w.get(10) != Some(&b's')).count();
    assert_eq!(pages, 3, "a page a step");
    let deck = dir.join("lesson");
    let deck_arg = deck.to_str().expect("path");
    let (code, err) = run(&["export", "--atlas", atlas, "--story", "the-war", "--deck", deck_arg, "--format", "svg"]);
    assert_eq!(code, 0, "{err}");
    for (n, caption) in captions.iter().enumerate() {
        let svg = std::fs::read_to_string(deck.join(format!("{:03}-step-{:02}.svg", n + 1, n + 1))).expect("svg");
        assert!(svg.contains(caption), "step {}: {caption}", n + 1);
    }
    let index = std::fs::read_to_string(deck.join("index.md")).expect("index");
    assert!(index.starts_with("# The war in the tiny atlas") && index.contains("https://example.org/1"), "{index}");
    // The second step names zone b: emphasised (its outline over the veil), the rest muted.
    let second = std::fs::read_to_string(deck.join("002-step-02.svg")).expect("svg");
    assert!(second.contains("id=\"highlight\""), "the step's emphasis is drawn");
    let first = std::fs::read_to_string(deck.join("001-step-01.svg")).expect("svg");
    assert!(!first.contains("id=\"highlight\""), "a step that names nothing mutes nothing");
    // A GIF flies between the steps: more frames than steps.
    let gif = dir.join("lesson.gif");
    let (code, err) = run(&[
        "export",
        "--atlas",
        atlas,
        "--story",
        "the-war",
        "--size",
        "480x270",
        "--out",
        gif.to_str().expect("path"),
    ]);
    assert_eq!(code, 0, "{err}");
    let mut decoder = gif::DecodeOptions::new();
    decoder.set_color_output(gif::ColorOutput::Indexed);
    let mut reader = decoder.read_info(std::fs::File::open(&gif).expect("gif")).expect("a GIF");
    let mut frames = 0;
    while reader.read_next_frame().expect("frame").is_some() {
        frames += 1;
    }
    assert!(frames > 3 + 2 * 5, "steps, flights between them and the span's days: {frames} frames");
}
