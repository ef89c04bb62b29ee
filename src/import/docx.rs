//! Word documents (.docx) to blocks: `word/document.xml` from the zip,
//! read with quick-xml. Paragraphs (`w:p`), list paragraphs (`w:numPr`),
//! tables (`w:tbl`) with merged cells (`w:gridSpan`, `w:vMerge`) repeated as
//! copies. A table inside a table cell is read as that cell's text.

use super::{Block, ImportError, SrcCell};
use quick_xml::events::{BytesStart, Event};
use std::io::Read;

/// The largest document.xml read (a report is well under 10 MB; a zip bomb is not).
const MAX_XML: u64 = 64 << 20;

/// A table being read.
#[derive(Default)]
struct Table {
    rows: Vec<Vec<SrcCell>>,
    row: Vec<SrcCell>,
    /// The current cell: text, gridSpan, vMerge continuation.
    cell: Option<(String, usize, bool)>,
}

/// Reader state.
#[derive(Default)]
struct State {
    out: Vec<Block>,
    tables: Vec<Table>,
    para: String,
    list_item: bool,
}

impl State {
    /// A paragraph ends: into the open cell (lines joined), else a block per line.
    fn end_para(&mut self) {
        let text = std::mem::take(&mut self.para);
        let item = std::mem::take(&mut self.list_item);
        if let Some(cell) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
            if !cell.0.is_empty() {
                cell.0.push('\n');
            }
            cell.0.push_str(&text);
            return;
        }
        for line in text.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
            self.out.push(if item { Block::Item(line.to_owned()) } else { Block::Para(line.to_owned()) });
        }
    }

    /// A cell ends: pushed once per grid column it spans; a `vMerge`
    /// continuation repeats the text above it as a copy.
    fn end_cell(&mut self) {
        let Some(t) = self.tables.last_mut() else { return };
        let Some((text, span, cont)) = t.cell.take() else { return };
        let col = t.row.len();
        let first = if cont {
            let above = t.rows.last().and_then(|r| r.get(col)).map(|c| c.text.clone()).unwrap_or_default();
            SrcCell { text: above, copy: true }
        } else {
            SrcCell { text, copy: false }
        };
        for i in 0..span {
            t.row.push(SrcCell { text: first.text.clone(), copy: first.copy || i > 0 });
        }
    }

    /// A table ends: a block, or, inside another table's cell, that cell's text.
    fn end_table(&mut self) {
        let Some(mut t) = self.tables.pop() else { return };
        if !t.row.is_empty() {
            t.rows.push(std::mem::take(&mut t.row));
        }
        if let Some(outer) = self.tables.last_mut().and_then(|o| o.cell.as_mut()) {
            for row in &t.rows {
                let line: Vec<&str> = row.iter().filter(|c| !c.copy).map(|c| c.text.as_str()).collect();
                outer.0.push('\n');
                outer.0.push_str(&line.join(" "));
            }
        } else {
            self.out.push(Block::Table(t.rows));
        }
    }

    /// An element opens (or is empty): tables, cells, spans, list marks, tabs and breaks.
    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        match e.name().as_ref() {
            "w:tbl" if !empty => self.tables.push(Table::default()),
            "w:tc" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell = Some((String::new(), 1, false));
                }
            }
            "w:gridSpan" => {
                let n = attr(e, "w:val").and_then(|v| v.parse::<usize>().ok()).unwrap_or(1).clamp(1, 64);
                if let Some(c) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    c.1 = n;
                }
            }
            "w:vMerge" => {
                let cont = attr(e, "w:val").is_none_or(|v| v == "continue");
                if let Some(c) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    c.2 = cont;
                }
            }
            "w:numPr" => self.list_item = true,
            "w:tab" => self.para.push(' '),
            "w:br" | "w:cr" => self.para.push('\n'),
            _ => {}
        }
    }

    /// An element closes.
    fn end(&mut self, name: &str) {
        match name {
            "w:p" => self.end_para(),
            "w:tc" => self.end_cell(),
            "w:tr" => {
                if let Some(t) = self.tables.last_mut() {
                    let row = std::mem::take(&mut t.row);
                    t.rows.push(row);
                }
            }
            "w:tbl" => self.end_table(),
            _ => {}
        }
    }
}

/// An attribute's value.
fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

/// The text of `word/document.xml`.
fn document_xml(bytes: &[u8]) -> Result<String, ImportError> {
    let bad = |e: &dyn std::fmt::Display| ImportError::Docx(e.to_string());
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| bad(&e))?;
    let file = zip.by_name("word/document.xml").map_err(|e| bad(&e))?;
    let mut xml = String::new();
    file.take(MAX_XML).read_to_string(&mut xml).map_err(|e| bad(&e))?;
    Ok(xml)
}

/// Reads a .docx into blocks.
pub fn blocks(bytes: &[u8]) -> Result<Vec<Block>, ImportError> {
    let xml = document_xml(bytes)?;
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut st = State::default();
    let mut in_text = false;
    loop {
        match reader.read_event().map_err(|e| ImportError::Docx(e.to_string()))? {
            Event::Start(e) => {
                in_text = e.name().as_ref() == "w:t";
                st.start(&e, false);
            }
            Event::Empty(e) => st.start(&e, true),
            Event::End(e) => {
                in_text = false;
                st.end(e.name().as_ref());
            }
            Event::Text(t) if in_text => st.para.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match &*r.xml10_content() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                st.para.extend(c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(st.out)
}
