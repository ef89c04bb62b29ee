//! The catalogue as open data (`data/documents.json`, `data/documents.csv`)
//! and as entries of the Atom feed. Field names are English and stable;
//! 有效性 is `valid`, `expired` or `repealed`; dates are ISO 8601; URLs are
//! relative to the site root.

use super::catalogue::Catalogue;
use super::*;
use crate::model::Document;
use crate::render::data::csv_text;

/// The header of `data/documents.csv`: the fields of `data/documents.json`
/// in the same order, lists joined by `;`.
pub const DOCUMENTS_CSV_HEADER: &str = "id,title,url,index_no,agency,agency_name,written,published,doc_no,topic,kind,item,item_text,validity,validity_since,replaced_by,interprets,interpreted_by,attachments\n";

/// An attachment in `data/documents.json`.
#[derive(Serialize)]
struct AttachmentRecord<'a> {
    name: &'a str,
    title: &'a str,
    size: u64,
    url: String,
}

/// A document in `data/documents.json`.
#[derive(Serialize)]
struct DocumentRecord<'a> {
    id: &'a str,
    title: &'a str,
    url: String,
    index_no: Option<&'a str>,
    agency: &'a str,
    agency_name: &'a str,
    written: Option<String>,
    published: Option<String>,
    doc_no: Option<&'a str>,
    topic: Option<&'a str>,
    kind: Option<&'a str>,
    item: Option<u8>,
    item_text: Option<&'a str>,
    validity: &'static str,
    validity_since: Option<String>,
    replaced_by: Option<&'a str>,
    interprets: Vec<&'a str>,
    interpreted_by: Vec<&'a str>,
    attachments: Vec<AttachmentRecord<'a>>,
}

fn record<'a>(index: &Index<'a>, cat: &'a Catalogue<'a>, d: &'a Document) -> DocumentRecord<'a> {
    DocumentRecord {
        id: &d.id,
        title: &d.title,
        url: urls::encode_path(&urls::document(&d.id)),
        index_no: d.index_no.as_deref(),
        agency: &d.agency,
        agency_name: index.agency(&d.agency).map_or(d.agency.as_str(), |a| a.name.as_str()),
        written: d.written.map(|p| p.to_string()),
        published: d.published.map(|p| p.to_string()),
        doc_no: d.doc_no.as_deref(),
        topic: d.topic.as_deref(),
        kind: d.kind.as_deref(),
        item: d.item,
        item_text: d.item.and_then(|n| cat.vocabulary.item(n)),
        validity: d.validity.code(),
        validity_since: d.validity.since().map(|p| p.to_string()),
        replaced_by: d.replaced_by.as_deref(),
        interprets: d.interprets.iter().map(String::as_str).collect(),
        interpreted_by: cat.interpretations(&d.id).map(|i| i.id.as_str()).collect(),
        attachments: d
            .attachments
            .iter()
            .map(|a| AttachmentRecord {
                name: &a.name,
                title: &a.title,
                size: a.size,
                url: urls::encode_path(&format!("{}{}", urls::document_dir(&d.id), a.name)),
            })
            .collect(),
    }
}

/// One row of `data/documents.csv`.
fn csv_row(r: &DocumentRecord<'_>) -> String {
    let opt = |s: Option<&str>| s.map_or_else(String::new, |s| csv_text(s).into_owned());
    let fields = [
        csv_text(r.id).into_owned(),
        csv_text(r.title).into_owned(),
        csv_text(&r.url).into_owned(),
        opt(r.index_no),
        csv_text(r.agency).into_owned(),
        csv_text(r.agency_name).into_owned(),
        opt(r.written.as_deref()),
        opt(r.published.as_deref()),
        opt(r.doc_no),
        opt(r.topic),
        opt(r.kind),
        r.item.map_or_else(String::new, |n| n.to_string()),
        opt(r.item_text),
        r.validity.to_owned(),
        opt(r.validity_since.as_deref()),
        opt(r.replaced_by),
        csv_text(&r.interprets.join(";")).into_owned(),
        csv_text(&r.interpreted_by.join(";")).into_owned(),
        csv_text(&r.attachments.iter().map(|a| a.name).collect::<Vec<_>>().join(";")).into_owned(),
    ];
    let mut row = fields.join(",");
    row.push('\n');
    row
}

/// Writes `data/documents.json` and `data/documents.csv`, newest first.
pub(super) fn render_documents_data(index: &Index<'_>, cat: &Catalogue<'_>, sink: &dyn Sink) -> Result<(), WriteError> {
    let mut json = String::from("[");
    let mut csv = format!("\u{feff}{DOCUMENTS_CSV_HEADER}");
    for (i, d) in cat.docs.iter().enumerate() {
        let r = record(index, cat, d);
        json.push_str(if i == 0 { "\n" } else { ",\n" });
        // Plain data of owned strings and numbers: serialising it cannot fail.
        json.push_str(&serde_json::to_string(&r).unwrap_or_default());
        csv.push_str(&csv_row(&r));
    }
    json.push_str(if cat.docs.is_empty() { "]\n" } else { "\n]\n" });
    sink.put("data/documents.json", json.as_bytes())?;
    sink.put("data/documents.csv", csv.as_bytes())
}

/// The newest documents as feed entries (at most `n`); a document without
/// a 发布日期 is left out, as Atom needs a date.
pub(super) fn document_feed_entries(index: &Index<'_>, cat: &Catalogue<'_>, n: usize) -> Vec<feeds::Entry> {
    cat.docs
        .iter()
        .filter_map(|d| {
            let date = d.published?;
            Some(feeds::Entry {
                title: d.title.clone(),
                path: urls::encode_path(&urls::document(&d.id)),
                date: date.to_string(),
                author: index.agency(&d.agency).map_or_else(|| d.agency.clone(), |a| a.name.clone()),
            })
        })
        .take(n)
        .collect()
}
