//! candor reads customer-interview transcripts in every common format, measures
//! who talked how much, and flags the interviewer's anti-patterns.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod analyze;
mod config;
mod decode;
mod error;
pub mod eval;
pub mod formats;
mod metrics;
mod report;
mod roles;
mod rules;
pub(crate) mod text;
mod transcript;

pub use analyze::Analyzer;
pub use config::{Config, CustomRule, Level, Profile, SpeakerFilter, Thresholds};
pub use decode::{Decoded, decode};
pub use error::{Error, Warning};
pub use formats::time::format_clock;
pub use formats::{Format, detect, vtt};
pub use metrics::{Basis, Metrics, Stretch};
pub use report::{Finding, Report, ReportError, Severity, SpeakerStats};
pub use roles::generic_role;
pub use rules::{Example, RuleInfo, Scope, rule, rules};
pub use text::{Form, count_words};
pub use transcript::{Declared, Position, Role, RoleSource, Speaker, Transcript, Turn};

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
    let mut t = formats::parse_text(&decoded.text, format)?;
    let mut warnings = decoded.warnings.clone();
    warnings.append(&mut t.warnings);
    t.warnings = warnings;
    roles::assign(&mut t, &[], &[]);
    Ok(t)
}

/// How candor reads each sentence of a text: its form and normalised core.
/// For debugging rules; the output format is not stable.
#[doc(hidden)]
pub fn debug_sentences(text: &str) -> Vec<(Form, String)> {
    text::sentences(text, &[])
        .into_iter()
        .map(|s| (s.form, s.norm.clone()))
        .collect()
}
