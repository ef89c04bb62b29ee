//! The subcommands, one file each. `main.rs` parses the command line and
//! calls these; they return values and errors, never exit the process.

pub mod check;
pub mod new;
