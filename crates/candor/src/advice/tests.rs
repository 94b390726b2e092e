//! Rewrites judged by hand, per rule: what real interviewers say (punctuated and not,
//! fillers, British and Indian English), and what must fall back to the rule's own help.

use super::*;
use proptest::prelude::*;

/// Each case: the rule, the sentence, and the question judged right (or `None`: the rule's
/// own help is better than any rewrite).
fn check(cases: &[(Id, &str, Option<&str>)]) {
    let mut failures = Vec::new();
    for &(rule, sentence, want) in cases {
        let got = rewrite(rule, sentence);
        if got.as_deref() != want {
            failures.push(format!(
                "{rule:?} {sentence:?}\n  want {want:?}\n  got  {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn closed_questions_are_asked_open_in_their_own_words() {
    use Id::Closed as C;
    check(&[
        // The example: what the document is for is the topic.
        (
            C,
            "Do you have a policy doc for mileage?",
            Some("How do you keep track of mileage today?"),
        ),
        (
            C,
            "so um do you have like a policy doc for mileage",
            Some("How do you keep track of mileage today?"),
        ),
        // Any- and some-words become wh-words.
        (
            C,
            "Do you use any tools for scheduling?",
            Some("What, if any, tools do you use for scheduling?"),
        ),
        (C, "did you ring anyone", Some("Who did you ring?")),
        (
            C,
            "Have you tried anything to make it easier?",
            Some("What have you tried to make it easier?"),
        ),
        (
            C,
            "And do you ever have problems with buyers?",
            Some("What problems do you have with buyers?"),
        ),
        (
            C,
            "Are there any tools you use for rostering?",
            Some("What tools do you use for rostering?"),
        ),
        (
            C,
            "Is there anything you check first thing in the morning?",
            Some("What do you check first thing in the morning?"),
        ),
        // A practice verb takes "how", and keeps the rest of the clause.
        (
            C,
            "Do you charge interest when they pay late?",
            Some("How do you charge interest when they pay late, if at all?"),
        ),
        (
            C,
            "Okay, and do you keep records of what you sell?",
            Some("How do you keep records of what you sell today, if at all?"),
        ),
        (
            C,
            "Sir, do you maintain a register for the cash expenses?",
            Some("How do you maintain a register for the cash expenses today, if at all?"),
        ),
        (
            C,
            "Have you tried hiring a bookkeeper?",
            Some("What happened when you tried hiring a bookkeeper?"),
        ),
        // A leading yes/no question gets the neutral rewrite.
        (
            C,
            "I bet the month-end close is a nightmare, isn't it?",
            Some("What is the month-end close like for you?"),
        ),
        // Either/or: ours to narrow, so no rewrite; pronouns and verdicts: no topic.
        (C, "do you guys use slack or teams", None),
        (C, "Is that a problem?", None),
        (C, "Did you find it useful?", None),
        (C, "Does it work?", None),
    ]);
}

#[test]
fn leading_questions_lose_their_presupposition() {
    use Id::Leading as L;
    check(&[
        (
            L,
            "Don't you hate chasing invoices?",
            Some("What is chasing invoices like for you?"),
        ),
        (
            L,
            "and i'm guessing keeping track of miles across three apps is a total mess right",
            Some("What is keeping track of miles across three apps like for you?"),
        ),
        (
            L,
            "So the reconciliation, it is very painful for you, no?",
            Some("What is the reconciliation like for you?"),
        ),
        (
            L,
            "I suppose the cash handling was a nightmare with the auditors, was it?",
            Some("What was the cash handling like for you?"),
        ),
        (
            L,
            "You must be sick of re-keying orders from email, surely?",
            Some("What is re-keying orders from email like for you?"),
        ),
        (
            L,
            "Don't you think invoicing is a nightmare?",
            Some("What is invoicing like for you?"),
        ),
        (L, "That must be really frustrating, right?", None),
    ]);
}

#[test]
fn hypothetical_questions_ask_about_the_past() {
    use Id::Hypothetical as H;
    check(&[
        (
            H,
            "Would you use an app that tracks invoices?",
            Some("How did you track invoices the last time?"),
        ),
        (
            H,
            "would you use something that lets you book rooms from your phone",
            Some("How did you book rooms from your phone the last time?"),
        ),
        (
            H,
            "Would you pay forty quid a month for something that builds shot lists?",
            Some("What do you spend on building shot lists today?"),
        ),
        (
            H,
            "How much would you pay for a tool for stock counts?",
            Some("What do you spend on stock counts today?"),
        ),
        (
            H,
            "Would you switch from the clipboard?",
            Some("How did you come to use the clipboard?"),
        ),
        // The product's own name is not what they spend on today; "it" says nothing.
        (H, "Would you pay $40 a month for ShotList?", None),
        (H, "If we built it, would you use it?", None),
        // Approvals: the rule's own help asks how the last one went.
        (H, "Would your manager sign off on it?", None),
    ]);
}

#[test]
fn validation_and_solution_requests_turn_to_their_problem() {
    use Id::{SolutionRequest as S, Validation as V};
    check(&[
        (
            V,
            "Would an app that reminds patients about appointments be useful to you?",
            Some("How do you remind patients about appointments today?"),
        ),
        (
            V,
            "so would a tool for tracking deliveries be helpful for you guys",
            Some("How do you go about tracking deliveries today?"),
        ),
        (V, "Do you like the idea?", None),
        (
            S,
            "What features would you want in a scheduling tool?",
            Some("What was the hardest part the last time you dealt with scheduling?"),
        ),
        (
            S,
            "If you could design the perfect app for managing rotas, what would it have?",
            Some("What was the hardest part the last time you dealt with managing rotas?"),
        ),
        (S, "What would your ideal tool do?", None),
    ]);
}

#[test]
fn stacked_questions_keep_the_open_one_that_asks_about_them() {
    use Id::Stacked as K;
    check(&[
        (
            K,
            "How do you plan the week? Do you use a whiteboard? Or is it all in your head?",
            Some("How do you plan the week?"),
        ),
        // No open one: the first, asked open.
        (
            K,
            "Do you use a whiteboard? And who updates it?",
            Some("How do you use a whiteboard today, if at all?"),
        ),
        // Facts and a question about someone else: nothing worth keeping alone.
        (K, "How many vans do you run? Who plans the routes?", None),
    ]);
}

#[test]
fn pitches_and_apologies_turn_to_their_experience() {
    use Id::{SelfCriticism as X, Selling as P};
    check(&[
        (
            P,
            "Our app syncs with QuickBooks automatically, so you'd never have to export again.",
            Some("How do you sync with QuickBooks today?"),
        ),
        (P, "We can do a free trial for the first month.", None),
        // What the vendor builds is not what they do.
        (P, "we'd build the integration for you", None),
        (
            X,
            "Honestly our mobile app is super buggy, just ignore that.",
            None,
        ),
        (
            X,
            "I know our onboarding is pretty terrible right now.",
            None,
        ),
        (X, "Sorry, we're a bit behind on that.", None),
    ]);
}

#[test]
fn homework_asks_what_only_they_know() {
    use Id::Homework as W;
    check(&[
        (
            W,
            "What does Acme Logistics do exactly?",
            Some("What does your role at Acme Logistics involve day to day?"),
        ),
        (
            W,
            "So how big is the company?",
            Some("What does your role at the company involve day to day?"),
        ),
        (
            W,
            "And how many people work at the practice?",
            Some("What does your role at the practice involve day to day?"),
        ),
        (W, "Where are you based?", None),
    ]);
}

#[test]
fn the_help_quotes_the_rewrite_after_the_rules_lead() {
    assert_eq!(
        help(Id::Closed, "Do you have a policy doc for mileage?").as_deref(),
        Some("ask it open: \"How do you keep track of mileage today?\"")
    );
    assert_eq!(help(Id::Closed, "Is that a problem?"), None);
    // Rules that judge the turn or the whole interview have no sentence to rewrite.
    assert_eq!(
        help(Id::TalkRatio, "Do you use any tools for scheduling?"),
        None
    );
}

#[test]
fn well_formed_rejects_what_it_should() {
    for bad in [
        "Do you use spreadsheets?",
        "How do you handle today",
        "How do you handle the the rota today?",
        "What do you spend on the?",
        "How do you keep track of our app?",
        "What is it?",
    ] {
        assert!(!well_formed(bad), "{bad}");
    }
    assert!(well_formed("What is chasing invoices like for you?"));
}

#[test]
fn gerunds_and_base_forms() {
    for (v, g) in [
        ("tracks", "tracking"),
        ("saves", "saving"),
        ("plans", "planning"),
        ("tidies", "tidying"),
        ("matches", "matching"),
        ("syncs", "syncing"),
        ("edit", "editing"),
        ("ships", "shipping"),
        ("books", "booking"),
    ] {
        assert_eq!(gerund_of(v).as_deref(), Some(g), "{v}");
    }
    assert_eq!(base_of("reconciles").as_deref(), Some("reconcile"));
    assert_eq!(gerund_of("tracked"), None);
}

proptest! {
    /// Whatever the text, a rewrite never panics, and any it makes is well formed.
    #[test]
    fn any_text_rewrites_safely(text in "\\PC{0,120}", rule in 0usize..13) {
        let id = Id::ALL[rule % Id::ALL.len()];
        if let Some(q) = rewrite(id, &text) {
            prop_assert!(well_formed(&q), "{q}");
        }
    }

    /// Speech-like text from the words the heuristics look for.
    #[test]
    fn wordy_text_rewrites_safely(
        words in proptest::collection::vec(
            proptest::sample::select(vec![
                "do", "you", "any", "the", "for", "that", "app", "tracks", "invoices", "our",
                "is", "a", "?", ",", "would", "pay", "$40", "hate", "chasing", "tried",
                "anything", "there", "i", "bet", "it", "what", "how", "um", "like", "with",
            ]),
            0..16,
        ),
        rule in 0usize..13,
    ) {
        let id = Id::ALL[rule % Id::ALL.len()];
        let text = words.join(" ");
        if let Some(q) = rewrite(id, &text) {
            prop_assert!(well_formed(&q), "{text:?} → {q}");
        }
    }
}

/// The examples of docs/rules.md#better-questions.
#[test]
fn the_documented_examples_hold() {
    use Id::*;
    check(&[
        (Closed, "Did you ring anyone?", Some("Who did you ring?")),
        (
            Closed,
            "Did you take any legal action?",
            Some("What, if any, legal action did you take?"),
        ),
        (
            Closed,
            "Do you use a bug tracker?",
            Some("How do you use a bug tracker today, if at all?"),
        ),
        (
            Closed,
            "Do you have a policy doc for mileage?",
            Some("How do you keep track of mileage today?"),
        ),
        (
            Leading,
            "Don't you hate chasing invoices?",
            Some("What is chasing invoices like for you?"),
        ),
        (
            Hypothetical,
            "Would you use an app that tracks invoices?",
            Some("How did you track invoices the last time?"),
        ),
        (
            Validation,
            "Would an app that reminds patients about appointments be useful?",
            Some("How do you remind patients about appointments today?"),
        ),
        (
            SolutionRequest,
            "What features would you want in a scheduling tool?",
            Some("What was the hardest part the last time you dealt with scheduling?"),
        ),
        (
            Stacked,
            "How do you plan the week? Do you use a whiteboard?",
            Some("How do you plan the week?"),
        ),
        (
            Homework,
            "What does Acme Logistics do?",
            Some("What does your role at Acme Logistics involve day to day?"),
        ),
        (
            Selling,
            "Our app syncs with QuickBooks automatically",
            Some("How do you sync with QuickBooks today?"),
        ),
        (SelfCriticism, "Our mobile app is super buggy", None),
    ]);
}
