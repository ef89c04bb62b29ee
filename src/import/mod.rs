//! `gongkai import`: published reports (saved web pages, Word documents,
//! copied text) back into report files, without retyping a figure.
//!
//! Every source is first turned into the same simple shape, a list of
//! [`Block`]s (paragraphs, list items, tables as rows of cells with merged
//! cells repeated), by a reader per format: [`html`], [`docx`], [`text`]
//! (bytes decoded by [`decode`]). Then [`tables`] puts each figure in its
//! form cell by matching row labels against the form's header trees,
//! [`narrative`] keeps the rest as Markdown under the six section headings and
//! reads the metadata, and [`write`](mod@write) emits the report file. Every
//! number of the source ends up in the [`Figure`] list with its fate, so
//! nothing is dropped silently.

pub mod decode;
pub mod docx;
pub mod html;
pub mod narrative;
pub mod tables;
pub mod text;
pub mod write;

use crate::form::Form;
use std::path::Path;

/// One cell of a source table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SrcCell {
    /// The cell's text, whitespace kept (line breaks inside labels included).
    pub text: String,
    /// A repetition of a merged cell (rowspan/colspan): a label for matching,
    /// never a figure of its own.
    pub copy: bool,
}

/// A piece of the source document, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph (or a heading: sections are recognised by their words).
    Para(String),
    /// An item of a bulleted or numbered list.
    Item(String),
    /// A table: rows of cells, merged cells repeated as copies.
    Table(Vec<Vec<SrcCell>>),
    /// Text that is not part of the report (a copied file's source URL and
    /// `#` notes): kept out of the narrative, its numbers listed as skipped.
    Note(String),
}

/// What happened to one number of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fate {
    /// Put in a form cell: its row (`table.row`) and column ids.
    Placed(String, String),
    /// Not a number: a cell printed blank, imported as `~` (its row and
    /// column ids), listed so that each placed row reads as printed.
    Blank(String, String),
    /// Part of the narrative (text or a small narrative table).
    Narrative,
    /// A figure of a form table that could not be put in a cell, and why.
    Unplaced(String),
    /// Outside the report (page chrome, notes): not imported.
    Skipped,
}

/// One number of the source and its fate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// The number as printed.
    pub text: String,
    /// Where it came from: a row label or the start of its paragraph.
    pub context: String,
    /// Where it went.
    pub fate: Fate,
    /// Index of its block in the source, to list figures in reading order.
    pub at: usize,
}

/// The format of a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// A saved web page.
    Html,
    /// A Word document.
    Docx,
    /// Copied text.
    Text,
}

/// Why a source cannot be imported. Messages are in the run's language.
#[derive(Debug)]
pub enum ImportError {
    /// The file cannot be read (the cause is said in the message).
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A .docx that is not a valid Word document: the reader's words.
    Docx(String),
    /// A format that cannot be read (old .doc, PDF, images).
    Unsupported(Unreadable),
    /// No report year: neither stated in the title nor given with `--year`.
    NoYear,
    /// No form covers the year.
    NoForm(i32),
    /// Two site forms apply to the agency's report of the year.
    Forms(crate::form::FormConflict),
}

/// A kind of file gongkai cannot import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    /// A PDF file.
    Pdf,
    /// An old Word (.doc) or WPS file.
    OldWord,
    /// Other binary data (images and the like).
    Binary,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            ImportError::Io { path, source } => {
                crate::t!("import-read-failed", path = path, reason = crate::os::reason(source))
            }
            ImportError::Docx(why) => crate::t!("import-bad-docx", detail = why),
            ImportError::Unsupported(what) => {
                let what = match what {
                    Unreadable::Pdf => crate::t!("import-kind-pdf"),
                    Unreadable::OldWord => crate::t!("import-kind-old-word"),
                    Unreadable::Binary => crate::t!("import-kind-binary"),
                };
                crate::t!("import-unsupported", what = what)
            }
            ImportError::NoYear => crate::t!("import-no-year"),
            ImportError::NoForm(year) => crate::t!("import-no-form", year = year),
            ImportError::Forms(conflict) => conflict.to_string(),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ImportError {}

/// What an import produced, before it is written.
#[derive(Debug, Clone)]
pub struct Imported {
    /// Report year.
    pub year: i32,
    /// Metadata read from the source.
    pub meta: narrative::Meta,
    /// The form's tables as filled from the source.
    pub filled: tables::Filled,
    /// The Markdown narrative.
    pub body: String,
    /// Every number of the source and its fate.
    pub figures: Vec<Figure>,
}

impl Imported {
    /// The figures of form tables that could not be placed.
    pub fn unplaced(&self) -> impl Iterator<Item = &Figure> {
        self.figures.iter().filter(|f| matches!(f.fate, Fate::Unplaced(_)))
    }
}

/// The format of a file, from its name, else from its first bytes.
pub fn kind_of(path: &Path, bytes: &[u8]) -> SourceKind {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("docx") => SourceKind::Docx,
        Some("html" | "htm" | "shtml" | "xhtml" | "jsp" | "asp" | "aspx" | "php") => SourceKind::Html,
        _ if bytes.starts_with(b"PK\x03\x04") => SourceKind::Docx,
        _ => {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
            if head.contains("<html") || head.contains("<!doctype html") || head.contains("<table") {
                SourceKind::Html
            } else {
                SourceKind::Text
            }
        }
    }
}

/// What a file is when it is none of the readable formats: an old Word
/// file, a PDF, an image or other binary data. Importing those as text would
/// turn bytes into a narrative.
fn unreadable(bytes: &[u8]) -> Option<Unreadable> {
    if bytes.starts_with(b"%PDF") {
        Some(Unreadable::Pdf)
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some(Unreadable::OldWord)
    } else if bytes[..bytes.len().min(4096)].contains(&0)
        && !bytes.starts_with(b"PK")
        && encoding_rs::Encoding::for_bom(bytes).is_none()
    {
        Some(Unreadable::Binary)
    } else {
        None
    }
}

/// Reads a source into blocks.
pub fn blocks(path: &Path, bytes: &[u8]) -> Result<Vec<Block>, ImportError> {
    if let Some(what) = unreadable(bytes) {
        return Err(ImportError::Unsupported(what));
    }
    Ok(match kind_of(path, bytes) {
        SourceKind::Html => html::blocks(&decode::decode(bytes, true)),
        SourceKind::Docx => docx::blocks(bytes)?,
        SourceKind::Text => text::blocks(&decode::decode(bytes, false)),
    })
}

/// Imports a source's blocks: the year (from `year`, else the title), its
/// form from `forms` (the one that applies to `agency`'s report of the year
/// when the agency is known, else the national form of the year), the
/// tables' figures and the narrative.
pub fn import_blocks(
    blocks: &[Block],
    forms: &crate::form::Forms,
    agency: Option<&str>,
    year: Option<i32>,
) -> Result<Imported, ImportError> {
    let meta = narrative::meta(blocks);
    let year = year.or(meta.year).ok_or(ImportError::NoYear)?;
    let form = form_for(forms, agency, year)?;
    Ok(import_with_form(blocks, form, year, meta))
}

/// The form a report of `agency` (if known) for `year` follows.
pub fn form_for<'f>(
    forms: &'f crate::form::Forms,
    agency: Option<&str>,
    year: i32,
) -> Result<&'f crate::form::Form, ImportError> {
    let form = match agency {
        Some(slug) => forms.for_report(slug, year).map_err(ImportError::Forms)?,
        None => forms.for_year(year),
    };
    form.map(|f| f.as_ref()).ok_or(ImportError::NoForm(year))
}

/// The import proper, once the form is known.
fn import_with_form(blocks: &[Block], form: &Form, year: i32, meta: narrative::Meta) -> Imported {
    let mut figures = Vec::new();
    let layout = narrative::layout(blocks, form);
    let placed = tables::place(blocks, form, &layout.section, &mut figures);
    let body = narrative::body(blocks, &layout, &placed.form_blocks, &mut figures);
    figures.sort_by_key(|f| f.at);
    Imported { year, meta, filled: placed.filled, body, figures }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreadable_formats_are_refused_with_advice() {
        let pdf = blocks(Path::new("a.pdf"), b"%PDF-1.7 ...").unwrap_err().to_string();
        assert!(pdf.contains("PDF") && pdf.contains(".docx"), "{pdf}");
        let doc = blocks(Path::new("a.doc"), &[0xD0, 0xCF, 0x11, 0xE0, 0, 0]).unwrap_err().to_string();
        assert!(doc.contains(".doc"), "{doc}");
        assert!(blocks(Path::new("a.txt"), "标题\n正文".as_bytes()).is_ok());
    }
}
