//! The TOML parser's messages about a `site.toml`, said in the run's
//! language: the common ones (an unknown or missing key, a value of the wrong
//! type, a duplicate key, an unquoted text, a missing `=`) by their meaning;
//! the rare ones with a lead in the run's language and the parser's own words
//! kept as the detail. Full-width punctuation typed by a Chinese input method
//! on the line is named with its half-width replacement.

use crate::t;

/// What is wrong, for the parser's error `e` about `text`.
pub(super) fn problem(e: &toml::de::Error, text: &str) -> String {
    let message = e.message().trim();
    let mut out = meaning(message).unwrap_or_else(|| t!("cli-config-syntax", detail = message));
    let line = e.span().map_or("", |s| line_at(text, s.start));
    if let Some((wide, narrow)) = full_width(line) {
        out.push_str(&t!("cli-config-full-width", mark = wide, ascii = narrow));
    }
    out
}

/// The message in the run's language, for the parser's messages gongkai knows.
fn meaning(message: &str) -> Option<String> {
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let names = backticked(rest);
        let (key, valid) = names.split_first()?;
        let mut out = if valid.is_empty() {
            t!("cli-config-unknown-key-none", key = *key)
        } else {
            t!(
                "cli-config-unknown-key",
                key = *key,
                valid = super::list(&valid.iter().map(|v| (*v).to_owned()).collect::<Vec<_>>())
            )
        };
        // A key of the top level written below a `[table]` (added at the end of the file).
        if !valid.contains(key) && top_level_keys().iter().any(|k| k == key) {
            out.push_str(&t!("cli-config-top-level-key", key = *key));
        }
        return Some(out);
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return backticked(rest).first().map(|key| t!("cli-config-missing-key", key = *key));
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ")?;
        return Some(t!("cli-config-wrong-type", expected = type_name(expected), found = type_name(found)));
    }
    if message == "invalid basic string, expected `\"`" || message == "invalid literal string, expected `'`" {
        return Some(t!("cli-config-unclosed-string"));
    }
    let description = message.split(", expected").next().unwrap_or(message);
    Some(match description {
        "duplicate key" => t!("cli-config-duplicate"),
        "string values must be quoted" => t!("cli-config-unquoted"),
        "key with no value" | "missing assignment between key-value pairs" => t!("cli-config-no-equals"),
        "missing value" | "missing value for key" => t!("cli-config-no-value"),
        "unclosed table" | "unclosed array table" => t!("cli-config-unclosed-table"),
        _ => return None,
    })
}

/// The keys `site.toml` takes at its top level, as serde lists them for an
/// unknown key: decided by [`super::Config`] alone, never repeated here.
fn top_level_keys() -> Vec<String> {
    match toml::from_str::<super::Config>("gongkai-no-such-key = 0") {
        Err(e) => backticked(e.message()).into_iter().skip(1).map(str::to_owned).collect(),
        Ok(_) => Vec::new(),
    }
}

/// The names between backticks in a serde message: "`titel`, expected one
/// of `title`, `base_url`" gives titel, title, base_url.
fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// A serde type description ("a string", "integer `5`", "f64", "struct
/// Deadlines") in the run's language; unknown ones as they are.
fn type_name(serde: &str) -> String {
    let bare = serde.trim().trim_start_matches("a ").trim_start_matches("an ");
    match bare.split([' ', '`']).next().unwrap_or(bare) {
        "string" | "str" | "char" => t!("cli-config-type-text"),
        "integer" | "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" => t!("cli-config-type-integer"),
        "floating" | "float" | "f32" | "f64" => t!("cli-config-type-number"),
        "boolean" | "bool" => t!("cli-config-type-boolean"),
        "sequence" | "array" => t!("cli-config-type-array"),
        "map" | "struct" | "table" => t!("cli-config-type-table"),
        _ => serde.trim().to_owned(),
    }
}

/// The line of `text` that holds byte `offset`.
fn line_at(text: &str, offset: usize) -> &str {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    &text[start..end]
}

/// Full-width punctuation a Chinese input method types where TOML needs the
/// half-width sign, and that sign.
const FULL_WIDTH: [(char, &str); 11] = [
    ('＝', "="),
    ('：', "="),
    ('“', "\""),
    ('”', "\""),
    ('‘', "'"),
    ('’', "'"),
    ('，', ","),
    ('［', "["),
    ('］', "]"),
    ('【', "["),
    ('】', "]"),
];

/// The first full-width sign on `line` (outside quoted text) and its
/// half-width replacement.
fn full_width(line: &str) -> Option<(char, &'static str)> {
    let mut quoted = None;
    for c in line.chars() {
        match quoted {
            Some(q) if c == q => quoted = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quoted = Some(c),
            None if c == '#' => return None,
            None => {
                if let Some(&(wide, narrow)) = FULL_WIDTH.iter().find(|(w, _)| *w == c) {
                    return Some((wide, narrow));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, text_in};

    /// The problem for `text`, which must fail to parse as a site.toml.
    fn problem_of(text: &str) -> String {
        let e = toml::from_str::<super::super::Config>(text).expect_err("invalid");
        problem(&e, text)
    }

    #[test]
    fn common_problems_are_said_in_chinese() {
        let p = problem_of("titel = \"t\"\n");
        assert!(p.starts_with("未知字段 `titel`；可用的字段：`title`、`base_url`"), "{p}");
        assert!(p.contains("`lang`"), "{p}");
        assert_eq!(problem_of("description = \"\"\n"), "缺少必填字段 `title`");
        let p = problem_of("title = 5\n");
        assert_eq!(p, "值的类型不对：应为带引号的文字，实为整数");
        let p = problem_of("title = \"t\"\n[check]\nsimilarity = \"x\"\n");
        assert!(p.contains("应为数字") && p.contains("文字"), "{p}");
        assert!(problem_of("title = 测试\n").contains("引号"));
        assert!(problem_of("title = \"a\"\ntitle = \"b\"\n").contains("重复"));
        assert!(problem_of("[deadlines\n").contains("`]`"));
        assert!(problem_of("title = \"x\n").contains("引号"));
    }

    #[test]
    fn full_width_signs_are_named_with_their_fix() {
        let p = problem_of("title ＝ \"x\"\n");
        assert!(p.contains("「＝」") && p.contains("`=`"), "{p}");
        let p = problem_of("title = “t”\n");
        assert!(p.contains("「“」") && p.contains("`\"`"), "{p}");
        assert_eq!(full_width("title = \"全角：可以\" # 注释，"), None, "quoted text and comments are left alone");
    }

    #[test]
    fn rare_problems_keep_the_parser_words_after_a_lead() {
        let e = toml::from_str::<toml::Table>("a = 0x_1\n").expect_err("invalid");
        let p = problem(&e, "a = 0x_1\n");
        assert!(p.starts_with("不是有效的 TOML"), "{p}");
        assert!(p.contains(e.message().trim()), "{p}");
    }

    #[test]
    fn the_english_catalogue_says_the_same() {
        let mut args = crate::i18n::Args::new();
        args.set("key", crate::i18n::Arg::arg("titel"));
        args.set("valid", crate::i18n::Arg::arg("`title`, `base_url`"));
        let en = text_in(Lang::En, "cli-config-unknown-key", Some(&args));
        assert!(top_level_keys().iter().any(|k| k == "lang"), "{:?}", top_level_keys());
        assert_eq!(en, "unknown key `titel`; valid keys: `title`, `base_url`");
    }
}
