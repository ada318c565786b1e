//! Where the reader is on the timeline, and how they move: the date (clamped to the atlas's span),
//! what follows from it (phase, control, km² held), the selected event, a compared date and the
//! zones that changed hands since, and playback through time. Plain data with no GUI in it, so
//! every navigation rule is tested here without a window; the window, presentation mode and the
//! tests drive the same type.

use jiff::ToSpan as _;
use jiff::civil::Date;

use super::{Atlas, ControllerArea, ControllerIdx, ZoneChange};

/// Forward (later) or back (earlier) in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Towards later dates.
    Forward,
    /// Towards earlier dates.
    Back,
}

/// One navigation step on the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// So many days (negative: back).
    Days(i64),
    /// So many calendar months (negative: back).
    Months(i64),
    /// To the start of the next phase, or back to this phase's start (the previous one's when
    /// already there).
    Phase(Direction),
    /// To the next or previous event, selecting it; events of one day are taken in order.
    Event(Direction),
    /// A presentation's step: the nearest event or phase start, whichever comes first.
    Presentation(Direction),
    /// The first day of the timeline.
    First,
    /// The last day: the end of the last phase, or today.
    Last,
}

/// The reader's place on the timeline and everything derived from the date.
#[derive(Clone, Debug)]
pub struct TimelineCursor {
    today: Date,
    date: Date,
    phase: Option<usize>,
    control: Vec<ControllerIdx>,
    places: Vec<Option<super::PlaceControl>>,
    cells: Vec<(ControllerIdx, super::ControlStatus)>,
    areas: Vec<ControllerArea>,
    selected_event: Option<usize>,
    compare: Option<Date>,
    comparison: Vec<ZoneChange>,
    /// The holder of every cell on the compared date.
    compare_cells: Vec<ControllerIdx>,
    /// The day "land taken since" compares with, when the reader chose one.
    since: Option<Date>,
    change_days: Vec<Date>,
    taken: Option<super::Taken>,
}

impl TimelineCursor {
    /// A cursor on `atlas` at `date` (clamped), with `today` as the end of a timeline still going on.
    pub fn new(atlas: &Atlas, today: Date, date: Date) -> Self {
        let mut cursor = Self {
            today,
            date,
            phase: None,
            control: Vec::new(),
            places: Vec::new(),
            cells: Vec::new(),
            areas: Vec::new(),
            selected_event: None,
            compare: None,
            comparison: Vec::new(),
            compare_cells: Vec::new(),
            since: None,
            change_days: atlas.change_days(),
            taken: None,
        };
        cursor.force_date(atlas, date);
        cursor
    }

    /// Who holds each cell of the ground on the date shown, and on what that rests.
    pub fn cell_control(&self) -> &[(ControllerIdx, super::ControlStatus)] {
        &self.cells
    }

    /// The holder of every cell on the compared date (empty when nothing is compared).
    pub fn compare_cells(&self) -> &[ControllerIdx] {
        &self.compare_cells
    }

    /// Who held the ground on the day "land taken since" compares with: the reader's day, else the
    /// day before the fighting of the date began (see [`super::fighting_began`]); `None` when
    /// that day is not before the date shown.
    pub fn taken(&self) -> Option<&super::Taken> {
        self.taken.as_ref()
    }

    /// Chooses the day "land taken since" compares with (`None`: the day before the fighting began).
    pub fn set_taken_since(&mut self, atlas: &Atlas, since: Option<Date>) {
        self.since = since.map(|d| self.clamp(atlas, d));
        self.update_taken(atlas);
    }

    fn update_taken(&mut self, atlas: &Atlas) {
        let since = self.since.or_else(|| super::fighting_began(&self.change_days, self.date));
        let since = since.filter(|&d| d < self.date && atlas.phase_index_at(d).is_some());
        let chosen = self.since.is_some();
        if self.taken.as_ref().map(|t| (t.since, t.chosen)) != since.map(|d| (d, chosen)) {
            self.taken = since.map(|d| super::Taken::on(atlas, d, chosen));
        }
    }

    /// Who holds each place on the date shown, and on what that rests (by place index).
    pub fn place_control(&self) -> &[Option<super::PlaceControl>] {
        &self.places
    }

    /// The date shown.
    pub fn date(&self) -> Date {
        self.date
    }

    /// What "today" is: the end of a timeline that is still going on.
    pub fn today(&self) -> Date {
        self.today
    }

    /// Index of the phase of the date shown.
    pub fn phase(&self) -> Option<usize> {
        self.phase
    }

    /// The controller of every zone on the date shown, indexed by zone.
    pub fn control(&self) -> &[ControllerIdx] {
        &self.control
    }

    /// Km² held by each controller on the date shown.
    pub fn areas(&self) -> &[ControllerArea] {
        &self.areas
    }

    /// The event selected (shown with its place ringed and its sources listed).
    pub fn selected_event(&self) -> Option<usize> {
        self.selected_event
    }

    /// The date compared with the one shown.
    pub fn compare(&self) -> Option<Date> {
        self.compare
    }

    /// The zones that change hands between the date shown and the compared date.
    pub fn comparison(&self) -> &[ZoneChange] {
        &self.comparison
    }

    /// The first and last day the cursor can reach on `atlas`.
    pub fn bounds(&self, atlas: &Atlas) -> (Date, Date) {
        let (first, last) = atlas.span();
        (first, last.unwrap_or(self.today).max(first))
    }

    /// `date` kept within the timeline of `atlas`.
    pub fn clamp(&self, atlas: &Atlas, date: Date) -> Date {
        let (first, last) = self.bounds(atlas);
        date.clamp(first, last)
    }

    /// Moves to `date` (clamped); returns whether the date changed. An event stays selected only
    /// while the date is its date.
    pub fn set_date(&mut self, atlas: &Atlas, date: Date) -> bool {
        let date = self.clamp(atlas, date);
        if date == self.date {
            return false;
        }
        self.force_date(atlas, date);
        true
    }

    /// Recomputes everything for `date` (clamped), even when it is the date shown. The atlas is the
    /// one the cursor was made for (a new atlas gets a new cursor).
    pub fn force_date(&mut self, atlas: &Atlas, date: Date) {
        let date = self.clamp(atlas, date);
        self.date = date;
        self.phase = atlas.phase_index_at(date);
        self.control = atlas.control_at(date).unwrap_or_default();
        self.places = atlas.place_control.all_at(date);
        self.cells = atlas.cell_control(&self.control, &self.places);
        self.areas = atlas.area_by_controller(date);
        self.update_taken(atlas);
        if self.selected_event.is_some_and(|e| atlas.events.get(e).is_none_or(|ev| ev.date != date)) {
            self.selected_event = None;
        }
        if let Some(c) = self.compare {
            self.compare = Some(self.clamp(atlas, c));
        }
        self.update_comparison(atlas);
    }

    /// Jumps to an event's date and selects it.
    pub fn select_event(&mut self, atlas: &Atlas, index: usize) {
        if let Some(date) = atlas.events.get(index).map(|e| e.date) {
            self.set_date(atlas, date);
            self.selected_event = Some(index);
        }
    }

    /// Compares the date shown with `other` (clamped), or stops comparing.
    pub fn set_compare(&mut self, atlas: &Atlas, other: Option<Date>) {
        self.compare = other.map(|d| self.clamp(atlas, d));
        self.update_comparison(atlas);
    }

    fn update_comparison(&mut self, atlas: &Atlas) {
        self.comparison = match self.compare {
            Some(other) => {
                let (a, b) = if other <= self.date { (other, self.date) } else { (self.date, other) };
                atlas.changes_between(a, b)
            }
            None => Vec::new(),
        };
        self.compare_cells = self.compare.map_or_else(Vec::new, |other| super::Taken::on(atlas, other, true).cells);
    }

    /// Takes one navigation step.
    pub fn step(&mut self, atlas: &Atlas, step: Step) {
        match step {
            Step::Days(n) => {
                if let Ok(d) = self.date.checked_add(n.days()) {
                    self.set_date(atlas, d);
                }
            }
            Step::Months(n) => {
                if let Ok(d) = self.date.checked_add(n.months()) {
                    self.set_date(atlas, d);
                }
            }
            Step::Phase(dir) => {
                if let Some(d) = self.next_phase_start(atlas, dir) {
                    self.set_date(atlas, d);
                }
            }
            Step::Event(dir) => {
                if let Some(i) = self.next_event(atlas, dir) {
                    self.select_event(atlas, i);
                }
            }
            Step::Presentation(dir) => self.step_presentation(atlas, dir),
            Step::First => {
                self.set_date(atlas, atlas.span().0);
            }
            Step::Last => {
                self.set_date(atlas, self.today);
            }
        }
    }

    /// The start of the next phase, or (back) this phase's start, or the previous one's if
    /// already there.
    fn next_phase_start(&self, atlas: &Atlas, dir: Direction) -> Option<Date> {
        let starts = atlas.phases.iter().map(|p| p.start);
        match dir {
            Direction::Forward => starts.clone().find(|d| *d > self.date),
            Direction::Back => starts.rev().find(|d| *d < self.date),
        }
    }

    /// The next or previous event: on a later (earlier) day, or later (earlier) in the list on the
    /// same day as the selected one.
    fn next_event(&self, atlas: &Atlas, dir: Direction) -> Option<usize> {
        let (date, current) = (self.date, self.selected_event);
        let events = atlas.events.iter().enumerate();
        match dir {
            Direction::Forward => events
                .clone()
                .find(|(i, e)| e.date > date || (e.date == date && current.is_some_and(|c| *i > c)))
                .map(|(i, _)| i),
            Direction::Back => events
                .rev()
                .find(|(i, e)| e.date < date || (e.date == date && current.is_some_and(|c| *i < c)))
                .map(|(i, _)| i),
        }
    }

    /// A presentation moves to the nearest event or phase start; on a day that has both, the
    /// events come first.
    fn step_presentation(&mut self, atlas: &Atlas, dir: Direction) {
        let event = self.next_event(atlas, dir);
        let phase = self.next_phase_start(atlas, dir);
        let event_date = event.and_then(|i| atlas.events.get(i)).map(|e| e.date);
        match (event, event_date, phase) {
            (Some(i), Some(e), Some(p))
                if (dir == Direction::Forward && e <= p) || (dir == Direction::Back && e >= p) =>
            {
                self.select_event(atlas, i);
            }
            (_, _, Some(p)) => {
                self.set_date(atlas, p);
            }
            (Some(i), _, None) => self.select_event(atlas, i),
            (None, _, None) => {}
        }
    }

    /// Advances the date by `dt_seconds` of playback; stops at an event (if asked) and at the end
    /// (or starts again from the first day when looping). Returns whether it is still playing.
    pub fn play(&mut self, atlas: &Atlas, playback: &mut Playback, dt_seconds: f64) -> bool {
        if !playback.playing {
            return false;
        }
        let (first, last) = self.bounds(atlas);
        let target = if playback.per_change {
            // A second a change: on to the next day of change (or the end).
            playback.carry += dt_seconds.clamp(0.0, 0.25);
            if playback.carry < 1.0 {
                return true;
            }
            playback.carry -= 1.0;
            let next = self.change_days.partition_point(|&d| d <= self.date);
            Some(self.change_days.get(next).copied().unwrap_or(last.tomorrow().unwrap_or(last)))
        } else {
            playback.carry += dt_seconds.clamp(0.0, 0.25) * f64::from(playback.speed.max(0.1));
            let days = playback.carry.floor() as i64;
            playback.carry -= days as f64;
            (days > 0).then(|| self.date.checked_add(days.days()).unwrap_or(last))
        };
        if let Some(target) = target {
            let event = atlas.events.iter().position(|e| e.date > self.date && e.date <= target);
            match event {
                Some(i) if playback.stop_at_events => {
                    self.select_event(atlas, i);
                    playback.set_playing(false);
                }
                _ if target > last => {
                    if playback.looping {
                        self.set_date(atlas, first);
                    } else {
                        self.set_date(atlas, last);
                        playback.set_playing(false);
                    }
                }
                _ => {
                    self.set_date(atlas, target);
                }
            }
        }
        playback.playing
    }
}

/// Playing through time: the date advances by `speed` days a second while `playing`, or from
/// one day of change to the next each second (`per_change`).
#[derive(Clone, Debug)]
pub struct Playback {
    /// Whether the date is advancing.
    pub playing: bool,
    /// Days per second.
    pub speed: f32,
    /// One change of control a second, whatever the days between: a war's days and the
    /// years of a ceasefire pass at the pace of what happens.
    pub per_change: bool,
    /// Start again from the beginning at the end of the timeline.
    pub looping: bool,
    /// Pause on reaching an event's date.
    pub stop_at_events: bool,
    /// Fraction of a day carried over between frames.
    carry: f64,
}

impl Default for Playback {
    fn default() -> Self {
        Self {
            playing: false,
            speed: DEFAULT_SPEED,
            per_change: false,
            looping: false,
            stop_at_events: true,
            carry: 0.0,
        }
    }
}

/// The default pace, in days a second: a war of six weeks plays in about twenty seconds, slowly
/// enough to read the map as it changes.
pub const DEFAULT_SPEED: f32 = 2.0;

/// The paces offered, in days a second, with their names: a day, two, a week, a month, a year.
pub const SPEEDS: [(f32, &str); 5] =
    [(1.0, "1 day/s"), (2.0, "2 days/s"), (7.0, "1 week/s"), (30.0, "1 month/s"), (365.0, "1 year/s")];

impl Playback {
    /// Starts or pauses playback.
    pub fn set_playing(&mut self, playing: bool) {
        self.playing = playing;
        self.carry = 0.0;
    }
}

#[cfg(test)]
use super::test_tiny as tiny;

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use jiff::civil::date;

    use super::*;

    const TODAY: Date = Date::constant(2026, 11, 25);

    fn tiny() -> Atlas {
        let files: Vec<(&str, Option<&str>)> =
            super::tiny::TINY.iter().map(|(name, text)| (*name, Some(*text))).collect();
        match crate::atlas::load_files(&files) {
            Ok(atlas) => atlas,
            Err(e) => panic!("the tiny atlas loads: {e}"),
        }
    }

    fn zone(atlas: &Atlas, id: &str) -> usize {
        atlas.zones.iter().position(|z| z.id == id).unwrap_or(usize::MAX)
    }

    fn controller(atlas: &Atlas, cursor: &TimelineCursor, zone_id: &str) -> String {
        let c = cursor.control().get(zone(atlas, zone_id)).map_or(usize::MAX, |c| c.get());
        atlas.controllers.get(c).map_or("?".into(), |c| c.id.clone())
    }

    #[test]
    fn dates_are_clamped_to_the_timeline_and_derive_control() {
        let atlas = tiny();
        let mut c = TimelineCursor::new(&atlas, TODAY, date(1990, 1, 1));
        assert_eq!(c.date(), date(2000, 1, 1), "before the first phase: its first day");
        assert_eq!(c.phase(), Some(0));
        assert!(c.set_date(&atlas, date(2001, 6, 1)));
        assert_eq!(controller(&atlas, &c, "b"), "blue", "the dated change of 1 June applies");
        assert!(!c.set_date(&atlas, date(2001, 6, 1)), "the same day changes nothing");
        assert!(c.set_date(&atlas, date(2001, 5, 31)));
        assert_eq!(controller(&atlas, &c, "b"), "red");
        c.set_date(&atlas, date(2100, 1, 1));
        assert_eq!(c.date(), TODAY, "the last phase goes on: today is the end");
        let blue: f64 = c.areas().iter().filter(|a| a.controller == 1).map(|a| a.area_km2).sum();
        let all: f64 = atlas.zones.iter().map(|z| z.area_km2).sum();
        assert!((blue - all).abs() < 1e-6, "blue holds everything: {blue} of {all}");
    }

    #[test]
    fn days_months_phases_first_and_last() {
        let atlas = tiny();
        let mut c = TimelineCursor::new(&atlas, TODAY, date(2001, 1, 31));
        c.step(&atlas, Step::Days(1));
        assert_eq!(c.date(), date(2001, 2, 1));
        c.step(&atlas, Step::Months(1));
        assert_eq!(c.date(), date(2001, 3, 1));
        c.step(&atlas, Step::Months(-3));
        assert_eq!(c.date(), date(2000, 12, 1));
        c.step(&atlas, Step::Phase(Direction::Forward));
        assert_eq!(c.date(), date(2001, 1, 1));
        c.step(&atlas, Step::Days(3));
        c.step(&atlas, Step::Phase(Direction::Back));
        assert_eq!(c.date(), date(2001, 1, 1), "back to this phase's start");
        c.step(&atlas, Step::Phase(Direction::Back));
        assert_eq!(c.date(), date(2000, 1, 1), "then to the previous one's");
        c.step(&atlas, Step::Phase(Direction::Back));
        assert_eq!(c.date(), date(2000, 1, 1), "nothing before the first phase");
        c.step(&atlas, Step::Last);
        assert_eq!(c.date(), TODAY);
        c.step(&atlas, Step::First);
        assert_eq!(c.date(), date(2000, 1, 1));
        c.step(&atlas, Step::Days(-1));
        assert_eq!(c.date(), date(2000, 1, 1), "clamped at the first day");
    }

    #[test]
    fn events_are_stepped_in_order_and_deselected_when_the_date_moves() {
        let atlas = tiny();
        let mut c = TimelineCursor::new(&atlas, TODAY, date(2000, 6, 1));
        c.step(&atlas, Step::Event(Direction::Forward));
        assert_eq!((c.selected_event(), c.date()), (Some(0), date(2001, 6, 1)));
        c.step(&atlas, Step::Event(Direction::Forward));
        assert_eq!((c.selected_event(), c.date()), (Some(1), date(2002, 1, 1)));
        c.step(&atlas, Step::Event(Direction::Forward));
        assert_eq!(c.selected_event(), Some(1), "no event after the last");
        c.step(&atlas, Step::Event(Direction::Back));
        assert_eq!(c.selected_event(), Some(0));
        c.step(&atlas, Step::Days(1));
        assert_eq!(c.selected_event(), None, "the selection belongs to the event's day");
    }

    #[test]
    fn a_presentation_steps_to_the_nearest_event_or_phase_start_events_first() {
        let atlas = tiny();
        let mut c = TimelineCursor::new(&atlas, TODAY, date(2000, 6, 1));
        let mut visited = Vec::new();
        for _ in 0..5 {
            c.step(&atlas, Step::Presentation(Direction::Forward));
            visited.push((c.date(), c.selected_event()));
        }
        assert_eq!(
            visited,
            vec![
                (date(2001, 1, 1), None),
                (date(2001, 6, 1), Some(0)),
                (date(2002, 1, 1), Some(1)),
                (date(2002, 1, 1), Some(1)),
                (date(2002, 1, 1), Some(1)),
            ],
            "E2 and P3 share 1 January 2002: the event is the step"
        );
        c.step(&atlas, Step::Presentation(Direction::Back));
        assert_eq!((c.date(), c.selected_event()), (date(2001, 6, 1), Some(0)));
        c.step(&atlas, Step::Presentation(Direction::Back));
        assert_eq!((c.date(), c.selected_event()), (date(2001, 1, 1), None));
    }

    #[test]
    fn comparing_lists_the_zones_that_changed_hands_either_way() {
        let atlas = tiny();
        let mut c = TimelineCursor::new(&atlas, TODAY, date(2001, 12, 31));
        c.set_compare(&atlas, Some(date(2000, 6, 1)));
        let zones: Vec<usize> = c.comparison().iter().map(|z| z.zone.get()).collect();
        assert_eq!(zones.len(), 2, "{zones:?}");
        assert!(zones.contains(&zone(&atlas, "a-east")) && zones.contains(&zone(&atlas, "b")));
        c.set_date(&atlas, date(2000, 6, 2));
        assert!(c.comparison().is_empty(), "recomputed when the date moves");
        c.set_compare(&atlas, Some(date(1800, 1, 1)));
        assert_eq!(c.compare(), Some(date(2000, 1, 1)), "clamped like the date");
        c.set_compare(&atlas, None);
        assert!(c.comparison().is_empty());
    }

    #[test]
    fn one_change_a_second_steps_from_change_to_change() {
        let atlas = tiny();
        let (first, _) = atlas.span();
        let mut c = TimelineCursor::new(&atlas, TODAY, first);
        let days: Vec<Date> = c.change_days.iter().copied().filter(|&d| d > first).collect();
        assert!(days.len() >= 2, "the tiny atlas changes hands at least twice: {days:?}");
        let mut p = Playback { per_change: true, stop_at_events: false, ..Playback::default() };
        p.set_playing(true);
        for want in days {
            for _ in 0..3 {
                assert!(c.play(&atlas, &mut p, 0.25));
            }
            assert!(c.date() < want, "not before a whole second");
            c.play(&atlas, &mut p, 0.25);
            assert_eq!(c.date(), want, "a second later, the next day of change");
        }
        // The default pace plays a six-week war in about twenty seconds.
        let war_seconds = 44.0 / Playback::default().speed;
        assert!((15.0..=30.0).contains(&war_seconds), "{war_seconds} s");
    }

    #[test]
    fn playback_stops_at_events_loops_or_stops_at_the_end() {
        let atlas = tiny();
        let mut c = TimelineCursor::new(&atlas, TODAY, date(2001, 5, 1));
        let mut p = Playback { speed: 10.0, ..Playback::default() };
        p.set_playing(true);
        assert!(c.play(&atlas, &mut p, 0.25));
        assert_eq!(c.date(), date(2001, 5, 3), "2.5 days: two whole days, half a day carried");
        while c.play(&atlas, &mut p, 0.25) {}
        assert_eq!((c.date(), c.selected_event()), (date(2001, 6, 1), Some(0)), "paused at E1");
        assert!(!c.play(&atlas, &mut p, 0.25), "paused: nothing moves");
        assert_eq!(c.date(), date(2001, 6, 1));
        // Without stops, at a year a second, it reaches today and stops there.
        let mut p = Playback { speed: 365.0, stop_at_events: false, ..Playback::default() };
        p.set_playing(true);
        let mut frames = 0;
        while c.play(&atlas, &mut p, 0.25) {
            frames += 1;
            assert!(frames < 1000, "playback never ended");
        }
        assert_eq!(c.date(), TODAY);
        // Looping: from the last day back to the first.
        let mut p = Playback { speed: 365.0, looping: true, stop_at_events: false, ..Playback::default() };
        p.set_playing(true);
        c.play(&atlas, &mut p, 0.25);
        assert_eq!(c.date(), date(2000, 1, 1));
        assert!(p.playing, "a loop keeps playing");
    }
}
