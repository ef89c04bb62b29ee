//! Reading files into text: encodings, BOMs, line endings, and positions.
//!
//! Webmasters' files come from Word, WPS and old Windows editors. A UTF-8 BOM
//! and CRLF endings are accepted silently; GBK/GB18030 and UTF-16 files are
//! refused with a message that names the encoding and how to convert, because
//! guessing an encoding risks publishing mojibake in an official document.
//!
//! Every file of a site is read through [`SiteDir`], which confines reading
//! to the site folder: a symbolic link may point elsewhere in the site (the
//! webmaster's own arrangement), but one that leaves it, leads nowhere or
//! loops is refused, so `ln -s /etc/passwd content/pages/x.md` publishes
//! nothing and prints nothing of the target.

use crate::diag::Pos;
use std::collections::BTreeSet;
use std::fs::{File, Metadata};
use std::io::Read as _;
use std::path::{Path, PathBuf};

/// Why a file could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The file has no content at all (or only white space).
    Empty,
    /// The file contains NUL bytes: an image, a Word file, a PDF…
    Binary,
    /// The file is valid GB18030/GBK but not UTF-8.
    Gbk {
        /// Position of the first byte that is not UTF-8.
        pos: Pos,
    },
    /// The file starts with a UTF-16 byte-order mark.
    Utf16,
    /// Not UTF-8 and not any encoding we recognise.
    Invalid {
        /// Position of the first invalid byte.
        pos: Pos,
        /// The offending byte.
        byte: u8,
    },
}

/// Decodes file bytes to text with `\n` line endings.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(DecodeError::Utf16);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(DecodeError::Binary);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.valid_up_to();
            // The valid prefix is UTF-8 by construction, so this cannot fail.
            let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or("");
            let pos = position_at_end(prefix);
            let gbk = encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes);
            return Err(match gbk {
                Some(_) => DecodeError::Gbk { pos },
                None => DecodeError::Invalid { pos, byte: bytes[valid] },
            });
        }
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    // CRLF and a lone CR (old Mac files) are both line breaks, as YAML reads
    // them: keeping a lone CR would shift every later position by a line.
    Ok(if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text.to_owned() })
}

/// The position just after `prefix`.
fn position_at_end(prefix: &str) -> Pos {
    let line = prefix.matches('\n').count() as u32 + 1;
    let last = prefix.rsplit('\n').next().unwrap_or("");
    Pos::new(line, last.chars().count() as u32 + 1, 1)
}

/// Byte offsets of line starts, to turn byte offsets into line and column.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The position of byte `offset` in `text`, with a length of `len_bytes` bytes.
    pub fn pos(&self, text: &str, offset: usize, len_bytes: usize) -> Pos {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let col = text.get(start..offset).map_or(0, |s| s.chars().count()) as u32 + 1;
        let end = (offset + len_bytes).min(text.len());
        let line_end = self.starts.get(line).map_or(text.len(), |&s| s.saturating_sub(1));
        let len = text.get(offset..end.min(line_end.max(offset))).map_or(1, |s| s.chars().count()) as u32;
        Pos::new(line as u32, col, len)
    }

    /// The text of 1-based `line`, without its newline.
    pub fn line<'t>(&self, text: &'t str, line: u32) -> Option<&'t str> {
        let i = (line as usize).checked_sub(1)?;
        let start = *self.starts.get(i)?;
        let end = self.starts.get(i + 1).map_or(text.len(), |&s| s - 1);
        text.get(start..end)
    }
}

/// Why a file or folder of the site was not read. The first three are
/// refused links; none of them carries anything read from the target.
/// Displayed in the run's language as the end of a sentence that starts
/// with the path (`… points outside the site`).
#[derive(Debug)]
pub enum ReadError {
    /// The path resolves outside the site folder (through a symbolic link).
    Outside,
    /// A symbolic link whose target is missing, or a chain of links that loops.
    Dangling,
    /// A folder link back into a folder that is read anyway: following it
    /// would loop, or read the same files twice.
    Loop,
    /// A FIFO, socket or device: reading it could block or never end.
    NotFile,
    /// The file was replaced between opening and checking it.
    Changed,
    /// The operating system refused (missing, deleted meanwhile, no permission).
    Io(std::io::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            ReadError::Outside => crate::t!("in-read-outside"),
            ReadError::Dangling => crate::t!("in-read-dangling"),
            ReadError::Loop => crate::t!("in-read-loop"),
            ReadError::NotFile => crate::t!("in-read-not-file"),
            ReadError::Changed => crate::t!("in-read-changed"),
            ReadError::Io(e) => crate::t!("in-read-io", error = crate::os::reason(e)),
        })
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReadError::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<std::io::Error> for ReadError {
    fn from(e: std::io::Error) -> ReadError {
        ReadError::Io(e)
    }
}

impl ReadError {
    /// Whether this is a refused symbolic link (diagnostic `IN-LINK`), as
    /// opposed to a file that could not be read.
    pub fn is_link(&self) -> bool {
        matches!(self, ReadError::Outside | ReadError::Dangling | ReadError::Loop)
    }

    /// What happened to the path, as the end of a sentence starting with it:
    /// `templates/x.html is a symbolic link that points outside the site`.
    pub fn describe(&self) -> String {
        if self.is_link() { crate::t!("in-read-link", why = self.to_string()) } else { self.to_string() }
    }

    /// Whether the path simply does not exist (an optional folder).
    fn is_missing(&self) -> bool {
        matches!(self, ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound)
    }
}

/// What [`SiteDir::walk`] found at a path.
#[derive(Debug)]
pub enum Kind {
    /// A folder (descended unless at the depth limit).
    Dir,
    /// Anything else: read it with [`SiteDir::read`], which refuses what is
    /// not a regular file.
    File,
}

/// One path found by [`SiteDir::walk`].
#[derive(Debug)]
pub struct Found {
    /// The path as reached from the walked folder (through links, if any).
    pub path: PathBuf,
    /// 0 for the walked folder itself, 1 for what is directly in it, …
    pub depth: usize,
    /// A folder or a file, or why it was refused.
    pub what: Result<Kind, ReadError>,
}

/// The site folder, resolved once. Content, pages, themes, templates and
/// forms are all read through it, so that nothing outside the site is ever
/// read, whatever links the site contains.
#[derive(Debug, Clone)]
pub struct SiteDir {
    /// The folder as given (for naming paths and finding links).
    given: PathBuf,
    /// The same folder with every link resolved: the prefix every read file
    /// must have.
    real: PathBuf,
}

impl SiteDir {
    /// Resolves the site folder `root`.
    pub fn new(root: &Path) -> std::io::Result<SiteDir> {
        Ok(SiteDir { given: root.to_path_buf(), real: std::fs::canonicalize(root)? })
    }

    /// Where `path` really is, if that is inside the site. For folders: a
    /// file is checked again when it is read, since a check before opening
    /// could be raced.
    pub fn resolve(&self, path: &Path) -> Result<PathBuf, ReadError> {
        match std::fs::canonicalize(path) {
            Ok(real) if real.starts_with(&self.real) => Ok(real),
            Ok(_) => Err(ReadError::Outside),
            Err(e) => Err(unresolved(path, e)),
        }
    }

    /// The link to blame for a refused `path`: the path itself or the
    /// nearest folder above it (inside the site) that is a symbolic link.
    pub fn link_of(&self, path: &Path) -> PathBuf {
        path.ancestors()
            .take_while(|a| *a != self.given && a.starts_with(&self.given))
            .find(|a| std::fs::symlink_metadata(a).is_ok_and(|m| m.file_type().is_symlink()))
            .unwrap_or(path)
            .to_path_buf()
    }

    /// Reads a file of the site. The file is opened first and then checked
    /// to lie inside the site, so swapping it for a link mid-build cannot
    /// make gongkai read (let alone publish) a file outside the site.
    pub fn read(&self, path: &Path) -> Result<Vec<u8>, ReadError> {
        let mut file = open(path).map_err(|e| unresolved(path, e))?;
        let meta = file.metadata()?;
        match opened_path(&file) {
            Some(real) if !real.starts_with(&self.real) => return Err(ReadError::Outside),
            Some(_) => {}
            // No /proc: resolve the path and make sure it names the opened file.
            None => {
                let real = self.resolve(path)?;
                if !same_file(&meta, &std::fs::metadata(real)?) {
                    return Err(ReadError::Changed);
                }
            }
        }
        if !meta.is_file() {
            return Err(ReadError::NotFile);
        }
        let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
        file.read_to_end(&mut bytes)?;
        Ok(bytes)
    }

    /// Lists `dir` and everything below it down to `max_depth`, in name
    /// order, parents before their contents (as `walkdir` does), skipping
    /// names for which `skip` holds. A missing `dir` gives nothing.
    ///
    /// Links are resolved: one that stays in the site is followed (a folder
    /// link is descended), one that leaves it, leads nowhere, or leads back
    /// into a folder already being read is returned as refused and not
    /// followed. Each real folder is listed at most once, so the walk is
    /// linear in the size of the tree even with links.
    pub fn walk(&self, dir: &Path, max_depth: usize, skip: &dyn Fn(&str) -> bool) -> Vec<Found> {
        let mut out = Vec::new();
        let real = match self.resolve(dir) {
            Ok(real) => real,
            Err(e) if e.is_missing() => return out,
            Err(why) => {
                out.push(Found { path: dir.to_path_buf(), depth: 0, what: Err(why) });
                return out;
            }
        };
        // Real folders being read, each with everything below it.
        let mut trees = BTreeSet::from([real]);
        let mut stack = vec![(list(dir, 0, &mut out).into_iter(), 1)];
        while let Some((entries, depth)) = stack.last_mut() {
            let depth = *depth;
            let Some((path, file_type)) = entries.next() else {
                stack.pop();
                continue;
            };
            if path.file_name().is_some_and(|n| skip(&n.to_string_lossy())) {
                continue;
            }
            let what = if file_type.is_symlink() {
                self.follow(&path, depth < max_depth, &mut trees)
            } else {
                Ok(file_type.is_dir())
            };
            match what {
                Ok(true) => {
                    out.push(Found { path: path.clone(), depth, what: Ok(Kind::Dir) });
                    if depth < max_depth {
                        let listed = list(&path, depth, &mut out);
                        stack.push((listed.into_iter(), depth + 1));
                    }
                }
                Ok(false) => out.push(Found { path, depth, what: Ok(Kind::File) }),
                Err(why) => out.push(Found { path, depth, what: Err(why) }),
            }
        }
        out
    }

    /// Resolves a link met while walking: whether it is a folder, after
    /// checking that it stays in the site and, if it is to be descended,
    /// that its folder is not already being read (`trees`).
    fn follow(&self, link: &Path, descend: bool, trees: &mut BTreeSet<PathBuf>) -> Result<bool, ReadError> {
        let real = self.resolve(link)?;
        if !std::fs::metadata(&real)?.is_dir() {
            return Ok(false);
        }
        if descend {
            let inside_a_tree = real.ancestors().any(|a| trees.contains(a));
            let holds_a_tree = trees.range(real.clone()..).next().is_some_and(|t| t.starts_with(&real));
            if inside_a_tree || holds_a_tree {
                return Err(ReadError::Loop);
            }
            trees.insert(real);
        }
        Ok(true)
    }
}

/// The entries of folder `dir`, sorted by name, with their own type (links
/// not followed). A folder that cannot be listed is reported in `out`.
fn list(dir: &Path, depth: usize, out: &mut Vec<Found>) -> Vec<(PathBuf, std::fs::FileType)> {
    let mut entries = Vec::new();
    match std::fs::read_dir(dir) {
        Ok(rd) => {
            for entry in rd {
                match entry.and_then(|e| Ok((e.path(), e.file_type()?))) {
                    Ok(e) => entries.push(e),
                    Err(e) => out.push(Found { path: dir.to_path_buf(), depth, what: Err(ReadError::Io(e)) }),
                }
            }
        }
        Err(e) => out.push(Found { path: dir.to_path_buf(), depth, what: Err(ReadError::Io(e)) }),
    }
    entries.sort_by(|a, b| a.0.file_name().cmp(&b.0.file_name()));
    entries
}

/// Why `path` could not be opened or resolved: a dangling or looping link
/// is told apart from a plain missing file.
fn unresolved(path: &Path, e: std::io::Error) -> ReadError {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && (e.kind() == std::io::ErrorKind::NotFound || is_loop(&e)) {
        ReadError::Dangling
    } else {
        ReadError::Io(e)
    }
}

/// Whether an error is "too many levels of symbolic links".
fn is_loop(e: &std::io::Error) -> bool {
    #[cfg(unix)]
    return e.raw_os_error() == Some(libc::ELOOP);
    #[cfg(not(unix))]
    return false;
}

/// Opens a file for reading without blocking on a FIFO and without making a
/// terminal the controlling one.
fn open(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK | libc::O_NOCTTY);
    options.open(path)
}

/// The path of an opened file, as the kernel knows it (Linux `/proc`): the
/// check that cannot be raced, since it is about the open file itself.
#[cfg(target_os = "linux")]
fn opened_path(file: &File) -> Option<PathBuf> {
    use std::os::fd::AsRawFd;
    std::fs::read_link(format!("/proc/self/fd/{}", file.as_raw_fd())).ok()
}

/// Elsewhere there is no portable way: [`SiteDir::read`] falls back to
/// resolving the path and comparing it with the opened file.
#[cfg(not(target_os = "linux"))]
fn opened_path(_: &File) -> Option<PathBuf> {
    None
}

/// Whether two metadata describe the same file (device and inode).
#[cfg(unix)]
fn same_file(a: &Metadata, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

/// Without inodes, the resolved path was checked and that has to do.
#[cfg(not(unix))]
fn same_file(_: &Metadata, _: &Metadata) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_are_accepted() {
        let text = decode(b"\xEF\xBB\xBF---\r\nyear: 2020\r\n---\r\n").unwrap();
        assert_eq!(text, "---\nyear: 2020\n---\n");
    }

    #[test]
    fn gbk_is_named_with_its_position() {
        // "年度" in GBK on line 2.
        let err = decode(b"---\nx: \xC4\xEA\xB6\xC8\n").unwrap_err();
        assert_eq!(err, DecodeError::Gbk { pos: Pos::new(2, 4, 1) });
    }

    #[test]
    fn empty_binary_and_utf16_files_are_refused() {
        assert_eq!(decode(b"  \n\n"), Err(DecodeError::Empty));
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0"), Err(DecodeError::Binary));
        assert_eq!(decode(b"\xFF\xFE-\0-\0"), Err(DecodeError::Utf16));
        assert!(matches!(decode(b"ok \xFF\xFF\xFF"), Err(DecodeError::Invalid { byte: 0xFF, .. })));
    }

    /// A site folder and a folder outside it, each with a file.
    #[cfg(unix)]
    fn site_and_outside() -> (tempfile::TempDir, SiteDir) {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("site/content")).unwrap();
        std::fs::write(tmp.path().join("site/content/a.md"), "inside").unwrap();
        std::fs::write(tmp.path().join("secret"), "outside").unwrap();
        let site = SiteDir::new(&tmp.path().join("site")).unwrap();
        (tmp, site)
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_inside_the_site_only() {
        use std::os::unix::fs::symlink;
        let (tmp, site) = site_and_outside();
        let content = tmp.path().join("site/content");
        symlink("a.md", content.join("in.md")).unwrap();
        symlink(tmp.path().join("secret"), content.join("out.md")).unwrap();
        symlink("missing.md", content.join("gone.md")).unwrap();
        symlink("loop.md", content.join("loop.md")).unwrap();
        assert_eq!(site.read(&content.join("in.md")).unwrap(), b"inside");
        assert!(matches!(site.read(&content.join("out.md")), Err(ReadError::Outside)));
        assert!(matches!(site.read(&content.join("gone.md")), Err(ReadError::Dangling)));
        assert!(matches!(site.read(&content.join("loop.md")), Err(ReadError::Dangling)));
        // A file deleted before it is read: a plain error, not a link.
        let err = site.read(&content.join("deleted.md")).unwrap_err();
        assert!(matches!(&err, ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound), "{err}");
        assert!(!err.is_link());
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let (tmp, site) = site_and_outside();
        let fifo = tmp.path().join("site/content/fifo.md");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: `c` is a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert!(matches!(site.read(&fifo), Err(ReadError::NotFile)));
    }

    #[cfg(unix)]
    #[test]
    fn the_walk_refuses_folder_links_that_leave_or_loop_and_names_the_link() {
        use std::os::unix::fs::symlink;
        let (tmp, site) = site_and_outside();
        let content = tmp.path().join("site/content");
        std::fs::create_dir_all(tmp.path().join("site/shared/deep")).unwrap();
        std::fs::write(tmp.path().join("site/shared/deep/b.md"), "b").unwrap();
        symlink("../shared", content.join("shared")).unwrap();
        symlink(tmp.path(), content.join("out")).unwrap();
        symlink("..", content.join("up")).unwrap();
        symlink(".", tmp.path().join("site/shared/deep/again")).unwrap();
        let found = site.walk(&content, usize::MAX, &|n| n.starts_with('.'));
        let seen: Vec<(String, usize, String)> = found
            .iter()
            .map(|f| {
                let rel = f.path.strip_prefix(&content).unwrap().display().to_string();
                let what = match &f.what {
                    Ok(k) => format!("{k:?}"),
                    Err(e) => e.to_string(),
                };
                (rel, f.depth, what)
            })
            .collect();
        let expected = [
            ("a.md", 1, "File"),
            ("out", 1, "指向站点文件夹以外"),
            ("shared", 1, "Dir"),
            ("shared/deep", 2, "Dir"),
            ("shared/deep/again", 3, "指回一个正在读取的文件夹（跟随它会无限循环）"),
            ("shared/deep/b.md", 3, "File"),
            ("up", 1, "指回一个正在读取的文件夹（跟随它会无限循环）"),
        ];
        let expected: Vec<(String, usize, String)> =
            expected.iter().map(|(p, d, w)| ((*p).to_owned(), *d, (*w).to_owned())).collect();
        assert_eq!(seen, expected);
        assert_eq!(site.link_of(&content.join("out/secret")), content.join("out"));
        assert!(site.walk(&content.join("none"), 1, &|_| false).is_empty(), "a missing folder is empty");
    }

    #[test]
    fn line_index_counts_characters() {
        let text = "ab\n百步镇 x\n";
        let idx = LineIndex::new(text);
        let off = text.find('x').unwrap();
        assert_eq!(idx.pos(text, off, 1), Pos::new(2, 5, 1));
        assert_eq!(idx.line(text, 2), Some("百步镇 x"));
        assert_eq!(idx.line(text, 9), None);
    }
}
