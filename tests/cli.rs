//! End-to-end tests of the `candor` binary that need more than a command and its output:
//! folders of crafted files, configuration files, JSON read as data. The cases that only run
//! a command and check its exit code and output are data in tests/cmd/ (see tests/cmd.rs),
//! and whole outputs are snapshots in tests/snapshots/ (see tests/snapshots.rs).

mod common;

use predicates::prelude::*;

use common::{candor, dir_with, fixture, json, root, stderr, stdout};

/// Transcripts shared with the command-line cases in tests/cmd/.
const BAD: &str = include_str!("cmd/transcripts/bad.txt");
/// Judges transcripts however short (the minimums of a judged interview set to zero).
const LENIENT: &str = "[thresholds]\nmin-questions = 0\nmin-words = 0\n";
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

/// Transcripts of a long interviewer turn, for the terminal width.
const LONG_TURN: &str = include_str!("cmd/transcripts/long-turn.txt");

#[test]
fn rule_flags_and_config_work_the_same_on_lint_stats_and_score() {
    let dir = dir_with(&[
        ("bad.txt", BAD.as_bytes()),
        ("conf.toml", b"interviewers = [\"Tom\"]\n"),
    ]);
    let flags = |cmd: &str| {
        let mut c = candor();
        c.arg(cmd)
            .args(["--format", "json", "--profile", "solution"])
            .args(["--select", "leading-question, closed-question"])
            .args(["--ignore", " closed-question"])
            .args(["--interviewer", "Maya", "--config"])
            .arg(dir.path().join("conf.toml"))
            .arg(dir.path().join("bad.txt"));
        c
    };
    for cmd in ["lint", "stats", "score"] {
        let v = json(&flags(cmd).assert().code(if cmd == "lint" { 1 } else { 0 }));
        let r = &v[0];
        // --interviewer wins over the file's `interviewers`.
        assert_eq!(r["speakers"][0]["name"], "Maya", "{cmd}");
        assert_eq!(r["speakers"][0]["role"], "interviewer", "{cmd}");
        let rules: Vec<&str> = r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap())
            .collect();
        let want: &[&str] = if cmd == "stats" {
            &[]
        } else {
            // "Don't you think…" and the tag on "You'd pay twenty dollars…, wouldn't you?"
            &["leading-question", "leading-question"]
        };
        assert_eq!(rules, want, "{cmd}");
    }
}

#[test]
fn output_files_and_quiet_on_every_command_that_prints() {
    let dir = tempfile::tempdir().unwrap();
    let bad = root().join("tests/cmd/transcripts/bad.txt");
    let runs: Vec<(Vec<&str>, bool, &str)> = vec![
        (
            vec!["lint", "--format", "concise"],
            true,
            "leading-question",
        ),
        (vec!["stats"], true, "interviewer talk ratio"),
        (vec!["score", "--format", "csv"], true, "path,format"),
        (vec!["rules"], false, "talk-ratio"),
        (vec!["explain", "selling"], false, "selling"),
        (vec!["completions", "zsh"], false, "#compdef candor"),
        (vec!["man"], false, ".TH candor 1"),
    ];
    for (i, (args, with_path, want)) in runs.iter().enumerate() {
        let out = dir.path().join(format!("out{i}.txt"));
        let mut c = candor();
        c.args(args).arg("-o").arg(&out);
        if *with_path {
            c.arg(&bad);
        }
        let a = c.assert();
        // (score then prints its summary for the person, on standard output.)
        if args[0] != "score" {
            assert!(stdout(&a).is_empty(), "{args:?} printed: {}", stdout(&a));
        }
        let written = std::fs::read_to_string(&out).unwrap();
        assert!(written.contains(want), "{args:?} wrote: {written}");
        assert!(!written.contains('\x1b'), "{args:?} wrote colour");
    }
    // -q prints less, each command its own way.
    let quiet = |args: &[&str]| stdout(&candor().args(args).arg("-q").assert());
    let lint = quiet(&["lint", "--color", "never", bad.to_str().unwrap()]);
    assert!(
        !lint.contains("-->") && lint.contains("Found 9 findings"),
        "{lint}"
    );
    let stats = quiet(&["stats", "--color", "never", bad.to_str().unwrap()]);
    assert_eq!(stats.lines().count(), 1, "{stats}");
    let explain = quiet(&["explain", "selling"]);
    assert!(
        explain.starts_with("selling: ") && explain.lines().count() == 2,
        "{explain}"
    );
    let score = candor()
        .args(["score", "-q", "--format", "csv"])
        .arg(&bad)
        .assert();
    assert!(
        stderr(&score).is_empty(),
        "the summary is left out: {}",
        stderr(&score)
    );
}

#[test]
fn show_settings_names_the_files_and_merges_the_users_under_the_projects() {
    let home = dir_with(&[(
        "candor/candor.toml",
        b"profile = \"solution\"\nproducts = [\"Acme\"]\n[severity]\nclosed-question = \"off\"\n",
    )]);
    let project = dir_with(&[
        (
            "candor.toml",
            b"products = [\"Linewise\"]\n[severity]\nselling = \"error\"\n",
        ),
        ("calls/bad.txt", BAD.as_bytes()),
    ]);
    let run = candor()
        .env("XDG_CONFIG_HOME", home.path())
        .current_dir(project.path())
        .args([
            "lint",
            "--show-settings",
            "--ignore",
            "no-summary",
            "calls/bad.txt",
        ])
        .assert()
        .success();
    let out = stdout(&run);
    assert!(out.starts_with("# Settings for calls/bad.txt\n"), "{out}");
    let user = home.path().join("candor/candor.toml");
    assert!(
        out.contains(&format!(
            "# from: {} (the user's configuration, under the next)",
            user.display()
        )),
        "{out}"
    );
    assert!(
        out.contains("# from: candor.toml (the project's configuration)"),
        "{out}"
    );
    // The user's profile, the project's products, both severities, the command line's ignore.
    assert!(out.contains("profile = \"solution\""), "{out}");
    assert!(out.contains("products = [\"Linewise\"]"), "{out}");
    assert!(
        out.contains("closed-question = \"off\"") && out.contains("selling = \"error\""),
        "{out}"
    );
    assert!(out.contains("ignore = [\"no-summary\"]"), "{out}");
    assert!(
        out.contains("talk-ratio = 0.6"),
        "the limits in effect: {out}"
    );
    // The user's file applies to a run with no project file too.
    let elsewhere = dir_with(&[("bad.txt", BAD.as_bytes())]);
    let v = json(
        &candor()
            .env("XDG_CONFIG_HOME", home.path())
            .current_dir(elsewhere.path())
            .args(["lint", "--format", "json", "bad.txt"])
            .assert(),
    );
    let rules: Vec<&str> = v[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(
        !rules.is_empty() && !rules.contains(&"closed-question"),
        "{rules:?}"
    );
}

#[test]
fn exclude_and_per_file_and_per_speaker_ignores() {
    let dir = dir_with(&[
        (
            "candor.toml",
            b"exclude = [\"drafts/**\", \"*.notes.txt\"]\n\
              [per-file-ignores]\n\"sales/*.txt\" = [\"hypothetical-question\"]\n\
              [per-speaker-ignores]\n\"maya\" = [\"closed-question\"]\n",
        ),
        ("calls/bad.txt", BAD.as_bytes()),
        ("calls/bad.notes.txt", BAD.as_bytes()),
        ("drafts/bad.txt", BAD.as_bytes()),
        ("sales/bad.txt", BAD.as_bytes()),
    ]);
    let v = json(
        &candor()
            .current_dir(dir.path())
            .args(["lint", "--format", "json", "."])
            .assert()
            .code(1),
    );
    let mut seen: Vec<(String, Vec<String>)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let rules = r["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["rule"].as_str().unwrap().to_string())
                .collect();
            (r["path"].as_str().unwrap().replace('\\', "/"), rules)
        })
        .collect();
    seen.sort();
    assert_eq!(
        seen,
        vec![
            (
                "./calls/bad.txt".to_string(),
                vec![
                    "hypothetical-question".to_string(),
                    "leading-question".to_string(),
                    "hypothetical-question".to_string(),
                    // "You'd pay twenty dollars a month for that, wouldn't you?": its price
                    // is selling ("names pricing", SPEC), and a tag on the interviewer's own
                    // presumption is leading too.
                    "selling".to_string(),
                    "leading-question".to_string(),
                    "selling".to_string()
                ]
            ),
            (
                "./sales/bad.txt".to_string(),
                vec![
                    "leading-question".to_string(),
                    "selling".to_string(),
                    "leading-question".to_string(),
                    "selling".to_string()
                ]
            ),
        ],
        "drafts/ and *.notes.txt are excluded; sales/ ignores a rule; Maya's closed questions are ignored"
    );
    // A file named on the command line is read even when excluded.
    candor()
        .current_dir(dir.path())
        .args(["lint", "drafts/bad.txt"])
        .assert()
        .code(1);
    // An unknown rule in per-file-ignores is an error naming the closest.
    let bad = dir_with(&[
        (
            "candor.toml",
            b"[per-file-ignores]\n\"*.txt\" = [\"leading\"]\n",
        ),
        ("bad.txt", BAD.as_bytes()),
    ]);
    let run = candor()
        .current_dir(bad.path())
        .args(["lint", "bad.txt"])
        .assert()
        .code(2);
    assert!(
        stderr(&run).contains("did you mean `leading-question`?"),
        "{}",
        stderr(&run)
    );
}

#[test]
fn a_baseline_hides_what_it_holds_across_re_exports_and_reports_what_is_new() {
    // The re-export below is shorter than a judged interview: judge it all the same.
    let dir = dir_with(&[
        ("calls/maya.txt", BAD.as_bytes()),
        ("candor.toml", LENIENT.as_bytes()),
    ]);
    let run = candor()
        .current_dir(dir.path())
        .args([
            "lint",
            "--write-baseline",
            "candor-baseline.json",
            "calls/maya.txt",
        ])
        .assert()
        .success();
    assert!(
        stderr(&run).contains("wrote 9 findings to candor-baseline.json"),
        "{}",
        stderr(&run)
    );
    let baseline: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("candor-baseline.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(baseline["version"], 1);
    assert_eq!(baseline["findings"].as_array().unwrap().len(), 9);
    assert_eq!(
        baseline["findings"][0],
        serde_json::json!({
            "path": "calls/maya.txt",
            "rule": "closed-question",
            "speaker": "Maya",
            "text": "don t you think invoicing is a nightmare",
        })
    );

    // The same interview exported again as WebVTT: other lines, other format, same words,
    // and one new leading question.
    let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n<v Maya>Hi Tom. Would you use an app that did your invoices for you?\n\n\
               00:00:06.000 --> 00:00:07.000\n<v Tom>Maybe.\n\n\
               00:00:08.000 --> 00:00:11.000\n<v Maya>Don't you think invoicing is a NIGHTMARE?\n\n\
               00:00:12.000 --> 00:00:13.000\n<v Tom>Not really.\n\n\
               00:00:14.000 --> 00:00:16.000\n<v Maya>Wouldn't it be great to never chase a client again?\n";
    std::fs::remove_file(dir.path().join("calls/maya.txt")).unwrap();
    std::fs::write(dir.path().join("calls/maya.vtt"), vtt).unwrap();
    let run = candor()
        .current_dir(dir.path())
        .args(["lint", "--color", "never", "--format", "concise"])
        .args(["--baseline", "candor-baseline.json", "calls/maya.vtt"])
        .assert()
        .code(1);
    let out = stdout(&run);
    let lines: Vec<&str> = out.lines().filter(|l| l.starts_with("calls/")).collect();
    assert!(!lines.is_empty(), "{out}");
    assert!(
        lines.len() == 2 && lines.iter().all(|l| l.starts_with("calls/maya.vtt:16:")),
        "only the new question is reported: {out}"
    );
    assert!(
        out.contains("4 findings in the baseline not shown."),
        "{out}"
    );
    // A baseline that is not one is an error.
    std::fs::write(dir.path().join("not.json"), "[1, 2]").unwrap();
    let run = candor()
        .current_dir(dir.path())
        .args(["lint", "--baseline", "not.json", "calls/maya.vtt"])
        .assert()
        .code(2);
    assert!(
        stderr(&run).contains("not.json: not a candor baseline"),
        "{}",
        stderr(&run)
    );
}

#[test]
fn human_output_fits_columns() {
    let dir = dir_with(&[
        ("long.txt", LONG_TURN.as_bytes()),
        ("candor.toml", LENIENT.as_bytes()),
    ]);
    for columns in [50usize, 60, 100] {
        let run = candor()
            .env("COLUMNS", columns.to_string())
            .current_dir(dir.path())
            .args(["lint", "--color", "never", "long.txt"])
            .assert()
            .code(1);
        let out = stdout(&run);
        let source: Vec<&str> = out.lines().filter(|l| l.starts_with("1 | ")).collect();
        assert_eq!(source.len(), 2, "{out}");
        for l in &source {
            assert_eq!(l.chars().count(), columns, "{columns}: {l}");
            assert!(l.ends_with('…'), "{l}");
        }
        // The talk ratio points at the turn and says how long it is: no row of carets.
        assert!(
            out.contains("  |       ^ their longest turn: 163 words\n"),
            "{out}"
        );
        assert!(!out.contains("^^"), "{out}");
    }
}

/// Findings on one sentence are shown as one diagnostic; the counts say how many were shown,
/// so that "Found 9 findings" never sits under four diagnostics without a word.
#[test]
fn the_counts_say_how_many_diagnostics_are_shown() {
    for path in ["tests/cmd/transcripts/bad.txt", "fixtures/demo/call.vtt"] {
        let run = candor()
            .current_dir(root())
            .args(["lint", "--color", "never", "--fail-on", "never", path])
            .assert()
            .code(0);
        let out = stdout(&run);
        let shown = out
            .lines()
            .filter(|l| {
                ["error[", "warning[", "info["]
                    .iter()
                    .any(|h| l.starts_with(h))
            })
            .count();
        let report = candor()
            .current_dir(root())
            .args(["lint", "--format", "json", "--fail-on", "never", path])
            .assert()
            .code(0);
        let findings = json(&report)[0]["findings"].as_array().map_or(0, Vec::len);
        assert!(
            shown < findings,
            "{path}: a sentence with several findings: {out}"
        );
        let said = format!("{findings} findings ({shown} diagnostics)");
        assert!(out.contains(&format!(": {said} · score")), "{path}: {out}");
        assert!(
            out.contains(&format!("Found {said} in 1 file")),
            "{path}: {out}"
        );
    }
}

/// An installed binary ships no README and no docs/ folder: its help does not send people
/// there.
#[test]
fn help_points_to_nothing_an_installed_binary_lacks() {
    let top = stdout(&candor().arg("--help").assert().success());
    let commands: Vec<String> = top
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter(|l| !l.starts_with("   ") && !l.starts_with("  help "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect();
    assert!(commands.len() >= 10, "{top}");
    for c in commands.iter().map(String::as_str).chain([""]) {
        let mut cmd = candor();
        if !c.is_empty() {
            cmd.arg(c);
        }
        let help = stdout(&cmd.arg("--help").assert().success());
        for bad in ["README", "docs/", ".md"] {
            assert!(
                !help.contains(bad),
                "`candor {c} --help` names {bad}: {help}"
            );
        }
    }
}

/// A Zoom download folder as it is on disk: the recording's transcript, the chat log, notes,
/// a consent PDF, the recording's configuration, Whisper's other outputs and macOS's
/// `._` files.
fn zoom_folder() -> tempfile::TempDir {
    let vtt = std::fs::read(fixture("formats/webvtt/zoom.vtt")).unwrap();
    let chat = "15:02:11\t From Priya Shah to Everyone : Welcome, I'll share the doc here\n\
15:02:40\t From Dana Kowalski to Priya Shah (Privately) : can you hear me?\n\
15:03:02\t From Priya Shah : yes!\n";
    dir_with(&[
        ("GMT20250304-150212_Recording.transcript.vtt", &vtt),
        ("meeting_saved_chat.txt", chat.as_bytes()),
        // A chat log is told by what it holds, not by its name.
        (
            "chat/saved.txt",
            chat.replace("\t From", " From").as_bytes(),
        ),
        (
            "notes.md",
            b"# Interview notes\n\nAsk Dana about receipts.\nFollow up: Sam in finance.\n",
        ),
        ("consent.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"),
        (
            "recording.conf.json",
            br#"{"items": [{"meeting_id": 1, "topic": "Interview"}]}"#,
        ),
        ("whisper/call.vtt", &vtt),
        (
            "whisper/call.tsv",
            b"start\tend\ttext\n1000\t6500\tThanks for making time\n",
        ),
        ("whisper/call.lrc", b"[00:01.00]Thanks for making time\n"),
        (
            "._GMT20250304-150212_Recording.transcript.vtt",
            b"\0\x05\x16\x07\0\x02\0\0Mac OS X",
        ),
        (".hidden.vtt", &vtt),
    ])
}

#[test]
fn folders_count_the_files_that_are_not_transcripts() {
    let dir = zoom_folder();
    // The Zoom sample is shorter than a judged interview: judge it all the same.
    let conf = dir_with(&[("candor.toml", LENIENT.as_bytes())]);
    let run = candor()
        .args(["lint", "--color", "never", "-q", "--config"])
        .arg(conf.path().join("candor.toml"))
        .arg(dir.path())
        .assert()
        .success();
    let out = stdout(&run);
    assert!(out.contains("in 2 files"), "{out}");
    assert!(!out.contains("chat") && !out.contains("notes"), "{out}");
    let err = stderr(&run);
    assert!(
        err.contains("note: skipped 7 files that are not transcripts: "),
        "{err}"
    );
    assert!(!err.contains("error"), "{err}");
    assert!(!err.contains("._GMT") && !err.contains(".hidden"), "{err}");

    // --verbose says why, one file a line.
    let err = stderr(
        &candor()
            .args(["score", "--no-progress", "--format", "csv", "--verbose"])
            .arg(dir.path())
            .assert()
            .success(),
    );
    let sep = std::path::MAIN_SEPARATOR;
    for (file, why) in [
        ("meeting_saved_chat.txt", "a meeting chat log"),
        (&format!("chat{sep}saved.txt"), "a meeting chat log"),
        ("notes.md", "notes, not a transcript"),
        ("consent.pdf", "a PDF file"),
        ("recording.conf.json", "a recording's configuration"),
        (&format!("whisper{sep}call.tsv"), "a .tsv file"),
        (&format!("whisper{sep}call.lrc"), "a .lrc file"),
    ] {
        assert!(
            err.lines()
                .any(|l| l.starts_with("  ") && l.contains(file) && l.contains(why)),
            "{file}: {why}: {err}"
        );
    }
}

#[test]
fn a_glob_does_not_bring_back_hidden_files() {
    let dir = zoom_folder();
    let run = candor()
        .args([
            "lint", "--color", "never", "-q", "--glob", "*.vtt", "--format", "json",
        ])
        .arg(dir.path())
        .assert()
        .success();
    let v = json(&run);
    let paths: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(
        paths
            .iter()
            .all(|p| !p.contains("._") && !p.contains(".hidden")),
        "{paths:?}"
    );
}

#[test]
fn the_labelled_folder_lints_without_errors() {
    let run = candor()
        .args(["lint", "--color", "never", "-q", "--fail-on", "never"])
        .arg(fixture("labelled"))
        .assert()
        .success();
    let err = stderr(&run);
    assert!(!err.contains("error"), "{err}");
    assert!(
        err.contains("SPEC.md") && err.contains(".labels.json"),
        "{err}"
    );
}

#[test]
fn a_file_named_on_the_command_line_is_read_whatever_it_is() {
    let dir = zoom_folder();
    for name in ["notes.md", "consent.pdf", "meeting_saved_chat.txt"] {
        let run = candor()
            .args(["lint", "--color", "never"])
            .arg(dir.path().join(name))
            .assert();
        // The chat log reads as timestamped text (judging it is another matter); the others
        // are errors that name the file.
        if name != "meeting_saved_chat.txt" {
            let err = stderr(&run.code(2));
            assert!(err.contains(name), "{err}");
        }
    }
    candor()
        .args(["lint"])
        .arg(dir.path().join("missing.vtt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.vtt"));
}

/// `candor score … | head -1`: the reader closing the pipe stops the run quietly (exit 0,
/// nothing on standard error), for each command that prints rows or reports.
#[test]
fn a_closed_pipe_stops_quietly() {
    use std::process::Stdio;
    let dir = common::corpus_dir(40, 18);
    let bin = assert_cmd::cargo::cargo_bin("candor");
    let runs: [&[&str]; 5] = [
        &["score", "--no-progress"],
        &["score", "--no-progress", "--format", "jsonl"],
        &["score", "--no-progress", "--format", "csv"],
        &["lint", "--fail-on", "never"],
        &["stats"],
    ];
    for args in runs {
        let mut child = std::process::Command::new(&bin)
            .args(args)
            .args(["--color", "never"])
            .arg(dir.path())
            .env("XDG_CONFIG_HOME", "/nonexistent-candor-test-config")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the pipe before candor writes, as a reader that has had enough does: the
        // writes after it then fail every time, however much output there is.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(!err.to_lowercase().contains("pipe"), "{args:?}: {err}");
    }
}

/// A folder that cannot be walked into is named, with what failed, not the walker's raw
/// "IO error for operation on …".
#[cfg(unix)]
#[test]
fn a_broken_link_in_a_folder_is_named_with_what_failed() {
    let dir = dir_with(&[("call.txt", GOOD.as_bytes())]);
    std::os::unix::fs::symlink(dir.path().join("gone"), dir.path().join("sub")).unwrap();
    let run = candor()
        .args(["score", "--no-progress", "--color", "never"])
        .arg(dir.path())
        .assert()
        .code(2);
    let err = stderr(&run);
    assert!(!err.contains("IO error for operation"), "{err}");
    assert!(
        err.contains("sub: cannot follow this symbolic link"),
        "{err}"
    );
    assert!(err.contains("does not exist"), "{err}");
}

/// A sentence flagged by several rules is one diagnostic in human output, the main rule
/// (the most severe) with the others as notes; JSON keeps each finding.
#[test]
fn a_sentence_flagged_twice_is_shown_once() {
    let dev03 = "fixtures/labelled/dev03.txt";
    let human = stdout(
        &candor()
            .current_dir(root())
            .args(["lint", "--color", "never", dev03])
            .assert()
            .code(1),
    );
    // Line 35 is both closed-question (info) and hypothetical-question (warning).
    let at = format!("--> {dev03}:35:");
    assert_eq!(human.matches(&at).count(), 1, "{human}");
    let block = human
        .split("\n\n")
        .find(|b| b.contains(&at))
        .expect("a diagnostic at line 35");
    assert!(
        block.starts_with("warning[hypothetical-question]"),
        "{block}"
    );
    assert!(block.contains("= also: closed-question: "), "{block}");
    let v = json(
        &candor()
            .current_dir(root())
            .args(["lint", "--format", "json", dev03])
            .assert()
            .code(1),
    );
    let on_35: Vec<&str> = v[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["line"] == 35)
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(on_35.contains(&"closed-question"), "{on_35:?}");
    assert!(on_35.contains(&"hypothetical-question"), "{on_35:?}");
}
