//! The narrative's headings, found once with the same Markdown options
//! the renderer uses.

use crate::model::Heading;
use crate::source::LineIndex;

/// the file line on which the body starts).
pub fn headings(body: &str, body_line: u32) -> Vec<Heading> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let index = LineIndex::new(body);
    let mut out = Vec::new();
    let mut current: Option<(u8, usize, String)> = None;
    for (event, range) in Parser::new_ext(body, Options::ENABLE_TABLES).into_offset_iter() {
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
                    out.push(Heading { level, text: text.trim().to_owned(), pos });
                }
            }
            _ => {}
        }
    }
    out
}
