//! End-to-end tests of the `candor` binary.

mod common;

use predicates::prelude::*;

use common::{candor, dir_with, fixture, json, stderr, stdout};

const BAD: &str = "Maya: Hi Tom. Would you use an app that did your invoices for you?\nTom: Maybe.\nMaya: Don't you think invoicing is a nightmare?\nTom: Not really.\n";
const GOOD: &str = "Maya: Could you walk me through the last invoice you sent?\nTom: Sure. It was Tuesday, and it took most of the afternoon because two of the rates in the spreadsheet were wrong and I only noticed when the totals looked odd.\nMaya: What happened after that?\nTom: I fixed them by hand, re-exported everything, and then the client's finance team still queried one line, so it went out a day late.\nMaya: Who else should I talk to about this?\nTom: Our bookkeeper, Priya. She sees every invoice before it goes and catches most of my mistakes.\n";

#[test]
fn lint_points_at_line_column_speaker_and_help() {
    let text = stdout(
        &candor()
            .args(["lint", "--color", "never"])
            .arg(fixture("demo/call.vtt"))
            .assert()
            .code(1),
    );
    assert!(text.contains("warning[leading-question]"), "{text}");
    assert!(text.contains("call.vtt:33:14"), "{text}");
    assert!(text.contains("^^^^^^^^^^^^"), "{text}");
    assert!(
        text.contains("Maya Chen, interviewer, turn 7, at 1:15"),
        "{text}"
    );
    assert!(text.contains("help: "), "{text}");
    assert!(text.contains("Found 8 findings in 1 file"), "{text}");
    assert!(!text.contains('\u{1b}'), "no colour when not a terminal");
}

#[test]
fn colour_only_when_asked() {
    candor()
        .args(["lint", "--color", "always", "--fail-on", "never"])
        .arg(fixture("demo/call.vtt"))
        .assert()
        .success()
        .stdout(predicate::str::contains("\u{1b}["));
    candor()
        .args(["lint", "--fail-on", "never"])
        .arg(fixture("demo/call.vtt"))
        .env("NO_COLOR", "1")
        .assert()
        .success()
        .stdout(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn exit_codes_follow_fail_on() {
    candor()
        .args(["lint", "-"])
        .write_stdin(BAD)
        .assert()
        .code(1);
    candor()
        .args(["lint", "-", "--fail-on", "error"])
        .write_stdin(BAD)
        .assert()
        .code(0);
    candor()
        .args(["lint", "-", "--fail-on", "never"])
        .write_stdin(BAD)
        .assert()
        .code(0);
    candor()
        .args(["lint", "-"])
        .write_stdin(GOOD)
        .assert()
        .code(0);
    // A closed question is an info finding: the default passes it, --fail-on info fails.
    let closed = format!("{GOOD}Maya: Do you use a template for them?\nTom: A Word one, yes.\n");
    candor()
        .args(["lint", "-"])
        .write_stdin(closed.clone())
        .assert()
        .code(0);
    candor()
        .args(["lint", "-", "--fail-on", "info"])
        .write_stdin(closed)
        .assert()
        .code(1);
}

#[test]
fn stdin_is_named_and_read() {
    candor()
        .args(["lint", "-", "--color", "never"])
        .write_stdin(BAD)
        .assert()
        .stdout(predicate::str::contains("<stdin>:1:"));
}

#[test]
fn json_report_matches_the_contract() {
    let v = json(
        &candor()
            .args(["lint", "-", "--format", "json"])
            .write_stdin(BAD)
            .assert()
            .code(1),
    );
    let r = &v[0];
    for key in [
        "path", "format", "speakers", "metrics", "findings", "score", "warnings", "error",
    ] {
        assert!(r.get(key).is_some(), "missing {key}");
    }
    assert_eq!(r["format"], "plain");
    assert_eq!(r["speakers"][0]["name"], "Maya");
    assert_eq!(r["speakers"][0]["role"], "interviewer");
    let f = &r["findings"][0];
    for key in [
        "rule",
        "severity",
        "line",
        "column",
        "end_line",
        "end_column",
        "turn",
        "speaker",
        "message",
        "text",
        "help",
    ] {
        assert!(f.get(key).is_some(), "finding missing {key}");
    }
    assert!(r["metrics"]["interviewer_talk_ratio"].as_f64().unwrap() > 0.5);
    assert!(r["metrics"]["interviewer_talk_ratio_time"].is_null());
    assert!(r["error"].is_null());
}

#[test]
fn stats_json_has_no_findings_and_no_score() {
    let v = json(
        &candor()
            .args(["stats", "--format", "json"])
            .arg(fixture("demo/call.vtt"))
            .assert()
            .success(),
    );
    assert_eq!(v[0]["findings"], serde_json::json!([]));
    assert!(v[0]["score"].is_null());
    assert_eq!(v[0]["metrics"]["talk_ratio_basis"], "time");
    assert_eq!(v[0]["speakers"].as_array().unwrap().len(), 2);
}

#[test]
fn stats_human_table() {
    candor()
        .args(["stats", "--color", "never"])
        .arg(fixture("demo/call.vtt"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "interviewer talk ratio    34% by time, 43% by words",
        ))
        .stdout(predicate::str::contains("Maya Chen"));
}

#[test]
fn github_and_sarif_formats() {
    candor()
        .args(["lint", "-", "--format", "github"])
        .write_stdin(BAD)
        .assert()
        .code(1)
        .stdout(predicate::str::is_match(r"(?m)^::warning file=<stdin>,line=1,col=\d+,endColumn=\d+,title=candor hypothetical-question::").unwrap());
    let v = json(
        &candor()
            .args(["lint", "-", "--format", "sarif"])
            .write_stdin(BAD)
            .assert()
            .code(1),
    );
    assert_eq!(v["version"], "2.1.0");
    let results = v["runs"][0]["results"].as_array().unwrap();
    assert!(
        results
            .iter()
            .any(|r| r["ruleId"] == "leading-question" && r["level"] == "warning")
    );
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        1
    );
}

#[test]
fn bad_input_is_named_and_the_batch_goes_on() {
    let dir = dir_with(&[
        ("good.txt", GOOD.as_bytes()),
        ("empty.txt", b""),
        ("broken.json", b"{\"segments\": ["),
    ]);
    let run = candor()
        .args(["lint", "--color", "never"])
        .arg(dir.path())
        .assert()
        .code(2);
    let err = stderr(&run);
    assert!(err.contains("empty.txt: the file is empty"), "{err}");
    assert!(err.contains("broken.json: line 1, column 14"), "{err}");
    let out = stdout(&run);
    assert!(out.contains("good.txt: "), "{out}");
    assert!(out.contains("2 files could not be read"), "{out}");
}

#[test]
fn missing_files_and_unknown_formats_are_errors() {
    candor()
        .args(["lint", "no/such/file.vtt", "--color", "never"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/file.vtt: no such file"))
        // Nothing was read, so nothing claims "No findings".
        .stdout(predicate::str::contains("1 file could not be read"))
        .stdout(predicate::str::contains("No findings").not());
    candor()
        .args(["lint", "-", "--input-format", "docx"])
        .write_stdin(GOOD)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown input format `docx`"));
}

#[test]
fn folders_skip_hidden_and_ignored_files() {
    let dir = dir_with(&[
        (".hidden/a.txt", BAD.as_bytes()),
        (".gitignore", b"skipped.txt\n"),
        ("skipped.txt", BAD.as_bytes()),
        ("kept.txt", GOOD.as_bytes()),
        ("picture.png", &[0, 1, 2, 3]),
    ]);
    let text = stdout(
        &candor()
            .args(["lint", "--color", "never", "-q"])
            .arg(dir.path())
            .assert()
            .success(),
    );
    assert!(text.contains("kept.txt"), "{text}");
    assert!(
        !text.contains("skipped.txt") && !text.contains("a.txt") && !text.contains("picture"),
        "{text}"
    );
}

#[test]
fn config_is_found_upward_and_errors_name_file_and_line() {
    const IGNORED: [&str; 3] = [
        "hypothetical-question",
        "leading-question",
        "closed-question",
    ];
    let dir = dir_with(&[
        ("q3/calls/call.txt", BAD.as_bytes()),
        ("candor.toml", format!("ignore = {IGNORED:?}\n").as_bytes()),
    ]);
    let sub = dir.path().join("q3/calls");
    let v = json(
        &candor()
            .args(["lint", "--format", "json"])
            .arg(sub.join("call.txt"))
            .assert(),
    );
    let rules: Vec<&str> = v[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(!rules.iter().any(|r| IGNORED.contains(r)), "{rules:?}");
    std::fs::write(
        dir.path().join("candor.toml"),
        "interviewers = []\nprofle = \"discovery\"\n",
    )
    .unwrap();
    candor()
        .arg("lint")
        .arg(sub.join("call.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "candor.toml: line 2: unknown field `profle`",
        ))
        .stderr(predicate::str::contains("`profile`"));
}

#[test]
fn interviewer_flag_overrides_detection() {
    let v = json(
        &candor()
            .args(["stats", "-", "--format", "json", "--interviewer", "Tom"])
            .write_stdin(BAD)
            .assert()
            .success(),
    );
    assert_eq!(v[0]["speakers"][1]["name"], "Tom");
    assert_eq!(v[0]["speakers"][1]["role"], "interviewer");
    assert_eq!(v[0]["speakers"][1]["role_source"], "given");
}

#[test]
fn rules_explain_and_init() {
    candor()
        .args(["rules", "--color", "never"])
        .assert()
        .success()
        .stdout(predicate::str::contains("leading-question"))
        .stdout(predicate::str::contains("no-summary"));
    candor()
        .args(["explain", "hypothetical-question", "--color", "never"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "bad:    Would you use an app that did that for you?",
        ))
        .stdout(predicate::str::contains(
            "better: Tell me about the last time",
        ));
    candor()
        .args(["explain", "no-such-rule"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("rules are: selling"));
    let dir = dir_with(&[]);
    let path = dir.path().join("candor.toml");
    candor().arg("init").arg(&path).assert().success();
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(candor::Config::from_toml(&written, "candor.toml").is_ok());
    candor()
        .arg("init")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
}

#[test]
fn eval_prints_the_table() {
    candor()
        .arg("eval")
        .arg(fixture("labelled"))
        .assert()
        .success()
        .stdout(predicate::str::contains("| `leading-question` |"));
}
