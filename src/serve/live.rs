//! The preview's site between rebuilds, and incremental updates.
//!
//! After a full build the checked [`Site`] and the compiled templates stay in
//! memory. When only reports change, just their agencies are re-read and
//! re-checked ([`Site::reload_agency`]), and only the pages that show those
//! reports are rendered again: the agency's report pages (prev/next links),
//! its agency page, the years involved, the home page and lists, the feed
//! and the sitemap. The site-wide files, the open data and the search
//! index, are written again on the next request for one of them. A change
//! of templates, the theme or plain pages renders everything again without
//! re-reading reports; anything else (settings, forms, agency files)
//! triggers a full build.
//!
//! What is shown is decided as `build` decides what it publishes
//! ([`crate::publish`]): a report with an error is withheld and its last
//! good version, kept in the preview's own folder of sources, is shown in its
//! place (its page keeps answering, under the error overlay); the rest of the
//! site shows every edit. Drafts are shown, marked 草稿, unless `--no-drafts`.

use crate::diag::{Diagnostic, Severity, render_human};
use crate::load::{AGENCY_FILE, Snippets, is_ignored};
use crate::model::Report;
use crate::publish::{Plan, Prior, Publication, Selection};
use crate::render::pages::{self, BuildError, Index};
use crate::render::templates::Templates;
use crate::site::Site;
use crate::texts::Texts;
use crate::write::{Action, Sink, WriteError, append_to, io, prepare};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

/// A failed build: what failed, the terminal text and the errors for the overlay.
#[derive(Debug, Clone)]
pub struct Failure {
    /// What failed.
    pub kind: FailureKind,
    /// Diagnostics and errors as printed in the terminal.
    pub report: String,
    /// Each error as the terminal shows it, for the pages' overlay.
    pub errors: Vec<String>,
}

/// What kind of failure stopped a build of the preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// The check found this many errors.
    Check(usize),
    /// The site cannot be loaded (`site.toml`, a form, the folder).
    Site,
    /// A template or the theme has an error.
    Template,
    /// The preview's files could not be written.
    Output,
    /// A report changed between checking and rendering.
    Changed,
}

impl FailureKind {
    /// The failure of a build that failed after its check passed.
    fn of(e: &BuildError) -> FailureKind {
        match e {
            BuildError::Render(_) => FailureKind::Template,
            BuildError::Write(_) => FailureKind::Output,
            BuildError::Changed(_) => FailureKind::Changed,
            BuildError::Static(_) => FailureKind::Site,
        }
    }

    /// What failed, in a few words: the overlay's heading and the start of the terminal's line.
    pub fn headline(self) -> String {
        match self {
            FailureKind::Check(errors) => crate::t!("serve-failure-check", errors = errors),
            FailureKind::Site => crate::t!("serve-failure-site"),
            FailureKind::Template => crate::t!("serve-failure-template"),
            FailureKind::Output => crate::t!("serve-failure-output"),
            FailureKind::Changed => crate::t!("serve-failure-changed"),
        }
    }
}

/// `error` as the terminal prints an error of the preview; its lines can
/// quote the site's files, so their control characters are shown, not sent.
fn error_line(error: &dyn std::fmt::Display) -> String {
    let text = error.to_string();
    let shown: Vec<_> = text.lines().map(crate::diag::visible).collect();
    crate::t!("serve-error", error = shown.join("\n"))
}

/// Writes into the served folder, each file replaced in one rename so a
/// request never sees half a page.
struct InPlace<'a>(&'a Path);

impl Sink for InPlace<'_> {
    fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let path = prepare(self.0, rel)?;
        let tmp = path.with_extension("gongkai-tmp");
        std::fs::write(&tmp, bytes).map_err(io(Action::Write, &tmp))?;
        std::fs::rename(&tmp, &path).map_err(io(Action::Replace, &path))
    }

    fn append(&self, rel: &str, bytes: &[u8]) -> Result<(), WriteError> {
        append_to(&prepare(self.0, rel)?, bytes)
    }
}

/// Findings as terminal text, and the errors among them as the overlay shows them.
fn rendered(site: &Site, diags: &[Diagnostic]) -> (String, Vec<String>) {
    let snippets = Snippets::for_diagnostics(diags, &site.texts);
    let mut report = String::new();
    let mut errors = Vec::new();
    for d in diags {
        let text = render_human(d, &site.root, &snippets);
        if d.severity == Severity::Error {
            errors.push(text.clone());
        }
        report.push_str(&text);
        report.push('\n');
    }
    (report, errors)
}

/// The diagnostics of a site as terminal text (with the summary line), and its errors.
fn diagnostics(site: &Site) -> (String, Vec<String>) {
    let (mut report, errors) = rendered(site, &site.diags);
    report.push_str(&crate::cmd::check::summary(site, site.tally()));
    report.push('\n');
    (report, errors)
}

/// A failed check: `errors` as the overlay shows them, after `report`.
fn check_failure(report: String, errors: Vec<String>) -> Failure {
    Failure { kind: FailureKind::Check(errors.len()), report, errors }
}

/// A failure of `kind` with one error, printed after `report` (the diagnostics so far).
fn failure(kind: FailureKind, error: &dyn std::fmt::Display, report: &str) -> Failure {
    let line = error_line(error);
    Failure { kind, report: format!("{report}{line}\n"), errors: vec![line] }
}

/// A build that failed after its check passed.
fn build_failure(e: &BuildError, report: &str) -> Failure {
    failure(FailureKind::of(e), e, report)
}

/// A build of the preview that is served: its terminal text and, when some
/// reports have errors (withheld, their last good version shown), those
/// errors for the overlay.
#[derive(Debug)]
pub struct Shown {
    /// Diagnostics as printed in the terminal.
    pub report: String,
    /// The errors still to fix, if any.
    pub withheld: Option<Failure>,
}

/// What the preview shows of `site`, decided like a build with
/// `--drafts` (unless `drafts` is false), with the last good versions kept
/// in `sources`: the selection, and the terminal text and errors with the
/// findings against the kept versions added. A failure when errors concern
/// the whole site, or when nothing at all could be shown.
fn choose(site: &Site, sources: &Path, drafts: bool) -> Result<(Selection, String, Vec<String>), Failure> {
    let (mut report, mut errors) = diagnostics(site);
    let plan: Plan = crate::publish::plan(site, drafts);
    if plan.site_errors > 0 {
        return Err(check_failure(report, errors));
    }
    let selection = crate::publish::select(site, &plan, &Prior::Sources(sources.to_path_buf()), drafts);
    let (more, more_errors) = rendered(site, &selection.diags);
    report.push_str(&more);
    errors.extend(more_errors);
    if selection.refused(site) {
        return Err(check_failure(report, errors));
    }
    Ok((selection, report, errors))
}

/// The (agency, year) of each of `reports` (those shown), with the hash of its sources.
fn keys<'a>(reports: impl Iterator<Item = &'a Report>) -> BTreeMap<(String, i32), u64> {
    reports.map(|r| ((r.agency.clone(), r.year), r.source_hash)).collect()
}

/// The years whose year page shows something else in `now` than in
/// `before` (the reports shown, with the hash of the text of each): a
/// report appeared, went, or is shown in another version. A year page
/// shows only that year's reports, so an edit of one report renders one
/// year page, not one per year of its agency (at 10,000 reports a year page
/// with the 汇总 of every parent takes over 100 ms).
fn changed_years(before: &BTreeMap<(String, i32), u64>, now: &BTreeMap<(String, i32), u64>) -> BTreeSet<i32> {
    let differs = |(key, hash): (&(String, i32), &u64), other: &BTreeMap<(String, i32), u64>| {
        (other.get(key) != Some(hash)).then_some(key.1)
    };
    before.iter().filter_map(|e| differs(e, now)).chain(now.iter().filter_map(|e| differs(e, before))).collect()
}

/// The site being previewed.
pub struct Live {
    /// The checked site.
    pub site: Site,
    /// Its templates.
    pub templates: Templates,
    /// The folder being served.
    pub dir: PathBuf,
    /// The site-wide data files need writing again before they are served.
    pub data_stale: bool,
    /// Whether drafts are shown.
    drafts: bool,
    /// The sources of what is shown: each report's last good version.
    sources: PathBuf,
    /// What is shown.
    selection: Selection,
    /// The reports shown, as last rendered, with the hash of each one's text.
    shown: BTreeMap<(String, i32), u64>,
    /// Agencies edited since the last render (kept while the site has errors).
    pending: BTreeSet<String>,
    /// Years of those agencies' reports, before and after the edits.
    pending_years: BTreeSet<i32>,
    /// Report years with a page, as last rendered.
    years: Vec<i32>,
    /// The key figures of every listing, as last rendered: when they change,
    /// every page that lists figures is rendered again.
    figure_keys: Vec<(String, String)>,
}

impl Live {
    /// Loads, checks and builds the site into `work/build-<generation>`,
    /// keeping the texts it reads in `work/texts` and the sources of what it
    /// shows in `work/published`; `drafts` shows drafts. The new folder is
    /// complete before it is served (a full rebuild, while the last build is
    /// still served). Returns the live site and what it shows.
    pub fn build(root: &Path, work: &Path, generation: u64, drafts: bool) -> Result<(Live, Shown), Failure> {
        let (live, shown) = Live::prepare(root, work, generation, drafts)?;
        let publication =
            Publication::in_folder(&live.dir, &live.sources).map_err(|e| build_failure(&e.into(), &shown.report))?;
        let published = live.selection.published(&live.site);
        publication.finish(&live.site, published, &live.templates).map_err(|e| build_failure(&e, &shown.report))?;
        Ok((live, shown))
    }

    /// [`Live::build`] up to rendering: loads and checks the site and
    /// decides what it shows, for `work/build-<generation>`, which is not
    /// written yet (by [`Live::fill`], or by `build`).
    pub fn prepare(root: &Path, work: &Path, generation: u64, drafts: bool) -> Result<(Live, Shown), Failure> {
        let texts = Texts::kept(root, &work.join("texts"), None).map_err(|e| build_failure(&e.into(), ""))?;
        let site =
            Site::load_with(root, texts, crate::memo::Memos::Use).map_err(|e| failure(FailureKind::Site, &e, ""))?;
        if let Some(e) = site.texts.failure() {
            return Err(build_failure(&e.into(), ""));
        }
        let sources = work.join("published");
        let (selection, report, errors) = choose(&site, &sources, drafts)?;
        let templates =
            Templates::load(&site.root, &site.config.theme).map_err(|e| failure(FailureKind::Template, &e, &report))?;
        let dir = work.join(format!("build-{generation}"));
        let published = selection.published(&site);
        let shown = keys(published.reports.iter().copied());
        let figure_keys = published.figure_keys();
        let years = published.reports.iter().map(|r| r.year).collect::<BTreeSet<i32>>().into_iter().collect();
        let withheld = (!errors.is_empty()).then(|| check_failure(report.clone(), errors));
        let live = Live {
            site,
            templates,
            dir,
            data_stale: false,
            drafts,
            sources,
            selection,
            shown,
            pending: BTreeSet::new(),
            pending_years: BTreeSet::new(),
            years,
            figure_keys,
        };
        Ok((live, Shown { report, withheld }))
    }

    /// Renders everything the preview shows into its folder in place, in the
    /// order of [`pages::render_site`] (the pages a reader opens first come
    /// first), and keeps the sources of what is shown. Only for the first
    /// build, which replaces nothing: each page can be served as soon as it
    /// is written (every file is written whole, in one rename), while the
    /// rest are still rendered; `report` is the terminal's text so far, for
    /// a failure.
    pub fn fill(&self, report: &str) -> Result<(), Failure> {
        let published = self.selection.published(&self.site);
        let sink = InPlace(&self.dir);
        pages::render_site(&self.site, published.clone(), &self.templates, &sink)
            .and_then(|_| crate::publish::sources::record(&self.sources, &published, &self.site.texts, None))
            .map_err(|e| build_failure(&e, report))
    }

    /// The agencies whose report files `paths` are, if every path is a report
    /// of a described agency (`content/reports/<slug>/<file>.md`); `None`
    /// when the change needs a full build.
    pub fn report_agencies(&self, paths: &[PathBuf]) -> Option<BTreeSet<String>> {
        let reports = crate::layout::reports(&self.site.root);
        let mut slugs = BTreeSet::new();
        // Editors' temporary files that are already gone (renamed over a report) are no change.
        for p in paths.iter().filter(|p| p.exists() || p.extension().is_some_and(|e| e == "md")) {
            let rel = p.strip_prefix(&reports).ok()?;
            let parts: Vec<String> = rel
                .components()
                .map(|c| match c {
                    Component::Normal(n) => n.to_string_lossy().into_owned(),
                    _ => String::new(),
                })
                .collect();
            let [slug, file] = parts.as_slice() else { return None };
            if !file.ends_with(".md")
                || is_ignored(file)
                || file == AGENCY_FILE
                || !self.site.content.agencies.contains_key(slug)
            {
                return None;
            }
            slugs.insert(slug.clone());
        }
        Some(slugs)
    }

    /// Whether every path is a template, a theme file or a plain page: the
    /// checked reports stay valid, only the rendering must be done again.
    pub fn presentation_only(&self, paths: &[PathBuf]) -> bool {
        let root = &self.site.root;
        let theme = crate::layout::theme(root, &self.site.config.theme);
        let pages = crate::layout::pages(root);
        !paths.is_empty()
            && paths.iter().all(|p| {
                p.starts_with(crate::layout::templates(root)) || p.starts_with(&theme) || p.starts_with(&pages)
            })
    }

    /// Reloads templates and plain pages, and renders the whole site again into
    /// `work/build-<generation>` without re-reading or re-checking any report.
    pub fn rerender(&mut self, work: &Path, generation: u64) -> Result<Shown, Failure> {
        self.templates = Templates::load(&self.site.root, &self.site.config.theme)
            .map_err(|e| failure(FailureKind::Template, &e, ""))?;
        self.site.diags.retain(|d| !d.file.starts_with(crate::layout::pages(&self.site.root)));
        let content = &mut self.site.content;
        content.pages.clear();
        let mut page_diags = Vec::new();
        std::mem::swap(&mut content.diags, &mut page_diags);
        crate::load::load_pages(&crate::layout::pages(&self.site.root), content);
        std::mem::swap(&mut content.diags, &mut page_diags);
        self.site.diags.extend(page_diags);
        self.site.diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        let (selection, report, errors) = choose(&self.site, &self.sources, self.drafts)?;
        let dir = work.join(format!("build-{generation}"));
        let publication = Publication::in_folder(&dir, &self.sources).map_err(|e| build_failure(&e.into(), &report))?;
        let published = selection.published(&self.site);
        let shown = keys(published.reports.iter().copied());
        self.figure_keys = published.figure_keys();
        publication.finish(&self.site, published, &self.templates).map_err(|e| build_failure(&e, &report))?;
        self.selection = selection;
        self.shown = shown;
        self.dir = dir;
        self.data_stale = false;
        self.pending.clear();
        self.pending_years.clear();
        let withheld = (!errors.is_empty()).then(|| check_failure(report.clone(), errors));
        Ok(Shown { report, withheld })
    }

    /// Re-reads, re-checks and re-renders what the edited agencies' reports
    /// touch. A report that now has an error keeps its last good version.
    /// When nothing is withheld, `first` is given the URL paths of the
    /// pages of the `edited` files as soon as they are rendered, before the
    /// rest of their agencies and the listings, so the page being edited
    /// can be shown at once; and `listed` is called once every page is as
    /// the update leaves it, when the rules over the whole site, which then
    /// change no page, are still to run.
    pub fn update(
        &mut self,
        slugs: &BTreeSet<String>,
        edited: &[PathBuf],
        first: &mut dyn FnMut(Vec<String>),
        listed: &mut dyn FnMut(),
    ) -> Result<Shown, Failure> {
        // The rules over the whole site take longer than all the rest at
        // 10,000 reports: unless they can withhold a report, they run after
        // the edited page is shown.
        let defer = !self.site.site_rules_can_withhold();
        for slug in slugs {
            if defer {
                self.site.reload_agency_only(slug);
            } else {
                self.site.reload_agency(slug);
            }
            self.pending.insert(slug.clone());
        }
        if let Some(e) = self.site.texts.failure() {
            return Err(build_failure(&e.into(), ""));
        }
        let (selection, mut report, errors) = choose(&self.site, &self.sources, self.drafts)?;
        self.selection = selection;
        let pending = self.pending.clone();
        let mut ignore = |_: Vec<String>| {};
        let first: &mut dyn FnMut(Vec<String>) = if errors.is_empty() { first } else { &mut ignore };
        self.render_pending(edited, first).map_err(|e| build_failure(&e, &report))?;
        if defer {
            if errors.is_empty() {
                listed();
            }
            // Warnings and notices only: the selection stays; the terminal says them.
            self.site.recheck_site();
            report = choose(&self.site, &self.sources, self.drafts)?.1;
        }
        let published = self.selection.published(&self.site);
        crate::publish::sources::record(&self.sources, &published, &self.site.texts, Some(&pending))
            .map_err(|e| build_failure(&e, &report))?;
        let withheld = (!errors.is_empty()).then(|| check_failure(report.clone(), errors));
        Ok(Shown { report, withheld })
    }

    /// Renders the reports of the `edited` files (then tells `first` their
    /// URL paths), then works out what the listings must show and renders
    /// the edited agencies' other reports and agency pages, the year pages
    /// concerned and the indexes.
    fn render_pending(&mut self, edited: &[PathBuf], first: &mut dyn FnMut(Vec<String>)) -> Result<(), BuildError> {
        let index = Index::new(&self.site, self.selection.published(&self.site));
        let sink = InPlace(&self.dir);
        // The edited reports' pages come first, before anything else is
        // worked out: the browser showing one swaps it in at once.
        let edited_reports: Vec<usize> = self
            .pending
            .iter()
            .flat_map(|slug| index.by_agency.get(slug.as_str()).into_iter().flatten())
            .copied()
            .filter(|&i| edited.iter().any(|p| p.as_path() == index.report(i).file.as_path()))
            .collect();
        let mut fresh = Vec::new();
        for &i in &edited_reports {
            pages::render_report(&index, &self.templates, &sink, i)?;
            let r = index.report(i);
            fresh.push(format!("/{}", crate::render::urls::report_dir(&r.agency, r.year)));
        }
        first(fresh);
        // What changed for the listings: the years whose reports are shown
        // in another version, and the pages of reports no longer shown.
        let now = keys((0..index.report_count()).map(|i| index.report(i)));
        self.pending_years.extend(changed_years(&self.shown, &now));
        for (slug, year) in self.shown.keys().filter(|k| !now.contains_key(*k)) {
            let _ = std::fs::remove_dir_all(self.dir.join(crate::render::urls::report_dir(slug, *year)));
        }
        self.shown = now;
        let mut years = std::mem::take(&mut self.pending_years);
        // Other key figures (a report now of a site form with its own):
        // every page listing figures changes, so every report, agency and year.
        if index.figure_keys != self.figure_keys {
            self.figure_keys.clone_from(&index.figure_keys);
            self.pending.extend(index.agencies().map(|a| a.slug.clone()));
            years.extend(index.by_year.keys().copied());
        }
        let later: Vec<usize> = self
            .pending
            .iter()
            .flat_map(|slug| index.by_agency.get(slug.as_str()).into_iter().flatten())
            .copied()
            .filter(|i| !edited_reports.contains(i))
            .collect();
        for &i in &later {
            pages::render_report(&index, &self.templates, &sink, i)?;
        }
        for slug in &self.pending {
            if let Some(a) = index.agencies().find(|a| a.slug == *slug) {
                pages::render_agency(&index, &self.templates, &sink, a)?;
            } else {
                let _ = std::fs::remove_dir_all(self.dir.join(format!("agencies/{slug}")));
            }
        }
        let now: Vec<i32> = index.by_year.keys().copied().collect();
        if now != self.years {
            // A year appeared or went: every year page's neighbours may change.
            for y in self.years.iter().filter(|y| !now.contains(y)) {
                let _ = std::fs::remove_dir_all(self.dir.join(format!("years/{y}")));
            }
            years.extend(now.iter().copied());
        }
        for y in years.iter().filter(|y| now.contains(y)) {
            pages::render_year(&index, &self.templates, &sink, *y)?;
        }
        pages::render_indexes(&index, &self.templates, &sink)?;
        self.years = now;
        self.pending.clear();
        self.data_stale = true;
        Ok(())
    }

    /// Writes the site-wide files (the open data and the search index) if an update made them stale.
    pub fn refresh_data(&mut self) -> Result<(), BuildError> {
        if !self.data_stale {
            return Ok(());
        }
        let index = Index::new(&self.site, self.selection.published(&self.site));
        pages::render_site_data(&index, &self.templates, &InPlace(&self.dir))?;
        self.data_stale = false;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_years_whose_reports_changed_are_rendered_again() {
        let shown = |list: &[(&str, i32, u64)]| -> BTreeMap<(String, i32), u64> {
            list.iter().map(|(a, y, h)| ((a.to_string(), *y), *h)).collect()
        };
        let before = shown(&[("a", 2022, 1), ("a", 2023, 2), ("a", 2024, 3), ("b", 2024, 4)]);
        // One report edited: its year only, not the agency's other years.
        let edited = shown(&[("a", 2022, 1), ("a", 2023, 9), ("a", 2024, 3), ("b", 2024, 4)]);
        assert_eq!(changed_years(&before, &edited), BTreeSet::from([2023]));
        // Appeared and went.
        let moved = shown(&[("a", 2022, 1), ("a", 2024, 3), ("a", 2025, 2), ("b", 2024, 4)]);
        assert_eq!(changed_years(&before, &moved), BTreeSet::from([2023, 2025]));
        // Nothing shown differs (an edit that left a report withheld, its last version shown).
        assert!(changed_years(&before, &before).is_empty());
    }
}
