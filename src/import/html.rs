//! Saved web pages to blocks.
//!
//! html5ever's tokenizer (already in the build through ammonia) reads the
//! markup as browsers do (entities, `&nbsp;`, comments, Word's `<o:p>`,
//! unquoted attributes); a small tree builder here closes what CMSs leave
//! open (`<td>`, `<tr>`, `<p>`, `<li>`), which is all a report page needs.
//! Tables are expanded into grids (rowspan/colspan cells repeated as
//! copies); a table that holds another table is page layout, read as flow.

use super::{Block, SrcCell};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts, states::RawKind,
};
use std::cell::RefCell;

/// The largest rowspan/colspan honoured: bigger values are markup errors,
/// and capping them keeps the grid linear in the page's size.
const MAX_SPAN: usize = 64;

/// A node's child.
#[derive(Debug)]
enum Child {
    Text(String),
    Elem(usize),
}

/// An element of the tiny tree.
#[derive(Debug)]
struct Node {
    tag: String,
    rowspan: usize,
    colspan: usize,
    children: Vec<Child>,
}

/// The deepest nesting kept: deeper elements are read as text of the
/// element at this depth, so that walking the tree (recursively) cannot
/// overflow the stack on a hostile or broken page.
const MAX_DEPTH: usize = 200;

/// Elements that never have content.
const VOID: &[&str] =
    &["br", "img", "hr", "meta", "link", "input", "col", "wbr", "area", "base", "source", "embed", "param"];
/// Elements whose content is not text of the page.
const SKIP: &[&str] = &["head", "script", "style", "noscript", "template", "title", "textarea", "select", "button"];
/// Elements that start a new block of text.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "blockquote",
    "ul",
    "ol",
    "center",
    "pre",
    "dl",
    "dt",
    "dd",
    "header",
    "footer",
    "main",
    "form",
    "tr",
    "td",
    "th",
    "caption",
    "body",
    "html",
];

/// Builds the tree from tokens.
struct Builder {
    nodes: Vec<Node>,
    open: Vec<usize>,
}

impl Builder {
    /// An empty tree: a root that is always open.
    fn new() -> Builder {
        Builder {
            nodes: vec![Node { tag: "#root".into(), rowspan: 1, colspan: 1, children: Vec::new() }],
            open: vec![0],
        }
    }

    /// The innermost open element.
    fn top(&self) -> usize {
        self.open.last().copied().unwrap_or(0)
    }

    /// Index in `open` of the innermost `tag` above the innermost of `stop`.
    fn find_open(&self, tags: &[&str], stop: &[&str]) -> Option<usize> {
        for (i, &n) in self.open.iter().enumerate().rev() {
            let t = self.nodes[n].tag.as_str();
            if tags.contains(&t) {
                return Some(i);
            }
            if stop.contains(&t) {
                return None;
            }
        }
        None
    }

    /// Closes the open element at `at` and everything inside it (never the root).
    fn close_from(&mut self, at: usize) {
        self.open.truncate(at.max(1));
    }

    /// A start tag: first closes what it implies (a new `<td>` ends the open
    /// cell, a `<tr>` the open row, a block the open `<p>`), then opens it.
    fn start(&mut self, tag: &str, attrs: &[html5ever::Attribute], self_closing: bool) {
        let implied: Option<(&[&str], &[&str])> = match tag {
            "td" | "th" => Some((&["td", "th"], &["table", "tr"])),
            "tr" => Some((&["tr"], &["table"])),
            "tbody" | "thead" | "tfoot" => Some((&["tr", "tbody", "thead", "tfoot"], &["table"])),
            "li" => Some((&["li"], &["ul", "ol", "table"])),
            "p" | "div" | "table" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol" => {
                Some((&["p"], &["td", "th", "li", "div", "table"]))
            }
            _ => None,
        };
        if let Some((tags, stop)) = implied
            && let Some(at) = self.find_open(tags, stop)
        {
            self.close_from(at);
        }
        let span = |name: &str| {
            attrs
                .iter()
                .find(|a| &*a.name.local == name)
                .and_then(|a| a.value.trim().parse::<usize>().ok())
                .map_or(1, |n| n.clamp(1, MAX_SPAN))
        };
        let node =
            Node { tag: tag.to_owned(), rowspan: span("rowspan"), colspan: span("colspan"), children: Vec::new() };
        let id = self.nodes.len();
        self.nodes.push(node);
        let parent = self.top();
        self.nodes[parent].children.push(Child::Elem(id));
        if !self_closing && !VOID.contains(&tag) && self.open.len() < MAX_DEPTH {
            self.open.push(id);
        }
    }

    /// An end tag closes its element if open, not looking past a table
    /// (a stray `</td>` must not close the outer layout cell).
    fn end(&mut self, tag: &str) {
        let stop: &[&str] = if tag == "table" { &[] } else { &["table"] };
        if let Some(at) = self.find_open(&[tag], stop) {
            self.close_from(at);
        }
    }

    /// Text goes into the innermost open element, merged with the text before it.
    fn text(&mut self, s: &str) {
        let top = self.top();
        match self.nodes[top].children.last_mut() {
            Some(Child::Text(t)) => t.push_str(s),
            _ => self.nodes[top].children.push(Child::Text(s.to_owned())),
        }
    }
}

/// The tokenizer's sink: feeds the builder.
struct Sink(RefCell<Builder>);

impl TokenSink for Sink {
    /// No DOM handles: the builder keeps its own tree.
    type Handle = ();

    /// Feeds a token to the builder; the content of `script`/`style`/`title`
    /// is read as raw text, as browsers do, so markup in it is not parsed.
    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut b = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => {
                let name = tag.name.to_ascii_lowercase();
                match tag.kind {
                    TagKind::StartTag => {
                        b.start(&name, &tag.attrs, tag.self_closing);
                        if matches!(name.as_str(), "script" | "style" | "title" | "textarea" | "noscript") {
                            let kind = if matches!(name.as_str(), "title" | "textarea") {
                                RawKind::Rcdata
                            } else {
                                RawKind::Rawtext
                            };
                            return TokenSinkResult::RawData(kind);
                        }
                    }
                    TagKind::EndTag => b.end(&name),
                }
            }
            Token::CharacterTokens(t) => b.text(&t),
            Token::NullCharacterToken
            | Token::CommentToken(_)
            | Token::DoctypeToken(_)
            | Token::EOFToken
            | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }
}

/// Parses a page into its tree.
fn tree(page: &str) -> Builder {
    let tok = Tokenizer::new(Sink(RefCell::new(Builder::new())), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(page));
    let _ = tok.feed(&input);
    tok.end();
    tok.sink.0.into_inner()
}

/// Reads a decoded page into blocks.
pub fn blocks(page: &str) -> Vec<Block> {
    let b = tree(page);
    let layout = tables_inside(&b.nodes);
    let mut w = Walker { nodes: &b.nodes, layout: &layout, out: Vec::new(), buf: String::new() };
    w.walk(0);
    w.flush();
    w.out
}

/// Walks the tree, collecting blocks.
struct Walker<'a> {
    nodes: &'a [Node],
    /// Per node: holds a table (then a table node is page layout).
    layout: &'a [bool],
    out: Vec<Block>,
    buf: String,
}

impl Walker<'_> {
    /// Ends the paragraph being collected.
    fn flush(&mut self) {
        let text = clean(&self.buf);
        self.buf.clear();
        if !text.is_empty() {
            self.out.push(Block::Para(text));
        }
    }

    /// Collects the blocks under a node, in document order.
    fn walk(&mut self, id: usize) {
        let node = &self.nodes[id];
        let tag = node.tag.as_str();
        if SKIP.contains(&tag) {
            return;
        }
        match tag {
            "table" if !self.layout[id] => {
                self.flush();
                let grid = grid(self.nodes, id);
                if grid.iter().any(|row| row.iter().any(|c| !c.text.trim().is_empty())) {
                    self.out.push(Block::Table(grid));
                }
                return;
            }
            "li" => {
                self.flush();
                let mut s = String::new();
                text_of(self.nodes, id, &mut s);
                let s = clean(&s);
                if !s.is_empty() {
                    self.out.push(Block::Item(s));
                }
                return;
            }
            "br" => {
                self.flush();
                return;
            }
            // A portal's navigation, footer and side boxes: listed, never imported.
            "nav" | "footer" | "aside" => {
                self.flush();
                let mut s = String::new();
                text_of(self.nodes, id, &mut s);
                let s = clean(&s);
                if !s.is_empty() {
                    self.out.push(Block::Note(s));
                }
                return;
            }
            _ => {}
        }
        let block = BLOCK.contains(&tag);
        if block {
            self.flush();
        }
        for child in &node.children {
            match child {
                Child::Text(t) => self.buf.push_str(t),
                Child::Elem(e) => self.walk(*e),
            }
        }
        if block {
            self.flush();
        }
    }
}

/// Per node, whether it holds a table below it, in one pass: children are
/// created after their parents, so walking the nodes backwards sees every
/// child before its parent.
fn tables_inside(nodes: &[Node]) -> Vec<bool> {
    let mut inside = vec![false; nodes.len()];
    for id in (0..nodes.len()).rev() {
        inside[id] = nodes[id].children.iter().any(|c| match c {
            Child::Elem(e) => nodes[*e].tag == "table" || inside[*e],
            Child::Text(_) => false,
        });
    }
    inside
}

/// The text under a node; block elements and `<br>` become line breaks.
fn text_of(nodes: &[Node], id: usize, out: &mut String) {
    for child in &nodes[id].children {
        match child {
            Child::Text(t) => out.push_str(t),
            Child::Elem(e) => {
                let tag = nodes[*e].tag.as_str();
                if SKIP.contains(&tag) {
                    continue;
                }
                let block = tag == "br" || BLOCK.contains(&tag) || tag == "li";
                if block {
                    out.push('\n');
                }
                text_of(nodes, *e, out);
                if block {
                    out.push('\n');
                }
            }
        }
    }
}

/// The rows (`tr`) of a table, in order, not looking into other tables.
fn rows(nodes: &[Node], id: usize, out: &mut Vec<usize>) {
    for child in &nodes[id].children {
        if let Child::Elem(e) = child {
            match nodes[*e].tag.as_str() {
                "tr" => out.push(*e),
                "table" => {}
                _ => rows(nodes, *e, out),
            }
        }
    }
}

/// A table as a grid: merged cells repeated as copies, so that each row
/// carries the labels of the row headers spanning it.
fn grid(nodes: &[Node], id: usize) -> Vec<Vec<SrcCell>> {
    let mut trs = Vec::new();
    rows(nodes, id, &mut trs);
    let mut grid: Vec<Vec<Option<SrcCell>>> = vec![Vec::new(); trs.len()];
    for (r, &tr) in trs.iter().enumerate() {
        let mut c = 0;
        for child in &nodes[tr].children {
            let Child::Elem(e) = child else { continue };
            let cell = &nodes[*e];
            if cell.tag != "td" && cell.tag != "th" {
                continue;
            }
            while grid[r].get(c).is_some_and(Option::is_some) {
                c += 1;
            }
            let mut text = String::new();
            text_of(nodes, *e, &mut text);
            let text = clean_cell(&text);
            let rows_end = (r + cell.rowspan).min(trs.len());
            for (rr, row) in grid.iter_mut().enumerate().take(rows_end).skip(r) {
                for cc in c..c + cell.colspan {
                    if row.len() <= cc {
                        row.resize(cc + 1, None);
                    }
                    row[cc] = Some(SrcCell { text: text.clone(), copy: rr != r || cc != c });
                }
            }
            c += cell.colspan;
        }
    }
    grid.into_iter().map(|row| row.into_iter().map(Option::unwrap_or_default).collect()).collect()
}

/// Whether a character is CJK text or punctuation (no space belongs next to it).
fn wide(c: char) -> bool {
    !c.is_ascii() && !c.is_whitespace()
}

/// Collapses HTML whitespace: a run with a line break next to a wide (CJK)
/// character is a source line wrap and disappears; other runs become one space.
pub fn clean(s: &str) -> String {
    let s = s.replace(['\u{a0}', '\u{3000}'], " ");
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    for c in s.chars() {
        if c.is_whitespace() {
            run.push(c);
            continue;
        }
        if !run.is_empty() {
            let wrap = run.contains('\n') && (out.chars().last().is_some_and(wide) || wide(c));
            if !out.is_empty() && !wrap {
                out.push(' ');
            }
            run.clear();
        }
        out.push(c);
    }
    out
}

/// A cell's text: each line cleaned, lines joined with `\n`.
fn clean_cell(s: &str) -> String {
    s.split('\n').map(clean).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_markup_spans_and_layout_tables() {
        let page = "<table><tr><td><p>标题</p><table border=1><tr><td rowspan=2>三、本年度办理结果<td>（一）予以公开<td><p class=MsoNormal><span lang=EN-US>3<o:p></o:p></span></p><tr><td>（二）部分公开<td>&nbsp;</table></td></tr></table>";
        let b = blocks(page);
        assert_eq!(b[0], Block::Para("标题".into()));
        let Block::Table(t) = &b[1] else { panic!("{b:?}") };
        assert_eq!(t[1][0], SrcCell { text: "三、本年度办理结果".into(), copy: true });
        assert_eq!(t[0][2].text, "3");
        assert_eq!(t[1][2].text, "");
    }

    #[test]
    fn deep_nesting_is_flattened_not_a_stack_overflow() {
        let page = format!("{}正文{}", "<div><span>".repeat(50_000), "</span></div>".repeat(50_000));
        assert_eq!(blocks(&page), vec![Block::Para("正文".into())]);
    }

    #[test]
    fn line_wraps_between_chinese_vanish() {
        assert_eq!(clean("本年新\n  制作数量 2024 年"), "本年新制作数量 2024 年");
    }
}
