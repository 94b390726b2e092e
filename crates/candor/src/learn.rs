//! Training and measuring the learned layer, for `candor train` and `candor eval --cv`.
//!
//! [`lines`] featurises labelled cases: every interviewer line, with its sentences'
//! features (from the same code that judges), its gold labels and what the patterns alone
//! flag. [`train`] fits a [`Model`] to them; [`cross_validate`] measures patterns, model
//! and their combination on cases held out by grouped k-fold cross-validation, which is the
//! honest estimate of how candor does on interviews it has not seen.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::analyze::Analyzer;
use crate::config::Config;
use crate::error::Error;
use crate::eval::{Case, Counts};
use crate::model::Role;
use crate::rules::Record;
use crate::rules::learned::LEARNABLE;
use crate::rules::learned::features::{self, Facts};
use crate::rules::learned::train;
pub use crate::rules::learned::train::{Line, Options, ReasonStats};
pub use crate::rules::learned::{FeatureSpec, Features, Mode, Model, Row};

/// The rule ids a model covers, in the order of a [`Line`]'s `gold` and `patterns`.
pub fn rule_ids() -> Vec<&'static str> {
    LEARNABLE.iter().map(|id| id.info().id).collect()
}

/// The interviewer lines of labelled cases, featurised by `spec`. A line's `case` is the
/// case's index in `cases`. With a `model`, also each line's scores from the judging code,
/// for checking that judging and training agree (see [`judged_scores`]).
pub fn lines(config: &Config, cases: &[Case], spec: FeatureSpec) -> Result<Vec<Line>, Error> {
    Ok(featurise(config, cases, spec, None)?
        .into_iter()
        .map(|(l, _)| l)
        .collect())
}

/// The interviewer lines of labelled cases as training takes them: [`lines`] featurised by
/// `o.spec`, each weighed by `o.real_weight` when its case is real (see [`is_real`]).
pub fn training_lines(config: &Config, cases: &[Case], o: &Options) -> Result<Vec<Line>, Error> {
    if !(o.real_weight.is_finite() && o.real_weight > 0.0) {
        return Err(Error::Config(format!(
            "the weight of real transcripts must be a number above 0, not {}",
            o.real_weight
        )));
    }
    let mut out = lines(config, cases, o.spec)?;
    for l in &mut out {
        if cases.get(l.case).is_some_and(|c| is_real(&c.name)) {
            l.weight = o.real_weight;
        }
    }
    Ok(out)
}

/// Whether a case is a real transcript by the corpus's naming (`fixtures/corpus/WRITING.md`):
/// its batch is `r` and digits, the folder it was read from in a folder of batches
/// (`r07/r07-03`) or, read from the batch's own folder, its name up to the first `-`
/// (`r07-03`).
pub fn is_real(name: &str) -> bool {
    let batch = match name.split_once('/') {
        Some((folder, _)) => folder,
        None => name.split_once('-').map_or("", |(head, _)| head),
    };
    batch.len() > 1 && batch.starts_with('r') && batch[1..].bytes().all(|b| b.is_ascii_digit())
}

/// Each interviewer line's probabilities per row as the analyser computes them while
/// judging with `model` (the best sentence's, for sentence rules), in the order of
/// [`lines`]; turn rules' rows are left at 0. The trainer computes the same from the
/// features ([`line_scores`]); a test checks they agree.
pub fn judged_scores(
    config: &Config,
    cases: &[Case],
    model: &Model,
) -> Result<Vec<Vec<f32>>, Error> {
    Ok(featurise(config, cases, model.spec, Some(model))?
        .into_iter()
        .map(|(_, s)| s)
        .collect())
}

/// The probabilities `model` gives each line, per row, computed from the line's features
/// as the trainer does.
pub fn line_scores(model: &Model, lines: &[Line]) -> Vec<Vec<f32>> {
    let refs: Vec<&Line> = lines.iter().collect();
    train::model_scores(model, &refs)
}

/// Each line's verdict per row of `model` (in [`rule_ids`] order), with the probability
/// behind it, computed from the lines' features as the trainer does: what the analyser
/// decides while judging (a test checks they agree).
pub fn line_decisions(model: &Model, lines: &[Line]) -> Vec<Vec<(bool, f32)>> {
    let refs: Vec<&Line> = lines.iter().collect();
    let scores = train::model_scores(model, &refs);
    train::decide_lines(model, &refs, &scores)
}

fn featurise(
    config: &Config,
    cases: &[Case],
    spec: FeatureSpec,
    model: Option<&Model>,
) -> Result<Vec<(Line, Vec<f32>)>, Error> {
    let mut out = Vec::new();
    for (c, case) in cases.iter().enumerate() {
        let mut cfg = config.clone();
        cfg.interviewers = case.labels.interviewers.clone();
        cfg.interviewees = case.labels.interviewees.clone();
        let analyzer = Analyzer::with_model(cfg, None)?;
        let t = crate::parse(&case.transcript, None)
            .map_err(|e| Error::Config(format!("{}: {e}", case.name)))?;
        let (t, records) = analyzer.record(t, spec, model);
        // The interviewers' lines, as `candor eval` scores them.
        let interviewer_lines: BTreeSet<u32> = t
            .turns
            .iter()
            .filter(|u| t.speakers[u.speaker].role == Role::Interviewer)
            .flat_map(|u| u.lines())
            .collect();
        let gold: BTreeMap<u32, BTreeSet<&str>> = case
            .labels
            .labels
            .iter()
            .map(|l| (l.line, l.rules.iter().map(String::as_str).collect()))
            .collect();
        let mut by_line: BTreeMap<u32, Vec<&Record>> = BTreeMap::new();
        for r in &records {
            let (turn, start) = match r {
                Record::Sentence { turn, start, .. } | Record::TurnFlagged { turn, start, .. } => {
                    (*turn, *start)
                }
            };
            let line = t.turns[turn].position(start).line;
            by_line.entry(line).or_default().push(r);
        }
        for &line in &interviewer_lines {
            if case.labels.ambiguous.contains(&line) {
                continue;
            }
            let recs = by_line.get(&line).map(Vec::as_slice).unwrap_or(&[]);
            // The words of the line's turn, as the analyser counts them for the context layer.
            let words = recs
                .first()
                .map(|r| match r {
                    Record::Sentence { turn, .. } | Record::TurnFlagged { turn, .. } => *turn,
                })
                .map_or(0, |k| {
                    crate::rules::learned::context::words(&t.turns[k].text) as u32
                });
            out.push(make_line(c, line, words, recs, &gold, &spec));
        }
    }
    Ok(out)
}

/// One line's example from what was recorded of its sentences.
fn make_line(
    case: usize,
    line: u32,
    words: u32,
    recs: &[&Record],
    gold: &BTreeMap<u32, BTreeSet<&str>>,
    spec: &FeatureSpec,
) -> (Line, Vec<f32>) {
    let mut l = Line {
        case,
        line,
        sentences: Vec::new(),
        sentence_patterns: Vec::new(),
        turn: Features::default(),
        turn_patterns: Features::default(),
        gold: LEARNABLE
            .iter()
            .map(|id| gold.get(&line).is_some_and(|g| g.contains(id.info().id)))
            .collect(),
        patterns: vec![false; LEARNABLE.len()],
        reasons: vec![Vec::new(); LEARNABLE.len()],
        words,
        asks: Vec::new(),
        questions: 0,
        weight: 1.0,
    };
    let mut facts = Vec::new();
    let mut scores: Vec<f32> = vec![0.0; LEARNABLE.len()];
    let mut turn_why: Option<&str> = None;
    for r in recs {
        match r {
            Record::Sentence {
                base,
                patterns,
                shape,
                flagged,
                scores: s,
                ..
            } => {
                for (k, f) in flagged.iter().enumerate() {
                    if let Some(why) = f {
                        l.patterns[k] = true;
                        l.reasons[k].push(why.clone());
                    }
                }
                for (k, x) in s.iter().enumerate() {
                    if LEARNABLE[k].by_sentence() {
                        scores[k] = scores[k].max(*x);
                    }
                }
                l.asks.push(shape.form.is_question() || shape.ends_q);
                l.questions += features::questions_in(shape);
                l.sentences.push(base.clone());
                l.sentence_patterns.push(patterns.clone());
                facts.push((base, patterns, **shape));
            }
            Record::TurnFlagged { rule, why, .. } => {
                if let Some(k) = LEARNABLE.iter().position(|id| id == rule) {
                    l.patterns[k] = true;
                    l.reasons[k].push(why.clone());
                }
                turn_why = Some(why);
            }
        }
    }
    let items: Vec<Facts<'_>> = facts
        .iter()
        .map(|(base, patterns, shape)| Facts {
            base,
            patterns,
            shape: *shape,
        })
        .collect();
    features::turn(spec, &items, turn_why, &mut l.turn, &mut l.turn_patterns);
    (l, scores)
}

/// For each rule (in [`rule_ids`] order), each reason its patterns gave on `lines`: the
/// lines it flagged and how many of those are labelled with the rule, counted and weighed.
pub fn reason_stats(lines: &[Line]) -> Vec<Vec<ReasonStats>> {
    let refs: Vec<&Line> = lines.iter().collect();
    (0..LEARNABLE.len())
        .map(|r| train::reason_stats(&refs, r))
        .collect()
}

/// Trains a model on featurised lines.
pub fn train(lines: &[Line], o: &Options) -> Model {
    let refs: Vec<&Line> = lines.iter().collect();
    train::train(&refs, o)
}

/// Counts of one way of deciding, per rule, over held-out lines.
#[derive(Debug, Clone, Default)]
pub struct Variant {
    /// Per rule, in [`rule_ids`] order.
    pub rules: Vec<Counts>,
}

impl Variant {
    fn new() -> Self {
        Variant {
            rules: vec![Counts::default(); LEARNABLE.len()],
        }
    }

    fn add(&mut self, row: usize, flagged: bool, gold: bool) {
        let c = &mut self.rules[row];
        match (flagged, gold) {
            (true, true) => c.true_positives += 1,
            (true, false) => c.false_positives += 1,
            (false, true) => c.false_negatives += 1,
            _ => {}
        }
    }

    /// The mean of the rules' F1.
    pub fn macro_f1(&self) -> f64 {
        self.rules.iter().map(Counts::f1).sum::<f64>() / self.rules.len().max(1) as f64
    }

    /// The lowest precision of any rule.
    pub fn min_precision(&self) -> f64 {
        self.rules
            .iter()
            .map(Counts::precision)
            .fold(f64::INFINITY, f64::min)
    }

    /// False alarms (any rule) per 100 lines.
    pub fn false_alarms_per_100(&self, lines: usize) -> f64 {
        let fp: usize = self.rules.iter().map(|c| c.false_positives).sum();
        100.0 * fp as f64 / lines.max(1) as f64
    }
}

/// The result of [`cross_validate`].
#[derive(Debug, Clone)]
pub struct Validation {
    /// Folds.
    pub folds: usize,
    /// Lines scored.
    pub lines: usize,
    /// The patterns alone.
    pub patterns: Variant,
    /// The model alone: trained without seeing what the patterns found, flagging at its
    /// own threshold.
    pub model: Variant,
    /// The model with the patterns' findings among its features, each rule's mode and
    /// threshold chosen by cross-validation inside the training folds: what candor ships.
    pub combined: Variant,
    /// The combined decision by group of cases (the folder, or the name without its
    /// number), with the
    /// lines of each group.
    pub by_group: BTreeMap<String, (Variant, usize)>,
    /// The modes chosen, per rule, in each fold.
    pub modes: Vec<Vec<Mode>>,
    /// Every held-out line the combined decision got wrong, in the order of the lines.
    pub errors: Vec<CvError>,
}

/// A held-out line the combined decision got wrong for one rule.
#[derive(Debug, Clone, PartialEq)]
pub struct CvError {
    /// The case (its index in the cases given).
    pub case: usize,
    /// The line number in its transcript.
    pub line: u32,
    /// The rule.
    pub rule: &'static str,
    /// Flagged without the label (a false alarm), else labelled and not flagged.
    pub false_alarm: bool,
    /// The model's probability for the rule on the line.
    pub score: f32,
}

impl Validation {
    /// The combined decision pooled over the groups `keep` accepts, with their lines.
    pub fn pooled(&self, keep: impl Fn(&str) -> bool) -> (Variant, usize) {
        let mut v = Variant::new();
        let mut lines = 0;
        for (g, (x, n)) in &self.by_group {
            if !keep(g) {
                continue;
            }
            lines += n;
            for (a, b) in v.rules.iter_mut().zip(&x.rules) {
                a.true_positives += b.true_positives;
                a.false_positives += b.false_positives;
                a.false_negatives += b.false_negatives;
            }
        }
        (v, lines)
    }
}

/// The batch a case belongs to, by its name (`names[case]`): the folder it came from, else
/// its name up to its trailing digits; empty for a case without a name.
fn group_of(names: &[String], case: usize) -> String {
    names
        .get(case)
        .map(|n| match n.split_once('/') {
            Some((folder, _)) => folder.to_string(),
            None => n.trim_end_matches(|c: char| c.is_ascii_digit()).to_string(),
        })
        .unwrap_or_default()
}

/// Which fold each case falls in when folds hold whole batches: the batches (`groups`, by
/// case) shuffled and dealt round, each case in its batch's fold.
fn batch_folds(groups: &[String], folds: usize, seed: u64) -> Vec<usize> {
    let distinct: BTreeSet<&str> = groups.iter().map(String::as_str).collect();
    let dealt = train::folds_of(distinct.len(), folds, seed);
    // Each batch's fold, by its place among the batches in order.
    let fold: BTreeMap<&str, usize> = distinct.into_iter().zip(dealt).collect();
    groups.iter().map(|g| fold[g.as_str()]).collect()
}

/// What the outer folds of [`cross_validate`] keep together: a grouped k-fold never splits
/// a group between training and held-out cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Grouping<'a> {
    /// Each interview (case) alone: the measure.
    #[default]
    Interview,
    /// Whole batches (a case's folder, or its name up to its digits), so that each batch is
    /// judged by models that saw no interview of its writer or source.
    Batch,
    /// Each real host's interviews together ([`host_groups`]; the slice holds each case's
    /// interviewers, by case index), so that a host's habits are judged by models that
    /// never heard that host; written interviews one by one.
    Host(&'a [Vec<String>]),
}

impl Grouping<'_> {
    /// What the folds keep together, in words (the cross-validation table's header).
    pub fn describe(&self) -> &'static str {
        match self {
            Grouping::Interview => "interview",
            Grouping::Batch => "batch",
            Grouping::Host(_) => "host (a real host's interviews together)",
        }
    }
}

/// Grouped k-fold cross-validation: each fold's cases held out, models trained on the rest
/// (thresholds and modes chosen inside those by a cross-validation of their own), then
/// every way of deciding scored on the held-out lines. `names` are the cases' names (for
/// the batches the results are listed by), by case index; `grouping` says what the outer
/// folds keep together.
pub fn cross_validate(
    lines: &[Line],
    names: &[String],
    grouping: Grouping<'_>,
    o: &Options,
    folds: usize,
) -> Validation {
    let cases = lines.iter().map(|l| l.case + 1).max().unwrap_or(0);
    let groups: Vec<String> = (0..cases).map(|c| group_of(names, c)).collect();
    let fold = outer_folds(cases, names, &groups, grouping, folds, o.seed ^ 0xf01d);
    validate(lines, &groups, &fold, o, folds)
}

/// Each case's outer fold under `grouping`; `groups` are the cases' batches.
fn outer_folds(
    cases: usize,
    names: &[String],
    groups: &[String],
    grouping: Grouping<'_>,
    folds: usize,
    seed: u64,
) -> Vec<usize> {
    match grouping {
        Grouping::Interview => train::folds_of(cases, folds, seed),
        Grouping::Batch => batch_folds(groups, folds, seed),
        Grouping::Host(hosts) => {
            // One name a case (a case beyond `names` has none: a group of its own).
            let names: Vec<String> = (0..cases)
                .map(|c| names.get(c).cloned().unwrap_or_default())
                .collect();
            batch_folds(&host_groups(&names, hosts), folds, seed)
        }
    }
}

/// Groups of cases that share a real host: a real case ([`is_real`]) is grouped with every
/// other real case one of whose interviewers has the same name (case aside), and through
/// them with theirs; placeholder labels ("Interviewer", "Host", "Speaker 1") link nothing,
/// and a written case is a group of its own (its writer's names are invented). Each
/// group is named by its first case's index.
pub fn host_groups(names: &[String], hosts: &[Vec<String>]) -> Vec<String> {
    let n = names.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut first: BTreeMap<String, usize> = BTreeMap::new();
    for (c, name) in names.iter().enumerate() {
        if !is_real(name) {
            continue;
        }
        for h in hosts.get(c).into_iter().flatten() {
            let key = h.trim().to_lowercase();
            let placeholder = key.is_empty()
                || crate::model::generic_role(h).is_some()
                || key.starts_with("speaker")
                || key.starts_with("unknown");
            if placeholder {
                continue;
            }
            match first.get(&key) {
                Some(&other) => {
                    let (a, b) = (root(&mut parent, other), root(&mut parent, c));
                    // The smaller index roots the group, so its name does not depend on
                    // the order of the joins.
                    let (lo, hi) = (a.min(b), a.max(b));
                    parent[hi] = lo;
                }
                None => {
                    first.insert(key, c);
                }
            }
        }
    }
    (0..n).map(|c| root(&mut parent, c).to_string()).collect()
}

/// The cross-validation itself, given each case's batch (`groups`, for the listing) and
/// fold.
fn validate(
    lines: &[Line],
    groups: &[String],
    fold: &[usize],
    o: &Options,
    folds: usize,
) -> Validation {
    let mut v = Validation {
        folds,
        lines: lines.len(),
        patterns: Variant::new(),
        model: Variant::new(),
        combined: Variant::new(),
        by_group: BTreeMap::new(),
        modes: Vec::new(),
        errors: Vec::new(),
    };
    let alone = Options {
        spec: FeatureSpec {
            patterns: false,
            ..o.spec
        },
        modes: vec![Mode::Model],
        context: false,
        ..o.clone()
    };
    for f in 0..folds {
        let train_set: Vec<&Line> = lines.iter().filter(|l| fold[l.case] != f).collect();
        let test: Vec<&Line> = lines.iter().filter(|l| fold[l.case] == f).collect();
        if test.is_empty() || train_set.is_empty() {
            continue;
        }
        let combined = train::train(&train_set, o);
        let model = train::train(&train_set, &alone);
        let cs = train::model_scores(&combined, &test);
        let ms = train::model_scores(&model, &test);
        let decided = train::decide_lines(&combined, &test, &cs);
        v.modes.push(combined.rows.iter().map(|r| r.mode).collect());
        for (k, l) in test.iter().enumerate() {
            let (g, n) = v
                .by_group
                .entry(groups[l.case].clone())
                .or_insert_with(|| (Variant::new(), 0));
            *n += 1;
            for r in 0..LEARNABLE.len() {
                let gold = l.gold[r];
                v.patterns.add(r, l.patterns[r], gold);
                // The model alone at its own threshold, trusted reasons aside.
                v.model.add(r, ms[k][r] >= model.rows[r].threshold, gold);
                let flag = decided[k][r].0;
                v.combined.add(r, flag, gold);
                g.add(r, flag, gold);
                if flag != gold {
                    v.errors.push(CvError {
                        case: l.case,
                        line: l.line,
                        rule: LEARNABLE[r].info().id,
                        false_alarm: flag,
                        score: decided[k][r].1,
                    });
                }
            }
        }
    }
    // By line, each line's rules in order (the sort is stable).
    v.errors.sort_by_key(|e| (e.case, e.line));
    v
}

/// Trains with `o` and writes nothing: the model `candor train` would write, in memory.
pub fn model_from_cases(config: &Config, cases: &[Case], o: &Options) -> Result<Model, Error> {
    let lines = training_lines(config, cases, o)?;
    Ok(train(&lines, o))
}

/// An analyser that judges with `model`, for evaluating a model not yet shipped.
pub fn analyzer_with(config: Config, model: Model) -> Result<Analyzer, Error> {
    Analyzer::with_model(config, Some(Arc::new(model)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_by_batch_keep_each_batch_whole_and_spread_the_batches() {
        // Twelve batches, by folder and by bare name (its trailing digits cut).
        let bare = ["dev", "ext", "case", "call", "demo", "note"];
        let names: Vec<String> = (0..60)
            .map(|c| match c % 12 {
                b @ 0..=5 => format!("b{b:02}/b{b:02}-{c:02}"),
                b => format!("{}{c}", bare[b - 6]),
            })
            .collect();
        let groups: Vec<String> = (0..names.len()).map(|c| group_of(&names, c)).collect();
        assert_eq!(groups[0], "b00");
        assert_eq!(groups[7], "ext");
        let fold = batch_folds(&groups, 5, 9);
        for (c, g) in groups.iter().enumerate() {
            let first = groups.iter().position(|x| x == g).unwrap_or(c);
            assert_eq!(fold[c], fold[first], "{g} split across folds");
        }
        let used: BTreeSet<usize> = fold.iter().copied().collect();
        assert_eq!(used, (0..5).collect(), "twelve batches fill five folds");
        // A case without a name is a batch of its own (the empty name).
        assert_eq!(group_of(&names, 99), "");
    }

    #[test]
    fn each_grouping_keeps_what_it_says_together() {
        // Four real batches of five interviews; one host in r01 and r03, others alone.
        let names: Vec<String> = (0..20)
            .map(|c| format!("r0{b}/r0{b}-{c:02}", b = c / 5 + 1))
            .collect();
        let hosts: Vec<Vec<String>> = (0..20)
            .map(|c| match c / 5 {
                0 | 2 => vec!["Ana Silva".to_string()],
                _ => vec![format!("Host {c}")],
            })
            .collect();
        let groups: Vec<String> = (0..20).map(|c| group_of(&names, c)).collect();
        let folds = |g: Grouping<'_>| outer_folds(20, &names, &groups, g, 4, 7);
        let together = |f: &[usize], a: usize, b: usize| f[a] == f[b];
        // By interview: the same folds as the trainer's own, and a batch is split.
        let interview = folds(Grouping::Interview);
        assert_eq!(interview, train::folds_of(20, 4, 7));
        assert!((1..5).any(|c| !together(&interview, 0, c)), "{interview:?}");
        // By batch: each batch whole, the batches spread over the folds.
        let batch = folds(Grouping::Batch);
        for c in 0..20 {
            assert!(together(&batch, c, c / 5 * 5), "{batch:?}");
        }
        assert!((5..20).any(|c| !together(&batch, 0, c)), "{batch:?}");
        // By host: Ana's ten interviews in r01 and r03 in one fold, the others apart.
        let host = folds(Grouping::Host(&hosts));
        for c in (0..5).chain(10..15) {
            assert!(together(&host, 0, c), "{host:?}");
        }
        assert!(
            (5..10).chain(15..20).any(|c| !together(&host, 5, c)),
            "{host:?}"
        );
    }

    #[test]
    fn folds_by_host_keep_a_hosts_real_interviews_together() {
        let names: Vec<String> = [
            "r01/r01-01",
            "r02/r02-01",
            "r03/r03-01",
            "r04/r04-01",
            "r05/r05-01",
            "b01/b01-01",
            "r06/r06-01",
            "r07/r07-01",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let hosts: Vec<Vec<String>> = [
            vec!["Adam Stacoviak"],
            vec!["adam stacoviak", "Jerod Santo"],
            vec!["Jerod Santo"],
            vec!["Interviewer"],
            vec!["Interviewer"],
            vec!["Adam Stacoviak"],
            vec!["Speaker 1"],
            vec!["Speaker 1"],
        ]
        .iter()
        .map(|v| v.iter().map(|s| s.to_string()).collect())
        .collect();
        let g = host_groups(&names, &hosts);
        // Adam in r01 and r02, Jerod in r02 and r03: one group, through r02.
        assert_eq!(
            (g[0].as_str(), g[1].as_str(), g[2].as_str()),
            ("0", "0", "0")
        );
        // Placeholders link nothing; a written case's invented host neither.
        assert_ne!(g[3], g[4]);
        assert_ne!(g[6], g[7]);
        assert_ne!(g[5], g[0]);
        // Two groups joined by a later case take the smaller index's name, whichever way
        // round the join runs.
        let names3: Vec<String> = ["r10/a", "r11/b", "r12/c"].map(String::from).to_vec();
        let hosts3 = [
            vec!["Ana".to_string()],
            vec!["Bo".to_string()],
            vec!["Bo".to_string(), "Ana".to_string()],
        ];
        assert_eq!(host_groups(&names3, &hosts3), ["0", "0", "0"]);
        let fold = batch_folds(&g, 3, 7);
        assert!(fold[0] == fold[1] && fold[1] == fold[2]);
        assert!(fold.iter().all(|&f| f < 3));
    }

    #[test]
    fn a_case_is_real_when_its_folder_is_r_and_digits() {
        assert!(is_real("r07/r07-03"));
        assert!(is_real("r123/x"));
        // Read from the batch's own folder (`candor train fixtures/corpus/r07`).
        assert!(is_real("r07-03"));
        for name in [
            "b07/b07-03",
            "b07-03",
            "dev01",
            "r07",
            "r-1",
            "r/x",
            "rx1/x",
            "R07/x",
            "retail/r07-1",
        ] {
            assert!(!is_real(name), "{name}");
        }
    }
}
