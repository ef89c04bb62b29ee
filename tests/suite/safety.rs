//! Issue #8, items 4 and 5: the site's files are read only from inside the
//! site, themes are names, the CSV files cannot run in a spreadsheet, and the
//! terminal shows a report's control characters instead of obeying them.

use crate::fixture::{TempSite, report_2021, tables_2021, texts, with_code};
use gongkai::diag::Severity;
use std::path::Path;

/// Stands for a server's secrets: it must never be printed, published or loaded.
const SECRET: &str = "SECRET-7f3a";

/// A folder outside the site holding secret files of every kind gongkai reads.
fn outside() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    let write = |rel: &str, text: &str| {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    };
    write("passwd", &format!("root:{SECRET}:0:0:root:/root:/bin/bash\n"));
    write("page.md", &format!("# {SECRET}\n\n{SECRET}\n"));
    write("2023.md", &report_2021(2023, &format!("title: {SECRET}\n{}", tables_2021(0, 3, 0)), ""));
    write("agency/agency.yaml", &format!("name: {SECRET}局\nkind: 部门\n"));
    write("agency/2024.md", &report_2021(2024, &tables_2021(0, 3, 0), &format!("{SECRET}\n")));
    write("theme/templates/base.html", SECRET);
    write("theme/static/secret.txt", SECRET);
    let form = include_str!("../../src/forms/cn-2021.json").replacen("\"cn-2021\"", &format!("\"{SECRET}\""), 1);
    write("form.json", &form);
    dir
}

/// Asserts that nothing gongkai printed or published contains the secret.
fn assert_no_secret(site: &TempSite, printed: &[&str]) {
    for text in printed {
        assert!(!text.contains(SECRET) && !text.contains("root:x:0:0"), "{text}");
    }
    for (path, text) in texts(&site.path().join("public")) {
        assert!(!text.contains(SECRET), "{} publishes the secret", path.display());
    }
}

/// The IN-LINK findings as (path relative to the site, message), each checked
/// to be an error at line 1, column 1 of the link.
fn link_findings(site: &TempSite) -> Vec<(String, String)> {
    let checked = site.check();
    let mut found: Vec<(String, String)> = with_code(&checked, "IN-LINK")
        .into_iter()
        .map(|d| {
            assert_eq!((d.severity, d.pos.line, d.pos.col), (Severity::Error, 1, 1), "{d:?}");
            let rel = d.file.strip_prefix(site.path()).expect("inside the site").display().to_string();
            (rel, d.message.clone())
        })
        .collect();
    found.sort();
    found
}

#[cfg(unix)]
#[test]
fn a_page_linked_to_a_file_outside_the_site_is_refused_at_the_link() {
    let out = outside();
    let site = TempSite::example();
    site.link("content/pages/x.md", out.path().join("page.md"));
    if Path::new("/etc/bash.bashrc").exists() {
        site.link("content/pages/bashrc.md", "/etc/bash.bashrc");
    }
    let (code, _, err) = site.run(&["build"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("错误[IN-LINK]：`x.md` 是符号链接，指向站点文件夹以外"), "{err}");
    assert!(err.contains("--> content/pages/x.md:1:1"), "{err}");
    assert!(!site.path().join("public").exists(), "nothing published");
    assert_no_secret(&site, &[&err]);
}

#[cfg(unix)]
#[test]
fn a_report_linked_from_outside_is_refused_without_showing_its_target() {
    let out = outside();
    let site = TempSite::example();
    site.link("content/reports/huaian/2023.md", out.path().join("2023.md"));
    site.link("content/reports/baibu/2019.md", out.path().join("passwd"));
    if Path::new("/etc/passwd").exists() {
        site.link("content/reports/baibu/2018.md", "/etc/passwd");
    }
    let found = link_findings(&site);
    let paths: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert!(paths.contains(&"content/reports/huaian/2023.md") && paths.contains(&"content/reports/baibu/2019.md"));
    assert_eq!(site.check().content.reports.len(), 2, "only the example's own reports are loaded");
    let (code, human, _) = site.run(&["check"]);
    assert_eq!(code, 1, "{human}");
    assert!(human.contains("--> content/reports/baibu/2019.md:1:1\n"), "{human}");
    let (code, json, _) = site.run(&["check", "--format", "json"]);
    assert_eq!(code, 1, "{json}");
    assert_no_secret(&site, &[&human, &json]);
}

#[cfg(unix)]
#[test]
fn folders_themes_templates_and_forms_linked_outside_the_site_are_refused() {
    let out = outside();
    let site = TempSite::example();
    site.link("content/reports/evil", out.path().join("agency"));
    site.link("themes/mine", out.path().join("theme"));
    site.link("templates", out.path().join("theme/templates"));
    site.link("forms/x.json", out.path().join("form.json"));
    let toml = std::fs::read_to_string(site.path().join("site.toml")).expect("read");
    site.write("site.toml", toml.replace("theme = \"default\"", "theme = \"mine\""));
    let found = link_findings(&site);
    let paths: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(paths, ["content/reports/evil", "forms/x.json", "templates", "themes/mine"], "{found:#?}");
    assert!(found.iter().all(|f| f.1.contains("指向站点文件夹以外")), "{found:#?}");
    let checked = site.check();
    assert!(!checked.content.agencies.contains_key("evil"), "the folder was not descended");
    assert!(checked.forms.list.iter().all(|f| f.id != SECRET), "the form was not read");
    let (code, _, err) = site.run(&["build"]);
    assert_eq!(code, 1, "{err}");
    assert!(!site.path().join("public").exists(), "nothing published");
    assert_no_secret(&site, &[&err]);
}

#[cfg(unix)]
#[test]
fn links_that_stay_inside_the_site_are_followed() {
    let site = TempSite::example();
    site.write("shared/about.md", "---\ntitle: 关于本站\n---\n正文\n");
    site.link("content/pages/about.md", "../../shared/about.md");
    site.write("shared/linked/agency.yaml", "name: 链接局\nkind: 部门\n");
    site.write("shared/linked/2024.md", report_2021(2024, &tables_2021(0, 3, 0), ""));
    site.link("content/reports/linked", "../../shared/linked");
    site.write(
        "shared/templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<p id=\"linked\">{{ page.title }}</p>{% endblock content %}",
    );
    site.link("templates/page.html", "../shared/templates/page.html");
    assert_eq!(link_findings(&site), Vec::<(String, String)>::new());
    let (code, _, err) = site.run(&["build"]);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(site.path().join("public/pages/about/index.html")).expect("page");
    assert!(page.contains("<p id=\"linked\">关于本站</p>"), "{page}");
    assert!(site.path().join("public/reports/linked/2024/index.html").exists());
}

#[cfg(unix)]
#[test]
fn dangling_and_looping_links_are_refused_with_a_message() {
    let site = TempSite::example();
    site.link("content/pages/gone.md", "nowhere.md");
    site.link("content/pages/self.md", "self.md");
    site.link("content/reports/up", "..");
    site.link("content/reports/huaian/again", ".");
    let found = link_findings(&site);
    let got: Vec<(&str, bool)> = found
        .iter()
        .map(|(path, message)| (path.as_str(), message.contains("目标不存在") || message.contains("无限循环")))
        .collect();
    assert_eq!(
        got,
        [
            ("content/pages/gone.md", true),
            ("content/pages/self.md", true),
            ("content/reports/huaian/again", true),
            ("content/reports/up", true)
        ],
        "{found:#?}"
    );
    assert_eq!(site.check().content.reports.len(), 2);
}

#[cfg(unix)]
#[test]
fn a_report_swapped_or_deleted_after_checking_is_not_published() {
    let out = tempfile::tempdir().expect("tmp");
    let site = TempSite::example();
    let checked = gongkai::site::Site::load(site.path()).expect("loads");
    let file = site.path().join("content/reports/huaian/2024.md");
    // The same text, but now read through a link to a file outside the site.
    let copy = out.path().join("2024.md");
    std::fs::copy(&file, &copy).expect("copy");
    std::fs::remove_file(&file).expect("rm");
    std::os::unix::fs::symlink(&copy, &file).expect("symlink");
    let public = site.path().join("public");
    let err = gongkai::cmd::build::build(&checked, &public).expect_err("must refuse the link").to_string();
    assert!(err.contains("2024.md 在生成过程中被修改"), "{err}");
    assert!(!public.exists(), "nothing published");
    std::fs::remove_file(&file).expect("rm");
    let err = gongkai::cmd::build::build(&checked, &public).expect_err("must refuse a deleted file").to_string();
    assert!(err.contains("2024.md 在生成过程中被修改"), "{err}");
    assert!(!public.exists(), "nothing published");
}

/// Issue #9: a build reads each report file once. Once the site is loaded,
/// its files may be edited, deleted or swapped for links: the pages, the
/// copy kept of the sources and the lines shown with a finding are all the
/// texts that were checked, and the build does not fail.
#[cfg(unix)]
#[test]
fn a_build_publishes_the_texts_it_checked_whatever_happens_to_the_files_after() {
    use gongkai::publish::Publication;
    let site = TempSite::example();
    let public = site.path().join("public");
    let files =
        ["content/reports/huaian/2024.md", "content/reports/baibu/2020.md", "content/reports/baibu/agency.yaml"];
    let read = |rel: &str| std::fs::read_to_string(site.path().join(rel)).expect("read");
    let before: Vec<String> = files.iter().map(|f| read(f)).collect();
    let publication = Publication::beside(&public).expect("locks");
    let texts_dir = publication.texts_dir().expect("build keeps texts");
    let kept = gongkai::texts::Texts::kept(site.path(), &texts_dir, publication.prior().sources()).expect("texts");
    let checked = gongkai::site::Site::load_with(site.path(), kept, gongkai::memo::Memos::Ignore).expect("loads");
    // Edited, deleted, and swapped for a link leaving the site, after checking.
    let huaian = site.path().join(files[0]);
    std::fs::write(&huaian, before[0].replace("淮安", "篡改")).expect("edit");
    std::fs::remove_file(site.path().join(files[1])).expect("rm");
    let outside = outside();
    let agency = site.path().join(files[2]);
    std::fs::remove_file(&agency).expect("rm");
    std::os::unix::fs::symlink(outside.path().join("passwd"), &agency).expect("symlink");
    // The warning of 2020.md is shown with its line as checked.
    let snippets = gongkai::load::Snippets::for_diagnostics(&checked.diags, &checked.texts);
    let warning = checked.diags.iter().find(|d| d.code == "FMT-SECT").expect("the example's warning");
    let shown = gongkai::diag::render_human(warning, &checked.root, &snippets);
    assert!(shown.contains("84 | ## 存在的主要问题及改进情况"), "{shown}");
    let built = gongkai::cmd::build::build_into(&checked, publication, false).expect("publishes what was checked");
    assert_eq!(built.stats.reports, 2);
    let page = std::fs::read_to_string(public.join("reports/huaian/2024/index.html")).expect("page");
    assert!(page.contains("淮安") && !page.contains("篡改"), "the page is the checked text");
    assert!(public.join("reports/baibu/2020/index.html").is_file());
    assert!(!std::fs::read_to_string(public.join("search/index.html")).expect("search").contains(SECRET));
    // The copy kept of what was published holds the checked texts, byte for byte.
    let marker = std::fs::read_to_string(public.join(".gongkai-output")).expect("marker");
    let id = marker.lines().find_map(|l| l.strip_prefix("sources: ")).expect("sources line");
    let store = site.path().join(".public.gongkai-published").join(id.trim());
    for (rel, text) in files.iter().zip(&before) {
        assert_eq!(&std::fs::read_to_string(store.join(rel)).expect("kept"), text, "{rel}");
    }
    // Only that folder is left beside the output: the texts became it.
    let left: Vec<_> = std::fs::read_dir(site.path().join(".public.gongkai-published")).expect("store").collect();
    assert_eq!(left.len(), 1);
}

#[test]
fn themes_are_names_not_paths() {
    let site = TempSite::example();
    site.write("themes/mine/templates/base.html", "{% block content %}{% endblock content %}");
    let toml = std::fs::read_to_string(site.path().join("site.toml")).expect("read");
    let line = toml.lines().position(|l| l.starts_with("theme =")).expect("theme line") + 1;
    for bad in ["/etc", "../../elsewhere", "mine/../../x", "Mine", "", "nope"] {
        site.write("site.toml", toml.replace("theme = \"default\"", &format!("theme = \"{bad}\"")));
        let (code, _, err) = site.run(&["check"]);
        assert_eq!(code, 2, "theme = {bad:?}: {err}");
        assert!(err.contains(&format!("site.toml:{line}:9：")), "theme = {bad:?}: {err}");
        assert!(err.contains("不是本站点的主题：主题按名称指定"), "theme = {bad:?}: {err}");
        assert!(err.contains("本站点的主题：`default`、`mine`"), "theme = {bad:?}: {err}");
        let (code, _, err) = site.run(&["build"]);
        assert_eq!(code, 2, "theme = {bad:?}: {err}");
        assert!(!site.path().join("public").exists(), "theme = {bad:?}: nothing built");
    }
    site.write("site.toml", toml.replace("theme = \"default\"", "theme = \"mine\""));
    assert_eq!(site.run(&["check"]).0, 0);
}

/// The records of a CSV file (RFC 4180), without its byte-order mark.
pub(crate) fn csv_records(text: &str) -> Vec<Vec<String>> {
    let mut records = vec![Vec::new()];
    let (mut field, mut quoted, mut chars) =
        (String::new(), false, text.trim_start_matches('\u{feff}').chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (false, '"') => quoted = true,
            (false, ',') => records.last_mut().expect("record").push(std::mem::take(&mut field)),
            (false, '\n') => {
                records.last_mut().expect("record").push(std::mem::take(&mut field));
                records.push(Vec::new());
            }
            (_, c) => field.push(c),
        }
    }
    records.retain(|r| !r.is_empty());
    records
}

#[test]
fn csv_cells_a_spreadsheet_would_run_are_neutralised_but_figures_stay_numbers() {
    let site = TempSite::example();
    let hostile = "=HYPERLINK(\"http://evil.example/\",\"点击\")";
    site.write("content/reports/baibu/agency.yaml", format!("name: '{hostile}'\nkind: 乡镇\n"));
    let report = site.path().join("content/reports/baibu/2020.md");
    let text = std::fs::read_to_string(&report).expect("read");
    let text = text
        .replace("title: 百步镇人民政府2020年度政府信息公开工作年度报告", "title: \"@SUM(1+1)*cmd|' /C calc'!A0\"")
        .replace("  permit:   [0, 0, 0]", "  permit:   [8, -8, 0]");
    std::fs::write(&report, text).expect("write");
    let (code, _, err) = site.run(&["build"]);
    assert_eq!(code, 0, "{err}");
    let public = site.path().join("public");
    let mut seen_delta = 0;
    for (path, text) in texts(&public).into_iter().filter(|(p, _)| p.extension().is_some_and(|x| x == "csv")) {
        let records = csv_records(&text);
        // A report's CSV (schema 2) has a block per table: `table`, column ids,
        // column labels, then rows whose cells between the row label and the
        // note are figures. The other files have a header with a `value` column.
        let wide = path.file_name().is_some_and(|n| n == "report.csv");
        let value = records[0].iter().position(|h| h == "value");
        let mut since_table: Option<usize> = None;
        for record in records.iter().skip(usize::from(!wide)) {
            since_table = if record[0] == "table" { Some(0) } else { since_table.map(|k| k + 1) };
            let in_rows = wide && since_table.is_some_and(|k| k >= 3) && record.len() > 1;
            for (i, cell) in record.iter().enumerate() {
                let is_figure = if wide { in_rows && i >= 2 && i + 1 < record.len() } else { Some(i) == value };
                if is_figure {
                    assert!(cell.is_empty() || cell.parse::<f64>().is_ok(), "{}: {cell}", path.display());
                    seen_delta += usize::from(cell == "-8");
                } else {
                    assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{}: {cell}", path.display());
                }
            }
        }
    }
    assert_eq!(
        seen_delta, 3,
        "the delta is a number in report.csv, data/cells.csv and data/totals.csv (the site's sum)"
    );
    let csv = std::fs::read_to_string(public.join("reports/baibu/2020/report.csv")).expect("csv");
    let records = csv_records(&csv);
    let agency = records.iter().find(|r| r[0] == "agency").expect("agency line");
    assert_eq!(agency[2], format!("'{hostile}"));
    assert!(csv.contains(",-8,"), "the figure is written as a bare number");
}

/// Whether a character of multi-line output would act on a terminal or
/// disguise text (newlines are the output's own).
fn acts_on_a_terminal(c: char) -> bool {
    c != '\n' && gongkai::diag::acts_on_a_terminal(c)
}

#[test]
fn control_characters_from_a_report_are_shown_not_sent_to_the_terminal() {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    let good = report_2021(2024, &tables_2021(0, 3, 0), "");
    site.write(
        "content/reports/town/2024.md",
        good.replace("  carried_in:", "  carried_\u{1b}[2J\u{7}in: # \u{202e}evil\u{9b}31m\u{7f}\n  carried_in:"),
    );
    site.write("content/pages/x\u{1b}]0;pwned\u{7}\u{202e}.md", "---\ntitle: x\n---\n");
    let (code, human, _) = site.run(&["check"]);
    assert_eq!(code, 1, "{human}");
    assert!(!human.chars().any(acts_on_a_terminal), "{human:?}");
    assert!(human.contains("carried_\\u{1b}[2J\\u{7}in"), "{human}");
    assert!(human.contains("x\\u{1b}]0;pwned\\u{7}\\u{202e}.md"), "{human}");
    let (code, json, _) = site.run(&["check", "--format", "json"]);
    assert_eq!(code, 1, "{json}");
    assert!(!json.chars().any(acts_on_a_terminal), "{json:?}");
    // Escaped, not lost: the JSON still carries the exact text.
    let messages: Vec<String> = json
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json")["message"].as_str().expect("str").into())
        .collect();
    assert!(messages.iter().any(|m| m.contains("x\u{1b}]0;pwned\u{7}\u{202e}.md")), "{messages:?}");
}
