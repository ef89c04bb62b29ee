//! TXT-THIN: a section the form asks something of (一 总体情况, 五 存在的
//! 主要问题及改进情况, and in the 2021 form 六, where the fees must be
//! reported) that is empty, says only 无, or only a sentence. What a section
//! must hold is data of the form (`substance` of the section). A narrative
//! with no text at all is not written yet and is left alone.

use crate::diag::Diagnostic;
use crate::form::Substance;
use crate::model::Loaded;

/// What a section's text amounts to: its sentences (of four characters or
/// more: 无 is none) and its characters (letters and digits only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Amount {
    /// Sentences of four characters or more.
    pub sentences: u32,
    /// Characters that are letters or digits.
    pub chars: u32,
}

impl Amount {
    /// Whether this falls short of `need`.
    pub fn short_of(self, need: Substance) -> bool {
        self.sentences < need.sentences || self.chars < need.chars
    }
}

/// Whether a character counts as text: a letter or digit, a Chinese
/// character (the common and extension A blocks), a full-width digit or
/// letter. Punctuation, marks and spaces do not. (Cheaper than
/// `char::is_alphanumeric`, whose tables are slow for Chinese.)
fn counts(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || ('\u{3400}'..='\u{9FFF}').contains(&c)
        || ('\u{F900}'..='\u{FAFF}').contains(&c)
        || ('０'..='９').contains(&c)
        || ('Ａ'..='ｚ').contains(&c) && c.is_alphanumeric()
}

/// What the text lines `lines` amount to: headings, tables and HTML
/// comments are not the section's text.
pub fn amount<'a>(lines: impl Iterator<Item = &'a str>) -> Amount {
    let mut out = Amount::default();
    for line in lines {
        let line = line.trim_start();
        if line.starts_with('#') || line.starts_with('|') {
            continue;
        }
        for sentence in line.split(['。', '！', '？', '；', '!', '?', ';']) {
            let n = u32::try_from(sentence.chars().filter(|&c| counts(c)).count()).unwrap_or(u32::MAX);
            out.chars = out.chars.saturating_add(n);
            if n >= 4 {
                out.sentences += 1;
            }
        }
    }
    out
}

/// TXT-THIN: each section present whose form asks for `substance` and whose
/// text (up to the next section) falls short of it, at the section's heading.
pub fn check_substance(loaded: &Loaded<'_>, diags: &mut Vec<Diagnostic>) {
    let report = &loaded.report;
    let form = &report.form;
    if !form.sections.iter().any(|s| s.substance.is_some()) {
        return;
    }
    let narrative = &report.narrative;
    let text = super::super::cross::without_comments(loaded.body);
    let lines: Vec<&str> = text.lines().collect();
    // A narrative without any text is not written yet (the scaffold of
    // `gongkai new` and `init`): no section of it is perfunctory. Only
    // counted when a section falls short, which is rare.
    let mut written: Option<bool> = None;
    let headings: Vec<_> = narrative.headings.iter().filter(|h| h.level <= narrative.level).collect();
    for (i, h) in headings.iter().enumerate() {
        let Some(k) = h.section else { continue };
        let Some(need) = form.sections[k].substance else { continue };
        let from = h.pos.line.saturating_sub(report.body_line) as usize + 1;
        let to = headings.get(i + 1).map_or(lines.len(), |n| n.pos.line.saturating_sub(report.body_line) as usize);
        let got = amount(lines.get(from..to.max(from)).unwrap_or_default().iter().copied());
        if got.short_of(need) && *written.get_or_insert_with(|| amount(lines.iter().copied()).chars > 0) {
            let spec = &form.sections[k];
            diags.push(
                Diagnostic::warning(
                    "TXT-THIN",
                    &report.file,
                    h.pos,
                    crate::t!(
                        "check-thin",
                        section = format!("{}、{}", spec.numeral, spec.title),
                        sentences = got.sentences,
                        chars = got.chars
                    ),
                )
                .with_label(crate::t!("check-thin-label"))
                .with_help(crate::t!(
                    "check-thin-help",
                    sentences = need.sentences,
                    chars = need.chars,
                    form = &form.name
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn none_and_one_sentence_are_short_and_headings_tables_do_not_count() {
        let need = Substance { sentences: 2, chars: 40 };
        assert!(amount(["无。"].into_iter()).short_of(need));
        assert_eq!(amount(["无。"].into_iter()).sentences, 0);
        assert!(
            amount(["本年度我镇政府信息公开工作还存在一些不足，主要是公开内容不够全面深入。"].into_iter())
                .short_of(need)
        );
        let full = "一是公开内容还不够全面，部分栏目更新不及时；二是政策解读形式较为单一，图解视频较少。下一步将加强培训，完善制度。";
        assert!(!amount([full].into_iter()).short_of(need));
        let table = "| 渠道 | 数量 | 说明 |\n| --- | --- | --- |\n| 网站 | 12 | 政务公开专栏发布信息的数量 |";
        assert_eq!(amount(table.lines()), Amount::default());
        assert_eq!(amount(["### （一）存在的主要问题"].into_iter()), Amount::default());
    }
}
