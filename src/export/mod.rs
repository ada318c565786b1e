//! Pictures of the map for slides and handouts, drawn from the same scene as the window: SVG
//! written from the scene's primitives, PNG rendered from that SVG on the CPU (resvg) with the
//! program's own fonts, and from them a slide deck, a small-multiples sheet and an animated GIF.
//!
//! The SVG writer is in `svg`; the title, legend, scale bar, sources and credits in `furniture`;
//! the scene of a picture and its layout on the page (the map plate) in `plate`;
//! rendering in `png`; the composite outputs in `deck`, `sheet` and `animation`.

pub mod animation;
pub mod deck;
pub mod furniture;
pub mod html;
pub mod pdf;
pub mod plate;
pub mod png;
pub mod progress;
pub mod sheet;
pub mod svg;

use std::path::{Path, PathBuf};

use egui::{Pos2, Rect, Vec2, vec2};
use jiff::civil::Date;

pub use animation::{MAX_FRAMES, animate_gif, story_gif};
pub use deck::{deck, deck_document, story_deck, story_document};
pub use pdf::{PageSize, Paper, pdf};
pub use plate::{LABEL_MARGIN, map_transform};
pub use png::{png, svg_with_text_as_paths};
pub use progress::Progress;
pub use sheet::sheet_svg;

use crate::atlas::Atlas;
use crate::i18n::Lang;
use crate::scene::{MapGeometry, MapLayers, NameStyle, View};

/// What to draw.
#[derive(Clone, Debug)]
pub struct ExportOptions {
    /// The date shown.
    pub date: Date,
    /// Picture width in pixels.
    pub width: u32,
    /// Picture height in pixels.
    pub height: u32,
    /// Language of every text.
    pub lang: Lang,
    /// Naming tradition of place labels.
    pub names: NameStyle,
    /// The part of the map to show (the window's current view); the whole atlas when `None`.
    pub view: Option<View>,
    /// The layers of the land shown.
    pub layers: MapLayers,
    /// A date compared with the one shown: the ground that changed hands between them is hatched
    /// in its colour on the other date, as in the window.
    pub compare: Option<Date>,
    /// The event shown (index into the atlas's events): its place ringed, its text the caption,
    /// its sources in the footer.
    pub event: Option<usize>,
    /// The caption under the title, instead of the event's text or the phase's first sentence.
    pub caption: Option<String>,
    /// A frame of an animation over this range: the date large, with a bar of the range.
    pub progress: Option<crate::atlas::DateRange>,
    /// Plain GeoJSON files drawn over the map, as in the window.
    pub overlays: Vec<std::sync::Arc<crate::atlas::Overlay>>,
    /// The map alone, without title, legend, scale bar or credits (for a picture the reader
    /// frames themselves); the map's labels are then the window's for the same view.
    pub map_only: bool,
    /// In an SVG, every text as outlines of the shipped fonts (see [`svg_with_text_as_paths`]).
    pub text_as_paths: bool,
    /// What a story's step is about: emphasised, the rest of the map muted.
    pub highlight: Vec<crate::atlas::Target>,
}

impl ExportOptions {
    /// A picture of `date`, `width` × `height`, in English with international names, the whole
    /// atlas with the default layers, nothing compared, no event.
    pub fn new(date: Date, width: u32, height: u32) -> Self {
        Self {
            date,
            width,
            height,
            lang: Lang::En,
            names: NameStyle::International,
            view: None,
            layers: MapLayers::default(),
            compare: None,
            event: None,
            caption: None,
            progress: None,
            overlays: Vec::new(),
            map_only: false,
            text_as_paths: false,
            highlight: Vec::new(),
        }
    }

    /// The caption: the one given, else the event's text, else the phase's first sentence.
    pub fn caption_text(&self, atlas: &Atlas) -> String {
        let code = self.lang.code();
        if let Some(c) = &self.caption {
            return c.clone();
        }
        if let Some(e) = self.event.and_then(|i| atlas.events.get(i)) {
            return e.text.get(code).to_owned();
        }
        let summary = atlas.phase_at(self.date).map_or("", |p| p.summary.get(code));
        first_sentence(summary).to_owned()
    }
}

/// The first sentence of a text: up to the first full stop followed by a space (or all of it).
fn first_sentence(text: &str) -> &str {
    text.find(". ").and_then(|i| text.get(..=i)).unwrap_or(text)
}

/// Smallest and largest picture side, in pixels: below it the furniture has no room, above it a
/// picture takes more memory than a user would expect (8000 × 8000 × 4 bytes is 256 MB).
pub const PICTURE_SIDES: std::ops::RangeInclusive<u32> = 200..=8000;

/// The kind of picture file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFormat {
    /// Raster, for slides and the web.
    Png,
    /// Vector, for print and editing.
    Svg,
    /// Vector pages for print, fonts embedded.
    Pdf,
    /// One self-contained web page (for a deck: a slide a step, keys and clicker advance).
    Html,
}

impl ImageFormat {
    /// The format a file name asks for by its extension (`.png`, `.svg`, any case).
    pub fn from_path(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "png" => Some(Self::Png),
            "svg" => Some(Self::Svg),
            "pdf" => Some(Self::Pdf),
            "html" | "htm" => Some(Self::Html),
            _ => None,
        }
    }

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Svg => "svg",
            Self::Pdf => "pdf",
            Self::Html => "html",
        }
    }
}

/// Why a picture could not be made or saved.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The SVG the scene was written to could not be read back (a bug, not the user's doing).
    #[error("the SVG could not be read: {0}")]
    Svg(#[from] resvg::usvg::Error),
    /// No picture of that size can be made.
    #[error("cannot make a {width}×{height} picture")]
    Canvas {
        /// Asked width.
        width: u32,
        /// Asked height.
        height: u32,
    },
    /// PNG encoding failed.
    #[error("PNG encoding failed: {0}")]
    Png(String),
    /// PDF writing failed.
    #[error("PDF writing failed: {0}")]
    Pdf(String),
    /// GIF encoding failed.
    #[error("GIF encoding failed: {0}")]
    Gif(#[from] gif::EncodingError),
    /// The reader stopped the export.
    #[error("cancelled after {done} of {total} steps")]
    Cancelled {
        /// Steps done.
        done: usize,
        /// Steps in all.
        total: usize,
    },
    /// A file or folder could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Io {
        /// What was being written.
        path: PathBuf,
        /// Why not.
        #[source]
        source: std::io::Error,
    },
    /// An animation would have more frames than [`MAX_FRAMES`].
    #[error("{frames} frames is more than {MAX_FRAMES}: use a larger --days-per-frame")]
    TooManyFrames {
        /// Frames the range and step would make.
        frames: i64,
    },
    /// A GIF side is at most 65,535 pixels.
    #[error("{width}×{height} is too large for a GIF (at most 65,535 pixels a side)")]
    TooLargeForGif {
        /// Asked width.
        width: u32,
        /// Asked height.
        height: u32,
    },
    /// The file name says neither PNG nor SVG.
    #[error("{}: the file name must end in .svg or .png", .0.display())]
    UnknownFormat(PathBuf),
}

impl ExportError {
    /// Whether the error is the user's request (a size, a range), not the machine's (a disk).
    pub fn is_usage(&self) -> bool {
        matches!(self, Self::TooManyFrames { .. } | Self::TooLargeForGif { .. } | Self::UnknownFormat(_))
    }
}

/// Writes `bytes` to `path`, saying which file could not be written.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    std::fs::write(path, bytes).map_err(|source| ExportError::Io { path: path.to_path_buf(), source })
}

pub(crate) fn canvas(width: u32, height: u32) -> Rect {
    Rect::from_min_size(Pos2::ZERO, vec2(width as f32, height as f32))
}

/// A text's size in the shipped fonts, as the exports' panels are laid out by.
pub(crate) fn measure(text: &str, size: f32, bold: bool) -> Vec2 {
    crate::fonts::measure(text, size, bold)
}

/// `base` turned to a story's step, as the window shows it: the step's view (framed on the
/// picture), comparison, layers, emphasis and caption (the date is `base`'s).
pub fn step_options(geometry: &MapGeometry, step: &crate::atlas::StoryStep, base: ExportOptions) -> ExportOptions {
    let (w, h) = picture_size(&base);
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(w as f32, h as f32));
    let layers = match &step.layers {
        Some(changes) => base.layers.changed_by(changes).unwrap_or(base.layers),
        None => base.layers,
    };
    ExportOptions {
        view: Some(crate::scene::step_view(geometry, &step.view, screen)),
        compare: step.compare,
        layers,
        highlight: step.highlight.clone(),
        caption: Some(step.caption.get(base.lang.code()).to_owned()),
        ..base
    }
}

/// The size a picture is made at: the asked size kept within [`PICTURE_SIDES`], the same for the
/// SVG and for the pixels rendered from it.
pub fn picture_size(options: &ExportOptions) -> (u32, u32) {
    let side = |v: u32| v.clamp(*PICTURE_SIDES.start(), *PICTURE_SIDES.end());
    (side(options.width), side(options.height))
}

/// The map of `atlas` on `options.date` as an SVG document, [`picture_size`] large.
pub fn svg(atlas: &Atlas, geometry: &MapGeometry, options: &ExportOptions) -> String {
    plate::svg(atlas, geometry, options)
}

/// The map on `options.date` as the bytes of a file of `format`.
pub fn picture(
    atlas: &Atlas,
    geometry: &MapGeometry,
    options: &ExportOptions,
    format: ImageFormat,
) -> Result<Vec<u8>, ExportError> {
    match format {
        ImageFormat::Png => png::encode(&plate::raster(atlas, geometry, options)?),
        ImageFormat::Svg if options.text_as_paths => {
            Ok(svg_with_text_as_paths(&svg(atlas, geometry, options))?.into_bytes())
        }
        ImageFormat::Svg => Ok(svg(atlas, geometry, options).into_bytes()),
        ImageFormat::Pdf => pdf(&[svg(atlas, geometry, options)]),
        ImageFormat::Html => {
            let slide = html::HtmlSlide {
                jpeg: html::jpeg(&plate::raster(atlas, geometry, options)?)?,
                heading: atlas
                    .phase_at(options.date)
                    .map_or(String::new(), |p| p.title.get(options.lang.code()).to_owned()),
                text: options.caption_text(atlas),
                sources: Vec::new(),
            };
            Ok(html::html_deck(atlas.title.get(options.lang.code()), options.lang.code(), &[slide]).into_bytes())
        }
    }
}

/// Draws the map on `options.date` and writes it to `path` as SVG or PNG (`format`).
pub fn write_picture(
    atlas: &Atlas,
    geometry: &MapGeometry,
    options: &ExportOptions,
    format: ImageFormat,
    path: &Path,
) -> Result<(), ExportError> {
    write_file(path, &picture(atlas, geometry, options, format)?)
}
