//! WebVTT conformance, from the web-platform-tests file-parsing cases
//! (web-platform-tests/wpt, webvtt/parsing/file-parsing, BSD-3-Clause): the cases
//! about cue ids, text and timings, translated by hand into the table below; and,
//! when `CANDOR_SAMPLES` points at the shared samples, the original `.test` files
//! themselves, run through a small interpreter of their `assert_equals` lines.

use candor::vtt::parse_cues;

/// Runs the spec-mode parser over WebVTT bytes, after the same decoding candor applies.
fn cues(input: &str) -> Vec<candor::vtt::Cue> {
    let decoded = match candor::decode(input.as_bytes()) {
        Ok(d) => d.text,
        Err(_) => input.to_string(),
    };
    parse_cues(&decoded, false).expect("signature present").cues
}

fn ids(input: &str) -> Vec<String> {
    cues(input).into_iter().map(|c| c.id).collect()
}

fn texts(input: &str) -> Vec<String> {
    cues(input).into_iter().map(|c| c.text).collect()
}

#[test]
fn arrows() {
    let input = "WEBVTT\n\n-->\n00:00:00.000 --> 00:00:01.000\ntext1\nfoo-->\n00:00:00.000 --> 00:00:01.000\ntext2\n-->foo\n00:00:00.000 --> 00:00:01.000\ntext3\n--->\n00:00:00.000 --> 00:00:01.000\ntext4\n-->-->\n00:00:00.000 --> 00:00:01.000\ntext5\n00:00:00.000 --> 00:00:01.000\ntext6\n\n00:00:00.000 -a -->\n\n00:00:00.000 --a -->\n\n00:00:00.000 - -->\n\n00:00:00.000 -- -->\n";
    assert_eq!(
        texts(input),
        ["text1", "text2", "text3", "text4", "text5", "text6"]
    );
}

#[test]
fn ids_keep_their_spaces() {
    let input = "WEBVTT\n\n leading space\n00:00:00.000 --> 00:00:01.000\ntext1\n\ntrailing space \n00:00:00.000 --> 00:00:01.000\ntext2\n\n-- >\n00:00:00.000 --> 00:00:01.000\ntext3\n\n->\n00:00:00.000 --> 00:00:01.000\ntext4\n\n \n00:00:00.000 --> 00:00:01.000\ntext5";
    assert_eq!(
        ids(input),
        [" leading space", "trailing space ", "-- >", "->", " "]
    );
}

/// newlines.test. Its input has no blank line between cues, so by the parser algorithm
/// (index.bs, "collect a WebVTT block": a `-->` line in cue text sends `position` back to the
/// start of that line) each id line becomes the last line of the previous cue's text, and
/// `\n\r` is two line ends, leaving "lfcr" alone in a block. The WPT file expects ids
/// cr, lf, crlf, lfcr instead, which no reading of the algorithm yields; candor follows the
/// algorithm, and this test pins that it treats CR, LF and CRLF alike.
#[test]
fn every_line_ending() {
    let input = "WEBVTT\n\ncr\r00:00:00.000 --> 00:00:01.000\rtext1\rlf\n00:00:00.000 --> 00:00:01.000\ntext2\ncrlf\r\n00:00:00.000 --> 00:00:01.000\r\ntext3\r\nlfcr\n\r00:00:00.000 --> 00:00:01.000\n\rtext4\n\r";
    let c = cues(input);
    assert_eq!(
        c.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        ["cr", "", "", ""]
    );
    assert_eq!(
        c.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(),
        ["text1\nlf", "text2\ncrlf", "text3\nlfcr", ""]
    );
    // The same cues with blank lines between them, in each line ending, read as WPT expects.
    for nl in ["\r", "\n", "\r\n"] {
        let input = [
            "WEBVTT",
            "",
            "one",
            "00:00:00.000 --> 00:00:01.000",
            "text1",
            "",
            "two",
            "00:00:00.000 --> 00:00:01.000",
            "text2",
            "",
        ]
        .join(nl);
        let c = cues(&input);
        assert_eq!(
            c.iter()
                .map(|c| (c.id.as_str(), c.text.as_str()))
                .collect::<Vec<_>>(),
            [("one", "text1"), ("two", "text2")],
            "{nl:?}"
        );
    }
}

#[test]
fn nul_becomes_replacement_and_breaks_timings() {
    let input = "WEBVTT\n\0\n(null in previous line should make this line also part of the header)\n00:00:00.000 --> 00:00:01.000\ntext1\n\n\0 (null in id)\n00:00:00.000 --> 00:00:01.000\ntext2\n\n\u{FFFD} (null in cue data)\n00:00:00.000 --> 00:00:01.000\n\u{FFFD}text\x003\n\n00:00:00.000 --> 00:00:01.000 align\0:end\ntext4\n\n00:00:00.000 --> 00:00:01.000 align:end\0\ntext5\n\n00:00:00.000 --> 00:00:01.000\0align:end\ntext6\n\n00:00:00.000 --> 00:00:01.000\0 align:end\ntext7\n\n00:00:00.000\0 --> 00:00:01.000\n\"FAIL\"\n\n00:00:00.000 -->\x0000:00:01.000\n\"FAIL\"\n\n\x0000:00:00.000 --> 00:00:01.000\n\"FAIL\"\n\n0\x000:00:00.000 --> 00:00:01.000\n\"FAIL\"\n\n00\0:00:00.000 --> 00:00:01.000\n\"FAIL\"\n\n00:\x0000:00.000 --> 00:00:01.000\n\"FAIL\"\n\n00:0\x000:00.000 --> 00:00:01.000\n\"FAIL\"\n\n00:00\0:00.000 --> 00:00:01.000\n\"FAIL\"\n\n00:00:\x0000.000 --> 00:00:01.000\n\"FAIL\"\n\n00:00:0\x000.000 --> 00:00:01.000\n\"FAIL\"\n";
    let c = cues(input);
    assert_eq!(c.len(), 7);
    assert_eq!(c[0].text, "text1");
    assert_eq!(c[1].id, "\u{FFFD} (null in id)");
    assert_eq!(c[2].id, "\u{FFFD} (null in cue data)");
    assert_eq!(c[2].text, "\u{FFFD}text\u{FFFD}3");
    assert_eq!(
        c.iter()
            .skip(3)
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>(),
        ["text4", "text5", "text6", "text7"]
    );
}

#[test]
fn old_style_regions_do_not_stop_cues() {
    let input = "WEBVTT\n\nREGION: id=foo width=40% lines=3 regionanchor=0%,100% viewportanchor=10%,90% scroll=up\n\nREGION: id=bar width=40% lines=3 regionanchor=100%,100% viewportanchor=90%,90% scroll=up\n\n00:00:00.000 --> 00:00:01.000 region:foo\ntext1\n\n00:00:00.000 --> 00:00:01.000 region:bar\ntext2\n";
    assert_eq!(texts(input), ["text1", "text2"]);
}

#[test]
fn settings_do_not_change_ids_or_text() {
    let input = "WEBVTT\n\nid1\n00:00:00.000 --> 00:00:01.000 align:start line:1% vertical:lr size:50% position:25%\ntext1\n\nid2\n00:00:00.000 --> 00:00:01.000 align:center line:1 vertical:rl size:0% position:100%\ntext2";
    let c = cues(input);
    assert_eq!((c[0].id.as_str(), c[0].text.as_str()), ("id1", "text1"));
    assert_eq!((c[1].id.as_str(), c[1].text.as_str()), ("id2", "text2"));
    assert_eq!(
        c[0].settings,
        "align:start line:1% vertical:lr size:50% position:25%"
    );
}

#[test]
fn signature_without_newline_and_empty_files() {
    assert!(cues("WEBVTT").is_empty());
    assert!(cues("WEBVTT\n").is_empty());
    assert!(parse_cues("WEBVTTX\n", false).is_err());
    assert!(parse_cues(" WEBVTT\n", false).is_err());
}

#[test]
fn stylesheets_are_not_cues() {
    let input = "WEBVTT\n\nSTYLE\n::cue(#foo) {\n    width: 20px;\n} /*\nNOTE hello\n00:00:00.000 -- > 00:00:01.000\n*/\n.foo {\n    width: 19px;\n}\n\n.bar {\n    width: 18px;\n}\n\nfoo\n00:00:00.000 --> 00:00:01.000\ntext\n\nSTYLE\n::cue(::bar) {\n    width: 18px;\n}\n\nbar\n00:00:00.000 --> 00:00:01.000\ntext\n";
    assert_eq!(ids(input), ["foo", "bar"]);
}

fn times(input: &str) -> Vec<(String, f64, f64)> {
    cues(input)
        .into_iter()
        .map(|c| (c.text, c.start, c.end))
        .collect()
}

#[test]
fn negative_and_zero_length_timings_are_kept() {
    let input = "WEBVTT\n\n00:00:00.000 --> 00:00:00.000\ntext1\n\n00:00:01.000 --> 00:00:00.999\ntext2\n\n00:01:00.000 --> 00:00:59.999\ntext3\n\n01:00:00.000 --> 00:59:59.999\ntext4\n";
    let t = times(input);
    let expected = [(0.0, 0.0), (1.0, 0.999), (60.0, 59.999), (3600.0, 3599.999)];
    assert_eq!(t.len(), 4);
    for (i, (text, s, e)) in t.iter().enumerate() {
        assert_eq!(text, &format!("text{}", i + 1));
        assert!(
            (s - expected[i].0).abs() < 1e-9 && (e - expected[i].1).abs() < 1e-9,
            "{i}: {s} {e}"
        );
    }
}

#[test]
fn hours_may_be_omitted() {
    let input = "WEBVTT\n\n00:00.000 --> 00:00:01.000\ntext1\n\n00:00:00.000 --> 00:01.000\ntext2\n\n00:00.000 --> 00:01.000\ntext3\n";
    for (i, (text, s, e)) in times(input).into_iter().enumerate() {
        assert_eq!(text, format!("text{}", i + 1));
        assert_eq!((s, e), (0.0, 1.0));
    }
    assert_eq!(times(input).len(), 3);
}

#[test]
fn timestamps_too_long_are_invalid() {
    let input = "WEBVTT\n\n000:00:00.000 --> 00:00:01.000\ntext1\n\n00::00:00.000 --> 00:00:01.000\ninvalid\n\n00:000:00.000 --> 00:00:01.000\ninvalid\n\n00:00::00.000 --> 00:00:01.000\ninvalid\n\n00:00:000.000 --> 00:00:01.000\ninvalid\n\n00:00:00..000 --> 00:00:01.000\ninvalid\n\n00:00:00.0000 --> 00:00:01.000\ninvalid\n\n00:00.0000 --> 00:00:01.000\ninvalid\n\n000:00.000 --> 00:01.000\ninvalid\n\n00::00.000 --> 00:01.000\ninvalid\n\n00:000.000 --> 00:01.000\ninvalid\n\n00:00..000 --> 00:01.000\ninvalid\n\n00:00.0000 --> 00:01.000\ninvalid\n\n00:00.000 --> 000:01.000\ninvalid\n\n00:00:00.000 --> 000:00:01.000\ntext2\n";
    assert_eq!(
        times(input),
        [
            ("text1".to_string(), 0.0, 1.0),
            ("text2".to_string(), 0.0, 1.0)
        ]
    );
}

#[test]
fn timestamps_too_short_are_invalid() {
    let mut input = String::from("WEBVTT\n\n0:00:00.000 --> 00:00:01.000\ntext1\n\n");
    for bad in [
        "0000:00.000 --> 00:00:01.000",
        "00:0:00.000 --> 00:00:01.000",
        "00:0000.000 --> 00:00:01.000",
        "00:00:0.000 --> 00:00:01.000",
        "00:00:00000 --> 00:00:01.000",
        "00:00:00.00 --> 00:00:01.000",
        "00:00:00.0 --> 00:00:01.000",
        "00:00:00. --> 00:00:01.000",
        "00:00:00 --> 00:00:01.000",
        "00:00:0 --> 00:00:01.000",
        "00:00: --> 00:00:01.000",
        "00:00 --> 00:00:01.000",
        "00:0 --> 00:00:01.000",
        "00: --> 00:00:01.000",
        "00 --> 00:00:01.000",
        "0 --> 00:00:01.000",
        " --> 00:00:01.000",
        "0:00.000 --> 00:01.000",
        "0000.000 --> 00:01.000",
        "00:0.000 --> 00:01.000",
        "00:00000 --> 00:01.000",
        "00:00.00 --> 00:01.000",
        "00:00.0 --> 00:01.000",
        "00:00. --> 00:01.000",
        "0:00. --> 00:01.000",
        ":00. --> 00:01.000",
        "00. --> 00:01.000",
        "0. --> 00:01.000",
        ". --> 00:01.000",
        "00:00.000 --> 0:01.000",
    ] {
        input.push_str(bad);
        input.push_str("\ninvalid\n\n");
    }
    input.push_str("00:00:00.000 --> 0:00:01.000\ntext2\n");
    assert_eq!(
        times(&input),
        [
            ("text1".to_string(), 0.0, 1.0),
            ("text2".to_string(), 0.0, 1.0)
        ]
    );
}

#[test]
fn whitespace_around_timings() {
    let input = "WEBVTT\n\nspaces\n   00:00:00.000    -->  00:00:01.000 \n   text1\n\ntabs\n\t\t\t00:00:00.000\t\t\t\t-->\t\t00:00:01.000\t\ntext2\n\nform feed\n\x0c\x0c\x0c00:00:00.000\x0c\x0c\x0c\x0c-->\x0c\x0c00:00:01.000\x0c\ntext3\n\nvertical tab\n\x0b\x0b\x0b00:00:00.000\x0b\x0b\x0b\x0b-->\x0b\x0b00:00:01.000\x0b\ntext4\n";
    let c = cues(input);
    assert_eq!(
        c.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        ["spaces", "tabs", "form feed"]
    );
    assert_eq!(c[0].text, "   text1");
}

/// Lenient mode (what transcripts use) keeps the cues the spec drops, and nothing else.
#[test]
fn lenient_mode_differs_only_on_timestamps() {
    let input = "WEBVTT\n\n0:0:0.0 --> 0:0:1.5\nGraph\n\n00:00:60.000 --> 00:00:61.000\nsixty\n\n00:00:00.000 -a -->\nnot a cue\n\n00:00:00.000 --> 00:00:01.000\nok\n";
    let strict = parse_cues(input, false).unwrap();
    let lenient = parse_cues(input, true).unwrap();
    assert_eq!(
        strict
            .cues
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>(),
        ["ok"]
    );
    assert_eq!(
        lenient
            .cues
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>(),
        ["Graph", "sixty", "ok"]
    );
    assert!(lenient.cues[0].lenient && !lenient.cues[2].lenient);
}

/// Character references in cue text, after WPT's cue-text-parsing/entities.dat: the six the
/// spec's table names are decoded; malformed ones stay as written. candor also decodes
/// `&quot;`, `&apos;` and numeric references (`&#39;`), which transcript tools write and
/// the older test expects left alone: a deliberate difference, for readable transcripts.
#[test]
fn character_references_in_cue_text() {
    let cases = [
        ("&", "&"),
        ("&amp", "&amp"),
        ("&amp;", "&"),
        ("&AMP;", "&AMP;"),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("a&lrm;b", "a\u{200E}b"),
        ("a&rlm;b", "a\u{200F}b"),
        ("&nbsp;", "\u{00A0}"),
        ("&&", "&&"),
        ("&1", "&1"),
        ("&1;", "&1;"),
        ("&;", "&;"),
        ("&copy;", "&copy;"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&#x20;", " "),
    ];
    for (input, expected) in cases {
        let src = format!("WEBVTT\n\n00:00.000 --> 00:01.000\n<v Ana>x{input}x\n");
        let t = candor::parse(src.as_bytes(), None).unwrap();
        assert_eq!(t.turns[0].text, format!("x{expected}x"), "{input}");
    }
}

/// Decodes the escapes that WPT's build.py decodes with Python's `unicode_escape`.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('f') => out.push('\x0c'),
            Some('v') => out.push('\x0b'),
            Some('0') => out.push('\0'),
            Some('\\') => out.push('\\'),
            Some('\n') => {}
            Some('x') => {
                let hex: String = chars.by_ref().take(2).collect();
                out.push(
                    char::from_u32(u32::from_str_radix(&hex, 16).unwrap_or(0))
                        .unwrap_or('\u{FFFD}'),
                );
            }
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                out.push(
                    char::from_u32(u32::from_str_radix(&hex, 16).unwrap_or(0))
                        .unwrap_or('\u{FFFD}'),
                );
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Runs the original .test files when `CANDOR_SAMPLES` is set; skipped otherwise.
#[test]
fn wpt_test_files_when_available() {
    let Ok(dir) = std::env::var("CANDOR_SAMPLES") else {
        eprintln!("CANDOR_SAMPLES is not set: skipping the original WPT files");
        return;
    };
    let dir = std::path::Path::new(&dir).join("wpt-webvtt");
    // See `every_line_ending`: the algorithm cannot produce what this file expects.
    const DIVERGES: &[&str] = &["newlines.test"];
    let mut checked = 0;
    let assertion = regex::Regex::new(r#"^assert_equals\(cues(?:\.length|\[(\d+)\]\.(id|text|startTime|endTime)), ('[^']*'|"[^"]*"|[\d.]+)(?:,.*)?\);$"#).unwrap();
    for entry in std::fs::read_dir(&dir).expect("wpt-webvtt folder") {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("test")
            || DIVERGES.iter().any(|d| path.ends_with(d))
        {
            continue;
        }
        let src = std::fs::read_to_string(&path).unwrap();
        let (head, input) = src.split_once("\n===\n").expect("=== separator");
        let input = unescape(input);
        let parsed = match candor::decode(input.as_bytes()) {
            Ok(d) => parse_cues(&d.text, false)
                .map(|f| f.cues)
                .unwrap_or_default(),
            Err(_) => Vec::new(),
        };
        for line in head.lines().map(str::trim) {
            let Some(c) = assertion.captures(line) else {
                continue;
            };
            let expected = c[3].trim_matches(|q| q == '\'' || q == '"');
            let expected = unescape(expected);
            let name = path.file_name().unwrap().to_string_lossy();
            match (c.get(1), c.get(2)) {
                (None, _) => assert_eq!(parsed.len().to_string(), expected, "{name}: {line}"),
                (Some(i), Some(prop)) => {
                    let i: usize = i.as_str().parse().unwrap();
                    let cue = parsed
                        .get(i)
                        .unwrap_or_else(|| panic!("{name}: no cue {i}"));
                    match prop.as_str() {
                        "id" => assert_eq!(cue.id, expected, "{name}: {line}"),
                        "text" => assert_eq!(cue.text, expected, "{name}: {line}"),
                        "startTime" => assert!(
                            (cue.start - expected.parse::<f64>().unwrap()).abs() < 1e-9,
                            "{name}: {line}"
                        ),
                        _ => assert!(
                            (cue.end - expected.parse::<f64>().unwrap()).abs() < 1e-9,
                            "{name}: {line}"
                        ),
                    }
                }
                _ => unreachable!(),
            }
            checked += 1;
        }
    }
    assert!(checked >= 30, "only {checked} WPT assertions found");
}
