//! The agency list and each agency's page (its years, chart and contact).

use super::*;

#[derive(Serialize)]
pub(super) struct AgencyListItem<'a> {
    pub(super) slug: &'a str,
    pub(super) name: &'a str,
    pub(super) kind: &'a str,
    pub(super) url: String,
    pub(super) report_count: usize,
    pub(super) latest_year: Option<i32>,
}

pub(super) fn agency_list<'a>(index: &Index<'a>) -> Vec<AgencyListItem<'a>> {
    index
        .agencies()
        .map(|a| {
            let list = index.by_agency.get(a.slug.as_str());
            AgencyListItem {
                slug: &a.slug,
                name: &a.name,
                kind: a.kind.name(),
                url: urls::agency(&a.slug),
                report_count: list.map_or(0, Vec::len),
                latest_year: list.and_then(|l| l.last()).map(|&i| index.report(i).year),
            }
        })
        .collect()
}

#[derive(Serialize)]
pub(super) struct YearListItem {
    pub(super) year: i32,
    pub(super) url: String,
    pub(super) report_count: usize,
}

pub(super) fn year_list(index: &Index<'_>) -> Vec<YearListItem> {
    index
        .by_year
        .iter()
        .rev()
        .map(|(&year, list)| YearListItem { year, url: urls::year(year), report_count: list.len() })
        .collect()
}

#[derive(Serialize)]
pub(super) struct ReportListItem<'a> {
    pub(super) year: i32,
    pub(super) title: String,
    pub(super) url: String,
    published: Option<String>,
    pub(super) figures: Vec<Figure>,
    pub(super) agency: AgencyRef<'a>,
    /// A draft, marked 草稿 in the listing.
    pub(super) draft: bool,
}

pub(super) fn report_item<'a>(index: &Index<'a>, i: usize) -> Option<ReportListItem<'a>> {
    let r = index.report(i);
    let a = index.agency(&r.agency)?;
    Some(ReportListItem {
        year: r.year,
        title: r.display_title(&a.name),
        url: urls::report(&r.agency, r.year),
        published: r.published.map(|d| d.to_string()),
        figures: figures(index, r),
        agency: agency_ref(a),
        draft: r.draft,
    })
}

pub(super) fn figure_labels<'i>(index: &'i Index<'_>) -> Vec<&'i str> {
    index.figure_keys.iter().map(|(_, l)| l.as_str()).collect()
}

#[derive(Serialize)]
pub(super) struct ParentRef<'a> {
    pub(super) name: &'a str,
    pub(super) url: String,
}

/// An agency under another, listed on its parent's page.
#[derive(Serialize)]
pub(super) struct ChildRef<'a> {
    pub(super) name: &'a str,
    pub(super) kind: &'a str,
    pub(super) url: String,
    pub(super) report_count: usize,
}

/// The published agencies whose `parent` is `a`, in slug order.
pub(super) fn children<'a>(index: &Index<'a>, a: &Agency) -> Vec<ChildRef<'a>> {
    index
        .tree
        .children(&a.slug)
        .iter()
        .filter_map(|slug| index.agency(slug))
        .map(|c| ChildRef {
            name: &c.name,
            kind: c.kind.name(),
            url: urls::agency(&c.slug),
            report_count: index.by_agency.get(c.slug.as_str()).map_or(0, Vec::len),
        })
        .collect()
}

/// Renders one agency's page.
pub fn render_agency(index: &Index<'_>, templates: &Templates, sink: &dyn Sink, a: &Agency) -> Result<(), BuildError> {
    let path = urls::agency(&a.slug);
    let list = index.by_agency.get(a.slug.as_str()).cloned().unwrap_or_default();
    let mut ctx = index.context(&path, a.name.clone(), "agency", Index::site_alternates(&path));
    ctx.insert("agency", &AgencyCtx::new(index, a));
    ctx.insert("figure_labels", &figure_labels(index));
    ctx.insert("documents_url", &index.agency_documents(&a.slug));
    ctx.insert("documents_count", &index.documents_by_agency.get(a.slug.as_str()).copied().unwrap_or(0));
    ctx.insert("children", &children(index, a));
    let reports: Vec<ReportListItem<'_>> = list.iter().rev().filter_map(|&i| report_item(index, i)).collect();
    ctx.insert("reports", &reports);
    let rows: Vec<ChartRow> = list
        .iter()
        .map(|&i| {
            let r = index.report(i);
            ChartRow {
                year: r.year,
                received: figure_value(r, "received").unwrap_or(0.0),
                handled: figure_value(r, "handled").unwrap_or(0.0),
            }
        })
        .collect();
    ctx.insert("chart_svg", &chart::bars(&rows, "chart"));
    let table: Vec<ChartTableRow> = rows
        .iter()
        .map(|r| ChartTableRow {
            year: r.year,
            received: chart::fmt_num(r.received),
            handled: chart::fmt_num(r.handled),
        })
        .collect();
    ctx.insert("chart_rows", &table);
    sink.put(&path, templates.render("agency.html", &ctx, &path)?.as_bytes())?;
    Ok(())
}

/// A row of the table beside the chart, figures already formatted.
#[derive(Serialize)]
pub(super) struct ChartTableRow {
    pub(super) year: i32,
    pub(super) received: String,
    pub(super) handled: String,
}

#[derive(Serialize)]
pub(super) struct ContactCtx<'a> {
    pub(super) office: Option<&'a str>,
    pub(super) address: Option<&'a str>,
    pub(super) postcode: Option<&'a str>,
    pub(super) phone: Option<&'a str>,
    pub(super) fax: Option<&'a str>,
    pub(super) email: Option<&'a str>,
}

#[derive(Serialize)]
pub(super) struct AgencyCtx<'a> {
    pub(super) slug: &'a str,
    pub(super) name: &'a str,
    pub(super) kind: &'a str,
    pub(super) url: String,
    pub(super) parent: Option<ParentRef<'a>>,
    pub(super) contact: ContactCtx<'a>,
}

impl<'a> AgencyCtx<'a> {
    pub(super) fn new(index: &Index<'a>, a: &'a Agency) -> AgencyCtx<'a> {
        let c = &a.contact;
        AgencyCtx {
            slug: &a.slug,
            name: &a.name,
            kind: a.kind.name(),
            url: urls::agency(&a.slug),
            parent: a
                .parent
                .as_deref()
                .and_then(|p| index.agency(p))
                .map(|p| ParentRef { name: &p.name, url: urls::agency(&p.slug) }),
            contact: ContactCtx {
                office: c.office.as_deref(),
                address: c.address.as_deref(),
                postcode: c.postcode.as_deref(),
                phone: c.phone.as_deref(),
                fax: c.fax.as_deref(),
                email: c.email.as_deref(),
            },
        }
    }
}
