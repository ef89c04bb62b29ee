//! `gongkai serve`: build, serve, watch, rebuild, reload.
//!
//! Builds go to a private folder under the system's temporary directory,
//! never to the site's `public/`. A failed rebuild (bad YAML, a broken sum,
//! a template error) keeps serving the last good build and shows the
//! diagnostics over every open page; the next good build reloads them.

mod files;
mod head;
pub mod http;
mod limits;
pub mod live;
pub mod watch;
pub mod work;

use http::{Event, Limits, Server};
use live::{Failure, FailureKind, Live, Shown};
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;
use thiserror::Error;

/// Options of `gongkai serve`.
#[derive(Debug, Clone)]
pub struct Options {
    /// Address to listen on (default 127.0.0.1).
    pub bind: IpAddr,
    /// Port; when taken, a free one is used instead.
    pub port: u16,
    /// Open the browser.
    pub open: bool,
    /// Watch by polling instead of inotify.
    pub poll: bool,
    /// Show drafts, marked 草稿 (the default; `--no-drafts` hides them as `build` does).
    pub drafts: bool,
}

/// Why the preview could not start.
#[derive(Debug, Error)]
pub enum ServeError {
    /// No address to listen on.
    #[error("{}", crate::t!("serve-listen", addr = .addr.to_string(), cause = crate::os::reason(.cause)))]
    Listen {
        /// The address.
        addr: SocketAddr,
        /// The cause (said in the message).
        cause: std::io::Error,
    },
    /// The work folder could not be created.
    #[error("{}", crate::t!("serve-work", path = .path, cause = crate::os::reason(.cause)))]
    Work {
        /// The folder.
        path: PathBuf,
        /// The cause (said in the message).
        cause: std::io::Error,
    },
    /// Watching failed even by polling.
    #[error("{}", crate::t!("serve-watch", error = .0.to_string()))]
    Watch(notify::Error),
}

impl From<notify::Error> for ServeError {
    fn from(e: notify::Error) -> ServeError {
        ServeError::Watch(e)
    }
}

/// Binds `bind:port`, or a free port of `bind` when that one is taken.
fn listen(bind: IpAddr, port: u16) -> Result<TcpListener, ServeError> {
    let addr = SocketAddr::new(bind, port);
    match TcpListener::bind(addr) {
        Ok(l) => Ok(l),
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
            eprintln!("{}", crate::t!("serve-port-taken", port = port));
            TcpListener::bind(SocketAddr::new(bind, 0)).map_err(|cause| ServeError::Listen { addr, cause })
        }
        Err(cause) => Err(ServeError::Listen { addr, cause }),
    }
}

/// How a build of the preview ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// Served, without errors.
    Built,
    /// Served, but some reports have errors (this many): each shows its last good version.
    Withheld(usize),
    /// Not served: what failed.
    Failed(FailureKind),
}

/// The terminal's line after a build: how long it took and, when it failed,
/// what failed and what the pages show meanwhile. `first` is the build at
/// start; `served` whether a good build is being served (after this one).
fn outcome_line(outcome: Outcome, first: bool, served: bool, ms: u128) -> String {
    match outcome {
        Outcome::Built if first => crate::t!("serve-built", ms = ms),
        Outcome::Built => crate::t!("serve-rebuilt", ms = ms),
        Outcome::Withheld(errors) => {
            let what = FailureKind::Check(errors).headline();
            crate::t!("serve-failed", what = what, ms = ms, then = crate::t!("serve-then-withheld"))
        }
        Outcome::Failed(kind) => {
            let then = if served { crate::t!("serve-then-previous") } else { crate::t!("serve-then-nothing") };
            crate::t!("serve-failed", what = kind.headline(), ms = ms, then = then)
        }
    }
}

/// What the pages show under the overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Under {
    /// Nothing yet.
    Nothing,
    /// The last good build.
    Previous,
    /// The site as edited, with each report that has errors in its last good version.
    Withheld,
}

/// The overlay's JSON for the pages: heading, note and the errors, in the
/// run's language (`lang` for the overlay's `lang` attribute).
fn overlay_json(failure: &Failure, under: Under) -> String {
    let note = match under {
        Under::Nothing => crate::t!("serve-overlay-nothing"),
        Under::Previous => crate::t!("serve-overlay-previous"),
        Under::Withheld => crate::t!("serve-overlay-withheld"),
    };
    serde_json::json!({
        "lang": crate::i18n::current().tag(),
        "summary": failure.kind.headline(),
        "note": note,
        "errors": failure.errors,
    })
    .to_string()
}

/// Whether a good build is being served.
fn serving_a_build(server: &Server) -> bool {
    server.state.read().unwrap_or_else(PoisonError::into_inner).generation > 0
}

/// Serves a good build (a new folder after a full build, the same one after
/// an update) and tells the pages to reload.
fn publish_ok(server: &Server, dir: &Path, generation: u64) {
    let old = {
        let mut state = server.state.write().unwrap_or_else(PoisonError::into_inner);
        state.generation = generation;
        state.failure = None;
        state.fresh = None;
        std::mem::replace(&mut state.dir, dir.to_path_buf())
    };
    server.broadcast(&Event::Reload(generation));
    retire(&old, dir);
}

/// Removes the build folder `old` once `dir` is served in its place (in
/// the background: a large site's folder takes seconds to remove, and the
/// next change should not wait for it).
fn retire(old: &Path, dir: &Path) {
    if old != dir && old.file_name().is_some_and(|n| n.to_string_lossy().starts_with("build-")) {
        work::remove_in_background(old);
    }
}

/// Tells the pages at `paths` (the edited reports, already rendered for
/// `generation`) to reload now; every other page reloads when the update
/// is complete.
fn publish_fresh(server: &Server, generation: u64, paths: Vec<String>) {
    if paths.is_empty() {
        return;
    }
    {
        // The update passed its check: a page reloading now must not be shown the last failure.
        let mut state = server.state.write().unwrap_or_else(PoisonError::into_inner);
        state.failure = None;
        state.fresh = Some((generation, paths.clone()));
    }
    server.broadcast(&Event::Fresh(generation, paths));
}

/// Keeps serving the last good build and shows the failure on every page.
fn publish_failure(server: &Server, failure: &Failure) -> Outcome {
    eprint!("{}", failure.report);
    let under = if serving_a_build(server) { Under::Previous } else { Under::Nothing };
    let json = overlay_json(failure, under);
    {
        let mut state = server.state.write().unwrap_or_else(PoisonError::into_inner);
        state.failure = Some(json.clone());
        state.fresh = None;
    }
    server.broadcast(&Event::Failed(json));
    Outcome::Failed(failure.kind)
}

/// Serves a build that was made: with no errors, reloads the pages; with
/// some (each such report shown in its last good version), shows them over
/// every page, which reloads once they are fixed.
fn publish_shown(server: &Server, dir: &Path, generation: u64, shown: &Shown) -> Outcome {
    let Some(failure) = &shown.withheld else {
        eprint!("{}", shown.report);
        publish_ok(server, dir, generation);
        return Outcome::Built;
    };
    eprint!("{}", failure.report);
    let json = overlay_json(failure, Under::Withheld);
    let old = {
        let mut state = server.state.write().unwrap_or_else(PoisonError::into_inner);
        state.generation = generation;
        state.failure = Some(json.clone());
        state.fresh = None;
        std::mem::replace(&mut state.dir, dir.to_path_buf())
    };
    server.broadcast(&Event::Failed(json));
    retire(&old, dir);
    Outcome::Withheld(failure.errors.len())
}

/// Rebuilds after a burst of changes: an update when only reports of
/// described agencies changed, a full build otherwise.
fn rebuild(
    root: &Path,
    work: &Path,
    live: &Mutex<Option<Live>>,
    server: &Server,
    paths: &[PathBuf],
    (generation, drafts): (u64, bool),
) -> Outcome {
    let mut guard = live.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(current) = guard.as_mut()
        && current.presentation_only(paths)
    {
        return match current.rerender(work, generation) {
            Ok(shown) => publish_shown(server, &current.dir, generation, &shown),
            Err(f) => publish_failure(server, &f),
        };
    }
    if let Some(current) = guard.as_mut()
        && let Some(slugs) = current.report_agencies(paths)
    {
        let mut first = |paths: Vec<String>| publish_fresh(server, generation, paths);
        // Every page is right before the rules over the whole site have run
        // again: the pages reload then, the terminal says the findings after.
        let announced = std::cell::Cell::new(false);
        let dir = current.dir.clone();
        let mut listed = || {
            publish_ok(server, &dir, generation);
            announced.set(true);
        };
        return match current.update(&slugs, paths, &mut first, &mut listed) {
            Ok(shown) if announced.get() && shown.withheld.is_none() => {
                eprint!("{}", shown.report);
                Outcome::Built
            }
            Ok(shown) => publish_shown(server, &current.dir, generation, &shown),
            Err(f) => publish_failure(server, &f),
        };
    }
    match Live::build(root, work, generation, drafts) {
        Ok((new, shown)) => {
            let outcome = publish_shown(server, &new.dir, generation, &shown);
            *guard = Some(new);
            outcome
        }
        Err(f) => {
            // The site as it is now is unknown: the next change rebuilds in full.
            *guard = None;
            publish_failure(server, &f)
        }
    }
}

/// Loads, checks and decides what the first build shows, and has the
/// server serve its folder as it is written ([`Live::fill`]). The findings
/// are said at once, and reports with errors (each shown in its last good
/// version, if any) are shown over every page from the first; a failure is
/// shown at once, with nothing to serve.
fn prepare_first(root: &Path, work: &Path, server: &Server, drafts: bool) -> Result<(Live, Shown), Outcome> {
    let (new, shown) = Live::prepare(root, work, 1, drafts).map_err(|f| publish_failure(server, &f))?;
    eprint!("{}", shown.withheld.as_ref().map_or(&shown.report, |f| &f.report));
    {
        let mut state = server.state.write().unwrap_or_else(PoisonError::into_inner);
        state.dir.clone_from(&new.dir);
        state.generation = 1;
        state.filling = true;
        state.failure = shown.withheld.as_ref().map(|f| overlay_json(f, Under::Withheld));
    }
    Ok((new, shown))
}

/// Writes the first build while it is served, then says how it went, and
/// keeps the site live if it was written. The site's lock is held
/// meanwhile, so a request for the open data or the search index waits for
/// them whole. A build that fails leaves nothing served.
fn fill_first(work: &Path, live: &Mutex<Option<Live>>, server: &Server, (new, shown): (Live, Shown)) -> Outcome {
    let mut guard = live.lock().unwrap_or_else(PoisonError::into_inner);
    let result = new.fill(&shown.report);
    let dir = new.dir.clone();
    let mut state = server.state.write().unwrap_or_else(PoisonError::into_inner);
    state.filling = false;
    match result {
        Ok(()) => {
            drop(state);
            *guard = Some(new);
            match &shown.withheld {
                None => {
                    publish_ok(server, &dir, 1);
                    Outcome::Built
                }
                Some(failure) => Outcome::Withheld(failure.errors.len()),
            }
        }
        Err(f) => {
            state.generation = 0;
            state.dir = work.join("none");
            drop(state);
            work::remove_in_background(&dir);
            publish_failure(server, &f)
        }
    }
}

/// Removes the preview folder on Ctrl-C or SIGTERM, then exits at once
/// (the files of a large site go in the background, see
/// [`work::remove_in_background`]).
fn stop_cleanly(work: PathBuf) {
    static mut PIPE: [libc::c_int; 2] = [-1, -1];
    extern "C" fn on_signal(_: libc::c_int) {
        // SAFETY: write(2) is async-signal-safe; the pipe was set up before the handler.
        unsafe {
            let fd = PIPE[1];
            libc::write(fd, [1u8].as_ptr().cast(), 1);
        }
    }
    // SAFETY: plain libc calls with valid arguments; the handler only writes one byte.
    unsafe {
        let pipe_ptr = &raw mut PIPE;
        if libc::pipe((*pipe_ptr).as_mut_ptr()) != 0 {
            return;
        }
        libc::signal(libc::SIGINT, on_signal as *const () as libc::sighandler_t);
        libc::signal(libc::SIGTERM, on_signal as *const () as libc::sighandler_t);
    }
    std::thread::spawn(move || {
        let mut byte = [0u8; 1];
        // SAFETY: reading one byte from the pipe created above.
        unsafe {
            let fd = PIPE[0];
            libc::read(fd, byte.as_mut_ptr().cast(), 1);
        }
        // Writers fail at their next file; give them a moment, then clean up.
        crate::write::stop_writing();
        std::thread::sleep(std::time::Duration::from_millis(100));
        work::remove_in_background(&work);
        eprintln!("\n{}", crate::t!("serve-stopped"));
        std::process::exit(0);
    });
}

/// How many files this process may have open, if limited.
#[allow(clippy::useless_conversion)] // `rlim_t` is `u32` on 32-bit Linux.
fn open_file_limit() -> Option<u64> {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit(2) writes one rlimit into the valid, exclusively borrowed struct.
    let ok = unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } == 0;
    (ok && limit.rlim_cur != libc::RLIM_INFINITY).then(|| u64::from(limit.rlim_cur))
}

/// The terminal's line naming what changed: the first three paths (relative
/// to `root`) and how many more.
fn changed_line(root: &Path, paths: &[PathBuf]) -> String {
    const SHOWN: usize = 3;
    let shown: Vec<String> =
        paths.iter().take(SHOWN).map(|p| p.strip_prefix(root).unwrap_or(p).display().to_string()).collect();
    let files = shown.join(&crate::t!("serve-list-separator"));
    match paths.len().checked_sub(SHOWN).filter(|more| *more > 0) {
        Some(more) => crate::t!("serve-changed-more", files = files, more = more),
        None => crate::t!("serve-changed", files = files),
    }
}

/// Runs the preview until interrupted.
pub fn serve(root: &Path, opts: &Options) -> Result<(), ServeError> {
    let root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let tmp = std::env::temp_dir();
    work::remove_stale(&tmp);
    let work = work::create(&tmp).map_err(|cause| ServeError::Work { path: tmp.join(work::PREFIX), cause })?;
    stop_cleanly(work.clone());
    let listener = listen(opts.bind, opts.port)?;
    let addr = listener
        .local_addr()
        .map_err(|cause| ServeError::Listen { addr: SocketAddr::new(opts.bind, opts.port), cause })?;

    let server = Arc::new(Server::new(Limits::default().fitting(open_file_limit())));
    server.state.write().unwrap_or_else(PoisonError::into_inner).dir = work.join("none");
    let live: Arc<Mutex<Option<Live>>> = Arc::new(Mutex::new(None));
    let started = Instant::now();
    let mut generation = 1;
    // The site-wide files (open data, search index) are written again only
    // when asked for; during the first build, asking waits for its end.
    let data_live = Arc::clone(&live);
    server.set_data_hook(Box::new(move || {
        if let Some(l) = data_live.lock().unwrap_or_else(PoisonError::into_inner).as_mut()
            && let Err(e) = l.refresh_data()
        {
            eprintln!("{}", crate::t!("serve-data-failed", error = e.to_string()));
        }
    }));

    // Watched from before the first build, so that no change made during it is missed.
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = watch::start(&root, opts.poll, tx)?;
    // The first build: loaded, checked and chosen before anything is
    // served; its pages are served as they are written.
    let first = match prepare_first(&root, &work, &server, opts.drafts) {
        Ok(prepared) => Some(prepared),
        Err(outcome) => {
            eprintln!("{}", outcome_line(outcome, true, false, started.elapsed().as_millis()));
            None
        }
    };
    if !addr.ip().is_loopback() {
        eprintln!("{}", crate::t!("serve-exposed", ip = addr.ip().to_string()));
    }
    let url = format!("http://{addr}/");
    eprintln!("{}", crate::t!("serve-listening", root = &root, url = &url));
    let http = Arc::clone(&server);
    std::thread::spawn(move || http.run(listener));
    if opts.open {
        let _ = std::process::Command::new("xdg-open").arg(&url).spawn();
    }
    if let Some(prepared) = first {
        let outcome = fill_first(&work, &live, &server, prepared);
        eprintln!("{}", outcome_line(outcome, true, serving_a_build(&server), started.elapsed().as_millis()));
    }
    while let Some(paths) = watch::next_burst(&root, &rx) {
        for p in &paths {
            if p.parent() == Some(root.as_path()) && p.is_dir() {
                watcher.add(p);
            }
        }
        generation += 1;
        let started = Instant::now();
        eprintln!("\n{}", changed_line(&root, &paths));
        let outcome = rebuild(&root, &work, &live, &server, &paths, (generation, opts.drafts));
        eprintln!("{}", outcome_line(outcome, false, serving_a_build(&server), started.elapsed().as_millis()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Arg, Args, Lang, text_in};

    #[test]
    fn a_failed_check_is_never_called_rebuilt() {
        let line = outcome_line(Outcome::Failed(FailureKind::Check(3)), false, true, 42);
        assert_eq!(line, "检查未通过：3 个错误（用时 42 毫秒）。预览仍显示上一次成功生成的版本，修正后页面会自动刷新");
        assert!(!line.contains("已重新生成") && !line.contains("已生成"), "{line}");
        let first = outcome_line(Outcome::Failed(FailureKind::Check(1)), true, false, 7);
        assert_eq!(first, "检查未通过：1 个错误（用时 7 毫秒）。尚无成功生成的版本可供预览，修正后页面会自动刷新");
        let template = outcome_line(Outcome::Failed(FailureKind::Template), false, true, 5);
        assert!(template.starts_with("模板或主题有错误，站点未能生成（用时 5 毫秒）。预览仍显示"), "{template}");
        assert_eq!(outcome_line(Outcome::Built, false, true, 12), "已重新生成，用时 12 毫秒");
        assert_eq!(outcome_line(Outcome::Built, true, true, 12), "已生成，用时 12 毫秒");
        let withheld = outcome_line(Outcome::Withheld(2), false, true, 9);
        assert_eq!(
            withheld,
            "检查未通过：2 个错误（用时 9 毫秒）。有错误的年报显示其上一次通过检查的版本（新年报暂不显示），其余修改已生效；修正后页面会自动刷新"
        );
    }

    #[test]
    fn the_english_lines_say_the_same() {
        let mut args = Args::new();
        args.set("errors", 1usize.arg());
        let what = text_in(Lang::En, "serve-failure-check", Some(&args));
        assert_eq!(what, "check failed: 1 error");
        let mut args = Args::new();
        args.set("what", what.arg());
        args.set("ms", 42u128.arg());
        args.set("then", text_in(Lang::En, "serve-then-previous", None).arg());
        assert_eq!(
            text_in(Lang::En, "serve-failed", Some(&args)),
            "check failed: 1 error (42 ms). The preview still shows the last good build; pages reload once it is fixed"
        );
    }

    #[test]
    fn changes_are_listed_up_to_three_then_counted() {
        let root = Path::new("/site");
        let paths: Vec<PathBuf> = ["a.md", "b.md", "c.md", "d.md", "e.md"].iter().map(|p| root.join(p)).collect();
        assert_eq!(changed_line(root, &paths[..1]), "检测到修改：a.md");
        assert_eq!(changed_line(root, &paths[..3]), "检测到修改：a.md、b.md、c.md");
        assert_eq!(changed_line(root, &paths), "检测到修改：a.md、b.md、c.md 及另外 2 个文件");
    }

    #[test]
    fn the_overlay_gets_its_words_from_the_catalogue() {
        let failure =
            Failure { kind: FailureKind::Check(2), report: String::new(), errors: vec!["a".into(), "b".into()] };
        let json: serde_json::Value = serde_json::from_str(&overlay_json(&failure, Under::Previous)).unwrap();
        assert_eq!(json["lang"], "zh-CN");
        assert_eq!(json["summary"], "检查未通过：2 个错误");
        assert_eq!(json["note"], "下方仍是上一次成功生成的页面。修正文件后，页面会自动刷新。");
        assert_eq!(json["errors"].as_array().map(Vec::len), Some(2));
        let json: serde_json::Value = serde_json::from_str(&overlay_json(&failure, Under::Nothing)).unwrap();
        assert_eq!(json["note"], "尚无成功生成的页面。修正文件后，页面会自动刷新。");
        let json: serde_json::Value = serde_json::from_str(&overlay_json(&failure, Under::Withheld)).unwrap();
        assert_eq!(
            json["note"],
            "有错误的年报，下方显示的是它上一次通过检查的版本（新年报暂不显示）；其余页面已按修改更新。修正文件后，页面会自动刷新。"
        );
    }
}
