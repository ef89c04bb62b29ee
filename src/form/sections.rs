//! Which section of the form a narrative heading stands for. Decided here,
//! once, for the checker and the renderer alike: a heading is matched by
//! its title's key phrases (reworded titles still match), else by its numeral.

use super::Form;
use unicode_normalization::UnicodeNormalization;

/// Chinese numerals used for section numbers.
const NUMERALS: &str = "一二三四五六七八九十";

/// NFKC-normalises and drops white space, as labels are compared.
pub fn normalize(s: &str) -> String {
    s.nfkc().filter(|c| !c.is_whitespace()).collect()
}

/// How a heading matched a section of the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionMatch {
    /// The section, 0-based.
    pub section: usize,
    /// The numeral the heading is printed with (`五`), if any.
    pub numeral: Option<String>,
    /// Whether its title names the section (else only its numeral did).
    pub by_title: bool,
}

/// Splits `五、标题` into (`Some("五")`, `标题`) after normalisation.
fn split_numeral(text: &str) -> (Option<String>, String) {
    let norm = normalize(text);
    let numeral: String = norm.chars().take_while(|c| NUMERALS.contains(*c)).collect();
    let rest = &norm[numeral.len()..];
    match rest.chars().next() {
        Some(sep @ ('、' | '.' | ',' | '，')) if !numeral.is_empty() => {
            (Some(numeral), rest[sep.len_utf8()..].to_owned())
        }
        _ => (None, norm),
    }
}

impl Form {
    /// The section a heading stands for, and how it was recognised.
    pub fn match_heading(&self, heading: &str) -> Option<SectionMatch> {
        let (numeral, rest) = split_numeral(heading);
        let by_title = self.sections.iter().position(|s| s.normalized.iter().any(|m| rest.contains(m.as_str())));
        let by_numeral = || numeral.as_deref().and_then(|n| self.sections.iter().position(|s| s.numeral == n));
        let section = by_title.or_else(by_numeral)?;
        Some(SectionMatch { section, numeral, by_title: by_title.is_some() })
    }

    /// The heading level of a narrative's sections, from each heading's
    /// level and whether it stands for a section of the form: the level at
    /// which the most do (the higher level on a tie), so that a title line
    /// `#` above `##` sections, or sections written `###`, are read as the
    /// author meant. Without any section heading, the top level present (2
    /// when there is no heading at all).
    pub fn section_level(matched: impl Iterator<Item = (u8, bool)>) -> u8 {
        let mut counts = [0usize; 7];
        let mut top = None::<u8>;
        for (level, hit) in matched {
            let level = level.clamp(1, 6);
            top = Some(top.map_or(level, |t| t.min(level)));
            counts[usize::from(level)] += usize::from(hit);
        }
        let best = (1..=6).max_by_key(|&l| (counts[l], std::cmp::Reverse(l))).filter(|&l| counts[l] > 0);
        best.map_or_else(|| top.unwrap_or(2), |l| l as u8)
    }
}

#[cfg(test)]
mod tests {
    use crate::form::Forms;

    #[test]
    fn headings_match_by_title_then_numeral() {
        let forms = Forms::builtin();
        let form = forms.for_year(2024).unwrap();
        let m = form.match_heading("## 存在的主要问题及改进情况").unwrap();
        assert_eq!((m.section, m.numeral, m.by_title), (4, None, true));
        let m = form.match_heading("五、其他").unwrap();
        assert_eq!((m.section, m.numeral.as_deref(), m.by_title), (4, Some("五"), false));
        assert!(form.match_heading("小结").is_none());
    }

    /// The section level of headings given as (level, text).
    fn level<'a>(form: &crate::form::Form, headings: impl Iterator<Item = (u8, &'a str)>) -> u8 {
        crate::form::Form::section_level(headings.map(|(l, t)| (l, form.match_heading(t).is_some())))
    }

    #[test]
    fn the_section_level_is_where_the_sections_are() {
        let forms = Forms::builtin();
        let form = forms.for_year(2024).unwrap();
        let titled =
            [(1, "淮安市人民政府2024年政府信息公开工作年度报告"), (2, "一、总体情况"), (2, "二、主动公开政府信息情况")];
        assert_eq!(level(form, titled.iter().map(|(l, t)| (*l, *t))), 2);
        let deep = [(3, "一、总体情况"), (4, "（一）主动公开"), (3, "三、收到和处理政府信息公开申请情况")];
        assert_eq!(level(form, deep.iter().map(|(l, t)| (*l, *t))), 3);
        let none = [(3, "小结"), (4, "附")];
        assert_eq!(level(form, none.iter().map(|(l, t)| (*l, *t))), 3);
        assert_eq!(level(form, std::iter::empty()), 2);
    }
}
