//! `published:` dates that are not `YYYY-MM-DD`: a day the calendar does
//! not have (`2026-02-30`) is named as such, and a real date written another
//! way (`2025/1/20`, `2025年1月20日`) gets its corrected spelling.

use super::front::Ctx;
use crate::model::Date;
use crate::yaml::Node;

/// What is wrong with a date as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum DateProblem {
    /// Year, month and day are there, but the month is not 1–12.
    NoMonth {
        /// The month as written.
        month: u32,
    },
    /// The month has no such day; it has `days`.
    NoDay {
        /// The year.
        year: i32,
        /// The month, 1–12.
        month: u8,
        /// The day as written.
        day: u32,
        /// How many days the month has.
        days: u8,
    },
    /// A real date, written in another way.
    Spelling(Date),
    /// Not recognisably a date.
    Format,
}

/// Reads `text` as a year, a month and a day separated by `-`, `/`, `.` or
/// written `2025年1月20日`, and says what is wrong with it.
pub(super) fn diagnose(text: &str) -> DateProblem {
    let t = text.trim();
    let t = t.strip_suffix('日').unwrap_or(t);
    let parts: Vec<&str> = t.split(['-', '/', '.', '年', '月']).collect();
    let [y, m, d] = parts[..] else { return DateProblem::Format };
    let number = |s: &str, max_len: usize| {
        if !s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse::<u32>().ok()
        } else {
            None
        }
    };
    let (Some(year), Some(month), Some(day)) = (number(y, 4), number(m, 2), number(d, 2)) else {
        return DateProblem::Format;
    };
    let Ok(year) = i32::try_from(year) else { return DateProblem::Format };
    if y.len() != 4 {
        return DateProblem::Format;
    }
    let Some(month) = u8::try_from(month).ok().filter(|m| (1..=12).contains(m)) else {
        return DateProblem::NoMonth { month };
    };
    match u8::try_from(day).ok().and_then(|d| Date::new(year, month, d)) {
        Some(date) => DateProblem::Spelling(date),
        None => DateProblem::NoDay { year, month, day, days: days_in(year, month) },
    }
}

/// The number of days of `month` (1–12) in `year`.
fn days_in(year: i32, month: u8) -> u8 {
    (28..=31).rev().find(|&d| Date::new(year, month, d).is_some()).unwrap_or(28)
}

/// Reports a `published:` value that is not a date written `YYYY-MM-DD`.
pub(super) fn bad_date(ctx: &mut Ctx<'_>, value: &Node) {
    bad_date_of(ctx, value, "published", &crate::t!("in-date-what-published"));
}

/// Reports a value of the date key `key` (`what` is its name in the run's
/// language, "发布日期") that is not a date written `YYYY-MM-DD`, with
/// the corrected spelling when the date is real. Full-width digits are read
/// as the digits they stand for, so `２０２４-01-05` gets `2024-01-05`.
pub(super) fn bad_date_of(ctx: &mut Ctx<'_>, value: &Node, key: &str, what: &str) {
    let Some(text) = value.as_str().filter(|_| !value.is_null()) else {
        let kind = value.kind_name();
        ctx.error("IN-DATE", value.pos, crate::t!("in-date-format-kind", key = key, kind = kind)).help =
            Some(crate::t!("in-date-format-help", key = key));
        return;
    };
    let written = text.trim();
    let (message, help) = match diagnose(&half_width_digits(written)) {
        DateProblem::NoMonth { month } => (
            crate::t!("in-date-no-month", what = what, date = written, month = month),
            crate::t!("in-date-format-help", key = key),
        ),
        DateProblem::NoDay { year, month, day, days } => {
            let last = Date::new(year, month, days).map_or_else(String::new, |d| d.to_string());
            (
                crate::t!(
                    "in-date-no-day",
                    what = what,
                    date = written,
                    year = year.to_string(),
                    month = month,
                    day = day
                ),
                crate::t!(
                    "in-date-no-day-help",
                    what = what,
                    key = key,
                    year = year.to_string(),
                    month = month,
                    days = days,
                    last = last
                ),
            )
        }
        DateProblem::Spelling(date) => (
            crate::t!("in-date-format", key = key, found = written),
            crate::t!("in-date-fix-help", key = key, date = date.to_string()),
        ),
        DateProblem::Format => {
            (crate::t!("in-date-format", key = key, found = written), crate::t!("in-date-format-help", key = key))
        }
    };
    ctx.error("IN-DATE", value.pos, message).help = Some(help);
}

/// `text` with full-width digits `０`–`９` and a full-width hyphen `－` written half-width.
fn half_width_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '－' => '-',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_dates_are_told_from_misspelt_ones() {
        assert_eq!(diagnose("2026-02-30"), DateProblem::NoDay { year: 2026, month: 2, day: 30, days: 28 });
        assert_eq!(diagnose("2024-02-30"), DateProblem::NoDay { year: 2024, month: 2, day: 30, days: 29 });
        assert_eq!(diagnose("2025-04-31"), DateProblem::NoDay { year: 2025, month: 4, day: 31, days: 30 });
        assert_eq!(diagnose("2025-13-01"), DateProblem::NoMonth { month: 13 });
        let real = Date::new(2025, 1, 20).unwrap();
        for spelling in ["2025/1/20", "2025-1-20", "2025.01.20", "2025年1月20日"] {
            assert_eq!(diagnose(spelling), DateProblem::Spelling(real), "{spelling}");
        }
        assert_eq!(diagnose(&half_width_digits("２０２５－０１－２０")), DateProblem::Spelling(real));
        for bad in ["20250120", "明年", "25-01-20", "2025-01", "2025-01-20-1", "2025-001-20"] {
            assert_eq!(diagnose(bad), DateProblem::Format, "{bad}");
        }
    }

    #[test]
    fn the_messages_name_the_missing_day_and_the_fix() {
        use crate::i18n::Arg;
        let mut a = crate::i18n::Args::new();
        a.set("date", "2026-02-30".arg());
        a.set("what", crate::i18n::text_in(crate::i18n::Lang::Zh, "in-date-what-published", None).arg());
        a.set("year", "2026".arg());
        a.set("month", 2u8.arg());
        a.set("day", 30u32.arg());
        let zh = crate::i18n::text_in(crate::i18n::Lang::Zh, "in-date-no-day", Some(&a));
        assert_eq!(zh, "发布日期 2026-02-30 不存在：2026年2月没有30日");
        a.set("what", crate::i18n::text_in(crate::i18n::Lang::En, "in-date-what-published", None).arg());
        let en = crate::i18n::text_in(crate::i18n::Lang::En, "in-date-no-day", Some(&a));
        assert_eq!(en, "the publication date 2026-02-30 does not exist: February 2026 has no day 30");
    }
}
