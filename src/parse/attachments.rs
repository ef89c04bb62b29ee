//! `attachments:` in the front matter of a report (or a document): the
//! originals it comes with (PDF, Word, OFD, images…), copied beside its page
//! and listed there with type and size.
//!
//! ```yaml
//! attachments:
//!   - 2024-原文.pdf                      # a file beside the report
//!   - file: attachments/2024-附表.xlsx   # or in a folder below it
//!     title: 2024年度统计附表
//! ```
//!
//! Two steps. [`parse_attachments`] reads the list and applies every rule
//! about the names without reading a file: a path relative to the file's
//! folder, never absolute and never with `..`; two attachments copied to the
//! same name, or one taking the name of the page's own files, are errors.
//! [`resolve_attachments`] then reads each file from inside the site only
//! ([`SiteDir`]): a missing file, or a link leaving the site, is an error at
//! its item; the size and a hash of the bytes are kept, so a build publishes
//! exactly the bytes that were checked and a changed attachment changes the
//! report's `source_hash`.

use crate::diag::{Diagnostic, Pos};
use crate::model::Attachment;
use crate::source::{ReadError, SiteDir};
use crate::yaml::{Node, Value};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The front-matter key.
pub const KEY: &str = "attachments";

/// The files of a report's page folder (`reports/<agency>/<year>/`), which
/// no attachment may be named.
pub const REPORT_FILES: [&str; 3] = ["index.html", "report.json", "report.csv"];

/// The files of a document's page folder (`documents/<id>/`), which no
/// attachment may be named.
pub const DOCUMENT_FILES: [&str; 1] = ["index.html"];

/// What one item of the list says: the path as written, the title, where.
struct Item<'n> {
    path: &'n str,
    title: Option<String>,
    pos: Pos,
}

/// Reads the `attachments:` value `node` of `file`'s front matter into
/// attachments (size and hash still 0, filled by [`resolve_attachments`]).
/// Each source is the path written, under the folder of `file`; each output
/// name is its last part. `reserved` are the names of the page's own files
/// ([`REPORT_FILES`] for a report). Reads no file. `None` when an item has
/// an error (in `diags`, positioned at the item).
pub fn parse_attachments(
    file: &Arc<PathBuf>,
    node: &Node,
    reserved: &[&str],
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<Attachment>> {
    let before = errors(diags);
    let items: Vec<&Node> = match &node.value {
        _ if node.is_null() => Vec::new(),
        Value::Seq(items) => items.iter().collect(),
        Value::Scalar { .. } => vec![node],
        Value::Map(_) => {
            let message = crate::t!("in-attach-not-list", kind = node.kind_name());
            diags.push(Diagnostic::error("IN-TYPE", file, node.pos, message).with_help(crate::t!("in-attach-help")));
            return None;
        }
    };
    let folder = file.parent().unwrap_or(Path::new(""));
    let mut out: Vec<Attachment> = Vec::with_capacity(items.len());
    for node in items {
        let Some(item) = item(file, node, diags) else { continue };
        let Some(rel) = relative(file, &item, diags) else { continue };
        let name = rel.rsplit('/').next().unwrap_or(&rel).to_owned();
        if let Some(own) = reserved.iter().find(|r| r.eq_ignore_ascii_case(&name)) {
            let message = crate::t!("in-attach-reserved", name = name.as_str(), reserved = *own);
            diags
                .push(Diagnostic::error("IN-ATTACH", file, item.pos, message).with_help(crate::t!("in-attach-rename")));
            continue;
        }
        if let Some(first) = out.iter().find(|a| a.name.eq_ignore_ascii_case(&name)) {
            let message = crate::t!("in-attach-dup", name = name.as_str());
            diags.push(
                Diagnostic::error("IN-ATTACH", file, item.pos, message)
                    .with_label(crate::t!("in-attach-dup-label"))
                    .with_related(file, first.pos, crate::t!("in-attach-dup-related"))
                    .with_help(crate::t!("in-attach-rename")),
            );
            continue;
        }
        let title = item.title.unwrap_or_else(|| name.clone());
        out.push(Attachment { source: folder.join(&rel), name, title, size: 0, hash: 0, pos: item.pos });
    }
    (errors(diags) == before).then_some(out)
}

/// How many errors `diags` holds.
fn errors(diags: &[Diagnostic]) -> usize {
    diags.iter().filter(|d| d.severity == crate::diag::Severity::Error).count()
}

/// One item: a file name, or a map of `file` and `title`.
fn item<'n>(file: &Arc<PathBuf>, node: &'n Node, diags: &mut Vec<Diagnostic>) -> Option<Item<'n>> {
    let mut error = |pos: Pos, message: String| {
        diags.push(Diagnostic::error("IN-TYPE", file, pos, message).with_help(crate::t!("in-attach-help")));
        None
    };
    match &node.value {
        Value::Scalar { text, .. } if !node.is_null() => Some(Item { path: text, title: None, pos: node.pos }),
        Value::Map(entries) => {
            let (mut path, mut title) = (None, None);
            for (key, value) in entries {
                match key.as_str() {
                    Some("file") => match value.as_str().filter(|_| !value.is_null()) {
                        Some(p) => path = Some((p, value.pos)),
                        None => return error(value.pos, crate::t!("in-attach-file-text")),
                    },
                    Some("title") => match value.as_str().filter(|_| !value.is_null()) {
                        Some(t) if !t.trim().is_empty() => title = Some(t.trim().to_owned()),
                        _ => return error(value.pos, crate::t!("in-attach-title-text")),
                    },
                    other => {
                        let key_name = other.unwrap_or("?");
                        let message = crate::t!("in-attach-key", key = key_name);
                        diags.push(
                            Diagnostic::error("IN-KEY", file, key.pos, message)
                                .with_label(crate::t!("in-unknown-key-label"))
                                .with_help(crate::t!("in-attach-help")),
                        );
                        return None;
                    }
                }
            }
            match path {
                Some((path, pos)) => Some(Item { path, title, pos }),
                None => error(node.pos, crate::t!("in-attach-no-file")),
            }
        }
        _ => error(node.pos, crate::t!("in-attach-item", kind = node.kind_name())),
    }
}

/// The item's path made `/`-separated and checked: relative, without `..`,
/// without a hidden or temporary name; `.` parts are dropped.
fn relative(file: &Arc<PathBuf>, item: &Item<'_>, diags: &mut Vec<Diagnostic>) -> Option<String> {
    let path = item.path.trim();
    let problem = if path.starts_with('/') || path.get(1..2) == Some(":") || path.starts_with('\\') {
        Some(crate::t!("in-attach-absolute", path = path))
    } else if path.contains('\\') {
        Some(crate::t!("in-attach-backslash", path = path))
    } else if path.split('/').any(|p| p == "..") {
        Some(crate::t!("in-attach-parent", path = path))
    } else if path.chars().any(char::is_control) {
        Some(crate::t!("in-attach-control", path = path))
    } else {
        None
    };
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty() && *p != ".").collect();
    let problem = problem.or_else(|| match parts.last() {
        None => Some(crate::t!("in-attach-empty")),
        Some(name) if parts.iter().any(|p| crate::layout::is_ignored(p)) => {
            Some(crate::t!("in-attach-hidden", path = path, name = *name))
        }
        Some(_) => None,
    });
    match problem {
        Some(message) => {
            diags.push(Diagnostic::error("IN-ATTACH", file, item.pos, message).with_help(crate::t!("in-attach-where")));
            None
        }
        None => Some(parts.join("/")),
    }
}

/// Reads each attachment of `file` from inside the site `files`, filling its
/// size and hash. A missing file, a link leaving the site (`IN-LINK`) or a
/// file that cannot be read is an error at its item, and nothing of a
/// refused link's target is read. Returns whether all were read. One file
/// at a time is held in memory.
pub fn resolve_attachments(
    files: &SiteDir,
    file: &Arc<PathBuf>,
    attachments: &mut [Attachment],
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let mut ok = true;
    for a in attachments.iter_mut() {
        match files.read(&a.source) {
            Ok(bytes) => {
                a.size = bytes.len() as u64;
                a.hash = crate::model::fnv1a(&bytes);
            }
            Err(why) => {
                ok = false;
                diags.push(unread(file, a, &why));
            }
        }
    }
    ok
}

/// The error at `a`'s item for an attachment that was not read.
fn unread(file: &Arc<PathBuf>, a: &Attachment, why: &ReadError) -> Diagnostic {
    let path = a.source.file_name().map(|_| display(file, &a.source)).unwrap_or_default();
    if why.is_link() {
        let help = match why {
            ReadError::Outside => crate::t!("in-link-outside-help"),
            _ => crate::t!("in-link-help"),
        };
        return Diagnostic::error(
            "IN-LINK",
            file,
            a.pos,
            crate::t!("in-attach-link", path = path, why = why.describe()),
        )
        .with_help(help);
    }
    if matches!(why, ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound) {
        return Diagnostic::error("IN-ATTACH", file, a.pos, crate::t!("in-attach-missing", path = path))
            .with_label(crate::t!("in-attach-missing-label"))
            .with_help(crate::t!("in-attach-missing-help"));
    }
    Diagnostic::error("IN-ATTACH", file, a.pos, crate::t!("in-attach-unread", path = path, why = why.to_string()))
}

/// `source` as written relative to the folder of `file` (`attachments/2024.pdf`).
fn display(file: &Path, source: &Path) -> String {
    let folder = file.parent().unwrap_or(Path::new(""));
    source.strip_prefix(folder).unwrap_or(source).to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The attachments of `yaml` (the value of `attachments:`), or the errors' messages.
    fn parse(yaml: &str) -> Result<Vec<Attachment>, Vec<String>> {
        let node = crate::yaml::parse(yaml, 5).expect("yaml").expect("a value");
        let file = Arc::new(PathBuf::from("/s/content/reports/baibu/2024.md"));
        let mut diags = Vec::new();
        parse_attachments(&file, &node, &REPORT_FILES, &mut diags).ok_or_else(|| {
            diags.iter().map(|d| format!("{}:{}:{} {}", d.code, d.pos.line, d.pos.col, d.message)).collect()
        })
    }

    #[test]
    fn names_and_maps_beside_the_report() {
        let list = parse("- 2024-原文.pdf\n- file: ./attachments/附表.xlsx\n  title: 统计附表\n").unwrap();
        let got: Vec<(&str, &str, &str, u32)> =
            list.iter().map(|a| (a.source.to_str().unwrap(), a.name.as_str(), a.title.as_str(), a.pos.line)).collect();
        assert_eq!(
            got,
            [
                ("/s/content/reports/baibu/2024-原文.pdf", "2024-原文.pdf", "2024-原文.pdf", 5),
                ("/s/content/reports/baibu/attachments/附表.xlsx", "附表.xlsx", "统计附表", 6),
            ]
        );
        assert_eq!(parse("~\n").unwrap(), Vec::new());
        assert_eq!(parse("原文.pdf\n").unwrap().len(), 1, "one name without a list is a list of one");
    }

    #[test]
    fn paths_leaving_the_folder_are_refused_at_their_item() {
        let errs = parse("- ok.pdf\n- ../../other/x.pdf\n- /etc/passwd\n- a\\b.pdf\n- .hidden.pdf\n").unwrap_err();
        assert_eq!(errs.len(), 4, "{errs:#?}");
        assert!(errs[0].starts_with("IN-ATTACH:6:3 附件 `../../other/x.pdf` 含 `..`"), "{errs:#?}");
        assert!(errs[1].starts_with("IN-ATTACH:7:3 附件 `/etc/passwd` 是绝对路径"), "{errs:#?}");
        assert!(errs[2].contains("反斜杠"), "{errs:#?}");
        assert!(errs[3].contains("`.hidden.pdf`"), "{errs:#?}");
    }

    #[test]
    fn names_may_not_repeat_nor_take_the_pages_own() {
        let errs = parse("- a/原文.pdf\n- b/原文.PDF\n- file: Index.html\n").unwrap_err();
        assert_eq!(errs.len(), 2, "{errs:#?}");
        assert!(errs[0].starts_with("IN-ATTACH:6:3 附件的文件名 `原文.PDF` 重复"), "{errs:#?}");
        assert!(
            errs[1].starts_with("IN-ATTACH:7:9 附件的文件名 `Index.html` 与本页自身的文件 `index.html` 重名"),
            "{errs:#?}"
        );
        let errs = parse("- file: x.pdf\n  titel: X\n- title: Y\n- [a]\n").unwrap_err();
        assert!(errs[0].starts_with("IN-KEY:6:3 `attachments` 的一项里没有 `titel` 这个字段"), "{errs:#?}");
        assert!(errs[1].starts_with("IN-TYPE:7:3 `attachments` 的这一项缺少 `file`"), "{errs:#?}");
        assert!(errs[2].starts_with("IN-TYPE:8:3"), "{errs:#?}");
        let errs = parse("file: x.pdf\n").unwrap_err();
        assert!(errs[0].starts_with("IN-TYPE:5:1 `attachments` 应为文件列表"), "{errs:#?}");
    }

    #[cfg(unix)]
    #[test]
    fn files_are_read_from_inside_the_site_only() {
        let tmp = tempfile::tempdir().unwrap();
        let folder = tmp.path().join("site/content/reports/baibu");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("a.pdf"), b"%PDF-1.4 \0\x01").unwrap();
        std::fs::write(tmp.path().join("secret.pdf"), "outside").unwrap();
        std::os::unix::fs::symlink(tmp.path().join("secret.pdf"), folder.join("out.pdf")).unwrap();
        let file = Arc::new(folder.join("2024.md"));
        let node = crate::yaml::parse("- a.pdf\n- out.pdf\n- gone.pdf\n", 3).unwrap().unwrap();
        let mut diags = Vec::new();
        let mut list = parse_attachments(&file, &node, &REPORT_FILES, &mut diags).unwrap();
        let files = SiteDir::new(&tmp.path().join("site")).unwrap();
        assert!(!resolve_attachments(&files, &file, &mut list, &mut diags));
        assert_eq!((list[0].size, list[0].hash), (11, crate::model::fnv1a(b"%PDF-1.4 \0\x01")));
        let said: Vec<String> = diags.iter().map(|d| format!("{}:{} {}", d.code, d.pos.line, d.message)).collect();
        assert_eq!(said.len(), 2, "{said:#?}");
        assert!(said[0].starts_with("IN-LINK:4 附件 `out.pdf` 是符号链接，指向站点文件夹以外"), "{said:#?}");
        assert!(said[1].starts_with("IN-ATTACH:5 找不到附件 `gone.pdf`"), "{said:#?}");
        assert!(!said.iter().any(|s| s.contains("outside")), "nothing of the target is shown");
    }
}
