//! `leading-question`: a question that presupposes or pushes toward an answer.

use std::borrow::Cow;

use super::Sentence;
use super::{Check, Ctx, Example, Hit, Rule, RuleInfo, Scope, SentenceRule, pattern};
use crate::model::Severity;
use crate::speech::Form;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
    id: "leading-question",
    severity: Severity::Warning,
    summary: "asks a question that presupposes or pushes toward an answer",
    explanation: "A leading question puts the answer you hope for into the question: \"Don't \
you think…\", \"Wouldn't it be easier if…\", \"That must be frustrating, right?\", \"How \
much do you hate…\". Most people go along with it, so you hear your own belief back. \
Ask neutrally and let them pick the words. Repeating the interviewee's own words back \
(\"You called it a nightmare — why?\") is not leading: it is good listening.",
    help: "ask neutrally and let them choose the words: \"How do you feel about that part?\" or \"What was that like?\"",
    examples: &[
        Example {
            bad: "Don't you think the real issue is the handover?",
            better: "Where does the handover go wrong, if it does?",
        },
        Example {
            bad: "That must be really frustrating, right?",
            better: "What was that like for you?",
        },
        Example {
            bad: "How much do you hate doing the monthly report?",
            better: "Walk me through the last monthly report you did.",
        },
        Example {
            bad: "Surely the root cause is the old CRM?",
            better: "What do you think caused it?",
        },
        Example {
            bad: "you must lose a fortune on no-shows every month, I'd imagine",
            better: "What happens when someone doesn't turn up?",
        },
    ],
    scope: Scope::Sentence,
    },
    check: Check::Sentence(&Leading),
};

/// Runs [`check`].
pub(crate) struct Leading;

impl SentenceRule for Leading {
    fn check(&self, ctx: &Ctx<'_>, s: &Sentence, i: usize) -> Option<Hit> {
        check(ctx, s, i)
    }
}

/// Why `leading-question` fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    /// "I bet that's chaos. How often…?"
    GuessBefore,
    /// "Don't you…", "Isn't it…"
    Negative,
    /// "You'd agree that…"
    Asserts,
    /// "How much do you hate…"
    PresumesFeeling,
    /// "Because it's so slow, how do you…"
    BuiltInJudgement,
    /// "I imagine it gets binned, doesn't it?"
    TaggedGuess,
    /// "That must be so chaotic, right?"
    SuppliesJudgement,
    /// "You must lose a fortune on that, I'd imagine."
    ClosingGuess,
}

impl Why {
    pub fn message(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Why::GuessBefore => "a guess at how they feel comes before the question",
            Why::Negative => "a negative question (\"Don't you…\", \"Isn't it…\") invites agreement",
            Why::Asserts => "the question asserts the answer and asks them to agree",
            Why::PresumesFeeling => "the question presumes how they feel",
            Why::BuiltInJudgement => "the question builds in a judgement before asking",
            Why::TaggedGuess => "a guess of yours, tagged for them to agree with",
            Why::SuppliesJudgement => "the question supplies a judgement for them to agree with",
            Why::ClosingGuess => "ends the turn on a guess at how they feel, for them to agree with",
        })
    }
}

pattern!(
    NEGATIVE_START,
    r"^(?:don't|doesn't|didn't|isn't|aren't|wasn't|weren't|wouldn't|won't|shouldn't|couldn't|can't|haven't|hasn't) (?:you|it|that|this|they|there|the|your|we|most|people|everyone|everybody|all|he|she|those|these|a lot)\b"
);
pattern!(
    ASSERTIVE,
    r"\b(?:you would agree|would you agree|wouldn't you agree|don't you agree|do you agree|is it fair to say|would it be fair to say|would you say (?:that )?(?:it is|it was|the|that is|most|this is)|isn't it true|isn't it the case|surely|you must (?:have|be|find|get|feel|hate|love|know|lose|spend|waste|dread|go through|deal with|struggle)|(?:it|that|this) must (?:be|have been|get|feel|make|drive|really)|(?:that|it|this|there) (?:is |has )?got to (?:be|have)|must (?:really |so |be so |be really )?(?:get you|drive you|be a nightmare|be a pain|be awful|be annoying|be frustrating|be exhausting|be stressful|be hard)|i bet|most people (?:find|say|think|hate|struggle|agree|tell me)|everyone (?:hates|says|knows|agrees)|the (?:real|main|obvious) (?:problem|issue|pain|culprit) (?:is|here|being)|obviously|clearly the|of course you)\b"
);
pattern!(
    GUESS,
    r"\b(?:i am guessing|i guess|i assume|i imagine|i would imagine|i suppose|i would guess|presumably|probably|i take it|sounds like|looks like|seems like)\b"
);
pattern!(
    /// Loaded words: emotional or evaluative terms the interviewer brings in.
    LOADED, r"\b(?:frustrat\w*|annoy\w*|pain\w*|chao\w*|exhaust\w*|stress\w*|tedious|useless|terrible|awful|horrible|nightmare|mess|messy|waste\w*|broken|wrong|worst|hate\w*|dread\w*|struggl\w*|difficult|hard|tough|slow|expensive|clunky|confusing|risky|fed up|sick of|tired of|overwhelm\w*|inefficient|outdated|guessing|rubbish|hell|get you down|drive you (?:mad|crazy|nuts|up the wall)|killing you|a pain|unbearable|ridiculous|crazy|insane|rough|brutal|painfully|pointless|garbage|crap|sucks|headache|hassle|faff|chore|slog|soul[- ]destroying|soul[- ]crushing|mind[- ]numbing|draining|grind|miserable|awkward|stupid|dumb|a drag|killer|disaster|fortune|losing money|lose money|binned|thrown (?:away|out)|goes? to waste|down the drain|losing out|no-brainer|eats? up|eating up|eats into|time-consuming|takes? forever)\b");
pattern!(
    PRESUME_WH,
    r"^(?:how (?:much of|big(?: of)?) an? (?:problem|pain|headache|hassle|struggle|issue|nightmare|burden|drag|bottleneck|challenge) (?:is|was|are|were|has|does|do)|how (?:much|often|badly) (?:do|did|does) (?:you|they|your \w+|people) (?:hate|dread|struggle|suffer|resent|loathe|despise|regret)|how (?:painful|frustrating|annoying|bad|terrible|awful|tedious|stressful|broken|messy|chaotic|useless|slow|exhausting|expensive|wasteful|horrible) (?:is|was|are|were|has|have|does|did|would)|how much (?:time|money|effort|energy) (?:does|did|is|was|do) (?:you|your \w+|they|this|that|it|the \w+) (?:waste|wasting|wasted|lose|losing|throw away|burn)|why (?:did|do|does|is|are|was|were) (?:you|it|your \w+|the \w+) (?:have|having|had|so) (?:such )?(?:difficulty|trouble|problems|a hard time|hard|difficult|bad|slow|frustrat\w*|annoying))\b"
);
pattern!(
    /// A guess about their world said just before a question: "I bet the calendar causes chaos."
    PRESUMING,
    r"^(?:(?:and|so|well|oh|right|okay|ok|yeah) ,? )*(?:i bet|surely|i would imagine|i imagine|i am guessing|i guess|i assume|i suppose|presumably|i take it|i would bet|i am sure|no doubt)\b"
);
pattern!(
    BECAUSE_FRAME,
    r"^(?:given (?:how|that)|since (?:it is|it's|that is|they are) so|because (?:it is|it's|that is|they are) so|considering how)\b"
);

pattern!(
    /// "You said…", "You called it…": the interviewer attributes the words to them.
    ATTRIBUTED,
    r"^(?:so )?(?:you (?:said|mentioned|called|described|told me|used the word|were saying)|earlier you (?:said|mentioned)|when you say|in your words)\b"
);

/// The loaded word that is new: not said in the interviewee turn being answered, nor
/// attributed to them in this turn ("You called it a nightmare.").
fn new_loaded<'t>(ctx: &Ctx<'_>, text: &'t str) -> Option<regex::Match<'t>> {
    LOADED.find_iter(text).find(|m| {
        let w = m.as_str().split(' ').next().unwrap_or("");
        !(ctx.echo.recent(w) || (attributes(ctx) && ctx.echo.has(w)))
    })
}

/// Whether the turn attributes words to the interviewee ("You said…"), found once per turn.
fn attributes(ctx: &Ctx<'_>) -> bool {
    *ctx.attributes.get_or_init(|| {
        ctx.sentences
            .iter()
            .any(|s| ATTRIBUTED.is_match_in(s, s.core_norm()))
    })
}

pub(crate) fn check(ctx: &Ctx<'_>, s: &Sentence, i: usize) -> Option<Hit> {
    if !s.form.is_question() && !s.ends_q {
        return closing_guess(ctx, s, i);
    }
    // A question straight after a guess that supplies a judgement ("I bet the calendar causes
    // chaos. How often does it go wrong?") asks them to confirm the guess.
    if let Some(p) = i.checked_sub(1).and_then(|k| ctx.sentences.get(k)) {
        if !p.form.is_question() && !p.ends_q {
            let pcore = p.core_norm();
            if let Some(g) = PRESUMING.find_in(p, pcore) {
                if let Some(l) = new_loaded(ctx, pcore) {
                    let off = p.core_offset();
                    let span =
                        p.source_range(off + g.start().min(l.start()), off + g.end().max(l.end()));
                    return Some(
                        Hit::new(span, Why::GuessBefore),
                    );
                }
            }
        }
    }
    let core = s.core_norm();
    let off = s.core_offset();
    let main = s.main_norm();
    let moff = s.main_offset();
    let hit = |at: usize, m: super::pattern::Found<'_>, why: Why| {
        let span = s.source_range(at + m.start(), at + m.end());
        Some(Hit::new(span, why))
    };
    if let Some(m) = NEGATIVE_START.find_in(s, main) {
        return hit(moff, m, Why::Negative);
    }
    if let Some(m) = ASSERTIVE.find_in(s, core) {
        return hit(off, m, Why::Asserts);
    }
    // Words the interviewer attributes to them ("You said it goes to waste — …") are theirs.
    if ATTRIBUTED.is_match_in(s, core) {
        return None;
    }
    if let Some(m) = PRESUME_WH.find_in(s, main) {
        // "You said you hate it. How much do you hate it?" follows their word; otherwise it presumes.
        if new_loaded(ctx, m.as_str()).is_some() || !LOADED.is_match(m.as_str()) {
            return hit(moff, m, Why::PresumesFeeling);
        }
    }
    if let Some(m) = BECAUSE_FRAME.find_in(s, core) {
        if new_loaded(ctx, core).is_some() || core.contains(" so ") {
            return hit(off, m, Why::BuiltInJudgement);
        }
    }
    // A guess of the interviewer's own, tagged for agreement: "I imagine a lot of good stock
    // gets binned, doesn't it?" (their words inside it do not make the claim theirs).
    if s.form == Form::Tag {
        if let Some(m) = PRESUMING.find_in(s, core) {
            return hit(off, m, Why::TaggedGuess);
        }
    }
    // Tag and declarative questions that put a judgement in their mouth:
    // "That must be so chaotic, right?", "I'm guessing the reporting is useless, then?"
    if matches!(
        s.form,
        Form::Tag | Form::Declarative | Form::YesNo | Form::Fragment
    ) {
        if let Some(m) = new_loaded(ctx, core) {
            let guessing = GUESS.is_match_in(s, core);
            let superlative = core.contains(" the worst")
                || core.contains(" the most ")
                || core.contains(" so ")
                || core.contains(" really ");
            if matches!(s.form, Form::Tag | Form::Declarative) || guessing || superlative {
                return hit(
                    off,
                    super::pattern::Found::of(core, m),
                    Why::SuppliesJudgement,
                );
            }
        }
    }
    None
}

/// A guess at how they feel that ends the turn, said without a question mark but left for
/// them to confirm: "you must lose a fortune on no-shows, I'd imagine" (speech-to-text drops
/// the question mark; the pause asks).
fn closing_guess(ctx: &Ctx<'_>, s: &Sentence, i: usize) -> Option<Hit> {
    if i + 1 != ctx.sentences.len() || s.form.is_question() {
        return None;
    }
    let core = s.core_norm();
    let guess = ASSERTIVE
        .find_in(s, core)
        .filter(|m| m.as_str().starts_with("you must") || m.as_str().starts_with("i bet"))
        .or_else(|| {
            GUESS
                .find_in(s, core)
                .filter(|m| !matches!(m.as_str(), "probably" | "looks like" | "seems like"))
        })?;
    let loaded = new_loaded(ctx, core)?;
    // About them: in the second person, or opened as a guess about their world ("And I
    // assume the sheets eat up a lot of that time too").
    let about_them = core.starts_with("you ") || core.contains(" you ") || core.contains(" your ");
    if !about_them && !PRESUMING.is_match_in(s, core) {
        return None;
    }
    let off = s.core_offset();
    let span = s.source_range(
        off + guess.start().min(loaded.start()),
        off + guess.end().max(loaded.end()),
    );
    Some(
        Hit::new(span, Why::ClosingGuess),
    )
}

/// The patterns above, for the gate.
pub(super) static PATTERNS: &[&super::pattern::Pattern] = &[
    &NEGATIVE_START,
    &ASSERTIVE,
    &GUESS,
    &LOADED,
    &PRESUME_WH,
    &BECAUSE_FRAME,
    &PRESUMING,
    &ATTRIBUTED,
];
