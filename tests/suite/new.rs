//! `gongkai new`: pre-filled reports that check clean, never overwriting.

use crate::fixture::{TempSite, with_code};

/// What `new report` says about the draft it wrote.
const DRAFT_SAID: &str = "新年报标为草稿（`draft: true`）：检查但不发布；填写完毕、核对无误后删去这一行即可发布";

#[test]
fn a_new_report_has_every_table_and_section_and_checks_clean() {
    for year in [2020, 2025] {
        let site = TempSite::new();
        let (code, out, err) =
            site.run(&["new", "agency", "--slug", "town", "--name", "某某镇人民政府", "--kind", "乡镇"]);
        assert_eq!(code, 0, "{out}{err}");
        assert!(out.starts_with("已新建 ") && out.ends_with("content/reports/town/agency.yaml\n"), "{out}");
        let (code, out, err) = site.run(&["new", "report", "--agency", "town", "--year", &year.to_string()]);
        assert_eq!(code, 0, "{out}{err}");
        let lines: Vec<&str> = out.lines().collect();
        assert!(
            lines[0].starts_with("已新建 ") && lines[0].ends_with(&format!("content/reports/town/{year}.md")),
            "{out}"
        );
        assert_eq!(lines[1..], [DRAFT_SAID], "nothing to carry without last year's report: {out}");
        let text =
            std::fs::read_to_string(site.path().join(format!("content/reports/town/{year}.md"))).expect("written");
        assert!(text.contains("\ndraft: true "), "a new report is a draft: {text}");
        assert!(
            text.contains("partial:") && text.contains("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
            "{text}"
        );
        assert!(text.contains("## 六、其他需要报告的事项"));
        let checked = site.check();
        assert!(checked.diags.is_empty(), "{year}: {:#?}\n{text}", checked.diags);
        assert_eq!(checked.content.reports.len(), 1);
        let (code, _, err) = site.run(&["new", "report", "--agency", "town", "--year", &year.to_string()]);
        assert_eq!(code, 2);
        assert!(
            err.contains("错误：") && err.contains(&format!("town/{year}.md 已存在：gongkai 不会覆盖已有文件")),
            "{err}"
        );
    }
}

#[test]
fn a_report_for_an_undescribed_agency_is_refused() {
    let site = TempSite::new();
    let (code, _, err) = site.run(&["new", "report", "--agency", "nobody", "--year", "2024"]);
    assert_eq!(code, 2);
    assert!(err.starts_with("错误：机构 `nobody` 还没有机构信息"), "{err}");
    assert!(err.contains("请先运行 `gongkai new agency --slug nobody"), "{err}");
}

#[test]
fn mistakes_in_new_are_said_in_chinese() {
    let site = TempSite::new();
    let (code, _, err) = site.run(&["new", "agency", "--slug", "Town", "--name", "某镇", "--kind", "乡镇"]);
    assert_eq!(code, 2);
    assert_eq!(err, "错误：`Town` 不是有效的机构文件夹名：只能用小写英文字母、数字和 `-`\n");
    let (code, _, err) = site.run(&["new", "agency", "--slug", "town", "--name", "某镇", "--kind", "村"]);
    assert_eq!(code, 2);
    assert!(err.contains("未知的机构类型 `村`：应为 部门 / 乡镇 / 街道 / 人民政府 之一"), "{err}");
    site.run(&["new", "agency", "--slug", "town", "--name", "某镇", "--kind", "乡镇"]);
    let (code, _, err) = site.run(&["new", "report", "--agency", "town", "--year", "2018"]);
    assert_eq!(code, 2);
    assert!(err.contains("2018 年没有适用的格式"), "the year is not written 2,018: {err}");
    let (code, _, err) = site.run(&["new", "report", "--agency", "town"]);
    assert_eq!(code, 2, "a mistake on the command line");
    assert!(err.starts_with("错误：缺少必需的参数：`--year <年度>`"), "{err}");
}

/// Runs `gongkai new report` for `town` and returns what it printed and the file it wrote.
fn new_report(site: &TempSite, year: i32) -> (String, String) {
    let (code, out, err) = site.run(&["new", "report", "--agency", "town", "--year", &year.to_string()]);
    assert_eq!(code, 0, "{out}{err}");
    let text = std::fs::read_to_string(site.path().join(format!("content/reports/town/{year}.md"))).expect("written");
    (out, text)
}

/// Replaces line `from` of town's report of `year` (exactly as `new report` wrote it) with `to`.
fn fill(site: &TempSite, year: i32, from: &str, to: &str) {
    let path = site.path().join(format!("content/reports/town/{year}.md"));
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{from} in\n{text}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

#[test]
fn next_years_report_starts_from_last_years_and_checks_clean_across_years() {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    // 2019 (the 2019 form): 7 licensing items at the year's end, 1 application carried out.
    new_report(&site, 2019);
    fill(&site, 2019, "  permit:   [0, 0, 0]", "  permit:   [5, 2, 3]");
    fill(&site, 2019, "  new:             [0, 0, 0, 0, 0, 0, 0]", "  new:             [1, 0, 0, 0, 0, 0, 1]");
    fill(&site, 2019, "  carried_out:     [0, 0, 0, 0, 0, 0, 0]", "  carried_out:     [1, 0, 0, 0, 0, 0, 1]");
    let (out, text) = new_report(&site, 2020);
    assert!(out.contains("已从 2019 年的年报带入上一年的数字：“本年 上一年项目数量 = 上年报告 上一年项目数量 + 本年增/减”、“本年 二、上年结转 = 上年报告 四、结转下年度继续办理”"), "{out}");
    assert!(text.contains("  permit:   [7, 0, 0]   # 行政许可；取自 2019 年报："), "{text}");
    assert!(text.contains("  carried_in:      [1, 0, 0, 0, 0, 0, 1]"), "{text}");
    // 2020 → 2021 changes the form: 表三's carried rows carry all the same.
    fill(&site, 2020, "  carried_out:     [0, 0, 0, 0, 0, 0, 0]", "  carried_out:     [1, 0, 0, 0, 0, 0, 1]");
    let (_, text) = new_report(&site, 2021);
    assert!(text.contains("（cn-2021）") && text.contains("  carried_in:      [1, 0, 0, 0, 0, 0, 1]"), "{text}");
    // 2021 → 2022: the stock of documents in force (X-STOCK21 starts with 2022).
    fill(&site, 2021, "  normative: [0, 0, 0]", "  normative: [3, 1, 9]");
    fill(&site, 2021, "  carried_out:     [0, 0, 0, 0, 0, 0, 0]", "  carried_out:     [1, 0, 0, 0, 0, 0, 1]");
    let (_, text) = new_report(&site, 2022);
    assert!(
        text.contains("  normative: [0, 0, 9]   # 行政规范性文件；取自 2021 年报：现行有效件数 = 上年 现行有效件数"),
        "{text}"
    );
    let checked = site.check();
    assert_eq!(checked.content.reports.len(), 4, "{:#?}", checked.diags);
    for code in ["X-CARRY", "X-STOCK19", "X-STOCK21", "IN-KEY"] {
        assert!(with_code(&checked, code).is_empty(), "{code}: {:#?}", checked.diags);
    }
}

#[test]
fn a_last_years_report_that_cannot_be_read_carries_nothing_and_says_so() {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    site.write("content/reports/town/2023.md", "---\nyear: [\n---\n");
    let (out, text) = new_report(&site, 2024);
    assert!(out.contains("未带入上一年的数字：") && out.contains("town/2023.md 读不出来或有错误"), "{out}");
    assert!(text.contains("  carried_in:      [0, 0, 0, 0, 0, 0, 0]   # 二、上年结转政府信息公开申请数量\n"), "{text}");
}
