//! Checks of the Markdown narrative: the six sections ([`sections`]), the
//! years it speaks of ([`years`]), the figures it states ([`claims`]), and
//! labels of an older form ([`labels`]). Each reads the report's
//! [`crate::model::Narrative`] and body as parsed; none re-reads the file.

mod claims;
mod labels;
mod sections;
mod years;

pub use crate::form::normalize;
pub use claims::check_claims;
pub use labels::check_old_labels;
pub use sections::check_sections;
pub use years::check_years;

/// Whether the headings include this text (for tests).
#[cfg(test)]
fn heading_texts(hs: &[crate::model::Heading]) -> Vec<&str> {
    hs.iter().map(|h| h.text.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Diagnostic;
    use crate::form::Forms;
    use crate::model::Loaded;
    use std::path::PathBuf;
    use std::sync::Arc;

    const SECTIONS: &str = "## 一、总体情况\n\n## 二、主动公开政府信息情况\n\n## 三、收到和处理政府信息公开申请情况\n\n## 四、政府信息公开行政复议、行政诉讼情况\n\n## 五、存在的主要问题及改进情况\n\n## 六、其他需要报告的事项\n";

    /// A parsed report with its text (leaked: tests are short-lived).
    fn report(year: i32, front: &str, body: &str) -> Loaded<'static> {
        let forms = Forms::builtin();
        let file = Arc::new(PathBuf::from("/s/r.md"));
        let text = format!("---\nyear: {year}\n{front}{}---\n{body}", crate::parse::absent_tables(year, front));
        let text: &'static str = Box::leak(text.into_boxed_str());
        let mut diags = Vec::new();
        crate::parse::parse_report(&file, text, "x", &forms, &mut diags).unwrap_or_else(|| panic!("{diags:#?}"))
    }

    fn run(f: fn(&Loaded<'_>, &mut Vec<Diagnostic>), r: &Loaded<'_>) -> Vec<Diagnostic> {
        let mut d = Vec::new();
        f(r, &mut d);
        d
    }

    #[test]
    fn complete_sections_pass_and_a_missing_numeral_is_found_on_its_line() {
        let r = report(2024, "", SECTIONS);
        assert_eq!(heading_texts(&r.report.narrative.headings).len(), 6);
        assert!(run(check_sections, &r).is_empty());
        let r = report(2020, "", &SECTIONS.replace("五、存在", "存在"));
        let d = run(check_sections, &r);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].pos.line, 13, "one line more: the absent tables are declared");
        assert!(d[0].message.contains("without its numeral `五、`"));
    }

    #[test]
    fn missing_wrongly_numbered_and_out_of_order_sections_are_found() {
        let body = SECTIONS.replace("## 六、其他需要报告的事项\n", "").replace("四、政府", "三、政府");
        let d = run(check_sections, &report(2024, "", &body));
        assert!(d.iter().any(|d| d.message.contains("六、其他需要报告的事项 is missing")), "{d:#?}");
        assert!(d.iter().any(|d| d.message.contains("numbered 三")), "{d:#?}");
        let swapped = "## 二、主动公开政府信息情况\n\n## 一、总体情况\n";
        let d = run(check_sections, &report(2024, "", swapped));
        assert!(d.iter().any(|d| d.message.contains("comes after")), "{d:#?}");
    }

    #[test]
    fn narrative_years_are_checked() {
        let r = report(
            2020,
            "",
            "本报告统计期限自2020年1月1日至2020年12月21日止。\n\n2019年，我镇积极推进。2021年进一步改进。\n",
        );
        let d = run(check_years, &r);
        assert_eq!(d.len(), 2, "{d:#?}");
        assert!(d[0].message.contains("12月21日"));
        assert!(d[1].message.contains("speaks of 2019"));
        assert_eq!((d[1].pos.line, d[1].pos.col), (7, 1));
        let ok = report(
            2024,
            "title: 淮安市人民政府2024年政府信息公开工作年度报告\n",
            "统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日。2024 年，我市坚持。\n",
        );
        assert!(run(check_years, &ok).is_empty());
    }

    #[test]
    fn figures_in_the_text_are_compared_with_the_tables() {
        let front = "applications:\n  new: [3, 0, 0, 0, 0, 0, 3]\n  granted: [3, 0, 0, 0, 0, 0, 3]\nappeals:\n  review: [1, 0, 0, 0, 1]\n";
        let good = report(
            2024,
            front,
            "全市共受理政府信息公开申请 3 件，答复 3 件。政府信息公开行政复议 1件，行政诉讼 0 件。\n",
        );
        assert!(run(check_claims, &good).is_empty(), "{:#?}", run(check_claims, &good));
        let bad = report(2024, front, "收到依申请公开5件，另有 2 件顺延到下年度答复。\n");
        let d = run(check_claims, &bad);
        assert_eq!(d.len(), 2, "{d:#?}");
        assert_eq!(d[0].message, "the narrative states 本年新收申请 5, but the table gives 3");
        assert_eq!((d[0].pos.line, d[0].pos.col, d[0].pos.len), (10, 8, 1));
        assert!(d[1].message.contains("结转下年度 2"));
        // A part of a figure (结果维持 1 件) is not the figure.
        let parts = report(2024, front, "行政复议案件中结果维持1件。\n");
        assert!(run(check_claims, &parts).is_empty(), "{:#?}", run(check_claims, &parts));
    }

    #[test]
    fn old_labels_are_flagged_but_not_inside_new_ones() {
        let r = report(
            2024,
            "",
            "本年制发行政规范性文件3件，清理规范性文件2件。党内规范性文件另行公开，政府集中采购信息及时公开。\n",
        );
        let d = run(check_old_labels, &r);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].pos.col, 17);
        assert!(run(check_old_labels, &report(2020, "", "规范性文件\n")).is_empty());
    }

    #[test]
    fn patterns_respect_number_boundaries() {
        let tokens = crate::form::compile_pattern("受理*N件");
        let line: Vec<char> = "受理2024年申请12件".chars().collect();
        assert_eq!(claims::find_figures(&line, &tokens), vec![(9, 11, 12)]);
    }
}
