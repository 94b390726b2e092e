//! `homework-question`: asks basic facts that preparation would have found.

use std::borrow::Cow;

use super::Sentence;
use super::lexicon;
use super::{Check, Ctx, Example, Hit, Rule, RuleInfo, Scope, SentenceRule, pattern};
use crate::model::Severity;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "homework-question",
        severity: Severity::Info,
        summary: "asks basic facts about their organisation that preparation would have found",
        explanation: "What their company does, how big it is, where it is based and what industry \
it is in are on its website. Spending the interviewee's time on them tells them you \
did not prepare, and takes minutes from the questions only they can answer. Look them \
up before the call and confirm in a sentence if you must. Questions about the \
interviewee's own role, day or process are not homework: only they know those.",
        help: "look it up before the call, and ask what only they know: \"What does your role cover day to day?\"",
        examples: &[
            Example {
                bad: "So what does your company do?",
                better: "What does a normal week look like for you?",
            },
            Example {
                bad: "How many employees does the business have?",
                better: "Who else is involved when an order goes wrong?",
            },
            Example {
                bad: "And where are you based?",
                better: "How did you end up running the team?",
            },
        ],
        scope: Scope::Sentence,
        settings: &[],
    },
    check: Check::Sentence(&Homework),
};

/// Runs [`check`].
pub(crate) struct Homework;

impl SentenceRule for Homework {
    fn check(&self, ctx: &Ctx<'_>, s: &Sentence, _i: usize) -> Option<Hit> {
        check(ctx, s)
    }
}

/// Why `homework-question` fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    /// Asks a basic fact about their organisation that preparation would have found.
    Preparation,
}

impl Why {
    pub fn message(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Why::Preparation => "asks a basic fact about their organisation that preparation would have found",
        })
    }
}

#[rustfmt::skip]
pattern!(
    BUSINESS,
    &format!(
        concat!(
            r"\b(?:",
                r"what (?:does|do) (?:your|the) (?:\w+ )?{ORG} (?:actually |exactly |really |mainly |mostly )?",
                r"(?:do|make|sell|offer|build|provide|produce|manufacture|specialise|specialize|supply|deliver)",
                r"|what do you (?:guys |all |folks )?(?:actually |exactly |really |mainly |mostly )?",
                r"(?:make|sell|manufacture|produce|supply)(?: there| as a (?:\w+ )?{ORG}| \?)",
            r")",
        ),
        ORG = *lexicon::ORGANISATIONS,
    )
);
#[rustfmt::skip]
pattern!(
    KIND_OF_WORK,
    &format!(
        concat!(
            r"\bwhat (?:kind|kinds|sort|sorts|type|types) of (?:\w+ ){{1,2}}?(?:does|do) (?:your|the|you) ",
            r"(?:guys |all )?(?:\w+ )?(?:{ORG} )?(?:",
                r"do",
                r"|make",
                r"|sell",
                r"|offer",
                r"|have",
                r"|serve",
                r"|work with",
                r"|provide",
                r"|produce",
                r"|specialise in",
                r"|specialize in",
                r"|cover",
                r"|insure",
                r"|handle",
            r")\b",
        ),
        ORG = *lexicon::ORGANISATIONS,
    )
);
#[rustfmt::skip]
pattern!(
    NAMED_ORG_DOES,
    &[
        r"\bwhat (?:does|do) (\w+) (?:actually |exactly |really |mainly )?",
        r"(?:make|sell|offer|produce|manufacture|build|provide|do(?: exactly| again)? \?|do as a)",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    SIZE,
    &format!(
        concat!(
            r"\b(?:",
                r"how (?:big|large|small) (?:is|are) (?:the|your) (?:\w+ )?{ORG}",
                r"|how (?:big|large) (?:are you|is it) (?:as a {ORG}|these days|now|at this point)",
                r"|how big is the (?:operation|outfit)",
            r")\b",
        ),
        ORG = *lexicon::ORGANISATIONS,
    )
);
#[rustfmt::skip]
pattern!(
    COUNT,
    &format!(
        concat!(
            r"\b(?:",
                r"how many {COUNTED} (?:do|does|are|have|has|work|is|did|will|would)\b[^?]*?(?:\?|$)",
                r"|how many (?:\w+ ){{1,2}}?(?:are|is|work|are there|is there) (?:there )?(?:in|at|across|within) ",
                r"(?:the|your) (?:\w+ )?{ORG}\b",
                r"|how many \w+ (?:do|does|did|has|have) ",
                r"(?:you guys|you all|you folks|(?:the|your) (?:\w+ )?{ORG}) (?:",
                    r"have",
                    r"|run",
                    r"|operate",
                    r"|employ",
                    r"|own",
                    r"|manage",
                    r"|get",
                    r"|take",
                    r"|handle",
                    r"|serve",
                    r"|see",
                    r"|process",
                    r"|sell",
                    r"|ship",
                    r"|make",
                    r"|shipped",
                    r"|released",
                    r"|published",
                    r"|launched",
                    r"|made",
                    r"|built",
                    r"|sold",
                    r"|opened",
                    r"|won",
                    r"|had",
                    r"|run",
                    r"|hold",
                    r"|house",
                    r"|keep",
                    r"|store",
                    r"|stock",
                    r"|carry",
                    r"|look after",
                    r"|care for",
                r")\b",
            r")",
        ),
        COUNTED = *lexicon::COUNTED_THINGS,
        ORG = *lexicon::ORGANISATIONS,
    )
);
#[rustfmt::skip]
pattern!(
    LOCATION,
    &format!(
        concat!(
            r"\b(?:",
                r"where (?:are|is) (?:you|you guys|you all|your (?:\w+ )?{ORG}|the (?:\w+ )?{ORG}|it|they|\w+) ",
                r"(?:based|located|headquartered|situated|registered)",
                r"|where(?: is|'s) (?:your|the) (?:office|offices|head office|{ORG}|hq|headquarters)",
                r"|what (?:city|town|country|region|part of (?:the country|town|the world)) (?:are|is) ",
                r"(?:you|your \w+|the \w+) (?:in|based|located|from)",
            r")\b",
        ),
        ORG = *lexicon::ORGANISATIONS,
    )
);
#[rustfmt::skip]
pattern!(
    /// Confirming what the organisation covers or where it is: "And the authority covers the
    /// Whole district, I take it?".
    ORG_CONFIRM,
    &format!(
        concat!(
            r"^(?:and |so )?(?:the|your) (?:\w+ )?{ORG} (?:",
                r"covers",
                r"|serves",
                r"|operates (?:in|across)",
                r"|works across",
                r"|is based in",
                r"|has (?:offices|branches|sites) in",
                r"|is (?:publicly|privately|family|state|government|council|independently|employee|venture)[- ]?",
                r"(?:funded|owned|run|listed|traded|backed)",
            r")\b[^?]*(?:, )?(?:i take it|right|yes|correct|is that right|yeah|is it not|isn't it|is not it|no) \?",
        ),
        ORG = *lexicon::ORGANISATIONS,
    )
);
pattern!(
    LOCATION_CONFIRM,
    r"\byou are (?:based |located |headquartered )?(?:in|out of) (\w+)"
);
#[rustfmt::skip]
pattern!(
    INDUSTRY,
    &[
        r"\b(?:",
            r"what (?:industry|industries|sector|sectors|market|markets|vertical|verticals|space|niche|field) ",
            r"(?:are|is|do|does|would)",
            r"|which (?:industry|industries|sector|sectors|vertical|verticals|market|markets)",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    STRUCTURE,
    &format!(
        concat!(
            r"\b(?:",
                r"is (?:it|the (?:\w+ )?{ORG}|your (?:\w+ )?{ORG}|that|this|\w+) (?:",
                    r"part of a (?:chain|group|network|bigger \w+|larger \w+)",
                    r"|independent",
                    r"|a franchise",
                    r"|family[- ]owned",
                    r"|publicly (?:traded|listed)",
                    r"|public or private",
                    r"|private or public",
                    r"|(?:a |an )?(?:state|private|public|independent|chain) (?:\w+ ){{0,2}}?",
                    r"(?:or|school|company|hotel|business|primary|secondary)",
                    r"|an academy",
                    r"|a subsidiary",
                    r"|(?:a |an )?(?:startup|start-up) or",
                r")",
                r"|(?:when|what year) (?:was|did) (?:the|your|it) (?:{ORG} )?",
                r"(?:founded|start|started|set up|established|open|opened)",
                r"|how long (?:has|have) (?:the|your) (?:{ORG}|you guys) been ",
                r"(?:around|going|trading|in business|operating|open)",
                r"|who (?:owns|founded|runs) (?:the|your) {ORG}",
                r"|what (?:is|was) (?:your|the) (?:company's |business's |firm's )?",
                r"(?:annual |yearly |total |current |approximate |rough )?",
                r"(?:revenue|turnover|headcount|arr|funding|valuation)",
                r"|how much (?:revenue|turnover) (?:does|do|did) ",
                r"(?:the (?:\w+ )?{ORG}|your (?:\w+ )?{ORG}|you guys|you all) ",
                r"(?:make|do|have|bring in|turn over|generate)",
            r")\b",
        ),
        ORG = *lexicon::ORGANISATIONS,
    )
);

/// Whether a word (as spoken) names one of the speakers.
fn is_speaker(ctx: &Ctx<'_>, word: &str) -> bool {
    ctx.names.iter().any(|n| n.eq_ignore_ascii_case(word))
}

pub(crate) fn check(ctx: &Ctx<'_>, s: &Sentence) -> Option<Hit> {
    if !s.form.is_question() && !s.ends_q {
        return None;
    }
    let core = s.core_norm();
    let off = s.core_offset();
    let found = [
        &BUSINESS,
        &KIND_OF_WORK,
        &SIZE,
        &COUNT,
        &LOCATION,
        &INDUSTRY,
        &STRUCTURE,
        &ORG_CONFIRM,
    ]
    .into_iter()
    .find_map(|re| re.find_in(s, core))
    .filter(|m| {
        // "How many people are on your team?" is about their own world; company headcount is homework.
        let t = m.as_str();
        !(t.contains("how many people")
            || t.contains("how many customers")
            || t.contains("how many users")
            || t.contains("how many clients"))
            || [
                " company",
                " business",
                " firm",
                " organi",
                " you guys",
                " employ",
                " agency",
                " have you got",
                " do you have",
                " does the",
                " work there",
                " work at",
            ]
            .iter()
            .any(|w| t.contains(w))
    })
    .map(|m| (m.start(), m.end()))
    .or_else(|| {
        // "What does Crunchwell actually make?": a named organisation, not a person in the call.
        NAMED_ORG_DOES.captures_in(s, core).and_then(|c| {
            let name = c.get(1)?;
            let tok = s
                .toks
                .iter()
                .find(|t| t.n0 as usize == off + name.start())?;
            let original = &ctx.text[tok.o0 as usize..tok.o1 as usize];
            let generic = matches!(
                name.as_str(),
                "it" | "that"
                    | "this"
                    | "they"
                    | "he"
                    | "she"
                    | "you"
                    | "we"
                    | "people"
                    | "everyone"
            );
            (tok.cap && !generic && !is_speaker(ctx, original)).then(|| {
                let m = c.get_match();
                (m.start(), m.end())
            })
        })
    })
    .or_else(|| {
        // "And you're in Leeds, right?": confirming where they are based.
        LOCATION_CONFIRM.captures_in(s, core).and_then(|c| {
            let place = c.get(1)?;
            let tok = s
                .toks
                .iter()
                .find(|t| t.n0 as usize == off + place.start())?;
            tok.cap.then(|| {
                let m = c.get_match();
                (m.start(), m.end())
            })
        })
    })?;
    let span = s.source_range(off + found.0, off + found.1);
    Some(
        Hit::new(span, Why::Preparation),
    )
}

/// The patterns above, for the gate.
pub(super) static PATTERNS: &[&super::pattern::Pattern] = &[
    &BUSINESS,
    &KIND_OF_WORK,
    &NAMED_ORG_DOES,
    &SIZE,
    &COUNT,
    &LOCATION,
    &LOCATION_CONFIRM,
    &ORG_CONFIRM,
    &INDUSTRY,
    &STRUCTURE,
];
