//! TXT-NUM: words that summarise figures (均获维持, 零败诉, 无被纠错,
//! 未发生行政复议) against the tables: each says some cells are zero.
//!
//! Which cells depends on what the words speak of: the topics named in the
//! words themselves (未发生行政复议), else those of their clause run (up to
//! the last `；`), else of their sentence, else of the sentence before. A
//! summary with one set of cells (零败诉 is about 行政诉讼) needs no topic.

use super::cells::Table;
use super::claims::{Findings, Line};
use super::matching::{self, Match};
use crate::check::explain::figure;
use crate::diag::Diagnostic;
use crate::form::{Form, Pattern, Summary, Target};
use crate::model::FnvMap;

/// The summaries' patterns, by their first character.
pub(super) type ByFirst<'f> = FnvMap<char, Vec<(usize, &'f Pattern)>>;

/// Indexes the summaries' patterns by their first character.
pub(super) fn by_first_char(form: &Form) -> ByFirst<'_> {
    let mut out: ByFirst<'_> = FnvMap::default();
    for (i, s) in form.text.summaries.iter().enumerate() {
        for p in &s.compiled {
            if let Some(c) = p.first_char() {
                out.entry(c).or_default().push((i, p));
            }
        }
    }
    out
}

/// Checks the summary words of one line.
pub(super) fn check_line(line: &Line<'_>, words: &ByFirst<'_>, findings: &mut Findings<'_>) {
    let form = &line.loaded.report.form;
    // One finding per summary and sentence (均获维持 matches 均获维持 and 获维持 alike).
    let mut done: std::collections::HashSet<(usize, usize)> = std::collections::HashSet::new();
    for (i, c) in line.chars.iter().enumerate() {
        let Some(list) = words.get(c) else { continue };
        for &(s, p) in list {
            let Some(m) = matching::at_word(&line.chars, &line.ctx.gaps, i, p) else { continue };
            if !done.insert((s, line.ctx.sentence(i).0)) {
                continue;
            }
            check_summary(line, &form.text.summaries[s], m, findings);
        }
    }
}

/// The topics summary words at `m` speak of.
fn scope(line: &Line<'_>, m: Match) -> Vec<usize> {
    let ctx = &line.ctx;
    let own = ctx.topics_in(m.start, m.end);
    if !own.is_empty() {
        return own;
    }
    let (start, _) = ctx.sentence(m.start);
    let run = ctx.topics_in(matching::segment_start(&line.chars, start, m.start), m.start);
    if !run.is_empty() {
        return run;
    }
    let sentence = ctx.topics_in(start, m.start);
    if !sentence.is_empty() || start == 0 {
        return sentence;
    }
    let (before, _) = ctx.sentence(start - 1);
    ctx.topics_in(before, start)
}

/// The cells summary `s` says are zero where it is matched at `m`.
fn targets<'s>(line: &Line<'_>, s: &'s Summary, m: Match) -> Vec<&'s Target> {
    if let [only] = s.targets.as_slice() {
        return vec![only];
    }
    let topics = scope(line, m);
    s.targets.iter().filter(|t| t.topic.is_none_or(|k| topics.contains(&k))).collect()
}

/// How far after summary words their clause is searched for `unless` words.
const CLAUSE_REACH: usize = 40;

/// Whether the clause of the words at `m` has one of `unless`.
fn unless(line: &Line<'_>, m: Match, unless: &[String]) -> bool {
    let end = (m.end..line.chars.len().min(m.end + CLAUSE_REACH))
        .find(|&i| matching::STOPS.contains(&line.chars[i]))
        .unwrap_or(line.chars.len().min(m.end + CLAUSE_REACH));
    let clause: String = line.chars[m.start..end].iter().collect();
    unless.iter().any(|w| clause.contains(w.as_str()))
}

/// Compares one summary with the tables.
fn check_summary(line: &Line<'_>, s: &Summary, m: Match, findings: &mut Findings<'_>) {
    if unless(line, m, &s.unless) {
        return;
    }
    let report = &line.loaded.report;
    let Some(table) = Table::of(report, s.table_index) else { return };
    let mut nonzero: Vec<(usize, usize)> = Vec::new();
    for t in targets(line, s, m) {
        for &rc in &t.cells {
            if table.amount(rc).is_some_and(|a| a.units != 0) && !nonzero.contains(&rc) {
                nonzero.push(rc);
            }
        }
    }
    if nonzero.is_empty() {
        return;
    }
    findings.push(|| {
        let words = line.text(m.start, m.end);
        let cells: Vec<String> = nonzero
            .iter()
            .map(|&rc| crate::t!("check-text-cell-is", cell = table.name(&[rc]), value = figure(table.cell(rc))))
            .collect();
        let d = Diagnostic::warning(
            "TXT-NUM",
            &report.file,
            line.pos(m.start, m.end),
            crate::t!(
                "check-text-summary",
                sentence = line.quote(m.start),
                words = words.as_str(),
                name = &s.name,
                cells = cells.join("、")
            ),
        )
        .with_label(crate::t!("check-text-summary-label"))
        .with_help(crate::t!("check-text-figure-help"));
        table.point_at(report, d, &nonzero)
    });
}
