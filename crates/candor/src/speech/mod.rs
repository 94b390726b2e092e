//! Words, sentences and questions in speech-to-text: the `speech` layer. It reads text and
//! never judges it: nothing here imports the rules.
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

use form::{classify, find_core, main_clause};
use normalise::{Scratch, Tok};
use segment::SPOKEN_TAG;

mod form;
mod lexicon;
mod normalise;
mod segment;
pub(crate) mod stems;
mod words;

pub use form::Form;
pub(crate) use form::wh_opens_question;
pub(crate) use lexicon::{is_aux, is_wh};
pub(crate) use segment::{ranges_around, sentence_ranges, sentence_spans};
pub use words::count_words;
pub(crate) use words::{WordHasher, alphanumeric_or, bare_lower, bare_lower_cow, turn_words};

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
}

impl Sentence {
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

/// Whether `text` holds any of the `ascii` bytes or any of the `others` (characters beyond
/// ASCII, not looked for in ASCII text): a few vectorised scans of the bytes, where
/// `str::contains` with a set of characters decodes every one.
pub(super) fn contains_any(text: &str, ascii: &[u8], others: &[&str]) -> bool {
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

/// Whether a sentence ends with a closing mark (a full stop, an exclamation or question
/// mark, an ellipsis), quotes and brackets aside.
pub(crate) fn closed(sentence: &str) -> bool {
    sentence
        .trim_end()
        .trim_end_matches(['"', '\'', ')', ']', '’', '”'])
        .ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

/// How many questions a turn asks, for speakers whose sentences are not judged.
///
/// A punctuated turn (one with any sentence punctuation) asks questions only where it has a
/// question mark, so only its sentences with one are analysed ("What do you mean. Is it
/// ok?" asks one), and those it left without any closing mark, as typed chat and hurried
/// notes leave them ("okay question two. do you stay up late"); unpunctuated
/// speech-to-text is analysed in full, as the interviewer's is.
pub(crate) fn count_questions(text: &str, names: &[String]) -> usize {
    // Question marks: ASCII, and the full-width and inverted ones.
    let asks = |t: &str| contains_any(t, b"?", &["？", "¿"]);
    let punctuated = contains_any(text, b".!?", &["。", "！", "？", "…"]);
    if punctuated && !asks(text) && closed(text) {
        return 0;
    }
    // One sentence at a time: nothing is kept, however long the turn. Punctuated, only the
    // sentences with a question mark are read: the rest ask nothing, as in a turn without one.
    let mut reader = Reader::new(text, names);
    sentence_spans(text)
        .into_iter()
        .filter(|&(a, b)| !punctuated || asks(&text[a..b]) || !closed(&text[a..b]))
        .filter_map(|(a, b)| reader.read(a, b))
        .filter(|s| s.form.is_question())
        .count()
}

/// "…not sure whether it matters or not", "I don't know if it helps or not": an "or not"
/// that closes a clause of doubt is not a question's tag ("if we launch it you will book
/// more or not" still asks).
static UNSURE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    crate::re(
        r"(?:\bwhether\b|\b(?:sure|know|knew|see|wonder|wondering|check|ask|asked|tell|decide|find out|care|mind|idea|remember) (?:\w+ )?if\b).* or not ?[.!]?$",
    )
});

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
        let (norm, toks) = normalise::normalise(text, start, end, &mut self.scratch);
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
            && !UNSURE.is_match(&norm)
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
        })
    }
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
mod tests;
