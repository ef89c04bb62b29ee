//! Completing the model: a total the front matter leaves out is computed
//! from the rules that define it, and marked as computed, so the checker,
//! the page and the open data all see the same figures and know which were
//! printed. A total written blank (`~`, `—`) is completed the same way: a
//! blank 总计 read as 0 would break every rule it takes part in, while the
//! original only left it unprinted. Blank cells and computed totals are
//! reported (T3-BLANK).

use crate::diag::{Diagnostic, Severity};
use crate::form::{Each, Rule, TableSpec, Term};
use crate::model::{Report, Source};
use std::sync::Arc;

/// Fills omitted totals from the rules that define them, and warns about
/// blank cells and left-out totals (T3-BLANK). A table missing altogether
/// gets one warning instead. A report kept as published gets no computed
/// figure: see [`keep_blank`].
pub(super) fn complete_totals(report: &mut Report, diags: &mut Vec<Diagnostic>) {
    if report.as_published {
        keep_blank(report, diags);
        return;
    }
    let form = Arc::clone(&report.form);
    let blank_totals = open_blank_totals(report);
    loop {
        let mut changed = false;
        for rule in form.rules.iter().filter(|r| r.computes && r.lhs.len() == 1 && r.op == crate::form::Op::Eq) {
            let spec = &form.tables[rule.table];
            let data = &mut report.tables[rule.table];
            if !data.cells.iter().any(|c| c.source == Source::Omitted) {
                continue;
            }
            for (lhs, rhs) in iterations(rule, spec) {
                let Some((r, c)) = lhs.first().copied() else {
                    continue;
                };
                if data.cell(r, c).source != Source::Omitted {
                    continue;
                }
                let known =
                    rhs.iter().all(|&(r, c, _)| data.cell(r, c).source != Source::Omitted || !spec.is_total(r, c));
                if !known {
                    continue;
                }
                // Checked: a total that would not fit in 64 bits stays omitted
                // (the figures' bounds make that unreachable in practice).
                let sum = rhs.iter().try_fold(0i64, |acc, &(r, c, sign)| {
                    acc.checked_add(sign.checked_mul(data.cell(r, c).value.int())?)
                });
                let Some(sum) = sum else { continue };
                let cell = data.cell_mut(r, c);
                cell.value = crate::model::CellValue::Int(sum);
                cell.source = Source::Computed;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    for (t, i) in blank_totals {
        let cell = &mut report.tables[t].cells[i];
        if cell.source == Source::Omitted {
            // No rule computes it: it stays what was written, a blank.
            cell.source = Source::Blank;
        }
    }
    for (i, spec) in form.tables.iter().enumerate() {
        let data = &report.tables[i];
        let title = spec.title(&form);
        if !data.given {
            // Declared absent from the original (`missing_in_original`): no
            // figures to report on, and none are shown.
            continue;
        }
        // A wholly omitted row means "all zero": its computed total is no news.
        // A total written nowhere in a row that was filled in, or a total row
        // left out, is what the original form would have printed blank.
        let cols = data.cols;
        let row_given = |r: usize| {
            (0..cols).any(|c| data.cell(r, c).source != Source::Omitted && data.cell(r, c).source != Source::Computed)
        };
        let computed: Vec<_> = data
            .cells
            .iter()
            .enumerate()
            .filter(|(i, c)| c.source == Source::Computed && (spec.row_leaves[i / cols].total || row_given(i / cols)))
            .map(|(_, c)| c)
            .collect();
        if let Some(first) = computed.first() {
            diags.push(
                Diagnostic::warning(
                    "T3-BLANK",
                    &report.file,
                    first.pos,
                    crate::t!("check-computed-totals", table = &title, n = computed.len()),
                )
                .with_label(crate::t!("check-computed-totals-label"))
                .with_help(crate::t!("check-computed-totals-help")),
            );
        }
        let blank: Vec<_> = data.cells.iter().filter(|c| c.source == Source::Blank).collect();
        if let Some(first) = blank.first() {
            diags.push(
                Diagnostic::warning(
                    "T3-BLANK",
                    &report.file,
                    first.pos,
                    crate::t!("check-blank-cells", table = &title, n = blank.len()),
                )
                .with_label(crate::t!("check-blank"))
                .with_help(crate::t!("check-blank-cells-help")),
            );
        }
    }
}

/// Marks every total cell written blank as omitted, so that it is computed
/// like a left-out total, and returns them (table, cell index): one that no
/// rule computes is turned back into a blank.
fn open_blank_totals(report: &mut Report) -> Vec<(usize, usize)> {
    let form = Arc::clone(&report.form);
    let mut out = Vec::new();
    for (t, (spec, data)) in form.tables.iter().zip(&mut report.tables).enumerate() {
        let cols = data.cols;
        for (i, cell) in data.cells.iter_mut().enumerate() {
            if cell.source == Source::Blank && spec.is_total(i / cols, i % cols) {
                cell.source = Source::Omitted;
                out.push((t, i));
            }
        }
    }
    out
}

/// A report kept as published (`as_published: true`): no total is computed.
/// A total that the front matter leaves out of a row it fills in (or a
/// total row left out) is what the original printed blank, and is marked
/// blank; the rules that involve a blank total are not checked (see
/// [`crate::check::tables`]), and the page shows it empty. One notice per
/// table says how many totals were left blank, one how many other cells are
/// blank (counted as 0 by the rules): both are as published, so nothing is
/// asked of the webmaster.
fn keep_blank(report: &mut Report, diags: &mut Vec<Diagnostic>) {
    let form = Arc::clone(&report.form);
    for (spec, data) in form.tables.iter().zip(report.tables.iter_mut()) {
        if !data.given {
            continue;
        }
        let cols = data.cols;
        let row_given =
            |data: &crate::model::TableData, r: usize| (0..cols).any(|c| data.cell(r, c).source != Source::Omitted);
        for r in 0..spec.row_leaves.len() {
            let filled = spec.row_leaves[r].total || row_given(data, r);
            for c in 0..cols {
                let cell = data.cell_mut(r, c);
                if filled && cell.source == Source::Omitted && spec.is_total(r, c) {
                    cell.source = Source::Blank;
                }
            }
        }
        let title = spec.title(&form);
        let blank = |total: bool| {
            data.cells
                .iter()
                .enumerate()
                .filter(move |(i, c)| c.source == Source::Blank && spec.is_total(i / cols, i % cols) == total)
        };
        let notice = |code, pos, message: String| {
            Diagnostic::new(Severity::Notice, code, &report.file, pos, message)
                .with_label(crate::t!("check-blank"))
                .with_help(crate::t!("check-kept-blank-help"))
        };
        if let Some((_, first)) = blank(true).next() {
            diags.push(notice(
                "T3-BLANK",
                first.pos,
                crate::t!("check-kept-blank-totals", table = &title, n = blank(true).count()),
            ));
        }
        if let Some((_, first)) = blank(false).next() {
            diags.push(notice(
                "T3-BLANK",
                first.pos,
                crate::t!("check-blank-cells", table = &title, n = blank(false).count()),
            ));
        }
    }
}

/// The cells of one check of a rule: the left side's (row, col) and the
/// right side's (row, col, sign). Terms that are `prev.` are skipped here.
type Iteration = (Vec<(usize, usize)>, Vec<(usize, usize, i64)>);

/// Enumerates the checks of a rule inside one table (no `prev.` terms).
fn iterations(rule: &Rule, spec: &TableSpec) -> Vec<Iteration> {
    let lines = match rule.each {
        Each::Column => spec.col_leaves.len(),
        Each::Row => spec.row_leaves.len(),
    };
    let coord = |term: &Term, line: usize| -> Option<(usize, usize)> {
        match rule.each {
            Each::Column => Some((spec.row(&term.id)?, line)),
            Each::Row => Some((line, spec.col(&term.id)?)),
        }
    };
    (0..lines)
        .filter_map(|line| {
            let lhs = rule
                .lhs
                .iter()
                .filter(|t| !t.prev && t.constant.is_none())
                .map(|t| coord(t, line))
                .collect::<Option<Vec<_>>>()?;
            let rhs = rule
                .rhs
                .iter()
                .filter(|t| !t.prev && t.constant.is_none())
                .map(|t| coord(t, line).map(|(r, c)| (r, c, t.sign)))
                .collect::<Option<Vec<_>>>()?;
            let all_int = lhs
                .iter()
                .copied()
                .chain(rhs.iter().map(|&(r, c, _)| (r, c)))
                .all(|(r, c)| spec.kind(r, c).is_integer());
            all_int.then_some((lhs, rhs))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::form::{Form, Forms};
    use crate::model::Source;
    use std::path::{Path, PathBuf};
    use std::sync::Arc;

    #[test]
    fn a_blank_total_that_no_rule_computes_stays_blank() {
        // The 2021 form with 表三's row sums (T3-ROW) no longer computing.
        let mut json: serde_json::Value = serde_json::from_str(include_str!("../forms/cn-2021.json")).expect("json");
        json["id"] = "x-2021".into();
        for rule in json["rules"].as_array_mut().expect("rules") {
            if rule["code"] == "T3-ROW" {
                rule["computes"] = false.into();
            }
        }
        let text = json.to_string();
        let mut forms = Forms::builtin();
        let form = Form::compile(&text, Path::new("x.json")).expect("compiles");
        forms.list.insert(0, Arc::new(form));
        let front = "form: x-2021\napplications:\n  new: [3, 0, 0, 0, 0, 0, ~]\n";
        let text = format!("---\nyear: 2024\n{front}{}---\n", crate::parse::absent_tables(2024, front));
        let file = Arc::new(PathBuf::from("/s/content/reports/x/2024.md"));
        let mut diags = Vec::new();
        let report = crate::parse::parse_report(&file, &text, "x", &forms, &mut diags).expect("parses").report;
        let (spec, data) = report.table("applications").expect("table");
        let total = spec.col("total").expect("col");
        let new = data.cell(spec.row("new").expect("row"), total);
        assert_eq!((new.value.int(), new.source), (0, Source::Blank), "no rule computes it");
        let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
        assert!(messages.iter().any(|m| m.contains("有 1 个单元格为空")), "{messages:#?}");
    }
}
