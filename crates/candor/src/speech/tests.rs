//! Tests of the speech layer.

use unicode_segmentation::UnicodeSegmentation;

use super::normalise::raw_tokens;
use super::segment::sentence_bounds;
use super::words::{count_words_general, is_word_char};
use super::*;

fn forms(text: &str) -> Vec<(Form, String)> {
    sentences(text, &["Ravi".to_string()])
        .into_iter()
        .map(|s| (s.form, s.core_norm().to_string()))
        .collect()
}

fn form(text: &str) -> Form {
    let f = forms(text);
    assert_eq!(f.len(), 1, "{text}: {f:?}");
    f[0].0
}

#[test]
fn contains_any_finds_ascii_bytes_and_other_characters() {
    assert!(contains_any("why?", b".!?", &["？"]));
    assert!(contains_any("なぜ？", b"?", &["？", "¿"]));
    assert!(!contains_any("no question here", b"?", &["？", "¿"]));
    assert!(!contains_any("café", b"?", &["？"]));
}

#[test]
fn normalises_speech() {
    let s = &sentences("Um, so what's the the, like, main thing you'd change?", &[])[0];
    assert_eq!(s.norm, ", so what is the , main thing you would change ?");
    assert_eq!(s.core_norm(), "what is the , main thing you would change ?");
    let (a, b) = s.source_range(
        s.norm.find("what").unwrap(),
        s.norm.find(" is").unwrap() + 3,
    );
    assert_eq!(
        &"Um, so what's the the, like, main thing you'd change?"[a..b],
        "what's"
    );
}

#[test]
fn question_forms() {
    assert_eq!(form("So how do you handle building regs?"), Form::Wh);
    assert_eq!(form("how do you handle building regs"), Form::Wh);
    assert_eq!(form("What I found was that it broke."), Form::Statement);
    assert_eq!(
        form("Could you walk me through the last reconciliation you did?"),
        Form::Invitation
    );
    assert_eq!(
        form("Would you mind telling me a bit about your first weeks?"),
        Form::Invitation
    );
    assert_eq!(form("Tell me about the log."), Form::Invitation);
    assert_eq!(
        form("Walk me through how you write the report."),
        Form::Invitation
    );
    assert_eq!(form("Say more about that?"), Form::Invitation);
    // Asking for background or an overview, with or without "me"/"us", asks for a story.
    assert_eq!(
        form("Would you give a little bit of background on the project?"),
        Form::Invitation
    );
    assert_eq!(
        form("Could you give a quick overview of how the team works?"),
        Form::Invitation
    );
    assert_eq!(
        form("Could you give me a bit more background on that?"),
        Form::Invitation
    );
    assert_eq!(
        form("Would you give a rough sense of how often it happens?"),
        Form::Invitation
    );
    // Giving something else, or giving it to someone, is still yes or no.
    for q in [
        "Would you give a discount to early customers?",
        "Would you give the summary to your manager?",
        "Would you give an introduction at the event?",
        "Would you give some background information to the auditors?",
        "Would you give background checks to every contractor?",
    ] {
        assert_eq!(form(q), Form::YesNo, "{q}");
    }
    assert_eq!(
        form("Maybe start with what your job looks like day to day?"),
        Form::Invitation
    );
    assert_eq!(
        form("Do you use the reminder feature at all now?"),
        Form::YesNo
    );
    assert_eq!(form("Ravi, did you ever try it?"), Form::YesNo);
    assert_eq!(form("Would you sign up for that?"), Form::YesNo);
    assert_eq!(form("do you use spreadsheets for that"), Form::YesNo);
    assert_eq!(form("That must be so chaotic, right?"), Form::Tag);
    assert_eq!(
        form("Keyword rules are just the wrong approach, aren't they?"),
        Form::Tag
    );
    assert_eq!(form("You use spreadsheets for this?"), Form::Declarative);
    assert_eq!(form("Noisy how?"), Form::Fragment);
    assert_eq!(form("Really?"), Form::Fragment);
    assert_eq!(form("And when Ciarán's off as well?"), Form::Wh);
    assert_eq!(
        form("Remind me — is the school a state primary or an academy?"),
        Form::YesNo
    );
    assert_eq!(form("Sorry, what's a credit?"), Form::Wh);
    assert_eq!(form("In what way was it different?"), Form::Wh);
    assert_eq!(form("We built a plugin."), Form::Statement);
}

#[test]
fn a_wh_word_asked_in_place_is_open() {
    // Said as a statement, the wh-word at the end: it asks as "How long have you…?" does.
    assert_eq!(
        form("You've been working on the game for how long?"),
        Form::Wh
    );
    assert_eq!(form("And then you released it when?"), Form::Wh);
    assert_eq!(form("So that's the average of what?"), Form::Wh);
    assert_eq!(form("You moved the depot there what year?"), Form::Wh);
    assert_eq!(form("The blacksmith was designed by whom?"), Form::Wh);
    // Still statements said as questions: no wh-word, or a choice closed with "or what".
    assert_eq!(form("You use spreadsheets for this?"), Form::Declarative);
    assert_eq!(
        form("You keep it in a spreadsheet or what?"),
        Form::Declarative
    );
    assert_eq!(form("It's a mess, you know what?"), Form::Declarative);
    // A question embedded after a verb that takes one, or after "that is", still asks for a
    // yes or a no.
    assert_eq!(form("You don't know why?"), Form::Declarative);
    assert_eq!(form("You remember when?"), Form::Declarative);
    assert_eq!(form("And you figured out how?"), Form::Declarative);
    assert_eq!(form("So that's why?"), Form::Declarative);
}

#[test]
fn splits_sentences_and_run_ons() {
    assert_eq!(
        forms("Tell me about the late payers. What happened the last time one paid really late?")
            .len(),
        2
    );
    let f = forms(
        "so we built this thing that syncs everything for you would you use it if it was free",
    );
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(f[1].0, Form::YesNo);
}

/// The tokeniser as first written, over chars, to check the byte-wise one against.
fn raw_tokens_by_chars(text: &str, base: usize, out: &mut Vec<(usize, usize, bool)>) {
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if is_word_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    it.next();
                } else if matches!(d, '\'' | '’' | '-' | '.' | ':' | '/' | '&') {
                    // Inside a word: "don't", "long-term", "3.5", "micro:bit", "24/7".
                    let after = text[j + d.len_utf8()..].chars().next();
                    let inner_ok = match d {
                        '\'' | '’' | '-' | '&' => after.is_some_and(is_word_char),
                        _ => after.is_some_and(|a| a.is_alphanumeric()) && c.is_alphanumeric(),
                    };
                    if inner_ok {
                        it.next();
                        end = j + d.len_utf8();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            out.push((base + i, base + end, false));
        } else if c == '.' && text[i..].starts_with("...") {
            it.next();
            it.next();
            out.push((base + i, base + i + 3, true));
        } else if c == '-' && text[i + 1..].starts_with('-') {
            it.next();
            out.push((base + i, base + i + 2, true));
        } else {
            out.push((base + i, base + i + c.len_utf8(), true));
        }
    }
}

proptest::proptest! {
    #[test]
    fn count_words_fast_path_agrees(text in "[aZ0 '_.,(\\[\\])’é你—-]{0,30}") {
        proptest::prop_assert_eq!(count_words(&text), count_words_general(&text));
    }

    #[test]
    fn raw_tokens_agree_with_the_char_by_char_reading(text in "[aZ0 _.,:/&'’é你—\t…-]{0,30}") {
        let (mut got, mut want) = (Vec::new(), Vec::new());
        raw_tokens(&text, 3, &mut got);
        raw_tokens_by_chars(&text, 3, &mut want);
        proptest::prop_assert_eq!(got, want);
    }

    #[test]
    fn count_words_eight_bytes_at_a_time_agrees(text in "[ -~&&[^(\\[]]{0,80}") {
        proptest::prop_assert_eq!(count_words(&text), count_words_general(&text));
    }

    #[test]
    fn count_words_carries_words_through_runs_of_joining_characters(
        text in "[a1 '_.-]{0,64}"
    ) {
        proptest::prop_assert_eq!(count_words(&text), count_words_general(&text));
    }

    #[test]
    fn sentence_bounds_agree_with_uax29(
        text in proptest::string::string_regex(
            "[aAz1 .?!\\n\\r\\t\\x0b\\x0c\"'()\\[\\]{},:;#_‘’“”–—…é-]{0,40}"
        ).unwrap()
    ) {
        let mut fast = Vec::new();
        sentence_bounds(&text, &mut fast);
        let uax: Vec<(usize, usize)> = text
            .split_sentence_bound_indices()
            .map(|(a, s)| (a, a + s.len()))
            .collect();
        proptest::prop_assert_eq!(fast, uax, "{:?}", text);
    }
}

#[test]
fn sentence_bounds_on_speech() {
    for text in [
        "So. what do you do? I use v2.5 of it. The U.S. team said \"no.\" Then (maybe) not!",
        "Okay... right. e.g. this one.\r\nNext line?\n\nAnd then",
        "Really?! Yes: it was. 3.5 hours. Mr. Smith - he left.",
        "It’s “fine.” Isn’t it? — well… no. Café’s closed.",
    ] {
        let mut fast = Vec::new();
        sentence_bounds(text, &mut fast);
        let uax: Vec<(usize, usize)> = text
            .split_sentence_bound_indices()
            .map(|(a, s)| (a, a + s.len()))
            .collect();
        assert_eq!(fast, uax, "{text:?}");
    }
}

#[test]
fn punctuated_turns_ask_only_where_they_have_a_question_mark() {
    assert_eq!(
        count_questions("What do you mean. Why would I. Is it ok? Sure.", &[]),
        1
    );
    assert_eq!(count_questions("How would I know. I just do it.", &[]), 0);
    assert_eq!(count_questions("Is it ok? Or is it not? Fine.", &[]), 2);
    // A sentence left without any closing mark is read: typed chat drops question marks.
    assert_eq!(
        count_questions("okay question two. do you stay up late on your phone", &[]),
        1
    );
    assert_eq!(count_questions("okay question two. I stay up late", &[]), 0);
    // Unpunctuated speech-to-text is read in full.
    assert_eq!(count_questions("so what do you do for work", &[]), 1);
    // There "or not" ends a yes/no question, as "right" does: "…you will book more or not".
    assert_eq!(
        count_questions(
            "ok so if we launch it you will book more classes or not",
            &[]
        ),
        1
    );
    // Not when it closes an "if" or "whether" clause.
    assert_eq!(
        count_questions("ok i am not sure if this matters or not", &[]),
        0
    );
    // Punctuated, a statement that ends so asks nothing.
    assert_eq!(
        count_questions("I never know if the bus will come or not.", &[]),
        0
    );
}

#[test]
fn a_spoken_tag_asks_only_where_the_sentence_was_left_open() {
    // Speech-to-text without question marks: a closing "right", "yeah" or "huh" asks.
    assert_eq!(
        form("so the whiteboard is pretty much the whole system right"),
        Form::Tag
    );
    assert_eq!(form("so it'd pay for the van in a month, yeah"), Form::Tag);
    assert_eq!(form("and the depot never rings you back huh"), Form::Tag);
    // Closed with a full stop or an exclamation mark, the sentence is a statement.
    assert_eq!(form("That's a fair way to put it, yeah."), Form::Statement);
    assert_eq!(
        form("I just want to make sure I get the order right."),
        Form::Statement
    );
    assert_eq!(form("Well, you got that one right!"), Form::Statement);
    // With its question mark it asks, as before.
    assert_eq!(form("That's a fair way to put it, yeah?"), Form::Tag);
}

#[test]
fn words() {
    assert_eq!(count_words("Hello there, how are you?"), 5);
    assert_eq!(count_words("it's twenty-nine pounds [crosstalk] a seat"), 5);
    assert_eq!(count_words(""), 0);
}
