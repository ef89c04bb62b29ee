//! `gongkai build`: check, then render and swap the new output in.

use crate::render::RenderError;
use crate::render::pages::{BuildError, Stats};
use crate::render::templates::Templates;
use crate::site::{Site, SiteError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;
use thiserror::Error;

/// Why a build did not produce output.
#[derive(Debug, Error)]
pub enum BuildCmdError {
    /// The content has errors: nothing was written.
    #[error("{}", crate::t!("cli-build-err-content", errors = errors))]
    Content {
        /// How many errors.
        errors: usize,
    },
    /// Rendering or writing failed: the previous output was left untouched.
    #[error("{source}\n{}", crate::t!("cli-build-untouched"))]
    Build {
        /// What failed.
        #[from]
        source: BuildError,
    },
}

/// Why `gongkai build` could not run at all (exit code 2).
#[derive(Debug, Error)]
pub enum RunError {
    /// The site cannot be loaded (site.toml, a form).
    #[error(transparent)]
    Site(#[from] SiteError),
    /// The output could not be written, or is refused.
    #[error("{source}\n{}", crate::t!("cli-build-untouched"))]
    Output {
        /// What failed.
        source: BuildError,
    },
    /// The terminal could not be written. The cause is said in the message.
    #[error("{}", crate::t!("cli-err-terminal", reason = crate::cmd::io_reason(cause)))]
    Terminal {
        /// The cause.
        cause: std::io::Error,
    },
}

impl From<std::io::Error> for RunError {
    fn from(cause: std::io::Error) -> RunError {
        RunError::Terminal { cause }
    }
}

/// How a build ended, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The site was published.
    Published(Stats),
    /// Errors in the content or a template: nothing was published.
    NotPublished,
}

/// Runs `gongkai build`: loads and checks the site at `root`, prints the
/// findings and a summary to `out`, and publishes into `output` (default
/// `public/`) unless anything is wrong.
pub fn run(
    root: &Path,
    output: Option<PathBuf>,
    base_url: Option<String>,
    out: &mut dyn Write,
) -> Result<Outcome, RunError> {
    let started = Instant::now();
    let mut site = Site::load(root)?;
    if let Some(url) = base_url {
        site.config.base_url = url;
    }
    let tally = super::check::report(&site, super::check::Format::Human, out)?;
    let output = output.unwrap_or_else(|| root.join("public"));
    match build(&site, &output) {
        Ok(stats) => {
            let line = crate::t!(
                "cli-build-done",
                pages = stats.pages,
                reports = stats.reports,
                output = &output,
                ms = started.elapsed().as_millis(),
                unchanged = stats.unchanged
            );
            writeln!(out, "{line}")?;
            Ok(Outcome::Published(stats))
        }
        Err(BuildCmdError::Content { .. }) => {
            let refused = crate::t!("cli-build-refused", errors = tally.errors, output = &output);
            writeln!(out, "{}", crate::t!("cli-error", message = refused))?;
            Ok(Outcome::NotPublished)
        }
        Err(BuildCmdError::Build { source: BuildError::Render(e) }) => {
            // A template error is an error in the site, like a content error.
            writeln!(out, "{}", crate::t!("cli-error", message = e.to_string()))?;
            writeln!(out, "{}", crate::t!("cli-build-nothing-built", output = &output))?;
            Ok(Outcome::NotPublished)
        }
        Err(BuildCmdError::Build { source }) => Err(RunError::Output { source }),
    }
}

/// The site's source folders, which no output may replace or live in.
fn sources(root: &Path) -> Vec<PathBuf> {
    let mut sources = crate::layout::sources(root);
    // This repository is also the tool: its own sources are never an output.
    sources.push(root.join("src"));
    sources
}

/// Builds `site` into `output`. The site must already be loaded and checked.
pub fn build(site: &Site, output: &Path) -> Result<Stats, BuildCmdError> {
    let tally = site.tally();
    if tally.errors > 0 {
        return Err(BuildCmdError::Content { errors: tally.errors });
    }
    crate::write::guard_output(&site.root, &sources(&site.root), output).map_err(BuildError::from)?;
    let templates = Templates::load(&site.root, &site.config.theme).map_err(|e: RenderError| BuildError::from(e))?;
    Ok(crate::publish::publish(site, &templates, output)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::{WriteError, guard_output};

    fn refused(root: &Path, output: &Path) -> bool {
        matches!(guard_output(root, &sources(root), output), Err(WriteError::UnsafeOutput { .. }))
    }

    #[test]
    fn output_may_not_swallow_the_site() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        for d in ["content/reports", "public", "themes"] {
            std::fs::create_dir_all(root.join(d)).unwrap();
        }
        std::fs::write(root.join("content/reports/a.md"), "x").unwrap();
        assert!(refused(&root, &root));
        assert!(refused(&root, tmp.path()));
        assert!(refused(&root, &root.join("content/out")));
        assert!(refused(&root, &root.join("public/../content")));
        assert!(refused(&root, &root.join("public/x/../../content")));
        assert!(!refused(&root, &root.join("public")));
        assert!(!refused(&root, &tmp.path().join("elsewhere/new")));
        // A symlink that leads into the sources is seen through.
        std::os::unix::fs::symlink(root.join("content"), tmp.path().join("link")).unwrap();
        assert!(refused(&root, &tmp.path().join("link")));
        // An unrelated folder with files is never wiped; an earlier output is replaced.
        let docs = tmp.path().join("docs");
        std::fs::create_dir(&docs).unwrap();
        std::fs::write(docs.join("工作总结.docx"), "x").unwrap();
        assert!(refused(&root, &docs));
        std::fs::write(docs.join(crate::write::MARKER), "").unwrap();
        assert!(!refused(&root, &docs));
    }
}
