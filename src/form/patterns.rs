//! The text patterns of a form's claims (`受理*N件`): literal text, `*` a
//! short gap, `N` the figure. Compiled once, when the form is, and matched
//! by the checker ([`crate::check::narrative`]).

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

/// Compiles a pattern into tokens: `*` a gap, `N` the figure, the rest literal.
pub fn compile_pattern(p: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut lit = Vec::new();
    for c in p.chars() {
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

/// A pattern compiled once per form: its tokens and the literals a line
/// must contain for the pattern to match anywhere in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// The tokens.
    pub tokens: Vec<Token>,
    /// Literals a line must contain for the pattern to match in it.
    pub literals: Vec<String>,
}

impl Pattern {
    /// Compiles one pattern.
    pub fn new(pattern: &str) -> Pattern {
        let tokens = compile_pattern(pattern);
        let literals = tokens
            .iter()
            .filter_map(|t| match t {
                Token::Lit(l) => Some(l.iter().collect()),
                _ => None,
            })
            .collect();
        Pattern { tokens, literals }
    }

    /// Cheap test on the line's text before any character matching.
    pub fn may_match(&self, line: &str) -> bool {
        self.literals.iter().all(|l| line.contains(l.as_str()))
    }
}
