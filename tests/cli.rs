//! End-to-end tests of the `candor` binary that need more than a command and its output:
//! folders of crafted files, configuration files, JSON read as data. The cases that only run
//! a command and check its exit code and output are data in tests/cmd/ (see tests/cmd.rs),
//! and whole outputs are snapshots in tests/snapshots/ (see tests/snapshots.rs).

mod common;

use predicates::prelude::*;

use common::{candor, dir_with, fixture, json, stderr, stdout};

/// Transcripts shared with the command-line cases in tests/cmd/.
const BAD: &str = include_str!("cmd/transcripts/bad.txt");
const GOOD: &str = include_str!("cmd/transcripts/good.txt");

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
        "path", "format", "status", "reason", "speakers", "metrics", "findings", "score",
        "warnings", "error",
    ] {
        assert!(r.get(key).is_some(), "missing {key}");
    }
    assert_eq!(r["format"], "plain");
    assert_eq!(r["status"], "judged");
    assert!(r["reason"].is_null());
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
    assert!(r["metrics"]["interviewer_talk_ratio"].as_f64().unwrap() > 0.4);
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
    assert_eq!(v[0]["status"], "measured");
    assert_eq!(v[0]["metrics"]["talk_ratio_basis"], "time");
    assert_eq!(v[0]["speakers"].as_array().unwrap().len(), 2);
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
fn init_writes_a_valid_config_once() {
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
