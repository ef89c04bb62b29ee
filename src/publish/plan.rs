//! Which reports a build publishes, decided from the findings alone.
//!
//! One pure function, [`verdict`], decides for each report file: publish it,
//! leave it out as a draft, or withhold it. A report file with an error, one
//! that did not parse, and every report of an agency whose `agency.yaml` has
//! an error (or that has none) is withheld; the rest publish. An error that
//! concerns the whole site (a plain page, a link in the theme…) is counted
//! apart: then nothing is published.

use crate::diag::Severity;
use crate::layout::{AGENCY_FILE, is_ignored, is_slug};
use crate::model::Report;
use crate::site::Site;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// Where a file with an error is, as far as publishing is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A report of an agency folder, `content/reports/<agency>/<name>.md`.
    Report(String),
    /// An agency's description, `content/reports/<agency>/agency.yaml`.
    Agency(String),
    /// Anything else under `content/reports/` (a misplaced file, a badly named folder).
    Reports,
    /// A file or folder of the catalogue, under `content/documents/`.
    Document,
    /// Anything else: settings, plain pages, the theme, templates, forms.
    Site,
}

/// Where `file` of the site at `root` is.
pub fn place_of(root: &Path, file: &Path) -> Place {
    if file.starts_with(crate::layout::documents(root)) {
        return Place::Document;
    }
    let Ok(rel) = file.strip_prefix(crate::layout::reports(root)) else { return Place::Site };
    let parts: Option<Vec<String>> = rel
        .components()
        .map(|c| match c {
            Component::Normal(n) => Some(n.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    match parts.as_deref() {
        Some([slug, name]) if is_slug(slug) && name == AGENCY_FILE => Place::Agency(slug.clone()),
        Some([slug, name]) if is_slug(slug) && name.ends_with(".md") && !is_ignored(name) => {
            Place::Report(slug.clone())
        }
        _ => Place::Reports,
    }
}

/// The state of an agency, for its reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgencyState {
    /// Described, without error.
    Sound,
    /// Its `agency.yaml` has this many errors.
    Errors(usize),
    /// It has no `agency.yaml` at all.
    Undescribed,
}

/// Why a report is not published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// It has this many errors (or, when it did not parse, is named by them).
    Errors(usize),
    /// Its agency's `agency.yaml` has this many errors.
    Agency(usize),
    /// Its agency has no `agency.yaml`.
    Undescribed,
    /// It disagrees with the version of the year before or after that stays
    /// published (this many errors of the checks across years).
    Neighbour(usize),
}

/// What becomes of one report file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Published.
    Publish,
    /// A draft: published only with `--drafts` (and in the preview).
    Draft,
    /// Withheld, for this reason.
    Withhold(Reason),
}

/// The verdict on one report file: `errors` found in it (for a file that did
/// not parse, the errors that name it), its agency's state, whether it
/// parsed, whether it is a draft, and whether drafts are published. A draft
/// that is not to be published is a draft whatever its errors: its errors are
/// shown, but it is not "withheld".
pub fn verdict(errors: usize, agency: AgencyState, parsed: bool, draft: bool, drafts: bool) -> Verdict {
    if draft && !drafts {
        return Verdict::Draft;
    }
    match agency {
        _ if errors > 0 => Verdict::Withhold(Reason::Errors(errors)),
        AgencyState::Errors(n) => Verdict::Withhold(Reason::Agency(n)),
        AgencyState::Undescribed => Verdict::Withhold(Reason::Undescribed),
        AgencyState::Sound if !parsed => Verdict::Withhold(Reason::Errors(errors)),
        AgencyState::Sound => Verdict::Publish,
    }
}

/// The verdict on one report file of the site.
#[derive(Debug, Clone)]
pub struct Planned {
    /// The file.
    pub file: Arc<PathBuf>,
    /// Its agency's slug (its folder).
    pub agency: String,
    /// Its year, when it parsed or its name is a year.
    pub year: Option<i32>,
    /// What becomes of it.
    pub verdict: Verdict,
}

/// The verdicts on a whole site.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Every report file, in path order.
    pub reports: Vec<Planned>,
    /// Agencies that are not published as they are, by slug.
    pub agencies: BTreeMap<String, AgencyState>,
    /// Other files and folders of `content/reports/` with errors (never
    /// published: a misplaced report, a badly named folder), with their count.
    pub others: Vec<(Arc<PathBuf>, usize)>,
    /// Errors that concern the whole site: then nothing is published.
    pub site_errors: usize,
    /// Files and folders of the catalogue with errors, with their count, in
    /// path order: each is left out, the rest of the catalogue published.
    pub documents: Vec<(Arc<PathBuf>, usize)>,
}

/// The year a report file's name states (`2024.md`).
pub fn year_of_name(file: &Path) -> Option<i32> {
    let stem = file.file_stem()?.to_str()?;
    (stem.len() == 4 && stem.bytes().all(|b| b.is_ascii_digit())).then(|| stem.parse().ok()).flatten()
}

/// A key that sorts normalised paths as [`Path`]'s own order does (component
/// by component), with the speed of comparing bytes: the separator becomes
/// the lowest byte, so a shorter component sorts first (`a/x` before `a-b/x`).
fn path_order(file: &Path) -> Vec<u8> {
    let sep = |b: u8| b == b'/' || b == std::path::MAIN_SEPARATOR as u8;
    file.as_os_str().as_encoded_bytes().iter().map(|&b| if sep(b) { 0 } else { b }).collect()
}

/// Decides the fate of every report file of `site` from its findings;
/// `drafts` says whether drafts are published.
pub fn plan(site: &Site, drafts: bool) -> Plan {
    let mut own: HashMap<&Path, usize> = HashMap::new();
    let mut named: HashMap<&Path, usize> = HashMap::new();
    let mut agency_errors: BTreeMap<String, usize> = BTreeMap::new();
    let mut others: BTreeMap<Arc<PathBuf>, usize> = BTreeMap::new();
    // Every report file, with its agency: sorted and deduplicated once
    // below, not kept in a map (at 10,000 reports a map of paths cost the
    // preview 20 ms of every update before the edited page could be shown).
    let mut files: Vec<(Arc<PathBuf>, Cow<'_, str>)> = Vec::new();
    let mut site_errors = 0;
    let mut documents: BTreeMap<Arc<PathBuf>, usize> = BTreeMap::new();
    for d in site.diags.iter().filter(|d| d.severity == Severity::Error) {
        match place_of(&site.root, &d.file) {
            Place::Report(slug) => {
                *own.entry(&d.file).or_default() += 1;
                files.push((Arc::clone(&d.file), Cow::Owned(slug)));
            }
            Place::Agency(slug) => *agency_errors.entry(slug).or_default() += 1,
            Place::Reports => *others.entry(Arc::clone(&d.file)).or_default() += 1,
            Place::Document => *documents.entry(Arc::clone(&d.file)).or_default() += 1,
            Place::Site => site_errors += 1,
        }
        for l in d.related.iter().filter(|l| l.file != d.file) {
            *named.entry(&l.file).or_default() += 1;
        }
    }
    for (slug, list) in &site.content.files_by_agency {
        files.extend(list.iter().map(|f| (Arc::clone(f), Cow::Borrowed(slug.as_str()))));
    }
    // A file named both ways keeps the agency of its folder's listing.
    let from_a_finding = |c: &Cow<'_, str>| matches!(c, Cow::Owned(_));
    files.sort_by_cached_key(|(file, agency)| (path_order(file), from_a_finding(agency)));
    files.dedup_by(|later, first| later.0 == first.0);
    let parsed: HashMap<&Path, &Report> = site.content.reports.iter().map(|r| (r.file.as_path(), r)).collect();
    let state = |slug: &str| match agency_errors.get(slug) {
        Some(&n) => AgencyState::Errors(n),
        None if site.content.agencies.contains_key(slug) => AgencyState::Sound,
        None => AgencyState::Undescribed,
    };
    let mut agencies: BTreeMap<String, AgencyState> =
        agency_errors.keys().map(|slug| (slug.clone(), state(slug))).collect();
    let reports = files
        .into_iter()
        .map(|(file, agency)| {
            let report = parsed.get(file.as_path()).copied();
            let errors = match own.get(file.as_path()) {
                Some(&n) => n,
                None if report.is_none() => named.get(file.as_path()).copied().unwrap_or(0),
                None => 0,
            };
            let agency_state = state(&agency);
            if agency_state != AgencyState::Sound {
                agencies.insert(agency.clone().into_owned(), agency_state);
            }
            let draft = report.is_some_and(|r| r.draft);
            Planned {
                year: report.map(|r| r.year).or_else(|| year_of_name(&file)),
                verdict: verdict(errors, agency_state, report.is_some(), draft, drafts),
                file,
                agency: agency.into_owned(),
            }
        })
        .collect();
    // A document file that did not parse is named by its errors; one that
    // parsed without error but is missing from the catalogue cannot be.
    Plan {
        reports,
        agencies,
        others: others.into_iter().collect(),
        site_errors,
        documents: documents.into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_with_an_error_or_a_broken_agency_is_withheld_and_a_draft_is_a_draft() {
        let sound = AgencyState::Sound;
        assert_eq!(verdict(0, sound, true, false, false), Verdict::Publish);
        assert_eq!(verdict(2, sound, true, false, false), Verdict::Withhold(Reason::Errors(2)));
        assert_eq!(verdict(1, sound, false, false, false), Verdict::Withhold(Reason::Errors(1)));
        // A file that did not parse is never published, even with no error of its own.
        assert_eq!(verdict(0, sound, false, false, false), Verdict::Withhold(Reason::Errors(0)));
        assert_eq!(verdict(0, AgencyState::Errors(3), true, false, false), Verdict::Withhold(Reason::Agency(3)));
        assert_eq!(verdict(0, AgencyState::Undescribed, true, false, false), Verdict::Withhold(Reason::Undescribed));
        // Its own errors come first.
        assert_eq!(verdict(1, AgencyState::Errors(3), true, false, false), Verdict::Withhold(Reason::Errors(1)));
        // A draft is a draft, errors or not, unless drafts are published: then it is judged like any report.
        assert_eq!(verdict(0, sound, true, true, false), Verdict::Draft);
        assert_eq!(verdict(4, sound, true, true, false), Verdict::Draft);
        assert_eq!(verdict(0, sound, true, true, true), Verdict::Publish);
        assert_eq!(verdict(4, sound, true, true, true), Verdict::Withhold(Reason::Errors(4)));
    }

    #[test]
    fn the_path_key_sorts_as_paths_sort() {
        let names = ["a", "a-b", "a.b", "a b", "ab", "a!", "b", "A", "年报", "a0", "2020.md", "2020-1.md", "2020.md~"];
        let mut paths: Vec<PathBuf> = Vec::new();
        for slug in names {
            for file in names {
                paths.push(Path::new("/s/content/reports").join(slug).join(file));
            }
            paths.push(Path::new("/s/content/reports").join(slug));
        }
        let mut by_path = paths.clone();
        by_path.sort();
        paths.sort_by_cached_key(|p| path_order(p));
        assert_eq!(paths, by_path);
    }

    #[test]
    fn files_are_placed_by_their_path() {
        let root = Path::new("/s");
        let at = |p: &str| place_of(root, Path::new(p));
        assert_eq!(at("/s/content/reports/baibu/2024.md"), Place::Report("baibu".into()));
        assert_eq!(at("/s/content/reports/baibu/agency.yaml"), Place::Agency("baibu".into()));
        assert_eq!(at("/s/content/reports/2024.md"), Place::Reports);
        assert_eq!(at("/s/content/reports/百步"), Place::Reports);
        assert_eq!(at("/s/content/reports/baibu/x/2024.md"), Place::Reports);
        assert_eq!(at("/s/content/pages/guide.md"), Place::Site);
        assert_eq!(at("/s/themes/default/templates/base.html"), Place::Site);
        assert_eq!(at("/s/site.toml"), Place::Site);
        assert_eq!(at("/s/content/documents/baibu/a.md"), Place::Document);
        assert_eq!(at("/s/content/documents/loose.md"), Place::Document);
        assert_eq!(year_of_name(Path::new("a/2024.md")), Some(2024));
        assert_eq!(year_of_name(Path::new("a/report.md")), None);
    }
}
