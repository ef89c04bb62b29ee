//! Themes: the built-in default theme and themes in a site's `themes/` folder.

use std::path::Path;

include!(concat!(env!("OUT_DIR"), "/theme_files.rs"));

/// The files of a theme: `templates/*.html` and `static/**`, as (relative path, bytes).
///
/// A site's own `themes/<name>/` folder wins, so a theme can be edited and
/// previewed in place; `default` falls back to the copy built into gongkai.
pub fn files(root: &Path, name: &str) -> std::io::Result<Vec<(String, Vec<u8>)>> {
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
    if name == "default" {
        return Ok(DEFAULT_THEME.iter().map(|(p, b)| ((*p).to_owned(), b.to_vec())).collect());
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::NotFound,
        format!("theme `{name}` not found: no folder {}", dir.display()),
    ))
}
