//! The layout of a site folder: every path and naming rule, written once and
//! used by loading, checking, building, the preview's watcher and `new`.
//!
//! ```text
//! site.toml                                settings
//! content/reports/<agency>/agency.yaml     an agency, described once
//! content/reports/<agency>/<year>.md       its reports
//! content/pages/<slug>.md                  plain pages
//! content/documents/<folder>/<name>.md     documents of the catalogue (政府信息公开目录)
//! templates/<name>.html                    single-template overrides
//! themes/<name>/                           themes (`default` is built in)
//! forms/*.json                             the site's own forms
//! static/                                  files published as they are
//! .gongkai-cache/reports.bin               what parsing each report gave (a cache)
//! ```

use std::path::{Path, PathBuf};

/// The settings file at the site's root.
pub const SETTINGS: &str = "site.toml";

/// Name of the agency description file inside an agency folder.
pub const AGENCY_FILE: &str = "agency.yaml";

/// The folders and files of a site that are its sources: watched by the
/// preview, and never replaced or entered by an output folder.
pub const SOURCES: [&str; 6] = [SETTINGS, "content", "themes", "templates", "forms", "static"];

/// The output folder in the site when `build` is given no `--output`.
pub const OUTPUT: &str = "public";

/// The site's cache folder: gongkai's own, never a source (git should ignore it).
pub const CACHE: &str = ".gongkai-cache";

/// The file of the site's memos (see [`crate::memo`]).
pub fn memo(root: &Path) -> PathBuf {
    root.join(CACHE).join("reports.bin")
}

/// `content/`.
pub fn content(root: &Path) -> PathBuf {
    root.join("content")
}

/// The site folder of a content file: the folder above the last `content`
/// component of its path. An agency folder named `content` makes this a
/// folder inside the site, which only narrows what may be read.
pub fn site_of(file: &Path) -> Option<&Path> {
    file.ancestors().find(|a| a.file_name().is_some_and(|n| n == "content")).and_then(Path::parent)
}

/// `content/reports/`: one folder per agency.
pub fn reports(root: &Path) -> PathBuf {
    content(root).join("reports")
}

/// An agency's folder.
pub fn agency_dir(root: &Path, slug: &str) -> PathBuf {
    reports(root).join(slug)
}

/// An agency's description file.
pub fn agency_file(root: &Path, slug: &str) -> PathBuf {
    agency_dir(root, slug).join(AGENCY_FILE)
}

/// The file of an agency's report of `year`, by convention.
pub fn report_file(root: &Path, slug: &str, year: i32) -> PathBuf {
    agency_dir(root, slug).join(format!("{year}.md"))
}

/// `content/pages/`: plain pages.
pub fn pages(root: &Path) -> PathBuf {
    content(root).join("pages")
}

/// `content/documents/`: the catalogue, one folder per agency or per category.
pub fn documents(root: &Path) -> PathBuf {
    content(root).join("documents")
}

/// The first segments under `documents/` of the output that the catalogue's
/// listings use (`documents/topics/01/`…): a document folder with one of
/// these names would collide with a listing's URL, so the loader refuses it.
pub const RESERVED_DOCUMENT_FOLDERS: &[&str] = &["topics", "agencies", "years", "items", "valid", "page", "overview"];

/// `static/`: the site's files published as they are (logos, downloads).
pub fn statics(root: &Path) -> PathBuf {
    root.join("static")
}

/// `templates/`: single templates overriding the theme's.
pub fn templates(root: &Path) -> PathBuf {
    root.join("templates")
}

/// `themes/`.
pub fn themes(root: &Path) -> PathBuf {
    root.join("themes")
}

/// The folder of the theme named `name`.
pub fn theme(root: &Path, name: &str) -> PathBuf {
    themes(root).join(name)
}

/// `forms/`: the site's own forms.
pub fn forms(root: &Path) -> PathBuf {
    root.join("forms")
}

/// The settings file.
pub fn settings(root: &Path) -> PathBuf {
    root.join(SETTINGS)
}

/// The source folders of [`SOURCES`], under `root`.
pub fn sources(root: &Path) -> Vec<PathBuf> {
    SOURCES.iter().map(|s| root.join(s)).collect()
}

/// Whether a file name is an editor's temporary, backup or swap file (or
/// hidden): such files are never content, and the preview ignores them.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
}

/// Whether a folder or file name is a valid slug (agency folders and page
/// files, used in URLs): lowercase ASCII letters, digits and `-`. Never
/// derived from a Chinese name: transliteration gets government names wrong.
pub fn is_slug(name: &str) -> bool {
    !name.is_empty()
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !name.starts_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_paths() {
        assert!(is_slug("baibu") && is_slug("haiyan-2") && !is_slug("-x") && !is_slug("百步") && !is_slug(""));
        assert!(is_ignored(".2024.md.swp") && is_ignored("2024.md~") && is_ignored("4913") && !is_ignored("2024.md"));
        let root = Path::new("/s");
        assert_eq!(report_file(root, "baibu", 2020), Path::new("/s/content/reports/baibu/2020.md"));
        assert_eq!(agency_file(root, "baibu"), Path::new("/s/content/reports/baibu/agency.yaml"));
    }
}
