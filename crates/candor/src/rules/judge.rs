//! Running the rules over one transcript: what they remember from turn to turn (the
//! products the interviewer has named, what the interviewees said, whether the interviewer
//! has been pitching), and the dispatch of each turn's sentences to the rules.

use std::cell::RefCell;
use std::collections::HashSet;

use super::learned::context::{self, Context};
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
    /// The context layer's memory of the interviewer's turns judged so far.
    context: Context,
}

/// One interviewer turn being judged, a chunk of sentences at a time.
#[derive(Debug, Default)]
pub(crate) struct TurnJudgement {
    /// The interviewer has pitched somewhere in this turn so far.
    pitched: bool,
    /// The model's scores of the turn per rule, and its words, once the context layer has
    /// decided it: what the next turns remember of it.
    line: Option<(Vec<f32>, usize)>,
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
            context: Context::default(),
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
            rest: Default::default(),
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
        self.dispatch(&ctx, k, turn, out);
    }

    /// Ends an interviewer turn.
    pub fn end_turn(&mut self, turn: TurnJudgement) {
        if let Some((scores, words)) = &turn.line {
            self.context.push(scores, *words);
        }
        self.pitch_left = if turn.pitched {
            PITCH_TURNS
        } else {
            self.pitch_left.saturating_sub(1)
        };
    }

    /// Runs every sentence and turn rule over a chunk of turn `k`.
    fn dispatch(&self, ctx: &Ctx<'_>, k: usize, turn: &mut TurnJudgement, out: &mut Vec<Hit>) {
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
        // For the rules the context layer decides: each sentence's pattern findings, held
        // until the whole chunk is scored, and the model's scores of each sentence.
        let contextual = self.learned.as_ref().and_then(Learned::contextual);
        let mut held: Vec<(usize, Hit)> = Vec::new();
        let mut sentence_scores: Vec<Vec<f32>> = Vec::new();
        // When explaining: what the patterns found in each sentence, for the features.
        let mut raws: Vec<Vec<Option<Hit>>> = Vec::new();
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
                // What the model overrules is tracked for the per-sentence modes only.
                let overruling = l.model.is_some() && contextual.is_none();
                if overruling {
                    before.clone_from_slice(&fin);
                }
                let scores = l.decide(ctx, s, i, &raw, (&base, &pats, shape), &mut fin, k);
                if contextual.is_some() {
                    // Every row is the layer's: its pattern findings wait for the end of
                    // the chunk.
                    for id in LEARNABLE {
                        if let Some(h) = fin[*id as usize].take() {
                            held.push((i, h));
                        }
                    }
                    if l.explain {
                        raws.push(raw.clone());
                    }
                    sentence_scores.push(scores);
                } else if overruling {
                    for ((was, now), kept) in before.iter_mut().zip(&fin).zip(&mut overruled) {
                        let was = was.take();
                        if now.is_none() && kept.is_none() {
                            *kept = was;
                        }
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
        // The questions the chunk asks, as a model-only finding of several counts them.
        let asked: u32 = facts
            .iter()
            .map(|(_, _, sh)| features::questions_in(sh))
            .sum();
        let mut turn_scores: Vec<(Id, Option<Hit>, f32)> = Vec::new();
        for &(id, rule) in &self.turn_rules {
            let hit = rule.check(ctx);
            let hit = match &self.learned {
                Some(l) => match l.decide_turn(ctx, id, hit, (&facts, asked), k) {
                    Turned::Decided(hit) => hit,
                    Turned::Scored(hit, score) => {
                        turn_scores.push((id, hit, score));
                        continue;
                    }
                },
                None => hit,
            };
            if self.enabled[id as usize] {
                out.extend(hit);
            }
        }
        if let (Some(model), Some(l)) = (contextual, &self.learned) {
            let decided = l.decide_context(
                model,
                ctx,
                &self.context,
                (&sentence_scores, &turn_scores, held),
                asked,
                &raws,
            );
            if !sentence_scores.is_empty() {
                // Across the chunks of a long turn: each rule's highest score, all words.
                let (scores, words) = decided.line;
                turn.line = Some(match turn.line.take() {
                    Some((mut best, w)) => {
                        for (b, x) in best.iter_mut().zip(&scores) {
                            *b = b.max(*x);
                        }
                        (best, w.max(words))
                    }
                    None => (scores, words),
                });
            }
            out.extend(
                decided
                    .hits
                    .into_iter()
                    .filter(|h| self.enabled[h.rule() as usize]),
            );
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
        /// Boxed: a shape keeps the first words of its questions, and records are many.
        shape: Box<Shape>,
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
    ) -> Vec<f32> {
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
                if model.rows[*r].mode == Mode::Context {
                    // Decided for the whole line, once every sentence is scored.
                    continue;
                }
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
                shape: Box::new(shape),
                flagged,
                scores: scores.clone(),
            });
        }
        scores
    }

    /// Decides a turn rule the model covers, by its mode, in place of the patterns' verdict.
    fn decide_turn(
        &self,
        ctx: &Ctx<'_>,
        id: Id,
        hit: Option<Hit>,
        (facts, asked): (&[(Features, Features, Shape)], u32),
        k: usize,
    ) -> Turned {
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
            return Turned::Decided(hit);
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
        if model.rows[r].mode == Mode::Context {
            return Turned::Scored(hit, scores[r]);
        }
        let why = || model_turn_hit(ctx, id, asked);
        Turned::Decided(judged(scores[r], hit, why, &model.rows[r]))
    }

    /// The model, when the context layer decides its rows: then every row is a context row
    /// and they cover the learnable rules in order, as the layer's inputs need (a model
    /// read from bytes is refused otherwise; see `Model::from_bytes`).
    fn contextual(&self) -> Option<&'m Model> {
        self.model.filter(|m| m.is_contextual())
    }

    /// Decides the rows the context layer covers for a chunk of an interviewer turn, from
    /// the model's scores of its sentences and of the turn, the pattern findings held
    /// back (by sentence), the questions the chunk asks (`asked`, for a finding of several), and
    /// what `memory` holds of the turns before.
    fn decide_context(
        &self,
        model: &Model,
        ctx: &Ctx<'_>,
        memory: &Context,
        (sentence_scores, turn_scores, held): Scored<'_>,
        asked: u32,
        raws: &[Vec<Option<Hit>>],
    ) -> ContextVerdicts {
        let n = LEARNABLE.len();
        // The line's score per row: its best sentence's, or the turn's.
        let mut line = vec![0.0f32; n];
        let mut best = vec![None::<usize>; n];
        for (i, ss) in sentence_scores.iter().enumerate() {
            for (r, &x) in ss.iter().enumerate().take(n) {
                if best[r].is_none() || x > line[r] {
                    line[r] = x;
                    best[r] = Some(i);
                }
            }
        }
        let mut patterns = vec![false; n];
        let mut sure = vec![false; n];
        let trusted =
            |r: usize, h: &Hit| model.rows[r].trusted.iter().any(|t| *t == h.why.message());
        for (_, h) in &held {
            if let Some(r) = self.rows[h.rule() as usize] {
                patterns[r] = true;
                sure[r] |= trusted(r, h);
            }
        }
        for (id, hit, score) in turn_scores {
            if let Some(r) = self.rows[*id as usize] {
                line[r] = *score;
                if let Some(h) = hit {
                    patterns[r] = true;
                    sure[r] |= trusted(r, h);
                }
            }
        }
        let words = context::words(ctx.text);
        let x = memory.inputs(&line, &patterns, &sure, words, sentence_scores.len());
        let mut hits: Vec<(Option<usize>, Hit)> = Vec::new();
        for (r, row) in model.rows.iter().enumerate() {
            let id = row.rule;
            let p = row.layer_probability(&x);
            // The fallback: the mode the rule would have without the layer.
            let by_model = context::fallback_by_model(row.fallback, line[r], row.alone, words);
            let by_patterns = row.fallback != Mode::Model && patterns[r];
            let threshold = row.threshold_at(words);
            let layer = p >= threshold;
            let says = layer || by_model;
            // With `--explain`, the threshold the layer's probability reached.
            // A threshold above the rule's first is the one for long turns.
            let reached = (self.explain && layer).then_some((threshold, threshold > row.threshold));
            // How sure: the layer's probability, or the model's own where that decided.
            let p = if by_model { p.max(line[r]) } else { p };
            if !says && !sure[r] && !by_patterns {
                continue;
            }
            let own: Vec<&(usize, Hit)> = held.iter().filter(|(_, h)| h.rule() == id).collect();
            let turned = turn_scores.iter().find(|(t, ..)| *t == id);
            let stands = |h: &Hit| says || by_patterns || trusted(r, h);
            let mut found = false;
            let explain = |i: usize| -> Vec<(String, f32)> {
                match (self.explain, ctx.sentences.get(i), raws.get(i)) {
                    (true, Some(s), Some(raw)) => top_features(model, r, ctx, s, i, raw),
                    _ => Vec::new(),
                }
            };
            let mut keep = |i: Option<usize>, h: &Hit, hits: &mut Vec<(Option<usize>, Hit)>| {
                let mut h = h.clone();
                (h.source, h.confidence) = if says {
                    (Source::Both, p)
                } else {
                    (Source::Pattern, row.pattern_precision)
                };
                if says {
                    h.cues = i.map(explain).unwrap_or_default();
                    h.threshold = reached;
                }
                hits.push((i, h));
                found = true;
            };
            for (i, h) in &own {
                if stands(h) {
                    keep(Some(*i), h, &mut hits);
                }
            }
            if let Some((_, Some(h), _)) = turned {
                if stands(h) {
                    keep(None, h, &mut hits);
                }
            }
            if found || !says {
                continue;
            }
            // The model alone: the sentence it scored highest shows where, or the turn's
            // questions for a turn rule.
            let model_hit = if turned.is_some() {
                model_turn_hit(ctx, id, asked).map(|(sp, why)| (None, Hit::new(sp, why)))
            } else {
                best[r].and_then(|i| {
                    let s = ctx.sentences.get(i)?;
                    // The words that weighed most, else the sentence as a whole.
                    let (span, cue) = features::cue(model, r, s)
                        .unwrap_or(((s.start, s.end), "the sentence as a whole".into()));
                    let mut h = Hit::new(span, Why::Learned(id, cue));
                    h.cues = explain(i);
                    Some((Some(i), h))
                })
            };
            if let Some((i, mut h)) = model_hit {
                h.source = Source::Model;
                h.confidence = p;
                h.threshold = reached;
                hits.push((i, h));
            }
        }
        // What yields to another rule's finding in the same sentence gives way, as it does
        // to the patterns' (a solution request phrased with "would" is not also hypothetical).
        let yields: Vec<bool> = hits
            .iter()
            .map(|(i, h)| {
                let Check::Sentence(rule) = h.rule().check() else {
                    return false;
                };
                i.is_some()
                    && rule
                        .yields_to()
                        .iter()
                        .any(|y| hits.iter().any(|(j, o)| j == i && o.rule() == *y))
            })
            .collect();
        let mut seen: HashSet<(Id, usize)> = HashSet::new();
        ContextVerdicts {
            hits: hits
                .into_iter()
                .zip(yields)
                .filter(|(_, gives_way)| !gives_way)
                .map(|((_, h), _)| h)
                .filter(|h| seen.insert((h.rule(), h.start)))
                .collect(),
            line: (line, words),
        }
    }
}

/// What the context layer decides a chunk from: the model's scores of each sentence, each
/// turn rule's pattern finding and score, and the sentence rules' pattern findings held
/// back, with their sentences.
type Scored<'a> = (
    &'a [Vec<f32>],
    &'a [(Id, Option<Hit>, f32)],
    Vec<(usize, Hit)>,
);

/// What the context layer decided of a chunk: its findings, and what the next turns
/// remember of it.
struct ContextVerdicts {
    hits: Vec<Hit>,
    line: (Vec<f32>, usize),
}

/// A turn rule's verdict, or, for a row the context layer decides, the patterns' finding
/// and the model's score, for the layer to decide with the rest of the line.
enum Turned {
    Decided(Option<Hit>),
    Scored(Option<Hit>, f32),
}

/// What a turn finding of the model alone says.
const TURN_CUE: &str = "several questions in one turn";

/// Where the model alone finds several questions in one turn that `asked` this many
/// ([`features::questions_in`], summed over its sentences): from its first question to its
/// last, and only when it asked at least two; the trainer decides alike (`placed` in
/// `learned::train`).
fn model_turn_hit(ctx: &Ctx<'_>, id: Id, asked: u32) -> Option<((usize, usize), Why)> {
    (asked >= 2)
        .then(|| turn_span(ctx))
        .flatten()
        .map(|sp| (sp, Why::Learned(id, TURN_CUE.into())))
}

/// The span of a turn finding the model alone makes: its questions, first to last.
fn turn_span(ctx: &Ctx<'_>) -> Option<(usize, usize)> {
    let questions: Vec<&Sentence> = ctx
        .sentences
        .iter()
        .filter(|s| s.form.is_question())
        .collect();
    match (questions.first(), questions.last()) {
        (Some(a), Some(b)) => Some((a.start, b.end)),
        _ => ctx
            .sentences
            .first()
            .zip(ctx.sentences.last())
            .map(|(a, b)| (a.start, b.end)),
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
        (Mode::Patterns | Mode::Context, None, _) => None,
        // The context layer decides whole lines (`decide_context`); a pattern finding
        // reaching here stands as the patterns' own.
        (Mode::Context, Some(h), _) => Some(with(h, Source::Pattern, info.pattern_precision)),
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
