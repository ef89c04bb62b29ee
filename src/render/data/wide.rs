//! `report.csv` (schema 2): the report's tables as the form lays them out.
//!
//! One block per table: a `table` line (key and caption), a line of column
//! ids, a line of column labels, then one line per row (row id, row label,
//! the figures, and a `note`), so a spreadsheet shows each table as printed
//! while every figure keeps the ids that `data/forms.json`,
//! `data/labels.csv` and `data/cells.csv` use. The note of a row lists its
//! cells with a unit (`amount=万元`) or not given by the report
//! (`total=computed`); a cell it does not list was given, without unit.

use super::{Cell, ReportRecord, SCHEMA, TableRecord, push_csv_line, source_name};
use crate::model::Source;

/// The note of row `r`: `column=unit` and `column=source` for each cell
/// with a unit or not given, separated by `; `.
fn row_note(t: &TableRecord<'_>, r: usize) -> String {
    let mut note = Vec::new();
    for (c, col) in t.columns.iter().enumerate() {
        let unit = t.units.as_ref().and_then(|u| u[r][c]).or(col.unit).or(t.rows[r].unit);
        if let Some(unit) = unit {
            note.push(format!("{}={unit}", col.id));
        }
        if t.sources[r][c] != Source::Given {
            note.push(format!("{}={}", col.id, source_name(t.sources[r][c])));
        }
    }
    note.join("; ")
}

/// Appends one table's block.
fn push_table(out: &mut String, t: &TableRecord<'_>) {
    out.push('\n');
    push_csv_line(out, &[Cell::Text("table"), Cell::Text(t.key), Cell::Text(t.caption)]);
    let mut ids = vec![Cell::Text("row"), Cell::Text("row_label")];
    ids.extend(t.columns.iter().map(|c| Cell::Text(c.id)));
    ids.push(Cell::Text("note"));
    push_csv_line(out, &ids);
    let labels: Vec<String> = t.columns.iter().map(|c| c.path.join("/")).collect();
    let mut line = vec![Cell::Text(""), Cell::Text("")];
    line.extend(labels.iter().map(|l| Cell::Text(l)));
    line.push(Cell::Text(""));
    push_csv_line(out, &line);
    for (r, row) in t.rows.iter().enumerate() {
        let label = row.path.join("/");
        let values: Vec<String> =
            t.values[r].iter().map(|v| if v.is_null() { String::new() } else { v.to_string() }).collect();
        let note = row_note(t, r);
        let mut line = vec![Cell::Text(row.id), Cell::Text(&label)];
        line.extend(values.iter().map(|v| Cell::Figure(v)));
        line.push(Cell::Text(&note));
        push_csv_line(out, &line);
    }
}

/// The text of `report.csv` (with the BOM Excel needs to read UTF-8): four
/// lines about the report (`schema`, `agency`, `year`, `form`), then a
/// block per table the original has.
pub fn report_csv(rec: &ReportRecord<'_>) -> String {
    let mut out = String::from("\u{feff}");
    let (schema, year) = (SCHEMA.to_string(), rec.year.to_string());
    push_csv_line(&mut out, &[Cell::Text("schema"), Cell::Figure(&schema)]);
    push_csv_line(&mut out, &[Cell::Text("agency"), Cell::Text(rec.agency.slug), Cell::Text(rec.agency.name)]);
    push_csv_line(&mut out, &[Cell::Text("year"), Cell::Figure(&year), Cell::Text(&rec.title)]);
    push_csv_line(&mut out, &[Cell::Text("form"), Cell::Text(rec.form.id), Cell::Text(rec.form.name)]);
    for t in rec.tables.iter().filter(|t| !t.absent) {
        push_table(&mut out, t);
    }
    out
}
