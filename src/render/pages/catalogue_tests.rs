//! The catalogue's pages rendered from documents built in the test: the
//! example site's agencies and reports, and the documents each test adds.

use super::*;
use crate::diag::Pos;
use crate::model::{Attachment, Date, Document, Validity};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The output kept in memory.
#[derive(Default)]
struct Memory(Mutex<BTreeMap<String, Vec<u8>>>);

impl Sink for Memory {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<(), WriteError> {
        self.0.lock().map(|mut m| m.insert(path.to_owned(), bytes.to_vec())).ok();
        Ok(())
    }
    fn append(&self, path: &str, bytes: &[u8]) -> Result<(), WriteError> {
        self.0.lock().map(|mut m| m.entry(path.to_owned()).or_default().extend_from_slice(bytes)).ok();
        Ok(())
    }
}

impl Memory {
    fn text(&self, path: &str) -> String {
        let map = self.0.lock().expect("not poisoned");
        String::from_utf8(map.get(path).unwrap_or_else(|| panic!("no {path}")).clone()).expect("utf-8")
    }
    fn has(&self, path: &str) -> bool {
        self.0.lock().expect("not poisoned").contains_key(path)
    }
}

fn date(y: i32, m: u8, d: u8) -> Option<Date> {
    Date::new(y, m, d)
}

/// A document of `agency` published on 2024-01-`day` (`day` 1–28), in force.
fn doc(id: &str, agency: &str, day: u8) -> Document {
    Document {
        file: Arc::new(PathBuf::from(format!("content/documents/{id}.md"))),
        id: id.to_owned(),
        title: format!("关于{id}的通知"),
        index_no: Some(format!("11320800MB0000000X/2024-{day:05}")),
        agency: agency.to_owned(),
        written: date(2024, 1, day),
        published: date(2024, 1, day),
        doc_no: Some(format!("淮政发〔2024〕{day}号")),
        topic: Some("综合政务".to_owned()),
        kind: Some("其他文件".to_owned()),
        item: Some(1),
        validity: Validity::Valid,
        replaced_by: None,
        interprets: Vec::new(),
        attachments: Vec::new(),
        body: "正文第一段。\n".to_owned(),
        body_line: 10,
        positions: Vec::new(),
    }
}

/// Builds the example site with `documents` into memory.
fn build(documents: Vec<Document>) -> Memory {
    build_with(documents, None)
}

/// Builds the example site with `documents` and, if given, the site's own 主题分类.
fn build_with(documents: Vec<Document>, topics: Option<Vec<String>>) -> Memory {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut site = Site::load(root).expect("the example site loads");
    site.content.documents = documents;
    site.config.documents.topics = topics;
    let templates = Templates::load(root, "default").expect("the theme loads");
    let sink = Memory::default();
    render_site(&site, Published::all(&site), &templates, &sink).expect("builds");
    sink
}

#[test]
fn a_document_page_shows_its_metadata_table_validity_body_attachments_and_interpretations() {
    let mut old = doc("huaian/2023-1", "huaian", 1);
    old.validity = Validity::Repealed(date(2024, 1, 3));
    old.replaced_by = Some("huaian/2024-2".into());
    old.body = "第一条 <script>alert(1)</script>规定。\n".into();
    // A real file inside a site: the page lists it and the build copies it beside the page.
    let tmp = tempfile::tempdir().expect("temp dir");
    let source = tmp.path().join("content/documents/huaian/附件 1.pdf");
    std::fs::create_dir_all(source.parent().expect("a folder")).expect("mkdir");
    let bytes = vec![b'%'; 1_572_864];
    std::fs::write(&source, &bytes).expect("write");
    old.attachments = vec![Attachment {
        source,
        name: "附件 1.pdf".into(),
        title: "实施细则".into(),
        size: 1_572_864,
        hash: crate::model::fnv1a(&bytes),
        pos: Pos::default(),
    }];
    let new = doc("huaian/2024-2", "huaian", 2);
    let mut reading = doc("huaian/2024-2-jd", "huaian", 4);
    reading.kind = Some("政策解读".into());
    reading.interprets = vec!["huaian/2024-2".into()];
    let out = build(vec![old, new, reading]);

    let page = out.text("documents/huaian/2023-1/index.html");
    for label in ["索引号", "主题分类", "发布机构", "成文日期", "文号", "发布日期", "有效性", "文种", "公开依据"]
    {
        assert!(page.contains(&format!("<th scope=\"row\">{label}</th>")), "{label}: {page}");
    }
    assert!(page.contains("<caption id=\"gk-doc-meta-cap\">文件信息</caption>"));
    assert!(page.contains("href=\"../../../agencies/huaian/index.html\">淮安市人民政府</a>"), "{page}");
    assert!(page.contains("第二十条第（一）项</a>：行政法规、规章和规范性文件"), "{page}");
    // 废止 said in words, with its date and the document in force.
    assert!(page.contains("本文件已废止（废止日期：<time datetime=\"2024-01-03\">2024-01-03</time>）"), "{page}");
    assert!(
        page.contains("现行文件：<a href=\"../../../documents/huaian/2024-2/index.html\">关于huaian/2024-2的通知</a>")
    );
    // The body is sanitized.
    assert!(page.contains("第一条") && !page.contains("<script>alert"), "{page}");
    // The attachment: beside the page, its name encoded, type and size.
    assert!(page.contains("<a href=\"%E9%99%84%E4%BB%B6%201.pdf\">实施细则</a>"), "{page}");
    assert!(page.contains("（PDF 文档，1.5 MB）"), "{page}");
    let copied = out.0.lock().map(|m| m.get("documents/huaian/2023-1/附件 1.pdf").map(Vec::len)).ok().flatten();
    assert_eq!(copied, Some(bytes.len()), "copied beside the page");

    let interpreted = out.text("documents/huaian/2024-2/index.html");
    assert!(
        interpreted.contains("相关解读")
            && interpreted.contains("href=\"../../../documents/huaian/2024-2-jd/index.html\"")
    );
    assert!(!interpreted.contains("validity-banner"), "a document in force has no banner");
    let reading = out.text("documents/huaian/2024-2-jd/index.html");
    assert!(reading.contains("解读的文件") && reading.contains("href=\"../../../documents/huaian/2024-2/index.html\""));
}

#[test]
fn listings_paginate_at_the_page_size() {
    let exactly: Vec<Document> = (1..=PAGE_SIZE as u8).map(|d| doc(&format!("baibu/{d:02}"), "baibu", d)).collect();
    let out = build(exactly);
    assert!(out.has("documents/index.html") && !out.has("documents/page/2/index.html"));
    let first = out.text("documents/index.html");
    assert!(!first.contains("class=\"pagination\""), "one page has no pagination");
    assert_eq!(first.matches("<li>\n      <a href=\"../documents/").count(), PAGE_SIZE);

    let one_more: Vec<Document> =
        (1..=PAGE_SIZE as u8 + 1).map(|d| doc(&format!("baibu/{d:02}"), "baibu", d)).collect();
    let out = build(one_more);
    let first = out.text("documents/index.html");
    assert!(first.contains("<nav class=\"pagination\" aria-label=\"分页（共 2 页）\">"), "{first}");
    assert!(first.contains("aria-current=\"page\" aria-label=\"第 1 页，当前页\">1</a>"));
    assert!(first.contains("href=\"../documents/page/2/index.html\" rel=\"next\">下一页</a>"));
    // Newest first: the 21st (2024-01-21) leads page 1; the oldest alone on page 2.
    assert!(first.find("baibu/21").expect("listed") < first.find("baibu/20").expect("listed"));
    let second = out.text("documents/page/2/index.html");
    assert_eq!(second.matches("<li>\n      <a href=\"../../../documents/").count(), 1, "{second}");
    assert!(second.contains("baibu/01") && second.contains("rel=\"prev\">上一页</a>"));
    assert!(second.contains("<ol class=\"report-list doc-list\" start=\"21\">"));
    for listing in ["topics/01", "agencies/baibu", "years/2024", "items/1"] {
        assert!(out.has(&format!("documents/{listing}/page/2/index.html")), "{listing}");
        assert!(out.has(&format!("documents/{listing}/valid/page/2/index.html")), "{listing}");
    }
}

#[test]
fn the_valid_only_listing_leaves_out_expired_and_repealed_documents() {
    let mut expired = doc("baibu/old", "baibu", 1);
    expired.validity = Validity::Expired(date(2024, 1, 5));
    let mut repealed = doc("baibu/gone", "baibu", 2);
    repealed.validity = Validity::Repealed(date(2024, 1, 6));
    let out = build(vec![expired, repealed, doc("baibu/now", "baibu", 3)]);
    let all = out.text("documents/index.html");
    assert!(all.contains("baibu/old") && all.contains("<span class=\"validity-mark\">失效</span>"));
    assert!(all.contains("<span class=\"validity-mark\">废止</span>"));
    assert!(all.contains("href=\"../documents/valid/index.html\">只看现行有效的文件</a>"), "{all}");
    let valid = out.text("documents/valid/index.html");
    assert!(valid.contains("baibu/now") && !valid.contains("baibu/old") && !valid.contains("baibu/gone"), "{valid}");
    assert!(valid.contains("现行有效的文件 1 件"), "{valid}");
    assert!(valid.contains("href=\"../../documents/index.html\">显示全部文件（含失效、废止）</a>"));
}

#[test]
fn the_overview_counts_each_listing_and_the_site_links_the_catalogue() {
    let mut repealed = doc("huaian/gone", "huaian", 2);
    repealed.validity = Validity::Repealed(date(2024, 2, 1));
    repealed.item = Some(15);
    let out = build(vec![doc("huaian/a", "huaian", 1), repealed]);
    let overview = out.text("documents/overview/index.html");
    assert!(
        overview.contains(
            "href=\"../../documents/agencies/huaian/index.html\">淮安市人民政府</a><span class=\"count\">2 件"
        )
    );
    assert!(overview.contains("现行有效 1 件"), "{overview}");
    assert!(overview.contains(">第二十条第（十五）项</a>"), "{overview}");
    assert!(overview.contains("href=\"../../documents/topics/01/index.html\">综合政务</a>"));
    assert!(overview.contains("href=\"../../documents/years/2024/index.html\">2024年</a>"));
    // The agency with documents and its report link to its listing; the other does not.
    let agency = out.text("agencies/huaian/index.html");
    assert!(agency.contains("href=\"../../documents/agencies/huaian/index.html\">2 件（政府信息公开目录）</a>"));
    assert!(!out.text("agencies/baibu/index.html").contains("documents/agencies/"));
    let report = out.text("reports/huaian/2024/index.html");
    assert!(report.contains("href=\"../../../documents/agencies/huaian/index.html\">淮安市人民政府发布的文件</a>"));
    // The header, the footer's open data and the home page.
    let home = out.text("index.html");
    assert!(home.contains("href=\"./documents/index.html\">政府信息公开目录</a>"), "{home}");
    assert!(home.contains("href=\"./data/documents.csv\">") && home.contains("最新公开文件"));
}

#[test]
fn without_documents_nothing_of_the_catalogue_shows() {
    let out = build(Vec::new());
    assert!(!out.has("documents/index.html"));
    assert!(!out.text("index.html").contains("documents/"));
    assert_eq!(out.text("data/documents.json"), "[]\n");
}

#[test]
fn open_data_sitemap_and_feed_hold_the_documents() {
    let mut gone = doc("huaian/gone", "huaian", 1);
    gone.validity = Validity::Repealed(date(2024, 3, 1));
    gone.replaced_by = Some("huaian/new".into());
    gone.doc_no = Some("=cmd".into());
    let mut reading = doc("huaian/new-jd", "huaian", 3);
    reading.interprets = vec!["huaian/new".into()];
    let out = build(vec![gone, doc("huaian/new", "huaian", 2), reading]);
    let json: serde_json::Value = serde_json::from_str(&out.text("data/documents.json")).expect("valid JSON");
    let list = json.as_array().expect("an array");
    assert_eq!(list.len(), 3);
    assert_eq!(list[0]["id"], "huaian/new-jd", "newest first");
    let gone = &list[2];
    assert_eq!(gone["validity"], "repealed");
    assert_eq!(gone["validity_since"], "2024-03-01");
    assert_eq!(gone["replaced_by"], "huaian/new");
    assert_eq!(gone["url"], "documents/huaian/gone/index.html");
    assert_eq!(gone["agency_name"], "淮安市人民政府");
    assert_eq!(gone["item"], 1);
    assert_eq!(gone["published"], "2024-01-01");
    assert_eq!(list[1]["interpreted_by"][0], "huaian/new-jd");
    let csv = out.text("data/documents.csv");
    assert!(csv.starts_with(&format!("\u{feff}{DOCUMENTS_CSV_HEADER}")));
    assert_eq!(csv.lines().count(), 4);
    // A cell a spreadsheet would run is written as text.
    assert!(csv.contains(",\"'=cmd\","), "{csv}");
    assert!(csv.contains(",repealed,2024-03-01,huaian/new,"), "{csv}");
    let sitemap = out.text("sitemap.xml");
    for path in
        ["documents/huaian/gone/", "documents/", "documents/valid/", "documents/overview/", "documents/topics/01/"]
    {
        assert!(sitemap.contains(&format!("<loc>https://example.gov.cn/xxgk/{path}</loc>")), "{path}");
    }
    // The feed: documents among reports by date, newest first (the example's reports have no
    // 发布日期, so they are dated at the end of their year: 2024-12-31 and 2020-12-31).
    let feed = out.text("feed.xml");
    let at = |s: &str| feed.find(s).unwrap_or_else(|| panic!("{s} not in {feed}"));
    assert!(at("reports/huaian/2024/") < at("documents/huaian/new-jd/"));
    assert!(at("documents/huaian/new-jd/") < at("documents/huaian/new/"));
    assert!(at("documents/huaian/gone/") < at("reports/baibu/2020/"));
    assert!(feed.contains("<updated>2024-01-03T00:00:00Z</updated>\n<author><name>淮安市人民政府</name>"));
}

#[test]
fn a_topic_listing_is_numbered_by_the_sites_own_vocabulary() {
    let mut d = doc("huaian/a", "huaian", 1);
    d.topic = Some("乡村振兴".into());
    let out = build_with(vec![d], Some(vec!["综合政务".into(), "乡村振兴".into()]));
    assert!(out.has("documents/topics/02/index.html"));
    assert!(
        out.text("documents/huaian/a/index.html")
            .contains("href=\"../../../documents/topics/02/index.html\">乡村振兴</a>")
    );
}
