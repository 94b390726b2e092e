//! The score of an interview, 0 to 100 (docs/scoring.md gives the formula and why).

use crate::model::{Finding, Metrics};

/// The score from the findings (and the weight of those past the listing limit) and the
/// metrics: the interviewer's line and turn findings weighed against the questions they
/// asked, the talk ratio, and a penalty for never asking for referrals or summarising.
pub(crate) fn score(findings: &[Finding], unlisted_weight: f64, m: &Metrics) -> f64 {
    let transcript_level = |r: &str| matches!(r, "talk-ratio" | "no-referral-ask" | "no-summary");
    let weight: f64 = unlisted_weight
        + findings
            .iter()
            .filter(|f| !transcript_level(&f.rule))
            .map(|f| f.severity.weight())
            .sum::<f64>();
    let questions = m.interviewer_questions.max(10) as f64;
    let quality = 100.0 * (-weight / questions).exp();
    let talk = match m.talk_ratio() {
        Some((r, _)) if r > 0.30 => 100.0 * (1.0 - (r - 0.30) / 0.40).max(0.0),
        _ => 100.0,
    };
    let penalty: f64 = findings
        .iter()
        .filter(|f| matches!(f.rule.as_str(), "no-referral-ask" | "no-summary"))
        .map(|f| 2.0 * f.severity.weight())
        .sum();
    let s = (0.8 * quality + 0.2 * talk - penalty).clamp(0.0, 100.0);
    (s * 10.0).round() / 10.0
}
