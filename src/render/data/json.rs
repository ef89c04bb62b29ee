//! `report.json` and `data/forms.json` (schema 2).
//!
//! A report's JSON names its rows and columns by id and gives the figures as
//! a matrix; the labels of those ids are written once per form, in
//! `data/forms.json`, instead of once per report. A cell not listed under
//! `sources` was given by the report.

use super::{AgencyRecord, AxisRecord, FormRecord, ReportRecord, SCHEMA, TableRecord, source_name};
use crate::model::Source;
use serde::Serialize;
use std::collections::BTreeMap;

/// Where the labels of every form in use are, relative to the site root.
pub const FORMS_PATH: &str = "data/forms.json";

/// A table of `report.json`: ids and figures, no labels.
#[derive(Debug, Serialize)]
struct TableJson<'a> {
    /// Front-matter key, the table's id in `data/forms.json`.
    key: &'a str,
    /// Section number 1–6.
    section: usize,
    /// Row ids, in order.
    rows: Vec<&'a str>,
    /// Column ids, in order.
    columns: Vec<&'a str>,
    /// The figures, `values[row][column]`.
    values: &'a [Vec<serde_json::Value>],
    /// The cells not given by the report, by how they got their value
    /// (`blank`, `omitted`, `computed`): each a `[row id, column id]`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    sources: BTreeMap<&'static str, Vec<[&'a str; 2]>>,
    /// Units written in the cells, for tables of amounts with units.
    #[serde(skip_serializing_if = "Option::is_none")]
    units: Option<&'a [Vec<Option<&'a str>>]>,
    /// The published original has no such table.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    absent: bool,
}

/// The form of `report.json`, with where its labels are.
#[derive(Debug, Serialize)]
struct FormJson<'a> {
    /// `cn-2021`, the form's id in `data/forms.json`.
    id: &'a str,
    /// Official name.
    name: &'a str,
    /// Issuing notice.
    issued_by: &'a str,
    /// Where the labels of its rows and columns are, from the site root.
    labels: &'static str,
}

/// `report.json`.
#[derive(Debug, Serialize)]
struct ReportJson<'a> {
    /// The layout's version, [`SCHEMA`].
    schema: u32,
    agency: &'a AgencyRecord<'a>,
    year: i32,
    title: &'a str,
    published: Option<&'a str>,
    form: FormJson<'a>,
    url: &'a str,
    tables: Vec<TableJson<'a>>,
    as_published: bool,
    notices: &'a [crate::model::Notice],
}

/// The cells of a table not given by the report, by source.
fn sparse_sources<'a>(t: &'a TableRecord<'a>) -> BTreeMap<&'static str, Vec<[&'a str; 2]>> {
    let mut out: BTreeMap<&'static str, Vec<[&'a str; 2]>> = BTreeMap::new();
    if t.absent {
        return out;
    }
    for (r, row) in t.sources.iter().enumerate() {
        for (c, &s) in row.iter().enumerate().filter(|&(_, &s)| s != Source::Given) {
            out.entry(source_name(s)).or_default().push([t.rows[r].id, t.columns[c].id]);
        }
    }
    out
}

/// The text of `report.json`.
pub fn report_json(rec: &ReportRecord<'_>) -> String {
    let tables = rec
        .tables
        .iter()
        .map(|t| TableJson {
            key: t.key,
            section: t.section,
            rows: t.rows.iter().map(|a| a.id).collect(),
            columns: t.columns.iter().map(|a| a.id).collect(),
            values: &t.values,
            sources: sparse_sources(t),
            units: t.units.as_deref(),
            absent: t.absent,
        })
        .collect();
    let json = ReportJson {
        schema: SCHEMA,
        agency: &rec.agency,
        year: rec.year,
        title: &rec.title,
        published: rec.published.as_deref(),
        form: FormJson { id: rec.form.id, name: rec.form.name, issued_by: rec.form.issued_by, labels: FORMS_PATH },
        url: &rec.url,
        tables,
        as_published: rec.as_published,
        notices: rec.notices,
    };
    serde_json::to_string(&json).unwrap_or_default()
}

/// A table of a form in `data/forms.json`: its rows and columns with labels.
#[derive(Debug, Serialize)]
struct FormTableJson<'a> {
    key: &'a str,
    caption: &'a str,
    section: usize,
    rows: Vec<AxisRecord<'a>>,
    columns: Vec<AxisRecord<'a>>,
}

/// A form in `data/forms.json`.
#[derive(Debug, Serialize)]
struct FormLabelsJson<'a> {
    #[serde(flatten)]
    form: FormRecord<'a>,
    tables: Vec<FormTableJson<'a>>,
}

/// `data/forms.json`.
#[derive(Debug, Serialize)]
struct FormsJson<'a> {
    schema: u32,
    forms: Vec<FormLabelsJson<'a>>,
}

/// A row or column of a form with its labels.
fn axis(l: &crate::form::Leaf) -> AxisRecord<'_> {
    AxisRecord { id: &l.id, label: &l.label, path: &l.path, unit: l.unit.as_deref() }
}

/// The text of `data/forms.json`: the labels of every row and column of the
/// given forms, by form id and table key.
pub fn forms_json(forms: &[&crate::form::Form]) -> String {
    let forms = forms
        .iter()
        .map(|f| FormLabelsJson {
            form: FormRecord { id: &f.id, name: &f.name, issued_by: &f.issued_by },
            tables: f
                .tables
                .iter()
                .map(|t| FormTableJson {
                    key: &t.key,
                    caption: &t.caption,
                    section: t.section,
                    rows: t.row_leaves.iter().map(axis).collect(),
                    columns: t.col_leaves.iter().map(axis).collect(),
                })
                .collect(),
        })
        .collect();
    serde_json::to_string(&FormsJson { schema: SCHEMA, forms }).unwrap_or_default()
}
