//! Hostile inputs: each gets a clear error or a sensible result, never a panic or a hang.
//!
//! Sizes here are kept small enough for a debug build; `benches/hostile.sh` runs the same
//! shapes a hundred times larger in release and reports time and memory, which must grow
//! in proportion to the input.

use candor::{Analyzer, Config, Error, Format, Role, decode, invariants, parse};

fn analyzer() -> Analyzer {
    Analyzer::new(Config::default()).unwrap()
}

/// Analyses `bytes` and checks the report's invariants against the decoded text.
fn analyse(bytes: &[u8]) -> candor::Report {
    let report = analyzer().analyze_bytes(bytes, None);
    if let Ok(d) = decode(bytes) {
        invariants::check(&d.text, &report).unwrap();
    }
    report
}

/// Deterministic pseudo-random bytes.
fn noise(n: usize, mut seed: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

#[test]
fn empty_and_blank_files_are_empty() {
    for input in [
        &b""[..],
        b"   ",
        b"\n\n\t \r\n",
        b"\xEF\xBB\xBF",
        b"\xEF\xBB\xBF \n",
    ] {
        assert_eq!(parse(input, None).unwrap_err(), Error::Empty, "{input:?}");
        let r = analyse(input);
        assert!(r.error.unwrap().message.contains("empty"));
    }
}

#[test]
fn binary_garbage_is_not_a_transcript() {
    for seed in 1..20 {
        let bytes = noise(20_000, seed);
        match parse(&bytes, None) {
            Err(Error::Binary(why)) => assert!(why.contains("control characters"), "{why}"),
            other => panic!("seed {seed}: {other:?}"),
        }
    }
    // A PNG header and a ZIP (a .docx) are binary too.
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(noise(4_000, 7));
    assert!(matches!(parse(&png, None), Err(Error::Binary(_))));
    let mut zip = b"PK\x03\x04\x14\0\x06\0".to_vec();
    zip.extend(noise(4_000, 9));
    assert!(matches!(parse(&zip, None), Err(Error::Binary(_))));
}

#[test]
fn nul_bytes_inside_a_transcript_are_replaced() {
    let t = parse(b"Ana: hi\0 there\nBo: hello\0\0 you\nAna: ok?\n", None).unwrap();
    assert_eq!(t.turns.len(), 3);
    assert_eq!(t.turns[0].text, "hi\u{FFFD} there");
    // Mostly NUL is binary.
    let mut bytes = vec![0u8; 5_000];
    bytes.extend_from_slice(b"Ana: hi\nBo: yo\n");
    assert!(matches!(parse(&bytes, None), Err(Error::Binary(_))));
}

#[test]
fn invalid_utf8_in_the_middle_is_replaced_with_a_warning_at_its_line() {
    let bytes =
        b"Ana: caf\xc3\xa9 is fine?\nBo: this \xff\xfe is broken\nAna: and \xe2\x80\x99 ok?\n";
    let t = parse(bytes, None).unwrap();
    assert_eq!(t.turns.len(), 3);
    assert!(t.turns[1].text.contains('\u{FFFD}'));
    let w = &t.warnings[0];
    assert_eq!(w.line, Some(2), "{w:?}");
    assert!(w.message.contains("not valid UTF-8"), "{w:?}");
}

#[test]
fn utf16_without_a_bom_is_recognised() {
    let text = "Ana: hello there, how are you doing?\nBo: fine thanks, and you?\n";
    for bytes in [
        text.encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect::<Vec<u8>>(),
        text.encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect::<Vec<u8>>(),
    ] {
        let t = parse(&bytes, None).unwrap();
        assert_eq!(t.turns.len(), 2);
        assert_eq!(t.turns[1].text, "fine thanks, and you?");
        assert!(t.warnings[0].message.contains("byte-order mark"));
    }
}

#[test]
fn a_single_very_long_line_is_one_turn() {
    let words = [
        "the", "why", "would", "you", "use", "it", "so", "what", "next",
    ];
    let body: Vec<&str> = (0..200_000).map(|i| words[i * 7 % words.len()]).collect();
    // Unpunctuated, as raw speech-to-text.
    let line = format!("Ana: {}\n", body.join(" "));
    let t = parse(line.as_bytes(), None).unwrap();
    assert_eq!(t.turns.len(), 1);
    assert_eq!(candor::count_words(&t.turns[0].text), 200_000);
    let r = analyse(line.as_bytes());
    assert_eq!(r.metrics.unwrap().words, 200_000);
    // Punctuated, with an interviewer asking all of it: findings stay inside the line.
    let asked: String = body
        .iter()
        .enumerate()
        .map(|(i, w)| format!("{w}{} ", if i % 9 == 8 { "?" } else { "" }))
        .collect();
    let two = format!("Interviewer: {asked}\nCustomer: Fine.\n");
    let r = analyse(two.as_bytes());
    assert!(r.findings.iter().any(|f| f.rule == "interviewer-monologue"));
    assert!(r.findings.iter().all(|f| f.line == 1 || f.line == 2));
}

#[test]
fn many_one_word_turns() {
    let n = 100_000;
    let mut s = String::with_capacity(n * 12);
    for i in 0..n {
        s.push_str(if i % 2 == 0 {
            "Host: why?\n"
        } else {
            "Guest: because.\n"
        });
    }
    let r = analyse(s.as_bytes());
    let m = r.metrics.unwrap();
    assert_eq!(m.turns, n);
    assert_eq!(m.words, n);
    assert_eq!(r.speakers[0].role, Role::Interviewer);
}

#[test]
fn ten_thousand_speakers() {
    let mut s = String::new();
    for i in 0..10_000 {
        s.push_str(&format!(
            "Guest {i}: I run the night shift at depot {i}.\nHost: What happens at the start of it, Guest {i}?\n"
        ));
    }
    let r = analyse(s.as_bytes());
    assert_eq!(r.speakers.len(), 10_001);
    let host = r.speakers.iter().find(|s| s.name == "Host").unwrap();
    assert_eq!(host.role, Role::Interviewer);
    assert_eq!(r.metrics.unwrap().turns, 20_000);
}

#[test]
fn deeply_nested_vtt_tags() {
    let depth = 50_000;
    let cue = format!(
        "{}hello there{}",
        "<b><i>".repeat(depth),
        "</i></b>".repeat(depth)
    );
    let vtt = format!(
        "WEBVTT\n\n00:00.000 --> 00:01.000\n<v Ana>{cue}\n\n00:01.000 --> 00:02.000\n<v Bo>ok\n\n00:02.000 --> 00:03.000\n<v Ana>{}what now?\n",
        "<c.x>".repeat(depth)
    );
    let t = parse(vtt.as_bytes(), None).unwrap();
    assert_eq!(t.format, Format::WebVtt);
    assert_eq!(t.turns[0].text, "hello there");
    assert_eq!(t.turns[2].text, "what now?");
    analyse(vtt.as_bytes());
}

#[test]
fn timestamps_backwards_or_out_of_range() {
    let vtt = "WEBVTT\n\n00:10.000 --> 00:05.000\n<v Ana>What do you do?\n\n00:03.000 --> 00:04.000\n<v Bo>I fix boilers.\n\n99999999:00:00.000 --> 99999999:59:59.999\n<v Ana>And then?\n\n18446744073709551616:00:00.000 --> 18446744073709551617:00:00.000\n<v Bo>Nothing much.\n";
    let r = analyse(vtt.as_bytes());
    assert!(r.error.is_none(), "{:?}", r.error);
    let m = r.metrics.unwrap();
    assert!(
        m.duration_seconds
            .is_some_and(|d| d >= 0.0 && d.is_finite())
    );
    let srt = "1\n00:00:10,000 --> 00:00:02,000\nAna: What do you do?\n\n2\n99:99:99,999 --> 00:00:01,000\nBo: Boilers.\n";
    let r = analyse(srt.as_bytes());
    assert!(r.metrics.is_some() || r.error.is_some());
    let text =
        "[99:59:59] Ana: What now?\n[00:00:01] Bo: Nothing.\n[4294967296:00:00] Ana: Really?\n";
    analyse(text.as_bytes());
}

#[test]
fn json_with_huge_numbers_and_deep_nesting() {
    let huge = format!(
        r#"[{{"speaker":"A","text":"What do you do?","start":1e308,"end":-1e308}},{{"speaker":"B","text":"Boilers.","start":1{},"end":1}}]"#,
        "0".repeat(400)
    );
    let r = analyse(huge.as_bytes());
    let e = r.error.expect("a number out of range is an error");
    assert!(e.message.contains("out of range"), "{}", e.message);
    assert_eq!(e.line, Some(1));
    // Finite but absurd times are read; the report stays sane.
    let big = r#"[{"speaker":"A","text":"What do you do?","start":1e300,"end":-5},{"speaker":"B","text":"Boilers.","start":-1e300,"end":1e300}]"#;
    analyse(big.as_bytes());
    for deep in [
        format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
        format!("{}1{}", "{\"a\":".repeat(10_000), "}".repeat(10_000)),
        format!(
            r#"{{"segments":[{{"text":"hi","speaker":{}1{}}}]}}"#,
            "[".repeat(10_000),
            "]".repeat(10_000)
        ),
    ] {
        let r = analyse(deep.as_bytes());
        assert!(r.error.is_some(), "{:.60}", deep);
    }
}

#[test]
fn minified_json_is_read_in_linear_time() {
    // Minified JSON is one line. Turns found verbatim (Whisper segments) get their columns
    // counted on from the last one rather than from the line start each time, and turns
    // joined from word items (AWS Transcribe), which are not in the source verbatim, are
    // looked for only near the last one found: either way the time stays linear in the file.
    let words = ["so", "how", "do", "you", "plan", "the", "week", "now"];
    let mut segments = String::from(r#"{"segments":["#);
    for k in 0..20_000 {
        if k > 0 {
            segments.push(',');
        }
        let speaker = if k % 2 == 0 { "A" } else { "B" };
        let text: Vec<&str> = (0..12).map(|j| words[(k + j) % words.len()]).collect();
        segments.push_str(&format!(
            r#"{{"start":{k}.0,"end":{k}.5,"speaker":"{speaker}","text":" {}?"}}"#,
            text.join(" ")
        ));
    }
    segments.push_str("]}");
    let mut items = String::from(r#"{"results":{"transcripts":[{"transcript":""}],"items":["#);
    for k in 0..40_000 {
        if k > 0 {
            items.push(',');
        }
        let speaker = if (k / 40) % 2 == 0 { "spk_0" } else { "spk_1" };
        items.push_str(&format!(
            r#"{{"start_time":"{k}.0","end_time":"{k}.5","speaker_label":"{speaker}","alternatives":[{{"confidence":"0.99","content":"{}"}}],"type":"pronunciation"}}"#,
            words[k % words.len()]
        ));
    }
    items.push_str("]}}");
    for (json, want_words) in [(segments, 240_000), (items, 40_000)] {
        let r = analyse(json.as_bytes());
        assert!(r.error.is_none(), "{:?}", r.error);
        assert_eq!(r.speakers.len(), 2);
        let words: usize = r.speakers.iter().map(|x| x.words).sum();
        assert_eq!(words, want_words);
        for f in &r.findings {
            assert_eq!(f.line, 1, "{f:?}");
            assert!(f.column as usize <= json.len(), "{f:?}");
        }
    }
}

#[test]
fn noise_in_every_format_never_panics() {
    for seed in 0..200u64 {
        let mut bytes = match seed % 4 {
            0 => b"WEBVTT\n\n".to_vec(),
            1 => b"1\n00:00:01,000 --> 00:00:02,000\n".to_vec(),
            2 => b"{\"segments\":[".to_vec(),
            _ => b"Ana: ".to_vec(),
        };
        // Printable noise with the characters formats care about.
        let alphabet = b"Ana:Bo -->0123456789.,[]{}<>/v \n\"?";
        bytes.extend(
            noise(2_000, seed + 1)
                .iter()
                .map(|b| alphabet[*b as usize % alphabet.len()]),
        );
        analyse(&bytes);
    }
}

#[test]
fn findings_stop_being_listed_at_a_cap_but_still_count() {
    // Each turn is a hypothetical, closed question: two findings apiece, 14,000 in all.
    // (Short turns: in one turn of thousands of words the model's score alone no longer
    // flags a line, and the context layer, never trained on such a turn, decides.)
    let mut src = String::new();
    for _ in 0..7_000 {
        src.push_str("Interviewer: Would you pay for it?\nCustomer: No.\n");
    }
    let r = analyse(src.as_bytes());
    assert!(r.error.is_none(), "{:?}", r.error);
    // Sentence findings stop at the cap; the few about the whole transcript are always listed.
    let whole = [
        "talk-ratio",
        "interviewer-monologue",
        "no-referral-ask",
        "no-summary",
    ];
    let listed = r
        .findings
        .iter()
        .filter(|f| !whole.contains(&f.rule.as_str()))
        .count();
    assert_eq!(listed, 10_000);
    assert!(r.findings.iter().any(|f| f.rule == "no-referral-ask"));
    let w = r
        .warnings
        .iter()
        .find(|w| w.message.contains("stopped listing findings"))
        .expect("a warning says findings were left out");
    assert!(w.message.contains("10000"), "{}", w.message);
    // The unlisted ones still weigh in: as bad a score as it gets (every question a
    // hypothetical, weighed once a sentence: e^-2 of the half the problems weigh, and nothing
    // else earned).
    assert!(r.score.unwrap() < 10.0, "{:?}", r.score);
}
