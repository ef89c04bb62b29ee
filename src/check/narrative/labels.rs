//! FMT-LABEL: labels of an older form in the narrative of a report of a newer one.

use crate::diag::Diagnostic;
use crate::model::Loaded;
use crate::source::LineIndex;

/// FMT-LABEL: labels of an older form in the narrative of a report of a newer one.
pub fn check_old_labels(loaded: &Loaded<'_>, diags: &mut Vec<Diagnostic>) {
    let report = &loaded.report;
    let form = &report.form;
    if form.old_labels.is_empty() {
        return;
    }
    let index = LineIndex::new(loaded.body);
    let body = loaded.body;
    let current: Vec<&str> = form
        .tables
        .iter()
        .flat_map(|t| t.row_leaves.iter().chain(&t.col_leaves).map(|l| l.label.as_str()))
        .chain(form.old_labels.iter().map(|o| o.new.as_str()))
        .collect();
    for old in form.old_labels.iter().filter(|o| body.contains(o.old.as_str())) {
        let covering: Vec<(usize, usize)> = current
            .iter()
            .chain(old.except.iter().map(String::as_str).collect::<Vec<_>>().iter())
            .filter(|l| l.contains(old.old.as_str()) && **l != old.old)
            .flat_map(|l| body.match_indices(*l).map(|(i, m)| (i, i + m.len())))
            .collect();
        for (i, m) in body.match_indices(old.old.as_str()) {
            if covering.iter().any(|&(s, e)| s <= i && i + m.len() <= e) {
                continue;
            }
            let pos = loaded.body_pos(&index, i, m.len());
            diags.push(
                Diagnostic::warning(
                    "FMT-LABEL",
                    &report.file,
                    pos,
                    crate::t!("check-old-label", old = &old.old, form = &form.name, new = &old.new),
                )
                .with_help(crate::t!(
                    "check-old-label-help",
                    form = &form.name,
                    issued_by = &form.issued_by
                )),
            );
        }
    }
}
