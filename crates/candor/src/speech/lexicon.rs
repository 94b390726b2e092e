//! The word lists the speech layer knows: fillers, stutter words, contractions, openers,
//! function words, wh-words, auxiliaries and subject-like words.

use super::words::WordHasher;
use std::collections::HashMap;
use std::sync::LazyLock;

/// What normalising does with a lower-cased word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lexeme {
    /// A hesitation sound, dropped: "um", "uh-huh".
    Filler,
    /// A word whose immediate repetition is a stutter, not grammar: "the the", "I- I".
    Stutter,
    /// A contraction and what it stands for; the original token maps to all of them.
    Expands(&'static [&'static str]),
    /// Any other word, kept as it is.
    Plain,
}

/// Sorts a lower-cased word, in one `match` for the three lists.
pub(super) fn lexeme(w: &str) -> Lexeme {
    match w {
        "um" | "umm" | "ummm" | "uh" | "uhh" | "uhm" | "er" | "erm" | "hmm" | "hm" | "mm"
        | "mmm" | "mhm" | "ehm" | "uh-huh" | "mm-hmm" | "mm-hm" => Lexeme::Filler,
        "i" | "you" | "we" | "the" | "a" | "and" | "so" | "to" | "it" | "do" | "is" | "what"
        | "how" | "was" | "in" | "of" | "but" | "they" | "my" | "our" | "your" | "are" | "did"
        | "can" | "would" | "if" | "when" | "why" | "where" | "who" => Lexeme::Stutter,
        "what's" => Lexeme::Expands(&["what", "is"]),
        "who's" => Lexeme::Expands(&["who", "is"]),
        "where's" => Lexeme::Expands(&["where", "is"]),
        "when's" => Lexeme::Expands(&["when", "is"]),
        "why's" => Lexeme::Expands(&["why", "is"]),
        "how's" => Lexeme::Expands(&["how", "is"]),
        "how'd" => Lexeme::Expands(&["how", "did"]),
        "what'd" => Lexeme::Expands(&["what", "did"]),
        "where'd" => Lexeme::Expands(&["where", "did"]),
        "why'd" => Lexeme::Expands(&["why", "did"]),
        "it's" => Lexeme::Expands(&["it", "is"]),
        "that's" => Lexeme::Expands(&["that", "is"]),
        "there's" => Lexeme::Expands(&["there", "is"]),
        "here's" => Lexeme::Expands(&["here", "is"]),
        "he's" => Lexeme::Expands(&["he", "is"]),
        "she's" => Lexeme::Expands(&["she", "is"]),
        "this's" => Lexeme::Expands(&["this", "is"]),
        "i'm" | "im" => Lexeme::Expands(&["i", "am"]),
        "you're" => Lexeme::Expands(&["you", "are"]),
        "we're" => Lexeme::Expands(&["we", "are"]),
        "they're" => Lexeme::Expands(&["they", "are"]),
        "i've" => Lexeme::Expands(&["i", "have"]),
        "you've" => Lexeme::Expands(&["you", "have"]),
        "we've" => Lexeme::Expands(&["we", "have"]),
        "they've" => Lexeme::Expands(&["they", "have"]),
        "i'll" => Lexeme::Expands(&["i", "will"]),
        "you'll" => Lexeme::Expands(&["you", "will"]),
        "we'll" => Lexeme::Expands(&["we", "will"]),
        "they'll" => Lexeme::Expands(&["they", "will"]),
        "it'll" => Lexeme::Expands(&["it", "will"]),
        "that'll" => Lexeme::Expands(&["that", "will"]),
        "i'd" => Lexeme::Expands(&["i", "would"]),
        "you'd" => Lexeme::Expands(&["you", "would"]),
        "we'd" => Lexeme::Expands(&["we", "would"]),
        "they'd" => Lexeme::Expands(&["they", "would"]),
        "it'd" => Lexeme::Expands(&["it", "would"]),
        "that'd" => Lexeme::Expands(&["that", "would"]),
        "he'd" => Lexeme::Expands(&["he", "would"]),
        "she'd" => Lexeme::Expands(&["she", "would"]),
        "gonna" => Lexeme::Expands(&["going", "to"]),
        "wanna" => Lexeme::Expands(&["want", "to"]),
        "gotta" => Lexeme::Expands(&["got", "to"]),
        "kinda" => Lexeme::Expands(&["kind", "of"]),
        "sorta" => Lexeme::Expands(&["sort", "of"]),
        "dont" => Lexeme::Expands(&["don't"]),
        "doesnt" => Lexeme::Expands(&["doesn't"]),
        "didnt" => Lexeme::Expands(&["didn't"]),
        "isnt" => Lexeme::Expands(&["isn't"]),
        "arent" => Lexeme::Expands(&["aren't"]),
        "wasnt" => Lexeme::Expands(&["wasn't"]),
        "werent" => Lexeme::Expands(&["weren't"]),
        "wouldnt" => Lexeme::Expands(&["wouldn't"]),
        "couldnt" => Lexeme::Expands(&["couldn't"]),
        "shouldnt" => Lexeme::Expands(&["shouldn't"]),
        "cant" => Lexeme::Expands(&["can't"]),
        "wont" => Lexeme::Expands(&["won't"]),
        "havent" => Lexeme::Expands(&["haven't"]),
        "hasnt" => Lexeme::Expands(&["hasn't"]),
        "youre" => Lexeme::Expands(&["you", "are"]),
        "whats" => Lexeme::Expands(&["what", "is"]),
        "thats" => Lexeme::Expands(&["that", "is"]),
        "ya" => Lexeme::Expands(&["you"]),
        _ => Lexeme::Plain,
    }
}

/// Discourse openers skipped before classifying a sentence ("So, okay, how do you…").
pub(super) const OPENERS: &[&[&str]] = &[
    &["so"],
    &["and"],
    &["but"],
    &["okay"],
    &["ok"],
    &["alright"],
    &["all", "right"],
    &["right"],
    &["well"],
    &["now"],
    &["then"],
    &["yeah"],
    &["yes"],
    &["yep"],
    &["great"],
    &["cool"],
    &["perfect"],
    &["nice"],
    &["got", "it"],
    &["gotcha"],
    &["i", "see"],
    &["interesting"],
    &["sure"],
    &["oh"],
    &["ah"],
    &["oof"],
    &["ugh"],
    &["wow"],
    &["awesome"],
    &["amazing"],
    &["totally"],
    &["fair"],
    &["fair", "enough"],
    &["understood"],
    &["noted"],
    &["brilliant"],
    &["lovely"],
    &["wonderful"],
    &["excellent"],
    &["good"],
    &["ha"],
    &["haha"],
    &["actually"],
    &["also"],
    &["just"],
    &["anyway"],
    &["first", "off"],
    &["first", "up"],
    &["first"],
    &["last", "thing"],
    &["quick", "question"],
    &["out", "of", "curiosity"],
    &["sorry"],
    &["remind", "me"],
    &["just", "to", "check"],
    &["just", "to", "clarify"],
    &["to", "check"],
    &["to", "clarify"],
    &["be", "honest", "with", "me"],
    &["be", "honest"],
    &["honestly"],
    &["i", "am", "curious"],
    &["makes", "sense"],
    &["that", "makes", "sense"],
    &["that", "is", "fair"],
    &["sounds", "good"],
    &["thanks"],
    &["thank", "you"],
    &["mm-hm"],
    &["uh-huh"],
    &["and", "then"],
    &["going", "back", "a", "step"],
    &["one", "more", "thing"],
    &["one", "last", "thing"],
    &["hey"],
    &["hi"],
    &["hello"],
    &["look"],
    &["listen"],
    &["basically"],
    &["i", "mean"],
    &["like"],
    &["you", "know"],
    &["no"],
    &["of", "course"],
    &["absolutely"],
    &["exactly"],
    &["definitely"],
    &["true"],
    &["indeed"],
    &["huh"],
    &["hmm"],
    &["see"],
    &["go", "on"],
    &["tell", "me"],
    &["ha", "ha"],
    &["aha"],
    &["wait"],
];

/// The openers that start with `word`, in the order of [`OPENERS`].
pub(super) fn openers_from(word: &str) -> &'static [&'static [&'static str]] {
    type ByFirst = HashMap<&'static str, Vec<&'static [&'static str]>, WordHasher>;
    static BY_FIRST: LazyLock<ByFirst> = LazyLock::new(|| {
        let mut m = ByFirst::default();
        for op in OPENERS {
            m.entry(op[0]).or_default().push(op);
        }
        m
    });
    BY_FIRST.get(word).map_or(&[], Vec::as_slice)
}

pub(super) fn is_function_word(w: &str) -> bool {
    is_aux(w)
        || is_wh(w)
        || matches!(
            w,
            "i" | "you"
                | "we"
                | "they"
                | "he"
                | "she"
                | "it"
                | "that"
                | "this"
                | "there"
                | "the"
                | "a"
                | "an"
                | "if"
                | "because"
                | "tell"
                | "walk"
                | "talk"
                | "imagine"
                | "suppose"
                | "given"
                | "since"
                | "when"
                | "with"
                | "for"
                | "in"
                | "on"
                | "at"
                | "to"
                | "maybe"
                | "perhaps"
                | "surely"
                | "obviously"
                | "presumably"
                | "probably"
                | "please"
                | "let"
                | "let's"
                | "say"
                | "think"
                | "describe"
                | "explain"
        )
}

pub(crate) fn is_wh(w: &str) -> bool {
    matches!(
        w,
        "what" | "how" | "why" | "where" | "when" | "who" | "whom" | "whose" | "which"
    )
}

pub(crate) fn is_aux(w: &str) -> bool {
    matches!(
        w,
        "do" | "does"
            | "did"
            | "is"
            | "are"
            | "was"
            | "were"
            | "am"
            | "have"
            | "has"
            | "had"
            | "can"
            | "could"
            | "will"
            | "would"
            | "should"
            | "shall"
            | "may"
            | "might"
            | "must"
            | "don't"
            | "doesn't"
            | "didn't"
            | "isn't"
            | "aren't"
            | "wasn't"
            | "weren't"
            | "haven't"
            | "hasn't"
            | "hadn't"
            | "can't"
            | "couldn't"
            | "won't"
            | "wouldn't"
            | "shouldn't"
            | "mustn't"
    )
}

pub(super) fn is_subjectish(w: &str) -> bool {
    matches!(
        w,
        "you"
            | "i"
            | "we"
            | "they"
            | "he"
            | "she"
            | "it"
            | "that"
            | "this"
            | "there"
            | "these"
            | "those"
            | "your"
            | "my"
            | "our"
            | "their"
            | "his"
            | "her"
            | "its"
            | "the"
            | "a"
            | "an"
            | "any"
            | "anyone"
            | "anybody"
            | "anything"
            | "someone"
            | "somebody"
            | "something"
            | "everyone"
            | "everybody"
            | "everything"
            | "people"
            | "some"
            | "all"
            | "most"
            | "many"
            | "much"
            | "each"
            | "every"
            | "both"
            | "either"
            | "neither"
            | "no"
            | "one"
            | "other"
            | "others"
            | "y'all"
    )
}
