//! What every parser builds a transcript with: speakers by name, turns from pieces of source.

use crate::error::Warning;
use crate::model::{
    Declared, Format, Piece, Role, RoleSource, Speaker, Transcript, Turn, UNKNOWN_SPEAKER,
};

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

/// The longest silence, in seconds, inside one turn: one speaker's timed segments further
/// apart than this are separate turns.
pub(crate) const MAX_PAUSE: f64 = 60.0;

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
        // A silence of more than [`MAX_PAUSE`] between two timed segments of one speaker
        // (minutes with no speech in a Zoom recording) ends the turn: it is not one monologue.
        let merge = self.turns.last().is_some_and(|t| {
            t.speaker == speaker
                && !matches!((t.end, start), (Some(e), Some(s)) if s - e > MAX_PAUSE)
        });
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
            chat_log: false,
        }
    }
}
