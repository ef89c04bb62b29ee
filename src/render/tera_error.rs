//! Tera's errors in the run's language.
//!
//! tera reports in English ("Field `titel` is not defined."), with a snippet
//! of the template under it. A webmaster who edits a template meets a handful
//! of these again and again: an undefined variable or field, a tag or
//! expression not closed, an unknown filter. Those are said again here from
//! the catalogue, with tera's snippet (file, line, caret) kept as it is;
//! a message this module does not know is passed on with a lead that says it
//! is the template engine's own wording.

use crate::t;

/// The text printed under the template error's lead: the reason, in the
/// run's language, then tera's snippet of the template (its `-->` line, the
/// source line and the caret). Empty when the lead says it all.
pub fn explain(e: &tera::Error) -> String {
    use tera::ErrorKind as K;
    let report = e.to_string();
    match e.kind() {
        // tera's reports: `error: <message>` lines, each followed by its snippet.
        K::SyntaxError(_) | K::RenderingError(_) | K::Msg(_) if report.contains("error: ") => report
            .lines()
            .map(|line| match line.strip_prefix("error: ") {
                Some(message) => t!("site-tera-reason", reason = reason(message)),
                None => line.to_owned(),
            })
            .collect::<Vec<_>>()
            .join("\n"),
        K::MissingParent { current, parent } => t!("site-tera-missing-parent", file = current, parent = parent),
        K::CircularExtend { tpl, inheritance_chain } => {
            t!("site-tera-circular-extend", file = tpl, chain = inheritance_chain.join(" → "))
        }
        K::CircularInclude { tpl, include_chain } => {
            t!("site-tera-circular-include", file = tpl, chain = include_chain.join(" → "))
        }
        // The lead already says which template is missing.
        K::TemplateNotFound(_) => String::new(),
        _ => t!("site-tera-reason", reason = t!("site-tera-own-words", text = report)),
    }
}

/// One of tera's messages in the run's language; a message it does not
/// know is kept in tera's words, introduced as such.
pub fn reason(message: &str) -> String {
    let message = message.trim();
    if let Some((name, more)) = message.strip_prefix("Variable `").and_then(|r| r.split_once("` is not defined.")) {
        return with_available(t!("site-tera-undefined-variable", name = name), more, " Available variables: ");
    }
    if let Some((name, more)) = message.strip_prefix("Field `").and_then(|r| r.split_once("` is not defined")) {
        let more = more.strip_prefix('.').unwrap_or(more);
        return with_available(t!("site-tera-undefined-field", name = name), more, " Available fields: ");
    }
    if let Some(rest) = message.strip_prefix("Found ") {
        for sep in [" but expected ", " but was expecting "] {
            if let Some((found, expected)) = rest.split_once(sep) {
                return t!("site-tera-unexpected", found = token(found), expected = expectation(expected));
            }
        }
    }
    for (prefix, kind) in [("Unknown filter `", 0), ("Unknown test `", 1), ("Unknown function `", 2)] {
        if let Some(name) = message.strip_prefix(prefix).and_then(|r| r.strip_suffix('`')) {
            return match kind {
                0 => t!("site-tera-unknown-filter", name = name),
                1 => t!("site-tera-unknown-test", name = name),
                _ => t!("site-tera-unknown-function", name = name),
            };
        }
    }
    if let Some((quote, _)) = message.strip_prefix("String opened with `").and_then(|r| r.split_once('`')) {
        return t!("site-tera-unclosed-string", quote = quote);
    }
    match message {
        "Unexpected end of input" => t!("site-tera-end-of-input"),
        "Unknown tag" => t!("site-tera-unknown-tag"),
        "Unexpected character" => t!("site-tera-unexpected-character"),
        "Tried to render a variable that is undefined" | "Tried to escape an undefined value" => {
            t!("site-tera-undefined-value")
        }
        _ => t!("site-tera-own-words", text = message),
    }
}

/// A sentence and tera's list of what is available (`more`, after `lead`).
fn with_available(sentence: String, more: &str, lead: &str) -> String {
    match more.strip_prefix(lead).map(str::trim).filter(|l| !l.is_empty()) {
        Some(list) => {
            let names: Vec<String> = list.split(", ").map(|n| format!("`{n}`")).collect();
            t!("site-tera-available", sentence = sentence, names = names.join(&t!("cli-list-separator")))
        }
        None => sentence,
    }
}

/// A token tera found, as a webmaster reads it: punctuation stays in its
/// backticks, the kinds tera names in English are said in the catalogue's words.
fn token(found: &str) -> String {
    match found {
        "identifier" => t!("site-tera-expected-name"),
        "string" => t!("site-tera-token-string"),
        "integer" | "float" => t!("site-tera-token-number"),
        "bool" => t!("site-tera-token-bool"),
        "content" | "raw content" => t!("site-tera-token-content"),
        "comment" => t!("site-tera-token-comment"),
        _ if found.starts_with('`') => found.to_owned(),
        _ => t!("site-tera-own-words", text = found),
    }
}

/// What tera expected, as a webmaster reads it: a token in backticks, or
/// the kind of thing expected.
fn expectation(expected: &str) -> String {
    let expected = expected.trim_end_matches('.');
    if expected.starts_with("one of: integer") {
        return t!("site-tera-expected-expression");
    }
    match expected {
        "identifier" | "string" | "integer" | "float" | "bool" | "content" | "comment" => token(expected),
        "attribute name" => t!("site-tera-expected-attribute"),
        _ if expected.starts_with('`') => expected.to_owned(),
        _ if expected.chars().all(|c| !c.is_alphabetic()) || !expected.contains(' ') => format!("`{expected}`"),
        _ => t!("site-tera-own-words", text = expected),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn error_of(template: &str, context: &tera::Context) -> tera::Error {
        let mut tera = tera::Tera::default();
        match tera.add_raw_template("templates/x.html", template) {
            Err(e) => e,
            Ok(()) => tera.render("templates/x.html", context).expect_err("the template is broken"),
        }
    }

    /// ASCII words of two letters or more outside backticks and the snippet.
    fn english_words(text: &str) -> Vec<String> {
        let first = text.lines().next().unwrap_or("");
        let mut out = Vec::new();
        for (i, part) in first.split('`').enumerate() {
            if i % 2 == 0 {
                out.extend(
                    part.split(|c: char| !c.is_ascii_alphabetic())
                        .filter(|w| w.len() >= 2 && *w != "tera")
                        .map(str::to_owned),
                );
            }
        }
        out
    }

    #[test]
    fn common_template_mistakes_are_explained_without_english() {
        let mut context = tera::Context::new();
        context.insert("report", &serde_json::json!({"title": "x", "year": 2024}));
        for template in [
            "{{ report.titel }}",
            "{{ nope }}",
            "{% if %}",
            "{% if report %}",
            "{{ report | nosuchfilter }}",
            "{{ \"open }}",
            "{% for x report %}{% endfor %}",
            "{% set 3 = 1 %}",
            "{{ report. }}",
        ] {
            let text = explain(&error_of(template, &context));
            assert!(english_words(&text).is_empty(), "{template}: {text}");
            assert!(text.contains("templates/x.html:1:"), "the snippet stays: {template}: {text}");
        }
        let text = explain(&error_of("{{ report.titel }}", &context));
        assert!(text.starts_with("原因：字段 `titel` 未定义；可用的字段：`title`、`year`"), "{text}");
        let e = error_of("{{ report | nosuchfilter }}", &context);
        assert_eq!(crate::render::TemplateAt::of(&e), crate::render::TemplateAt::Line("templates/x.html".into(), 1));
        let text = explain(&e);
        assert!(text.starts_with("原因：没有名为 `nosuchfilter` 的过滤器\n --> templates/x.html:1:"), "{text}");
        let text = explain(&error_of("{% if %}", &context));
        assert!(text.starts_with("原因：语法错误：此处出现了 `%}`，应为一个表达式"), "{text}");
    }

    #[test]
    fn an_unknown_message_is_kept_in_teras_words_and_said_to_be() {
        assert_eq!(reason("The expression is too complex"), "模板引擎 tera 的原话：The expression is too complex");
    }

    #[test]
    fn english_says_the_same() {
        let mut args = crate::i18n::Args::new();
        args.set("name", "titel");
        assert_eq!(
            crate::i18n::text_in(Lang::En, "site-tera-undefined-field", Some(&args)),
            "the field `titel` is not defined"
        );
    }
}
