//! A small HTTP/1.1 server for the preview: static files of the current
//! build, and a Server-Sent Events stream that tells pages to reload.
//!
//! Hand-written on `std::net` rather than a framework: a local preview
//! needs GET, HEAD and one long-lived stream, and a framework would double
//! gongkai's build time. It serves only files inside the current build
//! folder: any path with a `..` segment, a backslash, a NUL or an invalid
//! percent-escape is answered 404 before the file system is touched.
//!
//! No client can make it hold much: request heads, connections, event
//! streams and the time spent waiting on a client are all bounded (see
//! [`Limits`]), one thread per connection. When all connections are taken,
//! the one that has waited longest for a request makes room for a new one;
//! when none is waiting, the new one gets 503.

use super::files::inject;
pub use super::files::{Resolved, content_type, resolve};
use super::head::*;
pub use super::head::{Head, HeadError, location, read_head};
use super::limits::*;
pub use super::limits::{
    HEAD_TIMEOUT, IDLE_TIMEOUT, Limits, MAX_CONNECTIONS, MAX_HEADER_BYTES, MAX_HEADERS, MAX_REQUEST_LINE, MAX_STREAMS,
    WRITE_TIMEOUT,
};
use std::io::{self, BufRead, BufReader, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::Instant;

/// The reload client, injected into every HTML page served.
const RELOAD_JS: &str = include_str!("reload.js");

/// An event for the open pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A new build (its generation) is ready.
    Reload(u64),
    /// The pages at these URL paths are ready in the generation being
    /// built (the edited reports); the rest follows with its `Reload`.
    Fresh(u64, Vec<String>),
    /// The last rebuild failed; JSON `{summary, errors}`.
    Failed(String),
}

impl Event {
    /// The event as sent on the stream.
    fn wire(&self) -> String {
        match self {
            Event::Reload(g) => format!("event: reload\ndata: {g}\n\n"),
            Event::Fresh(g, paths) => format!("event: fresh\ndata: {g} {}\n\n", paths.join(" ")),
            Event::Failed(json) => format!("event: failed\ndata: {json}\n\n"),
        }
    }
}

/// What the server serves; shared with the rebuild loop.
#[derive(Debug, Default)]
pub struct State {
    /// Folder of the last good build.
    pub dir: PathBuf,
    /// Its generation (incremented by every good build).
    pub generation: u64,
    /// The failure of the last rebuild, if it failed.
    pub failure: Option<String>,
    /// While an update renders the listings: the generation it will have,
    /// and the URL paths of the pages already rendered for it (the edited
    /// reports). Those are served as of that generation, so they do not
    /// reload again when it is complete; every other page still reloads then.
    pub fresh: Option<(u64, Vec<String>)>,
    /// The first build is being written into `dir` in place: a request for
    /// a file not written yet waits for it (or for the build's end).
    pub filling: bool,
}

impl State {
    /// The generation the page at the URL `path` is served as.
    pub fn generation_of(&self, path: &str) -> u64 {
        match &self.fresh {
            Some((g, paths)) if paths.iter().any(|p| is_page(path, p)) => *g,
            _ => self.generation,
        }
    }
}

/// Whether the request `path` is the page at the URL path `page` (a folder's `index.html` or the folder).
fn is_page(path: &str, page: &str) -> bool {
    path == page || path.strip_prefix(page) == Some("index.html")
}

/// The server: state and the open event streams.
#[derive(Default)]
pub struct Server {
    /// Current build.
    pub state: RwLock<State>,
    /// Senders to the open event streams.
    clients: Mutex<Vec<Sender<Event>>>,
    /// Called before a `/data/` or `/search/` file is served, to write the
    /// stale site-wide files (the open data and the search index).
    data_hook: std::sync::OnceLock<Box<dyn Fn() + Send + Sync>>,
    /// What a client may make the server hold.
    limits: Limits,
    /// The open connections.
    connections: Mutex<Registry>,
}

/// What follows an answer on its connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum After {
    /// Another request, if the request allowed it (else as `Close`).
    Next,
    /// Nothing: the answer said `Connection: close`; linger, then close.
    Close,
    /// Nothing: an event stream ended; close at once.
    Done,
}

/// Forgets a connection when its thread ends, however it ends.
struct Registered<'a> {
    /// The server.
    server: &'a Server,
    /// The connection.
    id: u64,
}

impl Drop for Registered<'_> {
    fn drop(&mut self) {
        self.server.registry().remove(self.id);
    }
}

impl Server {
    /// A server with these limits (and nothing to serve yet).
    pub fn new(limits: Limits) -> Server {
        Server { limits, ..Server::default() }
    }

    /// Sends an event to every open page.
    pub fn broadcast(&self, event: &Event) {
        let mut clients = self.clients.lock().unwrap_or_else(PoisonError::into_inner);
        clients.retain(|c| c.send(event.clone()).is_ok());
    }

    /// Sets the hook run before serving `/data/` and `/search/` files.
    pub fn set_data_hook(&self, hook: Box<dyn Fn() + Send + Sync>) {
        let _ = self.data_hook.set(hook);
    }

    /// The open connections, locked.
    fn registry(&self) -> std::sync::MutexGuard<'_, Registry> {
        self.connections.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Accepts connections for ever, one thread each, at most
    /// [`Limits::connections`] at once.
    pub fn run(self: &Arc<Self>, listener: TcpListener) {
        widen_backlog(&listener);
        loop {
            match listener.accept() {
                Ok((socket, _)) => self.admit(socket),
                Err(_) => std::thread::sleep(ACCEPT_BACKOFF),
            }
        }
    }

    /// Starts serving a new connection, making room if needed; answers 503
    /// at once when every connection is busy or streaming. Waiting instead
    /// would hold the descriptor and a queue slot for nothing: a browser
    /// retries, and busy connections end within a write timeout.
    fn admit(self: &Arc<Self>, socket: TcpStream) {
        let _ = socket.set_write_timeout(Some(self.limits.write));
        let admitted = match socket.try_clone() {
            Ok(copy) => self.registry().admit(copy, self.limits.connections),
            Err(_) => None,
        };
        let Some(id) = admitted else {
            // A fresh connection's send buffer is empty: this write does not block.
            let mut socket = socket;
            let _ = socket.write_all(busy());
            return;
        };
        let server = Arc::clone(self);
        let spawned = std::thread::Builder::new().name("gongkai-http".into()).spawn(move || {
            let _registered = Registered { server: &server, id };
            server.connection(&socket, id);
        });
        if spawned.is_err() {
            // No thread: the socket went with the closure; forget the copy too.
            self.registry().remove(id);
        }
    }

    /// Serves the requests of one connection in turn, until the client
    /// closes it, a limit ends it or an answer closes it.
    fn connection(&self, socket: &TcpStream, id: u64) {
        let mut reader = BufReader::new(Timed { socket, deadline: Instant::now() });
        loop {
            if !self.registry().set(id, Phase::Waiting) {
                return;
            }
            // An idle connection is closed silently: no request was lost.
            reader.get_mut().deadline = Instant::now() + self.limits.idle;
            match reader.fill_buf() {
                Ok(buf) if !buf.is_empty() => {}
                _ => return,
            }
            reader.get_mut().deadline = Instant::now() + self.limits.head;
            let head = match read_head(&mut reader, &self.limits) {
                Ok(head) => head,
                Err(e) => {
                    if let Some(status) = e.status() {
                        let body = format!("{}\n", status_text(status));
                        let _ = respond(socket, status, "text/plain; charset=utf-8", body.as_bytes(), false, false);
                        linger(&mut reader);
                    }
                    return;
                }
            };
            if !self.registry().set(id, Phase::Busy) {
                return;
            }
            match self.answer(socket, id, &head) {
                Ok(After::Next) if head.keep_alive => {}
                Ok(After::Next | After::Close) => {
                    let _ = self.registry().set(id, Phase::Waiting);
                    linger(&mut reader);
                    return;
                }
                Ok(After::Done) | Err(_) => return,
            }
        }
    }

    /// Answers one request.
    fn answer(&self, socket: &TcpStream, id: u64, head: &Head) -> io::Result<After> {
        let (method, target) = (head.method.as_str(), head.target.as_str());
        let keep = head.keep_alive;
        if method != "GET" && method != "HEAD" {
            // Its body, if any, is not read: the connection cannot carry another request.
            let body = format!("{}\n", status_text(405));
            respond(socket, 405, "text/plain; charset=utf-8", body.as_bytes(), false, false)?;
            return Ok(After::Close);
        }
        let head_only = method == "HEAD";
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        match path {
            "/__gongkai/events" => return self.events(socket, id, query),
            "/__gongkai/reload.js" => {
                respond(socket, 200, "text/javascript; charset=utf-8", RELOAD_JS.as_bytes(), head_only, keep)?;
                return Ok(After::Next);
            }
            _ => {}
        }
        // The site-wide files an update leaves stale: the open data and the search index.
        if (path.starts_with("/data/") || path.starts_with("/search/"))
            && let Some(hook) = self.data_hook.get()
        {
            hook();
        }
        let (dir, generation) = self.settled(path);
        match resolve(&dir, path) {
            Resolved::File(file) => match std::fs::read(&file) {
                Ok(bytes) => {
                    let ctype = content_type(&file);
                    let body = if ctype.starts_with("text/html") { inject(bytes, generation) } else { bytes };
                    respond(socket, 200, ctype, &body, head_only, keep)?;
                }
                Err(_) => not_found(socket, &dir, generation, head_only, keep)?,
            },
            Resolved::Redirect(to) => {
                let msg = format!(
                    "HTTP/1.1 301 Moved Permanently\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: {}\r\n\r\n",
                    connection_header(keep)
                );
                let mut w = socket;
                w.write_all(msg.as_bytes())?;
            }
            Resolved::NotFound => not_found(socket, &dir, generation, head_only, keep)?,
        }
        Ok(After::Next)
    }

    /// The folder and generation to serve the URL `path` from. While the
    /// first build is written in place, a file not there yet is waited for,
    /// until it is written or the build ends (then it is answered as usual,
    /// 404 if it never came). The open data and the search index, written
    /// in parts, are waited for whole by the data hook.
    fn settled(&self, path: &str) -> (PathBuf, u64) {
        loop {
            {
                let s = self.state.read().unwrap_or_else(PoisonError::into_inner);
                if !s.filling || resolve(&s.dir, path) != Resolved::NotFound {
                    return (s.dir.clone(), s.generation_of(path));
                }
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }

    /// The event stream of one page: its current state first, then every
    /// event, until the page goes away (or stops reading). 503 when
    /// [`Limits::streams`] are open: the page then simply does not reload.
    fn events(&self, socket: &TcpStream, id: u64, query: &str) -> io::Result<After> {
        if !self.registry().open_stream(id, self.limits.streams) {
            let mut w = socket;
            w.write_all(busy())?;
            return Ok(After::Close);
        }
        let mut w = socket;
        let seen: u64 = query.split('&').find_map(|kv| kv.strip_prefix("g=")).and_then(|g| g.parse().ok()).unwrap_or(0);
        w.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n")?;
        let (tx, rx): (Sender<Event>, Receiver<Event>) = mpsc::channel();
        {
            let state = self.state.read().unwrap_or_else(PoisonError::into_inner);
            if let Some(f) = &state.failure {
                w.write_all(Event::Failed(f.clone()).wire().as_bytes())?;
            } else if state.generation != seen && state.fresh.as_ref().is_none_or(|(g, _)| *g != seen) {
                w.write_all(Event::Reload(state.generation).wire().as_bytes())?;
            }
            self.clients.lock().unwrap_or_else(PoisonError::into_inner).push(tx);
        }
        let mut quiet_since = Instant::now();
        loop {
            match rx.recv_timeout(STREAM_CHECK) {
                Ok(event) => {
                    w.write_all(event.wire().as_bytes())?;
                    quiet_since = Instant::now();
                }
                Err(RecvTimeoutError::Timeout) => {
                    if client_gone(socket) {
                        return Ok(After::Done);
                    }
                    if quiet_since.elapsed() >= HEARTBEAT {
                        w.write_all(b": keep-alive\n\n")?;
                        quiet_since = Instant::now();
                    }
                }
                Err(RecvTimeoutError::Disconnected) => return Ok(After::Done),
            }
            w.flush()?;
        }
    }
}

/// Lets the kernel queue [`BACKLOG`] connections for `listener` (best effort).
fn widen_backlog(listener: &TcpListener) {
    use std::os::fd::AsRawFd;
    // SAFETY: listen(2) on the descriptor `listener` owns and keeps open; on a
    // socket already listening it only changes the length of the queue.
    let _ = unsafe { libc::listen(listener.as_raw_fd(), BACKLOG) };
}

/// Whether the client of an event stream closed its side (or sent
/// something, which a page never does on a stream): checked without blocking.
fn client_gone(socket: &TcpStream) -> bool {
    if socket.set_nonblocking(true).is_err() {
        return true;
    }
    let gone = match socket.peek(&mut [0u8; 1]) {
        Ok(_) => true,
        Err(e) => e.kind() != io::ErrorKind::WouldBlock,
    };
    socket.set_nonblocking(false).is_err() || gone
}

/// Closes a connection politely after its last answer: no more sending,
/// then read and discard what the client still sends (for at most
/// [`LINGER`] and [`LINGER_BYTES`]), so that unread bytes do not make the
/// kernel reset the connection and destroy the answer in flight.
fn linger(reader: &mut BufReader<Timed<'_>>) {
    let _ = reader.get_ref().socket.shutdown(Shutdown::Write);
    reader.get_mut().deadline = Instant::now() + LINGER;
    let mut drained = 0;
    while drained < LINGER_BYTES {
        match reader.fill_buf() {
            Ok(buf) if !buf.is_empty() => {
                let n = buf.len();
                reader.consume(n);
                drained += n;
            }
            _ => return,
        }
    }
}

/// The reason phrase of a status the server sends.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "Error",
    }
}

/// What an error status means, for the body of the answer, in the run's
/// language (the status line keeps HTTP's reason phrase).
fn status_text(status: u16) -> String {
    match status {
        400 => crate::t!("serve-http-bad-request"),
        405 => crate::t!("serve-http-method"),
        408 => crate::t!("serve-http-timeout"),
        414 => crate::t!("serve-http-too-long"),
        431 => crate::t!("serve-http-headers-too-large"),
        _ => reason(status).to_owned(),
    }
}

/// The value of the `Connection` header of an answer.
fn connection_header(keep_alive: bool) -> &'static str {
    if keep_alive { "keep-alive" } else { "close" }
}

/// Sends a whole answer (only its head for `HEAD`).
fn respond(socket: &TcpStream, status: u16, ctype: &str, body: &[u8], head: bool, keep_alive: bool) -> io::Result<()> {
    let header = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: {}\r\n\r\n",
        reason(status),
        body.len(),
        connection_header(keep_alive)
    );
    let mut w = socket;
    w.write_all(header.as_bytes())?;
    if !head {
        w.write_all(body)?;
    }
    w.flush()
}

/// The page served before the first good build, in the run's language.
fn nothing_built() -> String {
    format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head><body><p>{}</p></body></html>",
        crate::i18n::current().tag(),
        crate::render::tables::esc(&crate::t!("serve-page-title")),
        crate::render::tables::esc(&crate::t!("serve-page-nothing-built")),
    )
}

/// Answers 404 with the theme's page, or a placeholder before the first good build.
fn not_found(socket: &TcpStream, dir: &Path, generation: u64, head: bool, keep_alive: bool) -> io::Result<()> {
    // No good build yet: a page that still receives the overlay and the reload.
    let page = std::fs::read(dir.join("404.html")).unwrap_or_else(|_| nothing_built().into_bytes());
    respond(socket, 404, "text/html; charset=utf-8", &inject(page, generation), head, keep_alive)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_edited_page_is_served_as_of_the_generation_being_built_and_the_rest_as_before() {
        let mut state = State { generation: 4, ..State::default() };
        assert_eq!(state.generation_of("/reports/a/2024/"), 4);
        state.fresh = Some((5, vec!["/reports/a/2024/".to_owned()]));
        assert_eq!(state.generation_of("/reports/a/2024/"), 5);
        assert_eq!(state.generation_of("/reports/a/2024/index.html"), 5);
        assert_eq!(state.generation_of("/reports/a/2023/"), 4, "another report waits for the whole update");
        assert_eq!(state.generation_of("/"), 4);
        assert_eq!(state.generation_of("/reports/a/2024/report.csv"), 4, "only the page itself");
        let wire = Event::Fresh(5, vec!["/reports/a/2024/".into(), "/reports/a/2023/".into()]).wire();
        assert_eq!(wire, "event: fresh\ndata: 5 /reports/a/2024/ /reports/a/2023/\n\n");
    }
}
