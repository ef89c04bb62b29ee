//! Install and deploy (issue 17, points 4 and 5): shell completions, a
//! `base_url` refused with a clear error, and no progress bar when output
//! is not a terminal or with `--quiet`.

use crate::fixture::TempSite;

#[test]
fn completions_cover_every_command_for_bash_zsh_and_fish() {
    let site = TempSite::example();
    for shell in ["bash", "zsh", "fish"] {
        let (code, out, err) = site.run(&["completions", shell]);
        assert_eq!(code, 0, "{shell}: {err}");
        for word in ["gongkai", "check", "build", "export", "schema", "base-url", "quiet"] {
            assert!(out.contains(word), "{shell} completes {word}");
        }
    }
    let (code, _, err) = site.run(&["completions", "tcsh"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn a_bad_base_url_is_refused_with_where_and_why() {
    let site = TempSite::example();
    let (code, _, err) = site.run(&["build", "--base-url", "http://[bad"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("`--base-url` 无效") && err.contains("主机名无效"), "{err}");
    let (code, _, err) = site.run(&["build", "--base-url", "xxgk/"]);
    assert_eq!(code, 2);
    assert!(err.contains("应以 `http://` 或 `https://` 开头"), "{err}");
    let toml = std::fs::read_to_string(site.path().join("site.toml")).expect("read");
    let broken =
        toml.lines().map(|l| if l.starts_with("base_url") { "base_url = \"/xxgk/\"" } else { l }).collect::<Vec<_>>();
    site.write("site.toml", broken.join("\n"));
    let (code, _, err) = site.run(&["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("site.toml:") && err.contains("base_url = \"/xxgk/\""), "{err}");
}

#[test]
fn no_progress_bar_without_a_terminal_or_with_quiet() {
    let site = TempSite::example();
    let (code, _, plain) = site.run(&["build"]);
    let (quiet_code, _, quiet) = site.run(&["--quiet", "build"]);
    assert_eq!((code, quiet_code), (0, 0), "{plain}");
    for err in [&plain, &quiet] {
        assert!(!err.contains('\u{1b}') && !err.contains('\r'), "no bar drawn: {err:?}");
    }
}
