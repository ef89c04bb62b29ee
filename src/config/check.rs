//! `[check]` of `site.toml`: the checker's thresholds, the years the site
//! covers, and the severity a site gives each rule (`[check.severity]`).

use crate::diag::Severity;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Settings of the checker.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct CheckConfig {
    /// Share of a narrative identical to the previous year's above which X-DUP warns.
    /// 0.5 follows the "重复率大于50%" scoring rule used by evaluators.
    pub similarity: f64,
    /// Share of a narrative identical to another agency's report of the
    /// same year above which X-COPY warns.
    pub similarity_across: f64,
    /// X-JUMP: a figure this many times last year's, or this fraction of it
    /// inverted, is implausible.
    pub jump_ratio: f64,
    /// X-JUMP: both figures must be at least this large to be compared
    /// (small counts rightly go from 2 to 12).
    pub jump_min: f64,
    /// X-GAP: the latest report year the site covers; when absent, the last
    /// year whose deadline has passed by the build's date.
    pub latest_year: Option<i32>,
    /// The severity the site gives a rule, by code: `"X-JUMP" = "error"`,
    /// `"warning"`, `"notice"` or `"off"`. Validated by [`CheckConfig::problem`].
    pub severity: BTreeMap<String, String>,
}

impl Default for CheckConfig {
    fn default() -> Self {
        CheckConfig {
            similarity: 0.5,
            similarity_across: 0.5,
            jump_ratio: 5.0,
            jump_min: 50.0,
            latest_year: None,
            severity: BTreeMap::new(),
        }
    }
}

/// What a site makes of a rule's findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Every finding of the rule at this severity.
    At(Severity),
    /// The rule does not run for this site.
    Off,
}

impl Level {
    /// Reads `error`, `warning`, `notice` or `off`.
    pub fn parse(s: &str) -> Option<Level> {
        Some(match s {
            "error" => Level::At(Severity::Error),
            "warning" => Level::At(Severity::Warning),
            "notice" => Level::At(Severity::Notice),
            "off" => Level::Off,
            _ => return None,
        })
    }
}

/// Whether `code` is written like a rule's stable code (`X-JUMP`, `T3-SUM`):
/// capital letters and digits in at least two parts joined by `-`.
fn is_code(code: &str) -> bool {
    let parts: Vec<&str> = code.split('-').collect();
    parts.len() >= 2
        && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()))
}

impl CheckConfig {
    /// The level the site gives the rule `code`, if it names one.
    pub fn level(&self, code: &str) -> Option<Level> {
        self.severity.get(code).and_then(|s| Level::parse(s))
    }

    /// The first setting that cannot be used: its key (within `[check]`, or
    /// the code within `[check.severity]` with `true`) and what is wrong.
    pub fn problem(&self) -> Option<(String, bool, String)> {
        if !(0.0..=1.0).contains(&self.similarity) {
            return Some(("similarity".into(), false, crate::t!("cli-config-similarity")));
        }
        if !(0.0..=1.0).contains(&self.similarity_across) {
            return Some(("similarity_across".into(), false, crate::t!("cli-config-similarity-across")));
        }
        if self.jump_ratio.is_nan() || self.jump_ratio <= 1.0 || self.jump_ratio.is_infinite() {
            return Some(("jump_ratio".into(), false, crate::t!("cli-config-jump-ratio")));
        }
        if self.jump_min.is_nan() || self.jump_min < 0.0 || self.jump_min.is_infinite() {
            return Some(("jump_min".into(), false, crate::t!("cli-config-jump-min")));
        }
        if let Some(y) = self.latest_year.filter(|y| !(1900..=9999).contains(y)) {
            return Some(("latest_year".into(), false, crate::t!("cli-config-latest-year", value = y)));
        }
        for (code, value) in &self.severity {
            if !is_code(code) {
                return Some((code.clone(), true, crate::t!("cli-config-severity-code", code = code)));
            }
            if code.starts_with("IN-") {
                return Some((code.clone(), true, crate::t!("cli-config-severity-input", code = code)));
            }
            if Level::parse(value).is_none() {
                return Some((code.clone(), true, crate::t!("cli-config-severity-value", code = code, value = value)));
            }
        }
        None
    }
}
