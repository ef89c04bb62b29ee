//! `gongkai export xlsx`: the workbook for reporting upward (上级填报) of a
//! report, of an agency's years, or the 汇总 of a year over the agencies
//! under a parent or the whole site (see [`crate::export::xlsx`]).

use crate::diag::Diagnostic;
use crate::export::xlsx::{Block, workbook};
use crate::model::Report;
use crate::site::{Site, SiteError};
use std::path::{Path, PathBuf};

/// What to export.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// An agency: its report of `year`, or all its years.
    pub agency: Option<String>,
    /// A year: with `agency`, one report; alone, the year's 汇总.
    pub year: Option<i32>,
    /// For the 汇总: only this agency and those under it.
    pub parent: Option<String>,
    /// The workbook file.
    pub output: Option<PathBuf>,
}

/// Why `gongkai export xlsx` wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The site cannot be loaded.
    #[error(transparent)]
    Site(#[from] SiteError),
    /// Neither `--agency` nor `--year`.
    #[error("{}", crate::t!("export-err-nothing"))]
    Nothing,
    /// No agency of that slug.
    #[error("{}", crate::t!("export-err-agency", slug = .0))]
    NoAgency(String),
    /// No report to export.
    #[error("{}", crate::t!("export-err-no-report"))]
    NoReport,
    /// The workbook could not be built.
    #[error("{}", crate::t!("export-err-xlsx", reason = .0.to_string()))]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// The file could not be written.
    #[error("{}", crate::t!("export-err-write", path = .path, reason = crate::os::reason(.source)))]
    Write {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// The findings about `files` (and the agencies' files), in site order.
fn findings_for<'s>(site: &'s Site, reports: &[&Report]) -> Vec<&'s Diagnostic> {
    site.diags
        .iter()
        .filter(|d| {
            reports.iter().any(|r| *r.file == *d.file)
                || reports.iter().any(|r| site.content.agencies.get(&r.agency).is_some_and(|a| *a.file == *d.file))
        })
        .collect()
}

/// The agency's name, or its slug when it has no description.
fn name_of(site: &Site, slug: &str) -> String {
    site.content.agencies.get(slug).map_or_else(|| slug.to_owned(), |a| a.name.clone())
}

/// Builds the workbook of `opts` from a loaded site; returns its bytes and
/// the default file name.
pub fn build(site: &Site, opts: &Options) -> Result<(Vec<u8>, String), ExportError> {
    let agencies = &site.content.agencies;
    for slug in opts.agency.iter().chain(&opts.parent) {
        if !agencies.contains_key(slug) {
            return Err(ExportError::NoAgency(slug.clone()));
        }
    }
    let reports = &site.content.reports;
    match (&opts.agency, opts.year) {
        (Some(agency), year) => {
            let chosen: Vec<&Report> =
                reports.iter().filter(|r| r.agency == *agency && year.is_none_or(|y| r.year == y)).collect();
            if chosen.is_empty() {
                return Err(ExportError::NoReport);
            }
            let name = name_of(site, agency);
            let single = chosen.len() == 1;
            let blocks: Vec<Block<'_>> = chosen
                .iter()
                .map(|r| Block {
                    prefix: if single {
                        String::new()
                    } else {
                        crate::t!("export-year-prefix", year = r.year.to_string())
                    },
                    heading: crate::t!("export-heading-report", agency = &name, year = r.year.to_string()),
                    form: &r.form,
                    tables: &r.tables,
                })
                .collect();
            let bytes = workbook(&blocks, &[], &findings_for(site, &chosen), &site.root)?;
            let file = match year {
                Some(y) => format!("{agency}-{y}.xlsx"),
                None => format!("{agency}.xlsx"),
            };
            Ok((bytes, file))
        }
        (None, Some(year)) => {
            let under: Option<Vec<&str>> = opts.parent.as_deref().map(|p| crate::rollup::under(agencies, p));
            let chosen: Vec<&Report> = reports
                .iter()
                .filter(|r| r.year == year && !r.draft && under.as_ref().is_none_or(|u| u.contains(&r.agency.as_str())))
                .collect();
            if chosen.is_empty() {
                return Err(ExportError::NoReport);
            }
            let sums = crate::rollup::sum(&chosen);
            let whole = opts.parent.as_deref().map_or_else(|| site.config.title.clone(), |p| name_of(site, p));
            let blocks: Vec<Block<'_>> = sums
                .iter()
                .map(|s| Block {
                    prefix: if sums.len() == 1 { String::new() } else { format!("{} ", s.form.id) },
                    heading: crate::t!(
                        "export-heading-sum",
                        whole = &whole,
                        year = year.to_string(),
                        count = s.reports.len()
                    ),
                    form: &s.form,
                    tables: &s.tables,
                })
                .collect();
            let summed: Vec<Vec<String>> = chosen
                .iter()
                .map(|r| {
                    let kind = agencies.get(&r.agency).map_or("", |a| a.kind.name());
                    vec![name_of(site, &r.agency), r.agency.clone(), kind.to_owned(), r.year.to_string()]
                })
                .collect();
            let bytes = workbook(&blocks, &summed, &findings_for(site, &chosen), &site.root)?;
            let file = match &opts.parent {
                Some(p) => format!("summary-{p}-{year}.xlsx"),
                None => format!("summary-{year}.xlsx"),
            };
            Ok((bytes, file))
        }
        (None, None) => Err(ExportError::Nothing),
    }
}

/// Runs `gongkai export xlsx` on the site at `root`: writes the workbook
/// and returns its path.
pub fn run(root: &Path, opts: &Options, out: &mut dyn std::io::Write) -> Result<PathBuf, ExportError> {
    if opts.agency.is_none() && opts.year.is_none() {
        return Err(ExportError::Nothing);
    }
    let site = Site::load(root)?;
    let (bytes, name) = build(&site, opts)?;
    let path = opts.output.clone().unwrap_or_else(|| root.join(name));
    std::fs::write(&path, bytes).map_err(|source| ExportError::Write { path: path.clone(), source })?;
    let _ = writeln!(out, "{}", crate::t!("export-written", path = &path));
    Ok(path)
}
