//! `gongkai init DIR`: a new site that builds at once.

use super::new::{NewError, new_agency, new_report};
use crate::form::Forms;
use std::path::Path;

/// The example guide and rules pages, shipped with gongkai.
const PAGES: [(&str, &str); 2] = [
    ("guide.md", include_str!("../../content/pages/guide.md")),
    ("rules.md", include_str!("../../content/pages/rules.md")),
];

/// The current year, from the system clock (UTC).
pub fn current_year() -> i32 {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    // Civil-from-days (Howard Hinnant's algorithm), year only.
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2)) as i32
}

/// The `site.toml` of a new site, its comments in the run's language.
fn settings() -> String {
    let lang = match crate::i18n::current() {
        crate::i18n::Lang::Zh => "zh",
        crate::i18n::Lang::En => "en",
    };
    format!(
        "# {head}\ntitle = \"政府信息公开工作年度报告\"\ndescription = \"\"\nbase_url = \"https://www.example.gov.cn/xxgk/\"   # {base_url}\ntheme = \"default\"\n# lang = \"{lang}\"   # {lang_note}\n\n[deadlines]   # {deadlines}\ndepartment = \"01-31\"\ntownship = \"01-31\"\nsubdistrict = \"01-31\"\ngovernment = \"03-31\"\n",
        head = crate::t!("new-toml-head"),
        base_url = crate::t!("new-toml-base-url"),
        lang_note = crate::t!("new-toml-lang"),
        deadlines = crate::t!("new-toml-deadlines"),
    )
}

/// Creates a site in `dir`: settings, one agency, last year's report, the guide and rules pages.
pub fn init(dir: &Path) -> Result<(), NewError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| NewError::Io { path, source }
    };
    let config = dir.join("site.toml");
    if config.exists() {
        return Err(NewError::Exists(config));
    }
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    std::fs::write(&config, settings()).map_err(io(&config))?;
    let pages = dir.join("content/pages");
    std::fs::create_dir_all(&pages).map_err(io(&pages))?;
    for (name, text) in PAGES {
        std::fs::write(pages.join(name), text).map_err(io(&pages.join(name)))?;
    }
    new_agency(dir, "example", "示例机构", "部门")?;
    // Not a draft: the example report is what makes the new site build at once.
    new_report(dir, &Forms::builtin(), "example", current_year() - 1, false)?;
    // The editor's schemas and the settings that map them: keys complete as they are typed.
    crate::schema::write_all(&Forms::builtin(), &dir.join(super::schema::FOLDER))
        .map_err(|e| NewError::Io { path: e.path, source: e.source })?;
    let vscode = dir.join(".vscode/settings.json");
    std::fs::create_dir_all(dir.join(".vscode")).map_err(io(&dir.join(".vscode")))?;
    std::fs::write(&vscode, super::schema::editor_settings()).map_err(io(&vscode))?;
    // A folder that already has its own `.gitignore` (a repository the site is made in) keeps it.
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        std::fs::write(&ignore, gitignore()).map_err(io(&ignore))?;
    }
    Ok(())
}

/// The `.gitignore` of a new site: what gongkai makes in it is not a source
/// (the output, what `build` keeps beside it, the report memo).
fn gitignore() -> String {
    let output = crate::layout::OUTPUT;
    let beside = crate::write::beside(Path::new(output), "*");
    format!(
        "# {}\n/{output}/\n/{}\n/{}/\n",
        crate::t!("new-gitignore-head"),
        beside.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        crate::layout::CACHE
    )
}

/// Runs `gongkai init DIR`: creates the site and says what to do next.
pub fn run(dir: &Path, out: &mut dyn std::io::Write) -> Result<(), NewError> {
    init(dir)?;
    let _ = writeln!(out, "{}", crate::t!("new-init-done", dir = dir));
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_settings_of_a_new_site_load() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("site.toml"), super::settings()).unwrap();
        let config = crate::config::Config::load(tmp.path()).unwrap();
        assert_eq!(config.lang(), None, "the language is only suggested, in a comment");
        assert!(super::settings().contains("# gongkai 站点设置"));
    }

    #[test]
    fn the_year_is_plausible() {
        let y = super::current_year();
        assert!((2025..2200).contains(&y), "{y}");
    }
}
