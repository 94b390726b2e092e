//! candor reads customer-interview transcripts in every common format, measures
//! who talked how much, and flags the interviewer's anti-patterns.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod decode;
mod error;
pub mod formats;
mod roles;
pub(crate) mod text;
mod transcript;

pub use decode::{Decoded, decode};
pub use error::{Error, Warning};
pub use formats::time::format_clock;
pub use formats::{Format, detect, vtt};
pub use roles::generic_role;
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
    let decoded = decode(bytes)?;
    let mut t = formats::parse_text(&decoded.text, format)?;
    let mut warnings = decoded.warnings;
    warnings.append(&mut t.warnings);
    t.warnings = warnings;
    roles::assign(&mut t, &[], &[]);
    Ok(t)
}
