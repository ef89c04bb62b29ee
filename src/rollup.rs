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
use std::collections::BTreeMap;
use std::sync::Arc;

mod tree;
pub use tree::Tree;

/// `slug` and every agency under it, at any depth, each once (a cycle of
/// `parent:` ends where it returns). Linear in the number of agencies: for
/// one question; build a [`Tree`] once for many.
pub fn under<'a>(agencies: &'a BTreeMap<String, Agency>, slug: &str) -> Vec<&'a str> {
    Tree::new(agencies.values()).under(slug).to_vec()
}

/// The sum of the reports of one form.
#[derive(Debug, Clone)]
pub struct Sum {
    /// The form they follow.
    pub form: Arc<Form>,
    /// The summed tables, in the form's order. A table that no summed
    /// report's original prints is not `given` (its cells are `Omitted`).
    /// In the others a cell is `Given` with its sum, or `Blank` when every
    /// report left it blank or when its sum is unknown (see `unknown`).
    pub tables: Vec<TableData>,
    /// Per table, per cell: the sum cannot be known (a term is an amount
    /// without its unit, or the sum would not fit). Such a cell is never
    /// given a figure, and never drops the rest of its table.
    pub unknown: Vec<Vec<bool>>,
    /// Per table, how many of the reports' originals print it: only those
    /// are summed (a table an original lacks is not counted as zeros).
    pub counted: Vec<usize>,
    /// The agencies summed (slug and year), in order.
    pub reports: Vec<(String, i32)>,
}

impl Sum {
    /// How many cells of table `t` have an unknown sum.
    pub fn unknown_in(&self, t: usize) -> usize {
        self.unknown.get(t).map_or(0, |u| u.iter().filter(|&&x| x).count())
    }
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

/// Whether a value is zero, which adds nothing in any unit (an amount of 0
/// needs no unit).
fn is_zero(value: &CellValue) -> bool {
    match value {
        CellValue::Int(n) => *n == 0,
        CellValue::Decimal(d) | CellValue::Money(d, _) => {
            let units = d.units;
            units == 0
        }
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

/// An empty sum of `form`'s tables: no table counted yet.
fn empty(form: &Arc<Form>) -> Sum {
    let tables: Vec<TableData> = form
        .tables
        .iter()
        .map(|spec| {
            let cols = spec.col_leaves.len();
            let cells = (0..spec.row_leaves.len() * cols)
                .map(|i| Cell {
                    value: zero(spec.kind(i / cols, i % cols)),
                    source: Source::Omitted,
                    pos: Pos::default(),
                })
                .collect();
            TableData { cells, cols, pos: Pos::default(), given: false }
        })
        .collect();
    let unknown = tables.iter().map(|t| vec![false; t.cells.len()]).collect();
    let counted = vec![0; tables.len()];
    Sum { form: Arc::clone(form), tables, unknown, counted, reports: Vec::new() }
}

/// Adds one report's cell to a summed cell.
fn add_cell(total: &mut Cell, unknown: &mut bool, cell: &Cell) {
    if *unknown {
        // Unknown for good: a later report cannot make it known again.
        return;
    }
    if cell.source == Source::Blank {
        // Blank in every report so far: blank; a figure elsewhere makes it one.
        if total.source == Source::Omitted {
            total.source = Source::Blank;
        }
        return;
    }
    total.source = Source::Given;
    if is_zero(&cell.value) {
        return;
    }
    match addable(&cell.value).and_then(|v| add(&total.value, &v)) {
        Some(v) => total.value = v,
        None => {
            *unknown = true;
            total.source = Source::Blank;
        }
    }
}

/// Sums `reports`, grouped by form (a year's reports normally share one):
/// the one rule of every 汇总 (the year page, `data/totals.csv`,
/// `gongkai export xlsx`). Only tables a report's original prints are
/// summed; in them counts, deltas and decimals add up, amounts with their
/// unit are summed in 元, a blank adds nothing, and a cell with an amount
/// without its unit among its terms is unknown (see [`Sum::unknown`]), its
/// table's other cells kept. Every addition is checked. Linear in the cells.
pub fn sum(reports: &[&Report]) -> Vec<Sum> {
    let mut out: Vec<Sum> = Vec::new();
    for report in reports {
        let at = match out.iter().position(|s| s.form.id == report.form.id) {
            Some(i) => i,
            None => {
                out.push(empty(&report.form));
                out.len() - 1
            }
        };
        let s = &mut out[at];
        s.reports.push((report.agency.clone(), report.year));
        let summed = s.tables.iter_mut().zip(s.unknown.iter_mut()).zip(s.counted.iter_mut());
        for (((total, unknown), counted), table) in summed.zip(&report.tables) {
            if !table.given {
                continue;
            }
            *counted += 1;
            total.given = true;
            for ((t, u), c) in total.cells.iter_mut().zip(unknown.iter_mut()).zip(&table.cells) {
                add_cell(t, u, c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
