//! Where a table's headers and figures go on a sheet, as the printed form
//! has them: the column header tree over as many rows as it is deep, the
//! row header tree over as many columns, every group merged over its
//! leaves and every leaf merged down (or across) to the figures.

use crate::form::{Form, HeaderNode, TableSpec};

/// A header cell, possibly merged: rows `top..=bottom`, columns `left..=right`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// First row.
    pub top: u32,
    /// First column.
    pub left: u16,
    /// Last row.
    pub bottom: u32,
    /// Last column.
    pub right: u16,
    /// The official label.
    pub text: String,
}

/// One table placed on a sheet.
#[derive(Debug, Clone)]
pub struct Placed {
    /// The table's index in its form.
    pub table: usize,
    /// The row of its caption.
    pub caption_row: u32,
    /// Its caption (表二「第二十条第（一）项」…).
    pub caption: String,
    /// The header cells: the top-left stub, the column and the row headers.
    pub headers: Vec<Header>,
    /// Where its first figure (first leaf row, first leaf column) goes.
    pub origin: (u32, u16),
    /// The row after it.
    pub end: u32,
}

impl Placed {
    /// Where the figure of leaf row `row` and leaf column `col` goes.
    pub fn cell(&self, row: usize, col: usize) -> (u32, u16) {
        (self.origin.0 + row as u32, self.origin.1 + col as u16)
    }
}

/// How deep a header tree is (a leaf alone is 1).
fn depth(nodes: &[HeaderNode]) -> usize {
    nodes.iter().map(|n| 1 + depth(&n.children)).max().unwrap_or(0)
}

/// How many leaves a node covers.
fn leaves(node: &HeaderNode) -> usize {
    if node.children.is_empty() { 1 } else { node.children.iter().map(leaves).sum() }
}

/// Lays out a header tree along one axis, in offsets from its corner: each
/// header as `(level, last level, first leaf, last leaf, label)`, a leaf
/// spanning the levels down to the last of `levels`.
fn walk(
    nodes: &[HeaderNode],
    level: usize,
    levels: usize,
    first: &mut usize,
    out: &mut Vec<(usize, usize, usize, usize, String)>,
) {
    for n in nodes {
        let span = leaves(n);
        let last_level = if n.children.is_empty() { levels - 1 } else { level };
        out.push((level, last_level, *first, *first + span - 1, n.label.clone()));
        if n.children.is_empty() {
            *first += 1;
        } else {
            walk(&n.children, level + 1, levels, first, out);
        }
    }
}

/// Places table `index` of `form` with its caption on row `top`.
pub fn place(form: &Form, index: usize, top: u32) -> Placed {
    let spec: &TableSpec = &form.tables[index];
    let col_levels = depth(&spec.columns).max(1);
    let row_levels = if spec.row_headers { depth(&spec.rows).max(1) } else { 0 };
    let head = top + 1;
    let mut headers = Vec::new();
    if row_levels > 0 {
        headers.push(Header {
            top: head,
            left: 0,
            bottom: head + col_levels as u32 - 1,
            right: row_levels as u16 - 1,
            text: spec.stub.clone().unwrap_or_default(),
        });
    }
    let mut spans = Vec::new();
    walk(&spec.columns, 0, col_levels, &mut 0, &mut spans);
    for (level, last, first, end, text) in spans {
        headers.push(Header {
            top: head + level as u32,
            bottom: head + last as u32,
            left: (row_levels + first) as u16,
            right: (row_levels + end) as u16,
            text,
        });
    }
    let body = head + col_levels as u32;
    if row_levels > 0 {
        let mut spans = Vec::new();
        walk(&spec.rows, 0, row_levels, &mut 0, &mut spans);
        for (level, last, first, end, text) in spans {
            headers.push(Header {
                top: body + first as u32,
                bottom: body + end as u32,
                left: level as u16,
                right: last as u16,
                text,
            });
        }
    }
    let title = spec.title(form);
    let caption = if title.contains(&spec.caption) { title } else { format!("{title} {}", spec.caption) };
    Placed {
        table: index,
        caption_row: top,
        caption,
        headers,
        origin: (body, row_levels as u16),
        end: body + spec.row_leaves.len() as u32,
    }
}

/// The sheets of a form: one per section that has tables (表二, 表三, 表四),
/// each with its tables stacked under the sheet's title row, a blank row
/// between two. Returns the section's numeral and its tables.
pub fn sheets(form: &Form) -> Vec<(String, Vec<Placed>)> {
    let mut out: Vec<(String, Vec<Placed>)> = Vec::new();
    let mut section = 0;
    let mut next = 2;
    for (i, spec) in form.tables.iter().enumerate() {
        if spec.section != section {
            section = spec.section;
            next = 2;
            let numeral =
                form.sections.get(section.wrapping_sub(1)).map_or_else(|| section.to_string(), |s| s.numeral.clone());
            out.push((numeral, Vec::new()));
        }
        let placed = place(form, i, next);
        next = placed.end + 1;
        if let Some((_, tables)) = out.last_mut() {
            tables.push(placed);
        }
    }
    out
}
