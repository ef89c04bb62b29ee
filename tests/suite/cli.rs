//! The language of the command line: Chinese by default, English with
//! `--lang en`, `lang = "en"` in site.toml or an `en_*` locale, in that
//! order; help, clap's errors and site.toml errors included.

use crate::fixture::{TempSite, gongkai, report_2021, unbalanced};
use std::process::Command;

/// Runs a prepared command: (exit code, stdout, stderr).
fn output(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().expect("run gongkai");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The help `args` print, in a folder without a site.
fn help(env: &[(&str, &str)], args: &[&str]) -> String {
    let tmp = tempfile::tempdir().expect("tmp");
    let (code, out, err) = output(gongkai().current_dir(tmp.path()).envs(env.iter().copied()).args(args));
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

/// The ASCII words of a Chinese text that are neither option names
/// (`--root`, `-h`), backticked spans, the commands' own names nor technical
/// names: there must be none.
fn english_words(text: &str) -> Vec<String> {
    const ALLOWED: &[&str] = &[
        "gongkai",
        "check",
        "build",
        "serve",
        "init",
        "import",
        "new",
        "help",
        "report",
        "agency",
        "document",
        "WSL",
        "inotify",
        "Word",
        "docx",
        "JSON",
        "IP",
        "schema",
        "export",
        "completions",
        "xlsx",
    ];
    let mut words = Vec::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            continue; // a `backticked` name
        }
        for token in part.split_whitespace().filter(|t| !t.starts_with('-')) {
            for word in token.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() >= 2) {
                if !ALLOWED.contains(&word) {
                    words.push(word.to_owned());
                }
            }
        }
    }
    words
}

#[test]
fn help_is_chinese_by_default() {
    let top = help(&[], &["--help"]);
    assert!(top.starts_with("政府信息公开工作年度报告的静态站点生成器"), "{top}");
    for part in [
        "用法：gongkai [选项] <命令>",
        "\n命令：\n",
        "  check        按格式检查每份年报",
        "\n选项：\n",
        "-h, --help",
        "显示帮助",
    ] {
        assert!(top.contains(part), "{part:?} in\n{top}");
    }
    assert_eq!(english_words(&top), Vec::<String>::new(), "{top}");
    let check = help(&[], &["check", "--help"]);
    for part in
        ["用法：gongkai check [选项]", "--format <样式>", "--deny-warnings  有警告时也以退出码 1 结束", "--lang <语言>"]
    {
        assert!(check.contains(part), "{part:?} in\n{check}");
    }
    assert_eq!(english_words(&check), Vec::<String>::new(), "{check}");
    for sub in [
        &["build"][..],
        &["serve"],
        &["init"],
        &["import"],
        &["new"],
        &["new", "report"],
        &["new", "agency"],
        &["new", "document"],
    ] {
        let text = help(&[], &[sub, &["--help"]].concat());
        assert!(text.contains("用法：gongkai ") && text.contains("选项："), "{sub:?}: {text}");
        assert_eq!(english_words(&text), Vec::<String>::new(), "{sub:?}: {text}");
    }
    assert_eq!(help(&[], &["help", "check"]), check, "`help check` is `check --help`");
}

#[test]
fn help_is_english_with_the_flag_or_an_english_locale() {
    let by_flag = help(&[], &["--lang", "en", "--help"]);
    for part in
        ["Usage: gongkai [OPTIONS] <COMMAND>", "\nCommands:\n", "  check        Check every report", "\nOptions:\n"]
    {
        assert!(by_flag.contains(part), "{part:?} in\n{by_flag}");
    }
    assert!(!by_flag.contains("用法") && !by_flag.contains("选项"), "{by_flag}");
    assert_eq!(help(&[("LANG", "en_US.UTF-8")], &["--help"]), by_flag);
    let check = help(&[("LANG", "en_US.UTF-8")], &["check", "--help"]);
    assert!(check.contains("Usage: gongkai check [OPTIONS]") && check.contains("--format <FORMAT>"), "{check}");
    assert_eq!(help(&[], &["check", "--lang=en", "--help"]), check, "--lang=en after the command");
    assert_eq!(
        help(&[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8")], &["--help"]),
        help(&[], &["--help"]),
        "LC_ALL decides"
    );
    assert_eq!(
        help(&[("LANG", "en_US.UTF-8")], &["--lang", "zh", "--help"]),
        help(&[], &["--help"]),
        "the flag beats LANG"
    );
}

#[test]
fn mistakes_on_the_command_line_are_told_in_the_language_with_exit_code_2() {
    let site = TempSite::new();
    let (code, out, err) = site.run(&["check", "--formt", "json"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.starts_with("错误：无法识别的参数 `--formt`\n\n  提示：是否想输入 `--format`？\n"), "{err}");
    assert!(err.contains("\n用法：gongkai check [选项]\n") && err.ends_with("加上 `--help` 可查看帮助。\n"), "{err}");
    let (code, _, err) = site.run(&["--lang", "fr", "check"]);
    assert_eq!(code, 2);
    assert!(err.starts_with("错误：`--lang <语言>` 的值 `fr` 无效；可用的值：`zh`、`en`"), "{err}");
    let (code, _, err) = output(gongkai().env("LANG", "en_US.UTF-8").arg("--root").arg(site.path()).args(["chek"]));
    assert_eq!(code, 2);
    assert!(err.starts_with("error: unrecognized command `chek`\n\n  tip: did you mean `check`?"), "{err}");
}

#[test]
fn the_site_chooses_its_language_and_the_flag_overrides_it() {
    let site = TempSite::new();
    let settings = std::fs::read_to_string(site.path().join("site.toml")).expect("site.toml");
    site.write("site.toml", format!("{settings}lang = \"en\"\n"));
    let (code, out, _) = site.run(&["check"]);
    assert_eq!((code, out.as_str()), (0, "checked 0 reports of 0 agencies: 0 errors, 0 warnings\n"));
    let (_, out, _) = site.run(&["--lang", "zh", "check"]);
    assert_eq!(out, "共检查 0 份年报（0 个机构）：0 个错误，0 个警告\n");
    let (_, help, _) = site.run(&["check", "--help"]);
    assert!(help.contains("Usage: gongkai check [OPTIONS]"), "--help reads the site's language too: {help}");
    // The site's choice beats a Chinese environment; the flag beats the site.
    let (_, out, _) = output(gongkai().env("LANG", "zh_CN.UTF-8").arg("--root").arg(site.path()).arg("check"));
    assert!(out.starts_with("checked 0 reports"), "{out}");

    site.write("site.toml", format!("{settings}\nlang = \"fr\"\n"));
    let (code, _, err) = site.run(&["check"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("错误：")
            && err.contains("site.toml:5:8：`lang = \"fr\"` 不是可用的语言：应为 `zh`（中文）或 `en`（英文）"),
        "{err}"
    );
    let (code, _, err) = site.run(&["--lang", "en", "check"]);
    assert_eq!(code, 2);
    assert!(err.contains("site.toml:5:8: `lang = \"fr\"` is not a language gongkai speaks"), "{err}");
}

#[test]
fn a_broken_site_toml_is_explained_in_chinese_at_its_line() {
    let site = TempSite::new();
    site.write("site.toml", "title = \"测试站点\"\ntitel = \"x\"\n");
    let (code, _, err) = site.run(&["build"]);
    assert_eq!(code, 2);
    let unknown = "site.toml:2:1：未知字段 `titel`；可用的字段：`title`、`base_url`、`theme`、`unsafe_html`、`description`、`deadlines`、`check`、`documents`、`identity`、`lang`
";
    assert!(err.starts_with("错误：") && err.ends_with(unknown), "{err}");
    site.write("site.toml", "title ＝ \"测试站点\"\n");
    let (code, _, err) = site.run(&["check"]);
    assert_eq!(code, 2);
    assert!(
        err.ends_with("site.toml:1:7：字段名后缺少 `=`：应写成 `字段 = 值`；该行有全角符号「＝」，请改为半角的 `=`\n"),
        "{err}"
    );
    site.write("site.toml", "title = 测试站点\n");
    let (_, _, err) = site.run(&["check"]);
    assert!(err.contains("site.toml:1:9：文字须用半角双引号括起来"), "{err}");
    for text in ["title = \"t\"\n[deadlines]\ntownship = \"1月31日\"\n", "title = \"t\"\n[check]\nsimilarity = 2\n"] {
        site.write("site.toml", text);
        let (code, _, err) = site.run(&["check"]);
        assert_eq!(code, 2);
        assert!(err.contains("site.toml:3:"), "{err}");
        assert_eq!(english_words(err.split("site.toml").nth(1).unwrap_or("")), Vec::<String>::new(), "{err}");
    }
    std::fs::remove_file(site.path().join("site.toml")).expect("rm");
    let (code, _, err) = site.run(&["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("site.toml：这里不是 gongkai 站点"), "{err}");
}

/// Every line of `check --format json` as JSON, with the texts gongkai
/// writes in the run's language taken out.
fn json_without_texts(out: &str) -> Vec<serde_json::Value> {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                for key in ["message", "label", "help"] {
                    if let Some(text) = map.get_mut(key) {
                        *text = serde_json::Value::String(String::new());
                    }
                }
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    out.lines()
        .map(|line| {
            let mut v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            strip(&mut v);
            v
        })
        .collect()
}

#[test]
fn json_output_is_the_same_in_both_languages_but_for_its_texts() {
    let site = TempSite::example();
    site.write("content/reports/huaian/2025.md", report_2021(2025, &unbalanced(), ""));
    let (code, zh, _) = site.run(&["check", "--format", "json"]);
    assert_eq!(code, 1);
    let (code, en, _) = site.run(&["--lang", "en", "check", "--format", "json"]);
    assert_eq!(code, 1);
    // The texts are the language's: Chinese in one, English in the other.
    let messages = |out: &str| -> Vec<String> {
        out.lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).expect("json")["message"].as_str().unwrap_or("").to_owned()
            })
            .collect()
    };
    let (zh_messages, en_messages) = (messages(&zh), messages(&en));
    assert_eq!(zh_messages.len(), en_messages.len());
    for (z, e) in zh_messages.iter().zip(&en_messages) {
        assert_ne!(z, e, "a message is translated");
        assert!(z.contains("不成立") || z.contains("缺少") || z.contains("："), "{z}");
    }
    assert!(en_messages.iter().any(|e| e.contains("does not hold") || e.contains("add up to")), "{en_messages:?}");
    let (zh, en) = (json_without_texts(&zh), json_without_texts(&en));
    assert_eq!(zh, en, "codes, fields, severities and positions do not depend on the language");
    let kj = zh.iter().find(|d| d["code"] == "T3-KJ").expect("the 勾稽关系 error");
    assert_eq!(kj["severity"], "error");
    for key in ["file", "line", "column", "end_column", "severity", "code", "message", "label", "help", "related"] {
        assert!(kj.get(key).is_some(), "{key} in {kj}");
    }
}
