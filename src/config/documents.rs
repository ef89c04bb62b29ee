//! `[documents]` in site.toml: the catalogue's settings, the pattern of a
//! 索引号 and the site's own vocabulary (主题分类 and 文种), each checked
//! when the file is read.

use crate::model::Vocabulary;
use crate::model::document::KindSpec;
use serde::Deserialize;

/// The default pattern of a 索引号: the agency's code, the year of the
/// 发布日期 and a serial number (`11330424002574125A/2024-00012`).
pub const DEFAULT_INDEX_PATTERN: &str = "{code}/{year}-{serial}";

/// `[documents]`.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct DocumentsConfig {
    /// How a 索引号 is written: text with `{code}`, `{year}` and `{serial}`.
    pub index_pattern: String,
    /// The 主题分类 documents may use, replacing the built-in list.
    pub topics: Option<Vec<String>>,
    /// The 文种 documents may use, replacing the built-in list.
    pub kinds: Option<Vec<KindSpec>>,
}

impl Default for DocumentsConfig {
    fn default() -> Self {
        DocumentsConfig { index_pattern: DEFAULT_INDEX_PATTERN.into(), topics: None, kinds: None }
    }
}

/// One piece of an index pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text written as is (`/`, `-`).
    Text(String),
    /// `{code}`: the agency's code.
    Code,
    /// `{year}`: the year of the 发布日期, four digits.
    Year,
    /// `{serial}`: the serial number, digits.
    Serial,
}

/// Reads an index pattern into its pieces, or says what is wrong with it
/// (the message in the run's language). `{serial}` is required, and
/// `{code}` and `{serial}`, of no fixed length, must be followed by text or
/// end the pattern, so that a 索引号 reads one way only.
pub fn index_pieces(pattern: &str) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut rest = pattern;
    while !rest.is_empty() {
        match rest.find(['{', '}']) {
            Some(0) if rest.starts_with('{') => {
                let end = rest.find('}').ok_or_else(|| crate::t!("cli-config-index-brace"))?;
                let piece = match &rest[1..end] {
                    "code" => Piece::Code,
                    "year" => Piece::Year,
                    "serial" => Piece::Serial,
                    other => return Err(crate::t!("cli-config-index-unknown", name = other)),
                };
                if matches!(pieces.last(), Some(Piece::Code | Piece::Serial)) {
                    return Err(crate::t!("cli-config-index-adjacent"));
                }
                pieces.push(piece);
                rest = &rest[end + 1..];
            }
            Some(0) => return Err(crate::t!("cli-config-index-brace")),
            Some(at) => {
                pieces.push(Piece::Text(rest[..at].to_owned()));
                rest = &rest[at..];
            }
            None => {
                pieces.push(Piece::Text(rest.to_owned()));
                rest = "";
            }
        }
    }
    if !pieces.contains(&Piece::Serial) {
        return Err(crate::t!("cli-config-index-serial"));
    }
    Ok(pieces)
}

impl DocumentsConfig {
    /// The vocabulary of the site: the built-in one, with the topics and
    /// kinds the site sets in their place.
    pub fn vocabulary(&self) -> Vocabulary {
        let mut v = Vocabulary::builtin();
        if let Some(topics) = &self.topics {
            v.topics.clone_from(topics);
        }
        if let Some(kinds) = &self.kinds {
            v.kinds.clone_from(kinds);
        }
        v
    }

    /// The pieces of the index pattern (valid once the settings are read).
    pub fn index_pattern(&self) -> Vec<Piece> {
        index_pieces(&self.index_pattern).unwrap_or_default()
    }

    /// The first problem of the settings, as the key it is at and the
    /// message; `None` when they can be used.
    pub fn problem(&self) -> Option<(&'static str, String)> {
        if let Err(why) = index_pieces(&self.index_pattern) {
            return Some(("index_pattern", crate::t!("cli-config-index", value = &self.index_pattern, why = why)));
        }
        let topics = self.topics.iter().flatten().map(String::as_str);
        if let Some(p) = list_problem(topics) {
            return Some(("topics", p));
        }
        let kinds = self.kinds.iter().flatten();
        if let Some(p) = list_problem(kinds.clone().map(|k| k.name.as_str())) {
            return Some(("kinds", p));
        }
        for k in kinds {
            if let Some(row) = k.counts_as.as_deref().filter(|r| !["rules", "normative"].contains(r)) {
                return Some(("kinds", crate::t!("cli-config-kind-counts", kind = &k.name, value = row)));
            }
        }
        None
    }
}

/// A list of words with an empty or repeated one.
fn list_problem<'a>(words: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut seen = std::collections::HashSet::new();
    for w in words {
        if w.trim().is_empty() {
            return Some(crate::t!("cli-config-word-empty"));
        }
        if !seen.insert(w) {
            return Some(crate::t!("cli-config-word-twice", word = w));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_read_into_pieces_and_ambiguous_ones_are_refused() {
        let p = index_pieces(DEFAULT_INDEX_PATTERN).expect("valid");
        assert_eq!(p, [Piece::Code, Piece::Text("/".into()), Piece::Year, Piece::Text("-".into()), Piece::Serial]);
        assert!(index_pieces("{year}{serial}").is_ok(), "a year has four digits");
        assert!(index_pieces("{code}{serial}").is_err(), "where would the code end?");
        assert!(index_pieces("{code}-{year}").is_err(), "no serial");
        assert!(index_pieces("{code}/{yaer}-{serial}").is_err());
        assert!(index_pieces("{code/{serial}").is_err());
        assert!(index_pieces("{code}}/{serial}").is_err());
    }

    #[test]
    fn the_site_vocabulary_replaces_the_builtin_lists_and_is_checked() {
        let c: DocumentsConfig = toml::from_str(
            "topics = [\"综合\", \"财政\"]\nkinds = [{ name = \"规章\", counts_as = \"rules\" }, { name = \"解读\", is_interpretation = true }]\n",
        )
        .expect("parses");
        assert_eq!(c.problem(), None);
        let v = c.vocabulary();
        assert_eq!(v.topics, ["综合", "财政"]);
        assert_eq!(v.kinds.len(), 2);
        assert_eq!(v.items.len(), 15, "the law's items stay");
        let c: DocumentsConfig = toml::from_str("topics = [\"综合\", \"综合\"]").expect("parses");
        assert_eq!(c.problem().map(|p| p.0), Some("topics"));
        let c: DocumentsConfig = toml::from_str("kinds = [{ name = \"规章\", counts_as = \"rule\" }]").expect("parses");
        assert_eq!(c.problem().map(|p| p.0), Some("kinds"));
        let c: DocumentsConfig = toml::from_str("index_pattern = \"{serial}{year}\"").expect("parses");
        assert_eq!(c.problem().map(|p| p.0), Some("index_pattern"));
    }
}
