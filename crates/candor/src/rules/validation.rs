//! `validation-seeking`: asks for approval of the interviewer's idea or product.

use std::borrow::Cow;

use super::Sentence;
use super::lexicon;
use super::{Check, Ctx, Example, Hit, Rule, RuleInfo, Scope, SentenceRule, pattern};
use crate::model::Severity;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "validation-seeking",
        severity: Severity::Warning,
        summary: "asks for approval of the interviewer's idea or product",
        explanation: "Asked whether they like your idea, most people say yes to be kind. The \
compliment feels like progress and teaches nothing: opinions about an idea are not \
evidence that anyone will use it. Ask how they deal with the problem now and what \
they have tried; their behaviour tells you whether the idea matters. Asking how they \
judge the tools they already use is fine.",
        help: "ask about their world, not your idea: \"How are you dealing with this now? What have you tried?\"",
        examples: &[
            Example {
                bad: "Do you like the idea of automatic reminders?",
                better: "How do you remind people at the moment?",
            },
            Example {
                bad: "What do you think of our concept?",
                better: "What did you try last time this happened?",
            },
            Example {
                bad: "Is this something you'd find useful?",
                better: "How do you handle that today?",
            },
        ],
        scope: Scope::Sentence,
        settings: &[],
    },
    check: Check::Sentence(&Validation),
};

/// Runs [`check`].
pub(crate) struct Validation;

impl SentenceRule for Validation {
    fn check(&self, ctx: &Ctx<'_>, s: &Sentence, i: usize) -> Option<Hit> {
        check(ctx, s, i)
    }
}

/// Why `validation-seeking` fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    /// Asks for a verdict on the idea: people are kind, and kindness is not evidence.
    Verdict,
}

impl Why {
    pub fn message(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Why::Verdict => "asks for a verdict on the idea: people are kind, and kindness is not evidence",
        })
    }
}

#[rustfmt::skip]
pattern!(
    LIKE_IDEA,
    &format!(
        concat!(
            r"\b(?:do|did|would|will|could) you (?:like|love|dig|hate|prefer) (?:the |this |that |our |my |an |a )",
            r"?(?:\w+ )?{IDEA}\b",
        ),
        IDEA = *lexicon::IDEA_NOUNS,
    )
);
pattern!(
    LIKE_PRONOUN,
    r"\b(?:do|would|will) you (?:like|love) (?:it|this|that|them)\b"
);
#[rustfmt::skip]
pattern!(
    THINK_OF_IDEA,
    &format!(
        concat!(
            r"\bwhat (?:do|would) you (?:think|make) (?:of|about) (?:the |this |that |our |my |an |a )?(?:\w+ )",
            r"?{IDEA}\b",
        ),
        IDEA = *lexicon::IDEA_NOUNS,
    )
);
#[rustfmt::skip]
pattern!(
    THINK_OF_PRONOUN,
    &[
        r"\bwhat (?:do|would) you (?:think|make) (?:of|about) (?:it|this|that|them|all that|all this)\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    IS_IT_GOOD,
    &format!(
        concat!(
            r"\b(?:is|would|does|could|will|do you think) (?:",
                r"this",
                r"|that",
                r"|it",
                r"|something like (?:this|that)",
                r"|a (?:tool|app|product) like (?:this|that)",
                r"|the idea",
                r"|our (?:\w+ )?{IDEA}",
                r"|this idea",
                r"|that idea",
                r"|this \w+",
                r"|that \w+",
            r") (?:",
                r"(?:be|sound|seem|look|feel) (?:",
                    r"like (?:it|that|this|something that) (?:would|could|might|will) (?:really |actually )?",
                    r"(?:be )?",
                r")?",
            r")?(?:",
                r"(?:something|anything|the (?:kind|sort|type) of thing|the (?:kind|sort|type) of \w+) ",
                r"(?:you|that you) (?:would |might |could )?(?:find |consider |call )?",
            r")?(?:really |actually |genuinely |at all )?{VERDICT}\b",
        ),
        IDEA = *lexicon::IDEA_NOUNS,
        VERDICT = *lexicon::VERDICTS,
    )
);
#[rustfmt::skip]
pattern!(
    HOW_GOOD,
    &[
        r"\bhow (?:useful|helpful|valuable|interesting|appealing|exciting|good|cool|important) ",
        r"(?:would|is|does|do you think|might) ",
        r"(?:that|this|it|something like (?:that|this)|the idea|our \w+|having)\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// "Would it help to have the letters go out automatically?": a verdict on a named proposal.
    HELP_TO_HAVE,
    &[
        r"\b(?:would|could|does|will) (?:it|that|this) (?:really |actually )?",
        r"(?:help|be (?:useful|helpful|valuable|easier|better)) (?:you |your \w+ )?",
        r"(?:to (?:have|get|be able|see|know)|if (?:you|we|it|the|there|your))\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    PROPOSAL_SOUND,
    &[
        r"\b(?:",
            r"how (?:does|would) having\b.*?\bsound",
            r"|how (?:would|do) you feel about (?:having|using|getting)",
            r"|how would (?:it|that|you) feel (?:if|to have|to get|having)",
            r"|what would you think (?:of|about) (?:having|using|getting|it if)",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    SOUND,
    &[
        r"\b(?:",
            r"how does (?:that|this|it|the idea|our \w+) sound",
            r"|(?:does|would) (?:that|this|it) sound (?:",
                r"good",
                r"|useful",
                r"|helpful",
                r"|interesting",
                r"|like something",
                r"|right",
                r"|appealing",
                r"|ok",
                r"|okay",
                r"|great",
                r"|exciting",
                r"|valuable",
                r"|nice",
                r"|cool",
            r")",
            r"|how (?:would|do) you feel about (?:that|this|it|the idea|having|using)",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// "Do you think grouping duplicates automatically would be a good idea?": a verdict on a proposal.
    PROPOSAL_VERDICT,
    &[
        r"\b(?:do you think|would you say) (?:\w+ing)\b(?: \w+){0,6}? (?:would|could|might|will|is|are) ",
        r"(?:be|make) (?:",
            r"a (?:good|great|smart|useful|sensible) idea",
            r"|useful",
            r"|helpful",
            r"|valuable",
            r"|worthwhile",
            r"|worth (?:it|doing|having|building|paying for|trying)",
        r")",
        r"|(?:do you think|would you say) (?:it|that|this) (?:would|could|might|is) (?:be )?",
        r"(?:a (?:good|great|smart) idea|worth (?:building|doing|having|paying for))\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    STRONG,
    &[
        r"\b(?:",
            r"am i (?:onto|on to) something",
            r"|(?:rate|score) (?:the|this|my|our) (?:idea|concept|pitch)",
            r"|first impressions? of (?:the|our|this|my)",
            r"|(?:does|would|could) (?:this|that|it|our \w+) (?:solve|fix|address) (?:your|the|this|that) ",
            r"(?:problem|issue|pain)",
            r"|from what (?:i|we) (?:have|'ve)? ?(?:described|said|shown|told you|explained|pitched)",
            r"|be honest\b.*\b(?:good idea|like it|useful|worth it)",
        r")\b",
    ].concat()
);

#[rustfmt::skip]
pattern!(
    /// A reaction asked for after a pitch: "What's your gut reaction to that?", "Am I on the
    /// right track with that?", "Does that resonate?" (after a summary these check understanding).
    REACTION,
    &[
        r"\b(?:",
            r"what (?:is|are) your (?:gut |first |honest |initial |immediate |overall )?",
            r"(?:reaction|reactions|take|impression|impressions|feeling|feelings|verdict|opinion|thoughts)",
            r"(?: (?:to|on|of|about) (?:it|this|that|all that|all this|the idea|what i))? \?",
            r"|(?:reaction|reactions|take|impression|impressions|feeling|feelings|verdict|opinion|thoughts) ",
            r"(?:to|on|of|about) (?:it|this|that|all that|all this|the idea|what i)",
            r"|(?:any|what are your) (?:first |initial |honest )?thoughts (?:on|about) (?:it|this|that)",
            r"|am i ",
            r"(?:on the right track|barking up the wrong tree|crazy|mad|way off|off base|missing the mark)",
            r"|are we (?:on the right track|onto something|on to something)",
            r"|does (?:that|this|it) (?:resonate|land|click|appeal)",
            r"|how does (?:that|this|it) (?:land|strike you|grab you)",
            r"|what strikes you about (?:it|that|this)",
            r"|^(?:(?:pretty|really|super|so|quite|very) )?",
            r"(?:cool|neat|useful|handy|nice|great|awesome|helpful|smart|slick|clever)(?: ,)? ",
            r"(?:right|eh|huh|no|yeah) \?",
        r")",
    ].concat()
);

#[rustfmt::skip]
pattern!(
    /// "Is that the sort of thing your team would value?": whether they would want it.
    THING_YOU_WOULD,
    &[
        r"\b(?:is|would) (?:this|that|it) (?:be )?",
        r"(?:the (?:kind|sort|type) of (?:thing|tool|product|feature|service|app)|something) (?:that )?",
        r"(?:you|your (?:\w+ )?\w+|they|people|your team) (?:would|might|could) (?:really |actually )?",
        r"(?:value|appreciate|want|love|like|welcome|use|need|find (?:useful|helpful|valuable))\b",
    ].concat()
);

pub(crate) fn check(ctx: &Ctx<'_>, s: &Sentence, _i: usize) -> Option<Hit> {
    if !s.form.is_question() && !s.ends_q {
        return None;
    }
    let core = s.core_norm();
    let off = s.core_offset();
    // Always about their idea when it says so; a bare "it"/"that" only after a pitch.
    let explicit = [
        &LIKE_IDEA,
        &THINK_OF_IDEA,
        &STRONG,
        &PROPOSAL_VERDICT,
        &PROPOSAL_SOUND,
        &HELP_TO_HAVE,
        &THING_YOU_WOULD,
    ]
    .into_iter()
    .find_map(|re| re.find_in(s, core));
    let m = explicit.or_else(|| {
        let pronoun_ok = ctx.pitching || ctx.mentions_product(core).is_some();
        [
            &IS_IT_GOOD,
            &HOW_GOOD,
            &SOUND,
            &LIKE_PRONOUN,
            &THINK_OF_PRONOUN,
            &REACTION,
        ]
        .into_iter()
        .find_map(|re| re.find_in(s, core))
        .filter(|m| {
            let t = m.as_str();
            pronoun_ok
                || [
                    "idea",
                    "concept",
                    "something like",
                    "something you would",
                    "something you might",
                    "something you could",
                ]
                .iter()
                .any(|w| t.contains(w))
        })
    })?;
    // Judging tools they already use is not validation: "How do you judge whether it's working?"
    if core.contains("your current") || core.contains("you already") || core.contains("you use now")
    {
        return None;
    }
    let span = s.source_range(off + m.start(), off + m.end());
    Some(
        Hit::new(span, Why::Verdict),
    )
}

/// The patterns above, for the gate.
pub(super) static PATTERNS: &[&super::pattern::Pattern] = &[
    &LIKE_IDEA,
    &LIKE_PRONOUN,
    &THINK_OF_IDEA,
    &THINK_OF_PRONOUN,
    &IS_IT_GOOD,
    &HOW_GOOD,
    &HELP_TO_HAVE,
    &PROPOSAL_SOUND,
    &SOUND,
    &STRONG,
    &PROPOSAL_VERDICT,
    &REACTION,
    &THING_YOU_WOULD,
];
