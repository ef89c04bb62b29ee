//! The statistical rules (勾稽关系) of a form, applied to one report's tables
//! and between consecutive years of one agency. A rule that does not hold on
//! a row or column is a [`Failure`]; [`super::explain`] words it, and the
//! failures of one report that share a cell become one finding
//! ([`super::group`]).

use crate::diag::{Diagnostic, Pos};
use crate::form::{Each, Form, Leaf, Rule, TableSpec, Term};
use crate::model::{Cell, Report, Source, TableData};
use std::path::PathBuf;
use std::sync::Arc;

/// One report's table as seen by a rule: its spec, data and file.
#[derive(Clone, Copy)]
pub struct Side<'a> {
    /// The table's form spec.
    pub spec: &'a TableSpec,
    /// The figures.
    pub data: &'a TableData,
    /// The report file.
    pub file: &'a Arc<PathBuf>,
    /// Whether the report is kept as published: its blank totals were not
    /// printed, and no rule compares them.
    pub as_published: bool,
}

impl<'a> Side<'a> {
    /// The table `key` of `report`.
    pub fn of(report: &'a Report, key: &str) -> Option<Side<'a>> {
        let (spec, data) = report.table(key)?;
        Some(Side { spec, data, file: &report.file, as_published: report.as_published })
    }
}

/// A resolved term of a rule: a cell (or a constant) with its sign.
#[derive(Clone)]
pub struct Value<'a> {
    /// +1 or −1.
    pub sign: i64,
    /// The figure (0 for a blank cell, as the rules count it).
    pub value: i64,
    /// The cell, or `None` for a constant.
    pub cell: Option<&'a Cell>,
    /// The leaves that name the cell (rows for a column rule, columns for a
    /// row rule) and the index of its own.
    pub name: Option<(&'a [Leaf], usize)>,
    /// (row, column) of a cell of the report being checked; `None` for last
    /// year's cells and constants.
    pub at: Option<(usize, usize)>,
    /// Whether the cell is last year's.
    pub prev: bool,
    /// The file of the cell.
    pub file: &'a Arc<PathBuf>,
    /// A total that a report kept as published leaves blank: the agency
    /// printed no figure to compare, so the rule is not checked.
    pub unprinted: bool,
}

impl Value<'_> {
    /// Where the cell is written (the default position for a constant).
    pub fn pos(&self) -> Pos {
        self.cell.map_or_else(Pos::default, |c| c.pos)
    }
}

/// A rule that does not hold on one row or column of a table.
pub struct Failure<'a> {
    /// The rule.
    pub rule: &'a Rule,
    /// The report's form (for the table's title).
    pub form: &'a Form,
    /// The table.
    pub spec: &'a TableSpec,
    /// The file of the report checked.
    pub file: &'a Arc<PathBuf>,
    /// The row or column checked, when the table has more than one.
    pub line: Option<usize>,
    /// The left side's terms.
    pub lhs: Vec<Value<'a>>,
    /// The right side's terms.
    pub rhs: Vec<Value<'a>>,
}

impl Failure<'_> {
    /// The exact sum of one side, in 128 bits: a rule can never be passed
    /// (or a difference misstated) by a sum that wrapped.
    pub fn sum(side: &[Value<'_>]) -> i128 {
        side.iter().map(|v| i128::from(v.sign) * i128::from(v.value)).sum()
    }

    /// Every term, left side first.
    pub fn values(&self) -> impl Iterator<Item = &Value<'_>> {
        self.lhs.iter().chain(&self.rhs)
    }
}

/// Resolves `t` on row or column `line` of `this` (and `prev`, last year's
/// table, for `prev.` terms). `None` when the cell does not exist or holds
/// no count: the rule is then not checked on that line.
fn resolve<'a>(rule: &Rule, t: &Term, line: usize, this: Side<'a>, prev: Option<Side<'a>>) -> Option<Value<'a>> {
    if let Some(k) = t.constant {
        return Some(Value {
            sign: t.sign,
            value: k,
            cell: None,
            name: None,
            at: None,
            prev: false,
            file: this.file,
            unprinted: false,
        });
    }
    let side = if t.prev { prev? } else { this };
    let line_leaf = match rule.each {
        Each::Column => &this.spec.col_leaves[line],
        Each::Row => &this.spec.row_leaves[line],
    };
    // This report's cells are found by index; last year's (maybe another form) by id.
    let (r, c) = match (rule.each, t.prev) {
        (Each::Column, false) => (t.index, line),
        (Each::Row, false) => (line, t.index),
        (Each::Column, true) => (side.spec.row(&t.id)?, side.spec.col(&line_leaf.id)?),
        (Each::Row, true) => (side.spec.row(&line_leaf.id)?, side.spec.col(&t.id)?),
    };
    if !side.spec.kind(r, c).is_integer() {
        return None;
    }
    let cell = side.data.cell(r, c);
    let name = match rule.each {
        Each::Column => (side.spec.row_leaves.as_slice(), r),
        Each::Row => (side.spec.col_leaves.as_slice(), c),
    };
    Some(Value {
        sign: t.sign,
        value: cell.value.int(),
        cell: Some(cell),
        name: Some(name),
        at: (!t.prev).then_some((r, c)),
        prev: t.prev,
        file: side.file,
        unprinted: side.as_published && cell.source == Source::Blank && side.spec.is_total(r, c),
    })
}

/// The rows or columns on which `rule` does not hold in `this` table of a
/// report following `form`, with `prev` the same table of the previous
/// year's report for cross-year rules. A line with a total that a report
/// kept as published leaves blank is not checked: there is no printed
/// figure to disagree.
pub fn failures<'a>(rule: &'a Rule, form: &'a Form, this: Side<'a>, prev: Option<Side<'a>>) -> Vec<Failure<'a>> {
    let spec = this.spec;
    let mut out = Vec::new();
    // A table that the original does not print has no figures to compare.
    if !this.data.given || prev.is_some_and(|p| !p.data.given) {
        return out;
    }
    let lines = match rule.each {
        Each::Column => spec.col_leaves.len(),
        Each::Row => spec.row_leaves.len(),
    };
    for line in 0..lines {
        let side =
            |terms: &[Term]| terms.iter().map(|t| resolve(rule, t, line, this, prev)).collect::<Option<Vec<_>>>();
        let (Some(lhs), Some(rhs)) = (side(&rule.lhs), side(&rule.rhs)) else {
            continue;
        };
        if lhs.iter().chain(&rhs).any(|v| v.unprinted) {
            continue;
        }
        if rule.op.holds(Failure::sum(&lhs), Failure::sum(&rhs)) {
            continue;
        }
        out.push(Failure { rule, form, spec, file: this.file, line: (lines > 1).then_some(line), lhs, rhs });
    }
    out
}

/// Every failure of the in-report rules of the report's form, in the
/// form's order.
pub fn report_failures(report: &Report) -> Vec<Failure<'_>> {
    let form = &report.form;
    let mut found = Vec::new();
    for rule in &form.rules {
        let spec = &form.tables[rule.table];
        let this =
            Side { spec, data: &report.tables[rule.table], file: &report.file, as_published: report.as_published };
        found.extend(failures(rule, form, this, None));
    }
    found
}

/// Checks every in-report rule of the report's form. Rules broken by the
/// same cell are one finding at that cell ([`super::group`]). In a report
/// kept as published they are notices ([`super::kept`]).
pub fn check_report(report: &Report, diags: &mut Vec<Diagnostic>) {
    let mut found = super::group::diagnostics(&report_failures(report));
    if report.as_published {
        super::kept::as_notices(&mut found);
    }
    diags.extend(found);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::Forms;
    use crate::model::Source;

    fn report(yaml: &str) -> (Report, Vec<Diagnostic>) {
        let forms = Forms::builtin();
        let file = Arc::new(PathBuf::from("/s/content/reports/x/2024.md"));
        let mut diags = Vec::new();
        let text = format!("---\nyear: 2024\n{yaml}{}---\n", crate::parse::absent_tables(2024, yaml));
        let r = crate::parse::parse_report(&file, &text, "x", &forms, &mut diags).expect("parses").report;
        check_report(&r, &mut diags);
        (r, diags)
    }

    /// Whether a finding states `text` for rule `code`: as its own code and
    /// message, or as a note of a finding grouped under another rule.
    fn says(diags: &[Diagnostic], code: &str, text: &str) -> bool {
        diags.iter().any(|d| {
            (d.code == code && d.message.contains(text))
                || d.related.iter().any(|r| r.text.starts_with(&format!("{code}：")) && r.text.contains(text))
        })
    }

    #[test]
    fn balance_rule_names_the_column_and_the_numbers() {
        let (_, diags) = report(
            "applications:\n  new: [3, 0, 0, 0, 0, 0, 3]\n  partial: [2, 0, 0, 0, 0, 0, 2]\n  total: [2, 0, 0, 0, 0, 0, 2]\n",
        );
        let kj: Vec<_> = diags.iter().filter(|d| d.code == "T3-KJ").collect();
        assert_eq!(kj.len(), 2, "{diags:#?}");
        assert_eq!(
            kj[0].message,
            "表三「自然人」列：一 + 二 = 三（七）+ 四 不成立：左边 3 + 0 = 3，右边 2 + 0 = 2，相差 1"
        );
        assert_eq!(kj[0].pos.line, 4);
        assert_eq!(kj[0].label, "「一、本年新收政府信息公开申请数量」= 3");
        let lines: Vec<u32> = kj[0].related.iter().map(|r| r.pos.line).collect();
        assert!(lines.contains(&6), "{lines:?}");
    }

    #[test]
    fn a_failing_sum_states_the_total_the_sum_of_its_parts_and_the_difference() {
        // （七）总计 767 where its parts add up to 768; the balance still holds.
        let (_, diags) = report(
            "applications:\n  new: [768, 0, 0, 0, 0, 0, 768]\n  granted: [700, 0, 0, 0, 0, 0, 700]\n  partial: [68, 0, 0, 0, 0, 0, 68]\n  total: [767, 0, 0, 0, 0, 0, 767]\n  carried_out: [1, 0, 0, 0, 0, 0, 1]\n",
        );
        let sum: Vec<_> = diags.iter().filter(|d| d.code == "T3-SUM").collect();
        assert_eq!(sum.len(), 2, "自然人 and 总计: {diags:#?}");
        assert_eq!(sum[0].message, "表三「自然人」列：（七）总计 767，各项之和 768，相差 1");
        assert_eq!(sum[0].label, "「（七）总计」= 767；其余 19 项为 0");
        assert_eq!(
            sum[0].help.as_deref(),
            Some("勾稽关系：（七）总计 = （一）至（六）各项之和。核对各项，或改正总计。")
        );
        // Only the non-zero parts are marked, and no more than MAX_ADDENDS.
        let related: Vec<&str> = sum[0].related.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            related,
            ["「（一）予以公开」= 700", "「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」= 68"]
        );
        assert_eq!(diags.iter().filter(|d| d.severity == crate::diag::Severity::Error).count(), 2, "{diags:#?}");
    }

    #[test]
    fn a_long_sum_marks_at_most_a_few_addends_and_counts_the_rest() {
        let parts = (1..=9).map(|i| format!("  denied_{}: [1, 0, 0, 0, 0, 0, 1]\n", i.min(8))).collect::<String>();
        let parts = parts.replacen("denied_8", "unable_1", 1);
        let yaml = format!(
            "applications:\n  new: [9, 0, 0, 0, 0, 0, 9]\n{parts}  total: [8, 0, 0, 0, 0, 0, 8]\n  carried_out: [1, 0, 0, 0, 0, 0, 1]\n"
        );
        let (_, diags) = report(&yaml);
        let sum = diags.iter().find(|d| d.code == "T3-SUM").expect("T3-SUM");
        assert_eq!(sum.message, "表三「自然人」列：（七）总计 8，各项之和 9，相差 1");
        assert_eq!(sum.related.len(), super::super::explain::MAX_ADDENDS);
        assert_eq!(sum.label, "「（七）总计」= 8；各项中另有 15 项未列出");
    }

    #[test]
    fn one_wrong_figure_is_one_error_at_that_figure_with_the_other_rules_as_notes() {
        // 自然人's （七）总计 written 3 instead of 2: the balance, the column's
        // sum and the row's sum all fail, and all involve that one cell.
        let (_, diags) = report(
            "applications:\n  new: [2, 0, 0, 0, 0, 0, 2]\n  granted: [2, 0, 0, 0, 0, 0, 2]\n  total: [3, 0, 0, 0, 0, 0, 2]\n",
        );
        let errors: Vec<_> = diags.iter().filter(|d| d.severity == crate::diag::Severity::Error).collect();
        assert_eq!(errors.len(), 1, "{diags:#?}");
        let d = errors[0];
        assert_eq!(d.code, "T3-KJ", "the first rule in the form's order");
        assert_eq!((d.pos.line, d.pos.col), (6, 11), "at the （七）总计 of 自然人");
        assert_eq!(
            d.message,
            "表三「自然人」列：一 + 二 = 三（七）+ 四 不成立：左边 2 + 0 = 2，右边 3 + 0 = 3，相差 1；同时不满足 T3-ROW、T3-SUM"
        );
        assert!(d.label.starts_with("「（七）总计」行「自然人」列 = 3：3 项勾稽关系都涉及这个数"), "{}", d.label);
        let notes: Vec<&str> = d.related.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            notes,
            [
                "「一、本年新收政府信息公开申请数量」= 2",
                "T3-ROW：「（七）总计」行，总计 2，各项之和 3，相差 1",
                "T3-SUM：「自然人」列，（七）总计 3，各项之和 2，相差 1",
            ],
            "{d:#?}"
        );
        // A wrong part of a sum: the row's sum and the column's sum, at the part.
        let (_, diags) = report(
            "applications:\n  new: [2, 0, 0, 0, 0, 0, 2]\n  granted: [3, 0, 0, 0, 0, 0, 2]\n  total: [2, 0, 0, 0, 0, 0, 2]\n",
        );
        let errors: Vec<_> = diags.iter().filter(|d| d.severity == crate::diag::Severity::Error).collect();
        assert_eq!(errors.len(), 1, "{diags:#?}");
        assert_eq!((errors[0].code.as_ref(), errors[0].pos.line), ("T3-ROW", 5));
        assert!(errors[0].message.ends_with("；同时不满足 T3-SUM"), "{}", errors[0].message);
    }

    #[test]
    fn a_blank_cell_reads_as_blank_not_zero() {
        let (_, diags) = report("applications:\n  new: [~, 0, 0, 0, 0, 0, 3]\n  granted: [3, 0, 0, 0, 0, 0, 3]\n");
        let d = diags.iter().find(|d| d.severity == crate::diag::Severity::Error).expect("an error");
        assert!(d.label.starts_with("「一、本年新收政府信息公开申请数量」行「自然人」列 = 空："), "{d:#?}");
        assert!(d.message.contains("左边 空 + 0 = 0"), "{}", d.message);
        let texts = std::iter::once(&d.message).chain(d.related.iter().map(|r| &r.text)).collect::<Vec<_>>();
        assert!(texts.iter().all(|t| !t.contains("「自然人」= 0")), "{texts:#?}");
        let blank = diags.iter().find(|d| d.code == "T3-BLANK" && d.label == "空").expect("T3-BLANK");
        assert_eq!(blank.message, "表三：有 1 个单元格为空，核对时按 0 计算");
    }

    #[test]
    fn omitted_totals_are_computed_and_reported() {
        let (r, diags) = report("applications:\n  new: [3, 1, 0, 0, 0, 0]\n  granted: [3, 1, 0, 0, 0, 0]\n");
        let (spec, data) = r.table("applications").unwrap();
        let total_total = data.cell(spec.row("total").unwrap(), spec.col("total").unwrap());
        assert_eq!((total_total.value.int(), total_total.source), (4, Source::Computed));
        assert!(diags.iter().all(|d| d.severity == crate::diag::Severity::Warning), "{diags:#?}");
        assert!(diags.iter().any(|d| d.code == "T3-BLANK" && d.message.contains("已由各项相加得出")));
    }

    #[test]
    fn row_sum_sum_of_results_and_appeals_rules_fail_when_broken() {
        let (_, diags) = report("applications:\n  new: [1, 0, 0, 0, 0, 0, 2]\n");
        assert!(says(&diags, "T3-ROW", "总计 2，各项之和 1，相差 1"), "{diags:#?}");
        let (_, diags) = report("applications:\n  granted: [1, 0, 0, 0, 0, 0, 1]\n  total: [2, 0, 0, 0, 0, 0, 2]\n");
        assert!(says(&diags, "T3-SUM", "（七）总计 2，各项之和 1，相差 1"), "{diags:#?}");
        let (_, diags) = report("appeals:\n  review: [1, 0, 0, 0, 2]\n");
        let t4: Vec<_> = diags.iter().filter(|d| d.code == "T4-SUM").collect();
        assert_eq!(t4.len(), 1, "{diags:#?}");
        assert_eq!(t4[0].message, "表四：行政复议 总计 2，各项之和 1，相差 1");
        assert_eq!(t4[0].label, "「行政复议 总计」= 2");
        assert_eq!(t4[0].related[0].text, "「行政复议 结果维持」= 1");
        let (_, diags) = report("regulations:\n  normative: [5, 0, 2]\n");
        let valid = diags.iter().find(|d| d.code == "T2-VALID").expect("T2-VALID");
        assert_eq!(valid.severity, crate::diag::Severity::Warning);
        assert_eq!(
            valid.message,
            "表二「第二十条第（一）项」「行政规范性文件」行：现行有效件数 ≥ 本年制发件数 − 本年废止件数 不成立：左边 2，右边 5 − 0 = 5"
        );
    }

    #[test]
    fn a_report_kept_as_published_computes_no_total_and_compares_no_blank_total() {
        // 自然人's （七）总计 is blank, 总计's left out: neither is computed, and
        // no rule compares them; the 商业企业 column's wrong total is a notice.
        let (r, diags) = report(
            "as_published: true\napplications:\n  new: [3, 1, 0, 0, 0, 0, 4]\n  granted: [3, 1, 0, 0, 0, 0, 4]\n  total: [~, 2, 0, 0, 0, 0]\n",
        );
        assert!(r.as_published);
        let (spec, data) = r.table("applications").unwrap();
        let total = spec.row("total").unwrap();
        for c in [0, 6] {
            assert_eq!((data.cell(total, c).source, data.cell(total, c).value.int()), (Source::Blank, 0));
        }
        assert!(data.cells.iter().all(|c| c.source != Source::Computed));
        let rules: Vec<_> = diags.iter().filter(|d| d.code != "T3-BLANK").collect();
        assert!(rules.iter().all(|d| d.severity == crate::diag::Severity::Notice), "{rules:#?}");
        let stated: Vec<&str> = rules.iter().map(|d| d.message.as_str()).collect();
        assert!(stated.iter().all(|m| m.contains("「商业企业」列")), "only 商业企业 is compared: {stated:#?}");
        assert!(!stated.is_empty());
        let blank = diags.iter().find(|d| d.code == "T3-BLANK").expect("T3-BLANK");
        assert_eq!(blank.message, "表三：有 2 个总计原报告未填写，按原文留空，涉及它们的勾稽关系不作核对");
        assert_eq!(blank.severity, crate::diag::Severity::Notice);
        // The page's notices are Chinese whatever the run's language, one per failure.
        let notices = crate::i18n::in_lang(crate::i18n::Lang::En, || super::super::kept::notices(&r, None));
        assert_eq!(
            notices.iter().map(|n| n.message.as_str()).collect::<Vec<_>>(),
            [
                "表三「商业企业」列：一 + 二 = 三（七）+ 四 不成立：左边 1 + 0 = 1，右边 2 + 0 = 2，相差 1",
                "表三「商业企业」列：（七）总计 2，各项之和 1，相差 1"
            ]
        );
        assert!(notices.iter().all(|n| n.table == "applications"));
    }

    #[test]
    fn english_says_the_same() {
        use crate::i18n::{Args, Lang, text_in};
        let mut args = Args::new();
        for (k, v) in [("total_label", "（七）总计"), ("total", "767"), ("sum", "768"), ("diff", "1")] {
            args.set(k, v.to_owned());
        }
        assert_eq!(
            text_in(Lang::En, "check-sum-failed", Some(&args)),
            "（七）总计 is 767, but its parts add up to 768, a difference of 1"
        );
    }

    #[test]
    fn a_missing_table_is_an_error_unless_the_original_lacks_it() {
        let forms = Forms::builtin();
        let file = Arc::new(PathBuf::from("/s/content/reports/x/2024.md"));
        let mut diags = Vec::new();
        let parsed = crate::parse::parse_report(&file, "---\nyear: 2024\n---\n", "x", &forms, &mut diags);
        assert!(parsed.is_none());
        let missing: Vec<_> = diags.iter().filter(|d| d.code == "IN-TABLE").collect();
        assert_eq!(missing.len(), 1, "one error names them all: {diags:#?}");
        assert!(missing[0].message.contains("缺少本格式的 6 张表") && missing[0].message.contains("`appeals`"));
        // Declared absent: no error, no figures, and no rule compares invented zeros.
        let (r, diags) = report("applications:\n  new: [1, 0, 0, 0, 0, 0, 1]\n  granted: [1, 0, 0, 0, 0, 0, 1]\n");
        assert!(diags.iter().all(|d| d.code == "T3-BLANK" && d.label == "自动计算"), "{diags:#?}");
        assert!(!r.table("appeals").unwrap().1.given);
    }

    #[test]
    fn sums_beyond_64_bits_fail_the_rule_instead_of_wrapping() {
        // Figures past the parser's bounds, set directly: MAX + MAX + 2 is 2^64,
        // which a 64-bit sum wraps to 0 (release) or panics on (debug); the
        // 总计 of 0 must not pass the row rule.
        let (mut r, _) = report("applications:\n  new: [1, 0, 0, 0, 0, 0, 1]\n");
        let i = r.form.table("applications").unwrap();
        let new = r.form.tables[i].row("new").unwrap();
        for (c, v) in [i64::MAX, i64::MAX, 2, 0, 0, 0, 0].into_iter().enumerate() {
            r.tables[i].cell_mut(new, c).value = crate::model::CellValue::Int(v);
        }
        let mut diags = Vec::new();
        check_report(&r, &mut diags);
        assert!(says(&diags, "T3-ROW", "各项之和 18446744073709551616"), "{diags:#?}");
    }
}
