//! A document's page (`documents/<folder>/<name>/index.html`): its metadata
//! block as a table, its 有效性 said in words, its body, its attachments,
//! and the links between it and its 解读.

use super::catalogue::{Catalogue, item_label};
use super::*;
use crate::model::Document;
use crate::render::urls::Listing;

/// A document as a listing or a link shows it.
#[derive(Serialize)]
pub(super) struct DocEntry<'a> {
    pub(super) id: &'a str,
    pub(super) title: &'a str,
    /// The page, relative to the site root, ready for an `href`.
    pub(super) url: String,
    pub(super) doc_no: Option<&'a str>,
    pub(super) agency_name: &'a str,
    pub(super) published: Option<String>,
    /// 有效 / 失效 / 废止.
    pub(super) validity: &'static str,
    pub(super) in_force: bool,
}

/// A document as listings show it.
pub(super) fn doc_entry<'a>(index: &Index<'a>, d: &'a Document) -> DocEntry<'a> {
    DocEntry {
        id: &d.id,
        title: &d.title,
        url: urls::encode_path(&urls::document(&d.id)),
        doc_no: d.doc_no.as_deref(),
        agency_name: index.agency(&d.agency).map_or(d.agency.as_str(), |a| a.name.as_str()),
        published: d.published.map(|p| p.to_string()),
        validity: d.validity.word(),
        in_force: d.validity.in_force(),
    }
}

/// A link to another document: to its page when it is published, else its id as text.
#[derive(Serialize)]
pub(super) struct DocRef<'a> {
    pub(super) id: &'a str,
    pub(super) entry: Option<DocEntry<'a>>,
}

fn doc_ref<'a>(index: &Index<'a>, cat: &Catalogue<'a>, id: &'a str) -> DocRef<'a> {
    DocRef { id, entry: cat.get(id).map(|d| doc_entry(index, d)) }
}

/// A link to a listing with its label.
#[derive(Serialize)]
pub(super) struct ListingLink {
    pub(super) label: String,
    pub(super) url: String,
}

#[derive(Serialize)]
struct ValidityCtx<'a> {
    word: &'static str,
    code: &'static str,
    in_force: bool,
    since: Option<String>,
    replaced_by: Option<DocRef<'a>>,
}

#[derive(Serialize)]
struct ItemCtx {
    label: String,
    text: String,
    url: String,
}

#[derive(Serialize)]
struct DocumentCtx<'a> {
    id: &'a str,
    title: &'a str,
    index_no: Option<&'a str>,
    agency_name: &'a str,
    /// The agency's page, when the agency is published.
    agency_url: Option<String>,
    /// The agency's documents.
    agency_documents_url: Option<String>,
    written: Option<String>,
    published: Option<String>,
    doc_no: Option<&'a str>,
    topic: Option<&'a str>,
    topic_url: Option<String>,
    kind: Option<&'a str>,
    item: Option<ItemCtx>,
    validity: ValidityCtx<'a>,
    /// What this 解读 interprets.
    interprets: Vec<DocRef<'a>>,
    /// The 解读 of this document.
    interpreted_by: Vec<DocEntry<'a>>,
    body_html: String,
}

fn document_ctx<'a>(index: &Index<'a>, cat: &Catalogue<'a>, d: &'a Document) -> DocumentCtx<'a> {
    let agency = index.agency(&d.agency);
    let topic_n = d.topic.as_deref().and_then(|t| cat.vocabulary.topic_number(t));
    let (body_html, _) = markdown::render_html(&d.body, index.md);
    DocumentCtx {
        id: &d.id,
        title: &d.title,
        index_no: d.index_no.as_deref(),
        agency_name: agency.map_or(d.agency.as_str(), |a| a.name.as_str()),
        agency_url: agency.map(|a| urls::agency(&a.slug)),
        agency_documents_url: index.agency_documents(&d.agency),
        written: d.written.map(|p| p.to_string()),
        published: d.published.map(|p| p.to_string()),
        doc_no: d.doc_no.as_deref(),
        topic: d.topic.as_deref(),
        topic_url: topic_n.map(|n| Listing::Topic(n).page(false, 1)),
        kind: d.kind.as_deref(),
        item: d.item.and_then(|n| {
            let text = cat.vocabulary.item(n)?;
            Some(ItemCtx { label: item_label(n), text: text.to_owned(), url: Listing::Item(n).page(false, 1) })
        }),
        validity: ValidityCtx {
            word: d.validity.word(),
            code: d.validity.code(),
            in_force: d.validity.in_force(),
            since: d.validity.since().map(|p| p.to_string()),
            replaced_by: d.replaced_by.as_deref().map(|id| doc_ref(index, cat, id)),
        },
        interprets: d.interprets.iter().map(|id| doc_ref(index, cat, id)).collect(),
        interpreted_by: cat.interpretations(&d.id).map(|i| doc_entry(index, i)).collect(),
        body_html,
    }
}

/// Renders one document's page.
pub(super) fn render_document<'a>(
    index: &Index<'a>,
    cat: &Catalogue<'a>,
    templates: &Templates,
    sink: &dyn Sink,
    d: &'a Document,
) -> Result<(), BuildError> {
    let path = urls::document(&d.id);
    let mut ctx = index.context(&path, d.title.clone(), "document", Vec::new());
    ctx.insert("document", &document_ctx(index, cat, d));
    // What `attachments.html` lists; the files go beside the page, as a report's do.
    ctx.insert("attachments", &crate::render::attachments::views(&d.attachments));
    sink.put(&path, templates.render("document.html", &ctx, &path)?.as_bytes())?;
    let dir = path.strip_suffix("index.html").unwrap_or(&path);
    crate::render::attachments::copy(dir, &d.attachments, sink)
}

/// Renders every document's page, in parallel.
pub(super) fn render_documents(
    index: &Index<'_>,
    cat: &Catalogue<'_>,
    templates: &Templates,
    sink: &dyn Sink,
) -> Result<(), BuildError> {
    cat.docs.par_iter().try_for_each(|d| render_document(index, cat, templates, sink, d))
}
