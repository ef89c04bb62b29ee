//! Open data: every cell of every report, as JSON and CSV.
//!
//! Each cell is reachable by its row and column ids, with its unit and how
//! it got its value (`given`, `blank`, `omitted`, `computed`), so a reuser
//! never mistakes a total gongkai computed for a published one. The labels
//! of the ids are written once per form (`data/forms.json`,
//! `data/labels.csv`), not once per report: a report's `report.json` holds
//! ids and figures, its `report.csv` the tables as the form lays them out.
//!
//! The CSV files are made to be opened in Excel or WPS, which run a cell
//! starting with `=`, `+`, `-` or `@` as a formula: every text cell (names,
//! titles, labels, ids) goes through `csv_text`, which defuses such cells;
//! figures go through `csv_figure` and stay numbers.

use crate::model::{Agency, CellValue, Report, Source};
use serde::Serialize;

mod json;
mod wide;

pub use json::{FORMS_PATH, forms_json, report_json};
pub use wide::report_csv;

/// The version of the open-data layout, written as `schema` in
/// `report.json`, `report.csv` and `data/forms.json`. Version 2 writes each
/// label once per form (`data/forms.json`); a report's files carry ids and
/// figures. Version 1 (gongkai before it) repeated the labels per report.
pub const SCHEMA: u32 = 2;

/// A row or column in the open data.
#[derive(Debug, Serialize)]
pub struct AxisRecord<'a> {
    /// Id (`new`, `denied_1`, `natural`, `review.total`).
    pub id: &'a str,
    /// Official label.
    pub label: &'a str,
    /// Labels from the outermost group to this row or column.
    pub path: &'a [String],
    /// Unit fixed by the row or column (万元), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'a str>,
}

/// A table of a report: its rows and columns with ids and labels, and the
/// figures as a matrix `values[row][column]`. The report's files write the
/// ids and figures; the labels go once per form to `data/forms.json`.
#[derive(Debug)]
pub struct TableRecord<'a> {
    /// Front-matter key.
    pub key: &'a str,
    /// Official caption.
    pub caption: &'a str,
    /// Section number 1–6.
    pub section: usize,
    /// The rows, in order.
    pub rows: Vec<AxisRecord<'a>>,
    /// The columns, in order.
    pub columns: Vec<AxisRecord<'a>>,
    /// The figures (numbers; `null` where one cannot be a number, or where a
    /// report kept as published has a blank cell).
    pub values: Vec<Vec<serde_json::Value>>,
    /// How each cell got its value: `given`, `blank`, `omitted` or `computed`.
    pub sources: Vec<Vec<Source>>,
    /// Units written in the cells (`元`, `万元`), for tables of amounts with units.
    pub units: Option<Vec<Vec<Option<&'a str>>>>,
    /// `true` when the published original has no such table
    /// (`missing_in_original`): every value is then `null`, never a zero the
    /// agency did not state, and the CSV files have no rows for it.
    pub absent: bool,
}

/// Form metadata in the open data.
#[derive(Debug, Serialize)]
pub struct FormRecord<'a> {
    /// `cn-2021`.
    pub id: &'a str,
    /// Official name.
    pub name: &'a str,
    /// Issuing notice.
    pub issued_by: &'a str,
}

/// Agency metadata in the open data.
#[derive(Debug, Serialize)]
pub struct AgencyRecord<'a> {
    /// Slug.
    pub slug: &'a str,
    /// Full name.
    pub name: &'a str,
    /// Kind (部门 / 乡镇 / 街道 / 人民政府).
    pub kind: &'a str,
}

/// Everything the open data says about a report, built once and written
/// as `report.json`, `report.csv` and the report's rows of `data/cells.csv`.
#[derive(Debug)]
pub struct ReportRecord<'a> {
    /// The agency.
    pub agency: AgencyRecord<'a>,
    /// Report year.
    pub year: i32,
    /// Title.
    pub title: String,
    /// Publication date, if stated.
    pub published: Option<String>,
    /// The form.
    pub form: FormRecord<'a>,
    /// Page, relative to the site root.
    pub url: String,
    /// Every table.
    pub tables: Vec<TableRecord<'a>>,
    /// `true` when the report is kept as published (按原文收录): its
    /// figures are the original's, unaltered, no total is computed, and a
    /// blank cell's value is `null`.
    pub as_published: bool,
    /// The form's rules that do not hold in a report kept as published
    /// (`code`, `table`, `message` in Chinese), as its page's 数据核对提示
    /// states them; empty otherwise.
    pub notices: &'a [crate::model::Notice],
}

fn value_json(v: &CellValue) -> serde_json::Value {
    match v {
        CellValue::Int(n) => serde_json::Value::from(*n),
        // Whole amounts stay integers (`1054900`, not `1054900.0`).
        CellValue::Decimal(d) | CellValue::Money(d, _) if d.scale == 0 => serde_json::Value::from(d.units),
        // Exact: parsing allows at most 15 significant digits
        // (`parse::MAX_AMOUNT_SIGNIFICANT`), which a float keeps.
        CellValue::Decimal(d) | CellValue::Money(d, _) => {
            serde_json::Number::from_f64(d.to_f64()).map_or(serde_json::Value::Null, serde_json::Value::Number)
        }
    }
}

/// A row-major matrix of something of each cell.
fn grid<'a, T>(
    spec: &crate::form::TableSpec,
    data: &'a crate::model::TableData,
    f: impl Fn(&'a crate::model::Cell) -> T,
) -> Vec<Vec<T>> {
    (0..spec.row_leaves.len()).map(|r| (0..spec.col_leaves.len()).map(|c| f(data.cell(r, c))).collect()).collect()
}

/// The record of a report.
pub fn record<'a>(report: &'a Report, agency: &'a Agency) -> ReportRecord<'a> {
    let form = &report.form;
    let axis =
        |l: &'a crate::form::Leaf| AxisRecord { id: &l.id, label: &l.label, path: &l.path, unit: l.unit.as_deref() };
    let tables = form
        .tables
        .iter()
        .zip(&report.tables)
        .map(|(spec, data)| {
            let has_money = data.cells.iter().any(|c| matches!(c.value, CellValue::Money(..)));
            TableRecord {
                key: &spec.key,
                caption: &spec.caption,
                section: spec.section,
                rows: spec.row_leaves.iter().map(axis).collect(),
                columns: spec.col_leaves.iter().map(axis).collect(),
                // A blank cell of a report kept as published printed no figure, not a 0.
                values: grid(spec, data, |c| {
                    let printed = data.given && !(report.as_published && c.source == Source::Blank);
                    if printed { value_json(&c.value) } else { serde_json::Value::Null }
                }),
                sources: grid(spec, data, |c| c.source),
                units: has_money.then(|| {
                    grid(spec, data, |c| match &c.value {
                        CellValue::Money(_, u) => u.map(crate::model::Unit::as_str),
                        _ => None,
                    })
                }),
                absent: !data.given,
            }
        })
        .collect();
    ReportRecord {
        agency: AgencyRecord { slug: &agency.slug, name: &agency.name, kind: agency.kind.name() },
        year: report.year,
        title: report.display_title(&agency.name),
        published: report.published.map(|d| d.to_string()),
        form: FormRecord { id: &form.id, name: &form.name, issued_by: &form.issued_by },
        url: super::urls::report(&report.agency, report.year),
        tables,
        as_published: report.as_published,
        notices: &report.notices,
    }
}

/// Quotes a CSV field when needed (RFC 4180).
fn csv_field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")).into() } else { s.into() }
}

/// Whether a spreadsheet would run a cell starting like `s` as a formula
/// (the OWASP CSV-injection list: `=`, `+`, `-`, `@`, tab, carriage return).
fn runs_as_formula(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A text cell of a CSV file: one that a spreadsheet would run as a formula
/// gets a leading `'` (shown as text, and the usual sign for "this is not a
/// formula"), and is quoted; others are quoted as RFC 4180 needs. Every
/// name, title, label and id written to CSV goes through here.
pub(crate) fn csv_text(s: &str) -> std::borrow::Cow<'_, str> {
    if runs_as_formula(s) { format!("\"'{}\"", s.replace('"', "\"\"")).into() } else { csv_field(s) }
}

/// A figure of a CSV file (`-8` in a 本年增/减 column, `1054900`): written
/// as is, so spreadsheets read it as the number it is. Only gongkai's own
/// number formatting produces these, never text from a report.
fn csv_figure(s: &str) -> std::borrow::Cow<'_, str> {
    csv_field(s)
}

/// One cell of a CSV line, saying whether it is text or a figure.
#[derive(Debug, Clone, Copy)]
enum Cell<'a> {
    /// A name, title, label or id: see [`csv_text`].
    Text(&'a str),
    /// A number: see [`csv_figure`].
    Figure(&'a str),
}

/// The header of the site-wide `data/cells.csv`: ids only (labels are in
/// `data/labels.csv`), so the file stays a fraction of the size.
pub const CELLS_HEADER: &str = "agency,year,form,table,row,column,value,unit,source\n";

/// The header of `data/labels.csv`: the label of every row and column id.
pub const LABELS_HEADER: &str = "form,table,table_caption,axis,id,label\n";

fn source_name(s: Source) -> &'static str {
    match s {
        Source::Given => "given",
        Source::Blank => "blank",
        Source::Omitted => "omitted",
        Source::Computed => "computed",
    }
}

/// Visits every cell of a record: (table, row, column, value text, unit, source).
fn each_cell(
    rec: &ReportRecord<'_>,
    mut f: impl FnMut(&TableRecord<'_>, &AxisRecord<'_>, &AxisRecord<'_>, String, &str, Source),
) {
    for t in rec.tables.iter().filter(|t| !t.absent) {
        for (r, row) in t.rows.iter().enumerate() {
            for (c, col) in t.columns.iter().enumerate() {
                let value = match &t.values[r][c] {
                    serde_json::Value::Null => String::new(),
                    v => v.to_string(),
                };
                let unit = t.units.as_ref().and_then(|u| u[r][c]).or(col.unit).or(row.unit).unwrap_or("");
                f(t, row, col, value, unit, t.sources[r][c]);
            }
        }
    }
}

/// The rows (no header) of a report in `data/cells.csv`.
pub fn cells_rows(rec: &ReportRecord<'_>) -> String {
    let mut out = String::new();
    let year = rec.year.to_string();
    each_cell(rec, |t, row, col, value, unit, source| {
        push_csv_line(
            &mut out,
            &[
                Cell::Text(rec.agency.slug),
                Cell::Figure(&year),
                Cell::Text(rec.form.id),
                Cell::Text(t.key),
                Cell::Text(row.id),
                Cell::Text(col.id),
                Cell::Figure(&value),
                Cell::Text(unit),
                Cell::Text(source_name(source)),
            ],
        );
    });
    out
}

/// The rows (no header) of `data/labels.csv` for one form.
pub fn label_rows(form: &crate::form::Form) -> String {
    let mut out = String::new();
    for t in &form.tables {
        for (axis, leaves) in [("row", &t.row_leaves), ("column", &t.col_leaves)] {
            for l in leaves.iter() {
                let path = l.path.join("/");
                let cells = [form.id.as_str(), t.key.as_str(), t.caption.as_str(), axis, l.id.as_str(), path.as_str()]
                    .map(Cell::Text);
                push_csv_line(&mut out, &cells);
            }
        }
    }
    out
}

/// Appends one CSV line, each cell written by its kind.
fn push_csv_line(out: &mut String, cells: &[Cell<'_>]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&match cell {
            Cell::Text(s) => csv_text(s),
            Cell::Figure(s) => csv_figure(s),
        });
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("说\"明\""), "\"说\"\"明\"\"\"");
        assert_eq!(csv_field("（一）予以公开"), "（一）予以公开");
    }

    #[test]
    fn text_cells_a_spreadsheet_would_run_are_defused_and_figures_are_not() {
        assert_eq!(csv_text("=HYPERLINK(\"http://x/\",\"点\")"), "\"'=HYPERLINK(\"\"http://x/\"\",\"\"点\"\")\"");
        for s in ["+1", "-1+2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(csv_text(s), format!("\"'{}\"", s), "{s:?}");
        }
        assert_eq!(csv_text("百步镇=人民政府"), "百步镇=人民政府");
        let mut line = String::new();
        push_csv_line(&mut line, &[Cell::Text("-8"), Cell::Figure("-8"), Cell::Figure("1054900.5")]);
        assert_eq!(line, "\"'-8\",-8,1054900.5\n");
    }
}
