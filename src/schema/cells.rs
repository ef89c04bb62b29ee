//! The schema of a table row and of each cell, by the cell's kind.

use crate::form::{CellKind, TableSpec};
use serde_json::{Map, Value, json};

/// A cell printed blank: `~`, an empty value, or one to three dashes or
/// slashes as the original printed them (read as 0 by the checker).
fn blank() -> Value {
    json!([{ "type": "null" }, { "type": "string", "pattern": "^([-—–―－−/／]{1,3})?$" }])
}

/// The schema of one cell of kind `kind` in the column labelled `label`.
pub(super) fn cell_schema(kind: CellKind, label: &str) -> Value {
    let mut any = match kind {
        CellKind::Count => vec![json!({ "type": "integer", "minimum": 0 })],
        CellKind::Delta => vec![json!({ "type": "integer" })],
        CellKind::Decimal => vec![json!({ "type": "number", "minimum": 0 })],
        CellKind::Money => vec![
            json!({ "type": "number", "minimum": 0 }),
            json!({ "type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?(元|万元)$" }),
        ],
    };
    if let Value::Array(b) = blank() {
        any.extend(b);
    }
    let description = match kind {
        CellKind::Count => crate::t!("schema-cell-count"),
        CellKind::Delta => crate::t!("schema-cell-delta"),
        CellKind::Decimal => crate::t!("schema-cell-decimal"),
        CellKind::Money => crate::t!("schema-cell-money"),
    };
    json!({ "anyOf": any, "title": label, "description": description })
}

/// The schema of one line of a table (row `row` over the columns `cols`):
/// a list of every column's figure (or of every column but the 总计, which
/// is then computed), a map from column key to figure, or, for a single
/// column, the figure alone.
pub(super) fn row_schema(spec: &TableSpec, row: usize, cols: &[usize], title: String) -> Value {
    let cell = |c: usize| cell_schema(spec.kind(row, c), &spec.col_leaves[c].path.join(" "));
    let list = |cs: &[usize]| {
        let items: Vec<Value> = cs.iter().map(|&c| cell(c)).collect();
        json!({ "type": "array", "items": items, "additionalItems": false, "minItems": cs.len(), "maxItems": cs.len() })
    };
    let labels: Vec<&str> = cols.iter().map(|&c| spec.col_leaves[c].label.as_str()).collect();
    let mut shapes = vec![list(cols)];
    let without_totals: Vec<usize> = cols.iter().copied().filter(|&c| !spec.col_leaves[c].total).collect();
    if without_totals.len() != cols.len() {
        shapes.push(list(&without_totals));
    }
    let map: Map<String, Value> = cols.iter().map(|&c| (spec.col_leaves[c].key.clone(), cell(c))).collect();
    shapes.push(json!({ "type": "object", "properties": map, "additionalProperties": false }));
    if let [only] = cols {
        shapes.push(cell(*only));
    }
    let description = crate::t!("schema-row", n = cols.len(), labels = labels.join("、"));
    json!({ "anyOf": shapes, "title": title, "description": description })
}
