//! Rules that need more than one report or an agency: each with a site that breaks it.

use crate::fixture::{SECTIONS, TempSite, report_2021, tables_2021, with_code};
use gongkai::diag::Severity;

#[test]
fn carried_over_applications_must_match_last_years_carried_out() {
    let site = TempSite::new();
    site.agency("dept", "部门");
    site.write("content/reports/dept/2023.md", report_2021(2023, &tables_2021(0, 5, 2), ""));
    site.write("content/reports/dept/2024.md", report_2021(2024, &tables_2021(3, 4, 0), ""));
    let checked = site.check();
    let carry = with_code(&checked, "X-CARRY");
    assert_eq!(carry.len(), 2, "{:#?}", checked.diags);
    assert_eq!(carry[0].severity, Severity::Error);
    assert_eq!(
        carry[0].message,
        "表三「自然人」列：本年 二、上年结转 = 上年报告 四、结转下年度继续办理 不成立：左边 3，右边 2，相差 1"
    );
    assert!(carry[0].related.iter().any(|r| r.text == "上年「四、结转下年度继续办理」= 2"), "{:#?}", carry[0]);
    assert!(carry[0].file.ends_with("2024.md"));
    assert!(carry[0].related.iter().any(|r| r.file.ends_with("2023.md") && r.pos.line == 18), "{:#?}", carry[0]);
    // Consistent years pass.
    site.write("content/reports/dept/2024.md", report_2021(2024, &tables_2021(2, 4, 0), ""));
    assert!(with_code(&site.check(), "X-CARRY").is_empty());
}

#[test]
fn carry_over_spans_the_2020_to_2021_format_switch() {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    let baibu = std::fs::read_to_string(crate::fixture::repo().join("content/reports/baibu/2020.md")).expect("read");
    site.write(
        "content/reports/town/2020.md",
        baibu
            .replace("carried_out:     [0, 0, 0, 0, 0, 0, 0]", "carried_out:     [1, 0, 0, 0, 0, 0, 1]")
            .replace("total:           [3, 0, 0, 0, 0, 0, 3]", "total:           [2, 0, 0, 0, 0, 0, 2]")
            .replace("partial:         [2, 0, 0, 0, 0, 0, 2]", "partial:         [1, 0, 0, 0, 0, 0, 1]"),
    );
    site.write("content/reports/town/2021.md", report_2021(2021, &tables_2021(0, 1, 0), ""));
    let checked = site.check();
    assert_eq!(
        crate::fixture::errors(&checked).iter().map(|d| d.code.as_ref()).collect::<Vec<_>>(),
        ["X-CARRY", "X-CARRY"],
        "{:#?}",
        checked.diags
    );
}

#[test]
fn document_stock_must_follow_from_last_year() {
    let site = TempSite::new();
    site.agency("city", "人民政府");
    let year = |y: i32, row: &str| report_2021(y, &tables_2021(0, 0, 0).replace("  normative: [0, 0, 0]", row), "");
    site.write("content/reports/city/2022.md", year(2022, "  normative: [2, 0, 10]"));
    site.write("content/reports/city/2023.md", year(2023, "  normative: [3, 1, 13]"));
    let stock = with_code(&site.check(), "X-STOCK21").len();
    assert_eq!(stock, 1);
    site.write("content/reports/city/2023.md", year(2023, "  normative: [3, 1, 12]"));
    assert!(with_code(&site.check(), "X-STOCK21").is_empty());
}

#[test]
fn item_counts_of_2020_must_follow_from_2019() {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    // Only table 二's 第（五）项 matters here; the others are declared absent.
    let absent = "missing_in_original: [regulations, enforcement, fees, procurement, applications, appeals]\n";
    let t = |last: i64, change: i64| format!("{absent}licensing:\n  permit: [{last}, {change}, 0]\n");
    site.write("content/reports/town/2019.md", format!("---\nyear: 2019\n{}---\n{SECTIONS}", t(10, -2)));
    site.write("content/reports/town/2020.md", format!("---\nyear: 2020\n{}---\n{SECTIONS}", t(9, 0)));
    let checked = site.check();
    let x = with_code(&checked, "X-STOCK19");
    assert_eq!(x.len(), 1, "{:#?}", checked.diags);
    assert!(x[0].message.contains("左边 9，右边 10 + (−2) = 8，相差 1"), "{}", x[0].message);
    // T2-2019: a negative stock and 新公开 above the total.
    site.write("content/reports/town/2020.md", format!("---\nyear: 2020\nmissing_in_original: [enforcement, fees, applications, appeals]\nlicensing:\n  permit: [1, -3, 0]\nregulations:\n  normative: [0, 5, 2]\nprocurement:\n  central: [1, 5000]\n---\n{SECTIONS}"));
    let checked = site.check();
    let w = with_code(&checked, "T2-2019");
    assert_eq!(w.len(), 3, "{:#?}", checked.diags);
    assert!(w.iter().all(|d| d.severity == Severity::Warning));
}

#[test]
fn copied_narratives_and_copied_figures_are_flagged() {
    let site = TempSite::new();
    site.agency("dept", "部门");
    let text = "**（一）主动公开情况。**今年以来，全年在政府信息公开网站主动公开信息278条，较上一年度增长78.2%。\n\n**（二）依申请公开情况。**我局均第一时间办理并依法依规及时将答复件寄送至申请人。\n";
    let tables = tables_2021(0, 3, 0);
    site.write("content/reports/dept/2023.md", report_2021(2023, &tables, text));
    site.write("content/reports/dept/2024.md", report_2021(2024, &tables, &text.replace("278", "301")));
    let checked = site.check();
    let dup = with_code(&checked, "X-DUP");
    assert_eq!(dup.len(), 1, "{:#?}", checked.diags);
    assert_eq!(dup[0].message, "正文有 100% 与 2023 年年报逐字相同（内容雷同）");
    assert_eq!(with_code(&checked, "X-STALE").len(), 1);
    site.write(
        "content/reports/dept/2024.md",
        report_2021(
            2024,
            &tables_2021(0, 4, 0),
            "今年我局围绕新的重点工作推进政务公开。全年新建了依申请公开办理台账。\n",
        ),
    );
    let checked = site.check();
    assert!(
        with_code(&checked, "X-DUP").is_empty() && with_code(&checked, "X-STALE").is_empty(),
        "{:#?}",
        checked.diags
    );
}

#[test]
fn publication_deadlines_follow_the_agency_kind_and_site_settings() {
    let site = TempSite::new();
    site.agency("dept", "部门").agency("city", "人民政府");
    let dated = |date: &str| report_2021(2024, &format!("published: {date}\n{}", tables_2021(0, 1, 0)), "");
    site.write("content/reports/dept/2024.md", dated("2025-02-10"));
    site.write("content/reports/city/2024.md", dated("2025-02-10"));
    let checked = site.check();
    let late = with_code(&checked, "PUB-DATE");
    assert_eq!(late.len(), 1, "{:#?}", checked.diags);
    assert!(late[0].file.ends_with("dept/2024.md"));
    assert_eq!(late[0].message, "发布日期 2025-02-10 晚于部门年报的公布时限 2025-01-31");
    site.write("site.toml", "title = \"t\"\n[deadlines]\ndepartment = \"02-15\"\n");
    assert!(with_code(&site.check(), "PUB-DATE").is_empty());
    site.write("content/reports/city/2024.md", dated("2024-06-01"));
    assert!(with_code(&site.check(), "PUB-DATE")[0].message.contains("早于报告年度 2024 年结束"));
}

#[test]
fn a_town_reporting_rules_is_warned() {
    let site = TempSite::new();
    site.agency("town", "乡镇").agency("city", "人民政府");
    let t = tables_2021(0, 1, 0).replace("  rules: [0, 0, 0]", "  rules: [0, 0, 6]");
    site.write("content/reports/town/2024.md", report_2021(2024, &t, ""));
    site.write("content/reports/city/2024.md", report_2021(2024, &t, ""));
    let checked = site.check();
    let w = with_code(&checked, "T2-GUIZHANG");
    assert_eq!(w.len(), 1, "{:#?}", checked.diags);
    assert!(w[0].file.ends_with("town/2024.md") && w[0].pos.line == 4);
}

#[test]
fn site_forms_are_checked_like_built_in_ones() {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    let form = include_str!("../../src/forms/cn-2021.json")
        .replace("\"id\": \"cn-2021\"", "\"id\": \"zj-2027\"")
        .replace("\"from\": 2021", "\"from\": 2027");
    site.write("forms/zj-2027.json", form);
    site.write("content/reports/town/2027.md", report_2021(2027, &crate::fixture::unbalanced(), ""));
    let checked = site.check();
    assert_eq!(checked.content.reports.len(), 1);
    assert_eq!(checked.content.reports[0].form.id, "zj-2027");
    assert!(!with_code(&checked, "T3-KJ").is_empty());
}

/// The example site with its 淮安 2024 report edited by `edit`, and the
/// findings about that report.
fn huaian_with(edit: impl Fn(&str) -> String) -> (TempSite, Vec<gongkai::diag::Diagnostic>) {
    let site = TempSite::example();
    let path = site.path().join("content/reports/huaian/2024.md");
    let text = std::fs::read_to_string(&path).expect("read");
    let edited = edit(&text);
    assert_ne!(edited, text, "the edit applies");
    std::fs::write(&path, edited).expect("write");
    let diags = site.check().diags.into_iter().filter(|d| d.file.ends_with("huaian/2024.md")).collect();
    (site, diags)
}

#[test]
fn a_failing_sum_states_the_total_the_sum_and_the_difference_compactly() {
    // （七）总计 of 自然人 one short, with 四 one more so the balance holds:
    // only the sum fails, and its 21 parts are not all listed.
    let (_, diags) = huaian_with(|t| {
        t.replace("total:           [2932, 53, 0, 0, 61, 4, 3050]", "total:           [2931, 53, 0, 0, 61, 4, 3049]")
            .replace("carried_out:     [ 103,  0, 0, 0,  0, 0,  103]", "carried_out:     [ 104,  0, 0, 0,  0, 0,  104]")
    });
    let sums: Vec<_> = diags.iter().filter(|d| d.code == "T3-SUM").collect();
    assert_eq!(sums.len(), 2, "自然人 and 总计: {diags:#?}");
    assert_eq!(sums[0].message, "表三「自然人」列：（七）总计 2931，各项之和 2932，相差 1");
    assert_eq!(sums[0].pos.line, 44, "at the total");
    assert_eq!(sums[0].label, "「（七）总计」= 2931；各项中另有 15 项未列出");
    assert_eq!(sums[0].related.len(), 6, "{:#?}", sums[0].related);
    assert!(sums[0].related.iter().all(|r| !r.text.ends_with("= 0")), "{:#?}", sums[0].related);
}

#[test]
fn one_wrong_figure_gives_one_error_at_it_with_the_other_rules_as_notes() {
    // A wrong cell in row 三（七）总计 breaks T3-KJ, T3-ROW and T3-SUM.
    let (site, diags) = huaian_with(|t| t.replace("total:           [2932,", "total:           [2933,"));
    let errors: Vec<_> = diags.iter().filter(|d| d.severity == Severity::Error).collect();
    assert_eq!(errors.len(), 1, "{diags:#?}");
    let d = errors[0];
    assert_eq!((d.code.as_ref(), d.pos.line, d.pos.col), ("T3-KJ", 44, 21), "at the figure: {d:#?}");
    assert!(d.message.ends_with("；同时不满足 T3-ROW、T3-SUM"), "{}", d.message);
    assert!(d.label.starts_with("「（七）总计」行「自然人」列 = 2933："), "{}", d.label);
    assert!(d.related.iter().any(|r| r.text == "T3-SUM：「自然人」列，（七）总计 2933，各项之和 2932，相差 1"));
    assert!(d.related.iter().any(|r| r.text == "T3-ROW：「（七）总计」行，总计 3050，各项之和 3051，相差 1"));
    assert!(d.related.len() <= 3, "{:#?}", d.related);
    // JSON: one object per finding, with the stable fields.
    let (code, out, _) = site.run(&["check", "--format", "json"]);
    assert_eq!(code, 1);
    let found: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .filter(|v: &serde_json::Value| v["severity"] == "error")
        .collect();
    assert_eq!(found.len(), 1, "{out}");
    assert_eq!((found[0]["code"].as_str(), found[0]["line"].as_u64()), (Some("T3-KJ"), Some(44)));
    assert_eq!(found[0]["related"].as_array().map(Vec::len), Some(3), "{out}");
}

#[test]
fn a_blank_cell_reads_as_blank() {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    let tables = tables_2021(0, 3, 0).replace("  new: [3, 0, 0, 0, 0, 0, 3]", "  new: [~, 0, 0, 0, 0, 0, 3]");
    site.write("content/reports/town/2024.md", report_2021(2024, &tables, ""));
    let (code, out, _) = site.run(&["check"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("^ 「一、本年新收政府信息公开申请数量」行「自然人」列 = 空："), "{out}");
    assert!(out.contains("左边 空 + 0 = 0"), "{out}");
    assert!(!out.contains("自然人」列 = 0") && !out.contains("「自然人」= 0"), "{out}");
    assert!(out.contains("警告[T3-BLANK]：表三：有 1 个单元格为空，核对时按 0 计算"), "{out}");
}

#[test]
fn two_untouched_scaffolds_are_not_copies_of_each_other() {
    let site = TempSite::new();
    let (code, out, err) = site.run(&["new", "agency", "--slug", "town", "--name", "某某镇人民政府", "--kind", "乡镇"]);
    assert_eq!(code, 0, "{out}{err}");
    for year in ["2023", "2024"] {
        let (code, out, err) = site.run(&["new", "report", "--agency", "town", "--year", year]);
        assert_eq!(code, 0, "{out}{err}");
    }
    let checked = site.check();
    assert!(with_code(&checked, "X-DUP").is_empty(), "{:#?}", checked.diags);
    // A filled report against the scaffold is judged as usual: nothing was copied.
    let path = site.path().join("content/reports/town/2024.md");
    let text = std::fs::read_to_string(&path).expect("read");
    let filled = text.replacen(
        "<!-- 在此填写本部分内容 -->",
        "今年我镇围绕新的重点工作推进政务公开，全年新建了依申请公开办理台账。",
        1,
    );
    std::fs::write(&path, filled).expect("write");
    let checked = site.check();
    assert!(with_code(&checked, "X-DUP").is_empty(), "{:#?}", checked.diags);
    // And a filled report copied into the next year still is a copy.
    let previous = site.path().join("content/reports/town/2023.md");
    let copy = std::fs::read_to_string(&path).expect("read").replace("year: 2024", "year: 2023");
    std::fs::write(previous, copy).expect("write");
    assert_eq!(with_code(&site.check(), "X-DUP").len(), 1);
}
