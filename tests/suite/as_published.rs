//! Reports kept as published (`as_published: true`, 按原文收录): figures as
//! the agency printed them, the form's rules that do not hold as notices
//! (exit 0), stated to readers in the page's 数据核对提示 box; blank cells
//! stay blank; input errors stay errors.

use crate::fixture::{TempSite, errors, report_2021, tables_2021, with_code};
use gongkai::diag::Severity;

/// A 2021 report whose figures do not all agree, as some published ones
/// do: （七）总计 767 where its parts add up to 768 (自然人 and 总计
/// columns), 行政复议 总计 2 where its parts add up to 1, a blank 诉讼 总计
/// and a blank 行政许可 figure. `kept` adds `as_published: true`.
fn inconsistent(kept: bool) -> String {
    let tables = tables_2021(0, 0, 0)
        .replace("  new: [0, 0, 0, 0, 0, 0, 0]", "  new: [768, 0, 0, 0, 0, 0, 768]")
        .replace(
            "  granted: [0, 0, 0, 0, 0, 0, 0]",
            "  granted: [700, 0, 0, 0, 0, 0, 700]\n  partial: [68, 0, 0, 0, 0, 0, 68]",
        )
        .replace("  total: [0, 0, 0, 0, 0, 0, 0]", "  total: [767, 0, 0, 0, 0, 0, 767]")
        .replace("  carried_out: [0, 0, 0, 0, 0, 0, 0]", "  carried_out: [1, 0, 0, 0, 0, 0, 1]")
        .replace("  review: [0, 0, 0, 0, 0]", "  review: [1, 0, 0, 0, 2]")
        .replace("  direct: [0, 0, 0, 0, 0]", "  direct: [0, 0, 3, 0, ~]")
        .replace("  permit: 0", "  permit: ~");
    let head = if kept { "as_published: true\n" } else { "" };
    report_2021(2023, &format!("{head}{tables}"), "")
}

/// The statements of the figures that do not agree, as the page must say them.
const STATEMENTS: [&str; 3] = [
    "表三「自然人」列：（七）总计 767，各项之和 768，相差 1。",
    "表三「总计」列：（七）总计 767，各项之和 768，相差 1。",
    "表四：行政复议 总计 2，各项之和 1，相差 1。",
];

/// A site with the inconsistent report, kept as published or not.
fn site(kept: bool) -> TempSite {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    site.write("content/reports/town/2023.md", inconsistent(kept));
    site
}

/// The `<section>` of the 数据核对提示 box of a page.
fn notices_box(html: &str) -> &str {
    let start = html.find("<section class=\"data-notices\"").unwrap_or_else(|| panic!("no box in {html}"));
    &html[start..start + html[start..].find("</section>").expect("end of box")]
}

#[test]
fn rule_failures_of_a_report_kept_as_published_are_notices_and_check_passes() {
    let checked = site(true).check();
    assert!(errors(&checked).is_empty(), "{:#?}", checked.diags);
    let rules: Vec<_> = checked.diags.iter().filter(|d| d.code.starts_with("T3-S") || d.code == "T4-SUM").collect();
    assert_eq!(rules.len(), 3, "{:#?}", checked.diags);
    assert!(rules.iter().all(|d| d.severity == Severity::Notice), "{rules:#?}");
    assert_eq!(rules[0].message, "表三「自然人」列：（七）总计 767，各项之和 768，相差 1");
    // The blanks are as printed: notices too, nothing to fix.
    let blank = with_code(&checked, "T3-BLANK");
    assert!(!blank.is_empty() && blank.iter().all(|d| d.severity == Severity::Notice), "{blank:#?}");
    // Without the key the same figures are errors; the blank 诉讼 总计 is
    // then computed from its parts (a warning), so only 行政复议's fails in 表四.
    let strict = site(false).check();
    let codes: Vec<&str> = errors(&strict).iter().map(|d| d.code.as_ref()).collect();
    assert_eq!(codes, ["T3-SUM", "T3-SUM", "T4-SUM"], "{:#?}", strict.diags);
    assert!(
        with_code(&strict, "T3-BLANK").iter().any(|d| d.severity == Severity::Warning && d.message.contains("表四")),
        "{:#?}",
        strict.diags
    );
}

#[test]
fn check_prints_notices_counts_them_and_exits_zero_even_denying_warnings() {
    let site = site(true);
    let (code, out, err) = site.run(&["check"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("提示[T3-SUM]：表三「自然人」列：（七）总计 767，各项之和 768，相差 1\n"), "{out}");
    assert!(out.contains("：0 个错误，0 个警告，5 条提示\n"), "{out}");
    assert_eq!(site.run(&["check", "--deny-warnings"]).0, 0, "notices are not warnings");
    let (code, json, _) = site.run(&["check", "--format", "json"]);
    assert_eq!(code, 0);
    let lines: Vec<serde_json::Value> = json.lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    assert_eq!(lines.len(), 5, "{json}");
    assert!(lines.iter().all(|d| d["severity"] == "notice"), "{json}");
    let (code, en, _) = site.run(&["--lang", "en", "check"]);
    assert_eq!(code, 0);
    assert!(en.contains("notice[T3-SUM]: ") && en.contains(": 0 errors, 0 warnings, 5 notices\n"), "{en}");
    let (code, out, _) = self::site(false).run(&["check"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("错误[T3-SUM]") && !out.contains("条提示"), "{out}");
}

#[test]
fn the_page_states_every_inconsistency_in_chinese_in_its_notices_box() {
    let site = site(true);
    let out = site.path().join("public");
    // The webmaster reads gongkai in English; the site is Chinese.
    let (code, _, err) = site.run(&["--lang", "en", "build"]);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(out.join("reports/town/2023/index.html")).expect("page");
    let notices = notices_box(&html);
    assert!(
        notices.contains("aria-labelledby=\"gk-notices-h\"") && notices.contains(">数据核对提示</h2>"),
        "{notices}"
    );
    assert!(notices.contains("按原文收录"), "{notices}");
    for s in STATEMENTS {
        assert!(notices.contains(&format!("<li>{s}</li>")), "{s} in {notices}");
    }
    assert_eq!(notices.matches("<li>").count(), STATEMENTS.len(), "the blank 诉讼 总计 is not compared: {notices}");
    // The box comes before the tables, and each table it speaks of links to it.
    let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("no {s}"));
    assert!(at("id=\"gk-notices\"") < at("id=\"t-applications\""));
    assert!(html.contains(
        "<p class=\"table-notice\" id=\"t-applications-notice\">本表有 2 处数字互不相符，见<a href=\"#gk-notices\">数据核对提示</a>。</p>"
    ));
    assert!(html.contains("<table class=\"form-table\" id=\"t-appeals\" aria-describedby=\"t-appeals-notice\">"));
    assert!(!html.contains("id=\"t-licensing-notice\""), "a table without notices has no note");
    assert!(html.contains("<dd>按原文收录，数字未作改动</dd>"));
    // The open data says the same, in Chinese.
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("reports/town/2023/report.json")).expect("json")).expect("json");
    assert_eq!(json["as_published"], true);
    let listed: Vec<&str> =
        json["notices"].as_array().expect("notices").iter().filter_map(|n| n["message"].as_str()).collect();
    assert_eq!(listed, STATEMENTS.map(|s| s.trim_end_matches('。')));
    assert_eq!(json["notices"][0]["code"], "T3-SUM");
    assert_eq!(json["notices"][2]["table"], "appeals");
}

#[test]
fn blank_cells_stay_blank_on_the_page_and_in_the_open_data_and_no_total_is_computed() {
    let site = site(true);
    let out = site.path().join("public");
    assert_eq!(site.run(&["build"]).0, 0);
    let html = std::fs::read_to_string(out.join("reports/town/2023/index.html")).expect("page");
    let empty = "class=\"empty\" aria-label=\"空\" title=\"原报告此处为空\"></td>";
    assert_eq!(html.matches(empty).count(), 2, "the 行政许可 figure and the 诉讼 总计");
    assert!(!html.contains("class=\"blank\"") && !html.contains("class=\"computed\""), "no grey 0, no computed total");
    assert!(html.contains("空白单元格是原报告未填写的，照原文留空"), "the legend says so");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("reports/town/2023/report.json")).expect("json")).expect("json");
    let appeals = json["tables"].as_array().expect("tables").iter().find(|t| t["key"] == "appeals").expect("appeals");
    assert_eq!(appeals["values"][0][9], serde_json::Value::Null, "{appeals}");
    // Schema 2: the cells not given are listed by source, as [row id, column id].
    let blank = appeals["sources"]["blank"].as_array().expect("blank cells");
    assert!(blank.iter().any(|c| c[0] == appeals["rows"][0] && c[1] == appeals["columns"][9]), "{appeals}");
    assert_eq!(appeals["values"][0][7], 3);
    // A total left out of a row that a report kept as published fills in is blank, not computed.
    let site = TempSite::new();
    site.agency("town", "乡镇");
    let text = inconsistent(true).replace("  review: [1, 0, 0, 0, 2]", "  review: [1, 0, 0, 0]");
    site.write("content/reports/town/2023.md", text);
    let checked = site.check();
    let r = &checked.content.reports[0];
    let (spec, data) = r.table("appeals").expect("appeals");
    let total = data.cell(0, spec.col("review.total").expect("column"));
    assert_eq!(total.source, gongkai::model::Source::Blank);
    let notice = with_code(&checked, "T3-BLANK");
    assert!(
        notice.iter().any(|d| d.message == "表四：有 2 个总计原报告未填写，按原文留空，涉及它们的勾稽关系不作核对"),
        "{notice:#?}"
    );
    assert!(!r.notices.iter().any(|n| n.message.starts_with("表四")), "{:#?}", r.notices);
}

#[test]
fn input_errors_stay_errors_in_a_report_kept_as_published() {
    for (from, to, code) in [
        ("  permit: ~", "  permit: ５", "IN-NUMBER"),
        ("  permit: ~", "  permitt: 5", "IN-KEY"),
        ("  permit: ~", "  permit: -3", "T3-INT"),
        ("  permit: ~", "  permit: 99999999999", "IN-RANGE"),
        ("licensing:\n  permit: ~\n", "", "IN-TABLE"),
        ("as_published: true", "as_published: 是", "IN-TYPE"),
    ] {
        let site = TempSite::new();
        site.agency("town", "乡镇");
        site.write("content/reports/town/2023.md", inconsistent(true).replacen(from, to, 1));
        let checked = site.check();
        let codes: Vec<&str> = errors(&checked).iter().map(|d| d.code.as_ref()).collect();
        assert!(codes.contains(&code), "{to:?}: {:#?}", checked.diags);
        assert_eq!(site.run(&["check"]).0, 1, "{to:?}");
    }
    let site = TempSite::new();
    site.agency("town", "乡镇");
    site.write(
        "content/reports/town/2023.md",
        inconsistent(true).replace("as_published: true", "as_published: \"yes\""),
    );
    let checked = site.check();
    let d = with_code(&checked, "IN-TYPE");
    assert_eq!(d.len(), 1, "{:#?}", checked.diags);
    assert_eq!(d[0].message, "`as_published` 只能写 `true`（是）或 `false`（否），这里写的是 `\"yes\"`");
}

#[test]
fn cross_year_rules_are_notices_for_the_report_kept_as_published() {
    let site = TempSite::new();
    site.agency("dept", "部门");
    site.write("content/reports/dept/2023.md", report_2021(2023, &tables_2021(0, 5, 2), ""));
    site.write(
        "content/reports/dept/2024.md",
        report_2021(2024, &format!("as_published: true\n{}", tables_2021(3, 4, 0)), ""),
    );
    let checked = site.check();
    let carry = with_code(&checked, "X-CARRY");
    assert_eq!(carry.len(), 2, "{:#?}", checked.diags);
    assert!(carry.iter().all(|d| d.severity == Severity::Notice));
    let r = checked.content.reports.iter().find(|r| r.year == 2024).expect("2024");
    assert_eq!(r.notices[0].code, "X-CARRY");
    assert_eq!(
        r.notices[0].message,
        "表三「自然人」列：本年 二、上年结转 = 上年报告 四、结转下年度继续办理 不成立：左边 3，右边 2，相差 1"
    );
    assert!(checked.content.reports.iter().find(|r| r.year == 2023).is_some_and(|r| r.notices.is_empty()));
}

#[test]
fn import_writes_as_published_and_its_check_says_what_readers_will_see() {
    let site = TempSite::new();
    // A published report whose （七）总计 is 3 where its parts add up to 2.
    let source = site.path().join("shili.txt");
    std::fs::write(
        &source,
        "示例乡人民政府2022年政府信息公开工作年度报告\n一、总体情况\n本年度工作有序开展。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2\n三、本年度办理结果 / (一)予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2\n(七)总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n",
    )
    .expect("write");
    let (code, out, err) = site.run(&["import", &source.to_string_lossy(), "--agency", "shili-xiang"]);
    assert_eq!(code, 0, "{out}{err}");
    let text = std::fs::read_to_string(site.path().join("content/reports/shili-xiang/2022.md")).expect("written");
    assert!(text.contains("\nas_published: true   # 按原文收录"), "{text}");
    assert!(
        out.contains("提示[T3-KJ]：表三「自然人」列：")
            && out.contains("T3-SUM：「自然人」列，（七）总计 3，各项之和 2"),
        "{out}"
    );
    assert!(out.contains("\n导入的年报按原文收录（`as_published: true`）：上面的提示不妨碍发布"), "{out}");
    assert!(!out.contains("错误["), "{out}");
    // The imported figures are what the original printed: nothing computed, nothing changed.
    let checked = site.check();
    let r = &checked.content.reports[0];
    let (spec, data) = r.table("applications").expect("t3");
    let total = data.cell(spec.row("total").expect("row"), 0);
    assert_eq!((total.value.to_string(), total.source), ("3".to_owned(), gongkai::model::Source::Given));
    assert!(
        r.notices.iter().any(|n| n.message == "表三「自然人」列：（七）总计 3，各项之和 2，相差 1"),
        "{:#?}",
        r.notices
    );
}
