//! FMT-SECT: the six sections of the form, present, in order, numbered.

use crate::diag::{Diagnostic, Pos};
use crate::model::Loaded;

/// FMT-SECT: the six sections present, in order, each with its numeral,
/// read from the report's [`crate::model::Narrative`].
pub fn check_sections(loaded: &Loaded<'_>, diags: &mut Vec<Diagnostic>) {
    let report = &loaded.report;
    let form = &report.form;
    let mut found = [false; 6];
    let mut last: Option<usize> = None;
    let file = &report.file;
    for h in report.narrative.section_headings() {
        let Some(m) = form.match_heading(&h.text) else {
            diags.push(
                Diagnostic::warning("FMT-SECT", file, h.pos, format!("the heading `{}` is not one of the six sections of the form", h.text))
                    .with_help("sections are level-2 headings `## 一、总体情况` … `## 六、其他需要报告的事项`; use `###` or bold text for sub-headings"),
            );
            continue;
        };
        let (k, numeral, by_title) = (m.section, m.numeral, m.by_title.then_some(()));
        let spec = &form.sections[k];
        let official = format!("{}、{}", spec.numeral, spec.title);
        match (&numeral, by_title) {
            (None, _) => diags.push(
                Diagnostic::warning(
                    "FMT-SECT",
                    file,
                    h.pos,
                    format!(
                        "section {} `{}` is printed without its numeral `{}、`",
                        spec.numeral, h.text, spec.numeral
                    ),
                )
                .with_label("no numeral")
                .with_help(format!(
                    "write `## {}{}`",
                    format_args!("{}、", spec.numeral),
                    h.text.trim()
                )),
            ),
            (Some(n), Some(_)) if *n != spec.numeral => diags.push(
                Diagnostic::warning(
                    "FMT-SECT",
                    file,
                    h.pos,
                    format!("section `{}` is numbered {n}, but it is section {} of the form", spec.title, spec.numeral),
                )
                .with_help(format!("write `## {official}`")),
            ),
            (Some(_), None) => diags.push(
                Diagnostic::warning(
                    "FMT-SECT",
                    file,
                    h.pos,
                    format!("the heading `{}` does not read like section {} `{}`", h.text, spec.numeral, spec.title),
                )
                .with_help(format!("write `## {official}`")),
            ),
            _ => {}
        }
        if found[k] {
            diags.push(Diagnostic::warning("FMT-SECT", file, h.pos, format!("section {} appears twice", spec.numeral)));
        } else if last.is_some_and(|l| k < l) {
            diags.push(
                Diagnostic::warning(
                    "FMT-SECT",
                    file,
                    h.pos,
                    format!(
                        "section {} comes after section {}",
                        spec.numeral,
                        form.sections[last.unwrap_or(0)].numeral
                    ),
                )
                .with_help("the six sections follow the form's order 一 … 六"),
            );
        }
        found[k] = true;
        last = Some(last.map_or(k, |l| l.max(k)));
    }
    let anchor = Pos::new(report.body_line, 1, 1);
    for (k, spec) in form.sections.iter().enumerate() {
        if !found[k] {
            diags.push(
                Diagnostic::warning(
                    "FMT-SECT",
                    file,
                    anchor,
                    format!("section {}、{} is missing", spec.numeral, spec.title),
                )
                .with_help(format!(
                    "add a heading `## {}、{}`{}",
                    spec.numeral,
                    spec.title,
                    if (2..=4).contains(&(k + 1)) { " (its tables are placed under it)" } else { "" }
                )),
            );
        }
    }
}
