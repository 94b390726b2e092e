//! Words, sentences and questions in speech-to-text.
//!
//! A turn is split into sentences (Unicode UAX #29, plus clause splitting for
//! unpunctuated run-ons). Each sentence is normalised for matching: lower
//! case, curly quotes straightened, contractions expanded (`what's` → `what
//! is`, `you'd` → `you would`), fillers (`um`, `uh`, `, like,`, `, you know,`)
//! and stutters (`the the`) dropped, and punctuation kept as separate tokens.
//! Every normalised token remembers its byte span in the original text, so a
//! pattern matched on the normalised form points back at the words as spoken.
//!
//! Each sentence then gets a [`Form`]: wh-question, polite invitation
//! ("Could you walk me through…"), yes/no, tag question, declarative question,
//! fragment, or statement, judged from its opening words as much as from its
//! question mark, because transcripts drop and misplace punctuation.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use unicode_segmentation::UnicodeSegmentation;

/// Counts spoken words: runs of letters and digits, not counting `[laughs]`
/// or `(inaudible)` annotations; each CJK character counts as a word.
///
/// ```
/// assert_eq!(candor::count_words("Well, it's a long-term thing [laughs] really."), 6);
/// assert_eq!(candor::count_words("你好世界"), 4);
/// ```
pub fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    if memchr::memchr2(b'[', b'(', bytes).is_some() {
        return count_words_general(text);
    }
    // The common case, no annotations: a word starts at a letter or digit not already inside
    // a word; an apostrophe, hyphen or underscore keeps a word going. An ASCII byte is one
    // look-up in a table of transitions, by whether a word is going on: bit 0 of the entry
    // says a word starts, bit 1 whether one goes on after it. Other characters are decoded.
    const STEP: [[u8; 128]; 2] = {
        let mut t = [[0u8; 128]; 2];
        let mut b = 0;
        while b < 128 {
            let c = b as u8;
            let word = c.is_ascii_alphanumeric();
            let join = matches!(c, b'\'' | b'-' | b'_');
            // Outside a word: a word character starts one.
            t[0][b] = if word { 0b11 } else { 0 };
            // Inside: a word or joining character goes on, nothing starts.
            t[1][b] = if word || join { 0b10 } else { 0 };
            b += 1;
        }
        t
    };
    let mut n = 0;
    let mut in_word = 0usize;
    // One byte at `i` of the text, ASCII by the table, others decoded.
    let step = |i: usize, b: u8, n: &mut usize, in_word: &mut usize| {
        if b < 0x80 {
            let e = STEP[*in_word & 1][usize::from(b)];
            *n += usize::from(e & 1);
            *in_word = usize::from(e >> 1);
        } else if b >= 0xC0 {
            // The first byte of a character; the bytes that continue it change nothing.
            let c = text[i..].chars().next().unwrap_or(' ');
            if is_cjk(c) {
                *n += 1;
                *in_word = 0;
            } else if c.is_alphanumeric() {
                *n += 1 - *in_word;
                *in_word = 1;
            } else if c != '’' {
                *in_word = 0;
            }
        }
    };
    let mut chunks = bytes.chunks_exact(8);
    let mut i = 0;
    for chunk in &mut chunks {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let x = u64::from_le_bytes(eight);
        // Eight ASCII bytes at a time: a word starts at each word byte after a byte that
        // is not inside a word. A joining character is inside one when the byte before it
        // is, so the words are carried through runs of them (one step for each, in turn).
        if x & HIGH == 0 {
            let word = swar_alphanumeric(x);
            let join = swar_join(x);
            let carry = (in_word as u64) << 7;
            let mut inside = word;
            if join != 0 {
                loop {
                    let next = word | (join & ((inside << 8) | carry));
                    if next == inside {
                        break;
                    }
                    inside = next;
                }
            }
            let before = (inside << 8) | carry;
            // One top bit per word start: shifted down, the bytes sum into the top one
            // (a multiply, where count_ones is a dozen instructions without popcnt).
            n += ((((word & !before) >> 7).wrapping_mul(ONES)) >> 56) as usize;
            in_word = (inside >> 63) as usize;
        } else {
            for (j, &b) in chunk.iter().enumerate() {
                step(i + j, b, &mut n, &mut in_word);
            }
        }
        i += 8;
    }
    for (j, &b) in chunks.remainder().iter().enumerate() {
        step(i + j, b, &mut n, &mut in_word);
    }
    n
}

/// The top bit of each byte of a word.
const HIGH: u64 = 0x8080_8080_8080_8080;
const ONES: u64 = 0x0101_0101_0101_0101;

/// For eight ASCII bytes, the top bit of each set where the byte is an apostrophe, a hyphen
/// or an underscore.
fn swar_join(x: u64) -> u64 {
    // A byte below 0x80 plus 0x7F reaches the top bit unless it is zero, and never carries.
    let equal = |c: u8| !((x ^ (ONES * u64::from(c))) + ONES * 0x7F) & HIGH;
    equal(b'\'') | equal(b'-') | equal(b'_')
}

/// For eight ASCII bytes, the top bit of each set where the byte is a letter or a digit.
fn swar_alphanumeric(x: u64) -> u64 {
    // Each byte is below 0x80, so adding up to 0x80 to it never carries into the next.
    let at_least = |v: u64, lo: u8| v + ONES * u64::from(0x80 - lo);
    let at_most = |v: u64, hi: u8| !(v + ONES * u64::from(0x7F - hi));
    let lower = x | (ONES * 0x20);
    let letter = at_least(lower, b'a') & at_most(lower, b'z');
    let digit = at_least(x, b'0') & at_most(x, b'9');
    (letter | digit) & HIGH
}

/// [`count_words`] of each turn, in order.
pub(crate) fn turn_words(turns: &[crate::model::Turn]) -> Vec<usize> {
    turns.iter().map(|u| count_words(&u.text)).collect()
}

/// [`count_words`] for any text: annotations in brackets, and Unicode letters and CJK.
fn count_words_general(text: &str) -> usize {
    // ASCII bytes by class, so the common case is one table look-up per byte.
    const OTHER: u8 = 0;
    const WORD: u8 = 1;
    const OPEN: u8 = 2;
    const CLOSE: u8 = 3;
    const JOIN: u8 = 4;
    const CLASS: [u8; 128] = {
        let mut t = [OTHER; 128];
        let mut b = 0;
        while b < 128 {
            t[b] = match b as u8 {
                b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => WORD,
                b'[' | b'(' => OPEN,
                b']' | b')' => CLOSE,
                b'\'' | b'-' | b'_' => JOIN,
                _ => OTHER,
            };
            b += 1;
        }
        t
    };
    let mut n = 0;
    let mut in_word = false;
    let mut depth = 0u32;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            match CLASS[usize::from(b)] {
                WORD => {
                    n += usize::from(!in_word && depth == 0);
                    in_word = true;
                }
                JOIN => {}
                OPEN => {
                    depth += 1;
                    in_word = false;
                }
                CLOSE => {
                    depth = depth.saturating_sub(1);
                    in_word = false;
                }
                _ => in_word = false,
            }
            i += 1;
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if is_cjk(c) {
                if depth == 0 {
                    n += 1;
                }
                in_word = false;
            } else if c.is_alphanumeric() {
                if !in_word && depth == 0 {
                    n += 1;
                }
                in_word = true;
            } else if c == '’' && in_word {
            } else {
                in_word = false;
            }
        }
    }
    n
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF)
}

/// A normalised token: its text is `norm[n0..n1]` of its sentence; it came from `text[o0..o1]` of the turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub n0: u32,
    pub n1: u32,
    pub o0: u32,
    pub o1: u32,
    pub punct: bool,
    /// The original word started with a capital letter.
    pub cap: bool,
}

/// What kind of utterance a sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    /// Not a question.
    Statement,
    /// A wh-question: what, how, why, where, when, who, which.
    Wh,
    /// A polite imperative or prompt that invites a story: "Could you walk me through…", "Tell me about…".
    Invitation,
    /// A yes/no question opened by an auxiliary: "Do you…", "Is it…", "Would you…".
    YesNo,
    /// A statement with a question tag: "…, right?", "…, isn't it?".
    Tag,
    /// A statement said as a question: "You use spreadsheets?".
    Declarative,
    /// A verbless question: "Noisy how?", "Really?", "And then?".
    Fragment,
}

impl Form {
    /// Whether the form asks something.
    pub fn is_question(self) -> bool {
        !matches!(self, Form::Statement)
    }
}

/// One analysed sentence of a turn.
#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    /// Byte range in the turn's text.
    pub start: usize,
    pub end: usize,
    /// Normalised text: tokens joined by single spaces.
    pub norm: String,
    pub toks: Vec<Tok>,
    /// Index of the first token after discourse markers and vocatives.
    pub core: usize,
    /// Index where the question proper starts, after a leading frame
    /// ("If you were designing it, | what would…"); equals `core` without one.
    pub main: usize,
    pub form: Form,
    pub ends_q: bool,
    /// Where the literals of the gated built-in patterns occur in `norm`, found on first use.
    pub gate: crate::rules::pattern::GateCell,
    /// How the sentence counts as a question (asked by the metrics and by `closed-question`).
    pub kind: std::cell::OnceCell<Option<crate::rules::closed::Kind>>,
    /// Whether it asks for introductions (asked by the metrics, `closed-question` and `stacked-questions`).
    pub referral: std::cell::OnceCell<bool>,
}

impl Sentence {
    /// The gate's findings for this sentence, computed by `f` the first time.
    pub fn gate(
        &self,
        f: impl FnOnce() -> crate::rules::pattern::GateHits,
    ) -> &crate::rules::pattern::GateHits {
        self.gate.get_or_init(f)
    }

    /// Normalised text from the core on.
    pub fn core_norm(&self) -> &str {
        match self.toks.get(self.core) {
            Some(t) => &self.norm[t.n0 as usize..],
            None => "",
        }
    }

    /// Byte offset in `norm` where the core starts.
    pub fn core_offset(&self) -> usize {
        self.toks
            .get(self.core)
            .map_or(self.norm.len(), |t| t.n0 as usize)
    }

    /// Normalised text from the main clause on.
    pub fn main_norm(&self) -> &str {
        &self.norm[self.main_offset()..]
    }

    /// Byte offset in `norm` where the main clause starts.
    pub fn main_offset(&self) -> usize {
        self.toks
            .get(self.main)
            .map_or(self.norm.len(), |t| t.n0 as usize)
    }

    /// The turn-text byte range covered by a normalised byte range.
    pub fn source_range(&self, n0: usize, n1: usize) -> (usize, usize) {
        let mut lo = None;
        let mut hi = None;
        for t in &self.toks {
            if (t.n1 as usize) > n0 && (t.n0 as usize) < n1 {
                lo = Some(lo.map_or(t.o0, |l: u32| l.min(t.o0)));
                hi = Some(hi.map_or(t.o1, |h: u32| h.max(t.o1)));
            }
        }
        match (lo, hi) {
            (Some(a), Some(b)) => (a as usize, b as usize),
            _ => (self.start, self.end),
        }
    }

    pub fn word_count(&self) -> usize {
        self.toks.iter().filter(|t| !t.punct).count()
    }

    pub fn tok_str(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map_or("", |t| &self.norm[t.n0 as usize..t.n1 as usize])
    }
}

/// What normalising does with a lower-cased word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lexeme {
    /// A hesitation sound, dropped: "um", "uh-huh".
    Filler,
    /// A word whose immediate repetition is a stutter, not grammar: "the the", "I- I".
    Stutter,
    /// A contraction and what it stands for; the original token maps to all of them.
    Expands(&'static [&'static str]),
    /// Any other word, kept as it is.
    Plain,
}

/// Sorts a lower-cased word, in one `match` for the three lists.
fn lexeme(w: &str) -> Lexeme {
    match w {
        "um" | "umm" | "ummm" | "uh" | "uhh" | "uhm" | "er" | "erm" | "hmm" | "hm" | "mm"
        | "mmm" | "mhm" | "ehm" | "uh-huh" | "mm-hmm" | "mm-hm" => Lexeme::Filler,
        "i" | "you" | "we" | "the" | "a" | "and" | "so" | "to" | "it" | "do" | "is" | "what"
        | "how" | "was" | "in" | "of" | "but" | "they" | "my" | "our" | "your" | "are" | "did"
        | "can" | "would" | "if" | "when" | "why" | "where" | "who" => Lexeme::Stutter,
        "what's" => Lexeme::Expands(&["what", "is"]),
        "who's" => Lexeme::Expands(&["who", "is"]),
        "where's" => Lexeme::Expands(&["where", "is"]),
        "when's" => Lexeme::Expands(&["when", "is"]),
        "why's" => Lexeme::Expands(&["why", "is"]),
        "how's" => Lexeme::Expands(&["how", "is"]),
        "how'd" => Lexeme::Expands(&["how", "did"]),
        "what'd" => Lexeme::Expands(&["what", "did"]),
        "where'd" => Lexeme::Expands(&["where", "did"]),
        "why'd" => Lexeme::Expands(&["why", "did"]),
        "it's" => Lexeme::Expands(&["it", "is"]),
        "that's" => Lexeme::Expands(&["that", "is"]),
        "there's" => Lexeme::Expands(&["there", "is"]),
        "here's" => Lexeme::Expands(&["here", "is"]),
        "he's" => Lexeme::Expands(&["he", "is"]),
        "she's" => Lexeme::Expands(&["she", "is"]),
        "this's" => Lexeme::Expands(&["this", "is"]),
        "i'm" | "im" => Lexeme::Expands(&["i", "am"]),
        "you're" => Lexeme::Expands(&["you", "are"]),
        "we're" => Lexeme::Expands(&["we", "are"]),
        "they're" => Lexeme::Expands(&["they", "are"]),
        "i've" => Lexeme::Expands(&["i", "have"]),
        "you've" => Lexeme::Expands(&["you", "have"]),
        "we've" => Lexeme::Expands(&["we", "have"]),
        "they've" => Lexeme::Expands(&["they", "have"]),
        "i'll" => Lexeme::Expands(&["i", "will"]),
        "you'll" => Lexeme::Expands(&["you", "will"]),
        "we'll" => Lexeme::Expands(&["we", "will"]),
        "they'll" => Lexeme::Expands(&["they", "will"]),
        "it'll" => Lexeme::Expands(&["it", "will"]),
        "that'll" => Lexeme::Expands(&["that", "will"]),
        "i'd" => Lexeme::Expands(&["i", "would"]),
        "you'd" => Lexeme::Expands(&["you", "would"]),
        "we'd" => Lexeme::Expands(&["we", "would"]),
        "they'd" => Lexeme::Expands(&["they", "would"]),
        "it'd" => Lexeme::Expands(&["it", "would"]),
        "that'd" => Lexeme::Expands(&["that", "would"]),
        "he'd" => Lexeme::Expands(&["he", "would"]),
        "she'd" => Lexeme::Expands(&["she", "would"]),
        "gonna" => Lexeme::Expands(&["going", "to"]),
        "wanna" => Lexeme::Expands(&["want", "to"]),
        "gotta" => Lexeme::Expands(&["got", "to"]),
        "kinda" => Lexeme::Expands(&["kind", "of"]),
        "sorta" => Lexeme::Expands(&["sort", "of"]),
        "dont" => Lexeme::Expands(&["don't"]),
        "doesnt" => Lexeme::Expands(&["doesn't"]),
        "didnt" => Lexeme::Expands(&["didn't"]),
        "isnt" => Lexeme::Expands(&["isn't"]),
        "arent" => Lexeme::Expands(&["aren't"]),
        "wasnt" => Lexeme::Expands(&["wasn't"]),
        "werent" => Lexeme::Expands(&["weren't"]),
        "wouldnt" => Lexeme::Expands(&["wouldn't"]),
        "couldnt" => Lexeme::Expands(&["couldn't"]),
        "shouldnt" => Lexeme::Expands(&["shouldn't"]),
        "cant" => Lexeme::Expands(&["can't"]),
        "wont" => Lexeme::Expands(&["won't"]),
        "havent" => Lexeme::Expands(&["haven't"]),
        "hasnt" => Lexeme::Expands(&["hasn't"]),
        "youre" => Lexeme::Expands(&["you", "are"]),
        "whats" => Lexeme::Expands(&["what", "is"]),
        "thats" => Lexeme::Expands(&["that", "is"]),
        "ya" => Lexeme::Expands(&["you"]),
        _ => Lexeme::Plain,
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// For each ASCII byte, whether it is a letter, a digit or `extra`: the byte tables of the
/// word scanners.
pub(crate) const fn alphanumeric_or(extra: u8) -> [bool; 128] {
    let mut t = [false; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric() || i as u8 == extra;
        i += 1;
    }
    t
}

/// [`is_word_char`] of each ASCII byte.
const ASCII_WORD: [bool; 128] = alphanumeric_or(b'_');

/// Raw tokens of a sentence: (start, end) byte offsets in `text`, and whether punctuation.
fn raw_tokens(text: &str, base: usize, out: &mut Vec<(usize, usize, bool)>) {
    let b = text.as_bytes();
    // The character at byte `i` and its length; ASCII without decoding.
    let at = |i: usize| -> Option<(char, usize)> {
        match b.get(i) {
            None => None,
            Some(&x) if x < 0x80 => Some((char::from(x), 1)),
            Some(_) => text[i..].chars().next().map(|c| (c, c.len_utf8())),
        }
    };
    let mut i = 0;
    while let Some((c, n)) = at(i) {
        if c.is_whitespace() {
            i += n;
            continue;
        }
        if is_word_char(c) {
            let mut end = i + n;
            loop {
                // ASCII letters, digits and underscores, the bulk of a word, by table.
                while b
                    .get(end)
                    .is_some_and(|&x| x < 0x80 && ASCII_WORD[usize::from(x)])
                {
                    end += 1;
                }
                let Some((d, m)) = at(end) else {
                    break;
                };
                if is_word_char(d) {
                    end += m;
                } else if matches!(d, '\'' | '’' | '-' | '.' | ':' | '/' | '&') {
                    // Inside a word: "don't", "long-term", "3.5", "micro:bit", "24/7".
                    let after = at(end + m).map(|(a, _)| a);
                    let inner_ok = match d {
                        '\'' | '’' | '-' | '&' => after.is_some_and(is_word_char),
                        _ => after.is_some_and(|a| a.is_alphanumeric()) && c.is_alphanumeric(),
                    };
                    if !inner_ok {
                        break;
                    }
                    end += m;
                } else {
                    break;
                }
            }
            out.push((base + i, base + end, false));
            i = end;
        } else if c == '.' && b[i..].starts_with(b"...") {
            out.push((base + i, base + i + 3, true));
            i += 3;
        } else if c == '-' && b.get(i + 1) == Some(&b'-') {
            out.push((base + i, base + i + 2, true));
            i += 2;
        } else {
            out.push((base + i, base + i + n, true));
            i += n;
        }
    }
}

fn norm_punct(c: &str) -> &str {
    match c {
        "—" | "–" | "―" | "--" | "-" => "-",
        "…" | "..." => "…",
        "“" | "”" | "„" | "\"" => "\"",
        "‘" | "’" | "'" | "`" => "'",
        "¿" | "？" => "?",
        "，" => ",",
        "。" => ".",
        other => other,
    }
}

/// Buffers reused from one sentence to the next.
struct Scratch {
    raw: Vec<(usize, usize, bool)>,
}

impl Default for Scratch {
    /// Room for the tokens of a long sentence, so that most turns never grow it.
    fn default() -> Self {
        Scratch {
            raw: Vec::with_capacity(64),
        }
    }
}

/// Builds the normalised form of `text[start..end]`.
fn normalise(text: &str, start: usize, end: usize, scratch: &mut Scratch) -> (String, Vec<Tok>) {
    let Scratch { raw } = scratch;
    raw.clear();
    raw_tokens(&text[start..end], start, raw);
    let raw = &*raw;
    let mut norm = String::with_capacity(end - start + 8);
    let mut toks: Vec<Tok> = Vec::with_capacity(raw.len() + 4);
    let push = |norm: &mut String,
                toks: &mut Vec<Tok>,
                s: &str,
                o0: usize,
                o1: usize,
                punct: bool,
                cap: bool| {
        if !norm.is_empty() {
            norm.push(' ');
        }
        let n0 = norm.len() as u32;
        norm.push_str(s);
        toks.push(Tok {
            n0,
            n1: norm.len() as u32,
            o0: o0 as u32,
            o1: o1 as u32,
            punct,
            cap,
        });
    };
    for (k, &(a, b, punct)) in raw.iter().enumerate() {
        let orig = &text[a..b];
        if punct {
            let p = norm_punct(orig);
            // Fillers dropped between two commas leave them doubled.
            if p == ","
                && toks
                    .last()
                    .is_some_and(|t| t.punct && &norm[t.n0 as usize..t.n1 as usize] == ",")
            {
                continue;
            }
            push(&mut norm, &mut toks, p, a, b, true, false);
            continue;
        }
        // The word is lower-cased straight into `norm`, after its separator, and taken back
        // out (truncated to `mark`) if it is dropped or expanded.
        let mark = norm.len();
        if !norm.is_empty() {
            norm.push(' ');
        }
        let n0 = norm.len();
        if orig.is_ascii() {
            // A word token holds no backquote (see `raw_tokens`), so lower-casing is all.
            norm.push_str(orig);
            norm[n0..].make_ascii_lowercase();
        } else {
            for c in orig.chars() {
                match c {
                    '’' | '‘' | '`' => norm.push('\''),
                    c => norm.extend(c.to_lowercase()),
                }
            }
        }
        let lower = &norm[n0..];
        let lexeme = lexeme(lower);
        if lexeme == Lexeme::Filler {
            norm.truncate(mark);
            continue;
        }
        let cap = orig.chars().next().is_some_and(char::is_uppercase);
        // Stutter: "the the", "I- I".
        if lexeme == Lexeme::Stutter {
            let prev = toks.last().map(|t| &norm[t.n0 as usize..t.n1 as usize]);
            let prev2 = toks
                .len()
                .checked_sub(2)
                .map(|i| &norm[toks[i].n0 as usize..toks[i].n1 as usize]);
            let after_dash = prev == Some("-");
            if prev == Some(lower) || (after_dash && prev2 == Some(lower)) {
                norm.truncate(mark);
                if after_dash {
                    // drop the dash of "I- I"
                    let t = toks.pop().expect("dash");
                    norm.truncate(t.n0.saturating_sub(1) as usize);
                }
                continue;
            }
        }
        // ", like," and "like," at the start; ", you know," ; "I mean,".
        let next_punct = |off: usize| raw.get(k + off).map(|&(x, y, p)| (p, &text[x..y]));
        let prev_is_comma_or_start = toks
            .last()
            .is_none_or(|t| t.punct && &norm[t.n0 as usize..t.n1 as usize] == ",");
        if lower == "like" && prev_is_comma_or_start && matches!(next_punct(1), Some((true, ","))) {
            norm.truncate(mark);
            continue;
        }
        match lexeme {
            Lexeme::Expands(parts) => {
                norm.truncate(mark);
                for p in parts {
                    push(&mut norm, &mut toks, p, a, b, false, cap);
                }
            }
            _ => toks.push(Tok {
                n0: n0 as u32,
                n1: norm.len() as u32,
                o0: a as u32,
                o1: b as u32,
                punct: false,
                cap,
            }),
        }
    }
    drop_discourse_fillers(&mut norm, &mut toks);
    (norm, toks)
}

/// Removes ", you know," and "I mean," used as fillers, and commas left doubled.
fn drop_discourse_fillers(norm: &mut String, toks: &mut Vec<Tok>) {
    if !(norm.contains("you know") || norm.contains("i mean")) {
        return;
    }
    let words: Vec<&str> = toks
        .iter()
        .map(|t| &norm[t.n0 as usize..t.n1 as usize])
        .collect();
    let mut drop = vec![false; toks.len()];
    let mut changed = false;
    for i in 0..words.len() {
        let prev_sep = i == 0 || matches!(words[i - 1], "," | "-" | "…");
        if prev_sep && i + 2 < words.len() {
            let pair = (words[i], words[i + 1]);
            let next_sep = matches!(words[i + 2], "," | "?" | "." | "-" | "…");
            if next_sep && (pair == ("you", "know") || pair == ("i", "mean")) {
                drop[i] = true;
                drop[i + 1] = true;
                if words[i + 2] == "," {
                    drop[i + 2] = true;
                }
                changed = true;
            }
        }
        // "you know?" at the very end of a statement is a filler tag, not a question.
        if i + 2 == words.len()
            && i > 0
            && words[i - 1] == ","
            && (words[i], words[i + 1]) == ("you", "know")
        {
            drop[i - 1] = true;
            drop[i] = true;
            changed = true;
        }
    }
    if !changed {
        return;
    }
    let old_norm = std::mem::take(norm);
    let old = std::mem::take(toks);
    for (t, d) in old.into_iter().zip(drop) {
        if d {
            continue;
        }
        let s = &old_norm[t.n0 as usize..t.n1 as usize];
        if !norm.is_empty() {
            norm.push(' ');
        }
        let n0 = norm.len() as u32;
        norm.push_str(s);
        toks.push(Tok {
            n0,
            n1: norm.len() as u32,
            ..t
        });
    }
}

/// Whether two words open a question clause: "what do", "how is", "do you", "are there".
fn opens_clause(a: &str, b: &str) -> bool {
    let is = |w: &str, set: &[&str]| set.iter().any(|x| w.eq_ignore_ascii_case(x));
    const WH: &[&str] = &["what", "how", "why", "where", "when", "who", "which"];
    const AUX_AFTER_WH: &[&str] = &[
        "do", "does", "did", "is", "are", "was", "were", "would", "could", "can", "will", "should",
        "has", "have", "had",
    ];
    const AUX: &[&str] = &[
        "do", "does", "did", "would", "could", "can", "will", "have", "has",
    ];
    const SUBJECT: &[&str] = &["you", "your", "they", "we"];
    (is(a, WH) && is(b, AUX_AFTER_WH))
        || (a.eq_ignore_ascii_case("how")
            && is(b, &["often", "much", "many", "long", "far", "soon"]))
        || (is(a, AUX) && is(b, SUBJECT))
        || (is(a, &["is", "are", "was", "were"]) && b.eq_ignore_ascii_case("there"))
}

/// Splits run-on sentences without punctuation at interrogative openers.
fn split_run_on(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let seg = &text[start..end];
    let trimmed = seg.trim_end();
    // Only unpunctuated speech-to-text runs on; a punctuated sentence is left whole.
    let punctuated = contains_any(trimmed, b".?!,;", &["…"]);
    if punctuated {
        out.push((start, end));
        return;
    }
    let n = seg.unicode_word_indices().count();
    if n < 12 {
        out.push((start, end));
        return;
    }
    // A cut before word i (3 <= i < n - 2) where words i and i + 1 open a question and the
    // word before does not already ask ("so what do you…" is not cut after "what").
    let mut s = start;
    let mut words = seg.unicode_word_indices().enumerate().peekable();
    let (mut prev2, mut prev) = ("", "");
    while let Some((i, (at, w))) = words.next() {
        let next = words.peek().map_or("", |(_, (_, x))| *x);
        let embedded = is_wh(&w.to_ascii_lowercase()) && embeds_clause(prev);
        let cut = (3..n - 2).contains(&i)
            && !is_question_lead(prev)
            && !continues_wh_phrase(prev2, prev)
            && !embedded
            && opens_clause(w, next);
        if cut && start + at > s {
            out.push((s, start + at));
            s = start + at;
        }
        (prev2, prev) = (prev, w);
    }
    out.push((s, end));
}

/// Words after which an interrogative pair continues the question rather than starting one.
fn is_question_lead(w: &str) -> bool {
    [
        "what", "how", "why", "where", "when", "who", "which", "if", "that", "whether", "do",
        "does", "did", "would", "could", "can", "will", "is", "are",
    ]
    .iter()
    .any(|x| w.eq_ignore_ascii_case(x))
}

/// Whether `wh w` is a wh-phrase still being asked ("how often", "how much", "what kind"),
/// so that an auxiliary after it continues the question: "how often do you think…".
fn continues_wh_phrase(wh: &str, w: &str) -> bool {
    is_wh(&wh.to_ascii_lowercase())
        && [
            "often", "much", "many", "long", "far", "soon", "else", "kind", "sort", "type", "big",
            "old", "well", "exactly", "quickly", "come",
        ]
        .iter()
        .any(|x| w.eq_ignore_ascii_case(x))
}

/// Words after which a wh-word opens an embedded clause, not a new question: a preposition
/// ("keep track of who has paid") or a verb of knowing or telling ("know what is", "see how").
fn embeds_clause(w: &str) -> bool {
    [
        "of",
        "about",
        "on",
        "in",
        "for",
        "to",
        "from",
        "with",
        "at",
        "by",
        "into",
        "over",
        "know",
        "knows",
        "knew",
        "see",
        "tell",
        "told",
        "ask",
        "asked",
        "decide",
        "decides",
        "check",
        "figure",
        "understand",
        "remember",
        "show",
        "explain",
        "wonder",
        "sure",
        "matter",
        "depends",
        "depending",
        "track",
        "out",
    ]
    .iter()
    .any(|x| w.eq_ignore_ascii_case(x))
}

/// Discourse openers skipped before classifying a sentence ("So, okay, how do you…").
const OPENERS: &[&[&str]] = &[
    &["so"],
    &["and"],
    &["but"],
    &["okay"],
    &["ok"],
    &["alright"],
    &["all", "right"],
    &["right"],
    &["well"],
    &["now"],
    &["then"],
    &["yeah"],
    &["yes"],
    &["yep"],
    &["great"],
    &["cool"],
    &["perfect"],
    &["nice"],
    &["got", "it"],
    &["gotcha"],
    &["i", "see"],
    &["interesting"],
    &["sure"],
    &["oh"],
    &["ah"],
    &["oof"],
    &["ugh"],
    &["wow"],
    &["awesome"],
    &["amazing"],
    &["totally"],
    &["fair"],
    &["fair", "enough"],
    &["understood"],
    &["noted"],
    &["brilliant"],
    &["lovely"],
    &["wonderful"],
    &["excellent"],
    &["good"],
    &["ha"],
    &["haha"],
    &["actually"],
    &["also"],
    &["just"],
    &["anyway"],
    &["first", "off"],
    &["first", "up"],
    &["first"],
    &["last", "thing"],
    &["quick", "question"],
    &["out", "of", "curiosity"],
    &["sorry"],
    &["remind", "me"],
    &["just", "to", "check"],
    &["just", "to", "clarify"],
    &["to", "check"],
    &["to", "clarify"],
    &["be", "honest", "with", "me"],
    &["be", "honest"],
    &["honestly"],
    &["i", "am", "curious"],
    &["makes", "sense"],
    &["that", "makes", "sense"],
    &["that", "is", "fair"],
    &["sounds", "good"],
    &["thanks"],
    &["thank", "you"],
    &["mm-hm"],
    &["uh-huh"],
    &["and", "then"],
    &["going", "back", "a", "step"],
    &["one", "more", "thing"],
    &["one", "last", "thing"],
    &["hey"],
    &["hi"],
    &["hello"],
    &["look"],
    &["listen"],
    &["basically"],
    &["i", "mean"],
    &["like"],
    &["you", "know"],
    &["no"],
    &["of", "course"],
    &["absolutely"],
    &["exactly"],
    &["definitely"],
    &["true"],
    &["indeed"],
    &["huh"],
    &["hmm"],
    &["see"],
    &["go", "on"],
    &["tell", "me"],
    &["ha", "ha"],
    &["aha"],
    &["wait"],
];

/// A hasher for short keys of the crate's own (words, stems): a multiply and a rotate per
/// byte, where std's SipHash costs more than the look-up it serves. Not for keys taken from
/// input, which could be chosen to collide.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct WordHasher;

impl std::hash::BuildHasher for WordHasher {
    type Hasher = WordHash;
    fn build_hasher(&self) -> WordHash {
        WordHash(0)
    }
}

#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct WordHash(u64);

impl std::hash::Hasher for WordHash {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (n ^ n >> 29).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

/// The openers that start with `word`, in the order of [`OPENERS`].
fn openers_from(word: &str) -> &'static [&'static [&'static str]] {
    type ByFirst = HashMap<&'static str, Vec<&'static [&'static str]>, WordHasher>;
    static BY_FIRST: LazyLock<ByFirst> = LazyLock::new(|| {
        let mut m = ByFirst::default();
        for op in OPENERS {
            m.entry(op[0]).or_default().push(op);
        }
        m
    });
    BY_FIRST.get(word).map_or(&[], Vec::as_slice)
}

fn word_at<'a>(norm: &'a str, toks: &[Tok], i: usize) -> &'a str {
    toks.get(i)
        .map_or("", |t| &norm[t.n0 as usize..t.n1 as usize])
}

/// Index of the first token after openers, vocatives and their punctuation.
fn find_core(norm: &str, toks: &[Tok], names: &[String]) -> usize {
    let mut i = 0;
    let n = toks.len();
    for _ in 0..8 {
        // Leading punctuation (a dash after "Remind me —").
        while i < n && toks[i].punct {
            i += 1;
        }
        let mut advanced = false;
        for op in openers_from(word_at(norm, toks, i)) {
            if op
                .iter()
                .enumerate()
                .all(|(k, w)| word_at(norm, toks, i + k) == *w)
            {
                let after = i + op.len();
                let next = word_at(norm, toks, after);
                // "tell me" only as an opener when punctuation follows ("Tell me, how…").
                let needs_punct = matches!(op, [a, b] if (*a, *b) == ("tell", "me"))
                    || matches!(
                        op,
                        ["like"]
                            | ["no"]
                            | ["right"]
                            | ["see"]
                            | ["look"]
                            | ["well"]
                            | ["just"]
                            | ["first"]
                            | ["then"]
                    );
                let followed_by_punct = toks.get(after).is_some_and(|t| t.punct) && next != "?";
                if after >= n || (needs_punct && !followed_by_punct) {
                    continue;
                }
                // "so" / "and" etc. may run straight on: "So how do you…".
                if !needs_punct || followed_by_punct {
                    i = after;
                    advanced = true;
                    break;
                }
            }
        }
        if !advanced {
            // Vocative: "Ravi, did you…", "Yasmin, what's…": a capitalised word or a speaker's name, then a comma.
            let w = word_at(norm, toks, i);
            let is_name = toks.get(i).is_some_and(|t| t.cap && !t.punct)
                && (names.iter().any(|n| n.eq_ignore_ascii_case(w)) || !is_function_word(w));
            if is_name && word_at(norm, toks, i + 1) == "," && i + 2 < n {
                i += 2;
                continue;
            }
            break;
        }
    }
    i.min(n)
}

fn is_function_word(w: &str) -> bool {
    is_aux(w)
        || is_wh(w)
        || matches!(
            w,
            "i" | "you"
                | "we"
                | "they"
                | "he"
                | "she"
                | "it"
                | "that"
                | "this"
                | "there"
                | "the"
                | "a"
                | "an"
                | "if"
                | "because"
                | "tell"
                | "walk"
                | "talk"
                | "imagine"
                | "suppose"
                | "given"
                | "since"
                | "when"
                | "with"
                | "for"
                | "in"
                | "on"
                | "at"
                | "to"
                | "maybe"
                | "perhaps"
                | "surely"
                | "obviously"
                | "presumably"
                | "probably"
                | "please"
                | "let"
                | "let's"
                | "say"
                | "think"
                | "describe"
                | "explain"
        )
}

pub(crate) fn is_wh(w: &str) -> bool {
    matches!(
        w,
        "what" | "how" | "why" | "where" | "when" | "who" | "whom" | "whose" | "which"
    )
}

pub(crate) fn is_aux(w: &str) -> bool {
    matches!(
        w,
        "do" | "does"
            | "did"
            | "is"
            | "are"
            | "was"
            | "were"
            | "am"
            | "have"
            | "has"
            | "had"
            | "can"
            | "could"
            | "will"
            | "would"
            | "should"
            | "shall"
            | "may"
            | "might"
            | "must"
            | "don't"
            | "doesn't"
            | "didn't"
            | "isn't"
            | "aren't"
            | "wasn't"
            | "weren't"
            | "haven't"
            | "hasn't"
            | "hadn't"
            | "can't"
            | "couldn't"
            | "won't"
            | "wouldn't"
            | "shouldn't"
            | "mustn't"
    )
}

fn is_subjectish(w: &str) -> bool {
    matches!(
        w,
        "you"
            | "i"
            | "we"
            | "they"
            | "he"
            | "she"
            | "it"
            | "that"
            | "this"
            | "there"
            | "these"
            | "those"
            | "your"
            | "my"
            | "our"
            | "their"
            | "his"
            | "her"
            | "its"
            | "the"
            | "a"
            | "an"
            | "any"
            | "anyone"
            | "anybody"
            | "anything"
            | "someone"
            | "somebody"
            | "something"
            | "everyone"
            | "everybody"
            | "everything"
            | "people"
            | "some"
            | "all"
            | "most"
            | "many"
            | "much"
            | "each"
            | "every"
            | "both"
            | "either"
            | "neither"
            | "no"
            | "one"
            | "other"
            | "others"
            | "y'all"
    )
}

static INVITATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:please )?(?:(?:would|do) you mind \w+ing\b|(?:(?:can|could|would|will) you (?:please |just |maybe |perhaps |quickly |briefly |kindly |also |now |first )*|",
        r"would you be (?:able|willing) to |are you able to |",
        r"do you want to |would you like to |",
        r"i would (?:love|like) (?:you )?to |i would (?:love|like) it if you could |",
        r"i want to |i want you to |i am keen to |i am interested in |i am curious (?:about|to) |",
        r"maybe |perhaps |if you could |let us |let's |could we |can we |why don't you |",
        r"(?:can|could|may) i ask you to |",
        r")(?:tell (?:me|us)|walk (?:me|us)|talk (?:me|us) through|talk (?:about|to me about|a bit about)|take (?:me|us) (?:through|back)|describe|explain|share (?:a|an|some|more|what|how|why|your experience|the story|with me)|show (?:me|us) (?:how|what|where)|give (?:me|us) (?:an|a|some|more)|help (?:me|us) understand|go through|run (?:me )?through|paint (?:me )?a picture|say (?:a bit )?more|expand|elaborate|unpack|start by|start with|begin by|begin with|recount|remind me (?:how|what|why|who|when|where)|hear about|hear more|understand (?:how|what|why|more)|learn (?:how|what|more|about)|go back|think (?:back|of|about)|set the scene|describing|telling|walking|sharing|explaining|talking)\b)"
    ))
    .expect("valid regex")
});

static TAG_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|,|-|\s)\s*(?:right|yeah|yes|no|correct|true|huh|eh|okay|ok|innit|am i right|isn't it|isn't that|isn't that (?:right|true|so)|aren't they|aren't you|aren't we|doesn't it|doesn't he|doesn't she|don't you|don't they|don't we|didn't it|didn't you|didn't they|wouldn't you|wouldn't it|won't it|won't you|can't you|haven't you|hasn't it|wasn't it|weren't they|weren't you|was it|is it|would you say|do you think|agreed|yes or no) \?$").expect("valid regex")
});

/// Classifies a sentence from its core tokens.
fn classify(norm: &str, toks: &[Tok], core: usize, ends_q: bool) -> Form {
    let core_str = toks.get(core).map_or("", |t| &norm[t.n0 as usize..]);
    let words: Vec<&str> = toks[core.min(toks.len())..]
        .iter()
        .filter(|t| !t.punct)
        .map(|t| &norm[t.n0 as usize..t.n1 as usize])
        .collect();
    if words.is_empty() {
        return Form::Statement;
    }
    let w0 = words[0];
    let w1 = words.get(1).copied().unwrap_or("");
    if INVITATION.is_match(core_str) {
        // "Can you tell me whether/if…" asks yes or no.
        let yes_no = core_str.contains(" tell me if ") || core_str.contains(" tell me whether ");
        return if yes_no {
            Form::YesNo
        } else {
            Form::Invitation
        };
    }
    // "In what way", "to what extent", "for how long": a preposition then a wh-word.
    let wh_start = is_wh(w0)
        || (matches!(
            w0,
            "in" | "to"
                | "for"
                | "at"
                | "on"
                | "with"
                | "from"
                | "by"
                | "of"
                | "about"
                | "roughly"
                | "approximately"
                | "exactly"
                | "and"
        ) && is_wh(w1));
    if wh_start {
        let wi = if is_wh(w0) { 0 } else { 1 };
        let next = words.get(wi + 1).copied().unwrap_or("");
        let next2 = words.get(wi + 2).copied().unwrap_or("");
        if ends_q {
            return Form::Wh;
        }
        // Without a question mark, a wh-word then a subject and verb is a clause, not a question
        // ("What I found was…"); a wh-word then an auxiliary or a verb asks.
        let inverted = is_aux(next)
            || matches!(
                next,
                "happened"
                    | "happens"
                    | "made"
                    | "makes"
                    | "caused"
                    | "causes"
                    | "changed"
                    | "goes"
                    | "went"
                    | "gets"
                    | "got"
                    | "comes"
                    | "came"
                    | "kept"
                    | "led"
                    | "else"
                    | "come"
                    | "much"
                    | "many"
                    | "long"
                    | "often"
                    | "kind"
                    | "kinds"
                    | "sort"
                    | "type"
                    | "part"
                    | "one"
                    | "exactly"
            )
            || (next == "about" && !next2.is_empty());
        return if inverted && words.len() >= 2 {
            Form::Wh
        } else {
            Form::Statement
        };
    }
    if is_aux(w0) {
        let subj = is_subjectish(w1)
            || toks
                .iter()
                .skip(core + 1)
                .find(|t| !t.punct)
                .is_some_and(|t| t.cap);
        if ends_q && (subj || words.len() >= 2) {
            return Form::YesNo;
        }
        if !ends_q
            && subj
            && matches!(
                w1,
                "you" | "it" | "that" | "this" | "there" | "they" | "your" | "we"
            )
            && words.len() >= 3
        {
            return Form::YesNo;
        }
        // "was a nightmare honestly" is a statement that lost its subject.
        let lost_subject = matches!(w0, "is" | "are" | "was" | "were") && matches!(w1, "a" | "an");
        // Unpunctuated speech: "has the league ever fined you for that" asks too. An
        // auxiliary then a determined subject, long enough to hold a verb; not the
        // imperatives "have a look", "do the rounds".
        if !ends_q
            && words.len() >= 4
            && !matches!(w0, "have" | "do" | "must" | "may" | "might")
            && !lost_subject
            && matches!(
                w1,
                "the"
                    | "a"
                    | "an"
                    | "any"
                    | "anyone"
                    | "anybody"
                    | "someone"
                    | "somebody"
                    | "everyone"
                    | "anything"
                    | "people"
                    | "my"
                    | "our"
                    | "his"
                    | "her"
                    | "their"
                    | "he"
                    | "she"
                    | "those"
                    | "these"
            )
        {
            return Form::YesNo;
        }
    }
    if ends_q {
        if TAG_END.is_match(core_str) && words.len() >= 3 {
            return Form::Tag;
        }
        if words.len() <= 3
            && !words
                .iter()
                .any(|w| is_subjectish(w) && *w != "the" && *w != "a")
        {
            return Form::Fragment;
        }
        // A verbless phrase: no auxiliary, no pronoun subject ("Perhaps one of your technicians, or the manager?").
        let has_clause = words.iter().any(|w| {
            is_aux(w)
                || matches!(
                    *w,
                    "you" | "i" | "we" | "they" | "he" | "she" | "it" | "that" | "there"
                )
        });
        if !has_clause {
            return Form::Fragment;
        }
        return Form::Declarative;
    }
    Form::Statement
}

/// Whether a wh-word and the word after it open a question ("when did…", "which part…",
/// "how long…") rather than a subordinate clause ("when money comes in…", "how you do it…").
pub(crate) fn wh_opens_question(a: &str, b: &str) -> bool {
    let subject = matches!(
        b,
        "you"
            | "i"
            | "we"
            | "they"
            | "he"
            | "she"
            | "it"
            | "the"
            | "a"
            | "an"
            | "your"
            | "our"
            | "their"
            | "my"
            | "his"
            | "her"
            | "this"
            | "that"
            | "these"
            | "those"
            | "people"
            | "someone"
            | "somebody"
            | "everyone"
            | "anyone"
            | "there"
    );
    match a {
        "when" | "where" | "why" | "whenever" => is_aux(b),
        "how" => is_aux(b) || !subject,
        "what" | "who" | "which" | "whose" | "whom" => {
            !matches!(b, "you" | "i" | "we" | "they" | "he" | "she")
        }
        _ => false,
    }
}

/// Words that open a subordinate clause or frame before the question proper.
fn is_frame_start(norm: &str, toks: &[Tok], i: usize) -> bool {
    let w = word_at(norm, toks, i);
    let next = word_at(norm, toks, i + 1);
    if is_wh(w) {
        return !wh_opens_question(w, next);
    }
    let w_is_opener = is_aux(w) || matches!(w, "tell" | "walk" | "talk" | "describe" | "explain");
    !w_is_opener
}

/// After a leading frame ("If you had a magic wand, …", "These days, when…, …", "So just so I've
/// got the basics — …"), the index where the question itself starts; `core` when there is no frame.
fn main_clause(norm: &str, toks: &[Tok], core: usize, ends_q: bool) -> usize {
    if !is_frame_start(norm, toks, core) {
        return core;
    }
    let n = toks.len();
    if !ends_q {
        // Unpunctuated speech marks no break after an "if" frame: "if it did that would you
        // actually switch" asks from the inverted auxiliary on, three words in at least, and
        // not inside a wh-question ("…what do you do").
        // "and like if…": a filler may stand before the frame.
        let mut at = core;
        while at < n && matches!(word_at(norm, toks, at), "like" | "um" | "uh" | "so" | "and") {
            at += 1;
        }
        if word_at(norm, toks, at) != "if" {
            return core;
        }
        return (at + 3..n.saturating_sub(2))
            .find(|&j| {
                matches!(
                    word_at(norm, toks, j),
                    "would" | "will" | "could" | "do" | "did" | "can"
                ) && matches!(word_at(norm, toks, j + 1), "you" | "they" | "your")
                    && !is_wh(word_at(norm, toks, j - 1))
            })
            .unwrap_or(core);
    }
    for start in core + 1..n {
        if !matches!(word_at(norm, toks, start - 1), "," | "-" | ":" | ";" | "…") {
            continue;
        }
        // "— roughly how often…": adverbs before the opener.
        let mut j = start;
        while j < n
            && matches!(
                word_at(norm, toks, j),
                "roughly"
                    | "approximately"
                    | "exactly"
                    | "so"
                    | "and"
                    | "but"
                    | "then"
                    | "just"
                    | "also"
                    | "ok"
                    | "okay"
            )
        {
            j += 1;
        }
        let a = word_at(norm, toks, j);
        let b = word_at(norm, toks, j + 1);
        // At least three words must follow, so a tag ("…, aren't they?") is not taken for the question.
        let words_after = toks[j.min(n)..].iter().filter(|t| !t.punct).count();
        if words_after < 3 {
            continue;
        }
        let opener = (is_wh(a) && wh_opens_question(a, b))
            || (is_aux(a) && is_subjectish(b))
            || matches!(a, "tell" | "walk" | "talk")
            || (matches!(a, "can" | "could" | "would") && b == "you");
        if opener {
            return j;
        }
    }
    core
}

/// Splits at `. ` or `? ` before a lower-case word: speech-to-text starts sentences in lower case,
/// which Unicode sentence boundaries do not break on ("ha. so if there was…").
fn split_lowercase_starts(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let seg = &text[start..end];
    let mut from = 0;
    let bytes = seg.as_bytes();
    for i in 1..bytes.len().saturating_sub(2) {
        if matches!(bytes[i], b'.' | b'?' | b'!')
            && bytes[i + 1] == b' '
            && bytes[i + 2].is_ascii_lowercase()
        {
            let before = seg[..i]
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let abbreviation = matches!(
                before.to_ascii_lowercase().as_str(),
                "e" | "g"
                    | "i"
                    | "etc"
                    | "vs"
                    | "mr"
                    | "mrs"
                    | "ms"
                    | "dr"
                    | "st"
                    | "no"
                    | "approx"
                    | "incl"
                    | "dept"
            );
            if !abbreviation && i + 1 > from {
                out.push((start + from, start + i + 1));
                from = i + 1;
            }
        }
    }
    out.push((start + from, end));
}

static SPOKEN_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)(?:yeah|right|huh|eh|innit|correct|isn't it|isn't that|aren't they|don't you|don't they|didn't it|didn't you|wouldn't you|wouldn't it|won't it|yes or no|you know what i mean) ?[.!]?$").expect("valid regex")
});

/// Sentence-break classes of UAX #29, for the characters the fast path knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sb {
    Sep,
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    Other,
}

/// The class of an ASCII byte, or of one of the few other characters common in transcripts
/// (curly quotes, dashes, the ellipsis); `None` for any other character.
const fn sb_class(c: char) -> Option<Sb> {
    Some(match c {
        '\r' | '\n' => Sb::Sep,
        ' ' | '\t' | '\x0b' | '\x0c' => Sb::Sp,
        'a'..='z' => Sb::Lower,
        'A'..='Z' => Sb::Upper,
        '0'..='9' => Sb::Numeric,
        '.' => Sb::ATerm,
        '!' | '?' => Sb::STerm,
        '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '‘' | '’' | '“' | '”' => Sb::Close,
        ',' | '-' | ':' | ';' | '–' | '—' => Sb::SContinue,
        '…' => Sb::Other,
        c if c.is_ascii() => Sb::Other,
        _ => return None,
    })
}

/// Sentence boundaries of UAX #29 for text whose every character [`sb_class`] knows: the
/// rules SB3 to SB11 applied straight to the bytes, nothing allocated. A test compares the
/// result with `unicode-segmentation`'s on random text.
fn sb_bounds(text: &str, out: &mut Vec<(usize, usize)>) {
    let b = text.as_bytes();
    let n = b.len();
    // The class of the character at byte `i`, and where the next one starts (CR LF is one
    // separator, SB3).
    // The classes of the ASCII bytes, looked up rather than matched.
    const ASCII: [Sb; 128] = {
        let mut t = [Sb::Other; 128];
        let mut i = 0;
        while i < 128 {
            if let Some(c) = sb_class(i as u8 as char) {
                t[i] = c;
            }
            i += 1;
        }
        t
    };
    let at = |i: usize| -> (Sb, usize) {
        if b[i] < 0x80 {
            let next = if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                i + 2
            } else {
                i + 1
            };
            (ASCII[usize::from(b[i])], next)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (sb_class(c).unwrap_or(Sb::Other), i + c.len_utf8())
        }
    };
    // The class of the character before byte `i`.
    let before = |i: usize| -> Option<Sb> {
        let c = text[..i].chars().next_back()?;
        Some(sb_class(c).unwrap_or(Sb::Other))
    };
    let mut start = 0;
    let mut i = 0;
    while i < n {
        // Only separators and terminators can end a sentence, and all of them are ASCII:
        // skip straight to the next one (never into the middle of a character).
        match b[i..]
            .iter()
            .position(|&x| matches!(x, b'\r' | b'\n' | b'.' | b'!' | b'?'))
        {
            Some(k) => i += k,
            None => break,
        }
        let (c, next) = at(i);
        match c {
            Sb::Sep => {
                // SB4: break after a paragraph separator.
                i = next;
                out.push((start, i));
                start = i;
            }
            Sb::ATerm | Sb::STerm => {
                let aterm = c == Sb::ATerm;
                let mut j = next;
                if aterm && j < n {
                    // SB6: "3.5"; SB7: "U.S.A".
                    let (cj, _) = at(j);
                    if cj == Sb::Numeric
                        || (cj == Sb::Upper && matches!(before(i), Some(Sb::Upper | Sb::Lower)))
                    {
                        i = j;
                        continue;
                    }
                }
                while j < n && at(j).0 == Sb::Close {
                    j = at(j).1;
                }
                while j < n && at(j).0 == Sb::Sp {
                    j = at(j).1;
                }
                if j < n {
                    let (cj, after) = at(j);
                    // SB8a: a comma, colon or another terminator continues the sentence.
                    if matches!(cj, Sb::SContinue | Sb::ATerm | Sb::STerm) {
                        i = j;
                        continue;
                    }
                    // SB8: after a full stop, a lower-case word further on continues it.
                    if aterm {
                        let mut k = j;
                        let mut ck = cj;
                        while k < n
                            && !matches!(
                                ck,
                                Sb::Upper | Sb::Lower | Sb::Sep | Sb::ATerm | Sb::STerm
                            )
                        {
                            k = at(k).1;
                            if k < n {
                                ck = at(k).0;
                            }
                        }
                        if k < n && ck == Sb::Lower {
                            i = j;
                            continue;
                        }
                    }
                    // SB11: break after the spaces and one paragraph separator.
                    if cj == Sb::Sep {
                        j = after;
                    }
                }
                if j < n {
                    out.push((start, j));
                    start = j;
                }
                i = j;
            }
            _ => i = next,
        }
    }
    if start < n {
        out.push((start, n));
    }
}

/// Sentence boundaries (UAX #29) as `(start, end)` byte ranges: a fast path for text made
/// of ASCII and the common curly quotes, dashes and ellipsis; `unicode-segmentation` otherwise.
fn sentence_bounds(text: &str, out: &mut Vec<(usize, usize)>) {
    if text.is_ascii() || text.chars().all(|c| sb_class(c).is_some()) {
        sb_bounds(text, out);
    } else {
        out.extend(
            text.split_sentence_bound_indices()
                .map(|(start, s)| (start, start + s.len())),
        );
    }
}

/// Whether `text` holds any of the `ascii` bytes or any of the `others` (characters beyond
/// ASCII, not looked for in ASCII text): a few vectorised scans of the bytes, where
/// `str::contains` with a set of characters decodes every one.
fn contains_any(text: &str, ascii: &[u8], others: &[&str]) -> bool {
    debug_assert!(others.iter().all(|o| !o.is_ascii()));
    let b = text.as_bytes();
    ascii.chunks(3).any(|c| match *c {
        [x] => memchr::memchr(x, b).is_some(),
        [x, y] => memchr::memchr2(x, y, b).is_some(),
        [x, y, z] => memchr::memchr3(x, y, z, b).is_some(),
        _ => false,
    }) || (!b.is_ascii()
        && others
            .iter()
            .any(|o| memchr::memmem::find(b, o.as_bytes()).is_some()))
}

/// How many questions a turn asks, for speakers whose sentences are not judged.
///
/// A punctuated turn (one with any sentence punctuation) asks questions only where it has a
/// question mark, so only its sentences with one are analysed ("What do you mean. Is it
/// ok?" asks one); unpunctuated speech-to-text is analysed in full, as the interviewer's is.
pub(crate) fn count_questions(text: &str, names: &[String]) -> usize {
    // Question marks: ASCII, and the full-width and inverted ones.
    let asks = |t: &str| contains_any(t, b"?", &["？", "¿"]);
    let punctuated = contains_any(text, b".!?", &["。", "！", "？", "…"]);
    if punctuated && !asks(text) {
        return 0;
    }
    // One sentence at a time: nothing is kept, however long the turn. Punctuated, only the
    // sentences with a question mark are read: the rest ask nothing, as in a turn without one.
    let mut reader = Reader::new(text, names);
    sentence_spans(text)
        .into_iter()
        .filter(|&(a, b)| !punctuated || asks(&text[a..b]))
        .filter_map(|(a, b)| reader.read(a, b))
        .filter(|s| s.form.is_question())
        .count()
}

/// The byte ranges of a turn's sentences, before analysis: Unicode sentence boundaries, then
/// breaks before lower-case starts and inside unpunctuated run-ons. Blank stretches are left out.
pub(crate) fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    // About one sentence for every 60 bytes of speech.
    let guess = text.len() / 60 + 2;
    let mut bounds = Vec::with_capacity(guess);
    let mut pieces = Vec::with_capacity(4);
    let mut uax = Vec::with_capacity(guess);
    sentence_bounds(text, &mut uax);
    for (start, end) in uax {
        if text[start..end].trim().is_empty() {
            continue;
        }
        pieces.clear();
        split_lowercase_starts(text, start, end, &mut pieces);
        for &(a, b) in &pieces {
            split_run_on(text, a, b, &mut bounds);
        }
    }
    bounds
}

/// Analyses the sentences of one turn, one span at a time.
pub(crate) struct Reader<'a> {
    text: &'a str,
    names: &'a [String],
    /// A turn with no question mark at all is unpunctuated speech-to-text: a statement that
    /// ends in "yeah" or "right" is a tag question there.
    unpunctuated: bool,
    scratch: Scratch,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str, names: &'a [String]) -> Self {
        Reader {
            text,
            names,
            unpunctuated: !text.contains('?'),
            scratch: Scratch::default(),
        }
    }

    /// The sentence at `text[start..end]`, or `None` when it holds only punctuation.
    pub fn read(&mut self, start: usize, end: usize) -> Option<Sentence> {
        let text = self.text;
        let (norm, toks) = normalise(text, start, end, &mut self.scratch);
        if toks.iter().all(|t| t.punct) {
            return None;
        }
        let core = find_core(&norm, &toks, self.names);
        let ends_q = toks
            .iter()
            .rev()
            .find(|t| !matches!(&norm[t.n0 as usize..t.n1 as usize], "\"" | "'" | ")" | "]"))
            .is_some_and(|t| &norm[t.n0 as usize..t.n1 as usize] == "?");
        let main = main_clause(&norm, &toks, core, ends_q);
        let mut form = classify(&norm, &toks, main, ends_q);
        if self.unpunctuated
            && form == Form::Statement
            && toks.iter().filter(|t| !t.punct).count() >= 5
            && SPOKEN_TAG.is_match(&norm)
        {
            form = Form::Tag;
        }
        let trimmed_end = start + text[start..end].trim_end().len();
        Some(Sentence {
            start,
            end: trimmed_end,
            norm,
            toks,
            core,
            main,
            form,
            ends_q,
            gate: Default::default(),
            kind: Default::default(),
            referral: Default::default(),
        })
    }
}

/// The byte ranges of a turn's sentences as analysed (trimmed, those of punctuation and
/// fillers only left out), without keeping the analysis.
pub(crate) fn sentence_ranges(text: &str, names: &[String]) -> Vec<(usize, usize)> {
    let mut reader = Reader::new(text, names);
    sentence_spans(text)
        .into_iter()
        .filter_map(|(a, b)| reader.read(a, b).map(|s| (s.start, s.end)))
        .collect()
}

/// Of [`sentence_ranges`], only the first that ends after `a` and the last that starts before
/// `b`: all that a finding's context needs, without analysing a long turn's middle.
pub(crate) fn ranges_around(
    text: &str,
    names: &[String],
    a: usize,
    b: usize,
) -> Vec<(usize, usize)> {
    let spans = sentence_spans(text);
    let mut reader = Reader::new(text, names);
    let mut read = |&(x, y): &(usize, usize)| reader.read(x, y).map(|s| (s.start, s.end));
    let first = spans.iter().filter_map(&mut read).find(|r| r.1 > a);
    let last = spans
        .iter()
        .rev()
        .filter_map(&mut read)
        .find(|r| r.0 < b.max(a + 1));
    let mut out: Vec<(usize, usize)> = first.into_iter().chain(last).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// All sentences of a turn, analysed.
pub(crate) fn sentences(text: &str, names: &[String]) -> Vec<Sentence> {
    let mut reader = Reader::new(text, names);
    sentence_spans(text)
        .into_iter()
        .filter_map(|(a, b)| reader.read(a, b))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(text: &str) -> Vec<(Form, String)> {
        sentences(text, &["Ravi".to_string()])
            .into_iter()
            .map(|s| (s.form, s.core_norm().to_string()))
            .collect()
    }

    fn form(text: &str) -> Form {
        let f = forms(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        f[0].0
    }

    #[test]
    fn contains_any_finds_ascii_bytes_and_other_characters() {
        assert!(contains_any("why?", b".!?", &["？"]));
        assert!(contains_any("なぜ？", b"?", &["？", "¿"]));
        assert!(!contains_any("no question here", b"?", &["？", "¿"]));
        assert!(!contains_any("café", b"?", &["？"]));
    }

    #[test]
    fn normalises_speech() {
        let s = &sentences("Um, so what's the the, like, main thing you'd change?", &[])[0];
        assert_eq!(s.norm, ", so what is the , main thing you would change ?");
        assert_eq!(s.core_norm(), "what is the , main thing you would change ?");
        let (a, b) = s.source_range(
            s.norm.find("what").unwrap(),
            s.norm.find(" is").unwrap() + 3,
        );
        assert_eq!(
            &"Um, so what's the the, like, main thing you'd change?"[a..b],
            "what's"
        );
    }

    #[test]
    fn question_forms() {
        assert_eq!(form("So how do you handle building regs?"), Form::Wh);
        assert_eq!(form("how do you handle building regs"), Form::Wh);
        assert_eq!(form("What I found was that it broke."), Form::Statement);
        assert_eq!(
            form("Could you walk me through the last reconciliation you did?"),
            Form::Invitation
        );
        assert_eq!(
            form("Would you mind telling me a bit about your first weeks?"),
            Form::Invitation
        );
        assert_eq!(form("Tell me about the log."), Form::Invitation);
        assert_eq!(
            form("Walk me through how you write the report."),
            Form::Invitation
        );
        assert_eq!(form("Say more about that?"), Form::Invitation);
        assert_eq!(
            form("Maybe start with what your job looks like day to day?"),
            Form::Invitation
        );
        assert_eq!(
            form("Do you use the reminder feature at all now?"),
            Form::YesNo
        );
        assert_eq!(form("Ravi, did you ever try it?"), Form::YesNo);
        assert_eq!(form("Would you sign up for that?"), Form::YesNo);
        assert_eq!(form("do you use spreadsheets for that"), Form::YesNo);
        assert_eq!(form("That must be so chaotic, right?"), Form::Tag);
        assert_eq!(
            form("Keyword rules are just the wrong approach, aren't they?"),
            Form::Tag
        );
        assert_eq!(form("You use spreadsheets for this?"), Form::Declarative);
        assert_eq!(form("Noisy how?"), Form::Fragment);
        assert_eq!(form("Really?"), Form::Fragment);
        assert_eq!(form("And when Ciarán's off as well?"), Form::Wh);
        assert_eq!(
            form("Remind me — is the school a state primary or an academy?"),
            Form::YesNo
        );
        assert_eq!(form("Sorry, what's a credit?"), Form::Wh);
        assert_eq!(form("In what way was it different?"), Form::Wh);
        assert_eq!(form("We built a plugin."), Form::Statement);
    }

    #[test]
    fn splits_sentences_and_run_ons() {
        assert_eq!(
            forms(
                "Tell me about the late payers. What happened the last time one paid really late?"
            )
            .len(),
            2
        );
        let f = forms(
            "so we built this thing that syncs everything for you would you use it if it was free",
        );
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(f[1].0, Form::YesNo);
    }

    /// The tokeniser as first written, over chars, to check the byte-wise one against.
    fn raw_tokens_by_chars(text: &str, base: usize, out: &mut Vec<(usize, usize, bool)>) {
        let mut it = text.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if c.is_whitespace() {
                continue;
            }
            if is_word_char(c) {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = it.peek() {
                    if is_word_char(d) {
                        end = j + d.len_utf8();
                        it.next();
                    } else if matches!(d, '\'' | '’' | '-' | '.' | ':' | '/' | '&') {
                        // Inside a word: "don't", "long-term", "3.5", "micro:bit", "24/7".
                        let after = text[j + d.len_utf8()..].chars().next();
                        let inner_ok = match d {
                            '\'' | '’' | '-' | '&' => after.is_some_and(is_word_char),
                            _ => after.is_some_and(|a| a.is_alphanumeric()) && c.is_alphanumeric(),
                        };
                        if inner_ok {
                            it.next();
                            end = j + d.len_utf8();
                        } else {
                            break;
                        }
                    } else {
                        break;
                    }
                }
                out.push((base + i, base + end, false));
            } else if c == '.' && text[i..].starts_with("...") {
                it.next();
                it.next();
                out.push((base + i, base + i + 3, true));
            } else if c == '-' && text[i + 1..].starts_with('-') {
                it.next();
                out.push((base + i, base + i + 2, true));
            } else {
                out.push((base + i, base + i + c.len_utf8(), true));
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn count_words_fast_path_agrees(text in "[aZ0 '_.,(\\[\\])’é你—-]{0,30}") {
            proptest::prop_assert_eq!(count_words(&text), count_words_general(&text));
        }

        #[test]
        fn raw_tokens_agree_with_the_char_by_char_reading(text in "[aZ0 _.,:/&'’é你—\t…-]{0,30}") {
            let (mut got, mut want) = (Vec::new(), Vec::new());
            raw_tokens(&text, 3, &mut got);
            raw_tokens_by_chars(&text, 3, &mut want);
            proptest::prop_assert_eq!(got, want);
        }

        #[test]
        fn count_words_eight_bytes_at_a_time_agrees(text in "[ -~&&[^(\\[]]{0,80}") {
            proptest::prop_assert_eq!(count_words(&text), count_words_general(&text));
        }

        #[test]
        fn count_words_carries_words_through_runs_of_joining_characters(
            text in "[a1 '_.-]{0,64}"
        ) {
            proptest::prop_assert_eq!(count_words(&text), count_words_general(&text));
        }

        #[test]
        fn sentence_bounds_agree_with_uax29(
            text in proptest::string::string_regex(
                "[aAz1 .?!\\n\\r\\t\\x0b\\x0c\"'()\\[\\]{},:;#_‘’“”–—…é-]{0,40}"
            ).unwrap()
        ) {
            let mut fast = Vec::new();
            sentence_bounds(&text, &mut fast);
            let uax: Vec<(usize, usize)> = text
                .split_sentence_bound_indices()
                .map(|(a, s)| (a, a + s.len()))
                .collect();
            proptest::prop_assert_eq!(fast, uax, "{:?}", text);
        }
    }

    #[test]
    fn sentence_bounds_on_speech() {
        for text in [
            "So. what do you do? I use v2.5 of it. The U.S. team said \"no.\" Then (maybe) not!",
            "Okay... right. e.g. this one.\r\nNext line?\n\nAnd then",
            "Really?! Yes: it was. 3.5 hours. Mr. Smith - he left.",
            "It’s “fine.” Isn’t it? — well… no. Café’s closed.",
        ] {
            let mut fast = Vec::new();
            sentence_bounds(text, &mut fast);
            let uax: Vec<(usize, usize)> = text
                .split_sentence_bound_indices()
                .map(|(a, s)| (a, a + s.len()))
                .collect();
            assert_eq!(fast, uax, "{text:?}");
        }
    }

    #[test]
    fn punctuated_turns_ask_only_where_they_have_a_question_mark() {
        assert_eq!(
            count_questions("What do you mean. Why would I. Is it ok? Sure.", &[]),
            1
        );
        assert_eq!(count_questions("How would I know. I just do it.", &[]), 0);
        assert_eq!(count_questions("Is it ok? Or is it not? Fine.", &[]), 2);
        // Unpunctuated speech-to-text is read in full.
        assert_eq!(count_questions("so what do you do for work", &[]), 1);
    }

    #[test]
    fn words() {
        assert_eq!(count_words("Hello there, how are you?"), 5);
        assert_eq!(count_words("it's twenty-nine pounds [crosstalk] a seat"), 5);
        assert_eq!(count_words(""), 0);
    }
}
