//! Themes: the built-in default theme and themes in a site's `themes/` folder.
//!
//! A theme is named, never given as a path: `theme = "/etc"` or
//! `"../../elsewhere"` in `site.toml` would otherwise publish whatever
//! folder it names. See [`is_name`].

use std::path::Path;

include!(concat!(env!("OUT_DIR"), "/theme_files.rs"));

/// The built-in theme's name.
pub const DEFAULT: &str = "default";

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
    if let Ok(entries) = std::fs::read_dir(root.join("themes")) {
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
pub fn files(root: &Path, name: &str) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    if !is_name(name) {
        // `site.toml` checks this first; this is a second line of defence.
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!(
                "`{name}` is not a theme name: themes are named (lowercase letters, digits, `-` and `_`), not paths"
            ),
        ));
    }
    let dir = root.join("themes").join(name);
    if dir.is_dir() {
        let mut out = Vec::new();
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let entry = entry.map_err(std::io::Error::other)?;
            let name = entry.file_name().to_string_lossy();
            if entry.file_type().is_file() && !crate::load::is_ignored(&name) {
                let rel = entry.path().strip_prefix(&dir).map_err(std::io::Error::other)?;
                out.push((rel.to_string_lossy().replace('\\', "/"), std::fs::read(entry.path())?));
            }
        }
        return Ok(out);
    }
    if name == DEFAULT {
        return Ok(DEFAULT_THEME.iter().map(|(p, b)| ((*p).to_owned(), b.to_vec())).collect());
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::NotFound,
        format!("theme `{name}` not found: no folder {}", dir.display()),
    ))
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
        assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput, "{err}");
    }
}
