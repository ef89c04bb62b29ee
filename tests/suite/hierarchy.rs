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
        site.town_under(slug, "county");
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

/// The example site with a second town's 2020 report whose 采购总金额 is
/// written without its unit (40 projects, `5000`), beside 百步镇's 60
/// projects and `1054900元`.
fn amount_without_unit() -> (TempSite, tempfile::TempDir) {
    let site = TempSite::example();
    let baibu = std::fs::read_to_string(site.path().join("content/reports/baibu/2020.md")).expect("read");
    assert!(baibu.contains("[60, 1054900元]"), "the example's procurement row");
    site.agency("xitang", "乡镇");
    site.write(
        "content/reports/xitang/2020.md",
        baibu.replace("百步镇", "西塘镇").replace("[60, 1054900元]", "[40, 5000]"),
    );
    let out = tempfile::tempdir().expect("tmp");
    let (code, _, err) = site.run(&["build", "--output", out.path().to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{err}");
    (site, out)
}

#[test]
fn the_year_page_open_data_and_workbook_sum_alike_and_an_amount_without_unit_is_unknown() {
    let (site, out) = amount_without_unit();
    let book_path = site.path().join("summary-2020.xlsx");
    let (code, stdout, err) = site.run(&["export", "xlsx", "--year", "2020", "--output", &book_path.to_string_lossy()]);
    assert_eq!(code, 0, "{stdout}{err}");
    let loaded = gongkai::site::Site::load(site.path()).expect("site");
    let chosen: Vec<_> = loaded.content.reports.iter().filter(|r| r.year == 2020 && !r.draft).collect();
    assert_eq!(chosen.len(), 2);
    let sums = gongkai::rollup::sum(&chosen);
    assert_eq!(sums.len(), 1, "one form");
    let sum = &sums[0];
    let p = sum.form.table("procurement").expect("procurement");
    use gongkai::export::xlsx::{Shown, shown};
    assert_eq!(shown(&sum.tables[p], 0), Shown::Number(100.0), "60 + 40 projects: the rest of the table is kept");
    assert!(sum.unknown[p][1] && !sum.unknown[p][0], "the amount is unknown, never 1054900 + 5000 of a guessed unit");
    assert_eq!(shown(&sum.tables[p], 1), Shown::Blank);

    // The workbook: every cell as the sum.
    let mut book = crate::export::open(&book_path);
    crate::export::compare(&mut book, "", &sum.form, &sum.tables);

    // data/totals.csv: every row of the site's 2020 as the same sum.
    let csv = std::fs::read_to_string(out.path().join("data/totals.csv")).expect("totals.csv");
    let mut rows = 0;
    for line in csv.lines().filter(|l| l.starts_with(",2020,")) {
        let f: Vec<&str> = line.split(',').collect();
        let t = sum.form.table(f[3]).expect("table");
        let spec = &sum.form.tables[t];
        let table = &sum.tables[t];
        let k = (0..table.cells.len())
            .find(|&k| spec.row_leaves[k / table.cols].id == f[4] && spec.col_leaves[k % table.cols].id == f[5])
            .expect("cell");
        let expected = match &table.cells[k].value {
            gongkai::model::CellValue::Money(d, _) => d.to_string(),
            v => v.to_string(),
        };
        let expected = if sum.unknown[t][k] { String::new() } else { expected };
        assert_eq!(f[6], expected, "{line}");
        assert_eq!(f[8], sum.counted[t].to_string(), "{line}");
        rows += 1;
    }
    let cells: usize = (0..sum.tables.len()).filter(|&t| sum.counted[t] > 0).map(|t| sum.tables[t].cells.len()).sum();
    assert_eq!(rows, cells, "every cell of every table some original prints");
    assert!(csv.contains("\n,2020,cn-2019,procurement,central,projects,100,"), "{csv}");
    assert!(csv.contains("\n,2020,cn-2019,procurement,central,amount,,元,2\n"), "unknown: empty, not dropped: {csv}");

    // The year page: the same table, the amount 不详 with a note, the projects summed.
    let page = std::fs::read_to_string(out.path().join("years/2020/index.html")).expect("year page");
    let table = page.split("id=\"total-cn-2019-procurement\"").nth(1).expect("the summed table is shown");
    let table = table.split("</table>").next().expect("table");
    assert!(table.contains(">100</td>"), "{table}");
    assert!(table.contains("class=\"unknown\"") && table.contains(">不详</td>"), "{table}");
    assert!(page.contains("本表有 1 个单元格标为“不详”"), "the note says why");
    assert!(page.contains("id=\"total-cn-2019-applications\""), "other tables summed too");
}
