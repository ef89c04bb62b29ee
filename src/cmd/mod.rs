//! The subcommands, one file each. `main.rs` parses the command line (with
//! [`cli`]) and calls these; they return values and errors, never exit the
//! process.

pub mod build;
pub mod check;
pub mod cli;
mod cli_error;
pub mod completions;
pub mod export;
pub mod import;
pub mod init;
pub mod new;
pub mod schema;
