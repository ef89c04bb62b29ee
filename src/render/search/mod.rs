//! Site search without a server: an index built with the site, read by a
//! small script in the reader's browser (`js/search.js` of the theme).
//!
//! Every report, document of the catalogue and plain page is an [`Entry`].
//! The index ([`index`]) maps terms ([`text`]: Han unigrams and bigrams,
//! words, exact keys, filters) to entries and is cut into shards by a hash
//! of the term; each entry's title, links and text for the snippet are in
//! a file of its own. A query loads the shards of its terms and the files
//! of the results it shows, nothing else. All files are scripts written
//! under `search/` through the build's [`Sink`], relative to the search
//! page, so the search works under any sub-path and from a plain folder.

pub mod index;
pub mod text;

use crate::write::{Sink, WriteError};
use serde::Serialize;

/// Longest text kept in an entry's file for the snippet, in characters.
const MAX_TEXT: usize = 30_000;

/// What an entry is, as the filter 类别 says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 年报: an annual report.
    Report,
    /// 文件: a document of the catalogue.
    Document,
    /// 页面: a plain page.
    Page,
}

impl Kind {
    /// The code in filters and entry files (`r`, `d`, `p`).
    pub fn code(self) -> &'static str {
        match self {
            Kind::Report => "r",
            Kind::Document => "d",
            Kind::Page => "p",
        }
    }
}

/// One thing a reader can find: what is indexed, and what a result shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// 年报, 文件 or 页面.
    pub kind: Kind,
    /// The title.
    pub title: String,
    /// The page, relative to the site root.
    pub url: String,
    /// The agency: (slug, name).
    pub agency: Option<(String, String)>,
    /// The year (a report's year, a document's publication year).
    pub year: Option<i32>,
    /// A document's 有效性 code (`valid`, `expired`, `repealed`).
    pub validity: Option<&'static str>,
    /// A document's 文号.
    pub doc_no: Option<String>,
    /// A document's 索引号.
    pub index_no: Option<String>,
    /// The readable text (a report's narrative, a page's or document's body).
    pub text: String,
    /// More words indexed but not shown (labels of key figures, topic, 文种).
    pub extra: Vec<String>,
}

impl Entry {
    /// The fields that weigh most and are exact keys: title, agency name, 文号, 索引号.
    pub fn headings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.title.as_str())
            .chain(self.agency.as_ref().map(|(_, name)| name.as_str()))
            .chain(self.doc_no.as_deref())
            .chain(self.index_no.as_deref())
    }

    /// The filter terms of this entry: `@k:` kind, `@a:` agency slug, `@y:` year, `@v:` validity.
    pub fn filters(&self) -> impl Iterator<Item = String> + '_ {
        std::iter::once(format!("@k:{}", self.kind.code()))
            .chain(self.agency.as_ref().map(|(slug, _)| format!("@a:{slug}")))
            .chain(self.year.map(|y| format!("@y:{y}")))
            .chain(self.validity.map(|v| format!("@v:{v}")))
    }
}

/// A term's occurrence in an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// The entry's number.
    pub entry: u32,
    /// Occurrences in the text (1–10), plus 16 in a heading field.
    pub weight: u8,
}

/// An entry's file as the script reads it.
#[derive(Serialize)]
struct EntryFile<'a> {
    /// Kind code.
    k: &'static str,
    /// Title.
    t: &'a str,
    /// URL from the site root.
    u: &'a str,
    /// Agency name.
    #[serde(skip_serializing_if = "Option::is_none")]
    a: Option<&'a str>,
    /// Year.
    #[serde(skip_serializing_if = "Option::is_none")]
    y: Option<i32>,
    /// 有效性 code.
    #[serde(skip_serializing_if = "Option::is_none")]
    v: Option<&'static str>,
    /// 文号.
    #[serde(skip_serializing_if = "Option::is_none")]
    n: Option<&'a str>,
    /// 索引号.
    #[serde(skip_serializing_if = "Option::is_none")]
    i: Option<&'a str>,
    /// Text for the snippet.
    x: String,
}

/// What an index written says to the search page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Written {
    /// Number of shards (`search/s/0.js` …).
    pub shards: usize,
    /// Number of entries (`search/e/0.js` …).
    pub entries: u32,
    /// Bytes of the shards together.
    pub shard_bytes: usize,
}

/// Writes the index as entries come, in order: each entry's file at once
/// (its text is not kept), the shards at [`Writer::finish`].
#[derive(Default)]
pub struct Writer {
    builder: index::Builder,
}

impl Writer {
    /// Indexes `entries` and writes their files. The files are written and
    /// the terms found in parallel; only the merge into the index is
    /// sequential, in order, so the bytes never vary.
    pub fn add_all(&mut self, entries: &[Entry], sink: &dyn Sink) -> Result<(), WriteError> {
        use rayon::prelude::*;
        let first = self.builder.len();
        let terms: Vec<index::EntryTerms> = entries
            .par_iter()
            .enumerate()
            .map(|(k, entry)| {
                let n = first.saturating_add(u32::try_from(k).unwrap_or(u32::MAX));
                write_entry(entry, n, sink)?;
                Ok(index::terms_of(entry))
            })
            .collect::<Result<_, WriteError>>()?;
        self.builder.add_batch(&terms);
        // The terms' strings are freed in parallel too, not on this thread.
        terms.into_par_iter().for_each(drop);
        Ok(())
    }

    /// Indexes `entry` and writes its file `search/e/<n>.js`.
    pub fn add(&mut self, entry: &Entry, sink: &dyn Sink) -> Result<(), WriteError> {
        write_entry(entry, self.builder.len(), sink)?;
        self.builder.add(index::terms_of(entry));
        Ok(())
    }

    /// Writes the shards `search/s/<n>.js`.
    pub fn finish(self, sink: &dyn Sink) -> Result<Written, WriteError> {
        let entries = self.builder.len();
        let shards = self.builder.finish();
        let mut shard_bytes = 0;
        for (n, s) in shards.iter().enumerate() {
            let bytes = script("gkSearchShard", n as u32, s);
            shard_bytes += bytes.len();
            sink.put(&format!("search/s/{n}.js"), bytes.as_bytes())?;
        }
        Ok(Written { shards: shards.len(), entries, shard_bytes })
    }
}

/// Writes `search/e/<n>.js`, what the result of entry number `n` shows.
fn write_entry(entry: &Entry, n: u32, sink: &dyn Sink) -> Result<(), WriteError> {
    let text: String = collapse_space(&entry.text).chars().take(MAX_TEXT).collect();
    let file = EntryFile {
        k: entry.kind.code(),
        t: &entry.title,
        u: &entry.url,
        a: entry.agency.as_ref().map(|(_, name)| name.as_str()),
        y: entry.year,
        v: entry.validity,
        n: entry.doc_no.as_deref(),
        i: entry.index_no.as_deref(),
        x: text,
    };
    sink.put(&format!("search/e/{n}.js"), script("gkSearchEntry", n, &file).as_bytes())
}

/// `name(n, <value as JSON>);` — a file the browser loads with `<script>`.
fn script<T: Serialize + ?Sized>(name: &str, n: u32, value: &T) -> String {
    // Serialising strings, numbers and options cannot fail; `null` would be read as no data.
    let json = serde_json::to_string(value).unwrap_or_else(|_| "null".into());
    // `</script` cannot end anything in a file loaded by src, but keep the text inert anyway.
    format!("{name}({n},{});\n", json.replace("</", "<\\/"))
}

/// Runs of white space as one space, lines as one newline.
fn collapse_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use std::sync::Mutex;

    /// The files written, in memory.
    #[derive(Default)]
    struct MemorySink(Mutex<BTreeMap<String, Vec<u8>>>);

    impl MemorySink {
        fn get(&self, path: &str) -> Option<Vec<u8>> {
            self.0.lock().ok()?.get(path).cloned()
        }
    }

    impl Sink for MemorySink {
        fn put(&self, path: &str, bytes: &[u8]) -> Result<(), WriteError> {
            self.0.lock().expect("not poisoned").insert(path.to_owned(), bytes.to_vec());
            Ok(())
        }
        fn append(&self, path: &str, bytes: &[u8]) -> Result<(), WriteError> {
            self.0.lock().expect("not poisoned").entry(path.to_owned()).or_default().extend_from_slice(bytes);
            Ok(())
        }
    }

    fn document() -> Entry {
        Entry {
            kind: Kind::Document,
            title: "关于进一步优化政务服务的意见".into(),
            url: "documents/gov/2024-12/index.html".into(),
            agency: Some(("gov".into(), "县人民政府办公室".into())),
            year: Some(2024),
            validity: Some("valid"),
            doc_no: Some("县政办发〔2024〕12号".into()),
            index_no: Some("000014349/2024-00012".into()),
            text: "各乡镇：\n\n  现提出如下意见。</script>".into(),
            extra: vec!["综合政务".into()],
        }
    }

    #[test]
    fn an_entry_file_holds_what_a_result_shows() {
        let sink = MemorySink::default();
        let mut w = Writer::default();
        w.add(&document(), &sink).expect("written");
        let written = w.finish(&sink).expect("written");
        assert_eq!(written.entries, 1);
        let file = String::from_utf8(sink.get("search/e/0.js").expect("entry file")).expect("utf-8");
        assert!(file.starts_with("gkSearchEntry(0,{\"k\":\"d\""), "{file}");
        assert!(file.contains("\"n\":\"县政办发〔2024〕12号\""));
        assert!(file.contains("\"v\":\"valid\""));
        assert!(file.contains("各乡镇：\\n现提出如下意见。<\\/script>"), "{file}");
        let shards: String = (0..written.shards)
            .filter_map(|n| sink.get(&format!("search/s/{n}.js")))
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .collect();
        for term in [
            "#县政办发〔2024〕12号",
            "#000014349/2024-00012",
            "#县人民政府办公室",
            "@a:gov",
            "@y:2024",
            "@v:valid",
            "@k:d",
            "综合",
        ] {
            assert!(shards.contains(&format!("{term}\\t")), "{term} in {shards}");
        }
    }
}
