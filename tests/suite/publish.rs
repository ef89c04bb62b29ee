//! Publishing that never holds a county back: a report with errors is
//! withheld and the rest publish, a withheld report keeps the version online,
//! drafts, `--strict`, and the exit codes.

use crate::fixture::{TempSite, report_2021, tables_2021};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every file of a folder, by relative path.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).expect("prefix").to_path_buf(), std::fs::read(e.path()).expect("read")))
        .collect()
}

/// A file of the output, as text.
fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|_| panic!("{rel} is in the output"))
}

/// A 2024 report (published 2025-01-20) with `new` applications and `extra` front matter.
fn report(new: i64, extra: &str) -> String {
    report_2021(2024, &format!("published: 2025-01-20\n{extra}{}", tables_2021(0, new, 0)), "")
}

/// Writes the three agencies `aa`, `bb`, `cc` with their 2024 reports (3, 5 and 7 applications).
fn three_agencies(site: &TempSite, aa: i64) {
    for (slug, new) in [("aa", aa), ("bb", 5), ("cc", 7)] {
        site.agency(slug, "乡镇");
        site.write(&format!("content/reports/{slug}/2024.md"), report(new, ""));
    }
}

/// Builds `site` with `args`: (exit code, what it said).
fn build(site: &TempSite, args: &[&str]) -> (i32, String) {
    let mut all = vec!["build"];
    all.extend(args);
    let (code, _, err) = site.run(&all);
    (code, err)
}

/// The row of table 三 that holds the new applications (自然人 and 总计), as rendered.
fn applications(new: i64) -> String {
    format!("一、本年新收政府信息公开申请数量</th><td>{new}</td>{}<td>{new}</td></tr>", "<td>0</td>".repeat(5))
}

#[test]
fn one_broken_report_is_withheld_the_rest_publish_and_what_was_online_stays_consistent() {
    let site = TempSite::new();
    three_agencies(&site, 3);
    let out = site.path().join("public");
    let (code, err) = build(&site, &[]);
    assert_eq!(code, 0, "{err}");
    let before = tree(&out);
    assert!(read(&out, "reports/cc/2024/index.html").contains(&applications(7)), "the cell is where it is looked for");

    // aa is edited (fine); cc is edited and broken.
    site.write("content/reports/aa/2024.md", report(4, ""));
    site.write("content/reports/cc/2024.md", "---\nyear: [\n---\n");
    let (code, err) = build(&site, &["--strict"]);
    assert_eq!(code, 1, "--strict publishes nothing: {err}");
    assert!(err.contains("个错误，未生成任何内容；") && err.contains("public 保持原样"), "{err}");
    assert_eq!(tree(&out), before, "--strict changes nothing");

    let (code, err) = build(&site, &[]);
    assert_eq!(code, 3, "published, one report withheld: {err}");
    let summary = err.split("暂缓发布 1 份年报：\n").nth(1).expect("the summary of what is withheld");
    assert!(
        summary.starts_with("  content/reports/cc/2024.md（1 个错误；网站上保留 2025-01-20 发布的版本）\n已生成 "),
        "{err}"
    );
    assert!(read(&out, "reports/aa/2024/index.html").contains(&applications(4)), "aa's edit is published");
    let page = read(&out, "reports/cc/2024/index.html");
    assert!(page.contains(&applications(7)), "cc keeps its page with the figures online");
    for rel in ["index.html", "agencies/cc/index.html", "years/2024/index.html", "feed.xml", "sitemap.xml"] {
        assert!(read(&out, rel).contains("reports/cc/2024/"), "{rel} still lists cc's report");
    }
    let all: serde_json::Value = serde_json::from_str(&read(&out, "data/reports.json")).expect("json");
    let cc = all.as_array().expect("list").iter().find(|r| r["agency"] == "cc").expect("cc in reports.json");
    assert_eq!(cc["figures"]["received"].as_f64(), Some(7.0), "{cc}");
    assert!(read(&out, "data/cells.csv").contains("\ncc,2024,cn-2021,applications,new,total,7,,given\n"));

    // Everything agrees with what is online: the output is exactly a build of
    // the site with cc's report as it was published.
    let reference = TempSite::new();
    three_agencies(&reference, 4);
    let ref_out = reference.path().join("public");
    assert_eq!(build(&reference, &[]).0, 0);
    let (got, want) = (tree(&out), tree(&ref_out));
    assert_eq!(got.keys().collect::<Vec<_>>(), want.keys().collect::<Vec<_>>());
    for (rel, bytes) in &want {
        assert!(got[rel] == *bytes, "{} differs from a build of what is online", rel.display());
    }

    // Fixed: published as it is now.
    site.write("content/reports/cc/2024.md", report(8, ""));
    let (code, err) = build(&site, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("暂缓发布"), "{err}");
    assert!(read(&out, "reports/cc/2024/index.html").contains(&applications(8)));
}

#[test]
fn a_new_report_with_errors_does_not_appear_anywhere() {
    let site = TempSite::new();
    three_agencies(&site, 3);
    site.agency("dd", "乡镇");
    site.write("content/reports/dd/2024.md", report(2, "").replace("published: 2025-01-20", "published: 2025-02-30"));
    let out = site.path().join("public");
    let (code, err) = build(&site, &[]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("  content/reports/dd/2024.md（1 个错误；此前未发布）\n"), "{err}");
    assert!(!out.join("reports/dd").exists());
    for rel in ["index.html", "years/2024/index.html", "feed.xml", "sitemap.xml", "data/reports.json", "data/cells.csv"]
    {
        assert!(
            !read(&out, rel).contains("reports/dd/") && !read(&out, rel).contains("\ndd,"),
            "{rel} names dd's report"
        );
    }
    // Its agency is described without error: its page is there, with no report.
    assert!(read(&out, "agencies/dd/index.html").contains("<dd>0 份</dd>"));
}

#[test]
fn when_every_report_is_withheld_nothing_is_published() {
    let site = TempSite::new();
    site.agency("aa", "乡镇");
    site.write("content/reports/aa/2024.md", "---\nyear: [\n---\n");
    let (code, err) = build(&site, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("错误：1 份年报全部暂缓发布，未生成任何内容；"), "{err}");
    assert!(!site.path().join("public").exists());
}

#[test]
fn an_error_that_concerns_the_whole_site_publishes_nothing() {
    let site = TempSite::new();
    three_agencies(&site, 3);
    site.write("content/pages/Guide.md", "# 指南\n");
    let (code, err) = build(&site, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("错误：发现 1 个涉及整个站点的错误（不属于某一份年报），未生成任何内容；"), "{err}");
    assert!(!site.path().join("public").exists());
}

#[test]
fn an_agency_file_with_an_error_keeps_the_agency_as_published() {
    let site = TempSite::new();
    three_agencies(&site, 3);
    let out = site.path().join("public");
    assert_eq!(build(&site, &[]).0, 0);
    let before = tree(&out);
    site.write("content/reports/cc/agency.yaml", "name: [\nkind: 乡镇\n");
    let (code, err) = build(&site, &[]);
    assert_eq!(code, 3, "{err}");
    assert!(
        err.contains(
            "  content/reports/cc/2024.md（所属机构的 `agency.yaml` 有 1 个错误；网站上保留 2025-01-20 发布的版本）"
        ),
        "{err}"
    );
    assert_eq!(tree(&out), before, "cc's agency page and report are as they were");
}

#[test]
fn a_kept_version_and_an_edited_neighbouring_year_never_disagree_online() {
    let site = TempSite::new();
    site.agency("aa", "乡镇");
    let year = |y: i32, tables: String| report_2021(y, &format!("published: {}-01-20\n{tables}", y + 1), "");
    // 2023 carries 2 applications over into 2024.
    site.write("content/reports/aa/2023.md", year(2023, tables_2021(0, 3, 2)));
    site.write("content/reports/aa/2024.md", year(2024, tables_2021(2, 1, 0)));
    let out = site.path().join("public");
    let (code, err) = build(&site, &[]);
    assert_eq!(code, 0, "{err}");
    let before = tree(&out);
    // Now 2023 carries 3 over, but has an error elsewhere; 2024 agrees with the new 2023.
    let broken = tables_2021(0, 3, 3).replace("  total: [0, 0, 0, 0, 0, 0, 0]", "  total: [1, 0, 0, 0, 0, 0, 1]");
    site.write("content/reports/aa/2023.md", year(2023, broken));
    site.write("content/reports/aa/2024.md", year(2024, tables_2021(3, 1, 0)));
    let (code, err) = build(&site, &[]);
    assert_eq!(code, 3, "{err}");
    // 2023 is withheld and its version online stays; beside it, the new 2024 would
    // contradict it (2 carried out, 3 carried in): 2024 waits too, and says why.
    assert!(err.contains("与网站上保留的版本对照时发现的错误：\n错误[X-CARRY]"), "{err}");
    assert!(err.contains("  content/reports/aa/2023.md（"), "{err}");
    let line = err.split("  content/reports/aa/2024.md（").nth(1).expect("2024 is withheld too");
    assert!(
        line.starts_with("与网站上保留的相邻年度报告不一致，2 个错误；网站上保留 2025-01-20 发布的版本）"),
        "{err}"
    );
    assert_eq!(tree(&out), before, "what is online is what was, and it agrees with itself");
}

#[test]
fn without_a_record_of_what_is_online_a_withheld_report_that_is_online_stops_the_build() {
    let site = TempSite::new();
    three_agencies(&site, 3);
    let out = site.path().join("public");
    assert_eq!(build(&site, &[]).0, 0);
    // As an earlier gongkai left it: a marker that names no sources, and no record beside.
    let marker = out.join(gongkai::write::MARKER);
    let text = std::fs::read_to_string(&marker).expect("marker");
    assert!(text.contains("\nsources: "), "{text}");
    std::fs::write(&marker, text.lines().filter(|l| !l.starts_with("sources: ")).collect::<Vec<_>>().join("\n"))
        .expect("write");
    std::fs::remove_dir_all(site.path().join(".public.gongkai-published")).expect("rm");
    let before = tree(&out);
    site.write("content/reports/cc/2024.md", "---\nyear: [\n---\n");
    let (code, err) = build(&site, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("错误：content/reports/cc/2024.md 有错误，网站上已有它的页面，但没有它发布时的原文记录")
            && err.contains("为免网站上已有的年报消失，未生成任何内容；"),
        "{err}"
    );
    assert_eq!(tree(&out), before);
    // Fixed, it publishes, and from then on the record is kept.
    site.write("content/reports/cc/2024.md", report(7, ""));
    assert_eq!(build(&site, &[]).0, 0);
    site.write("content/reports/cc/2024.md", "---\nyear: [\n---\n");
    assert_eq!(build(&site, &[]).0, 3);
}

#[test]
fn drafts_are_published_only_with_drafts_and_marked_as_such() {
    let site = TempSite::new();
    three_agencies(&site, 3);
    let draft = report_2021(2025, &format!("draft: true\n{}", tables_2021(0, 2, 0)), "");
    site.write("content/reports/aa/2025.md", &draft);
    let out = site.path().join("public");
    let (code, err) = build(&site, &[]);
    assert_eq!(code, 0, "a draft is not withheld: {err}");
    assert!(
        err.contains("\n草稿 1 份，未发布（发布草稿请用 --drafts）：\n  content/reports/aa/2025.md（此前未发布）\n"),
        "{err}"
    );
    assert!(!out.join("reports/aa/2025").exists() && !out.join("years/2025").exists());
    for rel in ["index.html", "agencies/aa/index.html", "feed.xml", "sitemap.xml", "data/reports.json"] {
        assert!(!read(&out, rel).contains("reports/aa/2025/"), "{rel}");
    }

    let (code, err) = build(&site, &["--drafts"]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("草稿"), "{err}");
    let page = read(&out, "reports/aa/2025/index.html");
    assert!(
        page.contains("<p class=\"draft-banner\"><strong class=\"draft-mark\">草稿</strong>本报告尚未定稿")
            && page.contains("<title>【草稿】"),
        "{page}"
    );
    for rel in ["index.html", "agencies/aa/index.html", "years/2025/index.html"] {
        let html = read(&out, rel);
        let at = html.find("reports/aa/2025/index.html").unwrap_or_else(|| panic!("{rel} lists the draft"));
        assert!(html[at..].contains("</a> <span class=\"draft-mark\">草稿</span>"), "{rel} marks it");
        assert_eq!(html.matches("draft-mark").count(), 1, "{rel}: only the draft is marked");
    }
    assert!(read(&out, "feed.xml").contains("<title>【草稿】aa机构2025年政府信息公开工作年度报告</title>"));
    let all: serde_json::Value = serde_json::from_str(&read(&out, "data/reports.json")).expect("json");
    let drafts: Vec<_> = all.as_array().expect("list").iter().filter(|r| r["draft"] == true).collect();
    assert_eq!((drafts.len(), drafts[0]["year"].as_i64()), (1, Some(2025)));

    // A build without --drafts takes it off again: a draft is never kept in place of itself.
    assert_eq!(build(&site, &[]).0, 0);
    assert!(!out.join("reports/aa/2025").exists());

    // `draft` is a yes-or-no.
    site.write("content/reports/aa/2025.md", draft.replace("draft: true", "draft: yes"));
    let (code, err) = build(&site, &[]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("错误[IN-TYPE]：`draft` 只能写 `true`（是）或 `false`（否），这里写的是 `yes`"), "{err}");
}

#[test]
fn a_published_report_turned_back_into_a_draft_stays_online_as_published() {
    let site = TempSite::new();
    three_agencies(&site, 3);
    let out = site.path().join("public");
    assert_eq!(build(&site, &[]).0, 0);
    let before = tree(&out);
    site.write("content/reports/aa/2024.md", report(9, "draft: true\n"));
    let (code, err) = build(&site, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("  content/reports/aa/2024.md（网站上保留 2025-01-20 发布的版本）"), "{err}");
    assert_eq!(tree(&out), before);
}

#[test]
fn the_help_of_build_says_the_exit_codes() {
    let (code, help, _) = TempSite::new().run(&["build", "--help"]);
    assert_eq!(code, 0);
    assert!(help.contains("--strict") && help.contains("--drafts"), "{help}");
    assert!(
        help.contains("退出码：0 全部年报已发布；3 已发布，但有年报暂缓发布") && help.contains("；1 未生成任何内容（"),
        "{help}"
    );
}
