//! `interviewer-monologue`: one interviewer turn that goes on too long.

use std::borrow::Cow;

use super::{Limits, Whole, Check, Example, Hit, Rule, RuleInfo, Scope, TranscriptRule};
use crate::config::Thresholds;
use crate::model::Severity;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "interviewer-monologue",
        severity: Severity::Warning,
        summary: "one interviewer turn runs over the word or time limit",
        explanation: "A long interviewer turn is usually a pitch, a lecture or a question buried \
in a preamble. Sales research finds win rates fall once a rep's overview passes two \
minutes; in an interview the bar is lower. candor flags an interviewer turn over 150 \
words, or over 60 seconds where the transcript is timed (300 words and 120 seconds in \
the solution profile). A summary back of what you heard is good \
practice and rarely needs that long.",
        help: "cut the preamble: ask the question in one sentence and let them talk",
        examples: &[Example {
            bad: "(a 200-word explanation of the product before a question)",
            better: "(the question on its own, in one sentence)",
        }],
        scope: Scope::Turn,
        settings: &[Thresholds::MONOLOGUE_WORDS, Thresholds::MONOLOGUE_SECONDS],
    },
    check: Check::Transcript(&Monologue),
};

/// Flags interviewer turns over the limits.
pub(crate) struct Monologue;

impl TranscriptRule for Monologue {
    /// Each interviewer turn over the word limit, or the time limit where timed.
    fn check(&self, t: &Whole<'_>, out: &mut Vec<(usize, Hit)>) {
        for &k in t.interviewer_turns {
            let u = &t.transcript.turns[k];
            let seconds = u.spoken.or_else(|| Some(u.end? - u.start?));
            if let Some(why) = judge(t.words[k], seconds, &t.limits) {
                out.push((k, Hit::new(t.span_of(k), why)));
            }
        }
    }
}

/// Whether a turn of `words` words and `seconds` of speech is a monologue.
fn judge(words: usize, seconds: Option<f64>, limits: &Limits) -> Option<Why> {
    let by_time = seconds.filter(|s| *s > limits.monologue_seconds);
    match by_time {
        Some(seconds) => Some(Why::Seconds {
            seconds,
            limit: limits.monologue_seconds,
        }),
        None if words > limits.monologue_words => Some(Why::Words {
            words,
            limit: limits.monologue_words,
        }),
        None => None,
    }
}

/// Why `interviewer-monologue` fired.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Why {
    /// Spoke this long, over the limit.
    Seconds { seconds: f64, limit: f64 },
    /// Spoke this many words, over the limit.
    Words { words: usize, limit: usize },
}

impl Why {
    pub fn message(&self) -> Cow<'static, str> {
        match self {
            Why::Seconds { seconds, limit } => format!(
                "the interviewer spoke for {} without a break (limit {})",
                crate::format_clock(*seconds),
                crate::format_clock(*limit)
            ),
            Why::Words { words, limit } => {
                format!("the interviewer spoke {words} words without a break (limit {limit})")
            }
        }
        .into()
    }
}

/// No patterns: it judges the metrics.
pub(super) static PATTERNS: &[&super::pattern::Pattern] = &[];
