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
use std::collections::{BTreeMap, HashMap};

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

/// X-COPY among the reports `members` (indexes into `reports`) of one year.
fn year_copies(reports: &[Report], members: &[usize], threshold: f64) -> Vec<Diagnostic> {
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for &i in members {
        let mut seen: Vec<u64> = reports[i].sentences.iter().map(|s| s.0).collect();
        seen.sort_unstable();
        seen.dedup();
        for h in seen {
            let holders = index.entry(h).or_default();
            if holders.len() <= MAX_SHARING {
                holders.push(i);
            }
        }
    }
    members
        .par_iter()
        .filter_map(|&i| {
            let this = &reports[i];
            let total: u64 = this.sentences.iter().map(|s| u64::from(s.1)).sum();
            let mut shared: HashMap<usize, u64> = HashMap::new();
            for s in &this.sentences {
                let Some(holders) = index.get(&s.0).filter(|h| h.len() <= MAX_SHARING) else { continue };
                for &o in holders.iter().filter(|&&o| reports[o].agency != this.agency) {
                    *shared.entry(o).or_default() += u64::from(s.1);
                }
            }
            // The most shared; on a tie, the first in the site's order.
            let (other, chars) = shared.into_iter().max_by_key(|&(o, c)| (c, std::cmp::Reverse(o)))?;
            let share = chars as f64 / total.max(1) as f64;
            (share > threshold).then(|| finding(this, &reports[other], share))
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
