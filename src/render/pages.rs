//! Every page of the site: contexts for the templates, rendered and written.
//!
//! Reports are rendered in parallel in chunks, each chunk's share of the
//! site-wide data appended in order, so memory stays flat however many
//! reports a portal holds and two builds write identical bytes.

use super::chart::{self, ChartRow};
use super::data;
use super::feeds;
use super::tables::{esc, table_html};
use super::templates::Templates;
use super::{RenderError, urls};
use crate::form::{CellKind, Form, TableSpec};
use crate::markdown::{self, MdOptions, TocEntry};
use crate::model::{Agency, Cell, CellValue, Decimal, Report, Source, TableData, Unit};
use crate::site::Site;
use crate::write::{Sink, WriteError};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use tera::Context;
use thiserror::Error;

/// Why a build failed after checking.
#[derive(Debug, Error)]
pub enum BuildError {
    /// A template failed.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// The output could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// A report changed between checking and rendering.
    #[error("{0} changed while the site was being built: build again")]
    Changed(std::path::PathBuf),
}

/// Reports rendered together before their data is appended.
const CHUNK: usize = 256;

/// What a build produced.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// HTML pages written.
    pub pages: usize,
    /// Reports published.
    pub reports: usize,
    /// Files whose bytes were the same as in the previous output (kept as they were).
    pub unchanged: usize,
}

/// The site as the templates see it.
#[derive(Serialize)]
struct SiteCtx<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
}

/// A link to a plain page.
#[derive(Serialize, Clone)]
struct PageLink {
    slug: String,
    title: String,
    url: String,
}

/// `<link rel="alternate">` of a page.
#[derive(Serialize)]
struct Alternate {
    r#type: &'static str,
    href: String,
    title: &'static str,
}

/// Page metadata.
#[derive(Serialize)]
struct PageCtx {
    title: String,
    /// The page's path relative to the site root (compare with menu `url`s).
    path: String,
    canonical: String,
    description: String,
    alternates: Vec<Alternate>,
}

/// A label and value (key figures).
#[derive(Serialize, Clone)]
struct Figure {
    label: String,
    value: String,
}

/// A year link.
#[derive(Serialize, Clone)]
struct YearLink {
    year: i32,
    url: String,
}

/// A precomputed view of the site for rendering indexes.
pub struct Index<'a> {
    site: &'a Site,
    /// Reports (indices into `content.reports`) by agency, oldest first.
    pub by_agency: BTreeMap<&'a str, Vec<usize>>,
    /// Reports by year, in agency order.
    pub by_year: BTreeMap<i32, Vec<usize>>,
    /// Key figures in use: (key, label), in form order.
    figure_keys: Vec<(String, String)>,
    /// Plain pages for menus.
    pages: Vec<PageLink>,
    /// Markdown options.
    md: MdOptions,
}

impl<'a> Index<'a> {
    /// Indexes the site's reports by agency and year.
    pub fn new(site: &'a Site) -> Index<'a> {
        let mut by_agency: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        let mut by_year: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
        let mut figure_keys: Vec<(String, String)> = Vec::new();
        for (i, r) in site.content.reports.iter().enumerate() {
            by_agency.entry(&r.agency).or_default().push(i);
            by_year.entry(r.year).or_default().push(i);
            for k in &r.form.key_figures {
                if !figure_keys.iter().any(|(key, _)| *key == k.key) {
                    figure_keys.push((k.key.clone(), k.label.clone()));
                }
            }
        }
        let pages = site
            .content
            .pages
            .iter()
            .map(|p| PageLink { slug: p.slug.clone(), title: p.title.clone(), url: urls::page(&p.slug) })
            .collect();
        Index {
            site,
            by_agency,
            by_year,
            figure_keys,
            pages,
            md: MdOptions { unsafe_html: site.config.unsafe_html, id_prefix: "" },
        }
    }

    fn agency(&self, slug: &str) -> Option<&'a Agency> {
        self.site.content.agencies.get(slug)
    }

    /// The report at index `i` of `content.reports`.
    pub fn report(&self, i: usize) -> &'a Report {
        &self.site.content.reports[i]
    }

    fn agency_name(&self, r: &Report) -> &'a str {
        self.agency(&r.agency).map_or("", |a| a.name.as_str())
    }

    /// The common context of every page.
    fn context(&self, path: &str, title: String, nav: &str, alternates: Vec<Alternate>) -> Context {
        let c = &self.site.config;
        let mut ctx = Context::new();
        ctx.insert("site", &SiteCtx { title: &c.title, description: &c.description, base_url: &c.base_url });
        ctx.insert("root", &urls::root_prefix(path));
        ctx.insert(
            "page",
            &PageCtx {
                title,
                path: path.to_owned(),
                canonical: urls::absolute(&c.base_url, path),
                description: String::new(),
                alternates,
            },
        );
        ctx.insert("pages", &self.pages);
        ctx.insert("nav_section", nav);
        ctx.insert("generator", concat!("gongkai ", env!("CARGO_PKG_VERSION")));
        ctx
    }

    /// The site-wide data, as alternates of index pages.
    fn site_alternates(path: &str) -> Vec<Alternate> {
        let root = urls::root_prefix(path);
        vec![
            Alternate {
                r#type: "application/atom+xml", href: format!("{root}feed.xml"), title: "最新报告（Atom）"
            },
            Alternate {
                r#type: "application/json",
                href: format!("{root}data/reports.json"),
                title: "全部报告数据（JSON）",
            },
            Alternate {
                r#type: "text/csv", href: format!("{root}data/cells.csv"), title: "全部表格数据（CSV）"
            },
        ]
    }
}

/// The value of a key figure of a report, if its form has it.
fn figure_value(r: &Report, key: &str) -> Option<f64> {
    let k = r.form.key_figures.iter().find(|k| k.key == key)?;
    let data = r.tables.get(k.table_index).filter(|d| d.given)?;
    Some(k.cells.iter().map(|&(row, col)| data.cell(row, col).value.to_f64()).sum())
}

fn figures(index: &Index<'_>, r: &Report) -> Vec<Figure> {
    index
        .figure_keys
        .iter()
        .map(|(key, label)| Figure {
            label: label.clone(),
            value: figure_value(r, key).map_or_else(|| "—".into(), chart::fmt_num),
        })
        .collect()
}

/// The narrative with each form table placed under its section.
fn report_body(r: &Report, body: &str, md: MdOptions) -> (String, Vec<TocEntry>) {
    let form = &r.form;
    let rendered = markdown::render(body, md, r.narrative.level);
    // The parts that start with a section heading, in order, are the
    // narrative's section headings: their sections were decided at parsing.
    let mut sections = r.narrative.section_headings().map(|h| h.section);
    let mut html = String::with_capacity(body.len() * 2 + 16_384);
    let mut toc = rendered.toc;
    let mut placed = [false; 6];
    let tables_of = |k: usize, html: &mut String| {
        for (i, spec) in form.tables.iter().enumerate().filter(|(_, t)| t.section == k + 1) {
            html.push_str(&table_html(spec, &r.tables[i], &format!("t-{}", spec.key), &format!("t{}", i + 1)));
        }
    };
    for part in rendered.parts {
        html.push_str(&part.html);
        let section = if part.heading.is_some() { sections.next().flatten() } else { None };
        if let Some(k) = section.filter(|&k| k < placed.len() && !placed[k]) {
            placed[k] = true;
            tables_of(k, &mut html);
        }
    }
    // Tables whose section heading the narrative lacks still appear, under the form's heading.
    for (k, sec) in form.sections.iter().enumerate() {
        if !placed[k] && form.tables.iter().any(|t| t.section == k + 1) {
            let id = format!("section-{}", k + 1);
            html.push_str(&format!("<h2 id=\"{id}\">{}、{}</h2>\n", esc(&sec.numeral), esc(&sec.title)));
            toc.push(TocEntry { level: 2, id, text: format!("{}、{}", sec.numeral, sec.title) });
            tables_of(k, &mut html);
        }
    }
    (html, toc)
}

#[derive(Serialize)]
struct AgencyRef<'a> {
    slug: &'a str,
    name: &'a str,
    kind: &'a str,
    url: String,
}

fn agency_ref(a: &Agency) -> AgencyRef<'_> {
    AgencyRef { slug: &a.slug, name: &a.name, kind: a.kind.name(), url: urls::agency(&a.slug) }
}

#[derive(Serialize)]
struct FormRef<'a> {
    id: &'a str,
    name: &'a str,
    issued_by: &'a str,
}

#[derive(Serialize)]
struct DataLinks {
    json: &'static str,
    csv: &'static str,
}

#[derive(Serialize)]
struct ReportCtx<'a> {
    title: String,
    year: i32,
    published: Option<String>,
    agency: AgencyRef<'a>,
    form: FormRef<'a>,
    toc: Vec<TocEntry>,
    body_html: String,
    figures: Vec<Figure>,
    prev: Option<YearLink>,
    next: Option<YearLink>,
    data: DataLinks,
    /// The year's page, relative to the site root.
    year_url: String,
    /// Whether a table shows totals gongkai computed (for the legend).
    has_computed: bool,
    /// Whether a table shows cells left blank in the original.
    has_blank: bool,
}

/// A report summary in `data/reports.json`.
#[derive(Serialize)]
struct Summary<'a> {
    agency: &'a str,
    agency_name: &'a str,
    agency_kind: &'a str,
    year: i32,
    title: String,
    published: Option<String>,
    form: &'a str,
    url: String,
    json: String,
    csv: String,
    figures: BTreeMap<&'a str, f64>,
}

/// The same agency's previous and next report years.
fn neighbours(index: &Index<'_>, i: usize) -> (Option<i32>, Option<i32>) {
    let r = index.report(i);
    let list = index.by_agency.get(r.agency.as_str()).map_or(&[][..], Vec::as_slice);
    let k = list.iter().position(|&j| j == i).unwrap_or(0);
    (k.checked_sub(1).map(|p| index.report(list[p]).year), list.get(k + 1).map(|&n| index.report(n).year))
}

/// A report's share of the site-wide data: its `data/cells.csv` rows and its
/// `data/reports.json` entry.
pub fn report_data(index: &Index<'_>, i: usize) -> (String, String) {
    let r = index.report(i);
    let Some(agency) = index.agency(&r.agency) else { return (String::new(), String::new()) };
    let record = data::record(r, agency);
    let dir = urls::report_dir(&r.agency, r.year);
    let summary = Summary {
        agency: &agency.slug,
        agency_name: &agency.name,
        agency_kind: agency.kind.name(),
        year: r.year,
        title: r.display_title(&agency.name),
        published: r.published.map(|d| d.to_string()),
        form: &r.form.id,
        url: urls::report(&r.agency, r.year),
        json: format!("{dir}report.json"),
        csv: format!("{dir}report.csv"),
        figures: index.figure_keys.iter().filter_map(|(k, _)| Some((k.as_str(), figure_value(r, k)?))).collect(),
    };
    (data::cells_rows(&record), serde_json::to_string(&summary).unwrap_or_default())
}

/// Renders one report's page and data files.
pub fn render_report(index: &Index<'_>, templates: &Templates, sink: &dyn Sink, i: usize) -> Result<(), BuildError> {
    let r = index.report(i);
    let Some(agency) = index.agency(&r.agency) else { return Ok(()) };
    let (prev, next) = neighbours(index, i);
    let dir = urls::report_dir(&r.agency, r.year);
    let path = urls::report(&r.agency, r.year);
    let record = data::record(r, agency);
    let json = serde_json::to_string(&record).unwrap_or_default();
    sink.put(&format!("{dir}report.json"), json.as_bytes())?;
    let rows = data::csv_rows(&record);
    sink.put(&format!("{dir}report.csv"), format!("\u{feff}{}{rows}", data::CSV_HEADER).as_bytes())?;

    let body = if r.body.is_empty() {
        crate::load::read_body(r).ok_or_else(|| BuildError::Changed(r.file.to_path_buf()))?
    } else {
        r.body.clone()
    };
    let (body_html, toc) = report_body(r, &body, index.md);
    let title = r.display_title(&agency.name);
    let alternates = vec![
        Alternate { r#type: "application/json", href: "report.json".into(), title: "本报告数据（JSON）" },
        Alternate { r#type: "text/csv", href: "report.csv".into(), title: "本报告数据（CSV）" },
    ];
    let mut ctx = index.context(&path, title.clone(), "report", alternates);
    let link = |y: i32| YearLink { year: y, url: urls::report(&r.agency, y) };
    ctx.insert(
        "report",
        &ReportCtx {
            title,
            year: r.year,
            published: r.published.map(|d| d.to_string()),
            agency: agency_ref(agency),
            form: FormRef { id: &r.form.id, name: &r.form.name, issued_by: &r.form.issued_by },
            toc,
            body_html,
            figures: figures(index, r),
            prev: prev.map(link),
            next: next.map(link),
            data: DataLinks { json: "report.json", csv: "report.csv" },
            year_url: urls::year(r.year),
            has_computed: r.tables.iter().any(|t| t.cells.iter().any(|c| c.source == Source::Computed)),
            has_blank: r.tables.iter().any(|t| t.cells.iter().any(|c| c.source == Source::Blank)),
        },
    );
    let html = templates.render("report.html", &ctx, &path)?;
    sink.put(&path, html.as_bytes())?;
    Ok(())
}

/// The reports in build order: by agency, then year.
fn report_order(index: &Index<'_>) -> Vec<usize> {
    index.by_agency.values().flatten().copied().collect()
}

/// Writes `data/labels.csv` for the forms in use.
fn render_labels(index: &Index<'_>, sink: &dyn Sink) -> Result<(), WriteError> {
    let mut labels = format!("\u{feff}{}", data::LABELS_HEADER);
    let mut forms_used: Vec<&str> = Vec::new();
    for r in &index.site.content.reports {
        if !forms_used.contains(&r.form.id.as_str()) {
            forms_used.push(&r.form.id);
            labels.push_str(&data::label_rows(&r.form));
        }
    }
    sink.put("data/labels.csv", labels.as_bytes())
}

/// Writes the site-wide data of all reports, chunk by chunk; with `pages`,
/// renders each report's page and files on the way (a full build).
fn render_reports_and_data(
    index: &Index<'_>,
    templates: &Templates,
    sink: &dyn Sink,
    pages: bool,
) -> Result<usize, BuildError> {
    sink.put("data/cells.csv", format!("\u{feff}{}", data::CELLS_HEADER).as_bytes())?;
    sink.put("data/reports.json", b"[")?;
    render_labels(index, sink)?;
    let order = report_order(index);
    let mut first = true;
    for chunk in order.chunks(CHUNK) {
        let results: Vec<Result<(String, String), BuildError>> = chunk
            .par_iter()
            .map(|&i| {
                if pages {
                    render_report(index, templates, sink, i)?;
                }
                Ok(report_data(index, i))
            })
            .collect();
        let mut csv = String::new();
        let mut json = String::new();
        for res in results {
            let (rows, summary) = res?;
            csv.push_str(&rows);
            if !summary.is_empty() {
                json.push_str(if first { "\n" } else { ",\n" });
                json.push_str(&summary);
                first = false;
            }
        }
        sink.append("data/cells.csv", csv.as_bytes())?;
        sink.append("data/reports.json", json.as_bytes())?;
    }
    sink.append("data/reports.json", b"\n]\n")?;
    Ok(order.len())
}

/// Writes only the site-wide data files (the preview writes them on demand).
pub fn render_site_data(index: &Index<'_>, templates: &Templates, sink: &dyn Sink) -> Result<(), BuildError> {
    render_reports_and_data(index, templates, sink, false).map(|_| ())
}

/// Every HTML page of the site except 404.html, sorted (for the sitemap).
fn html_paths(index: &Index<'_>) -> Vec<String> {
    let mut paths: Vec<String> = vec!["index.html".into(), "agencies/index.html".into(), "years/index.html".into()];
    paths.extend(index.site.content.agencies.keys().map(|s| urls::agency(s)));
    paths.extend(index.by_year.keys().map(|y| urls::year(*y)));
    paths.extend(index.site.content.pages.iter().map(|p| urls::page(&p.slug)));
    paths.extend(index.site.content.reports.iter().map(|r| urls::report(&r.agency, r.year)));
    paths.sort();
    paths
}

/// The pages that list everything: home, agencies, years; and the feeds.
pub fn render_indexes(index: &Index<'_>, templates: &Templates, sink: &dyn Sink) -> Result<(), BuildError> {
    let path = "agencies/index.html";
    let mut ctx = index.context(path, "机构列表".into(), "agencies", Index::site_alternates(path));
    ctx.insert("agencies", &agency_list(index));
    sink.put(path, templates.render("agencies.html", &ctx, path)?.as_bytes())?;
    let path = "years/index.html";
    let mut ctx = index.context(path, "年度列表".into(), "years", Index::site_alternates(path));
    ctx.insert("years", &year_list(index));
    sink.put(path, templates.render("years.html", &ctx, path)?.as_bytes())?;
    render_home(index, templates, sink)?;
    render_feeds(index, sink, &html_paths(index))?;
    Ok(())
}

/// Renders and writes the whole site.
pub fn render_site(site: &Site, templates: &Templates, sink: &dyn Sink) -> Result<Stats, BuildError> {
    let index = Index::new(site);
    for s in &templates.statics {
        sink.put(&s.path, &s.bytes)?;
    }
    let reports = render_reports_and_data(&index, templates, sink, true)?;
    let agencies: Vec<&Agency> = site.content.agencies.values().collect();
    agencies.par_iter().map(|a| render_agency(&index, templates, sink, a)).collect::<Result<Vec<()>, BuildError>>()?;
    let years: Vec<i32> = index.by_year.keys().copied().collect();
    years.par_iter().map(|&y| render_year(&index, templates, sink, y)).collect::<Result<Vec<()>, BuildError>>()?;
    render_pages(&index, templates, sink)?;
    render_indexes(&index, templates, sink)?;
    render_not_found(&index, templates, sink)?;
    Ok(Stats { pages: html_paths(&index).len() + 1, reports, unchanged: 0 })
}

#[derive(Serialize)]
struct AgencyListItem<'a> {
    slug: &'a str,
    name: &'a str,
    kind: &'a str,
    url: String,
    report_count: usize,
    latest_year: Option<i32>,
}

fn agency_list<'a>(index: &Index<'a>) -> Vec<AgencyListItem<'a>> {
    index
        .site
        .content
        .agencies
        .values()
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
struct YearListItem {
    year: i32,
    url: String,
    report_count: usize,
}

fn year_list(index: &Index<'_>) -> Vec<YearListItem> {
    index
        .by_year
        .iter()
        .rev()
        .map(|(&year, list)| YearListItem { year, url: urls::year(year), report_count: list.len() })
        .collect()
}

#[derive(Serialize)]
struct ReportListItem<'a> {
    year: i32,
    title: String,
    url: String,
    published: Option<String>,
    figures: Vec<Figure>,
    agency: AgencyRef<'a>,
}

fn report_item<'a>(index: &Index<'a>, i: usize) -> Option<ReportListItem<'a>> {
    let r = index.report(i);
    let a = index.agency(&r.agency)?;
    Some(ReportListItem {
        year: r.year,
        title: r.display_title(&a.name),
        url: urls::report(&r.agency, r.year),
        published: r.published.map(|d| d.to_string()),
        figures: figures(index, r),
        agency: agency_ref(a),
    })
}

fn figure_labels<'i>(index: &'i Index<'_>) -> Vec<&'i str> {
    index.figure_keys.iter().map(|(_, l)| l.as_str()).collect()
}

#[derive(Serialize)]
struct ParentRef<'a> {
    name: &'a str,
    url: String,
}

/// Renders one agency's page.
pub fn render_agency(index: &Index<'_>, templates: &Templates, sink: &dyn Sink, a: &Agency) -> Result<(), BuildError> {
    let path = urls::agency(&a.slug);
    let list = index.by_agency.get(a.slug.as_str()).cloned().unwrap_or_default();
    let mut ctx = index.context(&path, a.name.clone(), "agency", Index::site_alternates(&path));
    ctx.insert("agency", &AgencyCtx::new(index, a));
    ctx.insert("figure_labels", &figure_labels(index));
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
struct ChartTableRow {
    year: i32,
    received: String,
    handled: String,
}

#[derive(Serialize)]
struct ContactCtx<'a> {
    office: Option<&'a str>,
    address: Option<&'a str>,
    postcode: Option<&'a str>,
    phone: Option<&'a str>,
    fax: Option<&'a str>,
    email: Option<&'a str>,
}

#[derive(Serialize)]
struct AgencyCtx<'a> {
    slug: &'a str,
    name: &'a str,
    kind: &'a str,
    url: String,
    parent: Option<ParentRef<'a>>,
    contact: ContactCtx<'a>,
}

impl<'a> AgencyCtx<'a> {
    fn new(index: &Index<'a>, a: &'a Agency) -> AgencyCtx<'a> {
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

#[derive(Serialize)]
struct TotalCtx<'a> {
    form: FormRef<'a>,
    report_count: usize,
    html: String,
}

/// Sums one table over several reports: counts, deltas and decimals add up;
/// amounts with units are summed in 元; a table with unit-less amounts is left
/// out. Every addition is checked: a sum that would not fit leaves the table
/// out rather than print a wrapped or clamped figure (with the bounds of
/// [`crate::parse::MAX_COUNT`] it cannot happen below 900 million reports).
fn sum_table(spec: &TableSpec, datas: &[&TableData]) -> Option<TableData> {
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

fn year_totals<'a>(index: &Index<'a>, list: &[usize]) -> Vec<TotalCtx<'a>> {
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
                        &format!("total-{}-{}", form.id, spec.key),
                        &format!("s{}-{}", form.id, t + 1),
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
    ctx.insert("totals", &year_totals(index, &list));
    sink.put(&path, templates.render("year.html", &ctx, &path)?.as_bytes())?;
    Ok(())
}

fn render_pages(index: &Index<'_>, templates: &Templates, sink: &dyn Sink) -> Result<(), BuildError> {
    for p in &index.site.content.pages {
        let path = urls::page(&p.slug);
        let (html, toc) = markdown::render_html(&p.body, index.md);
        let mut ctx = index.context(&path, p.title.clone(), "page", Vec::new());
        ctx.insert("content_html", &html);
        ctx.insert("toc", &toc);
        sink.put(&path, templates.render("page.html", &ctx, &path)?.as_bytes())?;
    }
    Ok(())
}

#[derive(Serialize)]
struct LatestItem<'a> {
    title: String,
    url: String,
    agency_name: &'a str,
    year: i32,
    published: Option<String>,
}

/// Reports newest first: by publication date, else by year.
fn newest(index: &Index<'_>) -> Vec<usize> {
    let key = |i: usize| {
        let r = index.report(i);
        (
            r.published.map_or((r.year + 1, 0, 0), |d| (d.year, d.month, d.day)),
            r.year,
            std::cmp::Reverse(r.agency.as_str()),
        )
    };
    let mut all: Vec<usize> = (0..index.site.content.reports.len()).collect();
    all.sort_unstable_by(|&a, &b| key(b).cmp(&key(a)).then(a.cmp(&b)));
    all
}

fn render_home(index: &Index<'_>, templates: &Templates, sink: &dyn Sink) -> Result<(), BuildError> {
    let path = "index.html";
    let mut ctx = index.context(path, index.site.config.title.clone(), "home", Index::site_alternates(path));
    let latest: Vec<LatestItem<'_>> = newest(index)
        .into_iter()
        .take(20)
        .map(|i| {
            let r = index.report(i);
            let name = index.agency_name(r);
            LatestItem {
                title: r.display_title(name),
                url: urls::report(&r.agency, r.year),
                agency_name: name,
                year: r.year,
                published: r.published.map(|d| d.to_string()),
            }
        })
        .collect();
    ctx.insert("latest", &latest);
    ctx.insert("agencies", &agency_list(index));
    ctx.insert("years", &year_list(index));
    sink.put(path, templates.render("index.html", &ctx, path)?.as_bytes())?;
    Ok(())
}

/// The 404 page is served at any depth, so its links are absolute paths from `base_url`.
fn render_not_found(index: &Index<'_>, templates: &Templates, sink: &dyn Sink) -> Result<(), BuildError> {
    let path = "404.html";
    let mut ctx = index.context(path, "页面未找到".into(), "404", Vec::new());
    ctx.insert("root", &urls::base_path(&index.site.config.base_url));
    sink.put(path, templates.render("404.html", &ctx, path)?.as_bytes())?;
    Ok(())
}

/// Entries in the feed.
const FEED_ENTRIES: usize = 100;

fn render_feeds(index: &Index<'_>, sink: &dyn Sink, html_paths: &[String]) -> Result<(), WriteError> {
    let c = &index.site.config;
    let entries: Vec<feeds::Entry> = newest(index)
        .into_iter()
        .take(FEED_ENTRIES)
        .map(|i| {
            let r = index.report(i);
            let name = index.agency_name(r);
            // Atom requires a date: a report without `published` is dated at the end of its year.
            let date = r.published.map_or_else(|| format!("{}-12-31", r.year), |d| d.to_string());
            feeds::Entry {
                title: r.display_title(name),
                path: urls::report(&r.agency, r.year),
                date,
                author: name.to_owned(),
            }
        })
        .collect();
    sink.put("feed.xml", feeds::atom(&c.title, &c.base_url, &entries).as_bytes())?;
    for (name, xml) in feeds::sitemaps(&c.base_url, html_paths) {
        sink.put(&name, xml.as_bytes())?;
    }
    sink.put("robots.txt", feeds::robots(&c.base_url).as_bytes())
}
