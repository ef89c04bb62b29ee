//! `gongkai export xlsx` (issue 17, point 2): the workbook read back with
//! calamine, every figure compared with the report, every header with the
//! form's label, merged as the form merges it; the 汇总 of a parent's
//! agencies; the findings sheet.

use crate::fixture::{TempSite, tables_2021};
use calamine::{Data, Reader, Xlsx};
use gongkai::export::layout::sheets;
use gongkai::export::xlsx::{Shown, shown};
use gongkai::site::Site;
use std::path::Path;

/// Opens a workbook.
pub(crate) fn open(path: &Path) -> Xlsx<std::io::BufReader<std::fs::File>> {
    calamine::open_workbook(path).expect("a workbook calamine reads")
}

/// Compares every header and figure of `form`'s sheets (named with
/// `prefix`) with `tables`; returns how many cells were compared.
pub(crate) fn compare(
    book: &mut Xlsx<std::io::BufReader<std::fs::File>>,
    prefix: &str,
    form: &gongkai::form::Form,
    tables: &[gongkai::model::TableData],
) -> usize {
    let mut compared = 0;
    for (numeral, placed) in sheets(form) {
        let name = format!("{prefix}表{numeral}");
        let range = book.worksheet_range(&name).unwrap_or_else(|e| panic!("sheet {name}: {e}"));
        let merges = book.merge_cells_by_sheet_name(&name).expect("merges");
        for p in &placed {
            for h in &p.headers {
                let at = range.get_value((h.top, u32::from(h.left)));
                assert_eq!(at, Some(&Data::String(h.text.clone())), "{name} header at {},{}", h.top, h.left);
                if h.top != h.bottom || h.left != h.right {
                    let merged = merges
                        .iter()
                        .any(|m| m.start == (h.top, u32::from(h.left)) && m.end == (h.bottom, u32::from(h.right)));
                    assert!(merged, "{name}: 「{}」 is merged over its span", h.text);
                }
            }
            let table = &tables[p.table];
            for i in 0..table.cells.len() {
                let (row, col) = p.cell(i / table.cols, i % table.cols);
                let got = range.get_value((row, u32::from(col)));
                match shown(table, i) {
                    Shown::Number(n) | Shown::Amount(n, _) => {
                        assert_eq!(got, Some(&Data::Float(n)), "{name} {row},{col}")
                    }
                    Shown::Text(t) => assert_eq!(got, Some(&Data::String(t)), "{name} {row},{col}"),
                    Shown::Blank => assert!(matches!(got, None | Some(Data::Empty)), "{name} {row},{col}: {got:?}"),
                }
                compared += 1;
            }
        }
    }
    compared
}

#[test]
fn a_reports_workbook_has_every_figure_label_and_merge_of_the_form() {
    let site = TempSite::example();
    // One cell printed blank: it stays blank in the workbook, not 0.
    let path = site.path().join("content/reports/huaian/2024.md");
    let text = std::fs::read_to_string(&path).expect("read").replace("coercion: 88283 ", "coercion: ~     ");
    std::fs::write(&path, text).expect("write");
    let out = site.path().join("huaian.xlsx");
    let (code, stdout, err) =
        site.run(&["export", "xlsx", "--agency", "huaian", "--year", "2024", "--output", &out.to_string_lossy()]);
    assert_eq!(code, 0, "{stdout}{err}");
    let loaded = Site::load(site.path()).expect("site");
    let report = loaded.content.reports.iter().find(|r| r.agency == "huaian" && r.year == 2024).expect("report");
    let mut book = open(&out);
    assert_eq!(book.sheet_names(), ["表二", "表三", "表四", "检查结果"]);
    let compared = compare(&mut book, "", &report.form, &report.tables);
    let cells: usize = report.tables.iter().map(|t| t.cells.len()).sum();
    assert_eq!(compared, cells, "every cell of every table of the form");
    // The blank cell really is blank, and table 三's 总计 of 新收 is a number.
    let (e, data) = report.table("enforcement").expect("table");
    assert_eq!(shown(data, e.row("coercion").expect("row") * data.cols), Shown::Blank);
    // The findings sheet lists what `check` says about this report's files.
    let findings = book.worksheet_range("检查结果").expect("findings");
    assert_eq!(findings.get_value((0, 1)), Some(&Data::String("代码".into())));
    let about: Vec<_> = loaded.diags.iter().filter(|d| *d.file == *report.file).collect();
    assert_eq!(findings.height(), about.len() + 1, "one row per finding");
}

#[test]
fn an_agencys_years_get_a_sheet_set_each() {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    site.write("content/reports/town/2023.md", crate::fixture::report_2021(2023, &tables_2021(0, 5, 0), ""));
    site.write("content/reports/town/2024.md", crate::fixture::report_2021(2024, &tables_2021(0, 7, 0), ""));
    let (code, out, err) = site.run(&["export", "xlsx", "--agency", "town"]);
    assert_eq!(code, 0, "{out}{err}");
    let book = open(&site.path().join("town.xlsx"));
    let names = book.sheet_names();
    assert!(
        names.starts_with(&["2023年表二".to_owned(), "2023年表三".into(), "2023年表四".into(), "2024年表二".into()]),
        "{names:?}"
    );
}

#[test]
fn the_summary_of_a_parent_adds_its_agencies_and_keeps_blanks_blank() {
    let site = TempSite::new();
    site.write("content/reports/county/agency.yaml", "name: 某县人民政府\nkind: 人民政府\n");
    for (slug, new) in [("town-a", 5), ("town-b", 7)] {
        site.town_under(slug, "county");
        let tables = tables_2021(0, new, 0).replace("fees:\n  fees: 0", "fees:\n  fees: ~");
        site.write(&format!("content/reports/{slug}/2024.md"), crate::fixture::report_2021(2024, &tables, ""));
    }
    // Not under the county: left out of its summary.
    site.agency("other", "部门");
    site.write("content/reports/other/2024.md", crate::fixture::report_2021(2024, &tables_2021(0, 100, 0), ""));
    let (code, out, err) = site.run(&["export", "xlsx", "--year", "2024", "--parent", "county"]);
    assert_eq!(code, 0, "{out}{err}");
    let loaded = Site::load(site.path()).expect("site");
    let chosen: Vec<_> = loaded.content.reports.iter().filter(|r| r.agency.starts_with("town")).collect();
    let sums = gongkai::rollup::sum(&chosen);
    assert_eq!(sums.len(), 1);
    let mut book = open(&site.path().join("summary-county-2024.xlsx"));
    compare(&mut book, "", &sums[0].form, &sums[0].tables);
    let form = &sums[0].form;
    let t3 = form.table("applications").expect("t3");
    let new = form.tables[t3].row("new").expect("row") * sums[0].tables[t3].cols;
    assert_eq!(shown(&sums[0].tables[t3], new), Shown::Number(12.0), "5 + 7");
    let fees = form.table("fees").expect("fees");
    assert_eq!(shown(&sums[0].tables[fees], 0), Shown::Blank, "blank in every report: blank in the sum");
    let agencies = book.worksheet_range("汇总机构").expect("agencies");
    assert_eq!(agencies.height(), 3, "a header and the two towns");
}

#[test]
fn export_without_agency_or_year_says_what_to_give() {
    let site = TempSite::example();
    let (code, _, err) = site.run(&["export", "xlsx"]);
    assert_eq!(code, 2);
    assert!(err.contains("--agency") && err.contains("--year"), "{err}");
    let (code, _, err) = site.run(&["export", "xlsx", "--agency", "nobody"]);
    assert_eq!(code, 2);
    assert!(err.contains("nobody"), "{err}");
}
