//! What the end-to-end tests of the `candor` binary share: running it, the project's
//! fixtures, folders of transcripts to run it on, and reading what it printed.

// Each test file uses only some of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use assert_cmd::assert::Assert;

#[path = "../../benches/support/corpus.rs"]
mod corpus;

/// The binary, with the colour and width variables of the environment running the tests
/// removed, and no user configuration (its folder does not exist).
pub fn candor() -> Command {
    let mut c = Command::cargo_bin("candor").expect("binary");
    c.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("COLUMNS")
        .env("XDG_CONFIG_HOME", "/nonexistent-candor-test-config");
    c
}

/// The project's root folder.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A file or folder under `fixtures/`.
pub fn fixture(p: &str) -> PathBuf {
    root().join("fixtures").join(p)
}

/// A temporary folder holding `files`, as (name, contents).
pub fn dir_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, contents) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(path, contents).unwrap();
    }
    dir
}

/// A temporary folder of `n` generated transcripts in mixed formats; a seed always gives
/// the same ones.
pub fn corpus_dir(n: usize, seed: u64) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    corpus::write_corpus(root(), dir.path(), n, seed).unwrap();
    dir
}

/// What a run printed on standard output.
pub fn stdout(a: &Assert) -> String {
    String::from_utf8(a.get_output().stdout.clone()).unwrap()
}

/// What a run printed on standard error.
pub fn stderr(a: &Assert) -> String {
    String::from_utf8(a.get_output().stderr.clone()).unwrap()
}

/// Standard output of a run that prints one JSON document.
pub fn json(a: &Assert) -> serde_json::Value {
    serde_json::from_slice(&a.get_output().stdout).unwrap()
}

/// Standard output of a run in JSON Lines: one report a line.
pub fn json_lines(a: &Assert) -> Vec<serde_json::Value> {
    stdout(a)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The standard output of `cmd`, whatever its exit code.
pub fn stdout_of(cmd: &mut Command) -> String {
    stdout(&cmd.assert())
}

/// The header of CSV output: its column names.
pub fn csv_header(csv: &str) -> Vec<&str> {
    csv.lines().next().unwrap_or("").split(',').collect()
}

/// One column of CSV output by its name in the header, a cell per row. Cells are taken to
/// hold no commas, as the columns read by the tests (paths, counts) do not.
pub fn csv_column<'a>(csv: &'a str, name: &str) -> Vec<&'a str> {
    let at = csv_header(csv)
        .iter()
        .position(|c| *c == name)
        .unwrap_or_else(|| panic!("no column `{name}` in {csv}"));
    csv.lines()
        .skip(1)
        .map(|l| l.split(',').nth(at).unwrap())
        .collect()
}

/// The `path` and whether it read cleanly, of every report of a JSON Lines run, sorted;
/// fails if a path appears twice.
pub fn paths_once(a: &Assert) -> Vec<(String, bool)> {
    let mut rows: Vec<(String, bool)> = json_lines(a)
        .iter()
        .map(|r| {
            (
                r["path"].as_str().unwrap().to_string(),
                r["error"].is_null(),
            )
        })
        .collect();
    rows.sort();
    let before = rows.len();
    rows.dedup_by(|a, b| a.0 == b.0);
    assert_eq!(rows.len(), before, "a file appeared twice: {rows:?}");
    rows
}
