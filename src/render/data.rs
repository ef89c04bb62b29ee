//! Open data: every cell of every report, as JSON and CSV.
//!
//! Each cell carries its row and column ids and official labels, its unit,
//! and how it got its value (`given`, `blank`, `omitted`, `computed`), so a
//! reuser never mistakes a total gongkai computed for a published one.

use crate::model::{Agency, CellValue, Report, Source};
use serde::Serialize;

/// A cell in the open data.
#[derive(Debug, Serialize)]
pub struct CellRecord<'a> {
    /// Row id (`new`, `denied_1`).
    pub row: &'a str,
    /// Official row label.
    pub row_label: &'a str,
    /// Labels from the outermost row group to the row.
    pub row_path: &'a [String],
    /// Column id (`natural`, `review.total`).
    pub column: &'a str,
    /// Official column label.
    pub column_label: &'a str,
    /// Labels from the outermost column group to the column.
    pub column_path: &'a [String],
    /// The figure (a number; `null` where it cannot be one).
    pub value: serde_json::Value,
    /// Unit written in the cell or fixed by the column (元, 万元), if any.
    pub unit: Option<&'a str>,
    /// How the cell got its value.
    pub source: Source,
}

/// A table in the open data.
#[derive(Debug, Serialize)]
pub struct TableRecord<'a> {
    /// Front-matter key.
    pub key: &'a str,
    /// Official caption.
    pub caption: &'a str,
    /// Section number 1–6.
    pub section: usize,
    /// Cells, row by row.
    pub cells: Vec<CellRecord<'a>>,
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

/// `report.json`.
#[derive(Debug, Serialize)]
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
}

fn value_json(v: &CellValue) -> serde_json::Value {
    match v {
        CellValue::Int(n) => serde_json::Value::from(*n),
        // Whole amounts stay integers (`1054900`, not `1054900.0`).
        CellValue::Decimal(d) | CellValue::Money(d, _) if d.scale == 0 => {
            i64::try_from(d.units).map_or(serde_json::Value::Null, serde_json::Value::from)
        }
        CellValue::Decimal(d) | CellValue::Money(d, _) => {
            serde_json::Number::from_f64(d.to_f64()).map_or(serde_json::Value::Null, serde_json::Value::Number)
        }
    }
}

/// The record of a report.
pub fn record<'a>(report: &'a Report, agency: &'a Agency) -> ReportRecord<'a> {
    let form = &report.form;
    let tables = form
        .tables
        .iter()
        .zip(&report.tables)
        .map(|(spec, data)| {
            let mut cells = Vec::with_capacity(data.cells.len());
            for (r, row) in spec.row_leaves.iter().enumerate() {
                for (c, col) in spec.col_leaves.iter().enumerate() {
                    let cell = data.cell(r, c);
                    let unit = match &cell.value {
                        CellValue::Money(_, u) => u.as_deref(),
                        _ => col.unit.as_deref().or(row.unit.as_deref()),
                    };
                    cells.push(CellRecord {
                        row: &row.id,
                        row_label: &row.label,
                        row_path: &row.path,
                        column: &col.id,
                        column_label: &col.label,
                        column_path: &col.path,
                        value: value_json(&cell.value),
                        unit,
                        source: cell.source,
                    });
                }
            }
            TableRecord { key: &spec.key, caption: &spec.caption, section: spec.section, cells }
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
    }
}

/// Quotes a CSV field when needed (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_owned() }
}

/// The CSV header shared by `report.csv` and `data/cells.csv`.
pub const CSV_HEADER: &str =
    "agency,agency_name,year,form,table,table_caption,row,row_label,column,column_label,value,unit,source\n";

/// The CSV rows (no header) of a report: one row per cell.
pub fn csv_rows(rec: &ReportRecord<'_>) -> String {
    let mut out = String::new();
    for t in &rec.tables {
        for c in &t.cells {
            let value = match &c.value {
                serde_json::Value::Null => String::new(),
                v => v.to_string(),
            };
            let source = match c.source {
                Source::Given => "given",
                Source::Blank => "blank",
                Source::Omitted => "omitted",
                Source::Computed => "computed",
            };
            let fields = [
                rec.agency.slug,
                rec.agency.name,
                &rec.year.to_string(),
                rec.form.id,
                t.key,
                t.caption,
                c.row,
                c.row_label,
                c.column,
                c.column_label,
                &value,
                c.unit.unwrap_or(""),
                source,
            ];
            let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            out.push_str(&line.join(","));
            out.push('\n');
        }
    }
    out
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
}
