//! `gongkai import FILE… | DIR`: published reports into report files, then
//! `check` on what was written. Never overwrites; `--dry-run` prints instead
//! of writing; a figure of a form table that found no cell stops the import
//! of its file unless `--force`.

use crate::diag::{Diagnostic, render_human};
use crate::import::{self, Fate, ImportError, Imported};
use crate::load::{AGENCY_FILE, Snippets, is_slug};
use crate::site::{Site, SiteError};
use crate::t;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use thiserror::Error;

/// The command's options.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The agency's folder name.
    pub agency: Option<String>,
    /// The report year, when the title does not say it.
    pub year: Option<i32>,
    /// Print what would be written, write nothing.
    pub dry_run: bool,
    /// Write even when some table figures found no cell.
    pub force: bool,
}

/// Why the command cannot run at all.
#[derive(Debug, Error)]
pub enum ImportCmdError {
    /// The site cannot be loaded (no `site.toml`, a broken form).
    #[error(transparent)]
    Site(#[from] SiteError),
    /// Output failed (the cause is said in the message).
    #[error("{}", t!("import-err-output", reason = crate::os::reason(cause)))]
    Io {
        /// The cause.
        cause: std::io::Error,
    },
    /// A bad or missing `--agency`.
    #[error("{0}")]
    Agency(String),
}

/// What happened, for the exit code.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Files written (reports and agency files).
    pub written: Vec<PathBuf>,
    /// Sources not imported (unreadable, refused, or their report exists).
    pub failed: usize,
    /// Errors found by `check` in the written reports.
    pub check_errors: usize,
}

/// The files to import: each FILE, and every file directly in each DIR (sorted).
fn sources(inputs: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(input)?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
                .collect();
            files.sort();
            out.extend(files);
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

/// Prints where every number of the source went: one line per table row
/// placed (its figures in column order), one line per paragraph of the
/// narrative, and every unplaced figure on a line of its own with the reason.
fn placement(imp: &Imported, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{}", t!("import-placement"))?;
    let names = [t!("import-placed"), t!("import-narrative"), t!("import-unplaced"), t!("import-skipped")];
    let (blank_word, colon) = (t!("import-blank"), t!("import-colon"));
    let mut tally = [0usize; 4];
    let mut blanks = 0;
    // The open line: its kind, block and row, so that one row or paragraph shares a line.
    let mut open: Option<(usize, usize, &str)> = None;
    for f in &imp.figures {
        let (i, label, key) = match &f.fate {
            Fate::Placed(row, _) | Fate::Blank(row, _) => (0, &names[0], row.as_str()),
            Fate::Narrative => (1, &names[1], ""),
            Fate::Unplaced(_) => (2, &names[2], ""),
            Fate::Skipped => (3, &names[3], ""),
        };
        let blank = matches!(f.fate, Fate::Blank(..));
        let text = if blank { blank_word.as_str() } else { f.text.as_str() };
        if blank {
            blanks += 1;
        } else {
            tally[i] += 1;
        }
        if let Fate::Unplaced(why) = &f.fate {
            if open.take().is_some() {
                writeln!(out)?;
            }
            writeln!(out, "  {label}  {}{colon}{why}", f.text)?;
            continue;
        }
        if open == Some((i, f.at, key)) {
            write!(out, " {text}")?;
            continue;
        }
        if open.is_some() {
            writeln!(out)?;
        }
        match &f.fate {
            Fate::Placed(row, _) | Fate::Blank(row, _) => write!(out, "  {label}  {row}{colon}{text}")?,
            _ => write!(out, "  {label}  「{}…」 {text}", f.context)?,
        }
        open = Some((i, f.at, key));
    }
    if open.is_some() {
        writeln!(out)?;
    }
    let [placed, narrative, unplaced, skipped] = tally;
    let mut line = t!("import-tally", placed = placed, narrative = narrative, unplaced = unplaced, skipped = skipped);
    if blanks > 0 {
        line.push_str(&t!("import-tally-blanks", blanks = blanks));
    }
    writeln!(out, "{line}")
}

/// Writes `text` to a new file; an existing file is never replaced.
fn create(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(path)?;
    f.write_all(text.as_bytes())
}

/// Why one source was not imported; the other sources still are.
#[derive(Debug, Error)]
pub enum FileError {
    /// Unreadable, no year, no form.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// Some table figures found no cell, and `--force` was not given.
    #[error("{}", t!("import-refused-unplaced"))]
    Unplaced,
    /// No `--agency`, and the site does not describe the agency the title names.
    #[error("{}", unknown_agency(.0.as_deref()))]
    UnknownAgency(Option<String>),
    /// The report (or agency file) exists: never overwritten.
    #[error("{}", t!("import-exists", path = path))]
    Exists {
        /// The file.
        path: PathBuf,
    },
    /// A file could not be written.
    #[error("{}", t!("import-write-failed", path = path, reason = crate::os::reason(source)))]
    Write {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The command's own output failed: stops the whole command.
    #[error(transparent)]
    Output(#[from] std::io::Error),
}

/// The agency of a report is not described in the site and no `--agency`
/// was given: ask for it, with the name the report states (if any).
fn unknown_agency(name: Option<&str>) -> String {
    match name {
        Some(name) => t!("import-unknown-agency", name = name),
        None => t!("import-no-agency-name"),
    }
}

impl From<std::io::Error> for ImportCmdError {
    fn from(cause: std::io::Error) -> ImportCmdError {
        ImportCmdError::Io { cause }
    }
}

/// Imports one source; returns the files written.
fn one(
    root: &Path,
    source: &Path,
    forms: &crate::form::Forms,
    known: &[(String, String)],
    opts: &Options,
    out: &mut dyn Write,
) -> Result<Vec<PathBuf>, FileError> {
    let bytes = std::fs::read(source).map_err(|e| ImportError::Io { path: source.to_path_buf(), source: e })?;
    let blocks = import::blocks(source, &bytes)?;
    // The agency decides the form when a site form applies to it.
    let known_slug = match &opts.agency {
        Some(slug) => Some(slug.clone()),
        None => slug_of(known, import::narrative::meta(&blocks).agency.as_deref()),
    };
    let imp = import::import_blocks(&blocks, forms, known_slug.as_deref(), opts.year)?;
    let form = import::form_for(forms, known_slug.as_deref(), imp.year)?;
    placement(&imp, out)?;
    if imp.unplaced().next().is_some() && !opts.force {
        return Err(FileError::Unplaced);
    }
    let name = source.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let (text, notes) = import::write::report(&imp, form, &name);
    for n in &notes {
        writeln!(out, "  {n}")?;
    }
    let slug = known_slug.ok_or_else(|| FileError::UnknownAgency(imp.meta.agency.clone()))?;
    let report = crate::layout::report_file(root, &slug, imp.year);
    let agency = crate::layout::agency_file(root, &slug);
    let mut files = vec![(report, text)];
    if !agency.exists() {
        let name = imp.meta.agency.clone().unwrap_or_else(|| slug.clone());
        files.push((agency, import::write::agency(&imp.meta, &name)));
    }
    if let Some((p, _)) = files.iter().find(|(p, _)| p.exists()) {
        return Err(FileError::Exists { path: p.clone() });
    }
    let mut written = Vec::new();
    for (path, text) in files {
        if opts.dry_run {
            writeln!(out, "{}\n{text}", t!("import-would-write", path = &path))?;
            continue;
        }
        create(&path, &text).map_err(|source| {
            if source.kind() == std::io::ErrorKind::AlreadyExists {
                FileError::Exists { path: path.clone() }
            } else {
                FileError::Write { path: path.clone(), source }
            }
        })?;
        writeln!(out, "{}", t!("import-wrote", path = &path))?;
        written.push(path);
    }
    Ok(written)
}

/// The findings of `check` for the written files, printed as `check` does,
/// with the rule codes that fail.
fn check_written(root: &Path, written: &[PathBuf], out: &mut dyn Write) -> Result<usize, ImportCmdError> {
    let site = Site::load(root)?;
    let mine: Vec<&Diagnostic> = site.diags.iter().filter(|d| written.iter().any(|w| same_file(&d.file, w))).collect();
    writeln!(out, "{}", t!("import-check-header"))?;
    if mine.is_empty() {
        writeln!(out, "{}", t!("import-check-clean"))?;
        return Ok(0);
    }
    let owned: Vec<Diagnostic> = mine.iter().map(|d| (*d).clone()).collect();
    let snippets = Snippets::for_diagnostics(&owned, &site.texts);
    for d in &owned {
        writeln!(out, "{}", render_human(d, &site.root, &snippets))?;
    }
    let codes: BTreeSet<String> = owned.iter().map(|d| d.code.to_string()).collect();
    let codes = codes.iter().cloned().collect::<Vec<_>>().join(&t!("cli-list-separator"));
    writeln!(out, "{}", t!("import-failing-rules", codes = codes))?;
    // The written reports are kept as published: their rules' failures are notices.
    let tally = crate::diag::Tally::of(&owned);
    if tally.notices > 0 {
        writeln!(out, "{}", t!("import-kept-notices"))?;
    }
    Ok(tally.errors)
}

/// The site's agencies as (slug, name), read from their `agency.yaml`, so
/// that a report naming a known agency needs no `--agency`.
fn agencies(root: &Path) -> Vec<(String, String)> {
    let dir = root.join("content").join("reports");
    let Ok(entries) = std::fs::read_dir(&dir) else { return Vec::new() };
    let mut out = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let slug = entry.file_name().to_string_lossy().into_owned();
        let file = Arc::new(entry.path().join(AGENCY_FILE));
        let Ok(text) = std::fs::read_to_string(file.as_path()) else { continue };
        if let Some(a) = crate::parse::parse_agency(&file, &text, &slug, &mut Vec::new()) {
            out.push((slug, a.name));
        }
    }
    out
}

/// The slug of the agency the report names, if the site describes it.
fn slug_of(known: &[(String, String)], name: Option<&str>) -> Option<String> {
    let name = name?;
    known.iter().find(|(_, n)| n == name).map(|(slug, _)| slug.clone())
}

/// Whether two paths name the same file (one may be relative to the other's root).
fn same_file(a: &Path, b: &Path) -> bool {
    a == b || std::fs::canonicalize(a).ok().zip(std::fs::canonicalize(b).ok()).is_some_and(|(x, y)| x == y)
}

/// Runs the command.
pub fn import(root: &Path, inputs: &[PathBuf], opts: &Options, out: &mut dyn Write) -> Result<Outcome, ImportCmdError> {
    if opts.agency.as_deref().is_some_and(|s| !is_slug(s)) {
        return Err(ImportCmdError::Agency(t!("import-bad-agency")));
    }
    let known = agencies(root);
    let forms = crate::site::forms_of(root)?;
    let files = sources(inputs)?;
    let mut outcome = Outcome::default();
    if files.is_empty() {
        writeln!(out, "{}", t!("import-no-files"))?;
        outcome.failed += 1;
    }
    if opts.dry_run {
        writeln!(out, "{}", t!("import-dry-run"))?;
    }
    for source in &files {
        writeln!(out, "{}", t!("import-importing", path = source))?;
        match one(root, source, &forms, &known, opts, out) {
            Ok(w) => outcome.written.extend(w),
            Err(FileError::Output(e)) => return Err(e.into()),
            Err(why) => {
                writeln!(out, "{}", t!("cli-error", message = why.to_string()))?;
                outcome.failed += 1;
            }
        }
    }
    if !outcome.written.is_empty() {
        outcome.check_errors = check_written(root, &outcome.written, out)?;
    }
    Ok(outcome)
}
