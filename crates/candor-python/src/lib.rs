//! `candor._candor`, the native half of the `candor` Python package.
//!
//! It wraps the `candor` library and adds nothing to its judgement: an analyser built from a
//! configuration, reports serialised with `serde_json` exactly as the CLI serialises them,
//! transcripts, the rule list, and the two file-system chores the library leaves to its
//! callers (reading a file, walking a folder), done as `candor`'s command line does them.
//! The Python package (`python/candor/`) turns the JSON into typed objects.
//!
//! Analysis runs with the GIL released, on a thread pool for batches, and never panics
//! across the boundary: errors become `candor.Error` subclasses, a failed file a report
//! with `error` set.
//!
//! Finding and reading files, and the rows of `candor score --format csv`, are the command
//! line's own code, compiled into this crate as it is: `src/files.rs` (with the errors it
//! words, `src/error.rs`), `src/render/csv.rs` and the row it renders, `src/summary.rs`.
//! Which files in a folder are transcripts, what a file that cannot be read says, and what
//! each column holds cannot drift from `candor score`. Those files must therefore use
//! nothing else of the CLI than each other and `args::GroupBy` (mirrored below).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use rayon::prelude::*;
use serde::Serialize;

use candor::{Config, Format, Report};

/// The CSV of `candor score --format csv`.
#[allow(dead_code)]
#[path = "../../../src/render/csv.rs"]
mod csv_out;
/// The CLI's errors, for `files` (the variants it does not use are the CLI's business).
#[allow(dead_code)]
#[path = "../../../src/error.rs"]
mod error;
/// The CLI's file finding: folders walked, files that are not transcripts skipped, files read.
#[allow(dead_code)]
#[path = "../../../src/files.rs"]
mod files;
/// A report's row, for the CSV (the summary's aggregates are the CLI's business).
#[allow(dead_code)]
#[path = "../../../src/summary.rs"]
mod summary;
/// What `summary` takes from the CLI's options: `--group-by`, as the CLI defines it.
#[allow(dead_code)]
mod args {
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum GroupBy {
        Interviewer,
        Folder,
        Month,
    }
}

create_exception!(
    candor,
    Error,
    PyException,
    "Base class of every error candor raises. `path` is the file it concerns and `line` \
     the 1-based line, each None where unknown."
);
create_exception!(
    candor,
    InputError,
    Error,
    "A transcript could not be read: no such file, a folder, or a document format candor \
     does not read (.pdf, .doc…)."
);
create_exception!(
    candor,
    ParseError,
    Error,
    "A transcript could not be decoded or parsed: empty, binary, no speaker turns, or its \
     format's syntax broken. `line` is the 1-based line it concerns, or None."
);
create_exception!(
    candor,
    ConfigError,
    Error,
    "A configuration (a candor.toml, a dict, or an option) or a format name candor cannot use."
);
create_exception!(
    candor,
    UnknownRuleError,
    Error,
    "A rule id that is not a built-in rule."
);

/// A library error as the Python exception it maps to; a `ParseError` carries its `line`.
fn to_py(e: &candor::Error) -> PyErr {
    match e {
        candor::Error::Config(_) | candor::Error::UnknownFormat { .. } => {
            ConfigError::new_err(e.to_string())
        }
        _ => Python::attach(|py| {
            let err = ParseError::new_err(e.to_string());
            match err.value(py).setattr("line", e.line()) {
                Ok(()) => err,
                Err(other) => other,
            }
        }),
    }
}

/// `format=` as a library format: a name or alias from docs/formats.md, or None to detect.
fn format_of(name: Option<&str>) -> PyResult<Option<Format>> {
    name.map(|n| n.parse::<Format>().map_err(|e| to_py(&e)))
        .transpose()
}

/// Reads a transcript file as the CLI does (documents candor cannot read are refused by
/// their extension), or says why it cannot, in the CLI's words.
fn read_path(path: &Path) -> Result<Vec<u8>, String> {
    files::Input::File(path.to_path_buf())
        .read()
        .map_err(|e| e.to_string())
}

/// One input of a batch: its name in the report, and its bytes or the file to read.
enum Input {
    Bytes(Vec<u8>),
    File(PathBuf),
}

/// How an input ended: analysed (perhaps into a failed report), or not read at all.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Ok,
    ReadFailed,
    ParseFailed,
    /// The library panicked: a bug, reported as the file's error rather than unwound
    /// into Python.
    Panicked,
}

impl Outcome {
    fn name(self) -> Option<&'static str> {
        match self {
            Outcome::Ok => None,
            Outcome::ReadFailed => Some("read"),
            Outcome::ParseFailed => Some("parse"),
            Outcome::Panicked => Some("internal"),
        }
    }
}

/// Runs `f`, turning a panic into an error message.
fn unpanicked<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_string());
        format!("internal error in candor (please report it): {what}")
    })
}

/// Takes a Python `bytes` or `str` as transcript bytes (a `str` as UTF-8).
fn bytes_of(obj: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    if obj.is_instance_of::<PyString>() {
        return Ok(obj.extract::<String>()?.into_bytes());
    }
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "a transcript is str or bytes, not {}",
        obj.get_type().name()?
    )))
}

/// The analyser, built once (its patterns compiled) and shared by every thread.
#[pyclass(frozen, module = "candor._candor")]
struct NativeAnalyzer {
    inner: Arc<candor::Analyzer>,
}

#[pymethods]
impl NativeAnalyzer {
    /// Builds an analyser. `toml` (named `toml_name` in messages) or `json` is the
    /// configuration, else the defaults; the other arguments override it as the CLI's
    /// options override a candor.toml.
    #[new]
    #[pyo3(signature = (*, toml=None, toml_name=None, json=None, interviewers=None,
        interviewees=None, profile=None, select=None, ignore=None, learned=None,
        min_confidence=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        toml: Option<String>,
        toml_name: Option<String>,
        json: Option<String>,
        interviewers: Option<Vec<String>>,
        interviewees: Option<Vec<String>>,
        profile: Option<String>,
        select: Option<Vec<String>>,
        ignore: Option<Vec<String>>,
        learned: Option<bool>,
        min_confidence: Option<f64>,
    ) -> PyResult<Self> {
        let mut config = match (toml, json) {
            (Some(src), _) => {
                Config::from_toml(&src, toml_name.as_deref().unwrap_or("candor.toml"))
                    .map_err(|e| to_py(&e))?
            }
            (None, Some(src)) => serde_json::from_str::<Config>(&src).map_err(|e| {
                // The position is in JSON the caller never saw: leave it out.
                let msg = e.to_string();
                let msg = msg
                    .rsplit_once(" at line ")
                    .map_or(msg.as_str(), |(m, _)| m);
                ConfigError::new_err(format!("config: {msg}"))
            })?,
            (None, None) => Config::default(),
        };
        // As the CLI applies its options over a configuration file (src/settings.rs).
        if let Some(names) = interviewers.filter(|v| !v.is_empty()) {
            config.interviewers = names;
        }
        if let Some(names) = interviewees.filter(|v| !v.is_empty()) {
            config.interviewees = names;
        }
        if let Some(p) = profile {
            config.profile = match p.to_ascii_lowercase().as_str() {
                "discovery" => candor::Profile::Discovery,
                "solution" => candor::Profile::Solution,
                _ => {
                    return Err(ConfigError::new_err(format!(
                        "invalid profile `{p}`; expected discovery or solution"
                    )));
                }
            };
        }
        if let Some(ids) = select.filter(|v| !v.is_empty()) {
            config.select = ids;
        }
        config.ignore.extend(ignore.unwrap_or_default());
        if learned.is_some() {
            config.learned = learned;
        }
        if min_confidence.is_some() {
            config.min_confidence = min_confidence;
        }
        config
            .validate("", "options")
            .map_err(|e| ConfigError::new_err(e.to_string()))?;
        let inner = py
            .detach(|| candor::Analyzer::new(config))
            .map_err(|e| to_py(&e))?;
        Ok(NativeAnalyzer {
            inner: Arc::new(inner),
        })
    }

    /// Analyses (`measure=False`) or measures each input; `datas[i]` is the bytes or text
    /// of `paths[i]`, or None to read the file `files[i]` (default: `paths[i]`). Returns,
    /// in input order, each report as the CLI's JSON and how it failed (None, "read",
    /// "parse", or "internal" for a panic caught). Runs with the GIL released, on `jobs`
    /// threads (default: one per core) when there are several.
    #[pyo3(signature = (paths, datas, *, files=None, format=None, measure=false, jobs=None))]
    #[allow(clippy::too_many_arguments)]
    fn run(
        &self,
        py: Python<'_>,
        paths: Vec<String>,
        datas: Vec<Option<Bound<'_, PyAny>>>,
        files: Option<Vec<Option<String>>>,
        format: Option<&str>,
        measure: bool,
        jobs: Option<usize>,
    ) -> PyResult<Vec<(String, Option<&'static str>)>> {
        let files = files.unwrap_or_else(|| vec![None; paths.len()]);
        if paths.len() != datas.len() || files.len() != datas.len() {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "{} paths and {} files for {} inputs",
                paths.len(),
                files.len(),
                datas.len()
            )));
        }
        let format = format_of(format)?;
        let inputs = datas
            .iter()
            .zip(paths.iter().zip(&files))
            .map(|(d, (p, f))| match d {
                Some(obj) => bytes_of(obj).map(Input::Bytes),
                None => Ok(Input::File(PathBuf::from(f.as_ref().unwrap_or(p)))),
            })
            .collect::<PyResult<Vec<Input>>>()?;
        let analyzer = self.inner.clone();
        let one = move |(path, input): (&String, &Input)| -> Result<(String, Outcome), String> {
            let (mut report, outcome) = match input {
                Input::Bytes(b) => run_one(&analyzer, b, format, measure),
                Input::File(p) => match read_path(p) {
                    Ok(b) => run_one(&analyzer, &b, format, measure),
                    Err(msg) => (Report::error("", msg, None), Outcome::ReadFailed),
                },
            };
            report.path.clone_from(path);
            let json = serde_json::to_string(&report).map_err(|e| e.to_string())?;
            Ok((json, outcome))
        };
        let results: Result<Vec<(String, Outcome)>, String> = py.detach(|| {
            if inputs.len() <= 1 || jobs == Some(1) {
                return paths.iter().zip(&inputs).map(one).collect();
            }
            let work = || paths.par_iter().zip(&inputs).map(one).collect();
            match jobs {
                Some(n) => match rayon::ThreadPoolBuilder::new().num_threads(n).build() {
                    Ok(pool) => pool.install(work),
                    Err(e) => Err(format!("cannot start {n} threads: {e}")),
                },
                None => work(),
            }
        });
        let results = results.map_err(Error::new_err)?;
        Ok(results
            .into_iter()
            .map(|(json, outcome)| (json, outcome.name()))
            .collect())
    }

    /// The configuration in use, as JSON (kebab-case keys, as in candor.toml).
    fn config_json(&self) -> PyResult<String> {
        serde_json::to_string(self.inner.config()).map_err(|e| Error::new_err(e.to_string()))
    }
}

/// Analyses or measures bytes: the report, and whether it failed.
fn run_one(
    analyzer: &candor::Analyzer,
    bytes: &[u8],
    format: Option<Format>,
    measure: bool,
) -> (Report, Outcome) {
    let report = unpanicked(|| {
        if measure {
            analyzer.measure_bytes(bytes, format)
        } else {
            analyzer.analyze_bytes(bytes, format)
        }
    });
    let report = match report {
        Ok(r) => r,
        Err(msg) => return (Report::error("", msg, None), Outcome::Panicked),
    };
    let outcome = if report.error.is_some() {
        Outcome::ParseFailed
    } else {
        Outcome::Ok
    };
    (report, outcome)
}

/// A turn as Python sees it.
#[derive(Serialize)]
struct TurnOut<'a> {
    speaker: &'a str,
    speaker_index: usize,
    text: &'a str,
    line: u32,
    lines: Vec<u32>,
    start: Option<f64>,
    end: Option<f64>,
    spoken: Option<f64>,
}

/// A transcript as Python sees it.
#[derive(Serialize)]
struct TranscriptOut<'a> {
    format: &'static str,
    date: Option<&'a str>,
    declared_interviewers: &'a [String],
    declared_interviewees: &'a [String],
    speakers: &'a [candor::Speaker],
    turns: Vec<TurnOut<'a>>,
    warnings: &'a [candor::Warning],
}

/// Decodes, detects and parses a transcript, and assigns roles; JSON, or a ParseError.
#[pyfunction]
#[pyo3(signature = (data, *, format=None))]
fn parse(py: Python<'_>, data: Bound<'_, PyAny>, format: Option<&str>) -> PyResult<String> {
    let bytes = bytes_of(&data)?;
    let format = format_of(format)?;
    let parsed = py.detach(|| unpanicked(|| parse_json(&bytes, format)));
    parsed.map_err(Error::new_err)?.map_err(|e| to_py(&e))
}

/// The transcript of `bytes` as JSON for Python.
fn parse_json(bytes: &[u8], format: Option<Format>) -> Result<String, candor::Error> {
    let t = candor::parse(bytes, format)?;
    let out = TranscriptOut {
        format: t.format.name(),
        date: t.declared.date.as_deref(),
        declared_interviewers: &t.declared.interviewers,
        declared_interviewees: &t.declared.interviewees,
        speakers: &t.speakers,
        turns: t
            .turns
            .iter()
            .map(|u| TurnOut {
                speaker: &t.speakers[u.speaker].name,
                speaker_index: u.speaker,
                text: &u.text,
                line: u.line,
                lines: u.lines().collect(),
                start: u.start,
                end: u.end,
                spoken: u.spoken,
            })
            .collect(),
        warnings: &t.warnings,
    };
    serde_json::to_string(&out).map_err(|e| candor::Error::Config(e.to_string()))
}

/// Every built-in rule, in `candor rules` order, as the JSON of `candor rules --format json`.
#[pyfunction]
fn rules_json() -> PyResult<String> {
    serde_json::to_string(candor::rules()).map_err(|e| Error::new_err(e.to_string()))
}

/// The names of the formats candor reads, for `format=`.
#[pyfunction]
fn formats() -> Vec<&'static str> {
    Format::all().map(Format::name).collect()
}

/// Reformats a report's JSON as `serde_json`'s pretty printer does (as `candor lint
/// --format json` prints each report, less the array's indentation).
#[pyfunction]
fn pretty(json: &str) -> PyResult<String> {
    let report: Report =
        serde_json::from_str(json).map_err(|e| Error::new_err(format!("not a report: {e}")))?;
    serde_json::to_string_pretty(&report).map_err(|e| Error::new_err(e.to_string()))
}

/// The header and rows of `candor score --format csv` for these reports (each as JSON),
/// written by the CLI's own CSV writer and read back into cells.
type Table = (Vec<String>, Vec<Vec<String>>);

/// The CLI's CSV of reports given as JSON, as cells: the header, and a row per report.
#[pyfunction]
fn csv_rows(py: Python<'_>, reports: Vec<String>) -> PyResult<Table> {
    let table = py.detach(|| unpanicked(|| csv_table(&reports)));
    table.map_err(Error::new_err)?.map_err(Error::new_err)
}

fn csv_table(reports: &[String]) -> Result<Table, String> {
    let mut out = csv_out::Csv::new(Vec::new()).map_err(|e| e.to_string())?;
    for json in reports {
        let report: Report =
            serde_json::from_str(json).map_err(|e| format!("not a report: {e}"))?;
        out.row(&summary::Row::new(&report.path, &report))
            .map_err(|e| e.to_string())?;
    }
    let bytes = out.finish().map_err(|e| e.to_string())?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes.as_slice());
    let mut records = reader.records();
    let cells = |r: csv::StringRecord| r.iter().map(str::to_string).collect::<Vec<_>>();
    let header = match records.next() {
        Some(r) => cells(r.map_err(|e| e.to_string())?),
        None => return Err("the CSV writer wrote no header".to_string()),
    };
    let rows = records
        .map(|r| r.map(cells).map_err(|e| e.to_string()))
        .collect::<Result<_, _>>()?;
    Ok((header, rows))
}

/// Reads a transcript file as the CLI does, or raises `InputError` naming it.
#[pyfunction]
fn read_file(py: Python<'_>, path: PathBuf) -> PyResult<Py<PyBytes>> {
    let bytes = py.detach(|| read_path(&path)).map_err(|msg| {
        let name = path.display().to_string();
        let err = InputError::new_err(format!("{name}: {msg}"));
        match err.value(py).setattr("path", name) {
            Ok(()) => err,
            Err(other) => other,
        }
    })?;
    Ok(PyBytes::new(py, &bytes).unbind())
}

/// The report of a file that failed before analysis (it could not be walked, say), as
/// the CLI writes it.
#[pyfunction]
fn error_report(path: String, message: String) -> PyResult<String> {
    serde_json::to_string(&Report::error(path, message, None))
        .map_err(|e| Error::new_err(e.to_string()))
}

/// The files found, the paths that could not be walked with why, and the files skipped
/// (not transcripts) with why.
type Found = (Vec<String>, Vec<(String, String)>, Vec<(String, String)>);

/// Finds the transcripts in `paths` as `candor score` does (it is the CLI's code): files
/// are taken as named, folders walked (hidden files skipped, .gitignore honoured, `globs`
/// applied, files that are not transcripts skipped).
#[pyfunction]
#[pyo3(signature = (paths, globs=Vec::new()))]
fn find(py: Python<'_>, paths: Vec<PathBuf>, globs: Vec<String>) -> PyResult<Found> {
    let found = py
        .detach(|| unpanicked(|| files::find(&paths, &globs)))
        .map_err(Error::new_err)?
        .map_err(|e| ConfigError::new_err(e.to_string()))?;
    let mut inputs = Vec::new();
    let mut problems: Vec<(String, String)> = found
        .problems
        .iter()
        .map(|(input, why)| (input.display(), why.clone()))
        .collect();
    for input in found.inputs {
        match input {
            files::Input::File(p) => inputs.push(p.display().to_string()),
            files::Input::Stdin => problems.push((
                "-".to_string(),
                "standard input is not read from Python; pass its text instead".to_string(),
            )),
        }
    }
    let skipped = found
        .skipped
        .iter()
        .map(|(p, why)| (p.display().to_string(), why.clone()))
        .collect();
    Ok((inputs, problems, skipped))
}

/// For each file (its name, and its bytes), why `candor score` would skip it if it found
/// it in a folder (not a transcript: a chat log, notes, JSON of another shape…), or None
/// to read it. The CLI decides from a file on disk, so each is written to a private
/// temporary folder under its own name and the folder walked by the CLI's code.
#[pyfunction]
fn skip_reasons(
    py: Python<'_>,
    names: Vec<String>,
    datas: Vec<Bound<'_, PyAny>>,
) -> PyResult<Vec<Option<String>>> {
    if names.len() != datas.len() {
        return Err(pyo3::exceptions::PyValueError::new_err(format!(
            "{} names for {} files",
            names.len(),
            datas.len()
        )));
    }
    let datas = datas
        .iter()
        .map(bytes_of)
        .collect::<PyResult<Vec<Vec<u8>>>>()?;
    let result = py.detach(|| unpanicked(|| skip_in_folder(&names, &datas)));
    result
        .map_err(Error::new_err)?
        .map_err(|e| InputError::new_err(format!("cannot write a temporary file: {e}")))
}

/// Writes each file as `DIR/i/NAME` and walks DIR as `candor score` would.
fn skip_in_folder(names: &[String], datas: &[Vec<u8>]) -> std::io::Result<Vec<Option<String>>> {
    let dir = tempfile::Builder::new().prefix("candor-skip").tempdir()?;
    let mut paths = Vec::with_capacity(names.len());
    for (i, (name, data)) in names.iter().zip(datas).enumerate() {
        // Its name as it is, but never hidden (the walk would pass over it): being hidden
        // is where a file lies, not what it is.
        let base = Path::new(name)
            .file_name()
            .map_or_else(|| "file".to_string(), |b| b.to_string_lossy().into_owned());
        let base = if base.starts_with('.') {
            format!("_{base}")
        } else {
            base
        };
        let sub = dir.path().join(i.to_string());
        std::fs::create_dir(&sub)?;
        let path = sub.join(base);
        std::fs::write(&path, data)?;
        paths.push(path);
    }
    let found = files::find(&[dir.path().to_path_buf()], &[]).map_err(std::io::Error::other)?;
    let why: std::collections::HashMap<PathBuf, String> = found.skipped.into_iter().collect();
    Ok(paths.iter().map(|p| why.get(p).cloned()).collect())
}

/// The native module.
#[pymodule]
fn _candor(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    // Every candor error has `path` and `line`, None unless known.
    let base = py.get_type::<Error>();
    base.setattr("path", py.None())?;
    base.setattr("line", py.None())?;
    m.add("Error", base)?;
    m.add("InputError", py.get_type::<InputError>())?;
    m.add("ParseError", py.get_type::<ParseError>())?;
    m.add("ConfigError", py.get_type::<ConfigError>())?;
    m.add("UnknownRuleError", py.get_type::<UnknownRuleError>())?;
    m.add_class::<NativeAnalyzer>()?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(rules_json, m)?)?;
    m.add_function(wrap_pyfunction!(formats, m)?)?;
    m.add_function(wrap_pyfunction!(pretty, m)?)?;
    m.add_function(wrap_pyfunction!(find, m)?)?;
    m.add_function(wrap_pyfunction!(skip_reasons, m)?)?;
    m.add_function(wrap_pyfunction!(csv_rows, m)?)?;
    m.add_function(wrap_pyfunction!(error_report, m)?)?;
    m.add_function(wrap_pyfunction!(read_file, m)?)?;
    Ok(())
}
