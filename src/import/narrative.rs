//! The narrative and the metadata: where the report starts (its title), the
//! six section headings as printed, sub-heads (`（一）主动公开情况。`) in bold
//! as the example reports write them, lists, small tables as Markdown
//! tables; the title, year, publication date, agency name and contact when
//! the source states them. Nothing is invented: what is not found is left out.

use super::{Block, Fate, Figure};
use crate::form::Form;
use crate::model::Date;

/// A section heading is a short line; longer text is a paragraph.
const HEADING_MAX: usize = 40;
/// Lines of page chrome and document metadata around a report on a portal.
const META_MARKS: &[&str] = &[
    "发布日期",
    "成文日期",
    "发布时间",
    "来源：",
    "浏览次数",
    "字号",
    "索引号",
    "发布机构",
    "信息来源",
    "点击数",
    "打印本页",
    "关闭窗口",
    "【打印】",
    "【关闭】",
];
/// Lines that start a portal's footer: the report has ended.
const FOOTER_MARKS: &[&str] = &["版权所有", "主办单位", "ICP备", "网站标识码", "公网安备", "技术支持"];

/// An agency's contact details as the report states them: the same
/// fields as `agency.yaml`'s `contact`.
pub use crate::model::Contact;

/// What the source says about itself.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    /// The title as printed (spaces removed: PDF text spaces digits out).
    pub title: Option<String>,
    /// The report year, from the title.
    pub year: Option<i32>,
    /// 发布日期 (else 成文日期).
    pub published: Option<Date>,
    /// The agency's name, from the title.
    pub agency: Option<String>,
    /// Contact details from the opening paragraph.
    pub contact: Contact,
}

/// Where things are in the source.
#[derive(Debug, Clone)]
pub struct Layout {
    /// Blocks of the title.
    pub title: std::ops::Range<usize>,
    /// Per block: the section (1–6) it lies in; `Some(0)` for page chrome
    /// and metadata lines; `None` before the first heading or when the
    /// source has none.
    pub section: Vec<Option<usize>>,
    /// Per block: a section heading.
    pub heading: Vec<bool>,
}

/// The title: the first short line naming a report, with the line before
/// it when the title is printed on two lines (`淮安市人民政府` / `2024 年…报告`).
fn title_range(blocks: &[Block]) -> std::ops::Range<usize> {
    let para = |i: usize| match blocks.get(i) {
        Some(Block::Para(t)) => Some(t.as_str()),
        _ => None,
    };
    let titled = |i: usize, year: bool| {
        para(i).is_some_and(|t| {
            t.chars().count() <= 80 && t.contains("报告") && !t.contains('。') && (!year || title_year(t).is_some())
        })
    };
    // A portal's own name (政府信息公开工作年度报告) may come first: prefer a line with the year.
    let found = (0..blocks.len()).find(|&i| titled(i, true)).or_else(|| (0..blocks.len()).find(|&i| titled(i, false)));
    let Some(i) = found else { return 0..0 };
    let starts_with_year = para(i).is_some_and(|t| t.trim_start().starts_with(|c: char| c.is_ascii_digit()));
    let two_lines = i > 0
        && starts_with_year
        && para(i - 1).is_some_and(|t| t.chars().count() <= 30 && !t.contains(['。', '：', ':']));
    if two_lines { i - 1..i + 1 } else { i..i + 1 }
}

/// Whether a line is page chrome or document metadata.
fn is_meta(text: &str) -> bool {
    text.chars().count() <= 120 && META_MARKS.iter().any(|m| text.contains(m))
}

/// The section a line heads, if it is a heading of a section after `after`.
fn heading(text: &str, form: &Form, after: usize) -> Option<usize> {
    let t = text.trim();
    if t.chars().count() > HEADING_MAX || t.contains('。') || t.starts_with(['（', '(']) {
        return None;
    }
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    for (k, sec) in form.sections.iter().enumerate().skip(after) {
        let rest = t.strip_prefix(sec.numeral.as_str()).and_then(|r| r.strip_prefix(['、', '.', '．', ' ']));
        let hit = match rest {
            Some(r) => sec.r#match.iter().any(|m| r.contains(m.as_str())) || r.contains(sec.title.as_str()),
            None => squeeze(t).contains(&squeeze(&sec.title)),
        };
        if hit {
            return Some(k + 1);
        }
    }
    None
}

/// Finds the title, the chrome and the section of every block.
pub fn layout(blocks: &[Block], form: &Form) -> Layout {
    let title = title_range(blocks);
    let mut section = vec![Some(0); blocks.len()];
    let mut is_heading = vec![false; blocks.len()];
    let mut current = None;
    let mut footer = false;
    for (i, b) in blocks.iter().enumerate().skip(title.end) {
        match b {
            Block::Para(t) if FOOTER_MARKS.iter().any(|m| t.contains(m)) => footer = true,
            Block::Para(t) if !footer && !is_meta(t) => {
                if let Some(k) = heading(t, form, current.unwrap_or(0)) {
                    current = Some(k);
                    is_heading[i] = true;
                }
            }
            Block::Para(_) | Block::Note(_) => {}
            Block::Item(_) | Block::Table(_) => {}
        }
        // Before the first heading a report has its opening prose; short
        // lines without a full stop and lists there are page chrome (the
        // metadata box, a table of contents).
        let chrome = current.is_none()
            && match b {
                Block::Para(t) => !is_heading[i] && !t.contains('。'),
                Block::Item(_) => true,
                Block::Note(_) | Block::Table(_) => false,
            };
        let meta = chrome || matches!(b, Block::Para(t) if is_meta(t));
        if !footer && !meta && !matches!(b, Block::Note(_)) {
            section[i] = current;
        }
    }
    Layout { title, section, heading: is_heading }
}

/// The first date after any of `labels` in the text (`2021-01-20`,
/// `2021年1月20日`, `2021/1/20`, `2021.01.20`).
fn labelled_date(text: &str, labels: &[&str]) -> Option<Date> {
    for label in labels {
        let Some(at) = text.find(label) else { continue };
        let rest = &text[at + label.len()..];
        let rest = rest.trim_start_matches(|c: char| c == '：' || c == ':' || c.is_whitespace());
        let nums: Vec<&str> = rest.split(|c: char| !c.is_ascii_digit()).take(3).collect();
        if let [y, m, d] = nums.as_slice()
            && let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u8>(), d.parse::<u8>())
            && let Some(date) = Date::new(y, m, d)
        {
            return Some(date);
        }
    }
    None
}

/// The first `YYYY年` of a title and the text before it.
fn title_year(title: &str) -> Option<(i32, &str)> {
    let bytes = title.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let four = bytes.get(i..i + 4)?;
        let before_ok = i == 0 || !bytes[i - 1].is_ascii_digit();
        if four.iter().all(u8::is_ascii_digit) && before_ok && title[i + 4..].trim_start().starts_with('年') {
            let y: i32 = title[i..i + 4].parse().ok()?;
            (1990..=2100).contains(&y).then_some((y, &title[..i]))
        } else {
            None
        }
    })
}

/// The value after `label` up to the next separator.
fn field(text: &str, label: &str) -> Option<String> {
    let at = text.find(label)? + label.len();
    let rest = text[at..].trim_start_matches(['：', ':', ' ']);
    let end = rest.find(['；', ';', '，', ',', '）', ')', '。']).unwrap_or(rest.len());
    let v = rest[..end].trim();
    (!v.is_empty() && v.chars().count() <= 60).then(|| v.to_owned())
}

/// Contact details from the opening paragraphs (请与……联系（地址：…；邮编：…）).
fn contact(paras: &[&str]) -> Contact {
    let Some(text) = paras.iter().find(|t| t.contains("联系")) else { return Contact::default() };
    let office = text.find("请与").and_then(|a| {
        let rest = &text[a + "请与".len()..];
        let end = rest.find("联系")?;
        let o = rest[..end].trim();
        (!o.is_empty() && o.chars().count() <= 40).then(|| o.to_owned())
    });
    let phone = field(text, "电话").map(|p| p.trim_start_matches(['：', ':']).to_owned());
    Contact {
        office,
        address: field(text, "地址"),
        postcode: field(text, "邮编").or_else(|| field(text, "邮政编码")),
        phone,
        fax: field(text, "传真"),
        email: field(text, "电子邮箱").or_else(|| field(text, "邮箱")),
    }
}

/// The metadata the source states.
pub fn meta(blocks: &[Block]) -> Meta {
    let range = title_range(blocks);
    let title: Option<String> = (!range.is_empty()).then(|| {
        blocks[range.clone()]
            .iter()
            .filter_map(|b| if let Block::Para(t) = b { Some(t.as_str()) } else { None })
            .collect::<String>()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    });
    let (year, agency) = match title.as_deref().and_then(title_year) {
        Some((y, before)) => (Some(y), Some(before.trim().to_owned()).filter(|a| !a.is_empty())),
        None => (None, None),
    };
    let mut published = None;
    let mut opening: Vec<&str> = Vec::new();
    for b in blocks {
        let Block::Para(t) = b else { continue };
        if published.is_none() && is_meta(t) {
            published = labelled_date(t, &["发布日期", "发布时间"]).or_else(|| labelled_date(t, &["成文日期"]));
        }
    }
    for b in blocks.iter().skip(range.end).take(8) {
        if let Block::Para(t) = b {
            opening.push(t);
        }
    }
    Meta { title, year, published, agency, contact: contact(&opening) }
}

/// Sub-heads as the example reports write them: `**（一）主动公开情况。**今年…`.
fn subhead(text: &str) -> String {
    let open = text.strip_prefix('（').or_else(|| text.strip_prefix('('));
    let numbered = open.and_then(|r| {
        let close = r.find(['）', ')'])?;
        (close > 0 && r[..close].chars().all(|c| "一二三四五六七八九十".contains(c) || c.is_ascii_digit()))
            .then_some(())
    });
    if numbered.is_none() {
        return text.to_owned();
    }
    match text.find('。') {
        Some(end) if text[..end].chars().count() <= HEADING_MAX => {
            let cut = end + '。'.len_utf8();
            format!("**{}**{}", &text[..cut], &text[cut..])
        }
        None if text.chars().count() <= HEADING_MAX => format!("**{text}**"),
        _ => text.to_owned(),
    }
}

/// The numbers in a text (runs of digits, with a decimal part).
fn numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() || (c == '.' && !cur.is_empty() && !cur.contains('.')) {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur).trim_end_matches('.').to_owned());
        }
    }
    if !cur.is_empty() {
        out.push(cur.trim_end_matches('.').to_owned());
    }
    out
}

/// Records the numbers of a text with one fate.
fn record(text: &str, fate: &Fate, at: usize, figures: &mut Vec<Figure>) {
    let context: String = text.chars().take(16).collect();
    for n in numbers(text) {
        figures.push(Figure { text: n, context: context.clone(), fate: fate.clone(), at });
    }
}

/// A small table of the narrative as a Markdown table (first row as header).
fn markdown_table(rows: &[Vec<super::SrcCell>]) -> String {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let line = |row: &[super::SrcCell]| {
        let cells: Vec<String> = (0..width)
            .map(|i| row.get(i).map_or(String::new(), |c| super::html::clean(&c.text).replace('|', "\\|")))
            .collect();
        format!("| {} |", cells.join(" | "))
    };
    let rows: Vec<&Vec<super::SrcCell>> = rows.iter().filter(|r| r.iter().any(|c| !c.text.trim().is_empty())).collect();
    let mut out = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        out.push(line(r));
        if i == 0 {
            out.push(format!("|{}", " --- |".repeat(width)));
        }
    }
    out.join("\n")
}

/// The Markdown narrative: everything after the title that is not a form
/// table, page chrome or metadata; numbers recorded in `figures`.
pub fn body(blocks: &[Block], layout: &Layout, form_blocks: &[bool], figures: &mut Vec<Figure>) -> String {
    let mut parts: Vec<String> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        let chrome = i < layout.title.end || layout.section[i] == Some(0);
        if form_blocks.get(i).copied().unwrap_or(false) {
            continue;
        }
        if chrome || matches!(b, Block::Note(_)) {
            // The title's numbers (its year) are kept, in `title:`.
            let fate = if layout.title.contains(&i) { Fate::Narrative } else { Fate::Skipped };
            match b {
                Block::Para(t) | Block::Item(t) | Block::Note(t) => record(t, &fate, i, figures),
                Block::Table(rows) => rows.iter().flatten().for_each(|c| record(&c.text, &fate, i, figures)),
            }
            continue;
        }
        match b {
            Block::Para(t) if layout.heading[i] => parts.push(format!("## {}", t.trim())),
            Block::Para(t) => parts.push(subhead(t.trim())),
            Block::Item(t) => parts.push(format!("- {}", t.trim())),
            Block::Table(rows) => {
                rows.iter().flatten().filter(|c| !c.copy).for_each(|c| record(&c.text, &Fate::Narrative, i, figures));
                parts.push(markdown_table(rows));
                continue;
            }
            Block::Note(_) => continue,
        }
        if let Block::Para(t) | Block::Item(t) = b {
            record(t, &Fate::Narrative, i, figures);
        }
    }
    // Consecutive list items form one list.
    let mut out = String::new();
    for (k, p) in parts.iter().enumerate() {
        if k > 0 {
            let both_items = p.starts_with("- ") && parts[k - 1].starts_with("- ");
            out.push_str(if both_items { "\n" } else { "\n\n" });
        }
        out.push_str(p);
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subheads_titles_dates() {
        assert_eq!(subhead("（一）主动公开情况。今年以来"), "**（一）主动公开情况。**今年以来");
        assert_eq!(subhead("一是加强"), "一是加强");
        assert_eq!(title_year("淮安市人民政府2024 年政府信息公开工作年度报告"), Some((2024, "淮安市人民政府")));
        assert_eq!(labelled_date("发布日期：2021年1月20日", &["发布日期"]), Date::new(2021, 1, 20));
        assert_eq!(numbers("受理 3119 件，增长78.2%。"), ["3119", "78.2"]);
    }
}
