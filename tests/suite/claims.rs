//! Text and tables agree (#12): every figure the example reports' narratives
//! state that the tables hold is read and compared, however it is written;
//! the words that summarise outcomes are held to the table; the content a
//! form requires is looked for.

use crate::fixture::{TempSite, repo, report_2021, tables_2021, with_code};
use gongkai::diag::Diagnostic;

/// A figure of a narrative: a text around it that occurs once, and the figure as written in it.
type Stated = (&'static str, &'static str);

/// Every figure the 淮安 2024 narrative states that its tables hold.
const HUAIAN: &[Stated] = &[
    ("新增公开市政府规章 1 件", "1"),
    ("共受理政府信息公开申请 3119 件", "3119"),
    ("答复 3050 件", "3050"),
    ("上年度结转申请 34 件", "34"),
    ("另有 103 件顺延", "103"),
    ("政府信息公开行政复议 351件", "351"),
    ("其中结果维持 72 件", "72"),
    ("结果纠正 64 件", "64"),
    ("其他结果 178 件", "178"),
    ("尚未审结 37 件", "37"),
    ("政府信息公开行政诉讼 46 件", "46"),
    ("其中结果维持 25件", "25"),
    ("结果纠正 5 件", "5"),
    ("其他结果 9 件", "9"),
    ("尚未审结 7 件", "7"),
];

/// The figures with a measure word in the 淮安 narrative that no table holds.
const HUAIAN_OTHER: &[&str] = &["政策性文件 11 件"];

/// Every figure the 百步镇 2020 narrative states that its tables hold.
const BAIBU: &[Stated] = &[("收到依申请公开3件", "3"), ("其中2件为部分公开", "2"), ("1件为不予公开", "1")];

/// The figures with a measure word in the 百步镇 narrative that no table holds.
const BAIBU_OTHER: &[&str] = &["人大代表答复函件16件"];

/// The narrative of an example report.
fn narrative(report: &str) -> String {
    let text = std::fs::read_to_string(repo().join(report)).expect("read");
    let split = gongkai::parse::split_front_matter(&text).expect("front matter");
    text[split.body..].to_owned()
}

/// Every figure followed by `件` in `text`, as `(byte offset, digits)`.
fn figures_before_jian(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices('件') {
        let before = text[..i].trim_end_matches(' ');
        let digits: String =
            before.chars().rev().take_while(char::is_ascii_digit).collect::<Vec<_>>().into_iter().rev().collect();
        if !digits.is_empty() {
            out.push((before.len() - digits.len(), digits));
        }
    }
    out
}

/// The lists name every figure of the narrative: each stated one or other one.
fn assert_complete(report: &str, stated: &[Stated], other: &[&str]) {
    let body = narrative(report);
    for (at, digits) in figures_before_jian(&body) {
        let named = stated
            .iter()
            .map(|(c, _)| *c)
            .chain(other.iter().copied())
            .any(|c| body.match_indices(c).any(|(s, m)| s <= at && at + digits.len() <= s + m.len()));
        assert!(named, "{report}: the figure {digits} at byte {at} is in neither list");
    }
    for (context, figure) in stated {
        assert_eq!(body.matches(context).count(), 1, "{context} occurs once in {report}");
        assert!(context.contains(figure), "{context} holds {figure}");
    }
}

/// The TXT-NUM findings of `report` after raising `figure` in `context` by one.
fn raised(report: &str, (context, figure): Stated) -> (Vec<Diagnostic>, u32, u32) {
    let site = TempSite::example();
    let path = site.path().join(report);
    let text = std::fs::read_to_string(&path).expect("read");
    let n: u64 = figure.parse().expect("a figure");
    let new_context = context.replacen(figure, &(n + 1).to_string(), 1);
    let at = text.find(context).expect("context in the report");
    let line = text[..at].matches('\n').count() as u32 + 1;
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let col = text[line_start..at].chars().count() as u32
        + context[..context.find(figure).expect("figure")].chars().count() as u32
        + 1;
    std::fs::write(&path, text.replacen(context, &new_context, 1)).expect("write");
    let checked = site.check();
    let found = checked.diags.iter().filter(|d| d.file.ends_with(report)).cloned().collect();
    (found, line, col)
}

/// Raises each stated figure by one, one at a time: each raise gives one
/// warning, TXT-NUM, at that figure in that sentence, pointing at the table.
fn every_stated_figure_is_compared(report: &str, stated: &[Stated]) {
    let mut missed = Vec::new();
    for &s in stated {
        let (found, line, col) = raised(report, s);
        let new: Vec<&Diagnostic> = found.iter().filter(|d| d.code != "FMT-SECT").collect();
        let at_figure = new.iter().any(|d| {
            d.code == "TXT-NUM"
                && d.pos.line == line
                && d.pos.col == col
                && d.message.contains(&format!("为 {}", s.1.parse::<u64>().unwrap_or(0) + 1))
                && !d.related.is_empty()
                && d.related.iter().all(|r| r.file.ends_with(report) && r.pos.line < 60)
        });
        if !at_figure || new.len() != 1 {
            missed.push(format!("{}: {new:#?}", s.0));
        }
    }
    assert!(
        missed.is_empty(),
        "{} of {} raises not found as one TXT-NUM at the figure:\n{}",
        missed.len(),
        stated.len(),
        missed.join("\n")
    );
}

#[test]
fn every_figure_the_huaian_narrative_states_is_compared() {
    assert_complete("content/reports/huaian/2024.md", HUAIAN, HUAIAN_OTHER);
    every_stated_figure_is_compared("content/reports/huaian/2024.md", HUAIAN);
}

#[test]
fn every_figure_the_baibu_narrative_states_is_compared() {
    assert_complete("content/reports/baibu/2020.md", BAIBU, BAIBU_OTHER);
    every_stated_figure_is_compared("content/reports/baibu/2020.md", BAIBU);
}

#[test]
fn a_raise_quotes_the_sentence_and_names_the_cell_and_both_figures() {
    let (found, line, _) = raised("content/reports/huaian/2024.md", ("尚未审结 7 件", "7"));
    let d = found.iter().find(|d| d.code == "TXT-NUM").expect("a finding");
    assert_eq!(d.pos.line, line);
    assert_eq!(
        d.message,
        "正文“政府信息公开行政诉讼 46 件，其中结果维持 25件，结果纠正 5 件，其他结果 9 件，尚未审结 8 件。”中行政诉讼尚未审结为 8，表四「件数」行「未经复议直接起诉 尚未审结」、「复议后起诉 尚未审结」列之和为 7"
    );
    assert_eq!(d.label, "正文写的是 8");
    let labels: Vec<&str> = d.related.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(labels, ["「件数」行「未经复议直接起诉 尚未审结」列 = 1", "「件数」行「复议后起诉 尚未审结」列 = 6"]);
}

/// A 2021-form report of a 乡镇 whose tables hold the figures below, with
/// `body` as its narrative (in section 六).
fn checked(tables: &str, body: &str) -> Vec<Diagnostic> {
    let site = TempSite::new();
    site.agency("town", "乡镇");
    site.write("content/reports/town/2024.md", report_2021(2024, tables, body));
    let checked = site.check();
    with_code(&checked, "TXT-NUM").into_iter().cloned().collect()
}

/// Applications: 12 new, 102 carried in (a big carry, to exercise the
/// numerals), 2 partially granted, 112 granted, 0 carried out.
fn applications() -> String {
    tables_2021(102, 12, 0).replace(
        "granted: [114, 0, 0, 0, 0, 0, 114]",
        "granted: [112, 0, 0, 0, 0, 0, 112]\n  partial: [2, 0, 0, 0, 0, 0, 2]",
    )
}

#[test]
fn figures_are_read_however_they_are_written() {
    let t = applications();
    for body in [
        "全年共收到政府信息公开申请十二件。",
        "全年共收到政府信息公开申请１２件。",
        "全年共受理政府信息公开申请12件，上年结转一百零二件。",
        "本年度部分公开两件。",
        "全年结转下年度〇件。",
        "本年度新收政府信息公开申请共计 12 件。",
        "有114件申请在法定期限内办结，本年度答复114件。",
        "有114件申请在法定期限内办结。", // not a wording of any claim: not compared
        "本年度予以公开及部分公开114件，占100%。",
        "本年度予以公开112件，占比98.2%。",
        "本年度予以公开112件（98%）。",
        "本年度予以公开112件、部分公开2件，予以公开、部分公开各占98.2%、1.8%。",
    ] {
        let d = checked(&t, &format!("{body}\n"));
        assert!(d.is_empty(), "{body}: {d:#?}");
    }
    for (body, stated) in [
        ("全年共收到政府信息公开申请十三件。", "十三"),
        ("全年共收到政府信息公开申请１３件。", "１３"),
        ("全年共受理政府信息公开申请12件，上年结转一百零三件。", "一百零三"),
        ("本年度部分公开三件。", "三"),
        ("全年结转下年度一件。", "一"),
        ("本年度新收政府信息公开申请共计 13 件。", "13"),
        ("有 1 件申请因情况复杂顺延到下年度答复。", "1"),
        ("本年度予以公开及部分公开115件。", "115"),
        ("全年共受理政府信息公开申请1,200件。", "1,200"),
        ("全年共受理政府信息公开申请1.2万件。", "1.2万"),
    ] {
        let d = checked(&t, &format!("{body}\n"));
        assert_eq!(d.len(), 1, "{body}: {d:#?}");
        assert!(d[0].message.contains(&format!("为 {stated}，")), "{body}: {}", d[0].message);
        let col = body.find(stated).map(|b| body[..b].chars().count() + 1);
        assert_eq!(Some(d[0].pos.col as usize), col, "{body}: pointed at the figure");
    }
}

#[test]
fn a_stated_share_is_compared_with_the_computed_one_within_its_rounding() {
    let t = applications();
    // 112 of 114 = 98.2456 %: 98.2, 98, 98.25 (rounded) and 98.24 (cut) agree; 98.3 and 97.2 do not.
    for share in ["98.2", "98", "98.25", "98.24"] {
        let d = checked(&t, &format!("本年度予以公开112件，占{share}%。\n"));
        assert!(d.is_empty(), "{share}: {d:#?}");
    }
    assert_eq!(checked(&t, "本年度予以公开112件，占98.3%。\n").len(), 1);
    let d = checked(&t, "本年度予以公开112件，占97.2%。\n");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].message.contains("予以公开占 97.2%，按表格计算为 98.25%（112 ÷ 114，"), "{}", d[0].message);
}

/// Table 四 with review [upheld, corrected, other, pending, total] and the
/// two kinds of litigation.
fn appeals(review: [i64; 5], direct: [i64; 5], after: [i64; 5]) -> String {
    let row = |v: [i64; 5]| format!("[{}, {}, {}, {}, {}]", v[0], v[1], v[2], v[3], v[4]);
    tables_2021(0, 3, 0)
        .replace("\n  review: [0, 0, 0, 0, 0]", &format!("\n  review: {}", row(review)))
        .replace("direct: [0, 0, 0, 0, 0]", &format!("direct: {}", row(direct)))
        .replace("after_review: [0, 0, 0, 0, 0]", &format!("after_review: {}", row(after)))
}

#[test]
fn words_that_summarise_outcomes_are_held_to_the_table() {
    let upheld = appeals([2, 0, 0, 0, 2], [1, 0, 0, 0, 1], [0, 0, 0, 0, 0]);
    let pending = appeals([1, 0, 0, 1, 2], [1, 0, 0, 0, 1], [0, 0, 0, 0, 0]);
    let corrected = appeals([1, 1, 0, 0, 2], [0, 1, 0, 0, 1], [0, 0, 0, 0, 0]);
    for (tables, body) in [
        (&upheld, "因政府信息公开被申请行政复议2件、被提起行政诉讼1件，均获维持。"),
        (&pending, "被提起行政诉讼1件，均获维持。"),
        (&corrected, "行政复议2件；行政诉讼1件，结果纠正1件。"),
        (&upheld, "全年行政诉讼零败诉。"),
        (&tables_2021(0, 3, 0), "本年度未发生因政府信息公开引起的行政复议、行政诉讼。"),
        (&upheld, "本年度未发生行政复议被纠错的情况。"),
    ] {
        let d = checked(tables, &format!("{body}\n"));
        assert!(d.is_empty(), "{body}: {d:#?}");
    }
    let body = "因政府信息公开被申请行政复议2件、被提起行政诉讼1件，均获维持。";
    let d = checked(&pending, &format!("{body}\n"));
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].message.contains("写“均获维持”（均获维持），但表四「件数」行「行政复议 尚未审结」列为 1"),
        "{}",
        d[0].message
    );
    let col = body[..body.find("均获维持").unwrap_or(0)].chars().count() as u32 + 1;
    assert_eq!((d[0].pos.col, d[0].pos.len), (col, 4), "pointed at the words");
    let d = checked(&corrected, "全年行政诉讼零败诉。\n");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].message.contains("「未经复议直接起诉 结果纠正」列为 1"), "{}", d[0].message);
    let d = checked(&corrected, "行政复议、行政诉讼均无被纠错。\n");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].message.contains("「行政复议 结果纠正」列为 1、表四「件数」行「未经复议直接起诉 结果纠正」列为 1"),
        "{}",
        d[0].message
    );
    let d = checked(&upheld, "本年度未发生因政府信息公开引起的行政复议。\n");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].message.contains("「行政复议 总计」列为 2"), "{}", d[0].message);
}

#[test]
fn outcomes_of_review_and_litigation_are_told_apart_by_what_the_sentence_speaks_of() {
    let t = appeals([2, 1, 0, 0, 3], [1, 0, 1, 0, 2], [0, 0, 0, 1, 1]);
    let ok = "行政复议3件，其中维持2件、纠正1件；行政诉讼3件，其中维持1件，其他结果1件，尚未审结1件。复议后起诉1件，尚未审结1件。";
    assert!(checked(&t, &format!("{ok}\n")).is_empty(), "{:#?}", checked(&t, &format!("{ok}\n")));
    let d = checked(&t, "行政复议3件，其中维持2件；行政诉讼3件，其中维持2件。\n");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].message.contains("中行政诉讼结果维持为 2，"), "{}", d[0].message);
    let d = checked(&t, "行政复议、行政诉讼各3件，未经复议直接起诉2件。\n");
    assert!(d.is_empty(), "各 applies to both: {d:#?}");
    let d = checked(&t, "行政复议、行政诉讼各2件。\n");
    assert_eq!(d.len(), 2, "各 applies to both: {d:#?}");
    let both = appeals([1, 0, 0, 0, 1], [1, 0, 0, 0, 1], [0, 0, 0, 0, 0]);
    let d = checked(&both, "行政复议、行政诉讼各1件。\n");
    assert!(d.is_empty(), "{d:#?}");
}

#[test]
fn the_2021_forms_required_content_is_looked_for_where_written() {
    let site = TempSite::new();
    site.agency("town", "乡镇").agency("dept", "部门");
    let tables = tables_2021(0, 3, 0);
    let silent =
        "## 一、总体情况\n\n本年度工作稳步推进。\n\n## 六、其他需要报告的事项\n\n本年度无其他需要报告的事项。\n";
    site.write("content/reports/town/2024.md", format!("---\nyear: 2024\n{tables}---\n{silent}"));
    site.write("content/reports/dept/2024.md", format!("---\nyear: 2024\n{tables}---\n{silent}"));
    let checked = site.check();
    let codes = |slug: &str| -> Vec<String> {
        let mut c: Vec<String> = checked
            .diags
            .iter()
            // Not about required content: the sections left out, the thin ones, the two reports alike.
            .filter(|d| d.file.to_string_lossy().contains(slug))
            .filter(|d| !["FMT-SECT", "TXT-THIN", "X-COPY"].contains(&d.code.as_ref()))
            .map(|d| format!("{} {}", d.code, d.pos.line))
            .collect();
        c.sort();
        c
    };
    let lines = 2 + tables.lines().count() as u32 + 1;
    assert_eq!(codes("town"), [format!("FEE-21 {}", lines + 5), format!("GOV-50-4 {}", lines + 1)]);
    assert_eq!(codes("dept"), [format!("FEE-21 {}", lines + 5)], "a department is not a 人民政府");
    let gov = checked.diags.iter().find(|d| d.code == "GOV-50-4").expect("GOV-50-4");
    assert!(
        gov.message.starts_with("正文没有写工作考核、社会评议和责任追究结果情况：《条例》第五十条第（四）项"),
        "{}",
        gov.message
    );
    let answered = "## 一、总体情况\n\n全年开展政务公开考核一次。\n\n## 六、其他需要报告的事项\n\n严格执行信息处理费管理办法。本年度未收取信息处理费。\n";
    site.write("content/reports/town/2024.md", format!("---\nyear: 2024\n{tables}---\n{answered}"));
    let unanswered = answered.replace("本年度未收取信息处理费。", "");
    site.write("content/reports/dept/2024.md", format!("---\nyear: 2024\n{tables}---\n{unanswered}"));
    let checked = site.check();
    let found: Vec<&Diagnostic> =
        checked.diags.iter().filter(|d| !["FMT-SECT", "TXT-THIN", "X-COPY"].contains(&d.code.as_ref())).collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].code, "FEE-21");
    assert!(found[0].file.ends_with("dept/2024.md"));
    assert!(
        found[0].message.starts_with("正文提到“信息处理费”，但没有写明信息处理费的收取情况"),
        "{}",
        found[0].message
    );
}

#[test]
fn ordinary_prose_with_figures_is_not_read_as_a_claim() {
    let tables = appeals([1, 0, 0, 0, 1], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]);
    for body in [
        "全年受理群众来信来访56件。",
        "答复网民留言356件，办结人大代表建议12件、政协提案8件。",
        "收到人大代表建议15件，均已按期办复。",
        "全年主动公开政府信息1200条，其中政策文件75条。",
        "公开行政处罚、行政许可等“双公示”信息1200条。",
        "全年召开新闻发布会12场，合格率均为100%。",
        "一是加强培训，二是完善制度，做到件件有落实。",
        "第一件申请于3月办结，处理期间未收到投诉。",
        "全市政策性文件 11 件，清理文件两件。",
        "受理申请3件，同比增长50%。",
        "行政复议1件，结果维持。本年度未发生行政复议被纠错的情况。",
    ] {
        let d = checked(&tables, &format!("{body}\n"));
        assert!(d.is_empty(), "{body}: {d:#?}");
    }
}

#[test]
fn the_three_contradictions_of_the_issue_are_found() {
    // The provincial report of issue #12: 予以公开及部分公开 258 against 275, 无法提供 265
    // against 337, 复议、诉讼“均获维持” with cases 尚未审结.
    let tables = tables_2021(0, 612, 0)
        .replace("granted: [612, 0, 0, 0, 0, 0, 612]", "granted: [200, 0, 0, 0, 0, 0, 200]\n  partial: [75, 0, 0, 0, 0, 0, 75]\n  unable_1: [337, 0, 0, 0, 0, 0, 337]")
        .replace("\n  review: [0, 0, 0, 0, 0]", "\n  review: [1, 0, 0, 1, 2]")
        .replace("direct: [0, 0, 0, 0, 0]", "direct: [1, 0, 0, 0, 1]");
    let body = "全年共受理政府信息公开申请612件，其中予以公开及部分公开258件，无法提供265件。行政复议2件、诉讼1件，复议、诉讼“均获维持”。\n";
    let d = checked(&tables, body);
    let messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(d.len(), 3, "{messages:#?}");
    assert!(messages[0].ends_with("中予以公开及部分公开为 258，表三「（一）予以公开」、「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」行「总计」列之和为 275"), "{}", messages[0]);
    assert!(messages[1].ends_with("中无法提供为 265，表三「1.本机关不掌握相关政府信息」、「2.没有现成信息需要另行制作」、「3.补正后申请内容仍不明确」行「总计」列之和为 337"), "{}", messages[1]);
    assert!(
        messages[2].ends_with("写“均获维持”（均获维持），但表四「件数」行「行政复议 尚未审结」列为 1"),
        "{}",
        messages[2]
    );
}

#[test]
fn each_applies_to_every_subject_but_not_to_their_sum() {
    let t = tables_2021(0, 2, 0)
        .replace("granted: [2, 0, 0, 0, 0, 0, 2]", "granted: [1, 0, 0, 0, 0, 0, 1]\n  partial: [1, 0, 0, 0, 0, 0, 1]");
    assert!(checked(&t, "收到申请2件，予以公开、部分公开各1件。\n").is_empty());
    let d = checked(&t, "收到申请2件，予以公开、部分公开各2件。\n");
    let names: Vec<bool> =
        ["中予以公开为 2", "中部分公开为 2"].iter().map(|n| d.iter().any(|d| d.message.contains(n))).collect();
    assert_eq!((d.len(), names), (2, vec![true, true]), "{d:#?}");
}

#[test]
fn common_wordings_of_published_reports_are_read() {
    // 25 new (23 自然人, 2 商业企业), 2 carried in, 25 handled: 10 予以公开, 3 部分公开,
    // 2 不予公开, 8 无法提供, 1 不予处理, 1 其他处理; 2 carried out; one 复议 upheld.
    let tables = tables_2021(2, 25, 2)
        .replace("new: [25, 0, 0, 0, 0, 0, 25]", "new: [23, 2, 0, 0, 0, 0, 25]")
        .replace("granted: [25, 0, 0, 0, 0, 0, 25]", "granted: [8, 2, 0, 0, 0, 0, 10]\n  partial: [3, 0, 0, 0, 0, 0, 3]\n  denied_4: [2, 0, 0, 0, 0, 0, 2]\n  unable_1: [8, 0, 0, 0, 0, 0, 8]\n  not_processed_2: [1, 0, 0, 0, 0, 0, 1]\n  other_3: [1, 0, 0, 0, 0, 0, 1]")
        .replace("total: [25, 0, 0, 0, 0, 0, 25]", "total: [23, 2, 0, 0, 0, 0, 25]")
        .replace("\n  review: [0, 0, 0, 0, 0]", "\n  review: [1, 0, 0, 0, 1]");
    let text = "本机关共收到政府信息公开申请25件，上年结转2件，办结25件，结转下年度继续办理2件。其中，予以公开10件，部分公开3件，不予公开2件，无法提供8件，不予处理1件，其他处理1件。其中自然人申请23件，法人或其他组织申请2件。因政府信息公开工作被申请行政复议1件，结果维持1件，未被提起行政诉讼。";
    let d = checked(&tables, &format!("{text}\n"));
    assert!(d.is_empty(), "{d:#?}");
    // Each figure raised by one is found.
    let figures = [
        "申请25件",
        "上年结转2件",
        "办结25件",
        "继续办理2件",
        "予以公开10件",
        "部分公开3件",
        "不予公开2件",
        "无法提供8件",
        "不予处理1件",
        "其他处理1件",
        "自然人申请23件",
        "组织申请2件",
        "行政复议1件",
        "结果维持1件",
    ];
    for f in figures {
        let digits: String = f.chars().filter(char::is_ascii_digit).collect();
        let raised = f.replace(&digits, &(digits.parse::<u32>().unwrap_or(0) + 1).to_string());
        let d = checked(&tables, &format!("{}\n", text.replacen(f, &raised, 1)));
        assert_eq!(d.len(), 1, "{f}: {d:#?}");
    }
    let d = checked(&tables, "全年未因政府信息公开工作被申请行政复议或提起行政诉讼。\n");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].message.contains("（未发生行政复议），但表四「件数」行「行政复议 总计」列为 1"), "{}", d[0].message);
}

#[test]
fn a_megabyte_of_stated_figures_is_read_in_linear_time() {
    // Each about 900 KB on one line; linear passes take a few seconds in a debug build.
    let limit = std::time::Duration::from_secs(30);
    let site = TempSite::new();
    site.agency("town", "乡镇");
    for unit in
        ["1件", "一件", "均获维持。", "行政复议1件，其中维持", "予以公开及部分公开1件，", "二〇二〇年十二月三十日至"]
    {
        let body = unit.repeat(900_000 / unit.len());
        site.write("content/reports/town/2024.md", report_2021(2024, &tables_2021(0, 3, 0), &body));
        let started = std::time::Instant::now();
        let (code, _, err) = site.run(&["check"]);
        assert!(code == 0 || code == 1, "{unit}: {err}");
        assert!(started.elapsed() < limit, "{unit}: {:?}", started.elapsed());
    }
}
