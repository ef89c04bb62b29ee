//! `site.toml`: the site's settings.

use crate::model::AgencyKind;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// A `site.toml` that cannot be used.
#[derive(Debug, Error)]
pub enum ConfigError {
    /// Missing or unreadable.
    #[error("cannot read {path}: {source} (is this a gongkai site? `gongkai init DIR` creates one)")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// Not valid TOML or wrong keys.
    #[error("{path}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// The parser's message, with line and column.
        message: String,
    },
    /// `theme` is not one of the site's themes (a path, say).
    #[error(
        "{}:{line}:{col}: theme = {value:?} is not a theme of this site: themes are named (lowercase letters, digits, `-` and `_`), each the folder themes/<name> of the site or the built-in `default`; this site's themes: {}",
        path.display(),
        themes.join(", ")
    )]
    Theme {
        /// The file.
        path: PathBuf,
        /// Line of the value.
        line: u32,
        /// Column of the value (its opening quote), in characters.
        col: u32,
        /// The value as written.
        value: String,
        /// The names `theme` may take.
        themes: Vec<String>,
    },
}

/// Publication deadlines after the end of the report year, as `MM-DD` of the next year.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct Deadlines {
    /// 县级以上人民政府部门 (条例 第四十九条: 1月31日).
    pub department: String,
    /// 乡镇 (set by provinces; 1月31日 is the common rule).
    pub township: String,
    /// 街道.
    pub subdistrict: String,
    /// 县级以上地方人民政府's own report (条例 第四十九条: 3月31日).
    pub government: String,
}

impl Default for Deadlines {
    fn default() -> Self {
        Deadlines {
            department: "01-31".into(),
            township: "01-31".into(),
            subdistrict: "01-31".into(),
            government: "03-31".into(),
        }
    }
}

impl Deadlines {
    /// The `MM-DD` deadline for an agency kind.
    pub fn for_kind(&self, kind: AgencyKind) -> &str {
        match kind {
            AgencyKind::Department => &self.department,
            AgencyKind::Township => &self.township,
            AgencyKind::Subdistrict => &self.subdistrict,
            AgencyKind::Government => &self.government,
        }
    }
}

/// Settings of the checker.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct CheckConfig {
    /// Share of a narrative identical to the previous year's above which X-DUP warns.
    /// 0.5 follows the "重复率大于50%" scoring rule used by evaluators.
    pub similarity: f64,
}

impl Default for CheckConfig {
    fn default() -> Self {
        CheckConfig { similarity: 0.5 }
    }
}

/// The whole `site.toml`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Site title (the portal's disclosure section).
    pub title: String,
    /// Absolute URL where the output is published; used only for feed, sitemap and canonical links.
    #[serde(default = "default_base_url")]
    pub base_url: String,
    /// Theme name: `default` (built in) or a folder under `themes/`; a name
    /// (see [`crate::theme::is_name`]), never a path.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Let raw HTML in Markdown through unsanitized.
    #[serde(default)]
    pub unsafe_html: bool,
    /// Short description for the home page and feed.
    #[serde(default)]
    pub description: String,
    /// Publication deadlines per agency kind.
    #[serde(default)]
    pub deadlines: Deadlines,
    /// Checker settings.
    #[serde(default)]
    pub check: CheckConfig,
}

fn default_base_url() -> String {
    "http://localhost/".into()
}

fn default_theme() -> String {
    crate::theme::DEFAULT.into()
}

/// Just the `theme` key of a `site.toml`, with where its value is written.
#[derive(Deserialize)]
struct ThemeKey {
    theme: Option<toml::Spanned<String>>,
}

/// The error for a `theme` that is not a name in `themes` (the site's
/// themes), positioned at its value in `text`; `None` when it is one.
fn theme_error(text: &str, path: &Path, theme: &str, themes: Vec<String>) -> Option<ConfigError> {
    if crate::theme::is_name(theme) && themes.iter().any(|t| t == theme) {
        return None;
    }
    let span = toml::from_str::<ThemeKey>(text).ok().and_then(|k| k.theme).map_or(0..0, |t| t.span());
    let pos = crate::source::LineIndex::new(text).pos(text, span.start, span.len());
    Some(ConfigError::Theme { path: path.to_path_buf(), line: pos.line, col: pos.col, value: theme.to_owned(), themes })
}

impl Config {
    /// Reads `<root>/site.toml`.
    pub fn load(root: &Path) -> Result<Config, ConfigError> {
        let path = crate::layout::settings(root);
        let text = std::fs::read_to_string(&path).map_err(|source| ConfigError::Io { path: path.clone(), source })?;
        let config = Config::parse(&text, &path)?;
        match theme_error(&text, &path, &config.theme, crate::theme::names(root)) {
            Some(e) => Err(e),
            None => Ok(config),
        }
    }

    /// Parses and validates the text of a `site.toml`.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let invalid = |message: String| ConfigError::Invalid { path: path.to_path_buf(), message };
        let config: Config = toml::from_str(text).map_err(|e| invalid(e.to_string()))?;
        let d = &config.deadlines;
        for (name, value) in [
            ("department", &d.department),
            ("township", &d.township),
            ("subdistrict", &d.subdistrict),
            ("government", &d.government),
        ] {
            if crate::model::Date::parse(&format!("2001-{value}")).is_none() {
                return Err(invalid(format!("[deadlines] {name} = \"{value}\" is not a MM-DD date")));
            }
        }
        if !(0.0..=1.0).contains(&config.check.similarity) {
            return Err(invalid("[check] similarity must be between 0 and 1".into()));
        }
        if !config.base_url.starts_with("http://") && !config.base_url.starts_with("https://") {
            return Err(invalid(format!("base_url = \"{}\" must start with http:// or https://", config.base_url)));
        }
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_validation() {
        let c = Config::parse("title = \"t\"\n", Path::new("site.toml")).unwrap();
        assert_eq!(c.deadlines.for_kind(AgencyKind::Government), "03-31");
        assert!(Config::parse("title = \"t\"\n[deadlines]\ntownship = \"02-30\"\n", Path::new("s")).is_err());
        let err = Config::parse("titel = \"t\"\n", Path::new("s")).unwrap_err().to_string();
        assert!(err.contains("titel"), "{err}");
    }

    #[test]
    fn a_theme_is_a_name_of_the_site_and_errors_point_at_it() {
        let themes = || vec!["default".to_owned(), "mine".to_owned()];
        let text = "title = \"t\"\ntheme   =  \"/etc\"\n";
        let err = theme_error(text, Path::new("site.toml"), "/etc", themes()).unwrap().to_string();
        assert!(err.starts_with("site.toml:2:12: theme = \"/etc\" is not a theme of this site"), "{err}");
        assert!(err.ends_with("this site's themes: default, mine"), "{err}");
        let text = "theme = \"\\u001b[2J\"\n";
        let err = theme_error(text, Path::new("s"), "\u{1b}[2J", themes()).unwrap().to_string();
        assert!(err.contains("theme = \"\\u{1b}[2J\""), "the value is printed escaped: {err}");
        assert!(theme_error("", Path::new("s"), "mine", themes()).is_none());
        assert!(theme_error("", Path::new("s"), "other", themes()).is_some(), "a name, but not of this site");
    }
}
