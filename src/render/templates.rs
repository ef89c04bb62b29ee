//! Loading templates: the theme's, overridden one by one by the site's `templates/`.
//!
//! Both are read from inside the site only ([`crate::source::SiteDir`]): a
//! template linked from outside the site is an error, never a template.

use super::{Output, RenderError};
use crate::source::{Found, Kind, SiteDir};
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
            .map_err(|e| RenderError::Theme { theme: theme.to_owned(), source: std::io::Error::other(e) })?;
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
        sources.extend(site_templates(root)?);
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

/// The site's own `templates/**` as (`templates/<rel>`, text), read from
/// inside the site only.
fn site_templates(root: &Path) -> Result<Vec<(String, String)>, RenderError> {
    let dir = crate::layout::templates(root);
    let failed = |path: &Path, message: String| RenderError::Template {
        page: "loading the templates".into(),
        message: format!("{} {message}", path.strip_prefix(root).unwrap_or(path).display()),
    };
    let site = SiteDir::new(root).map_err(|e| failed(root, format!("cannot be read: {e}")))?;
    let mut out = Vec::new();
    for Found { path, what, .. } in site.walk(&dir, usize::MAX, &crate::load::is_ignored) {
        let refused = |why: crate::source::ReadError| failed(&site.link_of(&path), why.describe());
        match what {
            Ok(Kind::Dir) => {}
            Ok(Kind::File) => {
                let bytes = site.read(&path).map_err(refused)?;
                let rel = path.strip_prefix(&dir).map(|p| p.to_string_lossy().replace('\\', "/")).unwrap_or_default();
                let text = String::from_utf8(bytes).map_err(|_| failed(&path, "is not UTF-8".into()))?;
                out.push((format!("templates/{rel}"), text));
            }
            Err(why) => return Err(refused(why)),
        }
    }
    Ok(out)
}
