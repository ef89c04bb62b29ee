//! The tables of a report's front matter: rows as lists or maps, each
//! cell parsed by its kind and kept with its position and source.

use super::figures::{BadNumber, parse_value, printed_blank, unusual_spelling};
use super::front::{Ctx, Place, as_map, list};
use crate::diag::Pos;
use crate::form::{CellKind, InputShape, TableSpec};
use crate::model::{Cell, CellValue, Decimal, Source, TableData};
use crate::yaml::{Node, Value};

/// The zero of a cell kind.
fn zero(kind: CellKind) -> CellValue {
    match kind {
        CellKind::Count | CellKind::Delta => CellValue::Int(0),
        CellKind::Decimal => CellValue::Decimal(Decimal::default()),
        CellKind::Money => CellValue::Money(Decimal::default(), None),
    }
}

/// A table with every cell omitted, anchored at `pos`.
pub(super) fn empty_table(spec: &TableSpec, pos: Pos) -> TableData {
    let cols = spec.col_leaves.len();
    let cells = (0..spec.row_leaves.len() * cols)
        .map(|i| Cell { value: zero(spec.kind(i / cols, i % cols)), source: Source::Omitted, pos })
        .collect();
    TableData { cells, cols, pos, given: false }
}

/// Parses one table's figures.
pub(super) fn parse_table(ctx: &mut Ctx<'_>, spec: &TableSpec, key_pos: Pos, node: &Node) -> Option<TableData> {
    let mut data = empty_table(spec, key_pos);
    data.given = true;
    let what = Place::Table(&spec.key, &spec.caption);
    let entries = as_map(ctx, node, what)?;
    extra_table_or_columns(ctx, spec, key_pos);
    match spec.input {
        InputShape::Rows => {
            let keys: Vec<&str> = spec.row_leaves.iter().map(|l| l.id.as_str()).collect();
            for (key, value) in entries {
                let Some(r) = key.as_str().and_then(|k| spec.row(k)) else {
                    ctx.unknown_key(key, what, &keys);
                    continue;
                };
                if spec.row_leaves[r].extra && !spec.extra {
                    extra(ctx, spec, key.pos, crate::t!("in-extra-row", row = &spec.row_leaves[r].label));
                }
                let cols: Vec<usize> = (0..spec.col_leaves.len()).collect();
                parse_line(ctx, spec, &mut data, r, &cols, key.pos, value);
            }
        }
        InputShape::ColumnGroups => {
            let groups = spec.groups();
            for (key, value) in entries {
                let Some(g) = key.as_str().filter(|k| groups.contains(k)) else {
                    ctx.unknown_key(key, what, &groups);
                    continue;
                };
                let cols: Vec<usize> =
                    (0..spec.col_leaves.len()).filter(|&c| spec.col_leaves[c].group.as_deref() == Some(g)).collect();
                parse_line(ctx, spec, &mut data, 0, &cols, key.pos, value);
            }
        }
    }
    Some(data)
}

/// FMT-EXTRA for a table of a site form that the national form it extends
/// lacks, or else for its columns that the national table lacks: one
/// warning at the table's key. Its figures are read, checked and shown.
fn extra_table_or_columns(ctx: &mut Ctx<'_>, spec: &TableSpec, key_pos: Pos) {
    if spec.extra {
        extra(ctx, spec, key_pos, crate::t!("in-extra-table", table = &spec.caption, key = &spec.key));
        return;
    }
    let columns: Vec<String> = spec.col_leaves.iter().filter(|c| c.extra).map(|c| format!("「{}」", c.label)).collect();
    if !columns.is_empty() {
        let n = columns.len();
        let message = crate::t!("in-extra-columns", table = &spec.caption, columns = list(columns), n = n);
        extra(ctx, spec, key_pos, message);
    }
}

/// A FMT-EXTRA warning: `what` (a row, columns, a table) is not in the
/// national form that the report's site form extends.
fn extra(ctx: &mut Ctx<'_>, spec: &TableSpec, pos: Pos, what: String) {
    let national = spec.national.as_deref().unwrap_or_default();
    ctx.warning("FMT-EXTRA", pos, crate::t!("in-extra", what = what, national = national)).help =
        Some(crate::t!("in-extra-help"));
}

/// Parses one line of a table: a list, a map, or (one column) a single value.
fn parse_line(
    ctx: &mut Ctx<'_>,
    spec: &TableSpec,
    data: &mut TableData,
    row: usize,
    cols: &[usize],
    key_pos: Pos,
    node: &Node,
) {
    let labels = |cs: &[usize]| list(cs.iter().map(|&c| format!("「{}」", spec.col_leaves[c].label)));
    for &c in cols {
        data.cell_mut(row, c).pos = key_pos;
    }
    match &node.value {
        Value::Seq(items) => {
            let without_totals: Vec<usize> = cols.iter().copied().filter(|&c| !spec.col_leaves[c].total).collect();
            let targets = if items.len() == cols.len() {
                cols.to_vec()
            } else if items.len() == without_totals.len() {
                without_totals
            } else {
                let message = crate::t!(
                    "in-row-count",
                    row = &spec.row_leaves[row].id,
                    given = items.len(),
                    caption = &spec.caption,
                    cols = cols.len(),
                    labels = labels(cols)
                );
                ctx.error("IN-SHAPE", node.pos, message).help = Some(if cols.len() != without_totals.len() {
                    crate::t!("in-row-count-help-total", cols = cols.len(), without = without_totals.len())
                } else {
                    crate::t!("in-row-count-help", cols = cols.len(), labels = labels(cols))
                });
                return;
            };
            for (item, c) in items.iter().zip(targets) {
                parse_cell(ctx, spec, data, row, c, item);
            }
        }
        Value::Map(entries) => {
            let names: Vec<&str> = cols.iter().map(|&c| spec.col_leaves[c].key.as_str()).collect();
            for (k, v) in entries {
                match k.as_str().and_then(|k| names.iter().position(|n| *n == k)) {
                    Some(i) => parse_cell(ctx, spec, data, row, cols[i], v),
                    None => ctx.unknown_key(k, Place::Row(&spec.row_leaves[row].id), &names),
                }
            }
        }
        Value::Scalar { .. } if cols.len() == 1 => parse_cell(ctx, spec, data, row, cols[0], node),
        Value::Scalar { .. } => {
            let message = crate::t!(
                "in-row-needs-list",
                row = &spec.row_leaves[row].id,
                cols = cols.len(),
                labels = labels(cols)
            );
            ctx.error("IN-SHAPE", node.pos, message);
        }
    }
}

/// Parses one figure according to its cell kind.
fn parse_cell(ctx: &mut Ctx<'_>, spec: &TableSpec, data: &mut TableData, row: usize, col: usize, node: &Node) {
    let kind = spec.kind(row, col);
    let cell = data.cell_mut(row, col);
    cell.pos = node.pos;
    if node.is_null() || printed_blank(node) {
        cell.source = Source::Blank;
        return;
    }
    let cell = || crate::t!("in-cell", row = &spec.row_leaves[row].label, col = &spec.col_leaves[col].label);
    let Some(text) = node.as_str() else {
        ctx.error("IN-TYPE", node.pos, crate::t!("in-cell-not-number", cell = cell(), found = node.kind_name()));
        return;
    };
    match parse_value(text, kind) {
        Ok(v) => {
            if let Some(note) = unusual_spelling(node) {
                let message = crate::t!("in-figure-spelling", cell = cell(), written = note.written);
                ctx.warning("IN-FIGURE", node.pos, message).help =
                    Some(crate::t!("in-figure-spelling-help", why = note.why, value = v.to_string()));
            }
            if let CellValue::Money(_, None) = v {
                ctx.warning("T2-2019", node.pos, crate::t!("in-no-unit", cell = cell(), amount = text)).help =
                    Some(crate::t!("in-no-unit-help", amount = text));
            }
            let cell = data.cell_mut(row, col);
            cell.value = v;
            cell.source = Source::Given;
        }
        Err(BadNumber { code, message, help }) => {
            let d = ctx.error(code, node.pos, crate::t!("in-cell-problem", cell = cell(), problem = message));
            d.help = help;
        }
    }
}
