//! The preview's private folder under the system's temporary directory.
//!
//! The temporary directory is shared with every user of the machine, so the
//! folder is created the one safe way: a name no one can guess
//! (`gongkai-serve-<pid>-<random>`), created by a single `mkdir` that fails
//! when anything, a planted symbolic link included, already has that name,
//! with mode 0700. Folders of killed previews are removed at the next start,
//! but only real directories owned by this user: never a symbolic link,
//! never another user's folder. (In a temporary directory with the sticky
//! bit, as `/tmp` always has, no other user can rename or replace a folder of
//! ours between that check and its removal; `remove_dir_all` itself never
//! follows symbolic links inside it.)

use std::ffi::OsStr;
use std::io::{self, Read};
use std::os::unix::fs::{DirBuilderExt, MetadataExt};
use std::path::{Path, PathBuf};

/// Start of the name of every preview folder.
pub const PREFIX: &str = "gongkai-serve-";

/// Names tried before giving up. A random 64-bit name is taken only if
/// someone planted it (or in a one-in-2⁶⁴ collision): a few retries make a
/// failure practically impossible without a second guess being predictable.
const ATTEMPTS: usize = 8;

/// 64 unpredictable bits: from `/dev/urandom`, else from the keys std seeds
/// from the operating system's random source for every hash map.
fn random() -> u64 {
    let mut bytes = [0u8; 8];
    if std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes)).is_ok() {
        return u64::from_ne_bytes(bytes);
    }
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos()));
    hasher.finish()
}

/// Creates the folder `path`, mode 0700; fails when anything exists there
/// (a symbolic link is never followed: `mkdir` does not follow the last
/// component of its path).
pub fn create_private(path: &Path) -> io::Result<()> {
    std::fs::DirBuilder::new().mode(0o700).create(path)
}

/// Removes the preview folder `work` (or a build folder inside it) without
/// waiting for its files to go: it is renamed at once to a name of its own
/// (`<name>.gone`, so a preview starting later sweeps the preview folder
/// like any folder of a dead preview), and a
/// separate `rm -rf`, in a process group of its own so that a later Ctrl-C
/// at the terminal does not stop it, removes that. The preview of 10,000
/// reports writes half a gigabyte: removing it took 3 to 40 seconds, during
/// which Ctrl-C seemed not to work. Where that cannot be started, the folder
/// is removed here, as before.
pub fn remove_in_background(work: &Path) {
    use std::os::unix::process::CommandExt;
    let mut gone = work.as_os_str().to_owned();
    gone.push(".gone");
    let gone = PathBuf::from(gone);
    if std::fs::rename(work, &gone).is_ok() {
        let quiet = || std::process::Stdio::null();
        let started = std::process::Command::new("rm")
            .arg("-rf")
            .arg("--")
            .arg(&gone)
            .stdin(quiet())
            .stdout(quiet())
            .stderr(quiet())
            .process_group(0)
            .spawn();
        if started.is_ok() {
            return;
        }
        let _ = std::fs::remove_dir_all(&gone);
        return;
    }
    for _ in 0..5 {
        if std::fs::remove_dir_all(work).is_ok() || !work.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// Creates a new private preview folder in `tmp`.
pub fn create(tmp: &Path) -> io::Result<PathBuf> {
    let mut last = io::Error::from(io::ErrorKind::AlreadyExists);
    for _ in 0..ATTEMPTS {
        let path = tmp.join(format!("{PREFIX}{}-{:016x}", std::process::id(), random()));
        match create_private(&path) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = e,
            Err(e) => return Err(e),
        }
    }
    Err(last)
}

/// The process id in a preview folder's name: `gongkai-serve-<pid>-<random>`
/// (or `gongkai-serve-<pid>`, as earlier versions named it).
fn owner_pid(name: &OsStr) -> Option<u32> {
    let rest = name.to_str()?.strip_prefix(PREFIX)?;
    rest.split_once('-').map_or(rest, |(pid, _)| pid).parse().ok()
}

/// The effective user id of this process.
fn euid() -> u32 {
    // SAFETY: geteuid(2) takes no argument, cannot fail and touches no memory.
    unsafe { libc::geteuid() }
}

/// Removes the preview folders in `tmp` left by previews that were killed
/// (their process is gone): real directories owned by this user only.
pub fn remove_stale(tmp: &Path) {
    // Without /proc a running preview cannot be told from a dead one.
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(tmp) else { return };
    let me = euid();
    for entry in entries.flatten() {
        let Some(pid) = owner_pid(&entry.file_name()) else { continue };
        if pid == std::process::id() || Path::new(&format!("/proc/{pid}")).exists() {
            continue;
        }
        let path = entry.path();
        // symlink_metadata: the entry itself, never what a link points to.
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_dir() && meta.uid() == me => {
                let _ = std::fs::remove_dir_all(&path);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    /// A process id that cannot be running: above Linux's largest (2²²).
    const DEAD: u32 = 4_000_000_000;

    #[test]
    fn folders_are_new_private_and_unpredictable() {
        let tmp = tempfile::tempdir().unwrap();
        let a = create(tmp.path()).unwrap();
        let b = create(tmp.path()).unwrap();
        assert_ne!(a, b);
        for dir in [&a, &b] {
            let meta = std::fs::symlink_metadata(dir).unwrap();
            assert!(meta.file_type().is_dir());
            assert_eq!(meta.permissions().mode() & 0o777, 0o700);
            assert_eq!(owner_pid(dir.file_name().unwrap()), Some(std::process::id()));
        }
    }

    #[test]
    fn a_planted_link_is_never_used_as_the_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let theirs = tmp.path().join("theirs");
        std::fs::create_dir(&theirs).unwrap();
        let planted = tmp.path().join(format!("{PREFIX}{}-0000000000000000", std::process::id()));
        std::os::unix::fs::symlink(&theirs, &planted).unwrap();
        let err = create_private(&planted).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        // The same for a planted real folder: it is someone else's.
        let err = create_private(&theirs).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_dir(&theirs).unwrap().count(), 0, "nothing written through the link");
    }

    #[test]
    fn stale_folders_go_but_links_and_live_previews_stay() {
        let tmp = tempfile::tempdir().unwrap();
        let victim = tmp.path().join("victim");
        std::fs::create_dir(&victim).unwrap();
        std::fs::write(victim.join("precious.txt"), "keep").unwrap();
        // Links named like stale folders, in both the current and the older form.
        let links = [format!("{PREFIX}{DEAD}-00000000000000ab"), format!("{PREFIX}{DEAD}")];
        for name in &links {
            std::os::unix::fs::symlink(&victim, tmp.path().join(name)).unwrap();
        }
        // A regular file named like one.
        std::fs::write(tmp.path().join(format!("{PREFIX}{DEAD}-file")), "x").unwrap();
        // A dead preview's folder, and a live one's (this process).
        let stale = tmp.path().join(format!("{PREFIX}{DEAD}-00000000000000cd"));
        std::fs::create_dir_all(stale.join("build-1")).unwrap();
        let live = tmp.path().join(format!("{PREFIX}{}-00000000000000ef", std::process::id()));
        std::fs::create_dir(&live).unwrap();

        remove_stale(tmp.path());

        for name in &links {
            let meta = std::fs::symlink_metadata(tmp.path().join(name)).expect("the link is still there");
            assert!(meta.file_type().is_symlink());
        }
        assert_eq!(std::fs::read_to_string(victim.join("precious.txt")).unwrap(), "keep");
        assert!(tmp.path().join(format!("{PREFIX}{DEAD}-file")).exists());
        assert!(!stale.exists(), "a dead preview's folder is removed");
        assert!(live.exists(), "a live preview's folder stays");
    }

    #[test]
    fn another_users_folder_stays() {
        if euid() != 0 {
            // Only root can give a folder away; the check is the same for everyone.
            return;
        }
        let tmp = tempfile::tempdir().unwrap();
        for name in [format!("{PREFIX}{DEAD}-0000000000000012"), format!("{PREFIX}{}", DEAD + 1)] {
            let theirs = tmp.path().join(name);
            std::fs::create_dir(&theirs).unwrap();
            std::os::unix::fs::chown(&theirs, Some(65534), Some(65534)).unwrap();
        }
        remove_stale(tmp.path());
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 2, "not ours: kept");
    }

    #[test]
    fn a_folder_removed_in_the_background_is_gone_at_once_and_its_files_soon_after() {
        let tmp = tempfile::tempdir().unwrap();
        let work = create(tmp.path()).unwrap();
        for i in 0..200 {
            let dir = work.join(format!("build-1/reports/{i}"));
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join("index.html"), "x").unwrap();
        }
        remove_in_background(&work);
        assert!(!work.exists(), "the preview folder is gone when the call returns");
        // Its files go in the background: a later preview would sweep the rest.
        let gone = tmp.path().join(format!("{}.gone", work.file_name().unwrap().to_string_lossy()));
        assert_eq!(owner_pid(gone.file_name().unwrap()), Some(std::process::id()));
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while gone.exists() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        assert!(!gone.exists(), "removed in the background");
    }
}
