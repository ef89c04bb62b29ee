//! Rendering: the checked site into pages, data files and feeds, in memory.
//!
//! [`templates::Templates`] loads the theme once; [`pages`] builds each
//! page's context and renders it; [`data`] writes the open data; [`feeds`]
//! the Atom feed, sitemap and robots.txt. Nothing here touches the output
//! folder: the renderer returns [`Output`] files for [`crate::write`].

pub mod attachments;
pub mod chart;
pub mod data;
pub mod feeds;
pub mod pages;
pub mod search;
pub mod statics;
pub mod tables;
pub mod templates;
pub mod tera_error;
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
    /// A template could not be loaded (`page` is `None`) or rendered; the
    /// message leads with the template and line, then tera's own report.
    #[error("{}", template_text(.page.as_deref(), .at, .detail))]
    Template {
        /// The page being rendered (e.g. `reports/baibu/2020/index.html`),
        /// `None` while the templates are loaded.
        page: Option<String>,
        /// Where in the templates tera found the error.
        at: TemplateAt,
        /// Tera's report: the reason in the run's language ([`tera_error`]), then its snippet.
        detail: String,
    },
    /// A template file is not UTF-8.
    #[error("{}", crate::t!("site-template-not-utf8", file = .0))]
    NotUtf8(String),
    /// A template file or folder was not read (a link leaving the site…).
    #[error("{}", crate::t!("site-template-unread", file = .file, why = .why))]
    Unread {
        /// The file, relative to the site.
        file: String,
        /// Why, as [`crate::source::ReadError::describe`] says it.
        why: String,
    },
    /// The theme could not be read.
    #[error(transparent)]
    Theme(#[from] crate::theme::ThemeError),
}

/// Where in the templates an error is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateAt {
    /// A line of a template (its name is its path in the site, e.g.
    /// `templates/report.html` or `themes/default/templates/base.html`).
    Line(String, usize),
    /// A template, no line known (a missing parent, a loop of `extends`).
    File(String),
    /// A template that does not exist.
    Missing(String),
    /// Tera did not say.
    Unknown,
}

impl RenderError {
    /// A tera error while loading the templates (`page` is `None`) or rendering `page`.
    pub fn template(page: Option<&str>, e: &tera::Error) -> RenderError {
        RenderError::Template { page: page.map(str::to_owned), at: TemplateAt::of(e), detail: tera_error::explain(e) }
    }
}

impl TemplateAt {
    /// Where tera's error `e` is.
    pub fn of(e: &tera::Error) -> TemplateAt {
        use tera::ErrorKind as K;
        match e.kind() {
            K::SyntaxError(r) | K::RenderingError(r) if !r.filename().is_empty() => {
                TemplateAt::Line(r.filename().to_owned(), r.span().start_line)
            }
            K::MissingParent { current, .. } => TemplateAt::File(current.clone()),
            K::CircularExtend { tpl, .. } | K::CircularInclude { tpl, .. } => TemplateAt::File(tpl.clone()),
            K::TemplateNotFound(name) => TemplateAt::Missing(name.clone()),
            // Checks of the whole template set (an unknown filter) come as a
            // message holding tera's reports: their first `-->` line says where.
            K::Msg(text) => text
                .lines()
                .find_map(|l| l.trim_start().strip_prefix("--> "))
                .and_then(|at| {
                    let mut parts = at.rsplitn(3, ':');
                    let (_col, line, file) = (parts.next()?, parts.next()?, parts.next()?);
                    Some(TemplateAt::Line(file.to_owned(), line.parse().ok()?))
                })
                .unwrap_or(TemplateAt::Unknown),
            _ => TemplateAt::Unknown,
        }
    }
}

/// A template error: a sentence naming the template, its line and the page,
/// then tera's report on the next lines.
fn template_text(page: Option<&str>, at: &TemplateAt, detail: &str) -> String {
    use crate::t;
    let lead = match (page, at) {
        (None, TemplateAt::Line(file, line)) => t!("site-template-load-line", file = file, line = line),
        (None, TemplateAt::File(file)) => t!("site-template-load-file", file = file),
        (None, TemplateAt::Missing(file)) => t!("site-template-load-missing", file = file),
        (None, TemplateAt::Unknown) => t!("site-template-load"),
        (Some(page), TemplateAt::Line(file, line)) => {
            t!("site-template-render-line", file = file, line = line, page = page)
        }
        (Some(page), TemplateAt::File(file)) => t!("site-template-render-file", file = file, page = page),
        (Some(page), TemplateAt::Missing(file)) => t!("site-template-render-missing", file = file, page = page),
        (Some(page), TemplateAt::Unknown) => t!("site-template-render", page = page),
    };
    if detail.is_empty() { lead } else { format!("{lead}\n{detail}") }
}
