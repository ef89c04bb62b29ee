//! The agency hierarchy (`parent:` in agency.yaml), built once: every
//! agency with the agencies under it as one slice of a preorder walk, so
//! that the year page, `data/totals.csv` and an agency page's 下级机构 cost
//! no search over all agencies per parent.

use crate::model::Agency;
use std::collections::{HashMap, HashSet};

/// The agencies in preorder: each followed by every agency under it.
#[derive(Debug, Default)]
pub struct Tree<'a> {
    /// Slugs in preorder: each root (no `parent:`, or one naming no agency)
    /// followed by the agencies under it, then any agency left in a cycle.
    order: Vec<&'a str>,
    /// Per slug: where it starts in `order` and where the agencies under it end.
    span: HashMap<&'a str, (usize, usize)>,
    /// Per slug, the agencies whose `parent` it is, in the order given.
    kids: HashMap<&'a str, Vec<&'a str>>,
}

impl<'a> Tree<'a> {
    /// Builds the tree of `agencies` (in the order their children should
    /// be listed): one walk from each root, each agency visited once, so a
    /// cycle of `parent:` ends where it returns. Linear in the agencies.
    pub fn new(agencies: impl IntoIterator<Item = &'a Agency>) -> Tree<'a> {
        let all: Vec<&'a Agency> = agencies.into_iter().collect();
        let known: HashSet<&str> = all.iter().map(|a| a.slug.as_str()).collect();
        let mut tree = Tree::default();
        let mut roots = Vec::new();
        for a in &all {
            match a.parent.as_deref().filter(|p| known.contains(p) && *p != a.slug) {
                Some(p) => tree.kids.entry(p).or_default().push(&a.slug),
                None => roots.push(a.slug.as_str()),
            }
        }
        let mut seen: HashSet<&'a str> = HashSet::new();
        for root in roots {
            tree.walk(root, &mut seen);
        }
        // Agencies only in a cycle have no root: each starts a walk of its own.
        for a in &all {
            if !seen.contains(a.slug.as_str()) {
                tree.walk(&a.slug, &mut seen);
            }
        }
        tree
    }

    /// Appends `from` and every agency under it not yet seen to `order`.
    fn walk(&mut self, from: &'a str, seen: &mut HashSet<&'a str>) {
        seen.insert(from);
        self.span.insert(from, (self.order.len(), 0));
        self.order.push(from);
        // (agency, how many of its children were taken)
        let mut stack: Vec<(&'a str, usize)> = vec![(from, 0)];
        while let Some((node, taken)) = stack.last_mut() {
            let next = self.kids.get(*node).and_then(|k| k.get(*taken)).copied();
            *taken += 1;
            match next {
                Some(child) => {
                    if seen.insert(child) {
                        self.span.insert(child, (self.order.len(), 0));
                        self.order.push(child);
                        stack.push((child, 0));
                    }
                }
                None => {
                    let end = self.order.len();
                    if let Some(span) = self.span.get_mut(*node) {
                        span.1 = end;
                    }
                    stack.pop();
                }
            }
        }
    }

    /// `slug` and every agency under it, at any depth, each once (empty
    /// for an unknown slug).
    pub fn under(&self, slug: &str) -> &[&'a str] {
        self.span.get(slug).map_or(&[], |&(start, end)| &self.order[start..end])
    }

    /// The agencies whose `parent` is `slug`.
    pub fn children(&self, slug: &str) -> &[&'a str] {
        self.kids.get(slug).map_or(&[], Vec::as_slice)
    }

    /// Whether an agency has agencies under it.
    pub fn is_parent(&self, slug: &str) -> bool {
        self.kids.contains_key(slug)
    }
}
