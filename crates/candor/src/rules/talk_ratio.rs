//! `talk-ratio`: the interviewer talked more than a discovery interview allows.

use super::{Example, Hit, Id, RuleInfo, Scope};
use crate::model::Metrics;
use crate::model::Severity;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "talk-ratio",
    severity: Severity::Warning,
    summary: "the interviewer's share of the talk is above the threshold",
    explanation: "In a discovery interview the customer should do most of the talking: every \
minute you talk is a minute you are not learning. Sales research puts top performers \
near 43% of the talk, and interview guidance lower still, 20–30%. candor measures the \
interviewer's share of the speech by time where the transcript has timings, and by \
words otherwise, and flags it above the threshold: 40% in the discovery profile, 60% in \
the solution profile (`thresholds.talk_ratio` in candor.toml).",
    help: "ask shorter questions, then stay quiet: a pause after an answer is where the detail comes",
    examples: &[Example {
        bad: "(an interview where the interviewer speaks 55% of the words)",
        better: "(the same interview with short questions and long answers)",
    }],
    scope: Scope::Transcript,
};

/// The finding, pointing at the interviewer's longest turn.
/// Fewer words than this in the whole transcript (about a minute of talk) are an excerpt,
/// not an interview: the ratio is reported in the metrics but not judged.
pub(crate) const MIN_WORDS: usize = 150;

pub(crate) fn check(
    m: &Metrics,
    threshold: f64,
    longest_turn: Option<(usize, usize)>,
) -> Option<(usize, Hit)> {
    let (ratio, basis) = m.talk_ratio()?;
    // A ratio over a snippet says nothing about the interview.
    if m.words < MIN_WORDS || ratio <= threshold {
        return None;
    }
    let (turn, len) = longest_turn?;
    Some((
        turn,
        Hit::new(Id::TalkRatio, (0, len)).message(format!(
            "the interviewer did {:.0}% of the talking by {basis} (threshold {:.0}%); this is their longest turn",
            ratio * 100.0,
            threshold * 100.0
        )),
    ))
}
