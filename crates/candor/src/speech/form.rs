//! A sentence's form (wh-question, invitation, yes/no, tag, declarative, fragment, statement),
//! read from its opening words as much as from its question mark, and where its core and
//! main clause start.

use super::lexicon::{is_aux, is_function_word, is_subjectish, is_wh, openers_from};
use super::normalise::Tok;
use regex::Regex;
use std::sync::LazyLock;

/// What kind of utterance a sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Form {
    /// Not a question.
    Statement,
    /// A wh-question: what, how, why, where, when, who, which.
    Wh,
    /// A polite imperative or prompt that invites a story: "Could you walk me through…", "Tell me about…".
    Invitation,
    /// A yes/no question opened by an auxiliary: "Do you…", "Is it…", "Would you…".
    YesNo,
    /// A statement with a question tag: "…, right?", "…, isn't it?".
    Tag,
    /// A statement said as a question: "You use spreadsheets?".
    Declarative,
    /// A verbless question: "Noisy how?", "Really?", "And then?".
    Fragment,
}

impl Form {
    /// Whether the form asks something.
    pub fn is_question(self) -> bool {
        !matches!(self, Form::Statement)
    }
}

pub(super) fn word_at<'a>(norm: &'a str, toks: &[Tok], i: usize) -> &'a str {
    toks.get(i)
        .map_or("", |t| &norm[t.n0 as usize..t.n1 as usize])
}

/// Index of the first token after openers, vocatives and their punctuation.
pub(super) fn find_core(norm: &str, toks: &[Tok], names: &[String]) -> usize {
    let mut i = 0;
    let n = toks.len();
    for _ in 0..8 {
        // Leading punctuation (a dash after "Remind me —").
        while i < n && toks[i].punct {
            i += 1;
        }
        let mut advanced = false;
        for op in openers_from(word_at(norm, toks, i)) {
            if op
                .iter()
                .enumerate()
                .all(|(k, w)| word_at(norm, toks, i + k) == *w)
            {
                let after = i + op.len();
                let next = word_at(norm, toks, after);
                // "tell me" only as an opener when punctuation follows ("Tell me, how…").
                let needs_punct = matches!(op, [a, b] if (*a, *b) == ("tell", "me"))
                    || matches!(
                        op,
                        ["like"]
                            | ["no"]
                            | ["right"]
                            | ["see"]
                            | ["look"]
                            | ["well"]
                            | ["just"]
                            | ["first"]
                            | ["then"]
                    );
                let followed_by_punct = toks.get(after).is_some_and(|t| t.punct) && next != "?";
                if after >= n || (needs_punct && !followed_by_punct) {
                    continue;
                }
                // "so" / "and" etc. may run straight on: "So how do you…".
                if !needs_punct || followed_by_punct {
                    i = after;
                    advanced = true;
                    break;
                }
            }
        }
        if !advanced {
            // Vocative: "Ravi, did you…", "Yasmin, what's…": a capitalised word or a speaker's name, then a comma.
            let w = word_at(norm, toks, i);
            let is_name = toks.get(i).is_some_and(|t| t.cap && !t.punct)
                && (names.iter().any(|n| n.eq_ignore_ascii_case(w)) || !is_function_word(w));
            if is_name && word_at(norm, toks, i + 1) == "," && i + 2 < n {
                i += 2;
                continue;
            }
            break;
        }
    }
    i.min(n)
}

pub(super) static INVITATION: LazyLock<Regex> = LazyLock::new(|| {
    crate::re(concat!(
        r"^(?:please )?(?:(?:would|do) you mind \w+ing\b|(?:(?:can|could|would|will) you (?:please |just |maybe |perhaps |quickly |briefly |kindly |also |now |first )*|",
        r"would you be (?:able|willing) to |are you able to |",
        r"do you want to |would you like to |",
        r"i would (?:love|like) (?:you )?to |i would (?:love|like) it if you could |",
        r"i want to |i want you to |i am keen to |i am interested in |i am curious (?:about|to) |",
        r"maybe |perhaps |if you could |let us |let's |could we |can we |why don't you |",
        r"(?:can|could|may) i ask you to |",
        r")(?:tell (?:me|us)|walk (?:me|us)|talk (?:me|us) through|talk (?:about|to me about|a bit about)|take (?:me|us) (?:through|back)|describe|explain|share (?:a|an|some|more|what|how|why|your experience|the story|with me)|show (?:me|us) (?:how|what|where)|give (?:me|us) (?:an|a|some|more)|give (?:(?:me|us) )?(?:(?:a|an|some) )?(?:(?:little|quick|brief|short|rough|bit|of|more|general|high-level) )*(?:background|overview|intro|introduction|rundown|sense) (?:on|of|about)|help (?:me|us) understand|go through|run (?:me )?through|paint (?:me )?a picture|say (?:a bit )?more|expand|elaborate|unpack|start by|start with|begin by|begin with|recount|remind me (?:how|what|why|who|when|where)|hear about|hear more|understand (?:how|what|why|more)|learn (?:how|what|more|about)|go back|think (?:back|of|about)|set the scene|describing|telling|walking|sharing|explaining|talking)\b)"
    ))
});

pub(super) static TAG_END: LazyLock<Regex> = LazyLock::new(|| {
    crate::re(
        r"(?:^|,|-|\s)\s*(?:right|yeah|yes|no|correct|true|huh|eh|okay|ok|innit|am i right|isn't it|isn't that|isn't that (?:right|true|so)|aren't they|aren't you|aren't we|doesn't it|doesn't he|doesn't she|don't you|don't they|don't we|didn't it|didn't you|didn't they|wouldn't you|wouldn't it|won't it|won't you|can't you|haven't you|hasn't it|wasn't it|weren't they|weren't you|was it|is it|would you say|do you think|agreed|yes or no) \?$",
    )
});

/// Classifies a sentence from its core tokens.
pub(super) fn classify(norm: &str, toks: &[Tok], core: usize, ends_q: bool) -> Form {
    let core_str = toks.get(core).map_or("", |t| &norm[t.n0 as usize..]);
    let words: Vec<&str> = toks[core.min(toks.len())..]
        .iter()
        .filter(|t| !t.punct)
        .map(|t| &norm[t.n0 as usize..t.n1 as usize])
        .collect();
    if words.is_empty() {
        return Form::Statement;
    }
    let w0 = words[0];
    let w1 = words.get(1).copied().unwrap_or("");
    if INVITATION.is_match(core_str) {
        // "Can you tell me whether/if…" asks yes or no.
        let yes_no = core_str.contains(" tell me if ") || core_str.contains(" tell me whether ");
        return if yes_no {
            Form::YesNo
        } else {
            Form::Invitation
        };
    }
    // "In what way", "to what extent", "for how long": a preposition then a wh-word.
    let wh_start = is_wh(w0)
        || (matches!(
            w0,
            "in" | "to"
                | "for"
                | "at"
                | "on"
                | "with"
                | "from"
                | "by"
                | "of"
                | "about"
                | "roughly"
                | "approximately"
                | "exactly"
                | "and"
        ) && is_wh(w1));
    if wh_start {
        let wi = if is_wh(w0) { 0 } else { 1 };
        let next = words.get(wi + 1).copied().unwrap_or("");
        let next2 = words.get(wi + 2).copied().unwrap_or("");
        if ends_q {
            return Form::Wh;
        }
        // Without a question mark, a wh-word then a subject and verb is a clause, not a question
        // ("What I found was…"); a wh-word then an auxiliary or a verb asks.
        let inverted = is_aux(next)
            || matches!(
                next,
                "happened"
                    | "happens"
                    | "made"
                    | "makes"
                    | "caused"
                    | "causes"
                    | "changed"
                    | "goes"
                    | "went"
                    | "gets"
                    | "got"
                    | "comes"
                    | "came"
                    | "kept"
                    | "led"
                    | "else"
                    | "come"
                    | "much"
                    | "many"
                    | "long"
                    | "often"
                    | "kind"
                    | "kinds"
                    | "sort"
                    | "type"
                    | "part"
                    | "one"
                    | "exactly"
            )
            || (next == "about" && !next2.is_empty());
        return if inverted && words.len() >= 2 {
            Form::Wh
        } else {
            Form::Statement
        };
    }
    if is_aux(w0) {
        let subj = is_subjectish(w1)
            || toks
                .iter()
                .skip(core + 1)
                .find(|t| !t.punct)
                .is_some_and(|t| t.cap);
        if ends_q && (subj || words.len() >= 2) {
            return Form::YesNo;
        }
        if !ends_q
            && subj
            && matches!(
                w1,
                "you" | "it" | "that" | "this" | "there" | "they" | "your" | "we"
            )
            && words.len() >= 3
        {
            return Form::YesNo;
        }
        // "was a nightmare honestly" is a statement that lost its subject.
        let lost_subject = matches!(w0, "is" | "are" | "was" | "were") && matches!(w1, "a" | "an");
        // Unpunctuated speech: "has the league ever fined you for that" asks too. An
        // auxiliary then a determined subject, long enough to hold a verb; not the
        // imperatives "have a look", "do the rounds".
        if !ends_q
            && words.len() >= 4
            && !matches!(w0, "have" | "do" | "must" | "may" | "might")
            && !lost_subject
            && matches!(
                w1,
                "the"
                    | "a"
                    | "an"
                    | "any"
                    | "anyone"
                    | "anybody"
                    | "someone"
                    | "somebody"
                    | "everyone"
                    | "anything"
                    | "people"
                    | "my"
                    | "our"
                    | "his"
                    | "her"
                    | "their"
                    | "he"
                    | "she"
                    | "those"
                    | "these"
            )
        {
            return Form::YesNo;
        }
    }
    if ends_q {
        if TAG_END.is_match(core_str) && words.len() >= 3 {
            return Form::Tag;
        }
        if words.len() <= 3
            && !words
                .iter()
                .any(|w| is_subjectish(w) && *w != "the" && *w != "a")
        {
            return Form::Fragment;
        }
        // A verbless phrase: no auxiliary, no pronoun subject ("Perhaps one of your technicians, or the manager?").
        let has_clause = words.iter().any(|w| {
            is_aux(w)
                || matches!(
                    *w,
                    "you" | "i" | "we" | "they" | "he" | "she" | "it" | "that" | "there"
                )
        });
        if !has_clause {
            return Form::Fragment;
        }
        if asks_in_place(&words) {
            return Form::Wh;
        }
        return Form::Declarative;
    }
    Form::Statement
}

/// Whether a statement said as a question asks its wh-word in place, at the end: "You've
/// been working on it for how long?", "And you released it when?", "It's the average of
/// what?", "You moved there what year?". That asks as a wh-question does, not for a yes or
/// a no. Not after "or" ("…, or what?" closes a choice), and not a question embedded after
/// a verb that takes one or after "that is", which still ask for a yes or a no ("You don't
/// know why?", "You remember when?", "So that's why?").
fn asks_in_place(words: &[&str]) -> bool {
    let n = words.len();
    let at = |i: usize| if i < n { words[i] } else { "" };
    let before = |i: usize| if i >= 1 { at(i - 1) } else { "" };
    let embedded = |i: usize| {
        let w = before(i);
        w == "or"
            || matches!(
                w,
                "know"
                    | "knew"
                    | "sure"
                    | "remember"
                    | "recall"
                    | "out"
                    | "tell"
                    | "told"
                    | "ask"
                    | "asked"
                    | "wonder"
                    | "understand"
                    | "see"
                    | "decide"
                    | "decided"
                    | "explain"
                    | "explained"
                    | "idea"
                    | "clue"
            )
            || (w == "is" && before(i - 1) == "that")
    };
    if n >= 2 && is_wh(at(n - 1)) {
        return !embedded(n - 1);
    }
    // A wh-word and the noun or adverb it goes with: "for how long?", "what year?", "how so?".
    n >= 3
        && is_wh(at(n - 2))
        && !embedded(n - 2)
        && matches!(
            at(n - 1),
            "long"
                | "much"
                | "many"
                | "often"
                | "far"
                | "old"
                | "big"
                | "soon"
                | "come"
                | "so"
                | "for"
                | "exactly"
                | "else"
                | "year"
                | "years"
                | "month"
                | "day"
                | "time"
                | "point"
                | "stage"
                | "kind"
                | "sort"
                | "type"
                | "one"
                | "ones"
                | "part"
                | "size"
                | "number"
                | "percentage"
                | "age"
        )
}

/// Whether a wh-word and the word after it open a question ("when did…", "which part…",
/// "how long…") rather than a subordinate clause ("when money comes in…", "how you do it…").
pub(crate) fn wh_opens_question(a: &str, b: &str) -> bool {
    let subject = matches!(
        b,
        "you"
            | "i"
            | "we"
            | "they"
            | "he"
            | "she"
            | "it"
            | "the"
            | "a"
            | "an"
            | "your"
            | "our"
            | "their"
            | "my"
            | "his"
            | "her"
            | "this"
            | "that"
            | "these"
            | "those"
            | "people"
            | "someone"
            | "somebody"
            | "everyone"
            | "anyone"
            | "there"
    );
    match a {
        "when" | "where" | "why" | "whenever" => is_aux(b),
        "how" => is_aux(b) || !subject,
        "what" | "who" | "which" | "whose" | "whom" => {
            !matches!(b, "you" | "i" | "we" | "they" | "he" | "she")
        }
        _ => false,
    }
}

/// Words that open a subordinate clause or frame before the question proper.
pub(super) fn is_frame_start(norm: &str, toks: &[Tok], i: usize) -> bool {
    let w = word_at(norm, toks, i);
    let next = word_at(norm, toks, i + 1);
    if is_wh(w) {
        return !wh_opens_question(w, next);
    }
    let w_is_opener = is_aux(w) || matches!(w, "tell" | "walk" | "talk" | "describe" | "explain");
    !w_is_opener
}

/// After a leading frame ("If you had a magic wand, …", "These days, when…, …", "So just so I've
/// got the basics — …"), the index where the question itself starts; `core` when there is no frame.
pub(super) fn main_clause(norm: &str, toks: &[Tok], core: usize, ends_q: bool) -> usize {
    if !is_frame_start(norm, toks, core) {
        return core;
    }
    let n = toks.len();
    if !ends_q {
        // Unpunctuated speech marks no break after an "if" frame: "if it did that would you
        // actually switch" asks from the inverted auxiliary on, three words in at least, and
        // not inside a wh-question ("…what do you do").
        // "and like if…": a filler may stand before the frame.
        let mut at = core;
        while at < n && matches!(word_at(norm, toks, at), "like" | "um" | "uh" | "so" | "and") {
            at += 1;
        }
        if word_at(norm, toks, at) != "if" {
            return core;
        }
        return (at + 3..n.saturating_sub(2))
            .find(|&j| {
                matches!(
                    word_at(norm, toks, j),
                    "would" | "will" | "could" | "do" | "did" | "can"
                ) && matches!(word_at(norm, toks, j + 1), "you" | "they" | "your")
                    && !is_wh(word_at(norm, toks, j - 1))
            })
            .unwrap_or(core);
    }
    for start in core + 1..n {
        if !matches!(word_at(norm, toks, start - 1), "," | "-" | ":" | ";" | "…") {
            continue;
        }
        // "— roughly how often…": adverbs before the opener.
        let mut j = start;
        while j < n
            && matches!(
                word_at(norm, toks, j),
                "roughly"
                    | "approximately"
                    | "exactly"
                    | "so"
                    | "and"
                    | "but"
                    | "then"
                    | "just"
                    | "also"
                    | "ok"
                    | "okay"
            )
        {
            j += 1;
        }
        let a = word_at(norm, toks, j);
        let b = word_at(norm, toks, j + 1);
        // At least three words must follow, so a tag ("…, aren't they?") is not taken for the question.
        let words_after = toks[j.min(n)..].iter().filter(|t| !t.punct).count();
        if words_after < 3 {
            continue;
        }
        let opener = (is_wh(a) && wh_opens_question(a, b))
            || (is_aux(a) && is_subjectish(b))
            || matches!(a, "tell" | "walk" | "talk")
            || (matches!(a, "can" | "could" | "would") && b == "you");
        if opener {
            return j;
        }
    }
    core
}
