//! `site.toml`: the site's settings.

pub mod check;
pub mod documents;
pub mod identity;
mod toml_error;

pub use check::{CheckConfig, Level};
pub use identity::Identity;

use crate::i18n::Lang;
use crate::model::AgencyKind;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// A `site.toml` that cannot be used. Every message is in the run's
/// language and names the file, and the line and column where it can.
#[derive(Debug, Error)]
pub enum ConfigError {
    /// Missing or unreadable. The cause is said in the message, in the
    /// run's language, so it is not a `source` repeated after it.
    #[error("{}", io_message(path, cause))]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        cause: std::io::Error,
    },
    /// Not valid TOML, an unknown or missing key, a value of the wrong type
    /// or out of range.
    #[error("{}", crate::t!("cli-config-at", path = path, line = line, col = col, problem = problem))]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Line of the problem (1-based).
        line: u32,
        /// Column of the problem, in characters (1-based).
        col: u32,
        /// What is wrong and how to fix it, in the run's language.
        problem: String,
    },
    /// `--base-url` is not an absolute URL with a valid host (the problem in words).
    #[error("{}", crate::t!("cli-base-url-flag", problem = .0))]
    BaseUrl(String),
    /// `theme` is not one of the site's themes (a path, say).
    #[error(
        "{}",
        crate::t!(
            "cli-config-at",
            path = path,
            line = line,
            col = col,
            problem = crate::t!("cli-config-theme", value = format!("{value:?}"), themes = list(themes))
        )
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

/// The message of an unreadable `site.toml`: a missing one most likely means
/// the command runs outside the site.
fn io_message(path: &Path, cause: &std::io::Error) -> String {
    if cause.kind() == std::io::ErrorKind::NotFound {
        crate::t!("cli-config-missing", path = path)
    } else {
        crate::t!("cli-config-unreadable", path = path, reason = crate::os::reason(cause))
    }
}

/// Names in backticks, joined as the language lists them.
fn list(names: &[String]) -> String {
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(&crate::t!("cli-list-separator"))
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
    /// The catalogue of documents: the 索引号 pattern and the vocabulary.
    #[serde(default)]
    pub documents: documents::DocumentsConfig,
    /// The site's identity, shown in every footer (主办单位, 网站标识码, 备案号…).
    #[serde(default)]
    pub identity: Identity,
    /// The language of gongkai's messages for this site, as written (`zh`
    /// or `en`, checked by [`Config::parse`]); read it with [`Config::lang`].
    #[serde(default, rename = "lang")]
    lang_name: Option<String>,
}

/// What is wrong with a `base_url` (from site.toml or `--base-url`), in
/// words: it must be absolute (`http://` or `https://`), name a host (a
/// name, an IPv4 address or an IPv6 one in brackets, an optional port),
/// and hold no query, fragment or blank.
pub fn base_url_problem(url: &str) -> Option<String> {
    let Some(rest) = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")) else {
        return Some(crate::t!("cli-config-base-url", value = url));
    };
    let bad = |why: String| Some(crate::t!("cli-config-base-url-bad", value = url, why = why));
    if url.contains(|c: char| c.is_whitespace() || c.is_control()) || url.contains(['?', '#', '\\']) {
        return bad(crate::t!("cli-config-base-url-chars"));
    }
    let authority = rest.split('/').next().unwrap_or("");
    let (host, port) = match authority.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((ip, port)) if ip.parse::<std::net::Ipv6Addr>().is_ok() => (ip, port),
            _ => return bad(crate::t!("cli-config-base-url-host")),
        },
        None => match authority.rsplit_once(':') {
            Some((host, port)) => (host, &authority[host.len()..][..port.len() + 1]),
            None => (authority, ""),
        },
    };
    let label_ok = |l: &str| !l.is_empty() && !l.starts_with('-') && l.chars().all(|c| c.is_alphanumeric() || c == '-');
    if host.is_empty() || authority.contains('@') || !host.split('.').all(label_ok) && !authority.starts_with('[') {
        return bad(crate::t!("cli-config-base-url-host"));
    }
    if let Some(p) = port.strip_prefix(':') {
        if p.parse::<u16>().is_err() {
            return bad(crate::t!("cli-config-base-url-port"));
        }
    } else if !port.is_empty() {
        return bad(crate::t!("cli-config-base-url-host"));
    }
    None
}

fn default_base_url() -> String {
    "http://localhost/".into()
}

fn default_theme() -> String {
    crate::theme::DEFAULT.into()
}

/// The language a `lang` value names: exactly `zh` or `en`.
pub fn lang_named(name: &str) -> Option<Lang> {
    match name {
        "zh" => Some(Lang::Zh),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// Just the `lang` key of a `site.toml`, tolerant of every other key.
#[derive(Deserialize)]
struct LangKey {
    lang: Option<String>,
}

/// The language the text of a `site.toml` asks for, read before anything
/// else so that even `--help` speaks it. A file that does not parse, or a
/// `lang` that is not `zh` or `en`, asks for nothing: the command reports
/// the problem later, in the language of the flag or the environment.
pub fn lang_of(text: &str) -> Option<Lang> {
    toml::from_str::<LangKey>(text).ok()?.lang.as_deref().and_then(lang_named)
}

/// Where the value of `key` (in `[table]`, or at the top when `None`)
/// starts in `text`, as (line, column); the file's start when it is absent.
fn value_pos(text: &str, table: Option<&str>, key: &str) -> (u32, u32) {
    let doc = toml::de::DeTable::parse(text).ok();
    let start = doc.as_ref().and_then(|doc| {
        let scope = match table {
            None => doc.get_ref(),
            Some(name) => entry(doc.get_ref(), name)?.get_ref().as_table()?,
        };
        entry(scope, key).map(|v| v.span().start)
    });
    at(text, start.unwrap_or(0))
}

/// Where the value of `code` in `[check.severity]` starts in `text`, as
/// (line, column); the file's start when it is absent.
fn severity_pos(text: &str, code: &str) -> (u32, u32) {
    let doc = toml::de::DeTable::parse(text).ok();
    let start = doc.as_ref().and_then(|doc| {
        let check = entry(doc.get_ref(), "check")?.get_ref().as_table()?;
        let severity = entry(check, "severity")?.get_ref().as_table()?;
        entry(severity, code).map(|v| v.span().start)
    });
    at(text, start.unwrap_or(0))
}

/// The value of `name` in a parsed table.
fn entry<'a, 'i>(table: &'a toml::de::DeTable<'i>, name: &str) -> Option<&'a toml::Spanned<toml::de::DeValue<'i>>> {
    table.iter().find(|(k, _)| k.get_ref().as_ref() == name).map(|(_, v)| v)
}

/// The (line, column) of a byte offset of `text`.
fn at(text: &str, offset: usize) -> (u32, u32) {
    let pos = crate::source::LineIndex::new(text).pos(text, offset, 0);
    (pos.line, pos.col)
}

/// The error for a `theme` that is not a name in `themes` (the site's
/// themes), positioned at its value in `text`; `None` when it is one.
fn theme_error(text: &str, path: &Path, theme: &str, themes: Vec<String>) -> Option<ConfigError> {
    if crate::theme::is_name(theme) && themes.iter().any(|t| t == theme) {
        return None;
    }
    let (line, col) = value_pos(text, None, "theme");
    Some(ConfigError::Theme { path: path.to_path_buf(), line, col, value: theme.to_owned(), themes })
}

impl Config {
    /// Reads `<root>/site.toml`.
    pub fn load(root: &Path) -> Result<Config, ConfigError> {
        let path = crate::layout::settings(root);
        let text = std::fs::read_to_string(&path).map_err(|cause| ConfigError::Io { path: path.clone(), cause })?;
        let config = Config::parse(&text, &path)?;
        if let Some(e) = theme_error(&text, &path, &config.theme, crate::theme::names(root)) {
            return Err(e);
        }
        let logo = &config.identity.logo;
        if !logo.is_empty() && !crate::layout::statics(root).join(logo).is_file() {
            let (line, col) = value_pos(&text, Some("identity"), "logo");
            let problem = crate::t!("cli-config-logo-missing", value = logo);
            return Err(ConfigError::Invalid { path, line, col, problem });
        }
        Ok(config)
    }

    /// The language the site asks for with `lang`, if any.
    pub fn lang(&self) -> Option<Lang> {
        self.lang_name.as_deref().and_then(lang_named)
    }

    /// Parses and validates the text of a `site.toml`.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let invalid = |(line, col): (u32, u32), problem: String| ConfigError::Invalid {
            path: path.to_path_buf(),
            line,
            col,
            problem,
        };
        let config: Config = toml::from_str(text)
            .map_err(|e| invalid(at(text, e.span().map_or(0, |s| s.start)), toml_error::problem(&e, text)))?;
        let d = &config.deadlines;
        for (key, value) in [
            ("department", &d.department),
            ("township", &d.township),
            ("subdistrict", &d.subdistrict),
            ("government", &d.government),
        ] {
            if crate::model::Date::parse(&format!("2001-{value}")).is_none() {
                let problem = crate::t!("cli-config-deadline", key = key, value = value);
                return Err(invalid(value_pos(text, Some("deadlines"), key), problem));
            }
        }
        if let Some((key, in_severity, problem)) = config.check.problem() {
            let pos = match in_severity {
                false => value_pos(text, Some("check"), &key),
                true => severity_pos(text, &key),
            };
            return Err(invalid(pos, problem));
        }
        if let Some((key, problem)) = config.documents.problem() {
            return Err(invalid(value_pos(text, Some("documents"), key), problem));
        }
        if let Some(problem) = base_url_problem(&config.base_url) {
            return Err(invalid(value_pos(text, None, "base_url"), problem));
        }
        if let Some((bad, value)) = config.identity.invalid() {
            return Err(invalid(value_pos(text, Some("identity"), bad.key()), bad.problem(value)));
        }
        if let Some(name) = config.lang_name.as_deref().filter(|n| lang_named(n).is_none()) {
            return Err(invalid(value_pos(text, None, "lang"), crate::t!("cli-config-lang", value = name)));
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
        assert!(err.starts_with("site.toml:2:12：`theme = \"/etc\"` 不是本站点的主题"), "{err}");
        assert!(err.ends_with("本站点的主题：`default`、`mine`"), "{err}");
        let text = "theme = \"\\u001b[2J\"\n";
        let err = theme_error(text, Path::new("s"), "\u{1b}[2J", themes()).unwrap().to_string();
        assert!(err.contains("theme = \"\\u{1b}[2J\""), "the value is printed escaped: {err}");
        assert!(theme_error("", Path::new("s"), "mine", themes()).is_none());
        assert!(theme_error("", Path::new("s"), "other", themes()).is_some(), "a name, but not of this site");
    }

    /// The error of `text`, which must not be a valid site.toml.
    fn error(text: &str) -> String {
        Config::parse(text, Path::new("site.toml")).expect_err("invalid").to_string()
    }

    #[test]
    fn values_out_of_range_are_pointed_at_in_chinese() {
        let e = error("title = \"t\"\n[deadlines]\ntownship = \"02-30\"\n");
        assert_eq!(
            e,
            "site.toml:3:12：`[deadlines]` 中 `township = \"02-30\"` 不是有效的日期：应写成 `MM-DD`，如 `01-31`"
        );
        let e = error("title = \"t\"\n\n[check]\nsimilarity = 1.5\n");
        assert!(e.starts_with("site.toml:4:14：`[check]` 中的 `similarity` 应在 0 到 1 之间"), "{e}");
        for (url, why) in [
            ("http://[bad", "主机名"),
            ("https://exa mple.gov.cn/", "空白"),
            ("https://example.gov.cn:99999/", "端口"),
            ("https:///xxgk/", "主机名"),
            ("https://example.gov.cn/?a=1", "空白"),
        ] {
            let e = error(&format!("title = \"t\"\nbase_url = \"{url}\"\n"));
            assert!(e.starts_with("site.toml:2:12：") && e.contains(why), "{url}: {e}");
        }
        for good in
            ["https://www.example.gov.cn/xxgk/", "http://127.0.0.1:8080/", "http://[::1]:8420/", "https://政府.中国/"]
        {
            assert_eq!(super::base_url_problem(good), None, "{good}");
        }
        let e = error("title = \"t\"\nbase_url = \"example.gov.cn\"\n");
        assert!(e.starts_with("site.toml:2:12：`base_url = \"example.gov.cn\"` 应以"), "{e}");
        let e = error("titel = \"t\"\n");
        assert!(e.starts_with("site.toml:1:1：未知字段 `titel`；可用的字段：`title`、"), "{e}");
        // Added at the end of the file, a top-level key lands in the last table.
        let e = error("title = \"t\"\n[deadlines]\ntownship = \"01-31\"\nlang = \"en\"\n");
        assert!(e.starts_with("site.toml:4:1：未知字段 `lang`；可用的字段：`department`"), "{e}");
        assert!(e.ends_with("。`lang` 是顶层字段：应写在文件开头、第一个 `[…]` 表之前"), "{e}");
        assert!(!error("title = \"t\"\n[deadlines]\nlangg = 1\n").contains("顶层字段"), "only for top-level keys");
    }

    #[test]
    fn lang_is_zh_or_en_and_anything_else_is_an_error_at_its_line() {
        let parse = |text: &str| Config::parse(text, Path::new("site.toml"));
        assert_eq!(parse("title = \"t\"\nlang = \"en\"\n").unwrap().lang(), Some(Lang::En));
        assert_eq!(parse("title = \"t\"\nlang = \"zh\"\n").unwrap().lang(), Some(Lang::Zh));
        assert_eq!(parse("title = \"t\"\n").unwrap().lang(), None);
        let e = error("title = \"t\"\n\nlang = \"fr\"\n");
        assert_eq!(e, "site.toml:3:8：`lang = \"fr\"` 不是可用的语言：应为 `zh`（中文）或 `en`（英文）");
        let e = error("title = \"t\"\nlang = 1\n");
        assert!(e.starts_with("site.toml:2:8：值的类型不对"), "{e}");
    }

    #[test]
    fn identity_numbers_of_the_wrong_form_are_pointed_at_in_chinese() {
        let site = |line: &str| format!("title = \"t\"\n\n[identity]\nsponsor = \"某县人民政府办公室\"\n{line}\n");
        let cases = [
            (
                "site_code = \"330424000\"",
                "site.toml:5:13：`[identity]` 中 `site_code = \"330424000\"` 不是有效的网站标识码",
            ),
            ("site_code = \"BM12000001\"", "site.toml:5:13：`[identity]` 中 `site_code = \"BM12000001\"`"),
            (
                "icp   = \"浙ICP备12345678\"",
                "site.toml:5:9：`[identity]` 中 `icp = \"浙ICP备12345678\"` 不是有效的备案号",
            ),
            ("icp = \"ICP备12345678号\"", "site.toml:5:7：`[identity]` 中 `icp = \"ICP备12345678号\"`"),
            (
                "police = \"浙公网安备 3304240200012号\"",
                "site.toml:5:10：`[identity]` 中 `police = \"浙公网安备 3304240200012号\"` 不是有效的公安机关备案号",
            ),
            (
                "email = \"xxgk.example.gov.cn\"",
                "site.toml:5:9：`[identity]` 中 `email = \"xxgk.example.gov.cn\"` 不是有效的电子邮箱地址",
            ),
            (
                "logo = \"../secret.svg\"",
                "site.toml:5:8：`[identity]` 中 `logo = \"../secret.svg\"` 应为 `static/` 文件夹中的文件",
            ),
            ("credit = \"yes\"", "site.toml:5:10：值的类型不对：应为`true` 或 `false`"),
            ("icq = \"x\"", "site.toml:5:1：未知字段 `icq`；可用的字段：`sponsor`"),
        ];
        for (line, expected) in cases {
            let e = error(&site(line));
            assert!(e.starts_with(expected), "{line}: {e}");
        }
        let good =
            site("site_code = \"bm12000001\"\nicp = \"浙ICP备12345678号-1\"\npolice = \"浙公网安备 33042402000123号\"");
        let c = Config::parse(&good, Path::new("site.toml")).expect("valid");
        assert_eq!(c.identity.site_code, "bm12000001");
        assert!(!c.identity.credit, "no credit unless asked");
    }

    #[test]
    fn a_logo_missing_from_static_is_an_error_at_its_line() {
        let tmp = tempfile::tempdir().unwrap();
        let text = "title = \"t\"\n[identity]\nlogo = \"images/logo.svg\"\n";
        std::fs::write(tmp.path().join("site.toml"), text).unwrap();
        let e = Config::load(tmp.path()).unwrap_err().to_string();
        assert!(
            e.ends_with("site.toml:3:8：`[identity]` 中 `logo = \"images/logo.svg\"`：`static/` 文件夹中没有这个文件"),
            "{e}"
        );
        std::fs::create_dir_all(tmp.path().join("static/images")).unwrap();
        std::fs::write(tmp.path().join("static/images/logo.svg"), "<svg/>").unwrap();
        assert_eq!(Config::load(tmp.path()).unwrap().identity.logo, "images/logo.svg");
    }

    #[test]
    fn the_language_is_read_from_any_file_that_parses() {
        assert_eq!(lang_of("lang = \"en\"\n[deadlines]\nx = 1\n"), Some(Lang::En), "other keys do not matter");
        assert_eq!(lang_of("lang = \"en\"\ntitle = \n"), None, "a broken file asks for nothing");
        assert_eq!(lang_of("lang = \"en-US\"\n"), None);
        assert_eq!(lang_of(""), None);
    }
}
