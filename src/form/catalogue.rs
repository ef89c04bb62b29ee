//! Which columns of a form's tables count documents of the catalogue, and
//! how: data of the form (`"catalogue"` in its JSON), so that the 2019 and
//! 2021 forms, and a site's own, say it without code.

use super::TableSpec;
use serde::Deserialize;

/// How a column counts the documents of a kind for an agency and a year.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum CatalogueCount {
    /// 本年制发 / 本年新制作: 成文日期 (or 发布日期 when there is none) in the year.
    Written,
    /// 本年新公开: 发布日期 in the year.
    Published,
    /// 本年废止: repealed (废止) with its date in the year.
    Repealed,
    /// 现行有效: published by the year's end and not 失效 or 废止 by then.
    InForce,
    /// 对外公开总数量: published by the year's end.
    Cumulative,
}

/// A column of a table whose figures count documents of the catalogue; the
/// rows are the 文种's `counts_as` (`rules`, `normative`).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct CatalogueColumn {
    /// The table's key (`regulations`).
    pub table: String,
    /// The column's id (`issued`).
    pub column: String,
    /// How it counts.
    pub count: CatalogueCount,
}

/// Checks that every column named exists, for [`super::Form::compile`].
pub(super) fn validate(columns: &[CatalogueColumn], tables: &[TableSpec]) -> Result<(), String> {
    for c in columns {
        if !tables.iter().any(|t| t.key == c.table && t.col(&c.column).is_some()) {
            return Err(crate::t!("in-form-catalogue-column", table = &c.table, column = &c.column));
        }
    }
    Ok(())
}
