//! The build cache: a build whose inputs have not changed since the last one
//! is not done again.
//!
//! Beside the output (`.<name>.gongkai-cache.json`) a successful build
//! records what its result depends on and what it left behind:
//!
//! - the **key**: the gongkai binary (version, size and time of the
//!   executable, so a new binary never trusts an old cache), the options,
//!   the language of the run and the date the checks use (a deadline or a
//!   document's validity can change with the date alone);
//! - the **inputs**: every file and folder of the site's sources
//!   ([`crate::layout::SOURCES`]) with its size, modification time and inode;
//! - the **outputs**: the same for the output folder and the sources kept
//!   beside it, so an output changed or removed by hand is built again;
//! - what the build printed, and its outcome, said again on a hit.
//!
//! A hit needs all four to match. A file modified within
//! [`RACY`] of the listing could change again within the file system's time
//! resolution without its time changing, so such a build records no cache
//! (the next build is a full one). A symbolic link among the inputs could
//! point at something the listing does not see: then nothing is cached
//! either. Anything unreadable, a malformed or old cache file: a miss, never
//! an error. A full build removes the record before it writes anything, so a
//! build that fails or is killed leaves no record that could be trusted.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The version of the record's layout; a record of another version is a miss.
const FORMAT: u32 = 1;

/// How recent a modification must be for a file's time not to be trusted.
pub const RACY: Duration = Duration::from_secs(2);

/// The record of the last successful build of one output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// [`FORMAT`].
    format: u32,
    /// The key (see the module's documentation), as a hash.
    key: String,
    /// The hash of the inputs' listing.
    inputs: String,
    /// The hash of the output's and the kept sources' listing.
    outputs: String,
    /// What the build printed before its last line.
    pub text: String,
    /// Whether every report and document was published (exit 0), or some were withheld (exit 3).
    pub all_published: bool,
    /// HTML pages written.
    pub pages: usize,
    /// Reports published.
    pub reports: usize,
}

/// What a build's result depends on besides its files.
#[derive(Debug, Clone)]
pub struct Key {
    hash: String,
}

impl Key {
    /// The key of a build with these options (as the command line gave them:
    /// output, base URL, strict, drafts), in the current language, checked
    /// on the date the checks use.
    pub fn new(options: &[&str]) -> Option<Key> {
        let exe = std::env::current_exe().ok().and_then(|p| std::fs::metadata(p).ok())?;
        let mut parts = vec![
            env!("CARGO_PKG_VERSION").to_owned(),
            exe.len().to_string(),
            nanos(exe.modified().ok()?).to_string(),
            crate::i18n::current().tag().to_owned(),
            crate::check::documents::today().to_string(),
        ];
        parts.extend(options.iter().map(|o| (*o).to_owned()));
        Some(Key { hash: hash_of(&parts.join("\0")) })
    }
}

/// The build cache of one output folder.
#[derive(Debug)]
pub struct Cache {
    /// The record's file.
    file: PathBuf,
    /// The site folder.
    root: PathBuf,
    /// The output folder.
    target: PathBuf,
    /// The key of this build.
    key: Key,
    /// The inputs' listing hash, taken before the build read anything;
    /// `None` when the inputs cannot be cached (a recent change, a link).
    inputs: Option<String>,
}

impl Cache {
    /// The cache of the build of `root` into `target` with `key`; lists the
    /// inputs now, before anything is read.
    pub fn open(root: &Path, target: &Path, key: Key) -> Cache {
        let now = SystemTime::now();
        Cache {
            file: file_of(target),
            root: root.to_path_buf(),
            target: target.to_path_buf(),
            key,
            inputs: inputs_of(root, now),
        }
    }

    /// The record of the last build when this build would give the same
    /// result: same key, same inputs, output and kept sources untouched.
    pub fn hit(&self) -> Option<Record> {
        let inputs = self.inputs.as_ref()?;
        let text = std::fs::read_to_string(&self.file).ok()?;
        let record: Record = serde_json::from_str(&text).ok()?;
        let same = record.format == FORMAT && record.key == self.key.hash && &record.inputs == inputs;
        (same && outputs_of(&self.target).as_ref() == Some(&record.outputs)).then_some(record)
    }

    /// Forgets the last build: called before a build writes anything.
    pub fn forget(&self) {
        let _ = std::fs::remove_file(&self.file);
    }

    /// Records a successful build (after its output is in place). Nothing is
    /// recorded when the inputs could not be listed safely, or when they
    /// changed while the build read them.
    pub fn store(&self, text: String, all_published: bool, pages: usize, reports: usize) {
        let Some(inputs) = &self.inputs else { return };
        if listing(&self.root, &sources(&self.root), None).map(|l| hash_of(&l)).as_ref() != Some(inputs) {
            return;
        }
        let Some(outputs) = outputs_of(&self.target) else { return };
        let record = Record {
            format: FORMAT,
            key: self.key.hash.clone(),
            inputs: inputs.clone(),
            outputs,
            text,
            all_published,
            pages,
            reports,
        };
        let Ok(json) = serde_json::to_string(&record) else { return };
        let tmp = self.file.with_extension("json.tmp");
        if std::fs::write(&tmp, json).is_ok() && std::fs::rename(&tmp, &self.file).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}

/// The record's file beside the output `target`.
pub fn file_of(target: &Path) -> PathBuf {
    crate::write::beside(target, "cache.json")
}

/// Nanoseconds since the epoch (0 before it).
fn nanos(t: SystemTime) -> u128 {
    t.duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_nanos())
}

/// A hex FNV-1a hash of `text`.
fn hash_of(text: &str) -> String {
    format!("{:016x}", crate::model::fnv1a(text.as_bytes()))
}

/// One line per entry under `dirs` (relative to `base`): path, kind, size,
/// time and inode, in a stable order; `None` when a link is met, or a file
/// modified less than [`RACY`] before `newest`. A missing folder lists as
/// its name alone. The folders are listed in parallel.
fn listing(base: &Path, dirs: &[PathBuf], newest: Option<SystemTime>) -> Option<String> {
    let parts: Vec<Option<String>> = dirs.par_iter().map(|dir| list_one(base, dir, newest)).collect();
    parts.into_iter().collect::<Option<Vec<String>>>().map(|p| p.concat())
}

/// [`listing`] of one folder (or file).
fn list_one(base: &Path, dir: &Path, newest: Option<SystemTime>) -> Option<String> {
    use std::fmt::Write as _;
    let mut out = String::new();
    if std::fs::symlink_metadata(dir).is_err() {
        let _ = writeln!(out, "-{}", dir.strip_prefix(base).unwrap_or(dir).display());
        return Some(out);
    }
    for entry in walkdir::WalkDir::new(dir).follow_links(false).sort_by_file_name() {
        let entry = entry.ok()?;
        let meta = entry.metadata().ok()?;
        let kind = meta.file_type();
        if kind.is_symlink() {
            return None;
        }
        let modified = meta.modified().ok()?;
        if newest.is_some_and(|n| modified + RACY > n) && kind.is_file() {
            return None;
        }
        let rel = entry.path().strip_prefix(base).unwrap_or(entry.path());
        let tag = if kind.is_dir() { 'd' } else { 'f' };
        let _ = writeln!(out, "{tag}{}\0{}\0{}\0{}", rel.display(), meta.len(), nanos(modified), meta.ino());
    }
    Some(out)
}

/// The inputs' listing hash, `None` if it cannot be trusted at `now`.
fn inputs_of(root: &Path, now: SystemTime) -> Option<String> {
    listing(root, &sources(root), Some(now)).map(|l| hash_of(&l))
}

/// The site's sources: settings, content, themes, templates, forms, static files.
fn sources(root: &Path) -> Vec<PathBuf> {
    crate::layout::SOURCES.iter().map(|s| root.join(s)).collect()
}

/// The hash of the output's and the kept sources' listing: each entry of
/// the output folder, then the kept sources.
fn outputs_of(target: &Path) -> Option<String> {
    let store = super::sources::store_of(target);
    let base = target.parent().unwrap_or(target);
    let marker = std::fs::read_to_string(target.join(crate::write::MARKER)).ok()?;
    let mut parts: Vec<PathBuf> =
        std::fs::read_dir(target).ok()?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>().ok()?;
    parts.sort();
    parts.push(store);
    let files = listing(base, &parts, None)?;
    Some(hash_of(&format!("{marker}\0{files}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aged(path: &Path) {
        let past = SystemTime::now() - Duration::from_secs(3600);
        for e in walkdir::WalkDir::new(path).into_iter().flatten() {
            if e.file_type().is_file() {
                let f = std::fs::OpenOptions::new().write(true).open(e.path()).unwrap();
                f.set_modified(past).unwrap();
            }
        }
    }

    #[test]
    fn a_recent_change_or_a_link_is_never_trusted() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::create_dir_all(root.join("content/reports/a")).unwrap();
        std::fs::write(root.join("site.toml"), "title = \"t\"\n").unwrap();
        std::fs::write(root.join("content/reports/a/2024.md"), "x").unwrap();
        assert!(inputs_of(root, SystemTime::now()).is_none(), "just written: racy");
        aged(root);
        let first = inputs_of(root, SystemTime::now()).expect("old files are trusted");
        assert_eq!(inputs_of(root, SystemTime::now()), Some(first.clone()), "stable");
        std::fs::write(root.join("content/reports/a/2023.md"), "y").unwrap();
        aged(root);
        assert_ne!(inputs_of(root, SystemTime::now()), Some(first), "a new file changes the listing");
        std::os::unix::fs::symlink("/etc", root.join("content/etc")).unwrap();
        assert!(inputs_of(root, SystemTime::now()).is_none(), "a link is never listed");
    }

    #[test]
    fn a_malformed_or_foreign_record_is_a_miss() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        let target = tmp.path().join("public");
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::fs::create_dir_all(&target).unwrap();
        std::fs::write(target.join(crate::write::MARKER), "m").unwrap();
        aged(tmp.path());
        let key = Key { hash: "k".into() };
        let cache = Cache::open(&root, &target, key.clone());
        assert!(cache.hit().is_none(), "no record");
        cache.store("said\n".into(), true, 3, 1);
        let record = cache.hit().expect("recorded");
        assert_eq!((record.text.as_str(), record.pages, record.reports), ("said\n", 3, 1));
        let other = Cache::open(&root, &target, Key { hash: "other binary".into() });
        assert!(other.hit().is_none(), "another key");
        std::fs::write(file_of(&target), "{ not json").unwrap();
        assert!(Cache::open(&root, &target, key.clone()).hit().is_none(), "malformed");
        cache.store("said\n".into(), true, 3, 1);
        std::fs::write(target.join("extra.html"), "x").unwrap();
        assert!(Cache::open(&root, &target, key).hit().is_none(), "the output was changed by hand");
    }
}
