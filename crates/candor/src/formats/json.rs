//! Speech-to-text JSON: Whisper/whisperX, AWS Transcribe (standard and Call
//! Analytics), Deepgram, AssemblyAI, Rev.ai, Google Speech-to-Text, and a
//! generic array of `{speaker, text, start?, end?}`.
//!
//! Each shape is told by its keys. Turns point at the line of their text in
//! the JSON source, found by searching for the encoded string in order.

use serde_json::{Map, Value};

use super::builder::{Builder, Span};
use crate::error::{Error, Warning};
use crate::model::Format;
use crate::model::{Transcript, UNKNOWN_SPEAKER};

/// `[` followed by an object, an empty array or a string: JSON, not `[00:01] Name:`.
pub(crate) fn starts_like_array(s: &str) -> bool {
    s.strip_prefix('[')
        .map(|r| r.trim_start())
        .is_some_and(|r| r.starts_with(['{', ']', '"']))
}

/// Which JSON shape a value has.
fn classify(v: &Value) -> Option<Format> {
    match v {
        Value::Array(items) => generic_items(items).then_some(Format::Json),
        Value::Object(o) => {
            if o.get("segments").is_some_and(Value::is_array) {
                return Some(Format::WhisperJson);
            }
            if let Some(r) = o.get("results") {
                if r.get("items").is_some() || r.get("transcripts").is_some() {
                    return Some(Format::AwsJson);
                }
                if r.get("channels").is_some() || r.get("utterances").is_some() {
                    return Some(Format::DeepgramJson);
                }
                if r.as_array()
                    .is_some_and(|a| a.iter().any(|x| x.get("alternatives").is_some()))
                {
                    return Some(Format::GoogleSttJson);
                }
            }
            if o.get("Transcript").is_some_and(Value::is_array) {
                return Some(Format::AwsJson);
            }
            if o.get("monologues").is_some_and(Value::is_array) {
                return Some(Format::RevAiJson);
            }
            if o.contains_key("utterances")
                && (o.contains_key("words") || o.contains_key("text") || o.contains_key("id"))
            {
                return Some(Format::AssemblyAiJson);
            }
            if generic_list(v).is_some() {
                return Some(Format::Json);
            }
            None
        }
        _ => None,
    }
}

const SPEAKER_KEYS: &[&str] = &[
    "speaker",
    "speaker_name",
    "speakerName",
    "name",
    "role",
    "participant",
    "who",
    "author",
];
const TEXT_KEYS: &[&str] = &[
    "text",
    "content",
    "transcript",
    "utterance",
    "message",
    "value",
    "spokenText",
];

fn generic_items(items: &[Value]) -> bool {
    !items.is_empty()
        && items.iter().take(20).all(|i| {
            i.as_object().is_some_and(|o| {
                TEXT_KEYS
                    .iter()
                    .any(|k| o.get(*k).is_some_and(Value::is_string))
            })
        })
}

/// Tells the JSON shape of text, or `None` when it is not JSON or not a shape candor reads.
pub(crate) fn detect(text: &str) -> Option<Format> {
    let v: Value = serde_json::from_str(text).ok()?;
    classify(&v)
}

fn json_error(e: &serde_json::Error) -> Error {
    Error::Json {
        line: e.line().max(1) as u32,
        column: e.column().max(1) as u32,
        message: format!("{e}")
            .split(" at line ")
            .next()
            .unwrap_or("invalid JSON")
            .to_string(),
    }
}

/// Seconds from a number or a string (`"4.87"`, `"1.500s"`).
fn secs(v: Option<&Value>) -> Option<f64> {
    let x = match v? {
        Value::Number(n) => n.as_f64()?,
        Value::String(s) => s.trim().trim_end_matches('s').parse().ok()?,
        _ => return None,
    };
    x.is_finite().then_some(x)
}

fn ms(v: Option<&Value>) -> Option<f64> {
    secs(v).map(|x| x / 1000.0)
}

fn name_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(format!("Speaker {n}")),
        _ => None,
    }
}

/// Finds each turn's text in the source, in order, for line numbers.
///
/// Both searches stay linear in the source: a turn's text is looked for only in the next
/// [`Locator::WINDOW`] bytes (joined from separate words, it is often not in the source at
/// all, and a search of the whole rest for every turn would be quadratic), and columns are
/// counted on from the last one found when it is on the same line (minified JSON is one
/// line).
struct Locator<'a> {
    src: &'a str,
    line_starts: Vec<usize>,
    pos: usize,
    /// The last offset given a column, with its line and column.
    last: (usize, usize, usize),
}

impl<'a> Locator<'a> {
    /// How far past the last turn found the next one is looked for.
    const WINDOW: usize = 256 * 1024;

    fn new(src: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', src.as_bytes()).map(|i| i + 1));
        Locator {
            src,
            line_starts,
            pos: 0,
            last: (0, 1, 1),
        }
    }

    fn line_col(&mut self, offset: usize) -> (u32, u32) {
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let (last_offset, last_line, last_col) = self.last;
        let col = if line == last_line && offset >= last_offset {
            last_col + self.src[last_offset..offset].chars().count()
        } else {
            let start = self.line_starts[line - 1];
            self.src[start..offset].chars().count() + 1
        };
        self.last = (offset, line, col);
        (line as u32, col as u32)
    }

    /// A span for `text`: exact where the source holds it verbatim after the search point.
    fn span(&mut self, text: &str) -> Span<'static> {
        let encoded = serde_json::to_string(text).unwrap_or_default();
        let needle = encoded.trim_matches('"');
        if !needle.is_empty() {
            let end = self
                .src
                .len()
                .min(self.pos.saturating_add(Self::WINDOW.max(needle.len() * 4)));
            let window = &self.src.as_bytes()[self.pos..end];
            if let Some(i) = find_from_prefix(window, needle.as_bytes()) {
                let at = self.pos + i;
                self.pos = at + needle.len();
                let (line, column) = self.line_col(at);
                let exact = needle == text;
                return Span {
                    text: std::borrow::Cow::Owned(text.to_string()),
                    line,
                    column,
                    exact,
                };
            }
        }
        let (line, column) = self.line_col(self.pos.min(self.src.len()));
        Span::approx(text.to_string(), line, column)
    }
}

/// Where `needle` first occurs in `hay`. A searcher for a whole turn's text costs in
/// proportion to its length to build, and the text is usually right ahead, so only its first
/// bytes are searched for, and each place they occur is checked for the rest; after a few
/// places that only start alike, a searcher for the whole is built after all, so that text
/// repeating its first words cannot make the search quadratic.
fn find_from_prefix(hay: &[u8], needle: &[u8]) -> Option<usize> {
    const TRIES: usize = 16;
    let prefix = memchr::memmem::Finder::new(&needle[..needle.len().min(16)]);
    let mut at = 0;
    for _ in 0..TRIES {
        // Each place the prefix starts, overlapping ones too.
        let i = at + prefix.find(&hay[at..])?;
        if hay[i..].starts_with(needle) {
            return Some(i);
        }
        at = i + 1;
    }
    memchr::memmem::find(&hay[at..], needle).map(|j| at + j)
}

/// A turn-sized piece of speech before it goes into the builder.
struct Utt {
    speaker: Option<String>,
    text: String,
    start: Option<f64>,
    end: Option<f64>,
}

/// Joins words into utterances, starting a new one when the speaker changes.
#[derive(Default)]
struct WordJoiner {
    utts: Vec<Utt>,
}

impl WordJoiner {
    fn word(
        &mut self,
        speaker: Option<String>,
        word: &str,
        start: Option<f64>,
        end: Option<f64>,
        punct: bool,
    ) {
        let same = self
            .utts
            .last()
            .is_some_and(|u| speaker.is_none() || u.speaker == speaker);
        if punct || (same && !self.utts.is_empty()) {
            if let Some(u) = self.utts.last_mut() {
                if !punct && !u.text.is_empty() {
                    u.text.push(' ');
                }
                u.text.push_str(word);
                if end.is_some() {
                    u.end = end;
                }
                return;
            }
        }
        self.utts.push(Utt {
            speaker,
            text: word.to_string(),
            start,
            end,
        });
    }
}

fn str_field<'v>(o: &'v Map<String, Value>, keys: &[&str]) -> Option<&'v str> {
    keys.iter().find_map(|k| o.get(*k).and_then(Value::as_str))
}

/// Where a format keeps its list of utterances, and what it calls their fields: the
/// utterance-list formats differ only in these names.
struct Shape {
    /// The keys that lead from the top object to the array of utterances.
    path: &'static [&'static str],
    /// Keys that may hold the speaker, tried in order.
    speaker: &'static [&'static str],
    /// Keys that may hold the text, tried in order.
    text: &'static [&'static str],
    /// Keys that may hold the start, in seconds, then in milliseconds.
    start: (&'static [&'static str], &'static [&'static str]),
    /// Keys that may hold the end, in seconds, then in milliseconds.
    end: (&'static [&'static str], &'static [&'static str]),
    /// Speaker names this short are letters or numbers: "A" becomes "Speaker A".
    short_speaker: usize,
    /// Whether the text is trimmed.
    trim: bool,
}

const WHISPER: Shape = Shape {
    path: &["segments"],
    speaker: &["speaker"],
    text: &["text"],
    start: (&["start"], &[]),
    end: (&["end"], &[]),
    short_speaker: 0,
    trim: true,
};

/// AWS Transcribe Call Analytics: `Transcript[]` with `ParticipantRole`.
const AWS_CALL_ANALYTICS: Shape = Shape {
    path: &["Transcript"],
    speaker: &["ParticipantRole"],
    text: &["Content"],
    start: (&[], &["BeginOffsetMillis"]),
    end: (&[], &["EndOffsetMillis"]),
    short_speaker: 0,
    trim: false,
};

const DEEPGRAM_UTTERANCES: Shape = Shape {
    path: &["results", "utterances"],
    speaker: &["speaker"],
    text: &["transcript"],
    start: (&["start"], &[]),
    end: (&["end"], &[]),
    short_speaker: 0,
    trim: false,
};

const ASSEMBLYAI: Shape = Shape {
    path: &["utterances"],
    speaker: &["speaker"],
    text: &["text"],
    start: (&[], &["start", "start_ms"]),
    end: (&[], &["end", "end_ms"]),
    short_speaker: 2,
    trim: false,
};

/// The generic shape: an array of objects, at the top or under one of [`GENERIC_LISTS`].
const GENERIC: Shape = Shape {
    path: &[],
    speaker: SPEAKER_KEYS,
    text: TEXT_KEYS,
    start: (
        &["start", "start_time", "startTime", "begin", "offset"],
        &["start_ms", "startMs", "begin_ms"],
    ),
    end: (
        &["end", "end_time", "endTime", "stop"],
        &["end_ms", "endMs"],
    ),
    short_speaker: 0,
    trim: false,
};

/// Keys under which a generic object keeps its list of turns.
const GENERIC_LISTS: &[&str] = &[
    "utterances",
    "turns",
    "sentences",
    "transcript",
    "dialogue",
    "messages",
];

impl Shape {
    /// The utterances at the shape's path in `v`, or `None` when there is no array there.
    fn read(&self, v: &Value) -> Option<Vec<Utt>> {
        let items = self.path.iter().try_fold(v, |v, k| v.get(*k))?.as_array()?;
        Some(
            items
                .iter()
                .filter_map(Value::as_object)
                .map(|o| self.utt(o))
                .collect(),
        )
    }

    fn utt(&self, o: &Map<String, Value>) -> Utt {
        let time = |(secs_keys, ms_keys): (&[&str], &[&str])| {
            secs_keys
                .iter()
                .find_map(|k| secs(o.get(*k)))
                .or_else(|| ms_keys.iter().find_map(|k| ms(o.get(*k))))
        };
        let text = str_field(o, self.text).unwrap_or("");
        Utt {
            speaker: self
                .speaker
                .iter()
                .find_map(|k| name_of(o.get(*k)))
                .map(|s| {
                    if s.len() <= self.short_speaker {
                        format!("Speaker {s}")
                    } else {
                        s
                    }
                }),
            text: if self.trim { text.trim() } else { text }.to_string(),
            start: time(self.start),
            end: time(self.end),
        }
    }
}

fn aws(v: &Value, o: &Map<String, Value>) -> Vec<Utt> {
    if let Some(utts) = AWS_CALL_ANALYTICS.read(v) {
        return utts;
    }
    let empty = Map::new();
    let results = o
        .get("results")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    // Older outputs keep speakers only in speaker_labels.segments: map start_time -> label.
    let mut by_start: Vec<(f64, f64, String)> = Vec::new();
    if let Some(segs) = results
        .get("speaker_labels")
        .and_then(|s| s.get("segments"))
        .and_then(Value::as_array)
    {
        for s in segs {
            if let (Some(a), Some(b), Some(l)) = (
                secs(s.get("start_time")),
                secs(s.get("end_time")),
                name_of(s.get("speaker_label")),
            ) {
                by_start.push((a, b, l));
            }
        }
    }
    let lookup = |t: f64| {
        by_start
            .iter()
            .find(|(a, b, _)| t >= *a - 1e-6 && t <= *b + 1e-6)
            .map(|(_, _, l)| l.clone())
    };
    let mut j = WordJoiner::default();
    if let Some(items) = results.get("items").and_then(Value::as_array) {
        for it in items {
            let content = it
                .get("alternatives")
                .and_then(|a| a.get(0))
                .and_then(|a| a.get("content"))
                .and_then(Value::as_str)
                .unwrap_or("");
            let punct = it.get("type").and_then(Value::as_str) == Some("punctuation");
            let start = secs(it.get("start_time"));
            let speaker = name_of(it.get("speaker_label"))
                .or_else(|| name_of(it.get("channel_label")))
                .or_else(|| start.and_then(lookup));
            j.word(speaker, content, start, secs(it.get("end_time")), punct);
        }
    }
    if j.utts.is_empty() {
        if let Some(t) = results
            .get("transcripts")
            .and_then(|t| t.get(0))
            .and_then(|t| t.get("transcript"))
            .and_then(Value::as_str)
        {
            j.utts.push(Utt {
                speaker: None,
                text: t.to_string(),
                start: None,
                end: None,
            });
        }
    }
    j.utts
}

fn deepgram(v: &Value, o: &Map<String, Value>) -> Vec<Utt> {
    let empty = Map::new();
    let results = o
        .get("results")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    if let Some(utts) = DEEPGRAM_UTTERANCES.read(v).filter(|u| !u.is_empty()) {
        return utts;
    }
    let channels = results
        .get("channels")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let multi = channels.len() > 1;
    // (start, speaker, word, end)
    let mut words: Vec<(f64, Option<String>, String, Option<f64>)> = Vec::new();
    let mut plain: Vec<Utt> = Vec::new();
    for (ci, ch) in channels.iter().enumerate() {
        let Some(alt) = ch.get("alternatives").and_then(|a| a.get(0)) else {
            continue;
        };
        let ws = alt
            .get("words")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for w in ws {
            let text = w
                .get("punctuated_word")
                .or_else(|| w.get("word"))
                .and_then(Value::as_str)
                .unwrap_or("");
            let speaker =
                name_of(w.get("speaker")).or_else(|| multi.then(|| format!("Channel {ci}")));
            words.push((
                secs(w.get("start")).unwrap_or(0.0),
                speaker,
                text.to_string(),
                secs(w.get("end")),
            ));
        }
        if ws.is_empty() {
            if let Some(t) = alt.get("transcript").and_then(Value::as_str) {
                plain.push(Utt {
                    speaker: multi.then(|| format!("Channel {ci}")),
                    text: t.to_string(),
                    start: None,
                    end: None,
                });
            }
        }
    }
    if words.is_empty() {
        return plain;
    }
    if multi {
        words.sort_by(|a, b| a.0.total_cmp(&b.0));
    }
    let mut j = WordJoiner::default();
    for (start, speaker, text, end) in words {
        j.word(speaker, &text, Some(start), end, false);
    }
    j.utts
}

fn assemblyai(v: &Value, o: &Map<String, Value>) -> Vec<Utt> {
    if let Some(utts) = ASSEMBLYAI.read(v) {
        return utts;
    }
    match o.get("text").and_then(Value::as_str) {
        Some(t) => vec![Utt {
            speaker: None,
            text: t.to_string(),
            start: None,
            end: None,
        }],
        None => Vec::new(),
    }
}

fn revai(o: &Map<String, Value>) -> Vec<Utt> {
    let mons = o
        .get("monologues")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    mons.iter()
        .filter_map(Value::as_object)
        .map(|m| {
            let mut text = String::new();
            let (mut start, mut end) = (None, None);
            for e in m
                .get("elements")
                .and_then(Value::as_array)
                .map(Vec::as_slice)
                .unwrap_or(&[])
            {
                let v = e.get("value").and_then(Value::as_str).unwrap_or("");
                text.push_str(v);
                if e.get("type").and_then(Value::as_str) == Some("text") {
                    start = start.or_else(|| secs(e.get("ts")));
                    end = secs(e.get("end_ts")).or(end);
                }
            }
            Utt {
                speaker: name_of(m.get("speaker_name")).or_else(|| name_of(m.get("speaker"))),
                text: text.trim().to_string(),
                start,
                end,
            }
        })
        .collect()
}

fn google_stt(o: &Map<String, Value>) -> Vec<Utt> {
    let results = o
        .get("results")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    // Speaker tags sit on the words of the last result only.
    let tagged = results.iter().rev().find_map(|r| {
        let words = r.get("alternatives")?.get(0)?.get("words")?.as_array()?;
        words
            .iter()
            .any(|w| w.get("speakerTag").is_some() || w.get("speakerLabel").is_some())
            .then_some(words)
    });
    if let Some(words) = tagged {
        let mut j = WordJoiner::default();
        for w in words {
            let speaker = name_of(w.get("speakerLabel")).or_else(|| name_of(w.get("speakerTag")));
            let text = w.get("word").and_then(Value::as_str).unwrap_or("");
            j.word(
                speaker,
                text,
                secs(w.get("startTime").or_else(|| w.get("startOffset"))),
                secs(w.get("endTime").or_else(|| w.get("endOffset"))),
                false,
            );
        }
        return j.utts;
    }
    results
        .iter()
        .filter_map(|r| r.get("alternatives")?.get(0)?.get("transcript")?.as_str())
        .map(|t| Utt {
            speaker: None,
            text: t.trim().to_string(),
            start: None,
            end: None,
        })
        .collect()
}

fn generic(v: &Value) -> Vec<Utt> {
    if v.is_array() {
        return GENERIC.read(v).unwrap_or_default();
    }
    generic_list(v)
        .and_then(|l| GENERIC.read(l))
        .unwrap_or_default()
}

/// The array of turns in a generic object: under one of [`GENERIC_LISTS`], or under any
/// other key, at the top or one object down, when its items name a speaker as well as
/// text (meeting datasets: QMSum's `{"meeting_transcripts": [{"speaker", "content"}]}`).
fn generic_list(v: &Value) -> Option<&Value> {
    let o = v.as_object()?;
    let known = GENERIC_LISTS
        .iter()
        .filter_map(|k| o.get(*k))
        .find(|l| l.as_array().is_some_and(|items| generic_items(items)));
    known.or_else(|| {
        let turns = |l: &&Value| l.as_array().is_some_and(|items| spoken_items(items));
        o.values().find(turns).or_else(|| {
            o.values()
                .filter_map(Value::as_object)
                .find_map(|inner| inner.values().find(turns))
        })
    })
}

/// Items that each hold text and a speaker: turns wherever they are kept.
fn spoken_items(items: &[Value]) -> bool {
    generic_items(items)
        && items.iter().take(20).all(|i| {
            SPEAKER_KEYS
                .iter()
                .any(|k| i.get(*k).is_some_and(|s| s.is_string() || s.is_number()))
        })
}

/// Reads JSON transcript text, of the given shape or the one its keys show.
pub(crate) fn parse(text: &str, format: Option<Format>) -> Result<Transcript, Error> {
    let v: Value = serde_json::from_str(text).map_err(|e| json_error(&e))?;
    let format = match format.or_else(|| classify(&v)) {
        Some(f) => f,
        None => {
            return Err(Error::Json {
                line: 1,
                column: 1,
                message: "valid JSON, but not a transcript shape candor knows; expected Whisper `segments`, \
                          AWS Transcribe `results`, Deepgram `results.channels`, AssemblyAI `utterances`, \
                          Rev.ai `monologues`, Google `results[].alternatives`, or an array of \
                          {\"speaker\", \"text\"} objects (at the top or under any key)"
                    .into(),
            });
        }
    };
    let empty = Map::new();
    let o = v.as_object().unwrap_or(&empty);
    let utts = match format {
        Format::WhisperJson => WHISPER.read(&v).unwrap_or_default(),
        Format::AwsJson => aws(&v, o),
        Format::DeepgramJson => deepgram(&v, o),
        Format::AssemblyAiJson => assemblyai(&v, o),
        Format::RevAiJson => revai(o),
        Format::GoogleSttJson => google_stt(o),
        _ => generic(&v),
    };
    let mut b = Builder::new(format);
    if let Some(d) = o
        .get("metadata")
        .and_then(|m| m.get("created"))
        .and_then(Value::as_str)
        .and_then(super::text::find_date)
    {
        b.declared.date = Some(d);
    }
    let mut loc = Locator::new(text);
    let mut unattributed = 0;
    for u in utts {
        if u.text.trim().is_empty() {
            continue;
        }
        let span = loc.span(&u.text);
        let sp = match u.speaker {
            Some(name) => b.speaker(&name),
            None => match b.last_speaker() {
                Some(sp) => sp,
                None => {
                    unattributed += 1;
                    b.speaker(UNKNOWN_SPEAKER)
                }
            },
        };
        b.push(sp, &[span], u.start, u.end);
    }
    let mut t = b.finish();
    if t.speakers.len() == 1 && t.speakers[0].name == UNKNOWN_SPEAKER && unattributed > 0 {
        t.warnings.push(Warning::file(
            "the JSON has no speaker labels (diarization was off); all speech is attributed to one unknown speaker",
        ));
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn prefix_search_finds_the_first_occurrence(
            hay in "[ab ]{0,60}|(abababababababababab ?){1,30}",
            needle in "[ab ]{1,24}|(abababababababababab ?){1,3}c?"
        ) {
            let want = hay.find(&needle);
            proptest::prop_assert_eq!(find_from_prefix(hay.as_bytes(), needle.as_bytes()), want);
        }
    }

    #[test]
    fn locator_columns_counted_on_agree_with_counting_from_the_line_start() {
        let src = "{\"a\": \"héllo there\", \"b\": \"général\", \"c\": \"there\"}\n  \"there\"";
        let mut loc = Locator::new(src);
        let mut seen = Vec::new();
        for needle in ["héllo", "général", "there", "there", "nowhere"] {
            let span = loc.span(needle);
            seen.push((span.line, span.column, span.exact));
        }
        let naive = |needle: &str, from: usize| {
            let at = from + src[from..].find(needle).unwrap();
            let line_start = src[..at].rfind('\n').map_or(0, |i| i + 1);
            let line = src[..at].matches('\n').count() as u32 + 1;
            (at, line, src[line_start..at].chars().count() as u32 + 1)
        };
        let (a1, l1, c1) = naive("héllo", 0);
        let (a2, l2, c2) = naive("général", a1 + "héllo".len());
        let (a3, l3, c3) = naive("there", a2 + "général".len());
        let (_, l4, c4) = naive("there", a3 + "there".len());
        assert_eq!(
            seen[..4],
            [
                (l1, c1, true),
                (l2, c2, true),
                (l3, c3, true),
                (l4, c4, true)
            ]
        );
        // Not in the source: placed where the search stands, and not exact.
        assert!(!seen[4].2);
        assert_eq!(seen[4].0, 2);
    }

    #[test]
    fn locator_looks_for_a_turn_only_in_a_window_past_the_last() {
        let far = format!("\"one\" {} \"two\"", " ".repeat(Locator::WINDOW + 10));
        let mut loc = Locator::new(&far);
        assert!(loc.span("one").exact);
        // Farther on than the window: read, but placed approximately.
        assert!(!loc.span("two").exact);
    }

    fn turns(t: &Transcript) -> Vec<(String, String)> {
        t.turns
            .iter()
            .map(|u| (t.speakers[u.speaker].name.clone(), u.text.clone()))
            .collect()
    }

    #[test]
    fn whisperx_segments_merge() {
        let t = parse(r#"{"segments": [{"start": 0.0, "end": 5.4, "text": " I finished", "speaker": "Avish"}, {"start": 5.5, "end": 9.0, "text": "the parser.", "speaker": "Avish"}, {"start": 9.5, "end": 14.0, "text": "What about the dataset?", "speaker": "Dr. Chen"}]}"#, None).unwrap();
        assert_eq!(t.format, Format::WhisperJson);
        assert_eq!(
            turns(&t),
            vec![
                ("Avish".into(), "I finished the parser.".into()),
                ("Dr. Chen".into(), "What about the dataset?".into())
            ]
        );
        assert_eq!(t.turns[0].spoken, Some(5.4 + 3.5));
    }

    #[test]
    fn aws_items_with_segment_labels() {
        let src = r#"{"results":{"transcripts":[{"transcript":"Hello there. How are you?"}],
          "speaker_labels":{"speakers":2,"segments":[{"start_time":"0.5","end_time":"1.4","speaker_label":"spk_0","items":[]},{"start_time":"2.0","end_time":"2.7","speaker_label":"spk_1","items":[]}]},
          "items":[{"start_time":"0.5","end_time":"0.9","alternatives":[{"content":"Hello"}],"type":"pronunciation"},
                   {"start_time":"0.9","end_time":"1.4","alternatives":[{"content":"there"}],"type":"pronunciation"},
                   {"alternatives":[{"content":"."}],"type":"punctuation"},
                   {"start_time":"2.0","end_time":"2.3","alternatives":[{"content":"How"}],"type":"pronunciation"},
                   {"start_time":"2.3","end_time":"2.5","alternatives":[{"content":"are"}],"type":"pronunciation"},
                   {"start_time":"2.5","end_time":"2.7","alternatives":[{"content":"you"}],"type":"pronunciation"},
                   {"alternatives":[{"content":"?"}],"type":"punctuation"}]}}"#;
        let t = parse(src, None).unwrap();
        assert_eq!(t.format, Format::AwsJson);
        assert_eq!(
            turns(&t),
            vec![
                ("spk_0".into(), "Hello there.".into()),
                ("spk_1".into(), "How are you?".into())
            ]
        );
        assert_eq!(t.turns[1].start, Some(2.0));
    }

    #[test]
    fn assemblyai_ms_and_letters() {
        let t = parse(r#"{"id":"x","text":"a","utterances":[{"start":2100,"end":5400,"text":"Can everyone hear me?","speaker":"A"},{"start_ms":5400,"end_ms":7900,"text":"Yep.","speaker":"B"}]}"#, None).unwrap();
        assert_eq!(t.format, Format::AssemblyAiJson);
        assert_eq!(t.speakers[0].name, "Speaker A");
        assert_eq!(t.turns[1].start, Some(5.4));
        assert_eq!(t.turns[0].line, 1);
    }

    #[test]
    fn deepgram_words_by_speaker() {
        let t = parse(r#"{"metadata":{"created":"2024-08-02T09:02:23Z"},"results":{"channels":[{"alternatives":[{"transcript":"hi there ok","words":[
            {"word":"hi","punctuated_word":"Hi","start":0.1,"end":0.2,"speaker":0},
            {"word":"there","punctuated_word":"there.","start":0.2,"end":0.4,"speaker":0},
            {"word":"ok","punctuated_word":"Ok.","start":1.0,"end":1.2,"speaker":1}]}]}]}}"#, None).unwrap();
        assert_eq!(t.format, Format::DeepgramJson);
        assert_eq!(
            turns(&t),
            vec![
                ("Speaker 0".into(), "Hi there.".into()),
                ("Speaker 1".into(), "Ok.".into())
            ]
        );
        assert_eq!(t.declared.date.as_deref(), Some("2024-08-02"));
    }

    #[test]
    fn revai_and_google() {
        let t = parse(r#"{"monologues":[{"speaker":0,"elements":[{"type":"text","value":"The","ts":1.02,"end_ts":1.20},{"type":"punct","value":" "},{"type":"text","value":"contract","ts":1.20,"end_ts":1.71},{"type":"punct","value":"."}]},{"speaker":1,"elements":[{"type":"text","value":"Understood","ts":2.30,"end_ts":2.90},{"type":"punct","value":"."}]}]}"#, None).unwrap();
        assert_eq!(
            turns(&t),
            vec![
                ("Speaker 0".into(), "The contract.".into()),
                ("Speaker 1".into(), "Understood.".into())
            ]
        );
        let t = parse(r#"{"results":[{"alternatives":[{"transcript":"hello there how are you"}]},{"alternatives":[{"transcript":"x","words":[{"startTime":"0.500s","endTime":"0.900s","word":"Hello","speakerTag":1},{"startTime":"0.9s","endTime":"1.4s","word":"there","speakerTag":1},{"startTime":"2.0s","endTime":"2.3s","word":"How","speakerTag":2}]}]}]}"#, None).unwrap();
        assert_eq!(t.format, Format::GoogleSttJson);
        assert_eq!(
            turns(&t),
            vec![
                ("Speaker 1".into(), "Hello there".into()),
                ("Speaker 2".into(), "How".into())
            ]
        );
    }

    #[test]
    fn generic_array_and_positions() {
        let src = "[\n  {\"speaker\": \"Ana\", \"text\": \"How do you plan?\"},\n  {\"speaker\": \"Bo\", \"text\": \"Badly.\", \"start\": 3}\n]";
        let t = parse(src, None).unwrap();
        assert_eq!(t.format, Format::Json);
        assert_eq!(t.turns[1].line, 3);
        let p = t.turns[0].position(4);
        assert_eq!((p.line, p.column), (2, 35));
    }

    #[test]
    fn errors_name_line_and_column() {
        let e = parse(
            "{\n  \"segments\": [\n    {\"text\": \"hi\",}\n  ]\n}",
            None,
        )
        .unwrap_err();
        assert!(matches!(e, Error::Json { line: 3, .. }), "{e:?}");
        let e = parse("{\"hello\": 1}", None).unwrap_err();
        assert!(e.to_string().contains("not a transcript shape"));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(parse(&deep, None).is_err());
    }
}
