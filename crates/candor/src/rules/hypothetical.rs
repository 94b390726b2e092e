//! `hypothetical-question`: asks the interviewee to predict what they would do, use, buy or pay.

use std::borrow::Cow;

use super::Sentence;
use super::lexicon;
use super::{Check, Id, Ctx, Example, Hit, Rule, RuleInfo, Scope, SentenceRule, pattern};
use crate::model::Severity;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "hypothetical-question",
        severity: Severity::Warning,
        summary: "asks the interviewee to predict what they would do, use, buy or pay",
        explanation: "People are optimistic about their future selves and polite about your idea, \
so \"Would you use it?\" and \"How much would you pay?\" get answers that cost nothing to \
give and predict nothing. What people did is evidence; what they say they would do is not. \
Ask about the last time the problem came up, what it cost them, and what they have \
already tried or paid for. Polite requests (\"Would you walk me through…\", \"Would you \
mind…\") and habits (\"What would a driver usually do?\") are not hypothetical.",
        help: "ask about the past: \"Tell me about the last time that happened. What did you do?\"",
        examples: &[
            Example {
                bad: "Would you use an app that did that for you?",
                better: "Tell me about the last time you had to do that. What did you use?",
            },
            Example {
                bad: "How much would you pay for something like this?",
                better: "What have you spent trying to solve this so far?",
            },
            Example {
                bad: "If we built a Slack integration, would your team switch?",
                better: "What made your team pick the tool you use now?",
            },
            Example {
                bad: "Do you think your manager would go for it?",
                better: "How did your manager decide on the last tool you bought?",
            },
            Example {
                bad: "If it cost half as much, would you switch?",
                better: "What happened the last time you tried to move off the tool you use now?",
            },
        ],
        scope: Scope::Sentence,
        settings: &[],
    },
    check: Check::Sentence(&Hypothetical),
};

/// Runs [`check`].
pub(crate) struct Hypothetical;

impl SentenceRule for Hypothetical {
    fn check(&self, ctx: &Ctx<'_>, s: &Sentence, i: usize) -> Option<Hit> {
        check(ctx, s, i)
    }

    fn yields_to(&self) -> &'static [Id] {
        // A solution request phrased with "would" is not also hypothetical.
        &[Id::SolutionRequest]
    }
}

/// Why `hypothetical-question` fired: what it asks them to predict or imagine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    Price,
    WhatIf,
    Outcome,
    Someone,
    SeeYourself,
    Likely,
    Change,
    Predict,
    SomeoneUse,
    Different,
    Imagined,
}

impl Why {
    pub fn message(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Why::Price => "asks for a price they would pay: what people say they would pay predicts little",
            Why::WhatIf => "asks what they would do in an imagined situation",
            Why::Outcome => "asks them to predict the outcome of an imagined situation",
            Why::Someone => "asks them to predict what someone would do",
            Why::SeeYourself => "asks them to imagine themselves using it",
            Why::Likely => "asks how likely they are to do something in future",
            Why::Change => "asks them to predict how an idea would change what they do",
            Why::Predict => "asks them to predict whether they would use, buy or switch",
            Why::SomeoneUse => "asks them to predict whether someone would use it",
            Why::Different => "asks what they would do if something were different",
            Why::Imagined => "asks them to answer for an imagined situation",
        })
    }
}

#[rustfmt::skip]
pattern!(
    WOULD_SUBJECT_VERB,
    &format!(
        concat!(
            r"\b(?:would|will|could|might) {SUBJECT} (?:",
                r"(?:",
                    r"ever",
                    r"|actually",
                    r"|really",
                    r"|still",
                    r"|then",
                    r"|realistically",
                    r"|honestly",
                    r"|definitely",
                    r"|seriously",
                    r"|probably",
                    r"|consider",
                    r"|even",
                    r"|also",
                    r"|be likely to",
                    r"|be willing to",
                    r"|be open to",
                    r"|be inclined to",
                    r"|be tempted to",
                    r"|be prepared to",
                    r"|be happy to",
                    r"|be up for",
                    r"|be keen to",
                    r"|be keen on",
                    r"|be game to",
                    r"|be down to",
                    r"|be interested in",
                    r"|want to",
                    r"|go ahead and",
                    r"|end up",
                r") ",
            r")*{BEHAVIOUR}\b",
        ),
        BEHAVIOUR = *lexicon::BEHAVIOURS,
        SUBJECT = *lexicon::SUBJECTS,
    )
);
#[rustfmt::skip]
pattern!(
    SUBJECT_WOULD_VERB,
    &format!(
        concat!(
            r"\b(?:you|your (?:\w+ ){{0,2}}?\w+|they|people|anyone|the (?:\w+ ){{0,2}}?\w+) ",
            r"(?:would|will|might|could) ",
            r"(?:(?:ever|actually|really|still|definitely|probably|consider|even|also|be willing to|want to) )",
            r"*{BEHAVIOUR}\b",
        ),
        BEHAVIOUR = *lexicon::BEHAVIOURS,
    )
);
#[rustfmt::skip]
pattern!(
    /// Whether someone would do anything at all with a product: "would your cleaners actually
    /// Check an app for their rounds?", "would you open it every morning?".
    WOULD_WITH_PRODUCT,
    &format!(
        concat!(
            r"\b(?:would|will) {SUBJECT} (?:(?:ever|actually|really|still|realistically|honestly|even) )*(?:\w+) ",
            r"(?:(?:an?|the|our|this|that|such an?|your own) )?(?:",
                r"app",
                r"|tool",
                r"|product",
                r"|platform",
                r"|system",
                r"|service",
                r"|portal",
                r"|dashboard",
                r"|(?:thing|something|one) like (?:that|this|it)",
            r")\b",
        ),
        SUBJECT = *lexicon::SUBJECTS,
    )
);
#[rustfmt::skip]
pattern!(
    THINK_WOULD,
    &[
        r"\b(?:do|did) you (?:think|reckon|imagine|see|expect|believe|feel like) (?:that )?(?:\w+ ){0,3}?",
        r"(?:would|will|might|could) (?:ever |actually |really |still |definitely |even )?(?:",
            r"use",
            r"|buy",
            r"|pay",
            r"|switch",
            r"|go for",
            r"|adopt",
            r"|sign",
            r"|try",
            r"|want",
            r"|approve",
            r"|take",
            r"|move",
            r"|get",
            r"|recommend",
            r"|be interested",
            r"|consider",
            r"|need",
            r"|like",
            r"|replace",
            r"|ditch",
            r"|drop",
            r"|choose",
            r"|pick",
            r"|spend",
            r"|invest",
            r"|budget",
            r"|sign off",
            r"|commit",
            r"|bother",
            r"|log in",
            r"|sign up",
            r"|order",
            r"|book",
            r"|start",
            r"|stop",
            r"|keep",
            r"|pick up",
            r"|embrace",
            r"|welcome",
            r"|accept",
            r"|prefer",
            r"|rather",
            r"|agree",
            r"|go along",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    SEE_YOURSELF,
    &[
        r"\b(?:could|can|do|would) you (?:see|imagine|picture) (?:yourself|(?:\w+ ){1,5}?)(?:",
            r"using",
            r"|switching",
            r"|buying",
            r"|paying",
            r"|adopting",
            r"|trying",
            r"|moving",
            r"|signing up",
            r"|going for",
            r"|wanting",
            r"|relying on",
            r"|recommending",
        r")\b",
    ].concat()
);
pattern!(
    HOW_LIKELY,
    r"\bhow likely (?:would|are|is|will|do you think)\b"
);
#[rustfmt::skip]
pattern!(
    PRICE,
    &[
        r"\b(?:",
            r"how much (?:would|will|might|could|do you think|you think|would you say)\b.*\b",
            r"(?:pay|spend|charge|cost|worth|budget|invest|afford|fork out|shell out)\b",
            r"|(?:okay|ok|fair|reasonable|acceptable|sensible|right) to (?:pay|spend)\b",
            r"|what would (?:you|your (?:\w+ ){0,2}?\w+|they) (?:be willing to |expect to |want to )?",
            r"(?:pay|spend|budget|charge)\b",
            r"|(?:willing|prepared|happy|able) to (?:pay|spend|invest|fork out)\b",
            r"|willingness to pay",
            r"|what (?:price|price point|pricing) (?:would|do you think|seems|feels|sounds)\b",
            r"|how much (?:is|would) (?:that|this|it|something like (?:that|this)) (?:be )?worth (?:it )",
            r"?to you",
            r"|worth (?:it )?to you (?:a|per) (?:month|year|week)",
            r"|(?:too expensive|too cheap|cheap or expensive|fair price|reasonable price)\b",
        r")",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    WHAT_IF,
    &[
        r"\b(?:",
            r"what if (?:we|you|there|i|it|this|that|a|an)\b",
            r"|what (?:would|might|could) (?:you|your (?:\w+ ){0,2}?\w+|they) do (?:if|when|instead)\b",
            r"|what would it take (?:for|to)\b",
        r")",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    IF_WOULD,
    &[
        r"\bif (?:",
            r"we",
            r"|you",
            r"|i",
            r"|they",
            r"|there",
            r"|a",
            r"|an",
            r"|it",
            r"|this",
            r"|that",
            r"|your",
            r"|the",
            r"|someone",
            r"|somebody",
            r"|something",
            r"|one day",
            r"|money",
            r"|price",
            r"|cost",
            r"|cost was",
            r"|we were to",
            r"|you were to",
            r"|you had",
            r"|you could",
        r")\b[^?]*?\b(?:would|will|could|might) (?:you|your|they|it|the|that|this|he|she|people|anyone)\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// An imagined condition, then a wh-question about its outcome: "If a vendor had all that
    /// Ready on day one, how much faster do you think the review would go?".
    IF_THEN_WH,
    &[
        r"^if\b[^?]*?, (?:how|what|which|who|where|when)\b[^?]*?\b(?:would|will)\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    IMAGINE,
    &[
        r"(?:^|[,\-:;] |\b(?:and|so|but|now|okay|ok) )(?:",
            r"imagine",
            r"|imagining",
            r"|suppose",
            r"|supposing",
            r"|let us say",
            r"|let's say",
            r"|hypothetically",
            r"|picture this",
            r"|picture (?:a|an|your|if)",
            r"|pretend",
            r"|in an ideal world",
            r"|in a perfect world",
            r"|say (?:there|we|you|they|it) (?:was|were|is|had|gave|built|made|added|offered|got|could|did)",
            r"|assume (?:we|there|you)",
            r"|in the future",
            r"|down the line",
        r")\b",
        r"|\bimagine (?:if|that|a|an|you|we|there|having|being)\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    IMAGINE_FRAME,
    &[
        r"^(?:",
            r"imagine",
            r"|suppose",
            r"|picture",
            r"|pretend",
            r"|let us say",
            r"|let's say",
            r"|say (?:there|we|you)",
            r"|hypothetically",
            r"|in an ideal world",
            r"|in a perfect world",
            r"|assume",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    WOULD_THAT_CHANGE,
    &[
        r"\b(?:would|will) (?:that|this|it|something like (?:that|this)) (?:",
            r"change (?:how|the way|what)",
            r"|make you (?:switch|move|use|buy|stop|change|leave)",
            r"|get you to",
            r"|stop you (?:from )?using",
            r"|replace",
        r")\b",
    ].concat()
);

// Not hypothetical: polite requests, past counterfactuals, habits, referrals.
#[rustfmt::skip]
pattern!(
    POLITE,
    &[
        r"\b(?:would|could|will) you (?:",
            r"mind",
            r"|say",
            r"|describe",
            r"|suggest",
            r"|recommend (?:someone|anyone|that i|i|me)",
            r"|agree",
            r"|like to add",
            r"|walk",
            r"|tell",
            r"|explain",
            r"|share",
            r"|talk",
            r"|take me",
            r"|run me",
            r"|be (?:able|free|available|up for|open to (?:a |another )?(?:chat|call|talk|follow|catch))",
            r"|put me in touch",
            r"|introduce",
            r"|connect",
            r"|send",
            r"|forward",
            r"|let me",
            r"|give me",
            r"|show me",
            r"|help me",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    COUNTERFACTUAL,
    &[
        r"\b(?:would|could|might) (?:you |they |it |your \w+ |that |this )?have (?:",
            r"\w+ed",
            r"|done",
            r"|been",
            r"|gone",
            r"|said",
            r"|made",
            r"|taken",
            r"|known",
            r"|seen",
            r"|had",
            r"|thought",
            r"|felt",
            r"|found",
            r"|got",
            r"|gotten",
            r"|bought",
            r"|paid",
            r"|caught",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    HABITUAL,
    &[
        r"\b(?:",
            r"usually",
            r"|normally",
            r"|typically",
            r"|generally",
            r"|tend to",
            r"|in general",
            r"|these days",
            r"|on a normal",
            r"|on a typical",
            r"|each time",
            r"|every time",
        r")\b",
    ].concat()
);
pattern!(
    ADD_TO_SUMMARY,
    r"\bwhat would you (?:add|change|correct) (?:to|about) (?:that|this|what i)\b"
);

fn help_for(s: &Sentence, core: &str) -> &'static str {
    if PRICE.is_match_in(s, core) {
        "ask what it costs them now: \"What does this problem cost you today?\" or \"What have \
            you paid for to solve it?\""
    } else if core.contains("switch") {
        "ask about the last switch: \"What made you move to the tool you use now?\""
    } else if core.contains("manager")
        || core.contains("boss")
        || core.contains("approve")
        || core.contains("sign off")
    {
        "ask how it went last time: \"How did the last tool you bought get approved?\""
    } else {
        RULE.info.help
    }
}

pub(crate) fn check(ctx: &Ctx<'_>, s: &Sentence, i: usize) -> Option<Hit> {
    if !s.form.is_question() && !s.ends_q {
        return None;
    }
    let core = s.core_norm();
    let off = s.core_offset();
    if COUNTERFACTUAL.is_match_in(s, core) || ADD_TO_SUMMARY.is_match_in(s, core) {
        return None;
    }
    let habitual = HABITUAL.is_match_in(s, core);
    let polite = POLITE.is_match_in(s, core);
    let first = |list: &[(&super::pattern::Pattern, Why)]| {
        list.iter()
            .find_map(|(re, msg)| re.find_in(s, core).map(|m| (m.start(), m.end(), *msg)))
    };
    let found = first(&[
        (
            &PRICE,
            Why::Price,
        ),
        (&WHAT_IF, Why::WhatIf),
        (
            &IF_THEN_WH,
            Why::Outcome,
        ),
        (&THINK_WOULD, Why::Someone),
        (&SEE_YOURSELF, Why::SeeYourself),
        (
            &HOW_LIKELY,
            Why::Likely,
        ),
        (
            &WOULD_THAT_CHANGE,
            Why::Change,
        ),
    ])
    .or_else(|| {
        if habitual || polite {
            return None;
        }
        first(&[
            (
                &WOULD_SUBJECT_VERB,
                Why::Predict,
            ),
            (
                &SUBJECT_WOULD_VERB,
                Why::Predict,
            ),
            (
                &WOULD_WITH_PRODUCT,
                Why::SomeoneUse,
            ),
            (
                &IF_WOULD,
                Why::Different,
            ),
        ])
    })
    .or_else(|| {
        if polite {
            return None;
        }
        // "Imagine a tool that… How much would that be worth?": a question inside an imagined frame.
        const MSG: Why = Why::Imagined;
        // "I imagine that's painful" supposes; it does not ask them to imagine.
        let own = |at: usize| {
            core[..at].ends_with("i ")
                || core[..at].ends_with("i would ")
                || core[..at].ends_with("i can ")
        };
        match IMAGINE
            .find_iter_in(s, core)
            .find(|m| !own(m.start() + m.as_str().find("imagine").unwrap_or(0)))
        {
            Some(m) => Some((m.start(), m.end(), MSG)),
            None => (i > 0
                && IMAGINE_FRAME
                    .is_match_in(&ctx.sentences[i - 1], ctx.sentences[i - 1].core_norm()))
            .then_some((0, core.len(), MSG)),
        }
    });
    let (a, b, msg) = found?;
    let span = s.source_range(off + a, off + b);
    Some(
        Hit::new(span, msg).help(help_for(s, core)),
    )
}

/// The patterns above, for the gate.
pub(super) static PATTERNS: &[&super::pattern::Pattern] = &[
    &WOULD_SUBJECT_VERB,
    &SUBJECT_WOULD_VERB,
    &THINK_WOULD,
    &SEE_YOURSELF,
    &HOW_LIKELY,
    &PRICE,
    &WHAT_IF,
    &IF_WOULD,
    &IMAGINE,
    &IMAGINE_FRAME,
    &WOULD_THAT_CHANGE,
    &WOULD_WITH_PRODUCT,
    &IF_THEN_WH,
    &POLITE,
    &COUNTERFACTUAL,
    &HABITUAL,
    &ADD_TO_SUMMARY,
];
