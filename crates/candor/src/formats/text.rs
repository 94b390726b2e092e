//! The text family: plain `Name: text`, timestamped text, Markdown, Otter, Rev and Google Meet.
//!
//! One line classifier serves them all. A file is read in two passes: the
//! first collects candidate speaker labels and how often each recurs, the
//! second accepts a label when it recurs, is a known role label, or reads like
//! a name, so that "Here's the thing: we…" stays text.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::builder::{Builder, Span};
use super::label::{self, Label};
use super::time::parse_clock;
use crate::error::{Error, Warning};
use crate::model::Format;
use crate::model::{Declared, Transcript, UNKNOWN_SPEAKER};

const CLOCK: &str = r"\d{1,3}:\d{2}(?::\d{2})?(?:[.,]\d{1,6})?";

/// `[00:01:23] rest`, `00:01:23 rest`, `(00:01) rest`, `[0:00:06.8 - 0:00:07.2] rest`: up to
/// the rest, which starts where the match ends.
///
/// None of these patterns captures the rest of the line: with a capture group the whole
/// line is the match, and the engine that resolves groups then runs over all of it (a
/// long turn cost tens of thousands of instructions). The rest is sliced off the line.
static TIME_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    crate::re(&format!(
        r"^\s*([\[(]?)\s*({CLOCK})(?:\s*(?:-->|->|-|–|—|to)\s*({CLOCK}))?\s*([\])]?)(?:\s+|\s*[-–|]\s+|$)"
    ))
});

/// `Name (00:01):` or `Name (00:01:23): text` (Rev); `Name [00:01]: text`: up to the text.
static TIME_AFTER_NAME: LazyLock<Regex> = LazyLock::new(|| {
    crate::re(&format!(
        r"^\s*(.{{0,64}}?)\s*[\[(]\s*({CLOCK})(?:\s*(?:-|–|to)\s*({CLOCK}))?\s*[\])]\s*:\s*"
    ))
});

/// `Name  0:00` (Otter header, one or two spaces).
/// The clock of an Otter header, on its own (see [`otter_header`]).
static OTTER_CLOCK: LazyLock<Regex> = LazyLock::new(|| crate::re(r"^\d{1,2}:\d{2}(?::\d{2})?$"));

/// An Otter header, `Name  0:00`: the name and the clock, as the pattern
/// `^(\S.{0,64}?)\s+(\d{1,2}:\d{2}(?::\d{2})?)\s*$` would capture them. Split by hand
/// (the clock is the last token, the name all before the spaces ahead of it), since the
/// pattern's captures took a backtracking search of every header line.
fn otter_header(line: &str) -> Option<(&str, &str)> {
    let t = line.trim_end();
    let ws = t.rfind(char::is_whitespace)?;
    let clock_start = ws + t[ws..].chars().next().map_or(1, char::len_utf8);
    let clock = &t[clock_start..];
    if !OTTER_CLOCK.is_match(clock) {
        return None;
    }
    let name = t[..clock_start].trim_end();
    let first = name.chars().next()?;
    (!first.is_whitespace() && name.chars().count() <= 65 && !name.contains('\n'))
        .then_some((name, clock))
}

/// Whether `s` holds a clock time, a digit, a colon and two digits ("3:02PM").
fn holds_clock(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(b':', b).any(|i| {
        i > 0
            && b[i - 1].is_ascii_digit()
            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
            && b.get(i + 2).is_some_and(u8::is_ascii_digit)
    })
}

/// `NAME - text` after a timestamp (pyannote): a single token name.
static DASH_NAME: LazyLock<Regex> =
    LazyLock::new(|| crate::re(r"^\[?([A-Za-z][\w.]{0,40})\]?\s+-\s+"));

/// `From Name : message` and `From Name to Other (Privately) : message` (Zoom chat).
static ZOOM_CHAT: LazyLock<Regex> =
    LazyLock::new(|| crate::re(r"^From\s+(.{1,64}?)(?:\s+to\s+.{1,64}?)?\s+:\s?"));

/// Dates in headers: 2024-03-02, 2024/03/02.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    crate::re(r"(?:^|\D)((?:19|20)\d\d)[-/.](0?[1-9]|1[0-2])[-/.](0?[1-9]|[12]\d|3[01])(?:\D|$)")
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Shape {
    Label,
    Marked,
    TimeFirst,
    TimeAfterName,
    /// The last: memos are sized by it.
    Otter,
}

/// Numbers the distinct speaker labels of a text, so that what is learnt about each is kept
/// in vectors rather than in maps keyed by the label: one look-up a line, and for the last
/// few labels (they mostly alternate) none.
struct Labels<'a> {
    ids: HashMap<&'a str, usize>,
    names: Vec<&'a str>,
    recent: Vec<(&'a str, usize)>,
}

impl<'a> Labels<'a> {
    const RECENT: usize = 4;

    fn new() -> Self {
        Labels {
            ids: HashMap::new(),
            names: Vec::new(),
            recent: Vec::with_capacity(Self::RECENT),
        }
    }

    /// The number of `label`, given on first sight.
    fn id(&mut self, label: &'a str) -> usize {
        if let Some(&(_, id)) = self.recent.iter().find(|(l, _)| *l == label) {
            return id;
        }
        let next = self.names.len();
        let id = *self.ids.entry(label).or_insert(next);
        if id == next {
            self.names.push(label);
        }
        if self.recent.len() == Self::RECENT {
            self.recent.remove(0);
        }
        self.recent.push((label, id));
        id
    }

    /// How many labels have been numbered.
    fn len(&self) -> usize {
        self.names.len()
    }
}

#[derive(Debug, Clone)]
pub(crate) enum Kind<'a> {
    Blank,
    Skip,
    Time,
    Speaker(Cand<'a>),
    /// Text with a leading timestamp but no speaker.
    TimedText {
        text_start: usize,
        start: Option<f64>,
        end: Option<f64>,
    },
    Text,
}

#[derive(Debug, Clone)]
pub(crate) struct Cand<'a> {
    name: &'a str,
    text_start: usize,
    start: Option<f64>,
    end: Option<f64>,
    shape: Shape,
    /// Whether the label is set off as Markdown bold or italics (`**Ana:**`).
    marked: bool,
}

/// ASCII case-insensitive `starts_with`, without allocating.
fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// ASCII case-insensitive `ends_with`, without allocating.
fn ends_with_ci(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// The closing lines and headings that transcription tools add, and the lines Teams writes
/// when someone starts or stops the transcription ("Priya Shah stopped transcription").
fn is_tool_line(l: &str) -> bool {
    starts_with_ci(l, "transcription ended after")
        || starts_with_ci(l, "meeting ended after")
        || starts_with_ci(l, "this editable transcript was computer generated")
        || ((ends_with_ci(l, " started transcription")
            || ends_with_ci(l, " stopped transcription"))
            && l.split_whitespace().count() <= 10)
}

fn is_boilerplate(t: &str) -> bool {
    let l = t.trim().trim_matches(|c| c == '*' || c == '_').trim();
    starts_with_ci(l, "transcribed by https://otter.ai")
        || is_tool_line(l)
        || l.eq_ignore_ascii_case("attendees")
        || l.eq_ignore_ascii_case("transcript")
        || l.eq_ignore_ascii_case("📖 transcript")
        || ends_with_ci(l, "- transcript")
        || l == "---"
        || l == "***"
}

/// Whether a line may start with a timestamp: a digit after optional space and one bracket.
fn may_start_with_time(line: &str) -> bool {
    let t = line.trim_start();
    let t = t.strip_prefix(['[', '(']).unwrap_or(t).trim_start();
    t.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

/// Whether a line may hold a bracketed time after a name: a bracket, a digit and a colon.
fn may_have_bracketed_time(line: &str) -> bool {
    let b = line.as_bytes();
    memchr::memchr2(b'[', b'(', b).is_some() && memchr::memchr_iter(b':', b).nth(1).is_some()
}

fn classify(line: &str) -> Kind<'_> {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return Kind::Blank;
    }
    if trimmed.starts_with('#') && trimmed.trim_start_matches('#').starts_with(' ')
        || is_boilerplate(trimmed)
    {
        return Kind::Skip;
    }
    if let Some(c) = may_start_with_time(line)
        .then(|| TIME_FIRST.captures(line))
        .flatten()
    {
        let open = c.get(1).map_or("", |m| m.as_str());
        let close = c.get(4).map_or("", |m| m.as_str());
        let balanced = matches!((open, close), ("", "") | ("[", "]") | ("(", ")"));
        if balanced {
            let start = c.get(2).and_then(|m| parse_clock(m.as_str()));
            let end = c.get(3).and_then(|m| parse_clock(m.as_str()));
            let rest_start = c.get_match().end();
            let rest = &line[rest_start..];
            if rest.trim().is_empty() {
                return Kind::Time;
            }
            if let Some(z) = ZOOM_CHAT.captures(rest) {
                return Kind::Speaker(Cand {
                    name: z.get(1).map_or("", |m| m.as_str()),
                    text_start: rest_start + z.get_match().end(),
                    start,
                    end,
                    shape: Shape::TimeFirst,
                    marked: false,
                });
            }
            if let Some(d) = DASH_NAME.captures(rest) {
                return Kind::Speaker(Cand {
                    name: d.get(1).map_or("", |m| m.as_str()),
                    text_start: rest_start + d.get_match().end(),
                    start,
                    end,
                    shape: Shape::TimeFirst,
                    marked: false,
                });
            }
            if let Some(l) = label::split(rest) {
                let name = &rest[l.name_start..l.name_end];
                return Kind::Speaker(Cand {
                    name,
                    text_start: rest_start + l.text_start,
                    start,
                    end,
                    shape: Shape::TimeFirst,
                    marked: l.marked,
                });
            }
            return Kind::TimedText {
                text_start: rest_start,
                start,
                end,
            };
        }
    }
    if let Some(c) = may_have_bracketed_time(line)
        .then(|| TIME_AFTER_NAME.captures(line))
        .flatten()
    {
        let raw = c.get(1).map_or("", |m| m.as_str()).trim();
        let name = raw.trim_matches(|ch| ch == '*' || ch == '_').trim();
        if name.is_empty() || label::shape_ok(name) {
            return Kind::Speaker(Cand {
                name,
                text_start: c.get_match().end(),
                start: c.get(2).and_then(|m| parse_clock(m.as_str())),
                end: c.get(3).and_then(|m| parse_clock(m.as_str())),
                shape: Shape::TimeAfterName,
                marked: raw.len() > name.len() + 1,
            });
        }
    }
    let ends_with_digit = line
        .trim_end()
        .as_bytes()
        .last()
        .is_some_and(u8::is_ascii_digit);
    if let Some((name, clock)) = ends_with_digit.then(|| otter_header(line)).flatten() {
        let name = name.trim();
        // Zoom's saved transcript brackets the name: `[Priya Shah] 15:02:03`.
        let name = name
            .strip_prefix('[')
            .and_then(|n| n.strip_suffix(']'))
            .unwrap_or(name)
            .trim();
        // A date line ("Tue, 3/4 3:02PM • 31:40", Otter's) holds a clock of its own.
        if label::shape_ok(name) && !name.ends_with(':') && !holds_clock(name) {
            return Kind::Speaker(Cand {
                name,
                text_start: line.len(),
                start: parse_clock(clock),
                end: None,
                shape: Shape::Otter,
                marked: false,
            });
        }
    }
    if let Some(Label {
        name_start,
        name_end,
        text_start,
        marked,
    }) = label::split(line)
    {
        return Kind::Speaker(Cand {
            name: line[name_start..name_end].trim(),
            text_start,
            start: None,
            end: None,
            shape: if marked { Shape::Marked } else { Shape::Label },
            marked,
        });
    }
    Kind::Text
}

/// Lines of the front matter block (`---` … `---`) at the top, if any.
fn front_matter(lines: &[&str]) -> usize {
    if lines.first().map(|l| l.trim()) != Some("---") {
        return 0;
    }
    for (i, l) in lines.iter().enumerate().skip(1).take(400) {
        if matches!(l.trim(), "---" | "...") {
            return i + 1;
        }
    }
    0
}

/// Role words that declare who is who in headers and front matter.
fn declared_role(key: &str) -> Option<bool> {
    const INTERVIEWER: &[&str] = &[
        "interviewer",
        "interviewers",
        "researcher",
        "researchers",
        "moderator",
        "moderators",
        "host",
        "hosts",
        "facilitator",
        "facilitators",
        "interviewed by",
    ];
    const INTERVIEWEE: &[&str] = &[
        "interviewee",
        "interviewees",
        "participant",
        "participants",
        "customer",
        "customers",
        "respondent",
        "respondents",
        "guest",
        "guests",
        "user",
        "users",
        "client",
        "clients",
    ];
    let key = key.trim();
    // Compared without lower-casing a copy; non-ASCII text is lower-cased first, since a
    // character such as the Kelvin sign lower-cases to ASCII.
    let lowered;
    let k = if key.is_ascii() {
        key
    } else {
        lowered = key.to_lowercase();
        lowered.as_str()
    };
    let is = |set: &[&str]| set.iter().any(|w| w.eq_ignore_ascii_case(k));
    if is(INTERVIEWER) {
        Some(true)
    } else if is(INTERVIEWEE) {
        Some(false)
    } else {
        None
    }
}

fn split_names(value: &str) -> Vec<String> {
    value
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .split([',', ';'])
        .flat_map(|s| s.split(" and "))
        .map(|s| {
            s.trim()
                .trim_matches(|c| c == '"' || c == '\'')
                .trim()
                .to_string()
        })
        .filter(|s| !s.is_empty())
        .collect()
}

/// Reads `key: value` declarations (roles, a date) from a header or NOTE block;
/// pairs may be separated by newlines or semicolons.
pub(crate) fn read_declarations(block: &str, declared: &mut Declared) {
    let lines: Vec<&str> = block.split(['\n', ';']).collect();
    read_front_matter(&lines, declared);
}

/// Reads `key: value` pairs (and `- item` lists) from front matter into declarations.
fn read_front_matter(lines: &[&str], d: &mut Declared) {
    let mut current_key: Option<bool> = None;
    for l in lines {
        let t = l.trim();
        if let Some(item) = t.strip_prefix("- ") {
            if let Some(is_interviewer) = current_key {
                let names = split_names(item);
                if is_interviewer {
                    d.interviewers.extend(names);
                } else {
                    d.interviewees.extend(names);
                }
            }
            continue;
        }
        current_key = None;
        let Some((key, value)) = t.split_once(':') else {
            continue;
        };
        if key.trim().eq_ignore_ascii_case("date") && d.date.is_none() {
            d.date = find_date(value);
        }
        if let Some(is_interviewer) = declared_role(key) {
            let names = split_names(value);
            if names.is_empty() {
                current_key = Some(is_interviewer);
            } else if is_interviewer {
                d.interviewers.extend(names);
            } else {
                d.interviewees.extend(names);
            }
        }
    }
}

pub(crate) fn find_date(s: &str) -> Option<String> {
    let c = DATE.captures(s)?;
    let y = c.get(1)?.as_str();
    let m: u32 = c.get(2)?.as_str().parse().ok()?;
    let d: u32 = c.get(3)?.as_str().parse().ok()?;
    Some(format!("{y}-{m:02}-{d:02}"))
}

/// Scores how well each text format fits, from the first few hundred lines; returns the
/// kinds of the lines it looked at too, for [`parse_classified`] to reuse (empty when
/// the text has carriage returns, which the two split differently).
pub(crate) fn detect_and_classify(text: &str) -> (Option<Format>, Vec<Kind<'_>>) {
    let lines: Vec<&str> = super::first_lines(text, 600);
    let kinds: Vec<Kind> = lines.iter().map(|l| classify(l)).collect();
    let format = detect_kinds(&lines, &kinds);
    let reusable = if text.contains('\r') {
        Vec::new()
    } else {
        kinds
    };
    (format, reusable)
}

fn detect_kinds(lines: &[&str], all_kinds: &[Kind<'_>]) -> Option<Format> {
    let skip = front_matter(lines);
    let (mut plain, mut marked, mut time_first, mut rev_header, mut rev_inline, mut otter) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    let mut bare_times = 0usize;
    let mut meet_signs = 0usize;
    // By label: how often it recurs with a name-like shape, and whether it has one.
    let mut labels = Labels::new();
    let mut names: Vec<usize> = Vec::new();
    let mut shape_ok: Vec<Option<bool>> = Vec::new();
    let body = &lines[skip..];
    let kinds = &all_kinds[skip..];
    for (i, line) in body.iter().enumerate() {
        let l = line.trim();
        if is_tool_line(l) || (ends_with_ci(l, "- transcript") && i < 5) {
            meet_signs += 1;
        }
        match &kinds[i] {
            Kind::Time => bare_times += 1,
            Kind::Speaker(c) => {
                let id = labels.id(c.name);
                if id == names.len() {
                    names.push(0);
                    shape_ok.push(None);
                }
                // Each distinct label is judged once, however often it recurs.
                let ok = *shape_ok[id].get_or_insert_with(|| label::shape_ok(c.name));
                if !c.name.is_empty() && !ok {
                    continue;
                }
                names[id] += 1;
                match c.shape {
                    Shape::Label => plain += 1,
                    Shape::Marked => marked += 1,
                    Shape::TimeFirst => time_first += 1,
                    Shape::TimeAfterName => {
                        if line[c.text_start..].trim().is_empty() {
                            rev_header += 1
                        } else {
                            rev_inline += 1
                        }
                    }
                    Shape::Otter => {
                        // An Otter header is followed by text, not by another header.
                        let next = kinds[i + 1..].iter().find(|k| !matches!(k, Kind::Blank));
                        if next.is_some_and(|n| {
                            matches!(n, Kind::Text)
                                || matches!(n, Kind::Speaker(c) if c.shape != Shape::Otter)
                        }) {
                            otter += 1
                        }
                    }
                }
            }
            _ => {}
        }
    }
    // A plain label must recur or read like a name to count.
    let plain_ok: usize = {
        let mut name_like: Vec<Option<bool>> = vec![None; labels.len()];
        let mut n = 0;
        for k in kinds {
            if let Kind::Speaker(c) = k {
                if c.shape == Shape::Label {
                    let id = labels.id(c.name);
                    if names[id] >= 2
                        || *name_like[id].get_or_insert_with(|| label::looks_like_name(c.name))
                    {
                        n += 1;
                    }
                }
            }
        }
        n
    };
    let distinct_names = names.iter().filter(|&&n| n > 0).count();
    let _ = plain;
    let timestamped = time_first + rev_inline;
    let best = [
        (otter, Format::Otter),
        (rev_header, Format::Rev),
        (timestamped, Format::Timestamped),
        (marked, Format::Markdown),
        (plain_ok, Format::Plain),
    ]
    .into_iter()
    .max_by_key(|(n, _)| *n)?;
    if best.0 < 1 || (best.0 < 2 && distinct_names < 2 && body.len() > 3) {
        return None;
    }
    if (meet_signs > 0 || bare_times > 0) && matches!(best.1, Format::Plain | Format::Markdown) {
        return Some(Format::GoogleMeet);
    }
    // `Name: text` lines with a timestamp before some of them (`[00:03:30] Ana: …` every few
    // turns, as some tools and hand edits write them): the timestamped reading takes both
    // shapes as speaker lines, where the plain one would take a timed line for text and join
    // it to the turn before. It takes over when there are two speakers or more and every timed
    // line's label recurs (a schedule pasted into an answer, `09:00 Standup: …`, names
    // things once).
    if best.1 == Format::Plain && timestamped > 0 && distinct_names >= 2 {
        let recurs = |name: &str| {
            labels
                .ids
                .get(name)
                .is_some_and(|&id| names.get(id).is_some_and(|&n| n >= 2))
        };
        let timed_all_known = kinds.iter().all(|k| match k {
            Kind::Speaker(c) if matches!(c.shape, Shape::TimeFirst | Shape::TimeAfterName) => {
                recurs(c.name)
            }
            _ => true,
        });
        if timed_all_known {
            return Some(Format::Timestamped);
        }
    }
    Some(best.1)
}

/// Reads the text family. `format` decides which line shapes are speaker lines.
#[cfg(test)]
fn parse(text: &str, format: Format) -> Result<Transcript, Error> {
    parse_classified(text, format, Vec::new())
}

/// [`parse`], reusing the kinds of the first lines from [`detect_and_classify`].
pub(crate) fn parse_classified<'a>(
    text: &'a str,
    format: Format,
    mut kinds: Vec<Kind<'a>>,
) -> Result<Transcript, Error> {
    let lines: Vec<&str> = super::split_lines(text);
    let mut b = Builder::new(format);
    let skip = front_matter(&lines);
    if skip > 0 {
        read_front_matter(&lines[1..skip - 1], &mut b.declared);
    }
    kinds.truncate(lines.len());
    let known = kinds.len();
    kinds.extend(lines[known..].iter().map(|l| classify(l)));

    let allowed = |shape: Shape| match format {
        Format::Otter => matches!(shape, Shape::Otter | Shape::Label | Shape::Marked),
        Format::Rev => matches!(shape, Shape::TimeAfterName | Shape::Label | Shape::Marked),
        Format::Timestamped => !matches!(shape, Shape::Otter),
        Format::Markdown | Format::GoogleMeet | Format::Plain => {
            matches!(shape, Shape::Label | Shape::Marked)
        }
        _ => !matches!(shape, Shape::Otter),
    };

    // Pass 1: how often each label recurs.
    let mut labels = Labels::new();
    let ids: Vec<Option<usize>> = kinds
        .iter()
        .enumerate()
        .map(|(i, k)| match k {
            Kind::Speaker(c) if i >= skip => Some(labels.id(c.name)),
            _ => None,
        })
        .collect();
    let mut counts = vec![0usize; labels.len()];
    for (k, id) in kinds.iter().zip(&ids) {
        if let (Kind::Speaker(c), Some(id)) = (k, id) {
            if allowed(c.shape) {
                counts[*id] += 1;
            }
        }
    }
    // Markdown with a timestamp before some labels (`[00:01:40] **Ana:** …` every few turns,
    // as hand edits of a timed transcript leave it): the timed bold labels are speaker lines
    // too when each is the label of a speaker whose bold label also starts two untimed lines
    // or more, two speakers or more start such lines, and their times run forward. Quotes
    // timed elsewhere in the call (a highlights section above the transcript) go back in
    // time; a chat pasted into an answer has plain labels and stays text. Read as Markdown
    // still, for its escapes.
    let timed_marked =
        |c: &Cand| c.marked && matches!(c.shape, Shape::TimeFirst | Shape::TimeAfterName);
    let timed_too = format == Format::Markdown && {
        let mut marked = vec![0usize; labels.len()];
        for (k, id) in kinds.iter().zip(&ids) {
            if let (Kind::Speaker(c), Some(id)) = (k, id) {
                if c.shape == Shape::Marked {
                    marked[*id] += 1;
                }
            }
        }
        let (mut timed, mut last) = (0, f64::NEG_INFINITY);
        let all_fit = kinds.iter().zip(&ids).all(|(k, id)| match (k, id) {
            (Kind::Speaker(c), Some(id)) if timed_marked(c) => {
                timed += 1;
                let forward = c.start.is_none_or(|t| t >= last);
                last = c.start.unwrap_or(last).max(last);
                marked.get(*id).is_some_and(|&n| n >= 2) && forward
            }
            _ => true,
        });
        timed > 0 && all_fit && marked.iter().filter(|&&n| n >= 2).count() >= 2
    };
    let allowed = |c: &Cand| allowed(c.shape) || timed_too && timed_marked(c);
    // A turn starts where the label changes (or at the first line, before any label), so
    // that many turns is room enough for most transcripts; it is only room, and the vector
    // still grows if more come.
    let mut last = None;
    let changes = ids
        .iter()
        .flatten()
        .filter(|&&id| last.replace(id) != Some(id))
        .count();
    b.reserve_turns(changes + 1);
    let accept = |c: &Cand, id: usize| -> bool {
        if !allowed(c) {
            return false;
        }
        if c.name.is_empty() {
            // Rev writes `(00:47):` for speech it could not attribute.
            return c.shape == Shape::TimeAfterName;
        }
        if !label::shape_ok(c.name) {
            return false;
        }
        counts[id] >= 2
            || label::looks_like_name(c.name)
            || crate::model::generic_role(c.name).is_some()
            || (matches!(
                c.shape,
                Shape::Marked | Shape::TimeFirst | Shape::TimeAfterName | Shape::Otter
            ) && c.name.chars().next().is_some_and(|ch| !ch.is_lowercase()))
    };

    // Each distinct label and shape is judged once, however often it recurs.
    const SHAPES: usize = Shape::Otter as usize + 1;
    let mut memo: Vec<[Option<bool>; SHAPES]> = vec![[None; SHAPES]; labels.len()];
    let accepted: Vec<bool> = kinds
        .iter()
        .zip(&ids)
        .map(|(k, id)| match (k, id) {
            // Whether the shape is allowed is asked first, outside the memo: a timed label
            // is allowed in Markdown only when bold, and the memo does not tell bold apart.
            (Kind::Speaker(c), Some(id)) => {
                allowed(c) && *memo[*id][c.shape as usize].get_or_insert_with(|| accept(c, *id))
            }
            _ => false,
        })
        .collect();

    // Declarations: "Interviewer: Maya Chen" where Maya Chen speaks elsewhere.
    let speaking: std::collections::HashSet<String> = memo
        .iter()
        .zip(&labels.names)
        .filter(|(shapes, _)| shapes.contains(&Some(true)))
        .map(|(_, name)| name.to_lowercase())
        .collect();

    // Whether a label declares a role ("Interviewer: Maya Chen"), once per distinct label.
    let declares: Vec<Option<bool>> = labels.names.iter().map(|n| declared_role(n)).collect();

    let mut current: Option<usize> = None;
    let mut seen_turn = false;
    // Times of a header line (Rev, Otter) whose text follows on the next lines.
    let mut pending: (Option<f64>, Option<f64>) = (None, None);
    for (i, line) in lines.iter().enumerate().skip(skip) {
        let lineno = (i + 1) as u32;
        match &kinds[i] {
            Kind::Skip if !seen_turn && b.declared.date.is_none() => {
                b.declared.date = find_date(line);
            }
            Kind::Blank | Kind::Skip | Kind::Time => {}
            Kind::Speaker(c) if accepted[i] => {
                let rest = &line[c.text_start..];
                let declared = match ids[i] {
                    Some(id) => declares[id],
                    None => declared_role(c.name),
                };
                if let Some(is_interviewer) = declared {
                    if let Some(names) = declaration(rest, &speaking) {
                        if is_interviewer {
                            b.declared.interviewers.extend(names);
                        } else {
                            b.declared.interviewees.extend(names);
                        }
                        continue;
                    }
                }
                let name = if c.name.is_empty() {
                    UNKNOWN_SPEAKER
                } else {
                    c.name
                };
                let sp = b.speaker(name);
                current = Some(sp);
                seen_turn = true;
                if rest.trim().is_empty() {
                    pending = (c.start, c.end);
                } else {
                    pending = (None, None);
                    push_text(
                        &mut b,
                        sp,
                        line,
                        c.text_start,
                        lineno,
                        c.start,
                        c.end,
                        format,
                    );
                }
            }
            Kind::Speaker(c) if !seen_turn && is_header_key(c.name) => {
                header_line(&mut b, c.name, &line[c.text_start..]);
            }
            Kind::TimedText {
                text_start,
                start,
                end,
            } => {
                if let Some(sp) = current {
                    push_text(&mut b, sp, line, *text_start, lineno, *start, *end, format);
                }
            }
            Kind::Speaker(_) | Kind::Text => {
                if let Some(sp) = current {
                    let (start, end) = std::mem::take(&mut pending);
                    push_text(&mut b, sp, line, 0, lineno, start, end, format);
                } else if b.declared.date.is_none() {
                    b.declared.date = find_date(line);
                }
            }
        }
    }
    let mut t = b.finish();
    if t.turns.is_empty() {
        return Err(Error::NoTurns(format!(
            "read as {} but no line starts with a speaker label; expected lines like \
             `Name: text`{}",
            format.name(),
            match format {
                Format::Otter => " or Otter's `Name  0:00` headers",
                Format::Rev => " or Rev's `Name (00:01):` headers",
                Format::Timestamped => " or `[00:01:23] Name: text`",
                Format::Markdown => " or `**Name:** text`",
                _ => "",
            }
        )));
    }
    if t.speakers.len() == 1 && t.turns.len() > 3 {
        t.warnings.push(Warning::file(format!(
            "only one speaker label ({}) was found",
            t.speakers[0].name
        )));
    }
    Ok(t)
}

/// Header keys read before the first turn: `Date:`, `Participants:` and the like.
fn is_header_key(name: &str) -> bool {
    let l = name.to_lowercase();
    matches!(
        l.as_str(),
        "date" | "participants" | "attendees" | "speakers" | "present" | "people" | "recorded"
    )
}

fn header_line(b: &mut Builder, key: &str, value: &str) {
    let l = key.to_lowercase();
    if l == "date" || l == "recorded" {
        if b.declared.date.is_none() {
            b.declared.date = find_date(value);
        }
        return;
    }
    // "Participants: Maya (interviewer), Tom (customer)"
    for part in split_names(value) {
        let (name, role) = match part.split_once('(') {
            Some((n, r)) => (n.trim(), r.trim_end_matches(')').trim()),
            None => match part.split_once(" - ") {
                Some((n, r)) => (n.trim(), r.trim()),
                None => continue,
            },
        };
        match declared_role(role) {
            Some(true) => b.declared.interviewers.push(name.to_string()),
            Some(false) => b.declared.interviewees.push(name.to_string()),
            None => {}
        }
    }
}

/// `Interviewer: Maya Chen` declares a role when the value names someone who speaks.
fn declaration(value: &str, speaking: &std::collections::HashSet<String>) -> Option<Vec<String>> {
    let names = split_names(value.trim().trim_end_matches('.'));
    if names.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    for n in names {
        let base = n.split('(').next().unwrap_or(&n).trim().to_lowercase();
        if !speaking.contains(&base) {
            return None;
        }
        out.push(n.split('(').next().unwrap_or(&n).trim().to_string());
    }
    Some(out)
}

/// Pushes a line's text from `from`, splitting at Markdown escapes so columns stay exact.
#[allow(clippy::too_many_arguments)]
fn push_text(
    b: &mut Builder,
    speaker: usize,
    line: &str,
    from: usize,
    lineno: u32,
    start: Option<f64>,
    end: Option<f64>,
    format: Format,
) {
    let text = &line[from..];
    let col = line[..from].chars().count() as u32 + 1;
    if matches!(format, Format::Markdown | Format::GoogleMeet) && text.contains('\\') {
        let mut spans = Vec::new();
        let mut run_start = 0;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c == '\\' {
                if let Some(&(_, next)) = chars.peek() {
                    if next.is_ascii_punctuation() {
                        if run_start < i {
                            let c0 = col + text[..run_start].chars().count() as u32;
                            spans.push(Span::exact(&text[run_start..i], lineno, c0));
                        }
                        run_start = i + 1;
                        chars.next();
                    }
                }
            }
        }
        if run_start < text.len() {
            let c0 = col + text[..run_start].chars().count() as u32;
            spans.push(Span::exact(&text[run_start..], lineno, c0));
        }
        b.push(speaker, &spans, start, end);
    } else {
        b.push(speaker, &[Span::exact(text, lineno, col)], start, end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The hand split of an Otter header agrees with the pattern it stands for.
        #[test]
        fn otter_headers_split_as_the_pattern_captures(
            line in "[A a9:.\t\r\u{a0}é٣]{0,24}|[A a:٣]{0,6}[ \t\u{a0}]{0,3}[9٣]{0,3}:[9٣]{1,3}(:[9]{1,3})?[ \r]{0,2}"
        ) {
            let re = Regex::new(r"^(\S.{0,64}?)\s+(\d{1,2}:\d{2}(?::\d{2})?)\s*$").unwrap();
            let want = re
                .captures(&line)
                .map(|c| (c.get(1).unwrap().as_str(), c.get(2).unwrap().as_str()));
            proptest::prop_assert_eq!(otter_header(&line), want);
        }
    }

    /// `re` matched up to where its text starts finds the groups and the start of the text
    /// that `whole`, the same pattern capturing the rest (`(.*)$`), finds; whether it matched.
    fn same_as_capturing(re: &Regex, whole: &Regex, groups: usize, line: &str) -> bool {
        let got = re.captures(line).map(|c| {
            let g: Vec<_> = (1..groups).map(|i| c.get(i).map(|m| m.range())).collect();
            (g, c.get_match().end())
        });
        let want = whole.captures(line).map(|c| {
            let g: Vec<_> = (1..groups).map(|i| c.get(i).map(|m| m.range())).collect();
            (g, c.get(groups).unwrap().start())
        });
        assert_eq!(got, want, "{} on {line:?}", re.as_str());
        got.is_some()
    }

    /// The line patterns on lines built from the shapes they are for (times first, times
    /// after a name, Zoom chat and pyannote names after a time), with the spacing, brackets,
    /// ranges and rests real files have, and on near misses: each finds what its capturing
    /// form found, and each matches many of them.
    #[test]
    fn line_patterns_end_where_the_rest_of_the_line_starts() {
        let opens = ["", "[", "(", " [", "[ "];
        let clocks = [
            "00:01:23",
            "1:02",
            "0:00:06.8",
            "12:03,250",
            "123:45",
            "1:2",
        ];
        let ranges = ["", " - 0:00:07.2", "-->00:01:25", " to 1:03", " – 2:00"];
        let closes = ["", "]", ")", " ]"];
        let seps = ["", " ", "\t", "\u{a0}", " - ", " | ", "  "];
        let rests = [
            "",
            "hello there",
            "Maya: hi, can you hear me?",
            "From Ana Diaz to Everyone : hi all",
            "From  Sonya : thanks!\r",
            "SPEAKER_00 - so what happened next",
            "[Bob] - yes",
            "note: 3:02 PM ",
            "\r",
        ];
        let whole = |re: &Regex| Regex::new(&format!("{}(.*)$", re.as_str())).unwrap();
        let (first_whole, chat_whole) = (whole(&TIME_FIRST), whole(&ZOOM_CHAT));
        let (dash_whole, after_whole) = (whole(&DASH_NAME), whole(&TIME_AFTER_NAME));
        let (mut first, mut chat, mut dash, mut after) = (0, 0, 0, 0);
        for o in opens {
            for c in clocks {
                for r in ranges {
                    for cl in closes {
                        for sep in seps {
                            for rest in rests {
                                let line = format!("{o}{c}{r}{cl}{sep}{rest}");
                                if same_as_capturing(&TIME_FIRST, &first_whole, 5, &line) {
                                    first += 1;
                                    let at = TIME_FIRST.find(&line).unwrap().end();
                                    let rest = &line[at..];
                                    chat += usize::from(same_as_capturing(
                                        &ZOOM_CHAT,
                                        &chat_whole,
                                        2,
                                        rest,
                                    ));
                                    dash += usize::from(same_as_capturing(
                                        &DASH_NAME,
                                        &dash_whole,
                                        2,
                                        rest,
                                    ));
                                }
                                let named = format!("Maya Lin{sep}{o}{c}{r}{cl}:{sep}{rest}");
                                after += usize::from(same_as_capturing(
                                    &TIME_AFTER_NAME,
                                    &after_whole,
                                    4,
                                    &named,
                                ));
                                let bare = format!("**Dr. O'Neil** {o}{c}{cl}: {rest}");
                                after += usize::from(same_as_capturing(
                                    &TIME_AFTER_NAME,
                                    &after_whole,
                                    4,
                                    &bare,
                                ));
                            }
                        }
                    }
                }
            }
        }
        assert!(
            first > 2000 && chat > 200 && dash > 200 && after > 2000,
            "{first} {chat} {dash} {after}"
        );
    }

    #[test]
    fn otter_header_examples() {
        assert_eq!(
            otter_header("Jonah Reyes  0:01"),
            Some(("Jonah Reyes", "0:01"))
        );
        assert_eq!(
            otter_header("Speaker 2  1:02:03  "),
            Some(("Speaker 2", "1:02:03"))
        );
        assert_eq!(
            otter_header("We met at 10:30"),
            Some(("We met at", "10:30"))
        );
        assert_eq!(otter_header("  Ana  0:01"), None);
        assert_eq!(otter_header("Ana 123:45"), None);
        assert_eq!(otter_header(&format!("{}  0:01", "a".repeat(66))), None);
    }

    #[test]
    fn role_words_in_any_case_and_nothing_else() {
        assert_eq!(declared_role(" Interviewer "), Some(true));
        assert_eq!(declared_role("INTERVIEWED BY"), Some(true));
        assert_eq!(declared_role("customers"), Some(false));
        assert_eq!(declared_role("Participant"), Some(false));
        assert_eq!(declared_role("Jonah Reyes"), None);
        assert_eq!(declared_role("hostess"), None);
        assert_eq!(declared_role("Clíent"), None);
        assert_eq!(declared_role(""), None);
    }

    fn read(s: &str) -> Transcript {
        let f = detect_and_classify(s).0.expect("detected");
        parse(s, f).expect("parsed")
    }

    fn turns(t: &Transcript) -> Vec<(String, String, u32)> {
        t.turns
            .iter()
            .map(|u| (t.speakers[u.speaker].name.clone(), u.text.clone(), u.line))
            .collect()
    }

    #[test]
    fn plain_with_continuations_and_inner_colons() {
        let t = read(
            "Maya: Hi Tom. Here's the thing: we want to learn.\nTom: Sure.\nHere's the thing: I was late.\nAnd more.\nMaya: Why?\n",
        );
        assert_eq!(t.format, Format::Plain);
        assert_eq!(
            turns(&t),
            vec![
                (
                    "Maya".into(),
                    "Hi Tom. Here's the thing: we want to learn.".into(),
                    1
                ),
                (
                    "Tom".into(),
                    "Sure. Here's the thing: I was late. And more.".into(),
                    2
                ),
                ("Maya".into(), "Why?".into(), 5),
            ]
        );
    }

    #[test]
    fn consecutive_lines_of_one_speaker_merge() {
        let t = read("Ana: One.\nAna: Two.\nBo: Three.\n");
        assert_eq!(t.turns.len(), 2);
        assert_eq!(t.turns[0].text, "One. Two.");
    }

    #[test]
    fn timestamped_variants() {
        let t =
            read("[00:00:03] Ana: Hello there\n[00:00:07] Bo: Hi\n[00:01:10] Ana: So, tell me.\n");
        assert_eq!(t.format, Format::Timestamped);
        assert_eq!(t.turns[1].start, Some(7.0));
        let t = read("00:00:03 Ana: Hello there\n00:00:07 Bo: Hi\n");
        assert_eq!(t.format, Format::Timestamped);
        assert_eq!(t.turns[0].text, "Hello there");
        let t = read("Ana (00:00:03): Hello there\nBo (00:00:07): Hi\n");
        assert_eq!(t.format, Format::Timestamped);
        assert_eq!(t.speakers[1].name, "Bo");
        let t = read(
            "[0:00:06.835000 - 0:00:07.235000] SPEAKER_00 -  Hello.\n[0:00:12.520000 - 0:00:13] SPEAKER_03 - It's all right.\n",
        );
        assert_eq!(t.turns[1].start, Some(12.52));
        assert_eq!(t.turns[1].end, Some(13.0));
        assert_eq!(t.speakers[1].name, "SPEAKER_03");
        let t = read(
            "[00:00:10 -> 00:00:15] [SPEAKER_01]: text one\n[00:00:16 -> 00:00:18] [SPEAKER_00]: text two\n",
        );
        assert_eq!(t.speakers[0].name, "SPEAKER_01");
    }

    #[test]
    fn a_timestamp_every_few_turns_still_starts_a_turn() {
        // Most lines are `Name: text`; some carry a timestamp first. Read as plain, the timed
        // lines were text: the first was dropped before any speaker and the others joined the
        // turn before them, another speaker's.
        let text = "[00:00:02] Speaker 0: welcome back to the show\n\
                    Speaker 1: thanks for having me\n\
                    Speaker 0: so how did it start\n\
                    [00:00:51] Speaker 1: it was more like five years of backing off\n\
                    Speaker 0: huh so the books were last\n\
                    Speaker 1: oh yeah the green ledger\n\
                    [00:01:34] Speaker 0: and was three eighty always the number or\n\
                    Speaker 1: no the bank's number was three hundred\n";
        let t = read(text);
        assert_eq!(t.format, Format::Timestamped);
        let speakers: Vec<&str> = t
            .turns
            .iter()
            .map(|u| t.speakers[u.speaker].name.as_str())
            .collect();
        assert_eq!(speakers.len(), 8);
        assert!(speakers.chunks(2).all(|p| p == ["Speaker 0", "Speaker 1"]));
        assert_eq!(t.turns[0].text, "welcome back to the show");
        assert_eq!(
            t.turns[3].text,
            "it was more like five years of backing off"
        );
        assert_eq!(t.turns[3].start, Some(51.0));
        assert_eq!(t.turns[4].start, None);
        // One timed line is enough when its label is a speaker's …
        let one = read("[00:00:02] Ana: Hello\nBo: Hi\nAna: So?\nBo: Well.\n");
        assert_eq!(one.format, Format::Timestamped);
        assert_eq!(one.turns.len(), 4);
        assert_eq!(one.turns[0].text, "Hello");
        // … but a time and a word that is no speaker's stay text in a plain transcript.
        let aside = read("Ana: Hello\nBo: Hi, we met at\n12:30 Lunch: on the Tuesday.\nAna: So?\n");
        assert_eq!(aside.format, Format::Plain);
        assert_eq!(aside.turns.len(), 3);
        assert_eq!(
            aside.turns[1].text,
            "Hi, we met at 12:30 Lunch: on the Tuesday."
        );
        // A schedule pasted into an answer, one of its labels twice: still the answer's text.
        let schedule = read(
            "Ana: What did Monday look like?\nBo: my Monday:\n09:00 Standup: tickets\n\
             11:00 Deep work: none\n14:00 Standup: again\nAna: And Tuesday?\nBo: The same.\n",
        );
        assert_eq!(schedule.format, Format::Plain);
        assert_eq!(schedule.speakers.len(), 2);
        assert_eq!(schedule.turns.len(), 4);
        assert!(schedule.turns[1].text.ends_with("14:00 Standup: again"));
    }

    #[test]
    fn markdown_with_a_timestamp_before_some_labels_starts_a_turn_at_each() {
        let text = "# Interview\n\n[00:00:05] **Sam:** Tell me about the last close.\n\n\
                    **Ana:** Last Friday. I fixed the totals \\[by hand\\].\n\n\
                    **Sam:** Do you like your tool?\n\n\
                    [00:01:40] **Ana:** Not really. Four hours a month.\n\n\
                    **Sam:** What did you try before?\n\n\
                    **Ana:** An add-on.\n";
        let t = read(text);
        assert_eq!(t.format, Format::Markdown);
        let got: Vec<(String, String)> = t
            .turns
            .iter()
            .map(|u| (t.speakers[u.speaker].name.clone(), u.text.clone()))
            .collect();
        let want = [
            ("Sam", "Tell me about the last close."),
            ("Ana", "Last Friday. I fixed the totals [by hand]."),
            ("Sam", "Do you like your tool?"),
            ("Ana", "Not really. Four hours a month."),
            ("Sam", "What did you try before?"),
            ("Ana", "An add-on."),
        ];
        assert_eq!(got.len(), want.len(), "{got:?}");
        for ((n, x), (wn, wx)) in got.iter().zip(want) {
            assert_eq!((n.as_str(), x.as_str()), (wn, wx));
        }
        assert_eq!(t.turns[3].start, Some(100.0));
        assert_eq!(t.turns[3].line, 9);
        // A timed line whose label is no recurring speaker's stays the answer's text.
        let aside = read(
            "**Ana:** What did Monday look like?\n**Bo:** Busy:\n09:00 **Standup:** tickets\n\
             **Ana:** And Tuesday?\n**Bo:** The same.\n",
        );
        assert_eq!(aside.format, Format::Markdown);
        assert_eq!(aside.turns.len(), 4);
        assert!(
            aside.turns[1].text.ends_with("tickets"),
            "{:?}",
            aside.turns[1].text
        );
        // A chat pasted into an answer, its labels the speakers' names but not bold: the
        // answer's text, as before.
        let chat = format!(
            "{text}\n**Sam:** And the team?\n\n**Ana:** They wrote:\n\
             [10:02] Sam: did you push the totals?\n[10:05] Ana: not yet\n"
        );
        let t = read(&chat);
        assert_eq!(t.turns.len(), 8, "{:?}", t.turns);
        assert!(
            t.turns[7].text.ends_with("[10:05] Ana: not yet"),
            "{:?}",
            t.turns[7].text
        );
        // Bold quotes timed later in the call, above the transcript (the times go back):
        // not turns of their own, as before.
        let highlights = format!(
            "## Highlights\n\n[00:12:30] **Ana:** We fix the totals by hand.\n\n\
             [00:20:05] **Sam:** So would you pay for that?\n\n{text}"
        );
        let t = read(&highlights);
        assert_eq!(t.format, Format::Markdown);
        assert!(
            !t.turns.iter().any(|u| u.text.contains("would you pay")),
            "{:?}",
            t.turns
        );
        assert!(t.turns.len() < 6);
        // Only one speaker's bold label recurs (Ana's starts one line): a timed bold label
        // inside her answer is a note she read out, not a turn, though Sam's label recurs.
        let one = read(
            "**Sam:** How do you close the books?\n\n**Ana:** By hand. My notes said:\n\
             [00:02:00] **Sam:** ask about the totals\n\n**Sam:** And the totals?\n\n\
             **Sam:** Anything else?\n",
        );
        assert_eq!(one.format, Format::Markdown);
        assert_eq!(one.turns.len(), 3, "{:?}", one.turns);
        // Sam's next turn starts at his untimed label (line 4 if the timed one counted).
        assert_eq!(one.turns[2].line, 6, "{:?}", one.turns);
        assert!(
            one.turns[1].text.ends_with("ask about the totals"),
            "{:?}",
            one.turns[1].text
        );
    }

    #[test]
    fn rev_and_otter_headers() {
        let t = read(
            "Speaker 1 (00:01):\nThanks for joining.\n\nLenny (01:02:39):\nToday my guest is here.\n\n (00:47):\nAn ad read.\n",
        );
        assert_eq!(t.format, Format::Rev);
        assert_eq!(t.turns[1].start, Some(3759.0));
        assert_eq!(t.speakers[2].name, UNKNOWN_SPEAKER);
        let t = read(
            "R1  0:00  \nSo firstly, could you tell us about your work?\n\nP3  0:12  \nSure. I work on things.\n\nMore of that.\n\nTranscribed by https://otter.ai\n",
        );
        assert_eq!(t.format, Format::Otter);
        assert_eq!(turns(&t)[1].1, "Sure. I work on things. More of that.");
        assert_eq!(t.turns[1].line, 5);
    }

    #[test]
    fn markdown_with_front_matter_and_escapes() {
        let t = read(
            "---\ntitle: x\ninterviewer: Mat Ryer\ndate: 2024-03-02\n---\n# Episode\n\n**Mat Ryer:** Hello \\[laughs\\] there.\n\n**Tom Wilkie**: Hi.\n",
        );
        assert_eq!(t.format, Format::Markdown);
        assert_eq!(t.turns[0].text, "Hello [laughs] there.");
        assert_eq!(t.declared.interviewers, vec!["Mat Ryer".to_string()]);
        assert_eq!(t.declared.date.as_deref(), Some("2024-03-02"));
        let p = t.turns[0].position(t.turns[0].text.find("there").unwrap());
        assert_eq!((p.line, p.column), (8, 32));
    }

    #[test]
    fn meet_boilerplate_and_bare_times() {
        let t = read(
            "Call - 2024/11/21 15:51 GMT - Transcript\nAttendees\nAna B, Bo C\nThis editable transcript was computer generated and might contain errors.\nAna B: Welcome.\n00:05:00\nBo C: Thanks.\nTranscription ended after 00:30:30\n",
        );
        assert_eq!(t.format, Format::GoogleMeet);
        assert_eq!(turns(&t).len(), 2);
        assert_eq!(t.declared.date.as_deref(), Some("2024-11-21"));
    }

    #[test]
    fn header_declarations() {
        let t = read(
            "Interviewer: Maya Chen\nDate: 2025-01-04\n\nMaya Chen: How do you plan?\nTom: In a sheet.\nMaya Chen: Why?\n",
        );
        assert_eq!(t.declared.interviewers, vec!["Maya Chen".to_string()]);
        assert_eq!(t.turns.len(), 3);
    }

    #[test]
    fn lowercase_recurring_labels() {
        let t = read(
            "interviewer: so tell me.\ninterviewee: well, ok.\ninterviewer: and then?\ninterviewee: fine.\n",
        );
        assert_eq!(t.speakers.len(), 2);
    }

    #[test]
    fn prose_is_not_a_transcript() {
        assert_eq!(
            detect_and_classify("The answer: yes.\nWe went home.\nNothing else happened today.").0,
            None
        );
    }
}
