//! Where each page lives in the output, and links between pages.
//!
//! Every internal link is relative (`../../agencies/x/index.html`), so the
//! output works unchanged under any path prefix of any static server, and
//! from a plain folder. Links name `index.html` explicitly for the same
//! reason. Absolute URLs (from `base_url`) appear only in the feed, the
//! sitemap and `rel=canonical`.

/// A file name (or a `/`-separated path) as it goes into an `href` or
/// `src`: every byte but ASCII letters, digits, `-._~` (and `/` between
/// folders) percent-encoded, so `2024-原文 (1).pdf` is one valid URL.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The report page of an agency and year.
pub fn report(agency: &str, year: i32) -> String {
    format!("reports/{agency}/{year}/index.html")
}

/// The folder of a report's page and data files.
pub fn report_dir(agency: &str, year: i32) -> String {
    format!("reports/{agency}/{year}/")
}

/// An agency's page.
pub fn agency(slug: &str) -> String {
    format!("agencies/{slug}/index.html")
}

/// A year's page.
pub fn year(year: i32) -> String {
    format!("years/{year}/index.html")
}

/// A plain page.
pub fn page(slug: &str) -> String {
    format!("pages/{slug}/index.html")
}

/// The relative prefix from the page at `path` to the site root.
pub fn root_prefix(path: &str) -> String {
    let depth = path.matches('/').count();
    if depth == 0 { "./".to_owned() } else { "../".repeat(depth) }
}

/// The absolute URL of `path` under `base_url`, without a trailing `index.html`.
pub fn absolute(base_url: &str, path: &str) -> String {
    let base = if base_url.ends_with('/') { base_url.to_owned() } else { format!("{base_url}/") };
    format!("{base}{}", path.strip_suffix("index.html").unwrap_or(path))
}

/// The path part of `base_url` (`/xxgk/`), for pages served at any depth (404).
pub fn base_path(base_url: &str) -> String {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    let path = rest.find('/').map_or("/", |i| &rest[i..]);
    if path.ends_with('/') { path.to_owned() } else { format!("{path}/") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_and_absolute_urls() {
        assert_eq!(root_prefix("index.html"), "./");
        assert_eq!(root_prefix(&report("baibu", 2020)), "../../../");
        assert_eq!(absolute("https://x.gov.cn/xxgk", &report("a", 2024)), "https://x.gov.cn/xxgk/reports/a/2024/");
        assert_eq!(base_path("https://x.gov.cn/portal/zfxxgk/"), "/portal/zfxxgk/");
        assert_eq!(base_path("https://x.gov.cn"), "/");
    }
}
