//! Control at the grain of settlements: every claim, denial, counterclaim, confirmation,
//! handover and assessment about a place, kept apart, and the engine that answers for a place on
//! a day who holds it by the best evidence and on what that rests.
//!
//! The rule, stated once (and in `docs/atlas-format.md`): a place follows its zone, except in a
//! phase in which it has evidence of its own, where its own evidence alone decides. Within the
//! evidence, taken in date order:
//! - a **claim** gives the place to the claimant, *claimed* (it rests on one side's word);
//! - a **denial** or **counterclaim** by the other side makes a current claim *disputed* (the
//!   claimant's colour stays, drawn as disputed: nothing is silently resolved);
//! - a **confirmation** (by the losing side or a neutral source), a **handover** (under an
//!   agreement) or an **assessment** (a sourced statement of who held the place, where its zone is
//!   known to be wrong) gives it to the side named, *confirmed*.
//!
//! A place's evidence carries into later phases until its zone changes hands; when a new phase's
//! control table gives its zone to the side the place is held by, the place is settled (its status
//! returns to "by its zone").

use jiff::civil::Date;

use super::{Atlas, ControllerIdx, PlaceIdx, Source, Text, ZoneIdx};

/// What a piece of evidence is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EvidenceKind {
    /// A side says it took the place.
    Claim,
    /// The other side says the claimed capture did not happen.
    Denial,
    /// The other side says, later, that it still holds the place.
    Counterclaim,
    /// The losing side or a neutral source confirms who holds it.
    Confirmation,
    /// The place passes under an agreement.
    Handover,
    /// A sourced statement of who held the place from a date, where its zone is known to be wrong.
    Assessment,
}

impl EvidenceKind {
    /// Every kind, as the file names them.
    pub const ALL: [(&'static str, EvidenceKind); 6] = [
        ("claim", Self::Claim),
        ("denial", Self::Denial),
        ("counterclaim", Self::Counterclaim),
        ("confirmation", Self::Confirmation),
        ("handover", Self::Handover),
        ("assessment", Self::Assessment),
    ];

    /// Its name in the file (and in JSON output).
    pub fn code(self) -> &'static str {
        Self::ALL.iter().find(|(_, k)| *k == self).map_or("claim", |(c, _)| c)
    }
}

/// Who gives a piece of evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Witness {
    /// One of the sides.
    Side(ControllerIdx),
    /// A source independent of the sides (a geolocated video, a news agency, a court).
    Neutral,
    /// An agreement between the sides (a ceasefire statement).
    Agreement,
}

/// How exactly a piece of evidence is dated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DatePrecision {
    /// The day of the statement.
    Day,
    /// About that day.
    Approximate,
    /// A later statement about that day.
    Retrospective,
}

/// One dated statement about who holds a place.
#[derive(Clone, Debug)]
pub struct Evidence {
    /// Its id in the file.
    pub id: String,
    /// The place it is about.
    pub place: PlaceIdx,
    /// The day.
    pub date: Date,
    /// How exactly it is dated.
    pub precision: DatePrecision,
    /// What it is.
    pub kind: EvidenceKind,
    /// Who gives it.
    pub by: Witness,
    /// Who exactly said it ("Azerbaijan: President Aliyev"), as the source names them.
    pub said_by: Option<String>,
    /// Who holds the place according to it.
    pub controller: ControllerIdx,
    /// Where it is said.
    pub sources: Vec<Source>,
    /// Caveats.
    pub note: Text,
}

/// On what a place's controller rests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum ControlStatus {
    /// Its zone's controller: nothing finer is known.
    #[default]
    ByZone,
    /// One side's claim only.
    Claimed,
    /// A claim the other side denied or countered, not confirmed since.
    Disputed,
    /// Confirmed by the other side or a neutral source, handed over, or assessed.
    Confirmed,
}

impl ControlStatus {
    /// Its name in JSON output.
    pub fn code(self) -> &'static str {
        match self {
            Self::ByZone => "zone",
            Self::Claimed => "claimed",
            Self::Disputed => "disputed",
            Self::Confirmed => "confirmed",
        }
    }
}

/// Who holds a place on a day, on what that rests, and since when.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PlaceControl {
    /// The controller.
    pub controller: ControllerIdx,
    /// On what it rests.
    pub status: ControlStatus,
    /// Since when it has held the place (by its zone or its evidence), if known.
    pub since: Option<Date>,
}

/// Every place's control on every day, made once per atlas: all places' changes in one list in
/// date order, with the state of every place saved every [`CHECKPOINT`] changes, so that the
/// control of every place on a day is one copy and at most that many steps (the cursor and `at`
/// ask for it on every date).
#[derive(Clone, Debug, Default)]
pub struct PlaceTimeline {
    /// The zone each place lies in.
    pub zone_of: Vec<Option<ZoneIdx>>,
    /// For each place, the evidence about it in date order (indices into `Atlas::evidence`).
    pub evidence_of: Vec<Vec<usize>>,
    /// Every place's control from each day on, in date order (a place's own changes in order).
    changes: Vec<(Date, PlaceIdx, PlaceControl)>,
    /// For each place, the indices of its changes in `changes`.
    of_place: Vec<Vec<u32>>,
    /// The control of every place before change `k * CHECKPOINT`, for k = 0, 1, …
    checkpoints: Vec<Vec<Option<PlaceControl>>>,
}

/// How many changes lie between two saved states of every place.
const CHECKPOINT: usize = 2048;

impl PlaceTimeline {
    /// The timeline from each place's changes in date order (index = place).
    fn new(
        zone_of: Vec<Option<ZoneIdx>>,
        evidence_of: Vec<Vec<usize>>,
        per_place: Vec<Vec<(Date, PlaceControl)>>,
    ) -> Self {
        let places = per_place.len();
        let mut changes: Vec<(Date, PlaceIdx, PlaceControl)> = per_place
            .into_iter()
            .enumerate()
            .flat_map(|(p, list)| list.into_iter().map(move |(d, c)| (d, PlaceIdx::new(p), c)))
            .collect();
        // Stable: a place's changes keep their order.
        changes.sort_by_key(|(d, _, _)| *d);
        let mut of_place = vec![Vec::new(); places];
        let mut state = vec![None; places];
        let mut checkpoints = Vec::new();
        for (k, (_, p, c)) in changes.iter().enumerate() {
            if k % CHECKPOINT == 0 {
                checkpoints.push(state.clone());
            }
            if let Some(list) = of_place.get_mut(p.get()) {
                list.push(k as u32);
            }
            if let Some(s) = state.get_mut(p.get()) {
                *s = Some(*c);
            }
        }
        if checkpoints.is_empty() {
            checkpoints.push(state);
        }
        Self { zone_of, evidence_of, changes, of_place, checkpoints }
    }

    /// The control of place `i` on `date`, if it lies in a zone or has evidence in force.
    pub fn at(&self, i: PlaceIdx, date: Date) -> Option<PlaceControl> {
        let list = self.of_place.get(i.get())?;
        let day = |k: &u32| self.changes.get(*k as usize).map(|(d, _, _)| *d);
        let n = list.partition_point(|k| day(k).is_some_and(|d| d <= date));
        let k = *n.checked_sub(1).and_then(|n| list.get(n))?;
        self.changes.get(k as usize).map(|(_, _, c)| *c)
    }

    /// The control of every place on `date`, by place index.
    pub fn all_at(&self, date: Date) -> Vec<Option<PlaceControl>> {
        let n = self.changes.partition_point(|(d, _, _)| *d <= date);
        let saved = (n / CHECKPOINT).min(self.checkpoints.len().saturating_sub(1));
        let mut state = self.checkpoints.get(saved).cloned().unwrap_or_default();
        for (_, p, c) in self.changes.get(saved * CHECKPOINT..n).unwrap_or(&[]) {
            if let Some(s) = state.get_mut(p.get()) {
                *s = Some(*c);
            }
        }
        state
    }

    /// The days on which some place's control changes, sorted, each once.
    pub fn change_dates(&self) -> Vec<Date> {
        let mut dates: Vec<Date> = self.changes.iter().map(|(d, _, _)| *d).collect();
        dates.dedup();
        dates
    }
}

/// One step in a place's history, before the rule is applied.
#[derive(Clone, Copy)]
enum Step {
    /// Its zone changed hands (in phase `phase`).
    Zone { controller: ControllerIdx, phase: usize },
    /// A phase began, with this controller for its zone.
    PhaseStart { controller: ControllerIdx, phase: usize },
    /// A piece of evidence, by index.
    Evidence(usize),
}

impl Atlas {
    /// Builds every place's timeline (run by the loader once the atlas is assembled).
    pub(crate) fn build_place_timeline(&self, zone_of: Vec<Option<ZoneIdx>>) -> PlaceTimeline {
        let places = self.places.len();
        let mut evidence_of = vec![Vec::new(); places];
        for (i, e) in self.evidence.iter().enumerate() {
            if let Some(list) = evidence_of.get_mut(e.place.get()) {
                list.push(i);
            }
        }
        for list in &mut evidence_of {
            list.sort_by_key(|&i| self.evidence.get(i).map(|e| e.date));
        }
        // Each zone's history: its transitions and the phase starts, in date order.
        let transitions = self.transitions();
        let mut zone_steps: Vec<Vec<(Date, Step)>> = vec![Vec::new(); self.zones.len()];
        for t in &transitions {
            if let Some(list) = zone_steps.get_mut(t.zone.get()) {
                list.push((t.date, Step::Zone { controller: t.controller, phase: t.origin.phase }));
            }
        }
        for (pi, phase) in self.phases.iter().enumerate() {
            for (z, &c) in phase.control.iter().enumerate() {
                if let Some(list) = zone_steps.get_mut(z) {
                    list.push((phase.start, Step::PhaseStart { controller: c, phase: pi }));
                }
            }
        }
        let rank = |s: &Step| match s {
            Step::Zone { .. } => 0,
            Step::PhaseStart { .. } => 1,
            Step::Evidence(_) => 2,
        };
        let mut changes = Vec::with_capacity(places);
        for (p, list) in evidence_of.iter().enumerate() {
            let mut steps: Vec<(Date, Step)> =
                zone_of.get(p).copied().flatten().and_then(|z| zone_steps.get(z.get()).cloned()).unwrap_or_default();
            steps.extend(list.iter().filter_map(|&i| Some((self.evidence.get(i)?.date, Step::Evidence(i)))));
            steps.sort_by(|a, b| a.0.cmp(&b.0).then(rank(&a.1).cmp(&rank(&b.1))));
            // The phases in which the place has evidence of its own: there, its zone is not followed.
            let own_phases: Vec<usize> =
                list.iter().filter_map(|&i| self.evidence.get(i).and_then(|e| self.phase_index_at(e.date))).collect();
            changes.push(self.apply_rule(&steps, &own_phases));
        }
        PlaceTimeline::new(zone_of, evidence_of, changes)
    }

    fn apply_rule(&self, steps: &[(Date, Step)], own_phases: &[usize]) -> Vec<(Date, PlaceControl)> {
        let mut out: Vec<(Date, PlaceControl)> = Vec::new();
        let mut state: Option<PlaceControl> = None;
        for &(date, step) in steps {
            let next = match step {
                Step::Zone { controller, phase } if !own_phases.contains(&phase) => {
                    Some(PlaceControl { controller, status: ControlStatus::ByZone, since: Some(date) })
                }
                Step::Zone { .. } => state,
                Step::PhaseStart { controller, phase } => match state {
                    // The new phase's table agrees with the place: it is settled.
                    Some(s) if !own_phases.contains(&phase) && s.controller == controller => {
                        Some(PlaceControl { status: ControlStatus::ByZone, ..s })
                    }
                    None => Some(PlaceControl { controller, status: ControlStatus::ByZone, since: Some(date) }),
                    other => other,
                },
                Step::Evidence(i) => self.evidence.get(i).map(|e| apply_evidence(state, e, date)).or(state),
            };
            if next != state {
                if let Some(n) = next {
                    match out.last_mut() {
                        Some(last) if last.0 == date => last.1 = n,
                        _ => out.push((date, n)),
                    }
                }
                state = next;
            }
        }
        out
    }
}

/// The rule for one piece of evidence (see the module's documentation).
fn apply_evidence(state: Option<PlaceControl>, e: &Evidence, date: Date) -> PlaceControl {
    let to = |status| PlaceControl { controller: e.controller, status, since: Some(date) };
    match (e.kind, state) {
        (EvidenceKind::Claim, Some(s)) if s.controller == e.controller && s.status != ControlStatus::ByZone => {
            // A repeat of an earlier claim: the earliest date stands.
            s
        }
        (EvidenceKind::Claim, _) => to(ControlStatus::Claimed),
        (EvidenceKind::Denial | EvidenceKind::Counterclaim, Some(s)) => match s.status {
            ControlStatus::Claimed | ControlStatus::Disputed | ControlStatus::Confirmed
                if s.controller != e.controller =>
            {
                PlaceControl { status: ControlStatus::Disputed, ..s }
            }
            _ => s,
        },
        (EvidenceKind::Denial | EvidenceKind::Counterclaim, None) => to(ControlStatus::Disputed),
        (EvidenceKind::Confirmation | EvidenceKind::Handover | EvidenceKind::Assessment, Some(s))
            if s.controller == e.controller =>
        {
            PlaceControl { status: ControlStatus::Confirmed, ..s }
        }
        (EvidenceKind::Confirmation | EvidenceKind::Handover | EvidenceKind::Assessment, _) => {
            to(ControlStatus::Confirmed)
        }
    }
}
