//! Each year's page: every agency's key figures and the year's 汇总 tables.

use super::*;

#[derive(Serialize)]
pub(super) struct TotalCtx<'a> {
    pub(super) form: FormRef<'a>,
    pub(super) report_count: usize,
    pub(super) html: String,
}

/// The notes under one summed table: reports whose original lacks it, and
/// cells whose sum is unknown.
fn sum_notes(sum: &crate::rollup::Sum, t: usize) -> String {
    let mut notes = String::new();
    let (counted, all) = (sum.counted[t], sum.reports.len());
    if counted < all {
        notes.push_str(&format!(
            "<p class=\"note\">本表汇总 {counted} 份报告；另有 {} 份报告的原件未刊载本表，未计入。</p>\n",
            all - counted
        ));
    }
    let unknown = sum.unknown_in(t);
    if unknown > 0 {
        notes.push_str(&format!(
            "<p class=\"note\">本表有 {unknown} 个单元格标为“不详”：参与汇总的报告中有金额未写明单位（元或万元），无法相加，该格不作汇总；其他单元格照常汇总。</p>\n"
        ));
    }
    notes
}

/// The 汇总 tables of the reports `list`, one set per form (summed by
/// [`crate::rollup::sum`], the rule `data/totals.csv` and `export xlsx`
/// share); `scope` keeps the tables' ids apart when a page has several sets
/// (`""` for the site's).
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
            for sum in crate::rollup::sum(&reports) {
                for (t, spec) in form.tables.iter().enumerate() {
                    // A table no report's original prints is not shown as zeros.
                    if sum.counted[t] == 0 {
                        continue;
                    }
                    let marks = Marks { unknown: &sum.unknown[t], ..Marks::default() };
                    let id = format!("total-{scope}{}-{}", form.id, spec.key);
                    html.push_str(&table_html_with(spec, &sum.tables[t], &id, marks));
                    html.push_str(&sum_notes(&sum, t));
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
/// [`crate::rollup::Tree::under`]), in the order of `list`, when one of
/// them is not its own. The reports are grouped by agency once: the cost is
/// the sizes of the parents' slices, not parents × agencies.
pub(super) fn parent_reports<'a>(index: &Index<'a>, list: &[usize]) -> Vec<(&'a Agency, Vec<usize>)> {
    // Positions in `list` of each agency's reports.
    let mut by_agency: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (at, &i) in list.iter().enumerate() {
        by_agency.entry(index.report(i).agency.as_str()).or_default().push(at);
    }
    index
        .agencies()
        .filter(|a| index.tree.is_parent(&a.slug))
        .filter_map(|a| {
            let under = index.tree.under(&a.slug);
            let mut mine: Vec<usize> = under.iter().filter_map(|s| by_agency.get(s)).flatten().copied().collect();
            mine.sort_unstable();
            let others = under.iter().skip(1).any(|s| by_agency.contains_key(s));
            others.then(|| (a, mine.into_iter().map(|at| list[at]).collect()))
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
