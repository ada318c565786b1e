//! `export`: the map as a picture, a slide deck, a small-multiples sheet or an animated GIF.

use std::path::PathBuf;

use jiff::civil::Date;

use super::args::Size;
use super::{Failure, load, within_timeline};
use crate::atlas::{DateRange, days_between, parse_iso_date};
use crate::export::{ExportError, ExportOptions, ImageFormat};
use crate::i18n::Lang;
use crate::scene::{MapGeometry, NameStyle};

/// Arguments of `export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The date, YYYY-MM-DD.
    #[arg(long, value_parser = parse_iso_date, required_unless_present_any = ["deck", "sheet", "animate", "event", "story"])]
    pub date: Option<Date>,
    /// Show the map centred on LON,LAT at ZOOM (1 shows the whole atlas), e.g. 46.75,39.82,4.
    #[arg(long, allow_hyphen_values = true, conflicts_with = "fit")]
    pub view: Option<super::args::ViewArg>,
    /// Frame a region, zone or place by its id (e.g. the id of a district).
    #[arg(long)]
    pub fit: Option<String>,
    /// Compare with this date: the ground that changed hands between the two is hatched.
    #[arg(long, value_parser = parse_iso_date)]
    pub compare: Option<Date>,
    /// Show this event (by its id): its place ringed, its text the caption, its sources listed;
    /// the date is the event's unless --date is given.
    #[arg(long)]
    pub event: Option<String>,
    /// A story (by its id): the whole story as a .pdf (a page a step), a .html deck or a .gif
    /// that flies between its steps, or with --deck a picture a step and index.md; with --step,
    /// or as a .png or .svg, one step: its date (the last day of a span), view, comparison,
    /// layers, emphasis and caption, unless given here.
    #[arg(long, conflicts_with_all = ["sheet", "animate", "event"])]
    pub story: Option<String>,
    /// The step of `--story`, from 1 (a .png or .svg of a story shows its first without it).
    #[arg(long, requires = "story")]
    pub step: Option<usize>,
    /// The caption under the title (default: the event's text, else the phase's first sentence).
    #[arg(long)]
    pub caption: Option<String>,
    /// Where to write: a .svg or .png file (a .gif with --animate).
    #[arg(long, required_unless_present = "deck")]
    pub out: Option<PathBuf>,
    /// One page with the map at the end of every phase (small multiples, for handouts).
    #[arg(long, conflicts_with_all = ["date", "deck", "animate"])]
    pub sheet: bool,
    /// An animated GIF of a date range, FROM..TO, e.g. 2020-09-27..2020-11-10.
    #[arg(long, conflicts_with_all = ["date", "deck"])]
    pub animate: Option<DateRange>,
    /// Days between frames of the animation (default: about 60 frames over the range).
    #[arg(long, value_parser = clap::value_parser!(i64).range(1..), conflicts_with = "frames")]
    pub days_per_frame: Option<i64>,
    /// `changes`: a frame on every day on which control changed (instead of every few days).
    #[arg(long, value_parser = ["changes"])]
    pub frames: Option<String>,
    /// Write a slide deck into this folder instead: one picture per phase and per event, and an
    /// index.md that reads as the deck.
    #[arg(long, conflicts_with_all = ["date", "out"])]
    pub deck: Option<PathBuf>,
    /// Picture format of the deck.
    #[arg(long, value_enum, default_value = "png")]
    pub format: ImageFormat,
    /// Picture size in pixels, WIDTHxHEIGHT (a PDF takes the size of its page instead).
    #[arg(long, default_value = "1920x1080")]
    pub size: Size,
    /// The paper of a PDF: A4, A3 or Letter, landscape or portrait, e.g. A4-portrait.
    #[arg(long, default_value = "A4-landscape")]
    pub page: crate::export::PageSize,
    /// Language of the texts.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: Lang,
    /// Place names: English / international, the atlas's first or second naming tradition (as its
    /// names menu lists them), or both.
    #[arg(long, value_enum, default_value = "international")]
    pub names: NameStyle,
    /// The layers of the land shown.
    #[command(flatten)]
    pub layers: super::args::LayerArgs,
    /// Use this atlas folder instead of the built-in one.
    #[arg(long)]
    pub atlas: Option<PathBuf>,
    /// Draw a plain GeoJSON file over the map, as the window does (may be given more than once).
    #[arg(long)]
    pub overlay: Vec<PathBuf>,
    /// How an SVG carries its words: `text` (editable, in the Noto Sans the SVG names) or `paths`
    /// (outlines of the shipped fonts: looks the same in any slide software, not editable).
    #[arg(long, value_parser = ["text", "paths"], default_value = "text")]
    pub text: String,
    /// The map alone: no title, legend, scale bar or credits (for a picture framed elsewhere).
    #[arg(long, conflicts_with_all = ["sheet", "deck", "animate"])]
    pub map_only: bool,
}

pub(super) fn export(args: &ExportArgs) -> Result<(), Failure> {
    // A PDF is laid out at its page's size in points, so that its text sizes are printed sizes.
    let pdf = match (&args.out, &args.deck) {
        (_, Some(_)) => args.format == ImageFormat::Pdf,
        (Some(out), None) => ImageFormat::from_path(out) == Some(ImageFormat::Pdf),
        _ => false,
    };
    let Size { width, height } = if pdf {
        let (width, height) = args.page.points();
        Size { width, height }
    } else {
        args.size
    };
    let atlas = load(args.atlas.as_deref())?;
    // Every overlay read, every problem of each said: a feature left out is said and the picture
    // made without it; an overlay that cannot be read at all stops the export (after all are read).
    let mut overlays = Vec::new();
    let mut refused = crate::atlas::AtlasErrors::default();
    for path in &args.overlay {
        match crate::atlas::load_overlay(path) {
            Ok(o) => {
                for note in &o.notes {
                    eprintln!("{}: note: {note}", path.display());
                }
                if !o.left_out.is_empty() {
                    eprint!("{}: these features are left out of the picture: {}", path.display(), o.left_out);
                }
                overlays.push(std::sync::Arc::new(o));
            }
            Err(errors) => refused.0.extend(errors.0),
        }
    }
    if !refused.is_empty() {
        return Err(Failure::Atlas(refused));
    }
    let geometry = MapGeometry::new(&atlas);
    let layers = args.layers.resolve(crate::scene::MapLayers::default());
    let event = match &args.event {
        Some(id) => Some(atlas.events.iter().position(|e| &e.id == id).ok_or_else(|| {
            let some: Vec<&str> = atlas.events.iter().take(5).map(|e| e.id.as_str()).collect();
            Failure::Usage(format!("no event \"{id}\" in the atlas (its events are named like {})", some.join(", ")))
        })?),
        None => None,
    };
    let mut view = view_of(&atlas, &geometry, args, (width, height))?;
    let story = match &args.story {
        Some(id) => Some(atlas.stories.iter().find(|s| &s.id == id).ok_or_else(|| {
            let ids: Vec<&str> = atlas.stories.iter().map(|s| s.id.as_str()).collect();
            Failure::Usage(format!("no story \"{id}\" in the atlas (its stories: {})", ids.join(", ")))
        })?),
        None => None,
    };
    // The whole story, as a document, an animation or a deck of pictures.
    let whole = |ext: &str| args.out.as_ref().and_then(|o| o.extension()).is_some_and(|e| e.eq_ignore_ascii_case(ext));
    if let Some(story) = story
        && args.step.is_none()
        && (args.deck.is_some() || whole("pdf") || whole("html") || whole("gif"))
    {
        return export_story(args, &atlas, &geometry, story, (width, height), &overlays);
    }
    let step = story_step(story, args)?;
    let (mut date, mut compare, mut caption, mut layers) = (args.date, args.compare, args.caption.clone(), layers);
    let mut highlight = Vec::new();
    if let Some(step) = step {
        let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(width as f32, height as f32));
        view = view.or_else(|| Some(crate::scene::step_view(&geometry, &step.view, screen)));
        highlight = step.highlight.clone();
        date = date.or(Some(step.when.last_day()));
        compare = compare.or(step.compare);
        caption = caption.or_else(|| Some(step.caption.get(args.lang.code()).to_owned()));
        if let (Some(changes), false) = (&step.layers, args.layers.given()) {
            layers = layers.changed_by(changes).map_err(|e| Failure::Usage(format!("the step's layers: {e}")))?;
        }
    }
    if let Some(c) = compare {
        within_timeline(&atlas, c)?;
    }
    let options = |date| ExportOptions {
        lang: args.lang,
        names: args.names,
        view,
        layers,
        compare,
        event,
        caption: caption.clone(),
        overlays: overlays.clone(),
        map_only: args.map_only,
        text_as_paths: args.text == "paths",
        highlight: highlight.clone(),
        ..ExportOptions::new(date, width, height)
    };
    if let Some(dir) = &args.deck {
        let progress = progress_bar("slides");
        let n = crate::export::deck(&atlas, &geometry, dir, args.format, &options, &progress)?;
        println!("{n} slides in {}", dir.display());
        return Ok(());
    }
    let Some(out) = &args.out else {
        return Err(Failure::Usage("give --out, or --deck".into()));
    };
    if let Some(range) = args.animate {
        if !out.extension().is_some_and(|e| e.eq_ignore_ascii_case("gif")) {
            return Err(Failure::Usage(format!("{}: an animation is written as .gif", out.display())));
        }
        let frames = match (&args.frames, args.days_per_frame) {
            (Some(_), _) => crate::export::animation::Frames::Changes,
            (None, Some(step)) => crate::export::animation::Frames::Every(step),
            (None, None) => crate::export::animation::Frames::Every((days_between(range.start, range.end) / 60).max(1)),
        };
        let progress = progress_bar("frames");
        let bytes = crate::export::animate_gif(&atlas, &geometry, range, frames, &options, &progress)?;
        crate::export::write_file(out, &bytes)?;
        println!("{}", out.display());
        return Ok(());
    }
    let format = ImageFormat::from_path(out).ok_or_else(|| ExportError::UnknownFormat(out.clone()))?;
    if args.sheet {
        let today = crate::atlas::today_utc();
        let doc = crate::export::sheet_svg(&atlas, &geometry, width, height, args.lang, args.names, today);
        let bytes = match format {
            ImageFormat::Png => crate::export::png(&doc, width, height)?,
            ImageFormat::Svg if args.text == "paths" => crate::export::svg_with_text_as_paths(&doc)?.into_bytes(),
            ImageFormat::Svg => doc.into_bytes(),
            ImageFormat::Pdf => crate::export::pdf(&[doc])?,
            ImageFormat::Html => {
                return Err(Failure::Usage(format!("{}: a sheet is written as .png, .svg or .pdf", out.display())));
            }
        };
        crate::export::write_file(out, &bytes)?;
        println!("{}", out.display());
        return Ok(());
    }
    let Some(date) = date.or(event.and_then(|i| atlas.events.get(i)).map(|e| e.date)) else {
        return Err(Failure::Usage("give --date".into()));
    };
    within_timeline(&atlas, date)?;
    crate::export::write_picture(&atlas, &geometry, &options(date), format, out)?;
    println!("{}", out.display());
    Ok(())
}

/// The part of the map asked for: `--view`, or `--fit` a region, zone or place; `None` for the whole atlas.
fn view_of(
    atlas: &crate::atlas::Atlas,
    geometry: &MapGeometry,
    args: &ExportArgs,
    (width, height): (u32, u32),
) -> Result<Option<crate::scene::View>, Failure> {
    use crate::scene::View;
    let bounds = geometry.bounds;
    if let Some(v) = &args.view {
        let centre = geometry.projection.map_from_lonlat(v.lon, v.lat);
        return Ok(Some(View { centre, zoom: v.zoom.into() }.sanitized(bounds)));
    }
    let Some(id) = &args.fit else { return Ok(None) };
    use crate::atlas::{PlaceIdx, RegionIdx, Target, ZoneIdx};
    let target = if let Some(i) = atlas.regions.iter().position(|r| &r.id == id) {
        Target::Region(RegionIdx::new(i))
    } else if let Some(i) = atlas.zones.iter().position(|z| &z.id == id) {
        Target::Zone(ZoneIdx::new(i))
    } else if let Some(i) = atlas.places.iter().position(|p| &p.id == id) {
        Target::Place(PlaceIdx::new(i))
    } else {
        return Err(Failure::Usage(format!("--fit {id}: no region, zone or place has this id")));
    };
    let part = crate::scene::target_rect(geometry, target);
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(width as f32, height as f32));
    Ok(part.filter(|r| r.is_finite() && r.width() > 0.0).map(|r| View::fit_part(r, screen, bounds)))
}

/// The step `--story ID --step N` names (the first without `--step`), if any.
fn story_step<'a>(
    story: Option<&'a crate::atlas::Story>,
    args: &ExportArgs,
) -> Result<Option<&'a crate::atlas::StoryStep>, Failure> {
    let Some(story) = story else { return Ok(None) };
    let n = args.step.unwrap_or(1);
    match n.checked_sub(1).and_then(|i| story.steps.get(i)) {
        Some(step) => Ok(Some(step)),
        None => {
            Err(Failure::Usage(format!("--step {n}: the story \"{}\" has steps 1 to {}", story.id, story.steps.len())))
        }
    }
}

/// A whole story: a PDF of a page a step, an HTML deck, a GIF that flies between the steps, or
/// (with `--deck`) a picture a step and `index.md`.
fn export_story(
    args: &ExportArgs,
    atlas: &crate::atlas::Atlas,
    geometry: &MapGeometry,
    story: &crate::atlas::Story,
    (width, height): (u32, u32),
    overlays: &[std::sync::Arc<crate::atlas::Overlay>],
) -> Result<(), Failure> {
    let layers = args.layers.resolve(crate::scene::MapLayers::default());
    let options = |date| ExportOptions {
        lang: args.lang,
        names: args.names,
        layers,
        overlays: overlays.to_vec(),
        text_as_paths: args.text == "paths",
        ..ExportOptions::new(date, width, height)
    };
    if let Some(dir) = &args.deck {
        let progress = progress_bar("steps");
        let n = crate::export::story_deck(atlas, geometry, story, dir, args.format, &options, &progress)?;
        println!("{n} steps in {}", dir.display());
        return Ok(());
    }
    let Some(out) = &args.out else { return Err(Failure::Usage("give --out, or --deck".into())) };
    let bytes = if out.extension().is_some_and(|e| e.eq_ignore_ascii_case("gif")) {
        let progress = progress_bar("frames");
        crate::export::story_gif(atlas, geometry, story, &options, &progress)?
    } else {
        let format = ImageFormat::from_path(out).ok_or_else(|| ExportError::UnknownFormat(out.clone()))?;
        let progress = progress_bar("steps");
        crate::export::story_document(atlas, geometry, story, format, &options, &progress)?
    };
    crate::export::write_file(out, &bytes)?;
    println!("{}", out.display());
    Ok(())
}

/// Progress drawn as a bar on the terminal (standard error), and nothing when that is not a
/// terminal (a script, CI): the bar ends when the export does.
fn progress_bar(unit: &'static str) -> crate::export::Progress {
    let bar = indicatif::ProgressBar::new(0);
    let style = indicatif::ProgressStyle::with_template(&format!("{{bar:40}} {{pos}}/{{len}} {unit}, {{eta}} left"));
    if let Ok(style) = style {
        bar.set_style(style);
    }
    crate::export::Progress::with_callback(move |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
        if done >= total && total > 0 {
            bar.finish_and_clear();
        }
    })
}
