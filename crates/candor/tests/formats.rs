//! Every format fixture in fixtures/formats is read into the speakers, turns, lines and
//! times it was written with (fixtures/formats/make.py).

use std::path::PathBuf;

use candor::{Format, Role, RoleSource, Transcript};

fn read(rel: &str) -> Transcript {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/formats")
        .join(rel);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    candor::parse(&bytes, None).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn names(t: &Transcript) -> Vec<&str> {
    t.speakers.iter().map(|s| s.name.as_str()).collect()
}

fn who(t: &Transcript, i: usize) -> &str {
    &t.speakers[t.turns[i].speaker].name
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-6)
}

const LENA: &str = "Lena Fischer";
const SOREN: &str = "Søren Dahl";

#[test]
fn plain_with_header_continuation_and_inner_colons() {
    let t = read("plain/clinic.txt");
    assert_eq!(t.format, Format::Plain);
    assert_eq!(names(&t), [LENA, SOREN]);
    assert_eq!(t.turns.len(), 10);
    assert_eq!(t.declared.date.as_deref(), Some("2025-03-14"));
    assert_eq!(
        (t.speakers[0].role, t.speakers[0].role_source),
        (Role::Interviewer, RoleSource::Header)
    );
    let turn = &t.turns[3];
    assert_eq!(turn.line, 7);
    assert!(
        turn.text
            .ends_with("cancelled by text. Here's the thing: nobody saw the text until ten."),
        "{}",
        turn.text
    );
    let p = turn.position(turn.text.find("Here's").unwrap());
    assert_eq!((p.line, p.column), (8, 1));
    assert!(t.turns[5].text.contains("Dr. Amara Okafor"));
    assert!(t.turns[9].text.starts_with("Talk to Agent 47"));
    assert!(!t.is_timed());
}

#[test]
fn plain_lowercase_labels_with_a_space_before_the_colon() {
    let t = read("plain/french-labels.txt");
    assert_eq!(t.format, Format::Plain);
    assert_eq!(names(&t), ["interviewer", "interviewee"]);
    assert_eq!(t.speakers[0].role, Role::Interviewer);
    assert_eq!(t.turns.len(), 6);
    assert_eq!(
        t.turns[3].text,
        "la secrétaire a appelé trois personnes. personne n'a répondu. le créneau est resté vide."
    );
    assert_eq!(t.turns[3].lines().collect::<Vec<_>>(), [4, 5]);
}

#[test]
fn timestamped_text_in_three_layouts() {
    let t = read("timestamped/bracketed.txt");
    assert_eq!(t.format, Format::Timestamped);
    assert_eq!(names(&t), [LENA, SOREN]);
    assert_eq!(t.turns.len(), 10);
    assert!(close(t.turns[1].start, 7.0));
    assert!(
        close(t.turns[1].end, 10.0),
        "a turn ends when the next starts: {:?}",
        t.turns[1].end
    );
    assert!(
        t.turns[9].end.is_some_and(|e| e > 58.0),
        "the last turn lasts as long as its words"
    );

    let t = read("timestamped/name-then-time.txt");
    assert_eq!(t.format, Format::Timestamped);
    assert_eq!(names(&t), [LENA, SOREN]);
    assert_eq!(t.turns.len(), 6);
    assert!(close(t.turns[2].start, 10.0));

    let t = read("timestamped/pyannote.txt");
    assert_eq!(names(&t), ["SPEAKER_00", "SPEAKER_01"]);
    assert_eq!(t.turns.len(), 6);
    assert!(close(t.turns[0].start, 1.0) && close(t.turns[0].end, 6.5));
    assert!(close(t.turns[3].end, 31.0));
    assert!(t.turns[0].text.starts_with("Thanks for making time"));
}

#[test]
fn markdown_front_matter_headings_and_escapes() {
    let t = read("markdown/front-matter.md");
    assert_eq!(t.format, Format::Markdown);
    assert_eq!(names(&t), [LENA, SOREN]);
    assert_eq!(t.declared.interviewers, [LENA]);
    assert_eq!(t.declared.date.as_deref(), Some("2025-03-14"));
    assert_eq!(t.turns.len(), 4);
    assert_eq!(t.turns[1].line, 13);
    assert_eq!(
        t.turns[1].text,
        "Sure. We opened at eight [laughs] and two people were already waiting."
    );
    assert_eq!(t.speakers[0].role_source, RoleSource::Header);

    let t = read("markdown/bold-then-colon.md");
    assert_eq!(t.format, Format::Markdown);
    assert_eq!(names(&t), ["Gabe", "Lottie"]);
    assert_eq!(t.turns.len(), 5);
    assert_eq!(
        t.turns[1].text,
        "Mondays. Feedback arrives in every format - voice notes, emails, comments."
    );
    assert_eq!(
        t.turns[3].text,
        "I made a spreadsheet of every note. Then I sent it to all three hosts."
    );
}

#[test]
fn otter_exports() {
    let t = read("otter/two-spaces.txt");
    assert_eq!(t.format, Format::Otter);
    assert_eq!(names(&t), [LENA, SOREN, "Unknown Speaker"]);
    assert_eq!(t.turns.len(), 5);
    assert_eq!(
        t.turns[1].text,
        "Sure. We opened at eight and two people were already waiting. The nine o'clock cancelled by text."
    );
    assert!(close(t.turns[1].start, 7.0) && close(t.turns[1].end, 31.0));
    assert_eq!(t.speakers[2].role, Role::Other);
    assert!(!t.turns.iter().any(|u| u.text.contains("otter.ai")));

    let t = read("otter/one-space.txt");
    assert_eq!(t.format, Format::Otter);
    assert_eq!(names(&t), ["R1", "P3"]);
    assert_eq!(
        (t.speakers[0].role, t.speakers[1].role),
        (Role::Interviewer, Role::Interviewee)
    );
    assert!(close(t.turns[2].start, 3598.0));
    assert!(close(t.turns[3].start, 3605.0));
}

#[test]
fn rev_exports() {
    let t = read("rev/interview.txt");
    assert_eq!(t.format, Format::Rev);
    assert_eq!(names(&t), ["Speaker 1", "Speaker 2", "Unknown Speaker"]);
    assert_eq!(t.turns.len(), 5);
    assert_eq!(who(&t, 2), "Unknown Speaker");
    assert_eq!(t.speakers[2].role, Role::Other);
    assert_eq!(
        t.turns[1].text,
        "In a spreadsheet [crosstalk] mostly, and on the whiteboard."
    );
    assert_eq!(candor::count_words(&t.turns[1].text), 8);
    assert!(close(t.turns[3].start, 47.0));

    let t = read("rev/long.txt");
    assert_eq!(names(&t), ["Lenny", "Priya"]);
    assert!(close(t.turns[0].start, 3723.0));
    assert_eq!(
        t.turns[1].text,
        "That we should have talked to customers first. And that pricing is a conversation, not a page."
    );
}

#[test]
fn google_meet_exports() {
    let t = read("google-meet/docs.txt");
    assert_eq!(t.format, Format::GoogleMeet);
    assert_eq!(names(&t), ["Ana Silva", "Bo Lindqvist"]);
    assert_eq!(t.turns.len(), 4);
    assert_eq!(
        t.turns[1].text,
        "Every Monday, in a spreadsheet. Sometimes on Sunday night, if it's a bad week."
    );
    assert_eq!(t.declared.date.as_deref(), Some("2024-11-21"));
    assert!(!t.is_timed());

    let t = read("google-meet/markdown.md");
    assert_eq!(t.format, Format::GoogleMeet);
    assert_eq!(names(&t), ["Ana Silva", "Bo Lindqvist"]);
    assert_eq!(t.turns.len(), 3);
    assert_eq!(t.declared.date.as_deref(), Some("2023-11-16"));
}

#[test]
fn zoom_vtt_prefixes_and_a_cue_without_a_speaker() {
    let t = read("webvtt/zoom.vtt");
    assert_eq!(t.format, Format::WebVtt);
    assert_eq!(names(&t), [LENA, SOREN, "Unknown Speaker"]);
    assert_eq!(t.turns.len(), 6);
    let turn = &t.turns[1];
    assert_eq!(
        turn.text,
        "Happy to. It's a bit of a juggling act, honestly."
    );
    assert!(close(turn.start, 7.0) && close(turn.end, 10.0));
    assert_eq!(turn.line, 9);
    let p = turn.position(0);
    assert_eq!((p.line, p.column), (9, 13));
    // Cue 3 has no speaker: a voice Zoom could not attribute, not more of Søren's words.
    assert_eq!(who(&t, 2), "Unknown Speaker");
    assert_eq!(t.turns[2].text, "And sorry, one more thing");
    assert_eq!(t.speakers[2].role, Role::Other);
    assert!(close(t.turns[3].start, 14.5) && close(t.turns[3].spoken, 16.5));
    assert_eq!(who(&t, 3), SOREN);
}

#[test]
fn a_silence_of_minutes_ends_a_turn() {
    let vtt = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:05.000\nAna: Tell me about the last time you planned a trip.\n\n\
2\n00:00:06.000 --> 00:00:20.000\nBo: Last spring, to Porto, mostly on my phone.\n\n\
3\n00:00:21.000 --> 00:00:50.000\nAna: I see. Let me share my screen.\n\n\
4\n00:07:50.000 --> 00:08:10.000\nAna: Right, can you see it now?\n\n\
5\n00:08:11.000 --> 00:08:15.000\nBo: Yes.\n";
    let t = candor::parse(vtt.as_bytes(), None).unwrap();
    assert_eq!(t.turns.len(), 5, "{:?}", t.turns);
    assert!(close(t.turns[2].end, 50.0));
    assert!(close(t.turns[3].start, 470.0) && close(t.turns[3].spoken, 20.0));
    // A short pause inside a turn keeps it one turn.
    let near = vtt.replace(
        "00:07:50.000 --> 00:08:10.000",
        "00:00:55.000 --> 00:01:15.000",
    );
    let t = candor::parse(near.as_bytes(), None).unwrap();
    assert_eq!(t.turns.len(), 4);
    // The monologue rule sees 20 seconds after the silence, not eight minutes.
    let analyzer = candor::Analyzer::new(candor::Config::default()).unwrap();
    let r = analyzer.analyze_bytes(vtt.as_bytes(), None);
    assert!(
        !r.findings.iter().any(|f| f.rule == "interviewer-monologue"),
        "{:?}",
        r.findings
    );
}

#[test]
fn teams_vtt_with_bom_crlf_voice_spans_and_entities() {
    let t = read("webvtt/teams-crlf-bom.vtt");
    assert_eq!(names(&t), ["Fischer, Lena", "Dahl, Søren"]);
    assert_eq!(t.declared.interviewers, [LENA]);
    assert_eq!(
        (t.speakers[0].role, t.speakers[0].role_source),
        (Role::Interviewer, RoleSource::Header)
    );
    assert_eq!(t.turns.len(), 3);
    assert_eq!(
        t.turns[0].text,
        "Thanks for making time, Søren & team. I'm researching appointment books."
    );
    assert_eq!(
        t.turns[1].text,
        "Happy to. It's a juggling act. Decision: we keep the paper book."
    );
    assert_eq!(t.turns[1].line, 12);
    assert_eq!(t.turns[2].text, "Could you walk me through yesterday?");
}

#[test]
fn graph_vtt_with_lone_cr_and_invalid_timings_read_leniently() {
    let t = read("webvtt/graph-lone-cr.vtt");
    assert_eq!(names(&t), [LENA, SOREN]);
    assert_eq!(t.turns.len(), 3);
    assert!(close(t.turns[0].end, 5.32));
    assert!(close(t.turns[1].end, 12.25));
    assert!(close(t.turns[2].start, 61.0));
    let lines: Vec<Option<u32>> = t.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [Some(3), Some(6), Some(9)]);
    assert_eq!(t.turns[2].line, 10);
}

#[test]
fn whisperx_vtt_without_hours_with_blocks_settings_and_tags() {
    let t = read("webvtt/whisperx.vtt");
    assert_eq!(names(&t), ["SPEAKER_00", "SPEAKER_01"]);
    assert_eq!(t.turns.len(), 5);
    assert_eq!(
        t.turns[0].text,
        "Thanks for making time, Søren. I'm researching how small clinics handle their appointment book."
    );
    assert!(close(t.turns[4].start, 31.5));
}

#[test]
fn srt_with_and_without_indexes_and_in_windows_1252() {
    let t = read("srt/named.srt");
    assert_eq!(t.format, Format::Srt);
    assert_eq!(names(&t), [LENA, SOREN]);
    assert_eq!(t.turns.len(), 5);
    assert!(t.turns[0].text.starts_with("Thanks for making time"));
    assert!(!t.turns[0].text.contains("<i>"));
    assert!(close(t.turns[4].start, 31.5) && close(t.turns[4].end, 34.0));

    let t = read("srt/no-index-bom.srt");
    assert_eq!(t.format, Format::Srt);
    assert_eq!(names(&t), ["SPEAKER_00", "SPEAKER_01"]);
    assert_eq!(t.turns.len(), 5);

    let t = read("srt/windows-1252.srt");
    assert_eq!(names(&t), ["René", "Zoë"]);
    assert!(t.turns[1].text.contains("45 €"));
    assert!(t.warnings.iter().any(|w| w.message.contains("not UTF-8")));
}

#[test]
fn speech_to_text_json() {
    let t = read("json/whisper.json");
    assert_eq!(t.format, Format::WhisperJson);
    assert_eq!(names(&t), ["Unknown Speaker"]);
    assert!(
        t.warnings
            .iter()
            .any(|w| w.message.contains("no speaker labels"))
    );

    let t = read("json/whisperx.json");
    assert_eq!(t.format, Format::WhisperJson);
    assert_eq!(names(&t), ["SPEAKER_00", "SPEAKER_01"]);
    assert_eq!(t.turns.len(), 6);

    let t = read("json/aws.json");
    assert_eq!(t.format, Format::AwsJson);
    assert_eq!(names(&t), ["spk_0", "spk_1"]);
    assert_eq!(t.turns.len(), 4);
    assert!(
        t.turns[0]
            .text
            .starts_with("Thanks for making time Søren. I'm researching"),
        "{}",
        t.turns[0].text
    );
    assert!(t.turns[0].text.ends_with("appointment book."));

    let t = read("json/aws-call-analytics.json");
    assert_eq!(names(&t), ["AGENT", "CUSTOMER"]);
    assert_eq!(t.speakers[0].role, Role::Interviewer);
    assert!(close(t.turns[1].start, 2.6));

    let t = read("json/deepgram-utterances.json");
    assert_eq!(t.format, Format::DeepgramJson);
    assert_eq!(names(&t), ["Speaker 0", "Speaker 1"]);
    assert_eq!(t.turns.len(), 5);
    assert_eq!(t.declared.date.as_deref(), Some("2024-08-02"));

    let t = read("json/deepgram-words.json");
    assert_eq!(names(&t), ["Speaker 0", "Speaker 1"]);
    assert_eq!(t.turns.len(), 3);
    assert_eq!(
        t.turns[1].text,
        "Happy to. It's a bit of a juggling act, honestly."
    );

    let t = read("json/assemblyai.json");
    assert_eq!(t.format, Format::AssemblyAiJson);
    assert_eq!(names(&t), ["Speaker A", "Speaker B"]);
    assert!(close(t.turns[1].start, 7.0) && close(t.turns[1].end, 10.0));

    let t = read("json/revai.json");
    assert_eq!(t.format, Format::RevAiJson);
    assert_eq!(t.turns.len(), 3);
    assert_eq!(
        t.turns[2].text,
        "Could you walk me through yesterday morning?"
    );

    let t = read("json/google-stt.json");
    assert_eq!(t.format, Format::GoogleSttJson);
    assert_eq!(names(&t), ["Speaker 1", "Speaker 2"]);
    assert_eq!(
        t.turns[1].text,
        "Happy to. It's a bit of a juggling act, honestly."
    );

    let t = read("json/generic.json");
    assert_eq!(t.format, Format::Json);
    assert_eq!(names(&t), [LENA, SOREN]);
    assert_eq!(t.turns.len(), 4);
    assert!(close(t.turns[0].start, 31.5));
}

#[test]
fn text_encodings() {
    for (file, warned) in [
        ("encodings/utf16le-bom.txt", false),
        ("encodings/utf16be-bom.txt", false),
        ("encodings/utf16le-no-bom.txt", true),
    ] {
        let t = read(file);
        assert_eq!(names(&t), [LENA, SOREN], "{file}");
        assert_eq!(t.turns.len(), 4, "{file}");
        assert_eq!(!t.warnings.is_empty(), warned, "{file}");
    }
    let t = read("encodings/gb2312.txt");
    assert_eq!(names(&t), ["主持人", "受访者"]);
    assert_eq!(t.turns.len(), 4);
    assert_eq!(t.speakers[0].role, Role::Interviewer);
}

#[test]
fn forcing_a_format() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/formats/otter/two-spaces.txt");
    let bytes = std::fs::read(path).unwrap();
    let e = candor::parse(&bytes, Some(Format::Plain)).unwrap_err();
    assert!(e.to_string().contains("no speaker turns found"), "{e}");
    assert_eq!(
        candor::parse(&bytes, Some(Format::Otter))
            .unwrap()
            .turns
            .len(),
        5
    );
}

/// The Word files that Teams, Zoom, Otter, Rev and Google Meet write (fixtures/formats/docx,
/// made by its make.py in each tool's layout) read as the interview they hold.
#[test]
fn word_documents_from_five_tools() {
    const PRIYA: &str = "Priya Shah";
    const DANA: &str = "Dana Kowalski";
    for (file, format, speakers) in [
        (
            "teams.docx",
            Format::Otter,
            ["Priya Shah (She/Her)", "Kowalski, Dana (External)"],
        ),
        ("zoom.docx", Format::Otter, [PRIYA, DANA]),
        ("otter.docx", Format::Otter, [PRIYA, DANA]),
        ("rev.docx", Format::Rev, [PRIYA, DANA]),
        ("meet.docx", Format::GoogleMeet, [PRIYA, DANA]),
    ] {
        let t = read(&format!("docx/{file}"));
        assert_eq!(t.format, format, "{file}");
        assert_eq!(names(&t), speakers, "{file}");
        assert_eq!(t.turns.len(), 10, "{file}: {:?}", t.turns);
        assert_eq!(t.speakers[0].role, Role::Interviewer, "{file}");
        assert_eq!(t.speakers[1].role, Role::Interviewee, "{file}");
        assert_eq!(
            t.turns[2].text, "Could you walk me through the last time you filed one?",
            "{file}"
        );
        assert_eq!(
            t.turns[3].text,
            "Last Tuesday. I had eleven receipts from a trip to Leeds and three of them were \
             photos on my phone that I couldn't find.",
            "{file}"
        );
        // Footers ("stopped transcription", "Transcribed by", "Transcription ended") are not speech.
        assert_eq!(
            t.turns[9].text, "Talk to Sam in finance, he sees every report.",
            "{file}"
        );
        // Zoom's saved transcript gives the time of day (15:02:14); Meet gives none a turn.
        match file {
            "meet.docx" => assert!(!t.is_timed()),
            "zoom.docx" => assert!(close(t.turns[1].start, (15 * 60 + 2) as f64 * 60.0 + 11.0)),
            _ => assert!(
                close(t.turns[1].start, 11.0),
                "{file}: {:?}",
                t.turns[1].start
            ),
        }
        // Lines are paragraphs: a position points at one.
        let p = t.turns[2].position(0);
        assert!(p.line > 1, "{file}");
    }
    let t = read("docx/meet.docx");
    assert_eq!(t.declared.date.as_deref(), Some("2025-03-04"));
    assert_eq!((t.turns[0].line, t.turns[1].line), (6, 7));
}

#[test]
fn a_word_document_names_itself_in_the_report() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/formats/docx/rev.docx");
    let analyzer = candor::Analyzer::new(candor::Config::default()).unwrap();
    let r = analyzer.analyze_bytes(&std::fs::read(path).unwrap(), None);
    assert_eq!(r.error, None);
    assert_eq!(r.document.as_deref(), Some("docx"));
    assert_eq!(r.format, Some(candor::Format::Rev));
    let leading = r
        .findings
        .iter()
        .find(|f| f.rule == "leading-question")
        .expect("the leading question is flagged");
    // Line 23 is the paragraph that holds it.
    assert_eq!(leading.line, 23);
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["document"], "docx");
    // A text file's report has no `document` key at all.
    let r = analyzer.analyze_bytes(b"Ana: How do you plan?\nBo: In a sheet.", None);
    assert!(serde_json::to_value(&r).unwrap().get("document").is_none());
}

#[test]
fn broken_word_documents_and_pdfs_are_clear_errors() {
    // A zip without word/document.xml.
    let mut zip = Vec::new();
    {
        let mut w = std::io::Cursor::new(&mut zip);
        // A stored (uncompressed) archive written by hand: one file, `a.txt`.
        let name = b"a.txt";
        let data = b"hi";
        let crc: u32 = 0xd8932aac; // crc32("hi")
        let mut local = Vec::new();
        local.extend_from_slice(b"PK\x03\x04\x14\0\0\0\0\0\0\0\0\0");
        local.extend_from_slice(&crc.to_le_bytes());
        local.extend_from_slice(&2u32.to_le_bytes());
        local.extend_from_slice(&2u32.to_le_bytes());
        local.extend_from_slice(&(name.len() as u16).to_le_bytes());
        local.extend_from_slice(&0u16.to_le_bytes());
        local.extend_from_slice(name);
        local.extend_from_slice(data);
        let central_at = local.len() as u32;
        let mut central = Vec::new();
        central.extend_from_slice(b"PK\x01\x02\x14\0\x14\0\0\0\0\0\0\0\0\0");
        central.extend_from_slice(&crc.to_le_bytes());
        central.extend_from_slice(&2u32.to_le_bytes());
        central.extend_from_slice(&2u32.to_le_bytes());
        central.extend_from_slice(&(name.len() as u16).to_le_bytes());
        central.extend_from_slice(&[0; 12]);
        central.extend_from_slice(&0u32.to_le_bytes());
        central.extend_from_slice(name);
        let mut end = Vec::new();
        end.extend_from_slice(b"PK\x05\x06\0\0\0\0\x01\0\x01\0");
        end.extend_from_slice(&(central.len() as u32).to_le_bytes());
        end.extend_from_slice(&central_at.to_le_bytes());
        end.extend_from_slice(&0u16.to_le_bytes());
        use std::io::Write;
        w.write_all(&local).unwrap();
        w.write_all(&central).unwrap();
        w.write_all(&end).unwrap();
    }
    let e = candor::parse(&zip, None).unwrap_err().to_string();
    assert!(
        e.contains("not a readable Word document") && e.contains("word/document.xml"),
        "{e}"
    );
    // A truncated Word file.
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/formats/docx/teams.docx");
    let bytes = std::fs::read(path).unwrap();
    let e = candor::parse(&bytes[..bytes.len() / 2], None)
        .unwrap_err()
        .to_string();
    assert!(e.contains("not a readable Word document"), "{e}");
    let e = candor::parse(b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", None)
        .unwrap_err()
        .to_string();
    assert!(e.contains("PDF") && e.contains(".docx"), "{e}");
}

#[test]
fn teams_names_match_the_names_people_type() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/formats/docx/teams.docx");
    let bytes = std::fs::read(path).unwrap();
    for (interviewers, interviewees) in [
        (vec!["Priya Shah"], vec![]),
        (vec!["priya shah"], vec!["Dana Kowalski"]),
        (vec!["Priya"], vec![]),
        (vec!["Shah, Priya"], vec![]),
    ] {
        let config = candor::Config::default()
            .with_interviewers(interviewers.iter().copied())
            .with_interviewees(interviewees.iter().copied());
        let r = candor::Analyzer::new(config)
            .unwrap()
            .analyze_bytes(&bytes, None);
        let roles: Vec<(&str, Role, RoleSource)> = r
            .speakers
            .iter()
            .map(|s| (s.name.as_str(), s.role, s.role_source))
            .collect();
        assert_eq!(
            roles[0],
            ("Priya Shah (She/Her)", Role::Interviewer, RoleSource::Given),
            "{interviewers:?}"
        );
        assert_eq!(roles[1].1, Role::Interviewee, "{interviewers:?}");
        assert!(
            !r.warnings
                .iter()
                .any(|w| w.message.contains("no speaker matches")),
            "{interviewers:?}: {:?}",
            r.warnings
        );
    }
    // Dana, named the other way round, is Kowalski, Dana (External).
    let config = candor::Config::default().with_interviewers(["Dana Kowalski"]);
    let r = candor::Analyzer::new(config)
        .unwrap()
        .analyze_bytes(&bytes, None);
    assert_eq!(r.speakers[1].role, Role::Interviewer);
    assert_eq!(r.speakers[1].role_source, RoleSource::Given);
}

#[test]
fn teams_transcription_lines_are_not_speech() {
    let t = candor::parse(
        "Priya Shah started transcription\n\nPriya Shah   0:03\nHow do you plan the week?\n\n\
Dana Kowalski   0:09\nIn a spreadsheet.\n\nPriya Shah stopped transcription\n"
            .as_bytes(),
        None,
    )
    .unwrap();
    assert_eq!(t.turns.len(), 2);
    assert_eq!(t.turns[1].text, "In a spreadsheet.");
    // Speech that mentions it is still speech.
    let t = candor::parse(
        b"Ana: Tell me about the transcription.\nBo: We stopped transcription last year because it cost too much money for us.\n",
        None,
    )
    .unwrap();
    assert!(t.turns[1].text.ends_with("too much money for us."));
}

/// Meeting datasets keep the turns under a key of their own: QMSum's
/// `{"topic_list": …, "general_query_list": …, "meeting_transcripts": [{"speaker", "content"}]}`.
#[test]
fn json_turns_nested_under_a_dataset_key() {
    let src = r#"{
  "topic_list": [{"topic": "Receipts", "relevant_text_span": [["0", "3"]]}],
  "general_query_list": [{"query": "Summarise the meeting.", "answer": "They discussed receipts."}],
  "specific_query_list": [],
  "meeting_transcripts": [
    {"speaker": "Project Manager", "content": "Could you walk me through the last report you filed?"},
    {"speaker": "Marketing", "content": "Last Tuesday, eleven receipts, three of them lost."},
    {"speaker": "Project Manager", "content": "What did you do about the lost ones?"},
    {"speaker": "Marketing", "content": "I wrote to finance. It took a week."}
  ]
}"#;
    let t = candor::parse(src.as_bytes(), None).unwrap();
    assert_eq!(t.format, Format::Json);
    assert_eq!(names(&t), ["Project Manager", "Marketing"]);
    assert_eq!(t.turns.len(), 4);
    assert_eq!(t.turns[1].line, 7);
    assert_eq!(t.turns[3].text, "I wrote to finance. It took a week.");
    // One object further down, too.
    let nested = format!(
        r#"{{"meeting": {{"id": "ES2004a", "turns_of_talk": {}}}}}"#,
        &src[src.find("[\n    {").unwrap()..src.rfind(']').unwrap() + 1]
    );
    let t = candor::parse(nested.as_bytes(), None).unwrap();
    assert_eq!(t.turns.len(), 4);
    // Lists of text without speakers under an unknown key are not taken for turns.
    let e = candor::parse(
        br#"{"notes": [{"text": "buy milk"}, {"text": "call Bo"}]}"#,
        None,
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("not a transcript shape"), "{e}");
}
