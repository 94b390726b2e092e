//! The transcript model every format is read into: speakers, turns, and where each came from.

use serde::{Deserialize, Serialize};

use crate::error::Warning;
use crate::formats::Format;

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
}

impl Transcript {
    /// Whether any turn carries times.
    pub fn is_timed(&self) -> bool {
        self.turns.iter().any(|t| t.start.is_some())
    }

    /// The speaker of a turn.
    pub fn speaker_of(&self, turn: &Turn) -> &Speaker {
        &self.speakers[turn.speaker]
    }
}

/// Collapses runs of whitespace and trims.
pub(crate) fn clean_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// How many distinct labels [`Builder::speaker`] remembers as written.
const RECENT_LABELS: usize = 4;

/// Builds a [`Transcript`], merging consecutive segments of one speaker into one turn.
pub(crate) struct Builder {
    format: Format,
    speakers: Vec<Speaker>,
    index: std::collections::HashMap<String, usize>,
    /// The labels last passed to [`Builder::speaker`], as written, and their speakers.
    recent: Vec<(String, usize)>,
    turns: Vec<Turn>,
    pub warnings: Vec<Warning>,
    pub declared: Declared,
}

/// A run of text and where it starts in the source.
#[derive(Debug, Clone)]
pub(crate) struct Span<'a> {
    pub text: std::borrow::Cow<'a, str>,
    pub line: u32,
    pub column: u32,
    pub exact: bool,
}

impl<'a> Span<'a> {
    pub fn exact(text: &'a str, line: u32, column: u32) -> Self {
        Span {
            text: std::borrow::Cow::Borrowed(text),
            line,
            column,
            exact: true,
        }
    }

    /// Text that is not a verbatim copy of the source (decoded, re-joined): it maps to its start.
    pub fn approx(text: impl Into<std::borrow::Cow<'a, str>>, line: u32, column: u32) -> Self {
        Span {
            text: text.into(),
            line,
            column,
            exact: false,
        }
    }
}

/// Removes the first `n` bytes of text from a run of spans (a speaker prefix
/// found in markup-free text), keeping the columns of what remains exact.
pub(crate) fn drop_prefix(spans: &mut Vec<Span<'_>>, mut n: usize) {
    while n > 0 && !spans.is_empty() {
        let len = spans[0].text.len();
        if len <= n {
            n -= len;
            spans.remove(0);
            continue;
        }
        let mut cut = n;
        while !spans[0].text.is_char_boundary(cut) {
            cut += 1;
        }
        let first = &mut spans[0];
        if first.exact {
            first.column += first.text[..cut].chars().count() as u32;
        }
        first.text = match std::mem::take(&mut first.text) {
            std::borrow::Cow::Borrowed(s) => std::borrow::Cow::Borrowed(&s[cut..]),
            std::borrow::Cow::Owned(s) => std::borrow::Cow::Owned(s[cut..].to_string()),
        };
        n = 0;
    }
}

/// The text of the spans that lie on the same source line as the first, joined.
pub(crate) fn first_line_text(spans: &[Span<'_>]) -> String {
    let Some(line) = spans.first().map(|s| s.line) else {
        return String::new();
    };
    spans
        .iter()
        .take_while(|s| s.line == line)
        .map(|s| s.text.as_ref())
        .collect()
}

/// Name used for speech that no speaker label covers.
pub(crate) const UNKNOWN_SPEAKER: &str = "Unknown Speaker";

impl Builder {
    pub fn new(format: Format) -> Self {
        Builder {
            format,
            speakers: Vec::new(),
            index: std::collections::HashMap::new(),
            recent: Vec::with_capacity(RECENT_LABELS),
            turns: Vec::new(),
            warnings: Vec::new(),
            declared: Declared::default(),
        }
    }

    /// Room for `n` more turns, where the reader can bound how many there will be: the turns
    /// then never move while they are added (each move copies every turn so far).
    pub fn reserve_turns(&mut self, n: usize) {
        self.turns.reserve(n);
    }

    /// The index of a speaker, added on first sight.
    pub fn speaker(&mut self, raw: &str) -> usize {
        // Labels recur as written, mostly two in turn: the last few are checked before any
        // cleaning or hashing.
        if let Some(&(_, i)) = self.recent.iter().find(|(label, _)| label == raw) {
            return i;
        }
        let i = self.speaker_named(raw);
        if self.recent.len() == RECENT_LABELS {
            self.recent.remove(0);
        }
        self.recent.push((raw.to_string(), i));
        i
    }

    fn speaker_named(&mut self, name: &str) -> usize {
        let name = clean_name(name);
        let name = if name.is_empty() {
            UNKNOWN_SPEAKER.to_string()
        } else {
            name
        };
        if let Some(&i) = self.index.get(&name) {
            return i;
        }
        let i = self.speakers.len();
        self.speakers.push(Speaker {
            name: name.clone(),
            role: Role::Other,
            role_source: RoleSource::Heuristic,
            role_confidence: 0.0,
        });
        self.index.insert(name, i);
        i
    }

    /// The speaker of the last turn, if any.
    pub fn last_speaker(&self) -> Option<usize> {
        self.turns.last().map(|t| t.speaker)
    }

    /// Adds a segment of speech. `spans` are the runs of its text in source order;
    /// runs on different source lines are joined with a space, others directly.
    pub fn push(
        &mut self,
        speaker: usize,
        spans: &[Span<'_>],
        start: Option<f64>,
        end: Option<f64>,
    ) {
        let has_text = spans.iter().any(|s| !s.text.trim().is_empty());
        if !has_text {
            return;
        }
        let spoken = match (start, end) {
            (Some(s), Some(e)) if e >= s => Some(e - s),
            (Some(_), Some(_)) => Some(0.0),
            _ => None,
        };
        let merge = self.turns.last().is_some_and(|t| t.speaker == speaker);
        if !merge {
            let line = spans
                .iter()
                .find(|s| !s.text.trim().is_empty())
                .map_or(spans[0].line, |s| s.line);
            self.turns.push(Turn {
                speaker,
                text: String::new(),
                line,
                start,
                end,
                spoken,
                pieces: Vec::new(),
            });
        }
        let Some(turn) = self.turns.last_mut() else {
            return;
        };
        if merge {
            if let Some(e) = end {
                turn.end = Some(turn.end.map_or(e, |t: f64| t.max(e)));
            }
            if turn.start.is_none() {
                turn.start = start;
            }
            turn.spoken = match (turn.spoken, spoken) {
                (Some(a), Some(b)) => Some(a + b),
                (a, b) => a.or(b),
            };
        }
        // A new segment is always separated from what the turn already holds;
        // runs of one segment join directly on one line and with a space across lines.
        let mut last_line: Option<u32> = None;
        for span in spans {
            let continues = last_line == Some(span.line) && !turn.text.is_empty();
            let raw = span.text.as_ref();
            let text = if continues { raw } else { raw.trim_start() };
            let skipped = raw[..raw.len() - text.len()].chars().count() as u32;
            if text.is_empty() {
                continue;
            }
            if !continues && !turn.text.is_empty() && !turn.text.ends_with(char::is_whitespace) {
                turn.text.push(' ');
            }
            turn.pieces.push(Piece {
                text_start: turn.text.len() as u32,
                line: span.line,
                column: span.column + if span.exact { skipped } else { 0 },
                exact: span.exact,
            });
            turn.text.push_str(text);
            last_line = Some(span.line);
        }
    }

    /// Trims each turn's trailing whitespace and drops turns left without words.
    pub fn finish(mut self) -> Transcript {
        for turn in &mut self.turns {
            let len = turn.text.trim_end().len();
            turn.text.truncate(len);
        }
        self.turns.retain(|t| !t.text.is_empty());
        // Speakers left without a turn (only empty cues) are dropped.
        let mut used = vec![false; self.speakers.len()];
        for t in &self.turns {
            used[t.speaker] = true;
        }
        if used.iter().any(|u| !u) {
            let mut remap = vec![0usize; self.speakers.len()];
            let mut kept = Vec::new();
            for (i, s) in self.speakers.into_iter().enumerate() {
                if used[i] {
                    remap[i] = kept.len();
                    kept.push(s);
                }
            }
            for t in &mut self.turns {
                t.speaker = remap[t.speaker];
            }
            self.speakers = kept;
        }
        Transcript {
            format: self.format,
            speakers: self.speakers,
            turns: self.turns,
            warnings: self.warnings,
            declared: self.declared,
        }
    }
}
