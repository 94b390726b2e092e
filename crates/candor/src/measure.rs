//! Measuring a transcript: the metrics (talk ratios, questions, the longest monologue and
//! story, speaker switches) and each speaker's share. See [`crate::Metrics`] for the
//! definitions.

use crate::model::{Basis, Metrics, Role, RoleSource, SpeakerStats, Stretch, Transcript, Turn};
use crate::rules::practice::Practice;

/// Seconds to the millisecond, for reports.
fn secs(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Ratios and rates to four decimals, for reports.
fn ratio(x: f64) -> f64 {
    (x * 10000.0).round() / 10000.0
}

fn turn_seconds(u: &Turn) -> Option<f64> {
    u.spoken.or_else(|| Some((u.end? - u.start?).max(0.0)))
}

/// The metrics of a transcript, from its roles, the words of each turn and the good
/// practice counted in the interviewer's sentences.
pub(crate) fn metrics(t: &Transcript, roles: &[Role], words: &[usize], c: &Practice) -> Metrics {
    let timed = t.every_turn_timed();
    let (mut iw, mut ew, mut it, mut et) = (0usize, 0usize, 0f64, 0f64);
    for (k, u) in t.turns.iter().enumerate() {
        let secs = turn_seconds(u).unwrap_or(0.0);
        match roles[k] {
            Role::Interviewer => {
                iw += words[k];
                it += secs;
            }
            Role::Interviewee => {
                ew += words[k];
                et += secs;
            }
            Role::Other => {}
        }
    }
    let both = roles.contains(&Role::Interviewer) && roles.contains(&Role::Interviewee);
    let ratio_words = (both && iw + ew > 0).then(|| ratio(iw as f64 / (iw + ew) as f64));
    let ratio_time = (both && timed && it + et > 0.0).then(|| ratio(it / (it + et)));
    let basis = match (ratio_time, ratio_words) {
        (Some(_), _) => Some(Basis::Time),
        (None, Some(_)) => Some(Basis::Words),
        _ => None,
    };
    let duration = timed.then(|| {
        let start = t
            .turns
            .iter()
            .filter_map(|u| u.start)
            .fold(f64::INFINITY, f64::min);
        let end = t
            .turns
            .iter()
            .filter_map(|u| u.end)
            .fold(f64::NEG_INFINITY, f64::max);
        secs((end - start).max(0.0))
    });
    let switches = t
        .turns
        .windows(2)
        .filter(|w| w[0].speaker != w[1].speaker)
        .count();
    let switches_per_minute = duration
        .filter(|d| *d > 0.0)
        .map(|d| ratio(switches as f64 / (d / 60.0)));

    let longest_monologue = (0..t.turns.len())
        .filter(|&k| roles[k] == Role::Interviewer)
        .max_by_key(|&k| words[k])
        .map(|k| Stretch {
            words: words[k],
            seconds: timed.then(|| turn_seconds(&t.turns[k]).map(secs)).flatten(),
            line: t.turns[k].line,
            turn: k + 1,
        });
    let longest_story = longest_story(t, roles, words, timed);
    let interviewer_sources: Vec<(RoleSource, f32)> = t
        .speakers
        .iter()
        .filter(|s| s.role == Role::Interviewer)
        .map(|s| (s.role_source, s.role_confidence))
        .collect();
    let role_source = interviewer_sources
        .iter()
        .map(|s| s.0)
        .max_by_key(|s| *s as u8);
    let role_confidence = interviewer_sources.iter().map(|s| s.1).reduce(f32::min);
    Metrics {
        duration_seconds: duration,
        words: words.iter().sum(),
        turns: t.turns.len(),
        interviewer_words: iw,
        interviewee_words: ew,
        interviewer_talk_ratio: ratio_words,
        interviewer_talk_ratio_time: ratio_time,
        talk_ratio_basis: basis,
        interviewer_questions: c.questions,
        open_questions: c.open,
        closed_questions: c.closed,
        open_question_ratio: (c.open + c.closed > 0)
            .then(|| ratio(c.open as f64 / (c.open + c.closed) as f64)),
        longest_monologue,
        longest_story,
        speaker_switches_per_minute: switches_per_minute,
        story_prompts: c.story_prompts,
        follow_up_probes: c.probes,
        summaries: c.summaries,
        referral_asks: c.referral_asks,
        role_source,
        role_confidence,
    }
}

/// The longest stretch where interviewees hold the floor; short interviewer backchannels don't break it.
/// Its time is the interviewees' talk time in it (as in the speakers' table), not the time
/// from its first word to its last, which would count pauses and other voices.
fn longest_story(t: &Transcript, roles: &[Role], words: &[usize], timed: bool) -> Option<Stretch> {
    let mut best: Option<Stretch> = None;
    // (first turn, words, talk seconds)
    let mut cur: Option<(usize, usize, f64)> = None;
    let close = |cur: &mut Option<(usize, usize, f64)>, best: &mut Option<Stretch>| {
        if let Some((first, w, talk)) = cur.take() {
            if best.as_ref().is_none_or(|b| w > b.words) {
                *best = Some(Stretch {
                    words: w,
                    seconds: timed.then(|| secs(talk)),
                    line: t.turns[first].line,
                    turn: first + 1,
                });
            }
        }
    };
    for (k, u) in t.turns.iter().enumerate() {
        match roles[k] {
            Role::Interviewee => {
                let talk = turn_seconds(u).unwrap_or(0.0);
                match cur.as_mut() {
                    Some(c) => {
                        c.1 += words[k];
                        c.2 += talk;
                    }
                    None => cur = Some((k, words[k], talk)),
                }
            }
            Role::Interviewer if words[k] <= 5 => {}
            Role::Other => {}
            Role::Interviewer => close(&mut cur, &mut best),
        }
    }
    close(&mut cur, &mut best);
    best
}

/// Each speaker's share: words, turns, questions and talk time.
pub(crate) fn speakers(t: &Transcript, questions: &[usize], words: &[usize]) -> Vec<SpeakerStats> {
    // Talk time only when every turn has its time, as for the talk ratio: a transcript timed
    // every few turns would give each speaker the time of their timed turns alone.
    let timed = t.every_turn_timed();
    let mut out: Vec<SpeakerStats> = t
        .speakers
        .iter()
        .map(|s| SpeakerStats {
            name: s.name.clone(),
            role: s.role,
            role_source: s.role_source,
            role_confidence: s.role_confidence,
            words: 0,
            turns: 0,
            questions: 0,
            talk_seconds: timed.then_some(0.0),
        })
        .collect();
    for (k, u) in t.turns.iter().enumerate() {
        let s = &mut out[u.speaker];
        s.words += words[k];
        s.turns += 1;
        s.questions += questions[k];
        if let (Some(total), Some(x)) = (s.talk_seconds.as_mut(), turn_seconds(u)) {
            *total += x;
        }
    }
    for s in &mut out {
        s.talk_seconds = s.talk_seconds.map(secs);
    }
    out
}
