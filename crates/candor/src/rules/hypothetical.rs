//! `hypothetical-question`: asks the interviewee to predict what they would do, use, buy or pay.

use std::borrow::Cow;

use super::Sentence;
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
            bad: "If a vendor had all that ready, how much faster do you think the review would go?",
            better: "Tell me about the last review that went quickly. What made it quick?",
        },
    ],
    scope: Scope::Sentence,
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

/// Subjects whose future behaviour a question can ask about.
const SUBJECT: &str = r"(?:you|you guys|your (?:\w+ ){0,2}?\w+|the (?:\w+ ){0,2}?\w+|they|he|she|people|anyone|folks|customers|clients|staff|your team|your company)";
/// Behaviour verbs: using, buying, paying, switching.
const BEHAVIOUR: &str = r"(?:us(?:e|ing)|buy(?:ing)?|pay(?:ing)?|purchas(?:e|ing)|switch(?:ing)?|sign(?:ing)? (?:up|on)|subscrib(?:e|ing)|try(?:ing)?|adopt(?:ing)?|recommend(?:ing)? (?:it|this|that|us)|upgrad(?:e|ing)|mov(?:e|ing) (?:over|to|across)|install(?:ing)?|download(?:ing)?|go(?:ing)? for|tak(?:e|ing) (?:it|that|this|its|their|the|those|these|us up)|put(?:ting)? (?:the|it|that|this|your|a)|spend(?:ing)?|choos(?:e|ing)|pick(?:ing)?|replac(?:e|ing)|ditch(?:ing)?|drop(?:ping)?|invest(?:ing)?|budget(?:ing)?|approv(?:e|ing)|sign(?:ing)? off|commit(?:ting)?|pilot(?:ing)?|trial(?:l?ing)?|be interested|be a customer|become a customer|pre-?order(?:ing)?|order(?:ing)? (?:it|one|that)|get(?:ting)? (?:it|one|that|this)|turn(?:ing)? (?:it|that|this) on|switch(?:ing)? (?:it|that|this) on|want (?:it|that|this|one|something|a|an|to use|to try|to switch|more|less)|need (?:it|that|this|something|one)|prefer|rather|change (?:how|the way|what)|stop (?:using|doing)|start using|keep using|renew(?:ing)?|cancel(?:ling|ing)?|rely on|trust (?:it|that|this)|bother(?:ing)?)";

pattern!(
    WOULD_SUBJECT_VERB,
    &format!(
        r"\b(?:would|will|could|might) {SUBJECT} (?:(?:ever|actually|really|still|then|realistically|honestly|definitely|seriously|probably|consider|even|also|be likely to|be willing to|be open to|be inclined to|be tempted to|be prepared to|be happy to|be up for|be keen to|be keen on|be game to|be down to|be interested in|want to|go ahead and|end up) )*{BEHAVIOUR}\b"
    )
);
pattern!(
    SUBJECT_WOULD_VERB,
    &format!(
        r"\b(?:you|your (?:\w+ ){{0,2}}?\w+|they|people|anyone|the (?:\w+ ){{0,2}}?\w+) (?:would|will|might|could) (?:(?:ever|actually|really|still|definitely|probably|consider|even|also|be willing to|want to) )*{BEHAVIOUR}\b"
    )
);
pattern!(
    /// Whether someone would do anything at all with a product: "would your cleaners actually
    /// check an app for their rounds?", "would you open it every morning?"
    WOULD_WITH_PRODUCT,
    &format!(
        r"\b(?:would|will) {SUBJECT} (?:(?:ever|actually|really|still|realistically|honestly|even) )*(?:\w+) (?:(?:an?|the|our|this|that|such an?|your own) )?(?:app|tool|product|platform|system|service|portal|dashboard|(?:thing|something|one) like (?:that|this|it))\b"
    )
);
pattern!(
    THINK_WOULD,
    r"\b(?:do|did) you (?:think|reckon|imagine|see|expect|believe|feel like) (?:that )?(?:\w+ ){0,3}?(?:would|will|might|could) (?:ever |actually |really |still |definitely |even )?(?:use|buy|pay|switch|go for|adopt|sign|try|want|approve|take|move|get|recommend|be interested|consider|need|like|replace|ditch|drop|choose|pick|spend|invest|budget|sign off|commit|bother|log in|sign up|order|book|start|stop|keep|pick up|embrace|welcome|accept|prefer|rather|agree|go along)\b"
);
pattern!(
    SEE_YOURSELF,
    r"\b(?:could|can|do|would) you (?:see|imagine|picture) (?:yourself|(?:\w+ ){1,5}?)(?:using|switching|buying|paying|adopting|trying|moving|signing up|going for|wanting|relying on|recommending)\b"
);
pattern!(
    HOW_LIKELY,
    r"\bhow likely (?:would|are|is|will|do you think)\b"
);
pattern!(
    PRICE,
    r"\b(?:how much (?:would|will|might|could|do you think|you think|would you say)\b.*\b(?:pay|spend|charge|cost|worth|budget|invest|afford|fork out|shell out)\b|(?:okay|ok|fair|reasonable|acceptable|sensible|right) to (?:pay|spend)\b|what would (?:you|your (?:\w+ ){0,2}?\w+|they) (?:be willing to |expect to |want to )?(?:pay|spend|budget|charge)\b|(?:willing|prepared|happy|able) to (?:pay|spend|invest|fork out)\b|willingness to pay|what (?:price|price point|pricing) (?:would|do you think|seems|feels|sounds)\b|how much (?:is|would) (?:that|this|it|something like (?:that|this)) (?:be )?worth (?:it )?to you|worth (?:it )?to you (?:a|per) (?:month|year|week)|(?:too expensive|too cheap|cheap or expensive|fair price|reasonable price)\b)"
);
pattern!(
    WHAT_IF,
    r"\b(?:what if (?:we|you|there|i|it|this|that|a|an)\b|what (?:would|might|could) (?:you|your (?:\w+ ){0,2}?\w+|they) do (?:if|when|instead)\b|what would it take (?:for|to)\b)"
);
pattern!(
    IF_WOULD,
    r"\bif (?:we|you|i|they|there|a|an|it|this|that|your|the|someone|somebody|something|one day|money|price|cost|cost was|we were to|you were to|you had|you could)\b[^?]*?\b(?:would|will|could|might) (?:you|your|they|it|the|that|this|he|she|people|anyone)\b"
);
pattern!(
    /// An imagined condition, then a wh-question about its outcome: "If a vendor had all that
    /// ready on day one, how much faster do you think the review would go?"
    IF_THEN_WH,
    r"^if\b[^?]*?, (?:how|what|which|who|where|when)\b[^?]*?\b(?:would|will)\b"
);
pattern!(
    IMAGINE,
    r"(?:^|[,\-:;] |\b(?:and|so|but|now|okay|ok) )(?:imagine|imagining|suppose|supposing|let us say|let's say|hypothetically|picture this|picture (?:a|an|your|if)|pretend|in an ideal world|in a perfect world|say (?:there|we|you|they|it) (?:was|were|is|had|gave|built|made|added|offered|got|could|did)|assume (?:we|there|you)|in the future|down the line)\b|\bimagine (?:if|that|a|an|you|we|there|having|being)\b"
);
pattern!(
    IMAGINE_FRAME,
    r"^(?:imagine|suppose|picture|pretend|let us say|let's say|say (?:there|we|you)|hypothetically|in an ideal world|in a perfect world|assume)\b"
);
pattern!(
    WOULD_THAT_CHANGE,
    r"\b(?:would|will) (?:that|this|it|something like (?:that|this)) (?:change (?:how|the way|what)|make you (?:switch|move|use|buy|stop|change|leave)|get you to|stop you (?:from )?using|replace)\b"
);

// Not hypothetical: polite requests, past counterfactuals, habits, referrals.
pattern!(
    POLITE,
    r"\b(?:would|could|will) you (?:mind|say|describe|suggest|recommend (?:someone|anyone|that i|i|me)|agree|like to add|walk|tell|explain|share|talk|take me|run me|be (?:able|free|available|up for|open to (?:a |another )?(?:chat|call|talk|follow|catch))|put me in touch|introduce|connect|send|forward|let me|give me|show me|help me)\b"
);
pattern!(
    COUNTERFACTUAL,
    r"\b(?:would|could|might) (?:you |they |it |your \w+ |that |this )?have (?:\w+ed|done|been|gone|said|made|taken|known|seen|had|thought|felt|found|got|gotten|bought|paid|caught)\b"
);
pattern!(
    HABITUAL,
    r"\b(?:usually|normally|typically|generally|tend to|in general|these days|on a normal|on a typical|each time|every time)\b"
);
pattern!(
    ADD_TO_SUMMARY,
    r"\bwhat would you (?:add|change|correct) (?:to|about) (?:that|this|what i)\b"
);

fn help_for(s: &Sentence, core: &str) -> &'static str {
    if PRICE.is_match_in(s, core) {
        "ask what it costs them now: \"What does this problem cost you today?\" or \"What have you paid for to solve it?\""
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
