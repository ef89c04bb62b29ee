//! JSON Schemas for the editor, generated from the form data: one per form
//! for a report's front matter, one for `agency.yaml`, one for a document's
//! front matter. Every key has its official label as `title` and a
//! `description`; a row's length, the kind of each cell (a count is a whole
//! number ≥ 0, money has its unit) and unknown keys are all stated, so an
//! editor with the YAML language server completes keys and flags a wrong
//! one as it is typed. `gongkai schema` writes them ([`write_all`]); the
//! checker stays the authority: a schema only helps while typing.

mod cells;
pub mod yaml_json;

use crate::form::{Form, Forms, InputShape, TableSpec};
use cells::row_schema;
use serde_json::{Map, Value, json};
use std::path::{Path, PathBuf};

/// The JSON Schema dialect written: draft-07, the one editors support best.
pub const DIALECT: &str = "http://json-schema.org/draft-07/schema#";

/// The file name of a form's report schema inside the schema folder.
pub fn report_file(form_id: &str) -> String {
    format!("report-{form_id}.json")
}

/// The file name of the agency schema.
pub const AGENCY_FILE: &str = "agency.json";
/// The file name of the document schema.
pub const DOCUMENT_FILE: &str = "document.json";

/// A date written `YYYY-MM-DD`.
const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/// A string property with a title and a description.
fn text(title: String, description: String) -> Value {
    json!({ "type": "string", "title": title, "description": description })
}

/// The schema of the `attachments` list (reports and documents): a file
/// name, or a map of `file` and `title`.
fn attachments() -> Value {
    let item = json!({
        "anyOf": [
            { "type": "string" },
            {
                "type": "object",
                "properties": {
                    "file": text(crate::t!("schema-attach-file"), crate::t!("schema-attach-file-help")),
                    "title": text(crate::t!("schema-attach-title"), crate::t!("schema-attach-title-help")),
                },
                "required": ["file"],
                "additionalProperties": false
            }
        ]
    });
    json!({ "type": "array", "items": item, "title": crate::t!("schema-attachments"), "description": crate::t!("schema-attachments-help") })
}

/// The schema of one table's key: its rows (or, for 表四, its column groups).
fn table_schema(form: &Form, spec: &TableSpec) -> Value {
    let mut props = Map::new();
    match spec.input {
        InputShape::Rows => {
            let cols: Vec<usize> = (0..spec.col_leaves.len()).collect();
            for (r, leaf) in spec.row_leaves.iter().enumerate() {
                let title = leaf.path.join(" ");
                props.insert(leaf.id.clone(), row_schema(spec, r, &cols, title));
            }
        }
        InputShape::ColumnGroups => {
            for group in spec.groups() {
                let cols: Vec<usize> = (0..spec.col_leaves.len())
                    .filter(|&c| spec.col_leaves[c].group.as_deref() == Some(group))
                    .collect();
                let title = spec.col_leaves[cols[0]].path.iter().rev().nth(1).cloned().unwrap_or_else(|| group.into());
                props.insert(group.to_owned(), row_schema(spec, 0, &cols, title));
            }
        }
    }
    let section = form.sections.get(spec.section.wrapping_sub(1)).map(|s| format!("{}、{}", s.numeral, s.title));
    json!({
        "type": "object",
        "title": spec.title(form),
        "description": crate::t!("schema-table", caption = &spec.caption, section = section.unwrap_or_default()),
        "properties": props,
        "additionalProperties": false
    })
}

/// The schema of a report's front matter under `form`; `ids` are the forms
/// a report may name with `form:`.
pub fn report_schema(form: &Form, ids: &[&str]) -> Value {
    let mut props = Map::new();
    props.insert(
        "year".into(),
        json!({ "type": "integer", "minimum": 2008, "title": crate::t!("schema-year"), "description": crate::t!("schema-year-help") }),
    );
    props.insert("title".into(), text(crate::t!("schema-title"), crate::t!("schema-title-help")));
    let mut published = text(crate::t!("schema-published"), crate::t!("schema-published-help"));
    published["pattern"] = DATE_PATTERN.into();
    props.insert("published".into(), published);
    props.insert(
        "form".into(),
        json!({ "type": "string", "enum": ids, "title": crate::t!("schema-form"), "description": crate::t!("schema-form-help") }),
    );
    let keys: Vec<&str> = form.tables.iter().map(|t| t.key.as_str()).collect();
    props.insert(
        "missing_in_original".into(),
        json!({
            "anyOf": [{ "type": "array", "items": { "enum": keys } }, { "enum": keys }, { "type": "null" }],
            "title": crate::t!("schema-missing"),
            "description": crate::t!("schema-missing-help")
        }),
    );
    for (key, title, help) in [
        ("as_published", crate::t!("schema-as-published"), crate::t!("schema-as-published-help")),
        ("draft", crate::t!("schema-draft"), crate::t!("schema-draft-help")),
    ] {
        props.insert(key.into(), json!({ "type": "boolean", "title": title, "description": help }));
    }
    props.insert("attachments".into(), attachments());
    for spec in &form.tables {
        props.insert(spec.key.clone(), table_schema(form, spec));
    }
    json!({
        "$schema": DIALECT,
        "title": crate::t!("schema-report", form = &form.name, id = &form.id),
        "description": crate::t!("schema-report-help", issued = &form.issued_by),
        "type": "object",
        "properties": props,
        "required": ["year"],
        "additionalProperties": false
    })
}

/// The schema of `agency.yaml`.
pub fn agency_schema() -> Value {
    let kinds: Vec<&str> = crate::model::AgencyKind::ALL.iter().map(|(_, n)| *n).collect();
    let contact: Map<String, Value> = [
        ("office", crate::t!("schema-contact-office")),
        ("address", crate::t!("schema-contact-address")),
        ("postcode", crate::t!("schema-contact-postcode")),
        ("phone", crate::t!("schema-contact-phone")),
        ("fax", crate::t!("schema-contact-fax")),
        ("email", crate::t!("schema-contact-email")),
    ]
    .into_iter()
    .map(|(k, title)| (k.to_owned(), json!({ "type": "string", "title": title })))
    .collect();
    json!({
        "$schema": DIALECT,
        "title": crate::t!("schema-agency"),
        "description": crate::t!("schema-agency-help"),
        "type": "object",
        "properties": {
            "name": text(crate::t!("schema-agency-name"), crate::t!("schema-agency-name-help")),
            "kind": { "enum": kinds, "title": crate::t!("schema-agency-kind"), "description": crate::t!("schema-agency-kind-help") },
            "parent": { "type": "string", "pattern": "^[a-z0-9-]+$", "title": crate::t!("schema-agency-parent"), "description": crate::t!("schema-agency-parent-help") },
            "code": { "type": "string", "pattern": "^[0-9A-Z-]{9,18}$", "title": crate::t!("schema-agency-code"), "description": crate::t!("schema-agency-code-help") },
            "years": { "type": ["integer", "string"], "minimum": 1949, "maximum": 2999, "pattern": "^[0-9]{4}年? *([-–—至] *([0-9]{4}年?)?)?$", "title": crate::t!("schema-agency-years"), "description": crate::t!("schema-agency-years-help") },
            "sums_children": { "type": "boolean", "title": crate::t!("schema-agency-sums-children"), "description": crate::t!("schema-agency-sums-children-help") },
            "contact": { "type": "object", "title": crate::t!("schema-contact"), "properties": contact, "additionalProperties": false }
        },
        "required": ["name", "kind"],
        "additionalProperties": false
    })
}

/// The schema of a document's front matter (政府信息公开目录).
pub fn document_schema() -> Value {
    let date = |title: String| json!({ "type": "string", "pattern": DATE_PATTERN, "title": title });
    let ids = json!({ "anyOf": [{ "type": "string" }, { "type": "array", "items": { "type": "string" } }], "title": crate::t!("schema-doc-interprets") });
    json!({
        "$schema": DIALECT,
        "title": crate::t!("schema-document"),
        "description": crate::t!("schema-document-help"),
        "type": "object",
        "properties": {
            "title": text(crate::t!("schema-doc-title"), crate::t!("schema-doc-title-help")),
            "index_no": text(crate::t!("schema-doc-index"), crate::t!("schema-doc-index-help")),
            "agency": text(crate::t!("schema-doc-agency"), crate::t!("schema-doc-agency-help")),
            "written": date(crate::t!("schema-doc-written")),
            "published": date(crate::t!("schema-doc-published")),
            "doc_no": text(crate::t!("schema-doc-no"), crate::t!("schema-doc-no-help")),
            "topic": text(crate::t!("schema-doc-topic"), crate::t!("schema-doc-topic-help")),
            "kind": text(crate::t!("schema-doc-kind"), crate::t!("schema-doc-kind-help")),
            "item": { "type": ["integer", "string"], "title": crate::t!("schema-doc-item"), "description": crate::t!("schema-doc-item-help") },
            "validity": { "enum": ["有效", "失效", "废止"], "title": crate::t!("schema-doc-validity") },
            "validity_date": date(crate::t!("schema-doc-validity-date")),
            "replaced_by": text(crate::t!("schema-doc-replaced-by"), crate::t!("schema-doc-replaced-by-help")),
            "interprets": ids,
            "attachments": attachments()
        },
        "required": ["title"],
        "additionalProperties": false
    })
}

/// Every schema of a site, by file name: one per form (built-in and the
/// site's own), the agency's and the document's.
pub fn all(forms: &Forms) -> Vec<(String, Value)> {
    let ids: Vec<&str> = forms.list.iter().map(|f| f.id.as_str()).collect();
    let mut out: Vec<(String, Value)> =
        forms.list.iter().map(|f| (report_file(&f.id), report_schema(f, &ids))).collect();
    out.push((AGENCY_FILE.into(), agency_schema()));
    out.push((DOCUMENT_FILE.into(), document_schema()));
    out
}

/// Why the schemas could not be written.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::t!("schema-err-write", path = .path, reason = crate::os::reason(.source)))]
pub struct WriteError {
    /// The file or folder.
    pub path: PathBuf,
    /// The cause.
    pub source: std::io::Error,
}

/// Writes every schema of [`all`] into `dir` (created if needed), replacing
/// earlier ones; returns the files written.
pub fn write_all(forms: &Forms, dir: &Path) -> Result<Vec<PathBuf>, WriteError> {
    std::fs::create_dir_all(dir).map_err(|source| WriteError { path: dir.to_path_buf(), source })?;
    let mut written = Vec::new();
    for (name, schema) in all(forms) {
        let path = dir.join(name);
        let text = serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n";
        std::fs::write(&path, text).map_err(|source| WriteError { path: path.clone(), source })?;
        written.push(path);
    }
    Ok(written)
}
