//! A report's page, its data files, and its share of the site-wide data.

use super::*;

/// The narrative with each form table placed under its section.
pub(super) fn report_body(r: &Report, body: &str, md: MdOptions) -> (String, Vec<TocEntry>) {
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
            let marks = Marks {
                as_published: r.as_published,
                notices: r.notices.iter().filter(|n| n.table == spec.key).count(),
                ..Marks::default()
            };
            html.push_str(&table_html_with(spec, &r.tables[i], &format!("t-{}", spec.key), marks));
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
pub(super) struct ReportCtx<'a> {
    pub(super) title: String,
    pub(super) year: i32,
    published: Option<String>,
    pub(super) agency: AgencyRef<'a>,
    pub(super) form: FormRef<'a>,
    pub(super) toc: Vec<TocEntry>,
    pub(super) body_html: String,
    pub(super) figures: Vec<Figure>,
    pub(super) prev: Option<YearLink>,
    pub(super) next: Option<YearLink>,
    pub(super) data: DataLinks,
    /// The year's page, relative to the site root.
    pub(super) year_url: String,
    /// Whether a table shows totals gongkai computed (for the legend).
    pub(super) has_computed: bool,
    /// Whether a table shows cells left blank in the original.
    pub(super) has_blank: bool,
    /// Whether the report is kept as published (按原文收录): its blank
    /// cells are shown empty, and `notices` are its 数据核对提示.
    pub(super) as_published: bool,
    /// The form's rules that do not hold in a report kept as published,
    /// in Chinese, for the 数据核对提示 box.
    pub(super) notices: &'a [crate::model::Notice],
    /// A draft (published by `build --drafts` and the preview): the page says so.
    pub(super) draft: bool,
}

/// A report summary in `data/reports.json`.
#[derive(Serialize)]
pub(super) struct Summary<'a> {
    pub(super) agency: &'a str,
    pub(super) agency_name: &'a str,
    pub(super) agency_kind: &'a str,
    pub(super) year: i32,
    pub(super) title: String,
    published: Option<String>,
    pub(super) form: &'a str,
    pub(super) url: String,
    pub(super) json: String,
    pub(super) csv: String,
    pub(super) figures: BTreeMap<&'a str, f64>,
    /// `true` for a draft (only in a build with `--drafts`); absent otherwise.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub(super) draft: bool,
}

/// The same agency's previous and next report years.
pub(super) fn neighbours(index: &Index<'_>, i: usize) -> (Option<i32>, Option<i32>) {
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
    site_share(index, r, agency, &data::record(r, agency))
}

/// The site-wide data of a report from its one open-data record.
fn site_share(index: &Index<'_>, r: &Report, agency: &Agency, record: &data::ReportRecord<'_>) -> (String, String) {
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
        draft: r.draft,
    };
    (data::cells_rows(record), serde_json::to_string(&summary).unwrap_or_default())
}

/// Renders one report's page and data files, and returns its share of the
/// site-wide data: the one open-data record of the report feeds
/// `report.json`, `report.csv`, `data/cells.csv` and `data/reports.json`.
pub fn render_report(
    index: &Index<'_>,
    templates: &Templates,
    sink: &dyn Sink,
    i: usize,
) -> Result<(String, String), BuildError> {
    render_report_keeping_body(index, templates, sink, i).map(|(share, _)| share)
}

/// The narrative of `r` as the loader kept it (see [`crate::texts`]); a
/// text no longer the one checked is refused, never rendered.
pub(super) fn narrative(index: &Index<'_>, r: &Report) -> Result<String, BuildError> {
    index.site.texts.body(r).ok_or_else(|| BuildError::Changed(r.file.to_path_buf()))
}

/// [`render_report`], also returning the narrative it read for the page
/// (empty for a report whose agency is not published), so the search index
/// takes it from there instead of reading the file once more.
pub(super) fn render_report_keeping_body(
    index: &Index<'_>,
    templates: &Templates,
    sink: &dyn Sink,
    i: usize,
) -> Result<((String, String), String), BuildError> {
    let r = index.report(i);
    let Some(agency) = index.agency(&r.agency) else { return Ok(((String::new(), String::new()), String::new())) };
    let (prev, next) = neighbours(index, i);
    let dir = urls::report_dir(&r.agency, r.year);
    let path = urls::report(&r.agency, r.year);
    let record = data::record(r, agency);
    sink.put(&format!("{dir}report.json"), data::report_json(&record).as_bytes())?;
    sink.put(&format!("{dir}report.csv"), data::report_csv(&record).as_bytes())?;

    let body = narrative(index, r)?;
    let (body_html, toc) = report_body(r, &body, index.md);
    let title = r.display_title(&agency.name);
    let alternates = vec![
        Alternate { r#type: "application/json", href: "report.json".into(), title: "本报告数据（JSON）" },
        Alternate { r#type: "text/csv", href: "report.csv".into(), title: "本报告数据（CSV）" },
    ];
    // A draft says so in the window's title too, before anything else.
    let page_title = if r.draft { format!("【草稿】{title}") } else { title.clone() };
    let mut ctx = index.context(&path, page_title, "report", alternates);
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
            as_published: r.as_published,
            notices: &r.notices,
            draft: r.draft,
        },
    );
    // What `attachments.html` lists; the files go beside the page.
    ctx.insert("attachments", &super::super::attachments::views(&r.attachments));
    ctx.insert("documents_url", &index.agency_documents(&r.agency));
    let html = templates.render("report.html", &ctx, &path)?;
    sink.put(&path, html.as_bytes())?;
    super::super::attachments::copy(&dir, &r.attachments, sink)?;
    Ok((site_share(index, r, agency, &record), body))
}
