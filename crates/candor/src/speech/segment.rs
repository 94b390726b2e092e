//! Splitting a turn into sentences: Unicode sentence bounds, then breaks before lower-case
//! starts and inside unpunctuated run-ons.

use std::sync::LazyLock;

use super::lexicon::is_wh;
use super::{Reader, contains_any};
use regex::Regex;
use unicode_segmentation::UnicodeSegmentation;

/// Whether two words open a question clause: "what do", "how is", "do you", "are there".
pub(super) fn opens_clause(a: &str, b: &str) -> bool {
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
pub(super) fn split_run_on(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
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
pub(super) fn is_question_lead(w: &str) -> bool {
    [
        "what", "how", "why", "where", "when", "who", "which", "if", "that", "whether", "do",
        "does", "did", "would", "could", "can", "will", "is", "are",
    ]
    .iter()
    .any(|x| w.eq_ignore_ascii_case(x))
}

/// Whether `wh w` is a wh-phrase still being asked ("how often", "how much", "what kind"),
/// so that an auxiliary after it continues the question: "how often do you think…".
pub(super) fn continues_wh_phrase(wh: &str, w: &str) -> bool {
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
pub(super) fn embeds_clause(w: &str) -> bool {
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

/// Splits at `. ` or `? ` before a lower-case word: speech-to-text starts sentences in lower case,
/// which Unicode sentence boundaries do not break on ("ha. so if there was…").
pub(super) fn split_lowercase_starts(
    text: &str,
    start: usize,
    end: usize,
    out: &mut Vec<(usize, usize)>,
) {
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

/// A statement's closing tag that asks for a yes in speech-to-text without question marks
/// ("…a total mess right", "…pay for itself, yeah"). Only where the sentence was left open:
/// a transcriber who closed it with a full stop or an exclamation mark wrote a statement
/// ("Trust is too easy now, yeah.", "…if something didn't build right.", "I want to get
/// the order right."). In the labelled corpus, such a word ending an interviewer sentence
/// left open was labelled `closed-question` on 110 of 120 lines (the other ten ask "can you
/// hear me alright", logistics); closed with a stop, on 3 of 51.
pub(super) static SPOKEN_TAG: LazyLock<Regex> = LazyLock::new(|| {
    crate::re(
        r"(?:^|\s)(?:yeah|right|huh|eh|innit|correct|or not|isn't it|isn't that|aren't they|don't you|don't they|didn't it|didn't you|wouldn't you|wouldn't it|won't it|yes or no|you know what i mean) ?$",
    )
});

/// Sentence-break classes of UAX #29, for the characters the fast path knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sb {
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
pub(super) const fn sb_class(c: char) -> Option<Sb> {
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
pub(super) fn sb_bounds(text: &str, out: &mut Vec<(usize, usize)>) {
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
pub(super) fn sentence_bounds(text: &str, out: &mut Vec<(usize, usize)>) {
    if text.is_ascii() || text.chars().all(|c| sb_class(c).is_some()) {
        sb_bounds(text, out);
    } else {
        out.extend(
            text.split_sentence_bound_indices()
                .map(|(start, s)| (start, start + s.len())),
        );
    }
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
