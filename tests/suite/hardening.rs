//! Issue #8: figures that could come out false, output that could be lost,
//! and inputs that once crashed or stalled gongkai. Each test failed before
//! the fix it guards.

use crate::fixture::{SECTIONS, TempSite, report_2021, tables_2021, with_code};
use std::time::{Duration, Instant};

/// A balanced 2021 table set whose `new` row of table 三 is replaced.
fn with_new_row(row: &str) -> String {
    tables_2021(0, 3, 0).replace("  new: [3, 0, 0, 0, 0, 0, 3]", &format!("  new: {row}"))
}

#[test]
fn figures_beyond_a_plausible_count_are_errors_not_wrapped_sums() {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    // Two i64::MAX addends and a 3 once "balanced" because the sum wrapped.
    let row = "[9223372036854775807, 9223372036854775807, 5, 0, 0, 0, 3]";
    site.write("content/reports/town/2024.md", report_2021(2024, &with_new_row(row), ""));
    let checked = site.check();
    let range = with_code(&checked, "IN-RANGE");
    assert_eq!(range.len(), 2, "{:#?}", checked.diags);
    assert_eq!((range[0].pos.line, range[0].pos.col), (14, 9));
    assert!(range[0].message.contains("超出了件数的上限"), "{}", range[0].message);
    let (code, _, err) = site.run(&["build"]);
    assert_eq!(code, 1, "{err}");
    assert!(!site.path().join("public").exists());
    // Just above the bound is refused (the bound itself builds: see the year totals test).
    site.write(
        "content/reports/town/2024.md",
        report_2021(2024, &with_new_row("[10000000000, 0, 0, 0, 0, 0, 10000000000]"), ""),
    );
    assert_eq!(with_code(&site.check(), "IN-RANGE").len(), 2);
    // Amounts have a bound too: thirteen digits before the point.
    let fees = tables_2021(0, 3, 0).replace("  fees: 0", "  fees: 1234567890123.5");
    site.write("content/reports/town/2024.md", report_2021(2024, &fees, ""));
    assert_eq!(with_code(&site.check(), "IN-RANGE").len(), 1);
}

#[test]
fn year_totals_of_the_largest_figures_are_exact() {
    let site = TempSite::new();
    let big = gongkai::parse::MAX_COUNT;
    for slug in ["a", "b"] {
        site.agency(slug, "部门");
        let tables = tables_2021(0, 3, 0).replace("  permit: 0", &format!("  permit: {big}"));
        site.write(&format!("content/reports/{slug}/2024.md"), report_2021(2024, &tables, ""));
    }
    let (code, _, err) = site.run(&["build"]);
    assert_eq!(code, 0, "{err}");
    let year = std::fs::read_to_string(site.path().join("public/years/2024/index.html")).expect("year page");
    let total = (2 * big).to_string();
    assert!(year.contains(&total), "the 汇总 of two agencies is {total}");
    assert!(!year.contains(">-"), "no negative total");
}

#[test]
fn a_document_end_or_a_stray_fence_inside_the_front_matter_is_an_error() {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    let good = report_2021(2024, &tables_2021(0, 3, 0), "");
    for (fence, code) in [("...", "IN-YAML"), ("---", "IN-FRONTMATTER")] {
        let text = good.replacen("regulations:", &format!("{fence}\nregulations:"), 1);
        site.write("content/reports/town/2024.md", &text);
        let checked = site.check();
        let found = with_code(&checked, code);
        assert_eq!(found.len(), 1, "{fence}: {:#?}", checked.diags);
        assert_eq!(found[0].pos.line, 4, "{fence}: points at the first line it would drop");
        assert_eq!(found[0].related[0].pos.line, 3, "{fence}: and at the line that ended it");
        let (exit, _, _) = site.run(&["build"]);
        assert_eq!(exit, 1, "{fence}: nothing is published as zeros");
    }
}

#[test]
fn a_missing_table_is_an_error_and_a_declared_one_shows_no_zeros() {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    let without_appeals = |t: String| t[..t.find("appeals:").expect("appeals")].to_owned();
    site.write("content/reports/town/2024.md", report_2021(2024, &without_appeals(tables_2021(0, 3, 0)), ""));
    let checked = site.check();
    let missing = with_code(&checked, "IN-TABLE");
    assert_eq!(missing.len(), 1, "{:#?}", checked.diags);
    assert!(missing[0].message.contains("`appeals`"), "{}", missing[0].message);
    assert!(missing[0].help.as_deref().is_some_and(|h| h.contains("missing_in_original: [appeals]")));

    let declared = format!("missing_in_original: [appeals]\n{}", without_appeals(tables_2021(0, 3, 0)));
    site.write("content/reports/town/2024.md", report_2021(2024, &declared, ""));
    let (code, _, err) = site.run(&["build"]);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(site.path().join("public/reports/town/2024/index.html")).expect("page");
    assert!(page.contains("原报告未刊载此表"), "the page says the table is absent");
    assert!(!page.contains("id=\"t-appeals-cap\""), "and prints no table of zeros");
    // Nor does the open data: the table is marked absent, its values null, its cells not in the CSV.
    let json = std::fs::read_to_string(site.path().join("public/reports/town/2024/report.json")).expect("json");
    let record: serde_json::Value = serde_json::from_str(&json).expect("json");
    let appeals = record["tables"].as_array().expect("tables").iter().find(|t| t["key"] == "appeals").expect("appeals");
    assert_eq!(appeals["absent"], true);
    let rows = appeals["values"].as_array().expect("rows");
    assert!(
        !rows.is_empty() && rows.iter().all(|r| r.as_array().is_some_and(|c| c.iter().all(serde_json::Value::is_null)))
    );
    let csv = std::fs::read_to_string(site.path().join("public/reports/town/2024/report.csv")).expect("csv");
    assert!(!csv.contains("\ntable,appeals,"), "no CSV block for the absent table");
    assert!(csv.contains("\ntable,applications,"));
    // Naming a table that is there too is a contradiction.
    let both = format!("missing_in_original: [appeals]\n{}", tables_2021(0, 3, 0));
    site.write("content/reports/town/2024.md", report_2021(2024, &both, ""));
    assert_eq!(with_code(&site.check(), "IN-TABLE").len(), 1);
}

#[test]
fn quoted_tagged_and_zero_padded_figures_are_named() {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    for (written, shown) in
        [("\"3\"", "`\"3\"`"), ("'3'", "`'3'`"), ("!!str 3", "`!!str 3`"), ("!!float 3", "`!!float 3`"), ("03", "`03`")]
    {
        let row = format!("[{written}, 0, 0, 0, 0, 0, 3]");
        site.write("content/reports/town/2024.md", report_2021(2024, &with_new_row(&row), ""));
        let checked = site.check();
        let named = with_code(&checked, "IN-FIGURE");
        assert_eq!(named.len(), 1, "{written}: {:#?}", checked.diags);
        assert!(named[0].message.contains(shown), "{written}: {}", named[0].message);
        assert_eq!((named[0].pos.line, named[0].pos.col), (14, 9), "{written}");
        assert!(checked.diags.iter().all(|d| d.severity == gongkai::diag::Severity::Warning), "{written}");
    }
}

#[test]
fn output_folders_that_are_not_builds_are_never_replaced() {
    let site = TempSite::example();
    let (code, _, err) = site.run(&["build", "--output", "public/../content"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("不能生成到 "), "{err}");
    assert!(site.path().join("content/reports/baibu/2020.md").is_file(), "content/ is intact");
    let docs = tempfile::tempdir().expect("tmp");
    std::fs::write(docs.path().join("2023年工作总结.docx"), "keep me").expect("write");
    let (code, _, err) = site.run(&["build", "--output", docs.path().to_str().expect("utf-8")]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("该文件夹不是空的，也不是 gongkai 生成的（其中没有 `.gongkai-output` 文件）"), "{err}");
    // An error of several lines is printed as lines, not as one line of `\u{a}` escapes.
    assert!(!err.contains("\\u{a}") && err.lines().count() >= 2, "{err}");
    assert!(docs.path().join("2023年工作总结.docx").is_file(), "an unrelated folder is never wiped");
    // A folder that gongkai built is replaced as before.
    let (code, _, err) = site.run(&["build"]);
    assert_eq!(code, 0, "{err}");
    assert!(site.path().join("public").join(gongkai::write::MARKER).is_file());
    let (code, _, err) = site.run(&["build"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn two_builds_into_one_output_never_publish_half_a_site() {
    let site = TempSite::example();
    let out = site.path().join("public");
    let runs: Vec<_> = (0..4)
        .map(|_| {
            crate::fixture::gongkai()
                .arg("--root")
                .arg(site.path())
                .arg("build")
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    let mut ok = 0;
    for run in runs {
        let done = run.wait_with_output().expect("wait");
        match done.status.code() {
            Some(0) => ok += 1,
            Some(2) => assert!(String::from_utf8_lossy(&done.stderr).contains("另一个 gongkai 正在生成到")),
            other => panic!("exit {other:?}: {}", String::from_utf8_lossy(&done.stderr)),
        }
    }
    assert!(ok >= 1);
    // Whatever won, the published folder is one whole build.
    let clean = tempfile::tempdir().expect("tmp");
    let reference = clean.path().join("public");
    let (code, _, err) = site.run(&["build", "--output", reference.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{err}");
    let count = |dir: &std::path::Path| {
        walkdir::WalkDir::new(dir).into_iter().flatten().filter(|e| e.file_type().is_file()).count()
    };
    assert_eq!(count(&out), count(&reference));
}

#[test]
fn deep_nesting_in_a_report_or_an_agency_file_is_an_error_not_a_crash() {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    site.write("content/reports/town/2024.md", format!("---\nyear: 2024\n{}0\n---\n", "- ".repeat(40_000)));
    site.write("content/reports/deep/agency.yaml", format!("{}0\n", "- ".repeat(40_000)));
    site.write("content/reports/deep/2024.md", report_2021(2024, &tables_2021(0, 3, 0), ""));
    let (code, out, err) = site.run(&["check"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("错误[IN-YAML]") || out.contains("错误[IN-TYPE]"), "{out}");
}

/// Runs `check` and returns how long it took.
fn timed_check(site: &TempSite) -> Duration {
    let started = Instant::now();
    let (code, _, err) = site.run(&["check"]);
    assert!(code == 0 || code == 1, "{err}");
    started.elapsed()
}

#[test]
fn a_megabyte_of_hostile_input_is_checked_in_linear_time() {
    // Each of these took 40 s or more before; linear passes take well under a second
    // even in a debug build. The bound is generous, against a loaded machine.
    let limit = Duration::from_secs(20);
    let site = TempSite::new();
    site.agency("town", "乡镇");
    let spaces = format!("收到申请{}3 件，{}3 件顺延到下年度答复。\n", " ".repeat(500_000), " ".repeat(500_000));
    site.write("content/reports/town/2024.md", report_2021(2024, &tables_2021(0, 3, 0), &spaces));
    assert!(timed_check(&site) < limit, "spaces before a figure");
    let keys: String = (0..100_000).map(|i| format!("k{i}: 1\n")).collect();
    site.write("content/reports/town/2024.md", format!("---\nyear: 2024\n{keys}---\n{SECTIONS}"));
    assert!(timed_check(&site) < limit, "unknown keys");
    let checked = site.check();
    assert!(with_code(&checked, "IN-KEY").len() <= 21, "unknown keys are summarised, not listed 100,000 times");
    let divs = format!("{}x{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
    site.write("content/reports/town/2024.md", report_2021(2024, &tables_2021(0, 3, 0), &divs));
    let started = Instant::now();
    let (code, _, err) = site.run(&["build"]);
    assert_eq!(code, 1, "refused before rendering: {err}");
    assert!(err.contains("错误[IN-NESTING]"), "{err}");
    assert!(started.elapsed() < limit, "nested HTML at build");
    site.write(
        "content/pages/deep.md",
        format!(
            "# 页面

{}",
            "> ".repeat(10_000)
        ),
    );
    site.write("content/reports/town/2024.md", report_2021(2024, &tables_2021(0, 3, 0), ""));
    let (code, out, _) = site.run(&["check"]);
    assert_eq!(code, 1, "pages have the same limit: {out}");
    assert!(out.contains("content/pages/deep.md:3:1"), "{out}");
}
