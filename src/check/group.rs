//! One wrong figure, one finding. A figure of 表三 takes part in two or three
//! rules (its column's balance or sum, its row's sum): written wrong, it
//! breaks all of them. The failures of one report that share a cell are
//! reported once, at that cell (the figure most likely wrong), with the other
//! rules as notes; failures that share no cell stay findings of their own.

use super::explain;
use super::tables::Failure;
use crate::diag::Diagnostic;
use crate::model::Source;
use std::collections::BTreeMap;

/// A cell of a report: (table, row, column).
type CellId = (usize, usize, usize);

/// The findings of one report's failures, in the order of the failures
/// (the form's order of rules): shared cells first grouped, the rest alone.
pub fn diagnostics(failures: &[Failure<'_>]) -> Vec<Diagnostic> {
    let mut done = vec![false; failures.len()];
    let mut out: Vec<(usize, Diagnostic)> = Vec::new();
    while let Some(((_, row, col), members)) = most_shared(failures, &done) {
        for &i in &members {
            done[i] = true;
        }
        let rest: Vec<&Failure<'_>> = members[1..].iter().map(|&i| &failures[i]).collect();
        out.push((members[0], explain::grouped(&failures[members[0]], &rest, (row, col))));
    }
    for (i, f) in failures.iter().enumerate().filter(|(i, _)| !done[*i]) {
        out.push((i, explain::single(f)));
    }
    out.sort_by_key(|(i, _)| *i);
    out.into_iter().map(|(_, d)| d).collect()
}

/// The written cell that most of the failures not yet `done` take part in
/// (at least two), with those failures in order. Ties go to the cell that
/// comes first in the table (row by row). A computed total is never the
/// suspect: it was not written, its parts were.
fn most_shared(failures: &[Failure<'_>], done: &[bool]) -> Option<(CellId, Vec<usize>)> {
    let mut by_cell: BTreeMap<CellId, Vec<usize>> = BTreeMap::new();
    for (i, f) in failures.iter().enumerate().filter(|(i, _)| !done[*i]) {
        let mut cells: Vec<CellId> = f
            .values()
            .filter(|v| v.cell.is_some_and(|c| c.source != Source::Computed))
            .filter_map(|v| v.at)
            .map(|(r, c)| (f.rule.table, r, c))
            .collect();
        cells.sort_unstable();
        cells.dedup();
        for cell in cells {
            by_cell.entry(cell).or_default().push(i);
        }
    }
    let most = by_cell.values().map(Vec::len).max().filter(|&n| n >= 2)?;
    by_cell.into_iter().find(|(_, members)| members.len() == most)
}
