//! Finding the transcripts to read: files, folders, globs, standard input.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, ReadError, io_message};

/// One input: a file, or standard input.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// The name shown in output.
    pub fn display(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }

    /// The folder its configuration is looked up from.
    pub fn dir(&self) -> PathBuf {
        match self {
            Input::Stdin => PathBuf::from("."),
            Input::File(p) => p
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
        }
    }

    /// Reads the whole input.
    pub fn read(&self) -> Result<Vec<u8>, ReadError> {
        match self {
            Input::Stdin => {
                let mut buf = Vec::new();
                std::io::stdin()
                    .read_to_end(&mut buf)
                    .map_err(ReadError::Stdin)?;
                Ok(buf)
            }
            Input::File(p) => {
                if let Some(ext) = p.extension().and_then(|e| e.to_str()) {
                    if UNSUPPORTED.contains(&ext.to_ascii_lowercase().as_str()) {
                        return Err(ReadError::Unsupported(ext.to_string()));
                    }
                }
                std::fs::read(p).map_err(ReadError::File)
            }
        }
    }
}

/// Extensions taken as transcripts when found in folders.
const TRANSCRIPT: &[&str] = &[
    "vtt",
    "srt",
    "txt",
    "text",
    "md",
    "markdown",
    "json",
    "transcript",
    "docx",
];
/// Transcript-like documents candor cannot read: listed as errors rather than skipped.
const UNSUPPORTED: &[&str] = &["doc", "pdf", "rtf", "odt", "pages"];

/// Whether a file found in a folder should be read.
fn wanted(path: &Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) => {
            let ext = ext.to_ascii_lowercase();
            TRANSCRIPT.contains(&ext.as_str()) || UNSUPPORTED.contains(&ext.as_str())
        }
        // No extension: look inside.
        None => sniff(path),
    }
}

/// Reads the start of a file and asks whether it looks like a transcript.
fn sniff(path: &Path) -> bool {
    let Ok(mut f) = std::fs::File::open(path) else {
        return true; // let the read report why
    };
    let mut buf = vec![0u8; 16 * 1024];
    let n = f.read(&mut buf).unwrap_or(0);
    buf.truncate(n);
    match candor::decode(&buf) {
        Ok(d) => candor::detect(&d.text).is_some(),
        Err(_) => false,
    }
}

/// The inputs named on the command line, with folders walked, and problems found on the way.
pub struct Found {
    pub inputs: Vec<Input>,
    /// Paths that could not be walked, and why; each is an input that failed.
    pub problems: Vec<(Input, String)>,
}

/// Walks the arguments. Folders skip hidden files and honour .gitignore; `globs` include
/// (or with `!`, exclude) paths inside folders. Files given by name are always read.
pub fn find(paths: &[PathBuf], globs: &[String]) -> Result<Found, Error> {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                problems.push((Input::File(path.clone()), io_message(&e)));
                continue;
            }
        };
        if !meta.is_dir() {
            inputs.push(Input::File(path.clone()));
            continue;
        }
        let mut overrides = ignore::overrides::OverrideBuilder::new(path);
        for g in globs {
            overrides.add(g).map_err(|source| Error::Glob {
                glob: g.clone(),
                source,
            })?;
        }
        let overrides = overrides.build().map_err(Error::Globs)?;
        let mut found = Vec::new();
        let walker = ignore::WalkBuilder::new(path)
            .hidden(true)
            .git_ignore(true)
            .git_exclude(true)
            .git_global(false)
            .parents(true)
            .require_git(false)
            .follow_links(true)
            .overrides(overrides)
            .build();
        for entry in walker {
            match entry {
                Ok(e) => {
                    if e.file_type().is_some_and(|t| t.is_file()) && wanted(e.path()) {
                        found.push(e.into_path());
                    }
                }
                Err(err) => {
                    let where_ = walk_error_path(&err).unwrap_or_else(|| path.clone());
                    let msg = err.to_string();
                    if msg.contains("File system loop") {
                        // A symlink back up the tree: nothing is lost, so say so and go on.
                        eprintln!(
                            "warning: {}: skipped a symbolic link that loops back ({msg})",
                            where_.display()
                        );
                    } else {
                        problems.push((Input::File(where_), msg));
                    }
                }
            }
        }
        found.sort();
        inputs.extend(found.into_iter().map(Input::File));
    }
    Ok(Found { inputs, problems })
}

fn walk_error_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}
