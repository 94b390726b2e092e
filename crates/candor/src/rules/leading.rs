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
        help: "ask neutrally and let them choose the words: \"How do you feel about that part?\" or \
            \"What was that like?\"",
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
        settings: &[],
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

#[rustfmt::skip]
pattern!(
    NEGATIVE_START,
    &[
        r"^(?:",
            r"don't",
            r"|doesn't",
            r"|didn't",
            r"|isn't",
            r"|aren't",
            r"|wasn't",
            r"|weren't",
            r"|wouldn't",
            r"|won't",
            r"|shouldn't",
            r"|couldn't",
            r"|can't",
            r"|haven't",
            r"|hasn't",
        r") (?:",
            r"you",
            r"|it",
            r"|that",
            r"|this",
            r"|they",
            r"|there",
            r"|the",
            r"|your",
            r"|we",
            r"|most",
            r"|people",
            r"|everyone",
            r"|everybody",
            r"|all",
            r"|he",
            r"|she",
            r"|those",
            r"|these",
            r"|a lot",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    ASSERTIVE,
    &[
        r"\b(?:",
            r"you would agree",
            r"|would you agree",
            r"|wouldn't you agree",
            r"|don't you agree",
            r"|do you agree",
            r"|is it fair to say",
            r"|would it be fair to say",
            r"|would you say (?:that )?(?:it is|it was|the|that is|most|this is)",
            r"|isn't it true",
            r"|isn't it the case",
            r"|surely",
            r"|you must ",
            r"(?:have|be|find|get|feel|hate|love|know|lose|spend|waste|dread|go through|deal with|struggle)",
            r"|(?:it|that|this) must (?:be|have been|get|feel|make|drive|really)",
            r"|(?:that|it|this|there) (?:is |has )?got to (?:be|have)",
            r"|must (?:really |so |be so |be really )?(?:",
                r"get you",
                r"|drive you",
                r"|be a nightmare",
                r"|be a pain",
                r"|be awful",
                r"|be annoying",
                r"|be frustrating",
                r"|be exhausting",
                r"|be stressful",
                r"|be hard",
            r")",
            r"|i bet",
            r"|most people (?:find|say|think|hate|struggle|agree|tell me)",
            r"|everyone (?:hates|says|knows|agrees)",
            r"|the (?:real|main|obvious) (?:problem|issue|pain|culprit) (?:is|here|being)",
            r"|obviously",
            r"|clearly the",
            r"|of course you",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    GUESS,
    &[
        r"\b(?:",
            r"i am guessing",
            r"|i guess",
            r"|i assume",
            r"|i imagine",
            r"|i would imagine",
            r"|i suppose",
            r"|i would guess",
            r"|presumably",
            r"|probably",
            r"|i take it",
            r"|sounds like",
            r"|looks like",
            r"|seems like",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// Loaded words: emotional or evaluative terms the interviewer brings in. Word endings
    /// are ASCII word characters (`[a-z0-9_]*`; the text is normalised to lower case), not
    /// Unicode `\w*`, which made the lazy DFA of this pattern (searched forwards and back,
    /// on every question) so large that it was rebuilt over and over: 8% of the whole
    /// analysis of long podcasts. So a loaded stem running into a non-ASCII letter
    /// ("stressé") is not a loaded word.
    LOADED,
    &[
        r"\b(?:",
            r"frustrat[a-z0-9_]*",
            r"|annoy[a-z0-9_]*",
            r"|pain[a-z0-9_]*",
            r"|chao[a-z0-9_]*",
            r"|exhaust[a-z0-9_]*",
            r"|stress[a-z0-9_]*",
            r"|tedious",
            r"|useless",
            r"|terrible",
            r"|awful",
            r"|horrible",
            r"|nightmare",
            r"|mess",
            r"|messy",
            r"|waste[a-z0-9_]*",
            r"|broken",
            r"|wrong",
            r"|worst",
            r"|hate[a-z0-9_]*",
            r"|dread[a-z0-9_]*",
            r"|struggl[a-z0-9_]*",
            r"|difficult",
            r"|hard",
            r"|tough",
            r"|slow",
            r"|expensive",
            r"|clunky",
            r"|confusing",
            r"|risky",
            r"|fed up",
            r"|sick of",
            r"|tired of",
            r"|overwhelm[a-z0-9_]*",
            r"|inefficient",
            r"|outdated",
            r"|guessing",
            r"|rubbish",
            r"|hell",
            r"|get you down",
            r"|drive you (?:mad|crazy|nuts|up the wall)",
            r"|killing you",
            r"|a pain",
            r"|unbearable",
            r"|ridiculous",
            r"|crazy",
            r"|insane",
            r"|rough",
            r"|brutal",
            r"|painfully",
            r"|pointless",
            r"|garbage",
            r"|crap",
            r"|sucks",
            r"|headache",
            r"|hassle",
            r"|faff",
            r"|chore",
            r"|slog",
            r"|soul[- ]destroying",
            r"|soul[- ]crushing",
            r"|mind[- ]numbing",
            r"|draining",
            r"|grind",
            r"|miserable",
            r"|awkward",
            r"|stupid",
            r"|dumb",
            r"|a drag",
            r"|killer",
            r"|disaster",
            r"|fortune",
            r"|losing money",
            r"|lose money",
            r"|binned",
            r"|thrown (?:away|out)",
            r"|goes? to waste",
            r"|down the drain",
            r"|losing out",
            r"|no-brainer",
            r"|eats? up",
            r"|eating up",
            r"|eats into",
            r"|time-consuming",
            r"|takes? forever",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    PRESUME_WH,
    &[
        r"^(?:",
            r"how (?:much of|big(?: of)?) an? ",
            r"(?:problem|pain|headache|hassle|struggle|issue|nightmare|burden|drag|bottleneck|challenge) ",
            r"(?:is|was|are|were|has|does|do)",
            r"|how (?:much|often|badly) (?:do|did|does) (?:you|they|your \w+|people) ",
            r"(?:hate|dread|struggle|suffer|resent|loathe|despise|regret)",
            r"|how (?:",
                r"painful",
                r"|frustrating",
                r"|annoying",
                r"|bad",
                r"|terrible",
                r"|awful",
                r"|tedious",
                r"|stressful",
                r"|broken",
                r"|messy",
                r"|chaotic",
                r"|useless",
                r"|slow",
                r"|exhausting",
                r"|expensive",
                r"|wasteful",
                r"|horrible",
            r") (?:is|was|are|were|has|have|does|did|would)",
            r"|how much (?:time|money|effort|energy) (?:does|did|is|was|do) ",
            r"(?:you|your \w+|they|this|that|it|the \w+) (?:waste|wasting|wasted|lose|losing|throw away|burn)",
            r"|why (?:did|do|does|is|are|was|were) (?:you|it|your \w+|the \w+) (?:have|having|had|so) ",
            r"(?:such )?",
            r"(?:difficulty|trouble|problems|a hard time|hard|difficult|bad|slow|frustrat\w*|annoying)",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// A guess about their world said just before a question: "I bet the calendar causes chaos."
    PRESUMING,
    &[
        r"^(?:(?:and|so|well|oh|right|okay|ok|yeah) ,? )*(?:",
            r"i bet",
            r"|surely",
            r"|i would imagine",
            r"|i imagine",
            r"|i am guessing",
            r"|i guess",
            r"|i assume",
            r"|i suppose",
            r"|presumably",
            r"|i take it",
            r"|i would bet",
            r"|i am sure",
            r"|no doubt",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    BECAUSE_FRAME,
    &[
        r"^(?:",
            r"given (?:how|that)",
            r"|since (?:it is|it's|that is|they are) so",
            r"|because (?:it is|it's|that is|they are) so",
            r"|considering how",
        r")\b",
    ].concat()
);

#[rustfmt::skip]
pattern!(
    /// "You said…", "You called it…": the interviewer attributes the words to them.
    ATTRIBUTED,
    &[
        r"^(?:so )?(?:",
            r"you (?:said|mentioned|called|described|told me|used the word|were saying)",
            r"|earlier you (?:said|mentioned)",
            r"|when you say",
            r"|in your words",
        r")\b",
    ].concat()
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

#[cfg(test)]
mod tests {
    use super::LOADED;

    #[test]
    fn loaded_words_end_in_ascii_word_characters() {
        let found = |t: &str| LOADED.find(t).map(|m| m.as_str().to_string());
        assert_eq!(found("is it stressful for you"), Some("stressful".into()));
        assert_eq!(found("the painpoint2 of it"), Some("painpoint2".into()));
        assert_eq!(found("annoying_thing"), Some("annoying_thing".into()));
        // Not a loaded word: a stem inside a longer word, or running into a non-ASCII letter.
        assert_eq!(found("a spainful sight"), None);
        assert_eq!(found("très stressé"), None);
    }
}
