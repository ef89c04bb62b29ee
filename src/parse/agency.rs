//! `agency.yaml`: an agency described once.

use super::front::{Ctx, Place, as_map};
use crate::diag::{Diagnostic, Pos};
use crate::model::{Agency, AgencyKind, Contact, Years};
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
    let mut code = None;
    let mut code_pos = Pos::default();
    let mut sums_children = false;
    let mut years = None;
    let mut years_pos = Pos::default();
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
            "code" => {
                code_pos = v.pos;
                code = text_of(&mut ctx, v, "code").filter(|c| match code_problem(c) {
                    None => true,
                    Some(problem) => {
                        let (message, help) = problem.words(c);
                        ctx.error("IN-AGENCY", v.pos, message).help = Some(help);
                        false
                    }
                });
            }
            "sums_children" => match &v.value {
                Value::Scalar { text, .. } if matches!(text.trim(), "true" | "false") => {
                    sums_children = text.trim() == "true";
                }
                _ => {
                    ctx.error("IN-TYPE", v.pos, crate::t!("in-agency-sums-children"));
                }
            },
            "years" => {
                years_pos = v.pos;
                let s = text_of(&mut ctx, v, "years").unwrap_or_default();
                years = Years::parse(&s);
                if years.is_none() && !s.is_empty() {
                    ctx.error("IN-AGENCY", v.pos, crate::t!("in-agency-years", value = s)).help =
                        Some(crate::t!("in-agency-years-help"));
                }
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
            _ => ctx.unknown_key(
                k,
                Place::Agency,
                &["name", "kind", "parent", "code", "contact", "sums_children", "years"],
            ),
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
        code,
        code_pos,
        sums_children,
        years,
        years_pos,
    })
}

/// The characters of a 统一社会信用代码 (GB 32100-2015: digits and the
/// capital letters but I, O, Z, S and V), in the order of their values.
const USCC_CHARS: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// The weights of the first 17 characters of a 统一社会信用代码.
const USCC_WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/// The weights of the first 8 characters of a 组织机构代码 (GB 11714-1997).
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// What is wrong with an agency's code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CodeProblem {
    /// Neither 18 nor 9 characters long.
    Length(usize),
    /// A character the code cannot hold (lowercase letters included).
    Character(char),
    /// The last character is not the check character computed from the others.
    Check(char),
}

impl CodeProblem {
    /// The message and help, in the run's language, for code `code`.
    fn words(&self, code: &str) -> (String, String) {
        match self {
            CodeProblem::Length(n) => (crate::t!("in-code-length", code = code, count = *n), crate::t!("in-code-help")),
            CodeProblem::Character(c) => (
                crate::t!("in-code-character", code = code, char = c.to_string()),
                match c.is_ascii_lowercase() {
                    true => crate::t!("in-code-upper-help", fixed = code.to_ascii_uppercase()),
                    false => crate::t!("in-code-help"),
                },
            ),
            CodeProblem::Check(expected) => (
                crate::t!("in-code-check", code = code, expected = expected.to_string()),
                crate::t!("in-code-check-help"),
            ),
        }
    }
}

/// Whether `code` is a well-formed 统一社会信用代码 (18 characters, its
/// check character per GB 32100-2015) or 组织机构代码 (9 characters, per
/// GB 11714-1997); `None` when it is.
pub(crate) fn code_problem(code: &str) -> Option<CodeProblem> {
    let chars: Vec<char> = code.chars().collect();
    match chars.len() {
        18 => {
            let mut sum = 0;
            for (c, w) in chars.iter().zip(USCC_WEIGHTS) {
                match USCC_CHARS.find(*c) {
                    Some(v) => sum += u32::try_from(v).unwrap_or(0) * w,
                    None => return Some(CodeProblem::Character(*c)),
                }
            }
            if !USCC_CHARS.contains(chars[17]) {
                return Some(CodeProblem::Character(chars[17]));
            }
            let check = USCC_CHARS.chars().nth(((31 - sum % 31) % 31) as usize).unwrap_or('0');
            (chars[17] != check).then_some(CodeProblem::Check(check))
        }
        9 => {
            let value = |c: char| match c {
                '0'..='9' => Some(c as u32 - '0' as u32),
                'A'..='Z' => Some(c as u32 - 'A' as u32 + 10),
                _ => None,
            };
            let mut sum = 0;
            for (c, w) in chars.iter().zip(ORG_WEIGHTS) {
                match value(*c) {
                    Some(v) => sum += v * w,
                    None => return Some(CodeProblem::Character(*c)),
                }
            }
            let check = match 11 - sum % 11 {
                10 => 'X',
                11 => '0',
                n => char::from_digit(n, 10).unwrap_or('0'),
            };
            match chars[8] {
                c if c != 'X' && !c.is_ascii_digit() => Some(CodeProblem::Character(c)),
                c => (c != check).then_some(CodeProblem::Check(check)),
            }
        }
        n => Some(CodeProblem::Length(n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_codes_pass_and_a_changed_character_is_caught() {
        // Published codes of real organisations (the standard's own example among them).
        for ok in ["91350100M000100Y43", "91110000802100433B", "802100433"] {
            assert_eq!(code_problem(ok), None, "{ok}");
        }
        assert_eq!(code_problem("91350100M000100Y44"), Some(CodeProblem::Check('3')));
        assert_eq!(code_problem("802100434"), Some(CodeProblem::Check('3')));
        assert_eq!(code_problem("91350100m000100Y43"), Some(CodeProblem::Character('m')));
        assert_eq!(code_problem("9135010OM000100Y43"), Some(CodeProblem::Character('O')));
        assert_eq!(code_problem("9135"), Some(CodeProblem::Length(4)));
    }

    #[test]
    fn an_agency_file_reads_its_code_and_refuses_a_wrong_one() {
        let file = Arc::new(PathBuf::from("agency.yaml"));
        let mut diags = Vec::new();
        let a = parse_agency(&file, "name: 某镇人民政府\nkind: 乡镇\ncode: 91350100M000100Y43\n", "x", &mut diags);
        assert_eq!(a.and_then(|a| a.code).as_deref(), Some("91350100M000100Y43"));
        let a = parse_agency(&file, "name: 某镇人民政府\nkind: 乡镇\ncode: 91350100M000100Y40\n", "x", &mut diags);
        assert!(a.is_none());
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!((diags[0].code.as_ref(), diags[0].pos.line, diags[0].pos.col), ("IN-AGENCY", 3, 7));
        assert!(diags[0].message.contains("校验码"), "{}", diags[0].message);
    }

    #[test]
    fn an_agency_file_states_its_years_and_whether_it_sums_its_children() {
        let file = Arc::new(PathBuf::from("agency.yaml"));
        let mut diags = Vec::new();
        let text = "name: 某县人民政府\nkind: 人民政府\nsums_children: true\nyears: 2018-2022\n";
        let a = parse_agency(&file, text, "x", &mut diags).expect("parses");
        assert!(a.sums_children);
        assert_eq!(a.years, Some(Years { from: 2018, to: Some(2022) }));
        assert_eq!(a.years_pos.line, 4);
        let a = parse_agency(&file, "name: 某镇\nkind: 乡镇\nyears: 2020\n", "x", &mut diags).expect("parses");
        assert!(!a.sums_children && a.years == Some(Years { from: 2020, to: Some(2020) }));
        assert_eq!(Years::parse("2019-").map(|y| y.to), Some(None));
        assert!(diags.is_empty(), "{diags:?}");
        assert!(parse_agency(&file, "name: 某镇\nkind: 乡镇\nyears: 2022-2019\n", "x", &mut diags).is_none());
        assert!(parse_agency(&file, "name: 某镇\nkind: 乡镇\nsums_children: 是\n", "x", &mut diags).is_none());
        assert_eq!(diags.len(), 2, "{diags:?}");
    }
}
