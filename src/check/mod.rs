//! Checking: every rule of a report's form, its narrative, its agency's
//! constraints, and the links between consecutive years.
//!
//! Parse errors are found by [`crate::parse`]; this module checks reports
//! that parsed (their omitted totals already completed by the parser), in
//! two passes: [`check_text`] on each report while its file's text is in
//! hand (the narrative checked and fingerprinted), then [`check_reports`]
//! over all of them (the form's rules, the agency, consecutive years), then
//! [`check_site`] over the whole site (parents against their children,
//! copies across agencies, gaps in the series). The severity a site gives
//! each rule is [`severity::apply`]d to every finding last.

pub mod agency;
pub mod children;
pub mod copies;
pub mod cross;
pub mod documents;
pub mod explain;
pub mod group;
pub mod jumps;
pub mod kept;
pub mod narrative;
pub mod series;
pub mod severity;
pub mod tables;

use crate::config::Config;
use crate::diag::Diagnostic;
use crate::load::Content;
use crate::model::{Agency, Loaded, Report};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// The checks that read a report's narrative. Run on each report right
/// after it is parsed (the loader's parallel pass), while the file's text
/// is in hand; the stored report keeps no narrative, so a large portal is
/// never held in memory whole; rendering reads the text the loader kept
/// ([`crate::texts`]).
pub fn check_text(loaded: &mut Loaded<'_>) -> Vec<Diagnostic> {
    let mut d = Vec::new();
    narrative::check_sections(loaded, &mut d);
    narrative::check_years(loaded, &mut d);
    narrative::check_claims(loaded, &mut d);
    narrative::check_old_labels(loaded, &mut d);
    narrative::check_substance(loaded, &mut d);
    narrative::check_enumerations(loaded, &mut d);
    loaded.report.unreported = narrative::find_unreported(loaded);
    loaded.report.sentences = cross::fingerprint(loaded.body);
    d
}

/// Checks every report of `content` (already through [`check_text`]).
/// Returns the findings (parse diagnostics stay in `content.diags`).
pub fn check(content: &mut Content, config: &Config) -> Vec<Diagnostic> {
    let mut diags = check_reports(&content.reports, &content.agencies, config);
    let vocabulary = config.documents.vocabulary();
    let pattern = config.documents.index_pattern();
    let catalogue = documents::Catalogue {
        agencies: &content.agencies,
        vocabulary: &vocabulary,
        index_pattern: &pattern,
        today: documents::today(),
    };
    diags.extend(check_site(&content.reports, &content.agencies, config, catalogue.today));
    diags.extend(documents::check_documents(&content.documents, &catalogue));
    diags.extend(documents::table2::compare(&content.reports, &content.documents, &vocabulary));
    kept::attach(&mut content.reports);
    diags
}

/// Checks `reports` (sorted by agency, then year, each already through
/// [`check_text`]): the form's rules, the agency's constraints, and each
/// report against the same agency's previous year when it is among them.
/// A report kept as published gets its rules' failures as notices; the
/// page's statement of them is [`kept::attach`]ed after.
pub fn check_reports(reports: &[Report], agencies: &BTreeMap<String, Agency>, config: &Config) -> Vec<Diagnostic> {
    let mut diags: Vec<Diagnostic> = reports
        .par_iter()
        .flat_map_iter(|report| {
            let mut d = Vec::new();
            tables::check_report(report, &mut d);
            if let Some(a) = agencies.get(&report.agency) {
                agency::check_deadline(report, a, &config.deadlines, &mut d);
                agency::check_authority(report, a, &mut d);
                narrative::check_required(report, a, &mut d);
            }
            d
        })
        .collect();
    // Reports are sorted by agency then year: neighbours are consecutive years.
    let pairs: Vec<usize> = (1..reports.len())
        .filter(|&i| reports[i - 1].agency == reports[i].agency && reports[i - 1].year + 1 == reports[i].year)
        .collect();
    diags.par_extend(pairs.into_par_iter().flat_map_iter(|i| {
        let mut d = Vec::new();
        cross::check_pair(&reports[i - 1], &reports[i], &config.check, &mut d);
        d
    }));
    diags
}

/// The codes of the rules [`check_site`] runs: their findings depend on
/// other agencies' reports, so the preview's re-check of one agency
/// ([`crate::site::Site::reload_agency`]) drops them all and runs them again.
pub const SITE_CODES: &[&str] = &["X-CHILDREN", "X-COPY", "X-GAP"];

/// The rules over the whole site, each linear in the reports (an index, not
/// a comparison of pairs): a parent that sums its children against them,
/// copies across agencies of a year, and gaps in each agency's series
/// (`today` decides which years are due).
pub fn check_site(
    reports: &[Report],
    agencies: &BTreeMap<String, Agency>,
    config: &Config,
    today: crate::model::Date,
) -> Vec<Diagnostic> {
    // Three independent passes over the same reports: run side by side.
    let ((mut diags, copies), series) = rayon::join(
        || {
            rayon::join(
                || {
                    let mut d = Vec::new();
                    children::check_children(reports, agencies, &mut d);
                    d
                },
                || {
                    let mut d = Vec::new();
                    copies::check_copies(reports, &config.check, &mut d);
                    d
                },
            )
        },
        || {
            let mut d = Vec::new();
            series::check_series(reports, agencies, config, today, &mut d);
            d
        },
    );
    diags.extend(copies);
    diags.extend(series);
    diags
}
