//! TXT-YEAR: the statistical period and the years the narrative speaks of.

use crate::diag::Diagnostic;
use crate::model::Loaded;
use crate::source::LineIndex;

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
pub fn check_years(loaded: &Loaded<'_>, diags: &mut Vec<Diagnostic>) {
    let report = &loaded.report;
    let index = LineIndex::new(loaded.body);
    let file = &report.file;
    let year = report.year;
    let mut offset = 0;
    for line in loaded.body.split_inclusive('\n') {
        for m in years_in(line) {
            let after = line[m.end..].trim_start_matches(' ');
            let pos = loaded.body_pos(&index, offset + m.start, m.end - m.start);
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
                            crate::t!("check-period-start", start = m.year.to_string(), year = year.to_string()),
                        )
                        .with_related(file, report.year_pos, crate::t!("check-report-year"))
                        .with_help(crate::t!("check-period-help", year = year.to_string())),
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
                            crate::t!(
                                "check-period-end",
                                end = m.year.to_string(),
                                day = day.as_str(),
                                year = year.to_string()
                            ),
                        )
                        .with_related(file, report.year_pos, crate::t!("check-report-year"))
                        .with_help(crate::t!("check-period-help", year = year.to_string())),
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
