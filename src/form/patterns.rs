//! The text patterns of a form's claims (`受理*N件`): literal text, `*` a
//! short gap, `N` the figure. Compiled once, when the form is, and matched
//! by the checker ([`crate::check::narrative`]) outwards from each figure:
//! the part before `N` backwards, the part after it forwards, so a match
//! never looks further than its pattern's literals and gaps allow.

/// A compiled narrative pattern: literal text, gaps and the number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// Literal text.
    Lit(Vec<char>),
    /// A short gap within the clause.
    Gap,
    /// The figure.
    Num,
}

/// The most gaps one pattern may have: each multiplies the positions a
/// match may try, so their number is bounded when the form is compiled.
pub const MAX_GAPS: usize = 3;

/// Compiles a pattern into tokens: `*` a gap, `N` the figure, the rest literal.
/// Full-width `＊`, `Ｎ` and `％` are read as `*`, `N` and `%`.
pub fn compile_pattern(p: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut lit = Vec::new();
    for c in p.chars() {
        let c = match c {
            '＊' => '*',
            'Ｎ' => 'N',
            '％' => '%',
            c => c,
        };
        if c == '*' || c == 'N' {
            if !lit.is_empty() {
                out.push(Token::Lit(std::mem::take(&mut lit)));
            }
            out.push(if c == '*' { Token::Gap } else { Token::Num });
        } else {
            lit.push(c);
        }
    }
    if !lit.is_empty() {
        out.push(Token::Lit(lit));
    }
    out
}

/// A pattern compiled once per form: its tokens, split around the figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// The tokens, in order.
    pub tokens: Vec<Token>,
    /// The tokens before `N`, nearest first (matched backwards from the figure).
    pub before: Vec<Token>,
    /// The tokens after `N`, in order (matched forwards from the figure).
    /// For a figure pattern the first is a literal starting with the
    /// measure word (`件`, `元`, `%`).
    pub after: Vec<Token>,
    /// Literal characters in all: the more, the more specific the pattern.
    pub literal_chars: usize,
}

/// Why a pattern cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatternProblem {
    /// `N` is missing or written more than once.
    Figure,
    /// More than [`MAX_GAPS`] gaps.
    Gaps,
    /// `N` not followed by its measure word (`N件`, `N元`, `N%`).
    Measure,
    /// Too little literal text to say what the figure is.
    Vague,
}

impl Pattern {
    /// Compiles a pattern stating a figure (`受理*N件`): exactly one `N`,
    /// followed by literal text (its measure word), at most [`MAX_GAPS`] gaps,
    /// and at least two literal characters. A `万` or `亿` right after `N`
    /// is dropped: it is read as part of the figure (`96171.6万元`).
    pub fn figure(pattern: &str) -> Result<Pattern, PatternProblem> {
        let p = Pattern::any_figure(pattern)?;
        if p.literal_chars < 2 {
            return Err(PatternProblem::Vague);
        }
        Ok(p)
    }

    /// Compiles a pattern stating a share (`占*N%`, or just `N%` right after
    /// a figure): like [`Pattern::figure`], its measure word being `%`.
    pub fn share(pattern: &str) -> Result<Pattern, PatternProblem> {
        let p = Pattern::any_figure(pattern)?;
        if p.measure() != Some('%') {
            return Err(PatternProblem::Measure);
        }
        Ok(p)
    }

    /// A figure pattern, however little literal text it has.
    fn any_figure(pattern: &str) -> Result<Pattern, PatternProblem> {
        let mut tokens = compile_pattern(pattern);
        let Some(n) = tokens.iter().position(|t| *t == Token::Num) else {
            return Err(PatternProblem::Figure);
        };
        if tokens.iter().filter(|t| **t == Token::Num).count() != 1 {
            return Err(PatternProblem::Figure);
        }
        if let Some(Token::Lit(l)) = tokens.get_mut(n + 1)
            && l.len() > 1
            && matches!(l.first(), Some('万' | '亿'))
        {
            l.remove(0);
        }
        if !matches!(tokens.get(n + 1), Some(Token::Lit(_))) {
            return Err(PatternProblem::Measure);
        }
        Pattern::split(tokens)
    }

    /// Compiles a pattern of words without a figure (`均获维持`, `未发生*复议`).
    pub fn words(pattern: &str) -> Result<Pattern, PatternProblem> {
        let tokens = compile_pattern(pattern);
        if tokens.contains(&Token::Num) {
            return Err(PatternProblem::Figure);
        }
        if !matches!(tokens.first(), Some(Token::Lit(_))) || !matches!(tokens.last(), Some(Token::Lit(_))) {
            return Err(PatternProblem::Vague);
        }
        Pattern::split(tokens)
    }

    /// Splits the tokens around `N` (all of them `after` when there is none).
    fn split(tokens: Vec<Token>) -> Result<Pattern, PatternProblem> {
        if tokens.iter().filter(|t| **t == Token::Gap).count() > MAX_GAPS {
            return Err(PatternProblem::Gaps);
        }
        let n = tokens.iter().position(|t| *t == Token::Num);
        let (before, after) = match n {
            Some(n) => (tokens[..n].iter().rev().cloned().collect(), tokens[n + 1..].to_vec()),
            None => (Vec::new(), tokens.clone()),
        };
        let literal_chars = tokens
            .iter()
            .map(|t| match t {
                Token::Lit(l) => l.len(),
                _ => 0,
            })
            .sum();
        Ok(Pattern { tokens, before, after, literal_chars })
    }

    /// The character a figure's measure word starts with (`件`), if the
    /// pattern states a figure.
    pub fn measure(&self) -> Option<char> {
        match self.after.first() {
            Some(Token::Lit(l)) if self.tokens.contains(&Token::Num) => l.first().copied(),
            _ => None,
        }
    }

    /// The first character of a pattern without a figure.
    pub fn first_char(&self) -> Option<char> {
        match self.tokens.first() {
            Some(Token::Lit(l)) => l.first().copied(),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figure_patterns_are_split_around_their_figure() {
        let p = Pattern::figure("收到*申请*N件").unwrap();
        assert_eq!(p.before, vec![Token::Gap, Token::Lit(vec!['申', '请']), Token::Gap, Token::Lit(vec!['收', '到'])]);
        assert_eq!(p.after, vec![Token::Lit(vec!['件'])]);
        assert_eq!((p.measure(), p.literal_chars), (Some('件'), 5));
        let money = Pattern::figure("行政事业性收费*N万元").unwrap();
        assert_eq!(money.after, vec![Token::Lit(vec!['元'])], "万 belongs to the figure");
        assert_eq!(Pattern::figure("受理N").unwrap_err(), PatternProblem::Measure);
        assert_eq!(Pattern::figure("受理*件").unwrap_err(), PatternProblem::Figure);
        assert_eq!(Pattern::figure("N件").unwrap_err(), PatternProblem::Vague);
        assert_eq!(Pattern::figure("a*b*c*d*N件").unwrap_err(), PatternProblem::Gaps);
        assert_eq!(Pattern::figure("Ｎ％").map(|p| p.measure()), Err(PatternProblem::Vague));
        assert_eq!(Pattern::share("Ｎ％").map(|p| p.measure()), Ok(Some('%')));
        assert_eq!(Pattern::share("占*N件").unwrap_err(), PatternProblem::Measure);
    }

    #[test]
    fn word_patterns_start_and_end_with_text() {
        let p = Pattern::words("未发生*复议").unwrap();
        assert_eq!((p.first_char(), p.measure()), (Some('未'), None));
        assert_eq!(Pattern::words("*复议").unwrap_err(), PatternProblem::Vague);
        assert_eq!(Pattern::words("复议N件").unwrap_err(), PatternProblem::Figure);
    }
}
