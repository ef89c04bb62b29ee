//! Parsing: report and agency files into the model, with positioned errors.
//!
//! Front matter is read through the positioned YAML tree of [`crate::yaml`]
//! and interpreted against the report's form: every key is checked (with a
//! "did you mean" for typos and a pointer to the right form for keys of
//! another one), every figure is parsed by its cell kind, and the narrative's
//! headings are collected for the structure checks.

use crate::diag::{Diagnostic, Pos};
use crate::form::{CellKind, Forms, InputShape, TableSpec};
use crate::model::{
    Agency, AgencyKind, Cell, CellValue, Contact, Date, Decimal, Heading, Report, Source, TableData, Unit,
};
use crate::source::LineIndex;
use crate::yaml::{self, Node, Value};
use std::path::PathBuf;
use std::sync::Arc;

/// Metadata keys of a report's front matter, with their meaning.
pub const REPORT_KEYS: [(&str, &str); 4] = [
    ("year", "报告年度"),
    ("published", "发布日期 (YYYY-MM-DD)"),
    ("title", "报告标题"),
    ("form", "报告格式 (cn-2019, cn-2021, …)"),
];

/// Where the front matter and the body are in a file's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    /// Byte range of the YAML text.
    pub yaml: (usize, usize),
    /// File line on which the YAML starts.
    pub yaml_line: u32,
    /// Byte offset of the Markdown body.
    pub body: usize,
}

/// Finds the `---` fenced front matter at the start of `text`.
pub fn split_front_matter(text: &str) -> Result<Split, (Pos, &'static str)> {
    let first = text.lines().next().unwrap_or("");
    if first.trim_end() != "---" {
        return Err((
            Pos::new(1, 1, first.chars().count().max(1) as u32),
            "the file does not start with front matter (a `---` line)",
        ));
    }
    let start = first.len() + 1;
    let mut offset = start;
    for line in text.get(start..).unwrap_or("").split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            return Ok(Split { yaml: (start, offset), yaml_line: 2, body: (offset + line.len()).min(text.len()) });
        }
        offset += line.len();
    }
    Err((Pos::new(1, 1, 3), "the front matter is not closed: add a `---` line after it"))
}

/// Levenshtein distance, for "did you mean".
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(row[j + 1] + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// The closest candidate to `key`, if close enough to be a typo.
pub fn did_you_mean<'a>(key: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (distance(key, c), c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(1) || c.starts_with(key) && key.len() >= 3)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Collects diagnostics for one file.
struct Ctx<'a> {
    file: &'a Arc<PathBuf>,
    diags: &'a mut Vec<Diagnostic>,
    errors: usize,
}

impl Ctx<'_> {
    fn error(&mut self, code: &'static str, pos: Pos, message: String) -> &mut Diagnostic {
        self.errors += 1;
        self.diags.push(Diagnostic::error(code, self.file, pos, message));
        self.diags.last_mut().expect("just pushed")
    }

    fn warning(&mut self, code: &'static str, pos: Pos, message: String) -> &mut Diagnostic {
        self.diags.push(Diagnostic::warning(code, self.file, pos, message));
        self.diags.last_mut().expect("just pushed")
    }

    /// Reports a key that is not allowed here.
    fn unknown_key(&mut self, key: &Node, what: &str, allowed: &[&str]) {
        let name = key.as_str().unwrap_or("?");
        let d = self.error("IN-KEY", key.pos, format!("unknown key `{name}` in {what}")).clone();
        let help = match did_you_mean(name, allowed.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("expected one of: {}", allowed.join(", ")),
        };
        if let Some(last) = self.diags.last_mut() {
            *last = d.with_label("not a key of this form").with_help(help);
        }
    }
}

/// The map entries of `node`, or an error.
fn as_map<'n>(ctx: &mut Ctx<'_>, node: &'n Node, what: &str) -> Option<&'n [(Node, Node)]> {
    match &node.value {
        Value::Map(m) => Some(m),
        _ if node.is_null() => Some(&[]),
        _ => {
            ctx.error(
                "IN-TYPE",
                node.pos,
                format!("{what} must be a map of `key: value` lines, found {}", node.kind_name()),
            );
            None
        }
    }
}

/// Parses a report file's text. Returns `None` if it has errors, which are in `diags`.
pub fn parse_report(
    file: &Arc<PathBuf>,
    text: &str,
    agency: &str,
    forms: &Forms,
    diags: &mut Vec<Diagnostic>,
) -> Option<Report> {
    let mut ctx = Ctx { file, diags, errors: 0 };
    let split = match split_front_matter(text) {
        Ok(s) => s,
        Err((pos, msg)) => {
            ctx.error("IN-FRONTMATTER", pos, msg.to_owned())
                .help = Some("a report starts with `---`, then `year: 2024` and the tables' figures, then `---`, then the Markdown narrative; `gongkai new report` writes one".into());
            return None;
        }
    };
    let yaml_text = &text[split.yaml.0..split.yaml.1];
    let root = match yaml::parse(yaml_text, split.yaml_line) {
        Ok(Some(root)) => root,
        Ok(None) => {
            ctx.error("IN-MISSING", Pos::new(1, 1, 3), "the front matter is empty: it needs at least `year:`".into());
            return None;
        }
        Err(e) => {
            let d = ctx.error("IN-YAML", e.pos, e.message);
            if let Some(first) = e.related {
                let file = Arc::clone(&d.file);
                d.related.push(crate::diag::Label { file, pos: first, text: "first written here".into() });
            }
            return None;
        }
    };
    let entries = as_map(&mut ctx, &root, "the front matter")?;
    let find = |k: &str| entries.iter().find(|(key, _)| key.as_str() == Some(k));

    // Year first: it decides the form.
    let Some((year_key, year_node)) = find("year") else {
        ctx.error("IN-MISSING", Pos::new(2, 1, 1), "the front matter has no `year:`".into()).help =
            Some("add a line such as `year: 2024` (the year the report covers)".into());
        return None;
    };
    let year = match year_node.as_str().and_then(|s| parse_int(s).ok()) {
        Some(y) if (1990..=2200).contains(&y) => y as i32,
        _ => {
            ctx.error(
                "IN-TYPE",
                year_node.pos,
                format!(
                    "`year` must be a four-digit year such as 2024, found `{}`",
                    year_node.as_str().unwrap_or(year_node.kind_name())
                ),
            );
            return None;
        }
    };
    let _ = year_key;
    let form = match find("form") {
        Some((_, node)) => {
            let id = node.as_str().unwrap_or("");
            match forms.by_id(id) {
                Some(f) => {
                    if let Some(y) = f.years.filter(|y| !y.contains(year)) {
                        let range = y.to.map_or(format!("{} on", y.from), |to| format!("{}–{}", y.from, to));
                        ctx.error(
                            "FMT-VER",
                            node.pos,
                            format!("form `{id}` applies to reports of {range}, not {year}"),
                        )
                        .help = Some(forms.for_year(year).map_or("remove the `form:` line".into(), |f| {
                            format!("the form for {year} is `{}`: remove the `form:` line to use it", f.id)
                        }));
                    }
                    Arc::clone(f)
                }
                None => {
                    let ids: Vec<&str> = forms.list.iter().map(|f| f.id.as_str()).collect();
                    ctx.error("IN-FORM", node.pos, format!("unknown form `{id}`")).help =
                        Some(match did_you_mean(id, ids.iter().copied()) {
                            Some(s) => format!("did you mean `{s}`?"),
                            None => format!("known forms: {}", ids.join(", ")),
                        });
                    return None;
                }
            }
        }
        None => match forms.for_year(year) {
            Some(f) => Arc::clone(f),
            None => {
                ctx.error(
                    "FMT-VER",
                    year_node.pos,
                    format!("no form applies to reports of {year}: the national formats cover 2019 on"),
                )
                .help = Some("name a form with `form:` (a site form in forms/*.json)".into());
                return None;
            }
        },
    };

    let mut title = None;
    let mut published = None;
    let mut published_pos = Pos::default();
    let mut tables: Vec<Option<TableData>> = vec![None; form.tables.len()];
    let mut allowed: Vec<&str> = REPORT_KEYS.iter().map(|(k, _)| *k).collect();
    allowed.extend(form.tables.iter().map(|t| t.key.as_str()));
    for (key, value) in entries {
        let Some(name) = key.as_str() else {
            ctx.error("IN-KEY", key.pos, "keys must be plain words".into());
            continue;
        };
        match name {
            "year" | "form" => {}
            "title" => match &value.value {
                Value::Scalar { text, .. } if !value.is_null() => title = Some(text.trim().to_owned()),
                _ => {
                    ctx.error("IN-TYPE", value.pos, "`title` must be text".into());
                }
            },
            "published" => {
                published_pos = value.pos;
                match value.as_str().and_then(Date::parse) {
                    Some(d) => published = Some(d),
                    None => {
                        ctx.error(
                            "IN-DATE",
                            value.pos,
                            format!(
                                "`published` must be a date written YYYY-MM-DD, found `{}`",
                                value.as_str().unwrap_or(value.kind_name())
                            ),
                        )
                        .help = Some("for example `published: 2025-01-20`".into());
                    }
                }
            }
            _ => match form.table(name) {
                Some(i) => tables[i] = parse_table(&mut ctx, &form.tables[i], key.pos, value),
                None => {
                    let other = forms.list.iter().find(|f| f.id != form.id && f.table(name).is_some());
                    match other {
                        Some(f) => {
                            ctx.error(
                                "FMT-VER",
                                key.pos,
                                format!(
                                    "table `{name}` belongs to form `{}`, but this {year} report follows `{}`",
                                    f.id, form.id
                                ),
                            )
                            .help = Some(format!(
                                "`{}` has the tables: {}",
                                form.id,
                                form.tables.iter().map(|t| t.key.as_str()).collect::<Vec<_>>().join(", ")
                            ));
                        }
                        None => ctx.unknown_key(key, "the front matter", &allowed),
                    }
                }
            },
        }
    }
    if ctx.errors > 0 {
        return None;
    }
    let top = Pos::new(1, 1, 3);
    let tables =
        tables.into_iter().zip(&form.tables).map(|(t, spec)| t.unwrap_or_else(|| empty_table(spec, top))).collect();
    let body = text[split.body..].to_owned();
    let body_line = text[..split.body].matches('\n').count() as u32 + 1;
    let headings = headings(&body, body_line);
    Some(Report {
        file: Arc::clone(file),
        agency: agency.to_owned(),
        year,
        year_pos: year_node.pos,
        title,
        published,
        published_pos,
        form,
        tables,
        body_hash: crate::model::fnv1a(body.as_bytes()),
        body,
        body_line,
        headings,
        sentences: Vec::new(),
    })
}

/// The zero of a cell kind.
fn zero(kind: CellKind) -> CellValue {
    match kind {
        CellKind::Count | CellKind::Delta => CellValue::Int(0),
        CellKind::Decimal => CellValue::Decimal(Decimal::default()),
        CellKind::Money => CellValue::Money(Decimal::default(), None),
    }
}

/// A table with every cell omitted, anchored at `pos`.
fn empty_table(spec: &TableSpec, pos: Pos) -> TableData {
    let cols = spec.col_leaves.len();
    let cells = (0..spec.row_leaves.len() * cols)
        .map(|i| Cell { value: zero(spec.kind(i / cols, i % cols)), source: Source::Omitted, pos })
        .collect();
    TableData { cells, cols, pos, given: false }
}

/// Parses one table's figures.
fn parse_table(ctx: &mut Ctx<'_>, spec: &TableSpec, key_pos: Pos, node: &Node) -> Option<TableData> {
    let mut data = empty_table(spec, key_pos);
    data.given = true;
    let what = format!("table `{}` ({})", spec.key, spec.caption);
    let entries = as_map(ctx, node, &what)?;
    match spec.input {
        InputShape::Rows => {
            let keys: Vec<&str> = spec.row_leaves.iter().map(|l| l.id.as_str()).collect();
            for (key, value) in entries {
                let Some(r) = key.as_str().and_then(|k| spec.row(k)) else {
                    ctx.unknown_key(key, &what, &keys);
                    continue;
                };
                let cols: Vec<usize> = (0..spec.col_leaves.len()).collect();
                parse_line(ctx, spec, &mut data, r, &cols, key.pos, value);
            }
        }
        InputShape::ColumnGroups => {
            let groups = spec.groups();
            for (key, value) in entries {
                let Some(g) = key.as_str().filter(|k| groups.contains(k)) else {
                    ctx.unknown_key(key, &what, &groups);
                    continue;
                };
                let cols: Vec<usize> =
                    (0..spec.col_leaves.len()).filter(|&c| spec.col_leaves[c].group.as_deref() == Some(g)).collect();
                parse_line(ctx, spec, &mut data, 0, &cols, key.pos, value);
            }
        }
    }
    Some(data)
}

/// Parses one line of a table: a list, a map, or (one column) a single value.
fn parse_line(
    ctx: &mut Ctx<'_>,
    spec: &TableSpec,
    data: &mut TableData,
    row: usize,
    cols: &[usize],
    key_pos: Pos,
    node: &Node,
) {
    let labels = |cs: &[usize]| cs.iter().map(|&c| spec.col_leaves[c].label.as_str()).collect::<Vec<_>>().join(", ");
    for &c in cols {
        data.cell_mut(row, c).pos = key_pos;
    }
    match &node.value {
        Value::Seq(items) => {
            let without_totals: Vec<usize> = cols.iter().copied().filter(|&c| !spec.col_leaves[c].total).collect();
            let targets = if items.len() == cols.len() {
                cols.to_vec()
            } else if items.len() == without_totals.len() {
                without_totals
            } else {
                ctx.error(
                    "IN-SHAPE",
                    node.pos,
                    format!(
                        "`{}` has {} values, but {} takes {}: {}",
                        spec.row_leaves[row].id,
                        items.len(),
                        spec.caption,
                        cols.len(),
                        labels(cols)
                    ),
                )
                .help = Some(if cols.len() != without_totals.len() {
                    format!(
                        "give all {} values, or the first {} and leave the 总计 out to have it computed",
                        cols.len(),
                        without_totals.len()
                    )
                } else {
                    format!("give {} values in this order: {}", cols.len(), labels(cols))
                });
                return;
            };
            for (item, c) in items.iter().zip(targets) {
                parse_cell(ctx, spec, data, row, c, item);
            }
        }
        Value::Map(entries) => {
            let names: Vec<&str> = cols.iter().map(|&c| spec.col_leaves[c].key.as_str()).collect();
            for (k, v) in entries {
                match k.as_str().and_then(|k| names.iter().position(|n| *n == k)) {
                    Some(i) => parse_cell(ctx, spec, data, row, cols[i], v),
                    None => ctx.unknown_key(k, &format!("`{}`", spec.row_leaves[row].id), &names),
                }
            }
        }
        Value::Scalar { .. } if cols.len() == 1 => parse_cell(ctx, spec, data, row, cols[0], node),
        Value::Scalar { .. } => {
            ctx.error(
                "IN-SHAPE",
                node.pos,
                format!(
                    "`{}` needs {} values ({}), written as a list `[…]`",
                    spec.row_leaves[row].id,
                    cols.len(),
                    labels(cols)
                ),
            );
        }
    }
}

/// Parses one figure according to its cell kind.
fn parse_cell(ctx: &mut Ctx<'_>, spec: &TableSpec, data: &mut TableData, row: usize, col: usize, node: &Node) {
    let kind = spec.kind(row, col);
    let cell = data.cell_mut(row, col);
    cell.pos = node.pos;
    if node.is_null() {
        cell.source = Source::Blank;
        return;
    }
    let Some(text) = node.as_str() else {
        ctx.error(
            "IN-TYPE",
            node.pos,
            format!(
                "{} / {}: expected a number, found {}",
                spec.row_leaves[row].label,
                spec.col_leaves[col].label,
                node.kind_name()
            ),
        );
        return;
    };
    let place = || format!("{} / {}", spec.row_leaves[row].label, spec.col_leaves[col].label);
    match parse_value(text, kind) {
        Ok(v) => {
            if let CellValue::Money(_, None) = v {
                ctx.warning("T2-2019", node.pos, format!("{}: the amount `{text}` has no unit", place())).help =
                    Some(format!("write the unit as printed, e.g. `{text}元` or `{text}万元`"));
            }
            let cell = data.cell_mut(row, col);
            cell.value = v;
            cell.source = Source::Given;
        }
        Err(BadNumber { code, message, help }) => {
            let d = ctx.error(code, node.pos, format!("{}: {message}", place()));
            d.help = help;
        }
    }
}

/// Why a figure is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadNumber {
    /// Diagnostic code.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
    /// How to write it.
    pub help: Option<String>,
}

fn bad(code: &'static str, message: String, help: Option<String>) -> BadNumber {
    BadNumber { code, message, help }
}

/// Parses an integer written with ASCII digits and an optional sign.
fn parse_int(s: &str) -> Result<i64, ()> {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(());
    }
    s.parse().map_err(|_| ())
}

/// Parses the text of a figure by kind. Full-width digits and thousands
/// separators are refused with the corrected spelling: accepting them
/// silently would let a mistyped figure (`1,0549`) through.
pub fn parse_value(text: &str, kind: CellKind) -> Result<CellValue, BadNumber> {
    let t = text.trim();
    let normal: String = t
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '－' | '−' => '-',
            '＋' => '+',
            c => c,
        })
        .collect();
    if normal != t {
        return Err(bad(
            "IN-NUMBER",
            format!("`{t}` is written with full-width (全角) characters"),
            Some(format!("write `{normal}` with half-width (半角) digits")),
        ));
    }
    let unseparated: String = t.chars().filter(|c| !matches!(c, ',' | '，' | ' ' | '_')).collect();
    if unseparated != t && unseparated.chars().any(|c| c.is_ascii_digit()) {
        return Err(bad(
            "IN-NUMBER",
            format!("`{t}` contains digit separators"),
            Some(format!("write `{unseparated}` without separators")),
        ));
    }
    match kind {
        CellKind::Count => match parse_int(t) {
            Ok(n) if n < 0 => Err(bad(
                "T3-INT",
                format!("a count cannot be negative, found {n}"),
                Some("counts are whole numbers ≥ 0; write 0 if there were none".into()),
            )),
            Ok(n) if t.starts_with('+') => Err(bad("IN-NUMBER", format!("write `{n}` without a sign"), None)),
            Ok(n) => Ok(CellValue::Int(n)),
            Err(()) if Decimal::parse(t).is_some() => {
                Err(bad("T3-INT", format!("a count must be a whole number, found `{t}`"), None))
            }
            Err(()) => Err(not_a_number(t)),
        },
        CellKind::Delta => parse_int(t).map(CellValue::Int).map_err(|()| not_a_number(t)),
        CellKind::Decimal => {
            let number = t.strip_suffix("万元").unwrap_or(t);
            if number.starts_with('-') {
                return Err(bad("T2-INT21", format!("an amount cannot be negative, found `{t}`"), None));
            }
            Decimal::parse(number).map(CellValue::Decimal).ok_or_else(|| not_a_number(t))
        }
        CellKind::Money => {
            let (number, unit) = match t.strip_suffix("万元") {
                Some(n) => (n, Some(Unit::WanYuan)),
                None => match t.strip_suffix('元') {
                    Some(n) => (n, Some(Unit::Yuan)),
                    None => (t, None),
                },
            };
            Decimal::parse(number.trim()).map(|d| CellValue::Money(d, unit)).ok_or_else(|| not_a_number(t))
        }
    }
}

fn not_a_number(t: &str) -> BadNumber {
    bad(
        "IN-TYPE",
        format!("expected a number, found `{t}`"),
        Some("write the figure with digits only; write 0 when there is nothing to report".into()),
    )
}

/// The headings of the Markdown body, with file positions (`body_line` is
/// the file line on which the body starts).
pub fn headings(body: &str, body_line: u32) -> Vec<Heading> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let index = LineIndex::new(body);
    let mut out = Vec::new();
    let mut current: Option<(u8, usize, String)> = None;
    for (event, range) in Parser::new_ext(body, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => current = Some((level as u8, range.start, String::new())),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, s)) = &mut current {
                    s.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, start, text)) = current.take() {
                    let raw = &body[start..range.end];
                    let hashes = raw.len() - raw.trim_start_matches(['#', ' ']).len();
                    let mut pos = index.pos(body, start + hashes, raw.trim_end().len().saturating_sub(hashes));
                    pos.line += body_line - 1;
                    pos.len = pos.len.max(1);
                    out.push(Heading { level, text: text.trim().to_owned(), pos });
                }
            }
            _ => {}
        }
    }
    out
}

/// Parses a plain page: optional front matter (`title`, `order`), then Markdown.
pub fn parse_page(
    file: &Arc<PathBuf>,
    text: &str,
    slug: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<crate::model::Page> {
    let mut ctx = Ctx { file, diags, errors: 0 };
    let (mut title, mut order, body) = (None, 0, text);
    let body = match split_front_matter(text) {
        Ok(split) => {
            match yaml::parse(&text[split.yaml.0..split.yaml.1], split.yaml_line) {
                Ok(Some(root)) => {
                    for (k, v) in as_map(&mut ctx, &root, "the front matter").unwrap_or(&[]) {
                        match k.as_str().unwrap_or("") {
                            "title" => title = v.as_str().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()),
                            "order" => match v.as_str().and_then(|s| parse_int(s).ok()) {
                                Some(n) => order = n,
                                None => {
                                    ctx.error("IN-TYPE", v.pos, "`order` must be a whole number".into());
                                }
                            },
                            _ => ctx.unknown_key(k, "a page's front matter", &["title", "order"]),
                        }
                    }
                }
                Ok(None) => {}
                Err(e) => {
                    ctx.error("IN-YAML", e.pos, e.message);
                }
            }
            &text[split.body..]
        }
        Err(_) if text.starts_with("---") => {
            ctx.error(
                "IN-FRONTMATTER",
                Pos::new(1, 1, 3),
                "the front matter is not closed: add a `---` line after it".into(),
            );
            body
        }
        Err(_) => body,
    };
    let title = title.or_else(|| headings(body, 1).into_iter().next().map(|h| h.text));
    let Some(title) = title else {
        ctx.error(
            "IN-MISSING",
            Pos::new(1, 1, 1),
            "the page has no title: add `title:` front matter or a heading".into(),
        );
        return None;
    };
    if ctx.errors > 0 {
        return None;
    }
    Some(crate::model::Page { slug: slug.to_owned(), title, body: body.to_owned(), order, file: Arc::clone(file) })
}

/// Parses an agency file.
pub fn parse_agency(file: &Arc<PathBuf>, text: &str, slug: &str, diags: &mut Vec<Diagnostic>) -> Option<Agency> {
    let mut ctx = Ctx { file, diags, errors: 0 };
    let root = match yaml::parse(text, 1) {
        Ok(Some(root)) => root,
        Ok(None) => {
            ctx.error("IN-AGENCY", Pos::new(1, 1, 1), "the agency file is empty: it needs `name:` and `kind:`".into());
            return None;
        }
        Err(e) => {
            ctx.error("IN-YAML", e.pos, e.message);
            return None;
        }
    };
    let entries = as_map(&mut ctx, &root, "the agency file")?;
    let mut name = None;
    let mut kind = None;
    let mut parent = None;
    let mut parent_pos = Pos::default();
    let mut contact = Contact::default();
    let text_of = |ctx: &mut Ctx<'_>, v: &Node, what: &str| -> Option<String> {
        match &v.value {
            Value::Scalar { text, .. } if !v.is_null() => Some(text.trim().to_owned()),
            _ => {
                ctx.error("IN-TYPE", v.pos, format!("`{what}` must be text"));
                None
            }
        }
    };
    for (k, v) in entries {
        match k.as_str().unwrap_or("") {
            "name" => name = text_of(&mut ctx, v, "name"),
            "kind" => {
                let s = text_of(&mut ctx, v, "kind").unwrap_or_default();
                kind = AgencyKind::parse(&s);
                if kind.is_none() && !s.is_empty() {
                    let kinds: Vec<&str> = AgencyKind::ALL.iter().map(|(_, n)| *n).collect();
                    ctx.error("IN-AGENCY", v.pos, format!("unknown agency kind `{s}`")).help =
                        Some(format!("one of: {}", kinds.join(" / ")));
                }
            }
            "parent" => {
                parent = text_of(&mut ctx, v, "parent");
                parent_pos = v.pos;
            }
            "contact" => {
                let Some(fields) = as_map(&mut ctx, v, "`contact`") else {
                    continue;
                };
                for (ck, cv) in fields {
                    let slot = match ck.as_str().unwrap_or("") {
                        "office" => &mut contact.office,
                        "address" => &mut contact.address,
                        "postcode" => &mut contact.postcode,
                        "phone" => &mut contact.phone,
                        "fax" => &mut contact.fax,
                        "email" => &mut contact.email,
                        _ => {
                            ctx.unknown_key(
                                ck,
                                "`contact`",
                                &["office", "address", "postcode", "phone", "fax", "email"],
                            );
                            continue;
                        }
                    };
                    *slot = text_of(&mut ctx, cv, "contact");
                }
            }
            _ => ctx.unknown_key(k, "the agency file", &["name", "kind", "parent", "contact"]),
        }
    }
    let top = Pos::new(1, 1, 1);
    if name.is_none() {
        ctx.error("IN-AGENCY", top, "the agency file has no `name:` (the agency's full official name)".into());
    }
    if kind.is_none() && !ctx.diags.iter().any(|d| d.code == "IN-AGENCY" && d.message.contains("kind")) {
        ctx.error("IN-AGENCY", top, "the agency file has no `kind:`".into()).help =
            Some("one of: 部门 / 乡镇 / 街道 / 人民政府".into());
    }
    if ctx.errors > 0 {
        return None;
    }
    Some(Agency {
        slug: slug.to_owned(),
        name: name?,
        kind: kind?,
        parent,
        contact,
        file: Arc::clone(file),
        parent_pos,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_parsed_by_kind_and_bad_ones_named() {
        assert_eq!(parse_value("3", CellKind::Count), Ok(CellValue::Int(3)));
        assert_eq!(parse_value("-8", CellKind::Delta), Ok(CellValue::Int(-8)));
        assert_eq!(parse_value("-1", CellKind::Count).unwrap_err().code, "T3-INT");
        assert_eq!(parse_value("2.5", CellKind::Count).unwrap_err().code, "T3-INT");
        let fw = parse_value("３", CellKind::Count).unwrap_err();
        assert_eq!((fw.code, fw.help.as_deref()), ("IN-NUMBER", Some("write `3` with half-width (半角) digits")));
        let sep = parse_value("1,054,900元", CellKind::Money).unwrap_err();
        assert_eq!(sep.help.as_deref(), Some("write `1054900元` without separators"));
        assert_eq!(parse_value("无", CellKind::Count).unwrap_err().code, "IN-TYPE");
        assert_eq!(
            parse_value("1054900元", CellKind::Money),
            Ok(CellValue::Money(Decimal { units: 1054900, scale: 0 }, Some(Unit::Yuan)))
        );
        assert_eq!(parse_value("96171.6", CellKind::Decimal).unwrap().to_string(), "96171.6");
    }

    #[test]
    fn front_matter_is_found() {
        let s = split_front_matter("---\nyear: 2020\n---\nbody\n").unwrap();
        assert_eq!((s.yaml, s.yaml_line, s.body), ((4, 15), 2, 19));
        assert!(split_front_matter("year: 2020\n").is_err());
        assert!(split_front_matter("---\nyear: 2020\n").is_err());
    }

    #[test]
    fn typos_get_suggestions() {
        assert_eq!(did_you_mean("carried_im", ["new", "carried_in", "carried_out"]), Some("carried_in"));
        assert_eq!(did_you_mean("zzz", ["new", "total"]), None);
    }
}
