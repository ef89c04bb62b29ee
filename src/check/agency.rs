//! Checks that depend on who publishes the report: the deadline and the
//! rows only rule-making agencies may fill.

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
            Diagnostic::warning("PUB-DATE", file, report.published_pos, format!("published {published}, after the deadline {deadline} for a {} report", agency.kind.name()))
                .with_label("publication date")
                .with_help("条例 第四十九条: departments publish by 1月31日, a government's own report by 3月31日; deadlines are set in site.toml [deadlines]"),
        );
    } else if published.year <= report.year {
        diags.push(
            Diagnostic::warning(
                "PUB-DATE",
                file,
                report.published_pos,
                format!("published {published}, before the end of the report year {}", report.year),
            )
            .with_label("publication date")
            .with_help("is the year or the date mistyped?"),
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
            diags.push(
                Diagnostic::warning("T2-GUIZHANG", &report.file, cell.pos, format!("{} reports {} / {} = {}, but a {} cannot make 规章", agency.name, spec.row_leaves[r].label, spec.col_leaves[c].label, cell.value, agency.kind.name()))
                    .with_help("only the State Council's departments and provincial, 设区的市 and 自治州 governments make 规章; report the town's documents as 规范性文件"),
            );
        }
    }
}
