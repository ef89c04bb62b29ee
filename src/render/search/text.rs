//! How text becomes search terms: the one normalisation and the one
//! tokenizer, mirrored character for character by `js/search.js` (the
//! reader's query is cut the same way in the browser).
//!
//! Chinese has no spaces, so no word segmenter is used: a run of Han
//! characters gives every character (unigram) and every pair of adjacent
//! characters (bigram), the approach of Lucene's CJKAnalyzer. A query of
//! two or more Han characters is looked up by its bigrams, so any
//! substring of the text is found (政务公开 by 政务, 务公, 公开), with no
//! dictionary to disagree with. Latin letters and digits form words.

use pulldown_cmark::{Event, Parser, TagEnd};

/// Longest word kept (longer runs of letters and digits are cut).
const MAX_WORD: usize = 40;

/// Longest exact key kept (a title, 文号, 索引号 or agency name).
const MAX_KEY: usize = 120;

/// The character as the index sees it: full-width letters and digits as
/// ASCII, letters in lower case, every kind of bracket as 〔 or 〕 (a 文号
/// is typed with 〔〕, [], （） or 【】), the ideographic space as a space.
/// One character for one: positions in a text stay where they were.
pub fn fold(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    match c {
        '[' | '(' | '〔' | '【' | '〖' | '﹝' | '［' => '〔',
        ']' | ')' | '〕' | '】' | '〗' | '﹞' | '］' => '〕',
        _ => c.to_ascii_lowercase(),
    }
}

/// Whether `c` is a Han character (CJK unified ideographs, extensions, compatibility, 〇).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F | 0x3007)
}

/// The runs of `text` that make terms, folded: (true, Han run) or (false, word).
fn runs(text: &str) -> Vec<(bool, String)> {
    Runs::of(text).iter().map(|(han, run)| (han, run.to_owned())).collect()
}

/// Every term of `text` as the index stores it, with repeats (the caller
/// counts them): each Han character, each pair of adjacent Han characters,
/// each word of letters and digits.
pub fn index_terms(text: &str, mut each: impl FnMut(&str)) {
    for run in Runs::of(text).iter() {
        run_terms(run, &mut each);
    }
}

/// The runs of a text, kept so that its terms can be borrowed from them:
/// their folded characters in one string (a narrative has thousands of
/// runs; one allocation each was most of the indexing's time).
pub struct Runs {
    /// The runs' characters, folded, one after the other.
    text: String,
    /// Each run: whether it is Han, and its bytes in `text`.
    spans: Vec<(bool, usize, usize)>,
}

impl Runs {
    /// The runs of `text`.
    pub fn of(text: &str) -> Runs {
        let mut folded = String::with_capacity(text.len());
        let mut spans = Vec::new();
        let mut current: Option<(bool, usize)> = None;
        for c in text.chars().map(fold) {
            let class = if is_han(c) {
                Some(true)
            } else if c.is_ascii_alphanumeric() {
                Some(false)
            } else {
                None
            };
            match (class, current) {
                (Some(han), Some((h, _))) if h == han => {}
                (class, _) => {
                    if let Some((h, start)) = current {
                        spans.push((h, start, folded.len()));
                    }
                    current = class.map(|han| (han, folded.len()));
                }
            }
            if class.is_some() {
                folded.push(c);
            }
        }
        if let Some((h, start)) = current {
            spans.push((h, start, folded.len()));
        }
        Runs { text: folded, spans }
    }

    /// Each run: (whether it is Han, its folded characters).
    pub fn iter(&self) -> impl Iterator<Item = (bool, &str)> {
        self.spans.iter().map(|&(h, a, b)| (h, &self.text[a..b]))
    }
}

/// The terms of one run (see [`index_terms`]), borrowed from it.
pub fn run_terms<'r>((han, run): (bool, &'r str), each: &mut impl FnMut(&'r str)) {
    if !han {
        each(cut(run, MAX_WORD));
        return;
    }
    let mut chars = run.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        each(&run[i..i + c.len_utf8()]);
        if let Some(&(j, d)) = chars.peek() {
            each(&run[i..j + d.len_utf8()]);
        }
    }
}

/// The terms a query is looked up by, each once, in order: the bigrams of
/// a Han run of two or more characters, a lone Han character, each word.
pub fn query_terms(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |t: &str| {
        if !out.iter().any(|o| o == t) {
            out.push(t.to_owned());
        }
    };
    for (han, run) in runs(query) {
        let chars: Vec<char> = run.chars().collect();
        if han && chars.len() > 1 {
            for pair in chars.windows(2) {
                push(&pair.iter().collect::<String>());
            }
        } else if han {
            push(&run);
        } else {
            push(cut(&run, MAX_WORD));
        }
    }
    out
}

/// The exact key a field or query stands for: folded, without any space,
/// marked with `#` (no other term starts with it); `None` when empty.
pub fn key(text: &str) -> Option<String> {
    let folded: String = text.chars().map(fold).filter(|c| !c.is_whitespace()).take(MAX_KEY).collect();
    (!folded.is_empty()).then(|| format!("#{folded}"))
}

/// The first `n` characters of `s`.
fn cut(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// The readable text of Markdown: the words of every block, one block a
/// line, without markup, links' targets or raw HTML.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, crate::markdown::options()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableRow | TagEnd::CodeBlock,
            ) => out.push('\n'),
            Event::End(TagEnd::TableCell) => out.push(' '),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        let mut v = Vec::new();
        index_terms(text, |t| v.push(t.to_owned()));
        v
    }

    #[test]
    fn han_runs_give_unigrams_and_bigrams_words_stay_whole() {
        assert_eq!(all("政务公开"), ["政", "政务", "务", "务公", "公", "公开", "开"]);
        assert_eq!(all("ABC-2024年"), ["abc", "2024", "年"]);
        assert_eq!(all("，。"), Vec::<String>::new());
    }

    #[test]
    fn a_query_is_looked_up_by_bigrams_or_its_lone_character() {
        assert_eq!(query_terms("政务公开"), ["政务", "务公", "公开"]);
        assert_eq!(query_terms("镇"), ["镇"]);
        assert_eq!(query_terms("国办发〔2024〕12号"), ["国办", "办发", "2024", "12", "号"]);
        assert_eq!(query_terms("公开 公开"), ["公开"]);
        // Every query term of a text's substring is a term of the text.
        let text = all("关于国办发〔2024〕12号文件");
        assert!(query_terms("国办发〔2024〕12号").iter().all(|t| text.contains(t)));
    }

    #[test]
    fn folding_keeps_positions_and_unifies_brackets_and_width() {
        assert_eq!(fold('Ａ'), 'a');
        assert_eq!(fold('２'), '2');
        assert_eq!(fold('（'), '〔');
        assert_eq!(fold('['), '〔');
        assert_eq!(fold('】'), '〕');
        assert_eq!(key("国办发[2024]12号"), key("国办发〔２０２４〕12 号"));
        assert_eq!(key("  "), None);
    }

    #[test]
    fn plain_text_drops_markup_and_raw_html() {
        let t =
            plain_text("## 一、总体情况\n\n**主动**公开[指南](x.html)<b>raw</b>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(t.contains("一、总体情况\n"));
        assert!(t.contains("主动公开指南"));
        assert!(!t.contains("x.html") && !t.contains("<b>") && !t.contains("**"));
        assert!(t.contains("1 2"));
    }
}
