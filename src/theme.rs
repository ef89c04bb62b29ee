//! Themes: the built-in default theme and themes in a site's `themes/` folder.
//!
//! A theme is named, never given as a path: `theme = "/etc"` or
//! `"../../elsewhere"` in `site.toml` would otherwise publish whatever
//! folder it names. See [`is_name`].

use crate::source::{Found, Kind, ReadError, SiteDir};
use std::path::{Path, PathBuf};
use thiserror::Error;

include!(concat!(env!("OUT_DIR"), "/theme_files.rs"));

/// The built-in theme's name.
pub const DEFAULT: &str = "default";

/// Why a theme could not be loaded.
#[derive(Debug, Error)]
pub enum ThemeError {
    /// The name is not a theme name (a path, say); `site.toml` checks this
    /// first, so this is a second line of defence.
    #[error("{}", crate::t!("site-theme-name", name = .0))]
    Name(String),
    /// Neither `themes/<name>/` nor the built-in theme.
    #[error("{}", crate::t!("site-theme-missing", name = .name, dir = .dir))]
    Missing {
        /// The name.
        name: String,
        /// The folder looked for.
        dir: PathBuf,
    },
    /// A file or folder of the theme was not read (a link leaving the site…).
    #[error("{}", crate::t!("site-theme-unread", path = .path, why = .why.describe()))]
    Unread {
        /// The file, folder or link.
        path: PathBuf,
        /// Why.
        why: ReadError,
    },
}

/// Whether `name` is a theme name: one or more of `a`–`z`, `0`–`9`, `-`, `_`.
/// So a theme is always the folder `themes/<name>` of the site (or the
/// built-in `default`), and can never name a path elsewhere.
pub fn is_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// The themes a site can use: `default` and every folder of `themes/` with a
/// theme name, sorted (for telling a webmaster what `theme` may be).
pub fn names(root: &Path) -> Vec<String> {
    let mut names = vec![DEFAULT.to_owned()];
    if let Ok(entries) = std::fs::read_dir(crate::layout::themes(root)) {
        names.extend(
            entries
                .flatten()
                .filter(|e| e.path().is_dir())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| is_name(n)),
        );
    }
    names.sort();
    names.dedup();
    names
}

/// The files of a theme: `templates/*.html` and `static/**`, as (relative path, bytes).
///
/// A site's own `themes/<name>/` folder wins, so a theme can be edited and
/// previewed in place; `default` falls back to the copy built into gongkai.
/// Files are read from inside the site only: a link in the theme that
/// leaves the site is an error, not a file of the theme.
pub fn files(root: &Path, name: &str) -> Result<Vec<(String, Vec<u8>)>, ThemeError> {
    if !is_name(name) {
        return Err(ThemeError::Name(name.to_owned()));
    }
    let dir = crate::layout::theme(root, name);
    let unread = |path: &Path, why| ThemeError::Unread { path: path.to_path_buf(), why };
    let site = SiteDir::new(root).map_err(|e| unread(root, ReadError::Io(e)))?;
    let found = site.walk(&dir, usize::MAX, &crate::load::is_ignored);
    if found.is_empty() && !dir.exists() {
        if name == DEFAULT {
            return Ok(DEFAULT_THEME.iter().map(|(p, b)| ((*p).to_owned(), b.to_vec())).collect());
        }
        return Err(ThemeError::Missing { name: name.to_owned(), dir });
    }
    let mut out = Vec::new();
    for Found { path, what, .. } in found {
        match what {
            Ok(Kind::Dir) => {}
            Ok(Kind::File) => {
                let bytes = site.read(&path).map_err(|why| unread(&site.link_of(&path), why))?;
                let rel = path.strip_prefix(&dir).map_err(|_| unread(&path, ReadError::Outside))?;
                out.push((rel.to_string_lossy().replace('\\', "/"), bytes));
            }
            Err(why) => return Err(unread(&site.link_of(&path), why)),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_names_are_not_paths() {
        for good in ["default", "xxgk-2024", "my_theme", "a"] {
            assert!(is_name(good), "{good}");
        }
        for bad in ["", "/etc", "../x", "a/b", "a\\b", ".", "..", "Default", "主题", "a b", "a.b"] {
            assert!(!is_name(bad), "{bad}");
        }
    }

    #[test]
    fn a_path_is_refused_even_if_site_toml_was_not_checked() {
        let err = files(Path::new("."), "../../elsewhere").unwrap_err();
        assert!(matches!(err, ThemeError::Name(_)), "{err}");
    }
}
