//! The last step of every build, `gongkai build` and the preview's full
//! rebuilds alike: render the checked site into a staging folder beside the
//! target and swap it in. One function, so the preview serves exactly what
//! a build publishes.

use crate::render::pages::{BuildError, Stats, render_site};
use crate::render::templates::Templates;
use crate::site::Site;
use crate::write::Staging;
use std::path::Path;

/// Renders `site` with `templates` and replaces `target` with the result in
/// one step. On any error the previous `target` is left as it was.
pub fn publish(site: &Site, templates: &Templates, target: &Path) -> Result<Stats, BuildError> {
    let staging = Staging::new(target)?;
    let mut stats = render_site(site, templates, &staging)?;
    stats.unchanged = staging.kept();
    staging.commit()?;
    Ok(stats)
}
