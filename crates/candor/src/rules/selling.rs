//! `selling`: pitches the product: features, benefits, prices, demos, trials.

use std::borrow::Cow;

use super::Sentence;
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
    help: "turn it back to their world: \"How do you handle that today?\" and save the product for another conversation",
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
    },
    check: Check::Sentence(&Selling),
};

/// Runs [`check`].
pub(crate) struct Selling;

impl SentenceRule for Selling {
    fn check(&self, ctx: &Ctx<'_>, s: &Sentence, i: usize) -> Option<Hit> {
        check(ctx, s, i)
    }
}

/// Why `selling` fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    /// names a price for the product
    Price,
    /// offers a demo, trial or sign-up
    Offer,
    /// offers a deal on the product
    Deal,
    /// describes the product they are building
    Building,
    /// describes the product and what it does for them
    Describes,
}

impl Why {
    pub fn message(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Why::Price => "names a price for the product",
            Why::Offer => "offers a demo, trial or sign-up",
            Why::Deal => "offers a deal on the product",
            Why::Building => "describes the product they are building",
            Why::Describes => "describes the product and what it does for them",
        })
    }
}

const NUMBER_WORD: &str = r"(?:[0-9][[0-9],.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|a hundred|a thousand|k)";

pattern!(
    MONEY,
    &format!(
        r"(?:[£$€¥] ?[0-9][[0-9],.]*(?: ?k)?|\b{NUMBER_WORD}(?:[- ]{NUMBER_WORD}){{0,3}} (?:pounds|dollars|euros|quid|bucks|grand|usd|gbp|eur)\b|\b{NUMBER_WORD}(?:[- ]{NUMBER_WORD}){{0,3}} (?:a|per|an) (?:month|year|seat|user|head|licence|license|room|location|site|week|team|agent|member)\b)"
    )
);
pattern!(
    /// Words that make the amount after them a price: "it's just £20", "plans start at $9".
    PRICE_FRAME,
    r"\b(?:it is|that is|this is|costs?|priced at|starts? at|only|just|charge|charging|pay us|we charge|plans? (?:start|are|from)|for (?:only|just)|(?:pricing|price|prices|plan|plans|subscription|fee|fees|licen[cs]e|licen[cs]es) (?:is|are|starts? at|comes? to|would be|will be|of))(?: \w+){0,2} $"
);
pattern!(
    /// A word naming a kind of product, for telling "my app" from "my alternator".
    PRODUCT_WORD,
    &format!(r"\b{PRODUCT_NOUN}s?\b")
);

/// Whether a noun phrase names a kind of product ("booking app", "dashboard").
pub(crate) fn names_product_kind(np: &str) -> bool {
    PRODUCT_WORD.is_match(np)
}

pattern!(
    OFFER_TERMS,
    r"\b(?:free trial|(?:a |our )?trial (?:on|for|period|of)|pilot (?:price|pricing|programme|program|deal|offer)|discount|[0-9]+ ?(?:%|percent) off|percent off|half price|(?:first|next) (?:\w+ ){0,2}months? (?:free|half price|on us)|months? free|free (?:for|during) (?:the|your) first (?:\w+ ){0,2}(?:months?|seasons?|years?|quarters?|weeks?|days?)|free until|for free\b.*\b(?:us|our|we)|(?:for|to) early (?:users|adopters|customers|birds?|sign-ups)|early access|beta access|(?:no|zero) lock-in|monthly rolling|rolling monthly|money-back|annual (?:plan|contract|discount)|sign up before|founding (?:customer|member) (?:price|discount|deal)|special (?:price|offer|deal))\b"
);
pattern!(
    OFFER_ASK,
    r"\b(?:(?:can|could|shall|may|let) (?:i|me|we) (?:book|get|set|sign|put|send|give|show|offer|add|enrol|enroll|register|schedule) (?:you|your)|(?:i|we) (?:can|could|will|would) (?:\w+ )?(?:send|give|get|set|show|sign|book|offer|put|add|enrol|bring) you\b|would you like (?:a|to see|to try|me to (?:show|send|set|book)|us to (?:show|send|set))|(?:want|like) to (?:see|try) (?:a|the|our) (?:demo|trial|prototype|product|beta)|(?:book|schedule|set up|arrange) (?:a|an|your) (?:proper |quick |full |live )?(?:demo|trial|walkthrough|walk-through|onboarding|call with (?:my|our) (?:co-founder|sales|team)))\b"
);
pattern!(
    OFFER_NOUN,
    r"\b(?:demo|trial|pilot|beta|early access|waitlist|waiting list|sign-up|signup|onboarding call|sales call|founding customer)\b"
);
pattern!(
    /// The interviewer's product, plainly: "our app", "we've built", "the thing I'm building".
    OWN_PRODUCT,
    &format!(
        r"\b(?:(?:our|my) (?:\w+[- ]){{0,2}}?(?:{PRODUCT_NOUN}|{OWN_EXTRA})|i (?:have |had )?(?:actually |just |recently |basically |also )*(?:built|developed|designed|launched|created|coded|founded) (?:a|an|this|the|my|our|[a-z]+ly|it|something)\b|i am (?:\w+ )?(?:building|developing|designing|launching|prototyping|making) (?:a|an|this|the|my|our|something)\b|we (?:have |are |had |were )?(?:actually |already |just |recently |also |basically |now |been )*(?:built|build|make|made|making|building|got|offer|offering|provide|providing|sell|selling|developed|developing|designed|designing|created|creating|launched|launching|shipped|shipping|sketching|sketched|prototyping|prototyped|drafted|drafting|mocked up|put together|wireframed|working on)\b|we (?:\w+ly )?(?:help|let|enable|allow|save|give|integrate|sync|support|connect|plug into|automate|take care of|do (?:that|this|exactly that|all (?:that|of that|this)) (?:for you|automatically))\b|the (?:thing|tool|app|idea|product|prototype|concept|platform|system|service|bot) (?:i am|we are|i have been|we have been) (?:building|making|working on|tinkering with|playing with|sketching|designing|developing|testing|exploring)|the idea (?:i am|we are|i have|we have) (?:been )?(?:playing with|exploring|working on|toying with|testing))\b"
    )
);
pattern!(
    /// "With Tidyroom, …", "With our app, …", "with it you'd…".
    WITH_PRODUCT, r"^(?:(?:but|and|so|right|basically|okay|well)(?: ,)? )*with (?:our (?:\w+ ){0,2}?\w+|it|this|that)\b(?: ,)? (?:you|your|it|everything|every|there|attendants?|front desk|supervisors?|managers?|staff|teams?|people|the \w+|each|all|no)\b");
pattern!(
    /// "So with ClaimPaw the clinic just…": a name introduced as the means. Group 1 is the
    /// name, which must be capitalised in the source and not a speaker's.
    WITH_NAME,
    r"^(?:(?:but|and|so|right|basically|okay|ok|well|totally|yeah)(?: ,)? )*with (\w+)(?: ,)? (?:you|your|the|we|it|everything|every|all|there|each|no|they|staff|people)\b"
);
pattern!(
    /// What a product does for someone: capabilities and benefits.
    CAPABILITY, r"\b(?:lets? you|allows? you|helps? you|enables? you|means you|you (?:would|will|could|can|'d|'ll) (?:just |never |no longer |always |also |then |instantly |automatically )*(?:get|see|never|have|be able|save|stop|know|catch|spot|find|track|see|do|send|sync|avoid|lose|miss|need|check)|you (?:would |will |can )?(?:never|no longer) (?:have to |need to )?\w+|automatic\w*|auto-\w+|in (?:about |under |less than |just )?(?:\w+ ){0,2}(?:seconds|minutes|clicks)|saves? (?:you )?(?:time|hours|money|\w+ hours|a lot)|built[- ]in|out of the box|seamless\w*|instantly|in real[- ]time|real-time|live (?:status|updates|view|dashboard)|one (?:click|tap|photo|button)|all-in-one|end-to-end|the only (?:one|tool|app|ones)|fastest|easiest|best-in-class|powerful|no (?:forms?|accounts?|setup|set-up|typing|calls|paperwork|spreadsheets?|lock-in) (?:at all|needed|required|necessary)?|nobody needs|works (?:offline|entirely|with|by|on|out)|(?:syncs?|flags?|counts?|spots?|detects?|alerts?|extracts?|sorts?|texts?|finds?|catches|reads?|checks?|tracks?|logs?|sends?|schedules?|generates?|reminds?|notifies|handles|integrates|connects|imports|exports|chases) (?:\w+ )?(?:(?:to|into|with|from|onto|straight to) )?(?:it|them|your|the|every|all|a|an|you|problems|gaps|non-standard|everything|automatically|later)|notifications?|would have (?:caught|flagged|spotted|prevented|saved|stopped|fixed|solved)|exactly (?:what|why) (?:we|our|it)|(?:is|are|was) (?:built|designed|made) (?:for|to)|(?:that|which) (?:automatically |also |then |just |even |actually |instantly )?(?:answers|books|sends|checks|flags|counts|spots|detects|alerts|extracts|reads|sorts|texts|finds|catches|tracks|logs|schedules|generates|reminds|notifies|handles|integrates|connects|imports|exports|chases|assigns|routes|matches|predicts|analy[sz]es|summari[sz]es|transcribes|records|syncs|updates|automates|calculates|manages|organi[sz]es|monitors|collects|pulls|creates|writes|fills|scans|recogni[sz]es|translates|processes|approves|invoices|measures|reports|shows|lets|helps|saves|can|will|means)\b|totally customi[sz]able|fully customi[sz]able|customi[sz]able|configurable|turnaround (?:drop|down)|(?:drop|cut|reduce|reduces|reduced|save|saves) (?:\w+ ){0,2}by (?:about |around |up to )?\w+|[0-9]+ ?(?:%|percent) (?:faster|less|more|fewer|cheaper|drop|reduction)|(?:customers|users|hotels|clients|teams) (?:see|get|save|love|tell us)|we (?:\w+ )?(?:handle|take care of|do|sort) (?:everything|all of it|the rest|it all|all the \w+)|gets? (?:a |an )?(?:text|email|alert|notification|message|reminder|ping) (?:when|as soon as|the moment|once))");
pattern!(
    /// "The idea I'm playing with is that…", "The thing we're building works…": describing it outright.
    PRODUCT_FRAME,
    r"^(?:so |basically |and )*(?:the|my|our) (?:idea|thing|concept|plan|tool|app|prototype|product|platform|service|system) (?:that )?(?:i am|we are|i have been|we have been|i'm|we're) (?:\w+ing)(?: (?:with|on|around|up))? (?:is that|is|works|does|lets|would|will|basically)\b"
);
/// What else "our …" names when it is the product: its parts and outputs, which are not
/// subjects of what it does ("our reminders", "our templates").
const OWN_EXTRA: &str = r"features|offering|algorithm|detection|editor|mode|workflow|pack|kit|chasers?|extractor|tracker|scheduler|reminders?|alerts?|version|site|page|hardware|forecast|templates?|reports?";

/// Kinds of product, for patterns that need the product as a subject ([`OWN_PRODUCT`] adds
/// [`OWN_EXTRA`]).
const PRODUCT_NOUN: &str = r"(?:product|app|application|tool|platform|plugin|plug-in|software|system|solution|service|feature|ai|dashboard|api|integration|bot|extension|prototype|mvp|beta|module|engine|model|assistant|portal|website|web app|hub|suite|screen|marketplace|device|sensor|widget|add-on|addon|planner|builder|console|checker|calculator|robot|scanner)";

pattern!(
    /// The product as the subject of what it does: "our platform can message…", "our order
    /// portal enforces a cut-off", "my app just texts them". Group 1 is the verb, group 2 the
    /// word after it, for [`acts`] to tell actions from flaws ("our app is slow").
    PRODUCT_ACTS,
    &format!(
        r"\b(?:our|my) (?:\w+[- ]){{0,2}}?{PRODUCT_NOUN} (?:also |then |just |automatically |actually |basically |now |even |already |really |instantly )?(can|will|could|would|does|[a-z]{{2,}}[^s\W]s|[a-z]{{2,}}(?:ss|sh|ch|x)es)\b(?: (\w+))?"
    )
);
pattern!(
    /// What they made, then what it is for: "we've drafted a shared checklist that both
    /// museums fill in", "we've built a tool which…".
    MADE_THAT,
    r"\bwe (?:have |had )?(?:\w+ly )?(?:built|drafted|designed|sketched|made|created|developed|prototyped|mocked up|put together|launched) (?:a|an|this|our|the) (?:\w+ ){0,3}?(?:that|which|where|so that|to help|for (?:people|teams|you|clinics|museums|schools|businesses))\b"
);
pattern!(
    /// A pronoun for the product doing something to their world: "it links every page to the
    /// last deploy", "a screen that does more or less that". Group 1 is the verb.
    PRONOUN_ACTS,
    r"\b(?:it|which|that|they) (?:also |then |just |automatically |actually |basically |even |instantly |simply )?([a-z]{2,}[^s\W]s|[a-z]{2,}(?:ss|sh|ch|x)es|does|do) (?:exactly |more or less |basically |pretty much |just |all )?(?:every|all|your|the|any|anything|everything|each|you|them|it|that|this|what|more|most)\b"
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

pattern!(
    /// Praise of the product by its maker: "the matching is solid", "it works really well".
    POSITIVE_CLAIM,
    r"\b(?:(?:is|are) (?:really |very |super |pretty |totally |rock |actually )?(?:solid|great|brilliant|excellent|amazing|powerful|robust|reliable|rock-solid|fast|quick|simple|easy to use|intuitive|beautiful|slick|the best|better than|cheaper than|faster than|state of the art|cutting-edge|secure|bulletproof|best-in-class|second to none)|works (?:really |super |very |incredibly )?(?:well|great|beautifully|perfectly|brilliantly))\b"
);
pattern!(
    /// "I'll send over a demo link", "we can set you up with a trial".
    OFFER_SEND,
    r"\b(?:i|we) (?:will|can|could|would|am going to|are going to|shall) (?:\w+ ){0,3}?(?:send|give|share|set|book|get|arrange|email|drop|put|sign|add)\b(?: \w+){0,5}? (?:demo|trial|sign-up|signup|sign up|beta|early access|invite|invitation|free account|discount code|promo code|pricing|quote|proposal|onboarding)\b"
);
pattern!(
    /// Declining to talk about the product, which is good practice.
    DEFLECT, r"\b(?:rather not (?:get into|talk about|go into|discuss|steer|show|pitch)|happy to (?:talk|chat) about (?:it|that|this|pricing|the product) (?:another|some other|a different) time|(?:have not|haven't|not) (?:decided|worked (?:that|it) out|got (?:a|any) price)|not here to (?:sell|pitch|show)|nothing to (?:show|sell|pitch)|(?:will not|won't) be showing|only end up pitching|no price i could give|not going to pitch|let's (?:leave|park) that|park that|don't want to (?:pitch|sell|colour|color|steer|bias))\b");
pattern!(
    /// Saying what the company is, in a sentence of context ("we're a housekeeping app").
    CONTEXT_ONLY, r"\b(?:but (?:today|this|really)|today is (?:about|really about|all about)|not about (?:us|anything we|what we|our)|i am (?:just )?here to (?:learn|listen|hear)|here to (?:hear|learn|listen))\b");

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
        let priced = per_unit
            || PRICE_FRAME.is_match(&norm[..m.start()])
            || ctx.pitching
            || ctx.mentions_product(norm).is_some()
            || OWN_PRODUCT.is_match_in(s, norm);
        if priced && !echoed() {
            return Some(
                Hit::new(span(m.start(), m.end()), Why::Price),
            );
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
        super::re(
            r"(?-u:\b)(?i:i'?m (?:\w+ )?(?:from|with|at)|i am (?:\w+ )?(?:from|with|at)|i work (?:at|for|with)|(?:founders?|co-?founders?|ceo|cto|coo|head of \w+|pm|product manager|designer|researcher|engineer) (?:of|at|for)|here at|on behalf of|we are|we're|called|named|i run) ([A-Z][\w-]*[A-Za-z](?: [A-Z][\w-]*[A-Za-z])?)",
        )
    });
    // "I built ShotList", "we've launched Tidyroom": said when introducing themselves, so
    // only early turns are searched (see `learn_products_early`).
    learn_from(&INTRO, text, names, out);
}

/// Product names from an early interviewer turn: also "I built X", "we've launched X".
pub(crate) fn learn_products_early(text: &str, names: &[String], out: &mut Vec<super::Product>) {
    static MADE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        super::re(
            r"(?-u:\b)(?i:(?:i|we) (?:have |'ve |just |recently |actually )?(?:built|made|created|launched|founded|started|developed|designed)) ([A-Z][\w-]*[A-Za-z](?: [A-Z][\w-]*[A-Za-z])?)",
        )
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
