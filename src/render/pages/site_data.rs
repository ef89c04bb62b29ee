//! The site-wide open data (`data/cells.csv`, `data/reports.json`,
//! `data/labels.csv`, `data/forms.json`), written chunk by chunk with the report pages, and
//! `data/totals.csv`: each year's 汇总, of the whole site and of each
//! parent agency over the agencies under it.

use super::*;

/// The reports in build order: by agency, then year.
pub(super) fn report_order(index: &Index<'_>) -> Vec<usize> {
    index.by_agency.values().flatten().copied().collect()
}

/// Writes the labels of the forms in use, once per form: `data/labels.csv`
/// and `data/forms.json`, which the ids of every report's data resolve against.
pub(super) fn render_labels(index: &Index<'_>, sink: &dyn Sink) -> Result<(), WriteError> {
    let mut labels = format!("\u{feff}{}", data::LABELS_HEADER);
    let mut forms_used: Vec<&crate::form::Form> = Vec::new();
    for r in &index.reports {
        if !forms_used.iter().any(|f| f.id == r.form.id) {
            forms_used.push(&r.form);
            labels.push_str(&data::label_rows(&r.form));
        }
    }
    sink.put("data/labels.csv", labels.as_bytes())?;
    sink.put(data::FORMS_PATH, data::forms_json(&forms_used).as_bytes())
}

/// The header of `data/totals.csv`: `scope` is empty for the whole site,
/// else the slug of the parent agency whose agencies were summed.
pub const TOTALS_HEADER: &str = "scope,year,form,table,row,column,value,unit,reports\n";

/// A CSV field, quoted when it holds a comma, a quote or a line break; a
/// text a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is
/// kept as text with a leading `'`. Figures are written as they are.
fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_owned() };
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s }
}

/// The rows of `data/totals.csv` for the reports `list` summed under `scope`.
fn totals_rows(index: &Index<'_>, scope: &str, year: i32, list: &[usize], out: &mut String) {
    let mut forms: Vec<(&Form, Vec<&Report>)> = Vec::new();
    for &i in list {
        let r = index.report(i);
        match forms.iter_mut().find(|(f, _)| f.id == r.form.id) {
            Some((_, v)) => v.push(r),
            None => forms.push((&r.form, vec![r])),
        }
    }
    for (form, reports) in forms {
        for sum in crate::rollup::sum(&reports) {
            for (t, spec) in form.tables.iter().enumerate() {
                if sum.counted[t] > 0 {
                    table_rows(scope, year, &sum, t, spec, out);
                }
            }
        }
    }
}

/// The rows of one summed table: an unknown sum has an empty value, never
/// a guess (see [`crate::rollup::Sum::unknown`]).
fn table_rows(scope: &str, year: i32, sum: &crate::rollup::Sum, t: usize, spec: &TableSpec, out: &mut String) {
    let table = &sum.tables[t];
    for (k, cell) in table.cells.iter().enumerate() {
        let (row, col) = (&spec.row_leaves[k / table.cols], &spec.col_leaves[k % table.cols]);
        let (value, unit) = match &cell.value {
            CellValue::Money(d, _) => (d.to_string(), "元"),
            v => (v.to_string(), col.unit.as_deref().or(row.unit.as_deref()).unwrap_or("")),
        };
        let value = if sum.unknown[t][k] { String::new() } else { value };
        let line = [scope, &year.to_string(), &sum.form.id, &spec.key, &row.id, &col.id].map(field).join(",");
        // The figure as a number (a sum of deltas may be negative).
        out.push_str(&format!("{line},{value},{},{}\n", field(unit), sum.counted[t]));
    }
}

/// Writes `data/totals.csv`: every year's 汇总 of the site, then of each
/// parent agency (see [`super::year::parent_reports`]).
pub(super) fn render_totals(index: &Index<'_>, sink: &dyn Sink) -> Result<(), WriteError> {
    let mut csv = format!("\u{feff}{TOTALS_HEADER}");
    for (&year, list) in &index.by_year {
        totals_rows(index, "", year, list, &mut csv);
        for (parent, mine) in super::year::parent_reports(index, list) {
            totals_rows(index, &parent.slug, year, &mine, &mut csv);
        }
    }
    sink.put("data/totals.csv", csv.as_bytes())
}

/// Writes the site-wide data of all reports, chunk by chunk; with `pages`,
/// renders each report's page and files on the way (a full build).
pub(super) fn render_reports_and_data(
    index: &Index<'_>,
    templates: &Templates,
    sink: &dyn Sink,
    pages: bool,
    mut search: Option<&mut crate::render::search::Writer>,
) -> Result<usize, BuildError> {
    sink.put("data/cells.csv", format!("\u{feff}{}", data::CELLS_HEADER).as_bytes())?;
    sink.put("data/reports.json", b"[")?;
    render_labels(index, sink)?;
    render_totals(index, sink)?;
    let order = report_order(index);
    crate::progress::add_work(order.len()); // progress: report pages to write
    let mut first = true;
    let indexed = search.is_some();
    for chunk in order.chunks(CHUNK) {
        let results: Vec<((String, String), String)> = chunk
            .par_iter()
            .map(|&i| {
                if pages {
                    render_report_keeping_body(index, templates, sink, i)
                } else {
                    Ok((report_data(index, i), if indexed { indexed_body(index, i)? } else { String::new() }))
                }
            })
            .collect::<Result<_, BuildError>>()?;
        if let Some(writer) = search.as_deref_mut() {
            let entries: Vec<_> =
                chunk.par_iter().zip(&results).map(|(&i, (_, body))| report_entry(index, i, body)).collect();
            writer.add_all(&entries, sink)?;
        }
        let mut csv = String::new();
        let mut json = String::new();
        for ((rows, summary), _) in results {
            csv.push_str(&rows);
            if !summary.is_empty() {
                json.push_str(if first { "\n" } else { ",\n" });
                json.push_str(&summary);
                first = false;
            }
        }
        crate::progress::done(chunk.len());
        sink.append("data/cells.csv", csv.as_bytes())?;
        sink.append("data/reports.json", json.as_bytes())?;
    }
    sink.append("data/reports.json", b"\n]\n")?;
    Ok(order.len())
}

/// The narrative the search index takes for report `i` when no page is
/// rendered: what [`render_report_keeping_body`] returns (nothing for a
/// report whose agency is not published).
fn indexed_body(index: &Index<'_>, i: usize) -> Result<String, BuildError> {
    let r = index.report(i);
    if index.agency(&r.agency).is_none() {
        return Ok(String::new());
    }
    super::report::narrative(index, r)
}

/// Writes only the site-wide files an update of a few reports leaves stale:
/// the open data and the search index (the preview writes them on demand).
pub fn render_site_data(index: &Index<'_>, templates: &Templates, sink: &dyn Sink) -> Result<(), BuildError> {
    let mut search = crate::render::search::Writer::default();
    render_reports_and_data(index, templates, sink, false, Some(&mut search))?;
    super::render_search(index, templates, sink, search)
}
