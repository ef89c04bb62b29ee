//! The memo: each report file's parse and narrative checks, remembered
//! across runs, so that `check`, `build` and the preview's start read an
//! unchanged report back instead of parsing and checking it again.
//!
//! Parsing a report and running [`crate::check::check_text`] on it is 90 % of
//! `check`'s time, and its result depends on nothing but the file's text and
//! path, the forms and the language of the messages. So it is remembered
//! under a key made of exactly those, the **content key**: 128 bits of the
//! binary's identity (version, size and time of the executable), the
//! language, the site's forms (and the agencies' parents the forms'
//! `applies_to` reads), the file's path and its text. A changed text, a new
//! binary, another language or an edited form is another key: a memo is
//! never stale, it is only unused. Nothing about the file's time is
//! trusted, so an edit within the file system's time resolution is seen.
//!
//! Everything after it runs on every run as before: the attachments are read
//! again, and the rules over a report's tables, its agency, other years and
//! the whole site run on the reports as recalled. So the findings and the
//! output are the same with and without the memo (tested).
//!
//! The memos live in one file in the site, `.gongkai-cache/reports.bin`
//! (like Jekyll's `.jekyll-cache`; git should ignore it): the records, then
//! their index, then a footer. A run that loads the whole site writes a new
//! file holding the memos it used, so the file never outgrows the site, and
//! replaces the old one in one rename; a run that used every memo and made
//! none writes nothing. Anything unreadable, malformed or foreign is a
//! miss; a memo that cannot be written is simply not kept. `--no-cache`
//! neither reads nor writes it.

mod codec;

use crate::diag::Diagnostic;
use crate::form::Forms;
use crate::model::Report;
use crate::model::fnv::{Fnv, FnvMap, fnv1a};
use std::fs::File;
use std::hash::Hasher;
use std::io::{BufWriter, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The layout's version: a file of another version is not read.
const FORMAT: u32 = 1;

/// The footer's last bytes.
const MAGIC: &[u8; 8] = b"gkmemo\0\x01";

/// Footer: entries (u64), index offset (u64), context (u128), magic.
const FOOTER: usize = 8 + 8 + 16 + MAGIC.len();

/// One index entry: key (u128), offset (u64), length (u64), FNV-1a of the bytes (u64).
const ENTRY: usize = 16 + 8 + 8 + 8;

/// Whether a run that loads the whole site recalls and keeps memos.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Memos {
    /// Recall what is remembered, remember what is new (the commands' default).
    Use,
    /// Parse and check every report (`--no-cache`, the library's [`crate::site::Site::load`]).
    Ignore,
}

/// A report file's content key (see the module's documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key(u128);

/// Where a memo lies in a file, and the hash of its bytes: the file is not
/// synced to disk before it replaces the last one (a memo is worth less than
/// the time), so a memo damaged by a crash is told by its hash and unused.
#[derive(Debug, Clone, Copy)]
struct Span {
    offset: u64,
    len: u64,
    hash: u64,
}

/// The memos of one site, as a run uses and makes them.
pub enum Memo {
    /// Nothing is recalled or remembered (`--no-cache`, `check` of the
    /// library's [`crate::site::Site::load`], the preview's reloads).
    Off,
    /// The memos of `file`, and the new file being written beside it.
    On(Box<Store>),
}

/// The open memo file and the one that will replace it.
pub struct Store {
    /// `.gongkai-cache/reports.bin` of the site.
    file: PathBuf,
    /// The hash of everything a memo depends on besides its file.
    context: u128,
    /// The memos of the last run, if their file was readable and of this context.
    old: Option<(File, FnvMap<Key, Span>)>,
    /// What this run writes: the new file, the old memos used (copied in
    /// at the end) and the new ones (appended as they are made).
    new: Mutex<Writing>,
}

/// The new memo file as it is written.
struct Writing {
    /// The temporary file, once a memo is written to it.
    out: Option<BufWriter<File>>,
    /// Whether creating or writing it failed: this run keeps no memo.
    broken: bool,
    /// Its path.
    path: PathBuf,
    /// Bytes written so far.
    len: u64,
    /// The new memos, where they are in the new file.
    made: Vec<(Key, Span)>,
    /// The old memos recalled, where they are in the old file.
    used: Vec<(Key, Span)>,
}

impl Memo {
    /// The memos of the site at `root`, checked with `forms`, for a run that
    /// loads the whole site; [`Memo::Off`] when they are to be ignored or
    /// the binary cannot be identified.
    pub fn open(root: &Path, forms: &Forms, memos: Memos) -> Memo {
        if memos == Memos::Ignore {
            return Memo::Off;
        }
        let Some(context) = context(forms) else { return Memo::Off };
        let file = crate::layout::memo(root);
        let old = File::open(&file).ok().and_then(|f| index_of(&f, context).map(|index| (f, index)));
        let path = file.with_extension(format!("{}.partial", std::process::id()));
        let writing = Writing { out: None, broken: false, path, len: 0, made: Vec::new(), used: Vec::new() };
        Memo::On(Box::new(Store { file, context, old, new: Mutex::new(writing) }))
    }

    /// The key of the report file `path` holding `text`, whose FNV-1a is
    /// `text_hash`: SipHash of the context, the path and the text, beside
    /// FNV-1a of the context, the path and `text_hash` (the loader hashes
    /// each text with FNV-1a once, for this and the report's `source_hash`).
    /// Two texts share a key only if both hashes collide at once.
    pub fn key(&self, path: &Path, text: &str, text_hash: u64) -> Option<Key> {
        let Memo::On(store) = self else { return None };
        let path = path.to_str()?;
        let head: [&[u8]; 3] = [&store.context.to_le_bytes(), path.as_bytes(), b"\0"];
        let mut sip = std::hash::DefaultHasher::new();
        let mut fnv = Fnv::default();
        for part in head {
            sip.write(part);
            fnv.write(part);
        }
        sip.write(text.as_bytes());
        fnv.write(&text_hash.to_le_bytes());
        Some(Key((u128::from(sip.finish()) << 64) | u128::from(fnv.finish())))
    }

    /// The report and findings remembered under `key`, for the file `path`.
    pub fn recall(&self, key: Key, path: &Arc<PathBuf>, forms: &Forms) -> Option<(Option<Report>, Vec<Diagnostic>)> {
        let Memo::On(store) = self else { return None };
        let (file, index) = store.old.as_ref()?;
        let span = *index.get(&key)?;
        let mut bytes = vec![0; usize::try_from(span.len).ok()?];
        file.read_exact_at(&mut bytes, span.offset).ok()?;
        if fnv1a(&bytes) != span.hash {
            return None;
        }
        let recalled = codec::decode(&bytes, path, forms)?;
        if let Ok(mut new) = store.new.lock() {
            new.used.push((key, span));
        }
        Some(recalled)
    }

    /// Remembers what loading the file `path` gave, under `key`.
    pub fn remember(&self, key: Key, path: &Path, report: Option<&Report>, diags: &[Diagnostic]) {
        let Memo::On(store) = self else { return };
        let Some(bytes) = codec::encode(path, report, diags) else { return };
        if let Ok(mut new) = store.new.lock() {
            new.append(key, &bytes);
        }
    }

    /// Ends the run: when memos were made or some went unused, the new
    /// file (the memos used, then the new ones) replaces the old one.
    pub fn save(self) {
        let Memo::On(store) = self else { return };
        let Store { file, context, old, new } = *store;
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
    /// Appends a new memo; a failure (a full disk) ends the writing, not the run.
    fn append(&mut self, key: Key, bytes: &[u8]) {
        let Some(out) = self.open() else { return };
        if out.write_all(bytes).is_err() {
            self.broken = true;
            return;
        }
        self.made.push((key, Span { offset: self.len, len: bytes.len() as u64, hash: fnv1a(bytes) }));
        self.len += bytes.len() as u64;
    }

    /// Copies the old memos used, then writes the index and the footer.
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
            out.write_all(&key.0.to_le_bytes()).ok()?;
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
            self.out =
                created.and_then(|()| File::create(&self.path).ok()).map(|f| BufWriter::with_capacity(1 << 16, f));
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

/// The index of the memo file `file`, if it is whole and of `context`.
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
        index.insert(Key(key), Span { offset, len, hash });
    }
    Some(index)
}

/// Everything a memo depends on besides its file: the layout, the binary,
/// the language of the messages and the site's forms.
fn context(forms: &Forms) -> Option<u128> {
    let exe = std::env::current_exe().ok().and_then(|p| std::fs::metadata(p).ok())?;
    let modified = exe.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?.as_nanos();
    let binary = format!("{FORMAT}\0{}\0{}\0{modified}\0", env!("CARGO_PKG_VERSION"), exe.len());
    let language = crate::i18n::current().tag();
    let mut sip = std::hash::DefaultHasher::new();
    let mut fnv = Fnv::default();
    for part in [binary.as_bytes(), language.as_bytes(), b"\0", forms.fingerprint().as_bytes()] {
        sip.write(part);
        fnv.write(part);
    }
    Some((u128::from(sip.finish()) << 64) | u128::from(fnv.finish()))
}

#[cfg(test)]
mod tests;
