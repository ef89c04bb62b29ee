//! TXT-NUM: figures stated in the narrative, compared with the tables.
//!
//! Each line is read once: its figures ([`numbers`]), its topics and
//! sentences ([`LineContext`]). Each figure is matched against the form's
//! claim patterns whose measure word follows it (`件`, `元`, `%`); the
//! pattern nearest to the figure, then the most specific, says what the
//! figure is (予以公开及部分公开 1816 件 is the sum, not 部分公开). A share
//! stated right after a claimed figure (`，占 44.7%`) is compared with the
//! share computed from the tables. The summary words (均获维持) are in
//! [`super::summaries`].

use super::cells::{Table, amount_text};
use super::matching::{self, LineContext, Match};
use super::numbers::{self, Amount, Figure};
use super::summaries;
use crate::diag::{Diagnostic, Pos};
use crate::form::{Claim, Form, Pattern, Target};
use crate::model::FnvMap;
use crate::model::Loaded;
use crate::source::LineIndex;

/// How many TXT-NUM findings one report lists; one summary stands for the
/// rest (a pasted table of thousands of stated figures would otherwise
/// print thousands of warnings).
const MAX_FINDINGS: usize = 20;

/// The findings of one report's narrative, counted.
pub(super) struct Findings<'d> {
    /// Where they go.
    diags: &'d mut Vec<Diagnostic>,
    /// How many were found, listed or not.
    found: usize,
}

impl Findings<'_> {
    /// Adds a finding; past [`MAX_FINDINGS`] it is only counted (and not built).
    pub(super) fn push(&mut self, d: impl FnOnce() -> Diagnostic) {
        self.found += 1;
        if self.found <= MAX_FINDINGS {
            self.diags.push(d());
        }
    }
}

/// A line of the narrative being read.
pub(super) struct Line<'a> {
    /// Its characters as the readers see them ([`numbers::normalize_char`]).
    pub chars: Vec<char>,
    /// Its characters as written, for quotes.
    pub written: Vec<char>,
    /// Its line number in the file.
    pub number: u32,
    /// Its topics and sentences.
    pub ctx: LineContext,
    /// The report.
    pub loaded: &'a Loaded<'a>,
}

impl Line<'_> {
    /// The file position of `line[start..end]`.
    pub fn pos(&self, start: usize, end: usize) -> Pos {
        let col = u32::try_from(start + 1).unwrap_or(u32::MAX);
        Pos::new(self.number, col, u32::try_from(end.saturating_sub(start)).unwrap_or(1))
    }

    /// The sentence around `at`, as a message quotes it: a long one only
    /// its clauses between `；` around `at`.
    pub fn quote(&self, at: usize) -> String {
        let (start, end) = self.ctx.sentence(at);
        let bounds = if end - start > matching::QUOTE_MAX {
            let semi = |i: &usize| matches!(self.chars[*i], '；' | ';');
            let from = (start..at).rev().find(semi).map_or(start, |i| i + 1);
            let to = (at..end).find(semi).map_or(end, |i| i + 1);
            (from, to)
        } else {
            (start, end)
        };
        matching::quote(&self.written, bounds, at)
    }

    /// `line[start..end]` as written.
    pub fn text(&self, start: usize, end: usize) -> String {
        self.written[start..end].iter().collect()
    }
}

/// The figure patterns of a form, by the first character of their measure word.
type ByMeasure<'f> = FnvMap<char, Vec<(usize, &'f Pattern)>>;

/// Indexes the claims' patterns by measure word.
fn by_measure(form: &Form) -> ByMeasure<'_> {
    let mut out: ByMeasure<'_> = FnvMap::default();
    for (i, c) in form.text_claims.iter().enumerate() {
        for p in &c.compiled {
            if let Some(m) = p.measure() {
                out.entry(m).or_default().push((i, p));
            }
        }
    }
    out
}

/// Lines longer than this (in characters) are first narrowed to the
/// patterns they can match.
const LONG_LINE: usize = 1000;

/// The patterns of `claims` all of whose literal characters are in `line`.
fn narrow<'f>(claims: &ByMeasure<'f>, line: &[char]) -> ByMeasure<'f> {
    let present: std::collections::HashSet<char> = line.iter().copied().collect();
    claims
        .iter()
        .map(|(m, list)| {
            let alive =
                list.iter().filter(|(_, p)| literals(p).iter().all(|l| l.chars().all(|c| present.contains(&c))));
            (*m, alive.copied().collect())
        })
        .collect()
}

/// A figure a claim was matched to, remembered for the share that may follow it.
#[derive(Clone, Copy)]
struct Hit<'f> {
    /// The claim.
    claim: &'f Claim,
    /// Its cells for the figure's topic.
    target: &'f Target,
    /// After the match.
    end: usize,
}

/// Characters that may join a figure and the share after it (`，占`, `（`).
const SHARE_JOINS: &[char] = &['，', ',', '（', '(', '、', ' '];

/// TXT-NUM: figures and summary words in the narrative against the tables.
pub fn check_claims(loaded: &Loaded<'_>, diags: &mut Vec<Diagnostic>) {
    let report = &loaded.report;
    let form = &report.form;
    if form.text_claims.is_empty() && form.text.summaries.is_empty() {
        return;
    }
    let index = LineIndex::new(loaded.body);
    let claims = by_measure(form);
    let words = summaries::by_first_char(form);
    let mut findings = Findings { diags, found: 0 };
    let mut offset = 0;
    for text in loaded.body.split_inclusive('\n') {
        let at = offset;
        offset += text.len();
        let chars: Vec<char> = text.chars().map(numbers::normalize_char).collect();
        let figures = numbers::figures(&chars);
        let has_words = chars.iter().any(|c| words.contains_key(c));
        if figures.is_empty() && !has_words {
            continue;
        }
        // A gap never crosses another figure's measure word.
        let stops: Vec<usize> = figures
            .iter()
            .filter(|f| chars.get(f.tail).is_some_and(|m| *m == '%' || claims.contains_key(m)))
            .map(|f| f.tail)
            .collect();
        let line = Line {
            ctx: LineContext::new(&chars, &form.text.topics, &stops),
            written: text.chars().collect(),
            number: loaded.body_pos(&index, at, 0).line,
            chars,
            loaded,
        };
        // A long line keeps only the patterns whose every character it has:
        // a pasted run of figures is then not matched against every claim.
        let narrowed;
        let claims = if line.chars.len() > LONG_LINE {
            narrowed = narrow(&claims, &line.chars);
            &narrowed
        } else {
            &claims
        };
        let mut last: Option<Hit<'_>> = None;
        for f in &figures {
            match line.chars.get(f.tail) {
                Some('%') => share(&line, f, last.take(), &mut findings),
                Some(m) => {
                    if let Some(list) = claims.get(m) {
                        last = figure(&line, f, list, &mut findings).or(last);
                    }
                }
                None => {}
            }
        }
        if has_words {
            summaries::check_line(&line, &words, &mut findings);
        }
    }
    if findings.found > MAX_FINDINGS {
        findings.diags.push(Diagnostic::warning(
            "TXT-NUM",
            &report.file,
            Pos::new(report.body_line, 1, 1),
            crate::t!("check-claims-more", n = findings.found - MAX_FINDINGS),
        ));
    }
}

/// The claims that figure `f` states: the best match, or for `各` every
/// claim's best but those whose words hold another's (予以公开、部分公开各1件
/// is of 予以公开 and of 部分公开, not of their sum).
fn chosen(line: &Line<'_>, f: &Figure, list: &[(usize, &Pattern)]) -> Vec<(usize, Match)> {
    let mut best: Vec<(usize, Match, &Pattern)> = Vec::new();
    for &(claim, p) in list {
        let Some(m) = matching::around(&line.chars, &line.ctx.gaps, f, p) else { continue };
        let key = |m: &Match| (m.near, std::cmp::Reverse(m.literal_chars));
        match best.iter_mut().find(|(c, _, _)| *c == claim) {
            Some((_, b, bp)) if key(&m) < key(b) => (*b, *bp) = (m, p),
            Some(_) => {}
            None => best.push((claim, m, p)),
        }
    }
    if f.each {
        let words = |p: &Pattern| -> String { literals(p).concat() };
        let holds_another = |(c, _, p): &(usize, Match, &Pattern)| {
            let mine = words(p);
            best.iter().any(|(o, _, q)| {
                o != c && words(q).len() < mine.len() && literals(q).iter().all(|l| mine.contains(l.as_str()))
            })
        };
        let kept: Vec<(usize, Match)> = best.iter().filter(|b| !holds_another(b)).map(|(c, m, _)| (*c, *m)).collect();
        return kept;
    }
    best.sort_by_key(|(c, m, _)| (m.near, std::cmp::Reverse(m.literal_chars), *c));
    best.into_iter().take(1).map(|(c, m, _)| (c, m)).collect()
}

/// The literal texts of a pattern.
fn literals(p: &Pattern) -> Vec<String> {
    p.tokens
        .iter()
        .filter_map(|t| match t {
            crate::form::Token::Lit(l) => Some(l.iter().collect()),
            _ => None,
        })
        .collect()
}

/// The cells of `claim` for the topic the text speaks of at `at`.
fn target_at<'f>(line: &Line<'_>, claim: &'f Claim, at: usize) -> Option<&'f Target> {
    claim.targets.iter().find(|t| t.topic.is_none()).or_else(|| {
        let topic = line.ctx.topic_before(at)?;
        claim.targets.iter().find(|t| t.topic == Some(topic))
    })
}

/// A claim's name for messages, with its topic's when it depends on one.
fn claim_name(form: &Form, claim: &Claim, target: &Target) -> String {
    match target.topic.and_then(|t| form.text.topics.get(t)) {
        Some(topic) if claim.targets.iter().any(|t| t.topic.is_some()) && !claim.name.starts_with(&topic.label) => {
            format!("{}{}", topic.label, claim.name)
        }
        _ => claim.name.clone(),
    }
}

/// Compares figure `f` with the claims it states; returns the claim it was
/// matched to, for a share that may follow.
fn figure<'f>(
    line: &Line<'f>,
    f: &Figure,
    list: &[(usize, &'f Pattern)],
    findings: &mut Findings<'_>,
) -> Option<Hit<'f>> {
    let report = &line.loaded.report;
    let form: &'f Form = &report.form;
    let mut hit = None;
    for (c, m) in chosen(line, f, list) {
        let claim = &form.text_claims[c];
        let Some(target) = target_at(line, claim, m.start) else { continue };
        hit = Some(Hit { claim, target, end: m.end });
        let Some(table) = Table::of(report, claim.table_index) else { continue };
        let Some(expected) = table.sum(&target.cells) else { continue };
        if numbers::agrees(f, expected) {
            continue;
        }
        findings.push(|| {
            let stated = line.text(f.start, f.end);
            let d = Diagnostic::warning(
                "TXT-NUM",
                &report.file,
                line.pos(f.start, f.end),
                crate::t!(
                    "check-text-figure",
                    sentence = line.quote(f.start),
                    name = claim_name(form, claim, target),
                    stated = stated.as_str(),
                    cells = table.name(&target.cells),
                    expected = table.shown(&target.cells, expected)
                ),
            )
            .with_label(crate::t!("check-claim-label", stated = stated.as_str()))
            .with_help(crate::t!("check-text-figure-help"));
            table.point_at(report, d, &target.cells)
        });
    }
    hit
}

/// Compares a percentage `f` that follows the figure of `last` (`，占 44.7%`)
/// with the share computed from the tables.
fn share(line: &Line<'_>, f: &Figure, last: Option<Hit<'_>>, findings: &mut Findings<'_>) {
    let Some(last) = last else { return };
    let report = &line.loaded.report;
    let form = &report.form;
    let Some(m) = form.text.share_patterns.iter().find_map(|p| matching::around(&line.chars, &line.ctx.gaps, f, p))
    else {
        return;
    };
    let Some(joins) = line.chars.get(last.end..m.start) else { return };
    if joins.iter().filter(|c| **c != ' ').count() > 2 || !joins.iter().all(|c| SHARE_JOINS.contains(c)) {
        return;
    }
    let Some(table) = Table::of(report, last.claim.table_index) else { return };
    let Some(part) = table.sum(&last.target.cells) else { return };
    let wholes: Vec<(&Vec<(usize, usize)>, Amount)> =
        last.target.of.iter().filter_map(|cells| Some((cells, table.sum(cells)?))).collect();
    let verdicts: Vec<Option<bool>> = wholes.iter().map(|(_, w)| numbers::share_agrees(f, part, *w)).collect();
    if verdicts.is_empty() || verdicts.iter().any(|v| *v != Some(false)) {
        return;
    }
    let (cells, whole) = &wholes[0];
    let decimals = usize::try_from(-f.place).unwrap_or(0) + 1;
    let computed = format!("{:.*}", decimals, part.to_f64() * 100.0 / whole.to_f64());
    findings.push(|| {
        let stated = line.text(f.start, f.end);
        let d = Diagnostic::warning(
            "TXT-NUM",
            &report.file,
            line.pos(f.start, f.tail + 1),
            crate::t!(
                "check-text-share",
                sentence = line.quote(f.start),
                name = claim_name(form, last.claim, last.target),
                stated = stated.as_str(),
                computed = computed,
                part = amount_text(part),
                whole = amount_text(*whole),
                of = table.name(cells)
            ),
        )
        .with_label(crate::t!("check-text-share-label", stated = stated.as_str()))
        .with_help(crate::t!("check-text-figure-help"));
        let d = table.point_at(report, d, &last.target.cells);
        table.point_at(report, d, cells)
    });
}

/// Every figure in `line` that `pattern` finds: (char start, char end, value),
/// for tests of the patterns.
#[cfg(test)]
pub(super) fn find_figures(line: &[char], pattern: &str) -> Vec<(usize, usize, i128)> {
    let Ok(p) = Pattern::figure(pattern) else { return Vec::new() };
    numbers::figures(line)
        .iter()
        .filter(|f| matching::around(line, &matching::GapLimits::new(line, &[]), f, &p).is_some())
        .map(|f| (f.start, f.end, f.amount.units))
        .collect()
}
