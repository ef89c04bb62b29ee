//! The last step of every build, `gongkai build` and the preview's full
//! rebuilds alike: decide which reports are published ([`plan`], [`select`]),
//! render them into a staging folder beside the target, keep a copy of their
//! sources ([`sources`]) and swap the new output in. One path, so the
//! preview serves exactly what a build publishes.
//!
//! A report with an error is withheld and the rest publish; a withheld report
//! that was published before keeps its last published version, read again
//! from the copy kept of its source and rendered from the same model as
//! everything else, so every page, listing, total, feed and data file agrees
//! with what is online.

pub mod cache;
pub mod plan;
pub mod select;
pub mod sources;

pub use plan::{Plan, Reason, Verdict, plan, verdict};
pub use select::{Lost, LostWhy, Previous, Prior, Selection, Withheld, select};

use crate::render::pages::{BuildError, Published, Stats, render_site};
use crate::render::templates::Templates;
use crate::site::Site;
use crate::write::{MARKER, Sink, Staging, WriteError};
use std::path::{Path, PathBuf};

/// Where a publication keeps the sources of what it publishes.
#[derive(Debug)]
enum Keep {
    /// Beside the output, one folder per publication, named in the output's marker (`build`).
    Beside(PathBuf),
    /// In one folder, updated in place (the preview's).
    Folder(PathBuf),
}

/// A publication in progress: the output locked, what it held before, and
/// a staging folder for the new one.
#[derive(Debug)]
pub struct Publication {
    staging: Staging,
    keep: Keep,
    prior: Prior,
}

impl Publication {
    /// Starts publishing into `target` (`build`): locks it and reads what it
    /// published last, clearing what earlier builds left beside it.
    pub fn beside(target: &Path) -> Result<Publication, WriteError> {
        let staging = Staging::new(target)?;
        let store = sources::store_of(target);
        let prior = sources::prior_of(target, &store);
        sources::clean(&store, &prior)?;
        Ok(Publication { staging, keep: Keep::Beside(store), prior })
    }

    /// Starts publishing into `target`, with the sources of what was
    /// published kept in `folder` (the preview's).
    pub fn in_folder(target: &Path, folder: &Path) -> Result<Publication, WriteError> {
        let staging = Staging::new(target)?;
        Ok(Publication {
            staging,
            keep: Keep::Folder(folder.to_path_buf()),
            prior: Prior::Sources(folder.to_path_buf()),
        })
    }

    /// What the output held before.
    pub fn prior(&self) -> &Prior {
        &self.prior
    }

    /// Renders `published`, keeps its sources, and swaps the new output in.
    /// On any error the previous output is left as it was.
    pub fn finish(self, site: &Site, published: Published<'_>, templates: &Templates) -> Result<Stats, BuildError> {
        let mut stats = render_site(site, published.clone(), templates, &self.staging)?;
        match &self.keep {
            Keep::Beside(store) => {
                let id = sources::write_generation(store, &published)?;
                let marker = crate::write::marker_text(&format!("{}{id}\n", sources::SOURCES_LINE));
                self.staging.put(MARKER, marker.as_bytes())?;
            }
            Keep::Folder(dir) => sources::record(dir, &published, None)?,
        }
        stats.unchanged = self.staging.kept();
        self.staging.commit()?;
        Ok(stats)
    }
}
