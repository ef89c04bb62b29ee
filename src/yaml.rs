//! A YAML tree in which every value knows where it was written.
//!
//! The checker must point at the exact cell a webmaster typed, so front matter
//! is parsed with `saphyr-parser` (pure Rust, YAML 1.2, maintained) into this
//! small tree instead of through serde: serde deserializers lose the position
//! of a value once it is parsed, and their errors cannot say "did you mean".
//! Scalars stay text here; [`crate::parse`] decides what a number is, so that
//! `３` or `1,054,900元` get a precise message instead of a generic type error.

use crate::diag::Pos;
use saphyr_parser::{Event, Parser, ScalarStyle, Span};

/// A YAML value with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The value.
    pub value: Value,
    /// Where it starts in the file (for collections: the first character).
    pub pos: Pos,
}

/// How a scalar was written. Only a plain, untagged scalar is a figure as
/// typed; the others are read too, but the checker names the exact spelling
/// (`"3"`, `!!str 3`) because a figure in quotes is often pasted text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Style {
    /// Written as is: `3`.
    Plain,
    /// In single quotes: `'3'`.
    SingleQuoted,
    /// In double quotes: `"3"`.
    DoubleQuoted,
    /// A `|` or `>` block.
    Block,
    /// With an explicit tag such as `!!str` (the tag as written).
    Tagged(Box<str>),
}

/// The three kinds of YAML value. Aliases are refused at parse time.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A scalar, unparsed.
    Scalar {
        /// The scalar's text after YAML unescaping.
        text: String,
        /// How it was written (only plain scalars can be null or numbers).
        style: Style,
    },
    /// A sequence `[a, b]` or `- a`.
    Seq(Vec<Node>),
    /// A mapping, in source order.
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// True for `~`, `null` and an empty value (`key:` with nothing after it).
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, style: Style::Plain } if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// The scalar as it was spelled in the file, quotes and tag included
    /// (`"3"`, `'3'`, `!!str 3`), for messages about how a figure is written.
    pub fn spelling(&self) -> Option<String> {
        match &self.value {
            Value::Scalar { text, style } => Some(match style {
                Style::Plain | Style::Block => text.clone(),
                Style::SingleQuoted => format!("'{}'", text.replace('\'', "''")),
                Style::DoubleQuoted => format!("{text:?}"),
                Style::Tagged(tag) => format!("{tag} {text}"),
            }),
            _ => None,
        }
    }

    /// The scalar text, if this is a scalar.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// A word for the kind of value, for error messages.
    pub fn kind_name(&self) -> String {
        match &self.value {
            _ if self.is_null() => crate::t!("in-kind-empty"),
            Value::Scalar { .. } => crate::t!("in-kind-scalar"),
            Value::Seq(_) => crate::t!("in-kind-list"),
            Value::Map(_) => crate::t!("in-kind-map"),
        }
    }
}

/// A YAML syntax problem, with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// Where the parser stopped.
    pub pos: Pos,
    /// What went wrong, in plain words.
    pub message: String,
    /// Another place involved (the first occurrence of a duplicated key, the
    /// line that ended the document), and what to call it.
    pub related: Option<(Pos, String)>,
}

/// How deeply collections may nest. A report's front matter needs three
/// levels (table → row → cells) and an agency file two; 32 leaves room for
/// any sensible hand-written file while keeping the tree (whose drop is
/// recursive) far from the stack's limit: a 40,000-deep `- - - …` once
/// aborted the whole `check` with a stack overflow.
pub const MAX_DEPTH: usize = 32;

/// Parses one YAML document. `first_line` is the file line on which `text`
/// starts, so positions are file positions. A second document (after a
/// `...` or `---` line inside the text) is an error, never silently ignored:
/// the figures after it would otherwise vanish from the report.
pub fn parse(text: &str, first_line: u32) -> Result<Option<Node>, YamlError> {
    let mut parser = Parser::new_from_str(text);
    // The parser reports the end of input one line past a last line without
    // a newline: keep every position inside the text.
    // (After a final newline, the next line is the report's closing `---`.)
    let last_line = u32::try_from(text.matches('\n').count()).unwrap_or(u32::MAX).saturating_add(first_line);
    let mut builder = Builder {
        text,
        lines: std::cell::OnceCell::new(),
        last_line,
        stack: Vec::new(),
        root: None,
        first_line,
        ended: None,
    };
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(|e| {
            let m = e.marker();
            let line = line_of(m.line(), first_line);
            let (line, col) = if line > last_line { (last_line, 1) } else { (line, m.col() as u32 + 1) };
            YamlError { pos: Pos::new(line, col, 1), message: describe_scan_error(e.info()), related: None }
        })?;
        builder.event(event, span)?;
    }
    Ok(builder.root)
}

/// A parser line (1-based, within `text`) as a file line, saturating.
fn line_of(line: usize, first_line: u32) -> u32 {
    u32::try_from(line).unwrap_or(u32::MAX).saturating_add(first_line).saturating_sub(1)
}

/// How many characters a quoted or tagged scalar spans on its line, from
/// its first character: an optional tag, then a quoted string (to its
/// closing quote) or a plain word (to a `,` `]` `}` or comment).
fn written_len(rest: impl Iterator<Item = char>) -> usize {
    let chars: Vec<char> = rest.take(4096).collect();
    let mut i = 0;
    if chars.first() == Some(&'!') {
        while i < chars.len() && !chars[i].is_whitespace() {
            i += 1;
        }
        while i < chars.len() && chars[i] == ' ' {
            i += 1;
        }
    }
    match chars.get(i) {
        Some(&q @ ('"' | '\'')) => {
            i += 1;
            while i < chars.len() {
                match chars[i] {
                    '\\' if q == '"' => i += 2,
                    '\'' if q == '\'' && chars.get(i + 1) == Some(&'\'') => i += 2,
                    c if c == q => return i + 1,
                    _ => i += 1,
                }
            }
            chars.len()
        }
        _ => {
            let end = chars[i..].iter().position(|c| matches!(c, ',' | ']' | '}' | '#')).map_or(chars.len(), |p| i + p);
            let trimmed = chars[..end].iter().rposition(|c| !c.is_whitespace()).map_or(0, |p| p + 1);
            trimmed.max(i)
        }
    }
}

/// A tag as people write it: the parser expands `!!str` to the core
/// schema's `tag:yaml.org,2002:str`, which nobody typed.
fn tag_as_written(handle: &str, suffix: &str) -> String {
    match handle {
        "tag:yaml.org,2002:" => format!("!!{suffix}"),
        _ => format!("{handle}{suffix}"),
    }
}

/// Rewords the parser's messages for people who do not know YAML's grammar:
/// each kind of mistake says what to look at. The parser's own words (in
/// English) are kept as `detail` for the English message.
fn describe_scan_error(info: &str) -> String {
    let detail = info;
    if !info.contains("simple key") && (info.contains("mapping values are not allowed") || info.contains("':'")) {
        crate::t!("in-yaml-colon", detail = detail)
    } else if info.contains("tab") {
        crate::t!("in-yaml-tab", detail = detail)
    } else if info.contains("recursion limit") {
        crate::t!("in-yaml-deep", detail = detail)
    } else if info.contains("quoted scalar") {
        crate::t!("in-yaml-quote", detail = detail)
    } else if info.contains("did not find expected")
        || info.contains("while parsing a")
        || info.contains("indentation")
        || info.contains("simple key")
        || info.contains("bracket")
    {
        crate::t!("in-yaml-indent", detail = detail)
    } else {
        crate::t!("in-yaml-other", detail = detail)
    }
}

/// A collection being built.
enum Open {
    Seq(Pos, Vec<Node>),
    Map(OpenMap),
}

/// Past this many keys a mapping indexes its keys in a set: below it a scan
/// of the few keys is cheaper than hashing (a report's maps have 2 to 30).
const INDEXED_KEYS: usize = 32;

/// A mapping being built: its entries, the key waiting for its value, and,
/// once it is large, its scalar keys in a set, so that a file of 100,000
/// keys is checked for duplicates in linear time.
struct OpenMap {
    pos: Pos,
    entries: Vec<(Node, Node)>,
    pending: Option<Node>,
    index: Option<std::collections::HashMap<String, Pos>>,
}

impl OpenMap {
    /// Where a key with this text was written first, if it was.
    fn first(&mut self, text: &str) -> Option<Pos> {
        if self.index.is_none() && self.entries.len() >= INDEXED_KEYS {
            let keys = self.entries.iter().filter_map(|(k, _)| Some((k.as_str()?.to_owned(), k.pos)));
            self.index = Some(keys.collect());
        }
        match &self.index {
            Some(index) => index.get(text).copied(),
            None => self.entries.iter().find(|(k, _)| k.as_str() == Some(text)).map(|(k, _)| k.pos),
        }
    }
}

/// Turns parser events into a [`Node`] tree.
struct Builder<'t> {
    /// The YAML text.
    text: &'t str,
    /// Its lines, split on the first quoted or tagged scalar (to measure
    /// what it spans); most front matter has none.
    lines: std::cell::OnceCell<Vec<&'t str>>,
    /// The last file line a position may name (see [`parse`]).
    last_line: u32,
    stack: Vec<Open>,
    root: Option<Node>,
    first_line: u32,
    /// Where the first document ended, once it has.
    ended: Option<Pos>,
}

impl Builder<'_> {
    fn pos(&self, span: &Span) -> Pos {
        let (s, e) = (span.start, span.end);
        let len = if e.line() == s.line() { e.col().saturating_sub(s.col()) } else { 1 };
        let len = u32::try_from(len.max(1)).unwrap_or(u32::MAX);
        let line = line_of(s.line(), self.first_line);
        if line > self.last_line {
            // The end of input past a last line without a newline.
            return Pos::new(self.last_line, 1, 1);
        }
        Pos::new(line, u32::try_from(s.col()).unwrap_or(u32::MAX).saturating_add(1), len)
    }

    /// Handles one event.
    fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), YamlError> {
        let pos = self.pos(&span);
        if let Some(end) = self.ended {
            return match event {
                Event::StreamEnd | Event::DocumentEnd | Event::Nothing => Ok(()),
                _ => Err(YamlError {
                    pos,
                    message: crate::t!("in-yaml-after-end"),
                    related: Some((end, crate::t!("in-yaml-ends-here"))),
                }),
            };
        }
        match event {
            Event::Scalar(_, _, anchor, _) | Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _)
                if anchor != 0 =>
            {
                return Err(YamlError { pos, message: crate::t!("in-yaml-anchor"), related: None });
            }
            Event::Scalar(text, style, _, tag) => {
                let style = match (tag, style) {
                    (Some(tag), _) => Style::Tagged(tag_as_written(&tag.handle, &tag.suffix).into()),
                    (None, ScalarStyle::Plain) => Style::Plain,
                    (None, ScalarStyle::SingleQuoted) => Style::SingleQuoted,
                    (None, ScalarStyle::DoubleQuoted) => Style::DoubleQuoted,
                    (None, _) => Style::Block,
                };
                let mut node = Node { value: Value::Scalar { text: text.into_owned(), style }, pos };
                // A quoted or tagged scalar's span runs on over the spaces and
                // comment after it: mark just what was written.
                if !matches!(node.value, Value::Scalar { style: Style::Plain | Style::Block, .. }) {
                    let line = pos.line.saturating_sub(self.first_line) as usize;
                    let lines = self.lines.get_or_init(|| self.text.split('\n').collect());
                    if let Some(rest) = lines.get(line).map(|l| l.chars().skip(pos.col as usize - 1)) {
                        node.pos.len = u32::try_from(written_len(rest)).unwrap_or(1).clamp(1, pos.len.max(1));
                    }
                }
                self.push(node)?;
            }
            Event::SequenceStart(..) | Event::MappingStart(..) if self.stack.len() >= MAX_DEPTH => {
                return Err(YamlError { pos, message: crate::t!("in-yaml-too-deep", max = MAX_DEPTH), related: None });
            }
            Event::SequenceStart(..) => self.stack.push(Open::Seq(pos, Vec::new())),
            Event::MappingStart(..) => {
                self.stack.push(Open::Map(OpenMap { pos, entries: Vec::new(), pending: None, index: None }))
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let node = match self.stack.pop() {
                    Some(Open::Seq(pos, items)) => Node { value: Value::Seq(items), pos },
                    Some(Open::Map(m)) => Node { value: Value::Map(m.entries), pos: m.pos },
                    None => return Ok(()),
                };
                self.push(node)?;
            }
            Event::Alias(_) => {
                return Err(YamlError { pos, message: crate::t!("in-yaml-alias"), related: None });
            }
            Event::DocumentEnd => self.ended = Some(pos),
            _ => {}
        }
        Ok(())
    }

    fn push(&mut self, node: Node) -> Result<(), YamlError> {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Open::Seq(_, items)) => items.push(node),
            Some(Open::Map(map)) => match map.pending.take() {
                None => {
                    if let Value::Scalar { text, .. } = &node.value {
                        if let Some(first) = map.first(text) {
                            return Err(YamlError {
                                pos: node.pos,
                                message: crate::t!("in-yaml-duplicate", key = text),
                                related: Some((first, crate::t!("in-yaml-first-here"))),
                            });
                        }
                        if let Some(index) = &mut map.index {
                            index.insert(text.clone(), node.pos);
                        }
                    }
                    map.pending = Some(node);
                }
                Some(key) => map.entries.push((key, node)),
            },
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(node: &Node) -> &[(Node, Node)] {
        match &node.value {
            Value::Map(m) => m,
            other => panic!("not a map: {other:?}"),
        }
    }

    #[test]
    fn values_carry_file_positions() {
        let root = parse("year: 2020\nt:\n  new: [3, 0, 12]\n", 2).unwrap().unwrap();
        let m = map(&root);
        assert_eq!(m[0].1.pos, Pos::new(2, 7, 4));
        let inner = map(&m[1].1);
        let Value::Seq(items) = &inner[0].1.value else { panic!() };
        assert_eq!(items[2].as_str(), Some("12"));
        assert_eq!(items[2].pos, Pos::new(4, 15, 2));
    }

    #[test]
    fn duplicate_keys_point_at_both() {
        let err = parse("a: 1\nb: 2\na: 3\n", 1).unwrap_err();
        assert_eq!(err.pos.line, 3);
        assert_eq!(err.related.map(|p| p.0.line), Some(1));
    }

    #[test]
    fn syntax_errors_have_positions() {
        let err = parse("a: [1, 2\nb: 3\n", 5).unwrap_err();
        assert!(err.pos.line >= 5, "{err:?}");
        assert!(err.message.starts_with("YAML 语法错误"), "{err:?}");
    }

    #[test]
    fn aliases_are_refused_and_nulls_recognised() {
        assert!(parse("a: &x 1\nb: *x\n", 1).is_err());
        let root = parse("a:\nb: ~\nc: 'null'\n", 1).unwrap().unwrap();
        let m = map(&root);
        assert!(m[0].1.is_null() && m[1].1.is_null() && !m[2].1.is_null());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = format!("{}0\n", "- ".repeat(40_000));
        let err = parse(&deep, 1).unwrap_err();
        assert!(err.message.contains("嵌套"), "{err:?}");
        let flow = format!("x: {}{}\n", "[".repeat(40_000), "]".repeat(40_000));
        assert!(parse(&flow, 1).is_err());
        let ok = format!("{}0\n", "- ".repeat(MAX_DEPTH - 2));
        assert!(parse(&ok, 1).is_ok());
    }

    #[test]
    fn text_after_a_document_end_is_an_error() {
        let err = parse("year: 2024\n...\napplications:\n  new: [1]\n", 2).unwrap_err();
        assert_eq!((err.pos.line, err.related.map(|p| p.0.line)), (4, Some(3)));
        assert!(parse("year: 2024\n...\n# only a comment\n", 2).is_ok());
        assert!(parse("year: 2024\n---\nx: 1\n", 2).is_err());
    }

    #[test]
    fn many_keys_are_checked_for_duplicates_in_linear_time() {
        let text: String = (0..100_000).map(|i| format!("k{i}: 1\n")).collect();
        let started = std::time::Instant::now();
        assert!(parse(&text, 1).is_ok());
        assert!(started.elapsed().as_secs() < 5, "quadratic duplicate check");
        let err = parse(&format!("{text}k5: 2\n"), 1).unwrap_err();
        assert_eq!(err.related.map(|p| p.0.line), Some(6));
    }

    #[test]
    fn quotes_and_tags_are_kept() {
        let root = parse("a: \"3\"\nb: '3'\nc: !!str 3\nd: !!float 3\ne: 3\n", 1).unwrap().unwrap();
        let spelled: Vec<String> = map(&root).iter().filter_map(|(_, v)| v.spelling()).collect();
        assert_eq!(spelled, ["\"3\"", "'3'", "!!str 3", "!!float 3", "3"]);
        assert!(matches!(map(&root)[4].1.value, Value::Scalar { style: Style::Plain, .. }));
    }

    #[test]
    fn positions_at_the_end_of_input_stay_inside_the_text() {
        // Found by the mutation test: an explicit key `? ` on a last line without a newline.
        match parse("name: x\n? ", 1) {
            Ok(Some(root)) => assert!(map(&root).iter().all(|(k, v)| k.pos.line <= 2 && v.pos.line <= 2), "{root:?}"),
            Ok(None) => panic!("a document"),
            Err(e) => assert!(e.pos.line <= 2, "{e:?}"),
        }
        let err = parse("name: x\nkind: [", 1).unwrap_err();
        assert_eq!(err.pos.line, 2, "{err:?}");
    }
}
