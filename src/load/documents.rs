//! Loading the catalogue: `content/documents/<folder>/<name>.md`, one folder
//! per agency (its slug, so `agency:` need not be written) or per category.
//!
//! Read like the reports: from inside the site only (a link is refused with
//! `IN-LINK`), editors' temporary files ignored, everything else out of
//! place named, and the files parsed in parallel. The documents come out
//! sorted by id (`<folder>/<name>`).

use super::{Content, Placed, is_slug, placed_under, read_text};
use crate::diag::{Diagnostic, Pos};
use crate::model::Document;
use crate::parse;
use crate::source::{Kind, SiteDir};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A document file found: its path, id and folder.
struct Entry {
    path: Arc<PathBuf>,
    id: String,
    folder: String,
}

/// Finds the document files under `dir`, naming misplaced ones and refused links.
fn discover(files: &SiteDir, dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<Entry> {
    let mut out = Vec::new();
    for Placed { path, name, depth, kind } in placed_under(files, dir, diags) {
        if matches!(kind, Kind::Dir) {
            if depth == 1 && !is_slug(&name) {
                diags.push(misnamed(&path, &name));
            } else if depth == 1 && crate::layout::RESERVED_DOCUMENT_FOLDERS.contains(&name.as_str()) {
                diags.push(
                    Diagnostic::error("IN-PATH", &path, Pos::default(), crate::t!("doc-path-reserved", name = name))
                        .with_help(crate::t!("doc-path-reserved-help")),
                );
            }
            continue;
        }
        let Some(stem) = name.strip_suffix(".md") else { continue };
        if depth != 2 {
            diags.push(
                Diagnostic::error("IN-PATH", &path, Pos::default(), crate::t!("doc-path-depth"))
                    .with_help(crate::t!("doc-path-depth-help")),
            );
            continue;
        }
        let folder =
            path.parent().and_then(Path::file_name).map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if !is_slug(&folder) || crate::layout::RESERVED_DOCUMENT_FOLDERS.contains(&folder.as_str()) {
            continue; // named once, at the folder
        }
        if !is_slug(stem) {
            diags.push(misnamed(&path, &name));
            continue;
        }
        out.push(Entry { id: format!("{folder}/{stem}"), folder, path });
    }
    out
}

/// `IN-PATH` for a folder or file name that cannot be an id.
fn misnamed(path: &Arc<PathBuf>, name: &str) -> Diagnostic {
    Diagnostic::error("IN-PATH", path, Pos::default(), crate::t!("doc-path-slug", name = name))
        .with_help(crate::t!("doc-path-slug-help"))
}

/// Reads and parses one document file.
fn load_one(files: &SiteDir, e: &Entry) -> (Option<Document>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let doc = match read_text(files, &e.path) {
        Ok(text) => parse::parse_document(&e.path, &text, &e.id, &e.folder, &mut diags).and_then(|mut d| {
            // A document whose attachment cannot be read is withheld, like one with an error of form.
            parse::attachments::resolve_attachments(files, &e.path, &mut d.attachments, &mut diags).then_some(d)
        }),
        Err(d) => {
            diags.push(*d);
            None
        }
    };
    (doc, diags)
}

/// Loads every document under `content/documents` of the site `files`
/// (`dir`) into `content`, sorted by id. A file with an error of form is
/// left out, its diagnostics kept, and its path recorded in
/// `content.document_files` so that a build says it was withheld.
pub(super) fn load(files: &SiteDir, dir: &Path, content: &mut Content) {
    let entries = discover(files, dir, &mut content.diags);
    content.document_files = entries.iter().map(|e| Arc::clone(&e.path)).collect();
    let loaded: Vec<(Option<Document>, Vec<Diagnostic>)> = entries.par_iter().map(|e| load_one(files, e)).collect();
    for (doc, diags) in loaded {
        content.diags.extend(diags);
        content.documents.extend(doc);
    }
    content.documents.sort_by(|a, b| a.id.cmp(&b.id));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("content/documents/baibu")).expect("mkdir");
        dir
    }

    fn load_site(root: &Path) -> Content {
        let mut content = Content::default();
        let files = SiteDir::new(root).expect("site");
        load(&files, &crate::layout::documents(root), &mut content);
        content
    }

    const DOC: &str = "---\ntitle: 某通知\npublished: 2024-01-05\n---\n正文\n";

    #[test]
    fn documents_load_sorted_by_id_with_the_folder_as_agency_and_temp_files_ignored() {
        let dir = site();
        let docs = dir.path().join("content/documents/baibu");
        for name in ["b.md", "a.md", ".#a.md", "a.md~", "a.md.swp", "notes.txt"] {
            std::fs::write(docs.join(name), DOC).expect("write");
        }
        let c = load_site(dir.path());
        assert_eq!(c.diags, []);
        let ids: Vec<_> = c.documents.iter().map(|d| (d.id.as_str(), d.agency.as_str())).collect();
        assert_eq!(ids, [("baibu/a", "baibu"), ("baibu/b", "baibu")]);
        assert_eq!(c.document_files.len(), 2);
    }

    #[test]
    fn misplaced_and_misnamed_files_are_named() {
        let dir = site();
        let root = dir.path().join("content/documents");
        std::fs::write(root.join("loose.md"), DOC).expect("write");
        std::fs::write(root.join("baibu/规范.md"), DOC).expect("write");
        std::fs::create_dir_all(root.join("Baibu")).expect("mkdir");
        std::fs::write(root.join("Baibu/a.md"), DOC).expect("write");
        std::fs::create_dir_all(root.join("topics")).expect("mkdir");
        std::fs::write(root.join("topics/a.md"), DOC).expect("write");
        let c = load_site(dir.path());
        assert!(c.documents.is_empty());
        let mut found: Vec<_> = c
            .diags
            .iter()
            .map(|d| (d.code.as_ref(), d.file.file_name().unwrap().to_string_lossy().into_owned()))
            .collect();
        found.sort();
        assert_eq!(
            found,
            [
                ("IN-PATH", "Baibu".to_owned()),
                ("IN-PATH", "loose.md".to_owned()),
                ("IN-PATH", "topics".to_owned()),
                ("IN-PATH", "规范.md".to_owned())
            ]
        );
    }

    #[test]
    fn gbk_files_unknown_keys_and_links_are_refused_with_the_reports_codes() {
        let dir = site();
        let docs = dir.path().join("content/documents/baibu");
        // 「公开」 in GBK.
        let mut gbk = b"---\ntitle: ".to_vec();
        gbk.extend([0xB9, 0xAB, 0xBF, 0xAA]);
        gbk.extend(b"\n---\n");
        std::fs::write(docs.join("gbk.md"), gbk).expect("write");
        std::fs::write(docs.join("key.md"), "---\ntitle: x\ntopik: 综合政务\n---\n").expect("write");
        let outside = tempfile::tempdir().expect("temp dir");
        std::fs::write(outside.path().join("secret.md"), DOC).expect("write");
        #[cfg(unix)]
        std::os::unix::fs::symlink(outside.path().join("secret.md"), docs.join("link.md")).expect("symlink");
        let c = load_site(dir.path());
        assert!(c.documents.is_empty(), "{:?}", c.documents);
        let mut codes: Vec<_> = c.diags.iter().map(|d| d.code.as_ref()).collect();
        codes.sort_unstable();
        #[cfg(unix)]
        assert_eq!(codes, ["IN-ENCODING", "IN-KEY", "IN-LINK"]);
        let key = c.diags.iter().find(|d| d.code == "IN-KEY").expect("IN-KEY");
        assert_eq!(key.help.as_deref(), Some("是不是 `topic`？"));
        assert!(c.diags.iter().all(|d| d.code != "IN-LINK" || !d.snippet), "a refused link is never shown");
    }

    #[test]
    fn attachments_are_read_and_a_missing_one_withholds_its_document() {
        let dir = site();
        let docs = dir.path().join("content/documents/baibu");
        std::fs::write(docs.join("原文.pdf"), b"%PDF-1.4 x").expect("write");
        let with = "---\ntitle: 某通知\npublished: 2024-01-05\nattachments: [原文.pdf]\n---\n正文\n";
        std::fs::write(docs.join("a.md"), with).expect("write");
        std::fs::write(docs.join("b.md"), with.replace("原文.pdf", "没有.pdf")).expect("write");
        let c = load_site(dir.path());
        let ids: Vec<_> = c.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["baibu/a"], "b's attachment is missing: b is withheld");
        let a = &c.documents[0].attachments[0];
        assert_eq!((a.name.as_str(), a.size, a.hash), ("原文.pdf", 10, crate::model::fnv1a(b"%PDF-1.4 x")));
        let missing = c.diags.iter().find(|d| d.file.ends_with("b.md")).expect("a finding at b.md");
        assert_eq!(missing.pos.line, 4, "{missing:?}");
    }
}
