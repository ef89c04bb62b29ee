//! X-CHILDREN: the report of an agency that opts in (`sums_children: true`
//! in its agency.yaml, a county's 汇总 report over its 乡镇 and 部门) equals
//! the sum of its children's reports of the same year, cell by cell. Totals
//! are left out (a wrong part makes its totals wrong too), and so are amounts
//! written with a unit (元, 万元), which a sum across agencies cannot mix.

use super::explain::figure;
use super::jumps::cell_name;
use crate::diag::Diagnostic;
use crate::model::{Agency, CellValue, Decimal, Report};
use std::collections::{BTreeMap, HashMap};

/// Most cells one parent's report lists as differing.
const MAX_FINDINGS: usize = 10;

/// Most children named by their figure in one finding.
const MAX_NAMED: usize = 8;

/// The sum of `values`, exact, if every one is a count or a plain decimal.
fn sum(values: &[&CellValue]) -> Option<CellValue> {
    if values.iter().all(|v| matches!(v, CellValue::Int(_))) {
        return values.iter().try_fold(0i64, |acc, v| acc.checked_add(v.int())).map(CellValue::Int);
    }
    let mut total = Decimal::default();
    for v in values {
        let d = match v {
            CellValue::Int(n) => Decimal { units: *n, scale: 0 },
            CellValue::Decimal(d) => *d,
            CellValue::Money(..) => return None,
        };
        total = total.checked_add(d)?;
    }
    Some(CellValue::Decimal(total))
}

/// Whether two figures are the same number (3 and 3.0 are).
fn same(a: &CellValue, b: &CellValue) -> bool {
    (a.to_f64() - b.to_f64()).abs() < 1e-9
}

/// X-CHILDREN for every report of an agency with `sums_children`, against
/// the reports of its children of the same year (`reports` sorted by agency
/// then year). A year none of its children reported is not compared.
pub fn check_children(reports: &[Report], agencies: &BTreeMap<String, Agency>, diags: &mut Vec<Diagnostic>) {
    if !agencies.values().any(|a| a.sums_children) {
        return;
    }
    let by_key: HashMap<(&str, i32), &Report> = reports.iter().map(|r| ((r.agency.as_str(), r.year), r)).collect();
    let mut children: HashMap<&str, Vec<&Agency>> = HashMap::new();
    for a in agencies.values() {
        if let Some(p) = &a.parent {
            children.entry(p.as_str()).or_default().push(a);
        }
    }
    for parent in reports.iter().filter(|r| agencies.get(&r.agency).is_some_and(|a| a.sums_children)) {
        let kids = children.get(parent.agency.as_str()).map_or(&[][..], Vec::as_slice);
        let theirs: Vec<(&Agency, &Report)> =
            kids.iter().filter_map(|a| Some((*a, *by_key.get(&(a.slug.as_str(), parent.year))?))).collect();
        if theirs.is_empty() {
            continue;
        }
        compare(parent, &theirs, kids.len(), diags);
    }
}

/// The cells of `parent` that differ from the sum of `theirs` (the
/// children's reports of its year; `kids` children in all).
fn compare(parent: &Report, theirs: &[(&Agency, &Report)], kids: usize, diags: &mut Vec<Diagnostic>) {
    let mut found = 0;
    for (t, spec) in parent.form.tables.iter().enumerate() {
        for (r, row) in spec.row_leaves.iter().enumerate().filter(|(_, l)| !l.total) {
            for (c, col) in spec.col_leaves.iter().enumerate().filter(|(_, l)| !l.total) {
                let cell = parent.tables[t].cell(r, c);
                let parts: Vec<(&Agency, &Report, &crate::model::Cell)> = theirs
                    .iter()
                    .filter_map(|(a, rep)| {
                        let (s, d) = rep.table(&spec.key)?;
                        Some((*a, *rep, d.cell(s.row(&row.id)?, s.col(&col.id)?)))
                    })
                    .collect();
                let values: Vec<&CellValue> = parts.iter().map(|p| &p.2.value).collect();
                let Some(total) = sum(&values).filter(|_| !matches!(cell.value, CellValue::Money(..))) else {
                    continue;
                };
                if same(&cell.value, &total) {
                    continue;
                }
                found += 1;
                if found > MAX_FINDINGS {
                    return;
                }
                let m = super::jumps::Matched { spec, row: r, col: c, this: cell, other: cell };
                let mut named: Vec<String> = parts
                    .iter()
                    .take(MAX_NAMED)
                    .map(|(a, _, cell)| crate::t!("check-children-one", agency = &a.name, value = figure(cell)))
                    .collect();
                if parts.len() > MAX_NAMED {
                    named.push(crate::t!("check-children-more", n = parts.len() - MAX_NAMED));
                }
                let mut d = Diagnostic::warning(
                    "X-CHILDREN",
                    &parent.file,
                    cell.pos,
                    crate::t!(
                        "check-children",
                        cell = cell_name(&m),
                        value = figure(cell),
                        sum = total.to_string(),
                        n = theirs.len(),
                        parts = named.join("，")
                    ),
                );
                for (a, rep, cell) in parts.iter().take(MAX_NAMED) {
                    d = d.with_related(
                        &rep.file,
                        cell.pos,
                        crate::t!("check-children-one", agency = &a.name, value = figure(cell)),
                    );
                }
                let help = if theirs.len() < kids {
                    crate::t!("check-children-help-missing", n = theirs.len(), all = kids)
                } else {
                    crate::t!("check-children-help")
                };
                diags.push(d.with_help(help));
            }
        }
    }
}
