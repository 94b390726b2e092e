//! Precision and recall of the rules against hand-labelled transcripts.
//!
//! A labelled case is `NAME.txt` (a transcript) beside `NAME.labels.json`:
//! the interviewers, the lines that show each anti-pattern, lines left out as
//! ambiguous, and whether the interviewer asked for referrals or summarised
//! back (the format of `fixtures/labelled/SPEC.md`). Every interviewer line
//! not labelled is a negative for every rule. Reading the files is the caller's
//! job (`candor eval` reads a folder of them); this module only scores.
//!
//! Rules are scored with the gold interviewers given, so that a mistake in
//! role detection does not count against a rule; role detection is scored
//! on its own.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::analyze::Analyzer;
use crate::config::Config;
use crate::error::Error;
use crate::model::Role;

/// Gold labels for one transcript.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// Names of the interviewers.
    pub interviewers: Vec<String>,
    /// Names of the interviewees.
    pub interviewees: Vec<String>,
    /// Interviewer lines that show one or more anti-patterns.
    pub labels: Vec<LineLabel>,
    /// Lines left out of scoring.
    #[serde(default)]
    pub ambiguous: Vec<u32>,
    /// The interviewer asked to be introduced to others.
    pub asked_for_referral: bool,
    /// The interviewer summarised back what they heard.
    pub summarized_back: bool,
    /// The interviewer asked for a concrete next step (optional in a case).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asked_for_commitment: Option<bool>,
    /// Whether the case labels the interviewee's evidence; then every unlisted interviewee
    /// line is a negative.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub evidence_labelled: bool,
    /// The interviewee lines that give evidence, and of which kinds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceLabel>,
}

/// The kinds of evidence an interviewee line gives (`fact`, `fluff`, `commitment`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceLabel {
    /// 1-based line.
    pub line: u32,
    /// `fact`, `fluff` or `commitment`.
    pub kinds: Vec<String>,
}

/// The rules a line shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineLabel {
    /// 1-based line.
    pub line: u32,
    /// Rule ids.
    pub rules: Vec<String>,
}

/// A labelled case: a name, the transcript's bytes and its labels.
#[derive(Debug, Clone)]
pub struct Case {
    /// A name for messages (the file stem).
    pub name: String,
    /// The transcript.
    pub transcript: Vec<u8>,
    /// The gold labels.
    pub labels: Labels,
}

/// Counts for one rule.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Lines flagged and labelled.
    pub true_positives: usize,
    /// Lines flagged but not labelled.
    pub false_positives: usize,
    /// Lines labelled but not flagged.
    pub false_negatives: usize,
}

impl Counts {
    /// TP / (TP + FP); 1 when nothing was flagged.
    pub fn precision(&self) -> f64 {
        let d = self.true_positives + self.false_positives;
        if d == 0 {
            1.0
        } else {
            self.true_positives as f64 / d as f64
        }
    }

    /// TP / (TP + FN); 1 when nothing was labelled.
    pub fn recall(&self) -> f64 {
        let d = self.true_positives + self.false_negatives;
        if d == 0 {
            1.0
        } else {
            self.true_positives as f64 / d as f64
        }
    }

    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// A line the rules got wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Miss {
    /// The case.
    pub case: String,
    /// The line.
    pub line: u32,
    /// The rule.
    pub rule: String,
    /// `false-positive` or `false-negative`.
    pub kind: &'static str,
    /// The line's text.
    pub text: String,
}

/// The result of an evaluation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Evaluation {
    /// Cases evaluated.
    pub cases: usize,
    /// Interviewer lines scored.
    pub lines: usize,
    /// Counts per rule id, in the order of [`crate::rules()`].
    pub rules: BTreeMap<String, Counts>,
    /// Whether a referral ask was detected, against `asked_for_referral`, per case.
    pub referral: Counts,
    /// Whether a summary was detected, against `summarized_back`, per case.
    pub summary: Counts,
    /// Cases whose interviewers candor found without being told.
    pub roles_correct: usize,
    /// Every line the rules got wrong.
    pub misses: Vec<Miss>,
}

/// The nine rules the labels cover.
pub const LABELLED_RULES: &[&str] = &[
    "selling",
    "self-criticism",
    "leading-question",
    "hypothetical-question",
    "solution-request",
    "validation-seeking",
    "closed-question",
    "stacked-questions",
    "homework-question",
];

/// Scores the built-in rules of `config` on labelled cases.
///
/// ```
/// use candor::eval::{evaluate, Case, Labels, LineLabel};
/// let case = Case {
///     name: "tiny".into(),
///     transcript: b"Ana: You'd agree that's a pain, right?\nBo: No.\nAna: Who else should I talk to?\nBo: Sam.".to_vec(),
///     labels: Labels {
///         interviewers: vec!["Ana".into()],
///         interviewees: vec!["Bo".into()],
///         labels: vec![LineLabel { line: 1, rules: vec!["leading-question".into(), "closed-question".into()] }],
///         ambiguous: vec![],
///         asked_for_referral: true,
///         summarized_back: false,
///         ..Default::default()
///     },
/// };
/// let e = evaluate(&candor::Config::default(), &[case]).unwrap();
/// assert_eq!(e.rules["leading-question"].true_positives, 1);
/// assert_eq!(e.referral.true_positives, 1);
/// ```
pub fn evaluate(config: &Config, cases: &[Case]) -> Result<Evaluation, Error> {
    let mut out = Evaluation {
        cases: cases.len(),
        ..Default::default()
    };
    for r in LABELLED_RULES {
        out.rules.insert(r.to_string(), Counts::default());
    }
    let detect_only = Analyzer::new(config.clone())?;
    for case in cases {
        let mut cfg = config.clone();
        cfg.interviewers = case.labels.interviewers.clone();
        cfg.interviewees = case.labels.interviewees.clone();
        // The rules are measured on every labelled line, however short the case.
        cfg.thresholds.min_questions = Some(0);
        cfg.thresholds.min_words = Some(0);
        let analyzer = Analyzer::new(cfg)?;
        let transcript = crate::parse(&case.transcript, None)
            .map_err(|e| Error::Config(format!("{}: {e}", case.name)))?;

        // Role detection, without the gold names.
        let found: BTreeSet<String> = transcript
            .speakers
            .iter()
            .filter(|s| s.role == Role::Interviewer)
            .map(|s| s.name.clone())
            .collect();
        let gold: BTreeSet<String> = case.labels.interviewers.iter().cloned().collect();
        if found == gold {
            out.roles_correct += 1;
        }
        let _ = &detect_only;

        let source = String::from_utf8_lossy(&case.transcript).into_owned();
        let lines: Vec<&str> = source.lines().collect();
        let interviewer_lines: BTreeSet<u32> = transcript
            .turns
            .iter()
            .filter(|t| {
                case.labels
                    .interviewers
                    .contains(&transcript.speakers[t.speaker].name)
            })
            .flat_map(|t| t.lines())
            .collect();
        let report = analyzer.analyze(transcript);

        let mut predicted: BTreeMap<u32, BTreeSet<&str>> = BTreeMap::new();
        for f in &report.findings {
            if LABELLED_RULES.contains(&f.rule.as_str()) {
                predicted.entry(f.line).or_default().insert(f.rule.as_str());
            }
        }
        let gold_lines: BTreeMap<u32, BTreeSet<&str>> = case
            .labels
            .labels
            .iter()
            .map(|l| (l.line, l.rules.iter().map(String::as_str).collect()))
            .collect();
        for &line in &interviewer_lines {
            if case.labels.ambiguous.contains(&line) {
                continue;
            }
            out.lines += 1;
            let p = predicted.get(&line).cloned().unwrap_or_default();
            let g = gold_lines.get(&line).cloned().unwrap_or_default();
            for rule in LABELLED_RULES {
                // Every labelled rule has an entry, made above.
                let Some(c) = out.rules.get_mut(*rule) else {
                    continue;
                };
                let text = || lines.get(line as usize - 1).unwrap_or(&"").to_string();
                match (p.contains(rule), g.contains(rule)) {
                    (true, true) => c.true_positives += 1,
                    (true, false) => {
                        c.false_positives += 1;
                        out.misses.push(Miss {
                            case: case.name.clone(),
                            line,
                            rule: rule.to_string(),
                            kind: "false-positive",
                            text: text(),
                        });
                    }
                    (false, true) => {
                        c.false_negatives += 1;
                        out.misses.push(Miss {
                            case: case.name.clone(),
                            line,
                            rule: rule.to_string(),
                            kind: "false-negative",
                            text: text(),
                        });
                    }
                    (false, false) => {}
                }
            }
        }
        let m = report.metrics.as_ref();
        let asked = m.is_some_and(|m| m.referral_asks > 0);
        let summarised = m.is_some_and(|m| m.summaries > 0);
        tally(&mut out.referral, asked, case.labels.asked_for_referral);
        tally(&mut out.summary, summarised, case.labels.summarized_back);
        if asked != case.labels.asked_for_referral {
            out.misses.push(Miss {
                case: case.name.clone(),
                line: 0,
                rule: "no-referral-ask".into(),
                kind: if asked {
                    "false-positive"
                } else {
                    "false-negative"
                },
                text: String::new(),
            });
        }
        if summarised != case.labels.summarized_back {
            out.misses.push(Miss {
                case: case.name.clone(),
                line: 0,
                rule: "no-summary".into(),
                kind: if summarised {
                    "false-positive"
                } else {
                    "false-negative"
                },
                text: String::new(),
            });
        }
    }
    Ok(out)
}

fn tally(c: &mut Counts, predicted: bool, gold: bool) {
    match (predicted, gold) {
        (true, true) => c.true_positives += 1,
        (true, false) => c.false_positives += 1,
        (false, true) => c.false_negatives += 1,
        (false, false) => {}
    }
}

impl Evaluation {
    /// The per-rule table in Markdown, as docs/accuracy.md shows it.
    pub fn markdown(&self) -> String {
        let mut s = String::new();
        s.push_str("| rule | labelled | flagged | true pos. | precision | recall | F1 |\n");
        s.push_str("|---|---:|---:|---:|---:|---:|---:|\n");
        let mut total = Counts::default();
        for rule in LABELLED_RULES {
            let c = &self.rules[*rule];
            total.true_positives += c.true_positives;
            total.false_positives += c.false_positives;
            total.false_negatives += c.false_negatives;
            s.push_str(&row(&format!("`{rule}`"), c));
        }
        s.push_str(&row("**all nine**", &total));
        s.push_str(&row("asked for referral (per case)", &self.referral));
        s.push_str(&row("summarised back (per case)", &self.summary));
        s.push_str(&format!(
            "\n{} cases, {} interviewer lines scored; interviewers found without help in {} of {} cases.\n",
            self.cases, self.lines, self.roles_correct, self.cases
        ));
        s
    }
}

fn row(name: &str, c: &Counts) -> String {
    format!(
        "| {name} | {} | {} | {} | {:.2} | {:.2} | {:.2} |\n",
        c.true_positives + c.false_negatives,
        c.true_positives + c.false_positives,
        c.true_positives,
        c.precision(),
        c.recall(),
        c.f1()
    )
}
