//! The transcript formats candor reads, by name.

use crate::error::Error;

/// A transcript format candor reads.
///
/// ```
/// use candor::Format;
/// let f: Format = "vtt".parse().unwrap();
/// assert_eq!(f, Format::WebVtt);
/// assert_eq!(f.name(), "webvtt");
/// assert!("docx".parse::<Format>().is_err());
/// // In JSON, as in the report: its name.
/// assert_eq!(serde_json::to_string(&f).unwrap(), "\"webvtt\"");
/// assert_eq!(serde_json::from_str::<Format>("\"srt\"").unwrap(), Format::Srt);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// `Name: text` lines; a line without a label continues the turn.
    Plain,
    /// Text with a timestamp on each turn: `[00:01:23] Name: text`, `Name (00:01:23): text`, pyannote ranges.
    Timestamped,
    /// Markdown with `**Name:** text` or `**Name**: text` turns.
    Markdown,
    /// Otter.ai text export: `Name  0:00` header lines, the text below.
    Otter,
    /// Rev text export: `Name (00:01):` header lines, the text below.
    Rev,
    /// Google Meet transcript (the Google Doc saved as text): `Name: text` and bare `00:05:00` lines.
    GoogleMeet,
    /// WebVTT, with speakers from `<v Name>` spans or `Name:` prefixes.
    WebVtt,
    /// SubRip, with speakers from `Name:`, `[Name]` or `[SPEAKER_00]:` prefixes.
    Srt,
    /// OpenAI Whisper or whisperX JSON (`segments`).
    WhisperJson,
    /// AWS Transcribe JSON, standard or Call Analytics.
    AwsJson,
    /// Deepgram JSON (utterances or diarized words).
    DeepgramJson,
    /// AssemblyAI JSON (utterances).
    AssemblyAiJson,
    /// Rev.ai JSON (monologues).
    RevAiJson,
    /// Google Cloud Speech-to-Text JSON (words with speaker tags).
    GoogleSttJson,
    /// A JSON array of `{speaker, text, start?, end?}` objects.
    Json,
}

const ALL: &[(Format, &str, &[&str])] = &[
    (Format::Plain, "plain", &["txt", "text"]),
    (Format::Timestamped, "timestamped", &["timestamped-text"]),
    (Format::Markdown, "markdown", &["md"]),
    (Format::Otter, "otter", &[]),
    (Format::Rev, "rev", &["rev-txt"]),
    (Format::GoogleMeet, "google-meet", &["meet"]),
    (Format::WebVtt, "webvtt", &["vtt", "zoom", "teams"]),
    (Format::Srt, "srt", &["subrip"]),
    (
        Format::WhisperJson,
        "whisper-json",
        &["whisper", "whisperx", "whisperx-json"],
    ),
    (
        Format::AwsJson,
        "aws-transcribe-json",
        &["aws", "aws-json", "aws-transcribe"],
    ),
    (Format::DeepgramJson, "deepgram-json", &["deepgram"]),
    (Format::AssemblyAiJson, "assemblyai-json", &["assemblyai"]),
    (Format::RevAiJson, "revai-json", &["revai", "rev-json"]),
    (Format::GoogleSttJson, "google-stt-json", &["google-stt"]),
    (Format::Json, "json", &["generic-json"]),
];

impl Format {
    /// The stable name used in reports and by `--input-format`.
    pub fn name(self) -> &'static str {
        ALL.iter()
            .find(|(f, _, _)| *f == self)
            .map_or("unknown", |(_, n, _)| n)
    }

    /// Every format, in the order `candor --help` lists them.
    pub fn all() -> impl Iterator<Item = Format> {
        ALL.iter().map(|(f, _, _)| *f)
    }

    pub(crate) fn is_json(self) -> bool {
        matches!(
            self,
            Format::WhisperJson
                | Format::AwsJson
                | Format::DeepgramJson
                | Format::AssemblyAiJson
                | Format::RevAiJson
                | Format::GoogleSttJson
                | Format::Json
        )
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Serialised as its [name](Format::name): `"webvtt"`, as in the JSON report.
impl serde::Serialize for Format {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// Read from a name or alias, as `--input-format` takes them.
impl<'de> serde::Deserialize<'de> for Format {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = std::borrow::Cow::<'de, str>::deserialize(d)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

impl std::str::FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        ALL.iter()
            .find(|(_, name, aliases)| *name == lower || aliases.contains(&lower.as_str()))
            .map(|(f, _, _)| *f)
            .ok_or_else(|| Error::UnknownFormat {
                name: s.to_string(),
                expected: ALL
                    .iter()
                    .map(|(_, n, _)| *n)
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }
}
