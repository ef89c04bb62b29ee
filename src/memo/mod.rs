//! The memo: each report file's parse and narrative checks, remembered
//! across runs, so that `check`, `build` and the preview's start read an
//! unchanged report back instead of parsing and checking it again.
//!
//! Parsing a report and running [`crate::check::check_text`] on it is 90 % of
//! `check`'s time, and its result depends on nothing but the file's text and
//! path, the forms and the language of the messages. So it is remembered
//! under exactly those: the pack's **context** is a hash of the binary's
//! identity (version, size and time of the executable), the language and
//! the site's forms (with the agencies' parents the forms' `applies_to`
//! reads), and a pack of another context is not read; each memo's **key** is
//! 128 bits of the file's path and text. A changed text, a new binary,
//! another language or an edited form misses: a memo is never stale, it is
//! only unused. Nothing about the file's time is trusted, so an edit within
//! the file system's time resolution is seen.
//!
//! Everything after it runs on every run as before: the attachments are read
//! again, and the rules over a report's tables, its agency, other years and
//! the whole site run on the reports as recalled. So the findings and the
//! output are the same with and without the memo (tested).
//!
//! The memos live in the site's `.gongkai-cache/reports.bin` (like
//! Jekyll's `.jekyll-cache`; git should ignore it), a [`pack`] file.
//! Anything unreadable, malformed or foreign is a miss; a memo that cannot
//! be written is simply not kept. `--no-cache` neither reads nor writes them.

mod codec;
pub mod pack;

use crate::diag::Diagnostic;
use crate::form::Forms;
use crate::model::Report;
use pack::Pack;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The memos' own version: a memo of another version is another context.
const FORMAT: u32 = 1;

/// Whether a run recalls and keeps memos.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Memos {
    /// Recall what is remembered, remember what is new (the commands' default).
    Use,
    /// Parse and check every report (`--no-cache`, the library's [`crate::site::Site::load`]).
    Ignore,
}

/// A report file's content key (see the module's documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key(pack::Key);

/// The memos of a site's reports, as a run uses and makes them.
pub enum Memo {
    /// Nothing is recalled or remembered (`--no-cache`, `check` of the
    /// library's [`crate::site::Site::load`], the preview's reloads).
    Off,
    /// The pack of the site's report memos.
    On(Box<Pack>),
}

impl Memo {
    /// The memos of the site at `root`, checked with `forms`, for a run that
    /// loads the whole site; [`Memo::Off`] when they are to be ignored or
    /// the binary cannot be identified.
    pub fn open(root: &Path, forms: &Forms, memos: Memos) -> Memo {
        if memos == Memos::Ignore {
            return Memo::Off;
        }
        match context(&[forms.fingerprint().as_bytes()]) {
            Some(context) => Memo::On(Box::new(Pack::open(crate::layout::memo(root), context))),
            None => Memo::Off,
        }
    }

    /// The key of the report file `path` holding `text`, whose FNV-1a is
    /// `text_hash` (the loader hashes each text once, for this and the
    /// report's `source_hash`).
    pub fn key(&self, path: &Path, text: &str, text_hash: u64) -> Option<Key> {
        let Memo::On(_) = self else { return None };
        let path = path.to_str()?;
        Some(Key(pack::key_of(&[path.as_bytes(), b"\0"], text.as_bytes(), text_hash)))
    }

    /// The report and findings remembered under `key`, for the file `path`.
    pub fn recall(&self, key: Key, path: &Arc<PathBuf>, forms: &Forms) -> Option<(Option<Report>, Vec<Diagnostic>)> {
        let Memo::On(pack) = self else { return None };
        let recalled = codec::decode(&pack.get(key.0)?, path, forms)?;
        pack.keep(key.0);
        Some(recalled)
    }

    /// Remembers what loading the file `path` gave, under `key`.
    pub fn remember(&self, key: Key, path: &Path, report: Option<&Report>, diags: &[Diagnostic]) {
        let Memo::On(pack) = self else { return };
        if let Some(bytes) = codec::encode(path, report, diags) {
            pack.put(key.0, &bytes);
        }
    }

    /// Ends the run, keeping the memos used and made for the next ([`Pack::save`]).
    pub fn save(self) {
        if let Memo::On(pack) = self {
            pack.save();
        }
    }
}

/// Everything a memo depends on besides its own input: the memos' version,
/// the binary (version, size and time of the executable, so a new build of
/// gongkai never trusts an old memo), the language of the messages, and
/// `parts` (the site's forms).
fn context(parts: &[&[u8]]) -> Option<u128> {
    let exe = std::env::current_exe().ok().and_then(|p| std::fs::metadata(p).ok())?;
    let modified = exe.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?.as_nanos();
    let binary = format!("{FORMAT}\0{}\0{}\0{modified}\0", env!("CARGO_PKG_VERSION"), exe.len());
    let language = crate::i18n::current().tag();
    let mut head: Vec<&[u8]> = vec![binary.as_bytes(), language.as_bytes(), b"\0"];
    head.extend_from_slice(parts);
    Some(pack::key_of(&head, &[], 0))
}

#[cfg(test)]
mod tests;
