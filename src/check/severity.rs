//! The severity a site gives each rule (`[check.severity]` of `site.toml`),
//! applied in one place to every finding, after every check has run: by
//! [`crate::site::Site::load`] and by the preview's re-check of one agency
//! alike, so both say the same.

use crate::config::{CheckConfig, Level};
use crate::diag::{Diagnostic, Severity};

/// Sets each finding to the severity the site gives its rule, and drops the
/// findings of the rules it turns `off`. A notice (a rule that does not hold
/// in a report kept as published) stays a notice unless the rule is off:
/// such a report is never withheld for the figures its agency printed.
/// Idempotent: applying it twice gives the same findings.
pub fn apply(diags: &mut Vec<Diagnostic>, config: &CheckConfig) {
    if config.severity.is_empty() {
        return;
    }
    diags.retain_mut(|d| match config.level(&d.code) {
        Some(Level::Off) => false,
        Some(Level::At(s)) => {
            if d.severity != Severity::Notice {
                d.severity = s;
            }
            true
        }
        None => true,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Pos;
    use std::path::PathBuf;
    use std::sync::Arc;

    #[test]
    fn overrides_raise_lower_and_silence_rules_but_keep_notices() {
        let file = Arc::new(PathBuf::from("r.md"));
        let mut config = CheckConfig::default();
        config.severity.insert("X-JUMP".into(), "error".into());
        config.severity.insert("X-DUP".into(), "off".into());
        config.severity.insert("T3-SUM".into(), "warning".into());
        let mut diags = vec![
            Diagnostic::warning("X-JUMP", &file, Pos::default(), "a"),
            Diagnostic::warning("X-DUP", &file, Pos::default(), "b"),
            Diagnostic::error("T3-SUM", &file, Pos::default(), "c"),
            Diagnostic::new(Severity::Notice, "T3-SUM", &file, Pos::default(), "d"),
            Diagnostic::warning("FMT-SECT", &file, Pos::default(), "e"),
        ];
        apply(&mut diags, &config);
        let got: Vec<(&str, Severity)> = diags.iter().map(|d| (d.code.as_ref(), d.severity)).collect();
        assert_eq!(
            got,
            [
                ("X-JUMP", Severity::Error),
                ("T3-SUM", Severity::Warning),
                ("T3-SUM", Severity::Notice),
                ("FMT-SECT", Severity::Warning)
            ]
        );
        let again = diags.clone();
        apply(&mut diags, &config);
        assert_eq!(diags, again);
    }
}
