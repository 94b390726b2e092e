//! The numbers of an interview: who talked how much, the questions, the stories.
//!
//! Definitions (docs/report.md gives them too):
//! * talk ratio: the interviewer's share of the speech of interviewers and
//!   interviewees (speakers marked `other` are left out), by words, and by
//!   seconds of speech where timed (silence excluded, as Gong and Truly do);
//! * questions: interviewer sentences that ask something; open are wh-questions
//!   and invitations ("Tell me about…"), closed are yes/no, either/or, tag and
//!   rating questions; offers, permission requests and referral asks are neither;
//! * longest monologue: the longest interviewer turn;
//! * longest story: the longest stretch where interviewees hold the floor,
//!   interviewer backchannels of five words or fewer ("Mm-hm", "Right") allowed;
//! * speaker switches per minute: changes of speaker between turns over the duration.

use serde::{Deserialize, Serialize};

use crate::model::RoleSource;

/// What a talk ratio is measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Basis {
    /// Seconds of speech.
    Time,
    /// Words.
    Words,
}

impl std::fmt::Display for Basis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Basis::Time => "time",
            Basis::Words => "words",
        })
    }
}

/// A stretch of talk: the longest monologue or story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Stretch {
    /// Words spoken in it.
    pub words: usize,
    /// Seconds it lasted, where timed.
    pub seconds: Option<f64>,
    /// 1-based source line where it starts.
    pub line: u32,
    /// 1-based turn where it starts.
    pub turn: usize,
}

/// Interview-level numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Metrics {
    /// From the first start to the last end, where timed.
    pub duration_seconds: Option<f64>,
    /// Words in the whole transcript.
    pub words: usize,
    /// Turns in the whole transcript.
    pub turns: usize,
    /// Words spoken by interviewers.
    pub interviewer_words: usize,
    /// Words spoken by interviewees.
    pub interviewee_words: usize,
    /// Interviewer words over interviewer and interviewee words; `null` without both roles.
    pub interviewer_talk_ratio: Option<f64>,
    /// Interviewer seconds of speech over interviewer and interviewee seconds; `null` when untimed.
    pub interviewer_talk_ratio_time: Option<f64>,
    /// Which ratio the `talk-ratio` rule and the score use: time where timed, else words.
    pub talk_ratio_basis: Option<Basis>,
    /// Questions the interviewers asked.
    pub interviewer_questions: usize,
    /// Of those, open questions (wh-questions, invitations).
    pub open_questions: usize,
    /// Of those, closed questions (yes/no, either/or, tag, rating).
    pub closed_questions: usize,
    /// Open over open plus closed; `null` with no such questions.
    pub open_question_ratio: Option<f64>,
    /// The longest interviewer turn.
    pub longest_monologue: Option<Stretch>,
    /// The longest stretch of interviewee talk.
    pub longest_story: Option<Stretch>,
    /// Changes of speaker per minute, where timed.
    pub speaker_switches_per_minute: Option<f64>,
    /// "Tell me about the last time…" and similar prompts for a specific story.
    pub story_prompts: usize,
    /// "Why?", "What happened next?", "Tell me more", echoes of their words.
    pub follow_up_probes: usize,
    /// Turns that summarise back what was heard.
    pub summaries: usize,
    /// Asks for introductions to others.
    pub referral_asks: usize,
    /// The least trusted way an interviewer's role was decided.
    pub role_source: Option<RoleSource>,
    /// The lowest confidence among the interviewers' roles.
    pub role_confidence: Option<f32>,
}

impl Metrics {
    /// The talk ratio the rules use and its basis: by time where timed, else by words.
    ///
    /// ```
    /// let a = candor::Analyzer::new(candor::Config::default()).unwrap();
    /// let r = a.analyze_bytes(b"Interviewer: How?\nCustomer: Like this and that, every day.", None);
    /// let (ratio, basis) = r.metrics.unwrap().talk_ratio().unwrap();
    /// assert_eq!(basis, candor::Basis::Words);
    /// assert!((ratio - 1.0 / 7.0).abs() < 1e-4); // reports round ratios to four decimals
    /// ```
    pub fn talk_ratio(&self) -> Option<(f64, Basis)> {
        match (
            self.talk_ratio_basis?,
            self.interviewer_talk_ratio_time,
            self.interviewer_talk_ratio,
        ) {
            (Basis::Time, Some(t), _) => Some((t, Basis::Time)),
            (_, _, Some(w)) => Some((w, Basis::Words)),
            _ => None,
        }
    }
}
