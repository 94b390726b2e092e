//! Built-in patterns, compiled once per process, and the gate that spares most of them a scan.
//!
//! A rule asks dozens of patterns about each interviewer sentence, and nearly all of them
//! fail. Scanning the sentence once per pattern would cost more than the rest of the
//! analysis, so the gate scans it once for them all: from each pattern's syntax it takes the
//! literals that every match must start with (`would you`, `frustrat`, …), and one
//! Aho-Corasick automaton over all of them finds where they occur in the sentence's
//! normalised text. A pattern none of whose literals occurs there cannot match in any part of
//! that text (its core, its main clause, the rest after a word), so it is not run at all.
//! Where the syntax says more, the gate uses it: a branch that starts with `\b` needs its
//! literal at a word boundary (so `one` inside "someone" does not count), and one that starts
//! with `^` needs it where the searched text starts. Patterns without such literals, and text
//! that is not part of a sentence, are searched as usual.
//!
//! How patterns are written, so that a reviewer can read them in a diff: a long pattern is
//! the concatenation of its lines (`[…].concat()`, or `concat!` inside `format!` where it
//! takes words from [`super::lexicon`]). A line that starts with `|` begins an alternative;
//! a group too long for one line opens at the end of a line (`(?:`), lists its alternatives
//! indented below, and closes at the start of the next (`)`); any other line goes on with
//! the line before. `#[rustfmt::skip]` keeps that indentation. Shared word lists live in
//! `lexicon/*.txt`.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::ops::Deref;
use std::sync::{LazyLock, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex::{Captures, Match, Regex};
use regex_automata::{Anchored, Input, meta};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind, Look};

use super::Sentence;

/// A built-in pattern, compiled on first use. Derefs to its [`Regex`] for ungated searches.
pub(crate) struct Pattern {
    src: fn() -> String,
    re: OnceLock<Regex>,
    /// The same pattern as regex-automata's regex: [`Pattern::find_in`] runs it anchored where
    /// the gate's literals occur, and unanchored where the gate does not cover the search, so
    /// a pattern that is only ever found is compiled once (the [`Regex`] is compiled on first
    /// use by the other searches).
    meta: OnceLock<meta::Regex>,
    /// Its index in the gate's set, once the gate is built; `None` when the set lacks it.
    slot: OnceLock<Option<u16>>,
}

/// A match found by [`Pattern::find_in`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Found<'h> {
    /// A match the [`Regex`] found in `hay`.
    pub fn of(hay: &'h str, m: Match<'h>) -> Self {
        Found {
            hay,
            start: m.start(),
            end: m.end(),
        }
    }

    /// A match regex-automata's regex found in `hay`.
    fn of_meta(hay: &'h str, m: regex_automata::Match) -> Self {
        Found {
            hay,
            start: m.start(),
            end: m.end(),
        }
    }

    /// Byte offset in the searched text where the match starts.
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset in the searched text where the match ends.
    pub fn end(&self) -> usize {
        self.end
    }

    /// The matched text.
    pub fn as_str(&self) -> &'h str {
        &self.hay[self.start..self.end]
    }
}

impl Pattern {
    pub const fn new(src: fn() -> String) -> Self {
        Pattern {
            src,
            re: OnceLock::new(),
            meta: OnceLock::new(),
            slot: OnceLock::new(),
        }
    }

    fn regex(&self) -> &Regex {
        self.re.get_or_init(|| super::re(&(self.src)()))
    }

    fn meta(&self) -> &meta::Regex {
        self.meta.get_or_init(|| super::re_meta(&(self.src)()))
    }

    /// The gate's findings for a search of `hay`, a part of `s.norm`, with this pattern's
    /// slot and where `hay` starts in `s.norm`; `None` when the gate does not cover it.
    #[inline(always)]
    fn gated<'s>(&self, s: &'s Sentence, hay: &str) -> Option<(&'s GateHits, u16, usize)> {
        let slot = gate_slot(self)?;
        // Only text inside the sentence's normalised text is covered.
        let norm = s.norm.as_str();
        let (n0, h0) = (norm.as_ptr() as usize, hay.as_ptr() as usize);
        let inside = h0 >= n0 && h0 + hay.len() <= n0 + norm.len();
        inside.then(|| (s.gate(|| gate_hits(norm)), slot, h0 - n0))
    }

    /// False when the gate proves that this pattern matches in no part of `s.norm`: none of
    /// its literals occurs in it. A rule whose every finding needs the pattern to match
    /// somewhere in the sentence can stop there.
    #[inline(always)]
    pub fn may_match_in_part(&self, s: &Sentence) -> bool {
        self.gated(s, &s.norm)
            .is_none_or(|(g, slot, _)| g.near.contains(slot) || g.edge.contains(slot))
    }

    /// False when the gate proves that this pattern cannot match `hay`, a part of `s.norm`.
    #[cfg(test)]
    fn may_match(&self, s: &Sentence, hay: &str) -> bool {
        self.gated(s, hay)
            .is_none_or(|(g, slot, from)| g.allows(slot, from))
    }

    /// [`Regex::is_match`] on `hay`, a part of sentence `s`: only where the gate's literals
    /// occur, when it covers the search.
    #[inline(always)]
    pub fn is_match_in(&self, s: &Sentence, hay: &str) -> bool {
        self.find_in(s, hay).is_some()
    }

    /// [`Regex::find`] on `hay`, a part of sentence `s`. Where the gate covers the search, a
    /// match can start only where one of the pattern's literals occurs, so the pattern is
    /// tried there alone, anchored, in order: the first that matches is the leftmost match.
    #[inline(always)]
    pub fn find_in<'h>(&self, s: &Sentence, hay: &'h str) -> Option<Found<'h>> {
        let Some((g, slot, from)) = self.gated(s, hay) else {
            return self.find_ungated(hay);
        };
        // Most searches end here, so this much is inlined where the rules ask.
        if !g.near.contains(slot) && !g.edge.contains(slot) {
            return None;
        }
        self.find_gated(g, slot, from, hay)
    }

    #[inline(never)]
    fn find_ungated<'h>(&self, hay: &'h str) -> Option<Found<'h>> {
        // The gated searches' regex, unanchored: compiling the `Regex` too would cost as
        // much again (a sixth of a run on the podcast corpus went to compiling patterns).
        self.meta().find(hay).map(|m| Found::of_meta(hay, m))
    }

    /// [`Pattern::find_in`] where the gate has not ruled the pattern out at a glance.
    #[inline(never)]
    fn find_gated<'h>(
        &self,
        g: &GateHits,
        slot: u16,
        from: usize,
        hay: &'h str,
    ) -> Option<Found<'h>> {
        if !g.allows(slot, from) {
            return None;
        }
        let re = self.meta();
        g.starts(slot, from, from + hay.len()).find_map(|at| {
            let input = Input::new(hay)
                .span(at - from..hay.len())
                .anchored(Anchored::Yes);
            re.search(&input).map(|m| Found::of_meta(hay, m))
        })
    }

    /// [`Regex::find_iter`] on `hay`, a part of sentence `s`, empty when the gate rules it out.
    pub fn find_iter_in<'r, 'h>(
        &'r self,
        s: &Sentence,
        hay: &'h str,
    ) -> impl Iterator<Item = Match<'h>> + use<'r, 'h> {
        let ok = self
            .gated(s, hay)
            .is_none_or(|(g, slot, from)| g.allows(slot, from));
        ok.then(|| self.regex().find_iter(hay))
            .into_iter()
            .flatten()
    }

    /// [`Regex::captures_iter`] on `hay`, a part of sentence `s`, empty when the gate rules it out.
    pub fn captures_iter_in<'r, 'h>(
        &'r self,
        s: &Sentence,
        hay: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + use<'r, 'h> {
        let ok = self
            .gated(s, hay)
            .is_none_or(|(g, slot, from)| g.allows(slot, from));
        ok.then(|| self.regex().captures_iter(hay))
            .into_iter()
            .flatten()
    }

    /// [`Regex::captures`] on `hay`, a part of sentence `s`, skipped when the gate rules it out.
    pub fn captures_in<'h>(&self, s: &Sentence, hay: &'h str) -> Option<Captures<'h>> {
        if self
            .gated(s, hay)
            .is_none_or(|(g, slot, from)| g.allows(slot, from))
        {
            self.regex().captures(hay)
        } else {
            None
        }
    }
}

impl Deref for Pattern {
    type Target = Regex;

    fn deref(&self) -> &Regex {
        self.regex()
    }
}

/// Which gated patterns match somewhere in a sentence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct GateBits([u64; 4]);

impl GateBits {
    const CAPACITY: usize = 256;

    fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    fn union(&mut self, other: &GateBits) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a |= b;
        }
    }

    #[inline(always)]
    fn contains(&self, i: u16) -> bool {
        let i = usize::from(i);
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
}

/// Per-sentence storage for the gate, filled on first use.
pub(crate) type GateCell = OnceCell<GateHits>;

/// Where a branch of a pattern can start a match, as its syntax says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Start {
    /// Anywhere.
    Anywhere = 0,
    /// Only where `\b` holds: it starts with `\b` or `\b{start}`.
    Boundary = 1,
    /// Only where the searched text starts: it starts with `^` (not multi-line).
    Anchored = 2,
}

/// One occurrence of a literal in a sentence's normalised text.
#[derive(Debug, Clone, Copy)]
struct Hit {
    /// Byte offset where it starts.
    at: u32,
    /// Index of the literal.
    literal: u32,
    /// Whether `\\b` may hold where it starts.
    boundary: bool,
}

/// What the gate found in one sentence.
#[derive(Debug, Clone, Default)]
pub(crate) struct GateHits {
    /// Patterns that may match somewhere: a literal of a branch that can start anywhere, or
    /// one at a word boundary for a branch that starts with `\b`.
    near: GateBits,
    /// Patterns with a literal of a `\b` or `^` branch anywhere: they may match in a part of
    /// the text that starts right at that literal.
    edge: GateBits,
    /// The occurrences of literals, by offset.
    hits: Vec<Hit>,
}

impl GateHits {
    /// Whether pattern `slot` may match in the part of the sentence from byte `from` on.
    fn allows(&self, slot: u16, from: usize) -> bool {
        if self.near.contains(slot) {
            return true;
        }
        if !self.edge.contains(slot) {
            return false;
        }
        // A literal right where the searched text starts: `^` holds there, and `\b` may
        // (the text before it is out of sight).
        let i = self.hits.partition_point(|h| (h.at as usize) < from);
        self.hits[i..]
            .iter()
            .take_while(|h| h.at as usize == from)
            .any(|h| {
                let o = &GATE.owners[h.literal as usize];
                o[Start::Boundary as usize].contains(slot)
                    || o[Start::Anchored as usize].contains(slot)
            })
    }

    /// Where in `from..to` a match of pattern `slot` may start, in order, each once: where
    /// one of its literals occurs, at a word boundary for a `\b` branch, at `from` for a `^`
    /// branch (and for a `\b` one, since the text before `from` is out of sight).
    fn starts(&self, slot: u16, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        let i = self.hits.partition_point(|h| (h.at as usize) < from);
        let mut last = None;
        self.hits[i..]
            .iter()
            .take_while(move |h| (h.at as usize) < to)
            .filter(move |h| {
                let [anywhere, boundary, anchored] = &GATE.owners[h.literal as usize];
                let first = h.at as usize == from;
                anywhere.contains(slot)
                    || ((h.boundary || first) && boundary.contains(slot))
                    || (first && anchored.contains(slot))
            })
            .map(|h| h.at as usize)
            .filter(move |&at| last.replace(at) != Some(at))
    }
}

struct Gate {
    /// Every distinct literal of the gated patterns.
    literals: AhoCorasick,
    /// For each literal, the patterns that need it, by where their branch can start.
    owners: Vec<[GateBits; 3]>,
}

/// The longest literal the gate looks for. Longer literals rule out more patterns (fewer
/// regex searches) but make a bigger automaton; 16 was the fastest of 8, 10, 12, 16 and 24
/// on the benchmark's interviews.
const MAX_LITERAL: usize = 16;

/// The literals every match of `src` starts with, or `None` when there is no such finite set
/// or it includes the empty string (a pattern that can match anywhere cannot be gated).
#[cfg(test)]
fn prefix_literals(src: &str) -> Option<Vec<Vec<u8>>> {
    literals(&regex_syntax::Parser::new().parse(src).ok()?)
}

/// [`prefix_literals`] of a parsed pattern.
fn literals(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    let seq = Extractor::new()
        .kind(ExtractKind::Prefix)
        .limit_total(2000)
        .extract(hir);
    // A prefix of a prefix is still one: cutting the literals short merges most of them
    // ("would you like to try", "would you like to see" → "would you like t") for a smaller
    // automaton.
    let mut lits: Vec<Vec<u8>> = seq
        .literals()?
        .iter()
        .map(|l| l.as_bytes()[..l.len().min(MAX_LITERAL)].to_vec())
        .collect();
    lits.sort();
    lits.dedup();
    // Keep only the shortest of literals that start alike: "you " covers "you said".
    let mut kept: Vec<Vec<u8>> = Vec::with_capacity(lits.len());
    for l in lits {
        if !kept.last().is_some_and(|k| l.starts_with(k)) {
            kept.push(l);
        }
    }
    (!kept.is_empty() && kept.iter().all(|l| !l.is_empty())).then_some(kept)
}

/// The alternatives of a pattern at its top level, inside any groups.
fn branches(hir: &Hir) -> Vec<&Hir> {
    match hir.kind() {
        HirKind::Capture(c) => branches(&c.sub),
        HirKind::Alternation(alts) => alts.iter().flat_map(branches).collect(),
        _ => vec![hir],
    }
}

/// Where a match of `hir` can start.
fn start_of(hir: &Hir) -> Start {
    match hir.kind() {
        HirKind::Look(Look::Start) => Start::Anchored,
        HirKind::Look(
            Look::WordUnicode | Look::WordAscii | Look::WordStartUnicode | Look::WordStartAscii,
        ) => Start::Boundary,
        HirKind::Concat(parts) => parts.first().map_or(Start::Anywhere, start_of),
        HirKind::Capture(c) => start_of(&c.sub),
        HirKind::Alternation(alts) => alts.iter().map(start_of).min().unwrap_or(Start::Anywhere),
        _ => Start::Anywhere,
    }
}

/// The literals of each branch of `src` and where that branch can start; `None` when a
/// branch has no literals to gate on.
fn gated_branches(src: &str) -> Option<Vec<(Start, Vec<Vec<u8>>)>> {
    let hir = regex_syntax::Parser::new().parse(src).ok()?;
    branches(&hir)
        .into_iter()
        .map(|b| Some((start_of(b), literals(b)?)))
        .collect()
}

/// Whether `\b` may hold at byte `at` of `text`: the bytes either side differ in being word
/// characters. Next to a non-ASCII character it is taken to hold, to be safe.
fn at_boundary(text: &[u8], at: usize) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let before = at.checked_sub(1).map(|i| text[i]);
    let here = text.get(at).copied();
    if before.is_some_and(|b| !b.is_ascii()) || here.is_some_and(|b| !b.is_ascii()) {
        return true;
    }
    before.is_some_and(word) != here.is_some_and(word)
}

static GATE: LazyLock<Gate> = LazyLock::new(|| {
    let mut index: HashMap<Vec<u8>, usize> = HashMap::new();
    let mut literals: Vec<Vec<u8>> = Vec::new();
    let mut owners: Vec<[GateBits; 3]> = Vec::new();
    let mut slots = 0usize;
    for p in super::registry() {
        let gated = gated_branches(&(p.src)()).filter(|_| slots < GateBits::CAPACITY);
        let slot = gated.map(|gated| {
            let slot = slots;
            slots += 1;
            for (start, lits) in gated {
                for l in lits {
                    let i = *index.entry(l.clone()).or_insert_with(|| {
                        literals.push(l);
                        owners.push(Default::default());
                        owners.len() - 1
                    });
                    owners[i][start as usize].set(slot);
                }
            }
            slot as u16
        });
        // A pattern listed twice keeps its first slot.
        let _ = p.slot.set(slot);
    }
    // A contiguous NFA rather than a DFA: a few more instructions a byte, but a fraction of
    // the memory (the DFA of these literals takes megabytes), so the scan stays in cache.
    let literals = crate::built_in(
        AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&literals),
    );
    Gate { literals, owners }
});

#[inline(always)]
fn gate_slot(p: &Pattern) -> Option<u16> {
    LazyLock::force(&GATE);
    p.slot.get().copied().flatten()
}

fn gate_hits(norm: &str) -> GateHits {
    let text = norm.as_bytes();
    let mut g = GateHits {
        // Room for the hits of a sentence of ordinary length; a longer one grows it.
        hits: Vec::with_capacity((norm.len() / 4 + 4).min(256)),
        ..Default::default()
    };
    for m in GATE.literals.find_overlapping_iter(norm) {
        let [anywhere, boundary, anchored] = &GATE.owners[m.pattern().as_usize()];
        let at_b = at_boundary(text, m.start());
        g.near.union(anywhere);
        if at_b {
            g.near.union(boundary);
        }
        g.edge.union(boundary);
        g.edge.union(anchored);
        g.hits.push(Hit {
            at: m.start() as u32,
            literal: m.pattern().as_u32(),
            boundary: at_b,
        });
    }
    g.hits.sort_unstable_by_key(|h| h.at);
    g
}

/// Declares a built-in [`Pattern`] from a string expression (a literal or `&format!(…)`).
macro_rules! pattern {
    ($(#[$meta:meta])* $vis:vis $name:ident, $re:expr) => {
        $(#[$meta])*
        $vis static $name: $crate::rules::pattern::Pattern =
            $crate::rules::pattern::Pattern::new(|| {
                let s: &str = $re;
                s.to_string()
            });
    };
}
pub(crate) use pattern;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::sentence::sentences;

    /// Sentences the rules see: every example of every rule, and some near misses.
    fn corpus() -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for r in super::super::rules() {
            for e in r.examples {
                out.push(e.bad.to_string());
                out.push(e.better.to_string());
            }
        }
        out.extend(
            [
                "So, um, who else should I talk to about this, do you think?",
                "Would you mind if I got in touch with your accountant, or would you be happy for us to contact her?",
                "Do you think she would talk to us? Is there anyone who might be up for a chat, or could you intro me to Sam?",
                "Is there anyone else you'd suggest? Anyone on the board you'd recommend we speak to?",
                "Who should we have on the show next? Do you know any other growers who might want to be on the podcast?",
                "Would Ayo be willing to talk to me? Could I pop in on Friday and maybe talk to her? Would it be okay to talk to us?",
                "Our app is, honestly, a bit of a mess right now, I know.",
                "Would you pay £20 a month for something like that?",
                "I'm from Hireflow and we're building a scheduling tool.",
                "What's your company's headcount — roughly how many staff?",
                "You said it was a nightmare — why was that?",
                "Ciarán, how did the café handle it… before the new till?",
            ]
            .map(String::from),
        );
        out
    }

    #[test]
    fn the_gate_never_rules_out_a_match() {
        let mut gated = 0;
        for text in corpus() {
            for s in sentences(&text, &[]) {
                for p in super::super::registry() {
                    for hay in [s.norm.as_str(), s.core_norm(), s.main_norm()] {
                        let want = p.regex().find(hay).map(|m| (m.start(), m.end()));
                        if want.is_some() {
                            assert!(p.may_match_in_part(&s), "{:?}", p.regex().as_str());
                            assert!(
                                p.may_match(&s, hay),
                                "{:?} matches {hay:?} but the gate ruled it out",
                                p.regex().as_str()
                            );
                        }
                        // The anchored searches where the literals occur find the same match.
                        let got = p.find_in(&s, hay).map(|m| (m.start(), m.end()));
                        assert_eq!(got, want, "{:?} on {hay:?}", p.regex().as_str());
                        assert_eq!(p.is_match_in(&s, hay), want.is_some());
                        // Text outside the sentence is searched ungated, unanchored, by the
                        // same compiled pattern: the same match again.
                        let copy = hay.to_string();
                        let ungated = p.find_in(&s, &copy).map(|m| (m.start(), m.end()));
                        assert_eq!(
                            ungated,
                            want,
                            "{:?} on a copy of {hay:?}",
                            p.regex().as_str()
                        );
                    }
                }
            }
        }
        for p in super::super::registry() {
            gated += usize::from(gate_slot(p).is_some());
        }
        // Nearly every pattern has literals to gate on; a change that loses them shows here.
        let all = super::super::registry().count();
        assert!(gated * 10 >= all * 9, "{gated} of {all} patterns gated");
    }

    /// Checks the gated searches against the plain regex on every part of `text`'s sentences,
    /// and that a pattern the gate rules out of a sentence matches in no part of it.
    fn gated_searches_agree(text: &str) -> Result<(), String> {
        for s in sentences(text, &[]) {
            for p in super::super::registry() {
                if !p.may_match_in_part(&s) {
                    let norm = s.norm.as_str();
                    let from = (0..norm.len()).filter(|&i| norm.is_char_boundary(i));
                    if let Some(i) = from.into_iter().find(|&i| p.regex().is_match(&norm[i..])) {
                        return Err(format!(
                            "{:?} matches {:?} but was ruled out of the sentence",
                            p.regex().as_str(),
                            &norm[i..]
                        ));
                    }
                }
                for hay in [s.norm.as_str(), s.core_norm(), s.main_norm()] {
                    let want = p.regex().find(hay).map(|m| (m.start(), m.end()));
                    let got = p.find_in(&s, hay).map(|m| (m.start(), m.end()));
                    if got != want {
                        return Err(format!(
                            "{:?} on {hay:?}: {got:?} != {want:?}",
                            p.regex().as_str()
                        ));
                    }
                }
            }
        }
        Ok(())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Sentences made of the words the rules' examples use, in any order, with any
        /// punctuation: where the gate and the regex could disagree if the gate were wrong.
        #[test]
        fn gated_searches_find_what_the_regex_finds(
            picks in proptest::collection::vec((0usize..10_000, 0usize..8), 1..24)
        ) {
            static WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
                let mut w: Vec<String> = corpus()
                    .iter()
                    .flat_map(|t| t.split_whitespace().map(str::to_string).collect::<Vec<_>>())
                    .collect();
                w.sort();
                w.dedup();
                w
            });
            const PUNCT: [&str; 8] = [" ", " ", " ", ", ", " - ", "? ", ". ", " — "];
            let mut text = String::new();
            for (w, p) in picks {
                text.push_str(&WORDS[w % WORDS.len()]);
                text.push_str(PUNCT[p]);
            }
            let checked = gated_searches_agree(&text);
            proptest::prop_assert!(checked.is_ok(), "{}\n{}", checked.unwrap_err(), text);
        }
    }

    #[test]
    fn branches_start_where_their_syntax_says() {
        let starts = |src: &str| -> Vec<Start> {
            let hir = regex_syntax::Parser::new().parse(src).unwrap();
            branches(&hir).into_iter().map(start_of).collect()
        };
        assert_eq!(starts(r"\bwould you"), vec![Start::Boundary]);
        assert_eq!(starts(r"^(?:so )?what"), vec![Start::Anchored]);
        assert_eq!(
            starts(r"(?:[£$] ?[0-9]+|\b(?:one|two) pounds)"),
            vec![Start::Anywhere, Start::Boundary]
        );
        assert_eq!(starts(r"(?:^|, )what"), vec![Start::Anywhere]);
        // `(?m)^` holds after every newline, and `\b{start-half}` where no word precedes.
        assert_eq!(starts(r"(?m)^what"), vec![Start::Anywhere]);
        assert_eq!(starts(r"\b{start-half}what"), vec![Start::Anywhere]);
    }

    #[test]
    fn boundaries_between_word_and_other_bytes() {
        let b = |text: &str, at: usize| at_boundary(text.as_bytes(), at);
        assert!(b("one", 0));
        assert!(!b("someone", 4));
        assert!(b("some one", 5));
        assert!(b("don't", 4));
        assert!(b("it?", 2));
        assert!(!b("a  b", 2));
        // Next to a non-ASCII character it is taken to hold.
        assert!(b("café", 3));
        assert!(b("éone", 2));
    }

    #[test]
    fn literals_are_prefixes_of_every_match() {
        assert_eq!(
            prefix_literals(r"\b(?:would|could) you (?:use|buy)\b"),
            Some(vec![
                b"could you buy".to_vec(),
                b"could you use".to_vec(),
                b"would you buy".to_vec(),
                b"would you use".to_vec()
            ])
        );
        // Cut at MAX_LITERAL bytes, "would you like to try", "… see" and "… join" are one.
        assert_eq!(
            prefix_literals(r"\bwould you like to (?:try|see|join)\b"),
            Some(vec![b"would you like t".to_vec()])
        );
        // "so " covers "so you said"; an empty match cannot be gated.
        assert_eq!(
            prefix_literals(r"^(?:so |so you said)"),
            Some(vec![b"so ".to_vec()])
        );
        assert_eq!(prefix_literals(r"\w*"), None);
        assert_eq!(
            prefix_literals(r"(?:a|b)?c"),
            Some(vec![b"ac".to_vec(), b"bc".to_vec(), b"c".to_vec()])
        );
    }

    #[test]
    fn text_outside_the_sentence_is_searched_as_usual() {
        let s = &sentences("Would you use it?", &[])[0];
        let other = String::from("nothing here");
        // Not part of the sentence's text: the gate does not apply, the regex decides.
        assert!(
            !super::super::hypothetical::PATTERNS
                .iter()
                .any(|p| p.is_match_in(s, &other))
        );
    }
}
