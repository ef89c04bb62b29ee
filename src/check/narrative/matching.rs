//! Matching a form's patterns in a line of the narrative: around a figure
//! (the words before `N` backwards, those after it forwards), or from a
//! word's first character; the topics a line speaks of; and its sentences.
//! Every match looks at most a few gaps of [`GAP_MAX`] characters away, so
//! a line is scanned in time linear in its length.

use super::numbers::{Figure, SPACES_MAX};
use crate::form::{Pattern, Token, Topic};

/// Characters a gap may not cross: they end the clause a figure belongs to.
pub const STOPS: &[char] = &['。', '；', ';', '，', ',', '：', ':', '！', '？', '\n', '（', '('];

/// Characters that end a sentence.
const SENTENCE_ENDS: &[char] = &['。', '！', '？', '!', '?'];

/// Longest gap, in characters.
pub const GAP_MAX: usize = 24;

/// A gap may not cross these: they introduce a part of the figure (其中…,
/// 结果维持 2 件), not the figure itself.
const GAP_STOP_WORDS: &[&[char]] =
    &[&['中'], &['结', '果'], &['维', '持'], &['纠', '正'], &['审', '结'], &['驳', '回'], &['含']];

/// A pattern matched around a figure or from a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// First character of the match.
    pub start: usize,
    /// After its last character.
    pub end: usize,
    /// How far the nearest literal (other than the measure word) is from the
    /// figure: the nearer, the surer the pattern speaks of this figure.
    pub near: usize,
    /// Literal characters of the pattern.
    pub literal_chars: usize,
}

/// How far a gap may reach from each place of a line: computed once per
/// line, so a gap is tried without looking at its characters again.
pub struct GapLimits {
    /// For each place `at`, the smallest start of a gap ending at `at`.
    back: Vec<usize>,
    /// For each place `at`, the largest end of a gap starting at `at`.
    ahead: Vec<usize>,
}

impl GapLimits {
    /// The limits of `line`: a gap crosses no [`STOPS`] character, no place
    /// of `stops` (the measure words of the line's figures: 予以公开112件、
    /// 部分公开 is not one subject) and contains no [`GAP_STOP_WORDS`] word.
    pub fn new(line: &[char], stops: &[usize]) -> GapLimits {
        let n = line.len();
        let words: Vec<(usize, usize)> = (0..n)
            .flat_map(|s| GAP_STOP_WORDS.iter().filter(move |w| lit_at(line, s, w)).map(move |w| (s, s + w.len())))
            .collect();
        let mut stop_at = vec![false; n];
        for &i in stops.iter().filter(|&&i| i < n) {
            stop_at[i] = true;
        }
        let is_stop = |i: usize| stop_at[i] || STOPS.contains(&line[i]);
        let mut back = vec![0; n + 1];
        let mut word_end_at: Vec<usize> = vec![0; n + 1]; // the latest s + 1 of a word ending at each place
        for &(s, e) in &words {
            word_end_at[e] = word_end_at[e].max(s + 1);
        }
        for at in 1..=n {
            let stop = if is_stop(at - 1) { at } else { 0 };
            back[at] = back[at - 1].max(stop).max(word_end_at[at]);
        }
        let mut ahead = vec![n; n + 1];
        let mut word_start_at: Vec<usize> = vec![n; n + 1]; // the earliest e - 1 of a word starting at each place
        for &(s, e) in &words {
            word_start_at[s] = word_start_at[s].min(e - 1);
        }
        for at in (0..n).rev() {
            let stop = if is_stop(at) { at } else { n };
            ahead[at] = ahead[at + 1].min(stop).min(word_start_at[at]);
        }
        GapLimits { back, ahead }
    }
}

/// Whether `line[at..]` starts with `l`.
fn lit_at(line: &[char], at: usize, l: &[char]) -> bool {
    line.get(at) == l.first() && line.get(at..at + l.len()) == Some(l)
}

/// Matches `tokens` forwards from `at`; returns the end and the length of
/// the first gap (0 if none).
fn forward(line: &[char], gaps: &GapLimits, at: usize, tokens: &[Token]) -> Option<(usize, usize)> {
    let Some((tok, rest)) = tokens.split_first() else {
        return Some((at, 0));
    };
    match tok {
        Token::Lit(l) => {
            lit_at(line, at, l).then_some(())?;
            forward(line, gaps, at + l.len(), rest)
        }
        Token::Gap => {
            let reach = gaps.ahead.get(at).copied().unwrap_or(at).min(at + GAP_MAX).max(at);
            // The literal after a gap is tried only where its first character is.
            let first = match rest.first() {
                Some(Token::Lit(l)) => l.first(),
                _ => None,
            };
            (at..=reach)
                .filter(|&i| first.is_none_or(|c| line.get(i) == Some(c)))
                .find_map(|i| forward(line, gaps, i, rest).map(|(end, _)| (end, i - at)))
        }
        Token::Num => None,
    }
}

/// Matches `tokens` (nearest first) backwards from `at`; returns the start
/// and the length of the first gap (0 if none).
fn backward(line: &[char], gaps: &GapLimits, at: usize, tokens: &[Token]) -> Option<(usize, usize)> {
    let Some((tok, rest)) = tokens.split_first() else {
        return Some((at, 0));
    };
    match tok {
        Token::Lit(l) => {
            let from = at.checked_sub(l.len())?;
            lit_at(line, from, l).then_some(())?;
            backward(line, gaps, from, rest).map(|(start, _)| (start, 0))
        }
        Token::Gap => {
            let reach = gaps.back.get(at).copied().unwrap_or(at).max(at.saturating_sub(GAP_MAX)).min(at);
            // The literal before a gap is tried only where its last character is.
            let last = match rest.first() {
                Some(Token::Lit(l)) => l.last(),
                _ => None,
            };
            (reach..=at)
                .rev()
                .filter(|&i| last.is_none_or(|c| i > 0 && line.get(i - 1) == Some(c)))
                .find_map(|i| backward(line, gaps, i, rest).map(|(start, _)| (start, at - i)))
        }
        Token::Num => None,
    }
}

/// `at` moved back over at most [`SPACES_MAX`] spaces.
fn back_spaces(line: &[char], mut at: usize) -> usize {
    let limit = at.saturating_sub(SPACES_MAX);
    while at > limit && line[at - 1] == ' ' {
        at -= 1;
    }
    at
}

/// Matches a figure pattern around figure `f`.
pub fn around(line: &[char], gaps: &GapLimits, f: &Figure, p: &Pattern) -> Option<Match> {
    let (end, after_gap) = forward(line, gaps, f.tail, &p.after)?;
    let (start, before_gap) = if p.before.is_empty() {
        (f.start, usize::MAX)
    } else {
        let near = back_spaces(line, f.start);
        backward(line, gaps, near, &p.before).or_else(|| {
            (f.lead != near)
                .then(|| backward(line, gaps, f.lead, &p.before))
                .flatten()
                .map(|(s, g)| (s, g + near - f.lead))
        })?
    };
    // After the figure the first literal is its measure word: what follows
    // it (件顺延) or the literal after the first gap names the subject.
    let after_near = match p.after.as_slice() {
        [Token::Lit(l), ..] if l.len() > 1 => 0,
        [_, Token::Gap, ..] => after_gap,
        _ => usize::MAX,
    };
    Some(Match { start, end, near: before_gap.min(after_near), literal_chars: p.literal_chars })
}

/// Matches a pattern without a figure starting at `at`.
pub fn at_word(line: &[char], gaps: &GapLimits, at: usize, p: &Pattern) -> Option<Match> {
    let (end, _) = forward(line, gaps, at, &p.tokens)?;
    Some(Match { start: at, end, near: 0, literal_chars: p.literal_chars })
}

/// A topic word found in a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mention {
    /// First character.
    start: usize,
    /// After the last.
    end: usize,
    /// The topic's index.
    topic: usize,
}

/// What a line speaks of and where its sentences are, read once per line.
pub struct LineContext {
    /// How far gaps may reach.
    pub gaps: GapLimits,
    /// Topic words not inside a longer one (复议 in 复议后起诉), by end.
    mentions: Vec<Mention>,
    /// For each character, where its sentence starts.
    sentence_start: Vec<usize>,
    /// For each character, where its sentence ends (after its `。`).
    sentence_end: Vec<usize>,
}

impl LineContext {
    /// Reads the topics and sentences of `line`; gaps do not cross `stops`.
    pub fn new(line: &[char], topics: &[Topic], stops: &[usize]) -> LineContext {
        let mut all = Vec::new();
        for (i, c) in line.iter().enumerate() {
            for (t, topic) in topics.iter().enumerate() {
                for w in topic.chars.iter().filter(|w| w.first() == Some(c)) {
                    if line.get(i..i + w.len()) == Some(w.as_slice()) {
                        all.push(Mention { start: i, end: i + w.len(), topic: t });
                    }
                }
            }
        }
        // Drop a word inside a longer one: 复议后起诉 speaks of neither 复议 nor 起诉 alone.
        all.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        let mut mentions: Vec<Mention> = Vec::with_capacity(all.len());
        let mut reach = 0;
        for m in all {
            if m.end <= reach {
                continue;
            }
            reach = m.end;
            mentions.push(m);
        }
        mentions.sort_by_key(|m| m.end);
        let mut sentence_start = vec![0; line.len() + 1];
        for i in 1..=line.len() {
            sentence_start[i] = if SENTENCE_ENDS.contains(&line[i - 1]) { i } else { sentence_start[i - 1] };
        }
        let mut sentence_end = vec![line.len(); line.len() + 1];
        for i in (0..line.len()).rev() {
            sentence_end[i] = if SENTENCE_ENDS.contains(&line[i]) { i + 1 } else { sentence_end[i + 1] };
        }
        LineContext { gaps: GapLimits::new(line, stops), mentions, sentence_start, sentence_end }
    }

    /// The topic of the last topic word ending at or before `at`, in its
    /// sentence or the one before (行政复议3件。其中维持2件).
    pub fn topic_before(&self, at: usize) -> Option<usize> {
        let (start, _) = self.sentence(at);
        let from = if start > 0 { self.sentence(start - 1).0 } else { 0 };
        let k = self.mentions.partition_point(|m| m.end <= at);
        k.checked_sub(1).map(|k| self.mentions[k]).filter(|m| m.start >= from).map(|m| m.topic)
    }

    /// The topics spoken of in `line[from..to]`, in order, each once.
    pub fn topics_in(&self, from: usize, to: usize) -> Vec<usize> {
        let mut out = Vec::new();
        for m in self.mentions.iter().filter(|m| m.start >= from && m.end <= to) {
            if !out.contains(&m.topic) {
                out.push(m.topic);
            }
        }
        out
    }

    /// The sentence around position `at`: its start and end.
    pub fn sentence(&self, at: usize) -> (usize, usize) {
        let at = at.min(self.sentence_start.len() - 1);
        (self.sentence_start[at], self.sentence_end[at])
    }
}

/// The start of the clause run of `line[from..at]` after its last `；`.
pub fn segment_start(line: &[char], from: usize, at: usize) -> usize {
    (from..at).rev().find(|&i| matches!(line[i], '；' | ';')).map_or(from, |i| i + 1)
}

/// Most characters of a sentence quoted in a message.
pub const QUOTE_MAX: usize = 60;

/// The sentence `line[start..end]` as a message quotes it: without
/// Markdown emphasis, and around `at` with `…` when it is long.
pub fn quote(line: &[char], (start, end): (usize, usize), at: usize) -> String {
    let text: Vec<(usize, char)> =
        (start..end).map(|i| (i, line[i])).filter(|(_, c)| !matches!(c, '*' | '_' | '#' | '\n' | '\r')).collect();
    let trimmed: Vec<(usize, char)> = {
        let s = text.iter().position(|(_, c)| !c.is_whitespace()).unwrap_or(text.len());
        let e = text.iter().rposition(|(_, c)| !c.is_whitespace()).map_or(s, |e| e + 1);
        text[s..e.max(s)].to_vec()
    };
    if trimmed.len() <= QUOTE_MAX {
        return trimmed.iter().map(|(_, c)| c).collect();
    }
    let centre = trimmed.iter().position(|(i, _)| *i >= at).unwrap_or(0);
    let from = centre.saturating_sub(QUOTE_MAX / 2).min(trimmed.len() - QUOTE_MAX);
    let to = from + QUOTE_MAX;
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.extend(trimmed[from..to].iter().map(|(_, c)| c));
    if to < trimmed.len() {
        out.push('…');
    }
    out
}
