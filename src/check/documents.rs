//! Checking the catalogue: each document against the site (its agency, the
//! vocabulary, its 文号, 索引号 and dates), then all of them at once (the
//! 索引号 and 文号 unique, the links between documents resolved, a 解读 for
//! what wants one), and the reports' table 二 against what the catalogue
//! holds ([`table2`]). Codes `DOC-…`, each finding at the key it concerns.
//!
//! "Today", for dates in the future, is the build's day in China (UTC+8),
//! or the `GONGKAI_TODAY` environment variable (`YYYY-MM-DD`) when it is
//! set, so that a test or a preview of a scheduled day can fix it.

pub mod numbers;
pub mod table2;

use crate::config::documents::Piece;
use crate::diag::{Diagnostic, Pos};
use crate::model::{Agency, Date, Document, Validity, Vocabulary};
use numbers::{DocNoProblem, example_index, read_doc_no, read_index};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};

/// What the checks of the catalogue need from the site.
pub struct Catalogue<'a> {
    /// The agencies, by slug.
    pub agencies: &'a BTreeMap<String, Agency>,
    /// The words documents may use.
    pub vocabulary: &'a Vocabulary,
    /// The pieces of the 索引号 pattern.
    pub index_pattern: &'a [Piece],
    /// Today (see the module's note).
    pub today: Date,
}

/// The environment variable that fixes "today" for the checks.
pub const TODAY_VAR: &str = "GONGKAI_TODAY";

/// Today: `GONGKAI_TODAY` if it holds a date, else the system's clock in
/// China's time zone (UTC+8).
pub fn today() -> Date {
    if let Some(d) = std::env::var(TODAY_VAR).ok().as_deref().and_then(Date::parse) {
        return d;
    }
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    civil(i64::try_from((secs + 8 * 3600) / 86_400).unwrap_or(0))
}

/// The date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let date = Date::new(
        i32::try_from(year).unwrap_or(1970),
        u8::try_from(month).unwrap_or(1),
        u8::try_from(day).unwrap_or(1),
    );
    // The arithmetic above gives a real day; the epoch stands in should it not.
    date.unwrap_or(Date { year: 1970, month: 1, day: 1 })
}

/// Where `key` was written, or the opening `---` when it was not.
fn at(doc: &Document, key: &str) -> Pos {
    match doc.positions.iter().find(|(k, _)| *k == key) {
        Some((_, p)) => *p,
        None => Pos::new(1, 1, 3),
    }
}

/// The word of `words` nearest to `written` (a typo, or a part of a
/// longer topic such as 财政 for 财政、金融、审计), if one is near.
pub fn nearest<'a>(written: &str, words: impl Iterator<Item = &'a str> + Clone) -> Option<&'a str> {
    crate::parse::did_you_mean(written, words.clone()).or_else(|| {
        let mut containing = words.filter(|w| !written.is_empty() && (w.contains(written) || written.contains(*w)));
        containing.next()
    })
}

/// Checks every document of the catalogue (sorted by id).
pub fn check_documents(docs: &[Document], site: &Catalogue<'_>) -> Vec<Diagnostic> {
    let mut diags: Vec<Diagnostic> = docs
        .par_iter()
        .flat_map_iter(|doc| {
            let mut d = Vec::new();
            check_one(doc, site, &mut d);
            d
        })
        .collect();
    unique(docs, |d| d.index_no.as_deref(), "index_no", "DOC-INDEX-DUP", &mut diags);
    unique(docs, |d| d.doc_no.as_deref(), "doc_no", "DOC-NO-DUP", &mut diags);
    links(docs, site.vocabulary, &mut diags);
    diags
}

/// The checks of one document on its own.
fn check_one(doc: &Document, site: &Catalogue<'_>, out: &mut Vec<Diagnostic>) {
    let file = &doc.file;
    if doc.title.is_empty() {
        out.push(
            Diagnostic::error("DOC-TITLE", file, at(doc, "title"), crate::t!("doc-no-title"))
                .with_help(crate::t!("doc-no-title-help")),
        );
    }
    if doc.published.is_none() {
        out.push(
            Diagnostic::error("DOC-PUBLISHED", file, at(doc, "published"), crate::t!("doc-no-published"))
                .with_help(crate::t!("doc-no-published-help", today = site.today.to_string())),
        );
    }
    let agency = site.agencies.get(&doc.agency);
    if agency.is_none() {
        let slugs = site.agencies.keys().map(String::as_str);
        let help = match nearest(&doc.agency, slugs.clone()) {
            Some(s) => crate::t!("doc-did-you-mean", word = s),
            None => crate::t!("doc-agency-help", agencies = crate::parse::list(slugs.map(|s| format!("`{s}`")))),
        };
        let message = match doc.positions.iter().any(|(k, _)| *k == "agency") {
            true => crate::t!("doc-agency", agency = &doc.agency),
            false => crate::t!("doc-agency-folder", folder = &doc.agency),
        };
        out.push(Diagnostic::error("DOC-AGENCY", file, at(doc, "agency"), message).with_help(help));
    }
    vocabulary(doc, site.vocabulary, out);
    dates(doc, site.today, out);
    if let Some(no) = &doc.doc_no {
        doc_no(doc, no, out);
    }
    if let Some(index) = &doc.index_no {
        index_no(doc, index, agency, site.index_pattern, out);
    }
    if matches!(doc.validity, Validity::Expired(None) | Validity::Repealed(None)) {
        out.push(
            Diagnostic::error(
                "DOC-VALIDITY",
                file,
                at(doc, "validity"),
                crate::t!("doc-validity-no-date", validity = doc.validity.word()),
            )
            .with_help(crate::t!("doc-validity-no-date-help", validity = doc.validity.word())),
        );
    }
    let interpretation = doc.kind.as_deref().and_then(|k| site.vocabulary.kind(k)).is_some_and(|k| k.is_interpretation);
    if interpretation && doc.interprets.is_empty() {
        out.push(
            Diagnostic::warning(
                "DOC-INTERP",
                file,
                at(doc, "kind"),
                crate::t!("doc-interp-none", kind = doc.kind.as_deref().unwrap_or("")),
            )
            .with_help(crate::t!("doc-interp-none-help")),
        );
    }
}

/// 主题分类 and 文种 from the vocabulary.
fn vocabulary(doc: &Document, v: &Vocabulary, out: &mut Vec<Diagnostic>) {
    let topics = v.topics.iter().map(String::as_str);
    let kinds = v.kinds.iter().map(|k| k.name.as_str());
    let lists: [(&str, &str, Option<&String>, Vec<&str>); 2] = [
        ("topic", "DOC-TOPIC", doc.topic.as_ref(), topics.collect()),
        ("kind", "DOC-KIND", doc.kind.as_ref(), kinds.collect()),
    ];
    for (key, code, written, words) in lists {
        let Some(written) = written.filter(|w| !words.contains(&w.as_str())) else { continue };
        let help = match nearest(written, words.iter().copied()) {
            Some(w) => crate::t!("doc-did-you-mean", word = w),
            None => crate::t!("doc-words", words = words.iter().map(|w| format!("「{w}」")).collect::<String>()),
        };
        let message = match key {
            "topic" => crate::t!("doc-topic", found = written.as_str()),
            _ => crate::t!("doc-kind", found = written.as_str()),
        };
        out.push(Diagnostic::error(code, &doc.file, at(doc, key), message).with_help(help));
    }
}

/// 成文日期 ≤ 发布日期 ≤ the date it ceased to be in force, none after today.
fn dates(doc: &Document, today: Date, out: &mut Vec<Diagnostic>) {
    let named = [("written", doc.written), ("published", doc.published), ("validity_date", doc.validity.since())];
    let written: Vec<(&str, Date)> = named.iter().filter_map(|(k, d)| Some((*k, (*d)?))).collect();
    for pair in written.windows(2) {
        let [(k1, d1), (k2, d2)] = pair else { continue };
        if d1 > d2 {
            out.push(
                Diagnostic::error(
                    "DOC-DATE",
                    &doc.file,
                    at(doc, k2),
                    crate::t!("doc-date-order", key = *k2, date = d2.to_string(), before = *k1, other = d1.to_string()),
                )
                .with_related(&doc.file, at(doc, k1), crate::t!("doc-date-order-label"))
                .with_help(crate::t!("doc-date-order-help")),
            );
        }
    }
    for (key, date) in written.into_iter().filter(|(_, d)| *d > today) {
        out.push(
            Diagnostic::error(
                "DOC-DATE",
                &doc.file,
                at(doc, key),
                crate::t!("doc-date-future", key = key, date = date.to_string(), today = today.to_string()),
            )
            .with_help(crate::t!("doc-date-future-help", var = TODAY_VAR)),
        );
    }
}

/// The 文号's spelling, and its year against the 成文日期's.
fn doc_no(doc: &Document, no: &str, out: &mut Vec<Diagnostic>) {
    let pos = at(doc, "doc_no");
    match read_doc_no(no) {
        Ok(n) => {
            if let Some((w, year)) = doc.written.zip(n.year).filter(|(w, y)| w.year != *y) {
                out.push(
                    Diagnostic::warning(
                        "DOC-NO",
                        &doc.file,
                        pos,
                        crate::t!("doc-no-year", no = no, year = year.to_string(), written = w.to_string()),
                    )
                    .with_help(crate::t!("doc-no-year-help")),
                );
            }
        }
        Err((problems, fixed)) => {
            let message = match problems.first() {
                Some(DocNoProblem::Brackets(o, c)) => crate::t!("doc-no-brackets", no = no, pair = format!("{o}{c}")),
                Some(DocNoProblem::FullWidth) => crate::t!("doc-no-full-width", no = no),
                Some(DocNoProblem::Di) => crate::t!("doc-no-di", no = no),
                Some(DocNoProblem::LeadingZero) => crate::t!("doc-no-zero", no = no),
                Some(DocNoProblem::NoPrefix) => crate::t!("doc-no-prefix", no = no),
                Some(DocNoProblem::Shape) | None => crate::t!("doc-no-shape", no = no),
            };
            let help = match fixed {
                Some(f) => crate::t!("doc-no-fix-help", fixed = f),
                None => crate::t!("doc-no-shape-help"),
            };
            out.push(Diagnostic::error("DOC-NO", &doc.file, pos, message).with_help(help));
        }
    }
}

/// The 索引号 against the pattern, its agency's code and the 发布日期's year.
fn index_no(doc: &Document, index: &str, agency: Option<&Agency>, pattern: &[Piece], out: &mut Vec<Diagnostic>) {
    let pos = at(doc, "index_no");
    let code = agency.and_then(|a| a.code.as_deref());
    let year = doc.published.map(|d| d.year);
    let example = example_index(pattern, code, year.unwrap_or(2024));
    let Some(read) = read_index(pattern, index) else {
        out.push(
            Diagnostic::error("DOC-INDEX", &doc.file, pos, crate::t!("doc-index-shape", index = index))
                .with_help(crate::t!("doc-index-shape-help", example = example)),
        );
        return;
    };
    if let (Some(written), Some(code), Some(a)) = (read.code, code, agency)
        && written != code
    {
        out.push(
            Diagnostic::error(
                "DOC-INDEX",
                &doc.file,
                pos,
                crate::t!("doc-index-code", index = index, code = written, agency = &a.name, own = code),
            )
            .with_related(&a.file, a.code_pos, crate::t!("doc-index-code-label"))
            .with_help(crate::t!("doc-index-code-help", example = example)),
        );
    }
    if let (Some(written), Some(year)) = (read.year, year)
        && written != year
    {
        out.push(
            Diagnostic::warning(
                "DOC-INDEX",
                &doc.file,
                pos,
                crate::t!("doc-index-year", index = index, year = written.to_string(), published = year.to_string()),
            )
            .with_related(&doc.file, at(doc, "published"), crate::t!("doc-index-year-label"))
            .with_help(crate::t!("doc-index-year-help")),
        );
    }
}

/// A 索引号 or 文号 written on two documents: an error at each one after the first.
fn unique<'d>(
    docs: &'d [Document],
    value: impl Fn(&'d Document) -> Option<&'d str>,
    key: &'static str,
    code: &'static str,
    out: &mut Vec<Diagnostic>,
) {
    let mut first: HashMap<&str, &Document> = HashMap::new();
    for doc in docs {
        let Some(v) = value(doc).map(str::trim) else { continue };
        match first.get(v) {
            Some(other) => out.push(
                Diagnostic::error(
                    code,
                    &doc.file,
                    at(doc, key),
                    crate::t!("doc-dup", key = key, value = v, other = &other.id),
                )
                .with_related(&other.file, at(other, key), crate::t!("doc-dup-label"))
                .with_help(crate::t!("doc-dup-help", key = key)),
            ),
            None => {
                first.insert(v, doc);
            }
        }
    }
}

/// `replaced_by` and `interprets` name documents of the site, and a document
/// in force of a kind that wants a 解读 has one.
fn links(docs: &[Document], v: &Vocabulary, out: &mut Vec<Diagnostic>) {
    let ids: HashSet<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    let mut interpreted: HashSet<&str> = HashSet::new();
    for doc in docs {
        let named =
            doc.replaced_by.iter().map(|t| ("replaced_by", t)).chain(doc.interprets.iter().map(|t| ("interprets", t)));
        for (key, target) in named {
            interpreted.extend((key == "interprets").then_some(target.as_str()));
            if ids.contains(target.as_str()) && *target != doc.id {
                continue;
            }
            let message = match *target == doc.id {
                true => crate::t!("doc-link-self", key = key),
                false => crate::t!("doc-link", key = key, target = target.as_str()),
            };
            let help = match nearest(target, ids.iter().copied()) {
                Some(s) if s != target => crate::t!("doc-did-you-mean", word = s),
                _ => crate::t!("doc-link-help"),
            };
            out.push(Diagnostic::error("DOC-LINK", &doc.file, at(doc, key), message).with_help(help));
        }
    }
    for doc in docs.iter().filter(|d| d.validity.in_force() && !interpreted.contains(d.id.as_str())) {
        let Some(kind) = doc.kind.as_deref().filter(|k| v.kind(k).is_some_and(|k| k.wants_interpretation)) else {
            continue;
        };
        out.push(
            Diagnostic::warning("DOC-INTERP", &doc.file, at(doc, "kind"), crate::t!("doc-interp-missing", kind = kind))
                .with_help(crate::t!("doc-interp-missing-help", id = &doc.id)),
        );
    }
}

#[cfg(test)]
mod tests;
