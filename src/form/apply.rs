//! Which form a report follows, and where a site form applies.
//!
//! A report names its form with `form:`, or follows the form that applies
//! to it: a site form whose `applies_to` names its agency (or an agency it
//! is under) for the report's year, else the national form of the year. A
//! site form never replaces the national form by its years alone: for the
//! years a national form covers, it applies only where `applies_to` or a
//! report's `form:` says. (For a year no national form covers, a site form
//! of that year still applies by its years, as before.) Two site forms that
//! both apply to one report are a [`FormConflict`], named at the report.
//!
//! A site form has its own id: reusing the id of a built-in form (once the
//! way to replace it) is an error at the id, naming the built-in form. A site
//! form that `extends` a national form has every row, column and table the
//! national one lacks marked, for the FMT-EXTRA warning of the reports that
//! fill them in.

use super::{BUILTIN, Form, FormError};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// The `origin` of a built-in form.
const BUILT_IN: &str = "built-in";

/// Where a site form applies without being named by `form:`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppliesTo {
    /// Agencies by slug (their folder names).
    #[serde(default)]
    pub agencies: Vec<String>,
    /// Agencies whose agencies it applies to: every agency whose `parent`
    /// chain (agency.yaml) reaches one of them, not the agency itself.
    #[serde(default)]
    pub under: Vec<String>,
}

impl AppliesTo {
    /// Refuses an `applies_to` that names nobody, a slug that cannot be an
    /// agency folder, or a form without `years` (a province's variant of the
    /// 2021 form must not apply to the same agency's 2020 report).
    pub(super) fn validate(&self, has_years: bool) -> Result<(), String> {
        if self.agencies.is_empty() && self.under.is_empty() {
            return Err(crate::t!("in-form-applies-empty"));
        }
        if !has_years {
            return Err(crate::t!("in-form-applies-years"));
        }
        match self.slugs().find(|s| !crate::layout::is_slug(s)) {
            Some(bad) => Err(crate::t!("in-form-applies-slug", slug = bad)),
            None => Ok(()),
        }
    }

    /// Every slug it names.
    pub fn slugs(&self) -> impl Iterator<Item = &str> {
        self.agencies.iter().chain(&self.under).map(String::as_str)
    }
}

impl Form {
    /// Whether the form is one of the national forms compiled into gongkai.
    pub fn is_builtin(&self) -> bool {
        self.origin == BUILT_IN
    }

    /// Whether the form covers reports of `year`.
    fn covers(&self, year: i32) -> bool {
        self.years.is_some_and(|y| y.contains(year))
    }
}

/// Two site forms that both apply to one report.
#[derive(Debug, Clone)]
pub struct FormConflict {
    /// The report's agency.
    pub agency: String,
    /// The report's year.
    pub year: i32,
    /// The first form (in load order).
    pub first: Arc<Form>,
    /// The second.
    pub second: Arc<Form>,
}

impl FormConflict {
    /// How to settle it.
    pub fn help(&self) -> String {
        crate::t!("in-forms-conflict-help", first = &self.first.id, second = &self.second.id)
    }
}

impl std::fmt::Display for FormConflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::t!(
            "in-forms-conflict",
            agency = &self.agency,
            year = self.year.to_string(),
            first = &self.first.id,
            first_file = &self.first.origin,
            second = &self.second.id,
            second_file = &self.second.origin
        ))
    }
}

impl std::error::Error for FormConflict {}

/// All forms known to a site: the built-in ones and the site's `forms/*.json`.
#[derive(Debug, Clone)]
pub struct Forms {
    /// Site forms first (in the order they were added), then the built-in ones.
    pub list: Vec<Arc<Form>>,
    /// Each agency's parent (slug → parent slug), for `applies_to.under`;
    /// filled by the site loader when a site form has `applies_to`.
    pub parents: BTreeMap<String, String>,
    /// FNV-1a of the site forms' paths and texts, in the order added: with
    /// `parents`, what [`Forms::fingerprint`] says of the site's forms.
    site_sources: u64,
}

impl Forms {
    /// The built-in forms only.
    pub fn builtin() -> Forms {
        let list = BUILTIN
            .iter()
            .map(|(name, json)| {
                // The built-in data is tested; a failure here is a bug in gongkai itself.
                Form::compile(json, Path::new(name)).map(|mut f| {
                    f.origin = BUILT_IN.into();
                    Arc::new(f)
                })
            })
            .collect::<Result<Vec<_>, _>>()
            .unwrap_or_else(|e| panic!("built-in form data is broken: {e}"));
        Forms { list, parents: BTreeMap::new(), site_sources: 0 }
    }

    /// Everything of the forms that the binary does not fix: the site forms
    /// as written and the agencies' parents their `applies_to` reads. Two
    /// sites with the same fingerprint parse every report alike (see
    /// [`crate::memo`]).
    pub fn fingerprint(&self) -> String {
        format!("{:016x} {:?}", self.site_sources, self.parents)
    }

    /// The form with this id.
    pub fn by_id(&self, id: &str) -> Option<&Arc<Form>> {
        self.list.iter().find(|f| f.id == id)
    }

    /// The national form of `year`: the one a report of that year follows
    /// unless it names another or a site form applies to it.
    pub fn for_year(&self, year: i32) -> Option<&Arc<Form>> {
        self.list.iter().find(|f| f.is_builtin() && f.covers(year))
    }

    /// The form a report of `agency` for `year` follows when it names none:
    /// the site form whose `applies_to` claims it, else the national form of
    /// the year, else a site form of that year without `applies_to`. Two
    /// site forms at the same step are a conflict.
    pub fn for_report(&self, agency: &str, year: i32) -> Result<Option<&Arc<Form>>, FormConflict> {
        let site = || self.list.iter().filter(|f| !f.is_builtin() && f.covers(year));
        let claimed = site().filter(|f| f.applies_to.as_ref().is_some_and(|a| self.applies(a, agency)));
        if let Some(f) = self.only(claimed, agency, year)? {
            return Ok(Some(f));
        }
        if let Some(f) = self.for_year(year) {
            return Ok(Some(f));
        }
        self.only(site().filter(|f| f.applies_to.is_none()), agency, year)
    }

    /// The one form of `forms`, none, or the first two as a conflict.
    fn only<'a>(
        &self,
        mut forms: impl Iterator<Item = &'a Arc<Form>>,
        agency: &str,
        year: i32,
    ) -> Result<Option<&'a Arc<Form>>, FormConflict> {
        let Some(first) = forms.next() else { return Ok(None) };
        match forms.next() {
            Some(second) => Err(FormConflict {
                agency: agency.to_owned(),
                year,
                first: Arc::clone(first),
                second: Arc::clone(second),
            }),
            None => Ok(Some(first)),
        }
    }

    /// Whether `applies_to` names `agency` or an agency it is under.
    pub fn applies(&self, applies_to: &AppliesTo, agency: &str) -> bool {
        applies_to.agencies.iter().any(|a| a == agency)
            || self.ancestors(agency).iter().any(|p| applies_to.under.iter().any(|u| u == p))
    }

    /// The agencies above `agency`, nearest first, following `parent`; a
    /// loop in the parents (an error of the agency files) ends the walk.
    pub fn ancestors(&self, agency: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let mut at = agency;
        while let Some(parent) = self.parents.get(at) {
            if parent == agency || out.contains(&parent.as_str()) {
                break;
            }
            out.push(parent);
            at = parent;
        }
        out
    }

    /// Adds a site form read from `path` (its JSON text `json`, for the
    /// positions of errors): refused if it reuses the id of a built-in form
    /// or of another site form, or `extends` a form that is not built in.
    pub fn add_site(&mut self, mut form: Form, path: &Path, json: &str) -> Result<(), FormError> {
        let id = form.id.clone();
        let at = |key: &str, message: String| {
            let (line, column) = locate(json, key);
            FormError::Site { path: path.to_path_buf(), line, column, form: id.clone(), message }
        };
        if let Some(same) = self.by_id(&form.id) {
            return Err(at(
                "id",
                if same.is_builtin() {
                    crate::t!("in-form-builtin-id", id = &form.id, name = &same.name)
                } else {
                    crate::t!("in-form-id-taken", id = &form.id, other = &same.origin)
                },
            ));
        }
        if let Some(base) = &form.extends {
            let national = self.list.iter().find(|f| f.is_builtin() && &f.id == base);
            let Some(national) = national.map(Arc::clone) else {
                let ids: Vec<String> =
                    self.list.iter().filter(|f| f.is_builtin()).map(|f| format!("`{}`", f.id)).collect();
                return Err(at("extends", crate::t!("in-form-extends-unknown", id = base, forms = ids.join("、"))));
            };
            mark_extras(&mut form, &national);
        }
        let mut fnv = crate::model::fnv::Fnv::default();
        for part in [&self.site_sources.to_le_bytes()[..], path.as_os_str().as_encoded_bytes(), b"\0", json.as_bytes()]
        {
            std::hash::Hasher::write(&mut fnv, part);
        }
        self.site_sources = std::hash::Hasher::finish(&fnv);
        let site_forms = self.list.iter().take_while(|f| !f.is_builtin()).count();
        self.list.insert(site_forms, Arc::new(form));
        Ok(())
    }
}

/// Marks what `form` has and `national` lacks: tables of another key, and
/// rows and columns of another id in a table of the same key.
fn mark_extras(form: &mut Form, national: &Form) {
    for t in &mut form.tables {
        t.national = Some(national.id.clone());
        let Some(same) = national.table(&t.key).map(|i| &national.tables[i]) else {
            t.extra = true;
            continue;
        };
        for leaf in &mut t.row_leaves {
            leaf.extra = same.row(&leaf.id).is_none();
        }
        for leaf in &mut t.col_leaves {
            leaf.extra = same.col(&leaf.id).is_none();
        }
    }
}

/// The 1-based line and column of the first `"key":` of a JSON text, or of
/// its start when there is none.
pub fn locate(json: &str, key: &str) -> (usize, usize) {
    let quoted = format!("\"{key}\"");
    let found =
        json.match_indices(&quoted).map(|(i, _)| i).find(|&i| json[i + quoted.len()..].trim_start().starts_with(':'));
    found.map_or((1, 1), |i| line_col(json, i))
}

/// The 1-based line and column (in characters) of byte `offset` of `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    (before.matches('\n').count() + 1, before[line_start..].chars().count() + 1)
}

/// Where the slug `slug` is written inside the `applies_to` of a form's
/// JSON text: (line, column, length), for a finding at it.
pub fn locate_slug(json: &str, slug: &str) -> (usize, usize, usize) {
    let (line, column) = locate(json, "applies_to");
    let start: usize = json.split_inclusive('\n').take(line - 1).map(str::len).sum();
    let quoted = format!("\"{slug}\"");
    match json[start..].find(&quoted) {
        Some(i) => {
            let (line, column) = line_col(json, start + i);
            (line, column, quoted.chars().count())
        }
        None => (line, column, 1),
    }
}
