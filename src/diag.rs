//! Diagnostics: what `check` says about a report, and how it is printed.
//!
//! A [`Diagnostic`] always points at a place in a file (1-based line, 1-based
//! character column, length in characters), so editors and people can jump to
//! it. Rendering follows rustc's layout because webmasters' tools (VS Code,
//! Vim quickfix) already understand `path:line:col`.
//!
//! Everything a report, a file name or a link can put into a diagnostic is
//! printed through [`visible`], so a report cannot move the cursor, clear the
//! screen or reverse text on the webmaster's terminal.

use serde::Serialize;
use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use unicode_width::UnicodeWidthStr;

/// How bad a finding is, least first: [`Severity::max`] of two findings is
/// the worse one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Information, never a failure, not even with `--deny-warnings`: a rule
    /// that does not hold in a report kept as published (`as_published:
    /// true`), whose figures are reproduced as the agency printed them.
    Notice,
    /// Suspicious but publishable; `--deny-warnings` turns these into failures.
    Warning,
    /// The report is wrong or unreadable and must not be published.
    Error,
}

impl Severity {
    /// The stable name of this severity, as `--format json` writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Notice => "notice",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// The word a person reads: 错误 / 警告 / 提示, or error / warning / notice.
    pub fn word(self) -> String {
        match self {
            Severity::Notice => crate::t!("diag-notice"),
            Severity::Warning => crate::t!("diag-warning"),
            Severity::Error => crate::t!("diag-error"),
        }
    }
}

/// A place in a file: 1-based line and character column, and a length in
/// characters on that line (0 means "the position itself").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, counted in characters (not bytes), as rustc does.
    pub col: u32,
    /// Length of the marked text in characters, at least 1 when printed.
    pub len: u32,
}

impl Pos {
    /// A position with an explicit length.
    pub fn new(line: u32, col: u32, len: u32) -> Pos {
        Pos { line, col, len }
    }
}

/// A secondary place that takes part in a finding (the other cells of a sum).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// File of the place; may differ from the diagnostic's (previous year's report).
    pub file: Arc<PathBuf>,
    /// Where in that file.
    pub pos: Pos,
    /// Short text printed under the marker, e.g. `二、上年结转 = 0`.
    pub text: String,
}

/// One finding of the checker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error, warning or notice.
    pub severity: Severity,
    /// Stable code, explained in the README (e.g. `T3-KJ`, `IN-YAML`). Rule
    /// codes come from form data, so this is not always a literal.
    pub code: Cow<'static, str>,
    /// Plain-language message naming tables, rows and columns by their labels.
    pub message: String,
    /// File the finding is about.
    pub file: Arc<PathBuf>,
    /// Primary place.
    pub pos: Pos,
    /// Text under the primary marker.
    pub label: String,
    /// Other places involved.
    pub related: Vec<Label>,
    /// Advice: how to fix it.
    pub help: Option<String>,
    /// Whether the file's lines may be shown under the message. False for a
    /// refused link: its target must never be read, let alone printed.
    pub snippet: bool,
}

impl Diagnostic {
    /// Starts an error at `pos` of `file`.
    pub fn error(
        code: impl Into<Cow<'static, str>>,
        file: &Arc<PathBuf>,
        pos: Pos,
        message: impl Into<String>,
    ) -> Self {
        Self::new(Severity::Error, code, file, pos, message)
    }

    /// Starts a warning at `pos` of `file`.
    pub fn warning(
        code: impl Into<Cow<'static, str>>,
        file: &Arc<PathBuf>,
        pos: Pos,
        message: impl Into<String>,
    ) -> Self {
        Self::new(Severity::Warning, code, file, pos, message)
    }

    /// Starts a diagnostic of any severity.
    pub fn new(
        severity: Severity,
        code: impl Into<Cow<'static, str>>,
        file: &Arc<PathBuf>,
        pos: Pos,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity,
            code: code.into(),
            message: message.into(),
            file: Arc::clone(file),
            pos,
            label: String::new(),
            related: Vec::new(),
            help: None,
            snippet: true,
        }
    }

    /// Sets the text under the primary marker.
    pub fn with_label(mut self, text: impl Into<String>) -> Self {
        self.label = text.into();
        self
    }

    /// Adds a secondary place.
    pub fn with_related(mut self, file: &Arc<PathBuf>, pos: Pos, text: impl Into<String>) -> Self {
        self.related.push(Label { file: Arc::clone(file), pos, text: text.into() });
        self
    }

    /// Sets the advice line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Shows no line of the file (see [`Diagnostic::snippet`]).
    pub fn without_snippet(mut self) -> Self {
        self.snippet = false;
        self
    }

    /// Sort key: file, then position, then code, so output is stable.
    pub fn sort_key(&self) -> (&Path, Pos, &str, &str) {
        (self.file.as_path(), self.pos, &self.code, &self.message)
    }
}

/// Path relative to `root` for display, falling back to the full path.
fn display_path(path: &Path, root: &Path) -> String {
    path.strip_prefix(root).unwrap_or(path).display().to_string()
}

/// The JSON form of a related place.
#[derive(Serialize)]
struct JsonRelated<'a> {
    file: String,
    line: u32,
    column: u32,
    message: &'a str,
}

/// The JSON form of a diagnostic: one object per line.
#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: String,
    line: u32,
    column: u32,
    end_column: u32,
    severity: Severity,
    code: &'a str,
    message: &'a str,
    label: &'a str,
    help: Option<&'a str>,
    related: Vec<JsonRelated<'a>>,
}

/// Renders one diagnostic as a single line of JSON. serde_json escapes the
/// C0 controls; DEL, the C1 controls and the bidi controls are valid JSON
/// but act on (or disguise text in) a terminal, so they are written as
/// `\uXXXX` too, which any JSON reader decodes to the same text.
pub fn render_json(d: &Diagnostic, root: &Path) -> String {
    let json = JsonDiagnostic {
        file: display_path(&d.file, root),
        line: d.pos.line,
        column: d.pos.col,
        end_column: d.pos.col + d.pos.len.max(1),
        severity: d.severity,
        code: &d.code,
        message: &d.message,
        label: &d.label,
        help: d.help.as_deref(),
        related: d
            .related
            .iter()
            .map(|r| JsonRelated {
                file: display_path(&r.file, root),
                line: r.pos.line,
                column: r.pos.col,
                message: &r.text,
            })
            .collect(),
    };
    let json = serde_json::to_string(&json).unwrap_or_default();
    // These characters can only occur inside JSON strings, where `\uXXXX` means the same.
    if !json.chars().any(acts_on_a_terminal) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if acts_on_a_terminal(c) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether a character would act on a terminal or disguise the text around
/// it: the C0 controls (including tab and newline), DEL, the C1 controls,
/// and the bidi embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069) used to make text read differently from what it is.
pub fn acts_on_a_terminal(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text as it may be printed on a terminal: each character that
/// [`acts_on_a_terminal`] is shown as its Rust escape, `\u{1b}` for ESC,
/// `\u{202e}` for RIGHT-TO-LEFT OVERRIDE. The escape is visible, says
/// exactly which character is there, and is what `{:?}` and rustc print.
/// Tabs and newlines are escaped too: every printed field is one line, and
/// snippets expand their tabs before calling this.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(acts_on_a_terminal) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if acts_on_a_terminal(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A source line as shown in a snippet: tabs as four spaces, then [`visible`].
fn shown(text: &str) -> String {
    visible(&text.replace('\t', "    ")).into_owned()
}

/// The most characters of a source line that a snippet shows. A line of
/// 20,000 values would otherwise fill the terminal (and a log) with one line.
const SNIPPET_WIDTH: usize = 100;

/// The part of a long source line that a snippet shows: [`SNIPPET_WIDTH`]
/// characters around the marked column, with `…` where text was left out.
#[derive(Debug, Default, Clone, Copy)]
struct Cut {
    /// Characters left out at the start.
    skip: usize,
    /// Characters shown.
    take: usize,
    /// Whether text was left out at the end.
    tail: bool,
    /// Characters of the `…` marker at the start (0 or 1).
    lead: usize,
}

impl Cut {
    /// The window of `line` for a mark at character `col` (0-based).
    fn around(line: &str, col: usize) -> Cut {
        let len = line.chars().count();
        if len <= SNIPPET_WIDTH {
            return Cut { skip: 0, take: len, tail: false, lead: 0 };
        }
        let skip = col.saturating_sub(SNIPPET_WIDTH / 3).min(len - SNIPPET_WIDTH);
        Cut { skip, take: SNIPPET_WIDTH, tail: skip + SNIPPET_WIDTH < len, lead: usize::from(skip > 0) }
    }

    /// The shown characters of `line`.
    fn text(self, line: &str) -> String {
        line.chars().skip(self.skip).take(self.take).collect()
    }

    /// The marker before the shown text.
    fn prefix(self) -> &'static str {
        if self.lead > 0 { "…" } else { "" }
    }

    /// The line as printed: the window, its markers, escapes.
    fn shown(self, line: &str) -> String {
        format!("{}{}{}", self.prefix(), shown(&self.text(line)), if self.tail { "…" } else { "" })
    }
}

/// Gives the text of a line of a file, for snippets. Implemented by the
/// loaded sources so rendering never re-reads the disk.
pub trait SourceLines {
    /// The text of 1-based `line` of `file`, without its line ending.
    fn line(&self, file: &Path, line: u32) -> Option<&str>;
}

/// Renders a diagnostic the way rustc does, with source snippets.
pub fn render_human(d: &Diagnostic, root: &Path, sources: &dyn SourceLines) -> String {
    let mut out = String::new();
    let heading =
        crate::t!("diag-heading", severity = d.severity.word(), code = visible(&d.code), message = visible(&d.message));
    let _ = writeln!(out, "{heading}");
    let path = visible(&display_path(&d.file, root)).into_owned();
    let mut marks: Vec<(&Path, Pos, &str, bool)> = vec![(d.file.as_path(), d.pos, d.label.as_str(), true)];
    marks.extend(d.related.iter().map(|r| (r.file.as_path(), r.pos, r.text.as_str(), false)));
    if !d.snippet {
        // Keep the primary position in the `-->` line, but show no source.
        marks.clear();
    }
    let gutter = marks.iter().map(|m| m.1.line).max().unwrap_or(1).to_string().len();
    let pad = " ".repeat(gutter);
    if d.pos.line == 0 {
        let _ = writeln!(out, "{pad}--> {path}");
    } else {
        let _ = writeln!(out, "{pad}--> {}:{}:{}", path, d.pos.line, d.pos.col);
    }

    // Group the marks by file, primary file first, and print each file's lines in order.
    let mut files: Vec<&Path> = Vec::new();
    for m in &marks {
        if !files.contains(&m.0) {
            files.push(m.0);
        }
    }
    for (i, file) in files.iter().enumerate() {
        if i > 0 {
            let _ = writeln!(out, "{pad}::: {}", visible(&display_path(file, root)));
        }
        let mut here: Vec<_> = marks.iter().filter(|m| m.0 == *file).collect();
        here.sort_by_key(|m| (m.1.line, m.1.col));
        let _ = writeln!(out, "{pad} |");
        let mut last_line = 0;
        let mut cut = Cut::default();
        for m in &here {
            let pos = m.1;
            if pos.line == 0 {
                continue;
            }
            let Some(full) = sources.line(file, pos.line) else {
                continue;
            };
            if pos.line != last_line {
                if last_line != 0 && pos.line > last_line + 1 {
                    let _ = writeln!(out, "{pad}...");
                }
                cut = Cut::around(full, pos.col.saturating_sub(1) as usize);
                let _ = writeln!(out, "{:>gutter$} | {}", pos.line, cut.shown(full));
                last_line = pos.line;
            }
            let text = cut.text(full);
            let col = (pos.col.saturating_sub(1) as usize).saturating_sub(cut.skip) + cut.lead;
            let before: String = cut.prefix().chars().chain(text.chars()).take(col).collect();
            let marked: String =
                text.chars().skip(col.saturating_sub(cut.lead)).take(pos.len.max(1) as usize).collect();
            let indent = shown(&before).width();
            let width = shown(&marked).width().max(1);
            let ch = if m.3 { "^" } else { "-" };
            let _ = writeln!(out, "{pad} | {}{} {}", " ".repeat(indent), ch.repeat(width), visible(m.2));
        }
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "{pad} = {}", crate::t!("diag-help-line", help = visible(help)));
    }
    out
}

/// Counts of errors, warnings and notices, for the summary line and the exit
/// code (which notices never change).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
    /// Number of notices.
    pub notices: usize,
}

impl Tally {
    /// Counts the diagnostics by severity.
    pub fn of(diags: &[Diagnostic]) -> Tally {
        let count = |s: Severity| diags.iter().filter(|d| d.severity == s).count();
        Tally { errors: count(Severity::Error), warnings: count(Severity::Warning), notices: count(Severity::Notice) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct One(&'static str);
    impl SourceLines for One {
        fn line(&self, _: &Path, line: u32) -> Option<&str> {
            self.0.lines().nth(line as usize - 1)
        }
    }

    #[test]
    fn human_rendering_aligns_markers_under_wide_characters() {
        let file = Arc::new(PathBuf::from("/site/content/a.md"));
        let d = Diagnostic::error("T3-KJ", &file, Pos::new(2, 6, 1), "sums differ")
            .with_label("一 = 3")
            .with_related(&file, Pos::new(1, 4, 2), "二 = 0")
            .with_help("fix it");
        let text = render_human(&d, Path::new("/site"), &One("甲乙 x: 10\n总计: [3, 0]"));
        assert!(text.starts_with("错误[T3-KJ]：sums differ\n"), "{text}");
        assert!(text.contains("--> content/a.md:2:6"), "{text}");
        // "总计: [" is 4 characters but 6 columns wide: the caret goes under "3".
        assert!(text.contains("2 | 总计: [3, 0]\n  |        ^ 一 = 3"), "{text}");
        assert!(text.contains("1 | 甲乙 x: 10\n  |      -- 二 = 0"), "{text}");
        assert!(text.contains("= 帮助：fix it"), "{text}");
    }

    #[test]
    fn long_lines_are_cut_around_the_mark() {
        struct Long(String);
        impl SourceLines for Long {
            fn line(&self, _: &Path, _: u32) -> Option<&str> {
                Some(&self.0)
            }
        }
        let line = format!("  new: [{}3]", "1, ".repeat(20_000));
        let col = line.find('3').unwrap() as u32 + 1;
        let file = Arc::new(PathBuf::from("/s/r.md"));
        let d = Diagnostic::error("IN-SHAPE", &file, Pos::new(7, col, 1), "x".to_owned()).with_label("here");
        let text = render_human(&d, Path::new("/s"), &Long(line));
        assert!(text.len() < 600, "{text}");
        let lines: Vec<&str> = text.lines().collect();
        let code = lines.iter().find(|l| l.starts_with("7 |")).unwrap();
        let mark = lines.iter().find(|l| l.contains('^')).unwrap();
        assert!(code.starts_with("7 | …") && code.ends_with("3]"), "{code}");
        // The caret is under the `3`, in display columns.
        let under = code.chars().count() - 2;
        assert_eq!(mark.find('^').map(|i| mark[..i].chars().count()), Some(under), "{text}");
    }

    #[test]
    fn control_and_bidi_characters_are_shown_as_escapes() {
        assert_eq!(visible("百步镇"), "百步镇");
        assert!(matches!(visible("plain"), Cow::Borrowed(_)));
        assert_eq!(visible("a\u{1b}[2J\u{7}b"), "a\\u{1b}[2J\\u{7}b");
        assert_eq!(visible("\u{7f}\u{9b}\u{202e}\u{2066}\t\n"), "\\u{7f}\\u{9b}\\u{202e}\\u{2066}\\u{9}\\u{a}");
        // Zero-width joiners and the like are text, not controls.
        assert_eq!(visible("\u{200d}"), "\u{200d}");
    }

    #[test]
    fn snippets_are_escaped_and_markers_stay_aligned() {
        let file = Arc::new(PathBuf::from("/site/a\u{1b}.md"));
        let d = Diagnostic::error("IN-KEY", &file, Pos::new(1, 3, 1), "key `\u{1b}[31m`")
            .with_label("\u{202e}here")
            .with_help("\u{7}");
        let text = render_human(&d, Path::new("/site"), &One("\u{1b}\tx: 1"));
        assert!(!text.chars().any(|c| acts_on_a_terminal(c) && c != '\n'), "{text:?}");
        assert!(text.contains("错误[IN-KEY]：key `\\u{1b}[31m`\n"), "{text}");
        assert!(text.contains("--> a\\u{1b}.md:1:3"), "{text}");
        // `\u{1b}` is 6 columns and the tab 4: the caret goes under `x`.
        assert!(text.contains("1 | \\u{1b}    x: 1\n  |           ^ \\u{202e}here"), "{text}");
        assert!(text.contains("= 帮助：\\u{7}"), "{text}");
    }

    #[test]
    fn a_diagnostic_without_snippet_shows_no_line_of_its_file() {
        let file = Arc::new(PathBuf::from("/site/content/pages/x.md"));
        let d = Diagnostic::error("IN-LINK", &file, Pos::new(1, 1, 0), "link").without_snippet();
        let text = render_human(&d, Path::new("/site"), &One("root:x:0:0"));
        assert_eq!(text, "错误[IN-LINK]：link\n --> content/pages/x.md:1:1\n");
    }

    #[test]
    fn json_leaves_no_character_that_acts_on_a_terminal() {
        let file = Arc::new(PathBuf::from("/site/a.md"));
        let message = "\u{1b}[2J\u{7}\u{7f}\u{9b}\u{202e}\u{2069}";
        let json = render_json(&Diagnostic::error("X", &file, Pos::new(1, 1, 1), message), Path::new("/site"));
        assert!(!json.chars().any(acts_on_a_terminal), "{json:?}");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["message"], message, "escaped, not altered");
    }

    #[test]
    fn a_notice_is_its_own_severity_below_a_warning_and_counted_apart() {
        let file = Arc::new(PathBuf::from("/site/a.md"));
        let d = Diagnostic::new(Severity::Notice, "T3-SUM", &file, Pos::new(1, 1, 1), "m");
        let text = render_human(&d, Path::new("/site"), &One("x"));
        assert!(text.starts_with("提示[T3-SUM]：m\n"), "{text}");
        let v: serde_json::Value = serde_json::from_str(&render_json(&d, Path::new("/site"))).unwrap();
        assert_eq!(v["severity"], "notice");
        assert_eq!(Severity::Notice.max(Severity::Warning), Severity::Warning);
        let warning = Diagnostic::warning("W", &file, Pos::default(), "w");
        let error = Diagnostic::error("E", &file, Pos::default(), "e");
        let tally = Tally::of(&[d.clone(), d, warning, error]);
        assert_eq!(tally, Tally { errors: 1, warnings: 1, notices: 2 });
    }

    #[test]
    fn json_rendering_has_the_documented_fields() {
        let file = Arc::new(PathBuf::from("/site/a.md"));
        let d =
            Diagnostic::warning("FMT-SECT", &file, Pos::new(3, 1, 2), "m").with_related(&file, Pos::new(1, 2, 1), "r");
        let v: serde_json::Value = serde_json::from_str(&render_json(&d, Path::new("/site"))).unwrap();
        assert_eq!(v["file"], "a.md");
        assert_eq!(v["line"], 3);
        assert_eq!(v["column"], 1);
        assert_eq!(v["severity"], "warning");
        assert_eq!(v["code"], "FMT-SECT");
        assert_eq!(v["related"][0]["line"], 1);
    }
}
