//! The 汇总 workbook: tables 二, 三 and 四 laid out like the form (merged
//! headers with the official labels, [`super::layout`]), figures as numbers,
//! cells printed blank left blank, and a sheet listing every finding of
//! `check` for the files exported. Written with rust_xlsxwriter.

use super::layout::{Placed, sheets};
use crate::diag::{Diagnostic, Severity};
use crate::form::Form;
use crate::model::{CellValue, Source, TableData, Unit};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use std::path::Path;

/// One set of tables to export: a report, or a sum of reports.
#[derive(Debug)]
pub struct Block<'a> {
    /// Before each sheet name (`2024年`), empty for a single block.
    pub prefix: String,
    /// The heading of its sheets (agency and year, or what was summed).
    pub heading: String,
    /// The form the figures follow.
    pub form: &'a Form,
    /// The figures, one per table of the form.
    pub tables: &'a [TableData],
}

/// The formats of a workbook.
struct Formats {
    /// Sheet titles.
    title: Format,
    /// Table captions.
    caption: Format,
    /// Header cells.
    header: Format,
    /// Figures.
    figure: Format,
    /// Plain text cells (the findings).
    text: Format,
}

impl Formats {
    /// The formats used everywhere.
    fn new() -> Formats {
        let bordered = Format::new().set_border(FormatBorder::Thin).set_align(FormatAlign::VerticalCenter);
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            caption: Format::new().set_bold(),
            header: bordered.clone().set_align(FormatAlign::Center).set_text_wrap(),
            figure: bordered.clone().set_align(FormatAlign::Right),
            text: bordered.set_text_wrap(),
        }
    }
}

/// What a cell holds in the workbook: a number, a number in a unit (money
/// written with its unit), text (money without one, as written), or nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    /// A figure.
    Number(f64),
    /// An amount in 元 or 万元.
    Amount(f64, &'static str),
    /// An amount without a unit, as written.
    Text(String),
    /// A cell printed blank, or of a table the original does not print.
    Blank,
}

/// What the cell of `table` at `index` shows: blank when it was left blank,
/// or belongs to a table that was not given; else its value as a number.
pub fn shown(table: &TableData, index: usize) -> Shown {
    let cell = &table.cells[index];
    if cell.source == Source::Blank || (!table.given && cell.source == Source::Omitted) {
        return Shown::Blank;
    }
    match &cell.value {
        CellValue::Int(n) => Shown::Number(*n as f64),
        CellValue::Decimal(d) => Shown::Number(d.to_f64()),
        CellValue::Money(d, Some(u)) => Shown::Amount(d.to_f64(), Unit::as_str(*u)),
        CellValue::Money(d, None) => Shown::Text(d.to_string()),
    }
}

/// Writes one table: caption, headers (merged), figures.
fn write_table(sheet: &mut Worksheet, placed: &Placed, table: &TableData, f: &Formats) -> Result<(), XlsxError> {
    sheet.write_string_with_format(placed.caption_row, 0, &placed.caption, &f.caption)?;
    for h in &placed.headers {
        if h.top == h.bottom && h.left == h.right {
            sheet.write_string_with_format(h.top, h.left, &h.text, &f.header)?;
        } else {
            sheet.merge_range(h.top, h.left, h.bottom, h.right, &h.text, &f.header)?;
        }
    }
    for index in 0..table.cells.len() {
        let (row, col) = placed.cell(index / table.cols, index % table.cols);
        match shown(table, index) {
            Shown::Number(n) => sheet.write_number_with_format(row, col, n, &f.figure)?,
            Shown::Amount(n, unit) => {
                let format = f.figure.clone().set_num_format(format!("0.##\"{unit}\""));
                sheet.write_number_with_format(row, col, n, &format)?
            }
            Shown::Text(t) => sheet.write_string_with_format(row, col, &t, &f.figure)?,
            Shown::Blank => sheet.write_blank(row, col, &f.figure)?,
        };
    }
    Ok(())
}

/// The name of a sheet: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect()
}

/// Adds the sheets of one block.
fn add_block(book: &mut Workbook, block: &Block<'_>, f: &Formats) -> Result<(), XlsxError> {
    for (numeral, tables) in sheets(block.form) {
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(&format!("{}表{numeral}", block.prefix)))?;
        sheet.write_string_with_format(0, 0, &block.heading, &f.title)?;
        // Printed as the form is: landscape, one page wide.
        sheet.set_landscape().set_print_fit_to_pages(1, 0);
        let widest = tables.iter().map(|p| p.origin.1).max().unwrap_or(0);
        for c in 0..widest {
            sheet.set_column_width(c, 30)?;
        }
        for placed in &tables {
            write_table(sheet, placed, &block.tables[placed.table], f)?;
            let cols = block.tables[placed.table].cols as u16;
            for c in placed.origin.1..placed.origin.1 + cols {
                sheet.set_column_width(c, 12)?;
            }
        }
    }
    Ok(())
}

/// Adds a sheet of `rows` under a bold header row.
fn add_list(
    book: &mut Workbook,
    name: &str,
    header: &[String],
    rows: &[Vec<String>],
    f: &Formats,
) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(name))?;
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &f.header)?;
        sheet.set_column_width(c as u16, if c + 1 == header.len() { 60 } else { 14 })?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            sheet.write_string_with_format(r as u32 + 1, c as u16, text, &f.text)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// The findings as rows: severity, code, file (relative to `root`), line,
/// column, message, help.
fn finding_rows(findings: &[&Diagnostic], root: &Path) -> Vec<Vec<String>> {
    findings
        .iter()
        .map(|d| {
            let severity = match d.severity {
                Severity::Error => crate::t!("export-error"),
                Severity::Warning => crate::t!("export-warning"),
                Severity::Notice => crate::t!("export-notice"),
            };
            let file = d.file.strip_prefix(root).unwrap_or(&d.file).display().to_string();
            vec![
                severity,
                d.code.to_string(),
                file,
                d.pos.line.to_string(),
                d.pos.col.to_string(),
                d.message.clone(),
                d.help.clone().unwrap_or_default(),
            ]
        })
        .collect()
}

/// Builds the workbook: every block's sheets, then (when given) the list of
/// the agencies summed, then the findings. Returns the file's bytes.
pub fn workbook(
    blocks: &[Block<'_>],
    summed: &[Vec<String>],
    findings: &[&Diagnostic],
    root: &Path,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let f = Formats::new();
    for block in blocks {
        add_block(&mut book, block, &f)?;
    }
    if !summed.is_empty() {
        let header = [
            crate::t!("export-col-agency"),
            crate::t!("export-col-slug"),
            crate::t!("export-col-kind"),
            crate::t!("export-col-year"),
        ];
        add_list(&mut book, &crate::t!("export-sheet-agencies"), &header, summed, &f)?;
    }
    let header = [
        crate::t!("export-col-severity"),
        crate::t!("export-col-code"),
        crate::t!("export-col-file"),
        crate::t!("export-col-line"),
        crate::t!("export-col-column"),
        crate::t!("export-col-message"),
        crate::t!("export-col-help"),
    ];
    add_list(&mut book, &crate::t!("export-sheet-findings"), &header, &finding_rows(findings, root), &f)?;
    book.save_to_buffer()
}
