//! The site-wide open data (`data/cells.csv`, `data/reports.json`,
//! `data/labels.csv`, `data/forms.json`), written chunk by chunk with the report pages.

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
    let order = report_order(index);
    let mut first = true;
    for chunk in order.chunks(CHUNK) {
        let results: Vec<((String, String), String)> = chunk
            .par_iter()
            .map(|&i| {
                if pages {
                    render_report_keeping_body(index, templates, sink, i)
                } else {
                    Ok((report_data(index, i), String::new()))
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
        sink.append("data/cells.csv", csv.as_bytes())?;
        sink.append("data/reports.json", json.as_bytes())?;
    }
    sink.append("data/reports.json", b"\n]\n")?;
    Ok(order.len())
}

/// Writes only the site-wide data files (the preview writes them on demand).
pub fn render_site_data(index: &Index<'_>, templates: &Templates, sink: &dyn Sink) -> Result<(), BuildError> {
    render_reports_and_data(index, templates, sink, false, None).map(|_| ())
}
