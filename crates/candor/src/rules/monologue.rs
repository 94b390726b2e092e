//! `interviewer-monologue`: one interviewer turn that goes on too long.

use super::{Example, Hit, Id, RuleInfo, Scope};
use crate::model::Severity;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "interviewer-monologue",
    severity: Severity::Warning,
    summary: "one interviewer turn runs over the word or time limit",
    explanation: "A long interviewer turn is usually a pitch, a lecture or a question buried \
in a preamble. Sales research finds win rates fall once a rep's overview passes two \
minutes; in an interview the bar is lower. candor flags an interviewer turn over 150 \
words, or over 60 seconds where the transcript is timed (`thresholds.monologue_words` \
and `thresholds.monologue_seconds`). A summary back of what you heard is good \
practice and rarely needs that long.",
    help: "cut the preamble: ask the question in one sentence and let them talk",
    examples: &[Example {
        bad: "(a 200-word explanation of the product before a question)",
        better: "(the question on its own, in one sentence)",
    }],
    scope: Scope::Turn,
};

/// Whether a turn of `words` words and `seconds` of speech is a monologue.
pub(crate) fn check(
    words: usize,
    seconds: Option<f64>,
    text_len: usize,
    max_words: usize,
    max_seconds: f64,
) -> Option<Hit> {
    let by_time = seconds.filter(|s| *s > max_seconds);
    if by_time.is_none() && words <= max_words {
        return None;
    }
    let message = match by_time {
        Some(s) => format!(
            "the interviewer spoke for {} without a break (limit {})",
            crate::format_clock(s),
            crate::format_clock(max_seconds)
        ),
        None => format!("the interviewer spoke {words} words without a break (limit {max_words})"),
    };
    Some(Hit::new(Id::Monologue, (0, text_len)).message(message))
}
