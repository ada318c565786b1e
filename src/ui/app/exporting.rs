//! Exports from the window: the map as it is shown, the deck of every phase and event, or the
//! phase shown as an animation. Each runs on a thread of its own with its progress in the top bar
//! and a Cancel button, so that the window stays responsive; each step wakes the window once, so
//! nothing polls. Every export ends with a word in the top bar: saved (with the path), failed
//! (with why), cancelled, or nothing chosen. Where no file dialog can be shown, the window offers
//! to save into the user's Pictures folder and gives the command line that saves the same.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

use jiff::civil::Date;

use super::AtlasApp;
use crate::atlas::DateRange;
use crate::export::{ExportError, ExportOptions, ImageFormat, Progress};
use crate::i18n::{t, tf};

/// What the window exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// The map as the window shows it: PNG, SVG or PDF by the file's extension.
    Picture,
    /// The deck of every phase and event: one PDF, or one HTML page (by the file's extension).
    Deck,
    /// The phase shown, a frame at every change of control: a GIF.
    Animation,
    /// The story open, as edited: a PDF of a page a step, an HTML deck, or a GIF that flies
    /// between the steps (by the file's extension).
    Story,
}

impl ExportKind {
    /// The file name offered for the date shown.
    fn file_name(self, date: Date) -> String {
        match self {
            Self::Picture => format!("karabakh-atlas-{date}.png"),
            Self::Deck => "karabakh-atlas-deck.pdf".to_owned(),
            Self::Animation => format!("karabakh-atlas-{date}.gif"),
            Self::Story => "karabakh-atlas-story.pdf".to_owned(),
        }
    }

    /// The formats a file dialog offers, by name and extensions.
    fn filters(self) -> &'static [(&'static str, &'static [&'static str])] {
        match self {
            Self::Picture => &[("PNG", &["png"]), ("SVG", &["svg"]), ("PDF", &["pdf"])],
            Self::Deck => &[("PDF", &["pdf"]), ("HTML", &["html"])],
            Self::Animation => &[("GIF", &["gif"])],
            Self::Story => &[("PDF", &["pdf"]), ("HTML", &["html"]), ("GIF", &["gif"])],
        }
    }
}

/// An export under way on its own thread.
pub struct ExportJob {
    /// Where it is written.
    pub path: PathBuf,
    /// How far it has gone; cancelled through it.
    pub progress: Arc<Progress>,
    handle: JoinHandle<Result<(), ExportError>>,
}

/// The animation's size: a slide's.
const ANIMATION_SIZE: (u32, u32) = (1280, 720);

impl AtlasApp {
    /// What an export of the map as the window shows it is made with: its date, view, language,
    /// names, layers, comparison, event and overlays, at 1920 × 1080.
    pub fn export_options(&self) -> ExportOptions {
        ExportOptions {
            lang: self.lang(),
            names: self.settings.names,
            view: Some(self.view),
            layers: self.settings.layers,
            compare: self.cursor.compare(),
            event: self.cursor.selected_event(),
            overlays: self.overlays.clone(),
            ..ExportOptions::new(self.cursor.date(), 1920, 1080)
        }
    }

    /// Saves the map as the window shows it to `path`, as PNG, SVG or PDF by its extension (PNG
    /// when it has none of these), at once, on this thread.
    pub(super) fn export_to(&self, path: &Path) -> Result<(), ExportError> {
        let format = ImageFormat::from_path(path).filter(|f| *f != ImageFormat::Html).unwrap_or(ImageFormat::Png);
        crate::export::write_picture(&self.loaded.atlas, &self.loaded.geometry, &self.export_options(), format, path)
    }

    /// The phase shown, from its first day to its last (today for the phase that has not ended).
    fn phase_range(&self) -> Option<DateRange> {
        let phase = self.loaded.atlas.phase_at(self.cursor.date())?;
        let end = phase.end.unwrap_or_else(|| self.cursor.today());
        (end > phase.start).then_some(DateRange { start: phase.start, end })
    }

    /// Starts exporting `kind` to `path` on a thread of its own (one at a time: a second waits for
    /// the first to be done or cancelled).
    pub(super) fn start_export(&mut self, ctx: &egui::Context, kind: ExportKind, path: PathBuf) {
        let lang = self.lang();
        if self.export_job.is_some() {
            self.export_status = Some(Err(t(lang, "An export is under way; wait for it or cancel it.").to_owned()));
            return;
        }
        self.export_offer = None;
        let range = self.phase_range();
        if kind == ExportKind::Animation && range.is_none() {
            self.export_status =
                Some(Err(t(lang, "This phase is a single day: there is nothing to animate.").to_owned()));
            return;
        }
        let waker = ctx.clone();
        let progress = Arc::new(Progress::with_callback(move |_, _| waker.request_repaint()));
        let (atlas, geometry) = (Arc::clone(&self.loaded.atlas), Arc::clone(&self.loaded.geometry));
        let options = self.export_options();
        let story = self.story.as_ref().map(|s| s.story.clone());
        if kind == ExportKind::Story && story.is_none() {
            self.export_status = Some(Err(t(lang, "Open a story first (the Stories menu).").to_owned()));
            return;
        }
        let (worker_progress, target) = (Arc::clone(&progress), path.clone());
        let work = move || -> Result<(), ExportError> {
            let progress = &*worker_progress;
            let bytes = match kind {
                ExportKind::Picture => {
                    progress.start(1);
                    let format =
                        ImageFormat::from_path(&target).filter(|f| *f != ImageFormat::Html).unwrap_or(ImageFormat::Png);
                    let bytes = crate::export::picture(&atlas, &geometry, &options, format)?;
                    progress.step()?;
                    bytes
                }
                ExportKind::Deck => {
                    let format = match ImageFormat::from_path(&target) {
                        Some(ImageFormat::Html) => ImageFormat::Html,
                        _ => ImageFormat::Pdf,
                    };
                    // A PDF is laid out at its page's size in points, so that its text prints at
                    // its sizes; every slide shows the whole atlas (an event's, its place).
                    let (width, height) = if format == ImageFormat::Pdf {
                        crate::export::PageSize::DEFAULT.points()
                    } else {
                        (1920, 1080)
                    };
                    let slide = |date| ExportOptions {
                        view: None,
                        compare: None,
                        event: None,
                        ..ExportOptions { date, width, height, ..options.clone() }
                    };
                    crate::export::deck_document(&atlas, &geometry, format, &slide, progress)?
                }
                ExportKind::Animation => {
                    // Refused above when the phase has no span.
                    let Some(range) = range else { return Ok(()) };
                    let (width, height) = ANIMATION_SIZE;
                    let frame = |date| ExportOptions {
                        event: None,
                        ..ExportOptions { date, width, height, ..options.clone() }
                    };
                    let frames = crate::export::animation::Frames::Changes;
                    crate::export::animate_gif(&atlas, &geometry, range, frames, &frame, progress)?
                }
                ExportKind::Story => {
                    // Refused above when no story is open.
                    let Some(story) = story else { return Ok(()) };
                    let format = ImageFormat::from_path(&target);
                    let (width, height) = match format {
                        Some(ImageFormat::Html) => (1920, 1080),
                        Some(ImageFormat::Pdf) => crate::export::PageSize::DEFAULT.points(),
                        _ => ANIMATION_SIZE,
                    };
                    // Each step sets its own view, comparison and emphasis; the reader's layers,
                    // names, language and overlays are kept.
                    let step = |date| ExportOptions {
                        event: None,
                        compare: None,
                        ..ExportOptions { date, width, height, ..options.clone() }
                    };
                    match format {
                        Some(f @ (ImageFormat::Html | ImageFormat::Pdf)) => {
                            crate::export::story_document(&atlas, &geometry, &story, f, &step, progress)?
                        }
                        _ => crate::export::story_gif(&atlas, &geometry, &story, &step, progress)?,
                    }
                }
            };
            crate::export::write_file(&target, &bytes)
        };
        let handle = std::thread::spawn(work);
        self.export_status = None;
        self.export_job = Some(ExportJob { path, progress, handle });
    }

    /// Asks the export under way to stop at its next step.
    pub(super) fn cancel_export(&mut self) {
        if let Some(job) = &self.export_job {
            job.progress.cancel();
        }
    }

    /// Says how the export went once its thread is done.
    pub(super) fn poll_export(&mut self) {
        if !self.export_job.as_ref().is_some_and(|j| j.handle.is_finished()) {
            return;
        }
        let Some(job) = self.export_job.take() else { return };
        let lang = self.lang();
        let shown = job.path.display().to_string();
        self.export_status = Some(match job.handle.join() {
            Ok(Ok(())) => Ok(tf(lang, "Saved {}", &[&shown])),
            Ok(Err(ExportError::Cancelled { .. })) => Err(tf(lang, "Export cancelled; {} was not written", &[&shown])),
            Ok(Err(e)) => Err(tf(lang, "Export failed: {}", &[&error_text(&e, lang)])),
            Err(_) => Err(tf(lang, "Export failed: {}", &[t(lang, "the export stopped unexpectedly")])),
        });
    }

    /// Whether an export is under way.
    pub fn exporting(&self) -> bool {
        self.export_job.is_some()
    }

    /// Asks where to save (a native dialog) and exports there. Where no file was chosen (the
    /// dialog was cancelled, or none can be shown here: rfd cannot tell the two apart), says so,
    /// offers the user's Pictures folder, and gives the command line that saves the same.
    pub(super) fn export_with_dialog(&mut self, ctx: &egui::Context, kind: ExportKind) {
        let name = kind.file_name(self.cursor.date());
        let mut dialog = rfd::FileDialog::new().set_file_name(&name);
        for (label, extensions) in kind.filters() {
            dialog = dialog.add_filter(*label, extensions);
        }
        match dialog.save_file() {
            Some(path) => self.start_export(ctx, kind, path),
            None => {
                let lang = self.lang();
                let command = self.export_command_line(kind);
                self.export_status =
                    Some(Err(tf(lang, "Nothing saved (no file chosen). Without a file dialog: {}", &[&command])));
                let folder = dirs::picture_dir().or_else(dirs::home_dir).unwrap_or_else(|| PathBuf::from("."));
                self.export_offer = Some((kind, folder.join(name)));
            }
        }
    }

    /// The command line that exports what `kind` exports from the window.
    pub fn export_command_line(&self, kind: ExportKind) -> String {
        let mut line = match kind {
            ExportKind::Picture => {
                let (lon, lat) = self.loaded.geometry.projection.lonlat_from_map(self.view.centre);
                let mut line = format!(
                    "karabakh-atlas export --date {} --view {lon:.3},{lat:.3},{:.2} --out map.png",
                    self.cursor.date(),
                    self.view.zoom.get(),
                );
                if let Some(c) = self.cursor.compare() {
                    line.push_str(&format!(" --compare {c}"));
                }
                if let Some(e) = self.cursor.selected_event().and_then(|i| self.loaded.atlas.events.get(i)) {
                    line.push_str(&format!(" --event {}", e.id));
                }
                line
            }
            ExportKind::Deck => "karabakh-atlas export --deck deck --format pdf".to_owned(),
            ExportKind::Story => {
                let id = self.story.as_ref().map_or("ID", |s| s.story.id.as_str());
                format!("karabakh-atlas export --story {} --out story.pdf", shell_word(id))
            }
            ExportKind::Animation => {
                let range = self.phase_range().map_or(String::new(), |r| format!(" --animate {}..{}", r.start, r.end));
                format!("karabakh-atlas export{range} --frames changes --size 1280x720 --out animation.gif")
            }
        };
        line.push_str(&format!(" --lang {}", self.lang().code()));
        if self.settings.names != crate::scene::NameStyle::default() {
            line.push_str(&format!(" --names {}", self.settings.names.code()));
        }
        if self.settings.layers != crate::scene::MapLayers::default() {
            line.push_str(&format!(" --layers {}", self.settings.layers.cli_list()));
        }
        for o in &self.overlays {
            line.push_str(&format!(" --overlay {}", shell_word(&o.name)));
        }
        if let Some(dir) = &self.loaded.dir {
            line.push_str(&format!(" --atlas {}", shell_word(&dir.display().to_string())));
        }
        line
    }
}

/// Why an export failed, in the interface language (the system's own words for a disk's
/// refusal stay as the system gives them).
fn error_text(e: &ExportError, lang: crate::i18n::Lang) -> String {
    match e {
        ExportError::Io { path, source } => {
            tf(lang, "cannot write {}: {}", &[&path.display().to_string(), &source.to_string()])
        }
        ExportError::Canvas { width, height } => {
            tf(lang, "cannot make a {}×{} picture", &[&width.to_string(), &height.to_string()])
        }
        ExportError::TooManyFrames { .. } | ExportError::TooLargeForGif { .. } => {
            tf(lang, "the animation is too large: {}", &[&e.to_string()])
        }
        other => other.to_string(),
    }
}

/// A word a shell reads as one: quoted when it holds anything but safe characters.
fn shell_word(s: &str) -> String {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_./:,+=@".contains(c)) {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}
