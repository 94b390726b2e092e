//! `closed-question`: a yes/no, either/or or rating question where an open one would teach more.

use std::borrow::Cow;

use super::Sentence;
use super::{Check, Ctx, Example, Hit, Rule, RuleInfo, Scope, SentenceRule, pattern, whole};
use crate::model::Severity;
use crate::speech::Form;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "closed-question",
        severity: Severity::Info,
        summary: "asks a yes/no, either/or or rating question where an open one would teach more",
        explanation: "A closed question gets a word where a story was on offer: \"Do you use \
spreadsheets?\" gets \"yes\", while \"How do you keep track of it today?\" gets the \
spreadsheet, the workaround and the colleague who keeps it. A few closed questions to \
confirm facts are fine; the share of closed questions is what the score watches. \
Polite requests (\"Could you walk me through…\", \"Can you tell me about…\") are open, \
and so are offers, permission requests, asks for referrals and questions about the call \
itself (\"Can you hear me?\", \"Any questions before we begin?\").",
        help: "ask it open, with how, what or \"tell me about\": \"How do you keep track of that today?\"",
        examples: &[
            Example {
                bad: "Do you use spreadsheets for the rota?",
                better: "How do you keep track of the rota today?",
            },
            Example {
                bad: "Is that a problem for you?",
                better: "What happens when that goes wrong?",
            },
            Example {
                bad: "Was it the price or the features that put you off?",
                better: "What put you off?",
            },
            Example {
                bad: "On a scale of one to ten, how painful is invoicing?",
                better: "Walk me through the last invoice you sent.",
            },
        ],
        scope: Scope::Sentence,
        settings: &[],
    },
    check: Check::Sentence(&Closed),
};

/// Flags closed questions, by [`kind`].
pub(crate) struct Closed;

/// How an interviewer question counts in the metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Open,
    Closed,
    /// Offers, permission requests, referral asks, catch-alls, summary checks, logistics.
    Other,
}

#[rustfmt::skip]
pattern!(
    PERMISSION,
    &[
        r"^(?:",
            r"(?:can|could|may|might|shall) (?:i|we)\b",
            r"|(?:would|do) you mind if\b",
            r"|mind if\b",
            r"|is it (?:ok|okay|alright|all right|fine|cool) (?:if|to|for)\b",
            r"|would it be (?:ok|okay|alright|all right|fine|possible) (?:if|to|for)\b",
            r"|(?:do|would) you want me to\b",
            r"|should i\b",
            r"|shall we\b",
            r"|would you like (?:me|a|an|to see|to try|us)\b",
            r"|are you (?:ok|okay|happy|alright|all right) (?:with|if|for)\b",
            r"|is now (?:still )?(?:a )?(?:good|ok|okay)(?: time)?(?: (?:for you|to (?:talk|chat|speak)))?(?: ?\?)?$",
            r"|do you have (?:time|a minute|a few minutes|a sec)\b",
            r"|can you (?:hear|see) me\b",
        r")",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// Questions about the call itself, which an open question would not serve (the SPEC's
    /// logistics): whether it is recording, whether they can hear or see you, the sound on
    /// their end, whether the line came back or they are still on it, whether they got the
    /// consent form, a hard stop, whether it is still a good time, whether they are ready to
    /// start, and their questions before it starts.
    LOGISTICS,
    &[
        // Each of these must end the question: "Is the sound okay on your end?", not "Is
        // the sound better with the new headsets?"; "Are you ready to start?", not "Are you
        // ready for the audit?".
        r"\b(?:",
            r"(?:is|are|was) (?:it|that|this|we) (?:still )?recording(?: now)?",
            r"|(?:is|are) (?:the )?recording (?:on|running|going|working)",
            r"|(?:can|could|do) (?:you|everyone|everybody|you all|you guys) (?:still )?(?:hear|see) ",
                r"(?:me|us|my screen|my face)(?: (?:ok|okay|alright|all right|well|clearly|now|fine))?",
            r"|(?:see|seeing) my screen",
            r"|(?:my|the) (?:audio|sound|mic|microphone|camera|video|connection) (?:is |are )?(?:still )?",
                r"(?:ok|okay|alright|all right|fine|clear|working|better|good|coming through)",
                r"(?: now)?(?: (?:on|at) your (?:end|side))?",
            // The voice or the line on a call, fewer words: "Is the voice clear?", "is the
            // line better now?", not "Is the line working?" on a shop floor.
            r"|(?:my|the) (?:voice|line) (?:is )?(?:still )?(?:clear|audible|better)(?: now)?",
                r"(?: (?:on|at) your (?:end|side))?",
            r"|(?:am i|is my voice) (?:still )?(?:audible|clear)(?: now)?",
            r"|before we (?:begin|start|get started|get going|kick off|dive in|jump in)",
            r"|(?:a|any) hard stop",
            r"|(?:still|now) (?:a )?(?:good|ok|okay) time(?: (?:for you|to (?:talk|chat|speak)))?",
            r"|(?:are|is) (?:you|we|everyone) (?:ready|all set|good to go)",
                r"(?: to (?:start|begin|get started|go|kick off|dive in))?",
        r")(?: ?\?)?$",
        // Whether they are still on the line, the whole sentence, after a greeting or a name
        // at most: "hello? are you there?", "Rajesh sir, are you there?", "did we lose you
        // for a second?", not "You were at Acme then, are you still there?" (but "You were
        // at Acme then. Are you still there?", two sentences, reads as a check too).
        r"|^(?:(?:hello|hi|hey)\W+)?(?:[a-z]+\W+)?(?:(?:sir|madam|ma'am|ji)\W+)?(?:",
            r"(?:are |r )?you (?:still )?(?:there|with me)",
            r"|(?:did|have) (?:i|we) (?:lose|lost) you(?: (?:there|again|for a (?:sec|second|moment|bit)))?",
        r")(?: ?\?)?$",
        // Their questions for the interviewer, and the consent form sent before the call.
        r"|\b(?:any|your) questions? (?:for me|from your side|on your side|before we|before i)\b",
        r"|\byou (?:get|got|read|sign|signed|receive|received|see|saw|seen|had|have) ",
            r"(?:a chance to (?:read|look at|sign|see) )?(?:the|our|my) ",
            r"(?:consent form|information sheet|participant information sheet|info sheet)\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// The words without which [`LOGISTICS`] cannot match, rare enough for the gate to spare
    /// most sentences that pattern (its own first words, "is it", "are you", "you have",
    /// are in nearly every sentence).
    LOGISTICS_CUE,
    &[
        r"\b(?:",
            r"recording|hear (?:me|us)|see (?:me|us|my screen|my face)|my screen",
            r"|audio|sound|mic|microphone|camera|video|connection|voice|line|clear|audible",
            r"|you (?:still )?there|with me|lose you|lost you",
            r"|before we|hard stop|(?:good|ok|okay) time|ready|all set|good to go",
            r"|questions? (?:for me|from your side|on your side|before)",
            r"|consent form|information sheet|participant information|info sheet",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// A yes/no clause inside a wh-sentence: "How many rooms…, and is it part of a chain?"
    INNER_YES_NO,
    &[
        r"(?:,|;|-| and| or) (?:and |also |then )?",
        r"(?:is|are|was|were|do|does|did|can|could|would|will|has|have) ",
        r"(?:it|that|this|they|there|you|we|your|the|he|she)\b[^,]*\?$",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    CATCH_ALL,
    &[
        r"\b(?:",
            r"anything (?:else )?(?:i|we) (?:should|ought|might|could|did not|didn't|have not|haven't)",
            r"|anything (?:i|we) (?:missed|have missed)",
            r"|anything else (?:you would|you'd|you want|you wanted) (?:like )?to (?:add|share|mention|tell)",
            r"|anything (?:else )?you want to add",
            r"|anything to add",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    SUMMARY_CHECK,
    &[
        r"^(?:",
            r"is (?:that|this) ",
            r"(?:right|correct|fair|accurate|about right|a fair (?:summary|description|picture|way to put it))",
            r"|did i (?:get|capture|understand|miss) (?:that|it|this|anything)",
            r"|have i (?:got|understood|captured|missed) (?:that|it|this|anything)",
            r"|does that (?:sum it up|capture it|cover it|sound right)",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    INDIRECT,
    &[
        r"^(?:do|did|can|could) you (?:",
            r"know",
            r"|remember",
            r"|recall",
            r"|have any idea",
            r"|have a sense",
            r"|have an example",
            r"|have any examples",
            r"|think of an example",
            r"|think of a time",
            r"|remember a time",
            r"|give me an example",
        r") ?(?:of |about )?",
        r"(?:what|how|why|who|when|where|which|whether|the last time|a time|an example|a recent)?\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    RATING,
    &[
        r"\b(?:",
            r"on a scale (?:of|from) (?:\d+|zero|one|1|0) to (?:\d+|three|five|seven|ten|a hundred)",
            r"|out of (?:ten|five|10|5|100|a hundred)",
            r"|rate (?:it|that|this|them|the|your|how)",
            r"|give (?:it|that|this) a (?:score|rating|number)",
            r"|score (?:it|that|this) (?:out of|from)",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// Options offered at the end of a wh-question: "…, you or Ciarán?", "… — an app, or paper?"
    CHOICE_TAIL,
    &[
        r"(?:,|-|:) (?:[^,?\-]{1,40}),? or (?:[^,?]{1,40}) \?$",
    ].concat()
);
pattern!(
    EXAMPLE_MARK,
    r"(?:,|-|:) (?:maybe|perhaps|like|say|for example|e\.g|such as)\b"
);
#[rustfmt::skip]
pattern!(
    GUESS_FRAGMENT,
    &[
        r"\b(?:i guess|i assume|i imagine|i suppose|i am guessing|presumably|probably|i would guess|i bet)\b",
    ].concat()
);

/// Whether a sentence is an interviewer question, and of which kind.
pub(crate) fn kind(s: &Sentence) -> Option<Kind> {
    *s.kind.get_or_init(|| classify(s))
}

/// Whether a sentence asks about the call itself (the recording, the sound, the screen,
/// the consent form, the time left, their questions before it starts): not a closed
/// question, and a feature of the learned layer.
pub(crate) fn is_logistics(s: &Sentence) -> bool {
    let core = s.core_norm();
    s.form.is_question() && LOGISTICS_CUE.is_match_in(s, core) && LOGISTICS.is_match(core)
}

fn classify(s: &Sentence) -> Option<Kind> {
    if !s.form.is_question() {
        return None;
    }
    let core = s.core_norm();
    let main = s.main_norm();
    if PERMISSION.is_match_in(s, main)
        || is_logistics(s)
        || super::practice::is_referral_ask(s)
        || CATCH_ALL.is_match_in(s, core)
        || SUMMARY_CHECK.is_match_in(s, main)
    {
        return Some(Kind::Other);
    }
    if RATING.is_match_in(s, core) {
        return Some(Kind::Closed);
    }
    Some(match s.form {
        Form::YesNo => {
            if INDIRECT.is_match_in(s, main) && !main.contains(" or ") {
                Kind::Open
            } else {
                Kind::Closed
            }
        }
        Form::Tag | Form::Declarative => Kind::Closed,
        Form::Wh => {
            if (CHOICE_TAIL.is_match_in(s, main) && !EXAMPLE_MARK.is_match_in(s, main))
                || INNER_YES_NO.is_match_in(s, main)
            {
                Kind::Closed
            } else {
                Kind::Open
            }
        }
        Form::Fragment => {
            if GUESS_FRAGMENT.is_match_in(s, core) {
                Kind::Closed
            } else {
                Kind::Open
            }
        }
        Form::Invitation => Kind::Open,
        Form::Statement => return None,
    })
}

impl SentenceRule for Closed {
    fn check(&self, _ctx: &Ctx<'_>, s: &Sentence, _i: usize) -> Option<Hit> {
        (kind(s)? == Kind::Closed).then(|| {
            let why = match s.form {
                Form::Tag => Why::Tag,
                Form::Declarative | Form::Fragment => Why::Statement,
                Form::Wh => Why::Choices,
                _ if RATING.is_match_in(s, s.core_norm()) => Why::Rating,
                _ if s.core_norm().contains(" or ") => Why::EitherOr,
                _ => Why::YesNo,
            };
            Hit::new(whole(s), why)
        })
    }
}

/// Why `closed-question` fired: the shape of the question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    /// "…, right?"
    Tag,
    /// "You use spreadsheets?"
    Statement,
    /// A wh-question that offers the answers.
    Choices,
    /// "On a scale of one to ten…"
    Rating,
    /// "Was it the price or the features?"
    EitherOr,
    /// "Do you…?", "Is it…?"
    YesNo,
}

impl Why {
    pub fn message(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Why::Tag => "a tag question (\"…, right?\") asks for a yes",
            Why::Statement => "a statement said as a question asks for a yes or a no",
            Why::Choices => "offering the answers to choose from closes the question",
            Why::Rating => "a rating gets a number, not the story behind it",
            Why::EitherOr => "an either/or question limits the answer to the options you offered",
            Why::YesNo => "a yes/no question gets a word where a story was on offer",
        })
    }
}

/// The patterns above, for the gate.
pub(super) static PATTERNS: &[&super::pattern::Pattern] = &[
    &PERMISSION,
    &LOGISTICS_CUE,
    &INNER_YES_NO,
    &CATCH_ALL,
    &SUMMARY_CHECK,
    &INDIRECT,
    &RATING,
    &CHOICE_TAIL,
    &EXAMPLE_MARK,
    &GUESS_FRAGMENT,
];
