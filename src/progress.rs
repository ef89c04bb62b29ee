//! The progress bar of `build` and `check`: files checked and pages
//! written, with an estimate of the time left. The loops only bump
//! counters ([`add_work`], [`done`]); a [`Bar`] reads them from its own
//! thread and draws nothing for the first second, nothing when standard
//! error is not a terminal, and nothing with `--quiet`.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Units of work found so far (files to check, pages to write).
static TOTAL: AtomicU64 = AtomicU64::new(0);
/// Units of work done.
static DONE: AtomicU64 = AtomicU64::new(0);

/// How long a run goes before the bar appears.
const DELAY: Duration = Duration::from_secs(1);

/// Adds `n` units to the work to do (the loops call it once they know).
pub fn add_work(n: usize) {
    TOTAL.fetch_add(n as u64, Ordering::Relaxed);
}

/// Counts `n` units of work done.
pub fn done(n: usize) {
    DONE.fetch_add(n as u64, Ordering::Relaxed);
}

/// The work done and to do, as the bar shows it.
pub fn counts() -> (u64, u64) {
    (DONE.load(Ordering::Relaxed), TOTAL.load(Ordering::Relaxed))
}

/// Whether a bar is drawn: on a terminal, without `--quiet`.
pub fn shown(quiet: bool, terminal: bool) -> bool {
    !quiet && terminal
}

/// A progress bar running while it lives; cleared when dropped.
#[derive(Debug)]
pub struct Bar {
    /// Tells the drawing thread to stop.
    stop: Arc<AtomicBool>,
    /// The drawing thread, if any.
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Bar {
    /// Starts a bar labelled `label` on standard error (see [`shown`]).
    pub fn start(label: String, quiet: bool) -> Bar {
        let stop = Arc::new(AtomicBool::new(false));
        if !shown(quiet, std::io::stderr().is_terminal()) {
            return Bar { stop, thread: None };
        }
        let flag = Arc::clone(&stop);
        let thread = std::thread::spawn(move || draw(&label, &flag));
        Bar { stop, thread: Some(thread) }
    }
}

/// Draws the bar until `stop`, after [`DELAY`].
fn draw(label: &str, stop: &AtomicBool) {
    let started = Instant::now();
    while started.elapsed() < DELAY {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{msg} [{wide_bar}] {pos}/{len} {eta}")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
    bar.set_style(style);
    bar.set_message(label.to_owned());
    while !stop.load(Ordering::Relaxed) {
        let (done, total) = counts();
        bar.set_length(total.max(done));
        bar.set_position(done);
        std::thread::sleep(Duration::from_millis(100));
    }
    bar.finish_and_clear();
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_bar_is_shown_only_on_a_terminal_without_quiet() {
        assert!(super::shown(false, true));
        assert!(!super::shown(true, true) && !super::shown(false, false));
    }

    #[test]
    fn the_loops_counts_add_up() {
        let (done, total) = super::counts();
        super::add_work(3);
        super::done(2);
        let (d, t) = super::counts();
        assert!(d >= done + 2 && t >= total + 3);
        // Without a terminal, a bar draws nothing and stops at once.
        drop(super::Bar::start("x".into(), true));
    }
}
