//! `gongkai serve`: build, serve, watch, rebuild, reload.
//!
//! Builds go to a private folder under the system's temporary directory,
//! never to the site's `public/`. A failed rebuild (bad YAML, a broken sum,
//! a template error) keeps serving the last good build and shows the
//! diagnostics over every open page; the next good build reloads them.

pub mod http;
pub mod watch;

use crate::diag::{Severity, render_human};
use crate::load::Snippets;
use crate::render::pages::render_site;
use crate::render::templates::Templates;
use crate::site::Site;
use crate::write::Staging;
use http::{Event, Server};
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError};
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

/// The outcome of one build for the preview.
pub struct Outcome {
    /// The built folder, when the build succeeded.
    pub dir: Option<PathBuf>,
    /// Diagnostics and errors as text, for the terminal.
    pub report: String,
    /// JSON for the overlay when the build failed.
    pub failure: Option<String>,
}

/// Builds the site at `root` into `work/build-<generation>`.
pub fn build_once(root: &Path, work: &Path, generation: u64) -> Outcome {
    let fail = |summary: String, errors: Vec<String>, report: String| Outcome {
        dir: None,
        failure: Some(serde_json::json!({ "summary": summary, "errors": errors }).to_string()),
        report,
    };
    let site = match Site::load(root) {
        Ok(site) => site,
        Err(e) => return fail("the site cannot be loaded".into(), vec![e.to_string()], format!("error: {e}\n")),
    };
    let snippets = Snippets::for_diagnostics(&site.diags);
    let mut report = String::new();
    let mut errors = Vec::new();
    for d in &site.diags {
        let text = render_human(d, &site.root, &snippets);
        if d.severity == Severity::Error {
            errors.push(text.clone());
        }
        report.push_str(&text);
        report.push('\n');
    }
    report.push_str(&crate::cmd::check::summary(&site, site.tally()));
    report.push('\n');
    if !errors.is_empty() {
        return fail(format!("{} error(s)", errors.len()), errors, report);
    }
    let rendered =
        Templates::load(&site.root, &site.config.theme).map_err(crate::render::pages::BuildError::from).and_then(|t| {
            let target = work.join(format!("build-{generation}"));
            let staging = Staging::new(&target)?;
            render_site(&site, &t, &staging)?;
            staging.commit()?;
            Ok(target)
        });
    match rendered {
        Ok(dir) => Outcome { dir: Some(dir), report, failure: None },
        Err(e) => fail("template or output error".into(), vec![e.to_string()], format!("{report}error: {e}\n")),
    }
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

/// Applies a build outcome: swap the served folder, or keep it and show the failure.
fn publish(server: &Server, outcome: Outcome, generation: u64) {
    eprint!("{}", outcome.report);
    match outcome.dir {
        Some(dir) => {
            let old = {
                let mut state = server.state.write().unwrap_or_else(PoisonError::into_inner);
                state.generation = generation;
                state.failure = None;
                std::mem::replace(&mut state.dir, dir)
            };
            server.broadcast(&Event::Reload(generation));
            if old.file_name().is_some_and(|n| n.to_string_lossy().starts_with("build-")) {
                let _ = std::fs::remove_dir_all(old);
            }
        }
        None => {
            let failure = outcome.failure.unwrap_or_default();
            server.state.write().unwrap_or_else(PoisonError::into_inner).failure = Some(failure.clone());
            server.broadcast(&Event::Failed(failure));
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
        let _ = std::fs::remove_dir_all(&work);
        eprintln!("\nstopped");
        std::process::exit(0);
    });
}

/// Runs the preview until interrupted.
pub fn serve(root: &Path, opts: &Options) -> Result<(), ServeError> {
    let root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let work = std::env::temp_dir().join(format!("gongkai-serve-{}", std::process::id()));
    std::fs::create_dir_all(&work).map_err(|source| ServeError::Work { path: work.clone(), source })?;
    stop_cleanly(work.clone());
    let listener = listen(opts.bind, opts.port)?;
    let addr = listener
        .local_addr()
        .map_err(|source| ServeError::Listen { addr: SocketAddr::new(opts.bind, opts.port), source })?;

    let server = Arc::new(Server::default());
    server.state.write().unwrap_or_else(PoisonError::into_inner).dir = work.join("none");
    let started = Instant::now();
    let mut generation = 1;
    publish(&server, build_once(&root, &work, generation), generation);
    eprintln!("built in {} ms", started.elapsed().as_millis());

    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = watch::start(&root, opts.poll, tx)?;
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
        publish(&server, build_once(&root, &work, generation), generation);
        eprintln!("rebuilt in {} ms", started.elapsed().as_millis());
    }
    Ok(())
}
