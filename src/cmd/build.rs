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
    /// The output folder would overwrite the site itself.
    #[error("refusing to build into {0}: it contains or is part of the site's sources")]
    UnsafeOutput(PathBuf),
    /// Rendering or writing failed: the previous output was left untouched.
    #[error("{0}\nthe previous output was left untouched")]
    Build(#[from] BuildError),
}

/// Whether `output` would replace the site or its sources.
fn unsafe_output(root: &Path, output: &Path) -> bool {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (root, output) = (abs(root), abs(output));
    let normal = |p: &Path| p.components().collect::<PathBuf>();
    let (root, output) = (normal(&root), normal(&output));
    root.starts_with(&output)
        || ["content", "themes", "templates", "forms", "src"].iter().any(|d| output.starts_with(root.join(d)))
}

/// Builds `site` into `output`. The site must already be loaded and checked.
pub fn build(site: &Site, output: &Path) -> Result<Stats, BuildCmdError> {
    let tally = site.tally();
    if tally.errors > 0 {
        return Err(BuildCmdError::Content(tally.errors));
    }
    if unsafe_output(&site.root, output) {
        return Err(BuildCmdError::UnsafeOutput(output.to_path_buf()));
    }
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

    #[test]
    fn output_may_not_swallow_the_site() {
        let root = Path::new("/srv/site");
        assert!(unsafe_output(root, Path::new("/srv/site")));
        assert!(unsafe_output(root, Path::new("/srv")));
        assert!(unsafe_output(root, Path::new("/srv/site/content/out")));
        assert!(!unsafe_output(root, Path::new("/srv/site/public")));
        assert!(!unsafe_output(root, Path::new("/var/www/xxgk")));
    }
}
