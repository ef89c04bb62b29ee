//! Parsing: report and agency files into the model, with positioned errors.
//!
//! Front matter is read through the positioned YAML tree of [`crate::yaml`]
//! and interpreted against the report's form: every key is checked (with a
//! "did you mean" for typos and a pointer to the right form for keys of
//! another one), every figure is parsed by its cell kind, and the narrative's
//! headings are collected for the structure checks.

mod agency;
mod date;
mod document;
mod figures;
mod front;
mod indent;
mod narrative;
mod page;
mod punct;
mod tables;
mod totals;

pub use agency::parse_agency;
pub use document::{DOCUMENT_KEYS, parse_document};
use figures::parse_int;
pub use figures::{BadNumber, MAX_AMOUNT_DIGITS, MAX_AMOUNT_SIGNIFICANT, MAX_COUNT, parse_value};
pub(crate) use front::list;
use front::{Ctx, Place, as_map, flag};
pub use front::{Split, did_you_mean, split_front_matter};
pub use narrative::headings;
pub use page::parse_page;
use tables::{empty_table, parse_table};

use crate::diag::{Diagnostic, Pos};
use crate::form::{Forms, TableSpec};
use crate::model::{Date, Loaded, Report, TableData};
use crate::source::LineIndex;
use crate::yaml::{Node, Value};
use std::path::PathBuf;
use std::sync::Arc;

/// Metadata keys of a report's front matter: the year, the publication
/// date (`YYYY-MM-DD`), the title, the form (`cn-2019`, `cn-2021`, …), the
/// keys of the tables that the published original lacks, whether the
/// report is kept exactly as published (`as_published: true`), and `draft`
/// (a report not to publish yet: accepted here, acted on by the build).
pub const REPORT_KEYS: [&str; 7] =
    ["year", "published", "title", "form", "missing_in_original", "as_published", "draft"];

/// Parses a report file's text into the report and its narrative, with
/// omitted totals completed. Returns `None` if it has errors, which are in
/// `diags` (with the warnings about blank and computed cells).
pub fn parse_report<'t>(
    file: &Arc<PathBuf>,
    text: &'t str,
    agency: &str,
    forms: &Forms,
    diags: &mut Vec<Diagnostic>,
) -> Option<Loaded<'t>> {
    let mut ctx = Ctx { file, diags, errors: 0, unknown: 0 };
    let split = match split_front_matter(text) {
        Ok(s) => s,
        Err((pos, msg)) => {
            ctx.error("IN-FRONTMATTER", pos, msg).help = Some(crate::t!("in-front-help"));
            return None;
        }
    };
    let yaml_text = &text[split.yaml.0..split.yaml.1];
    if punct::refused(&mut ctx, yaml_text, split.yaml_line) {
        return None;
    }
    let root = match figures::parse_yaml(yaml_text, split.yaml_line) {
        Ok(Some(root)) => root,
        Ok(None) => {
            ctx.error("IN-MISSING", Pos::new(1, 1, 3), crate::t!("in-front-empty"));
            return None;
        }
        Err(e) => {
            let row = indent::unindented_before(yaml_text, split.yaml_line, e.pos.line, forms);
            let d = ctx.yaml_error(e);
            if let Some(row) = row {
                row.explain(d);
            }
            return None;
        }
    };
    let entries = as_map(&mut ctx, &root, Place::Front)?;
    let find = |k: &str| entries.iter().find(|(key, _)| key.as_str() == Some(k));

    // Year first: it decides the form.
    let Some((year_key, year_node)) = find("year") else {
        ctx.error("IN-MISSING", Pos::new(2, 1, 1), crate::t!("in-no-year")).help = Some(crate::t!("in-no-year-help"));
        return None;
    };
    let year = match year_node.as_str().and_then(|s| parse_int(s).ok()) {
        Some(y) if (1990..=2200).contains(&y) => y as i32,
        _ => {
            let message = match year_node.as_str().filter(|_| !year_node.is_null()) {
                Some(s) => crate::t!("in-bad-year", found = s),
                None => crate::t!("in-bad-year-kind", kind = year_node.kind_name()),
            };
            ctx.error("IN-TYPE", year_node.pos, message);
            return None;
        }
    };
    let _ = year_key;
    let form = match find("form") {
        Some((_, node)) => {
            let id = node.as_str().unwrap_or("");
            match forms.by_id(id) {
                Some(f) => {
                    if let Some(y) = f.years.filter(|y| !y.contains(year)) {
                        let range = match y.to {
                            Some(to) => crate::t!("in-form-range", from = y.from.to_string(), to = to.to_string()),
                            None => crate::t!("in-form-range-open", from = y.from.to_string()),
                        };
                        let message = crate::t!("in-form-years", form = id, range = range, year = year.to_string());
                        let own = forms.for_report(agency, year).ok().flatten();
                        ctx.error("FMT-VER", node.pos, message).help = Some(own.map_or_else(
                            || crate::t!("in-form-years-help-none"),
                            |f| crate::t!("in-form-years-help", year = year.to_string(), form = &f.id),
                        ));
                    }
                    Arc::clone(f)
                }
                None => {
                    let ids: Vec<&str> = forms.list.iter().map(|f| f.id.as_str()).collect();
                    ctx.error("IN-FORM", node.pos, crate::t!("in-unknown-form", form = id)).help =
                        Some(match did_you_mean(id, ids.iter().copied()) {
                            Some(s) => crate::t!("in-did-you-mean", key = s),
                            None => crate::t!("in-known-forms", forms = list(ids.iter().map(|i| format!("`{i}`")))),
                        });
                    return None;
                }
            }
        }
        None => match forms.for_report(agency, year) {
            Ok(Some(f)) => Arc::clone(f),
            Ok(None) => {
                ctx.error("FMT-VER", year_node.pos, crate::t!("in-no-form", year = year.to_string())).help =
                    Some(crate::t!("in-no-form-help"));
                return None;
            }
            Err(conflict) => {
                ctx.error("IN-FORM", year_node.pos, conflict.to_string()).help = Some(conflict.help());
                return None;
            }
        },
    };

    let mut title = None;
    let mut as_published = false;
    let mut draft = false;
    let mut published = None;
    let mut published_pos = Pos::default();
    let mut tables: Vec<Option<TableData>> = vec![None; form.tables.len()];
    // Where each table's key is written, to say where a missing one belongs.
    let mut table_keys: Vec<Option<Pos>> = vec![None; form.tables.len()];
    let mut missing: Vec<(usize, Pos)> = Vec::new();
    let mut allowed: Vec<&str> = REPORT_KEYS.to_vec();
    allowed.extend(form.tables.iter().map(|t| t.key.as_str()));
    // The last table key, for a row written without its indentation.
    let mut last_table: Option<(usize, Pos)> = None;
    for (key, value) in entries {
        let Some(name) = key.as_str() else {
            ctx.error("IN-KEY", key.pos, crate::t!("in-key-not-word"));
            continue;
        };
        match name {
            "year" | "form" => {}
            "missing_in_original" => missing = missing_tables(&mut ctx, &form, value),
            "as_published" => {
                as_published = flag(&mut ctx, name, value, || crate::t!("in-as-published-help")).unwrap_or(false);
            }
            "draft" => {
                draft = flag(&mut ctx, name, value, || crate::t!("in-draft-bool-help")).unwrap_or(false);
            }
            "title" => match &value.value {
                Value::Scalar { text, .. } if !value.is_null() => title = Some(text.trim().to_owned()),
                _ => {
                    ctx.error("IN-TYPE", value.pos, crate::t!("in-title-text"));
                }
            },
            "published" => {
                published_pos = value.pos;
                match value.as_str().and_then(Date::parse) {
                    Some(d) => published = Some(d),
                    None => date::bad_date(&mut ctx, value),
                }
            }
            _ => match form.table(name) {
                Some(i) => {
                    last_table = Some((i, key.pos));
                    table_keys[i] = Some(key.pos);
                    tables[i] = parse_table(&mut ctx, &form.tables[i], key.pos, value);
                }
                None => {
                    let other = forms.list.iter().find(|f| f.id != form.id && f.table(name).is_some());
                    match other {
                        Some(f) => {
                            let message = crate::t!(
                                "in-table-other-form",
                                table = name,
                                other = &f.id,
                                year = year.to_string(),
                                form = &form.id
                            );
                            let keys = list(form.tables.iter().map(|t| format!("`{}`", t.key)));
                            ctx.error("FMT-VER", key.pos, message).help =
                                Some(crate::t!("in-table-other-form-help", form = &form.id, tables = keys));
                        }
                        None if !indent::unindented_row(&mut ctx, &form, key, last_table) => {
                            ctx.unknown_key(key, Place::Front, &allowed)
                        }
                        None => {}
                    }
                }
            },
        }
    }
    let body_line = text[..split.body].matches('\n').count() as u32 + 1;
    let fence = Pos::new(body_line.saturating_sub(1).max(1), 1, 3);
    let mut absent: Vec<&TableSpec> = Vec::new();
    for (i, (table, spec)) in tables.iter().zip(&form.tables).enumerate() {
        let declared = missing.iter().find(|(m, _)| *m == i).map(|(_, p)| *p);
        match (table, declared) {
            (Some(_), Some(pos)) => {
                ctx.error("IN-TABLE", pos, crate::t!("in-missing-but-present", table = &spec.key)).help =
                    Some(crate::t!("in-missing-but-present-help"));
            }
            (None, None) => absent.push(spec),
            _ => {}
        }
    }
    let stray = stray_error(&mut ctx, &text[split.body..], body_line, fence, &form);
    if !absent.is_empty() && !stray {
        missing_tables_error(&mut ctx, &form, &absent, &table_keys);
    }
    nesting_error(&mut ctx, &text[split.body..], body_line);
    if ctx.errors > 0 {
        return None;
    }
    let top = Pos::new(1, 1, 3);
    let tables =
        tables.into_iter().zip(&form.tables).map(|(t, spec)| t.unwrap_or_else(|| empty_table(spec, top))).collect();
    let body = &text[split.body..];
    let narrative = narrative::read(body, body_line, &form);
    let mut report = Report {
        file: Arc::clone(file),
        agency: agency.to_owned(),
        year,
        year_pos: year_node.pos,
        title,
        published,
        published_pos,
        form,
        tables,
        body_hash: crate::model::fnv1a(body.as_bytes()),
        body_line,
        narrative,
        sentences: Vec::new(),
        as_published,
        notices: Vec::new(),
        draft,
        source_hash: crate::model::fnv1a(text.as_bytes()),
        unreported: Vec::new(),
    };
    // Completing omitted totals is part of the model, not of checking.
    let mut totals = Vec::new();
    totals::complete_totals(&mut report, &mut totals);
    ctx.diags.extend(totals);
    Some(Loaded { report, body })
}

/// Reads `missing_in_original: [key, …]`: the tables that the published
/// original does not print. Only those may be absent; any other missing
/// table is an error, because a table read as all zeros would publish
/// figures that the agency never stated.
fn missing_tables(ctx: &mut Ctx<'_>, form: &crate::form::Form, node: &Node) -> Vec<(usize, Pos)> {
    let items: Vec<&Node> = match &node.value {
        Value::Seq(items) => items.iter().collect(),
        _ if node.is_null() => Vec::new(),
        Value::Scalar { .. } => vec![node],
        Value::Map(_) => {
            ctx.error("IN-TYPE", node.pos, crate::t!("in-missing-not-list"));
            return Vec::new();
        }
    };
    let keys: Vec<&str> = form.tables.iter().map(|t| t.key.as_str()).collect();
    let mut out = Vec::new();
    for item in items {
        match item.as_str().and_then(|k| form.table(k)) {
            Some(i) => out.push((i, item.pos)),
            None => ctx.unknown_key(item, Place::Missing, &keys),
        }
    }
    out
}

/// Reports the form tables that the front matter lacks, in one error, at
/// the place the first of them belongs: after the table the form puts
/// before it, else before the one it puts after it (`table_keys` holds
/// where each table's key is written).
fn missing_tables_error(
    ctx: &mut Ctx<'_>,
    form: &crate::form::Form,
    absent: &[&TableSpec],
    table_keys: &[Option<Pos>],
) {
    let names = list(absent.iter().map(|s| format!("{}（`{}`）", s.title(form), s.key)));
    let keys: Vec<&str> = absent.iter().map(|s| s.key.as_str()).collect();
    let first = absent.first().and_then(|s| form.table(&s.key)).unwrap_or(0);
    let written = |i: usize| table_keys.get(i).copied().flatten().map(|pos| (i, pos));
    let before = (0..first).rev().find_map(written);
    let after = (first + 1..form.tables.len()).find_map(written);
    let message = crate::t!("in-tables-absent", count = absent.len(), tables = names);
    let (pos, message, label) = match (before, after) {
        (Some((i, pos)), _) => {
            let key = &form.tables[i].key;
            (
                pos,
                crate::t!("in-tables-absent-after", message = message, key = key),
                crate::t!("in-tables-absent-after-label"),
            )
        }
        (None, Some((i, pos))) => {
            let key = &form.tables[i].key;
            (
                pos,
                crate::t!("in-tables-absent-before", message = message, key = key),
                crate::t!("in-tables-absent-before-label"),
            )
        }
        (None, None) => (Pos::new(1, 1, 3), message, String::new()),
    };
    let d = ctx.error("IN-TABLE", pos, message);
    d.label = label;
    d.help = Some(crate::t!("in-tables-absent-help", keys = keys.join(", ")));
}

/// The first line of the narrative that is a line of front matter: a key
/// of the form (a table, a row, a column group or a metadata key) followed
/// by `:` and a YAML value (nothing, a list, a map, a figure or a comment),
/// with its 0-based line in the body. It is the sign of a `---` line that
/// closed the front matter early, or of figures pasted into the text: either
/// way figures the report seems to state would be lost. One linear pass.
fn stray_front_matter<'b>(body: &'b str, form: &crate::form::Form) -> Option<(usize, &'b str)> {
    let known = |k: &str| {
        REPORT_KEYS.contains(&k)
            || form.tables.iter().any(|t| t.key == k || t.row(k).is_some() || t.groups().contains(&k))
    };
    body.lines().enumerate().find_map(|(n, line)| {
        let t = line.trim_start();
        let key_len = t.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
        let (key, rest) = t.split_at(key_len);
        let value = rest.strip_prefix(':')?.trim();
        let yaml_value = value.is_empty()
            || value.starts_with(['[', '{', '~', '#'])
            || value.starts_with(|c: char| c.is_ascii_digit());
        (key_len > 0 && yaml_value && known(key)).then_some((n, key))
    })
}

/// Refuses a report with a line of front matter in its narrative.
fn stray_error(ctx: &mut Ctx<'_>, body: &str, body_line: u32, fence: Pos, form: &crate::form::Form) -> bool {
    let Some((n, key)) = stray_front_matter(body, form) else { return false };
    let line = body_line.saturating_add(u32::try_from(n).unwrap_or(u32::MAX));
    let col = body.lines().nth(n).map_or(0, |l| l.len() - l.trim_start().len());
    let d = ctx.error(
        "IN-FRONTMATTER",
        Pos::new(line, u32::try_from(col + 1).unwrap_or(1), u32::try_from(key.len() + 1).unwrap_or(1)),
        crate::t!("in-stray", key = key),
    );
    d.related.push(crate::diag::Label { file: Arc::clone(&d.file), pos: fence, text: crate::t!("in-stray-label") });
    d.help = Some(crate::t!("in-stray-help"));
    true
}

/// Refuses a body that nests deeper than [`crate::nesting::MAX_DEPTH`]
/// (`body_line` is the file line on which it starts).
fn nesting_error(ctx: &mut Ctx<'_>, body: &str, body_line: u32) {
    if let Some((at, what)) = crate::nesting::too_deep(body) {
        let mut pos = LineIndex::new(body).pos(body, at, 1);
        pos.line = pos.line.saturating_add(body_line - 1);
        let max = crate::nesting::MAX_DEPTH;
        let message = match what {
            crate::nesting::Nesting::Html => crate::t!("in-nesting-html", max = max),
            crate::nesting::Nesting::Blocks => crate::t!("in-nesting-blocks", max = max),
        };
        ctx.error("IN-NESTING", pos, message).help = Some(crate::t!("in-nesting-help"));
    }
}

#[cfg(test)]
pub(crate) fn absent_tables(year: i32, front: &str) -> String {
    let forms = Forms::builtin();
    let Some(form) = forms.for_year(year) else { return String::new() };
    let absent: Vec<&str> = form
        .tables
        .iter()
        .map(|t| t.key.as_str())
        .filter(|k| !front.starts_with(&format!("{k}:")) && !front.contains(&format!("\n{k}:")))
        .collect();
    if absent.is_empty() { String::new() } else { format!("missing_in_original: [{}]\n", absent.join(", ")) }
}
