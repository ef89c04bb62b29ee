//! The site's `static/` folder (logos, the 党政机关网站标识, downloads),
//! published as it is: every file copied byte for byte to the same path in
//! the output, in parallel, read from inside the site only.
//!
//! A site file overrides the theme's static file of the same path (its own
//! `css/site.css`, say). A site file whose path is also a file gongkai
//! generates (`static/index.html`, `static/data/reports.json`, an
//! attachment's path) is an error naming both, never a silent overwrite:
//! [`Guarded`] refuses every generated file at a path a static file took.

use super::Output;
use crate::source::{Found, Kind, SiteDir};
use crate::write::{Sink, WriteError};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// A file of `static/` that could not be published.
#[derive(Debug, Error)]
#[error("{}", crate::t!("site-static-unread", file = .file, why = .why))]
pub struct StaticError {
    /// The file, relative to the site (`static/logo.svg`), or the link to blame.
    pub file: String,
    /// Why, as [`crate::source::ReadError::describe`] says it.
    pub why: String,
}

/// A file of the site's `static/` folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteStatic {
    /// Its path in the output (and under `static/`), `/`-separated.
    pub rel: String,
    /// The file.
    pub path: PathBuf,
}

/// The files of `static/` of the site at `root`, in name order; editors'
/// temporary and hidden files left out. A link leaving the site (or
/// looping) is refused, naming the link.
pub fn site_statics(root: &Path) -> Result<Vec<SiteStatic>, StaticError> {
    let dir = crate::layout::statics(root);
    let rel_to_site = |p: &Path| p.strip_prefix(root).unwrap_or(p).display().to_string();
    let files = SiteDir::new(root).map_err(|e| StaticError { file: rel_to_site(root), why: crate::os::reason(&e) })?;
    let mut out = Vec::new();
    for Found { path, what, .. } in files.walk(&dir, usize::MAX, &crate::layout::is_ignored) {
        match what {
            Ok(Kind::Dir) => {}
            Ok(Kind::File) => {
                let rel = path.strip_prefix(&dir).map(|p| p.to_string_lossy().replace('\\', "/")).unwrap_or_default();
                out.push(SiteStatic { rel, path });
            }
            Err(why) => return Err(StaticError { file: rel_to_site(&files.link_of(&path)), why: why.describe() }),
        }
    }
    Ok(out)
}

/// Why publishing the static files failed.
#[derive(Debug, Error)]
pub enum PublishError {
    /// A file could not be read.
    #[error(transparent)]
    Read(#[from] StaticError),
    /// The output could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// Writes the theme's static files that the site does not override, then
/// the site's own, in parallel, each read from inside the site at `root`.
/// Returns the paths the site's files took, for [`Guarded`].
pub fn publish(
    root: &Path,
    site: &[SiteStatic],
    theme: &[Output],
    sink: &dyn Sink,
) -> Result<HashSet<String>, PublishError> {
    let taken: HashSet<String> = site.iter().map(|s| s.rel.clone()).collect();
    for s in theme.iter().filter(|s| !taken.contains(&s.path)) {
        sink.put(&s.path, &s.bytes)?;
    }
    let files =
        SiteDir::new(root).map_err(|e| StaticError { file: root.display().to_string(), why: crate::os::reason(&e) })?;
    site.par_iter().try_for_each(|s| {
        let bytes = files.read(&s.path).map_err(|why| StaticError {
            file: files.link_of(&s.path).strip_prefix(root).unwrap_or(&s.path).display().to_string(),
            why: why.describe(),
        })?;
        sink.put(&s.rel, &bytes).map_err(PublishError::from)
    })?;
    Ok(taken)
}

/// A sink that refuses to write a generated file where a static file of
/// the site already is: the webmaster would otherwise lose one of the two
/// without a word.
pub struct Guarded<'a> {
    /// Where the files go.
    pub inner: &'a dyn Sink,
    /// The paths the site's static files took.
    pub taken: HashSet<String>,
}

impl Guarded<'_> {
    /// The refusal for a generated file at `rel`, if a static file is there.
    fn check(&self, rel: &str) -> Result<(), WriteError> {
        if self.taken.contains(rel) { Err(WriteError::Collision(rel.to_owned())) } else { Ok(()) }
    }
}

impl Sink for Guarded<'_> {
    fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), WriteError> {
        self.check(rel)?;
        self.inner.put(rel, bytes)
    }

    fn append(&self, rel: &str, bytes: &[u8]) -> Result<(), WriteError> {
        self.check(rel)?;
        self.inner.append(rel, bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    /// A sink that keeps what is written, in memory.
    #[derive(Default)]
    struct Memory(Mutex<Vec<(String, Vec<u8>)>>);

    impl Sink for Memory {
        fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), WriteError> {
            self.0.lock().unwrap().push((rel.to_owned(), bytes.to_vec()));
            Ok(())
        }
        fn append(&self, rel: &str, bytes: &[u8]) -> Result<(), WriteError> {
            self.put(rel, bytes)
        }
    }

    #[test]
    fn site_files_are_copied_as_they_are_and_override_the_themes() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("static/css");
        std::fs::create_dir_all(&dir).unwrap();
        let binary: Vec<u8> = (0..=255u8).chain([0, 0xFF, 0x0D, 0x0A]).collect();
        std::fs::write(tmp.path().join("static/logo.png"), &binary).unwrap();
        std::fs::write(dir.join("site.css"), "mine").unwrap();
        std::fs::write(dir.join(".site.css.swp"), "editor").unwrap();
        let statics = site_statics(tmp.path()).unwrap();
        let rels: Vec<&str> = statics.iter().map(|s| s.rel.as_str()).collect();
        assert_eq!(rels, ["css/site.css", "logo.png"], "the editor's swap file is no static file");
        let theme = vec![
            Output { path: "css/site.css".into(), bytes: b"theme".to_vec() },
            Output { path: "css/print.css".into(), bytes: b"print".to_vec() },
        ];
        let sink = Memory::default();
        let taken = publish(tmp.path(), &statics, &theme, &sink).unwrap();
        let mut written = sink.0.into_inner().unwrap();
        written.sort();
        assert_eq!(
            written,
            [
                ("css/print.css".to_owned(), b"print".to_vec()),
                ("css/site.css".to_owned(), b"mine".to_vec()),
                ("logo.png".to_owned(), binary),
            ]
        );
        let inner = Memory::default();
        let guarded = Guarded { inner: &inner, taken };
        let err = guarded.put("logo.png", b"page").unwrap_err().to_string();
        assert!(err.contains("static/logo.png") && err.contains("logo.png"), "{err}");
        assert!(guarded.put("index.html", b"page").is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_leaving_the_site_is_refused_naming_the_link() {
        let tmp = tempfile::tempdir().unwrap();
        let site = tmp.path().join("site");
        std::fs::create_dir_all(site.join("static")).unwrap();
        std::fs::write(tmp.path().join("secret"), "outside").unwrap();
        std::os::unix::fs::symlink(tmp.path().join("secret"), site.join("static/x.txt")).unwrap();
        let err = site_statics(&site).unwrap_err().to_string();
        assert!(err.contains("static/x.txt") && err.contains("站点文件夹以外"), "{err}");
        assert!(!err.contains("outside"), "nothing of the target is shown: {err}");
    }
}
