//! WebVTT, after the W3C parsing rules (<https://w3c.github.io/webvtt/#file-parsing>).
//!
//! [`parse_cues`] is the parser algorithm itself: in strict mode it keeps
//! exactly the cues a browser keeps (the web-platform-tests conformance cases
//! pass); in lenient mode it also keeps cues whose timestamps break the syntax
//! (`0:0:0.0` as the Microsoft Graph API writes, seconds over 59) and reports
//! each as a warning. Transcripts are read leniently.
//!
//! Speakers come from `<v Name>` voice spans (Teams, Rev), or, in files with
//! no voice spans, from a `Name: text` prefix on the cue (Zoom, whisperX).

use std::borrow::Cow;
use std::collections::HashMap;

use super::builder::{Builder, Span, drop_prefix, first_line_text};
use super::label;
use super::time::parse_clock;
use crate::error::{Error, Warning};
use crate::model::Format;
use crate::model::{Transcript, UNKNOWN_SPEAKER};

/// A cue as the WebVTT parser algorithm yields it.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    /// The cue identifier (the line before the timing line), possibly empty.
    pub id: String,
    /// Start time in seconds.
    pub start: f64,
    /// End time in seconds (may be before the start: the parser accepts that).
    pub end: f64,
    /// The raw cue settings after the end time.
    pub settings: String,
    /// The raw cue payload, lines joined by `\n`, tags and entities untouched.
    pub text: String,
    /// 1-based line of the timing line.
    pub line: u32,
    /// Whether the timing line was only read in lenient mode.
    pub lenient: bool,
}

/// The cues and the other blocks (NOTE, header) of a WebVTT file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VttFile {
    /// Cues in file order.
    pub cues: Vec<Cue>,
    /// Text of the header block and of NOTE blocks, with their 1-based first lines.
    pub notes: Vec<(u32, String)>,
    /// Timing lines read leniently, and blocks dropped.
    pub warnings: Vec<Warning>,
}

/// Whether text starts with the WebVTT signature: `WEBVTT` then a space, tab, newline or the end.
///
/// ```
/// use candor::vtt::has_signature;
/// assert!(has_signature("WEBVTT\n"));
/// assert!(has_signature("WEBVTT FILE\n"));
/// assert!(!has_signature("WEBVTTX\n"));
/// assert!(!has_signature(" WEBVTT\n"));
/// ```
pub fn has_signature(text: &str) -> bool {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    match text.strip_prefix("WEBVTT") {
        Some(rest) => rest.is_empty() || rest.starts_with([' ', '\t', '\n', '\r']),
        None => false,
    }
}

/// Runs the WebVTT file parsing algorithm over decoded text (newlines already `\n`).
///
/// With `lenient` false this is the W3C algorithm exactly; with `lenient` true a
/// timing line whose timestamps break the syntax is still read if each side is
/// a clock time, with a warning.
///
/// ```
/// let f = candor::vtt::parse_cues("WEBVTT\n\nid1\n00:01.000 --> 00:02.500\nHello\n", false).unwrap();
/// assert_eq!(f.cues[0].id, "id1");
/// assert_eq!((f.cues[0].start, f.cues[0].end), (1.0, 2.5));
/// let f = candor::vtt::parse_cues("WEBVTT\n\n0:0:0.0 --> 0:0:5.320\nHi\n", false).unwrap();
/// assert!(f.cues.is_empty());
/// let f = candor::vtt::parse_cues("WEBVTT\n\n0:0:0.0 --> 0:0:5.320\nHi\n", true).unwrap();
/// assert_eq!(f.cues.len(), 1);
/// ```
pub fn parse_cues(text: &str, lenient: bool) -> Result<VttFile, Error> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if !has_signature(text) {
        return Err(Error::Syntax {
            line: 1,
            message: "a WebVTT file must start with `WEBVTT`".into(),
        });
    }
    let lines: Vec<&str> = super::split_lines(text);
    let mut out = VttFile::default();
    let n = lines.len();
    let mut i = 1;
    if i < n && !lines[i].is_empty() {
        let block = collect_block(&lines, i, true, lenient, &mut out.warnings);
        if !block.buffer.is_empty() {
            out.notes.push(((i + 1) as u32, block.buffer));
        }
        i = block.next;
    }
    loop {
        while i < n && lines[i].is_empty() {
            i += 1;
        }
        if i >= n {
            break;
        }
        let first = i;
        let block = collect_block(&lines, i, false, lenient, &mut out.warnings);
        debug_assert!(block.next > first, "the parser always advances");
        i = block.next.max(first + 1);
        match block.cue {
            Some(mut cue) => {
                cue.text = block.buffer;
                out.cues.push(cue);
            }
            None if block.buffer.starts_with("NOTE") => {
                out.notes.push(((first + 1) as u32, block.buffer));
            }
            None if block.seen_arrow && lenient => {
                out.warnings.push(Warning::at(
                    block.arrow_line,
                    "cue dropped: its timing line is not `start --> end`",
                ));
            }
            None => {}
        }
    }
    Ok(out)
}

struct Block {
    cue: Option<Cue>,
    buffer: String,
    next: usize,
    seen_arrow: bool,
    arrow_line: u32,
}

fn collect_block(
    lines: &[&str],
    start: usize,
    in_header: bool,
    lenient: bool,
    warnings: &mut Vec<Warning>,
) -> Block {
    let n = lines.len();
    let mut i = start;
    let mut line_count = 0;
    let mut previous = start;
    let mut buffer = String::new();
    let mut seen_arrow = false;
    let mut arrow_line = 0;
    let mut cue: Option<Cue> = None;
    loop {
        if i >= n {
            break;
        }
        let line = lines[i];
        line_count += 1;
        let seen_eof = i + 1 >= n;
        i += 1;
        if line.contains("-->") {
            if !in_header && (line_count == 1 || (line_count == 2 && !seen_arrow)) {
                seen_arrow = true;
                arrow_line = i as u32;
                previous = i;
                cue = match parse_timing(line, lenient) {
                    Some((start, end, settings, was_lenient)) => {
                        if was_lenient {
                            warnings.push(Warning::at(
                                i as u32,
                                format!(
                                    "timing `{}` is not valid WebVTT; read leniently",
                                    line.trim()
                                ),
                            ));
                        }
                        Some(Cue {
                            id: std::mem::take(&mut buffer),
                            start,
                            end,
                            settings: settings.to_string(),
                            text: String::new(),
                            line: i as u32,
                            lenient: was_lenient,
                        })
                    }
                    None => None,
                };
                buffer.clear();
            } else {
                i = previous;
                break;
            }
        } else if line.is_empty() {
            break;
        } else {
            if !buffer.is_empty() {
                buffer.push('\n');
            }
            buffer.push_str(line);
            previous = i;
        }
        if seen_eof {
            break;
        }
    }
    Block {
        cue,
        buffer,
        next: i,
        seen_arrow,
        arrow_line,
    }
}

/// WebVTT "skip whitespace": space, tab and form feed (not vertical tab).
fn skip_ws(s: &str) -> &str {
    s.trim_start_matches([' ', '\t', '\x0c'])
}

/// Collects `start --> end settings`. Returns the times, the settings and whether leniency was needed.
fn parse_timing(line: &str, lenient: bool) -> Option<(f64, f64, &str, bool)> {
    let mut was_lenient = false;
    let s = skip_ws(line);
    let (start, rest) = match strict_timestamp(s) {
        Some(v) => v,
        None if lenient => {
            was_lenient = true;
            lenient_timestamp(s)?
        }
        None => return None,
    };
    let rest = skip_ws(rest).strip_prefix("-->")?;
    let rest = skip_ws(rest);
    let (end, rest) = match strict_timestamp(rest) {
        Some(v) => v,
        None if lenient => {
            was_lenient = true;
            lenient_timestamp(rest)?
        }
        None => return None,
    };
    Some((start, end, skip_ws(rest), was_lenient))
}

fn digits(s: &str) -> (&str, &str) {
    let end = s
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(s.len());
    s.split_at(end)
}

/// The W3C "collect a WebVTT timestamp" algorithm.
fn strict_timestamp(s: &str) -> Option<(f64, &str)> {
    let (d1, rest) = digits(s);
    if d1.is_empty() || d1.len() > 12 {
        return None;
    }
    let v1: u64 = d1.parse().ok()?;
    let hours_first = d1.len() != 2 || v1 > 59;
    let rest = rest.strip_prefix(':')?;
    let (d2, rest) = digits(rest);
    if d2.len() != 2 {
        return None;
    }
    let v2: u64 = d2.parse().ok()?;
    let (h, m, sec, rest) = if hours_first || rest.starts_with(':') {
        let rest = rest.strip_prefix(':')?;
        let (d3, rest) = digits(rest);
        if d3.len() != 2 {
            return None;
        }
        (v1, v2, d3.parse::<u64>().ok()?, rest)
    } else {
        (0, v1, v2, rest)
    };
    let rest = rest.strip_prefix('.')?;
    let (d4, rest) = digits(rest);
    if d4.len() != 3 {
        return None;
    }
    let ms: u64 = d4.parse().ok()?;
    if m > 59 || sec > 59 {
        return None;
    }
    Some(((h * 3600 + m * 60 + sec) as f64 + ms as f64 / 1000.0, rest))
}

/// A clock time of any padding, `,` or `.` for the fraction, an optional `-`.
fn lenient_timestamp(s: &str) -> Option<(f64, &str)> {
    let end = s
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_ascii_digit() || c == ':' || c == '.' || c == ',' || (c == '-' && i == 0))
        })
        .map_or(s.len(), |(i, _)| i);
    let token = &s[..end];
    let rest = &s[end..];
    // "-->" must not be swallowed: a token ending in '-' is not a time.
    if token.ends_with('-') {
        return None;
    }
    Some((parse_clock(token)?, rest))
}

/// A stretch of cue text with its voice.
struct Seg<'a> {
    voice: Option<String>,
    spans: Vec<Span<'a>>,
    chars: usize,
}

/// Decodes a character reference at the start of `s` (which begins with `&`).
/// Returns the text and the bytes consumed.
fn char_ref(s: &str) -> Option<(Cow<'static, str>, usize)> {
    const NAMED: &[(&str, &str)] = &[
        ("&amp;", "&"),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&lrm;", "\u{200E}"),
        ("&rlm;", "\u{200F}"),
        ("&nbsp;", "\u{00A0}"),
        ("&quot;", "\""),
        ("&apos;", "'"),
    ];
    for (name, value) in NAMED {
        if s.starts_with(name) {
            return Some((Cow::Borrowed(value), name.len()));
        }
    }
    let body = s.strip_prefix("&#")?;
    let semi = body.find(';')?;
    if semi == 0 || semi > 8 {
        return None;
    }
    let num = &body[..semi];
    let code = match num.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => num.parse().ok()?,
    };
    let c = char::from_u32(code).filter(|&c| c != '\0')?;
    Some((Cow::Owned(c.to_string()), 2 + semi + 1))
}

/// Decodes character references in an annotation, collapsing whitespace.
fn decode_annotation(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        match char_ref(&rest[i..]) {
            Some((t, used)) => {
                out.push_str(&t);
                rest = &rest[i + used..];
            }
            None => {
                out.push('&');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    super::builder::clean_name(&out)
}

/// Tokenises a cue payload into voice segments, text runs mapped to the source.
fn cue_segments(payload: &str, first_line: u32) -> Vec<Seg<'_>> {
    let mut segs: Vec<Seg> = vec![Seg {
        voice: None,
        spans: Vec::new(),
        chars: 0,
    }];
    let mut in_voice = false;
    let mut line = first_line;
    let mut col = 1u32;
    let mut i = 0;
    let bytes = payload.as_bytes();
    let mut run_start = 0;
    let mut run_col = 1u32;
    let mut run_line = line;

    macro_rules! flush {
        ($end:expr) => {
            if run_start < $end {
                let t = &payload[run_start..$end];
                // `segs` starts with one segment and only grows.
                if let Some(seg) = segs.last_mut() {
                    seg.chars += t.chars().count();
                    seg.spans.push(Span::exact(t, run_line, run_col));
                }
            }
        };
    }

    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                flush!(i);
                i += 1;
                line += 1;
                col = 1;
                run_start = i;
                run_col = col;
                run_line = line;
            }
            b'<' => {
                flush!(i);
                let tag_end = payload[i..].find('>').map_or(payload.len(), |j| i + j);
                let tag = &payload[i + 1..tag_end];
                let consumed = &payload[i..(tag_end + 1).min(payload.len())];
                // Track lines inside a tag (annotations may span lines).
                for c in consumed.chars() {
                    if c == '\n' {
                        line += 1;
                        col = 1;
                    } else {
                        col += 1;
                    }
                }
                if let Some(end) = tag.strip_prefix('/') {
                    if end.split(['.', ' ', '\t', '\n']).next() == Some("v") && in_voice {
                        in_voice = false;
                        segs.push(Seg {
                            voice: None,
                            spans: Vec::new(),
                            chars: 0,
                        });
                    }
                } else {
                    let name_end = tag.find(['.', ' ', '\t', '\n']).unwrap_or(tag.len());
                    let name = &tag[..name_end];
                    if name == "v" {
                        let annotation = tag[name_end..]
                            .find([' ', '\t', '\n'])
                            .map_or("", |j| &tag[name_end + j..]);
                        let voice = decode_annotation(annotation);
                        if !voice.is_empty() {
                            in_voice = true;
                            segs.push(Seg {
                                voice: Some(voice),
                                spans: Vec::new(),
                                chars: 0,
                            });
                        }
                    }
                }
                i = (tag_end + 1).min(payload.len());
                run_start = i;
                run_col = col;
                run_line = line;
            }
            b'&' => {
                flush!(i);
                match char_ref(&payload[i..]) {
                    Some((text, used)) => {
                        if let Some(seg) = segs.last_mut() {
                            seg.chars += text.chars().count();
                            seg.spans.push(Span::approx(text, line, col));
                        }
                        col += payload[i..i + used].chars().count() as u32;
                        i += used;
                    }
                    None => {
                        if let Some(seg) = segs.last_mut() {
                            seg.chars += 1;
                            seg.spans.push(Span::exact(&payload[i..i + 1], line, col));
                        }
                        col += 1;
                        i += 1;
                    }
                }
                run_start = i;
                run_col = col;
                run_line = line;
            }
            _ => {
                // Plain text up to the next line break, tag or character reference: its
                // characters are its bytes that do not continue one.
                let next =
                    memchr::memchr3(b'\n', b'<', b'&', &bytes[i..]).map_or(bytes.len(), |j| i + j);
                col += bytes[i..next]
                    .iter()
                    .filter(|&&b| (b as i8) >= -0x40)
                    .count() as u32;
                i = next;
            }
        }
    }
    flush!(payload.len());
    segs.retain(|s| s.spans.iter().any(|sp| !sp.text.trim().is_empty()));
    segs
}

/// The `Name: ` prefix of a cue's text, as byte length of prefix including the colon and space.
fn zoom_prefix(first_text: &str) -> Option<(&str, usize)> {
    let l = label::split(first_text)?;
    let name = first_text[l.name_start..l.name_end].trim();
    label::shape_ok(name).then_some((name, l.text_start))
}

/// A cue's content: tokenised text, or the speaker and text of a Graph metadata cue.
enum Body<'a> {
    Text(Vec<Seg<'a>>),
    Graph(String, String),
}

/// Reads a WebVTT transcript: lenient cues, speakers, merged turns.
pub(crate) fn parse_transcript(text: &str) -> Result<Transcript, Error> {
    let file = parse_cues(text, true)?;
    let mut b = Builder::new(Format::WebVtt);
    b.warnings.extend(file.warnings);
    for (_, note) in &file.notes {
        let body = note.strip_prefix("NOTE").unwrap_or(note);
        super::text::read_declarations(body, &mut b.declared);
    }
    let has_voices = file.cues.iter().any(|c| c.text.contains("<v"));
    // Tokenise every cue once; Graph metadata cues carry JSON instead.
    let cues: Vec<(&Cue, Body)> = file
        .cues
        .iter()
        .map(|cue| match graph_metadata(&cue.text) {
            Some((speaker, text)) => (cue, Body::Graph(speaker, text)),
            None => (cue, Body::Text(cue_segments(&cue.text, cue.line + 1))),
        })
        .collect();
    // Zoom prefixes, without voice spans: accepted when they recur or read like a name.
    let firsts: Vec<String> = cues
        .iter()
        .map(|(_, body)| match body {
            Body::Text(segs) if !has_voices => segs
                .first()
                .map(|s| first_line_text(&s.spans))
                .unwrap_or_default(),
            _ => String::new(),
        })
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for first in &firsts {
        if let Some((name, _)) = zoom_prefix(first) {
            *counts.entry(name).or_default() += 1;
        }
    }
    let mut unattributed = 0usize;
    for ((cue, segs), first) in cues.into_iter().zip(&firsts) {
        let payload_line = cue.line + 1;
        let duration = (cue.end - cue.start).max(0.0);
        let segs = match segs {
            Body::Text(segs) => segs,
            Body::Graph(speaker, spoken) => {
                let sp = b.speaker(&speaker);
                b.push(
                    sp,
                    &[Span::approx(spoken, payload_line, 1)],
                    Some(cue.start),
                    Some(cue.end),
                );
                continue;
            }
        };
        let total: usize = segs.iter().map(|s| s.chars).sum::<usize>().max(1);
        let mut t = cue.start;
        for (k, mut seg) in segs.into_iter().enumerate() {
            let share = duration * seg.chars as f64 / total as f64;
            let (start, end) = (t, t + share);
            t = end;
            let speaker = match seg.voice.take() {
                Some(v) if v == "-" => Some(UNKNOWN_SPEAKER.to_string()),
                Some(v) => Some(v),
                None if !has_voices && k == 0 => match zoom_prefix(first) {
                    Some((name, skip))
                        if counts.get(name).copied().unwrap_or(0) >= 2
                            || label::looks_like_name(name) =>
                    {
                        drop_prefix(&mut seg.spans, skip);
                        Some(name.to_string())
                    }
                    _ => None,
                },
                None => None,
            };
            let sp = match speaker {
                Some(name) => b.speaker(&name),
                // A cue without a speaker in a file that names them is a voice the tool could
                // not attribute (Zoom writes such cues), not more of the previous speaker's.
                None if k == 0 && (has_voices || !counts.is_empty()) => b.speaker(UNKNOWN_SPEAKER),
                None => match b.last_speaker() {
                    Some(sp) => sp,
                    None => {
                        unattributed += 1;
                        b.speaker(UNKNOWN_SPEAKER)
                    }
                },
            };
            b.push(sp, &seg.spans, Some(start), Some(end));
        }
    }
    let mut t = b.finish();
    if t.speakers.len() == 1 && t.speakers[0].name == UNKNOWN_SPEAKER && unattributed > 0 {
        t.warnings.push(Warning::file(
            "no speaker names found (no <v> voice spans or `Name:` prefixes); all speech is attributed to one unknown speaker",
        ));
    }
    Ok(t)
}

/// Microsoft Graph `metadataContent` cues carry JSON: `{"speakerName": …, "spokenText": …}`.
fn graph_metadata(payload: &str) -> Option<(String, String)> {
    let p = payload.trim();
    if !p.starts_with('{') || !p.contains("spokenText") {
        return None;
    }
    let v: serde_json::Value = serde_json::from_str(p).ok()?;
    let text = v.get("spokenText")?.as_str()?.to_string();
    let name = v
        .get("speakerName")
        .and_then(|s| s.as_str())
        .unwrap_or(UNKNOWN_SPEAKER)
        .to_string();
    Some((name, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn turns(t: &Transcript) -> Vec<(String, String)> {
        t.turns
            .iter()
            .map(|u| (t.speakers[u.speaker].name.clone(), u.text.clone()))
            .collect()
    }

    #[test]
    fn teams_voice_spans_merge_and_span_lines() {
        let src = "WEBVTT\n\n3f2a/11-0\n00:00:03.179 --> 00:00:05.839\n<v Jane Doe>Hello everyone,\nand welcome.</v>\n\n3f2a/11-1\n00:00:06.000 --> 00:00:07.000\n<v Jane Doe>Shall we start?</v>\n\n3f2a/12-0\n00:00:08.010 --> 00:00:09.220\n<v Doe, John>Thanks, Jane. Decision: yes.\n";
        let t = parse_transcript(src).unwrap();
        assert_eq!(
            turns(&t),
            vec![
                (
                    "Jane Doe".into(),
                    "Hello everyone, and welcome. Shall we start?".into()
                ),
                ("Doe, John".into(), "Thanks, Jane. Decision: yes.".into()),
            ]
        );
        assert_eq!(t.turns[0].line, 5);
        assert_eq!(t.turns[0].start, Some(3.179));
        assert_eq!(t.turns[0].end, Some(7.0));
        let spoken = t.turns[0].spoken.unwrap();
        assert!((spoken - (2.66 + 1.0)).abs() < 1e-9, "{spoken}");
        let p = t.turns[0].position(t.turns[0].text.find("welcome").unwrap());
        assert_eq!((p.line, p.column), (6, 5));
    }

    #[test]
    fn zoom_prefixes_and_unattributed_cues() {
        let src = "WEBVTT\n\n1\n00:00:04.859 --> 00:00:07.410\nAndrew Knight: Okay, so we're recording.\n\n2\n00:00:07.500 --> 00:00:09.000\nAnd that\n\n3\n00:00:09.100 --> 00:00:10.000\nPaul M: Great. So here's the thing: we start.\n";
        let t = parse_transcript(src).unwrap();
        assert_eq!(
            turns(&t),
            vec![
                ("Andrew Knight".into(), "Okay, so we're recording.".into()),
                // Zoom could not attribute cue 2: an unknown voice, not Andrew's words.
                (UNKNOWN_SPEAKER.into(), "And that".into()),
                (
                    "Paul M".into(),
                    "Great. So here's the thing: we start.".into()
                ),
            ]
        );
        let p = t.turns[2].position(0);
        assert_eq!((p.line, p.column), (13, 9));
    }

    #[test]
    fn lenient_graph_timestamps_warn() {
        let t = parse_transcript(
            "WEBVTT\n\n0:0:0.0 --> 0:0:5.320\n<v User Name>This is a transcript test.</v>\n",
        )
        .unwrap();
        assert_eq!(t.turns.len(), 1);
        assert!((t.turns[0].end.unwrap() - 5.32).abs() < 1e-9);
        assert_eq!(t.warnings.len(), 1);
        assert_eq!(t.warnings[0].line, Some(3));
    }

    #[test]
    fn entities_tags_and_classes() {
        let t = parse_transcript("WEBVTT\n\n00:01.000 --> 00:02.000\n<v.loud Ana &amp; Bo>Fish &amp; chips <i>now</i> <00:01.500>please &#39;ok&#39;\n").unwrap();
        assert_eq!(
            turns(&t),
            vec![("Ana & Bo".into(), "Fish & chips now please 'ok'".into())]
        );
    }

    #[test]
    fn two_voices_in_one_cue_split_time() {
        let t = parse_transcript(
            "WEBVTT\n\n00:00.000 --> 00:04.000\n<v Ana>Hi Bo</v> <v Bo>Hi Ana</v>\n",
        )
        .unwrap();
        assert_eq!(turns(&t).len(), 2);
        // Time is shared by characters: "Hi Bo" (5) and "Hi Ana" (6).
        assert!((t.turns[0].spoken.unwrap() - 4.0 * 5.0 / 11.0).abs() < 1e-9);
    }

    #[test]
    fn rev_anonymous_voice() {
        let t = parse_transcript("WEBVTT\n\n00:00.000 --> 00:01.000\n<v ->Something\n\n00:01.000 --> 00:02.000\n<v Ana>Hi\n").unwrap();
        assert_eq!(t.speakers[0].name, UNKNOWN_SPEAKER);
    }

    #[test]
    fn no_speakers_at_all() {
        let t = parse_transcript("WEBVTT\n\n00:00.000 --> 00:01.000\nHello there\n\n00:01.000 --> 00:02.000\nGeneral Kenobi\n").unwrap();
        assert_eq!(t.speakers.len(), 1);
        assert_eq!(t.turns.len(), 1);
        assert!(!t.warnings.is_empty());
    }

    #[test]
    fn note_declares_roles() {
        let t = parse_transcript("WEBVTT\n\nNOTE interviewer: Ana\n\n00:00.000 --> 00:01.000\n<v Ana>Hi\n\n00:01.000 --> 00:02.000\n<v Bo>Hello\n").unwrap();
        assert_eq!(t.declared.interviewers, vec!["Ana".to_string()]);
    }

    #[test]
    fn timing_directly_after_text_starts_a_cue() {
        let f = parse_cues(
            "WEBVTT\n\n00:00.000 --> 00:01.000\none\n00:01.000 --> 00:02.000\ntwo\n",
            false,
        )
        .unwrap();
        assert_eq!(f.cues.len(), 2);
        assert_eq!(f.cues[1].text, "two");
    }

    #[test]
    fn huge_hours_do_not_overflow() {
        let f = parse_cues(
            "WEBVTT\n\n99999999999999999999:00:00.000 --> 00:01.000\nx\n",
            false,
        )
        .unwrap();
        assert!(f.cues.is_empty());
    }
}
