//! The analyser: roles, sentences, rules, metrics and the score for one transcript.

use crate::config::{Config, Level, SpeakerFilter};
use crate::decode::Decoded;
use crate::error::Error;
use crate::model::Cursor;
use crate::model::Format;
use crate::model::{Basis, Metrics, Stretch};
use crate::model::{Finding, Report, Severity, SpeakerStats};
use crate::model::{Role, RoleSource, Transcript, Turn};
use crate::rules::Sentence;
use crate::rules::{self, Ctx, Hit, Id, closed, practice, selling};
use crate::speech;
use crate::speech::stems::Echo;

/// A compiled user phrase rule.
#[derive(Debug, Clone)]
struct Custom {
    id: String,
    message: String,
    help: String,
    severity: Severity,
    speaker: SpeakerFilter,
    regex: regex::Regex,
}

/// Analyses transcripts with one configuration; build it once and share it.
///
/// Patterns are compiled when it is built; it is `Send + Sync`, so one
/// analyser serves every thread of a batch.
///
/// ```
/// use candor::{Analyzer, Config};
/// let analyzer = Analyzer::new(Config::default()).unwrap();
/// let report = analyzer.analyze_bytes(
///     b"Maya: So if we built this, would you use it?\nTom: Probably, yes.",
///     None,
/// );
/// let rules: Vec<&str> = report.findings.iter().map(|f| f.rule.as_str()).collect();
/// assert!(rules.contains(&"hypothetical-question"));
/// assert!(rules.contains(&"closed-question"));
/// ```
#[derive(Debug, Clone)]
pub struct Analyzer {
    config: Config,
    levels: Vec<Level>,
    custom: Vec<Custom>,
}

fn assert_send_sync<T: Send + Sync>() {}
const _: fn() = assert_send_sync::<Analyzer>;

impl Analyzer {
    /// Builds an analyser, compiling the configuration's patterns.
    pub fn new(config: Config) -> Result<Analyzer, Error> {
        config.validate("", "configuration")?;
        let levels = rules::rules()
            .iter()
            .map(|r| config.level_of(r.id, r.severity))
            .collect();
        let mut custom = Vec::new();
        for r in &config.rules {
            let level = config.level_of(&r.id, r.severity);
            let severity = match level {
                Level::Off => continue,
                Level::Error => Severity::Error,
                Level::Warning => Severity::Warning,
                Level::Info => Severity::Info,
            };
            let mut alternatives: Vec<String> = r
                .phrases
                .iter()
                .map(|p| format!(r"\b{}\b", regex::escape(p.trim())))
                .collect();
            alternatives.extend(r.patterns.iter().map(|p| format!("(?:{p})")));
            let regex = crate::config::compile_pattern(&alternatives.join("|"))
                .map_err(|e| Error::Config(format!("rule `{}`: {e}", r.id)))?;
            custom.push(Custom {
                id: r.id.clone(),
                message: r.message.clone(),
                help: r.help.clone().unwrap_or_default(),
                severity,
                speaker: r.speaker,
                regex,
            });
        }
        Ok(Analyzer {
            config,
            levels,
            custom,
        })
    }

    /// The configuration in use.
    pub fn config(&self) -> &Config {
        &self.config
    }

    fn severity(&self, id: Id) -> Option<Severity> {
        match self.levels[id as usize] {
            Level::Off => None,
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Info => Some(Severity::Info),
        }
    }

    /// Reads transcript bytes and analyses them; a file that fails becomes a report with `error` set.
    pub fn analyze_bytes(&self, bytes: &[u8], format: Option<Format>) -> Report {
        match crate::decode(bytes) {
            Ok(d) => self.analyze_decoded(&d, format),
            Err(e) => Report::failed("", &e),
        }
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
    /// let d = candor::decode(b"Ana: Would you buy it?\nBo: Maybe.").unwrap();
    /// let analyzer = candor::Analyzer::new(candor::Config::default()).unwrap();
    /// let report = analyzer.analyze_decoded(&d, None);
    /// let same = analyzer.analyze(candor::parse_decoded(&d, None).unwrap());
    /// assert_eq!(report.findings, same.findings);
    /// assert!(!report.findings.is_empty());
    /// ```
    pub fn analyze_decoded(&self, decoded: &Decoded, format: Option<Format>) -> Report {
        match crate::parse_counted(decoded, format) {
            Ok((t, words)) => self.run(t, true, Some(words)),
            Err(e) => Report::failed("", &e),
        }
    }

    /// [`analyze_decoded`](Self::analyze_decoded) without the rules: metrics only.
    pub fn measure_decoded(&self, decoded: &Decoded, format: Option<Format>) -> Report {
        match crate::parse_counted(decoded, format) {
            Ok((t, words)) => self.run(t, false, Some(words)),
            Err(e) => Report::failed("", &e),
        }
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
        if !self.config.interviewers.is_empty() || !self.config.interviewees.is_empty() {
            crate::roles::assign_counted(
                &mut t,
                &self.config.interviewers,
                &self.config.interviewees,
                &words,
            );
        }
        let names = speaker_names(&t);
        let roles: Vec<Role> = t.turns.iter().map(|u| t.speakers[u.speaker].role).collect();

        let mut products: Vec<rules::Product> = self
            .config
            .products
            .iter()
            .filter_map(|p| rules::Product::new(p))
            .collect();
        let mut interviewer_turns = 0;
        for (u, r) in t.turns.iter().zip(&roles) {
            if lint && *r == Role::Interviewer {
                interviewer_turns += 1;
                if interviewer_turns <= 6 {
                    selling::learn_products_early(&u.text, &names, &mut products);
                } else {
                    selling::learn_products(&u.text, &names, &mut products);
                }
            }
        }

        // Only the interviewer's sentences are judged, so only theirs are analysed in full;
        // for everyone else a question count is enough (see `speech::count_questions`). A turn's
        // sentences are analysed, judged and dropped a chunk at a time, so memory stays
        // bounded however long a turn runs.
        const CHUNK: usize = 2_000;
        let mut questions = vec![0usize; t.turns.len()];
        let mut findings: Vec<Finding> = Vec::new();
        let mut unlisted = Unlisted::default();
        let mut echo = Echo::default();
        let mut pitch_left = 0usize; // interviewer turns for which a pitch stays in context
        let mut counts = PracticeCounts::default();
        let enabled = |id: Id| lint && self.severity(id).is_some();
        for (k, turn) in t.turns.iter().enumerate() {
            if roles[k] != Role::Interviewer {
                questions[k] = speech::count_questions(&turn.text, &names);
                if roles[k] == Role::Interviewee {
                    let new_exchange = k > 0 && roles[k - 1] == Role::Interviewer;
                    echo.add(&turn.text, new_exchange);
                }
                continue;
            }
            let spans = speech::sentence_spans(&turn.text);
            let mut reader = speech::Reader::new(&turn.text, &names);
            let mut cursor = Cursor::default();
            let mut pitched_here = false;
            for chunk in spans.chunks(CHUNK) {
                let mut ss: Vec<Sentence> = Vec::with_capacity(chunk.len());
                ss.extend(
                    chunk
                        .iter()
                        .filter_map(|&(a, b)| reader.read(a, b))
                        .map(Sentence::new),
                );
                questions[k] += ss.iter().filter(|x| x.form.is_question()).count();
                counts.add(&ss, words[k]);
                if !lint {
                    continue;
                }
                let mut ctx = Ctx {
                    text: &turn.text,
                    sentences: &ss,
                    echo: &echo,
                    products: &products,
                    pitching: pitch_left > 0 || pitched_here,
                    deflecting: false,
                    names: &names,
                    attributes: Default::default(),
                    selling: None,
                };
                ctx.deflecting = ss.iter().any(selling::deflects);
                let sold: Vec<Option<Hit>> = ss
                    .iter()
                    .enumerate()
                    .map(|(i, s)| selling::check(&ctx, s, i))
                    .collect();
                pitched_here |= sold.iter().any(Option::is_some);
                // A pitch found here puts the whole turn in a pitching context, which can
                // change the verdicts; otherwise they stand.
                if ctx.pitching || !pitched_here {
                    ctx.selling = Some(sold);
                }
                ctx.pitching |= pitched_here;
                let mut hits = Vec::new();
                rules::check_turn(&ctx, &|id| enabled(id), &mut hits);
                let spans: Vec<(usize, usize)> = ss.iter().map(|s| (s.start, s.end)).collect();
                for h in hits {
                    if let Some(severity) = self.severity(h.rule) {
                        if findings.len() < MAX_FINDINGS {
                            findings.push(self.finding(&t, k, &spans, &mut cursor, h, severity));
                        } else {
                            unlisted.add(severity);
                        }
                    }
                }
            }
            pitch_left = if pitched_here {
                3
            } else {
                pitch_left.saturating_sub(1)
            };
        }

        let metrics = compute_metrics(&t, &roles, &words, &counts);
        let mut hits: Vec<(usize, Hit)> = Vec::new();
        let speakers = speaker_stats(&t, &questions, &words);

        if lint {
            let interviewer_turns: Vec<usize> = (0..t.turns.len())
                .filter(|&k| roles[k] == Role::Interviewer)
                .collect();
            let longest = interviewer_turns.iter().copied().max_by_key(|&k| words[k]);
            let last = interviewer_turns.last().copied();
            let span_of = |k: usize| (k, t.turns[k].text.len());
            if enabled(Id::TalkRatio) {
                hits.extend(rules::talk_ratio::check(
                    &metrics,
                    self.config.talk_ratio_threshold(),
                    longest.map(span_of),
                ));
            }
            if enabled(Id::Monologue) {
                for &k in &interviewer_turns {
                    let u = &t.turns[k];
                    let secs = u.spoken.or_else(|| Some(u.end? - u.start?));
                    if let Some(h) = rules::monologue::check(
                        words[k],
                        secs,
                        u.text.len(),
                        self.config.monologue_words(),
                        self.config.monologue_seconds(),
                    ) {
                        hits.push((k, h));
                    }
                }
            }
            // Whether they asked for referrals or summarised can only be judged over a whole
            // interview, not an excerpt of a few questions.
            if interviewer_turns.len() >= MIN_INTERVIEWER_TURNS {
                if enabled(Id::NoReferral) {
                    hits.extend(rules::referral::check(
                        counts.referral_asks > 0,
                        last.map(span_of),
                    ));
                }
                if enabled(Id::NoSummary) {
                    hits.extend(rules::summary::check(
                        counts.summaries > 0,
                        last.map(span_of),
                    ));
                }
            }
        }

        for (k, h) in hits {
            if let Some(severity) = self.severity(h.rule) {
                let spans = speech::ranges_around(&t.turns[k].text, &names, h.start, h.end);
                let mut cursor = Cursor::default();
                findings.push(self.finding(&t, k, &spans, &mut cursor, h, severity));
            }
        }
        if lint {
            for (k, turn) in t.turns.iter().enumerate() {
                let mut spans: Option<Vec<(usize, usize)>> = None;
                let mut cursor = Cursor::default();
                for c in &self.custom {
                    let applies = match c.speaker {
                        SpeakerFilter::Interviewer => roles[k] == Role::Interviewer,
                        SpeakerFilter::Interviewee => roles[k] == Role::Interviewee,
                        SpeakerFilter::Any => true,
                    };
                    if !applies {
                        continue;
                    }
                    for m in c.regex.find_iter(&turn.text).filter(|m| !m.is_empty()) {
                        if findings.len() >= MAX_FINDINGS {
                            unlisted.add(c.severity);
                            continue;
                        }
                        // Sentence bounds for the finding's context, only now that one is needed.
                        let spans = spans
                            .get_or_insert_with(|| speech::sentence_ranges(&turn.text, &names));
                        findings.push(self.custom_finding(
                            &t,
                            k,
                            spans,
                            &mut cursor,
                            c,
                            (m.start(), m.end()),
                        ));
                    }
                }
            }
        }
        findings.sort_by(|a, b| {
            (a.line, a.column, std::cmp::Reverse(a.severity), &a.rule).cmp(&(
                b.line,
                b.column,
                std::cmp::Reverse(b.severity),
                &b.rule,
            ))
        });

        let has_interviewer = roles.contains(&Role::Interviewer);
        let score = (lint && has_interviewer).then(|| score(&findings, unlisted.weight, &metrics));
        let mut warnings = t.warnings;
        if unlisted.count > 0 {
            warnings.push(crate::Warning::file(format!(
                "stopped listing findings after {MAX_FINDINGS}: {} more were found and count in the score",
                unlisted.count
            )));
        }
        if lint && !has_interviewer {
            warnings.push(crate::Warning::file(
                "no interviewer identified, so no rules ran; name one with --interviewer",
            ));
        }
        Report {
            path: String::new(),
            format: Some(t.format.name().to_string()),
            date: t.declared.date.clone(),
            speakers,
            metrics: Some(metrics),
            findings,
            score,
            warnings,
            error: None,
        }
    }

    fn finding(
        &self,
        t: &Transcript,
        k: usize,
        spans: &[(usize, usize)],
        cursor: &mut Cursor,
        h: Hit,
        severity: Severity,
    ) -> Finding {
        let turn = &t.turns[k];
        let info = h.rule.info();
        let text = sentence_text(turn, spans, h.start, h.end);
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
            message: h.message.unwrap_or_else(|| info.summary.to_string()),
            text,
            help: h.help.unwrap_or_else(|| info.help.to_string()),
        }
    }

    fn custom_finding(
        &self,
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
        }
    }
}

/// Start and end (exclusive) positions of a byte range of a turn.
fn positions(
    turn: &Turn,
    cursor: &mut Cursor,
    a: usize,
    b: usize,
) -> (crate::Position, crate::Position) {
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

#[derive(Default)]
struct PracticeCounts {
    questions: usize,
    open: usize,
    closed: usize,
    story_prompts: usize,
    probes: usize,
    summaries: usize,
    referral_asks: usize,
}

impl PracticeCounts {
    fn add(&mut self, ss: &[Sentence], words: usize) {
        for (i, s) in ss.iter().enumerate() {
            match closed::kind(s) {
                Some(closed::Kind::Open) => {
                    self.questions += 1;
                    self.open += 1;
                }
                Some(closed::Kind::Closed) => {
                    self.questions += 1;
                    self.closed += 1;
                }
                Some(closed::Kind::Other) => self.questions += 1,
                None => {}
            }
            if practice::is_story_prompt(s) {
                self.story_prompts += 1;
            }
            if practice::is_probe(s, i.checked_sub(1).map(|j| &ss[j])) {
                self.probes += 1;
            }
            if practice::is_referral_ask(s) {
                self.referral_asks += 1;
            }
        }
        if practice::is_summary(ss, words) {
            self.summaries += 1;
        }
    }
}

/// Seconds to the millisecond, for reports.
fn secs(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Ratios and rates to four decimals, for reports.
fn ratio(x: f64) -> f64 {
    (x * 10000.0).round() / 10000.0
}

fn turn_seconds(u: &Turn) -> Option<f64> {
    u.spoken.or_else(|| Some((u.end? - u.start?).max(0.0)))
}

fn compute_metrics(t: &Transcript, roles: &[Role], words: &[usize], c: &PracticeCounts) -> Metrics {
    let timed = t.turns.iter().all(|u| u.start.is_some() && u.end.is_some()) && !t.turns.is_empty();
    let (mut iw, mut ew, mut it, mut et) = (0usize, 0usize, 0f64, 0f64);
    for (k, u) in t.turns.iter().enumerate() {
        let secs = turn_seconds(u).unwrap_or(0.0);
        match roles[k] {
            Role::Interviewer => {
                iw += words[k];
                it += secs;
            }
            Role::Interviewee => {
                ew += words[k];
                et += secs;
            }
            Role::Other => {}
        }
    }
    let both = roles.contains(&Role::Interviewer) && roles.contains(&Role::Interviewee);
    let ratio_words = (both && iw + ew > 0).then(|| ratio(iw as f64 / (iw + ew) as f64));
    let ratio_time = (both && timed && it + et > 0.0).then(|| ratio(it / (it + et)));
    let basis = match (ratio_time, ratio_words) {
        (Some(_), _) => Some(Basis::Time),
        (None, Some(_)) => Some(Basis::Words),
        _ => None,
    };
    let duration = timed.then(|| {
        let start = t
            .turns
            .iter()
            .filter_map(|u| u.start)
            .fold(f64::INFINITY, f64::min);
        let end = t
            .turns
            .iter()
            .filter_map(|u| u.end)
            .fold(f64::NEG_INFINITY, f64::max);
        secs((end - start).max(0.0))
    });
    let switches = t
        .turns
        .windows(2)
        .filter(|w| w[0].speaker != w[1].speaker)
        .count();
    let switches_per_minute = duration
        .filter(|d| *d > 0.0)
        .map(|d| ratio(switches as f64 / (d / 60.0)));

    let longest_monologue = (0..t.turns.len())
        .filter(|&k| roles[k] == Role::Interviewer)
        .max_by_key(|&k| words[k])
        .map(|k| Stretch {
            words: words[k],
            seconds: timed.then(|| turn_seconds(&t.turns[k]).map(secs)).flatten(),
            line: t.turns[k].line,
            turn: k + 1,
        });
    let longest_story = longest_story(t, roles, words, timed);
    let interviewer_sources: Vec<(RoleSource, f32)> = t
        .speakers
        .iter()
        .filter(|s| s.role == Role::Interviewer)
        .map(|s| (s.role_source, s.role_confidence))
        .collect();
    let role_source = interviewer_sources
        .iter()
        .map(|s| s.0)
        .max_by_key(|s| *s as u8);
    let role_confidence = interviewer_sources.iter().map(|s| s.1).reduce(f32::min);
    Metrics {
        duration_seconds: duration,
        words: words.iter().sum(),
        turns: t.turns.len(),
        interviewer_words: iw,
        interviewee_words: ew,
        interviewer_talk_ratio: ratio_words,
        interviewer_talk_ratio_time: ratio_time,
        talk_ratio_basis: basis,
        interviewer_questions: c.questions,
        open_questions: c.open,
        closed_questions: c.closed,
        open_question_ratio: (c.open + c.closed > 0)
            .then(|| ratio(c.open as f64 / (c.open + c.closed) as f64)),
        longest_monologue,
        longest_story,
        speaker_switches_per_minute: switches_per_minute,
        story_prompts: c.story_prompts,
        follow_up_probes: c.probes,
        summaries: c.summaries,
        referral_asks: c.referral_asks,
        role_source,
        role_confidence,
    }
}

/// The longest stretch where interviewees hold the floor; short interviewer backchannels don't break it.
fn longest_story(t: &Transcript, roles: &[Role], words: &[usize], timed: bool) -> Option<Stretch> {
    let mut best: Option<Stretch> = None;
    let mut cur: Option<(usize, usize, Option<f64>)> = None; // (first turn, words, start)
    let mut last_end: Option<f64> = None;
    let close = |cur: &mut Option<(usize, usize, Option<f64>)>,
                 last_end: Option<f64>,
                 best: &mut Option<Stretch>| {
        if let Some((first, w, start)) = cur.take() {
            let seconds = if timed {
                Some(secs(
                    (last_end.unwrap_or(0.0) - start.unwrap_or(0.0)).max(0.0),
                ))
            } else {
                None
            };
            if best.as_ref().is_none_or(|b| w > b.words) {
                *best = Some(Stretch {
                    words: w,
                    seconds,
                    line: t.turns[first].line,
                    turn: first + 1,
                });
            }
        }
    };
    for (k, u) in t.turns.iter().enumerate() {
        match roles[k] {
            Role::Interviewee => {
                match cur.as_mut() {
                    Some(c) => c.1 += words[k],
                    None => cur = Some((k, words[k], u.start)),
                }
                last_end = u.end.or(last_end);
            }
            Role::Interviewer if words[k] <= 5 => {}
            Role::Other => {}
            Role::Interviewer => close(&mut cur, last_end, &mut best),
        }
    }
    close(&mut cur, last_end, &mut best);
    best
}

fn speaker_stats(t: &Transcript, questions: &[usize], words: &[usize]) -> Vec<SpeakerStats> {
    let timed = t.turns.iter().any(|u| u.start.is_some());
    let mut out: Vec<SpeakerStats> = t
        .speakers
        .iter()
        .map(|s| SpeakerStats {
            name: s.name.clone(),
            role: s.role,
            role_source: s.role_source,
            role_confidence: s.role_confidence,
            words: 0,
            turns: 0,
            questions: 0,
            talk_seconds: timed.then_some(0.0),
        })
        .collect();
    for (k, u) in t.turns.iter().enumerate() {
        let s = &mut out[u.speaker];
        s.words += words[k];
        s.turns += 1;
        s.questions += questions[k];
        if let (Some(total), Some(x)) = (s.talk_seconds.as_mut(), turn_seconds(u)) {
            *total += x;
        }
    }
    for s in &mut out {
        s.talk_seconds = s.talk_seconds.map(secs);
    }
    out
}

/// The score, 0–100 (see the README for the formula).
/// Fewer interviewer turns than this make an excerpt: `no-referral-ask` and `no-summary`
/// are not judged on it.
pub const MIN_INTERVIEWER_TURNS: usize = 5;

/// The most findings a report lists, so that memory stays bounded on a pathological file
/// (a 100 MB turn of questions); those past it still count in the score.
pub const MAX_FINDINGS: usize = 10_000;

/// Findings past [`MAX_FINDINGS`]: how many, and their weight for the score.
#[derive(Default)]
struct Unlisted {
    count: usize,
    weight: f64,
}

impl Unlisted {
    fn add(&mut self, severity: Severity) {
        self.count += 1;
        self.weight += severity.weight();
    }
}

fn score(findings: &[Finding], unlisted_weight: f64, m: &Metrics) -> f64 {
    let transcript_level = |r: &str| matches!(r, "talk-ratio" | "no-referral-ask" | "no-summary");
    let weight: f64 = unlisted_weight
        + findings
            .iter()
            .filter(|f| !transcript_level(&f.rule))
            .map(|f| f.severity.weight())
            .sum::<f64>();
    let questions = m.interviewer_questions.max(10) as f64;
    let quality = 100.0 * (-weight / questions).exp();
    let talk = match m.talk_ratio() {
        Some((r, _)) if r > 0.30 => 100.0 * (1.0 - (r - 0.30) / 0.40).max(0.0),
        _ => 100.0,
    };
    let penalty: f64 = findings
        .iter()
        .filter(|f| matches!(f.rule.as_str(), "no-referral-ask" | "no-summary"))
        .map(|f| 2.0 * f.severity.weight())
        .sum();
    let s = (0.8 * quality + 0.2 * talk - penalty).clamp(0.0, 100.0);
    (s * 10.0).round() / 10.0
}
