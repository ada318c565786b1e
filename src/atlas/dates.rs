//! Dates as the atlas, the command line and the window read and place them: one strict parser,
//! day numbers for placing dates on a line, decimal years for charts, and date ranges.
//!
//! "Today" is the UTC date (see `docs/architecture.md`): the atlas has no time of day, and a
//! fixed zone keeps the end of the timeline the same for every user at the same moment.

use std::fmt;
use std::str::FromStr;

use jiff::ToSpan as _;
use jiff::civil::Date;

/// Why a text is not a date.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not of the shape `YYYY-MM-DD` (e.g. `2020-1-5`, `5 Oct 2020`).
    #[error("\"{0}\" is not a date in the form YYYY-MM-DD")]
    Shape(String),
    /// Of the right shape, but no such day (e.g. `2020-02-30`).
    #[error("\"{text}\" is not a valid date (YYYY-MM-DD): {reason}")]
    Invalid {
        /// The text as given.
        text: String,
        /// What the calendar says is wrong.
        reason: String,
    },
    /// A range whose end comes before its start.
    #[error("the range ends ({end}) before it starts ({start})")]
    Backwards {
        /// First day of the range.
        start: Date,
        /// Last day of the range.
        end: Date,
    },
    /// A range not written `FROM..TO`.
    #[error("\"{0}\" is not a date range FROM..TO, e.g. 2020-09-27..2020-11-10")]
    RangeShape(String),
}

/// Parses an ISO date, `YYYY-MM-DD` exactly (surrounding spaces ignored): the one parser for atlas
/// files, the command line and the window, so a date means the same everywhere.
pub fn parse_iso_date(s: &str) -> Result<Date, DateError> {
    let t = s.trim();
    let shaped = t.len() == 10
        && t.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    if !shaped {
        return Err(DateError::Shape(s.to_owned()));
    }
    t.parse::<Date>().map_err(|_| DateError::Invalid { text: s.to_owned(), reason: why_no_such_day(t) })
}

/// Why a `YYYY-MM-DD` text names no day, in plain words ("February 2021 has 28 days"), not the
/// date library's.
fn why_no_such_day(t: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let number = |range: std::ops::Range<usize>| t.get(range).and_then(|p| p.parse::<i16>().ok()).unwrap_or(0);
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let Some(name) = usize::try_from(month).ok().and_then(|m| m.checked_sub(1)).and_then(|m| MONTHS.get(m)) else {
        return format!("there is no month {month}; months run from 01 to 12");
    };
    let days = Date::new(year, month as i8, 1).map_or(31, |d| d.days_in_month());
    if day < 1 {
        return "there is no day 00; days start at 01".to_owned();
    }
    format!("{name} {year} has {days} days, so there is no day {day}")
}

/// The day every day number counts from (any fixed day would do).
const DAY_ZERO: Date = Date::constant(1900, 1, 1);

/// Days since 1 January 1900: lets dates be placed on a line and subtracted.
pub fn day_number(d: Date) -> i64 {
    d.since(DAY_ZERO).map_or(0, |s| i64::from(s.get_days()))
}

/// The date of a day number, if it is within the calendar jiff supports.
pub fn date_from_day_number(n: i64) -> Option<Date> {
    DAY_ZERO.checked_add(n.days()).ok()
}

/// Days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: Date, b: Date) -> i64 {
    day_number(b) - day_number(a)
}

/// A date as a decimal year (2020-07-02 ≈ 2020.5), for a chart's x axis.
pub fn year_from_date(d: Date) -> f64 {
    let days = f64::from(d.day_of_year() - 1);
    f64::from(d.year()) + days / f64::from(d.days_in_year())
}

/// The date within a decimal year, if it is a finite number in the calendar's range.
pub fn date_from_year(x: f64) -> Option<Date> {
    if !x.is_finite() || !(-9000.0..9000.0).contains(&x) {
        return None;
    }
    let year = x.floor() as i16;
    let jan1 = Date::new(year, 1, 1).ok()?;
    let day = ((x - x.floor()) * f64::from(jan1.days_in_year())).floor() as i64;
    jan1.checked_add(day.days()).ok()
}

/// Today's date in UTC (see the module comment for why UTC).
pub fn today_utc() -> Date {
    jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date()
}

/// A range of days, both ends included, written `FROM..TO`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateRange {
    /// First day.
    pub start: Date,
    /// Last day (not before `start`).
    pub end: Date,
}

impl DateRange {
    /// The range from `start` to `end`; refused when it runs backwards.
    pub fn new(start: Date, end: Date) -> Result<Self, DateError> {
        if end < start {
            return Err(DateError::Backwards { start, end });
        }
        Ok(Self { start, end })
    }

    /// Number of days in the range, both ends counted.
    pub fn days(&self) -> i64 {
        days_between(self.start, self.end) + 1
    }
}

impl FromStr for DateRange {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (a, b) = s.split_once("..").ok_or_else(|| DateError::RangeShape(s.to_owned()))?;
        Self::new(parse_iso_date(a)?, parse_iso_date(b)?)
    }
}

impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_parser_takes_iso_dates_only_and_says_why_not() {
        assert_eq!(parse_iso_date(" 2020-10-05 "), Ok(date(2020, 10, 5)));
        for bad in ["2020-1-05", "20201005", "5 Oct 2020", "2020-10-05T00:00", "+2020-10-05", "", "2020-10-0a"] {
            assert_eq!(parse_iso_date(bad), Err(DateError::Shape(bad.to_owned())), "{bad}");
        }
        let e = parse_iso_date("2020-02-30").expect_err("no such day");
        assert!(matches!(e, DateError::Invalid { .. }), "{e:?}");
        assert!(e.to_string().starts_with("\"2020-02-30\" is not a valid date"), "{e}");
    }

    #[test]
    fn day_numbers_and_decimal_years_round_trip() {
        for d in [date(1900, 1, 1), date(1923, 7, 7), date(2020, 11, 8), date(2024, 12, 31)] {
            assert_eq!(date_from_day_number(day_number(d)), Some(d));
            assert_eq!(date_from_year(year_from_date(d) + 1e-6), Some(d));
        }
        assert_eq!(days_between(date(2020, 9, 27), date(2020, 11, 10)), 44);
        assert_eq!(date_from_year(f64::NAN), None);
        assert_eq!(date_from_year(1e12), None);
    }

    #[test]
    fn ranges_are_from_to_and_never_backwards() {
        let r: DateRange = "2020-09-27..2020-11-10".parse().expect("range");
        assert_eq!((r.start, r.end, r.days()), (date(2020, 9, 27), date(2020, 11, 10), 45));
        assert_eq!(r.to_string(), "2020-09-27..2020-11-10");
        assert!(matches!("2020-11-10..2020-09-27".parse::<DateRange>(), Err(DateError::Backwards { .. })));
        assert!(matches!("2020-09-27".parse::<DateRange>(), Err(DateError::RangeShape(_))));
        assert!(matches!("2020-09-27..x".parse::<DateRange>(), Err(DateError::Shape(_))));
    }
}

#[cfg(test)]
mod plain_words {
    use super::*;

    #[test]
    fn an_impossible_date_is_explained_in_plain_words() {
        let why = |s: &str| match parse_iso_date(s) {
            Err(DateError::Invalid { reason, .. }) => reason,
            other => panic!("{s}: {other:?}"),
        };
        assert_eq!(why("2021-02-29"), "February 2021 has 28 days, so there is no day 29");
        assert_eq!(why("2020-02-30"), "February 2020 has 29 days, so there is no day 30");
        assert_eq!(why("2020-13-01"), "there is no month 13; months run from 01 to 12");
        assert_eq!(why("2020-00-10"), "there is no month 0; months run from 01 to 12");
        assert_eq!(why("2020-04-00"), "there is no day 00; days start at 01");
    }
}
