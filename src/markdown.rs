//! Markdown to HTML for narratives and plain pages.
//!
//! pulldown-cmark does the parsing. Three things are added for Chinese
//! government text:
//!
//! - **CJK emphasis.** CommonMark's flanking rule leaves `**（一）主动公开情况。**今年`
//!   as literal asterisks, because the closing `**` sits between full-width
//!   punctuation and a letter. Such unmatched delimiter runs next to CJK text
//!   are paired again here, with the relaxed rule "an opener is not followed by
//!   white space, a closer is not preceded by it".
//! - **Heading anchors**, generated from the heading text (CJK kept) and made
//!   unique, so the table of contents can link to every section.
//! - **Safety.** Link and image URLs with a scheme other than http(s), mailto
//!   and tel are dropped; raw HTML is sanitised with ammonia unless the site
//!   opts out. Text is always escaped by pulldown-cmark itself, so pages
//!   without raw HTML skip the sanitiser entirely (it is the costly step).

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashMap;
use std::ops::Range;

/// A heading of the rendered document, for the table of contents.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TocEntry {
    /// 1–6.
    pub level: u8,
    /// The anchor id.
    pub id: String,
    /// Plain text.
    pub text: String,
}

/// A part of a document: the text before the first section heading, or one
/// section (a heading at the section level and what follows it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The section heading's plain text (`None` for the preamble).
    pub heading: Option<String>,
    /// Rendered HTML of the part, heading included.
    pub html: String,
}

/// A rendered document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rendered {
    /// The parts, in order.
    pub parts: Vec<Part>,
    /// Every heading with its anchor.
    pub toc: Vec<TocEntry>,
}

/// Options for rendering.
#[derive(Debug, Clone, Copy, Default)]
pub struct MdOptions {
    /// Let raw HTML through unsanitised (`unsafe_html = true` in site.toml).
    pub unsafe_html: bool,
    /// Anchor ids already used on the page (the first ids given are unique within the document only).
    pub id_prefix: &'static str,
}

/// The Markdown extensions gongkai reads narratives and pages with; the
/// narrative's headings are found with the same ones ([`crate::parse::headings`]).
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Whether a character is CJK text or full-width punctuation.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x2FFFF | 0x2018..=0x201F)
}

/// Moves every heading by `shift` levels, to no higher than `h2`: the page's
/// own title is its only `h1`, so a title line above the sections becomes
/// an `h2` too.
fn shift_heading(e: Event<'_>, shift: i8) -> Event<'_> {
    let moved = |l: HeadingLevel| HeadingLevel::try_from(((l as i8) + shift).clamp(2, 6) as usize).unwrap_or(l);
    match e {
        Event::Start(Tag::Heading { level, id, classes, attrs }) => {
            Event::Start(Tag::Heading { level: moved(level), id, classes, attrs })
        }
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(moved(level))),
        e => e,
    }
}

/// Renders Markdown, split into parts at the headings of level
/// `section_level` (a report's [`crate::model::Narrative::level`], decided
/// once when it was parsed; [`top_level`] for plain pages). Those headings
/// become `h2` and the others move with them.
pub fn render(source: &str, opts: MdOptions, section_level: u8) -> Rendered {
    let shift = 2 - section_level as i8;
    let events: Vec<(Event<'_>, Range<usize>)> = Parser::new_ext(source, options()).into_offset_iter().collect();
    let events = pair_cjk_emphasis(source, events);
    // Where the parts start: headings at the section level as written.
    let starts: Vec<bool> = events
        .iter()
        .map(|(e, _)| matches!(e, Event::Start(Tag::Heading { level, .. }) if *level as u8 == section_level))
        .collect();
    let mut events: Vec<Event<'_>> = events.into_iter().map(|(e, _)| shift_heading(safe_links(e), shift)).collect();
    let toc = assign_heading_ids(&mut events, opts.id_prefix);
    let has_raw_html = events.iter().any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_)));
    let sanitize = has_raw_html && !opts.unsafe_html;

    let mut parts = Vec::new();
    let mut current: Vec<Event<'_>> = Vec::new();
    let mut heading: Option<String> = None;
    for (i, event) in events.iter().enumerate() {
        if starts[i] {
            if !current.is_empty() || heading.is_some() {
                parts.push(finish(heading.take(), &current, sanitize));
                current.clear();
            }
            heading = Some(plain_text(&events[i..]));
        }
        current.push(event.clone());
    }
    if !current.is_empty() || heading.is_some() {
        parts.push(finish(heading, &current, sanitize));
    }
    Rendered { parts, toc }
}

/// Renders a whole document as one HTML string (plain pages).
pub fn render_html(source: &str, opts: MdOptions) -> (String, Vec<TocEntry>) {
    let r = render(source, opts, top_level(source));
    (r.parts.into_iter().map(|p| p.html).collect(), r.toc)
}

fn finish(heading: Option<String>, events: &[Event<'_>], sanitize: bool) -> Part {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.iter().cloned());
    if sanitize {
        html = sanitizer().clean(&html).to_string();
    }
    Part { heading, html }
}

/// The sanitiser: ammonia's safe defaults, keeping heading anchors,
/// footnote markup and table alignment.
fn sanitizer() -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::default();
    b.add_generic_attributes(["id"]);
    b.add_tag_attributes("sup", ["class"]);
    b.add_tag_attributes("div", ["class"]);
    b.add_tag_attributes("td", ["style"]);
    b.add_tag_attributes("th", ["style"]);
    b.attribute_filter(|_, attr, value| {
        if attr == "style" && !matches!(value, "text-align: left" | "text-align: right" | "text-align: center") {
            return None;
        }
        Some(value.into())
    });
    b
}

/// The text of the heading that starts at `events[0]`.
fn plain_text(events: &[Event<'_>]) -> String {
    let mut s = String::new();
    for e in events.iter().skip(1) {
        match e {
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::End(TagEnd::Heading(_)) => break,
            _ => {}
        }
    }
    s.trim().to_owned()
}

/// Drops URLs whose scheme could run script (`javascript:`, `data:`, `vbscript:`…).
fn safe_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    match lower.find(':') {
        Some(colon) if !lower[..colon].contains(['/', '?', '#']) => {
            matches!(&lower[..colon], "http" | "https" | "mailto" | "tel")
        }
        _ => true,
    }
}

fn safe_links(e: Event<'_>) -> Event<'_> {
    match e {
        Event::Start(Tag::Link { link_type, dest_url, title, id }) if !safe_url(&dest_url) => {
            Event::Start(Tag::Link { link_type, dest_url: CowStr::Borrowed("#"), title, id })
        }
        Event::Start(Tag::Image { link_type, dest_url, title, id }) if !safe_url(&dest_url) => {
            Event::Start(Tag::Image { link_type, dest_url: CowStr::Borrowed(""), title, id })
        }
        e => e,
    }
}

/// An anchor id from heading text: CJK and ASCII letters and digits kept,
/// everything else folded into single `-`.
pub fn slugify(text: &str) -> String {
    let mut s = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            s.extend(c.to_lowercase());
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    let s = s.trim_end_matches('-').to_owned();
    if s.is_empty() { "section".into() } else { s }
}

/// Gives every heading without an explicit id a unique one; returns the TOC.
fn assign_heading_ids(events: &mut [Event<'_>], prefix: &str) -> Vec<TocEntry> {
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut toc = Vec::new();
    for i in 0..events.len() {
        let Event::Start(Tag::Heading { level, id, classes, attrs }) = &events[i] else { continue };
        let text = plain_text(&events[i..]);
        let base = match id {
            Some(id) => id.to_string(),
            None => format!("{prefix}{}", slugify(&text)),
        };
        let n = used.entry(base.clone()).or_insert(0);
        *n += 1;
        let unique = if *n == 1 { base } else { format!("{base}-{n}") };
        toc.push(TocEntry { level: *level as u8, id: unique.clone(), text });
        events[i] = Event::Start(Tag::Heading {
            level: *level,
            id: Some(CowStr::from(unique)),
            classes: classes.clone(),
            attrs: attrs.clone(),
        });
    }
    toc
}

/// Re-pairs `*`/`_` delimiter runs that CommonMark left unmatched next to CJK text.
fn pair_cjk_emphasis<'a>(source: &str, events: Vec<(Event<'a>, Range<usize>)>) -> Vec<(Event<'a>, Range<usize>)> {
    // Runs of consecutive single-character delimiter Text events: (first index, length, char, depth).
    let mut runs: Vec<(usize, usize, char, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < events.len() {
        match &events[i].0 {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(t) if t.as_ref() == "*" || t.as_ref() == "_" => {
                let c = if t.as_ref() == "*" { '*' } else { '_' };
                let mut len = 1;
                while let Some((Event::Text(n), r)) = events.get(i + len) {
                    if n.chars().eq(std::iter::once(c)) && r.start == events[i + len - 1].1.end {
                        len += 1;
                    } else {
                        break;
                    }
                }
                runs.push((i, len, c, depth));
                i += len;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    let before = |r: &Range<usize>| source[..r.start].chars().next_back();
    let after = |r: &Range<usize>| source[r.end..].chars().next();
    // Pair runs: an opener (not followed by white space) with the next closer
    // of the same character, length and depth (not preceded by white space),
    // when one of the four neighbours is CJK.
    let mut replace: HashMap<usize, (usize, bool)> = HashMap::new(); // first index -> (len, is_open)
    let mut open: Vec<(usize, usize, char, usize)> = Vec::new();
    for run in runs {
        let (idx, len, c, d) = run;
        if len > 3 {
            continue;
        }
        let first = &events[idx].1;
        let last = &events[idx + len - 1].1;
        let prev_c = before(first);
        let next_c = after(last);
        if let Some(pos) = open.iter().rposition(|o| o.1 == len && o.2 == c && o.3 == d) {
            let o = open[pos];
            let o_next = after(&events[o.0 + o.1 - 1].1);
            let o_prev = before(&events[o.0].1);
            let cjk = [o_prev, o_next, prev_c, next_c].iter().flatten().any(|&ch| is_cjk(ch));
            if cjk && prev_c.is_some_and(|ch| !ch.is_whitespace()) {
                replace.insert(o.0, (len, true));
                replace.insert(idx, (len, false));
                open.truncate(pos);
                continue;
            }
        }
        if next_c.is_some_and(|ch| !ch.is_whitespace()) {
            open.push(run);
        }
    }
    if replace.is_empty() {
        return events;
    }
    let mut out = Vec::with_capacity(events.len());
    let mut i = 0;
    while i < events.len() {
        if let Some(&(len, is_open)) = replace.get(&i) {
            let range = events[i].1.start..events[i + len - 1].1.end;
            let tags: Vec<Tag<'a>> = match len {
                1 => vec![Tag::Emphasis],
                2 => vec![Tag::Strong],
                _ => vec![Tag::Strong, Tag::Emphasis],
            };
            if is_open {
                out.extend(tags.into_iter().map(|t| (Event::Start(t), range.clone())));
            } else {
                out.extend(tags.into_iter().rev().map(|t| (Event::End(t.to_end()), range.clone())));
            }
            i += len;
        } else {
            out.push(events[i].clone());
            i += 1;
        }
    }
    out
}

/// The top heading level of a plain page (2 when it has none): a page has
/// no form, so its first level of headings is its sections.
pub fn top_level(source: &str) -> u8 {
    Parser::new_ext(source, options())
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(level as u8),
            _ => None,
        })
        .min()
        .unwrap_or(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> String {
        render_html(md, MdOptions::default()).0
    }

    #[test]
    fn chinese_bold_with_full_width_punctuation_renders_bold() {
        assert_eq!(html("**（一）主动公开情况。**今年以来"), "<p><strong>（一）主动公开情况。</strong>今年以来</p>\n");
        assert_eq!(html("这是**「重要」**通知"), "<p>这是<strong>「重要」</strong>通知</p>\n");
        assert_eq!(html("**真，**她"), "<p><strong>真，</strong>她</p>\n");
        assert_eq!(html("*（注）*说明"), "<p><em>（注）</em>说明</p>\n");
        // Plain CommonMark cases are untouched.
        assert_eq!(html("a **b** c and 2 * 3 * 4"), "<p>a <strong>b</strong> c and 2 * 3 * 4</p>\n");
        assert_eq!(html("`**`代码 **（一）**x"), "<p><code>**</code>代码 <strong>（一）</strong>x</p>\n");
    }

    #[test]
    fn headings_get_unique_anchors_and_a_toc() {
        let (out, toc) = render_html("## 一、总体情况\n\n### 小结\n\n### 小结\n", MdOptions::default());
        assert!(out.contains("<h2 id=\"一-总体情况\">"), "{out}");
        assert_eq!(toc.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(), ["一-总体情况", "小结", "小结-2"]);
    }

    #[test]
    fn raw_html_and_script_urls_are_neutralised_unless_allowed() {
        let out = html(
            "<script>alert(1)</script>\n\n<b onclick=\"x()\">粗</b> [链接](javascript:alert(1)) ![i](data:text/html,x)\n",
        );
        assert!(
            !out.contains("<script")
                && !out.contains("onclick")
                && !out.contains("javascript:")
                && !out.contains("data:"),
            "{out}"
        );
        assert!(out.contains("<b>粗</b>"), "{out}");
        let raw = render_html("<b onclick=\"x()\">粗</b>\n", MdOptions { unsafe_html: true, ..Default::default() }).0;
        assert!(raw.contains("onclick"), "{raw}");
    }

    #[test]
    fn tables_and_footnotes_render() {
        let out = html("| 栏目 | 人员 |\n| --- | ---: |\n| 网站 | 张三 |\n\n正文[^1]\n\n[^1]: 注释\n");
        assert!(out.contains("<table>") && out.contains("text-align: right"), "{out}");
        assert!(out.contains("footnote-reference"), "{out}");
    }

    #[test]
    fn documents_split_at_section_headings() {
        let r = render("前言\n\n## 一、总体情况\n\n内容\n\n## 二、主动公开\n", MdOptions::default(), 2);
        assert_eq!(r.parts.len(), 3);
        assert_eq!(r.parts[0].heading, None);
        assert_eq!(r.parts[2].heading.as_deref(), Some("二、主动公开"));
        // `#` sections become h2, below the page's own h1.
        let r = render("# 一、总体情况\n\n## 小节\n\n# 二、主动公开\n", MdOptions::default(), 1);
        assert_eq!(r.parts.len(), 2);
        assert!(r.parts[0].html.starts_with("<h2") && r.parts[0].html.contains("<h3"), "{:?}", r.parts);
    }
}
