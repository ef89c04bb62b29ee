//! The 404 page (issue 17, point 6) is returned at any depth below the
//! site's path: every link and file it names is an absolute path from
//! `base_url`, its style is inline, and the 适老化 choice is read back from
//! the browser's storage before the first paint, as on every other page.

use crate::fixture::TempSite;

#[test]
fn the_404_page_names_everything_from_the_sites_path() {
    let site = TempSite::example();
    let out = tempfile::tempdir().expect("tmp");
    let (code, _, err) = site.run(&[
        "build",
        "--base-url",
        "https://www.example.gov.cn/portal/xxgk/",
        "--output",
        out.path().to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(out.path().join("404.html")).expect("404.html");
    let mut seen = 0;
    for attr in ["href=\"", "src=\"", "action=\""] {
        for part in page.split(attr).skip(1) {
            let url = part.split('"').next().unwrap_or("");
            // Rooted at the site's path, a fragment, or with a scheme: never relative.
            let scheme =
                url.split_once(':').is_some_and(|(s, _)| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphabetic()));
            let ok = url.starts_with("/portal/xxgk/") || url.starts_with('#') || scheme;
            assert!(ok, "{attr}{url} would break at another depth");
            seen += 1;
        }
    }
    assert!(seen > 5, "the page links home and to the sections ({seen})");
    assert!(!page.contains("rel=\"stylesheet\""), "the style is inline");
    assert!(page.contains("localStorage.getItem(\"gk-large\")"), "the 适老化 choice is kept");
}
