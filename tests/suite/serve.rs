//! `gongkai serve`: live rebuilds, reload events, the error overlay, safe paths.

use crate::fixture::TempSite;
use gongkai::serve::http::{Event, Limits, Server};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

/// A running `gongkai serve` and its address.
struct Preview {
    child: Child,
    addr: String,
    /// The terminal's lines up to the address (the first build's among them).
    startup: Vec<String>,
    log: mpsc::Receiver<String>,
}

impl Preview {
    /// Starts the preview of `site` on a free port, once its first build is written.
    fn start(site: &TempSite) -> Preview {
        Preview::serving(site).built()
    }

    /// The preview once its first build is written whole (its line among the startup's).
    fn built(mut self) -> Preview {
        if !self.startup.iter().any(|l| ends_a_build(l)) {
            let line = self.outcome();
            self.startup.push(line);
        }
        self
    }

    /// Starts the preview of `site` on a free port, as soon as it serves
    /// (its first build may still be written).
    fn serving(site: &TempSite) -> Preview {
        Preview::spawn_in(crate::fixture::gongkai(), site)
    }

    /// Starts the preview with at most `limit` open file descriptors.
    #[cfg(unix)]
    fn start_with_descriptors(site: &TempSite, limit: u32) -> Preview {
        let mut sh = Command::new("sh");
        for var in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
            sh.env_remove(var);
        }
        // `exec`: the child is gongkai itself, so Drop's Ctrl-C reaches it.
        sh.args(["-c", &format!("ulimit -n {limit} && exec \"$0\" \"$@\""), env!("CARGO_BIN_EXE_gongkai")]);
        Preview::spawn_in(sh, site).built()
    }

    /// Runs `command` (gongkai, or a shell that execs it) as `serve` on a free port.
    #[allow(clippy::zombie_processes)] // Waited for in Drop.
    fn spawn_in(mut command: Command, site: &TempSite) -> Preview {
        let mut child = command
            .arg("--root")
            .arg(site.path())
            .args(["serve", "--port", "0"])
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("spawn serve");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut startup = Vec::new();
        loop {
            let line =
                rx.recv_timeout(deadline.saturating_duration_since(Instant::now())).expect("serve prints its address");
            startup.push(line.clone());
            // 正在预览 <site>（按 Ctrl-C 停止）：http://127.0.0.1:PORT/
            if line.starts_with("正在预览 ")
                && let Some(rest) = line.split("http://").nth(1)
            {
                let addr = rest.split('/').next().expect("host:port").to_owned();
                return Preview { child, addr, startup, log: rx };
            }
        }
    }

    /// The next line of the terminal for which `pred` holds, skipping the others.
    fn line(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = self.log.recv_timeout(left).unwrap_or_else(|_| panic!("no line {what} within 15 s"));
            if pred(&line) {
                return line;
            }
        }
    }

    /// The line that ends the next build: how it went.
    fn outcome(&self) -> String {
        self.line("ending a build", ends_a_build)
    }

    /// GET `path`: (status, body).
    fn get(&self, path: &str) -> (u16, String) {
        let mut s = TcpStream::connect(&self.addr).expect("connect");
        write!(s, "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").expect("send");
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).expect("read");
        let text = String::from_utf8_lossy(&raw).into_owned();
        let status = text.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
        (status, body)
    }

    /// Opens the event stream as the home page, as served now, would.
    fn events_of_home(&self) -> mpsc::Receiver<(String, String)> {
        let (_, page) = self.get("/index.html");
        self.events(generation(&page))
    }

    /// Opens the event stream as a page of generation `g` would.
    fn events(&self, g: u64) -> mpsc::Receiver<(String, String)> {
        let mut s = TcpStream::connect(&self.addr).expect("connect");
        write!(s, "GET /__gongkai/events?g={g} HTTP/1.1\r\nHost: x\r\n\r\n").expect("send");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut event = String::new();
            for line in BufReader::new(s).lines().map_while(Result::ok) {
                if let Some(e) = line.strip_prefix("event: ") {
                    event = e.to_owned();
                } else if let Some(d) = line.strip_prefix("data: ")
                    && tx.send((event.clone(), d.to_owned())).is_err()
                {
                    return;
                }
            }
        });
        rx
    }
}

impl Drop for Preview {
    /// Stops the preview as a user would (Ctrl-C), so it removes its folder.
    fn drop(&mut self) {
        let _ = Command::new("kill").args(["-INT", &self.child.id().to_string()]).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn next_event(rx: &mpsc::Receiver<(String, String)>) -> (String, String) {
    rx.recv_timeout(Duration::from_secs(15)).expect("an event within 15 s")
}

/// The event that ends an update (`reload` or `failed`), after the
/// `fresh` event of the edited report's page when there is one.
fn update_event(rx: &mpsc::Receiver<(String, String)>) -> (String, String) {
    let event = next_event(rx);
    if event.0 == "fresh" { next_event(rx) } else { event }
}

/// The generation of the page, from its injected script.
fn generation(html: &str) -> u64 {
    let g = html.split("reload.js?g=").nth(1).expect("reload script injected");
    g[..g.find('"').expect("quote")].parse().expect("number")
}

#[test]
fn edits_rebuild_and_reload_errors_show_and_clear() {
    let site = TempSite::example();
    let preview = Preview::start(&site);
    let (status, page) = preview.get("/reports/baibu/2020/");
    assert_eq!(status, 200);
    assert!(page.contains("百步镇人民政府2020年度政府信息公开工作年度报告"));
    let events = preview.events(generation(&page));

    // A valid edit: rebuilt, reload sent, new figure served.
    let file = site.path().join("content/reports/baibu/2020.md");
    let original = std::fs::read_to_string(&file).expect("read");
    let edited = original.replace("  central: [60, 1054900元]", "  central: [61, 1054900元]");
    assert_ne!(edited, original);
    std::fs::write(&file, &edited).expect("write");
    // The edited report's page first (its generation and URL path), then the whole update.
    let (kind, fresh) = next_event(&events);
    assert_eq!(kind, "fresh");
    let (g, paths) = fresh.split_once(' ').expect("generation and paths");
    assert_eq!(paths, "/reports/baibu/2020/");
    let (kind, data) = next_event(&events);
    assert_eq!(
        (kind.as_str(), data.as_str()),
        ("reload", g),
        "the same generation: the fresh page does not reload again"
    );
    let (_, page) = preview.get("/reports/baibu/2020/");
    assert_eq!(generation(&page).to_string(), data);
    assert!(page.contains("政府集中采购</th><td>61</td>"), "new figure served");

    // A broken sum: the overlay event with file, line and message; the last good page still served.
    std::fs::write(
        &file,
        edited.replace("  new:             [3, 0, 0, 0, 0, 0, 3]", "  new:             [4, 0, 0, 0, 0, 0, 4]"),
    )
    .expect("write");
    let (kind, data) = next_event(&events);
    assert_eq!(kind, "failed");
    assert!(data.contains("T3-KJ") && data.contains("content/reports/baibu/2020.md:24"), "{data}");
    assert_eq!(preview.get("/reports/baibu/2020/").0, 200);
    // A page opened now learns of the failure at once.
    let late = preview.events(generation(&page));
    assert_eq!(next_event(&late).0, "failed");

    // Broken YAML: still running, still failing.
    std::fs::write(&file, edited.replace("year: 2020", "year: [2020")).expect("write");
    let (kind, data) = next_event(&events);
    assert_eq!(kind, "failed");
    assert!(data.contains("IN-YAML"), "{data}");

    // Fixed: reload, overlay gone, also for the page that reloads at the fresh event and reconnects at once.
    std::fs::write(&file, &edited).expect("write");
    let (kind, fresh) = next_event(&events);
    assert_eq!(kind, "fresh");
    let g: u64 = fresh.split(' ').next().and_then(|g| g.parse().ok()).expect("generation");
    let reconnected = preview.events(g);
    assert_eq!(next_event(&events).0, "reload");
    // It hears at most the update's reload, of its own generation (which the page ignores).
    while let Ok((kind, data)) = reconnected.recv_timeout(Duration::from_millis(800)) {
        assert_eq!((kind.as_str(), data), ("reload", g.to_string()), "no failure shown again, no second reload");
    }

    // A template error is shown the same way, and fixing it reloads.
    site.write(
        "templates/report.html",
        "{% extends \"base.html\" %}{% block content %}{{ nope }}{% endblock content %}",
    );
    let (kind, data) = next_event(&events);
    assert_eq!(kind, "failed");
    assert!(data.contains("templates/report.html"), "{data}");
    let json: serde_json::Value = serde_json::from_str(&data).expect("json");
    assert_eq!(json["summary"], "模板或主题有错误，站点未能生成", "{data}");
    let error = json["errors"][0].as_str().expect("the error");
    assert!(
        error.starts_with("错误：模板 templates/report.html 第 1 行有错误，页面 reports/")
            && error.contains("未能生成。\n"),
        "{error}"
    );
    std::fs::remove_file(site.path().join("templates/report.html")).expect("rm");
    assert_eq!(next_event(&events).0, "reload");
}

/// Whether `line` is the end of a failed check of `errors` errors of reports,
/// each shown in its last good version while the rest of the site shows every edit.
/// Whether the terminal's `line` ends a build (says how it went).
fn ends_a_build(line: &str) -> bool {
    line.contains("（用时 ") || line.starts_with("已重新生成") || line.starts_with("已生成")
}

fn is_failed_check(line: &str, errors: usize) -> bool {
    line.starts_with(&format!("检查未通过：{errors} 个错误（用时 "))
        && line.ends_with(
            " 毫秒）。有错误的年报显示其上一次通过检查的版本（新年报暂不显示），其余修改已生效；修正后页面会自动刷新",
        )
}

#[test]
fn a_failed_check_is_reported_as_failed_with_its_count_never_as_rebuilt() {
    let site = TempSite::example();
    let preview = Preview::start(&site);
    assert!(
        preview.startup.iter().any(|l| l.starts_with("已生成，用时 ") && l.ends_with(" 毫秒")),
        "{:?}",
        preview.startup
    );
    let (_, good_page) = preview.get("/reports/baibu/2020/");
    let good = generation(&good_page);
    let events = preview.events(good);
    let file = site.path().join("content/reports/baibu/2020.md");
    let original = std::fs::read_to_string(&file).expect("read");
    let broken =
        original.replace("  new:             [3, 0, 0, 0, 0, 0, 3]", "  new:             [4, 0, 0, 0, 0, 0, 4]");
    assert_ne!(broken, original);
    std::fs::write(&file, &broken).expect("write");

    let changed = preview.line("naming the change", |l| l.starts_with("检测到修改："));
    assert_eq!(changed, "检测到修改：content/reports/baibu/2020.md");
    let outcome = preview.outcome();
    let (kind, data) = next_event(&events);
    assert_eq!(kind, "failed");
    let json: serde_json::Value = serde_json::from_str(&data).expect("json");
    let errors = json["errors"].as_array().expect("errors").len();
    assert!(errors >= 1, "{data}");
    assert!(is_failed_check(&outcome, errors), "{outcome}");
    assert!(!outcome.contains("已重新生成"), "{outcome}");
    // The overlay says the same, in the run's language.
    assert_eq!(json["lang"], "zh-CN");
    assert_eq!(json["summary"], format!("检查未通过：{errors} 个错误"));
    assert_eq!(
        json["note"],
        "有错误的年报，下方显示的是它上一次通过检查的版本（新年报暂不显示）；其余页面已按修改更新。修正文件后，页面会自动刷新。"
    );
    // And it is true: the report's last good page is what is served.
    let (status, page) = preview.get("/reports/baibu/2020/");
    assert_eq!(status, 200);
    assert_eq!(without_script(&page), without_script(&good_page));

    // Fixed: now it is rebuilt, and said so.
    std::fs::write(&file, &original).expect("write");
    let outcome = preview.outcome();
    assert!(outcome.starts_with("已重新生成，用时 ") && outcome.ends_with(" 毫秒"), "{outcome}");
    assert_eq!(update_event(&events).0, "reload");
}

/// A served page without the reload script the preview adds.
fn without_script(page: &str) -> String {
    match page.find("<script src=\"/__gongkai/reload.js") {
        Some(start) => {
            let end = start + page[start..].find("</script>\n").expect("script end") + "</script>\n".len();
            format!("{}{}", &page[..start], &page[end..])
        }
        None => page.to_owned(),
    }
}

#[test]
fn a_report_that_no_longer_parses_keeps_its_last_good_page_until_fixed() {
    let site = TempSite::example();
    let preview = Preview::start(&site);
    let (status, good_page) = preview.get("/reports/huaian/2024/");
    assert_eq!(status, 200);
    let events = preview.events(generation(&good_page));
    let file = site.path().join("content/reports/huaian/2024.md");
    let original = std::fs::read_to_string(&file).expect("read");
    // Another agency's edit in the same moment is shown: only the broken report waits.
    let other = site.path().join("content/reports/baibu/2020.md");
    let baibu = std::fs::read_to_string(&other).expect("read");
    std::fs::write(&other, baibu.replace("  central: [60, 1054900元]", "  central: [61, 1054900元]")).expect("write");
    std::fs::write(&file, "---\nyear: [\n---\n").expect("write");
    // (The two writes may be seen as two changes: a reload for baibu's, then the failure.)
    let data = std::iter::repeat_with(|| next_event(&events)).find(|(kind, _)| kind == "failed").expect("failed").1;
    assert!(data.contains("content/reports/huaian/2024.md"), "{data}");
    settle(&events);
    let (status, page) = preview.get("/reports/huaian/2024/");
    assert_eq!(status, 200, "the last good page is still served");
    assert_eq!(without_script(&page), without_script(&good_page), "with the last good content");
    for listing in ["/index.html", "/agencies/huaian/", "/years/2024/", "/sitemap.xml", "/data/reports.json"] {
        assert!(preview.get(listing).1.contains("reports/huaian/2024/"), "{listing} still lists it");
    }
    assert!(preview.get("/reports/baibu/2020/").1.contains(">61</td>"), "the other edit is live");

    // Fixed (with a new figure): reloaded, and the new content is served.
    std::fs::write(&file, original.replace("  permit: 447228", "  permit: 447229")).expect("write");
    let (kind, _) = update_event(&events);
    assert_eq!(kind, "reload");
    let (status, page) = preview.get("/reports/huaian/2024/");
    assert_eq!(status, 200);
    assert!(page.contains(">447229</td>") && !page.contains(">447228</td>"), "the new figure is served");
    assert_same_as_clean_build(&site, &preview);
}

#[test]
fn the_preview_shows_drafts_marked_and_a_broken_new_report_not_at_all() {
    let site = TempSite::example();
    let text = std::fs::read_to_string(site.path().join("content/reports/huaian/2024.md")).expect("read");
    let draft = text.replace("year: 2024", "year: 2027\ndraft: true").replace("2024", "2027");
    site.write("content/reports/huaian/2027.md", &draft);
    let preview = Preview::start(&site);
    let (status, page) = preview.get("/reports/huaian/2027/");
    assert_eq!(status, 200, "the preview shows drafts; it said: {:?}", preview.startup);
    assert!(page.contains("<strong class=\"draft-mark\">草稿</strong>"), "marked on the page");
    assert!(preview.get("/agencies/huaian/").1.contains("<span class=\"draft-mark\">草稿</span>"));
    let events = preview.events(generation(&page));
    // A new report that never passed the checks is not shown, and the rest is.
    site.write("content/reports/huaian/2030.md", "---\nyear: [\n---\n");
    assert_eq!(next_event(&events).0, "failed");
    settle(&events);
    assert_eq!(preview.get("/reports/huaian/2030/").0, 404);
    assert_eq!(preview.get("/reports/huaian/2027/").0, 200);
}

#[test]
fn a_first_build_that_fails_says_nothing_is_served_yet() {
    let site = TempSite::new();
    site.agency("huaian", "乡镇");
    site.write("content/reports/huaian/2025.md", crate::fixture::report_2021(2025, &crate::fixture::unbalanced(), ""));
    let preview = Preview::start(&site);
    let outcome = preview.startup.iter().find(|l| l.starts_with("检查未通过：")).expect("the first build's outcome");
    assert!(outcome.ends_with(" 毫秒）。尚无成功生成的版本可供预览，修正后页面会自动刷新"), "{outcome}");
    assert!(!preview.startup.iter().any(|l| l.starts_with("已生成")), "{:?}", preview.startup);
    let (status, page) = preview.get("/");
    assert_eq!(status, 404);
    assert!(
        page.contains("<html lang=\"zh-CN\">") && page.contains("尚无成功生成的版本：请查看终端中的错误信息。"),
        "{page}"
    );
    let (kind, data) = next_event(&preview.events(0));
    assert_eq!(kind, "failed");
    let json: serde_json::Value = serde_json::from_str(&data).expect("json");
    assert_eq!(json["note"], "尚无成功生成的页面。修正文件后，页面会自动刷新。");
}

#[test]
fn the_served_site_equals_a_clean_build_after_many_edits_renames_and_deletes() {
    let site = TempSite::example();
    let preview = Preview::start(&site);
    let events = preview.events_of_home();
    let dir = site.path().join("content/reports/huaian");
    let file = dir.join("2024.md");
    let original = std::fs::read_to_string(&file).expect("read");
    // Rapid edits, atomic saves (temp file renamed over the original) and editor droppings.
    for i in 0..1000 {
        let text = original.replace("  permit: 447228", &format!("  permit: {}", 447_000 + i));
        if i % 2 == 0 {
            std::fs::write(&file, text).expect("write");
        } else {
            let tmp = dir.join(".2024.md.tmp");
            std::fs::write(&tmp, text).expect("write tmp");
            std::fs::rename(&tmp, &file).expect("rename");
            std::fs::write(dir.join("2024.md~"), "backup").expect("backup");
            std::fs::write(dir.join("4913"), "vim probe").expect("probe");
            let _ = std::fs::remove_file(dir.join("4913"));
        }
    }
    // A new agency, then renamed; a report deleted.
    site.agency("newtown", "乡镇");
    std::fs::copy(
        site.path().join("content/reports/baibu/2020.md"),
        site.path().join("content/reports/newtown/2020.md"),
    )
    .expect("copy");
    std::fs::rename(site.path().join("content/reports/newtown"), site.path().join("content/reports/oldtown"))
        .expect("rename dir");
    std::fs::remove_file(site.path().join("content/reports/baibu/2020.md")).expect("rm");
    built(&events);
    assert_same_as_clean_build(&site, &preview);
    assert_eq!(preview.get("/reports/baibu/2020/").0, 404, "a deleted report disappears");
    assert_eq!(preview.get("/agencies/oldtown/").0, 200);
    assert_eq!(preview.get("/agencies/newtown/").0, 404);
    let (_, home) = preview.get("/index.html");
    assert!(!home.contains("reports/baibu/2020/"), "and from every index");
}

/// Waits for the event of the rebuild a write causes, however long a loaded
/// machine takes to build, then until the bursts that follow it are built.
fn built(events: &mpsc::Receiver<(String, String)>) {
    next_event(events);
    settle(events);
}

/// Waits until no event came for 1.5 s: the changes are built.
fn settle(events: &mpsc::Receiver<(String, String)>) {
    let mut last = Instant::now();
    while last.elapsed() < Duration::from_millis(1500) {
        if events.recv_timeout(Duration::from_millis(200)).is_ok() {
            last = Instant::now();
        }
    }
}

/// Every file of a clean build is served with the same bytes (the reload script aside).
fn assert_same_as_clean_build(site: &TempSite, preview: &Preview) {
    let clean = tempfile::tempdir().expect("tmp");
    let out = clean.path().join("public");
    let (code, _, err) = site.run(&["build", "--output", out.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{err}");
    let mut compared = 0;
    for entry in walkdir::WalkDir::new(&out).into_iter().flatten().filter(|e| e.file_type().is_file()) {
        let rel = entry.path().strip_prefix(&out).expect("prefix").to_string_lossy().replace('\\', "/");
        if rel == gongkai::write::MARKER {
            continue; // marks the output folder; the preview serves no dot-files
        }
        // Non-ASCII names (an attachment's) go percent-encoded, as a browser sends them.
        let path: String =
            rel.bytes().map(|b| if b.is_ascii() { char::from(b).to_string() } else { format!("%{b:02X}") }).collect();
        let (status, mut body) = preview.get(&format!("/{path}"));
        assert_eq!(status, 200, "{rel}");
        if let Some(start) = body.find("<script src=\"/__gongkai/reload.js") {
            let end = start + body[start..].find("</script>\n").expect("script end") + "</script>\n".len();
            body.replace_range(start..end, "");
        }
        assert!(
            body.as_bytes() == std::fs::read(entry.path()).expect("read").as_slice(),
            "{rel} differs from a clean build"
        );
        compared += 1;
    }
    assert!(compared > 20);
}

/// The preview serves as soon as its first build is checked: each page as
/// it is written, a page not written yet once it is, and the open data whole.
#[test]
fn the_first_build_is_served_while_it_is_written() {
    let site = TempSite::example();
    // Enough reports for their pages (written after the listings) to take a while.
    for n in 0..300 {
        let slug = format!("t{n:03}");
        site.agency(&slug, "乡镇");
        site.write(
            &format!("content/reports/{slug}/2024.md"),
            crate::fixture::report_2021(2024, &crate::fixture::tables_2021(0, 1, 0), ""),
        );
    }
    let preview = Preview::serving(&site);
    assert!(!preview.startup.iter().any(|l| ends_a_build(l)), "{:?}", preview.startup);
    // The home page is written first; the report pages after every listing.
    let mut early: Vec<(&str, (u16, String))> =
        ["/", "/reports/t150/2024/"].into_iter().map(|p| (p, preview.get(p))).collect();
    let meanwhile: Vec<String> = preview.log.try_iter().collect();
    assert!(
        !meanwhile.iter().any(|l| ends_a_build(l)),
        "the first build ended before the pages were answered, so this test saw nothing: {meanwhile:?}"
    );
    // Written in parts: answered once whole, at the end of the build.
    early.push(("/data/reports.json", preview.get("/data/reports.json")));
    assert!(preview.outcome().starts_with("已生成，用时 "));
    assert_same_as_clean_build(&site, &preview);
    for (path, (status, body)) in early {
        assert_eq!(status, 200, "{path}");
        assert_eq!(body, preview.get(path).1, "{path} was served before it was complete");
    }
}

/// A report with errors at the start: the terminal says so before the
/// address, and every page, served while the first build is written,
/// shows the errors over it from the first.
#[test]
fn a_first_build_with_a_broken_report_says_so_before_it_serves() {
    let site = TempSite::example();
    site.agency("huaian-x", "乡镇");
    site.write(
        "content/reports/huaian-x/2025.md",
        crate::fixture::report_2021(2025, &crate::fixture::unbalanced(), ""),
    );
    let preview = Preview::serving(&site);
    let address = preview.startup.len() - 1;
    let finding =
        preview.startup.iter().position(|l| l.contains("huaian-x/2025.md")).expect("the finding, before the address");
    assert!(finding < address, "{:?}", preview.startup);
    let (kind, overlay) = next_event(&preview.events(1));
    assert_eq!(kind, "failed", "{overlay}");
    assert!(overlay.contains("huaian-x/2025.md"), "{overlay}");
    let outcome = preview.outcome();
    let errors = outcome.strip_prefix("检查未通过：").and_then(|r| r.split(' ').next()).and_then(|n| n.parse().ok());
    assert!(errors.is_some_and(|n| is_failed_check(&outcome, n)), "{outcome}");
    let (status, _) = preview.get("/reports/baibu/2020/");
    assert_eq!(status, 200);
}

#[test]
fn incremental_updates_equal_a_clean_build() {
    let site = TempSite::example();
    let preview = Preview::start(&site);
    let events = preview.events_of_home();
    let dir = site.path().join("content/reports/huaian");
    let text = std::fs::read_to_string(dir.join("2024.md")).expect("read");
    // Edit a figure, add two years (not adjacent, so no carry-over applies), delete one.
    std::fs::write(dir.join("2024.md"), text.replace("  permit: 447228", "  permit: 447229")).expect("write");
    built(&events);
    std::fs::write(dir.join("2027.md"), text.replace("2024", "2027")).expect("write");
    built(&events);
    assert_eq!(preview.get("/years/2027/").0, 200);
    std::fs::write(dir.join("2022.md"), text.replace("year: 2024", "year: 2022").replace("2024", "2022"))
        .expect("write");
    built(&events);
    assert_eq!(preview.get("/years/2022/").0, 200);
    std::fs::remove_file(dir.join("2022.md")).expect("rm");
    built(&events);
    assert_eq!(preview.get("/years/2022/").0, 404, "an emptied year disappears");
    assert_eq!(preview.get("/reports/huaian/2022/").0, 404);
    // A plain page and a template change re-render without re-reading reports.
    let guide = site.path().join("content/pages/guide.md");
    let text = std::fs::read_to_string(&guide).expect("read");
    std::fs::write(&guide, text.replace("title: 政府信息公开指南", "title: 政府信息公开指南（修订）")).expect("write");
    site.write("templates/page.html", "{% extends \"base.html\" %}{% block content %}<h1>{{ page.title }}</h1>{{ content_html | safe }}{% endblock content %}");
    built(&events);
    assert!(preview.get("/index.html").1.contains("政府信息公开指南（修订）"), "menus show the new title");
    assert_same_as_clean_build(&site, &preview);
}

#[test]
fn only_files_of_the_build_are_served_with_their_types() {
    let site = TempSite::example();
    let preview = Preview::start(&site);
    for (path, ctype) in [
        ("/", "text/html"),
        ("/css/site.css", "text/css"),
        ("/feed.xml", "application/xml"),
        ("/data/reports.json", "application/json"),
        ("/data/cells.csv", "text/csv"),
        ("/__gongkai/reload.js", "text/javascript"),
    ] {
        let mut s = TcpStream::connect(&preview.addr).expect("connect");
        write!(s, "HEAD {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").expect("send");
        let mut head = String::new();
        s.read_to_string(&mut head).expect("read");
        assert!(head.starts_with("HTTP/1.1 200") && head.contains(&format!("Content-Type: {ctype}")), "{path}: {head}");
    }
    for bad in [
        "/../site.toml",
        "/%2e%2e/site.toml",
        "/reports/%2e%2e/%2e%2e/%2e%2e/site.toml",
        "/..%2f..%2fsite.toml",
        "/content/reports/baibu/2020.md",
        "/nope.html",
    ] {
        let (status, body) = preview.get(bad);
        assert_eq!(status, 404, "{bad}");
        assert!(body.contains("页面未找到"), "{bad}: the theme's 404 page");
    }
    let (status, _) = preview.get("/agencies");
    assert_eq!(status, 301);
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_cleanly_and_removes_the_preview_folder() {
    let site = TempSite::example();
    let mut preview = Preview::start(&site);
    // The preview's private folder: a random name after the process id, only its owner may enter.
    let prefix = format!("gongkai-serve-{}-", preview.child.id());
    let work = std::fs::read_dir(std::env::temp_dir())
        .expect("temp dir")
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .expect("the preview folder")
        .path();
    let meta = std::fs::symlink_metadata(&work).expect("metadata");
    assert!(meta.is_dir());
    assert_eq!(std::os::unix::fs::PermissionsExt::mode(&meta.permissions()) & 0o777, 0o700);
    let status = Command::new("kill").args(["-INT", &preview.child.id().to_string()]).status().expect("kill");
    assert!(status.success());
    let code = preview.child.wait().expect("wait");
    assert!(code.success(), "{code:?}");
    assert!(!work.exists(), "preview folder removed");
    assert!(!site.path().join("public").exists(), "serve never writes public/");
    let _ = preview.log.try_recv();
}

#[test]
fn a_slow_in_place_save_is_one_change_not_an_empty_file() {
    let site = TempSite::example();
    let preview = Preview::start(&site);
    let events = preview.events_of_home();
    let file = site.path().join("content/reports/huaian/2024.md");
    let text = std::fs::read_to_string(&file).expect("read");
    // Truncate, pause as a slow editor would, then write the new text.
    let mut f = std::fs::File::create(&file).expect("truncate");
    std::thread::sleep(Duration::from_millis(150));
    f.write_all(text.replace("  permit: 447228", "  permit: 447227").as_bytes()).expect("write");
    drop(f);
    let (kind, data) = update_event(&events);
    assert_eq!(kind, "reload", "{data}");
}

/// Sends `request` on a fresh connection and reads until the server closes
/// (or 5 s pass): the raw answer and how long the close took.
fn exchange(addr: &str, request: &[u8]) -> (String, Duration) {
    let s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(5))).expect("timeout");
    let started = Instant::now();
    let mut writer = s.try_clone().expect("clone");
    let request = request.to_vec();
    // Written beside the reading: a server that stops reading must not block the test.
    std::thread::spawn(move || {
        let _ = writer.write_all(&request);
        let _ = writer.shutdown(std::net::Shutdown::Write);
    });
    let mut raw = Vec::new();
    let mut chunk = [0u8; 8192];
    let mut reader = &s;
    while let Ok(n) = reader.read(&mut chunk) {
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&chunk[..n]);
    }
    (String::from_utf8_lossy(&raw).into_owned(), started.elapsed())
}

#[test]
fn a_huge_request_line_gets_414_and_the_connection_closes() {
    let site = TempSite::example();
    let preview = Preview::start(&site);
    let mut request = b"GET /".to_vec();
    request.resize(1024 * 1024, b'a');
    request.extend_from_slice(b" HTTP/1.1\r\nHost: x\r\n\r\n");
    let (answer, took) = exchange(&preview.addr, &request);
    assert!(answer.starts_with("HTTP/1.1 414 "), "{}", &answer[..answer.len().min(200)]);
    assert!(answer.contains("Connection: close"), "{answer}");
    assert!(took < Duration::from_secs(3), "closed after {took:?}");
}

#[test]
fn too_many_or_too_large_headers_get_431_and_a_malformed_head_400() {
    let site = TempSite::example();
    let preview = Preview::start(&site);
    let many: String = (0..101).map(|i| format!("X-Field-{i}: {i}\r\n")).collect();
    let large = format!("X-Big: {}\r\n", "b".repeat(70 * 1024));
    for fields in [many, large] {
        let (answer, took) = exchange(&preview.addr, format!("GET / HTTP/1.1\r\nHost: x\r\n{fields}\r\n").as_bytes());
        assert!(answer.starts_with("HTTP/1.1 431 "), "{}", &answer[..answer.len().min(200)]);
        assert!(answer.ends_with("\r\n\r\n请求头太大\n"), "the page says it in Chinese: {answer}");
        assert!(took < Duration::from_secs(3), "closed after {took:?}");
    }
    for bad in [
        "GARBAGE\r\n\r\n",
        "GET / HTTP/1.1 extra\r\n\r\n",
        "GET / HTTP/1.1\r\nno colon\r\n\r\n",
        "GET /\x01 HTTP/1.1\r\n\r\n",
    ] {
        let (answer, took) = exchange(&preview.addr, bad.as_bytes());
        assert!(answer.starts_with("HTTP/1.1 400 ") && answer.ends_with("请求的格式有误\n"), "{bad:?}: {answer}");
        assert!(took < Duration::from_secs(3), "{bad:?}: closed after {took:?}");
    }
    // Within the limits: 100 fields, 98 of them of 600 bytes (a large cookie jar), are fine.
    let fine: String = (0..98).map(|i| format!("X-Field-{i}: {}\r\n", "c".repeat(600))).collect();
    let (answer, _) =
        exchange(&preview.addr, format!("GET / HTTP/1.1\r\nHost: x\r\n{fine}Connection: close\r\n\r\n").as_bytes());
    assert!(answer.starts_with("HTTP/1.1 200 "), "{}", &answer[..answer.len().min(200)]);
    let (answer, _) = exchange(&preview.addr, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
    assert!(answer.starts_with("HTTP/1.1 405 ") && answer.ends_with("预览只接受 `GET` 和 `HEAD` 请求\n"), "{answer}");
}

#[test]
fn redirects_stay_on_the_same_host() {
    let site = TempSite::example();
    let preview = Preview::start(&site);
    for (path, to) in [("//reports", "/reports/"), ("///agencies", "/agencies/"), ("/agencies", "/agencies/")] {
        let (answer, _) =
            exchange(&preview.addr, format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes());
        assert!(answer.starts_with("HTTP/1.1 301 "), "{path}: {answer}");
        let location = answer.lines().find_map(|l| l.strip_prefix("Location: ")).expect("a Location");
        assert_eq!(location, to, "{path}");
    }
    // Encoded CR/LF never reach a header.
    let (answer, _) = exchange(
        &preview.addr,
        b"GET /agencies%0d%0aSet-Cookie:%20x=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert!(answer.starts_with("HTTP/1.1 404 ") && !answer.contains("Set-Cookie"), "{answer}");
}

#[test]
fn a_connection_serves_several_requests() {
    let site = TempSite::example();
    let preview = Preview::start(&site);
    let s = TcpStream::connect(&preview.addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(5))).expect("timeout");
    let mut reader = BufReader::new(s.try_clone().expect("clone"));
    let mut writer = s;
    for path in ["/", "/css/site.css", "/agencies", "/nope.html", "/__gongkai/reload.js"] {
        write!(writer, "GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").expect("send");
        let mut status = String::new();
        reader.read_line(&mut status).expect("status line");
        let mut length = 0;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).expect("header");
            if line == "\r\n" {
                break;
            }
            assert_ne!(line.to_ascii_lowercase(), "connection: close\r\n", "{path}: kept alive");
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = n.trim().parse().expect("length");
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).expect("body");
        assert!(status.starts_with("HTTP/1.1 "), "{path}: {status}");
    }
    // `Connection: close` is honoured.
    write!(writer, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").expect("send");
    let mut rest = Vec::new();
    reader.read_to_end(&mut rest).expect("read to the close");
    assert!(rest.starts_with(b"HTTP/1.1 200 "));
}

/// Lets this test process open `n` files (the 600 connections of a test,
/// besides the other tests), as far as its hard limit allows.
#[cfg(unix)]
fn allow_open_files(n: u64) {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit(2) and setrlimit(2) read and write one valid rlimit struct.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < n {
            limit.rlim_cur = n.min(limit.rlim_max);
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}

/// Starts the preview with `descriptors` open files at most, opens
/// `connections` idle connections, and asserts a page is still served within 2 s.
#[cfg(unix)]
fn a_page_is_served_beside_idle_connections(descriptors: u32, connections: usize) {
    allow_open_files(2048);
    let site = TempSite::example();
    let preview = Preview::start_with_descriptors(&site, descriptors);
    let idle: Vec<TcpStream> = (0..connections).map(|_| TcpStream::connect(&preview.addr).expect("connect")).collect();
    let started = Instant::now();
    let s = TcpStream::connect(&preview.addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(3))).expect("timeout");
    let mut writer = &s;
    write!(writer, "GET /css/site.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").expect("send");
    let mut answer = Vec::new();
    let _ = (&s).read_to_end(&mut answer);
    let took = started.elapsed();
    assert!(answer.starts_with(b"HTTP/1.1 200 "), "{}", String::from_utf8_lossy(&answer));
    assert!(took < Duration::from_secs(2), "answered after {took:?}");
    drop(idle);
}

/// The attack as reported.
#[cfg(unix)]
#[test]
fn six_hundred_idle_connections_under_1024_descriptors_do_not_stop_the_preview() {
    a_page_is_served_beside_idle_connections(1024, 600);
}

/// A lower limit, where even the default number of connections would not fit.
#[cfg(unix)]
#[test]
fn three_hundred_idle_connections_under_256_descriptors_do_not_stop_the_preview() {
    a_page_is_served_beside_idle_connections(256, 300);
}

/// The preview's server in this process, with `limits`, on a free port,
/// serving a folder with a home page: (server, address, folder).
fn in_process(limits: Limits) -> (Arc<Server>, String, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("index.html"), "<html><body>home</body></html>").expect("write");
    let server = Arc::new(Server::new(limits));
    server.state.write().expect("state").dir = dir.path().to_path_buf();
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr").to_string();
    let running = Arc::clone(&server);
    // Runs until the test binary ends.
    std::thread::spawn(move || running.run(listener));
    (server, addr, dir)
}

/// Small limits, with timeouts long enough not to matter unless a test shortens them.
fn small(connections: usize, streams: usize) -> Limits {
    Limits { connections, streams, idle: Duration::from_secs(60), head: Duration::from_secs(60), ..Limits::default() }
}

/// Opens an event stream and returns it once its answer's status line came.
fn open_stream(addr: &str) -> (String, BufReader<TcpStream>) {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(5))).expect("timeout");
    write!(s, "GET /__gongkai/events?g=0 HTTP/1.1\r\nHost: x\r\n\r\n").expect("send");
    let mut reader = BufReader::new(s);
    let mut status = String::new();
    let _ = reader.read_line(&mut status);
    (status, reader)
}

/// Whether the server closed `s` within `within`.
fn closed_within(s: &TcpStream, within: Duration) -> bool {
    s.set_read_timeout(Some(within)).expect("timeout");
    let mut byte = [0u8; 64];
    let mut reader = s;
    loop {
        match reader.read(&mut byte) {
            Ok(0) => return true,
            Ok(_) => {}
            Err(e) => return e.kind() == std::io::ErrorKind::ConnectionReset,
        }
    }
}

#[test]
fn idle_connections_beyond_the_limit_make_room_for_a_page() {
    let (_server, addr, _dir) = in_process(small(4, 2));
    let idle: Vec<TcpStream> = (0..10).map(|_| TcpStream::connect(&addr).expect("connect")).collect();
    let started = Instant::now();
    let (answer, _) = exchange(&addr, b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert!(answer.starts_with("HTTP/1.1 200 ") && answer.contains("home"), "{answer}");
    assert!(started.elapsed() < Duration::from_secs(2), "answered after {:?}", started.elapsed());
    // The connections that waited longest were closed to make room.
    assert!(closed_within(&idle[0], Duration::from_secs(2)), "the oldest idle connection is closed");
}

#[test]
fn when_every_connection_streams_a_new_one_gets_503_at_once() {
    let (_server, addr, _dir) = in_process(small(2, 2));
    let (first, a) = open_stream(&addr);
    let (second, _b) = open_stream(&addr);
    assert!(first.starts_with("HTTP/1.1 200 ") && second.starts_with("HTTP/1.1 200 "), "{first}{second}");
    let started = Instant::now();
    let mut s = TcpStream::connect(&addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(3))).expect("timeout");
    let mut answer = String::new();
    let _ = s.read_to_string(&mut answer);
    assert!(
        answer.starts_with("HTTP/1.1 503 ") && answer.ends_with("\r\n\r\n预览服务器正忙，请稍后再试\n"),
        "{answer}"
    );
    assert!(started.elapsed() < Duration::from_secs(1), "after {:?}", started.elapsed());
    // A page that went away frees its connection.
    drop(a);
    let deadline = Instant::now() + Duration::from_secs(4);
    loop {
        let (answer, _) = exchange(&addr, b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        if answer.starts_with("HTTP/1.1 200 ") {
            break;
        }
        assert!(Instant::now() < deadline, "still refused: {answer}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn event_streams_are_bounded_and_outlive_the_idle_timeout() {
    let limits = Limits { idle: Duration::from_millis(200), ..small(8, 1) };
    let (server, addr, _dir) = in_process(limits);
    let (status, mut stream) = open_stream(&addr);
    assert!(status.starts_with("HTTP/1.1 200 "), "{status}");
    let (refused, _) = open_stream(&addr);
    assert!(refused.starts_with("HTTP/1.1 503 "), "a second stream is refused: {refused}");
    // Far beyond the idle timeout, the stream still delivers.
    std::thread::sleep(Duration::from_millis(800));
    server.broadcast(&Event::Reload(5));
    let mut seen = String::new();
    while !seen.contains("data: 5") {
        let mut line = String::new();
        assert!(stream.read_line(&mut line).expect("the stream is open") > 0, "the stream ended: {seen}");
        seen.push_str(&line);
    }
    assert!(seen.contains("event: reload"), "{seen}");
    // A closed page's stream is removed: a new page gets one within seconds.
    drop(stream);
    let deadline = Instant::now() + Duration::from_secs(4);
    loop {
        let (status, _) = open_stream(&addr);
        if status.starts_with("HTTP/1.1 200 ") {
            break;
        }
        assert!(Instant::now() < deadline, "the closed stream still counts: {status}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn a_trickling_client_is_dropped_after_the_head_deadline() {
    let limits = Limits { head: Duration::from_millis(500), ..small(8, 2) };
    let (_server, addr, _dir) = in_process(limits);
    let s = TcpStream::connect(&addr).expect("connect");
    let mut writer = s.try_clone().expect("clone");
    let started = Instant::now();
    // One byte every 100 ms: each read succeeds, the head never ends.
    std::thread::spawn(move || {
        let _ = writer.write_all(b"GET / HTTP/1.1\r\n");
        while writer.write_all(b"X").is_ok() && started.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(100));
        }
    });
    s.set_read_timeout(Some(Duration::from_secs(5))).expect("timeout");
    let mut answer = Vec::new();
    let mut chunk = [0u8; 1024];
    let mut reader = &s;
    while let Ok(n @ 1..) = reader.read(&mut chunk) {
        answer.extend_from_slice(&chunk[..n]);
    }
    let took = started.elapsed();
    assert!(answer.starts_with(b"HTTP/1.1 408 "), "{}", String::from_utf8_lossy(&answer));
    assert!(took >= Duration::from_millis(400) && took < Duration::from_secs(3), "dropped after {took:?}");
}

#[test]
fn an_idle_kept_alive_connection_is_closed_after_the_idle_timeout() {
    let limits = Limits { idle: Duration::from_millis(300), ..small(8, 2) };
    let (_server, addr, _dir) = in_process(limits);
    let mut s = TcpStream::connect(&addr).expect("connect");
    write!(s, "GET / HTTP/1.1\r\nHost: x\r\n\r\n").expect("send");
    let mut reader = BufReader::new(s.try_clone().expect("clone"));
    let mut status = String::new();
    reader.read_line(&mut status).expect("status");
    assert!(status.starts_with("HTTP/1.1 200 "), "{status}");
    let started = Instant::now();
    let mut rest = Vec::new();
    let _ = reader.read_to_end(&mut rest);
    let took = started.elapsed();
    assert!(String::from_utf8_lossy(&rest).contains("Connection: keep-alive"));
    assert!(took >= Duration::from_millis(200) && took < Duration::from_secs(2), "closed after {took:?}");
}

#[test]
fn a_client_that_stops_reading_is_dropped_after_the_write_timeout() {
    let limits = Limits { write: Duration::from_millis(300), ..small(1, 1) };
    let (_server, addr, dir) = in_process(limits);
    // Far more than the kernel buffers of both ends hold.
    std::fs::write(dir.path().join("big.bin"), vec![0u8; 32 * 1024 * 1024]).expect("write");
    let mut stuck = TcpStream::connect(&addr).expect("connect");
    write!(stuck, "GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n").expect("send");
    // Its answer has begun (so it is being answered, not waiting), and then it stops reading.
    let mut start = [0u8; 12];
    stuck.read_exact(&mut start).expect("the answer begins");
    assert_eq!(&start, b"HTTP/1.1 200");
    // The only connection is busy sending: others are refused until the write times out.
    let started = Instant::now();
    loop {
        let (answer, _) = exchange(&addr, b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        if answer.starts_with("HTTP/1.1 200 ") {
            break;
        }
        assert!(answer.starts_with("HTTP/1.1 503 "), "{answer}");
        assert!(started.elapsed() < Duration::from_secs(4), "the stuck client still holds the connection");
        std::thread::sleep(Duration::from_millis(100));
    }
    drop(stuck);
}

/// The search index is a site-wide file too: an edited narrative must be
/// found by the preview's search as by a clean build's (it kept the old
/// text until a full rebuild before).
#[test]
fn an_edited_narrative_is_found_by_the_preview_search_as_a_clean_build_finds_it() {
    let site = TempSite::example();
    let preview = Preview::start(&site);
    let events = preview.events_of_home();
    let file = site.path().join("content/reports/huaian/2024.md");
    let text = std::fs::read_to_string(&file).expect("read");
    let (head, body) = text.split_once("\n---\n").expect("front matter");
    std::fs::write(&file, format!("{head}\n---\n{}", body.replacen("。", "，鹦鹉螺号。", 1))).expect("write");
    built(&events);
    assert_same_as_clean_build(&site, &preview);
}
