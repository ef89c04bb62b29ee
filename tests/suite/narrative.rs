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
