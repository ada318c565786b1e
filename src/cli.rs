//! The command line: `check` and `at` serve scripts; with no command the viewer opens.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use jiff::civil::Date;
use serde_json::json;

use crate::atlas::{self, Atlas, AtlasErrors};

/// Karabakh Atlas: who controlled each part of Nagorno-Karabakh and the seven surrounding
/// districts, at any date from 1923 to today.
#[derive(Debug, Parser)]
#[command(name = "karabakh-atlas", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Open the viewer at this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_user_date)]
    pub date: Option<Date>,
    /// Open this atlas folder instead of the built-in one.
    #[arg(long)]
    pub atlas: Option<PathBuf>,
    /// Open the viewer centred on LON,LAT at ZOOM (1 shows the whole atlas), e.g. 46.75,39.82,4.
    #[arg(long, value_parser = parse_view, allow_hyphen_values = true)]
    pub view: Option<(f64, f64, f32)>,
    /// Compare the date shown with this date: zones that changed hands are hatched and listed.
    #[arg(long, value_parser = parse_user_date)]
    pub compare: Option<Date>,
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
    #[arg(long, value_parser = ["en", "vi"])]
    pub lang: Option<String>,
    /// Place names in Armenian usage, Azerbaijani usage, or both.
    #[arg(long, value_enum)]
    pub names: Option<Names>,
}

/// Naming tradition of place labels on the command line.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Names {
    Both,
    Armenian,
    Azerbaijani,
}

impl Names {
    pub fn style(self) -> crate::scene::NameStyle {
        match self {
            Names::Both => crate::scene::NameStyle::Both,
            Names::Armenian => crate::scene::NameStyle::Armenian,
            Names::Azerbaijani => crate::scene::NameStyle::Azerbaijani,
        }
    }
}

/// Parses `WIDTHxHEIGHT` (each 200 to 8000 pixels).
pub fn parse_size(s: &str) -> Result<(u32, u32), String> {
    let (w, h) = s.split_once(['x', 'X', '×']).ok_or(format!("size \"{s}\" is not WIDTHxHEIGHT, e.g. 1920x1080"))?;
    let n = |v: &str| v.trim().parse::<u32>().ok().filter(|n| (200..=8000).contains(n));
    match (n(w), n(h)) {
        (Some(w), Some(h)) => Ok((w, h)),
        _ => Err(format!("size \"{s}\": width and height must be whole numbers from 200 to 8000")),
    }
}

/// Parses `LON,LAT,ZOOM`.
pub fn parse_view(s: &str) -> Result<(f64, f64, f32), String> {
    let parts: Vec<&str> = s.split(',').map(str::trim).collect();
    let [lon, lat, zoom] = parts[..] else {
        return Err(format!("\"{s}\" is not LON,LAT,ZOOM (e.g. 46.75,39.82,4)"));
    };
    let number = |v: &str, what: &str| {
        v.parse::<f64>().ok().filter(|x| x.is_finite()).ok_or(format!("{what} \"{v}\" is not a number"))
    };
    let (lon, lat, zoom) = (number(lon, "longitude")?, number(lat, "latitude")?, number(zoom, "zoom")?);
    if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
        return Err(format!("{lon},{lat} is not a longitude and latitude"));
    }
    if zoom <= 0.0 {
        return Err(format!("zoom {zoom} must be positive"));
    }
    Ok((lon, lat, zoom as f32))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate an atlas folder (default: the built-in Karabakh atlas), or a GeoJSON file as an
    /// overlay, and print a summary.
    Check {
        /// Folder holding atlas.json and the GeoJSON layers, or one .geojson file.
        atlas: Option<PathBuf>,
    },
    /// Print the phase and the km² held by each controller in each region on a date.
    At {
        /// The date, YYYY-MM-DD.
        date: String,
        /// Use this atlas folder instead of the built-in one.
        #[arg(long)]
        atlas: Option<PathBuf>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Language of the texts (en, vi); missing translations fall back to English.
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// List the zones that changed hands between two dates, with km² and the date of each change.
    Diff(DiffArgs),
    /// Save the map on a date as a picture (SVG or PNG, by the file's extension).
    Export(ExportArgs),
}

/// Arguments of `export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The date, YYYY-MM-DD.
    #[arg(long, required_unless_present_any = ["deck", "sheet", "animate"])]
    pub date: Option<String>,
    /// Where to write: a .svg or .png file (a .gif with --animate).
    #[arg(long, required_unless_present = "deck")]
    pub out: Option<PathBuf>,
    /// One page with the map at the end of every phase (small multiples, for handouts).
    #[arg(long, conflicts_with_all = ["date", "deck", "animate"])]
    pub sheet: bool,
    /// An animated GIF of a date range, FROM..TO, e.g. 2020-09-27..2020-11-10.
    #[arg(long, conflicts_with_all = ["date", "deck"])]
    pub animate: Option<String>,
    /// Days between frames of the animation (default: about 60 frames over the range).
    #[arg(long)]
    pub days_per_frame: Option<i64>,
    /// Write a slide deck into this folder instead: one picture per phase and per event, and an
    /// index.md that reads as the deck.
    #[arg(long, conflicts_with_all = ["date", "out"])]
    pub deck: Option<PathBuf>,
    /// Picture format of the deck.
    #[arg(long, default_value = "png", value_parser = ["png", "svg"])]
    pub format: String,
    /// Picture size in pixels, WIDTHxHEIGHT.
    #[arg(long, default_value = "1920x1080")]
    pub size: String,
    /// Language of the texts.
    #[arg(long, default_value = "en", value_parser = ["en", "vi"])]
    pub lang: String,
    /// Place names in Armenian usage, Azerbaijani usage, or both.
    #[arg(long, value_enum, default_value = "both")]
    pub names: Names,
    /// Use this atlas folder instead of the built-in one.
    #[arg(long)]
    pub atlas: Option<PathBuf>,
}

/// Arguments of `diff`.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The earlier date, YYYY-MM-DD.
    pub from: String,
    /// The later date, YYYY-MM-DD.
    pub to: String,
    /// Use this atlas folder instead of the built-in one.
    #[arg(long)]
    pub atlas: Option<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Language of the texts (en, vi).
    #[arg(long, default_value = "en")]
    pub lang: String,
}

/// Runs the command line and returns the process's exit code: 0 success, 1 bad atlas, 2 bad usage.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Some(Command::Check { atlas }) => check(atlas.as_deref()),
        Some(Command::At { date, atlas, json, lang }) => at(&date, atlas.as_deref(), json, &lang),
        Some(Command::Diff(args)) => diff(&args),
        Some(Command::Export(args)) => export(&args),
        None => {
            let options = crate::ui::LaunchOptions {
                date: cli.date,
                atlas_dir: cli.atlas,
                view: cli.view,
                today: None,
                compare: cli.compare,
                chart: cli.chart,
                present: cli.present,
                overlays: cli.overlay,
                lang: cli.lang,
                names: cli.names.map(Names::style),
            };
            match crate::ui::run(options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: could not open the window: {e}");
                    ExitCode::from(1)
                }
            }
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

/// Parses a date given by the user, saying plainly what is wrong with it.
pub fn parse_user_date(s: &str) -> Result<Date, String> {
    let t = s.trim();
    match t.parse::<Date>() {
        Ok(d) if t.len() == 10 => Ok(d),
        Ok(_) => Err(format!("\"{s}\" is not a date in the form YYYY-MM-DD")),
        Err(e) => Err(format!("\"{s}\" is not a valid date (YYYY-MM-DD): {e}")),
    }
}

fn print_errors(errors: &AtlasErrors) -> ExitCode {
    eprint!("{errors}");
    ExitCode::from(1)
}

fn check(dir: Option<&Path>) -> ExitCode {
    if let Some(file) = dir.filter(|p| p.is_file()) {
        // A single GeoJSON file: checked as an overlay.
        return match crate::atlas::load_overlay(file) {
            Ok(o) => {
                println!("{}: OK, a GeoJSON overlay of {} feature(s)", file.display(), o.features.len());
                ExitCode::SUCCESS
            }
            Err(e) => print_errors(&e),
        };
    }
    let atlas = match load(dir) {
        Ok(a) => a,
        Err(e) => return print_errors(&e),
    };
    let mut out = std::io::stdout().lock();
    let (start, end) = atlas.span();
    let end = end.map_or("today".to_owned(), |d| d.to_string());
    let _ = writeln!(out, "{}: OK", atlas.title.get("en"));
    let _ = writeln!(
        out,
        "{} zones in {} regions, {} places, {} lines, {} controllers, {} phases ({start} to {end}), {} events",
        atlas.zones.len(),
        atlas.regions.len(),
        atlas.places.len(),
        atlas.lines.len(),
        atlas.controllers.len(),
        atlas.phases.len(),
        atlas.events.len()
    );
    let _ =
        writeln!(out, "\n{:<44} {:>10} {:>10} {:>10} {:>8}", "region", "drawn km²", "today km²", "official", "diff");
    for r in &atlas.regions {
        let today =
            r.today_boundary.map(|i| geo::GeodesicArea::geodesic_area_unsigned(&atlas.context[i].geometry) / 1e6);
        let compared = today.unwrap_or(r.area_km2);
        let (official, diff) = match r.official_area_km2 {
            Some(o) => (format!("{o:.0}"), format!("{:+.1} %", 100.0 * (compared - o) / o)),
            None => ("-".into(), "-".into()),
        };
        let today = today.map_or("-".into(), |t| format!("{t:.0}"));
        let _ =
            writeln!(out, "{:<44} {:>10.0} {:>10} {:>10} {:>8}", r.name.get("en"), r.area_km2, today, official, diff);
    }
    let _ = writeln!(
        out,
        "\n\"today\" is the district with today's boundaries; \"diff\" compares it (or the drawn area) with the official figure."
    );
    ExitCode::SUCCESS
}

fn at(date: &str, dir: Option<&Path>, as_json: bool, lang: &str) -> ExitCode {
    let date = match parse_user_date(date) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let atlas = match load(dir) {
        Ok(a) => a,
        Err(e) => return print_errors(&e),
    };
    let Some(phase) = atlas.phase_at(date) else {
        let (start, end) = atlas.span();
        let end = end.map_or("today".to_owned(), |d| d.to_string());
        eprintln!("error: {date} is outside the atlas's timeline ({start} to {end})");
        return ExitCode::from(2);
    };
    let regions = atlas.region_control(date);
    let events = atlas.events_between(phase.start, phase.end.unwrap_or(date.max(phase.start)));
    let mut out = std::io::stdout().lock();
    if as_json {
        let value = json!({
            "date": date.to_string(),
            "phase": {
                "id": phase.id,
                "title": phase.title.get(lang),
                "start": phase.start.to_string(),
                "end": phase.end.map(|d| d.to_string()),
                "sources": phase.sources.iter().map(|s| json!({"title": s.title, "url": s.url})).collect::<Vec<_>>(),
            },
            "regions": regions.iter().map(|rc| {
                let r = &atlas.regions[rc.region];
                json!({
                    "id": r.id,
                    "name": r.name.get(lang),
                    "controllers": rc.controllers.iter().map(|a| {
                        let c = &atlas.controllers[a.controller];
                        json!({"id": c.id, "name": c.name.get(lang), "area_km2": (a.area_km2 * 10.0).round() / 10.0})
                    }).collect::<Vec<_>>(),
                })
            }).collect::<Vec<_>>(),
            "events": events.iter().map(|e| json!({
                "id": e.id,
                "date": e.date.to_string(),
                "text": e.text.get(lang),
                "place": e.place.map(|p| atlas.places[p].id.clone()),
                "sources": e.sources.iter().map(|s| json!({"title": s.title, "url": s.url})).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        });
        let _ = writeln!(out, "{value:#}");
        return ExitCode::SUCCESS;
    }
    let end = phase.end.map_or("today".to_owned(), |d| d.to_string());
    let _ = writeln!(out, "{date}: {} ({} to {end})", phase.title.get(lang), phase.start);
    let _ = writeln!(out, "{}", phase.summary.get(lang));
    for s in &phase.sources {
        let _ = writeln!(out, "  source: {}{}", s.title, s.url.as_ref().map_or(String::new(), |u| format!(" <{u}>")));
    }
    let _ = writeln!(out);
    for rc in &regions {
        let r = &atlas.regions[rc.region];
        let held: Vec<String> = rc
            .controllers
            .iter()
            .map(|a| format!("{} {:.0} km²", atlas.controllers[a.controller].name.get(lang), a.area_km2))
            .collect();
        let _ = writeln!(out, "{:<44} {}", r.name.get(lang), held.join("; "));
    }
    let _ = writeln!(out);
    for a in atlas.area_by_controller(date).iter().filter(|a| a.area_km2 > 0.0) {
        let _ = writeln!(out, "total {:<40} {:.0} km²", atlas.controllers[a.controller].name.get(lang), a.area_km2);
    }
    ExitCode::SUCCESS
}

fn diff(args: &DiffArgs) -> ExitCode {
    let (from, to) = match (parse_user_date(&args.from), parse_user_date(&args.to)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let atlas = match load(args.atlas.as_deref()) {
        Ok(a) => a,
        Err(e) => return print_errors(&e),
    };
    for d in [from, to] {
        if atlas.phase_at(d).is_none() {
            let (start, end) = atlas.span();
            let end = end.map_or("today".to_owned(), |d| d.to_string());
            eprintln!("error: {d} is outside the atlas's timeline ({start} to {end})");
            return ExitCode::from(2);
        }
    }
    let lang = args.lang.as_str();
    let changes = atlas.changes_between(from, to);
    let net = atlas.net_change(&changes);
    let round = |v: f64| (v * 10.0).round() / 10.0;
    let mut out = std::io::stdout().lock();
    if args.json {
        let totals: serde_json::Map<String, serde_json::Value> = atlas
            .controllers
            .iter()
            .zip(&net)
            .filter(|(_, n)| n.abs() > 0.0)
            .map(|(c, n)| (c.id.clone(), json!(round(*n))))
            .collect();
        let value = json!({
            "from": from.to_string(),
            "to": to.to_string(),
            "changes": changes.iter().map(|c| {
                let zone = &atlas.zones[c.zone];
                json!({
                    "zone": zone.id,
                    "zone_name": zone.name.get(lang),
                    "district": atlas.regions[zone.region].id,
                    "district_name": atlas.regions[zone.region].name.get(lang),
                    "from": atlas.controllers[c.from].id,
                    "to": atlas.controllers[c.to].id,
                    "area_km2": round(c.area_km2),
                    "date": c.date.to_string(),
                    "approximate": zone.approximate,
                    "sources": atlas.sources_of(c.origin).iter().map(|s| json!({"title": s.title, "url": s.url})).collect::<Vec<_>>(),
                })
            }).collect::<Vec<_>>(),
            "totals": totals,
        });
        let _ = writeln!(out, "{value:#}");
        return ExitCode::SUCCESS;
    }
    let _ = writeln!(out, "Changes of control between {from} and {to}: {} zone(s)", changes.len());
    for c in &changes {
        let zone = &atlas.zones[c.zone];
        let _ = writeln!(
            out,
            "  {}  {:<38} {:<9} {} -> {}  {:.0} km²{}",
            c.date,
            zone.name.get(lang),
            atlas.regions[zone.region].label.as_ref().unwrap_or(&atlas.regions[zone.region].name).get(lang),
            atlas.controllers[c.from].name.get(lang),
            atlas.controllers[c.to].name.get(lang),
            c.area_km2,
            if zone.approximate { "  (approximate)" } else { "" }
        );
    }
    for (c, n) in atlas.controllers.iter().zip(&net).filter(|(_, n)| n.abs() > 0.0) {
        let _ = writeln!(out, "  net {:<40} {:+.0} km²", c.name.get(lang), n);
    }
    ExitCode::SUCCESS
}

/// Prints what was written, or the error; `code` is the exit code of a failure.
fn finish(result: Result<String, String>, code: u8) -> ExitCode {
    match result {
        Ok(written) => {
            println!("{written}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(code)
        }
    }
}

fn write_file(path: &Path, bytes: Vec<u8>) -> Result<String, String> {
    std::fs::write(path, bytes)
        .map(|()| path.display().to_string())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn export(args: &ExportArgs) -> ExitCode {
    let (width, height) = match parse_size(&args.size) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let atlas = match load(args.atlas.as_deref()) {
        Ok(a) => a,
        Err(e) => return print_errors(&e),
    };
    let geometry = crate::scene::MapGeometry::new(&atlas);
    let options = |date| crate::export::ExportOptions {
        date,
        width,
        height,
        lang: args.lang.clone(),
        names: args.names.style(),
        view: None,
    };
    if let Some(dir) = &args.deck {
        let result = crate::export::deck(&atlas, &geometry, dir, &args.format, &options);
        return finish(result.map(|n| format!("{n} slides in {}", dir.display())), 1);
    }
    let Some(out) = &args.out else {
        eprintln!("error: give --out, or --deck");
        return ExitCode::from(2);
    };
    let ext = out.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if let Some(range) = &args.animate {
        let Some((a, b)) = range.split_once("..") else {
            eprintln!("error: --animate takes FROM..TO, e.g. 2020-09-27..2020-11-10");
            return ExitCode::from(2);
        };
        let (from, to) = match (parse_user_date(a), parse_user_date(b)) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(e), _) | (_, Err(e)) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        };
        if ext.as_deref() != Some("gif") {
            eprintln!("error: {}: an animation is written as .gif", out.display());
            return ExitCode::from(2);
        }
        let span = to.since(from).map_or(0, |s| i64::from(s.get_days()));
        let step = args.days_per_frame.unwrap_or((span / 60).max(1));
        return finish(
            crate::export::animate_gif(&atlas, &geometry, from, to, step, &options).and_then(|b| write_file(out, b)),
            2,
        );
    }
    if args.sheet {
        let format = match ext.as_deref() {
            Some(f @ ("svg" | "png")) => f.to_owned(),
            _ => {
                eprintln!("error: {}: the file name must end in .svg or .png", out.display());
                return ExitCode::from(2);
            }
        };
        let doc = crate::export::sheet_svg(&atlas, &geometry, width, height, &args.lang, args.names.style());
        let bytes = if format == "png" { crate::export::png(&doc, width, height) } else { Ok(doc.into_bytes()) };
        return finish(bytes.and_then(|b| write_file(out, b)), 1);
    }
    let Some(date) = &args.date else {
        eprintln!("error: give --date");
        return ExitCode::from(2);
    };
    let date = match parse_user_date(date) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let format = match ext.as_deref() {
        Some(f @ ("svg" | "png")) => f.to_owned(),
        _ => {
            eprintln!("error: {}: the file name must end in .svg or .png", out.display());
            return ExitCode::from(2);
        }
    };
    if atlas.phase_at(date).is_none() {
        eprintln!("error: {date} is outside the atlas's timeline");
        return ExitCode::from(2);
    }
    let result = crate::export::write_picture(&atlas, &geometry, &options(date), &format, out);
    finish(result.map(|()| out.display().to_string()), 1)
}
