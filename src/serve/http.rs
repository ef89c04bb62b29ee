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

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::{Duration, Instant};

/// The reload client, injected into every HTML page served.
const RELOAD_JS: &str = include_str!("reload.js");

/// Longest request line, CRLF included. Browsers send the preview's own
/// URLs in a few hundred bytes; 8 KiB is the common server default (nginx,
/// Apache's 8,190), so nothing legitimate comes near it and a client cannot
/// make the server buffer more.
pub const MAX_REQUEST_LINE: usize = 8 * 1024;

/// Most header fields in one request. Browsers send 10 to 20; 100 is
/// Apache's and hyper's default.
pub const MAX_HEADERS: usize = 100;

/// Most bytes of header fields in one request. Cookies belong to a host, not
/// a port, so a browser sends the preview every cookie of `127.0.0.1` that
/// other local development servers set: 64 KiB leaves room for such a jar
/// while bounding the memory of a connection.
pub const MAX_HEADER_BYTES: usize = 64 * 1024;

/// Most connections open at once, event streams included. A browser opens
/// at most six per host; 256 serves several browsers, their developer tools
/// and a link checker, and with two descriptors per connection stays at half
/// of the common limit of 1,024 open files (see [`Limits::fitting`]).
pub const MAX_CONNECTIONS: usize = 256;

/// Most event streams open at once. Each open page holds one for as long as
/// it is open; 32 pages in a few browsers is plenty, and the rest of the
/// connections stay free for loading pages.
pub const MAX_STREAMS: usize = 32;

/// How long a connection may wait for the first byte of a request, on a new
/// connection or between requests of a kept-alive one. Browsers reuse a
/// connection within seconds while a page loads and reconnect cheaply on
/// loopback after it was closed; idle connections are also the first closed
/// when the server is full, so this only bounds how long they linger.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(15);

/// How long the head of a request may take from its first byte. A browser
/// sends it in one packet; 10 s allows a very slow link, and a client that
/// trickles its head byte by byte is dropped after it.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);

/// How long one write may wait for the client to make room. A client that
/// stops reading a response (or an event stream) is dropped after it.
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a closing connection keeps reading (and discarding) what the
/// client still sends after an answer, so that the kernel does not reset the
/// connection and destroy the answer before the client read it.
const LINGER: Duration = Duration::from_secs(2);

/// Most bytes read and discarded while lingering: enough for the rest of
/// any plausible refused request, far from what an attacker might send.
const LINGER_BYTES: usize = 4 * 1024 * 1024;

/// Interval of the comments that keep an idle event stream open through
/// proxies and tell a dead client apart by a failed write.
const HEARTBEAT: Duration = Duration::from_secs(15);

/// How often an event stream checks whether its page went away, so a closed
/// page frees its stream within a second.
const STREAM_CHECK: Duration = Duration::from_secs(1);

/// Pause after a failed `accept` (out of descriptors, say): the connection
/// stays queued, and retrying at once would spin a core.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(50);

/// Connections the kernel queues until the server accepts them (capped by
/// the system's `somaxconn`). std listens with 128, which a burst of new
/// connections overflows; each connection dropped then costs its client
/// a one-second retransmission, a legitimate page load included.
const BACKLOG: libc::c_int = 1024;

/// The answer to a client the server has no room for.
const BUSY: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 5\r\nRetry-After: 1\r\nConnection: close\r\n\r\nbusy\n";

/// What one client can make the server hold: memory, threads, descriptors
/// and time. [`Limits::default`] holds the constants of this module; tests
/// use smaller ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Longest request line ([`MAX_REQUEST_LINE`]); longer gets 414.
    pub request_line: usize,
    /// Most header fields ([`MAX_HEADERS`]); more gets 431.
    pub headers: usize,
    /// Most bytes of header fields ([`MAX_HEADER_BYTES`]); more gets 431.
    pub header_bytes: usize,
    /// Most connections at once ([`MAX_CONNECTIONS`]).
    pub connections: usize,
    /// Most event streams at once ([`MAX_STREAMS`]); more gets 503.
    pub streams: usize,
    /// Wait for the first byte of a request ([`IDLE_TIMEOUT`]).
    pub idle: Duration,
    /// Time for a whole request head ([`HEAD_TIMEOUT`]); slower gets 408.
    pub head: Duration,
    /// Wait of one write for the client ([`WRITE_TIMEOUT`]).
    pub write: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            request_line: MAX_REQUEST_LINE,
            headers: MAX_HEADERS,
            header_bytes: MAX_HEADER_BYTES,
            connections: MAX_CONNECTIONS,
            streams: MAX_STREAMS,
            idle: IDLE_TIMEOUT,
            head: HEAD_TIMEOUT,
            write: WRITE_TIMEOUT,
        }
    }
}

/// Descriptors kept for everything but connections: the standard streams,
/// the listener, the watcher, the signal pipe and the files a build has open.
const RESERVED_DESCRIPTORS: u64 = 128;

/// Descriptors one connection holds: its socket, and the copy the server
/// keeps to close it when it needs room.
const DESCRIPTORS_PER_CONNECTION: u64 = 2;

/// Fewest connections allowed however low the limit of open files: a
/// browser loading one page.
const MIN_CONNECTIONS: usize = 8;

impl Limits {
    /// These limits with no more connections than `open_files` descriptors
    /// allow (when known), so that connections never starve the builder or
    /// the listener of descriptors; at most half the connections may be
    /// event streams.
    pub fn fitting(self, open_files: Option<u64>) -> Limits {
        let connections = match open_files {
            Some(n) => {
                let room = n.saturating_sub(RESERVED_DESCRIPTORS) / DESCRIPTORS_PER_CONNECTION;
                self.connections.min(usize::try_from(room).unwrap_or(usize::MAX)).max(MIN_CONNECTIONS)
            }
            None => self.connections,
        };
        Limits { connections, streams: self.streams.min(connections / 2).max(1), ..self }
    }
}

/// An event for the open pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A new build (its generation) is ready.
    Reload(u64),
    /// The last rebuild failed; JSON `{summary, errors}`.
    Failed(String),
}

impl Event {
    /// The event as sent on the stream.
    fn wire(&self) -> String {
        match self {
            Event::Reload(g) => format!("event: reload\ndata: {g}\n\n"),
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
}

/// What an open connection is doing, for the connection limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Waiting for a request (or its rest), or lingering before the close:
    /// may be closed to make room for a new connection.
    Waiting,
    /// Being answered.
    Busy,
    /// An open event stream.
    Stream,
}

/// One open connection.
#[derive(Debug)]
struct Slot {
    /// Its number.
    id: u64,
    /// A copy of its socket, to close it when room is needed.
    socket: TcpStream,
    /// What it is doing.
    phase: Phase,
    /// Since when.
    since: Instant,
}

/// The open connections.
#[derive(Debug, Default)]
struct Registry {
    /// The number of the next connection.
    next: u64,
    /// The connections, in no order.
    slots: Vec<Slot>,
}

impl Registry {
    /// Admits a connection when fewer than `cap` are open, or after closing
    /// the one that has waited longest for a request; `None` when every
    /// connection is busy or streaming.
    fn admit(&mut self, socket: TcpStream, cap: usize) -> Option<u64> {
        if self.slots.len() >= cap {
            let oldest = self
                .slots
                .iter()
                .enumerate()
                .filter(|(_, s)| s.phase == Phase::Waiting)
                .min_by_key(|(_, s)| s.since)
                .map(|(i, _)| i)?;
            let evicted = self.slots.swap_remove(oldest);
            // Wakes its thread, blocked in a read, which then ends.
            let _ = evicted.socket.shutdown(Shutdown::Both);
        }
        self.next += 1;
        self.slots.push(Slot { id: self.next, socket, phase: Phase::Waiting, since: Instant::now() });
        Some(self.next)
    }

    /// Records what connection `id` is doing; `false` when it was closed to make room.
    fn set(&mut self, id: u64, phase: Phase) -> bool {
        match self.slots.iter_mut().find(|s| s.id == id) {
            Some(slot) => {
                slot.phase = phase;
                slot.since = Instant::now();
                true
            }
            None => false,
        }
    }

    /// Turns connection `id` into an event stream, unless `cap` are open.
    fn open_stream(&mut self, id: u64, cap: usize) -> bool {
        self.slots.iter().filter(|s| s.phase == Phase::Stream).count() < cap && self.set(id, Phase::Stream)
    }

    /// Forgets connection `id` (done, or already closed to make room).
    fn remove(&mut self, id: u64) {
        self.slots.retain(|s| s.id != id);
    }
}

/// Reads a connection, failing with `TimedOut` once `deadline` has passed. A
/// timeout per read alone would let a client that sends a byte now and then
/// hold the connection forever.
struct Timed<'a> {
    /// The connection.
    socket: &'a TcpStream,
    /// When reading stops.
    deadline: Instant,
}

impl Read for Timed<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        self.socket.set_read_timeout(Some(left))?;
        let mut socket = self.socket;
        socket.read(buf)
    }
}

/// The parts of a request head the server uses.
#[derive(Debug, PartialEq, Eq)]
pub struct Head {
    /// `GET`, `HEAD`, …
    pub method: String,
    /// The request target, visible ASCII only.
    pub target: String,
    /// Whether the connection may carry another request after this one:
    /// HTTP/1.1 unless `Connection: close`, HTTP/1.0 only with
    /// `Connection: keep-alive`, and never after a request body (which the
    /// server does not read).
    pub keep_alive: bool,
}

/// Why no request head could be read.
#[derive(Debug)]
pub enum HeadError {
    /// The client closed the connection before a whole head.
    Closed,
    /// The request line is longer than allowed.
    LineTooLong,
    /// Too many header fields, or too many bytes of them.
    HeadersTooLarge,
    /// Not an HTTP/1.x request head.
    Malformed,
    /// Reading failed (the deadline passed, say).
    Io(io::Error),
}

impl HeadError {
    /// The status to answer before closing, if any (nobody listens to a closed connection).
    pub fn status(&self) -> Option<u16> {
        match self {
            HeadError::Closed => None,
            HeadError::LineTooLong => Some(414),
            HeadError::HeadersTooLarge => Some(431),
            HeadError::Malformed => Some(400),
            HeadError::Io(e) if matches!(e.kind(), io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock) => Some(408),
            HeadError::Io(_) => None,
        }
    }
}

/// How a bounded line read ended.
#[derive(Debug, PartialEq, Eq)]
enum LineEnd {
    /// The line, through its LF, was read.
    Complete,
    /// `max` bytes came without an LF.
    TooLong,
    /// The input ended first.
    Eof,
}

/// Appends one line of `r` (through its LF) to `out`, reading no more than
/// `max` bytes: a client cannot make the server buffer an endless line.
fn read_line_bounded<R: BufRead>(r: &mut R, max: usize, out: &mut Vec<u8>) -> io::Result<LineEnd> {
    let start = out.len();
    loop {
        let buf = match r.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(LineEnd::Eof);
        }
        let room = max - (out.len() - start);
        let take = &buf[..buf.len().min(room)];
        if let Some(i) = take.iter().position(|&b| b == b'\n') {
            out.extend_from_slice(&take[..=i]);
            r.consume(i + 1);
            return Ok(LineEnd::Complete);
        }
        let n = take.len();
        out.extend_from_slice(take);
        r.consume(n);
        if out.len() - start >= max {
            return Ok(LineEnd::TooLong);
        }
    }
}

/// A line without its line end (CRLF, or a bare LF).
fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Method, target and whether the version is HTTP/1.1, from a request line
/// of exactly three parts separated by single spaces.
fn parse_request_line(line: &[u8]) -> Result<(String, String, bool), HeadError> {
    let mut parts = line.split(|&b| b == b' ');
    let (Some(method), Some(target), Some(version), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(HeadError::Malformed);
    };
    let http11 = match version {
        b"HTTP/1.1" => true,
        b"HTTP/1.0" => false,
        _ => return Err(HeadError::Malformed),
    };
    // RFC 9110 tokens and visible ASCII: no control character (CR, LF, NUL)
    // can ever reach an answer's header or a path.
    let token = |b: &u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(b);
    if method.is_empty() || !method.iter().all(token) || target.is_empty() || !target.iter().all(u8::is_ascii_graphic) {
        return Err(HeadError::Malformed);
    }
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    Ok((text(method), text(target), http11))
}

/// Reads one request head within `limits` (the deadline is the reader's).
pub fn read_head<R: BufRead>(r: &mut R, limits: &Limits) -> Result<Head, HeadError> {
    let mut line = Vec::new();
    // One empty line before a request is allowed (RFC 9112, section 2.2).
    for _ in 0..2 {
        line.clear();
        match read_line_bounded(r, limits.request_line, &mut line).map_err(HeadError::Io)? {
            LineEnd::Complete => {}
            LineEnd::TooLong => return Err(HeadError::LineTooLong),
            LineEnd::Eof => return Err(HeadError::Closed),
        }
        if !trim_eol(&line).is_empty() {
            break;
        }
    }
    let (method, target, http11) = parse_request_line(trim_eol(&line))?;
    // What `Connection` asks (close, keep-alive), and whether a body follows.
    let (mut close, mut keep, mut body) = (false, false, false);
    let (mut budget, mut fields) = (limits.header_bytes, 0);
    loop {
        line.clear();
        match read_line_bounded(r, budget, &mut line).map_err(HeadError::Io)? {
            LineEnd::Complete => {}
            LineEnd::TooLong => return Err(HeadError::HeadersTooLarge),
            LineEnd::Eof => return Err(HeadError::Closed),
        }
        budget -= line.len();
        let field = trim_eol(&line);
        if field.is_empty() {
            let keep_alive = !close && !body && (http11 || keep);
            return Ok(Head { method, target, keep_alive });
        }
        fields += 1;
        if fields > limits.headers {
            return Err(HeadError::HeadersTooLarge);
        }
        let Some(colon) = field.iter().position(|&b| b == b':') else { return Err(HeadError::Malformed) };
        let (name, value) = (&field[..colon], field[colon + 1..].trim_ascii());
        // A field name is a token: no folded lines, no space before the colon.
        if name.is_empty() || name.iter().any(|b| !b.is_ascii_graphic()) {
            return Err(HeadError::Malformed);
        }
        if name.eq_ignore_ascii_case(b"connection") {
            for option in value.split(|&b| b == b',').map(<[u8]>::trim_ascii) {
                close |= option.eq_ignore_ascii_case(b"close");
                keep |= option.eq_ignore_ascii_case(b"keep-alive");
            }
        } else if name.eq_ignore_ascii_case(b"transfer-encoding")
            || (name.eq_ignore_ascii_case(b"content-length") && value != b"0")
        {
            body = true;
        }
    }
}

/// Where a redirect to the folder `path` (without its trailing slash) may
/// point: a path with exactly one leading slash, so that a browser never
/// reads `//host/` as another host; `None` for anything but visible ASCII.
pub fn location(path: &str) -> Option<String> {
    if !path.bytes().all(|b| b.is_ascii_graphic()) {
        return None;
    }
    Some(format!("/{}/", path.trim_start_matches('/')))
}

/// The server: state and the open event streams.
#[derive(Default)]
pub struct Server {
    /// Current build.
    pub state: RwLock<State>,
    /// Senders to the open event streams.
    clients: Mutex<Vec<Sender<Event>>>,
    /// Called before a `/data/` file is served, to write stale site-wide data.
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

    /// Sets the hook run before serving `/data/` files.
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
            let _ = socket.write_all(BUSY);
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
                        let _ = respond(
                            socket,
                            status,
                            "text/plain; charset=utf-8",
                            reason(status).as_bytes(),
                            false,
                            false,
                        );
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
            respond(socket, 405, "text/plain; charset=utf-8", b"method not allowed", false, false)?;
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
        if path.starts_with("/data/")
            && let Some(hook) = self.data_hook.get()
        {
            hook();
        }
        let (dir, generation) = {
            let s = self.state.read().unwrap_or_else(PoisonError::into_inner);
            (s.dir.clone(), s.generation)
        };
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

    /// The event stream of one page: its current state first, then every
    /// event, until the page goes away (or stops reading). 503 when
    /// [`Limits::streams`] are open: the page then simply does not reload.
    fn events(&self, socket: &TcpStream, id: u64, query: &str) -> io::Result<After> {
        if !self.registry().open_stream(id, self.limits.streams) {
            let mut w = socket;
            w.write_all(BUSY)?;
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
            } else if state.generation != seen {
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

/// Where a request path leads.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// A file to send.
    File(PathBuf),
    /// A folder requested without its trailing slash: where to send the
    /// browser, a path on the same host (see [`location`]).
    Redirect(String),
    /// Nothing (or something outside the build).
    NotFound,
}

/// Decodes `%XX` escapes; `None` for malformed ones or invalid UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Maps a request path to a file of `dir`, refusing anything that could leave it.
pub fn resolve(dir: &Path, path: &str) -> Resolved {
    let Some(decoded) = percent_decode(path) else { return Resolved::NotFound };
    if !decoded.starts_with('/') || decoded.contains(['\\', '\0']) {
        return Resolved::NotFound;
    }
    let segments: Vec<&str> = decoded.split('/').filter(|s| !s.is_empty()).collect();
    if segments.iter().any(|s| *s == "." || *s == ".." || s.starts_with('.')) {
        return Resolved::NotFound;
    }
    let mut file = dir.to_path_buf();
    file.extend(&segments);
    if file.is_dir() {
        if !decoded.ends_with('/') {
            return location(path).map_or(Resolved::NotFound, Resolved::Redirect);
        }
        file.push("index.html");
    }
    // Symbolic links could point outside the build: the build writes none, so refuse them.
    match std::fs::symlink_metadata(&file) {
        Ok(m) if m.is_file() => Resolved::File(file),
        _ => Resolved::NotFound,
    }
}

/// The content type of a built file.
pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// Adds the reload script before `</body>` (or at the end).
fn inject(mut html: Vec<u8>, generation: u64) -> Vec<u8> {
    let tag = format!("<script src=\"/__gongkai/reload.js?g={generation}\"></script>\n");
    let at = html.windows(7).rposition(|w| w.eq_ignore_ascii_case(b"</body>")).unwrap_or(html.len());
    html.splice(at..at, tag.into_bytes());
    html
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

/// Answers 404 with the theme's page, or a placeholder before the first good build.
fn not_found(socket: &TcpStream, dir: &Path, generation: u64, head: bool, keep_alive: bool) -> io::Result<()> {
    let page = std::fs::read(dir.join("404.html")).unwrap_or_else(|_| {
        // No good build yet: a page that still receives the overlay and the reload.
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>gongkai</title></head><body><p>尚无成功的构建：请查看终端中的错误信息。</p></body></html>".as_bytes().to_vec()
    });
    respond(socket, 404, "text/html; charset=utf-8", &inject(page, generation), head, keep_alive)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_leave_the_build() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("site");
        std::fs::create_dir_all(dir.join("a")).unwrap();
        std::fs::write(dir.join("a/index.html"), "x").unwrap();
        std::fs::write(tmp.path().join("secret.txt"), "s").unwrap();
        assert_eq!(resolve(&dir, "/a/"), Resolved::File(dir.join("a/index.html")));
        assert_eq!(resolve(&dir, "/a"), Resolved::Redirect("/a/".into()));
        // Never `//a/`, which a browser reads as the host `a`.
        assert_eq!(resolve(&dir, "//a"), Resolved::Redirect("/a/".into()));
        assert_eq!(resolve(&dir, "///a"), Resolved::Redirect("/a/".into()));
        for bad in [
            "/../secret.txt",
            "/a/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/a%2f..%2f..%2fsecret.txt",
            "/%zz",
            "/a\\..\\x",
            "/.git/config",
            "/%00",
        ] {
            assert_eq!(resolve(&dir, bad), Resolved::NotFound, "{bad}");
        }
    }

    #[test]
    fn the_script_goes_before_the_body_end() {
        let out = String::from_utf8(inject(b"<html><body><p>x</p></body></html>".to_vec(), 7)).unwrap();
        assert_eq!(out, "<html><body><p>x</p><script src=\"/__gongkai/reload.js?g=7\"></script>\n</body></html>");
        assert_eq!(content_type(Path::new("a.svg")), "image/svg+xml");
    }

    /// Reads a head from `bytes` with the default limits.
    fn head(bytes: &[u8]) -> Result<Head, HeadError> {
        read_head(&mut &bytes[..], &Limits::default())
    }

    #[test]
    fn heads_are_read_within_their_limits() {
        let ok = head(b"GET /a?b=1 HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        assert_eq!((ok.method.as_str(), ok.target.as_str(), ok.keep_alive), ("GET", "/a?b=1", true));
        assert!(!head(b"GET / HTTP/1.1\r\nConnection: Close\r\n\r\n").unwrap().keep_alive);
        assert!(!head(b"GET / HTTP/1.0\r\n\r\n").unwrap().keep_alive);
        assert!(head(b"\r\nGET / HTTP/1.0\nConnection: keep-alive\n\n").unwrap().keep_alive);
        assert!(!head(b"GET / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello").unwrap().keep_alive, "a body is not read");
        assert!(
            !head(b"GET / HTTP/1.0\r\nContent-Length: 5\r\nConnection: keep-alive\r\n\r\nhello").unwrap().keep_alive
        );
        assert!(head(b"GET / HTTP/1.1\r\nContent-Length: 0\r\n\r\n").unwrap().keep_alive);

        let status = |bytes: &[u8]| head(bytes).err().and_then(|e| e.status());
        let mut long = b"GET /".to_vec();
        long.resize(MAX_REQUEST_LINE, b'a');
        long.extend_from_slice(b" HTTP/1.1\r\n\r\n");
        assert_eq!(status(&long), Some(414));
        // Only the limit is read: the rest of an endless line stays unread.
        let mut reader = &long[..];
        assert!(matches!(read_head(&mut reader, &Limits::default()), Err(HeadError::LineTooLong)));
        assert_eq!(reader.len(), long.len() - MAX_REQUEST_LINE);

        let many: Vec<u8> = (0..=MAX_HEADERS).flat_map(|i| format!("X-{i}: y\r\n").into_bytes()).collect();
        assert_eq!(status(&[b"GET / HTTP/1.1\r\n".as_slice(), &many, b"\r\n"].concat()), Some(431));
        let big = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "y".repeat(MAX_HEADER_BYTES));
        assert_eq!(status(big.as_bytes()), Some(431));
        for bad in [
            &b"GET\r\n\r\n"[..],
            b"GET  / HTTP/1.1\r\n\r\n",
            b"GET / HTTP/2\r\n\r\n",
            b"GET /a\rb HTTP/1.1\r\n\r\n",
            b"GET /\xe4\xb8\xad HTTP/1.1\r\n\r\n",
            b"G(T / HTTP/1.1\r\n\r\n",
            b"GET / HTTP/1.1\r\nNo colon\r\n\r\n",
            b"GET / HTTP/1.1\r\n folded: x\r\n\r\n",
            b"\r\n\r\nGET / HTTP/1.1\r\n\r\n",
        ] {
            assert_eq!(status(bad), Some(400), "{}", String::from_utf8_lossy(bad));
        }
        // A client that hangs up mid-head gets no answer.
        assert_eq!(status(b"GET / HTTP/1.1\r\nHost:"), None);
    }

    #[test]
    fn locations_are_paths_of_the_same_host() {
        assert_eq!(location("/reports").as_deref(), Some("/reports/"));
        assert_eq!(location("//evil.example").as_deref(), Some("/evil.example/"));
        assert_eq!(location("/a%0d%0aSet-Cookie:x").as_deref(), Some("/a%0d%0aSet-Cookie:x/"));
        assert_eq!(location("/a\r\nSet-Cookie: x"), None);
    }

    #[test]
    fn connections_fit_the_open_file_limit() {
        let d = Limits::default();
        assert_eq!(d.fitting(None), d);
        assert_eq!(d.fitting(Some(1024)).connections, MAX_CONNECTIONS);
        let tight = d.fitting(Some(256));
        assert_eq!((tight.connections, tight.streams), (64, MAX_STREAMS));
        let tiny = d.fitting(Some(20));
        assert_eq!((tiny.connections, tiny.streams), (MIN_CONNECTIONS, MIN_CONNECTIONS / 2));
    }
}
