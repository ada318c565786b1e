//! `new`: an atlas folder from a drawing, with its timeline as a spreadsheet to fill in (see
//! [`crate::atlas::scaffold`]). The folder is checked as it is written, so it opens at once.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::Failure;
use crate::atlas::{AtlasErrors, NewAtlas, parse_iso_date};

/// The options of `new`.
#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The folder to make (it must not exist, or be empty).
    pub dir: PathBuf,
    /// The zones: one GeoJSON FeatureCollection of Polygons or MultiPolygons, as geojson.io or
    /// QGIS export it.
    #[arg(long)]
    pub zones: PathBuf,
    /// The regions the zones lie in, as a second drawing (default: one region for all, or
    /// `--region-property`).
    #[arg(long)]
    pub regions: Option<PathBuf>,
    /// The property of each zone that gives its id (default: the feature's id, or its name).
    #[arg(long)]
    pub id_property: Option<String>,
    /// The property of each zone that gives its name (default: "name").
    #[arg(long)]
    pub name_property: Option<String>,
    /// The property of each zone that names its region.
    #[arg(long)]
    pub region_property: Option<String>,
    /// The atlas's title (default: the folder's name).
    #[arg(long)]
    pub title: Option<String>,
    /// The first day of the timeline, YYYY-MM-DD.
    #[arg(long, value_parser = parse_iso_date)]
    pub start: Date,
    /// Snap the zones' nearly shared edges within this many metres as `check --fix` does,
    /// saying what moved.
    #[arg(long)]
    pub snap: Option<f64>,
}

pub(super) fn new(args: &NewArgs) -> Result<(), Failure> {
    if args.dir.exists() && std::fs::read_dir(&args.dir).map_or(true, |mut d| d.next().is_some()) {
        return Err(Failure::Usage(format!(
            "{} already exists and is not empty: new makes a folder of its own",
            args.dir.display()
        )));
    }
    let zones = read(&args.zones)?;
    let regions = args.regions.as_deref().map(read).transpose()?;
    let title = args
        .title
        .clone()
        .unwrap_or_else(|| args.dir.file_name().map_or("New atlas".to_owned(), |n| n.to_string_lossy().into_owned()));
    let zones_name = args.zones.display().to_string();
    let regions_name = args.regions.as_ref().map(|p| p.display().to_string());
    let made = crate::atlas::scaffold(&NewAtlas {
        zones: (&zones_name, &zones),
        regions: regions_name.as_deref().zip(regions.as_deref()),
        id_property: args.id_property.as_deref(),
        name_property: args.name_property.as_deref(),
        region_property: args.region_property.as_deref(),
        title: &title,
        start: args.start,
    })?;
    std::fs::create_dir_all(&args.dir).map_err(|e| write_failure(&args.dir, &e))?;
    for (name, contents) in &made.files {
        let path = args.dir.join(name);
        std::fs::write(&path, contents).map_err(|e| write_failure(&path, &e))?;
    }
    let shown = args.dir.display();
    println!("Made {shown}:");
    for line in &made.report {
        println!("  {}", crate::atlas::safe_text::for_terminal(line));
    }
    if let Some(metres) = args.snap {
        super::check::fix(Some(&args.dir), metres)?;
    }
    // The folder as check reads it: what new wrote must open.
    let atlas = crate::atlas::load_dir(&args.dir)?;
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    println!(
        "It opens: {} in {}, one phase from {}, every zone held by \"{}\".",
        plural(atlas.zones.len(), "zone", "zones"),
        plural(atlas.regions.len(), "region", "regions"),
        args.start,
        crate::atlas::PLACEHOLDER
    );
    println!("Next: fill in {shown}/controllers.csv, phases.csv and timeline.csv in a spreadsheet, then");
    println!("  karabakh-atlas check {shown}");
    println!("  karabakh-atlas --atlas {shown}");
    Ok(())
}

fn read(path: &Path) -> Result<String, Failure> {
    let shown = path.display().to_string();
    let mut errs = AtlasErrors::default();
    match std::fs::metadata(path) {
        Ok(m) if !m.is_file() => errs.push(&shown, None, "is not a plain file"),
        Ok(m) if m.len() > crate::atlas::MAX_FILE_BYTES => errs.push(&shown, None, "too large: over 64 MB"),
        Ok(_) => match std::fs::read(path).map(String::from_utf8) {
            Ok(Ok(text)) => return Ok(text.trim_start_matches('\u{feff}').to_owned()),
            Ok(Err(_)) => errs.push(&shown, None, "not UTF-8 text"),
            Err(e) => errs.push(&shown, None, format!("cannot be read: {e}")),
        },
        Err(e) => errs.push(&shown, None, format!("cannot be read: {e}")),
    }
    Err(Failure::Atlas(errs))
}

fn write_failure(path: &Path, e: &std::io::Error) -> Failure {
    let mut errs = AtlasErrors::default();
    errs.push(&path.display().to_string(), None, format!("cannot be written: {e}"));
    Failure::Atlas(errs)
}
