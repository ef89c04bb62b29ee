//! TXT-ENUM: enumerations out of order in the narrative: 一是、三是 (a
//! number skipped) or 三是、三是 (repeated), and the same for the markers at
//! the start of a paragraph or heading, （一）（三） and （1）（3）. A list
//! may start again at 一; a section heading starts every list afresh, a
//! marker （一） starts the （1） and 一是 lists under it afresh.

use crate::diag::{Diagnostic, Pos};
use crate::model::Loaded;
use crate::source::LineIndex;

/// Most findings of this rule one report lists.
const MAX_FINDINGS: usize = 10;

/// The Chinese numerals 一 … 九.
const DIGITS: &str = "一二三四五六七八九";

/// The value of a Chinese numeral from 一 to 九十九 (一, 十, 十二, 二十三).
pub fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| DIGITS.chars().position(|d| d == c).and_then(|p| u32::try_from(p + 1).ok());
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [d] => digit(*d),
        ['十', o] => Some(10 + digit(*o)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', o] => Some(digit(*t)? * 10 + digit(*o)?),
        _ => None,
    }
}

/// `n` in Chinese numerals (1 … 99).
pub fn chinese(n: u32) -> String {
    let d = |k: u32| DIGITS.chars().nth(k as usize - 1).map(String::from).unwrap_or_default();
    match n {
        1..=9 => d(n),
        10 => "十".into(),
        11..=19 => format!("十{}", d(n - 10)),
        _ if n.is_multiple_of(10) => format!("{}十", d(n / 10)),
        _ => format!("{}十{}", d(n / 10), d(n % 10)),
    }
}

/// The kinds of numbering followed, outermost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// （一） at the start of a paragraph or heading.
    ParenChinese,
    /// （1） at the start of a paragraph or heading.
    ParenArabic,
    /// 一是 within the text.
    Shi,
}

impl Style {
    /// The marker as written for number `n`.
    fn marker(self, n: u32) -> String {
        match self {
            Style::ParenChinese => format!("（{}）", chinese(n)),
            Style::ParenArabic => format!("（{n}）"),
            Style::Shi => format!("{}是", chinese(n)),
        }
    }
}

/// A marker found: its style, number, byte offset in the line and length in characters.
type Marker = (Style, u32, usize, u32);

/// The paragraph marker at the start of `line` (after heading marks, quote
/// and list marks, bold), if any: （一）, (一), （1）, (1).
fn leading_marker(line: &str) -> Option<Marker> {
    let trimmed = line.trim_start_matches([' ', '\t', '#', '>', '-', '*', '+', '　']);
    let at = line.len() - trimmed.len();
    let inner = trimmed.strip_prefix('（').or_else(|| trimmed.strip_prefix('('))?;
    let close = inner.find(['）', ')'])?;
    let number = &inner[..close];
    let len = u32::try_from(number.chars().count()).unwrap_or(0) + 2;
    if let Some(n) = chinese_number(number) {
        return Some((Style::ParenChinese, n, at, len));
    }
    let n: u32 = number.parse().ok().filter(|_| number.len() <= 2 && number.bytes().all(|b| b.is_ascii_digit()))?;
    Some((Style::ParenArabic, n, at, len))
}

/// The 一是、二是 of a line, each after the start of the line or a
/// punctuation mark (so 统一是 is not one).
fn shi_markers(line: &str) -> Vec<Marker> {
    let mut out = Vec::new();
    for (i, _) in line.match_indices('是') {
        let before = &line[..i];
        let numeral: String = {
            let mut v: Vec<char> = before.chars().rev().take_while(|c| DIGITS.contains(*c) || *c == '十').collect();
            v.reverse();
            v.into_iter().collect()
        };
        let Some(n) = chinese_number(&numeral) else { continue };
        let start = i - numeral.len();
        let lead = line[..start].chars().next_back();
        if lead.is_none_or(|c| "，。；：、！？,.;: *“\"（(【\t　".contains(c)) {
            out.push((Style::Shi, n, start, u32::try_from(numeral.chars().count()).unwrap_or(0) + 1));
        }
    }
    out
}

/// TXT-ENUM: numbering that skips or repeats, at the marker.
pub fn check_enumerations(loaded: &Loaded<'_>, diags: &mut Vec<Diagnostic>) {
    let report = &loaded.report;
    let body = loaded.body;
    let index = LineIndex::new(body);
    // The last number of each style, outermost first.
    let mut last: [Option<u32>; 3] = [None; 3];
    let mut found = 0usize;
    let mut offset = 0usize;
    let mut in_comment = false;
    for line in body.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if in_comment || line.contains("<!--") {
            in_comment = (in_comment || line.contains("<!--")) && !line.contains("-->");
            continue;
        }
        let hashes = line.len() - line.trim_start_matches('#').len();
        if hashes > 0 && hashes <= usize::from(report.narrative.level) {
            last = [None; 3];
        }
        let mut markers: Vec<Marker> = leading_marker(line).into_iter().collect();
        markers.extend(shi_markers(line));
        for (style, n, at, len) in markers {
            let slot = style as usize;
            let prev = last[slot];
            // An outer marker starts the inner lists afresh.
            last[slot] = Some(n);
            for inner in last.iter_mut().skip(slot + 1) {
                *inner = None;
            }
            let Some(p) = prev else { continue };
            if n == 1 || n == p + 1 {
                continue;
            }
            found += 1;
            if found > MAX_FINDINGS {
                continue;
            }
            let pos = loaded.body_pos(&index, start + at, 0);
            let pos = Pos::new(pos.line, pos.col, len);
            let message = if n > p + 1 {
                let missing: Vec<String> = (p + 1..n).take(3).map(|k| style.marker(k)).collect();
                crate::t!(
                    "check-enum-skip",
                    prev = style.marker(p),
                    this = style.marker(n),
                    missing = missing.join("、")
                )
            } else {
                crate::t!("check-enum-repeat", prev = style.marker(p), this = style.marker(n))
            };
            diags.push(
                Diagnostic::warning("TXT-ENUM", &report.file, pos, message)
                    .with_label(crate::t!("check-enum-label"))
                    .with_help(crate::t!("check-enum-help")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_read_and_write_both_ways() {
        for n in 1..=99 {
            assert_eq!(chinese_number(&chinese(n)), Some(n), "{n}");
        }
        assert_eq!(chinese_number("零"), None);
    }

    #[test]
    fn markers_are_found_only_where_they_number() {
        assert_eq!(leading_marker("**（三）依申请公开情况。**").map(|m| (m.1, m.2)), Some((3, 2)));
        assert_eq!(leading_marker("### (2) 平台").map(|m| (m.0, m.1)), Some((Style::ParenArabic, 2)));
        assert!(leading_marker("依据（一）项").is_none());
        let shi: Vec<u32> =
            shi_markers("问题：一是公开不全；二是解读不够，统一是目标；十二是末项").iter().map(|m| m.1).collect();
        assert_eq!(shi, [1, 2, 12]);
    }
}
