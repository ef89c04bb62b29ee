//! The checker and the page read a narrative's sections the same way: what
//! the checker calls section 五 is what the page shows as section 五, with
//! the tables of 二, 三 and 四 under their own headings (issue #9).

use crate::fixture::{TempSite, with_code};

/// The text of every `<h2>` of a page, in order.
fn h2_texts(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<h2") {
        let after = &rest[start..];
        let open_end = after.find('>').expect("tag end") + 1;
        let close = after.find("</h2>").expect("h2 end");
        let inner = &after[open_end..close];
        // Strip inner tags (anchors).
        let mut text = String::new();
        let mut in_tag = false;
        for c in inner.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        out.push(text.trim().to_owned());
        rest = &after[close..];
    }
    out
}

/// Rewrites the example 淮安 report's body with `edit`, then checks and builds.
/// Returns the checker's section headings (with their sections), the FMT-SECT
/// findings, and the page.
fn huaian_with(edit: impl Fn(&str) -> String) -> (Vec<(String, Option<usize>)>, usize, String) {
    let site = TempSite::example();
    let path = site.path().join("content/reports/huaian/2024.md");
    let text = std::fs::read_to_string(&path).expect("read");
    let split = gongkai::parse::split_front_matter(&text).expect("front matter");
    let edited = format!("{}{}", &text[..split.body], edit(&text[split.body..]));
    std::fs::write(&path, edited).expect("write");
    let checked = site.check();
    let report = checked.content.reports.iter().find(|r| r.agency == "huaian").expect("report loads");
    let sections = report.narrative.section_headings().map(|h| (h.text.clone(), h.section)).collect();
    let findings = with_code(&checked, "FMT-SECT").into_iter().filter(|d| d.file.ends_with("huaian/2024.md")).count();
    let (code, _, err) = site.run(&["build"]);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(site.path().join("public/reports/huaian/2024/index.html")).expect("page");
    (sections, findings, page)
}

/// Asserts that the page shows exactly the checker's sections as `h2`, each
/// once, with each table right under its own section.
fn assert_agree(sections: &[(String, Option<usize>)], page: &str) {
    assert_eq!(sections.len(), 6, "the checker finds six sections: {sections:?}");
    assert_eq!(sections.iter().map(|s| s.1).collect::<Vec<_>>(), (0..6).map(Some).collect::<Vec<_>>());
    let h2 = h2_texts(page);
    let shown: Vec<&String> = h2.iter().filter(|t| sections.iter().any(|s| &s.0 == *t)).collect();
    assert_eq!(shown.len(), 6, "each section is one h2 on the page: {h2:?}");
    for (k, (text, _)) in sections.iter().enumerate() {
        assert_eq!(shown[k], text, "in the same order");
    }
    // Tables sit between their section's heading and the next section's.
    let at = |needle: &str| page.find(needle).unwrap_or_else(|| panic!("{needle} on the page"));
    let section_at = |k: usize| at(&format!("{}</h2>", sections[k].0));
    assert!(section_at(2) < at("id=\"t-applications\"") && at("id=\"t-applications\"") < section_at(3));
    assert!(section_at(3) < at("id=\"t-appeals\"") && at("id=\"t-appeals\"") < section_at(4));
    assert!(section_at(1) < at("id=\"t-regulations\"") && at("id=\"t-regulations\"") < section_at(2));
}

#[test]
fn a_title_line_above_the_sections_changes_neither_the_check_nor_the_page() {
    let (plain, plain_findings, _) = huaian_with(|b| b.to_owned());
    let (sections, findings, page) = huaian_with(|b| format!("# 淮安市人民政府2024年政府信息公开工作年度报告\n\n{b}"));
    assert_eq!(sections, plain, "the title line is not a section");
    assert_eq!(findings, plain_findings, "and adds no finding");
    assert_agree(&sections, &page);
    assert!(!page.contains("<h1 id=\"淮安市"), "the page keeps one h1");
}

#[test]
fn sections_written_as_level_three_headings_are_sections_on_the_page() {
    let (sections, findings, page) = huaian_with(|b| b.replace("\n### ", "\n#### ").replace("\n## ", "\n### "));
    assert_eq!(findings, 0, "the checker reads the ### headings as the six sections");
    assert_agree(&sections, &page);
}

/// The FMT-SECT findings about the 淮安 report after `edit` of its text.
fn section_findings(edit: impl Fn(&str) -> String) -> Vec<gongkai::diag::Diagnostic> {
    let site = TempSite::example();
    let path = site.path().join("content/reports/huaian/2024.md");
    let text = std::fs::read_to_string(&path).expect("read");
    let edited = edit(&text);
    assert_ne!(edited, text, "the edit applies");
    std::fs::write(&path, edited).expect("write");
    let checked = site.check();
    with_code(&checked, "FMT-SECT").into_iter().filter(|d| d.file.ends_with("huaian/2024.md")).cloned().collect()
}

/// The 1-based line of the first line of `text` that starts with `start`.
fn line_of(text: &str, start: &str) -> u32 {
    text.lines().position(|l| l.starts_with(start)).expect("line") as u32 + 1
}

#[test]
fn a_missing_section_is_shown_where_it_belongs_in_the_forms_order() {
    let remove =
        |t: &str| t.replace("## 三、收到和处理政府信息公开申请情况\n\n", "").replace("## 六、其他需要报告的事项\n", "");
    let found = section_findings(remove);
    let text = std::fs::read_to_string(crate::fixture::repo().join("content/reports/huaian/2024.md")).expect("read");
    let edited = remove(&text);
    assert_eq!(found.len(), 2, "{found:#?}");
    let mut found: Vec<_> = found.iter().map(|d| (d.pos.line, d.message.as_str())).collect();
    found.sort();
    assert_eq!(
        found,
        [
            (
                line_of(&edited, "## 二、"),
                "缺少“三、收到和处理政府信息公开申请情况”部分，应在“二、主动公开政府信息情况”部分之后"
            ),
            (
                line_of(&edited, "## 五、"),
                "缺少“六、其他需要报告的事项”部分，应在“五、存在的主要问题及改进情况”部分之后"
            ),
        ]
    );
}

#[test]
fn a_section_at_the_wrong_heading_level_says_so() {
    let found = section_findings(|t| t.replace("## 四、政府信息公开", "### 四、政府信息公开"));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "“四、政府信息公开行政复议、行政诉讼情况”部分的标题是 3 级（`###`），其他部分是 2 级（`##`）"
    );
    assert_eq!(found[0].help.as_deref(), Some("写成 `## 四、政府信息公开行政复议、行政诉讼情况`"));
}
