//! The binary form of one memo: a report as parsed and checked by
//! [`crate::check::check_text`], and the findings made on the way.
//!
//! Written by hand, not derived: the model has no serde derives to keep
//! (it is shaped for checking, not for storage), and a hand-written format
//! has no dependency and decodes 10,000 reports in milliseconds. Every
//! encoder destructures its type without `..`, so a field added to the model
//! and forgotten here is a compile error, not a memo that silently loses it.
//!
//! Numbers are LEB128 varints (signed ones zigzagged), strings a length and
//! UTF-8 bytes. Decoding checks everything and answers `None` for anything
//! malformed: a damaged memo is a miss, never a wrong report.

use crate::diag::{Diagnostic, Label, Pos, Severity};
use crate::form::Forms;
use crate::model::{
    Attachment, Cell, CellValue, Date, Decimal, Heading, Narrative, Notice, Report, Source, TableData, Unit, Unreported,
};
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Appends values to a memo.
#[derive(Default)]
struct Enc(Vec<u8>);

impl Enc {
    /// An unsigned number.
    fn u(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.0.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
    }

    /// A signed number, zigzagged.
    fn i(&mut self, v: i64) {
        self.u(((v << 1) ^ (v >> 63)) as u64);
    }

    /// A length or index.
    fn n(&mut self, v: usize) {
        self.u(v as u64);
    }

    /// A boolean.
    fn b(&mut self, v: bool) {
        self.0.push(u8::from(v));
    }

    /// A string.
    fn s(&mut self, v: &str) {
        self.n(v.len());
        self.0.extend_from_slice(v.as_bytes());
    }

    /// An optional string.
    fn os(&mut self, v: Option<&str>) {
        self.b(v.is_some());
        if let Some(v) = v {
            self.s(v);
        }
    }

    /// A place in a file.
    fn pos(&mut self, Pos { line, col, len }: Pos) {
        self.u(u64::from(line));
        self.u(u64::from(col));
        self.u(u64::from(len));
    }

    /// A path ([`encode`] remembers only files whose paths are Unicode).
    fn path(&mut self, p: &Path) {
        self.s(&p.to_string_lossy());
    }
}

/// Reads values from a memo; every read is `None` past the end or on a malformed value.
struct Dec<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Dec<'a> {
    /// Reads `bytes` from the start.
    fn new(bytes: &'a [u8]) -> Dec<'a> {
        Dec { bytes, at: 0 }
    }

    /// Whether every byte has been read: a memo with bytes left over is malformed.
    fn is_done(&self) -> bool {
        self.at == self.bytes.len()
    }

    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn u(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    fn i(&mut self) -> Option<i64> {
        let v = self.u()?;
        Some(((v >> 1) as i64) ^ -((v & 1) as i64))
    }

    fn n(&mut self) -> Option<usize> {
        usize::try_from(self.u()?).ok()
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.u()?).ok()
    }

    fn u8(&mut self) -> Option<u8> {
        u8::try_from(self.u()?).ok()
    }

    fn b(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn s(&mut self) -> Option<String> {
        let len = self.n()?;
        let end = self.at.checked_add(len)?;
        let bytes = self.bytes.get(self.at..end)?;
        self.at = end;
        String::from_utf8(bytes.to_vec()).ok()
    }

    fn os(&mut self) -> Option<Option<String>> {
        if self.b()? { self.s().map(Some) } else { Some(None) }
    }

    fn pos(&mut self) -> Option<Pos> {
        Some(Pos { line: self.u32()?, col: self.u32()?, len: self.u32()? })
    }

    /// `count` items read by `item`; the count is bounded by the bytes left,
    /// so a damaged count cannot ask for a huge allocation.
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let count = self.n()?;
        if count > self.bytes.len() - self.at {
            return None;
        }
        let mut out = Vec::with_capacity(count);
        for _ in 0..count {
            out.push(item(self)?);
        }
        Some(out)
    }
}

/// Encodes what loading the report file `own` gave: the report (if it
/// parsed) and the findings. `None` when a path is not Unicode (such a
/// memo could not be read back as it was): that file is not remembered.
pub fn encode(own: &Path, report: Option<&Report>, diags: &[Diagnostic]) -> Option<Vec<u8>> {
    let paths = report.into_iter().flat_map(|r| r.attachments.iter().map(|a| a.source.as_path()));
    let paths = paths.chain(diags.iter().flat_map(|d| d.related.iter().map(|l| l.file.as_path())));
    if own.to_str().is_none() || diags.iter().map(|d| d.file.as_path()).chain(paths).any(|p| p.to_str().is_none()) {
        return None;
    }
    let mut enc = Enc::default();
    enc.b(report.is_some());
    if let Some(r) = report {
        encode_report(r, &mut enc);
    }
    enc.n(diags.len());
    for d in diags {
        encode_diag(d, d.file.as_path() == own, &mut enc);
    }
    Some(enc.0)
}

/// Decodes a memo of the report file `file`, with its form taken from `forms`.
pub fn decode(bytes: &[u8], file: &Arc<PathBuf>, forms: &Forms) -> Option<(Option<Report>, Vec<Diagnostic>)> {
    let mut dec = Dec::new(bytes);
    let report = if dec.b()? { Some(decode_report(&mut dec, file, forms)?) } else { None };
    let diags = dec.list(|d| decode_diag(d, file))?;
    dec.is_done().then_some((report, diags))
}

fn encode_report(r: &Report, e: &mut Enc) {
    let Report {
        file: _, // the memo's own file, known when it is read
        agency,
        year,
        year_pos,
        title,
        published,
        published_pos,
        form,
        tables,
        body_hash,
        body_line,
        narrative,
        sentences,
        as_published,
        notices,
        draft,
        source_hash,
        unreported,
        attachments,
    } = r;
    e.s(agency);
    e.i(i64::from(*year));
    e.pos(*year_pos);
    e.os(title.as_deref());
    e.b(published.is_some());
    if let Some(Date { year, month, day }) = published {
        e.i(i64::from(*year));
        e.u(u64::from(*month));
        e.u(u64::from(*day));
    }
    e.pos(*published_pos);
    e.s(&form.id);
    e.n(tables.len());
    for t in tables {
        encode_table(t, e);
    }
    e.u(*body_hash);
    e.u(u64::from(*body_line));
    let Narrative { level, headings } = narrative;
    e.u(u64::from(*level));
    e.n(headings.len());
    for Heading { level, text, pos, section } in headings {
        e.u(u64::from(*level));
        e.s(text);
        e.pos(*pos);
        e.b(section.is_some());
        e.n(section.unwrap_or(0));
    }
    e.n(sentences.len());
    for (hash, len) in sentences {
        e.u(*hash);
        e.u(u64::from(*len));
    }
    e.b(*as_published);
    e.n(notices.len());
    for Notice { code, table, message } in notices {
        e.s(code);
        e.s(table);
        e.s(message);
    }
    e.b(*draft);
    e.u(*source_hash);
    e.n(unreported.len());
    for Unreported { rule, pos, word } in unreported {
        e.n(*rule);
        e.pos(*pos);
        e.os(word.as_deref());
    }
    e.n(attachments.len());
    for Attachment { source, name, title, size, hash, pos } in attachments {
        e.path(source);
        e.s(name);
        e.s(title);
        e.u(*size);
        e.u(*hash);
        e.pos(*pos);
    }
}

fn decode_report(d: &mut Dec<'_>, file: &Arc<PathBuf>, forms: &Forms) -> Option<Report> {
    let agency = d.s()?;
    let year = i32::try_from(d.i()?).ok()?;
    let year_pos = d.pos()?;
    let title = d.os()?;
    let published = if d.b()? {
        let year = i32::try_from(d.i()?).ok()?;
        Some(Date::new(year, d.u8()?, d.u8()?)?)
    } else {
        None
    };
    let published_pos = d.pos()?;
    let form = Arc::clone(forms.by_id(&d.s()?)?);
    let tables = d.list(decode_table)?;
    let body_hash = d.u()?;
    let body_line = d.u32()?;
    let level = d.u8()?;
    let headings = d.list(|d| {
        let level = d.u8()?;
        let text = d.s()?;
        let pos = d.pos()?;
        let has_section = d.b()?;
        let section = d.n()?;
        Some(Heading { level, text, pos, section: has_section.then_some(section) })
    })?;
    let sentences = d.list(|d| Some((d.u()?, d.u32()?)))?;
    let as_published = d.b()?;
    let notices = d.list(|d| Some(Notice { code: d.s()?, table: d.s()?, message: d.s()? }))?;
    let draft = d.b()?;
    let source_hash = d.u()?;
    let unreported = d.list(|d| Some(Unreported { rule: d.n()?, pos: d.pos()?, word: d.os()? }))?;
    let attachments = d.list(|d| {
        Some(Attachment {
            source: PathBuf::from(d.s()?),
            name: d.s()?,
            title: d.s()?,
            size: d.u()?,
            hash: d.u()?,
            pos: d.pos()?,
        })
    })?;
    Some(Report {
        file: Arc::clone(file),
        agency,
        year,
        year_pos,
        title,
        published,
        published_pos,
        form,
        tables,
        body_hash,
        body_line,
        narrative: Narrative { level, headings },
        sentences,
        as_published,
        notices,
        draft,
        source_hash,
        unreported,
        attachments,
    })
}

fn encode_table(t: &TableData, e: &mut Enc) {
    let TableData { cells, cols, pos, given } = t;
    e.n(*cols);
    e.pos(*pos);
    e.b(*given);
    e.n(cells.len());
    for Cell { value, source, pos } in cells {
        e.0.push(match source {
            Source::Given => 0,
            Source::Blank => 1,
            Source::Omitted => 2,
            Source::Computed => 3,
        });
        match value {
            CellValue::Int(n) => {
                e.0.push(0);
                e.i(*n);
            }
            CellValue::Decimal(v) => {
                e.0.push(1);
                encode_decimal(*v, e);
            }
            CellValue::Money(v, unit) => {
                e.0.push(match unit {
                    None => 2,
                    Some(Unit::Yuan) => 3,
                    Some(Unit::WanYuan) => 4,
                });
                encode_decimal(*v, e);
            }
        }
        e.pos(*pos);
    }
}

fn encode_decimal(v: Decimal, e: &mut Enc) {
    let Decimal { units, scale } = v;
    e.i(units);
    e.u(u64::from(scale));
}

fn decode_table(d: &mut Dec<'_>) -> Option<TableData> {
    let cols = d.n()?;
    let pos = d.pos()?;
    let given = d.b()?;
    let cells = d.list(|d| {
        let source = match d.byte()? {
            0 => Source::Given,
            1 => Source::Blank,
            2 => Source::Omitted,
            3 => Source::Computed,
            _ => return None,
        };
        let value = match d.byte()? {
            0 => CellValue::Int(d.i()?),
            1 => CellValue::Decimal(decode_decimal(d)?),
            2 => CellValue::Money(decode_decimal(d)?, None),
            3 => CellValue::Money(decode_decimal(d)?, Some(Unit::Yuan)),
            4 => CellValue::Money(decode_decimal(d)?, Some(Unit::WanYuan)),
            _ => return None,
        };
        Some(Cell { value, source, pos: d.pos()? })
    })?;
    Some(TableData { cells, cols, pos, given })
}

fn decode_decimal(d: &mut Dec<'_>) -> Option<Decimal> {
    Some(Decimal { units: d.i()?, scale: d.u8()? })
}

fn encode_diag(diag: &Diagnostic, own_file: bool, e: &mut Enc) {
    let Diagnostic { severity, code, message, file, pos, label, related, help, snippet } = diag;
    e.0.push(match severity {
        Severity::Notice => 0,
        Severity::Warning => 1,
        Severity::Error => 2,
    });
    e.s(code);
    e.s(message);
    e.b(own_file);
    if !own_file {
        e.path(file);
    }
    e.pos(*pos);
    e.s(label);
    e.n(related.len());
    for Label { file, pos, text } in related {
        e.path(file);
        e.pos(*pos);
        e.s(text);
    }
    e.os(help.as_deref());
    e.b(*snippet);
}

fn decode_diag(d: &mut Dec<'_>, own: &Arc<PathBuf>) -> Option<Diagnostic> {
    let severity = match d.byte()? {
        0 => Severity::Notice,
        1 => Severity::Warning,
        2 => Severity::Error,
        _ => return None,
    };
    let code = Cow::Owned(d.s()?);
    let message = d.s()?;
    let file = if d.b()? { Arc::clone(own) } else { Arc::new(PathBuf::from(d.s()?)) };
    let pos = d.pos()?;
    let label = d.s()?;
    let related = d.list(|d| {
        let file = PathBuf::from(d.s()?);
        let file = if file == **own { Arc::clone(own) } else { Arc::new(file) };
        Some(Label { file, pos: d.pos()?, text: d.s()? })
    })?;
    let help = d.os()?;
    let snippet = d.b()?;
    Some(Diagnostic { severity, code, message, file, pos, label, related, help, snippet })
}
