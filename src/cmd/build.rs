//! `gongkai build`: check, decide which reports are published, then render
//! and swap the new output in.
//!
//! A report with an error is withheld and the rest publish (exit 3); a
//! withheld report that was published before keeps its last published
//! version. With `--strict`, any error publishes nothing (exit 1), as before.

use crate::memo::Memos;
use crate::publish::cache::{Cache, Key};
use crate::publish::{LostWhy, Previous, Publication, Reason, Selection};
use crate::render::RenderError;
use crate::render::pages::{BuildError, Stats};
use crate::render::templates::Templates;
use crate::site::{Site, SiteError};
use crate::texts::Texts;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;
use thiserror::Error;

/// Why a build did not produce output.
#[derive(Debug, Error)]
pub enum BuildCmdError {
    /// The content has errors and the build is strict: nothing was written.
    #[error("{}", crate::t!("cli-build-err-content", errors = errors))]
    Content {
        /// How many errors.
        errors: usize,
    },
    /// Errors that concern the whole site (not one report): nothing was written.
    #[error("{}", crate::t!("cli-build-err-content", errors = errors))]
    Site {
        /// How many errors.
        errors: usize,
    },
    /// A report online could be neither published nor kept, or every report
    /// is withheld: nothing was written.
    #[error("{}", crate::t!("cli-build-untouched"))]
    Refused(Box<Selection>),
    /// Rendering or writing failed: the previous output was left untouched.
    #[error("{source}\n{}", crate::t!("cli-build-untouched"))]
    Build {
        /// What failed.
        #[from]
        source: BuildError,
    },
}

impl From<crate::write::WriteError> for BuildCmdError {
    fn from(e: crate::write::WriteError) -> BuildCmdError {
        BuildCmdError::Build { source: BuildError::Write(e) }
    }
}

/// Why `gongkai build` could not run at all (exit code 2).
#[derive(Debug, Error)]
pub enum RunError {
    /// The site cannot be loaded (site.toml, a form).
    #[error(transparent)]
    Site(#[from] SiteError),
    /// The output could not be written, or is refused.
    #[error("{source}\n{}", crate::t!("cli-build-untouched"))]
    Output {
        /// What failed.
        source: BuildError,
    },
    /// The terminal could not be written. The cause is said in the message.
    #[error("{}", crate::t!("cli-err-terminal", reason = crate::os::reason(cause)))]
    Terminal {
        /// The cause.
        cause: std::io::Error,
    },
}

impl From<std::io::Error> for RunError {
    fn from(cause: std::io::Error) -> RunError {
        RunError::Terminal { cause }
    }
}

/// Options of `gongkai build`.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Output folder (default `public/` in the site).
    pub output: Option<PathBuf>,
    /// The site's absolute URL, instead of `base_url` in site.toml.
    pub base_url: Option<String>,
    /// Any error publishes nothing (the behaviour before reports were withheld one by one).
    pub strict: bool,
    /// Publish drafts too, marked 草稿.
    pub drafts: bool,
    /// Build in full even when the build cache says nothing changed.
    pub no_cache: bool,
}

/// How a build ended, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every report was published (exit 0).
    Published(Stats),
    /// Published, but some reports were withheld (exit 3).
    Withheld(Stats),
    /// Errors in the content or a template: nothing was published (exit 1).
    NotPublished,
}

impl Outcome {
    /// The exit code: 0 all published, 3 some withheld, 1 nothing published.
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Published(_) => 0,
            Outcome::Withheld(_) => 3,
            Outcome::NotPublished => 1,
        }
    }
}

/// What a build published.
#[derive(Debug)]
pub struct Built {
    /// Pages, reports and unchanged files.
    pub stats: Stats,
    /// What was published, withheld and kept.
    pub selection: Selection,
}

/// Runs `gongkai build`: loads and checks the site at `root`, prints the
/// findings, publishes what may be published into the output (default
/// `public/`), and says what was withheld.
pub fn run(root: &Path, opts: &Options, out: &mut dyn Write) -> Result<Outcome, RunError> {
    let started = Instant::now();
    let output = opts.output.clone().unwrap_or_else(|| root.join(crate::layout::OUTPUT));
    let cache = cache_of(root, &output, opts);
    if let Some(record) = cache.as_ref().and_then(Cache::hit) {
        write!(out, "{}", record.text)?;
        let ms = started.elapsed().as_millis();
        let line = crate::t!(
            "cli-build-up-to-date",
            pages = record.pages,
            reports = record.reports,
            output = &output,
            ms = ms
        );
        writeln!(out, "{line}")?;
        let stats = Stats { pages: record.pages, reports: record.reports, unchanged: record.pages };
        return Ok(if record.all_published { Outcome::Published(stats) } else { Outcome::Withheld(stats) });
    }
    if let Some(cache) = &cache {
        cache.forget();
    }
    let mut said = Tee { out, kept: Vec::new() };
    let outcome = run_in_full(root, &output, opts, &mut said, started)?;
    if let (Some(cache), Outcome::Published(stats) | Outcome::Withheld(stats)) = (&cache, outcome) {
        let text = String::from_utf8_lossy(&said.kept);
        // The last line (pages, time) is said anew on a hit.
        let body = text.trim_end_matches('\n').rsplit_once('\n').map_or("", |(before, _)| before);
        let text = if body.is_empty() { String::new() } else { format!("{body}\n") };
        cache.store(text, matches!(outcome, Outcome::Published(_)), stats.pages, stats.reports);
    }
    Ok(outcome)
}

/// The build cache of this build, unless `--no-cache` or a benchmark's
/// timing (`GONGKAI_BENCH_SEARCH`, printed by the build) asks for a full build.
fn cache_of(root: &Path, output: &Path, opts: &Options) -> Option<Cache> {
    if opts.no_cache || std::env::var_os("GONGKAI_BENCH_SEARCH").is_some() {
        return None;
    }
    let output_text = output.to_string_lossy();
    let flags = [
        output_text.as_ref(),
        opts.base_url.as_deref().unwrap_or("\0"),
        bool_text(opts.strict),
        bool_text(opts.drafts),
    ];
    Some(Cache::open(root, output, Key::new(&flags)?))
}

/// `"1"` or `"0"`.
fn bool_text(b: bool) -> &'static str {
    if b { "1" } else { "0" }
}

/// A writer that passes everything on and keeps a copy, up to the build's
/// last line, for the cache to say again.
struct Tee<'o> {
    /// Where the build's report goes.
    out: &'o mut dyn Write,
    /// What was written.
    kept: Vec<u8>,
}

impl Write for Tee<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(buf)?;
        self.kept.extend_from_slice(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// A build without the cache: load, check, publish, say what happened.
/// Everything before the last line is also kept in `said`.
fn run_in_full(
    root: &Path,
    output: &Path,
    opts: &Options,
    said: &mut Tee<'_>,
    started: Instant,
) -> Result<Outcome, RunError> {
    let out: &mut dyn Write = said;
    // The output is locked before the site is read: the texts read are kept
    // beside it, in what becomes the copy of the published sources, so each
    // report file is read once (see `crate::texts`).
    let output_error = |e: crate::write::WriteError| RunError::Output { source: e.into() };
    crate::write::guard_output(root, &sources(root), output).map_err(output_error)?;
    let publication = Publication::beside(output).map_err(output_error)?;
    let texts = match publication.texts_dir() {
        Some(dir) => Texts::kept(root, &dir, publication.prior().sources()).map_err(output_error)?,
        None => Texts::Reread,
    };
    let memos = if opts.no_cache { Memos::Ignore } else { Memos::Use };
    let mut site = Site::load_with(root, texts, memos)?;
    if let Some(e) = site.texts.failure() {
        return Err(output_error(e));
    }
    if let Some(url) = &opts.base_url {
        if let Some(problem) = crate::config::base_url_problem(url) {
            return Err(RunError::Site(SiteError::Config(crate::config::ConfigError::BaseUrl(problem))));
        }
        site.config.base_url = url.clone();
    }
    let tally = super::check::report(&site, super::check::Format::Human, out)?;
    let result = if opts.strict && tally.errors > 0 {
        Err(BuildCmdError::Content { errors: tally.errors })
    } else {
        build_into(&site, publication, opts.drafts)
    };
    match result {
        Ok(built) => {
            print_new_findings(&site, &built.selection, out)?;
            write!(out, "{}", summary(&site, &built.selection))?;
            let stats = built.stats;
            let line = crate::t!(
                "cli-build-done",
                pages = stats.pages,
                reports = stats.reports,
                output = output,
                ms = started.elapsed().as_millis(),
                unchanged = stats.unchanged
            );
            writeln!(out, "{line}")?;
            let all = built.selection.withheld.is_empty() && built.selection.withheld_documents.is_empty();
            Ok(if all { Outcome::Published(stats) } else { Outcome::Withheld(stats) })
        }
        Err(BuildCmdError::Content { .. }) => {
            let refused = crate::t!("cli-build-refused", errors = tally.errors, output = output);
            writeln!(out, "{}", crate::t!("cli-error", message = refused))?;
            Ok(Outcome::NotPublished)
        }
        Err(BuildCmdError::Site { errors }) => {
            let refused = crate::t!("cli-build-site-errors", errors = errors, output = output);
            writeln!(out, "{}", crate::t!("cli-error", message = refused))?;
            Ok(Outcome::NotPublished)
        }
        Err(BuildCmdError::Refused(selection)) => {
            print_new_findings(&site, &selection, out)?;
            writeln!(out, "{}", crate::t!("cli-error", message = refusal(&site, &selection, output)))?;
            Ok(Outcome::NotPublished)
        }
        Err(BuildCmdError::Build { source: BuildError::Render(e) }) => {
            // A template error is an error in the site, like a content error.
            writeln!(out, "{}", crate::t!("cli-error", message = e.to_string()))?;
            writeln!(out, "{}", crate::t!("cli-build-nothing-built", output = output))?;
            Ok(Outcome::NotPublished)
        }
        Err(BuildCmdError::Build { source }) => Err(RunError::Output { source }),
    }
}

/// The site-relative path of `file`, for the summary.
fn shown(site: &Site, file: &Path) -> String {
    file.strip_prefix(&site.root).unwrap_or(file).display().to_string()
}

/// Why a report is withheld, in a few words.
pub fn reason_text(reason: Reason) -> String {
    match reason {
        Reason::Errors(0) => crate::t!("cli-build-reason-unread"),
        Reason::Errors(n) => crate::t!("cli-build-reason-errors", errors = n),
        Reason::Agency(n) => crate::t!("cli-build-reason-agency", errors = n),
        Reason::Undescribed => crate::t!("cli-build-reason-undescribed"),
        Reason::Neighbour(n) => crate::t!("cli-build-reason-neighbour", errors = n),
    }
}

/// What stays online in place of a report that is not published.
pub fn previous_text(previous: Previous) -> String {
    match previous {
        Previous::Nothing => crate::t!("cli-build-previous-none"),
        Previous::Kept(Some(date)) => crate::t!("cli-build-previous-kept-date", date = date.to_string()),
        Previous::Kept(None) => crate::t!("cli-build-previous-kept"),
    }
}

/// The block naming every withheld report and every draft left out, and
/// why, in one glance (empty when every report was published).
pub fn summary(site: &Site, selection: &Selection) -> String {
    let mut text = String::new();
    if !selection.withheld.is_empty() {
        text.push_str(&crate::t!("cli-build-withheld-head", count = selection.withheld.len()));
        text.push('\n');
        for w in &selection.withheld {
            let line = crate::t!(
                "cli-build-withheld-line",
                file = shown(site, &w.file),
                reason = reason_text(w.reason),
                previous = previous_text(w.previous)
            );
            text.push_str(&format!("  {line}\n"));
        }
    }
    if !selection.withheld_documents.is_empty() {
        text.push_str(&crate::t!("cli-build-withheld-documents-head", count = selection.withheld_documents.len()));
        text.push('\n');
        for w in &selection.withheld_documents {
            let line =
                crate::t!("cli-build-withheld-document", file = shown(site, &w.file), reason = reason_text(w.reason));
            text.push_str(&format!("  {line}\n"));
        }
    }
    if !selection.drafts.is_empty() {
        text.push_str(&crate::t!("cli-build-drafts-head", count = selection.drafts.len()));
        text.push('\n');
        for d in &selection.drafts {
            let line =
                crate::t!("cli-build-draft-line", file = shown(site, &d.file), previous = previous_text(d.previous));
            text.push_str(&format!("  {line}\n"));
        }
    }
    text
}

/// Why nothing was published although only reports have errors.
fn refusal(site: &Site, selection: &Selection, output: &Path) -> String {
    if selection.lost.is_empty() {
        return crate::t!("cli-build-all-withheld", count = selection.withheld.len(), output = output);
    }
    let mut lines: Vec<String> = selection
        .lost
        .iter()
        .map(|l| match l.why {
            LostWhy::Unrecorded => crate::t!("cli-build-lost-unrecorded", file = shown(site, &l.file)),
            LostWhy::Failing(n) => crate::t!("cli-build-lost-failing", file = shown(site, &l.file), errors = n),
        })
        .collect();
    lines.push(crate::t!("cli-build-lost-end", output = output));
    lines.join("\n")
}

/// Prints the errors found when checking the published reports across
/// years against the versions kept online (none in most builds).
fn print_new_findings(site: &Site, selection: &Selection, out: &mut dyn Write) -> std::io::Result<()> {
    if selection.diags.is_empty() {
        return Ok(());
    }
    writeln!(out, "{}", crate::t!("cli-build-kept-findings"))?;
    let snippets = crate::load::Snippets::for_diagnostics(&selection.diags, &site.texts);
    for d in &selection.diags {
        writeln!(out, "{}", crate::diag::render_human(d, &site.root, &snippets))?;
    }
    Ok(())
}

/// The site's source folders, which no output may replace or live in.
fn sources(root: &Path) -> Vec<PathBuf> {
    let mut sources = crate::layout::sources(root);
    // This repository is also the tool: its own sources are never an output.
    sources.push(root.join("src"));
    sources
}

/// Builds `site` into `output` as `--strict` does: any error publishes
/// nothing. The site must already be loaded and checked.
pub fn build(site: &Site, output: &Path) -> Result<Stats, BuildCmdError> {
    let tally = site.tally();
    if tally.errors > 0 {
        return Err(BuildCmdError::Content { errors: tally.errors });
    }
    Ok(build_with(site, output, false)?.stats)
}

/// Builds `site` into `output`, withholding each report with an error and
/// keeping in its place the version last published; `drafts` publishes
/// drafts too. Errors that concern the whole site publish nothing.
pub fn build_with(site: &Site, output: &Path, drafts: bool) -> Result<Built, BuildCmdError> {
    crate::write::guard_output(&site.root, &sources(&site.root), output)?;
    build_into(site, Publication::beside(output)?, drafts)
}

/// [`build_with`] into the locked output of `publication`. `gongkai build`
/// locks the output first and loads the site keeping its texts in the
/// publication's [`Publication::texts_dir`], so each file is read once.
pub fn build_into(site: &Site, publication: Publication, drafts: bool) -> Result<Built, BuildCmdError> {
    let plan = crate::publish::plan(site, drafts);
    if plan.site_errors > 0 {
        return Err(BuildCmdError::Site { errors: plan.site_errors });
    }
    let templates = Templates::load(&site.root, &site.config.theme).map_err(|e: RenderError| BuildError::from(e))?;
    let selection = crate::publish::select(site, &plan, publication.prior(), drafts);
    if selection.refused(site) {
        return Err(BuildCmdError::Refused(Box::new(selection)));
    }
    let stats = publication.finish(site, selection.published(site), &templates)?;
    Ok(Built { stats, selection })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::{WriteError, guard_output};

    fn refused(root: &Path, output: &Path) -> bool {
        matches!(guard_output(root, &sources(root), output), Err(WriteError::UnsafeOutput { .. }))
    }

    #[test]
    fn output_may_not_swallow_the_site() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        for d in ["content/reports", "public", "themes"] {
            std::fs::create_dir_all(root.join(d)).unwrap();
        }
        std::fs::write(root.join("content/reports/a.md"), "x").unwrap();
        assert!(refused(&root, &root));
        assert!(refused(&root, tmp.path()));
        assert!(refused(&root, &root.join("content/out")));
        assert!(refused(&root, &root.join("public/../content")));
        assert!(refused(&root, &root.join("public/x/../../content")));
        assert!(!refused(&root, &root.join("public")));
        assert!(!refused(&root, &tmp.path().join("elsewhere/new")));
        // A symlink that leads into the sources is seen through.
        std::os::unix::fs::symlink(root.join("content"), tmp.path().join("link")).unwrap();
        assert!(refused(&root, &tmp.path().join("link")));
        // An unrelated folder with files is never wiped; an earlier output is replaced.
        let docs = tmp.path().join("docs");
        std::fs::create_dir(&docs).unwrap();
        std::fs::write(docs.join("工作总结.docx"), "x").unwrap();
        assert!(refused(&root, &docs));
        std::fs::write(docs.join(crate::write::MARKER), "").unwrap();
        assert!(!refused(&root, &docs));
    }
}
