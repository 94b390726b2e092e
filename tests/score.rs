//! End-to-end tests of `candor score`.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

use common::{
    candor, corpus_dir, csv_column, csv_header, json, paths_once, root, stderr, stdout_of,
};

/// `candor score` of `dir` with its CSV rows written to `target`.
fn score_csv_into(target: &Path, dir: &Path) -> Command {
    let mut c = candor();
    c.args(["score", "--format", "csv", "--no-progress", "--output"])
        .arg(target)
        .arg(dir);
    c
}

#[test]
fn output_order_does_not_depend_on_threads() {
    let dir = corpus_dir(40, 1);
    let one = stdout_of(
        candor()
            .args(["score", "--format", "csv", "--jobs", "1", "--no-progress"])
            .arg(dir.path()),
    );
    let two = stdout_of(
        candor()
            .args(["score", "--format", "csv", "--jobs", "2", "--no-progress"])
            .arg(dir.path()),
    );
    let four = stdout_of(
        candor()
            .args(["score", "--format", "csv", "--jobs", "4", "--no-progress"])
            .arg(dir.path()),
    );
    assert_eq!(one, two);
    assert_eq!(one, four);
    let paths = csv_column(&one, "path");
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "rows are sorted by path");
    assert_eq!(paths.len(), 40);
}

#[test]
fn every_file_appears_once_even_when_it_fails() {
    let dir = corpus_dir(6, 2);
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(
        dir.path().join("garbage.json"),
        [0u8, 159, 146, 150, 1, 2, 3, 0, 0, 7],
    )
    .unwrap();
    std::fs::write(
        dir.path().join("notes.md"),
        "# Notes\n\nJust some thoughts, no speakers here at all.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("report.docx"), b"PK\x03\x04").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("gone.vtt"), dir.path().join("dangling.vtt"))
        .unwrap();
    std::fs::create_dir(dir.path().join("named-like.vtt")).unwrap();
    std::fs::write(dir.path().join("named-like.vtt/inner.txt"), "Ana: How do you plan the week?\nBo: On Mondays, in a spreadsheet that nobody else opens.\n").unwrap();
    let run = candor()
        .args(["score", "--format", "jsonl", "--no-progress"])
        .arg(dir.path())
        .assert()
        .code(2);
    let rows = paths_once(&run);
    // The notes are not a transcript: a counted skip, not a row.
    let expected = 6 + 3 + 1 + 1;
    assert_eq!(rows.len(), expected, "{rows:#?}");
    let failed: Vec<&str> = rows
        .iter()
        .filter(|(_, ok)| !ok)
        .map(|(p, _)| p.as_str())
        .collect();
    assert_eq!(failed.len(), 4, "{failed:?}");
    let err = stderr(&run);
    for name in ["empty.txt", "garbage.json", "report.docx", "dangling.vtt"] {
        assert!(err.contains(name), "{name} missing from stderr: {err}");
    }
    assert!(
        err.contains("note: skipped 1 file that is not a transcript: ")
            && err.contains("notes.md (--verbose says why)"),
        "{err}"
    );
    assert!(err.contains("not a readable Word document"), "{err}");
    assert!(
        rows.iter()
            .any(|(p, ok)| p.ends_with("named-like.vtt/inner.txt") && *ok)
    );
}

/// The CSV columns docs/report.md promises: the columns before the rules, a column per
/// rule in `candor rules` order, and the columns after them.
fn documented_csv_columns() -> Vec<String> {
    let doc = std::fs::read_to_string(root().join("docs/report.md")).unwrap();
    let start = doc
        .find("* **CSV columns**:")
        .expect("docs/report.md lists the CSV columns");
    let end = doc[start + 1..]
        .find("\n* ")
        .map_or(doc.len(), |i| start + 1 + i);
    // The paragraph's code spans: the columns before the rules, `candor rules`, the columns after.
    let spans: Vec<&str> = doc[start..end].split('`').skip(1).step_by(2).collect();
    let [before, "candor rules", after] = spans[..] else {
        panic!("unexpected CSV columns paragraph: {spans:?}");
    };
    let names = |list: &str| -> Vec<String> {
        list.split(',')
            .map(|c| c.trim().to_string())
            .collect::<Vec<_>>()
    };
    let mut columns = names(before);
    columns.extend(candor::rules().iter().map(|r| r.id.to_string()));
    columns.extend(names(after));
    columns
}

#[test]
fn csv_has_the_documented_columns() {
    let dir = corpus_dir(3, 3);
    let out = stdout_of(
        candor()
            .args(["score", "--format", "csv", "--no-progress"])
            .arg(dir.path()),
    );
    assert_eq!(csv_header(&out), documented_csv_columns());
    assert_eq!(out.lines().count(), 4);
}

#[test]
fn json_is_an_array_of_reports_and_the_summary_goes_to_stderr() {
    let dir = corpus_dir(4, 4);
    let run = candor()
        .args(["score", "--format", "json", "--no-progress"])
        .arg(dir.path())
        .assert()
        .success();
    let v = json(&run);
    assert_eq!(v.as_array().unwrap().len(), 4);
    assert!(v[0]["score"].is_number());
    assert!(v[0]["findings"].as_array().is_some());
    assert!(stderr(&run).contains("Summary: 4 files, 4 interviews judged, 0 not judged, 0 errors"));
}

#[test]
fn table_and_summary() {
    let dir = corpus_dir(12, 5);
    let out = stdout_of(
        candor()
            .args([
                "score",
                "--no-progress",
                "--color",
                "never",
                "--group-by",
                "month",
            ])
            .arg(dir.path()),
    );
    assert!(out.starts_with("file "), "{out}");
    assert!(
        out.contains("Summary: 12 files, 12 interviews judged, 0 not judged, 0 errors"),
        "{out}"
    );
    assert!(out.contains("interviewer talk ratio   mean "), "{out}");
    assert!(out.contains("by interviewer"), "{out}");
    assert!(out.contains("by month"), "{out}");
    assert!(out.contains("\n  2025-"), "months from file names: {out}");
    assert!(out.contains("best") && out.contains("worst"), "{out}");
}

#[test]
fn output_file_is_written_whole_and_leaves_no_temporaries() {
    let dir = corpus_dir(5, 6);
    let out_dir = tempfile::tempdir().unwrap();
    let target = out_dir.path().join("scores.csv");
    let stdout = stdout_of(&mut score_csv_into(&target, dir.path()));
    assert!(
        stdout.contains("Summary: 5 files"),
        "the summary goes to the terminal: {stdout}"
    );
    let written = std::fs::read_to_string(&target).unwrap();
    assert_eq!(written.lines().count(), 6);
    let left: Vec<PathBuf> = std::fs::read_dir(out_dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(left, vec![target.clone()]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&target).unwrap().permissions().mode() & 0o777,
            0o644
        );
    }
}

/// `-o` naming a named pipe (as `/dev/null` is a device) writes into it: renaming a
/// finished file over it, as for an ordinary file, would replace it (as root, even
/// `/dev/null`).
#[cfg(unix)]
#[test]
fn output_to_a_named_pipe_writes_into_it() {
    use std::os::unix::fs::FileTypeExt;
    let dir = corpus_dir(3, 8);
    let out_dir = tempfile::tempdir().unwrap();
    let fifo = out_dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available; skipped");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    score_csv_into(&fifo, dir.path()).assert().success();
    // Checked before waiting for the reader, which waits for ever if the pipe was replaced.
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "the pipe is still a pipe");
    let got = reader.join().unwrap();
    assert_eq!(got.lines().count(), 4, "a header and three rows: {got}");
    let left = std::fs::read_dir(out_dir.path()).unwrap().count();
    assert_eq!(left, 1, "no temporary left beside it");
}

/// `-o` naming a symbolic link replaces the file it points to and keeps the link.
#[cfg(unix)]
#[test]
fn output_through_a_symlink_keeps_the_link() {
    let dir = corpus_dir(3, 9);
    let out_dir = tempfile::tempdir().unwrap();
    let real = out_dir.path().join("real.csv");
    let link = out_dir.path().join("link.csv");
    std::fs::write(&real, "old\n").unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    score_csv_into(&link, dir.path()).assert().success();
    let kind = std::fs::symlink_metadata(&link).unwrap().file_type();
    assert!(kind.is_symlink(), "the link is still a link");
    let written = std::fs::read_to_string(&real).unwrap();
    assert_eq!(written.lines().count(), 4, "{written}");
    assert!(!written.contains("old"), "{written}");
}

#[test]
fn html_report_is_self_contained() {
    let dir = corpus_dir(8, 7);
    let page_dir = tempfile::tempdir().unwrap();
    let page = page_dir.path().join("report.html");
    candor()
        .args(["score", "--no-progress", "--html"])
        .arg(&page)
        .arg(dir.path())
        .assert()
        .success();
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!doctype html>"));
    let generic = usize::from(html.contains("<h3>Generic labels</h3>"));
    assert_eq!(
        html.matches("<svg").count(),
        4 + generic,
        "four charts, the interviewers' in two parts when some are generic labels"
    );
    assert_eq!(html.matches("<tr class=row").count(), 8);
    assert_eq!(html.matches("<tr class=detail").count(), 8);
    assert!(
        !html.contains("http://") && !html.contains("https://") && !html.contains("<link"),
        "no network"
    );
    for name in std::fs::read_dir(dir.path()).unwrap() {
        let name = name.unwrap().file_name().to_string_lossy().to_string();
        assert!(html.contains(&name), "{name}");
    }
}

/// A file that cannot be read makes the batch exit 2, even when its findings would fail it
/// with 1. (The exit codes of clean runs are cases in tests/cmd/.)
#[test]
fn an_unreadable_file_outranks_findings_in_the_exit_code() {
    let dir = corpus_dir(3, 8);
    candor()
        .args(["score", "--no-progress", "--fail-on", "warning"])
        .arg(dir.path())
        .assert()
        .code(1);
    std::fs::write(dir.path().join("bad.txt"), "").unwrap();
    candor()
        .args(["score", "--no-progress", "--fail-on", "warning"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.txt: the file is empty"));
}

#[test]
fn globs_include_and_exclude() {
    let dir = corpus_dir(10, 9);
    let all = stdout_of(
        candor()
            .args(["score", "--format", "csv", "--no-progress"])
            .arg(dir.path()),
    );
    let vtt = stdout_of(
        candor()
            .args([
                "score",
                "--format",
                "csv",
                "--no-progress",
                "--glob",
                "*.vtt",
            ])
            .arg(dir.path()),
    );
    let no_json = stdout_of(
        candor()
            .args([
                "score",
                "--format",
                "csv",
                "--no-progress",
                "--glob",
                "!*.json",
            ])
            .arg(dir.path()),
    );
    let count = |s: &str, ext: &str| {
        csv_column(s, "path")
            .iter()
            .filter(|p| p.ends_with(ext))
            .count()
    };
    assert_eq!(count(&vtt, ".vtt"), count(&all, ".vtt"));
    assert_eq!(vtt.lines().count() - 1, count(&all, ".vtt"));
    assert_eq!(count(&no_json, ".json"), 0);
    assert_eq!(
        no_json.lines().count() - 1,
        all.lines().count() - 1 - count(&all, ".json")
    );
}

#[cfg(unix)]
#[test]
fn interrupting_leaves_no_output_file() {
    let dir = corpus_dir(400, 10);
    let out_dir = tempfile::tempdir().unwrap();
    let target = out_dir.path().join("scores.csv");
    let bin = assert_cmd::cargo::cargo_bin("candor");
    let mut child = std::process::Command::new(bin)
        .args([
            "score",
            "--format",
            "csv",
            "--jobs",
            "1",
            "--no-progress",
            "--output",
        ])
        .arg(&target)
        .arg(dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(400));
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    if status.success() {
        // The batch finished before the signal arrived: nothing to check on this machine.
        return;
    }
    assert_eq!(status.code(), Some(130), "{status:?}");
    assert!(!target.exists(), "no half-written output");
    let left: Vec<_> = std::fs::read_dir(out_dir.path()).unwrap().collect();
    assert!(left.is_empty(), "temporaries removed: {left:?}");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_neither_hangs_nor_repeats_files() {
    let dir = corpus_dir(5, 21);
    let sub = dir.path().join("team/alice");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(
        sub.join("call.txt"),
        "Ana: How do you plan the week?\nBo: On Mondays, in a spreadsheet nobody else opens.\n",
    )
    .unwrap();
    // alice/up -> team, and a link to the root itself: both lead back into the tree.
    std::os::unix::fs::symlink("..", sub.join("up")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("again")).unwrap();
    let run = candor()
        .args(["score", "--format", "jsonl", "--no-progress"])
        .arg(dir.path())
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(0);
    let rows = paths_once(&run);
    assert_eq!(rows.len(), 6, "{rows:?}");
    assert!(rows.iter().all(|(_, ok)| *ok), "{rows:?}");
    assert!(rows.iter().any(|(p, _)| p.ends_with("team/alice/call.txt")));
    let err = stderr(&run);
    assert!(err.contains("loops back"), "the loop is reported: {err}");
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_an_error_row_not_a_lost_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = corpus_dir(3, 22);
    let locked = dir.path().join("locked.vtt");
    std::fs::write(
        &locked,
        "WEBVTT\n\n00:00.000 --> 00:02.000\n<v Ana>How do you plan the week?\n",
    )
    .unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads any file whatever its mode; then the file must come out analysed instead.
    let readable = std::fs::File::open(&locked).is_ok();
    let run = candor()
        .args(["score", "--format", "jsonl", "--no-progress"])
        .arg(dir.path())
        .assert()
        .code(if readable { 0 } else { 2 });
    let rows = paths_once(&run);
    assert_eq!(rows.len(), 4, "{rows:?}");
    let row = rows
        .iter()
        .find(|(p, _)| p.ends_with("locked.vtt"))
        .unwrap();
    assert_eq!(row.1, readable, "{rows:?}");
    if !readable {
        let err = stderr(&run);
        assert!(
            err.contains("locked.vtt") && err.contains("permission denied"),
            "{err}"
        );
    }
}

#[test]
fn a_file_that_changes_while_read_is_read_once() {
    let dir = corpus_dir(4, 23);
    let live = dir.path().join("live.txt");
    let line = "Ana: And how did that go for the team?\nBo: It went well, we shipped the export on time.\n";
    std::fs::write(&live, line.repeat(50)).unwrap();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (live, stop) = (live.clone(), stop.clone());
        std::thread::spawn(move || {
            use std::io::Write;
            let mut n = 0u64;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                // Alternately grow the file and cut it back, sometimes mid-line.
                if n % 3 == 2 {
                    let f = std::fs::OpenOptions::new().write(true).open(&live).unwrap();
                    f.set_len(37 * (n % 11)).unwrap();
                } else {
                    let mut f = std::fs::OpenOptions::new()
                        .append(true)
                        .open(&live)
                        .unwrap();
                    f.write_all(line.repeat(200).as_bytes()).unwrap();
                }
                n += 1;
            }
        })
    };
    for _ in 0..8 {
        let run = candor()
            .args(["score", "--format", "jsonl", "--no-progress"])
            .arg(dir.path())
            .timeout(std::time::Duration::from_secs(60))
            .assert();
        // Whatever state the file was caught in, it is one row (a report or an error), or,
        // caught cut back to one line, a counted skip.
        let code = run.get_output().status.code();
        assert!(matches!(code, Some(0..=2)), "{run:?}");
        let rows = paths_once(&run);
        let skipped = stderr(&run).contains("skipped 1 file that is not a transcript");
        assert_eq!(rows.len() + usize::from(skipped), 5, "{rows:?}");
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    writer.join().unwrap();
}

/// A Zoom folder's chat log beside a real interview: the chat is listed as not judged, and
/// never reaches the means, the best list, the HTML charts, or "No findings".
#[test]
fn files_not_judged_are_listed_apart_from_the_figures() {
    let chat = std::fs::read(root().join(
        "../shared/formats/zoom-chat-txt/womenintechallies-meeting_saved_chat-v1-from-privately.txt",
    ))
    .expect("the shared samples beside the repository");
    let interview = std::fs::read(root().join("fixtures/labelled/dev03.txt")).unwrap();
    let dir = common::dir_with(&[
        ("meeting_saved_chat.txt", &chat),
        ("interview.txt", &interview),
    ]);
    // Named on the command line, so that the chat log is read (a folder walk skips it as
    // not a transcript: see tests/cli.rs) and judged not to be an interview.
    let files = [
        dir.path().join("interview.txt"),
        dir.path().join("meeting_saved_chat.txt"),
    ];
    let out = stdout_of(
        candor()
            .args(["score", "--no-progress", "--color", "never"])
            .args(&files),
    );
    assert!(
        out.contains("Summary: 2 files, 1 interview judged, 1 not judged, 0 errors"),
        "{out}"
    );
    let best = &out[out.find("\n  best").expect("a best list")..];
    assert!(!best.contains("meeting_saved_chat"), "{out}");
    assert!(out.contains("not judged: chat-log"), "{out}");
    let csv = stdout_of(
        candor()
            .args(["score", "--no-progress", "--format", "csv"])
            .args(&files),
    );
    assert_eq!(csv_column(&csv, "status"), ["judged", "not-judged"]);
    assert_eq!(csv_column(&csv, "reason"), ["", "chat-log"]);
    assert_eq!(csv_column(&csv, "score")[1], "");
    // lint never calls it clean.
    let lint = stdout_of(
        candor()
            .args(["lint", "--color", "never"])
            .arg(dir.path().join("meeting_saved_chat.txt")),
    );
    assert!(!lint.contains("No findings"), "{lint}");
    assert!(lint.contains("not judged (chat-log)"), "{lint}");
}

/// The CSV has the date the summary groups months by: from the file name, else empty.
#[test]
fn csv_has_the_date_the_summary_groups_by() {
    let interview = std::fs::read(root().join("fixtures/labelled/dev03.txt")).unwrap();
    let dir = common::dir_with(&[
        ("2025-03-14-acme.txt", &interview),
        ("undated.txt", &interview),
    ]);
    let csv = stdout_of(
        candor()
            .args(["score", "--format", "csv", "--no-progress", "-q"])
            .arg(dir.path()),
    );
    let paths = csv_column(&csv, "path");
    let dates = csv_column(&csv, "date");
    let date_of = |name: &str| dates[paths.iter().position(|p| p.ends_with(name)).unwrap()];
    assert_eq!(date_of("2025-03-14-acme.txt"), "2025-03-14", "{csv}");
    assert_eq!(date_of("undated.txt"), "", "{csv}");
    let table = stdout_of(
        candor()
            .args(["score", "--no-progress", "--color", "never"])
            .args(["--group-by", "month"])
            .arg(dir.path()),
    );
    assert!(table.contains("\n  2025-03 "), "{table}");
}

/// The summary's table ranks interviewers as the HTML report does: people by mean score,
/// best first, then the labels a transcript gives instead of a name, apart.
#[test]
fn the_interviewer_table_ranks_people_and_puts_labels_apart() {
    let good = std::fs::read_to_string(root().join("tests/cmd/transcripts/good.txt")).unwrap();
    let bad = std::fs::read_to_string(root().join("tests/cmd/transcripts/bad.txt")).unwrap();
    let dir = common::dir_with(&[
        // Alphabetically first, and the worst.
        ("a.txt", bad.replace("Maya:", "Abe:").as_bytes()),
        ("b.txt", good.replace("Maya:", "Zoe:").as_bytes()),
        ("c.txt", good.replace("Maya:", "Interviewer:").as_bytes()),
    ]);
    let out = stdout_of(candor().current_dir(dir.path()).args([
        "score",
        "--no-progress",
        "--color",
        "never",
        ".",
    ]));
    let table: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.contains("by interviewer"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect();
    assert_eq!(table.len(), 4, "{out}");
    assert!(table[0].starts_with("Zoe "), "{out}");
    assert!(table[1].starts_with("Abe "), "{out}");
    assert_eq!(table[2], "labels, not people:", "{out}");
    assert!(table[3].starts_with("Interviewer "), "{out}");
}
