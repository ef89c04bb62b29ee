//! `gongkai build`: check, render, and swap the new output in.

use crate::render::pages::{BuildError, Stats, render_site};
use crate::render::templates::Templates;
use crate::site::Site;
use crate::write::Staging;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why a build did not produce output.
#[derive(Debug, Error)]
pub enum BuildCmdError {
    /// The content has errors: nothing was written.
    #[error("{0} error(s) found: the previous output was left untouched")]
    Content(usize),
    /// Rendering or writing failed: the previous output was left untouched.
    #[error("{0}\nthe previous output was left untouched")]
    Build(#[from] BuildError),
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
        return Err(BuildCmdError::Content(tally.errors));
    }
    crate::write::guard_output(&site.root, &sources(&site.root), output).map_err(BuildError::from)?;
    let templates = Templates::load(&site.root, &site.config.theme).map_err(BuildError::from)?;
    let staging = Staging::new(output).map_err(BuildError::from)?;
    let mut stats = render_site(site, &templates, &staging)?;
    stats.unchanged = staging.kept();
    staging.commit().map_err(BuildError::from)?;
    Ok(stats)
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
