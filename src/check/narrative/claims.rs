//! TXT-NUM: figures stated in the narrative, compared with the tables.

use crate::check::explain::{figure, leaf_name};
use crate::diag::{Diagnostic, Pos};
use crate::form::{Claim, Token};
use crate::model::{Loaded, Source};
use crate::source::LineIndex;

/// Characters a gap may not cross: they end the clause a figure belongs to.
const STOPS: &[char] = &['。', '；', ';', '，', ',', '：', ':', '！', '？', '\n', '（', '('];

/// Longest gap, in characters.
const GAP_MAX: usize = 24;

/// Most spaces allowed between a figure and its words (`3 件`): people type
/// one, sometimes two. Bounding it keeps every scan linear: a line of
/// 200,000 spaces once took 42 s when each start skipped all of them.
const SPACES_MAX: usize = 3;

/// `at` moved past at most [`SPACES_MAX`] spaces.
fn skip_spaces(line: &[char], mut at: usize) -> usize {
    let limit = at + SPACES_MAX;
    while at < limit && line.get(at) == Some(&' ') {
        at += 1;
    }
    at
}

/// A gap may not cross these: they introduce a part of the figure (其中…,
/// 结果维持 2 件), not the figure itself.
const GAP_STOP_WORDS: &[&[char]] =
    &[&['中'], &['结', '果'], &['维', '持'], &['纠', '正'], &['审', '结'], &['驳', '回'], &['含']];

/// Whether a stop word ends at `end` within `line[start..end]`.
fn stop_word_ends_at(line: &[char], start: usize, end: usize) -> bool {
    GAP_STOP_WORDS.iter().any(|w| end >= start + w.len() && line[end - w.len()..end] == **w)
}

/// Matches `tokens` at `at`; returns the number's (start, end, value).
fn match_at(
    line: &[char],
    at: usize,
    tokens: &[Token],
    num: Option<(usize, usize, i64)>,
) -> Option<(usize, usize, i64)> {
    let Some((tok, rest)) = tokens.split_first() else {
        return num;
    };
    match tok {
        Token::Lit(l) => {
            let i = if num.is_some_and(|(_, e, _)| e == at) { skip_spaces(line, at) } else { at };
            (line.get(i..i + l.len())? == l.as_slice()).then_some(())?;
            match_at(line, i + l.len(), rest, num)
        }
        Token::Gap => {
            for g in 0..=GAP_MAX.min(line.len().saturating_sub(at)) {
                if g > 0 && (STOPS.contains(&line[at + g - 1]) || stop_word_ends_at(line, at, at + g)) {
                    return None;
                }
                if let Some(found) = match_at(line, at + g, rest, num) {
                    return Some(found);
                }
            }
            None
        }
        Token::Num => {
            let mut i = skip_spaces(line, at);
            if i > 0 && line.get(i - 1).is_some_and(|c| c.is_ascii_digit() || *c == '.') {
                return None;
            }
            let start = i;
            while line.get(i).is_some_and(char::is_ascii_digit) {
                i += 1;
            }
            if i == start || line.get(i) == Some(&'.') {
                return None;
            }
            let value: i64 = line[start..i].iter().collect::<String>().parse().ok()?;
            match_at(line, i, rest, Some((start, i, value)))
        }
    }
}

/// Every figure in `line` that `pattern` finds: (char start, char end, value).
pub(super) fn find_figures(line: &[char], tokens: &[Token]) -> Vec<(usize, usize, i64)> {
    // A match starts with the first literal when the pattern does.
    // A pattern that starts with its figure starts at the figure's first
    // digit (not at each space before it), so a long run of spaces or digits
    // is passed over once.
    let first = match tokens.first() {
        Some(Token::Lit(l)) => l.first().copied(),
        _ => None,
    };
    let num_first = matches!(tokens.first(), Some(Token::Num));
    let digit = |i: usize| line.get(i).is_some_and(char::is_ascii_digit);
    (0..line.len())
        .filter(|&at| first.is_none_or(|c| line[at] == c))
        .filter(|&at| !num_first || (digit(at) && (at == 0 || !digit(at - 1))))
        .filter_map(|at| match_at(line, at, tokens, None))
        .collect()
}

/// How many TXT-NUM findings one report lists; one summary stands for the
/// rest (a pasted table of thousands of stated figures would otherwise
/// print thousands of warnings).
const MAX_FINDINGS: usize = 20;

/// TXT-NUM: figures stated in the narrative against the tables.
pub fn check_claims(loaded: &Loaded<'_>, diags: &mut Vec<Diagnostic>) {
    let report = &loaded.report;
    let index = LineIndex::new(loaded.body);
    // Patterns were compiled with the form, once.
    let compiled: Vec<(&Claim, &[crate::form::Pattern])> =
        report.form.text_claims.iter().map(|c| (c, c.compiled.as_slice())).collect();
    let mut seen: std::collections::HashSet<(Pos, &str)> = std::collections::HashSet::new();
    let mut next = 0;
    let mut found = 0usize;
    for line in loaded.body.split_inclusive('\n') {
        let offset = next;
        next += line.len();
        // Most lines state no figure: skip them before any character work
        // (every figure pattern ends in a measure word such as 件).
        if !line.contains('件') || !compiled.iter().any(|(_, ps)| ps.iter().any(|p| p.may_match(line))) {
            continue;
        }
        let chars: Vec<char> = line.chars().collect();
        // The line's file position, once: columns are character indices.
        let line_no = loaded.body_pos(&index, offset, 0).line;
        for &(claim, patterns) in &compiled {
            let Some((spec, data)) = report.table(&claim.table).filter(|(_, d)| d.given) else {
                continue;
            };
            let cells = &claim.cells;
            // A blank cell of a report kept as published states no figure to compare.
            if report.as_published && cells.iter().any(|&(r, c)| data.cell(r, c).source == Source::Blank) {
                continue;
            }
            let Some(expected) =
                cells.iter().try_fold(0i64, |acc, &(r, c)| acc.checked_add(data.cell(r, c).value.int()))
            else {
                continue;
            };
            for pattern in patterns.iter().filter(|p| p.may_match(line)) {
                for (s, e, value) in find_figures(&chars, &pattern.tokens) {
                    let pos =
                        Pos::new(line_no, u32::try_from(s + 1).unwrap_or(u32::MAX), u32::try_from(e - s).unwrap_or(1));
                    if value == expected || !seen.insert((pos, claim.name.as_str())) {
                        continue;
                    }
                    found += 1;
                    if found > MAX_FINDINGS {
                        continue;
                    }
                    let mut d = Diagnostic::warning(
                        "TXT-NUM",
                        &report.file,
                        pos,
                        crate::t!(
                            "check-claim",
                            name = &claim.name,
                            stated = value.to_string(),
                            expected = expected.to_string()
                        ),
                    )
                    .with_label(crate::t!("check-claim-label", stated = value.to_string()))
                    .with_help(crate::t!("check-claim-help"));
                    for &(r, c) in cells {
                        let cell = data.cell(r, c);
                        d = d.with_related(
                            &report.file,
                            cell.pos,
                            crate::t!(
                                "check-cell-at",
                                row = leaf_name(&spec.row_leaves, r),
                                col = leaf_name(&spec.col_leaves, c),
                                value = figure(cell)
                            ),
                        );
                    }
                    diags.push(d);
                }
            }
        }
    }
    if found > MAX_FINDINGS {
        diags.push(Diagnostic::warning(
            "TXT-NUM",
            &report.file,
            Pos::new(report.body_line, 1, 1),
            crate::t!("check-claims-more", n = found - MAX_FINDINGS),
        ));
    }
}
