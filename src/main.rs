//! The `gongkai` command line. Parses arguments, runs a subcommand from
//! [`gongkai::cmd`], and maps the outcome to an exit code: 0 success,
//! 1 the content has errors, 2 gongkai could not run at all.

use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};
use gongkai::cmd;
use gongkai::site::Site;
use std::path::PathBuf;
use std::process::ExitCode;

/// Static site generator for 政府信息公开工作年度报告.
#[derive(Debug, Parser)]
#[command(name = "gongkai", version, about)]
struct Cli {
    /// The site folder (holding site.toml and content/).
    #[arg(long, global = true, default_value = ".")]
    root: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check every report against its form; exit 1 on errors.
    Check {
        /// Output style.
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
        /// Fail (exit 1) on warnings too.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Create a new report or agency from the form data.
    New {
        #[command(subcommand)]
        what: NewCommand,
    },
}

#[derive(Debug, Subcommand)]
enum NewCommand {
    /// A report pre-filled for its year's form: content/reports/AGENCY/YEAR.md.
    Report {
        /// The agency's folder name.
        #[arg(long)]
        agency: String,
        /// The year the report covers.
        #[arg(long)]
        year: i32,
    },
    /// An agency description: content/reports/SLUG/agency.yaml.
    Agency {
        /// Folder name used in URLs (lowercase ASCII, digits, -).
        #[arg(long)]
        slug: String,
        /// Full official name.
        #[arg(long)]
        name: String,
        /// 部门 / 乡镇 / 街道 / 人民政府.
        #[arg(long)]
        kind: String,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    Human,
    Json,
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    let root = &cli.root;
    match cli.command {
        Command::Check { format, deny_warnings } => {
            let site = Site::load(root)?;
            let format = match format {
                FormatArg::Human => cmd::check::Format::Human,
                FormatArg::Json => cmd::check::Format::Json,
            };
            let mut out = std::io::stdout().lock();
            let tally = cmd::check::report(&site, format, &mut out).context("cannot write the report")?;
            Ok(cmd::check::exit_code(tally, deny_warnings) as u8)
        }
        Command::New { what } => {
            let path = match what {
                NewCommand::Report { agency, year } => {
                    let forms = gongkai::form::Forms::load(&root.join("forms"))?;
                    cmd::new::new_report(root, &forms, &agency, year)?
                }
                NewCommand::Agency { slug, name, kind } => cmd::new::new_agency(root, &slug, &name, &kind)?,
            };
            println!("created {}", path.display());
            Ok(0)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
