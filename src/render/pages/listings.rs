//! The catalogue's listings: every document, and by 主题分类, 发布机构, year
//! of 发布日期 and 第二十条 item; each newest first, paginated, and each in a
//! second "only in force" variant (`…/valid/`) so that 失效 and 废止
//! documents are filtered out without JavaScript. And the overview that
//! links every listing with its counts.

use super::catalogue::{Catalogue, item_label};
use super::documents::{DocEntry, ListingLink, doc_entry};
use super::*;
use crate::render::urls::Listing;

/// Documents on one listing page. Twenty is what portals' catalogues show
/// per page: a page stays short for a screen reader and a phone (a few
/// screens at 390 px, about 20 KB of HTML), and 10,000 documents still
/// make only 500 pages per listing, reached through the numbered links.
pub const PAGE_SIZE: usize = 20;

/// How many page numbers the pagination shows on each side of the current page.
const PAGE_WINDOW: usize = 2;

/// The number of pages a listing of `n` documents takes (an empty listing still has its first page).
pub(super) fn page_count(n: usize) -> usize {
    n.div_ceil(PAGE_SIZE).max(1)
}

/// A listing's documents in force, in the same order.
fn in_force(cat: &Catalogue<'_>, list: &[usize]) -> Vec<usize> {
    list.iter().copied().filter(|&i| cat.docs[i].validity.in_force()).collect()
}

/// Every listing page of the catalogue: both variants of each listing, every page.
pub(super) fn listing_paths(cat: &Catalogue<'_>) -> Vec<String> {
    let mut paths = Vec::new();
    if cat.docs.is_empty() {
        return paths;
    }
    for (listing, list) in &cat.listings {
        for (valid, n) in [(false, list.len()), (true, in_force(cat, list).len())] {
            paths.extend((1..=page_count(n)).map(|p| listing.page(valid, p)));
        }
    }
    paths.push(urls::documents_overview());
    paths
}

/// How a listing is named: its label in the overview and its page titles.
pub(super) fn listing_label(index: &Index<'_>, cat: &Catalogue<'_>, listing: &Listing) -> String {
    match listing {
        Listing::All => "全部文件".to_owned(),
        Listing::Topic(n) => {
            cat.vocabulary.topics.get(n.saturating_sub(1)).cloned().unwrap_or_else(|| format!("主题分类 {n:02}"))
        }
        Listing::Agency(slug) => index.agency(slug).map_or_else(|| slug.clone(), |a| a.name.clone()),
        Listing::Year(y) => format!("{y}年"),
        Listing::Item(n) => format!("第二十条{}", item_label(*n)),
    }
}

/// What a listing's heading says it holds.
fn listing_heading(index: &Index<'_>, cat: &Catalogue<'_>, listing: &Listing) -> String {
    let label = listing_label(index, cat, listing);
    match listing {
        Listing::All => "政府信息公开目录".to_owned(),
        Listing::Topic(_) => format!("主题分类：{label}"),
        Listing::Agency(_) => format!("发布机构：{label}"),
        Listing::Year(_) => format!("{label}发布的文件"),
        Listing::Item(_) => format!("《政府信息公开条例》{label}"),
    }
}

/// A link of the pagination: a page number, or a gap (`…`) when `url` is `None`.
#[derive(Serialize)]
pub(super) struct PageNumber {
    pub(super) number: usize,
    pub(super) url: Option<String>,
    pub(super) current: bool,
}

/// The pagination of a listing page.
#[derive(Serialize)]
pub(super) struct Pagination {
    pub(super) current: usize,
    pub(super) total: usize,
    pub(super) prev: Option<String>,
    pub(super) next: Option<String>,
    pub(super) numbers: Vec<PageNumber>,
}

/// The first and last page, and [`PAGE_WINDOW`] pages around the current
/// one, with a gap where numbers are left out: a constant number of links
/// however long the listing.
pub(super) fn pagination(listing: &Listing, valid: bool, current: usize, total: usize) -> Pagination {
    let url = |p: usize| listing.page(valid, p);
    let lo = current.saturating_sub(PAGE_WINDOW).max(1);
    let hi = (current + PAGE_WINDOW).min(total);
    let mut shown: Vec<usize> = vec![1];
    shown.extend(lo..=hi);
    shown.push(total);
    shown.sort_unstable();
    shown.dedup();
    let mut numbers = Vec::with_capacity(shown.len() * 2);
    let mut last = 0;
    for p in shown {
        if p > last + 1 {
            numbers.push(PageNumber { number: 0, url: None, current: false });
        }
        numbers.push(PageNumber { number: p, url: Some(url(p)), current: p == current });
        last = p;
    }
    Pagination {
        current,
        total,
        prev: (current > 1).then(|| url(current - 1)),
        next: (current < total).then(|| url(current + 1)),
        numbers,
    }
}

#[derive(Serialize)]
struct ListingCtx {
    heading: String,
    /// The text of a 第二十条 item, under the heading of its listing.
    lead: Option<String>,
    /// Whether only documents in force are listed.
    valid_only: bool,
    /// How many documents the listing holds (in this variant).
    total: usize,
    /// The first page of the listing with every document, and of the one with those in force.
    all_url: String,
    valid_url: String,
    /// Whether this is the catalogue's own listing (its breadcrumb ends at the catalogue).
    is_all: bool,
    first: usize,
    last: usize,
}

/// One page of a listing.
struct ListingPage<'l> {
    listing: &'l Listing,
    valid: bool,
    page: usize,
    list: &'l [usize],
}

fn render_listing_page(
    index: &Index<'_>,
    cat: &Catalogue<'_>,
    templates: &Templates,
    sink: &dyn Sink,
    lp: &ListingPage<'_>,
) -> Result<(), BuildError> {
    let path = lp.listing.page(lp.valid, lp.page);
    let total = page_count(lp.list.len());
    let start = (lp.page - 1) * PAGE_SIZE;
    let shown = &lp.list[start.min(lp.list.len())..(start + PAGE_SIZE).min(lp.list.len())];
    let heading = listing_heading(index, cat, lp.listing);
    let mut title = heading.clone();
    if lp.valid {
        title.push_str("（现行有效）");
    }
    if lp.page > 1 {
        title.push_str(&format!("（第{}页）", lp.page));
    }
    let mut ctx = index.context(&path, title, "documents", Vec::new());
    let entries: Vec<DocEntry<'_>> = shown.iter().map(|&i| doc_entry(index, cat.docs[i])).collect();
    ctx.insert("entries", &entries);
    ctx.insert(
        "listing",
        &ListingCtx {
            heading,
            lead: match lp.listing {
                Listing::Item(n) => cat.vocabulary.item(*n).map(str::to_owned),
                _ => None,
            },
            valid_only: lp.valid,
            total: lp.list.len(),
            all_url: lp.listing.page(false, 1),
            valid_url: lp.listing.page(true, 1),
            is_all: *lp.listing == Listing::All,
            first: start + 1,
            last: start + shown.len(),
        },
    );
    ctx.insert("pagination", &pagination(lp.listing, lp.valid, lp.page, total));
    ctx.insert("overview_url", &urls::documents_overview());
    sink.put(&path, templates.render("documents.html", &ctx, &path)?.as_bytes())?;
    Ok(())
}

/// Renders every page of every listing, both variants, in parallel; each
/// page renders only its own entries.
pub(super) fn render_listings(
    index: &Index<'_>,
    cat: &Catalogue<'_>,
    templates: &Templates,
    sink: &dyn Sink,
) -> Result<(), BuildError> {
    let valid: Vec<Vec<usize>> = cat.listings.iter().map(|(_, list)| in_force(cat, list)).collect();
    let mut pages = Vec::new();
    for ((listing, list), valid_list) in cat.listings.iter().zip(&valid) {
        for (v, l) in [(false, list.as_slice()), (true, valid_list.as_slice())] {
            pages.extend((1..=page_count(l.len())).map(|page| ListingPage { listing, valid: v, page, list: l }));
        }
    }
    pages.par_iter().try_for_each(|lp| render_listing_page(index, cat, templates, sink, lp))?;
    render_overview(index, cat, templates, sink, &valid)
}

/// A listing in the overview.
#[derive(Serialize)]
struct OverviewItem {
    link: ListingLink,
    count: usize,
    valid_count: usize,
    valid_url: String,
}

/// A group of listings in the overview (by 主题分类, …).
#[derive(Serialize)]
struct OverviewGroup {
    id: &'static str,
    heading: &'static str,
    items: Vec<OverviewItem>,
}

fn render_overview(
    index: &Index<'_>,
    cat: &Catalogue<'_>,
    templates: &Templates,
    sink: &dyn Sink,
    valid: &[Vec<usize>],
) -> Result<(), BuildError> {
    let path = urls::documents_overview();
    let mut groups = [
        OverviewGroup { id: "gk-all", heading: "全部文件", items: Vec::new() },
        OverviewGroup { id: "gk-topics", heading: "按主题分类", items: Vec::new() },
        OverviewGroup { id: "gk-agencies", heading: "按发布机构", items: Vec::new() },
        OverviewGroup { id: "gk-years", heading: "按发布年度", items: Vec::new() },
        OverviewGroup {
            id: "gk-items", heading: "按《政府信息公开条例》第二十条条目", items: Vec::new()
        },
    ];
    for ((listing, list), valid_list) in cat.listings.iter().zip(valid) {
        let group = match listing {
            Listing::All => 0,
            Listing::Topic(_) => 1,
            Listing::Agency(_) => 2,
            Listing::Year(_) => 3,
            Listing::Item(_) => 4,
        };
        groups[group].items.push(OverviewItem {
            link: ListingLink { label: listing_label(index, cat, listing), url: listing.page(false, 1) },
            count: list.len(),
            valid_count: valid_list.len(),
            valid_url: listing.page(true, 1),
        });
    }
    let groups: Vec<OverviewGroup> = groups.into_iter().filter(|g| !g.items.is_empty()).collect();
    let mut ctx = index.context(&path, "政府信息公开目录分类浏览".into(), "documents", Vec::new());
    ctx.insert("groups", &groups);
    ctx.insert("overview_url", &path);
    sink.put(&path, templates.render("documents_overview.html", &ctx, &path)?.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(p: &Pagination) -> Vec<Option<usize>> {
        p.numbers.iter().map(|n| n.url.as_ref().map(|_| n.number)).collect()
    }

    #[test]
    fn page_counts_at_the_boundaries() {
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(PAGE_SIZE), 1);
        assert_eq!(page_count(PAGE_SIZE + 1), 2);
    }

    #[test]
    fn the_pagination_shows_a_window_and_gaps() {
        let p = pagination(&Listing::All, false, 1, 1);
        assert_eq!(numbers(&p), vec![Some(1)]);
        assert!(p.prev.is_none() && p.next.is_none());
        let p = pagination(&Listing::All, true, 10, 500);
        assert_eq!(numbers(&p), vec![Some(1), None, Some(8), Some(9), Some(10), Some(11), Some(12), None, Some(500)]);
        assert_eq!(p.prev.as_deref(), Some("documents/valid/page/9/index.html"));
        assert_eq!(p.next.as_deref(), Some("documents/valid/page/11/index.html"));
        assert!(p.numbers.iter().filter(|n| n.current).all(|n| n.number == 10));
        let p = pagination(&Listing::Year(2024), false, 2, 3);
        assert_eq!(numbers(&p), vec![Some(1), Some(2), Some(3)]);
        assert_eq!(p.prev.as_deref(), Some("documents/years/2024/index.html"));
    }
}
