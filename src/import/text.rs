//! Copied text to blocks. Three layouts, told apart line by line:
//!
//! - one cell per line, as a web page copied from a browser gives it: each
//!   cell a line starting with a tab, rows separated by blank lines, a label
//!   broken over lines continued on the next line without a tab;
//! - pipe tables as converters write them (`label | 3 | 0`, Markdown's
//!   `| a | b |` with its `---` line, a `[表] caption` line);
//! - everything else: one paragraph per line (text from a PDF).
//!
//! A copied file may start with its source URL and `#` note lines: they are
//! kept as [`Block::Note`], out of the report.

use super::{Block, SrcCell};

/// What the previous line was, for the cell-per-line layout.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prev {
    Blank,
    Cell,
    Other,
}

/// Accumulates the blocks of a text.
struct Reader {
    out: Vec<Block>,
    /// The cell-per-line table being read, and its current row.
    tab: Option<(Vec<Vec<SrcCell>>, Vec<SrcCell>)>,
    /// The pipe table being read.
    pipe: Option<Vec<Vec<SrcCell>>>,
    prev: Prev,
}

impl Reader {
    /// Ends the cell-per-line table being read.
    fn end_tab(&mut self) {
        if let Some((mut rows, row)) = self.tab.take() {
            if !row.is_empty() {
                rows.push(row);
            }
            self.out.push(Block::Table(rows));
        }
    }

    /// Ends the pipe table being read.
    fn end_pipe(&mut self) {
        if let Some(rows) = self.pipe.take() {
            self.out.push(Block::Table(rows));
        }
    }

    /// Reads one line: a cell, a row separator, a continued label, a pipe or
    /// spaced row, or a paragraph.
    fn line(&mut self, l: &str) {
        if let Some(cell) = l.strip_prefix('\t') {
            self.end_pipe();
            let (rows, row) = self.tab.get_or_insert_with(Default::default);
            if self.prev == Prev::Blank && !row.is_empty() {
                rows.push(std::mem::take(row));
            }
            // Cells copied from a spreadsheet come tab-separated on one line.
            row.extend(cell.split('\t').map(|c| SrcCell { text: c.to_owned(), copy: false }));
            self.prev = Prev::Cell;
        } else if l.trim().is_empty() {
            self.end_pipe();
            self.prev = Prev::Blank;
        } else if self.prev == Prev::Cell
            && let Some(last) = self.tab.as_mut().and_then(|(_, row)| row.last_mut())
        {
            last.text.push('\n');
            last.text.push_str(l);
        } else if let Some(cells) = pipe_row(l).or_else(|| spaced_row(l)) {
            self.end_tab();
            if !cells.is_empty() {
                self.pipe.get_or_insert_with(Vec::new).push(cells);
            }
            self.prev = Prev::Other;
        } else {
            self.end_tab();
            self.end_pipe();
            self.out.push(Block::Para(l.trim().to_owned()));
            self.prev = Prev::Other;
        }
    }
}

/// The cells of a pipe-table line, or `None` for a line of prose. A
/// Markdown separator line (`|---|:--:|`) gives an empty row.
fn pipe_row(l: &str) -> Option<Vec<SrcCell>> {
    let t = l.trim();
    let caption = t.strip_prefix("[表]");
    if caption.is_none() && !t.contains(" | ") && !(t.starts_with('|') && t.ends_with('|') && t.len() > 1) {
        return None;
    }
    let t = caption.unwrap_or(t).trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t.strip_suffix('|').unwrap_or(t);
    let cells: Vec<&str> = t.split('|').map(str::trim).collect();
    if cells.iter().all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':'))) {
        return Some(Vec::new());
    }
    Some(cells.into_iter().map(|c| SrcCell { text: c.to_owned(), copy: false }).collect())
}

/// The cells of a table row that a PDF's text gives as a label followed by
/// figures separated by spaces (`规章 1 0 11`, `72 64 178 …`): at least two
/// trailing figures, or one after a wide gap; a sentence (with 。) is never a row.
fn spaced_row(l: &str) -> Option<Vec<SrcCell>> {
    let tokens: Vec<&str> = l.split_whitespace().collect();
    let figures = tokens.iter().rev().take_while(|t| super::tables::figure(t).is_some()).count();
    let label = tokens[..tokens.len() - figures].join(" ");
    let gap = l.trim_end().contains("  ") || l.trim().contains('\t');
    if figures == 0 || (figures == 1 && !gap) || label.contains('。') {
        return None;
    }
    let cell = |t: &str| SrcCell { text: t.to_owned(), copy: false };
    let mut cells: Vec<SrcCell> = Vec::with_capacity(figures + 1);
    if !label.is_empty() {
        cells.push(cell(&label));
    }
    cells.extend(tokens[tokens.len() - figures..].iter().map(|t| cell(t)));
    Some(cells)
}

/// Whether a leading line is a note about the copy, not report text.
fn is_note(l: &str) -> bool {
    let t = l.trim();
    t.starts_with('#') || t.starts_with("http://") || t.starts_with("https://")
}

/// Reads copied text into blocks.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut r = Reader { out: Vec::new(), tab: None, pipe: None, prev: Prev::Blank };
    let mut top = true;
    for l in text.lines() {
        let l = l.trim_end_matches('\r');
        if top && is_note(l) {
            r.out.push(Block::Note(l.trim().to_owned()));
            continue;
        }
        top &= l.trim().is_empty();
        r.line(l);
    }
    r.end_tab();
    r.end_pipe();
    r.out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table block's cell texts.
    fn cells(b: &Block) -> Vec<Vec<&str>> {
        match b {
            Block::Table(rows) => rows.iter().map(|r| r.iter().map(|c| c.text.as_str()).collect()).collect(),
            _ => panic!("not a table: {b:?}"),
        }
    }

    #[test]
    fn one_cell_per_line_with_broken_labels() {
        let b = blocks("标题\n\n\t信息内容\n\t本年新\n制作数量\n\n\t规章\n\t0\n\t\n\n正文");
        assert_eq!(b[0], Block::Para("标题".into()));
        assert_eq!(cells(&b[1]), vec![vec!["信息内容", "本年新\n制作数量"], vec!["规章", "0", ""]]);
        assert_eq!(b[2], Block::Para("正文".into()));
    }

    #[test]
    fn rows_of_pdf_text_separated_by_spaces() {
        let b = blocks(
            "二、主动公开政府信息情况\n规章 1 0 11\n行政许可      447228\n72 64 178\n共受理申请 3119 件。\n增长 12",
        );
        assert_eq!(
            cells(&b[1]),
            vec![vec!["规章", "1", "0", "11"], vec!["行政许可", "447228"], vec!["72", "64", "178"]]
        );
        assert_eq!(b[2], Block::Para("共受理申请 3119 件。".into()));
        assert_eq!(b[3], Block::Para("增长 12".into()));
    }

    #[test]
    fn pipe_tables_and_notes() {
        let b = blocks(
            "https://example.gov.cn/a.pdf\n# note\n\n标题\n[表] 第二十条第（一）项\n| 规章 | 1 | 0 |\n|---|---|---|\n行政许可 | 5\n段落",
        );
        assert!(matches!(b[0], Block::Note(_)) && matches!(b[1], Block::Note(_)));
        assert_eq!(cells(&b[3]), vec![vec!["第二十条第（一）项"], vec!["规章", "1", "0"], vec!["行政许可", "5"]]);
        assert_eq!(b[4], Block::Para("段落".into()));
    }
}
