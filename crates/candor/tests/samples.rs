//! Parses every real-world sample in `$CANDOR_SAMPLES` (the shared formats folder), when set:
//! each reads as the format its folder names, with speech, and without panicking. Skipped
//! when the variable is unset, so the project's own tests stand alone.

use std::path::Path;

/// The format each sample folder holds.
const FOLDERS: &[(&str, &str)] = &[
    ("assemblyai-json", "assemblyai-json"),
    ("aws-transcribe-json", "aws-transcribe-json"),
    ("deepgram-json", "deepgram-json"),
    ("google-meet", "google-meet"),
    ("google-stt-json", "google-stt-json"),
    ("markdown-bold", "markdown"),
    ("otter-txt", "otter"),
    ("plain-colon", "plain"),
    ("rev-json", "revai-json"),
    ("rev-txt", "rev"),
    ("srt", "srt"),
    ("teams-vtt", "webvtt"),
    ("timestamped-plain", "timestamped"),
    ("webvtt-generic", "webvtt"),
    ("whisper-json", "whisper-json"),
    ("whisper-vtt-srt", "webvtt"),
    ("whisperx-json", "whisper-json"),
    ("zoom-chat-txt", "timestamped"),
    ("zoom-vtt", "webvtt"),
];

/// Samples that hold no speech at all: a clear error is the right answer.
const NO_SPEECH: &[&str] = &["node-webvtt-malformed.vtt"];

#[test]
fn every_shared_sample_parses() {
    let Ok(root) = std::env::var("CANDOR_SAMPLES") else {
        eprintln!("CANDOR_SAMPLES is not set: skipping the shared samples");
        return;
    };
    let analyzer = candor::Analyzer::new(candor::Config::default()).unwrap();
    let mut seen = 0;
    for (folder, format) in FOLDERS {
        let dir = Path::new(&root).join(folder);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let bytes = std::fs::read(&path).unwrap();
            let result = candor::parse(&bytes, None);
            if NO_SPEECH.contains(&name.as_str()) {
                let e = result.expect_err(&name);
                assert!(e.to_string().contains("no speaker turns"), "{name}: {e}");
                continue;
            }
            let t = result.unwrap_or_else(|e| panic!("{folder}/{name}: {e}"));
            assert_eq!(t.format.name(), *format, "{folder}/{name}");
            assert!(!t.turns.is_empty(), "{folder}/{name}");
            for turn in &t.turns {
                assert!(turn.line >= 1, "{name}");
                assert!(!turn.text.is_empty(), "{name}");
            }
            let report = analyzer.analyze_bytes(&bytes, None);
            assert!(report.error.is_none(), "{name}");
            let lines = String::from_utf8_lossy(&bytes).lines().count() as u32 + 1;
            for f in &report.findings {
                assert!(
                    f.line >= 1 && f.line <= lines && f.end_line >= f.line,
                    "{name}: {f:?}"
                );
            }
            // The longest story's time is talk time: never more than the interviewees'.
            let story = report
                .metrics
                .as_ref()
                .and_then(|m| m.longest_story.as_ref());
            if let Some(secs) = story.and_then(|s| s.seconds) {
                let talk: f64 = report
                    .speakers
                    .iter()
                    .filter(|s| s.role == candor::Role::Interviewee)
                    .filter_map(|s| s.talk_seconds)
                    .sum();
                assert!(secs <= talk + 0.5, "{name}: story {secs} s, talk {talk} s");
            }
            seen += 1;
        }
    }
    assert!(seen >= 30, "only {seen} samples found under {root}");
}
