//! Diagnostics for people, in the manner of rustc and ruff.

use std::io::{self, Write};

use candor::{Finding, Report, ReportError, Role, Severity};

use super::{BOLD, DIM, GUTTER, HELP, pct, severity_style};

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

/// Columns a character takes in a terminal: two for wide East Asian characters.
fn width(c: char) -> usize {
    let u = c as u32;
    if matches!(u, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F | 0x1F900..=0x1F9FF | 0x20000..=0x3FFFD)
    {
        2
    } else {
        1
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

/// The source line to show in `room` columns and where to underline, as (text, underline
/// start, underline width) in terminal columns. A line that does not fit is cut to a window
/// of exactly `room` columns, each cut marked with `…`: the underline starts a quarter of
/// the way in (or nearer the start when the line begins sooner), and a window that would
/// pass the end of the line ends with it instead. An underline longer than the window stops
/// at its edge.
fn excerpt(line: &str, col: usize, end_col: Option<usize>, room: usize) -> (String, usize, usize) {
    let chars: Vec<char> = line
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let w: Vec<usize> = chars.iter().map(|&c| width(c)).collect();
    let cols = |a: usize, b: usize| -> usize { w[a..b].iter().sum() };
    let n = chars.len();
    let start = col.saturating_sub(1).min(n);
    let end = end_col.map_or(n, |e| e.saturating_sub(1)).clamp(start, n);
    let room = room.max(8);
    let (from, to) = if cols(0, n) <= room {
        (0, n)
    } else {
        // Context before the span: a quarter of the window.
        let mut from = start;
        while from > 0 && cols(from - 1, start) <= room / 4 {
            from -= 1;
        }
        // Close to the start: show the start rather than cut one or two characters.
        if cols(0, from) <= 1 {
            from = 0;
        }
        // Near the end: end with the line, the window full.
        if from > 0 && cols(from, n) < room {
            while from > 0 && cols(from - 1, n) < room {
                from -= 1;
            }
        }
        let lead = usize::from(from > 0);
        let mut to = from;
        while to < n && lead + cols(from, to + 1) + usize::from(to + 1 < n) <= room {
            to += 1;
        }
        (from, to)
    };
    let mut text = String::new();
    if from > 0 {
        text.push('…');
    }
    text.extend(&chars[from..to]);
    if to < n {
        text.push('…');
    }
    let at = usize::from(from > 0) + cols(from, start.max(from));
    let span = cols(start.clamp(from, to), end.clamp(from, to));
    (text, at, span.max(1))
}

fn severity_word(s: Severity) -> &'static str {
    s.as_str()
}

/// How a finding is printed: the columns to fit, and whether to end with the hint to
/// `candor explain` (the first time a rule appears in a run).
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    pub columns: usize,
    pub hint: bool,
}

/// The findings as a person reads them: one diagnostic a sentence. Findings of sentence
/// rules on the same sentence (the same turn and text) make one group, led by its main
/// finding (the most severe; ties go to the rule `candor rules` lists first), with the
/// others as notes on it. Groups keep the order of their first finding. Machine outputs
/// keep every finding.
pub fn by_sentence(findings: &[Finding]) -> Vec<(&Finding, Vec<&Finding>)> {
    let order = |f: &Finding| {
        candor::rules()
            .iter()
            .position(|r| r.id == f.rule)
            .unwrap_or(usize::MAX)
    };
    let of_a_sentence = |f: &Finding| {
        !f.text.is_empty()
            && candor::rule(&f.rule).is_some_and(|r| r.scope == candor::Scope::Sentence)
    };
    let mut groups: Vec<Vec<&Finding>> = Vec::new();
    let mut at: std::collections::HashMap<(usize, &str), usize> = Default::default();
    for f in findings {
        if !of_a_sentence(f) {
            groups.push(vec![f]);
            continue;
        }
        match at.entry((f.turn, f.text.as_str())) {
            std::collections::hash_map::Entry::Occupied(e) => groups[*e.get()].push(f),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(groups.len());
                groups.push(vec![f]);
            }
        }
    }
    groups
        .into_iter()
        .map(|mut g| {
            // Stable: the same rule twice keeps its order.
            g.sort_by(|a, b| b.severity.cmp(&a.severity).then(order(a).cmp(&order(b))));
            let main = g.remove(0);
            (main, g)
        })
        .collect()
}

/// Prints one finding with its source line, and `also` (other findings on the same
/// sentence) as notes on it.
pub fn finding(
    w: &mut dyn Write,
    path: &str,
    source: Option<&[&str]>,
    report: &Report,
    f: &Finding,
    also: &[&Finding],
    layout: Layout,
) -> io::Result<()> {
    let sev = severity_style(f.severity);
    writeln!(
        w,
        "{sev}{}[{}]{sev:#}{BOLD}: {}{BOLD:#}",
        severity_word(f.severity),
        f.rule,
        f.message
    )?;
    let gutter = f.line.to_string().len();
    let pad = " ".repeat(gutter);
    writeln!(
        w,
        "{pad}{GUTTER}-->{GUTTER:#} {path}:{}:{}",
        f.line, f.column
    )?;
    let line_text = source.and_then(|lines| lines.get(f.line as usize - 1).copied());
    // A finding about the size of a turn (the interviewer's longest, for the talk ratio; a
    // monologue) points at where the turn starts and states its size, rather than
    // underlining every word of it.
    let whole_turn = matches!(f.rule.as_str(), "talk-ratio" | "interviewer-monologue");
    let room = layout.columns.saturating_sub(gutter + 3);
    match line_text {
        Some(text) if whole_turn => {
            let (shown, at, _) = excerpt(text, f.column as usize, Some(f.column as usize), room);
            // The talk ratio's finding is on the interviewer's longest turn: give its size.
            let longest = report
                .metrics
                .as_ref()
                .and_then(|m| m.longest_monologue.as_ref())
                .filter(|s| s.turn == f.turn && f.rule == "talk-ratio");
            let label = match longest {
                Some(s) => {
                    let secs = s
                        .seconds
                        .map(|x| format!(", {}", candor::format_clock(x)))
                        .unwrap_or_default();
                    format!(
                        "their longest turn: {}{secs}",
                        plural(s.words, "word", "words")
                    )
                }
                None => "this turn".to_string(),
            };
            writeln!(w, "{pad} {GUTTER}|{GUTTER:#}")?;
            writeln!(
                w,
                "{GUTTER}{}{GUTTER:#} {GUTTER}|{GUTTER:#} {shown}",
                f.line
            )?;
            writeln!(
                w,
                "{pad} {GUTTER}|{GUTTER:#} {}{sev}^ {label}{sev:#}",
                " ".repeat(at),
            )?;
        }
        Some(text) => {
            let end = (f.end_line == f.line).then_some(f.end_column as usize);
            let (shown, at, span) = excerpt(text, f.column as usize, end, room);
            let more = if f.end_line > f.line { " …" } else { "" };
            writeln!(w, "{pad} {GUTTER}|{GUTTER:#}")?;
            writeln!(
                w,
                "{GUTTER}{}{GUTTER:#} {GUTTER}|{GUTTER:#} {shown}",
                f.line
            )?;
            writeln!(
                w,
                "{pad} {GUTTER}|{GUTTER:#} {}{sev}{}{more}{sev:#}",
                " ".repeat(at),
                "^".repeat(span)
            )?;
        }
        None => {
            writeln!(w, "{pad} {GUTTER}|{GUTTER:#} {DIM}{}{DIM:#}", f.text)?;
        }
    }
    let role = report
        .speakers
        .iter()
        .find(|s| s.name == f.speaker)
        .map_or("", |s| s.role.as_str());
    let at = f
        .time
        .map(|t| format!(", at {}", candor::format_clock(t)))
        .unwrap_or_default();
    writeln!(
        w,
        "{pad} {GUTTER}={GUTTER:#} {}, {role}, turn {}{at}",
        f.speaker, f.turn
    )?;
    for other in also {
        writeln!(
            w,
            "{pad} {GUTTER}={GUTTER:#} also: {}: {}",
            other.rule, other.message
        )?;
    }
    // Which layer found it: said when the learned model alone did (the patterns did not
    // agree), and with `--explain` (which is when a finding carries its cues).
    let by = match f.source {
        candor::Source::Pattern => None,
        candor::Source::Model => Some("the learned model alone"),
        candor::Source::Both if !f.cues.is_empty() => Some("the patterns and the learned model"),
        candor::Source::Both => None,
    };
    if let Some(by) = by {
        writeln!(
            w,
            "{pad} {GUTTER}={GUTTER:#} found by {by}, confidence {:.2}",
            f.confidence
        )?;
    }
    if !f.cues.is_empty() {
        let cues: Vec<String> = f
            .cues
            .iter()
            .map(|c| format!("{} ({:+.2})", c.feature, c.weight))
            .collect();
        writeln!(
            w,
            "{pad} {GUTTER}={GUTTER:#} what weighed most: {}",
            cues.join(", ")
        )?;
    }
    writeln!(
        w,
        "{pad} {GUTTER}={GUTTER:#} {HELP}help{HELP:#}: {}",
        f.help
    )?;
    if layout.hint && candor::rule(&f.rule).is_some() {
        writeln!(
            w,
            "{pad} {GUTTER}={GUTTER:#} {DIM}more: `candor explain {}`{DIM:#}",
            f.rule
        )?;
    }
    writeln!(w)
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
        for f in &r.findings {
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }

    fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One line per file: findings, score, talk ratio, who was taken for the interviewer and
/// how (and when candor is unsure of it); or that the file was not judged, and why.
pub fn file_summary(w: &mut dyn Write, path: &str, r: &Report) -> io::Result<()> {
    let mut t = Tally::default();
    t.add(r);
    let mut parts = match r.reason {
        Some(reason) if r.status == candor::Status::NotJudged => {
            let e = super::WARNING;
            vec![format!("{e}not judged ({reason}){e:#}, no score")]
        }
        _ => vec![plural(t.total(), "finding", "findings")],
    };
    if let Some(s) = r.score {
        parts.push(format!("score {s:.0}/100"));
    }
    let judged = r.status != candor::Status::NotJudged;
    if let Some((ratio, basis)) = r.metrics.as_ref().and_then(|m| m.talk_ratio()) {
        if judged {
            parts.push(format!("interviewer talked {} by {basis}", pct(ratio)));
        }
    }
    // Who was taken for the interviewer, where it matters: not for a chat, one voice or
    // another language.
    let who_matters = judged
        || matches!(
            r.reason,
            Some(candor::Reason::TooShort | candor::Reason::LowRoleConfidence)
        );
    let interviewers: Vec<&str> = r.interviewers().collect();
    if who_matters && !interviewers.is_empty() {
        let how = r
            .speakers
            .iter()
            .find(|s| s.role == Role::Interviewer)
            .map(|s| s.role_source.as_str())
            .unwrap_or("");
        let unsure = r
            .unsure_role()
            .map(|c| format!(", unsure: {:.0}%", c * 100.0))
            .unwrap_or_default();
        parts.push(format!(
            "interviewer: {} ({how}{unsure})",
            interviewers.join(", ")
        ));
    }
    writeln!(w, "{BOLD}{path}{BOLD:#}: {}", parts.join(" · "))
}

/// Notes for what was read leniently.
pub fn warnings(w: &mut dyn Write, path: &str, r: &Report) -> io::Result<()> {
    const SHOWN: usize = 3;
    for warn in r.warnings.iter().take(SHOWN) {
        let loc = warn.line.map(|l| format!(":{l}")).unwrap_or_default();
        writeln!(w, "{DIM}note: {path}{loc}: {}{DIM:#}", warn.message)?;
    }
    if r.warnings.len() > SHOWN {
        writeln!(
            w,
            "{DIM}note: {path}: and {} more notes (see --format json){DIM:#}",
            r.warnings.len() - SHOWN
        )?;
    }
    Ok(())
}

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
            "{BOLD}Found {} in {files}: {} {}, {} {}, {} info.{BOLD:#}",
            plural(t.total(), "finding", "findings"),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn underlined(t: &str, at: usize, span: usize) -> String {
        t.chars().skip(at).take(span).collect()
    }

    fn found(rule: &str, severity: Severity, turn: usize, text: &str) -> Finding {
        Finding {
            rule: rule.to_string(),
            severity,
            line: turn as u32,
            column: 1,
            end_line: turn as u32,
            end_column: 2,
            turn,
            speaker: "Maya".to_string(),
            time: None,
            message: format!("{rule} message"),
            text: text.to_string(),
            help: String::new(),
            source: candor::Source::Pattern,
            confidence: 1.0,
            cues: Vec::new(),
        }
    }

    #[test]
    fn a_sentence_flagged_by_several_rules_is_one_diagnostic() {
        let q = "Would you sign up for that?";
        let findings = [
            found("closed-question", Severity::Info, 3, q),
            found("hypothetical-question", Severity::Warning, 3, q),
            // The same words in another turn are another sentence.
            found("closed-question", Severity::Info, 5, q),
            // Ties of severity go to the rule `candor rules` lists first.
            found(
                "validation-seeking",
                Severity::Warning,
                7,
                "Do you like it?",
            ),
            found("leading-question", Severity::Warning, 7, "Do you like it?"),
            // A turn's rule is never folded into a sentence's.
            found("stacked-questions", Severity::Warning, 7, "Do you like it?"),
        ];
        let groups: Vec<(&str, Vec<&str>)> = by_sentence(&findings)
            .into_iter()
            .map(|(f, also)| {
                (
                    f.rule.as_str(),
                    also.iter().map(|a| a.rule.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            groups,
            [
                ("hypothetical-question", vec!["closed-question"]),
                ("closed-question", vec![]),
                ("leading-question", vec!["validation-seeking"]),
                ("stacked-questions", vec![]),
            ]
        );
    }

    #[test]
    fn excerpt_underlines_the_span() {
        let (t, at, span) = excerpt("Josh: Don't you think so?", 7, Some(22), 80);
        assert_eq!(t, "Josh: Don't you think so?");
        assert_eq!((at, span), (6, 15));
    }

    /// Wherever the span is, a long line becomes a window of exactly the room given, each
    /// cut marked with `…`, and the underline is under the span.
    #[test]
    fn long_lines_are_windowed_the_same_wherever_the_span_is() {
        for room in [40, 60, 100] {
            for before in [0, 1, 5, 30, 200, 390] {
                let line = format!("{}TARGET{}", "a".repeat(before), "b".repeat(400 - before));
                let (t, at, span) = excerpt(&line, before + 1, Some(before + 7), room);
                assert_eq!(t.chars().count(), room, "{room} {before}: {t}");
                assert_eq!(underlined(&t, at, span), "TARGET", "{room} {before}: {t}");
                if before <= room / 4 {
                    assert!(!t.starts_with('…'), "{room} {before}: {t}");
                }
                if before > room / 2 {
                    assert!(t.starts_with('…'), "{room} {before}: {t}");
                }
                assert_eq!(t.ends_with('…'), before < 390, "{room} {before}: {t}");
                if before > room && t.ends_with('…') {
                    // Cut on both sides: the span starts a quarter of the way in.
                    assert!(at <= room / 4 + 1, "{room} {before}: at {at}");
                }
            }
        }
    }

    #[test]
    fn a_span_wider_than_the_window_stops_at_its_edge() {
        let line = "x".repeat(300);
        let (t, at, span) = excerpt(&line, 1, Some(301), 50);
        assert_eq!(t.chars().count(), 50);
        assert_eq!((at, span), (0, 49));
    }

    #[test]
    fn wide_characters_count_double() {
        let (_, at, span) = excerpt("李明: 你好吗?", 5, Some(8), 80);
        assert_eq!((at, span), (6, 6));
        let line = format!("{}你好吗{}", "一".repeat(100), "二".repeat(100));
        let (t, at, span) = excerpt(&line, 101, Some(104), 60);
        let cols: usize = t.chars().map(width).sum();
        assert!((59..=60).contains(&cols), "{cols}: {t}");
        assert_eq!(span, 6);
        let shown: String = t.chars().collect();
        let before: usize = shown.chars().take_while(|&c| c != '你').map(width).sum();
        assert_eq!(before, at);
    }
}
