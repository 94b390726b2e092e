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

/// Why `self_criticism` fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    /// runs down their own product
    RunsDown,
}

impl Why {
    pub fn message(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Why::RunsDown => "runs down their own product",
        })
    }
}

pattern!(
    /// "our X", "my X", and the product's name: what the interviewer owns.
    OWNED, r"\b(?:our|my) ((?:[\w-]+ ){0,3}?[\w-]+)\b");
pattern!(
    /// Things an interviewer owns that are not the product: the call, the line, themselves.
    NOT_PRODUCT, r"^(?:(?:\w+ )*)(?:audio|mic|microphone|connection|internet|wifi|wi-fi|camera|video|screen|line|signal|bandwidth|laptop|computer|headset|sound|battery|notes|handwriting|memory|english|french|spanish|german|names?|time|schedule|calendar|call|calls|meeting|meetings|chat|conversation|questions?|interview|team|colleagues?|co-?founders?|boss|manager|bad|fault|mistake|apologies|side of things|end|train|commute|kids?|dog|cat|house|office|coffee|lunch|brain|head|voice|accent|typing|spelling|own|thoughts|understanding|english|children|family|parents|wife|husband|partner|son|daughter|mum|mom|dad|friends?|neighbours?|neighbors?|car|garden|country|city|town|government)$");
pattern!(
    NEGATIVE,
    r"\b(?:behind|embarrass\w*|basic|buggy|bugs|bug|flaky|a (?:bit of a |real |total |complete |right )?mess|messy|limited|rough|clunky|broken|slow|ugly|bad|terrible|awful|painful|confusing|annoying|janky|crappy|crap|rubbish|sucks|suck|half-baked|clumsy|outdated|unreliable|glitchy|crash\w*|breaks|not (?:great|good|very good|ideal|perfect|there yet|quite there|much better|the best|finished|ready|polished|pretty|intuitive|reliable|stable)|(?:does not|doesn't|cannot|can't|won't|don't|do not) (?:\w+ ){0,6}?yet|known (?:gap|issue|problem|bug|limitation)|(?:a )?work in progress|far from perfect|needs? (?:a lot of |some |more )?work|is lacking|are lacking|weak|robotic|laggy|unfinished|poor|shaky|fiddly|awkward|hard to use|difficult to use|a (?:bit|little|real) (?:of a )?(?:pain|nightmare|disaster)|a nightmare|a disaster|way behind|nowhere near|held together|duct tape|hacky|struggles|(?:still |very |pretty )?early days)\b"
);
pattern!(
    /// "We piloted an app…", "we launched a beta…": the interviewer's product, past or present.
    WE_MADE,
    r"\bwe (?:\w+ly )?(?:piloted|built|launched|tried|shipped|released|made|rolled out|tested|ran) (?:a|an|our|the|this|that) "
);
pattern!(
    /// "Ours" as a subject, standing for the interviewer's product ("ours is slow too").
    OURS,
    r"(?:^|[,;] |\b(?:yeah|and|but|so|honestly|well|though) )ours\b"
);
pattern!(
    /// Owning up before a criticism: "I'll be upfront", "to be fair", "I know", "we're working on it".
    HEDGE,
    r"\b(?:i will be (?:honest|upfront|straight)|i'll be (?:honest|upfront|straight)|to be (?:fair|honest)|i (?:know|admit|will admit)|i won't lie|honestly|we are (?:working on|fixing|sorting) (?:it|that|this)|sorry about|apologies|bear with)\b"
);
pattern!(
    /// Reported speech: "You said our export was slow" repeats their criticism.
    REPORTED, r"^(?:you (?:said|mentioned|called|told me|described|were saying|say)|so you (?:said|mentioned|feel|think|find)|when you say|it sounds like you)\b");

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
