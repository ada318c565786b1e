//! `series`: km² and settlement counts held by each controller from every day on which control
//! changed, as text or CSV, for spreadsheets and charts.

use std::io::Write as _;
use std::path::PathBuf;

use super::{Failure, load};

/// Arguments of `series`.
#[derive(Debug, clap::Args)]
pub struct SeriesArgs {
    /// Print CSV (one row a day of change: date, then km² and settlements for each controller).
    #[arg(long)]
    pub csv: bool,
    /// Use this atlas folder instead of the built-in one.
    #[arg(long)]
    pub atlas: Option<PathBuf>,
}

pub(super) fn series(args: &SeriesArgs) -> Result<(), Failure> {
    let atlas = load(args.atlas.as_deref())?;
    let history = atlas.area_history();
    let ids: Vec<&str> = atlas.controllers.iter().map(|c| c.id.as_str()).collect();
    let count = |d| atlas.settlements_by_controller(d);
    if args.csv {
        let mut w = csv::Writer::from_writer(std::io::stdout().lock());
        let fail = |e: csv::Error| Failure::Usage(format!("cannot write CSV: {e}"));
        let mut header = vec!["date".to_owned()];
        header.extend(ids.iter().map(|id| format!("{id}_km2")));
        header.extend(ids.iter().map(|id| format!("{id}_settlements")));
        w.write_record(&header).map_err(fail)?;
        for (d, km2) in &history {
            let mut row = vec![d.to_string()];
            row.extend(km2.iter().map(|a| format!("{:.1}", a)));
            row.extend(count(*d).iter().map(ToString::to_string));
            w.write_record(&row).map_err(fail)?;
        }
        w.flush().map_err(|e| Failure::Usage(format!("cannot write CSV: {e}")))?;
        return Ok(());
    }
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{:<12} {}", "date", ids.iter().map(|id| format!("{id:>18}")).collect::<String>());
    for (d, km2) in &history {
        let n = count(*d);
        let cells: String = km2.iter().zip(&n).map(|(a, n)| format!("{:>11.0} km² {n:>4}", a)).collect();
        let _ = writeln!(out, "{d:<12} {cells}");
    }
    Ok(())
}
