//! A slide deck: a picture at the start of every phase and on the day of every event, in date
//! order, with an `index.md` that reads as the deck (titles, dates, texts and sources).

use std::path::Path;

use jiff::civil::Date;

use super::{ExportError, ExportOptions, ImageFormat, Progress, write_file, write_picture};
use crate::atlas::{Atlas, Source};
use crate::i18n::long_date;
use crate::scene::MapGeometry;

/// One slide before it is drawn.
struct Slide {
    date: Date,
    /// Phases before events on the same day.
    order: usize,
    stem: String,
    heading: String,
    text: String,
    sources: Vec<String>,
    /// The same, as title and address.
    links: Vec<(String, Option<String>)>,
    /// The event the slide shows (index into the atlas's events).
    event: Option<usize>,
    /// A story's step: how it looks (its view, comparison, layers, emphasis and caption).
    step: Option<crate::atlas::StoryStep>,
}

/// The slides of the deck in `lang`: one at the start of every phase and one on the day of every
/// event (those abroad show the map of their day), in date order.
fn slides(atlas: &Atlas, lang: crate::i18n::Lang) -> Vec<Slide> {
    let mut slides: Vec<Slide> = Vec::new();
    for (i, p) in atlas.phases.iter().enumerate() {
        slides.push(Slide {
            date: p.start,
            order: 0,
            stem: format!("phase-{:02}-{}", i + 1, file_safe(&p.id)),
            heading: p.title.get(lang.code()).to_owned(),
            text: p.summary.get(lang.code()).to_owned(),
            sources: p.sources.iter().map(source_line).collect(),
            links: p.sources.iter().map(|s| (s.title.clone(), s.url.clone())).collect(),
            event: None,
            step: None,
        });
    }
    for (i, e) in atlas.events.iter().enumerate() {
        let mut text = e.text.get(lang.code()).to_owned();
        if let Some(claim) = &e.claim {
            text.push_str(&format!(" ({})", claim.get(lang.code())));
        }
        slides.push(Slide {
            date: e.date,
            order: 1,
            stem: format!("event-{}", file_safe(&e.id)),
            heading: long_date(e.date, lang),
            text,
            sources: e.sources.iter().map(source_line).collect(),
            links: e.sources.iter().map(|s| (s.title.clone(), s.url.clone())).collect(),
            event: Some(i),
            step: None,
        });
    }
    slides.sort_by_key(|s| (s.date, s.order));
    slides
}

/// The whole deck as one file: a PDF of a page a slide, or a self-contained HTML page of a step a
/// slide (`format` is one of the two). `progress` counts the slides (and the PDF's writing) and
/// can stop it.
pub fn deck_document(
    atlas: &Atlas,
    geometry: &MapGeometry,
    format: ImageFormat,
    options: &(dyn Fn(Date) -> ExportOptions + Sync),
    progress: &Progress,
) -> Result<Vec<u8>, ExportError> {
    let lang = options(atlas.span().0).lang;
    let slides = slides(atlas, lang);
    document(atlas, geometry, (atlas.title.get(lang.code()), &slides), format, options, progress)
}

/// The slides of a story: one a step, in its order, each captioned with the step's caption,
/// its text below; the story's sources under its first.
fn story_slides(story: &crate::atlas::Story, lang: crate::i18n::Lang) -> Vec<Slide> {
    let code = lang.code();
    story
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let sources = if i == 0 { story.sources.as_slice() } else { &[] };
            Slide {
                date: step.when.last_day(),
                order: i,
                stem: format!("step-{:02}", i + 1),
                heading: step.caption.get(code).to_owned(),
                text: step.text.get(code).to_owned(),
                sources: sources.iter().map(source_line).collect(),
                links: sources.iter().map(|s| (s.title.clone(), s.url.clone())).collect(),
                event: None,
                step: Some(step.clone()),
            }
        })
        .collect()
}

/// A story as one file: a PDF of a page a step, or a self-contained HTML page of a slide a step
/// (`format` is one of the two), each showing its step as the window does.
pub fn story_document(
    atlas: &Atlas,
    geometry: &MapGeometry,
    story: &crate::atlas::Story,
    format: ImageFormat,
    options: &(dyn Fn(Date) -> ExportOptions + Sync),
    progress: &Progress,
) -> Result<Vec<u8>, ExportError> {
    let lang = options(atlas.span().0).lang;
    let slides = story_slides(story, lang);
    document(atlas, geometry, (story.title.get(lang.code()), &slides), format, options, progress)
}

/// Writes a story into `dir` as [`deck`] writes the atlas's deck: a picture a step (or one
/// `deck.pdf` or `deck.html`) and `index.md` with each step's caption, date, text and the
/// story's sources. Returns the number of steps.
pub fn story_deck(
    atlas: &Atlas,
    geometry: &MapGeometry,
    story: &crate::atlas::Story,
    dir: &Path,
    format: ImageFormat,
    options: &(dyn Fn(Date) -> ExportOptions + Sync),
    progress: &Progress,
) -> Result<usize, ExportError> {
    let lang = options(atlas.span().0).lang;
    let slides = story_slides(story, lang);
    write_deck(atlas, geometry, (story.title.get(lang.code()), &slides), dir, format, options, progress)
}

fn document(
    atlas: &Atlas,
    geometry: &MapGeometry,
    (title, slides): (&str, &[Slide]),
    format: ImageFormat,
    options: &(dyn Fn(Date) -> ExportOptions + Sync),
    progress: &Progress,
) -> Result<Vec<u8>, ExportError> {
    let lang = options(atlas.span().0).lang;
    progress.start(slides.len() + 1);
    if format == ImageFormat::Html {
        let html_slides = on_every_core(slides, |slide| {
            let slide_options = slide_options(atlas, geometry, slide, options);
            let html_slide = super::html::HtmlSlide {
                jpeg: super::html::jpeg(&super::plate::raster(atlas, geometry, &slide_options)?)?,
                heading: slide.heading.clone(),
                text: slide.text.clone(),
                sources: slide.links.clone(),
            };
            progress.step()?;
            Ok(html_slide)
        })?;
        let page = super::html::html_deck(title, lang.code(), &html_slides);
        progress.step()?;
        return Ok(page.into_bytes());
    }
    let pages = on_every_core(slides, |slide| {
        let page = super::svg(atlas, geometry, &slide_options(atlas, geometry, slide, options));
        progress.step()?;
        Ok(page)
    })?;
    let pdf = super::pdf(&pages)?;
    progress.step()?;
    Ok(pdf)
}

/// Writes a slide deck into `dir`: the slides of [`deck_document`] as a picture each (PNG or
/// SVG), or as one `deck.pdf` or `deck.html`, and `index.md` with each slide's title, date, text
/// and sources. Returns the number of slides.
pub fn deck(
    atlas: &Atlas,
    geometry: &MapGeometry,
    dir: &Path,
    format: ImageFormat,
    options: &(dyn Fn(Date) -> ExportOptions + Sync),
    progress: &Progress,
) -> Result<usize, ExportError> {
    let lang = options(atlas.span().0).lang;
    let slides = slides(atlas, lang);
    write_deck(atlas, geometry, (atlas.title.get(lang.code()), &slides), dir, format, options, progress)
}

fn write_deck(
    atlas: &Atlas,
    geometry: &MapGeometry,
    (title, slides): (&str, &[Slide]),
    dir: &Path,
    format: ImageFormat,
    options: &(dyn Fn(Date) -> ExportOptions + Sync),
    progress: &Progress,
) -> Result<usize, ExportError> {
    std::fs::create_dir_all(dir).map_err(|source| ExportError::Io { path: dir.to_path_buf(), source })?;
    let lang = options(atlas.span().0).lang;
    let mut index = format!("# {title}\n\n");
    let single = matches!(format, ImageFormat::Pdf | ImageFormat::Html);
    if single {
        let name = if format == ImageFormat::Pdf { PDF_NAME } else { HTML_NAME };
        write_file(&dir.join(name), &document(atlas, geometry, (title, slides), format, options, progress)?)?;
    } else {
        progress.start(slides.len());
    }
    let file_of = |n: usize, slide: &Slide| format!("{:03}-{}.{}", n + 1, slide.stem, format.extension());
    if !single {
        let numbered: Vec<(usize, &Slide)> = slides.iter().enumerate().collect();
        on_every_core(&numbered, |&(n, slide)| {
            let slide_options = slide_options(atlas, geometry, slide, options);
            write_picture(atlas, geometry, &slide_options, format, &dir.join(file_of(n, slide)))?;
            progress.step()
        })?;
    }
    for (n, slide) in slides.iter().enumerate() {
        let picture = match format {
            ImageFormat::Pdf => format!("page {} of [{PDF_NAME}]({PDF_NAME})", n + 1),
            ImageFormat::Html => format!("step {} of [{HTML_NAME}]({HTML_NAME})", n + 1),
            _ => format!("![{}]({})", slide.heading, file_of(n, slide)),
        };
        let when = long_date(slide.date, lang);
        let heading = &slide.heading;
        let dated = if *heading == when { String::new() } else { format!("*{when}*\n\n") };
        index.push_str(&format!("## {heading}\n\n{dated}{picture}\n\n{}\n\n", slide.text));
        for s in &slide.sources {
            index.push_str(&format!("- {s}\n"));
        }
        index.push_str("\n---\n\n");
    }
    write_file(&dir.join("index.md"), index.as_bytes())?;
    Ok(slides.len())
}

/// A source as a Markdown link (or its title when it has no address).
pub(crate) fn source_line(s: &Source) -> String {
    match &s.url {
        Some(url) => format!("[{}]({url})", s.title),
        None => s.title.clone(),
    }
}

/// How a slide is drawn: a phase's over the whole atlas; an event's with the event shown (its
/// caption, sources and a ring at its place) and, where it happened on the map, the view closer
/// round its place; a story's step as the step asks.
fn slide_options(
    atlas: &Atlas,
    geometry: &MapGeometry,
    slide: &Slide,
    options: &(dyn Fn(Date) -> ExportOptions + Sync),
) -> ExportOptions {
    let base = options(slide.date);
    if let Some(step) = &slide.step {
        return super::step_options(geometry, step, base);
    }
    let Some(e) = slide.event.and_then(|i| atlas.events.get(i)) else { return base };
    let at = match (e.place, e.position) {
        (Some(p), _) => geometry.places.get(p.get()).copied(),
        (None, Some(p)) if !e.offmap => Some(geometry.projection.map_from_lonlat(p.x(), p.y())),
        _ => None,
    };
    let view = base
        .view
        .or_else(|| at.map(|centre| crate::scene::View { centre, zoom: EVENT_ZOOM.into() }.sanitized(geometry.bounds)));
    ExportOptions { event: slide.event, view, ..base }
}

/// The file a deck as PDF is written to, in the deck's folder.
pub const PDF_NAME: &str = "deck.pdf";

/// The file a deck as HTML is written to, in the deck's folder.
pub const HTML_NAME: &str = "deck.html";

/// How much closer an event's slide shows the land round its place than the whole atlas.
const EVENT_ZOOM: f32 = 2.5;

/// An id made safe as part of a file name: letters, digits, `-` and `_` kept, anything else
/// (a path separator, a dot) written as `_`, so that no id can name a file outside the folder.
pub fn file_safe(id: &str) -> String {
    id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect()
}

/// `work` done for every item on every core, the results in the items' order; the first error
/// (a cancellation, a disk) stops the rest at their next item and is returned.
fn on_every_core<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&T) -> Result<R, ExportError> + Sync,
) -> Result<Vec<R>, ExportError> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    let first_error: Mutex<Option<ExportError>> = Mutex::new(None);
    let workers = std::thread::available_parallelism().map_or(1, std::num::NonZero::get).min(items.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while !failed.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    match work(item) {
                        Ok(r) => {
                            if let Some(slot) =
                                results.lock().unwrap_or_else(std::sync::PoisonError::into_inner).get_mut(i)
                            {
                                *slot = Some(r);
                            }
                        }
                        Err(e) => {
                            failed.store(true, Ordering::Relaxed);
                            first_error.lock().unwrap_or_else(std::sync::PoisonError::into_inner).get_or_insert(e);
                        }
                    }
                }
            });
        }
    });
    if let Some(e) = first_error.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner) {
        return Err(e);
    }
    let results = results.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    Ok(results.into_iter().flatten().collect())
}
