//! The command line: `check`, `at`, `diff`, `export`, `find`, `series` and `new` serve scripts; with no command the
//! viewer opens. Values are parsed by clap (see [`args`]); every failure is a [`Failure`], turned
//! into a message and an exit code in one place: 0 success, 1 a bad atlas or a failed write,
//! 2 bad usage.

pub mod args;
mod at;
mod check;
mod diff;
mod export;
mod find;
mod new;
mod series;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use jiff::civil::Date;

pub use args::{Size, ViewArg};
pub use export::ExportArgs;

use crate::atlas::{self, Atlas, AtlasErrors, parse_iso_date};
use crate::i18n::Lang;
use crate::scene::NameStyle;

/// Karabakh Atlas: who controlled each part of Nagorno-Karabakh and the seven surrounding
/// districts, at any date from 1923 to today.
#[derive(Debug, Parser)]
#[command(name = "karabakh-atlas", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A command for scripts; with none, the viewer opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Open the viewer at this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_iso_date)]
    pub date: Option<Date>,
    /// Open this atlas folder instead of the built-in one.
    #[arg(long)]
    pub atlas: Option<PathBuf>,
    /// Open the viewer centred on LON,LAT at ZOOM (1 shows the whole atlas), e.g. 46.75,39.82,4.
    #[arg(long, allow_hyphen_values = true)]
    pub view: Option<ViewArg>,
    /// Compare the date shown with this date: zones that changed hands are hatched and listed.
    #[arg(long, value_parser = parse_iso_date)]
    pub compare: Option<Date>,
    /// Shade the land taken since this date, lighter (default, with `--layers +taken` or the
    /// Layers menu: the day before the fighting of the date shown began).
    #[arg(long, value_parser = parse_iso_date)]
    pub taken_since: Option<Date>,
    /// Show the chart of km² held by each side over time.
    #[arg(long)]
    pub chart: bool,
    /// Show a plain GeoJSON file over the map (may be given more than once).
    #[arg(long)]
    pub overlay: Vec<PathBuf>,
    /// Start in presentation mode: full screen, controls hidden, Space steps through the story.
    #[arg(long)]
    pub present: bool,
    /// Interface language.
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Place names: English / international, the atlas's first or second naming tradition (as its
    /// names menu lists them), or both.
    #[arg(long, value_enum)]
    pub names: Option<NameStyle>,
    /// The layers of the land shown.
    #[command(flatten)]
    pub layers: args::LayerArgs,
    /// Open centred on the best match for a place, river or peak, ringed (e.g. --find Shusha).
    #[arg(long)]
    pub find: Option<String>,
    /// Open a story by its id (the Stories menu lists them), e.g. --story war-2020; with
    /// --present, full screen, Space or PageDown for the next step.
    #[arg(long)]
    pub story: Option<String>,
    /// The step of --story to open at, from 1.
    #[arg(long, requires = "story", value_parser = clap::value_parser!(u16).range(1..))]
    pub step: Option<u16>,
}

/// The commands for scripts.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate an atlas folder (default: the built-in Karabakh atlas), or a GeoJSON file as an
    /// overlay, and print a summary.
    Check {
        /// Folder holding atlas.json and the GeoJSON layers, or one .geojson file.
        atlas: Option<PathBuf>,
        /// Print one JSON document (every problem with its file, feature, line and column, and
        /// the summary) instead of text, for editors and CI; the exit code is the same.
        #[arg(long)]
        json: bool,
        /// Snap the zones' nearly shared edges first, so that zones drawn by hand tile their
        /// region: corners within `--snap` metres of a neighbour's corner or edge (or the
        /// region's) are moved onto it, and zones.geojson is rewritten (the drawing kept as
        /// zones.before-fix.geojson), with a report of what moved.
        #[arg(long)]
        fix: bool,
        /// How far a corner may move when snapping with `--fix`, metres.
        #[arg(long, default_value_t = 100.0, requires = "fix")]
        snap: f64,
    },
    /// Print the phase and the km² held by each controller in each region on a date.
    At {
        /// The date, YYYY-MM-DD.
        #[arg(value_parser = parse_iso_date)]
        date: Date,
        /// Use this atlas folder instead of the built-in one.
        #[arg(long)]
        atlas: Option<PathBuf>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Language of the texts; missing translations fall back to English.
        #[arg(long, value_enum, default_value = "en")]
        lang: Lang,
    },
    /// List the zones that changed hands between two dates, with km² and the date of each change.
    Diff(diff::DiffArgs),
    /// Save the map on a date as a picture (SVG or PNG, by the file's extension).
    Export(Box<ExportArgs>),
    /// Find places, regions, rivers and peaks by any of their names, in any script, and print
    /// them with their coordinates and district.
    Find(find::FindArgs),
    /// Make a new atlas folder from a drawing of its zones (GeoJSON), with its timeline as
    /// spreadsheets to fill in (controllers.csv, phases.csv, timeline.csv).
    New(new::NewArgs),
    /// Km² and settlements held by each controller from every day on which control changed
    /// (`--csv` for spreadsheets).
    Series(series::SeriesArgs),
}

/// Why a command failed; each kind has its exit code.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// The atlas (or overlay) has errors.
    #[error("{0}")]
    Atlas(#[from] AtlasErrors),
    /// The request cannot be carried out as asked (a date outside the timeline, a missing option).
    #[error("error: {0}")]
    Usage(String),
    /// A picture could not be made or written.
    #[error("error: {0}")]
    Export(#[from] crate::export::ExportError),
    /// The window could not be opened.
    #[error("error: could not open the window: {0}")]
    Window(String),
    /// The atlas has errors, already reported on standard output (`check --json`).
    #[error("")]
    Reported,
}

impl Failure {
    /// The process's exit code for this failure.
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Atlas(_) | Failure::Window(_) | Failure::Reported => 1,
            Failure::Usage(_) => 2,
            Failure::Export(e) if e.is_usage() => 2,
            Failure::Export(_) => 1,
        }
    }
}

/// Runs the command line and returns the process's exit code.
pub fn run(cli: Cli) -> ExitCode {
    match run_command(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            match &failure {
                Failure::Atlas(errors) => eprint!("{errors}"),
                Failure::Reported => {}
                other => eprintln!("{other}"),
            }
            ExitCode::from(failure.exit_code())
        }
    }
}

fn run_command(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Some(Command::Check { atlas, json, fix, snap }) => {
            if fix {
                check::fix(atlas.as_deref(), snap)?;
            }
            check::check(atlas.as_deref(), json)
        }
        Some(Command::At { date, atlas, json, lang }) => at::at(date, atlas.as_deref(), json, lang),
        Some(Command::Diff(args)) => diff::diff(&args),
        Some(Command::Export(args)) => export::export(&args),
        Some(Command::Find(args)) => find::find(&args),
        Some(Command::Series(args)) => series::series(&args),
        Some(Command::New(args)) => new::new(&args),
        None => {
            let options = crate::ui::LaunchOptions {
                date: cli.date,
                atlas_dir: cli.atlas,
                view: cli.view.map(|v| (v.lon, v.lat, v.zoom)),
                today: None,
                compare: cli.compare,
                taken_since: cli.taken_since,
                chart: cli.chart,
                present: cli.present,
                overlays: cli.overlay,
                lang: cli.lang,
                names: cli.names,
                layers: cli.layers.given().then(|| cli.layers.resolve(crate::scene::MapLayers::default())),
                find: cli.find,
                story: cli.story,
                step: cli.step.map(usize::from),
                // Stories written for the built-in atlas are kept in the reader's data folder.
                user_dir: dirs::data_dir().map(|d| d.join("karabakh-atlas")),
            };
            crate::ui::run(options).map_err(|e| Failure::Window(e.to_string()))
        }
    }
}

/// Loads the atlas in `dir`, or the embedded one.
pub fn load(dir: Option<&Path>) -> Result<Atlas, AtlasErrors> {
    match dir {
        Some(dir) => atlas::load_dir(dir),
        None => atlas::embedded(),
    }
}

/// The timeline's span in words, for messages: "1923-07-07 to today".
fn span_text(atlas: &Atlas) -> String {
    let (start, end) = atlas.span();
    let end = end.map_or("today".to_owned(), |d| d.to_string());
    format!("{start} to {end}")
}

/// Refuses a date outside the atlas's timeline.
fn within_timeline(atlas: &Atlas, date: Date) -> Result<(), Failure> {
    match atlas.phase_at(date) {
        Some(_) => Ok(()),
        None => Err(Failure::Usage(format!("{date} is outside the atlas's timeline ({})", span_text(atlas)))),
    }
}
