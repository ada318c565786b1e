//! Land taken since a day, as war maps shade it: the ground whose holder on the date shown differs
//! from its holder on an earlier day, by default the day before the fighting of the date began.
//! "The fighting" is found from the data alone, so that any atlas has it: the run of changes of
//! control (and of evidence) that the date is in or follows, runs being parted by a year with no
//! change at all.

use jiff::ToSpan as _;
use jiff::civil::Date;

use super::{Atlas, ControllerIdx};

/// A year with no change ends a run of changes: the 1994–2020 ceasefire parts the two wars, the
/// months between handovers do not.
pub const QUIET_DAYS: i64 = 365;

/// Who held the ground on an earlier day, to shade what has changed hands since.
#[derive(Clone, Debug, PartialEq)]
pub struct Taken {
    /// The earlier day.
    pub since: Date,
    /// Whether `since` was chosen by the reader (else it is the day before the fighting began).
    pub chosen: bool,
    /// The controller of every zone on that day, by zone.
    pub zones: Vec<ControllerIdx>,
    /// The controller of every cell on that day, by cell.
    pub cells: Vec<ControllerIdx>,
}

impl Taken {
    /// The holders of the ground on `since`.
    pub fn on(atlas: &Atlas, since: Date, chosen: bool) -> Self {
        let zones = atlas.control_at(since).unwrap_or_default();
        let places = atlas.place_control.all_at(since);
        let cells = atlas.cell_control(&zones, &places).into_iter().map(|(c, _)| c).collect();
        Self { since, chosen, zones, cells }
    }
}

impl Taken {
    /// The holders of the ground on the day before the fighting of `date` began, if that is a
    /// day of the timeline.
    pub fn since_fighting_began(atlas: &Atlas, date: Date) -> Option<Self> {
        fighting_began(&atlas.change_days(), date)
            .filter(|&d| atlas.phase_index_at(d).is_some())
            .map(|d| Self::on(atlas, d, false))
    }
}

impl Atlas {
    /// Every day on which some zone or place changed hands, or the evidence for a place changed,
    /// after the timeline's first day; sorted, each once.
    pub fn change_days(&self) -> Vec<Date> {
        let first = self.phases.first().map(|p| p.start);
        let mut days: Vec<Date> = self.transitions().iter().map(|t| t.date).filter(|&d| Some(d) != first).collect();
        days.extend(self.place_control.change_dates());
        days.sort_unstable();
        days.dedup();
        days
    }
}

/// The day before the run of changes in `days` (sorted) that `date` is in or follows began: the
/// day "since the fighting began" compares with. `None` when nothing changed up to `date`.
pub fn fighting_began(days: &[Date], date: Date) -> Option<Date> {
    let upto = days.partition_point(|&d| d <= date);
    let run = days.get(..upto)?;
    let mut start = *run.last()?;
    for pair in run.windows(2).rev() {
        let [before, after] = pair else { break };
        if before.until(*after).ok().is_some_and(|span| span.get_days() > QUIET_DAYS as i32) {
            break;
        }
        start = *before;
    }
    start.checked_sub(1.day()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_fighting_begins_after_a_quiet_year() {
        let days = [
            date(1991, 4, 30),
            date(1992, 2, 26),
            date(1992, 5, 8),
            date(1994, 5, 12),
            date(2016, 4, 2),
            date(2020, 9, 27),
            date(2020, 10, 4),
            date(2020, 11, 10),
        ];
        // In the 2020 war, and after it: the day before 27 Sep 2020.
        assert_eq!(fighting_began(&days, date(2020, 10, 20)), Some(date(2020, 9, 26)));
        assert_eq!(fighting_began(&days, date(2021, 6, 1)), Some(date(2020, 9, 26)));
        // On the first day of a run, the run is already going on.
        assert_eq!(fighting_began(&days, date(2020, 9, 27)), Some(date(2020, 9, 26)));
        // Between the wars, the last run was April 2016's.
        assert_eq!(fighting_began(&days, date(2019, 1, 1)), Some(date(2016, 4, 1)));
        // The first war is one run: no year without change from 1991 to 1994.
        assert_eq!(fighting_began(&days, date(1993, 8, 1)), Some(date(1991, 4, 29)));
        // Nothing changed yet.
        assert_eq!(fighting_began(&days, date(1990, 1, 1)), None);
        assert_eq!(fighting_began(&[], date(1990, 1, 1)), None);
    }
}
