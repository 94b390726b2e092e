//! Helpers the library's tests share: reading labelled cases from the fixtures (the
//! library itself reads no files).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use candor::eval::Case;

/// The repository's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `NAME.labels.json` in `dir` with its `NAME.txt`, in order of name.
pub fn load_cases(dir: &Path) -> Vec<Case> {
    let mut labels: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the labelled folder")
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".labels.json"))
        .collect();
    labels.sort();
    labels
        .iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy();
            let stem = name.strip_suffix(".labels.json").unwrap();
            let json = std::fs::read_to_string(path).expect("labels read");
            Case {
                name: stem.to_string(),
                transcript: std::fs::read(dir.join(format!("{stem}.txt")))
                    .expect("a transcript beside the labels"),
                labels: serde_json::from_str(&json)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display())),
            }
        })
        .collect()
}

/// The labelled cases of every folder in `dir`, in order of name, named `folder/stem`, as
/// `candor train` reads `fixtures/corpus`.
pub fn load_tree(dir: &Path) -> Vec<Case> {
    let mut subdirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the corpus folder")
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.is_dir())
        .collect();
    subdirs.sort();
    let mut out = Vec::new();
    for sub in subdirs {
        let folder = sub.file_name().unwrap().to_string_lossy().into_owned();
        for mut c in load_cases(&sub) {
            c.name = format!("{folder}/{}", c.name);
            out.push(c);
        }
    }
    out
}
