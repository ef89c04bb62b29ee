//! The rules of a form: linear relations between cells (勾稽关系), parsed
//! from the form's equations (`new + carried_in = total + carried_out`) and
//! resolved to cell indices once, when the form is compiled.

use super::TableSpec;
use serde::Deserialize;

/// Comparison in a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `=`
    Eq,
    /// `<=`
    Le,
    /// `>=`
    Ge,
}

impl Op {
    /// Whether `lhs op rhs` holds.
    pub fn holds(self, lhs: i128, rhs: i128) -> bool {
        match self {
            Op::Eq => lhs == rhs,
            Op::Le => lhs <= rhs,
            Op::Ge => lhs >= rhs,
        }
    }
}

/// Which way a rule runs through a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Each {
    /// Terms are rows; the rule is checked once per column.
    Column,
    /// Terms are columns; the rule is checked once per row.
    Row,
}

/// A term of a rule: ± a row or column, possibly of the previous year's report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// +1 or −1.
    pub sign: i64,
    /// Row id (for `each: column`) or column id (for `each: row`).
    pub id: String,
    /// Refers to the same agency's report of the previous year.
    pub prev: bool,
    /// A constant (`>= 0`) instead of a cell; `id` is then empty.
    pub constant: Option<i64>,
    /// The row (`each: column`) or column (`each: row`) index of `id` in this
    /// form's table, resolved once when the form is compiled.
    pub index: usize,
}

/// A rule as written in the data file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRule {
    code: String,
    severity: String,
    table: String,
    each: Each,
    check: String,
    text: String,
    #[serde(default)]
    computes: bool,
    #[serde(default)]
    from_year: Option<i32>,
}

/// A linear relation between cells of one table (and possibly last year's).
#[derive(Debug, Clone)]
pub struct Rule {
    /// Stable code (`T3-KJ`).
    pub code: String,
    /// Error or warning.
    pub severity: crate::diag::Severity,
    /// Index of the table in [`Form::tables`].
    pub table: usize,
    /// Direction.
    pub each: Each,
    /// Left-hand side.
    pub lhs: Vec<Term>,
    /// Comparison.
    pub op: Op,
    /// Right-hand side.
    pub rhs: Vec<Term>,
    /// The relation in the form's own words (`一 + 二 = 三（七）+ 四`).
    pub text: String,
    /// Whether an omitted single left-hand total is computed from the right.
    pub computes: bool,
    /// First report year the rule applies to (cross-year rules).
    pub from_year: Option<i32>,
}

/// Resolves `row:col + row:col` to cell coordinates.
pub fn resolve_cells(t: &TableSpec, expr: &str) -> Result<Vec<(usize, usize)>, String> {
    expr.split('+')
        .map(|term| {
            let term = term.trim();
            let (r, c) = term.split_once(':').ok_or_else(|| crate::t!("in-form-not-cell", term = term))?;
            let r = t.row(r).ok_or_else(|| crate::t!("in-form-no-row", table = &t.key, row = r))?;
            let c = t.col(c).ok_or_else(|| crate::t!("in-form-no-column", table = &t.key, column = c))?;
            Ok((r, c))
        })
        .collect()
}

/// Parses `a + b - prev.c = d` into terms, checking every id exists.
pub(super) fn compile_rule(r: RawRule, tables: &[TableSpec], cross: bool) -> Result<Rule, String> {
    let table = tables
        .iter()
        .position(|t| t.key == r.table)
        .ok_or_else(|| crate::t!("in-rule-no-table", code = &r.code, table = &r.table))?;
    let t = &tables[table];
    let severity = match r.severity.as_str() {
        "error" => crate::diag::Severity::Error,
        "warning" => crate::diag::Severity::Warning,
        other => {
            return Err(crate::t!("in-rule-severity", code = &r.code, found = other));
        }
    };
    let (op, split) = [(">=", Op::Ge), ("<=", Op::Le), ("=", Op::Eq)]
        .iter()
        .find_map(|(s, op)| r.check.split_once(s).map(|parts| (*op, parts)))
        .ok_or_else(|| crate::t!("in-rule-no-op", code = &r.code, check = &r.check))?;
    let parse_side = |side: &str| -> Result<Vec<Term>, String> {
        let mut terms = Vec::new();
        let mut sign = 1;
        for tok in side.split_whitespace() {
            match tok {
                "+" => sign = 1,
                "-" => sign = -1,
                id if id.parse::<i64>().is_ok() => {
                    terms.push(Term { sign, id: String::new(), prev: false, constant: id.parse().ok(), index: 0 });
                    sign = 1;
                }
                id => {
                    let (prev, id) = match id.strip_prefix("prev.") {
                        Some(rest) => (true, rest),
                        None => (false, id),
                    };
                    if prev && !cross {
                        return Err(crate::t!("in-rule-prev", code = &r.code));
                    }
                    let index = match r.each {
                        Each::Column => t.row(id),
                        Each::Row => t.col(id),
                    };
                    let Some(index) = index else {
                        return Err(match r.each {
                            Each::Column => crate::t!("in-rule-no-row", code = &r.code, table = &t.key, row = id),
                            Each::Row => crate::t!("in-rule-no-column", code = &r.code, table = &t.key, column = id),
                        });
                    };
                    terms.push(Term { sign, id: id.to_owned(), prev, constant: None, index });
                    sign = 1;
                }
            }
        }
        if terms.is_empty() {
            return Err(crate::t!("in-rule-empty-side", code = &r.code, check = &r.check));
        }
        Ok(terms)
    };
    let lhs = parse_side(split.0)?;
    let rhs = parse_side(split.1)?;
    Ok(Rule {
        code: r.code,
        severity,
        table,
        each: r.each,
        lhs,
        op,
        rhs,
        text: r.text,
        computes: r.computes,
        from_year: r.from_year,
    })
}
