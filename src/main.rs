//! The `gongkai` command line. Parses arguments, runs a subcommand from
//! [`gongkai::cmd`], and maps the outcome to an exit code: 0 success,
//! 1 the content has errors, 2 gongkai could not run at all.

use clap::{Parser, Subcommand, ValueEnum};
use gongkai::cmd;
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
    /// Check, then build the site into a static folder (replaced atomically).
    Build {
        /// Output folder (default: public/ in the site).
        #[arg(long)]
        output: Option<PathBuf>,
        /// Absolute URL the site is published at (feed, sitemap, canonical links).
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Preview the site: build, serve on 127.0.0.1, rebuild and reload on every change.
    Serve {
        /// Port (a free one is used when it is taken).
        #[arg(long, default_value_t = 8420)]
        port: u16,
        /// Address to listen on. Only change it on a trusted network.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the browser.
        #[arg(long)]
        open: bool,
        /// Watch by polling (network drives, WSL, or when the inotify limit is reached).
        #[arg(long)]
        poll: bool,
    },
    /// Create a new site in DIR that builds at once.
    Init {
        /// The folder to create.
        dir: PathBuf,
    },
    /// Import published reports (saved web pages, .docx, copied text) as report files; never overwrites.
    Import {
        /// Files, or folders whose every file is imported.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The agency's folder name (lowercase ASCII, digits, -).
        #[arg(long)]
        agency: Option<String>,
        /// The report year, when the title does not state it.
        #[arg(long)]
        year: Option<i32>,
        /// Print what would be written; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Write even when some table figures could not be placed in a cell.
        #[arg(long)]
        force: bool,
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
            let format = match format {
                FormatArg::Human => cmd::check::Format::Human,
                FormatArg::Json => cmd::check::Format::Json,
            };
            Ok(cmd::check::run(root, format, deny_warnings, &mut std::io::stdout().lock())?)
        }
        Command::Build { output, base_url } => {
            match cmd::build::run(root, output, base_url, &mut std::io::stderr().lock())? {
                cmd::build::Outcome::Published(_) => Ok(0),
                cmd::build::Outcome::NotPublished => Ok(1),
            }
        }
        Command::Serve { port, bind, open, poll } => {
            gongkai::serve::serve(root, &gongkai::serve::Options { bind, port, open, poll })?;
            Ok(0)
        }
        Command::Init { dir } => {
            cmd::init::run(&dir, &mut std::io::stdout().lock())?;
            Ok(0)
        }
        Command::Import { inputs, agency, year, dry_run, force } => {
            let opts = cmd::import::Options { agency, year, dry_run, force };
            let mut out = std::io::stdout().lock();
            let outcome = cmd::import::import(root, &inputs, &opts, &mut out)?;
            Ok(u8::from(outcome.failed > 0 || outcome.check_errors > 0))
        }
        Command::New { what } => {
            let what = match what {
                NewCommand::Report { agency, year } => cmd::new::What::Report { agency, year },
                NewCommand::Agency { slug, name, kind } => cmd::new::What::Agency { slug, name, kind },
            };
            cmd::new::run(root, &what, &mut std::io::stdout().lock())?;
            Ok(0)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            // gongkai's errors already name their cause; add only causes not yet said.
            let mut message = e.to_string();
            for cause in e.chain().skip(1) {
                let text = cause.to_string();
                if !message.contains(&text) {
                    message = gongkai::t!("cli-error-cause", message = message, cause = text);
                }
            }
            // Errors can quote the user's files (site.toml lines): never send their control characters.
            eprintln!("{}", gongkai::t!("cli-error", message = gongkai::diag::visible(&message)));
            ExitCode::from(2)
        }
    }
}
