//! The Atom feed, the sitemap and robots.txt: the only files with absolute URLs.

use super::tables::esc;
use super::urls;

/// A feed entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Title.
    pub title: String,
    /// Page path relative to the site root.
    pub path: String,
    /// `YYYY-MM-DD` for `updated`.
    pub date: String,
    /// Publishing agency.
    pub author: String,
}

/// Renders an Atom feed. Entries are given newest first.
pub fn atom(site_title: &str, base_url: &str, entries: &[Entry]) -> String {
    let updated = entries.iter().map(|e| e.date.as_str()).max().unwrap_or("1970-01-01");
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n<title>{}</title>\n<id>{}</id>\n<link rel=\"self\" href=\"{}\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<updated>{updated}T00:00:00Z</updated>\n<generator>gongkai</generator>\n",
        esc(site_title),
        esc(&urls::absolute(base_url, "")),
        esc(&urls::absolute(base_url, "feed.xml")),
        esc(&urls::absolute(base_url, "")),
    );
    for e in entries {
        let url = esc(&urls::absolute(base_url, &e.path));
        s.push_str(&format!(
            "<entry>\n<title>{}</title>\n<id>{url}</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n<updated>{}T00:00:00Z</updated>\n<author><name>{}</name></author>\n</entry>\n",
            esc(&e.title),
            e.date,
            esc(&e.author)
        ));
    }
    s.push_str("</feed>\n");
    s
}

/// Most URLs in one sitemap file (the sitemaps.org limit).
pub const SITEMAP_LIMIT: usize = 50_000;

/// Renders the sitemap(s): `sitemap.xml`, and when there are more than
/// [`SITEMAP_LIMIT`] pages, numbered files listed by a sitemap index.
pub fn sitemaps(base_url: &str, paths: &[String]) -> Vec<(String, String)> {
    let urlset = |chunk: &[String]| {
        let mut s = String::from(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for p in chunk {
            s.push_str(&format!("<url><loc>{}</loc></url>\n", esc(&urls::absolute(base_url, p))));
        }
        s.push_str("</urlset>\n");
        s
    };
    if paths.len() <= SITEMAP_LIMIT {
        return vec![("sitemap.xml".into(), urlset(paths))];
    }
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (i, chunk) in paths.chunks(SITEMAP_LIMIT).enumerate() {
        let name = format!("sitemap-{}.xml", i + 1);
        index.push_str(&format!("<sitemap><loc>{}</loc></sitemap>\n", esc(&urls::absolute(base_url, &name))));
        files.push((name, urlset(chunk)));
    }
    index.push_str("</sitemapindex>\n");
    files.push(("sitemap.xml".into(), index));
    files
}

/// robots.txt: everything may be indexed; the sitemap is named.
pub fn robots(base_url: &str) -> String {
    format!("User-agent: *\nAllow: /\nSitemap: {}\n", urls::absolute(base_url, "sitemap.xml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_and_sitemap_use_absolute_escaped_urls() {
        let e = Entry {
            title: "A & B".into(),
            path: "reports/a/2024/index.html".into(),
            date: "2025-01-20".into(),
            author: "某局".into(),
        };
        let feed = atom("站点", "https://x.gov.cn/xxgk/", &[e]);
        assert!(feed.contains("<id>https://x.gov.cn/xxgk/reports/a/2024/</id>"), "{feed}");
        assert!(feed.contains("<title>A &amp; B</title>"));
        assert!(feed.contains("<updated>2025-01-20T00:00:00Z</updated>"));
        let paths: Vec<String> = (0..SITEMAP_LIMIT + 1).map(|i| format!("p{i}/index.html")).collect();
        let maps = sitemaps("https://x.gov.cn/", &paths);
        assert_eq!(maps.len(), 3);
        assert!(maps[2].1.contains("<sitemapindex"));
    }
}
