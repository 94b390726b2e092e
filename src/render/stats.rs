//! `candor stats` for people: a table of speakers and the interview's numbers.

use std::io::{self, Write};

use candor::{Report, format_clock};

use super::{BOLD, DIM, human::plural, pct};

fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub fn report(w: &mut dyn Write, path: &str, r: &Report) -> io::Result<()> {
    let Some(m) = &r.metrics else {
        return Ok(());
    };
    let mut head = vec![r.format.map(|f| f.name().to_string()).unwrap_or_default()];
    if let Some(d) = m.duration_seconds {
        head.push(format_clock(d));
    }
    head.push(plural(r.speakers.len(), "speaker", "speakers"));
    if let Some(date) = &r.date {
        head.push(date.clone());
    }
    writeln!(w, "{BOLD}{path}{BOLD:#} {DIM}({}){DIM:#}", head.join(", "))?;

    let name_w = r
        .speakers
        .iter()
        .map(|s| s.name.chars().count())
        .max()
        .unwrap_or(4)
        .clamp(7, 32);
    let total_words: usize = r.speakers.iter().map(|s| s.words).sum::<usize>().max(1);
    let timed = r.speakers.iter().any(|s| s.talk_seconds.is_some());
    write!(
        w,
        "  {DIM}{:<name_w$}  {:<11}  {:>7}  {:>6}  {:>5}  {:>9}",
        "speaker", "role", "words", "share", "turns", "questions"
    )?;
    if timed {
        write!(w, "  {:>9}", "talk time")?;
    }
    writeln!(w, "  {:<9}{DIM:#}", "role from")?;
    for s in &r.speakers {
        let name: String = s.name.chars().take(32).collect();
        write!(
            w,
            "  {:<name_w$}  {:<11}  {:>7}  {:>6}  {:>5}  {:>9}",
            name,
            s.role.as_str(),
            thousands(s.words),
            pct(s.words as f64 / total_words as f64),
            s.turns,
            s.questions
        )?;
        if timed {
            write!(
                w,
                "  {:>9}",
                s.talk_seconds.map(format_clock).unwrap_or_default()
            )?;
        }
        writeln!(
            w,
            "  {} {:.0}%",
            s.role_source.as_str(),
            s.role_confidence * 100.0
        )?;
    }
    writeln!(w)?;
    let row = |w: &mut dyn Write, k: &str, v: String| writeln!(w, "  {:<26}{v}", k);
    let ratio = match (m.interviewer_talk_ratio_time, m.interviewer_talk_ratio) {
        (Some(t), Some(wd)) => format!("{} by time, {} by words", pct(t), pct(wd)),
        (None, Some(wd)) => format!("{} by words (untimed)", pct(wd)),
        _ => "unknown (no interviewer or no interviewee identified)".to_string(),
    };
    row(w, "interviewer talk ratio", ratio)?;
    let open = m
        .open_question_ratio
        .map(|r| format!("; {} open", pct(r)))
        .unwrap_or_default();
    row(
        w,
        "questions asked",
        format!(
            "{} ({} open, {} closed{open})",
            m.interviewer_questions, m.open_questions, m.closed_questions
        ),
    )?;
    let stretch = |s: &candor::Stretch| {
        let secs = s
            .seconds
            .map(|x| format!(", {}", format_clock(x)))
            .unwrap_or_default();
        format!("{} words{secs} (line {})", thousands(s.words), s.line)
    };
    if let Some(s) = &m.longest_monologue {
        row(w, "longest interviewer turn", stretch(s))?;
    }
    if let Some(s) = &m.longest_story {
        row(w, "longest interviewee story", stretch(s))?;
    }
    if let Some(x) = m.speaker_switches_per_minute {
        row(w, "speaker switches", format!("{x:.1} per minute"))?;
    }
    row(
        w,
        "good practice",
        [
            plural(m.story_prompts, "story prompt", "story prompts"),
            plural(m.follow_up_probes, "follow-up probe", "follow-up probes"),
            plural(m.summaries, "summary", "summaries"),
            plural(m.referral_asks, "referral ask", "referral asks"),
        ]
        .join(", "),
    )?;
    writeln!(w)
}

/// `stats -q`: one line per file, its talk ratio and questions.
pub fn line(w: &mut dyn Write, path: &str, r: &Report) -> io::Result<()> {
    let Some(m) = &r.metrics else {
        return Ok(());
    };
    let ratio = match m.talk_ratio() {
        Some((ratio, basis)) => format!("interviewer talked {} by {basis}", pct(ratio)),
        None => "no talk ratio (no interviewer or no interviewee identified)".to_string(),
    };
    writeln!(
        w,
        "{BOLD}{path}{BOLD:#}: {ratio} · {} questions ({} open)",
        m.interviewer_questions, m.open_questions
    )
}
