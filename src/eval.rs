//! Reading labelled cases for `candor eval`: each `NAME.labels.json` in a folder with the
//! transcript beside it (the format of `fixtures/labelled/SPEC.md`).

use std::path::Path;

use candor::eval::{Case, Labels};

use crate::error::Error;

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
        let transcript_path = entries
            .iter()
            .find(|p| {
                p.file_stem().and_then(|s| s.to_str()) == Some(stem)
                    && !p.to_string_lossy().ends_with(".labels.json")
            })
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
