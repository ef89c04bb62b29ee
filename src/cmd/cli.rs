//! The command line: its grammar (clap's derive) with every text of its help
//! from the catalogue, in the run's language: the about and help lines, the
//! value names, the headings, the usage line, `-h`/`--help` and
//! `-V`/`--version`. The language is chosen before parsing ([`language`]) so
//! that `--help` and clap's errors ([`report`]) speak it too.

use crate::i18n::Lang;
use crate::t;
use clap::builder::Styles;
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::path::PathBuf;

/// Where the options every command has are listed in its help: after the
/// command's own options.
const GLOBAL_ORDER: usize = 100;

/// gongkai's command line, as clap parses it. Its texts are set from the
/// catalogue when [`command`] builds it; the doc comments are for the code.
#[derive(Debug, Parser)]
#[command(
    name = "gongkai",
    version,
    about = t!("cli-about"),
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    /// The site folder (holding site.toml and content/).
    #[arg(
        long,
        global = true,
        display_order = GLOBAL_ORDER,
        default_value = ".",
        hide_default_value = true,
        value_name = t!("cli-value-folder"),
        help = t!("cli-arg-root")
    )]
    pub root: PathBuf,
    /// The language of messages and help: before `lang` in site.toml and the environment.
    #[arg(
        long,
        global = true,
        display_order = GLOBAL_ORDER + 1,
        value_enum,
        hide_possible_values = true,
        value_name = t!("cli-value-lang"),
        help = t!("cli-arg-lang")
    )]
    pub lang: Option<LangArg>,
    /// No progress bar (it shows only on a terminal, for runs of more than a second).
    #[arg(long, short = 'q', global = true, display_order = GLOBAL_ORDER + 1, help = t!("cli-arg-quiet"))]
    pub quiet: bool,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every report against its form; exit 1 on errors.
    #[command(about = t!("cli-check-about"))]
    Check {
        /// Output style.
        #[arg(
            long,
            value_enum,
            default_value_t = FormatArg::Human,
            hide_default_value = true,
            hide_possible_values = true,
            value_name = t!("cli-value-format"),
            help = t!("cli-check-format")
        )]
        format: FormatArg,
        /// Fail (exit 1) on warnings too.
        #[arg(long, help = t!("cli-check-deny-warnings"))]
        deny_warnings: bool,
        /// Parse and check every report, recalling nothing from the site's cache.
        #[arg(long, help = t!("cli-check-no-cache"))]
        no_cache: bool,
    },
    /// Check, then build the site into a static folder (replaced atomically).
    #[command(about = t!("cli-build-about"), after_help = t!("cli-build-exit-codes"))]
    Build {
        /// Output folder (default: public/ in the site).
        #[arg(long, value_name = t!("cli-value-folder"), help = t!("cli-build-output"))]
        output: Option<PathBuf>,
        /// Absolute URL the site is published at (feed, sitemap, canonical links).
        #[arg(long, value_name = t!("cli-value-url"), help = t!("cli-build-base-url"))]
        base_url: Option<String>,
        /// Any error publishes nothing (no report is withheld alone).
        #[arg(long, help = t!("cli-build-strict"))]
        strict: bool,
        /// Publish drafts (`draft: true`) too, marked 草稿.
        #[arg(long, help = t!("cli-build-drafts"))]
        drafts: bool,
        /// Build in full even when nothing changed since the last build.
        #[arg(long, help = t!("cli-build-no-cache"))]
        no_cache: bool,
    },
    /// Preview the site: build, serve on 127.0.0.1, rebuild and reload on every change.
    #[command(about = t!("cli-serve-about"))]
    Serve {
        /// Port (a free one is used when it is taken).
        #[arg(
            long,
            default_value_t = 8420,
            hide_default_value = true,
            value_name = t!("cli-value-port"),
            help = t!("cli-serve-port")
        )]
        port: u16,
        /// Address to listen on. Only change it on a trusted network.
        #[arg(
            long,
            default_value = "127.0.0.1",
            hide_default_value = true,
            value_name = t!("cli-value-address"),
            help = t!("cli-serve-bind")
        )]
        bind: std::net::IpAddr,
        /// Open the browser.
        #[arg(long, help = t!("cli-serve-open"))]
        open: bool,
        /// Watch by polling (network drives, WSL, or when the inotify limit is reached).
        #[arg(long, help = t!("cli-serve-poll"))]
        poll: bool,
        /// Hide drafts, as `build` does (the preview shows them by default, marked 草稿).
        #[arg(long, help = t!("cli-serve-no-drafts"))]
        no_drafts: bool,
    },
    /// Create a new site in DIR that builds at once.
    #[command(about = t!("cli-init-about"))]
    Init {
        /// The folder to create.
        #[arg(value_name = t!("cli-value-folder"), help = t!("cli-init-dir"))]
        dir: PathBuf,
    },
    /// Import published reports (saved web pages, .docx, copied text) as report files; never overwrites.
    #[command(about = t!("cli-import-about"))]
    Import {
        /// Files, or folders whose every file is imported.
        #[arg(required = true, value_name = t!("cli-value-file"), help = t!("cli-import-inputs"))]
        inputs: Vec<PathBuf>,
        /// The agency's folder name (lowercase ASCII, digits, -).
        #[arg(long, value_name = t!("cli-value-slug"), help = t!("cli-import-agency"))]
        agency: Option<String>,
        /// The report year, when the title does not state it.
        #[arg(long, value_name = t!("cli-value-year"), help = t!("cli-import-year"))]
        year: Option<i32>,
        /// Print what would be written; write nothing.
        #[arg(long, help = t!("cli-import-dry-run"))]
        dry_run: bool,
        /// Write even when some table figures could not be placed in a cell.
        #[arg(long, help = t!("cli-import-force"))]
        force: bool,
    },
    /// Create a new report or agency from the form data.
    #[command(about = t!("cli-new-about"))]
    New {
        /// What to create.
        #[command(subcommand)]
        what: NewCommand,
    },
    /// Write the JSON Schemas of the front matter (reports per form, agency.yaml, documents) for editors.
    #[command(about = t!("cli-schema-about"))]
    Schema {
        /// Output folder (default: schemas/ in the site).
        #[arg(long, value_name = t!("cli-value-folder"), help = t!("cli-schema-output"))]
        output: Option<PathBuf>,
    },
    /// Export figures for reporting upward (上级填报).
    #[command(about = t!("cli-export-about"))]
    Export {
        /// The format.
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// Print a shell completion script: `gongkai completions bash > …`.
    #[command(about = t!("cli-completions-about"))]
    Completions {
        /// The shell.
        #[arg(value_enum, value_name = t!("cli-value-shell"), help = t!("cli-completions-shell"))]
        shell: clap_complete::Shell,
    },
    /// Print the help of a command: `gongkai help new report`.
    #[command(about = t!("cli-help-about"))]
    Help {
        /// The command (and its subcommand).
        #[arg(value_name = t!("cli-value-command"), help = t!("cli-help-command"))]
        command: Vec<String>,
    },
}

/// What `gongkai new` creates.
#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// A report pre-filled for its year's form: content/reports/AGENCY/YEAR.md.
    #[command(about = t!("cli-new-report-about"))]
    Report {
        /// The agency's folder name.
        #[arg(long, value_name = t!("cli-value-slug"), help = t!("cli-new-report-agency"))]
        agency: String,
        /// The year the report covers.
        #[arg(long, value_name = t!("cli-value-year"), help = t!("cli-new-report-year"))]
        year: i32,
    },
    /// An agency description: content/reports/SLUG/agency.yaml.
    #[command(about = t!("cli-new-agency-about"))]
    Agency {
        /// Folder name used in URLs (lowercase ASCII, digits, -).
        #[arg(long, value_name = t!("cli-value-slug"), help = t!("cli-new-agency-slug"))]
        slug: String,
        /// Full official name.
        #[arg(long, value_name = t!("cli-value-name"), help = t!("cli-new-agency-name"))]
        name: String,
        /// 部门 / 乡镇 / 街道 / 人民政府.
        #[arg(long, value_name = t!("cli-value-kind"), help = t!("cli-new-agency-kind"))]
        kind: String,
    },
    /// A document of the catalogue to fill in: content/documents/FOLDER/NAME.md.
    #[command(about = t!("cli-new-document-about"))]
    Document {
        /// The folder: an agency's slug, or a category.
        #[arg(value_name = t!("cli-value-folder"), help = t!("cli-new-document-folder"))]
        folder: String,
        /// The document's title.
        #[arg(long, value_name = t!("cli-value-title"), help = t!("cli-new-document-title"))]
        title: Option<String>,
        /// The file name without `.md` (by default today's date).
        #[arg(long, value_name = t!("cli-value-slug"), help = t!("cli-new-document-name"))]
        name: Option<String>,
    },
}

/// What `gongkai export` writes.
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// A workbook of tables 二, 三 and 四 and the findings: of a report
    /// (`--agency --year`), of an agency's years (`--agency`), or the 汇总 of
    /// a year (`--year`) over the agencies under `--parent` or the whole site.
    #[command(about = t!("cli-export-xlsx-about"))]
    Xlsx {
        /// The agency.
        #[arg(long, value_name = t!("cli-value-slug"), help = t!("cli-export-agency"))]
        agency: Option<String>,
        /// The year.
        #[arg(long, value_name = t!("cli-value-year"), help = t!("cli-export-year"))]
        year: Option<i32>,
        /// With `--year` alone: sum the agencies under this one (itself included).
        #[arg(long, value_name = t!("cli-value-slug"), help = t!("cli-export-parent"), conflicts_with = "agency")]
        parent: Option<String>,
        /// The workbook file (default: in the site folder, named after what is exported).
        #[arg(long, value_name = t!("cli-value-file"), help = t!("cli-export-output"))]
        output: Option<PathBuf>,
    },
}

/// `--format` of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Text with source snippets, for people.
    Human,
    /// One JSON object per line, for programs.
    Json,
}

/// `--lang`: the languages gongkai speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Chinese (the default).
    Zh,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

/// The language of a run, chosen before the command line is parsed so that
/// `--help` and clap's errors speak it: `--lang`, then `lang` in the
/// site.toml of `--root` (default: the current folder), then the environment
/// (`var` reads it), then Chinese. `args` start with the program name.
pub fn language(args: &[OsString], var: impl Fn(&str) -> Option<String>) -> Lang {
    let (flag, root) = prescan(args);
    let site = std::fs::read_to_string(crate::layout::settings(&root)).ok().and_then(|t| crate::config::lang_of(&t));
    Lang::resolve(flag, site, Lang::from_env(var))
}

/// `--lang` and `--root` as `args` give them (`--x V` or `--x=V`), before
/// clap reads them: an invalid `--lang` counts as none (clap reports it).
fn prescan(args: &[OsString]) -> (Option<Lang>, PathBuf) {
    let (mut lang, mut root) = (None, PathBuf::from("."));
    let mut rest = args.iter().skip(1);
    while let Some(arg) = rest.next() {
        match arg.to_str() {
            Some("--") => break,
            Some("--lang") => lang = rest.next().and_then(|v| v.to_str()).and_then(crate::config::lang_named),
            Some("--root") => {
                if let Some(dir) = rest.next() {
                    root = PathBuf::from(dir);
                }
            }
            Some(a) => {
                if let Some(v) = a.strip_prefix("--lang=") {
                    lang = crate::config::lang_named(v);
                } else if let Some(dir) = a.strip_prefix("--root=") {
                    root = PathBuf::from(dir);
                }
            }
            None => {}
        }
    }
    (lang, root)
}

/// gongkai's command line with every text in the run's language.
pub fn command() -> clap::Command {
    let help = Arg::new("help").short('h').long("help").global(true).action(ArgAction::Help);
    let help = help.display_order(GLOBAL_ORDER + 2).help(t!("cli-arg-help"));
    let version = Arg::new("version").short('V').long("version").action(ArgAction::Version);
    let version = version.display_order(GLOBAL_ORDER + 3).help(t!("cli-arg-version"));
    let mut cmd = localise(Cli::command().arg(help).arg(version));
    cmd.build();
    set_usage(&mut cmd);
    cmd
}

/// Sets the help layout of `cmd` and its subcommands: the headings in the
/// run's language, each section only where the command has something to list.
fn localise(cmd: clap::Command) -> clap::Command {
    let subcommands = cmd.has_subcommands();
    let positionals = cmd.get_positionals().next().is_some();
    cmd.help_template(template(subcommands, positionals))
        .subcommand_value_name(t!("cli-value-command"))
        .mut_subcommands(localise)
}

/// A help template: about, usage, then commands, arguments and options
/// under headings in the run's language, styled as clap styles its own.
fn template(subcommands: bool, positionals: bool) -> String {
    let styles = Styles::default();
    let (header, usage) = (styles.get_header(), styles.get_usage());
    let section = |heading: String, tag: &str| format!("\n{header}{heading}{header:#}\n{{{tag}}}\n");
    let mut text = format!("{{about-with-newline}}\n{usage}{}{usage:#}{{usage}}\n", t!("cli-heading-usage"));
    if subcommands {
        text.push_str(&section(t!("cli-heading-commands"), "subcommands"));
    }
    if positionals {
        text.push_str(&section(t!("cli-heading-arguments"), "positionals"));
    }
    // The last section's line break comes after the text below the options (`build`'s exit codes).
    text.push_str(section(t!("cli-heading-options"), "options").trim_end_matches('\n'));
    text.push_str("{after-help}\n");
    text
}

/// Replaces clap's usage line of `cmd` and its subcommands (built) by the
/// same line with `[OPTIONS]` in the run's language.
fn set_usage(cmd: &mut clap::Command) {
    let rendered = cmd.render_usage().to_string();
    let line = rendered.trim().strip_prefix("Usage:").unwrap_or(&rendered).trim();
    let line = line.replace("[OPTIONS]", &t!("cli-usage-options"));
    *cmd = std::mem::take(cmd).override_usage(line);
    for sub in cmd.get_subcommands_mut() {
        set_usage(sub);
    }
}

/// Parses `args` (the program name first). Help, version and mistakes come
/// back as clap's errors, for [`report`]; `gongkai help CMD…` is
/// `gongkai CMD… --help`.
pub fn parse(args: &[OsString]) -> Result<Cli, clap::Error> {
    let matches = command().try_get_matches_from(args)?;
    let cli = Cli::from_arg_matches(&matches)?;
    if let Command::Help { command: path } = &cli.command {
        let mut again = vec![OsString::from("gongkai")];
        again.extend(path.iter().map(OsString::from));
        again.push("--help".into());
        command().try_get_matches_from(again)?;
    }
    Ok(cli)
}

/// Prints what clap stopped at (help and version to stdout, a mistake to
/// stderr in the run's language) and returns the exit code: 0 for help and
/// version, 2 for a mistake.
pub fn report(e: &clap::Error) -> u8 {
    match super::cli_error::render(e) {
        Some(text) => {
            eprint!("{text}");
            2
        }
        None => {
            let _ = e.print();
            u8::try_from(e.exit_code()).unwrap_or(2)
        }
    }
}

#[cfg(test)]
mod tests;
