//! Which file of the build a request path names (never one outside it),
//! its content type, and the reload script injected into pages.

use std::path::{Path, PathBuf};

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
pub(super) fn percent_decode(s: &str) -> Option<String> {
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
            return super::head::location(path).map_or(Resolved::NotFound, Resolved::Redirect);
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
pub(super) fn inject(mut html: Vec<u8>, generation: u64) -> Vec<u8> {
    let tag = format!("<script src=\"/__gongkai/reload.js?g={generation}\"></script>\n");
    let at = html.windows(7).rposition(|w| w.eq_ignore_ascii_case(b"</body>")).unwrap_or(html.len());
    html.splice(at..at, tag.into_bytes());
    html
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
}
