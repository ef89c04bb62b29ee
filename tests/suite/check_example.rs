//! The example site: checks clean, and every figure of tables 三 and 四 is guarded.

use crate::fixture::{TempSite, errors, repo};
use gongkai::site::Site;

#[test]
fn the_example_site_has_exactly_the_expected_warning() {
    let site = Site::load(&repo()).expect("loads");
    let found: Vec<String> = site
        .diags
        .iter()
        .map(|d| {
            format!(
                "{} {} {}:{}",
                d.severity.as_str(),
                d.code,
                d.file.strip_prefix(repo()).unwrap_or(&d.file).display(),
                d.pos.line
            )
        })
        .collect();
    assert_eq!(found, ["warning FMT-SECT content/reports/baibu/2020.md:84"], "{:#?}", site.diags);
    assert_eq!(site.content.reports.len(), 2);
}

#[test]
fn the_cli_exits_zero_and_prints_the_warning_on_its_line() {
    let site = TempSite::example();
    let (code, out, _) = site.run(&["check"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("警告[FMT-SECT]：第五部分“存在的主要问题及改进情况”缺少序号“五、”"), "{out}");
    assert!(out.contains("--> content/reports/baibu/2020.md:84:4"), "{out}");
    assert!(out.contains("共检查 2 份年报（2 个机构）、7 份文件：0 个错误，1 个警告"), "{out}");
    let (code, _, _) = site.run(&["check", "--deny-warnings"]);
    assert_eq!(code, 1);
}

/// Raises each figure of the `applications` and `appeals` tables by one, one
/// at a time, and expects an error whose place or related places include the
/// changed line.
fn every_figure_is_guarded(report: &str) {
    let path = repo().join(report);
    let original = std::fs::read_to_string(&path).expect("read");
    let lines: Vec<&str> = original.lines().collect();
    let mut in_table = false;
    let mut mutations = 0;
    let site = TempSite::example();
    for (i, line) in lines.iter().enumerate() {
        if !line.starts_with(' ') {
            in_table = line.starts_with("applications:") || line.starts_with("appeals:");
            continue;
        }
        if !in_table {
            continue;
        }
        let code = line.split('#').next().unwrap_or("");
        let Some(open) = code.find('[') else { continue };
        let close = code.find(']').expect("closing bracket");
        let mut offset = open + 1;
        for item in code[open + 1..close].split(',') {
            let lead = item.len() - item.trim_start().len();
            let value: i64 = item.trim().parse().expect("number");
            let start = offset + lead;
            let end = start + item.trim().len();
            let mut changed = lines.clone();
            let new_line = format!("{}{}{}", &line[..start], value + 1, &line[end..]);
            changed[i] = &new_line;
            site.write(report, changed.join("\n") + "\n");
            let checked = site.check();
            let line_no = i as u32 + 1;
            let hit = errors(&checked)
                .iter()
                .any(|d| d.pos.line == line_no || d.related.iter().any(|r| r.pos.line == line_no));
            assert!(
                hit,
                "raising `{}` on line {line_no} of {report} to {} is not caught: {:#?}",
                item.trim(),
                value + 1,
                checked.diags
            );
            mutations += 1;
            offset += item.len() + 1;
        }
    }
    assert!(mutations >= 23 * 7 + 15, "only {mutations} figures found");
}

#[test]
fn every_figure_of_baibu_tables_three_and_four_is_guarded() {
    every_figure_is_guarded("content/reports/baibu/2020.md");
}

#[test]
fn every_figure_of_huaian_tables_three_and_four_is_guarded() {
    every_figure_is_guarded("content/reports/huaian/2024.md");
}
