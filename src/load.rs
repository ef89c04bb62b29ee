//! Loading: finding the site's content files and parsing them in parallel.
//!
//! Layout: `content/reports/<agency>/agency.yaml` describes an agency once,
//! and `content/reports/<agency>/<year>.md` are its reports. Editors' backup
//! and swap files are ignored; anything else out of place is reported, never
//! silently skipped, so a webmaster never wonders why a report is missing.
//!
//! Files are read only from inside the site ([`SiteDir`]): a symbolic link
//! that leaves the site, leads nowhere or loops is refused with `IN-LINK` at
//! the link, and nothing of its target is read or shown.

use crate::diag::{Diagnostic, Pos, SourceLines};
use crate::form::Forms;
use crate::memo::Memo;
use crate::model::{Agency, Loaded, Report};
use crate::parse;
use crate::source::{self, DecodeError, Found, Kind, LineIndex, ReadError, SiteDir};
use crate::texts::Texts;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use crate::layout::{AGENCY_FILE, is_ignored, is_slug};

mod documents;

/// Everything loaded from `content/`.
#[derive(Debug, Default)]
pub struct Content {
    /// Agencies by slug.
    pub agencies: BTreeMap<String, Agency>,
    /// Reports that parsed, sorted by agency then year.
    pub reports: Vec<Report>,
    /// Problems found while loading and parsing.
    pub diags: Vec<Diagnostic>,
    /// Report files seen per agency folder (parsed or not).
    pub files_by_agency: HashMap<String, Vec<Arc<PathBuf>>>,
    /// Plain pages, in menu order.
    pub pages: Vec<crate::model::Page>,
    /// The documents of the catalogue (`content/documents`), sorted by id.
    pub documents: Vec<crate::model::Document>,
    /// Every document file found (parsed or not), in path order.
    pub document_files: Vec<Arc<PathBuf>>,
}

impl Content {
    /// Number of report files seen (parsed or not).
    pub fn report_files(&self) -> usize {
        self.files_by_agency.values().map(Vec::len).sum()
    }
}

/// The finding for a path that was not read: `IN-LINK` at the link for a
/// refused symbolic link, `IN-IO` otherwise. A refused link's diagnostic has
/// no snippet, so that no line of its target is ever printed.
pub fn refusal(files: &SiteDir, path: &Path, why: ReadError) -> Diagnostic {
    if why.is_link() {
        let link = Arc::new(files.link_of(path));
        let name = link.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let help = match why {
            ReadError::Outside => crate::t!("in-link-outside-help"),
            ReadError::Loop => crate::t!("in-link-loop-help"),
            _ => crate::t!("in-link-help"),
        };
        let message = crate::t!("in-link", name = name, why = why.describe());
        return Diagnostic::error("IN-LINK", &link, Pos::new(1, 1, 0), message).with_help(help).without_snippet();
    }
    let file = Arc::new(path.to_path_buf());
    let missing = matches!(&why, ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound);
    let d = Diagnostic::error("IN-IO", &file, Pos::default(), crate::t!("in-io", why = why.to_string()));
    if missing { d.with_help(crate::t!("in-io-missing-help")) } else { d }
}

/// Reads (from inside the site only) and decodes a file, turning failures
/// into a diagnostic.
pub fn read_text(files: &SiteDir, path: &Arc<PathBuf>) -> Result<String, Box<Diagnostic>> {
    let bytes = files.read(path).map_err(|why| Box::new(refusal(files, path, why)))?;
    source::decode(&bytes).map_err(|e| Box::new(undecodable(path, e)))
}

/// The finding for a file that is not UTF-8 text: what it is, and how to
/// save it as UTF-8 (with the `iconv` command for the file, by its name).
fn undecodable(path: &Arc<PathBuf>, e: DecodeError) -> Diagnostic {
    let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    match e {
        DecodeError::Empty => Diagnostic::error("IN-EMPTY", path, Pos::default(), crate::t!("in-empty-file"))
            .with_help(crate::t!("in-empty-file-help")),
        DecodeError::Binary => Diagnostic::error("IN-BINARY", path, Pos::default(), crate::t!("in-binary"))
            .with_help(crate::t!("in-binary-help")),
        DecodeError::Utf16 => Diagnostic::error("IN-ENCODING", path, Pos::new(1, 1, 1), crate::t!("in-utf16"))
            .with_help(crate::t!("in-utf16-help", file = file)),
        DecodeError::Gbk { pos } => Diagnostic::error("IN-ENCODING", path, pos, crate::t!("in-gbk"))
            .with_label(crate::t!("in-gbk-label"))
            .with_help(crate::t!("in-gbk-help", file = file)),
        DecodeError::Invalid { pos, byte } => {
            Diagnostic::error("IN-ENCODING", path, pos, crate::t!("in-invalid-utf8", byte = format!("{byte:02X}")))
                .with_help(crate::t!("in-invalid-utf8-help"))
        }
    }
}

/// What one file in `content/reports` is.
enum Entry {
    Agency(String, Arc<PathBuf>),
    Report(String, Arc<PathBuf>),
}

/// A file or folder of a content folder: its path, name, depth and kind.
struct Placed {
    path: Arc<PathBuf>,
    name: String,
    depth: usize,
    kind: Kind,
}

/// Every file and folder under the content folder `dir` (editors' files
/// left out); one that cannot be read (a refused link…) is a finding in
/// `diags` instead. The walk of both `content/reports` and `content/documents`.
fn placed_under(files: &SiteDir, dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<Placed> {
    let mut out = Vec::new();
    for Found { path, depth, what } in files.walk(dir, usize::MAX, &is_ignored) {
        match what {
            Ok(kind) => {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                out.push(Placed { path: Arc::new(path), name, depth, kind });
            }
            Err(why) => diags.push(refusal(files, &path, why)),
        }
    }
    out
}

/// Finds the files under `content/reports`, reporting misplaced ones and
/// refused links.
fn discover(files: &SiteDir, reports_dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<Entry> {
    let mut out = Vec::new();
    for Placed { path, name, depth, kind } in placed_under(files, reports_dir, diags) {
        if matches!(kind, Kind::Dir) {
            if depth == 1 && !is_slug(&name) {
                diags.push(
                    Diagnostic::error("IN-PATH", &path, Pos::default(), crate::t!("in-agency-slug", name = name))
                        .with_help(crate::t!("in-agency-slug-help")),
                );
            }
            continue;
        }
        let agency =
            path.parent().and_then(Path::file_name).map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if depth != 2 {
            if name.ends_with(".md") {
                diags.push(Diagnostic::error("IN-PATH", &path, Pos::default(), crate::t!("in-report-outside")));
            }
            continue;
        }
        if !is_slug(&agency) {
            continue;
        }
        if name == AGENCY_FILE {
            out.push(Entry::Agency(agency, path));
        } else if name.ends_with(".md") {
            out.push(Entry::Report(agency, path));
        }
    }
    out
}

/// Parsed result of one file.
enum LoadedFile {
    Agency(Option<Agency>, Vec<Diagnostic>),
    Report(Option<Report>, Vec<Diagnostic>),
}

/// A step run on each report right after parsing, in the parallel pass
/// (the checker's narrative checks, which then free the narrative).
pub type AfterParse<'a> = &'a (dyn Fn(&mut Loaded<'_>) -> Vec<Diagnostic> + Sync);

/// Parses one report file, runs `after` on it, and checks its file name;
/// or recalls what that gave from `memo`, where the text is the same (the
/// memo is of [`crate::check::check_text`], which `after` must be when the
/// memo is on). The attachments are read either way.
fn load_report(
    files: &SiteDir,
    path: &Arc<PathBuf>,
    agency: &str,
    forms: &Forms,
    after: AfterParse<'_>,
    texts: &Texts,
    memo: &Memo,
) -> (Option<Report>, Vec<Diagnostic>) {
    let text = match read_text(files, path) {
        Ok(text) => text,
        Err(d) => {
            texts.forget(path);
            return (None, vec![*d]);
        }
    };
    texts.keep(path, &text);
    let text_hash = crate::model::fnv::fnv1a(text.as_bytes());
    let key = memo.key(path, &text, text_hash);
    let (report, mut diags) = match key.and_then(|key| memo.recall(key, path, forms)) {
        Some(recalled) => recalled,
        None => {
            let mut diags = Vec::new();
            let report = parse::parse_report(path, &text, agency, forms, &mut diags).map(|mut loaded| {
                check_file_name(&loaded.report, &mut diags);
                diags.extend(after(&mut loaded));
                loaded.report
            });
            if let Some(key) = key {
                memo.remember(key, path, report.as_ref(), &diags);
            }
            (report, diags)
        }
    };
    let report = report.and_then(|mut report| {
        // Attachments are read from inside the site now: one missing or linked from outside is an error.
        if !parse::attachments::resolve_attachments(files, path, &mut report.attachments, &mut diags) {
            return None;
        }
        report.source_hash = crate::model::source_hash_of(text_hash, &report.attachments);
        Some(report)
    });
    (report, diags)
}

/// Reads and parses one report file of the site, or site-like folder, at
/// `root` (from inside it only), and runs `after` on it: a report kept as
/// it was last published is read this way, exactly as a report of the site.
pub fn load_one_report(
    root: &Path,
    path: &Arc<PathBuf>,
    agency: &str,
    forms: &Forms,
    after: AfterParse<'_>,
) -> (Option<Report>, Vec<Diagnostic>) {
    match SiteDir::new(root) {
        Ok(files) => load_report(&files, path, agency, forms, after, &Texts::Reread, &Memo::Off),
        Err(e) => (None, vec![refusal_of_root(root, e)]),
    }
}

/// Reads and parses one agency file of the site, or site-like folder, at `root`.
pub fn load_one_agency(root: &Path, path: &Arc<PathBuf>, slug: &str) -> (Option<Agency>, Vec<Diagnostic>) {
    let files = match SiteDir::new(root) {
        Ok(files) => files,
        Err(e) => return (None, vec![refusal_of_root(root, e)]),
    };
    let mut diags = Vec::new();
    let agency = match read_text(&files, path) {
        Ok(text) => parse::parse_agency(path, &text, slug, &mut diags),
        Err(d) => {
            diags.push(*d);
            None
        }
    };
    (agency, diags)
}

/// Loads and parses every agency and report under `<root>/content/reports`,
/// and the plain pages; the text of each agency and report file is kept in
/// `texts` as it is read, and what a report gave is recalled from and kept in `memo`.
pub fn load(root: &Path, forms: &Forms, after: AfterParse<'_>, texts: &Texts, memo: &Memo) -> Content {
    let mut content = Content::default();
    let files = match SiteDir::new(root) {
        Ok(files) => files,
        Err(e) => {
            content.diags.push(refusal_of_root(root, e));
            return content;
        }
    };
    let reports_dir = crate::layout::reports(root);
    let entries = discover(&files, &reports_dir, &mut content.diags);
    for e in &entries {
        if let Entry::Report(agency, path) = e {
            content.files_by_agency.entry(agency.clone()).or_default().push(Arc::clone(path));
        }
    }
    crate::progress::add_work(entries.len()); // progress: files to check
    let loaded: Vec<LoadedFile> = entries
        .into_par_iter()
        .inspect(|_| crate::progress::done(1))
        .map(|entry| match entry {
            Entry::Agency(slug, path) => {
                let mut diags = Vec::new();
                let agency = match read_text(&files, &path) {
                    Ok(text) => {
                        texts.keep(&path, &text);
                        parse::parse_agency(&path, &text, &slug, &mut diags)
                    }
                    Err(d) => {
                        texts.forget(&path);
                        diags.push(*d);
                        None
                    }
                };
                LoadedFile::Agency(agency, diags)
            }
            Entry::Report(agency, path) => {
                let (report, diags) = load_report(&files, &path, &agency, forms, after, texts, memo);
                LoadedFile::Report(report, diags)
            }
        })
        .collect();
    let mut agency_dirs_with_files = Vec::new();
    for l in loaded {
        match l {
            LoadedFile::Agency(a, d) => {
                content.diags.extend(d);
                if let Some(a) = a {
                    content.agencies.insert(a.slug.clone(), a);
                }
            }
            LoadedFile::Report(r, d) => {
                content.diags.extend(d);
                if let Some(r) = r {
                    content.reports.push(r);
                }
            }
        }
    }
    // Reports of undescribed agencies cannot be published: they have no name.
    content.reports.retain(|r| {
        if content.agencies.contains_key(&r.agency) {
            return true;
        }
        if !agency_dirs_with_files.contains(&r.agency) {
            agency_dirs_with_files.push(r.agency.clone());
            let dir = Arc::new(reports_dir.join(&r.agency).join(AGENCY_FILE));
            if !dir.exists() {
                let message = crate::t!("in-agency-undescribed", agency = &r.agency, file = &*dir);
                content.diags.push(
                    Diagnostic::error("IN-AGENCY", &r.file, Pos::default(), message)
                        .with_help(crate::t!("in-agency-undescribed-help", agency = &r.agency)),
                );
            }
        }
        false
    });
    for a in content.agencies.values() {
        if let Some(p) = &a.parent
            && !content.agencies.contains_key(p)
        {
            let d = Diagnostic::error("IN-AGENCY", &a.file, a.parent_pos, crate::t!("in-parent-missing", parent = p));
            content.diags.push(d.with_help(crate::t!("in-parent-missing-help")));
        }
    }
    content.reports.sort_by(|a, b| (&a.agency, a.year).cmp(&(&b.agency, b.year)));
    duplicates(&mut content.reports, &mut content.diags);
    pages_in(&files, &crate::layout::pages(root), &mut content);
    documents::load(&files, &crate::layout::documents(root), &mut content);
    content
}

/// The finding for a site folder that cannot be resolved at all.
fn refusal_of_root(root: &Path, e: std::io::Error) -> Diagnostic {
    let why = crate::os::reason(&e);
    Diagnostic::error(
        "IN-IO",
        &Arc::new(root.to_path_buf()),
        Pos::default(),
        crate::t!("in-site-unreadable", why = why),
    )
}

/// Loads `content/pages/*.md`; `dir` is `<root>/content/pages`, which tells
/// the site folder the pages must stay inside.
pub fn load_pages(dir: &Path, content: &mut Content) {
    let root = dir.parent().and_then(Path::parent).unwrap_or(dir);
    match SiteDir::new(root) {
        Ok(files) => pages_in(&files, dir, content),
        Err(e) => content.diags.push(refusal_of_root(root, e)),
    }
}

/// Loads the pages of folder `dir` of the site `files`.
fn pages_in(files: &SiteDir, dir: &Path, content: &mut Content) {
    for Found { path, what, .. } in files.walk(dir, 1, &is_ignored) {
        match what {
            Ok(Kind::File) => {}
            Ok(Kind::Dir) => continue,
            Err(why) => {
                content.diags.push(refusal(files, &path, why));
                continue;
            }
        }
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if !name.ends_with(".md") {
            continue;
        }
        let path = Arc::new(path);
        let slug = name.trim_end_matches(".md");
        if !is_slug(slug) {
            content.diags.push(
                Diagnostic::error("IN-PATH", &path, Pos::default(), crate::t!("in-page-slug", name = name))
                    .with_help(crate::t!("in-page-slug-help")),
            );
            continue;
        }
        match read_text(files, &path) {
            Ok(text) => {
                if let Some(p) = parse::parse_page(&path, &text, slug, &mut content.diags) {
                    content.pages.push(p);
                }
            }
            Err(d) => content.diags.push(*d),
        }
    }
    content.pages.sort_by(|a, b| (a.order, &a.title).cmp(&(b.order, &b.title)));
}

/// Re-reads the reports of one described agency (the preview's incremental
/// path), keeping their texts in `texts`: its reports sorted by year, their
/// diagnostics, and the report files found.
pub fn load_agency_reports(
    root: &Path,
    forms: &Forms,
    slug: &str,
    after: AfterParse<'_>,
    texts: &Texts,
) -> (Vec<Report>, Vec<Diagnostic>, Vec<Arc<PathBuf>>) {
    let dir = crate::layout::agency_dir(root, slug);
    let mut reports = Vec::new();
    let mut diags = Vec::new();
    let files = match SiteDir::new(root) {
        Ok(files) => files,
        Err(e) => return (reports, vec![refusal_of_root(root, e)], Vec::new()),
    };
    let mut paths = Vec::new();
    for Found { path, what, .. } in files.walk(&dir, 1, &is_ignored) {
        match what {
            Ok(Kind::File) if path.file_name().is_some_and(|n| n.to_string_lossy().ends_with(".md")) => {
                paths.push(path)
            }
            Ok(_) => {}
            Err(why) => diags.push(refusal(&files, &path, why)),
        }
    }
    let paths: Vec<Arc<PathBuf>> = paths.into_iter().map(Arc::new).collect();
    for path in &paths {
        let (report, d) = load_report(&files, path, slug, forms, after, texts, &Memo::Off);
        diags.extend(d);
        reports.extend(report);
    }
    reports.sort_by_key(|r| r.year);
    duplicates(&mut reports, &mut diags);
    (reports, diags, paths)
}

/// A file named like a year must hold that year's report.
fn check_file_name(r: &Report, diags: &mut Vec<Diagnostic>) {
    let stem = r.file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    if stem.len() == 4 && stem.bytes().all(|b| b.is_ascii_digit()) && stem != r.year.to_string() {
        diags.push(
            Diagnostic::error(
                "IN-PATH",
                &r.file,
                r.year_pos,
                crate::t!("in-year-vs-name", stem = stem, year = r.year.to_string()),
            )
            .with_label(crate::t!("in-year-vs-name-label"))
            .with_help(crate::t!("in-year-vs-name-help")),
        );
    }
}

/// Two reports of one agency for one year: both are refused.
fn duplicates(reports: &mut Vec<Report>, diags: &mut Vec<Diagnostic>) {
    let mut by_key: HashMap<(String, i32), Vec<usize>> = HashMap::new();
    for (i, r) in reports.iter().enumerate() {
        by_key.entry((r.agency.clone(), r.year)).or_default().push(i);
    }
    let mut drop = Vec::new();
    for ((agency, year), idx) in by_key.into_iter().filter(|(_, v)| v.len() > 1) {
        let first = &reports[idx[0]];
        for &i in &idx[1..] {
            let r = &reports[i];
            diags.push(
                Diagnostic::error(
                    "IN-DUP",
                    &r.file,
                    r.year_pos,
                    crate::t!("in-dup", agency = &agency, year = year.to_string()),
                )
                .with_label(crate::t!("in-dup-label"))
                .with_related(&first.file, first.year_pos, crate::t!("in-dup-related"))
                .with_help(crate::t!("in-dup-help")),
            );
        }
        drop.extend(idx);
    }
    drop.sort_unstable();
    for i in drop.into_iter().rev() {
        reports.remove(i);
    }
}

/// File texts for the snippets of a set of diagnostics, read once.
#[derive(Debug, Default)]
pub struct Snippets {
    files: HashMap<PathBuf, (String, LineIndex)>,
}

impl Snippets {
    /// Reads every content file the diagnostics point into: its text as it
    /// was checked when `texts` keeps it, otherwise the file, from inside its
    /// site only (the folder above `content/`), so a file swapped for a link
    /// after the check cannot be shown. A file named by a diagnostic without
    /// snippet (a refused link) is never read, nor is a file outside `content/`.
    pub fn for_diagnostics(diags: &[Diagnostic], texts: &Texts) -> Snippets {
        let unread: std::collections::HashSet<&Path> =
            diags.iter().filter(|d| !d.snippet).map(|d| d.file.as_path()).collect();
        let mut sites: HashMap<&Path, Option<SiteDir>> = HashMap::new();
        let mut files = HashMap::new();
        let paths = diags.iter().flat_map(|d| std::iter::once(&d.file).chain(d.related.iter().map(|r| &r.file)));
        for path in paths {
            if files.contains_key(path.as_path()) || unread.contains(path.as_path()) {
                continue;
            }
            if let Some(text) = texts.kept_text(path) {
                let index = LineIndex::new(&text);
                files.insert(path.to_path_buf(), (text, index));
                continue;
            }
            let Some(root) = crate::layout::site_of(path) else { continue };
            let Some(site) = sites.entry(root).or_insert_with(|| SiteDir::new(root).ok()) else { continue };
            if let Ok(text) = site.read(path).map_err(|_| ()).and_then(|b| source::decode(&b).map_err(|_| ())) {
                let index = LineIndex::new(&text);
                files.insert(path.to_path_buf(), (text, index));
            }
        }
        Snippets { files }
    }
}

/// The refused links under `dir` (a theme, `templates/`, `forms/`), as
/// `IN-LINK` findings, so that `check` reports them before a build needs them.
pub fn link_findings(files: &SiteDir, dir: &Path) -> Vec<Diagnostic> {
    files
        .walk(dir, usize::MAX, &is_ignored)
        .into_iter()
        .filter_map(|f| f.what.err().filter(ReadError::is_link).map(|why| refusal(files, &f.path, why)))
        .collect()
}

impl SourceLines for Snippets {
    fn line(&self, file: &Path, line: u32) -> Option<&str> {
        let (text, index) = self.files.get(file)?;
        index.line(text, line)
    }
}
