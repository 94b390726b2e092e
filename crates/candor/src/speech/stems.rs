//! Word stems of what the interviewees said, for telling an echo of their words from a lead.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

/// Word stems the interviewees have used, for telling an echo from a lead:
/// all of them so far, and those of the turn the interviewer is answering.
///
/// The turns are only remembered as they come; their stems are collected the first time a
/// rule asks, and each turn at most once for each question, so a transcript where no rule
/// needs them pays nothing.
#[derive(Debug, Default)]
pub(crate) struct Echo<'t> {
    turns: Vec<&'t str>,
    /// Bytes in `turns`.
    bytes: usize,
    /// Where the exchange being answered starts in `turns`.
    recent_from: usize,
    /// Stems of `turns[..n]`, once looking stems up one by one has cost more than this would.
    all: RefCell<(usize, StemSet)>,
    /// Stems asked about so far: whether said, and in how many turns looked for.
    asked: RefCell<HashMap<u64, (bool, usize), super::WordHasher>>,
    /// Bytes searched for stems one by one.
    searched: std::cell::Cell<usize>,
    /// Stems of `turns[from..n]`.
    recent: RefCell<(usize, usize, StemSet)>,
}

type StemSet = HashSet<u64, super::WordHasher>;

/// The first five letters of a word: enough to match "frustrating" with "frustrated".
pub(crate) fn stem(word: &str) -> &str {
    match word.char_indices().nth(5) {
        Some((i, _)) => &word[..i],
        None => word,
    }
}

/// A stem as a number: its bytes when they fit in eight (always, for ASCII), else a hash.
fn stem_key(stem: &str) -> u64 {
    let b = stem.as_bytes();
    if b.len() <= 8 {
        let mut k = [0u8; 8];
        k[..b.len()].copy_from_slice(b);
        u64::from_le_bytes(k)
    } else {
        // FNV-1a, with the top bit set so that it cannot equal a packed ASCII stem.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &x in b {
            h = (h ^ u64::from(x)).wrapping_mul(0x0100_0000_01b3);
        }
        h | 1 << 63
    }
}

/// Adds the stems of the words of `text` to `set`: words are runs of letters, digits and
/// apostrophes, and those of one or two bytes are left out.
fn add_stems(text: &str, set: &mut StemSet) {
    let b = text.as_bytes();
    // ASCII word bytes by table; other characters decoded.
    const WORD: [bool; 128] = super::alphanumeric_or(b'\'');
    // Whether a word goes on at byte `i`, and the length of its character there.
    let word_at = |i: usize| -> (bool, usize) {
        match b[i] {
            x if x < 0x80 => (WORD[usize::from(x)], 1),
            _ => {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c.is_alphanumeric() || c == '’', c.len_utf8())
            }
        }
    };
    let ascii_word = |x: u8| x < 0x80 && WORD[usize::from(x)];
    let mut lower = String::new();
    let mut i = 0;
    while i < b.len() {
        // ASCII spaces and punctuation, the common case between words, by table.
        while b.get(i).is_some_and(|&x| x < 0x80 && !WORD[usize::from(x)]) {
            i += 1;
        }
        if i == b.len() {
            break;
        }
        let (word, n) = word_at(i);
        if !word {
            i += n;
            continue;
        }
        let start = i;
        let mut ascii = true;
        i += n;
        ascii &= n == 1;
        loop {
            while b.get(i).is_some_and(|&x| ascii_word(x)) {
                i += 1;
            }
            if i == b.len() {
                break;
            }
            let (word, n) = word_at(i);
            if !word {
                break;
            }
            ascii &= n == 1;
            i += n;
        }
        let w = &b[start..i];
        if w.len() <= 2 {
            continue;
        }
        if ascii {
            // The stem is the first five bytes, lower-cased, packed into the key.
            let mut k = [0u8; 8];
            for (d, s) in k.iter_mut().zip(&w[..w.len().min(5)]) {
                *d = s.to_ascii_lowercase();
            }
            set.insert(u64::from_le_bytes(k));
        } else {
            lower.clear();
            lower.extend(text[start..i].chars().flat_map(char::to_lowercase).take(5));
            set.insert(stem_key(&lower));
        }
    }
}

/// Whether `text` has a word whose stem ([`add_stems`]) is `st`: lower-case ASCII word
/// bytes, three to five of them. The word starts with `st` (ASCII letters in either case)
/// and, when `st` is shorter than five bytes, ends there.
fn says_stem(text: &str, st: &[u8]) -> bool {
    const WORD: [bool; 128] = super::alphanumeric_or(b'\'');
    let is_word = |c: char| {
        if c.is_ascii() {
            WORD[c as usize]
        } else {
            c.is_alphanumeric() || c == '’'
        }
    };
    let b = text.as_bytes();
    let first = st[0];
    let n = st.len();
    let mut from = 0;
    while let Some(i) = memchr::memchr2(first, first.to_ascii_uppercase(), &b[from..]) {
        let at = from + i;
        from = at + 1;
        let Some(here) = b.get(at..at + n) else {
            return false;
        };
        if !here.eq_ignore_ascii_case(st) {
            continue;
        }
        if text[..at].chars().next_back().is_some_and(is_word) {
            continue;
        }
        if n < 5 && text[at + n..].chars().next().is_some_and(is_word) {
            continue;
        }
        return true;
    }
    false
}

impl<'t> Echo<'t> {
    /// Adds an interviewee turn; `new_exchange` when an interviewer spoke since the last one.
    pub fn add(&mut self, text: &'t str, new_exchange: bool) {
        if new_exchange {
            self.recent_from = self.turns.len();
        }
        self.turns.push(text);
        self.bytes += text.len();
    }

    /// Whether the interviewees have said a word with this word's stem at any point so far.
    ///
    /// Rules ask this of a few words in an interview (the words of a price, mostly), so an
    /// ASCII stem is looked for in what the interviewees said, each turn once for each
    /// stem (a byte search, many times cheaper than collecting every word's stem); only
    /// when that has read everything they said eight times over are all their stems
    /// collected in a set, which answers any word at once.
    pub fn has(&self, word: &str) -> bool {
        let st = stem(word);
        if self.searched.get() <= 8 * self.bytes && st.is_ascii() {
            return self.has_ascii(st);
        }
        self.has_in_set(st)
    }

    /// [`Echo::has`] by searching the turns for `st`, an ASCII stem.
    fn has_ascii(&self, st: &str) -> bool {
        // A stem in the set is lower case, of word bytes, and at least three long (words of
        // one or two bytes are not kept).
        const WORD: [bool; 128] = super::alphanumeric_or(b'\'');
        let b = st.as_bytes();
        if b.len() <= 2
            || !b
                .iter()
                .all(|&x| WORD[usize::from(x)] && !x.is_ascii_uppercase())
        {
            return false;
        }
        let mut asked = self.asked.borrow_mut();
        let (said, done) = asked.entry(stem_key(st)).or_insert((false, 0));
        if !*said {
            for t in &self.turns[*done..] {
                self.searched.set(self.searched.get() + t.len());
                if says_stem(t, b) {
                    *said = true;
                    break;
                }
            }
            *done = self.turns.len();
        }
        *said
    }

    /// [`Echo::has`] by the set of every stem said.
    fn has_in_set(&self, st: &str) -> bool {
        let mut all = self.all.borrow_mut();
        let (done, set) = &mut *all;
        // Room for the new stems up front rather than by doubling: about one distinct stem
        // for every twenty bytes of speech.
        let bytes: usize = self.turns[*done..].iter().map(|t| t.len()).sum();
        set.reserve(bytes / 20);
        for t in &self.turns[*done..] {
            add_stems(t, set);
        }
        *done = self.turns.len();
        set.contains(&stem_key(st))
    }

    /// Whether the interviewee turns just before (since the interviewer last spoke) said a
    /// word with this word's stem.
    pub fn recent(&self, word: &str) -> bool {
        let mut recent = self.recent.borrow_mut();
        let (from, done, set) = &mut *recent;
        if *from != self.recent_from || *done < *from {
            set.clear();
            *from = self.recent_from;
            *done = self.recent_from;
        }
        for t in &self.turns[*done..] {
            add_stems(t, set);
        }
        *done = self.turns.len();
        set.contains(&stem_key(stem(word)))
    }
}

#[cfg(test)]
mod tests {
    use super::{Echo, StemSet, add_stems, stem, stem_key};

    /// Words that share beginnings, in both cases, with apostrophes, digits and accents.
    const VOCABULARY: &[&str] = &[
        "man", "many", "MANY", "manage", "Manager", "mana", "ma", "m", "o'man", "’man", "man’s",
        "man's", "mañana", "éman", "0man", "man0", "20", "200", "2000", "month", "Months",
        "monthé", "mont", "it’s", "état",
    ];
    const SEPARATORS: &[&str] = &[" ", ", ", "—", "-", "'", "’", "é", "", ". "];

    proptest::proptest! {
        /// The byte-table scan keeps the stems a plain split into words gives.
        #[test]
        fn stems_are_those_of_the_words(text in "[aZ9 '’,.é—ÉSŞ]{0,40}") {
            let mut got = StemSet::default();
            add_stems(&text, &mut got);
            let want: StemSet = text
                .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
                .filter(|w| w.len() > 2)
                .map(|w| stem_key(stem(&w.to_lowercase())))
                .collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    proptest::proptest! {
        /// Looking a stem up in the turns answers as the set of all stems does.
        #[test]
        fn searching_for_a_stem_agrees_with_the_set(
            turns in proptest::collection::vec(
                proptest::collection::vec((0..VOCABULARY.len(), 0..SEPARATORS.len()), 0..8),
                0..4,
            ),
            words in proptest::collection::vec(0..VOCABULARY.len(), 1..6),
        ) {
            let turns: Vec<String> = turns
                .iter()
                .map(|t| t.iter().map(|&(w, s)| [VOCABULARY[w], SEPARATORS[s]].concat()).collect())
                .collect();
            let words: Vec<String> = words.iter().map(|&w| VOCABULARY[w].to_lowercase()).collect();
            let mut e = Echo::default();
            for t in &turns {
                e.add(t, false);
            }
            for w in &words {
                let st = stem(w);
                let searched = st.is_ascii().then(|| e.has_ascii(st));
                let set = e.has_in_set(st);
                if let Some(searched) = searched {
                    proptest::prop_assert_eq!(searched, set, "{:?} in {:?}", w, turns);
                }
                proptest::prop_assert_eq!(e.has(w), set);
            }
        }
    }

    #[test]
    fn a_stem_is_looked_for_until_a_set_is_cheaper() {
        let mut e = Echo::default();
        e.add("We pay per month, about twenty a SEAT.", true);
        assert!(e.has("monthly") && e.has("seat") && e.has("twenty"));
        assert!(
            !e.has("seats"),
            "a stem of five letters or fewer is a whole word"
        );
        assert!(!e.has("mon") && !e.has("abo") && !e.has("pa"));
        e.add("Yearly is fine.", false);
        assert!(e.has("yearly"), "a turn added later is searched too");
        assert!(
            e.all.borrow().1.is_empty(),
            "no set while searching is cheap"
        );
        let said = e.bytes;
        let mut asked = 0;
        while e.searched.get() <= 8 * said {
            assert!(!e.has(&format!("word{asked}")));
            asked += 1;
        }
        assert!(e.all.borrow().1.is_empty());
        assert!(!e.has("other"));
        assert!(
            !e.all.borrow().1.is_empty(),
            "after reading what they said eight times over, the set"
        );
        assert!(e.has("months") && e.has("yearl") && !e.has("weekly"));
    }

    #[test]
    fn stems_recent_and_all() {
        let mut e = Echo::default();
        e.add("It’s frustrating, honestly. The ÉTAT report is slow.", true);
        assert!(e.recent("frustrated") && e.has("frustrations"));
        assert!(e.recent("état") && e.recent("it’s"));
        assert!(
            !e.recent("it") && !e.has("nightmare"),
            "short words are not kept"
        );
        e.add("A total NIGHTMARE", true);
        assert!(e.recent("nightmares") && !e.recent("frustrated"));
        assert!(
            e.has("frustrated"),
            "earlier exchanges are still remembered"
        );
        e.add("and more", false);
        assert!(e.recent("nightmare"), "the same exchange goes on");
    }
}
