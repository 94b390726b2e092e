//! `self-criticism`: runs down or apologises for the interviewer's own product.

use std::borrow::Cow;

use super::Sentence;
use super::{Check, Ctx, Example, Hit, Rule, RuleInfo, Scope, SentenceRule, pattern};
use crate::model::Severity;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "self-criticism",
        severity: Severity::Warning,
        summary: "runs down, apologises for or volunteers the weaknesses of their own product",
        explanation: "Apologising for your product (\"I know our setup is painful\") tells the \
interviewee what answer you expect, invites sympathy instead of honesty, and turns the \
interview toward your product. Say nothing evaluative about it; if they raise a \
problem, ask what they expected and what happened. Apologies for being late, for your \
own slip or for a bad line are not self-criticism, and neither is repeating the \
interviewee's own criticism back.",
        help: "leave your product out and ask about theirs: \"What did you expect to happen there?\"",
        examples: &[
            Example {
                bad: "I know our onboarding is pretty terrible right now.",
                better: "What happened the first time you set it up?",
            },
            Example {
                bad: "Honestly our mobile app is super buggy, just ignore that.",
                better: "What were you trying to do when it went wrong?",
            },
            Example {
                bad: "Our reporting doesn't handle that yet, it's a known gap on our side.",
                better: "How do you handle that today?",
            },
        ],
        scope: Scope::Sentence,
        settings: &[],
    },
    check: Check::Sentence(&SelfCriticism),
};

/// Runs [`check`].
pub(crate) struct SelfCriticism;

impl SentenceRule for SelfCriticism {
    fn check(&self, ctx: &Ctx<'_>, s: &Sentence, _i: usize) -> Option<Hit> {
        check(ctx, s)
    }
}

/// Why `self-criticism` fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    /// Runs down their own product.
    RunsDown,
}

impl Why {
    pub fn message(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Why::RunsDown => "runs down their own product",
        })
    }
}

#[rustfmt::skip]
pattern!(
    /// "our X", "my X", and the product's name: what the interviewer owns.
    OWNED,
    &[
        r"\b(?:our|my) ((?:[\w-]+ ){0,3}?[\w-]+)\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// Things an interviewer owns that are not the product: the call, the line, themselves.
    NOT_PRODUCT,
    &[
        r"^(?:(?:\w+ )*)(?:",
            r"audio",
            r"|mic",
            r"|microphone",
            r"|connection",
            r"|internet",
            r"|wifi",
            r"|wi-fi",
            r"|camera",
            r"|video",
            r"|screen",
            r"|line",
            r"|signal",
            r"|bandwidth",
            r"|laptop",
            r"|computer",
            r"|headset",
            r"|sound",
            r"|battery",
            r"|notes",
            r"|handwriting",
            r"|memory",
            r"|english",
            r"|french",
            r"|spanish",
            r"|german",
            r"|names?",
            r"|time",
            r"|schedule",
            r"|calendar",
            r"|call",
            r"|calls",
            r"|meeting",
            r"|meetings",
            r"|chat",
            r"|conversation",
            r"|questions?",
            r"|interview",
            r"|team",
            r"|colleagues?",
            r"|co-?founders?",
            r"|boss",
            r"|manager",
            r"|bad",
            r"|fault",
            r"|mistake",
            r"|apologies",
            r"|side of things",
            r"|end",
            r"|train",
            r"|commute",
            r"|kids?",
            r"|dog",
            r"|cat",
            r"|house",
            r"|office",
            r"|coffee",
            r"|lunch",
            r"|brain",
            r"|head",
            r"|voice",
            r"|accent",
            r"|typing",
            r"|spelling",
            r"|own",
            r"|thoughts",
            r"|understanding",
            r"|english",
            r"|children",
            r"|family",
            r"|parents",
            r"|wife",
            r"|husband",
            r"|partner",
            r"|son",
            r"|daughter",
            r"|mum",
            r"|mom",
            r"|dad",
            r"|friends?",
            r"|neighbours?",
            r"|neighbors?",
            r"|car",
            r"|garden",
            r"|country",
            r"|city",
            r"|town",
            r"|government",
        r")$",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    NEGATIVE,
    &[
        r"\b(?:",
            r"behind",
            r"|embarrass\w*",
            r"|basic",
            r"|buggy",
            r"|bugs",
            r"|bug",
            r"|flaky",
            r"|a (?:bit of a |real |total |complete |right )?mess",
            r"|messy",
            r"|limited",
            r"|rough",
            r"|clunky",
            r"|broken",
            r"|slow",
            r"|ugly",
            r"|bad",
            r"|terrible",
            r"|awful",
            r"|painful",
            r"|confusing",
            r"|annoying",
            r"|janky",
            r"|crappy",
            r"|crap",
            r"|rubbish",
            r"|sucks",
            r"|suck",
            r"|half-baked",
            r"|clumsy",
            r"|outdated",
            r"|unreliable",
            r"|glitchy",
            r"|crash\w*",
            r"|breaks",
            r"|not (?:",
                r"great",
                r"|good",
                r"|very good",
                r"|ideal",
                r"|perfect",
                r"|there yet",
                r"|quite there",
                r"|much better",
                r"|the best",
                r"|finished",
                r"|ready",
                r"|polished",
                r"|pretty",
                r"|intuitive",
                r"|reliable",
                r"|stable",
            r")",
            r"|(?:does not|doesn't|cannot|can't|won't|don't|do not) (?:\w+ ){0,6}?yet",
            r"|known (?:gap|issue|problem|bug|limitation)",
            r"|(?:a )?work in progress",
            r"|far from perfect",
            r"|needs? (?:a lot of |some |more )?work",
            r"|is lacking",
            r"|are lacking",
            r"|weak",
            r"|robotic",
            r"|laggy",
            r"|unfinished",
            r"|poor",
            r"|shaky",
            r"|fiddly",
            r"|awkward",
            r"|hard to use",
            r"|difficult to use",
            r"|a (?:bit|little|real) (?:of a )?(?:pain|nightmare|disaster)",
            r"|a nightmare",
            r"|a disaster",
            r"|way behind",
            r"|nowhere near",
            r"|held together",
            r"|duct tape",
            r"|hacky",
            r"|struggles",
            r"|(?:still |very |pretty )?early days",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// "We piloted an app…", "we launched a beta…": the interviewer's product, past or present.
    WE_MADE,
    &[
        r"\bwe (?:\w+ly )?(?:piloted|built|launched|tried|shipped|released|made|rolled out|tested|ran) ",
        r"(?:a|an|our|the|this|that) ",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// "Ours" as a subject, standing for the interviewer's product ("ours is slow too").
    OURS,
    &[
        r"(?:^|[,;] |\b(?:yeah|and|but|so|honestly|well|though) )ours\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// Owning up before a criticism: "I'll be upfront", "to be fair", "I know", "we're working on it".
    HEDGE,
    &[
        r"\b(?:",
            r"i will be (?:honest|upfront|straight)",
            r"|i'll be (?:honest|upfront|straight)",
            r"|to be (?:fair|honest)",
            r"|i (?:know|admit|will admit)",
            r"|i won't lie",
            r"|honestly",
            r"|we are (?:working on|fixing|sorting) (?:it|that|this)",
            r"|sorry about",
            r"|apologies",
            r"|bear with",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// Reported speech: "You said our export was slow" repeats their criticism.
    REPORTED,
    &[
        r"^(?:",
            r"you (?:said|mentioned|called|told me|described|were saying|say)",
            r"|so you (?:said|mentioned|feel|think|find)",
            r"|when you say",
            r"|it sounds like you",
        r")\b",
    ].concat()
);

pub(crate) fn check(ctx: &Ctx<'_>, s: &Sentence) -> Option<Hit> {
    // Every finding needs a negative judgement somewhere in the sentence.
    if s.form.is_question() || s.ends_q || !NEGATIVE.may_match_in_part(s) {
        return None;
    }
    let core = s.core_norm();
    if REPORTED.is_match_in(s, core) {
        return None;
    }
    let norm = s.norm.as_str();
    // The owned thing, then a negative judgement within the same clause.
    let owned: Vec<(usize, usize)> = OWNED
        .captures_iter_in(s, norm)
        .filter(|c| {
            c.get(1).is_some_and(|np| {
                let np = np.as_str();
                // "our X" is the company's; "my X" is theirs only when X is a product.
                let mine = c.get(0).is_some_and(|m| m.as_str().starts_with("my "));
                !NOT_PRODUCT.is_match(np) && (!mine || super::selling::names_product_kind(np))
            })
        })
        .filter_map(|c| c.get(0).map(|m| (m.start(), m.end())))
        .chain(ctx.mentions_product(norm))
        .chain(super::selling::own_product(s))
        .chain(WE_MADE.find_in(s, norm).map(|m| (m.start(), m.end())))
        // "ours kind of struggles with duplicates too": the possessive standing for the product.
        .chain(OURS.find_in(s, norm).map(|m| (m.start(), m.end())))
        .chain(
            // "The voice still sounds a bit robotic, I'll be upfront": after a pitch, a definite subject.
            HEDGE
                .find_in(s, norm)
                .filter(|_| ctx.pitching)
                .and_then(|h| {
                    let rest = &norm[h.start()..];
                    let at = if rest.starts_with("the ") {
                        0
                    } else {
                        rest.find(" the ")? + 1
                    };
                    Some((h.start() + at, h.start() + at + 3))
                }),
        )
        .chain(
            // "It's slow, I know" after a pitch.
            (ctx.pitching
                && (core.starts_with("it is ")
                    || core.starts_with("it ")
                    || core.starts_with("that part ")
                    || core.starts_with("this part ")))
            .then_some((s.core_offset(), s.core_offset() + 2)),
        )
        .collect();
    for (a, b) in owned {
        let rest = &norm[b..];
        // Stay within the clause: up to the next strong break.
        let clause_end = rest
            .find(" . ")
            .or_else(|| rest.find(" ; "))
            .unwrap_or(rest.len())
            .min(160);
        let mut cut = clause_end;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        if let Some(m) = NEGATIVE.find_in(s, &rest[..cut]) {
            let end = b + m.end();
            let span = s.source_range(a, end);
            return Some(Hit::new(span, Why::RunsDown));
        }
    }
    None
}

/// The patterns above, for the gate.
pub(super) static PATTERNS: &[&super::pattern::Pattern] = &[
    &OWNED,
    &NOT_PRODUCT,
    &NEGATIVE,
    &WE_MADE,
    &OURS,
    &HEDGE,
    &REPORTED,
];
