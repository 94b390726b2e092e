//! `no-referral-ask`: the interviewer never asked who else to talk to.

use std::borrow::Cow;

use super::{Whole, Check, Example, Hit, Rule, RuleInfo, Scope, TranscriptRule};
use crate::model::Severity;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "no-referral-ask",
        severity: Severity::Info,
        summary: "never asks who else they should talk to",
        explanation: "Every interview can lead to the next: the person in front of you knows who \
else has the problem, who decides, and who would disagree. Asking for an introduction \
costs one sentence at the end and is the cheapest way to find your next interviews. Any ask \
for an introduction counts, in any words: who else to talk to, whether they know anyone who \
might talk to you or be up for a session, leave to contact someone (\"Would you be happy for me \
to contact your manager?\"), or \"Could you intro me to…?\".",
        help: "before you close, ask: \"Who else should I talk to about this?\"",
        examples: &[Example {
            bad: "Thanks, this has been really helpful. Bye!",
            better: "Thanks, this has been really helpful. Who else should I talk to about this?",
        }],
        scope: Scope::Transcript,
        settings: &[],
    },
    check: Check::Transcript(&NoReferral),
};

/// Flags a whole interview that never did it.
pub(crate) struct NoReferral;

impl TranscriptRule for NoReferral {
    /// Judged only on a whole interview, pointing at the interviewer's last turn.
    fn check(&self, t: &Whole<'_>, out: &mut Vec<(usize, Hit)>) {
        if t.metrics.referral_asks > 0 || !t.is_whole_interview() {
            return;
        }
        if let Some(&k) = t.interviewer_turns.last() {
            out.push((k, Hit::new(t.span_of(k), Why::NoAsk)));
        }
    }
}

/// Why `no-referral-ask` fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    /// The interview ends without asking who else to talk to.
    NoAsk,
}

impl Why {
    pub fn message(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Why::NoAsk => "the interview ends without asking who else to talk to",
        })
    }
}

/// No patterns: it judges the metrics.
pub(super) static PATTERNS: &[&super::pattern::Pattern] = &[];
