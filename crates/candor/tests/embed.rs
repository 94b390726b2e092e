//! The library as a tool that embeds it sees it: the public API only, no CLI.

use candor::{Analyzer, Config, Format, Status};

/// An interview the rules judge (three questions, a hundred words), with a hypothetical
/// question on line 5.
const INTERVIEW: &str = "Maya: How do you plan your week today?\n\
Tom: In a spreadsheet, every Monday. It takes an hour: the numbers come from three places \
and none of them agree with each other, so I check each one twice.\n\
Maya: What happened the last time it slipped?\n\
Tom: A supplier delivered late, the whole week moved, and I rebuilt the sheet by hand on a \
Tuesday night. It took me until midnight, and I still got two delivery slots wrong on Wednesday morning.\n\
Maya: If we built this, would you use it?\n\
Tom: Probably, yes, if it read the supplier emails and moved the slots on its own.\n";

fn analyzer() -> Analyzer {
    Analyzer::new(Config::default()).unwrap()
}

#[test]
fn analyze_str_detects_the_format_and_judges() {
    let report = analyzer().analyze_str(INTERVIEW);
    assert_eq!(report.error, None);
    assert_eq!(report.format, Some(Format::Plain));
    assert_eq!(report.status, Status::Judged);
    assert!(report.score.is_some());
    let f = report
        .findings
        .iter()
        .find(|f| f.rule == "hypothetical-question")
        .expect("the hypothetical question is flagged");
    assert_eq!(f.line, 5);
    assert_eq!(f.speaker, "Maya");
}

#[test]
fn analyze_str_is_analyze_bytes_with_the_format_detected() {
    let a = analyzer();
    let vtt = include_str!("../../../fixtures/demo/call.vtt");
    let from_str = a.analyze_str(vtt);
    assert_eq!(from_str, a.analyze_bytes(vtt.as_bytes(), None));
    assert_eq!(from_str.format, Some(Format::WebVtt));
    // Windows line endings and a byte-order mark count as an editor counts them.
    let crlf = format!("\u{feff}{}", INTERVIEW.replace('\n', "\r\n"));
    let lines: Vec<u32> = a
        .analyze_str(&crlf)
        .findings
        .iter()
        .map(|f| f.line)
        .collect();
    let plain: Vec<u32> = a
        .analyze_str(INTERVIEW)
        .findings
        .iter()
        .map(|f| f.line)
        .collect();
    assert_eq!(lines, plain);
}

#[test]
fn analyze_str_reports_what_it_cannot_read() {
    let report = analyzer().analyze_str("\n  \n");
    assert_eq!(report.status, Status::Failed);
    assert_eq!(report.format, None);
    assert!(report.error.unwrap().message.contains("empty"));
}

#[test]
fn the_format_is_an_enum_and_its_name_in_json() {
    let report = analyzer().analyze_str(include_str!("../../../fixtures/demo/call.vtt"));
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["format"], "webvtt");
    let back: candor::Report = serde_json::from_value(json).unwrap();
    assert_eq!(back.format, Some(Format::WebVtt));
    let failed = serde_json::to_value(candor::Report::error("x", "no", None)).unwrap();
    assert!(failed["format"].is_null());
}
