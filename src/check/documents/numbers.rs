//! The two numbers a document carries: its 文号 (`百政发〔2024〕3号`, the
//! issuing organ's abbreviation, the year in 六角括号 and the serial) and
//! its 索引号 (by default `{code}/{year}-{serial}`), read as people type
//! them, with what is wrong and how it should be written.

use crate::config::documents::Piece;

/// The brackets people type around the year of a 文号 instead of 〔〕.
const WRONG_OPEN: [char; 7] = ['[', '(', '【', '（', '［', '﹝', '〈'];
/// Their closing halves, in any pairing.
const WRONG_CLOSE: [char; 7] = [']', ')', '】', '）', '］', '﹞', '〉'];

/// A 文号 as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocNo {
    /// The organ's abbreviation (机关代字), `百政发`.
    pub prefix: String,
    /// The year in brackets (none in a 政府令's number, `淮安市人民政府令第5号`).
    pub year: Option<i32>,
    /// The serial number.
    pub serial: u64,
}

/// What is wrong with a 文号's spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocNoProblem {
    /// The year is in other brackets than 〔〕 (as written).
    Brackets(char, char),
    /// Full-width digits.
    FullWidth,
    /// `第` before the serial.
    Di,
    /// A leading zero in the serial.
    LeadingZero,
    /// No 机关代字 before the year.
    NoPrefix,
    /// Not recognisably `代字〔年份〕序号号`.
    Shape,
}

/// Reads a 文号: `Ok` when it is well formed, else its problems (the first
/// the most telling) and, when it could be read, its correct spelling.
pub fn read_doc_no(written: &str) -> Result<DocNo, (Vec<DocNoProblem>, Option<String>)> {
    let mut problems = Vec::new();
    let half: String = written
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect();
    if half != written.trim() {
        problems.push(DocNoProblem::FullWidth);
    }
    if let Some(order) = order_number(&half).filter(|_| problems.is_empty()) {
        return Ok(order);
    }
    let Some((prefix, open, year, close, rest)) = split_year(&half) else {
        return Err((vec![DocNoProblem::Shape], None));
    };
    if (open, close) != ('〔', '〕') {
        problems.insert(0, DocNoProblem::Brackets(open, close));
    }
    let rest = match rest.strip_prefix('第') {
        Some(r) => {
            problems.push(DocNoProblem::Di);
            r
        }
        None => rest,
    };
    let Some(digits) = rest.strip_suffix('号').filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
    else {
        problems.push(DocNoProblem::Shape);
        return Err((problems, None));
    };
    if digits.len() > 1 && digits.starts_with('0') {
        problems.push(DocNoProblem::LeadingZero);
    }
    let Ok(serial) = digits.parse::<u64>() else { return Err((vec![DocNoProblem::Shape], None)) };
    let prefix = prefix.trim();
    if prefix.is_empty() {
        problems.push(DocNoProblem::NoPrefix);
        return Err((problems, None));
    }
    if problems.is_empty() {
        return Ok(DocNo { prefix: prefix.to_owned(), year: Some(year), serial });
    }
    Err((problems, Some(format!("{prefix}〔{year}〕{serial}号"))))
}

/// The number of a 令 (规章 are issued as `淮安市人民政府令第5号`, with
/// 第 and without a year), when `s` is one.
fn order_number(s: &str) -> Option<DocNo> {
    let (prefix, digits) = s.strip_suffix('号')?.rsplit_once("令第")?;
    let ok = !prefix.is_empty() && !digits.is_empty() && !digits.starts_with('0');
    let serial = digits.parse().ok().filter(|_| ok && digits.bytes().all(|b| b.is_ascii_digit()))?;
    Some(DocNo { prefix: format!("{prefix}令"), year: None, serial })
}

/// The 文号 split at its bracketed year: the text before, the brackets, the
/// year and the text after.
fn split_year(s: &str) -> Option<(&str, char, i32, char, &str)> {
    for (at, open) in s.char_indices().filter(|(_, c)| *c == '〔' || WRONG_OPEN.contains(c)) {
        let after = &s[at + open.len_utf8()..];
        let year = after.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()));
        let Some(year) = year else { continue };
        let Some(close) = after[4..].chars().next().filter(|c| *c == '〕' || WRONG_CLOSE.contains(c)) else {
            continue;
        };
        let rest = &after[4 + close.len_utf8()..];
        return Some((&s[..at], open, year.parse().ok()?, close, rest));
    }
    None
}

/// A 索引号 read by the site's pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexNo<'a> {
    /// The code it starts with, if the pattern has `{code}`.
    pub code: Option<&'a str>,
    /// Its year, if the pattern has `{year}`.
    pub year: Option<i32>,
}

/// Reads `index` by `pattern`, `None` when it does not follow it. A
/// `{code}` is capital letters and digits, a `{year}` four digits, a
/// `{serial}` digits.
pub fn read_index<'a>(pattern: &[Piece], index: &'a str) -> Option<IndexNo<'a>> {
    let mut rest = index.trim();
    let mut out = IndexNo { code: None, year: None };
    for (i, piece) in pattern.iter().enumerate() {
        // The text that ends a piece of no fixed length.
        let until = |rest: &'a str| -> (&'a str, &'a str) {
            match pattern.get(i + 1) {
                Some(Piece::Text(t)) => rest.find(t.as_str()).map_or((rest, ""), |at| rest.split_at(at)),
                _ => (rest, ""),
            }
        };
        match piece {
            Piece::Text(t) => rest = rest.strip_prefix(t.as_str())?,
            Piece::Year => {
                let y = rest.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?;
                out.year = y.parse().ok();
                rest = &rest[4..];
            }
            Piece::Code => {
                let (code, after) = until(rest);
                if code.is_empty() || !code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
                    return None;
                }
                out.code = Some(code);
                rest = after;
            }
            Piece::Serial => {
                let (serial, after) = until(rest);
                if serial.is_empty() || !serial.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                rest = after;
            }
        }
    }
    rest.is_empty().then_some(out)
}

/// An example 索引号 of the pattern, for messages.
pub fn example_index(pattern: &[Piece], code: Option<&str>, year: i32) -> String {
    pattern
        .iter()
        .map(|p| match p {
            Piece::Text(t) => t.clone(),
            Piece::Code => code.unwrap_or("{code}").to_owned(),
            Piece::Year => year.to_string(),
            Piece::Serial => "00001".to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::documents::{DEFAULT_INDEX_PATTERN, index_pieces};

    #[test]
    fn a_well_formed_doc_no_reads() {
        let n = read_doc_no("淮政发〔2024〕3号").expect("well formed");
        assert_eq!(n, DocNo { prefix: "淮政发".into(), year: Some(2024), serial: 3 });
        assert!(read_doc_no("百政办发〔2023〕112号").is_ok());
        let order = read_doc_no("淮安市人民政府令第5号").expect("a 令's number");
        assert_eq!((order.prefix.as_str(), order.year, order.serial), ("淮安市人民政府令", None, 5));
        assert!(read_doc_no("淮安市人民政府令第05号").is_err());
    }

    #[test]
    fn each_common_mistake_is_named_with_the_fixed_spelling() {
        use DocNoProblem::*;
        let fixed = Some("淮政发〔2024〕3号".to_owned());
        for (open, close) in [('[', ']'), ('(', ')'), ('【', '】'), ('（', '）'), ('［', '］'), ('﹝', '﹞')] {
            let written = format!("淮政发{open}2024{close}3号");
            assert_eq!(read_doc_no(&written), Err((vec![Brackets(open, close)], fixed.clone())), "{written}");
        }
        assert_eq!(read_doc_no("淮政发〔2024〕03号"), Err((vec![LeadingZero], fixed.clone())));
        assert_eq!(read_doc_no("淮政发〔2024〕第3号"), Err((vec![Di], fixed.clone())));
        assert_eq!(read_doc_no("淮政发〔２０２４〕３号"), Err((vec![FullWidth], fixed.clone())));
        assert_eq!(read_doc_no("淮政发[2024]第03号"), Err((vec![Brackets('[', ']'), Di, LeadingZero], fixed)));
        assert_eq!(read_doc_no("〔2024〕3号").map_err(|e| e.0), Err(vec![NoPrefix]));
        assert_eq!(read_doc_no("淮政发2024年3号").map_err(|e| e.0), Err(vec![Shape]));
        assert_eq!(read_doc_no("淮政发〔2024〕3").map_err(|e| e.0), Err(vec![Shape]));
    }

    #[test]
    fn an_index_reads_by_the_pattern() {
        let p = index_pieces(DEFAULT_INDEX_PATTERN).expect("valid");
        let i = read_index(&p, "11330424002574125A/2024-00012").expect("follows");
        assert_eq!((i.code, i.year), (Some("11330424002574125A"), Some(2024)));
        for bad in ["11330424002574125A/24-00012", "11330424002574125A-2024-00012", "x/2024-1", "A/2024-", "A/2024-1x"]
        {
            assert_eq!(read_index(&p, bad), None, "{bad}");
        }
        let p = index_pieces("{year}{serial}").expect("valid");
        assert_eq!(read_index(&p, "2024001").map(|i| i.year), Some(Some(2024)));
        assert_eq!(example_index(&index_pieces(DEFAULT_INDEX_PATTERN).unwrap(), Some("C"), 2024), "C/2024-00001");
    }
}
