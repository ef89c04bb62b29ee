//! Reports kept as published (`as_published: true`, 按原文收录): reproduced
//! exactly as their agency published them, figures never altered. The
//! form's rules still run on them; a rule that does not hold is a notice
//! (never an error, never a warning), and the report's page states it to
//! readers in a 数据核对提示 box, in Chinese whatever the run's language.
//! Input errors (YAML, keys, figures, missing tables) stay errors: the file
//! must still say exactly what was printed.

use super::cross::pair_failures;
use super::explain::placed;
use super::tables::{Failure, report_failures};
use crate::diag::{Diagnostic, Severity};
use crate::i18n::{Lang, in_lang};
use crate::model::{Notice, Report};
use rayon::prelude::*;

/// Makes every finding a notice (the findings of the form's rules on a
/// report kept as published).
pub fn as_notices(diags: &mut [Diagnostic]) {
    for d in diags {
        d.severity = Severity::Notice;
    }
}

/// A failure as readers see it: the rule's code, its table, and its
/// statement in Chinese (`表三「自然人」列：（七）总计 767，各项之和 768，相差 1`).
fn notice(f: &Failure<'_>) -> Notice {
    Notice { code: f.rule.code.clone(), table: f.spec.key.clone(), message: in_lang(Lang::Zh, || placed(f)) }
}

/// What the page of `report` (kept as published) tells readers: one notice
/// per row or column on which a rule of its form does not hold, in the
/// form's order, then the rules against `prev`, the same agency's report of
/// the year before. Not grouped as `check` groups them: each statement of
/// figures that do not agree stands on its own line.
pub fn notices(report: &Report, prev: Option<&Report>) -> Vec<Notice> {
    let mut out: Vec<Notice> = report_failures(report).iter().map(notice).collect();
    if let Some(prev) = prev {
        out.extend(pair_failures(prev, report).iter().map(notice));
    }
    out
}

/// Sets the notices of every report kept as published in `reports` (sorted
/// by agency, then year, as [`super::check_reports`] takes them).
pub fn attach(reports: &mut [Report]) {
    let found: Vec<(usize, Vec<Notice>)> = (0..reports.len())
        .into_par_iter()
        .filter(|&i| reports[i].as_published)
        .map(|i| {
            let prev = i
                .checked_sub(1)
                .map(|p| &reports[p])
                .filter(|p| p.agency == reports[i].agency && p.year + 1 == reports[i].year);
            (i, notices(&reports[i], prev))
        })
        .collect();
    for (i, notices) in found {
        reports[i].notices = notices;
    }
}
