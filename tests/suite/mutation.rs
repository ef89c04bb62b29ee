//! Mutation testing of the report and agency loaders, deterministic and on
//! the stable toolchain, so every `cargo test` fuzzes a little (issue #8).
//!
//! A fixed-seed PRNG mutates the two example reports and an `agency.yaml` a
//! few thousand times, byte by byte and with knowledge of their structure
//! (figures, rows, tables, document markers, narrative), and every mutant
//! goes through the harness shared with the cargo-fuzz targets
//! (`fuzz/src/lib.rs`): no panic, a bounded time, and the figure oracle on
//! every accepted report. Inputs that may crash the process (deep nesting)
//! or run for long (huge inputs) go through the `gongkai` binary instead, in
//! a child process with a time limit.
//!
//! `GONGKAI_MUTATIONS` (count of report mutants, default 3,000) and
//! `GONGKAI_SEED` override the defaults for longer runs. A failure names the
//! seed, the mutant's index and the mutations applied, shows the changed
//! lines, and writes the mutant under `target/tmp/mutation-failures/`, where
//! `cargo +nightly fuzz run report FILE` also replays it.

#[path = "../../fuzz/src/lib.rs"]
mod harness;

use crate::fixture::TempSite;
use gongkai::form::{Forms, InputShape};
use harness::{Outcome, Violation};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The default number of report mutants: enough to meet every mutation
/// many times, few enough for a debug build on two cores.
const DEFAULT_MUTATIONS: usize = 3_000;

/// The default seed (any fixed value: runs must repeat exactly).
const DEFAULT_SEED: u64 = 0x6f6e_676b_6169_2038;

/// The time one in-process mutant may take, parse to render (debug build).
const MUTANT_LIMIT: Duration = Duration::from_secs(2);

/// SplitMix64: a tiny, well-mixed PRNG, so the test needs no `rand` and
/// every mutant is a pure function of (seed, index).
struct Rng(u64);

impl Rng {
    /// The generator of mutant `index` under `seed`, independent of the
    /// others so that one mutant can be replayed alone.
    fn for_mutant(seed: u64, index: usize) -> Rng {
        let mut rng = Rng(seed ^ (index as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93));
        rng.next();
        rng
    }

    /// The next 64 random bits.
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    /// One of `items`.
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Count and seed of a run: the defaults, or `GONGKAI_MUTATIONS` and
/// `GONGKAI_SEED` (decimal or 0x-hex) for a longer run with other seeds.
fn settings() -> (usize, u64) {
    let count = std::env::var("GONGKAI_MUTATIONS").ok().and_then(|s| s.parse().ok()).unwrap_or(DEFAULT_MUTATIONS);
    let seed = std::env::var("GONGKAI_SEED")
        .ok()
        .and_then(|s| match s.strip_prefix("0x") {
            Some(hex) => u64::from_str_radix(hex, 16).ok(),
            None => s.parse().ok(),
        })
        .unwrap_or(DEFAULT_SEED);
    (count, seed)
}

// ------------------------------------------------------------------ mutations

/// Byte ranges of the lines of `text` (without their `\n`).
fn line_ranges(text: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in text.iter().enumerate() {
        if b == b'\n' {
            out.push((start, i));
            start = i + 1;
        }
    }
    out.push((start, text.len()));
    out
}

/// The index of the line closing the front matter (or the last line).
fn fence(lines: &[(usize, usize)], text: &[u8]) -> usize {
    (1..lines.len())
        .find(|&i| matches!(text[lines[i].0..lines[i].1].trim_ascii_end(), b"---" | b"..."))
        .unwrap_or(lines.len() - 1)
}

/// Byte ranges of the figures written in the front matter: digits (with a
/// point and a unit) standing after `[`, `,`, `{`, `:` or a blank, before
/// any comment.
fn figure_spans(text: &[u8]) -> Vec<(usize, usize)> {
    let lines = line_ranges(text);
    let mut out = Vec::new();
    for &(start, end) in &lines[1..fence(&lines, text).max(1)] {
        let mut i = start;
        while i < end {
            let b = text[i];
            if b == b'#' && (i == start || text[i - 1] == b' ') {
                break;
            }
            let after_separator = i > start && matches!(text[i - 1], b' ' | b'[' | b',' | b'{' | b':' | b'-');
            if b.is_ascii_digit() && after_separator {
                let mut j = i;
                while j < end && (text[j].is_ascii_digit() || text[j] == b'.') {
                    j += 1;
                }
                for unit in ["万元", "元"] {
                    if text[j..end].starts_with(unit.as_bytes()) {
                        j += unit.len();
                        break;
                    }
                }
                out.push((i, j));
                i = j;
            } else {
                i += 1;
            }
        }
    }
    out
}

/// Figures to put in place of a written one: the 64-bit limits and beyond,
/// YAML's other spellings of numbers (quoted, tagged, octal-looking, floats,
/// special values), full-width and separated digits, units, and collections.
const VALUES: &[&str] = &[
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "4611686018427387904",
    "18446744073709551616",
    "99999999999999999999999999",
    "1e400",
    "1e3",
    "-0",
    "+0",
    "-3",
    "+3",
    "03",
    "0003",
    "0x3",
    "0o3",
    "0b11",
    "3.0",
    "3.",
    ".5",
    "1_000",
    "1,000",
    "1 000",
    "１２",
    "3元",
    "3万元",
    "3 元",
    "0.0000001",
    "\"3\"",
    "'3'",
    "!!str 3",
    "!!float 3",
    "!!int 3",
    "!!int \"3\"",
    "!!binary 3",
    "!custom 3",
    "&a 3",
    "~",
    "null",
    "''",
    ".inf",
    "-.inf",
    ".nan",
    "true",
    "3 # 注释",
    "[3]",
    "{a: 3}",
    "[[[[3]]]]",
    "3: 4",
    "? 3",
    "|",
    "*a",
];

/// Bytes worth inserting: YAML's indicators, blanks and line ends, digits,
/// NUL and other control bytes, and bytes that break UTF-8.
const BYTES: &[u8] = b" \t\n\r\"':#-[]{},&*!|>%@`?0123456789\x00\x01\x1b\x7f\x80\xbf\xc3\xe4\xed\xf0\xff";

/// Texts worth inserting: full-width digits and punctuation, invisible and
/// direction characters, BOMs and line separators, invalid UTF-8 (surrogate,
/// overlong, truncated), GBK bytes, and YAML indicators with a blank.
const TEXTS: &[&[u8]] = &[
    "０１２３４５６７８９".as_bytes(),
    "３".as_bytes(),
    "：".as_bytes(),
    "，".as_bytes(),
    "［".as_bytes(),
    "－".as_bytes(),
    "\u{feff}".as_bytes(),
    "\u{200b}".as_bytes(),
    "\u{202e}".as_bytes(),
    "\u{85}".as_bytes(),
    "\u{2028}".as_bytes(),
    "\u{3000}".as_bytes(),
    "\u{301}".as_bytes(),
    b"\r",
    b"\r\n",
    b"\x0b\x0c",
    b"\xed\xa0\x80",
    b"\xc0\xaf",
    b"\xe4\xb8",
    b"\xc4\xea\xb6\xc8",
    b"# ",
    b": ",
    b"- ",
    b"? ",
    b"\t",
    b"\\",
    b"%YAML 1.1\n",
    b"%TAG ! tag:x,2000:\n",
    b"<<: ",
];

/// Lines of narrative that reach the narrative checks: section headings
/// (right, wrong, out of order), figures the check compares with the
/// tables, statistical periods, raw HTML, tables, code, links.
const NARRATIVE: &[&str] = &[
    "## 三、收到和处理政府信息公开申请情况",
    "## 七、附录",
    "# 一、总体情况",
    "###### 四、",
    "## ",
    "2024年，全市共受理政府信息公开申请 3119 件，答复 3050 件。",
    "本年新收政府信息公开申请9223372036854775807件，行政复议 351件。",
    "政府信息公开行政复议 99999999999999999999 件，其中结果维持 72 件。",
    "本年度报告中所列数据的统计期限自2019年1月1日至2019年12月31日止。",
    "统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日。",
    "<div><div><div>未闭合",
    "<!-- 注释",
    "<script>alert(1)</script>",
    "[链接](javascript:alert(1))",
    "| a | b |\n| --- | --- |\n| 1 | 2 |",
    "```\n---\n```",
    "**（一）主动公开情况。**今年",
    "- - - - - 列表",
    "> > > > 引用",
    "[^1]: 脚注\n\n正文[^1]",
    "---",
];

/// Keys to add: unknown ones, another form's, near misses, duplicates.
const KEYS: &[&str] = &[
    "zz_unknown: 1",
    "carried_im: [1, 0, 0, 0, 0, 0, 1]",
    "procurement:\n  central: [1, 1元]",
    "other: [0, 0, 0, 0, 0, 0, 0]",
    "  extra: 1",
    "  natural: 3",
    "year: 2019",
    "form: cn-2019",
    "form: cn-2021",
    "form: cn-1999",
    "published: 2025-02-30",
    "published: 2025-01-20",
    "published: 2025-1-5",
    "title: |\n  多行\n  标题",
    "? [complex, key]\n: 3",
    "<<: *a",
    "~: 3",
    "\"year\": 2024",
];

/// One mutation: applies itself to `text` and says what it did.
type Mutation = fn(&mut Rng, &mut Vec<u8>) -> String;

/// Flips one bit of one byte.
#[expect(clippy::ptr_arg, reason = "a `Mutation`: every mutation has the same signature")]
fn flip_bit(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    if text.is_empty() {
        return "flip: empty".into();
    }
    let i = rng.below(text.len());
    text[i] ^= 1 << rng.below(8);
    format!("flip a bit at byte {i}")
}

/// Inserts one interesting byte.
fn insert_byte(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let (i, b) = (rng.below(text.len() + 1), *rng.pick(BYTES));
    text.insert(i, b);
    format!("insert byte 0x{b:02x} at {i}")
}

/// Deletes one to eight bytes.
fn delete_bytes(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let i = rng.below(text.len());
    let n = (1 + rng.below(8)).min(text.len() - i);
    text.drain(i..i + n);
    format!("delete {n} bytes at {i}")
}

/// Inserts an interesting text (full-width, invisible, invalid UTF-8…).
fn insert_text(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let (i, t) = (rng.below(text.len() + 1), *rng.pick(TEXTS));
    text.splice(i..i, t.iter().copied());
    format!("insert {:?} at byte {i}", String::from_utf8_lossy(t))
}

/// Picks a line, mostly in the front matter where the figures are.
fn pick_line(rng: &mut Rng, text: &[u8]) -> usize {
    let lines = line_ranges(text);
    let end = fence(&lines, text);
    if rng.chance(80) && end > 1 { 1 + rng.below(end) } else { rng.below(lines.len()) }
}

/// The byte offset where line `n` starts (the last line's start if the
/// text has fewer lines).
fn line_start(text: &[u8], n: usize) -> usize {
    let lines = line_ranges(text);
    lines[n.min(lines.len() - 1)].0
}

/// Duplicates a line.
fn duplicate_line(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let n = pick_line(rng, text);
    let (s, e) = line_ranges(text)[n];
    let mut copy = text[s..e].to_vec();
    copy.push(b'\n');
    text.splice(s..s, copy);
    format!("duplicate line {}", n + 1)
}

/// Deletes a line.
fn delete_line(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let n = pick_line(rng, text);
    let (s, e) = line_ranges(text)[n];
    text.drain(s..(e + 1).min(text.len()));
    format!("delete line {}", n + 1)
}

/// Swaps a line with the next.
fn swap_lines(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let lines = line_ranges(text);
    let n = pick_line(rng, text).min(lines.len().saturating_sub(2));
    if lines.len() < 2 {
        return "swap: one line".into();
    }
    let ((s1, e1), (s2, e2)) = (lines[n], lines[n + 1]);
    let mut swapped = text[s2..e2].to_vec();
    swapped.push(b'\n');
    swapped.extend_from_slice(&text[s1..e1]);
    text.splice(s1..e2, swapped);
    format!("swap lines {} and {}", n + 1, n + 2)
}

/// Inserts a YAML document marker line, mostly inside the front matter:
/// `---` and `...` end the first document, with or without a comment.
fn document_marker(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let marker = *rng.pick(&["---", "...", "--- # 注释", "... # 结束", "---  ", "--- !tag", "---\t", "--- |"]);
    let n = pick_line(rng, text).max(1);
    let s = line_start(text, n);
    text.splice(s..s, format!("{marker}\n").into_bytes());
    format!("insert `{marker}` as line {}", n + 1)
}

/// Indents a line more or less, or with a tab.
fn reindent(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let n = pick_line(rng, text);
    let (s, e) = line_ranges(text)[n];
    let spaces = text[s..e].iter().take_while(|&&b| b == b' ').count();
    let (cut, with): (usize, &[u8]) = match rng.below(3) {
        0 => (0, *rng.pick(&[&b" "[..], &b"  "[..], &b"    "[..]])),
        1 => (spaces.min(1 + rng.below(2)), b""),
        _ => (spaces, b"\t"),
    };
    text.splice(s..s + cut, with.iter().copied());
    format!("reindent line {}", n + 1)
}

/// Changes one digit of a figure.
#[expect(clippy::ptr_arg, reason = "a `Mutation`: every mutation has the same signature")]
fn swap_digit(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let spans = figure_spans(text);
    if spans.is_empty() {
        return "swap digit: no figure".into();
    }
    let (s, e) = *rng.pick(&spans);
    let digits: Vec<usize> = (s..e).filter(|&i| text[i].is_ascii_digit()).collect();
    let i = *rng.pick(&digits);
    text[i] = b'0' + rng.below(10) as u8;
    format!("set the digit at byte {i} to {}", text[i] as char)
}

/// Replaces a figure by one of [`VALUES`].
fn replace_figure(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let spans = figure_spans(text);
    if spans.is_empty() {
        return "replace: no figure".into();
    }
    let (s, e) = *rng.pick(&spans);
    let old = String::from_utf8_lossy(&text[s..e]).into_owned();
    let new = *rng.pick(VALUES);
    text.splice(s..e, new.bytes());
    format!("replace figure `{old}` at byte {s} with `{new}`")
}

/// Sets every figure of a row to the same huge value, so that its sums
/// reach the 64-bit limit.
fn huge_row(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let spans = figure_spans(text);
    if spans.is_empty() {
        return "huge row: no figure".into();
    }
    let (s, _) = *rng.pick(&spans);
    let lines = line_ranges(text);
    let &(ls, le) = lines.iter().find(|(ls, le)| (*ls..=*le).contains(&s)).expect("a line");
    let value = *rng.pick(&["9223372036854775807", "4611686018427387904", "3074457345618258603"]);
    for &(fs, fe) in spans.iter().filter(|(fs, _)| (ls..le).contains(fs)).rev() {
        text.splice(fs..fe, value.bytes());
    }
    format!("set every figure of the line at byte {ls} to {value}")
}

/// Drops the last value of a list (a total left out, or a short row).
fn drop_last_value(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let n = pick_line(rng, text);
    let (s, e) = line_ranges(text)[n];
    let line = &text[s..e];
    let (Some(close), Some(comma)) = (line.iter().position(|&b| b == b']'), line.iter().rposition(|&b| b == b','))
    else {
        return format!("drop last value: no list on line {}", n + 1);
    };
    if comma > close {
        return format!("drop last value: no list on line {}", n + 1);
    }
    text.drain(s + comma..s + close);
    format!("drop the last value of line {}", n + 1)
}

/// Rewrites a row written as a list as a map (`{natural: 3, total: 3}`),
/// with some columns left out and in any order.
fn row_to_map(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let forms = Forms::builtin();
    let lines = line_ranges(text);
    let candidates: Vec<usize> =
        (1..fence(&lines, text)).filter(|&i| text[lines[i].0..lines[i].1].starts_with(b"  ")).collect();
    if candidates.is_empty() {
        return "row to map: no row".into();
    }
    let n = *rng.pick(&candidates);
    let table = (1..n).rev().find_map(|i| {
        let l = &text[lines[i].0..lines[i].1];
        (!l.is_empty() && l[0].is_ascii_alphabetic())
            .then(|| String::from_utf8_lossy(l).split(':').next().map(str::to_owned))
    });
    let line = String::from_utf8_lossy(&text[lines[n].0..lines[n].1]).into_owned();
    let (Some(Some(table)), Some((key, rest))) = (table, line.trim_start().split_once(':')) else {
        return format!("row to map: line {} is not a row", n + 1);
    };
    let Some(spec) = forms.list.iter().flat_map(|f| f.tables.iter()).find(|t| t.key == table) else {
        return format!("row to map: no table `{table}`");
    };
    let cols: Vec<&str> = spec
        .col_leaves
        .iter()
        .filter(|l| spec.input == InputShape::Rows || l.group.as_deref() == Some(key))
        .map(|l| l.key.as_str())
        .collect();
    let values: Vec<&str> =
        rest.split('#').next().unwrap_or("").trim().trim_matches(['[', ']']).split(',').map(str::trim).collect();
    let mut pairs: Vec<String> =
        cols.iter().zip(&values).filter(|_| rng.chance(75)).map(|(c, v)| format!("{c}: {v}")).collect();
    if rng.chance(30) && pairs.len() > 1 {
        let i = rng.below(pairs.len());
        pairs.swap(0, i);
    }
    let map = format!("  {key}: {{{}}}", pairs.join(", "));
    text.splice(lines[n].0..lines[n].1, map.bytes());
    format!("rewrite line {} as `{map}`", n + 1)
}

/// Adds keys: unknown, of another form, near misses, metadata, repeated.
fn add_keys(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let key = *rng.pick(KEYS);
    let times = if rng.chance(20) { 2 + rng.below(40) } else { 1 };
    let n = pick_line(rng, text).max(1);
    let s = line_start(text, n);
    let block: String = (0..times).map(|_| format!("{key}\n")).collect();
    text.splice(s..s, block.into_bytes());
    format!("insert `{key}` {times} times at line {}", n + 1)
}

/// Anchors a figure and refers to it from another (aliases are refused;
/// an anchor alone is harmless YAML).
fn anchor_alias(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let spans = figure_spans(text);
    if spans.len() < 2 {
        return "anchor: too few figures".into();
    }
    let (a, b) = (rng.below(spans.len()), rng.below(spans.len()));
    let (first, second) = (spans[a.min(b)], spans[a.max(b)]);
    if a != b && rng.chance(50) {
        text.splice(second.0..second.1, *b"*fig");
    }
    text.splice(first.0..first.0, *b"&fig ");
    format!("anchor the figure at byte {}", first.0)
}

/// Changes line endings: all CRLF, one CRLF, or a lone CR.
fn line_endings(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    match rng.below(3) {
        0 => {
            let crlf: Vec<u8> =
                text.iter().flat_map(|&b| if b == b'\n' { vec![b'\r', b'\n'] } else { vec![b] }).collect();
            *text = crlf;
            "CRLF line endings".into()
        }
        1 => {
            let e = line_ranges(text)[pick_line(rng, text)].1;
            text.insert(e, b'\r');
            format!("CR before the newline at byte {e}")
        }
        _ => {
            let e = line_ranges(text)[pick_line(rng, text)].1;
            if e < text.len() {
                text[e] = b'\r';
            }
            format!("lone CR instead of the newline at byte {e}")
        }
    }
}

/// Puts a UTF-8 BOM at the start, or in the middle.
fn bom(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let i = if rng.chance(50) { 0 } else { rng.below(text.len() + 1) };
    text.splice(i..i, *b"\xEF\xBB\xBF");
    format!("BOM at byte {i}")
}

/// Inserts a long line (up to 20,000 characters) of spaces, CJK text,
/// `<div>`s, digits or figures, in the narrative, a comment or a value.
fn long_line(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let unit = *rng.pick(&[" ", "很", "a", "<div>", "1", "3件", "## ", "\t", "# "]);
    let n = 100 + rng.below(20_000 / unit.len());
    let body = unit.repeat(n);
    let line = match rng.below(3) {
        0 => format!("# {body}"),
        1 => format!("title: {body}"),
        _ => body,
    };
    let at = pick_line(rng, text);
    let s = line_ranges(text)[at].0;
    let preview: String = line.chars().take(12).collect();
    text.splice(s..s, format!("{line}\n").into_bytes());
    format!("insert a line of {n} × `{unit}` (`{preview}…`) at line {}", at + 1)
}

/// Inserts narrative: headings, stated figures, periods, HTML, tables.
fn narrative(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let snippet = *rng.pick(NARRATIVE);
    let lines = line_ranges(text);
    let start = fence(&lines, text) + 1;
    let at = start + rng.below(lines.len().saturating_sub(start).max(1));
    let s = lines.get(at).map_or(text.len(), |l| l.0);
    text.splice(s..s, format!("{snippet}\n").into_bytes());
    format!("insert narrative `{snippet}` at line {}", at + 1)
}

/// Replaces a figure with a small nest of lists or maps (deep nesting is
/// for the child process).
fn nest(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let spans = figure_spans(text);
    if spans.is_empty() {
        return "nest: no figure".into();
    }
    let (s, e) = *rng.pick(&spans);
    let depth = 1 + rng.below(20);
    let figure = String::from_utf8_lossy(&text[s..e]).into_owned();
    let nested = if rng.chance(50) {
        format!("{}{figure}{}", "[".repeat(depth), "]".repeat(depth))
    } else {
        format!("{}{figure}{}", "{a: ".repeat(depth), "}".repeat(depth))
    };
    text.splice(s..e, nested.into_bytes());
    format!("nest the figure at byte {s} {depth} deep")
}

/// Writes part of a figure or its punctuation in full-width characters.
fn full_width(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let spans = figure_spans(text);
    if spans.is_empty() {
        return "full width: no figure".into();
    }
    let (s, e) = *rng.pick(&spans);
    match rng.below(3) {
        0 => {
            let d = text[s] - b'0';
            let wide = char::from_u32('０' as u32 + u32::from(d)).unwrap_or('０');
            text.splice(s..s + 1, wide.to_string().into_bytes());
            format!("full-width digit at byte {s}")
        }
        1 if text.get(e) == Some(&b',') => {
            text.splice(e..e + 1, "，".bytes());
            format!("full-width comma at byte {e}")
        }
        _ => {
            let colon = text[..s].iter().rposition(|&b| b == b':').unwrap_or(0);
            if text.get(colon) == Some(&b':') {
                text.splice(colon..colon + 1, "：".bytes());
            }
            format!("full-width colon at byte {colon}")
        }
    }
}

/// Cuts the file short.
fn truncate(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let i = rng.below(text.len() + 1);
    text.truncate(i);
    format!("truncate at byte {i}")
}

/// Splices in a piece of the other example (another form's tables and
/// narrative).
fn splice_other(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let other = if text.starts_with(b"---\nyear: 2020") { harness::EXAMPLE_2021 } else { harness::EXAMPLE_2019 };
    let lines: Vec<&str> = other.lines().collect();
    let from = rng.below(lines.len());
    let n = 1 + rng.below(8);
    let piece: String = lines.iter().skip(from).take(n).map(|l| format!("{l}\n")).collect();
    let at = pick_line(rng, text);
    let s = line_ranges(text)[at].0;
    text.splice(s..s, piece.into_bytes());
    format!("splice lines {}–{} of the other example at line {}", from + 1, from + n, at + 1)
}

/// Rewrites the year: out of range, of the other form, quoted, huge.
fn year(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let value = *rng.pick(&[
        "2018",
        "2019",
        "2021",
        "2200",
        "2201",
        "0",
        "-2024",
        "99999999999999999999",
        "\"2024\"",
        "2024.0",
        "02024",
        "２０２４",
        "",
    ]);
    let s = String::from_utf8_lossy(text);
    let Some(at) = s.find("\nyear:") else {
        return "year: none".into();
    };
    let start = at + "\nyear:".len();
    let end = s[start..].find('\n').map_or(s.len(), |e| start + e);
    text.splice(start..end, format!(" {value}").into_bytes());
    format!("year: {value}")
}

/// Every in-process mutation, with its name.
const MUTATIONS: &[(&str, Mutation)] = &[
    ("flip_bit", flip_bit),
    ("insert_byte", insert_byte),
    ("delete_bytes", delete_bytes),
    ("insert_text", insert_text),
    ("duplicate_line", duplicate_line),
    ("delete_line", delete_line),
    ("swap_lines", swap_lines),
    ("document_marker", document_marker),
    ("reindent", reindent),
    ("swap_digit", swap_digit),
    ("replace_figure", replace_figure),
    ("huge_row", huge_row),
    ("drop_last_value", drop_last_value),
    ("row_to_map", row_to_map),
    ("add_keys", add_keys),
    ("anchor_alias", anchor_alias),
    ("line_endings", line_endings),
    ("bom", bom),
    ("long_line", long_line),
    ("narrative", narrative),
    ("nest", nest),
    ("full_width", full_width),
    ("truncate", truncate),
    ("splice_other", splice_other),
    ("year", year),
];

/// Mutant `index` of `original`: one to three random mutations.
fn mutant(seed: u64, index: usize, original: &str, mutations: &[(&str, Mutation)]) -> (Vec<u8>, Vec<String>) {
    let mut rng = Rng::for_mutant(seed, index);
    let mut text = original.as_bytes().to_vec();
    let mut done = Vec::new();
    for _ in 0..1 + rng.below(3) {
        let (name, mutate) = rng.pick(mutations);
        if text.is_empty() {
            text.push(b'-');
        }
        done.push(format!("{name}: {}", mutate(&mut rng, &mut text)));
    }
    (text, done)
}

// ------------------------------------------------------------------ running

thread_local! {
    /// Set while a mutant runs on this thread: its panic is recorded here, not printed.
    static CAUGHT: RefCell<Option<Option<String>>> = const { RefCell::new(None) };
}

/// A panic of a mutant on a worker thread of [`POOL_NAME`]'s pool (the
/// checker runs reports in parallel with rayon).
static WORKER_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// The prefix of the names of this module's rayon worker threads.
const POOL_NAME: &str = "mutation-worker";

/// The rayon pool mutants are checked in: its threads are named, so the
/// panic hook knows their panics are a mutant's.
fn pool() -> &'static rayon::ThreadPool {
    static POOL: OnceLock<rayon::ThreadPool> = OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .thread_name(|i| format!("{POOL_NAME}-{i}"))
            .build()
            .expect("a thread pool")
    })
}

/// Installs (once) a panic hook that records the place and message of a
/// mutant's panic instead of printing it, and leaves every other panic of
/// the test binary to the usual hook.
fn quiet_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let mut place = info.location().map_or(String::new(), |l| format!("{}:{}", l.file(), l.line()));
            if place.starts_with("/rustc/") {
                place = caller_in_gongkai().unwrap_or(place);
            }
            let message = format!("{place}: {}", info.payload_as_str().unwrap_or("(no message)"));
            let recorded = CAUGHT.with(|c| match c.borrow_mut().as_mut() {
                Some(slot) => {
                    *slot = Some(message.clone());
                    true
                }
                None => false,
            });
            let worker = std::thread::current().name().is_some_and(|n| n.starts_with(POOL_NAME));
            if worker {
                *WORKER_PANIC.lock().unwrap_or_else(|e| e.into_inner()) = Some(message);
            } else if !recorded {
                previous(info);
            }
        }));
    });
}

/// For a panic inside the standard library (an overflow in `Iterator::sum`),
/// the place in gongkai that called it, from a backtrace: that is the bug's
/// place. Resolved for the first thousand such panics only (resolution is slow).
fn caller_in_gongkai() -> Option<String> {
    static RESOLVED: AtomicUsize = AtomicUsize::new(0);
    if RESOLVED.fetch_add(1, Ordering::Relaxed) >= 1_000 {
        return None;
    }
    let trace = std::backtrace::Backtrace::force_capture().to_string();
    let mut lines = trace.lines();
    while let Some(frame) = lines.next() {
        if frame.trim_start().split_once(": ").is_some_and(|(_, f)| f.starts_with("gongkai::")) {
            let at = lines.next()?.trim().strip_prefix("at ")?;
            return Some(at.rsplit_once(":").map_or(at, |(file, _col)| file).to_owned());
        }
    }
    None
}

/// One failure of one mutant.
struct Failure {
    /// What broke: `panic at …`, `slow`, or a violation class.
    class: String,
    /// The details.
    detail: String,
}

/// The harness's report or agency path.
type Check<'a> = &'a (dyn Fn(&[u8]) -> Result<Outcome, Vec<Violation>> + Sync);

/// Runs one input through `check`, catching a panic and timing it. With
/// `in_pool` (reports: the checker is parallel), it runs in this module's
/// rayon pool, whose panics the hook records, one input at a time.
fn run_one(check: Check<'_>, bytes: &[u8], in_pool: bool) -> Result<Outcome, Vec<Failure>> {
    quiet_panics();
    CAUGHT.with(|c| *c.borrow_mut() = Some(None));
    let started = Instant::now();
    // One user of the pool at a time: its panics land in one slot.
    static POOL_USER: Mutex<()> = Mutex::new(());
    let _user = in_pool.then(|| POOL_USER.lock().unwrap_or_else(|e| e.into_inner()));
    let result =
        catch_unwind(AssertUnwindSafe(|| if in_pool { pool().install(|| check(bytes)) } else { check(bytes) }));
    let took = started.elapsed();
    let worker = if in_pool { WORKER_PANIC.lock().unwrap_or_else(|e| e.into_inner()).take() } else { None };
    let panic = CAUGHT.with(|c| c.borrow_mut().take()).flatten().or(worker);
    let mut failures = Vec::new();
    let outcome = match result {
        Ok(Ok(outcome)) => Some(outcome),
        Ok(Err(violations)) => {
            failures.extend(
                violations
                    .iter()
                    .map(|v| Failure { class: v.class.into(), detail: harness::describe(std::slice::from_ref(v)) }),
            );
            None
        }
        Err(_) => {
            let message = panic.unwrap_or_default();
            // The class is the place (and the start of the message): one bug, one class.
            let short: String = message.chars().take(100).collect();
            failures.push(Failure { class: format!("panic at {short}"), detail: message });
            None
        }
    };
    if took > MUTANT_LIMIT {
        failures.push(Failure { class: "slow".into(), detail: format!("took {took:.2?} (limit {MUTANT_LIMIT:?})") });
    }
    match (outcome, failures.is_empty()) {
        (Some(o), true) => Ok(o),
        _ => Err(failures),
    }
}

/// The failures of a run, grouped by class, with the first few mutants of
/// each class written out for replay.
struct Findings {
    /// Which test, for file names.
    test: &'static str,
    /// The seed of the run.
    seed: u64,
    /// Class → (count, first examples).
    classes: BTreeMap<String, (usize, Vec<String>)>,
    /// Outcomes seen, to show the run reached accepted reports at all.
    outcomes: BTreeMap<String, usize>,
}

/// Examples kept and written out per class.
const EXAMPLES: usize = 3;

impl Findings {
    /// An empty report for `test` under `seed`.
    fn new(test: &'static str, seed: u64) -> Findings {
        Findings { test, seed, classes: BTreeMap::new(), outcomes: BTreeMap::new() }
    }

    /// Records the result of mutant `index` of `original`.
    fn record(
        &mut self,
        index: usize,
        original: &str,
        bytes: &[u8],
        done: &[String],
        result: Result<Outcome, Vec<Failure>>,
    ) {
        let failures = match result {
            Ok(outcome) => {
                *self.outcomes.entry(format!("{outcome:?}")).or_default() += 1;
                return;
            }
            Err(f) => f,
        };
        *self.outcomes.entry("failed".into()).or_default() += 1;
        // A lone CR moves every later YAML position down a line (the YAML
        // parser counts it as a line break, gongkai's line index does not):
        // one cause, so one group, whatever the oracle saw.
        let lone_cr = bytes.windows(2).any(|w| w[0] == b'\r' && w[1] != b'\n') || bytes.ends_with(b"\r");
        let mut seen = Vec::new();
        for mut f in failures {
            if lone_cr && !f.class.starts_with("panic") {
                f.class = format!("lone CR: {}", f.class);
            }
            if seen.contains(&f.class) {
                continue;
            }
            seen.push(f.class.clone());
            let (count, examples) = self.classes.entry(f.class.clone()).or_default();
            *count += 1;
            if examples.len() < EXAMPLES {
                let file = save(self.test, self.seed, index, bytes);
                examples.push(format!(
                    "seed {:#x} index {index}: {}\n    mutations: {}\n    mutant: {}\n{}",
                    self.seed,
                    f.detail,
                    done.join("; "),
                    file.display(),
                    changed_lines(original, bytes)
                ));
            }
        }
    }

    /// Fails with every class, its count and examples, if any.
    fn assert_clean(&self, total: usize) {
        if self.classes.is_empty() {
            return;
        }
        let mut msg = format!(
            "{}: {} failure classes in {total} mutants (seed {:#x}; outcomes {:?})\n",
            self.test,
            self.classes.len(),
            self.seed,
            self.outcomes
        );
        for (class, (count, examples)) in &self.classes {
            let _ = writeln!(msg, "\n=== {class} ({count} mutants)");
            for e in examples {
                let _ = writeln!(msg, "  - {e}");
            }
        }
        panic!("{msg}");
    }
}

/// Writes a failing mutant under the target folder and returns its path.
fn save(test: &str, seed: u64, index: usize, bytes: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("mutation-failures");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("{test}-{seed:x}-{index}"));
    let _ = std::fs::write(&path, bytes);
    path
}

/// The lines of `mutant` that differ from `original` (common head and tail
/// left out), numbered, each cut to 160 characters, at most 12.
fn changed_lines(original: &str, mutant: &[u8]) -> String {
    let mutant = String::from_utf8_lossy(mutant);
    let (a, b): (Vec<&str>, Vec<&str>) = (original.split('\n').collect(), mutant.split('\n').collect());
    if a.len() == b.len() {
        let mut out = String::new();
        for (i, (x, y)) in a.iter().zip(&b).enumerate().filter(|(_, (x, y))| x != y).take(12) {
            let _ = (x, writeln!(out, "      {:>4} | {:?}", i + 1, y.chars().take(160).collect::<String>()));
        }
        return if out.is_empty() { "      (no line changed)\n".into() } else { out };
    }
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..].iter().rev().zip(b[head..].iter().rev()).take_while(|(x, y)| x == y).count();
    let mut out = String::new();
    for (i, line) in b[head..b.len() - tail].iter().enumerate().take(12) {
        let cut: String = line.chars().take(160).collect();
        let more = if line.chars().count() > 160 { "…" } else { "" };
        let _ = writeln!(out, "      {:>4} | {cut:?}{more}", head + i + 1);
    }
    if b.len() - tail - head > 12 {
        let _ = writeln!(out, "      … {} more changed lines", b.len() - tail - head - 12);
    }
    if out.is_empty() {
        out = "      (no line changed)\n".into();
    }
    out
}

// ------------------------------------------------------------------ random mutants

/// Mutant `GONGKAI_ONLY` alone, to replay a failure; else all of them.
fn indices(count: usize) -> std::ops::Range<usize> {
    match std::env::var("GONGKAI_ONLY").ok().and_then(|s| s.parse::<usize>().ok()) {
        Some(i) => i..i + 1,
        None => 0..count,
    }
}

/// Mutants of both example reports: no panic, each within the time limit,
/// and every accepted one keeps exactly the figures written in it.
#[test]
fn report_mutants_never_panic_and_keep_their_figures() {
    let (count, seed) = settings();
    let fx = harness::fixture();
    let mut findings = Findings::new("report", seed);
    let started = Instant::now();
    for index in indices(count) {
        let original = if index % 2 == 0 { harness::EXAMPLE_2019 } else { harness::EXAMPLE_2021 };
        let (bytes, done) = mutant(seed, index, original, MUTATIONS);
        let result = run_one(&|b| fx.report(b), &bytes, true);
        findings.record(index, original, &bytes, &done, result);
    }
    eprintln!("report mutants: {count} in {:.1?}, outcomes {:?}", started.elapsed(), findings.outcomes);
    findings.assert_clean(count);
}

/// The mutations meaningful for an agency file (it holds no figures).
const AGENCY_MUTATIONS: &[(&str, Mutation)] = &[
    ("flip_bit", flip_bit),
    ("insert_byte", insert_byte),
    ("delete_bytes", delete_bytes),
    ("insert_text", insert_text),
    ("duplicate_line", duplicate_line),
    ("delete_line", delete_line),
    ("swap_lines", swap_lines),
    ("document_marker", document_marker),
    ("reindent", reindent),
    ("add_keys", add_keys),
    ("line_endings", line_endings),
    ("bom", bom),
    ("long_line", long_line),
    ("truncate", truncate),
];

/// Mutants of an agency file: no panic, and an accepted agency keeps every
/// field written. A third as many as report mutants: the file is small.
#[test]
fn agency_mutants_never_panic_and_keep_their_fields() {
    let (count, seed) = settings();
    let count = count / 3;
    let fx = harness::fixture();
    let mut findings = Findings::new("agency", seed);
    for index in indices(count) {
        let (bytes, done) = mutant(seed, index, harness::EXAMPLE_AGENCY, AGENCY_MUTATIONS);
        let result = run_one(&|b| fx.agency(b), &bytes, false);
        findings.record(index, harness::EXAMPLE_AGENCY, &bytes, &done, result);
    }
    findings.assert_clean(count);
}

// ------------------------------------------------------------------ one class each

/// Runs named inputs through the harness and fails naming every one that
/// panicked, took too long or broke a property; `expect`, when given, is the
/// outcome each must have.
fn run_cases(cases: &[(String, Vec<u8>)], agency: bool, expect: Option<Outcome>) {
    let bad = failures(cases, agency, expect);
    assert!(bad.is_empty(), "{} of {} inputs failed:\n{}", bad.len(), cases.len(), bad.join("\n"));
}

/// What [`run_cases`] fails with: each failing input and why.
fn failures(cases: &[(String, Vec<u8>)], agency: bool, expect: Option<Outcome>) -> Vec<String> {
    let fx = harness::fixture();
    let mut bad = Vec::new();
    for (name, bytes) in cases {
        let result =
            if agency { run_one(&|b| fx.agency(b), bytes, false) } else { run_one(&|b| fx.report(b), bytes, true) };
        match result {
            Ok(outcome) if expect.is_none_or(|e| e == outcome) => {}
            Ok(outcome) => bad.push(format!("{name}: {outcome:?}, expected {expect:?}")),
            Err(failures) => {
                let mut all: Vec<&str> = failures.iter().map(|f| f.detail.as_str()).take(8).collect();
                let more = format!("… and {} more", failures.len().saturating_sub(8));
                if failures.len() > 8 {
                    all.push(&more);
                }
                bad.push(format!("{name}:\n    {}", all.join("\n    ")));
            }
        }
    }
    bad
}

/// The 2021 example with `value` in place of its 行政许可 figure.
fn with_permit(value: &str) -> Vec<u8> {
    replaced(harness::EXAMPLE_2021, "permit: 447228", &format!("permit: {value}"))
}

/// `text` with the first `from` replaced by `to` (which must be there).
fn replaced(text: &str, from: &str, to: &str) -> Vec<u8> {
    assert!(text.contains(from), "`{from}` is not in the example");
    text.replacen(from, to, 1).into_bytes()
}

/// The 2021 example with `text` appended to its narrative.
fn with_narrative(text: &str) -> Vec<u8> {
    format!("{}\n{text}\n", harness::EXAMPLE_2021).into_bytes()
}

/// The 2021 example with `lines` inserted at the start of its front matter.
fn with_front(lines: &str) -> Vec<u8> {
    replaced(harness::EXAMPLE_2021, "---\n", &format!("---\n{lines}"))
}

/// A figure is a plain number: written quoted, tagged, as a block scalar or
/// with a leading zero (YAML 1.1 reads `010` as 8) it is refused or warned
/// about, never taken as the number silently.
#[test]
fn figures_spelled_other_ways_are_not_taken_silently() {
    let spellings = ["\"3\"", "'3'", "!!str 3", "!!float 3", "!!int 3", "!!binary 3", "!custom 3", "03", "0003"];
    let mut cases: Vec<(String, Vec<u8>)> = Vec::new();
    for s in spellings {
        cases.push((format!("行政许可 `{s}`"), with_permit(s)));
        let rules = format!("rules:     [1,  0, {s}]");
        cases.push((format!("a list's `{s}`"), replaced(harness::EXAMPLE_2021, "rules:     [1,  0, 11]", &rules)));
        let money = format!("central: [60, {}]", s.replace('3', "1054900元"));
        cases.push((
            format!("an amount `{money}`"),
            replaced(harness::EXAMPLE_2019, "central: [60, 1054900元]", &money),
        ));
    }
    for block in ["|", ">", "|-", ">+"] {
        let value = format!("permit: {block}\n    3\n");
        cases.push((
            format!("a `{block}` block scalar"),
            replaced(harness::EXAMPLE_2021, "permit: 447228   # 行政许可\n", &value),
        ));
    }
    cases.push(("a decimal `096171.6`".into(), replaced(harness::EXAMPLE_2021, "fees: 96171.6", "fees: 096171.6")));
    // A `!` typed before a figure makes it a tag on an empty value: a blank cell.
    cases
        .push(("a tag glued to a figure `!26`".into(), replaced(harness::EXAMPLE_2021, "[8, 26, 66]", "[8, !26, 66]")));
    run_cases(&cases, false, None);
}

/// An `&` typed before a figure makes it an anchor named by the figure on
/// an empty value: the figure must not become a blank cell (reported only
/// as "blank cells are read as 0").
#[test]
fn an_anchor_typed_for_a_figure_does_not_blank_it() {
    let total = "total:           [2932, 53, 0, 0, 61, 4, 3050]";
    let cases = vec![(
        "`&61` in the 总计 row".to_string(),
        replaced(harness::EXAMPLE_2021, total, &total.replace("61", "&61")),
    )];
    run_cases(&cases, false, None);
}

/// A key written twice is refused even when one of them is quoted
/// (`"year"`, `'applications'`): YAML reads both as the same key, and
/// gongkai must not silently keep one of the two sets of figures.
#[test]
fn a_key_written_twice_is_refused_even_when_quoted() {
    let apps = "applications:\n";
    let again = "\"applications\":\n  new: [1, 0, 0, 0, 0, 0, 1]\n";
    let cases = vec![
        (
            "`\"year\": 2019` after `year: 2024`".to_string(),
            replaced(harness::EXAMPLE_2021, "title:", "\"year\": 2019\ntitle:"),
        ),
        ("`'year': 2024` again".into(), replaced(harness::EXAMPLE_2021, "appeals:\n", "'year': 2024\nappeals:\n")),
        (
            "a table written twice, once quoted".into(),
            replaced(harness::EXAMPLE_2021, "appeals:\n", &format!("{again}appeals:\n")),
        ),
        (
            "a row written twice, once quoted".into(),
            replaced(harness::EXAMPLE_2021, apps, &format!("{apps}  'new': [1, 0, 0, 0, 0, 0, 1]\n")),
        ),
    ];
    run_cases(&cases, false, Some(Outcome::Refused));
}

/// A count of `-0` is a sign on a number that has none: refused or warned
/// about, not read as 0 silently.
#[test]
fn a_signed_zero_count_is_not_taken_silently() {
    run_cases(&[("行政许可 `-0`".into(), with_permit("-0"))], false, None);
}

/// A `---` or `...` line inside the front matter (or an agency file) ends
/// the YAML document; what follows must not vanish without a word.
#[test]
fn document_markers_inside_the_front_matter_are_not_silent() {
    let markers = ["---", "...", "--- # 注释", "... # 结束", "--- !tag", "---  ", "--- |"];
    let mut reports: Vec<(String, Vec<u8>)> = Vec::new();
    let mut agencies: Vec<(String, Vec<u8>)> = Vec::new();
    for m in markers {
        let enforcement = "enforcement:        # 第二十条第（六）项 — 本年处理决定数量\n";
        let before = replaced(harness::EXAMPLE_2021, enforcement, &format!("{m}\n{enforcement}"));
        reports.push((format!("2021: `{m}` before 行政处罚"), before));
        let after_year = replaced(harness::EXAMPLE_2019, "year: 2020\n", &format!("year: 2020\n{m}\n"));
        reports.push((format!("2019: `{m}` after `year:`"), after_year));
        let agency = replaced(harness::EXAMPLE_AGENCY, "contact:\n", &format!("{m}\ncontact:\n"));
        agencies.push((format!("agency: `{m}` before `contact:`"), agency));
    }
    let mut bad = failures(&reports, false, None);
    bad.extend(failures(&agencies, true, None));
    let total = reports.len() + agencies.len();
    assert!(bad.is_empty(), "{} of {total} inputs failed:\n{}", bad.len(), bad.join("\n"));
}

/// Figures at the 64-bit limit: their sums (given totals checked, omitted
/// totals computed, narrative figures compared, signed 增/减) are refused or
/// reported, never a panic (debug) or a wrapped total (release).
#[test]
fn sums_at_the_64_bit_limit_do_not_panic_or_wrap() {
    let max = i64::MAX;
    let new = "new:             [3001, 53, 0, 0, 61, 4, 3119]";
    let cases = vec![
        (
            "a given total".to_string(),
            replaced(harness::EXAMPLE_2021, new, &format!("new: [{max}, 53, 0, 0, 61, 4, 3119]")),
        ),
        ("an omitted total".into(), replaced(harness::EXAMPLE_2021, new, &format!("new: [{max}, 53, 0, 0, 61, 4]"))),
        ("a stated figure".into(), {
            let t = String::from_utf8_lossy(&replaced(
                harness::EXAMPLE_2021,
                new,
                &format!("new: [{max}, 1, 0, 0, 0, 0, {max}]"),
            ))
            .into_owned();
            format!("{t}\n全市共受理政府信息公开申请 3 件。\n").into_bytes()
        }),
        (
            "the most negative 增/减".into(),
            replaced(harness::EXAMPLE_2019, "permit:   [0, 0, 0]", "permit:   [0, -9223372036854775808, 0]"),
        ),
        (
            "a stock and its 增/减".into(),
            replaced(harness::EXAMPLE_2019, "permit:   [0, 0, 0]", &format!("permit:   [{max}, {max}, 0]")),
        ),
        (
            "a column of huge rows".into(),
            replaced(
                harness::EXAMPLE_2019,
                "partial:         [2, 0, 0, 0, 0, 0, 2]",
                &format!("partial:         [{max}, 0, 0, 0, 0, 0, {max}]"),
            ),
        ),
    ];
    run_cases(&cases, false, None);
}

/// Numbers beyond 64 bits or not integers at all are refused with a
/// diagnostic, not accepted, rounded or clamped.
#[test]
fn figures_beyond_64_bits_are_refused() {
    let values = ["9223372036854775808", "18446744073709551616", "99999999999999999999999999", "1e400", "1e3", "3.0"];
    let cases: Vec<(String, Vec<u8>)> = values.iter().map(|v| (format!("行政许可 `{v}`"), with_permit(v))).collect();
    run_cases(&cases, false, Some(Outcome::Refused));
}

/// A lone CR (an old Mac line end, or a stray `\r` pasted in) is one line
/// break or none, the same for the YAML positions as for gongkai's line
/// index and snippets: no figure or diagnostic points at the wrong line.
#[test]
fn a_lone_cr_moves_no_position() {
    let cases = vec![
        (
            "2021: a CR ending line 10".to_string(),
            replaced(harness::EXAMPLE_2021, "447228   # 行政许可\n", "447228   # 行政许可\r"),
        ),
        (
            "2019: a CR ending line 10".into(),
            replaced(harness::EXAMPLE_2019, "[0, 0, 0]   # 行政许可\n", "[0, 0, 0]   # 行政许可\r"),
        ),
    ];
    run_cases(&cases, false, None);
}

/// A YAML error at the very end of a file without a final newline points at
/// the file's last line, not the line after it.
#[test]
fn yaml_errors_at_the_end_of_a_file_point_inside_it() {
    let cases = vec![
        ("agency ending in `kind: [`".to_string(), b"name: x\nkind: [".to_vec()),
        ("agency ending in `  postcode`".into(), {
            let text = harness::EXAMPLE_AGENCY;
            text.as_bytes()[..text.find("  postcode").expect("postcode") + "  postcode".len()].to_vec()
        }),
    ];
    run_cases(&cases, true, None);
}

// ------------------------------------------------------------------ child processes

/// How a `gongkai build` child process ended.
enum Ended {
    /// Exited with this code after this long.
    Exit(i32, Duration),
    /// Killed by this signal (a stack overflow aborts with SIGABRT).
    Signal(i32, Duration),
    /// Still running at the limit: killed by the test.
    Timeout(Duration),
}

/// Runs `gongkai build` (check, then render) on a throw-away site with
/// `report` as its one report and `agency` as its agency file, killing it at
/// `limit`. A child, because a stack overflow aborts the whole process and a
/// runaway input must not hold up the test binary.
fn gongkai_build(report: &[u8], agency: &[u8], limit: Duration) -> Ended {
    let site = TempSite::new();
    site.write("content/reports/fuzz/agency.yaml", agency).write("content/reports/fuzz/report.md", report);
    let out = std::fs::File::create(site.path().join("out.txt")).expect("output file");
    let started = Instant::now();
    let mut child = crate::fixture::gongkai()
        .arg("--root")
        .arg(site.path())
        .args(["build", "--output"])
        .arg(site.path().join("public"))
        .stdout(Stdio::from(out.try_clone().expect("output file")))
        .stderr(Stdio::from(out))
        .spawn()
        .expect("run gongkai");
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            use std::os::unix::process::ExitStatusExt;
            let took = started.elapsed();
            return match status.code() {
                Some(code) => Ended::Exit(code, took),
                None => Ended::Signal(status.signal().unwrap_or(0), took),
            };
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return Ended::Timeout(started.elapsed());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

impl std::fmt::Display for Ended {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Ended::Exit(code, took) => write!(f, "exit {code} after {took:.2?}"),
            Ended::Signal(signal, took) => write!(f, "killed by signal {signal} after {took:.2?}"),
            Ended::Timeout(took) => write!(f, "still running after {took:.1?}: killed"),
        }
    }
}

/// A case for a child process: name, report, agency file.
type ChildCase = (String, Vec<u8>, Vec<u8>);

/// Runs every case in a child and fails naming each that crashed, ran past
/// `limit`, took longer than `within`, or exited with a code gongkai never
/// uses (0: built, 1: errors, 2: cannot run).
fn run_children(cases: &[ChildCase], within: Duration, limit: Duration) {
    let mut bad = Vec::new();
    for (name, report, agency) in cases {
        let ended = gongkai_build(report, agency, limit);
        eprintln!("{name}: {ended}");
        match ended {
            Ended::Exit(0..=2, took) if took <= within => {}
            Ended::Exit(0..=2, _) => bad.push(format!("{name}: {ended} (limit {within:?})")),
            _ => bad.push(format!("{name}: {ended}")),
        }
    }
    assert!(bad.is_empty(), "{} of {} inputs failed:\n{}", bad.len(), cases.len(), bad.join("\n"));
}

/// The example agency file, for cases about the report.
fn agency() -> Vec<u8> {
    harness::EXAMPLE_AGENCY.as_bytes().to_vec()
}

/// The example agency file with `value` as its kind.
fn agency_kind(value: &str) -> Vec<u8> {
    replaced(harness::EXAMPLE_AGENCY, "kind: 乡镇", &format!("kind: {value}"))
}

/// Flow collections nested 5,000 and 100,000 deep (closed, unclosed, lists,
/// maps, as a key written twice), in a report and in an agency file, are
/// refused with an answer: the YAML parser limits their depth.
#[test]
fn deep_flow_nesting_is_refused_cleanly() {
    let mut cases: Vec<ChildCase> = Vec::new();
    for depth in [5_000, 100_000] {
        let list = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let map = format!("{}{}", "{a: ".repeat(depth), "}".repeat(depth));
        let key = format!("? {list}\n: 1\n? {list}\n: 2\n");
        let report = || harness::EXAMPLE_2021.as_bytes().to_vec();
        cases.extend([
            (format!("lists {depth} deep"), with_permit(&list), agency()),
            (format!("unclosed lists {depth} deep"), with_permit(&"[".repeat(depth)), agency()),
            (format!("maps {depth} deep"), with_permit(&map), agency()),
            (format!("list keys {depth} deep, twice"), with_front(&key), agency()),
            (format!("agency: lists {depth} deep"), report(), agency_kind(&list)),
            (format!("agency: maps {depth} deep"), report(), agency_kind(&map)),
        ]);
    }
    run_children(&cases, Duration::from_secs(10), Duration::from_secs(30));
}

/// Compact block lists (`- - - … 3`), which the YAML parser does not limit,
/// nested deep: as a value (100,000 deep) and as a key written twice (5,000
/// deep), in a report and in an agency file, end with an answer, never a
/// crash of the process.
#[test]
fn deep_block_nesting_ends_with_an_answer() {
    let value = format!("\n    {}3", "- ".repeat(100_000));
    let keys = format!("?\n  {}3\n: 1\n?\n  {}3\n: 2\n", "- ".repeat(5_000), "- ".repeat(5_000));
    let cases = vec![
        ("block lists 100,000 deep".to_string(), with_permit(&value), agency()),
        ("block list keys 5,000 deep, twice".into(), with_front(&keys), agency()),
        ("agency: block lists 100,000 deep".into(), harness::EXAMPLE_2021.as_bytes().to_vec(), agency_kind(&value)),
        (
            "agency: block list keys 5,000 deep, twice".into(),
            harness::EXAMPLE_2021.as_bytes().to_vec(),
            format!("{keys}{}", harness::EXAMPLE_AGENCY).into_bytes(),
        ),
    ];
    run_children(&cases, Duration::from_secs(10), Duration::from_secs(30));
}

/// Large inputs of shapes that are handled in linear time: long runs of
/// spaces, flat `<div>`s, long lines of years, many headings, periods and
/// stated figures on separate lines, huge lists, values, comments and
/// numbers. Each takes a second or so in a debug build; the limit of 8 s
/// leaves room for a loaded machine, and catches work that grows faster.
#[test]
fn large_inputs_take_linear_time() {
    let report = |name: &str, bytes: Vec<u8>| (name.to_owned(), bytes, agency());
    let cases = vec![
        report("a narrative line of 1,000,000 spaces", with_narrative(&format!("a{}b", " ".repeat(1_000_000)))),
        report("200,000 narrative lines of a space", with_narrative(&" \n".repeat(200_000))),
        report("25,000 closed `<div></div>`s", with_narrative(&"<div></div>".repeat(25_000))),
        report("20,000 `</div><div>` lines", with_narrative(&"</div><div>\n".repeat(20_000))),
        report(
            "10 stated figures after 100,000 spaces each",
            with_narrative(&format!("共受理{}3件\n", " ".repeat(100_000)).repeat(10)),
        ),
        report("5,000 lines of stated figures", with_narrative(&"本年新收政府信息公开申请3件。\n".repeat(5_000))),
        report("5,000 section headings", with_narrative(&"## 三、收到和处理政府信息公开申请情况\n".repeat(5_000))),
        report("50,000 years in one line", with_narrative(&"2019年".repeat(50_000))),
        report("5,000 statistical periods", with_narrative(&"自2019年1月1日至2019年12月31日。\n".repeat(5_000))),
        report("2,000 unknown keys", with_front(&(0..2_000).map(|i| format!("k{i}: 1\n")).collect::<String>())),
        report("a list of 100,000 figures", with_permit(&format!("[{}0]", "0, ".repeat(100_000)))),
        report("a figure after 1,000,000 spaces", with_permit(&format!("{}3", " ".repeat(1_000_000)))),
        report("a title of 500,000 characters", with_front(&format!("title: {}\n", "很".repeat(500_000)))),
        report("a comment of 1,000,000 characters", with_front(&format!("# {}\n", "#".repeat(1_000_000)))),
        report("a figure of 300,000 digits", with_permit(&"9".repeat(300_000))),
    ];
    run_children(&cases, Duration::from_secs(8), Duration::from_secs(30));
}

/// Inputs whose handling grows quadratically today, sized so that linear
/// work takes well under a second in a debug build and quadratic work
/// takes minutes: many unknown keys (in the front matter, a table, an
/// agency file) and a run of spaces before a stated figure.
#[test]
fn inputs_that_were_quadratic_take_linear_time() {
    let keys = |indent: &str| (0..40_000).map(|i| format!("{indent}k{i}: 1\n")).collect::<String>();
    let table = replaced(harness::EXAMPLE_2021, "applications:\n", &format!("applications:\n{}", keys("  ")));
    let agency_keys = format!("{}{}", harness::EXAMPLE_AGENCY, keys("")).into_bytes();
    let spaces = format!("另有{}103件顺延到下年度答复。", " ".repeat(20_000));
    let cases = vec![
        ("40,000 unknown keys".to_string(), with_front(&keys("")), agency()),
        ("40,000 unknown keys in a table".into(), table, agency()),
        ("an agency file with 40,000 unknown keys".into(), harness::EXAMPLE_2021.as_bytes().to_vec(), agency_keys),
        ("20,000 spaces before a stated figure".into(), with_narrative(&spaces), agency()),
    ];
    run_children(&cases, Duration::from_secs(5), Duration::from_secs(20));
}

/// More inputs that grow quadratically today, found by this test: many
/// stated figures in one narrative line, and raw `<div>`s nested deep in
/// the narrative (rendered by `build`).
#[test]
fn many_stated_figures_and_nested_html_take_linear_time() {
    let cases = vec![
        (
            "8,000 stated figures in one line".to_string(),
            with_narrative(&"共受理政府信息公开申请3件，".repeat(8_000)),
            agency(),
        ),
        ("20,000 nested `<div>`s".into(), with_narrative(&"<div>".repeat(20_000)), agency()),
    ];
    run_children(&cases, Duration::from_secs(5), Duration::from_secs(20));
}

/// The fuzz targets' seeds (`fuzz/seeds/`) and the examples are accepted
/// as they are: a seed that no longer parses would leave the fuzzer to
/// start from errors.
#[test]
fn the_fuzz_seeds_are_accepted() {
    let mut reports: Vec<(String, Vec<u8>)> = vec![
        ("example 2020".into(), harness::EXAMPLE_2019.as_bytes().to_vec()),
        ("example 2024".into(), harness::EXAMPLE_2021.as_bytes().to_vec()),
    ];
    let mut agencies: Vec<(String, Vec<u8>)> = vec![("example agency".into(), agency())];
    for (dir, into) in [("report", &mut reports), ("agency", &mut agencies)] {
        let folder = crate::fixture::repo().join("fuzz/seeds").join(dir);
        for entry in std::fs::read_dir(&folder).expect("fuzz/seeds") {
            let path = entry.expect("entry").path();
            into.push((path.display().to_string(), std::fs::read(&path).expect("seed")));
        }
    }
    assert!(reports.len() > 2 && agencies.len() > 1, "no seeds in fuzz/seeds");
    run_cases(&reports, false, Some(Outcome::Accepted));
    run_cases(&agencies, true, Some(Outcome::Accepted));
}
