//! Baselines: the findings a team has accepted, written by `candor lint --write-baseline`
//! and read by `--baseline`, which then reports only the others.
//!
//! A finding is matched on its file (the path without its extension, so a re-export to
//! another format matches), its rule, its speaker and its text normalised (case,
//! punctuation and spacing aside), not on its line or column: a transcript exported again
//! with other timings or line breaks keeps its accepted findings. Each entry accepts one
//! finding; the same words flagged twice need two entries.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// The file: a version and the accepted findings.
#[derive(Debug, Serialize, Deserialize)]
pub struct BaselineFile {
    pub version: u32,
    pub findings: Vec<Entry>,
}

/// One accepted finding.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    /// The file, as candor names it (the path given on the command line).
    pub path: String,
    pub rule: String,
    pub speaker: String,
    /// The sentence (or turn) flagged, normalised.
    pub text: String,
}

impl Entry {
    pub fn new(path: &str, f: &candor::Finding) -> Self {
        Entry {
            path: path.to_string(),
            rule: f.rule.clone(),
            speaker: f.speaker.clone(),
            text: normalise(&f.text),
        }
    }

    /// What is compared: the path less its extension, the rule, the speaker and the text,
    /// each normalised.
    fn key(&self) -> (String, String, String, String) {
        let p = Path::new(&self.path);
        let stem = p.with_extension("").display().to_string();
        (
            stem,
            self.rule.clone(),
            normalise(&self.speaker),
            normalise(&self.text),
        )
    }
}

/// Lower case, letters and digits only, single spaces.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// A baseline read for matching: how many of each finding are accepted.
pub struct Baseline {
    left: HashMap<(String, String, String, String), usize>,
    /// Findings matched so far.
    pub matched: usize,
}

impl Baseline {
    pub fn read(path: &Path) -> Result<Self, Error> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let file: BaselineFile = serde_json::from_str(&text).map_err(|source| Error::Baseline {
            path: path.to_path_buf(),
            source,
        })?;
        let mut left = HashMap::new();
        for e in &file.findings {
            *left.entry(e.key()).or_insert(0) += 1;
        }
        Ok(Baseline { left, matched: 0 })
    }

    /// Whether the finding is accepted; each entry accepts one finding.
    pub fn accepts(&mut self, path: &str, f: &candor::Finding) -> bool {
        match self.left.get_mut(&Entry::new(path, f).key()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                self.matched += 1;
                true
            }
            _ => false,
        }
    }
}

/// Writes the findings as a baseline, sorted so that the file diffs well.
pub fn write(path: &Path, mut entries: Vec<Entry>) -> Result<usize, Error> {
    entries.sort();
    let n = entries.len();
    let file = BaselineFile {
        version: 1,
        findings: entries,
    };
    let mut out = crate::output::AtomicFile::create(path)?;
    let text = serde_json::to_string_pretty(&file)?;
    use std::io::Write;
    writeln!(out.writer(), "{text}").map_err(|source| Error::Write {
        path: path.to_path_buf(),
        source,
    })?;
    out.commit()?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_ignores_case_punctuation_and_spacing() {
        assert_eq!(
            normalise("  Don't you think — it's a NIGHTMARE?! "),
            "don t you think it s a nightmare"
        );
    }

    #[test]
    fn keys_ignore_the_extension_and_the_speakers_case() {
        let a = Entry {
            path: "calls/maya.vtt".into(),
            rule: "selling".into(),
            speaker: "Maya".into(),
            text: "Our app does it.".into(),
        };
        let b = Entry {
            path: "calls/maya.txt".into(),
            speaker: "maya".into(),
            text: "our app does it".into(),
            ..a.clone()
        };
        assert_eq!(a.key(), b.key());
        let c = Entry {
            path: "calls/tom.vtt".into(),
            ..a.clone()
        };
        assert_ne!(a.key(), c.key());
    }
}
