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
/// Getting in touch with someone: "contact", "reach out to", "get in touch with".
const CONTACTS: &str = r"(?:contact(?:ed|ing)?|reach(?:ed|ing)? out to|(?:get|got|getting) in touch with|approach(?:ed)?) ";

/// The interviewee suggesting someone: "you would recommend", "you can think of".
const SUGGESTS: &str =
    r"you (?:would|could|might|can) (?:suggest|recommend|think of|point (?:me|us) to) ";

/// Any word but "you" (the regex crate has no look-ahead): "your", "yours" and "youth"
/// pass, as does every word not starting with "y".
const NOT_YOU: &str = r"(?:[a-xz]\w*|y(?:[a-np-z]\w*|o(?:[a-tv-z]\w*|u\w+)?)?)";

#[rustfmt::skip]
pattern!(
    /// Asks to be introduced to others: "Who else should I talk to?", "Is there anyone you'd
    /// recommend I speak to?", "Could I talk to him?", "Would you mind introducing me to Sandra?"
    REFERRAL,
    &[
        r"\b(?:",
            r"who else (?:(?:\w+|,) ){0,12}?(?:",
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
            // Asides between commas count as words: "anyone else, maybe a pharmacist, I…".
            r") (?:else )?(?:(?:\w+|,) ){0,10}?(?:i|we) (?:(?:should|could|ought to|might|can|would) )?(?:be )?",
            r"(?:talk(?:ing)?|speak(?:ing)?|chat(?:ting)?|meet(?:ing)?|interview(?:ing)?|contact(?:ing)?|reach(?:ing)? out|ask(?:ing)?|call(?:ing)?)",
            // A podcast's or panel's ask: "Who should we have on the show next?"
            r"|who (?:else )?(?:should|could|would you like) (?:i|we|me to|us to) (?:have on|invite|interview|get on|bring on)",
            r"|(?:do|would) you know (?:any )?other \w+ (?:\w+ )?(?:who|that) (?:\w+ ){0,2}?(?:want|like|be willing|be happy|be up for) to (?:be on|join|come on|take part|talk|speak|chat)",
            r"|(?:would|could) you (?:mind )?",
            r"(?:introduc\w*|put(?:ting)? me in touch|connect(?:ing)? me|point(?:ing)? me)",
            r"|introduce me to",
            r"|put me in touch",
            r"|(?:do|would) you know (?:anyone|anybody|someone|somebody|other \w+) (?:else )?(?:who|that|i|we)",
            r"|recommend (?:anyone|someone|anybody|somebody) (?:i|we|else|for me)",
            r"|suggest (?:anyone|someone|anybody|somebody) (?:i|we|else)",
            r"|(?:could|can|may|might) i (?:talk|speak|chat) (?:to|with) ",
            r"(?:him|her|them|\w+ (?:too|as well|at some point))",
            // "Could you intro me to Graham?", "can you connect us with her?"
            r"|(?:intro|introduce|connect) (?:me|us) (?:up )?(?:to|with)|link (?:me|us) up with",
            // Leave to contact someone else: "Would you be happy for me to contact Deb?",
            // "Would you mind if I got in touch with a couple of your students?"; not the
            // interviewee ("… if I emailed you?"): the object is any word but "you".
            r"|(?:would you be|are you) (?:happy|ok|okay|comfortable|alright|all right|fine) ",
            r"(?:for (?:me|us) to |if (?:i|we) |with (?:me|us) )",
            CONTACTS,
            NOT_YOU,
            r"|(?:would you|do you) mind (?:if (?:i|we) |me |us )",
            CONTACTS,
            NOT_YOU,
        r")\b",
    ].concat()
);

#[rustfmt::skip]
pattern!(
    /// What every ask in [`WILLING`] says: talking to the interviewer (or to someone else),
    /// or being up for a session. Cheap, and rare in speech, so [`WILLING`], whose asks start
    /// with words as common as "who", "that" and "would", runs only where it matches.
    TALK_CUE,
    &[
        r"\b(?:",
            r"(?:talk|speak|chat)(?:ing)? (?:to|with) (?:me|us|him|her|them)",
            r"|be (?:up for|interested in|open to|keen on|good to|worth|useful to|great to|helpful to|interesting to)",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// Someone else willing to talk: "Is there anyone who might chat to us?", "Do you think
    /// she would be okay to talk to us?", "…who might be up for a session?", "…who'd be good
    /// to talk to?", "Would Kunle be willing to talk to me?" (not "would you…"), "Could I come
    /// over one evening and maybe talk to her?"
    WILLING,
    &[
        r"\b(?:",
            r"(?:(?:who|anyone|anybody|someone|somebody) (?:\w+ ){0,4}?",
            r"|(?:think|reckon|suppose) (?:he|she|they) )",
            r"(?:would|might|could|will|may) (?:\w+ ){0,4}?(?:talk|speak|chat) (?:to|with) (?:me|us)",
            r"|(?:would|might|could|will) (?:he|she|they) (?:\w+ ){0,4}?(?:talk|speak|chat) (?:to|with) (?:me|us)",
            r"|(?:who|anyone|anybody|someone|somebody) (?:\w+ ){0,4}?",
            r"(?:would|might|could|will|may) (?:also )?be (?:up for|interested in|open to|keen on) ",
            r"(?:a |an |the )?(?:\w+ )?(?:session|chat|call|interview|conversation)",
            r"|(?:who (?:\w+ ){0,2}?(?:would|might|could)|who'd) be (?:good|worth|useful|great|helpful|interesting) to (?:talk|speak|chat) (?:to|with)",
            r"|(?:would|could|might) ", NOT_YOU, r" (?:\w+ )?be (?:willing|happy|okay|ok|up for|open|keen|able) (?:to )?(?:talk|speak|chat)(?:ing)? (?:to|with) (?:me|us)",
            r"|(?:could|can|may|might) (?:i|we) (?:\w+ ){1,10}?and (?:\w+ )?(?:talk|speak|chat) (?:to|with) (?:him|her|them)",
        r")\b",
    ].concat()
);
#[rustfmt::skip]
pattern!(
    /// Not someone else willing to talk: "Would it be okay to talk to us about pricing?",
    /// "Could we be able to chat with you…": the interviewer's own request.
    WILLING_VETO,
    r"\b(?:would|could|might) (?:it|that|this|there|i|we|you) (?:\w+ )?be (?:willing|happy|okay|ok|up for|open|keen|able) (?:to )?(?:talk|speak|chat)"
);
#[rustfmt::skip]
pattern!(
    /// What every ask in [`SUGGEST`] says, for the same reason as [`TALK_CUE`] ("other",
    /// "anyone" are common).
    SUGGEST_CUE,
    r"\b(?:suggest|recommend|think of|point (?:me|us) to)\b"
);
#[rustfmt::skip]
pattern!(
    /// Asks who they would suggest, ending there or naming the talk: "Is there anyone you'd
    /// suggest?", "Anyone else on the team you'd recommend we speak to?"; not "anyone you'd
    /// recommend for the plumbing?". Apart from [`REFERRAL`], which ends at a word boundary
    /// (never after the "?").
    SUGGEST,
    &[
        // A person, then the suggestion, ending there: "Is there anyone you'd suggest?"
        r"\b(?:(?:anyone|anybody|someone|somebody) (?:else )?(?:(?:\w+|,) ){0,6}?",
        SUGGESTS,
        r"(?:(?:i|we) (?:should )?(?:talk|speak|chat|contact|call|reach)|(?:, )?\?)",
        // Any other thing (tools, uses) only when talking to them follows: "any other
        // growers you'd recommend I speak to?", not "any other tools you'd recommend?"
        r"|(?:any )?other (?:\w+ )?\w+ (?:else )?(?:(?:\w+|,) ){0,6}?",
        SUGGESTS,
        r"(?:i|we) (?:should )?(?:talk|speak|chat|contact|call|reach))",
    ].concat()
);

/// Whether `hay` (the normalised text of `s`, or a part of it) asks for introductions.
pub(crate) fn asks_referral_in(s: &Sentence, hay: &str) -> bool {
    REFERRAL.is_match_in(s, hay)
        || SUGGEST_CUE.is_match_in(s, hay) && SUGGEST.is_match_in(s, hay)
        || TALK_CUE.is_match_in(s, hay)
            && WILLING.is_match_in(s, hay)
            && !WILLING_VETO.is_match_in(s, hay)
}

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
    *s.referral.get_or_init(|| asks_referral_in(s, &s.norm))
}

/// The patterns above, for the gate.
pub(super) static PATTERNS: &[&super::pattern::Pattern] = &[
    &STORY,
    &PROBE,
    &ECHO_LEAD,
    &SUMMARY,
    &REFERRAL,
    &SUGGEST,
    &SUGGEST_CUE,
    &TALK_CUE,
    &WILLING,
    &WILLING_VETO,
    &SUMMARY_CHECK,
    &REFLECTION,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::sentence::sentences;

    fn asks_referral(text: &str) -> bool {
        sentences(text, &[]).iter().any(is_referral_ask)
    }

    #[test]
    fn referral_asks_in_many_shapes() {
        for text in [
            "Who else should I talk to about this?",
            "Is there anyone on your team you'd recommend I speak to?",
            // Leave to contact someone else.
            "Would you be happy for me to contact Deb?",
            "Would you be okay with us reaching out to your supervisor?",
            "Would you mind if I got in touch with a couple of your drivers?",
            "Do you mind if we contact your accountant about this?",
            // Someone else willing to talk.
            "Do you know anyone at the other depots who might chat to us?",
            "Are there other nurses here who you think would talk to me?",
            "Your son who does the ordering, do you think he would be okay to talk to us too?",
            "Is there anyone else in the family who might be up for a short session?",
            // Introductions asked for in other words.
            "Could you intro me to Graham?",
            "Can you connect us with the person who runs payroll?",
            "Could I pop in on Thursday and maybe talk to her for ten minutes?",
            // Asides, suggestions and podcast guests.
            "And is there any other site manager you know, who runs the same kit, who we should talk to?",
            "Is there anyone else, maybe one of the drivers, I should be talking to?",
            "I'm hoping to speak to a few more growers. Is there anyone you'd suggest?",
            "Who should we have on the show next?",
            "Before we go, anyone else in the finance team you'd recommend we speak to?",
            "Who else has switched suppliers in the last year or two that I should talk to?",
            "Is there anybody at another branch, or on the board, who'd be good to talk to?",
            "Would Ayo be willing to talk to me about the ledger?",
            "Do you know any other practice managers who might want to be on the podcast?",
        ] {
            assert!(asks_referral(text), "{text:?} is a referral ask");
        }
    }

    #[test]
    fn not_referral_asks() {
        for text in [
            // Following up with the interviewee is not an introduction.
            "Would you be happy for us to contact you again in a month?",
            "Would you mind if I emailed you the notes afterwards?",
            "Do you mind if I reach out to you with a follow-up question?",
            // Who else is involved, and what others said, are questions about their world.
            "Did your manager ever talk to you about the rota?",
            "He would talk to us about it at the Monday meeting, and that was that.",
            "Who signs off the invoices?",
            "They would talk to us about the rota every Monday.",
            "Could I ask how the handover went?",
            "Is there anyone you would trust with the keys?",
            "Who should we invoice for the repairs?",
            "Would you be willing to talk to us again next month?",
            "Is there anyone you would recommend for the plumbing?",
            // Things, not people; requests to the interviewee; documents.
            "Are there any other tools you would recommend?",
            "Is there any other feature you could think of?",
            "Is there any other uses that you can think of?",
            "Are you comfortable contacting support when it breaks?",
            "Are you ok to contact the landlord yourself?",
            "Would it be okay to talk to us about pricing?",
            "That would be interesting to talk about later.",
            "Is that something you would talk to us about?",
            "Could you link me to that spreadsheet?",
        ] {
            assert!(!asks_referral(text), "{text:?} is not a referral ask");
        }
    }
}
