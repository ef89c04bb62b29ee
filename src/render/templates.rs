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
        let files = crate::theme::files(root, theme)?;
        let theme_prefix = format!("themes/{theme}/templates/");
        let mut tera = Tera::default();
        let load_err = |e: tera::Error| RenderError::template(None, &e);
        tera.set_fallback_prefixes(["templates/".to_owned(), theme_prefix.clone()]).map_err(load_err)?;
        tera.autoescape_on(vec![".html", ".xml"]);
        let mut sources: Vec<(String, String)> = Vec::new();
        let mut statics = Vec::new();
        for (path, bytes) in files {
            if let Some(name) = path.strip_prefix("templates/") {
                let text =
                    String::from_utf8(bytes).map_err(|_| RenderError::NotUtf8(format!("{theme_prefix}{name}")))?;
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
        self.tera.render(name, context).map_err(|e| RenderError::template(Some(page), &e))
    }
}

/// The site's own `templates/**` as (`templates/<rel>`, text), read from
/// inside the site only.
fn site_templates(root: &Path) -> Result<Vec<(String, String)>, RenderError> {
    let dir = crate::layout::templates(root);
    let rel = |path: &Path| {
        path.strip_prefix(root).ok().filter(|p| !p.as_os_str().is_empty()).unwrap_or(path).display().to_string()
    };
    let failed = |path: &Path, why: String| RenderError::Unread { file: rel(path), why };
    let site = SiteDir::new(root).map_err(|e| failed(root, crate::os::reason(&e)))?;
    let mut out = Vec::new();
    for Found { path, what, .. } in site.walk(&dir, usize::MAX, &crate::load::is_ignored) {
        let refused = |why: crate::source::ReadError| failed(&site.link_of(&path), why.describe());
        match what {
            Ok(Kind::Dir) => {}
            Ok(Kind::File) => {
                let bytes = site.read(&path).map_err(refused)?;
                let name = path.strip_prefix(&dir).map(|p| p.to_string_lossy().replace('\\', "/")).unwrap_or_default();
                let text = String::from_utf8(bytes).map_err(|_| RenderError::NotUtf8(rel(&path)))?;
                out.push((format!("templates/{name}"), text));
            }
            Err(why) => return Err(refused(why)),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Arg, Args, Lang, text_in};

    /// A site with the given `templates/` files.
    fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
        let tmp = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let path = tmp.path().join("templates").join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        tmp
    }

    #[test]
    fn a_broken_template_is_named_with_its_line_in_chinese_then_teras_report() {
        let tmp = site(&[(
            "report.html",
            "{% extends \"base.html\" %}\n{% block content %}\n{% if %}\n{% endblock content %}\n",
        )]);
        let err = Templates::load(tmp.path(), "default").err().expect("a syntax error").to_string();
        let (lead, detail) = err.split_once('\n').expect("tera's report follows");
        assert_eq!(lead, "模板 templates/report.html 第 3 行有错误，模板未能读取。", "{err}");
        assert!(detail.contains("templates/report.html:3:"), "{err}");
    }

    #[test]
    fn a_template_that_fails_to_render_names_the_page_and_the_line() {
        let tmp = site(&[("x.html", "<p>\n{{ nope }}\n</p>\n")]);
        let templates = Templates::load(tmp.path(), "default").expect("loads");
        let err = templates.render("x.html", &Context::new(), "reports/a/2024/index.html").unwrap_err().to_string();
        assert!(
            err.starts_with("模板 templates/x.html 第 2 行有错误，页面 reports/a/2024/index.html 未能生成。\n"),
            "{err}"
        );
        assert!(err.contains("nope"), "tera's detail names the variable: {err}");
        let missing = templates.render("nothing.html", &Context::new(), "index.html").unwrap_err().to_string();
        assert!(missing.starts_with("找不到模板 nothing.html，页面 index.html 未能生成。"), "{missing}");
    }

    #[test]
    fn a_template_that_is_not_utf8_says_so() {
        let tmp = site(&[]);
        std::fs::create_dir_all(tmp.path().join("templates")).unwrap();
        std::fs::write(tmp.path().join("templates/gbk.html"), b"\xc4\xe3\xba\xc3").unwrap();
        let err = Templates::load(tmp.path(), "default").err().expect("refused").to_string();
        assert_eq!(err, "模板 templates/gbk.html 不是 UTF-8 编码：请把它另存为 UTF-8");
    }

    #[test]
    fn the_english_template_messages_say_the_same() {
        let mut args = Args::new();
        args.set("file", "templates/report.html".arg());
        args.set("line", 3u32.arg());
        args.set("page", "index.html".arg());
        assert_eq!(
            text_in(Lang::En, "site-template-render-line", Some(&args)),
            "error in template templates/report.html at line 3: page index.html was not built."
        );
    }
}
