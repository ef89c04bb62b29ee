//! The `gongkai` command line. Chooses the language of the run, parses the
//! arguments ([`gongkai::cmd::cli`]), runs a subcommand from
//! [`gongkai::cmd`], and maps the outcome to an exit code: 0 success,
//! 1 the content has errors (for `build`: nothing was published), 2 gongkai
//! could not run at all (a mistake on the command line included), 3 `build`
//! published the site but withheld some reports.

use gongkai::cmd;
use gongkai::cmd::cli::{Cli, Command, ExportCommand, FormatArg, NewCommand};
use std::ffi::OsString;
use std::process::ExitCode;

fn run(cli: Cli) -> anyhow::Result<u8> {
    let root = &cli.root;
    // Files checked and pages written, on a terminal for runs over a second.
    let _bar = match cli.command {
        Command::Check { .. } | Command::Build { .. } => {
            Some(gongkai::progress::Bar::start(gongkai::t!("progress-label"), cli.quiet))
        }
        _ => None,
    };
    match cli.command {
        Command::Check { format, deny_warnings, no_cache } => {
            let format = match format {
                FormatArg::Human => cmd::check::Format::Human,
                FormatArg::Json => cmd::check::Format::Json,
            };
            // The findings go around the bar (cleared while they print).
            let mut out = gongkai::progress::AroundBar::new(std::io::stdout().lock());
            let memos = if no_cache { gongkai::memo::Memos::Ignore } else { gongkai::memo::Memos::Use };
            Ok(cmd::check::run(root, format, deny_warnings, memos, &mut out)?)
        }
        Command::Build { output, base_url, strict, drafts, no_cache } => {
            let opts = cmd::build::Options { output, base_url, strict, drafts, no_cache };
            // The findings share standard error with the bar: printed around it.
            // Not locked: the bar's thread writes there too.
            let mut out = gongkai::progress::AroundBar::new(std::io::stderr());
            Ok(cmd::build::run(root, &opts, &mut out)?.exit_code())
        }
        Command::Serve { port, bind, open, poll, no_drafts } => {
            gongkai::serve::serve(root, &gongkai::serve::Options { bind, port, open, poll, drafts: !no_drafts })?;
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
                NewCommand::Document { folder, title, name } => cmd::new::What::Document { folder, name, title },
            };
            cmd::new::run(root, &what, &mut std::io::stdout().lock())?;
            Ok(0)
        }
        Command::Schema { output } => {
            cmd::schema::run(root, output.as_deref(), &mut std::io::stdout().lock())?;
            Ok(0)
        }
        Command::Export { what: ExportCommand::Xlsx { agency, year, parent, output } } => {
            let opts = cmd::export::Options { agency, year, parent, output };
            cmd::export::run(root, &opts, &mut std::io::stdout().lock())?;
            Ok(0)
        }
        Command::Completions { shell } => {
            cmd::completions::run(shell, &mut std::io::stdout().lock());
            Ok(0)
        }
        Command::Help { .. } => {
            // `cli::parse` shows the help; this is only reached if it did not.
            cmd::cli::command().print_help()?;
            Ok(0)
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    // The language first: `--help` and clap's errors speak it too.
    gongkai::i18n::set(cmd::cli::language(&args, |k| std::env::var(k).ok()));
    let cli = match cmd::cli::parse(&args) {
        Ok(cli) => cli,
        Err(e) => return ExitCode::from(cmd::cli::report(&e)),
    };
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
            // Errors can quote the user's files (site.toml lines): never send their control
            // characters. Line by line: an error of several lines keeps its line breaks.
            let shown: Vec<_> = message.lines().map(gongkai::diag::visible).collect();
            eprintln!("{}", gongkai::t!("cli-error", message = shown.join("\n")));
            ExitCode::from(2)
        }
    }
}
