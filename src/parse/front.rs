//! What every file parser shares: finding the front matter, collecting
//! positioned diagnostics for one file, and "did you mean" for keys.

use crate::diag::{Diagnostic, Pos};
use crate::yaml::{self, Node, Value};
use std::path::PathBuf;
use std::sync::Arc;

/// Where the front matter and the body are in a file's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    /// Byte range of the YAML text.
    pub yaml: (usize, usize),
    /// File line on which the YAML starts.
    pub yaml_line: u32,
    /// Byte offset of the Markdown body.
    pub body: usize,
}

/// Finds the `---` fenced front matter at the start of `text`. Only a `---`
/// line closes it, as the format says: a `...` line stays inside the YAML,
/// where [`yaml::parse`] refuses anything written after it rather than
/// letting the rest of the figures silently become narrative.
pub fn split_front_matter(text: &str) -> Result<Split, (Pos, String)> {
    let first = text.lines().next().unwrap_or("");
    if first.trim_end() != "---" {
        return Err((Pos::new(1, 1, first.chars().count().max(1) as u32), crate::t!("in-no-front-matter")));
    }
    let start = first.len() + 1;
    let mut offset = start;
    for line in text.get(start..).unwrap_or("").split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" {
            return Ok(Split { yaml: (start, offset), yaml_line: 2, body: (offset + line.len()).min(text.len()) });
        }
        offset += line.len();
    }
    Err((Pos::new(1, 1, 3), crate::t!("in-front-not-closed")))
}

/// Levenshtein distance, for "did you mean".
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(row[j + 1] + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// The closest candidate to `key`, if close enough to be a typo.
pub fn did_you_mean<'a>(key: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (distance(key, c), c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(1) || c.starts_with(key) && key.len() >= 3)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// How many unknown keys of one file are reported one by one. Past it one
/// summary stands for the rest: a file of 100,000 stray keys (a pasted
/// spreadsheet) would otherwise print 100,000 errors.
const MAX_UNKNOWN_KEYS: usize = 20;

/// Collects diagnostics for one file.
pub(super) struct Ctx<'a> {
    pub(super) file: &'a Arc<PathBuf>,
    pub(super) diags: &'a mut Vec<Diagnostic>,
    pub(super) errors: usize,
    /// Unknown keys found so far.
    pub(super) unknown: usize,
}

impl Drop for Ctx<'_> {
    /// Adds the summary of unknown keys beyond [`MAX_UNKNOWN_KEYS`].
    fn drop(&mut self) {
        if self.unknown > MAX_UNKNOWN_KEYS {
            let more = self.unknown - MAX_UNKNOWN_KEYS;
            self.diags.push(Diagnostic::error(
                "IN-KEY",
                self.file,
                Pos::new(1, 1, 1),
                crate::t!("in-more-unknown-keys", more = more),
            ));
        }
    }
}

impl Ctx<'_> {
    /// Reports a YAML syntax error, with the other place it involves.
    pub(super) fn yaml_error(&mut self, e: yaml::YamlError) -> &mut Diagnostic {
        let d = self.error("IN-YAML", e.pos, e.message);
        if let Some((pos, text)) = e.related {
            let file = Arc::clone(&d.file);
            d.related.push(crate::diag::Label { file, pos, text });
        }
        d
    }

    pub(super) fn error(&mut self, code: &'static str, pos: Pos, message: String) -> &mut Diagnostic {
        self.errors += 1;
        self.diags.push(Diagnostic::error(code, self.file, pos, message));
        self.diags.last_mut().expect("just pushed")
    }

    pub(super) fn warning(&mut self, code: &'static str, pos: Pos, message: String) -> &mut Diagnostic {
        self.diags.push(Diagnostic::warning(code, self.file, pos, message));
        self.diags.last_mut().expect("just pushed")
    }

    /// Reports a key that is not allowed at `place`, with the closest
    /// allowed key or the list of them.
    pub(super) fn unknown_key(&mut self, key: &Node, place: Place<'_>, allowed: &[&str]) {
        let name = key.as_str().unwrap_or("?");
        self.bad_key(key.pos, || {
            let help = match did_you_mean(name, allowed.iter().copied()) {
                Some(s) => crate::t!("in-did-you-mean", key = s),
                None => crate::t!("in-expected-keys", keys = list(allowed.iter().map(|k| format!("`{k}`")))),
            };
            (crate::t!("in-unknown-key", key = name, place = place.name()), help)
        });
    }

    /// Reports a key that is not allowed where it is, with the message and
    /// help that `words` makes; past [`MAX_UNKNOWN_KEYS`] it is only counted
    /// (and `words` not called: a pasted spreadsheet has 100,000 keys).
    pub(super) fn bad_key(&mut self, pos: Pos, words: impl FnOnce() -> (String, String)) -> Option<&mut Diagnostic> {
        self.unknown += 1;
        if self.unknown > MAX_UNKNOWN_KEYS {
            self.errors += 1;
            return None;
        }
        let (message, help) = words();
        let d = self.error("IN-KEY", pos, message);
        d.label = crate::t!("in-unknown-key-label");
        d.help = Some(help);
        Some(d)
    }
}

/// The map entries of `node`, or an error naming the `place`.
pub(super) fn as_map<'n>(ctx: &mut Ctx<'_>, node: &'n Node, place: Place<'_>) -> Option<&'n [(Node, Node)]> {
    match &node.value {
        Value::Map(m) => Some(m),
        _ if node.is_null() => Some(&[]),
        _ => {
            ctx.error("IN-TYPE", node.pos, crate::t!("in-not-a-map", place = place.name(), found = node.kind_name()));
            None
        }
    }
}

/// A `true` or `false` written plain (YAML's spellings `True`, `TRUE`, …
/// too), or an `IN-TYPE` error naming `key` and what was written instead,
/// with `help` saying what the key means.
pub(super) fn flag(ctx: &mut Ctx<'_>, key: &str, node: &Node, help: impl FnOnce() -> String) -> Option<bool> {
    if let Value::Scalar { text, style: yaml::Style::Plain } = &node.value {
        match text.as_str() {
            "true" | "True" | "TRUE" => return Some(true),
            "false" | "False" | "FALSE" => return Some(false),
            _ => {}
        }
    }
    let found = match node.spelling().filter(|_| !node.is_null()) {
        Some(s) => format!("`{s}`"),
        None => node.kind_name(),
    };
    ctx.error("IN-TYPE", node.pos, crate::t!("in-not-a-flag", key = key, found = found)).help = Some(help());
    None
}

/// Where in a file a key is, for messages about keys and maps.
#[derive(Debug, Clone, Copy)]
pub(super) enum Place<'a> {
    /// A report's or page's front matter.
    Front,
    /// A table: its key and caption.
    Table(&'a str, &'a str),
    /// A row of a table, by id.
    Row(&'a str),
    /// `missing_in_original`.
    Missing,
    /// An agency file.
    Agency,
    /// An agency file's `contact`.
    Contact,
    /// A plain page's front matter.
    Page,
    /// A document's front matter.
    Document,
}

impl Place<'_> {
    /// The place in the run's language.
    pub(super) fn name(self) -> String {
        match self {
            Place::Front => crate::t!("in-place-front"),
            Place::Table(key, caption) => crate::t!("in-place-table", key = key, caption = caption),
            Place::Row(row) => crate::t!("in-place-row", row = row),
            Place::Missing => crate::t!("in-place-missing"),
            Place::Agency => crate::t!("in-place-agency"),
            Place::Contact => crate::t!("in-place-contact"),
            Place::Page => crate::t!("in-place-page"),
            Place::Document => crate::t!("in-place-document"),
        }
    }
}

/// Items joined as a list in the run's language: `a、b、c` or `a, b, c`.
pub(crate) fn list(items: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    let sep = crate::t!("in-list-separator");
    items.into_iter().map(|i| i.as_ref().to_owned()).collect::<Vec<_>>().join(&sep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_found() {
        let s = split_front_matter("---\nyear: 2020\n---\nbody\n").unwrap();
        assert_eq!((s.yaml, s.yaml_line, s.body), ((4, 15), 2, 19));
        assert!(split_front_matter("year: 2020\n").is_err());
        assert!(split_front_matter("---\nyear: 2020\n").is_err());
    }

    #[test]
    fn typos_get_suggestions() {
        assert_eq!(did_you_mean("carried_im", ["new", "carried_in", "carried_out"]), Some("carried_in"));
        assert_eq!(did_you_mean("zzz", ["new", "total"]), None);
    }
}
