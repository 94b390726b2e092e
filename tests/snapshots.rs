//! Snapshots of what `candor` prints, whole: `lint` in its four formats on a few inputs,
//! `stats` and `score`. Each run's exit code, standard output and standard error are kept in
//! `tests/snapshots/NAME.snap`, with the command line as the snapshot's description; see
//! tests/README.md to update and review them.
//!
//! The binary runs in the project's root folder with relative paths, so the paths it prints
//! are the same on every machine. The few lines that are not the same from build to build
//! (the version in the SARIF) are replaced before comparing. Beside the snapshot, each test
//! checks what must hold whatever the findings: that JSON and SARIF parse, that every SARIF
//! result points at its rule, that every GitHub line is an annotation.

mod common;

use common::{candor, root};

/// A transcript that is not JSON's whole: `{"segments": [` and nothing after.
const BROKEN_JSON: &str = "{\"segments\": [";

/// An input `lint` is snapshotted on.
struct Input {
    /// The name in its snapshots' names.
    name: &'static str,
    /// The paths given; `-` is standard input.
    paths: &'static [&'static str],
    /// Standard input, and what it is in words (for the snapshot's description).
    stdin: Option<(&'static str, &'static str)>,
}

/// The demo call in WebVTT: cue ids, voice tags, times.
const CALL: Input = Input {
    name: "call",
    paths: &["fixtures/demo/call.vtt"],
    stdin: None,
};

/// A labelled plain-text interview with many findings, some on lines cut to a window.
const DEV03: Input = Input {
    name: "dev03",
    paths: &["fixtures/labelled/dev03.txt"],
    stdin: None,
};

/// An Otter export: start times only, a third speaker; two questions, too short to judge.
const OTTER: Input = Input {
    name: "otter",
    paths: &["fixtures/formats/otter/two-spaces.txt"],
    stdin: None,
};

/// Two inputs that cannot be judged: Whisper JSON with no speakers (no interviewer, so no
/// rules run) and standard input that is broken JSON (it fails to parse).
const UNJUDGED: Input = Input {
    name: "unjudged",
    paths: &["fixtures/formats/json/whisper.json", "-"],
    stdin: Some((BROKEN_JSON, "JSON cut short")),
};

/// What one run did.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `candor ARGS` in the project's root, with `stdin` if given.
fn run(args: &[&str], stdin: Option<(&str, &str)>) -> Run {
    let mut cmd = candor();
    cmd.current_dir(root()).args(args);
    if let Some((s, _)) = stdin {
        cmd.write_stdin(s);
    }
    let out = cmd.output().expect("candor runs");
    Run {
        code: out.status.code().expect("an exit code, not a signal"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 on stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 on stderr"),
    }
}

/// Compares the run with the snapshot `name`: its exit code, then `stdout` as given (the
/// run's, or a version with unstable parts replaced), then its standard error.
fn snapshot(name: &str, args: &[&str], stdin: Option<(&str, &str)>, run: &Run, stdout: &str) {
    let mut command = format!("candor {}", args.join(" "));
    if let Some((_, about)) = stdin {
        command.push_str(&format!(" (standard input: {about})"));
    }
    let body = format!(
        "exit code: {}\n----- stdout -----\n{stdout}----- stderr -----\n{}",
        run.code, run.stderr
    );
    insta::with_settings!({
        description => command,
        omit_expression => true,
        prepend_module_to_snapshot => false,
    }, {
        insta::assert_snapshot!(name, body);
    });
}

/// Runs `candor ARGS` and compares it with the snapshot `name`.
fn check(name: &str, args: &[&str], stdin: Option<(&str, &str)>) -> Run {
    let r = run(args, stdin);
    snapshot(name, args, stdin, &r, &r.stdout);
    r
}

/// `candor lint --format FORMAT` of an input, with its snapshot `lint_INPUT_FORMAT`.
fn lint(input: &Input, format: &str) -> Run {
    let mut args = vec!["lint", "--format", format];
    if format == "human" {
        args.extend(["--color", "never"]);
    }
    args.extend(input.paths);
    check(&format!("lint_{}_{format}", input.name), &args, input.stdin)
}

/// The exit code `lint` gives an input with the default `--fail-on warning`.
fn expected_code(input: &Input) -> i32 {
    match input.name {
        "otter" => 0,
        "unjudged" => 2,
        _ => 1,
    }
}

fn lint_human(input: &Input) {
    let r = lint(input, "human");
    assert_eq!(r.code, expected_code(input));
    assert!(!r.stdout.contains('\u{1b}'), "no colour with --color never");
}

/// The JSON report: an array with a report per input, in the order given.
fn lint_json(input: &Input) {
    let r = lint(input, "json");
    assert_eq!(r.code, expected_code(input));
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("well-formed JSON");
    let reports = v.as_array().expect("an array of reports");
    assert_eq!(reports.len(), input.paths.len());
    for (report, path) in reports.iter().zip(input.paths) {
        let path = if *path == "-" { "<stdin>" } else { path };
        assert_eq!(report["path"], path);
    }
}

/// SARIF 2.1.0: one run whose results each name a rule of the driver by id and index.
/// Past the demo call, the driver's rules (the same for every input) are replaced by a
/// placeholder in the snapshot, once checked to be candor's rules; the driver's version is
/// replaced everywhere.
fn lint_sarif(input: &Input) {
    let mut args = vec!["lint", "--format", "sarif"];
    args.extend(input.paths);
    let r = run(&args, input.stdin);
    assert_eq!(r.code, expected_code(input));
    let mut v: serde_json::Value = serde_json::from_str(&r.stdout).expect("well-formed JSON");
    assert_eq!(v["version"], "2.1.0");
    let runs = v["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "candor");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().expect("the driver's rules");
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let known: Vec<&str> = candor::rules().iter().map(|r| r.id).collect();
    assert_eq!(ids, known);
    for result in runs[0]["results"].as_array().expect("results") {
        let index = result["ruleIndex"].as_u64().expect("a rule index") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"], "{result}");
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
        let region = &result["locations"][0]["physicalLocation"]["region"];
        let start = (region["startLine"].as_u64(), region["startColumn"].as_u64());
        let end = (region["endLine"].as_u64(), region["endColumn"].as_u64());
        assert!(
            start.0.is_some() && start.1.is_some() && start <= end,
            "{region}"
        );
    }
    let text = if input.name == CALL.name {
        let version = format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION"));
        r.stdout
            .replacen(&version, "\"version\": \"[candor version]\"", 1)
    } else {
        let driver = &mut v["runs"][0]["tool"]["driver"];
        driver["version"] = "[candor version]".into();
        driver["rules"] = "[candor's rules, as in lint_call_sarif.snap]".into();
        serde_json::to_string_pretty(&v).unwrap() + "\n"
    };
    snapshot(
        &format!("lint_{}_sarif", input.name),
        &args,
        input.stdin,
        &r,
        &text,
    );
}

/// GitHub Actions annotations: a line each, `::LEVEL file=…::message`.
fn lint_github(input: &Input) {
    let r = lint(input, "github");
    assert_eq!(r.code, expected_code(input));
    for line in r.stdout.lines() {
        assert!(
            ["::error file=", "::warning file=", "::notice file="]
                .iter()
                .any(|p| line.starts_with(p)),
            "{line}"
        );
    }
}

#[test]
fn lint_call_human() {
    lint_human(&CALL);
}

#[test]
fn lint_call_json() {
    lint_json(&CALL);
}

#[test]
fn lint_call_sarif() {
    lint_sarif(&CALL);
}

#[test]
fn lint_call_github() {
    lint_github(&CALL);
}

#[test]
fn lint_dev03_human() {
    lint_human(&DEV03);
}

#[test]
fn lint_dev03_json() {
    lint_json(&DEV03);
}

#[test]
fn lint_dev03_sarif() {
    lint_sarif(&DEV03);
}

#[test]
fn lint_dev03_github() {
    lint_github(&DEV03);
}

#[test]
fn lint_otter_human() {
    lint_human(&OTTER);
}

#[test]
fn lint_otter_json() {
    lint_json(&OTTER);
}

#[test]
fn lint_otter_sarif() {
    lint_sarif(&OTTER);
}

#[test]
fn lint_otter_github() {
    lint_github(&OTTER);
}

#[test]
fn lint_unjudged_human() {
    lint_human(&UNJUDGED);
}

#[test]
fn lint_unjudged_json() {
    lint_json(&UNJUDGED);
}

#[test]
fn lint_unjudged_sarif() {
    lint_sarif(&UNJUDGED);
}

#[test]
fn lint_unjudged_github() {
    lint_github(&UNJUDGED);
}

#[test]
fn stats_call_human() {
    let r = check(
        "stats_call_human",
        &["stats", "--color", "never", "fixtures/demo/call.vtt"],
        None,
    );
    assert_eq!(r.code, 0);
}

/// A small folder: three timestamped transcripts, one with findings.
const FOLDER: &str = "fixtures/formats/timestamped";

#[test]
fn score_folder_table() {
    let r = check(
        "score_folder_table",
        &["score", "--no-progress", "--color", "never", FOLDER],
        None,
    );
    assert_eq!(r.code, 0);
}

#[test]
fn score_folder_csv() {
    let r = check(
        "score_folder_csv",
        &["score", "--no-progress", "--format", "csv", FOLDER],
        None,
    );
    assert_eq!(r.code, 0);
    let mut rows = csv::Reader::from_reader(r.stdout.as_bytes());
    let rows: Vec<csv::StringRecord> = rows.records().collect::<Result<_, _>>().unwrap();
    assert_eq!(rows.len(), 3, "a row per transcript");
}
