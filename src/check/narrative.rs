//! Checks of the Markdown narrative: the six sections, the years it speaks
//! of, the figures it states, and labels of an older form.

use crate::diag::{Diagnostic, Pos};
use crate::form::Claim;
use crate::model::Report;
use crate::source::LineIndex;

pub use crate::form::normalize;

/// FMT-SECT: the six sections present, in order, each with its numeral.
pub fn check_sections(report: &Report, diags: &mut Vec<Diagnostic>) {
    let form = &report.form;
    let mut found = [false; 6];
    let mut last: Option<usize> = None;
    let file = &report.file;
    for h in report.narrative.section_headings() {
        let Some(m) = form.match_heading(&h.text) else {
            diags.push(
                Diagnostic::warning("FMT-SECT", file, h.pos, format!("the heading `{}` is not one of the six sections of the form", h.text))
                    .with_help("sections are level-2 headings `## 一、总体情况` … `## 六、其他需要报告的事项`; use `###` or bold text for sub-headings"),
            );
            continue;
        };
        let (k, numeral, by_title) = (m.section, m.numeral, m.by_title.then_some(()));
        let spec = &form.sections[k];
        let official = format!("{}、{}", spec.numeral, spec.title);
        match (&numeral, by_title) {
            (None, _) => diags.push(
                Diagnostic::warning(
                    "FMT-SECT",
                    file,
                    h.pos,
                    format!(
                        "section {} `{}` is printed without its numeral `{}、`",
                        spec.numeral, h.text, spec.numeral
                    ),
                )
                .with_label("no numeral")
                .with_help(format!(
                    "write `## {}{}`",
                    format_args!("{}、", spec.numeral),
                    h.text.trim()
                )),
            ),
            (Some(n), Some(_)) if *n != spec.numeral => diags.push(
                Diagnostic::warning(
                    "FMT-SECT",
                    file,
                    h.pos,
                    format!("section `{}` is numbered {n}, but it is section {} of the form", spec.title, spec.numeral),
                )
                .with_help(format!("write `## {official}`")),
            ),
            (Some(_), None) => diags.push(
                Diagnostic::warning(
                    "FMT-SECT",
                    file,
                    h.pos,
                    format!("the heading `{}` does not read like section {} `{}`", h.text, spec.numeral, spec.title),
                )
                .with_help(format!("write `## {official}`")),
            ),
            _ => {}
        }
        if found[k] {
            diags.push(Diagnostic::warning("FMT-SECT", file, h.pos, format!("section {} appears twice", spec.numeral)));
        } else if last.is_some_and(|l| k < l) {
            diags.push(
                Diagnostic::warning(
                    "FMT-SECT",
                    file,
                    h.pos,
                    format!(
                        "section {} comes after section {}",
                        spec.numeral,
                        form.sections[last.unwrap_or(0)].numeral
                    ),
                )
                .with_help("the six sections follow the form's order 一 … 六"),
            );
        }
        found[k] = true;
        last = Some(last.map_or(k, |l| l.max(k)));
    }
    let anchor = Pos::new(report.body_line, 1, 1);
    for (k, spec) in form.sections.iter().enumerate() {
        if !found[k] {
            diags.push(
                Diagnostic::warning(
                    "FMT-SECT",
                    file,
                    anchor,
                    format!("section {}、{} is missing", spec.numeral, spec.title),
                )
                .with_help(format!(
                    "add a heading `## {}、{}`{}",
                    spec.numeral,
                    spec.title,
                    if (2..=4).contains(&(k + 1)) { " (its tables are placed under it)" } else { "" }
                )),
            );
        }
    }
}

/// Characters that join the two ends of a date range.
const RANGE_MARKS: &[char] = &['至', '到', '—', '-', '~', '－', '～'];

/// A four-digit year written before 年, with its byte range in the line.
struct YearMention {
    year: i32,
    start: usize,
    end: usize,
}

/// Finds `2020年` and `2020 年` in a line.
fn years_in(line: &str) -> Vec<YearMention> {
    let mut out = Vec::new();
    for (i, _) in line.match_indices('年') {
        let before = line[..i].trim_end_matches(' ');
        let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if digits != 4 {
            continue;
        }
        let start = before.len() - 4;
        if let Ok(year) = before[start..].parse() {
            out.push(YearMention { year, start, end: i + '年'.len_utf8() });
        }
    }
    out
}

/// TXT-YEAR: the statistical period and the narrative's years against the report year.
pub fn check_years(report: &Report, diags: &mut Vec<Diagnostic>) {
    let index = LineIndex::new(&report.body);
    let file = &report.file;
    let year = report.year;
    let mut offset = 0;
    for line in report.body.split_inclusive('\n') {
        for m in years_in(line) {
            let after = line[m.end..].trim_start_matches(' ');
            let pos = report.body_pos(&index, offset + m.start, m.end - m.start);
            // Only a range (…1月1日至… / …至…12月31日) is the statistical period;
            // other dates in those months are events of the year.
            let compact_after: String = after.chars().filter(|c| *c != ' ').take(8).collect();
            let starts_period = compact_after.strip_prefix("1月1日").is_some_and(|r| r.starts_with(RANGE_MARKS));
            let ends_period = line[..m.start].trim_end_matches(' ').ends_with(RANGE_MARKS);
            if starts_period {
                if m.year != year {
                    diags.push(
                        Diagnostic::warning(
                            "TXT-YEAR",
                            file,
                            pos,
                            format!("the statistical period starts in {}, but this is the {year} report", m.year),
                        )
                        .with_related(file, report.year_pos, "report year")
                        .with_help(format!("the period is {year}年1月1日至{year}年12月31日")),
                    );
                }
                continue;
            }
            if let Some(rest) = compact_after.strip_prefix("12月").filter(|_| ends_period) {
                let day: String = rest.chars().take_while(char::is_ascii_digit).collect();
                if rest[day.len()..].starts_with('日') && (m.year != year || day != "31") {
                    diags.push(
                        Diagnostic::warning(
                            "TXT-YEAR",
                            file,
                            pos,
                            format!("the statistical period ends on {}年12月{day}日, not {year}年12月31日", m.year),
                        )
                        .with_related(file, report.year_pos, "report year"),
                    );
                }
                continue;
            }
            let topical = ["，", ",", "以来", "度，", "工作", "度工作"].iter().any(|s| after.starts_with(s));
            if topical && (year - 3..year).contains(&m.year) {
                diags.push(
                    Diagnostic::warning(
                        "TXT-YEAR",
                        file,
                        pos,
                        format!(
                            "the narrative speaks of {} as the year of the work, but this is the {year} report",
                            m.year
                        ),
                    )
                    .with_label(format!("{}年", m.year))
                    .with_related(file, report.year_pos, "report year")
                    .with_help("was this text copied from an earlier report? describe the report year's work"),
                );
            }
        }
        offset += line.len();
    }
    if let Some(title) = &report.title
        && let Some(m) = years_in(title).into_iter().find(|m| m.year != year)
    {
        diags.push(
            Diagnostic::warning(
                "TXT-YEAR",
                file,
                report.year_pos,
                format!("the title says {}年, but `year` is {year}", m.year),
            )
            .with_help("correct the title or the year"),
        );
    }
}

/// A compiled narrative pattern: literal text, gaps and the number.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Lit(Vec<char>),
    Gap,
    Num,
}

/// Characters a gap may not cross: they end the clause a figure belongs to.
const STOPS: &[char] = &['。', '；', ';', '，', ',', '：', ':', '！', '？', '\n', '（', '('];

/// Longest gap, in characters.
const GAP_MAX: usize = 24;

/// Most spaces allowed between a figure and its words (`3 件`): people type
/// one, sometimes two. Bounding it keeps every scan linear: a line of
/// 200,000 spaces once took 42 s when each start skipped all of them.
const SPACES_MAX: usize = 3;

/// `at` moved past at most [`SPACES_MAX`] spaces.
fn skip_spaces(line: &[char], mut at: usize) -> usize {
    let limit = at + SPACES_MAX;
    while at < limit && line.get(at) == Some(&' ') {
        at += 1;
    }
    at
}

/// A gap may not cross these: they introduce a part of the figure (其中…,
/// 结果维持 2 件), not the figure itself.
const GAP_STOP_WORDS: &[&[char]] =
    &[&['中'], &['结', '果'], &['维', '持'], &['纠', '正'], &['审', '结'], &['驳', '回'], &['含']];

/// Whether a stop word ends at `end` within `line[start..end]`.
fn stop_word_ends_at(line: &[char], start: usize, end: usize) -> bool {
    GAP_STOP_WORDS.iter().any(|w| end >= start + w.len() && line[end - w.len()..end] == **w)
}

fn compile_pattern(p: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut lit = Vec::new();
    for c in p.chars() {
        if c == '*' || c == 'N' {
            if !lit.is_empty() {
                out.push(Token::Lit(std::mem::take(&mut lit)));
            }
            out.push(if c == '*' { Token::Gap } else { Token::Num });
        } else {
            lit.push(c);
        }
    }
    if !lit.is_empty() {
        out.push(Token::Lit(lit));
    }
    out
}

/// Matches `tokens` at `at`; returns the number's (start, end, value).
fn match_at(
    line: &[char],
    at: usize,
    tokens: &[Token],
    num: Option<(usize, usize, i64)>,
) -> Option<(usize, usize, i64)> {
    let Some((tok, rest)) = tokens.split_first() else {
        return num;
    };
    match tok {
        Token::Lit(l) => {
            let i = if num.is_some_and(|(_, e, _)| e == at) { skip_spaces(line, at) } else { at };
            (line.get(i..i + l.len())? == l.as_slice()).then_some(())?;
            match_at(line, i + l.len(), rest, num)
        }
        Token::Gap => {
            for g in 0..=GAP_MAX.min(line.len().saturating_sub(at)) {
                if g > 0 && (STOPS.contains(&line[at + g - 1]) || stop_word_ends_at(line, at, at + g)) {
                    return None;
                }
                if let Some(found) = match_at(line, at + g, rest, num) {
                    return Some(found);
                }
            }
            None
        }
        Token::Num => {
            let mut i = skip_spaces(line, at);
            if i > 0 && line.get(i - 1).is_some_and(|c| c.is_ascii_digit() || *c == '.') {
                return None;
            }
            let start = i;
            while line.get(i).is_some_and(char::is_ascii_digit) {
                i += 1;
            }
            if i == start || line.get(i) == Some(&'.') {
                return None;
            }
            let value: i64 = line[start..i].iter().collect::<String>().parse().ok()?;
            match_at(line, i, rest, Some((start, i, value)))
        }
    }
}

/// Every figure in `line` that `pattern` finds: (char start, char end, value).
fn find_figures(line: &[char], tokens: &[Token]) -> Vec<(usize, usize, i64)> {
    // A match starts with the first literal when the pattern does.
    // A pattern that starts with its figure starts at the figure's first
    // digit (not at each space before it), so a long run of spaces or digits
    // is passed over once.
    let first = match tokens.first() {
        Some(Token::Lit(l)) => l.first().copied(),
        _ => None,
    };
    let num_first = matches!(tokens.first(), Some(Token::Num));
    let digit = |i: usize| line.get(i).is_some_and(char::is_ascii_digit);
    (0..line.len())
        .filter(|&at| first.is_none_or(|c| line[at] == c))
        .filter(|&at| !num_first || (digit(at) && (at == 0 || !digit(at - 1))))
        .filter_map(|at| match_at(line, at, tokens, None))
        .collect()
}

/// A pattern compiled once per form: its tokens and the literals a line
/// must contain for the pattern to match anywhere in it.
struct Compiled {
    tokens: Vec<Token>,
    literals: Vec<String>,
}

impl Compiled {
    fn new(pattern: &str) -> Compiled {
        let tokens = compile_pattern(pattern);
        let literals = tokens
            .iter()
            .filter_map(|t| match t {
                Token::Lit(l) => Some(l.iter().collect()),
                _ => None,
            })
            .collect();
        Compiled { tokens, literals }
    }

    /// Cheap test on the line's text before any character matching.
    fn may_match(&self, line: &str) -> bool {
        self.literals.iter().all(|l| line.contains(l.as_str()))
    }
}

/// TXT-NUM: figures stated in the narrative against the tables.
pub fn check_claims(report: &Report, diags: &mut Vec<Diagnostic>) {
    let index = LineIndex::new(&report.body);
    let compiled: Vec<(&Claim, Vec<Compiled>)> =
        report.form.text_claims.iter().map(|c| (c, c.patterns.iter().map(|p| Compiled::new(p)).collect())).collect();
    let mut seen: std::collections::HashSet<(Pos, &str)> = std::collections::HashSet::new();
    let mut next = 0;
    for line in report.body.split_inclusive('\n') {
        let offset = next;
        next += line.len();
        // Most lines state no figure: skip them before any character work
        // (every figure pattern ends in a measure word such as 件).
        if !line.contains('件') || !compiled.iter().any(|(_, ps)| ps.iter().any(|p| p.may_match(line))) {
            continue;
        }
        let chars: Vec<char> = line.chars().collect();
        // Byte offset of every character, so positions cost O(1) each.
        let offsets: Vec<usize> = std::iter::once(0)
            .chain(chars.iter().scan(0, |acc, c| {
                *acc += c.len_utf8();
                Some(*acc)
            }))
            .collect();
        let byte_at = |ci: usize| offsets.get(ci).copied().unwrap_or(line.len());
        for (claim, patterns) in &compiled {
            let Some((spec, data)) = report.table(&claim.table).filter(|(_, d)| d.given) else {
                continue;
            };
            let cells = &claim.cells;
            let Some(expected) =
                cells.iter().try_fold(0i64, |acc, &(r, c)| acc.checked_add(data.cell(r, c).value.int()))
            else {
                continue;
            };
            for pattern in patterns.iter().filter(|p| p.may_match(line)) {
                for (s, e, value) in find_figures(&chars, &pattern.tokens) {
                    let pos = report.body_pos(&index, offset + byte_at(s), byte_at(e) - byte_at(s));
                    if value == expected || seen.contains(&(pos, claim.name.as_str())) {
                        continue;
                    }
                    seen.insert((pos, claim.name.as_str()));
                    let mut d = Diagnostic::warning(
                        "TXT-NUM",
                        &report.file,
                        pos,
                        format!("the narrative states {} {value}, but the table gives {expected}", claim.name),
                    )
                    .with_label(format!("text says {value}"))
                    .with_help("correct the text or the table so the report says one thing");
                    for &(r, c) in cells {
                        let cell = data.cell(r, c);
                        d = d.with_related(
                            &report.file,
                            cell.pos,
                            format!("{} / {} = {}", spec.row_leaves[r].label, spec.col_leaves[c].label, cell.value),
                        );
                    }
                    diags.push(d);
                }
            }
        }
    }
}

/// FMT-LABEL: labels of an older form in the narrative of a report of a newer one.
pub fn check_old_labels(report: &Report, diags: &mut Vec<Diagnostic>) {
    let form = &report.form;
    if form.old_labels.is_empty() {
        return;
    }
    let index = LineIndex::new(&report.body);
    let body = &report.body;
    let current: Vec<&str> = form
        .tables
        .iter()
        .flat_map(|t| t.row_leaves.iter().chain(&t.col_leaves).map(|l| l.label.as_str()))
        .chain(form.old_labels.iter().map(|o| o.new.as_str()))
        .collect();
    for old in form.old_labels.iter().filter(|o| body.contains(o.old.as_str())) {
        let covering: Vec<(usize, usize)> = current
            .iter()
            .chain(old.except.iter().map(String::as_str).collect::<Vec<_>>().iter())
            .filter(|l| l.contains(old.old.as_str()) && **l != old.old)
            .flat_map(|l| body.match_indices(*l).map(|(i, m)| (i, i + m.len())))
            .collect();
        for (i, m) in body.match_indices(old.old.as_str()) {
            if covering.iter().any(|&(s, e)| s <= i && i + m.len() <= e) {
                continue;
            }
            let pos = report.body_pos(&index, i, m.len());
            diags.push(
                Diagnostic::warning(
                    "FMT-LABEL",
                    &report.file,
                    pos,
                    format!("`{}` is a label of an older form; the {} form says {}", old.old, form.id, old.new),
                )
                .with_help("reports from 2021 on follow the 2021 format (国办公开办函〔2021〕30号)"),
            );
        }
    }
}

/// Whether the headings include this text (for tests).
#[cfg(test)]
fn heading_texts(hs: &[crate::model::Heading]) -> Vec<&str> {
    hs.iter().map(|h| h.text.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::Forms;
    use std::path::PathBuf;
    use std::sync::Arc;

    const SECTIONS: &str = "## 一、总体情况\n\n## 二、主动公开政府信息情况\n\n## 三、收到和处理政府信息公开申请情况\n\n## 四、政府信息公开行政复议、行政诉讼情况\n\n## 五、存在的主要问题及改进情况\n\n## 六、其他需要报告的事项\n";

    fn report(year: i32, front: &str, body: &str) -> Report {
        let forms = Forms::builtin();
        let file = Arc::new(PathBuf::from("/s/r.md"));
        let text = format!("---\nyear: {year}\n{front}{}---\n{body}", crate::parse::absent_tables(year, front));
        let mut diags = Vec::new();
        let mut r =
            crate::parse::parse_report(&file, &text, "x", &forms, &mut diags).unwrap_or_else(|| panic!("{diags:#?}"));
        crate::check::tables::complete_totals(&mut r, &mut diags);
        r
    }

    fn run(f: fn(&Report, &mut Vec<Diagnostic>), r: &Report) -> Vec<Diagnostic> {
        let mut d = Vec::new();
        f(r, &mut d);
        d
    }

    #[test]
    fn complete_sections_pass_and_a_missing_numeral_is_found_on_its_line() {
        let r = report(2024, "", SECTIONS);
        assert_eq!(heading_texts(&r.narrative.headings).len(), 6);
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
        let tokens = compile_pattern("受理*N件");
        let line: Vec<char> = "受理2024年申请12件".chars().collect();
        assert_eq!(find_figures(&line, &tokens), vec![(9, 11, 12)]);
    }
}
