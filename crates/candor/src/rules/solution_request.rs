//! `solution-request`: asks the interviewee to design the product.

use std::borrow::Cow;

use super::Sentence;
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
    help: "ask about the problem, not the fix: \"What are you trying to get done when that happens? What have you tried?\"",
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

/// Why `solution_request` fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    /// asks the interviewee to design the product
    Design,
}

impl Why {
    pub fn message(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Why::Design => "asks the interviewee to design the product",
        })
    }
}

const PRODUCT: &str = r"(?:app|application|tool|plugin|plug-in|system|product|solution|platform|software|service|dashboard|thing|version|feature|bot|portal|website|site|extension|assistant|integration|interface)s?";

pattern!(
    FEATURES,
    r"\b(?:what|which|any) (?:(?:other|new|extra|additional|key|main|specific|kind of|sort of|kinds of|sorts of) )*(?:features?|functionality|functions|capabilities|integrations|improvements|options|settings) (?:would|should|could|might|do|does|are|is)?\s?(?:you|we|it|they|your \w+)? ?(?:\w+ ){0,2}?(?:want|like|need|build|add|include|see|have|expect|prioriti[sz]e|love|ask for|wish|be most|matter|be (?:a |an |the )?(?:must-haves?|must haves?|musts?|essential|non-negotiable|deal-?breakers?|nice to have|nice-to-haves?|top priority|top of (?:the|your) list))\b"
);
pattern!(
    WHAT_WOULD_PRODUCT,
    &format!(
        r"\bwhat (?:would|should|could|might) (?:the |a |an |your |our |this |that |its |such a )?(?:(?:ideal|perfect|dream|best|right|magic|new|ultimate|right kind of) )?(?:\w+ )?(?:{PRODUCT}|it) (?:(?:need|have) to |(?:ideally|actually|really) |even )?(?:do|have|look like|include|need|offer|show|be like|work like|give you|tell you|contain|cover)\b"
    )
);
pattern!(
    WANT_IT_TO,
    &format!(
        r"\b(?:what|how) (?:would|do|will) you (?:want|like|expect|need|wish) (?:the |a |an |your |our |this |that |it|them|us|me|such a )?(?:\w+ ){{0,2}}(?:{PRODUCT}|it|them|us)? ?to (?:do|work|look|have|handle|show|tell|be|help|fix|solve)\b"
    )
);
pattern!(
    DESIGN_IT,
    r"\b(?:if you (?:could|were|had) (?:design|build|create|make|invent|wave|change|add|have a magic|had a magic|designing|building|a magic)|(?:magic wand|blank sheet of paper|clean slate)|if you were (?:designing|building|making|in charge of (?:building|designing)))\b"
);
pattern!(
    /// "What would the perfect claims screen look like?": an ideal anything, described.
    IDEAL_THING,
    r"\bwhat (?:would|should|could|might) (?:the|your|an?|this|that) (?:ideal|perfect|dream|best possible|magic|ultimate|right) (?:\w+ ){0,3}?(?:do|look like|have|include|be like|work like|give you|show you|offer|need)\b"
);
pattern!(
    SHOULD_WE,
    r"\b(?:what (?:should|could|would you like|do you want) (?:we|us|me) (?:to )?(?:build|add|make|create|change|fix|include|do next|prioriti[sz]e)|should we (?:build|add|support|include|offer|make|integrate)|what is missing from (?:our|the|this) (?:product|app|tool|roadmap|platform)|how should (?:the|our|this|it|that) (?:\w+ )?(?:look|work|behave|be laid out|remind|notify|alert|warn|flag|tell|show|display|present|prompt|nudge|handle|sort|organi[sz]e)|what would make (?:it|this|that|the \w+|our \w+) (?:better|perfect|great|more useful|a ten|a 10|work for you|easier)|what would you (?:change|add|improve) (?:about|in|to) (?:our|the|this) (?:product|app|tool|prototype|design|demo|version)|(?:rank|prioriti[sz]e) (?:these|the|those) (?:features|ideas|options))\b"
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
