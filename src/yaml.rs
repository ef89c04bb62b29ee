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

/// The three kinds of YAML value. Anchors and aliases are refused at parse time.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A scalar, unparsed. `plain` is false for quoted and block scalars.
    Scalar {
        /// The scalar's text after YAML unescaping.
        text: String,
        /// Whether it was written without quotes (only plain scalars can be null or numbers).
        plain: bool,
    },
    /// A sequence `[a, b]` or `- a`.
    Seq(Vec<Node>),
    /// A mapping, in source order.
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// True for `~`, `null` and an empty value (`key:` with nothing after it).
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, plain: true } if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// The scalar text, if this is a scalar.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// A word for the kind of value, for error messages.
    pub fn kind_name(&self) -> &'static str {
        match &self.value {
            _ if self.is_null() => "an empty value",
            Value::Scalar { .. } => "a single value",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a map of keys",
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
    /// Another place involved (the first occurrence of a duplicated key).
    pub related: Option<Pos>,
}

/// Parses one YAML document. `first_line` is the file line on which `text`
/// starts, so positions are file positions.
pub fn parse(text: &str, first_line: u32) -> Result<Option<Node>, YamlError> {
    let mut builder = Builder { stack: Vec::new(), root: None, first_line };
    let mut parser = Parser::new_from_str(text);
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(|e| {
            let m = e.marker();
            YamlError {
                pos: Pos::new(m.line() as u32 + first_line - 1, m.col() as u32 + 1, 1),
                message: describe_scan_error(e.info()),
                related: None,
            }
        })?;
        if builder.event(event, span)? {
            break;
        }
    }
    Ok(builder.root)
}

/// Rewords the parser's messages for people who do not know YAML's grammar.
fn describe_scan_error(info: &str) -> String {
    let hint = if info.contains("mapping values are not allowed") {
        " (a `key: value` line is misplaced: check its indentation, or quote a value that contains `: `)"
    } else if info.contains("did not find expected") || info.contains("while parsing a block") {
        " (check the indentation and that every `[` has its `]`)"
    } else if info.contains("tab") {
        " (YAML indentation must use spaces, not tabs)"
    } else {
        ""
    };
    format!("YAML syntax error: {info}{hint}")
}

/// A collection being built.
enum Open {
    Seq(Pos, Vec<Node>),
    Map(Pos, Vec<(Node, Node)>, Option<Node>),
}

/// Turns parser events into a [`Node`] tree.
struct Builder {
    stack: Vec<Open>,
    root: Option<Node>,
    first_line: u32,
}

impl Builder {
    fn pos(&self, span: &Span) -> Pos {
        let (s, e) = (span.start, span.end);
        let len = if e.line() == s.line() { e.col().saturating_sub(s.col()) } else { 1 };
        Pos::new(s.line() as u32 + self.first_line - 1, s.col() as u32 + 1, len.max(1) as u32)
    }

    /// Handles one event; returns true when the first document is complete.
    fn event(&mut self, event: Event<'_>, span: Span) -> Result<bool, YamlError> {
        let pos = self.pos(&span);
        match event {
            Event::Scalar(text, style, _, _) => {
                let plain = style == ScalarStyle::Plain;
                // A quoted scalar's span includes the quotes; point inside them.
                let pos = if plain { pos } else { Pos::new(pos.line, pos.col, pos.len.max(1)) };
                self.push(Node { value: Value::Scalar { text: text.into_owned(), plain }, pos })?;
            }
            Event::SequenceStart(..) => self.stack.push(Open::Seq(pos, Vec::new())),
            Event::MappingStart(..) => self.stack.push(Open::Map(pos, Vec::new(), None)),
            Event::SequenceEnd | Event::MappingEnd => {
                let node = match self.stack.pop() {
                    Some(Open::Seq(pos, items)) => Node { value: Value::Seq(items), pos },
                    Some(Open::Map(pos, entries, _)) => Node { value: Value::Map(entries), pos },
                    None => return Ok(false),
                };
                self.push(node)?;
            }
            Event::Alias(_) => {
                return Err(YamlError {
                    pos,
                    message: "YAML aliases (`*name`) are not supported in reports: write the value out".into(),
                    related: None,
                });
            }
            Event::DocumentEnd => return Ok(self.root.is_some()),
            _ => {}
        }
        Ok(false)
    }

    fn push(&mut self, node: Node) -> Result<(), YamlError> {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Open::Seq(_, items)) => items.push(node),
            Some(Open::Map(_, entries, pending)) => match pending.take() {
                None => {
                    if let Some((first, _)) = entries.iter().find(|(k, _)| k.value == node.value) {
                        return Err(YamlError {
                            pos: node.pos,
                            message: format!("the key `{}` is written twice", node.as_str().unwrap_or("?")),
                            related: Some(first.pos),
                        });
                    }
                    *pending = Some(node);
                }
                Some(key) => entries.push((key, node)),
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
        assert_eq!(err.related.map(|p| p.line), Some(1));
    }

    #[test]
    fn syntax_errors_have_positions() {
        let err = parse("a: [1, 2\nb: 3\n", 5).unwrap_err();
        assert!(err.pos.line >= 5, "{err:?}");
        assert!(err.message.starts_with("YAML syntax error"));
    }

    #[test]
    fn aliases_are_refused_and_nulls_recognised() {
        assert!(parse("a: &x 1\nb: *x\n", 1).is_err());
        let root = parse("a:\nb: ~\nc: 'null'\n", 1).unwrap().unwrap();
        let m = map(&root);
        assert!(m[0].1.is_null() && m[1].1.is_null() && !m[2].1.is_null());
    }
}
