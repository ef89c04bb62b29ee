//! Each check of the catalogue: a document that breaks it, and one that passes.

use super::*;
use crate::config::documents::{DEFAULT_INDEX_PATTERN, index_pieces};
use crate::model::AgencyKind;
use std::path::PathBuf;
use std::sync::Arc;

/// The code every test agency has (a valid 统一社会信用代码).
const CODE: &str = "91350100M000100Y43";

/// A document `id` (`folder/name`) parsed from its front matter lines.
fn doc(id: &str, front: &str) -> Document {
    let file = Arc::new(PathBuf::from(format!("content/documents/{id}.md")));
    let folder = id.split('/').next().unwrap_or("");
    let mut diags = Vec::new();
    let text = format!("---\n{front}---\n正文\n");
    let d = crate::parse::parse_document(&file, &text, id, folder, &mut diags);
    assert!(diags.is_empty(), "{diags:?}");
    d.expect("parses")
}

/// A sound document of `baibu`, plus `more` lines.
fn sound(id: &str, more: &str) -> Document {
    doc(id, &format!("title: 某通知\npublished: 2024-03-05\n{more}"))
}

fn agencies() -> BTreeMap<String, Agency> {
    let agency = Agency {
        slug: "baibu".into(),
        name: "百步镇人民政府".into(),
        kind: AgencyKind::Township,
        parent: None,
        contact: Default::default(),
        file: Arc::new(PathBuf::from("content/reports/baibu/agency.yaml")),
        parent_pos: Pos::default(),
        code: Some(CODE.into()),
        code_pos: Pos::new(3, 7, 18),
        sums_children: false,
        years: None,
        years_pos: Pos::default(),
    };
    BTreeMap::from([("baibu".to_owned(), agency)])
}

/// The findings on `docs`, as (code, id, line).
fn found(docs: &[Document]) -> Vec<(String, String, u32)> {
    let agencies = agencies();
    let vocabulary = Vocabulary::builtin();
    let pattern = index_pieces(DEFAULT_INDEX_PATTERN).expect("valid");
    let today = Date::new(2025, 6, 1).expect("date");
    let site = Catalogue { agencies: &agencies, vocabulary: &vocabulary, index_pattern: &pattern, today };
    let mut out: Vec<_> = check_documents(docs, &site)
        .into_iter()
        .map(|d| {
            let id =
                d.file.to_string_lossy().trim_start_matches("content/documents/").trim_end_matches(".md").to_owned();
            (d.code.into_owned(), id, d.pos.line)
        })
        .collect();
    out.sort();
    out
}

fn codes(docs: &[Document]) -> Vec<String> {
    found(docs).into_iter().map(|f| f.0).collect()
}

#[test]
fn a_sound_document_has_no_finding() {
    let d = sound(
        "baibu/a",
        &format!(
            "index_no: {CODE}/2024-00001\nwritten: 2024-03-01\ndoc_no: 百政发〔2024〕3号\ntopic: 综合政务\nkind: 通知公告\nitem: 1\n"
        ),
    );
    assert_eq!(found(&[d]), []);
}

#[test]
fn a_title_a_publication_date_and_a_known_agency_are_required() {
    assert_eq!(codes(&[doc("baibu/a", "title: x\n")]), ["DOC-PUBLISHED"]);
    assert_eq!(codes(&[doc("baibu/a", "published: 2024-01-01\n")]), ["DOC-TITLE"]);
    assert_eq!(codes(&[sound("other/a", "")]), ["DOC-AGENCY"]);
    assert_eq!(found(&[sound("other/a", "agency: baibu\n")]), [], "a category folder names its agency");
    let f = found(&[sound("baibu/a", "agency: baibuu\n")]);
    assert_eq!(f, [("DOC-AGENCY".into(), "baibu/a".into(), 4)]);
}

#[test]
fn topics_and_kinds_come_from_the_vocabulary_with_the_nearest_word() {
    let agencies = agencies();
    let v = Vocabulary::builtin();
    let pattern = index_pieces(DEFAULT_INDEX_PATTERN).expect("valid");
    let site = Catalogue {
        agencies: &agencies,
        vocabulary: &v,
        index_pattern: &pattern,
        today: Date::new(2025, 1, 1).unwrap(),
    };
    let d = sound("baibu/a", "topic: 财政\nkind: 规范性文件\n");
    let diags = check_documents(std::slice::from_ref(&d), &site);
    let topic = diags.iter().find(|d| d.code == "DOC-TOPIC").expect("topic");
    assert_eq!(topic.help.as_deref(), Some("是不是「财政、金融、审计」？"));
    let kind = diags.iter().find(|d| d.code == "DOC-KIND").expect("kind");
    assert_eq!(kind.help.as_deref(), Some("是不是「行政规范性文件」？"));
    assert_eq!(codes(&[sound("baibu/a", "topic: 财政、金融、审计\nkind: 规章\n")]), ["DOC-INTERP"]);
}

#[test]
fn dates_run_in_order_and_not_past_today() {
    assert_eq!(codes(&[sound("baibu/a", "written: 2024-04-01\n")]), ["DOC-DATE"]);
    assert_eq!(found(&[sound("baibu/a", "written: 2024-03-05\n")]), []);
    let late = sound("baibu/a", "validity: 废止\nvalidity_date: 2024-01-01\n");
    assert_eq!(codes(&[late]), ["DOC-DATE"]);
    assert_eq!(codes(&[doc("baibu/a", "title: x\npublished: 2025-06-02\n")]), ["DOC-DATE"]);
    assert_eq!(codes(&[doc("baibu/a", "title: x\npublished: 2025-06-01\n")]), Vec::<String>::new());
}

#[test]
fn a_document_out_of_force_states_since_when() {
    assert_eq!(found(&[sound("baibu/a", "validity: 失效\n")]), [("DOC-VALIDITY".into(), "baibu/a".into(), 4)]);
    assert_eq!(codes(&[sound("baibu/a", "validity: 失效\nvalidity_date: 2025-01-01\n")]), Vec::<String>::new());
}

#[test]
fn doc_numbers_are_well_formed_unique_and_of_the_year_written() {
    let f = |no: &str| codes(&[sound("baibu/a", &format!("written: 2024-03-01\ndoc_no: {no}\n"))]);
    assert_eq!(f("百政发〔2024〕3号"), Vec::<String>::new());
    for bad in
        ["百政发[2024]3号", "百政发（2024）3号", "百政发【2024】3号", "百政发〔2024〕03号", "百政发〔2024〕第3号"]
    {
        assert_eq!(f(bad), ["DOC-NO"], "{bad}");
    }
    assert_eq!(f("百政发〔2023〕3号"), ["DOC-NO"], "a warning for the year");
    let a = sound("baibu/a", "doc_no: 百政发〔2024〕3号\n");
    let b = sound("baibu/b", "doc_no: 百政发〔2024〕3号\n");
    assert_eq!(found(&[a, b]), [("DOC-NO-DUP".into(), "baibu/b".into(), 4)]);
}

#[test]
fn brackets_get_the_fixed_spelling() {
    let agencies = agencies();
    let v = Vocabulary::builtin();
    let pattern = index_pieces(DEFAULT_INDEX_PATTERN).expect("valid");
    let site = Catalogue {
        agencies: &agencies,
        vocabulary: &v,
        index_pattern: &pattern,
        today: Date::new(2025, 1, 1).unwrap(),
    };
    let d = sound("baibu/a", "doc_no: 百政发[2024]3号\n");
    let diags = check_documents(std::slice::from_ref(&d), &site);
    assert_eq!(diags[0].message, "文号「百政发[2024]3号」的年份用了「[]」：文号的年份应使用六角括号〔〕");
    assert!(diags[0].help.as_deref().is_some_and(|h| h.starts_with("改为 `百政发〔2024〕3号`")), "{:?}", diags[0].help);
}

#[test]
fn index_numbers_follow_the_pattern_the_agency_code_and_the_year_and_are_unique() {
    let f = |index: &str| codes(&[sound("baibu/a", &format!("index_no: {index}\n"))]);
    assert_eq!(f(&format!("{CODE}/2024-00001")), Vec::<String>::new());
    assert_eq!(f("2024-00001"), ["DOC-INDEX"], "not the pattern");
    assert_eq!(f("91110000802100433B/2024-00001"), ["DOC-INDEX"], "another agency's code");
    assert_eq!(f(&format!("{CODE}/2023-00001")), ["DOC-INDEX"], "a warning for the year");
    let a = sound("baibu/a", &format!("index_no: {CODE}/2024-00001\n"));
    let b = sound("baibu/b", &format!("index_no: {CODE}/2024-00001\n"));
    assert_eq!(found(&[a, b]), [("DOC-INDEX-DUP".into(), "baibu/b".into(), 4)]);
}

#[test]
fn links_between_documents_resolve() {
    let a = sound("baibu/a", "validity: 失效\nvalidity_date: 2025-01-01\nreplaced_by: baibu/b\n");
    let b = sound("baibu/b", "");
    assert_eq!(found(&[a.clone(), b]), []);
    assert_eq!(found(&[a]), [("DOC-LINK".into(), "baibu/a".into(), 6)]);
    let c = sound("baibu/c", "interprets: [baibu/c]\n");
    assert_eq!(codes(&[c]), ["DOC-LINK"]);
}

#[test]
fn a_normative_document_wants_a_jiedu_and_a_jiedu_names_what_it_interprets() {
    let normative = sound("baibu/a", "kind: 行政规范性文件\n");
    assert_eq!(codes(std::slice::from_ref(&normative)), ["DOC-INTERP"]);
    let jiedu = sound("baibu/b", "kind: 政策解读\ninterprets: baibu/a\n");
    assert_eq!(found(&[normative.clone(), jiedu]), []);
    assert_eq!(codes(&[sound("baibu/b", "kind: 政策解读\n")]), ["DOC-INTERP"]);
    let repealed = sound("baibu/a", "kind: 行政规范性文件\nvalidity: 废止\nvalidity_date: 2025-01-01\n");
    assert_eq!(codes(&[repealed]), Vec::<String>::new(), "no 解读 asked of a document out of force");
}

#[test]
fn today_is_read_from_the_environment_variable_or_the_clock() {
    assert_eq!(civil(0), Date::new(1970, 1, 1).unwrap());
    assert_eq!(civil(19_723), Date::new(2024, 1, 1).unwrap());
    assert_eq!(civil(20_148), Date::new(2025, 3, 1).unwrap());
    // The clock says a day after 2024 (the tests are younger than that).
    assert!(today() > Date::new(2024, 1, 1).unwrap());
}
