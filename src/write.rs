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
    #[error("{}", .action.text(.path, .cause))]
    Io {
        /// What was being done.
        action: Action,
        /// Where.
        path: PathBuf,
        /// The cause (said in the message, so not a `source` to repeat).
        cause: std::io::Error,
    },
    /// A path that would leave the output folder.
    #[error("{}", crate::t!("site-write-escape", path = .0))]
    Escape(String),
    /// A generated file at the path of a file of the site's `static/` folder.
    #[error("{}", crate::t!("site-write-collision", path = .0))]
    Collision(String),
    /// The output folder would destroy something that is not a build.
    #[error("{}", .why.text(.path))]
    UnsafeOutput {
        /// The output as resolved (after `..` and symlinks).
        path: PathBuf,
        /// Why it is refused.
        why: Refusal,
    },
    /// Another build is writing to the same output.
    #[error("{}", crate::t!("site-write-busy", path = .0))]
    Busy(PathBuf),
    /// The process is stopping (Ctrl-C in the preview): nothing more is written.
    #[error("{}", crate::t!("site-write-stopped"))]
    Stopped,
}

/// What was being done to a file or folder of the output when it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Creating a folder or file.
    Create,
    /// Opening a file to append to it.
    Open,
    /// Reading a file or folder.
    Read,
    /// Writing a file.
    Write,
    /// Replacing a file by a new one.
    Replace,
    /// Removing what an interrupted build left.
    RemoveLeftover,
    /// Moving the previous output aside.
    MoveAside,
    /// Moving the new build into place.
    MoveIntoPlace,
    /// Removing the previous output after the swap.
    RemovePrevious,
    /// Creating or locking the lock file beside the output.
    Lock,
}

impl Action {
    /// The sentence saying that this action failed at `path`, and why.
    fn text(self, path: &Path, cause: &std::io::Error) -> String {
        let cause = crate::os::reason(cause);
        match self {
            Action::Create => crate::t!("site-write-create", path = path, cause = cause),
            Action::Open => crate::t!("site-write-open", path = path, cause = cause),
            Action::Read => crate::t!("site-write-read", path = path, cause = cause),
            Action::Write => crate::t!("site-write-write", path = path, cause = cause),
            Action::Replace => crate::t!("site-write-replace", path = path, cause = cause),
            Action::RemoveLeftover => crate::t!("site-write-remove-leftover", path = path, cause = cause),
            Action::MoveAside => crate::t!("site-write-move-aside", path = path, cause = cause),
            Action::MoveIntoPlace => crate::t!("site-write-move-into-place", path = path, cause = cause),
            Action::RemovePrevious => crate::t!("site-write-remove-previous", path = path, cause = cause),
            Action::Lock => crate::t!("site-write-lock", path = path, cause = cause),
        }
    }
}

/// Why an output folder is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// It is the site folder or a folder above it.
    SiteOrAbove,
    /// It holds, or is inside, one of the site's sources.
    Sources,
    /// It is not empty and is not an earlier gongkai output.
    NotOurs,
    /// It is a file.
    File,
}

impl Refusal {
    /// The sentence refusing `path` for this reason, with what to do.
    fn text(self, path: &Path) -> String {
        match self {
            Refusal::SiteOrAbove => crate::t!("site-output-site-folder", path = path),
            Refusal::Sources => crate::t!("site-output-sources", path = path),
            Refusal::NotOurs => crate::t!("site-output-not-ours", path = path, marker = MARKER),
            Refusal::File => crate::t!("site-output-file", path = path),
        }
    }
}

/// The file or folder `.<name>.gongkai-<what>` beside the output `target`
/// (named `<name>`; `public` when it has no name): the one naming rule of
/// everything a build keeps next to its output (its lock, staging and
/// previous folders, the kept sources, the build cache's record).
pub fn beside(target: &Path, what: &str) -> PathBuf {
    let name = target.file_name().map_or_else(|| crate::layout::OUTPUT.into(), |n| n.to_string_lossy().into_owned());
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    parent.join(format!(".{name}.gongkai-{what}"))
}

/// The file that marks a folder as a gongkai output. A build replaces only
/// an empty folder or one that has it, so `--output` naming a folder of
/// documents can never wipe them.
pub const MARKER: &str = ".gongkai-output";

/// What the marker file says, for a person who finds it.
const MARKER_TEXT: &str = "本文件夹由 gongkai 生成，每次生成时整体替换，请勿在此存放其他文件。\nThis folder is built by gongkai and replaced whole by each build: keep nothing else in it.\n";

/// The marker file's text with `note` (lines of its own) after what it says to a person.
pub fn marker_text(note: &str) -> String {
    format!("{MARKER_TEXT}{note}")
}

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
        return refuse(Refusal::SiteOrAbove);
    }
    for source in sources.iter().map(|s| resolve(s)) {
        if out.starts_with(&source) || source.starts_with(&out) {
            return refuse(Refusal::Sources);
        }
    }
    match std::fs::read_dir(&out) {
        Ok(mut entries) => {
            let empty = entries.next().is_none();
            if !empty && !is_previous_output(&out) {
                return refuse(Refusal::NotOurs);
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => refuse(Refusal::File),
        Err(cause) => Err(WriteError::Io { action: Action::Read, path: out.clone(), cause }),
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
        return Err(WriteError::Stopped);
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
        std::fs::create_dir_all(parent).map_err(io(Action::Create, parent))?;
    }
    Ok(path)
}

/// Writes `bytes` at `path`, whole or not at all (written beside it, then
/// renamed into place), creating its folders: a reader never sees half of it,
/// and a hard link to the file it replaces keeps the old bytes.
pub fn put_whole(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io(Action::Create, parent))?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".gongkai-tmp");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, bytes).map_err(io(Action::Write, &tmp))?;
    std::fs::rename(&tmp, path).map_err(io(Action::Replace, path))
}

/// Appends `bytes` to the file at `path`, creating it.
pub fn append_to(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    use std::io::Write as _;
    let mut f = std::fs::OpenOptions::new().create(true).append(true).open(path).map_err(io(Action::Open, path))?;
    f.write_all(bytes).map_err(io(Action::Write, path))
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

/// Makes an I/O error of `action` at `path` a [`WriteError`].
pub fn io<'p>(action: Action, path: &'p Path) -> impl FnOnce(std::io::Error) -> WriteError + 'p {
    move |cause| WriteError::Io { action, path: path.to_path_buf(), cause }
}

impl Staging {
    /// Starts a build of `target`, clearing what an interrupted build left.
    pub fn new(target: &Path) -> Result<Staging, WriteError> {
        let lock_file = beside(target, "lock");
        if let Some(parent) = lock_file.parent() {
            std::fs::create_dir_all(parent).map_err(io(Action::Create, parent))?;
        }
        // The lock comes first: the leftovers below may belong to a build
        // that is still running, and only its holder may remove them.
        let lock = OutputLock::take(&lock_file, target)?;
        let dir = beside(target, "new");
        let old = beside(target, "old");
        for leftover in [&dir, &old] {
            if leftover.exists() {
                std::fs::remove_dir_all(leftover).map_err(io(Action::RemoveLeftover, leftover))?;
            }
        }
        std::fs::create_dir(&dir).map_err(io(Action::Create, &dir))?;
        let marker = dir.join(MARKER);
        std::fs::write(&marker, MARKER_TEXT).map_err(io(Action::Write, &marker))?;
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
        let old = beside(&self.target, "old");
        if self.target.exists() {
            if !self.target.is_dir() {
                return Err(WriteError::UnsafeOutput { path: self.target.clone(), why: Refusal::File });
            }
            if exchange(&self.dir, &self.target).is_ok() {
                // The previous output is now at the staging path.
                std::fs::rename(&self.dir, &old).map_err(io(Action::MoveAside, &self.dir))?;
            } else {
                std::fs::rename(&self.target, &old).map_err(io(Action::MoveAside, &self.target))?;
                std::fs::rename(&self.dir, &self.target).map_err(io(Action::MoveIntoPlace, &self.dir))?;
            }
            self.committed = true;
            std::fs::remove_dir_all(&old).map_err(io(Action::RemovePrevious, &old))?;
        } else {
            std::fs::rename(&self.dir, &self.target).map_err(io(Action::MoveIntoPlace, &self.dir))?;
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
            std::fs::write(&path, bytes).map_err(io(Action::Write, &path))?;
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
        let bytes = std::fs::read(path).map_err(io(Action::Read, path))?;
        std::fs::remove_file(path).map_err(io(Action::Replace, path))?;
        std::fs::write(path, bytes).map_err(io(Action::Write, path))?;
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
            .map_err(io(Action::Lock, path))?;
        if try_lock(&file, path)? && same_file(&file, path) {
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

/// Tries to lock `file` (at `path`) exclusively without waiting; false when it is held.
fn try_lock(file: &std::fs::File, path: &Path) -> Result<bool, WriteError> {
    match file.try_lock() {
        Ok(()) => Ok(true),
        Err(std::fs::TryLockError::WouldBlock) => Ok(false),
        Err(std::fs::TryLockError::Error(cause)) => Err(io(Action::Lock, path)(cause)),
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

    #[test]
    fn a_folder_that_is_not_gongkais_is_refused_in_chinese_with_what_to_do() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        std::fs::create_dir_all(root.join("content")).unwrap();
        let docs = tmp.path().join("docs");
        std::fs::create_dir(&docs).unwrap();
        std::fs::write(docs.join("工作总结.docx"), "x").unwrap();
        let err = guard_output(&root, &[root.join("content")], &docs).unwrap_err();
        assert!(matches!(err, WriteError::UnsafeOutput { why: Refusal::NotOurs, .. }), "{err:?}");
        let text = err.to_string();
        assert!(
            text.starts_with(&format!(
                "不能生成到 {}：该文件夹不是空的，也不是 gongkai 生成的",
                resolve(&docs).display()
            ))
        );
        assert!(
            text.contains("`.gongkai-output`") && text.contains("请清空它，或用 --output 另选一个文件夹"),
            "{text}"
        );
        let file = tmp.path().join("a-file");
        std::fs::write(&file, "x").unwrap();
        let err = guard_output(&root, &[], &file).unwrap_err().to_string();
        assert!(err.ends_with("：它是一个文件，不是文件夹"), "{err}");
        let err = guard_output(&root, &[root.join("content")], &root.join("content/out")).unwrap_err().to_string();
        assert!(err.contains("它包含站点的源文件") && err.contains("`content/`"), "{err}");
    }

    #[test]
    fn a_held_lock_and_io_errors_are_said_in_chinese() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        let _first = Staging::new(&target).unwrap();
        let busy = Staging::new(&target).unwrap_err().to_string();
        assert_eq!(busy, format!("另一个 gongkai 正在生成到 {}：请等它结束后再生成", target.display()));
        let denied = io(Action::Write, Path::new("public/index.html"))(std::io::ErrorKind::PermissionDenied.into());
        assert_eq!(denied.to_string(), "无法写入 public/index.html：没有权限");
        assert_eq!(WriteError::Escape("../x".into()).to_string(), "拒绝写入 `../x`：它在输出文件夹以外");
    }
}
