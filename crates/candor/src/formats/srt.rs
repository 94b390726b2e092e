//! SubRip (`.srt`), read as tolerantly as the files in the wild require:
//! missing index lines, `.` or `,` before the milliseconds, missing
//! milliseconds, blank lines inside a cue, a timing line right after text.
//! Speakers come from `Name:`, `[Name]`, `[SPEAKER_00]:` or `>> NAME:` prefixes.

use std::collections::HashMap;

use super::builder::{Builder, Span, drop_prefix, first_line_text};
use super::label;
use crate::error::{Error, Warning};
use crate::model::Format;
use crate::model::{Transcript, UNKNOWN_SPEAKER};

/// Parses an SRT timestamp: `00:00:01,000`, `00:00:01.000`, `0:0:1`, `00:01,5`, full-width delimiters.
fn srt_time(s: &str) -> Option<f64> {
    let s = s.trim();
    if s.is_empty() || s.len() > 40 {
        return None;
    }
    let mut fields: Vec<&str> = Vec::new();
    let mut frac: Option<&str> = None;
    let mut last = 0;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for &(i, c) in &chars {
        if c.is_ascii_digit() {
            continue;
        }
        let part = &s[last..i];
        match c {
            ':' | '：' => fields.push(part),
            ',' | '.' | '，' | '．' | '。' => {
                fields.push(part);
                last = i + c.len_utf8();
                frac = Some(&s[last..]);
                break;
            }
            _ => return None,
        }
        last = i + c.len_utf8();
    }
    if frac.is_none() {
        fields.push(&s[last..]);
    }
    if fields.len() < 2 || fields.len() > 3 || fields.iter().any(|f| f.is_empty() || f.len() > 9) {
        return None;
    }
    let nums: Vec<u64> = fields
        .iter()
        .map(|f| f.parse().ok())
        .collect::<Option<_>>()?;
    let (h, m, sec) = if nums.len() == 3 {
        (nums[0], nums[1], nums[2])
    } else {
        (0, nums[0], nums[1])
    };
    let mut total = (h * 3600 + m * 60 + sec) as f64;
    if let Some(f) = frac {
        if f.is_empty() || f.len() > 9 || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        total += f.parse::<f64>().ok()? / 10f64.powi(f.len() as i32);
    }
    Some(total)
}

/// `start --> end [X1:… coordinates]`.
fn timing(line: &str) -> Option<(f64, f64)> {
    let (a, b) = line.split_once("-->")?;
    let b = b.trim();
    let end_tok = b.split_whitespace().next()?;
    Some((srt_time(a)?, srt_time(end_tok)?))
}

fn is_index(line: &str) -> bool {
    let t = line.trim().trim_end_matches('.');
    !t.is_empty() && t.len() <= 9 && t.bytes().all(|b| b.is_ascii_digit())
}

/// Whether the text has SubRip timing lines (and no WebVTT signature, checked before).
pub(crate) fn looks_like_srt(text: &str) -> bool {
    // Only the first 200 lines are read. Most text has no arrow in them at all: one search
    // says so without reading them line by line.
    let head = memchr::memchr_iter(b'\n', text.as_bytes())
        .nth(199)
        .map_or(text.len(), |end| end + 1);
    if memchr::memmem::find(&text.as_bytes()[..head], b"-->").is_none() {
        return false;
    }
    let mut timings = 0;
    for line in text.lines().take(200) {
        if line.contains("-->") && timing(line).is_some() {
            timings += 1;
            if timings >= 1 {
                return true;
            }
        }
    }
    false
}

struct Cue<'a> {
    start: f64,
    end: f64,
    /// (1-based line, text) for each text line.
    lines: Vec<(u32, &'a str)>,
}

fn cues<'a>(text: &'a str, warnings: &mut Vec<Warning>) -> Vec<Cue<'a>> {
    let lines: Vec<&str> = super::split_lines(text);
    let n = lines.len();
    let mut out: Vec<Cue> = Vec::new();
    let mut i = 0;
    while i < n {
        let line = lines[i].trim_start_matches('\u{FEFF}');
        if line.trim().is_empty() {
            i += 1;
            continue;
        }
        let timing_at = if is_index(line) && i + 1 < n && timing(lines[i + 1]).is_some() {
            Some(i + 1)
        } else if line.contains("-->") {
            Some(i)
        } else {
            None
        };
        let Some(t) = timing_at else {
            // Text after a blank line inside a cue belongs to that cue.
            match out.last_mut() {
                Some(cue) => cue.lines.push(((i + 1) as u32, lines[i])),
                None => warnings.push(Warning::at(
                    (i + 1) as u32,
                    "text before the first cue is ignored",
                )),
            }
            i += 1;
            continue;
        };
        let Some((start, end)) = timing(lines[t]) else {
            warnings.push(Warning::at(
                (t + 1) as u32,
                format!("cue dropped: `{}` is not a timing line", lines[t].trim()),
            ));
            i = t + 1;
            while i < n && !lines[i].trim().is_empty() {
                i += 1;
            }
            continue;
        };
        let mut cue = Cue {
            start,
            end,
            lines: Vec::new(),
        };
        i = t + 1;
        while i < n {
            let l = lines[i];
            if l.trim().is_empty() {
                break;
            }
            // A new cue without the blank line before it.
            if l.contains("-->") && timing(l).is_some()
                || (is_index(l) && i + 1 < n && timing(lines[i + 1]).is_some())
            {
                break;
            }
            cue.lines.push(((i + 1) as u32, l));
            i += 1;
        }
        out.push(cue);
    }
    out
}

/// `Name: text`, `[Name]: text`, `[Name] text`, `>> NAME: text`: the name and where the text starts.
fn prefix(first: &str) -> Option<(&str, usize)> {
    if let Some(l) = label::split(first) {
        let name = first[l.name_start..l.name_end].trim();
        return label::shape_ok(name).then_some((name, l.text_start));
    }
    let t = first.trim_start();
    let inner = t.strip_prefix('[')?;
    let close = inner.find(']')?;
    let name = inner[..close].trim();
    let after = &inner[close + 1..];
    if !after.starts_with(char::is_whitespace) || !label::shape_ok(name) {
        return None;
    }
    let text_start = first.len() - after.trim_start().len();
    Some((name, text_start))
}

/// Drops `<i>`, `</font>` and `{\an8}` markup from a line, keeping columns exact.
fn spans_of(line: &str, lineno: u32, from: usize) -> Vec<Span<'_>> {
    let mut spans = Vec::new();
    let s = &line[from..];
    let mut col = line[..from].chars().count() as u32 + 1;
    let mut run = 0;
    let mut run_col = col;
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let close = match rest.as_bytes()[0] {
            b'<' => rest.find('>'),
            b'{' if rest.starts_with("{\\") => rest.find('}'),
            _ => None,
        };
        if let Some(c) = close {
            if run < i {
                spans.push(Span::exact(&s[run..i], lineno, run_col));
            }
            col += rest[..=c].chars().count() as u32;
            i += c + 1;
            run = i;
            run_col = col;
        } else {
            // `rest` is not empty: `i` is short of the end.
            col += 1;
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    if run < s.len() {
        spans.push(Span::exact(&s[run..], lineno, run_col));
    }
    spans
}

pub(crate) fn parse(text: &str) -> Result<Transcript, Error> {
    let mut b = Builder::new(Format::Srt);
    let cues = cues(text, &mut b.warnings);
    if cues.is_empty() {
        return Err(Error::NoTurns(
            "read as SRT but no cue has a timing line like `00:00:01,000 --> 00:00:04,000`".into(),
        ));
    }
    let cue_spans: Vec<Vec<Span>> = cues
        .iter()
        .map(|cue| {
            cue.lines
                .iter()
                .flat_map(|&(lineno, line)| spans_of(line, lineno, 0))
                .collect()
        })
        .collect();
    let firsts: Vec<String> = cue_spans.iter().map(|s| first_line_text(s)).collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for first in &firsts {
        if let Some((name, _)) = prefix(first) {
            *counts.entry(name).or_default() += 1;
        }
    }
    let mut unattributed = 0;
    for ((cue, mut spans), first) in cues.iter().zip(cue_spans).zip(&firsts) {
        let mut speaker = None;
        if let Some((name, skip)) = prefix(first) {
            if counts.get(name).copied().unwrap_or(0) >= 2 || label::looks_like_name(name) {
                speaker = Some(name.to_string());
                drop_prefix(&mut spans, skip);
            }
        }
        let sp = match speaker {
            Some(name) => b.speaker(&name),
            None => match b.last_speaker() {
                Some(sp) => sp,
                None => {
                    unattributed += 1;
                    b.speaker(UNKNOWN_SPEAKER)
                }
            },
        };
        b.push(sp, &spans, Some(cue.start), Some(cue.end));
    }
    let mut t = b.finish();
    if t.speakers.len() == 1 && t.speakers[0].name == UNKNOWN_SPEAKER && unattributed > 0 {
        t.warnings.push(Warning::file(
            "no speaker names found (no `Name:` or `[Name]` prefixes); all speech is attributed to one unknown speaker",
        ));
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        assert_eq!(srt_time("00:00:01,000"), Some(1.0));
        assert_eq!(srt_time("00:00:01.500"), Some(1.5));
        assert_eq!(srt_time("01:00:00"), Some(3600.0));
        assert_eq!(srt_time("00:01,5"), Some(1.5));
        assert_eq!(srt_time("00：00：02，250"), Some(2.25));
        assert_eq!(srt_time("xx"), None);
    }

    #[test]
    fn tolerant_structure() {
        let src = "1\n00:00:01,000 --> 00:00:02,000\nAna: Hello there.\n\n00:00:02,500 --> 00:00:03,000\nBo: Hi.\nSecond line.\n\nstill Bo after a blank line\n3\n00:00:04,000 --> 00:00:05,000 X1:10 X2:20\n<i>Ana:</i> No.\n";
        let t = parse(src).unwrap();
        let got: Vec<(String, String)> = t
            .turns
            .iter()
            .map(|u| (t.speakers[u.speaker].name.clone(), u.text.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Ana".into(), "Hello there.".into()),
                (
                    "Bo".into(),
                    "Hi. Second line. still Bo after a blank line".into()
                ),
                ("Ana".into(), "No.".into()),
            ]
        );
    }

    #[test]
    fn bracket_speakers() {
        let t = parse("1\n00:00:01,000 --> 00:00:02,000\n[SPEAKER_00]: Hello.\n\n2\n00:00:02,000 --> 00:00:03,000\n[SPEAKER_01] Hi.\n").unwrap();
        assert_eq!(t.speakers.len(), 2);
        assert_eq!(t.turns[1].text, "Hi.");
    }
}
