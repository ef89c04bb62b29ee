//! Full-width punctuation typed by a Chinese input method where YAML needs
//! half-width: `permit：41` (a full-width colon after a key), `[15，2，0]`
//! (full-width commas in a list), `【15, 2, 0】`, `（15, 2, 0）`, and `；` or
//! `、` between the items. YAML reads none of them as punctuation: the key
//! becomes text and the list one value, and the messages that would follow
//! ("must be a map", "has 1 values") would not say why. So the lines of the
//! front matter are scanned before it is parsed, and each such line is named
//! with the full-width mark, at its column, and the line as it should be.
//!
//! Only keys (ASCII words at the start of a line) and values that are whole
//! bracketed lists are looked at: a full-width colon or comma inside a
//! title or an address is text, and stays text.

use super::front::{Ctx, list};
use crate::diag::Pos;

/// A full-width mark that YAML does not read as punctuation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    /// `：` for `:`.
    Colon,
    /// `，` for `,`.
    Comma,
    /// `、` for `,`.
    EnumerationComma,
    /// `；` for `,`.
    Semicolon,
    /// A list's brackets as written (`【】`, `［］`, `（）`) for `[]`.
    Brackets(char, char),
    /// `０`–`９` for `0`–`9`.
    Digits,
}

impl Mark {
    /// The mark's name in the run's language.
    fn name(self) -> String {
        match self {
            Mark::Colon => crate::t!("in-mark-colon"),
            Mark::Comma => crate::t!("in-mark-comma"),
            Mark::EnumerationComma => crate::t!("in-mark-enumeration-comma"),
            Mark::Semicolon => crate::t!("in-mark-semicolon"),
            Mark::Brackets(open, close) => crate::t!("in-mark-brackets", pair = format!("{open}{close}")),
            Mark::Digits => crate::t!("in-mark-digits"),
        }
    }
}

/// A line of front matter written with full-width punctuation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Finding {
    /// Where the first full-width mark is (file line, character column).
    pub(super) pos: Pos,
    /// The key of the line.
    pub(super) key: String,
    /// Whether the key is followed by a full-width colon.
    pub(super) colon: bool,
    /// The full-width marks of the value's list, in order of appearance.
    pub(super) marks: Vec<Mark>,
    /// The list as it should be written, when the value is a list.
    pub(super) list: Option<String>,
    /// The line as it should be written, without its indentation.
    pub(super) line: String,
}

/// Reports every line of `yaml` (which starts on file line `first_line`)
/// written with full-width punctuation. True if there was one: the YAML
/// cannot be read as meant, so it is not parsed.
pub(super) fn refused(ctx: &mut Ctx<'_>, yaml: &str, first_line: u32) -> bool {
    let findings = scan(yaml, first_line);
    for f in &findings {
        let (message, help) = words(f);
        ctx.error("IN-PUNCT", f.pos, message).help = Some(help);
    }
    !findings.is_empty()
}

/// The message and help of a finding.
fn words(f: &Finding) -> (String, String) {
    let key = f.key.as_str();
    match (&f.list, f.colon) {
        (Some(_), true) => {
            let marks = list(std::iter::once(Mark::Colon).chain(f.marks.iter().copied()).map(Mark::name));
            (crate::t!("in-punct-line", key = key, marks = marks), crate::t!("in-punct-line-help", fixed = &f.line))
        }
        (Some(fixed), false) => {
            let marks = list(f.marks.iter().map(|m| m.name()));
            (crate::t!("in-punct-list", key = key, marks = marks), crate::t!("in-punct-list-help", fixed = fixed))
        }
        (None, _) if f.line.ends_with(':') => {
            (crate::t!("in-punct-colon", key = key), crate::t!("in-punct-colon-bare-help", fixed = &f.line))
        }
        (None, _) => (crate::t!("in-punct-colon", key = key), crate::t!("in-punct-colon-help", fixed = &f.line)),
    }
}

/// The lines of `yaml` written with full-width punctuation.
pub(super) fn scan(yaml: &str, first_line: u32) -> Vec<Finding> {
    let mut out = Vec::new();
    // Every finding has one of these; most front matter has none of them.
    if !yaml.contains(['：', '，', '、', '；', '【', '［', '（']) {
        return out;
    }
    // The indentation of the key whose block scalar (`|`, `>`) is being skipped.
    let mut block: Option<usize> = None;
    for (n, raw) in yaml.split('\n').enumerate() {
        let rest = raw.trim_start_matches(' ');
        let indent = raw.len() - rest.len();
        if let Some(owner) = block {
            if rest.trim().is_empty() || indent > owner {
                continue;
            }
            block = None;
        }
        let Some(entry) = entry(rest) else { continue };
        if entry.value.starts_with(['|', '>']) {
            block = Some(indent);
        }
        let fixed_list = fix_list(entry.value);
        if entry.colon.is_none() && fixed_list.is_none() {
            continue;
        }
        let indent_chars = raw[..indent].chars().count();
        let column = match (entry.colon, &fixed_list) {
            (Some(at), _) => at,
            (None, Some((_, _, at))) => entry.value_at + at,
            (None, None) => continue,
        };
        let line = u32::try_from(n).unwrap_or(u32::MAX).saturating_add(first_line);
        let col = u32::try_from(indent_chars + column + 1).unwrap_or(u32::MAX);
        let value = fixed_list.as_ref().map_or(entry.value, |(fixed, _, _)| fixed.as_str());
        out.push(Finding {
            pos: Pos::new(line, col, 1),
            key: entry.key.to_owned(),
            colon: entry.colon.is_some(),
            marks: fixed_list.as_ref().map(|(_, marks, _)| marks.clone()).unwrap_or_default(),
            line: if value.is_empty() { format!("{}:", entry.key) } else { format!("{}: {value}", entry.key) },
            list: fixed_list.map(|(fixed, _, _)| fixed),
        });
    }
    out
}

/// A `key: value` line (without indentation).
pub(super) struct Entry<'l> {
    /// The key.
    pub(super) key: &'l str,
    /// The character offset of a full-width colon after the key, if that is
    /// what follows it.
    colon: Option<usize>,
    /// The value, without the comment after it.
    value: &'l str,
    /// The character offset of the value.
    value_at: usize,
}

/// Reads a line as `key: value` or `key：value`, the key an ASCII word.
pub(super) fn entry(line: &str) -> Option<Entry<'_>> {
    let key_len = line.bytes().take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')).count();
    let key = &line[..key_len];
    if !key.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    let after = &line[key_len..];
    let spaced = after.trim_start_matches([' ', '\u{3000}']);
    let colon_at = key_len + after[..after.len() - spaced.len()].chars().count();
    let (colon, value) = if let Some(v) = spaced.strip_prefix('：') {
        (Some(colon_at), v)
    } else if let Some(v) = spaced.strip_prefix(':').filter(|v| v.is_empty() || v.starts_with([' ', '\t'])) {
        (None, v)
    } else {
        return None;
    };
    let trimmed = value.trim_start_matches([' ', '\t', '\u{3000}']);
    let value_at = line[..line.len() - trimmed.len()].chars().count();
    Some(Entry { key, colon, value: without_comment(trimmed).trim_end(), value_at })
}

/// A value without a `#` comment after it (one preceded by white space).
fn without_comment(value: &str) -> &str {
    if value.starts_with('#') {
        return "";
    }
    let mut prev_space = false;
    for (i, c) in value.char_indices() {
        if c == '#' && prev_space {
            return &value[..i];
        }
        prev_space = c.is_whitespace();
    }
    value
}

/// Half-width digits for full-width ones.
fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// Whether a list item looks like what a report's lists hold: a figure, a
/// blank or a table key (so a bracketed Chinese phrase is left alone).
fn item_like(item: &str) -> bool {
    half_width(item).chars().all(|c| c.is_ascii_alphanumeric() || "_.+-~'\"元万".contains(c) || c.is_whitespace())
}

/// A whole bracketed list written with full-width marks: the list as it
/// should be written, its marks, and the character offset of the first.
fn fix_list(value: &str) -> Option<(String, Vec<Mark>, usize)> {
    let open = value.chars().next()?;
    let close = value.chars().next_back()?;
    if value.chars().count() < 2 || !"[【［（".contains(open) || !"]】］）".contains(close) {
        return None;
    }
    let inner = &value[open.len_utf8()..value.len() - close.len_utf8()];
    if inner.contains(['[', ']', '{', '}', '【', '（']) {
        return None;
    }
    let mut marks = Vec::new();
    let mut first = None;
    if open != '[' || close != ']' {
        marks.push(Mark::Brackets(open, close));
        first = Some(if open == '[' { value.chars().count() - 1 } else { 0 });
    }
    for (i, c) in inner.chars().enumerate() {
        let mark = match c {
            '，' => Mark::Comma,
            '、' => Mark::EnumerationComma,
            '；' => Mark::Semicolon,
            '０'..='９' => Mark::Digits,
            _ => continue,
        };
        if mark != Mark::Digits {
            first = Some(first.map_or(i + 1, |f: usize| f.min(i + 1)));
        }
        if !marks.contains(&mark) {
            marks.push(mark);
        }
    }
    // Full-width digits alone are the figures' business: each is named at
    // its cell (`IN-NUMBER`). Here they are only corrected with the rest.
    let first = first?;
    let mut items: Vec<String> = inner.split([',', '，', '、', '；']).map(|i| half_width(i.trim())).collect();
    if items.last().is_some_and(String::is_empty) {
        items.pop();
    }
    if open != '[' && !items.iter().all(|i| item_like(i)) {
        return None;
    }
    Some((format!("[{}]", items.join(", ")), marks, first))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(yaml: &str) -> Finding {
        let found = scan(yaml, 2);
        assert_eq!(found.len(), 1, "{found:#?}");
        found.into_iter().next().unwrap()
    }

    #[test]
    fn a_full_width_colon_after_a_key_is_named_at_its_column() {
        let f = one("licensing:\n  permit：41\n");
        assert_eq!(
            (f.pos, f.key.as_str(), f.colon, f.line.as_str()),
            (Pos::new(3, 9, 1), "permit", true, "permit: 41")
        );
        assert_eq!(words(&f).1, "改为半角冒号加空格：`permit: 41`");
        let f = one("year：2024\n");
        assert_eq!((f.pos, f.line.as_str()), (Pos::new(2, 5, 1), "year: 2024"));
        let f = one("applications：  # 表三\n  new: [3]\n");
        assert_eq!(f.line, "applications:");
        assert_eq!(words(&f).1, "改为半角冒号：`applications:`");
    }

    #[test]
    fn full_width_commas_and_brackets_in_a_list_are_named_with_the_corrected_list() {
        let f = one("applications:\n  new: [15，2，0]\n");
        assert_eq!(
            (f.pos, f.list.as_deref(), f.marks.as_slice()),
            (Pos::new(3, 11, 1), Some("[15, 2, 0]"), &[Mark::Comma][..])
        );
        let (message, help) = words(&f);
        assert_eq!(help, "改为半角标点：`[15, 2, 0]`");
        assert!(message.contains("全角逗号「，」"), "{message}");
        let f = one("  new: 【15, 2, 0】\n");
        assert_eq!((f.pos.col, f.list.as_deref()), (8, Some("[15, 2, 0]")));
        assert!(words(&f).0.contains("「【】」"), "{:?}", words(&f));
        assert_eq!(scan("  new: [３, 0, 0]\n", 2), [], "full-width digits alone are the figures' business");
        let f = one("  new: （15；2、０）\n");
        assert_eq!(f.list.as_deref(), Some("[15, 2, 0]"));
        assert_eq!(f.marks, [Mark::Brackets('（', '）'), Mark::Semicolon, Mark::EnumerationComma, Mark::Digits]);
        let f = one("missing_in_original: [fees，appeals]\n");
        assert_eq!(f.list.as_deref(), Some("[fees, appeals]"));
    }

    #[test]
    fn a_full_width_colon_and_list_are_fixed_together() {
        let f = one("  new：[15，2，0]\n");
        assert_eq!((f.pos.col, f.line.as_str()), (6, "new: [15, 2, 0]"));
        let (message, help) = words(&f);
        assert!(message.contains("全角冒号「：」") && message.contains("全角逗号「，」"), "{message}");
        assert_eq!(help, "改为半角标点：`new: [15, 2, 0]`");
    }

    #[test]
    fn the_english_messages_say_the_same() {
        use crate::i18n::{Arg, Args, Lang, text_in};
        let mut args = Args::new();
        args.set("key", "permit".arg());
        args.set("fixed", "permit: 41".arg());
        let message = text_in(Lang::En, "in-punct-colon", Some(&args));
        assert_eq!(
            message,
            "`permit` is followed by a full-width colon 「：」, which YAML does not read as a colon: the line cannot be read"
        );
        assert_eq!(
            text_in(Lang::En, "in-punct-colon-help", Some(&args)),
            "write a half-width colon and a space: `permit: 41`"
        );
    }

    #[test]
    fn text_with_full_width_punctuation_is_left_alone() {
        let ok = "title: 百步镇：2024年报告，（修订）\nname: 【公告】\noffice: （办公室）\nnew: [15, 2, 0]\nnote: |\n  permit：41\n  [1，2]\nphone: 0573-1234（办公室）\n# permit：41\n";
        assert_eq!(scan(ok, 2), []);
    }
}
