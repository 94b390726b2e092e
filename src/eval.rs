//! Reading labelled cases for `candor eval`: each `NAME.labels.json` in a folder with the
//! transcript beside it (the format of `fixtures/labelled/SPEC.md`).

use std::path::Path;

use candor::eval::{Case, Labels};

use crate::error::Error;

/// Reads the labelled cases of a folder ([`load_dir`]) or, when it has none, of each folder
/// in it, in order of name; a case found in a subfolder is named `folder/stem`.
pub fn load_tree(dir: &Path) -> Result<Vec<Case>, Error> {
    let cases = load_dir(dir)?;
    if !cases.is_empty() {
        return Ok(cases);
    }
    let mut subdirs: Vec<_> = std::fs::read_dir(dir)
        .map_err(|source| Error::Read {
            path: dir.to_path_buf(),
            source,
        })?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    subdirs.sort();
    let mut out = Vec::new();
    for sub in subdirs {
        let folder = sub.file_name().map(|n| n.to_string_lossy().into_owned());
        for mut c in load_dir(&sub)? {
            if let Some(f) = &folder {
                c.name = format!("{f}/{}", c.name);
            }
            out.push(c);
        }
    }
    Ok(out)
}

/// Reads every `*.labels.json` in a folder with its transcript beside it (`.txt`, or any
/// extension), in order of file name.
pub fn load_dir(dir: &Path) -> Result<Vec<Case>, Error> {
    let read_error = |p: &Path| {
        let path = p.to_path_buf();
        move |source| Error::Read { path, source }
    };
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(read_error(dir))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    let mut cases = Vec::new();
    for path in &entries {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(stem) = name.strip_suffix(".labels.json") else {
            continue;
        };
        let src = std::fs::read_to_string(path).map_err(read_error(path))?;
        let labels: Labels = serde_json::from_str(&src).map_err(|source| Error::Labels {
            path: path.clone(),
            source,
        })?;
        // NAME.txt, else another file named NAME (not a case's source, NAME.src).
        let beside = |p: &&std::path::PathBuf| {
            p.file_stem().and_then(|s| s.to_str()) == Some(stem)
                && !p.to_string_lossy().ends_with(".labels.json")
                && p.extension().is_none_or(|e| e != "src")
        };
        let transcript_path = entries
            .iter()
            .filter(beside)
            .find(|p| p.extension().is_some_and(|e| e == "txt"))
            .or_else(|| entries.iter().find(beside))
            .ok_or_else(|| Error::NoTranscriptBeside {
                path: path.clone(),
                stem: stem.to_string(),
            })?;
        let transcript = std::fs::read(transcript_path).map_err(read_error(transcript_path))?;
        cases.push(Case {
            name: stem.to_string(),
            transcript,
            labels,
        });
    }
    Ok(cases)
}
