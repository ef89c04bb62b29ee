//! The copy kept of what was published: the exact texts of the report and
//! agency files of the last publication, laid out like a site
//! (`content/reports/<agency>/…`), so that a withheld report's last version
//! is read, parsed and checked exactly like a file of the site.
//!
//! A report's attachments are kept with it, at the same place relative to
//! its file (`content/reports/<agency>/attachments/2024.pdf`), so that a
//! withheld report's last version keeps its attachments online too.
//!
//! `build` keeps them beside the output, like its lock and staging folders:
//! `.<output>.gongkai-published/<id>/`, one folder per publication, named by
//! a hash of what it holds. The output's marker file names the folder of the
//! sources it was built from, and is swapped in with the output in the same
//! atomic step: the output and its sources can never be out of step, even
//! after a crash. Folders that the output does not name are removed by the
//! next build, under the output's lock. The preview keeps one folder of its
//! own that it updates as it goes.

use super::select::Prior;
use crate::model::Report;
use crate::render::pages::{BuildError, Published};
use crate::texts::Texts;
use crate::write::{Action, MARKER, WriteError, io};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The line of the output's marker file that names its sources' folder.
pub const SOURCES_LINE: &str = "sources: ";

/// The folder beside the output `target` that keeps the sources of its publications.
pub fn store_of(target: &Path) -> PathBuf {
    crate::write::beside(target, "published")
}

/// The id of the sources that the output `target` was built from, as its marker names it.
fn id_of(target: &Path) -> Option<String> {
    let text = std::fs::read_to_string(target.join(MARKER)).ok()?;
    let id = text.lines().find_map(|l| l.strip_prefix(SOURCES_LINE))?.trim();
    (!id.is_empty() && id.bytes().all(|b| b.is_ascii_hexdigit())).then(|| id.to_owned())
}

/// What the output `target` holds, with its sources' folder in `store`.
/// Read while the output is locked.
pub fn prior_of(target: &Path, store: &Path) -> Prior {
    if let Some(id) = id_of(target) {
        let dir = store.join(id);
        if dir.is_dir() {
            return Prior::Sources(dir);
        }
    }
    let output = ["index.html", MARKER].iter().any(|f| target.join(f).is_file());
    if output { Prior::Unrecorded(target.to_path_buf()) } else { Prior::Nothing }
}

/// Removes the folders of `store` that `prior` does not use: those of
/// earlier publications and of builds that did not finish.
pub fn clean(store: &Path, prior: &Prior) -> Result<(), WriteError> {
    let Ok(entries) = std::fs::read_dir(store) else { return Ok(()) };
    for entry in entries.flatten() {
        let path = entry.path();
        if matches!(prior, Prior::Sources(dir) if *dir == path) {
            continue;
        }
        let removed = match entry.file_type() {
            Ok(t) if t.is_dir() => std::fs::remove_dir_all(&path),
            _ => std::fs::remove_file(&path),
        };
        removed.map_err(io(Action::RemoveLeftover, &path))?;
    }
    Ok(())
}

/// Where the file `name` of agency `slug` goes in the site-like folder `dir`.
fn dest(dir: &Path, slug: &str, name: &std::ffi::OsStr) -> PathBuf {
    crate::layout::agency_dir(dir, slug).join(name)
}

/// Where the attachments of the report kept at `to` go: at the same place
/// relative to the kept file as to the report's own file.
fn attachment_dests<'r>(to: &Path, r: &'r crate::model::Report) -> Vec<(PathBuf, &'r crate::model::Attachment)> {
    let (from, into) = (r.file.parent().unwrap_or(Path::new("")), to.parent().unwrap_or(Path::new("")));
    r.attachments.iter().map(|a| (into.join(a.source.strip_prefix(from).unwrap_or(Path::new(&a.name))), a)).collect()
}

/// Removes the files under `dir` that `expected` does not hold, and the folders that are left empty.
fn prune(dir: &Path, expected: &BTreeSet<PathBuf>) -> Result<(), WriteError> {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            prune(&path, expected)?;
            // Only an emptied folder goes.
            let _ = std::fs::remove_dir(&path);
        } else if !expected.contains(&path) {
            std::fs::remove_file(&path).map_err(io(Action::RemovePrevious, &path))?;
        }
    }
    Ok(())
}

/// Each agency file of `published` whose agency is in scope, with its text
/// (as kept by the loader, see [`Texts`]) and where it goes in `dir`; an
/// agency file that no longer says what was checked is refused.
fn agency_texts(
    dir: &Path,
    published: &Published<'_>,
    texts: &Texts,
    in_scope: &(dyn Fn(&str) -> bool + Sync),
) -> Result<Vec<(PathBuf, String)>, BuildError> {
    let mut out = Vec::new();
    for a in published.agencies.values().filter(|a| in_scope(&a.slug)) {
        let name = a.file.file_name().unwrap_or_default();
        let text = texts.agency_source(a).ok_or_else(|| BuildError::Changed(a.file.to_path_buf()))?;
        out.push((dest(dir, &a.slug, name), text));
    }
    Ok(out)
}

/// Puts the source of `r` at `to`: the text the loader kept, linked; or,
/// for a version kept from the last publication (and when no texts are
/// kept), read again and verified to be the text that was checked.
fn put_source(r: &Report, to: &Path, texts: &Texts) -> Result<(), BuildError> {
    if texts.link(&r.file, to)? {
        return Ok(());
    }
    let text = texts.source(r).ok_or_else(|| BuildError::Changed(r.file.to_path_buf()))?;
    Ok(crate::write::put_whole(to, text.as_bytes())?)
}

/// Writes the sources of `published` into the site-like folder `dir`, each
/// the text that was checked (see [`Texts`]); for the agencies of `scope`
/// (every agency when `None`), the files of `dir` that are no longer
/// published are removed. `dir` may be the folder of the kept texts itself:
/// then the texts of what is published are already in place, and the rest go.
pub fn record(
    dir: &Path,
    published: &Published<'_>,
    texts: &Texts,
    scope: Option<&BTreeSet<String>>,
) -> Result<(), BuildError> {
    let in_scope = |slug: &str| scope.is_none_or(|s| s.contains(slug));
    let mut expected: BTreeSet<PathBuf> = BTreeSet::new();
    let reports: Vec<(PathBuf, &Report)> = published
        .reports
        .iter()
        .filter(|r| in_scope(&r.agency))
        .map(|r| (dest(dir, &r.agency, r.file.file_name().unwrap_or_default()), *r))
        .collect();
    reports.par_iter().try_for_each(|(to, r)| {
        // A version kept in this very folder is already there, with its attachments.
        if *r.file == *to { Ok(()) } else { put_source(r, to, texts) }
    })?;
    // Attachments after the texts, each once: two reports of an agency may
    // attach the same file, and two writers of one path would race. One at a
    // time, each verified to be the bytes that were checked.
    let mut attachments: BTreeMap<PathBuf, &crate::model::Attachment> = BTreeMap::new();
    for (to, r) in reports.iter().filter(|(to, r)| *r.file != *to) {
        attachments.extend(attachment_dests(to, r));
    }
    for (dest, a) in &attachments {
        crate::write::put_whole(dest, &crate::render::attachments::read(a)?)?;
    }
    for (to, r) in reports {
        expected.extend(attachment_dests(&to, r).into_iter().map(|(dest, _)| dest));
        expected.insert(to);
    }
    for (to, text) in agency_texts(dir, published, texts, &in_scope)? {
        crate::write::put_whole(&to, text.as_bytes())?;
        expected.insert(to);
    }
    let Ok(folders) = std::fs::read_dir(crate::layout::reports(dir)) else { return Ok(()) };
    for folder in folders.flatten().filter(|f| in_scope(&f.file_name().to_string_lossy())) {
        let path = folder.path();
        prune(&path, &expected)?;
        // Only an emptied folder goes.
        let _ = std::fs::remove_dir(&path);
    }
    Ok(())
}

/// The id of the sources of `published`: a hash of every file's path and
/// text, so that the same sources always have the same folder.
fn id(published: &Published<'_>, agencies: &[(PathBuf, String)]) -> String {
    let mut parts: Vec<(String, u64)> = published
        .reports
        .iter()
        .map(|r| (format!("{}/{}", r.agency, r.file.file_name().unwrap_or_default().to_string_lossy()), r.source_hash))
        .collect();
    parts
        .extend(agencies.iter().map(|(path, text)| (path.display().to_string(), crate::model::fnv1a(text.as_bytes()))));
    parts.sort();
    let joined: String = parts.iter().map(|(p, h)| format!("{p}\0{h:016x}\n")).collect();
    format!("{:016x}", crate::model::fnv1a(joined.as_bytes()))
}

/// The folder of `store` where a build keeps the texts it reads
/// ([`Texts`]): it becomes the build's folder of sources, or goes when the
/// same sources are already kept. Never a folder an output names (not hex).
pub fn texts_of(store: &Path) -> PathBuf {
    store.join("texts.partial")
}

/// Writes the sources of `published` into a new folder of `store` (unless
/// one with the same sources is there) and returns its id, for the marker.
/// When the build kept its texts in [`texts_of`] `store`, that folder
/// becomes the new one.
pub fn write_generation(store: &Path, published: &Published<'_>, texts: &Texts) -> Result<String, BuildError> {
    let agencies = agency_texts(Path::new(""), published, texts, &|_| true)?;
    let id = id(published, &agencies);
    let dir = store.join(&id);
    if dir.is_dir() {
        return Ok(id);
    }
    let partial = match texts.dir() {
        Some(kept) if kept == texts_of(store) => kept.to_path_buf(),
        _ => {
            let partial = store.join(format!("{id}.partial"));
            if partial.exists() {
                std::fs::remove_dir_all(&partial).map_err(io(Action::RemoveLeftover, &partial))?;
            }
            std::fs::create_dir_all(&partial).map_err(io(Action::Create, &partial))?;
            partial
        }
    };
    record(&partial, published, texts, None)?;
    std::fs::rename(&partial, &dir).map_err(io(Action::MoveIntoPlace, &partial))?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_output_names_its_sources_and_only_those_stay() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        let store = store_of(&target);
        assert_eq!(store, tmp.path().join(".public.gongkai-published"));
        // No output yet: nothing was published.
        assert_eq!(prior_of(&target, &store), Prior::Nothing);
        // An output from before the record was kept: only its pages say what is online.
        std::fs::create_dir_all(&target).unwrap();
        std::fs::write(target.join(MARKER), crate::write::marker_text("")).unwrap();
        assert_eq!(prior_of(&target, &store), Prior::Unrecorded(target.clone()));
        // The marker names the sources' folder: that one is used, the others go.
        for dir in ["00000000000000aa", "00000000000000bb", "00000000000000bb.partial"] {
            std::fs::create_dir_all(store.join(dir).join("content")).unwrap();
        }
        std::fs::write(target.join(MARKER), crate::write::marker_text("sources: 00000000000000aa\n")).unwrap();
        let prior = prior_of(&target, &store);
        assert_eq!(prior, Prior::Sources(store.join("00000000000000aa")));
        clean(&store, &prior).unwrap();
        let left: Vec<String> =
            std::fs::read_dir(&store).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
        assert_eq!(left, ["00000000000000aa"]);
        // A marker naming a folder that is gone is no record; one naming a path is refused.
        std::fs::write(target.join(MARKER), crate::write::marker_text("sources: 00000000000000cc\n")).unwrap();
        assert_eq!(prior_of(&target, &store), Prior::Unrecorded(target.clone()));
        std::fs::write(target.join(MARKER), crate::write::marker_text("sources: ../../etc\n")).unwrap();
        assert_eq!(id_of(&target), None);
    }
}
