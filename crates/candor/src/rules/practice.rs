//! Good practice, counted so feedback is not only negative: story prompts,
//! follow-up probes, summaries back, asks for referrals.

use super::Sentence;
use super::pattern;
use crate::speech::Form;

pattern!(
    STORY,
    r"\b(?:(?:tell|talk|walk|take) me (?:about|through) (?:the|a|your|that|one) (?:\w+ ){0,2}?(?:last|most recent|latest|first|recent|specific|particular|time|day|week|month|story|moment|occasion|example|incident|instance|session|visit|shift|call|meeting|claim|reconciliation|project)|(?:walk|talk|take) me through (?:yesterday|last|the last|your last|what happened|how you|a typical|your day|the day|how it)|the last time\b|think (?:back )?(?:of|to|about) (?:the|a|your) (?:last|time|recent|specific|most recent)|(?:can|could) you (?:remember|recall|think of) (?:a|the) (?:time|last time|recent)|tell me about a time|what happened (?:the )?last time|(?:last|this) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|quarter)(?:'s)?\b.*\b(?:session|meeting|shift|visit|day|run|close))"
);
pattern!(
    PROBE,
    r"^(?:why \?|why (?:is|was) that|why not|how come|how so|in what way|what happened (?:next|then|after|after that)|and then what|then what|what did you do (?:next|then|after that|about it)|tell me more|say more|(?:can|could) you (?:say|tell me) more|go on|what do you mean|what did you mean|what makes you say (?:that|so)|what did that look like|(?:can|could) you give me an example|for example \?|such as \?|like what \?|meaning \?|how did that (?:go|feel|end|work out)|what was that like|what happened|what else|why do you think (?:that|so)|what was behind that|what is behind that|what do you put that down to)\b"
);
pattern!(
    ECHO_LEAD,
    r"^(?:you (?:said|mentioned|called|told me|described|were saying)|earlier you (?:said|mentioned)|when you say|going back to)\b"
);
pattern!(
    SUMMARY,
    r"\b(?:let me (?:just |quickly |briefly )?(?:check|see if|make sure|play (?:this|that|it) back|recap|summari[sz]e|repeat|reflect)|(?:so )?to (?:play (?:it|this|that) back|recap|sum (?:it )?up|summari[sz]e)|(?:if|just so|to check|make sure|let me check) i (?:have|'ve)? ?(?:got|understood|understand) (?:this|that|it|you|the shape of it|everything)(?: right| correctly)?|so what i am hearing|what i am hearing is|what i heard (?:was|is)|if i understand (?:you |this |that )?(?:correctly|right)|let me make sure i (?:understand|have|got)|in summary|to sum up|so in short|i have understood|check i have (?:got|understood))\b"
);
pattern!(
    /// Asks to be introduced to others: "Who else should I talk to?", "Is there anyone you'd
    /// recommend I speak to?", "Could I talk to him?", "Would you mind introducing me to Sandra?"
    pub(crate) REFERRAL,
    r"\b(?:who else (?:\w+ ){0,9}?(?:talk|speak|chat|interview|reach out|contact|meet|ask|introduce|good to|worth|should i|should we|would you suggest|would you recommend|do you know|could i|can i|might be)|(?:is there|are there|do you know|can you think of|could you suggest|would you recommend) (?:anyone|anybody|someone|somebody|other (?:\w+ )?\w+|another (?:\w+ )?\w+|any other (?:\w+ )?\w+|people|colleagues|friends) (?:else )?(?:\w+ ){0,8}?(?:i|we) (?:(?:should|could|ought to|might|can|would) )?(?:talk|speak|chat|meet|interview|contact|reach out|ask|call)|(?:would|could) you (?:mind )?(?:introduc\w*|put(?:ting)? me in touch|connect(?:ing)? me|point(?:ing)? me)|introduce me to|put me in touch|(?:do|would) you know (?:anyone|anybody|someone|somebody|other \w+) (?:else )?(?:who|that|i|we)|recommend (?:anyone|someone|anybody|somebody) (?:i|we|else|for me)|suggest (?:anyone|someone|anybody|somebody) (?:i|we|else)|(?:could|can|may|might) i (?:talk|speak|chat) (?:to|with) (?:him|her|them|\w+ (?:too|as well|at some point)))\b"
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

pattern!(
    /// The question that closes a summary: "What have I missed?", "Did I get that right?"
    SUMMARY_CHECK,
    r"\b(?:what (?:have i|did i) (?:missed|miss|got wrong|get wrong)|what would you (?:add|change|correct) (?:to|about) (?:that|this)|anything (?:i have|i've|i) (?:got wrong|missed|miss|left out)|did i (?:get|miss) (?:that|it|anything)|have i (?:got|missed|understood) (?:that|it|anything)|is that (?:a fair|right|about right|fair)|does that (?:sound right|sum it up|capture it))\b"
);
pattern!(
    /// A reflection that opens a summary: "It sounds like…", "So, …:"
    REFLECTION,
    r"^(?:so )?(?:it sounds like|sounds like|it seems like|what i am taking away|my takeaway)\b"
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
