//! Totals up the hierarchy (issue 17, point 3): the year page and
//! `data/totals.csv` give the 汇总 of each parent agency over the agencies
//! under it, not only of the whole site; an agency page lists its children.

use crate::fixture::{TempSite, report_2021, tables_2021};

/// A county with two towns under it and a department outside it, each with a
/// 2024 report receiving 5, 7 and 100 new applications; built.
fn county() -> (TempSite, tempfile::TempDir) {
    let site = TempSite::new();
    site.write("content/reports/county/agency.yaml", "name: 某县人民政府\nkind: 人民政府\n");
    for (slug, new) in [("town-a", 5), ("town-b", 7)] {
        site.write(
            &format!("content/reports/{slug}/agency.yaml"),
            format!("name: {slug}镇\nkind: 乡镇\nparent: county\n"),
        );
        site.write(&format!("content/reports/{slug}/2024.md"), report_2021(2024, &tables_2021(0, new, 0), ""));
    }
    site.agency("other", "部门");
    site.write("content/reports/other/2024.md", report_2021(2024, &tables_2021(0, 100, 0), ""));
    let out = tempfile::tempdir().expect("tmp");
    let (code, _, err) = site.run(&["build", "--output", out.path().to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{err}");
    (site, out)
}

/// The first `data/totals.csv` line starting with `prefix`, its value field.
fn total(csv: &str, prefix: &str) -> String {
    let line = csv.lines().find(|l| l.starts_with(prefix)).unwrap_or_else(|| panic!("{prefix} in\n{csv}"));
    line.split(',').nth(6).expect("value").to_owned()
}

#[test]
fn open_data_sums_each_parent_over_its_agencies_and_the_whole_site() {
    let (_site, out) = county();
    let csv = std::fs::read_to_string(out.path().join("data/totals.csv")).expect("totals.csv");
    assert!(csv.starts_with("\u{feff}scope,year,form,table,row,column,value,unit,reports\n"), "{csv}");
    assert_eq!(total(&csv, "county,2024,cn-2021,applications,new,"), "12", "5 + 7, the department left out");
    assert_eq!(total(&csv, ",2024,cn-2021,applications,new,"), "112", "the whole site");
    assert!(!csv.lines().any(|l| l.starts_with("other,") || l.starts_with("town-a,")), "only parents are scopes");
}

#[test]
fn the_year_page_shows_each_parents_summary_and_the_agency_page_its_children() {
    let (_site, out) = county();
    let year = std::fs::read_to_string(out.path().join("years/2024/index.html")).expect("year page");
    let section = year.split("各上级机构汇总").nth(1).expect("the parents' section");
    assert!(section.contains("某县人民政府</a>及其下级机构（2 份报告合计）"), "{section}");
    // Table 三's 总计 of 新收 in the county's summary.
    assert!(section.contains(">12<"), "{section}");
    assert!(!section.contains(">112<"), "the site's own sum is in its own section");
    let county = std::fs::read_to_string(out.path().join("agencies/county/index.html")).expect("agency page");
    let children = county.split("下级机构").nth(1).expect("children listed");
    assert!(
        children.contains("town-a镇") && children.contains("town-b镇") && !children.contains("other"),
        "{children}"
    );
    let town = std::fs::read_to_string(out.path().join("agencies/town-a/index.html")).expect("agency page");
    assert!(!town.contains("gk-children"), "a town has no agencies under it");
}
