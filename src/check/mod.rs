//! Checking: every rule of a report's form, its narrative, its agency's
//! constraints, and the links between consecutive years.
//!
//! Parse errors are found by [`crate::parse`]; this module checks reports
//! that parsed. It first completes omitted totals, so that rendering shows
//! the same figures the rules were checked against.

pub mod agency;
pub mod cross;
pub mod narrative;
pub mod tables;

use crate::config::Config;
use crate::diag::Diagnostic;
use crate::load::Content;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// Checks every report of `content`, completing omitted totals in place.
/// Returns the findings (parse diagnostics stay in `content.diags`).
pub fn check(content: &mut Content, config: &Config) -> Vec<Diagnostic> {
    check_reports(&mut content.reports, &content.agencies, config)
}

/// Checks `reports` (sorted by agency, then year), each on its own and each
/// against the same agency's previous year when it is among them.
pub fn check_reports(
    reports: &mut [crate::model::Report],
    agencies: &BTreeMap<String, crate::model::Agency>,
    config: &Config,
) -> Vec<Diagnostic> {
    let mut diags: Vec<Diagnostic> = reports
        .par_iter_mut()
        .flat_map_iter(|report| {
            let mut d = Vec::new();
            tables::complete_totals(report, &mut d);
            tables::check_report(report, &mut d);
            narrative::check_sections(report, &mut d);
            narrative::check_years(report, &mut d);
            narrative::check_claims(report, &mut d);
            narrative::check_old_labels(report, &mut d);
            if let Some(a) = agencies.get(&report.agency) {
                agency::check_deadline(report, a, &config.deadlines, &mut d);
                agency::check_authority(report, a, &mut d);
            }
            d
        })
        .collect();
    // Reports are sorted by agency then year: neighbours are consecutive years.
    let reports = &*reports;
    let prints: Vec<Vec<cross::Sentence>> = reports.par_iter().map(|r| cross::fingerprint(&r.body)).collect();
    let pairs: Vec<usize> = (1..reports.len())
        .filter(|&i| reports[i - 1].agency == reports[i].agency && reports[i - 1].year + 1 == reports[i].year)
        .collect();
    diags.par_extend(pairs.into_par_iter().flat_map_iter(|i| {
        let mut d = Vec::new();
        cross::check_pair(&reports[i - 1], &reports[i], (&prints[i - 1], &prints[i]), config.check.similarity, &mut d);
        d
    }));
    diags
}
