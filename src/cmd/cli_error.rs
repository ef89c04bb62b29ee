//! clap's errors about the command line, said in the run's language: the
//! kinds a webmaster meets (an unknown option or command, a wrong or missing
//! value, a missing argument) from the catalogue, using what clap found
//! (the error's context); rare kinds keep clap's own text.

use crate::t;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::fmt::Write as _;

/// The text to print for `e`, or `None` when clap's own output is right
/// (help, version) or the kind is rare.
pub(super) fn render(e: &clap::Error) -> Option<String> {
    let arg = || text(e, ContextKind::InvalidArg);
    let value = || text(e, ContextKind::InvalidValue);
    let message = match e.kind() {
        ErrorKind::UnknownArgument => t!("cli-err-unknown-arg", arg = arg()?),
        ErrorKind::InvalidSubcommand => {
            t!("cli-err-unknown-command", command = text(e, ContextKind::InvalidSubcommand)?)
        }
        ErrorKind::InvalidValue if value()?.is_empty() => t!("cli-err-no-value", arg = arg()?),
        ErrorKind::InvalidValue => {
            t!(
                "cli-err-invalid-value",
                arg = arg()?,
                value = value()?,
                valid = list(&texts(e, ContextKind::ValidValue))
            )
        }
        ErrorKind::ValueValidation => t!("cli-err-bad-value", arg = arg()?, value = value()?, reason = reason(e)),
        ErrorKind::MissingRequiredArgument => {
            t!("cli-err-missing-args", args = list(&texts(e, ContextKind::InvalidArg)))
        }
        ErrorKind::MissingSubcommand => t!(
            "cli-err-missing-command",
            command = text(e, ContextKind::InvalidSubcommand)?,
            valid = list(&texts(e, ContextKind::ValidSubcommand))
        ),
        ErrorKind::ArgumentConflict => {
            let (arg, prior) = (arg()?, texts(e, ContextKind::PriorArg));
            if prior.is_empty() || prior == [arg.clone()] {
                t!("cli-err-repeated", arg = arg)
            } else {
                t!("cli-err-conflict", arg = arg, other = list(&prior))
            }
        }
        ErrorKind::TooManyValues => t!("cli-err-extra-value", arg = arg()?, value = value()?),
        _ => return None,
    };
    let mut out = format!("{}\n", t!("cli-error", message = message));
    let suggestion = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand, ContextKind::SuggestedValue]
        .into_iter()
        // clap lists its suggestions from the least to the most likely.
        .find_map(|kind| texts(e, kind).into_iter().last());
    if let Some(s) = suggestion {
        let _ = write!(out, "\n  {}\n", t!("cli-err-tip", suggestion = s));
    }
    if let Some(usage) = text(e, ContextKind::Usage) {
        let usage = usage.trim().strip_prefix("Usage:").unwrap_or(&usage).trim().to_owned();
        let _ = write!(out, "\n{}\n", t!("cli-err-usage", usage = usage));
    }
    let _ = writeln!(out, "\n{}", t!("cli-err-more"));
    Some(out)
}

/// A single text of the error's context.
fn text(e: &clap::Error, kind: ContextKind) -> Option<String> {
    texts(e, kind).into_iter().next()
}

/// The texts of the error's context of `kind`; none when absent.
fn texts(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    }
}

/// Names in backticks, joined as the language lists them.
fn list(names: &[String]) -> String {
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(&t!("cli-list-separator"))
}

/// Why a value was refused, from the parser's error: numbers and addresses
/// in the run's language, anything else as the parser says it.
fn reason(e: &clap::Error) -> String {
    use std::num::IntErrorKind;
    let Some(source) = std::error::Error::source(e) else { return t!("cli-err-reason-unknown") };
    if let Some(int) = source.downcast_ref::<std::num::ParseIntError>() {
        return match int.kind() {
            IntErrorKind::Empty => t!("cli-err-reason-empty"),
            IntErrorKind::PosOverflow | IntErrorKind::NegOverflow => t!("cli-err-reason-too-large"),
            _ => t!("cli-err-reason-integer"),
        };
    }
    if source.downcast_ref::<std::net::AddrParseError>().is_some() {
        return t!("cli-err-reason-address");
    }
    let detail = source.to_string();
    // clap's range check: "99999 is not in 0..=65535".
    if let Some((min, max)) = detail.split_once(" is not in ").and_then(|(_, range)| range.split_once("..=")) {
        return t!("cli-err-reason-range", min = min.trim(), max = max.trim());
    }
    t!("cli-err-reason-detail", detail = detail)
}
