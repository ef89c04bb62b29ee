//! Totals up the agency hierarchy (汇总): the agencies under a parent
//! (`parent:` in agency.yaml) and the sum of their reports of a year, cell
//! by cell. Used by the year page, the site's open data and
//! `gongkai export xlsx`.
//!
//! Only additive cells are summed: counts, changes and amounts in a unit
//! the column fixes add up across agencies; an amount written with its unit
//! (`1054900元`, `105.49万元`) is summed in 元, and one written without a
//! unit makes the sum unknown (blank) rather than a guess.

use crate::diag::Pos;
use crate::form::{CellKind, Form};
use crate::model::{Agency, Cell, CellValue, Decimal, Report, Source, TableData, Unit};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

/// The agencies whose `parent` is `slug`, by name order of their slugs.
pub fn children<'a>(agencies: &'a BTreeMap<String, Agency>, slug: &str) -> Vec<&'a Agency> {
    agencies.values().filter(|a| a.parent.as_deref() == Some(slug)).collect()
}

/// `slug` and every agency under it, at any depth, each once (a cycle of
/// `parent:` ends where it returns). Linear in the number of agencies.
pub fn under<'a>(agencies: &'a BTreeMap<String, Agency>, slug: &'a str) -> Vec<&'a str> {
    let mut kids: HashMap<&str, Vec<&str>> = HashMap::new();
    for a in agencies.values() {
        if let Some(p) = a.parent.as_deref() {
            kids.entry(p).or_default().push(a.slug.as_str());
        }
    }
    let mut seen: HashSet<&str> = HashSet::new();
    let mut out = Vec::new();
    let mut stack = vec![slug];
    while let Some(s) = stack.pop() {
        if !seen.insert(s) {
            continue;
        }
        out.push(s);
        if let Some(k) = kids.get(s) {
            stack.extend(k.iter().rev());
        }
    }
    out
}

/// Whether an agency has agencies under it.
pub fn is_parent(agencies: &BTreeMap<String, Agency>, slug: &str) -> bool {
    agencies.values().any(|a| a.parent.as_deref() == Some(slug))
}

/// The sum of the reports of one form.
#[derive(Debug, Clone)]
pub struct Sum {
    /// The form they follow.
    pub form: Arc<Form>,
    /// The summed tables, in the form's order.
    pub tables: Vec<TableData>,
    /// The agencies summed (slug and year), in order.
    pub reports: Vec<(String, i32)>,
}

/// A value in a unit that adds up: money in 元, everything else as is;
/// `None` when it cannot be added (money without its unit).
fn addable(value: &CellValue) -> Option<CellValue> {
    match value {
        CellValue::Money(d, Some(Unit::Yuan)) => Some(CellValue::Money(*d, Some(Unit::Yuan))),
        CellValue::Money(d, Some(Unit::WanYuan)) => d.times_10000().map(|d| CellValue::Money(d, Some(Unit::Yuan))),
        CellValue::Money(_, None) => None,
        v => Some(v.clone()),
    }
}

/// `a + b` exactly, or `None` on overflow or mismatched kinds.
fn add(a: &CellValue, b: &CellValue) -> Option<CellValue> {
    match (a, b) {
        (CellValue::Int(x), CellValue::Int(y)) => x.checked_add(*y).map(CellValue::Int),
        (CellValue::Decimal(x), CellValue::Decimal(y)) => x.checked_add(*y).map(CellValue::Decimal),
        (CellValue::Money(x, u), CellValue::Money(y, _)) => x.checked_add(*y).map(|d| CellValue::Money(d, *u)),
        _ => None,
    }
}

/// The zero of a cell kind, in the unit sums use.
fn zero(kind: CellKind) -> CellValue {
    match kind {
        CellKind::Count | CellKind::Delta => CellValue::Int(0),
        CellKind::Decimal => CellValue::Decimal(Decimal::default()),
        CellKind::Money => CellValue::Money(Decimal::default(), Some(Unit::Yuan)),
    }
}

/// An empty sum of `form`'s tables: every cell blank.
fn empty(form: &Arc<Form>) -> Sum {
    let tables = form
        .tables
        .iter()
        .map(|spec| {
            let cols = spec.col_leaves.len();
            let cells = (0..spec.row_leaves.len() * cols)
                .map(|i| Cell {
                    value: zero(spec.kind(i / cols, i % cols)),
                    source: Source::Blank,
                    pos: Pos::default(),
                })
                .collect();
            TableData { cells, cols, pos: Pos::default(), given: false }
        })
        .collect();
    Sum { form: Arc::clone(form), tables, reports: Vec::new() }
}

/// Sums `reports`, grouped by form (a year's reports normally share one).
/// A summed cell is `Computed`; it is `Blank` when every report left it
/// blank or one value cannot be added (see the module's note). Linear in the cells.
pub fn sum(reports: &[&Report]) -> Vec<Sum> {
    // Per sum, per table, the cells that cannot be known.
    let mut out: Vec<(Sum, Vec<Vec<bool>>)> = Vec::new();
    for report in reports {
        let at = match out.iter().position(|(s, _)| s.form.id == report.form.id) {
            Some(i) => i,
            None => {
                let sum = empty(&report.form);
                let unknown = sum.tables.iter().map(|t| vec![false; t.cells.len()]).collect();
                out.push((sum, unknown));
                out.len() - 1
            }
        };
        let (s, unknown) = &mut out[at];
        s.reports.push((report.agency.clone(), report.year));
        for ((total, lost), table) in s.tables.iter_mut().zip(unknown.iter_mut()).zip(&report.tables) {
            total.given |= table.given;
            for ((t, lost), c) in total.cells.iter_mut().zip(lost.iter_mut()).zip(&table.cells) {
                if *lost || c.source == Source::Blank || (c.source == Source::Omitted && !table.given) {
                    continue;
                }
                match addable(&c.value).and_then(|v| add(&t.value, &v)) {
                    Some(v) => {
                        t.value = v;
                        t.source = Source::Computed;
                    }
                    None => {
                        // Unknown for good: a later report cannot make it known again.
                        *lost = true;
                        t.source = Source::Blank;
                    }
                }
            }
        }
    }
    out.into_iter().map(|(s, _)| s).collect()
}

#[cfg(test)]
mod tests;
