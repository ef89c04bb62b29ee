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
    /// The texts a build kept and did not need (the same sources were
    /// already kept, or it stopped): they go when the publication ends,
    /// before the output's lock (in `staging`) is let go.
    texts: Leftover,
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
        let texts = Leftover(Some(sources::texts_of(&store)));
        Ok(Publication { texts, staging, keep: Keep::Beside(store), prior })
    }

    /// Starts publishing into `target`, with the sources of what was
    /// published kept in `folder` (the preview's).
    pub fn in_folder(target: &Path, folder: &Path) -> Result<Publication, WriteError> {
        let staging = Staging::new(target)?;
        Ok(Publication {
            texts: Leftover(None),
            staging,
            keep: Keep::Folder(folder.to_path_buf()),
            prior: Prior::Sources(folder.to_path_buf()),
        })
    }

    /// What the output held before.
    pub fn prior(&self) -> &Prior {
        &self.prior
    }

    /// Where a `build` keeps the texts it reads ([`crate::texts::Texts`]),
    /// inside the folder of kept sources so that they become the new
    /// publication's copy without being written twice. `None` for the
    /// preview, which keeps its own.
    pub fn texts_dir(&self) -> Option<PathBuf> {
        self.texts.0.clone()
    }

    /// Renders `published`, keeps its sources, and swaps the new output in.
    /// On any error the previous output is left as it was.
    pub fn finish(mut self, site: &Site, published: Published<'_>, templates: &Templates) -> Result<Stats, BuildError> {
        let mut stats = render_site(site, published.clone(), templates, &self.staging)?;
        match &self.keep {
            Keep::Beside(store) => {
                let id = sources::write_generation(store, &published, &site.texts)?;
                let marker = crate::write::marker_text(&format!("{}{id}\n", sources::SOURCES_LINE));
                self.staging.put(MARKER, marker.as_bytes())?;
            }
            Keep::Folder(dir) => sources::record(dir, &published, &site.texts, None)?,
        }
        stats.unchanged = self.staging.kept();
        // Texts not needed are moved aside while the output is locked, and
        // removed once the new output is in place, which need not wait.
        self.texts.set_aside();
        self.staging.commit()?;
        Ok(stats)
    }
}

/// A folder removed when dropped, if it is still there.
#[derive(Debug)]
struct Leftover(Option<PathBuf>);

impl Leftover {
    /// Renames the folder, if it is there, to a name no other build uses.
    fn set_aside(&mut self) {
        let Some(dir) = self.0.take().filter(|d| d.exists()) else { return };
        let aside = dir.with_extension(format!("{}.gone", std::process::id()));
        self.0 = Some(if std::fs::rename(&dir, &aside).is_ok() { aside } else { dir });
    }
}

impl Drop for Leftover {
    /// Removes the folder, then the folder of kept sources holding it if
    /// that is now empty (a build that published nothing leaves nothing).
    fn drop(&mut self) {
        if let Some(dir) = self.0.as_ref().filter(|d| d.exists()) {
            let _ = std::fs::remove_dir_all(dir);
            if let Some(store) = dir.parent() {
                let _ = std::fs::remove_dir(store);
            }
        }
    }
}
