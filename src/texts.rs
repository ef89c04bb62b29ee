//! The texts of the content files as they were read: each report and agency
//! file's decoded text, kept by the loader the moment it reads it, for the
//! steps after checking.
//!
//! A build reads each report file of the site once. The page's narrative,
//! the search index's text and the copy kept of what was published
//! ([`crate::publish::sources`]) all come from the text kept here, never from
//! the site's file read a second time. So what is published is, by
//! construction, what was checked: a file edited, replaced or deleted while a
//! build runs changes nothing in it, and cannot make it fail either.
//!
//! Texts are kept on disk, laid out like the site (`content/reports/<agency>/…`),
//! not in memory: 100,000 narratives would hold most of a gigabyte until the
//! pages are rendered. `build` keeps them in the folder that becomes the
//! copy of the published sources, so the copy costs nothing more; the
//! preview keeps them in its working folder.
//!
//! `check` renders nothing and keeps nothing ([`Texts::Reread`]); a site
//! loaded that way and built after all (the library's callers) reads each
//! file again, and refuses one that is no longer the text that was checked.

use crate::model::{Agency, Report};
use crate::write::{Action, WriteError, io};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Where the texts read by the loader are kept.
#[derive(Debug)]
pub enum Texts {
    /// Nothing is kept: a later step reads the site's file again, and
    /// refuses it unless it is still the text that was checked.
    Reread,
    /// The text of each report and agency file read from the site at
    /// `root` (under `content/reports`) is kept in `dir`, at the same place
    /// relative to `dir` as the file's relative to `root`.
    Kept {
        /// The site folder.
        root: PathBuf,
        /// Where the texts are kept.
        dir: PathBuf,
        /// A folder laid out the same way whose files, where they hold the
        /// same text, are linked instead of written again (the last
        /// publication's sources): most texts have not changed since.
        prior: Option<PathBuf>,
        /// The first failure to keep a text (a full disk…): the build stops
        /// with it before publishing anything ([`Texts::failure`]).
        failed: Mutex<Option<WriteError>>,
    },
}

impl Texts {
    /// Keeps the texts read from the site at `root` in `dir` (created if
    /// need be), linking those that are the same in `prior`, a folder laid out
    /// like the site (the last publication's sources).
    pub fn kept(root: &Path, dir: &Path, prior: Option<&Path>) -> Result<Texts, WriteError> {
        std::fs::create_dir_all(dir).map_err(io(Action::Create, dir))?;
        Ok(Texts::Kept {
            root: root.to_path_buf(),
            dir: dir.to_path_buf(),
            prior: prior.map(Path::to_path_buf),
            failed: Mutex::new(None),
        })
    }

    /// The folder where texts are kept, if they are.
    pub fn dir(&self) -> Option<&Path> {
        match self {
            Texts::Reread => None,
            Texts::Kept { dir, .. } => Some(dir),
        }
    }

    /// Where the text of the site's file `file` is kept; `None` when texts
    /// are not kept or `file` is not a report or agency file of the site (a
    /// version kept from the last publication, read from its own folder,
    /// which may be inside the site folder too).
    pub fn path_of(&self, file: &Path) -> Option<PathBuf> {
        match self {
            Texts::Reread => None,
            Texts::Kept { root, dir, .. } => {
                let rel = file.strip_prefix(crate::layout::reports(root)).ok()?;
                Some(crate::layout::reports(dir).join(rel))
            }
        }
    }

    /// Keeps `text`, just read and decoded from `file`. A failure is kept
    /// for [`Texts::failure`]: the loader goes on, the build then stops.
    pub fn keep(&self, file: &Path, text: &str) {
        let (Some(path), Texts::Kept { root, prior, failed, .. }) = (self.path_of(file), self) else { return };
        // The same text already kept here, or in the prior folder: nothing to write.
        let rel = file.strip_prefix(root).ok();
        let before = prior.as_deref().zip(rel).map(|(p, rel)| p.join(rel));
        for candidate in [Some(&path), before.as_ref()].into_iter().flatten() {
            if same_text(candidate, text) && (*candidate == path || std::fs::hard_link(candidate, &path).is_ok()) {
                return;
            }
        }
        if let Err(e) = crate::write::put_whole(&path, text.as_bytes()) {
            let mut first = failed.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            first.get_or_insert(e);
        }
    }

    /// Forgets the text kept of `file`, which could not be read now (gone,
    /// undecodable): a text kept earlier (the preview keeps texts across
    /// edits) must not stand in for it.
    pub fn forget(&self, file: &Path) {
        if let Some(path) = self.path_of(file) {
            let _ = std::fs::remove_file(path);
        }
    }

    /// The text of `file` as it was read, if it is kept (for the lines
    /// shown with a finding).
    pub fn kept_text(&self, file: &Path) -> Option<String> {
        std::fs::read_to_string(self.path_of(file)?).ok()
    }

    /// The first failure to keep a text since the last call, if any.
    pub fn failure(&self) -> Option<WriteError> {
        match self {
            Texts::Reread => None,
            Texts::Kept { failed, .. } => failed.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take(),
        }
    }

    /// The text of `file` as it was read: the kept text, or, when none is
    /// kept, the file read again from inside its site (a version kept from
    /// the last publication always is).
    fn text(&self, file: &Path) -> Option<String> {
        match self.path_of(file) {
            Some(kept) => std::fs::read_to_string(kept).ok(),
            None => reread(file),
        }
    }

    /// A report's narrative, for its page and the search index. `None` when
    /// it is not the narrative that was checked (a file changed since it was
    /// checked, when texts are not kept).
    pub fn body(&self, report: &Report) -> Option<String> {
        let text = self.text(&report.file)?;
        let split = crate::parse::split_front_matter(&text).ok()?;
        let body = text.get(split.body..)?;
        (crate::model::fnv1a(body.as_bytes()) == report.body_hash).then(|| body.to_owned())
    }

    /// A report file's whole text, for the copy kept of what was published.
    /// `None` when it is not the text that was checked.
    pub fn source(&self, report: &Report) -> Option<String> {
        let text = self.text(&report.file)?;
        (crate::model::source_hash(&text, &report.attachments) == report.source_hash).then_some(text)
    }

    /// An agency file's text, for the copy kept of what was published.
    /// `None` when it no longer describes the agency as it was checked.
    pub fn agency_source(&self, agency: &Agency) -> Option<String> {
        let text = self.text(&agency.file)?;
        let again = crate::parse::parse_agency(&agency.file, &text, &agency.slug, &mut Vec::new())?;
        (again == *agency).then_some(text)
    }

    /// Puts the kept text of the site's report file `file` at `to`, as a
    /// hard link (a kept text is never changed in place, only replaced) or
    /// a copy where links are refused. `Ok(false)` when no text of `file`
    /// is kept: the caller reads it with [`Texts::source`].
    pub fn link(&self, file: &Path, to: &Path) -> Result<bool, WriteError> {
        let Some(from) = self.path_of(file) else { return Ok(false) };
        if from == to {
            return Ok(true);
        }
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(io(Action::Create, parent))?;
        }
        match std::fs::remove_file(to) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(Action::Replace, to)(e)),
            _ => {}
        }
        if std::fs::hard_link(&from, to).is_err() {
            std::fs::copy(&from, to).map_err(io(Action::Write, to))?;
        }
        Ok(true)
    }
}

/// Whether the file at `path` is a plain file holding exactly `text`.
fn same_text(path: &Path, text: &str) -> bool {
    let same_len = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == text.len() as u64);
    same_len && std::fs::read(path).is_ok_and(|b| b == text.as_bytes())
}

/// The text of `file` read again from inside its site (the folder above its
/// `content` folder): a file that became a link leaving the site is not read.
fn reread(file: &Path) -> Option<String> {
    let files = crate::source::SiteDir::new(crate::layout::site_of(file)?).ok()?;
    crate::source::decode(&files.read(file).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_text_is_laid_out_like_the_site_and_only_site_files_are_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        let texts = Texts::kept(&root, &tmp.path().join("texts"), None).unwrap();
        let file = root.join("content/reports/a/2024.md");
        texts.keep(&file, "---\nyear: 2024\n---\n正文\n");
        let kept = tmp.path().join("texts/content/reports/a/2024.md");
        assert_eq!(std::fs::read_to_string(&kept).unwrap(), "---\nyear: 2024\n---\n正文\n");
        assert_eq!(texts.path_of(&file), Some(kept.clone()));
        // A version kept from the last publication is not a file of the
        // site, even in a folder inside it.
        for elsewhere in
            ["published/content/reports/a/2024.md", "site/.public.gongkai-published/1/content/reports/a/2024.md"]
        {
            let elsewhere = tmp.path().join(elsewhere);
            texts.keep(&elsewhere, "x");
            assert_eq!(texts.path_of(&elsewhere), None);
        }
        assert_eq!(texts.path_of(&root.join("content/pages/guide.md")), None);
        assert!(texts.failure().is_none());
        // Linked, then replaced by a new text: the link keeps what it had.
        let to = tmp.path().join("copy/content/reports/a/2024.md");
        assert!(texts.link(&file, &to).unwrap());
        texts.keep(&file, "新\n");
        assert_eq!(std::fs::read_to_string(&to).unwrap(), "---\nyear: 2024\n---\n正文\n");
        assert_eq!(std::fs::read_to_string(&kept).unwrap(), "新\n");
        assert!(!Texts::Reread.link(&file, &to).unwrap());
    }

    #[cfg(unix)]
    #[test]
    fn a_text_the_same_as_before_is_linked_not_written_again() {
        use std::os::unix::fs::MetadataExt;
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        let prior = tmp.path().join("prior");
        let file = root.join("content/reports/a/2024.md");
        for (rel, text) in [("2024.md", "旧\n"), ("2023.md", "同\n")] {
            std::fs::create_dir_all(prior.join("content/reports/a")).unwrap();
            std::fs::write(prior.join("content/reports/a").join(rel), text).unwrap();
        }
        let texts = Texts::kept(&root, &tmp.path().join("texts"), Some(&prior)).unwrap();
        texts.keep(&file, "新\n");
        texts.keep(&root.join("content/reports/a/2023.md"), "同\n");
        let ino = |p: &Path| std::fs::metadata(p).unwrap().ino();
        let kept = tmp.path().join("texts/content/reports/a");
        assert_eq!(std::fs::read_to_string(kept.join("2024.md")).unwrap(), "新\n");
        assert_ne!(ino(&kept.join("2024.md")), ino(&prior.join("content/reports/a/2024.md")));
        assert_eq!(ino(&kept.join("2023.md")), ino(&prior.join("content/reports/a/2023.md")), "linked");
        // Kept again unchanged (the preview): the file stays as it is.
        let before = ino(&kept.join("2024.md"));
        texts.keep(&file, "新\n");
        assert_eq!(ino(&kept.join("2024.md")), before);
        assert_eq!(std::fs::read_to_string(prior.join("content/reports/a/2024.md")).unwrap(), "旧\n");
    }

    #[test]
    fn a_text_that_cannot_be_kept_is_a_failure_for_the_build() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        let texts = Texts::kept(&root, &tmp.path().join("texts"), None).unwrap();
        // A file where the agency's folder should be.
        std::fs::create_dir_all(tmp.path().join("texts/content/reports")).unwrap();
        std::fs::write(tmp.path().join("texts/content/reports/a"), "").unwrap();
        texts.keep(&root.join("content/reports/a/2024.md"), "x");
        assert!(texts.failure().is_some());
        assert!(texts.failure().is_none(), "said once");
    }
}
