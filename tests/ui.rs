//! The real app driven through egui_kittest: slider, keys, events, hover, a bad atlas, snapshots.

use eframe::Storage as _;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use jiff::civil::{Date, date};
use karabakh_atlas::i18n::Lang;
use karabakh_atlas::ui::settings::Settings;
use karabakh_atlas::ui::{AtlasApp, LaunchOptions};

const TODAY: Date = Date::constant(2026, 11, 25);
const FIRST_DAY: Date = Date::constant(1923, 7, 7);

fn options(d: Date) -> LaunchOptions {
    LaunchOptions { date: Some(d), today: Some(TODAY), ..Default::default() }
}

#[path = "common/harness.rs"]
mod common_harness;
use common_harness::{assert_idle, harness_sized};

fn harness_with(options: LaunchOptions, settings: Settings) -> Harness<'static, AtlasApp> {
    harness_sized(options, settings, egui::vec2(1400.0, 900.0))
}

fn harness(options: LaunchOptions) -> Harness<'static, AtlasApp> {
    harness_with(options, Settings::default())
}

/// The pointer moved onto `at` (from a point beside it: the hover box waits for a real move).
fn hover(h: &mut Harness<'static, AtlasApp>, at: egui::Pos2) {
    h.hover_at(at + egui::vec2(3.0, 3.0));
    h.run();
    h.hover_at(at);
    h.run();
}

/// A click of the primary button at `at`.
fn click_at(h: &mut Harness<'static, AtlasApp>, at: egui::Pos2) {
    h.hover_at(at);
    h.run();
    h.drag_at(at);
    h.run();
    h.drop_at(at);
    h.run();
}

/// The slider's value for a date: days since the timeline's first day.
fn slider_value(d: Date) -> f64 {
    f64::from(d.since(FIRST_DAY).expect("span").get_days())
}

#[test]
fn dragging_the_slider_changes_phase_and_control() {
    let mut h = harness(options(date(2020, 10, 5)));
    assert_eq!(h.state().phase_id(), Some("P15"));
    h.get_by_role_and_label(Role::Slider, "Date").set_value_accesskit(slider_value(date(2020, 11, 7)));
    h.run();
    assert_eq!(h.state().date(), date(2020, 11, 7));
    assert_eq!(h.state().controller_of("nkao-shusha"), Some("ka"));
    h.get_by_role_and_label(Role::Slider, "Date").set_value_accesskit(slider_value(date(2020, 11, 9)));
    h.run();
    assert_eq!(h.state().controller_of("nkao-shusha"), Some("az"));
    assert_eq!(h.state().controller_of("nkao-core"), Some("ka"), "Stepanakert did not change hands");
    h.get_by_role_and_label(Role::Slider, "Date").set_value_accesskit(slider_value(date(1993, 5, 1)));
    h.run();
    assert_eq!(h.state().phase_id(), Some("P06"));
    assert_eq!(h.state().controller_of("kalbajar"), Some("ka"));
    // The phase title is shown in the side panel.
    let title = h.state().atlas().phases.iter().find(|p| p.id == "P06").expect("P06").title.get("en").to_owned();
    assert!(h.query_by_label(&title).is_some(), "side panel shows {title}");
}

#[test]
fn dragging_with_the_pointer_moves_the_date() {
    let mut h = harness(options(date(2020, 10, 5)));
    let slider = h.get_by_role_and_label(Role::Slider, "Date").rect();
    h.drag_at(slider.left_center() + egui::vec2(30.0, 0.0));
    h.run();
    h.drop_at(slider.left_center() + egui::vec2(30.0, 0.0));
    h.run();
    assert!(h.state().date() < date(1940, 1, 1), "{}", h.state().date());
    assert_eq!(h.state().phase_id(), Some("P01"));
}

#[test]
fn keys_step_days_months_phases_and_events() {
    let mut h = harness(options(date(2020, 11, 7)));
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().date(), date(2020, 11, 8));
    assert_eq!(h.state().controller_of("nkao-shusha"), Some("az"));
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    h.run();
    assert_eq!(h.state().date(), date(2020, 12, 8));
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(h.state().date(), date(2020, 12, 7));
    h.key_press(Key::PageDown);
    h.run();
    assert_eq!(h.state().phase_id(), Some("P18"));
    assert_eq!(h.state().date(), date(2022, 8, 26));
    assert_eq!(h.state().controller_of("lachin-corridor"), Some("az"));
    h.key_press(Key::PageUp);
    h.run();
    assert_eq!(h.state().date(), date(2020, 12, 1), "back to the previous phase's start");
    h.key_press(Key::Period);
    h.run();
    let e = h.state().selected_event().expect("an event is selected").to_owned();
    let ev = h.state().atlas().events.iter().find(|x| x.id == e).expect("event").clone();
    assert!(ev.date > date(2020, 12, 1));
    assert_eq!(h.state().date(), ev.date);
    h.key_press(Key::Home);
    h.run();
    assert_eq!(h.state().date(), FIRST_DAY);
    h.key_press(Key::End);
    h.run();
    assert_eq!(h.state().date(), TODAY);
    assert_eq!(h.state().controller_of("nkao-core"), Some("az"));
}

#[test]
fn clicking_an_event_jumps_to_its_date() {
    let mut h = harness(options(date(2020, 9, 27)));
    // The Shusha event of 8 November 2020 in the side panel's list.
    let ev = h.state().atlas().events.iter().find(|e| e.date == date(2020, 11, 8)).expect("event").clone();
    let text = ev.text.get("en").to_owned();
    // The list scrolls; a screen reader's click reaches the entry wherever it is.
    h.get_by_label_contains(&text).click_accesskit();
    h.run();
    assert_eq!(h.state().date(), date(2020, 11, 8));
    assert_eq!(h.state().selected_event(), Some(ev.id.as_str()));
    assert_eq!(h.state().controller_of("nkao-shusha"), Some("az"));
}

#[test]
fn clicking_an_event_marker_on_the_slider_selects_it() {
    let mut h = harness(options(date(1950, 1, 1)));
    let slider = h.get_by_role_and_label(Role::Slider, "Date").rect();
    // The marker of the first event (the oblast's creation) sits at the left end, above the bands.
    let first = h.state().atlas().events[0].clone();
    h.hover_at(egui::pos2(slider.left() + 8.0, slider.top() + 8.0));
    h.run();
    h.drag_at(egui::pos2(slider.left() + 8.0, slider.top() + 8.0));
    h.run();
    h.drop_at(egui::pos2(slider.left() + 8.0, slider.top() + 8.0));
    h.run();
    assert_eq!(h.state().selected_event(), Some(first.id.as_str()));
    assert_eq!(h.state().date(), first.date);
}

/// Types `text` into the date box, replacing what is there, and presses Enter.
fn type_date(h: &mut Harness<'static, AtlasApp>, text: &str) {
    h.get_by_role_and_label(Role::TextInput, "Date").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Date").type_text(text);
    h.key_press(Key::Enter);
    h.run();
}

#[test]
fn typing_a_date_jumps_to_it_and_a_bad_one_is_refused() {
    let mut h = harness(options(date(2020, 9, 27)));
    type_date(&mut h, "1994-06-01");
    assert_eq!(h.state().date(), date(1994, 6, 1));
    assert_eq!(h.state().phase_id(), Some("P12"));
    type_date(&mut h, "2020-02-30");
    assert_eq!(h.state().date(), date(1994, 6, 1), "an impossible date changes nothing");
    assert!(h.query_by_label_contains("not a valid date").is_some());
}

#[test]
fn hovering_a_zone_shows_its_info() {
    let mut h = harness(options(date(2021, 1, 1)));
    let at = h.state().screen_pos_of(46.78, 39.85); // just north-east of Stepanakert
    h.hover_at(at);
    h.run();
    assert!(h.query_by_label("Area: 1,646 km²").is_none(), "no box before the pointer really moves");
    hover(&mut h, at);
    assert_eq!(h.state().hovered_zone(), Some("nkao-core"));
    assert!(h.query_by_label("Held by: Karabakh Armenian forces (NKR)").is_some());
    assert!(h.query_by_label("Area: 1,646 km²").is_some());
    let at = h.state().screen_pos_of(46.75, 39.74); // south of Shusha
    hover(&mut h, at);
    assert_eq!(h.state().hovered_zone(), Some("nkao-shusha"));
    assert!(h.query_by_label("Held by: Azerbaijan").is_some());
    assert!(h.query_by_label("Approximate edges").is_some());
}

fn broken_atlas() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    let tiny = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/tiny");
    for entry in std::fs::read_dir(tiny).expect("tiny") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copy");
    }
    std::fs::write(dir.path().join("zones.geojson"), "{\"type\": \"FeatureCollection\", \"features\": [{]}")
        .expect("write");
    dir
}

#[test]
fn a_bad_atlas_shows_its_errors_and_the_app_keeps_running() {
    let dir = broken_atlas();
    let mut h = harness(LaunchOptions { atlas_dir: Some(dir.path().to_path_buf()), ..options(date(2020, 10, 5)) });
    assert_eq!(h.state().atlas().id, "karabakh", "the built-in atlas stays");
    assert!(h.query_by_label("Could not open the atlas").is_some());
    assert!(h.query_all_by_label_contains("zones.geojson: not valid JSON").next().is_some());
    // Still usable.
    h.key_press(Key::PageDown);
    h.run();
    assert_eq!(h.state().phase_id(), Some("P16"));
    h.get_by_label("Close").click();
    h.run();
    assert!(h.state().problem().is_none());
}

#[test]
fn opening_a_bad_atlas_over_a_good_one_keeps_the_good_one() {
    let mut h = harness(options(date(2020, 10, 5)));
    h.state_mut().open_atlas(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/tiny")));
    h.run();
    assert_eq!(h.state().atlas().id, "tiny");
    assert_eq!(h.state().date(), date(2001, 3, 1), "the atlas's default date");
    let dir = broken_atlas();
    h.state_mut().open_atlas(dir.path());
    h.run();
    assert_eq!(h.state().atlas().id, "tiny");
    assert!(h.state().problem().is_some());
    assert!(h.query_by_label_contains("not valid JSON").is_some());
}

#[test]
fn remembered_settings_are_used_and_bad_ones_ignored() {
    let remembered = Settings { date: Some("1993-05-01".into()), ..Default::default() };
    let app = AtlasApp::with_settings(LaunchOptions { today: Some(TODAY), ..Default::default() }, remembered);
    assert_eq!(app.date(), date(1993, 5, 1));
    let corrupt = Settings { date: Some("1993-02-30".into()), ..Default::default() };
    let app = AtlasApp::with_settings(LaunchOptions { today: Some(TODAY), ..Default::default() }, corrupt);
    assert_eq!(app.date(), date(2020, 10, 5), "falls back to the atlas's default date");
    // --date wins over what was remembered.
    let remembered = Settings { date: Some("1993-05-01".into()), ..Default::default() };
    let app = AtlasApp::with_settings(options(date(2024, 1, 1)), remembered);
    assert_eq!(app.date(), date(2024, 1, 1));
    // A settings file from an older or newer version, or a broken one, gives the defaults.
    let parsed: Result<Settings, _> = serde_json::from_str(r#"{"date": 5, "view": "x"}"#);
    assert!(parsed.is_err());
    let partial: Settings = serde_json::from_str(r#"{"lang": "vi", "unknown": 1}"#).expect("partial settings load");
    assert_eq!(partial.lang.as_deref(), Some("vi"));
}

/// Settings kept in memory, as eframe's file store keeps them on disk.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }

    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }

    fn flush(&mut self) {}
}

#[test]
fn settings_saved_on_exit_are_what_the_next_start_shows() {
    use karabakh_atlas::scene::{NameStyle, View, Zoom};
    use karabakh_atlas::ui::Command;
    let ctx = egui::Context::default();
    let start = LaunchOptions { today: Some(TODAY), ..Default::default() };
    let mut app = AtlasApp::new(&ctx, None, start.clone());
    app.run(Command::SetDate(date(1993, 5, 1)));
    app.run(Command::SetLanguage(Lang::Vi));
    app.run(Command::SetNames(NameStyle::Second));
    let view = View { zoom: Zoom::new(3.0), ..app.view() };
    app.set_view(view);
    let mut storage = MemoryStorage::default();
    eframe::App::save(&mut app, &mut storage);
    let again = AtlasApp::new(&ctx, Some(&storage), start.clone());
    assert_eq!(again.date(), date(1993, 5, 1));
    assert_eq!(again.lang(), Lang::Vi);
    assert_eq!(again.settings_to_save().names, NameStyle::Second);
    assert_eq!(again.view(), view);
    // A broken store, or a value out of range, and the program still starts.
    let key = karabakh_atlas::ui::settings::KEY;
    storage.set_string(key, "(this is not what was saved".into());
    let fresh = AtlasApp::new(&ctx, Some(&storage), start.clone());
    assert_eq!(fresh.date(), date(2020, 10, 5), "the atlas's default date");
    assert_eq!(fresh.lang(), Lang::En);
    let saved = storage_text_with_zoom(&again, "0.0");
    assert!(saved.contains("zoom:0.0"), "{saved}");
    storage.set_string(key, saved);
    let clamped = AtlasApp::new(&ctx, Some(&storage), start);
    assert_eq!(clamped.date(), date(1993, 5, 1), "the rest of the settings was read");
    assert_eq!(clamped.view().zoom.get(), karabakh_atlas::scene::MIN_ZOOM, "a remembered zoom of 0 is clamped");
}

/// What `app` would save, with its view's zoom replaced (as a hand-edited or corrupt file might).
fn storage_text_with_zoom(app: &AtlasApp, zoom: &str) -> String {
    let mut storage = MemoryStorage::default();
    let mut settings = app.settings_to_save();
    if let Some(v) = settings.view.as_mut() {
        v.zoom = karabakh_atlas::scene::Zoom::new(1.0);
    }
    eframe::set_value(&mut storage, karabakh_atlas::ui::settings::KEY, &settings);
    let text = storage.get_string(karabakh_atlas::ui::settings::KEY).expect("saved");
    text.replace("zoom:1.0", &format!("zoom:{zoom}"))
}

#[test]
fn shortcuts_do_nothing_while_a_date_is_typed() {
    let mut h = harness(options(date(2020, 11, 7)));
    h.get_by_role_and_label(Role::TextInput, "Date").click();
    h.run();
    h.key_press(Key::PageDown);
    h.key_press(Key::Period);
    h.run();
    assert_eq!(h.state().date(), date(2020, 11, 7), "the keys went to the text box");
    h.key_press(Key::Escape);
    h.run();
}

#[test]
fn the_map_is_named_for_screen_readers() {
    let h = harness(options(date(2020, 10, 5)));
    assert!(h.query_by_label("Map").is_some());
    for button in ["Fit", "About", "« Phase", "‹ Event", "Event ›", "Phase »"] {
        assert!(h.query_by_role_and_label(Role::Button, button).is_some(), "{button}");
    }
}

#[test]
fn clicking_the_chart_moves_the_slider() {
    let mut h = harness(LaunchOptions { chart: true, ..options(date(1950, 1, 1)) });
    h.run();
    let target = date(2000, 1, 1);
    let at = h.state().chart_pos_of(target).expect("the chart is shown");
    click_at(&mut h, at);
    let got = h.state().date();
    let off = (got.since(target).expect("span").get_days()).abs();
    assert!(off <= 60, "clicked 2000-01-01 on the chart, got {got}");
    // The slider moved with it: it reads the same date.
    let value = h.get_by_role_and_label(Role::Slider, "Date").value();
    assert_eq!(value, Some(got.to_string()));
    assert_eq!(h.state().phase_id(), Some("P12"));
}

#[test]
fn comparing_two_dates_lists_the_zones_that_changed_hands() {
    let mut h = harness(options(date(2020, 12, 2)));
    // The compare box sits at the end of the side panel's scrolling list: reach it as a screen
    // reader does.
    h.get_by_role_and_label(Role::TextInput, "Compare").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Compare").type_text("2020-09-26");
    h.run();
    h.get_by_role_and_label(Role::Button, "Show changes").click_accesskit();
    h.run();
    let changes = h.state().comparison().to_vec();
    // What the engine gives for the two dates: the 2020 war's zones, the handovers and the pieces
    // of zones whose villages changed hands.
    assert_eq!(changes, h.state().atlas().changes_between(date(2020, 9, 26), date(2020, 12, 2)));
    assert!(changes.len() >= 12, "{}", changes.len());
    let atlas = h.state().atlas();
    let shusha = atlas.zones.iter().position(|z| z.id == "nkao-shusha").expect("zone");
    // The Shusha area: the town on 8 November, the last of its villages (Şuşakənd) on the 9th.
    assert!(changes.iter().any(|c| c.zone == shusha && c.date == date(2020, 11, 9)));
    // Listed in the panel with the date and the new controller.
    assert!(h.query_by_label("Shusha (Shushi) area (NKAO)").is_some());
    assert!(h.query_all_by_label("Azerbaijan").count() >= 11);
    h.get_by_role_and_label(Role::Button, "Clear").click_accesskit();
    h.run();
    assert!(h.state().comparison().is_empty());
}

#[test]
fn clicking_a_zone_shows_its_region_facts() {
    let mut h = harness(options(date(2021, 1, 1)));
    let at = h.state().screen_pos_of(46.05, 40.11); // Kalbajar town
    click_at(&mut h, at);
    assert_eq!(h.state().selected_region(), Some("kalbajar"));
    assert!(h.query_by_label("Official area").is_some());
    assert!(h.query_by_label("3,054 km²").is_some());
    assert!(h.query_by_label("Today's boundaries").is_some());
    h.get_by_role_and_label(Role::Button, "Close").click();
    h.run();
    assert_eq!(h.state().selected_region(), None);
}

#[test]
fn an_idle_app_requests_no_repaint() {
    let mut h = harness(options(date(2020, 10, 5)));
    assert_idle(&mut h, "nothing moves, so nothing should be scheduled");
}

#[test]
fn panning_moves_the_cached_map_and_only_a_change_of_control_retessellates_it() {
    let mut h = harness(options(date(2020, 10, 5)));
    let rebuilds = h.state().map_rebuilds();
    assert!(rebuilds >= 1);
    let view = h.state().view();
    let from = h.state().screen_pos_of(46.75, 39.8);
    h.drag_at(from);
    h.run();
    h.hover_at(from + egui::vec2(60.0, 25.0));
    h.run();
    h.drop_at(from + egui::vec2(60.0, 25.0));
    h.run();
    assert_ne!(h.state().view(), view, "the map moved");
    assert_eq!(h.state().map_rebuilds(), rebuilds, "panning reuses the tessellated map");
    // A day on which no zone changes hands: nothing to redo.
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().date(), date(2020, 10, 6));
    assert_eq!(h.state().map_rebuilds(), rebuilds);
    // Hadrut changes hands on 9 October: the map is redrawn once.
    for _ in 0..3 {
        h.key_press(Key::ArrowRight);
        h.run();
    }
    assert_eq!(h.state().date(), date(2020, 10, 9));
    assert_eq!(h.state().map_rebuilds(), rebuilds + 1);
}

#[test]
fn the_vietnamese_interface_shows_no_english_string() {
    use karabakh_atlas::i18n;
    let dir = broken_atlas();
    let mut h = harness(LaunchOptions {
        lang: Some(Lang::Vi),
        chart: true,
        compare: Some(date(2020, 9, 26)),
        ..options(date(2020, 11, 9))
    });
    assert_eq!(h.state().lang(), "vi");
    assert!(h.query_by_label("Chú giải").is_some(), "the legend's heading is in Vietnamese");
    let at = h.state().screen_pos_of(46.75, 39.74);
    hover(&mut h, at);
    assert!(h.query_by_label("Bên kiểm soát: Azerbaijan").is_some());
    h.drag_at(at);
    h.run();
    h.drop_at(at);
    h.run();
    assert_eq!(h.state().selected_region(), Some("nkao"));
    // The region's facts end with the atlas's credits, in Vietnamese.
    assert!(h.query_by_label_contains("Ranh giới: Hình học: Natural Earth").is_some(), "region credits in Vietnamese");
    // The chart's legend names the sides in Vietnamese, however the language was chosen.
    let ka = h.state().atlas().controllers.iter().find(|c| c.id == "ka").expect("ka").name.clone();
    let legend = h.state().chart_legend().join(" | ");
    assert!(legend.contains(ka.get("vi")) && !legend.contains(ka.get("en")), "the chart's legend: {legend}");
    h.state_mut().open_atlas(dir.path());
    h.run();
    assert!(h.query_by_label("Không mở được atlas").is_some());
    h.get_by_role_and_label(Role::Button, "Giới thiệu").click();
    h.run();
    h.key_press(Key::F11);
    h.run();
    assert!(h.state().presenting());
    h.key_press(Key::Space);
    h.run();
    // Every atlas text shown so far has its Vietnamese version (tested in karabakh_facts) and every
    // interface string was found in the table.
    assert_eq!(i18n::missing(), Vec::<(&str, &str)>::new());
}

#[test]
fn presentation_keys_step_through_events_and_phases() {
    let mut h = harness(LaunchOptions { present: true, ..options(date(2020, 9, 26)) });
    assert!(h.state().presenting());
    assert!(h.query_by_role(Role::Slider).is_none(), "controls are hidden");
    let events_27_sep: Vec<String> =
        h.state().atlas().events.iter().filter(|e| e.date == date(2020, 9, 27)).map(|e| e.id.clone()).collect();
    assert!(events_27_sep.len() >= 2);
    // Space: the first event of 27 September (the phase starts that day too; the event comes first).
    h.key_press(Key::Space);
    h.run();
    assert_eq!(h.state().date(), date(2020, 9, 27));
    assert_eq!(h.state().selected_event(), Some(events_27_sep[0].as_str()));
    // Where in the story: "step n / all", n the event's place among the deck's slides.
    let atlas = h.state().atlas();
    let all = atlas.phases.len() + atlas.events.len();
    let before = atlas.phases.iter().filter(|p| p.start <= date(2020, 9, 27)).count()
        + atlas.events.iter().take_while(|e| e.id != events_27_sep[0]).count();
    let counter = format!("step {} / {all}", before + 1);
    assert!(h.query_by_label(&counter).is_some(), "{counter}");
    // No hover box in a room, however the pointer moves over the map.
    let at = h.state().screen_pos_of(46.75, 39.82);
    hover(&mut h, at);
    assert!(h.query_by_label_contains("Elevation").is_none(), "no hover box while presenting");
    let text =
        h.state().atlas().events.iter().find(|e| e.id == events_27_sep[0]).expect("event").text.get("en").to_owned();
    assert!(h.query_by_label(&text).is_some(), "the caption shows the event");
    // → and PageDown: the next events of the same day.
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().selected_event(), Some(events_27_sep[1].as_str()));
    h.key_press(Key::PageDown);
    h.run();
    let third = h.state().selected_event().map(str::to_owned);
    assert!(third.is_some() && third.as_deref() != Some(events_27_sep[1].as_str()), "PageDown stepped on: {third:?}");
    // Back.
    h.key_press(Key::PageUp);
    h.run();
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(h.state().selected_event(), Some(events_27_sep[0].as_str()));
    // A clicker stepping past the war's end reaches the ceasefire phase.
    for _ in 0..40 {
        h.key_press(Key::Space);
        h.run();
    }
    assert!(h.state().date() >= date(2020, 11, 10), "{}", h.state().date());
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().presenting());
    assert!(h.query_by_role(Role::Slider).is_some());
}

#[test]
fn playback_advances_and_stops_at_the_next_event_then_idles() {
    let mut h = harness(options(date(1994, 6, 1)));
    // The default pace is two days a second; a year a second is chosen from the pace menu.
    assert_eq!(h.state().playback().speed, 2.0);
    let pace = h.query_all_by_role(Role::ComboBox).find(|n| n.value().as_deref() == Some("2 days/s"));
    pace.expect("the pace menu, showing 2 days/s").click();
    h.run();
    h.get_by_label("1 year/s").click();
    h.run();
    assert_eq!(h.state().playback().speed, 365.0);
    h.get_by_role_and_label(Role::Button, "Play").click();
    h.run_steps(3);
    assert!(h.state().date() > date(1994, 6, 1), "the date moves while playing");
    // The next event is on 14 Feb 1997; playing at a year a second reaches it in under 3 s.
    h.run_steps(60 * 5);
    assert!(!h.state().playback().playing, "stopped at the event");
    let e = h.state().selected_event().expect("an event").to_owned();
    let ev = h.state().atlas().events.iter().find(|x| x.id == e).expect("event").clone();
    assert_eq!(h.state().date(), ev.date);
    assert!(ev.date > date(1994, 6, 1));
    assert_idle(&mut h, "paused: no more frames");
}

#[test]
fn the_measure_tool_gives_the_geodesic_distance_between_two_clicks() {
    let mut h = harness(options(date(2021, 1, 1)));
    h.get_by_role_and_label(Role::Button, "Measure").click();
    h.run();
    assert!(h.state().aids().measuring);
    for (lon, lat) in [(46.7528, 39.8177), (46.7408, 40.3814)] {
        // Stepanakert, then Talish.
        let at = h.state().screen_pos_of(lon, lat);
        click_at(&mut h, at);
    }
    let points = h.state().aids().points.clone();
    assert_eq!(points.len(), 2);
    let km = karabakh_atlas::ui::aids::distance_km(points[0], points[1]);
    assert!((km - 62.6).abs() < 2.0, "Stepanakert to Talish measured {km:.1} km");
    assert_eq!(h.state().selected_region(), None, "measuring clicks do not select regions");
}

#[test]
fn the_window_exports_the_view_it_shows() {
    // Without the relief, a zone is one flat colour (tests/land.rs checks the relief in exports).
    let flat = karabakh_atlas::scene::MapLayers { relief: false, ..Default::default() };
    let mut h =
        harness(LaunchOptions { view: Some((46.75, 39.82, 3.0)), layers: Some(flat), ..options(date(2021, 1, 1)) });
    let dir = tempfile::tempdir().expect("tmp");
    let png = dir.path().join("view.png");
    h.state_mut().export_picture(&png).expect("export");
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(&std::fs::read(&png).expect("png")).expect("a PNG");
    assert_eq!((pixmap.width(), pixmap.height()), (1920, 1080));
    // The centre of the picture is the centre of the view: Stepanakert's zone, held by the
    // Armenian side on 1 January 2021.
    let c = pixmap.pixel(960 + 40, 540 + 40).expect("pixel");
    let fill = karabakh_atlas::scene::Style::default()
        .zone_fill(h.state().atlas().controllers.iter().find(|c| c.id == "ka").expect("ka").colour);
    assert_eq!((c.red(), c.green(), c.blue()), (fill.r(), fill.g(), fill.b()));
    let svg = dir.path().join("view.svg");
    h.state_mut().export_picture(&svg).expect("export");
    assert!(std::fs::read_to_string(&svg).expect("svg").contains("<svg"));
    assert!(h.query_by_role_and_label(Role::Button, "Export…").is_some());
}

#[test]
fn the_naming_tradition_applies_to_the_panels() {
    use karabakh_atlas::scene::NameStyle;
    let mut h = harness(LaunchOptions { names: Some(NameStyle::Second), ..options(date(2021, 1, 1)) });
    let at = h.state().screen_pos_of(46.78, 39.85);
    hover(&mut h, at);
    assert!(h.query_by_label("Dağlıq Qarabağ Muxtar Vilayəti").is_some());
    assert!(h.query_by_label_contains("Lernayin").is_none());
    let mut h = harness(options(date(2021, 1, 1)));
    hover(&mut h, at);
    assert!(h.query_by_label("Lernayin Gharabaghi Inknavar Marz / Dağlıq Qarabağ Muxtar Vilayəti").is_some());
}

/// The Open menu's entry for the built-in atlas, named by the atlas's own title.
fn builtin_atlas_button() -> String {
    let atlas = karabakh_atlas::atlas::embedded().expect("the built-in atlas");
    format!("Built-in atlas: {}", atlas.title.get("en"))
}

/// A file dropped on the window, as eframe hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Steps the app until an atlas being read on another thread has arrived.
fn wait_for_load(h: &mut Harness<'static, AtlasApp>) {
    h.step();
    for _ in 0..500 {
        if !h.state().is_loading() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    assert!(!h.state().is_loading(), "the atlas never arrived");
    h.run();
}

#[test]
fn dropping_an_atlas_folder_opens_it_and_it_is_remembered() {
    let mut h = harness(options(date(2020, 10, 5)));
    let tiny = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/tiny"));
    // A file inside the folder counts as the folder.
    h.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(tiny.join("zones.geojson"))));
    h.step();
    h.input_mut().dropped_files.clear();
    wait_for_load(&mut h);
    assert_eq!(h.state().atlas().id, "tiny");
    // A broken folder dropped over it: errors shown, the tiny atlas stays.
    let broken = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/broken"));
    h.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(broken)));
    h.step();
    h.input_mut().dropped_files.clear();
    wait_for_load(&mut h);
    assert_eq!(h.state().atlas().id, "tiny");
    assert!(h.state().problem().is_some());
    // Back to the built-in atlas from the Open menu; the tiny atlas is listed as recent.
    h.get_by_role_and_label(Role::Button, "Open…").click();
    h.run();
    assert!(h.query_by_label_contains("tests/data/tiny").is_some(), "listed among recent atlases");
    h.get_by_role_and_label(Role::Button, &builtin_atlas_button()).click();
    h.run();
    assert_eq!(h.state().atlas().id, "karabakh");
}

#[test]
fn a_dropped_geojson_file_becomes_a_removable_overlay() {
    let mut h = harness(options(date(2021, 1, 1)));
    let file = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/overlays/schools.geojson"));
    h.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(file)));
    h.run();
    assert_eq!(h.state().overlays().len(), 1);
    assert_eq!(h.state().atlas().id, "karabakh", "the atlas stays");
    assert!(h.query_by_label("schools.geojson (3 features)").is_some());
    h.get_by_role_and_label(Role::Button, "Remove").click_accesskit();
    h.run();
    assert!(h.state().overlays().is_empty());
    // A bad file: its errors, and no overlay.
    let bad = std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/jsontestsuite/test_parsing/n_object_trailing_comma.json"
    ));
    h.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(bad)));
    h.run();
    assert!(h.state().overlays().is_empty());
    assert!(h.state().problem().is_some());
}

// ----- Snapshots (rendered on the CPU; see .ci/run) -----

fn snapshot(h: &mut Harness<'static, AtlasApp>, name: &str) {
    h.snapshot(name);
}

#[test]
fn snapshot_war_2020() {
    let mut h = harness(options(date(2020, 10, 5)));
    snapshot(&mut h, "map_2020_10_05");
}

#[test]
fn snapshot_ceasefire_1994() {
    let mut h = harness(options(date(1994, 6, 1)));
    snapshot(&mut h, "map_1994_06_01");
}

#[test]
fn snapshot_chart_and_comparison() {
    let mut h = harness(LaunchOptions { chart: true, compare: Some(date(2020, 9, 26)), ..options(date(2020, 12, 2)) });
    h.run();
    snapshot(&mut h, "chart_and_comparison_2020");
}

#[test]
fn snapshot_hover_and_error_panel() {
    let mut h = harness(options(date(2021, 1, 1)));
    let at = h.state().screen_pos_of(46.75, 39.74);
    hover(&mut h, at);
    snapshot(&mut h, "hover_shusha_2021");
    // A committed broken atlas with a relative path, so the picture is the same on every machine.
    h.state_mut().open_atlas(std::path::Path::new("tests/data/broken"));
    h.run();
    assert!(h.query_by_label_contains("crosses itself").is_some());
    snapshot(&mut h, "error_panel");
}

#[test]
fn the_search_box_finds_a_place_by_another_tradition_and_centres_the_map_on_it() {
    let mut h = harness(options(date(2020, 10, 5)));
    let view = h.state().view();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Find").type_text("Berdzor");
    h.run();
    // The matches appear as the user types; the first is Lachin (Laçın), found by its Armenian name.
    let choice = h.get_by_role_and_label(Role::Button, "Lachin (Berdzor) — town, Lachin");
    choice.click();
    h.run();
    h.run();
    let (lon, lat) = h.state().marked().expect("the choice is ringed");
    assert!((lon - 46.547).abs() < 0.05 && (lat - 39.64).abs() < 0.05, "{lon}, {lat}");
    assert_ne!(h.state().view(), view, "the map moved to the place");
    let centre = h.state().screen_pos_of(lon, lat);
    let map = h.state().map_rect().expect("the map was drawn");
    assert!((centre - map.center()).length() < 2.0, "centred: {centre:?} against {:?}", map.center());
}

#[test]
fn the_layers_menu_turns_layers_off_and_the_choice_is_remembered() {
    let mut h = harness(options(date(2020, 10, 5)));
    assert!(h.state().layers().relief && h.state().layers().water, "all on by default");
    let uploads = h.state().relief_uploads();
    assert_eq!(uploads, 1, "the relief is uploaded once");
    h.get_by_label("Layers").click();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, "Rivers and lakes").click();
    h.run();
    assert!(!h.state().layers().water);
    assert!(!h.state().settings_to_save().layers.water, "remembered");
    let rebuilds = h.state().map_rebuilds();
    h.run();
    h.run();
    assert_eq!(h.state().map_rebuilds(), rebuilds, "nothing is redone while nothing changes");
    assert_eq!(h.state().relief_uploads(), uploads, "the relief texture is kept");
}

#[test]
fn labels_are_placed_once_per_zoom_and_moved_when_panning() {
    let mut h = harness(options(date(2020, 10, 5)));
    let placed = h.state().label_rebuilds();
    let from = h.state().screen_pos_of(46.75, 39.8);
    h.drag_at(from);
    h.run();
    h.hover_at(from + egui::vec2(40.0, 20.0));
    h.run();
    h.drop_at(from + egui::vec2(40.0, 20.0));
    h.run();
    assert_eq!(h.state().label_rebuilds(), placed, "a small pan moves the placed labels");
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().label_rebuilds(), placed, "a date change does not move labels");
}

#[test]
fn hovering_a_village_shows_its_names_in_both_traditions_and_the_height() {
    let mut h = harness(LaunchOptions { view: Some((46.75, 39.76, 6.0)), ..options(date(2021, 1, 1)) });
    let at = h.state().screen_pos_of(46.74989, 39.76006); // Shusha's dot
    hover(&mut h, at);
    assert!(h.query_by_label("Armenian usage: Shushi").is_some());
    assert!(h.query_by_label("Azerbaijani usage: Şuşa").is_some());
    assert!(h.query_by_label_contains("Elevation ≈ 1,").is_some(), "Shusha lies above 1,000 m");
    assert!(h.query_by_label_contains("(1 km grid)").is_some());
}

#[test]
fn the_weeks_events_are_on_the_map_with_their_text_on_hover() {
    let mut h = harness(options(date(2020, 10, 12)));
    // The announcement about Hadrut (9 October) is three days old: its diamond is on the map.
    assert!(h.query_by_label("Fighting (last 30 days)").is_some(), "its legend entry");
    let hadrut = h.state().atlas().places.iter().find(|p| p.id == "hadrut").expect("Hadrut").point;
    let at = h.state().screen_pos_of(hadrut.x(), hadrut.y());
    hover(&mut h, at);
    assert!(h.query_by_label("Azerbaijan announced the capture of Hadrut.").is_some(), "the event's text on hover");
    assert!(h.query_by_label("9 October 2020").is_some(), "and its date");
    // A year later nothing of it is left on the map.
    let mut later = harness(options(date(2021, 12, 1)));
    assert!(later.query_by_label("Fighting (last 30 days)").is_none());
    hover(&mut later, at);
    assert!(later.query_by_label("Azerbaijan announced the capture of Hadrut.").is_none());
}

#[test]
fn land_taken_since_the_fighting_began_is_a_layer_with_its_legend() {
    let mut h = harness(options(date(2020, 10, 20)));
    let legend = "Lighter: changed hands since 26 September 2020 (the day before the fighting began)";
    assert!(!h.state().layers().taken, "off by default");
    assert!(h.query_by_label(legend).is_none());
    h.get_by_label("Layers").click();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, "Land taken since the fighting began").click();
    h.run();
    assert!(h.state().layers().taken);
    assert!(h.query_by_label(legend).is_some(), "the legend says since when");
    // Claims rest on one side only on that day: the striped ground is explained too.
    assert!(h.query_by_label("Striped: one side's claim only, or disputed (in the claimant's colour)").is_some());
    // A chosen day, from the command line.
    let mut h = harness(LaunchOptions { taken_since: Some(date(2020, 10, 10)), ..options(date(2020, 10, 20)) });
    h.run();
    assert!(h.state().layers().taken, "--taken-since turns the layer on");
    assert!(h.query_by_label("Lighter: changed hands since 10 October 2020").is_some());
}

#[test]
fn the_window_says_how_to_export_its_picture_from_the_command_line() {
    let h = harness(LaunchOptions {
        view: Some((46.75, 39.82, 3.0)),
        compare: Some(date(2020, 9, 26)),
        ..options(date(2020, 10, 20))
    });
    let line = h.state().export_command_line(karabakh_atlas::ui::ExportKind::Picture);
    assert!(
        line.contains("--date 2020-10-20") && line.contains("--compare 2020-09-26") && line.contains("--view 46.75"),
        "{line}"
    );
    let dir = tempfile::tempdir().expect("temp");
    let out = dir.path().join("map.svg");
    let mut args: Vec<String> = line.split_whitespace().skip(1).map(str::to_owned).collect();
    let at = args.iter().position(|a| a == "--out").expect("--out") + 1;
    args[at] = out.display().to_string();
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_karabakh-atlas")).args(&args).output().expect("run");
    assert!(run.status.success(), "{line}: {}", String::from_utf8_lossy(&run.stderr));
    let doc = std::fs::read_to_string(&out).expect("the picture");
    // The comparison's stripes (2.6 points wide) and the date.
    assert!(doc.contains("stroke-width=\"2.6\"") && doc.contains("20 October 2020"));
}

/// The texts of an exported SVG's map labels (each once, though its halo repeats it).
fn svg_label_texts(doc: &str) -> std::collections::BTreeSet<String> {
    let start = doc.find("<g id=\"labels\">").expect("a labels layer");
    let group = &doc[start..];
    let group = &group[..group.find("</g>").expect("the layer's end")];
    group
        .split("</text>")
        .filter_map(|t| t.rsplit_once('>').map(|(_, text)| text))
        .filter(|t| !t.is_empty())
        .map(|t| {
            t.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&")
        })
        .collect()
}

#[test]
fn an_export_of_the_windows_view_places_the_windows_labels() {
    use karabakh_atlas::export::{ExportOptions, svg};
    // Two views: the southern front zoomed in, and the whole atlas in Vietnamese with both names.
    for (view, lang) in [((46.9, 39.6, 3.0), None), ((46.6, 39.8, 1.0), Some(Lang::Vi))] {
        let launch = || LaunchOptions { view: Some(view), lang, ..options(date(2020, 10, 27)) };
        // A window whose map is a whole number of points wide and high, as a picture is pixels.
        let h = harness(launch());
        let rect = h.state().map_rect().expect("the map was drawn");
        let size = egui::vec2(1400.0, 900.0) + (rect.size().ceil() - rect.size());
        let mut h = harness_sized(launch(), Settings::default(), size);
        h.run();
        let app = h.state();
        let rect = app.map_rect().expect("the map was drawn");
        assert_eq!(rect.size(), rect.size().round(), "the map is a whole number of points: {rect:?}");
        let seen: std::collections::BTreeSet<String> = app.labels_in_view().into_iter().collect();
        assert!(seen.len() >= 15, "{} labels in the window at {view:?}", seen.len());
        let options = ExportOptions {
            width: rect.width() as u32,
            height: rect.height() as u32,
            map_only: true,
            ..app.export_options()
        };
        let exported = svg_label_texts(&svg(app.atlas(), app.geometry(), &options));
        assert_eq!(exported, seen, "the export's labels and the window's at {view:?}");
    }
}

/// Runs frames until the window's export is done (a minute at most).
fn wait_for_export(h: &mut Harness<'static, AtlasApp>) {
    for _ in 0..1200 {
        h.step();
        if !h.state().exporting() {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("the export did not end within a minute");
}

#[test]
fn an_export_from_the_window_runs_aside_and_says_where_it_went() {
    use karabakh_atlas::ui::{Command, ExportKind};
    let mut h = harness(options(date(2020, 10, 27)));
    let dir = tempfile::tempdir().expect("temp");
    let out = dir.path().join("map.pdf");
    h.state_mut().ask(Command::Export(ExportKind::Picture, out.clone()));
    h.step();
    assert!(h.state().exporting(), "the export runs on its own thread");
    wait_for_export(&mut h);
    let bytes = std::fs::read(&out).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF"), "a PDF by its extension");
    let said = format!("Saved {}", out.display());
    assert!(h.query_by_label(&said).is_some(), "the top bar says: {said}");
    // A failure is said too: a folder that does not exist.
    let nowhere = dir.path().join("no-such-folder").join("map.png");
    h.state_mut().ask(Command::Export(ExportKind::Picture, nowhere));
    h.step();
    wait_for_export(&mut h);
    assert!(h.query_by_label_contains("Export failed: cannot write").is_some(), "the failure and its reason");
}

#[test]
fn a_long_export_from_the_window_shows_progress_and_can_be_cancelled() {
    use karabakh_atlas::ui::{Command, ExportKind};
    let mut h = harness(options(date(2020, 10, 27)));
    let dir = tempfile::tempdir().expect("temp");
    let out = dir.path().join("deck.html");
    h.state_mut().ask(Command::Export(ExportKind::Deck, out.clone()));
    h.step();
    h.step();
    assert!(h.query_by_label_contains("Exporting deck.html:").is_some(), "the progress bar names the file");
    h.get_by_label("Cancel").click();
    wait_for_export(&mut h);
    assert!(!out.exists(), "nothing written");
    assert!(
        h.query_by_label(&format!("Export cancelled; {} was not written", out.display())).is_some(),
        "the top bar says the export was cancelled"
    );
}

#[test]
fn the_window_says_why_an_export_failed_in_its_language() {
    use karabakh_atlas::ui::{Command, ExportKind};
    let mut h = harness(LaunchOptions { lang: Some(Lang::Vi), ..options(date(2020, 10, 27)) });
    let dir = tempfile::tempdir().expect("temp");
    let nowhere = dir.path().join("no-such-folder").join("map.png");
    h.state_mut().ask(Command::Export(ExportKind::Picture, nowhere));
    h.step();
    wait_for_export(&mut h);
    assert!(h.query_by_label_contains("Xuất thất bại: không ghi được").is_some(), "the failure in Vietnamese");
}

#[test]
fn the_vietnamese_window_groups_thousands_with_a_dot() {
    let h = harness(LaunchOptions { lang: Some(Lang::Vi), ..options(date(2020, 10, 27)) });
    let areas = h.state().atlas().area_by_controller(date(2020, 10, 27));
    let largest = areas.iter().map(|a| a.area_km2).fold(0.0, f64::max);
    let vi = karabakh_atlas::i18n::thousands(largest, Lang::Vi);
    assert!(vi.contains('.'), "{vi}");
    assert!(h.query_by_label_contains(&format!("{vi} km²")).is_some(), "the legend says {vi} km²");
}

#[test]
fn every_overlay_problem_is_shown_beside_the_atlas_under_its_own_heading() {
    use karabakh_atlas::ui::ProblemKind;
    let dir = tempfile::tempdir().expect("temp");
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        path
    };
    let broken = write("broken.geojson", "{");
    let outside = write("outside.geojson", r#"{"type":"Point","coordinates":[500,0]}"#);
    let part = write(
        "part.geojson",
        r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"name":"kept"},"geometry":{"type":"Point","coordinates":[10.5,10.5]}},
          {"type":"Feature","properties":{},"geometry":{"type":"Pointt","coordinates":[10.5,10.5]}}]}"#,
    );
    let tiny = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/tiny"));
    let h = harness(LaunchOptions {
        atlas_dir: Some(tiny),
        overlays: vec![broken, outside, part],
        ..options(date(2001, 3, 1))
    });
    assert_eq!(h.state().atlas().title.get("en"), "Tiny test atlas", "the atlas opened");
    let kinds: Vec<ProblemKind> = h.state().problems().iter().map(|p| p.kind).collect();
    assert_eq!(kinds, [ProblemKind::Overlay, ProblemKind::Overlay, ProblemKind::OverlayInPart], "all three kept");
    assert_eq!(h.query_all_by_label("Could not open the overlay").count(), 2, "two headings");
    assert!(h.query_by_label("Some features of the overlay were left out").is_some());
    assert!(h.query_by_label_contains("did you mean \"Point\"?").is_some(), "the left-out feature's problem");
    assert_eq!(h.state().overlays().len(), 1, "the partial overlay is shown");
    assert_eq!(h.state().overlays()[0].features.len(), 1);
}

#[test]
fn a_second_atlas_brings_its_own_naming_traditions_and_nothing_of_karabakh() {
    let cyprus = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/cyprus"));
    let mut h = harness(LaunchOptions { atlas_dir: Some(cyprus), ..options(date(1974, 8, 20)) });
    assert_eq!(h.state().atlas().id, "cyprus-1960-to-today");
    assert!(h.state().problem().is_none(), "it opens without a problem");
    // The names menu offers the atlas's traditions, by its own labels.
    let names = h.query_all_by_role(Role::ComboBox).find(|n| n.value().as_deref() == Some("English / international"));
    names.expect("the names menu").click();
    h.run();
    assert!(h.query_by_label("Greek usage").is_some(), "the first tradition");
    assert!(h.query_by_label("Turkish usage").is_some(), "the second");
    assert!(h.query_by_label("Armenian usage").is_none() && h.query_by_label("Azerbaijani usage").is_none());
    h.get_by_label("Greek usage").click();
    h.run();
    let labels = h.state().labels_in_view();
    assert!(labels.iter().any(|l| l == "Lefkosia"), "the map's labels follow it: {labels:?}");
    // The About box speaks of this atlas only.
    h.get_by_role_and_label(Role::Button, "About").click();
    h.run();
    assert!(h.query_by_label_contains("Natural Earth 1:10m admin-0 map units").is_some(), "its own credits");
    assert!(h.query_by_label_contains("(Greek usage / Turkish usage)").is_some(), "its traditions");
    for word in ["Lachin", "Talish", "Armenian", "Azerbaijani", "GeoNames"] {
        assert!(h.query_by_label_contains(word).is_none(), "nothing of Karabakh: {word}");
    }
}

#[test]
fn snapshot_story_step() {
    // Step 12 of "The 44-day war": the line of 10 November and the Lachin corridor emphasised, the
    // rest of the map under the veil, the story panel and the caption card.
    let options = LaunchOptions { story: Some("war-2020".into()), step: Some(12), ..options(date(2000, 1, 1)) };
    let mut h = harness(options);
    h.run();
    snapshot(&mut h, "story_war_2020_step_12");
}
