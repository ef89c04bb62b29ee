//! Reports and the catalogue agree (`DOC-T2`): the figures of a report's
//! table 二 (规章 and 行政规范性文件: made, repealed, in force) against the
//! documents the catalogue holds for that agency and year. Which column
//! counts what is data of the form ([`crate::form::CatalogueCount`]); the
//! rows are the 文种 whose `counts_as` is the row's id.
//!
//! Only an agency with documents in the catalogue is compared, and only for
//! the years from its first document on: a site without a catalogue, or
//! one that began it this year, is not told that every old report disagrees.

use crate::diag::Diagnostic;
use crate::form::CatalogueCount;
use crate::model::{Date, Document, Report, Source, Validity, Vocabulary};
use std::collections::HashMap;

/// How many document ids a warning lists.
const LISTED: usize = 5;

/// Whether `doc` is counted for `year` by `count`.
pub fn counted(doc: &Document, count: CatalogueCount, year: i32) -> bool {
    let end = Date { year, month: 12, day: 31 };
    let published = doc.published;
    match count {
        CatalogueCount::Written => doc.written.or(published).is_some_and(|d| d.year == year),
        CatalogueCount::Published => published.is_some_and(|d| d.year == year),
        CatalogueCount::Repealed => matches!(doc.validity, Validity::Repealed(Some(d)) if d.year == year),
        CatalogueCount::Cumulative => published.is_some_and(|d| d <= end),
        CatalogueCount::InForce => {
            let ended = match doc.validity {
                Validity::Valid => false,
                Validity::Expired(since) | Validity::Repealed(since) => since.is_none_or(|d| d <= end),
            };
            published.is_some_and(|d| d <= end) && !ended
        }
    }
}

/// The `DOC-T2` warnings for `reports` against the catalogue `docs`.
pub fn compare(reports: &[Report], docs: &[Document], v: &Vocabulary) -> Vec<Diagnostic> {
    let mut by_agency: HashMap<&str, Vec<&Document>> = HashMap::new();
    for d in docs {
        by_agency.entry(d.agency.as_str()).or_default().push(d);
    }
    let mut out = Vec::new();
    for report in reports {
        let Some(own) = by_agency.get(report.agency.as_str()) else { continue };
        let first = own.iter().filter_map(|d| d.written.or(d.published)).map(|d| d.year).min();
        if first.is_none_or(|y| report.year < y) {
            continue;
        }
        compare_one(report, own, v, &mut out);
    }
    out
}

/// Compares one report's catalogue columns with the agency's documents `own`.
fn compare_one(report: &Report, own: &[&Document], v: &Vocabulary, out: &mut Vec<Diagnostic>) {
    let form = &report.form;
    for c in &form.catalogue {
        let Some(t) = form.table(&c.table) else { continue };
        let (spec, data) = (&form.tables[t], &report.tables[t]);
        let Some(col) = spec.col(&c.column) else { continue };
        if !data.given {
            continue;
        }
        for (row, leaf) in spec.row_leaves.iter().enumerate() {
            let kinds: Vec<&str> =
                v.kinds.iter().filter(|k| k.counts_as.as_deref() == Some(&leaf.id)).map(|k| k.name.as_str()).collect();
            let cell = data.cell(row, col);
            if kinds.is_empty() || matches!(cell.source, Source::Blank) {
                continue;
            }
            let found: Vec<&str> = own
                .iter()
                .filter(|d| d.kind.as_deref().is_some_and(|k| kinds.contains(&k)) && counted(d, c.count, report.year))
                .map(|d| d.id.as_str())
                .collect();
            let stated = cell.value.int();
            if usize::try_from(stated).ok() == Some(found.len()) {
                continue;
            }
            let mut ids = found.iter().take(LISTED).copied().collect::<Vec<_>>().join("、");
            if found.len() > LISTED {
                ids.push_str(&crate::t!("doc-t2-more", more = found.len() - LISTED));
            }
            let (table, row, col) = (spec.title(form), &leaf.label, &spec.col_leaves[col].label);
            let (what, kind) = (count_words(c.count, report.year), kinds.join("、"));
            let message = match found.len() {
                0 => crate::t!(
                    "doc-t2-none",
                    table = table,
                    row = row,
                    col = col,
                    stated = stated,
                    what = what,
                    kind = kind
                ),
                n => crate::t!(
                    "doc-t2",
                    table = table,
                    row = row,
                    col = col,
                    stated = stated,
                    what = what,
                    kind = kind,
                    found = n,
                    ids = ids
                ),
            };
            out.push(
                Diagnostic::warning("DOC-T2", &report.file, cell.pos, message)
                    .with_help(crate::t!("doc-t2-help", agency = &report.agency)),
            );
        }
    }
}

/// What a count takes, in the run's language (`2024 年成文的`).
fn count_words(count: CatalogueCount, year: i32) -> String {
    let year = year.to_string();
    match count {
        CatalogueCount::Written => crate::t!("doc-t2-written", year = year),
        CatalogueCount::Published => crate::t!("doc-t2-published", year = year),
        CatalogueCount::Repealed => crate::t!("doc-t2-repealed", year = year),
        CatalogueCount::InForce => crate::t!("doc-t2-in-force", year = year),
        CatalogueCount::Cumulative => crate::t!("doc-t2-cumulative", year = year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use std::sync::Arc;

    fn doc(front: &str) -> Document {
        let file = Arc::new(PathBuf::from("content/documents/baibu/a.md"));
        let text = format!("---\ntitle: x\n{front}---\n");
        crate::parse::parse_document(&file, &text, "baibu/a", "baibu", &mut Vec::new()).expect("parses")
    }

    #[test]
    fn each_count_takes_the_documents_of_its_year() {
        use CatalogueCount::*;
        let d = doc("written: 2023-12-20\npublished: 2024-01-05\nvalidity: 废止\nvalidity_date: 2025-06-30\n");
        assert!(counted(&d, Written, 2023) && !counted(&d, Written, 2024), "成文 in 2023");
        assert!(counted(&d, Published, 2024) && !counted(&d, Published, 2023));
        assert!(counted(&d, Repealed, 2025) && !counted(&d, Repealed, 2024));
        assert!(!counted(&d, InForce, 2023), "not yet published at the end of 2023");
        assert!(counted(&d, InForce, 2024), "published, and repealed only in 2025");
        assert!(!counted(&d, InForce, 2025), "repealed by the end of 2025");
        assert!(counted(&d, Cumulative, 2025) && !counted(&d, Cumulative, 2023));
        let no_written = doc("published: 2024-01-05\n");
        assert!(counted(&no_written, Written, 2024), "the 发布日期 stands in for a missing 成文日期");
        let expired = doc("published: 2020-01-05\nvalidity: 失效\nvalidity_date: 2024-12-31\n");
        assert!(counted(&expired, InForce, 2023) && !counted(&expired, InForce, 2024));
        assert!(!counted(&expired, Repealed, 2024), "失效 is not 废止");
    }
}
