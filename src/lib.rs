//! gongkai (公开): a static site generator for the annual reports on
//! government information disclosure (政府信息公开工作年度报告).
//!
//! The pipeline, one module per step:
//!
//! - [`layout`]: where everything is in a site folder, and its naming rules;
//! - [`load`]: find the content files and read them, each once ([`source`]
//!   decodes them, [`texts`] keeps what was read for the steps after checking,
//!   [`memo`] recalls what an unchanged report gave when it was last parsed and checked);
//! - [`parse`]: front matter ([`yaml`]) and narrative into the [`model`] (reports, agencies, pages, documents),
//!   interpreted against a national [`form`], within the [`nesting`] limits;
//! - [`check`]: the form's rules, the narrative and the years, as [`diag`]nostics;
//! - [`render`]: pages ([`markdown`], tera [`theme`]s), open data and feeds,
//!   the catalogue of documents (政府信息公开目录), attachments, `static/`
//!   and the site search index;
//! - [`publish`]: decide which reports are published (a report with an
//!   error is withheld, its last published version kept in its place), render
//!   them into a staging folder and swap it in, for `build` and the preview alike;
//! - [`write`](mod@write): the output folder, swapped in atomically
//!   ([`os`] says the system's refusals in the run's language);
//! - [`site`]: load, parse and check in one call, for every command
//!   (settings from `site.toml` in [`config`]);
//! - [`import`]: published reports (web pages, Word, copied text) back into report files;
//! - [`serve`]: the preview server wrapping it all (watch → rebuild → reload);
//! - [`cmd`]: the subcommands.

pub mod check;
pub mod cmd;
pub mod config;
pub mod diag;
pub mod export;
pub mod form;
pub mod i18n;
pub mod import;
pub mod layout;
pub mod load;
pub mod markdown;
pub mod memo;
pub mod model;
pub mod nesting;
pub mod os;
pub mod parse;
pub mod progress;
pub mod publish;
pub mod render;
pub mod rollup;
pub mod schema;
pub mod serve;
pub mod site;
pub mod source;
pub mod texts;
pub mod theme;
pub mod write;
pub mod yaml;
