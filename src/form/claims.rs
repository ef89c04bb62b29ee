//! What a form says about its narrative, as data: the figures the text may
//! state (`text_claims`), and under `text` the topics that tell whose figure
//! a part is (行政复议 or 行政诉讼), the words that summarise outcomes
//! (均获维持), the shares that follow a figure (占33.9%) and the content a
//! report must have (信息处理费, 工作考核…). Every pattern is compiled and
//! every cell resolved once, with the form; the checker
//! ([`crate::check::narrative`]) only interprets this data.

use super::TableSpec;
use super::patterns::{Pattern, PatternProblem};
use crate::model::AgencyKind;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Cells of one table: `row:col` pairs, resolved.
pub type Cells = Vec<(usize, usize)>;

/// Where a figure is in the tables, as written: `row:col + row:col`, or
/// that with the wholes its share may be taken of.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum RawTarget {
    /// Just the cells.
    Cells(String),
    /// The cells and the wholes (`of`) a share of them is taken of.
    Full {
        /// `row:col` cells joined by `+`.
        value: String,
        /// Wholes, each `row:col` cells joined by `+`; the first is named in messages.
        #[serde(default)]
        of: Vec<String>,
    },
}

/// A figure's cells and the wholes of its shares, for one topic or for any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Target {
    /// The topic (index into [`TextRules::topics`]) it is for; `None`: whatever the topic.
    pub topic: Option<usize>,
    /// The cells whose sum is the figure.
    pub cells: Cells,
    /// The wholes a stated share of it may be taken of, first the usual one.
    pub of: Vec<Cells>,
}

/// A figure stated in the narrative that must match the tables.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// What the figure is, for messages (本年新收申请).
    pub name: String,
    /// Text patterns: literal text, `*` a short gap within the sentence, `N` the number.
    pub patterns: Vec<String>,
    /// Table key.
    pub table: String,
    /// `row:col` cells joined by `+` (or give `topics`).
    #[serde(default)]
    pub value: Option<String>,
    /// Wholes a stated share of `value` is taken of (`total:total`).
    #[serde(default)]
    pub of: Vec<String>,
    /// The topic the figure must be spoken of under (`review`), if any.
    #[serde(default)]
    pub topic: Option<String>,
    /// Cells per topic, for a figure whose meaning depends on what the text
    /// speaks of (结果维持 under 行政复议 or under 行政诉讼).
    #[serde(default)]
    pub topics: BTreeMap<String, RawTarget>,
    /// Index of the table, resolved when the form is compiled.
    #[serde(skip)]
    pub table_index: usize,
    /// `value` or `topics`, resolved when the form is compiled.
    #[serde(skip)]
    pub targets: Vec<Target>,
    /// `patterns`, compiled with the form.
    #[serde(skip)]
    pub compiled: Vec<Pattern>,
}

/// A topic the narrative speaks of (行政复议, 行政诉讼 …), recognised by its
/// words; a figure's topic is that of the last topic word before it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Key used by claims and summaries (`review`).
    pub key: String,
    /// How messages name it (行政复议).
    pub label: String,
    /// Words that speak of it; where two end at the same place, the longer wins.
    pub words: Vec<String>,
    /// `words`, as characters.
    #[serde(skip)]
    pub chars: Vec<Vec<char>>,
}

/// Cells that a summary word says are zero, for one topic or for any.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawZero {
    /// The topic, if the cells depend on it.
    #[serde(default)]
    pub topic: Option<String>,
    /// `row:col` cells joined by `+`.
    pub value: String,
}

/// Words that summarise figures (均获维持, 零败诉, 未发生行政复议): the cells
/// they say are zero.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    /// What the words say, for messages (均获维持).
    pub name: String,
    /// Word patterns: literal text and `*` gaps, no `N`.
    pub patterns: Vec<String>,
    /// Table key.
    pub table: String,
    /// The cells that must be zero, per topic.
    pub zero: Vec<RawZero>,
    /// Words that, in the same clause, make the words mean something else
    /// (未发生行政复议被纠错 is not 未发生行政复议).
    #[serde(default)]
    pub unless: Vec<String>,
    /// Index of the table.
    #[serde(skip)]
    pub table_index: usize,
    /// `zero`, resolved.
    #[serde(skip)]
    pub targets: Vec<Target>,
    /// `patterns`, compiled.
    #[serde(skip)]
    pub compiled: Vec<Pattern>,
}

/// Content a report must have, found by its words (条例 第五十条（四）'s
/// 工作考核、社会评议和责任追究结果情况; the 2021 form's 信息处理费).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Required {
    /// Stable code of the finding (`GOV-50-4`).
    pub code: String,
    /// What must be reported, for messages.
    pub name: String,
    /// Why, for messages (the article that asks for it).
    pub basis: String,
    /// Words any of which shows it is reported.
    pub words: Vec<String>,
    /// Words one of which must be in the same sentence as the word for the
    /// content to count as reported (an amount's 元, or 未 for none); empty: none needed.
    #[serde(default)]
    pub answers: Vec<String>,
    /// Agency kinds it applies to (`人民政府`, `乡镇`); empty: every agency.
    #[serde(default)]
    pub kinds: Vec<String>,
    /// What to write, for the advice line (写明收取的金额，或写明未收取).
    #[serde(default)]
    pub hint: Option<String>,
    /// Number (1–6) of the section it belongs in.
    pub section: usize,
    /// `kinds`, parsed.
    #[serde(skip)]
    pub agency_kinds: Vec<AgencyKind>,
}

impl Required {
    /// Whether it applies to an agency of this kind.
    pub fn applies_to(&self, kind: AgencyKind) -> bool {
        self.agency_kinds.is_empty() || self.agency_kinds.contains(&kind)
    }
}

/// The narrative rules of a form besides its claims.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextRules {
    /// Topics that scope claims and summaries.
    #[serde(default)]
    pub topics: Vec<Topic>,
    /// Summary words.
    #[serde(default)]
    pub summaries: Vec<Summary>,
    /// Patterns of a share stated right after a claimed figure (`占*N%`).
    #[serde(default)]
    pub shares: Vec<String>,
    /// Content the narrative must report.
    #[serde(default)]
    pub required: Vec<Required>,
    /// `shares`, compiled.
    #[serde(skip)]
    pub share_patterns: Vec<Pattern>,
}

/// Words for a pattern problem, in the run's language.
fn problem(p: PatternProblem, pattern: &str) -> String {
    match p {
        PatternProblem::Figure => crate::t!("check-text-form-figure", pattern = pattern),
        PatternProblem::Gaps => crate::t!("check-text-form-gaps", pattern = pattern, most = super::patterns::MAX_GAPS),
        PatternProblem::Measure => crate::t!("check-text-form-measure", pattern = pattern),
        PatternProblem::Vague => crate::t!("check-text-form-vague", pattern = pattern),
    }
}

/// Compiles patterns with `compile`, naming the first that fails.
fn compile_all(
    patterns: &[String],
    compile: fn(&str) -> Result<Pattern, PatternProblem>,
) -> Result<Vec<Pattern>, String> {
    patterns.iter().map(|p| compile(p).map_err(|e| problem(e, p))).collect()
}

/// The index of topic `key`.
fn topic_index(topics: &[Topic], key: &str) -> Result<usize, String> {
    topics.iter().position(|t| t.key == key).ok_or_else(|| crate::t!("check-text-form-topic", topic = key))
}

/// The index of the table with key `key`.
fn table_index(tables: &[TableSpec], key: &str) -> Result<usize, String> {
    tables.iter().position(|t| t.key == key).ok_or_else(|| crate::t!("in-form-no-table", table = key))
}

/// Resolves the cells of table `index`.
fn cells(tables: &[TableSpec], index: usize, value: &str) -> Result<Cells, String> {
    super::resolve_cells(&tables[index], value)
}

/// Compiles the claims and the other narrative rules of a form; the error
/// names the claim, summary or rule and what is wrong with it.
pub(super) fn compile_text(claims: &mut [Claim], text: &mut TextRules, tables: &[TableSpec]) -> Result<(), String> {
    for t in &mut text.topics {
        t.chars = t.words.iter().map(|w| w.chars().collect()).collect();
    }
    let topics = &text.topics;
    for c in claims.iter_mut() {
        let wrap = |m: String| crate::t!("in-form-claim", name = &c.name, problem = m);
        c.table_index = table_index(tables, &c.table).map_err(wrap)?;
        c.targets.clear();
        if let Some(v) = &c.value {
            let topic = c.topic.as_deref().map(|k| topic_index(topics, k)).transpose().map_err(wrap)?;
            let of = c.of.iter().map(|o| cells(tables, c.table_index, o)).collect::<Result<_, _>>().map_err(wrap)?;
            c.targets.push(Target { topic, cells: cells(tables, c.table_index, v).map_err(wrap)?, of });
        }
        for (key, raw) in &c.topics {
            let topic = Some(topic_index(topics, key).map_err(wrap)?);
            let (value, of) = match raw {
                RawTarget::Cells(v) => (v, &Vec::new()),
                RawTarget::Full { value, of } => (value, of),
            };
            let of = of.iter().map(|o| cells(tables, c.table_index, o)).collect::<Result<_, _>>().map_err(wrap)?;
            c.targets.push(Target { topic, cells: cells(tables, c.table_index, value).map_err(wrap)?, of });
        }
        if c.targets.is_empty() {
            return Err(wrap(crate::t!("check-text-form-no-value")));
        }
        c.compiled = compile_all(&c.patterns, Pattern::figure).map_err(wrap)?;
    }
    for s in &mut text.summaries {
        let wrap = |m: String| crate::t!("check-text-form-summary", name = &s.name, problem = m);
        s.table_index = table_index(tables, &s.table).map_err(wrap)?;
        s.targets = s
            .zero
            .iter()
            .map(|z| {
                let topic = z.topic.as_deref().map(|k| topic_index(topics, k)).transpose()?;
                Ok(Target { topic, cells: cells(tables, s.table_index, &z.value)?, of: Vec::new() })
            })
            .collect::<Result<_, String>>()
            .map_err(wrap)?;
        s.compiled = compile_all(&s.patterns, Pattern::words).map_err(wrap)?;
    }
    text.share_patterns = compile_all(&text.shares, Pattern::share)?;
    for r in &mut text.required {
        let wrap = |m: String| crate::t!("check-text-form-required", code = &r.code, problem = m);
        if r.section == 0 || r.section > 6 {
            return Err(wrap(crate::t!("check-text-form-section", section = r.section)));
        }
        if r.words.iter().any(String::is_empty) || r.words.is_empty() {
            return Err(wrap(crate::t!("check-text-form-words")));
        }
        r.agency_kinds = r
            .kinds
            .iter()
            .map(|k| AgencyKind::parse(k).ok_or_else(|| crate::t!("check-text-form-kind", kind = k.as_str())))
            .collect::<Result<_, _>>()
            .map_err(wrap)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::Form;
    use std::path::Path;

    /// The 2021 form with `from` replaced by `to`, compiled.
    fn compiled(from: &str, to: &str) -> Result<Form, String> {
        let good = include_str!("../forms/cn-2021.json");
        assert!(good.contains(from), "{from}");
        Form::compile(&good.replacen(from, to, 1), Path::new("f.json")).map_err(|e| e.to_string())
    }

    #[test]
    fn the_builtin_claims_compile_with_their_topics() {
        let form = compiled("\"text_claims\"", "\"text_claims\"").expect("compiles");
        let upheld = form.text_claims.iter().find(|c| c.name == "结果维持").expect("结果维持");
        assert_eq!(upheld.targets.len(), 4, "one per topic");
        assert!(upheld.targets.iter().all(|t| t.topic.is_some() && t.of.len() == 1));
        assert_eq!(form.text.required.len(), 2);
        assert_eq!(form.text.share_patterns.len(), form.text.shares.len());
    }

    #[test]
    fn a_broken_claim_is_refused_with_its_name_and_reason() {
        let err = compiled("\"受理*申请*N件\"", "\"受理*申请*件\"").unwrap_err();
        assert!(err.contains("正文数字 `本年新收申请`") && err.contains("模式“受理*申请*件”要恰好有一个 `N`"), "{err}");
        let err = compiled("\"受理*申请*N件\"", "\"N件\"").unwrap_err();
        assert!(err.contains("文字太少"), "{err}");
        let err = compiled("\"受理*申请*N件\"", "\"受*理*申*请*N件\"").unwrap_err();
        assert!(err.contains("`*` 超过 3 个"), "{err}");
        let err = compiled("\"topics\": {\n    \"review\"", "\"topics\": {\n    \"appeal\"").unwrap_err();
        assert!(err.contains("没有话题 `appeal`"), "{err}");
        let err = compiled("\"kinds\": [\n     \"人民政府\"", "\"kinds\": [\n     \"村\"").unwrap_err();
        assert!(err.contains("正文必备内容 `GOV-50-4`") && err.contains("未知的机构类型 `村`"), "{err}");
        let err = compiled("\"均获维持\",\n     \"均被维持\"", "\"均获N件\",\n     \"均被维持\"").unwrap_err();
        assert!(err.contains("正文概括用语 `均获维持`"), "{err}");
    }
}
