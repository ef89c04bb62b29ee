//! `gongkai import`: the two published reference reports give exactly the
//! example reports, built pages import back to the same tables, Word-exported
//! GBK pages and .docx files are read with merged and blank cells, and a
//! figure that finds no cell stops the import.

use crate::fixture::{TempSite, repo};
use gongkai::cmd::import::{Options, Outcome, import};
use gongkai::form::Forms;
use gongkai::model::{Report, Source};
use gongkai::parse::parse_report;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A reference report, copied from `../shared/reference/` at test time. CI
/// runs with shared/ beside the checkout: a missing file fails, never skips.
fn reference(name: &str, into: &Path) -> PathBuf {
    let from = repo().join("../shared/reference").join(name);
    assert!(from.is_file(), "reference report {} is missing: shared/ must be beside the checkout", from.display());
    let to = into.join(name);
    std::fs::copy(&from, &to).expect("copy reference");
    to
}

/// Runs the command into `site`, returning the outcome and its output.
fn run(site: &TempSite, files: &[PathBuf], agency: &str, tweak: impl FnOnce(&mut Options)) -> (Outcome, String) {
    let mut opts = Options { agency: Some(agency.into()), ..Options::default() };
    tweak(&mut opts);
    let mut out = Vec::new();
    let outcome = import(site.path(), files, &opts, &mut out).expect("import runs");
    (outcome, String::from_utf8(out).expect("utf-8 output"))
}

/// Parses a report file as `check` does.
fn parse(path: &Path, agency: &str) -> Report {
    let text = std::fs::read_to_string(path).expect("read report");
    let mut diags = Vec::new();
    parse_report(&Arc::new(path.to_path_buf()), &text, agency, &Forms::builtin(), &mut diags)
        .map(|loaded| loaded.report)
        .unwrap_or_else(|| panic!("{} does not parse: {diags:?}\n{text}", path.display()))
}

/// Every cell of every table: same value, same given/blank status.
fn same_tables(got: &Report, want: &Report) {
    assert_eq!(got.form.id, want.form.id);
    for (t, spec) in want.form.tables.iter().enumerate() {
        assert_eq!(got.tables[t].given, want.tables[t].given, "table {}", spec.key);
        for r in 0..spec.row_leaves.len() {
            for c in 0..spec.col_leaves.len() {
                let (g, w) = (got.tables[t].cell(r, c), want.tables[t].cell(r, c));
                let place = format!("{}.{}.{}", spec.key, spec.row_leaves[r].id, spec.col_leaves[c].id);
                assert_eq!((&g.value, g.source), (&w.value, w.source), "{place}");
            }
        }
    }
}

/// The narrative by section: each heading with its text, whitespace removed.
fn sections(body: &str) -> Vec<(String, String)> {
    let mut out = vec![(String::new(), String::new())];
    for line in body.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            out.push((h.trim().to_owned(), String::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.extend(line.chars().filter(|c| !c.is_whitespace()));
        }
    }
    out
}

/// The Markdown body of a report file.
fn body(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("read");
    let split = gongkai::parse::split_front_matter(&text).expect("front matter");
    text[split.body..].to_owned()
}

/// Imports a reference text and compares it with the example report.
fn reference_equals_example(file: &str, agency: &str, year: i32) {
    let site = TempSite::new();
    let src = reference(file, site.path());
    let (outcome, out) = run(&site, &[src], agency, |_| {});
    assert_eq!(outcome.failed, 0, "{out}");
    assert!(out.contains("0 个未入表"), "{out}");
    let got = site.path().join(format!("content/reports/{agency}/{year}.md"));
    let want = repo().join(format!("content/reports/{agency}/{year}.md"));
    same_tables(&parse(&got, agency), &parse(&want, agency));
    assert_eq!(sections(&body(&got)), sections(&body(&want)), "{out}");
    let yaml =
        std::fs::read_to_string(site.path().join(format!("content/reports/{agency}/agency.yaml"))).expect("agency");
    let example =
        std::fs::read_to_string(repo().join(format!("content/reports/{agency}/agency.yaml"))).expect("agency");
    for line in ["name:", "kind:"] {
        let pick = |s: &str| {
            s.lines().find(|l| l.starts_with(line)).map(|l| l.split('#').next().unwrap_or("").trim().to_owned())
        };
        assert_eq!(pick(&yaml), pick(&example), "{yaml}");
    }
    assert!(out.contains("导入后检查"), "{out}");
}

#[test]
fn baibu_2020_text_gives_the_example_report() {
    reference_equals_example("baibu-2020.txt", "baibu", 2020);
}

#[test]
fn huaian_2024_pdf_text_gives_the_example_report() {
    reference_equals_example("huaian-2024.txt", "huaian", 2024);
}

#[test]
fn built_pages_import_back_to_the_same_tables() {
    let example = TempSite::example();
    let site = gongkai::site::Site::load(example.path()).expect("load");
    let public = example.path().join("public");
    gongkai::cmd::build::build(&site, &public).expect("build");
    for (agency, year) in [("baibu", 2020), ("huaian", 2024)] {
        let target = TempSite::new();
        let page = public.join(format!("reports/{agency}/{year}/index.html"));
        let (outcome, out) = run(&target, &[page], agency, |_| {});
        assert_eq!(outcome.failed, 0, "{out}");
        let got = target.path().join(format!("content/reports/{agency}/{year}.md"));
        let want = repo().join(format!("content/reports/{agency}/{year}.md"));
        same_tables(&parse(&got, agency), &parse(&want, agency));
        // The page's own notes (表格说明) read like an opening sentence; the
        // report's opening follows them, and every section is as written.
        let (got, want) = (sections(&body(&got)), sections(&body(&want)));
        assert!(got[0].1.ends_with(&want[0].1), "{out}");
        assert_eq!(got[1..], want[1..], "{out}");
    }
}

/// Checks the Word-exported GBK page fixture's import.
fn check_town(site: &TempSite, out: &str) {
    let path = site.path().join("content/reports/shili/2023.md");
    let r = parse(&path, "shili");
    let text = std::fs::read_to_string(&path).expect("read");
    let cell = |t: &str, row: &str, col: &str| {
        let (spec, data) = r.table(t).expect("table");
        let c = data.cell(spec.row(row).expect("row"), spec.col(col).expect("col"));
        (c.value.to_string(), c.source)
    };
    assert_eq!(r.published.map(|d| d.to_string()).as_deref(), Some("2024-01-18"), "{text}");
    assert_eq!(r.title.as_deref(), Some("示例镇人民政府2023年政府信息公开工作年度报告"));
    assert_eq!(cell("regulations", "normative", "in_force"), ("12".into(), Source::Given), "{text}");
    assert_eq!(cell("licensing", "permit", "decisions"), ("0".into(), Source::Blank), "{text}");
    assert_eq!(cell("enforcement", "penalty", "decisions"), ("1024".into(), Source::Given));
    assert!(text.contains("missing_in_original: [fees]"), "{text}");
    assert_eq!(cell("applications", "new", "natural"), ("5".into(), Source::Given));
    assert_eq!(cell("applications", "granted", "total"), ("4".into(), Source::Given));
    assert_eq!(cell("applications", "denied_1", "natural"), ("0".into(), Source::Given));
    assert_eq!(cell("applications", "denied_4", "natural"), ("0".into(), Source::Blank));
    assert_eq!(cell("applications", "denied_4", "research"), ("0".into(), Source::Given));
    assert_eq!(cell("applications", "other_3", "natural"), ("0".into(), Source::Given));
    assert_eq!(cell("applications", "carried_out", "total"), ("1".into(), Source::Given));
    assert_eq!(cell("appeals", "cases", "review.upheld"), ("1".into(), Source::Given));
    assert!(text.contains("**（一）主动公开情况。**2023年，本镇主动公开信息120条。"), "{text}");
    assert!(text.contains("- 完善公开目录\n- 更新公开指南"), "{text}");
    assert!(!text.contains("版权所有") && !text.contains("浏览次数"), "{text}");
    assert!(out.contains("未导入") && out.contains("T3-BLANK"), "{out}");
    let agency = std::fs::read_to_string(site.path().join("content/reports/shili/agency.yaml")).expect("agency");
    assert!(agency.contains("name: 示例镇人民政府") && agency.contains("kind: 乡镇") && agency.contains("\"310000\""));
}

#[test]
fn word_exported_gbk_page_without_charset() {
    let site = TempSite::new();
    let src = repo().join("tests/fixtures/import/town-2023-word-gbk.html");
    assert!(std::str::from_utf8(&std::fs::read(&src).expect("fixture")).is_err(), "the fixture must stay GBK");
    let (outcome, out) = run(&site, &[src], "shili", |_| {});
    assert_eq!(outcome.failed, 0, "{out}");
    check_town(&site, &out);
}

#[test]
fn gb2312_page_with_charset_declaration() {
    let site = TempSite::new();
    let mut bytes = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">".to_vec();
    bytes.extend(std::fs::read(repo().join("tests/fixtures/import/town-2023-word-gbk.html")).expect("fixture"));
    let src = site.path().join("report.htm");
    std::fs::write(&src, bytes).expect("write");
    let (outcome, out) = run(&site, &[src], "shili", |_| {});
    assert_eq!(outcome.failed, 0, "{out}");
    check_town(&site, &out);
}

/// A paragraph of WordprocessingML.
fn w_p(text: &str, list: bool) -> String {
    let num = if list { "<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>" } else { "" };
    format!("<w:p>{num}<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>", text.replace('&', "&amp;"))
}

/// A table cell: its text, gridSpan, and vMerge (`Some(true)` restart, `Some(false)` continue).
fn w_tc(text: &str, span: usize, merge: Option<bool>) -> String {
    let span = if span > 1 { format!("<w:gridSpan w:val=\"{span}\"/>") } else { String::new() };
    let merge = match merge {
        Some(true) => "<w:vMerge w:val=\"restart\"/>",
        Some(false) => "<w:vMerge/>",
        None => "",
    };
    format!("<w:tc><w:tcPr>{span}{merge}</w:tcPr>{}</w:tc>", w_p(text, false))
}

/// A .docx made for this test: 2022 report of a made-up 街道, its 表三 laid
/// out from the form's row tree with merged label cells.
fn docx(values: &dyn Fn(usize, usize) -> String) -> Vec<u8> {
    let forms = Forms::builtin();
    let form = forms.for_year(2022).expect("form");
    let spec = &form.tables[form.table("applications").expect("t3")];
    let mut t3 = String::from("<w:tbl>");
    let mut prev: Vec<String> = Vec::new();
    for (r, leaf) in spec.row_leaves.iter().enumerate() {
        t3.push_str("<w:tr>");
        let depth = leaf.path.len();
        for (k, label) in leaf.path.iter().enumerate() {
            let span = if k + 1 == depth { 3 - k } else { 1 };
            let merge = if k + 1 < depth { Some(prev.get(k) != Some(label)) } else { None };
            let text = if merge == Some(false) { "" } else { label.as_str() };
            t3.push_str(&w_tc(text, span, merge));
        }
        for c in 0..spec.col_leaves.len() {
            t3.push_str(&w_tc(&values(r, c), 1, None));
        }
        t3.push_str("</w:tr>");
        prev = leaf.path.clone();
    }
    t3.push_str("</w:tbl>");
    let row = |cells: &[&str]| format!("<w:tr>{}</w:tr>", cells.iter().map(|c| w_tc(c, 1, None)).collect::<String>());
    let t2 = format!(
        "<w:tbl><w:tr>{}</w:tr>{}{}{}<w:tr>{}</w:tr>{}<w:tr>{}</w:tr>{}{}<w:tr>{}</w:tr>{}</w:tbl>",
        w_tc("第二十条第（一）项", 4, None),
        row(&["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]),
        row(&["规章", "0", "0", "0"]),
        row(&["行政规范性文件", "2", "0", "7"]),
        w_tc("第二十条第（五）项", 2, None),
        row(&["行政许可", "15"]),
        w_tc("第二十条第（六）项", 2, None),
        row(&["行政处罚", "4"]),
        row(&["行政强制", "0"]),
        w_tc("第二十条第（八）项", 2, None),
        row(&["行政事业性收费", "0.5"]),
    );
    let t4 = format!(
        "<w:tbl>{}{}</w:tbl>",
        row(&["行政复议", "", "", "", "", "行政诉讼"]),
        row(&["0", "0", "0", "0", "0", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"])
    );
    let body = [
        w_p("示例街道办事处2022年政府信息公开工作年度报告", false),
        w_p("一、总体情况", false),
        w_p("（一）主动公开情况。全年主动公开信息 36 条。", false),
        w_p("健全公开制度", true),
        w_p("二、主动公开政府信息情况", false),
        t2,
        w_p("三、收到和处理政府信息公开申请情况", false),
        t3,
        w_p("四、政府信息公开行政复议、行政诉讼情况", false),
        t4,
        w_p("五、存在的主要问题及改进情况", false),
        w_p("公开质量仍需提高。", false),
        w_p("六、其他需要报告的事项", false),
        w_p("无。", false),
    ]
    .concat();
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("word/document.xml", opts).expect("zip");
    zip.write_all(xml.as_bytes()).expect("zip");
    zip.finish().expect("zip").into_inner()
}

#[test]
fn docx_with_merged_cells() {
    let site = TempSite::new();
    let values = |r: usize, c: usize| if r == 3 && c == 1 { String::new() } else { ((r * 3 + c) % 5).to_string() };
    let src = site.path().join("示例街道2022.docx");
    std::fs::write(&src, docx(&values)).expect("write docx");
    let (outcome, out) = run(&site, &[src], "shili-jd", |_| {});
    assert_eq!(outcome.failed, 0, "{out}");
    let path = site.path().join("content/reports/shili-jd/2022.md");
    let r = parse(&path, "shili-jd");
    let (spec, data) = r.table("applications").expect("t3");
    for row in 0..spec.row_leaves.len() {
        for col in 0..spec.col_leaves.len() {
            let cell = data.cell(row, col);
            let want = values(row, col);
            if want.is_empty() {
                assert_eq!(cell.source, Source::Blank, "{row} {col}");
            } else {
                assert_eq!((cell.value.to_string(), cell.source), (want, Source::Given), "{row} {col}");
            }
        }
    }
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains("fees: 0.5") && text.contains("permit: 15"), "{text}");
    assert!(text.replace(' ', "").contains("direct:[1,0,0,0,1]"), "{text}");
    assert!(text.contains("- 健全公开制度") && text.contains("## 六、其他需要报告的事项"), "{text}");
    let agency = std::fs::read_to_string(site.path().join("content/reports/shili-jd/agency.yaml")).expect("agency");
    assert!(agency.contains("kind: 街道"), "{agency}");
}

/// A copied text whose 表三 has a row no form row matches.
const STRAY: &str = "示例乡人民政府2021年政府信息公开工作年度报告\n一、总体情况\n本年度工作有序开展。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2\n（八）其他情形 | 1 | 0 | 0 | 0 | 0 | 0 | 1\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n";

#[test]
fn unplaced_figures_refuse_the_import_unless_forced() {
    let site = TempSite::new();
    let src = site.path().join("stray.txt");
    std::fs::write(&src, STRAY).expect("write");
    let report = site.path().join("content/reports/shili-xiang/2021.md");
    let (outcome, out) = run(&site, std::slice::from_ref(&src), "shili-xiang", |_| {});
    assert_eq!(outcome.failed, 1, "{out}");
    assert!(out.contains("未入表  1：没有与“（八）其他情形”对应的表格行"), "{out}");
    assert!(!report.exists(), "nothing is written when a figure is unplaced");
    let (outcome, out) = run(&site, std::slice::from_ref(&src), "shili-xiang", |o| o.dry_run = true);
    assert!(!report.exists() && outcome.written.is_empty(), "{out}");
    let (outcome, out) = run(&site, std::slice::from_ref(&src), "shili-xiang", |o| o.force = true);
    assert_eq!(outcome.failed, 0, "{out}");
    let text = std::fs::read_to_string(&report).expect("written with --force");
    assert!(text.contains("missing_in_original: [regulations, licensing, enforcement, fees, appeals]"), "{text}");
    assert!(text.replace(' ', "").contains("new:[2,0,0,0,0,0,2]"), "{text}");
    let (outcome, out) = run(&site, &[src], "shili-xiang", |o| o.force = true);
    assert_eq!(outcome.failed, 1, "{out}");
    assert!(out.contains("已存在"), "{out}");
    assert_eq!(std::fs::read_to_string(&report).expect("read"), text, "never overwritten");
}

/// A short 2021-form report as copied text: 表二's first table with its
/// columns printed in another order, and a row label broken and bracketed differently.
fn short_report(year: i32) -> String {
    format!(
        "示例乡人民政府{year}年政府信息公开工作年度报告\n一、总体情况\n本年度工作有序开展。\n二、主动公开政府信息情况\n[表] 第二十条第(一)项\n信息内容 | 本年废止件数 | 现行有效件数 | 本年制发件数\n规章 | 0 | 0 | 0\n行政规范性文件 | 4 | 20 | 6\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2\n三、本年度办理结果 / (一)予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2\n(七)总计 | 2 | 0 | 0 | 0 | 0 | 0 | 2\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n"
    )
}

#[test]
fn a_folder_of_years_with_columns_in_another_order() {
    let site = TempSite::new();
    let dir = site.path().join("下载");
    std::fs::create_dir_all(&dir).expect("mkdir");
    for year in [2022, 2023] {
        std::fs::write(dir.join(format!("{year}.txt")), short_report(year)).expect("write");
    }
    let (outcome, out) = run(&site, &[dir], "shili-xiang", |_| {});
    assert_eq!((outcome.failed, outcome.written.len()), (0, 3), "{out}");
    for year in [2022, 2023] {
        let r = parse(&site.path().join(format!("content/reports/shili-xiang/{year}.md")), "shili-xiang");
        let (spec, data) = r.table("regulations").expect("t2");
        let row = spec.row("normative").expect("row");
        let got: Vec<String> = (0..3).map(|c| data.cell(row, c).value.to_string()).collect();
        assert_eq!(got, ["6", "4", "20"], "issued, repealed, in force: {out}");
        let (spec, data) = r.table("applications").expect("t3");
        assert_eq!(data.cell(spec.row("granted").expect("row"), 0).value.to_string(), "2");
        assert_eq!(data.cell(spec.row("total").expect("row"), 6).value.to_string(), "2");
    }
}

#[test]
fn a_described_agency_needs_no_agency_option() {
    let site = TempSite::example();
    std::fs::remove_file(site.path().join("content/reports/baibu/2020.md")).expect("remove");
    let src = reference("baibu-2020.txt", site.path());
    let mut out = Vec::new();
    let outcome = import(site.path(), std::slice::from_ref(&src), &Options::default(), &mut out).expect("runs");
    let out = String::from_utf8(out).expect("utf-8");
    assert_eq!(outcome.failed, 0, "{out}");
    let got = site.path().join("content/reports/baibu/2020.md");
    same_tables(&parse(&got, "baibu"), &parse(&repo().join("content/reports/baibu/2020.md"), "baibu"));
    // An agency the site does not describe needs its folder name.
    let other = site.path().join("stray.txt");
    std::fs::write(&other, short_report(2022)).expect("write");
    let mut out = Vec::new();
    let outcome = import(site.path(), &[other], &Options::default(), &mut out).expect("runs");
    let out = String::from_utf8(out).expect("utf-8");
    assert_eq!(outcome.failed, 1, "{out}");
    assert!(out.contains("站点中还没有“示例乡人民政府”") && out.contains("--agency"), "{out}");
}

#[test]
fn a_site_form_variant_is_matched_by_its_own_labels() {
    let site = TempSite::new();
    let variant = include_str!("../../src/forms/cn-2021.json")
        .replacen("\"id\": \"cn-2021\",", "\"id\": \"zj-2021\", \"applies_to\": {\"agencies\": [\"shili-xiang\"]},", 1)
        .replacen("\"label\": \"行政许可\"", "\"label\": \"行政许可决定\"", 1);
    assert!(variant.contains("行政许可决定") && variant.contains("zj-2021"));
    site.write("forms/zj-2021.json", variant);
    let text = short_report(2022).replace(
        "[表] 第二十条第(一)项",
        "[表] 第二十条第（五）项\n信息内容 | 本年处理决定数量\n行政许可决定 | 9\n[表] 第二十条第(一)项",
    );
    let src = site.path().join("variant.txt");
    std::fs::write(&src, text).expect("write");
    let (outcome, out) = run(&site, &[src], "shili-xiang", |_| {});
    assert_eq!(outcome.failed, 0, "{out}");
    assert!(out.contains("入表  licensing.permit：9"), "{out}");
}

#[test]
fn pdf_text_with_spaces_between_cells_gives_the_same_tables() {
    let site = TempSite::new();
    let src = reference("huaian-2024.txt", site.path());
    let spaced = std::fs::read_to_string(&src).expect("read").replace(" | ", "   ").replace("）| ", "）   ");
    std::fs::write(&src, spaced).expect("write");
    let (outcome, out) = run(&site, &[src], "huaian", |_| {});
    assert_eq!(outcome.failed, 0, "{out}");
    let got = site.path().join("content/reports/huaian/2024.md");
    same_tables(&parse(&got, "huaian"), &parse(&repo().join("content/reports/huaian/2024.md"), "huaian"));
}

#[test]
fn the_command_line_exit_codes() {
    let site = TempSite::new();
    let good = site.path().join("good.txt");
    std::fs::write(&good, short_report(2022)).expect("write");
    let stray = site.path().join("stray.txt");
    std::fs::write(&stray, STRAY).expect("write");
    let good = good.to_string_lossy().into_owned();
    let (code, out, err) = site.run(&["import", &good, "--agency", "shili-xiang", "--dry-run"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("试运行") && out.contains("将写入"), "{out}");
    assert!(!site.path().join("content").exists(), "a dry run writes nothing");
    let (code, out, err) = site.run(&["import", &good, "--agency", "shili-xiang"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("已写入") && out.contains("导入后检查"), "{out}");
    let (code, out, _) = site.run(&["import", &stray.to_string_lossy(), "--agency", "shili-xiang"]);
    assert_eq!(code, 1, "{out}");
    let (code, _, err) = site.run(&["import", &good, "--agency", "Bad Slug"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn every_line_of_import_is_in_the_chosen_language() {
    let site = TempSite::new();
    let good = site.path().join("good.txt");
    std::fs::write(&good, short_report(2022)).expect("write");
    let good = good.to_string_lossy().into_owned();
    let (code, zh, err) = site.run(&["import", &good, "--agency", "shili-xiang", "--dry-run"]);
    assert_eq!(code, 0, "{zh}{err}");
    for line in [
        "（试运行 --dry-run：以下内容不会写入）",
        "导入 ",
        "数字去向（每个数字：入表 / 正文 / 未入表 / 未导入）：",
        "将写入 ",
    ] {
        assert!(zh.contains(line), "{line:?} in {zh}");
    }
    assert!(zh.lines().any(|l| l.starts_with("共 ") && l.contains("个入表，") && l.contains("个未导入")), "{zh}");
    let (code, en, err) = site.run(&["--lang", "en", "import", &good, "--agency", "shili-xiang", "--dry-run"]);
    assert_eq!(code, 0, "{en}{err}");
    for line in
        ["(dry run --dry-run: nothing below is written)", "importing ", "where the figures went", "would write "]
    {
        assert!(en.contains(line), "{line:?} in {en}");
    }
    assert!(en.lines().any(|l| l.contains(" placed, ") && l.contains(" not imported")), "{en}");
    assert!(!en.contains("数字去向") && !en.contains("试运行"), "{en}");
    // The same placement, figure for figure: only the words differ.
    let figures = |out: &str| out.lines().filter(|l| l.starts_with("  ")).count();
    assert_eq!(figures(&zh), figures(&en));
    let (code, _, err) = site.run(&["import", &good, "--agency", "Bad Slug"]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(err, "错误：--agency 应为机构文件夹名（小写英文字母、数字和 -，如 `baibu`）\n");
    let pdf = site.path().join("a.pdf");
    std::fs::write(&pdf, "%PDF-1.7 ...").expect("write");
    let (code, out, _) = site.run(&["import", &pdf.to_string_lossy(), "--agency", "shili-xiang"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("错误：不支持PDF 文件：请在 Word 中另存为 .docx"), "{out}");
}
