//! A document of the catalogue (政府信息公开目录, 法定主动公开内容): a policy
//! document, plan, budget or notice an agency publishes under 条例 第二十条,
//! written as `content/documents/<folder>/<name>.md` (front matter, then
//! the document's text in Markdown).
//!
//! The words a document may use for its 主题分类, 文种 and 第二十条 item are
//! a [`Vocabulary`]: built in (`src/forms/catalogue.json`), replaceable by
//! the site in `site.toml`, so the checker and the pages read one list.

use crate::diag::Pos;
use crate::model::Date;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::Arc;

/// A document of the catalogue, as parsed. Fields a hand-typed file may
/// leave out are `Option`s: the checker says what is missing, and the page
/// shows what there is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The file.
    pub file: Arc<PathBuf>,
    /// `<folder>/<name>` (the path under `content/documents` without `.md`):
    /// how other documents refer to it (`replaced_by`, `interprets`) and its URL.
    pub id: String,
    /// 标题.
    pub title: String,
    /// 索引号, as written.
    pub index_no: Option<String>,
    /// 发布机构: the slug of an agency of the site (by default the folder's,
    /// when the folder is named after an agency).
    pub agency: String,
    /// 成文日期.
    pub written: Option<Date>,
    /// 发布日期.
    pub published: Option<Date>,
    /// 文号, as written (`X政发〔2024〕3号`).
    pub doc_no: Option<String>,
    /// 主题分类: a topic of the vocabulary.
    pub topic: Option<String>,
    /// 文种: a kind of the vocabulary.
    pub kind: Option<String>,
    /// The item of 条例 第二十条 it discloses, 1–15.
    pub item: Option<u8>,
    /// 有效性.
    pub validity: Validity,
    /// The document that replaced it (an id), for a 失效 or 废止 one.
    pub replaced_by: Option<String>,
    /// The documents this one interprets (ids), when it is a 解读.
    pub interprets: Vec<String>,
    /// Attached originals, copied beside the page.
    pub attachments: Vec<Attachment>,
    /// The Markdown body.
    pub body: String,
    /// Line of the body's first line in the file.
    pub body_line: u32,
    /// Where each front-matter key was written, for diagnostics.
    pub positions: Vec<(&'static str, Pos)>,
}

impl Document {
    /// Where `key` was written in the front matter (the file's start if it was not).
    pub fn pos(&self, key: &str) -> Pos {
        self.positions.iter().find(|(k, _)| *k == key).map_or_else(Pos::default, |(_, p)| *p)
    }
}

/// 有效性: whether a document is in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Validity {
    /// 有效 (the default when a document says nothing).
    #[default]
    Valid,
    /// 失效: expired, since a date (the checker asks for it).
    Expired(Option<Date>),
    /// 废止: repealed, since a date (the checker asks for it).
    Repealed(Option<Date>),
}

impl Validity {
    /// The Chinese word, as the vocabulary and the pages say it.
    pub fn word(self) -> &'static str {
        match self {
            Validity::Valid => "有效",
            Validity::Expired(_) => "失效",
            Validity::Repealed(_) => "废止",
        }
    }

    /// The date it stopped being in force, if stated.
    pub fn since(self) -> Option<Date> {
        match self {
            Validity::Valid => None,
            Validity::Expired(d) | Validity::Repealed(d) => d,
        }
    }

    /// Whether the document is in force.
    pub fn in_force(self) -> bool {
        self == Validity::Valid
    }

    /// The stable value in open data (`"valid"`, `"expired"`, `"repealed"`),
    /// the same in every language.
    pub fn code(self) -> &'static str {
        match self {
            Validity::Valid => "valid",
            Validity::Expired(_) => "expired",
            Validity::Repealed(_) => "repealed",
        }
    }
}

/// A file attached to a report or a document (its original as PDF, DOCX,
/// OFD or an image), copied beside its page and listed with type and size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// The file in the site (read from inside the site only).
    pub source: PathBuf,
    /// Its file name in the output, beside the page.
    pub name: String,
    /// The title shown in the list (the file name if none is given).
    pub title: String,
    /// Size in bytes.
    pub size: u64,
    /// FNV-1a hash of its bytes as checked: the build publishes exactly
    /// these bytes, and a change of the file changes its report's `source_hash`.
    pub hash: u64,
    /// Where it was named in the front matter.
    pub pos: Pos,
}

/// A 文种 of the vocabulary and what it means for the checks.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct KindSpec {
    /// The word (`行政规范性文件`).
    pub name: String,
    /// The row of the report's table 二 it is counted in (`rules` for 规章,
    /// `normative` for 行政规范性文件), if any.
    #[serde(default)]
    pub counts_as: Option<String>,
    /// Whether a document of this kind should have a 解读 (a warning without).
    #[serde(default)]
    pub wants_interpretation: bool,
    /// Whether a document of this kind is a 解读 (it names what it interprets).
    #[serde(default)]
    pub is_interpretation: bool,
}

/// The words documents may use: 主题分类, 文种, and the items of 条例 第二十条.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    /// 主题分类, in listing order; a topic's listing URL uses its position (1-based, two digits).
    pub topics: Vec<String>,
    /// 文种, in listing order.
    pub kinds: Vec<KindSpec>,
    /// The items of 条例 第二十条, (一) to (十五), as the law says them.
    pub items: Vec<String>,
}

impl Vocabulary {
    /// The built-in vocabulary: the 主题分类 of the national policy-document
    /// library, the 文种 the catalogue distinguishes, and 第二十条's items.
    pub fn builtin() -> Vocabulary {
        // The file is part of the program and tested below; it cannot fail at run time.
        serde_json::from_str(include_str!("../forms/catalogue.json")).unwrap_or_else(|_| Vocabulary {
            topics: Vec::new(),
            kinds: Vec::new(),
            items: Vec::new(),
        })
    }

    /// The 1-based position of a topic, for its listing URL.
    pub fn topic_number(&self, topic: &str) -> Option<usize> {
        self.topics.iter().position(|t| t == topic).map(|i| i + 1)
    }

    /// The 文种 named `name`.
    pub fn kind(&self, name: &str) -> Option<&KindSpec> {
        self.kinds.iter().find(|k| k.name == name)
    }

    /// The text of item `n` (1–15) of 第二十条.
    pub fn item(&self, n: u8) -> Option<&str> {
        usize::from(n).checked_sub(1).and_then(|i| self.items.get(i)).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_vocabulary_reads() {
        let v: Vocabulary = serde_json::from_str(include_str!("../forms/catalogue.json")).expect("valid");
        assert_eq!(v.items.len(), 15, "第二十条 has fifteen items");
        assert_eq!(v.item(1), Some("行政法规、规章和规范性文件"));
        assert_eq!(v.item(0), None);
        assert_eq!(v.item(16), None);
        assert_eq!(v.topic_number("综合政务"), Some(1));
        assert_eq!(v.kind("规章").and_then(|k| k.counts_as.as_deref()), Some("rules"));
        let normative = v.kind("行政规范性文件").expect("listed");
        assert_eq!(normative.counts_as.as_deref(), Some("normative"));
        assert!(normative.wants_interpretation);
        assert!(v.kinds.iter().any(|k| k.is_interpretation));
        assert_eq!(Vocabulary::builtin(), v);
    }

    #[test]
    fn validity_words_and_codes() {
        let d = Date::new(2025, 1, 1);
        assert_eq!(Validity::Repealed(d).word(), "废止");
        assert_eq!(Validity::Repealed(d).since(), d);
        assert_eq!(Validity::Expired(None).code(), "expired");
        assert!(Validity::default().in_force() && !Validity::Expired(None).in_force());
    }
}
