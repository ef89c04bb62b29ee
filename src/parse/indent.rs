//! A table's row written without its indentation: `new: [3, 0, 0]` at
//! column 1 under `applications:`. YAML then reads it as a key of the front
//! matter (when the table has no other rows below it) or stops at the next
//! indented row; either way the message names the row and its table, and
//! the fix: indent it under the table.

use super::front::Ctx;
use super::punct;
use crate::diag::{Diagnostic, Label, Pos};
use crate::form::{Forms, TableSpec};
use crate::yaml::Node;
use std::sync::Arc;

/// Reports a top-level key that is a row of a table (`new: [3, 0, 0]`
/// written at column 1 under `applications:`): the row lost its
/// indentation. The table is the one whose key came last before it, if it
/// has the row, else the first table that has it. False if `key` is no row.
pub(super) fn unindented_row(
    ctx: &mut Ctx<'_>,
    form: &crate::form::Form,
    key: &Node,
    last: Option<(usize, Pos)>,
) -> bool {
    let Some(name) = key.as_str() else { return false };
    let has = |t: &TableSpec| t.row(name).is_some() || t.groups().contains(&name);
    let table = match last.filter(|(i, _)| has(&form.tables[*i])) {
        Some((i, pos)) => Some((i, Some(pos))),
        None => form.tables.iter().position(has).map(|i| (i, None)),
    };
    let Some((i, table_pos)) = table else { return false };
    let spec = &form.tables[i];
    let words = || {
        let message = crate::t!("in-row-unindented", key = name, table = spec.title(form));
        (message, crate::t!("in-row-unindented-help", table = &spec.key, key = name))
    };
    if let Some(d) = ctx.bad_key(key.pos, words)
        && let Some(pos) = table_pos
    {
        let file = Arc::clone(&d.file);
        d.related.push(crate::diag::Label { file, pos, text: crate::t!("in-row-table-here", table = &spec.key) });
    }
    true
}

/// A row written at column 1 just above a YAML syntax error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Unindented {
    /// The row's key.
    pub(super) key: String,
    /// The file line it is on.
    pub(super) line: u32,
    /// The key of its table.
    pub(super) table: String,
}

impl Unindented {
    /// Adds the fix to the YAML error: the help, and a note at the row.
    pub(super) fn explain(&self, d: &mut Diagnostic) {
        d.help = Some(crate::t!("in-yaml-unindented-help", key = &self.key, line = self.line, table = &self.table));
        let len = u32::try_from(self.key.chars().count()).unwrap_or(1);
        let text = crate::t!("in-yaml-unindented-label", key = &self.key);
        d.related.push(Label { file: Arc::clone(&d.file), pos: Pos::new(self.line, 1, len), text });
    }
}

/// The row written at column 1 on the last line above a YAML syntax error
/// at file line `error_line` (`yaml` starts on file line `first_line`), if
/// that is what caused it: a key that is a row of the table whose key is
/// the nearest one above it at column 1, in any of the `forms`.
pub(super) fn unindented_before(yaml: &str, first_line: u32, error_line: u32, forms: &Forms) -> Option<Unindented> {
    let lines: Vec<&str> = yaml.split('\n').collect();
    let at = usize::try_from(error_line.checked_sub(first_line)?).ok()?;
    let meaningful = |l: &&str| !l.trim().is_empty() && !l.trim_start().starts_with('#');
    let (row_at, row_line) = lines.get(..at)?.iter().enumerate().rev().find(|(_, l)| meaningful(l))?;
    if row_line.starts_with([' ', '\t']) {
        return None;
    }
    let row = punct::entry(row_line)?.key;
    let has_row = |t: &TableSpec| t.row(row).is_some() || t.groups().contains(&row);
    for line in lines[..row_at].iter().rev().filter(|l| meaningful(l) && !l.starts_with([' ', '\t'])) {
        let Some(entry) = punct::entry(line) else { continue };
        let mut tables = forms.list.iter().flat_map(|f| f.tables.iter()).filter(|t| t.key == entry.key).peekable();
        if tables.peek().is_none() {
            continue; // another row without indentation, or a metadata key
        }
        let line = first_line.saturating_add(u32::try_from(row_at).unwrap_or(u32::MAX));
        return tables.any(has_row).then(|| Unindented { key: row.to_owned(), line, table: entry.key.to_owned() });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_at_column_1_above_a_syntax_error_is_found_with_its_table() {
        let forms = Forms::builtin();
        let yaml = "year: 2024\napplications:\nnew: [3, 0, 0, 0, 0, 0, 3]\n  carried_in: [0, 0, 0, 0, 0, 0, 0]\n";
        let found = unindented_before(yaml, 2, 5, &forms);
        assert_eq!(found, Some(Unindented { key: "new".into(), line: 4, table: "applications".into() }));
        let two = "applications:\nnew: [1]\ncarried_in: [2]\n  granted: [3]\n";
        assert_eq!(
            unindented_before(two, 2, 5, &forms).map(|u| (u.key, u.table)),
            Some(("carried_in".into(), "applications".into()))
        );
        // Not a row of the table above, or indented: not this mistake.
        assert_eq!(unindented_before("fees:\nnew: [1]\n  x: 1\n", 2, 4, &forms), None);
        assert_eq!(unindented_before("applications:\n  new: [1\n  x: 1\n", 2, 4, &forms), None);
    }
}
