//! `no-referral-ask`: the interviewer never asked who else to talk to.

use super::{Example, Hit, Id, RuleInfo, Scope};
use crate::model::Severity;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "no-referral-ask",
    severity: Severity::Info,
    summary: "never asks who else they should talk to",
    explanation: "Every interview can lead to the next: the person in front of you knows who \
else has the problem, who decides, and who would disagree. Asking for an introduction \
costs one sentence at the end and is the cheapest way to find your next interviews.",
    help: "before you close, ask: \"Who else should I talk to about this?\"",
    examples: &[Example {
        bad: "Thanks, this has been really helpful. Bye!",
        better: "Thanks, this has been really helpful. Who else should I talk to about this?",
    }],
    scope: Scope::Transcript,
};

pub(crate) fn check(
    asked: bool,
    last_interviewer_turn: Option<(usize, usize)>,
) -> Option<(usize, Hit)> {
    if asked {
        return None;
    }
    let (turn, len) = last_interviewer_turn?;
    Some((
        turn,
        Hit::new(Id::NoReferral, (0, len))
            .message("the interview ends without asking who else to talk to"),
    ))
}
