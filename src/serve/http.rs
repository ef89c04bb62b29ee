//! A small HTTP/1.1 server for the preview: static files of the current
//! build, and a Server-Sent Events stream that tells pages to reload.
//!
//! Hand-written on `std::net` rather than a framework: a local preview
//! needs GET, HEAD and one long-lived stream, and a framework would double
//! gongkai's build time. It serves only files inside the current build
//! folder: any path with a `..` segment, a backslash, a NUL or an invalid
//! percent-escape is answered 404 before the file system is touched.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::Duration;

/// The reload client, injected into every HTML page served.
const RELOAD_JS: &str = include_str!("reload.js");

/// An event for the open pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A new build (its generation) is ready.
    Reload(u64),
    /// The last rebuild failed; JSON `{summary, errors}`.
    Failed(String),
}

impl Event {
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

/// The server: state and the open event streams.
#[derive(Default)]
pub struct Server {
    /// Current build.
    pub state: RwLock<State>,
    clients: Mutex<Vec<Sender<Event>>>,
    /// Called before a `/data/` file is served, to write stale site-wide data.
    data_hook: std::sync::OnceLock<Box<dyn Fn() + Send + Sync>>,
}

impl Server {
    /// Sends an event to every open page.
    pub fn broadcast(&self, event: &Event) {
        let mut clients = self.clients.lock().unwrap_or_else(PoisonError::into_inner);
        clients.retain(|c| c.send(event.clone()).is_ok());
    }

    /// Sets the hook run before serving `/data/` files.
    pub fn set_data_hook(&self, hook: Box<dyn Fn() + Send + Sync>) {
        let _ = self.data_hook.set(hook);
    }

    /// Accepts connections until the listener fails; one thread per connection.
    pub fn run(self: &Arc<Self>, listener: TcpListener) {
        for stream in listener.incoming().flatten() {
            let server = Arc::clone(self);
            std::thread::spawn(move || {
                let _ = server.handle(stream);
            });
        }
    }

    fn handle(&self, mut stream: TcpStream) -> std::io::Result<()> {
        stream.set_read_timeout(Some(Duration::from_secs(10)))?;
        let mut reader = BufReader::new(stream.try_clone()?);
        let mut line = String::new();
        reader.read_line(&mut line)?;
        let mut header = String::new();
        let mut total = 0;
        while reader.read_line(&mut header)? > 2 && total < 16 * 1024 {
            total += header.len();
            header.clear();
        }
        let mut parts = line.split_whitespace();
        let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
        if method != "GET" && method != "HEAD" {
            return respond(&mut stream, 405, "text/plain; charset=utf-8", b"method not allowed", method == "HEAD");
        }
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        match path {
            "/__gongkai/events" => return self.events(stream, query),
            "/__gongkai/reload.js" => {
                return respond(
                    &mut stream,
                    200,
                    "text/javascript; charset=utf-8",
                    RELOAD_JS.as_bytes(),
                    method == "HEAD",
                );
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
        let head = method == "HEAD";
        match resolve(&dir, path) {
            Resolved::File(file) => match std::fs::read(&file) {
                Ok(bytes) => {
                    let ctype = content_type(&file);
                    let body = if ctype.starts_with("text/html") { inject(bytes, generation) } else { bytes };
                    respond(&mut stream, 200, ctype, &body, head)
                }
                Err(_) => self.not_found(&mut stream, &dir, generation, head),
            },
            Resolved::Redirect(to) => {
                let msg = format!(
                    "HTTP/1.1 301 Moved Permanently\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                );
                stream.write_all(msg.as_bytes())
            }
            Resolved::NotFound => self.not_found(&mut stream, &dir, generation, head),
        }
    }

    fn not_found(&self, stream: &mut TcpStream, dir: &Path, generation: u64, head: bool) -> std::io::Result<()> {
        match std::fs::read(dir.join("404.html")) {
            Ok(page) => respond(stream, 404, "text/html; charset=utf-8", &inject(page, generation), head),
            // No good build yet: a page that still receives the overlay and the reload.
            Err(_) => {
                let page = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>gongkai</title></head><body><p>尚无成功的构建：请查看终端中的错误信息。</p></body></html>";
                respond(stream, 404, "text/html; charset=utf-8", &inject(page.as_bytes().to_vec(), generation), head)
            }
        }
    }

    /// The event stream of one page: its current state first, then every event.
    fn events(&self, mut stream: TcpStream, query: &str) -> std::io::Result<()> {
        let seen: u64 = query.split('&').find_map(|kv| kv.strip_prefix("g=")).and_then(|g| g.parse().ok()).unwrap_or(0);
        stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n")?;
        let (tx, rx): (Sender<Event>, Receiver<Event>) = mpsc::channel();
        {
            let state = self.state.read().unwrap_or_else(PoisonError::into_inner);
            if let Some(f) = &state.failure {
                stream.write_all(Event::Failed(f.clone()).wire().as_bytes())?;
            } else if state.generation != seen {
                stream.write_all(Event::Reload(state.generation).wire().as_bytes())?;
            }
            self.clients.lock().unwrap_or_else(PoisonError::into_inner).push(tx);
        }
        loop {
            match rx.recv_timeout(Duration::from_secs(15)) {
                Ok(event) => stream.write_all(event.wire().as_bytes())?,
                Err(RecvTimeoutError::Timeout) => stream.write_all(b": keep-alive\n\n")?,
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            }
            stream.flush()?;
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

/// Where a redirect to the folder `path` (without its trailing slash) may
/// point: a path with exactly one leading slash, so that a browser never
/// reads `//host/` as another host; `None` for anything but visible ASCII.
pub fn location(path: &str) -> Option<String> {
    if !path.bytes().all(|b| b.is_ascii_graphic()) {
        return None;
    }
    Some(format!("/{}/", path.trim_start_matches('/')))
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

fn respond(stream: &mut TcpStream, status: u16, ctype: &str, body: &[u8], head: bool) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Error",
    };
    let header = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(header.as_bytes())?;
    if !head {
        stream.write_all(body)?;
    }
    stream.flush()
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

    #[test]
    fn locations_are_paths_of_the_same_host() {
        assert_eq!(location("/reports").as_deref(), Some("/reports/"));
        assert_eq!(location("//evil.example").as_deref(), Some("/evil.example/"));
        assert_eq!(location("/a%0d%0aSet-Cookie:x").as_deref(), Some("/a%0d%0aSet-Cookie:x/"));
        assert_eq!(location("/a\r\nSet-Cookie: x"), None);
    }
}
