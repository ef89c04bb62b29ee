//! The tables of a report's front matter: rows as lists or maps, each
//! cell parsed by its kind and kept with its position and source.

use super::figures::{BadNumber, parse_value, unusual_spelling};
use super::front::{Ctx, as_map};
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
    let what = format!("table `{}` ({})", spec.key, spec.caption);
    let entries = as_map(ctx, node, &what)?;
    match spec.input {
        InputShape::Rows => {
            let keys: Vec<&str> = spec.row_leaves.iter().map(|l| l.id.as_str()).collect();
            for (key, value) in entries {
                let Some(r) = key.as_str().and_then(|k| spec.row(k)) else {
                    ctx.unknown_key(key, &what, &keys);
                    continue;
                };
                let cols: Vec<usize> = (0..spec.col_leaves.len()).collect();
                parse_line(ctx, spec, &mut data, r, &cols, key.pos, value);
            }
        }
        InputShape::ColumnGroups => {
            let groups = spec.groups();
            for (key, value) in entries {
                let Some(g) = key.as_str().filter(|k| groups.contains(k)) else {
                    ctx.unknown_key(key, &what, &groups);
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
    let labels = |cs: &[usize]| cs.iter().map(|&c| spec.col_leaves[c].label.as_str()).collect::<Vec<_>>().join(", ");
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
                ctx.error(
                    "IN-SHAPE",
                    node.pos,
                    format!(
                        "`{}` has {} values, but {} takes {}: {}",
                        spec.row_leaves[row].id,
                        items.len(),
                        spec.caption,
                        cols.len(),
                        labels(cols)
                    ),
                )
                .help = Some(if cols.len() != without_totals.len() {
                    format!(
                        "give all {} values, or the first {} and leave the 总计 out to have it computed",
                        cols.len(),
                        without_totals.len()
                    )
                } else {
                    format!("give {} values in this order: {}", cols.len(), labels(cols))
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
                    None => ctx.unknown_key(k, &format!("`{}`", spec.row_leaves[row].id), &names),
                }
            }
        }
        Value::Scalar { .. } if cols.len() == 1 => parse_cell(ctx, spec, data, row, cols[0], node),
        Value::Scalar { .. } => {
            ctx.error(
                "IN-SHAPE",
                node.pos,
                format!(
                    "`{}` needs {} values ({}), written as a list `[…]`",
                    spec.row_leaves[row].id,
                    cols.len(),
                    labels(cols)
                ),
            );
        }
    }
}

/// Parses one figure according to its cell kind.
fn parse_cell(ctx: &mut Ctx<'_>, spec: &TableSpec, data: &mut TableData, row: usize, col: usize, node: &Node) {
    let kind = spec.kind(row, col);
    let cell = data.cell_mut(row, col);
    cell.pos = node.pos;
    if node.is_null() {
        cell.source = Source::Blank;
        return;
    }
    let Some(text) = node.as_str() else {
        ctx.error(
            "IN-TYPE",
            node.pos,
            format!(
                "{} / {}: expected a number, found {}",
                spec.row_leaves[row].label,
                spec.col_leaves[col].label,
                node.kind_name()
            ),
        );
        return;
    };
    let place = || format!("{} / {}", spec.row_leaves[row].label, spec.col_leaves[col].label);
    match parse_value(text, kind) {
        Ok(v) => {
            if let Some(note) = unusual_spelling(node) {
                ctx.warning("IN-FIGURE", node.pos, format!("{}: the figure is written `{}`", place(), note.written))
                    .help = Some(format!("{}: write `{v}`", note.why));
            }
            if let CellValue::Money(_, None) = v {
                ctx.warning("T2-2019", node.pos, format!("{}: the amount `{text}` has no unit", place())).help =
                    Some(format!("write the unit as printed, e.g. `{text}元` or `{text}万元`"));
            }
            let cell = data.cell_mut(row, col);
            cell.value = v;
            cell.source = Source::Given;
        }
        Err(BadNumber { code, message, help }) => {
            let d = ctx.error(code, node.pos, format!("{}: {message}", place()));
            d.help = help;
        }
    }
}
