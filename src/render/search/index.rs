//! The inverted index: for every term, the entries that hold it and how
//! strongly; split into shards by a hash of the term, so a query loads only
//! the shards of its own terms.
//!
//! A shard is a script (`search/s/<n>.js`) calling
//! `gkSearchShard(n, "term\tpostings\n…")`. Postings are the entry numbers
//! in ascending order, each written as the difference from the previous one
//! in base 36, followed by an upper-case letter for its weight when that is
//! not 1 (`B` = 2 … `Z` = 26: occurrences in the text up to 10, plus 16 in
//! a heading field), separated by commas. Scripts rather than JSON
//! files: a `<script>` loads from `file://` too, where `fetch` is refused.

use super::text;
use super::{Entry, Posting};

/// Bytes a shard aims at: the shard count is the index's size over this.
const SHARD_TARGET: usize = 16 * 1024;

/// Most shards an index is split into.
const MAX_SHARDS: usize = 65_536;

/// Weight added when a term is in a heading field (title, agency, 文号, 索引号).
const HEADING: u8 = 16;

/// Most occurrences in the text that count (the weight stays below 27, one letter).
const MAX_COUNT: u32 = 10;

/// A map keyed by terms (FNV-1a: terms are short).
type TermMap<K, V> = crate::model::FnvMap<K, V>;

/// How many parts the map of terms is split into, by a hash of the term,
/// so that a batch of entries is merged into the parts in parallel. The
/// index's bytes do not depend on it: shards are cut and sorted afterwards.
const PARTS: usize = 16;

/// The terms of one entry, grouped by part: `ranges[p]` are part `p`'s.
/// The terms' characters are one string, `text`, so that an entry's two
/// thousand or so terms cost one allocation, not one each (that was a
/// tenth of a whole build): a term is copied out only when the index meets
/// it for the first time.
pub struct EntryTerms {
    text: String,
    /// Each term's `(start, end)` in `text`, and its weight.
    terms: Vec<(usize, usize, u8)>,
    ranges: [(usize, usize); PARTS],
}

impl EntryTerms {
    /// Groups `terms` by part (done in parallel, before the merge): a
    /// counting sort, each term's part computed once.
    pub fn new<'t>(terms: impl IntoIterator<Item = (&'t str, u8)>) -> EntryTerms {
        let mut text = String::new();
        let mut placed: Vec<(usize, usize, usize, u8)> = Vec::new();
        for (term, weight) in terms {
            let start = text.len();
            text.push_str(term);
            placed.push((part_of(term), start, text.len(), weight));
        }
        let mut counts = [0usize; PARTS];
        for &(p, ..) in &placed {
            counts[p] += 1;
        }
        let mut ranges = [(0usize, 0usize); PARTS];
        let mut start = 0;
        for (range, count) in ranges.iter_mut().zip(counts) {
            *range = (start, start + count);
            start += count;
        }
        let mut next = ranges.map(|(a, _)| a);
        let mut terms = vec![(0, 0, 0); placed.len()];
        for (p, a, b, weight) in placed {
            terms[next[p]] = (a, b, weight);
            next[p] += 1;
        }
        EntryTerms { text, terms, ranges }
    }

    /// The terms of part `p`, with their weights.
    fn part(&self, p: usize) -> impl Iterator<Item = (&str, u8)> {
        let (a, b) = self.ranges[p];
        self.terms[a..b].iter().map(|&(s, e, w)| (&self.text[s..e], w))
    }
}

/// The part of a term: FNV-1a of its bytes, folded.
fn part_of(term: &str) -> usize {
    (crate::model::fnv1a(term.as_bytes()) >> 32) as usize % PARTS
}

/// The index under construction; entries are added in order, numbered from 0.
pub struct Builder {
    parts: Vec<TermMap<Box<str>, Encoded>>,
    entries: u32,
}

impl Default for Builder {
    fn default() -> Self {
        Builder { parts: (0..PARTS).map(|_| TermMap::default()).collect(), entries: 0 }
    }
}

impl Builder {
    /// Adds the next entry with its [`terms_of`]; returns its number.
    pub fn add(&mut self, terms: EntryTerms) -> u32 {
        let id = self.entries;
        self.add_batch(&[terms]);
        id
    }

    /// Adds the next entries, in order, each with its terms grouped by
    /// [`EntryTerms::new`]. Each part of the map takes its own terms of
    /// every entry, in entry order, in parallel with the other parts; a term
    /// seen before costs no allocation.
    pub fn add_batch(&mut self, batch: &[EntryTerms]) {
        use rayon::prelude::*;
        let first = self.entries;
        self.parts.par_iter_mut().enumerate().for_each(|(p, map)| {
            for (k, entry) in batch.iter().enumerate() {
                let id = first + k as u32;
                for (t, weight) in entry.part(p) {
                    let posting = Posting { entry: id, weight };
                    match map.get_mut(t) {
                        Some(list) => list.push(posting),
                        None => {
                            let mut list = Encoded::default();
                            list.push(posting);
                            map.insert(t.into(), list);
                        }
                    }
                }
            }
        });
        self.entries = first.saturating_add(u32::try_from(batch.len()).unwrap_or(u32::MAX));
    }

    /// How many entries were added.
    pub fn len(&self) -> u32 {
        self.entries
    }

    /// Whether no entry was added.
    pub fn is_empty(&self) -> bool {
        self.entries == 0
    }

    /// The shards, in order: `(shard count, [text of shard 0, …])`. Terms
    /// are sorted inside a shard, so the bytes depend only on the entries.
    pub fn finish(self) -> Vec<String> {
        use rayon::prelude::*;
        let lines: Vec<(Box<str>, String)> =
            self.parts.into_par_iter().flat_map_iter(|map| map.into_iter().map(|(t, list)| (t, list.text))).collect();
        let total: usize = lines.iter().map(|(t, p)| t.len() + p.len() + 2).sum();
        let count = total.div_ceil(SHARD_TARGET).clamp(1, MAX_SHARDS);
        let mut shards: Vec<Vec<(Box<str>, String)>> = vec![Vec::new(); count];
        for (t, p) in lines {
            let n = shard_of(&t, count);
            shards[n].push((t, p));
        }
        shards
            .into_par_iter()
            .map(|mut lines| {
                lines.sort_unstable_by(|a, b| a.0.cmp(&b.0));
                let mut s = String::with_capacity(lines.iter().map(|(t, p)| t.len() + p.len() + 2).sum());
                for (t, p) in lines {
                    s.push_str(&t);
                    s.push('\t');
                    s.push_str(&p);
                    s.push('\n');
                }
                s
            })
            .collect()
    }
}

/// The terms of `entry`, each once, with its weight: occurrences in the
/// text (at most 10), plus 16 when it is in a heading field; its exact keys
/// and filters with weight 1. Independent of other entries, so entries are
/// prepared in parallel.
pub fn terms_of(entry: &Entry) -> EntryTerms {
    let headings: Vec<text::Runs> = entry.headings().map(text::Runs::of).collect();
    let body: Vec<text::Runs> = std::iter::once(entry.text.as_str())
        .chain(entry.extra.iter().map(String::as_str))
        .map(text::Runs::of)
        .collect();
    // term -> (occurrences in the text, in a heading field)
    let mut seen: TermMap<&str, (u32, bool)> = TermMap::default();
    for (runs, heading) in headings.iter().map(|r| (r, true)).chain(body.iter().map(|r| (r, false))) {
        for run in runs.iter() {
            text::run_terms(run, &mut |t| {
                let e = seen.entry(t).or_insert((0, false));
                if heading {
                    e.1 = true;
                } else {
                    e.0 += 1;
                }
            });
        }
    }
    let weighted = seen.into_iter().map(|(t, (count, heading))| {
        let body = count.min(MAX_COUNT) as u8;
        (t, body.max(u8::from(!heading)) + if heading { HEADING } else { 0 })
    });
    let keys: std::collections::BTreeSet<String> =
        entry.headings().filter_map(text::key).chain(entry.filters()).collect();
    EntryTerms::new(weighted.chain(keys.iter().map(|k| (k.as_str(), 1))))
}

/// The shard of `term` among `count`: FNV-1a (32 bits) of its UTF-8 bytes,
/// modulo `count` (`js/search.js` computes the same).
pub fn shard_of(term: &str, count: usize) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    for b in term.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h as usize % count.max(1)
}

/// A term's postings, encoded as they come (entries arrive in ascending
/// order): a few bytes each instead of a [`Posting`] of eight, so the index
/// of 100,000 reports fits in memory until its shards are written.
#[derive(Default)]
struct Encoded {
    /// The last entry added.
    last: u32,
    /// The postings so far, as written in a shard.
    text: String,
}

impl Encoded {
    /// Appends `p`, whose entry is above every entry before it.
    fn push(&mut self, p: Posting) {
        debug_assert!(self.text.is_empty() || p.entry > self.last, "entries arrive in ascending order");
        let delta = if self.text.is_empty() {
            p.entry
        } else {
            self.text.push(',');
            p.entry.saturating_sub(self.last)
        };
        push_base36(&mut self.text, delta);
        if p.weight > 1 {
            self.text.push(char::from(b'A' + p.weight.min(26) - 1));
        }
        self.last = p.entry;
    }
}

/// Postings as written in a shard (see the module's documentation).
pub fn encode_postings(list: &[Posting]) -> String {
    let mut out = Encoded::default();
    for &p in list {
        out.push(p);
    }
    out.text
}

/// Appends `n` in base 36 (digits and lower-case letters).
fn push_base36(out: &mut String, mut n: u32) {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut buf = [0u8; 8];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = DIGITS[(n % 36) as usize];
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.extend(buf[i..].iter().map(|&b| char::from(b)));
}

#[cfg(test)]
mod tests {
    use super::super::Kind;
    use super::*;

    fn entry(title: &str, text: &str) -> Entry {
        Entry {
            kind: Kind::Page,
            title: title.into(),
            url: "pages/x/index.html".into(),
            agency: None,
            year: None,
            validity: None,
            doc_no: None,
            index_no: None,
            text: text.into(),
            extra: Vec::new(),
        }
    }

    fn lines(shards: &[String]) -> Vec<(String, String)> {
        shards
            .iter()
            .flat_map(|s| s.lines())
            .filter_map(|l| l.split_once('\t'))
            .map(|(t, p)| (t.to_owned(), p.to_owned()))
            .collect()
    }

    #[test]
    fn postings_are_deltas_in_base36_with_weights() {
        let list =
            [Posting { entry: 0, weight: 1 }, Posting { entry: 37, weight: 26 }, Posting { entry: 38, weight: 1 }];
        assert_eq!(encode_postings(&list), "0,11Z,1");
    }

    #[test]
    fn terms_land_in_their_hashed_shard_with_heading_weight() {
        let mut b = Builder::default();
        b.add(terms_of(&entry("百步镇", "百步镇政务公开，政务公开。")));
        b.add(terms_of(&entry("指南", "政务")));
        let shards = b.finish();
        let all = lines(&shards);
        for (n, s) in shards.iter().enumerate() {
            for l in s.lines() {
                let term = l.split_once('\t').map_or("", |(t, _)| t);
                assert_eq!(shard_of(term, shards.len()), n, "{term}");
            }
        }
        let get = |t: &str| all.iter().find(|(x, _)| x == t).map(|(_, p)| p.clone());
        // In the title and once in the text: heading weight 16 + 1.
        assert_eq!(get("百步").as_deref(), Some("0Q"));
        // Twice in entry 0's text, once in entry 1's.
        assert_eq!(get("政务").as_deref(), Some("0B,1"));
        assert_eq!(get("#百步镇").as_deref(), Some("0"));
        assert_eq!(get("@k:p").as_deref(), Some("0,1"));
        assert_eq!(get("公开").as_deref(), Some("0B"));
    }

    #[test]
    fn a_batch_merged_part_by_part_equals_entries_added_one_by_one() {
        let entries: Vec<Entry> = (0..40)
            .map(|i| entry(&format!("第{i}号"), &format!("政务公开{}依申请 abc{} 百步镇", "工作".repeat(i % 7), i % 3)))
            .collect();
        let mut one = Builder::default();
        for e in &entries {
            one.add(terms_of(e));
        }
        let mut batched = Builder::default();
        batched.add(terms_of(&entries[0]));
        let rest: Vec<EntryTerms> = entries[1..].iter().map(terms_of).collect();
        batched.add_batch(&rest);
        assert_eq!(batched.len(), 40);
        assert_eq!(one.finish(), batched.finish());
    }

    #[test]
    fn two_builds_give_the_same_bytes() {
        let build = || {
            let mut b = Builder::default();
            for i in 0..50 {
                b.add(terms_of(&entry(&format!("第{i}号文件"), "关于做好政府信息公开工作的通知 abc 2024")));
            }
            b.finish()
        };
        assert_eq!(build(), build());
    }
}
