//! The analyser: one transcript through roles, sentences, rules, metrics and the score.
//!
//! [`Analyzer::run`] reads as its stages: the words of each turn; the roles the
//! configuration gives; the interviewer's turns read sentence by sentence, counted and
//! judged; the metrics; the transcript rules and the user's phrase rules; the score.

use std::sync::Arc;

use crate::config::{Config, Level};
use crate::custom::Custom;
use crate::decode::Decoded;
use crate::error::Error;
use crate::model::{
    Cue, Cursor, Finding, Format, Metrics, Position, Report, Role, Severity, Source, SpeakerStats,
    Status, Threshold, Transcript, Turn,
};
use crate::rules::learned::{FeatureSpec, Model};
use crate::rules::practice::Practice;
use crate::rules::{self, Hit, Id, Judge, Learned, Limits, Record, Sentence, TurnJudgement, Whole};
use crate::speech;

/// Analyses transcripts with one configuration; build it once and share it.
///
/// Patterns are compiled when it is built; it is `Send + Sync`, so one
/// analyser serves every thread of a batch.
///
/// ```
/// use candor::{Analyzer, Config};
/// let analyzer = Analyzer::new(Config::default()).unwrap();
/// let interview = "Maya: How do you plan your week today?\n\
/// Tom: In a spreadsheet, every Monday. It takes an hour: the numbers come from three places \
/// and none of them agree with each other, so I check each one twice.\n\
/// Maya: What happened the last time it slipped?\n\
/// Tom: A supplier delivered late, the whole week moved, and I rebuilt the sheet by hand on a \
/// Tuesday night. It took me until midnight, and I still got two delivery slots wrong on Wednesday morning.\n\
/// Maya: So if we built this, would you use it?\n\
/// Tom: Probably, yes, if it read the supplier emails and moved the slots on its own.";
/// let report = analyzer.analyze_bytes(interview.as_bytes(), None);
/// let rules: Vec<&str> = report.findings.iter().map(|f| f.rule.as_str()).collect();
/// assert!(rules.contains(&"hypothetical-question"));
/// assert!(rules.contains(&"closed-question"));
/// ```
#[derive(Debug, Clone)]
pub struct Analyzer {
    config: Config,
    levels: Vec<Level>,
    /// The levels the score weighs findings at: every built-in rule at its default
    /// severity for the profile, whatever `select`, `ignore` and `severity` show.
    score_levels: Vec<Level>,
    custom: Vec<Custom>,
    /// The learned layer's model, unless the configuration turns it off.
    model: Option<Arc<Model>>,
}

fn assert_send_sync<T: Send + Sync>() {}
const _: fn() = assert_send_sync::<Analyzer>;

/// The most findings a report lists, so that memory stays bounded on a pathological file
/// (a 100 MB turn of questions); those past it still count in the score.
pub const MAX_FINDINGS: usize = 10_000;

/// A turn's sentences are analysed, judged and dropped this many at a time, so memory
/// stays bounded however long a turn runs.
const CHUNK: usize = 2_000;

impl Analyzer {
    /// Builds an analyser, compiling the configuration's patterns.
    pub fn new(config: Config) -> Result<Analyzer, Error> {
        config.validate("", "configuration")?;
        let levels = rules::rules()
            .iter()
            .map(|r| config.level_of(r.id, r.severity))
            .collect();
        let shown_or_not = Config {
            select: Vec::new(),
            ignore: Vec::new(),
            severity: Default::default(),
            ..config.clone()
        };
        let score_levels = rules::rules()
            .iter()
            .map(|r| shown_or_not.level_of(r.id, r.severity))
            .collect();
        let custom = Custom::compile_all(&config)?;
        let model = match config.learned {
            Some(false) => None,
            _ => rules::learned::builtin(),
        };
        Ok(Analyzer {
            config,
            levels,
            score_levels,
            custom,
            model,
        })
    }

    /// An analyser that judges with `model` (or with the patterns alone, for `None`)
    /// instead of the model that ships in the crate: for training and evaluating models.
    #[doc(hidden)]
    pub fn with_model(config: Config, model: Option<Arc<Model>>) -> Result<Analyzer, Error> {
        let mut a = Analyzer::new(Config {
            learned: Some(false),
            ..config
        })?;
        a.config.learned = None;
        a.model = model;
        Ok(a)
    }

    /// The configuration in use.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The severity a rule's findings are shown at, or `None` when they are not shown.
    fn severity(&self, id: Id) -> Option<Severity> {
        level_severity(self.levels[id as usize])
    }

    /// The severity a rule's findings weigh at in the score, or `None` when they do not.
    fn score_severity(&self, id: Id) -> Option<Severity> {
        level_severity(self.score_levels[id as usize])
    }

    /// Reads transcript bytes and analyses them; a file that fails becomes a report with `error` set.
    pub fn analyze_bytes(&self, bytes: &[u8], format: Option<Format>) -> Report {
        match crate::decode(bytes) {
            Ok(d) => self.analyze_decoded(&d, format),
            Err(e) => Report::failed("", &e),
        }
    }

    /// Analyses a transcript held as text, its format detected from the content as
    /// `candor lint -` does for standard input; a text that cannot be parsed becomes a
    /// report with `error` set. The same as [`analyze_bytes`](Self::analyze_bytes) with no
    /// format: line endings are normalised and a byte-order mark dropped, so line and
    /// column numbers count as an editor does. The report's `path` is empty; set it to
    /// name the input.
    ///
    /// ```
    /// let analyzer = candor::Analyzer::new(candor::Config::default()).unwrap();
    /// let report = analyzer.analyze_str("Interviewer: Would you buy it?\nCustomer: Maybe.");
    /// assert_eq!(report.format, Some(candor::Format::Plain));
    /// assert_eq!(report.error, None);
    /// let failed = analyzer.analyze_str("   ");
    /// assert!(failed.error.is_some());
    /// ```
    pub fn analyze_str(&self, text: &str) -> Report {
        self.analyze_bytes(text.as_bytes(), None)
    }

    /// Reads transcript bytes and measures them, without running the rules (`candor stats`).
    pub fn measure_bytes(&self, bytes: &[u8], format: Option<Format>) -> Report {
        match crate::decode(bytes) {
            Ok(d) => self.measure_decoded(&d, format),
            Err(e) => Report::failed("", &e),
        }
    }

    /// Parses text already decoded with [`decode`](crate::decode) and analyses it: the same
    /// as [`parse_decoded`](crate::parse_decoded) then [`analyze`](Self::analyze), but each
    /// turn's words are counted once rather than twice.
    ///
    /// ```
    /// let d = candor::decode(include_bytes!("../../../fixtures/demo/call.vtt")).unwrap();
    /// let analyzer = candor::Analyzer::new(candor::Config::default()).unwrap();
    /// let report = analyzer.analyze_decoded(&d, None);
    /// let same = analyzer.analyze(candor::parse_decoded(&d, None).unwrap());
    /// assert_eq!(report.findings, same.findings);
    /// assert!(!report.findings.is_empty());
    /// ```
    pub fn analyze_decoded(&self, decoded: &Decoded, format: Option<Format>) -> Report {
        let mut report = match crate::parse_counted(decoded, format) {
            Ok((t, words)) => self.run(t, true, Some(words)),
            Err(e) => Report::failed("", &e),
        };
        report.document = decoded.document.map(str::to_string);
        report
    }

    /// [`analyze_decoded`](Self::analyze_decoded) without the rules: metrics only.
    pub fn measure_decoded(&self, decoded: &Decoded, format: Option<Format>) -> Report {
        let mut report = match crate::parse_counted(decoded, format) {
            Ok((t, words)) => self.run(t, false, Some(words)),
            Err(e) => Report::failed("", &e),
        };
        report.document = decoded.document.map(str::to_string);
        report
    }

    /// Runs the rules and computes metrics and score.
    pub fn analyze(&self, transcript: Transcript) -> Report {
        self.run(transcript, true, None)
    }

    /// Computes metrics only: no findings, no score.
    pub fn measure(&self, transcript: Transcript) -> Report {
        self.run(transcript, false, None)
    }

    /// `words`: the words of each turn, where the caller has counted them already.
    fn run(&self, mut t: Transcript, lint: bool, words: Option<Vec<usize>>) -> Report {
        let words = match words {
            Some(w) if w.len() == t.turns.len() => w,
            _ => speech::turn_words(&t.turns),
        };
        self.assign_given_roles(&mut t, &words);
        let names = speaker_names(&t);
        let roles: Vec<Role> = t.turns.iter().map(|u| t.speakers[u.speaker].role).collect();
        let not_judged = crate::verdict::before_rules(&t, &roles);
        let learned = self
            .model
            .as_deref()
            .map(|m| Learned::judging(m).explaining(self.config.explain));
        // The rules run when the findings are shown or weigh in the score.
        let mut judge = (lint && not_judged.is_none()).then(|| {
            Judge::new(
                &t.turns,
                &roles,
                &names,
                &self.config.products,
                |id| self.severity(id).is_some() || self.score_severity(id).is_some(),
                learned,
            )
        });
        let mut out = Findings::default();
        let tally = self.read_turns(&t, &roles, &names, &words, judge.as_mut(), &mut out);
        let metrics = crate::measure::metrics(&t, &roles, &words, &tally.practice);
        let speakers = crate::measure::speakers(&t, &tally.questions, &words);
        if let Some(judge) = &judge {
            self.judge_whole(judge, &t, &roles, &names, &words, &metrics, &mut out);
            self.find_custom(&t, &roles, &names, &mut out);
        }
        let not_judged = not_judged.or_else(|| {
            let th = &self.config.thresholds;
            crate::verdict::after_metrics(
                &metrics,
                th.min_questions.unwrap_or(crate::verdict::MIN_QUESTIONS),
                th.min_words.unwrap_or(crate::verdict::MIN_WORDS),
            )
        });
        self.report(t, lint, not_judged, speakers, metrics, out)
    }

    /// Reads and judges a transcript as [`Analyzer::analyze`] does, recording what the
    /// learned layer sees of every interviewer sentence (features made by `spec`) and what
    /// the patterns and `model` found: the trainer's examples come from the same code that
    /// judges.
    pub(crate) fn record(
        &self,
        mut t: Transcript,
        spec: FeatureSpec,
        model: Option<&Model>,
    ) -> (Transcript, Vec<Record>) {
        let words = speech::turn_words(&t.turns);
        self.assign_given_roles(&mut t, &words);
        let names = speaker_names(&t);
        let roles: Vec<Role> = t.turns.iter().map(|u| t.speakers[u.speaker].role).collect();
        let records = {
            let mut judge = Judge::new(
                &t.turns,
                &roles,
                &names,
                &self.config.products,
                |id| self.severity(id).is_some(),
                Some(Learned::recording(spec, model)),
            );
            let mut out = Findings::default();
            self.read_turns(&t, &roles, &names, &words, Some(&mut judge), &mut out);
            judge.records()
        };
        (t, records)
    }

    /// Applies the interviewers and interviewees the configuration names, if any.
    fn assign_given_roles(&self, t: &mut Transcript, words: &[usize]) {
        let (ir, ee) = (&self.config.interviewers, &self.config.interviewees);
        if !ir.is_empty() || !ee.is_empty() {
            crate::roles::assign_counted(t, ir, ee, words);
        }
    }

    /// Reads every turn: the interviewer's sentence by sentence (counted, and judged when
    /// linting), everyone else's only for a question count and, for interviewees, for the
    /// words the rules may see echoed.
    fn read_turns<'t>(
        &self,
        t: &'t Transcript,
        roles: &[Role],
        names: &[String],
        words: &[usize],
        mut judge: Option<&mut Judge<'t>>,
        out: &mut Findings,
    ) -> Tally {
        let mut tally = Tally {
            questions: vec![0; t.turns.len()],
            practice: Practice::default(),
        };
        for (k, turn) in t.turns.iter().enumerate() {
            if roles[k] != Role::Interviewer {
                tally.questions[k] = speech::count_questions(&turn.text, names);
                if let (Some(judge), Role::Interviewee) = (judge.as_deref_mut(), roles[k]) {
                    judge.hear(&turn.text, k > 0 && roles[k - 1] == Role::Interviewer);
                }
                continue;
            }
            let spans = speech::sentence_spans(&turn.text);
            let mut reader = speech::Reader::new(&turn.text, names);
            let mut cursor = Cursor::default();
            let mut judgement = TurnJudgement::default();
            for chunk in spans.chunks(CHUNK) {
                let mut ss: Vec<Sentence> = Vec::with_capacity(chunk.len());
                ss.extend(
                    chunk
                        .iter()
                        .filter_map(|&(a, b)| reader.read(a, b))
                        .map(Sentence::new),
                );
                tally.questions[k] += ss.iter().filter(|x| x.form.is_question()).count();
                tally.practice.add(&ss, words[k]);
                let Some(judge) = judge.as_deref() else {
                    continue;
                };
                let mut hits = Vec::new();
                judge.judge(&mut judgement, k, &turn.text, &ss, &mut hits);
                let spans: Vec<(usize, usize)> = ss.iter().map(|s| (s.start, s.end)).collect();
                // The score weighs each sentence once, at its most serious finding.
                let mut weights: Vec<(usize, f64)> = hits
                    .iter()
                    .filter_map(|h| {
                        let w = self.score_severity(h.rule())?.weight();
                        Some((spans.partition_point(|s| s.1 <= h.start), w))
                    })
                    .collect();
                weights.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
                weights.dedup_by_key(|w| w.0);
                out.weight += weights.iter().map(|w| w.1).sum::<f64>();
                let min = self.config.min_confidence.unwrap_or(0.0);
                for h in hits.into_iter().filter(|h| f64::from(h.confidence) >= min) {
                    if let Some(severity) = self.severity(h.rule()) {
                        out.push_capped(|| finding(t, k, &spans, &mut cursor, h, severity));
                    }
                }
            }
            if let Some(judge) = judge.as_deref_mut() {
                judge.end_turn(judgement);
            }
        }
        tally
    }

    /// The transcript rules, once the metrics are known.
    #[allow(clippy::too_many_arguments)]
    fn judge_whole(
        &self,
        judge: &Judge<'_>,
        t: &Transcript,
        roles: &[Role],
        names: &[String],
        words: &[usize],
        metrics: &Metrics,
        out: &mut Findings,
    ) {
        let interviewer_turns: Vec<usize> = (0..t.turns.len())
            .filter(|&k| roles[k] == Role::Interviewer)
            .collect();
        let whole = Whole {
            transcript: t,
            words,
            metrics,
            interviewer_turns: &interviewer_turns,
            limits: Limits {
                talk_ratio: self.config.talk_ratio_threshold(),
                monologue_words: self.config.monologue_words(),
                monologue_seconds: self.config.monologue_seconds(),
            },
        };
        let mut hits = Vec::new();
        judge.judge_whole(&whole, &mut hits);
        for (k, h) in hits {
            // A monologue weighs in the score like a sentence's finding; the talk ratio,
            // referral asks and summaries count through the metrics instead.
            if h.rule().info().scope == crate::rules::Scope::Turn {
                out.weight += self.score_severity(h.rule()).map_or(0.0, Severity::weight);
            }
            if let Some(severity) = self.severity(h.rule()) {
                let spans = speech::ranges_around(&t.turns[k].text, names, h.start, h.end);
                let mut cursor = Cursor::default();
                out.push(finding(t, k, &spans, &mut cursor, h, severity));
            }
        }
    }

    /// The user's phrase rules, over the turns of the speakers each applies to.
    fn find_custom(&self, t: &Transcript, roles: &[Role], names: &[String], out: &mut Findings) {
        for (k, turn) in t.turns.iter().enumerate() {
            let mut spans: Option<Vec<(usize, usize)>> = None;
            let mut cursor = Cursor::default();
            for c in self.custom.iter().filter(|c| c.applies_to(roles[k])) {
                for (a, b) in c.find_iter(&turn.text) {
                    out.push_capped(|| {
                        // Sentence bounds for the finding's context, only now that one is needed.
                        let spans =
                            spans.get_or_insert_with(|| speech::sentence_ranges(&turn.text, names));
                        custom_finding(t, k, spans, &mut cursor, c, (a, b))
                    });
                }
            }
        }
    }

    /// The report: findings in source order, the score, and the warnings.
    fn report(
        &self,
        t: Transcript,
        lint: bool,
        not_judged: Option<crate::verdict::NotJudged>,
        speakers: Vec<SpeakerStats>,
        metrics: Metrics,
        mut out: Findings,
    ) -> Report {
        if !self.config.per_speaker_ignores.is_empty() {
            out.list
                .retain(|f| !self.config.ignored_for_speaker(&f.speaker, &f.rule));
        }
        out.list.sort_by(|a, b| {
            (a.line, a.column, std::cmp::Reverse(a.severity), &a.rule).cmp(&(
                b.line,
                b.column,
                std::cmp::Reverse(b.severity),
                &b.rule,
            ))
        });
        let mut warnings = t.warnings;
        let (status, reason, score) = match not_judged {
            Some(n) => {
                // A file not judged has no findings: nothing candor could stand behind.
                out.list.clear();
                out.unlisted = 0;
                warnings.push(crate::Warning::file(n.message));
                (Status::NotJudged, Some(n.reason), None)
            }
            None if lint => (
                Status::Judged,
                None,
                Some(crate::score::score(out.weight, &metrics)),
            ),
            None => (Status::Measured, None, None),
        };
        if out.unlisted > 0 {
            warnings.push(crate::Warning::file(format!(
                "stopped listing findings after {MAX_FINDINGS}: {} more were found and count in the score",
                out.unlisted
            )));
        }
        Report {
            path: String::new(),
            format: Some(t.format),
            document: None,
            date: t.declared.date.clone(),
            speakers,
            status,
            reason,
            metrics: Some(metrics),
            findings: out.list,
            score,
            warnings,
            error: None,
        }
    }
}

/// What reading the turns counts: each turn's questions, and the interviewer's practice.
struct Tally {
    questions: Vec<usize>,
    practice: Practice,
}

/// The findings of a report, listed up to [`MAX_FINDINGS`] (those past it are counted),
/// and the weight of the problems the score counts.
#[derive(Default)]
struct Findings {
    list: Vec<Finding>,
    unlisted: usize,
    /// The weight of the problems found, for the score: each sentence once, at the
    /// severity of its most serious finding, whether shown or not (docs/scoring.md).
    weight: f64,
}

impl Findings {
    /// Lists the finding `f` makes, unless the list is full.
    fn push_capped(&mut self, f: impl FnOnce() -> Finding) {
        if self.list.len() < MAX_FINDINGS {
            self.list.push(f());
        } else {
            self.unlisted += 1;
        }
    }

    /// Lists a finding of a transcript rule: there are at most a few of them.
    fn push(&mut self, f: Finding) {
        self.list.push(f);
    }
}

/// The severity of findings at a level, or `None` when the rule is off.
fn level_severity(level: Level) -> Option<Severity> {
    match level {
        Level::Off => None,
        Level::Error => Some(Severity::Error),
        Level::Warning => Some(Severity::Warning),
        Level::Info => Some(Severity::Info),
    }
}

/// A built-in rule's finding, from a hit in turn `k` (`spans` are the turn's sentences).
fn finding(
    t: &Transcript,
    k: usize,
    spans: &[(usize, usize)],
    cursor: &mut Cursor,
    h: Hit,
    severity: Severity,
) -> Finding {
    let turn = &t.turns[k];
    let info = h.rule().info();
    let text = sentence_text(turn, spans, h.start, h.end);
    // The sentence's own question when one fits (advice.rs), else the rule's help.
    let help = crate::advice::help(h.rule(), &text)
        .unwrap_or_else(|| h.help.unwrap_or(info.help).to_string());
    let (start, end) = positions(turn, cursor, h.start, h.end);
    Finding {
        rule: info.id.to_string(),
        severity,
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        turn: k + 1,
        speaker: t.speakers[turn.speaker].name.clone(),
        time: turn.start,
        message: h.why.message().into_owned(),
        text,
        help,
        source: h.source,
        confidence: hundredths(h.confidence),
        cues: h
            .cues
            .into_iter()
            .map(|(feature, w)| Cue {
                feature,
                weight: hundredths(w),
            })
            .collect(),
        threshold: h.threshold.map(|(t, long_turn)| Threshold {
            value: hundredths(t),
            long_turn,
        }),
    }
}

/// A model figure as reports give it: to two decimals.
fn hundredths(x: f32) -> f64 {
    (f64::from(x) * 100.0).round() / 100.0
}

/// A phrase rule's finding, from a match in turn `k`.
fn custom_finding(
    t: &Transcript,
    k: usize,
    spans: &[(usize, usize)],
    cursor: &mut Cursor,
    c: &Custom,
    (a, b): (usize, usize),
) -> Finding {
    let turn = &t.turns[k];
    let (start, end) = positions(turn, cursor, a, b);
    Finding {
        rule: c.id.clone(),
        severity: c.severity,
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        turn: k + 1,
        speaker: t.speakers[turn.speaker].name.clone(),
        time: turn.start,
        message: format!("{}: `{}`", c.message, &turn.text[a..b]),
        text: sentence_text(turn, spans, a, b),
        help: c.help.clone(),
        source: Source::Pattern,
        confidence: 1.0,
        cues: Vec::new(),
        threshold: None,
    }
}

/// Start and end (exclusive) positions of a byte range of a turn.
fn positions(turn: &Turn, cursor: &mut Cursor, a: usize, b: usize) -> (Position, Position) {
    let start = turn.position_from(cursor, a);
    let mut last = b.min(turn.text.len());
    if last > a {
        // The position of the last character, plus one column.
        last -= 1;
        while !turn.text.is_char_boundary(last) {
            last -= 1;
        }
        let mut p = turn.position_from(cursor, last);
        p.column += 1;
        (start, p)
    } else {
        (start, start)
    }
}

/// The sentences that hold a byte range (`spans` are the turn's sentences), or the start of
/// the turn for turn-wide findings.
fn sentence_text(turn: &Turn, spans: &[(usize, usize)], a: usize, b: usize) -> String {
    const MAX: usize = 400;
    // The spans are in order: the first that ends after `a`, the last that starts before `b`.
    let first = spans.get(spans.partition_point(|s| s.1 <= a));
    let last = spans
        .partition_point(|s| s.0 < b.max(a + 1))
        .checked_sub(1)
        .and_then(|i| spans.get(i));
    let (s0, s1) = match (first, last) {
        (Some(f), Some(l)) if l.1 >= f.0 => (f.0, l.1),
        _ => (0, turn.text.len()),
    };
    let text = turn.text[s0..s1].trim();
    if text.len() <= MAX {
        return text.to_string();
    }
    let mut cut = MAX;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}…", &text[..cut])
}

/// Speaker names and first names, for vocatives and for telling people from organisations.
fn speaker_names(t: &Transcript) -> Vec<String> {
    let mut names = Vec::new();
    for s in &t.speakers {
        names.push(s.name.clone());
        if let Some(first) = s.name.split([' ', ',']).next() {
            if first.len() > 1 && first != s.name {
                names.push(first.to_string());
            }
        }
        // "Inglis, Jake": the given name comes after the comma.
        if let Some((_, given)) = s.name.split_once(',') {
            names.push(given.trim().to_string());
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analysers_share_the_built_in_model() {
        let a = Analyzer::new(Config::default()).expect("analyser");
        let b = Analyzer::new(Config::default()).expect("analyser");
        match (&a.model, &b.model) {
            // Its weight table is 9.4 MB: one per process, not one per analyser.
            (Some(x), Some(y)) => assert!(Arc::ptr_eq(x, y)),
            // A crate built without weights has no model to share.
            (None, None) => {}
            _ => panic!("one analyser has the model and the other not"),
        }
        let off = Analyzer::new(Config::default().with_learned(false)).expect("analyser");
        assert!(off.model.is_none());
    }
}
