//! Checks of the Markdown narrative: the six sections ([`sections`]), the
//! years it speaks of ([`years`]), the figures it states ([`claims`], read
//! by [`numbers`] and [`matching`], compared through [`cells`]) and the words
//! that summarise them ([`summaries`]), the content it must have
//! ([`required`]), labels of an older form ([`labels`]), sections that say
//! next to nothing ([`perfunctory`]) and numbering out of order ([`enumeration`]). Each reads the
//! report's [`crate::model::Narrative`] and body as parsed; none re-reads the file.

mod cells;
mod claims;
mod enumeration;
mod labels;
mod matching;
mod numbers;
mod perfunctory;
mod required;
mod sections;
mod summaries;
mod years;

pub use crate::form::normalize;
pub use claims::check_claims;
pub use enumeration::check_enumerations;
pub use labels::check_old_labels;
pub use perfunctory::check_substance;
pub use required::{check_required, find_unreported};
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
        assert_eq!(d[0].message, "第五部分“存在的主要问题及改进情况”缺少序号“五、”");
        assert_eq!(d[0].help.as_deref(), Some("写成 `## 五、存在的主要问题及改进情况`"));
    }

    #[test]
    fn missing_wrongly_numbered_and_out_of_order_sections_are_found() {
        let body = SECTIONS.replace("## 六、其他需要报告的事项\n", "").replace("四、政府", "三、政府");
        let d = run(check_sections, &report(2024, "", &body));
        assert!(
            d.iter()
                .any(|d| d.message == "缺少“六、其他需要报告的事项”部分，应在“五、存在的主要问题及改进情况”部分之后"),
            "{d:#?}"
        );
        assert!(d.iter().any(|d| d.message.contains("序号写成了“三”，按格式应为“四”")), "{d:#?}");
        let swapped = "## 二、主动公开政府信息情况\n\n## 一、总体情况\n";
        let d = run(check_sections, &report(2024, "", swapped));
        assert!(
            d.iter().any(|d| d.message == "“一、总体情况”部分排在“二、主动公开政府信息情况”部分之后，顺序不对"),
            "{d:#?}"
        );
    }

    #[test]
    fn a_missing_section_is_pointed_at_where_it_belongs() {
        // 三 and 四 left out: one finding, at 二's heading, naming both in the form's order.
        let body = SECTIONS
            .replace("## 三、收到和处理政府信息公开申请情况\n\n", "")
            .replace("## 四、政府信息公开行政复议、行政诉讼情况\n\n", "");
        let r = report(2024, "", &body);
        let d = run(check_sections, &r);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(
            d[0].message,
            "缺少“三、收到和处理政府信息公开申请情况”、“四、政府信息公开行政复议、行政诉讼情况”部分，应在“二、主动公开政府信息情况”部分之后"
        );
        let second = r.report.narrative.headings.iter().find(|h| h.text.starts_with("二、")).unwrap();
        assert_eq!(d[0].pos, second.pos);
        assert_eq!(d[0].label, "缺少的部分应加在这一部分之后");
        assert_eq!(
            d[0].help.as_deref(),
            Some(
                "依次加上标题 `## 三、收到和处理政府信息公开申请情况`、`## 四、政府信息公开行政复议、行政诉讼情况`；表格显示在所属部分的标题下"
            )
        );
        // The first section missing: before the first one present.
        let d = run(check_sections, &report(2024, "", &SECTIONS.replace("## 一、总体情况\n\n", "")));
        assert_eq!(d[0].message, "缺少“一、总体情况”部分，应在“二、主动公开政府信息情况”部分之前", "{d:#?}");
        // Gaps in several places: each at its own place, so they read in the form's order.
        let body = SECTIONS.replace("## 二、主动公开政府信息情况\n\n", "").replace("## 六、其他需要报告的事项\n", "");
        let d = run(check_sections, &report(2024, "", &body));
        let mut lines: Vec<(u32, &str)> = d.iter().map(|d| (d.pos.line, d.message.as_str())).collect();
        lines.sort();
        assert_eq!(lines.len(), 2, "{d:#?}");
        assert!(lines[0].1.starts_with("缺少“二、") && lines[1].1.starts_with("缺少“六、"), "{lines:?}");
        // No section at all.
        let d = run(check_sections, &report(2024, "", "正文。\n"));
        assert_eq!(d.len(), 1, "{d:#?}");
        assert!(d[0].message.starts_with("正文缺少“一、总体情况”、“二、"), "{}", d[0].message);
    }

    #[test]
    fn a_section_at_the_wrong_heading_level_is_named_as_such() {
        let body = SECTIONS.replace("## 三、收到", "### 三、收到");
        let r = report(2024, "", &body);
        let d = run(check_sections, &r);
        assert_eq!(d.len(), 1, "not also missing: {d:#?}");
        assert_eq!(
            d[0].message,
            "“三、收到和处理政府信息公开申请情况”部分的标题是 3 级（`###`），其他部分是 2 级（`##`）"
        );
        assert_eq!(d[0].help.as_deref(), Some("写成 `## 三、收到和处理政府信息公开申请情况`"));
        let third = r.report.narrative.headings.iter().find(|h| h.text.starts_with("三、")).unwrap();
        assert_eq!(d[0].pos, third.pos);
    }

    #[test]
    fn section_messages_read_in_english_too() {
        use crate::i18n::{Args, Lang, text_in};
        let mut args = Args::new();
        args.set("sections", "“六、其他需要报告的事项”");
        args.set("previous", "五、存在的主要问题及改进情况");
        assert_eq!(
            text_in(Lang::En, "check-sect-missing-after", Some(&args)),
            "section(s) “六、其他需要报告的事项” missing: they belong after section “五、存在的主要问题及改进情况”"
        );
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
        assert_eq!(d[0].message, "统计期限止于 2020年12月21日，应为 2020年12月31日");
        assert_eq!(d[1].message, "正文把 2019 年当作工作年度，但这是 2020 年的年报");
        assert_eq!((d[1].pos.line, d[1].pos.col), (7, 1));
        let ok = report(
            2024,
            "title: 淮安市人民政府2024年政府信息公开工作年度报告\n",
            "统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日。2024 年，我市坚持。\n",
        );
        assert!(run(check_years, &ok).is_empty());
    }

    #[test]
    fn a_statistical_period_must_end_on_the_last_day_of_the_year_however_written() {
        let check = |text: &str| -> Vec<String> {
            run(check_years, &report(2020, "", &format!("{text}\n"))).into_iter().map(|d| d.message).collect()
        };
        assert_eq!(
            check("统计期限自2020年1月1日至2020年11月30日止。"),
            ["统计期限止于 2020年11月30日，应为 2020年12月31日"]
        );
        assert_eq!(
            check("统计期限自２０２０年１月１日至２０２０年１２月２１日。"),
            ["统计期限止于 2020年12月21日，应为 2020年12月31日"]
        );
        assert_eq!(
            check("统计期限自二〇二〇年一月一日至二〇二〇年十二月三十日。"),
            ["统计期限止于 2020年12月30日，应为 2020年12月31日"]
        );
        assert_eq!(check("统计期限自2019年1月1日起至2019年12月31日止。").len(), 2, "both ends in another year");
        assert!(check("统计期限自二〇二〇年一月一日至二〇二〇年十二月三十一日。").is_empty());
        assert!(check("自2020年1月1日起至2020年12月31日止。").is_empty());
        assert!(
            check("2020年6月1日至2020年6月30日开展专项检查，2018—2020年度规划已完成。").is_empty(),
            "events of the year"
        );
        assert_eq!(check("统计时段为2020年2月1日至2020年11月30日。").len(), 1, "统计 says it is the period");
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
        assert_eq!(
            d[0].message,
            "正文“收到依申请公开5件，另有 2 件顺延到下年度答复。”中本年新收申请为 5，表三「一、本年新收政府信息公开申请数量」行「总计」列为 3"
        );
        assert_eq!((d[0].pos.line, d[0].pos.col, d[0].pos.len), (10, 8, 1));
        assert!(d[1].message.contains("结转下年度为 2"), "{}", d[1].message);
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
        let line: Vec<char> = "受理2024年申请12件".chars().collect();
        assert_eq!(claims::find_figures(&line, "受理*N件"), vec![(9, 11, 12)]);
    }
}
