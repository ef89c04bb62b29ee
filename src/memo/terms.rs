//! The memo of the search index's terms of each page: finding the terms of
//! every narrative is a sixth of a build, and they depend only on the
//! page's entry (title, agency, numbers, text and the words indexed with it).

use super::Memos;
use super::pack::{self, Pack};
use crate::render::search::Entry;
use crate::render::search::index::{self, EntryTerms};
use std::path::Path;

/// The search terms of a site's pages, as a run uses and makes them.
#[derive(Default)]
pub enum Terms {
    /// Every page's terms are found again.
    #[default]
    Off,
    /// The pack of the site's search memos.
    On(Box<Pack>),
}

impl Terms {
    /// The search memos of the site at `root`, unless they are to be ignored.
    pub fn open(root: &Path, memos: Memos) -> Terms {
        if memos == Memos::Ignore {
            return Terms::Off;
        }
        match super::context(&[b"search\0"]) {
            Some(context) => Terms::On(Box::new(Pack::open(crate::layout::memo(root, "search"), context))),
            None => Terms::Off,
        }
    }

    /// The terms of `entry` ([`index::terms_of`]), recalled if the same entry was indexed before.
    pub fn terms_of(&self, entry: &Entry) -> EntryTerms {
        let Terms::On(pack) = self else { return index::terms_of(entry) };
        let key = key(entry);
        if let Some(terms) = pack.get(key).and_then(|bytes| EntryTerms::from_bytes(&bytes)) {
            pack.keep(key);
            return terms;
        }
        let terms = index::terms_of(entry);
        pack.put(key, &terms.to_bytes());
        terms
    }

    /// Ends the run, keeping the memos used and made for the next.
    pub fn save(self) {
        if let Terms::On(pack) = self {
            pack.save();
        }
    }
}

/// The key of an entry: every field of it (the destructuring fails to
/// compile when one is added and not said here).
fn key(entry: &Entry) -> pack::Key {
    let Entry { kind, title, url, agency, year, validity, doc_no, index_no, text, extra } = entry;
    let fields = format!("{:?}", (kind, title, url, agency, year, validity, doc_no, index_no, extra));
    pack::key_of(&[fields.as_bytes(), b"\0"], text.as_bytes(), crate::model::fnv::fnv1a(text.as_bytes()))
}
