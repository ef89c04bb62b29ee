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

/// The folder of the catalogue's pages: documents and listings.
pub const DOCUMENTS: &str = "documents/";

pub use crate::layout::RESERVED_DOCUMENT_FOLDERS;

/// A document's page (`id` is `<folder>/<name>`).
pub fn document(id: &str) -> String {
    format!("{DOCUMENTS}{id}/index.html")
}

/// The folder of a document's page, where its attachments are copied.
pub fn document_dir(id: &str) -> String {
    format!("{DOCUMENTS}{id}/")
}

/// The overview of the catalogue's listings.
pub fn documents_overview() -> String {
    format!("{DOCUMENTS}overview/index.html")
}

/// Which documents a listing holds.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Listing {
    /// Every document.
    All,
    /// A 主题分类, by its 1-based position in the vocabulary.
    Topic(usize),
    /// A 发布机构, by slug.
    Agency(String),
    /// A year of 发布日期.
    Year(i32),
    /// An item of 条例 第二十条 (1–15).
    Item(u8),
}

impl Listing {
    /// The listing's folder (`documents/`, `documents/topics/01/` …).
    pub fn dir(&self) -> String {
        match self {
            Listing::All => DOCUMENTS.to_owned(),
            Listing::Topic(n) => format!("{DOCUMENTS}topics/{n:02}/"),
            Listing::Agency(slug) => format!("{DOCUMENTS}agencies/{slug}/"),
            Listing::Year(y) => format!("{DOCUMENTS}years/{y}/"),
            Listing::Item(n) => format!("{DOCUMENTS}items/{n}/"),
        }
    }

    /// Page `page` (1-based) of the listing, of every document or (`valid_only`)
    /// of those in force: `…/index.html`, `…/page/2/index.html`,
    /// `…/valid/index.html`, `…/valid/page/2/index.html`.
    pub fn page(&self, valid_only: bool, page: usize) -> String {
        let valid = if valid_only { "valid/" } else { "" };
        let number = if page > 1 { format!("page/{page}/") } else { String::new() };
        format!("{}{valid}{number}index.html", self.dir())
    }
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

    #[test]
    fn catalogue_urls() {
        assert_eq!(document("gov/2024-3"), "documents/gov/2024-3/index.html");
        assert_eq!(Listing::All.page(false, 1), "documents/index.html");
        assert_eq!(Listing::All.page(true, 2), "documents/valid/page/2/index.html");
        assert_eq!(Listing::Topic(3).page(false, 12), "documents/topics/03/page/12/index.html");
        assert_eq!(Listing::Agency("baibu".into()).page(true, 1), "documents/agencies/baibu/valid/index.html");
        assert_eq!(Listing::Year(2024).dir(), "documents/years/2024/");
        assert_eq!(Listing::Item(15).dir(), "documents/items/15/");
        assert_eq!(encode_path("附件 1.pdf"), "%E9%99%84%E4%BB%B6%201.pdf");
        assert_eq!(encode_path("documents/a-b/x_y.pdf"), "documents/a-b/x_y.pdf");
        // No listing URL can be a document's: the listings' folders are reserved.
        for l in [Listing::Topic(1), Listing::Agency("a".into()), Listing::Year(2024), Listing::Item(1)] {
            let first = l.dir()["documents/".len()..].split('/').next().map(str::to_owned).unwrap_or_default();
            assert!(RESERVED_DOCUMENT_FOLDERS.contains(&first.as_str()), "{first}");
        }
    }
}
