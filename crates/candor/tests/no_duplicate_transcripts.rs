//! No transcript is in the labelled fixtures twice. A case held twice (the same episode
//! posted under two shows, or a file an exclusion list missed) can sit in a training fold
//! and a held-out fold at once, and its "untuned" score was taken by a model trained on its
//! twin. Cases are compared by their long lines (eight words or more), speaker and
//! timestamp left out: two cases that share five or more are reported.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Shared long lines from which two cases count as one transcript. Written cases by
/// different hands share at most one stock line ("thanks so much for taking the time…").
const SHARED: usize = 5;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every labelled case's transcript under `dir`: a `.txt` beside a `.labels.json`, outside
/// the batches' `tools/` folders (whole converted sources kept as provenance).
fn transcripts(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n != "tools") {
                transcripts(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "txt")
            && p.with_extension("labels.json").exists()
        {
            out.push(p);
        }
    }
}

/// A line's words, lower case, letters and digits only, without its timestamp and speaker.
fn normalised(line: &str) -> Vec<String> {
    let mut l = line.trim_start();
    if l.starts_with('[') {
        if let Some(end) = l.find(']') {
            l = l[end + 1..].trim_start();
        }
    }
    if let Some(colon) = l.find(':') {
        if colon <= 60 {
            l = &l[colon + 1..];
        }
    }
    l.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn no_transcript_is_in_the_labelled_fixtures_twice() {
    let mut files = Vec::new();
    for dir in ["corpus", "heldout", "labelled", "pending"] {
        transcripts(&root().join("fixtures").join(dir), &mut files);
    }
    files.sort();
    assert!(files.len() > 1000, "found only {} cases", files.len());
    // The first case each long line was seen in, and how many lines each pair shares.
    let mut first: HashMap<String, usize> = HashMap::new();
    let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
    for (k, f) in files.iter().enumerate() {
        let text = std::fs::read_to_string(f).expect("a readable transcript");
        let mut mine: Vec<String> = text
            .lines()
            .map(normalised)
            .filter(|w| w.len() >= 8)
            .map(|w| w.join(" "))
            .collect();
        mine.sort();
        mine.dedup();
        for l in mine {
            match first.get(&l) {
                Some(&j) => *shared.entry((j, k)).or_default() += 1,
                None => {
                    first.insert(l, k);
                }
            }
        }
    }
    let name = |k: usize| {
        files[k]
            .strip_prefix(root())
            .unwrap_or(&files[k])
            .display()
            .to_string()
    };
    let mut twins: Vec<String> = shared
        .iter()
        .filter(|(_, n)| **n >= SHARED)
        .map(|((a, b), n)| format!("{} and {} share {n} long lines", name(*a), name(*b)))
        .collect();
    twins.sort();
    assert!(twins.is_empty(), "{}", twins.join("\n"));
}

#[test]
fn lines_are_compared_without_timestamp_speaker_or_punctuation() {
    assert_eq!(
        normalised("[00:12:31] Jerod Santo: So, how'd you get here?"),
        ["so", "how", "d", "you", "get", "here"]
    );
    assert_eq!(normalised("No speaker here"), ["no", "speaker", "here"]);
}
