//! Bad input: each gets a clear, positioned diagnostic and exit 1, never a panic.

use crate::fixture::{TempSite, report_2021, tables_2021, unbalanced};

/// (name, file contents, expected code, expected line (0: none), text the message or help must contain)
fn cases() -> Vec<(&'static str, Vec<u8>, &'static str, u32, &'static str)> {
    let good = report_2021(2024, &tables_2021(0, 3, 0), "");
    vec![
        (
            "malformed yaml",
            b"---\nyear: 2024\napplications:\n  new: [3, 0\n---\n".to_vec(),
            "IN-YAML",
            5,
            "YAML 语法错误",
        ),
        (
            "unknown key",
            good.replace("  carried_in:", "  carried_im:").into_bytes(),
            "IN-KEY",
            15,
            "是不是 `carried_in`？",
        ),
        (
            "wrong type",
            good.replace("  new: [3, 0, 0, 0, 0, 0, 3]", "  new: {natural: abc}").into_bytes(),
            "IN-TYPE",
            14,
            "这里应是数字，却写了 `abc`",
        ),
        (
            "list for a map",
            b"---\nyear: 2024\napplications: [1, 2]\n---\n".to_vec(),
            "IN-TYPE",
            3,
            "应写成若干 `key: value` 行",
        ),
        (
            "negative count",
            good.replace("  new: [3, 0, 0, 0, 0, 0, 3]", "  new: [-3, 0, 0, 0, 0, 0, 3]").into_bytes(),
            "T3-INT",
            14,
            "件数不能是负数",
        ),
        (
            "full-width digit",
            good.replace("  new: [3, 0, 0, 0, 0, 0, 3]", "  new: [３, 0, 0, 0, 0, 0, 3]").into_bytes(),
            "IN-NUMBER",
            14,
            "改为半角数字：`3`",
        ),
        (
            "separators",
            good.replace("  permit: 0", "  permit: 1,054,900").into_bytes(),
            "IN-NUMBER",
            7,
            "去掉分位符，写成 `1054900`",
        ),
        (
            "wrong number of values",
            good.replace("  new: [3, 0, 0, 0, 0, 0, 3]", "  new: [3, 0, 3]").into_bytes(),
            "IN-SHAPE",
            14,
            "写了 3 个值",
        ),
        (
            "no front matter",
            "一、总体情况\n今年以来……\n".as_bytes().to_vec(),
            "IN-FRONTMATTER",
            1,
            "文件开头没有文件头",
        ),
        ("unclosed front matter", b"---\nyear: 2024\n".to_vec(), "IN-FRONTMATTER", 1, "文件头没有结束"),
        ("no year", b"---\ntitle: x\n---\n".to_vec(), "IN-MISSING", 2, "文件头没有 `year:`"),
        ("empty file", b"".to_vec(), "IN-EMPTY", 0, "文件是空的"),
        ("binary file", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), "IN-BINARY", 0, "不是文本文件"),
        (
            "gbk file",
            [b"---\nyear: 2024\ntitle: ".as_slice(), b"\xC4\xEA\xB6\xC8\xB1\xA8\xB8\xE6", b"\n---\n"].concat(),
            "IN-ENCODING",
            3,
            "iconv -f GB18030 -t UTF-8",
        ),
        ("utf-16 file", b"\xFF\xFE-\0-\0-\0\n\0".to_vec(), "IN-ENCODING", 1, "UTF-16"),
        ("year not a number", "---\nyear: 二〇二四\n---\n".as_bytes().to_vec(), "IN-TYPE", 2, "四位数的年份"),
        (
            "misspelt date",
            b"---\nyear: 2024\npublished: 2025/1/20\n---\n".to_vec(),
            "IN-DATE",
            3,
            "`published: 2025-01-20`",
        ),
        (
            "table of another form",
            b"---\nyear: 2024\nprocurement:\n  central: [1, 1\xE5\x85\x83]\n---\n".to_vec(),
            "FMT-VER",
            3,
            "属于格式 `cn-2019`",
        ),
        ("form for the wrong year", b"---\nyear: 2024\nform: cn-2019\n---\n".to_vec(), "FMT-VER", 3, "适用于 2019"),
        ("unknown form", b"---\nyear: 2024\nform: cn-2012\n---\n".to_vec(), "IN-FORM", 3, "没有 `cn-2012` 这个格式"),
        ("duplicate key", b"---\nyear: 2024\nyear: 2023\n---\n".to_vec(), "IN-YAML", 3, "字段 `year` 写了两次"),
        (
            "year differs from file name",
            good.replace("year: 2024", "year: 2023").into_bytes(),
            "IN-PATH",
            2,
            "文件名是 2024.md",
        ),
    ]
}

#[test]
fn every_bad_input_gets_a_positioned_error_and_exit_1() {
    for (name, bytes, code, line, text) in cases() {
        let site = TempSite::new();
        site.agency("town", "乡镇");
        site.write("content/reports/town/2024.md", &bytes);
        // A second, valid report with an error of its own must still be checked.
        site.agency("other", "部门");
        site.write("content/reports/other/2024.md", report_2021(2024, &unbalanced(), ""));
        let (exit, out, err) = site.run(&["check", "--format", "json"]);
        assert_eq!(exit, 1, "{name}: exit {exit}\n{out}\n{err}");
        let diags: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).expect("json line")).collect();
        let hit =
            diags.iter().find(|d| d["code"] == code && d["file"].as_str().is_some_and(|f| f.ends_with("town/2024.md")));
        let hit = hit.unwrap_or_else(|| panic!("{name}: no {code} in {out}"));
        assert_eq!(hit["severity"], "error", "{name}");
        if line > 0 {
            assert_eq!(hit["line"], line, "{name}: {hit}");
        }
        let all = format!("{} {}", hit["message"], hit["help"]);
        assert!(all.contains(text), "{name}: `{text}` not in {all}");
        assert!(
            diags
                .iter()
                .any(|d| d["code"] == "T3-KJ" && d["file"].as_str().is_some_and(|f| f.ends_with("other/2024.md"))),
            "{name}: the other report was not checked: {out}"
        );
    }
}

#[test]
fn bom_and_crlf_simply_work() {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    let text = report_2021(2024, &tables_2021(0, 3, 0), "本年度未收取信息处理费，无其他需要报告的事项。\n")
        .replace('\n', "\r\n");
    site.write("content/reports/town/2024.md", [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat());
    let checked = site.check();
    // Sections 一 and 五 left empty are perfunctory (TXT-THIN): another matter.
    let found: Vec<_> = checked.diags.iter().filter(|d| d.code != "TXT-THIN").collect();
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn two_reports_for_one_year_are_both_refused() {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    let text = report_2021(2024, &tables_2021(0, 3, 0), "");
    site.write("content/reports/town/2024.md", &text).write("content/reports/town/2024-revised.md", &text);
    let checked = site.check();
    let dup = crate::fixture::with_code(&checked, "IN-DUP");
    assert_eq!(dup.len(), 1, "{:#?}", checked.diags);
    assert_eq!(dup[0].related.len(), 1);
    assert!(checked.content.reports.is_empty());
}

#[test]
fn misplaced_files_and_undescribed_agencies_are_reported() {
    let site = TempSite::new();
    let text = report_2021(2024, &tables_2021(0, 3, 0), "");
    site.write("content/reports/2024.md", &text);
    site.write("content/reports/Bad Name/2024.md", &text);
    site.write("content/reports/nobody/2024.md", &text);
    site.write("content/reports/nobody/2024.md~", "backup files are ignored");
    site.write("content/reports/nobody/.#2024.md", "lock files are ignored");
    let checked = site.check();
    let codes: Vec<&str> = checked.diags.iter().map(|d| d.code.as_ref()).collect();
    assert_eq!(codes.iter().filter(|c| **c == "IN-PATH").count(), 2, "{codes:?}");
    assert_eq!(codes.iter().filter(|c| **c == "IN-AGENCY").count(), 1, "{codes:?}");
}

#[test]
fn bad_agency_files_are_reported() {
    let site = TempSite::new();
    site.write("content/reports/town/agency.yaml", "name: 某镇\nkind: 村\nparnt: x\n");
    site.write("content/reports/town/2024.md", report_2021(2024, &tables_2021(0, 3, 0), ""));
    let checked = site.check();
    let msgs: Vec<String> = checked.diags.iter().map(|d| format!("{} {} {:?}", d.code, d.message, d.help)).collect();
    assert!(msgs.iter().any(|m| m.contains("IN-AGENCY 没有「村」这种机构类别")), "{msgs:#?}");
    assert!(
        msgs.iter().any(|m| m.contains("IN-KEY 机构文件里没有 `parnt` 这个字段") && m.contains("是不是 `parent`？")),
        "{msgs:#?}"
    );
}

#[test]
fn a_site_that_cannot_be_checked_exits_2() {
    let site = TempSite::new();
    std::fs::remove_file(site.path().join("site.toml")).expect("rm");
    let (exit, _, err) = site.run(&["check"]);
    assert_eq!(exit, 2, "{err}");
    assert!(err.contains("site.toml"), "{err}");
    let site = TempSite::new();
    site.write("forms/broken.json", "{ \"id\": \"x\" ");
    let (exit, _, err) = site.run(&["check"]);
    assert_eq!(exit, 2, "{err}");
    assert!(err.contains("broken.json:1:"), "{err}");
}

#[test]
fn human_output_shows_the_snippet_and_related_cells() {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    site.write("content/reports/town/2024.md", report_2021(2024, &unbalanced(), ""));
    let (exit, out, _) = site.run(&["check"]);
    assert_eq!(exit, 1);
    assert!(
        out.contains(
            "错误[T3-KJ]：表三「自然人」列：一 + 二 = 三（七）+ 四 不成立：左边 3 + 0 = 3，右边 3 + 1 = 4，相差 1"
        ),
        "{out}"
    );
    assert!(out.contains("--> content/reports/town/2024.md:14:9"), "{out}");
    assert!(out.contains("^ 「一、本年新收政府信息公开申请数量」= 3"), "{out}");
    assert!(out.contains("- 「四、结转下年度继续办理」= 1"), "{out}");
}

#[test]
fn reloading_an_agencys_reports_keeps_the_agency_files_findings() {
    let site = TempSite::new();
    site.write("content/reports/town/agency.yaml", "name: 某镇\nkind: 乡镇\nparent: nowhere\n");
    site.write("content/reports/town/2024.md", report_2021(2024, &tables_2021(0, 3, 0), ""));
    let mut checked = site.check();
    assert_eq!(crate::fixture::with_code(&checked, "IN-AGENCY").len(), 1);
    // The preview re-reads only the agency's reports after an edit.
    checked.reload_agency("town");
    assert_eq!(crate::fixture::with_code(&checked, "IN-AGENCY").len(), 1, "{:#?}", checked.diags);
    assert_eq!(checked.content.reports.len(), 1);
}

/// The diagnostics of `check --format json` for one report file (town/2024.md).
fn findings(report: impl AsRef<[u8]>) -> Vec<serde_json::Value> {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    site.write("content/reports/town/2024.md", report);
    let (_, out, _) = site.run(&["check", "--format", "json"]);
    out.lines().map(|l| serde_json::from_str(l).expect("json line")).collect()
}

/// The one finding with `code`, or a failure listing them all.
fn the<'d>(diags: &'d [serde_json::Value], code: &str) -> &'d serde_json::Value {
    let hits: Vec<_> = diags.iter().filter(|d| d["code"] == code).collect();
    assert_eq!(hits.len(), 1, "one {code} in {diags:#?}");
    hits[0]
}

/// A balanced 2024 report (2021 form) whose front matter line `from` is written `to`.
fn edited(from: &str, to: &str) -> String {
    let good = report_2021(2024, &tables_2021(0, 3, 0), "");
    assert!(good.contains(from), "{from}");
    good.replacen(from, to, 1)
}

// Issue #10: full-width punctuation typed by a Chinese input method.

#[test]
fn a_full_width_colon_after_a_key_is_named_at_its_column_with_the_fix() {
    let diags = findings(edited("  permit: 0", "  permit：41"));
    let d = the(&diags, "IN-PUNCT");
    assert_eq!((d["severity"].as_str(), d["line"].as_u64(), d["column"].as_u64()), (Some("error"), Some(7), Some(9)));
    assert!(d["message"].as_str().is_some_and(|m| m.contains("全角冒号「：」")), "{d}");
    assert_eq!(d["help"], "改为半角冒号加空格：`permit: 41`");
    assert!(!diags.iter().any(|d| d["code"] == "IN-TYPE"), "no 'must be a map' as well: {diags:#?}");
}

#[test]
fn full_width_commas_in_a_list_are_named_with_the_corrected_list() {
    let diags = findings(edited("  new: [3, 0, 0, 0, 0, 0, 3]", "  new: [15，2，0]"));
    let d = the(&diags, "IN-PUNCT");
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(14), Some(11)), "at the first `，`");
    assert!(d["message"].as_str().is_some_and(|m| m.contains("全角逗号「，」")), "{d}");
    assert_eq!(d["help"], "改为半角标点：`[15, 2, 0]`");
    assert!(!diags.iter().any(|d| d["code"] == "IN-SHAPE"), "no 'has 1 values' as well: {diags:#?}");
}

#[test]
fn full_width_brackets_semicolons_and_parentheses_are_named_too() {
    let cases = [
        ("  new: 【3, 0, 0, 0, 0, 0, 3】", "「【】」", "`[3, 0, 0, 0, 0, 0, 3]`"),
        ("  new: [3；0；0；0；0；0；3]", "全角分号「；」", "`[3, 0, 0, 0, 0, 0, 3]`"),
        ("  new: （3，0，0，0，0，0，3）", "「（）」", "`[3, 0, 0, 0, 0, 0, 3]`"),
        ("  new：[3，0，0，0，0，0，3]", "全角冒号「：」", "`new: [3, 0, 0, 0, 0, 0, 3]`"),
    ];
    for (line, mark, fix) in cases {
        let diags = findings(edited("  new: [3, 0, 0, 0, 0, 0, 3]", line));
        let d = the(&diags, "IN-PUNCT");
        assert_eq!(d["line"], 14, "{line}");
        assert!(d["message"].as_str().is_some_and(|m| m.contains(mark)), "{line}: {d}");
        assert!(d["help"].as_str().is_some_and(|h| h.ends_with(fix)), "{line}: {d}");
    }
}

#[test]
fn full_width_digits_are_named_in_chinese_with_the_half_width_figure() {
    let diags = findings(edited("  permit: 0", "  permit: ４１"));
    let d = the(&diags, "IN-NUMBER");
    assert_eq!(d["message"], "「行政许可」行「本年处理决定数量」列：`４１` 用了全角数字");
    assert_eq!(d["help"], "改为半角数字：`41`");
}

#[test]
fn an_impossible_date_says_the_day_does_not_exist() {
    let diags = findings(edited("year: 2024\n", "year: 2024\npublished: 2026-02-30\n"));
    let d = the(&diags, "IN-DATE");
    assert_eq!((d["severity"].as_str(), d["line"].as_u64()), (Some("error"), Some(3)));
    assert_eq!(d["message"], "发布日期 2026-02-30 不存在：2026年2月没有30日");
    assert_eq!(d["help"], "2026年2月只有 28 天：改为实际的发布日期，如 `published: 2026-02-28`");
}

#[test]
fn a_row_written_without_indentation_is_pointed_under_its_table() {
    // The table's only row at column 1: YAML reads it as a key of the front matter.
    let only = edited(
        "applications:\n  new: [3, 0, 0, 0, 0, 0, 3]\n  carried_in: [0, 0, 0, 0, 0, 0, 0]\n  granted: [3, 0, 0, 0, 0, 0, 3]\n  total: [3, 0, 0, 0, 0, 0, 3]\n  carried_out: [0, 0, 0, 0, 0, 0, 0]\n",
        "applications:\nnew: [3, 0, 0, 0, 0, 0, 3]\n",
    );
    let diags = findings(only);
    let d = the(&diags, "IN-KEY");
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(14), Some(1)));
    assert!(d["message"].as_str().is_some_and(|m| m.contains("`new` 顶格写了") && m.contains("表三")), "{d}");
    assert!(d["help"].as_str().is_some_and(|h| h.starts_with("缩进两个空格，放到 `applications` 下")), "{d}");
    assert_eq!(d["related"][0]["line"], 13, "the table's key: {d}");
    // The first row at column 1 and the others indented: a YAML syntax error, explained.
    let diags = findings(edited("\n  new:", "\nnew:"));
    let d = the(&diags, "IN-YAML");
    assert_eq!(d["line"], 15, "where YAML stops: {d}");
    assert_eq!(
        d["help"],
        "第 14 行的 `new` 是表格 `applications` 的一行，却顶格写了：缩进两个空格，放到 `applications` 下"
    );
    assert_eq!((d["related"][0]["line"].as_u64(), d["related"][0]["column"].as_u64()), (Some(14), Some(1)));
}

#[test]
fn a_gbk_file_is_named_in_chinese_with_the_fix() {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    let gbk = [b"---\nyear: 2024\ntitle: ".as_slice(), b"\xC4\xEA\xB6\xC8\xB1\xA8\xB8\xE6", b"\n---\n"].concat();
    site.write("content/reports/town/2024.md", gbk);
    let (exit, out, _) = site.run(&["check"]);
    assert_eq!(exit, 1, "{out}");
    assert!(out.contains("错误[IN-ENCODING]：文件是 GBK/GB18030 编码，不是 UTF-8"), "{out}");
    assert!(out.contains("--> content/reports/town/2024.md:3:8"), "{out}");
    assert!(out.contains("帮助：用编辑器把文件另存为 UTF-8 编码"), "{out}");
    assert!(out.contains("`iconv -f GB18030 -t UTF-8 2024.md > 2024.md.utf8`"), "{out}");
}

#[test]
fn a_missing_table_is_pointed_at_where_it_belongs() {
    let huaian = std::fs::read_to_string(crate::fixture::repo().join("content/reports/huaian/2024.md")).expect("read");
    let start = huaian.find("appeals:\n").expect("table 四");
    let end = start + huaian[start..].find("---").expect("the fence");
    let without = format!("{}{}", &huaian[..start], &huaian[end..]);
    let diags = findings(without);
    let d = the(&diags, "IN-TABLE");
    let line = huaian[..huaian.find("\napplications:").expect("table 三") + 1].lines().count() as u64 + 1;
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(line), Some(1)), "at the table before it: {d}");
    assert_eq!(d["message"], "文件头缺少本格式的 1 张表：表四（`appeals`），应写在 `applications` 表之后");
    assert_eq!(d["label"], "缺少的表应加在这张表之后");
    // The first table missing: before the next one.
    let start = huaian.find("regulations:").expect("the first table");
    let end = start + huaian[start..].find("licensing:").expect("the second table");
    let without = format!("{}{}", &huaian[..start], &huaian[end..]);
    let d = findings(without).into_iter().find(|d| d["code"] == "IN-TABLE").expect("IN-TABLE");
    assert!(d["message"].as_str().is_some_and(|m| m.ends_with("应写在 `licensing` 表之前")), "{d}");
}

// Issue #11: blank and odd printed cells.

/// The findings about a balanced 2024 report whose line `from` is written
/// `to`, as (code, line, column, message), and the checked site.
fn checked_with(from: &str, to: &str) -> (Vec<(String, u32, u32, String)>, gongkai::site::Site) {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    site.write("content/reports/town/2024.md", edited(from, to));
    let checked = site.check();
    let found = checked.diags.iter().map(|d| (d.code.to_string(), d.pos.line, d.pos.col, d.message.clone())).collect();
    (found, checked)
}

/// The cell (row, column) of the 2024 report's table `table`, as (value, source).
fn cell(site: &gongkai::site::Site, table: &str, row: &str, col: &str) -> (String, gongkai::model::Source) {
    let report = &site.content.reports[0];
    let (spec, data) = report.table(table).expect("table");
    let c = data.cell(spec.row(row).expect("row"), spec.col(col).expect("col"));
    (c.value.to_string(), c.source)
}

#[test]
fn a_printed_dash_or_slash_is_a_blank_cell_exactly_like_a_tilde() {
    use gongkai::model::Source;
    let row = "  new: [3, 0, 0, 0, 0, 0, 3]";
    let (tilde, _) = checked_with(row, "  new: [3, ~, 0, 0, 0, 0, 3]");
    assert_eq!(tilde.len(), 1, "{tilde:#?}");
    assert_eq!(tilde[0].0, "T3-BLANK");
    assert!(tilde[0].3.contains("有 1 个单元格为空"), "{tilde:#?}");
    for mark in ["-", "\"—\"", "/", "—", "–", "／", "－", "——", "'-'", "\"/\"", "\"\""] {
        let (found, site) = checked_with(row, &format!("  new: [3, {mark}, 0, 0, 0, 0, 3]"));
        assert_eq!(found, tilde, "{mark}");
        assert_eq!(cell(&site, "applications", "new", "commercial"), ("0".into(), Source::Blank), "{mark}");
    }
    for (row, mark) in [("  permit: 0", "  permit: -"), ("  fees: 0", "  fees: —"), ("  permit: 0", "  permit: /")] {
        let (found, _) = checked_with(row, mark);
        assert_eq!(found.len(), 1, "{mark}: {found:#?}");
        assert!(found[0].0 == "T3-BLANK" && found[0].3.contains("有 1 个单元格为空"), "{mark}: {found:#?}");
    }
    // A dash that is a sign, or text, is still refused.
    let (found, _) = checked_with(row, "  new: [3, - 1, 0, 0, 0, 0, 3]");
    assert_eq!(found.first().map(|f| f.0.as_str()), Some("IN-YAML"), "{found:#?}");
    let (found, _) = checked_with(row, "  new: [3, —1, 0, 0, 0, 0, 3]");
    assert!(found.iter().any(|f| f.0 == "IN-TYPE"), "{found:#?}");
}

#[test]
fn a_blank_total_is_computed_like_a_left_out_one() {
    use gongkai::model::Source;
    let row = "  new: [3, 0, 0, 0, 0, 0, 3]";
    let (left_out, _) = checked_with(row, "  new: [3, 0, 0, 0, 0, 0]");
    assert_eq!(left_out.len(), 1, "{left_out:#?}");
    assert!(left_out[0].0 == "T3-BLANK" && left_out[0].3.contains("有 1 个总计未填写，已由各项相加得出"));
    for blank in ["~", "—", "-", "/"] {
        let (found, site) = checked_with(row, &format!("  new: [3, 0, 0, 0, 0, 0, {blank}]"));
        assert_eq!(found.len(), 1, "{blank}: no cascade of errors: {found:#?}");
        assert_eq!((found[0].0.as_str(), &found[0].3), ("T3-BLANK", &left_out[0].3), "{blank}");
        assert_eq!((found[0].1, found[0].2), (14, 27), "at the blank total");
        assert_eq!(cell(&site, "applications", "new", "total"), ("3".into(), Source::Computed));
    }
    // A whole 总计 row written blank, and a blank 总计 of 表四.
    let (found, site) = checked_with("  total: [3, 0, 0, 0, 0, 0, 3]", "  total: [~, ~, ~, ~, ~, ~, ~]");
    assert!(found.iter().all(|f| f.0 == "T3-BLANK"), "{found:#?}");
    assert!(found[0].3.contains("有 7 个总计未填写"), "{found:#?}");
    assert_eq!(cell(&site, "applications", "total", "natural"), ("3".into(), Source::Computed));
    let (found, _) = checked_with("  review: [0, 0, 0, 0, 0]", "  review: [1, 0, 0, 0, ~]");
    assert!(found.len() == 1 && found[0].3.contains("有 1 个总计未填写"), "{found:#?}");
}
