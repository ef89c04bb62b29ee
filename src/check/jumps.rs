//! X-JUMP: a figure more than `[check] jump_ratio` times the same agency's
//! figure of the year before, or less than its inverse, when both are at
//! least `[check] jump_min`: the usual sign of 万元 written as 元 or a
//! digit added or dropped.

use super::explain::{figure, leaf_name};
use crate::config::CheckConfig;
use crate::diag::Diagnostic;
use crate::form::TableSpec;
use crate::model::{Cell, CellValue, Report, Source, Unit};

/// Most X-JUMP findings one report lists.
const MAX_FINDINGS: usize = 10;

/// A cell of `this` with the cell of `other` at the same row and column
/// (matched by id, so reports of two forms compare where they agree).
pub struct Matched<'a> {
    /// The table of `this`.
    pub spec: &'a TableSpec,
    /// Leaf row of `this`.
    pub row: usize,
    /// Leaf column of `this`.
    pub col: usize,
    /// The cell of `this`.
    pub this: &'a Cell,
    /// The cell of `other`.
    pub other: &'a Cell,
}

/// Every cell of `this` that `other` has too, table by table, row by row.
pub fn matched<'a>(this: &'a Report, other: &'a Report) -> impl Iterator<Item = Matched<'a>> {
    // Two reports of one form (the usual case) match cell for cell, without looking ids up.
    let same = std::sync::Arc::ptr_eq(&this.form, &other.form);
    this.form.tables.iter().enumerate().flat_map(move |(t, spec)| {
        let data = &this.tables[t];
        let theirs = if same { Some((spec, &other.tables[t])) } else { other.table(&spec.key) };
        spec.row_leaves.iter().enumerate().flat_map(move |(r, row)| {
            spec.col_leaves.iter().enumerate().filter_map(move |(c, col)| {
                let (ospec, odata) = theirs?;
                let (or, oc) = if same { (r, c) } else { (ospec.row(&row.id)?, ospec.col(&col.id)?) };
                Some(Matched { spec, row: r, col: c, this: data.cell(r, c), other: odata.cell(or, oc) })
            })
        })
    })
}

/// The name of a matched cell: 「行」行「列」列 of its table's caption.
pub fn cell_name(m: &Matched<'_>) -> String {
    crate::t!(
        "check-cell-named",
        table = &m.spec.caption,
        row = leaf_name(&m.spec.row_leaves, m.row),
        col = leaf_name(&m.spec.col_leaves, m.col)
    )
}

/// A figure as a number, an amount written with 万元 counted in 元, so that
/// 112.0万元 and 1120000元 are the same amount.
fn in_yuan(value: &CellValue) -> f64 {
    match value {
        CellValue::Money(d, Some(Unit::WanYuan)) => d.to_f64() * 10_000.0,
        v => v.to_f64(),
    }
}

/// X-JUMP: the figures of `this` that are implausibly far from `prev`'s (the year before).
pub fn check_jumps(prev: &Report, this: &Report, config: &CheckConfig, diags: &mut Vec<Diagnostic>) {
    let mut found = 0;
    for m in matched(this, prev) {
        if m.this.source != Source::Given || m.other.source != Source::Given {
            continue;
        }
        let (a, b) = (in_yuan(&m.this.value), in_yuan(&m.other.value));
        if a < config.jump_min || b < config.jump_min || a.max(b) <= a.min(b) * config.jump_ratio {
            continue;
        }
        found += 1;
        if found > MAX_FINDINGS {
            break;
        }
        let times = if a > b { format!("{:.0}", a / b) } else { format!("1/{:.0}", b / a) };
        diags.push(
            Diagnostic::warning(
                "X-JUMP",
                &this.file,
                m.this.pos,
                crate::t!(
                    "check-jump",
                    cell = cell_name(&m),
                    value = figure(m.this),
                    year = prev.year.to_string(),
                    prev = figure(m.other),
                    times = times
                ),
            )
            .with_related(
                &prev.file,
                m.other.pos,
                crate::t!("check-jump-prev", year = prev.year.to_string(), value = figure(m.other)),
            )
            .with_help(crate::t!("check-jump-help")),
        );
    }
}
