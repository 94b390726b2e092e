//! Words: counting them (the talk metrics) and the byte tables of the word scanners.

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
pub(super) const HIGH: u64 = 0x8080_8080_8080_8080;

pub(super) const ONES: u64 = 0x0101_0101_0101_0101;

/// For eight ASCII bytes, the top bit of each set where the byte is an apostrophe, a hyphen
/// or an underscore.
pub(super) fn swar_join(x: u64) -> u64 {
    // A byte below 0x80 plus 0x7F reaches the top bit unless it is zero, and never carries.
    let equal = |c: u8| !((x ^ (ONES * u64::from(c))) + ONES * 0x7F) & HIGH;
    equal(b'\'') | equal(b'-') | equal(b'_')
}

/// For eight ASCII bytes, the top bit of each set where the byte is a letter or a digit.
pub(super) fn swar_alphanumeric(x: u64) -> u64 {
    // Each byte is below 0x80, so adding up to 0x80 to it never carries into the next.
    let at_least = |v: u64, lo: u8| v + ONES * u64::from(0x80 - lo);
    let at_most = |v: u64, hi: u8| !(v + ONES * u64::from(0x7F - hi));
    let lower = x | (ONES * 0x20);
    let letter = at_least(lower, b'a') & at_most(lower, b'z');
    let digit = at_least(x, b'0') & at_most(x, b'9');
    (letter | digit) & HIGH
}

/// A word as typed, without the punctuation around it (an apostrophe inside or at its ends
/// is kept: "don't", "'cause") and in lower case: how a word split at white space is compared
/// with a word list.
pub(crate) fn bare_lower(raw: &str) -> String {
    bare_lower_cow(raw).into_owned()
}

/// [`bare_lower`], copied only when lower case differs (a word already in lower case is
/// borrowed): for comparing many words where most are.
pub(crate) fn bare_lower_cow(raw: &str) -> std::borrow::Cow<'_, str> {
    let t = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
    if !t.is_ascii() {
        std::borrow::Cow::Owned(t.to_lowercase())
    } else if t.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(t.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(t)
    }
}

/// [`count_words`] of each turn, in order.
pub(crate) fn turn_words(turns: &[crate::model::Turn]) -> Vec<usize> {
    turns.iter().map(|u| count_words(&u.text)).collect()
}

/// [`count_words`] for any text: annotations in brackets, and Unicode letters and CJK.
pub(super) fn count_words_general(text: &str) -> usize {
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

pub(super) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF)
}

pub(super) fn is_word_char(c: char) -> bool {
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
pub(super) const ASCII_WORD: [bool; 128] = alphanumeric_or(b'_');

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
