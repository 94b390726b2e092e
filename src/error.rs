//! Why a command failed: every error the CLI reports (as `error: …`, exit code 2), or that
//! becomes a file's error row, worded for the person who ran it.

use std::io;
use std::path::PathBuf;

/// An error of the command line, with the message the user sees.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The library's own error (a configuration, a rule set, a labelled case), as it words it.
    #[error(transparent)]
    Candor(#[from] candor::Error),
    /// Writing a stream that has no name of its own.
    #[error(transparent)]
    Io(#[from] io::Error),
    /// Serialising a report or a rule list.
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    /// Writing a CSV row.
    #[error(transparent)]
    Csv(#[from] csv::Error),

    /// `eval` given training options without `--cv`: it would score the shipped model and
    /// ignore them.
    #[error(
        "eval: training options such as --min-precision apply only with --cv K; without it, eval scores the shipped model"
    )]
    TrainingWithoutCv,
    /// A `--input-format` that is not a format.
    #[error("--input-format: {0}")]
    InputFormat(#[source] candor::Error),
    /// A `--profile` that is not a profile.
    #[error("invalid --profile `{0}`; expected discovery or solution")]
    Profile(String),
    /// A `--glob` that does not parse.
    #[error("invalid --glob `{glob}`: {source}")]
    Glob { glob: String, source: ignore::Error },
    /// The `--glob`s together do not build.
    #[error("invalid --glob: {0}")]
    Globs(#[source] ignore::Error),
    /// `--config` names no file.
    #[error("{}: configuration file not found", .0.display())]
    ConfigNotFound(PathBuf),
    /// A configuration file that cannot be read.
    #[error("{}: cannot read configuration: {source}", path.display())]
    ReadConfig { path: PathBuf, source: io::Error },
    /// A named file that cannot be read.
    #[error("{}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    /// An output file that cannot be written.
    #[error("{}: cannot write: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
    /// A finished temporary cannot be renamed over its output file.
    #[error("{}: cannot write: failed to persist temporary file: {source}", path.display())]
    Persist { path: PathBuf, source: io::Error },
    /// No temporary file can be made beside an output file.
    #[error("{}: cannot create a file there: {source}", path.display())]
    CreateBeside { path: PathBuf, source: io::Error },
    /// No temporary file can be made for the HTML report's rows.
    #[error("cannot create a temporary file: {0}")]
    Temporary(#[source] io::Error),
    /// Standard output cannot be written.
    #[error("cannot write output: {0}")]
    Output(#[source] io::Error),
    /// `candor init` would overwrite a file.
    #[error("{} already exists; pass --force to overwrite it", .0.display())]
    Exists(PathBuf),
    /// A rule id that does not exist (`candor explain`, `--select`, `--ignore`), with the
    /// closest one or the list.
    #[error("{what}unknown rule `{rule}`; {hint}")]
    UnknownRule {
        what: String,
        rule: String,
        hint: String,
    },
    /// A glob of `exclude` or `per-file-ignores` that does not parse.
    #[error("{}: invalid glob `{glob}`: {message}", path.display())]
    ConfigGlob {
        path: PathBuf,
        glob: String,
        message: String,
    },
    /// A baseline file that cannot be read as one.
    #[error("{}: not a candor baseline: {source}", path.display())]
    Baseline {
        path: PathBuf,
        source: serde_json::Error,
    },
    /// An option that the chosen output format has no use for.
    #[error("{0}")]
    Usage(String),
    /// The paths given hold nothing to read.
    #[error("no transcripts found in the paths given")]
    NoTranscripts,
    /// `candor eval` found no labelled case.
    #[error("no NAME.labels.json files found")]
    NoLabels,
    /// A `NAME.labels.json` that is not valid labels.
    #[error("{}: line {}: {source}", path.display(), source.line())]
    Labels {
        path: PathBuf,
        source: serde_json::Error,
    },
    /// A `NAME.labels.json` with no transcript beside it.
    #[error("{}: no transcript named {stem}.* beside it", path.display())]
    NoTranscriptBeside { path: PathBuf, stem: String },
    /// The thread pool cannot start.
    #[error("cannot start {jobs} threads: {source}")]
    Threads {
        jobs: usize,
        source: rayon::ThreadPoolBuildError,
    },
    /// The batch ended with files not analysed: a bug.
    #[error("internal error: {missing} of {total} files were not analysed")]
    NotAnalysed { missing: usize, total: usize },
}

impl Error {
    /// Whether this is a write to a pipe whose reader has gone (`candor score … | head -1`):
    /// the reader has what it wanted, so the run stops quietly.
    pub fn is_broken_pipe(&self) -> bool {
        let pipe = |e: &io::Error| e.kind() == io::ErrorKind::BrokenPipe;
        match self {
            Error::Io(e) | Error::Output(e) => pipe(e),
            Error::Json(e) => e.io_error_kind() == Some(io::ErrorKind::BrokenPipe),
            Error::Csv(e) => matches!(e.kind(), csv::ErrorKind::Io(e) if pipe(e)),
            _ => false,
        }
    }
}

/// Why an input could not be read: the message of its error row.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// A document format candor does not read.
    #[error(
        "{} files are not supported; export the transcript as .docx, .vtt, .srt or .txt",
        .0.to_ascii_uppercase()
    )]
    Unsupported(String),
    /// Standard input failed.
    #[error("cannot read standard input: {0}")]
    Stdin(#[source] io::Error),
    /// A file failed.
    #[error("{}", io_message(.0))]
    File(#[source] io::Error),
}

/// A short message for the common reasons a file cannot be read.
pub fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "is a folder".to_string(),
        _ => e.to_string(),
    }
}
