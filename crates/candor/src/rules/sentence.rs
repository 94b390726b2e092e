//! A sentence as the rules see it: the speech layer's analysis, and the caches only rules
//! need (the pattern gate's hits, how it counts as a question, whether it asks for
//! introductions), each filled the first time a rule asks.

use std::cell::OnceCell;
use std::ops::Deref;

use super::closed::Kind;
use super::pattern::{GateCell, GateHits};
use crate::speech;

/// One interviewer sentence under judgement. Derefs to the speech layer's [`speech::Sentence`].
#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    speech: speech::Sentence,
    /// Where the literals of the gated built-in patterns occur in `norm`, found on first use.
    gate: GateCell,
    /// How the sentence counts as a question (asked by the metrics and by `closed-question`).
    pub kind: OnceCell<Option<Kind>>,
    /// Whether it asks for introductions (asked by the metrics, `closed-question` and
    /// `stacked-questions`).
    pub referral: OnceCell<bool>,
}

impl Sentence {
    pub fn new(speech: speech::Sentence) -> Self {
        Sentence {
            speech,
            gate: GateCell::new(),
            kind: OnceCell::new(),
            referral: OnceCell::new(),
        }
    }

    /// The gate's findings for this sentence, computed by `f` the first time.
    pub fn gate(&self, f: impl FnOnce() -> GateHits) -> &GateHits {
        self.gate.get_or_init(f)
    }
}

impl Deref for Sentence {
    type Target = speech::Sentence;

    #[inline(always)]
    fn deref(&self) -> &speech::Sentence {
        &self.speech
    }
}

/// All sentences of a turn, analysed, for the rules.
#[cfg(test)]
pub(crate) fn sentences(text: &str, names: &[String]) -> Vec<Sentence> {
    speech::sentences(text, names)
        .into_iter()
        .map(Sentence::new)
        .collect()
}
