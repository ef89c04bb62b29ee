//! What is published in place of what is not: each withheld report (or
//! agency) keeps the version last published, read from the copy kept of its
//! source ([`super::sources`]) and parsed and checked again exactly like a
//! file of the site. Then the agencies concerned are checked across years
//! once more, as published, so a kept version and a new neighbouring year
//! never contradict each other online.

use super::plan::{Plan, Planned, Reason, Verdict};
use crate::diag::{Diagnostic, Severity};
use crate::model::{Agency, Date, Report};
use crate::render::pages::Published;
use crate::render::urls;
use crate::site::Site;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What the output held before this build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prior {
    /// Nothing was published yet.
    Nothing,
    /// The sources of the last publication: a folder laid out like a site
    /// (`content/reports/<agency>/…`).
    Sources(PathBuf),
    /// An output without a record of its sources (built by an earlier
    /// version of gongkai, or the record was removed): only its pages tell
    /// what is online, and nothing of it can be kept.
    Unrecorded(PathBuf),
}

impl Prior {
    /// The folder of the last publication's sources, if it is recorded.
    pub fn sources(&self) -> Option<&Path> {
        match self {
            Prior::Sources(dir) => Some(dir),
            _ => None,
        }
    }

    /// Where the kept copy of the site file `file` would be.
    fn stored(&self, site_root: &Path, file: &Path) -> Option<PathBuf> {
        match self {
            Prior::Sources(dir) => Some(dir.join(file.strip_prefix(site_root).ok()?)),
            _ => None,
        }
    }

    /// Whether an unrecorded output has the page `rel`.
    fn online(&self, rel: &str) -> bool {
        matches!(self, Prior::Unrecorded(out) if out.join(rel).is_file())
    }
}

/// The version kept online in place of a report that is not published now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Previous {
    /// None: it was not published before, and does not appear.
    Nothing,
    /// The version last published stays, with its publication date if it states one.
    Kept(Option<Date>),
}

/// A report (or another file of `content/reports/`) that is not published as it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Withheld {
    /// The file (or folder) of the site.
    pub file: PathBuf,
    /// Why (for a draft left out, irrelevant: [`Reason::Errors`] of 0).
    pub reason: Reason,
    /// What stays online in its place.
    pub previous: Previous,
}

/// Why the version online of a withheld report cannot be kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LostWhy {
    /// The output was built without a record of its sources.
    Unrecorded,
    /// The version last published fails the checks now, with this many errors.
    Failing(usize),
}

/// A report (or agency) online that this build could neither publish nor
/// keep: then nothing is published, so that nothing online disappears.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lost {
    /// The file of the site.
    pub file: PathBuf,
    /// Why it cannot be kept.
    pub why: LostWhy,
}

/// The reports and agencies a build publishes: the site's own, less those
/// left out, plus the versions kept in place of withheld ones.
#[derive(Debug, Default)]
pub struct Selection {
    /// Reports kept as last published, in place of withheld ones.
    kept_reports: Vec<Report>,
    /// Agencies kept as last published, in place of withheld ones.
    kept_agencies: BTreeMap<String, Agency>,
    /// Report files of the site not published (withheld, drafts).
    left_out: HashSet<PathBuf>,
    /// Agencies of the site not published as they are.
    agencies_out: BTreeSet<String>,
    /// Every withheld report, in path order (then those found by comparing with kept versions).
    pub withheld: Vec<Withheld>,
    /// The drafts left out (a build without `--drafts`).
    pub drafts: Vec<Withheld>,
    /// Every document file of the catalogue withheld for its errors, in path order.
    pub withheld_documents: Vec<Withheld>,
    /// What could not be kept: nothing is published when there is any.
    pub lost: Vec<Lost>,
    /// The errors found when checking across years as published (new
    /// findings, printed after the site's own).
    pub diags: Vec<Diagnostic>,
}

/// The site's file of which `file` is the kept copy (or `file` itself).
fn site_file(site: &Site, prior: &Prior, file: &Path) -> PathBuf {
    match prior {
        Prior::Sources(dir) => file.strip_prefix(dir).map_or_else(|_| file.to_path_buf(), |rel| site.root.join(rel)),
        _ => file.to_path_buf(),
    }
}

/// Error findings only.
fn errors(diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diags.into_iter().filter(|d| d.severity == Severity::Error).collect()
}

/// Decides what `site` publishes: `plan`'s verdicts, with the versions
/// `prior` kept in place of what is withheld; `drafts` whether drafts are published.
pub fn select(site: &Site, plan: &Plan, prior: &Prior, drafts: bool) -> Selection {
    let mut s = Selection::default();
    for slug in plan.agencies.keys() {
        s.agencies_out.insert(slug.clone());
        s.keep_agency(site, prior, slug);
    }
    for p in &plan.reports {
        match p.verdict {
            Verdict::Publish => {}
            Verdict::Draft => {
                let previous = s.keep(site, prior, p, drafts);
                s.drafts.push(Withheld { file: p.file.to_path_buf(), reason: Reason::Errors(0), previous });
            }
            Verdict::Withhold(reason) => {
                let previous = s.keep(site, prior, p, drafts);
                s.withheld.push(Withheld { file: p.file.to_path_buf(), reason, previous });
            }
        }
    }
    for (file, n) in &plan.documents {
        s.left_out.insert(file.to_path_buf());
        let reason = Reason::Errors(*n);
        s.withheld_documents.push(Withheld { file: file.to_path_buf(), reason, previous: Previous::Nothing });
    }
    for (file, n) in &plan.others {
        s.withheld.push(Withheld { file: file.to_path_buf(), reason: Reason::Errors(*n), previous: Previous::Nothing });
    }
    s.recheck(site, prior, drafts);
    s
}

impl Selection {
    /// What is published, for rendering: every page, listing, total and data file comes from it.
    pub fn published<'a>(&'a self, site: &'a Site) -> Published<'a> {
        let mut reports: Vec<&Report> =
            site.content.reports.iter().filter(|r| !self.left_out.contains(r.file.as_path())).collect();
        reports.extend(&self.kept_reports);
        reports.sort_by(|a, b| (&a.agency, a.year).cmp(&(&b.agency, b.year)));
        let mut agencies: BTreeMap<&str, &Agency> = site
            .content
            .agencies
            .iter()
            .filter(|(slug, _)| !self.agencies_out.contains(*slug))
            .map(|(slug, a)| (slug.as_str(), a))
            .collect();
        agencies.extend(self.kept_agencies.iter().map(|(slug, a)| (slug.as_str(), a)));
        let documents = site.content.documents.iter().filter(|d| !self.left_out.contains(d.file.as_path())).collect();
        Published { reports, agencies, documents }
    }

    /// Whether nothing may be published: a report online could not be kept,
    /// or every report is withheld and none would be published.
    pub fn refused(&self, site: &Site) -> bool {
        !self.lost.is_empty() || (!self.withheld.is_empty() && self.published(site).reports.is_empty())
    }

    /// The agency published under `slug`: the site's, or the one kept.
    fn agency<'a>(&'a self, site: &'a Site, slug: &str) -> Option<&'a Agency> {
        match self.agencies_out.contains(slug) {
            true => self.kept_agencies.get(slug),
            false => site.content.agencies.get(slug),
        }
    }

    /// Keeps the last published version of a withheld agency, if there is one.
    fn keep_agency(&mut self, site: &Site, prior: &Prior, slug: &str) {
        let file = crate::layout::agency_file(&site.root, slug);
        let lost = |why| Lost { file: file.clone(), why };
        let Some(stored) = prior.stored(&site.root, &file).filter(|p| p.is_file()) else {
            if prior.online(&urls::agency(slug)) {
                self.lost.push(lost(LostWhy::Unrecorded));
            }
            return;
        };
        let Prior::Sources(dir) = prior else { return };
        let (agency, diags) = crate::load::load_one_agency(dir, &Arc::new(stored), slug);
        match (agency, errors(diags).len()) {
            (Some(a), 0) => {
                self.kept_agencies.insert(slug.to_owned(), a);
            }
            (_, n) => self.lost.push(lost(LostWhy::Failing(n.max(1)))),
        }
    }

    /// Leaves the report of `p` out and keeps its last published version in
    /// its place, if there is one that may be published.
    fn keep(&mut self, site: &Site, prior: &Prior, p: &Planned, drafts: bool) -> Previous {
        self.left_out.insert(p.file.to_path_buf());
        let lost = |why| Lost { file: p.file.to_path_buf(), why };
        let online = p.year.is_some_and(|y| prior.online(&urls::report(&p.agency, y)));
        let stored = prior.stored(&site.root, &p.file).filter(|s| s.is_file());
        let (Some(stored), Prior::Sources(dir)) = (stored, prior) else {
            if online {
                self.lost.push(lost(LostWhy::Unrecorded));
            }
            return Previous::Nothing;
        };
        if self.agency(site, &p.agency).is_none() {
            return Previous::Nothing;
        }
        let (report, diags) =
            crate::load::load_one_report(dir, &Arc::new(stored), &p.agency, &site.forms, &crate::check::check_text);
        match (report, errors(diags).len()) {
            // A draft published by `--drafts` is not kept by a build without it.
            (Some(r), 0) if r.draft && !drafts => Previous::Nothing,
            (Some(r), 0) => {
                let taken = site
                    .content
                    .reports
                    .iter()
                    .any(|c| c.agency == r.agency && c.year == r.year && !self.left_out.contains(c.file.as_path()));
                let previous = Previous::Kept(r.published);
                // Another file of the site publishes that year's report now: it takes its place.
                if !taken {
                    self.kept_reports.push(r);
                }
                previous
            }
            (_, n) => {
                self.lost.push(lost(LostWhy::Failing(n.max(1))));
                Previous::Nothing
            }
        }
    }

    /// Checks again, across years, each agency whose published reports
    /// differ from the site's: a report of the site that disagrees with a
    /// kept neighbour is withheld too (and its own last version kept), until
    /// what is published agrees; a kept version that fails alone cannot be kept.
    fn recheck(&mut self, site: &Site, prior: &Prior, drafts: bool) {
        let mut slugs: BTreeSet<String> = self.kept_reports.iter().map(|r| r.agency.clone()).collect();
        slugs.extend(self.agencies_out.iter().cloned());
        let root = crate::layout::reports(&site.root);
        slugs.extend(
            self.left_out.iter().filter_map(|f| f.strip_prefix(&root).ok()?.iter().next()?.to_str().map(str::to_owned)),
        );
        for slug in slugs {
            while self.lost.is_empty() && self.recheck_agency(site, prior, drafts, &slug) {}
        }
    }

    /// One pass of [`Selection::recheck`] over the agency `slug`; true when it
    /// withheld another report (and the agency must be checked again).
    fn recheck_agency(&mut self, site: &Site, prior: &Prior, drafts: bool, slug: &str) -> bool {
        let Some(agency) = self.agency(site, slug).cloned() else { return false };
        let own = site.content.reports.iter().filter(|r| r.agency == slug && !self.left_out.contains(r.file.as_path()));
        let mut list: Vec<Report> = own.chain(self.kept_reports.iter().filter(|r| r.agency == slug)).cloned().collect();
        list.sort_by_key(|r| r.year);
        let agencies = BTreeMap::from([(slug.to_owned(), agency)]);
        let found = errors(crate::check::check_reports(&list, &agencies, &site.config));
        if found.is_empty() {
            return false;
        }
        let kept: HashSet<PathBuf> = self.kept_reports.iter().map(|r| r.file.to_path_buf()).collect();
        let mut by_file: BTreeMap<PathBuf, usize> = BTreeMap::new();
        for d in &found {
            *by_file.entry(d.file.to_path_buf()).or_default() += 1;
        }
        self.diags.extend(found);
        let mut withheld = false;
        for (file, n) in by_file {
            let Some(r) = list.iter().find(|r| *r.file == file) else { continue };
            let target = if !kept.contains(&file) {
                Some(r)
            } else if errors(crate::check::check_reports(std::slice::from_ref(r), &agencies, &site.config)).is_empty() {
                // It fails only beside the year before, which is the site's own: that one waits.
                list.iter().find(|p| p.year + 1 == r.year && !kept.contains(p.file.as_path()))
            } else {
                None
            };
            match target {
                Some(t) if !self.left_out.contains(t.file.as_path()) => {
                    let planned = Planned {
                        file: Arc::clone(&t.file),
                        agency: slug.to_owned(),
                        year: Some(t.year),
                        verdict: Verdict::Withhold(Reason::Neighbour(n)),
                    };
                    let previous = self.keep(site, prior, &planned, drafts);
                    self.withheld.push(Withheld { file: t.file.to_path_buf(), reason: Reason::Neighbour(n), previous });
                    withheld = true;
                }
                _ => self.lost.push(Lost { file: site_file(site, prior, &file), why: LostWhy::Failing(n) }),
            }
        }
        withheld
    }
}
