//! `gongkai check`: print every finding and tell whether the site may be published.

use crate::diag::{Tally, render_human, render_json};
use crate::load::Snippets;
use crate::memo::Memos;
use crate::site::{Site, SiteError};
use crate::texts::Texts;
use std::io::Write;
use std::path::Path;

/// Output style of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// rustc-style text with source snippets.
    Human,
    /// One JSON object per line.
    Json,
}

/// Why `gongkai check` could not run (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The site cannot be loaded (site.toml, a form).
    #[error(transparent)]
    Site(#[from] SiteError),
    /// The findings could not be written. The cause is said in the message.
    #[error("{}", crate::t!("cli-check-err-output", reason = crate::os::reason(cause)))]
    Output {
        /// The cause.
        cause: std::io::Error,
    },
}

impl From<std::io::Error> for RunError {
    fn from(cause: std::io::Error) -> RunError {
        RunError::Output { cause }
    }
}

/// Runs `gongkai check` on the site at `root`: writes the findings to `out`
/// and returns the exit code (1 on errors, or on warnings when denied).
/// Unchanged reports are recalled from the site's memos unless `memos` is
/// [`Memos::Ignore`] (`--no-cache`).
pub fn run(
    root: &Path,
    format: Format,
    deny_warnings: bool,
    memos: Memos,
    out: &mut dyn Write,
) -> Result<u8, RunError> {
    let site = Site::load_with(root, Texts::Reread, memos)?;
    let tally = report(&site, format, out)?;
    Ok(exit_code(tally, deny_warnings))
}

/// Writes the site's findings to `out` and returns the tally.
pub fn report(site: &Site, format: Format, out: &mut dyn Write) -> std::io::Result<Tally> {
    let tally = site.tally();
    match format {
        Format::Json => {
            for d in &site.diags {
                writeln!(out, "{}", render_json(d, &site.root))?;
            }
        }
        Format::Human => {
            let snippets = Snippets::for_diagnostics(&site.diags, &site.texts);
            for d in &site.diags {
                writeln!(out, "{}", render_human(d, &site.root, &snippets))?;
            }
            writeln!(out, "{}", summary(site, tally))?;
        }
    }
    Ok(tally)
}

/// The closing line: what was checked and what was found.
pub fn summary(site: &Site, tally: Tally) -> String {
    let c = &site.content;
    let summary = match c.document_files.len() {
        0 => crate::t!(
            "check-summary",
            reports = c.report_files(),
            agencies = c.agencies.len(),
            errors = tally.errors,
            warnings = tally.warnings
        ),
        documents => crate::t!(
            "check-summary-documents",
            reports = c.report_files(),
            agencies = c.agencies.len(),
            documents = documents,
            errors = tally.errors,
            warnings = tally.warnings
        ),
    };
    if tally.notices == 0 {
        summary
    } else {
        crate::t!("check-summary-notices", summary = summary, notices = tally.notices)
    }
}

/// The exit code for a tally: 1 on errors (or warnings when denied), else 0.
/// Notices never count: they are information about figures kept as published.
pub fn exit_code(tally: Tally, deny_warnings: bool) -> u8 {
    u8::from(tally.errors > 0 || (deny_warnings && tally.warnings > 0))
}
