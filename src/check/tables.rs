//! The statistical rules (勾稽关系) of a form, applied to one report's tables
//! and between consecutive years of one agency.

use crate::diag::{Diagnostic, Pos};
use crate::form::{Each, Rule, TableSpec, Term};
use crate::model::{Report, TableData};
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
}

impl<'a> Side<'a> {
    /// The table `key` of `report`.
    pub fn of(report: &'a Report, key: &str) -> Option<Side<'a>> {
        let (spec, data) = report.table(key)?;
        Some(Side { spec, data, file: &report.file })
    }
}

/// A resolved cell of a rule term. Labels are only written for failures.
struct Value<'a> {
    sign: i64,
    value: i64,
    /// The cell, or `None` for a constant.
    cell: Option<(&'a crate::model::Cell, &'a str)>,
    prev: bool,
    file: &'a Arc<PathBuf>,
}

impl Value<'_> {
    fn label(&self) -> String {
        match self.cell {
            Some((cell, name)) if self.prev => format!("上年 {name} = {}", cell.value),
            Some((cell, name)) => format!("{name} = {}", cell.value),
            None => String::new(),
        }
    }

    fn pos(&self) -> Pos {
        self.cell.map_or_else(Pos::default, |(c, _)| c.pos)
    }
}

/// Checks `rule` on `this` table of a report following `form`, with `prev`
/// the same table of the previous year's report for cross-year rules.
/// Returns one diagnostic per failing row or column.
pub fn check_rule(rule: &Rule, form: &crate::form::Form, this: Side<'_>, prev: Option<Side<'_>>) -> Vec<Diagnostic> {
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
    let mut lhs: Vec<Value<'_>> = Vec::with_capacity(rule.lhs.len());
    let mut rhs: Vec<Value<'_>> = Vec::with_capacity(rule.rhs.len());
    for line in 0..lines {
        let line_leaf = match rule.each {
            Each::Column => &spec.col_leaves[line],
            Each::Row => &spec.row_leaves[line],
        };
        let resolve = |t: &Term| -> Option<Value<'_>> {
            if let Some(k) = t.constant {
                return Some(Value { sign: t.sign, value: k, cell: None, prev: false, file: this.file });
            }
            let side = if t.prev { prev? } else { this };
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
                Each::Column => side.spec.row_leaves[r].label.as_str(),
                Each::Row => side.spec.col_leaves[c].label.as_str(),
            };
            Some(Value {
                sign: t.sign,
                value: cell.value.int(),
                cell: Some((cell, name)),
                prev: t.prev,
                file: side.file,
            })
        };
        lhs.clear();
        rhs.clear();
        let complete = rule.lhs.iter().all(|t| resolve(t).map(|v| lhs.push(v)).is_some())
            && rule.rhs.iter().all(|t| resolve(t).map(|v| rhs.push(v)).is_some());
        if !complete {
            continue;
        }
        // In 128 bits: exact for any 64-bit figures, so a rule can never be
        // passed by a sum that wrapped.
        let sum = |vs: &[Value<'_>]| vs.iter().map(|v| i128::from(v.sign) * i128::from(v.value)).sum::<i128>();
        if rule.op.holds(sum(&lhs), sum(&rhs)) {
            continue;
        }
        let show = |vs: &[Value<'_>]| {
            let mut s = String::new();
            for (i, v) in vs.iter().enumerate() {
                match (i, v.sign < 0) {
                    (0, true) => s.push('−'),
                    (0, false) => {}
                    (_, true) => s.push_str(" − "),
                    (_, false) => s.push_str(" + "),
                }
                if v.value < 0 {
                    s.push_str(&format!("(−{})", v.value.unsigned_abs()));
                } else {
                    s.push_str(&v.value.to_string());
                }
            }
            s
        };
        let place = if lines > 1 { format!(" for {}", line_leaf.label) } else { String::new() };
        let message = format!(
            "{}: {} fails{place}: {} {} {}",
            spec.title(form),
            rule.text,
            show(&lhs),
            rule.op.failed_symbol(),
            show(&rhs)
        );
        let mut values = lhs.iter().chain(rhs.iter());
        let Some(first) = values.next() else { continue };
        let mut d = Diagnostic::new(rule.severity, rule.code.clone(), first.file, first.pos(), message)
            .with_label(first.label());
        for v in values.filter(|v| v.cell.is_some()) {
            d = d.with_related(v.file, v.pos(), v.label());
        }
        out.push(d);
    }
    out
}

/// Checks every in-report rule of the report's form.
pub fn check_report(report: &Report, diags: &mut Vec<Diagnostic>) {
    let form = &report.form;
    for rule in &form.rules {
        let spec = &form.tables[rule.table];
        let this = Side { spec, data: &report.tables[rule.table], file: &report.file };
        diags.extend(check_rule(rule, form, this, None));
    }
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

    #[test]
    fn balance_rule_names_the_column_and_the_numbers() {
        let (_, diags) = report(
            "applications:\n  new: [3, 0, 0, 0, 0, 0, 3]\n  partial: [2, 0, 0, 0, 0, 0, 2]\n  total: [2, 0, 0, 0, 0, 0, 2]\n",
        );
        let kj: Vec<_> = diags.iter().filter(|d| d.code == "T3-KJ").collect();
        assert_eq!(kj.len(), 2, "{diags:#?}");
        assert_eq!(kj[0].message, "表三: 一 + 二 = 三（七）+ 四 fails for 自然人: 3 + 0 ≠ 2 + 0");
        assert_eq!(kj[0].pos.line, 4);
        let lines: Vec<u32> = kj[0].related.iter().map(|r| r.pos.line).collect();
        assert!(lines.contains(&6), "{lines:?}");
    }

    #[test]
    fn omitted_totals_are_computed_and_reported() {
        let (r, diags) = report("applications:\n  new: [3, 1, 0, 0, 0, 0]\n  granted: [3, 1, 0, 0, 0, 0]\n");
        let (spec, data) = r.table("applications").unwrap();
        let total_total = data.cell(spec.row("total").unwrap(), spec.col("total").unwrap());
        assert_eq!((total_total.value.int(), total_total.source), (4, Source::Computed));
        assert!(diags.iter().all(|d| d.severity == crate::diag::Severity::Warning), "{diags:#?}");
        assert!(diags.iter().any(|d| d.code == "T3-BLANK" && d.message.contains("computed")));
    }

    #[test]
    fn row_sum_sum_of_results_and_appeals_rules_fail_when_broken() {
        let (_, diags) = report("applications:\n  new: [1, 0, 0, 0, 0, 0, 2]\n");
        assert!(diags.iter().any(|d| d.code == "T3-ROW" && d.message.contains("2 ≠ 1")), "{diags:#?}");
        let (_, diags) = report("applications:\n  granted: [1, 0, 0, 0, 0, 0, 1]\n  total: [2, 0, 0, 0, 0, 0, 2]\n");
        assert!(diags.iter().any(|d| d.code == "T3-SUM"), "{diags:#?}");
        let (_, diags) = report("appeals:\n  review: [1, 0, 0, 0, 2]\n");
        let t4: Vec<_> = diags.iter().filter(|d| d.code == "T4-SUM").collect();
        assert_eq!(t4.len(), 1, "{diags:#?}");
        assert_eq!(
            t4[0].message,
            "表四: 行政复议 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 fails: 2 ≠ 1 + 0 + 0 + 0"
        );
        let (_, diags) = report("regulations:\n  normative: [5, 0, 2]\n");
        assert!(
            diags.iter().any(|d| d.code == "T2-VALID" && d.severity == crate::diag::Severity::Warning),
            "{diags:#?}"
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
        assert!(diags.iter().all(|d| d.code == "T3-BLANK" && d.message.contains("computed")), "{diags:#?}");
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
        assert!(diags.iter().any(|d| d.code == "T3-ROW"), "{diags:#?}");
    }
}
