//! `gongkai new document <folder>`: a document of the catalogue to fill in,
//! every key with a comment saying what it holds and which words it takes.

use super::{NewError, create};
use crate::load::is_slug;
use crate::model::{Date, Vocabulary};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// How many file names `new document` tries after the day's own.
const MAX_SAME_DAY: u32 = 999;

/// A title as a YAML single-quoted scalar, on one line.
fn quoted(title: &str) -> String {
    let one_line: String = title.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    format!("'{}'", one_line.trim().replace('\'', "''"))
}

/// The text of a new document: `agency` filled when the folder is an
/// agency's (`agency_code` its code, for the 索引号's example), today as
/// its 发布日期, and the site's vocabulary in the comments.
pub fn template(
    folder: &str,
    agency: Option<(&str, Option<&str>)>,
    title: Option<&str>,
    today: Date,
    v: &Vocabulary,
) -> String {
    let year = today.year.to_string();
    let code = agency.and_then(|(_, c)| c).unwrap_or("{code}");
    let mut t = format!(
        "---\n# yaml-language-server: $schema=../../../{}/{}\n",
        crate::cmd::schema::FOLDER,
        crate::schema::DOCUMENT_FILE
    );
    let mut line = |key: String, comment: String| {
        let _ = writeln!(t, "{key:<24}# {comment}");
    };
    line(String::new(), crate::t!("new-doc-head"));
    line(format!("title: {}", title.map(quoted).unwrap_or_default()), crate::t!("new-doc-title"));
    line("index_no:".into(), crate::t!("new-doc-index", example = format!("{code}/{year}-00001")));
    match agency {
        Some((slug, _)) => line(format!("agency: {slug}"), crate::t!("new-doc-agency")),
        None => line("agency:".into(), crate::t!("new-doc-agency-category", folder = folder)),
    }
    line("written:".into(), crate::t!("new-doc-written"));
    line(format!("published: {today}"), crate::t!("new-doc-published"));
    line("doc_no:".into(), crate::t!("new-doc-no", year = year.as_str()));
    // A topic may itself hold 、 (财政、金融、审计): each is set in 「」.
    let words = |w: &mut dyn Iterator<Item = &str>| w.map(|w| format!("「{w}」")).collect::<String>();
    line("topic:".into(), crate::t!("new-doc-topic", words = words(&mut v.topics.iter().map(String::as_str))));
    line("kind:".into(), crate::t!("new-doc-kind", words = words(&mut v.kinds.iter().map(|k| k.name.as_str()))));
    line("item:".into(), crate::t!("new-doc-item"));
    line("validity: 有效".into(), crate::t!("new-doc-validity"));
    line("# validity_date:".into(), crate::t!("new-doc-validity-date"));
    line("# replaced_by:".into(), crate::t!("new-doc-replaced-by"));
    line("# interprets:".into(), crate::t!("new-doc-interprets"));
    t.push_str("---\n\n");
    t.push_str(&crate::t!("new-doc-body"));
    t.push('\n');
    // The header line has no key: keep its comment only.
    t.replacen(&format!("{:<24}# ", ""), "# ", 1)
}

/// Writes a new document into `content/documents/<folder>/`, named `name`
/// or, without one, after today (`2025-06-01.md`, then `2025-06-01-2.md` …),
/// never replacing a file.
pub fn new_document(root: &Path, folder: &str, name: Option<&str>, title: Option<&str>) -> Result<PathBuf, NewError> {
    if !is_slug(folder) {
        return Err(NewError::Slug(folder.into()));
    }
    if let Some(n) = name.filter(|n| !is_slug(n)) {
        return Err(NewError::Slug(n.into()));
    }
    let today = crate::check::documents::today();
    let files = crate::source::SiteDir::new(root).ok();
    let agency_file = crate::layout::agency_file(root, folder);
    let agency = files.as_ref().and_then(|f| {
        let path = std::sync::Arc::new(agency_file.clone());
        let text = crate::load::read_text(f, &path).ok()?;
        crate::parse::parse_agency(&path, &text, folder, &mut Vec::new())
    });
    let vocabulary =
        crate::config::Config::load(root).map(|c| c.documents.vocabulary()).unwrap_or_else(|_| Vocabulary::builtin());
    let described =
        agency.as_ref().map(|a| (folder, a.code.as_deref())).or_else(|| agency_file.exists().then_some((folder, None)));
    let text = template(folder, described, title, today, &vocabulary);
    let dir = crate::layout::documents(root).join(folder);
    if let Some(n) = name {
        let path = dir.join(format!("{n}.md"));
        create(&path, &text)?;
        return Ok(path);
    }
    for n in 1..=MAX_SAME_DAY {
        let stem = if n == 1 { today.to_string() } else { format!("{today}-{n}") };
        let path = dir.join(format!("{stem}.md"));
        match create(&path, &text) {
            Err(NewError::Exists(_)) => continue,
            done => return done.map(|()| path),
        }
    }
    Err(NewError::Exists(dir.join(format!("{today}-{MAX_SAME_DAY}.md"))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_parses_and_names_every_key() {
        let today = Date::new(2025, 6, 1).unwrap();
        let v = Vocabulary::builtin();
        let text =
            template("baibu", Some(("baibu", Some("91350100M000100Y43"))), Some("关于: 某事的'通知'"), today, &v);
        for key in crate::parse::DOCUMENT_KEYS.iter().filter(|k| **k != "attachments") {
            assert!(text.contains(&format!("{key}:")), "{key} in {text}");
        }
        assert!(text.contains("91350100M000100Y43/2025-00001"), "{text}");
        assert!(text.contains("综合政务") && text.contains("行政规范性文件"), "{text}");
        let file = std::sync::Arc::new(PathBuf::from("a.md"));
        let mut diags = Vec::new();
        let d = crate::parse::parse_document(&file, &text, "baibu/a", "baibu", &mut diags).expect("parses");
        assert_eq!(diags, []);
        assert_eq!(d.title, "关于: 某事的'通知'");
        assert_eq!((d.published, d.agency.as_str()), (Some(today), "baibu"));
        let category = template("guifan", None, None, today, &v);
        assert!(category.contains("agency:  ") || category.contains("agency: "), "{category}");
        assert!(crate::parse::parse_document(&file, &category, "guifan/a", "guifan", &mut Vec::new()).is_some());
    }
}
