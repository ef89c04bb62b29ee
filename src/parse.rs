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
pub const REPORT_KEYS: [(&str, &str); 5] = [
    ("year", "报告年度"),
    ("published", "发布日期 (YYYY-MM-DD)"),
    ("title", "报告标题"),
    ("form", "报告格式 (cn-2019, cn-2021, …)"),
    ("missing_in_original", "原报告未刊载的表 (keys of the tables the published original lacks)"),
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

/// Finds the `---` fenced front matter at the start of `text`. Only a `---`
/// line closes it, as the format says: a `...` line stays inside the YAML,
/// where [`yaml::parse`] refuses anything written after it rather than
/// letting the rest of the figures silently become narrative.
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
        if bare == "---" {
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

/// How many unknown keys of one file are reported one by one. Past it one
/// summary stands for the rest: a file of 100,000 stray keys (a pasted
/// spreadsheet) would otherwise print 100,000 errors.
const MAX_UNKNOWN_KEYS: usize = 20;

/// Collects diagnostics for one file.
struct Ctx<'a> {
    file: &'a Arc<PathBuf>,
    diags: &'a mut Vec<Diagnostic>,
    errors: usize,
    /// Unknown keys found so far.
    unknown: usize,
}

impl Drop for Ctx<'_> {
    /// Adds the summary of unknown keys beyond [`MAX_UNKNOWN_KEYS`].
    fn drop(&mut self) {
        if self.unknown > MAX_UNKNOWN_KEYS {
            let more = self.unknown - MAX_UNKNOWN_KEYS;
            self.diags.push(Diagnostic::error(
                "IN-KEY",
                self.file,
                Pos::new(1, 1, 1),
                format!("{more} more unknown key(s) in this file are not listed"),
            ));
        }
    }
}

impl Ctx<'_> {
    /// Reports a YAML syntax error, with the other place it involves.
    fn yaml_error(&mut self, e: yaml::YamlError) {
        let d = self.error("IN-YAML", e.pos, e.message);
        if let Some((pos, text)) = e.related {
            let file = Arc::clone(&d.file);
            d.related.push(crate::diag::Label { file, pos, text: text.into() });
        }
    }

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
        self.unknown += 1;
        if self.unknown > MAX_UNKNOWN_KEYS {
            self.errors += 1;
            return;
        }
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
    let mut ctx = Ctx { file, diags, errors: 0, unknown: 0 };
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
            ctx.yaml_error(e);
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
    let mut missing: Vec<(usize, Pos)> = Vec::new();
    let mut allowed: Vec<&str> = REPORT_KEYS.iter().map(|(k, _)| *k).collect();
    allowed.extend(form.tables.iter().map(|t| t.key.as_str()));
    for (key, value) in entries {
        let Some(name) = key.as_str() else {
            ctx.error("IN-KEY", key.pos, "keys must be plain words".into());
            continue;
        };
        match name {
            "year" | "form" => {}
            "missing_in_original" => missing = missing_tables(&mut ctx, &form, value),
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
    let body_line = text[..split.body].matches('\n').count() as u32 + 1;
    let fence = Pos::new(body_line.saturating_sub(1).max(1), 1, 3);
    let mut absent: Vec<&TableSpec> = Vec::new();
    for (i, (table, spec)) in tables.iter().zip(&form.tables).enumerate() {
        let declared = missing.iter().find(|(m, _)| *m == i).map(|(_, p)| *p);
        match (table, declared) {
            (Some(_), Some(pos)) => {
                ctx.error(
                    "IN-TABLE",
                    pos,
                    format!("`{}` is listed in `missing_in_original`, but the front matter has the table", spec.key),
                )
                .help = Some("remove it from the list, or remove the table".into());
            }
            (None, None) => absent.push(spec),
            _ => {}
        }
    }
    if !absent.is_empty() {
        missing_tables_error(&mut ctx, &form, &absent, &text[split.body..], body_line, fence);
    }
    nesting_error(&mut ctx, &text[split.body..], body_line);
    if ctx.errors > 0 {
        return None;
    }
    let top = Pos::new(1, 1, 3);
    let tables =
        tables.into_iter().zip(&form.tables).map(|(t, spec)| t.unwrap_or_else(|| empty_table(spec, top))).collect();
    let body = text[split.body..].to_owned();
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

/// Reads `missing_in_original: [key, …]`: the tables that the published
/// original does not print. Only those may be absent; any other missing
/// table is an error, because a table read as all zeros would publish
/// figures that the agency never stated.
fn missing_tables(ctx: &mut Ctx<'_>, form: &crate::form::Form, node: &Node) -> Vec<(usize, Pos)> {
    let items: Vec<&Node> = match &node.value {
        Value::Seq(items) => items.iter().collect(),
        _ if node.is_null() => Vec::new(),
        Value::Scalar { .. } => vec![node],
        Value::Map(_) => {
            ctx.error("IN-TYPE", node.pos, "`missing_in_original` must be a list of table keys".into());
            return Vec::new();
        }
    };
    let keys: Vec<&str> = form.tables.iter().map(|t| t.key.as_str()).collect();
    let mut out = Vec::new();
    for item in items {
        match item.as_str().and_then(|k| form.table(k)) {
            Some(i) => out.push((i, item.pos)),
            None => ctx.unknown_key(item, "`missing_in_original` (the tables of this form)", &keys),
        }
    }
    out
}

/// Reports the form tables that the front matter lacks, in one error. When
/// the body holds one of their keys, a `---` line closed the front matter
/// early: say that instead, pointing at both lines.
fn missing_tables_error(
    ctx: &mut Ctx<'_>,
    form: &crate::form::Form,
    absent: &[&TableSpec],
    body: &str,
    body_line: u32,
    fence: Pos,
) {
    let below = body.lines().enumerate().find_map(|(n, l)| {
        let spec = absent.iter().find(|s| l.strip_prefix(s.key.as_str()).is_some_and(|r| r.starts_with(':')))?;
        Some((n, spec))
    });
    if let Some((n, spec)) = below {
        let line = body_line.saturating_add(u32::try_from(n).unwrap_or(u32::MAX));
        let d = ctx.error(
            "IN-FRONTMATTER",
            Pos::new(line, 1, u32::try_from(spec.key.len() + 1).unwrap_or(1)),
            format!("{}（`{}`）is below the `---` line that ended the front matter", spec.title(form), spec.key),
        );
        d.related.push(crate::diag::Label {
            file: Arc::clone(&d.file),
            pos: fence,
            text: "the front matter ends here".into(),
        });
        d.help = Some(
            "remove the stray `---` line inside the front matter so that every table is above the closing `---`".into(),
        );
        return;
    }
    let names: Vec<String> = absent.iter().map(|s| format!("{}（`{}`）", s.title(form), s.key)).collect();
    let keys: Vec<&str> = absent.iter().map(|s| s.key.as_str()).collect();
    ctx.error(
        "IN-TABLE",
        Pos::new(1, 1, 3),
        format!("the front matter lacks {} table(s) of the form: {}", absent.len(), names.join(", ")),
    )
    .help = Some(format!(
        "add each table as printed (0 where the original prints 0); a table that the published original does not have at all is declared with `missing_in_original: [{}]`",
        keys.join(", ")
    ));
}

/// Refuses a body that nests deeper than [`crate::nesting::MAX_DEPTH`]
/// (`body_line` is the file line on which it starts).
fn nesting_error(ctx: &mut Ctx<'_>, body: &str, body_line: u32) {
    if let Some((at, what)) = crate::nesting::too_deep(body) {
        let mut pos = LineIndex::new(body).pos(body, at, 1);
        pos.line = pos.line.saturating_add(body_line - 1);
        ctx.error(
            "IN-NESTING",
            pos,
            format!("the text nests {what} more than {} levels deep", crate::nesting::MAX_DEPTH),
        )
        .help = Some("remove the extra nesting: a report needs a few levels at most".into());
    }
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
            if let Some(note) = unusual_spelling(node) {
                ctx.warning("IN-FIGURE", node.pos, format!("{}: the figure is written `{}`", place(), note.written))
                    .help = Some(format!("{}: write `{v}`", note.why));
            }
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

/// A figure that was read, but not written as a plain number.
struct Spelling {
    /// The figure as written, quotes and tag included.
    written: String,
    /// Why that matters.
    why: &'static str,
}

/// How a figure's spelling differs from a plain number, if it does: quoted
/// (`"3"`, `'3'`), tagged (`!!str 3`, `!!float 3`) or with leading zeros
/// (`03`). Each is read as the number, but named, because each is a common
/// trace of text pasted from a spreadsheet or a typo next to a real figure.
fn unusual_spelling(node: &Node) -> Option<Spelling> {
    let written = node.spelling()?;
    match &node.value {
        Value::Scalar { style: yaml::Style::Plain, text } => {
            let digits = text.trim().trim_start_matches(['-', '+']);
            let int_part = digits.split('.').next().unwrap_or("");
            (int_part.len() > 1 && int_part.starts_with('0') && int_part.bytes().all(|b| b.is_ascii_digit()))
                .then_some(Spelling { written, why: "a figure has no leading zeros" })
        }
        Value::Scalar { style: yaml::Style::Tagged(_), .. } => {
            Some(Spelling { written, why: "figures need no YAML tag" })
        }
        Value::Scalar { .. } => Some(Spelling { written, why: "figures are written without quotes" }),
        _ => None,
    }
}

/// The largest count a cell may hold: 9,999,999,999 (ten digits). The
/// largest real figures are a province's 行政许可 or 行政处罚 decisions, in
/// the millions; ten digits is a thousand times more, yet a sum of 100,000
/// reports of such figures stays far inside 64 bits, so no total can wrap.
pub const MAX_COUNT: i64 = 9_999_999_999;

/// The most digits before the point of an amount (万元 or 元): twelve, just
/// under 一万亿. Together with at most six decimals the digits fit in 64
/// bits, and a national total of such amounts cannot overflow either.
pub const MAX_AMOUNT_DIGITS: usize = 12;

/// The most significant digits of an amount: fifteen. Open data writes
/// amounts as JSON numbers, which readers take as 64-bit floats; up to
/// fifteen significant digits every decimal survives that exactly.
pub const MAX_AMOUNT_SIGNIFICANT: usize = 15;

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
            Ok(n) if n > MAX_COUNT => Err(too_large(t)),
            Ok(n) => Ok(CellValue::Int(n)),
            Err(()) if looks_like_int(t) => Err(too_large(t)),
            Err(()) if Decimal::parse(t).is_some() => {
                Err(bad("T3-INT", format!("a count must be a whole number, found `{t}`"), None))
            }
            Err(()) => Err(not_a_number(t)),
        },
        CellKind::Delta => match parse_int(t) {
            Ok(n) if n.unsigned_abs() > MAX_COUNT.unsigned_abs() => Err(too_large(t)),
            Ok(n) => Ok(CellValue::Int(n)),
            Err(()) if looks_like_int(t) => Err(too_large(t)),
            Err(()) => Err(not_a_number(t)),
        },
        CellKind::Decimal => {
            let number = t.strip_suffix("万元").unwrap_or(t);
            if number.starts_with('-') {
                return Err(bad("T2-INT21", format!("an amount cannot be negative, found `{t}`"), None));
            }
            amount(number, t).map(CellValue::Decimal)
        }
        CellKind::Money => {
            let (number, unit) = match t.strip_suffix("万元") {
                Some(n) => (n, Some(Unit::WanYuan)),
                None => match t.strip_suffix('元') {
                    Some(n) => (n, Some(Unit::Yuan)),
                    None => (t, None),
                },
            };
            amount(number.trim(), t).map(|d| CellValue::Money(d, unit))
        }
    }
}

/// Whether `t` is an integer that only failed to parse for its size.
fn looks_like_int(t: &str) -> bool {
    let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Parses the number of an amount (`t` is the cell as written), refusing
/// one beyond [`MAX_AMOUNT_DIGITS`].
fn amount(number: &str, t: &str) -> Result<Decimal, BadNumber> {
    let int_part = number.split('.').next().unwrap_or("").trim_start_matches('0');
    if int_part.len() > MAX_AMOUNT_DIGITS && int_part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad(
            "IN-RANGE",
            format!("`{t}` is larger than any amount can be (at most {MAX_AMOUNT_DIGITS} digits before the point)"),
            Some("check the figure for extra digits, and the unit (元 or 万元)".into()),
        ));
    }
    let significant = number.bytes().filter(u8::is_ascii_digit).skip_while(|&b| b == b'0').count();
    if significant > MAX_AMOUNT_SIGNIFICANT && number.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return Err(bad(
            "IN-RANGE",
            format!(
                "`{t}` has more than {MAX_AMOUNT_SIGNIFICANT} significant digits, more than open data can carry exactly"
            ),
            Some("round it as the original prints it (万元 figures usually have two to four decimals)".into()),
        ));
    }
    Decimal::parse(number).ok_or_else(|| not_a_number(t))
}

/// A count beyond [`MAX_COUNT`]: an error at its cell, never a wrapped sum.
fn too_large(t: &str) -> BadNumber {
    bad(
        "IN-RANGE",
        format!("`{t}` is larger than any count can be (at most {MAX_COUNT})"),
        Some("check the figure for extra or repeated digits".into()),
    )
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
    let mut ctx = Ctx { file, diags, errors: 0, unknown: 0 };
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
                Err(e) => ctx.yaml_error(e),
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
    let body_line = u32::try_from(text[..text.len() - body.len()].matches('\n').count()).unwrap_or(0) + 1;
    nesting_error(&mut ctx, body, body_line);
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
    let mut ctx = Ctx { file, diags, errors: 0, unknown: 0 };
    let root = match yaml::parse(text, 1) {
        Ok(Some(root)) => root,
        Ok(None) => {
            ctx.error("IN-AGENCY", Pos::new(1, 1, 1), "the agency file is empty: it needs `name:` and `kind:`".into());
            return None;
        }
        Err(e) => {
            ctx.yaml_error(e);
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

/// For unit tests of partial reports: a `missing_in_original` line naming
/// every table of `year`'s form that `front` does not write.
#[cfg(test)]
pub(crate) fn absent_tables(year: i32, front: &str) -> String {
    let forms = Forms::builtin();
    let Some(form) = forms.for_year(year) else { return String::new() };
    let absent: Vec<&str> = form
        .tables
        .iter()
        .map(|t| t.key.as_str())
        .filter(|k| !front.starts_with(&format!("{k}:")) && !front.contains(&format!("\n{k}:")))
        .collect();
    if absent.is_empty() { String::new() } else { format!("missing_in_original: [{}]\n", absent.join(", ")) }
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
        assert_eq!(parse_value("123456789012.123", CellKind::Decimal).unwrap().to_string(), "123456789012.123");
        assert_eq!(parse_value("123456789012.1234", CellKind::Decimal).unwrap_err().code, "IN-RANGE");
        assert_eq!(parse_value("1234567890123", CellKind::Money).unwrap_err().code, "IN-RANGE");
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
