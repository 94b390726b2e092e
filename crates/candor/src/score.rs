//! The score of a judged interview, 0 to 100 (docs/scoring.md gives the formula, why, and
//! how it orders the labelled cases).

use crate::model::Metrics;

/// The score from `weight`, the problems found (each sentence once, at its most serious
/// finding's weight), and the metrics: how free of problems the questions were, how much
/// the customer talked, and how much of what good interviews do the interviewer did.
pub(crate) fn score(weight: f64, m: &Metrics) -> f64 {
    let s = 100.0 * (0.55 * craft(weight, m) + 0.15 * listening(m) + 0.3 * practice(m));
    (s.clamp(0.0, 100.0) * 10.0).round() / 10.0
}

/// 1 with no problems, falling with their weight per question asked (ten at the least, so
/// one slip in a short call does not dominate).
fn craft(weight: f64, m: &Metrics) -> f64 {
    (-weight / m.interviewer_questions.max(10) as f64).exp()
}

/// 1 while the interviewer takes 30% of the talk or less, falling to 0 at 70%.
fn listening(m: &Metrics) -> f64 {
    match m.talk_ratio() {
        Some((r, _)) => (1.0 - (r - 0.30).max(0.0) / 0.40).clamp(0.0, 1.0),
        None => 0.0,
    }
}

/// What good interviews do, 0 to 1: open questions, prompts for a specific story, follow-up
/// probes, and a close that summarises back and asks for an introduction.
fn practice(m: &Metrics) -> f64 {
    let open = m.open_question_ratio.unwrap_or(0.0);
    let stories = (m.story_prompts as f64 / 2.0).min(1.0);
    let probes = (m.follow_up_probes as f64 / 4.0).min(1.0);
    let close =
        0.5 * f64::from(u8::from(m.summaries > 0)) + 0.5 * f64::from(u8::from(m.referral_asks > 0));
    0.25 * open + 0.3 * stories + 0.3 * probes + 0.15 * close
}
