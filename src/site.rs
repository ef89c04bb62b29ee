//! A loaded and checked site: configuration, forms, content and findings.
//!
//! Everything is read from inside the site folder (see
//! [`crate::source::SiteDir`]); a link that leaves it, in content, pages,
//! the theme, `templates/`, `forms/` or `static/`, is an `IN-LINK` error of `check`.

use crate::config::{Config, ConfigError};
use crate::diag::{Diagnostic, Pos, Tally};
use crate::form::{Form, FormError, Forms};
use crate::load::{self, Content};
use crate::memo::{Memo, Memos};
use crate::source::{Found, Kind, ReadError, SiteDir};
use crate::texts::Texts;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use thiserror::Error;

/// Why a site cannot be checked at all (exit code 2).
#[derive(Debug, Error)]
pub enum SiteError {
    /// `site.toml` is missing or invalid.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// A site form in `forms/` is invalid.
    #[error(transparent)]
    Form(#[from] FormError),
    /// The site folder itself cannot be resolved.
    #[error("{}", crate::t!("site-root-unreadable", path = .path, cause = crate::os::reason(.cause)))]
    Root {
        /// The folder.
        path: PathBuf,
        /// The cause (said in the message).
        cause: std::io::Error,
    },
}

/// The built-in forms plus the site's `forms/*.json`, read from inside the
/// site only: a form linked from outside is skipped with an `IN-LINK`
/// finding in `diags`. A site form applies where its `applies_to` says, or
/// to the reports naming it with `form:` (see [`crate::form::Forms`]); one
/// reusing the id of a built-in or another site form is refused. When a
/// form has `applies_to`, the agencies' parents are read for its `under`,
/// and a slug that names no agency of the site is a warning at the slug.
fn load_forms(files: &SiteDir, root: &Path, diags: &mut Vec<Diagnostic>) -> Result<Forms, FormError> {
    let mut forms = Forms::builtin();
    let mut applying: Vec<(PathBuf, String, crate::form::AppliesTo)> = Vec::new();
    for Found { path, what, .. } in files.walk(&crate::layout::forms(root), 1, &|_| false) {
        match what {
            Ok(Kind::File) if path.extension().is_some_and(|x| x == "json") => {}
            Ok(_) => continue,
            Err(why) if why.is_link() => {
                diags.push(load::refusal(files, &path, why));
                continue;
            }
            Err(why) => return Err(FormError::Io { path, source: std::io::Error::other(why.describe()) }),
        }
        let bytes = match files.read(&path) {
            Ok(bytes) => bytes,
            Err(why) if why.is_link() => {
                diags.push(load::refusal(files, &path, why));
                continue;
            }
            Err(ReadError::Io(source)) => return Err(FormError::Io { path, source }),
            Err(why) => return Err(FormError::Io { path, source: std::io::Error::other(why.describe()) }),
        };
        let json = String::from_utf8(bytes).map_err(|e| FormError::Io {
            path: path.clone(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
        })?;
        let form = Form::compile(&json, &path)?;
        if let Some(a) = &form.applies_to {
            applying.push((path.clone(), json.clone(), a.clone()));
        }
        forms.add_site(form, &path, &json)?;
    }
    if !applying.is_empty() {
        let agencies = agency_parents(files, root);
        forms.parents = agencies.iter().filter_map(|(slug, p)| Some((slug.clone(), p.clone()?))).collect();
        for (path, json, applies_to) in &applying {
            let file = Arc::new(path.clone());
            for slug in applies_to.slugs().filter(|s| !agencies.contains_key(*s)) {
                let (line, col, len) = crate::form::locate_slug(json, slug);
                let pos = Pos::new(line as u32, col as u32, len as u32);
                diags.push(
                    Diagnostic::warning("IN-FORM", &file, pos, crate::t!("in-form-applies-unknown", slug = slug))
                        .with_help(crate::t!("in-form-applies-unknown-help")),
                );
            }
        }
    }
    Ok(forms)
}

/// Every described agency of the site (a folder of `content/reports` with
/// an agency.yaml) with its `parent`, if its file states one. Read for the
/// forms' `applies_to` only; the files' own findings are made by the loader.
fn agency_parents(files: &SiteDir, root: &Path) -> BTreeMap<String, Option<String>> {
    let mut out = BTreeMap::new();
    for Found { path, what, depth } in files.walk(&crate::layout::reports(root), 2, &crate::layout::is_ignored) {
        let is_agency_file = path.file_name().is_some_and(|n| n == load::AGENCY_FILE);
        if depth != 2 || !is_agency_file || !matches!(what, Ok(Kind::File)) {
            continue;
        }
        let Some(slug) = path.parent().and_then(Path::file_name).map(|n| n.to_string_lossy().into_owned()) else {
            continue;
        };
        let file = Arc::new(path);
        let parent = load::read_text(files, &file)
            .ok()
            .and_then(|text| crate::parse::parse_agency(&file, &text, &slug, &mut Vec::new()))
            .and_then(|a| a.parent);
        out.insert(slug, parent);
    }
    out
}

/// The forms of the site at `root` (built-in and `forms/*.json`), read from
/// inside the site only, for commands that need the forms but not the
/// content (`new report`). Forms refused as links are left out.
pub fn forms_of(root: &Path) -> Result<Forms, SiteError> {
    let files = SiteDir::new(root).map_err(|cause| SiteError::Root { path: root.to_path_buf(), cause })?;
    Ok(load_forms(&files, root, &mut Vec::new())?)
}

/// The site after loading and checking.
#[derive(Debug)]
pub struct Site {
    /// The site folder.
    pub root: PathBuf,
    /// `site.toml`.
    pub config: Config,
    /// Built-in and site forms.
    pub forms: Forms,
    /// Agencies and the reports that parsed.
    pub content: Content,
    /// Every finding, sorted by file and position.
    pub diags: Vec<Diagnostic>,
    /// The texts of the report and agency files as they were read, for the
    /// pages and the copy of what is published (see [`Texts`]).
    pub texts: Texts,
}

impl Site {
    /// Loads, parses and checks the site at `root`, keeping no texts: a
    /// build of it reads each report file again ([`Texts::Reread`]).
    pub fn load(root: &Path) -> Result<Site, SiteError> {
        Site::load_with(root, Texts::Reread, Memos::Ignore)
    }

    /// Loads, parses and checks the site at `root`, keeping the texts it
    /// reads in `texts`, so that a build reads each file once, and, with
    /// [`Memos::Use`], recalling each unchanged report from the site's memos
    /// instead of parsing it again ([`crate::memo`]).
    pub fn load_with(root: &Path, texts: Texts, memos: Memos) -> Result<Site, SiteError> {
        let config = Config::load(root)?;
        let files = SiteDir::new(root).map_err(|cause| SiteError::Root { path: root.to_path_buf(), cause })?;
        let mut link_diags = Vec::new();
        let forms = load_forms(&files, root, &mut link_diags)?;
        // The theme and templates are read by `build`; their links are checked now.
        link_diags.extend(load::link_findings(&files, &crate::layout::theme(root, &config.theme)));
        link_diags.extend(load::link_findings(&files, &crate::layout::templates(root)));
        link_diags.extend(load::link_findings(&files, &crate::layout::statics(root)));
        let memo = Memo::open(root, &forms, memos);
        let mut content = load::load(root, &forms, &crate::check::check_text, &texts, &memo);
        memo.save();
        let mut diags = crate::check::check(&mut content, &config);
        diags.append(&mut content.diags);
        diags.append(&mut link_diags);
        crate::check::severity::apply(&mut diags, &config.check);
        diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        diags.dedup();
        Ok(Site { root: root.to_path_buf(), config, forms, content, diags, texts })
    }

    /// Counts of errors and warnings.
    pub fn tally(&self) -> Tally {
        Tally::of(&self.diags)
    }

    /// Re-reads and re-checks one agency's reports after an edit, leaving the
    /// rest of the site as it was. Every check of a report depends only on
    /// it, its agency and the same agency's other years; the rules over the
    /// whole site ([`crate::check::SITE_CODES`]: parents and children, copies
    /// across agencies, gaps) are dropped everywhere and run again over the
    /// site as it now is; the site's severities are applied last, as by
    /// [`Site::load`]. So the result equals a full [`Site::load`]. Returns
    /// the report years before and after.
    pub fn reload_agency(&mut self, slug: &str) -> (Vec<i32>, Vec<i32>) {
        let years = self.reload_agency_only(slug);
        self.recheck_site();
        years
    }

    /// [`Site::reload_agency`] without the rules over the whole site
    /// ([`crate::check::SITE_CODES`]): their findings stay as they were until
    /// [`Site::recheck_site`], which the preview runs once the edited page is
    /// shown (over 10,000 reports they take longer than everything else).
    /// Use it only when [`Site::site_rules_can_withhold`] is false: then
    /// those findings change no page.
    pub fn reload_agency_only(&mut self, slug: &str) -> (Vec<i32>, Vec<i32>) {
        let dir = crate::layout::agency_dir(&self.root, slug);
        let before: Vec<i32> = self.content.reports.iter().filter(|r| r.agency == slug).map(|r| r.year).collect();
        self.content.reports.retain(|r| r.agency != slug);
        // The agency file's own findings stay: only its reports are read again.
        self.diags.retain(|d| !d.file.starts_with(&dir) || d.file.file_name().is_some_and(|n| n == load::AGENCY_FILE));
        let (mut reports, mut diags, files) =
            load::load_agency_reports(&self.root, &self.forms, slug, &crate::check::check_text, &self.texts);
        diags.extend(crate::check::check_reports(&reports, &self.content.agencies, &self.config));
        let vocabulary = self.config.documents.vocabulary();
        diags.extend(crate::check::documents::table2::compare(&reports, &self.content.documents, &vocabulary));
        crate::check::kept::attach(&mut reports);
        let after: Vec<i32> = reports.iter().map(|r| r.year).collect();
        self.content.files_by_agency.insert(slug.to_owned(), files);
        let at = self.content.reports.partition_point(|r| r.agency.as_str() < slug);
        self.content.reports.splice(at..at, reports);
        crate::check::severity::apply(&mut diags, &self.config.check);
        self.diags.extend(diags);
        self.diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.diags.dedup();
        (before, after)
    }

    /// Runs the rules over the whole site ([`crate::check::SITE_CODES`])
    /// again, replacing their findings.
    pub fn recheck_site(&mut self) {
        self.diags.retain(|d| !crate::check::SITE_CODES.contains(&d.code.as_ref()));
        let today = crate::check::documents::today();
        let mut diags = crate::check::check_site(&self.content.reports, &self.content.agencies, &self.config, today);
        crate::check::severity::apply(&mut diags, &self.config.check);
        self.diags.extend(diags);
        self.diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.diags.dedup();
    }

    /// Whether the site raises a rule over the whole site to an error, so
    /// that its findings can withhold a report.
    pub fn site_rules_can_withhold(&self) -> bool {
        use crate::config::check::Level;
        crate::check::SITE_CODES
            .iter()
            .any(|c| self.config.check.level(c) == Some(Level::At(crate::diag::Severity::Error)))
    }
}
