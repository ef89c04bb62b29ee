//! The catalogues against each other and against the code: same ids in both
//! languages, every id the code names exists with the arguments it is given,
//! and the Chinese catalogue has no English words.

use super::*;
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Message id → the variables its text uses, for one catalogue file.
fn messages(text: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(text).unwrap_or_else(|(r, _)| r);
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                pattern_vars(p, &mut vars);
            }
            out.insert(m.id.name.to_owned(), vars);
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
        }
        _ => {}
    }
}

/// Every message of a language: id → (file, variables).
fn catalogue(lang: Lang) -> BTreeMap<String, (&'static str, BTreeSet<String>)> {
    let mut out = BTreeMap::new();
    for (name, text) in lang.sources() {
        for (id, vars) in messages(text) {
            out.insert(id, (*name, vars));
        }
    }
    out
}

#[test]
fn catalogues_parse_without_errors_or_duplicate_ids() {
    for lang in Lang::ALL {
        let (_, problems) = build(lang);
        assert!(problems.is_empty(), "{problems:#?}");
    }
}

#[test]
fn both_languages_have_the_same_messages_in_the_same_files() {
    let zh = catalogue(Lang::Zh);
    let en = catalogue(Lang::En);
    let only_zh: Vec<_> = zh.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<_> = en.keys().filter(|k| !zh.contains_key(*k)).collect();
    assert!(only_zh.is_empty() && only_en.is_empty(), "only in zh-CN: {only_zh:?}\nonly in en: {only_en:?}");
    for (id, (file, _)) in &zh {
        assert_eq!(Some(file), en.get(id).map(|e| &e.0), "{id} is in different files");
    }
}

/// A `t!(…)` in the code: its id and argument names, and where it is.
#[derive(Debug)]
struct Call {
    id: String,
    args: BTreeSet<String>,
    at: String,
}

/// Every `t!` call in the Rust files under `dir`.
fn calls(dir: &Path, out: &mut Vec<Call>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).expect("src").flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.ends_with("i18n") {
            continue; // the macro's own documentation and these tests
        } else if path.is_dir() {
            calls(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("read");
            scan(&text, &path.display().to_string(), out);
        }
    }
}

/// Finds the `t!("id", a = …, b = …)` calls of one file.
fn scan(text: &str, file: &str, out: &mut Vec<Call>) {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = text[from..].find("t!(").map(|i| i + from) {
        from = i + 3;
        if i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_') {
            continue;
        }
        let rest = &text[i + 3..];
        let Some(rest) = rest.trim_start().strip_prefix('"') else { continue };
        let Some(end) = rest.find('"') else { continue };
        let id = &rest[..end];
        // The arguments: split at top-level commas up to the closing parenthesis.
        let mut args = BTreeSet::new();
        let (mut depth, mut in_str, mut start) = (0i32, false, end + 1);
        let body = rest.as_bytes();
        let mut j = end + 1;
        while j < body.len() {
            let c = body[j];
            if in_str {
                if c == b'\\' {
                    j += 1;
                } else if c == b'"' {
                    in_str = false;
                }
            } else {
                match c {
                    b'"' => in_str = true,
                    b'(' | b'[' | b'{' => depth += 1,
                    b')' | b']' | b'}' if depth > 0 => depth -= 1,
                    b')' | b',' if depth == 0 => {
                        let part = rest[start..j].trim();
                        if let Some((name, _)) = part.split_once('=') {
                            args.insert(name.trim().to_owned());
                        }
                        start = j + 1;
                        if c == b')' {
                            break;
                        }
                    }
                    _ => {}
                }
            }
            j += 1;
        }
        let line = text[..i].matches('\n').count() + 1;
        out.push(Call { id: id.to_owned(), args, at: format!("{file}:{line}") });
    }
}

#[test]
fn every_message_the_code_names_exists_with_the_arguments_it_is_given() {
    let mut found = Vec::new();
    calls(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut found);
    assert!(!found.is_empty(), "the scanner finds the calls");
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        let cat = catalogue(lang);
        for call in &found {
            match cat.get(&call.id) {
                None => problems.push(format!("{}: {} is not in the {} catalogue", call.at, call.id, lang.tag())),
                Some((_, vars)) => {
                    for v in vars.difference(&call.args) {
                        problems.push(format!("{}: {} ({}) uses ${v}, not given", call.at, call.id, lang.tag()));
                    }
                }
            }
        }
    }
    // An argument no language uses is a misspelt name.
    let zh = catalogue(Lang::Zh);
    let en = catalogue(Lang::En);
    for call in &found {
        for a in &call.args {
            let used =
                |c: &BTreeMap<String, (&str, BTreeSet<String>)>| c.get(&call.id).is_some_and(|m| m.1.contains(a));
            if !used(&zh) && !used(&en) {
                problems.push(format!("{}: {} is given {a}, which neither language uses", call.at, call.id));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_scanner_finds_ids_and_argument_names() {
    let mut found = Vec::new();
    let code = "let a = t!(\"one\");\nlet b = crate::t!(\n  \"two\", x = f(a, b), y = \"),\", z = [1, 2],\n);\nnot_t!(\"three\")";
    scan(code, "f.rs", &mut found);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!((found[0].id.as_str(), found[0].args.len()), ("one", 0));
    assert_eq!(found[1].id, "two");
    assert_eq!(found[1].args.iter().map(String::as_str).collect::<Vec<_>>(), ["x", "y", "z"]);
    assert_eq!(found[1].at, "f.rs:2");
}

/// ASCII words the Chinese catalogue may contain: names of formats,
/// encodings and programs that a webmaster sees as they are.
const TECHNICAL: &[&str] = &[
    "gongkai",
    "YAML",
    "TOML",
    "JSON",
    "CSV",
    "HTML",
    "CSS",
    "UTF",
    "GBK",
    "GB",
    "Markdown",
    "URL",
    "HTTP",
    "Word",
    "docx",
    "md",
    "toml",
    "yaml",
    "json",
    "html",
    "tera",
    "Tera",
    "RSS",
    "Atom",
    "xlsx",
    "BOM",
    "inotify",
    "WSL",
    "ID",
    "IP",
    "WCAG",
    "vs",
    "JavaScript",
    "PDF",
    "WPS",
    "sitemap",
    "robots",
    "Ctrl",
];

#[test]
fn the_chinese_catalogue_has_no_english_words() {
    let mut problems = Vec::new();
    for (name, text) in Lang::Zh.sources() {
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            // The id, placeables and `code` spans are not prose.
            let value = line.split_once(" = ").map_or(line, |(id, v)| if id.contains(' ') { line } else { v });
            let prose = strip(value);
            for word in prose.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() >= 2) {
                if !TECHNICAL.contains(&word) {
                    problems.push(format!("zh-CN/{name}:{}: {word:?} in {line:?}", n + 1));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A line without its placeables, backtick spans and `--options`.
fn strip(line: &str) -> String {
    let mut out = String::new();
    let (mut brace, mut tick) = (0, false);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' => brace += 1,
            '}' if brace > 0 => brace -= 1,
            '`' if brace == 0 => tick = !tick,
            '-' if brace == 0 && !tick && chars.peek() == Some(&'-') => {
                // An option name such as --deny-warnings.
                while chars.peek().is_some_and(|c| c.is_ascii_alphanumeric() || *c == '-') {
                    chars.next();
                }
            }
            _ if brace == 0 && !tick => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn languages_are_read_as_people_write_them() {
    for zh in ["zh", "zh-CN", "zh_CN.UTF-8", "ZH_tw", "zh_CN.GB18030"] {
        assert_eq!(Lang::parse(zh), Some(Lang::Zh), "{zh}");
    }
    for en in ["en", "en-US", "en_GB.UTF-8", "EN"] {
        assert_eq!(Lang::parse(en), Some(Lang::En), "{en}");
    }
    for other in ["", "C", "POSIX", "C.UTF-8", "fr_FR.UTF-8", "english"] {
        assert_eq!(Lang::parse(other), None, "{other}");
    }
}

#[test]
fn the_environment_is_read_in_posix_order_and_c_asks_for_nothing() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| pairs.iter().find(|p| p.0 == k).map(|p| p.1.to_owned())
    };
    assert_eq!(Lang::from_env(env(&[])), None);
    assert_eq!(Lang::from_env(env(&[("LANG", "en_US.UTF-8")])), Some(Lang::En));
    assert_eq!(Lang::from_env(env(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "zh_CN.UTF-8")])), Some(Lang::Zh));
    assert_eq!(Lang::from_env(env(&[("LANG", "zh_CN.UTF-8"), ("LC_MESSAGES", "en_US")])), Some(Lang::En));
    assert_eq!(Lang::from_env(env(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "")])), Some(Lang::En), "empty is unset");
    assert_eq!(Lang::from_env(env(&[("LANG", "C.UTF-8")])), None);
    assert_eq!(Lang::from_env(env(&[("LC_ALL", "POSIX"), ("LANG", "en_US")])), None, "LC_ALL decides");
}

#[test]
fn the_flag_beats_the_site_which_beats_the_environment() {
    use Lang::*;
    assert_eq!(Lang::resolve(None, None, None), Zh);
    assert_eq!(Lang::resolve(None, None, Some(En)), En);
    assert_eq!(Lang::resolve(None, Some(Zh), Some(En)), Zh);
    assert_eq!(Lang::resolve(Some(En), Some(Zh), Some(Zh)), En);
}

#[test]
fn figures_reach_the_text_unaltered() {
    let mut args = Args::new();
    args.set("a", 9_999_999_999i64.arg());
    args.set("b", i128::from(i64::MAX).arg());
    args.set("c", "1234567.89".arg());
    for lang in Lang::ALL {
        let out = text_in(lang, "test-figures", Some(&args));
        assert_eq!(out, "9999999999 9223372036854775807 1234567.89", "{lang:?}");
    }
}

#[test]
fn a_message_missing_from_the_catalogue_prints_its_id() {
    assert_eq!(text_in(Lang::Zh, "no-such-message", None), "no-such-message");
}

#[test]
fn in_lang_speaks_the_given_language_on_this_thread_only_and_then_restores() {
    let run = current();
    let words = in_lang(Lang::En, || (crate::t!("diag-notice"), in_lang(Lang::Zh, || crate::t!("diag-notice"))));
    assert_eq!(words, ("notice".to_owned(), "提示".to_owned()));
    assert_eq!(current(), run, "restored after the call");
    let other = in_lang(Lang::En, || std::thread::spawn(current).join().expect("thread"));
    assert_eq!(other, run, "another thread keeps the run's language");
}
