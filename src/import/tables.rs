//! Figures into form cells, by labels, not by position.
//!
//! Each source table row is split into its label cells and its value cells
//! (the cells after the last label). The labels, normalised (全角/半角 by
//! NFKC, whitespace and line breaks removed, 序号 such as `一、` `（三）` `1.`
//! dropped, a parenthetical note optional), are matched against the leaf rows
//! of the form's header trees: the leaf label must end the row's label, and
//! ancestors the row also names (`三、本年度办理结果`, `（三）不予公开`) break
//! ties. The patterns come from the form data, so a site's form (a
//! province's variant) is matched the same way. Rows without labels fill the
//! form's one-row tables (表四) by their number of columns.

use super::{Block, Fate, Figure, SrcCell};
use crate::form::{Form, TableSpec};
use crate::t;
use unicode_normalization::UnicodeNormalization;

/// One cell as imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// Printed empty: written `~`, never 0.
    Blank,
    /// A figure, as the front matter spells it.
    Value(String),
}

/// The form's tables as filled from the source: per table, `rows × cols`
/// slots; `None` where the source has no such row.
#[derive(Debug, Clone)]
pub struct Filled {
    /// One entry per form table, in the form's order.
    pub tables: Vec<Vec<Option<Slot>>>,
}

impl Filled {
    /// Whether the source has the table at all.
    pub fn present(&self, t: usize) -> bool {
        self.tables.get(t).is_some_and(|cells| cells.iter().any(Option::is_some))
    }
}

/// The result of placing: the filled tables and which blocks were form tables.
#[derive(Debug, Clone)]
pub struct Placed {
    /// The figures in their cells.
    pub filled: Filled,
    /// Per block: consumed as a form table (not part of the narrative).
    pub form_blocks: Vec<bool>,
}

/// A leaf row's patterns, derived from the form.
struct RowPattern {
    table: usize,
    row: usize,
    leaf: String,
    leaf_np: String,
    ancestors: Vec<String>,
}

/// Drops a leading 序号: `一、` `（三）` `(1)` `1.` `2、` (on NFKC text).
pub fn strip_ordinal(s: &str) -> &str {
    let s = s.trim();
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    if let Some(rest) = s.strip_prefix('(')
        && let Some(end) = rest.find(')')
        && end > 0
        && rest[..end].chars().all(numeral)
        && rest[..end].chars().count() <= 3
    {
        return rest[end + 1..].trim_start();
    }
    let n = s.chars().take_while(|&c| numeral(c)).count();
    if (1..=3).contains(&n) {
        let cut = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
        if let Some(rest) = s[cut..].strip_prefix(['、', '.', ',']) {
            return rest.trim_start();
        }
    }
    s
}

/// A label for matching: NFKC (全角 brackets and digits to 半角), 序号
/// dropped, whitespace and punctuation removed.
pub fn norm(label: &str) -> String {
    let nfkc: String = label.nfkc().collect();
    strip_ordinal(&nfkc)
        .chars()
        .filter(|c| !c.is_whitespace() && !"、,.:;'\"“”‘’·。!?《》〈〉「」".contains(*c))
        .collect()
}

/// A normalised label without its parenthetical notes (`部分公开(区分处理的…)`).
pub fn no_parens(s: &str) -> String {
    let mut depth = 0usize;
    s.chars()
        .filter(|&c| match c {
            '(' => {
                depth += 1;
                false
            }
            ')' => {
                depth = depth.saturating_sub(1);
                false
            }
            _ => depth == 0,
        })
        .collect()
}

/// The patterns of every leaf row of the form's row-headed tables.
fn patterns(form: &Form) -> Vec<RowPattern> {
    let mut out = Vec::new();
    for (t, spec) in form.tables.iter().enumerate().filter(|(_, s)| s.row_headers) {
        for (r, leaf) in spec.row_leaves.iter().enumerate() {
            let l = norm(&leaf.label);
            let ancestors =
                leaf.path[..leaf.path.len().saturating_sub(1)].iter().map(|a| no_parens(&norm(a))).collect();
            out.push(RowPattern { table: t, row: r, leaf_np: no_parens(&l), leaf: l, ancestors });
        }
    }
    out
}

/// Trims a cell for classification (`&nbsp;` and 全角 spaces included).
fn trimmed(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}')
}

/// Whether a cell is printed empty (`—` and `/` count as empty, never as 0).
pub fn is_blank(s: &str) -> bool {
    matches!(trimmed(s), "" | "-" | "—" | "——" | "－" | "/" | "／" | "–")
}

/// The figure a cell holds, spelled as the front matter wants it (半角
/// digits, no thousands separators), or `None` if the cell is not a figure.
pub fn figure(s: &str) -> Option<String> {
    let t: String = trimmed(s).nfkc().filter(|c| !c.is_whitespace()).collect();
    let (num, unit) = match t.strip_suffix("万元") {
        Some(n) => (n, "万元"),
        None => t.strip_suffix('元').map_or((t.as_str(), ""), |n| (n, "元")),
    };
    let sign = if num.starts_with(['+', '-']) { &num[..1] } else { "" };
    let digits = &num[sign.len()..];
    let grouped = digits.contains(',');
    let plain: String = digits.chars().filter(|&c| c != ',').collect();
    let (int, frac) = plain.split_once('.').unwrap_or((&plain, ""));
    let ok = !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
        && (!plain.contains('.') || !frac.is_empty())
        && (!grouped || valid_grouping(digits));
    ok.then(|| format!("{}{plain}{unit}", if sign == "+" { "" } else { sign }))
}

/// Whether thousands separators are where they belong (`1,054,900`).
fn valid_grouping(digits: &str) -> bool {
    let int = digits.split('.').next().unwrap_or("");
    let groups: Vec<&str> = int.split(',').collect();
    groups.first().is_some_and(|g| (1..=3).contains(&g.len())) && groups[1..].iter().all(|g| g.len() == 3)
}

/// A source row split into label parts and value cells.
struct Row {
    labels: Vec<String>,
    values: Vec<String>,
    /// Figures printed among the labels: they belong to no column.
    stray: Vec<String>,
}

/// Splits a row: values are the cells after the last label cell (copies of
/// merged value cells skipped); labels are the text cells before, split on
/// ` / ` (the path separator converters write).
fn split_row(cells: &[SrcCell]) -> Row {
    let is_label = |c: &SrcCell| !is_blank(&c.text) && figure(&c.text).is_none();
    let last = cells.iter().rposition(is_label);
    let (head, tail) = match last {
        Some(i) => cells.split_at(i + 1),
        None => cells.split_at(0),
    };
    let mut labels: Vec<String> = Vec::new();
    for c in head.iter().filter(|c| is_label(c)) {
        for part in c.text.split(" / ") {
            if labels.last().map(String::as_str) != Some(part) {
                labels.push(part.to_owned());
            }
        }
    }
    let values = tail.iter().filter(|c| !c.copy).map(|c| trimmed(&c.text).to_owned()).collect();
    // Figures among the labels, whole cells or words of a label cell (a cell
    // that swallowed its row's figures): never silently part of a label.
    let stray = head
        .iter()
        .filter(|c| !c.copy)
        .flat_map(|c| c.text.split_whitespace())
        .filter(|w| figure(w).is_some())
        .map(str::to_owned)
        .collect();
    Row { labels, values, stray }
}

/// The form row a label belongs to, or why none.
fn match_row<'a>(
    labels: &[String],
    pats: &'a [RowPattern],
    sections: Option<usize>,
    form: &Form,
    prev: Option<usize>,
) -> Result<&'a RowPattern, String> {
    let parts: Vec<String> = labels.iter().map(|l| norm(l)).collect();
    let concat: String = parts.concat();
    let concat_np = no_parens(&concat);
    let shown = labels.join(" / ");
    let in_section = |p: &RowPattern| sections.is_none_or(|s| form.tables[p.table].section == s);
    let mut best: Vec<(&RowPattern, (usize, usize))> = Vec::new();
    for p in pats.iter().filter(|p| in_section(p)) {
        if p.leaf_np.is_empty() || !(concat.ends_with(&p.leaf) || concat_np.ends_with(&p.leaf_np)) {
            continue;
        }
        let score =
            (p.ancestors.iter().filter(|a| !a.is_empty() && concat_np.contains(a.as_str())).count(), p.leaf_np.len());
        match best.first() {
            Some((_, s)) if *s > score => {}
            Some((_, s)) if *s == score => best.push((p, score)),
            _ => best = vec![(p, score)],
        }
    }
    if best.len() > 1
        && let Some(t) = prev
    {
        best.retain(|(p, _)| p.table == t);
    }
    match best.as_slice() {
        [(p, _)] => Ok(p),
        [] => Err(t!("import-no-row", label = &shown)),
        _ => Err(t!("import-ambiguous", label = &shown)),
    }
}

/// Whether a table block names the form's tables (a caption or a column
/// label): then its figures belong in form cells, and unplaced ones fail.
fn mentions_form(rows: &[Vec<SrcCell>], form: &Form) -> bool {
    let labels: Vec<String> = form
        .tables
        .iter()
        .flat_map(|t| std::iter::once(norm(&t.caption)).chain(t.col_leaves.iter().map(|c| norm(&c.label))))
        .filter(|l| l.chars().count() >= 4)
        .collect();
    rows.iter().flatten().any(|c| {
        let n = norm(&c.text);
        labels.iter().any(|l| n == *l || n.ends_with(l.as_str()))
    })
}

/// Places every figure of the source's tables, recording each in `figures`.
/// `sections[i]` is the section (1–6) block `i` lies in, when known.
pub fn place(blocks: &[Block], form: &Form, sections: &[Option<usize>], figures: &mut Vec<Figure>) -> Placed {
    let pats = patterns(form);
    let mut filled =
        Filled { tables: form.tables.iter().map(|t| vec![None; t.row_leaves.len() * t.col_leaves.len()]).collect() };
    let mut form_blocks = vec![false; blocks.len()];
    let mut orders: Vec<Option<Vec<usize>>> = vec![None; form.tables.len()];
    let mut prev = None;
    for (i, block) in blocks.iter().enumerate() {
        let Block::Table(rows) = block else { continue };
        let section = sections.get(i).copied().flatten();
        if section.is_some_and(|s| !form.tables.iter().any(|t| t.section == s)) {
            continue;
        }
        let split: Vec<Row> = rows.iter().map(|r| split_row(r)).collect();
        let matches: Vec<Option<Result<Target, String>>> =
            split.iter().map(|row| target(row, &pats, section, form, &filled, &mut prev)).collect();
        let any = matches.iter().any(|m| matches!(m, Some(Ok(_))));
        if !any && !mentions_form(rows, form) {
            continue;
        }
        form_blocks[i] = true;
        // Header rows since the last figures: they may print the columns in another order.
        let mut headers: Vec<&[SrcCell]> = Vec::new();
        let mut current = None;
        for ((row, m), cells) in split.iter().zip(matches).zip(rows) {
            let context = row.labels.join(" / ");
            for v in &row.stray {
                let fate = Fate::Unplaced(t!("import-among-labels", label = &context));
                figures.push(Figure { text: v.clone(), context: context.clone(), fate, at: i });
            }
            match m {
                None => headers.push(cells),
                Some(Ok(t)) => {
                    if current != Some(t.table) {
                        orders[t.table] = column_order(&form.tables[t.table], &headers).or(orders[t.table].take());
                        current = Some(t.table);
                    }
                    headers.clear();
                    fill(form, &mut filled, (t, orders[t.table].as_deref()), row, &context, i, figures);
                }
                Some(Err(why)) => {
                    for v in row.values.iter().filter(|v| !is_blank(v)) {
                        figures.push(Figure {
                            text: v.clone(),
                            context: context.clone(),
                            fate: Fate::Unplaced(why.clone()),
                            at: i,
                        });
                    }
                }
            }
        }
    }
    Placed { filled, form_blocks }
}

/// The printed order of a table's columns, when one header row names each
/// of them once (`order[i]` is the form column of the i-th printed figure).
/// Multi-level headers (表三's 法人或其他组织 over its five columns) do not
/// give a reliable order from copied text: then the form's order is used.
fn column_order(spec: &TableSpec, headers: &[&[SrcCell]]) -> Option<Vec<usize>> {
    let labels: Vec<String> = spec.col_leaves.iter().map(|c| no_parens(&norm(&c.label))).collect();
    if (0..labels.len()).any(|i| labels[..i].contains(&labels[i])) {
        return None;
    }
    let named = |text: &str| {
        let whole = no_parens(&norm(text));
        let last = text.rsplit('/').next().map(|l| no_parens(&norm(l))).unwrap_or_default();
        labels.iter().position(|l| *l == whole).or_else(|| labels.iter().position(|l| *l == last))
    };
    headers.iter().rev().find_map(|row| {
        let mut found: Vec<usize> = Vec::new();
        for k in row.iter().filter(|c| !c.copy).filter_map(|c| named(&c.text)) {
            if !found.contains(&k) {
                found.push(k);
            }
        }
        (found.len() == labels.len()).then_some(found)
    })
}

/// The form row a source row fills.
#[derive(Debug, Clone, Copy)]
struct Target {
    table: usize,
    row: usize,
}

/// Finds the target of a row with figures (`None` for header rows).
fn target(
    row: &Row,
    pats: &[RowPattern],
    section: Option<usize>,
    form: &Form,
    filled: &Filled,
    prev: &mut Option<usize>,
) -> Option<Result<Target, String>> {
    if row.values.iter().all(|v| is_blank(v)) {
        // A labelled row printed all blank is still the form's row (written `~`);
        // anything else without figures is a header row.
        if row.values.is_empty() || row.labels.is_empty() {
            return None;
        }
        let m = match_row(&row.labels, pats, section, form, *prev).ok()?;
        *prev = Some(m.table);
        return Some(Ok(Target { table: m.table, row: m.row }));
    }
    if row.labels.is_empty() {
        let n = row.values.iter().rposition(|v| !is_blank(v)).map_or(0, |i| i + 1);
        let fits = |(t, s): &(usize, &TableSpec)| {
            !s.row_headers
                && section.is_none_or(|sec| s.section == sec)
                && s.col_leaves.len() >= n
                && s.col_leaves.len() <= row.values.len()
                && !filled.present(*t)
        };
        return Some(
            form.tables
                .iter()
                .enumerate()
                .find(fits)
                .map(|(t, _)| Target { table: t, row: 0 })
                .ok_or_else(|| t!("import-no-row", label = "")),
        );
    }
    let m = match_row(&row.labels, pats, section, form, *prev).map(|p| Target { table: p.table, row: p.row });
    if let Ok(t) = &m {
        *prev = Some(t.table);
    }
    Some(m)
}

/// Puts a matched row's figures in their cells.
fn fill(
    form: &Form,
    filled: &mut Filled,
    (t, order): (Target, Option<&[usize]>),
    row: &Row,
    context: &str,
    at: usize,
    figures: &mut Vec<Figure>,
) {
    let spec = &form.tables[t.table];
    let cols = spec.col_leaves.len();
    let mut values: &[String] = &row.values;
    while values.len() > cols && values.last().is_some_and(|v| is_blank(v)) {
        values = &values[..values.len() - 1];
    }
    let unplaced = |why: String, figures: &mut Vec<Figure>| {
        for v in values.iter().filter(|v| !is_blank(v)) {
            figures.push(Figure {
                text: v.clone(),
                context: context.to_owned(),
                fate: Fate::Unplaced(why.clone()),
                at,
            });
        }
    };
    if values.len() != cols {
        return unplaced(t!("import-wrong-count", label = context, found = values.len(), expected = cols), figures);
    }
    let base = t.row * cols;
    if filled.tables[t.table][base..base + cols].iter().any(Option::is_some) {
        return unplaced(t!("import-twice", place = &spec.row_leaves[t.row].label), figures);
    }
    for (printed, v) in values.iter().enumerate() {
        let c = order.and_then(|o| o.get(printed).copied()).unwrap_or(printed);
        let row_id = format!("{}.{}", spec.key, spec.row_leaves[t.row].id);
        let place = format!("{row_id}.{}", spec.col_leaves[c].id);
        let slot = if is_blank(v) {
            let fate = Fate::Blank(row_id.clone(), spec.col_leaves[c].id.clone());
            figures.push(Figure { text: v.clone(), context: context.to_owned(), fate, at });
            Some(Slot::Blank)
        } else {
            let text = figure(v).unwrap_or_else(|| v.clone());
            let fate = match crate::parse::parse_value(&text, spec.kind(t.row, c)) {
                Ok(_) => Fate::Placed(row_id.clone(), spec.col_leaves[c].id.clone()),
                Err(_) => Fate::Unplaced(t!("import-bad-figure", text = v, place = &place)),
            };
            let ok = matches!(fate, Fate::Placed(..));
            figures.push(Figure { text: v.clone(), context: context.to_owned(), fate, at });
            ok.then_some(Slot::Value(text))
        };
        filled.tables[t.table][base + c] = Some(slot.unwrap_or(Slot::Blank));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_normalise() {
        assert_eq!(norm("（三）不予公开"), "不予公开");
        assert_eq!(norm("三、本年度办理结果"), "本年度办理结果");
        assert_eq!(norm("3.危及“三安全一稳定”"), "危及三安全一稳定");
        assert_eq!(norm("1、申请人无正当理由"), norm("1.申请人无正当理由"));
        assert_eq!(norm("本年新\n制作数量"), "本年新制作数量");
        assert_eq!(no_parens(&norm("（二）部分公开（区分处理的，只计这一情形）")), "部分公开");
    }

    #[test]
    fn figures_among_labels_are_kept_apart() {
        let cell = |t: &str| SrcCell { text: t.into(), copy: false };
        let row = split_row(&[cell("3"), cell("（一）予以公开"), cell("1"), cell("\u{a0}")]);
        assert_eq!(
            (row.labels, row.values, row.stray),
            (vec!["（一）予以公开".into()], vec!["1".into(), "".into()], vec!["3".into()])
        );
        let row = split_row(&[cell("（二）部分公开\t2\t0"), cell("1.属于国家秘密")]);
        assert_eq!(row.stray, ["2", "0"]);
    }

    #[test]
    fn figures_and_blanks() {
        assert_eq!(figure(" 3 ").as_deref(), Some("3"));
        assert_eq!(figure("1,054,900元").as_deref(), Some("1054900元"));
        assert_eq!(figure("３").as_deref(), Some("3"));
        assert_eq!(figure("+2").as_deref(), Some("2"));
        assert_eq!(figure("96171.6").as_deref(), Some("96171.6"));
        assert_eq!(figure("1.属于国家秘密"), None);
        assert_eq!(figure("10,54"), None);
        assert!(is_blank("\u{a0}") && is_blank("—") && !is_blank("0"));
    }
}
