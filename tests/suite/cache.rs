//! The build cache: an unchanged site is not built again, and whatever
//! changes (a report edited, deleted or renamed, a template, a form, the
//! output itself), the output, built with the memos of what did not
//! change, equals a clean build's.

use crate::fixture::{TempSite, repo};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

/// Every file of a folder but the marker (which names the build's kept
/// sources), by relative path.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.file_name() != ".gongkai-output")
        .map(|e| (e.path().strip_prefix(dir).expect("prefix").to_path_buf(), std::fs::read(e.path()).expect("read")))
        .collect()
}

/// Sets every file of the site to a distinct time in the past, as files
/// edited a while ago are: the cache trusts no file changed in the last
/// seconds. Each call uses a new time, so an edit is always seen.
fn age(site: &Path) {
    static CALLS: AtomicU64 = AtomicU64::new(0);
    let k = CALLS.fetch_add(1, Ordering::Relaxed);
    let when = SystemTime::now() - Duration::from_secs(7200) + Duration::from_secs(k);
    let sources = ["site.toml", "content", "themes", "templates", "forms", "static"];
    for e in sources.iter().flat_map(|s| walkdir::WalkDir::new(site.join(s))).flatten() {
        if e.file_type().is_file() {
            let f = std::fs::OpenOptions::new().write(true).open(e.path()).expect("open");
            f.set_modified(when).expect("set time");
        }
    }
}

/// Builds the site (into `public/`), returning the exit code and what it said.
fn build(site: &TempSite) -> (i32, String) {
    let (code, _, err) = site.run(&["build"]);
    (code, err)
}

/// Asserts that the output equals a clean build's: one into a new folder
/// when every report published (with something withheld, a new folder has
/// no last published version to keep), and one into the same folder.
fn same_as_clean(site: &TempSite, code: i32, when: &str) {
    let public = site.path().join("public");
    let cached = tree(&public);
    if code == 0 {
        let clean = site.path().join("clean");
        let (code, _, err) = site.run(&["build", "--no-cache", "--output", clean.to_str().expect("utf-8")]);
        assert_eq!(code, 0, "{when}: {err}");
        assert!(cached == tree(&clean), "{when}: the output differs from a clean build in a new folder");
        std::fs::remove_dir_all(&clean).expect("remove");
        std::fs::remove_dir_all(site.path().join(".clean.gongkai-published")).expect("remove");
    }
    let (again, _, err) = site.run(&["build", "--no-cache"]);
    assert_eq!(again, code, "{when}: {err}");
    assert!(cached == tree(&public), "{when}: the output differs from a clean build");
}

/// A build after a change: a full one (the cache missed), then a hit, with
/// an output equal to a clean build's.
fn rebuilt_after(site: &TempSite, when: &str) {
    age(site.path());
    let (code, err) = build(site);
    assert!(code == 0 || code == 3, "{when}: {err}");
    assert!(err.contains("已生成"), "{when}: built in full\n{err}");
    let (again, err) = build(site);
    assert_eq!(again, code, "{when}: the same outcome from the cache");
    assert!(err.contains("未改变"), "{when}: the next build is a hit\n{err}");
    same_as_clean(site, code, when);
}

#[test]
fn an_unchanged_site_is_not_built_again_and_says_what_it_said() {
    let site = TempSite::example();
    age(site.path());
    let (code, first) = build(&site);
    assert_eq!(code, 0, "{first}");
    let marker = site.path().join("public/.gongkai-output");
    let before = std::fs::read_to_string(&marker).expect("marker");
    let (code, second) = build(&site);
    assert_eq!(code, 0, "{second}");
    assert!(second.contains("内容、主题与设置均未改变"), "{second}");
    // The findings and summary are said again, word for word; only the last line differs.
    let all_but_last = |s: &str| s.trim_end().rsplit_once('\n').map(|(a, _)| a.to_owned()).unwrap_or_default();
    assert_eq!(all_but_last(&first), all_but_last(&second));
    assert!(second.contains("警告"), "the example's warning is said again: {second}");
    assert_eq!(std::fs::read_to_string(&marker).expect("marker"), before, "the output was not replaced");
    // --no-cache builds in full.
    let (code, _, err) = site.run(&["build", "--no-cache"]);
    assert_eq!(code, 0);
    assert!(err.contains("已生成"), "{err}");
}

#[test]
fn every_change_builds_in_full_and_equals_a_clean_build() {
    let site = TempSite::example();
    // Themes and templates are inputs too.
    crate::fixture::copy_dir(&repo().join("themes"), &site.path().join("themes"));
    age(site.path());
    let (code, err) = build(&site);
    assert_eq!(code, 0, "{err}");
    // Every full build below recalls the unchanged reports from the site's
    // memos (`gongkai::memo`) and must still equal a clean build.
    assert!(site.path().join(".gongkai-cache/reports.bin").is_file());

    let report = site.path().join("content/reports/huaian/2024.md");
    let text = std::fs::read_to_string(&report).expect("read");
    // A report edited: same length, one character changed.
    std::fs::write(&report, text.replacen("淮安", "淮阴", 1)).expect("write");
    rebuilt_after(&site, "a report edited");

    // A report given an error: withheld, its last version kept (exit 3).
    std::fs::write(&report, text.replacen("year: 2024", "year: 2024x", 1)).expect("write");
    rebuilt_after(&site, "a report broken");
    std::fs::write(&report, &text).expect("write");
    rebuilt_after(&site, "the report mended");

    // A report renamed, then deleted.
    let baibu = site.path().join("content/reports/baibu");
    std::fs::rename(baibu.join("2020.md"), baibu.join("2020.md.bak")).expect("rename");
    rebuilt_after(&site, "a report renamed away");
    std::fs::remove_file(baibu.join("2020.md.bak")).expect("delete");
    rebuilt_after(&site, "a report deleted");

    // A template and a site form.
    let template = site.path().join("themes/default/templates/report.html");
    let t = std::fs::read_to_string(&template).expect("read");
    std::fs::write(&template, t.replacen("</main>", "<!-- changed --></main>", 1)).expect("write");
    rebuilt_after(&site, "a template edited");
    site.write("forms/extra.json", "{ \"not\": \"a form\" }");
    age(site.path());
    let (code, err) = build(&site);
    assert_ne!(code, 0, "a broken form is a site error: {err}");
    let (again, err) = build(&site);
    assert_eq!(again, code, "a failed build is never cached: {err}");
    assert!(!err.contains("未改变"), "{err}");
    std::fs::remove_file(site.path().join("forms/extra.json")).expect("remove");
    rebuilt_after(&site, "the form removed");

    // The output changed by hand: built again.
    std::fs::remove_file(site.path().join("public/index.html")).expect("remove");
    rebuilt_after(&site, "a page of the output deleted");
    // A cache file that is not ours: a full build, never an error.
    std::fs::write(site.path().join(".public.gongkai-cache.json"), "garbage").expect("write");
    rebuilt_after(&site, "a malformed cache file");
    // Another language is another key (the findings are said in it).
    let (code, _, err) = site.run(&["--lang", "en", "build"]);
    assert_eq!(code, 0);
    assert!(err.contains("built"), "{err}");
}
