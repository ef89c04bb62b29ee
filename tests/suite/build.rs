//! `gongkai build`: the published pages, their tables, links, data and safety.

use crate::fixture::{TempSite, copy_dir, repo, report_2021, tables_2021, unbalanced};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Builds the example site into `out`, asserting success.
fn build_example(out: &Path) -> TempSite {
    let site = TempSite::example();
    let (code, _, err) = site.run(&["build", "--output", out.to_str().expect("utf-8 path")]);
    assert_eq!(code, 0, "{err}");
    site
}

/// Every file of a folder, by relative path.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).expect("prefix").to_path_buf(), std::fs::read(e.path()).expect("read")))
        .collect()
}

/// The text content of the `<td>`s of each `<tr>` of the table with this id.
fn table_rows(html: &str, id: &str) -> Vec<Vec<String>> {
    let start =
        html.find(&format!("<table class=\"form-table\" id=\"{id}\">")).unwrap_or_else(|| panic!("no table {id}"));
    let end = start + html[start..].find("</table>").expect("table end");
    let body = &html[start..end];
    let body = &body[body.find("<tbody>").expect("tbody")..];
    body.split("<tr>")
        .skip(1)
        .map(|row| {
            row.split("<td")
                .skip(1)
                .map(|cell| {
                    let content = &cell[cell.find('>').expect(">") + 1..];
                    content[..content.find("</td>").expect("</td>")].to_owned()
                })
                .collect()
        })
        .collect()
}

/// The figures of a front-matter table as written: each row's list.
fn front_matter_rows(report: &str, table: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(repo().join(report)).expect("read");
    let mut rows = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        if !line.starts_with(' ') {
            inside = line.starts_with(&format!("{table}:"));
            continue;
        }
        if inside {
            let code = line.split('#').next().unwrap_or("");
            let value = code.split_once(':').expect("key: value").1.trim();
            let items = value.trim_start_matches('[').trim_end_matches(']');
            rows.push(items.split(',').map(|s| s.trim().to_owned()).collect());
        }
    }
    rows
}

#[test]
fn report_pages_show_every_figure_in_its_row_and_column() {
    let out = tempfile::tempdir().expect("tmp");
    build_example(out.path());
    for (report, page, tables) in [
        (
            "content/reports/baibu/2020.md",
            "reports/baibu/2020/index.html",
            vec!["regulations", "licensing", "enforcement", "fees", "procurement", "applications", "appeals"],
        ),
        (
            "content/reports/huaian/2024.md",
            "reports/huaian/2024/index.html",
            vec!["regulations", "licensing", "enforcement", "fees", "applications", "appeals"],
        ),
    ] {
        let html = std::fs::read_to_string(out.path().join(page)).expect("page");
        for t in tables {
            let expected = front_matter_rows(report, t);
            let mut shown = table_rows(&html, &format!("t-{t}"));
            if t == "appeals" {
                // One row of 15 on the page; three groups of 5 in the front matter.
                shown = shown[0].chunks(5).map(<[String]>::to_vec).collect();
            }
            assert_eq!(shown, expected, "{page} table {t}");
        }
    }
}

#[test]
fn sections_come_in_order_with_tables_under_sections_two_to_four() {
    let out = tempfile::tempdir().expect("tmp");
    build_example(out.path());
    let html = std::fs::read_to_string(out.path().join("reports/baibu/2020/index.html")).expect("page");
    let pos = |s: &str| html.find(s).unwrap_or_else(|| panic!("missing {s}"));
    let order = [
        pos(">一、2020年工作完成总体情况</h2>"),
        pos("栏目名称"),
        pos(">二、主动公开政府信息情况</h2>"),
        pos("id=\"t-regulations\""),
        pos("id=\"t-procurement\""),
        pos(">三、收到和处理政府信息公开申请情况</h2>"),
        pos("id=\"t-applications\""),
        pos(">四、政府信息公开行政复议、行政诉讼情况</h2>"),
        pos("id=\"t-appeals\""),
        pos(">存在的主要问题及改进情况</h2>"),
        pos(">六、其他需要报告的事项</h2>"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert!(html.contains("<strong>（一）主动公开情况。</strong>今年以来"), "CJK bold");
    // Headers by scope and span (see render::tables): no per-cell headers list, no group scopes.
    assert!(html.contains("<th scope=\"row\" rowspan=\"20\">三、本年度办理结果</th>"), "{html}");
    assert!(!html.contains("<td headers=") && !html.contains("scope=\"rowgroup\""));
    assert!(html.contains("<td>汤振杰</td>"), "the staff table");
}

#[test]
fn two_builds_are_byte_identical_and_every_internal_link_resolves() {
    let (a, b) = (tempfile::tempdir().expect("tmp"), tempfile::tempdir().expect("tmp"));
    build_example(a.path());
    build_example(b.path());
    let (ta, tb) = (tree(a.path()), tree(b.path()));
    assert_eq!(ta.keys().collect::<Vec<_>>(), tb.keys().collect::<Vec<_>>());
    for (k, v) in &ta {
        assert!(tb[k] == *v, "{} differs between builds", k.display());
    }
    let mut links = 0;
    for (path, bytes) in &ta {
        if path.extension().is_none_or(|e| e != "html") || path == Path::new("404.html") {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        for attr in ["href=\"", "src=\""] {
            for piece in html.split(attr).skip(1) {
                let url = &piece[..piece.find('"').expect("closing quote")];
                assert!(
                    !url.starts_with('/') && !url.starts_with("//"),
                    "{}: root-absolute link {url}",
                    path.display()
                );
                if url.starts_with("http")
                    || url.starts_with("mailto:")
                    || url.starts_with('#')
                    || url.starts_with("data:")
                {
                    continue;
                }
                let target = percent_decoded(url.split('#').next().unwrap_or(""));
                let resolved = path.parent().unwrap_or(Path::new("")).join(target);
                let normal: PathBuf = resolved.components().fold(PathBuf::new(), |mut p, c| {
                    match c {
                        std::path::Component::ParentDir => {
                            assert!(p.pop(), "{}: {url} leaves the site", path.display());
                        }
                        std::path::Component::Normal(n) => p.push(n),
                        _ => {}
                    }
                    p
                });
                assert!(ta.contains_key(&normal), "{}: broken link {url}", path.display());
                links += 1;
            }
        }
    }
    assert!(links > 100, "only {links} links checked");
    // Pages need no script: the only ones are the two small inline scripts that
    // remember the 适老化 (large text) choice across pages; nothing is loaded.
    let html = String::from_utf8_lossy(&ta[Path::new("index.html")]);
    assert_eq!(html.matches("<script").count(), 2, "only the large-text scripts");
    assert!(!html.contains("<script src"), "no script file is loaded");
    assert!(html.contains("localStorage.getItem(\"gk-large\")"), "and they are the large-text ones");
}

#[test]
fn open_data_has_every_cell_with_labels() {
    let out = tempfile::tempdir().expect("tmp");
    build_example(out.path());
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join("reports/baibu/2020/report.json")).expect("json"))
            .expect("valid json");
    let t3 =
        json["tables"].as_array().expect("tables").iter().find(|t| t["key"] == "applications").expect("applications");
    assert_eq!(t3["rows"].as_array().map(Vec::len), Some(23));
    assert_eq!(t3["columns"].as_array().map(Vec::len), Some(7));
    assert_eq!(
        (t3["rows"][3].as_str(), t3["columns"][0].as_str(), t3["values"][3][0].as_i64()),
        (Some("partial"), Some("natural"), Some(2))
    );
    assert_eq!(t3.get("sources"), None, "every cell given: no source listed");
    // Schema 2: the labels are once per form, in data/forms.json.
    assert_eq!((json["schema"].as_u64(), json["form"]["labels"].as_str()), (Some(2), Some("data/forms.json")));
    let forms: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join("data/forms.json")).expect("forms")).expect("json");
    let form = forms["forms"].as_array().expect("forms").iter().find(|f| f["id"] == "cn-2019").expect("cn-2019");
    let spec = form["tables"].as_array().expect("tables").iter().find(|t| t["key"] == "applications").expect("t3");
    assert_eq!(spec["rows"][3]["label"], "（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
    let csv = std::fs::read_to_string(out.path().join("reports/baibu/2020/report.csv")).expect("csv");
    assert!(csv.starts_with("\u{feff}schema,2\nagency,baibu,百步镇人民政府\nyear,2020,"), "{csv}");
    assert!(
        csv.contains("\ntable,applications,收到和处理政府信息公开申请情况\nrow,row_label,natural,commercial,"),
        "{csv}"
    );
    assert!(csv.contains(",,申请人情况/自然人,申请人情况/法人或其他组织/商业企业,"), "{csv}");
    assert!(
        csv.contains("\npartial,三、本年度办理结果/（二）部分公开（区分处理的，只计这一情形，不计其他情形）,2,"),
        "{csv}"
    );
    assert!(csv.contains("\ncentral,政府集中采购,60,1054900,amount=元\n"), "money keeps its unit: {csv}");
    let cells = std::fs::read_to_string(out.path().join("data/cells.csv")).expect("csv");
    assert!(cells.starts_with("\u{feff}agency,year,form,table,row,column,value,unit,source"));
    assert_eq!(cells.lines().count(), 1 + (6 + 6 + 6 + 2 + 2 + 23 * 7 + 15) + (6 + 1 + 2 + 1 + 25 * 7 + 15));
    assert!(
        cells.contains("\nhuaian,2024,cn-2021,fees,fees,amount,96171.6,万元,given\n"),
        "decimal in its column's unit"
    );
    let labels = std::fs::read_to_string(out.path().join("data/labels.csv")).expect("labels");
    assert!(labels.contains("cn-2021,applications,收到和处理政府信息公开申请情况,row,other_1,三、本年度办理结果/（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"), "{labels}");
    let all: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join("data/reports.json")).expect("json"))
            .expect("valid json");
    assert_eq!(all.as_array().map(Vec::len), Some(2));
    let html = std::fs::read_to_string(out.path().join("reports/huaian/2024/index.html")).expect("page");
    assert!(html.contains("<link rel=\"alternate\" type=\"application/json\" href=\"report.json\""));
    assert!(html.contains("href=\"report.csv\""));
}

#[test]
fn a_report_with_an_error_never_reaches_the_output() {
    let site = TempSite::example();
    let out = site.path().join("public");
    let (code, _, err) = site.run(&["build"]);
    assert_eq!(code, 0, "{err}");
    let before = tree(&out);
    site.write("content/reports/huaian/2025.md", report_2021(2025, &unbalanced(), ""));
    let (code, _, err) = site.run(&["build"]);
    // The rest is published, the new report with an error is withheld: exit 3, and nothing of it is online.
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("错误[T3-KJ]"), "{err}");
    let tally = err.lines().find(|l| l.starts_with("共检查 ")).expect("the check's summary");
    let errors = tally.split("：").nth(1).and_then(|t| t.split(' ').next()).expect("the error count");
    let line =
        format!("\n暂缓发布 1 份年报：\n  content/reports/huaian/2025.md（{errors} 个错误；此前未发布）\n已生成 ");
    assert!(err.contains(&line), "{err}");
    assert_eq!(tree(&out), before, "the output is what it was: the report never reached it");
    // With --strict, any error publishes nothing, as before.
    let (code, _, err) = site.run(&["build", "--strict"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("\n错误：发现 ") && err.contains(" 个错误，未生成任何内容；") && err.contains("public 保持原样"),
        "{err}"
    );
    assert_eq!(tree(&out), before, "the previous output is untouched");
    // Only the output and the record of its sources are left beside it: no
    // staging folder, no lock; and the site's cache of parsed reports.
    let mut beside: Vec<String> = std::fs::read_dir(site.path())
        .expect("ls")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("gongkai"))
        .collect();
    beside.sort();
    assert_eq!(beside, [".gongkai-cache", ".public.gongkai-published"]);
}

#[test]
fn template_errors_name_the_template_and_leave_the_output() {
    let site = TempSite::example();
    let out = site.path().join("public");
    assert_eq!(site.run(&["build"]).0, 0);
    let before = tree(&out);
    site.write(
        "templates/report.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ report.titel }}</p>\n{% endblock content %}\n",
    );
    let (code, _, err) = site.run(&["build"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("templates/report.html") && err.contains("titel") && err.contains(":3:"), "{err}");
    // A Chinese sentence names the template, the line and the page first; tera's own report follows.
    assert!(
        err.contains("模板 templates/report.html 第 3 行有错误，页面 reports/") && err.contains("未能生成。\n"),
        "{err}"
    );
    // Then the reason in Chinese, with tera's snippet of the template.
    assert!(err.contains("原因：字段 `titel` 未定义；可用的字段："), "{err}");
    assert_eq!(tree(&out), before);
    site.write(
        "templates/report.html",
        "{% extends \"base.html\" %}\n{% block content %}{% if %}{% endblock content %}\n",
    );
    let (code, _, err) = site.run(&["build"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("模板 templates/report.html 第 2 行有错误，模板未能读取。"), "{err}");
    // A site template overrides the theme's one, and the theme fills in the rest.
    site.write(
        "templates/report.html",
        "{% extends \"base.html\" %}\n{% block content %}<p id=\"mine\">{{ report.title }}</p>{% endblock content %}\n",
    );
    assert_eq!(site.run(&["build"]).0, 0);
    let page = std::fs::read_to_string(out.join("reports/baibu/2020/index.html")).expect("page");
    assert!(
        page.contains("<p id=\"mine\">百步镇人民政府2020年度政府信息公开工作年度报告</p>")
            && page.contains("skip-link"),
        "{page}"
    );
}

#[test]
fn content_is_escaped_and_raw_html_sanitised_unless_allowed() {
    let site = TempSite::new();
    site.write("content/reports/x/agency.yaml", "name: <script>alert(1)</script>局\nkind: 部门\n");
    let body = "<img src=x onerror=alert(1)>\n\n[点击](javascript:alert(2))\n";
    site.write(
        "content/reports/x/2024.md",
        report_2021(2024, &format!("title: \"<b>标题</b>\"\n{}", tables_2021(0, 1, 0)), body),
    );
    let (code, _, err) = site.run(&["build"]);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(site.path().join("public/reports/x/2024/index.html")).expect("page");
    assert!(!page.contains("<script>alert") && page.contains("&lt;script&gt;"), "agency name escaped");
    assert!(!page.contains("<b>标题</b>") && page.contains("&lt;b&gt;标题"), "title escaped");
    assert!(!page.contains("onerror") && !page.contains("javascript:"), "raw HTML sanitised");
    site.write("site.toml", "title = \"t\"\nunsafe_html = true\n");
    assert_eq!(site.run(&["build"]).0, 0);
    let page = std::fs::read_to_string(site.path().join("public/reports/x/2024/index.html")).expect("page");
    assert!(page.contains("onerror"), "unsafe_html lets raw HTML through");
}

#[test]
fn a_killed_build_leaves_the_previous_output_whole() {
    let site = TempSite::example();
    let out = site.path().join("public");
    assert_eq!(site.run(&["build"]).0, 0);
    let before = tree(&out);
    // Enough reports that the build takes a while, then kill it at several moments.
    for i in 0..300 {
        let slug = format!("a{i:03}");
        site.agency(&slug, "部门");
        site.write(
            &format!("content/reports/{slug}/2024.md"),
            report_2021(2024, &tables_2021(0, 3, 0), "本年度无其他需要报告的事项。\n"),
        );
    }
    for delay_ms in [5, 20, 60, 120] {
        let mut child = crate::fixture::gongkai()
            .arg("--root")
            .arg(site.path())
            .arg("build")
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let status = child.wait().expect("wait");
        let now = tree(&out);
        if status.success() {
            // Finished before the kill: the output is the new site, whole.
            assert!(now.contains_key(Path::new("reports/a299/2024/index.html")));
            return;
        }
        assert_eq!(now, before, "killed after {delay_ms} ms: the output changed");
    }
}

#[test]
fn init_creates_a_site_that_builds_at_once() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("new-site");
    let st = crate::fixture::gongkai().arg("init").arg(&dir).output().expect("run");
    assert!(st.status.success(), "{}", String::from_utf8_lossy(&st.stderr));
    let said = String::from_utf8_lossy(&st.stdout);
    let shown = dir.display();
    assert_eq!(said, format!("已在 {shown} 新建站点。下一步：运行 `gongkai --root {shown} build` 生成站点\n"));
    let settings = std::fs::read_to_string(dir.join("site.toml")).expect("site.toml");
    assert!(settings.starts_with("# gongkai 站点设置\n") && settings.contains("# 公布时限："), "{settings}");
    assert!(settings.contains("# lang = \"zh\""), "the language setting is shown, commented out: {settings}");
    let st = crate::fixture::gongkai().arg("--root").arg(&dir).arg("build").output().expect("run");
    let err = String::from_utf8_lossy(&st.stderr);
    assert!(st.status.success(), "{err}");
    assert!(err.contains("0 个错误，0 个警告"), "{err}");
    assert!(err.contains("已生成 ") && err.contains("份年报），输出到 ") && err.contains("毫秒"), "{err}");
    assert!(dir.join("public/pages/guide/index.html").exists());
    assert!(dir.join("public/agencies/example/index.html").exists());
    // Everything the build made in the site is in the site's .gitignore.
    let ignore = std::fs::read_to_string(dir.join(".gitignore")).expect(".gitignore");
    assert!(ignore.starts_with("# gongkai 生成的文件"), "{ignore}");
    let patterns: Vec<&str> = ignore.lines().filter(|l| !l.starts_with('#')).collect();
    let ignored = |name: &str| {
        patterns.iter().any(|p| {
            let p = p.trim_matches('/');
            p.strip_suffix('*').map_or(p == name, |prefix| name.starts_with(prefix))
        })
    };
    let sources = ["site.toml", "content", "schemas", ".vscode", ".gitignore"];
    let made: Vec<String> = std::fs::read_dir(&dir)
        .expect("ls")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !sources.contains(&n.as_str()))
        .collect();
    assert!(made.len() >= 3, "the output, its record and the memo: {made:?}");
    assert!(made.iter().all(|n| ignored(n)), "{made:?} against\n{ignore}");
    let again = crate::fixture::gongkai().arg("init").arg(&dir).output().expect("run");
    assert_eq!(again.status.code(), Some(2), "init refuses to overwrite");
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(err.starts_with("错误：") && err.contains("site.toml 已存在：gongkai 不会覆盖已有文件"), "{err}");
}

#[test]
fn the_theme_is_built_in_for_sites_without_a_themes_folder() {
    let tmp = tempfile::tempdir().expect("tmp");
    copy_dir(&repo().join("content"), &tmp.path().join("content"));
    copy_dir(&repo().join("static"), &tmp.path().join("static"));
    std::fs::copy(repo().join("site.toml"), tmp.path().join("site.toml")).expect("copy");
    assert!(!tmp.path().join("themes").exists());
    let st = crate::fixture::gongkai().arg("--root").arg(tmp.path()).arg("build").output().expect("run");
    assert!(st.status.success(), "{}", String::from_utf8_lossy(&st.stderr));
    assert!(tmp.path().join("public/css/site.css").exists());
}

#[cfg(unix)]
#[test]
fn unchanged_files_keep_their_identity_across_builds() {
    use std::os::unix::fs::MetadataExt;
    let site = TempSite::example();
    let out = site.path().join("public");
    assert_eq!(site.run(&["build"]).0, 0);
    let ino = |rel: &str| std::fs::metadata(out.join(rel)).expect("file").ino();
    let (page, css, other) =
        (ino("reports/baibu/2020/index.html"), ino("css/site.css"), ino("reports/huaian/2024/index.html"));
    let file = site.path().join("content/reports/huaian/2024.md");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, text.replace("  permit: 447228", "  permit: 447227")).expect("write");
    let (code, _, err) = site.run(&["build"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("个文件未变）"), "{err}");
    assert_eq!(
        (ino("reports/baibu/2020/index.html"), ino("css/site.css")),
        (page, css),
        "untouched files are the same files"
    );
    assert_ne!(ino("reports/huaian/2024/index.html"), other, "the edited report's page is new");
}

#[test]
fn a_report_changed_after_checking_is_not_published_unchecked() {
    let site = TempSite::example();
    let checked = gongkai::site::Site::load(site.path()).expect("loads");
    // Edited between the check and the rendering: the build refuses rather than publish unchecked text.
    let file = site.path().join("content/reports/huaian/2024.md");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, text.replace("3940 元", "39400 元")).expect("write");
    let out = site.path().join("public");
    let err = gongkai::cmd::build::build(&checked, &out).expect_err("must fail").to_string();
    assert!(err.contains("2024.md 在生成过程中被修改，修改后的内容未经检查，不予发布：请重新生成"), "{err}");
    assert!(!out.exists(), "nothing published");
}

/// A link's path with its `%XX` escapes decoded (an attachment's name is percent-encoded).
fn percent_decoded(url: &str) -> String {
    let bytes = url.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).expect("a link decodes to UTF-8")
}
