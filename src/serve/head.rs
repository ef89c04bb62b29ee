//! Reading a request's head within its bounds: the request line, the
//! headers, a total deadline; and the same-host redirect location.

use super::limits::Limits;
use std::io::{self, BufRead, Read};
use std::net::TcpStream;
use std::time::Instant;

/// Reads a connection, failing with `TimedOut` once `deadline` has passed. A
/// timeout per read alone would let a client that sends a byte now and then
/// hold the connection forever.
pub(super) struct Timed<'a> {
    /// The connection.
    pub(super) socket: &'a TcpStream,
    /// When reading stops.
    pub(super) deadline: Instant,
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
pub(super) enum LineEnd {
    /// The line, through its LF, was read.
    Complete,
    /// `max` bytes came without an LF.
    TooLong,
    /// The input ended first.
    Eof,
}

/// Appends one line of `r` (through its LF) to `out`, reading no more than
/// `max` bytes: a client cannot make the server buffer an endless line.
pub(super) fn read_line_bounded<R: BufRead>(r: &mut R, max: usize, out: &mut Vec<u8>) -> io::Result<LineEnd> {
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
pub(super) fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Method, target and whether the version is HTTP/1.1, from a request line
/// of exactly three parts separated by single spaces.
pub(super) fn parse_request_line(line: &[u8]) -> Result<(String, String, bool), HeadError> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serve::limits::{MAX_HEADER_BYTES, MAX_HEADERS, MAX_REQUEST_LINE};

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
}
