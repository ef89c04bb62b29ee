//! Writing the output atomically.
//!
//! A build writes into a fresh folder beside the output (`.public.gongkai-new`)
//! and swaps it in only when every file is written: on Linux with
//! `renameat2(RENAME_EXCHANGE)`, one atomic step; elsewhere with two renames.
//! An error, a crash or `kill -9` at any moment leaves the previous output
//! whole; the next build removes the leftover folder.

use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use thiserror::Error;

/// An output problem.
#[derive(Debug, Error)]
pub enum WriteError {
    /// A file or folder could not be written, renamed or removed.
    #[error("{action} {path}: {source}")]
    Io {
        /// What was being done.
        action: &'static str,
        /// Where.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A path that would leave the output folder.
    #[error("refusing to write `{0}` outside the output folder")]
    Escape(String),
    /// The output folder would destroy something that is not a build.
    #[error("refusing to build into {path}: {why}")]
    UnsafeOutput {
        /// The output as resolved (after `..` and symlinks).
        path: PathBuf,
        /// Why it is refused.
        why: &'static str,
    },
    /// Another build is writing to the same output.
    #[error("another gongkai build is writing to {0} right now: wait for it to finish, then build again")]
    Busy(PathBuf),
}

/// The file that marks a folder as a gongkai output. A build replaces only
/// an empty folder or one that has it, so `--output` naming a folder of
/// documents can never wipe them.
pub const MARKER: &str = ".gongkai-output";

/// What the marker file says, for a person who finds it.
const MARKER_TEXT: &str = "本文件夹由 gongkai 生成，每次构建时整体替换，请勿在此存放其他文件。\nThis folder is built by gongkai and replaced whole by each build: keep nothing else in it.\n";

/// `path` made absolute, with symlinks resolved and `.`/`..` removed, one
/// component at a time as the kernel would: an existing prefix is
/// canonicalised (a symlink is followed to where it really points, so `..`
/// after it climbs from there), and a missing part, which cannot hold a
/// symlink, is normalised lexically.
pub fn resolve(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for part in abs.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => {
                out.push(other);
                if let Ok(real) = out.canonicalize() {
                    out = real;
                }
            }
        }
    }
    out
}

/// Refuses an output folder that a build must not replace: the site root or
/// a folder above it, a folder inside any of the site's sources (or holding
/// one), or a non-empty folder that is not a previous gongkai output.
/// Everything is compared after [`resolve`], so `public/../content` and
/// symlinks are seen for what they are.
pub fn guard_output(root: &Path, sources: &[PathBuf], output: &Path) -> Result<(), WriteError> {
    let out = resolve(output);
    let refuse = |why| Err(WriteError::UnsafeOutput { path: out.clone(), why });
    let root = resolve(root);
    if root.starts_with(&out) {
        return refuse("it is the site folder or a folder above it");
    }
    for source in sources.iter().map(|s| resolve(s)) {
        if out.starts_with(&source) || source.starts_with(&out) {
            return refuse("it holds, or is inside, the site's sources (content, themes, templates, forms, static)");
        }
    }
    match std::fs::read_dir(&out) {
        Ok(mut entries) => {
            let empty = entries.next().is_none();
            if !empty && !is_previous_output(&out) {
                return refuse(
                    "it is not empty and is not an earlier gongkai output (no .gongkai-output file): empty it or choose another folder",
                );
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => refuse("it is a file, not a folder"),
        Err(source) => Err(WriteError::Io { action: "cannot read", path: out.clone(), source }),
    }
}

/// Whether `dir` is an earlier build: it has the [`MARKER`], or (built before
/// markers existed) the site data and sitemap that every build writes.
fn is_previous_output(dir: &Path) -> bool {
    let file = |rel: &str| std::fs::symlink_metadata(dir.join(rel)).is_ok_and(|m| m.is_file());
    file(MARKER) || (file("data/reports.json") && file("sitemap.xml") && file("index.html"))
}

/// Set when the process is stopping: writers fail at their next file, so a
/// clean-up never races with a build that is still writing.
static STOPPING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Makes every further write fail (on Ctrl-C in the preview).
pub fn stop_writing() {
    STOPPING.store(true, Ordering::SeqCst);
}

/// Fails once [`stop_writing`] was called.
pub fn check_stopping() -> Result<(), WriteError> {
    if STOPPING.load(Ordering::Relaxed) {
        return Err(WriteError::Io {
            action: "stopped while writing",
            path: PathBuf::new(),
            source: std::io::Error::other("interrupted"),
        });
    }
    Ok(())
}

/// Where rendered files go: a staging folder (build) or the served folder (preview).
pub trait Sink: Sync {
    /// Writes one file at `path` (relative, `/`-separated).
    fn put(&self, path: &str, bytes: &[u8]) -> Result<(), WriteError>;

    /// Appends to a file (site-wide data written in pieces, to keep memory flat).
    fn append(&self, path: &str, bytes: &[u8]) -> Result<(), WriteError>;
}

/// Whether `rel` is a plain relative path inside the output.
pub fn is_inside(rel: &str) -> bool {
    !rel.is_empty() && Path::new(rel).components().all(|c| matches!(c, Component::Normal(_))) && !rel.contains('\\')
}

/// The path of `rel` inside `dir`, with its parent folders created; refused
/// when `rel` would leave `dir` or the process is stopping.
pub fn prepare(dir: &Path, rel: &str) -> Result<PathBuf, WriteError> {
    check_stopping()?;
    if !is_inside(rel) {
        return Err(WriteError::Escape(rel.to_owned()));
    }
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io("cannot create", parent))?;
    }
    Ok(path)
}

/// Appends `bytes` to the file at `path`, creating it.
pub fn append_to(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    use std::io::Write as _;
    let mut f = std::fs::OpenOptions::new().create(true).append(true).open(path).map_err(io("cannot open", path))?;
    f.write_all(bytes).map_err(io("cannot write", path))
}

/// A build in progress: files go into a folder beside the output.
#[derive(Debug)]
pub struct Staging {
    target: PathBuf,
    dir: PathBuf,
    /// The lock on the output, held until the build is committed or dropped.
    _lock: OutputLock,
    files: AtomicUsize,
    /// Files whose bytes were unchanged and were linked from the previous output.
    kept: AtomicUsize,
    committed: bool,
}

fn io<'p>(action: &'static str, path: &'p Path) -> impl FnOnce(std::io::Error) -> WriteError + 'p {
    move |source| WriteError::Io { action, path: path.to_path_buf(), source }
}

impl Staging {
    /// Starts a build of `target`, clearing what an interrupted build left.
    pub fn new(target: &Path) -> Result<Staging, WriteError> {
        let name = target.file_name().map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent).map_err(io("cannot create", &parent))?;
        // The lock comes first: the leftovers below may belong to a build
        // that is still running, and only its holder may remove them.
        let lock = OutputLock::take(&parent.join(format!(".{name}.gongkai-lock")), target)?;
        let dir = parent.join(format!(".{name}.gongkai-new"));
        let old = parent.join(format!(".{name}.gongkai-old"));
        for leftover in [&dir, &old] {
            if leftover.exists() {
                std::fs::remove_dir_all(leftover).map_err(io("cannot remove the leftover", leftover))?;
            }
        }
        std::fs::create_dir(&dir).map_err(io("cannot create", &dir))?;
        let marker = dir.join(MARKER);
        std::fs::write(&marker, MARKER_TEXT).map_err(io("cannot write", &marker))?;
        Ok(Staging {
            target: target.to_path_buf(),
            dir,
            _lock: lock,
            files: AtomicUsize::new(0),
            kept: AtomicUsize::new(0),
            committed: false,
        })
    }

    /// Number of files written so far.
    pub fn count(&self) -> usize {
        self.files.load(Ordering::Relaxed)
    }

    /// Number of those that were unchanged and kept from the previous output.
    pub fn kept(&self) -> usize {
        self.kept.load(Ordering::Relaxed)
    }

    /// Links the previous output's file at `rel` into the new build when its
    /// bytes are the same, so the file keeps its modification time and hosts
    /// that sync the folder (rsync, ossutil…) see only what really changed.
    fn keep_unchanged(&self, rel: &str, path: &Path, bytes: &[u8]) -> bool {
        let old = self.target.join(rel);
        let same_len = std::fs::symlink_metadata(&old).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64);
        same_len && std::fs::read(&old).is_ok_and(|b| b == bytes) && std::fs::hard_link(&old, path).is_ok()
    }

    /// Swaps the finished build in place of the target.
    pub fn commit(mut self) -> Result<usize, WriteError> {
        let parent = self.dir.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let name = self.target.file_name().map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        let old = parent.join(format!(".{name}.gongkai-old"));
        if self.target.exists() {
            if !self.target.is_dir() {
                return Err(WriteError::Io {
                    action: "the output is not a folder:",
                    path: self.target.clone(),
                    source: std::io::Error::other("refusing to replace a file"),
                });
            }
            if exchange(&self.dir, &self.target).is_ok() {
                // The previous output is now at the staging path.
                std::fs::rename(&self.dir, &old).map_err(io("cannot move aside", &self.dir))?;
            } else {
                std::fs::rename(&self.target, &old).map_err(io("cannot move aside", &self.target))?;
                std::fs::rename(&self.dir, &self.target).map_err(io("cannot move into place", &self.dir))?;
            }
            self.committed = true;
            std::fs::remove_dir_all(&old).map_err(io("cannot remove the previous output", &old))?;
        } else {
            std::fs::rename(&self.dir, &self.target).map_err(io("cannot move into place", &self.dir))?;
            self.committed = true;
        }
        Ok(self.count())
    }
}

impl Sink for Staging {
    fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let path = prepare(&self.dir, rel)?;
        if self.keep_unchanged(rel, &path, bytes) {
            self.kept.fetch_add(1, Ordering::Relaxed);
        } else {
            std::fs::write(&path, bytes).map_err(io("cannot write", &path))?;
        }
        self.files.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    fn append(&self, rel: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let path = prepare(&self.dir, rel)?;
        unshare(&path)?;
        append_to(&path, bytes)
    }
}

/// Gives a file kept from the previous output its own copy before it is
/// appended to, so the previous output never changes under a reader.
#[cfg(unix)]
fn unshare(path: &Path) -> Result<(), WriteError> {
    use std::os::unix::fs::MetadataExt;
    if std::fs::metadata(path).is_ok_and(|m| m.nlink() > 1) {
        let bytes = std::fs::read(path).map_err(io("cannot read", path))?;
        std::fs::remove_file(path).map_err(io("cannot replace", path))?;
        std::fs::write(path, bytes).map_err(io("cannot write", path))?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn unshare(_: &Path) -> Result<(), WriteError> {
    Ok(())
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// An exclusive lock on one output folder, so two builds never share a
/// staging folder (one of them could otherwise publish the other's half).
/// It is an advisory lock (`flock`) on a file beside the output: the kernel
/// drops it when the process ends, so a killed build never leaves it stuck.
/// The holder removes the file before it lets go; a build that locked a file
/// which has meanwhile been removed or replaced gives up, so two builds can
/// never each hold a lock of their own.
#[derive(Debug)]
struct OutputLock {
    file: std::fs::File,
    path: PathBuf,
}

impl OutputLock {
    /// Takes the lock at `path` for `target`, or fails at once if it is held.
    fn take(path: &Path, target: &Path) -> Result<OutputLock, WriteError> {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path)
            .map_err(io("cannot create the lock file", path))?;
        if try_lock(&file)? && same_file(&file, path) {
            Ok(OutputLock { file, path: path.to_path_buf() })
        } else {
            Err(WriteError::Busy(target.to_path_buf()))
        }
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        // Removed while still locked; the lock goes when the file closes.
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// Whether the open `file` is still the one at `path`.
#[cfg(unix)]
fn same_file(file: &std::fs::File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::File, path: &Path) -> bool {
    path.exists()
}

/// Tries to lock `file` exclusively without waiting; false when it is held.
fn try_lock(file: &std::fs::File) -> Result<bool, WriteError> {
    match file.try_lock() {
        Ok(()) => Ok(true),
        Err(std::fs::TryLockError::WouldBlock) => Ok(false),
        Err(std::fs::TryLockError::Error(source)) => {
            Err(WriteError::Io { action: "cannot lock", path: PathBuf::new(), source })
        }
    }
}

/// Atomically exchanges two paths (Linux); an error elsewhere.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes()).map_err(std::io::Error::other)?;
    let b = CString::new(b.as_os_str().as_bytes()).map_err(std::io::Error::other)?;
    // SAFETY: both arguments are valid NUL-terminated paths that outlive the call.
    let rc = unsafe { libc::renameat2(libc::AT_FDCWD, a.as_ptr(), libc::AT_FDCWD, b.as_ptr(), libc::RENAME_EXCHANGE) };
    if rc == 0 { Ok(()) } else { Err(std::io::Error::last_os_error()) }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other("no atomic exchange on this platform"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_builds_of_one_output_never_share_a_staging_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        let first = Staging::new(&target).unwrap();
        first.put("a.html", b"a").unwrap();
        assert!(matches!(Staging::new(&target), Err(WriteError::Busy(_))));
        assert_eq!(first.commit().unwrap(), 1);
        // Once the first is done, the next build may start.
        Staging::new(&target).unwrap().commit().unwrap();
    }

    #[test]
    fn paths_outside_the_output_are_refused() {
        assert!(is_inside("reports/a/2024/index.html"));
        for bad in ["", "../x", "a/../../x", "/etc/passwd", "a\\..\\b"] {
            assert!(!is_inside(bad), "{bad}");
        }
    }

    #[test]
    fn commit_swaps_and_dropping_leaves_the_old_output() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("old.html"), "old").unwrap();
        {
            let s = Staging::new(&target).unwrap();
            s.put("new.html", b"new").unwrap();
            // Dropped without commit: an error happened.
        }
        assert!(target.join("old.html").exists() && !target.join("new.html").exists());
        let s = Staging::new(&target).unwrap();
        s.put("a/new.html", b"new").unwrap();
        assert_eq!(s.commit().unwrap(), 1);
        assert!(target.join("a/new.html").exists() && !target.join("old.html").exists());
        // An unchanged file is the same file (same inode and time); a changed one is new.
        use std::os::unix::fs::MetadataExt;
        let before = std::fs::metadata(target.join("a/new.html")).unwrap();
        let s = Staging::new(&target).unwrap();
        s.put("a/new.html", b"new").unwrap();
        s.put("b.html", b"b").unwrap();
        assert_eq!(s.kept(), 1);
        s.commit().unwrap();
        assert_eq!(std::fs::metadata(target.join("a/new.html")).unwrap().ino(), before.ino());
        let mut left: Vec<String> =
            std::fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
        left.sort();
        assert_eq!(left, ["public"], "only public/ remains");
        assert!(target.join(MARKER).is_file(), "the output is marked");
    }
}
