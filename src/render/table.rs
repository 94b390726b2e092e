//! `candor score` for people: the terminal table, a row per interview, and the summary.

use std::collections::BTreeMap;
use std::io::{self, Write};

use candor::{Report, Severity};

use crate::args::GroupBy;
use crate::summary::{Group, Row, Summary};

use super::{BOLD, DIM, human::plural, pct};

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

/// A name cut to `n` characters at its end, with `…`.
fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let head: String = s.chars().take(n.saturating_sub(1)).collect();
        format!("{head}…")
    }
}

/// A path cut to `n` characters so that the file name stays visible: the folders are cut
/// first (`calls/2025/…/acme.vtt`), and only a file name too long by itself is cut, in the
/// middle, keeping its end.
fn truncate_path(s: &str, n: usize) -> String {
    let count = s.chars().count();
    if count <= n {
        return s.to_string();
    }
    let (dir, name) = match s.rfind(['/', '\\']) {
        Some(i) => (&s[..i + 1], &s[i + 1..]),
        None => ("", s),
    };
    let name_len = name.chars().count();
    // "…/" and at least one character of the folders before it.
    if !dir.is_empty() && name_len + 3 <= n {
        let sep = &dir[dir.len() - 1..];
        let head: String = dir.chars().take(n - name_len - 2).collect();
        return format!("{head}…{sep}{name}");
    }
    // The name alone is too long: its start and its end, the extension with it.
    let keep = n.saturating_sub(1);
    let tail_len = keep / 2;
    let head: String = name.chars().take(keep - tail_len).collect();
    let tail: String = name.chars().skip(name_len - tail_len).collect();
    format!("{head}…{tail}")
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
pub fn row(w: &mut dyn Write, row: &Row) -> io::Result<()> {
    let r = row.report;
    if let Some(e) = &r.error {
        let err = super::ERROR;
        return writeln!(
            w,
            "{:<44} {err}error: {}{err:#}",
            truncate_path(row.path, 44),
            first_words(&e.message, 58)
        );
    }
    if let (candor::Status::NotJudged, Some(reason)) = (r.status, r.reason) {
        let warn = super::WARNING;
        return writeln!(
            w,
            "{:<44} {:<18} {warn}not judged: {reason}{warn:#}",
            truncate_path(row.path, 44),
            truncate(&row.interviewer, 18),
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
        truncate_path(row.path, 44),
        truncate(&row.interviewer, 18),
        talk,
        qs,
        severity_counts(r),
        score
    )
}

/// The table's heading.
pub fn head(w: &mut dyn Write) -> io::Result<()> {
    writeln!(
        w,
        "{DIM}{:<44} {:<18} {:>10} {:>13} {:>10} {:>5}{DIM:#}",
        "file", "interviewer", "talk", "questions", "findings", "score"
    )
}

fn opt(x: Option<f64>, f: impl Fn(f64) -> String) -> String {
    x.map(f).unwrap_or_else(|| "–".into())
}

/// The files not judged, apart from the rest: how many for each reason, and the first few.
fn not_judged(w: &mut dyn Write, s: &Summary) -> io::Result<()> {
    let n = s.not_judged_count();
    if n == 0 {
        return Ok(());
    }
    let reasons: Vec<String> = s
        .not_judged
        .iter()
        .map(|(r, k)| format!("{r} {k}"))
        .collect();
    writeln!(
        w,
        "\n  {BOLD}not judged{BOLD:#} (no score; left out of the figures above): {}",
        reasons.join(", ")
    )?;
    for (path, reason) in &s.not_judged_files {
        writeln!(w, "  {reason:<20}  {path}")?;
    }
    if n > s.not_judged_files.len() {
        writeln!(w, "  and {} more", n - s.not_judged_files.len())?;
    }
    Ok(())
}

/// The summary for people.
pub fn summary(w: &mut dyn Write, s: &Summary) -> io::Result<()> {
    writeln!(w)?;
    writeln!(
        w,
        "{BOLD}Summary{BOLD:#}: {}, {} judged, {} not judged, {}",
        plural(s.files, "file", "files"),
        plural(s.interviews, "interview", "interviews"),
        s.not_judged_count(),
        plural(s.errors, "error", "errors"),
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
        |w: &mut dyn Write, title: &str, groups: &BTreeMap<String, Group>| -> io::Result<()> {
            // Folders keep their last part visible; names are cut at the end.
            let cut = if title == "by folder" {
                truncate_path
            } else {
                truncate
            };
            writeln!(
                w,
                "\n  {BOLD}{title:<26}{BOLD:#} interviews  mean score  mean talk  top rules"
            )?;
            // Interviewers as the HTML report ranks them: people by mean score, best first
            // (no score last), then the labels a transcript gives instead of a name
            // (`Interviewer`, `Speaker 1`, `SPEAKER_00`) apart, as they are not people.
            let mut items: Vec<(&String, &Group)> = groups.iter().collect();
            let people = title == "by interviewer";
            if people {
                items.sort_by(|(a, x), (b, y)| {
                    let rank = |g: &Group| g.mean_score().map_or(f64::INFINITY, |s| -s);
                    crate::summary::is_generic_label(a)
                        .cmp(&crate::summary::is_generic_label(b))
                        .then(rank(x).total_cmp(&rank(y)))
                        .then(a.cmp(b))
                });
            }
            let mut labels_said = false;
            for (name, g) in items {
                if people && !labels_said && crate::summary::is_generic_label(name) {
                    writeln!(w, "  {DIM}labels, not people:{DIM:#}")?;
                    labels_said = true;
                }
                let top: Vec<String> = g
                    .top_rules(3)
                    .iter()
                    .map(|(r, n)| format!("{r} ({n})"))
                    .collect();
                writeln!(
                    w,
                    "  {:<26} {:>10}  {:>10}  {:>9}  {}",
                    cut(name, 26),
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
    not_judged(w, s)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_keep_their_file_name() {
        assert_eq!(truncate_path("calls/acme.vtt", 44), "calls/acme.vtt");
        let long = "interviews/2025/customers/enterprise/acme-2025-03-14-discovery.vtt";
        let cut = truncate_path(long, 44);
        assert_eq!(cut.chars().count(), 44);
        assert!(cut.ends_with("/acme-2025-03-14-discovery.vtt"), "{cut}");
        assert!(cut.starts_with("interviews/"), "{cut}");
        assert!(cut.contains('…'), "{cut}");
        // A file name too long by itself keeps its start and its extension.
        let name = format!("{}.vtt", "a-very-long-recording-name-".repeat(3));
        let cut = truncate_path(&format!("calls/{name}"), 30);
        assert_eq!(cut.chars().count(), 30);
        assert!(cut.starts_with("a-very-long"), "{cut}");
        assert!(cut.ends_with("name-.vtt"), "{cut}");
        // Names are cut at their end.
        assert_eq!(truncate("Priya Shah, Dana Kowalski", 12), "Priya Shah,…");
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
}
