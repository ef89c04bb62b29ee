//! FMT-LABEL: labels of an older form in the narrative of a report of a newer one,
//! where the report uses them as labels: in a table it prints, quoted, naming
//! a row (…行、…栏), or stating its figure (清理规范性文件2件). Prose about
//! something else that holds the words (规范性文件库, 规范性文件数据库,
//! 加强规范性文件管理) is not a label and is left alone.

use crate::diag::Diagnostic;
use crate::model::Loaded;
use crate::source::LineIndex;

/// FMT-LABEL: labels of an older form in the narrative of a report of a newer one.
pub fn check_old_labels(loaded: &Loaded<'_>, diags: &mut Vec<Diagnostic>) {
    let report = &loaded.report;
    let form = &report.form;
    if form.old_labels.is_empty() {
        return;
    }
    let index = LineIndex::new(loaded.body);
    let body = loaded.body;
    let current: Vec<&str> = form
        .tables
        .iter()
        .flat_map(|t| t.row_leaves.iter().chain(&t.col_leaves).map(|l| l.label.as_str()))
        .chain(form.old_labels.iter().map(|o| o.new.as_str()))
        .collect();
    for old in form.old_labels.iter().filter(|o| body.contains(o.old.as_str())) {
        let covering: Vec<(usize, usize)> = current
            .iter()
            .chain(old.except.iter().map(String::as_str).collect::<Vec<_>>().iter())
            .filter(|l| l.contains(old.old.as_str()) && **l != old.old)
            .flat_map(|l| body.match_indices(*l).map(|(i, m)| (i, i + m.len())))
            .collect();
        // The line of the current match, found by moving on from the last one's.
        let mut line = (0, body.find('\n').unwrap_or(body.len()));
        let mut table = is_table_line(&body[line.0..line.1]);
        for (i, m) in body.match_indices(old.old.as_str()) {
            while line.1 < i {
                let start = line.1 + 1;
                line = (start, body[start..].find('\n').map_or(body.len(), |e| start + e));
                table = is_table_line(&body[line.0..line.1]);
            }
            if covering.iter().any(|&(s, e)| s <= i && i + m.len() <= e)
                || !(table || used_as_label(&body[line.0..i], &body[i + m.len()..line.1]))
            {
                continue;
            }
            let pos = loaded.body_pos(&index, i, m.len());
            diags.push(
                Diagnostic::warning(
                    "FMT-LABEL",
                    &report.file,
                    pos,
                    crate::t!("check-old-label", old = &old.old, form = &form.name, new = &old.new),
                )
                .with_help(crate::t!(
                    "check-old-label-help",
                    form = &form.name,
                    issued_by = &form.issued_by
                )),
            );
        }
    }
}

/// Marks that put a label in quotes or brackets just before it.
const OPENING: &[char] = &['「', '“', '"', '『', '【', '《', '‘', '\''];

/// Words between a label and its figure: 为 3、是 3、共 3、：3.
const LINKS: &[char] = &['为', '是', '共', '：', ':', '达', ' '];

/// Whether `line` is a row of a table the report prints (Markdown or HTML).
fn is_table_line(line: &str) -> bool {
    line.trim_start().starts_with('|') || line.contains("<td") || line.contains("<th")
}

/// Whether a label found in prose, after `before` and before `after` (the
/// rest of its line), is used as a table's label: quoted, naming a row or
/// column (行、栏、列、项), or followed by its figure. Prose mentioning the
/// same words (规范性文件库) is not.
pub fn used_as_label(before: &str, after: &str) -> bool {
    if before.chars().next_back().is_some_and(|c| OPENING.contains(&c)) {
        return true;
    }
    let after = after.trim_start_matches(LINKS);
    let Some(next) = after.chars().next() else {
        return false;
    };
    next.is_ascii_digit()
        || ('０'..='９').contains(&next)
        || ["行", "栏", "列", "项", "一栏", "一行"].iter().any(|w| after.starts_with(w))
}
