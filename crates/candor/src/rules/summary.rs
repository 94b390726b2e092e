//! `no-summary`: the interviewer never summarised back what they heard.

use super::{Example, Hit, Id, RuleInfo, Scope};
use crate::model::Severity;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "no-summary",
    severity: Severity::Info,
    summary: "never summarises back what they heard",
    explanation: "Playing back what you heard (\"So, to check I've got it: …\") lets the \
interviewee correct what you got wrong and add what you missed, and it often brings \
the most useful answer of the call. It also shows you were listening.",
    help: "near the end, play it back: \"Let me check I've got this right: … What have I missed?\"",
    examples: &[Example {
        bad: "Great, I think that's everything. Thanks!",
        better: "Let me check I've got this right: the rota is planned quarterly, swaps happen by phone, and the children's slot is hardest. What have I missed?",
    }],
    scope: Scope::Transcript,
};

pub(crate) fn check(
    summarised: bool,
    last_interviewer_turn: Option<(usize, usize)>,
) -> Option<(usize, Hit)> {
    if summarised {
        return None;
    }
    let (turn, len) = last_interviewer_turn?;
    Some((
        turn,
        Hit::new(Id::NoSummary, (0, len))
            .message("the interview ends without a summary back of what was heard"),
    ))
}
