//! `gongkai schema`: writes the JSON Schemas of the site's forms, of
//! `agency.yaml` and of documents into `schemas/` (or `--output`), and the
//! editor settings that map them ([`editor_settings`]).

use crate::site::{SiteError, forms_of};
use std::path::{Path, PathBuf};

/// The folder of the schemas inside a site.
pub const FOLDER: &str = "schemas";

/// The first line of a report's front matter that points the YAML language
/// server at its form's schema (`content/reports/AGENCY/YEAR.md` is three
/// folders below the site).
pub fn modeline(form_id: &str) -> String {
    format!("# yaml-language-server: $schema=../../../{FOLDER}/{}", crate::schema::report_file(form_id))
}

/// Why `gongkai schema` failed.
#[derive(Debug, thiserror::Error)]
pub enum SchemaError {
    /// The site's forms cannot be read.
    #[error(transparent)]
    Site(#[from] SiteError),
    /// A schema could not be written.
    #[error(transparent)]
    Write(#[from] crate::schema::WriteError),
}

/// The editor settings of a site (`.vscode/settings.json`): the schema of
/// agency files and of documents, mapped by path for the YAML extension.
pub fn editor_settings() -> String {
    let settings = serde_json::json!({
        "yaml.schemas": {
            format!("./{FOLDER}/{}", crate::schema::AGENCY_FILE): ["content/reports/*/agency.yaml"],
        },
        "yaml.validate": true,
        "yaml.completion": true,
        "files.encoding": "utf8",
    });
    serde_json::to_string_pretty(&settings).unwrap_or_default() + "\n"
}

/// Writes the schemas of the site at `root` into `output` (default
/// `schemas/` in the site) and returns the files written.
pub fn write(root: &Path, output: Option<&Path>) -> Result<Vec<PathBuf>, SchemaError> {
    let forms = forms_of(root)?;
    let dir = output.map_or_else(|| root.join(FOLDER), Path::to_path_buf);
    Ok(crate::schema::write_all(&forms, &dir)?)
}

/// Runs `gongkai schema`: writes the schemas and says where.
pub fn run(root: &Path, output: Option<&Path>, out: &mut dyn std::io::Write) -> Result<(), SchemaError> {
    let written = write(root, output)?;
    let dir = output.map_or_else(|| root.join(FOLDER), Path::to_path_buf);
    let _ = writeln!(out, "{}", crate::t!("schema-written", count = written.len(), dir = dir.display().to_string()));
    Ok(())
}
