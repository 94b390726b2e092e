//! Errors and warnings.

use serde::{Deserialize, Serialize};

/// Why a transcript could not be read or analysed.
///
/// Every variant names what candor expected, so a message can be shown to a
/// user as it is, after the file name: `call.vtt: line 12: ...`.
///
/// ```
/// let err = candor::parse(b"", None).unwrap_err();
/// assert_eq!(err.to_string(), "the file is empty (no text, or only blank lines and spaces)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input holds no bytes, or only whitespace.
    #[error("the file is empty (no text, or only blank lines and spaces)")]
    Empty,
    /// The input is not text.
    #[error("this is a binary file, not a transcript ({0})")]
    Binary(String),
    /// The input is text but holds no speaker turns.
    #[error("no speaker turns found: {0}")]
    NoTurns(String),
    /// The input breaks the syntax of its format at a line.
    #[error("line {line}: {message}")]
    Syntax {
        /// 1-based line in the source.
        line: u32,
        /// What was wrong and what was expected.
        message: String,
    },
    /// The input is not valid JSON, or not a JSON shape candor reads.
    #[error("line {line}, column {column}: {message}")]
    Json {
        /// 1-based line in the source.
        line: u32,
        /// 1-based column in the source.
        column: u32,
        /// What was wrong and what was expected.
        message: String,
    },
    /// A `--input-format` name that candor does not know.
    #[error("unknown input format `{name}`; expected one of: {expected}")]
    UnknownFormat {
        /// The name given.
        name: String,
        /// The names candor accepts.
        expected: String,
    },
    /// A configuration file or value that candor cannot use.
    #[error("{0}")]
    Config(String),
}

impl Error {
    /// The 1-based source line the error points at, if any.
    ///
    /// ```
    /// let err = candor::parse(b"{\"utterances\": [", None).unwrap_err();
    /// assert_eq!(err.line(), Some(1));
    /// ```
    pub fn line(&self) -> Option<u32> {
        match self {
            Error::Syntax { line, .. } | Error::Json { line, .. } => Some(*line),
            _ => None,
        }
    }
}

/// Something candor read leniently or guessed, worth telling the user about.
///
/// ```
/// let t = candor::parse(b"WEBVTT\n\n0:0:0.0 --> 0:0:5.320\n<v Ana>Hello there.</v>\n", None).unwrap();
/// assert!(t.warnings.iter().any(|w| w.line == Some(3)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Warning {
    /// 1-based source line, when the warning concerns one.
    pub line: Option<u32>,
    /// What happened.
    pub message: String,
}

impl Warning {
    pub(crate) fn at(line: u32, message: impl Into<String>) -> Self {
        Warning {
            line: Some(line),
            message: message.into(),
        }
    }

    pub(crate) fn file(message: impl Into<String>) -> Self {
        Warning {
            line: None,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}
