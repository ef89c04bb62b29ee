//! Watching the site's sources, with a polling fallback and debouncing.
//!
//! Watched: `site.toml`, `content/`, `themes/`, `templates/`, `forms/` and
//! `static/` (a changed static file or attachment rebuilds the site);
//! never `public/` or `target/`, whose churn would trigger rebuilds and eat
//! inotify watches. Editors' temporary and swap files are ignored, so an
//! atomic save (write a temp file, rename it over the original) counts as one
//! change of the original. A burst (a `git checkout` of 1,000 files) is
//! coalesced: a rebuild starts only after the events pause.

use notify::{Config, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// Top-level entries of a site whose changes matter.
const WATCHED: [&str; 6] = crate::layout::SOURCES;

/// Quiet time that ends a burst of events. An editor's save (truncate and
/// write, or write a temporary file and rename it) comes as events
/// microseconds apart, and a file left empty is waited for longer (see
/// [`next_burst`]), so 25 ms merges a save; it is most of the time before
/// an edited page is shown (40 ms until session 8).
pub const QUIET: Duration = Duration::from_millis(25);

/// Longest wait before rebuilding during a never-ending burst.
pub const MAX_WAIT: Duration = Duration::from_millis(1000);

/// How often the polling watcher looks at the files, in milliseconds.
const POLL_MS: u64 = 300;

/// An active watcher, native or polling.
pub enum Active {
    /// inotify (Linux) or the platform's native API.
    Native(RecommendedWatcher),
    /// Periodic scanning.
    Poll(PollWatcher),
}

/// Whether a changed path should trigger a rebuild.
pub fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else { return false };
    let mut comps = rel.components();
    let Some(Component::Normal(first)) = comps.next() else { return false };
    if !WATCHED.iter().any(|w| first == *w) {
        return false;
    }
    !rel.components().any(|c| matches!(c, Component::Normal(n) if crate::load::is_ignored(&n.to_string_lossy())))
}

fn watch_all<W: Watcher>(w: &mut W, root: &Path) -> notify::Result<()> {
    w.watch(root, RecursiveMode::NonRecursive)?;
    for name in &WATCHED[1..] {
        let dir = root.join(name);
        if dir.is_dir() {
            w.watch(&dir, RecursiveMode::Recursive)?;
        }
    }
    Ok(())
}

/// Starts watching `root`, sending raw events to `tx`. Falls back to polling
/// when asked to, or when the native watcher cannot start (inotify limit).
pub fn start(
    root: &Path,
    poll: bool,
    tx: std::sync::mpsc::Sender<notify::Result<notify::Event>>,
) -> notify::Result<Active> {
    if !poll {
        let attempt = notify::recommended_watcher(tx.clone()).and_then(|mut w| watch_all(&mut w, root).map(|()| w));
        match attempt {
            Ok(w) => return Ok(Active::Native(w)),
            Err(e) => {
                let limit = matches!(e.kind, notify::ErrorKind::MaxFilesWatch)
                    || matches!(&e.kind, notify::ErrorKind::Io(io) if io.raw_os_error() == Some(28));
                if limit {
                    eprintln!("{}", crate::t!("serve-watch-limit", ms = POLL_MS));
                    eprintln!("  {}", crate::t!("serve-watch-limit-help"));
                } else {
                    eprintln!("{}", crate::t!("serve-watch-native", error = e.to_string(), ms = POLL_MS));
                }
            }
        }
    }
    let mut w = PollWatcher::new(tx, Config::default().with_poll_interval(Duration::from_millis(POLL_MS)))?;
    watch_all(&mut w, root)?;
    Ok(Active::Poll(w))
}

impl Active {
    /// Watches a top-level folder created after start (e.g. a new `templates/`).
    pub fn add(&mut self, dir: &Path) {
        let _ = match self {
            Active::Native(w) => w.watch(dir, RecursiveMode::Recursive),
            Active::Poll(w) => w.watch(dir, RecursiveMode::Recursive),
        };
    }
}

/// Waits for the next burst of relevant changes and returns their paths once
/// the events pause. `None` when the watcher is gone.
pub fn next_burst(root: &Path, rx: &Receiver<notify::Result<notify::Event>>) -> Option<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut started: Option<Instant> = None;
    loop {
        let timeout = match started {
            None => Duration::from_secs(3600),
            Some(t) if t.elapsed() >= MAX_WAIT => return Some(paths),
            Some(_) => QUIET,
        };
        match rx.recv_timeout(timeout) {
            Ok(Ok(event)) => {
                if matches!(event.kind, notify::EventKind::Access(_)) {
                    continue;
                }
                for p in event.paths {
                    if relevant(root, &p) && !paths.contains(&p) {
                        paths.push(p);
                        started.get_or_insert_with(Instant::now);
                    }
                }
            }
            Ok(Err(e)) => eprintln!("{}", crate::t!("serve-watch-error", error = e.to_string())),
            // An editor that truncates then writes can pause between the two:
            // an empty file is waited for a little longer (up to MAX_WAIT).
            Err(RecvTimeoutError::Timeout) if started.is_some() => {
                let truncated = paths.iter().any(|p| std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.len() == 0));
                if !truncated {
                    return Some(paths);
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sources_matter_and_editor_files_do_not() {
        let root = Path::new("/site");
        assert!(relevant(root, Path::new("/site/content/reports/a/2024.md")));
        assert!(relevant(root, Path::new("/site/site.toml")));
        assert!(relevant(root, Path::new("/site/themes/default/templates/base.html")));
        assert!(relevant(root, Path::new("/site/static/images/logo.svg")), "static files are sources");
        assert!(relevant(root, Path::new("/site/content/reports/a/attachments/2024.pdf")));
        for p in [
            "/site/public/index.html",
            "/site/target/x",
            "/site/content/reports/a/.2024.md.swp",
            "/site/content/reports/a/2024.md~",
            "/site/content/reports/a/4913",
            "/site/content/#x#",
            "/elsewhere/content/a.md",
        ] {
            assert!(!relevant(root, Path::new(p)), "{p}");
        }
    }
}
