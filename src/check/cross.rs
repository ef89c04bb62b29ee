//! Checks between a report and the same agency's report of the year before:
//! carried-over applications, document stocks, copied text and copied figures.

use super::tables::{Side, check_rule};
use crate::diag::{Diagnostic, Pos};
use crate::model::Report;
use std::collections::HashSet;

/// Runs every cross-year check of `this` against `prev` (the year before).
pub fn check_pair(prev: &Report, this: &Report, similarity: f64, diags: &mut Vec<Diagnostic>) {
    let form = &this.form;
    for rule in form.cross_year.iter().filter(|r| r.from_year.is_none_or(|y| this.year >= y)) {
        let spec = &form.tables[rule.table];
        let (Some(a), Some(b)) = (Side::of(this, &spec.key), Side::of(prev, &spec.key)) else {
            continue;
        };
        diags.extend(check_rule(rule, form, a, Some(b)));
    }
    copied_text(prev, this, similarity, diags);
    copied_figures(prev, this, diags);
}

pub use crate::model::Sentence;

/// The sentences of a narrative, normalised so that a copy with updated
/// figures or years still counts as a copy: digits count as `0`, Markdown
/// markup and white space are dropped. Headings (fixed by the form) and
/// short fragments (无) are skipped. Hashed (FNV-1a) rather than kept as
/// text: a portal compares thousands of pairs.
pub fn fingerprint(body: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    for line in body.lines().filter(|l| !l.trim_start().starts_with('#')) {
        for sentence in line.split(['。', '！', '？', '；']) {
            let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
            let mut len = 0u32;
            for c in sentence.chars().filter(|c| !c.is_whitespace() && !matches!(c, '*' | '#' | '|' | '>' | '-' | '_'))
            {
                let c = if c.is_ascii_digit() { '0' } else { c };
                hash = (hash ^ u64::from(u32::from(c))).wrapping_mul(0x0100_0000_01b3);
                len += 1;
            }
            if len >= 8 {
                out.push((hash, len));
            }
        }
    }
    out
}

/// The share of `this`'s narrative (by characters) made of sentences that
/// also appear in `prev`'s.
pub fn copied_share(prev: &[Sentence], this: &[Sentence]) -> f64 {
    let before: HashSet<u64> = prev.iter().map(|s| s.0).collect();
    let total: u64 = this.iter().map(|s| u64::from(s.1)).sum();
    if total == 0 {
        return 0.0;
    }
    let copied: u64 = this.iter().filter(|s| before.contains(&s.0)).map(|s| u64::from(s.1)).sum();
    copied as f64 / total as f64
}

/// X-DUP (内容雷同): more than `threshold` of the narrative repeats last year's.
fn copied_text(prev: &Report, this: &Report, threshold: f64, diags: &mut Vec<Diagnostic>) {
    let share = copied_share(&prev.sentences, &this.sentences);
    if share > threshold {
        diags.push(
            Diagnostic::warning("X-DUP", &this.file, Pos::new(this.body_line, 1, 1), format!("{:.0}% of the narrative repeats the {} report word for word (内容雷同)", share * 100.0, prev.year))
                .with_related(&prev.file, Pos::new(prev.body_line, 1, 1), format!("{} report", prev.year))
                .with_help("the 2021 format names 内容雷同 as a failing; describe this year's work (the threshold is [check] similarity in site.toml)"),
        );
    }
}

/// X-STALE: every figure identical to last year's (a copied report). Stocks
/// (现行有效件数) may rightly repeat, so at least one flow of the year must
/// be non-zero for two equal reports to look copied.
fn copied_figures(prev: &Report, this: &Report, diags: &mut Vec<Diagnostic>) {
    let mut compared = 0usize;
    let mut nonzero = false;
    for (i, spec) in this.form.tables.iter().enumerate() {
        let Some((pspec, pdata)) = prev.table(&spec.key) else {
            continue;
        };
        let data = &this.tables[i];
        for (r, row) in spec.row_leaves.iter().enumerate() {
            for (c, col) in spec.col_leaves.iter().enumerate() {
                let (Some(pr), Some(pc)) = (pspec.row(&row.id), pspec.col(&col.id)) else {
                    continue;
                };
                let (a, b) = (&data.cell(r, c).value, &pdata.cell(pr, pc).value);
                if a != b {
                    return;
                }
                compared += 1;
                nonzero |= a.to_f64() != 0.0 && !row.stock && !col.stock;
            }
        }
    }
    if compared > 0 && nonzero {
        diags.push(
            Diagnostic::warning(
                "X-STALE",
                &this.file,
                this.year_pos,
                format!("every figure of this report equals the {} report's", prev.year),
            )
            .with_related(&prev.file, prev.year_pos, format!("{} report", prev.year))
            .with_help("were last year's tables copied? enter this year's figures"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_with_new_figures_still_count() {
        let prev = "2019年，我镇主动公开信息156条，较上年增长10%。\n\n本年度无其他需要报告的事项。\n";
        let this = "2020年，我镇主动公开信息278条，较上年增长78%。\n\n本年度无其他需要报告的事项。\n";
        assert!(copied_share(&fingerprint(prev), &fingerprint(this)) > 0.99);
        assert!(
            copied_share(&fingerprint(prev), &fingerprint("完全不同的一段新的叙述文字。另一段不同内容的说明。")) < 0.01
        );
    }
}
