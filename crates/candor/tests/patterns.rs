//! The patterns alone (`learned = false`), where a shape of speech decides: these do not
//! depend on the shipped weights.

use candor::{Analyzer, Config, Status};

/// The lines `rule` flags in `transcript`, judged by the patterns alone.
fn flagged(rule: &str, transcript: &str) -> Vec<u32> {
    let analyzer = Analyzer::new(Config::default().with_learned(false)).unwrap();
    let report = analyzer.analyze_str(transcript);
    assert_eq!(report.error, None);
    // A transcript too short to judge has no findings at all, which would pass any test.
    assert_eq!(report.status, Status::Judged, "{:?}", report.reason);
    let mut lines: Vec<u32> = report
        .findings
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| f.line)
        .collect();
    lines.dedup();
    lines
}

const DEPOT: &str = "\
Ann: Thanks for making the time today, I really appreciate it and I know the week is busy for you.
Bob: No problem at all, happy to help out with this, it sounds like an interesting project to me.
Ann: So you've been running the depot for how long?
Bob: Six years now, since the old manager retired and they asked me to step up into it.
Ann: And then you moved the whole team over to it when?
Bob: Last spring, after the audit, we had no choice really.
Ann: So you've been running the depot on spreadsheets the whole time?
Bob: Yes, pretty much, and nobody has ever really asked why we do it that way.
Ann: You don't know why?
Bob: No idea, it was like that before I came.
Ann: So once the person who pushed for it moved on, the pilot just died, right?
Bob: Yes.
";

#[test]
fn wh_words_asked_in_place_are_not_closed() {
    // Lines 3 and 5 ask "how long" and "when" in place, as a wh-question does. Line 7 is a
    // statement said as a question, line 9 embeds its wh-word after "know" and line 11
    // ends on a tag: each asks for a yes.
    assert_eq!(flagged("closed-question", DEPOT), vec![7, 9, 11]);
}

const OPENING: &str = "\
Ann: Hi Bob, thanks for joining. Is the sound okay on your end?
Bob: Yes, loud and clear, thanks for having me on the call.
Ann: Great. Do you have any questions for me before we begin?
Bob: No, I read the sheet you sent over, all good on my side.
Ann: Are you ready to get started?
Bob: Ready when you are, go ahead.
Ann: Before we start, do you still keep the rota on paper?
Bob: We do, on the wall in the office, and everyone takes a photo.
Ann: I just want to make sure I get the order of it right.
Bob: Sure, take your time.
Ann: so the photo on the phone is pretty much the whole system right
Bob: Pretty much, yes.
";

#[test]
fn questions_about_the_call_and_closed_statements_are_not_closed() {
    // Lines 1, 3 and 5 ask about the call itself (the sound, their questions before it
    // starts, whether they are ready): logistics, not closed questions. Line 7 puts a real
    // yes/no question after "before we start". Line 9 ends on "right" but its full stop
    // makes it a statement; line 11, left open in speech-to-text, ends on a tag.
    assert_eq!(flagged("closed-question", OPENING), vec![7, 11]);
}

const BAD_LINE: &str = "\
Ann: Hello Rajesh sir, Ann here from the co-op, Dr Priya gave me your number. Is the voice clear?
Bob: Yes, yes, I can hear you fine now, the signal on the farm is never very good in the mornings.
Ann: Sorry, the network in this office is bad. Is the line better now?
Bob: Better, go ahead, I have maybe twenty minutes before the milk tanker comes.
Ann: So how do you order the feed today?
Bob: I call the dealer on Monday and he sends it on Thursday, and if he forgets I drive to town.
Ann: hello? sir, are you there?
Bob: I am here, you were cutting, the tower is far from us.
Ann: Did we lose you for a second?
Bob: No, no, still here, carry on please.
Ann: Am I audible now?
Bob: Yes, clear now.
Ann: Is the sound better now?
Bob: Much better.
Ann: Hello Rajesh sir, are you there?
Bob: Yes, I was talking to my son for a moment.
";

#[test]
fn checks_on_a_bad_line_are_not_closed() {
    // Whether the voice is clear, whether the line or the sound came back, whether they are
    // still there, whether they lost you: questions about the call (logistics), not closed
    // questions about their work. Only line 5 is a question about their work, and it is
    // open. (Judged: a transcript too short to judge would have no findings at all.)
    assert_eq!(flagged("closed-question", BAD_LINE), Vec::<u32>::new());
}

const FIELD: &str = "\
Ann: Is that recording locally or in the cloud?
Bob: Locally, on the desk unit, and then someone copies it over on Fridays.
Ann: Can you hear the difference between the two mics?
Bob: Not really, the cheap one is a bit thinner maybe.
Ann: Is the sound better with the new headsets?
Bob: A little, the agents stopped complaining anyway.
Ann: Do your patients sign a consent form before the scan?
Bob: Every time, on paper, and it goes in a box under the desk.
Ann: Are you ready for the audit?
Bob: Nearly, the paperwork is the last bit.
Ann: Is now a good time to switch suppliers?
Bob: Honestly, after the summer would be better for us.
Ann: Is your internet fine out at the farm?
Bob: Mostly, apart from the top field.
Ann: You ran the packing line at Acme before this, are you still there?
Bob: No, I left in the spring.
Ann: Is the new line any better than the old one?
Bob: Faster, but it jams more.
Ann: You switched to Xero last year. Was that any better?
Bob: A bit, the bank feed works now.
Ann: You moved the warehouse in March. Is it better now?
Bob: For the drivers, yes.
Ann: Is the line working?
Bob: Since Tuesday, after they replaced the belt.
";

#[test]
fn questions_about_their_work_that_sound_like_logistics_stay_closed() {
    // Recordings, microphones, sound, consent forms, readiness, timing, whether they are
    // still at a firm, whether a new line or tool is better and whether a production line
    // works, asked about the interviewee's own work rather than the call: yes/no questions
    // like any other.
    assert_eq!(
        flagged("closed-question", FIELD),
        vec![1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23]
    );
}
