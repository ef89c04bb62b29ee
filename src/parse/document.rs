//! A document of the catalogue (`content/documents/<folder>/<name>.md`):
//! front matter with the metadata every portal shows (索引号, 发布机构,
//! 成文日期, 文号, 主题分类, 文种, 第二十条 item, 有效性 …), then Markdown.
//!
//! The keys are English, like a report's; what they hold is checked here
//! only as far as its shape goes (a date is a date, an item is 1–15, the
//! 有效性 is one of its three words). Whether the 索引号, 文号, topic or kind
//! agree with the site is [`crate::check`]'s business, which sees every
//! document at once.

use super::date::bad_date_of;
use super::front::{Ctx, Place, as_map, did_you_mean, split_front_matter};
use super::nesting_error;
use crate::diag::{Diagnostic, Pos};
use crate::model::{Date, Document, Validity};
use crate::yaml::{self, Node, Value};
use std::path::PathBuf;
use std::sync::Arc;

/// The keys of a document's front matter, in the order the template writes them.
pub const DOCUMENT_KEYS: [&str; 14] = [
    "title",
    "index_no",
    "agency",
    "written",
    "published",
    "doc_no",
    "topic",
    "kind",
    "item",
    "validity",
    "validity_date",
    "replaced_by",
    "interprets",
    "attachments",
];

/// The Chinese numerals of 第二十条's items, 一 to 十五.
const ITEM_NUMERALS: [&str; 15] =
    ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];

/// What a document's front matter says, as read.
#[derive(Default)]
struct Fields {
    title: String,
    index_no: Option<String>,
    agency: Option<String>,
    written: Option<Date>,
    published: Option<Date>,
    doc_no: Option<String>,
    topic: Option<String>,
    kind: Option<String>,
    item: Option<u8>,
    validity: Option<Validity>,
    validity_date: Option<Date>,
    replaced_by: Option<String>,
    interprets: Vec<String>,
    positions: Vec<(&'static str, Pos)>,
}

/// Parses a document file. `id` is `<folder>/<name>`; `folder` is its
/// folder, the 发布机构 when `agency:` is not written. Returns `None` if the
/// file has errors of form (they are in `diags`); what it says is checked
/// against the site later.
pub fn parse_document(
    file: &Arc<PathBuf>,
    text: &str,
    id: &str,
    folder: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Document> {
    let mut ctx = Ctx { file, diags, errors: 0, unknown: 0 };
    let split = match split_front_matter(text) {
        Ok(s) => s,
        Err((pos, msg)) => {
            ctx.error("IN-FRONTMATTER", pos, msg).help = Some(crate::t!("doc-front-help"));
            return None;
        }
    };
    let yaml_text = &text[split.yaml.0..split.yaml.1];
    if super::punct::refused(&mut ctx, yaml_text, split.yaml_line) {
        return None;
    }
    let root = match yaml::parse(yaml_text, split.yaml_line) {
        Ok(Some(root)) => root,
        Ok(None) => {
            ctx.error("IN-MISSING", Pos::new(1, 1, 3), crate::t!("doc-front-empty")).help =
                Some(crate::t!("doc-front-help"));
            return None;
        }
        Err(e) => {
            ctx.yaml_error(e);
            return None;
        }
    };
    let entries = as_map(&mut ctx, &root, Place::Document)?;
    let mut f = Fields::default();
    for (key, value) in entries {
        let Some(name) = key.as_str() else {
            ctx.error("IN-KEY", key.pos, crate::t!("in-key-not-word"));
            continue;
        };
        let Some(&name) = DOCUMENT_KEYS.iter().find(|k| **k == name) else {
            ctx.unknown_key(key, Place::Document, &DOCUMENT_KEYS);
            continue;
        };
        f.positions.push((name, if value.is_null() { key.pos } else { value.pos }));
        read_key(&mut ctx, &mut f, name, value);
    }
    let body = &text[split.body..];
    let body_line = u32::try_from(text[..split.body].matches('\n').count()).unwrap_or(u32::MAX - 1) + 1;
    nesting_error(&mut ctx, body, body_line);
    let validity = match f.validity.unwrap_or_default() {
        Validity::Valid => {
            if f.validity_date.is_some() {
                let pos = f.positions.iter().find(|(k, _)| *k == "validity_date").map_or_else(Pos::default, |p| p.1);
                ctx.warning("DOC-VALIDITY", pos, crate::t!("doc-valid-with-date")).help =
                    Some(crate::t!("doc-valid-with-date-help"));
            }
            Validity::Valid
        }
        Validity::Expired(_) => Validity::Expired(f.validity_date),
        Validity::Repealed(_) => Validity::Repealed(f.validity_date),
    };
    if ctx.errors > 0 {
        return None;
    }
    Some(Document {
        file: Arc::clone(file),
        id: id.to_owned(),
        title: f.title,
        index_no: f.index_no,
        agency: f.agency.unwrap_or_else(|| folder.to_owned()),
        written: f.written,
        published: f.published,
        doc_no: f.doc_no,
        topic: f.topic,
        kind: f.kind,
        item: f.item,
        validity,
        replaced_by: f.replaced_by,
        interprets: f.interprets,
        attachments: Vec::new(),
        body: body.to_owned(),
        body_line,
        positions: f.positions,
    })
}

/// Reads the value of one known key into `f`.
fn read_key(ctx: &mut Ctx<'_>, f: &mut Fields, name: &'static str, value: &Node) {
    match name {
        "title" => f.title = text(ctx, name, value).unwrap_or_default(),
        "index_no" => f.index_no = text(ctx, name, value),
        "agency" => f.agency = text(ctx, name, value),
        "doc_no" => f.doc_no = text(ctx, name, value),
        "topic" => f.topic = text(ctx, name, value),
        "kind" => f.kind = text(ctx, name, value),
        "replaced_by" => f.replaced_by = text(ctx, name, value),
        "written" => f.written = date(ctx, name, value, || crate::t!("in-date-what-written")),
        "published" => f.published = date(ctx, name, value, || crate::t!("in-date-what-published")),
        "validity_date" => f.validity_date = date(ctx, name, value, || crate::t!("in-date-what-validity-date")),
        "item" => f.item = item(ctx, value),
        "validity" => f.validity = validity(ctx, value),
        "interprets" => f.interprets = ids(ctx, value),
        // Accepted and positioned; the attachments themselves are read by the
        // code that copies them beside the page.
        _ => {}
    }
}

/// The text of a scalar key, trimmed; `None` for an empty value, and an
/// `IN-TYPE` error for a list or a map.
fn text(ctx: &mut Ctx<'_>, key: &str, value: &Node) -> Option<String> {
    match &value.value {
        _ if value.is_null() => None,
        Value::Scalar { text, .. } => Some(text.trim().to_owned()).filter(|t| !t.is_empty()),
        _ => {
            ctx.error("IN-TYPE", value.pos, crate::t!("in-must-be-text", key = key));
            None
        }
    }
}

/// A date key; `what` names the date in messages.
fn date(ctx: &mut Ctx<'_>, key: &str, value: &Node, what: impl FnOnce() -> String) -> Option<Date> {
    if value.is_null() {
        return None;
    }
    let parsed = value.as_str().and_then(Date::parse);
    if parsed.is_none() {
        bad_date_of(ctx, value, key, &what());
    }
    parsed
}

/// The item of 第二十条 as people write it: `1`–`15`, `一`–`十五`,
/// `（一）`, `(一)`, `第一项`.
pub(crate) fn read_item(written: &str) -> Option<u8> {
    let t = written.trim();
    let t = t.strip_prefix('第').unwrap_or(t);
    let t = t.strip_suffix('项').unwrap_or(t);
    let t = t.strip_prefix(['（', '(']).and_then(|t| t.strip_suffix(['）', ')'])).unwrap_or(t).trim();
    let n = match t.parse::<u8>() {
        Ok(n) if t.bytes().all(|b| b.is_ascii_digit()) && !t.starts_with('0') => n,
        _ => ITEM_NUMERALS.iter().position(|w| *w == t).and_then(|i| u8::try_from(i + 1).ok())?,
    };
    (1..=15).contains(&n).then_some(n)
}

/// `item:`, or a `DOC-ITEM` error saying how it may be written.
fn item(ctx: &mut Ctx<'_>, value: &Node) -> Option<u8> {
    if value.is_null() {
        return None;
    }
    let written = value.as_str().map(str::trim).unwrap_or("");
    if let Some(n) = read_item(written) {
        return Some(n);
    }
    let half: String = written
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect();
    let help = match read_item(&half).filter(|_| half != written) {
        Some(n) => crate::t!("in-full-width-figure-help", fixed = n.to_string()),
        None => crate::t!("doc-item-help"),
    };
    let message = match value.as_str() {
        Some(_) if half != written => crate::t!("in-full-width-digits", found = written),
        Some(_) => crate::t!("doc-item", found = written),
        None => crate::t!("doc-item-kind", kind = value.kind_name()),
    };
    let code = if half != written { "IN-NUMBER" } else { "DOC-ITEM" };
    ctx.error(code, value.pos, message).help = Some(help);
    None
}

/// `validity:`: 有效, 失效 or 废止 (or their open-data codes), else a
/// `DOC-VALIDITY` error with the nearest word.
fn validity(ctx: &mut Ctx<'_>, value: &Node) -> Option<Validity> {
    let written = text(ctx, "validity", value)?;
    let found = [Validity::Valid, Validity::Expired(None), Validity::Repealed(None)]
        .into_iter()
        .find(|v| v.word() == written || v.code() == written);
    if found.is_none() {
        let words = ["有效", "失效", "废止"];
        let help = match did_you_mean(&written, words) {
            Some(w) => crate::t!("doc-did-you-mean", word = w),
            None => crate::t!("doc-validity-help"),
        };
        ctx.error("DOC-VALIDITY", value.pos, crate::t!("doc-validity", found = written)).help = Some(help);
    }
    found
}

/// `interprets:`: one id or a list of them.
fn ids(ctx: &mut Ctx<'_>, value: &Node) -> Vec<String> {
    match &value.value {
        Value::Seq(items) => items.iter().filter_map(|i| text(ctx, "interprets", i)).collect(),
        _ => text(ctx, "interprets", value).into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Option<Document>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let file = Arc::new(PathBuf::from("content/documents/baibu/a.md"));
        (parse_document(&file, text, "baibu/a", "baibu", &mut diags), diags)
    }

    #[test]
    fn every_key_is_read() {
        let (doc, diags) = parse(
            "---\ntitle: 关于印发某办法的通知\nindex_no: 113304240000000000/2024-00001\nwritten: 2024-03-01\npublished: 2024-03-05\ndoc_no: 百政发〔2024〕3号\ntopic: 综合政务\nkind: 行政规范性文件\nitem: （一）\nvalidity: 废止\nvalidity_date: 2025-01-01\nreplaced_by: baibu/b\ninterprets: [baibu/c, baibu/d]\nattachments: [a.pdf]\n---\n正文\n",
        );
        assert_eq!(diags, []);
        let d = doc.expect("parsed");
        assert_eq!(d.title, "关于印发某办法的通知");
        assert_eq!(d.agency, "baibu", "the folder's name by default");
        assert_eq!(d.written, Date::new(2024, 3, 1));
        assert_eq!(d.item, Some(1));
        assert_eq!(d.validity, Validity::Repealed(Date::new(2025, 1, 1)));
        assert_eq!(d.interprets, ["baibu/c", "baibu/d"]);
        assert_eq!(d.replaced_by.as_deref(), Some("baibu/b"));
        assert_eq!((d.body.as_str(), d.body_line), ("正文\n", 16));
        assert_eq!((d.pos("doc_no").line, d.pos("doc_no").col), (6, 9));
        assert!(d.attachments.is_empty());
    }

    #[test]
    fn items_are_read_as_the_law_prints_them() {
        for (w, n) in [("1", 1), ("15", 15), ("一", 1), ("十五", 15), ("（十二）", 12), ("(三)", 3), ("第七项", 7)]
        {
            assert_eq!(read_item(w), Some(n), "{w}");
        }
        for w in ["0", "16", "十六", "01", "one", "", "（一"] {
            assert_eq!(read_item(w), None, "{w}");
        }
        let (doc, diags) = parse("---\ntitle: x\nitem: １２\n---\n");
        assert!(doc.is_none());
        assert_eq!(diags[0].code, "IN-NUMBER");
        assert_eq!(diags[0].help.as_deref(), Some("改为半角数字：`12`"));
        let (_, diags) = parse("---\ntitle: x\nitem: 16\n---\n");
        assert_eq!((diags[0].code.as_ref(), diags[0].pos.line), ("DOC-ITEM", 3));
    }

    #[test]
    fn unknown_keys_wrong_types_and_bad_dates_are_named_where_they_are() {
        let (doc, diags) = parse("---\ntitl: x\nkind: [a, b]\nwritten: 2024/3/1\nvalidity: 已废止\n---\n");
        assert!(doc.is_none());
        let codes: Vec<_> = diags.iter().map(|d| (d.code.as_ref(), d.pos.line)).collect();
        assert_eq!(codes, [("IN-KEY", 2), ("IN-TYPE", 3), ("IN-DATE", 4), ("DOC-VALIDITY", 5)]);
        assert_eq!(diags[0].help.as_deref(), Some("是不是 `title`？"));
        assert_eq!(diags[2].help.as_deref(), Some("改为 `written: 2024-03-01`"));
        assert!(diags[3].help.as_deref().is_some_and(|h| h.contains("废止")), "{:?}", diags[3].help);
        let (_, diags) = parse("---\npublished: ２０２４-03-01\n---\n");
        assert_eq!(diags[0].help.as_deref(), Some("改为 `published: 2024-03-01`"));
        let (_, diags) = parse("---\nwritten: 2024-02-30\n---\n");
        assert!(diags[0].message.starts_with("成文日期 2024-02-30 不存在"), "{}", diags[0].message);
    }

    #[test]
    fn full_width_punctuation_is_refused_as_in_reports() {
        let (doc, diags) = parse("---\ntitle：某通知\n---\n");
        assert!(doc.is_none());
        assert_eq!(diags[0].code, "IN-PUNCT");
    }

    #[test]
    fn a_valid_document_with_a_date_gets_a_warning_and_loads() {
        let (doc, diags) = parse("---\ntitle: x\nvalidity_date: 2024-01-01\n---\n");
        assert_eq!(doc.map(|d| d.validity), Some(Validity::Valid));
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, "DOC-VALIDITY");
    }
}
