//! Properties that hold for every input: no panic on any bytes; a well-formed transcript in
//! any format reads back as the turns it was written from; every finding points inside the
//! source; every ratio lies in [0, 1]. `PROPTEST_CASES=10000 cargo test --test properties`
//! runs them harder.

use candor::{Analyzer, Config, Format, decode, invariants, parse};
use proptest::prelude::*;
use std::sync::LazyLock;

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(|| Analyzer::new(Config::default()).unwrap());

const NAMES: &[&str] = &[
    "Maya Chen",
    "Tom",
    "Dr. Ada Obi",
    "Zoë Ng",
    "李雷",
    "Sam O'Neill",
    "Priya",
];

const WORDS: &[&str] = &[
    "so",
    "how",
    "do",
    "you",
    "handle",
    "that",
    "would",
    "buy",
    "it",
    "our",
    "app",
    "is",
    "slow",
    "tell",
    "me",
    "about",
    "the",
    "last",
    "time",
    "I",
    "see",
    "what",
    "happened",
    "next",
    "um",
    "like",
    "right",
    "café",
    "£20",
    "don't",
    "it's",
    "frustrating",
    "why",
    "Ciarán",
    "spreadsheet",
    "every",
    "Monday",
    "pay",
    "for",
    "really",
    "yeah",
];

/// A sentence: words with a full stop, a question mark or nothing at the end.
fn sentence() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop::sample::select(WORDS), 1..12),
        prop::sample::select(&[".", "?", "", "!"][..]),
    )
        .prop_map(|(words, end)| {
            let mut s = words.join(" ");
            if let Some(first) = s.get(..1) {
                s.replace_range(..1, &first.to_uppercase());
            }
            s + end
        })
}

/// A turn's text: one to four sentences on one line.
fn utterance() -> impl Strategy<Value = String> {
    prop::collection::vec(sentence(), 1..4).prop_map(|s| s.join(" "))
}

/// Turns of two to four speakers, each turn's speaker different from the one before.
fn conversation() -> impl Strategy<Value = Vec<(usize, String)>> {
    (
        2usize..5,
        prop::collection::vec((0usize..4, utterance()), 2..14),
    )
        .prop_map(|(speakers, raw)| {
            let mut out: Vec<(usize, String)> = Vec::new();
            for (i, (s, text)) in raw.into_iter().enumerate() {
                let mut s = s % speakers;
                if i < speakers {
                    s = i; // everyone speaks
                }
                if out.last().is_some_and(|(p, _)| *p == s) {
                    s = (s + 1) % speakers;
                }
                out.push((s, text));
            }
            out
        })
}

fn clock(secs: f64, sep: char) -> String {
    let ms = (secs * 1000.0).round() as u64;
    format!(
        "{:02}:{:02}:{:02}{sep}{:03}",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        ms % 1000
    )
}

fn json_str(s: &str) -> String {
    serde_json_escape(s)
}

fn serde_json_escape(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes the conversation in `format`, turn `k` starting at `5k` seconds.
fn render(turns: &[(usize, String)], format: Format) -> String {
    let name = |s: usize| NAMES[s];
    let mut out = String::new();
    match format {
        Format::Plain => {
            for (s, t) in turns {
                out += &format!("{}: {t}\n", name(*s));
            }
        }
        Format::Timestamped => {
            for (k, (s, t)) in turns.iter().enumerate() {
                out += &format!("[{}] {}: {t}\n", &clock(5.0 * k as f64, '.')[..8], name(*s));
            }
        }
        Format::Markdown => {
            out += "# Interview notes\n\n";
            for (s, t) in turns {
                out += &format!("**{}:** {t}\n\n", name(*s));
            }
        }
        Format::WebVtt => {
            out += "WEBVTT\n\n";
            for (k, (s, t)) in turns.iter().enumerate() {
                let a = 5.0 * k as f64;
                out += &format!(
                    "{}\n{} --> {}\n<v {}>{t}</v>\n\n",
                    k + 1,
                    clock(a, '.'),
                    clock(a + 4.0, '.'),
                    name(*s)
                );
            }
        }
        Format::Srt => {
            for (k, (s, t)) in turns.iter().enumerate() {
                let a = 5.0 * k as f64;
                out += &format!(
                    "{}\n{} --> {}\n{}: {t}\n\n",
                    k + 1,
                    clock(a, ','),
                    clock(a + 4.0, ','),
                    name(*s)
                );
            }
        }
        Format::Json => {
            let items: Vec<String> = turns
                .iter()
                .enumerate()
                .map(|(k, (s, t))| {
                    format!(
                        "{{\"speaker\": {}, \"text\": {}, \"start\": {}, \"end\": {}}}",
                        json_str(name(*s)),
                        json_str(t),
                        5 * k,
                        5 * k + 4
                    )
                })
                .collect();
            out = format!("[\n{}\n]\n", items.join(",\n"));
        }
        Format::WhisperJson => {
            let items: Vec<String> = turns
                .iter()
                .enumerate()
                .map(|(k, (s, t))| {
                    format!(
                        "{{\"id\": {k}, \"start\": {}.0, \"end\": {}.5, \"text\": {}, \"speaker\": {}}}",
                        5 * k,
                        5 * k + 4,
                        json_str(&format!(" {t}")),
                        json_str(name(*s))
                    )
                })
                .collect();
            out = format!("{{\"text\": \"\", \"segments\": [{}]}}", items.join(", "));
        }
        other => unreachable!("{other:?}"),
    }
    out
}

const FORMATS: &[Format] = &[
    Format::Plain,
    Format::Timestamped,
    Format::Markdown,
    Format::WebVtt,
    Format::Srt,
    Format::Json,
    Format::WhisperJson,
];

proptest! {
    #[test]
    fn any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        let report = ANALYZER.analyze_bytes(&bytes, None);
        if let Ok(d) = decode(&bytes) {
            prop_assert!(invariants::check(&d.text, &report).is_ok(), "{:?}", invariants::check(&d.text, &report));
        }
    }

    #[test]
    fn transcript_shaped_noise_never_panics(
        lines in prop::collection::vec(
            prop_oneof![
                Just("WEBVTT".to_string()),
                Just("".to_string()),
                Just("00:00:01.000 --> 00:00:02.000".to_string()),
                Just("00:01,000 --> 00:00,500".to_string()),
                Just("<v Ana>".to_string()),
                Just("NOTE x".to_string()),
                Just("{\"segments\": [".to_string()),
                Just("]}".to_string()),
                Just("12".to_string()),
                Just("[00:00:03] ".to_string()),
                "[A-Za-z]{1,8}: ".prop_map(String::from),
                utterance(),
                "[ -~]{0,40}",
            ],
            0..40,
        )
    ) {
        let text = lines.concat();
        let joined = lines.join("\n");
        for input in [text, joined] {
            // Every parser forced on it, as the fuzz targets do.
            let all: Vec<Format> = Format::all().collect();
            for pick in 0..all.len() as u8 {
                let forced = [&[pick][..], input.as_bytes()].concat();
                let check = invariants::parse_forced(&forced, &all);
                prop_assert!(check.is_ok(), "{check:?}\n{input}");
            }
            let report = ANALYZER.analyze_bytes(input.as_bytes(), None);
            if let Ok(d) = decode(input.as_bytes()) {
                let check = invariants::check(&d.text, &report);
                prop_assert!(check.is_ok(), "{check:?}\n{input}");
            }
        }
    }

    #[test]
    fn well_formed_transcripts_read_back(turns in conversation(), f in 0..FORMATS.len()) {
        let format = FORMATS[f];
        let source = render(&turns, format);
        let t = parse(source.as_bytes(), None).map_err(|e| TestCaseError::fail(format!("{e}\n{source}")))?;
        prop_assert_eq!(t.format, format, "{}", source);
        let got: Vec<(String, String)> = t
            .turns
            .iter()
            .map(|u| (t.speakers[u.speaker].name.clone(), u.text.clone()))
            .collect();
        let want: Vec<(String, String)> = turns
            .iter()
            .map(|(s, text)| (NAMES[*s].to_string(), text.clone()))
            .collect();
        prop_assert_eq!(got, want, "{}", source);
        if !matches!(format, Format::Plain | Format::Markdown) {
            for (k, u) in t.turns.iter().enumerate() {
                prop_assert_eq!(u.start, Some(5.0 * k as f64), "{}", source);
            }
        }
        // Every turn's line holds the start of its text in the source.
        let lines: Vec<&str> = source.split('\n').collect();
        for u in &t.turns {
            let line = lines[u.line as usize - 1];
            let first_word = u.text.split(' ').next().unwrap();
            let anywhere = lines[u.line as usize - 1..].iter().take(3).any(|l| l.contains(first_word));
            prop_assert!(anywhere, "line {} {:?} does not hold {:?}", u.line, line, first_word);
        }
    }

    #[test]
    fn findings_point_inside_the_source(turns in conversation(), f in 0..FORMATS.len()) {
        let source = render(&turns, FORMATS[f]);
        let report = ANALYZER.analyze_bytes(source.as_bytes(), None);
        prop_assert!(report.error.is_none(), "{:?}", report.error);
        let check = invariants::check(&source, &report);
        prop_assert!(check.is_ok(), "{check:?}\n{source}");
        // The words a finding points at are in its line.
        let lines: Vec<&str> = source.split('\n').collect();
        for finding in &report.findings {
            if finding.line == finding.end_line && finding.end_column > finding.column {
                let line: Vec<char> = lines[finding.line as usize - 1].chars().collect();
                let marked: String = line[finding.column as usize - 1..finding.end_column as usize - 1].iter().collect();
                prop_assert!(!marked.trim().is_empty(), "{finding:?}");
            }
        }
    }

    #[test]
    fn analysing_bytes_in_one_step_matches_parsing_then_analysing(turns in conversation(), f in 0..FORMATS.len()) {
        // analyze_bytes counts each turn's words once and shares the counts; the report must
        // be the one parse_decoded and analyze give separately.
        let source = render(&turns, FORMATS[f]);
        let d = decode(source.as_bytes()).map_err(|e| TestCaseError::fail(format!("{e}")))?;
        let t = candor::parse_decoded(&d, None).map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert_eq!(ANALYZER.analyze_bytes(source.as_bytes(), None), ANALYZER.analyze(t.clone()));
        prop_assert_eq!(ANALYZER.measure_decoded(&d, None), ANALYZER.measure(t));
    }
}
