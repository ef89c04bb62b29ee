//! Issue #8, items 4 and 5: the site's files are read only from inside the
//! site, themes are names, the CSV files cannot run in a spreadsheet, and the
//! terminal shows a report's control characters instead of obeying them.

use crate::fixture::{TempSite, texts};

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
