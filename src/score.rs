//! `candor score`: a folder of interviews, analysed in parallel, one row each and a summary.
//!
//! Inputs are sorted by path and processed in ordered chunks on a thread pool, so the
//! output order never depends on the thread count. Each chunk's reports are written out
//! (rows streamed; HTML rows to a temporary file) and folded into fixed-size summaries,
//! then dropped: memory does not grow with the number of files. Output files are written
//! to a temporary file beside the target and renamed at the end; Ctrl-C removes the
//! temporary, so no half-written output is left behind.

use std::collections::BTreeMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use candor::{Analyzer, Report, Severity};

use crate::args::{GroupBy, ScoreArgs, ScoreFormat};
use crate::files::{self, Input};
use crate::render::{self, BOLD, DIM, pct};
use crate::settings::{Overrides, Settings};

/// Temporary files to remove if the run is interrupted.
static TEMPORARIES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn register_temporary(p: &Path) {
    if let Ok(mut t) = TEMPORARIES.lock() {
        t.push(p.to_path_buf());
    }
}

fn unregister_temporary(p: &Path) {
    if let Ok(mut t) = TEMPORARIES.lock() {
        t.retain(|x| x != p);
    }
}

/// On Ctrl-C: remove the temporaries and exit 130, leaving no partial output.
fn install_interrupt_handler() {
    let _ = ctrlc::set_handler(|| {
        if let Ok(t) = TEMPORARIES.lock() {
            for p in t.iter() {
                let _ = std::fs::remove_file(p);
            }
        }
        eprintln!("\ninterrupted: no output written");
        std::process::exit(130);
    });
}

/// A file written whole or not at all: a temporary beside it, renamed on success.
///
/// What is not an ordinary file (`-o /dev/null`, a named pipe) is written to as it is:
/// renaming over it would replace it. A symbolic link keeps pointing where it did, and the
/// file it points to is the one replaced.
pub struct AtomicFile {
    target: PathBuf,
    sink: Held,
}

enum Held {
    Temporary(tempfile::NamedTempFile),
    Direct(std::fs::File),
}

impl AtomicFile {
    pub fn create(target: &Path) -> Result<Self, String> {
        let cannot = |e: std::io::Error| format!("{}: cannot write: {e}", target.display());
        if let Ok(m) = std::fs::metadata(target) {
            if !m.is_file() && !m.is_dir() {
                let f = std::fs::OpenOptions::new()
                    .write(true)
                    .open(target)
                    .map_err(cannot)?;
                return Ok(AtomicFile {
                    target: target.to_path_buf(),
                    sink: Held::Direct(f),
                });
            }
        }
        let is_link = std::fs::symlink_metadata(target).is_ok_and(|m| m.file_type().is_symlink());
        let real = if is_link {
            std::fs::canonicalize(target).unwrap_or_else(|_| target.to_path_buf())
        } else {
            target.to_path_buf()
        };
        let dir = real
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let tmp = tempfile::Builder::new()
            .prefix(".candor-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|e| format!("{}: cannot create a file there: {e}", target.display()))?;
        register_temporary(tmp.path());
        Ok(AtomicFile {
            target: real,
            sink: Held::Temporary(tmp),
        })
    }

    pub fn writer(&mut self) -> &mut std::fs::File {
        match &mut self.sink {
            Held::Temporary(tmp) => tmp.as_file_mut(),
            Held::Direct(f) => f,
        }
    }

    pub fn commit(self) -> Result<(), String> {
        let tmp = match self.sink {
            Held::Temporary(tmp) => tmp,
            Held::Direct(mut f) => {
                use std::io::Write;
                return f
                    .flush()
                    .map_err(|e| format!("{}: cannot write: {e}", self.target.display()));
            }
        };
        let path = tmp.path().to_path_buf();
        // The temporary is private (0600); the output is an ordinary file.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = tmp
                .as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o644));
        }
        tmp.persist(&self.target)
            .map_err(|e| format!("{}: cannot write: {e}", self.target.display()))?;
        unregister_temporary(&path);
        Ok(())
    }
}

/// The row of a report: names and numbers shared by every output.
pub struct Row<'a> {
    pub path: &'a str,
    pub report: &'a Report,
    pub interviewer: String,
    pub month: Option<String>,
    pub folder: String,
}

/// A date in a file name: 2025-03-14, 2025_03_14, 20250314.
fn month_from_name(path: &str) -> Option<String> {
    static DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?:^|[^0-9])((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?:[^0-9]|$)")
            .expect("valid regex")
    });
    let name = Path::new(path).file_name()?.to_string_lossy().to_string();
    let c = DATE.captures(&name)?;
    Some(format!("{}-{}", &c[1], &c[2]))
}

impl<'a> Row<'a> {
    fn new(path: &'a str, report: &'a Report) -> Self {
        let interviewers: Vec<&str> = report.interviewers().collect();
        let month = month_from_name(path).or_else(|| {
            report
                .date
                .as_ref()
                .map(|d| d[..7.min(d.len())].to_string())
        });
        let folder = Path::new(path)
            .parent()
            .map(|p| p.display().to_string())
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| ".".to_string());
        Row {
            path,
            report,
            interviewer: if interviewers.is_empty() {
                "(none found)".to_string()
            } else {
                interviewers.join(", ")
            },
            month,
            folder,
        }
    }

    /// The talk ratio used for the summary: by time where timed, else words.
    pub fn ratio(&self) -> Option<f64> {
        self.report.metrics.as_ref()?.talk_ratio().map(|(r, _)| r)
    }
}

/// Running totals for one group (an interviewer, a folder, a month).
#[derive(Default, Clone)]
pub struct Group {
    pub interviews: usize,
    pub score_sum: f64,
    pub scored: usize,
    pub ratio_sum: f64,
    pub ratios: usize,
    pub rules: BTreeMap<String, usize>,
}

impl Group {
    fn add(&mut self, row: &Row) {
        self.interviews += 1;
        if let Some(s) = row.report.score {
            self.score_sum += s;
            self.scored += 1;
        }
        if let Some(r) = row.ratio() {
            self.ratio_sum += r;
            self.ratios += 1;
        }
        for f in &row.report.findings {
            *self.rules.entry(f.rule.clone()).or_default() += 1;
        }
    }

    pub fn mean_score(&self) -> Option<f64> {
        (self.scored > 0).then(|| self.score_sum / self.scored as f64)
    }

    pub fn mean_ratio(&self) -> Option<f64> {
        (self.ratios > 0).then(|| self.ratio_sum / self.ratios as f64)
    }

    pub fn top_rules(&self, n: usize) -> Vec<(&str, usize)> {
        let mut v: Vec<(&str, usize)> = self.rules.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.truncate(n);
        v
    }
}

/// The summary across the batch, in memory that does not grow with the number of files.
pub struct Summary {
    pub files: usize,
    pub interviews: usize,
    pub errors: usize,
    /// Talk ratios in thousandths: exact median and p90 to 0.1%.
    hist: Vec<u32>,
    pub ratio_n: usize,
    ratio_sum: f64,
    pub rule_occurrences: BTreeMap<String, usize>,
    pub rule_interviews: BTreeMap<String, usize>,
    pub by_interviewer: BTreeMap<String, Group>,
    pub by: Option<(GroupBy, BTreeMap<String, Group>)>,
    pub by_month: BTreeMap<String, Group>,
    /// (score, path) of the best and worst interviews, five each.
    pub best: Vec<(f64, String)>,
    pub worst: Vec<(f64, String)>,
}

const KEEP: usize = 5;

impl Summary {
    fn new(group_by: Option<GroupBy>) -> Self {
        Summary {
            files: 0,
            interviews: 0,
            errors: 0,
            hist: vec![0; 1001],
            ratio_n: 0,
            ratio_sum: 0.0,
            rule_occurrences: BTreeMap::new(),
            rule_interviews: BTreeMap::new(),
            by_interviewer: BTreeMap::new(),
            by: group_by.map(|g| (g, BTreeMap::new())),
            by_month: BTreeMap::new(),
            best: Vec::new(),
            worst: Vec::new(),
        }
    }

    fn add(&mut self, row: &Row) {
        self.files += 1;
        if row.report.error.is_some() {
            self.errors += 1;
            return;
        }
        self.interviews += 1;
        if let Some(r) = row.ratio() {
            self.hist[(r.clamp(0.0, 1.0) * 1000.0).round() as usize] += 1;
            self.ratio_n += 1;
            self.ratio_sum += r;
        }
        let mut seen = Vec::new();
        for f in &row.report.findings {
            *self.rule_occurrences.entry(f.rule.clone()).or_default() += 1;
            if !seen.contains(&f.rule) {
                seen.push(f.rule.clone());
                *self.rule_interviews.entry(f.rule.clone()).or_default() += 1;
            }
        }
        self.by_interviewer
            .entry(row.interviewer.clone())
            .or_default()
            .add(row);
        if let Some(m) = &row.month {
            self.by_month.entry(m.clone()).or_default().add(row);
        }
        if let Some((kind, groups)) = &mut self.by {
            let key = match kind {
                GroupBy::Interviewer => row.interviewer.clone(),
                GroupBy::Folder => row.folder.clone(),
                GroupBy::Month => row.month.clone().unwrap_or_else(|| "(no date)".into()),
            };
            groups.entry(key).or_default().add(row);
        }
        if let Some(s) = row.report.score {
            keep(&mut self.best, (s, row.path.to_string()), |a, b| {
                b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
            });
            keep(&mut self.worst, (s, row.path.to_string()), |a, b| {
                a.0.total_cmp(&b.0).then(a.1.cmp(&b.1))
            });
        }
    }

    pub fn mean_ratio(&self) -> Option<f64> {
        (self.ratio_n > 0).then(|| self.ratio_sum / self.ratio_n as f64)
    }

    /// The ratio at quantile `q` (0–1), from the histogram.
    pub fn ratio_quantile(&self, q: f64) -> Option<f64> {
        if self.ratio_n == 0 {
            return None;
        }
        let rank = ((q * self.ratio_n as f64).ceil() as usize).clamp(1, self.ratio_n);
        let mut seen = 0;
        for (i, n) in self.hist.iter().enumerate() {
            seen += *n as usize;
            if seen >= rank {
                return Some(i as f64 / 1000.0);
            }
        }
        None
    }

    /// Talk ratios in `buckets` equal bins from 0 to 100%.
    pub fn ratio_bins(&self, buckets: usize) -> Vec<usize> {
        let mut bins = vec![0; buckets];
        for (i, n) in self.hist.iter().enumerate() {
            let b = (i * buckets / 1001).min(buckets - 1);
            bins[b] += *n as usize;
        }
        bins
    }

    /// Rules by occurrences, most first.
    pub fn rules_ranked(&self) -> Vec<(&str, usize, usize)> {
        let mut v: Vec<(&str, usize, usize)> = self
            .rule_occurrences
            .iter()
            .map(|(k, n)| {
                (
                    k.as_str(),
                    *n,
                    self.rule_interviews.get(k).copied().unwrap_or(0),
                )
            })
            .collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v
    }
}

/// Keeps the first KEEP items by `order`.
fn keep(
    list: &mut Vec<(f64, String)>,
    item: (f64, String),
    order: impl Fn(&(f64, String), &(f64, String)) -> std::cmp::Ordering,
) {
    list.push(item);
    list.sort_by(&order);
    list.truncate(KEEP);
}

/// One CSV row per transcript.
struct Csv<W: Write> {
    w: csv::Writer<W>,
}

const CSV_HEAD: &[&str] = &[
    "path",
    "format",
    "interviewers",
    "interviewees",
    "duration_s",
    "turns",
    "words",
    "interviewer_talk_ratio",
    "interviewer_talk_ratio_time",
    "questions",
    "open_question_ratio",
    "longest_monologue_words",
];

impl<W: Write> Csv<W> {
    fn new(out: W) -> Result<Self, String> {
        let mut w = csv::Writer::from_writer(out);
        let mut head: Vec<&str> = CSV_HEAD.to_vec();
        head.extend(candor::rules().iter().map(|r| r.id));
        head.extend(["findings", "score", "error"]);
        w.write_record(&head).map_err(|e| e.to_string())?;
        Ok(Csv { w })
    }

    fn row(&mut self, row: &Row) -> Result<(), String> {
        let r = row.report;
        let num = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
        let m = r.metrics.as_ref();
        let mut rec: Vec<String> = vec![
            row.path.to_string(),
            r.format.clone().unwrap_or_default(),
            r.interviewers().collect::<Vec<_>>().join("; "),
            r.interviewees().collect::<Vec<_>>().join("; "),
            num(m.and_then(|m| m.duration_seconds)),
            m.map(|m| m.turns.to_string()).unwrap_or_default(),
            m.map(|m| m.words.to_string()).unwrap_or_default(),
            num(m.and_then(|m| m.interviewer_talk_ratio)),
            num(m.and_then(|m| m.interviewer_talk_ratio_time)),
            m.map(|m| m.interviewer_questions.to_string())
                .unwrap_or_default(),
            num(m.and_then(|m| m.open_question_ratio)),
            m.and_then(|m| m.longest_monologue.as_ref())
                .map(|s| s.words.to_string())
                .unwrap_or_default(),
        ];
        for rule in candor::rules() {
            let n = r.findings.iter().filter(|f| f.rule == rule.id).count();
            rec.push(if r.error.is_some() {
                String::new()
            } else {
                n.to_string()
            });
        }
        rec.push(if r.error.is_some() {
            String::new()
        } else {
            r.findings.len().to_string()
        });
        rec.push(num(r.score));
        rec.push(
            r.error
                .as_ref()
                .map(|e| e.message.clone())
                .unwrap_or_default(),
        );
        self.w.write_record(&rec).map_err(|e| e.to_string())
    }
}

fn severity_counts(r: &Report) -> String {
    let (mut w, mut i, mut e) = (0, 0, 0);
    for f in &r.findings {
        match f.severity {
            Severity::Error => e += 1,
            Severity::Warning => w += 1,
            Severity::Info => i += 1,
        }
    }
    let mut parts = Vec::new();
    if e > 0 {
        parts.push(format!("{e}E"));
    }
    parts.push(format!("{w}W"));
    parts.push(format!("{i}I"));
    parts.join(" ")
}

fn truncate(s: &str, n: usize) -> String {
    let count = s.chars().count();
    if count <= n {
        s.to_string()
    } else {
        let tail: String = s.chars().skip(count - (n - 1)).collect();
        format!("…{tail}")
    }
}

/// The start of a message, cut at a word with `…`, for a table cell; the whole message
/// is on standard error.
fn first_words(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let head: String = s.chars().take(n).collect();
    let cut = head.rfind(' ').filter(|&i| i > n / 2).unwrap_or(head.len());
    format!("{}…", head[..cut].trim_end_matches([' ', ',', ';', ':']))
}

/// The terminal table: a row per interview.
fn table_row(w: &mut dyn Write, row: &Row) -> std::io::Result<()> {
    let r = row.report;
    if let Some(e) = &r.error {
        let err = render::ERROR;
        return writeln!(
            w,
            "{:<44} {err}error: {}{err:#}",
            truncate(row.path, 44),
            first_words(&e.message, 58)
        );
    }
    let m = r.metrics.as_ref();
    let talk = m
        .and_then(|m| m.talk_ratio())
        .map(|(r, b)| {
            format!(
                "{} {}",
                pct(r),
                if b == candor::Basis::Time {
                    "time"
                } else {
                    "words"
                }
            )
        })
        .unwrap_or_else(|| "–".into());
    let qs = m
        .map(|m| format!("{} ({} open)", m.interviewer_questions, m.open_questions))
        .unwrap_or_default();
    let score = r
        .score
        .map(|s| format!("{s:.0}"))
        .unwrap_or_else(|| "–".into());
    writeln!(
        w,
        "{:<44} {:<18} {:>10} {:>13} {:>10} {:>5}",
        truncate(row.path, 44),
        truncate(&row.interviewer, 18),
        talk,
        qs,
        severity_counts(r),
        score
    )
}

fn table_head(w: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        w,
        "{DIM}{:<44} {:<18} {:>10} {:>13} {:>10} {:>5}{DIM:#}",
        "file", "interviewer", "talk", "questions", "findings", "score"
    )
}

fn opt(x: Option<f64>, f: impl Fn(f64) -> String) -> String {
    x.map(f).unwrap_or_else(|| "–".into())
}

/// The summary for people.
pub fn print_summary(w: &mut dyn Write, s: &Summary) -> std::io::Result<()> {
    writeln!(w)?;
    writeln!(
        w,
        "{BOLD}Summary{BOLD:#}: {} files, {} interviews analysed, {} errors",
        s.files, s.interviews, s.errors
    )?;
    writeln!(
        w,
        "  interviewer talk ratio   mean {}, median {}, p90 {}",
        opt(s.mean_ratio(), pct),
        opt(s.ratio_quantile(0.5), pct),
        opt(s.ratio_quantile(0.9), pct)
    )?;
    let ranked = s.rules_ranked();
    if !ranked.is_empty() {
        writeln!(
            w,
            "\n  {BOLD}rules{BOLD:#}                     occurrences   interviews"
        )?;
        for (rule, n, k) in &ranked {
            let share = if s.interviews > 0 {
                *k as f64 / s.interviews as f64
            } else {
                0.0
            };
            writeln!(w, "  {:<26} {:>11}   {:>4} ({})", rule, n, k, pct(share))?;
        }
    }
    let groups =
        |w: &mut dyn Write, title: &str, groups: &BTreeMap<String, Group>| -> std::io::Result<()> {
            writeln!(
                w,
                "\n  {BOLD}{title:<26}{BOLD:#} interviews  mean score  mean talk  top rules"
            )?;
            for (name, g) in groups {
                let top: Vec<String> = g
                    .top_rules(3)
                    .iter()
                    .map(|(r, n)| format!("{r} ({n})"))
                    .collect();
                writeln!(
                    w,
                    "  {:<26} {:>10}  {:>10}  {:>9}  {}",
                    truncate(name, 26),
                    g.interviews,
                    opt(g.mean_score(), |x| format!("{x:.0}")),
                    opt(g.mean_ratio(), pct),
                    top.join(", ")
                )?;
            }
            Ok(())
        };
    groups(w, "by interviewer", &s.by_interviewer)?;
    if let Some((kind, g)) = &s.by {
        if *kind != GroupBy::Interviewer {
            let title = match kind {
                GroupBy::Folder => "by folder",
                GroupBy::Month => "by month",
                GroupBy::Interviewer => "by interviewer",
            };
            groups(w, title, g)?;
        }
    }
    if !s.best.is_empty() {
        writeln!(w, "\n  {BOLD}best{BOLD:#}")?;
        for (score, path) in &s.best {
            writeln!(w, "  {score:>5.0}  {path}")?;
        }
        writeln!(w, "  {BOLD}worst{BOLD:#}")?;
        for (score, path) in &s.worst {
            writeln!(w, "  {score:>5.0}  {path}")?;
        }
    }
    Ok(())
}

/// Where rows go.
enum Sink<W: Write> {
    Table(W),
    Csv(Box<Csv<W>>),
    Json { w: W, first: bool },
    Jsonl(W),
}

impl<W: Write> Sink<W> {
    fn new(format: ScoreFormat, mut w: W) -> Result<Self, String> {
        Ok(match format {
            ScoreFormat::Table => {
                table_head(&mut w).map_err(|e| e.to_string())?;
                Sink::Table(w)
            }
            ScoreFormat::Csv => Sink::Csv(Box::new(Csv::new(w)?)),
            ScoreFormat::Json => {
                w.write_all(b"[").map_err(|e| e.to_string())?;
                Sink::Json { w, first: true }
            }
            ScoreFormat::Jsonl => Sink::Jsonl(w),
        })
    }

    fn row(&mut self, row: &Row) -> Result<(), String> {
        let io = |e: std::io::Error| e.to_string();
        match self {
            Sink::Table(w) => table_row(w, row).map_err(io),
            Sink::Csv(c) => c.row(row),
            Sink::Json { w, first } => {
                if !*first {
                    w.write_all(b",").map_err(io)?;
                }
                *first = false;
                w.write_all(b"\n").map_err(io)?;
                serde_json::to_writer(&mut *w, row.report).map_err(|e| e.to_string())
            }
            Sink::Jsonl(w) => {
                serde_json::to_writer(&mut *w, row.report).map_err(|e| e.to_string())?;
                w.write_all(b"\n").map_err(io)
            }
        }
    }

    fn finish(self) -> Result<W, String> {
        let io = |e: std::io::Error| e.to_string();
        match self {
            Sink::Table(w) | Sink::Jsonl(w) => Ok(w),
            Sink::Json { mut w, .. } => {
                w.write_all(b"\n]\n").map_err(io)?;
                Ok(w)
            }
            Sink::Csv(c) => {
                let Csv { mut w } = *c;
                w.flush().map_err(|e| e.to_string())?;
                w.into_inner().map_err(|e| e.to_string())
            }
        }
    }
}

/// An input to score: its display path and its analyser, or why it failed before analysis.
struct Item {
    input: Option<Input>,
    path: String,
    analyzer: Option<Arc<Analyzer>>,
    problem: Option<String>,
}

fn analyse(item: &Item, format: Option<candor::Format>) -> Report {
    let path = item.path.clone();
    if let Some(p) = &item.problem {
        return Report::error(path, p.clone(), None);
    }
    let (Some(input), Some(analyzer)) = (&item.input, &item.analyzer) else {
        return Report::error(path, "nothing to read", None);
    };
    let mut report = match input.read() {
        Ok(bytes) => analyzer.analyze_bytes(&bytes, format),
        Err(msg) => Report::error(path.clone(), msg, None),
    };
    report.path = path;
    report
}

/// How far ahead of the next row to write the workers may run: bounds the reports held
/// while a long file is still being analysed, so memory does not grow with the batch.
const WINDOW: usize = 256;

/// Analyses `items` on the pool's threads and hands each report to `handle` in the items'
/// order, as soon as it and all before it are done. Workers claim items in order, so the
/// rows written so far are always a prefix and nothing waits for a whole batch; a worker
/// more than [`WINDOW`] items ahead of the writer waits for it.
fn in_order(
    pool: &rayon::ThreadPool,
    jobs: usize,
    items: &[Item],
    format: Option<candor::Format>,
    handle: &mut dyn FnMut(&Item, &Report) -> Result<(), String>,
) -> Result<(), String> {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::{Condvar, mpsc};

    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // How many rows have been handed on, for the window.
    let written = (Mutex::new(0usize), Condvar::new());
    let (tx, rx) = mpsc::sync_channel::<(usize, Report)>(2 * jobs);
    std::thread::scope(|scope| {
        let (next, stop, written) = (&next, &stop, &written);
        scope.spawn(move || {
            pool.scope(|s| {
                for _ in 0..jobs {
                    let tx = tx.clone();
                    s.spawn(move |_| {
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            if i >= items.len() || stop.load(Ordering::Relaxed) {
                                return;
                            }
                            {
                                let (lock, cv) = written;
                                let mut done = lock.lock().unwrap_or_else(|e| e.into_inner());
                                while i >= *done + WINDOW && !stop.load(Ordering::Relaxed) {
                                    done = cv.wait(done).unwrap_or_else(|e| e.into_inner());
                                }
                            }
                            if tx.send((i, analyse(&items[i], format))).is_err() {
                                return;
                            }
                        }
                    });
                }
            });
            drop(tx);
        });
        let mut pending: BTreeMap<usize, Report> = BTreeMap::new();
        let mut want = 0;
        let mut result = Ok(());
        for (i, report) in rx.iter() {
            pending.insert(i, report);
            while let Some(report) = pending.remove(&want) {
                if result.is_ok() {
                    result = handle(&items[want], &report);
                }
                want += 1;
            }
            if result.is_err() {
                // Stop the workers; keep draining so none blocks on a full channel.
                stop.store(true, Ordering::Relaxed);
            }
            let (lock, cv) = written;
            *lock.lock().unwrap_or_else(|e| e.into_inner()) = want;
            cv.notify_all();
        }
        result?;
        if want < items.len() {
            return Err(format!(
                "internal error: {} of {} files were not analysed",
                items.len() - want,
                items.len()
            ));
        }
        Ok(())
    })
}

pub fn score(a: ScoreArgs) -> Result<u8, String> {
    let found = files::find(&a.paths, &a.globs)?;
    let mut overrides = Overrides::from_common(&a.common);
    overrides.profile = a.profile.clone();
    let mut settings = Settings::new(&a.common, overrides)?;

    let mut items: Vec<Item> = Vec::new();
    for (input, problem) in found.problems {
        items.push(Item {
            path: input.display(),
            input: None,
            analyzer: None,
            problem: Some(problem),
        });
    }
    for input in found.inputs {
        let analyzer = settings.analyzer_for(&input.dir())?;
        items.push(Item {
            path: input.display(),
            input: Some(input),
            analyzer: Some(analyzer),
            problem: None,
        });
    }
    items.sort_by(|x, y| x.path.cmp(&y.path));
    items.dedup_by(|x, y| x.path == y.path);
    if items.is_empty() {
        return Err("no transcripts found in the paths given".into());
    }

    let jobs = a
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| format!("cannot start {jobs} threads: {e}"))?;
    install_interrupt_handler();

    let color = a.common.color;
    let mut out_file = match &a.output {
        Some(p) => Some(AtomicFile::create(p)?),
        None => None,
    };
    let mut html = match &a.html {
        Some(p) => Some(render::html::Builder::new(p)?),
        None => None,
    };
    let stdout = render::stdout(color);
    let writer: Box<dyn Write> = match &mut out_file {
        Some(f) => Box::new(BufWriter::new(
            f.writer().try_clone().map_err(|e| e.to_string())?,
        )),
        None => Box::new(BufWriter::new(stdout)),
    };
    let mut sink = Sink::new(a.format, writer)?;
    let mut summary = Summary::new(a.group_by);
    let mut err = render::stderr(color);

    let progress = if !a.no_progress && items.len() > 5 {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(items.len() as u64),
            indicatif::ProgressDrawTarget::stderr(),
        );
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} files, {per_sec}, {eta} left",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Some(bar)
    } else {
        None
    };

    let mut worst: Option<Severity> = None;
    let mut handle = |item: &Item, report: &Report| -> Result<(), String> {
        let row = Row::new(&item.path, report);
        if let Some(e) = &report.error {
            let msg = match e.line {
                Some(l) if !e.message.starts_with("line ") => {
                    format!("line {l}: {}", e.message)
                }
                _ => e.message.clone(),
            };
            let line = format!("{}: {msg}", item.path);
            match &progress {
                Some(bar) => bar
                    .suspend(|| render::human::print_error(&mut err, &line))
                    .map_err(|e| e.to_string())?,
                None => render::human::print_error(&mut err, &line).map_err(|e| e.to_string())?,
            }
        }
        worst = worst.max(report.max_severity());
        sink.row(&row)?;
        summary.add(&row);
        if let Some(h) = &mut html {
            h.row(&row)?;
        }
        if let Some(bar) = &progress {
            bar.inc(1);
        }
        Ok(())
    };
    in_order(&pool, jobs, &items, settings.format, &mut handle)?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }

    let mut writer = sink.finish()?;
    let summary_to_stdout = a.format == ScoreFormat::Table && a.output.is_none();
    if summary_to_stdout {
        print_summary(&mut writer, &summary).map_err(|e| e.to_string())?;
    }
    writer.flush().map_err(|e| e.to_string())?;
    drop(writer);
    if let Some(f) = out_file {
        f.commit()?;
    }
    if !summary_to_stdout {
        // Rows went to a file or are machine output: the summary is for the person on stderr.
        let mut out: Box<dyn Write> = if a.output.is_some() {
            Box::new(render::stdout(color))
        } else {
            Box::new(render::stderr(color))
        };
        print_summary(&mut out, &summary).map_err(|e| e.to_string())?;
    }
    if let Some(h) = html {
        h.finish(&summary)?;
    }
    if summary.errors > 0 {
        return Ok(2);
    }
    let threshold = match a.fail_on {
        crate::args::FailOn::Info => Some(Severity::Info),
        crate::args::FailOn::Warning => Some(Severity::Warning),
        crate::args::FailOn::Error => Some(Severity::Error),
        crate::args::FailOn::Never => None,
    };
    Ok(match (threshold, worst) {
        (Some(t), Some(w)) if w >= t => 1,
        _ => 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem_items(n: usize) -> Vec<Item> {
        (0..n)
            .map(|i| Item {
                path: format!("f{i:05}"),
                input: None,
                analyzer: None,
                problem: Some(format!("problem {i}")),
            })
            .collect()
    }

    #[test]
    fn reports_come_out_in_order_past_the_window() {
        let items = problem_items(3 * WINDOW + 7);
        for jobs in [1, 2, 4] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(jobs)
                .build()
                .unwrap();
            let mut seen = Vec::new();
            in_order(&pool, jobs, &items, None, &mut |item, report| {
                assert_eq!(report.path, item.path);
                seen.push(report.path.clone());
                Ok(())
            })
            .unwrap();
            let want: Vec<String> = items.iter().map(|i| i.path.clone()).collect();
            assert_eq!(seen, want, "{jobs} threads");
        }
    }

    #[test]
    fn a_failing_writer_stops_the_batch_without_hanging() {
        let items = problem_items(2 * WINDOW);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let mut n = 0;
        let r = in_order(&pool, 2, &items, None, &mut |_, _| {
            n += 1;
            if n == 10 {
                Err("disk full".into())
            } else {
                Ok(())
            }
        });
        assert_eq!(r, Err("disk full".to_string()));
        assert_eq!(n, 10, "nothing is written after the failure");
    }

    #[test]
    fn table_cells_cut_long_errors_at_a_word() {
        assert_eq!(first_words("no such file", 58), "no such file");
        let long = "line 1, column 1: valid JSON, but not a transcript shape candor knows; expected Whisper";
        let cut = first_words(long, 58);
        assert_eq!(
            cut,
            "line 1, column 1: valid JSON, but not a transcript shape…"
        );
        assert!(cut.chars().count() <= 59);
        let unbroken = "x".repeat(80);
        assert_eq!(first_words(&unbroken, 10), format!("{}…", "x".repeat(10)));
    }

    #[test]
    fn months_from_file_names() {
        assert_eq!(
            month_from_name("calls/2025-03-14-acme.vtt").as_deref(),
            Some("2025-03")
        );
        assert_eq!(
            month_from_name("calls/acme_20240102.txt").as_deref(),
            Some("2024-01")
        );
        assert_eq!(
            month_from_name("calls/2025_11_30 call.md").as_deref(),
            Some("2025-11")
        );
        assert_eq!(month_from_name("calls/call-12345678.vtt"), None);
        assert_eq!(month_from_name("2025-13-01.vtt"), None);
    }

    #[test]
    fn quantiles_from_the_histogram() {
        let mut s = Summary::new(None);
        for r in [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0] {
            s.hist[(r * 1000.0_f64).round() as usize] += 1;
            s.ratio_n += 1;
            s.ratio_sum += r;
        }
        assert_eq!(s.ratio_quantile(0.5), Some(0.5));
        assert_eq!(s.ratio_quantile(0.9), Some(0.9));
        assert!((s.mean_ratio().unwrap() - 0.55).abs() < 1e-9);
        assert_eq!(s.ratio_bins(10).iter().sum::<usize>(), 10);
    }

    #[test]
    fn keeps_the_five_best() {
        let mut best = Vec::new();
        for (i, s) in [50.0, 90.0, 10.0, 70.0, 30.0, 95.0, 60.0]
            .iter()
            .enumerate()
        {
            keep(&mut best, (*s, format!("f{i}")), |a, b| b.0.total_cmp(&a.0));
        }
        assert_eq!(
            best.iter().map(|x| x.0).collect::<Vec<_>>(),
            [95.0, 90.0, 70.0, 60.0, 50.0]
        );
    }
}
