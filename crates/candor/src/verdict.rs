//! Whether a transcript is an interview candor can stand behind a judgement of.
//!
//! A file is judged only when two or more voices are told apart, it is speech rather than
//! a meeting's chat, it is in English, an interviewer was found with enough confidence (or
//! given), and there is enough of an interview: [`MIN_QUESTIONS`] interviewer questions and
//! [`MIN_WORDS`] words of conversation. Otherwise the report says `not-judged` with the
//! [`Reason`], and has no findings and no score. docs/report.md gives the thresholds and
//! how they were checked against the labelled cases.

use crate::render::plural;
use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Metrics, Reason, Role, RoleSource, Transcript, UNKNOWN_SPEAKER};

/// The fewest questions an interviewer must ask for the interview to be judged. The
/// labelled cases ask 3 or more (the fewest: fixtures/corpus/b04/b04-23 and b04-26).
pub const MIN_QUESTIONS: usize = 3;

/// The fewest words of conversation (interviewers' and interviewees') for the interview to
/// be judged. The labelled cases have 181 words or more.
pub const MIN_WORDS: usize = 100;

/// Below this confidence, a role found from the conversation alone is too unsure to judge
/// by; the labelled cases are all above it.
pub const MIN_ROLE_CONFIDENCE: f32 = 0.4;

/// A reason not to judge, and what to tell the user.
pub(crate) struct NotJudged {
    pub reason: Reason,
    pub message: String,
}

impl NotJudged {
    fn new(reason: Reason, message: impl Into<String>) -> Self {
        NotJudged {
            reason,
            message: format!("not judged: {}", message.into()),
        }
    }
}

/// A Zoom chat line: `18:02:01 From Ana to Everyone : hi`, `10:02:03 From  Ana  to  Everyone:`.
static CHAT_LINE: LazyLock<Regex> =
    LazyLock::new(|| crate::re(r"^\s*\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+From\s+\S.{0,100}?:"));

/// Whether `text` is a meeting's saved chat rather than a transcript of speech: at least
/// three chat lines (`HH:MM:SS From Name : message`), and a third of its lines or more.
pub(crate) fn is_chat_log(text: &str) -> bool {
    let (mut lines, mut chat) = (0usize, 0usize);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        lines += 1;
        if CHAT_LINE.is_match(line) {
            chat += 1;
        }
    }
    chat >= 3 && chat * 3 >= lines
}

/// The checks that can be made before the rules run: the voices, the kind of text, the
/// language, and the interviewer.
pub(crate) fn before_rules(t: &Transcript, roles: &[Role]) -> Option<NotJudged> {
    if t.chat_log {
        return Some(NotJudged::new(
            Reason::ChatLog,
            "this is a meeting's chat (`From Name : message` lines), not a transcript of speech",
        ));
    }
    let mut spoke = vec![false; t.speakers.len()];
    for turn in &t.turns {
        spoke[turn.speaker] = true;
    }
    let voices = t
        .speakers
        .iter()
        .zip(&spoke)
        .filter(|(s, spoke)| **spoke && s.name != UNKNOWN_SPEAKER)
        .count();
    if voices < 2 {
        return Some(NotJudged::new(
            Reason::NoSpeakers,
            "the transcript does not tell two voices apart (one speaker, or no speaker labels), \
             so there is no conversation to judge; transcribe with speaker labels (diarization)",
        ));
    }
    if let Some(lang) = not_english(t) {
        return Some(NotJudged::new(
            Reason::NotEnglish,
            format!("the transcript reads as {lang}, and the rules read English only"),
        ));
    }
    let has = |role: Role| roles.contains(&role);
    if !has(Role::Interviewer) {
        return Some(NotJudged::new(
            Reason::NoInterviewer,
            "no speaker could be taken for the interviewer; name one with --interviewer",
        ));
    }
    if !has(Role::Interviewee) {
        return Some(NotJudged::new(
            Reason::NoInterviewer,
            "no one but the interviewers speaks, so there is no interview to judge; \
             name the interviewee with --interviewee",
        ));
    }
    let unsure = t
        .speakers
        .iter()
        .zip(&spoke)
        .filter(|(s, spoke)| **spoke && s.role == Role::Interviewer)
        .filter(|(s, _)| s.role_source == RoleSource::Heuristic)
        .map(|(s, _)| s.role_confidence)
        .fold(f32::INFINITY, f32::min);
    if unsure < MIN_ROLE_CONFIDENCE {
        return Some(NotJudged::new(
            Reason::LowRoleConfidence,
            format!(
                "the conversation does not show who interviews (confidence {unsure:.2}); \
                 name the interviewer with --interviewer"
            ),
        ));
    }
    None
}

/// The check made once the interview is measured: enough of an interview to judge, at
/// least `min_questions` interviewer questions and `min_words` words of conversation.
pub(crate) fn after_metrics(
    m: &Metrics,
    min_questions: usize,
    min_words: usize,
) -> Option<NotJudged> {
    let words = m.interviewer_words + m.interviewee_words;
    if m.interviewer_questions >= min_questions && words >= min_words {
        return None;
    }
    Some(NotJudged::new(
        Reason::TooShort,
        format!(
            "too little of an interview to judge: {} and {} of conversation \
             (candor judges {min_questions} questions and {min_words} words or more)",
            plural(
                m.interviewer_questions,
                "interviewer question",
                "interviewer questions"
            ),
            plural(words, "word", "words"),
        ),
    ))
}

/// How much text is read to tell the language: eight pieces of up to 500 bytes, from turns
/// spread evenly through the transcript. Language detection is reliable on far less, and
/// reading whole transcripts cost more than every rule together on long ones; spreading the
/// pieces keeps an English greeting from deciding a transcript in another language.
const PIECES: usize = 8;
const PIECE: usize = 500;

/// The language the transcript is in, when whatlang is sure it is not English.
fn not_english(t: &Transcript) -> Option<&'static str> {
    let total: usize = t.turns.iter().map(|turn| turn.text.len()).sum();
    let mut sample = String::with_capacity(PIECES * (PIECE + 1));
    // A short transcript is read whole.
    let whole = total <= PIECES * PIECE;
    let (mut at, mut next) = (0, 0);
    for turn in &t.turns {
        let end = at + turn.text.len();
        if whole || (end > next * total / PIECES && next < PIECES) {
            let mut cut = if whole {
                turn.text.len()
            } else {
                turn.text.len().min(PIECE)
            };
            while !turn.text.is_char_boundary(cut) {
                cut -= 1;
            }
            sample.push_str(&turn.text[..cut]);
            sample.push('\n');
            while next < PIECES && next * total / PIECES < end {
                next += 1;
            }
        }
        at = end;
    }
    if plainly_english(&sample) {
        return None;
    }
    let info = whatlang::detect(&sample)?;
    (info.lang() != whatlang::Lang::Eng && info.is_reliable()).then(|| info.lang().eng_name())
}

/// Whether a sample is plainly English: a fifth or more of its words are English words
/// that other languages written in Latin letters do not use as common words ("the",
/// "you", "that", "what", "don't"; not "is", "was", "we", "to", "of", "i", "also" or
/// "want", which are Dutch, German, Polish, Italian or Danish words too, nor fillers such
/// as "okay" that every language borrows). English interview speech runs at about a third
/// (median 0.33 over pieces of the fixtures), other languages near none; a call in another
/// language with English in it falls below the bar unless most of it is English, and goes
/// to whatlang. Telling the language costs whatlang about 400 instructions a byte of
/// sample; this look, a few, and most interviews are in English.
fn plainly_english(sample: &str) -> bool {
    let (words, english) = english_words(sample);
    words >= 20 && english * 5 >= words
}

/// The share of a sample's words that [`is_english`] knows (for tests).
#[cfg(test)]
fn english_share(sample: &str) -> f64 {
    let (words, english) = english_words(sample);
    english as f64 / words.max(1) as f64
}

/// The words of a sample, and how many of them [`is_english`] knows.
fn english_words(sample: &str) -> (usize, usize) {
    let (mut words, mut english) = (0usize, 0usize);
    for w in sample
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
    {
        let w = w.trim_matches(|c| c == '\'' || c == '’');
        if w.is_empty() {
            continue;
        }
        words += 1;
        if w.len() <= 8 && w.is_ascii() {
            let mut lower = [0u8; 8];
            lower[..w.len()].copy_from_slice(w.as_bytes());
            lower.make_ascii_lowercase();
            english += usize::from(is_english(&lower[..w.len()]));
        } else if w.contains('’') {
            let w = w.replace('’', "'").to_ascii_lowercase();
            english += usize::from(is_english(w.as_bytes()));
        }
    }
    (words, english)
}

/// Whether `w` (lower case) is a common English word that is not a common word of other
/// languages in Latin letters. A `match`, which the compiler turns into a branch on the length
/// and a few comparisons, instead of a scan of the list: this runs on every word of the sample.
#[rustfmt::skip]
fn is_english(w: &[u8]) -> bool {
    matches!(
        w,
        b"the" | b"and" | b"you" | b"that" | b"this" | b"they" | b"what" | b"have" | b"with" |
        b"just" | b"like" | b"your" | b"know" | b"about" | b"there" | b"would" | b"think" |
        b"yeah" | b"really" | b"when" | b"which" | b"people" | b"been" | b"were" | b"because" |
        b"could" | b"how" | b"why" | b"where" | b"who" | b"it" | b"it's" | b"don't" |
        b"that's" | b"i'm" | b"we're" | b"you're" | b"they're" | b"can't" | b"didn't" |
        b"doesn't" | b"isn't" | b"she" | b"his" | b"our" | b"from" | b"not" | b"can" | b"did" |
        b"does" | b"get" | b"got" | b"going" | b"yes" | b"well" | b"mean" | b"thing" |
        b"things" | b"time" | b"work" | b"some" | b"more" | b"very" | b"then" | b"than" |
        b"one" | b"if" | b"had"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Calls in other languages, as people speak on them.
    const OTHER_LANGUAGES: &[&str] = &[
        "Bonjour, merci d'avoir pris le temps. Alors, comment est-ce que vous gérez les factures \
         aujourd'hui ? Euh, on les reçoit par mail et puis ma collègue les rentre dans le logiciel, \
         mais c'est souvent en retard, il faut relancer les clients deux ou trois fois.",
        "Hola, gracias por tu tiempo. ¿Cómo organizas los pedidos hoy en día? Pues mira, los \
         apuntamos en una hoja de cálculo y luego mi socio los revisa por la tarde, pero a veces \
         se nos pasa alguno y el cliente nos llama enfadado.",
        "Hallo, danke, dass Sie sich Zeit nehmen. Wie planen Sie die Schichten im Moment? Also, \
         das machen wir noch mit Excel, und was dann passiert, ist, dass jemand krank wird und ich \
         alles am Sonntagabend neu machen muss, das ist schon anstrengend.",
        "Hoi, bedankt dat je tijd hebt. Hoe houd je nu de voorraad bij? Nou, dat is eigenlijk een \
         beetje chaos, we schrijven het op een whiteboard en als iemand het vergeet dan weten we \
         het pas als de klant belt of het er nog is.",
        "Olá, obrigado pelo seu tempo. Como é que vocês fazem a gestão das consultas hoje? Olha, \
         é tudo no caderno, a recepcionista marca e depois um dos médicos confirma, mas às vezes \
         há marcações duplicadas e o paciente fica à espera.",
        "Ciao, grazie per il tuo tempo. Come gestite gli ordini dei clienti adesso? Allora, li \
         scriviamo su un foglio e poi il mio collega li inserisce nel gestionale la sera, però \
         ogni tanto ne perdiamo qualcuno e il cliente si lamenta.",
        "Cześć, dziękuję za poświęcony czas. Jak teraz planujecie dostawy? No, to jest tak, że \
         kierowca dzwoni do mnie rano i ja to wszystko zapisuję w zeszycie, a potem i tak coś się \
         nie zgadza i muszę to poprawiać do wieczora.",
    ];

    #[test]
    fn other_languages_are_not_plainly_english() {
        for text in OTHER_LANGUAGES {
            assert!(english_share(text) < 0.05, "{text}");
            assert!(!plainly_english(text), "{text}");
            assert!(whatlang::detect(text).is_some_and(|i| i.lang() != whatlang::Lang::Eng));
        }
        // Another language with English in it: fillers, tech words and a switched phrase
        // or two, as in Taglish or German office talk. whatlang decides.
        for mixed in [
            "Also, okay, ich hab das Meeting mit dem Team gehabt, und das Feedback war eigentlich \
             ganz gut, but the deadline ist halt echt knapp, weißt du, und der Sprint endet Freitag.",
            "Okay so ano, yung app namin is medyo mabagal pa, pero the users naman are happy, kasi \
             mas mabilis pa rin kaysa sa dati nilang ginagawa, diba, pero kailangan pa ng feedback.",
            &format!(
                "{} Okay, so how do you handle it when the invoices come in late?",
                OTHER_LANGUAGES[0]
            ),
        ] {
            assert!(!plainly_english(mixed), "{mixed}");
        }
    }

    /// Every piece of every labelled interview in English reads as plainly English, and
    /// none of the pieces it calls English is one whatlang is sure is another language.
    #[test]
    fn english_interviews_are_plainly_english() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
        let mut pieces = 0;
        let mut plain = 0;
        for dir in [
            "labelled",
            "corpus/b01",
            "corpus/b04",
            "corpus/b06",
            "corpus/r01",
            "corpus/r02",
            "corpus/r03",
            "heldout/r04",
        ] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_none_or(|e| e != "txt") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                let mut at = 0;
                while at < text.len() {
                    let mut end = (at + PIECE * 2).min(text.len());
                    while !text.is_char_boundary(end) {
                        end -= 1;
                    }
                    let piece = &text[at..end];
                    at = end;
                    pieces += 1;
                    if plainly_english(piece) {
                        plain += 1;
                        let w = whatlang::detect(piece);
                        assert!(
                            !w.is_some_and(|i| i.lang() != whatlang::Lang::Eng && i.is_reliable()),
                            "{}: {piece}",
                            path.display()
                        );
                    }
                }
            }
        }
        // Pieces of 1,000 bytes; a whole sample is eight of 500 bytes and reads surer.
        assert!(
            plain * 100 >= pieces * 97,
            "{plain} of {pieces} pieces read as plainly English"
        );
    }

    #[test]
    fn zoom_chat_logs() {
        let old = "18:02:01\t From Alani Perry to Susan Wands (Privately) : Holy basil\n\
                   18:05:27\t From Alani Perry : lemon balm\n18:06:00\t From Sonya : thanks!\n";
        assert!(is_chat_log(old));
        let new = "10:02:03 From  Ana Diaz  to  Everyone:\n\tHi all\n\
                   10:02:09 From  Ben  to  Everyone:\n\thello\n10:03:00 From  Ana Diaz  to  Everyone:\n\tlink\n";
        assert!(is_chat_log(new));
        // Speech that mentions a sender now and then is not a chat.
        let speech = "[00:01:02] Maya: Where is it from?\n[00:01:09] Tom: From the supplier.\n\
                      [00:01:20] Maya: What then?\n[00:01:30] Tom: We wait.\n";
        assert!(!is_chat_log(speech));
    }
}
