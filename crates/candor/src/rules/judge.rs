//! Running the rules over one transcript: what they remember from turn to turn (the
//! products the interviewer has named, what the interviewees said, whether the interviewer
//! has been pitching), and the dispatch of each turn's sentences to the rules.

use std::cell::RefCell;
use std::collections::HashSet;

use super::learned::features::{self, Facts, Shape};
use super::learned::{Features, LEARNABLE, Mode, Model, Row};
use super::{
    Check, Ctx, Hit, Id, Product, Sentence, SentenceRule, Source, TurnRule, Whole, Why, selling,
};
use crate::model::{Role, Turn};
use crate::speech::stems::Echo;

/// Interviewer turns after a pitch for which it stays in context ("Does that sound useful?"
/// two turns later still asks about it).
const PITCH_TURNS: usize = 3;

/// The rules' memory of one transcript, built when judging starts.
pub(crate) struct Judge<'t> {
    names: &'t [String],
    /// Product names (lower case): configured, or learned from the interviewer's introduction.
    products: Vec<Product>,
    /// What the interviewees have said so far.
    echo: Echo<'t>,
    /// Interviewer turns for which the last pitch stays in context.
    pitch_left: usize,
    /// Which rules report, by [`Id`].
    enabled: Vec<bool>,
    /// The sentence rules to run, in registry order: those that report, and those another
    /// running rule yields to. Rules that yield come after the rest, each with what it
    /// yields to.
    sentence_rules: Vec<(Id, &'static dyn SentenceRule, &'static [Id])>,
    /// The turn rules to run: those that report, and all of them for the learned layer.
    turn_rules: Vec<(Id, &'static dyn TurnRule)>,
    /// The learned layer, when it runs (or records).
    learned: Option<Learned<'t>>,
}

/// One interviewer turn being judged, a chunk of sentences at a time.
#[derive(Debug, Default)]
pub(crate) struct TurnJudgement {
    /// The interviewer has pitched somewhere in this turn so far.
    pitched: bool,
}

impl<'t> Judge<'t> {
    /// Starts judging a transcript: learns the product names the interviewer introduces
    /// (early turns also "I built X"), on top of the `configured` ones.
    pub fn new(
        turns: &[Turn],
        roles: &[Role],
        names: &'t [String],
        configured: &[String],
        enabled: impl Fn(Id) -> bool,
        learned: Option<Learned<'t>>,
    ) -> Self {
        let mut products: Vec<Product> =
            configured.iter().filter_map(|p| Product::new(p)).collect();
        let interviewer = turns
            .iter()
            .zip(roles)
            .filter(|(_, r)| **r == Role::Interviewer);
        for (n, (u, _)) in interviewer.enumerate() {
            if n < 6 {
                selling::learn_products_early(&u.text, names, &mut products);
            } else {
                selling::learn_products(&u.text, names, &mut products);
            }
        }
        let enabled: Vec<bool> = Id::ALL.iter().map(|&id| enabled(id)).collect();
        // The learned layer sees what every rule's patterns find.
        let mut needed = if learned.is_some() {
            vec![true; enabled.len()]
        } else {
            enabled.clone()
        };
        let mut sentence_rules = Vec::new();
        let mut turn_rules = Vec::new();
        for &id in Id::ALL {
            match id.check() {
                Check::Sentence(r) if enabled[id as usize] => {
                    for &y in r.yields_to() {
                        needed[y as usize] = true;
                    }
                }
                Check::Turn(r) if needed[id as usize] => turn_rules.push((id, r)),
                _ => {}
            }
        }
        for &id in Id::ALL {
            if let (true, Check::Sentence(r)) = (needed[id as usize], id.check()) {
                sentence_rules.push((id, r, r.yields_to()));
            }
        }
        // Stable: the registry order within each group.
        sentence_rules.sort_by_key(|(_, _, yields)| !yields.is_empty());
        Judge {
            names,
            products,
            echo: Echo::default(),
            pitch_left: 0,
            enabled,
            sentence_rules,
            turn_rules,
            learned,
        }
    }

    /// An interviewee turn: what they said becomes theirs to be echoed. `new_exchange` when
    /// the interviewer spoke just before.
    pub fn hear(&mut self, text: &'t str, new_exchange: bool) {
        self.echo.add(text, new_exchange);
    }

    /// Judges a chunk of interviewer turn `k`'s sentences (`text` is the turn's), adding what
    /// the rules find to `out`.
    pub fn judge(
        &self,
        turn: &mut TurnJudgement,
        k: usize,
        text: &str,
        sentences: &[Sentence],
        out: &mut Vec<Hit>,
    ) {
        let mut ctx = Ctx {
            text,
            sentences,
            echo: &self.echo,
            products: &self.products,
            pitching: self.pitch_left > 0 || turn.pitched,
            deflecting: sentences.iter().any(selling::deflects),
            names: self.names,
            attributes: Default::default(),
            selling: None,
        };
        // Whether the turn pitches puts all of it in a pitching context, which can change
        // the verdicts of `selling` itself; where it does not, they stand and are reused.
        let sold: Vec<Option<Hit>> = sentences
            .iter()
            .enumerate()
            .map(|(i, s)| selling::check(&ctx, s, i))
            .collect();
        let pitched_here = sold.iter().any(Option::is_some);
        turn.pitched |= pitched_here;
        if ctx.pitching || !pitched_here {
            ctx.selling = Some(sold);
        }
        ctx.pitching |= turn.pitched;
        self.dispatch(&ctx, k, out);
    }

    /// Ends an interviewer turn.
    pub fn end_turn(&mut self, turn: TurnJudgement) {
        self.pitch_left = if turn.pitched {
            PITCH_TURNS
        } else {
            self.pitch_left.saturating_sub(1)
        };
    }

    /// Runs every sentence and turn rule over a chunk of turn `k`.
    fn dispatch(&self, ctx: &Ctx<'_>, k: usize, out: &mut Vec<Hit>) {
        // One finding per rule and place, however many sentences lead to it.
        let mut seen: HashSet<(Id, usize)> = HashSet::new();
        let n = Id::ALL.len();
        let mut raw: Vec<Option<Hit>> = vec![None; n];
        let mut fin: Vec<Option<Hit>> = vec![None; n];
        let mut facts: Vec<(Features, Features, Shape)> = Vec::new();
        let mut model_only: Vec<Option<Hit>> = vec![None; n];
        // The first pattern finding of each rule in the chunk that the model overruled.
        let mut overruled: Vec<Option<Hit>> = vec![None; n];
        // The verdicts before the model's, sentence by sentence (one buffer for the chunk).
        let mut before: Vec<Option<Hit>> = vec![None; n];
        for (i, s) in ctx.sentences.iter().enumerate() {
            // What each rule's patterns find; then the rules that yield drop theirs.
            for &(id, rule, _) in &self.sentence_rules {
                raw[id as usize] = rule.check(ctx, s, i);
            }
            for &(id, _, yields) in &self.sentence_rules {
                let overruled = yields.iter().any(|y| raw[*y as usize].is_some());
                fin[id as usize] = if overruled {
                    None
                } else {
                    raw[id as usize].clone()
                };
            }
            if let Some(l) = &self.learned {
                let (base, pats, shape) = l.featurise(ctx, s, i, &raw);
                if l.model.is_some() {
                    before.clone_from_slice(&fin);
                }
                l.decide(ctx, s, i, &raw, (&base, &pats, shape), &mut fin, k);
                for ((was, now), kept) in before.iter_mut().zip(&fin).zip(&mut overruled) {
                    let was = was.take();
                    if now.is_none() && kept.is_none() {
                        *kept = was;
                    }
                }
                facts.push((base, pats, shape));
            }
            // In registry order; the model's own findings wait for the end of the chunk.
            for hit in fin.iter_mut().filter_map(Option::take) {
                let id = hit.rule();
                if !self.enabled[id as usize] {
                    continue;
                }
                if hit.source == Source::Model {
                    let best = &mut model_only[id as usize];
                    if best.as_ref().is_none_or(|b| hit.confidence > b.confidence) {
                        *best = Some(hit);
                    }
                } else if seen.insert((id, hit.start)) {
                    out.push(hit);
                }
            }
            raw.iter_mut().for_each(|h| *h = None);
        }
        // The model scores sentences but was trained on whole lines: where the patterns found
        // nothing of a rule in the turn, its surest sentence stands for the turn; where they
        // did, the model has nothing to add. Where they found it in a sentence the model
        // scored under its threshold, the model still says the turn has it: the patterns'
        // words and reason show where ("Linewise would have caught that", not a word of the
        // sentence after it).
        for hit in model_only.into_iter().flatten() {
            let id = hit.rule();
            if !seen.iter().any(|(r, _)| *r == id) {
                let hit = match overruled[id as usize].take() {
                    Some(mut p) => {
                        p.source = Source::Both;
                        p.confidence = hit.confidence;
                        p
                    }
                    None => hit,
                };
                seen.insert((id, hit.start));
                out.push(hit);
            }
        }
        for &(id, rule) in &self.turn_rules {
            let hit = rule.check(ctx);
            let hit = match &self.learned {
                Some(l) => l.decide_turn(ctx, id, hit, &facts, k),
                None => hit,
            };
            if self.enabled[id as usize] {
                out.extend(hit);
            }
        }
    }

    /// Runs the transcript rules, once the metrics are known.
    pub fn judge_whole(&self, whole: &Whole<'_>, out: &mut Vec<(usize, Hit)>) {
        for &id in Id::ALL {
            if let (true, Check::Transcript(rule)) = (self.enabled[id as usize], id.check()) {
                rule.check(whole, out);
            }
        }
    }

    /// What the learned layer recorded, when recording.
    pub fn records(self) -> Vec<Record> {
        self.learned
            .and_then(|l| l.records)
            .map(RefCell::into_inner)
            .unwrap_or_default()
    }
}

/// What the learned layer records of each sentence and turn while featurising labelled
/// cases: everything the trainer needs, from the same code that judges.
#[derive(Debug, Clone)]
pub(crate) enum Record {
    /// A sentence of turn `turn`, starting at byte `start` of its text.
    Sentence {
        turn: usize,
        start: usize,
        base: Features,
        patterns: Features,
        shape: Shape,
        /// Why the patterns alone flag it, per rule in [`LEARNABLE`] order (`None`: not
        /// flagged).
        flagged: Vec<Option<String>>,
        /// The model's probabilities, per row, when a model ran.
        scores: Vec<f32>,
    },
    /// A turn rule's patterns flagged a chunk of turn `turn` at byte `start`, saying `why`.
    TurnFlagged {
        turn: usize,
        start: usize,
        rule: Id,
        why: String,
    },
}

/// The learned layer inside a [`Judge`]: the model, and the recording when featurising.
pub(crate) struct Learned<'m> {
    spec: features::FeatureSpec,
    model: Option<&'m Model>,
    /// Each rule's row in the model, by [`Id`].
    rows: Vec<Option<usize>>,
    records: Option<RefCell<Vec<Record>>>,
    /// Whether findings the model made carry the features that weighed most.
    explain: bool,
}

/// How many of the features that weighed most a finding lists when explaining.
const TOP_FEATURES: usize = 5;

/// The features of sentence `i` that pushed `row` of `model` most towards flagging, with
/// their weights.
fn top_features(
    model: &Model,
    row: usize,
    ctx: &Ctx<'_>,
    s: &Sentence,
    i: usize,
    raw: &[Option<Hit>],
) -> Vec<(String, f32)> {
    let spec = &model.spec;
    let mut named = Features::named();
    features::sentence(spec, ctx, s, i, &features::shape(s), &mut named);
    if spec.patterns {
        let hits = Id::ALL
            .iter()
            .zip(raw)
            .filter_map(|(id, h)| Some((id.info().id, h.as_ref()?)));
        let mut pats = Features::named();
        features::patterns(spec, hits, &mut pats);
        named.extend(&pats);
    }
    let mut top: Vec<(String, f32)> = named
        .names()
        .iter()
        .map(|(b, name)| (name.clone(), model.weight(*b, row)))
        .filter(|(_, w)| *w > 0.0)
        .collect();
    top.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    top.dedup_by(|a, b| a.0 == b.0);
    top.truncate(TOP_FEATURES);
    top
}

impl<'m> Learned<'m> {
    /// Makes the model's findings carry the features that weighed most.
    pub fn explaining(mut self, explain: bool) -> Self {
        self.explain = explain;
        self
    }

    /// The model's verdicts in place of (or beside) the patterns'.
    pub fn judging(model: &'m Model) -> Self {
        Learned {
            spec: model.spec,
            model: Some(model),
            rows: Id::ALL.iter().map(|&id| model.row(id)).collect(),
            records: None,
            explain: false,
        }
    }

    /// Records every sentence's features (made by `spec`) and what the patterns (and
    /// `model`, if any) found, for training and for checking that training and judging
    /// agree.
    pub fn recording(spec: features::FeatureSpec, model: Option<&'m Model>) -> Self {
        Learned {
            spec,
            model,
            rows: Id::ALL
                .iter()
                .map(|&id| model.and_then(|m| m.row(id)))
                .collect(),
            records: Some(RefCell::new(Vec::new())),
            explain: false,
        }
    }

    fn featurise(
        &self,
        ctx: &Ctx<'_>,
        s: &Sentence,
        i: usize,
        raw: &[Option<Hit>],
    ) -> (Features, Features, Shape) {
        let spec = &self.spec;
        let shape = features::shape(s);
        let mut base = Features::default();
        features::sentence(spec, ctx, s, i, &shape, &mut base);
        let mut pats = Features::default();
        let hits = Id::ALL
            .iter()
            .zip(raw)
            .filter_map(|(id, h)| Some((id.info().id, h.as_ref()?)));
        features::patterns(spec, hits, &mut pats);
        (base, pats, shape)
    }

    /// Decides each sentence rule the model covers, by its mode, in place of the
    /// patterns' verdicts in `fin`.
    #[allow(clippy::too_many_arguments)]
    fn decide(
        &self,
        ctx: &Ctx<'_>,
        s: &Sentence,
        i: usize,
        raw: &[Option<Hit>],
        (base, pats, shape): (&Features, &Features, Shape),
        fin: &mut [Option<Hit>],
        k: usize,
    ) {
        // What the patterns flagged, for the recording only.
        let flagged: Vec<Option<String>> = match &self.records {
            Some(_) => LEARNABLE
                .iter()
                .map(|id| {
                    fin[*id as usize]
                        .as_ref()
                        .map(|h| h.why.message().into_owned())
                })
                .collect(),
            None => Vec::new(),
        };
        let mut scores = Vec::new();
        if let Some(model) = self.model {
            model.scores(base, model.spec.patterns.then_some(pats), &mut scores);
            for (id, row) in Id::ALL.iter().zip(&self.rows) {
                let (Some(r), Check::Sentence(_)) = (row, id.check()) else {
                    continue;
                };
                let slot = &mut fin[*id as usize];
                let cue = || {
                    let (span, cue) = features::cue(model, *r, s)?;
                    Some((span, Why::Learned(*id, cue)))
                };
                *slot = judged(scores[*r], slot.take(), cue, &model.rows[*r]);
                if let Some(h) = slot
                    .as_mut()
                    .filter(|h| self.explain && h.source != Source::Pattern)
                {
                    h.cues = top_features(model, *r, ctx, s, i, raw);
                }
            }
        }
        // A solution request phrased with "would" is not also hypothetical: what yields,
        // yields to the model's verdicts too.
        for &id in Id::ALL {
            if let Check::Sentence(rule) = id.check() {
                if rule.yields_to().iter().any(|y| fin[*y as usize].is_some()) {
                    fin[id as usize] = None;
                }
            }
        }
        if let Some(rec) = &self.records {
            rec.borrow_mut().push(Record::Sentence {
                turn: k,
                start: s.start,
                base: base.clone(),
                patterns: pats.clone(),
                shape,
                flagged,
                scores,
            });
        }
    }

    /// Decides a turn rule the model covers, by its mode, in place of the patterns' verdict.
    fn decide_turn(
        &self,
        ctx: &Ctx<'_>,
        id: Id,
        hit: Option<Hit>,
        facts: &[(Features, Features, Shape)],
        k: usize,
    ) -> Option<Hit> {
        let why = hit.as_ref().map(|h| h.why.message().into_owned());
        if let (Some(rec), Some(h), Some(why)) = (&self.records, &hit, &why) {
            rec.borrow_mut().push(Record::TurnFlagged {
                turn: k,
                start: h.start,
                rule: id,
                why: why.clone(),
            });
        }
        let (Some(model), Some(r)) = (self.model, self.rows[id as usize]) else {
            return hit;
        };
        let spec = &self.spec;
        let items: Vec<Facts<'_>> = facts
            .iter()
            .map(|(base, patterns, shape)| Facts {
                base,
                patterns,
                shape: *shape,
            })
            .collect();
        let (mut base, mut pats) = (Features::default(), Features::default());
        features::turn(spec, &items, why.as_deref(), &mut base, &mut pats);
        let mut scores = Vec::new();
        model.scores(&base, spec.patterns.then_some(&pats), &mut scores);
        // The span of a turn finding the model alone makes: its questions, first to last.
        let questions: Vec<&Sentence> = ctx
            .sentences
            .iter()
            .filter(|s| s.form.is_question())
            .collect();
        let span = match (questions.first(), questions.last()) {
            (Some(a), Some(b)) => Some((a.start, b.end)),
            _ => ctx
                .sentences
                .first()
                .zip(ctx.sentences.last())
                .map(|(a, b)| (a.start, b.end)),
        };
        let why = || span.map(|sp| (sp, Why::Learned(id, "several questions in one turn".into())));
        judged(scores[r], hit, why, &model.rows[r])
    }
}

/// A rule's verdict from its patterns' `hit`, the model's `score` and the row's mode. A
/// pattern finding whose reason was right often enough in training stands even where the
/// model disagrees (`Row::trusted`).
fn judged(
    score: f32,
    hit: Option<Hit>,
    model_hit: impl FnOnce() -> Option<((usize, usize), Why)>,
    info: &Row,
) -> Option<Hit> {
    let trusted = hit
        .as_ref()
        .is_some_and(|h| info.trusted.iter().any(|t| *t == h.why.message()));
    let says = score >= info.threshold;
    let with = |mut h: Hit, source: Source, confidence: f32| {
        h.source = source;
        h.confidence = confidence;
        h
    };
    match (info.mode, hit, says) {
        (Mode::Patterns, Some(h), _) => Some(with(h, Source::Pattern, info.pattern_precision)),
        (Mode::Patterns, None, _) => None,
        (Mode::Model | Mode::Either, Some(h), true) => Some(with(h, Source::Both, score)),
        (Mode::Either, Some(h), false) => Some(with(h, Source::Pattern, info.pattern_precision)),
        (Mode::Model, Some(h), false) if trusted => {
            Some(with(h, Source::Pattern, info.pattern_precision))
        }
        (Mode::Model, Some(_), false) => None,
        (Mode::Model | Mode::Either, None, true) => {
            let (span, why) = model_hit()?;
            Some(with(Hit::new(span, why), Source::Model, score))
        }
        (_, None, false) => None,
    }
}
