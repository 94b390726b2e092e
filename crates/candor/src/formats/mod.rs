//! Input formats: detection and one parser per family.
//!
//! * text: plain `Name: text`, timestamped text, Markdown, Otter, Rev, Google Meet
//! * WebVTT ([`vtt`]): Zoom, Teams, Whisper, the W3C parsing rules
//! * SRT: SubRip
//! * Word documents (`docx`): their paragraphs, read as text
//! * JSON: Whisper/whisperX, AWS Transcribe, Deepgram, AssemblyAI, Rev.ai, Google STT, generic

pub(crate) mod builder;
pub(crate) mod docx;
pub(crate) mod json;
pub(crate) mod label;
pub(crate) mod srt;
pub(crate) mod text;
pub(crate) mod time;
pub mod vtt;

use crate::error::{Error, Warning};
use crate::model::{Format, Transcript};

/// The pieces of `text` between newlines, as `text.split('\n')` gives them (with memchr).
pub(crate) fn split_lines(text: &str) -> Vec<&str> {
    let mut out = Vec::with_capacity(text.len() / 64 + 1);
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        out.push(&text[start..i]);
        start = i + 1;
    }
    out.push(&text[start..]);
    out
}

/// The first `n` of `text.lines()` (with memchr): split at newlines, a carriage return
/// before one dropped, and no empty last line after a final newline.
pub(crate) fn first_lines(text: &str, n: usize) -> Vec<&str> {
    let mut out = Vec::with_capacity(n.min(text.len() / 64 + 1));
    let mut start = 0;
    let strip = |l: &'_ str| -> usize { l.len() - usize::from(l.ends_with('\r')) };
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        if out.len() == n {
            return out;
        }
        let l = &text[start..i];
        out.push(&l[..strip(l)]);
        start = i + 1;
    }
    if out.len() < n && start < text.len() {
        // A carriage return without a newline after it is not a line ending.
        out.push(&text[start..]);
    }
    out
}

/// Tells the format of decoded transcript text from its content.
///
/// JSON is told by its keys, WebVTT by its signature, SRT by its timing
/// lines, and the text formats by which kind of speaker line is most common.
/// Returns `None` when the text has no shape candor knows.
///
/// ```
/// use candor::{detect, Format};
/// assert_eq!(detect("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ana>Hi</v>\n"), Some(Format::WebVtt));
/// assert_eq!(detect("[00:00:03] Ana: Hello\n[00:00:05] Bo: Hi\n"), Some(Format::Timestamped));
/// assert_eq!(detect("Ana: Hello\nBo: Hi\n"), Some(Format::Plain));
/// assert_eq!(detect("just some prose, no speakers at all"), None);
/// ```
pub fn detect(text: &str) -> Option<Format> {
    detect_reusing(text).0
}

/// [`detect`], and for the text formats the lines it classified, to be reused by the parser.
fn detect_reusing(text: &str) -> (Option<Format>, Vec<text::Kind<'_>>) {
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') || json::starts_like_array(trimmed) {
        if let Some(f) = json::detect(trimmed) {
            return (Some(f), Vec::new());
        }
    }
    if vtt::has_signature(text) {
        return (Some(Format::WebVtt), Vec::new());
    }
    if srt::looks_like_srt(text) {
        return (Some(Format::Srt), Vec::new());
    }
    text::detect_and_classify(text)
}

/// Reads decoded text as `format`, or as the detected format when `None`.
pub(crate) fn parse_text(text: &str, format: Option<Format>) -> Result<Transcript, Error> {
    let (format, kinds) = match format {
        Some(f) => (Some(f), Vec::new()),
        None => detect_reusing(text),
    };
    let format = match format {
        Some(f) => f,
        None => {
            let trimmed = text.trim_start();
            if trimmed.starts_with('{') || json::starts_like_array(trimmed) {
                // Report the JSON error rather than "no speakers".
                return json::parse(text, None);
            }
            return Err(Error::NoTurns(
                "expected a transcript: `Name: text` lines, WebVTT, SRT, \
                     an Otter/Rev/Meet export, Markdown with **Name:** labels, \
                     or speech-to-text JSON"
                    .into(),
            ));
        }
    };
    let mut transcript = if format.is_json() {
        json::parse(text, Some(format))?
    } else {
        match format {
            Format::WebVtt => vtt::parse_transcript(text)?,
            Format::Srt => srt::parse(text)?,
            _ => text::parse_classified(text, format, kinds)?,
        }
    };
    if transcript.turns.is_empty() {
        return Err(Error::NoTurns(format!(
            "the file reads as {} but holds no speech",
            format.name()
        )));
    }
    fill_missing_ends(&mut transcript);
    Ok(transcript)
}

/// Formats that give only start times (Otter, Rev, timestamped text): a turn
/// ends where the next begins; the last, and one followed by a turn without a
/// time (a transcript timed every few turns), lasts as long as its words take at
/// the transcript's own speaking rate. Ending it at the next timed turn instead
/// would give it the untimed turns between, other speakers' words included.
fn fill_missing_ends(t: &mut Transcript) {
    let n = t.turns.len();
    let mut missing = false;
    for i in 0..n {
        if t.turns[i].start.is_some() && t.turns[i].end.is_none() {
            missing = true;
            let start = t.turns[i].start.unwrap_or(0.0);
            if let Some(next) = t.turns.get(i + 1).and_then(|u| u.start) {
                if next >= start {
                    t.turns[i].end = Some(next);
                    t.turns[i].spoken = Some(next - start);
                }
            }
        }
    }
    if !missing {
        return;
    }
    // Words per second over the turns that now have a duration.
    let (mut words, mut secs) = (0usize, 0.0f64);
    for turn in &t.turns {
        if let Some(s) = turn.spoken {
            words += crate::speech::count_words(&turn.text);
            secs += s;
        }
    }
    let rate = if secs > 0.0 && words > 0 {
        words as f64 / secs
    } else {
        2.5 // a common conversational rate, 150 words a minute
    };
    for turn in &mut t.turns {
        if let (Some(start), None) = (turn.start, turn.end) {
            let d = crate::speech::count_words(&turn.text) as f64 / rate;
            turn.end = Some(start + d);
            turn.spoken = Some(d);
        }
    }
    t.warnings.push(Warning::file(
        "the format gives only start times: each turn is taken to end when the next begins",
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn line_splitting_agrees_with_std(text in "[a\r\n]{0,12}", n in 0usize..6) {
            proptest::prop_assert_eq!(split_lines(&text), text.split('\n').collect::<Vec<_>>());
            proptest::prop_assert_eq!(first_lines(&text, n), text.lines().take(n).collect::<Vec<_>>());
        }
    }
}
