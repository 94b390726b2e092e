//! No transcript is in the labelled fixtures twice. A case held twice (the same episode
//! posted under two shows, or a file an exclusion list missed) can sit in a training fold
//! and a held-out fold at once, and its "untuned" score was taken by a model trained on its
//! twin. Cases are compared by their long lines (eight words or more), speaker and
//! timestamp left out: two cases that share five or more are reported.

use std::collections::HashMap;

mod common;
use common::{load_cases, load_tree, root};

/// Shared long lines from which two cases count as one transcript. Written cases by
/// different hands share at most one stock line ("thanks so much for taking the time…").
const SHARED: usize = 5;

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
    let f = root().join("fixtures");
    let mut cases = load_cases(&f.join("labelled"));
    for dir in ["corpus", "heldout", "pending"] {
        let mut tree = load_tree(&f.join(dir));
        for c in &mut tree {
            c.name = format!("{dir}/{}", c.name);
        }
        cases.extend(tree);
    }
    assert!(cases.len() > 1000, "found only {} cases", cases.len());
    // The first case each long line was seen in, and how many lines each pair shares.
    let mut first: HashMap<String, usize> = HashMap::new();
    let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
    for (k, c) in cases.iter().enumerate() {
        let text = String::from_utf8_lossy(&c.transcript);
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
    let name = |k: usize| cases[k].name.as_str();
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
