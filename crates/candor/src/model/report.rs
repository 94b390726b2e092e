//! The report: what candor found in one transcript. Serialised, it is the JSON
//! contract of `candor stats --format json` and `candor lint --format json`.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Warning};
use crate::model::{Format, Metrics};
use crate::model::{Role, RoleSource};

/// Below this confidence, a role found from the conversation is shown as unsure (the lint
/// summary line, the HTML report).
pub const SURE_ROLE_CONFIDENCE: f32 = 0.7;

/// How serious a finding is.
///
/// ```
/// use candor::Severity;
/// assert!(Severity::Error > Severity::Warning);
/// assert_eq!("info".parse::<Severity>(), Ok(Severity::Info));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; does not fail a run by default.
    Info,
    /// A habit to change; fails a run by default (`--fail-on warning`).
    Warning,
    /// Must change.
    Error,
}

impl Severity {
    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// The weight of a finding of this severity in the score.
    pub fn weight(self) -> f64 {
        match self {
            Severity::Info => 1.0,
            Severity::Warning => 2.0,
            Severity::Error => 3.0,
        }
    }
}

impl std::str::FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "info" => Ok(Severity::Info),
            "warning" | "warn" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            _ => Err(format!(
                "unknown severity `{s}`; expected error, warning or info"
            )),
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One thing a rule found, pointing at the source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Finding {
    /// The rule id (`leading-question`, or a custom rule's id).
    pub rule: String,
    /// How serious it is.
    pub severity: Severity,
    /// 1-based line in the source file where the offending words start.
    pub line: u32,
    /// 1-based column (in characters) where they start.
    pub column: u32,
    /// 1-based line where they end.
    pub end_line: u32,
    /// 1-based column just past their end.
    pub end_column: u32,
    /// 1-based index of the turn in the transcript.
    pub turn: usize,
    /// Who said it.
    pub speaker: String,
    /// Start of the turn in seconds, where the transcript is timed.
    pub time: Option<f64>,
    /// What is wrong.
    pub message: String,
    /// The sentence (or turn) that holds the offending words.
    pub text: String,
    /// A better question to ask.
    pub help: String,
    /// What found it: the rule's patterns, the learned model, or both.
    pub source: Source,
    /// How sure candor is, 0 to 1: the model's probability where it scored the sentence,
    /// else how often the rule's patterns were right in cross-validation (1 for rules that
    /// measure rather than judge, and for your own phrase rules).
    pub confidence: f64,
    /// With `--explain`, the learned model's features that weighed most towards this
    /// finding, with their weights; empty otherwise (and left out of the JSON).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cues: Vec<Cue>,
    /// With `--explain`, on a finding the learned layer decided: the threshold its confidence
    /// reached (a rule has a higher one for turns over 80 words); absent otherwise (and left
    /// out of the JSON).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<Threshold>,
}

/// The threshold a finding's confidence reached in the learned layer.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Threshold {
    /// The threshold, 0 to 1.
    pub value: f64,
    /// Whether it is the rule's threshold for turns over 80 words, higher than the one for
    /// shorter turns.
    pub long_turn: bool,
}

/// A feature of the learned model that weighed towards a finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Cue {
    /// The feature, as a person reads it (`words "would you"`, `form yes-no`).
    pub feature: String,
    /// Its weight (log-odds) towards the finding.
    pub weight: f64,
}

/// What found a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Source {
    /// The rule's patterns (or its measurement).
    Pattern,
    /// The learned model alone.
    Model,
    /// Both the patterns and the model.
    Both,
}

/// Per-speaker numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SpeakerStats {
    /// The name as the transcript writes it.
    pub name: String,
    /// The role candor assigned.
    pub role: Role,
    /// How the role was decided.
    pub role_source: RoleSource,
    /// How sure candor is of the role, 0 to 1.
    pub role_confidence: f32,
    /// Words spoken.
    pub words: usize,
    /// Turns taken (consecutive lines or cues merged).
    pub turns: usize,
    /// Questions asked (sentences that ask something).
    pub questions: usize,
    /// Seconds of speech, where every turn of the transcript is timed (else `None`).
    pub talk_seconds: Option<f64>,
}

/// Whether candor stands behind a judgement of the file.
///
/// ```
/// assert_eq!(serde_json::to_value(candor::Status::NotJudged).unwrap(), "not-judged");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Status {
    /// An interview the rules judged: it has findings (maybe none) and a score.
    #[default]
    Judged,
    /// An interview measured without the rules (`candor stats`).
    Measured,
    /// Read, but not an interview candor can judge; `reason` says why.
    NotJudged,
    /// The file could not be read or parsed; `error` says why.
    Failed,
}

impl Status {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Judged => "judged",
            Status::Measured => "measured",
            Status::NotJudged => "not-judged",
            Status::Failed => "failed",
        }
    }
}

/// Why a file was not judged (docs/report.md gives the thresholds).
///
/// ```
/// assert_eq!(candor::Reason::TooShort.as_str(), "too-short");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Reason {
    /// Fewer than two voices told apart: one speaker, or speech with no speaker labels.
    NoSpeakers,
    /// No speaker could be taken for the interviewer, or no one else speaks.
    NoInterviewer,
    /// The conversation does not show clearly who interviews.
    LowRoleConfidence,
    /// Too few interviewer questions or words to judge.
    TooShort,
    /// A meeting's chat, not speech.
    ChatLog,
    /// Not English: the rules read English only.
    NotEnglish,
}

impl Reason {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::NoSpeakers => "no-speakers",
            Reason::NoInterviewer => "no-interviewer",
            Reason::LowRoleConfidence => "low-role-confidence",
            Reason::TooShort => "too-short",
            Reason::ChatLog => "chat-log",
            Reason::NotEnglish => "not-english",
        }
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a file has no analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReportError {
    /// What went wrong, for people.
    pub message: String,
    /// The 1-based line it concerns, if any.
    pub line: Option<u32>,
}

impl From<&Error> for ReportError {
    fn from(e: &Error) -> Self {
        ReportError {
            message: e.to_string(),
            line: e.line(),
        }
    }
}

/// Everything candor found in one transcript.
///
/// ```
/// let analyzer = candor::Analyzer::new(candor::Config::default()).unwrap();
/// let interview = "Maya: How do you plan your week today?\n\
/// Tom: In a spreadsheet, every Monday. It takes an hour: the numbers come from three places \
/// and none of them agree with each other, so I check each one twice.\n\
/// Maya: What happened the last time it slipped?\n\
/// Tom: A supplier delivered late, the whole week moved, and I rebuilt the sheet by hand on a \
/// Tuesday night. It took me until midnight, and I still got two delivery slots wrong on Wednesday morning.\n\
/// Maya: Don't you think that's painful?\n\
/// Tom: Not really. It is just how the week goes, and I have done it this way for years.";
/// let report = analyzer.analyze_bytes(interview.as_bytes(), None);
/// assert_eq!(report.format, Some(candor::Format::Plain));
/// assert!(report.findings.iter().any(|f| f.rule == "leading-question"));
/// assert!(report.score.is_some());
/// let json = serde_json::to_value(&report).unwrap();
/// assert!(json["metrics"]["interviewer_talk_ratio"].is_number());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Report {
    /// The file the report is about, as the caller named it.
    pub path: String,
    /// The format the transcript was read as; `None` when the file failed. In JSON, its
    /// name (`"webvtt"`).
    pub format: Option<Format>,
    /// The document the transcript's text was taken out of (`docx`); absent for text files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// The date the transcript states, `YYYY-MM-DD`, if any.
    pub date: Option<String>,
    /// Speakers with their numbers, in order of first appearance.
    pub speakers: Vec<SpeakerStats>,
    /// Whether the file was judged: `judged`, `measured` (`candor stats`), `not-judged`
    /// (see `reason`) or `failed` (see `error`).
    #[serde(default)]
    pub status: Status,
    /// Why the file was not judged; `null` otherwise.
    #[serde(default)]
    pub reason: Option<Reason>,
    /// Interview-level numbers; `null` when the file failed.
    pub metrics: Option<Metrics>,
    /// What the rules found, in source order; empty for `candor stats`.
    pub findings: Vec<Finding>,
    /// 0–100, higher is better; `null` unless the file was judged.
    pub score: Option<f64>,
    /// What was read leniently or guessed.
    pub warnings: Vec<Warning>,
    /// Set when the file could not be read or parsed; everything else is then empty.
    pub error: Option<ReportError>,
}

impl Report {
    /// A report for a file that failed.
    ///
    /// ```
    /// let r = candor::Report::failed("x.vtt", &candor::Error::Empty);
    /// assert_eq!(r.error.unwrap().message, "the file is empty (no text, or only blank lines and spaces)");
    /// assert!(r.metrics.is_none());
    /// ```
    pub fn failed(path: impl Into<String>, error: &Error) -> Self {
        Self::error(path, error.to_string(), error.line())
    }

    /// A report for a file that failed for a reason of the caller's (it could not be read, say).
    ///
    /// ```
    /// let r = candor::Report::error("x.vtt", "permission denied", None);
    /// assert_eq!(r.error.unwrap().message, "permission denied");
    /// ```
    pub fn error(path: impl Into<String>, message: impl Into<String>, line: Option<u32>) -> Self {
        Report {
            path: path.into(),
            format: None,
            document: None,
            date: None,
            speakers: Vec::new(),
            status: Status::Failed,
            reason: None,
            metrics: None,
            findings: Vec::new(),
            score: None,
            warnings: Vec::new(),
            error: Some(ReportError {
                message: message.into(),
                line,
            }),
        }
    }

    /// Names of the interviewers.
    pub fn interviewers(&self) -> impl Iterator<Item = &str> {
        self.speakers
            .iter()
            .filter(|s| s.role == Role::Interviewer)
            .map(|s| s.name.as_str())
    }

    /// Names of the interviewees.
    pub fn interviewees(&self) -> impl Iterator<Item = &str> {
        self.speakers
            .iter()
            .filter(|s| s.role == Role::Interviewee)
            .map(|s| s.name.as_str())
    }

    /// Whether the rules judged the file (it has a score, and its findings are all there is).
    pub fn is_judged(&self) -> bool {
        self.status == Status::Judged
    }

    /// The lowest confidence of an interviewer's role found from the conversation alone,
    /// when it is below [`SURE_ROLE_CONFIDENCE`]: candor's guess of who interviews is unsure.
    ///
    /// ```
    /// let a = candor::Analyzer::new(candor::Config::default()).unwrap();
    /// let r = a.analyze_bytes(b"Interviewer: How do you plan?\nCustomer: In a sheet.", None);
    /// assert_eq!(r.unsure_role(), None); // a label says who interviews
    /// ```
    pub fn unsure_role(&self) -> Option<f32> {
        self.speakers
            .iter()
            .filter(|s| s.role == Role::Interviewer && s.role_source == RoleSource::Heuristic)
            .map(|s| s.role_confidence)
            .filter(|&c| c < SURE_ROLE_CONFIDENCE)
            .reduce(f32::min)
    }

    /// The most serious finding's severity.
    pub fn max_severity(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }
}
