//! One figure: how it may be written, its bounds, and the exact message
//! for each way it can be written wrong.

use crate::form::CellKind;
use crate::model::{CellValue, Decimal, Unit};
use crate::yaml::{self, Node, Value};

/// A figure that was read, but not written as a plain number.
pub(super) struct Spelling {
    /// The figure as written, quotes and tag included.
    pub(super) written: String,
    /// Why that matters, in the run's language.
    pub(super) why: String,
}

/// How a figure's spelling differs from a plain number, if it does: quoted
/// (`"3"`, `'3'`), tagged (`!!str 3`, `!!float 3`) or with leading zeros
/// (`03`). Each is read as the number, but named, because each is a common
/// trace of text pasted from a spreadsheet or a typo next to a real figure.
pub(super) fn unusual_spelling(node: &Node) -> Option<Spelling> {
    let written = node.spelling()?;
    match &node.value {
        Value::Scalar { style: yaml::Style::Plain, text } => {
            let digits = text.trim().trim_start_matches(['-', '+']).trim_end_matches(['元', '万']);
            let int_part = digits.split('.').next().unwrap_or("");
            (int_part.len() > 1 && int_part.starts_with('0') && int_part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| Spelling { written, why: crate::t!("in-why-leading-zero") })
        }
        Value::Scalar { style: yaml::Style::Tagged(_), .. } => Some(Spelling { written, why: crate::t!("in-why-tag") }),
        Value::Scalar { .. } => Some(Spelling { written, why: crate::t!("in-why-quoted") }),
        _ => None,
    }
}

/// The marks an original prints in a cell that holds no figure: a dash
/// (`-`, `—`, `–`, `―`, `－`, `−`) or a slash (`/`, `／`), alone or
/// repeated (`——`).
const BLANK_MARKS: [char; 8] = ['-', '—', '–', '―', '－', '−', '/', '／'];

/// Whether a cell is written as a printed blank: one to three of the
/// [`BLANK_MARKS`], quoted or not, or an empty quoted text (`""`). Such a
/// cell is read exactly like `~` (blank, 空): the original printed no figure
/// there, and a dash is no more a 0 than an empty cell is. The spelling is
/// not kept: blank is blank, on the page and in the open data alike.
pub(super) fn printed_blank(node: &Node) -> bool {
    let Value::Scalar { text, style } = &node.value else { return false };
    let t = text.trim();
    let marks = t.chars().count();
    match style {
        // A tag glued to a figure (`!26`) or a block is no printed blank.
        yaml::Style::Block | yaml::Style::Tagged(_) => false,
        yaml::Style::SingleQuoted | yaml::Style::DoubleQuoted if t.is_empty() => true,
        _ => marks > 0 && marks <= 3 && t.chars().all(|c| BLANK_MARKS.contains(&c)),
    }
}

/// How much text (in bytes, over all passes) [`parse_yaml`] reads again
/// after lone dashes. A pass clears the dash the parser refused and every
/// other lone dash of its line's lists; a report has a few dozen lines of
/// figures, so this is reached only by a file of thousands of such lines,
/// which then gets the YAML error at a dash instead of a quadratic wait.
const MAX_DASH_REREAD: usize = 64 << 20;

/// Parses front matter whose cells may hold a lone `-`. YAML refuses it
/// (`[3, -, 0]` or `key: -` is a syntax error: the dash starts a list), so
/// where the parser stops at a dash that stands alone as a value, the dash
/// is read as `~` and the text parsed again: with it, every lone dash
/// between `[` or `,` and `,` or `]` on the same line (a line without
/// quotes or a comment before it), which YAML would refuse as well. Only
/// lines at which the parser stopped are changed, so a valid file is never
/// read differently; the replacement keeps every position.
pub(super) fn parse_yaml(text: &str, first_line: u32) -> Result<Option<Node>, yaml::YamlError> {
    let mut owned: Option<String> = None;
    for _ in 0..MAX_DASH_REREAD / text.len().max(1) {
        let current = owned.as_deref().unwrap_or(text);
        match yaml::parse(current, first_line) {
            Err(e) => match lone_dash_at(current, e.pos.line.saturating_sub(first_line), e.pos.col) {
                Some((at, line)) => {
                    let mut fixed = current.to_owned();
                    fixed.replace_range(at..at + 1, "~");
                    for other in listed_dashes(&fixed[line.0..line.1]) {
                        fixed.replace_range(line.0 + other..line.0 + other + 1, "~");
                    }
                    owned = Some(fixed);
                }
                None => return Err(e),
            },
            done => return done,
        }
    }
    yaml::parse(owned.as_deref().unwrap_or(text), first_line)
}

/// The byte offset of the `-` at 0-based `line` and 1-based character
/// column `col` of `text`, if it stands alone as a value (after `[`, `,`,
/// `{` or `:`, and before `,`, `]`, `}`, a comment or the end of the line),
/// with the byte range of its line.
fn lone_dash_at(text: &str, line: u32, col: u32) -> Option<(usize, (usize, usize))> {
    let start: usize = text.split_inclusive('\n').take(line as usize).map(str::len).sum();
    let line_text = text.get(start..)?.split('\n').next().unwrap_or("");
    let (offset, c) = line_text.char_indices().nth(col.checked_sub(1)? as usize)?;
    if c != '-' {
        return None;
    }
    let before = line_text[..offset].trim_end();
    let after = line_text[offset + 1..].trim_start();
    let alone_before = before.ends_with(['[', ',', '{', ':']);
    let alone_after = after.is_empty() || after.starts_with([',', ']', '}']) || after.starts_with('#');
    (alone_before && alone_after).then_some((start + offset, (start, start + line_text.len())))
}

/// The byte offsets in `line` of the dashes that stand alone between `[`
/// or `,` and `,` or `]`, before any comment; none on a line with quotes,
/// whose text could hold such a dash.
fn listed_dashes(line: &str) -> Vec<usize> {
    if line.contains(['"', '\'']) {
        return Vec::new();
    }
    let code = line.find(" #").map_or(line, |end| &line[..end]);
    code.match_indices('-')
        .map(|(i, _)| i)
        .filter(|&i| code[..i].trim_end().ends_with(['[', ',']) && code[i + 1..].trim_start().starts_with([',', ']']))
        .collect()
}

/// The largest count a cell may hold: 9,999,999,999 (ten digits). The
/// largest real figures are a province's 行政许可 or 行政处罚 decisions, in
/// the millions; ten digits is a thousand times more, yet a sum of 100,000
/// reports of such figures stays far inside 64 bits, so no total can wrap.
pub const MAX_COUNT: i64 = 9_999_999_999;

/// The most digits before the point of an amount (万元 or 元): twelve, just
/// under 一万亿. Together with at most six decimals the digits fit in 64
/// bits, and a national total of such amounts cannot overflow either.
pub const MAX_AMOUNT_DIGITS: usize = 12;

/// The most significant digits of an amount: fifteen. Open data writes
/// amounts as JSON numbers, which readers take as 64-bit floats; up to
/// fifteen significant digits every decimal survives that exactly.
pub const MAX_AMOUNT_SIGNIFICANT: usize = 15;

/// Why a figure is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadNumber {
    /// Diagnostic code.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
    /// How to write it.
    pub help: Option<String>,
}

fn bad(code: &'static str, message: String, help: Option<String>) -> BadNumber {
    BadNumber { code, message, help }
}

/// Parses an integer written with ASCII digits and an optional sign.
pub(super) fn parse_int(s: &str) -> Result<i64, ()> {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(());
    }
    s.parse().map_err(|_| ())
}

/// Parses the text of a figure by kind. Full-width digits and thousands
/// separators are refused with the corrected spelling: accepting them
/// silently would let a mistyped figure (`1,0549`) through.
pub fn parse_value(text: &str, kind: CellKind) -> Result<CellValue, BadNumber> {
    let t = text.trim();
    let normal: String = t
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '－' | '−' => '-',
            '＋' => '+',
            c => c,
        })
        .collect();
    if normal != t {
        let only_digits = t.chars().zip(normal.chars()).all(|(a, b)| a == b || ('０'..='９').contains(&a));
        return Err(bad(
            "IN-NUMBER",
            if only_digits {
                crate::t!("in-full-width-digits", found = t)
            } else {
                crate::t!("in-full-width-signs", found = t)
            },
            Some(crate::t!("in-full-width-figure-help", fixed = normal)),
        ));
    }
    let unseparated: String = t.chars().filter(|c| !matches!(c, ',' | '，' | ' ' | '_')).collect();
    if unseparated != t && unseparated.chars().any(|c| c.is_ascii_digit()) {
        return Err(bad(
            "IN-NUMBER",
            crate::t!("in-separators", found = t),
            Some(crate::t!("in-separators-help", fixed = unseparated)),
        ));
    }
    match kind {
        CellKind::Count => match parse_int(t) {
            Ok(n) if n < 0 => Err(bad(
                "T3-INT",
                crate::t!("in-count-negative", found = n.to_string()),
                Some(crate::t!("in-count-negative-help")),
            )),
            Ok(n) if t.starts_with(['+', '-']) => {
                Err(bad("IN-NUMBER", crate::t!("in-count-sign", fixed = n.to_string()), None))
            }
            Ok(n) if n > MAX_COUNT => Err(too_large(t)),
            Ok(n) => Ok(CellValue::Int(n)),
            Err(()) if looks_like_int(t) => Err(too_large(t)),
            Err(()) if Decimal::parse(t).is_some() => Err(bad("T3-INT", crate::t!("in-count-whole", found = t), None)),
            Err(()) => Err(not_a_number(t)),
        },
        CellKind::Delta => match parse_int(t) {
            Ok(n) if n.unsigned_abs() > MAX_COUNT.unsigned_abs() => Err(too_large(t)),
            Ok(n) => Ok(CellValue::Int(n)),
            Err(()) if looks_like_int(t) => Err(too_large(t)),
            Err(()) => Err(not_a_number(t)),
        },
        CellKind::Decimal => {
            let number = t.strip_suffix("万元").unwrap_or(t);
            if number.starts_with('-') {
                return Err(bad("T2-INT21", crate::t!("in-amount-negative", found = t), None));
            }
            amount(number, t).map(CellValue::Decimal)
        }
        CellKind::Money => {
            let (number, unit) = match t.strip_suffix("万元") {
                Some(n) => (n, Some(Unit::WanYuan)),
                None => match t.strip_suffix('元') {
                    Some(n) => (n, Some(Unit::Yuan)),
                    None => (t, None),
                },
            };
            amount(number.trim(), t).map(|d| CellValue::Money(d, unit))
        }
    }
}

/// Whether `t` is an integer that only failed to parse for its size.
fn looks_like_int(t: &str) -> bool {
    let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Parses the number of an amount (`t` is the cell as written), refusing
/// one beyond [`MAX_AMOUNT_DIGITS`].
fn amount(number: &str, t: &str) -> Result<Decimal, BadNumber> {
    let int_part = number.split('.').next().unwrap_or("").trim_start_matches('0');
    if int_part.len() > MAX_AMOUNT_DIGITS && int_part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad(
            "IN-RANGE",
            crate::t!("in-amount-digits", found = t, max = MAX_AMOUNT_DIGITS),
            Some(crate::t!("in-amount-digits-help")),
        ));
    }
    let significant = number.bytes().filter(u8::is_ascii_digit).skip_while(|&b| b == b'0').count();
    if significant > MAX_AMOUNT_SIGNIFICANT && number.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return Err(bad(
            "IN-RANGE",
            crate::t!("in-amount-significant", found = t, max = MAX_AMOUNT_SIGNIFICANT),
            Some(crate::t!("in-amount-significant-help")),
        ));
    }
    Decimal::parse(number).ok_or_else(|| not_a_number(t))
}

/// A count beyond [`MAX_COUNT`]: an error at its cell, never a wrapped sum.
fn too_large(t: &str) -> BadNumber {
    bad(
        "IN-RANGE",
        crate::t!("in-count-too-large", found = t, max = MAX_COUNT.to_string()),
        Some(crate::t!("in-count-too-large-help")),
    )
}

fn not_a_number(t: &str) -> BadNumber {
    bad("IN-TYPE", crate::t!("in-not-a-number", found = t), Some(crate::t!("in-not-a-number-help")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Unit;

    #[test]
    fn figures_are_parsed_by_kind_and_bad_ones_named() {
        assert_eq!(parse_value("3", CellKind::Count), Ok(CellValue::Int(3)));
        assert_eq!(parse_value("-8", CellKind::Delta), Ok(CellValue::Int(-8)));
        assert_eq!(parse_value("-1", CellKind::Count).unwrap_err().code, "T3-INT");
        assert_eq!(parse_value("2.5", CellKind::Count).unwrap_err().code, "T3-INT");
        let fw = parse_value("３", CellKind::Count).unwrap_err();
        assert_eq!((fw.code, fw.message.as_str()), ("IN-NUMBER", "`３` 用了全角数字"));
        assert_eq!(fw.help.as_deref(), Some("改为半角数字：`3`"));
        let sep = parse_value("1,054,900元", CellKind::Money).unwrap_err();
        assert_eq!(sep.help.as_deref(), Some("去掉分位符，写成 `1054900元`"));
        assert_eq!(parse_value("无", CellKind::Count).unwrap_err().code, "IN-TYPE");
        assert_eq!(
            parse_value("1054900元", CellKind::Money),
            Ok(CellValue::Money(Decimal { units: 1054900, scale: 0 }, Some(Unit::Yuan)))
        );
        assert_eq!(parse_value("96171.6", CellKind::Decimal).unwrap().to_string(), "96171.6");
        assert_eq!(parse_value("123456789012.123", CellKind::Decimal).unwrap().to_string(), "123456789012.123");
        assert_eq!(parse_value("123456789012.1234", CellKind::Decimal).unwrap_err().code, "IN-RANGE");
        assert_eq!(parse_value("1234567890123", CellKind::Money).unwrap_err().code, "IN-RANGE");
    }

    /// The cells of the one list of `yaml` (a `key: [..]` line), as read.
    fn cells(yaml: &str) -> Vec<Node> {
        let root = parse_yaml(yaml, 2).expect("parses").expect("a document");
        let Value::Map(entries) = root.value else { panic!("a map") };
        let Value::Seq(items) = entries[0].1.value.clone() else { panic!("a list") };
        items
    }

    #[test]
    fn a_lone_dash_that_yaml_refuses_is_read_as_blank() {
        assert!(yaml::parse("new: [3, -, 0]\n", 2).is_err(), "YAML itself refuses it");
        let items = cells("new: [3, -, 0, - , 1,-]\n");
        let texts: Vec<&str> = items.iter().filter_map(Node::as_str).collect();
        assert_eq!(texts, ["3", "~", "0", "~", "1", "~"]);
        assert_eq!(items[1].pos, crate::diag::Pos::new(2, 10, 1), "the dash keeps its place");
        let root = parse_yaml("fees:\n  fees: -   # 原件为“-”\n", 2).expect("parses").expect("a document");
        let Value::Map(entries) = &root.value else { panic!("a map") };
        let Value::Map(rows) = &entries[0].1.value else { panic!("a map") };
        assert!(rows[0].1.is_null());
        // Dashes YAML reads are left alone; other syntax errors stay errors.
        assert_eq!(cells("new: [-3, 2]\n")[0].as_str(), Some("-3"));
        assert!(parse_yaml("new: [3, - 3]\n", 2).is_err());
        assert!(parse_yaml("new: [3, 0\n", 2).is_err());
        let list = parse_yaml("rows:\n  - -\n", 2).expect("parses").expect("a document");
        assert!(
            matches!(&list.value, Value::Map(e) if matches!(&e[0].1.value, Value::Seq(s) if matches!(s[0].value, Value::Seq(_))))
        );
    }

    #[test]
    fn many_lines_of_dashes_are_read_in_one_pass_a_line() {
        let text: String = (0..150).map(|i| format!("r{i}: [-, -, 1, -, -, -, -]   # 原件 -, -\n")).collect();
        let started = std::time::Instant::now();
        let root = parse_yaml(&text, 2).expect("parses").expect("a document");
        assert!(started.elapsed().as_secs() < 10, "one pass per line, not per dash");
        let Value::Map(rows) = root.value else { panic!("a map") };
        let nulls = rows.iter().flat_map(|(_, v)| match &v.value {
            Value::Seq(items) => items.iter().filter(|n| n.is_null()).count().into(),
            _ => None,
        });
        assert_eq!(nulls.sum::<usize>(), 150 * 6);
        let quoted = parse_yaml("title: \"甲, -, 乙\"\nnew: [-, 1]\n", 2).expect("parses").expect("a document");
        let Value::Map(entries) = quoted.value else { panic!("a map") };
        assert_eq!(entries[0].1.as_str(), Some("甲, -, 乙"), "text is never changed");
    }

    #[test]
    fn printed_dashes_and_slashes_are_blank_quoted_or_not() {
        let items =
            cells("new: [\"—\", —, ——, –, /, ／, －, '-', \"/\", \"\", 0, -0, —1, \"- -\", \"————\", !26, !!str —]\n");
        let blank: Vec<bool> = items.iter().map(printed_blank).collect();
        let want = [
            true, true, true, true, true, true, true, true, true, true, false, false, false, false, false, false, false,
        ];
        assert_eq!(blank, want, "{items:#?}");
    }
}
