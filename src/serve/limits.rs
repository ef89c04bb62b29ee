//! The bounds of the preview server: how long a request line, how many
//! headers, connections and event streams, how long any client may take;
//! and the registry of open connections that enforces them.

use std::net::{Shutdown, TcpStream};
use std::time::{Duration, Instant};

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
pub(super) const LINGER: Duration = Duration::from_secs(2);

/// Most bytes read and discarded while lingering: enough for the rest of
/// any plausible refused request, far from what an attacker might send.
pub(super) const LINGER_BYTES: usize = 4 * 1024 * 1024;

/// Interval of the comments that keep an idle event stream open through
/// proxies and tell a dead client apart by a failed write.
pub(super) const HEARTBEAT: Duration = Duration::from_secs(15);

/// How often an event stream checks whether its page went away, so a closed
/// page frees its stream within a second.
pub(super) const STREAM_CHECK: Duration = Duration::from_secs(1);

/// Pause after a failed `accept` (out of descriptors, say): the connection
/// stays queued, and retrying at once would spin a core.
pub(super) const ACCEPT_BACKOFF: Duration = Duration::from_millis(50);

/// Connections the kernel queues until the server accepts them (capped by
/// the system's `somaxconn`). std listens with 128, which a burst of new
/// connections overflows; each connection dropped then costs its client
/// a one-second retransmission, a legitimate page load included.
pub(super) const BACKLOG: libc::c_int = 1024;

/// The answer to a client the server has no room for, in the run's
/// language; made once, as it is sent when the server is busiest.
pub(super) fn busy() -> &'static [u8] {
    static BUSY: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BUSY.get_or_init(|| {
        let body = format!("{}\n", crate::t!("serve-http-busy"));
        format!(
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .into_bytes()
    })
}

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
pub(super) const RESERVED_DESCRIPTORS: u64 = 128;

/// Descriptors one connection holds: its socket, and the copy the server
/// keeps to close it when it needs room.
pub(super) const DESCRIPTORS_PER_CONNECTION: u64 = 2;

/// Fewest connections allowed however low the limit of open files: a
/// browser loading one page.
pub(super) const MIN_CONNECTIONS: usize = 8;

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

/// What an open connection is doing, for the connection limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Phase {
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
pub(super) struct Slot {
    /// Its number.
    pub(super) id: u64,
    /// A copy of its socket, to close it when room is needed.
    pub(super) socket: TcpStream,
    /// What it is doing.
    pub(super) phase: Phase,
    /// Since when.
    pub(super) since: Instant,
}

/// The open connections.
#[derive(Debug, Default)]
pub(super) struct Registry {
    /// The number of the next connection.
    pub(super) next: u64,
    /// The connections, in no order.
    pub(super) slots: Vec<Slot>,
}

impl Registry {
    /// Admits a connection when fewer than `cap` are open, or after closing
    /// the one that has waited longest for a request; `None` when every
    /// connection is busy or streaming.
    pub(super) fn admit(&mut self, socket: TcpStream, cap: usize) -> Option<u64> {
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
    pub(super) fn set(&mut self, id: u64, phase: Phase) -> bool {
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
    pub(super) fn open_stream(&mut self, id: u64, cap: usize) -> bool {
        self.slots.iter().filter(|s| s.phase == Phase::Stream).count() < cap && self.set(id, Phase::Stream)
    }

    /// Forgets connection `id` (done, or already closed to make room).
    pub(super) fn remove(&mut self, id: u64) {
        self.slots.retain(|s| s.id != id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    pub(super) fn connections_fit_the_open_file_limit() {
        let d = Limits::default();
        assert_eq!(d.fitting(None), d);
        assert_eq!(d.fitting(Some(1024)).connections, MAX_CONNECTIONS);
        let tight = d.fitting(Some(256));
        assert_eq!((tight.connections, tight.streams), (64, MAX_STREAMS));
        let tiny = d.fitting(Some(20));
        assert_eq!((tiny.connections, tiny.streams), (MIN_CONNECTIONS, MIN_CONNECTIONS / 2));
    }
}
