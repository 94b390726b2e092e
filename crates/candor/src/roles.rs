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
    let first: String = text
        .split_whitespace()
        .find(|w| {
            !matches!(
                w.to_lowercase()
                    .trim_matches(|c: char| !c.is_alphanumeric()),
                "so" | "and" | "okay" | "ok" | "right" | "um" | "uh" | "but" | "well"
            )
        })
        .unwrap_or("")
        .to_lowercase();
    let first = first.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
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

/// "Fischer, Lena" (the directory style Teams uses) as "lena fischer", without the
/// pronouns and organisation Teams adds in parentheses or brackets: "Priya Shah (She/Her)",
/// "Kowalski, Dana (External)", "Sam Lee [Contoso]".
fn natural_order(name: &str) -> String {
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
    let lower = base.to_lowercase();
    match lower.split_once(',') {
        Some((last, first)) if !first.trim().is_empty() => {
            format!("{} {}", first.trim(), last.trim())
        }
        _ => lower,
    }
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
    ];
    let Some(first) = t.speakers[i].name.split_whitespace().next() else {
        return false;
    };
    let first = first.to_lowercase();
    let is_interviewer = |k: usize| matches!(fixed[k], Some((Role::Interviewer, _, _)));
    t.turns.iter().take(12).any(|turn| {
        let own = turn.speaker == i;
        if !own && !is_interviewer(turn.speaker) {
            return false;
        }
        let text = turn.text.to_lowercase();
        // The cue and the name in one clause: "Thanks, Sinead. Lotte's taking notes" names Lotte.
        text.split(['.', ',', ';', '!', '?', '—', '–'])
            .any(|clause| {
                if own {
                    // Only a note-taker's or observer's own introduction: "I'm just taking notes".
                    let me = clause.contains("i'm")
                        || clause.contains("i am")
                        || clause.contains("i'll");
                    me && SELF_CUES.iter().any(|c| clause.contains(c))
                } else {
                    SELF_CUES
                        .iter()
                        .chain(TEAM_CUES)
                        .any(|c| clause.contains(c))
                        && clause
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|w| w == first)
                }
            })
    })
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
            let unlabelled: Vec<usize> = (0..n).filter(|&i| fixed[i].is_none()).collect();
            if unlabelled.len() == 1 {
                fixed[unlabelled[0]] = Some((Role::Interviewer, RoleSource::Label, 0.9));
                decided = Some(RoleSource::Label);
            }
        } else {
            // Labels like Q/A that only mean something together were not both present: undo.
        }
    }

    // Speakers still open: decided by the conversation, or implied by the names given.
    let mut questions = vec![0f32; n];
    let mut turns = vec![0usize; n];
    let mut words = vec![0usize; n];
    let mut first_turn = vec![usize::MAX; n];
    for (k, turn) in t.turns.iter().enumerate() {
        let s = turn.speaker;
        questions[s] += rough_questions(&turn.text);
        turns[s] += 1;
        words[s] += turn_words[k];
        first_turn[s] = first_turn[s].min(k);
    }
    let total_words: usize = words.iter().sum::<usize>().max(1);
    let active: Vec<usize> = (0..n).filter(|&i| turns[i] > 0).collect();
    // A speaker who barely speaks among three or more is a note-taker or an observer.
    let minor = |i: usize| {
        active.len() >= 3 && turns[i] <= 2 && (words[i] * 20 < total_words || words[i] <= 15)
    };

    if let Some(source) = decided {
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
            // Score: share of questions dominates; short turns and speaking first break ties.
            let q_total: f32 = open.iter().map(|&i| questions[i]).sum();
            let score = |i: usize| -> f32 {
                let q_share = if q_total > 0.0 {
                    questions[i] / q_total
                } else {
                    0.0
                };
                let density = questions[i] / turns[i].max(1) as f32;
                let brevity = 1.0 - words[i] as f32 / total_words as f32;
                let first = if first_turn[i] == 0 { 0.1 } else { 0.0 };
                2.0 * q_share + density + 0.3 * brevity + first
            };
            let mut ranked = open.clone();
            ranked.sort_by(|&a, &b| score(b).total_cmp(&score(a)));
            let top = ranked[0];
            let second = ranked.get(1).copied();
            let confidence = match second {
                _ if q_total == 0.0 => 0.3,
                Some(s) => (0.5
                    + 0.5 * (questions[top] - questions[s])
                        / (questions[top] + questions[s]).max(1.0))
                .clamp(0.3, 0.99),
                None => 0.6,
            };
            for &i in &open {
                let density = questions[i] / turns[i].max(1) as f32;
                let role = if i == top
                    || (questions[i] >= 3.0
                        && density >= 0.4
                        && questions[i] >= 0.25 * questions[top]
                        && active.len() >= 3)
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
            // interviewing side: an interviewer once they ask something, otherwise other.
            if active.len() >= 3 {
                for &i in &open {
                    if i == top || !brought_along(t, &fixed, i) {
                        continue;
                    }
                    let role = if questions[i] >= 1.0 {
                        Role::Interviewer
                    } else {
                        Role::Other
                    };
                    fixed[i] = Some((role, RoleSource::Heuristic, confidence));
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
    use super::*;

    fn roles(src: &str, given: &[&str]) -> Vec<(String, Role)> {
        let mut t = crate::parse(src.as_bytes(), None).unwrap();
        let given: Vec<String> = given.iter().map(|s| s.to_string()).collect();
        let words = crate::speech::turn_words(&t.turns);
        assign_counted(&mut t, &given, &[], &words);
        t.speakers
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

    #[test]
    fn note_taker_is_other_and_two_interviewees() {
        let src = "Ines: Thanks both. Grace, how do you support the cohort?\nSam: Hi all, I'm just taking notes.\nGrace: Role-play, mostly, twice a week, with whoever is on shift that day.\nInes: Ravi, what was hard at first?\nRavi: The phone. Accents on the phone, abbreviations, and the speed of it all.\nInes: What did you do about it?\nRavi: Practised with Grace and with the WhatsApp group most evenings.\nGrace: And I gave him recordings from old calls to listen to.\nInes: Who else should I talk to?\nGrace: Maybe the preceptors on the ward, they see it every day.\nSam: Thanks, bye.\n";
        let r = roles(src, &[]);
        assert_eq!(
            r,
            vec![
                ("Ines".into(), Role::Interviewer),
                ("Sam".into(), Role::Other),
                ("Grace".into(), Role::Interviewee),
                ("Ravi".into(), Role::Interviewee),
            ]
        );
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
        // The same colleague who only greets stays out of it.
        let quiet = src.replace(
            "Lotte: Sorry to jump in, how did you find out about the swap?",
            "Lotte: Thanks.",
        );
        assert_eq!(roles(&quiet, &[])[1], ("Lotte".into(), Role::Other));
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
