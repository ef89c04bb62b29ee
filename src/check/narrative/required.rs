//! Content a form requires of the narrative (its `text.required`): a
//! 人民政府's 工作考核、社会评议和责任追究结果情况 (条例 第五十条（四）,
//! GOV-50-4), the 2021 form's 信息处理费 (FEE-21). Found while the narrative
//! is in hand ([`find_unreported`]), reported once the agency's kind is known
//! ([`check_required`]). A section not written yet is not searched: an
//! empty section is a finding of its own, not one per thing it lacks.

use crate::diag::{Diagnostic, Pos};
use crate::model::{Agency, Loaded, Report, Unreported};
use crate::source::LineIndex;

/// Characters that end the sentence a word is looked for in.
const SENTENCE_ENDS: &[char] = &['。', '！', '？', '!', '?', '\n'];

/// Most mentions of a word whose sentences are searched for an answer.
const MAX_MENTIONS: usize = 100;

/// Most bytes looked at on either side of a word for its sentence.
const SENTENCE_REACH: usize = 600;

/// The sentence of `body` around the byte range `at..end`.
fn sentence(body: &str, at: usize, end: usize) -> &str {
    let mut from = at.saturating_sub(SENTENCE_REACH);
    while !body.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (end + SENTENCE_REACH).min(body.len());
    while !body.is_char_boundary(to) {
        to -= 1;
    }
    let start = body[from..at]
        .char_indices()
        .rfind(|(_, c)| SENTENCE_ENDS.contains(c))
        .map_or(from, |(i, c)| from + i + c.len_utf8());
    let stop = body[end..to].find(SENTENCE_ENDS).map_or(to, |i| end + i);
    &body[start..stop]
}

/// Whether a line is text: not blank, not a heading, not only an HTML
/// comment (`<!-- 在此填写本部分内容 -->` of a new report).
fn is_text(line: &str) -> bool {
    let mut rest = line.trim();
    while let Some(after) = rest.strip_prefix("<!--") {
        rest = after.split_once("-->").map_or("", |(_, r)| r).trim();
    }
    !rest.is_empty() && !rest.starts_with('#')
}

/// Where section `number` (1–6) is: its heading, and whether any line of
/// text follows it before the next section.
fn section(loaded: &Loaded<'_>, number: usize) -> Option<(Pos, bool)> {
    let report = &loaded.report;
    let narrative = &report.narrative;
    let heading = narrative.section_headings().find(|h| h.section == Some(number - 1))?;
    let next = narrative
        .section_headings()
        .filter(|h| h.section.is_some() && h.pos.line > heading.pos.line)
        .map(|h| h.pos.line)
        .min()
        .unwrap_or(u32::MAX);
    let has_text = loaded.body.lines().enumerate().any(|(i, l)| {
        let line = report.body_line.saturating_add(u32::try_from(i).unwrap_or(u32::MAX));
        line > heading.pos.line && line < next && is_text(l)
    });
    Some((heading.pos, has_text))
}

/// The required content the narrative lacks, for [`check_required`].
pub fn find_unreported(loaded: &Loaded<'_>) -> Vec<Unreported> {
    let body = loaded.body;
    let mut out = Vec::new();
    let mut index: Option<LineIndex> = None;
    for (rule, r) in loaded.report.form.text.required.iter().enumerate() {
        let Some((heading, true)) = section(loaded, r.section) else { continue };
        let first = r.words.iter().filter_map(|w| body.find(w.as_str()).map(|at| (at, w.as_str()))).min();
        let answered = r.answers.is_empty()
            || r.words
                .iter()
                .flat_map(|w| body.match_indices(w.as_str()))
                .take(MAX_MENTIONS)
                .any(|(at, w)| r.answers.iter().any(|a| sentence(body, at, at + w.len()).contains(a.as_str())));
        match first {
            None => out.push(Unreported { rule, pos: heading, word: None }),
            Some((at, word)) if !answered => {
                let index = index.get_or_insert_with(|| LineIndex::new(body));
                out.push(Unreported { rule, pos: loaded.body_pos(index, at, word.len()), word: Some(word.to_owned()) });
            }
            Some(_) => {}
        }
    }
    out
}

/// Reports the required content `report`'s narrative lacks, for the rules
/// that apply to `agency`'s kind.
pub fn check_required(report: &Report, agency: &Agency, diags: &mut Vec<Diagnostic>) {
    let form = &report.form;
    for u in &report.unreported {
        let Some(r) = form.text.required.get(u.rule).filter(|r| r.applies_to(agency.kind)) else { continue };
        let section =
            form.sections.get(r.section - 1).map(|s| format!("{}、{}", s.numeral, s.title)).unwrap_or_default();
        let hint = r.hint.clone().unwrap_or_else(|| r.words.join("、"));
        let d = match &u.word {
            None => Diagnostic::warning(
                r.code.clone(),
                &report.file,
                u.pos,
                crate::t!("check-required", name = &r.name, basis = &r.basis, kind = agency.kind.name()),
            )
            .with_label(crate::t!("check-required-label", section = section.as_str()))
            .with_help(crate::t!("check-required-help", section = section.as_str(), hint = hint)),
            Some(word) => Diagnostic::warning(
                r.code.clone(),
                &report.file,
                u.pos,
                crate::t!("check-required-unanswered", word = word.as_str(), name = &r.name, basis = &r.basis),
            )
            .with_help(crate::t!("check-required-help", section = section.as_str(), hint = hint)),
        };
        diags.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_headings_and_comments_are_not_text() {
        assert!(is_text("本年度未收取信息处理费。"));
        assert!(!is_text("   "));
        assert!(!is_text("### （一）主动公开"));
        assert!(!is_text("<!-- 在此填写本部分内容 -->"));
        assert!(is_text("<!-- 注 --> 无。"));
    }

    #[test]
    fn a_word_is_looked_for_in_its_own_sentence() {
        let body = "严格落实管理办法。全年收取信息处理费 3940 元，较上年减少。";
        let at = body.find("信息处理费").unwrap();
        assert_eq!(sentence(body, at, at + "信息处理费".len()), "全年收取信息处理费 3940 元，较上年减少");
    }
}
