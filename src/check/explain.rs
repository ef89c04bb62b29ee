//! The words of a failing rule: what is wrong with the figures (the total as
//! written, the sum of its parts, the difference), where, and what to do.
//! Labels are the form's own, quoted verbatim; a blank cell reads 空.

use super::tables::{Failure, Value};
use crate::diag::{Diagnostic, Pos, Severity};
use crate::form::{Each, Leaf, Op, Rule};
use crate::model::{Cell, Source};

/// The most addends of a sum marked one by one. A longer sum (表三's
/// （七）总计 has 21) marks its non-zero addends up to this many and says how
/// many it left out: 21 labels over 45 lines hide the one that matters.
pub const MAX_ADDENDS: usize = 6;

/// The name of leaf `i` as the form prints it. A label that several leaves
/// share (表四's 总计 under 行政复议 and under each 行政诉讼) is preceded by
/// its parent's.
pub fn leaf_name(leaves: &[Leaf], i: usize) -> String {
    let leaf = &leaves[i];
    let shared = leaves.iter().filter(|l| l.label == leaf.label).count() > 1;
    match leaf.path.len().checked_sub(2).map(|p| &leaf.path[p]) {
        Some(parent) if shared => format!("{parent} {}", leaf.label),
        _ => leaf.label.clone(),
    }
}

/// A cell's figure as a person reads it: 空 for a blank cell (never "0"),
/// a negative figure in parentheses inside a sum.
pub fn figure(cell: &Cell) -> String {
    if cell.source == Source::Blank { crate::t!("check-blank") } else { cell.value.to_string() }
}

/// The figure of a term as it is shown in a sum.
fn term(v: &Value<'_>) -> String {
    match v.cell {
        Some(c) if c.source == Source::Blank => crate::t!("check-blank"),
        _ if v.value < 0 => format!("(−{})", v.value.unsigned_abs()),
        _ => v.value.to_string(),
    }
}

/// The name of a term's cell (empty for a constant).
fn name(v: &Value<'_>) -> String {
    v.name.map(|(leaves, i)| leaf_name(leaves, i)).unwrap_or_default()
}

/// The label of a term's cell: `「自然人」= 3`, `「自然人」= 空`,
/// `上年「四、结转下年度继续办理」= 2`, `「总计」= 5（自动计算）`.
pub fn label(v: &Value<'_>) -> String {
    let Some(cell) = v.cell else { return String::new() };
    let value =
        if cell.source == Source::Computed { crate::t!("check-computed", value = figure(cell)) } else { figure(cell) };
    if v.prev {
        crate::t!("check-cell-prev", name = name(v), value = value)
    } else {
        crate::t!("check-cell", name = name(v), value = value)
    }
}

/// One side of a rule with its figures: `3`, or `3 + 0 = 3`.
fn side(vs: &[Value<'_>]) -> String {
    let mut s = String::new();
    for (i, v) in vs.iter().enumerate() {
        match (i, v.sign < 0) {
            (0, true) => s.push('−'),
            (0, false) => {}
            (_, true) => s.push_str(" − "),
            (_, false) => s.push_str(" + "),
        }
        s.push_str(&term(v));
    }
    if vs.len() > 1 {
        s.push_str(&format!(" = {}", Failure::sum(vs)));
    }
    s
}

/// Whether a rule says that one total is the sum of its parts (T3-SUM,
/// T3-ROW, T4-SUM): then its failure reads "总计 767，各项之和 768，相差 1".
pub fn is_sum(rule: &Rule) -> bool {
    let cell = |t: &crate::form::Term| !t.prev && t.constant.is_none();
    rule.op == Op::Eq
        && rule.lhs.len() == 1
        && rule.rhs.len() > 1
        && rule.lhs.iter().chain(&rule.rhs).all(cell)
        && rule.rhs.iter().all(|t| t.sign > 0)
}

/// What is wrong with the figures, without the place.
pub fn statement(f: &Failure<'_>) -> String {
    let (l, r) = (Failure::sum(&f.lhs), Failure::sum(&f.rhs));
    let diff = (l - r).unsigned_abs().to_string();
    match f.lhs.first() {
        Some(total) if is_sum(f.rule) => crate::t!(
            "check-sum-failed",
            total_label = name(total),
            total = term(total),
            sum = r.to_string(),
            diff = diff
        ),
        _ if f.rule.op == Op::Eq => {
            crate::t!("check-rule-failed", rule = &f.rule.text, lhs = side(&f.lhs), rhs = side(&f.rhs), diff = diff)
        }
        _ => crate::t!("check-rule-failed-cmp", rule = &f.rule.text, lhs = side(&f.lhs), rhs = side(&f.rhs)),
    }
}

/// The row or column a failure is on, by its label.
fn line_name(f: &Failure<'_>) -> Option<(Each, String)> {
    let line = f.line?;
    let leaves = match f.rule.each {
        Each::Column => &f.spec.col_leaves,
        Each::Row => &f.spec.row_leaves,
    };
    Some((f.rule.each, leaf_name(leaves, line)))
}

/// The statement with its table and line: `表三「自然人」列：……`.
pub fn placed(f: &Failure<'_>) -> String {
    let (table, what) = (f.spec.title(f.form), statement(f));
    match line_name(f) {
        None => crate::t!("check-at-table", table = table, what = what),
        Some((Each::Column, line)) => crate::t!("check-at-column", table = table, line = line, what = what),
        Some((Each::Row, line)) => crate::t!("check-at-row", table = table, line = line, what = what),
    }
}

/// The statement as a note of another finding in the same table:
/// `T3-SUM：「自然人」列，……`.
fn note(f: &Failure<'_>) -> String {
    let (code, what) = (&f.rule.code, statement(f));
    match line_name(f) {
        None => crate::t!("check-note", code = code, what = what),
        Some((Each::Column, line)) => crate::t!("check-note-column", code = code, line = line, what = what),
        Some((Each::Row, line)) => crate::t!("check-note-row", code = code, line = line, what = what),
    }
}

/// The advice for a failing rule.
fn help(rule: &Rule) -> String {
    if is_sum(rule) { crate::t!("check-help-sum", rule = &rule.text) } else { crate::t!("check-help-rule") }
}

/// One failure as a finding: at its first cell (a sum's total), with the
/// other cells as related places. A long sum marks only its non-zero (or
/// blank) addends, at most [`MAX_ADDENDS`], and says how many it left out.
pub fn single(f: &Failure<'_>) -> Diagnostic {
    let mut cells = f.values().filter(|v| v.cell.is_some());
    let first = cells.next();
    let mut shown: Vec<&Value<'_>> = cells.collect();
    let mut text = first.map(label).unwrap_or_default();
    if is_sum(f.rule) && f.rhs.len() > MAX_ADDENDS {
        // A blank part is worth marking: it may be the figure left out.
        let worth = |v: &Value<'_>| v.value != 0 || v.cell.is_some_and(|c| c.source == Source::Blank);
        let marked = shown.iter().filter(|v| worth(v)).count();
        shown = shown.into_iter().filter(|v| worth(v)).take(MAX_ADDENDS).collect();
        let hidden = f.rhs.len() - shown.len();
        if marked > shown.len() {
            text = crate::t!("check-more-addends", label = text, n = hidden);
        } else if hidden > 0 {
            text = crate::t!("check-zero-addends", label = text, n = hidden);
        }
    }
    let (file, pos) = first.or(f.lhs.first()).map_or((f.file, Pos::default()), |v| (v.file, v.pos()));
    let mut d = Diagnostic::new(f.rule.severity, f.rule.code.clone(), file, pos, placed(f))
        .with_label(text)
        .with_help(help(f.rule));
    for v in shown {
        d = d.with_related(v.file, v.pos(), label(v));
    }
    d
}

/// Failures of one report that all involve cell (`row`, `col`) of one table,
/// in the form's order, as one finding at that cell: the figure most likely
/// wrong. The code is the first rule's; the message states the first rule
/// and names the others; each other rule's statement is a note at its
/// total, and the first rule's total is marked too.
pub fn grouped(first: &Failure<'_>, rest: &[&Failure<'_>], (row, col): (usize, usize)) -> Diagnostic {
    let spec = first.spec;
    let mut codes: Vec<&str> = Vec::new();
    for f in rest {
        if !codes.contains(&f.rule.code.as_str()) && f.rule.code != first.rule.code {
            codes.push(&f.rule.code);
        }
    }
    let message = if codes.is_empty() {
        placed(first)
    } else {
        crate::t!("check-also-fails", statement = placed(first), others = codes.join("、"))
    };
    let common = first.values().find(|v| v.at == Some((row, col)));
    let (file, pos) = common.map_or((first.file, Pos::default()), |v| (v.file, v.pos()));
    let value = common.and_then(|v| v.cell).map(figure).unwrap_or_default();
    let (r, c) = (leaf_name(&spec.row_leaves, row), leaf_name(&spec.col_leaves, col));
    let cell = if spec.row_leaves.len() > 1 {
        crate::t!("check-cell-at", row = r, col = c, value = value)
    } else {
        crate::t!("check-cell", name = c, value = value)
    };
    let severity = rest.iter().map(|f| f.rule.severity).fold(first.rule.severity, Severity::max);
    let n = rest.len() + 1;
    let mut d = Diagnostic::new(severity, first.rule.code.clone(), file, pos, message)
        .with_label(crate::t!("check-suspect", cell = cell, n = n))
        .with_help(crate::t!("check-help-suspect", n = n));
    // The first rule's total, unless it is the suspect cell itself.
    if let Some(total) = first.lhs.first().filter(|v| v.cell.is_some() && v.at != Some((row, col))) {
        d = d.with_related(total.file, total.pos(), label(total));
    }
    // Each other rule's statement, at its total (or at the suspect cell).
    for f in rest {
        let at = f.lhs.first().filter(|v| v.cell.is_some() && v.at != Some((row, col))).map_or(pos, Value::pos);
        d = d.with_related(file, at, note(f));
    }
    d
}
