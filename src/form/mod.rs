//! The national report forms, as data.
//!
//! A form (`cn-2019`, `cn-2021`, or a site's own variant) is a JSON file that
//! lists the six sections, every table with its official header and row trees,
//! each cell's kind, and the rules that bind the cells. Nothing about a
//! particular form is written in Rust: the checker and the renderer only
//! interpret this data. [`Form::compile`] validates a form once, resolving
//! every id used by a rule, so a broken site form fails at load time with a
//! clear message instead of silently checking nothing. Which form a report
//! follows, and where a site form applies, is in [`apply`].

mod apply;
mod catalogue;
mod claims;
mod error;
mod patterns;
mod rules;
mod sections;

pub use apply::{AppliesTo, FormConflict, Forms, locate, locate_slug};
pub use catalogue::{CatalogueColumn, CatalogueCount};
pub use claims::{Cells, Claim, RawTarget, RawZero, Required, Summary, Target, TextRules, Topic};
pub use error::FormError;
pub use patterns::{MAX_GAPS, Pattern, PatternProblem, Token, compile_pattern};
pub use rules::{Each, Op, Rule, Term, resolve_cells};
use rules::{RawRule, compile_rule};
pub use sections::{SectionMatch, normalize};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

/// The built-in forms, compiled into the binary.
const BUILTIN: [(&str, &str); 2] =
    [("cn-2019.json", include_str!("../forms/cn-2019.json")), ("cn-2021.json", include_str!("../forms/cn-2021.json"))];

/// What a cell holds; decides parsing, checking and formatting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CellKind {
    /// A whole number ≥ 0 (applications, documents, decisions).
    Count,
    /// A signed whole number (本年增/减).
    Delta,
    /// A decimal ≥ 0 in a unit fixed by the column (万元).
    Decimal,
    /// An amount with its unit written in the cell (`1054900元`).
    Money,
}

impl CellKind {
    /// Whether rules can add these cells up exactly.
    pub fn is_integer(self) -> bool {
        matches!(self, CellKind::Count | CellKind::Delta)
    }
}

/// How a table's figures are written in front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum InputShape {
    /// One YAML key per row; each row a list or map of its columns.
    #[default]
    Rows,
    /// One-row tables whose columns fall into keyed groups (表四): one YAML key per group.
    ColumnGroups,
}

/// A node of a header tree, as written in the data file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeaderNode {
    /// Key used in front matter and data files; groups may have none.
    #[serde(default)]
    pub key: Option<String>,
    /// The official label, verbatim.
    pub label: String,
    /// Sub-headers; empty for a leaf.
    #[serde(default)]
    pub children: Vec<HeaderNode>,
    /// Marks a 总计 row or column: may be left out and is then computed.
    #[serde(default)]
    pub total: bool,
    /// Marks a stock (现行有效件数, 上一年项目数量) rather than a flow of the year:
    /// it may rightly repeat last year's value.
    #[serde(default)]
    pub stock: bool,
    /// Overrides the table's cell kind for this row or column.
    #[serde(default)]
    pub kind: Option<CellKind>,
    /// Unit shown after the figures (e.g. 万元).
    #[serde(default)]
    pub unit: Option<String>,
}

/// A leaf row or column, flattened from the header tree.
#[derive(Debug, Clone)]
pub struct Leaf {
    /// Unique id within the table: the keys of the keyed ancestors and the leaf joined by `.`.
    pub id: String,
    /// The leaf's own key (what a front-matter map uses inside its group).
    pub key: String,
    /// The official label.
    pub label: String,
    /// Labels of the ancestors, outermost first, then the leaf's.
    pub path: Vec<String>,
    /// 总计 row/column.
    pub total: bool,
    /// A stock, carried from year to year.
    pub stock: bool,
    /// Kind override.
    pub kind: Option<CellKind>,
    /// Unit to display.
    pub unit: Option<String>,
    /// Index of the keyed group (for [`InputShape::ColumnGroups`]).
    pub group: Option<String>,
    /// Not in the national form that a site form extends (FMT-EXTRA).
    pub extra: bool,
}

/// Serde default for flags that are on unless a form says otherwise.
fn yes() -> bool {
    true
}

/// One statistical table of a form.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableSpec {
    /// Front-matter key (`applications`).
    pub key: String,
    /// Number (1–6) of the section the table belongs to.
    pub section: usize,
    /// The official caption.
    pub caption: String,
    /// Text of the top-left header cell (信息内容, or 表三's 勾稽 note).
    #[serde(default)]
    pub stub: Option<String>,
    /// Default cell kind.
    pub kind: CellKind,
    /// How the figures are written in front matter.
    #[serde(default)]
    pub input: InputShape,
    /// Whether the printed form shows row headers (表四 has none).
    #[serde(default = "yes")]
    pub row_headers: bool,
    /// Column header tree.
    pub columns: Vec<HeaderNode>,
    /// Row header tree.
    pub rows: Vec<HeaderNode>,
    /// Flattened columns (filled by [`Form::compile`]).
    #[serde(skip)]
    pub col_leaves: Vec<Leaf>,
    /// Flattened rows (filled by [`Form::compile`]).
    #[serde(skip)]
    pub row_leaves: Vec<Leaf>,
    /// The national form that this table's site form extends (`extends`),
    /// whose table of the same key its leaves are compared with.
    #[serde(skip)]
    pub national: Option<String>,
    /// The national form has no table of this key (FMT-EXTRA).
    #[serde(skip)]
    pub extra: bool,
}

impl TableSpec {
    /// Index of the row with this id.
    pub fn row(&self, id: &str) -> Option<usize> {
        self.row_leaves.iter().position(|l| l.id == id)
    }

    /// Index of the column with this id.
    pub fn col(&self, id: &str) -> Option<usize> {
        self.col_leaves.iter().position(|l| l.id == id)
    }

    /// The kind of the cell at (`row`, `col`): column, then row, then table.
    pub fn kind(&self, row: usize, col: usize) -> CellKind {
        self.col_leaves[col].kind.or(self.row_leaves[row].kind).unwrap_or(self.kind)
    }

    /// Whether the cell is a total (computed when omitted).
    pub fn is_total(&self, row: usize, col: usize) -> bool {
        self.row_leaves[row].total || self.col_leaves[col].total
    }

    /// A short human name of the table: its caption, with its section numeral.
    pub fn title(&self, form: &Form) -> String {
        let numeral = form.sections.get(self.section.wrapping_sub(1)).map_or("", |s| s.numeral.as_str());
        if self.caption.contains('第') && self.caption.contains('项') {
            format!("表{numeral}「{}」", self.caption)
        } else {
            format!("表{numeral}")
        }
    }

    /// The keyed column groups, in order (for [`InputShape::ColumnGroups`]).
    pub fn groups(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for g in self.col_leaves.iter().filter_map(|l| l.group.as_deref()) {
            if !out.contains(&g) {
                out.push(g);
            }
        }
        out
    }
}

/// One of the six narrative sections.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionSpec {
    /// 一 … 六.
    pub numeral: String,
    /// Official title without the numeral.
    pub title: String,
    /// Phrases that identify a heading as this section despite rewording.
    pub r#match: Vec<String>,
    /// The least a section must say not to be perfunctory (TXT-THIN), when
    /// the form asks it of this section.
    #[serde(default)]
    pub substance: Option<Substance>,
    /// `match`, normalised once when the form is compiled.
    #[serde(skip)]
    pub normalized: Vec<String>,
}

/// What a section must hold not to be perfunctory (敷衍): data of the form,
/// so a site form can ask more or less of it.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Substance {
    /// At least this many sentences (a sentence of one 无 counts as none).
    pub sentences: u32,
    /// At least this many characters of text (punctuation and markup not counted).
    pub chars: u32,
}

/// A label of an older form that should not appear in a report of this one.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OldLabel {
    /// The old label.
    pub old: String,
    /// What this form says instead.
    pub new: String,
    /// Longer terms containing the old label that are still correct (党内规范性文件).
    #[serde(default)]
    pub except: Vec<String>,
}

/// A headline figure shown on agency and year pages and charted over the years.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct KeyFigure {
    /// Stable key (`received` and `handled` are charted).
    pub key: String,
    /// Column heading.
    pub label: String,
    /// Table key.
    pub table: String,
    /// `row:col` cells joined by `+`.
    pub value: String,
    /// Index of the table, resolved when the form is compiled.
    #[serde(skip)]
    pub table_index: usize,
    /// The cells of `value`, resolved when the form is compiled.
    #[serde(skip)]
    pub cells: Vec<(usize, usize)>,
}

/// Cells that only agencies with rule-making power may fill (规章).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RowRef {
    /// Table key.
    pub table: String,
    /// Row id.
    pub row: String,
}

/// The years a form applies to by default.
#[derive(Debug, Clone, Copy, Deserialize, Default, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Years {
    /// First report year.
    pub from: i32,
    /// Last report year, if the form has been replaced.
    #[serde(default)]
    pub to: Option<i32>,
}

impl Years {
    /// Whether `year` falls in the range.
    pub fn contains(&self, year: i32) -> bool {
        year >= self.from && self.to.is_none_or(|to| year <= to)
    }
}

/// A form as written in its data file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawForm {
    id: String,
    name: String,
    issued_by: String,
    #[serde(default)]
    years: Option<Years>,
    #[serde(default)]
    applies_to: Option<AppliesTo>,
    #[serde(default)]
    extends: Option<String>,
    sections: Vec<SectionSpec>,
    tables: Vec<TableSpec>,
    #[serde(default)]
    rules: Vec<RawRule>,
    #[serde(default)]
    cross_year: Vec<RawRule>,
    #[serde(default)]
    text_claims: Vec<Claim>,
    #[serde(default)]
    text: TextRules,
    #[serde(default)]
    old_labels: Vec<OldLabel>,
    #[serde(default)]
    authority_rows: Vec<RowRef>,
    #[serde(default)]
    key_figures: Vec<KeyFigure>,
    #[serde(default)]
    catalogue: Vec<CatalogueColumn>,
}

/// A validated form, ready for parsing, checking and rendering reports.
#[derive(Debug, Clone)]
pub struct Form {
    /// `cn-2021`.
    pub id: String,
    /// Official name of the format.
    pub name: String,
    /// The notice that issued it.
    pub issued_by: String,
    /// The years of the reports it is for. A built-in form applies to every
    /// report of these years that no site form claims; a site form only
    /// bounds the years of the reports it applies to.
    pub years: Option<Years>,
    /// Where a site form applies without being named by `form:`.
    pub applies_to: Option<AppliesTo>,
    /// The built-in form a site form extends, if it says so.
    pub extends: Option<String>,
    /// The six sections.
    pub sections: Vec<SectionSpec>,
    /// The tables, in order of appearance.
    pub tables: Vec<TableSpec>,
    /// Rules inside one report.
    pub rules: Vec<Rule>,
    /// Rules between a report and the same agency's previous year.
    pub cross_year: Vec<Rule>,
    /// Figures of the narrative to compare with the tables.
    pub text_claims: Vec<Claim>,
    /// The narrative's topics, summary words, shares and required content.
    pub text: TextRules,
    /// Labels of older forms.
    pub old_labels: Vec<OldLabel>,
    /// Rows only rule-making agencies should fill.
    pub authority_rows: Vec<RowRef>,
    /// Headline figures for indexes and charts.
    pub key_figures: Vec<KeyFigure>,
    /// The columns that count documents of the catalogue (table 二).
    pub catalogue: Vec<CatalogueColumn>,
    /// Where the form came from (`built-in` or a site file).
    pub origin: String,
}

impl Form {
    /// Parses and validates a form data file.
    pub fn compile(json: &str, path: &Path) -> Result<Form, FormError> {
        let mut raw: RawForm = serde_json::from_str(json).map_err(|e| FormError::Json {
            path: path.to_path_buf(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        let invalid = |form: &str, message: String| FormError::Invalid {
            path: path.to_path_buf(),
            form: form.to_owned(),
            message,
        };
        let id = raw.id.clone();
        if let Some(a) = &raw.applies_to {
            a.validate(raw.years.is_some()).map_err(|m| invalid(&id, m))?;
        }
        if raw.sections.len() != 6 {
            return Err(invalid(&id, crate::t!("in-form-sections", count = raw.sections.len())));
        }
        let mut tables = raw.tables;
        for t in &mut tables {
            if t.section == 0 || t.section > 6 {
                return Err(invalid(&id, crate::t!("in-form-table-section", table = &t.key)));
            }
            t.col_leaves = flatten(&t.columns, t.input == InputShape::ColumnGroups);
            t.row_leaves = flatten(&t.rows, false);
            if t.col_leaves.is_empty() || t.row_leaves.is_empty() {
                return Err(invalid(&id, crate::t!("in-form-table-empty", table = &t.key)));
            }
            for leaves in [&t.col_leaves, &t.row_leaves] {
                let mut seen = HashMap::new();
                for l in leaves {
                    if l.key.is_empty() {
                        return Err(invalid(&id, crate::t!("in-form-leaf-no-key", table = &t.key, label = &l.label)));
                    }
                    if seen.insert(l.id.as_str(), ()).is_some() {
                        return Err(invalid(&id, crate::t!("in-form-id-twice", table = &t.key, id = &l.id)));
                    }
                }
            }
            if t.input == InputShape::ColumnGroups && t.row_leaves.len() != 1 {
                return Err(invalid(&id, crate::t!("in-form-groups-one-row", table = &t.key)));
            }
        }
        let mut seen = HashMap::new();
        for t in &tables {
            if seen.insert(t.key.clone(), ()).is_some() {
                return Err(invalid(&id, crate::t!("in-form-table-twice", table = &t.key)));
            }
        }
        let compile_rules = |raws: Vec<RawRule>, cross: bool| -> Result<Vec<Rule>, FormError> {
            raws.into_iter().map(|r| compile_rule(r, &tables, cross).map_err(|m| invalid(&id, m))).collect()
        };
        let rules = compile_rules(raw.rules, false)?;
        let cross_year = compile_rules(raw.cross_year, true)?;
        claims::compile_text(&mut raw.text_claims, &mut raw.text, &tables).map_err(|m| invalid(&id, m))?;
        for k in &mut raw.key_figures {
            (k.table_index, k.cells) = resolve_sum(&tables, &k.table, &k.value)
                .map_err(|m| invalid(&id, crate::t!("in-form-key-figure", key = &k.key, problem = m)))?;
        }
        for a in &raw.authority_rows {
            let ok = tables.iter().any(|t| t.key == a.table && t.row(&a.row).is_some());
            if !ok {
                return Err(invalid(&id, crate::t!("in-form-authority-row", table = &a.table, row = &a.row)));
            }
        }
        catalogue::validate(&raw.catalogue, &tables).map_err(|m| invalid(&id, m))?;
        Ok(Form {
            id: raw.id,
            name: raw.name,
            issued_by: raw.issued_by,
            years: raw.years,
            applies_to: raw.applies_to,
            extends: raw.extends,
            sections: raw
                .sections
                .into_iter()
                .map(|mut s| {
                    s.normalized = s.r#match.iter().map(|m| normalize(m)).collect();
                    s
                })
                .collect(),
            tables,
            rules,
            cross_year,
            text_claims: raw.text_claims,
            text: raw.text,
            old_labels: raw.old_labels,
            authority_rows: raw.authority_rows,
            key_figures: raw.key_figures,
            catalogue: raw.catalogue,
            origin: path.display().to_string(),
        })
    }

    /// Index of the table with this front-matter key.
    pub fn table(&self, key: &str) -> Option<usize> {
        self.tables.iter().position(|t| t.key == key)
    }
}

/// Resolves a sum of cells of table `table` (`row:col + row:col`) to the
/// table's index and the cells, for claims and key figures alike.
fn resolve_sum(tables: &[TableSpec], table: &str, value: &str) -> Result<(usize, Vec<(usize, usize)>), String> {
    let index =
        tables.iter().position(|t| t.key == table).ok_or_else(|| crate::t!("in-form-no-table", table = table))?;
    Ok((index, resolve_cells(&tables[index], value)?))
}

/// Flattens a header tree into its leaves. With `groups`, a keyed node whose
/// children are all leaves becomes the group of those leaves.
fn flatten(nodes: &[HeaderNode], groups: bool) -> Vec<Leaf> {
    fn walk(nodes: &[HeaderNode], keys: &mut Vec<String>, labels: &mut Vec<String>, groups: bool, out: &mut Vec<Leaf>) {
        for n in nodes {
            labels.push(n.label.clone());
            if n.children.is_empty() {
                let key = n.key.clone().unwrap_or_default();
                let mut id_parts = keys.clone();
                id_parts.push(key.clone());
                out.push(Leaf {
                    id: id_parts.join("."),
                    key,
                    label: n.label.clone(),
                    path: labels.clone(),
                    total: n.total,
                    stock: n.stock,
                    kind: n.kind,
                    unit: n.unit.clone(),
                    group: if groups { keys.last().cloned() } else { None },
                    extra: false,
                });
            } else {
                if let Some(k) = &n.key {
                    keys.push(k.clone());
                }
                walk(&n.children, keys, labels, groups, out);
                if n.key.is_some() {
                    keys.pop();
                }
            }
            labels.pop();
        }
    }
    let mut out = Vec::new();
    walk(nodes, &mut Vec::new(), &mut Vec::new(), groups, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_forms_compile_with_official_shapes() {
        let forms = Forms::builtin();
        let f19 = forms.for_year(2020).unwrap();
        let f21 = forms.for_year(2024).unwrap();
        assert_eq!((f19.id.as_str(), f21.id.as_str()), ("cn-2019", "cn-2021"));
        let t3 = &f19.tables[f19.table("applications").unwrap()];
        assert_eq!(t3.row_leaves.len(), 23);
        assert_eq!(f21.tables[f21.table("applications").unwrap()].row_leaves.len(), 25);
        assert_eq!(t3.col_leaves.len(), 7);
        let t4 = &f21.tables[f21.table("appeals").unwrap()];
        assert_eq!(t4.col_leaves.len(), 15);
        assert_eq!(t4.col_leaves[5].id, "direct.upheld");
        assert_eq!(t4.groups(), ["review", "direct", "after_review"]);
        assert!(f21.table("procurement").is_none() && f19.table("procurement").is_some());
        assert_eq!(forms.for_year(2018).map(|f| f.id.as_str()), None);
    }

    #[test]
    fn broken_site_forms_are_refused_with_reasons() {
        let good = include_str!("../forms/cn-2021.json");
        let bad_rule = good.replace("new + carried_in = total + carried_out", "new + carried_on = total");
        let err = Form::compile(&bad_rule, Path::new("f.json")).unwrap_err().to_string();
        assert!(err.contains("没有 `carried_on` 这一行"), "{err}");
        let err = Form::compile("{ \"id\": 3 }", Path::new("f.json")).unwrap_err().to_string();
        assert!(err.starts_with("f.json:1:"), "{err}");
    }
}
