//! `talk-ratio`: the interviewer talked more than a discovery interview allows.

use std::borrow::Cow;

use super::{Whole, Check, Example, Hit, Rule, RuleInfo, Scope, TranscriptRule};
use crate::model::Basis;
use crate::config::Thresholds;
use crate::model::Severity;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "talk-ratio",
        severity: Severity::Warning,
        summary: "the interviewer's share of the talk is above the threshold",
        explanation: "In a discovery interview the customer should do most of the talking: every \
minute you talk is a minute you are not learning. Sales research puts top performers \
near 43% of the talk, and interview guidance lower still, 20–30%. candor measures the \
interviewer's share of the speech by time where the transcript has timings, and by \
words otherwise, and flags it above the threshold: 40% in the discovery profile, 60% in \
the solution profile.",
        help: "ask shorter questions, then stay quiet: a pause after an answer is where the detail comes",
        examples: &[Example {
            bad: "(an interview where the interviewer speaks 55% of the words)",
            better: "(the same interview with short questions and long answers)",
        }],
        scope: Scope::Transcript,
        settings: &[Thresholds::TALK_RATIO],
    },
    check: Check::Transcript(&TalkRatio),
};

/// Flags a talk ratio over the threshold.
pub(crate) struct TalkRatio;

/// Fewer words than this in the whole transcript (about a minute of talk) are an excerpt,
/// not an interview: the ratio is reported in the metrics but not judged.
pub(crate) const MIN_WORDS: usize = 150;

impl TranscriptRule for TalkRatio {
    /// The finding, pointing at the interviewer's longest turn.
    fn check(&self, t: &Whole<'_>, out: &mut Vec<(usize, Hit)>) {
        let m = t.metrics;
        let threshold = t.limits.talk_ratio;
        let Some((ratio, basis)) = m.talk_ratio() else {
            return;
        };
        // A ratio over a snippet says nothing about the interview.
        if m.words < MIN_WORDS || ratio <= threshold {
            return;
        }
        let longest = t.interviewer_turns.iter().copied().max_by_key(|&k| t.words[k]);
        if let Some(k) = longest {
            let why = Why::Above {
                ratio,
                threshold,
                basis,
            };
            out.push((k, Hit::new(t.span_of(k), why)));
        }
    }
}

/// Why `talk-ratio` fired.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Why {
    /// The interviewer's share, by time or words, over the threshold.
    Above {
        ratio: f64,
        threshold: f64,
        basis: Basis,
    },
}

impl Why {
    pub fn message(&self) -> Cow<'static, str> {
        match self {
            Why::Above {
                ratio,
                threshold,
                basis,
            } => format!(
                "the interviewer did {:.0}% of the talking by {basis} (threshold {:.0}%); \
                 this is their longest turn",
                ratio * 100.0,
                threshold * 100.0
            )
            .into(),
        }
    }
}

/// No patterns: it judges the metrics.
pub(super) static PATTERNS: &[&super::pattern::Pattern] = &[];
