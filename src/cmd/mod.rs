//! The subcommands, one file each. `main.rs` parses the command line and
//! calls these; they return values and errors, never exit the process.

pub mod build;
pub mod check;
pub mod import;
pub mod init;
pub mod new;
