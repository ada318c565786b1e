//! How far a long export (a deck, an animation) has gone, and a way to stop it: the command line
//! draws it as a bar on a terminal, the window as a progress bar with a Cancel button. The export
//! reports each step and stops at the next one once cancelled.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::ExportError;

/// Called with the steps done and the steps in all, after each step.
type OnStep = Box<dyn Fn(usize, usize) + Send + Sync>;

/// The progress of one export, shared between the export and whoever shows it.
#[derive(Default)]
pub struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
    cancelled: AtomicBool,
    on_step: Option<OnStep>,
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (done, total) = self.steps();
        write!(f, "Progress({done}/{total}{})", if self.is_cancelled() { ", cancelled" } else { "" })
    }
}

impl Progress {
    /// Progress no one watches (and that no one cancels).
    pub fn none() -> Self {
        Self::default()
    }

    /// Progress that calls `on_step` after each step (to draw a bar, to ask for a repaint).
    pub fn with_callback(on_step: impl Fn(usize, usize) + Send + Sync + 'static) -> Self {
        Self { on_step: Some(Box::new(on_step)), ..Self::default() }
    }

    /// The export knows how many steps it has.
    pub fn start(&self, total: usize) {
        self.total.store(total, Ordering::Relaxed);
        self.done.store(0, Ordering::Relaxed);
        self.report();
    }

    /// One step is done; an error if the export was cancelled meanwhile, to stop it there.
    pub fn step(&self) -> Result<(), ExportError> {
        self.done.fetch_add(1, Ordering::Relaxed);
        self.report();
        self.check()
    }

    /// An error if the export was cancelled.
    pub fn check(&self) -> Result<(), ExportError> {
        if self.is_cancelled() {
            let (done, total) = self.steps();
            return Err(ExportError::Cancelled { done, total });
        }
        Ok(())
    }

    /// Asks the export to stop at its next step.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
        self.report();
    }

    /// Whether the export was asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// Steps done and steps in all (0 in all until the export has counted them).
    pub fn steps(&self) -> (usize, usize) {
        (self.done.load(Ordering::Relaxed), self.total.load(Ordering::Relaxed))
    }

    fn report(&self) {
        if let Some(f) = &self.on_step {
            let (done, total) = self.steps();
            f(done, total);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    #[test]
    fn a_cancelled_export_stops_at_its_next_step_and_says_where() {
        let seen = Arc::new(AtomicUsize::new(0));
        let watcher = Arc::clone(&seen);
        let p = Progress::with_callback(move |done, _| watcher.store(done, Ordering::Relaxed));
        p.start(10);
        assert!(p.step().is_ok());
        assert!(p.step().is_ok());
        assert_eq!(seen.load(Ordering::Relaxed), 2);
        p.cancel();
        assert!(matches!(p.step(), Err(ExportError::Cancelled { done: 3, total: 10 })));
    }
}
