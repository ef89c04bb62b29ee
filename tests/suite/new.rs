//! `gongkai new`: pre-filled reports that check clean, never overwriting.

use crate::fixture::TempSite;

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
        assert!(out.starts_with("已新建 ") && out.ends_with(&format!("content/reports/town/{year}.md\n")), "{out}");
        let text =
            std::fs::read_to_string(site.path().join(format!("content/reports/town/{year}.md"))).expect("written");
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
