//! Loading templates: the theme's, overridden one by one by the site's `templates/`.

use super::{Output, RenderError};
use std::path::Path;
use tera::{Context, Tera};

/// The compiled templates and the theme's static files.
pub struct Templates {
    tera: Tera,
    /// `static/**` of the theme, copied to the output as is.
    pub statics: Vec<Output>,
}

impl Templates {
    /// Loads theme `theme` of the site at `root`, then the site's own `templates/*.html`.
    ///
    /// Template names resolve first to `templates/<name>` (the site's), then
    /// to `themes/<theme>/templates/<name>`, so errors name the real file.
    pub fn load(root: &Path, theme: &str) -> Result<Templates, RenderError> {
        let files = crate::theme::files(root, theme)
            .map_err(|source| RenderError::Theme { theme: theme.to_owned(), source })?;
        let theme_prefix = format!("themes/{theme}/templates/");
        let mut tera = Tera::default();
        let load_err =
            |e: tera::Error| RenderError::Template { page: "loading the templates".into(), message: e.to_string() };
        tera.set_fallback_prefixes(["templates/".to_owned(), theme_prefix.clone()]).map_err(load_err)?;
        tera.autoescape_on(vec![".html", ".xml"]);
        let mut sources: Vec<(String, String)> = Vec::new();
        let mut statics = Vec::new();
        for (path, bytes) in files {
            if let Some(name) = path.strip_prefix("templates/") {
                let text = String::from_utf8(bytes).map_err(|_| RenderError::Template {
                    page: "loading the templates".into(),
                    message: format!("{theme_prefix}{name} is not UTF-8"),
                })?;
                sources.push((format!("{theme_prefix}{name}"), text));
            } else if let Some(rel) = path.strip_prefix("static/") {
                statics.push(Output { path: rel.to_owned(), bytes });
            }
        }
        let site_templates = root.join("templates");
        if site_templates.is_dir() {
            for entry in walkdir::WalkDir::new(&site_templates).sort_by_file_name().into_iter().flatten() {
                let name = entry.file_name().to_string_lossy();
                if !entry.file_type().is_file() || crate::load::is_ignored(&name) {
                    continue;
                }
                let rel = entry
                    .path()
                    .strip_prefix(&site_templates)
                    .map(|p| p.to_string_lossy().replace('\\', "/"))
                    .unwrap_or_default();
                let text = std::fs::read_to_string(entry.path()).map_err(|e| RenderError::Template {
                    page: "loading the templates".into(),
                    message: format!("templates/{rel}: {e}"),
                })?;
                sources.push((format!("templates/{rel}"), text));
            }
        }
        tera.add_raw_templates(sources).map_err(load_err)?;
        Ok(Templates { tera, statics })
    }

    /// Renders `name` (e.g. `report.html`) for the page at `page`.
    pub fn render(&self, name: &str, context: &Context, page: &str) -> Result<String, RenderError> {
        self.tera
            .render(name, context)
            .map_err(|e| RenderError::Template { page: format!("rendering {page}"), message: e.to_string() })
    }
}
