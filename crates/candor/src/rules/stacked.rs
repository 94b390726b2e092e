//! `stacked-questions`: several different questions in one breath.

use std::borrow::Cow;

use super::Sentence;
use super::{Check, Ctx, Example, Hit, Rule, RuleInfo, Scope, TurnRule, pattern};
use crate::model::Severity;
use crate::speech::{Form, is_aux, is_wh, wh_opens_question};

/// The rule.
pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "stacked-questions",
        severity: Severity::Warning,
        summary: "asks two or more different questions before the interviewee can answer",
        explanation: "Asked several questions at once, people answer the easiest or the last one \
and the rest are lost. Ask one question, then wait; the follow-ups can come after the \
answer. A question followed by examples of the answer you mean (\"Who else should I \
talk to — maybe someone in finance?\"), or a prompt followed by one narrowing question \
(\"Tell me about the late payers. What happened the last time?\"), is not stacking.",
        help: "ask one question, wait for the answer, then ask the next",
        examples: &[
            Example {
                bad: "How often does that happen, who deals with it, and what does it cost you?",
                better: "What happened the last time that went wrong?",
            },
            Example {
                bad: "What do you use now? Is it expensive? Does it integrate with your CRM?",
                better: "What do you use for that now?",
            },
        ],
        scope: Scope::Turn,
        settings: &[],
    },
    check: Check::Turn(&Stacked),
};

/// Runs [`check`].
pub(crate) struct Stacked;

impl TurnRule for Stacked {
    fn check(&self, ctx: &Ctx<'_>) -> Option<Hit> {
        check(ctx)
    }
}

/// Why `stacked-questions` fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    /// This many different questions in one turn.
    Questions(usize),
}

impl Why {
    pub fn message(&self) -> Cow<'static, str> {
        match self {
            Why::Questions(n) => format!("asks {n} questions at once; people answer one of them").into(),
        }
    }
}

/// A question unit: (start, end) in the turn text and its content words.
struct Unit<'s> {
    start: usize,
    end: usize,
    words: Vec<&'s str>,
    invitation: bool,
    referral: bool,
}

#[rustfmt::skip]
pattern!(
    /// Not questions of their own: a reflection of their words ("You said something about
    /// siblings?") before the probe, and a preface asking leave to ask ("Can I ask you a naive
    /// question?").
    PREFACE,
    &[
        r"^(?:(?:and|so|but|okay|ok|right) )?(?:",
            r"you (?:said|mentioned|talked about|were saying|brought up)",
            r"|earlier you (?:said|mentioned)",
            r"|(?:can|could|may|might) i ask (?:you )?(?:a|an|one|another|something|two|some)\b",
            r"|(?:do you )?mind if i ask\b",
        r")",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    GUESS_AFTER,
    &[
        r"^(?:",
            r"(?:was|is|were|are|did|does|do) (?:it|that|this|they|those|these) (?:\w+ ){0,4}?\?",
            r"|you are (?:\w+ ){0,6}?(?:, )?(?:right|correct|yeah|yes|no) \?",
        r")$",
    ].concat()
);

/// Where a new interrogative clause starts after a break inside a question sentence.
fn clause_starts(s: &Sentence) -> Vec<usize> {
    let mut starts = vec![s.main];
    let n = s.toks.len();
    let mut i = s.main + 1;
    while i < n {
        let w = s.tok_str(i);
        let prev = s.tok_str(i - 1);
        let after_break =
            matches!(prev, "," | ";" | "-" | ":") || (prev == "and" && i >= 2) || prev == "or";
        if after_break {
            // Skip "and", "roughly", "also" after the comma: ", and roughly how big…"
            let mut j = i;
            while j < n
                && matches!(
                    s.tok_str(j),
                    "and"
                        | "roughly"
                        | "also"
                        | "then"
                        | "so"
                        | "but"
                        | "approximately"
                        | "exactly"
                        | "generally"
                        | "plus"
                )
            {
                j += 1;
            }
            let a = s.tok_str(j);
            let b = s.tok_str(j + 1);
            let or_join = prev == "or" || (j > i && s.tok_str(i) == "or");
            let wh_clause = is_wh(a) && wh_opens_question(a, b);
            let yes_no_clause = !or_join
                && is_aux(a)
                && matches!(
                    b,
                    "you"
                        | "it"
                        | "that"
                        | "they"
                        | "there"
                        | "we"
                        | "your"
                        | "this"
                        | "he"
                        | "she"
                );
            // "…make your life easier, do you think?": a tag asking for their view, not a question.
            let tail_tag = matches!(a, "do" | "would" | "don't" | "wouldn't")
                && b == "you"
                && matches!(
                    s.tok_str(j + 2),
                    "think" | "reckon" | "say" | "agree" | "suppose" | "guess" | "feel"
                )
                && (j + 3..n).all(|k| s.toks[k].punct);
            if ((wh_clause && !(or_join && a == "why")) || yes_no_clause) && !tail_tag {
                starts.push(j);
                i = j + 1;
                continue;
            }
        }
        let _ = w;
        i += 1;
    }
    starts
}

/// Whether the clause `from..to` stops before its verb: its last word is an auxiliary,
/// a pronoun or an article ("what do you,", "how is the —").
fn abandoned(s: &Sentence, from: usize, to: usize) -> bool {
    let Some(last) = (from..to).rev().find(|&k| !s.toks[k].punct) else {
        return false;
    };
    let w = s.tok_str(last);
    // "how does a job," : wh-word, auxiliary, determiner, noun, and no verb yet.
    let words: Vec<&str> = (from..to)
        .filter(|&k| !s.toks[k].punct)
        .map(|k| s.tok_str(k))
        .collect();
    if let [wh, aux, det, _noun] = words[..] {
        if is_wh(wh) && is_aux(aux) && matches!(det, "a" | "an" | "the" | "your" | "this" | "that")
        {
            return true;
        }
    }
    is_aux(w)
        || matches!(
            w,
            "you" | "i" | "we" | "they" | "the" | "a" | "an" | "your" | "my" | "our" | "it"
        )
}

fn content_words(s: &Sentence, from: usize, to: usize) -> Vec<&str> {
    (from..to)
        .filter(|&k| !s.toks[k].punct)
        .map(|k| s.tok_str(k))
        .filter(|w| {
            w.len() > 3
                && !matches!(
                    *w,
                    "what"
                        | "that"
                        | "this"
                        | "with"
                        | "your"
                        | "they"
                        | "there"
                        | "have"
                        | "does"
                        | "would"
                        | "could"
                        | "about"
                )
        })
        .collect()
}

fn overlap(a: &[&str], b: &[&str]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|w| b.contains(w)).count();
    shared as f32 / a.len().min(b.len()) as f32
}

fn check(ctx: &Ctx<'_>) -> Option<Hit> {
    let mut units: Vec<Unit> = Vec::new();
    for (k, s) in ctx.sentences.iter().enumerate() {
        let is_q = matches!(s.form, Form::Wh | Form::YesNo | Form::Invitation)
            || (s.ends_q && matches!(s.form, Form::Tag | Form::Declarative));
        if !is_q {
            continue;
        }
        // A tag or declarative guess right after a question offers its answer ("You're a payroll platform, right?").
        if matches!(s.form, Form::Tag | Form::Declarative)
            && k > 0
            && ctx.sentences[k - 1].form.is_question()
        {
            continue;
        }
        // "Why did you leave them? Was it price?": a short yes/no guess right after a wh-question.
        if s.form == Form::YesNo
            && k > 0
            && ctx.sentences[k - 1].form == Form::Wh
            && GUESS_AFTER.is_match_in(s, s.core_norm())
        {
            continue;
        }
        let starts = clause_starts(s);
        for (c, &from) in starts.iter().enumerate() {
            let to = starts.get(c + 1).copied().unwrap_or(s.toks.len());
            let words = (from..to).filter(|&t| !s.toks[t].punct).count();
            // A false start ("so what do — how do you…") is too short to be a question.
            let ends_dash = to > 0 && to <= s.toks.len() && s.tok_str(to - 1) == "-";
            if words < 3 || (ends_dash && words < 5 && c + 1 < starts.len()) {
                continue;
            }
            // So is one abandoned before its verb: "so what do you, how do you get…".
            if c + 1 < starts.len() && words < 5 && abandoned(s, from, to) {
                continue;
            }
            if PREFACE.is_match_in(s, &s.norm[s.toks[from].n0 as usize..]) {
                continue;
            }
            let (a, b) = (s.toks[from].o0 as usize, s.toks[to - 1].o1 as usize);
            units.push(Unit {
                start: a,
                end: b,
                words: content_words(s, from, to),
                invitation: s.form == Form::Invitation && c == 0,
                referral: super::practice::asks_referral_in(
                    s,
                    &s.norm[s.toks[from].n0 as usize..],
                ),
            });
        }
    }
    // A rephrase of the question just asked is the same question, and so is a second
    // way of asking for introductions ("Who else should I talk to — do you know anyone…?").
    let mut distinct: Vec<&Unit> = Vec::new();
    for u in &units {
        if let Some(last) = distinct.last() {
            if overlap(&last.words, &u.words) >= 0.6 || (last.referral && u.referral) {
                continue;
            }
        }
        distinct.push(u);
    }
    // A prompt and one narrowing question ("Tell me about X. What happened…?") count as one.
    let invitations = distinct.iter().filter(|u| u.invitation).count();
    let count = if invitations > 0 && distinct.len() == 2 {
        1
    } else {
        distinct.len()
    };
    if count < 2 {
        return None;
    }
    let (a, b) = (distinct[0].start, distinct[distinct.len() - 1].end);
    Some(Hit::new((a, b), Why::Questions(count)))
}

/// The patterns above, for the gate.
pub(super) static PATTERNS: &[&super::pattern::Pattern] = &[&GUESS_AFTER, &PREFACE];
