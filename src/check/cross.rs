//! Checks between a report and the same agency's report of the year before:
//! carried-over applications, document stocks, copied text and copied figures,
//! and figures that jump ([`super::jumps`]).

use super::tables::{Failure, Side, failures};
use crate::diag::{Diagnostic, Pos};
use crate::model::Report;
use std::borrow::Cow;
use std::collections::HashSet;

/// The failures of the cross-year rules of `this` against `prev` (the year
/// before), in the form's order.
pub fn pair_failures<'a>(prev: &'a Report, this: &'a Report) -> Vec<Failure<'a>> {
    let form = &this.form;
    let mut found = Vec::new();
    for rule in form.cross_year.iter().filter(|r| r.from_year.is_none_or(|y| this.year >= y)) {
        let spec = &form.tables[rule.table];
        let (Some(a), Some(b)) = (Side::of(this, &spec.key), Side::of(prev, &spec.key)) else {
            continue;
        };
        found.extend(failures(rule, form, a, Some(b)));
    }
    found
}

/// Runs every cross-year check of `this` against `prev` (the year before).
/// The rules' failures are notices when `this` is kept as published.
pub fn check_pair(prev: &Report, this: &Report, config: &crate::config::CheckConfig, diags: &mut Vec<Diagnostic>) {
    let mut found: Vec<Diagnostic> = pair_failures(prev, this).iter().map(super::explain::single).collect();
    if this.as_published {
        super::kept::as_notices(&mut found);
    }
    diags.extend(found);
    copied_text(prev, this, config.similarity, diags);
    copied_figures(prev, this, diags);
    super::jumps::check_jumps(prev, this, config, diags);
}

pub use crate::model::Sentence;

/// The sentences of a narrative, normalised so that a copy with updated
/// figures or years still counts as a copy: digits count as `0`, Markdown
/// markup and white space are dropped. Headings (fixed by the form), HTML
/// comments (the placeholders of `gongkai new`, never shown to readers) and
/// short fragments (无) are skipped, so two reports still as `gongkai new`
/// wrote them share nothing. Hashed (FNV-1a) rather than kept as text: a
/// portal compares thousands of pairs.
pub fn fingerprint(body: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let text = without_comments(body);
    for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
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

/// `body` without its HTML comments (`<!-- … -->`, maybe over several
/// lines; an unclosed one runs to the end, as in HTML). Line breaks inside a
/// comment are kept, so the lines around it stay apart.
pub(crate) fn without_comments(body: &str) -> Cow<'_, str> {
    if !body.contains("<!--") {
        return Cow::Borrowed(body);
    }
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 4..];
        let (comment, next) = after.find("-->").map_or((after, ""), |end| (&after[..end], &after[end + 3..]));
        out.extend(comment.chars().filter(|&c| c == '\n'));
        rest = next;
    }
    out.push_str(rest);
    Cow::Owned(out)
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
            Diagnostic::warning(
                "X-DUP",
                &this.file,
                Pos::new(this.body_line, 1, 1),
                crate::t!("check-dup", percent = format!("{:.0}", share * 100.0), year = prev.year.to_string()),
            )
            .with_related(
                &prev.file,
                Pos::new(prev.body_line, 1, 1),
                crate::t!("check-prev-report", year = prev.year.to_string()),
            )
            .with_help(crate::t!("check-dup-help")),
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
                crate::t!("check-stale", year = prev.year.to_string()),
            )
            .with_related(&prev.file, prev.year_pos, crate::t!("check-prev-report", year = prev.year.to_string()))
            .with_help(crate::t!("check-stale-help")),
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

    #[test]
    fn comments_are_not_narrative() {
        let scaffold = "## 一、总体情况\n\n<!-- 在此填写本部分内容 -->\n\n## 五、存在的主要问题及改进情况\n\n<!--\n多行的\n说明文字在这里\n-->\n";
        assert!(fingerprint(scaffold).is_empty());
        let text = "前面的一句完整的叙述。<!-- 注释 -->后面的一句完整的叙述。\n<!-- 未闭合的注释里面的很长的文字";
        assert_eq!(fingerprint(text).len(), 2);
    }
}
