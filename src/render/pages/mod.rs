//! Every page of the site: contexts for the templates, rendered and written.
//!
//! Reports are rendered in parallel in chunks, each chunk's share of the
//! site-wide data appended in order, so memory stays flat however many
//! reports a portal holds and two builds write identical bytes.

use super::chart::{self, ChartRow};
use super::data;
use super::feeds;
use super::tables::{Marks, esc, table_html_with};
use super::templates::Templates;
use super::{RenderError, urls};
use crate::form::{Form, TableSpec};
use crate::markdown::{self, MdOptions, TocEntry};
use crate::model::{Agency, CellValue, Report, Source};
use crate::site::Site;
use crate::write::{Sink, WriteError};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use tera::Context;
use thiserror::Error;

/// Why a build failed after checking.
#[derive(Debug, Error)]
pub enum BuildError {
    /// A template failed.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// The output could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// A report changed between checking and rendering.
    #[error("{}", crate::t!("site-build-changed", file = .0))]
    Changed(std::path::PathBuf),
    /// A file of `static/` could not be read (a link leaving the site…).
    #[error(transparent)]
    Static(#[from] super::statics::StaticError),
}

impl From<super::statics::PublishError> for BuildError {
    fn from(e: super::statics::PublishError) -> BuildError {
        match e {
            super::statics::PublishError::Read(e) => BuildError::Static(e),
            super::statics::PublishError::Write(e) => BuildError::Write(e),
        }
    }
}

/// Reports rendered together before their data is appended.
const CHUNK: usize = 256;

/// What a build produced.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// HTML pages written.
    pub pages: usize,
    /// Reports published.
    pub reports: usize,
    /// Files whose bytes were the same as in the previous output (kept as they were).
    pub unchanged: usize,
}

/// The site as the templates see it.
mod agency;
mod catalogue;
#[cfg(test)]
mod catalogue_tests;
mod context;
mod documents;
mod documents_data;
mod indexes;
mod listings;
mod report;
mod search;
mod site_data;
mod year;

pub use agency::render_agency;
use agency::*;
pub use catalogue::render_catalogue;
use context::*;
pub use context::{Index, Published};
pub use documents_data::DOCUMENTS_CSV_HEADER;
pub use indexes::render_indexes;
use indexes::*;
pub use listings::PAGE_SIZE;
use report::render_report_keeping_body;
pub use report::{render_report, report_data};
use search::report_entry;
pub use search::{SEARCH_PAGE, render_search};
pub use site_data::render_site_data;
use site_data::*;
pub use year::render_year;

/// Renders and writes the whole site as `published` holds it: statics (the
/// theme's, then the site's `static/`, which no generated file may
/// overwrite), then the pages a reader opens first (plain pages, the home
/// page and lists, 404, agencies and years in parallel, the catalogue of
/// documents), then every report with the site data, and the search index.
/// Every file is written once, so the order changes no byte; it lets the
/// preview serve its first build while the reports are still being written.
pub fn render_site(
    site: &Site,
    published: Published<'_>,
    templates: &Templates,
    sink: &dyn Sink,
) -> Result<Stats, BuildError> {
    let index = Index::new(site, published);
    let statics = super::statics::site_statics(&site.root)?;
    let taken = super::statics::publish(&site.root, &statics, &templates.statics, sink)?;
    let guarded = super::statics::Guarded { inner: sink, taken };
    let sink: &dyn Sink = &guarded;
    render_pages(&index, templates, sink)?;
    render_indexes(&index, templates, sink)?;
    render_not_found(&index, templates, sink)?;
    let agencies: Vec<&Agency> = index.agencies().collect();
    agencies.par_iter().map(|a| render_agency(&index, templates, sink, a)).collect::<Result<Vec<()>, BuildError>>()?;
    let years: Vec<i32> = index.by_year.keys().copied().collect();
    years.par_iter().map(|&y| render_year(&index, templates, sink, y)).collect::<Result<Vec<()>, BuildError>>()?;
    render_catalogue(&index, templates, sink)?;
    let mut search = crate::render::search::Writer::default();
    let reports = render_reports_and_data(&index, templates, sink, true, Some(&mut search))?;
    render_search(&index, templates, sink, search)?;
    Ok(Stats { pages: html_paths(&index).len() + 1, reports, unchanged: 0 })
}
