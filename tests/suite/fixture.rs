//! Throw-away sites for tests.

use gongkai::diag::{Diagnostic, Severity};
use gongkai::memo::Memos;
use gongkai::site::Site;
use gongkai::texts::Texts;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository, which is also the example site.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The gongkai binary, with the language variables of this environment
/// removed: messages are Chinese, the default, whatever `LANG` the tests run
/// under. Tests of another language set it themselves.
pub fn gongkai() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gongkai"));
    for var in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
        cmd.env_remove(var);
    }
    cmd
}

/// The settings every test site starts with (without `[check.severity]`).
pub const SETTINGS: &str = "title = \"测试站点\"\nbase_url = \"https://example.gov.cn/xxgk/\"\n";

/// A temporary site folder.
pub struct TempSite {
    /// Keeps the folder alive.
    pub dir: tempfile::TempDir,
}

impl TempSite {
    /// An empty site with a default site.toml. Its agencies have a year or
    /// two each, so the gaps in their series (X-GAP) are not checked: the
    /// tests of that rule turn it on ([`SETTINGS`]).
    pub fn new() -> TempSite {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("site.toml"), format!("{SETTINGS}check.severity.\"X-GAP\" = \"off\"\n"))
            .expect("write");
        TempSite { dir }
    }

    /// A copy of the example site's content, static files and settings.
    pub fn example() -> TempSite {
        let site = TempSite::new();
        copy_dir(&repo().join("content"), &site.path().join("content"));
        copy_dir(&repo().join("static"), &site.path().join("static"));
        std::fs::copy(repo().join("site.toml"), site.path().join("site.toml")).expect("copy site.toml");
        site
    }

    /// The site folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file (creating folders).
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> &Self {
        let path = self.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, contents).expect("write");
        self
    }

    /// Describes an agency.
    pub fn agency(&self, slug: &str, kind: &str) -> &Self {
        self.write(&format!("content/reports/{slug}/agency.yaml"), format!("name: {slug}机构\nkind: {kind}\n"))
    }

    /// Describes a 乡镇 named `<slug>镇` under the agency `parent`.
    pub fn town_under(&self, slug: &str, parent: &str) -> &Self {
        self.write(
            &format!("content/reports/{slug}/agency.yaml"),
            format!("name: {slug}镇\nkind: 乡镇\nparent: {parent}\n"),
        )
    }

    /// Loads and checks the site. Every site a test checks is also checked
    /// through the memo ([`gongkai::memo`]), first making it, then recalling
    /// it: the findings and the reports must be the same all three ways, so
    /// each rule's test is also a test that the memo changes nothing.
    pub fn check(&self) -> Site {
        let site = Site::load(self.path()).expect("site loads");
        let reports = format!("{:?}", site.content.reports);
        for run in ["made", "recalled"] {
            let memoed = Site::load_with(self.path(), Texts::Reread, Memos::Use).expect("site loads");
            assert_eq!(memoed.diags, site.diags, "the findings with the memo {run}");
            assert!(format!("{:?}", memoed.content.reports) == reports, "the reports with the memo {run}");
        }
        // The memo is not part of the site a test looks at.
        let _ = std::fs::remove_dir_all(self.path().join(gongkai::layout::CACHE));
        site
    }

    /// Runs the gongkai binary in the site.
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = gongkai().arg("--root").arg(self.path()).args(args).output().expect("run gongkai");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
}

/// Copies a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let target = to.join(entry.path().strip_prefix(from).expect("prefix"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A complete, balanced 2021-form report with the given applications rows
/// replaced by `extra` front matter lines (appended, so they override nothing:
/// callers pass whole tables).
pub fn report_2021(year: i32, tables: &str, body: &str) -> String {
    format!("---\nyear: {year}\n{tables}---\n{}{body}", SECTIONS)
}

/// The six section headings.
pub const SECTIONS: &str = "## 一、总体情况\n\n## 二、主动公开政府信息情况\n\n## 三、收到和处理政府信息公开申请情况\n\n## 四、政府信息公开行政复议、行政诉讼情况\n\n## 五、存在的主要问题及改进情况\n\n## 六、其他需要报告的事项\n\n";

/// Every table of the 2021 form, all zero but for `applications`' new/granted and
/// carried rows, given by the caller.
pub fn tables_2021(carried_in: i64, new: i64, carried_out: i64) -> String {
    let answered = carried_in + new - carried_out;
    format!(
        "regulations:\n  rules: [0, 0, 0]\n  normative: [0, 0, 0]\nlicensing:\n  permit: 0\nenforcement:\n  penalty: 0\n  coercion: 0\nfees:\n  fees: 0\napplications:\n  new: [{new}, 0, 0, 0, 0, 0, {new}]\n  carried_in: [{carried_in}, 0, 0, 0, 0, 0, {carried_in}]\n  granted: [{answered}, 0, 0, 0, 0, 0, {answered}]\n  total: [{answered}, 0, 0, 0, 0, 0, {answered}]\n  carried_out: [{carried_out}, 0, 0, 0, 0, 0, {carried_out}]\nappeals:\n  review: [0, 0, 0, 0, 0]\n  direct: [0, 0, 0, 0, 0]\n  after_review: [0, 0, 0, 0, 0]\n"
    )
}

/// The findings with a code.
pub fn with_code<'a>(site: &'a Site, code: &str) -> Vec<&'a Diagnostic> {
    site.diags.iter().filter(|d| d.code == code).collect()
}

/// The error findings.
pub fn errors(site: &Site) -> Vec<&Diagnostic> {
    site.diags.iter().filter(|d| d.severity == Severity::Error).collect()
}

/// A 2021-form table set whose 勾稽关系 fails: one more carried out than balances.
pub fn unbalanced() -> String {
    tables_2021(0, 3, 0).replace("carried_out: [0, 0, 0, 0, 0, 0, 0]", "carried_out: [1, 0, 0, 0, 0, 0, 1]")
}

/// Every file of a folder with its text, for searching the built site.
pub fn texts(dir: &Path) -> Vec<(PathBuf, String)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (e.path().to_path_buf(), String::from_utf8_lossy(&std::fs::read(e.path()).expect("read")).into_owned())
        })
        .collect()
}

#[cfg(unix)]
impl TempSite {
    /// Makes `rel` a symbolic link to `target` (creating folders), as an
    /// attacker or a webmaster would with `ln -s`.
    pub fn link(&self, rel: &str, target: impl AsRef<Path>) -> &Self {
        let path = self.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::os::unix::fs::symlink(target, path).expect("symlink");
        self
    }
}
