//! Plain pages (信息公开指南, 信息公开制度 …): optional front matter, then Markdown.

use super::figures::parse_int;
use super::front::{Ctx, Place, as_map, split_front_matter};
use super::narrative::headings;
use super::nesting_error;
use crate::diag::{Diagnostic, Pos};
use crate::yaml::{self};
use std::path::PathBuf;
use std::sync::Arc;

/// Parses a plain page: optional front matter (`title`, `order`), then Markdown.
pub fn parse_page(
    file: &Arc<PathBuf>,
    text: &str,
    slug: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<crate::model::Page> {
    let mut ctx = Ctx { file, diags, errors: 0, unknown: 0 };
    let (mut title, mut order, body) = (None, 0, text);
    let body = match split_front_matter(text) {
        Ok(split) => {
            let yaml_text = &text[split.yaml.0..split.yaml.1];
            let parsed = if super::punct::refused(&mut ctx, yaml_text, split.yaml_line) {
                Ok(None)
            } else {
                yaml::parse(yaml_text, split.yaml_line)
            };
            match parsed {
                Ok(Some(root)) => {
                    for (k, v) in as_map(&mut ctx, &root, Place::Front).unwrap_or(&[]) {
                        match k.as_str().unwrap_or("") {
                            "title" => title = v.as_str().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()),
                            "order" => match v.as_str().and_then(|s| parse_int(s).ok()) {
                                Some(n) => order = n,
                                None => {
                                    ctx.error("IN-TYPE", v.pos, crate::t!("in-order-whole"));
                                }
                            },
                            _ => ctx.unknown_key(k, Place::Page, &["title", "order"]),
                        }
                    }
                }
                Ok(None) => {}
                Err(e) => {
                    ctx.yaml_error(e);
                }
            }
            &text[split.body..]
        }
        Err(_) if text.starts_with("---") => {
            ctx.error("IN-FRONTMATTER", Pos::new(1, 1, 3), crate::t!("in-front-not-closed"));
            body
        }
        Err(_) => body,
    };
    let body_line = u32::try_from(text[..text.len() - body.len()].matches('\n').count()).unwrap_or(0) + 1;
    nesting_error(&mut ctx, body, body_line);
    let title = title.or_else(|| headings(body, 1).into_iter().next().map(|h| h.text));
    let Some(title) = title else {
        ctx.error("IN-MISSING", Pos::new(1, 1, 1), crate::t!("in-page-no-title"));
        return None;
    };
    if ctx.errors > 0 {
        return None;
    }
    Some(crate::model::Page { slug: slug.to_owned(), title, body: body.to_owned(), order, file: Arc::clone(file) })
}
