//! The timeline engine: what applies on a date. Pure functions of the atlas and the date.

use jiff::civil::Date;

use super::{Atlas, ControllerIdx, Event, Phase, RegionIdx, ZoneIdx};

/// Area held by one controller.
#[derive(Clone, Debug, PartialEq)]
pub struct ControllerArea {
    /// The controller.
    pub controller: ControllerIdx,
    /// What it holds, km².
    pub area_km2: f64,
}

/// Area held by each controller inside one region.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionControl {
    /// The region.
    pub region: RegionIdx,
    /// Only controllers holding some of the region, largest first.
    pub controllers: Vec<ControllerArea>,
}

/// A zone that changed hands between two dates.
#[derive(Clone, Debug, PartialEq)]
pub struct ZoneChange {
    /// The zone.
    pub zone: ZoneIdx,
    /// Its controller on the earlier date.
    pub from: ControllerIdx,
    /// Its controller on the later date.
    pub to: ControllerIdx,
    /// Its area, km².
    pub area_km2: f64,
    /// The last day on which the zone's controller changed, between the two dates.
    pub date: Date,
    /// Where that change is recorded: the phase, and the dated change inside it (or its start).
    pub origin: Origin,
}

/// Where a change of control is recorded in the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The phase.
    pub phase: usize,
    /// Index into the phase's `changes`; `None` when the zone changed as the phase began.
    pub change: Option<usize>,
}

/// A change of a zone's controller on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Transition {
    /// The day.
    pub date: Date,
    /// The zone.
    pub zone: ZoneIdx,
    /// Who holds it from that day.
    pub controller: ControllerIdx,
    /// Where the change is recorded.
    pub origin: Origin,
}

impl Atlas {
    /// First day of the timeline, and its last day (`None`: still going on).
    pub fn span(&self) -> (Date, Option<Date>) {
        let first = self.phases.first().map_or(Date::constant(2000, 1, 1), |p| p.start);
        (first, self.phases.last().and_then(|p| p.end))
    }

    /// The index of the phase that applies on `date`, if the date is inside the timeline.
    pub fn phase_index_at(&self, date: Date) -> Option<usize> {
        let i = self.phases.partition_point(|p| p.start <= date).checked_sub(1)?;
        let phase = self.phases.get(i)?;
        phase.end.is_none_or(|end| date <= end).then_some(i)
    }

    /// The phase that applies on `date`.
    pub fn phase_at(&self, date: Date) -> Option<&Phase> {
        self.phase_index_at(date).and_then(|i| self.phases.get(i))
    }

    /// The controller of every zone on `date` (indexed by zone), or `None` outside the timeline.
    pub fn control_at(&self, date: Date) -> Option<Vec<ControllerIdx>> {
        let phase = self.phase_at(date)?;
        let mut control = phase.control.clone();
        for change in phase.changes.iter().take_while(|c| c.date <= date) {
            for &z in &change.zones {
                if let Some(c) = control.get_mut(z.get()) {
                    *c = change.controller;
                }
            }
        }
        Some(control)
    }

    /// The controller of the zone with id `zone` on `date`.
    pub fn controller_of(&self, zone: &str, date: Date) -> Option<&super::Controller> {
        let z = self.zones.iter().position(|z| z.id == zone)?;
        let c = *self.control_at(date)?.get(z)?;
        self.controller(c)
    }

    /// Events from `from` to `to`, both included, in date order.
    pub fn events_between(&self, from: Date, to: Date) -> &[Event] {
        let a = self.events.partition_point(|e| e.date < from);
        let b = self.events.partition_point(|e| e.date <= to);
        self.events.get(a..b.max(a)).unwrap_or(&[])
    }

    /// Every piece of ground with who holds it on `date`: the cells of the places (their zone,
    /// controller and km²), or the zones themselves for an atlas without cells.
    pub fn held_pieces(&self, date: Date) -> Vec<(ZoneIdx, ControllerIdx, f64)> {
        let Some(control) = self.control_at(date) else { return Vec::new() };
        if self.cells().is_empty() {
            return self
                .zones
                .iter()
                .zip(&control)
                .enumerate()
                .map(|(z, (zone, &c))| (ZoneIdx::new(z), c, zone.area_km2))
                .collect();
        }
        let places = self.place_control.all_at(date);
        self.cells()
            .iter()
            .zip(self.cell_control(&control, &places))
            .map(|(cell, (c, _))| (cell.zone, c, cell.area_km2))
            .collect()
    }

    /// Km² held by each controller on `date`, in controller order (zeros included), from the
    /// cells of the places: the ground follows the settlements.
    pub fn area_by_controller(&self, date: Date) -> Vec<ControllerArea> {
        let mut areas: Vec<ControllerArea> =
            self.controllers_indexed().map(|(controller, _)| ControllerArea { controller, area_km2: 0.0 }).collect();
        for (_, c, km2) in self.held_pieces(date) {
            if let Some(a) = areas.get_mut(c.get()) {
                a.area_km2 += km2;
            }
        }
        areas
    }

    /// For each region, the km² each controller holds in it on `date`.
    pub fn region_control(&self, date: Date) -> Vec<RegionControl> {
        // One pass over the pieces, into a table of regions by controllers.
        let controllers = self.controllers.len();
        let mut table = vec![0.0f64; self.regions.len() * controllers];
        let mut seen = vec![false; table.len()];
        for (z, c, km2) in self.held_pieces(date) {
            let Some(zone) = self.zone(z) else { continue };
            let slot = zone.region.get() * controllers + c.get();
            if let (Some(t), Some(s)) = (table.get_mut(slot), seen.get_mut(slot)) {
                *t += km2;
                *s = true;
            }
        }
        (0..self.regions.len())
            .map(|r| {
                let mut by: Vec<ControllerArea> = (0..controllers)
                    .filter(|&c| seen.get(r * controllers + c).copied().unwrap_or(false))
                    .map(|c| ControllerArea {
                        controller: ControllerIdx::new(c),
                        area_km2: table.get(r * controllers + c).copied().unwrap_or(0.0),
                    })
                    .collect();
                by.sort_by(|a, b| b.area_km2.total_cmp(&a.area_km2));
                RegionControl { region: RegionIdx::new(r), controllers: by }
            })
            .collect()
    }

    /// Every change of a zone's controller, in date order: phase starts that differ from the day
    /// before, and dated changes inside phases.
    pub fn transitions(&self) -> Vec<Transition> {
        let mut out = Vec::new();
        let mut state: Vec<Option<ControllerIdx>> = vec![None; self.zones.len()];
        for (pi, phase) in self.phases.iter().enumerate() {
            for (i, &c) in phase.control.iter().enumerate() {
                let zone = ZoneIdx::new(i);
                if let Some(held) = state.get_mut(i)
                    && *held != Some(c)
                {
                    let origin = Origin { phase: pi, change: None };
                    out.push(Transition { date: phase.start, zone, controller: c, origin });
                    *held = Some(c);
                }
            }
            for (ci, change) in phase.changes.iter().enumerate() {
                for &zone in &change.zones {
                    if let Some(held) = state.get_mut(zone.get())
                        && *held != Some(change.controller)
                    {
                        let origin = Origin { phase: pi, change: Some(ci) };
                        out.push(Transition { date: change.date, zone, controller: change.controller, origin });
                        *held = Some(change.controller);
                    }
                }
            }
        }
        out
    }

    /// The sources of a recorded change: the dated change's own, or else its phase's.
    pub fn sources_of(&self, origin: Origin) -> &[super::Source] {
        let Some(phase) = self.phases.get(origin.phase) else {
            return &[];
        };
        match origin.change.and_then(|c| phase.changes.get(c)) {
            Some(change) if !change.sources.is_empty() => &change.sources,
            _ => &phase.sources,
        }
    }

    /// Net km² gained (positive) or lost by each controller between two dates, in controller order.
    pub fn net_change(&self, changes: &[ZoneChange]) -> Vec<f64> {
        let mut net = vec![0.0; self.controllers.len()];
        for c in changes {
            if let Some(n) = net.get_mut(c.from.get()) {
                *n -= c.area_km2;
            }
            if let Some(n) = net.get_mut(c.to.get()) {
                *n += c.area_km2;
            }
        }
        net
    }

    /// The ground that changed hands between `from` and `to` (in either order of dates), by zone
    /// and direction: the cells of the places that changed hands, summed per zone, so that the
    /// km² agree with the area totals on both dates. Each entry is dated by the last change in it
    /// (a zone's transition, or a place's evidence) between the two dates.
    pub fn changes_between(&self, from: Date, to: Date) -> Vec<ZoneChange> {
        let (Some(a), Some(b)) = (self.control_at(from), self.control_at(to)) else {
            return Vec::new();
        };
        let (lo, hi) = if from <= to { (from, to) } else { (to, from) };
        // The last change of each zone between the two dates, in one pass (transitions come in
        // date order).
        let mut last: Vec<Option<(Date, Origin)>> = vec![None; self.zones.len()];
        for t in self.transitions().iter().filter(|t| t.date > lo && t.date <= hi) {
            if let Some(l) = last.get_mut(t.zone.get()) {
                *l = Some((t.date, t.origin));
            }
        }
        let origin_at = |d: Date| Origin { phase: self.phase_index_at(d).unwrap_or(0), change: None };
        let mut changes: Vec<ZoneChange> = Vec::new();
        let mut add = |zone: ZoneIdx, f: ControllerIdx, t: ControllerIdx, km2: f64, dated: Option<(Date, Origin)>| {
            let (date, origin) = dated.unwrap_or((hi, origin_at(hi)));
            match changes.iter_mut().find(|c| c.zone == zone && c.from == f && c.to == t) {
                Some(c) => {
                    c.area_km2 += km2;
                    if date > c.date {
                        (c.date, c.origin) = (date, origin);
                    }
                }
                None => changes.push(ZoneChange { zone, from: f, to: t, area_km2: km2, date, origin }),
            }
        };
        if self.cells().is_empty() {
            for (z, zone) in self.zones.iter().enumerate() {
                if let (Some(&f), Some(&t)) = (a.get(z), b.get(z))
                    && f != t
                {
                    add(ZoneIdx::new(z), f, t, zone.area_km2, last.get(z).copied().flatten());
                }
            }
        } else {
            let (pa, pb) = (self.place_control.all_at(from), self.place_control.all_at(to));
            let (ca, cb) = (self.cell_control(&a, &pa), self.cell_control(&b, &pb));
            let later = if from <= to { &pb } else { &pa };
            for ((cell, (f, _)), (t, _)) in self.cells().iter().zip(&ca).zip(&cb) {
                if f == t {
                    continue;
                }
                let zone_dated = last.get(cell.zone.get()).copied().flatten();
                let place_dated = cell
                    .place
                    .and_then(|p| later.get(p.get()).copied().flatten())
                    .and_then(|pc| pc.since)
                    .filter(|&d| d > lo && d <= hi)
                    .map(|d| (d, origin_at(d)));
                add(cell.zone, *f, *t, cell.area_km2, place_dated.or(zone_dated));
            }
        }
        changes.sort_by_key(|c| (c.date, c.zone));
        changes
    }

    /// How many places each controller holds on `date`, by controller index.
    pub fn settlements_by_controller(&self, date: Date) -> Vec<usize> {
        let mut n = vec![0usize; self.controllers.len()];
        for c in self.place_control.all_at(date).iter().flatten() {
            if let Some(k) = n.get_mut(c.controller.get()) {
                *k += 1;
            }
        }
        n
    }

    /// Km² held by each controller from each day on which control changed: a step series for
    /// the area chart, computed once per atlas. Each entry holds from its date until the next.
    pub fn area_history(&self) -> Vec<(Date, Vec<f64>)> {
        let mut days: Vec<Date> = self.transitions().iter().map(|t| t.date).collect();
        days.extend(self.phases.iter().map(|p| p.start));
        days.extend(self.place_control.change_dates());
        days.sort();
        days.dedup();
        days.into_iter().map(|d| (d, self.area_by_controller(d).iter().map(|a| a.area_km2).collect())).collect()
    }
}
