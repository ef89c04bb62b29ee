//! `gongkai new`: start a report or describe an agency, from the form data.
//! A new report is a draft (`draft: true`), and starts from the figures that
//! carry over from the agency's report of the year before ([`carry`]).

pub mod carry;
pub mod document;

use crate::form::{CellKind, Form, InputShape, TableSpec};
use crate::load::is_slug;
use crate::model::AgencyKind;
use carry::Carried;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Why a file was not written.
#[derive(Debug)]
pub enum NewError {
    /// The target exists; gongkai never overwrites content.
    Exists(PathBuf),
    /// A bad slug.
    Slug(String),
    /// No such agency.
    NoAgency {
        /// The slug.
        slug: String,
        /// The missing file.
        path: PathBuf,
    },
    /// No form applies.
    NoForm(i32),
    /// Two site forms apply to the agency's report of the year.
    Forms(crate::form::FormConflict),
    /// Unknown kind.
    Kind(String),
    /// The site's forms cannot be loaded.
    Site(Box<crate::site::SiteError>),
    /// Writing failed.
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

impl std::fmt::Display for NewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            NewError::Exists(path) => crate::t!("new-err-exists", path = path),
            NewError::Slug(slug) => crate::t!("new-err-slug", slug = slug),
            NewError::NoAgency { slug, path } => crate::t!("new-err-no-agency", slug = slug, path = path),
            NewError::NoForm(year) => crate::t!("new-err-no-form", year = year),
            NewError::Forms(conflict) => format!("{conflict}\n{}", conflict.help()),
            NewError::Kind(kind) => crate::t!("new-err-kind", kind = kind),
            NewError::Site(e) => e.to_string(),
            NewError::Io { path, source } => {
                crate::t!("new-err-write", path = path, reason = crate::os::reason(source))
            }
        };
        f.write_str(&text)
    }
}

impl std::error::Error for NewError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            // An I/O cause is said in the message, in the run's language.
            NewError::Site(e) => Some(e.as_ref()),
            _ => None,
        }
    }
}

/// Writes `text` to a new file, refusing to replace an existing one.
fn create(path: &Path, text: &str) -> Result<(), NewError> {
    let io = |source| NewError::Io { path: path.to_path_buf(), source };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists { NewError::Exists(path.to_path_buf()) } else { io(e) }
    })?;
    std::io::Write::write_all(&mut f, text.as_bytes()).map_err(io)
}

/// Writes `content/reports/<slug>/agency.yaml`.
pub fn new_agency(root: &Path, slug: &str, name: &str, kind: &str) -> Result<PathBuf, NewError> {
    if !is_slug(slug) {
        return Err(NewError::Slug(slug.into()));
    }
    let kind = AgencyKind::parse(kind).ok_or_else(|| NewError::Kind(kind.into()))?;
    let path = crate::layout::agency_file(root, slug);
    let text = format!(
        "# yaml-language-server: $schema=../../../{schemas}/{agency}\n# 机构信息：每个机构只写一次，年度报告不再重复\nname: {name}        # 机构全称\nkind: {}        # 部门 / 乡镇 / 街道 / 人民政府\n# parent: slug      # 上级机构（本站另一机构的文件夹名），可选\n# contact:\n#   office: 办公室\n#   address: 地址\n#   postcode: \"000000\"\n#   phone: \"0000-00000000\"\n#   email: name@example.gov.cn\n",
        kind.name(),
        schemas = super::schema::FOLDER,
        agency = crate::schema::AGENCY_FILE,
    );
    create(&path, &text)?;
    Ok(path)
}

/// A report that `new report` wrote, and what it started from.
#[derive(Debug, Clone)]
pub struct NewReport {
    /// The file written.
    pub path: PathBuf,
    /// The form it follows.
    pub form: std::sync::Arc<Form>,
    /// The figures carried over from last year's report.
    pub carried: Carried,
    /// Last year's report exists but could not be read or parsed: nothing was carried from it.
    pub unreadable_prev: Option<PathBuf>,
}

/// Writes `content/reports/<slug>/<year>.md`, pre-filled for the form the
/// agency's report of that year follows, marked `draft: true` when `draft`
/// (a draft is checked but not published), with the figures that carry
/// over from the agency's report of the year before, if there is one.
pub fn new_report(
    root: &Path,
    forms: &crate::form::Forms,
    slug: &str,
    year: i32,
    draft: bool,
) -> Result<NewReport, NewError> {
    if !is_slug(slug) {
        return Err(NewError::Slug(slug.into()));
    }
    let agency = crate::layout::agency_file(root, slug);
    if !agency.exists() {
        return Err(NewError::NoAgency { slug: slug.into(), path: agency });
    }
    let form = forms.for_report(slug, year).map_err(NewError::Forms)?.ok_or(NewError::NoForm(year))?;
    let (carried, unreadable_prev) = match last_year(root, forms, slug, year) {
        Ok(Some(prev)) => (carry::carried(form, year, &prev), None),
        Ok(None) => (Carried::default(), None),
        Err(path) => (Carried::default(), Some(path)),
    };
    let path = crate::layout::report_file(root, slug, year);
    create(&path, &skeleton(form, year, draft, &carried))?;
    Ok(NewReport { path, form: std::sync::Arc::clone(form), carried, unreadable_prev })
}

/// The agency's report of `year − 1`, parsed: `None` when there is none,
/// its file when it cannot be read or has errors.
fn last_year(
    root: &Path,
    forms: &crate::form::Forms,
    slug: &str,
    year: i32,
) -> Result<Option<crate::model::Report>, PathBuf> {
    let path = crate::layout::report_file(root, slug, year - 1);
    if !path.exists() {
        return Ok(None);
    }
    let files = crate::source::SiteDir::new(root).map_err(|_| path.clone())?;
    let file = std::sync::Arc::new(path.clone());
    let text = crate::load::read_text(&files, &file).map_err(|_| path.clone())?;
    let loaded = crate::parse::parse_report(&file, &text, slug, forms, &mut Vec::new());
    loaded.map(|l| Some(l.report)).ok_or(path)
}

/// The text of a new report: every table in zeros (or the figures carried
/// over) with its labels as comments, then the six section headings.
pub fn skeleton(form: &Form, year: i32, draft: bool, carried: &Carried) -> String {
    let mut s = String::new();
    // The editor's schema first: `gongkai schema` writes it (see cmd/schema.rs).
    let _ = writeln!(s, "---\n{}\nyear: {year}                  # 报告年度", super::schema::modeline(&form.id));
    if draft {
        s.push_str("draft: true                 # 草稿：检查但不发布；填写完毕、核对无误后删去这一行\n");
    }
    let _ = writeln!(
        s,
        "# published: {}-01-20   # 发布日期，发布后填写\n# title: 自定义标题       # 可选，默认为“机构名称{year}年政府信息公开工作年度报告”\n# 格式：{}（{}）\n",
        year + 1,
        form.name,
        form.id
    );
    let mut section = 0;
    for (i, t) in form.tables.iter().enumerate() {
        if t.section != section {
            section = t.section;
            if let Some(sec) = form.sections.get(section - 1) {
                let _ = writeln!(s, "# {}、{}", sec.numeral, sec.title);
            }
        }
        table_skeleton(&mut s, form, i, carried);
    }
    s.push_str("---\n\n");
    for (i, sec) in form.sections.iter().enumerate() {
        let _ = writeln!(s, "## {}、{}\n", sec.numeral, sec.title);
        if !form.tables.iter().any(|t| t.section == i + 1) {
            s.push_str("<!-- 在此填写本部分内容 -->\n\n");
        }
    }
    s
}

/// The comment that says where a line's carried figures come from.
fn carried_note(form: &Form, table: usize, row: Option<usize>, carried: &Carried) -> String {
    carried.rules(form, table, row).iter().map(|r| format!("；取自 {} 年报：{}", carried.from, r.text)).collect()
}

/// One table in zeros (or carried figures), each line commented with its
/// official label and, for carried figures, where they come from.
fn table_skeleton(s: &mut String, form: &Form, ti: usize, carried: &Carried) {
    let t: &TableSpec = &form.tables[ti];
    let cols: Vec<&str> = t.col_leaves.iter().map(|c| c.label.as_str()).collect();
    match t.input {
        InputShape::Rows => {
            let _ = writeln!(s, "{}:   # {} — {}", t.key, t.caption, cols.join("，"));
            let width = t.row_leaves.iter().map(|r| r.id.len()).max().unwrap_or(0);
            for (ri, r) in t.row_leaves.iter().enumerate() {
                // Money cells carry their unit; a bare 0 would be flagged as unit-less.
                let value = |c: usize| match carried.get(ti, ri, c) {
                    Some(v) => v.to_string(),
                    None if t.kind(ri, c) == CellKind::Money => "0元".to_owned(),
                    None => "0".to_owned(),
                };
                let values: Vec<String> = (0..cols.len()).map(value).collect();
                let values = if cols.len() == 1 { values.concat() } else { format!("[{}]", values.join(", ")) };
                let _ = writeln!(
                    s,
                    "  {:<width$} {values}   # {}{}",
                    format!("{}:", r.id),
                    r.path.join(" "),
                    carried_note(form, ti, Some(ri), carried),
                    width = width + 1
                );
            }
        }
        InputShape::ColumnGroups => {
            let _ = writeln!(s, "{}:   # {}", t.key, t.caption);
            let groups = t.groups();
            let width = groups.iter().map(|g| g.len()).max().unwrap_or(0);
            for g in groups {
                let leaves: Vec<usize> =
                    (0..t.col_leaves.len()).filter(|&c| t.col_leaves[c].group.as_deref() == Some(g)).collect();
                let values: Vec<String> =
                    leaves.iter().map(|&c| carried.get(ti, 0, c).unwrap_or(0).to_string()).collect();
                let leaves: Vec<_> = leaves.iter().map(|&c| &t.col_leaves[c]).collect();
                let path = leaves.first().map(|l| l.path[..l.path.len() - 1].join(" · ")).unwrap_or_default();
                let names: Vec<&str> = leaves.iter().map(|l| l.label.as_str()).collect();
                let _ = writeln!(
                    s,
                    "  {:<width$} [{}]   # {path}：{}{}",
                    format!("{g}:"),
                    values.join(", "),
                    names.join("，"),
                    carried_note(form, ti, Some(0), carried),
                    width = width + 1
                );
            }
        }
    }
}

/// What `gongkai new` creates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    /// A report of an agency for a year.
    Report {
        /// The agency's slug.
        agency: String,
        /// The year the report covers.
        year: i32,
    },
    /// An agency, described once.
    Agency {
        /// Its slug (folder name).
        slug: String,
        /// Its full official name.
        name: String,
        /// Its kind (部门, 乡镇 …).
        kind: String,
    },
    /// A document of the catalogue.
    Document {
        /// Its folder under `content/documents` (an agency's slug, or a category).
        folder: String,
        /// Its file name without `.md`, if chosen.
        name: Option<String>,
        /// Its title, if given.
        title: Option<String>,
    },
}

/// Says on `out` which figures a new report carried over, or why it could not.
fn say_carried(new: &NewReport, out: &mut dyn std::io::Write) {
    if let Some(prev) = &new.unreadable_prev {
        let _ = writeln!(out, "{}", crate::t!("new-carry-unreadable", path = prev));
        return;
    }
    let mut texts: Vec<String> = Vec::new();
    for t in 0..new.form.tables.len() {
        for rule in new.carried.rules(&new.form, t, None) {
            let text = format!("“{}”", rule.text);
            if !texts.contains(&text) {
                texts.push(text);
            }
        }
    }
    if !texts.is_empty() {
        let rules = texts.join(&crate::t!("in-list-separator"));
        let _ = writeln!(out, "{}", crate::t!("new-carried", year = new.carried.from.to_string(), rules = rules));
    }
}

/// Runs `gongkai new`: writes the file and names it on `out`.
pub fn run(root: &Path, what: &What, out: &mut dyn std::io::Write) -> Result<PathBuf, NewError> {
    let path = match what {
        What::Report { agency, year } => {
            let forms = crate::site::forms_of(root).map_err(|e| NewError::Site(Box::new(e)))?;
            let new = new_report(root, &forms, agency, *year, true)?;
            let _ = writeln!(out, "{}", crate::t!("new-created", path = &new.path));
            say_carried(&new, out);
            let _ = writeln!(out, "{}", crate::t!("new-draft"));
            return Ok(new.path);
        }
        What::Agency { slug, name, kind } => new_agency(root, slug, name, kind)?,
        What::Document { folder, name, title } => {
            document::new_document(root, folder, name.as_deref(), title.as_deref())?
        }
    };
    let _ = writeln!(out, "{}", crate::t!("new-created", path = &path));
    Ok(path)
}
