//! Normalising a sentence for matching: tokens with their source spans, lower case,
//! contractions expanded, fillers, stutters and discourse fillers dropped.

use super::lexicon::{Lexeme, lexeme};
use super::words::{ASCII_WORD, is_word_char};

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

/// Raw tokens of a sentence: (start, end) byte offsets in `text`, and whether punctuation.
pub(super) fn raw_tokens(text: &str, base: usize, out: &mut Vec<(usize, usize, bool)>) {
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

pub(super) fn norm_punct(c: &str) -> &str {
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
pub(super) struct Scratch {
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
pub(super) fn normalise(
    text: &str,
    start: usize,
    end: usize,
    scratch: &mut Scratch,
) -> (String, Vec<Tok>) {
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
                    if let Some(t) = toks.pop() {
                        norm.truncate(t.n0.saturating_sub(1) as usize);
                    }
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
pub(super) fn drop_discourse_fillers(norm: &mut String, toks: &mut Vec<Tok>) {
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
