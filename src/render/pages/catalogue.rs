//! The catalogue of documents (政府信息公开目录) as the pages see it: the
//! published documents newest first, who interprets whom, and which
//! documents each listing holds. Built once per build, in one pass over the
//! documents after one sort.

use super::*;
use crate::model::{Document, Vocabulary};
use crate::render::urls::Listing;
use std::collections::HashMap;

/// The published documents, ordered and grouped for the pages.
pub(super) struct Catalogue<'a> {
    /// By 发布日期, newest first (documents without one last), ties by id.
    pub(super) docs: Vec<&'a Document>,
    /// The words of 主题分类, 文种 and 第二十条.
    pub(super) vocabulary: Vocabulary,
    /// Position in `docs` of each id.
    by_id: HashMap<&'a str, usize>,
    /// For each id, the documents (positions in `docs`) that interpret it, newest first.
    interpreted_by: HashMap<&'a str, Vec<usize>>,
    /// Every listing with its documents (positions in `docs`, newest first):
    /// all, then by 主题分类, 发布机构, year (newest first) and 第二十条 item.
    pub(super) listings: Vec<(Listing, Vec<usize>)>,
}

/// The vocabulary documents are read with: the site's (`[documents]` of site.toml over the built-in one).
pub(super) fn vocabulary(index: &Index<'_>) -> Vocabulary {
    index.site.config.documents.vocabulary()
}

/// The order of the listings: newest 发布日期 first, a document without one
/// last, ties by id (so two builds list the same way).
pub(super) fn newest_first(a: &Document, b: &Document) -> std::cmp::Ordering {
    b.published.cmp(&a.published).then_with(|| a.id.cmp(&b.id))
}

impl<'a> Catalogue<'a> {
    /// Orders and groups the documents `index` publishes.
    pub(super) fn new(index: &Index<'a>) -> Catalogue<'a> {
        let vocabulary = vocabulary(index);
        let mut docs: Vec<&'a Document> = index.documents().to_vec();
        docs.sort_unstable_by(|a, b| newest_first(a, b));
        let by_id = docs.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
        let mut interpreted_by: HashMap<&'a str, Vec<usize>> = HashMap::new();
        let mut topics: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        let mut agencies: BTreeMap<&'a str, Vec<usize>> = BTreeMap::new();
        let mut years: BTreeMap<std::cmp::Reverse<i32>, Vec<usize>> = BTreeMap::new();
        let mut items: BTreeMap<u8, Vec<usize>> = BTreeMap::new();
        for (i, d) in docs.iter().enumerate() {
            for target in &d.interprets {
                interpreted_by.entry(target.as_str()).or_default().push(i);
            }
            if let Some(n) = d.topic.as_deref().and_then(|t| vocabulary.topic_number(t)) {
                topics.entry(n).or_default().push(i);
            }
            if index.agency(&d.agency).is_some() {
                agencies.entry(d.agency.as_str()).or_default().push(i);
            }
            if let Some(p) = d.published {
                years.entry(std::cmp::Reverse(p.year)).or_default().push(i);
            }
            if let Some(n) = d.item.filter(|&n| vocabulary.item(n).is_some()) {
                items.entry(n).or_default().push(i);
            }
        }
        let mut listings = vec![(Listing::All, (0..docs.len()).collect())];
        listings.extend(topics.into_iter().map(|(n, l)| (Listing::Topic(n), l)));
        listings.extend(agencies.into_iter().map(|(s, l)| (Listing::Agency(s.to_owned()), l)));
        listings.extend(years.into_iter().map(|(y, l)| (Listing::Year(y.0), l)));
        listings.extend(items.into_iter().map(|(n, l)| (Listing::Item(n), l)));
        Catalogue { docs, vocabulary, by_id, interpreted_by, listings }
    }

    /// The published document `id`, if there is one.
    pub(super) fn get(&self, id: &str) -> Option<&'a Document> {
        self.by_id.get(id).map(|&i| self.docs[i])
    }

    /// The published documents that interpret `id`, newest first.
    pub(super) fn interpretations(&self, id: &str) -> impl Iterator<Item = &'a Document> + '_ {
        self.interpreted_by.get(id).into_iter().flatten().map(|&i| self.docs[i])
    }
}

/// Renders the catalogue: its open data (written even when empty, like the
/// reports'), and when there are documents, every document's page, every
/// listing page and the overview, in parallel.
pub fn render_catalogue(index: &Index<'_>, templates: &Templates, sink: &dyn Sink) -> Result<(), BuildError> {
    let cat = Catalogue::new(index);
    super::documents_data::render_documents_data(index, &cat, sink)?;
    if cat.docs.is_empty() {
        return Ok(());
    }
    super::documents::render_documents(index, &cat, templates, sink)?;
    super::listings::render_listings(index, &cat, templates, sink)
}

/// The pages of the catalogue (documents, listings, overview), for the sitemap.
pub(super) fn catalogue_paths(cat: &Catalogue<'_>) -> Vec<String> {
    let mut paths: Vec<String> = cat.docs.iter().map(|d| urls::document(&d.id)).collect();
    paths.extend(super::listings::listing_paths(cat));
    paths
}

/// The number of a 第二十条 item as the law writes it: 1 → 一, 15 → 十五.
pub(super) fn item_numeral(n: u8) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => DIGITS[usize::from(n)].to_owned(),
        10 => "十".to_owned(),
        11..=19 => format!("十{}", DIGITS[usize::from(n - 10)]),
        _ => n.to_string(),
    }
}

/// The label of a 第二十条 item: `第（三）项`.
pub(super) fn item_label(n: u8) -> String {
    format!("第（{}）项", item_numeral(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_numbers_read_as_the_law_writes_them() {
        assert_eq!(item_label(1), "第（一）项");
        assert_eq!(item_label(10), "第（十）项");
        assert_eq!(item_label(15), "第（十五）项");
    }
}
