//! Stories in the window, driven through egui_kittest: a story written in the app (three steps
//! recorded, reordered, captioned, undone), saved and read back equal; played (the camera flies
//! to each step, the date and the view reach the step's, then the window is idle); opened from
//! the command line at a step; shown in presentation mode.

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use jiff::civil::{Date, date};
use karabakh_atlas::atlas::{StepView, StepWhen};
use karabakh_atlas::scene::View;
use karabakh_atlas::ui::settings::Settings;
use karabakh_atlas::ui::{AtlasApp, LaunchOptions};

#[path = "common/harness.rs"]
mod common_harness;
use common_harness::{assert_idle, harness_sized};

const TODAY: Date = Date::constant(2026, 11, 25);

fn launch(d: Date, user_dir: Option<&std::path::Path>) -> LaunchOptions {
    LaunchOptions {
        date: Some(d),
        today: Some(TODAY),
        user_dir: user_dir.map(std::path::Path::to_path_buf),
        ..Default::default()
    }
}

fn harness(options: LaunchOptions) -> Harness<'static, AtlasApp> {
    harness_sized(options, Settings::default(), egui::vec2(1400.0, 900.0))
}

/// Frames until the story's flight (and span) has ended: a second of flight is four steps of
/// the harness's quarter-second clock; at most five seconds.
fn fly(h: &mut Harness<'static, AtlasApp>) {
    for _ in 0..20 {
        h.step();
        if !h.state().story_moving() {
            break;
        }
    }
    h.run();
    assert!(!h.state().story_moving(), "the flight ends");
}

/// The view at a point (lon, lat) and zoom.
fn view_at(h: &Harness<'static, AtlasApp>, lon: f64, lat: f64, zoom: f32) -> View {
    h.state().view_centred_on(lon, lat, zoom)
}

#[test]
fn a_story_written_in_the_window_is_recorded_reordered_played_saved_and_read_back_equal() {
    let home = tempfile::tempdir().expect("tmp");
    let mut h = harness(launch(date(1988, 2, 20), Some(home.path())));
    // A new story: its first step is the window as it is.
    h.get_by_role_and_label(Role::Button, "Stories").click();
    h.run();
    h.get_by_label("New story from this view").click();
    h.run();
    assert_eq!(h.state().story_at().map(|s| (s.1, s.2)), Some((0, 1)));
    // Two more steps: Shusha in May 1992, closer; the whole front on the day of the 1994 ceasefire.
    let shusha = view_at(&h, 46.75, 39.76, 4.0);
    h.state_mut().set_date(date(1992, 5, 9));
    h.state_mut().set_view(shusha);
    h.run();
    h.get_by_role_and_label(Role::Button, "Add this view as a step").click();
    h.run();
    let front = view_at(&h, 47.0, 39.7, 1.5);
    h.state_mut().set_date(date(1994, 5, 12));
    h.state_mut().set_view(front);
    h.run();
    h.get_by_role_and_label(Role::Button, "Add this view as a step").click();
    h.run();
    let days = |h: &Harness<'static, AtlasApp>| -> Vec<Date> {
        h.state().story().expect("a story").steps.iter().map(|s| s.when.first_day()).collect()
    };
    assert_eq!(days(&h), [date(1988, 2, 20), date(1992, 5, 9), date(1994, 5, 12)]);
    let step = &h.state().story().expect("story").steps[1];
    let StepView::Centre { zoom, .. } = step.view else { panic!("a recorded view is a centre: {:?}", step.view) };
    assert!((zoom - 4.0).abs() < 1e-3);
    // The step shown is the third; moved up, it is second, and the order follows.
    assert_eq!(h.state().story_at().map(|s| s.1), Some(2));
    h.get_by_role_and_label(Role::Button, "Move up").click();
    h.run();
    assert_eq!(days(&h), [date(1988, 2, 20), date(1994, 5, 12), date(1992, 5, 9)]);
    assert_eq!(h.state().story_at().map(|s| s.1), Some(1));
    // Undo puts it back; moving it again leaves the order as the test wants it.
    h.get_by_role_and_label(Role::Button, "Undo").click();
    h.run();
    assert_eq!(days(&h), [date(1988, 2, 20), date(1992, 5, 9), date(1994, 5, 12)]);
    // The caption is edited in place.
    h.get_by_role_and_label(Role::MultilineTextInput, "Caption").click();
    h.run();
    h.key_press(Key::End);
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "Caption").type_text(" Front.");
    h.run();
    let caption = h.state().story().expect("story").steps[2].caption.get("en").to_owned();
    assert!(caption.ends_with(" Front."), "{caption}");

    // Played from the first step: the camera flies to each, the date and the view reach the
    // step's, and then nothing is drawn until the next.
    h.get_by_label_contains("1. ").click();
    h.step();
    fly(&mut h);
    assert_eq!(h.state().date(), date(1988, 2, 20));
    for (n, (day, view)) in [(date(1992, 5, 9), shusha), (date(1994, 5, 12), front)].into_iter().enumerate() {
        h.key_press(Key::PageDown);
        h.step();
        assert!(h.state().story_moving(), "step {}: the camera flies", n + 2);
        fly(&mut h);
        assert_eq!(h.state().story_at().map(|s| s.1), Some(n + 1));
        assert_eq!(h.state().date(), day);
        let reached = h.state().view();
        assert!((reached.centre - view.centre).length() < 0.05, "{reached:?} against {view:?}");
        assert!((reached.zoom.get() - view.zoom.get()).abs() < 1e-3);
        assert_idle(&mut h, "arrived: the window is idle");
    }

    // Saved into the reader's folder, and offered again by a new window, equal.
    h.get_by_role_and_label(Role::Button, "Save").click();
    h.run();
    let written = home.path().join("stories/my-story.json");
    assert!(written.exists(), "saved as {}", written.display());
    let saved = h.state().story().expect("story").clone();
    assert!(!saved.sources.is_empty(), "a saved story carries the sources of the phases it shows");
    let again = harness(launch(date(2000, 1, 1), Some(home.path())));
    let back = again.state().stories().iter().find(|s| s.id == "my-story").expect("the saved story is offered");
    assert_eq!(back.steps, saved.steps);
    assert_eq!((&back.title, &back.sources), (&saved.title, &saved.sources));
}

#[test]
fn a_story_opens_at_a_step_from_the_command_line_and_escape_leaves_it() {
    let options = LaunchOptions { story: Some("war-2020".into()), step: Some(3), ..launch(date(2000, 1, 1), None) };
    let mut h = harness(options);
    assert_eq!(h.state().story_at(), Some(("war-2020", 2, 12)));
    assert_eq!(h.state().date(), date(2020, 10, 3));
    assert!(h.query_all_by_label("step 3 / 12").count() >= 1, "the step is always shown");
    // The step frames Talish and Madagiz: both on the map, and the map closer than the whole atlas.
    let map = h.state().map_rect().expect("map");
    for (lon, lat) in [(46.6438, 40.3722), (46.6419, 40.2936)] {
        assert!(map.contains(h.state().screen_pos_of(lon, lat)), "({lon}, {lat}) on the map");
    }
    assert!(h.state().view().zoom.get() > 2.0);
    // Space steps on, with a flight; Escape closes the story and leaves the map where it is.
    h.key_press(Key::Space);
    h.step();
    fly(&mut h);
    assert_eq!(h.state().story_at().map(|s| s.1), Some(3));
    assert_eq!(h.state().date(), date(2020, 10, 4));
    let view = h.state().view();
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().story_at().is_none());
    assert_eq!(h.state().view(), view);
}

#[test]
fn the_next_steps_map_is_made_off_the_windows_thread_while_the_camera_flies() {
    // Step 4 of the war (Jabrayil, on the Aras) to step 5 (Hadrut, five days later): another
    // date, another view, another emphasis.
    let at_4 = LaunchOptions { story: Some("war-2020".into()), step: Some(4), ..launch(date(2000, 1, 1), None) };
    let mut h = harness(at_4.clone());
    h.run();
    let (made, placed, taken) =
        (h.state().map_rebuilds(), h.state().label_rebuilds(), h.state().prepared_layers_taken());
    h.key_press(Key::Space);
    h.step();
    fly(&mut h);
    assert_eq!(h.state().story_at().map(|s| s.1), Some(4));
    assert_eq!(h.state().date(), date(2020, 10, 9));
    assert_eq!(h.state().map_rebuilds(), made, "the base layer was not made on the window's thread");
    assert_eq!(h.state().label_rebuilds(), placed, "nor were the labels");
    assert_eq!(h.state().prepared_layers_taken(), taken + 2, "both were made ahead and taken");
    // What was made ahead is what the window makes when it opens on that step.
    let at_5 = LaunchOptions { step: Some(5), ..at_4 };
    let mut fresh = harness(at_5);
    fresh.run();
    fresh.state_mut().set_view(h.state().view());
    fresh.run();
    let (mut ahead, mut made_here) = (h.state().labels_in_view(), fresh.state().labels_in_view());
    ahead.sort();
    made_here.sort();
    assert!(ahead.len() > 10, "{ahead:?}");
    assert_eq!(ahead, made_here);
    assert_idle(&mut h, "arrived: idle");
}

#[test]
fn a_span_plays_at_its_pace_then_the_window_is_idle() {
    // Step 10 of the war: 27 September to 26 October 2020, five days a second.
    let options = LaunchOptions { story: Some("war-2020".into()), step: Some(10), ..launch(date(2000, 1, 1), None) };
    let mut h = harness(options);
    let Some(StepWhen::Span { from, to, .. }) = h.state().story().map(|s| s.steps[9].when) else {
        panic!("step 10 plays a span")
    };
    h.step();
    h.step();
    let d = h.state().date();
    assert!(d > from && d < to, "playing: {d}");
    // 29 days at five a second: six seconds, 24 steps of the harness's clock.
    for _ in 0..40 {
        h.step();
    }
    assert_eq!(h.state().date(), to);
    assert!(!h.state().story_moving());
    assert_idle(&mut h, "the span has played: idle");
}

#[test]
fn presenting_a_story_shows_its_title_caption_and_step() {
    let options = LaunchOptions {
        story: Some("lachin-corridor".into()),
        step: Some(2),
        present: true,
        ..launch(date(2000, 1, 1), None)
    };
    let mut h = harness(options);
    h.run();
    assert!(h.query_by_label("The Lachin corridor, 1992–2023").is_some(), "the story's title");
    assert!(h.query_all_by_label("step 2 / 8").count() >= 1);
    let caption = h.state().story().expect("story").steps[1].caption.get("en").to_owned();
    assert!(h.query_by_label(&caption).is_some(), "the caption: {caption}");
    // A clicker's next key steps the story; Escape leaves presentation, then the story.
    h.key_press(Key::PageDown);
    h.step();
    fly(&mut h);
    assert_eq!(h.state().story_at().map(|s| s.1), Some(2));
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().presenting() && h.state().story_at().is_some());
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().story_at().is_none());
}

#[test]
fn the_open_story_exports_from_the_window_as_a_deck_of_its_steps() {
    // The tiny atlas with its story, opened from its folder.
    let dir = tempfile::tempdir().expect("tmp");
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/tiny")).expect("tiny") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copy");
    }
    std::fs::create_dir(dir.path().join("stories")).expect("stories");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/tiny-story/stories/the-war.json"),
        dir.path().join("stories/the-war.json"),
    )
    .expect("story");
    let options = LaunchOptions {
        atlas_dir: Some(dir.path().to_path_buf()),
        story: Some("the-war".into()),
        ..launch(date(2000, 6, 1), None)
    };
    let mut h = harness(options);
    assert_eq!(h.state().story_at(), Some(("the-war", 0, 3)));
    // Saved into the atlas's own folder.
    assert_eq!(h.state().stories_saved_in(), Some(dir.path().to_path_buf()));
    let out = dir.path().join("lesson.html");
    h.state_mut().queue(karabakh_atlas::ui::Command::Export(karabakh_atlas::ui::ExportKind::Story, out.clone()));
    for _ in 0..600 {
        h.step();
        if !h.state().exporting() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    h.run();
    let page = std::fs::read_to_string(&out).expect("the deck is written");
    assert_eq!(page.matches("<section class=\"slide").count(), 3, "a slide a step");
    assert!(page.contains("Blue takes the town."));
}
