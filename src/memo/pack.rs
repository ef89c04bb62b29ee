//! A pack: one file of byte records under 128-bit keys, read where they lie
//! and replaced whole at the end of a run.
//!
//! Layout: the records, then their index (key, offset, length and FNV-1a of
//! each), then a footer (entries, the index's offset, the context, a magic
//! number). A run reads the footer and the index only; a record is read
//! when it is asked for. Its new pack holds the records it used, copied at
//! the end, and those it made, appended as they come, so a pack never
//! outgrows what the site needs; a run that used every record and made none
//! writes nothing. The new file replaces the old in one rename. It is not
//! synced first (a memo is worth less than the time): a record damaged by a
//! crash is told by its hash and unused, a cut file by its footer.

use crate::model::fnv::{FnvMap, fnv1a};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The footer's last bytes (the last one is the layout's version).
const MAGIC: &[u8; 8] = b"gkmemo\0\x01";

/// Footer: entries (u64), index offset (u64), context (u128), magic.
const FOOTER: usize = 8 + 8 + 16 + MAGIC.len();

/// One index entry: key (u128), offset (u64), length (u64), FNV-1a of the bytes (u64).
const ENTRY: usize = 16 + 8 + 8 + 8;

/// A record's key.
pub type Key = u128;

/// Where a record lies in a file, and the hash of its bytes.
#[derive(Debug, Clone, Copy)]
struct Span {
    offset: u64,
    len: u64,
    hash: u64,
}

/// The pack a run reads, and the one it writes to replace it.
pub struct Pack {
    /// The pack's file.
    file: PathBuf,
    /// What every record depends on besides its key: a pack of another
    /// context is not read.
    context: u128,
    /// The records of the last run, if their file was whole and of this context.
    old: Option<(File, FnvMap<Key, Span>)>,
    /// What this run writes.
    new: Mutex<Writing>,
}

/// The new pack as it is written.
struct Writing {
    /// The temporary file, once a record is written to it.
    out: Option<BufWriter<File>>,
    /// Whether creating or writing it failed: this run keeps nothing.
    broken: bool,
    /// Its path.
    path: PathBuf,
    /// Bytes written so far.
    len: u64,
    /// The new records, where they are in the new file.
    made: Vec<(Key, Span)>,
    /// The old records used, where they are in the old file.
    used: Vec<(Key, Span)>,
}

impl Pack {
    /// The pack in `file` if it is of `context` (else an empty one).
    /// A pack whose folder or file is a symbolic link is neither read nor
    /// written: the cache stays inside the site, like everything gongkai
    /// writes there.
    pub fn open(file: PathBuf, context: u128) -> Pack {
        let linked = |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink());
        let refused = file.parent().is_none_or(linked);
        if !refused {
            sweep(&file);
        }
        let old = if refused {
            None
        } else {
            open_nofollow(&file).and_then(|f| index_of(&f, context).map(|index| (f, index)))
        };
        let path = file.with_extension(format!("{}.partial", std::process::id()));
        let writing = Writing { out: None, broken: refused, path, len: 0, made: Vec::new(), used: Vec::new() };
        Pack { file, context, old, new: Mutex::new(writing) }
    }

    /// How many records the last run left.
    pub fn held(&self) -> usize {
        self.old.as_ref().map_or(0, |(_, index)| index.len())
    }

    /// How many records this run has used so far.
    pub fn used(&self) -> usize {
        self.new.lock().map_or(0, |new| new.used.len())
    }

    /// The record under `key`, if the last run left it whole; it is kept for the next run.
    pub fn get(&self, key: Key) -> Option<Vec<u8>> {
        let (file, index) = self.old.as_ref()?;
        let span = *index.get(&key)?;
        let mut bytes = vec![0; usize::try_from(span.len).ok()?];
        file.read_exact_at(&mut bytes, span.offset).ok()?;
        (fnv1a(&bytes) == span.hash).then_some(bytes)
    }

    /// Keeps the record under `key`, got with [`Pack::get`] and found good, for the next run.
    pub fn keep(&self, key: Key) {
        let Some(&span) = self.old.as_ref().and_then(|(_, index)| index.get(&key)) else { return };
        if let Ok(mut new) = self.new.lock() {
            new.used.push((key, span));
        }
    }

    /// Writes a new record under `key`; a failure (a full disk) ends the writing, not the run.
    pub fn put(&self, key: Key, bytes: &[u8]) {
        if let Ok(mut new) = self.new.lock() {
            new.append(key, bytes);
        }
    }

    /// Ends the run: when records were made or some went unused, the new
    /// pack (the records used, then the new ones) replaces the old one.
    pub fn save(self) {
        let Pack { file, context, old, new } = self;
        let Ok(mut new) = new.into_inner() else { return };
        let unused = old.as_ref().is_some_and(|(_, index)| index.len() > new.used.len());
        if new.made.is_empty() && !unused {
            new.discard();
            return;
        }
        if new.finish(old.as_ref().map(|(f, _)| f), context).is_none() || std::fs::rename(&new.path, &file).is_err() {
            new.discard();
        }
    }
}

impl Writing {
    /// Appends a new record.
    fn append(&mut self, key: Key, bytes: &[u8]) {
        let Some(out) = self.open() else { return };
        if out.write_all(bytes).is_err() {
            self.broken = true;
            return;
        }
        self.made.push((key, Span { offset: self.len, len: bytes.len() as u64, hash: fnv1a(bytes) }));
        self.len += bytes.len() as u64;
    }

    /// Copies the old records used, then writes the index and the footer.
    fn finish(&mut self, old: Option<&File>, context: u128) -> Option<()> {
        self.open()?;
        let mut out = self.out.take()?;
        let mut index = std::mem::take(&mut self.made);
        let mut bytes = Vec::new();
        for &(key, span) in &self.used {
            bytes.resize(usize::try_from(span.len).ok()?, 0);
            old?.read_exact_at(&mut bytes, span.offset).ok()?;
            out.write_all(&bytes).ok()?;
            index.push((key, Span { offset: self.len, ..span }));
            self.len += span.len;
        }
        let at = self.len;
        for (key, span) in &index {
            out.write_all(&key.to_le_bytes()).ok()?;
            out.write_all(&span.offset.to_le_bytes()).ok()?;
            out.write_all(&span.len.to_le_bytes()).ok()?;
            out.write_all(&span.hash.to_le_bytes()).ok()?;
        }
        out.write_all(&(index.len() as u64).to_le_bytes()).ok()?;
        out.write_all(&at.to_le_bytes()).ok()?;
        out.write_all(&context.to_le_bytes()).ok()?;
        out.write_all(MAGIC).ok()?;
        out.flush().ok()
    }

    /// The temporary file, created (with its folder) on first use; `None` once broken.
    fn open(&mut self) -> Option<&mut BufWriter<File>> {
        if self.broken {
            return None;
        }
        if self.out.is_none() {
            let created = self.path.parent().and_then(|dir| std::fs::create_dir_all(dir).ok());
            // A new file, never one already there (nor a link planted in its place).
            let file = created.and_then(|()| File::options().write(true).create_new(true).open(&self.path).ok());
            self.out = file.map(|f| BufWriter::with_capacity(1 << 16, f));
            self.broken = self.out.is_none();
        }
        self.out.as_mut()
    }

    /// Removes the temporary file.
    fn discard(&mut self) {
        self.out = None;
        let _ = std::fs::remove_file(&self.path);
    }
}

impl Drop for Writing {
    /// A run that stops before [`Pack::save`] (an error in the build) leaves no temporary file.
    fn drop(&mut self) {
        if self.out.is_some() || !self.made.is_empty() {
            self.discard();
        }
    }
}

/// `path` opened for reading unless it is a symbolic link.
fn open_nofollow(path: &Path) -> Option<File> {
    use std::os::unix::fs::OpenOptionsExt;
    File::options().read(true).custom_flags(libc::O_NOFOLLOW).open(path).ok()
}

/// The index of the pack `file`, if it is whole and of `context`.
fn index_of(file: &File, context: u128) -> Option<FnvMap<Key, Span>> {
    let size = file.metadata().ok()?.len();
    let mut footer = [0u8; FOOTER];
    file.read_exact_at(&mut footer, size.checked_sub(FOOTER as u64)?).ok()?;
    let (count, rest) = footer.split_at(8);
    let (at, rest) = rest.split_at(8);
    let (ctx, magic) = rest.split_at(16);
    if magic != MAGIC || u128::from_le_bytes(ctx.try_into().ok()?) != context {
        return None;
    }
    let count = u64::from_le_bytes(count.try_into().ok()?);
    let at = u64::from_le_bytes(at.try_into().ok()?);
    let table_len = count.checked_mul(ENTRY as u64)?;
    if at.checked_add(table_len)?.checked_add(FOOTER as u64)? != size {
        return None;
    }
    let mut table = vec![0u8; usize::try_from(table_len).ok()?];
    file.read_exact_at(&mut table, at).ok()?;
    let mut index = FnvMap::default();
    for entry in table.chunks_exact(ENTRY) {
        let key = u128::from_le_bytes(entry[..16].try_into().ok()?);
        let offset = u64::from_le_bytes(entry[16..24].try_into().ok()?);
        let len = u64::from_le_bytes(entry[24..32].try_into().ok()?);
        let hash = u64::from_le_bytes(entry[32..].try_into().ok()?);
        if offset.checked_add(len)? > at {
            return None;
        }
        index.insert(key, Span { offset, len, hash });
    }
    Some(index)
}

/// 128 bits of `head` then `tail`: SipHash of both beside FNV-1a of `head`
/// and `tail_fnv`, the FNV-1a of `tail` (which the caller may have for
/// another use already). Two inputs share a key only if both hashes collide.
pub fn key_of(head: &[&[u8]], tail: &[u8], tail_fnv: u64) -> Key {
    use std::hash::Hasher;
    let mut sip = std::hash::DefaultHasher::new();
    let mut fnv = crate::model::fnv::Fnv::default();
    for part in head {
        sip.write(part);
        fnv.write(part);
    }
    sip.write(tail);
    fnv.write(&tail_fnv.to_le_bytes());
    (u128::from(sip.finish()) << 64) | u128::from(fnv.finish())
}

/// Removes what runs that died left beside `file`: their temporary packs,
/// `<name>.<pid>.partial`, of a process that is no more.
fn sweep(file: &Path) {
    let (Some(dir), Some(stem)) = (file.parent(), file.file_stem().and_then(|s| s.to_str())) else { return };
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(stem))
            .and_then(|n| n.strip_prefix('.'))
            .and_then(|n| n.strip_suffix(".partial"))
            .and_then(|n| n.parse::<libc::pid_t>().ok())
        else {
            continue;
        };
        // SAFETY: kill with signal 0 sends nothing; it only asks whether the process exists.
        let gone =
            unsafe { libc::kill(pid, 0) } == -1 && std::io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH);
        if gone {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
