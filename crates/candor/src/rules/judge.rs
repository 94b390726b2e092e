//! Running the rules over one transcript: what they remember from turn to turn (the
//! products the interviewer has named, what the interviewees said, whether the interviewer
//! has been pitching), and the dispatch of each turn's sentences to the rules.

use std::collections::HashSet;

use super::{Check, Ctx, Hit, Id, Product, Sentence, SentenceRule, TurnRule, Whole, selling};
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
    /// The turn rules that report.
    turn_rules: Vec<&'static dyn TurnRule>,
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
        let mut needed = enabled.clone();
        let mut sentence_rules = Vec::new();
        let mut turn_rules = Vec::new();
        for &id in Id::ALL {
            match id.check() {
                Check::Sentence(r) if enabled[id as usize] => {
                    for &y in r.yields_to() {
                        needed[y as usize] = true;
                    }
                }
                Check::Turn(r) if enabled[id as usize] => turn_rules.push(r),
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
        }
    }

    /// An interviewee turn: what they said becomes theirs to be echoed. `new_exchange` when
    /// the interviewer spoke just before.
    pub fn hear(&mut self, text: &'t str, new_exchange: bool) {
        self.echo.add(text, new_exchange);
    }

    /// Judges a chunk of an interviewer turn's sentences (`text` is the turn's), adding what
    /// the rules find to `out`.
    pub fn judge(
        &self,
        turn: &mut TurnJudgement,
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
        self.dispatch(&ctx, out);
    }

    /// Ends an interviewer turn.
    pub fn end_turn(&mut self, turn: TurnJudgement) {
        self.pitch_left = if turn.pitched {
            PITCH_TURNS
        } else {
            self.pitch_left.saturating_sub(1)
        };
    }

    /// Runs every sentence and turn rule over a chunk of a turn.
    fn dispatch(&self, ctx: &Ctx<'_>, out: &mut Vec<Hit>) {
        // One finding per rule and place, however many sentences lead to it.
        let mut seen: HashSet<(Id, usize)> = HashSet::new();
        let mut found: Vec<Option<Hit>> = vec![None; Id::ALL.len()];
        for (i, s) in ctx.sentences.iter().enumerate() {
            for &(id, rule, yields) in &self.sentence_rules {
                let overruled = yields.iter().any(|y| found[*y as usize].is_some());
                if !overruled {
                    found[id as usize] = rule.check(ctx, s, i);
                }
            }
            // In registry order.
            for hit in found.iter_mut().filter_map(Option::take) {
                let id = hit.rule();
                if self.enabled[id as usize] && seen.insert((id, hit.start)) {
                    out.push(hit);
                }
            }
        }
        for rule in &self.turn_rules {
            out.extend(rule.check(ctx));
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
}
