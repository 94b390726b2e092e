//! `validation-seeking`: asks for approval of the interviewer's idea or product.

use std::borrow::Cow;

use super::Sentence;
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

/// Why `validation` fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    /// asks for a verdict on the idea: people are kind, and kindness is not evidence
    Verdict,
}

impl Why {
    pub fn message(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Why::Verdict => "asks for a verdict on the idea: people are kind, and kindness is not evidence",
        })
    }
}

/// Words for the interviewer's own idea or product.
const IDEA: &str = r"(?:idea|ideas|concept|approach|pitch|prototype|mockup|mock-up|design|solution|proposal|plan|feature|features|product|app|tool|thing we|what we (?:are|have) (?:building|built|made|making|described)|sound of (?:that|this|it))";
/// A verdict.
const VERDICT: &str = r"(?:useful|helpful|valuable|interesting|good|great|cool|appealing|exciting|worthwhile|worth it|worth having|handy|attractive|compelling|relevant|beneficial|nice|neat|smart|clever|a good idea|a great idea|a good fit|a fit|make sense|makes sense|like something you|help|helps|help you|help your \w+|make (?:your|their|the|things|life|work|the job)(?: \w+)? (?:easier|simpler|better|less painful)|save (?:you|your \w+)? ?(?:time|effort|hassle|money)|be a (?:big |real )?help|solve (?:it|that|this|your problem|the problem)|fix (?:it|that|this))";

pattern!(
    LIKE_IDEA,
    &format!(
        r"\b(?:do|did|would|will|could) you (?:like|love|dig|hate|prefer) (?:the |this |that |our |my |an |a )?(?:\w+ )?{IDEA}\b"
    )
);
pattern!(
    LIKE_PRONOUN,
    r"\b(?:do|would|will) you (?:like|love) (?:it|this|that|them)\b"
);
pattern!(
    THINK_OF_IDEA,
    &format!(
        r"\bwhat (?:do|would) you (?:think|make) (?:of|about) (?:the |this |that |our |my |an |a )?(?:\w+ )?{IDEA}\b"
    )
);
pattern!(
    THINK_OF_PRONOUN,
    r"\bwhat (?:do|would) you (?:think|make) (?:of|about) (?:it|this|that|them|all that|all this)\b"
);
pattern!(
    IS_IT_GOOD,
    &format!(
        r"\b(?:is|would|does|could|will|do you think) (?:this|that|it|something like (?:this|that)|a (?:tool|app|product) like (?:this|that)|the idea|our (?:\w+ )?{IDEA}|this idea|that idea|this \w+|that \w+) (?:(?:be|sound|seem|look|feel) (?:like (?:it|that|this|something that) (?:would|could|might|will) (?:really |actually )?(?:be )?)?)?(?:(?:something|anything|the (?:kind|sort|type) of thing|the (?:kind|sort|type) of \w+) (?:you|that you) (?:would |might |could )?(?:find |consider |call )?)?(?:really |actually |genuinely |at all )?{VERDICT}\b"
    )
);
pattern!(
    HOW_GOOD,
    r"\bhow (?:useful|helpful|valuable|interesting|appealing|exciting|good|cool|important) (?:would|is|does|do you think|might) (?:that|this|it|something like (?:that|this)|the idea|our \w+|having)\b"
);
pattern!(
    /// "Would it help to have the letters go out automatically?": a verdict on a named proposal.
    HELP_TO_HAVE,
    r"\b(?:would|could|does|will) (?:it|that|this) (?:really |actually )?(?:help|be (?:useful|helpful|valuable|easier|better)) (?:you |your \w+ )?(?:to (?:have|get|be able|see|know)|if (?:you|we|it|the|there|your))\b"
);
pattern!(
    PROPOSAL_SOUND,
    r"\b(?:how (?:does|would) having\b.*?\bsound|how (?:would|do) you feel about (?:having|using|getting)|how would (?:it|that|you) feel (?:if|to have|to get|having)|what would you think (?:of|about) (?:having|using|getting|it if))\b"
);
pattern!(
    SOUND,
    r"\b(?:how does (?:that|this|it|the idea|our \w+) sound|(?:does|would) (?:that|this|it) sound (?:good|useful|helpful|interesting|like something|right|appealing|ok|okay|great|exciting|valuable|nice|cool)|how (?:would|do) you feel about (?:that|this|it|the idea|having|using))\b"
);
pattern!(
    /// "Do you think grouping duplicates automatically would be a good idea?": a verdict on a proposal.
    PROPOSAL_VERDICT,
    r"\b(?:do you think|would you say) (?:\w+ing)\b(?: \w+){0,6}? (?:would|could|might|will|is|are) (?:be|make) (?:a (?:good|great|smart|useful|sensible) idea|useful|helpful|valuable|worthwhile|worth (?:it|doing|having|building|paying for|trying))|(?:do you think|would you say) (?:it|that|this) (?:would|could|might|is) (?:be )?(?:a (?:good|great|smart) idea|worth (?:building|doing|having|paying for))\b"
);
pattern!(
    STRONG,
    r"\b(?:am i (?:onto|on to) something|(?:rate|score) (?:the|this|my|our) (?:idea|concept|pitch)|first impressions? of (?:the|our|this|my)|(?:does|would|could) (?:this|that|it|our \w+) (?:solve|fix|address) (?:your|the|this|that) (?:problem|issue|pain)|from what (?:i|we) (?:have|'ve)? ?(?:described|said|shown|told you|explained|pitched)|be honest\b.*\b(?:good idea|like it|useful|worth it))\b"
);

pattern!(
    /// A reaction asked for after a pitch: "What's your gut reaction to that?", "Am I on the
    /// right track with that?", "Does that resonate?" (after a summary these check understanding).
    REACTION,
    r"\b(?:what (?:is|are) your (?:gut |first |honest |initial |immediate |overall )?(?:reaction|reactions|take|impression|impressions|feeling|feelings|verdict|opinion|thoughts)(?: (?:to|on|of|about) (?:it|this|that|all that|all this|the idea|what i))? \?|(?:reaction|reactions|take|impression|impressions|feeling|feelings|verdict|opinion|thoughts) (?:to|on|of|about) (?:it|this|that|all that|all this|the idea|what i)|(?:any|what are your) (?:first |initial |honest )?thoughts (?:on|about) (?:it|this|that)|am i (?:on the right track|barking up the wrong tree|crazy|mad|way off|off base|missing the mark)|are we (?:on the right track|onto something|on to something)|does (?:that|this|it) (?:resonate|land|click|appeal)|how does (?:that|this|it) (?:land|strike you|grab you)|what strikes you about (?:it|that|this)|^(?:(?:pretty|really|super|so|quite|very) )?(?:cool|neat|useful|handy|nice|great|awesome|helpful|smart|slick|clever)(?: ,)? (?:right|eh|huh|no|yeah) \?)"
);

pattern!(
    /// "Is that the sort of thing your team would value?": whether they would want it.
    THING_YOU_WOULD,
    r"\b(?:is|would) (?:this|that|it) (?:be )?(?:the (?:kind|sort|type) of (?:thing|tool|product|feature|service|app)|something) (?:that )?(?:you|your (?:\w+ )?\w+|they|people|your team) (?:would|might|could) (?:really |actually )?(?:value|appreciate|want|love|like|welcome|use|need|find (?:useful|helpful|valuable))\b"
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
