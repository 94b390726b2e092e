//! `solution-request`: asks the interviewee to design the product.

use std::borrow::Cow;

use super::Sentence;
use super::lexicon;
use super::{Check, Ctx, Example, Hit, Rule, RuleInfo, Scope, SentenceRule, pattern};
use crate::model::Severity;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "solution-request",
        severity: Severity::Warning,
        summary: "asks the interviewee to design the product",
        explanation: "People know their problems; they rarely know the solution, and a feature \
wish-list is an opinion about a future product. Designing the product is your job. Ask \
about the problem behind the wish: what they are trying to get done, what they have \
tried, and what happened when it went wrong. Asking what they have tried or how they \
solve it today is not a solution request.",
        help: "ask about the problem, not the fix: \"What are you trying to get done when that \
            happens? What have you tried?\"",
        examples: &[
            Example {
                bad: "What features would you want in an app like this?",
                better: "What have you tried so far to keep on top of it?",
            },
            Example {
                bad: "If you could design the perfect scheduling tool, what would it do?",
                better: "Walk me through the last time the schedule fell apart.",
            },
            Example {
                bad: "What should we build next?",
                better: "What's the hardest part of your week right now?",
            },
        ],
        scope: Scope::Sentence,
        settings: &[],
    },
    check: Check::Sentence(&SolutionRequest),
};

/// Runs [`check`].
pub(crate) struct SolutionRequest;

impl SentenceRule for SolutionRequest {
    fn check(&self, ctx: &Ctx<'_>, s: &Sentence, _i: usize) -> Option<Hit> {
        check(ctx, s)
    }
}

/// Why `solution-request` fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    /// Asks the interviewee to design the product.
    Design,
}

impl Why {
    pub fn message(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Why::Design => "asks the interviewee to design the product",
        })
    }
}

#[rustfmt::skip]
pattern!(
    FEATURES,
    &[
        r"\b(?:what|which|any) ",
        r"(?:(?:other|new|extra|additional|key|main|specific|kind of|sort of|kinds of|sorts of) )*",
        r"(?:features?|functionality|functions|capabilities|integrations|improvements|options|settings) ",
        r"(?:would|should|could|might|do|does|are|is)?\s?(?:you|we|it|they|your \w+)? ?(?:\w+ ){0,2}?(?:",
            r"want",
            r"|like",
            r"|need",
            r"|build",
            r"|add",
            r"|include",
            r"|see",
            r"|have",
            r"|expect",
            r"|prioriti[sz]e",
            r"|love",
            r"|ask for",
            r"|wish",
            r"|be most",
            r"|matter",
            r"|be (?:a |an |the )?(?:",
                r"must-haves?",
                r"|must haves?",
                r"|musts?",
                r"|essential",
                r"|non-negotiable",
                r"|deal-?breakers?",
                r"|nice to have",
                r"|nice-to-haves?",
                r"|top priority",
                r"|top of (?:the|your) list",
            r")",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    WHAT_WOULD_PRODUCT,
    &format!(
        concat!(
            r"\bwhat (?:would|should|could|might) (?:the |a |an |your |our |this |that |its |such a )?",
            r"(?:(?:ideal|perfect|dream|best|right|magic|new|ultimate|right kind of) )?(?:\w+ )?(?:{PRODUCT}|it) ",
            r"(?:(?:need|have) to |(?:ideally|actually|really) |even )?",
            r"(?:do|have|look like|include|need|offer|show|be like|work like|give you|tell you|contain|cover)\b",
        ),
        PRODUCT = *lexicon::DESIGNABLE_THINGS,
    )
);
#[rustfmt::skip]
pattern!(
    WANT_IT_TO,
    &format!(
        concat!(
            r"\b(?:what|how) (?:would|do|will) you (?:want|like|expect|need|wish) ",
            r"(?:the |a |an |your |our |this |that |it|them|us|me|such a )?(?:\w+ ){{0,2}}(?:{PRODUCT}|it|them|us)",
            r"? ?to (?:do|work|look|have|handle|show|tell|be|help|fix|solve)\b",
        ),
        PRODUCT = *lexicon::DESIGNABLE_THINGS,
    )
);
#[rustfmt::skip]
pattern!(
    DESIGN_IT,
    &[
        r"\b(?:",
            r"if you (?:could|were|had) (?:",
                r"design",
                r"|build",
                r"|create",
                r"|make",
                r"|invent",
                r"|wave",
                r"|change",
                r"|add",
                r"|have a magic",
                r"|had a magic",
                r"|designing",
                r"|building",
                r"|a magic",
            r")",
            r"|(?:magic wand|blank sheet of paper|clean slate)",
            r"|if you were (?:designing|building|making|in charge of (?:building|designing))",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// "What would the perfect claims screen look like?": an ideal anything, described.
    IDEAL_THING,
    &[
        r"\bwhat (?:would|should|could|might) (?:the|your|an?|this|that) ",
        r"(?:ideal|perfect|dream|best possible|magic|ultimate|right) (?:\w+ ){0,3}?",
        r"(?:do|look like|have|include|be like|work like|give you|show you|offer|need)\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    SHOULD_WE,
    &[
        r"\b(?:",
            r"what (?:should|could|would you like|do you want) (?:we|us|me) (?:to )?",
            r"(?:build|add|make|create|change|fix|include|do next|prioriti[sz]e)",
            r"|should we (?:build|add|support|include|offer|make|integrate)",
            r"|what is missing from (?:our|the|this) (?:product|app|tool|roadmap|platform)",
            r"|how should (?:the|our|this|it|that) (?:\w+ )?(?:",
                r"look",
                r"|work",
                r"|behave",
                r"|be laid out",
                r"|remind",
                r"|notify",
                r"|alert",
                r"|warn",
                r"|flag",
                r"|tell",
                r"|show",
                r"|display",
                r"|present",
                r"|prompt",
                r"|nudge",
                r"|handle",
                r"|sort",
                r"|organi[sz]e",
            r")",
            r"|what would make (?:it|this|that|the \w+|our \w+) ",
            r"(?:better|perfect|great|more useful|a ten|a 10|work for you|easier)",
            r"|what would you (?:change|add|improve) (?:about|in|to) (?:our|the|this) ",
            r"(?:product|app|tool|prototype|design|demo|version)",
            r"|(?:rank|prioriti[sz]e) (?:these|the|those) (?:features|ideas|options)",
        r")\b",
    ].concat()
);

pub(crate) fn check(_ctx: &Ctx<'_>, s: &Sentence) -> Option<Hit> {
    if !s.form.is_question() && !s.ends_q {
        return None;
    }
    let core = s.core_norm();
    let off = s.core_offset();
    let m = [
        &FEATURES,
        &WHAT_WOULD_PRODUCT,
        &IDEAL_THING,
        &WANT_IT_TO,
        &SHOULD_WE,
    ]
    .into_iter()
    .find_map(|re| re.find_in(s, core))
    .map(|m| (m.start(), m.end()))
    .or_else(|| {
        // "If you could design the perfect system, what would it do?": the frame plus a question.
        DESIGN_IT
            .find_in(s, core)
            .filter(|_| core.contains("what") || core.contains("how") || core.contains("which"))
            .map(|_| (0, core.len()))
    })?;
    let span = s.source_range(off + m.0, off + m.1);
    Some(Hit::new(span, Why::Design))
}

/// The patterns above, for the gate.
pub(super) static PATTERNS: &[&super::pattern::Pattern] = &[
    &FEATURES,
    &WHAT_WOULD_PRODUCT,
    &WANT_IT_TO,
    &DESIGN_IT,
    &IDEAL_THING,
    &SHOULD_WE,
];
