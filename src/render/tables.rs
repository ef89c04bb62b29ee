//! The form's statistical tables as accessible HTML.
//!
//! Built from the form's header trees, so spans are those of the official
//! form: a group spans its leaves, a leaf spans the remaining header depth.
//! Every header is a `th` with `scope="col"` or `scope="row"`, groups
//! included: a `th` spanning columns (rows) heads every column (row) it
//! spans, so the HTML table algorithm gives each data cell its whole path
//! (申请人情况 › 法人或其他组织 › 商业企业) by scanning up and left, without a
//! `headers` list on each of the 175 cells of table 三 (which made a third
//! of a report page's bytes). Written in Rust rather than a template: per-cell
//! template calls would dominate build time.

use crate::form::{HeaderNode, TableSpec};
use crate::model::{Source, TableData};
use std::fmt::Write as _;

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A header node placed in the grid.
struct Placed<'a> {
    node: &'a HeaderNode,
    depth: usize,
    /// Index of its first leaf.
    first: usize,
    /// Number of leaves under it (1 for a leaf).
    span: usize,
}

/// Lays out a header tree: every node with its depth, first leaf and span.
fn place(nodes: &[HeaderNode]) -> (Vec<Placed<'_>>, usize) {
    fn walk<'a>(nodes: &'a [HeaderNode], depth: usize, next_leaf: &mut usize, out: &mut Vec<Placed<'a>>) -> usize {
        let mut max_depth = depth + 1;
        for n in nodes {
            let first = *next_leaf;
            let index = out.len();
            out.push(Placed { node: n, depth, first, span: 1 });
            if n.children.is_empty() {
                *next_leaf += 1;
            } else {
                max_depth = max_depth.max(walk(&n.children, depth + 1, next_leaf, out));
            }
            out[index].span = (*next_leaf - first).max(1);
        }
        max_depth
    }
    let mut out = Vec::new();
    let depth = walk(nodes, 0, &mut 0, &mut out);
    (out, depth)
}

/// What a report's page adds to one of its tables.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Marks<'a> {
    /// The report is kept as published: a blank cell is shown empty (as
    /// printed), not as a grey 0.
    pub as_published: bool,
    /// How many of the page's 数据核对提示 are about this table: when some
    /// are, a note above the table links to them and describes the table.
    pub notices: usize,
    /// In a 汇总 (see [`crate::rollup::Sum::unknown`]), per cell: its sum
    /// cannot be known, shown as 不详 (empty: none is).
    pub unknown: &'a [bool],
}

/// Renders one table of a form. `id` must be unique on the page.
pub fn table_html(spec: &TableSpec, data: &TableData, id: &str) -> String {
    table_html_with(spec, data, id, Marks::default())
}

/// The note above a table that some 数据核对提示 are about, linking to them
/// (the box has the id `gk-notices`; the note's id describes the table).
fn notices_note(id: &str, n: usize) -> String {
    format!(
        "<p class=\"table-notice\" id=\"{id}-notice\">本表有 {n} 处数字互不相符，见<a href=\"#gk-notices\">数据核对提示</a>。</p>\n"
    )
}

/// [`table_html`] with a report page's [`Marks`].
pub fn table_html_with(spec: &TableSpec, data: &TableData, id: &str, marks: Marks<'_>) -> String {
    if !data.given {
        // Declared absent from the published original: say so, and show no
        // figures, so that no zero appears that the agency never printed.
        return format!(
            "<div class=\"table-absent\" id=\"{id}\" role=\"note\"><p><strong>{}</strong>：原报告未刊载此表。</p></div>\n",
            esc(&spec.caption)
        );
    }
    let (cols, col_depth) = place(&spec.columns);
    let (rows, row_depth) = place(&spec.rows);
    // 表四 has no row header column on the printed form.
    let row_cols = if spec.row_headers { row_depth } else { 0 };
    let mut h = String::with_capacity(4096 + data.cells.len() * 64);
    let mut described = String::new();
    if marks.notices > 0 {
        h.push_str(&notices_note(id, marks.notices));
        described = format!(" aria-describedby=\"{id}-notice\"");
    }
    let _ = write!(
        h,
        "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"{id}-cap\" tabindex=\"0\">\n<table class=\"form-table\" id=\"{id}\"{described}>\n<caption id=\"{id}-cap\">{}",
        esc(&spec.caption)
    );
    if let Some(stub) = &spec.stub
        && row_cols > 0
        && stub.chars().count() > 12
    {
        let _ = write!(h, "<span class=\"table-note\">{}</span>", esc(stub));
    }
    h.push_str("</caption>\n<thead>\n");
    for level in 0..col_depth {
        h.push_str("<tr>");
        if level == 0 && row_cols > 0 {
            match &spec.stub {
                Some(stub) if stub.chars().count() <= 12 => {
                    let _ = write!(
                        h,
                        "<th scope=\"col\" rowspan=\"{col_depth}\" colspan=\"{row_cols}\">{}</th>",
                        esc(stub)
                    );
                }
                _ => {
                    let _ = write!(h, "<td class=\"stub\" rowspan=\"{col_depth}\" colspan=\"{row_cols}\"></td>");
                }
            }
        }
        for p in cols.iter().filter(|p| p.depth == level) {
            let leaf = p.node.children.is_empty();
            let rowspan = if leaf { col_depth - level } else { 1 };
            h.push_str("<th scope=\"col\"");
            if p.span > 1 {
                let _ = write!(h, " colspan=\"{}\"", p.span);
            }
            if rowspan > 1 {
                let _ = write!(h, " rowspan=\"{rowspan}\"");
            }
            let _ = write!(h, ">{}</th>", esc(&p.node.label));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</thead>\n<tbody>\n");
    for r in 0..spec.row_leaves.len() {
        h.push_str("<tr>");
        if row_cols > 0 {
            for p in rows.iter().filter(|p| p.first == r) {
                let leaf = p.node.children.is_empty();
                let colspan = if leaf { row_depth - p.depth } else { 1 };
                h.push_str("<th scope=\"row\"");
                if p.span > 1 {
                    let _ = write!(h, " rowspan=\"{}\"", p.span);
                }
                if colspan > 1 {
                    let _ = write!(h, " colspan=\"{colspan}\"");
                }
                let _ = write!(h, ">{}</th>", esc(&p.node.label));
            }
        }
        for c in 0..spec.col_leaves.len() {
            let cell = data.cell(r, c);
            let value = esc(&cell.value.to_string());
            match cell.source {
                _ if marks.unknown.get(r * data.cols + c).copied().unwrap_or(false) => {
                    h.push_str("<td class=\"unknown\" title=\"有报告的金额未写单位，无法相加\">不详</td>");
                }
                Source::Computed => {
                    let _ = write!(h, "<td class=\"computed\" title=\"原报告未填写，由各项相加得出\">{value}</td>");
                }
                Source::Blank if marks.as_published => {
                    // As printed: empty, no hidden text. Its name says 空 to a screen reader.
                    h.push_str("<td class=\"empty\" aria-label=\"空\" title=\"原报告此处为空\"></td>");
                }
                Source::Blank => {
                    let _ = write!(h, "<td class=\"blank\" title=\"原报告留空，按 0 计\">{value}</td>");
                }
                _ => {
                    let _ = write!(h, "<td>{value}</td>");
                }
            }
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n</div>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::Forms;

    fn table(year: i32, key: &str) -> String {
        let forms = Forms::builtin();
        let form = forms.for_year(year).unwrap();
        let i = form.table(key).unwrap();
        let spec = &form.tables[i];
        let cols = spec.col_leaves.len();
        let cells = (0..spec.row_leaves.len() * cols)
            .map(|k| crate::model::Cell {
                value: crate::model::CellValue::Int(k as i64),
                source: Source::Given,
                pos: Default::default(),
            })
            .collect();
        table_html(spec, &TableData { cells, cols, pos: Default::default(), given: true }, "t")
    }

    #[test]
    fn table_three_has_the_official_spans() {
        let h = table(2024, "applications");
        assert!(h.contains("<th scope=\"col\" colspan=\"7\">申请人情况</th>"), "{h}");
        assert!(h.contains("<th scope=\"col\" rowspan=\"2\">自然人</th>"), "{h}");
        assert!(h.contains("colspan=\"5\">法人或其他组织</th>"), "{h}");
        assert!(h.contains("<th scope=\"row\" rowspan=\"22\">三、本年度办理结果</th>"), "{h}");
        assert!(h.contains("<th scope=\"row\" rowspan=\"8\">（三）不予公开</th>"), "{h}");
        assert!(h.contains("colspan=\"3\">一、本年新收政府信息公开申请数量</th>"), "{h}");
        assert!(h.contains("colspan=\"2\">（一）予以公开</th>"), "{h}");
        assert!(h.contains("<td class=\"stub\" rowspan=\"3\" colspan=\"3\"></td>"), "{h}");
        assert!(h.contains("table-note"), "the 勾稽 note is in the caption");
        // Headers come from the spans and scopes: no cell lists them, no scope is a group scope.
        assert_eq!(h.matches("<td>").count(), 25 * 7);
        assert!(!h.contains("headers=") && !h.contains("group\""), "{h}");
        // The cell of row 三/（三）/1 (index 4) in column 商业企业 (index 1) is 4*7+1,
        // in the row that starts with the header of （三）.
        assert!(h.contains("（三）不予公开</th><th scope=\"row\">1.属于国家秘密</th><td>28</td><td>29</td>"), "{h}");
        assert!(table(2020, "applications").contains("rowspan=\"20\">三、本年度办理结果</th>"));
    }

    #[test]
    fn table_four_has_no_row_header_and_two_level_groups() {
        let h = table(2024, "appeals");
        assert!(h.contains("colspan=\"5\">行政复议</th><th scope=\"col\" colspan=\"10\">行政诉讼</th>"), "{h}");
        assert!(h.contains("rowspan=\"2\">结果维持</th>"), "{h}");
        assert!(!h.contains("scope=\"row\""), "{h}");
        assert_eq!(h.matches("<td>").count(), 15);
    }

    #[test]
    fn a_report_kept_as_published_shows_blank_cells_empty_and_links_its_notices() {
        let forms = Forms::builtin();
        let form = forms.for_year(2024).unwrap();
        let spec = &form.tables[form.table("licensing").unwrap()];
        let blank = crate::model::Cell {
            value: crate::model::CellValue::Int(0),
            source: Source::Blank,
            pos: Default::default(),
        };
        let cells = vec![blank; spec.row_leaves.len() * spec.col_leaves.len()];
        let data = TableData { cells, cols: spec.col_leaves.len(), pos: Default::default(), given: true };
        let grey = table_html(spec, &data, "t");
        assert!(grey.contains("class=\"blank\" title=\"原报告留空，按 0 计\">0</td>"), "{grey}");
        let marks = Marks { as_published: true, notices: 2, ..Marks::default() };
        let kept = table_html_with(spec, &data, "t", marks);
        assert!(!kept.contains(">0</td>"), "never a 0 for a blank: {kept}");
        assert!(kept.contains("class=\"empty\" aria-label=\"空\" title=\"原报告此处为空\"></td>"), "{kept}");
        assert!(kept.starts_with("<p class=\"table-notice\" id=\"t-notice\">本表有 2 处数字互不相符，见<a href=\"#gk-notices\">数据核对提示</a>。</p>\n"), "{kept}");
        assert!(kept.contains("<table class=\"form-table\" id=\"t\" aria-describedby=\"t-notice\">"), "{kept}");
        assert!(!table_html_with(spec, &data, "t", Marks { notices: 0, ..marks }).contains("table-notice"));
    }

    #[test]
    fn escaping() {
        assert_eq!(esc("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }
}
