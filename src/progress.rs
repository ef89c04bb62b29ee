//! The progress bar of `build` and `check`: files checked and pages
//! written, with an estimate of the time left. The loops only bump
//! counters ([`add_work`], [`done`]); a [`Bar`] reads them from its own
//! thread and draws nothing for the first second, nothing when standard
//! error is not a terminal, and nothing with `--quiet`. Whatever the run
//! prints meanwhile (findings, on standard error or output) goes through
//! [`AroundBar`], which clears the bar, prints whole lines and draws the
//! bar again below them, so that no line is cut by it.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Units of work found so far (files to check, pages to write).
static TOTAL: AtomicU64 = AtomicU64::new(0);
/// Units of work done.
static DONE: AtomicU64 = AtomicU64::new(0);

/// The bar while it is drawn: output goes around it (see [`suspend`]).
static DRAWN: Mutex<Option<ProgressBar>> = Mutex::new(None);

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
    set_drawn(Some(bar.clone()));
    while !stop.load(Ordering::Relaxed) {
        let (done, total) = counts();
        bar.set_length(total.max(done));
        bar.set_position(done);
        std::thread::sleep(Duration::from_millis(100));
    }
    set_drawn(None);
    bar.finish_and_clear();
}

/// Records the bar drawn (`None`: none is).
fn set_drawn(bar: Option<ProgressBar>) {
    if let Ok(mut drawn) = DRAWN.lock() {
        *drawn = bar;
    }
}

/// Runs `f` with the bar, if one is drawn, cleared, and draws it again
/// after.
pub fn suspend<R>(f: impl FnOnce() -> R) -> R {
    let bar = DRAWN.lock().ok().and_then(|b| b.clone());
    match bar {
        Some(bar) => bar.suspend(f),
        None => f(),
    }
}

/// A writer for what a run prints while the bar may be drawn: whole lines
/// are written with the bar out of the way ([`suspend`]); the rest of a
/// line waits for its end, a flush or the drop.
#[derive(Debug)]
pub struct AroundBar<W: Write> {
    /// Where the lines go.
    inner: W,
    /// The start of a line not yet ended.
    pending: Vec<u8>,
}

impl<W: Write> AroundBar<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> AroundBar<W> {
        AroundBar { inner, pending: Vec::new() }
    }

    /// Writes `bytes` and flushes, with the bar out of the way.
    fn put(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        let inner = &mut self.inner;
        suspend(|| {
            inner.write_all(bytes)?;
            inner.flush()
        })
    }
}

impl<W: Write> Write for AroundBar<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        if let Some(end) = self.pending.iter().rposition(|&b| b == b'\n') {
            let lines: Vec<u8> = self.pending.drain(..=end).collect();
            self.put(&lines)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let rest = std::mem::take(&mut self.pending);
        self.put(&rest)
    }
}

impl<W: Write> Drop for AroundBar<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
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
    use std::io::Write;
    use std::sync::{Arc, Mutex};

    /// What a terminal and the run's output received, in order.
    #[derive(Debug, Clone, Default)]
    struct Log(Arc<Mutex<Vec<String>>>);

    impl Log {
        fn push(&self, s: String) {
            self.0.lock().expect("log").push(s);
        }
        fn events(&self) -> Vec<String> {
            self.0.lock().expect("log").clone()
        }
    }

    impl indicatif::TermLike for Log {
        fn width(&self) -> u16 {
            80
        }
        fn move_cursor_up(&self, n: usize) -> std::io::Result<()> {
            self.push(format!("up {n}"));
            Ok(())
        }
        fn move_cursor_down(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_right(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_left(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn write_line(&self, s: &str) -> std::io::Result<()> {
            self.push(format!("bar {s}"));
            Ok(())
        }
        fn write_str(&self, s: &str) -> std::io::Result<()> {
            if !s.is_empty() {
                self.push(format!("bar {s}"));
            }
            Ok(())
        }
        fn clear_line(&self) -> std::io::Result<()> {
            self.push("clear".into());
            Ok(())
        }
        fn flush(&self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Write for Log {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.push(format!("out {}", String::from_utf8_lossy(buf)));
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn findings_are_printed_with_the_bar_cleared_whole_lines_at_a_time() {
        let log = Log::default();
        let target = indicatif::ProgressDrawTarget::term_like(Box::new(log.clone()));
        let bar = indicatif::ProgressBar::with_draw_target(Some(10), target);
        bar.set_message("检查");
        bar.tick();
        super::set_drawn(Some(bar.clone()));
        let mut out = super::AroundBar::new(log.clone());
        let _ = write!(out, "甲.md:1:1: 错误");
        assert!(!log.events().iter().any(|e| e.starts_with("out")), "half a line waits: {:?}", log.events());
        let _ = write!(out, "（E1）\n乙.md:2:1: 警告");
        drop(out);
        super::set_drawn(None);
        let events = log.events();
        let at = events.iter().position(|e| e == "out 甲.md:1:1: 错误（E1）\n").expect("the whole line");
        let drawn = events[..at].iter().rposition(|e| e.starts_with("bar ")).expect("the bar was drawn first");
        assert!(events[drawn..at].contains(&"clear".to_owned()), "cleared before the finding: {events:?}");
        assert!(events[at + 1..].iter().any(|e| e.starts_with("bar ")), "drawn again after: {events:?}");
        assert!(events.contains(&"out 乙.md:2:1: 警告".to_owned()), "the rest on drop: {events:?}");
        bar.finish_and_clear();
    }

    #[test]
    fn without_a_bar_the_output_is_unchanged() {
        let mut bytes = Vec::new();
        {
            let mut out = super::AroundBar::new(&mut bytes);
            let _ = write!(out, "一\n二");
        }
        assert_eq!(String::from_utf8_lossy(&bytes), "一\n二");
    }

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
