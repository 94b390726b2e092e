//! The library as a tool that embeds it sees it: the public API only, no CLI.

use candor::render::HumanOptions;
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

/// A report that could not be read renders as a failure, never as "0 findings".
#[test]
fn a_report_that_failed_renders_as_a_failure() {
    let mut report = analyzer().analyze_str("   ");
    report.path = "x.vtt".into();
    assert!(report.error.is_some());
    let shown = report.render_human(None, &HumanOptions::default());
    assert!(shown.starts_with("x.vtt: failed: "), "{shown}");
    assert!(!shown.contains("finding"), "{shown}");
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

#[test]
fn human_diagnostics_are_what_the_cli_prints() {
    let vtt = include_str!("../../../fixtures/demo/call.vtt");
    let mut report = analyzer().analyze_str(vtt);
    report.path = "fixtures/demo/call.vtt".into();
    let options = candor::render::HumanOptions::default().with_explain_hints(true);
    let shown = report.render_human(Some(vtt), &options);
    // The README shows this diagnostic, as `candor lint` prints it.
    let expected = "\
warning[hypothetical-question]: asks them to predict whether they would use, buy or switch
  --> fixtures/demo/call.vtt:41:127
   |
41 | …our hours straight from the time tracker and fixes the rates automatically. Would you use something like that?</v>
   |                                                                              ^^^^^^^^^^^^^
   = Maya Chen, interviewer, turn 9, at 1:27
";
    assert!(shown.contains(expected), "{shown}");
    assert!(shown.contains("   = help: "), "{shown}");
    assert!(shown.contains("   = also: closed-question: "), "{shown}");
    // The summary line ends it.
    let last = shown.lines().last().unwrap();
    assert!(last.starts_with("fixtures/demo/call.vtt: "), "{last}");
    assert!(last.contains("score "), "{last}");
    // No colour unless asked for, and then ANSI codes.
    assert!(!shown.contains('\x1b'));
    let coloured = report.render_human(Some(vtt), &options.clone().with_color(true));
    assert!(coloured.contains("\x1b[1m\x1b[33mwarning[hypothetical-question]\x1b[0m"));
}

#[test]
fn human_diagnostics_fit_the_columns_given() {
    let vtt = include_str!("../../../fixtures/demo/call.vtt");
    let report = analyzer().analyze_str(vtt);
    for columns in [40, 80, 200] {
        let options = candor::render::HumanOptions::default().with_columns(columns);
        let shown = report.render_human(Some(vtt), &options);
        // `41 | <v Maya Chen>So we're…`
        let source_lines = shown.lines().filter(|l| {
            l.split_once(" | ")
                .is_some_and(|(n, _)| n.parse::<u32>().is_ok())
        });
        for l in source_lines {
            assert!(l.chars().count() <= columns, "{columns}: {l}");
        }
    }
}

#[test]
fn hints_to_explain_come_once_a_rule_across_reports() {
    let vtt = include_str!("../../../fixtures/demo/call.vtt");
    let report = analyzer().analyze_str(vtt);
    let mut human = candor::render::Human::new(
        candor::render::HumanOptions::default().with_explain_hints(true),
    );
    let mut first = String::new();
    human.report(&mut first, &report, Some(vtt)).unwrap();
    let mut second = String::new();
    human.report(&mut second, &report, Some(vtt)).unwrap();
    assert!(first.contains("more: `candor explain selling`"));
    assert!(!second.contains("more: `candor explain"));
    // Without hints (the default), none.
    let plain = report.render_human(Some(vtt), &Default::default());
    assert!(!plain.contains("candor explain"));
}

#[test]
fn human_diagnostics_without_the_source_show_the_sentence() {
    let report = analyzer().analyze_str(INTERVIEW);
    let shown = report.render_human(None, &Default::default());
    assert!(
        shown.contains("\n  | If we built this, would you use it?\n"),
        "{shown}"
    );
    // The source with Windows line endings shows the same lines.
    let crlf = INTERVIEW.replace('\n', "\r\n");
    assert_eq!(
        analyzer()
            .analyze_str(&crlf)
            .render_human(Some(&crlf), &Default::default()),
        report.render_human(Some(INTERVIEW), &Default::default())
    );
}

/// A folder of its own under the system's temporary folder, removed when dropped.
struct TempDir(std::path::PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("candor-embed-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn discover_finds_the_nearest_candor_toml_upward() {
    let tmp = TempDir::new("discover");
    let root = &tmp.0;
    std::fs::create_dir_all(root.join("team/calls/2024")).unwrap();
    std::fs::write(root.join("candor.toml"), "profile = \"solution\"\n").unwrap();
    std::fs::write(
        root.join("team/.candor.toml"),
        "interviewers = [\"Maya\"]\n",
    )
    .unwrap();

    // From a file (that need not exist), its folder and upward: the nearest wins.
    let (file, config) = Config::discover(&root.join("team/calls/2024/acme.vtt"))
        .unwrap()
        .unwrap();
    assert!(file.ends_with("team/.candor.toml"), "{}", file.display());
    assert_eq!(config.interviewers, ["Maya"]);
    assert_eq!(config.profile, candor::Profile::Discovery);
    // From a folder: the folder itself first.
    let (file, config) = Config::discover(root).unwrap().unwrap();
    assert!(file.ends_with("candor.toml") && !file.ends_with(".candor.toml"));
    assert_eq!(config.profile, candor::Profile::Solution);
    // Both names in one folder: candor.toml first.
    std::fs::write(root.join("team/candor.toml"), "products = [\"Ledger\"]\n").unwrap();
    let file = Config::find(&root.join("team/call.vtt")).unwrap();
    assert_eq!(file.file_name().unwrap(), candor::CONFIG_FILE_NAMES[0]);
}

#[test]
fn discover_names_the_file_of_a_bad_configuration() {
    let tmp = TempDir::new("bad-config");
    let bad = tmp.0.join("candor.toml");
    std::fs::write(&bad, "profile = \"discovery\"\nprofle = 1\n").unwrap();
    let err = Config::discover(&tmp.0.join("call.vtt")).unwrap_err();
    let message = err.to_string();
    assert!(message.contains(&bad.display().to_string()), "{message}");
    assert!(message.contains("line 2"), "{message}");
}

#[test]
fn talk_time_is_given_only_when_every_turn_is_timed() {
    // Timed every turn: each speaker's talk time, and the talk ratio by time.
    let all = "[00:00:00] Maya: How do you plan your week today?\n\
               [00:00:04] Tom: In a spreadsheet, every Monday, for an hour or so.\n\
               [00:00:10] Maya: What happened the last time it slipped?\n\
               [00:00:14] Tom: A supplier was late and I rebuilt the whole sheet by hand.\n";
    let r = analyzer().analyze_str(all);
    assert_eq!(r.format, Some(Format::Timestamped));
    assert!(r.speakers.iter().all(|s| s.talk_seconds.is_some()));
    let m = r.metrics.as_ref().expect("metrics of a parsed transcript");
    assert!(m.interviewer_talk_ratio_time.is_some());
    // Timed every other turn: no talk time at all, rather than each speaker's timed turns.
    let some = "[00:00:00] Maya: How do you plan your week today?\n\
                Tom: In a spreadsheet, every Monday, for an hour or so.\n\
                [00:00:10] Maya: What happened the last time it slipped?\n\
                Tom: A supplier was late and I rebuilt the whole sheet by hand.\n";
    let parsed = candor::parse(some.as_bytes(), None).expect("a transcript");
    assert!(parsed.is_timed() && !parsed.every_turn_timed());
    assert!(candor::parse(all.as_bytes(), None).is_ok_and(|t| t.every_turn_timed()));
    let r = analyzer().analyze_str(some);
    assert_eq!(r.format, Some(Format::Timestamped));
    let m = r.metrics.as_ref().expect("metrics of a parsed transcript");
    assert_eq!(m.turns, 4);
    assert!(r.speakers.iter().all(|s| s.talk_seconds.is_none()));
    assert_eq!(m.interviewer_talk_ratio_time, None);
}

#[test]
fn a_turn_timed_every_few_turns_ends_with_its_own_words_not_at_the_next_time() {
    // The host's one-line questions are timed, the guest's long answers are not, and two
    // minutes pass between timed lines: each question lasts as long as its words take,
    // not until the next timed line (which would make it a two-minute monologue).
    let answer = "we rebuilt the parlour that spring and the first weeks were rough, \
                  the pumps kept tripping and the milk meter double counted every cow, \
                  so I sat in the office every night fixing numbers by hand. "
        .repeat(3);
    let mut text = String::new();
    for (k, q) in [
        "so what broke first",
        "and how did you find out",
        "what did you do that night",
        "who else was there",
    ]
    .iter()
    .enumerate()
    {
        text.push_str(&format!("[00:0{}:00] Host: {q}\nGuest: {answer}\n", k * 2));
    }
    let r = analyzer().analyze_str(&text);
    assert_eq!(r.format, Some(Format::Timestamped));
    assert_eq!(r.metrics.as_ref().map(|m| m.turns), Some(8));
    assert!(
        !r.findings.iter().any(|f| f.rule == "interviewer-monologue"),
        "{:?}",
        r.findings
            .iter()
            .map(|f| (&f.rule, &f.message))
            .collect::<Vec<_>>()
    );
}
