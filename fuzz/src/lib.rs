//! The harness behind gongkai's fuzzing, shared by the cargo-fuzz targets
//! (`fuzz/fuzz_targets/*.rs`) and the stable mutation test
//! (`tests/suite/mutation.rs`, which includes this file as a module): one
//! definition of what "the loaders behave" means, checked by libFuzzer on
//! nightly and by `cargo test` on stable alike.
//!
//! For any input bytes, a report or an `agency.yaml` goes through what
//! `gongkai check` does with a file: decoding, parsing, the checker (the
//! narrative checks, the form's rules, the agency's, and the cross-year rules
//! against an example report of the previous year), rendering every
//! diagnostic with its snippet, and rendering the narrative. The caller sees
//! panics (libFuzzer as a crash, the test with `catch_unwind`); this module
//! checks the rest:
//!
//! - **the figure oracle**, on every report that was accepted: every cell
//!   given in the front matter holds exactly the number written at its
//!   position, read here independently with a strict rule (plain ASCII
//!   digits, no leading zero, a sign only on a 增/减 column, a decimal point
//!   and a unit only where the column takes them, no quotes, tags or other
//!   YAML around it); every figure written in a table is some cell's; no
//!   table line is left behind after the front matter ends; blank cells have
//!   no figure; totals never come out negative (a sum that wrapped). A
//!   published government statistic must never be invented, dropped or
//!   altered on its way through gongkai.
//! - **positions**: every diagnostic points inside the file, since editors
//!   and the snippets jump there.
//! - for agency files, every field written is kept and the name is not empty.

use gongkai::config::Config;
use gongkai::diag::{Diagnostic, Pos, Severity, SourceLines};
use gongkai::form::{CellKind, Forms};
use gongkai::model::{Agency, CellValue, Decimal, Report, Source, Unit};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// The 2020 example report (2019 trial form), a seed for mutations and the
/// previous year of cross-year checks.
pub const EXAMPLE_2019: &str = include_str!("../../content/reports/baibu/2020.md");

/// The 2024 example report (2021 form).
pub const EXAMPLE_2021: &str = include_str!("../../content/reports/huaian/2024.md");

/// The example agency file of the 2019-form report.
pub const EXAMPLE_AGENCY: &str = include_str!("../../content/reports/baibu/agency.yaml");

/// The slug the harness files its inputs under.
const SLUG: &str = "fuzz";

/// What the loaders did with an input that broke no property.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Not text gongkai reads (binary, UTF-16, GBK, invalid UTF-8, empty):
    /// refused before parsing, as `gongkai check` does.
    Undecodable,
    /// Parsed with errors: refused with diagnostics, nothing to publish.
    Refused,
    /// Parsed without errors, checked, and the oracle held.
    Accepted,
}

/// A broken property: a class (for grouping failures) and what was seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Short stable name of the kind of failure, e.g. `figure-not-plain`.
    pub class: &'static str,
    /// What was found, with line and column.
    pub detail: String,
}

/// Everything an input is checked against, built once: the built-in forms,
/// default settings, the agency, and the examples as previous years.
pub struct Fixture {
    forms: Forms,
    config: Config,
    agencies: BTreeMap<String, Agency>,
    previous: Vec<Report>,
}

/// The fixture shared by all runs of a process (a fuzz target runs millions
/// of inputs; building the forms each time would dominate).
pub fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(Fixture::new)
}

impl Fixture {
    /// Built-in forms, `site.toml` defaults, the example agency as a 乡镇
    /// (so the 规章 authority check runs) and both examples, checked, to pair
    /// with an input as its previous year.
    fn new() -> Fixture {
        let forms = Forms::builtin();
        let config = Config::parse("title = \"fuzz\"\n", Path::new("site.toml")).expect("default settings");
        let file = Arc::new(PathBuf::from("content/reports/fuzz/agency.yaml"));
        let mut diags = Vec::new();
        let agency = gongkai::parse::parse_agency(&file, EXAMPLE_AGENCY, SLUG, &mut diags).expect("example agency");
        let agencies = BTreeMap::from([(SLUG.to_owned(), agency)]);
        let previous = [EXAMPLE_2019, EXAMPLE_2021]
            .iter()
            .map(|text| {
                let file = Arc::new(PathBuf::from("content/reports/fuzz/previous.md"));
                let mut loaded = gongkai::parse::parse_report(&file, text, SLUG, &forms, &mut diags).expect("example");
                gongkai::check::check_text(&mut loaded);
                loaded.report
            })
            .collect();
        Fixture { forms, config, agencies, previous }
    }

    /// An example report posing as the year before `year`, of the form that
    /// year would follow when there is one.
    fn previous_year(&self, year: i32) -> Report {
        let form = self.forms.for_year(year - 1).map(|f| f.id.clone());
        let example = self.previous.iter().find(|r| Some(&r.form.id) == form.as_ref()).unwrap_or(&self.previous[0]);
        let mut prev = example.clone();
        prev.year = year - 1;
        prev
    }

    /// Loads, checks and renders a report file's bytes as `gongkai check`
    /// and `build` would, and applies the oracle. Panics are the caller's to see.
    pub fn report(&self, bytes: &[u8]) -> Result<Outcome, Vec<Violation>> {
        let Ok(text) = gongkai::source::decode(bytes) else {
            return Ok(Outcome::Undecodable);
        };
        let file = Arc::new(PathBuf::from("content/reports/fuzz/report.md"));
        let lines: Vec<&str> = text.split('\n').collect();
        let mut out = Vec::new();
        let mut diags = Vec::new();
        let parsed = gongkai::parse::parse_report(&file, &text, SLUG, &self.forms, &mut diags);
        let Some(mut loaded) = parsed else {
            diagnostics(&lines, &file, &diags, &mut out);
            return finish(out, Outcome::Refused);
        };
        if let Some(d) = diags.iter().find(|d| d.severity == Severity::Error) {
            out.push(violation("accepted-with-error", format!("parse_report returned a report and {}", brief(d))));
        }
        // Figures read but not written plainly (`"3"`, `!!str 3`, `03`) must be named.
        let named: std::collections::HashSet<(u32, u32)> =
            diags.iter().filter(|d| d.code == "IN-FIGURE").map(|d| (d.pos.line, d.pos.col)).collect();
        figures(&lines, &loaded.report, &named, &mut out);
        let given: Vec<(usize, usize, CellValue)> = given_cells(&loaded.report);
        diags.extend(gongkai::check::check_text(&mut loaded));
        let report = loaded.report;
        if given_cells(&report) != given {
            out.push(violation("figure-altered", "check_text changed a given figure".into()));
        }
        totals(&report, &mut out);
        let prev = self.previous_year(report.year);
        let level = report.narrative.level;
        diags.extend(gongkai::check::check_reports(&[prev, report], &self.agencies, &self.config));
        diags.retain(|d| d.file == file);
        diagnostics(&lines, &file, &diags, &mut out);
        if let Ok(split) = gongkai::parse::split_front_matter(&text) {
            let opts = gongkai::markdown::MdOptions { unsafe_html: false, id_prefix: "" };
            gongkai::markdown::render(&text[split.body..], opts, level);
        }
        finish(out, Outcome::Accepted)
    }

    /// Loads an `agency.yaml`'s bytes and checks that an accepted agency
    /// kept every field written and has a name.
    pub fn agency(&self, bytes: &[u8]) -> Result<Outcome, Vec<Violation>> {
        let Ok(text) = gongkai::source::decode(bytes) else {
            return Ok(Outcome::Undecodable);
        };
        let file = Arc::new(PathBuf::from("content/reports/fuzz/agency.yaml"));
        let lines: Vec<&str> = text.split('\n').collect();
        let mut out = Vec::new();
        let mut diags = Vec::new();
        let parsed = gongkai::parse::parse_agency(&file, &text, SLUG, &mut diags);
        diagnostics(&lines, &file, &diags, &mut out);
        let Some(agency) = parsed else {
            return finish(out, Outcome::Refused);
        };
        if let Some(d) = diags.iter().find(|d| d.severity == Severity::Error) {
            out.push(violation("accepted-with-error", format!("parse_agency returned an agency and {}", brief(d))));
        }
        if agency.name.trim().is_empty() {
            out.push(violation("agency-field", "the agency was accepted with an empty name".into()));
        }
        agency_fields(&lines, &agency, &mut out);
        finish(out, Outcome::Accepted)
    }
}

/// All violations in one message, for a panic or a failure report.
pub fn describe(violations: &[Violation]) -> String {
    violations.iter().map(|v| format!("[{}] {}", v.class, v.detail)).collect::<Vec<_>>().join("\n")
}

/// `Ok(outcome)` when nothing was violated.
fn finish(out: Vec<Violation>, outcome: Outcome) -> Result<Outcome, Vec<Violation>> {
    if out.is_empty() { Ok(outcome) } else { Err(out) }
}

/// A violation of `class`.
fn violation(class: &'static str, detail: String) -> Violation {
    Violation { class, detail }
}

/// A diagnostic in one line, for violation details.
fn brief(d: &Diagnostic) -> String {
    format!("{}[{}] at {}:{}: {}", d.severity.as_str(), d.code, d.pos.line, d.pos.col, d.message)
}

/// The given cells of a report, by table and cell index.
fn given_cells(report: &Report) -> Vec<(usize, usize, CellValue)> {
    let mut out = Vec::new();
    for (t, data) in report.tables.iter().enumerate() {
        for (i, cell) in data.cells.iter().enumerate() {
            if cell.source == Source::Given {
                out.push((t, i, cell.value.clone()));
            }
        }
    }
    out
}

/// The text of one file, for rendering snippets as `gongkai check` prints them.
struct OneFile<'a>(&'a [&'a str]);

impl SourceLines for OneFile<'_> {
    fn line(&self, _: &Path, line: u32) -> Option<&str> {
        self.0.get((line as usize).checked_sub(1)?).copied()
    }
}

/// Renders every diagnostic (the snippet code meets every position) and
/// checks that each position of this file lies inside it.
fn diagnostics(lines: &[&str], file: &Arc<PathBuf>, diags: &[Diagnostic], out: &mut Vec<Violation>) {
    for d in diags {
        gongkai::diag::render_human(d, Path::new("."), &OneFile(lines));
        gongkai::diag::render_json(d, Path::new("."));
        let places = std::iter::once(d.pos).chain(d.related.iter().filter(|l| l.file == *file).map(|l| l.pos));
        for pos in places.filter(|p| p.line > 0) {
            let inside = lines.get(pos.line as usize - 1).is_some_and(|l| pos.col as usize <= l.chars().count() + 1);
            if !inside {
                out.push(violation(
                    "position-outside-file",
                    format!(
                        "{} points at {}:{}, outside the file's {} lines",
                        brief(d),
                        pos.line,
                        pos.col,
                        lines.len()
                    ),
                ));
            }
        }
    }
}

/// Metadata keys of a report: their values are not figures.
const METADATA: [&str; 5] = ["year", "published", "title", "form", "attachments"];

/// The figure oracle (see the module documentation).
fn figures(lines: &[&str], report: &Report, named: &std::collections::HashSet<(u32, u32)>, out: &mut Vec<Violation>) {
    // The front matter: line 2 up to the closing line, as the README defines it.
    let fence = (1..lines.len()).find(|&i| lines[i].trim_end() == "---").unwrap_or(lines.len());
    let in_front = |line: u32| (2..=fence as u32).contains(&line);
    // Given cells by where their text ends (line, column after it): a
    // cell's position may start at an anchor or a tag before the figure.
    let mut given: HashMap<(u32, u32), String> = HashMap::new();
    let form = &report.form;
    for (t, data) in report.tables.iter().enumerate() {
        let spec = &form.tables[t];
        for (i, cell) in data.cells.iter().enumerate() {
            let (r, c) = (i / data.cols, i % data.cols);
            let name = format!("{}.{} / {}", spec.key, spec.row_leaves[r].id, spec.col_leaves[c].id);
            let Pos { line, col, len } = cell.pos;
            let text = lines.get((line as usize).wrapping_sub(1)).copied().unwrap_or("");
            let token: String = text.chars().skip((col as usize).saturating_sub(1)).take(len as usize).collect();
            let at = format!("{name} at {line}:{col}");
            match cell.source {
                Source::Given => {
                    if let Some(other) = given.insert((line, col + len), name.clone()) {
                        out.push(violation("figure-shared", format!("{at}: the same text is also {other}")));
                    }
                    if !in_front(line) {
                        out.push(violation("figure-outside", format!("{at} is not in the front matter")));
                        continue;
                    }
                    // An anchor (`&a 3`) names a value without changing it.
                    let anchor = match token.strip_prefix('&') {
                        Some(rest) => {
                            token.len() - rest.trim_start_matches(|c: char| !c.is_whitespace()).trim_start().len()
                        }
                        None => 0,
                    };
                    // White space around it (U+3000, U+2028…) is trimmed, the figure kept whole.
                    let spaced = &token[anchor..];
                    let figure = spaced.trim_matches(char::is_whitespace);
                    let lead = spaced.len() - spaced.trim_start_matches(char::is_whitespace).len();
                    let start = col as usize - 1 + token[..anchor + lead].chars().count();
                    let previous =
                        lines[..(line as usize).saturating_sub(1)].iter().rev().map(|l| strip_comment(l).trim_end());
                    let block = previous.take(1).any(|l| {
                        l.rsplit([' ', '\t']).next().is_some_and(|t| t.starts_with(['|', '>']) && t.len() <= 3)
                    });
                    let context = !block && context_ok(text, start, figure.chars().count());
                    match strict_value(figure, spec.kind(r, c)) {
                        Some(v) if v == cell.value && context => {}
                        Some(v) if v != cell.value => out.push(violation(
                            "figure-altered",
                            format!("{at}: `{token}` is written, the report holds {}", cell.value),
                        )),
                        // Named by an IN-FIGURE warning: its number must still be the cell's.
                        _ if named.contains(&(line, col)) => {
                            if strict_value(&unspelled(figure), spec.kind(r, c)).is_none_or(|v| v != cell.value) {
                                out.push(violation(
                                    "figure-altered",
                                    format!("{at}: `{token}` is written (named), the report holds {}", cell.value),
                                ));
                            }
                        }
                        _ => out.push(violation(
                            not_plain(text, start, figure, block),
                            format!("{at}: `{text}` was taken as {} from `{token}`", cell.value),
                        )),
                    }
                }
                Source::Blank if token.bytes().any(|b| b.is_ascii_digit()) => {
                    out.push(violation("blank-has-figure", format!("{at}: blank, but `{token}` is written there")));
                }
                _ => {}
            }
        }
    }
    // Every figure written in a table is some given cell. A YAML document
    // marker with something after it (`--- !tag`, `... # 注释`) ends the
    // document inside the front matter: what it drops is that class.
    let marker = (1..fence).find(|&i| {
        let l = lines[i];
        (l.starts_with("---") || l.starts_with("...")) && l[3..].starts_with([' ', '\t'])
    });
    let mut top: &str = "";
    for (i, text) in lines.iter().enumerate().take(fence).skip(1) {
        let line = i as u32 + 1;
        let code = strip_comment(text);
        let mut value_from = 0;
        if !code.starts_with([' ', '\t'])
            && let Some(k) = key_end(code)
        {
            top = code[..k].trim();
            value_from = code[..k + 1].chars().count();
        }
        if METADATA.contains(&top) {
            continue;
        }
        for (col0, token) in tokens(code).into_iter().filter(|(c, _)| *c >= value_from) {
            if is_figure_like(&token) {
                let end = (col0 + 1 + token.chars().count()) as u32;
                if given.contains_key(&(line, end)) {
                    continue;
                }
                match marker.filter(|&m| m < i) {
                    Some(m) => out.push(violation(
                        "front-matter-cut",
                        format!(
                            "line {} `{}` ended the YAML: `{token}` at {line}:{} is dropped",
                            m + 1,
                            lines[m],
                            col0 + 1
                        ),
                    )),
                    None => out.push(violation(
                        "figure-dropped",
                        format!("`{token}` at {line}:{} in table `{top}` is no cell's figure: `{text}`", col0 + 1),
                    )),
                }
            }
        }
    }
    // No table line after the front matter: it would be published as narrative.
    let mut keys: Vec<&str> = Vec::new();
    for spec in &form.tables {
        keys.push(&spec.key);
        keys.extend(spec.row_leaves.iter().flat_map(|l| [l.key.as_str(), l.id.as_str()]));
        keys.extend(spec.groups());
    }
    for (i, text) in lines.iter().enumerate().skip(fence + 1) {
        let code = strip_comment(text);
        let Some(k) = key_end(code) else { continue };
        let key = code[..k].trim();
        let rest = &code[k + 1..];
        let table_header = !code.starts_with(' ') && rest.trim().is_empty();
        if keys.contains(&key) && (table_header || rest.bytes().any(|b| b.is_ascii_digit())) {
            out.push(violation(
                "front-matter-cut",
                format!("line {} `{text}` is a table line, but the front matter ended on line {}", i + 1, fence + 1),
            ));
        }
    }
}

/// Totals computed from parts are never negative: a negative one is a sum
/// that wrapped at the 64-bit limit.
fn totals(report: &Report, out: &mut Vec<Violation>) {
    for (t, data) in report.tables.iter().enumerate() {
        let spec = &report.form.tables[t];
        for (i, cell) in data.cells.iter().enumerate() {
            let (r, c) = (i / data.cols, i % data.cols);
            if cell.source == Source::Computed && spec.kind(r, c) == CellKind::Count && cell.value.int() < 0 {
                out.push(violation(
                    "sum-wrapped",
                    format!(
                        "{}.{} / {}: computed total {}",
                        spec.key, spec.row_leaves[r].id, spec.col_leaves[c].id, cell.value
                    ),
                ));
            }
        }
    }
}

/// The byte index of a line's mapping colon (`key: value` or `key:` at the
/// end), outside quotes and brackets.
fn key_end(code: &str) -> Option<usize> {
    let bytes = code.as_bytes();
    let first = code.trim_start().chars().next()?;
    if matches!(first, '[' | '{' | '"' | '\'' | '-' | '#' | '&' | '*' | '!' | '|' | '>') {
        return None;
    }
    (0..bytes.len()).find(|&i| bytes[i] == b':' && bytes.get(i + 1).is_none_or(|b| *b == b' ' || *b == b'\t'))
}

/// A line without its YAML comment (a `#` at the start or after a blank,
/// outside quotes).
fn strip_comment(line: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, ch) in line.char_indices() {
        match quote {
            Some(q) if ch == q && !(q == '"' && prev == '\\') => quote = None,
            Some(_) => {}
            None if ch == '#' && (prev == ' ' || prev == '\t') => return &line[..i],
            None if (ch == '"' || ch == '\'') && matches!(prev, ' ' | '\t' | '[' | '{' | ',' | ':') => {
                quote = Some(ch);
            }
            None => {}
        }
        prev = ch;
    }
    line
}

/// The words of a line of YAML code, with their character columns
/// (0-based): split at blanks and flow punctuation, keys' colons dropped.
fn tokens(code: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut start = 0;
    for (col, ch) in code.chars().chain(std::iter::once(' ')).enumerate() {
        if matches!(ch, ' ' | '\t' | ',' | '[' | ']' | '{' | '}') {
            if !current.is_empty() {
                out.push((start, std::mem::take(&mut current)));
            }
            start = col + 1;
        } else {
            current.push(ch);
        }
    }
    out
}

/// Whether a word reads as a figure someone meant to write: it has an
/// ASCII digit and is not a key (`denied_1:`), an anchor, alias or tag.
fn is_figure_like(token: &str) -> bool {
    let identifier = |s: &str| {
        s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
    };
    token.bytes().any(|b| b.is_ascii_digit())
        && !token.ends_with(':')
        && !token.starts_with(['&', '*', '!'])
        && !identifier(token)
}

/// Whether the figure at character `col0` (`len` characters) stands alone
/// as a plain YAML scalar: after `[`, `,`, `{`, `:`, `- ` or the
/// indentation (and at most an anchor: not a tag, not a quote), before a
/// blank, `,`, `]`, `}` or the line end. Blanks are any white space: an
/// invisible U+3000 or form feed beside a figure leaves the figure whole.
fn context_ok(line: &str, col0: usize, len: usize) -> bool {
    let chars: Vec<char> = line.chars().collect();
    let after_ok = chars.get(col0 + len).is_none_or(|c| c.is_whitespace() || matches!(c, ',' | ']' | '}'));
    let before: String = chars[..col0.min(chars.len())].iter().collect();
    let mut before = before.trim_end_matches(char::is_whitespace);
    // At most an anchor between the indicator and the figure.
    if let Some(i) = before.rfind([' ', '\t', '[', ',', '{'])
        && before[i + 1..].starts_with('&')
    {
        before = before[..i + 1].trim_end_matches(char::is_whitespace);
    } else if before.starts_with('&') && !before.contains([' ', '\t']) {
        before = "";
    }
    let before_ok = before.is_empty() || before.ends_with(['[', ',', '{', ':', '-']);
    after_ok && before_ok
}

/// The class of a figure taken as a number although not written plainly:
/// quoted or a block scalar (`block`: the line before ends in `|` or `>`), tagged, with a leading zero (YAML 1.1 reads
/// `010` as 8), signed, or otherwise.
fn not_plain(line: &str, col0: usize, figure: &str, block: bool) -> &'static str {
    let before: String = line.chars().take(col0).collect();
    let last = before.trim_end().rsplit([' ', '\t', '[', ',', '{']).next().unwrap_or("");
    let digits = figure.trim_start_matches(['-', '+']);
    if block || figure.starts_with(['"', '\'', '|', '>']) {
        "figure-quoted"
    } else if figure.starts_with('!') || last.starts_with('!') {
        "figure-tagged"
    } else if digits.len() > 1 && digits.starts_with('0') && digits[1..].starts_with(|c: char| c.is_ascii_digit()) {
        "figure-leading-zero"
    } else if figure.starts_with(['-', '+']) {
        "figure-signed"
    } else {
        "figure-not-plain"
    }
}

/// Whether `s` is ASCII digits without a leading zero.
fn plain_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && (s == "0" || !s.starts_with('0'))
}

/// A natural number written plainly: ASCII digits, no leading zero.
fn natural(s: &str) -> Option<i64> {
    if plain_digits(s) { s.parse().ok() } else { None }
}

/// A decimal written plainly: a natural number, then optionally `.` and digits.
fn decimal(s: &str) -> Option<Decimal> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if natural(int).is_none() || (s.contains('.') && (frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()))) {
        return None;
    }
    let units = format!("{int}{frac}").parse().ok()?;
    Some(Decimal { units, scale: u8::try_from(frac.len()).ok()? })
}

/// The value of a figure under the strict rule for its kind of cell, or
/// `None` if it is not written that way.
fn strict_value(token: &str, kind: CellKind) -> Option<CellValue> {
    match kind {
        CellKind::Count => natural(token).map(CellValue::Int),
        // Parsed with its sign, so that the most negative number is one too.
        CellKind::Delta => plain_digits(token.strip_prefix(['-', '+']).unwrap_or(token))
            .then(|| token.trim_start_matches('+').parse().ok().map(CellValue::Int))
            .flatten(),
        CellKind::Decimal => decimal(token.strip_suffix("万元").unwrap_or(token)).map(CellValue::Decimal),
        CellKind::Money => {
            let (number, unit) = match token.strip_suffix("万元") {
                Some(n) => (n, Some(Unit::WanYuan)),
                None => match token.strip_suffix('元') {
                    Some(n) => (n, Some(Unit::Yuan)),
                    None => (token, None),
                },
            };
            decimal(number).map(|d| CellValue::Money(d, unit))
        }
    }
}

/// A figure written in quotes, with a tag or with leading zeros, as the
/// plain number it stands for: `"3"`, `'3'`, `!!str 3`, `03` → `3`.
fn unspelled(figure: &str) -> String {
    let mut t = figure.trim();
    if t.starts_with('!') {
        t = t.split_once(char::is_whitespace).map_or("", |(_, rest)| rest.trim());
    }
    let t = t.trim_matches(|c| c == '"' || c == '\'');
    let (sign, digits) = match t.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", t),
    };
    let stripped = digits.trim_start_matches('0');
    let digits = if stripped.is_empty() || stripped.starts_with(['.', '元', '万']) {
        format!("0{stripped}")
    } else {
        stripped.to_owned()
    };
    format!("{sign}{digits}")
}

/// Agency keys whose value, when written, must be kept.
const AGENCY_FIELDS: [&str; 7] = ["parent", "office", "address", "postcode", "phone", "fax", "email"];

/// Every field written with a value in the file is in the agency.
fn agency_fields(lines: &[&str], agency: &Agency, out: &mut Vec<Violation>) {
    let c = &agency.contact;
    let kept = |key: &str| match key {
        "parent" => agency.parent.is_some(),
        "office" => c.office.is_some(),
        "address" => c.address.is_some(),
        "postcode" => c.postcode.is_some(),
        "phone" => c.phone.is_some(),
        "fax" => c.fax.is_some(),
        _ => c.email.is_some(),
    };
    // A YAML document marker (`---`, `... # 注释`) ends the document: what it drops is that class.
    let marker = lines.iter().position(|l| {
        (l.starts_with("---") || l.starts_with("...")) && (l.len() == 3 || l[3..].starts_with([' ', '\t', '\r']))
    });
    for (i, text) in lines.iter().enumerate() {
        let code = strip_comment(text);
        let Some(k) = key_end(code) else { continue };
        let key = code[..k].trim();
        let nested = code.starts_with([' ', '\t']);
        let known = if key == "parent" { !nested } else { nested && AGENCY_FIELDS.contains(&key) };
        if known && !code[k + 1..].trim().is_empty() && !kept(key) {
            let class = if marker.is_some_and(|m| m < i) { "agency-cut" } else { "agency-field" };
            out.push(violation(class, format!("line {} `{text}` was written, but `{key}` is not kept", i + 1)));
        }
    }
}
