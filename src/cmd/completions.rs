//! `gongkai completions SHELL`: the shell's completion script for every
//! command and option, printed for the user to save where the shell reads it.

/// Writes the completion script of `shell` to `out`.
pub fn run(shell: clap_complete::Shell, out: &mut dyn std::io::Write) {
    let mut cmd = super::cli::command();
    clap_complete::generate(shell, &mut cmd, "gongkai", out);
}
