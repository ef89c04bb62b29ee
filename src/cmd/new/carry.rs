//! What a new report carries over from the same agency's report of the year
//! before: the figures that the form's cross-year rules (`cross_year`) fix.
//!
//! Nothing here names a row or a column. A cross-year rule that states one
//! cell of this year as a sum of last year's cells (and of this year's, all
//! 0 in a new report) gives that cell its value: `carried_in =
//! prev.carried_out` (X-CARRY, 二、上年结转 from 四、结转下年度继续办理),
//! `in_force = prev.in_force + issued - repealed` (X-STOCK21, 现行有效件数),
//! `last_year = prev.last_year + prev.change` (X-STOCK19, 上一年项目数量).
//! Last year's cells are found by their ids, as the checker finds them, so
//! a 2021-form report carries from a 2020 report of the 2019 form wherever
//! the two forms share the ids (表三's carried rows); a rule whose cells
//! last year's form lacks carries nothing. The new report then holds these
//! rules by construction.

use crate::form::{Each, Form, Op, Rule, Term};
use crate::model::Report;
use std::collections::BTreeMap;

/// The figures a new report starts from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Carried {
    /// The year of the report carried from.
    pub from: i32,
    /// (table, row, column) of the new report's form → the value and the
    /// index of the cross-year rule that gives it.
    pub cells: BTreeMap<(usize, usize, usize), (i64, usize)>,
}

impl Carried {
    /// The value carried into a cell, if one is.
    pub fn get(&self, table: usize, row: usize, col: usize) -> Option<i64> {
        self.cells.get(&(table, row, col)).map(|&(v, _)| v)
    }

    /// The rules that gave the cells of `table` in row `row` (`None`: any
    /// row), each once, in form order.
    pub fn rules<'f>(&self, form: &'f Form, table: usize, row: Option<usize>) -> Vec<&'f Rule> {
        let mut used: Vec<usize> = self
            .cells
            .iter()
            .filter(|((t, r, _), _)| *t == table && row.is_none_or(|row| row == *r))
            .map(|(_, &(_, rule))| rule)
            .collect();
        used.sort_unstable();
        used.dedup();
        used.into_iter().filter_map(|i| form.cross_year.get(i)).collect()
    }
}

/// The cells of a new `year` report following `form` that the form's
/// cross-year rules fix from `prev`, the same agency's report of `year − 1`.
pub fn carried(form: &Form, year: i32, prev: &Report) -> Carried {
    let mut out = Carried { from: prev.year, cells: BTreeMap::new() };
    for (i, rule) in form.cross_year.iter().enumerate() {
        if rule.from_year.is_some_and(|y| year < y) || rule.op != Op::Eq {
            continue;
        }
        let [target] = rule.lhs.as_slice() else { continue };
        if target.prev || target.constant.is_some() {
            continue;
        }
        for (cell, value) in carry_rule(form, rule, target, prev) {
            out.cells.insert((rule.table, cell.0, cell.1), (value, i));
        }
    }
    out
}

/// The cells `rule` gives a value to, one per row or column of its table
/// on which every term of last year's report can be read.
fn carry_rule(form: &Form, rule: &Rule, target: &Term, prev: &Report) -> Vec<((usize, usize), i64)> {
    let spec = &form.tables[rule.table];
    let Some((pspec, pdata)) = prev.table(&spec.key) else { return Vec::new() };
    if !pdata.given {
        // Declared absent from last year's original: nothing to carry.
        return Vec::new();
    }
    let lines = match rule.each {
        Each::Column => spec.col_leaves.len(),
        Each::Row => spec.row_leaves.len(),
    };
    (0..lines)
        .filter_map(|line| {
            let (r, c) = match rule.each {
                Each::Column => (target.index, line),
                Each::Row => (line, target.index),
            };
            if !spec.kind(r, c).is_integer() {
                return None;
            }
            let line_id = match rule.each {
                Each::Column => &spec.col_leaves[line].id,
                Each::Row => &spec.row_leaves[line].id,
            };
            let value = rule.rhs.iter().try_fold(0i64, |sum, t| {
                let term = match (t.constant, t.prev) {
                    (Some(k), _) => k,
                    // This year's cells are 0 in a new report.
                    (None, false) => 0,
                    (None, true) => {
                        let (pr, pc) = match rule.each {
                            Each::Column => (pspec.row(&t.id)?, pspec.col(line_id)?),
                            Each::Row => (pspec.row(line_id)?, pspec.col(&t.id)?),
                        };
                        if !pspec.kind(pr, pc).is_integer() {
                            return None;
                        }
                        pdata.cell(pr, pc).value.int()
                    }
                };
                sum.checked_add(t.sign.checked_mul(term)?)
            })?;
            // A count cannot be negative: last year's figures disagree with
            // each other, and the check says so; 0 is written instead.
            let fits = value >= 0 || spec.kind(r, c) == crate::form::CellKind::Delta;
            (fits && value.unsigned_abs() <= crate::parse::MAX_COUNT.unsigned_abs()).then_some(((r, c), value))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::Forms;
    use std::path::PathBuf;
    use std::sync::Arc;

    /// Parses a report of `year` whose front matter is `front` (tables not
    /// given are declared missing).
    fn report(year: i32, front: &str) -> Report {
        let forms = Forms::builtin();
        let text = format!("---\nyear: {year}\n{front}{}---\n", crate::parse::absent_tables(year, front));
        let file = Arc::new(PathBuf::from(format!("/s/content/reports/x/{year}.md")));
        let mut diags = Vec::new();
        crate::parse::parse_report(&file, &text, "x", &forms, &mut diags).expect("parses").report
    }

    #[test]
    fn carried_over_applications_and_stocks_come_from_the_rules() {
        let prev = report(
            2023,
            "regulations:\n  rules: [0, 0, 2]\n  normative: [1, 0, 7]\napplications:\n  new: [5, 1, 0, 0, 0, 0, 6]\n  granted: [3, 1, 0, 0, 0, 0, 4]\n  carried_out: [2, 0, 0, 0, 0, 0, 2]\n",
        );
        let forms = Forms::builtin();
        let form = forms.for_year(2024).expect("cn-2021");
        let c = carried(form, 2024, &prev);
        let apps = form.table("applications").expect("table");
        let t = &form.tables[apps];
        let carried_in = t.row("carried_in").expect("row");
        assert_eq!(c.get(apps, carried_in, 0), Some(2));
        assert_eq!(c.get(apps, carried_in, t.col("total").expect("col")), Some(2));
        let regs = form.table("regulations").expect("table");
        let in_force = form.tables[regs].col("in_force").expect("col");
        assert_eq!((c.get(regs, 0, in_force), c.get(regs, 1, in_force)), (Some(2), Some(7)));
        assert_eq!(c.get(regs, 1, 0), None, "本年制发件数 is this year's: not carried");
        let codes: Vec<&str> = c.rules(form, apps, None).iter().map(|r| r.code.as_str()).collect();
        assert_eq!(codes, ["X-CARRY"]);
    }

    #[test]
    fn the_2021_form_carries_from_a_2020_report_only_what_both_forms_share() {
        let prev = report(
            2020,
            "licensing:\n  permit: [3, 1, 0]\napplications:\n  new: [4, 0, 0, 0, 0, 0, 4]\n  granted: [1, 0, 0, 0, 0, 0, 1]\n  carried_out: [3, 0, 0, 0, 0, 0, 3]\n",
        );
        let forms = Forms::builtin();
        let form = forms.for_year(2021).expect("cn-2021");
        let c = carried(form, 2021, &prev);
        let apps = form.table("applications").expect("table");
        let carried_in = form.tables[apps].row("carried_in").expect("row");
        assert_eq!(c.get(apps, carried_in, 0), Some(3));
        assert!(c.cells.keys().all(|(t, _, _)| *t == apps), "X-STOCK21 starts in 2022: {c:?}");
        let f19 = forms.for_year(2020).expect("cn-2019");
        let c19 = carried(f19, 2021, &prev);
        let lic = f19.table("licensing").expect("table");
        assert_eq!(c19.get(lic, 0, 0), Some(4), "上一年项目数量 = 3 + 1");
    }
}
