//! Diagnostics for people, in the manner of rustc and ruff.

use std::collections::HashSet;
use std::fmt::{self, Write};

use super::style::Palette;
use crate::{Finding, Report, Role};

/// How diagnostics are rendered.
///
/// ```
/// let o = candor::render::HumanOptions::default().with_color(true).with_columns(80);
/// assert!(o.color);
/// assert_eq!(o.columns, 80);
/// assert!(!o.explain_hints);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct HumanOptions {
    /// Colour with ANSI escape codes. Off by default: the caller knows whether its output
    /// is a terminal (and what `NO_COLOR` says); the library does not look.
    pub color: bool,
    /// The width to fit source lines in, in terminal columns; a longer line is cut to a
    /// window around the words. 120 by default; 40 at least.
    pub columns: usize,
    /// End a rule's first diagnostic with the hint ``more: `candor explain RULE` ``, as the
    /// command line does. Off by default: an embedding tool may have no `candor` command.
    pub explain_hints: bool,
}

impl Default for HumanOptions {
    fn default() -> Self {
        HumanOptions {
            color: false,
            columns: 120,
            explain_hints: false,
        }
    }
}

impl HumanOptions {
    /// With colour on or off.
    pub fn with_color(mut self, color: bool) -> Self {
        self.color = color;
        self
    }

    /// Fitting source lines in `columns` terminal columns.
    pub fn with_columns(mut self, columns: usize) -> Self {
        self.columns = columns;
        self
    }

    /// With or without the hint to `candor explain`.
    pub fn with_explain_hints(mut self, hints: bool) -> Self {
        self.explain_hints = hints;
        self
    }
}

impl Report {
    /// This report as `candor lint` prints it for people: a diagnostic a flagged sentence
    /// (its source line, the words underlined, the speaker, other rules' findings on it,
    /// a `help:` line), notes on what was read leniently, and the summary line.
    ///
    /// `source` is the text the report's lines count in: the text given to
    /// [`Analyzer::analyze_str`](crate::Analyzer::analyze_str), or [`Decoded::text`](crate::Decoded::text)
    /// for bytes (a Word document's lines are its paragraphs). Without it, each diagnostic
    /// shows the finding's sentence instead of the source line. The path shown is
    /// [`Report::path`]. A report that failed renders as its summary line; its `error` is
    /// for the caller to show.
    ///
    /// ```
    /// let analyzer = candor::Analyzer::new(candor::Config::default()).unwrap();
    /// let text = include_str!("../../../../fixtures/demo/call.vtt");
    /// let shown = analyzer.analyze_str(text).render_human(Some(text), &Default::default());
    /// assert!(shown.starts_with("warning[leading-question]: "), "{shown}");
    /// assert!(shown.contains("\n  --> 33:14\n"), "{shown}"); // no path: line and column
    /// assert!(shown.contains("\n33 | <v Maya Chen>That must be so frustrating, right?</v>\n"));
    /// assert!(shown.contains("\n   = help: "), "{shown}");
    /// ```
    pub fn render_human(&self, source: Option<&str>, options: &HumanOptions) -> String {
        let mut out = String::new();
        let mut human = Human::new(options.clone());
        // Writing to a String does not fail.
        let _ = human.report(&mut out, self, source);
        out
    }
}

/// Renders reports for people, one after another, as `candor lint` does: it remembers which
/// rules have had their hint to `candor explain` (with
/// [`explain_hints`](HumanOptions::explain_hints)), so each rule has it once a run.
#[derive(Debug, Clone)]
pub struct Human {
    options: HumanOptions,
    paint: Palette,
    hinted: HashSet<String>,
}

impl Human {
    /// A renderer with these options.
    pub fn new(options: HumanOptions) -> Self {
        Human {
            paint: Palette::new(options.color),
            options,
            hinted: HashSet::new(),
        }
    }

    /// The options it renders with.
    pub fn options(&self) -> &HumanOptions {
        &self.options
    }

    /// [`diagnostics`](Self::diagnostics), then the [`summary`](Self::summary) line: all
    /// `candor lint` prints for one file.
    pub fn report<W: Write + ?Sized>(
        &mut self,
        w: &mut W,
        report: &Report,
        source: Option<&str>,
    ) -> fmt::Result {
        self.diagnostics(w, report, source)?;
        self.summary(w, report)
    }

    /// A diagnostic for each flagged sentence, in source order (the findings of several
    /// rules on one sentence make one diagnostic, see [`by_sentence`]), then up to three
    /// notes on what was read leniently or guessed. `source` is as for
    /// [`Report::render_human`]. A report that failed has none.
    pub fn diagnostics<W: Write + ?Sized>(
        &mut self,
        w: &mut W,
        report: &Report,
        source: Option<&str>,
    ) -> fmt::Result {
        if report.error.is_some() {
            return Ok(());
        }
        let lines: Option<Vec<&str>> = source.map(lines);
        for (f, also) in by_sentence(&report.findings) {
            let hint = self.options.explain_hints
                && self.hinted.insert(f.rule.clone())
                && crate::rule(&f.rule).is_some();
            self.finding(w, lines.as_deref(), report, f, &also, hint)?;
        }
        self.notes(w, report)
    }

    /// One line for the file: its findings, score, talk ratio, and who was taken for the
    /// interviewer and how (and when candor is unsure of it); or that it was not judged,
    /// and why.
    pub fn summary<W: Write + ?Sized>(&self, w: &mut W, r: &Report) -> fmt::Result {
        let p = &self.paint;
        // A file that could not be read was not judged either: never "0 findings".
        if let Some(e) = &r.error {
            let err = p.error;
            return writeln!(w, "{}: {err}failed{err:#}: {}", r.path, e.message);
        }
        let findings = r.findings.len();
        let mut parts = match r.reason {
            Some(reason) if r.status == crate::Status::NotJudged => {
                let e = p.warning;
                vec![format!("{e}not judged ({reason}){e:#}, no score")]
            }
            _ => {
                // Several findings on one sentence are shown as one diagnostic: say so.
                let shown = by_sentence(&r.findings).len();
                vec![if shown < findings {
                    format!(
                        "{} ({})",
                        plural(findings, "finding", "findings"),
                        plural(shown, "diagnostic", "diagnostics")
                    )
                } else {
                    plural(findings, "finding", "findings")
                }]
            }
        };
        if let Some(s) = r.score {
            parts.push(format!("score {s:.0}/100"));
        }
        let judged = r.status != crate::Status::NotJudged;
        if let Some((ratio, basis)) = r.metrics.as_ref().and_then(|m| m.talk_ratio()) {
            if judged {
                parts.push(format!(
                    "interviewer talked {:.0}% by {basis}",
                    ratio * 100.0
                ));
            }
        }
        // Who was taken for the interviewer, where it matters: not for a chat, one voice or
        // another language.
        let who_matters = judged
            || matches!(
                r.reason,
                Some(crate::Reason::TooShort | crate::Reason::LowRoleConfidence)
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
        let b = p.bold;
        if r.path.is_empty() {
            writeln!(w, "{}", parts.join(" · "))
        } else {
            writeln!(w, "{b}{}{b:#}: {}", r.path, parts.join(" · "))
        }
    }

    /// Notes for what was read leniently.
    fn notes<W: Write + ?Sized>(&self, w: &mut W, r: &Report) -> fmt::Result {
        const SHOWN: usize = 3;
        let d = self.paint.dim;
        let path = &r.path;
        for warn in r.warnings.iter().take(SHOWN) {
            match (path.is_empty(), warn.line) {
                (false, Some(l)) => writeln!(w, "{d}note: {path}:{l}: {}{d:#}", warn.message)?,
                (false, None) => writeln!(w, "{d}note: {path}: {}{d:#}", warn.message)?,
                (true, _) => writeln!(w, "{d}note: {warn}{d:#}")?,
            }
        }
        if r.warnings.len() > SHOWN {
            let more = r.warnings.len() - SHOWN;
            let lead = if path.is_empty() {
                String::new()
            } else {
                format!("{path}: ")
            };
            writeln!(
                w,
                "{d}note: {lead}and {more} more notes (see --format json){d:#}"
            )?;
        }
        Ok(())
    }

    /// One finding with its source line, and `also` (other findings on the same sentence)
    /// as notes on it.
    fn finding<W: Write + ?Sized>(
        &self,
        w: &mut W,
        source: Option<&[&str]>,
        report: &Report,
        f: &Finding,
        also: &[&Finding],
        hint: bool,
    ) -> fmt::Result {
        let Palette {
            bold: b,
            dim: d,
            gutter: g,
            help: h,
            ..
        } = self.paint;
        let sev = self.paint.severity(f.severity);
        writeln!(
            w,
            "{sev}{}[{}]{sev:#}{b}: {}{b:#}",
            f.severity.as_str(),
            f.rule,
            f.message
        )?;
        let gutter = f.line.to_string().len();
        let pad = " ".repeat(gutter);
        if report.path.is_empty() {
            writeln!(w, "{pad}{g}-->{g:#} {}:{}", f.line, f.column)?;
        } else {
            writeln!(
                w,
                "{pad}{g}-->{g:#} {}:{}:{}",
                report.path, f.line, f.column
            )?;
        }
        let line_text =
            source.and_then(|lines| lines.get((f.line as usize).wrapping_sub(1)).copied());
        // A finding about the size of a turn (the interviewer's longest, for the talk ratio;
        // a monologue) points at where the turn starts and states its size, rather than
        // underlining every word of it.
        let whole_turn = matches!(f.rule.as_str(), "talk-ratio" | "interviewer-monologue");
        let room = self.options.columns.max(40).saturating_sub(gutter + 3);
        match line_text {
            Some(text) if whole_turn => {
                let (shown, at, _) =
                    excerpt(text, f.column as usize, Some(f.column as usize), room);
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
                            .map(|x| format!(", {}", crate::format_clock(x)))
                            .unwrap_or_default();
                        format!(
                            "their longest turn: {}{secs}",
                            plural(s.words, "word", "words")
                        )
                    }
                    None => "this turn".to_string(),
                };
                writeln!(w, "{pad} {g}|{g:#}")?;
                writeln!(w, "{g}{}{g:#} {g}|{g:#} {shown}", f.line)?;
                writeln!(w, "{pad} {g}|{g:#} {}{sev}^ {label}{sev:#}", " ".repeat(at))?;
            }
            Some(text) => {
                let end = (f.end_line == f.line).then_some(f.end_column as usize);
                let (shown, at, span) = excerpt(text, f.column as usize, end, room);
                let more = if f.end_line > f.line { " …" } else { "" };
                writeln!(w, "{pad} {g}|{g:#}")?;
                writeln!(w, "{g}{}{g:#} {g}|{g:#} {shown}", f.line)?;
                writeln!(
                    w,
                    "{pad} {g}|{g:#} {}{sev}{}{more}{sev:#}",
                    " ".repeat(at),
                    "^".repeat(span)
                )?;
            }
            None => {
                writeln!(w, "{pad} {g}|{g:#} {d}{}{d:#}", f.text)?;
            }
        }
        let role = report
            .speakers
            .iter()
            .find(|s| s.name == f.speaker)
            .map_or("", |s| s.role.as_str());
        let at = f
            .time
            .map(|t| format!(", at {}", crate::format_clock(t)))
            .unwrap_or_default();
        writeln!(
            w,
            "{pad} {g}={g:#} {}, {role}, turn {}{at}",
            f.speaker, f.turn
        )?;
        for other in also {
            writeln!(w, "{pad} {g}={g:#} also: {}: {}", other.rule, other.message)?;
        }
        // Which layer found it: said when the learned model alone did (the patterns did not
        // agree), and with `--explain` (which is when a finding carries its cues).
        let by = match f.source {
            crate::Source::Pattern => None,
            crate::Source::Model => Some("the learned model alone"),
            crate::Source::Both if !f.cues.is_empty() => Some("the patterns and the learned model"),
            crate::Source::Both => None,
        };
        if let Some(by) = by {
            let reached = match f.threshold {
                Some(t) if t.long_turn => {
                    format!(
                        " (threshold {:.2}, the one for turns over {} words)",
                        t.value,
                        crate::rules::learned::context::LONG_WORDS
                    )
                }
                Some(t) => format!(" (threshold {:.2})", t.value),
                None => String::new(),
            };
            writeln!(
                w,
                "{pad} {g}={g:#} found by {by}, confidence {:.2}{reached}",
                f.confidence
            )?;
        }
        if !f.cues.is_empty() {
            let cues: Vec<String> = f
                .cues
                .iter()
                .map(|c| format!("{} ({:+.2})", c.feature, c.weight))
                .collect();
            writeln!(w, "{pad} {g}={g:#} what weighed most: {}", cues.join(", "))?;
        }
        writeln!(w, "{pad} {g}={g:#} {h}help{h:#}: {}", f.help)?;
        if hint {
            writeln!(
                w,
                "{pad} {g}={g:#} {d}more: `candor explain {}`{d:#}",
                f.rule
            )?;
        }
        writeln!(w)
    }
}

/// The lines of a source as the report counts them: split at `\n`, a `\r` before it and a
/// leading byte-order mark dropped, so text with Windows line endings shows as
/// [`decode`](crate::decode) reads it. (Old Mac text, a lone `\r` a line, is for `decode`.)
fn lines(source: &str) -> Vec<&str> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    source
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect()
}

/// The findings as a person reads them: one diagnostic a sentence. Findings of sentence
/// rules on the same sentence (the same turn and text) make one group, led by its main
/// finding (the most severe; ties go to the rule [`rules()`](crate::rules) lists first),
/// with the others as notes on it. Groups keep the order of their first finding. Machine
/// outputs keep every finding.
pub fn by_sentence(findings: &[Finding]) -> Vec<(&Finding, Vec<&Finding>)> {
    let order = |f: &Finding| {
        crate::rules()
            .iter()
            .position(|r| r.id == f.rule)
            .unwrap_or(usize::MAX)
    };
    let of_a_sentence = |f: &Finding| {
        !f.text.is_empty()
            && crate::rule(&f.rule).is_some_and(|r| r.scope == crate::Scope::Sentence)
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

/// `n` and its noun, singular for one: "1 finding", "3 findings", "0 findings".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Severity;

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
            source: crate::Source::Pattern,
            confidence: 1.0,
            cues: Vec::new(),
            threshold: None,
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
    fn source_lines_split_as_decode_splits_them() {
        assert_eq!(lines("\u{feff}a\r\nb\n\nd"), ["a", "b", "", "d"]);
        assert_eq!(lines(""), [""]);
        assert_eq!(lines("a\n"), ["a", ""]);
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
