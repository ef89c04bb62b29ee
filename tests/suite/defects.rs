//! The defects evaluators look for beyond arithmetic: perfunctory sections,
//! a summary report against its children, jumps from last year, copies
//! across agencies, gaps in the series, the next year as the year of the
//! work, numbering out of order, old labels only where they label; and the
//! severity a site gives each rule. Each with a report that breaks it and
//! one that passes.

use crate::fixture::{SECTIONS, SETTINGS, TempSite, gongkai, report_2021, tables_2021, with_code};
use gongkai::diag::Severity;

/// A 2024 report whose section `numeral` (一 … 六) holds `text`, the others some text.
fn with_section(numeral: &str, text: &str) -> String {
    let full =
        "本年度我镇认真贯彻落实条例要求，主动公开各类政府信息。全年更新政务公开专栏，回应群众关切，工作取得实效。";
    let mut body = String::new();
    for line in SECTIONS.lines().filter(|l| l.starts_with("## ")) {
        let own = line.contains(&format!("{numeral}、"));
        body.push_str(&format!("{line}\n\n{}\n\n", if own { text } else { full }));
    }
    format!("---\nyear: 2024\n{}---\n{body}", tables_2021(0, 0, 0))
}

#[test]
fn a_perfunctory_section_is_pointed_at_its_heading() {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    site.write("content/reports/town/2024.md", with_section("五", "无。"));
    let checked = site.check();
    let thin = with_code(&checked, "TXT-THIN");
    assert_eq!(thin.len(), 1, "{:#?}", checked.diags);
    assert_eq!(thin[0].message, "“五、存在的主要问题及改进情况”部分只有 0 句、1 字，内容过于简单");
    assert_eq!(thin[0].severity, Severity::Warning);
    assert_eq!(thin[0].pos.line, 1 + 1 + tables_2021(0, 0, 0).lines().count() as u32 + 2 + 16);
    // One sentence is still perfunctory; two real ones pass.
    site.write("content/reports/town/2024.md", with_section("五", "本年度工作还存在一些不足。"));
    assert_eq!(with_code(&site.check(), "TXT-THIN").len(), 1);
    site.write(
        "content/reports/town/2024.md",
        with_section(
            "五",
            "一是公开内容还不够全面，部分栏目更新不及时；二是政策解读形式较为单一。下一步将加强培训，完善制度。",
        ),
    );
    assert!(with_code(&site.check(), "TXT-THIN").is_empty());
}

#[test]
fn a_summary_report_must_equal_the_sum_of_its_childrens() {
    let site = TempSite::new();
    site.write("content/reports/county/agency.yaml", "name: 某县人民政府\nkind: 人民政府\nsums_children: true\n");
    for (slug, new) in [("t1", 3), ("t2", 1)] {
        site.town_under(slug, "county");
        site.write(&format!("content/reports/{slug}/2024.md"), report_2021(2024, &tables_2021(0, new, 0), ""));
    }
    site.write("content/reports/county/2024.md", report_2021(2024, &tables_2021(0, 5, 0), ""));
    let checked = site.check();
    let sums = with_code(&checked, "X-CHILDREN");
    assert!(!sums.is_empty(), "{:#?}", checked.diags);
    assert!(sums.iter().all(|d| d.file.ends_with("county/2024.md")));
    assert!(sums[0].message.contains("为 5，2 个下级机构之和为 4：t1镇 3，t2镇 1"), "{}", sums[0].message);
    assert_eq!(sums[0].related.len(), 2);
    site.write("content/reports/county/2024.md", report_2021(2024, &tables_2021(0, 4, 0), ""));
    assert!(with_code(&site.check(), "X-CHILDREN").is_empty());
    // Without the opt-in nothing is compared.
    site.write("content/reports/county/2024.md", report_2021(2024, &tables_2021(0, 9, 0), ""));
    site.write("content/reports/county/agency.yaml", "name: 某县人民政府\nkind: 人民政府\n");
    assert!(with_code(&site.check(), "X-CHILDREN").is_empty());
}

#[test]
fn a_figure_ten_times_last_years_is_a_jump() {
    let site = TempSite::new();
    site.agency("dept", "部门");
    let year = |y: i32, permit: i64| {
        report_2021(y, &tables_2021(0, 0, 0).replace("permit: 0", &format!("permit: {permit}")), "")
    };
    site.write("content/reports/dept/2023.md", year(2023, 60));
    site.write("content/reports/dept/2024.md", year(2024, 600));
    let checked = site.check();
    let jump = with_code(&checked, "X-JUMP");
    assert_eq!(jump.len(), 1, "{:#?}", checked.diags);
    assert!(jump[0].message.contains("为 600，2023 年为 60，是上年的 10 倍"), "{}", jump[0].message);
    assert!(jump[0].related[0].file.ends_with("2023.md"));
    // Four times, or figures too small to matter, pass.
    site.write("content/reports/dept/2024.md", year(2024, 240));
    assert!(with_code(&site.check(), "X-JUMP").is_empty());
    site.write("content/reports/dept/2023.md", year(2023, 2));
    site.write("content/reports/dept/2024.md", year(2024, 40));
    assert!(with_code(&site.check(), "X-JUMP").is_empty());
}

/// A narrative of several distinct sentences, each made different by `seed`.
fn narrative(seed: &str) -> String {
    format!(
        "{SECTIONS}{seed}镇今年主动公开政府信息的工作稳步推进。{seed}镇完善了依申请公开的办理流程和答复文书。{seed}镇加强了政务公开专栏的日常维护与更新。\n"
    )
}

#[test]
fn a_narrative_copied_from_another_agency_of_the_year_names_it() {
    let site = TempSite::new();
    site.agency("aa", "乡镇").agency("bb", "乡镇").agency("cc", "乡镇");
    let tables = tables_2021(0, 0, 0);
    site.write("content/reports/aa/2024.md", format!("---\nyear: 2024\n{tables}---\n{}", narrative("甲")));
    site.write("content/reports/bb/2024.md", format!("---\nyear: 2024\n{tables}---\n{}", narrative("甲")));
    site.write("content/reports/cc/2024.md", format!("---\nyear: 2024\n{tables}---\n{}", narrative("丙")));
    // The same text a year apart is X-DUP's business, not a copy across agencies.
    site.write("content/reports/cc/2023.md", format!("---\nyear: 2023\n{tables}---\n{}", narrative("甲")));
    let checked = site.check();
    let copies = with_code(&checked, "X-COPY");
    assert_eq!(copies.len(), 2, "{:#?}", checked.diags);
    assert!(copies[0].file.ends_with("aa/2024.md") && copies[0].message.contains("与同年 bb 的 2024 年年报"));
    assert!(copies[1].file.ends_with("bb/2024.md") && copies[1].related[0].file.ends_with("aa/2024.md"));
    site.write("content/reports/bb/2024.md", format!("---\nyear: 2024\n{tables}---\n{}", narrative("乙")));
    assert!(with_code(&site.check(), "X-COPY").is_empty());
}

/// Runs `check` with today's date set, in Chinese: (exit code, stdout).
fn check_on(site: &TempSite, today: &str) -> String {
    let out = gongkai().env("GONGKAI_TODAY", today).arg("--root").arg(site.path()).arg("check").output().expect("run");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn gaps_in_an_agencys_series_are_found_and_the_years_it_has_respected() {
    let site = TempSite::new();
    site.write("site.toml", SETTINGS);
    site.agency("town", "乡镇");
    let tables = tables_2021(0, 0, 0);
    for y in [2021, 2023] {
        site.write(&format!("content/reports/town/{y}.md"), report_2021(y, &tables, ""));
    }
    // 2024's report is due by 2025-01-31: not yet missing on that day.
    let out = check_on(&site, "2025-01-31");
    assert!(out.contains("警告[X-GAP]：town机构缺少 2022 年度的年报，前后年度都有年报"), "{out}");
    assert!(!out.contains("2024 年度"), "{out}");
    let out = check_on(&site, "2025-02-01");
    assert!(out.contains("town机构缺少 2024 年度的年报，报送期限已过"), "{out}");
    // An agency abolished after 2023 is not asked for 2024; nor is a site that covers up to 2023.
    site.write("content/reports/town/agency.yaml", "name: town机构\nkind: 乡镇\nyears: 2021-2023\n");
    let out = check_on(&site, "2026-06-01");
    assert!(!out.contains("2024") && out.contains("缺少 2022 年度"), "{out}");
    site.write("content/reports/town/2022.md", report_2021(2022, &tables, ""));
    assert!(!check_on(&site, "2026-06-01").contains("X-GAP"));
    site.write("content/reports/town/agency.yaml", "name: town机构\nkind: 乡镇\n");
    site.write("site.toml", format!("{SETTINGS}[check]\nlatest_year = 2023\n"));
    assert!(!check_on(&site, "2026-06-01").contains("X-GAP"));
}

#[test]
fn the_next_year_as_the_year_of_the_work_is_found_but_plans_are_not() {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    let tables = tables_2021(0, 0, 0);
    let body = "2025年，我镇主动公开政府信息120条。\n\n2025年，我镇将进一步完善公开制度。\n";
    site.write("content/reports/town/2024.md", report_2021(2024, &tables, body));
    let checked = site.check();
    let next = with_code(&checked, "TXT-NEXT");
    assert_eq!(next.len(), 1, "{:#?}", checked.diags);
    assert_eq!(next[0].message, "正文把 2025 年当作工作年度，但这是 2024 年的年报");
    assert_eq!((next[0].pos.col, next[0].pos.len), (1, 5));
    site.write("content/reports/town/2024.md", report_2021(2024, &tables, "2024年，我镇主动公开政府信息120条。\n"));
    assert!(with_code(&site.check(), "TXT-NEXT").is_empty());
}

#[test]
fn numbering_that_skips_or_repeats_is_pointed_at() {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    let tables = tables_2021(0, 0, 0);
    let body = "存在的问题：一是公开不够及时；三是解读形式单一；三是培训不足。\n\n**（一）主动公开。**略。\n\n**（三）依申请公开。**略。\n";
    site.write("content/reports/town/2024.md", report_2021(2024, &tables, body));
    let checked = site.check();
    let mut messages: Vec<&str> = with_code(&checked, "TXT-ENUM").iter().map(|d| d.message.as_str()).collect();
    messages.sort();
    assert_eq!(
        messages,
        [
            "序号“三是”排在“三是”之后，序号重复或倒序",
            "序号从“一是”跳到“三是”，缺少“二是”",
            "序号从“（一）”跳到“（三）”，缺少“（二）”",
        ],
        "{:#?}",
        checked.diags
    );
    let good = "问题：一是公开不够及时；二是解读形式单一。改进：一是加强培训；二是完善制度。\n\n**（一）主动公开。**一是…；二是…。\n\n**（二）依申请公开。**一是…。\n";
    site.write("content/reports/town/2024.md", report_2021(2024, &tables, good));
    assert!(with_code(&site.check(), "TXT-ENUM").is_empty(), "{:#?}", site.check().diags);
}

#[test]
fn an_old_label_is_flagged_where_it_labels_not_in_prose_about_a_database() {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    let tables = tables_2021(0, 0, 0);
    let prose = "我镇建成规范性文件库，接入市规范性文件数据库，加强规范性文件管理。\n";
    site.write("content/reports/town/2024.md", report_2021(2024, &tables, prose));
    assert!(with_code(&site.check(), "FMT-LABEL").is_empty(), "{:#?}", site.check().diags);
    let labels = "清理规范性文件2件，“规范性文件”一栏为 0。\n\n| 信息内容 | 本年新制作数量 |\n| --- | --- |\n| 规范性文件 | 0 |\n";
    site.write("content/reports/town/2024.md", report_2021(2024, &tables, labels));
    let checked = site.check();
    let found: Vec<(u32, &str)> =
        with_code(&checked, "FMT-LABEL").iter().map(|d| (d.pos.col, d.message.as_str())).collect();
    assert_eq!(found.len(), 4, "the figure, the quoted row, the table's column and row: {found:#?}");
}

#[test]
fn a_site_raises_lowers_or_silences_a_rule_and_a_raised_one_withholds_the_report() {
    let site = TempSite::new();
    site.agency("dept", "部门");
    let year = |y: i32, permit: i64| {
        report_2021(
            y,
            &format!(
                "published: {}-01-20\n{}",
                y + 1,
                tables_2021(0, 0, 0).replace("permit: 0", &format!("permit: {permit}"))
            ),
            "",
        )
    };
    site.write("content/reports/dept/2023.md", year(2023, 60));
    site.write("content/reports/dept/2024.md", year(2024, 600));
    site.write("site.toml", format!("{SETTINGS}[check.severity]\n\"X-GAP\" = \"off\"\n\"X-JUMP\" = \"error\"\n"));
    let mut checked = site.check();
    assert_eq!(with_code(&checked, "X-JUMP")[0].severity, Severity::Error);
    // The preview's re-check of one agency applies the site's severities too.
    checked.reload_agency("dept");
    assert_eq!(with_code(&checked, "X-JUMP")[0].severity, Severity::Error, "{:#?}", checked.diags);
    let (code, _, err) = site.run(&["build"]);
    assert_eq!(code, 3, "published, one report withheld: {err}");
    assert!(err.contains("暂缓发布 1 份年报") && err.contains("dept/2024.md"), "{err}");
    site.write("site.toml", format!("{SETTINGS}[check.severity]\n\"X-GAP\" = \"off\"\n\"X-JUMP\" = \"notice\"\n"));
    assert_eq!(with_code(&site.check(), "X-JUMP")[0].severity, Severity::Notice);
    site.write("site.toml", format!("{SETTINGS}[check.severity]\n\"X-GAP\" = \"off\"\n\"X-JUMP\" = \"off\"\n"));
    assert!(with_code(&site.check(), "X-JUMP").is_empty());
}

#[test]
fn severities_and_thresholds_out_of_range_are_refused_at_their_line() {
    let site = TempSite::new();
    for (toml, said) in [
        ("[check.severity]\n\"X-JUMP\" = \"loud\"\n", "site.toml:5:12：`[check.severity]` 中 “X-JUMP” 的值“loud”无效"),
        ("[check.severity]\n\"IN-YAML\" = \"off\"\n", "site.toml:5:13：`[check.severity]` 不能改变“IN-YAML”"),
        ("[check.severity]\n\"jump\" = \"off\"\n", "site.toml:5:10：`[check.severity]` 中的“jump”不是规则代码"),
        ("[check]\njump_ratio = 0.5\n", "site.toml:5:14：`[check]` 中的 `jump_ratio` 应大于 1"),
    ] {
        site.write("site.toml", format!("{SETTINGS}\n{toml}"));
        let (code, _, err) = site.run(&["check"]);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains(said), "{err}");
    }
}

#[test]
fn the_previews_recheck_of_one_agency_equals_a_full_check_for_the_site_rules() {
    let site = TempSite::new();
    site.write("site.toml", SETTINGS);
    site.agency("aa", "乡镇").agency("bb", "乡镇");
    let tables = tables_2021(0, 0, 0);
    site.write("content/reports/aa/2024.md", format!("---\nyear: 2024\n{tables}---\n{}", narrative("甲")));
    site.write("content/reports/bb/2024.md", format!("---\nyear: 2024\n{tables}---\n{}", narrative("乙")));
    site.write("content/reports/bb/2022.md", format!("---\nyear: 2022\n{tables}---\n{}", narrative("丁")));
    let mut checked = site.check();
    assert!(with_code(&checked, "X-COPY").is_empty());
    // bb copies aa's text: aa's finding appears though only bb was re-read.
    site.write("content/reports/bb/2024.md", format!("---\nyear: 2024\n{tables}---\n{}", narrative("甲")));
    site.write("content/reports/bb/2023.md", format!("---\nyear: 2023\n{tables}---\n{}", narrative("戊")));
    checked.reload_agency("bb");
    let full = site.check();
    let key = |s: &gongkai::site::Site| -> Vec<String> {
        s.diags.iter().map(|d| format!("{} {} {}", d.code, d.file.display(), d.message)).collect()
    };
    assert_eq!(key(&checked), key(&full));
    assert_eq!(with_code(&full, "X-COPY").len(), 2);
    // The preview's order: the agency first (the site rules' findings as they
    // were), the site rules once the page is shown; the end is the same.
    assert!(!checked.site_rules_can_withhold(), "warnings by default");
    site.write("content/reports/bb/2024.md", format!("---\nyear: 2024\n{tables}---\n{}", narrative("乙")));
    checked.reload_agency_only("bb");
    assert_eq!(with_code(&checked, "X-COPY").len(), 1, "aa's finding waits for the site rules: {:#?}", checked.diags);
    checked.recheck_site();
    let full = site.check();
    assert_eq!(key(&checked), key(&full));
    assert!(with_code(&full, "X-COPY").is_empty());
    // Raised to an error, a site rule can withhold a report: the preview then runs it before choosing.
    site.write("site.toml", format!("{SETTINGS}[check.severity]\n\"X-COPY\" = \"error\"\n"));
    assert!(site.check().site_rules_can_withhold());
}
