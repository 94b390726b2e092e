//! Built-in patterns, compiled once per process, and the gate that spares most of them a scan.
//!
//! A rule asks dozens of patterns about each interviewer sentence, and nearly all of them
//! fail. Scanning the sentence once per pattern would cost more than the rest of the
//! analysis, so the gate scans it once for them all: from each pattern's syntax it takes the
//! literals that every match must start with (`would you`, `frustrat`, …), and one
//! Aho-Corasick automaton over all of them finds which occur in the sentence's normalised
//! text. A pattern none of whose literals occurs there cannot match in any part of that text
//! (its core, its main clause, the rest after a word), so it is not run at all. Patterns
//! without such literals, and text that is not part of a sentence, are searched as usual.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::ops::Deref;
use std::sync::{LazyLock, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex::{Captures, Match, Regex};
use regex_syntax::hir::literal::{ExtractKind, Extractor};

use crate::text::Sentence;

/// A built-in pattern, compiled on first use. Derefs to its [`Regex`] for ungated searches.
pub(crate) struct Pattern {
    src: fn() -> String,
    re: OnceLock<Regex>,
    /// Its index in the gate's set, once the gate is built; `None` when the set lacks it.
    slot: OnceLock<Option<u16>>,
}

impl Pattern {
    pub const fn new(src: fn() -> String) -> Self {
        Pattern {
            src,
            re: OnceLock::new(),
            slot: OnceLock::new(),
        }
    }

    fn regex(&self) -> &Regex {
        self.re.get_or_init(|| super::re(&(self.src)()))
    }

    /// False when the gate proves that this pattern cannot match `hay`, a part of `s.norm`.
    fn may_match(&self, s: &Sentence, hay: &str) -> bool {
        let Some(slot) = gate_slot(self) else {
            return true;
        };
        // Only text inside the sentence's normalised text is covered.
        let norm = s.norm.as_str();
        let (n0, h0) = (norm.as_ptr() as usize, hay.as_ptr() as usize);
        let inside = h0 >= n0 && h0 + hay.len() <= n0 + norm.len();
        !inside || s.gate_bits(|| gate_bits(norm)).contains(slot)
    }

    /// [`Regex::is_match`] on `hay`, a part of sentence `s`, skipped when the gate rules it out.
    pub fn is_match_in(&self, s: &Sentence, hay: &str) -> bool {
        self.may_match(s, hay) && self.regex().is_match(hay)
    }

    /// [`Regex::find`] on `hay`, a part of sentence `s`, skipped when the gate rules it out.
    pub fn find_in<'h>(&self, s: &Sentence, hay: &'h str) -> Option<Match<'h>> {
        if self.may_match(s, hay) {
            self.regex().find(hay)
        } else {
            None
        }
    }

    /// [`Regex::find_iter`] on `hay`, a part of sentence `s`, empty when the gate rules it out.
    pub fn find_iter_in<'r, 'h>(
        &'r self,
        s: &Sentence,
        hay: &'h str,
    ) -> impl Iterator<Item = Match<'h>> + use<'r, 'h> {
        let ok = self.may_match(s, hay);
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
        let ok = self.may_match(s, hay);
        ok.then(|| self.regex().captures_iter(hay))
            .into_iter()
            .flatten()
    }

    /// [`Regex::captures`] on `hay`, a part of sentence `s`, skipped when the gate rules it out.
    pub fn captures_in<'h>(&self, s: &Sentence, hay: &'h str) -> Option<Captures<'h>> {
        if self.may_match(s, hay) {
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

    fn contains(&self, i: u16) -> bool {
        let i = usize::from(i);
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
}

/// Per-sentence storage for the gate, filled on first use.
pub(crate) type GateCell = OnceCell<GateBits>;

struct Gate {
    /// Every distinct literal of the gated patterns.
    literals: AhoCorasick,
    /// For each literal, the patterns that need it.
    owners: Vec<GateBits>,
}

/// The longest literal the gate looks for. Longer literals rule out more patterns (fewer
/// regex searches) but make a bigger automaton; 16 was the fastest of 8, 10, 12, 16 and 24
/// on the benchmark's interviews.
const MAX_LITERAL: usize = 16;

/// The literals every match of `src` starts with, or `None` when there is no such finite set
/// or it includes the empty string (a pattern that can match anywhere cannot be gated).
fn prefix_literals(src: &str) -> Option<Vec<Vec<u8>>> {
    let hir = regex_syntax::Parser::new().parse(src).ok()?;
    let seq = Extractor::new()
        .kind(ExtractKind::Prefix)
        .limit_total(2000)
        .extract(&hir);
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

static GATE: LazyLock<Gate> = LazyLock::new(|| {
    let mut index: HashMap<Vec<u8>, usize> = HashMap::new();
    let mut literals: Vec<Vec<u8>> = Vec::new();
    let mut owners: Vec<GateBits> = Vec::new();
    let mut slots = 0usize;
    for p in super::registry() {
        let lits = prefix_literals(p.regex().as_str()).filter(|_| slots < GateBits::CAPACITY);
        let slot = lits.map(|lits| {
            let slot = slots;
            slots += 1;
            for l in lits {
                let i = *index.entry(l.clone()).or_insert_with(|| {
                    literals.push(l);
                    owners.push(GateBits::default());
                    owners.len() - 1
                });
                owners[i].set(slot);
            }
            slot as u16
        });
        // A pattern listed twice keeps its first slot.
        let _ = p.slot.set(slot);
    }
    // A contiguous NFA rather than a DFA: a few more instructions a byte, but a fraction of
    // the memory (the DFA of these literals takes megabytes), so the scan stays in cache.
    let literals = match AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(&literals)
    {
        Ok(ac) => ac,
        Err(e) => panic!("the built-in patterns' literals failed to build an automaton: {e}"),
    };
    Gate { literals, owners }
});

fn gate_slot(p: &Pattern) -> Option<u16> {
    LazyLock::force(&GATE);
    p.slot.get().copied().flatten()
}

fn gate_bits(norm: &str) -> GateBits {
    let mut bits = GateBits::default();
    for m in GATE.literals.find_overlapping_iter(norm) {
        bits.union(&GATE.owners[m.pattern().as_usize()]);
    }
    bits
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
    use crate::text::sentences;

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
                        if p.regex().is_match(hay) {
                            assert!(
                                p.may_match(&s, hay),
                                "{:?} matches {hay:?} but the gate ruled it out",
                                p.regex().as_str()
                            );
                        }
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
