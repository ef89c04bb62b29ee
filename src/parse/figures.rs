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
}
