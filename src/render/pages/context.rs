//! What every page's template sees: the site, the page, menus, key figures;
//! and the index of reports by agency and year that the lists are built from.

use super::*;

/// The site as every template sees it (`site.title`, `site.identity.icp`…).
#[derive(Serialize)]
pub(super) struct SiteCtx<'a> {
    pub(super) title: &'a str,
    pub(super) description: &'a str,
    pub(super) base_url: &'a str,
    /// `[identity]`: the footer's 主办单位, 网站标识码, 备案号 with their registries' links, logo and credit.
    pub(super) identity: IdentityView<'a>,
}

/// What the templates see as `site.identity`: every field of `[identity]`
/// as written, plus `icp_url` and `police_url`, the registries' public
/// pages (empty when the number is not given), and `logo_href`, the logo's
/// path under the site's root, percent-encoded.
#[derive(Serialize)]
pub(super) struct IdentityView<'a> {
    #[serde(flatten)]
    pub(super) fields: &'a crate::config::Identity,
    pub(super) icp_url: &'static str,
    pub(super) police_url: String,
    pub(super) logo_href: String,
}

impl<'a> IdentityView<'a> {
    /// The view of `identity`.
    pub(super) fn of(identity: &'a crate::config::Identity) -> IdentityView<'a> {
        use crate::config::identity::{ICP_REGISTRY, POLICE_REGISTRY, police_code};
        IdentityView {
            fields: identity,
            icp_url: if identity.icp.is_empty() { "" } else { ICP_REGISTRY },
            police_url: police_code(&identity.police).map(|c| format!("{POLICE_REGISTRY}{c}")).unwrap_or_default(),
            logo_href: urls::encode_path(&identity.logo),
        }
    }
}

/// A link to a plain page.
#[derive(Serialize, Clone)]
pub(super) struct PageLink {
    pub(super) slug: String,
    pub(super) title: String,
    pub(super) url: String,
}

/// `<link rel="alternate">` of a page.
#[derive(Serialize)]
pub(super) struct Alternate {
    pub(super) r#type: &'static str,
    pub(super) href: String,
    pub(super) title: &'static str,
}

/// Page metadata.
#[derive(Serialize)]
pub(super) struct PageCtx {
    pub(super) title: String,
    /// The page's path relative to the site root (compare with menu `url`s).
    pub(super) path: String,
    pub(super) canonical: String,
    pub(super) description: String,
    pub(super) alternates: Vec<Alternate>,
}

/// A label and value (key figures).
#[derive(Serialize, Clone)]
pub(super) struct Figure {
    pub(super) label: String,
    pub(super) value: String,
}

/// A year link.
#[derive(Serialize, Clone)]
pub(super) struct YearLink {
    pub(super) year: i32,
    pub(super) url: String,
}

/// What a build publishes: the reports, sorted by agency then year, and
/// the agencies; each the site's own or the version kept as it was last
/// published ([`crate::publish`] decides). Every page, listing, total, feed
/// and data file is rendered from this one list, so they always agree.
#[derive(Debug, Clone, Default)]
pub struct Published<'a> {
    /// The reports, by agency then year.
    pub reports: Vec<&'a Report>,
    /// The agencies, by slug.
    pub agencies: BTreeMap<&'a str, &'a Agency>,
    /// The documents of the catalogue, by id.
    pub documents: Vec<&'a crate::model::Document>,
}

impl<'a> Published<'a> {
    /// The key figures the reports' forms have, `(key, label)`, each once,
    /// in the order of the first report to have it: the columns of every
    /// listing (agency and year pages) and the figures of a report's page.
    pub fn figure_keys(&self) -> Vec<(String, String)> {
        let mut keys: Vec<(String, String)> = Vec::new();
        for k in self.reports.iter().flat_map(|r| &r.form.key_figures) {
            if !keys.iter().any(|(key, _)| *key == k.key) {
                keys.push((k.key.clone(), k.label.clone()));
            }
        }
        keys
    }

    /// Every report and agency of the site, drafts included.
    pub fn all(site: &'a Site) -> Published<'a> {
        Published {
            reports: site.content.reports.iter().collect(),
            agencies: site.content.agencies.iter().map(|(k, a)| (k.as_str(), a)).collect(),
            documents: site.content.documents.iter().collect(),
        }
    }
}

/// A precomputed view of the site for rendering indexes.
pub struct Index<'a> {
    pub(super) site: &'a Site,
    /// The reports published.
    pub(super) reports: Vec<&'a Report>,
    /// The agencies published.
    pub(super) agencies: BTreeMap<&'a str, &'a Agency>,
    /// The documents of the catalogue published, by id.
    pub(super) documents: Vec<&'a crate::model::Document>,
    /// How many published documents each agency has (the catalogue's listing of its documents exists when it has any).
    pub(super) documents_by_agency: BTreeMap<&'a str, usize>,
    /// Reports (indices into `reports`) by agency, oldest first.
    pub by_agency: BTreeMap<&'a str, Vec<usize>>,
    /// Reports by year, in agency order.
    pub by_year: BTreeMap<i32, Vec<usize>>,
    /// Key figures in use: (key, label), in form order ([`Published::figure_keys`]).
    pub figure_keys: Vec<(String, String)>,
    /// Plain pages for menus.
    pub(super) pages: Vec<PageLink>,
    /// Markdown options.
    pub(super) md: MdOptions,
    /// The agency hierarchy of all the site's agencies, built once.
    pub(super) tree: crate::rollup::Tree<'a>,
}

impl<'a> Index<'a> {
    /// Indexes the reports that `published` holds by agency and year; the
    /// settings and plain pages are the site's.
    pub fn new(site: &'a Site, published: Published<'a>) -> Index<'a> {
        let mut by_agency: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        let mut by_year: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
        let figure_keys = published.figure_keys();
        let Published { reports, agencies, documents } = published;
        for (i, r) in reports.iter().enumerate() {
            by_agency.entry(&r.agency).or_default().push(i);
            by_year.entry(r.year).or_default().push(i);
        }
        let mut documents_by_agency: BTreeMap<&str, usize> = BTreeMap::new();
        for d in &documents {
            *documents_by_agency.entry(d.agency.as_str()).or_default() += 1;
        }
        let pages = site
            .content
            .pages
            .iter()
            .map(|p| PageLink { slug: p.slug.clone(), title: p.title.clone(), url: urls::page(&p.slug) })
            .collect();
        Index {
            site,
            reports,
            agencies,
            documents,
            documents_by_agency,
            by_agency,
            by_year,
            figure_keys,
            pages,
            md: MdOptions { unsafe_html: site.config.unsafe_html, id_prefix: "" },
            tree: crate::rollup::Tree::new(site.content.agencies.values()),
        }
    }

    pub(super) fn agency(&self, slug: &str) -> Option<&'a Agency> {
        self.agencies.get(slug).copied()
    }

    /// The report at index `i` of the published reports.
    pub fn report(&self, i: usize) -> &'a Report {
        self.reports[i]
    }

    /// How many reports are published.
    pub fn report_count(&self) -> usize {
        self.reports.len()
    }

    /// The agencies published, by slug.
    pub fn agencies(&self) -> impl Iterator<Item = &'a Agency> + '_ {
        self.agencies.values().copied()
    }

    /// The documents of the catalogue published, by id.
    pub fn documents(&self) -> &[&'a crate::model::Document] {
        &self.documents
    }

    /// The listing of an agency's documents, when it is published and has any.
    pub(super) fn agency_documents(&self, slug: &str) -> Option<String> {
        (self.agency(slug).is_some() && self.documents_by_agency.get(slug).is_some_and(|&n| n > 0))
            .then(|| urls::Listing::Agency(slug.to_owned()).page(false, 1))
    }

    pub(super) fn agency_name(&self, r: &Report) -> &'a str {
        self.agency(&r.agency).map_or("", |a| a.name.as_str())
    }

    /// The common context of every page.
    pub(super) fn context(&self, path: &str, title: String, nav: &str, alternates: Vec<Alternate>) -> Context {
        let c = &self.site.config;
        let mut ctx = Context::new();
        ctx.insert(
            "site",
            &SiteCtx {
                title: &c.title,
                description: &c.description,
                base_url: &c.base_url,
                identity: IdentityView::of(&c.identity),
            },
        );
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
        // The catalogue's link in the header and footer, only when it has pages.
        ctx.insert("has_documents", &!self.documents.is_empty());
        ctx.insert("generator", concat!("gongkai ", env!("CARGO_PKG_VERSION")));
        ctx
    }

    /// The site-wide data, as alternates of index pages.
    pub(super) fn site_alternates(path: &str) -> Vec<Alternate> {
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
pub(super) fn figure_value(r: &Report, key: &str) -> Option<f64> {
    let k = r.form.key_figures.iter().find(|k| k.key == key)?;
    let data = r.tables.get(k.table_index).filter(|d| d.given)?;
    // A report kept as published shows no figure for a cell the original left blank.
    if r.as_published && k.cells.iter().any(|&(row, col)| data.cell(row, col).source == Source::Blank) {
        return None;
    }
    Some(k.cells.iter().map(|&(row, col)| data.cell(row, col).value.to_f64()).sum())
}

pub(super) fn figures(index: &Index<'_>, r: &Report) -> Vec<Figure> {
    index
        .figure_keys
        .iter()
        .map(|(key, label)| Figure {
            label: label.clone(),
            value: figure_value(r, key).map_or_else(|| "—".into(), chart::fmt_num),
        })
        .collect()
}

#[derive(Serialize)]
pub(super) struct AgencyRef<'a> {
    pub(super) slug: &'a str,
    pub(super) name: &'a str,
    pub(super) kind: &'a str,
    pub(super) url: String,
}

pub(super) fn agency_ref(a: &Agency) -> AgencyRef<'_> {
    AgencyRef { slug: &a.slug, name: &a.name, kind: a.kind.name(), url: urls::agency(&a.slug) }
}

#[derive(Serialize)]
pub(super) struct FormRef<'a> {
    pub(super) id: &'a str,
    pub(super) name: &'a str,
    pub(super) issued_by: &'a str,
}

#[derive(Serialize)]
pub(super) struct DataLinks {
    pub(super) json: &'static str,
    pub(super) csv: &'static str,
}
