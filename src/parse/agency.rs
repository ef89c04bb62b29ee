//! `agency.yaml`: an agency described once.

use super::front::{Ctx, Place, as_map};
use crate::diag::{Diagnostic, Pos};
use crate::model::{Agency, AgencyKind, Contact};
use crate::yaml::{self, Node, Value};
use std::path::PathBuf;
use std::sync::Arc;

/// Parses an agency file.
pub fn parse_agency(file: &Arc<PathBuf>, text: &str, slug: &str, diags: &mut Vec<Diagnostic>) -> Option<Agency> {
    let mut ctx = Ctx { file, diags, errors: 0, unknown: 0 };
    if super::punct::refused(&mut ctx, text, 1) {
        return None;
    }
    let root = match yaml::parse(text, 1) {
        Ok(Some(root)) => root,
        Ok(None) => {
            ctx.error("IN-AGENCY", Pos::new(1, 1, 1), crate::t!("in-agency-empty"));
            return None;
        }
        Err(e) => {
            ctx.yaml_error(e);
            return None;
        }
    };
    let entries = as_map(&mut ctx, &root, Place::Agency)?;
    let mut name = None;
    let mut kind = None;
    let mut parent = None;
    let mut parent_pos = Pos::default();
    let mut contact = Contact::default();
    // Whether `kind:` was written but names no kind (already reported).
    let mut bad_kind = false;
    let text_of = |ctx: &mut Ctx<'_>, v: &Node, what: &str| -> Option<String> {
        match &v.value {
            Value::Scalar { text, .. } if !v.is_null() => Some(text.trim().to_owned()),
            _ => {
                ctx.error("IN-TYPE", v.pos, crate::t!("in-must-be-text", key = what));
                None
            }
        }
    };
    for (k, v) in entries {
        match k.as_str().unwrap_or("") {
            "name" => name = text_of(&mut ctx, v, "name"),
            "kind" => {
                let s = text_of(&mut ctx, v, "kind").unwrap_or_default();
                kind = AgencyKind::parse(&s);
                if kind.is_none() && !s.is_empty() {
                    bad_kind = true;
                    let kinds = AgencyKind::ALL.iter().map(|(_, n)| *n).collect::<Vec<_>>().join(" / ");
                    ctx.error("IN-AGENCY", v.pos, crate::t!("in-agency-kind", kind = s)).help =
                        Some(crate::t!("in-agency-kinds", kinds = kinds));
                }
            }
            "parent" => {
                parent = text_of(&mut ctx, v, "parent");
                parent_pos = v.pos;
            }
            "contact" => {
                let Some(fields) = as_map(&mut ctx, v, Place::Contact) else {
                    continue;
                };
                for (ck, cv) in fields {
                    let slot = match ck.as_str().unwrap_or("") {
                        "office" => &mut contact.office,
                        "address" => &mut contact.address,
                        "postcode" => &mut contact.postcode,
                        "phone" => &mut contact.phone,
                        "fax" => &mut contact.fax,
                        "email" => &mut contact.email,
                        _ => {
                            ctx.unknown_key(
                                ck,
                                Place::Contact,
                                &["office", "address", "postcode", "phone", "fax", "email"],
                            );
                            continue;
                        }
                    };
                    *slot = text_of(&mut ctx, cv, "contact");
                }
            }
            _ => ctx.unknown_key(k, Place::Agency, &["name", "kind", "parent", "contact"]),
        }
    }
    let top = Pos::new(1, 1, 1);
    if name.is_none() {
        ctx.error("IN-AGENCY", top, crate::t!("in-agency-no-name"));
    }
    if kind.is_none() && !bad_kind {
        let kinds = AgencyKind::ALL.iter().map(|(_, n)| *n).collect::<Vec<_>>().join(" / ");
        ctx.error("IN-AGENCY", top, crate::t!("in-agency-no-kind")).help =
            Some(crate::t!("in-agency-kinds", kinds = kinds));
    }
    if ctx.errors > 0 {
        return None;
    }
    Some(Agency {
        slug: slug.to_owned(),
        name: name?,
        kind: kind?,
        parent,
        contact,
        file: Arc::clone(file),
        parent_pos,
    })
}
