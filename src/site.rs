//! A loaded and checked site: configuration, forms, content and findings.

use crate::config::{Config, ConfigError};
use crate::diag::{Diagnostic, Tally};
use crate::form::{FormError, Forms};
use crate::load::{self, Content};
use std::path::{Path, PathBuf};
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
}

impl Site {
    /// Loads, parses and checks the site at `root`.
    pub fn load(root: &Path) -> Result<Site, SiteError> {
        let config = Config::load(root)?;
        let forms = Forms::load(&root.join("forms"))?;
        let mut content = load::load(root, &forms, &crate::check::check_text);
        let mut diags = crate::check::check(&mut content, &config);
        diags.append(&mut content.diags);
        diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        diags.dedup();
        Ok(Site { root: root.to_path_buf(), config, forms, content, diags })
    }

    /// Counts of errors and warnings.
    pub fn tally(&self) -> Tally {
        Tally::of(&self.diags)
    }

    /// Re-reads and re-checks one agency's reports after an edit, leaving the
    /// rest of the site as it was. Every check depends only on a report, its
    /// agency and the same agency's other years, so the result equals a full
    /// [`Site::load`]. Returns the report years before and after.
    pub fn reload_agency(&mut self, slug: &str) -> (Vec<i32>, Vec<i32>) {
        let dir = self.root.join("content").join("reports").join(slug);
        let before: Vec<i32> = self.content.reports.iter().filter(|r| r.agency == slug).map(|r| r.year).collect();
        self.content.reports.retain(|r| r.agency != slug);
        // The agency file's own findings stay: only its reports are read again.
        self.diags.retain(|d| !d.file.starts_with(&dir) || d.file.file_name().is_some_and(|n| n == load::AGENCY_FILE));
        let (reports, mut diags, files) =
            load::load_agency_reports(&self.root, &self.forms, slug, &crate::check::check_text);
        diags.extend(crate::check::check_reports(&reports, &self.content.agencies, &self.config));
        let after: Vec<i32> = reports.iter().map(|r| r.year).collect();
        self.content.files_by_agency.insert(slug.to_owned(), files);
        let at = self.content.reports.partition_point(|r| r.agency.as_str() < slug);
        self.content.reports.splice(at..at, reports);
        self.diags.extend(diags);
        self.diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.diags.dedup();
        (before, after)
    }
}
