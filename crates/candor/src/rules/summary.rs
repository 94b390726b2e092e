//! `no-summary`: the interviewer never summarised back what they heard.

use std::borrow::Cow;

use super::{Whole, Check, Example, Hit, Rule, RuleInfo, Scope, TranscriptRule};
use crate::model::Severity;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "no-summary",
        severity: Severity::Info,
        summary: "never summarises back what they heard",
        explanation: "Playing back what you heard (\"So, to check I've got it: …\") lets the \
interviewee correct what you got wrong and add what you missed, and it often brings \
the most useful answer of the call. It also shows you were listening.",
        help: "near the end, play it back: \"Let me check I've got this right: … What have I missed?\"",
        examples: &[Example {
            bad: "Great, I think that's everything. Thanks!",
            better: "Let me check I've got this right: the rota is planned quarterly, swaps happen \
                by phone, and the children's slot is hardest. What have I missed?",
        }],
        scope: Scope::Transcript,
        settings: &[],
    },
    check: Check::Transcript(&NoSummary),
};

/// Flags a whole interview that never did it.
pub(crate) struct NoSummary;

impl TranscriptRule for NoSummary {
    /// Judged only on a whole interview, pointing at the interviewer's last turn.
    fn check(&self, t: &Whole<'_>, out: &mut Vec<(usize, Hit)>) {
        if t.metrics.summaries > 0 || !t.is_whole_interview() {
            return;
        }
        if let Some(&k) = t.interviewer_turns.last() {
            out.push((k, Hit::new(t.span_of(k), Why::NoSummary)));
        }
    }
}

/// Why `no-summary` fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    /// The interview ends without a summary back of what was heard.
    NoSummary,
}

impl Why {
    pub fn message(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Why::NoSummary => "the interview ends without a summary back of what was heard",
        })
    }
}

/// No patterns: it judges the metrics.
pub(super) static PATTERNS: &[&super::pattern::Pattern] = &[];
