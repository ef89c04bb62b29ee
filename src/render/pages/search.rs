//! The site search: every published report, document and plain page as an
//! entry of the index ([`crate::render::search`]), and the search page
//! (`search/index.html`, template `search.html`) that reads it.

use super::*;
use crate::model::{Document, Page};
use crate::render::search::{Entry, Kind, Writer, Written, text};

/// The search page.
pub const SEARCH_PAGE: &str = "search/index.html";

/// The entry of report `i`: its title, agency, year, narrative (`body`, as
/// its page read it) and the labels of its key figures.
pub(super) fn report_entry(index: &Index<'_>, i: usize, body: &str) -> Entry {
    let r = index.report(i);
    let name = index.agency_name(r);
    let mut extra: Vec<String> = r.form.key_figures.iter().map(|k| k.label.clone()).collect();
    extra.push(format!("{}年", r.year));
    Entry {
        kind: Kind::Report,
        title: r.display_title(name),
        url: urls::report(&r.agency, r.year),
        agency: Some((r.agency.clone(), name.to_owned())),
        year: Some(r.year),
        validity: None,
        doc_no: None,
        index_no: None,
        text: text::plain_text(body),
        extra,
    }
}

/// The entry of a document of the catalogue.
fn document_entry(index: &Index<'_>, d: &Document) -> Entry {
    let name = index.agency(&d.agency).map_or_else(String::new, |a| a.name.clone());
    Entry {
        kind: Kind::Document,
        title: d.title.clone(),
        url: urls::document(&d.id),
        agency: (!d.agency.is_empty()).then(|| (d.agency.clone(), name)),
        year: d.published.or(d.written).map(|date| date.year),
        validity: Some(d.validity.code()),
        doc_no: d.doc_no.clone(),
        index_no: d.index_no.clone(),
        text: text::plain_text(&d.body),
        extra: d.topic.iter().chain(&d.kind).cloned().collect(),
    }
}

/// The entry of a plain page.
fn page_entry(p: &Page) -> Entry {
    Entry {
        kind: Kind::Page,
        title: p.title.clone(),
        url: urls::page(&p.slug),
        agency: None,
        year: None,
        validity: None,
        doc_no: None,
        index_no: None,
        text: text::plain_text(&p.body),
        extra: Vec::new(),
    }
}

/// Adds every document and page to the index whose reports `writer`
/// already holds (they are added as their pages are rendered), and writes
/// it; returns its shape.
fn write_index(index: &Index<'_>, mut writer: Writer, sink: &dyn Sink) -> Result<Written, WriteError> {
    for chunk in index.documents().chunks(CHUNK) {
        let entries: Vec<Entry> = chunk.par_iter().map(|d| document_entry(index, d)).collect();
        writer.add_all(&entries, sink)?;
    }
    let pages: Vec<Entry> = index.site.content.pages.iter().map(page_entry).collect();
    writer.add_all(&pages, sink)?;
    writer.finish(sink)
}

/// An option of a filter.
#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
}

/// What the search page's template sees besides the common context.
#[derive(Serialize)]
struct SearchCtx {
    /// Shards and entries of the index.
    index: Written,
    agencies: Vec<Choice>,
    years: Vec<i32>,
    /// Whether the catalogue has documents (the 有效性 filter and its listing).
    documents: bool,
}

/// Writes the search index and the search page.
/// `writer` holds the published reports, added as their pages were rendered.
pub fn render_search(
    index: &Index<'_>,
    templates: &Templates,
    sink: &dyn Sink,
    writer: Writer,
) -> Result<(), BuildError> {
    let started = std::time::Instant::now();
    let written = write_index(index, writer, sink)?;
    // For bench/run.sh only: the index's own share of the build.
    if std::env::var_os("GONGKAI_BENCH_SEARCH").is_some() {
        eprintln!(
            "search-index entries={} shards={} shard_bytes={} ms={}",
            written.entries,
            written.shards,
            written.shard_bytes,
            started.elapsed().as_millis()
        );
    }
    let mut years: Vec<i32> = index.by_year.keys().copied().collect();
    years.extend(index.documents().iter().filter_map(|d| d.published.or(d.written)).map(|d| d.year));
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let search = SearchCtx {
        index: written,
        agencies: index.agencies().map(|a| Choice { value: a.slug.clone(), label: a.name.clone() }).collect(),
        years,
        documents: !index.documents().is_empty(),
    };
    let mut ctx = index.context(SEARCH_PAGE, "站内检索".into(), "search", Vec::new());
    ctx.insert("search", &search);
    sink.put(SEARCH_PAGE, templates.render("search.html", &ctx, SEARCH_PAGE)?.as_bytes())?;
    Ok(())
}
