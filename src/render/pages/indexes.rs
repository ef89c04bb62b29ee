//! The pages that list everything (home, agencies, years), plain pages,
//! 404, and the feed and sitemap.

use super::*;

/// Every HTML page of the site except 404.html, sorted (for the sitemap).
pub(super) fn html_paths(index: &Index<'_>) -> Vec<String> {
    let mut paths: Vec<String> = vec!["index.html".into(), "agencies/index.html".into(), "years/index.html".into()];
    paths.extend(index.agencies.keys().map(|s| urls::agency(s)));
    paths.extend(index.by_year.keys().map(|y| urls::year(*y)));
    paths.extend(index.site.content.pages.iter().map(|p| urls::page(&p.slug)));
    paths.extend(index.reports.iter().map(|r| urls::report(&r.agency, r.year)));
    paths.extend(super::catalogue::catalogue_paths(&super::catalogue::Catalogue::new(index)));
    paths.sort();
    paths
}

/// The pages that list everything: home, agencies, years; and the feeds.
pub fn render_indexes(index: &Index<'_>, templates: &Templates, sink: &dyn Sink) -> Result<(), BuildError> {
    let path = "agencies/index.html";
    let mut ctx = index.context(path, "机构列表".into(), "agencies", Index::site_alternates(path));
    ctx.insert("agencies", &agency_list(index));
    sink.put(path, templates.render("agencies.html", &ctx, path)?.as_bytes())?;
    let path = "years/index.html";
    let mut ctx = index.context(path, "年度列表".into(), "years", Index::site_alternates(path));
    ctx.insert("years", &year_list(index));
    sink.put(path, templates.render("years.html", &ctx, path)?.as_bytes())?;
    render_home(index, templates, sink)?;
    render_feeds(index, sink, &html_paths(index))?;
    Ok(())
}

/// Renders the plain pages (信息公开指南, 信息公开制度 …).
pub(super) fn render_pages(index: &Index<'_>, templates: &Templates, sink: &dyn Sink) -> Result<(), BuildError> {
    for p in &index.site.content.pages {
        let path = urls::page(&p.slug);
        let (html, toc) = markdown::render_html(&p.body, index.md);
        let mut ctx = index.context(&path, p.title.clone(), "page", Vec::new());
        ctx.insert("content_html", &html);
        ctx.insert("toc", &toc);
        sink.put(&path, templates.render("page.html", &ctx, &path)?.as_bytes())?;
    }
    Ok(())
}

#[derive(Serialize)]
pub(super) struct LatestItem<'a> {
    pub(super) title: String,
    pub(super) url: String,
    pub(super) agency_name: &'a str,
    pub(super) year: i32,
    published: Option<String>,
    /// A draft, marked 草稿 in the listing.
    pub(super) draft: bool,
}

/// Reports newest first: by publication date, else by year.
pub(super) fn newest(index: &Index<'_>) -> Vec<usize> {
    let key = |i: usize| {
        let r = index.report(i);
        (
            r.published.map_or((r.year + 1, 0, 0), |d| (d.year, d.month, d.day)),
            r.year,
            std::cmp::Reverse(r.agency.as_str()),
        )
    };
    let mut all: Vec<usize> = (0..index.reports.len()).collect();
    all.sort_unstable_by(|&a, &b| key(b).cmp(&key(a)).then(a.cmp(&b)));
    all
}

/// Documents the home page lists (the catalogue's own pages list the rest).
const HOME_DOCUMENTS: usize = 10;

pub(super) fn render_home(index: &Index<'_>, templates: &Templates, sink: &dyn Sink) -> Result<(), BuildError> {
    let path = "index.html";
    let mut ctx = index.context(path, index.site.config.title.clone(), "home", Index::site_alternates(path));
    let latest: Vec<LatestItem<'_>> = newest(index)
        .into_iter()
        .take(20)
        .map(|i| {
            let r = index.report(i);
            let name = index.agency_name(r);
            LatestItem {
                title: r.display_title(name),
                url: urls::report(&r.agency, r.year),
                agency_name: name,
                year: r.year,
                published: r.published.map(|d| d.to_string()),
                draft: r.draft,
            }
        })
        .collect();
    ctx.insert("latest", &latest);
    let cat = super::catalogue::Catalogue::new(index);
    let latest_documents: Vec<super::documents::DocEntry<'_>> =
        cat.docs.iter().take(HOME_DOCUMENTS).map(|d| super::documents::doc_entry(index, d)).collect();
    ctx.insert("latest_documents", &latest_documents);
    ctx.insert("agencies", &agency_list(index));
    ctx.insert("years", &year_list(index));
    sink.put(path, templates.render("index.html", &ctx, path)?.as_bytes())?;
    Ok(())
}

/// The 404 page is served at any depth, so its links are absolute paths from `base_url`.
pub(super) fn render_not_found(index: &Index<'_>, templates: &Templates, sink: &dyn Sink) -> Result<(), BuildError> {
    let path = "404.html";
    let mut ctx = index.context(path, "页面未找到".into(), "404", Vec::new());
    ctx.insert("root", &urls::base_path(&index.site.config.base_url));
    sink.put(path, templates.render("404.html", &ctx, path)?.as_bytes())?;
    Ok(())
}

/// Entries in the feed.
pub(super) const FEED_ENTRIES: usize = 100;

pub(super) fn render_feeds(index: &Index<'_>, sink: &dyn Sink, html_paths: &[String]) -> Result<(), WriteError> {
    let c = &index.site.config;
    let mut entries: Vec<feeds::Entry> = newest(index)
        .into_iter()
        .take(FEED_ENTRIES)
        .map(|i| {
            let r = index.report(i);
            let name = index.agency_name(r);
            // Atom requires a date: a report without `published` is dated at the end of its year.
            let date = r.published.map_or_else(|| format!("{}-12-31", r.year), |d| d.to_string());
            // A draft (a build with `--drafts`) says so to every reader of the feed.
            let title = r.display_title(name);
            feeds::Entry {
                title: if r.draft { format!("【草稿】{title}") } else { title },
                path: urls::report(&r.agency, r.year),
                date,
                author: name.to_owned(),
            }
        })
        .collect();
    // Documents beside reports, newest first (a stable sort keeps each kind's own order on a tie).
    let cat = super::catalogue::Catalogue::new(index);
    entries.extend(super::documents_data::document_feed_entries(index, &cat, FEED_ENTRIES));
    entries.sort_by(|a, b| b.date.cmp(&a.date));
    entries.truncate(FEED_ENTRIES);
    sink.put("feed.xml", feeds::atom(&c.title, &c.base_url, &entries).as_bytes())?;
    for (name, xml) in feeds::sitemaps(&c.base_url, html_paths) {
        sink.put(&name, xml.as_bytes())?;
    }
    sink.put("robots.txt", feeds::robots(&c.base_url).as_bytes())
}
