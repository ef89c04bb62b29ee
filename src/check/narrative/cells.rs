//! The table side of a narrative claim: the cells' figures in the unit the
//! text speaks in (件, 元, a 万元 column's figures ×10,000), how a message
//! names them, and the labels that point at them in the front matter.

use super::numbers::Amount;
use crate::check::explain::{figure, leaf_name};
use crate::diag::Diagnostic;
use crate::form::TableSpec;
use crate::model::{Cell, CellValue, Report, Source, TableData, Unit};

/// Most cells of a sum a message names one by one.
const FEW: usize = 3;

/// A table of a report with its data, when the report has it.
pub struct Table<'r> {
    /// The form's table.
    pub spec: &'r TableSpec,
    /// The report's figures.
    pub data: &'r TableData,
    /// How messages name the table (表三).
    pub title: String,
    /// The report is kept as published: a blank cell there states no
    /// figure, so no text is compared with it.
    pub kept: bool,
}

impl<'r> Table<'r> {
    /// Table `index` of `report`, if its front matter has it.
    pub fn of(report: &'r Report, index: usize) -> Option<Table<'r>> {
        let spec = report.form.tables.get(index)?;
        let data = report.tables.get(index).filter(|d| d.given)?;
        Some(Table { spec, data, title: spec.title(&report.form), kept: report.as_published })
    }

    /// The cell at (`r`, `c`).
    pub fn cell(&self, (r, c): (usize, usize)) -> &'r Cell {
        self.data.cell(r, c)
    }

    /// A cell's figure in the base unit of the text (`None`: an amount whose
    /// unit is not written, or a blank cell of a report kept as published).
    pub fn amount(&self, (r, c): (usize, usize)) -> Option<Amount> {
        if self.kept && self.cell((r, c)).source == Source::Blank {
            return None;
        }
        let wan = |unit: Option<&str>| if unit == Some("万元") { 4 } else { 0 };
        match &self.cell((r, c)).value {
            CellValue::Int(n) => Some(Amount::int(*n)),
            CellValue::Decimal(d) => {
                let unit = self.spec.col_leaves[c].unit.as_deref().or(self.spec.row_leaves[r].unit.as_deref());
                let (units, scale) = (d.units, d.scale);
                Some(Amount { units: i128::from(units), exp: wan(unit) - i32::from(scale) })
            }
            CellValue::Money(d, unit) => {
                let (units, scale) = (d.units, d.scale);
                let shift = match unit {
                    Some(Unit::Yuan) => 0,
                    Some(Unit::WanYuan) => 4,
                    None if units == 0 => 0,
                    None => return None,
                };
                Some(Amount { units: i128::from(units), exp: shift - i32::from(scale) })
            }
        }
    }

    /// The sum of `cells`, if every one has a figure.
    pub fn sum(&self, cells: &[(usize, usize)]) -> Option<Amount> {
        cells.iter().try_fold(Amount::int(0), |acc, &rc| acc.add(self.amount(rc)?))
    }

    /// The sum as a message shows it: a single cell as written (with its
    /// column's unit), a sum as a number.
    pub fn shown(&self, cells: &[(usize, usize)], sum: Amount) -> String {
        match cells {
            [(r, c)] => {
                let unit = match self.cell((*r, *c)).value {
                    CellValue::Decimal(_) => self.spec.col_leaves[*c].unit.clone().unwrap_or_default(),
                    _ => String::new(),
                };
                format!("{}{unit}", figure(self.cell((*r, *c))))
            }
            _ => amount_text(sum),
        }
    }

    /// How a message names `cells`: `表三「（七）总计」行「总计」列`; a sum of
    /// a few cells of one row or column by all their labels
    /// (`表四「件数」行「未经复议直接起诉 尚未审结」、「复议后起诉 尚未审结」列之和`);
    /// a longer sum by its first cell and how many it adds.
    pub fn name(&self, cells: &[(usize, usize)]) -> String {
        let Some(&(r, c)) = cells.first() else { return self.title.clone() };
        let row = |r: usize| leaf_name(&self.spec.row_leaves, r);
        let col = |c: usize| leaf_name(&self.spec.col_leaves, c);
        let quoted = |names: Vec<String>| names.iter().map(|n| format!("「{n}」")).collect::<Vec<_>>().join("、");
        let table = &self.title;
        match cells.len() {
            1 => crate::t!("check-text-cell", table = table, row = row(r), col = col(c)),
            2..=FEW if cells.iter().all(|x| x.0 == r) => {
                crate::t!(
                    "check-text-cells-row",
                    table = table,
                    row = row(r),
                    cols = quoted(cells.iter().map(|x| col(x.1)).collect())
                )
            }
            2..=FEW if cells.iter().all(|x| x.1 == c) => {
                crate::t!(
                    "check-text-cells-col",
                    table = table,
                    rows = quoted(cells.iter().map(|x| row(x.0)).collect()),
                    col = col(c)
                )
            }
            n => crate::t!("check-text-cells", table = table, row = row(r), col = col(c), n = n),
        }
    }

    /// `d` with a label at each of `cells` in the front matter.
    pub fn point_at(&self, report: &Report, mut d: Diagnostic, cells: &[(usize, usize)]) -> Diagnostic {
        for &(r, c) in cells {
            let cell = self.cell((r, c));
            d = d.with_related(
                &report.file,
                cell.pos,
                crate::t!(
                    "check-cell-at",
                    row = leaf_name(&self.spec.row_leaves, r),
                    col = leaf_name(&self.spec.col_leaves, c),
                    value = figure(cell)
                ),
            );
        }
        d
    }
}

/// An amount written out: `3119`, `961716000`, `0.5`.
pub fn amount_text(a: Amount) -> String {
    if a.exp >= 0 {
        return a
            .units
            .checked_mul(10i128.pow(a.exp.unsigned_abs().min(30)))
            .map_or_else(String::new, |n| n.to_string());
    }
    let digits = a.units.unsigned_abs().to_string();
    let scale = a.exp.unsigned_abs() as usize;
    let padded = format!("{digits:0>width$}", width = scale + 1);
    let (int, frac) = padded.split_at(padded.len() - scale);
    let sign = if a.units < 0 { "-" } else { "" };
    format!("{sign}{int}.{frac}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_written_out() {
        assert_eq!(amount_text(Amount::int(3119)), "3119");
        assert_eq!(amount_text(Amount { units: 961_716, exp: 3 }), "961716000");
        assert_eq!(amount_text(Amount { units: 5, exp: -1 }), "0.5");
        assert_eq!(amount_text(Amount { units: 447, exp: -1 }), "44.7");
    }
}
