//! The transcript model every format is read into: speakers, turns, and where each came from.

use serde::{Deserialize, Serialize};

use crate::error::Warning;
use crate::model::Format;

/// What a speaker does in the interview.
///
/// ```
/// use candor::Role;
/// assert_eq!(Role::Interviewer.as_str(), "interviewer");
/// assert_eq!("interviewee".parse::<Role>(), Ok(Role::Interviewee));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Asks the questions; the rules judge this speaker.
    Interviewer,
    /// The customer or participant being interviewed.
    Interviewee,
    /// Anyone else: a note-taker, a bot, an unattributed voice.
    Other,
}

impl Role {
    /// The lowercase name used in reports and configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Interviewer => "interviewer",
            Role::Interviewee => "interviewee",
            Role::Other => "other",
        }
    }
}

impl std::str::FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "interviewer" => Ok(Role::Interviewer),
            "interviewee" => Ok(Role::Interviewee),
            "other" => Ok(Role::Other),
            _ => Err(format!(
                "unknown role `{s}`; expected interviewer, interviewee or other"
            )),
        }
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a speaker's role was decided, from most to least trusted.
///
/// ```
/// use candor::RoleSource;
/// assert_eq!(RoleSource::Label.as_str(), "label");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum RoleSource {
    /// Named by the caller (`--interviewer`, or the configuration file).
    Given,
    /// Named in the transcript's header or front matter.
    Header,
    /// Read from a generic label such as `Interviewer`, `Q`/`A` or `Host`/`Guest`.
    Label,
    /// Inferred from the conversation: who asks the questions, turn lengths, who speaks first.
    Heuristic,
}

impl RoleSource {
    /// The lowercase name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            RoleSource::Given => "given",
            RoleSource::Header => "header",
            RoleSource::Label => "label",
            RoleSource::Heuristic => "heuristic",
        }
    }
}

/// A person (or voice) in the transcript.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Speaker {
    /// The name as the transcript writes it, whitespace collapsed.
    pub name: String,
    /// The speaker's role.
    pub role: Role,
    /// How the role was decided.
    pub role_source: RoleSource,
    /// How sure candor is of the role, from 0 to 1 (1 when given or labelled).
    pub role_confidence: f32,
}

/// A 1-based line and column (in characters) in the source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Position {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in Unicode scalar values.
    pub column: u32,
}

/// A stretch of a turn's text and where it starts in the source.
///
/// When `exact`, the stretch is a verbatim copy of the source from `column` on,
/// so any offset inside it maps to an exact column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    /// Byte offset in the turn's text where the piece starts.
    pub text_start: u32,
    pub line: u32,
    pub column: u32,
    pub exact: bool,
}

/// One speaker holding the floor: consecutive cues or lines of one speaker are merged.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Turn {
    /// Index into [`Transcript::speakers`].
    pub speaker: usize,
    /// What was said, markup removed, pieces joined by a space or a newline.
    pub text: String,
    /// 1-based source line where the turn starts.
    pub line: u32,
    /// Start time in seconds from the start of the recording, where the format has it.
    pub start: Option<f64>,
    /// End time in seconds, where the format has it or it can be taken from the next turn.
    pub end: Option<f64>,
    /// Seconds of speech: the sum of the cue or segment durations merged into this turn.
    pub spoken: Option<f64>,
    pub(crate) pieces: Vec<Piece>,
}

impl Turn {
    /// The source lines the turn's text comes from, in order, each once.
    ///
    /// ```
    /// let t = candor::parse(b"Ana: One.\nAna: Two.\nBo: Three.", None).unwrap();
    /// assert_eq!(t.turns[0].lines().collect::<Vec<_>>(), vec![1, 2]);
    /// ```
    pub fn lines(&self) -> impl Iterator<Item = u32> + '_ {
        let mut last = 0;
        self.pieces.iter().map(|p| p.line).filter(move |&line| {
            let new = line != last;
            last = line;
            new
        })
    }

    /// The source position of a byte offset in [`Turn::text`].
    ///
    /// Exact where the text is a verbatim copy of the source; otherwise the
    /// start of the stretch that holds the offset.
    ///
    /// ```
    /// let t = candor::parse(b"Ana: How do you plan it?\nBo: In a sheet.", None).unwrap();
    /// let turn = &t.turns[0];
    /// let at = turn.text.find("plan").unwrap();
    /// let pos = turn.position(at);
    /// assert_eq!((pos.line, pos.column), (1, 17));
    /// ```
    pub fn position(&self, offset: usize) -> Position {
        self.position_from(&mut Cursor::default(), offset)
    }

    /// [`Turn::position`], counting characters from where `cursor` was last left rather
    /// than from the start of the line, so that many positions in one long line cost the
    /// distance between them, not their distance from the line's start.
    pub(crate) fn position_from(&self, cursor: &mut Cursor, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let idx = self
            .pieces
            .partition_point(|p| p.text_start as usize <= offset)
            .saturating_sub(1);
        let Some(piece) = self.pieces.get(idx) else {
            return Position {
                line: self.line,
                column: 1,
            };
        };
        if !piece.exact {
            return Position {
                line: piece.line,
                column: piece.column,
            };
        }
        let start = piece.text_start as usize;
        if cursor.piece != Some(idx) {
            *cursor = Cursor {
                piece: Some(idx),
                offset: start,
                chars: 0,
            };
        }
        if offset >= cursor.offset {
            cursor.chars += self.text[cursor.offset..offset].chars().count();
        } else {
            cursor.chars -= self.text[offset..cursor.offset].chars().count();
        }
        cursor.offset = offset;
        Position {
            line: piece.line,
            column: piece.column + cursor.chars as u32,
        }
    }
}

/// Where [`Turn::position_from`] last counted to: a piece, a byte offset in the turn's text,
/// and the characters from the piece's start to it.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Cursor {
    piece: Option<usize>,
    offset: usize,
    chars: usize,
}

/// Metadata the transcript itself declares (header lines, front matter, NOTE blocks).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Declared {
    /// Names declared as interviewers.
    pub interviewers: Vec<String>,
    /// Names declared as interviewees.
    pub interviewees: Vec<String>,
    /// A date (`YYYY-MM-DD`) the transcript states for the interview.
    pub date: Option<String>,
}

/// A transcript read from any format: speakers, turns, and what was read leniently.
///
/// ```
/// let t = candor::parse(b"Interviewer: How did it go?\nCustomer: Badly, to be honest.", None).unwrap();
/// assert_eq!(t.format.name(), "plain");
/// assert_eq!(t.speakers.len(), 2);
/// assert_eq!(t.turns[1].text, "Badly, to be honest.");
/// assert_eq!(t.turns[1].line, 2);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Transcript {
    /// The format the transcript was read as.
    pub format: Format,
    /// Speakers in order of first appearance.
    pub speakers: Vec<Speaker>,
    /// Turns in order.
    pub turns: Vec<Turn>,
    /// What was read leniently or guessed.
    pub warnings: Vec<Warning>,
    /// Roles and a date the transcript declares about itself.
    pub declared: Declared,
    /// Whether the text is a meeting's chat (`From Name : message` lines), not speech.
    pub chat_log: bool,
}

impl Transcript {
    /// Whether any turn carries times. Talk time and the talk ratio by time need every turn
    /// timed ([`Transcript::every_turn_timed`]): a transcript timed every few turns is timed
    /// here but gets neither.
    pub fn is_timed(&self) -> bool {
        self.turns.iter().any(|t| t.start.is_some())
    }

    /// Whether there are turns and every one has a start and an end (after reading, which
    /// gives start-only formats their ends): what talk time and the talk ratio by time need.
    pub fn every_turn_timed(&self) -> bool {
        !self.turns.is_empty()
            && self
                .turns
                .iter()
                .all(|t| t.start.is_some() && t.end.is_some())
    }

    /// The speaker of a turn.
    pub fn speaker_of(&self, turn: &Turn) -> &Speaker {
        &self.speakers[turn.speaker]
    }
}

/// The role a generic speaker label implies, if any.
///
/// ```
/// use candor::{generic_role, Role};
/// assert_eq!(generic_role("Interviewer"), Some(Role::Interviewer));
/// assert_eq!(generic_role("Interviewer 2"), Some(Role::Interviewer));
/// assert_eq!(generic_role("respondent"), Some(Role::Interviewee));
/// assert_eq!(generic_role("P3"), Some(Role::Interviewee));
/// assert_eq!(generic_role("Note-taker"), Some(Role::Other));
/// assert_eq!(generic_role("Speaker 1"), None);
/// assert_eq!(generic_role("Maya"), None);
/// ```
pub fn generic_role(name: &str) -> Option<Role> {
    let lower = name.trim().to_lowercase();
    // "Interviewer 2", "Interviewer1", "interviewer_a": the label without its number.
    let base = lower
        .trim_end_matches(|c: char| {
            c.is_ascii_digit() || c == ' ' || c == '_' || c == '-' || c == '#'
        })
        .trim_end_matches(" a")
        .trim_end_matches(" b");
    let base = if base.is_empty() {
        lower.as_str()
    } else {
        base
    };
    let interviewer = [
        "interviewer",
        "int",
        "i",
        "q",
        "question",
        "questioner",
        "researcher",
        "ux researcher",
        "user researcher",
        "moderator",
        "facilitator",
        "host",
        "pm",
        "product manager",
        "founder",
        "agent",
        "me",
        "iv",
    ];
    let interviewee = [
        "interviewee",
        "respondent",
        "resp",
        "r",
        "participant",
        "p",
        "a",
        "answer",
        "customer",
        "client",
        "user",
        "guest",
        "subject",
        "candidate",
        "prospect",
        "buyer",
        "caller",
        "patient",
        "informant",
        "expert",
        "ie",
    ];
    let other = [
        "note-taker",
        "notetaker",
        "note taker",
        "notes",
        "observer",
        "scribe",
        "unknown",
        "unknown speaker",
        "silent observer",
        "otter.ai",
        "fireflies.ai notetaker",
        "recorder",
        "transcriber",
        "bot",
        "assistant",
    ];
    if other.contains(&base) || lower.contains("notetaker") || lower.contains("note-taker") {
        return Some(Role::Other);
    }
    // Single letters only bare ("Q", "A", "I", "R"), except P1, P2… for participants;
    // codes like "A1" or "R2" mean different things in different studies.
    let bare_letter = base.len() == 1 && (lower.len() == 1 || base == "p");
    if interviewer.contains(&base) && (base.len() > 1 || bare_letter) {
        return Some(Role::Interviewer);
    }
    if interviewee.contains(&base) && (base.len() > 1 || bare_letter) {
        return Some(Role::Interviewee);
    }
    None
}

/// Name used for speech that no speaker label covers.
pub(crate) const UNKNOWN_SPEAKER: &str = "Unknown Speaker";
