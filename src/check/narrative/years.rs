//! TXT-YEAR: the statistical period and the years the narrative speaks of;
//! TXT-NEXT: the next year presented as the year of the work.

use crate::diag::{Diagnostic, Pos};
use crate::model::Loaded;
use crate::source::LineIndex;

/// How many TXT-YEAR findings about the narrative one report lists.
const MAX_FINDINGS: usize = 20;

/// Characters that join the two ends of a date range.
const RANGE_MARKS: &[char] = &['至', '到', '—', '-', '~', '－', '～'];

/// A four-digit year written before 年, with its byte range in the line.
struct YearMention {
    year: i32,
    start: usize,
    end: usize,
}

/// The value of a digit as people write it in a date: `2`, `２`, `二`, `〇`.
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(u32::from(c) - u32::from('０')),
        _ => "〇一二三四五六七八九".chars().position(|d| d == c).and_then(|p| u32::try_from(p).ok()),
    }
}

/// Finds `2020年`, `2020 年`, `２０２０年` and `二〇二〇年` in a line.
fn years_in(line: &str) -> Vec<YearMention> {
    let mut out = Vec::new();
    for (i, _) in line.match_indices('年') {
        let before = line[..i].trim_end_matches(' ');
        let tail: Vec<(usize, char)> = before.char_indices().rev().take(5).collect();
        let digits: Vec<u32> = tail.iter().map_while(|(_, c)| digit(*c)).collect();
        if digits.len() != 4 {
            continue;
        }
        let start = tail[3].0;
        let year = digits.iter().rev().fold(0u32, |acc, d| acc * 10 + d);
        if let Ok(year) = i32::try_from(year) {
            out.push(YearMention { year, start, end: i + '年'.len_utf8() });
        }
    }
    out
}

/// A number of a date written in digits or Chinese numerals (`12`, `１２`,
/// `十二`, `三十一`), read from the start of `s`: its value and the rest.
fn date_number(s: &str) -> Option<(u32, &str)> {
    let end = s.char_indices().find(|(_, c)| digit(*c).is_none() && *c != '十').map_or(s.len(), |(i, _)| i);
    let (number, rest) = s.split_at(end);
    let value = match number.split_once('十') {
        // 十, 十二, 二十, 三十一
        Some((tens, ones)) if number.chars().all(|c| c == '十' || "〇一二三四五六七八九".contains(c)) => {
            let tens = if tens.is_empty() { 1 } else { digit(tens.chars().next()?)? };
            let ones = if ones.is_empty() { 0 } else { digit(ones.chars().next()?)? };
            tens * 10 + ones
        }
        Some(_) => return None,
        None if !number.is_empty() && number.chars().count() <= 2 => {
            number.chars().try_fold(0, |acc, c| Some(acc * 10 + digit(c)?))?
        }
        None => return None,
    };
    Some((value, rest))
}

/// Whether the text before a range's end starts the range on 1月1日 or
/// speaks of the statistical period (统计).
fn from_new_year(before: &str) -> bool {
    let last = |n: usize| -> String {
        let mut chars: Vec<char> =
            before.chars().rev().take(n).take_while(|c| !matches!(c, '。' | '！' | '？')).collect();
        chars.reverse();
        chars.into_iter().filter(|c| *c != ' ').collect()
    };
    let near = last(24);
    let start = near.trim_end_matches(RANGE_MARKS).trim_end_matches('起');
    ["1月1日", "１月１日", "一月一日"].iter().any(|d| start.ends_with(d)) || last(80).contains("统计")
}

/// The month and day at the start of `s` (`12月31日`, spaces removed), and the rest.
fn month_day(s: &str) -> Option<(u32, u32, &str)> {
    let (month, rest) = date_number(s)?;
    let (day, rest) = date_number(rest.strip_prefix('月')?)?;
    Some((month, day, rest.strip_prefix('日')?))
}

/// Words that make a sentence a plan (下一步工作): 2025年，我镇将…
const PLAN_WORDS: &[&str] = &[
    "将",
    "计划",
    "拟",
    "力争",
    "争取",
    "预计",
    "继续",
    "进一步",
    "下一步",
    "努力",
    "着力",
    "持续",
    "要",
    "准备",
    "打算",
    "目标",
    "规划",
    "部署",
    "重点",
    "围绕",
    "聚焦",
];

/// Whether the sentence that goes on with `rest` (the text after a year)
/// speaks of plans, as the year after the report's may be spoken of.
fn is_plan(rest: &str) -> bool {
    let sentence = rest.split(['。', '！', '？', '\n']).next().unwrap_or("");
    PLAN_WORDS.iter().any(|w| sentence.contains(w))
}

/// TXT-YEAR: the statistical period and the narrative's years against the
/// report year; TXT-NEXT: the year after it written as the year of the work
/// (2025年，我镇主动公开… in the report on 2024) rather than of plans.
pub fn check_years(loaded: &Loaded<'_>, diags: &mut Vec<Diagnostic>) {
    let report = &loaded.report;
    let index = LineIndex::new(loaded.body);
    let file = &report.file;
    let year = report.year;
    let mut offset = 0;
    let mut found = 0usize;
    // Past MAX_FINDINGS a finding is only counted: a pasted line of
    // thousands of periods would otherwise print the line thousands of times.
    let mut push = |d: Diagnostic| {
        found += 1;
        if found <= MAX_FINDINGS {
            diags.push(d);
        }
    };
    for line in loaded.body.split_inclusive('\n') {
        let line_no = loaded.body_pos(&index, offset, 0).line;
        // Columns are counted once along the line, not from its start for each year.
        let (mut counted, mut col) = (0usize, 1u32);
        for m in years_in(line) {
            let after = line[m.end..].trim_start_matches(' ');
            col += u32::try_from(line[counted..m.start].chars().count()).unwrap_or(u32::MAX);
            counted = m.start;
            let pos = Pos::new(line_no, col, u32::try_from(line[m.start..m.end].chars().count()).unwrap_or(1));
            // Only a range (…1月1日至… / …至…12月31日) is the statistical period;
            // other dates in those months are events of the year.
            let compact_after: String = after.chars().take(24).filter(|c| *c != ' ').collect();
            let date = month_day(&compact_after);
            let starts_period = date
                .is_some_and(|(m, d, rest)| (m, d) == (1, 1) && rest.trim_start_matches('起').starts_with(RANGE_MARKS));
            let ends_period = line[..m.start].trim_end_matches(' ').ends_with(RANGE_MARKS);
            if starts_period {
                if m.year != year {
                    push(
                        Diagnostic::warning(
                            "TXT-YEAR",
                            file,
                            pos,
                            crate::t!("check-period-start", start = m.year.to_string(), year = year.to_string()),
                        )
                        .with_related(file, report.year_pos, crate::t!("check-report-year"))
                        .with_help(crate::t!("check-period-help", year = year.to_string())),
                    );
                }
                continue;
            }
            // An end in December is the period's (12月21日); another month's
            // only when the range starts on 1月1日 or speaks of 统计期限:
            // 6月1日至6月30日 is an event of the year.
            let period_end = date.filter(|(month, _, _)| *month == 12 || from_new_year(&line[..m.start]));
            if let Some((month, day, _)) = period_end.filter(|_| ends_period) {
                if (m.year, month, day) != (year, 12, 31) {
                    let message = if month == 12 {
                        crate::t!(
                            "check-period-end",
                            end = m.year.to_string(),
                            day = day.to_string(),
                            year = year.to_string()
                        )
                    } else {
                        crate::t!(
                            "check-period-end-date",
                            end = format!("{}年{month}月{day}日", m.year),
                            year = year.to_string()
                        )
                    };
                    push(
                        Diagnostic::warning("TXT-YEAR", file, pos, message)
                            .with_related(file, report.year_pos, crate::t!("check-report-year"))
                            .with_help(crate::t!("check-period-help", year = year.to_string())),
                    );
                }
                continue;
            }
            let topical = ["，", ",", "以来", "度，", "工作", "度工作"].iter().any(|s| after.starts_with(s));
            if topical && m.year == year + 1 && !is_plan(&line[m.end..]) {
                push(
                    Diagnostic::warning(
                        "TXT-NEXT",
                        file,
                        pos,
                        crate::t!("check-year-next", mentioned = m.year.to_string(), year = year.to_string()),
                    )
                    .with_label(crate::t!("check-year-label", year = m.year.to_string()))
                    .with_related(file, report.year_pos, crate::t!("check-report-year"))
                    .with_help(crate::t!("check-year-next-help", year = year.to_string())),
                );
            }
            if topical && (year - 3..year).contains(&m.year) {
                push(
                    Diagnostic::warning(
                        "TXT-YEAR",
                        file,
                        pos,
                        crate::t!("check-year-topical", mentioned = m.year.to_string(), year = year.to_string()),
                    )
                    .with_label(crate::t!("check-year-label", year = m.year.to_string()))
                    .with_related(file, report.year_pos, crate::t!("check-report-year"))
                    .with_help(crate::t!("check-year-topical-help")),
                );
            }
        }
        offset += line.len();
    }
    if found > MAX_FINDINGS {
        diags.push(Diagnostic::warning(
            "TXT-YEAR",
            file,
            Pos::new(report.body_line, 1, 1),
            crate::t!("check-years-more", n = found - MAX_FINDINGS),
        ));
    }
    if let Some(title) = &report.title
        && let Some(m) = years_in(title).into_iter().find(|m| m.year != year)
    {
        diags.push(
            Diagnostic::warning(
                "TXT-YEAR",
                file,
                report.year_pos,
                crate::t!("check-title-year", title_year = m.year.to_string(), year = year.to_string()),
            )
            .with_help(crate::t!("check-title-year-help")),
        );
    }
}
