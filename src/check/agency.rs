//! Checks that depend on who publishes the report: the deadline and the
//! rows only rule-making agencies may fill.

use super::explain::{figure, leaf_name};
use crate::config::Deadlines;
use crate::diag::Diagnostic;
use crate::model::{Agency, AgencyKind, Date, Report};

/// PUB-DATE: the publication date against the deadline for the agency's kind.
pub fn check_deadline(report: &Report, agency: &Agency, deadlines: &Deadlines, diags: &mut Vec<Diagnostic>) {
    let Some(published) = report.published else {
        return;
    };
    let md = deadlines.for_kind(agency.kind);
    let Some(deadline) = Date::parse(&format!("{}-{md}", report.year + 1)) else {
        return;
    };
    let file = &report.file;
    if published > deadline {
        diags.push(
            Diagnostic::warning(
                "PUB-DATE",
                file,
                report.published_pos,
                crate::t!(
                    "check-late",
                    published = published.to_string(),
                    deadline = deadline.to_string(),
                    kind = agency.kind.name()
                ),
            )
            .with_label(crate::t!("check-published-label"))
            .with_help(crate::t!("check-late-help")),
        );
    } else if published.year <= report.year {
        diags.push(
            Diagnostic::warning(
                "PUB-DATE",
                file,
                report.published_pos,
                crate::t!("check-early", published = published.to_string(), year = report.year.to_string()),
            )
            .with_label(crate::t!("check-published-label"))
            .with_help(crate::t!("check-early-help")),
        );
    }
}

/// T2-GUIZHANG: towns and 街道 cannot make 规章, so their 规章 figures should be 0.
pub fn check_authority(report: &Report, agency: &Agency, diags: &mut Vec<Diagnostic>) {
    if !matches!(agency.kind, AgencyKind::Township | AgencyKind::Subdistrict) {
        return;
    }
    for rr in &report.form.authority_rows {
        let Some((spec, data)) = report.table(&rr.table) else {
            continue;
        };
        let Some(r) = spec.row(&rr.row) else { continue };
        if let Some(c) = (0..spec.col_leaves.len()).find(|&c| data.cell(r, c).value.to_f64() != 0.0) {
            let cell = data.cell(r, c);
            let message = crate::t!(
                "check-guizhang",
                agency = &agency.name,
                cell = crate::t!(
                    "check-cell-at",
                    row = leaf_name(&spec.row_leaves, r),
                    col = leaf_name(&spec.col_leaves, c),
                    value = figure(cell)
                ),
                kind = agency.kind.name()
            );
            diags.push(
                Diagnostic::warning("T2-GUIZHANG", &report.file, cell.pos, message)
                    .with_help(crate::t!("check-guizhang-help")),
            );
        }
    }
}
