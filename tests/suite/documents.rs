//! The catalogue of documents: the example's documents check clean, a
//! document with an error is withheld alone, the reports' table 二 is
//! compared with the catalogue, and `new document` writes a template that checks.

use crate::fixture::{TempSite, with_code};

/// A document of huaian's catalogue with `more` front matter.
fn huaian(name: &str, more: &str) -> String {
    format!("---\ntitle: 测试文件{name}\npublished: 2024-05-10\n{more}---\n本文件为测试内容。\n")
}

#[test]
fn the_example_catalogue_loads_sorted_and_checks_without_a_finding() {
    let site = TempSite::example().check();
    let ids: Vec<&str> = site.content.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), 7, "{ids:?}");
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "sorted by id: {ids:?}");
    let doc_findings: Vec<_> = site.diags.iter().filter(|d| d.code.starts_with("DOC-")).collect();
    assert!(doc_findings.is_empty(), "{doc_findings:#?}");
    let validities: Vec<&str> = site.content.documents.iter().map(|d| d.validity.word()).collect();
    for word in ["有效", "失效", "废止"] {
        assert!(validities.contains(&word), "the example shows {word}");
    }
    assert!(site.content.documents.iter().any(|d| !d.interprets.is_empty()), "a 解读 link");
    assert!(site.content.agencies.values().all(|a| a.code.is_some()), "both agencies have a code");
}

#[test]
fn table_two_is_compared_with_the_catalogue_naming_both_sides() {
    let site = TempSite::example();
    site.write(
        "content/documents/huaian/2024-guifan.md",
        huaian("甲", "written: 2024-05-01\nkind: 行政规范性文件\ninterprets: []\n"),
    );
    let checked = site.check();
    let t2 = with_code(&checked, "DOC-T2");
    let issued = t2.iter().find(|d| d.message.contains("「行政规范性文件」「本年制发件数」")).expect("issued compared");
    assert_eq!(
        issued.message,
        "表二「第二十条第（一）项」「行政规范性文件」「本年制发件数」填 8 件，政府信息公开目录中 2024 年成文的行政规范性文件有 1 件：huaian/2024-guifan"
    );
    assert!(issued.file.ends_with("content/reports/huaian/2024.md"));
    assert!(
        t2.iter().any(|d| d.message.contains("「规章」「本年制发件数」填 1 件，政府信息公开目录中没有")),
        "{t2:#?}"
    );
    // baibu's catalogue begins in 2025: its 2020 report is not compared.
    assert!(t2.iter().all(|d| !d.file.to_string_lossy().contains("baibu")));
    // A site without a catalogue is never told its reports disagree.
    std::fs::remove_dir_all(site.path().join("content/documents")).expect("remove");
    assert!(with_code(&site.check(), "DOC-T2").is_empty());
}

#[test]
fn a_document_with_an_error_is_withheld_alone_and_strict_refuses_everything() {
    let site = TempSite::example();
    site.write("content/documents/huaian/broken.md", huaian("乙", "doc_no: 淮政发[2024]3号\n"));
    let (code, out, err) = site.run(&["build"]);
    let out = format!("{out}{err}");
    assert_eq!(code, 3, "{out}");
    assert!(out.contains("暂缓发布 1 份文件（政府信息公开目录）：") && out.contains("broken.md（1 个错误）"), "{out}");
    assert!(site.path().join("public/index.html").exists(), "the rest is published");
    assert!(out.contains("六角括号〔〕"), "{out}");
    let strict = site.path().join("strict-out");
    let (code, out, _) = site.run(&["build", "--strict", "--output", &strict.to_string_lossy()]);
    assert_eq!(code, 1, "{out}");
    // Nothing is published, and nothing is left beside where it would have gone.
    let beside: Vec<String> = std::fs::read_dir(site.path())
        .expect("site")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("strict-out"))
        .collect();
    assert!(beside.is_empty(), "{beside:?}");
}

#[test]
fn new_document_writes_a_template_that_checks_and_never_overwrites() {
    let site = TempSite::example();
    let (code, out, err) = site.run(&["new", "document", "baibu", "--title", "关于测试的通知", "--name", "t1"]);
    assert_eq!(code, 0, "{out}{err}");
    let path = site.path().join("content/documents/baibu/t1.md");
    let text = std::fs::read_to_string(&path).expect("written");
    assert!(text.contains("agency: baibu") && text.contains("11330424000000000R/"), "{text}");
    let (code, _, err) = site.run(&["new", "document", "baibu", "--name", "t1"]);
    assert_ne!(code, 0);
    assert!(err.contains("已存在"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).expect("kept"), text, "never overwritten");
    let (_, out, _) = site.run(&["new", "document", "baibu"]);
    assert!(out.contains("已新建"), "{out}");
    let (code, out, err) = site.run(&["check"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("、9 份文件：1 个错误"), "{out}");
    assert!(format!("{out}{err}").contains("DOC-TITLE"), "a template without a title waits for one: {out}");
}

#[test]
fn a_bad_index_pattern_in_site_toml_is_refused_at_its_line() {
    let site = TempSite::example();
    let toml = std::fs::read_to_string(site.path().join("site.toml")).expect("read");
    site.write("site.toml", format!("{toml}\n[documents]\nindex_pattern = \"{{code}}{{serial}}\"\n"));
    let (code, _, err) = site.run(&["check"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("index_pattern") && err.contains("分不出它在哪里结束"), "{err}");
}
