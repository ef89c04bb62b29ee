//! The command line's grammar and texts. These run in the library's default
//! language (Chinese); English and the environment are tested through the
//! binary in `tests/suite/cli.rs`.

use super::*;

fn args(list: &[&str]) -> Vec<OsString> {
    list.iter().map(OsString::from).collect()
}

#[test]
fn lang_and_root_are_found_before_parsing() {
    let scan = |list: &[&str]| prescan(&args(list));
    assert_eq!(scan(&["gongkai", "check"]), (None, PathBuf::from(".")));
    assert_eq!(scan(&["gongkai", "--lang", "en", "check"]), (Some(Lang::En), PathBuf::from(".")));
    assert_eq!(scan(&["gongkai", "check", "--lang=zh", "--root=site"]), (Some(Lang::Zh), PathBuf::from("site")));
    assert_eq!(scan(&["gongkai", "--root", "a b", "build"]).1, PathBuf::from("a b"));
    assert_eq!(scan(&["gongkai", "--lang", "fr"]).0, None, "clap reports an unknown language");
    assert_eq!(scan(&["gongkai", "--lang", "en", "--lang", "zh"]).0, Some(Lang::Zh), "the last one, as clap reads it");
    assert_eq!(scan(&["gongkai", "import", "--", "--lang", "en"]).0, None, "after -- it is a file name");
    assert_eq!(scan(&["gongkai", "--lang"]).0, None);
}

#[test]
fn the_flag_beats_the_site_which_beats_the_environment() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path().to_str().expect("utf-8 temp dir");
    let english = |k: &str| (k == "LANG").then(|| "en_US.UTF-8".to_owned());
    let nothing = |_: &str| None;
    let run = |list: &[&str], env: &dyn Fn(&str) -> Option<String>| language(&args(list), env);
    assert_eq!(run(&["gongkai", "--root", root, "check"], &nothing), Lang::Zh, "no site.toml: the default");
    assert_eq!(run(&["gongkai", "--root", root, "check"], &english), Lang::En);
    std::fs::write(tmp.path().join("site.toml"), "title = \"t\"\nlang = \"zh\"\n").expect("write");
    assert_eq!(run(&["gongkai", "--root", root, "check"], &english), Lang::Zh, "the site beats LANG");
    assert_eq!(
        run(&["gongkai", "--root", root, "--lang", "en", "check"], &nothing),
        Lang::En,
        "the flag beats the site"
    );
    std::fs::write(tmp.path().join("site.toml"), "title = \"t\nlang = \"zh\"\n").expect("write");
    assert_eq!(run(&["gongkai", "--root", root, "check"], &english), Lang::En, "a broken file asks for nothing");
    std::fs::write(tmp.path().join("site.toml"), "title = \"t\"\nlang = \"fr\"\n").expect("write");
    assert_eq!(run(&["gongkai", "--root", root, "check"], &english), Lang::En, "nor does an unknown language");
}

/// Every command of the tree, with its path.
fn commands(cmd: &clap::Command, path: &str, out: &mut Vec<(String, clap::Command)>) {
    out.push((path.to_owned(), cmd.clone()));
    for sub in cmd.get_subcommands() {
        commands(sub, &format!("{path} {}", sub.get_name()), out);
    }
}

#[test]
fn every_text_of_the_help_comes_from_the_catalogue() {
    let mut all = Vec::new();
    commands(&command(), "gongkai", &mut all);
    assert_eq!(all.len(), 15, "gongkai, ten commands, new report, new agency, new document, export xlsx");
    for (path, cmd) in &all {
        let about = cmd.get_about().map(ToString::to_string).unwrap_or_default();
        assert!(about.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{path}: {about:?}");
        // A doc comment of more than a line would leave an English long text behind.
        assert!(cmd.get_long_about().is_none(), "{path}");
        for arg in cmd.get_arguments() {
            let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            assert!(help.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{path} {}: {help:?}", arg.get_id());
            assert!(arg.get_long_help().is_none(), "{path} {}", arg.get_id());
            let names = if arg.get_action().takes_values() { arg.get_value_names().unwrap_or_default() } else { &[] };
            for name in names {
                assert!(!name.chars().any(|c| c.is_ascii_alphabetic()), "{path} {}: <{name}>", arg.get_id());
            }
        }
        let usage = cmd.get_overridden_usage().map(ToString::to_string).unwrap_or_default();
        assert!(usage.starts_with(path.as_str()) && !usage.contains("OPTIONS"), "{path}: {usage:?}");
    }
}

#[test]
fn the_help_is_laid_out_in_chinese() {
    let help = command().render_help().to_string();
    for heading in
        ["用法：gongkai [选项] <命令>", "\n命令：\n", "\n选项：\n", "  check ", "--lang <语言>", "-h, --help"]
    {
        assert!(help.contains(heading), "{heading:?} in\n{help}");
    }
    let mut cmd = command();
    let import = cmd.find_subcommand_mut("import").expect("import").render_help().to_string();
    assert!(import.contains("\n参数：\n  <文件>...") && import.contains("--agency <文件夹名>"), "{import}");
}

/// The text `args` give as an error, in the library's language.
fn error(list: &[&str]) -> String {
    let e = parse(&args(list)).expect_err("a mistake");
    crate::cmd::cli_error::render(&e).unwrap_or_else(|| panic!("clap's own text for {:?}: {e}", e.kind()))
}

#[test]
fn mistakes_are_told_in_chinese_with_what_to_do() {
    let e = error(&["gongkai", "check", "--formt", "json"]);
    assert!(e.starts_with("错误：无法识别的参数 `--formt`\n"), "{e}");
    assert!(e.contains("提示：是否想输入 `--format`？") && e.contains("用法：gongkai check [选项]"), "{e}");
    assert!(e.ends_with("加上 `--help` 可查看帮助。\n"), "{e}");
    let e = error(&["gongkai", "chek"]);
    assert!(e.contains("没有 `chek` 这个命令") && e.contains("`check`"), "{e}");
    let e = error(&["gongkai", "check", "--format", "xml"]);
    assert!(e.contains("`--format <样式>` 的值 `xml` 无效；可用的值：`human`、`json`"), "{e}");
    let e = error(&["gongkai", "new", "report", "--agency", "town"]);
    assert!(e.contains("缺少必需的参数：`--year <年度>`"), "{e}");
    let e = error(&["gongkai", "serve", "--port", "99999"]);
    assert!(e.contains("`99999` 无效：应在 0 到 65535 之间"), "{e}");
    let e = error(&["gongkai", "new", "report", "--agency", "town", "--year", "二〇二四"]);
    assert!(e.contains("应为整数"), "{e}");
    let e = error(&["gongkai", "serve", "--bind", "localhost"]);
    assert!(e.contains("不是有效的 IP 地址"), "{e}");
    let e = error(&["gongkai", "--lang", "en", "--lang", "zh", "check"]);
    assert!(e.contains("只能指定一次"), "{e}");
    // A command that needs a subcommand prints its (Chinese) help, as clap does, with exit code 2.
    let e = parse(&args(&["gongkai", "new"])).expect_err("no subcommand");
    assert_eq!(e.exit_code(), 2);
    assert!(e.to_string().contains("命令：") && e.to_string().contains("report"), "{e}");
}

#[test]
fn help_and_version_are_clap_own_output() {
    for list in
        [&["gongkai", "--help"][..], &["gongkai", "-V"], &["gongkai", "help", "check"], &["gongkai", "check", "-h"]]
    {
        let e = parse(&args(list)).expect_err("help or version");
        assert!(crate::cmd::cli_error::render(&e).is_none(), "{list:?}");
        assert_eq!(e.exit_code(), 0, "{list:?}");
    }
    let e = parse(&args(&["gongkai", "help", "new", "report"])).expect_err("help");
    assert!(e.to_string().contains("--agency <文件夹名>"), "{e}");
}
