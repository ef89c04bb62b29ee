//! X-COPY: a narrative more than `[check] similarity_across` identical to
//! another agency's report of the same year, by the sentence fingerprints
//! X-DUP compares across years ([`super::cross::fingerprint`]: digits
//! masked, so a copy with its own figures still counts). An index from each
//! sentence to the reports of the year that hold it, not a comparison of
//! every pair: a sentence shared by more than [`MAX_SHARING`] reports is the
//! wording of a template, not a copy of one report, and is left out, so the
//! work stays linear in the number of sentences.

use crate::config::CheckConfig;
use crate::diag::{Diagnostic, Pos};
use crate::model::Report;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// More reports of a year than this sharing a sentence make it a template's.
pub const MAX_SHARING: usize = 32;

/// X-COPY over `reports` (any order): each report whose narrative shares
/// more than the threshold with one other agency's report of its year,
/// naming that report.
pub fn check_copies(reports: &[Report], config: &CheckConfig, diags: &mut Vec<Diagnostic>) {
    let mut by_year: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
    for (i, r) in reports.iter().enumerate().filter(|(_, r)| !r.sentences.is_empty()) {
        by_year.entry(r.year).or_default().push(i);
    }
    let found: Vec<Diagnostic> = by_year
        .into_par_iter()
        .flat_map_iter(|(_, members)| year_copies(reports, &members, config.similarity_across))
        .collect();
    diags.extend(found);
}

/// X-COPY among the reports `members` (indexes into `reports`) of one year:
/// every (sentence, report) of the year sorted by sentence, so the reports
/// sharing a sentence sit together; each group of two to [`MAX_SHARING`]
/// credits every report in it with the sentence's length towards each other
/// agency's report in it.
fn year_copies(reports: &[Report], members: &[usize], threshold: f64) -> Vec<Diagnostic> {
    let mut held: Vec<(u64, u32, u32)> = Vec::new();
    for &i in members {
        let index = u32::try_from(i).unwrap_or(u32::MAX);
        let mut own: Vec<(u64, u32, u32)> = reports[i].sentences.iter().map(|s| (s.0, index, s.1)).collect();
        own.sort_unstable();
        // One report's repeated sentence counts once.
        own.dedup_by_key(|s| s.0);
        held.extend(own);
    }
    held.sort_unstable();
    // (report, other report, characters of the sentence shared).
    let mut pairs: Vec<(u32, u32, u32)> = Vec::new();
    for group in held.chunk_by(|a, b| a.0 == b.0).filter(|g| (2..=MAX_SHARING).contains(&g.len())) {
        for a in group {
            for b in group.iter().filter(|b| reports[b.1 as usize].agency != reports[a.1 as usize].agency) {
                pairs.push((a.1, b.1, a.2));
            }
        }
    }
    pairs.sort_unstable();
    let mut best: BTreeMap<u32, (u64, u32)> = BTreeMap::new();
    for run in pairs.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        let chars: u64 = run.iter().map(|p| u64::from(p.2)).sum();
        let entry = best.entry(run[0].0).or_insert((0, run[0].1));
        if chars > entry.0 {
            *entry = (chars, run[0].1);
        }
    }
    best.into_iter()
        .filter_map(|(i, (chars, other))| {
            let this = &reports[i as usize];
            let total: u64 = this.sentences.iter().map(|s| u64::from(s.1)).sum();
            let share = chars as f64 / total.max(1) as f64;
            (share > threshold).then(|| finding(this, &reports[other as usize], share))
        })
        .collect()
}

/// The X-COPY finding of `this`, sharing `share` of its narrative with `other`.
fn finding(this: &Report, other: &Report, share: f64) -> Diagnostic {
    let percent = format!("{:.0}", (share * 100.0).min(100.0));
    Diagnostic::warning(
        "X-COPY",
        &this.file,
        Pos::new(this.body_line, 1, 1),
        crate::t!("check-copy", percent = percent, agency = &other.agency, year = other.year.to_string()),
    )
    .with_related(&other.file, Pos::new(other.body_line, 1, 1), crate::t!("check-copy-other", agency = &other.agency))
    .with_help(crate::t!("check-copy-help"))
}
