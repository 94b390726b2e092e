//! `selling`: pitches the product: features, benefits, prices, demos, trials.

use std::borrow::Cow;

use super::Sentence;
use super::lexicon;
use super::{Check, Ctx, Example, Hit, Rule, RuleInfo, Scope, SentenceRule, pattern};
use crate::model::Severity;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "selling",
        severity: Severity::Warning,
        summary: "pitches the product: its features, benefits, price, a demo or a trial",
        explanation: "A discovery interview is for learning about their life, not for describing \
yours. Once you pitch, the conversation turns into a verdict on your idea: people get \
polite, talk about your product instead of their problem, and you stop learning. One \
neutral sentence of context at the start is fine (\"we're exploring tools for clinics, \
but today is about you\"), and so is declining to talk about the product. Keep the \
pitch for a separate conversation. In a solution interview (profile `solution`) this \
rule is off.",
        help: "turn it back to their world: \"How do you handle that today?\" and save the product \
            for another conversation",
        examples: &[
            Example {
                bad: "Our app syncs with QuickBooks automatically, so you'd never have to export again.",
                better: "How do you get the numbers into QuickBooks at the moment?",
            },
            Example {
                bad: "It's just twenty pounds a seat a month, and the first month is free.",
                better: "What do you spend on tools for this today?",
            },
            Example {
                bad: "Can I book you in for a demo next week?",
                better: "Who else should I talk to about this?",
            },
        ],
        scope: Scope::Sentence,
        settings: &[],
    },
    check: Check::Sentence(&Selling),
};

/// Runs [`check`].
pub(crate) struct Selling;

impl SentenceRule for Selling {
    /// The verdicts of the turn's pre-pass ([`super::Judge`]) where they stand, else anew.
    fn check(&self, ctx: &Ctx<'_>, s: &Sentence, i: usize) -> Option<Hit> {
        match &ctx.selling {
            Some(known) => known.get(i).cloned().flatten(),
            None => check(ctx, s, i),
        }
    }
}

/// Why `selling` fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    /// Names a price for the product.
    Price,
    /// Names the product's price per seat, user or month.
    PricePer,
    /// States the product's price ("it's just £20", "plans start at $9").
    PriceStated,
    /// Offers a demo, trial or sign-up.
    Offer,
    /// Offers a deal on the product.
    Deal,
    /// Describes the product they are building.
    Building,
    /// Describes the product and what it does for them.
    Describes,
}

impl Why {
    pub fn message(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Why::Price => "names a price for the product",
            Why::PricePer => "names the product's price per seat, user or period",
            Why::PriceStated => "states the product's price",
            Why::Offer => "offers a demo, trial or sign-up",
            Why::Deal => "offers a deal on the product",
            Why::Building => "describes the product they are building",
            Why::Describes => "describes the product and what it does for them",
        })
    }
}

#[rustfmt::skip]
pattern!(
    MONEY,
    &format!(
        concat!(
            r"(?:",
                r"[£$€¥] ?[0-9][[0-9],.]*(?: ?k)?",
                r"|\b{NUMBER_WORD}(?:[- ]{NUMBER_WORD}){{0,3}} ",
                r"(?:pounds|dollars|euros|quid|bucks|grand|usd|gbp|eur)\b",
                r"|\b{NUMBER_WORD}(?:[- ]{NUMBER_WORD}){{0,3}} (?:a|per|an) ",
                r"(?:month|year|seat|user|head|licence|license|room|location|site|week|team|agent|member)\b",
            r")",
        ),
        NUMBER_WORD = *lexicon::NUMBER_WORDS,
    )
);
#[rustfmt::skip]
pattern!(
    /// Words that make the amount after them a price: "it's just £20", "plans start at $9".
    PRICE_FRAME,
    &[
        r"\b(?:",
            r"it is",
            r"|that is",
            r"|this is",
            r"|costs?",
            r"|priced at",
            r"|starts? at",
            r"|only",
            r"|just",
            r"|charge",
            r"|charging",
            r"|pay us",
            r"|we charge",
            r"|plans? (?:start|are|from)",
            r"|for (?:only|just)",
            r"|(?:pricing|price|prices|plan|plans|subscription|fee|fees|licen[cs]e|licen[cs]es) ",
            r"(?:is|are|starts? at|comes? to|would be|will be|of)",
        r")(?: \w+){0,2} $",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// A word naming a kind of product, for telling "my app" from "my alternator".
    PRODUCT_WORD,
    &format!(
        concat!(
            r"\b{PRODUCT_NOUN}s?\b",
        ),
        PRODUCT_NOUN = *lexicon::PRODUCT_NOUNS,
    )
);

/// Whether a noun phrase names a kind of product ("booking app", "dashboard").
pub(crate) fn names_product_kind(np: &str) -> bool {
    PRODUCT_WORD.is_match(np)
}

#[rustfmt::skip]
pattern!(
    OFFER_TERMS,
    &[
        r"\b(?:",
            r"free trial",
            r"|(?:a |our )?trial (?:on|for|period|of)",
            r"|pilot (?:price|pricing|programme|program|deal|offer)",
            r"|discount",
            r"|[0-9]+ ?(?:%|percent) off",
            r"|percent off",
            r"|half price",
            r"|(?:first|next) (?:\w+ ){0,2}months? (?:free|half price|on us)",
            r"|months? free",
            r"|free (?:for|during) (?:the|your) first (?:\w+ ){0,2}",
            r"(?:months?|seasons?|years?|quarters?|weeks?|days?)",
            r"|free until",
            r"|for free\b.*\b(?:us|our|we)",
            r"|(?:for|to) early (?:users|adopters|customers|birds?|sign-ups)",
            r"|early access",
            r"|beta access",
            r"|(?:no|zero) lock-in",
            r"|monthly rolling",
            r"|rolling monthly",
            r"|money-back",
            r"|annual (?:plan|contract|discount)",
            r"|sign up before",
            r"|founding (?:customer|member) (?:price|discount|deal)",
            r"|special (?:price|offer|deal)",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    OFFER_ASK,
    &[
        r"\b(?:",
            r"(?:can|could|shall|may|let) (?:i|me|we) ",
            r"(?:book|get|set|sign|put|send|give|show|offer|add|enrol|enroll|register|schedule) (?:you|your)",
            r"|(?:i|we) (?:can|could|will|would) (?:\w+ )?",
            r"(?:send|give|get|set|show|sign|book|offer|put|add|enrol|bring) you\b",
            r"|would you like (?:a|to see|to try|me to (?:show|send|set|book)|us to (?:show|send|set))",
            r"|(?:want|like) to (?:see|try) (?:a|the|our) (?:demo|trial|prototype|product|beta)",
            r"|(?:book|schedule|set up|arrange) (?:a|an|your) (?:proper |quick |full |live )?(?:",
                r"demo",
                r"|trial",
                r"|walkthrough",
                r"|walk-through",
                r"|onboarding",
                r"|call with (?:my|our) (?:co-founder|sales|team)",
            r")",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    OFFER_NOUN,
    &[
        r"\b(?:",
            r"demo",
            r"|trial",
            r"|pilot",
            r"|beta",
            r"|early access",
            r"|waitlist",
            r"|waiting list",
            r"|sign-up",
            r"|signup",
            r"|onboarding call",
            r"|sales call",
            r"|founding customer",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// The interviewer's product, plainly: "our app", "we've built", "the thing I'm building".
    OWN_PRODUCT,
    &format!(
        concat!(
            r"\b(?:",
                r"(?:our|my) (?:\w+[- ]){{0,2}}?(?:{PRODUCT_NOUN}|{OWN_EXTRA})",
                r"|i (?:have |had )?(?:actually |just |recently |basically |also )*",
                r"(?:built|developed|designed|launched|created|coded|founded) ",
                r"(?:a|an|this|the|my|our|[a-z]+ly|it|something)\b",
                r"|i am (?:\w+ )?(?:building|developing|designing|launching|prototyping|making) ",
                r"(?:a|an|this|the|my|our|something)\b",
                r"|we (?:have |are |had |were )?(?:actually |already |just |recently |also |basically |now |been )",
                r"*(?:",
                    r"built",
                    r"|build",
                    r"|make",
                    r"|made",
                    r"|making",
                    r"|building",
                    r"|got",
                    r"|offer",
                    r"|offering",
                    r"|provide",
                    r"|providing",
                    r"|sell",
                    r"|selling",
                    r"|developed",
                    r"|developing",
                    r"|designed",
                    r"|designing",
                    r"|created",
                    r"|creating",
                    r"|launched",
                    r"|launching",
                    r"|shipped",
                    r"|shipping",
                    r"|sketching",
                    r"|sketched",
                    r"|prototyping",
                    r"|prototyped",
                    r"|drafted",
                    r"|drafting",
                    r"|mocked up",
                    r"|put together",
                    r"|wireframed",
                    r"|working on",
                r")\b",
                r"|we (?:\w+ly )?(?:",
                    r"help",
                    r"|let",
                    r"|enable",
                    r"|allow",
                    r"|save",
                    r"|give",
                    r"|integrate",
                    r"|sync",
                    r"|support",
                    r"|connect",
                    r"|plug into",
                    r"|automate",
                    r"|take care of",
                    r"|do (?:that|this|exactly that|all (?:that|of that|this)) (?:for you|automatically)",
                r")\b",
                r"|the (?:thing|tool|app|idea|product|prototype|concept|platform|system|service|bot) ",
                r"(?:i am|we are|i have been|we have been) (?:",
                    r"building",
                    r"|making",
                    r"|working on",
                    r"|tinkering with",
                    r"|playing with",
                    r"|sketching",
                    r"|designing",
                    r"|developing",
                    r"|testing",
                    r"|exploring",
                r")",
                r"|the idea (?:i am|we are|i have|we have) (?:been )?",
                r"(?:playing with|exploring|working on|toying with|testing)",
            r")\b",
        ),
        OWN_EXTRA = *lexicon::PRODUCT_PARTS,
        PRODUCT_NOUN = *lexicon::PRODUCT_NOUNS,
    )
);
#[rustfmt::skip]
pattern!(
    /// "With Tidyroom, …", "With our app, …", "with it you'd…".
    WITH_PRODUCT,
    &[
        r"^(?:(?:but|and|so|right|basically|okay|well)(?: ,)? )*with (?:our (?:\w+ ){0,2}?\w+|it|this|that)\b",
        r"(?: ,)? (?:",
            r"you",
            r"|your",
            r"|it",
            r"|everything",
            r"|every",
            r"|there",
            r"|attendants?",
            r"|front desk",
            r"|supervisors?",
            r"|managers?",
            r"|staff",
            r"|teams?",
            r"|people",
            r"|the \w+",
            r"|each",
            r"|all",
            r"|no",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// "So with ClaimPaw the clinic just…": a name introduced as the means. Group 1 is the
    /// name, which must be capitalised in the source and not a speaker's.
    WITH_NAME,
    &[
        r"^(?:(?:but|and|so|right|basically|okay|ok|well|totally|yeah)(?: ,)? )*with (\w+)(?: ,)? ",
        r"(?:you|your|the|we|it|everything|every|all|there|each|no|they|staff|people)\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// What a product does for someone: capabilities and benefits.
    CAPABILITY,
    &[
        r"\b(?:",
            r"lets? you",
            r"|allows? you",
            r"|helps? you",
            r"|enables? you",
            r"|means you",
            r"|you (?:would|will|could|can|'d|'ll) ",
            r"(?:just |never |no longer |always |also |then |instantly |automatically )*(?:",
                r"get",
                r"|see",
                r"|never",
                r"|have",
                r"|be able",
                r"|save",
                r"|stop",
                r"|know",
                r"|catch",
                r"|spot",
                r"|find",
                r"|track",
                r"|see",
                r"|do",
                r"|send",
                r"|sync",
                r"|avoid",
                r"|lose",
                r"|miss",
                r"|need",
                r"|check",
            r")",
            r"|you (?:would |will |can )?(?:never|no longer) (?:have to |need to )?\w+",
            r"|automatic\w*",
            r"|auto-\w+",
            r"|in (?:about |under |less than |just )?(?:\w+ ){0,2}(?:seconds|minutes|clicks)",
            r"|saves? (?:you )?(?:time|hours|money|\w+ hours|a lot)",
            r"|built[- ]in",
            r"|out of the box",
            r"|seamless\w*",
            r"|instantly",
            r"|in real[- ]time",
            r"|real-time",
            r"|live (?:status|updates|view|dashboard)",
            r"|one (?:click|tap|photo|button)",
            r"|all-in-one",
            r"|end-to-end",
            r"|the only (?:one|tool|app|ones)",
            r"|fastest",
            r"|easiest",
            r"|best-in-class",
            r"|powerful",
            r"|no (?:forms?|accounts?|setup|set-up|typing|calls|paperwork|spreadsheets?|lock-in) ",
            r"(?:at all|needed|required|necessary)?",
            r"|nobody needs",
            r"|works (?:offline|entirely|with|by|on|out)",
            r"|(?:",
                r"syncs?",
                r"|flags?",
                r"|counts?",
                r"|spots?",
                r"|detects?",
                r"|alerts?",
                r"|extracts?",
                r"|sorts?",
                r"|texts?",
                r"|finds?",
                r"|catches",
                r"|reads?",
                r"|checks?",
                r"|tracks?",
                r"|logs?",
                r"|sends?",
                r"|schedules?",
                r"|generates?",
                r"|reminds?",
                r"|notifies",
                r"|handles",
                r"|integrates",
                r"|connects",
                r"|imports",
                r"|exports",
                r"|chases",
            r") (?:\w+ )?(?:(?:to|into|with|from|onto|straight to) )?(?:",
                r"it",
                r"|them",
                r"|your",
                r"|the",
                r"|every",
                r"|all",
                r"|a",
                r"|an",
                r"|you",
                r"|problems",
                r"|gaps",
                r"|non-standard",
                r"|everything",
                r"|automatically",
                r"|later",
            r")",
            r"|notifications?",
            r"|would have (?:caught|flagged|spotted|prevented|saved|stopped|fixed|solved)",
            r"|exactly (?:what|why) (?:we|our|it)",
            r"|(?:is|are|was) (?:built|designed|made) (?:for|to)",
            r"|(?:that|which) (?:automatically |also |then |just |even |actually |instantly )?(?:",
                r"answers",
                r"|books",
                r"|sends",
                r"|checks",
                r"|flags",
                r"|counts",
                r"|spots",
                r"|detects",
                r"|alerts",
                r"|extracts",
                r"|reads",
                r"|sorts",
                r"|texts",
                r"|finds",
                r"|catches",
                r"|tracks",
                r"|logs",
                r"|schedules",
                r"|generates",
                r"|reminds",
                r"|notifies",
                r"|handles",
                r"|integrates",
                r"|connects",
                r"|imports",
                r"|exports",
                r"|chases",
                r"|assigns",
                r"|routes",
                r"|matches",
                r"|predicts",
                r"|analy[sz]es",
                r"|summari[sz]es",
                r"|transcribes",
                r"|records",
                r"|syncs",
                r"|updates",
                r"|automates",
                r"|calculates",
                r"|manages",
                r"|organi[sz]es",
                r"|monitors",
                r"|collects",
                r"|pulls",
                r"|creates",
                r"|writes",
                r"|fills",
                r"|scans",
                r"|recogni[sz]es",
                r"|translates",
                r"|processes",
                r"|approves",
                r"|invoices",
                r"|measures",
                r"|reports",
                r"|shows",
                r"|lets",
                r"|helps",
                r"|saves",
                r"|can",
                r"|will",
                r"|means",
            r")\b",
            r"|totally customi[sz]able",
            r"|fully customi[sz]able",
            r"|customi[sz]able",
            r"|configurable",
            r"|turnaround (?:drop|down)",
            r"|(?:drop|cut|reduce|reduces|reduced|save|saves) (?:\w+ ){0,2}by (?:about |around |up to )?\w+",
            r"|[0-9]+ ?(?:%|percent) (?:faster|less|more|fewer|cheaper|drop|reduction)",
            r"|(?:customers|users|hotels|clients|teams) (?:see|get|save|love|tell us)",
            r"|we (?:\w+ )?(?:handle|take care of|do|sort) ",
            r"(?:everything|all of it|the rest|it all|all the \w+)",
            r"|gets? (?:a |an )?(?:text|email|alert|notification|message|reminder|ping) ",
            r"(?:when|as soon as|the moment|once)",
        r")",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// "The idea I'm playing with is that…", "The thing we're building works…": describing it outright.
    PRODUCT_FRAME,
    &[
        r"^(?:so |basically |and )*(?:the|my|our) ",
        r"(?:idea|thing|concept|plan|tool|app|prototype|product|platform|service|system) (?:that )?",
        r"(?:i am|we are|i have been|we have been|i'm|we're) (?:\w+ing)(?: (?:with|on|around|up))? ",
        r"(?:is that|is|works|does|lets|would|will|basically)\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// The product as the subject of what it does: "our platform can message…", "our order
    /// portal enforces a cut-off", "my app just texts them". Group 1 is the verb, group 2 the
    /// word after it, for [`acts`] to tell actions from flaws ("our app is slow").
    PRODUCT_ACTS,
    &format!(
        concat!(
            r"\b(?:our|my) (?:\w+[- ]){{0,2}}?{PRODUCT_NOUN} ",
            r"(?:also |then |just |automatically |actually |basically |now |even |already |really |instantly )?",
            r"(can|will|could|would|does|[a-z]{{2,}}[^s\W]s|[a-z]{{2,}}(?:ss|sh|ch|x)es)\b(?: (\w+))?",
        ),
        PRODUCT_NOUN = *lexicon::PRODUCT_NOUNS,
    )
);
#[rustfmt::skip]
pattern!(
    /// What they made, then what it is for: "we've drafted a shared checklist that both
    /// museums fill in", "we've built a tool which…".
    MADE_THAT,
    &[
        r"\bwe (?:have |had )?(?:\w+ly )?(?:",
            r"built",
            r"|drafted",
            r"|designed",
            r"|sketched",
            r"|made",
            r"|created",
            r"|developed",
            r"|prototyped",
            r"|mocked up",
            r"|put together",
            r"|launched",
        r") (?:a|an|this|our|the) (?:\w+ ){0,3}?",
        r"(?:that|which|where|so that|to help|for (?:people|teams|you|clinics|museums|schools|businesses))\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// A pronoun for the product doing something to their world: "it links every page to the
    /// last deploy", "a screen that does more or less that". Group 1 is the verb.
    PRONOUN_ACTS,
    &[
        r"\b(?:it|which|that|they) ",
        r"(?:also |then |just |automatically |actually |basically |even |instantly |simply )?",
        r"([a-z]{2,}[^s\W]s|[a-z]{2,}(?:ss|sh|ch|x)es|does|do) ",
        r"(?:exactly |more or less |basically |pretty much |just |all )?",
        r"(?:every|all|your|the|any|anything|everything|each|you|them|it|that|this|what|more|most)\b",
    ].concat()
);

/// Verbs that describe a product's state or flaws rather than what it does for someone.
fn is_flaw_or_state(verb: &str, next: &str) -> bool {
    let modal = matches!(verb, "can" | "will" | "could" | "would" | "does" | "do");
    if modal {
        return matches!(
            next,
            "not"
                | "be"
                | "only"
                | "never"
                | "sometimes"
                | "get"
                | "feel"
                | "seem"
                | "look"
                | "crash"
                | "break"
                | "fail"
                | "struggle"
                | "take"
                | "still"
                | "barely"
                | "hardly"
                | "occasionally"
        );
    }
    matches!(
        verb,
        "has"
            | "was"
            | "needs"
            | "lacks"
            | "crashes"
            | "breaks"
            | "fails"
            | "struggles"
            | "sucks"
            | "looks"
            | "seems"
            | "sounds"
            | "feels"
            | "gets"
            | "keeps"
            | "takes"
            | "costs"
            | "misses"
            | "depends"
            | "happens"
            | "goes"
            | "comes"
            | "means"
            | "wants"
            | "loses"
            | "freezes"
            | "hangs"
            | "times"
            | "glitches"
            | "stalls"
            | "lags"
            | "confuses"
            | "annoys"
            | "frustrates"
            | "requires"
            | "relies"
            | "works"
    )
}

/// The first place in `hay` where `re` (with the verb in group 1 and, optionally, the next
/// word in group 2) finds the product doing something rather than failing at it.
fn acts<'h>(
    re: &super::pattern::Pattern,
    s: &Sentence,
    hay: &'h str,
) -> Option<super::pattern::Found<'h>> {
    re.captures_iter_in(s, hay).find_map(|c| {
        let verb = c.get(1)?.as_str();
        let next = c.get(2).map_or("", |m| m.as_str());
        (!is_flaw_or_state(verb, next))
            .then(|| c.get(0))
            .flatten()
            .map(|m| super::pattern::Found::of(hay, m))
    })
}

#[rustfmt::skip]
pattern!(
    /// Praise of the product by its maker: "the matching is solid", "it works really well".
    POSITIVE_CLAIM,
    &[
        r"\b(?:",
            r"(?:is|are) (?:really |very |super |pretty |totally |rock |actually )?(?:",
                r"solid",
                r"|great",
                r"|brilliant",
                r"|excellent",
                r"|amazing",
                r"|powerful",
                r"|robust",
                r"|reliable",
                r"|rock-solid",
                r"|fast",
                r"|quick",
                r"|simple",
                r"|easy to use",
                r"|intuitive",
                r"|beautiful",
                r"|slick",
                r"|the best",
                r"|better than",
                r"|cheaper than",
                r"|faster than",
                r"|state of the art",
                r"|cutting-edge",
                r"|secure",
                r"|bulletproof",
                r"|best-in-class",
                r"|second to none",
            r")",
            r"|works (?:really |super |very |incredibly )?(?:well|great|beautifully|perfectly|brilliantly)",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// "I'll send over a demo link", "we can set you up with a trial".
    OFFER_SEND,
    &[
        r"\b(?:i|we) (?:will|can|could|would|am going to|are going to|shall) (?:\w+ ){0,3}?",
        r"(?:send|give|share|set|book|get|arrange|email|drop|put|sign|add)\b(?: \w+){0,5}? (?:",
            r"demo",
            r"|trial",
            r"|sign-up",
            r"|signup",
            r"|sign up",
            r"|beta",
            r"|early access",
            r"|invite",
            r"|invitation",
            r"|free account",
            r"|discount code",
            r"|promo code",
            r"|pricing",
            r"|quote",
            r"|proposal",
            r"|onboarding",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// Declining to talk about the product, which is good practice.
    DEFLECT,
    &[
        r"\b(?:",
            r"rather not (?:get into|talk about|go into|discuss|steer|show|pitch)",
            r"|happy to (?:talk|chat) about (?:it|that|this|pricing|the product) ",
            r"(?:another|some other|a different) time",
            r"|(?:have not|haven't|not) (?:decided|worked (?:that|it) out|got (?:a|any) price)",
            r"|not here to (?:sell|pitch|show)",
            r"|nothing to (?:show|sell|pitch)",
            r"|(?:will not|won't) be showing",
            r"|only end up pitching",
            r"|no price i could give",
            r"|not going to pitch",
            r"|let's (?:leave|park) that",
            r"|park that",
            r"|don't want to (?:pitch|sell|colour|color|steer|bias)",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// Saying what the company is, in a sentence of context ("we're a housekeeping app").
    CONTEXT_ONLY,
    &[
        r"\b(?:",
            r"but (?:today|this|really)",
            r"|today is (?:about|really about|all about)",
            r"|not about (?:us|anything we|what we|our)",
            r"|i am (?:just )?here to (?:learn|listen|hear)",
            r"|here to (?:hear|learn|listen)",
        r")\b",
    ].concat()
);

pub(crate) fn check(ctx: &Ctx<'_>, s: &Sentence, _i: usize) -> Option<Hit> {
    if ctx.deflecting || DEFLECT.is_match_in(s, &s.norm) {
        return None;
    }
    let norm = s.norm.as_str();
    let span = |a: usize, b: usize| s.source_range(a, b);
    // Prices and offers sell on their own (unless the interviewee named the price first),
    // when they are the product's: per seat or month, said as its price, or with the product
    // in view. "I need $20 for gas" is not a pitch.
    if let Some(m) = MONEY.find_in(s, norm) {
        // Echoed when the interviewee said every word of it. Currency signs and one-letter
        // words ("a", "k") carry nothing to echo; a digit always does ("$ 9"). Asked only of
        // a price, since it needs the stems of everything the interviewees have said.
        let echoed = || {
            m.as_str()
                .split(' ')
                .filter(|w| {
                    w.chars().any(|c| c.is_ascii_digit())
                        || (w.len() >= 2 && w.chars().any(char::is_alphabetic))
                })
                .all(|w| ctx.echo.has(w))
        };
        let after = &norm[m.end()..];
        let per_unit = [" a ", " per ", " an "]
            .iter()
            .any(|u| m.as_str().contains(u) || after.starts_with(u));
        let stated = PRICE_FRAME.is_match(&norm[..m.start()]);
        let priced = per_unit
            || stated
            || ctx.pitching
            || ctx.mentions_product(norm).is_some()
            || OWN_PRODUCT.is_match_in(s, norm);
        if priced && !echoed() {
            let why = match (per_unit, stated) {
                (true, _) => Why::PricePer,
                (false, true) => Why::PriceStated,
                _ => Why::Price,
            };
            return Some(Hit::new(span(m.start(), m.end()), why));
        }
    }
    if let Some(m) = OFFER_SEND.find_in(s, norm) {
        return Some(
            Hit::new(span(m.start(), m.end()), Why::Offer),
        );
    }
    if let Some(m) = OFFER_TERMS.find_in(s, norm) {
        return Some(
            Hit::new(span(m.start(), m.end()), Why::Deal),
        );
    }
    if let Some(m) = OFFER_ASK.find_in(s, norm) {
        if OFFER_NOUN.is_match_in(s, norm)
            || m.as_str().contains("demo")
            || m.as_str().contains("trial")
            || m.as_str().contains("set up")
            || m.as_str().contains("sign")
            // "I can set you up today", "we'll get you signed up"
            || norm[m.end()..].starts_with(" up")
            || norm[m.end()..].starts_with(" signed up")
        {
            return Some(
                Hit::new(span(m.start(), m.end()), Why::Offer),
            );
        }
    }
    // Describing the product: a product (named, "our app", "with it") and what it does.
    if s.form.is_question() && !s.ends_q {
        return None;
    }
    if s.ends_q {
        return None;
    }
    let product = OWN_PRODUCT
        .find_in(s, norm)
        .map(|m| (m.start(), m.end()))
        .or_else(|| ctx.mentions_product(norm))
        .or_else(|| {
            WITH_PRODUCT
                .find_in(s, s.core_norm())
                .map(|m| (s.core_offset() + m.start(), s.core_offset() + m.end()))
        })
        .or_else(|| with_name(ctx, s));
    let pronoun_subject = ctx.pitching
        && [
            "it is ",
            "it ",
            "it would ",
            "it will ",
            "it can ",
            "that is ",
            "this is ",
            "they are ",
        ]
        .iter()
        .any(|p| s.core_norm().starts_with(p));
    if let Some(m) = PRODUCT_FRAME.find_in(s, s.core_norm()) {
        if s.word_count() >= 12 {
            let off = s.core_offset();
            return Some(
                Hit::new(span(off + m.start(), s.norm.len()), Why::Building),
            );
        }
    }
    // The product as subject of an action says both what it is and what it does.
    if let Some(m) = acts(&PRODUCT_ACTS, s, norm).or_else(|| MADE_THAT.find_in(s, norm)) {
        return Some(
            Hit::new(span(m.start(), m.end()), Why::Describes),
        );
    }
    if product.is_none() && !pronoun_subject {
        return None;
    }
    let cap = CAPABILITY
        .find_in(s, norm)
        .or_else(|| POSITIVE_CLAIM.find_in(s, norm))
        .or_else(|| acts(&PRONOUN_ACTS, s, norm))?;
    // One sentence of context that names the company but says nothing it does is fine;
    // so is a statement whose capability words describe their world, not the product.
    if CONTEXT_ONLY.is_match_in(s, norm) && !OWN_PRODUCT.is_match_in(s, norm) {
        return None;
    }
    let (a, b) = match product {
        Some((pa, pb)) => (pa.min(cap.start()), pb.max(cap.end())),
        None => (cap.start(), cap.end()),
    };
    Some(
        Hit::new(span(a, b), Why::Describes),
    )
}

/// Where "with <Name>, …" introduces a capitalised name that is no one in the conversation.
fn with_name(ctx: &Ctx<'_>, s: &Sentence) -> Option<(usize, usize)> {
    // From the sentence's start: after "so", the core would skip the name as a vocative.
    let c = WITH_NAME.captures_in(s, &s.norm)?;
    let name = c.get(1)?;
    let tok = s.toks.iter().find(|t| t.n0 as usize == name.start())?;
    let original = ctx.text.get(tok.o0 as usize..tok.o1 as usize)?;
    let person = ctx.names.iter().any(|n| {
        n.split_whitespace()
            .any(|part| part.eq_ignore_ascii_case(original))
    });
    (tok.cap && !person).then(|| (name.start(), name.end()))
}

/// Product names an interviewer introduces: "I'm Chloe from HireFlow", "founders of Linewise".
pub(crate) fn learn_products(text: &str, names: &[String], out: &mut Vec<super::Product>) {
    static INTRO: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        #[rustfmt::skip]
        let re = [
            r"(?-u:\b)(?i:",
                r"i'?m (?:\w+ )?(?:from|with|at)",
                r"|i am (?:\w+ )?(?:from|with|at)",
                r"|i work (?:at|for|with)",
                r"|(?:",
                    r"founders?",
                    r"|co-?founders?",
                    r"|ceo",
                    r"|cto",
                    r"|coo",
                    r"|head of \w+",
                    r"|pm",
                    r"|product manager",
                    r"|designer",
                    r"|researcher",
                    r"|engineer",
                r") (?:of|at|for)",
                r"|here at",
                r"|on behalf of",
                r"|we are",
                r"|we're",
                r"|called",
                r"|named",
                r"|i run",
            r") ([A-Z][\w-]*[A-Za-z](?: [A-Z][\w-]*[A-Za-z])?)",
        ]
        .concat();
        super::re(&re)
    });
    // "I built ShotList", "we've launched Tidyroom": said when introducing themselves, so
    // only early turns are searched (see `learn_products_early`).
    learn_from(&INTRO, text, names, out);
}

/// Product names from an early interviewer turn: also "I built X", "we've launched X".
pub(crate) fn learn_products_early(text: &str, names: &[String], out: &mut Vec<super::Product>) {
    static MADE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        #[rustfmt::skip]
        let re = [
            r"(?-u:\b)(?i:",
                r"(?:i|we) (?:have |'ve |just |recently |actually )?",
                r"(?:built|made|created|launched|founded|started|developed|designed)",
            r") ([A-Z][\w-]*[A-Za-z](?: [A-Z][\w-]*[A-Za-z])?)",
        ]
        .concat();
        super::re(&re)
    });
    learn_products(text, names, out);
    learn_from(&MADE, text, names, out);
}

fn learn_from(re: &regex::Regex, text: &str, names: &[String], out: &mut Vec<super::Product>) {
    for c in re.captures_iter(text) {
        let Some(m) = c.get(1) else { continue };
        let name = m.as_str();
        let first = name.split(' ').next().unwrap_or(name);
        let common = matches!(
            first.to_lowercase().as_str(),
            "the"
                | "a"
                | "an"
                | "our"
                | "my"
                | "this"
                | "that"
                | "i"
                | "it"
                | "we"
                | "you"
                | "here"
                | "just"
                | "so"
                | "really"
                | "also"
                | "not"
                | "one"
                | "part"
                | "looking"
                | "trying"
                | "researching"
                | "working"
                | "exploring"
                | "building"
                | "studying"
                | "hoping"
                | "keen"
        );
        let person = names
            .iter()
            .any(|n| n.eq_ignore_ascii_case(first) || n.eq_ignore_ascii_case(name));
        if common || person {
            continue;
        }
        if let Some(p) = super::Product::new(name) {
            if !out.iter().any(|o| o.name == p.name) {
                out.push(p);
            }
        }
    }
}

/// Whether a sentence declines to talk about the product.
pub(crate) fn deflects(s: &Sentence) -> bool {
    let norm = s.norm.as_str();
    DEFLECT.is_match_in(s, norm)
}

/// Where a sentence names the interviewer's own product ("our app", "we've built", "the thing I'm building").
pub(crate) fn own_product(s: &Sentence) -> Option<(usize, usize)> {
    let norm = s.norm.as_str();
    OWN_PRODUCT.find_in(s, norm).map(|m| (m.start(), m.end()))
}

/// The patterns above, for the gate.
pub(super) static PATTERNS: &[&super::pattern::Pattern] = &[
    &MONEY,
    &OFFER_TERMS,
    &OFFER_ASK,
    &OFFER_NOUN,
    &OWN_PRODUCT,
    &WITH_PRODUCT,
    &WITH_NAME,
    &CAPABILITY,
    &PRODUCT_FRAME,
    &POSITIVE_CLAIM,
    &PRODUCT_ACTS,
    &PRONOUN_ACTS,
    &MADE_THAT,
    &OFFER_SEND,
    &DEFLECT,
    &CONTEXT_ONLY,
];
