//! How deeply a narrative's structure may nest.
//!
//! Raw HTML nested 100,000 `<div>`s deep once took 41 s to build: the HTML
//! sanitiser walks its stack of open elements for every tag, which is
//! quadratic in the depth. No report needs more than a handful of levels,
//! so a body that nests deeper than [`MAX_DEPTH`] is refused when it is
//! parsed, with its position, and never reaches the renderer. The scan is
//! one linear pass over the text.

/// The deepest nesting of raw HTML elements, or of Markdown block quotes and
/// list items on one line, that a narrative may have. Real reports use two
/// or three levels; 64 leaves ample room for pasted office HTML.
pub const MAX_DEPTH: usize = 64;

/// Elements that never have content, so they open no level.
const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

/// What nests too deeply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nesting {
    /// Raw HTML elements.
    Html,
    /// Markdown block quotes or list items.
    Blocks,
}

/// The byte offset at which `body` first nests deeper than [`MAX_DEPTH`],
/// and what nests there, if it does.
pub fn too_deep(body: &str) -> Option<(usize, Nesting)> {
    html_too_deep(body).map(|at| (at, Nesting::Html)).or_else(|| blocks_too_deep(body).map(|at| (at, Nesting::Blocks)))
}

/// Raw HTML: counts open elements, tag by tag, in one pass.
fn html_too_deep(body: &str) -> Option<usize> {
    let bytes = body.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(step) = bytes.get(i..).and_then(|rest| rest.iter().position(|&b| b == b'<')) {
        let at = i + step;
        let rest = &bytes[at + 1..];
        let closing = rest.first() == Some(&b'/');
        let name_start = usize::from(closing);
        let name_len = rest[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        i = at + 1;
        if name_len == 0 || !rest[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = &rest[name_start..name_start + name_len];
        let void = VOID.iter().any(|v| v.as_bytes().eq_ignore_ascii_case(name));
        if closing {
            depth = depth.saturating_sub(1);
        } else if !void && !self_closing(&rest[name_start + name_len..]) {
            depth += 1;
            if depth > MAX_DEPTH {
                return Some(at);
            }
        }
    }
    None
}

/// Whether the tag whose name ended at `after` closes itself (`<x/>`). Looks
/// only up to the tag's end, which a later `<` also ends, so the scan stays linear.
fn self_closing(after: &[u8]) -> bool {
    let end = after.iter().position(|&b| b == b'>' || b == b'<').unwrap_or(after.len());
    end > 0 && after.get(end) == Some(&b'>') && after[end - 1] == b'/'
}

/// Markdown containers opened on one line: `> > >` or `- - -` or `1. 1.`.
fn blocks_too_deep(body: &str) -> Option<usize> {
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let mut rest = line.trim_start_matches([' ', '\t']);
        let mut depth = 0;
        loop {
            let next = if let Some(r) = rest.strip_prefix('>') {
                r
            } else if let Some(r) = rest.strip_prefix(['-', '*', '+']).filter(|r| r.starts_with([' ', '\t'])) {
                r
            } else {
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                match rest[digits..].strip_prefix(['.', ')']) {
                    Some(r) if digits > 0 && r.starts_with([' ', '\t']) => r,
                    _ => break,
                }
            };
            depth += 1;
            if depth > MAX_DEPTH {
                return Some(offset);
            }
            rest = next.trim_start_matches([' ', '\t']);
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_markup_passes() {
        assert_eq!(too_deep("<div><p>a<br>b<img src=x/></p></div>\n> 引用\n- 一\n  - 二\n1. 三\n"), None);
        let ok = format!("{}x{}", "<div>".repeat(MAX_DEPTH), "</div>".repeat(MAX_DEPTH));
        assert_eq!(too_deep(&ok), None);
        let voids = "<br>".repeat(10_000);
        assert_eq!(too_deep(&voids), None, "void elements open nothing");
    }

    #[test]
    fn deep_html_and_blocks_are_found_where_they_start_to_be_too_deep() {
        let deep = format!("前言\n{}x", "<div>".repeat(100_000));
        let (at, what) = too_deep(&deep).unwrap();
        assert_eq!((at, what), ("前言\n".len() + 5 * MAX_DEPTH, Nesting::Html));
        let quotes = format!("a\n{}x\n", "> ".repeat(1000));
        assert_eq!(too_deep(&quotes), Some((2, Nesting::Blocks)));
        let lists = format!("{}x\n", "- ".repeat(1000));
        assert_eq!(too_deep(&lists).map(|d| d.1), Some(Nesting::Blocks));
    }

    #[test]
    fn a_megabyte_is_scanned_in_one_pass() {
        let text = "<a".repeat(500_000);
        let started = std::time::Instant::now();
        assert!(too_deep(&text).is_some());
        let flat = "<".repeat(1_000_000);
        assert_eq!(too_deep(&flat), None);
        assert!(started.elapsed().as_secs() < 5);
    }
}
