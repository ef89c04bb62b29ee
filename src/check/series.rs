//! X-GAP: the years of an agency's series. An agency with reports for some
//! years and not for a year between them, or without the report of the
//! latest year the site covers once that year's deadline has passed. The
//! latest year is `[check] latest_year`, or else the last year whose
//! deadline has passed by the build's date ([`super::documents::today`],
//! which `GONGKAI_TODAY` sets); an agency states the years it has with
//! `years:` in its agency.yaml (set up, merged or abolished), and is not
//! asked for a report outside them.

use crate::config::{Config, Deadlines};
use crate::diag::{Diagnostic, Pos};
use crate::model::{Agency, Date, Report};
use std::collections::{BTreeMap, BTreeSet};

/// The deadline of the report on `year` for `agency`, if it is a date.
fn deadline(year: i32, agency: &Agency, deadlines: &Deadlines) -> Option<Date> {
    Date::parse(&format!("{}-{}", year + 1, deadlines.for_kind(agency.kind)))
}

/// The latest report year due from `agency` by `today`: the site's latest
/// year if its deadline has passed, else the year before it, and never a
/// year after the agency's last.
pub fn latest_due(agency: &Agency, config: &Config, today: Date) -> i32 {
    let passed = |y: i32| deadline(y, agency, &config.deadlines).is_some_and(|d| d < today);
    let mut year = config.check.latest_year.unwrap_or(today.year).min(today.year);
    // The deadline falls in the next year: at most two years back has passed.
    for _ in 0..2 {
        if !passed(year) {
            year -= 1;
        }
    }
    agency.years.and_then(|y| y.to).map_or(year, |to| year.min(to))
}

/// X-GAP over every agency of the site (`reports` in any order).
pub fn check_series(
    reports: &[Report],
    agencies: &BTreeMap<String, Agency>,
    config: &Config,
    today: Date,
    diags: &mut Vec<Diagnostic>,
) {
    let mut years: BTreeMap<&str, BTreeSet<i32>> = BTreeMap::new();
    for r in reports {
        years.entry(r.agency.as_str()).or_default().insert(r.year);
    }
    for agency in agencies.values() {
        let have = years.get(agency.slug.as_str());
        let first = match (agency.years, have.and_then(|h| h.first())) {
            (Some(y), _) => y.from,
            (None, Some(&f)) => f,
            (None, None) => continue,
        };
        let last = latest_due(agency, config, today).max(have.and_then(|h| h.last()).copied().unwrap_or(first));
        let missing: Vec<i32> = (first..=last)
            .filter(|y| !have.is_some_and(|h| h.contains(y)) && agency.years.is_none_or(|r| r.contains(*y)))
            .filter(|&y| y <= latest_due(agency, config, today) || have.is_some_and(|h| h.iter().any(|&h| h > y)))
            .collect();
        for run in runs(&missing) {
            diags.push(finding(agency, run, have.is_some_and(|h| h.iter().any(|&h| h > run[run.len() - 1]))));
        }
    }
}

/// `years` (ascending) cut into runs of consecutive years.
fn runs(years: &[i32]) -> Vec<&[i32]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=years.len() {
        if i == years.len() || years[i] != years[i - 1] + 1 {
            if i > start {
                out.push(&years[start..i]);
            }
            start = i;
        }
    }
    out
}

/// The X-GAP finding of `agency` missing the years `run`: a gap between its
/// reports when a later report exists, else the latest report(s) missing.
fn finding(agency: &Agency, run: &[i32], between: bool) -> Diagnostic {
    let (from, to) = (run[0], run[run.len() - 1]);
    let years = if from == to { from.to_string() } else { format!("{from}—{to}") };
    let (message, pos) = if between {
        (crate::t!("check-gap", agency = &agency.name, years = years), Pos::new(1, 1, 1))
    } else {
        (crate::t!("check-gap-latest", agency = &agency.name, years = years), Pos::new(1, 1, 1))
    };
    let pos = if agency.years.is_some() { agency.years_pos } else { pos };
    Diagnostic::warning("X-GAP", &agency.file, pos, message).with_help(crate::t!("check-gap-help"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consecutive_years_make_one_run() {
        assert_eq!(runs(&[2019, 2020, 2022, 2024, 2025]), vec![&[2019, 2020][..], &[2022], &[2024, 2025]]);
        assert!(runs(&[]).is_empty());
    }
}
