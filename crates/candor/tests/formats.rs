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
    assert_eq!(names(&t), [LENA, SOREN]);
    assert_eq!(t.turns.len(), 4);
    let turn = &t.turns[1];
    assert!(
        turn.text.starts_with(
            "Happy to. It's a bit of a juggling act, honestly. And sorry, one more thing Sure."
        ),
        "{}",
        turn.text
    );
    assert!(close(turn.start, 7.0) && close(turn.end, 31.0));
    assert!(close(turn.spoken, 3.0 + 3.5 + 16.5));
    assert_eq!(turn.line, 9);
    let p = turn.position(0);
    assert_eq!((p.line, p.column), (9, 13));
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
