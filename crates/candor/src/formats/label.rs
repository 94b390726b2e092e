//! Speaker labels: `Name: text` and its variants, and whether a prefix is a name at all.

/// A `Name: text` split: byte ranges in the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Label {
    pub name_start: usize,
    pub name_end: usize,
    pub text_start: usize,
    /// The label was marked up (`**Name:**`, `[Name]:`), which makes it more certain.
    pub marked: bool,
}

/// The longest speaker name candor takes, in bytes.
pub(crate) const MAX_NAME: usize = 64;

/// Splits a line into a speaker label and text:
/// `Name: text`, `Name : text`, `**Name:** text`, `**Name**: text`,
/// `__Name:__ text`, `[Name]: text`, `>> NAME: text`.
/// Only the shape is checked here; see [`plausible`] for the name itself.
pub(crate) fn split(line: &str) -> Option<Label> {
    let lead = line.len() - line.trim_start().len();
    let mut rest = &line[lead..];
    let mut offset = lead;
    if let Some(r) = rest.strip_prefix(">>") {
        let r2 = r.trim_start();
        offset += rest.len() - r2.len();
        rest = r2;
    }
    for marker in ["**", "__"] {
        if let Some(inner) = rest.strip_prefix(marker) {
            let close = inner.find(marker)?;
            let name_part = &inner[..close];
            let after = &inner[close + marker.len()..];
            let name_start = offset + marker.len();
            if let Some(name) = name_part.strip_suffix(':') {
                // **Name:** text
                let name = name.trim_end();
                return finish(
                    line,
                    name_start,
                    name_start + name.len(),
                    offset + 2 * marker.len() + close,
                    true,
                );
            }
            let after_trim = after.trim_start();
            if let Some(text) = after_trim.strip_prefix(':') {
                // **Name**: text
                let text_start = line.len() - text.len();
                return finish(
                    line,
                    name_start,
                    name_start + name_part.len(),
                    text_start,
                    true,
                );
            }
            return None;
        }
    }
    if let Some(inner) = rest.strip_prefix('[') {
        let close = inner.find(']')?;
        let after = inner[close + 1..].trim_start();
        let text = after.strip_prefix(':')?;
        let text_start = line.len() - text.len();
        return finish(line, offset + 1, offset + 1 + close, text_start, true);
    }
    // Name: text: the first colon followed by whitespace or the end of the line.
    let mut cut = rest.len().min(MAX_NAME + 2);
    while !rest.is_char_boundary(cut) {
        cut -= 1;
    }
    let colon = first_colon(&rest.as_bytes()[..cut])?;
    let width = rest[colon..].chars().next().map_or(1, char::len_utf8);
    let after = &rest[colon + width..];
    // A colon inside a time or a URL ("10:30", "https://") is no label; the full-width
    // colon of Chinese and Japanese text needs no space after it.
    if width == 1 && !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    let name = rest[..colon].trim_end();
    finish(
        line,
        offset,
        offset + name.len(),
        offset + colon + width,
        false,
    )
}

/// The offset of the first ASCII or full-width colon (EF BC 9A) in `b`, found with memchr
/// rather than by decoding every character.
fn first_colon(b: &[u8]) -> Option<usize> {
    memchr::memchr2_iter(b':', 0xEF, b)
        .find(|&i| b[i] == b':' || b[i + 1..].starts_with(&[0xBC, 0x9A]))
}

fn finish(
    line: &str,
    name_start: usize,
    name_end: usize,
    text_start: usize,
    marked: bool,
) -> Option<Label> {
    let name = line.get(name_start..name_end)?.trim();
    if name.is_empty() || name.len() > MAX_NAME {
        return None;
    }
    let text_start =
        text_start + (line[text_start..].len() - line[text_start..].trim_start().len());
    Some(Label {
        name_start,
        name_end,
        text_start,
        marked,
    })
}

/// Words that begin sentences or notes and are not names when they stand before a colon.
const NOT_NAMES: &[&str] = &[
    "about",
    "action",
    "action item",
    "action items",
    "actions",
    "addendum",
    "address",
    "agenda",
    "also",
    "and",
    "anyway",
    "attendees",
    "author",
    "background",
    "basically",
    "because",
    "bottom line",
    "break",
    "but",
    "caveat",
    "chapter",
    "conclusion",
    "context",
    "date",
    "decision",
    "decisions",
    "definition",
    "description",
    "duration",
    "e.g",
    "edit",
    "email",
    "end",
    "error",
    "example",
    "examples",
    "fact",
    "finally",
    "first",
    "fyi",
    "goal",
    "goals",
    "here",
    "here's",
    "honestly",
    "however",
    "https",
    "http",
    "i.e",
    "idea",
    "important",
    "in short",
    "issue",
    "it",
    "key",
    "kind",
    "language",
    "lesson",
    "link",
    "location",
    "meeting",
    "meeting notes",
    "next",
    "next steps",
    "no",
    "note",
    "notes",
    "now",
    "nb",
    "ok",
    "okay",
    "or",
    "outcome",
    "p.s",
    "part",
    "participants",
    "phone",
    "place",
    "point",
    "problem",
    "ps",
    "question",
    "questions",
    "quote",
    "re",
    "reason",
    "recap",
    "remember",
    "result",
    "results",
    "risk",
    "risks",
    "rule",
    "second",
    "section",
    "so",
    "solution",
    "source",
    "status",
    "step",
    "style",
    "subject",
    "summary",
    "takeaway",
    "takeaways",
    "tel",
    "then",
    "thing",
    "third",
    "time",
    "tip",
    "title",
    "tl;dr",
    "todo",
    "topic",
    "transcript",
    "update",
    "url",
    "warning",
    "well",
    "what",
    "when",
    "where",
    "why",
    "yes",
    "speakers",
    "present",
    "people",
];

/// Words that cannot start a name: articles, pronouns and sentence openers.
const NOT_FIRST_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "because", "but", "for", "from", "he", "her", "here", "here's",
    "his", "how", "i", "i'm", "if", "in", "is", "it", "it's", "its", "let's", "my", "now", "of",
    "on", "one", "or", "our", "she", "so", "that", "that's", "the", "their", "then", "there",
    "there's", "these", "they", "this", "those", "to", "we", "well", "what", "what's", "when",
    "where", "which", "who", "why", "with", "you", "your",
];

/// Lower-case particles that may sit inside a name ("Jerome de Tychey").
const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "del", "della", "al", "bin",
    "ibn", "y", "dos", "das", "ter", "ten", "st", "st.", "-", "&", "and",
];

/// Whether a label's shape allows a speaker name at all: length, characters, word count.
pub(crate) fn shape_ok(name: &str) -> bool {
    let name = name.trim();
    if name.is_empty() || name.len() > MAX_NAME {
        return false;
    }
    if name.contains("://")
        || name.chars().any(|c| {
            matches!(
                c,
                '?' | '!' | ';' | '"' | '“' | '”' | '<' | '>' | '{' | '}' | '|' | '\\' | '=' | '`'
            )
        })
    {
        return false;
    }
    // A list item or a heading ("- `key`: …", "* Note: …", "2. Pricing: …") is no label.
    let mut chars = name.chars();
    let lead = chars.next().unwrap_or(' ');
    if matches!(lead, '-' | '*' | '+' | '•' | '#' | '–' | '—') {
        return false;
    }
    let digits = name.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && name[digits..].starts_with(['.', ')']) {
        return false;
    }
    let words = name.split_whitespace().count();
    if words > 6 {
        return false;
    }
    // A label that is only digits and punctuation is a time or a number, not a name.
    if !name.chars().any(char::is_alphabetic) {
        return false;
    }
    !NOT_NAMES.contains(&name.to_lowercase().trim_end_matches('.'))
}

/// Whether a label reads like a person's name or a speaker label on its own,
/// without needing to recur: capitalised words, digits, particles.
pub(crate) fn looks_like_name(name: &str) -> bool {
    let name = name.trim();
    if !shape_ok(name) {
        return false;
    }
    let mut words = name.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let first_lower = first.to_lowercase();
    if NOT_FIRST_WORDS.contains(&first_lower.as_str()) {
        return false;
    }
    let capitalised = |w: &str| w.chars().next().is_some_and(|c| !c.is_lowercase());
    if !capitalised(first) {
        return false;
    }
    if name.split_whitespace().count() > 4 {
        return false;
    }
    words.all(|w| {
        capitalised(w)
            || PARTICLES.contains(&w.to_lowercase().as_str())
            || w.starts_with('(')
            || w.ends_with(')')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn first_colon_is_the_first_of_either_colon(text in "[a:：é。 ]{0,12}") {
            let want = text.find([':', '：']);
            proptest::prop_assert_eq!(first_colon(text.as_bytes()), want);
        }
    }

    fn name(line: &str) -> Option<(&str, &str)> {
        split(line).map(|l| (&line[l.name_start..l.name_end], &line[l.text_start..]))
    }

    #[test]
    fn splits() {
        assert_eq!(name("Maya: Hi there"), Some(("Maya", "Hi there")));
        assert_eq!(name("Dr. Chen: Good."), Some(("Dr. Chen", "Good.")));
        assert_eq!(
            name("Interviewer1 : OK donc"),
            Some(("Interviewer1", "OK donc"))
        );
        assert_eq!(name("**Mat Ryer:** Hello"), Some(("Mat Ryer", "Hello")));
        assert_eq!(name("**Mat Ryer**: Hello"), Some(("Mat Ryer", "Hello")));
        assert_eq!(name("__Ana:__ Hola"), Some(("Ana", "Hola")));
        assert_eq!(name("[SPEAKER_00]: so yes"), Some(("SPEAKER_00", "so yes")));
        assert_eq!(
            name(">> ALICE: Welcome back"),
            Some(("ALICE", "Welcome back"))
        );
        assert_eq!(name("Ana:"), Some(("Ana", "")));
        assert_eq!(name("主持人：你好"), Some(("主持人", "你好")));
        assert_eq!(
            name("Here's the thing: we"),
            Some(("Here's the thing", "we"))
        );
        assert_eq!(name("10:30 we met"), None);
        assert_eq!(name("see https://example.com"), None);
        assert_eq!(name("no colon here"), None);
    }

    #[test]
    fn names() {
        for ok in [
            "Maya",
            "Dr. Chen",
            "Jerome de Tychey",
            "SPEAKER_00",
            "Speaker 1",
            "P1",
            "$STDOUT",
            "Inglis, Jake",
            "Zoë",
            "李明",
            "Panagiotis Alexiou (Peter Alexiou)",
        ] {
            assert!(looks_like_name(ok), "{ok}");
        }
        for bad in [
            "Here's the thing",
            "So what I mean",
            "the answer",
            "Note",
            "Action",
            "Decision",
            "https",
            "10",
            "What happened next",
            "why",
            "I think",
            "- `labels`",
            "* Note",
            "- Maya",
            "# Findings",
            "2. Pricing",
            "3) Next steps",
            "`speaker`",
        ] {
            assert!(!looks_like_name(bad), "{bad}");
        }
        assert!(shape_ok("interviewer"));
        assert!(!looks_like_name("interviewer"));
        assert!(!shape_ok("Is it? Maybe"));
    }
}
