//! Figures as people write them in a report: `3119`, `3,119`, `３１１９`,
//! `1.2万`, `三`, `十二`, `一百零二`, `两`, `〇`, with the words that make
//! them approximate (`约`, `近`, `余`, `多`, `左右`) or say they hold for each
//! subject (`各1件`). One pass over a line finds them all; nothing here
//! looks further than a few characters around a figure.

/// An exact quantity: `units × 10^exp` (in 件, 元 or per cent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amount {
    /// The digits.
    pub units: i128,
    /// The power of ten they are multiplied by.
    pub exp: i32,
}

/// Most digits a figure may have (its products must fit in 128 bits).
const MAX_DIGITS: usize = 18;

impl Amount {
    /// A whole number.
    pub fn int(n: i64) -> Amount {
        Amount { units: i128::from(n), exp: 0 }
    }

    /// The units at a smaller or equal exponent `exp`, if they fit.
    pub fn at(self, exp: i32) -> Option<i128> {
        let shift = u32::try_from(self.exp.checked_sub(exp)?).ok()?;
        self.units.checked_mul(10i128.checked_pow(shift)?)
    }

    /// The exact sum.
    pub fn add(self, other: Amount) -> Option<Amount> {
        let exp = self.exp.min(other.exp);
        Some(Amount { units: self.at(exp)?.checked_add(other.at(exp)?)?, exp })
    }

    /// The exponent of the last digit that is not zero (`exp` for zero).
    fn last_nonzero(self) -> i32 {
        let (mut units, mut exp) = (self.units, self.exp);
        while units != 0 && units % 10 == 0 && exp < 40 {
            units /= 10;
            exp += 1;
        }
        exp
    }

    /// The value as a float, for messages only.
    pub fn to_f64(self) -> f64 {
        self.units as f64 * 10f64.powi(self.exp)
    }
}

/// What the words around a figure say about its exactness.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approx {
    /// As printed (rounded to its last digit at most).
    Exact,
    /// `3000余件`, `10多件`: somewhat more.
    Over,
    /// `近3000件`: somewhat less.
    Under,
    /// `约3000件`, `3000件左右`: about.
    About,
    /// `逾3000件`, `3000件以上`: at least.
    AtLeast,
}

/// A figure found in a line (character indices).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    /// Before the words that lead it (`约`, `共`, `各`).
    pub lead: usize,
    /// Its first character.
    pub start: usize,
    /// After its last character (`万` and `亿` included).
    pub end: usize,
    /// Where its measure word starts (after `余` or `多` and spaces).
    pub tail: usize,
    /// The figure.
    pub amount: Amount,
    /// The exponent of its last printed digit (`1.2万`: 3).
    pub place: i32,
    /// Exactness.
    pub approx: Approx,
    /// Led by `各` or `均为`: it holds for each subject before it.
    pub each: bool,
}

/// Most spaces allowed between a figure and its words (`3 件`): people type
/// one, sometimes two. Bounding it keeps every scan linear.
pub const SPACES_MAX: usize = 3;

/// Chinese numeral characters.
const NUMERALS: &str = "〇零一二两三四五六七八九十百千万亿";

/// Words before a figure, longest first, and what they say.
const LEADS: &[(&str, Option<Approx>, bool)] = &[
    ("分别为", None, false),
    ("大约", Some(Approx::About), false),
    ("将近", Some(Approx::Under), false),
    ("超过", Some(Approx::AtLeast), false),
    ("共计", None, false),
    ("合计", None, false),
    ("累计", None, false),
    ("总计", None, false),
    ("均为", None, true),
    ("约", Some(Approx::About), false),
    ("近", Some(Approx::Under), false),
    ("逾", Some(Approx::AtLeast), false),
    ("共", None, false),
    ("达", None, false),
    ("各", None, true),
    ("均", None, true),
];

/// One character of a line as the figure reader sees it: full-width digits,
/// `％`, `．` and the ideographic space read as their ASCII forms. One
/// character for one, so columns stay those of the file.
pub fn normalize_char(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c),
        '％' => '%',
        '．' => '.',
        '\u{3000}' => ' ',
        c => c,
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

/// `at` moved forward over at most [`SPACES_MAX`] spaces.
pub fn skip_spaces(line: &[char], mut at: usize) -> usize {
    let limit = at + SPACES_MAX;
    while at < limit && line.get(at) == Some(&' ') {
        at += 1;
    }
    at
}

/// Whether `line[..end]` ends with `word`.
pub fn ends_with(line: &[char], end: usize, word: &str) -> Option<usize> {
    let mut at = end;
    for c in word.chars().rev() {
        if at == 0 || line[at - 1] != c {
            return None;
        }
        at -= 1;
    }
    Some(at)
}

/// Whether `line[at..]` starts with `word`.
fn starts_with(line: &[char], at: usize, word: &str) -> bool {
    (at..).zip(word.chars()).all(|(i, c)| line.get(i) == Some(&c))
}

/// Every figure in `line` (already [`normalize_char`]ed), in order.
pub fn figures(line: &[char]) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < line.len() {
        let c = line[i];
        let prev = i.checked_sub(1).map(|p| line[p]);
        let parsed = if c.is_ascii_digit() && !prev.is_some_and(|p| p.is_ascii_digit() || p == '.') {
            arabic(line, i)
        } else if NUMERALS.contains(c) && !prev.is_some_and(|p| NUMERALS.contains(p) || p == '第') {
            chinese(line, i)
        } else {
            i += 1;
            continue;
        };
        match parsed {
            Ok((end, amount)) => {
                out.push(around(line, i, end, amount));
                i = end.max(i + 1);
            }
            Err(skip) => i = skip.max(i + 1),
        }
    }
    out
}

/// The figure at `start..end` with the words around it.
fn around(line: &[char], start: usize, end: usize, amount: Amount) -> Figure {
    let mut approx = Approx::Exact;
    let mut each = false;
    let mut lead = back_spaces(line, start);
    for _ in 0..2 {
        let Some(&(word, a, e)) = LEADS.iter().find(|(w, _, _)| ends_with(line, lead, w).is_some()) else {
            break;
        };
        lead = back_spaces(line, lead - word.chars().count());
        approx = a.unwrap_or(approx);
        each |= e;
    }
    let mut tail = skip_spaces(line, end);
    if matches!(line.get(tail), Some('余' | '多')) {
        approx = Approx::Over;
        tail = skip_spaces(line, tail + 1);
    }
    if starts_with(line, tail + 1, "左右") {
        approx = Approx::About;
    } else if starts_with(line, tail + 1, "以上") {
        approx = Approx::AtLeast;
    }
    Figure { lead, start, end, tail, amount, place: amount.exp, approx, each }
}

/// An Arabic figure at `start`: digits, thousands separators (`,` or `，`
/// before exactly three digits), a decimal part, `万` or `亿`. `Err` gives
/// where to go on when it is not one.
fn arabic(line: &[char], start: usize) -> Result<(usize, Amount), usize> {
    let digit = |i: usize| line.get(i).is_some_and(char::is_ascii_digit);
    let mut i = start;
    let mut digits = String::new();
    while digit(i) {
        digits.push(line[i]);
        i += 1;
    }
    let first_group = digits.len();
    while first_group <= 3 && matches!(line.get(i), Some(',' | '，')) && (1..=3).all(|k| digit(i + k)) && !digit(i + 4)
    {
        digits.extend(&line[i + 1..i + 4]);
        i += 4;
    }
    let mut exp = 0i32;
    if line.get(i) == Some(&'.') && digit(i + 1) {
        i += 1;
        while digit(i) {
            digits.push(line[i]);
            exp -= 1;
            i += 1;
        }
    }
    if digits.len() > MAX_DIGITS {
        return Err(i);
    }
    match line.get(i) {
        Some('万') => (exp, i) = (exp + 4, i + 1),
        Some('亿') => (exp, i) = (exp + 8, i + 1),
        _ => {}
    }
    let units = digits.parse::<i128>().map_err(|_| i)?;
    Ok((i, Amount { units, exp }))
}

/// A Chinese figure at `start` (`三`, `十二`, `一百零二`, `两万余`, `二〇二〇`).
fn chinese(line: &[char], start: usize) -> Result<(usize, Amount), usize> {
    let mut end = start;
    while end < line.len() && NUMERALS.contains(line[end]) && end - start < 24 {
        end += 1;
    }
    // `万` or `亿` cannot start a figure, nor end one after `零`.
    while end > start && line[end - 1] == '零' && end - start > 1 {
        end -= 1;
    }
    let value = chinese_value(&line[start..end]).ok_or(end)?;
    Ok((end, Amount { units: value, exp: 0 }))
}

/// The value of a digit character.
fn digit_value(c: char) -> Option<i128> {
    "〇一二三四五六七八九".chars().position(|d| d == c).map(|p| p as i128).or(match c {
        '零' => Some(0),
        '两' => Some(2),
        _ => None,
    })
}

/// The value of a unit character.
fn unit_value(c: char) -> Option<i128> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        '万' => Some(10_000),
        '亿' => Some(100_000_000),
        _ => None,
    }
}

/// The value of a run of Chinese numerals, if it is one.
fn chinese_value(run: &[char]) -> Option<i128> {
    if run.is_empty() {
        return None;
    }
    if run.iter().all(|c| digit_value(*c).is_some()) {
        // `三`, or digit by digit (`二〇二〇`).
        return run.iter().try_fold(0i128, |acc, c| acc.checked_mul(10)?.checked_add(digit_value(*c)?));
    }
    let (mut total, mut section) = (0i128, 0i128);
    let mut digit: Option<i128> = None;
    let mut small = i128::MAX; // the last 十/百/千 of this section: each must be smaller
    let mut last_unit: Option<i128> = None; // the unit right before a trailing digit
    for &c in run {
        if let Some(d) = digit_value(c) {
            if digit.is_some_and(|x| x != 0) && d != 0 {
                return None; // two digits in a row (一二百)
            }
            digit = if d == 0 && digit.is_none() { None } else { Some(d) };
            if d == 0 {
                last_unit = None;
            }
            continue;
        }
        let u = unit_value(c)?;
        if u < 10_000 {
            let n = match digit {
                Some(n) => n,
                None if u == 10 && section == 0 && total == 0 => 1,
                None => return None,
            };
            if u >= small {
                return None;
            }
            section += n * u;
            small = u;
        } else {
            if section == 0 && digit.is_none() {
                return None;
            }
            section += digit.unwrap_or(0);
            total = total.checked_add(section.checked_mul(u)?)?;
            section = 0;
            small = i128::MAX;
        }
        digit = None;
        last_unit = Some(u);
    }
    // 三百五 is 350 and 一万二 12,000: a last digit right after a unit of 百 or more.
    let last = match (digit, last_unit) {
        (Some(d), Some(u)) if u >= 100 && run.last().and_then(|c| digit_value(*c)).is_some() => d * (u / 10),
        (Some(d), _) => d,
        (None, _) => 0,
    };
    total.checked_add(section)?.checked_add(last)
}

/// Whether a stated figure agrees with the table's `actual`, allowing for
/// the rounding or truncation of its last printed digit and for its words
/// (约, 余, 近, 以上).
pub fn agrees(f: &Figure, actual: Amount) -> bool {
    let lnz = f.amount.last_nonzero().max(f.place);
    let e = actual.exp.min(f.place);
    let (Some(s), Some(c)) = (f.amount.at(e), actual.at(e)) else {
        return false;
    };
    let pow = |x: i32| u32::try_from(x - e).ok().and_then(|p| 10i128.checked_pow(p));
    let (Some(u), Some(ul)) = (pow(f.place), pow(lnz)) else {
        return false;
    };
    // How far 余, 多 and 近 reach: to the next step of the last non-zero
    // digit (5500余: 5600; 3万余: 4万), or ten for a figure ending in units (15余).
    let span = if lnz == 0 { ul.saturating_mul(10) } else { ul };
    match f.approx {
        Approx::Exact => within_rounding(s, u, c),
        Approx::Over => s <= c && c < s.saturating_add(span),
        Approx::Under => s.saturating_sub(span) < c && c <= s,
        Approx::About => (c - s).saturating_abs().saturating_mul(2) <= ul,
        Approx::AtLeast => c >= s,
    }
}

/// `c` rounds (half either way) or truncates to `s` at unit `u`.
fn within_rounding(s: i128, u: i128, c: i128) -> bool {
    let twice = c.saturating_mul(2);
    (s.saturating_mul(2).saturating_sub(u) <= twice && twice <= s.saturating_mul(2).saturating_add(u))
        || (s <= c && c < s.saturating_add(u))
}

/// Whether a stated percentage `f` agrees with `part ÷ whole`, rounded or
/// truncated to its printed precision; `None` when the whole is zero or
/// the arithmetic does not fit.
pub fn share_agrees(f: &Figure, part: Amount, whole: Amount) -> Option<bool> {
    let e = part.exp.min(whole.exp);
    let (p, w) = (part.at(e)?, whole.at(e)?);
    if w == 0 || f.place > 0 {
        return None;
    }
    // s% at unit u (both × 10^place): compare s·w with 100·p·10^-place.
    let scale = 10i128.checked_pow(u32::try_from(-f.place).ok()?)?;
    let c = p.checked_mul(100)?.checked_mul(scale)?;
    let sw = f.amount.units.checked_mul(w)?;
    let (lo, hi) = (sw.checked_mul(2)?.checked_sub(w)?, sw.checked_mul(2)?.checked_add(w)?);
    let twice = c.checked_mul(2)?;
    Some((lo <= twice && twice <= hi) || (sw <= c && c < sw.checked_add(w)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Vec<(i128, i32, Approx, bool)> {
        let line: Vec<char> = s.chars().map(normalize_char).collect();
        figures(&line).iter().map(|f| (f.amount.units, f.amount.exp, f.approx, f.each)).collect()
    }

    fn one(s: &str) -> (i128, i32) {
        let f = read(s);
        assert_eq!(f.len(), 1, "{s}: {f:?}");
        (f[0].0, f[0].1)
    }

    #[test]
    fn figures_are_read_however_they_are_written() {
        assert_eq!(one("受理3119件"), (3119, 0));
        assert_eq!(one("受理3,119件"), (3119, 0));
        assert_eq!(one("受理3，119件"), (3119, 0));
        assert_eq!(one("受理３１１９件"), (3119, 0));
        assert_eq!(one("受理1.2万件"), (12, 3));
        assert_eq!(one("收费96171.6万元"), (961716, 3));
        assert_eq!(one("收费9.6亿元"), (96, 7));
        assert_eq!(one("复议三件"), (3, 0));
        assert_eq!(one("复议十二件"), (12, 0));
        assert_eq!(one("复议一百零二件"), (102, 0));
        assert_eq!(one("复议两件"), (2, 0));
        assert_eq!(one("复议〇件"), (0, 0));
        assert_eq!(one("复议二十件"), (20, 0));
        assert_eq!(one("受理一千二百三十四件"), (1234, 0));
        assert_eq!(one("受理一万二千件"), (12000, 0));
        assert_eq!(one("受理一万二件"), (12000, 0));
        assert_eq!(one("受理三百五件"), (350, 0));
        assert_eq!(one("受理两万零五件"), (20005, 0));
        assert_eq!(one("二〇二〇年"), (2020, 0));
        assert_eq!(read("第一件").len(), 0, "an ordinal is not a figure");
        assert_eq!(read("百步镇千方百计").len(), 0, "a unit alone is not a figure");
        assert_eq!(read("1,2345件"), vec![(1, 0, Approx::Exact, false), (2345, 0, Approx::Exact, false)]);
        assert_eq!(read("12,34件").len(), 2, "a separator needs three digits after it");
        assert_eq!(read(&"9".repeat(30)).len(), 0, "too many digits to be a figure");
    }

    #[test]
    fn the_words_around_a_figure_are_read() {
        assert_eq!(read("约3000件")[0].2, Approx::About);
        assert_eq!(read("3000件左右")[0].2, Approx::About);
        assert_eq!(read("近3000件")[0].2, Approx::Under);
        assert_eq!(read("5500 余条")[0].2, Approx::Over);
        assert_eq!(read("3万余件")[0], (3, 4, Approx::Over, false));
        assert_eq!(read("逾3000件")[0].2, Approx::AtLeast);
        assert_eq!(read("3000件以上")[0].2, Approx::AtLeast);
        assert!(read("行政复议、行政诉讼各1件")[0].3);
        assert!(read("均为 0 件")[0].3);
        let line: Vec<char> = "受理申请共 3119 件".chars().collect();
        let f = figures(&line)[0];
        assert_eq!((f.lead, f.start, f.end, f.tail), (4, 6, 10, 11));
    }

    fn fig(s: &str) -> Figure {
        let line: Vec<char> = s.chars().map(normalize_char).collect();
        figures(&line)[0]
    }

    #[test]
    fn figures_agree_within_their_printed_precision() {
        assert!(agrees(&fig("3119件"), Amount::int(3119)));
        assert!(!agrees(&fig("3119件"), Amount::int(3120)));
        assert!(agrees(&fig("1.2万件"), Amount::int(12345)));
        assert!(agrees(&fig("1.2万件"), Amount::int(11500)));
        assert!(!agrees(&fig("1.2万件"), Amount::int(11400)));
        assert!(!agrees(&fig("1.2万件"), Amount::int(13000)));
        assert!(agrees(&fig("5500余条"), Amount::int(5560)));
        assert!(!agrees(&fig("5500余条"), Amount::int(5490)));
        assert!(agrees(&fig("约3000件"), Amount::int(3400)));
        assert!(!agrees(&fig("约3000件"), Amount::int(3600)));
        assert!(agrees(&fig("近3000件"), Amount::int(2950)));
        assert!(!agrees(&fig("近3000件"), Amount::int(3001)));
        assert!(agrees(&fig("96171.6万元"), Amount { units: 961_716, exp: 3 }));
        assert!(!agrees(&fig("96171.6万元"), Amount { units: 961_726, exp: 3 }));
        assert!(agrees(&fig("0.5元"), Amount { units: 5, exp: -1 }));
        assert!(agrees(&fig("3万余件"), Amount::int(38_000)));
        assert!(!agrees(&fig("3万余件"), Amount::int(41_000)));
        assert!(agrees(&fig("15余件"), Amount::int(19)));
    }

    #[test]
    fn shares_agree_when_rounded_or_truncated() {
        let (part, whole) = (Amount::int(1362), Amount::int(3050)); // 44.656 %
        assert_eq!(share_agrees(&fig("44.7%"), part, whole), Some(true));
        assert_eq!(share_agrees(&fig("44.6%"), part, whole), Some(true), "truncated");
        assert_eq!(share_agrees(&fig("45%"), part, whole), Some(true));
        assert_eq!(share_agrees(&fig("44.66%"), part, whole), Some(true));
        assert_eq!(share_agrees(&fig("44.8%"), part, whole), Some(false));
        assert_eq!(share_agrees(&fig("43%"), part, whole), Some(false));
        assert_eq!(share_agrees(&fig("33.9%"), part, Amount::int(0)), None);
    }
}
