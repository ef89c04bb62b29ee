//! `gongkai new`: start a report or describe an agency, from the form data.

use crate::form::{CellKind, Form, InputShape, TableSpec};
use crate::load::is_slug;
use crate::model::AgencyKind;
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
                crate::t!("new-err-write", path = path, reason = crate::cmd::io_reason(source))
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
        "# 机构信息：每个机构只写一次，年度报告不再重复\nname: {name}        # 机构全称\nkind: {}        # 部门 / 乡镇 / 街道 / 人民政府\n# parent: slug      # 上级机构（本站另一机构的文件夹名），可选\n# contact:\n#   office: 办公室\n#   address: 地址\n#   postcode: \"000000\"\n#   phone: \"0000-00000000\"\n#   email: name@example.gov.cn\n",
        kind.name()
    );
    create(&path, &text)?;
    Ok(path)
}

/// Writes `content/reports/<slug>/<year>.md`, pre-filled for the form the
/// agency's report of that year follows.
pub fn new_report(root: &Path, forms: &crate::form::Forms, slug: &str, year: i32) -> Result<PathBuf, NewError> {
    if !is_slug(slug) {
        return Err(NewError::Slug(slug.into()));
    }
    let agency = crate::layout::agency_file(root, slug);
    if !agency.exists() {
        return Err(NewError::NoAgency { slug: slug.into(), path: agency });
    }
    let form = forms.for_report(slug, year).map_err(NewError::Forms)?.ok_or(NewError::NoForm(year))?;
    let path = crate::layout::report_file(root, slug, year);
    create(&path, &skeleton(form, year))?;
    Ok(path)
}

/// The text of a new report: every table in zeros with its labels as
/// comments, then the six section headings.
pub fn skeleton(form: &Form, year: i32) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "---\nyear: {year}                  # 报告年度\n# published: {}-01-20   # 发布日期，发布后填写\n# title: 自定义标题       # 可选，默认为“机构名称{year}年政府信息公开工作年度报告”\n# 格式：{}（{}）\n",
        year + 1,
        form.name,
        form.id
    );
    let mut section = 0;
    for t in &form.tables {
        if t.section != section {
            section = t.section;
            if let Some(sec) = form.sections.get(section - 1) {
                let _ = writeln!(s, "# {}、{}", sec.numeral, sec.title);
            }
        }
        table_skeleton(&mut s, t);
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

/// One table in zeros, each line commented with its official label.
fn table_skeleton(s: &mut String, t: &TableSpec) {
    let cols: Vec<&str> = t.col_leaves.iter().map(|c| c.label.as_str()).collect();
    match t.input {
        InputShape::Rows => {
            let _ = writeln!(s, "{}:   # {} — {}", t.key, t.caption, cols.join("，"));
            let width = t.row_leaves.iter().map(|r| r.id.len()).max().unwrap_or(0);
            for (ri, r) in t.row_leaves.iter().enumerate() {
                // Money cells carry their unit; a bare 0 would be flagged as unit-less.
                let zero = |c: usize| if t.kind(ri, c) == CellKind::Money { "0元" } else { "0" };
                let zeros: Vec<&str> = (0..cols.len()).map(zero).collect();
                let zeros = if cols.len() == 1 { zeros.concat() } else { format!("[{}]", zeros.join(", ")) };
                let _ = writeln!(
                    s,
                    "  {:<width$} {zeros}   # {}",
                    format!("{}:", r.id),
                    r.path.join(" "),
                    width = width + 1
                );
            }
        }
        InputShape::ColumnGroups => {
            let _ = writeln!(s, "{}:   # {}", t.key, t.caption);
            let groups = t.groups();
            let width = groups.iter().map(|g| g.len()).max().unwrap_or(0);
            for g in groups {
                let leaves: Vec<_> = t.col_leaves.iter().filter(|c| c.group.as_deref() == Some(g)).collect();
                let path = leaves.first().map(|l| l.path[..l.path.len() - 1].join(" · ")).unwrap_or_default();
                let names: Vec<&str> = leaves.iter().map(|l| l.label.as_str()).collect();
                let _ = writeln!(
                    s,
                    "  {:<width$} [{}]   # {path}：{}",
                    format!("{g}:"),
                    vec!["0"; leaves.len()].join(", "),
                    names.join("，"),
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
}

/// Runs `gongkai new`: writes the file and names it on `out`.
pub fn run(root: &Path, what: &What, out: &mut dyn std::io::Write) -> Result<PathBuf, NewError> {
    let path = match what {
        What::Report { agency, year } => {
            let forms = crate::site::forms_of(root).map_err(|e| NewError::Site(Box::new(e)))?;
            new_report(root, &forms, agency, *year)?
        }
        What::Agency { slug, name, kind } => new_agency(root, slug, name, kind)?,
    };
    let _ = writeln!(out, "{}", crate::t!("new-created", path = &path));
    Ok(path)
}
