//! The report model: what a parsed report and agency are.
//!
//! These types are produced by [`crate::parse`] and consumed by the checker,
//! the renderer and the open-data writers. A cell keeps where it was written
//! and whether it was given, left blank, omitted or computed, because the
//! checker reports on that and the open data must not pass a computed total
//! off as a published one.

pub mod document;
pub mod fnv;

pub use document::{Attachment, Document, Validity, Vocabulary};
pub use fnv::{FnvMap, fnv1a};

use crate::diag::Pos;
use crate::form::Form;
use serde::Serialize;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// A calendar date (publication dates). Validated on construction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31, valid for the month.
    pub day: u8,
}

impl Date {
    /// A date if it exists on the calendar.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (day >= 1 && day <= days).then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let mut it = s.trim().splitn(3, '-');
        let (y, m, d) = (it.next()?, it.next()?, it.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// An exact decimal (amounts in 万元 or 元), kept as written. Packed, so a
/// [`CellValue`] fits in 16 bytes: a portal holds some 200 cells per report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(C, packed)]
pub struct Decimal {
    /// The digits without the point.
    pub units: i64,
    /// How many digits follow the point.
    pub scale: u8,
}

impl Decimal {
    /// Parses `123`, `96171.6`; `None` for anything else.
    pub fn parse(s: &str) -> Option<Decimal> {
        let (int, frac) = s.split_once('.').unwrap_or((s, ""));
        let digits = |x: &str| x.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty()
            || !digits(int)
            || !digits(frac)
            || (s.contains('.') && frac.is_empty())
            || frac.len() > 6
            || int.len() > 24
        {
            return None;
        }
        let units = format!("{int}{frac}").parse().ok()?;
        Some(Decimal { units, scale: frac.len() as u8 })
    }

    /// The digits at a larger `scale` (same value), if they fit.
    fn rescaled(self, scale: u8) -> Option<i64> {
        let factor = 10i64.checked_pow(u32::from(scale.saturating_sub(self.scale)))?;
        self.units.checked_mul(factor)
    }

    /// The value multiplied by 10,000 (万元 to 元), exact, if it fits.
    pub fn times_10000(self) -> Option<Decimal> {
        Some(Decimal { units: self.units.checked_mul(10_000)?, scale: self.scale })
    }

    /// The exact sum, at the larger scale of the two; `None` if it would not
    /// fit in 64 bits (a sum is never wrapped or clamped into a false figure).
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        Some(Decimal { units: self.rescaled(scale)?.checked_add(other.rescaled(scale)?)?, scale })
    }

    /// The value as a float, for charts.
    pub fn to_f64(self) -> f64 {
        self.units as f64 / 10f64.powi(self.scale as i32)
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (units, scale) = (self.units, self.scale);
        if scale == 0 {
            return write!(f, "{units}");
        }
        let p = 10i64.pow(u32::from(scale));
        write!(f, "{}.{:0width$}", units / p, units % p, width = usize::from(scale))
    }
}

/// A currency unit written in a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// 元.
    Yuan,
    /// 万元 (10,000 元).
    WanYuan,
}

impl Unit {
    /// As written.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Yuan => "元",
            Unit::WanYuan => "万元",
        }
    }
}

/// The value of a cell. Kept small (24 bytes): a report holds some 200.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellValue {
    /// Counts and deltas.
    Int(i64),
    /// Decimal amounts in the column's unit.
    Decimal(Decimal),
    /// An amount with the unit written in the cell (`1054900元`); unit may be missing.
    Money(Decimal, Option<Unit>),
}

impl CellValue {
    /// The integer, for rules (0 for non-integers, which rules never reference).
    pub fn int(&self) -> i64 {
        match self {
            CellValue::Int(n) => *n,
            _ => 0,
        }
    }

    /// The value as a float.
    pub fn to_f64(&self) -> f64 {
        match self {
            CellValue::Int(n) => *n as f64,
            CellValue::Decimal(d) | CellValue::Money(d, _) => d.to_f64(),
        }
    }
}

impl fmt::Display for CellValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CellValue::Int(n) => write!(f, "{n}"),
            CellValue::Decimal(d) => write!(f, "{d}"),
            CellValue::Money(d, unit) => write!(f, "{d}{}", unit.map_or("", Unit::as_str)),
        }
    }
}

/// How a cell got its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// Written in the front matter.
    Given,
    /// Written as an empty value (`~`): read as 0.
    Blank,
    /// Not written: 0, or computed if a total.
    Omitted,
    /// An omitted total computed from its parts.
    Computed,
}

/// One cell of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The value (0 when blank or omitted).
    pub value: CellValue,
    /// How it got it.
    pub source: Source,
    /// Where it was written, or the nearest enclosing key when omitted.
    pub pos: Pos,
}

/// The figures of one table, row-major over the form's leaf rows and columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableData {
    /// `rows × cols` cells.
    pub cells: Vec<Cell>,
    /// Number of columns.
    pub cols: usize,
    /// Where the table's key was written (or the front matter start).
    pub pos: Pos,
    /// Whether the front matter has the table at all.
    pub given: bool,
}

impl TableData {
    /// The cell at (`row`, `col`).
    pub fn cell(&self, row: usize, col: usize) -> &Cell {
        &self.cells[row * self.cols + col]
    }

    /// Mutable access to the cell at (`row`, `col`).
    pub fn cell_mut(&mut self, row: usize, col: usize) -> &mut Cell {
        &mut self.cells[row * self.cols + col]
    }
}

/// A heading of the narrative, with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1–6.
    pub level: u8,
    /// Plain text of the heading.
    pub text: String,
    /// Position in the file.
    pub pos: Pos,
    /// The form's section it stands for (0-based), when it is at the
    /// narrative's section level and matches one.
    pub section: Option<usize>,
}

/// The structure of a report's narrative, read once when the report is
/// parsed and then used by the checker and the renderer alike, so that what
/// the checker calls section 五 is what the page shows as section 五.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Narrative {
    /// The heading level of the sections (see [`crate::form::Form::section_level`]).
    pub level: u8,
    /// Every heading, in order.
    pub headings: Vec<Heading>,
}

impl Narrative {
    /// The headings at the section level, in order: the ones the page starts
    /// its sections with.
    pub fn section_headings(&self) -> impl Iterator<Item = &Heading> {
        self.headings.iter().filter(move |h| h.level == self.level)
    }
}

/// A parsed report.
#[derive(Debug, Clone)]
pub struct Report {
    /// The report's file.
    pub file: Arc<PathBuf>,
    /// The agency's slug (its folder name).
    pub agency: String,
    /// Report year.
    pub year: i32,
    /// Where `year:` was written.
    pub year_pos: Pos,
    /// Optional title as printed on the original.
    pub title: Option<String>,
    /// Publication date, if stated.
    pub published: Option<Date>,
    /// Where `published:` was written.
    pub published_pos: Pos,
    /// The form the report follows.
    pub form: Arc<Form>,
    /// One entry per table of the form, in the form's order.
    pub tables: Vec<TableData>,
    /// FNV-1a hash of the narrative as checked.
    pub body_hash: u64,
    /// File line on which the body starts (the body starts at a line start).
    pub body_line: u32,
    /// The narrative's structure (kept when `body` is emptied: rendering uses it).
    pub narrative: Narrative,
    /// Fingerprints of the narrative's sentences, for 内容雷同 across years.
    pub sentences: Vec<Sentence>,
    /// `as_published: true`: the report is reproduced exactly as its agency
    /// published it (按原文收录). No total is computed, blank cells stay
    /// blank, and the form's rules that do not hold are [`Notice`]s, not
    /// errors.
    pub as_published: bool,
    /// What the report's page tells readers in its 数据核对提示 box: the
    /// form's rules that do not hold, in Chinese (set by the checker, only
    /// for a report kept as published).
    pub notices: Vec<Notice>,
    /// `draft: true`: checked like any report, published only by
    /// `build --drafts` and in the preview, marked 草稿.
    pub draft: bool,
    /// [`source_hash`] of the whole file's text as parsed and of its
    /// attachments as read, so that the copy kept of what was published is
    /// what was checked, and a changed attachment is a changed report.
    pub source_hash: u64,
    /// Content the form requires that the narrative lacks (found with the
    /// narrative in hand, reported once the agency's kind is known).
    pub unreported: Vec<Unreported>,
    /// The originals attached (`attachments:`), copied beside the page.
    pub attachments: Vec<Attachment>,
}

/// Content a form requires (see [`crate::form::Required`]) that a narrative lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreported {
    /// Index of the rule in the form's `text.required`.
    pub rule: usize,
    /// Where to point: the section's heading, or the word found without its answer.
    pub pos: Pos,
    /// The word found without an answer in its sentence (信息处理费 without
    /// an amount); `None`: no word of the rule at all.
    pub word: Option<String>,
}

/// A rule of the form that does not hold in a report kept as published, as
/// its page and open data state it to readers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    /// The rule's stable code (`T3-SUM`, `X-CARRY`).
    pub code: String,
    /// The key of the table the rule is about (`applications`).
    pub table: String,
    /// The statement in plain Chinese, with the figures:
    /// `表三「自然人」列：（七）总计 767，各项之和 768，相差 1`.
    pub message: String,
}

/// A sentence of a narrative: a hash of its normalised text, and its length in characters.
pub type Sentence = (u64, u32);

/// A report while its file's text is in hand: the parsed report and its
/// narrative's Markdown, borrowed from the text. It exists only while the
/// file is loaded and its narrative checked; the stored [`Report`] holds no
/// narrative text (a portal of 100,000 reports is not kept in memory twice):
/// rendering reads the text the loader kept on disk ([`crate::texts::Texts::body`]),
/// verified against `body_hash`.
#[derive(Debug)]
pub struct Loaded<'t> {
    /// The report.
    pub report: Report,
    /// Its Markdown narrative.
    pub body: &'t str,
}

impl Loaded<'_> {
    /// The file position of a byte range of the body.
    pub fn body_pos(&self, index: &crate::source::LineIndex, offset: usize, len: usize) -> Pos {
        let mut pos = index.pos(self.body, offset, len);
        pos.line += self.report.body_line - 1;
        pos
    }
}

impl Report {
    /// The data of the table with this key.
    pub fn table(&self, key: &str) -> Option<(&crate::form::TableSpec, &TableData)> {
        let i = self.form.table(key)?;
        Some((&self.form.tables[i], &self.tables[i]))
    }

    /// A display title: the printed one, or one in the standard wording.
    pub fn display_title(&self, agency_name: &str) -> String {
        self.title.clone().unwrap_or_else(|| format!("{agency_name}{}年政府信息公开工作年度报告", self.year))
    }
}

/// The fingerprint of a report's (or document's) sources: FNV-1a of its
/// text, and, when it has attachments, of that and each attachment's name
/// and hash.
pub fn source_hash(text: &str, attachments: &[Attachment]) -> u64 {
    source_hash_of(fnv1a(text.as_bytes()), attachments)
}

/// [`source_hash`] of a text whose FNV-1a is `text_hash` (computed once by
/// the loader, for this and the memo's key).
pub fn source_hash_of(text_hash: u64, attachments: &[Attachment]) -> u64 {
    if attachments.is_empty() {
        return text_hash;
    }
    let mut joined = format!("{text_hash:016x}");
    for a in attachments {
        joined.push_str(&format!("\0{}\0{:016x}", a.name, a.hash));
    }
    fnv1a(joined.as_bytes())
}

/// The kind of an agency, which decides its deadline and what it may report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum AgencyKind {
    /// 县级以上人民政府部门: report by 1月31日.
    #[serde(rename = "部门")]
    Department,
    /// 乡镇人民政府.
    #[serde(rename = "乡镇")]
    Township,
    /// 街道办事处.
    #[serde(rename = "街道")]
    Subdistrict,
    /// 县级以上地方人民政府 (its own report, published by 3月31日).
    #[serde(rename = "人民政府")]
    Government,
}

impl AgencyKind {
    /// All kinds with their Chinese names.
    pub const ALL: [(AgencyKind, &'static str); 4] = [
        (AgencyKind::Department, "部门"),
        (AgencyKind::Township, "乡镇"),
        (AgencyKind::Subdistrict, "街道"),
        (AgencyKind::Government, "人民政府"),
    ];

    /// The Chinese name.
    pub fn name(self) -> &'static str {
        AgencyKind::ALL.iter().find(|(k, _)| *k == self).map_or("", |(_, n)| n)
    }

    /// Parses the Chinese name (or the English key used in site.toml).
    pub fn parse(s: &str) -> Option<AgencyKind> {
        let s = s.trim();
        let english = ["department", "township", "subdistrict", "government"];
        AgencyKind::ALL.iter().zip(english).find(|((_, zh), en)| *zh == s || *en == s).map(|((k, _), _)| *k)
    }
}

/// Contact details printed on the agency's page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Contact {
    /// Office in charge (办公室).
    pub office: Option<String>,
    /// Postal address.
    pub address: Option<String>,
    /// Postcode.
    pub postcode: Option<String>,
    /// Telephone.
    pub phone: Option<String>,
    /// Fax.
    pub fax: Option<String>,
    /// E-mail.
    pub email: Option<String>,
}

/// An agency, described once in `content/reports/<slug>/agency.yaml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Agency {
    /// Folder name, used in URLs.
    pub slug: String,
    /// Full official name.
    pub name: String,
    /// Kind.
    pub kind: AgencyKind,
    /// Slug of the parent agency, if any.
    pub parent: Option<String>,
    /// Contact details.
    pub contact: Contact,
    /// The agency file.
    #[serde(skip)]
    pub file: Arc<PathBuf>,
    /// Where `parent:` was written.
    #[serde(skip)]
    pub parent_pos: Pos,
    /// 统一社会信用代码 (18 characters) or 组织机构代码 (9), checked; the
    /// 索引号 of its documents begin with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Where `code:` was written.
    #[serde(skip)]
    pub code_pos: Pos,
    /// `sums_children: true`: each report of this agency is the sum of its
    /// children's of the same year (a county's 汇总 report), checked cell by cell.
    #[serde(skip)]
    pub sums_children: bool,
    /// `years:` the report years this agency has (it was set up, merged or
    /// abolished, or the site holds only these years), when stated.
    #[serde(skip)]
    pub years: Option<Years>,
    /// Where `years:` was written.
    #[serde(skip)]
    pub years_pos: Pos,
}

/// The report years an agency has (`years: 2018-2022`, `years: 2020`,
/// `years: 2018-` for one that still exists).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Years {
    /// The first year.
    pub from: i32,
    /// The last year, if the agency no longer reports.
    pub to: Option<i32>,
}

impl Years {
    /// Reads `2020`, `2018-2022` or `2018-` (a hyphen, en dash or 至 between).
    pub fn parse(s: &str) -> Option<Years> {
        let year = |t: &str| -> Option<i32> {
            let t = t.trim().trim_end_matches('年');
            (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse().ok()).flatten()
        };
        match s.split_once(['-', '–', '—', '至']) {
            None => year(s).map(|y| Years { from: y, to: Some(y) }),
            Some((a, b)) if b.trim().is_empty() => Some(Years { from: year(a)?, to: None }),
            Some((a, b)) => Some(Years { from: year(a)?, to: Some(year(b)?) }).filter(|y| y.to >= Some(y.from)),
        }
    }

    /// Whether `year` is among them.
    pub fn contains(self, year: i32) -> bool {
        year >= self.from && self.to.is_none_or(|to| year <= to)
    }
}

/// A plain page (`content/pages/<slug>.md`): 信息公开指南, 信息公开制度 …
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// File stem, used in the URL.
    pub slug: String,
    /// Title from front matter, or the first heading.
    pub title: String,
    /// Markdown body.
    pub body: String,
    /// Position in menus (front matter `order`, then title).
    pub order: i64,
    /// The file.
    pub file: Arc<PathBuf>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_validated() {
        assert_eq!(Date::parse("2021-01-31"), Date::new(2021, 1, 31));
        assert!(Date::parse("2021-02-29").is_none());
        assert!(Date::parse("2020-02-29").is_some());
        assert!(Date::parse("2021-1-5").is_none());
    }

    #[test]
    fn decimals_keep_their_digits() {
        let d = Decimal::parse("96171.6").unwrap();
        assert_eq!(d.to_string(), "96171.6");
        assert_eq!(Decimal::parse("0.05").unwrap().to_string(), "0.05");
        let sum = Decimal::parse("1.25").unwrap().checked_add(Decimal::parse("2.5").unwrap());
        assert_eq!(sum.map(|d| d.to_string()).as_deref(), Some("3.75"));
        let big = Decimal { units: i64::MAX, scale: 0 };
        assert_eq!(big.checked_add(Decimal { units: 1, scale: 0 }), None);
        assert_eq!(big.times_10000(), None);
        assert_eq!(std::mem::size_of::<CellValue>(), 16);
        assert_eq!(std::mem::size_of::<Cell>(), 32);
        assert!(Decimal::parse("1.").is_none() && Decimal::parse("-1").is_none() && Decimal::parse("1,0").is_none());
    }
}
