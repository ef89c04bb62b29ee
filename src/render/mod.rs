//! Rendering: the checked site into pages, data files and feeds, in memory.
//!
//! [`templates::Templates`] loads the theme once; [`pages`] builds each
//! page's context and renders it; [`data`] writes the open data; [`feeds`]
//! the Atom feed, sitemap and robots.txt. Nothing here touches the output
//! folder: the renderer returns [`Output`] files for [`crate::write`].

pub mod chart;
pub mod data;
pub mod feeds;
pub mod pages;
pub mod tables;
pub mod templates;
pub mod urls;

use thiserror::Error;

/// A file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// Why rendering failed.
#[derive(Debug, Error)]
pub enum RenderError {
    /// A template could not be parsed or rendered; tera's report names the
    /// template, the line and the missing variable.
    #[error("template error while {page}:\n{message}")]
    Template {
        /// What was being done: `loading the templates`, `rendering <page>`.
        page: String,
        /// Tera's report.
        message: String,
    },
    /// The theme could not be read.
    #[error("cannot load theme `{theme}`: {source}")]
    Theme {
        /// Theme name.
        theme: String,
        /// The cause.
        source: std::io::Error,
    },
}
