//! Output for people around the diagnostics: errors, concise lines, statistics and totals.
//! The diagnostics themselves (a finding with its source line, the notes, a file's summary
//! line) are the library's, `candor::render`, so an embedding tool shows what `candor lint`
//! shows.

use std::io::{self, Write};

use candor::{Finding, Report, ReportError, Severity};

use super::{BOLD, severity_style};

/// `error: message` on standard error.
pub fn print_error(w: &mut dyn Write, msg: &str) -> io::Result<()> {
    let e = super::ERROR;
    writeln!(w, "{e}error{e:#}{BOLD}:{BOLD:#} {msg}")
}

/// `error: path: message` for an input that could not be read or parsed.
pub fn file_error(w: &mut dyn Write, path: &str, msg: &str) -> io::Result<()> {
    let e = super::ERROR;
    writeln!(w, "{e}error{e:#}{BOLD}: {path}:{BOLD:#} {msg}")
}

/// A file's error for people: its message, led by its line where it has one.
pub fn error_message(e: &ReportError) -> String {
    match e.line {
        Some(l) if !e.message.starts_with("line ") => format!("line {l}: {}", e.message),
        _ => e.message.clone(),
    }
}

/// The columns output for people may use: `COLUMNS` when set, else the terminal's width,
/// else (output to a file or a pipe) 120.
pub fn columns() -> usize {
    let from_env = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0);
    let from_terminal = || terminal_size::terminal_size().map(|(w, _)| usize::from(w.0));
    from_env.or_else(from_terminal).unwrap_or(120).max(40)
}

/// Writes what the library renders for people (`candor::render`) into a string.
pub fn write_rendered(
    w: &mut dyn Write,
    render: impl FnOnce(&mut String) -> std::fmt::Result,
) -> io::Result<()> {
    let mut text = String::new();
    render(&mut text).map_err(|_| io::Error::other("formatting failed"))?;
    w.write_all(text.as_bytes())
}

/// One line a finding, for editors' quickfix lists: `path:line:col: rule message`.
pub fn concise(w: &mut dyn Write, path: &str, f: &Finding) -> io::Result<()> {
    let sev = severity_style(f.severity);
    writeln!(
        w,
        "{BOLD}{path}:{}:{}:{BOLD:#} {sev}{}{sev:#} {}",
        f.line, f.column, f.rule, f.message
    )
}

/// `--statistics`: findings per rule, most first.
pub fn statistics(w: &mut dyn Write, counts: &[(String, Severity, usize)]) -> io::Result<()> {
    for (rule, severity, n) in counts {
        let sev = severity_style(*severity);
        writeln!(
            w,
            "{n:>5}  {BOLD}{rule:<24}{BOLD:#} {sev}{}{sev:#}",
            severity.as_str()
        )?;
    }
    Ok(())
}

/// Counts of findings by severity.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub files: usize,
    pub failed: usize,
    /// Files read but not judged (not an interview candor can judge).
    pub not_judged: usize,
    /// Diagnostics shown: findings on the same sentence make one.
    pub shown: usize,
}

impl Tally {
    pub fn add(&mut self, r: &Report) {
        self.files += 1;
        if r.error.is_some() {
            self.failed += 1;
        }
        if r.status == candor::Status::NotJudged {
            self.not_judged += 1;
        }
        self.shown += candor::render::by_sentence(&r.findings).len();
        for f in &r.findings {
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }

    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

pub use candor::render::plural;

/// The last line: totals.
pub fn totals(w: &mut dyn Write, t: &Tally) -> io::Result<()> {
    // Count the files that were judged; those not judged, and those that could not be
    // read, are said below: a file not judged is never "clean".
    let analysed = t.files.saturating_sub(t.failed + t.not_judged);
    let files = plural(analysed, "file", "files");
    if analysed == 0 && (t.failed > 0 || t.not_judged > 0) {
        // Nothing was judged: the lines below say why.
    } else if t.total() == 0 {
        writeln!(w, "{BOLD}No findings in {files}.{BOLD:#}")?;
    } else {
        writeln!(
            w,
            "{BOLD}Found {}{} in {files}: {} {}, {} {}, {} info.{BOLD:#}",
            plural(t.total(), "finding", "findings"),
            // Several findings on one sentence are shown as one diagnostic: say so.
            if t.shown < t.total() {
                format!(" ({})", plural(t.shown, "diagnostic", "diagnostics"))
            } else {
                String::new()
            },
            t.errors,
            if t.errors == 1 { "error" } else { "errors" },
            t.warnings,
            if t.warnings == 1 {
                "warning"
            } else {
                "warnings"
            },
            t.infos
        )?;
    }
    if t.not_judged > 0 {
        let e = super::WARNING;
        writeln!(
            w,
            "{e}{} not judged: not an interview candor can judge.{e:#}",
            plural(t.not_judged, "file", "files")
        )?;
    }
    if t.failed > 0 {
        let e = super::ERROR;
        writeln!(
            w,
            "{e}{} could not be read.{e:#}",
            plural(t.failed, "file", "files")
        )?;
    }
    Ok(())
}
