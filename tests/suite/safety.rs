//! Issue #8, items 4 and 5: the site's files are read only from inside the
//! site, themes are names, the CSV files cannot run in a spreadsheet, and the
//! terminal shows a report's control characters instead of obeying them.

use crate::fixture::{TempSite, report_2021, tables_2021, texts};

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
        assert!(err.contains(&format!("site.toml:{line}:9:")), "theme = {bad:?}: {err}");
        assert!(err.contains("themes are named"), "theme = {bad:?}: {err}");
        assert!(err.contains("this site's themes: default, mine"), "theme = {bad:?}: {err}");
        let (code, _, err) = site.run(&["build"]);
        assert_eq!(code, 2, "theme = {bad:?}: {err}");
        assert!(!site.path().join("public").exists(), "theme = {bad:?}: nothing built");
    }
    site.write("site.toml", toml.replace("theme = \"default\"", "theme = \"mine\""));
    assert_eq!(site.run(&["check"]).0, 0);
}

/// The records of a CSV file (RFC 4180), without its byte-order mark.
fn csv_records(text: &str) -> Vec<Vec<String>> {
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
        let value = records[0].iter().position(|h| h == "value");
        for record in &records[1..] {
            for (i, cell) in record.iter().enumerate() {
                if Some(i) == value {
                    assert!(cell.is_empty() || cell.parse::<f64>().is_ok(), "{}: {cell}", path.display());
                    seen_delta += usize::from(cell == "-8");
                } else {
                    assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{}: {cell}", path.display());
                }
            }
        }
    }
    assert_eq!(seen_delta, 2, "the delta is a number in report.csv and data/cells.csv");
    let csv = std::fs::read_to_string(public.join("reports/baibu/2020/report.csv")).expect("csv");
    let records = csv_records(&csv);
    let name = records[0].iter().position(|h| h == "agency_name").expect("agency_name");
    assert_eq!(records[1][name], format!("'{hostile}"));
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
