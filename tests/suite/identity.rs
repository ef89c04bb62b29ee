//! The site's identity in every footer, the site's `static/` files, and
//! reports' attachments: as a webmaster sees them after `check` and `build`.

use crate::fixture::{TempSite, report_2021, tables_2021, texts};

/// Builds `site`: (exit code, what it said on stderr).
fn build(site: &TempSite) -> (i32, String) {
    let (code, _, err) = site.run(&["build"]);
    (code, err)
}

/// A file of the output.
fn output(site: &TempSite, rel: &str) -> Vec<u8> {
    std::fs::read(site.path().join("public").join(rel)).unwrap_or_else(|_| panic!("{rel} is in the output"))
}

/// A 2024 report of the 2021 form with `extra` front matter.
fn report(extra: &str) -> String {
    report_2021(2024, &format!("published: 2025-01-20\n{extra}{}", tables_2021(0, 3, 0)), "")
}

/// A site of one agency `aa` with its 2024 report, whose front matter adds `extra`.
fn one_report(extra: &str) -> TempSite {
    let site = TempSite::new();
    site.agency("aa", "乡镇");
    site.write("content/reports/aa/2024.md", report(extra));
    site
}

#[test]
fn every_page_of_the_example_404_included_shows_the_identity_and_no_credit() {
    let site = TempSite::example();
    let (code, err) = build(&site);
    assert_eq!(code, 0, "{err}");
    let pages: Vec<_> = texts(&site.path().join("public"))
        .into_iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "html"))
        .collect();
    let kinds = ["index.html", "agencies/index.html", "years/index.html", "reports/", "agencies/baibu/", "years/2020/"];
    for kind in kinds.iter().chain(&["pages/guide/", "404.html"]) {
        assert!(pages.iter().any(|(p, _)| p.to_string_lossy().contains(kind)), "a page {kind} is built");
    }
    for (path, html) in &pages {
        let footer = html.split("<footer").nth(1).unwrap_or_else(|| panic!("{} has a footer", path.display()));
        for shown in [
            "主办单位：示例县人民政府办公室（示例）",
            "承办单位：示例县数据资源管理局（示例）",
            "网站标识码：3304240000",
            "<a href=\"https://beian.miit.gov.cn/\">浙ICP备12345678号-1</a>",
            "<a href=\"https://beian.mps.gov.cn/#/query/webSearch?code=33042402000123\">浙公网安备 33042402000123号</a>",
            "<a href=\"mailto:xxgk@example.gov.cn\">xxgk@example.gov.cn</a>",
        ] {
            assert!(footer.contains(shown), "{} shows {shown}: {footer}", path.display());
        }
        assert!(!html.contains("本站由"), "no credit unless the site asks: {}", path.display());
        assert!(html.contains("logo-example.svg\" alt=\"\">"), "{} shows the logo", path.display());
    }
    let not_found = String::from_utf8(output(&site, "404.html")).expect("utf-8");
    assert!(not_found.contains("src=\"/xxgk/images/logo-example.svg\""), "the 404's logo works at any depth");
    assert_eq!(
        output(&site, "images/logo-example.svg"),
        std::fs::read(site.path().join("static/images/logo-example.svg")).expect("read")
    );
}

#[test]
fn the_credit_is_shown_when_the_site_asks_for_it() {
    let site = one_report("");
    site.write("site.toml", "title = \"测试站点\"\n[identity]\ncredit = true\n");
    assert_eq!(build(&site).0, 0);
    for page in ["index.html", "404.html", "reports/aa/2024/index.html"] {
        let html = String::from_utf8(output(&site, page)).expect("utf-8");
        assert!(html.contains("测试站点 · 本站由 gongkai "), "{page}");
    }
}

#[test]
fn a_bad_identity_number_stops_check_at_its_line() {
    let site = one_report("");
    site.write("site.toml", "title = \"测试站点\"\n\n[identity]\nicp = \"浙ICP备１２３号\"\n");
    let (code, _, err) = site.run(&["check"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("site.toml:4:7：`[identity]` 中 `icp = \"浙ICP备１２３号\"` 不是有效的备案号"), "{err}");
}

#[test]
fn static_files_are_published_byte_for_byte_and_override_the_theme() {
    let site = one_report("");
    let binary: Vec<u8> = (0..=255u8).rev().chain([0, 0x0D, 0x0A, 0x1A]).collect();
    site.write("static/files/标识.png", &binary);
    site.write("static/css/print.css", "/* the site's own */");
    site.write("static/files/.~lock.x#", "an office suite's lock file");
    let (code, err) = build(&site);
    assert_eq!(code, 0, "{err}");
    assert_eq!(output(&site, "files/标识.png"), binary, "a binary file is copied as it is");
    assert_eq!(output(&site, "css/print.css"), b"/* the site's own */", "the site's file overrides the theme's");
    assert!(!output(&site, "css/site.css").is_empty(), "the theme's other files stay");
    assert!(!site.path().join("public/files/.~lock.x#").exists(), "editors' files are not published");
}

#[test]
fn a_static_file_at_the_path_of_a_generated_file_is_an_error_naming_both() {
    for (rel, generated) in [("static/index.html", "index.html"), ("static/data/reports.json", "data/reports.json")] {
        let site = one_report("");
        site.write(rel, "mine");
        let (code, err) = build(&site);
        assert_ne!(code, 0, "{rel}: {err}");
        assert!(err.contains(&format!("静态文件 `{rel}` 与本站生成的文件 `{generated}` 路径相同")), "{rel}: {err}");
        assert!(!site.path().join("public").exists(), "nothing is published");
    }
}

#[cfg(unix)]
#[test]
fn a_static_link_leaving_the_site_is_refused_by_check_and_build() {
    let site = one_report("");
    let outside = tempfile::tempdir().expect("tmp");
    std::fs::write(outside.path().join("secret.txt"), "outside the site").expect("write");
    site.link("static/secret.txt", outside.path().join("secret.txt"));
    let (code, out, err) = site.run(&["check"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("错误[IN-LINK]") && out.contains("static/secret.txt"), "{out}");
    let (code, _) = build(&site);
    assert_ne!(code, 0);
    assert!(!site.path().join("public/secret.txt").exists());
}

#[test]
fn the_example_report_lists_its_attachment_and_publishes_it_beside_its_page() {
    let site = TempSite::example();
    assert_eq!(build(&site).0, 0);
    let page = String::from_utf8(output(&site, "reports/huaian/2024/index.html")).expect("utf-8");
    let list = page.split("<section class=\"attachments\"").nth(1).expect("the attachments are listed");
    assert!(list.contains("<a href=\"%E7%A4%BA%E4%BE%8B%E9%99%84%E4%BB%B6.pdf\">示例附件"), "{list}");
    assert!(list.contains("（PDF 文档，1.2 KB）"), "{list}");
    let source = site.path().join("content/reports/huaian/attachments/示例附件.pdf");
    assert_eq!(output(&site, "reports/huaian/2024/示例附件.pdf"), std::fs::read(source).expect("read"));
}

#[test]
fn attachments_are_listed_with_their_type_and_size() {
    let site = one_report(
        "attachments:\n  - 原文.docx\n  - file: scans/第1页.JPG\n    title: 扫描件\n  - 附表.xlsx\n  - 原文.ofd\n  - 说明.zip\n",
    );
    site.write("content/reports/aa/原文.docx", vec![b'x'; 2048]);
    site.write("content/reports/aa/scans/第1页.JPG", vec![0u8; 3 * 1024 * 1024]);
    for f in ["附表.xlsx", "原文.ofd", "说明.zip"] {
        site.write(&format!("content/reports/aa/{f}"), "x");
    }
    let (code, err) = build(&site);
    assert_eq!(code, 0, "{err}");
    let page = String::from_utf8(output(&site, "reports/aa/2024/index.html")).expect("utf-8");
    for shown in [
        "原文.docx</a>\n      <span class=\"attachment-meta\">（Word 文档，2.0 KB）",
        "扫描件</a>\n      <span class=\"attachment-meta\">（图片，3.0 MB）",
        "（表格，0.1 KB）",
        "（OFD 版式文档，",
        "（ZIP 文件，",
    ] {
        assert!(page.contains(shown), "{shown}: {page}");
    }
    assert_eq!(output(&site, "reports/aa/2024/第1页.JPG").len(), 3 * 1024 * 1024);
}

/// The error lines `check` prints for `site`.
fn check_errors(site: &TempSite) -> String {
    let (code, out, err) = site.run(&["check"]);
    assert_eq!(code, 1, "{out}{err}");
    out
}

#[test]
fn attachment_errors_are_positioned_at_their_item() {
    let site = one_report(
        "attachments:\n  - 在这里.pdf\n  - ../bb/2024.pdf\n  - a/重名.pdf\n  - b/重名.pdf\n  - Report.JSON\n",
    );
    site.write("content/reports/aa/在这里.pdf", "x");
    site.write("content/reports/aa/a/重名.pdf", "x");
    site.write("content/reports/aa/b/重名.pdf", "x");
    let out = check_errors(&site);
    let file = "content/reports/aa/2024.md";
    for (line, said) in [
        (6, "附件 `../bb/2024.pdf` 含 `..`"),
        (8, "附件的文件名 `重名.pdf` 重复"),
        (9, "附件的文件名 `Report.JSON` 与本页自身的文件 `report.json` 重名"),
    ] {
        assert!(out.contains(&format!("{file}:{line}:5")), "line {line}: {out}");
        assert!(out.contains(said), "{said}: {out}");
    }
}

#[test]
fn a_missing_attachment_alone_is_reported_at_its_line_and_withholds_the_report() {
    let site = one_report("attachments:\n  - 原文.pdf\n");
    let out = check_errors(&site);
    assert!(out.contains("错误[IN-ATTACH]：找不到附件 `原文.pdf`"), "{out}");
    assert!(out.contains("content/reports/aa/2024.md:5:5"), "{out}");
    let (code, err) = build(&site);
    assert_ne!(code, 0, "{err}");
    assert!(!site.path().join("public/reports/aa/2024").exists());
}

#[cfg(unix)]
#[test]
fn an_attachment_linked_from_outside_the_site_is_refused() {
    let site = one_report("attachments:\n  - 原文.pdf\n");
    let outside = tempfile::tempdir().expect("tmp");
    std::fs::write(outside.path().join("secret.pdf"), "outside the site").expect("write");
    site.link("content/reports/aa/原文.pdf", outside.path().join("secret.pdf"));
    let out = check_errors(&site);
    assert!(out.contains("错误[IN-LINK]：附件 `原文.pdf` 是符号链接，指向站点文件夹以外"), "{out}");
    assert!(out.contains("content/reports/aa/2024.md:5:5") && !out.contains("outside the site"), "{out}");
}

#[test]
fn a_withheld_report_keeps_its_attachments_online_and_a_changed_attachment_is_published() {
    let site = one_report("attachments:\n  - 原文.pdf\n");
    site.write("content/reports/aa/原文.pdf", "version 1");
    assert_eq!(build(&site).0, 0);
    // The report breaks: its last published version stays, with its attachment.
    site.write("content/reports/aa/2024.md", "---\nyear: [\n---\n");
    site.write("content/reports/aa/原文.pdf", "version 2, unchecked");
    let (code, err) = build(&site);
    assert_eq!(code, 3, "{err}");
    assert_eq!(output(&site, "reports/aa/2024/原文.pdf"), b"version 1");
    // Fixed, with only the attachment changed since the first build: published anew.
    site.write("content/reports/aa/2024.md", report("attachments:\n  - 原文.pdf\n"));
    site.write("content/reports/aa/原文.pdf", "version 3");
    assert_eq!(build(&site).0, 0);
    assert_eq!(output(&site, "reports/aa/2024/原文.pdf"), b"version 3");
    // Broken again: what is kept is version 3, the one online.
    site.write("content/reports/aa/2024.md", "---\nyear: [\n---\n");
    assert_eq!(build(&site).0, 3);
    assert_eq!(output(&site, "reports/aa/2024/原文.pdf"), b"version 3");
}
