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
use live::{Failure, Live};
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
}

/// Why the preview could not start.
#[derive(Debug, Error)]
pub enum ServeError {
    /// No address to listen on.
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        /// The address.
        addr: SocketAddr,
        /// The cause.
        source: std::io::Error,
    },
    /// The work folder could not be created.
    #[error("cannot create the preview folder {path}: {source}")]
    Work {
        /// The folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// Watching failed even by polling.
    #[error("cannot watch the site: {0}")]
    Watch(#[from] notify::Error),
}

/// Binds `bind:port`, or a free port of `bind` when that one is taken.
fn listen(bind: IpAddr, port: u16) -> Result<TcpListener, ServeError> {
    let addr = SocketAddr::new(bind, port);
    match TcpListener::bind(addr) {
        Ok(l) => Ok(l),
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
            eprintln!("port {port} is taken: using a free port");
            TcpListener::bind(SocketAddr::new(bind, 0)).map_err(|source| ServeError::Listen { addr, source })
        }
        Err(source) => Err(ServeError::Listen { addr, source }),
    }
}

/// Serves a good build (a new folder after a full build, the same one after
/// an update) and tells the pages to reload.
fn publish_ok(server: &Server, dir: &Path, generation: u64) {
    let old = {
        let mut state = server.state.write().unwrap_or_else(PoisonError::into_inner);
        state.generation = generation;
        state.failure = None;
        std::mem::replace(&mut state.dir, dir.to_path_buf())
    };
    server.broadcast(&Event::Reload(generation));
    if old != dir && old.file_name().is_some_and(|n| n.to_string_lossy().starts_with("build-")) {
        let _ = std::fs::remove_dir_all(old);
    }
}

/// Keeps serving the last good build and shows the failure on every page.
fn publish_failure(server: &Server, failure: &Failure) {
    eprint!("{}", failure.report);
    server.state.write().unwrap_or_else(PoisonError::into_inner).failure = Some(failure.json.clone());
    server.broadcast(&Event::Failed(failure.json.clone()));
}

/// Rebuilds after a burst of changes: an update when only reports of
/// described agencies changed, a full build otherwise.
fn rebuild(root: &Path, work: &Path, live: &Mutex<Option<Live>>, server: &Server, paths: &[PathBuf], generation: u64) {
    let mut guard = live.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(current) = guard.as_mut()
        && current.presentation_only(paths)
    {
        match current.rerender(work, generation) {
            Ok(report) => {
                eprint!("{report}");
                publish_ok(server, &current.dir, generation);
            }
            Err(f) => publish_failure(server, &f),
        }
        return;
    }
    if let Some(current) = guard.as_mut()
        && let Some(slugs) = current.report_agencies(paths)
    {
        match current.update(&slugs) {
            Ok(report) => {
                eprint!("{report}");
                publish_ok(server, &current.dir, generation);
            }
            Err(f) => publish_failure(server, &f),
        }
        return;
    }
    match Live::build(root, work, generation) {
        Ok((new, report)) => {
            eprint!("{report}");
            publish_ok(server, &new.dir, generation);
            *guard = Some(new);
        }
        Err(f) => {
            // The site as it is now is unknown: the next change rebuilds in full.
            *guard = None;
            publish_failure(server, &f);
        }
    }
}

/// Removes the preview folder on Ctrl-C or SIGTERM, then exits.
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
        for _ in 0..5 {
            if std::fs::remove_dir_all(&work).is_ok() || !work.exists() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        eprintln!("\nstopped");
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

/// Runs the preview until interrupted.
pub fn serve(root: &Path, opts: &Options) -> Result<(), ServeError> {
    let root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let tmp = std::env::temp_dir();
    work::remove_stale(&tmp);
    let work = work::create(&tmp).map_err(|source| ServeError::Work { path: tmp.join(work::PREFIX), source })?;
    stop_cleanly(work.clone());
    let listener = listen(opts.bind, opts.port)?;
    let addr = listener
        .local_addr()
        .map_err(|source| ServeError::Listen { addr: SocketAddr::new(opts.bind, opts.port), source })?;

    let server = Arc::new(Server::new(Limits::default().fitting(open_file_limit())));
    server.state.write().unwrap_or_else(PoisonError::into_inner).dir = work.join("none");
    let live: Arc<Mutex<Option<Live>>> = Arc::new(Mutex::new(None));
    let started = Instant::now();
    let mut generation = 1;
    rebuild(&root, &work, &live, &server, &[], generation);
    eprintln!("built in {} ms", started.elapsed().as_millis());
    // The site-wide data files are written again only when asked for.
    let data_live = Arc::clone(&live);
    server.set_data_hook(Box::new(move || {
        if let Some(l) = data_live.lock().unwrap_or_else(PoisonError::into_inner).as_mut()
            && let Err(e) = l.refresh_data()
        {
            eprintln!("error: {e}");
        }
    }));

    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = watch::start(&root, opts.poll, tx)?;
    if !addr.ip().is_loopback() {
        eprintln!("warning: listening on {}: anyone who can reach this machine can read the preview", addr.ip());
    }
    let url = format!("http://{addr}/");
    eprintln!("serving {} at {url} (Ctrl-C to stop)", root.display());
    let http = Arc::clone(&server);
    std::thread::spawn(move || http.run(listener));
    if opts.open {
        let _ = std::process::Command::new("xdg-open").arg(&url).spawn();
    }
    while let Some(paths) = watch::next_burst(&root, &rx) {
        for p in &paths {
            if p.parent() == Some(root.as_path()) && p.is_dir() {
                watcher.add(p);
            }
        }
        generation += 1;
        let started = Instant::now();
        let shown: Vec<String> =
            paths.iter().take(3).map(|p| p.strip_prefix(&root).unwrap_or(p).display().to_string()).collect();
        eprintln!(
            "\nchanged: {}{}",
            shown.join(", "),
            if paths.len() > 3 { format!(" and {} more", paths.len() - 3) } else { String::new() }
        );
        rebuild(&root, &work, &live, &server, &paths, generation);
        eprintln!("rebuilt in {} ms", started.elapsed().as_millis());
    }
    Ok(())
}
