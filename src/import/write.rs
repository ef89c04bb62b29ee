//! Emits what an import produced: the report file (front matter in the
//! layout `gongkai new report` writes, blanks as `~`, absent tables as
//! `missing_in_original`, and `as_published: true`: an imported report
//! reproduces a published original) and, for a new agency, its `agency.yaml`.

use super::Imported;
use super::narrative::Meta;
use super::tables::Slot;
use crate::form::{Form, InputShape, TableSpec};
use crate::model::AgencyKind;
use std::fmt::Write as _;

/// A YAML scalar: plain when that reads back as the same string, else quoted.
pub fn scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && !s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`~ ".contains(c) || c.is_ascii_digit())
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with([' ', ':'])
        && !s.chars().any(char::is_control);
    if plain {
        s.to_owned()
    } else {
        let escaped: String = s
            .chars()
            .flat_map(|c| match c {
                '"' => vec!['\\', '"'],
                '\\' => vec!['\\', '\\'],
                c if c.is_control() => vec![' '],
                c => vec![c],
            })
            .collect();
        format!("\"{escaped}\"")
    }
}

/// One cell as written: the figure, or `~` for a blank or absent cell.
fn cell(slot: Option<&Slot>) -> &str {
    match slot {
        Some(Slot::Value(v)) => v,
        Some(Slot::Blank) | None => "~",
    }
}

/// A list of cells, or a single value for a one-column row.
fn values(cells: &[&str]) -> String {
    if cells.len() == 1 { cells[0].to_owned() } else { format!("[{}]", cells.join(", ")) }
}

/// One table's lines; notes about absent rows go to `notes`.
fn table(s: &mut String, t: &TableSpec, slots: &[Option<Slot>], notes: &mut Vec<String>) {
    let cols = t.col_leaves.len();
    let labels: Vec<&str> = t.col_leaves.iter().map(|c| c.label.as_str()).collect();
    match t.input {
        InputShape::Rows => {
            let _ = writeln!(s, "{}:   # {} — {}", t.key, t.caption, labels.join("，"));
            let width = t.row_leaves.iter().map(|r| r.id.len()).max().unwrap_or(0) + 1;
            for (r, leaf) in t.row_leaves.iter().enumerate() {
                let row = &slots[r * cols..(r + 1) * cols];
                if row.iter().all(Option::is_none) {
                    notes.push(crate::t!("import-missing-row", table = &t.key, row = &leaf.label));
                }
                let cells: Vec<&str> = row.iter().map(|c| cell(c.as_ref())).collect();
                let key = format!("{}:", leaf.id);
                let _ = writeln!(s, "  {key:<width$} {}   # {}", values(&cells), leaf.path.join(" "));
            }
        }
        InputShape::ColumnGroups => {
            let _ = writeln!(s, "{}:   # {}", t.key, t.caption);
            let width = t.groups().iter().map(|g| g.len()).max().unwrap_or(0) + 1;
            for g in t.groups() {
                let cells: Vec<&str> = t
                    .col_leaves
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.group.as_deref() == Some(g))
                    .map(|(i, _)| cell(slots.get(i).and_then(Option::as_ref)))
                    .collect();
                let key = format!("{g}:");
                let _ = writeln!(s, "  {key:<width$} [{}]", cells.join(", "));
            }
        }
    }
}

/// The report file's text, and notes on absent tables and rows.
pub fn report(imp: &Imported, form: &Form, source: &str) -> (String, Vec<String>) {
    let mut s = String::from("---\n");
    let mut notes = Vec::new();
    let _ = writeln!(s, "year: {}", imp.year);
    if let Some(d) = imp.meta.published {
        let _ = writeln!(s, "published: {d}");
    }
    if let Some(t) = &imp.meta.title {
        let _ = writeln!(s, "title: {}", scalar(t));
    }
    let _ = writeln!(s, "# 由 gongkai import 导入自 {}", source.replace('\n', " "));
    // An import reproduces a published original: its figures are kept as printed.
    let _ = writeln!(s, "as_published: true   # 按原文收录：数字照原文，互不相符之处作为数据核对提示显示在页面上");
    let missing: Vec<&str> =
        form.tables.iter().enumerate().filter(|(i, _)| !imp.filled.present(*i)).map(|(_, t)| t.key.as_str()).collect();
    if !missing.is_empty() {
        let _ = writeln!(s, "missing_in_original: [{}]", missing.join(", "));
    }
    for (i, t) in form.tables.iter().enumerate() {
        if !imp.filled.present(i) {
            notes.push(crate::t!("import-missing-table", title = t.title(form), key = &t.key));
            continue;
        }
        s.push('\n');
        table(&mut s, t, &imp.filled.tables[i], &mut notes);
    }
    s.push_str("---\n\n");
    s.push_str(&imp.body);
    (s, notes)
}

/// The kind an agency's name implies (街道办事处, 镇/乡人民政府, 人民政府, else 部门).
pub fn kind_of_name(name: &str) -> AgencyKind {
    let gov = name.strip_suffix("人民政府");
    if name.ends_with("街道办事处") || name.ends_with("街道") {
        AgencyKind::Subdistrict
    } else if gov.is_some_and(|g| g.ends_with('镇') || g.ends_with('乡')) {
        AgencyKind::Township
    } else if gov.is_some() {
        AgencyKind::Government
    } else {
        AgencyKind::Department
    }
}

/// `agency.yaml` for a new agency: its name, kind and contact as the report states them.
pub fn agency(meta: &Meta, name: &str) -> String {
    let mut s = String::from("# 机构信息：由 gongkai import 从年度报告中读取，请核对\n");
    let _ = writeln!(s, "name: {}", scalar(name));
    let _ =
        writeln!(s, "kind: {}        # 部门 / 乡镇 / 街道 / 人民政府（由名称推断，请核对）", kind_of_name(name).name());
    let c = &meta.contact;
    let fields = [
        ("office", &c.office),
        ("address", &c.address),
        ("postcode", &c.postcode),
        ("phone", &c.phone),
        ("fax", &c.fax),
        ("email", &c.email),
    ];
    if fields.iter().any(|(_, v)| v.is_some()) {
        s.push_str("contact:\n");
        for (k, v) in fields {
            if let Some(v) = v {
                // Digits-only values (postcodes, phones) stay strings.
                let _ = writeln!(s, "  {k}: \"{}\"", v.replace(['"', '\\'], ""));
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_scalars() {
        assert_eq!(kind_of_name("百步镇人民政府"), AgencyKind::Township);
        assert_eq!(kind_of_name("淮安市人民政府"), AgencyKind::Government);
        assert_eq!(kind_of_name("海盐县教育局"), AgencyKind::Department);
        assert_eq!(scalar("标题"), "标题");
        assert_eq!(scalar("2024年: 报告"), "\"2024年: 报告\"");
    }
}
