//! `gongkai new`: pre-filled reports that check clean, never overwriting.

use crate::fixture::TempSite;

#[test]
fn a_new_report_has_every_table_and_section_and_checks_clean() {
    for year in [2020, 2025] {
        let site = TempSite::new();
        let (code, out, err) =
            site.run(&["new", "agency", "--slug", "town", "--name", "某某镇人民政府", "--kind", "乡镇"]);
        assert_eq!(code, 0, "{out}{err}");
        let (code, out, err) = site.run(&["new", "report", "--agency", "town", "--year", &year.to_string()]);
        assert_eq!(code, 0, "{out}{err}");
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
        assert!(err.contains("already exists"), "{err}");
    }
}

#[test]
fn a_report_for_an_undescribed_agency_is_refused() {
    let site = TempSite::new();
    let (code, _, err) = site.run(&["new", "report", "--agency", "nobody", "--year", "2024"]);
    assert_eq!(code, 2);
    assert!(err.contains("gongkai new agency --slug nobody"), "{err}");
}
