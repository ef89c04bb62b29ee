//! Each year's page: every agency's key figures and the year's 汇总 tables.

use super::*;

#[derive(Serialize)]
pub(super) struct TotalCtx<'a> {
    pub(super) form: FormRef<'a>,
    pub(super) report_count: usize,
    pub(super) html: String,
}

/// Sums one table over several reports: counts, deltas and decimals add up;
/// amounts with units are summed in 元; a table with unit-less amounts is left
/// out. Every addition is checked: a sum that would not fit leaves the table
/// out rather than print a wrapped or clamped figure (with the bounds of
/// [`crate::parse::MAX_COUNT`] it cannot happen below 900 million reports).
pub(super) fn sum_table(spec: &TableSpec, datas: &[&TableData]) -> Option<TableData> {
    let first = datas.first()?;
    let kinds: Vec<CellKind> = (0..first.cells.len()).map(|k| spec.kind(k / first.cols, k % first.cols)).collect();
    let mut ints = vec![0i64; first.cells.len()];
    let mut decimals = vec![Decimal::default(); first.cells.len()];
    // Reports outside, cells inside: each report's cells are read in order.
    for d in datas {
        for (k, cell) in d.cells.iter().enumerate() {
            match &cell.value {
                CellValue::Int(n) => ints[k] = ints[k].checked_add(*n)?,
                CellValue::Decimal(x) => decimals[k] = decimals[k].checked_add(*x)?,
                CellValue::Money(x, Some(Unit::WanYuan)) => decimals[k] = decimals[k].checked_add(x.times_10000()?)?,
                CellValue::Money(x, Some(_)) => decimals[k] = decimals[k].checked_add(*x)?,
                CellValue::Money(_, None) => return None,
            }
        }
    }
    let cells = first
        .cells
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let value = match kinds[k] {
                CellKind::Count | CellKind::Delta => CellValue::Int(ints[k]),
                CellKind::Decimal => CellValue::Decimal(decimals[k]),
                CellKind::Money => CellValue::Money(decimals[k], Some(Unit::Yuan)),
            };
            Cell { value, source: Source::Given, pos: c.pos }
        })
        .collect();
    Some(TableData { cells, cols: first.cols, pos: first.pos, given: true })
}

/// The 汇总 tables of the reports `list`, one set per form; `scope` keeps
/// the tables' ids apart when a page has several sets (`""` for the site's).
pub(super) fn year_totals<'a>(index: &Index<'a>, list: &[usize], scope: &str) -> Vec<TotalCtx<'a>> {
    let mut by_form: Vec<(&'a Form, Vec<&'a Report>)> = Vec::new();
    for &i in list {
        let r = index.report(i);
        match by_form.iter_mut().find(|(f, _)| f.id == r.form.id) {
            Some((_, v)) => v.push(r),
            None => by_form.push((&r.form, vec![r])),
        }
    }
    by_form
        .into_iter()
        .map(|(form, reports)| {
            let mut html = String::new();
            for (t, spec) in form.tables.iter().enumerate() {
                // A table that a report's original lacks is not counted as zeros.
                let datas: Vec<&TableData> = reports.iter().map(|r| &r.tables[t]).filter(|d| d.given).collect();
                if let Some(sum) = sum_table(spec, &datas) {
                    html.push_str(&table_html(
                        spec,
                        &sum,
                        &format!("total-{scope}{}-{}", form.id, spec.key),
                        &format!("s{scope}{}-{}", form.id, t + 1),
                    ));
                    if datas.len() < reports.len() {
                        html.push_str(&format!(
                            "<p class=\"note\">本表汇总 {} 份报告；另有 {} 份报告的原件未刊载本表，未计入。</p>\n",
                            datas.len(),
                            reports.len() - datas.len()
                        ));
                    }
                }
            }
            TotalCtx {
                form: FormRef { id: &form.id, name: &form.name, issued_by: &form.issued_by },
                report_count: reports.len(),
                html,
            }
        })
        .collect()
}

/// The 汇总 of one parent agency over the agencies under it.
#[derive(Serialize)]
pub(super) struct ParentTotals<'a> {
    pub(super) name: &'a str,
    pub(super) url: String,
    pub(super) report_count: usize,
    pub(super) totals: Vec<TotalCtx<'a>>,
}

/// Each published agency that has agencies under it, with the reports of
/// `list` of it and of every agency under it, at any depth (see
/// [`crate::rollup::under`]), when one of them is not its own.
pub(super) fn parent_reports<'a>(index: &Index<'a>, list: &[usize]) -> Vec<(&'a Agency, Vec<usize>)> {
    let all = &index.site.content.agencies;
    let parents: std::collections::HashSet<&str> = all.values().filter_map(|a| a.parent.as_deref()).collect();
    index
        .agencies()
        .filter(|a| parents.contains(a.slug.as_str()))
        .filter_map(|a| {
            let under: std::collections::HashSet<&str> = crate::rollup::under(all, &a.slug).into_iter().collect();
            let mine: Vec<usize> =
                list.iter().copied().filter(|&i| under.contains(index.report(i).agency.as_str())).collect();
            mine.iter().any(|&i| index.report(i).agency != a.slug).then_some((a, mine))
        })
        .collect()
}

/// The 汇总 of each parent agency of the year.
fn parent_totals<'a>(index: &Index<'a>, list: &[usize]) -> Vec<ParentTotals<'a>> {
    parent_reports(index, list)
        .into_iter()
        .map(|(a, mine)| ParentTotals {
            name: &a.name,
            url: urls::agency(&a.slug),
            report_count: mine.len(),
            totals: year_totals(index, &mine, &format!("{}-", a.slug)),
        })
        .collect()
}

/// Renders one year's page.
pub fn render_year(index: &Index<'_>, templates: &Templates, sink: &dyn Sink, year: i32) -> Result<(), BuildError> {
    let path = urls::year(year);
    let list = index.by_year.get(&year).cloned().unwrap_or_default();
    let mut ctx = index.context(&path, format!("{year}年度报告"), "year", Index::site_alternates(&path));
    ctx.insert("year", &year);
    let link = |y: &i32| YearLink { year: *y, url: urls::year(*y) };
    ctx.insert("prev_year", &index.by_year.range(..year).next_back().map(|(y, _)| link(y)));
    ctx.insert("next_year", &index.by_year.range(year + 1..).next().map(|(y, _)| link(y)));
    ctx.insert("figure_labels", &figure_labels(index));
    let reports: Vec<ReportListItem<'_>> = list.iter().filter_map(|&i| report_item(index, i)).collect();
    ctx.insert("reports", &reports);
    ctx.insert("totals", &year_totals(index, &list, ""));
    ctx.insert("parent_totals", &parent_totals(index, &list));
    sink.put(&path, templates.render("year.html", &ctx, &path)?.as_bytes())?;
    Ok(())
}
