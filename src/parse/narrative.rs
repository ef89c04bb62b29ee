//! The narrative's headings and structure, read once with the Markdown
//! options the renderer uses, so both see the same headings.

use crate::form::Form;
use crate::model::{Heading, Narrative};
use crate::source::LineIndex;

/// The headings of the Markdown body, with file positions (`body_line` is
/// the file line on which the body starts). Sections are not assigned.
pub fn headings(body: &str, body_line: u32) -> Vec<Heading> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let index = LineIndex::new(body);
    let mut out = Vec::new();
    let mut current: Option<(u8, usize, String)> = None;
    for (event, range) in Parser::new_ext(body, crate::markdown::options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => current = Some((level as u8, range.start, String::new())),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, s)) = &mut current {
                    s.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, start, text)) = current.take() {
                    let raw = &body[start..range.end];
                    let hashes = raw.len() - raw.trim_start_matches(['#', ' ']).len();
                    let mut pos = index.pos(body, start + hashes, raw.trim_end().len().saturating_sub(hashes));
                    pos.line += body_line - 1;
                    pos.len = pos.len.max(1);
                    out.push(Heading { level, text: text.trim().to_owned(), pos, section: None });
                }
            }
            _ => {}
        }
    }
    out
}

/// Reads a report's narrative against its form: the section level, and the
/// section each heading at that level stands for.
pub fn read(body: &str, body_line: u32, form: &Form) -> Narrative {
    let mut headings = headings(body, body_line);
    // Each heading is matched once; the level follows from the matches.
    let sections: Vec<Option<usize>> =
        headings.iter().map(|h| form.match_heading(&h.text).map(|m| m.section)).collect();
    let level = Form::section_level(headings.iter().zip(&sections).map(|(h, s)| (h.level, s.is_some())));
    for (h, s) in headings.iter_mut().zip(sections) {
        h.section = if h.level == level { s } else { None };
    }
    Narrative { level, headings }
}
