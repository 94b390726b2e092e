//! The plain data candor reads into and reports: transcripts, formats, metrics and reports.
//! Nothing here parses or judges; every other module builds or reads these types.

mod format;
mod metrics;
mod report;
mod transcript;

pub use format::Format;
pub use metrics::{Basis, Metrics, Stretch};
pub use report::{
    Cue, Finding, Reason, Report, ReportError, SURE_ROLE_CONFIDENCE, Severity, Source,
    SpeakerStats, Status, Threshold,
};
pub(crate) use transcript::{Cursor, Piece, UNKNOWN_SPEAKER};
pub use transcript::{
    Declared, Position, Role, RoleSource, Speaker, Transcript, Turn, generic_role,
};
