//! Who interviews and who is interviewed.
//!
//! In order of trust: names the caller gives (`--interviewer`, configuration);
//! names the transcript declares (header lines, front matter, NOTE blocks);
//! generic labels (`Interviewer`, `Q`/`A`, `Host`/`Guest`,
//! `Researcher`/`Participant`, `PM`/`Customer` …); and otherwise the
//! conversation itself: the interviewer asks most of the questions, in shorter
//! turns, and usually speaks first. A speaker who barely speaks in a
//! conversation of three or more (a note-taker saying hello and goodbye) is
//! `other`, as are unattributed voices and meeting bots.

use crate::error::Warning;
use crate::model::{Role, RoleSource, Transcript, UNKNOWN_SPEAKER, generic_role};

/// A cheap question count for a turn: question marks, or an interrogative opening without one.
pub(crate) fn rough_questions(text: &str) -> f32 {
    let marks = text.matches('?').count();
    if marks > 0 {
        return marks as f32;
    }
    opening_question(text)
}

/// How many words from a turn's end a question hands the floor over: questions further
/// back in a long turn are mostly told ("and he says, can I borrow your phone?") or
/// rhetorical, and weigh less when deciding who interviews.
const HANDOVER_WORDS: usize = 25;

/// [`rough_questions`] for deciding who interviews: a question mark within the last
/// [`HANDOVER_WORDS`] words counts 1, one further back 0.4.
fn asked_questions(text: &str) -> f32 {
    let Some(first) = memchr::memchr(b'?', text.as_bytes()) else {
        return opening_question(text);
    };
    // Where the last HANDOVER_WORDS words start: counted back from the end, so that a long
    // turn is not split into words (this runs on every turn, the interviewees' long ones
    // too).
    let mut recent = 0;
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices().rev() {
        if c.is_whitespace() {
            in_word = false;
        } else {
            if !in_word {
                words += 1;
                if words > HANDOVER_WORDS {
                    break;
                }
            }
            in_word = true;
            recent = i;
        }
    }
    // Each word with a question mark counts once, in order: 1 among the last words, 0.4
    // before them.
    let mut q = 0f32;
    let mut last_mark: Option<usize> = None;
    for at in std::iter::once(first)
        .chain(memchr::memchr_iter(b'?', &text.as_bytes()[first + 1..]).map(|i| i + first + 1))
    {
        let same_word = last_mark.is_some_and(|p| !text[p..at].contains(char::is_whitespace));
        last_mark = Some(at);
        if !same_word {
            q += if at >= recent { 1.0 } else { 0.4 };
        }
    }
    q
}

/// 0.8 for a turn without a question mark that opens as a question ("so how do you…"), or
/// whose last sentence, left without any closing mark as typed chat leaves it, does ("okay
/// question two. do you stay up late"); else 0.
fn opening_question(text: &str) -> f32 {
    let trimmed = text.trim_end();
    // Typed chat only: a last sentence in lower case, of three words or more, not cut off
    // ("…the spreadsheet got too big—" is an interviewee interrupted, not a question).
    // The ends are checked first: most turns end closed, and then nothing is searched.
    let open_end =
        !crate::speech::closed(trimmed) && !trimmed.ends_with(['—', '–', '-', ',', ';', ':']);
    let last = if open_end {
        trimmed
            .rfind(['.', '!'])
            .map_or("", |i| trimmed[i + 1..].trim_start())
    } else {
        ""
    };
    let typed =
        last.starts_with(|c: char| c.is_lowercase()) && last.split_whitespace().count() >= 3;
    let last_opens = if typed { opens_as_question(last) } else { 0.0 };
    opens_as_question(text).max(last_opens)
}

/// Discourse markers passed over before a question's first word ("so", "okay", "um").
fn is_marker(w: &str) -> bool {
    matches!(
        w,
        "so" | "and"
            | "okay"
            | "ok"
            | "right"
            | "um"
            | "uh"
            | "but"
            | "well"
            | "like"
            | "wait"
            | "oh"
            | "hmm"
    )
}

/// Acknowledgements passed over too, but only before a marker ("cool so how…", "awesome
/// okay and what…"): alone they open answers and sign-offs ("Totally, would be happy to").
fn is_acknowledgement(w: &str) -> bool {
    matches!(
        w,
        "mm" | "mhm"
            | "cool"
            | "awesome"
            | "totally"
            | "gotcha"
            | "great"
            | "perfect"
            | "nice"
            | "alright"
            | "interesting"
    )
}

/// 0.8 when `text` opens as a question, after discourse markers, else 0.
fn opens_as_question(text: &str) -> f32 {
    let mut words = text.split_whitespace().peekable();
    let mut first = std::borrow::Cow::Borrowed("");
    while let Some(w) = words.next() {
        let b = crate::speech::bare_lower_cow(w);
        if is_marker(&b)
            || is_acknowledgement(&b)
                && words
                    .peek()
                    .is_some_and(|n| is_marker(&crate::speech::bare_lower_cow(n)))
        {
            continue;
        }
        first = b;
        break;
    }
    let first: &str = &first;
    if crate::speech::is_wh(first)
        || matches!(
            first,
            "do" | "does"
                | "did"
                | "can"
                | "could"
                | "would"
                | "is"
                | "are"
                | "have"
                | "tell"
                | "walk"
        )
    {
        0.8
    } else {
        0.0
    }
}

/// Questions said inside a turn that has no question marks and does not open as one, as
/// unpunctuated speech-to-text leaves them ("okay so home collection how are you currently
/// booking those is it through phone"): a wh-word, an auxiliary and a subject ("how are
/// you", "what do they"), or an auxiliary and "you" ("is it … do you"), each counted once
/// and at most two a turn. A relative clause ("which is what we do") has no subject after
/// its auxiliary and does not count, nor does a question reported after a verb of saying
/// ("and they say can you take it back"). Used only in transcripts without a question mark
/// (see `assign_counted`); the words are compared without building a list of them.
fn unmarked_questions(text: &str) -> f32 {
    let empty = std::borrow::Cow::Borrowed("");
    let (mut prior, mut before, mut last) = (empty.clone(), empty.clone(), empty);
    let mut found = 0;
    // How many words of the last match are still ahead of being free to start another.
    let mut spent = 0u8;
    let reports = |w: &str| {
        matches!(
            w,
            "say" | "says" | "said" | "ask" | "asks" | "asked" | "goes" | "went" | "told"
        )
    };
    for raw in text.split_whitespace() {
        let word = crate::speech::bare_lower_cow(raw);
        let subject = matches!(
            &*word,
            "you" | "your" | "they" | "we" | "he" | "she" | "it" | "there"
        );
        let triple = spent == 0
            && crate::speech::is_wh(&before)
            && crate::speech::is_aux(&last)
            && subject
            && !reports(&prior);
        let pair = spent <= 1
            && !crate::speech::is_wh(&before)
            && crate::speech::is_aux(&last)
            && matches!(&*word, "you" | "your")
            && !reports(&before);
        if triple || pair {
            found += 1;
            if found == 2 {
                break;
            }
            spent = 2;
        } else {
            spent = spent.saturating_sub(1);
        }
        prior = std::mem::replace(&mut before, std::mem::replace(&mut last, word));
    }
    found as f32
}

/// A person's name without the pronouns and organisation Teams adds in parentheses or
/// brackets ("Priya Shah (She/Her)", "Sam Lee \[Contoso\]") and in first-last order (Teams'
/// directory style "Kowalski, Dana (External)" is "Dana Kowalski"); case is kept.
pub fn plain_name(name: &str) -> String {
    let mut base = name.trim();
    while let Some(open) = base
        .strip_suffix(')')
        .and_then(|b| b.rfind('('))
        .or_else(|| base.strip_suffix(']').and_then(|b| b.rfind('[')))
    {
        if open == 0 {
            break;
        }
        base = base[..open].trim_end();
    }
    match base.split_once(',') {
        Some((last, first)) if !first.trim().is_empty() => {
            format!("{} {}", first.trim(), last.trim())
        }
        _ => base.to_string(),
    }
}

/// [`plain_name`], lowercased, for matching.
fn natural_order(name: &str) -> String {
    plain_name(name).to_lowercase()
}

/// Whether a speaker is the person given: the same name, or the given first name.
pub(crate) fn name_matches(speaker: &str, given: &str) -> bool {
    let s = natural_order(speaker);
    let g = natural_order(given);
    if g.is_empty() {
        return false;
    }
    s == g || s.split_whitespace().next() == Some(g.as_str())
}

/// Assigns roles to every speaker. `given` names interviewers (and, optionally,
/// interviewees) that override everything the transcript says.
/// Whether speaker `i` is introduced as part of the interviewing team, by an interviewer
/// ("Lotte's here taking notes", "my colleague Sam") or by themselves ("I'm just taking notes").
fn brought_along(t: &Transcript, fixed: &[Option<(Role, RoleSource, f32)>], i: usize) -> bool {
    /// How a note-taker or observer introduces themselves, or is introduced.
    const SELF_CUES: &[&str] = &[
        "taking notes",
        "take notes",
        "taking some notes",
        "note-taker",
        "notetaker",
        "note taker",
        "sitting in",
        "listening in",
        "observing",
        "shadowing",
    ];
    /// How an interviewer introduces someone from their own side.
    const TEAM_CUES: &[&str] = &[
        "colleague",
        "co-founder",
        "cofounder",
        "teammate",
        "from my team",
        "from our team",
        "on my team",
        "joining me",
        "joining us",
        "here with me",
        "with me today",
        "works with me",
        "on the project with me",
        "he's our ",
        "she's our ",
        "they're our ",
        "he's my ",
        "she's my ",
        "he is our ",
        "she is our ",
        "one of our",
        "our first hire",
        "here too",
        "on too",
        "on as well",
        "on the call too",
        "on the line too",
        "two of us",
        "jot",
        "on our team",
        "in our team",
        "also with us",
        "with the notes",
        "be listening",
        "be mostly listening",
        "be just listening",
    ];
    /// "from our solutions team", "on my research team", "looks after our early customers".
    static TEAM_NAMED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::re(
            r"\b(?:(?:from|on|in) (?:our|my) [a-z]+ team|(?:looks after|runs|leads|heads|handles|manages) (?:our|my))\b",
        )
    });
    /// Whoever starts the recording, in the call's first turns, runs the call: "I've started
    /// the recording", "I'm going to hit record", "we're recording this for our notes",
    /// "Recording's on." Said, not asked ("oh, we're recording this?"), and ending its clause
    /// ("I'm hitting record on fifty calls a day" is someone's job).
    static RECORDS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::re(
            r"(?:\b(?:i've|i have|i'm|i am|i'll|i will|let me)\b[^.?!,]{0,15}\b(?:(?:start|started|starting|hit|hitting|press|pressed) (?:the )?record(?:ing)?|recording (?:this|now|it))(?: now)?|\bwe(?:'re| are) recording (?:this|it) for our notes|^\s*(?:(?:ok|okay|right|alright|so|and),? )?recording(?:'s| is) on(?: now)?) *(?:[.,;!—–-]|$)",
        )
    });
    let Some(first) = t.speakers[i].name.split_whitespace().next() else {
        return false;
    };
    let first = first.to_lowercase();
    // Every other speaker's first name: a cue next to one of them is about them.
    let others: Vec<String> = t
        .speakers
        .iter()
        .enumerate()
        .filter(|&(k, _)| k != i)
        .filter_map(|(_, sp)| sp.name.split_whitespace().next())
        .map(str::to_lowercase)
        .collect();
    let is_interviewer = |k: usize| matches!(fixed[k], Some((Role::Interviewer, _, _)));
    t.turns.iter().take(12).enumerate().any(|(k, turn)| {
        let own = turn.speaker == i;
        if !own && !is_interviewer(turn.speaker) {
            return false;
        }
        // Curly apostrophes as straight ones: "I’m just taking notes".
        let mut text = turn.text.to_lowercase();
        if text.contains('’') {
            text = text.replace('’', "'");
        }
        if own {
            // Only a note-taker's or observer's own introduction: "I'm just taking notes".
            return text
                .split(['.', ',', ';', '!', '?', '—', '–'])
                .any(|clause| {
                    let me = clause.contains("i'm")
                        || clause.contains("i am")
                        || clause.contains("i'll");
                    me && SELF_CUES.iter().any(|c| clause.contains(c))
                        || clause.contains("for my notes")
                        || clause.contains("for our notes")
                })
                || (k < 4
                    && text
                        .split_inclusive(['.', '!', '?'])
                        .filter(|sentence| !sentence.trim_end().ends_with('?'))
                        .any(|sentence| RECORDS.is_match(sentence)));
        }
        // A cue that describes the name, in one sentence: "This is Tom, he's on the project
        // with me and he'll be taking notes"; "I've got Wei here too, he's my co-founder";
        // "my colleague Sam". Not one beside someone else ("Hi Leon, I'm Ruth from our
        // research team"), nor thanks ("Thanks Leon for joining us").
        text.split(['.', ';', '!', '?']).any(|sentence| {
            // Most sentences do not hold the name at all.
            if !sentence.contains(first.as_str()) {
                return false;
            }
            let cues = SELF_CUES
                .iter()
                .chain(TEAM_CUES)
                .flat_map(|c| sentence.match_indices(c).map(|(at, c)| (at, at + c.len())))
                .chain(TEAM_NAMED.find_iter(sentence).map(|m| (m.start(), m.end())));
            describes(sentence, &first, &others, cues)
        })
    })
}

/// Whether one of the `cues` (byte ranges of `sentence`) describes the speaker whose first
/// name is `first`: the cue follows the name within six words, with neither "I" nor
/// another speaker's name between them ("Tom, he's on the project with me"), or the name
/// follows the cue at once or one word on, without a comma ("my colleague Sam", "also
/// with us is Kevin"). A cue after "for" or "being" is thanks ("thanks for joining us").
fn describes(
    sentence: &str,
    first: &str,
    others: &[String],
    cues: impl Iterator<Item = (usize, usize)>,
) -> bool {
    // The words, each with the byte where it starts.
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut from = None;
    for (k, ch) in sentence.char_indices() {
        match (ch.is_alphanumeric(), from) {
            (true, None) => from = Some(k),
            (false, Some(a)) => {
                words.push((a, &sentence[a..k]));
                from = None;
            }
            _ => {}
        }
    }
    if let Some(a) = from {
        words.push((a, &sentence[a..]));
    }
    let names: Vec<usize> = (0..words.len()).filter(|&k| words[k].1 == first).collect();
    if names.is_empty() {
        return false;
    }
    let index = |byte: usize| words.iter().take_while(|(at, _)| *at < byte).count();
    cues.into_iter().any(|(start, end)| {
        let before = sentence[..start].trim_end();
        if before.ends_with(" for") || before.ends_with(" being") || before == "for" {
            return false;
        }
        let (c, e) = (index(start), index(end));
        names.iter().any(|&p| {
            let after = p < c
                && c - p <= 6
                && words[p + 1..c]
                    .iter()
                    .all(|(_, w)| *w != "i" && !others.iter().any(|o| o == w));
            let ahead = e <= p
                && p - e <= 1
                && words
                    .get(p)
                    .is_some_and(|&(at, _)| !sentence[end.min(at)..at].contains(','));
            after || ahead
        })
    })
}

/// Whether speaker `i` says more than anyone not yet taken for an interviewer: the person
/// interviewed, then, whatever cue names them ("Lauren, is that your co-founder?").
fn talks_most(fixed: &[Option<(Role, RoleSource, f32)>], words: &[usize], i: usize) -> bool {
    (0..words.len())
        .filter(|&j| j != i && !matches!(fixed[j], Some((Role::Interviewer, _, _))))
        .all(|j| words[i] >= words[j])
}

/// Decides each speaker's role: from the names given, then labels, then the conversation.
/// `turn_words[k]` is the number of words of turn `k`, counted by the caller.
pub(crate) fn assign_counted(
    t: &mut Transcript,
    given_interviewers: &[String],
    given_interviewees: &[String],
    turn_words: &[usize],
) {
    let n = t.speakers.len();
    if n == 0 {
        return;
    }
    // Speakers that are "other" whatever else is known.
    let mut fixed: Vec<Option<(Role, RoleSource, f32)>> =
        t.speakers
            .iter()
            .map(|s| {
                (s.name == UNKNOWN_SPEAKER || generic_role(&s.name) == Some(Role::Other))
                    .then_some((Role::Other, RoleSource::Label, 1.0))
            })
            .collect();

    let by_names = |ints: &[String],
                    ees: &[String],
                    source: RoleSource,
                    fixed: &mut Vec<Option<(Role, RoleSource, f32)>>|
     -> bool {
        let mut any = false;
        for (i, s) in t.speakers.iter().enumerate() {
            if ints.iter().any(|g| name_matches(&s.name, g)) {
                fixed[i] = Some((Role::Interviewer, source, 1.0));
                any = true;
            } else if ees.iter().any(|g| name_matches(&s.name, g)) {
                fixed[i] = Some((Role::Interviewee, source, 1.0));
            }
        }
        any
    };

    // What each speaker says: questions (and those that hand the floor over), turns, words.
    let mut questions = vec![0f32; n];
    let mut asked = vec![0f32; n];
    let mut turns = vec![0usize; n];
    let mut words = vec![0usize; n];
    let mut first_turn = vec![usize::MAX; n];
    for (k, turn) in t.turns.iter().enumerate() {
        let s = turn.speaker;
        questions[s] += rough_questions(&turn.text);
        asked[s] += asked_questions(&turn.text);
        turns[s] += 1;
        words[s] += turn_words[k];
        first_turn[s] = first_turn[s].min(k);
    }

    let mut warnings = Vec::new();
    let mut decided: Option<RoleSource> = None;
    if !given_interviewers.is_empty() {
        if by_names(
            given_interviewers,
            given_interviewees,
            RoleSource::Given,
            &mut fixed,
        ) {
            decided = Some(RoleSource::Given);
        } else {
            warnings.push(Warning::file(format!(
                "no speaker matches the interviewer name(s) given ({}); speakers are: {}",
                given_interviewers.join(", "),
                t.speakers
                    .iter()
                    .map(|s| s.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
    }
    if decided.is_none() && !t.declared.interviewers.is_empty() {
        let (ints, ees) = (
            t.declared.interviewers.clone(),
            t.declared.interviewees.clone(),
        );
        if by_names(&ints, &ees, RoleSource::Header, &mut fixed) {
            decided = Some(RoleSource::Header);
        }
    }
    if decided.is_none() {
        let labelled: Vec<Option<Role>> =
            t.speakers.iter().map(|s| generic_role(&s.name)).collect();
        // A one-letter label ("Q", "A", "I", "R", "P") means a role only beside its partner:
        // "A" and "B" are just the first two voices a diarizer found.
        let single = |name: &str| name.trim().chars().count() == 1;
        let has = |role: Role| labelled.contains(&Some(role));
        for (i, s) in t.speakers.iter().enumerate() {
            let role = labelled[i].filter(|r| {
                !single(&s.name)
                    || has(match r {
                        Role::Interviewer => Role::Interviewee,
                        _ => Role::Interviewer,
                    })
            });
            match role {
                Some(Role::Interviewer) => {
                    fixed[i] = Some((Role::Interviewer, RoleSource::Label, 1.0));
                }
                Some(Role::Interviewee) => {
                    fixed[i] = Some((Role::Interviewee, RoleSource::Label, 1.0));
                }
                _ => {}
            }
        }
        let any_interviewer = fixed.iter().flatten().any(|f| f.0 == Role::Interviewer);
        let any_interviewee = fixed.iter().flatten().any(|f| f.0 == Role::Interviewee);
        if any_interviewer {
            decided = Some(RoleSource::Label);
        } else if any_interviewee {
            // "Customer" and "Maya": the unlabelled speakers interview.
            // Unless the labelled side asks the questions ("Caller" is the one who rang):
            // then the conversation decides.
            let unlabelled: Vec<usize> = (0..n).filter(|&i| fixed[i].is_none()).collect();
            let labelled_asked: f32 = (0..n)
                .filter(|&i| matches!(fixed[i], Some((Role::Interviewee, RoleSource::Label, _))))
                .map(|i| asked[i])
                .sum();
            match unlabelled[..] {
                [u] if asked[u] * 2.0 >= labelled_asked => {
                    fixed[u] = Some((Role::Interviewer, RoleSource::Label, 0.9));
                    decided = Some(RoleSource::Label);
                }
                _ => {
                    for f in fixed.iter_mut() {
                        if matches!(f, Some((Role::Interviewee, RoleSource::Label, _))) {
                            *f = None;
                        }
                    }
                }
            }
        } else {
            // Labels like Q/A that only mean something together were not both present: undo.
        }
    }

    let total_words: usize = words.iter().sum::<usize>().max(1);
    let active: Vec<usize> = (0..n).filter(|&i| turns[i] > 0).collect();
    // A speaker who barely speaks among three or more is a note-taker or an observer.
    let minor = |i: usize| {
        active.len() >= 3 && turns[i] <= 2 && (words[i] * 20 < total_words || words[i] <= 15)
    };

    if let Some(source) = decided {
        // Someone a declared or labelled interviewer brings along interviews too (not when
        // the caller named the interviewers: they said who).
        let along: Vec<usize> = (0..n)
            .filter(|&i| {
                source != RoleSource::Given
                    && fixed[i].is_none()
                    && turns[i] > 0
                    && brought_along(t, &fixed, i)
                    && !talks_most(&fixed, &words, i)
            })
            .collect();
        for i in along {
            fixed[i] = Some((Role::Interviewer, source, 0.9));
        }
        for (i, f) in fixed.iter_mut().enumerate() {
            if f.is_none() {
                let role = if minor(i) {
                    Role::Other
                } else {
                    Role::Interviewee
                };
                *f = Some((role, source, 0.9));
            }
        }
    } else {
        let open: Vec<usize> = (0..n)
            .filter(|&i| fixed[i].is_none() && turns[i] > 0)
            .collect();
        if open.len() == 1 && active.len() == 1 {
            warnings.push(Warning::file(
                "only one speaker: candor cannot tell who interviews; name them with --interviewer",
            ));
            fixed[open[0]] = Some((Role::Other, RoleSource::Heuristic, 0.0));
        } else if !open.is_empty() {
            // No question anyone asked shows by its mark or its opening (speech-to-text with
            // no punctuation at all): questions said inside the turns count instead. Among
            // three or more voices with no question mark anywhere, they count beside the
            // openings too (on the turns that do not open as one): a lead interviewer's
            // questions inside long turns weigh against a colleague's short ones.
            let unmarked = open.iter().all(|&i| asked[i] == 0.0);
            let no_marks = active.len() >= 3 && t.turns.iter().all(|u| !u.text.contains('?'));
            if unmarked || no_marks {
                for turn in &t.turns {
                    if unmarked || opening_question(&turn.text) == 0.0 {
                        let q = unmarked_questions(&turn.text);
                        asked[turn.speaker] += q;
                        questions[turn.speaker] += q;
                    }
                }
            }
            // Score: the share of the questions that hand the floor over, and how many of
            // their words are questions, dominate; questions per turn, short turns and
            // speaking first break ties. A storyteller's long turns hold questions too (told
            // ones, rhetorical ones), but few for their words.
            let q_total: f32 = open.iter().map(|&i| asked[i]).sum();
            let rate = |i: usize| asked[i] / words[i].max(1) as f32;
            let rate_total: f32 = open.iter().map(|&i| rate(i)).sum();
            let score = |i: usize| -> f32 {
                let share = |x: f32, total: f32| if total > 0.0 { x / total } else { 0.0 };
                let density = asked[i] / turns[i].max(1) as f32;
                let brevity = 1.0 - words[i] as f32 / total_words as f32;
                let first = if first_turn[i] == 0 { 0.1 } else { 0.0 };
                1.5 * share(asked[i], q_total)
                    + share(rate(i), rate_total)
                    + density
                    + 0.3 * brevity
                    + first
            };
            let mut ranked = open.clone();
            ranked.sort_by(|&a, &b| score(b).total_cmp(&score(a)));
            let top = ranked[0];
            let second = ranked.get(1).copied();
            // How far the interviewer's score stands above the next speaker's.
            let confidence = match second {
                _ if q_total == 0.0 => 0.3,
                Some(s) => {
                    let c = 0.5 + 0.5 * (score(top) - score(s)) / (score(top) + score(s)).max(1.0);
                    // Two decimals: a guess is no surer than that.
                    (c.clamp(0.3, 0.99) * 100.0).round() / 100.0
                }
                None => 0.6,
            };
            // Questions found only inside unpunctuated turns are a weaker sign than marks:
            // enough to judge by, never a sure guess.
            let confidence = if unmarked {
                confidence.min(0.5)
            } else {
                confidence
            };
            for &i in &open {
                let density = questions[i] / turns[i].max(1) as f32;
                // Beside the top-scoring questioner, among three or more: one who asks
                // often, or, where no turn has a question mark, one who asks at least as many
                // questions as the top one, for more words (the lead interviewer, whose
                // colleague chips in with short questions only).
                let role = if i == top
                    || active.len() >= 3
                        && (questions[i] >= 3.0
                            && density >= 0.4
                            && questions[i] >= 0.25 * questions[top]
                            || no_marks && asked[i] >= 2.0 && asked[i] >= asked[top])
                {
                    Role::Interviewer
                } else if minor(i) {
                    Role::Other
                } else {
                    Role::Interviewee
                };
                fixed[i] = Some((role, RoleSource::Heuristic, confidence));
            }
            // Someone the interviewer brings along ("Lotte's here taking notes") is on the
            // interviewing side, and an interviewer, however little they say.
            if active.len() >= 3 {
                for &i in &open {
                    if i != top && brought_along(t, &fixed, i) && !talks_most(&fixed, &words, i) {
                        fixed[i] = Some((Role::Interviewer, RoleSource::Heuristic, confidence));
                    }
                }
            }
            // Someone must be interviewed: when no one came out an interviewee, the one of
            // the other interviewers who asks least for their words (the most words, among
            // equals) is the guest.
            let interviewing =
                |f: &Option<(Role, RoleSource, f32)>| matches!(f, Some((Role::Interviewer, _, _)));
            let interviewed = open
                .iter()
                .any(|&i| matches!(fixed[i], Some((Role::Interviewee, _, _))));
            if !interviewed {
                if let Some(&guest) = open
                    .iter()
                    .filter(|&&i| i != top && interviewing(&fixed[i]))
                    .min_by(|&&a, &&b| {
                        rate(a)
                            .total_cmp(&rate(b))
                            .then_with(|| words[b].cmp(&words[a]))
                    })
                {
                    fixed[guest] = Some((Role::Interviewee, RoleSource::Heuristic, confidence));
                }
            }
        }
        // Interviewer named by label only on one side ("Customer") was handled above;
        // anyone left is silent.
        for f in fixed.iter_mut() {
            if f.is_none() {
                *f = Some((Role::Other, RoleSource::Heuristic, 0.0));
            }
        }
    }
    for (s, f) in t.speakers.iter_mut().zip(fixed) {
        if let Some((role, source, conf)) = f {
            s.role = role;
            s.role_source = source;
            s.role_confidence = conf;
        }
    }
    t.warnings.extend(warnings);
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        /// The count of questions asked reads a turn as splitting it into words does.
        #[test]
        fn asked_questions_as_by_words(
            text in "(([a-zé]{1,3}|\\?)\\?{0,2}[ \u{a0}\u{2009}\n]{1,2}){0,60}[a-z?]{0,2}",
        ) {
            let by_words = |text: &str| -> f32 {
                if !text.contains('?') {
                    return super::opening_question(text);
                }
                let total = text.split_whitespace().count();
                let mut q = 0f32;
                for (seen, w) in text.split_whitespace().enumerate() {
                    if w.contains('?') {
                        q += if total - (seen + 1) < super::HANDOVER_WORDS { 1.0 } else { 0.4 };
                    }
                }
                q
            };
            proptest::prop_assert_eq!(super::asked_questions(&text).to_bits(), by_words(&text).to_bits());
        }
    }

    use super::*;

    /// `src` parsed, its roles assigned with these interviewers `given` (none: from the
    /// conversation alone).
    fn assigned(src: &str, given: &[&str]) -> Transcript {
        let mut t = crate::parse(src.as_bytes(), None).unwrap();
        let given: Vec<String> = given.iter().map(|s| s.to_string()).collect();
        let words = crate::speech::turn_words(&t.turns);
        assign_counted(&mut t, &given, &[], &words);
        t
    }

    fn roles(src: &str, given: &[&str]) -> Vec<(String, Role)> {
        assigned(src, given)
            .speakers
            .iter()
            .map(|s| (s.name.clone(), s.role))
            .collect()
    }

    #[test]
    fn heuristic_finds_the_questioner() {
        let r = roles(
            "Tom: Hi! Thanks for having me.\nMaya: Thanks for coming. How do you plan your week?\nTom: Mostly in a spreadsheet, every Monday morning, with coffee.\nMaya: What happens when it slips?\nTom: I move things around and hope for the best, honestly.\nMaya: Why?\nTom: Because nobody else looks at it.\n",
            &[],
        );
        assert_eq!(
            r,
            vec![
                ("Tom".into(), Role::Interviewee),
                ("Maya".into(), Role::Interviewer)
            ]
        );
    }

    /// Typed chat drops question marks: the asker's turns end in questions with no mark at
    /// all ("okay next one. how late do you stay up"), the other's answers ask back once.
    #[test]
    fn questions_left_without_a_mark_at_a_turn_end_count() {
        let r = roles(
            "Zoe: hi thanks for doing this. ok first one. how do you get to school\nLiam: bus mostly lol\nZoe: nice. like how long does it take\nLiam: like 40 min? its so slow\nZoe: wait why is it so slow\nLiam: it stops everywhere tbh\nZoe: omg same. ok last one. what do you do on the bus\nLiam: music and sleep mostly\n",
            &[],
        );
        assert_eq!(
            r,
            vec![
                ("Zoe".into(), Role::Interviewer),
                ("Liam".into(), Role::Interviewee)
            ]
        );
    }

    /// Speech-to-text with no punctuation at all: the questions are inside the turns ("okay
    /// and how do you book them is it by phone"), and neither side's turns open as one.
    #[test]
    fn questions_inside_unpunctuated_turns_count() {
        let src = "Arjun: hi thanks for the time basically we are a small team doing deliveries for labs and i just want to understand your side\nKavita: sure we have six centres and one main lab\nArjun: okay okay and the samples come to the main lab how do you move them today\nKavita: two boys on bikes three rounds a day last week one bike broke down\nArjun: okay so the home visits how are you booking those is it phone or some app\nKavita: phone and whatsapp my front desk assigns them in a sheet\nArjun: got it and when a visit runs late what do you tell the patient\nKavita: we call them and apologise mostly\n";
        arjun_interviews_by_a_judged_guess(src);
    }

    /// Arjun interviews Kavita, at a confidence that judges the call but says it is a
    /// guess: not one at 0.3 that leaves the call unjudged, nor a sure one.
    fn arjun_interviews_by_a_judged_guess(src: &str) {
        assert_eq!(
            roles(src, &[]),
            vec![
                ("Arjun".into(), Role::Interviewer),
                ("Kavita".into(), Role::Interviewee)
            ]
        );
        let c = assigned(src, &[]).speakers[0].role_confidence;
        assert!(
            (crate::verdict::MIN_ROLE_CONFIDENCE..=0.5).contains(&c),
            "{c}"
        );
    }

    /// The interviewee's relative clauses ("which is", "who are") are not questions: with no
    /// subject after the auxiliary they do not count, and the one who asks still interviews,
    /// at a confidence that says it is a guess.
    #[test]
    fn relative_clauses_in_unpunctuated_answers_do_not_ask() {
        let src = "Arjun: hi thanks for the time so tell me about the samples how do you move them today\nKavita: we use two boys on bikes which is cheap and the boys who are on payroll do three rounds which is fine for us\nArjun: okay and the late ones\nKavita: the late ones are the centres which are far away which was a real problem last week when one bike broke down\nArjun: right and then what happens with the patient\nKavita: the patient who is waiting gets angry which is normal and we call them\n";
        arjun_interviews_by_a_judged_guess(src);
    }

    /// Three voices, none punctuated: the one who asks interviews, with the note-taker she
    /// brought along, and the one who answers at length is interviewed.
    #[test]
    fn unpunctuated_call_with_three_voices() {
        let src = "Dana: hi both thanks for joining this is sam taking notes\nSam: hi\nDana: so to start how do you plan the week at the depot\nRuth: mostly on the whiteboard every monday i write the routes and the drivers take a photo of it which is how we have always done it\nDana: and what happens when a driver is off sick\nRuth: then i redo the board and ring round the agency which takes most of the morning\nDana: how do you know who is free\nRuth: i keep a list in my phone of the agency lads who are good\nDana: thanks ruth that was really useful\nSam: bye\n";
        assert_eq!(
            roles(src, &[]),
            vec![
                ("Dana".into(), Role::Interviewer),
                ("Sam".into(), Role::Interviewer),
                ("Ruth".into(), Role::Interviewee)
            ]
        );
    }

    /// Three voices, none punctuated: the lead interviewer talks at length between her
    /// questions ("awesome so would you…", "okay and then how do you…" inside a turn), a
    /// colleague chips in with two short questions, and the one who answers quotes
    /// questions she was asked ("says can you tell us…"), which do not count: both
    /// interviewers interview and she is interviewed.
    #[test]
    fn a_lead_interviewer_in_long_unpunctuated_turns_beside_a_quick_colleague() {
        let src = "Meera: okay we are recording thanks for making time so quick context we are looking at how clinics handle stock and this is just to learn nothing to sell today\nTariq: hey yeah and i will mostly listen\nJune: sure no problem\nMeera: cool so what happens when a vaccine delivery turns up late at the clinic\nJune: the nurse rings the depot and says can you tell us when it comes and we shuffle the appointments which eats half the morning every single time\nMeera: right that sounds painful i have heard the same from two other clinics actually\nJune: it is the worst part of the week honestly\nMeera: awesome so would you walk me through the last time it happened from the first call\nJune: tuesday the van was three hours late so we moved eleven patients to thursday and two of them never came back\nTariq: who moved them\nJune: me and the receptionist\nMeera: okay and then how do you keep track of the ones who were moved\nJune: a paper list at the desk that we tick off and the receptionist asks did you ring them\nTariq: where does the list live\nJune: in a drawer at reception\nMeera: got it that is really helpful thank you june\n";
        assert_eq!(
            roles(src, &[]),
            vec![
                ("Meera".into(), Role::Interviewer),
                ("Tariq".into(), Role::Interviewer),
                ("June".into(), Role::Interviewee)
            ]
        );
    }

    /// Two voices, none punctuated: the one who answers quotes questions her customers and
    /// her partner asked ("say can you take it back", "asks me are you sure"); the one
    /// whose turns open as questions still interviews.
    #[test]
    fn reported_questions_in_unpunctuated_answers_do_not_ask() {
        let src = "Sam: hi thanks for the time\nRita: no problem\nSam: so how do you handle returns today\nRita: well customers email us and say can you take it back and i say did you keep the box and mostly they did not\nSam: okay and what happens then\nRita: we send a label and my partner asks me are you sure we can afford this and honestly i do not know what to do when it is the fifth one that week\nSam: how often does that happen\nRita: every week and suppliers ring and ask can you pay early which is the other half of the problem\nSam: got it thanks\n";
        assert_eq!(
            roles(src, &[]),
            vec![
                ("Sam".into(), Role::Interviewer),
                ("Rita".into(), Role::Interviewee)
            ]
        );
    }

    /// Punctuated, three voices: an interviewee who asks two questions of his own (as many
    /// as the interviewer) is still interviewed, and so is the other customer.
    #[test]
    fn a_customer_who_asks_back_in_a_punctuated_call_is_interviewed() {
        let src = "Ana: Thanks both for joining. I'm looking at how small clinics handle deliveries.\nBen: Hi.\nCara: Hello.\nAna: How do you find out a delivery is late?\nBen: The driver rings us, usually after the slot. Is this the kind of thing you want, the day to day?\nAna: Yes, exactly that.\nBen: Then I tell Cara and she moves the patients.\nCara: I move them in the sheet, it takes ages.\nAna: What happens to the patients?\nBen: They wait. Cara, was it four last week or five?\nCara: Five, two went home.\nAna: Right.\nBen: We lose maybe two a week like that.\nCara: Sometimes more in winter.\nAna: Thanks both, that was really useful.\n";
        assert_eq!(
            roles(src, &[]),
            vec![
                ("Ana".into(), Role::Interviewer),
                ("Ben".into(), Role::Interviewee),
                ("Cara".into(), Role::Interviewee)
            ]
        );
    }

    /// An interviewee cut off mid-sentence after a full stop does not ask.
    #[test]
    fn a_turn_cut_off_after_a_full_stop_is_not_a_question() {
        assert_eq!(
            opening_question("it was fine at first. and what happened was the sheet got too big—"),
            0.0
        );
        // Only typed chat: a last sentence in capitals is a writer's, who marks questions.
        assert_eq!(
            opening_question("It was fine. Do you know what I mean"),
            0.0
        );
        assert_eq!(
            opening_question("ok next one. how late do you stay up"),
            0.8
        );
        // An acknowledgement is passed over only before a marker: alone it opens answers
        // and sign-offs.
        assert_eq!(opening_question("cool so what happens then"), 0.8);
        assert_eq!(
            opening_question("Totally, would be happy to fill it in."),
            0.0
        );
        assert_eq!(opening_question("Great, have a good afternoon."), 0.0);
    }

    #[test]
    fn a_note_taker_interviews_beside_two_interviewees() {
        let src = "Ines: Thanks both. Grace, how do you support the cohort?\nSam: Hi all, I'm just taking notes.\nGrace: Role-play, mostly, twice a week, with whoever is on shift that day.\nInes: Ravi, what was hard at first?\nRavi: The phone. Accents on the phone, abbreviations, and the speed of it all.\nInes: What did you do about it?\nRavi: Practised with Grace and with the WhatsApp group most evenings.\nGrace: And I gave him recordings from old calls to listen to.\nInes: Who else should I talk to?\nGrace: Maybe the preceptors on the ward, they see it every day.\nSam: Thanks, bye.\n";
        let r = roles(src, &[]);
        assert_eq!(
            r,
            vec![
                ("Ines".into(), Role::Interviewer),
                ("Sam".into(), Role::Interviewer),
                ("Grace".into(), Role::Interviewee),
                ("Ravi".into(), Role::Interviewee),
            ]
        );
        // Someone who barely speaks and is not on the interviewer's side is other.
        let stranger = src.replace("Sam: Hi all, I'm just taking notes.", "Sam: Hi all.");
        assert_eq!(roles(&stranger, &[])[1], ("Sam".into(), Role::Other));
    }

    #[test]
    fn a_colleague_who_asks_is_an_interviewer() {
        let src = "Ade: Thanks for having us, Sinead. Lotte's here taking notes, I'll ask most of the questions.\nLotte: Hi Sinead.\nSinead: Hello both.\nAde: What does a normal week look like?\nSinead: Rotas on Monday, payroll on Friday, firefighting in between.\nAde: How did payroll go last month?\nSinead: Messy, two bakers swapped shifts and the rota was wrong.\nLotte: Sorry to jump in, how did you find out about the swap?\nSinead: The till logins, after the fact.\nAde: What happened next?\nSinead: I fixed it by hand, it took me an evening.\n";
        let r = roles(src, &[]);
        assert_eq!(
            r,
            vec![
                ("Ade".into(), Role::Interviewer),
                ("Lotte".into(), Role::Interviewer),
                ("Sinead".into(), Role::Interviewee),
            ]
        );
        // The same colleague who only greets is on the interviewing side all the same (as
        // the labelled cases have it: fixtures/corpus/b06/b06-01).
        let quiet = src.replace(
            "Lotte: Sorry to jump in, how did you find out about the swap?",
            "Lotte: Thanks.",
        );
        assert_eq!(roles(&quiet, &[])[1], ("Lotte".into(), Role::Interviewer));
    }

    #[test]
    fn colleagues_introduced_in_a_sentence_interview() {
        // Name and cue in one sentence, not one clause; a co-founder who pitches and asks.
        let src = "Sam: Hey Lauren! Thanks for hopping on. I've got Wei here too, he's my co-founder, he runs the engineering side.\nWei: Hey, nice to meet you.\nLauren: Hi both.\nSam: How do you test releases today?\nLauren: We run the suite nightly and it flakes, a lot, maybe one run in five fails for no reason at all.\nWei: Can I ask, when a team does fix one, how do they figure out the cause?\nLauren: Mostly by looping the test for an hour and reading logs until someone spots it.\nSam: What happened the last time?\nLauren: We lost a day on a timezone bug in a fixture, and shipped late.\nWei: Thanks, Lauren, really appreciate it.\n";
        let r = roles(src, &[]);
        assert_eq!(r[1], ("Wei".into(), Role::Interviewer));
        assert_eq!(r[2], ("Lauren".into(), Role::Interviewee));
        // Someone the interviewee brings is not on the interviewer's side.
        let theirs = "Kirsty: Hi Colette, and hi, you must be Shaun. Can you both see me?\nColette: Yes. Shaun's from the support charity, I asked him to come along, is that okay?\nKirsty: Of course. Shaun, just for my notes, what is it you do exactly?\nShaun: We're a local charity, welfare advice and support for people with long-term conditions.\nKirsty: Colette, how did the form arrive?\nColette: It came on a Monday and I put it away, it was twenty-two pages and I could not face it.\nKirsty: What happened next?\nColette: Shaun came to my house the next week and we did the form together over two visits.\nKirsty: How long did that take?\nShaun: Two visits, an hour and a half each.\n";
        let r = roles(theirs, &[]);
        assert_eq!(r[0], ("Kirsty".into(), Role::Interviewer));
        assert_ne!(r[2].1, Role::Interviewer, "{r:?}");
    }

    #[test]
    fn colleagues_named_by_their_team_or_running_the_recording_interview() {
        // "from our <something> team", "on our team … mostly be listening": on the
        // interviewer's side, however little they say.
        let src = "Noor: Hi Pat, thanks for making time. Also on the line is Tariq from our data team, he'll mostly be listening.\nTariq: Hi Pat.\nPat: Hello both.\nNoor: How do you close the month today?\nPat: Three spreadsheets and a lot of coffee, and the bank feed breaks every other week so I rekey it.\nNoor: What happened the last time it broke?\nPat: I lost a Friday to it, and the report went out on the Tuesday instead.\nTariq: Sorry, which bank was that?\nPat: The co-op one, the business account.\nNoor: Thanks, Pat, that's really useful.\n";
        let r = roles(src, &[]);
        assert_eq!(r[1], ("Tariq".into(), Role::Interviewer), "{r:?}");
        assert_eq!(r[2], ("Pat".into(), Role::Interviewee), "{r:?}");
        // Whoever starts the recording in the first turns runs the call, with the lead.
        let src = "Jess: Morning both, I've just started the recording, shout if you want anything off the record.\nAmara: Morning.\nLeon: Hiya.\nRuth: Right, thanks for having us. Amara, how do bookings come in at the studio?\nAmara: Instagram messages mostly, and then I copy them into a paper diary on the desk by the door.\nRuth: And Leon, what happens on your side when a booking moves?\nLeon: I find out when the client turns up, usually, because nobody tells the instructors anything.\nRuth: When did that last happen?\nLeon: Saturday, a class of twelve turned into a class of four and I had driven an hour.\nJess: Thanks both, I'll stop the recording there.\n";
        let r = roles(src, &[]);
        assert_eq!(r[0], ("Jess".into(), Role::Interviewer), "{r:?}");
        assert_eq!(r[3], ("Ruth".into(), Role::Interviewer), "{r:?}");
        assert_eq!(r[1].1, Role::Interviewee, "{r:?}");
        assert_eq!(r[2].1, Role::Interviewee, "{r:?}");
    }

    #[test]
    fn a_cue_beside_someone_else_or_a_thanks_does_not_make_a_colleague() {
        // Leon, a second interviewee who says little, is greeted by name in sentences whose
        // cue is about someone else, or thanked; he asks whether the call is recorded.
        let body = "Leon: Hiya. Oh, we're recording this?\nRuth: Only for our notes. Amara, how do bookings come in at the studio?\nAmara: Instagram messages mostly, and then I copy them into a paper diary on the desk by the door, every evening.\nRuth: What happens when one moves?\nAmara: I find out when the client turns up, usually, because nobody tells me anything until then.\nRuth: When did that last happen?\nAmara: Saturday, a class of twelve turned into a class of four and the instructor had driven an hour.\nLeon: Yeah, that was me.\n";
        for opener in [
            "Ruth: Hi Amara, hi Leon, I'm Ruth from our research team, thanks for making time today.\nAmara: Morning.\n",
            "Ruth: Hi Amara, hi Leon, Jess is also with us today.\nAmara: Morning.\nJess: Hi both.\n",
            "Ruth: Thanks Leon for joining us, and you too Amara.\nAmara: Morning.\n",
        ] {
            let src = format!("{opener}{body}");
            let r = roles(&src, &[]);
            let leon = r.iter().find(|(n, _)| n == "Leon").expect("Leon");
            assert_ne!(leon.1, Role::Interviewer, "{opener}: {r:?}");
            assert_eq!(r[0], ("Ruth".into(), Role::Interviewer), "{r:?}");
        }
        // The colleague the cue is about is on the interviewer's side.
        let src = format!(
            "Ruth: Hi Amara, hi Leon, Jess is also with us today.\nAmara: Morning.\nJess: Hi both.\n{body}"
        );
        let r = roles(&src, &[]);
        let jess = r.iter().find(|(n, _)| n == "Jess").expect("Jess");
        assert_eq!(jess.1, Role::Interviewer, "{r:?}");
        // A curly apostrophe reads as a straight one.
        let src = format!("Jess: Morning both, I’ve just started the recording.\n{body}");
        let r = roles(&src, &[]);
        assert_eq!(r[0], ("Jess".into(), Role::Interviewer), "{r:?}");
    }

    #[test]
    fn the_questioner_in_a_told_story_interviews() {
        // whisperX's sample in the shared samples beside the repository (reference data for
        // tests, not ours to ship): one voice tells a long story full of told and rhetorical
        // questions; the other asks a few short ones that hand the floor over.
        let src = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/formats/whisper-vtt-srt/speaker-diarization-whisperx-vtt-SPEAKER-prefix-no-hours.vtt"
        ))
        .expect("the shared samples beside the repository (../shared/formats)");
        let r = roles(&src, &[]);
        assert_eq!(
            r,
            vec![
                ("SPEAKER_00".into(), Role::Interviewee),
                ("SPEAKER_01".into(), Role::Interviewer)
            ]
        );
    }

    #[test]
    fn one_letter_labels_need_their_partner() {
        let qa = "Q: What do you do?\nA: I fix boilers.\nQ: Tell me about the last job.\nA: A combi in Leeds.\n";
        assert_eq!(
            roles(qa, &[]),
            vec![
                ("Q".into(), Role::Interviewer),
                ("A".into(), Role::Interviewee)
            ]
        );
        // A and B are a diarizer's first two voices: the conversation decides.
        let ab = "A: What do you do?\nB: I fix boilers.\nA: Tell me about the last job.\nB: A combi in Leeds.\n";
        assert_eq!(
            roles(ab, &[]),
            vec![
                ("A".into(), Role::Interviewer),
                ("B".into(), Role::Interviewee)
            ]
        );
        let ir = "I: How did it start?\nR: Slowly, with one van.\nI: And then?\nR: We grew.\n";
        assert_eq!(roles(ir, &[])[1], ("R".into(), Role::Interviewee));
    }

    #[test]
    fn labels_and_given_names() {
        let r = roles("Interviewer: How?\nRespondent: Like this.\n", &[]);
        assert_eq!(r[0].1, Role::Interviewer);
        let r = roles(
            "Customer: Hello.\nMaya: Hi, how are you?\nCustomer: Fine.\n",
            &[],
        );
        assert_eq!(r[1], ("Maya".into(), Role::Interviewer));
        let r = roles("Ana: How?\nBo: Why?\nAna: What?\nBo: Fine.\n", &["bo"]);
        assert_eq!(r[1].1, Role::Interviewer);
        assert!(name_matches("Fischer, Lena", "Lena Fischer"));
        assert!(name_matches("Lena Fischer", "Fischer, Lena"));
        assert!(name_matches("Lena Fischer", "lena"));
        assert!(!name_matches("Lena Fischer", "fischer"));
        assert_eq!(
            r,
            vec![
                ("Ana".into(), Role::Interviewee),
                ("Bo".into(), Role::Interviewer)
            ]
        );
    }
}
