//! The catalogue's pages built from document files: each document's page,
//! the listings and their pagination, the only-in-force variant, the open
//! data, the sitemap and the feed.

use crate::fixture::TempSite;
use std::path::Path;

/// A document file of 淮安市人民政府 (its code begins the 索引号) published on
/// 2025-`month`-`day`: after the example's reports, so table 二 is not compared with it.
fn document(title: &str, month: u8, day: u8, extra: &str) -> String {
    format!(
        "---\ntitle: {title}\nindex_no: 11320800000000019E/2025-{month:02}{day:03}\nwritten: 2025-{month:02}-{day:02}\npublished: 2025-{month:02}-{day:02}\ndoc_no: 淮政发〔2025〕{month}{day}号\ntopic: 综合政务\nkind: 其他文件\nitem: 1\n{extra}---\n{title}的正文。\n"
    )
}

/// The example site without its own documents, so that the counts are the test's.
fn example_without_documents() -> TempSite {
    let site = TempSite::example();
    std::fs::remove_dir_all(site.path().join("content/documents")).expect("the example has documents");
    site
}

fn built(site: &TempSite) -> std::path::PathBuf {
    let out = site.path().join("public");
    let (code, stdout, stderr) = site.run(&["build", "--output", out.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    out
}

fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// `n` documents of huaian, one a day from 2025-01-01.
fn site_with(n: u8) -> TempSite {
    let site = example_without_documents();
    for d in 1..=n {
        site.write(&format!("content/documents/huaian/d{d:02}.md"), document(&format!("通知{d:02}"), 1, d, ""));
    }
    site
}

#[test]
fn a_page_of_exactly_twenty_documents_has_no_second_page() {
    let site = site_with(20);
    let out = built(&site);
    let first = read(&out, "documents/index.html");
    assert_eq!(first.matches("<a href=\"../documents/huaian/d").count(), 20, "{first}");
    assert!(!out.join("documents/page/2/index.html").exists());
    assert!(!first.contains("class=\"pagination\""));
    assert!(out.join("documents/huaian/d20/index.html").exists());
}

#[test]
fn one_more_document_makes_a_second_page_of_one() {
    let site = site_with(21);
    let out = built(&site);
    let first = read(&out, "documents/index.html");
    // Newest first: 通知21 leads, 通知01 goes to page 2.
    assert!(first.find("通知21").expect("listed") < first.find("通知02").expect("listed"));
    assert!(!first.contains("通知01"));
    assert!(first.contains("aria-label=\"分页（共 2 页）\""));
    let second = read(&out, "documents/page/2/index.html");
    assert_eq!(second.matches("<a href=\"../../../documents/huaian/d").count(), 1, "{second}");
    assert!(second.contains("通知01") && second.contains("rel=\"prev\">上一页</a>"));
    assert!(second.contains("aria-current=\"page\" aria-label=\"第 2 页，当前页\""));
    for listing in ["agencies/huaian", "topics/01", "years/2025", "items/1"] {
        assert!(out.join(format!("documents/{listing}/page/2/index.html")).exists(), "{listing}");
    }
    let sitemap = read(&out, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.gov.cn/xxgk/documents/page/2/</loc>"));
    assert!(sitemap.contains("<loc>https://example.gov.cn/xxgk/documents/huaian/d01/</loc>"));
}

#[test]
fn repealed_documents_are_marked_and_left_out_of_the_valid_listing() {
    let site = example_without_documents();
    site.write(
        "content/documents/huaian/old.md",
        document("旧办法", 1, 2, "validity: 废止\nvalidity_date: 2025-03-01\nreplaced_by: huaian/new\n"),
    );
    site.write("content/documents/huaian/new.md", document("新办法", 3, 1, ""));
    site.write(
        "content/documents/huaian/new-jd.md",
        document("新办法解读", 3, 2, "interprets: huaian/new\n").replace("kind: 其他文件", "kind: 政策解读"),
    );
    let out = built(&site);
    let old = read(&out, "documents/huaian/old/index.html");
    assert!(old.contains("<span class=\"validity-mark\">废止</span>本文件已废止"), "{old}");
    assert!(old.contains("现行文件：<a href=\"../../../documents/huaian/new/index.html\">新办法</a>"));
    let new = read(&out, "documents/huaian/new/index.html");
    assert!(
        new.contains("相关解读") && new.contains("href=\"../../../documents/huaian/new-jd/index.html\">新办法解读</a>")
    );
    let reading = read(&out, "documents/huaian/new-jd/index.html");
    assert!(reading.contains("解读的文件") && reading.contains(">新办法</a>"));
    let all = read(&out, "documents/index.html");
    assert!(all.contains("旧办法</a> <span class=\"validity-mark\">废止</span>"), "{all}");
    let valid = read(&out, "documents/valid/index.html");
    assert!(valid.contains("新办法") && !valid.contains("旧办法"), "{valid}");
    // The open data: every field, stable values.
    let json: serde_json::Value = serde_json::from_str(&read(&out, "data/documents.json")).expect("JSON");
    let old = json.as_array().and_then(|l| l.iter().find(|d| d["id"] == "huaian/old")).expect("listed");
    assert_eq!(old["validity"], "repealed");
    assert_eq!(old["validity_since"], "2025-03-01");
    assert_eq!(old["replaced_by"], "huaian/new");
    assert_eq!(old["doc_no"], "淮政发〔2025〕12号");
    assert_eq!(old["index_no"], "11320800000000019E/2025-01002");
    assert_eq!(old["written"], "2025-01-02");
    assert_eq!(old["topic"], "综合政务");
    assert_eq!(old["item"], 1);
    assert_eq!(old["url"], "documents/huaian/old/index.html");
    let csv = read(&out, "data/documents.csv");
    assert!(csv.lines().any(|l| l.starts_with("huaian/old,旧办法,documents/huaian/old/index.html,")), "{csv}");
    let feed = read(&out, "feed.xml");
    assert!(feed.contains("<id>https://example.gov.cn/xxgk/documents/huaian/new-jd/</id>"));
    // The agency's pages and the header link the catalogue.
    let agency = read(&out, "agencies/huaian/index.html");
    assert!(agency.contains("href=\"../../documents/agencies/huaian/index.html\">3 件"));
    assert!(agency.contains("href=\"../../documents/index.html\">政府信息公开目录</a>"));
}
