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
/// How much of a plain or Markdown text [`is_notes`] parses first.
const CONVERSATION_PREFIX: usize = 16 * 1024;

/// Whether a plain or Markdown text is notes: it parses, into fewer than two turns (a file
/// that does not parse is not notes: it is read, and its error reported). A transcript
/// shows two turns within its first lines, so the first [`CONVERSATION_PREFIX`] bytes (to
/// the end of a line) are parsed first, and the whole only when they hold fewer: a
/// folder's transcripts are not parsed twice in full before they are analysed.
fn is_notes(decoded: &candor::Decoded, format: candor::Format) -> bool {
    let text = &decoded.text;
    if text.len() > CONVERSATION_PREFIX {
        // The last line end in the prefix: `\n` is one byte of UTF-8, so the cut falls
        // between characters. The text is decoded already (UTF-8, `\n` line ends), so
        // decoding the prefix again gives it back.
        let cut = text.as_bytes()[..CONVERSATION_PREFIX]
            .iter()
            .rposition(|&b| b == b'\n');
        let prefix = cut.and_then(|cut| candor::decode(&text.as_bytes()[..cut]).ok());
        let turns = |d: &candor::Decoded| {
            candor::parse_decoded(d, Some(format)).map_or(0, |t| t.turns.len())
        };
        if prefix.is_some_and(|p| turns(&p) >= 2) {
            return false;
        }
    }
    candor::parse_decoded(decoded, Some(format)).is_ok_and(|t| t.turns.len() < 2)
}

/// Transcript-like documents candor cannot read: listed as errors rather than skipped.
const UNSUPPORTED: &[&str] = &["doc", "pdf", "rtf", "odt", "pages"];

/// Why a file found in a folder is not read as a transcript, or `None` to read it.
///
/// By name: other extensions (a consent PDF, Whisper's `.tsv` and `.lrc` beside its `.vtt`,
/// images), the labelled corpus's `*.labels.json`, a Zoom recording's `*.conf.json`. By
/// content: a chat log (Zoom's `meeting_saved_chat.txt`, whatever it is called), text with
/// no speaker turns or a single one (notes, a README, a labelling spec) and JSON of another
/// shape. A file
/// that looks like a transcript but cannot be read (empty, invalid JSON, unreadable) is
/// read, so that it fails with its reason.
fn skip_reason(path: &Path) -> Option<String> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if name.ends_with(".labels.json") {
        return Some("labels of a labelled transcript, not a transcript".into());
    }
    if name.ends_with(".conf.json") {
        return Some("a recording's configuration, not a transcript".into());
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some(e) if UNSUPPORTED.contains(&e) => {
            return Some(format!(
                "a {} file; candor reads .vtt, .srt, .txt, .md, .json and .docx",
                e.to_ascii_uppercase()
            ));
        }
        Some(e) if !TRANSCRIPT.contains(&e) => {
            return Some(format!("a .{e} file, not a transcript format candor reads"));
        }
        _ => {}
    }
    let Ok(bytes) = std::fs::read(path) else {
        return None; // let the read report why
    };
    let Ok(decoded) = candor::decode(&bytes) else {
        // Empty or binary: with a transcript's extension it fails and says why; without
        // one it is some other file.
        return ext
            .is_none()
            .then(|| "not text, and no transcript extension".into());
    };
    let text = &decoded.text;
    if is_chat_log(text) {
        return Some("a meeting chat log (typed messages, not speech)".into());
    }
    if let Some(format) = candor::detect(text) {
        // Notes with one `Key: value` line read as plain text with one turn: a transcript
        // in these formats has a conversation.
        let notes = matches!(format, candor::Format::Plain | candor::Format::Markdown)
            && is_notes(&decoded, format);
        return notes.then(|| {
            "text with one speaker label and no conversation (notes, not a transcript)".into()
        });
    }
    let trimmed = text.trim_start();
    if trimmed.starts_with(['{', '[']) {
        // Valid JSON of another shape is some other file; invalid JSON fails with its line.
        return serde_json::from_str::<serde_json::Value>(trimmed)
            .is_ok()
            .then(|| "JSON that holds no transcript".into());
    }
    Some("text with no speaker turns (notes, not a transcript)".into())
}

/// Whether text is a meeting chat log rather than speech: most of its lines are Zoom chat
/// messages, `12:01:33\t From Ana to Everyone : text`, `12:01:33 From Ana : text`,
/// `12:01:33\tAna:\ttext` (the cloud recording's), or continue one with a tab.
fn is_chat_log(text: &str) -> bool {
    static MESSAGE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^\d{1,2}:\d{2}:\d{2}(?:\s+(?:From\s+.{1,80}?\s:\s?|.{1,80}?:\t)|\t.{1,80}?:\t)",
        )
        .expect("valid regex")
    });
    let (mut lines, mut messages) = (0usize, 0usize);
    for line in text.lines().filter(|l| !l.trim().is_empty()).take(400) {
        lines += 1;
        if MESSAGE.is_match(line) || line.starts_with('\t') {
            messages += 1;
        }
    }
    messages >= 2 && messages * 10 >= lines * 8
}

/// Whether a path found in a folder is hidden: a part of it below the folder walked starts
/// with a dot (macOS's `._call.vtt` too). The walker skips these, but a `--glob` that
/// matches them would let them through.
fn hidden(root: &Path, path: &Path) -> bool {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .any(|c| {
            c.as_os_str()
                .to_str()
                .is_some_and(|s| s.starts_with('.') && s != "." && s != "..")
        })
}

/// The inputs named on the command line, with folders walked, and problems found on the way.
pub struct Found {
    pub inputs: Vec<Input>,
    /// Paths that could not be walked, and why; each is an input that failed.
    pub problems: Vec<(Input, String)>,
    /// Files found in folders that are not transcripts, and why: counted, never read.
    pub skipped: Vec<(PathBuf, String)>,
}

/// Tells the person running candor which files were skipped: a count and the first few
/// names, or with `verbose` each file and why.
pub fn report_skipped(
    err: &mut dyn std::io::Write,
    skipped: &[(PathBuf, String)],
    verbose: bool,
) -> std::io::Result<()> {
    {
        let n = skipped.len();
        if n == 0 {
            return Ok(());
        }
        let files = if n == 1 {
            "file that is not a transcript"
        } else {
            "files that are not transcripts"
        };
        if verbose {
            writeln!(err, "note: skipped {n} {files}:")?;
            for (path, why) in skipped {
                writeln!(err, "  {}: {why}", path.display())?;
            }
            return Ok(());
        }
        const SHOWN: usize = 5;
        let names: Vec<String> = skipped
            .iter()
            .take(SHOWN)
            .map(|(p, _)| p.display().to_string())
            .collect();
        let more = if n > SHOWN {
            format!(" and {} more", n - SHOWN)
        } else {
            String::new()
        };
        writeln!(
            err,
            "note: skipped {n} {files}: {}{more} (--verbose says why)",
            names.join(", ")
        )
    }
}

/// Walks the arguments. Folders skip hidden files (with `--glob` too) and honour
/// .gitignore; `globs` include (or with `!`, exclude) paths inside folders; files in them
/// that are not transcripts are listed in [`Found::skipped`]. Files given by name are
/// always read.
pub fn find(paths: &[PathBuf], globs: &[String]) -> Result<Found, Error> {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    let mut skipped = Vec::new();
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
                    if !e.file_type().is_some_and(|t| t.is_file()) || hidden(path, e.path()) {
                        continue;
                    }
                    match skip_reason(e.path()) {
                        Some(why) => skipped.push((e.into_path(), why)),
                        None => found.push(e.into_path()),
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
                        let msg = walk_error_message(&err, &where_);
                        problems.push((Input::File(where_), msg));
                    }
                }
            }
        }
        found.sort();
        inputs.extend(found.into_iter().map(Input::File));
    }
    skipped.sort();
    Ok(Found {
        inputs,
        problems,
        skipped,
    })
}

/// What failed on a path met while walking a folder, worded for people rather than the
/// walker's "IO error for operation on …" (the row names the path itself).
fn walk_error_message(err: &ignore::Error, path: &Path) -> String {
    let Some(io) = err.io_error() else {
        return err.to_string();
    };
    let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if link && std::fs::metadata(path).is_err() {
        return format!(
            "cannot follow this symbolic link: its target {}",
            match io.kind() {
                std::io::ErrorKind::NotFound => "does not exist".to_string(),
                _ => format!("cannot be read ({})", io_message(io)),
            }
        );
    }
    let what = if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        "cannot read this folder"
    } else {
        "cannot read"
    };
    format!("{what}: {}", io_message(io))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `text` is notes, read in the format it is detected as (plain or Markdown).
    fn notes(text: &str) -> bool {
        let format = candor::detect(text).expect("detected");
        assert!(matches!(
            format,
            candor::Format::Plain | candor::Format::Markdown
        ));
        is_notes(&candor::decode(text.as_bytes()).unwrap(), format)
    }

    /// Ana's lines, long enough to fill the prefix twice over, with two-byte characters;
    /// a first line padded so that the prefix's last byte falls inside one of them.
    fn ana() -> String {
        let line = "Ana: Où était le café, déjà ? On y était à midi, je crois.\n";
        (0..64)
            .map(|pad| format!("Ana: ok{}\n{}", "k".repeat(pad), line.repeat(600)))
            .find(|t| !t.is_char_boundary(CONVERSATION_PREFIX))
            .unwrap()
    }

    #[test]
    fn one_speaker_however_long_is_notes() {
        // One turn (a speaker's lines in a row are one turn) past the prefix: the whole is
        // parsed too, and still holds one turn.
        let text = ana();
        assert!(text.len() > 2 * CONVERSATION_PREFIX);
        assert!(notes(&text));
    }

    #[test]
    fn a_second_speaker_in_or_past_the_prefix_makes_a_transcript() {
        let text = ana();
        let early = format!("Bo: Bonjour.\n{text}");
        assert!(!notes(&early));
        // The prefix (cut at a line end inside a character's reach) holds Ana alone; Bo
        // answers after it, and the whole is parsed to find him.
        let late = format!("{text}Bo: Oui.\n");
        assert!(late.find("Bo:").unwrap() > CONVERSATION_PREFIX);
        assert!(!notes(&late));
    }

    #[test]
    fn a_text_that_does_not_parse_is_not_notes() {
        // Labels and no words: not notes, so the file is read and its error reported.
        let text = "Ana:\nBo:\n";
        assert!(candor::parse(text.as_bytes(), Some(candor::Format::Plain)).is_err());
        let decoded = candor::decode(text.as_bytes()).unwrap();
        assert!(!is_notes(&decoded, candor::Format::Plain));
    }
}
