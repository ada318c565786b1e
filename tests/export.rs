//! Exported pictures: the SVG is valid and names the phase; the PNG has the asked size and shows
//! each zone in its controller's colour on the date.

use std::process::Command;

use jiff::civil::{Date, date};
use karabakh_atlas::atlas::{Atlas, embedded};
use karabakh_atlas::export::{ExportOptions, map_transform, png, svg};
use karabakh_atlas::scene::{MapGeometry, MapLayers, NameStyle, Style};
use resvg::tiny_skia::Pixmap;

fn options(d: Date, width: u32, height: u32, lang: &str) -> ExportOptions {
    let lang = lang.parse().expect("an interface language");
    ExportOptions { lang, names: NameStyle::Both, ..ExportOptions::new(d, width, height) }
}

/// The options without the relief, so that a zone is one flat colour (tests/land.rs checks the relief).
fn flat(d: Date, width: u32, height: u32, lang: &str) -> ExportOptions {
    ExportOptions { layers: MapLayers { relief: false, ..MapLayers::default() }, ..options(d, width, height, lang) }
}

#[test]
fn the_svg_parses_and_names_the_phase_date_and_sources() {
    let atlas = embedded().expect("atlas");
    let geometry = MapGeometry::new(&atlas);
    for lang in ["en", "vi"] {
        let doc = svg(&atlas, &geometry, &options(date(2020, 11, 9), 1600, 1000, lang));
        let tree = resvg::usvg::Tree::from_str(&doc, &resvg::usvg::Options::default());
        assert!(tree.is_ok(), "{lang}: {:?}", tree.err());
        let phase = atlas.phase_at(date(2020, 11, 9)).expect("phase");
        let title = phase.title.get(lang).replace('"', "&quot;");
        assert!(doc.contains(&title), "{lang}: the phase title {title}");
        assert!(doc.contains("Natural Earth") && doc.contains("GeoNames"), "the credits the licences ask for");
        assert!(doc.contains("Stepanakert / Xankəndi"), "places in both traditions");
    }
    let vi = svg(&atlas, &geometry, &options(date(2020, 11, 9), 1600, 1000, "vi"));
    assert!(vi.contains("ngày 9 tháng 11 năm 2020"));
    assert!(vi.contains("Nguồn:") && vi.contains("Hình học: Natural Earth"));
    assert_eq!(
        karabakh_atlas::i18n::missing(),
        Vec::<(&str, &str)>::new(),
        "every string of the picture is translated"
    );
}

/// The share of pixels in a small square that have (nearly) the colour `rgb`.
fn share_of_colour(pixmap: &Pixmap, x: f32, y: f32, rgb: [u8; 3]) -> f32 {
    let mut hits = 0;
    let mut total = 0;
    for dy in -4..=4 {
        for dx in -4..=4 {
            let Some(p) = pixmap.pixel((x as i32 + dx) as u32, (y as i32 + dy) as u32) else { continue };
            total += 1;
            let close = |a: u8, b: u8| a.abs_diff(b) <= 3;
            if close(p.red(), rgb[0]) && close(p.green(), rgb[1]) && close(p.blue(), rgb[2]) {
                hits += 1;
            }
        }
    }
    hits as f32 / total.max(1) as f32
}

fn zone_colour(atlas: &Atlas, zone: &str, d: Date) -> [u8; 3] {
    let c = atlas.controller_of(zone, d).expect("controller");
    let fill = Style::default().zone_fill(c.colour);
    [fill.r(), fill.g(), fill.b()]
}

#[test]
fn the_png_has_the_asked_size_and_each_zone_its_controllers_colour() {
    let atlas = embedded().expect("atlas");
    let geometry = MapGeometry::new(&atlas);
    let (w, h) = (1280, 800);
    let d = date(2021, 1, 1);
    let bytes = png(&svg(&atlas, &geometry, &flat(d, w, h, "en")), w, h).expect("png");
    let pixmap = Pixmap::decode_png(&bytes).expect("a PNG");
    assert_eq!((pixmap.width(), pixmap.height()), (w, h));
    let t = map_transform(&atlas, &geometry, &flat(d, w, h, "en"));
    // Probe a little below each zone's interior point, clear of its label.
    for (zone, expected_side) in [("kalbajar", "az"), ("nkao-core", "ka"), ("qubadli", "az")] {
        assert_eq!(atlas.controller_of(zone, d).map(|c| c.id.as_str()), Some(expected_side));
        let z = atlas.zones.iter().position(|x| x.id == zone).expect("zone");
        let at = t.screen_from_map(geometry.zones[z].anchor);
        let rgb = zone_colour(&atlas, zone, d);
        let share = [0.0f32, 18.0, -18.0, 30.0]
            .iter()
            .map(|dy| share_of_colour(&pixmap, at.x, at.y + dy, rgb))
            .fold(0.0f32, f32::max);
        assert!(share > 0.6, "{zone} at {at:?}: only {share:.2} of the pixels have its controller's colour {rgb:?}");
    }
    // And the picture changes with the date: Kalbajar was held by the Armenian side in 2019.
    let bytes = png(&svg(&atlas, &geometry, &flat(date(2019, 1, 1), w, h, "en")), w, h).expect("png");
    let pixmap = Pixmap::decode_png(&bytes).expect("a PNG");
    let z = atlas.zones.iter().position(|x| x.id == "kalbajar").expect("zone");
    let at = t.screen_from_map(geometry.zones[z].anchor);
    let rgb = zone_colour(&atlas, "kalbajar", date(2019, 1, 1));
    let share = [0.0f32, 18.0, -18.0, 30.0]
        .iter()
        .map(|dy| share_of_colour(&pixmap, at.x, at.y + dy, rgb))
        .fold(0.0f32, f32::max);
    assert!(share > 0.6);
}

#[test]
fn the_export_command_writes_svg_and_png_and_refuses_bad_arguments() {
    let dir = tempfile::tempdir().expect("tmp");
    let run = |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_karabakh-atlas")).args(args).output().expect("run");
    let svg_path = dir.path().join("map.svg");
    let out = run(&["export", "--date", "2020-10-05", "--out", svg_path.to_str().expect("path"), "--lang", "vi"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read_to_string(&svg_path).expect("svg").starts_with("<svg"));
    let png_path = dir.path().join("map.png");
    let out = run(&["export", "--date", "2020-10-05", "--out", png_path.to_str().expect("path"), "--size", "800x600"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let pixmap = Pixmap::decode_png(&std::fs::read(&png_path).expect("png")).expect("PNG");
    assert_eq!((pixmap.width(), pixmap.height()), (800, 600));
    let bad = run(&["export", "--date", "2020-10-05", "--out", "map.gif"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains(".svg or .png"));
    let bad = run(&["export", "--date", "2020-10-05", "--out", "map.png", "--size", "10x10"]);
    assert_eq!(bad.status.code(), Some(2));
    let bad = run(&["export", "--date", "2020-02-30", "--out", "map.png"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn the_deck_has_one_picture_per_phase_and_per_event_and_an_index() {
    let atlas = embedded().expect("atlas");
    let dir = tempfile::tempdir().expect("tmp");
    let out = Command::new(env!("CARGO_BIN_EXE_karabakh-atlas"))
        .args(["export", "--deck", dir.path().to_str().expect("path"), "--format", "svg", "--size", "640x400"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let files: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    let phases = files.iter().filter(|f| f.contains("-phase-") && f.ends_with(".svg")).count();
    let events = files.iter().filter(|f| f.contains("-event-") && f.ends_with(".svg")).count();
    assert_eq!(phases, atlas.phases.len());
    assert_eq!(events, atlas.events.len());
    let index = std::fs::read_to_string(dir.path().join("index.md")).expect("index");
    for p in &atlas.phases {
        assert!(index.contains(p.title.get("en")), "{}", p.id);
    }
    // Slides come in date order: the oblast's creation first.
    assert!(index.find(atlas.phases[0].title.get("en")) < index.find(atlas.phases[22].title.get("en")));
    // No two slides are the same picture, and an event's slide carries the event's own caption.
    let mut docs: Vec<(String, String)> = files
        .iter()
        .filter(|f| f.ends_with(".svg"))
        .map(|f| (f.clone(), std::fs::read_to_string(dir.path().join(f)).expect("slide")))
        .collect();
    docs.sort();
    for (i, (a, doc_a)) in docs.iter().enumerate() {
        for (b, doc_b) in docs.iter().skip(i + 1) {
            assert!(doc_a != doc_b, "{a} and {b} are the same picture");
        }
    }
    let e = atlas.events.iter().find(|e| !e.offmap && e.place.is_some()).expect("an event at a place");
    let (_, slide) = docs.iter().find(|(f, _)| f.ends_with(&format!("-event-{}.svg", e.id))).expect("its slide");
    let first_words: String = e.text.get("en").split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    assert!(slide.contains(&first_words), "the caption of {}: {first_words}", e.id);
}

#[test]
fn an_event_picture_rings_its_place_and_lists_its_sources() {
    use karabakh_atlas::export::{ImageFormat, picture};
    let atlas = embedded().expect("atlas");
    let geometry = MapGeometry::new(&atlas);
    // An event at a place: Shusha's capture.
    let (i, e) = atlas
        .events
        .iter()
        .enumerate()
        .find(|(_, e)| {
            e.place.is_some_and(|p| atlas.place(p).is_some_and(|p| p.id == "shusha")) && e.date == date(2020, 11, 8)
        })
        .expect("the capture of Shusha");
    let with_event = karabakh_atlas::export::ExportOptions { event: Some(i), ..options(e.date, 1200, 900, "en") };
    let doc = svg(&atlas, &geometry, &with_event);
    for s in &e.sources {
        assert!(doc.contains(&s.title.replace('&', "&amp;").replace('"', "&quot;")), "source {}", s.title);
    }
    let first_words: String = e.text.get("en").split_whitespace().take(4).collect::<Vec<_>>().join(" ");
    assert!(doc.contains(&first_words), "caption: {first_words}");
    // The ring round its place, in the highlight colour, 11 points out.
    let pixmap =
        Pixmap::decode_png(&picture(&atlas, &geometry, &with_event, ImageFormat::Png).expect("PNG")).expect("decode");
    let place = geometry.places[e.place.expect("a place").get()];
    let at = map_transform(&atlas, &geometry, &with_event).screen_from_map(place);
    let highlight = Style::default().highlight.to_srgba_unmultiplied();
    // How many of 24 points on a circle 11 points round the place have the highlight's colour.
    let ring = |img: &Pixmap| {
        (0..24)
            .filter(|k| {
                let a = *k as f32 / 24.0 * std::f32::consts::TAU;
                let (x, y) = (at.x + 11.0 * a.cos(), at.y + 11.0 * a.sin());
                img.pixel(x.round() as u32, y.round() as u32).is_some_and(|p| {
                    p.red().abs_diff(highlight[0]) < 40
                        && p.green().abs_diff(highlight[1]) < 40
                        && p.blue().abs_diff(highlight[2]) < 40
                })
            })
            .count()
    };
    let on_ring = ring(&pixmap);
    assert!(on_ring >= 8, "{on_ring} of 24 points of the ring round {} at {at:?}", e.id);
    // Without the event: no ring.
    let plain = Pixmap::decode_png(
        &picture(&atlas, &geometry, &options(e.date, 1200, 900, "en"), ImageFormat::Png).expect("PNG"),
    )
    .expect("decode");
    let plain_ring = ring(&plain);
    assert!(plain_ring < on_ring / 2, "{plain_ring} without the event");
}

#[test]
fn the_sheet_has_a_map_for_every_phase() {
    let atlas = embedded().expect("atlas");
    let geometry = MapGeometry::new(&atlas);
    let doc = karabakh_atlas::export::sheet_svg(
        &atlas,
        &geometry,
        2000,
        1400,
        karabakh_atlas::i18n::Lang::En,
        NameStyle::Both,
        Date::constant(2026, 11, 25),
    );
    assert!(resvg::usvg::Tree::from_str(&doc, &resvg::usvg::Options::default()).is_ok());
    // One nested <svg> viewport per phase, after the document's own.
    assert_eq!(doc.matches("<svg ").count(), 1 + atlas.phases.len());
    // Each map shows its phase's end: as many different maps as phases that end differently.
    let maps: Vec<String> = doc
        .split("<svg x=")
        .skip(1)
        .map(|m| m.split_once('>').map_or("", |(_, body)| body).split("</svg>").next().unwrap_or("").to_owned())
        .collect();
    assert_eq!(maps.len(), atlas.phases.len());
    assert!(maps.iter().all(|m| m.contains("<path")), "every map is drawn");
    let today = Date::constant(2026, 11, 25);
    let patterns: std::collections::BTreeSet<Vec<karabakh_atlas::atlas::ControllerIdx>> =
        atlas.phases.iter().map(|p| atlas.control_at(p.end.unwrap_or(today)).expect("control")).collect();
    let distinct: std::collections::BTreeSet<&String> = maps.iter().collect();
    assert!(
        distinct.len() >= patterns.len(),
        "{} different maps for {} different patterns of control",
        distinct.len(),
        patterns.len()
    );
    assert!(doc.contains("Natural Earth"));
}

#[test]
fn the_animation_has_a_frame_per_step_with_its_date() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("war.gif");
    let out = Command::new(env!("CARGO_BIN_EXE_karabakh-atlas"))
        .args(["export", "--animate", "2020-09-27..2020-10-27", "--days-per-frame", "10", "--size", "400x300"])
        .args(["--out", path.to_str().expect("path")])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::RGBA);
    let mut decoder = options.read_info(std::fs::File::open(&path).expect("gif")).expect("a GIF");
    assert_eq!((decoder.width(), decoder.height()), (400, 300));
    let mut frames = 0;
    while decoder.read_next_frame().expect("frame").is_some() {
        frames += 1;
    }
    assert_eq!(frames, 4, "27 Sep, 7 Oct, 17 Oct and 27 Oct");
    // Each frame carries its own date: the title panel's date line differs from frame to frame,
    // and the map itself changes over the month (Jabrayil, Hadrut).
    let mut decoder = {
        let mut options = gif::DecodeOptions::new();
        options.set_color_output(gif::ColorOutput::RGBA);
        options.read_info(std::fs::File::open(&path).expect("gif")).expect("a GIF")
    };
    // Frames after the first hold only what changed: compose them over the canvas, as a viewer does.
    let mut canvas = vec![0u8; 400 * 300 * 4];
    let mut pictures: Vec<Vec<u8>> = Vec::new();
    let mut partial = 0;
    while let Some(frame) = decoder.read_next_frame().expect("frame") {
        let (left, top, fw, fh) =
            (frame.left as usize, frame.top as usize, frame.width as usize, frame.height as usize);
        partial += usize::from(fw * fh < 400 * 300);
        for y in 0..fh {
            for x in 0..fw {
                let from = (y * fw + x) * 4;
                if frame.buffer[from + 3] > 0 {
                    let to = ((top + y) * 400 + left + x) * 4;
                    canvas[to..to + 4].copy_from_slice(&frame.buffer[from..from + 4]);
                }
            }
        }
        pictures.push(canvas.clone());
    }
    assert!(partial >= 1, "later frames hold only what changed");
    let date_line = |p: &[u8]| -> Vec<u8> {
        // At 400 × 300 the furniture's scale is 0.6: the date sits at about y 41–52 from x 15.
        (38..56)
            .flat_map(|y| (15..220).flat_map(move |x| p[(y * 400 + x) * 4..(y * 400 + x) * 4 + 3].to_vec()))
            .collect()
    };
    for pair in pictures.windows(2) {
        assert_ne!(date_line(&pair[0]), date_line(&pair[1]), "consecutive frames show the same date");
    }
    assert_ne!(pictures.first(), pictures.last(), "the map changed over the month");
    // A frame at every change of control: the first day, each day of change, the last.
    let atlas = embedded().expect("atlas");
    let changes = atlas.change_days().into_iter().filter(|&d| d > date(2020, 9, 27) && d <= date(2020, 10, 27)).count();
    let out = Command::new(env!("CARGO_BIN_EXE_karabakh-atlas"))
        .args(["export", "--animate", "2020-09-27..2020-10-27", "--frames", "changes", "--size", "320x240"])
        .args(["--out", path.to_str().expect("path")])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut decoder = {
        let mut options = gif::DecodeOptions::new();
        options.set_color_output(gif::ColorOutput::RGBA);
        options.read_info(std::fs::File::open(&path).expect("gif")).expect("a GIF")
    };
    let mut frames = 0;
    while decoder.read_next_frame().expect("frame").is_some() {
        frames += 1;
    }
    let last_is_a_change = atlas.change_days().contains(&date(2020, 10, 27));
    assert_eq!(frames, 1 + changes + usize::from(!last_is_a_change), "{changes} days of change");
    let bad = Command::new(env!("CARGO_BIN_EXE_karabakh-atlas"))
        .args(["export", "--animate", "2020-10-27..2020-09-27", "--out", path.to_str().expect("path")])
        .output()
        .expect("run");
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn a_picture_is_as_large_as_its_svg_says_whatever_size_is_asked() {
    let atlas = embedded().expect("atlas");
    let geometry = MapGeometry::new(&atlas);
    for (w, h) in [(120, 90), (640, 100), (9000, 300)] {
        let o = options(date(2021, 1, 1), w, h, "en");
        let (pw, ph) = karabakh_atlas::export::picture_size(&o);
        let doc = svg(&atlas, &geometry, &o);
        assert!(
            doc.starts_with(&format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{pw}\" height=\"{ph}\"")),
            "{w}×{h}"
        );
        let bytes = karabakh_atlas::export::picture(&atlas, &geometry, &o, karabakh_atlas::export::ImageFormat::Png)
            .expect("png");
        let pixmap = Pixmap::decode_png(&bytes).expect("PNG");
        assert_eq!((pixmap.width(), pixmap.height()), (pw, ph), "{w}×{h}: the PNG is the SVG's size");
        assert!((200..=8000).contains(&pw) && (200..=8000).contains(&ph));
    }
}

/// Where an SVG's fill text `label` is anchored (its x, y, and which end of the text that is).
fn text_anchor(doc: &str, label: &str) -> Option<(f32, f32, String)> {
    doc.lines().filter(|l| l.starts_with("<text") && !l.contains("fill=\"none\"")).find_map(|l| {
        if !l.ends_with(&format!(">{label}</text>")) {
            return None;
        }
        let attr = |name: &str| -> Option<f32> {
            let at = l.find(&format!(" {name}=\""))? + name.len() + 3;
            l.get(at..)?.split('"').next()?.parse().ok()
        };
        let anchor = l.split("text-anchor=\"").nth(1)?.split('"').next()?.to_owned();
        Some((attr("x")?, attr("y")?, anchor))
    })
}

/// How many pixels of the first or last 40 points of a label on its baseline at `(x, y)` are dark ink.
fn ink_near(pixmap: &Pixmap, (x, y, anchor): &(f32, f32, String)) -> usize {
    let mut n = 0;
    let from = match anchor.as_str() {
        "end" => -40,
        "middle" => -20,
        _ => 0,
    };
    for dy in -9..=0 {
        for dx in from..from + 40 {
            let Some(p) = pixmap.pixel((*x as i32 + dx) as u32, (*y as i32 + dy) as u32) else { continue };
            if u32::from(p.red()) + u32::from(p.green()) + u32::from(p.blue()) < 3 * 90 {
                n += 1;
            }
        }
    }
    n
}

#[test]
fn the_svg_reads_in_slide_software_layers_as_groups_halos_apart() {
    let atlas = embedded().expect("atlas");
    let geometry = MapGeometry::new(&atlas);
    let doc = svg(&atlas, &geometry, &options(date(2020, 11, 9), 1200, 900, "en"));
    assert!(!doc.contains("paint-order"), "no reliance on paint-order");
    for id in [
        "background",
        "relief",
        "zones",
        "front",
        "lines",
        "places",
        "labels",
        "title",
        "legend",
        "scale-bar",
        "sources-and-credits",
    ] {
        assert_eq!(doc.matches(&format!("<g id=\"{id}\">")).count(), 1, "one group {id}");
    }
    assert_eq!(doc.matches("<g ").count(), doc.matches("</g>").count(), "groups closed");
    // Each halo is a stroked copy under its text.
    let label = "Stepanakert / Xankəndi";
    let halo = doc.lines().filter(|l| l.contains("fill=\"none\"") && l.ends_with(&format!(">{label}</text>"))).count();
    assert_eq!(halo, 1, "the halo of {label}");
    let at = text_anchor(&doc, label).expect("the label's text");
    // resvg draws the label's ink where the SVG puts it.
    let pixmap = Pixmap::decode_png(&png(&doc, 1200, 900).expect("PNG")).expect("decode");
    assert!(ink_near(&pixmap, &at) > 30, "resvg: ink at {at:?}: {}", ink_near(&pixmap, &at));
    // And so does a second renderer, librsvg's rsvg-convert (installed by .ci/run; skipped with a
    // word where it is missing and not required).
    let dir = tempfile::tempdir().expect("temp");
    let (svg_path, png_path) = (dir.path().join("map.svg"), dir.path().join("map.png"));
    std::fs::write(&svg_path, &doc).expect("write");
    match Command::new("rsvg-convert").arg("-o").arg(&png_path).arg(&svg_path).status() {
        Ok(status) => {
            assert!(status.success(), "rsvg-convert failed");
            let other = Pixmap::decode_png(&std::fs::read(&png_path).expect("rsvg's PNG")).expect("decode");
            assert_eq!((other.width(), other.height()), (1200, 900));
            assert!(ink_near(&other, &at) > 30, "rsvg-convert: ink at {at:?}: {}", ink_near(&other, &at));
        }
        Err(e) if std::env::var_os("KARABAKH_REQUIRE_TOOLS").is_some() => panic!("rsvg-convert is required: {e}"),
        Err(e) => eprintln!("rsvg-convert not found ({e}): the second renderer is not checked here"),
    }
    // With the text as outlines (--text paths): no text left, the layers kept, the label's ink
    // where it was, in both renderers.
    let outlined = karabakh_atlas::export::svg_with_text_as_paths(&doc).expect("outlined");
    assert!(!outlined.contains("<text"), "no text element left");
    for id in ["relief", "zones", "labels", "legend", "title"] {
        assert!(outlined.contains(&format!("id=\"{id}\"")), "the group {id} kept");
    }
    let pixmap = Pixmap::decode_png(&png(&outlined, 1200, 900).expect("PNG")).expect("decode");
    assert!(ink_near(&pixmap, &at) > 30, "resvg, outlined: ink at {at:?}: {}", ink_near(&pixmap, &at));
    std::fs::write(&svg_path, &outlined).expect("write");
    if let Ok(status) = Command::new("rsvg-convert").arg("-o").arg(&png_path).arg(&svg_path).status() {
        assert!(status.success(), "rsvg-convert failed on the outlined SVG");
        let other = Pixmap::decode_png(&std::fs::read(&png_path).expect("rsvg's PNG")).expect("decode");
        assert!(ink_near(&other, &at) > 30, "rsvg-convert, outlined: ink at {at:?}: {}", ink_near(&other, &at));
    }
}

#[test]
fn a_sheet_of_maps_keeps_its_group_ids_unique() {
    let atlas = embedded().expect("atlas");
    let geometry = MapGeometry::new(&atlas);
    let doc = karabakh_atlas::export::sheet_svg(
        &atlas,
        &geometry,
        2480,
        1754,
        karabakh_atlas::i18n::Lang::En,
        NameStyle::International,
        date(2026, 1, 1),
    );
    let ids: Vec<&str> = doc.split("<g id=\"").skip(1).filter_map(|s| s.split('"').next()).collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert!(ids.len() > atlas.phases.len(), "{} groups", ids.len());
    assert_eq!(unique.len(), ids.len(), "no id twice");
}

/// The rectangle of the first `<rect` after `marker` in an SVG.
fn rect_after(doc: &str, marker: &str) -> Option<egui::Rect> {
    let rest = doc.get(doc.find(marker)?..)?;
    let el = rest.get(rest.find("<rect")?..)?.split("/>").next()?;
    let attr = |name: &str| -> Option<f32> {
        let at = el.find(&format!(" {name}=\""))? + name.len() + 3;
        el.get(at..)?.split('"').next()?.parse().ok()
    };
    Some(egui::Rect::from_min_size(egui::pos2(attr("x")?, attr("y")?), egui::vec2(attr("width")?, attr("height")?)))
}

#[test]
fn the_whole_atlas_is_framed_clear_of_title_legend_and_credits_at_any_aspect() {
    let atlas = embedded().expect("atlas");
    let geometry = MapGeometry::new(&atlas);
    for (w, h) in [(1600, 1000), (1080, 1350), (1920, 1080), (800, 800)] {
        let options = options(date(2020, 10, 27), w, h, "en");
        let doc = svg(&atlas, &geometry, &options);
        let frame = rect_after(&doc, "<clipPath id=\"map-frame\">").expect("a map frame");
        let t = map_transform(&atlas, &geometry, &options);
        let atlas_rect =
            egui::Rect::from_two_pos(t.screen_from_map(geometry.bounds.min), t.screen_from_map(geometry.bounds.max));
        assert!(
            frame.expand(1.0).contains_rect(atlas_rect),
            "{w}×{h}: the atlas {atlas_rect:?} within the frame {frame:?}"
        );
        for group in ["title", "legend", "sources-and-credits"] {
            let panel = rect_after(&doc, &format!("<g id=\"{group}\">")).expect("its panel");
            assert!(!panel.intersects(frame.shrink(1.0)), "{w}×{h}: the {group} {panel:?} over the map {frame:?}");
        }
    }
}

/// Runs a poppler tool on a file: its output, or `None` where the tool is missing and not required.
fn poppler(tool: &str, file: &std::path::Path) -> Option<String> {
    match Command::new(tool).arg(file).output() {
        Ok(out) => {
            assert!(out.status.success(), "{tool}: {}", String::from_utf8_lossy(&out.stderr));
            Some(String::from_utf8_lossy(&out.stdout).into_owned())
        }
        Err(e) if std::env::var_os("KARABAKH_REQUIRE_TOOLS").is_some() => panic!("{tool} is required: {e}"),
        Err(e) => {
            eprintln!("{tool} not found ({e}): the PDF is not checked with it here");
            None
        }
    }
}

#[test]
fn pdfs_are_pages_of_the_paper_asked_for_with_their_fonts_embedded() {
    let atlas = embedded().expect("atlas");
    let dir = tempfile::tempdir().expect("tmp");
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_karabakh-atlas")).args(args).output().expect("run");
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    let map = dir.path().join("map.pdf");
    run(&["export", "--date", "2020-10-27", "--out", map.to_str().expect("path"), "--page", "A4-portrait"]);
    let bytes = std::fs::read(&map).expect("the PDF");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");
    let deck = dir.path().join("deck");
    run(&["export", "--deck", deck.to_str().expect("path"), "--format", "pdf"]);
    let index = std::fs::read_to_string(deck.join("index.md")).expect("index");
    assert!(index.contains("page 1 of [deck.pdf]"));
    let slides = index.matches("\n## ").count() + usize::from(index.starts_with("## "));
    assert_eq!(slides, atlas.phases.len() + atlas.events.len());
    if let Some(info) = poppler("pdfinfo", &map) {
        assert!(info.contains("Pages:           1"), "{info}");
        assert!(info.contains("595 x 842 pts (A4)"), "{info}");
    }
    if let Some(info) = poppler("pdfinfo", &deck.join("deck.pdf")) {
        assert!(info.contains(&format!("Pages:           {slides}")), "a page a slide: {info}");
        assert!(info.contains("842 x 595 pts (A4)"), "{info}");
    }
    if let Some(fonts) = poppler("pdffonts", &map) {
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(rows.iter().any(|r| r.contains("NotoSans")), "{fonts}");
        assert!(rows.iter().all(|r| r.split_whitespace().rev().nth(4) == Some("yes")), "every font embedded:\n{fonts}");
    }
}

#[test]
fn no_text_on_a_printed_a4_page_is_under_7_points() {
    // A PDF page is laid out at its size in points, so an SVG of that size gives the printed sizes.
    let atlas = embedded().expect("atlas");
    let geometry = MapGeometry::new(&atlas);
    for (w, h) in [(842, 595), (595, 842)] {
        let doc = svg(&atlas, &geometry, &options(date(2020, 10, 27), w, h, "en"));
        let smallest = doc
            .split("font-size=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next()?.parse::<f32>().ok())
            .fold(f32::INFINITY, f32::min);
        assert!(smallest >= 7.0, "{w}×{h}: text of {smallest} pt");
    }
}

#[test]
fn the_handout_sheet_reads_on_a4_exact_dates_full_titles_only_the_sides_shown() {
    let atlas = embedded().expect("atlas");
    let geometry = MapGeometry::new(&atlas);
    let today = Date::constant(2026, 11, 25);
    let doc = karabakh_atlas::export::sheet_svg(
        &atlas,
        &geometry,
        595,
        842,
        karabakh_atlas::i18n::Lang::En,
        NameStyle::International,
        today,
    );
    let sizes: Vec<f32> = doc.split("font-size=\"").skip(1).filter_map(|s| s.split('"').next()?.parse().ok()).collect();
    let smallest = sizes.iter().copied().fold(f32::INFINITY, f32::min);
    assert!(smallest >= 7.0, "text of {smallest} pt on A4");
    // Numbered panels with exact dates, the 1994 ceasefire phase among them.
    let p = atlas.phases.iter().position(|p| p.start == date(1994, 5, 12)).expect("the 1994 ceasefire phase");
    assert!(doc.contains(&format!(">{}. 12 May 1994 – ", p + 1)), "its number and first day");
    assert!(!doc.contains("1993–1993"), "no year ranges standing for days");
    // Every word of every title is on the sheet (wrapped, not cut short).
    for phase in &atlas.phases {
        let title = phase.title.get("en");
        if title.split_whitespace().count() <= 9 {
            for word in title.split_whitespace() {
                let word = word.replace('&', "&amp;").replace('"', "&quot;");
                assert!(doc.contains(&word), "{title}: {word}");
            }
        }
    }
    // The legend names only the sides some panel shows.
    let legend = doc.split("<g id=\"legend\">").nth(1).and_then(|l| l.split("</g>").next()).expect("the legend");
    for (c, k) in atlas.controllers.iter().enumerate() {
        let shown = atlas.phases.iter().any(|p| {
            atlas.area_by_controller(p.end.unwrap_or(today.max(p.start))).get(c).is_some_and(|a| a.area_km2 > 0.0)
        });
        assert_eq!(legend.contains(k.name.get("en")), shown, "{} in the legend", k.id);
    }
}

#[test]
fn the_html_deck_opens_offline_in_a_real_browser_and_steps_on_a_key_press() {
    let dir = tempfile::tempdir().expect("tmp");
    let deck = dir.path().join("deck");
    let tiny = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/tiny");
    let out = Command::new(env!("CARGO_BIN_EXE_karabakh-atlas"))
        .args([
            "export",
            "--atlas",
            tiny,
            "--deck",
            deck.to_str().expect("path"),
            "--format",
            "html",
            "--size",
            "400x300",
        ])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let page = std::fs::read_to_string(deck.join("deck.html")).expect("deck.html");
    let slides = page.matches("<section class=\"slide").count();
    assert!(slides >= 3, "{slides} slides");
    assert_eq!(page.matches("src=\"data:image/jpeg;base64,").count(), slides, "every picture inlined");
    assert!(!page.contains("<script src") && !page.contains("<link"), "nothing from elsewhere");
    let url = format!("file://{}?keys=ArrowRight", deck.join("deck.html").display());
    let dom = |url: &str| {
        Command::new("chromium")
            .args(["--headless=new", "--no-sandbox", "--disable-gpu", "--dump-dom", url])
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
    };
    match dom(&format!("file://{}", deck.join("deck.html").display())) {
        Ok(first) => {
            assert!(first.contains(&format!("<div id=\"counter\">1 / {slides}</div>")), "opens on the first slide");
            assert!(first.contains("class=\"slide on\" data-step=\"1\""));
            let stepped = dom(&url).expect("chromium");
            assert!(stepped.contains(&format!("<div id=\"counter\">2 / {slides}</div>")), "a key press steps");
            assert!(stepped.contains("class=\"slide on\" data-step=\"2\""));
        }
        Err(e) if std::env::var_os("KARABAKH_REQUIRE_TOOLS").is_some() => panic!("chromium is required: {e}"),
        Err(e) => eprintln!("chromium not found ({e}): the deck is not opened in a browser here"),
    }
}

#[test]
fn export_options_that_name_nothing_are_refused_with_what_is_wrong() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("x.png");
    let run = |args: &[&str]| {
        let o = Command::new(env!("CARGO_BIN_EXE_karabakh-atlas")).args(args).output().expect("run");
        (o.status.code(), String::from_utf8_lossy(&o.stderr).into_owned())
    };
    let out = out.to_str().expect("path");
    let (code, err) = run(&["export", "--event", "E999", "--out", out]);
    assert_eq!(code, Some(2));
    assert!(err.contains("no event \"E999\""), "{err}");
    let (code, err) = run(&["export", "--date", "2020-10-27", "--fit", "atlantis", "--out", out]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--fit atlantis: no region, zone or place"), "{err}");
    let (code, err) = run(&["export", "--date", "2020-10-27", "--page", "A5", "--out", out]);
    assert_eq!(code, Some(2));
    assert!(err.contains("A4, A3 or Letter"), "{err}");
    assert!(!std::path::Path::new(out).exists(), "nothing written");
}

#[test]
fn an_export_with_an_overlay_shows_the_overlay() {
    use karabakh_atlas::export::{ImageFormat, picture};
    let atlas = embedded().expect("atlas");
    let geometry = MapGeometry::new(&atlas);
    let file = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/overlays/schools.geojson"));
    let overlay = std::sync::Arc::new(karabakh_atlas::atlas::load_overlay(file).expect("the overlay"));
    let plain = flat(date(2020, 11, 9), 1200, 900, "en");
    let with = ExportOptions { overlays: vec![overlay], ..plain.clone() };
    let doc = svg(&atlas, &geometry, &with);
    assert!(doc.contains("<g id=\"overlays\">"), "the overlay's layer");
    assert!(doc.contains(">School No. 1<"), "the overlay's label");
    assert!(doc.contains("Overlay: schools.geojson"), "the overlay in the legend");
    // The school's red dot where the school is, and not there without the overlay.
    let school = geometry.projection.map_from_lonlat(46.7528, 39.8177);
    let at = map_transform(&atlas, &geometry, &with).screen_from_map(school);
    let red = [0xd6, 0x27, 0x28];
    let shown = Pixmap::decode_png(&picture(&atlas, &geometry, &with, ImageFormat::Png).expect("PNG")).expect("decode");
    let bare = Pixmap::decode_png(&picture(&atlas, &geometry, &plain, ImageFormat::Png).expect("PNG")).expect("decode");
    let (on, off) = (share_of_colour(&shown, at.x, at.y, red), share_of_colour(&bare, at.x, at.y, red));
    assert!(on > 0.3 && off < 0.05, "the school's dot at {at:?}: {on} with the overlay, {off} without");
}

#[test]
fn the_png_draws_the_relief_itself_yet_matches_the_svg() {
    use karabakh_atlas::export::{ImageFormat, picture};
    let atlas = embedded().expect("atlas");
    let geometry = MapGeometry::new(&atlas);
    // With the relief and a comparison (stripes over it), tinted and plain.
    for tint in [false, true] {
        let o = ExportOptions {
            layers: MapLayers { tint, ..MapLayers::default() },
            compare: Some(date(2020, 9, 26)),
            ..options(date(2020, 10, 27), 960, 540, "en")
        };
        let fast = Pixmap::decode_png(&picture(&atlas, &geometry, &o, ImageFormat::Png).expect("PNG")).expect("decode");
        let reference = Pixmap::decode_png(&png(&svg(&atlas, &geometry, &o), 960, 540).expect("PNG")).expect("decode");
        let (mut far, mut total) = (0usize, 0u64);
        for (a, b) in fast.pixels().iter().zip(reference.pixels()) {
            let d = a.red().abs_diff(b.red()).max(a.green().abs_diff(b.green())).max(a.blue().abs_diff(b.blue()));
            total += u64::from(d);
            far += usize::from(d > 12);
        }
        let n = fast.pixels().len();
        let mean = total as f64 / n as f64;
        assert!(mean < 1.5, "tint {tint}: the pictures differ by {mean:.2} on average");
        assert!(far * 200 < n, "tint {tint}: {far} of {n} pixels differ by more than 12");
    }
}

#[test]
fn vietnamese_pictures_group_thousands_with_a_dot() {
    let atlas = embedded().expect("atlas");
    let geometry = MapGeometry::new(&atlas);
    let areas = atlas.area_by_controller(date(2020, 10, 27));
    let largest = areas.iter().map(|a| a.area_km2).fold(0.0, f64::max);
    assert!(largest >= 1000.0, "a side holds thousands of km²");
    let (vi, en) = (
        karabakh_atlas::i18n::thousands(largest, karabakh_atlas::i18n::Lang::Vi),
        karabakh_atlas::i18n::thousands(largest, karabakh_atlas::i18n::Lang::En),
    );
    assert!(vi.contains('.') && !vi.contains(','), "{vi}");
    let doc = svg(&atlas, &geometry, &options(date(2020, 10, 27), 1600, 1000, "vi"));
    assert!(doc.contains(&format!("{vi} km²")), "the legend in Vietnamese: {vi} km²");
    assert!(!doc.contains(&format!("{en} km²")), "no English grouping in a Vietnamese picture");
}
