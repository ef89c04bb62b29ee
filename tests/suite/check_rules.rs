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

// Issue #11: site forms apply where they say, and what they add to the national form is named.

/// The 2021 form as a site form with its own `id`, and the JSON `members`
/// (each followed by a comma) after the id.
fn site_form(id: &str, members: &str) -> String {
    let json = include_str!("../../src/forms/cn-2021.json");
    let out = json.replacen("\"id\": \"cn-2021\",", &format!("\"id\": \"{id}\",\n {members}"), 1);
    assert_ne!(out, json, "the id is replaced");
    out
}

/// `json` with what a province adds: a row 行政备案 (`filing`) in 表二's
/// 第二十条第（五）项, a column 本年修订件数 in 第二十条第（一）项 and a table
/// of its own (`hotline`).
fn with_additions(json: &str) -> String {
    let edits = [
        (
            "     \"key\": \"permit\",\n     \"label\": \"行政许可\"\n    }",
            "     \"key\": \"permit\",\n     \"label\": \"行政许可\"\n    },\n    {\"key\": \"filing\", \"label\": \"行政备案\"}",
        ),
        (
            "     \"label\": \"现行有效件数\",\n     \"stock\": true\n    }",
            "     \"label\": \"现行有效件数\",\n     \"stock\": true\n    },\n    {\"key\": \"revised\", \"label\": \"本年修订件数\"}",
        ),
        (
            "  {\n   \"key\": \"enforcement\",",
            "  {\"key\": \"hotline\", \"section\": 2, \"caption\": \"政务热线\", \"kind\": \"count\", \"columns\": [{\"key\": \"calls\", \"label\": \"来电数量\"}], \"rows\": [{\"key\": \"calls\", \"label\": \"来电\"}]},\n  {\n   \"key\": \"enforcement\",",
        ),
    ];
    edits.iter().fold(json.to_owned(), |json, (from, to)| {
        assert!(json.contains(from), "{from}");
        json.replacen(from, to, 1)
    })
}

/// A site with agencies (slug, parent) and a balanced 2024 report for each.
fn site_with(agencies: &[(&str, Option<&str>)]) -> TempSite {
    let site = TempSite::new();
    for (slug, parent) in agencies {
        let parent = parent.map(|p| format!("parent: {p}\n")).unwrap_or_default();
        site.write(&format!("content/reports/{slug}/agency.yaml"), format!("name: {slug}机构\nkind: 部门\n{parent}"));
        site.write(&format!("content/reports/{slug}/2024.md"), report_2021(2024, &tables_2021(0, 1, 0), ""));
    }
    site
}

/// The form each report follows, as (agency, year, form id), sorted.
fn forms_followed(site: &TempSite) -> Vec<(String, i32, String)> {
    let checked = site.check();
    assert!(checked.diags.iter().all(|d| d.severity != Severity::Error), "{:#?}", checked.diags);
    checked.content.reports.iter().map(|r| (r.agency.clone(), r.year, r.form.id.clone())).collect()
}

#[test]
fn a_site_form_applies_to_the_agencies_it_names_and_to_reports_naming_it() {
    let site = site_with(&[("city", None), ("town", None)]);
    site.write("forms/js.json", site_form("js-2021", r#""applies_to": {"agencies": ["town"]},"#));
    site.write(
        "content/reports/city/2023.md",
        report_2021(2023, &format!("form: js-2021\n{}", tables_2021(0, 1, 0)), ""),
    );
    let want = [("city", 2023, "js-2021"), ("city", 2024, "cn-2021"), ("town", 2024, "js-2021")];
    let want: Vec<_> = want.iter().map(|(a, y, f)| (a.to_string(), *y, f.to_string())).collect();
    assert_eq!(forms_followed(&site), want);
    // `new report` starts the agency's report from its form.
    let (code, out, err) = site.run(&["new", "report", "--agency", "town", "--year", "2025"]);
    assert_eq!(code, 0, "{out}{err}");
    let text = std::fs::read_to_string(site.path().join("content/reports/town/2025.md")).expect("written");
    assert!(text.contains("（js-2021）"), "{text}");
}

#[test]
fn a_site_form_applies_under_a_parent_agency_but_not_to_the_parent_itself() {
    let site = site_with(&[("county", None), ("dept", Some("county")), ("office", Some("dept")), ("other", None)]);
    site.write("forms/js.json", site_form("js-2021", r#""applies_to": {"under": ["county"]},"#));
    let got: Vec<(String, String)> = forms_followed(&site).into_iter().map(|(a, _, f)| (a, f)).collect();
    let want = [("county", "cn-2021"), ("dept", "js-2021"), ("office", "js-2021"), ("other", "cn-2021")];
    assert_eq!(got, want.map(|(a, f)| (a.to_string(), f.to_string())));
}

#[test]
fn a_site_form_without_applies_to_replaces_nothing_and_is_checked_where_named() {
    let site = site_with(&[("town", None)]);
    site.write("forms/zj.json", site_form("zj-2027", "").replace("\"from\": 2021", "\"from\": 2027"));
    site.write("content/reports/town/2027.md", report_2021(2027, &tables_2021(0, 1, 0), ""));
    let followed: Vec<String> = forms_followed(&site).into_iter().map(|(_, _, f)| f).collect();
    assert_eq!(followed, ["cn-2021", "cn-2021"], "its years alone apply it to nothing");
    site.write(
        "content/reports/town/2027.md",
        report_2021(2027, &format!("form: zj-2027\n{}", crate::fixture::unbalanced()), ""),
    );
    let checked = site.check();
    let r2027 = checked.content.reports.iter().find(|r| r.year == 2027).expect("2027");
    assert_eq!(r2027.form.id, "zj-2027");
    assert!(!with_code(&checked, "T3-KJ").is_empty(), "checked by its rules: {:#?}", checked.diags);
}

#[test]
fn two_site_forms_applying_to_one_report_are_an_error_naming_both() {
    let site = site_with(&[("county", None), ("town", Some("county"))]);
    site.write("forms/a.json", site_form("a-2021", r#""applies_to": {"agencies": ["town"]},"#));
    site.write("forms/b.json", site_form("b-2021", r#""applies_to": {"under": ["county"]},"#));
    let checked = site.check();
    let found = with_code(&checked, "IN-FORM");
    assert_eq!(found.len(), 1, "{:#?}", checked.diags);
    let d = found[0];
    assert!(d.file.ends_with("town/2024.md") && d.pos.line == 2 && d.severity == Severity::Error, "{d:#?}");
    assert!(d.message.starts_with("有两个站点格式都适用于机构 `town` 的 2024 年年报：`a-2021`（"), "{}", d.message);
    assert!(d.message.contains("a.json）和 `b-2021`（") && d.message.ends_with("b.json）"), "{}", d.message);
    assert!(d.help.as_deref().is_some_and(|h| h.contains("`form: a-2021`")), "{d:#?}");
    // Naming one settles it.
    site.write(
        "content/reports/town/2024.md",
        report_2021(2024, &format!("form: b-2021\n{}", tables_2021(0, 1, 0)), ""),
    );
    assert!(with_code(&site.check(), "IN-FORM").is_empty());
}

#[test]
fn site_forms_that_do_not_fit_are_refused_at_the_place_in_their_file() {
    let national = include_str!("../../src/forms/cn-2021.json");
    let cases: [(&str, String, &str); 6] = [
        (
            "a built-in id",
            national.to_owned(),
            "forms/x.json:2:2：格式 `cn-2021`：`cn-2021` 是内置格式“中华人民共和国政府信息公开工作年度报告格式”的 `id`：站点格式不能替换内置格式",
        ),
        (
            "extends no built-in form",
            site_form("js-2021", r#""extends": "cn-2099","#),
            "forms/x.json:3:2：格式 `js-2021`：`extends` 应是内置格式的 `id`（`cn-2019`、`cn-2021`），这里写的是 `cn-2099`",
        ),
        ("applies to nobody", site_form("js-2021", r#""applies_to": {},"#), "`applies_to` 没有列出任何机构"),
        (
            "applies without years",
            site_form("js-2021", r#""applies_to": {"agencies": ["town"]},"#).replacen(
                "\"years\": {\n  \"from\": 2021\n },",
                "",
                1,
            ),
            "写了 `applies_to` 的格式还要写 `years`",
        ),
        (
            "a slug that cannot be one",
            site_form("js-2021", r#""applies_to": {"agencies": ["Town"]},"#),
            "`applies_to` 中的 `Town` 不是机构文件夹名",
        ),
        ("an unknown member", site_form("js-2021", r#""applies": {"agencies": ["town"]},"#), "unknown field `applies`"),
    ];
    for (what, json, said) in cases {
        let site = site_with(&[("town", None)]);
        site.write("forms/x.json", json);
        let (code, _, err) = site.run(&["check"]);
        assert_eq!(code, 2, "{what}: {err}");
        assert!(err.contains(said), "{what}: {err}");
    }
    let site = site_with(&[("town", None)]);
    site.write("forms/a.json", site_form("js-2021", "")).write("forms/b.json", site_form("js-2021", ""));
    let (code, _, err) = site.run(&["check"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("forms/b.json:2:2：格式 `js-2021`：`js-2021` 已是 ") && err.contains("a.json 的 `id`"),
        "{err}"
    );
}

#[test]
fn an_agency_a_site_form_names_that_the_site_lacks_is_a_warning_at_the_name() {
    let site = site_with(&[("town", None)]);
    site.write("forms/js.json", site_form("js-2021", "\"applies_to\": {\n  \"agencies\": [\"town\", \"twon\"]\n },"));
    let checked = site.check();
    let found = with_code(&checked, "IN-FORM");
    assert_eq!(found.len(), 1, "{:#?}", checked.diags);
    let d = found[0];
    assert_eq!((d.severity, d.pos.line, d.pos.col), (Severity::Warning, 4, 24), "{d:#?}");
    assert!(d.file.ends_with("forms/js.json"), "{d:#?}");
    assert!(d.message.contains("`twon` 不是本站的机构"), "{}", d.message);
}

#[test]
fn what_a_site_form_adds_to_the_national_form_is_a_warning_and_its_figures_are_kept_and_shown() {
    let site = site_with(&[("town", None), ("city", None)]);
    let form =
        with_additions(&site_form("js-2021", r#""extends": "cn-2021", "applies_to": {"agencies": ["town", "city"]},"#));
    site.write("forms/js.json", form);
    let tables = tables_2021(0, 1, 0)
        .replace("  permit: 0\n", "  permit: 0\n  filing: 12\n")
        .replace("  rules: [0, 0, 0]\n  normative: [0, 0, 0]\n", "  rules: [0, 0, 0, 0]\n  normative: [0, 0, 0, 3]\n")
        .replace("enforcement:", "hotline:\n  calls: 40\nenforcement:");
    site.write("content/reports/town/2024.md", report_2021(2024, &tables, ""));
    // city does not fill the row in: no warning about it.
    site.write("content/reports/city/2024.md", report_2021(2024, &tables.replace("  filing: 12\n", ""), ""));
    let checked = site.check();
    assert!(checked.diags.iter().all(|d| d.severity == Severity::Warning), "{:#?}", checked.diags);
    let extra: Vec<(String, u32, String)> = with_code(&checked, "FMT-EXTRA")
        .iter()
        .map(|d| {
            (
                d.file
                    .parent()
                    .and_then(|p| p.file_name())
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                d.pos.line,
                d.message.clone(),
            )
        })
        .collect();
    let town: Vec<_> = extra.iter().filter(|(a, _, _)| a == "town").map(|(_, l, m)| (*l, m.as_str())).collect();
    assert_eq!(
        town,
        [
            (3, "表格「第二十条第（一）项」的「本年修订件数」列不在国家格式 `cn-2021` 中，是本站格式增加的"),
            (8, "「行政备案」行不在国家格式 `cn-2021` 中，是本站格式增加的"),
            (9, "表格「政务热线」（`hotline`）不在国家格式 `cn-2021` 中，是本站格式增加的"),
        ],
        "{extra:#?}"
    );
    assert_eq!(extra.iter().filter(|(a, _, _)| a == "city").count(), 2, "columns and table, not the row: {extra:#?}");
    let town = checked.content.reports.iter().find(|r| r.agency == "town").expect("town");
    let (spec, data) = town.table("licensing").expect("licensing");
    assert_eq!(data.cell(spec.row("filing").expect("row"), 0).value.int(), 12);
    let (code, _, err) = site.run(&["build"]);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(site.path().join("public/reports/town/2024/index.html")).expect("page");
    assert!(page.contains("行政备案") && page.contains("本年修订件数") && page.contains("政务热线"), "shown");
    assert!(page.contains(">12<") && page.contains(">40<"), "the figures are shown");
}
