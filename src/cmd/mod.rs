//! The subcommands, one file each. `main.rs` parses the command line (with
//! [`cli`]) and calls these; they return values and errors, never exit the
//! process.

pub mod build;
pub mod check;
pub mod cli;
mod cli_error;
pub mod import;
pub mod init;
pub mod new;

/// Why a file could not be read or written, in the run's language: the
/// common causes by their meaning, others as the system says them.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => crate::t!("cli-io-not-found"),
        K::PermissionDenied => crate::t!("cli-io-permission"),
        K::AlreadyExists => crate::t!("cli-io-exists"),
        K::IsADirectory => crate::t!("cli-io-is-a-folder"),
        K::NotADirectory => crate::t!("cli-io-not-a-folder"),
        K::InvalidData if e.to_string().contains("UTF-8") => crate::t!("cli-io-not-utf8"),
        K::StorageFull => crate::t!("cli-io-full"),
        K::ReadOnlyFilesystem => crate::t!("cli-io-read-only"),
        _ => crate::t!("cli-io-other", detail = e.to_string()),
    }
}
