//! FMT-SECT: the six sections of the form, present, in order, numbered, at
//! one heading level. A missing section is pointed at where it belongs.

use crate::diag::{Diagnostic, Pos};
use crate::form::{Form, SectionSpec};
use crate::model::{Heading, Loaded, Narrative};
use std::path::PathBuf;
use std::sync::Arc;

/// A section as the form prints it: `三、收到和处理政府信息公开申请情况`.
fn official(spec: &SectionSpec) -> String {
    format!("{}、{}", spec.numeral, spec.title)
}

/// The Markdown heading of a section at the narrative's section level:
/// `## 三、收到和处理政府信息公开申请情况`.
fn heading_line(narrative: &Narrative, spec: &SectionSpec) -> String {
    format!("{} {}", "#".repeat(usize::from(narrative.level.max(1))), official(spec))
}

/// FMT-SECT: the sections present, in order, each with its numeral, at the
/// section level, read from the report's [`Narrative`]; the missing ones
/// named in the form's order where they belong.
pub fn check_sections(loaded: &Loaded<'_>, diags: &mut Vec<Diagnostic>) {
    let report = &loaded.report;
    let form = &report.form;
    let narrative = &report.narrative;
    let file = &report.file;
    // Where each section's heading is, if the narrative has one.
    let mut at: Vec<Option<Pos>> = vec![None; form.sections.len()];
    let mut last: Option<usize> = None;
    for h in narrative.section_headings() {
        let Some(m) = form.match_heading(&h.text) else {
            diags.push(
                Diagnostic::warning("FMT-SECT", file, h.pos, crate::t!("check-sect-unknown", heading = &h.text))
                    .with_help(crate::t!(
                        "check-sect-unknown-help",
                        marks = "#".repeat(usize::from(narrative.level)),
                        sub = "#".repeat(usize::from(narrative.level) + 1)
                    )),
            );
            continue;
        };
        let k = m.section;
        let spec = &form.sections[k];
        if let Some(d) = numbering(narrative, file, h, spec, m.numeral.as_deref(), m.by_title) {
            diags.push(d);
        }
        if at[k].is_some() {
            diags.push(Diagnostic::warning(
                "FMT-SECT",
                file,
                h.pos,
                crate::t!("check-sect-twice", section = official(spec)),
            ));
        } else if let Some(l) = last.filter(|&l| k < l) {
            diags.push(
                Diagnostic::warning(
                    "FMT-SECT",
                    file,
                    h.pos,
                    crate::t!("check-sect-order", section = official(spec), previous = official(&form.sections[l])),
                )
                .with_help(crate::t!("check-sect-order-help")),
            );
        }
        at[k].get_or_insert(h.pos);
        last = Some(last.map_or(k, |l| l.max(k)));
    }
    for (k, pos) in at.iter_mut().enumerate().filter(|(_, p)| p.is_none()) {
        if let Some(h) = at_other_level(form, narrative, k) {
            diags.push(
                Diagnostic::warning(
                    "FMT-SECT",
                    file,
                    h.pos,
                    crate::t!(
                        "check-sect-level",
                        section = official(&form.sections[k]),
                        level = h.level,
                        marks = "#".repeat(usize::from(h.level)),
                        expected = narrative.level,
                        expected_marks = "#".repeat(usize::from(narrative.level))
                    ),
                )
                .with_help(crate::t!("check-sect-write", heading = heading_line(narrative, &form.sections[k]))),
            );
            *pos = Some(h.pos);
        }
    }
    missing(loaded, &at, diags);
}

/// The heading at another level than the sections' that names section `k`
/// by its title (`### 三、收到和处理政府信息公开申请情况` among `##` sections).
fn at_other_level<'a>(form: &Form, narrative: &'a Narrative, k: usize) -> Option<&'a Heading> {
    narrative.headings.iter().find(|h| {
        h.level != narrative.level && form.match_heading(&h.text).is_some_and(|m| m.section == k && m.by_title)
    })
}

/// The finding about a section heading's numeral, if it is wrong: none,
/// another section's, or a numeral with a title that is not the section's.
fn numbering(
    narrative: &Narrative,
    file: &Arc<PathBuf>,
    h: &Heading,
    spec: &SectionSpec,
    numeral: Option<&str>,
    by_title: bool,
) -> Option<Diagnostic> {
    let write = || crate::t!("check-sect-write", heading = heading_line(narrative, spec));
    let d = match numeral {
        None => Diagnostic::warning(
            "FMT-SECT",
            file,
            h.pos,
            crate::t!("check-sect-no-numeral", numeral = &spec.numeral, heading = &h.text),
        )
        .with_label(crate::t!("check-sect-no-numeral-label"))
        .with_help(crate::t!(
            "check-sect-write",
            heading = format!("{} {}、{}", "#".repeat(usize::from(h.level)), spec.numeral, h.text.trim())
        )),
        Some(n) if by_title && n != spec.numeral => Diagnostic::warning(
            "FMT-SECT",
            file,
            h.pos,
            crate::t!("check-sect-misnumbered", title = &spec.title, written = n, numeral = &spec.numeral),
        )
        .with_help(write()),
        Some(_) if !by_title => Diagnostic::warning(
            "FMT-SECT",
            file,
            h.pos,
            crate::t!("check-sect-reworded", heading = &h.text, numeral = &spec.numeral, title = &spec.title),
        )
        .with_help(write()),
        Some(_) => return None,
    };
    Some(d)
}

/// The missing sections, each run of consecutive ones in one finding that
/// names them in the form's order and points at where they belong: after
/// the section before them, or before the first section present.
fn missing(loaded: &Loaded<'_>, at: &[Option<Pos>], diags: &mut Vec<Diagnostic>) {
    let report = &loaded.report;
    let form = &report.form;
    let narrative = &report.narrative;
    let mut k = 0;
    while k < at.len() {
        if at[k].is_some() {
            k += 1;
            continue;
        }
        let start = k;
        while k < at.len() && at[k].is_none() {
            k += 1;
        }
        let run = &form.sections[start..k];
        let names: Vec<String> = run.iter().map(|s| crate::t!("check-sect-quoted", section = official(s))).collect();
        let sections = names.join("、");
        let headings: Vec<String> = run.iter().map(|s| format!("`{}`", heading_line(narrative, s))).collect();
        let tables = form.tables.iter().any(|t| (start + 1..=k).contains(&t.section));
        let help = if tables {
            crate::t!("check-sect-missing-help-tables", headings = headings.join("、"))
        } else {
            crate::t!("check-sect-missing-help", headings = headings.join("、"))
        };
        let before = start.checked_sub(1).and_then(|p| at[p].map(|pos| (p, pos)));
        let after = at.get(k).copied().flatten().map(|pos| (k, pos));
        let d = match (before, after) {
            (Some((p, pos)), _) => Diagnostic::warning(
                "FMT-SECT",
                &report.file,
                pos,
                crate::t!("check-sect-missing-after", sections = sections, previous = official(&form.sections[p])),
            )
            .with_label(crate::t!("check-sect-missing-after-label")),
            (None, Some((n, pos))) => Diagnostic::warning(
                "FMT-SECT",
                &report.file,
                pos,
                crate::t!("check-sect-missing-before", sections = sections, next = official(&form.sections[n])),
            )
            .with_label(crate::t!("check-sect-missing-before-label")),
            (None, None) => Diagnostic::warning(
                "FMT-SECT",
                &report.file,
                Pos::new(report.body_line, 1, 1),
                crate::t!("check-sect-missing-all", sections = sections),
            ),
        };
        diags.push(d.with_help(help));
    }
}
