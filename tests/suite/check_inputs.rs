//! Bad input: each gets a clear, positioned diagnostic and exit 1, never a panic.

use crate::fixture::{TempSite, report_2021, tables_2021, unbalanced};

/// (name, file contents, expected code, expected line (0: none), text the message or help must contain)
fn cases() -> Vec<(&'static str, Vec<u8>, &'static str, u32, &'static str)> {
    let good = report_2021(2024, &tables_2021(0, 3, 0), "");
    vec![
        (
            "malformed yaml",
            b"---\nyear: 2024\napplications:\n  new: [3, 0\n---\n".to_vec(),
            "IN-YAML",
            5,
            "YAML syntax error",
        ),
        (
            "unknown key",
            good.replace("  carried_in:", "  carried_im:").into_bytes(),
            "IN-KEY",
            15,
            "did you mean `carried_in`?",
        ),
        (
            "wrong type",
            good.replace("  new: [3, 0, 0, 0, 0, 0, 3]", "  new: {natural: abc}").into_bytes(),
            "IN-TYPE",
            14,
            "expected a number, found `abc`",
        ),
        ("list for a map", b"---\nyear: 2024\napplications: [1, 2]\n---\n".to_vec(), "IN-TYPE", 3, "must be a map"),
        (
            "negative count",
            good.replace("  new: [3, 0, 0, 0, 0, 0, 3]", "  new: [-3, 0, 0, 0, 0, 0, 3]").into_bytes(),
            "T3-INT",
            14,
            "cannot be negative",
        ),
        (
            "full-width digit",
            good.replace("  new: [3, 0, 0, 0, 0, 0, 3]", "  new: [３, 0, 0, 0, 0, 0, 3]").into_bytes(),
            "IN-NUMBER",
            14,
            "write `3` with half-width",
        ),
        (
            "separators",
            good.replace("  permit: 0", "  permit: 1,054,900").into_bytes(),
            "IN-NUMBER",
            7,
            "write `1054900` without separators",
        ),
        (
            "wrong number of values",
            good.replace("  new: [3, 0, 0, 0, 0, 0, 3]", "  new: [3, 0, 3]").into_bytes(),
            "IN-SHAPE",
            14,
            "has 3 values",
        ),
        (
            "no front matter",
            "一、总体情况\n今年以来……\n".as_bytes().to_vec(),
            "IN-FRONTMATTER",
            1,
            "does not start with front matter",
        ),
        ("unclosed front matter", b"---\nyear: 2024\n".to_vec(), "IN-FRONTMATTER", 1, "not closed"),
        ("no year", b"---\ntitle: x\n---\n".to_vec(), "IN-MISSING", 2, "no `year:`"),
        ("empty file", b"".to_vec(), "IN-EMPTY", 0, "empty"),
        ("binary file", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), "IN-BINARY", 0, "not a text file"),
        (
            "gbk file",
            [b"---\nyear: 2024\ntitle: ".as_slice(), b"\xC4\xEA\xB6\xC8\xB1\xA8\xB8\xE6", b"\n---\n"].concat(),
            "IN-ENCODING",
            3,
            "iconv -f GB18030 -t UTF-8",
        ),
        ("utf-16 file", b"\xFF\xFE-\0-\0-\0\n\0".to_vec(), "IN-ENCODING", 1, "UTF-16"),
        ("year not a number", "---\nyear: 二〇二四\n---\n".as_bytes().to_vec(), "IN-TYPE", 2, "four-digit year"),
        ("bad date", b"---\nyear: 2024\npublished: 2025-02-30\n---\n".to_vec(), "IN-DATE", 3, "YYYY-MM-DD"),
        (
            "table of another form",
            b"---\nyear: 2024\nprocurement:\n  central: [1, 1\xE5\x85\x83]\n---\n".to_vec(),
            "FMT-VER",
            3,
            "belongs to form `cn-2019`",
        ),
        (
            "form for the wrong year",
            b"---\nyear: 2024\nform: cn-2019\n---\n".to_vec(),
            "FMT-VER",
            3,
            "applies to reports of 2019",
        ),
        ("unknown form", b"---\nyear: 2024\nform: cn-2012\n---\n".to_vec(), "IN-FORM", 3, "unknown form"),
        ("duplicate key", b"---\nyear: 2024\nyear: 2023\n---\n".to_vec(), "IN-YAML", 3, "written twice"),
        (
            "year differs from file name",
            good.replace("year: 2024", "year: 2023").into_bytes(),
            "IN-PATH",
            2,
            "named 2024.md",
        ),
    ]
}

#[test]
fn every_bad_input_gets_a_positioned_error_and_exit_1() {
    for (name, bytes, code, line, text) in cases() {
        let site = TempSite::new();
        site.agency("town", "乡镇");
        site.write("content/reports/town/2024.md", &bytes);
        // A second, valid report with an error of its own must still be checked.
        site.agency("other", "部门");
        site.write("content/reports/other/2024.md", report_2021(2024, &unbalanced(), ""));
        let (exit, out, err) = site.run(&["check", "--format", "json"]);
        assert_eq!(exit, 1, "{name}: exit {exit}\n{out}\n{err}");
        let diags: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).expect("json line")).collect();
        let hit =
            diags.iter().find(|d| d["code"] == code && d["file"].as_str().is_some_and(|f| f.ends_with("town/2024.md")));
        let hit = hit.unwrap_or_else(|| panic!("{name}: no {code} in {out}"));
        assert_eq!(hit["severity"], "error", "{name}");
        if line > 0 {
            assert_eq!(hit["line"], line, "{name}: {hit}");
        }
        let all = format!("{} {}", hit["message"], hit["help"]);
        assert!(all.contains(text), "{name}: `{text}` not in {all}");
        assert!(
            diags
                .iter()
                .any(|d| d["code"] == "T3-KJ" && d["file"].as_str().is_some_and(|f| f.ends_with("other/2024.md"))),
            "{name}: the other report was not checked: {out}"
        );
    }
}

#[test]
fn bom_and_crlf_simply_work() {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    let text = report_2021(2024, &tables_2021(0, 3, 0), "本年度无其他需要报告的事项。\n").replace('\n', "\r\n");
    site.write("content/reports/town/2024.md", [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat());
    let checked = site.check();
    assert!(checked.diags.is_empty(), "{:#?}", checked.diags);
}

#[test]
fn two_reports_for_one_year_are_both_refused() {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    let text = report_2021(2024, &tables_2021(0, 3, 0), "");
    site.write("content/reports/town/2024.md", &text).write("content/reports/town/2024-revised.md", &text);
    let checked = site.check();
    let dup = crate::fixture::with_code(&checked, "IN-DUP");
    assert_eq!(dup.len(), 1, "{:#?}", checked.diags);
    assert_eq!(dup[0].related.len(), 1);
    assert!(checked.content.reports.is_empty());
}

#[test]
fn misplaced_files_and_undescribed_agencies_are_reported() {
    let site = TempSite::new();
    let text = report_2021(2024, &tables_2021(0, 3, 0), "");
    site.write("content/reports/2024.md", &text);
    site.write("content/reports/Bad Name/2024.md", &text);
    site.write("content/reports/nobody/2024.md", &text);
    site.write("content/reports/nobody/2024.md~", "backup files are ignored");
    site.write("content/reports/nobody/.#2024.md", "lock files are ignored");
    let checked = site.check();
    let codes: Vec<&str> = checked.diags.iter().map(|d| d.code.as_ref()).collect();
    assert_eq!(codes.iter().filter(|c| **c == "IN-PATH").count(), 2, "{codes:?}");
    assert_eq!(codes.iter().filter(|c| **c == "IN-AGENCY").count(), 1, "{codes:?}");
}

#[test]
fn bad_agency_files_are_reported() {
    let site = TempSite::new();
    site.write("content/reports/town/agency.yaml", "name: 某镇\nkind: 村\nparnt: x\n");
    site.write("content/reports/town/2024.md", report_2021(2024, &tables_2021(0, 3, 0), ""));
    let checked = site.check();
    let msgs: Vec<String> = checked.diags.iter().map(|d| format!("{} {} {:?}", d.code, d.message, d.help)).collect();
    assert!(msgs.iter().any(|m| m.contains("IN-AGENCY unknown agency kind `村`")), "{msgs:#?}");
    assert!(
        msgs.iter().any(|m| m.contains("IN-KEY unknown key `parnt`") && m.contains("did you mean `parent`")),
        "{msgs:#?}"
    );
}

#[test]
fn a_site_that_cannot_be_checked_exits_2() {
    let site = TempSite::new();
    std::fs::remove_file(site.path().join("site.toml")).expect("rm");
    let (exit, _, err) = site.run(&["check"]);
    assert_eq!(exit, 2, "{err}");
    assert!(err.contains("site.toml"), "{err}");
    let site = TempSite::new();
    site.write("forms/broken.json", "{ \"id\": \"x\" ");
    let (exit, _, err) = site.run(&["check"]);
    assert_eq!(exit, 2, "{err}");
    assert!(err.contains("broken.json:1:"), "{err}");
}

#[test]
fn human_output_shows_the_snippet_and_related_cells() {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    site.write("content/reports/town/2024.md", report_2021(2024, &unbalanced(), ""));
    let (exit, out, _) = site.run(&["check"]);
    assert_eq!(exit, 1);
    assert!(
        out.contains(
            "错误[T3-KJ]：表三「自然人」列：一 + 二 = 三（七）+ 四 不成立：左边 3 + 0 = 3，右边 3 + 1 = 4，相差 1"
        ),
        "{out}"
    );
    assert!(out.contains("--> content/reports/town/2024.md:14:9"), "{out}");
    assert!(out.contains("^ 「一、本年新收政府信息公开申请数量」= 3"), "{out}");
    assert!(out.contains("- 「四、结转下年度继续办理」= 1"), "{out}");
}

#[test]
fn reloading_an_agencys_reports_keeps_the_agency_files_findings() {
    let site = TempSite::new();
    site.write("content/reports/town/agency.yaml", "name: 某镇\nkind: 乡镇\nparent: nowhere\n");
    site.write("content/reports/town/2024.md", report_2021(2024, &tables_2021(0, 3, 0), ""));
    let mut checked = site.check();
    assert_eq!(crate::fixture::with_code(&checked, "IN-AGENCY").len(), 1);
    // The preview re-reads only the agency's reports after an edit.
    checked.reload_agency("town");
    assert_eq!(crate::fixture::with_code(&checked, "IN-AGENCY").len(), 1, "{:#?}", checked.diags);
    assert_eq!(checked.content.reports.len(), 1);
}
