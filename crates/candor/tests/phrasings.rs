//! Phrasings of each anti-pattern beyond the labelled cases, with the near misses that must
//! not fire. Each line is judged as the last interviewer turn of a short interview, after an
//! optional earlier interviewer turn (to set up a pitch or a summary).

use candor::{Analyzer, Config};

fn flagged(before: Option<&str>, line: &str) -> Vec<String> {
    let analyzer = Analyzer::new(Config::default()).expect("analyser");
    let mut text = String::from(
        "Interviewer: Thanks for joining. How do you handle bookings today?\n\
         Customer: Mostly on paper, and a spreadsheet that's always a week behind.\n",
    );
    if let Some(b) = before {
        text.push_str(&format!(
            "Interviewer: {b}\nCustomer: Okay, I see what you mean there.\n"
        ));
    }
    text.push_str(&format!(
        "Interviewer: {line}\nCustomer: Hm, let me think about that for a second.\n"
    ));
    let report = analyzer.analyze_bytes(text.as_bytes(), None);
    assert!(report.error.is_none(), "{:?}", report.error);
    let last_line = u32::try_from(text.lines().count() - 1).expect("small");
    report
        .findings
        .into_iter()
        .filter(|f| f.line == last_line)
        .map(|f| f.rule)
        .collect()
}

fn assert_flags(before: Option<&str>, line: &str, rule: &str) {
    let got = flagged(before, line);
    assert!(
        got.iter().any(|r| r == rule),
        "{rule} not flagged in {line:?}: {got:?}"
    );
}

fn assert_not(before: Option<&str>, line: &str, rule: &str) {
    let got = flagged(before, line);
    assert!(
        !got.iter().any(|r| r == rule),
        "{rule} flagged in {line:?}: {got:?}"
    );
}

#[test]
fn the_product_doing_something_is_selling() {
    for line in [
        "Our platform can message all your drivers at once and give the job to whoever accepts first.",
        "Our order portal enforces a cut-off and sends the cafés a reminder at ten.",
        "That's basically what we've built: it links every alert to the last deploy.",
        "My app just texts them the day before, so you don't have to.",
        "We've been sketching a forecast screen that does more or less that.",
    ] {
        assert_flags(None, line, "selling");
    }
}

#[test]
fn the_products_flaws_are_not_selling() {
    for line in [
        "Honestly our app is really slow on older phones, sorry about that.",
        "Our reminder feature doesn't handle group bookings yet.",
        "Our dashboard can be a bit confusing for new people, I know.",
        "Our tool still crashes when the file is too big.",
    ] {
        assert_not(None, line, "selling");
    }
    // Their world, described back to them, is not a pitch either.
    assert_not(
        None,
        "So the spreadsheet sends everything to the depot and nobody checks it.",
        "selling",
    );
}

#[test]
fn reactions_asked_after_a_pitch_seek_validation() {
    let pitch = Some("Our tool checks every part against the approved list before you submit.");
    for line in [
        "Does that sound like it would be valuable to you?",
        "What's your gut reaction to that?",
        "Am I on the right track with that?",
        "Does that resonate?",
        "How does that land?",
    ] {
        assert_flags(pitch, line, "validation-seeking");
    }
}

#[test]
fn checking_a_summary_is_not_validation() {
    let summary = Some(
        "So if I've understood you, the approvals are slow and the worst part is finding out too late.",
    );
    for line in ["Am I on the right track with that?", "Does that resonate?"] {
        assert_not(summary, line, "validation-seeking");
    }
}

#[test]
fn predictions_about_anyone_are_hypothetical() {
    for line in [
        "Do you think the cafés would actually bother logging in to order?",
        "Do you reckon your drivers would start using it on the road?",
        "say there was an app for the subs how often do you think the coaches would use it",
    ] {
        assert_flags(None, line, "hypothetical-question");
    }
    // A real risk's consequence is not a prediction of behaviour.
    assert_not(
        None,
        "What would happen if someone untrained used the laser?",
        "hypothetical-question",
    );
}

#[test]
fn guesses_left_for_them_to_confirm_are_leading() {
    for line in [
        "you must lose a fortune on no shows every month i'd imagine",
        "I imagine a lot of good stock gets binned that way, doesn't it?",
        "I bet you're sick of chasing them by now, right?",
    ] {
        assert_flags(None, line, "leading-question");
    }
    for line in [
        // No judgement in the guess.
        "you must have a lot of regulars i'd imagine",
        // Neutral, and open.
        "How do you feel about the no-shows?",
    ] {
        assert_not(None, line, "leading-question");
    }
}

#[test]
fn unpunctuated_speech_is_read_by_its_clauses() {
    // An embedded wh-clause is not a second question.
    assert_not(
        None,
        "um how do you keep track of who has paid their subs this season",
        "stacked-questions",
    );
    assert_not(
        None,
        "so how do you decide which van gets the fragile drops each morning",
        "stacked-questions",
    );
    // A false start abandoned at a comma is not a question.
    assert_not(
        None,
        "so what do you, how do you get the teams sorted for a saturday",
        "stacked-questions",
    );
    // A yes/no question without its question mark is still closed.
    assert_flags(
        None,
        "has the league ever fined you for that",
        "closed-question",
    );
    // A statement that lost its subject is not a question.
    assert_not(
        None,
        "was a nightmare last winter honestly",
        "closed-question",
    );
    // Two real questions run together are still stacked.
    assert_flags(
        None,
        "how do you plan the week and who signs the rota off at the end",
        "stacked-questions",
    );
}

#[test]
fn referral_asks_and_homework_in_new_words() {
    let line = "Is there another bakery owner you'd recommend I talk to?";
    assert_not(None, line, "closed-question");
    assert_flags(
        None,
        "And how many research groups are in the department overall?",
        "homework-question",
    );
    // Their own team is their world, not homework.
    assert_not(
        None,
        "How many people are on your shift on a Saturday?",
        "homework-question",
    );
}

#[test]
fn batch_four_phrasings() {
    // A name introduced as the means, without a comma.
    assert_flags(
        None,
        "So with ClaimPaw the clinic just snaps the invoice and we handle everything else.",
        "selling",
    );
    assert_flags(
        None,
        "With our app you never chase anyone again.",
        "selling",
    );
    // A verdict tagged after a pitch, and a reaction asked in other words.
    let pitch =
        Some("Our scheduler reshuffles the rounds automatically when someone calls in sick.");
    assert_flags(pitch, "Pretty cool, right?", "validation-seeking");
    assert_flags(
        pitch,
        "Honestly, how does that strike you?",
        "validation-seeking",
    );
    // Predictions with other verbs and frames.
    for line in [
        "Would your front desk be up for trying it next month?",
        "And would your cleaners actually check an app for their rounds?",
        "How much you think is okay to pay for this system every month?",
    ] {
        assert_flags(None, line, "hypothetical-question");
    }
    // A view asked for at the end is a tag, not a second question.
    assert_not(
        pitch,
        "Would something like that make your life easier, do you think?",
        "stacked-questions",
    );
    // "Ours" standing for the product; people struggling is not the product's weakness.
    assert_flags(
        None,
        "yeah ours kind of struggles with duplicates too to be fair it's early days",
        "self-criticism",
    );
    assert_not(
        None,
        "I was asking about a library that we struggle with that has recurring issues.",
        "self-criticism",
    );
    // Homework in other verbs and as a confirmation.
    assert_flags(
        None,
        "how many games has the studio shipped so far",
        "homework-question",
    );
    assert_flags(
        None,
        "And the authority covers the whole district, I take it?",
        "homework-question",
    );
}

#[test]
fn a_person_met_with_is_not_a_product() {
    assert_not(
        None,
        "So with Sarah the team just went back to paper for a month.",
        "selling",
    );
}

#[test]
fn prices_sell_only_as_the_products() {
    for line in [
        "I need $20 for gas before the next job.",
        "Setting aside the $80 that it cost the two of us, it was awful.",
    ] {
        assert_not(None, line, "selling");
    }
    for line in [
        "Our pricing is a hundred and forty euros a month per practice.",
        "It's just twenty pounds a seat.",
        "Plans start at $9 for a small team.",
    ] {
        assert_flags(None, line, "selling");
    }
}

#[test]
fn my_things_are_not_my_product() {
    assert_not(
        None,
        "I say, my alternator's broken and I hold up an alternator.",
        "self-criticism",
    );
    assert_not(
        None,
        "These are things we pass on to our children, you know, if you make a mess clean it up.",
        "self-criticism",
    );
    assert_flags(
        None,
        "Honestly my app is still really buggy on Android.",
        "self-criticism",
    );
}

#[test]
fn reflections_and_prefaces_are_not_extra_questions() {
    for line in [
        "And you said something about siblings and children? What did you mean there?",
        "Can I ask you a naive question? How do you decide what goes on the list?",
    ] {
        assert_not(None, line, "stacked-questions");
    }
    assert_flags(
        None,
        "How did they respond? Did you talk to them about it?",
        "stacked-questions",
    );
}

#[test]
fn batch_five_phrasings() {
    // The product in a clause that ends at a colon; what was drafted, and what it is for.
    for line in [
        "And that's where our trust portal shines: every answer is pre-approved.",
        "We've drafted a shared checklist that both museums fill in online.",
    ] {
        assert_flags(None, line, "selling");
    }
    let pitch = Some("Our portal answers the security questionnaire for you, pre-approved.");
    assert_flags(
        pitch,
        "Is that the sort of thing your team would value?",
        "validation-seeking",
    );
    assert_flags(pitch, "What's your first impression?", "validation-seeking");
    // Outcomes of an imagined condition, also without punctuation.
    assert_flags(
        None,
        "If a vendor had all that ready on day one, how much faster do you think the review would go?",
        "hypothetical-question",
    );
    assert_flags(
        None,
        "and like if it did that would you actually switch from email",
        "hypothetical-question",
    );
    // A verdict that settles it, tagged; a guess about their time that ends the turn.
    assert_flags(
        None,
        "So it would be a no-brainer to prioritise vendors who have it, wouldn't it?",
        "leading-question",
    );
    assert_not(
        None,
        "So it would be a no-brainer to prioritise vendors who have it, wouldn't it?",
        "hypothetical-question",
    );
    assert_flags(
        None,
        "And I assume the home exercise sheets eat up a lot of that time too.",
        "leading-question",
    );
    // Design asks with a longer product name; contractions of wh-words stay open.
    assert_flags(
        None,
        "what would you want a wholesale ordering tool to do for you",
        "solution-request",
    );
    assert_not(None, "How'd that end up?", "closed-question");
    // A false start that stops before its verb.
    assert_not(
        None,
        "Righto, so how does a job, like, what happens from when a customer rings?",
        "stacked-questions",
    );
    // A question after a wh-word is not a new yes/no question in unpunctuated speech.
    assert_not(
        None,
        "one or two a week, what do you do about those",
        "closed-question",
    );
    // Homework about collections and funding.
    assert_flags(
        None,
        "To begin with, how many objects does the museum hold in total?",
        "homework-question",
    );
    assert_flags(
        None,
        "And the museum is publicly funded, isn't it?",
        "homework-question",
    );
}
