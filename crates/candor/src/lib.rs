//! candor reads customer-interview transcripts in every common format, measures who talked
//! how much, and flags the interviewer's anti-patterns: pitching, leading and hypothetical
//! questions, asking the customer to design the product, and the rest.
//!
//! # Quick start
//!
//! ```
//! use candor::{Analyzer, Config};
//!
//! let analyzer = Analyzer::new(Config::default())?; // compile once, share across threads
//! // An interview is judged with three questions and a hundred words or more.
//! let interview = "Maya: How do you plan your week today?\n\
//!     Tom: In a spreadsheet, every Monday. It takes an hour: the numbers come from three places \
//!     and none of them agree with each other, so I check each one twice.\n\
//!     Maya: What happened the last time it slipped?\n\
//!     Tom: A supplier delivered late, the whole week moved, and I rebuilt the sheet by hand on a \
//!     Tuesday night. It took me until midnight, and I still got two delivery slots wrong on Wednesday morning.\n\
//!     Maya: If we built this, would you use it?\n\
//!     Tom: Probably, yes, if it read the supplier emails and moved the slots on its own.";
//! let report = analyzer.analyze_str(interview); // the format is detected from the content
//! assert_eq!(report.status, candor::Status::Judged);
//! for f in &report.findings {
//!     println!("line {}: {} {}", f.line, f.rule, f.message);
//! }
//! assert!(report.findings.iter().any(|f| f.rule == "hypothetical-question"));
//! # Ok::<(), candor::Error>(())
//! ```
//!
//! # In your own tool
//!
//! - [`Analyzer::analyze_str`] for text you hold, [`Analyzer::analyze_bytes`] for a file's
//!   bytes in any encoding (Word documents too); neither fails: a file that cannot be read
//!   is a [`Report`] with `error` set.
//! - [`Report::render_human`] renders a report as `candor lint` prints it (the source line,
//!   the words underlined, `= help:` with a better question), with colour and width as
//!   [`render::HumanOptions`]; [`render::Human`] renders many in a row.
//! - [`Config::discover`] finds and reads the `candor.toml` that governs a transcript, as
//!   the command line does; [`Config::find`] only finds it.
//! - The types that may grow are `#[non_exhaustive]`: match them with a `_` arm, and build
//!   a [`Config`] from [`Config::default`] and its `with_*` setters or fields.
//!
//! ```
//! use candor::{Analyzer, Config, render::HumanOptions};
//!
//! let analyzer = Analyzer::new(Config::default().with_interviewers(["Maya"]))?;
//! let text = include_str!("../../../fixtures/demo/call.vtt");
//! let mut report = analyzer.analyze_str(text);
//! report.path = "call.vtt".into();
//! let shown = report.render_human(Some(text), &HumanOptions::default().with_columns(100));
//! assert!(shown.contains("  --> call.vtt:41:127\n"));
//! # Ok::<(), candor::Error>(())
//! ```
//!
//! # How it is built
//!
//! Data flows one way: bytes are decoded ([`decode`]), their format detected and parsed
//! into a [`Transcript`] ([`parse`]), speaker roles assigned, each interviewer sentence read
//! by the speech layer (words, sentence bounds, normalisation, sentence form) and judged by
//! the rules, and the result is a [`Report`] (findings, metrics, score). The rules are one
//! file each, listed once in a registry; [`rules()`] lists them. `docs/architecture.md` in
//! the repository describes each module, and `docs/adding-a-rule.md` adds a rule.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod advice;
mod analyze;
mod config;
mod custom;
mod decode;
mod discover;
mod error;
pub mod eval;
pub mod formats;
pub mod learn;
mod measure;
mod model;
pub mod render;
mod roles;
mod rules;
mod score;
pub(crate) mod speech;
mod verdict;

pub use analyze::Analyzer;
pub use config::{Config, CustomRule, Level, Profile, Setting, SpeakerFilter, Thresholds, closest};
pub use decode::{Decoded, decode};
pub use discover::CONFIG_FILE_NAMES;
pub use error::{Error, Warning};
pub use formats::time::format_clock;
pub use formats::{detect, vtt};
pub use model::{
    Basis, Cue, Declared, Finding, Format, Metrics, Position, Reason, Report, ReportError, Role,
    RoleSource, SURE_ROLE_CONFIDENCE, Severity, Source, Speaker, SpeakerStats, Status, Stretch,
    Threshold, Transcript, Turn, generic_role,
};
pub use roles::plain_name;
pub use rules::{Example, RuleInfo, Scope, rule, rules};
pub use speech::{Form, count_words};
pub use verdict::{MIN_QUESTIONS, MIN_ROLE_CONFIDENCE, MIN_WORDS};

/// Decodes, detects and parses transcript bytes, and assigns speaker roles.
///
/// `format` forces a format; `None` detects it from the content.
///
/// ```
/// let t = candor::parse(b"Interviewer: How do you plan?\nCustomer: In a sheet.", None).unwrap();
/// assert_eq!(t.speakers[0].role, candor::Role::Interviewer);
/// ```
pub fn parse(bytes: &[u8], format: Option<Format>) -> Result<Transcript, Error> {
    parse_decoded(&decode(bytes)?, format)
}

/// Parses text already decoded with [`decode`], and assigns speaker roles.
///
/// Use it when you keep the decoded text, for instance to show source lines
/// next to findings; line and column numbers refer to `decoded.text`.
///
/// ```
/// let d = candor::decode(b"Ana: How?\r\nBo: Like this.").unwrap();
/// let t = candor::parse_decoded(&d, None).unwrap();
/// assert_eq!(t.turns[1].line, 2);
/// ```
pub fn parse_decoded(decoded: &Decoded, format: Option<Format>) -> Result<Transcript, Error> {
    parse_counted(decoded, format).map(|(t, _)| t)
}

/// [`parse_decoded`], and the words of each turn, counted once for the roles and again
/// useful to the analysis.
pub(crate) fn parse_counted(
    decoded: &Decoded,
    format: Option<Format>,
) -> Result<(Transcript, Vec<usize>), Error> {
    let mut t = formats::parse_text(&decoded.text, format)?;
    let mut warnings = decoded.warnings.clone();
    warnings.append(&mut t.warnings);
    t.warnings = warnings;
    t.chat_log = verdict::is_chat_log(&decoded.text);
    let words = speech::turn_words(&t.turns);
    roles::assign_counted(&mut t, &[], &[], &words);
    Ok((t, words))
}

/// How candor reads each sentence of a text: its form and normalised core.
/// For debugging rules; the output format is not stable.
#[doc(hidden)]
pub fn debug_sentences(text: &str) -> Vec<(Form, String)> {
    speech::sentences(text, &[])
        .into_iter()
        .map(|s| (s.form, s.norm.clone()))
        .collect()
}

/// The question the `help:` of a finding of `rule` on `sentence` would suggest, when a
/// rewrite of the sentence fits (docs/rules.md#better-questions); `None` when the rule's own
/// help stands. For the tests; not part of the stable API.
#[doc(hidden)]
pub fn debug_rewrite(rule: &str, sentence: &str) -> Option<String> {
    let id = rules::Id::ALL.iter().find(|i| i.info().id == rule)?;
    advice::rewrite(*id, sentence)
}

/// Compiles a regular expression written in this crate, from a constant: every one is
/// compiled by the tests, so failure is a bug, not something input can cause.
pub(crate) fn re(pattern: &str) -> regex::Regex {
    built_in(regex::Regex::new(pattern))
}

/// A built-in pattern, compiled (see [`re`]).
pub(crate) fn built_in<R, E: std::fmt::Display>(compiled: Result<R, E>) -> R {
    match compiled {
        Ok(r) => r,
        Err(e) => panic!("built-in pattern failed to compile: {e}"),
    }
}

/// Invariants every report must satisfy, checked by the property tests and the fuzz
/// targets. Not part of the stable API.
#[doc(hidden)]
pub mod invariants {
    use crate::Report;

    /// Parses `data` with the format its first byte picks from `formats` (the rest is the
    /// input), forced whatever the content, as the parser fuzz targets do. An input that
    /// fails to decode or parse is fine; a transcript must have every turn, start and end,
    /// on a line of the source.
    pub fn parse_forced(data: &[u8], formats: &[crate::Format]) -> Result<(), String> {
        let Some((&pick, rest)) = data.split_first() else {
            return Ok(());
        };
        let Some(&format) = formats.get(usize::from(pick) % formats.len().max(1)) else {
            return Ok(());
        };
        let Ok(decoded) = crate::decode(rest) else {
            return Ok(());
        };
        let Ok(t) = crate::parse_decoded(&decoded, Some(format)) else {
            return Ok(());
        };
        let lines = decoded.text.split('\n').count() as u32;
        for turn in &t.turns {
            let end = turn.position(turn.text.len()).line;
            if !(1..=lines).contains(&turn.line) || !(1..=lines).contains(&end) {
                return Err(format!(
                    "{format}: a turn on lines {}-{end} of {lines}",
                    turn.line
                ));
            }
        }
        Ok(())
    }

    /// Checks `report`, made from `source` (the decoded text): every finding's line and
    /// columns lie inside the source and run forwards; ratios lie in [0, 1]; the score in
    /// [0, 100]; durations and counts agree with each other.
    pub fn check(source: &str, report: &Report) -> Result<(), String> {
        let lines: Vec<usize> = source.split('\n').map(|l| l.chars().count()).collect();
        let width = |line: u32| -> Result<usize, String> {
            let i = (line as usize)
                .checked_sub(1)
                .ok_or_else(|| "line 0".to_string())?;
            lines
                .get(i)
                .copied()
                .ok_or_else(|| format!("line {line} is past the end ({} lines)", lines.len()))
        };
        for f in &report.findings {
            let (w0, w1) = (width(f.line)?, width(f.end_line)?);
            if f.column == 0 || f.column as usize > w0 + 1 {
                return Err(format!(
                    "{}: column {} outside line {} of {w0} characters",
                    f.rule, f.column, f.line
                ));
            }
            if f.end_column == 0 || f.end_column as usize > w1 + 1 {
                return Err(format!(
                    "{}: end column {} outside line {} of {w1} characters",
                    f.rule, f.end_column, f.end_line
                ));
            }
            if (f.end_line, f.end_column) < (f.line, f.column) {
                return Err(format!("{}: ends before it starts: {f:?}", f.rule));
            }
        }
        if let Some(m) = &report.metrics {
            for (name, r) in [
                ("interviewer_talk_ratio", m.interviewer_talk_ratio),
                ("interviewer_talk_ratio_time", m.interviewer_talk_ratio_time),
                ("open_question_ratio", m.open_question_ratio),
            ] {
                if let Some(r) = r {
                    if !(0.0..=1.0).contains(&r) {
                        return Err(format!("{name} = {r}"));
                    }
                }
            }
            if m.duration_seconds
                .is_some_and(|d| !(d >= 0.0 && d.is_finite()))
            {
                return Err(format!("duration {:?}", m.duration_seconds));
            }
            if m.open_questions + m.closed_questions > m.interviewer_questions {
                return Err("more open and closed questions than questions".into());
            }
            let words: usize = report.speakers.iter().map(|s| s.words).sum();
            if words != m.words {
                return Err(format!("speakers' words {words} != {}", m.words));
            }
            for s in &report.speakers {
                if s.talk_seconds.is_some_and(|t| !(t >= 0.0 && t.is_finite())) {
                    return Err(format!("{}: talk_seconds {:?}", s.name, s.talk_seconds));
                }
            }
        }
        if let Some(score) = report.score {
            if !(0.0..=100.0).contains(&score) {
                return Err(format!("score {score}"));
            }
        }
        Ok(())
    }
}
