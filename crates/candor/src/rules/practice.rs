//! Good practice, counted so feedback is not only negative: story prompts,
//! follow-up probes, summaries back, asks for referrals.

use super::Sentence;
use super::pattern;
use crate::speech::Form;

#[rustfmt::skip]
pattern!(
    STORY,
    &[
        r"\b(?:",
            r"(?:tell|talk|walk|take) me (?:about|through) (?:the|a|your|that|one) (?:\w+ ){0,2}?(?:",
                r"last",
                r"|most recent",
                r"|latest",
                r"|first",
                r"|recent",
                r"|specific",
                r"|particular",
                r"|time",
                r"|day",
                r"|week",
                r"|month",
                r"|story",
                r"|moment",
                r"|occasion",
                r"|example",
                r"|incident",
                r"|instance",
                r"|session",
                r"|visit",
                r"|shift",
                r"|call",
                r"|meeting",
                r"|claim",
                r"|reconciliation",
                r"|project",
            r")",
            r"|(?:walk|talk|take) me through ",
            r"(?:yesterday|last|the last|your last|what happened|how you|a typical|your day|the day|how it)",
            r"|the last time\b",
            r"|think (?:back )?(?:of|to|about) (?:the|a|your) (?:last|time|recent|specific|most recent)",
            r"|(?:can|could) you (?:remember|recall|think of) (?:a|the) (?:time|last time|recent)",
            r"|tell me about a time",
            r"|what happened (?:the )?last time",
            r"|(?:last|this) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|quarter)",
            r"(?:'s)?\b.*\b(?:session|meeting|shift|visit|day|run|close)",
        r")",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    PROBE,
    &[
        r"^(?:",
            r"why \?",
            r"|why (?:is|was) that",
            r"|why not",
            r"|how come",
            r"|how so",
            r"|in what way",
            r"|what happened (?:next|then|after|after that)",
            r"|and then what",
            r"|then what",
            r"|what did you do (?:next|then|after that|about it)",
            r"|tell me more",
            r"|say more",
            r"|(?:can|could) you (?:say|tell me) more",
            r"|go on",
            r"|what do you mean",
            r"|what did you mean",
            r"|what makes you say (?:that|so)",
            r"|what did that look like",
            r"|(?:can|could) you give me an example",
            r"|for example \?",
            r"|such as \?",
            r"|like what \?",
            r"|meaning \?",
            r"|how did that (?:go|feel|end|work out)",
            r"|what was that like",
            r"|what happened",
            r"|what else",
            r"|why do you think (?:that|so)",
            r"|what was behind that",
            r"|what is behind that",
            r"|what do you put that down to",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    ECHO_LEAD,
    &[
        r"^(?:",
            r"you (?:said|mentioned|called|told me|described|were saying)",
            r"|earlier you (?:said|mentioned)",
            r"|when you say",
            r"|going back to",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    SUMMARY,
    &[
        r"\b(?:",
            r"let me (?:just |quickly |briefly )?",
            r"(?:check|see if|make sure|play (?:this|that|it) back|recap|summari[sz]e|repeat|reflect)",
            r"|(?:so )?to (?:play (?:it|this|that) back|recap|sum (?:it )?up|summari[sz]e)",
            r"|(?:if|just so|to check|make sure|let me check) i (?:have|'ve)? ?(?:got|understood|understand) ",
            r"(?:this|that|it|you|the shape of it|everything)(?: right| correctly)?",
            r"|so what i am hearing",
            r"|what i am hearing is",
            r"|what i heard (?:was|is)",
            r"|if i understand (?:you |this |that )?(?:correctly|right)",
            r"|let me make sure i (?:understand|have|got)",
            r"|in summary",
            r"|to sum up",
            r"|so in short",
            r"|i have understood",
            r"|check i have (?:got|understood)",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// Asks to be introduced to others: "Who else should I talk to?", "Is there anyone you'd
    /// recommend I speak to?", "Could I talk to him?", "Would you mind introducing me to Sandra?"
    pub(crate) REFERRAL,
    &[
        r"\b(?:",
            r"who else (?:\w+ ){0,9}?(?:",
                r"talk",
                r"|speak",
                r"|chat",
                r"|interview",
                r"|reach out",
                r"|contact",
                r"|meet",
                r"|ask",
                r"|introduce",
                r"|good to",
                r"|worth",
                r"|should i",
                r"|should we",
                r"|would you suggest",
                r"|would you recommend",
                r"|do you know",
                r"|could i",
                r"|can i",
                r"|might be",
            r")",
            r"|(?:is there|are there|do you know|can you think of|could you suggest|would you recommend) (?:",
                r"anyone",
                r"|anybody",
                r"|someone",
                r"|somebody",
                r"|other (?:\w+ )?\w+",
                r"|another (?:\w+ )?\w+",
                r"|any other (?:\w+ )?\w+",
                r"|people",
                r"|colleagues",
                r"|friends",
            r") (?:else )?(?:\w+ ){0,8}?(?:i|we) (?:(?:should|could|ought to|might|can|would) )?",
            r"(?:talk|speak|chat|meet|interview|contact|reach out|ask|call)",
            r"|(?:would|could) you (?:mind )?",
            r"(?:introduc\w*|put(?:ting)? me in touch|connect(?:ing)? me|point(?:ing)? me)",
            r"|introduce me to",
            r"|put me in touch",
            r"|(?:do|would) you know (?:anyone|anybody|someone|somebody|other \w+) (?:else )?(?:who|that|i|we)",
            r"|recommend (?:anyone|someone|anybody|somebody) (?:i|we|else|for me)",
            r"|suggest (?:anyone|someone|anybody|somebody) (?:i|we|else)",
            r"|(?:could|can|may|might) i (?:talk|speak|chat) (?:to|with) ",
            r"(?:him|her|them|\w+ (?:too|as well|at some point))",
        r")\b",
    ].concat()
);

/// The interviewer's questions and good practice, counted over their sentences.
#[derive(Debug, Default)]
pub(crate) struct Practice {
    pub questions: usize,
    pub open: usize,
    pub closed: usize,
    pub story_prompts: usize,
    pub probes: usize,
    pub summaries: usize,
    pub referral_asks: usize,
}

impl Practice {
    /// Counts a chunk of an interviewer turn's sentences; `words` are the whole turn's.
    pub fn add(&mut self, ss: &[Sentence], words: usize) {
        for (i, s) in ss.iter().enumerate() {
            match super::closed::kind(s) {
                Some(super::closed::Kind::Open) => {
                    self.questions += 1;
                    self.open += 1;
                }
                Some(super::closed::Kind::Closed) => {
                    self.questions += 1;
                    self.closed += 1;
                }
                Some(super::closed::Kind::Other) => self.questions += 1,
                None => {}
            }
            if is_story_prompt(s) {
                self.story_prompts += 1;
            }
            if is_probe(s, i.checked_sub(1).map(|j| &ss[j])) {
                self.probes += 1;
            }
            if is_referral_ask(s) {
                self.referral_asks += 1;
            }
        }
        if is_summary(ss, words) {
            self.summaries += 1;
        }
    }
}

/// Story prompts: "Tell me about the last time…", "Walk me through yesterday".
pub(crate) fn is_story_prompt(s: &Sentence) -> bool {
    s.form.is_question() && STORY.is_match_in(s, s.core_norm())
}

/// Follow-up probes: "Why?", "What happened next?", "Tell me more", "X how?", and echoes.
pub(crate) fn is_probe(s: &Sentence, previous: Option<&Sentence>) -> bool {
    let core = s.core_norm();
    if !s.form.is_question() {
        return false;
    }
    if PROBE.is_match_in(s, core) && s.word_count() <= 10 {
        return true;
    }
    // "Noisy how?": a word of theirs, then how/why.
    if s.form == Form::Fragment && (core.ends_with(" how ?") || core.ends_with(" why ?")) {
        return true;
    }
    // "You said the reminders read as robotic. What do you mean by that?"
    previous.is_some_and(|p| ECHO_LEAD.is_match_in(p, p.core_norm()))
}

#[rustfmt::skip]
pattern!(
    /// The question that closes a summary: "What have I missed?", "Did I get that right?"
    SUMMARY_CHECK,
    &[
        r"\b(?:",
            r"what (?:have i|did i) (?:missed|miss|got wrong|get wrong)",
            r"|what would you (?:add|change|correct) (?:to|about) (?:that|this)",
            r"|anything (?:i have|i've|i) (?:got wrong|missed|miss|left out)",
            r"|did i (?:get|miss) (?:that|it|anything)",
            r"|have i (?:got|missed|understood) (?:that|it|anything)",
            r"|is that (?:a fair|right|about right|fair)",
            r"|does that (?:sound right|sum it up|capture it)",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// A reflection that opens a summary: "It sounds like…", "So, …:"
    REFLECTION,
    &[
        r"^(?:so )?(?:it sounds like|sounds like|it seems like|what i am taking away|my takeaway)\b",
    ].concat()
);

/// A summary back of what was heard, in a turn: an explicit "let me play that back", or a
/// long reflection ("It sounds like…") or statement closed by a check ("What have I missed?").
pub(crate) fn is_summary(turn: &[Sentence], words: usize) -> bool {
    if words >= 12 && turn.iter().any(|s| SUMMARY.is_match_in(s, &s.norm)) {
        return true;
    }
    let checked = turn
        .iter()
        .any(|s| s.form.is_question() && SUMMARY_CHECK.is_match_in(s, &s.norm));
    let reflects = turn
        .iter()
        .any(|s| REFLECTION.is_match_in(s, s.core_norm()));
    words >= 25 && (checked || reflects)
}

/// An ask for introductions to other people to talk to.
pub(crate) fn is_referral_ask(s: &Sentence) -> bool {
    *s.referral.get_or_init(|| REFERRAL.is_match_in(s, &s.norm))
}

/// The patterns above, for the gate.
pub(super) static PATTERNS: &[&super::pattern::Pattern] = &[
    &STORY,
    &PROBE,
    &ECHO_LEAD,
    &SUMMARY,
    &REFERRAL,
    &SUMMARY_CHECK,
    &REFLECTION,
];
