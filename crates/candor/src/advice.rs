//! The `help:` of a finding, made about the sentence at hand: the offending question asked
//! again, open, neutral or about the past, in the interviewer's own words ("Do you use any
//! tools for scheduling?" → `ask it open: "What tools do you use for scheduling?"`).
//!
//! It works from the sentence's text and the rule alone, so findings of the patterns and of
//! the learned model get the same advice. The speech layer reads the sentence (fillers,
//! stutters and contractions gone, discourse markers and vocatives skipped); small
//! heuristics then either turn the question itself ("Did you ring anyone?" → "Who did you
//! ring?"; "Do you charge interest when they pay late?" → "How do you charge interest when
//! they pay late?") or find its topic and put it in a template of the rule:
//!
//! * an activity: a gerund after a verb or word of feeling ("Don't you hate *chasing
//!   invoices*?", "sick of *re-keying orders*"), or opening the clause ("*keeping track of
//!   miles* is a mess, right?");
//! * what an imagined product would do, as the interviewee's activity ("an app that
//!   *tracks invoices*" → "tracking invoices"; "something that lets you *book rooms*" →
//!   "booking rooms");
//! * what a container is for ("a policy doc *for mileage*", "a *scheduling* tool").
//!
//! Templates are grounded in the Mom Test (docs/rules.md#better-questions): how they handle
//! it today, what it is like for them, how they went about it the last time. A topic is the
//! interviewer's own words, at most [`MAX_TOPIC_WORDS`] of them, hedges ("just", "really",
//! "kind of") dropped; never a pronoun alone ("it", "that", "something"), never the
//! interviewer's own ("my", "our"), never a product name in CamelCase, never the people or
//! the organisation the question is for. When nothing fits, or the question made does not
//! pass [`well_formed`], there is no rewrite and the rule's own help stands: a fallback is
//! better than an awkward question.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::rules::Id;
use crate::speech::{self, Form, Sentence, WordHasher};

/// The longest topic kept, in words.
pub(crate) const MAX_TOPIC_WORDS: usize = 7;

/// The longest question made, in words.
const MAX_QUESTION_WORDS: usize = 20;

/// The longest run of the interviewer's words kept after a verb ("…charge interest *when
/// they pay late*").
const MAX_REST_WORDS: usize = 9;

/// The help for a finding of `rule` on `text` (the sentence or sentences it is in), when a
/// rewrite fits: `lead: "Question?"`.
pub(crate) fn help(rule: Id, text: &str) -> Option<String> {
    let q = rewrite(rule, text)?;
    Some(format!("{}: \"{q}\"", lead(rule)))
}

/// What the help says before the rewritten question.
fn lead(rule: Id) -> &'static str {
    match rule {
        Id::Closed => "ask it open",
        Id::Leading => "ask it neutrally",
        Id::Hypothetical => "ask about the past",
        Id::Validation => "ask about their world, not your idea",
        Id::SolutionRequest => "ask about the problem, not the fix",
        Id::Homework => "look it up before the call, and ask what only they know",
        Id::Stacked => "ask one question at a time, first",
        Id::Selling => "leave the pitch out and ask",
        Id::SelfCriticism => "leave your product out and ask",
        _ => "ask instead",
    }
}

/// The offending question of `text` asked again for `rule`, or `None` when no rewrite fits.
pub(crate) fn rewrite(rule: Id, text: &str) -> Option<String> {
    // The rules of a turn's length or of the whole interview have no question to rewrite:
    // leave before reading their text.
    if !rule.by_sentence() && rule != Id::Stacked {
        return None;
    }
    let sentences = speech::sentences(text, &[]);
    let q = match rule {
        Id::Stacked => stacked(text, &sentences)?,
        Id::Selling => sentences
            .iter()
            .find_map(|s| selling(&Words::of(text, s, s.core)))?,
        // Running down one's own product has no question of theirs in it, and a question
        // about the part run down ("the last time you used the onboarding") would ask about
        // the product: the rule's own help says it better.
        Id::SelfCriticism => return None,
        _ => {
            let s = question(&sentences)?;
            let w = Words::of(text, s, s.core);
            match rule {
                Id::Closed => closed(&w)?,
                Id::Leading => leading(&w)?,
                Id::Hypothetical => hypothetical(&w)?,
                Id::Validation => validation(&w)?,
                Id::SolutionRequest => solution(&w)?,
                Id::Homework => homework(&w)?,
                _ => return None,
            }
        }
    };
    well_formed(&q).then_some(q)
}

/// The question a finding is about: the last sentence that asks, else the last one.
fn question(sentences: &[Sentence]) -> Option<&Sentence> {
    sentences
        .iter()
        .rev()
        .find(|s| s.form.is_question() || s.ends_q)
        .or(sentences.last())
}

/// A word of a sentence: normalised (`n`), and as shown (`o`: as spoken when only its
/// case differs, so a name keeps its capitals); `brk` marks punctuation that ends a phrase.
#[derive(Debug, Clone)]
struct W {
    n: String,
    o: String,
    brk: bool,
}

/// The words of a sentence from one token on, with "you guys" and "y'all" read as "you".
struct Words(Vec<W>);

impl Words {
    fn of(text: &str, s: &Sentence, from: usize) -> Words {
        let mut out: Vec<W> = Vec::new();
        for (i, t) in s.toks.iter().enumerate().skip(from) {
            let n = s.tok_str(i).to_string();
            if t.punct {
                if !matches!(n.as_str(), "'" | "\"") {
                    out.push(W {
                        o: n.clone(),
                        n,
                        brk: true,
                    });
                }
                continue;
            }
            if n == "y'all" || (out.last().is_some_and(|p| p.n == "you") && YOU_ALL.contains(&&*n))
            {
                if n == "y'all" {
                    out.push(W {
                        n: "you".into(),
                        o: "you".into(),
                        brk: false,
                    });
                }
                continue;
            }
            let orig = text.get(t.o0 as usize..t.o1 as usize).unwrap_or("");
            let o = if n == "i" {
                "I".to_string()
            } else if orig.to_lowercase() == n && i > s.core {
                orig.to_string()
            } else {
                n.clone()
            };
            out.push(W { n, o, brk: false });
        }
        Words(out)
    }

    fn get(&self, i: usize) -> &str {
        self.0.get(i).map_or("", |w| w.n.as_str())
    }

    fn brk(&self, i: usize) -> bool {
        self.0.get(i).is_none_or(|w| w.brk)
    }

    fn has(&self, word: &str) -> bool {
        self.0.iter().any(|w| w.n == word)
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    /// Words `i..j` as shown, joined.
    fn show(&self, i: usize, j: usize) -> String {
        let mut out = String::new();
        for w in &self.0[i.min(j)..j.min(self.len())] {
            if w.brk {
                if w.n == "," || w.n == "-" {
                    out.push_str(if w.n == "," { "," } else { " -" });
                }
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&w.o);
        }
        out
    }
}

const YOU_ALL: &[&str] = &["guys", "all", "folks", "lot"];

/// What kind of phrase a topic is, for the templates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// An activity: "chasing invoices".
    Activity,
    /// A thing: "mileage", "the handover".
    Thing,
    /// People or an organisation: "your planners", "the council".
    People,
}

/// A topic: its words as they will be shown, and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Topic {
    text: String,
    kind: Kind,
    /// The head noun is plural.
    plural: bool,
    /// An activity said with its verb in the base form: "track invoices".
    base: Option<String>,
}

fn is(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// The word lists below as sets: each look-up is a hash, not a scan of a long list.
type Set = LazyLock<HashSet<&'static str, WordHasher>>;

static STOPS: Set = LazyLock::new(|| STOPS_LIST.iter().copied().collect());
static PRACTICE: Set = LazyLock::new(|| PRACTICE_LIST.iter().copied().collect());
static PLACEHOLDERS: Set = LazyLock::new(|| PLACEHOLDERS_LIST.iter().copied().collect());
static PEOPLE: Set = LazyLock::new(|| PEOPLE_LIST.iter().copied().collect());
static TASKS: Set = LazyLock::new(|| TASKS_LIST.iter().copied().collect());
static HEDGES: Set = LazyLock::new(|| HEDGES_LIST.iter().copied().collect());
static NOT_GERUNDS: Set = LazyLock::new(|| NOT_GERUNDS_LIST.iter().copied().collect());
static CONTAINERS: Set = LazyLock::new(|| CONTAINERS_LIST.iter().copied().collect());
static VERDICTS: Set = LazyLock::new(|| VERDICTS_LIST.iter().copied().collect());
static BAD_ENDS: Set = LazyLock::new(|| BAD_ENDS_LIST.iter().copied().collect());
static ORGS: Set = LazyLock::new(|| ORGS_LIST.iter().copied().collect());

/// Words after which an `-ing` word is an activity the interviewer has a feeling about.
#[rustfmt::skip]
const FEELING: &[&str] = &[
    "hate", "hates", "love", "loves", "enjoy", "dread", "dislike", "resent", "struggle",
    "struggling",
];

/// Words of feeling that take a preposition before the activity ("sick of", "tired of").
#[rustfmt::skip]
const FEELING_ADJ: &[&str] = &[
    "sick", "tired", "fed", "frustrated", "annoyed", "bored", "worried", "stressed", "anxious",
    "nervous", "pain", "hassle", "nightmare", "headache", "chore", "struggle", "frustrating",
    "annoying", "painful", "hate", "scared", "afraid", "fear", "burden",
];

/// Words after which a clause starts: a gerund there is its subject ("I bet *chasing
/// invoices* is a pain").
#[rustfmt::skip]
const CLAUSE_OPENERS: &[&str] = &[
    "guessing", "guess", "bet", "imagine", "assume", "suppose", "sure", "reckon", "think",
    "presume", "figure",
];

/// `-ing` words that are not activities.
#[rustfmt::skip]
const NOT_GERUNDS_LIST: &[&str] = &[
    "thing", "things", "something", "anything", "nothing", "everything", "morning", "evening",
    "during", "king", "ring", "spring", "string", "ceiling", "bring", "sing", "wing", "going",
    "getting", "doing", "being", "having", "saying", "thinking", "feeling", "wondering",
    "seeing", "hearing", "talking", "asking", "looking", "coming", "trying", "using", "paying",
    "switching", "amazing", "interesting", "annoying", "frustrating", "exciting", "boring",
    "confusing", "overwhelming", "missing", "willing", "following", "guessing", "telling",
    "saving", "happening", "meaning", "working", "living", "taking", "making", "wedding",
    "building", "evening", "pending", "outstanding", "ongoing", "upcoming", "including",
    "according", "regarding", "considering", "concerning", "assuming", "depending", "during",
    "charming", "stunning", "shocking", "terrifying", "worrying", "exhausting", "tiring",
    "demanding", "challenging", "disappointing", "embarrassing", "fascinating", "surprising",
    "satisfying", "compelling", "promising", "appealing", "existing", "remaining", "leading",
    "willing", "loving", "caring", "ceiling",
];

fn is_gerund(w: &str) -> bool {
    w.len() > 4
        && w.ends_with("ing")
        && !NOT_GERUNDS.contains(w)
        && w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
}

/// What a product or a document is: the topic is what it is for.
#[rustfmt::skip]
const CONTAINERS_LIST: &[&str] = &[
    "app", "apps", "tool", "tools", "product", "platform", "service", "system", "software",
    "solution", "feature", "features", "dashboard", "plugin", "integration", "bot", "assistant",
    "something", "doc", "docs", "document", "policy", "process", "template", "spreadsheet",
    "spreadsheets", "website", "site", "tracker", "program", "programme", "module", "portal",
    "checklist", "workflow", "setup",
];

/// Pronouns and placeholders: never a topic alone.
#[rustfmt::skip]
const PLACEHOLDERS_LIST: &[&str] = &[
    "it", "that", "this", "these", "those", "them", "they", "one", "ones", "something",
    "anything", "everything", "nothing", "stuff", "thing", "things", "there", "here", "what",
    "which", "you", "he", "she", "him", "her", "lot", "much", "more", "else", "yes", "no",
    "sense", "way", "part", "bit", "problem", "issue", "case", "point", "kind", "sort", "type",
    "idea", "concept", "side", "end", "time", "times", "day", "days", "whole", "all", "same",
    "yourself", "yours", "someone", "somebody", "anyone", "anybody", "people", "okay", "fine",
    "both", "either", "each", "itself", "themselves", "next", "last", "year", "month", "week", "today", "tomorrow", "yesterday",
    "morning", "night", "moment", "minute", "hour", "future", "past", "start", "beginning",
    "end", "rest", "lot", "lots",
];

/// The interviewer's own: a topic with one of these is theirs, not the interviewee's.
#[rustfmt::skip]
const OWN: &[&str] = &[
    "i", "me", "my", "we", "us", "our", "ours", "myself", "ourselves",
];

/// Determiners dropped at the start of a noun phrase ("the" and possessives stay).
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "any", "some", "this", "that", "these", "those", "all", "such", "another",
];

/// Hedges dropped anywhere in a topic or a question kept.
#[rustfmt::skip]
const HEDGES_LIST: &[&str] = &[
    "just", "really", "actually", "basically", "literally", "honestly", "even", "ever", "still",
    "also", "maybe", "perhaps", "probably", "currently", "usually", "normally", "always",
    "generally", "typically", "definitely", "totally", "super", "pretty", "quite", "very",
    "like", "sometimes", "often", "already", "personally", "kinda", "sorta", "anywhere",
    "somewhere", "yourself", "yourselves", "own",
];

/// Words a noun phrase stops at: clause words, time and degree words, prepositions that
/// start a new phrase.
#[rustfmt::skip]
const STOPS_LIST: &[&str] = &[
    "and", "or", "but", "so", "because", "cause", "cos", "if", "when", "while", "than", "then",
    "that", "which", "who", "whom", "whose", "where", "like", "you", "i", "we", "they", "he",
    "she", "it", "right", "yeah", "yes", "no", "not", "okay", "ok", "today", "now", "nowadays",
    "currently", "anymore", "again", "already", "yet", "too", "either", "though", "instead",
    "first", "once", "often", "ever", "every", "each", "at", "as", "lot", "much", "more",
    "most", "less", "enough", "there", "here", "personally", "yourself", "yourselves", "think",
    "say", "mean", "know", "guess", "suppose", "reckon", "feel", "agree", "huh", "eh", "innit",
    "na", "sir", "madam", "ma'am", "etc", "automatically", "easily", "quickly", "instantly",
    "faster", "better", "easier", "cheaper", "worth", "per", "to", "into", "onto", "within",
    "by", "off", "out", "up", "down", "over", "through", "after", "before", "since", "until",
    "without", "against", "around", "about", "only", "right", "exactly", "anyway", "though",
    "fairly", "manually", "properly", "separately", "together", "alone", "well", "all", "any",
    "some", "something", "anything", "stuff", "things", "thing", "sometimes", "always", "never",
    "usually", "regularly", "daily", "weekly", "monthly", "yearly", "be", "been", "being",
    "get", "got", "gets", "useful", "helpful", "good", "great", "valuable", "interesting",
    "worthwhile", "fair", "true", "weeks", "days", "months", "years", "hours", "minutes",
    "week", "month", "year", "hour", "minute", "anywhere", "somewhere", "everywhere",
    "straight", "directly", "later", "soon", "next", "last",
];

fn stop(w: &str) -> bool {
    speech::is_aux(w) || speech::is_wh(w) || STOPS.contains(w)
}

/// Prepositions a topic may keep inside it ("problems with buyers", "track of miles").
#[rustfmt::skip]
const INNER_PREPS: &[&str] = &[
    "of", "for", "with", "on", "in", "across", "between", "from", "about",
];

/// Words a topic or a question must not end with.
#[rustfmt::skip]
const BAD_ENDS_LIST: &[&str] = &[
    "of", "for", "with", "on", "in", "across", "between", "from", "to", "about", "a", "an",
    "the", "any", "some", "this", "that", "these", "those", "all", "your", "their", "his",
    "her", "its", "and", "or", "but", "at", "by", "like", "as", "than", "very", "ideal",
    "perfect", "dream", "own", "new", "whole", "kind", "sort", "type", "so", "if", "when",
    "because", "is", "are", "was", "were", "be", "do", "does", "did", "have", "has", "you",
    "my", "our", "every", "each", "into", "onto", "helping", "letting",
];

/// People and organisations: who a question is for, not what it is about.
#[rustfmt::skip]
const PEOPLE_LIST: &[&str] = &[
    "manager", "managers", "boss", "bosses", "team", "teams", "staff", "colleagues",
    "colleague", "client", "clients", "customer", "customers", "buyer", "buyers", "director",
    "directors", "planners", "planner", "users", "user", "patients", "patient", "students",
    "parents", "drivers", "driver", "suppliers", "supplier", "vendors", "vendor", "partner",
    "partners", "people", "employees", "players", "members", "guests", "tenants", "landlord",
    "accountant", "engineers", "technicians", "nurses", "doctors", "teachers", "agents", "reps",
    "contractors", "volunteers", "landlords", "landlord", "designer", "designers", "developer",
    "developers", "cleaner", "cleaners", "families", "centres", "centers", "husband", "wife",
    "family", "kids", "children", "company", "business", "firm", "farm", "practice", "clinic",
    "school", "shop", "store", "restaurant", "bakery", "org", "organisation", "organization",
    "charity", "council", "agency", "studio", "department", "office", "hospital", "hotel",
    "venue", "brand", "startup", "group", "club", "trust", "board", "lab", "workshop", "site",
    "sites", "earners",
];

/// Organisations, for the homework rule.
#[rustfmt::skip]
const ORGS_LIST: &[&str] = &[
    "company", "business", "firm", "farm", "practice", "clinic", "school", "shop", "store",
    "restaurant", "bakery", "org", "organisation", "organization", "charity", "council",
    "agency", "studio", "department", "office", "hospital", "hotel", "venue", "brand",
    "startup", "group", "club", "trust", "team", "lab", "workshop", "university", "college",
];

/// A number, in digits or words: a phrase stops before it ("two weeks before").
fn number(x: &str) -> bool {
    x.starts_with(|c: char| c.is_ascii_digit())
        || x.split('-').all(|p| {
            is(
                &[
                    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                    "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty",
                    "hundred", "thousand", "half", "dozen", "couple",
                ],
                p,
            )
        })
}

/// Whether a head noun is plural, roughly.
fn plural(w: &str) -> bool {
    (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is"))
        || is(&["people", "staff", "children", "data", "media"], w)
}

/// A word in CamelCase ("ShotList") is a product's name: never the interviewee's topic.
fn camel(o: &str) -> bool {
    let mut chars = o.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.any(char::is_uppercase)
        && o.chars().any(char::is_lowercase)
}

/// A noun phrase from word `i` on: leading determiners and hedges dropped, up to a stop
/// word or a break, keeping a prepositional phrase inside it, trimmed of what cannot end it.
fn noun_phrase(w: &Words, i: usize) -> Option<Topic> {
    let mut j = i;
    while !w.brk(j) && (is(DETERMINERS, w.get(j)) || HEDGES.contains(w.get(j))) {
        // "that situation", "those reports": what they point back to is not in the sentence.
        if is(&["this", "that", "these", "those"], w.get(j)) {
            return None;
        }
        j += 1;
    }
    if is(&["every", "each", "all"], w.get(j)) {
        return None;
    }
    phrase(w, j, Kind::Thing)
}

/// The phrase from word `j` on, as a topic of `kind` (an activity starts with its gerund).
fn phrase(w: &Words, j: usize, kind: Kind) -> Option<Topic> {
    let mut out: Vec<&W> = Vec::new();
    let mut k = j;
    while k < w.len() && out.len() <= MAX_TOPIC_WORDS {
        let x = &w.0[k];
        let n = x.n.as_str();
        if x.brk {
            break;
        }
        if is(&["kind", "sort"], n) && w.get(k + 1) == "of" {
            k += 2;
            continue;
        }
        if HEDGES.contains(n) {
            k += 1;
            continue;
        }
        if is(OWN, n) {
            return None;
        }
        if !out.is_empty() && number(n) && kind != Kind::Activity {
            break;
        }
        let keep = if out.is_empty() {
            !stop(n) || (kind == Kind::Activity && is_gerund(n))
        } else if is(INNER_PREPS, n) || is(&["the", "your", "their", "a", "an"], n) {
            // A preposition or a determiner stays when a content word follows.
            let next = w.get(k + 1);
            let next = if is(&["the", "your", "their", "a", "an"], next) {
                w.get(k + 2)
            } else {
                next
            };
            !next.is_empty() && !stop(next) && !is(OWN, next) && !PLACEHOLDERS.contains(next)
        } else {
            !stop(n)
        };
        if !keep {
            break;
        }
        out.push(x);
        k += 1;
    }
    while out.last().is_some_and(|x| BAD_ENDS.contains(x.n.as_str())) {
        out.pop();
    }
    if out.is_empty() || out.len() > MAX_TOPIC_WORDS {
        return None;
    }
    // The head: the last word before the first preposition.
    let head = out
        .iter()
        .take_while(|x| !is(INNER_PREPS, &x.n))
        .last()
        .map_or("", |x| x.n.as_str());
    if PLACEHOLDERS.contains(head) || head.is_empty() {
        return None;
    }
    let kind = if kind == Kind::Thing && PEOPLE.contains(head) {
        Kind::People
    } else {
        kind
    };
    let text = out
        .iter()
        .map(|x| x.o.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Some(Topic {
        text,
        kind,
        plural: plural(head),
        base: None,
    })
}

/// What the container at word `c` is for: "a policy doc for mileage" → "mileage", "a
/// scheduling tool" → "scheduling". `None` when it says nothing of that ("the app", "your
/// ideal tool").
fn purpose_of_container(w: &Words, c: usize, modifier: bool) -> Option<Topic> {
    if w.get(c + 1) == "for" {
        if is_gerund(w.get(c + 2)) {
            // "an app for coaching centres": who it is for, not what they do.
            return activity(w, c + 2).filter(|t| {
                t.text.contains(' ')
                    && !t
                        .text
                        .rsplit(' ')
                        .next()
                        .is_some_and(|x| PEOPLE.contains(x))
            });
        }
        return noun_phrase(w, c + 2).filter(|t| t.kind == Kind::Thing);
    }
    if modifier && c > 0 && is_gerund(w.get(c - 1)) && w.get(c) != "something" {
        // "a scheduling tool": the activity before it.
        return Some(Topic {
            text: w.0[c - 1].o.clone(),
            kind: Kind::Activity,
            plural: false,
            base: None,
        });
    }
    None
}

/// An activity from word `i`, a gerund and what follows it: "chasing invoices".
fn activity(w: &Words, i: usize) -> Option<Topic> {
    phrase(w, i, Kind::Activity)
}

/// A verb in the third person in its base form: "tracks" → "track", "tidies" → "tidy".
fn base_of(v: &str) -> Option<String> {
    if !v.chars().all(|c| c.is_ascii_lowercase()) || v.len() < 2 || v.ends_with("ed") {
        return None;
    }
    Some(if let Some(s) = v.strip_suffix("ies") {
        format!("{s}y")
    } else if ["ches", "shes", "sses", "xes", "zes"]
        .iter()
        .any(|e| v.ends_with(e))
    {
        v[..v.len() - 2].to_string()
    } else if v.ends_with('s') && !v.ends_with("ss") && !v.ends_with("us") {
        v[..v.len() - 1].to_string()
    } else {
        v.to_string()
    })
}

/// A verb made a gerund: "tracks" → "tracking", "saves" → "saving", "plans" → "planning".
fn gerund_of(v: &str) -> Option<String> {
    let base = base_of(v)?;
    let b = base.as_bytes();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let n = b.len();
    Some(if let Some(s) = base.strip_suffix("ie") {
        format!("{s}ying")
    } else if n > 2 && base.ends_with('e') && !base.ends_with("ee") && !base.ends_with("ye") {
        format!("{}ing", &base[..n - 1])
    } else if n >= 3
        && !vowel(b[n - 1])
        && !matches!(b[n - 1], b'w' | b'x' | b'y')
        && vowel(b[n - 2])
        && !vowel(b[n - 3])
        && (n == 3 || (n == 4 && !vowel(b[0]) && !vowel(b[1])))
    {
        format!("{base}{}ing", char::from(b[n - 1]))
    } else {
        format!("{base}ing")
    })
}

/// Verbs of the work a product would take off their hands, in their base form.
#[rustfmt::skip]
const TASKS_LIST: &[&str] = &[
    "track", "sync", "log", "schedule", "book", "automate", "manage", "send", "chase", "remind",
    "record", "report", "calculate", "plan", "organise", "organize", "store", "share",
    "compare", "import", "export", "reconcile", "generate", "monitor", "collect", "file",
    "fill", "update", "handle", "route", "assign", "flag", "notify", "quote", "invoice",
    "approve", "order", "fix", "translate", "transcribe", "summarise", "summarize", "scan",
    "check", "predict", "forecast", "bill", "tag", "label", "digitise", "digitize", "prepare",
    "draft", "publish", "post", "recommend", "measure", "count", "review", "audit", "verify",
    "train", "onboard", "hire", "recruit", "ship", "deliver", "dispatch", "coordinate",
    "convert", "upload", "print", "build", "create", "design", "categorise", "categorize",
    "match", "estimate", "price", "split", "arrange", "stock", "reorder", "forward", "archive",
    "backup", "capture", "edit", "document", "process", "submit", "renew", "rota",
];

/// The base form of a verb in the third person ("tracks" → "track"), if it is a task verb.
fn task(v: &str) -> bool {
    let base = |s: &str| TASKS.contains(s);
    base(v)
        || v.strip_suffix('s').is_some_and(base)
        || v.strip_suffix("es").is_some_and(base)
        || v.strip_suffix("ies")
            .is_some_and(|s| base(&format!("{s}y")))
}

/// What an imagined product would do, as the interviewee's activity: "an app that tracks
/// invoices" → "tracking invoices"; "something that lets you book rooms" → "booking rooms".
/// `pronoun`: a pronoun may be the product ("it tracks…"), as in a pitch.
fn product_activity(w: &Words, pronoun: bool) -> Option<Topic> {
    for c in 0..w.len() {
        // "it" is the product; "we" is the vendor, whose work is not theirs to be asked about.
        let subject = CONTAINERS.contains(w.get(c)) || (pronoun && w.get(c) == "it");
        if !subject {
            continue;
        }
        let mut k = c + 1;
        if is(&["that", "which", "to", "where"], w.get(k)) {
            k += 1;
        } else if !pronoun {
            continue;
        }
        // "…where you could book", "…that would automatically track".
        while is(
            &[
                "would",
                "could",
                "can",
                "will",
                "automatically",
                "just",
                "also",
                "actually",
                "basically",
                "you",
                "then",
                "instantly",
                "simply",
            ],
            w.get(k),
        ) {
            k += 1;
        }
        if is(
            &["lets", "let", "helps", "help", "allows", "allow", "enables"],
            w.get(k),
        ) && w.get(k + 1) == "you"
        {
            k += 2;
            if w.get(k) == "to" {
                k += 1;
            }
        }
        let v = w.get(k);
        // What the vendor builds is not what the interviewee does.
        let b = base_of(v).unwrap_or_default();
        // "we'd build the integration", "we can book you in", "we'd onboard the project for
        // you": the vendor's work and offers, not the interviewee's.
        let vendor = w.get(c) == "we"
            && is(
                &[
                    "build", "create", "design", "train", "develop", "make", "book", "organise",
                    "organize", "arrange", "schedule", "onboard", "set",
                ],
                &b,
            );
        if !task(v) || vendor {
            continue;
        }
        if let Some(t) = activity_from(w, v, k + 1) {
            return Some(t);
        }
    }
    None
}

/// The verb `v` (third person or base form) and the noun phrase after it, from word `k`,
/// as an activity: "tracks your invoices" → "tracking your invoices" ("track your invoices").
fn activity_from(w: &Words, v: &str, k: usize) -> Option<Topic> {
    let mut k = k;
    // "keep track of…", "fill in…", "follow up on…": the particle goes with the verb.
    let mut more = String::new();
    while is(
        &["track", "up", "on", "out", "off", "back", "in", "down"],
        w.get(k),
    ) && !w.brk(k)
    {
        if w.get(k) == "track" && w.get(k + 1) == "of" {
            more.push_str(" track of");
            k += 2;
        } else {
            more.push(' ');
            more.push_str(&w.0[k].o);
            k += 1;
        }
    }
    if is(&["with", "for", "on"], w.get(k)) && more.is_empty() {
        more.push(' ');
        more.push_str(w.get(k));
        k += 1;
    }
    let first = w.get(k);
    // "sends them nudges", "tracks it": a pronoun object says nothing of the topic.
    if PLACEHOLDERS.contains(first)
        || is(OWN, first)
        || number(first)
        || (!is(ARTICLES, first) && stop(first))
    {
        return None;
    }
    let o = noun_phrase(w, k)?;
    if o.text.split(' ').count() > 4 {
        return None;
    }
    let text = format!("{}{more} {}", gerund_of(v)?, o.text);
    let base = format!("{}{more} {}", base_of(v)?, o.text);
    (text.split(' ').count() <= MAX_TOPIC_WORDS).then_some(Topic {
        text,
        kind: Kind::Activity,
        plural: false,
        base: Some(base),
    })
}

/// Articles and possessives that may open a noun phrase kept whole.
const ARTICLES: &[&str] = &["a", "an", "the", "your", "their"];

/// An activity the interviewer has a feeling about: "hate chasing invoices", "sick of
/// re-keying orders", "I bet keeping track of miles is a mess".
fn feeling_activity(w: &Words) -> Option<Topic> {
    (0..w.len())
        .filter(|&i| is_gerund(w.get(i)))
        .filter(|&i| {
            let p = if i > 0 { w.get(i - 1) } else { "" };
            let p2 = if i > 1 { w.get(i - 2) } else { "" };
            is(FEELING, p)
                || (is(&["of", "with", "about", "by", "up"], p) && is(FEELING_ADJ, p2))
                || (p == "up" && p2 == "fed")
        })
        .find_map(|i| activity(w, i))
        .filter(|t| t.text.contains(' '))
}

/// A thing the interviewer has a feeling about: "Don't you hate invoices?".
fn feeling_thing(w: &Words) -> Option<Topic> {
    let i = (0..w.len()).find(|&i| is(FEELING, w.get(i)))?;
    noun_phrase(w, i + 1).filter(|t| t.kind == Kind::Thing && !w.get(i + 1).ends_with("ing"))
}

/// The phrase after "for" that follows a container or money: "a policy doc for mileage",
/// "pay $40 a month for shot lists".
/// `modifier`: an activity before the container counts ("a scheduling tool"), as it does
/// for an imagined product, not for one they have ("the booking system").
fn purpose(w: &Words, modifier: bool) -> Option<Topic> {
    (0..w.len()).find_map(|i| {
        CONTAINERS
            .contains(w.get(i))
            .then(|| purpose_of_container(w, i, modifier))
            .flatten()
    })
}

/// What the container they are asked whether they have or use is for: "do you have a
/// policy doc for mileage" → "mileage"; not one named in passing ("ticking off a checklist
/// for fire").
fn kept_for(w: &Words) -> Option<Topic> {
    (0..w.len())
        .filter(|&c| CONTAINERS.contains(w.get(c)))
        .find_map(|c| {
            let has = (c.saturating_sub(5)..c).any(|k| {
                let mut v = k + 1;
                while v < c && HEDGES.contains(w.get(v)) {
                    v += 1;
                }
                w.get(k) == "you"
                    && is(
                        &[
                            "have", "use", "keep", "got", "need", "run", "maintain", "follow",
                        ],
                        w.get(v),
                    )
            });
            has.then(|| purpose_of_container(w, c, false)).flatten()
        })
}

/// What money would be paid for: "pay $40 a month for shot lists" → "shot lists".
fn paid_for(w: &Words) -> Option<Topic> {
    (0..w.len()).find_map(|i| {
        if w.get(i) == "for" && i >= 2 && (i.saturating_sub(3)..i).any(|k| is(MONEY, w.get(k))) {
            if is_gerund(w.get(i + 1)) {
                return activity(w, i + 1);
            }
            // "pay for ShotList", "pay more for Pro", "the whole package": the product, not
            // what they spend on today.
            return noun_phrase(w, i + 1).filter(|t| {
                t.kind == Kind::Thing
                    && !t.text.starts_with("their ")
                    && !t
                        .text
                        .split(' ')
                        .any(|x| x.chars().next().is_some_and(char::is_uppercase))
                    && !t.text.split(' ').any(|x| is(PRODUCT_WORDS, x))
            });
        }
        None
    })
}

/// What a price is for when it is the product: "pay for the whole package".
#[rustfmt::skip]
const PRODUCT_WORDS: &[&str] = &[
    "package", "plan", "subscription", "version", "tier", "upgrade", "add-on", "addon", "call",
    "calls", "service", "product", "app", "tool", "platform", "licence", "license", "seat",
    "seats", "feature", "features", "month", "year",
];

/// Words that make a question one about money.
#[rustfmt::skip]
const MONEY: &[&str] = &[
    "pay", "paying", "spend", "spending", "price", "pricing", "cost", "costs", "worth",
    "budget", "subscription", "fee", "pounds", "dollars", "euros", "rupees", "bucks", "quid",
    "grand", "lakh", "lakhs", "rand", "naira", "month", "year", "seat", "user", "licence",
    "license",
];

fn about_money(w: &Words) -> bool {
    w.0.iter().any(|x| {
        is(&MONEY[..MONEY.len() - 6], &x.n)
            || x.n.starts_with(['$', '£', '€', '₹'])
            || x.n.ends_with(['k', '$']) && x.n.chars().next().is_some_and(|c| c.is_ascii_digit())
    })
}

/// "is" or "are" for a topic.
fn be(t: &Topic) -> &'static str {
    if t.plural && t.kind != Kind::Activity {
        "are"
    } else {
        "is"
    }
}

/// Practice verbs: "How do you *track* mileage?" asks about what they do.
#[rustfmt::skip]
const PRACTICE_LIST: &[&str] = &[
    "use", "track", "manage", "handle", "plan", "schedule", "record", "log", "store", "share",
    "send", "book", "check", "choose", "pick", "measure", "report", "review", "price", "hire",
    "train", "keep", "chase", "invoice", "charge", "sell", "test", "collect", "update",
    "calculate", "organise", "organize", "prepare", "decide", "deal", "work", "communicate",
    "contact", "ring", "call", "email", "text", "message", "reach", "follow", "onboard",
    "budget", "order", "buy", "run", "sync", "import", "export", "file", "fill", "approve",
    "assign", "monitor", "cope", "split", "print", "process", "label", "count", "estimate",
    "quote", "forecast", "coordinate", "arrange", "advertise", "market", "promote", "recruit",
    "source", "stock", "ship", "deliver", "clean", "fix", "repair", "maintain", "document",
    "write", "hear", "pull", "compare", "evaluate", "vet", "screen", "negotiate", "reconcile",
    "bill", "pay", "capture", "analyse", "analyze", "visualise", "visualize", "debug", "deploy",
    "release", "teach", "used", "tracked", "managed", "handled", "planned", "scheduled",
    "recorded", "logged", "stored", "shared", "sent", "booked", "checked", "chose", "picked",
    "measured", "reported", "reviewed", "priced", "hired", "trained", "kept", "chased",
    "invoiced", "charged", "sold", "tested", "collected", "updated", "calculated", "organised",
    "organized", "prepared", "decided", "dealt", "worked", "contacted", "rang", "called",
    "emailed", "texted", "reached", "followed", "ordered", "bought", "synced", "filed",
    "filled", "approved", "compared", "paid", "heard",
];

/// Words that may stand for "you" as the subject of a question kept: "your team", "your
/// staff", "your clients".
fn subject_end(w: &Words, i: usize) -> Option<usize> {
    if w.get(i) == "you" {
        return Some(i + 1);
    }
    if w.get(i) == "your" && PEOPLE.contains(w.get(i + 1)) {
        return Some(i + 2);
    }
    None
}

/// "Do you VERB …" as an open question, when the sentence asks it: any- and some-words
/// become wh-words ("Did you ring anyone?" → "Who did you ring?"; "Do you use any tools for
/// X?" → "What tools do you use for X?"); a practice verb takes "How" ("Do you charge
/// interest when they pay late?" → "How do you charge interest when they pay late?").
fn opened(w: &Words) -> Option<String> {
    // The auxiliary opens the clause; "and", "so" may stand before it.
    let mut a = 0;
    while is(&["and", "so", "but", "then", "or"], w.get(a)) {
        a += 1;
    }
    let aux = w.get(a);
    if !is(&["do", "does", "did", "have", "has", "can", "could"], aux) {
        return None;
    }
    let subj_at = a + 1;
    let mut v = subject_end(w, subj_at)?;
    while HEDGES.contains(w.get(v)) || (w.get(v) == "at" && w.get(v + 1) == "all") {
        v += if w.get(v) == "at" { 2 } else { 1 };
    }
    let verb = w.get(v);
    let main_aux = is(&["have", "had", "has", "do", "did", "get", "got"], verb);
    if verb.is_empty() || w.brk(v) || stop(verb) && !main_aux {
        return None;
    }
    if is(
        &[
            "think", "mean", "know", "feel", "agree", "remember", "mind", "want", "need", "like",
            "love", "hate", "see", "reckon",
        ],
        verb,
    ) {
        return None;
    }
    let subject = strip_hedges(w, subj_at, v)?;
    // The rest of the clause: up to a break, a conjunction, a tag or another question.
    let end = rest_end(w, v + 1);
    let rest: Vec<usize> = (v + 1..end)
        .filter(|&k| !HEDGES.contains(w.get(k)) && !adverb(w.get(k)))
        // "as well", "too": said of the question, not of the practice.
        .filter(|&k| {
            let x = w.get(k);
            !(x == "too"
                || (x == "as" && w.get(k + 1) == "well")
                || (x == "well" && k > 0 && w.get(k - 1) == "as"))
        })
        .filter(|&k| !(w.get(k) == "at" && w.get(k + 1) == "all"))
        .filter(|&k| !(w.get(k) == "all" && k > 0 && w.get(k - 1) == "at"))
        .collect();
    if rest.len() > MAX_REST_WORDS || rest.iter().any(|&k| is(OWN, w.get(k))) {
        return None;
    }
    let show = |ks: &[usize]| {
        ks.iter()
            .map(|&k| w.0[k].o.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let verb_shown = &w.0[v].o;
    let tail = |ks: &[usize]| {
        let s = show(ks);
        if s.is_empty() {
            String::new()
        } else {
            format!(" {s}")
        }
    };
    // Any- and some-words: the first one after the verb.
    let first = rest.first().map_or("", |&k| w.get(k));
    let after_first = rest.get(1..).unwrap_or(&[]);
    let wh = match first {
        "anything" | "something" => Some(("What", after_first.to_vec())),
        "anyone" | "anybody" | "someone" | "somebody" => Some(("Who", after_first.to_vec())),
        _ => None,
    };
    if let Some((wh, more)) = wh {
        let (else_, more) = match more.first() {
            Some(&k) if w.get(k) == "else" => (" else", more[1..].to_vec()),
            _ => ("", more),
        };
        return Some(format!(
            "{wh}{else_} {aux} {subject} {verb_shown}{}?",
            tail(&more)
        ));
    }
    if is(&["any", "some"], first) {
        // "any of the till reports": which of them.
        if rest.get(1).is_some_and(|&k| w.get(k) == "of") {
            let np: Vec<usize> = rest[2..]
                .iter()
                .copied()
                .take_while(|&k| !is(INNER_PREPS, w.get(k)))
                .collect();
            let more = &rest[2 + np.len()..];
            if np.is_empty()
                || !np
                    .iter()
                    .any(|&k| is(&["the", "your", "their", "these", "those"], w.get(k)))
            {
                return None;
            }
            return Some(format!(
                "Which of {} {aux} {subject} {verb_shown}{}?",
                show(&np),
                tail(more)
            ));
        }
        let np: Vec<usize> = rest[1..]
            .iter()
            .copied()
            .take_while(|&k| !is(INNER_PREPS, w.get(k)) && !stop(w.get(k)))
            .collect();
        if np.is_empty() || np.len() > 4 || np.iter().any(|&k| PLACEHOLDERS.contains(w.get(k))) {
            return None;
        }
        let more = &rest[1 + np.len()..];
        // "if any": the question must not take for granted that there was some.
        return Some(format!(
            "What, if any, {} {aux} {subject} {verb_shown}{}?",
            show(&np),
            tail(more)
        ));
    }
    // "Do you ever have problems with buyers?": what problems.
    if is(
        &["have", "had", "get", "got", "run", "face", "hit", "see"],
        verb,
    ) && rest.first().is_some_and(|&k| is(TROUBLES, w.get(k)))
    {
        let np = &rest[..1];
        let more = &rest[1..];
        return Some(format!(
            "What {} {aux} {subject} {verb_shown}{}?",
            show(np),
            tail(more)
        ));
    }
    // "Have you tried taking deposits?": what happened when they did.
    if is(&["tried", "try"], verb)
        && !matches!(aux, "can" | "could")
        && rest
            .first()
            .is_some_and(|&k| w.get(k) == "to" || is_gerund(w.get(k)))
        && rest.len() >= 2
    {
        return Some(format!(
            "What happened when {subject} tried{}?",
            tail(&rest)
        ));
    }
    // "Do you use Slack or Teams?": the choice is theirs to name, not ours to narrow.
    let or = w.get(end) == "or" || (w.get(end) == "," && w.get(end + 1) == "or");
    if !PRACTICE.contains(verb) || aux == "can" || aux == "could" || or {
        return None;
    }
    let object_head = rest
        .iter()
        .map(|&k| w.get(k))
        .take_while(|x| !is(INNER_PREPS, x))
        .last()
        .unwrap_or("");
    if PEOPLE.contains(object_head) && is(&["use", "used"], verb) {
        return None;
    }
    // "Did you use the folder?" → "How did you use the folder?"; the object must be there.
    if rest.is_empty()
        || rest
            .iter()
            .all(|&k| PLACEHOLDERS.contains(w.get(k)) || is(INNER_PREPS, w.get(k)))
    {
        return None;
    }
    // "Do you track that?": a pronoun object says nothing of the topic.
    if PLACEHOLDERS.contains(first) || is(&["to", "about", "at"], first) {
        return None;
    }
    let today = if matches!(aux, "do" | "does")
        && !rest.iter().any(|&k| {
            is(
                &[
                    "when",
                    "if",
                    "now",
                    "today",
                    "nowadays",
                    "these",
                    "currently",
                    "moment",
                    "week",
                    "month",
                    "day",
                    "year",
                    "time",
                ],
                w.get(k),
            )
        }) {
        " today"
    } else {
        ""
    };
    // "if at all": "Do you use a bug tracker?" must not become a question that takes for
    // granted that they do. (At the end: "How, if at all, do you…" reads as answers
    // offered to choose from.)
    Some(format!(
        "How {aux} {subject} {verb_shown}{}{today}, if at all?",
        tail(&rest)
    ))
}

/// "Are there any tools you use for X?" → "What tools do you use for X?"; "Is there
/// anything you check first?" → "What do you check first?".
fn there_any(w: &Words) -> Option<String> {
    let mut a = 0;
    while is(&["and", "so", "but", "then"], w.get(a)) {
        a += 1;
    }
    if !is(&["is", "are"], w.get(a)) || w.get(a + 1) != "there" {
        return None;
    }
    let mut i = a + 2;
    let (wh, noun) = match w.get(i) {
        "anything" | "something" => ("What", String::new()),
        "anyone" | "anybody" | "someone" | "somebody" => ("Who", String::new()),
        "any" | "some" => {
            let end = (i + 1..w.len().min(i + 4))
                .find(|&k| w.get(k) == "you" || stop(w.get(k)))
                .unwrap_or(i + 1);
            if end == i + 1 || (i + 1..end).any(|k| PLACEHOLDERS.contains(w.get(k))) {
                return None;
            }
            let n = w.show(i + 1, end);
            i = end - 1;
            ("What", format!(" {n}"))
        }
        _ => return None,
    };
    i += 1;
    let else_ = if w.get(i) == "else" {
        i += 1;
        " else"
    } else {
        ""
    };
    if w.get(i) == "that" {
        i += 1;
    }
    if w.get(i) != "you" {
        return None;
    }
    let v = w.get(i + 1);
    // A present-tense verb of their practice: "you use", "you check".
    if !PRACTICE.contains(v) || v.ends_with("ed") {
        return None;
    }
    let end = rest_end(w, i + 2);
    let rest: Vec<&str> = (i + 2..end)
        .filter(|&k| !HEDGES.contains(w.get(k)))
        .map(|k| w.0[k].o.as_str())
        .collect();
    if rest.len() > MAX_REST_WORDS || rest.iter().any(|x| is(OWN, &x.to_lowercase())) {
        return None;
    }
    let tail = if rest.is_empty() {
        String::new()
    } else {
        format!(" {}", rest.join(" "))
    };
    Some(format!("{wh}{noun}{else_} do you {}{tail}?", w.0[i + 1].o))
}

/// An adverb in "-ly" ("quickly", "manually"), dropped from a question kept.
fn adverb(x: &str) -> bool {
    x.len() >= 6
        && x.ends_with("ly")
        && !is(
            &[
                "family",
                "supply",
                "assembly",
                "anomaly",
                "monopoly",
                "butterfly",
                "reply",
            ],
            x,
        )
}

/// Nouns of trouble: "Do you have problems with…?" asks what problems.
#[rustfmt::skip]
const TROUBLES: &[&str] = &[
    "problems", "issues", "trouble", "difficulties", "challenges", "complaints", "delays",
    "errors", "mistakes", "questions", "concerns", "headaches", "disputes", "gaps",
];

/// The subject words `i..j` as shown, without hedges.
fn strip_hedges(w: &Words, i: usize, j: usize) -> Option<String> {
    let s: Vec<&str> = (i..j)
        .filter(|&k| {
            let x = w.get(k);
            let at_all = x == "at" || (x == "all" && k > 0 && w.get(k - 1) == "at");
            !HEDGES.contains(x) && !at_all
        })
        .map(|k| w.0[k].o.as_str())
        .collect();
    (!s.is_empty()).then(|| s.join(" "))
}

/// Where the clause from `i` ends: a break, a conjunction that starts another question, a
/// tag or a discourse word.
fn rest_end(w: &Words, i: usize) -> usize {
    (i..w.len())
        .find(|&k| {
            let x = w.get(k);
            w.brk(k)
                || is(
                    &[
                        "or", "right", "yeah", "yes", "no", "okay", "ok", "huh", "eh", "innit",
                        "like", "and", "but", "so", "because", "cause", "cos", "though",
                    ],
                    x,
                )
                || (is(
                    &[
                        "do", "does", "did", "is", "are", "was", "were", "would", "could", "can",
                        "have", "has", "will",
                    ],
                    x,
                ) && is(
                    &[
                        "you", "they", "it", "that", "there", "we", "i", "he", "she", "your",
                    ],
                    w.get(k + 1),
                ))
                || (speech::is_wh(x)
                    && k > i
                    && !is(&["when", "where", "whenever"], x)
                    && speech::is_aux(w.get(k + 1)))
        })
        .unwrap_or(w.len())
}

fn closed(w: &Words) -> Option<String> {
    if let Some(q) = opened(w).or_else(|| there_any(w)) {
        return Some(q);
    }
    // "Do you have a policy doc for mileage?": what it is for, as their practice.
    let t = product_activity(w, false).or_else(|| kept_for(w));
    match t {
        Some(t) => Some(match (t.kind, t.base) {
            (_, Some(base)) => format!("How do you {base} today?"),
            (Kind::Activity, None) => format!("How do you go about {} today?", t.text),
            (Kind::Thing, None) => format!("How do you keep track of {} today?", t.text),
            (Kind::People, None) => return None,
        }),
        // A yes/no question is often leading, hypothetical or after approval as well
        // ("I bet the spread is the worst part, isn't it?"): their open rewrites serve.
        None => leading(w).or_else(|| {
            // Only a question about an imagined future is one for those rewrites.
            let imagined = ["would", "will", "if", "could"].iter().any(|x| w.has(x));
            imagined
                .then(|| hypothetical(w).or_else(|| validation(w)))
                .flatten()
        }),
    }
}

fn leading(w: &Words) -> Option<String> {
    if let Some(t) = feeling_activity(w).or_else(|| feeling_thing(w)) {
        return Some(format!("What {} {} like for you?", be(&t), t.text));
    }
    let (t, past) = judged_subject(w)?;
    let be = match (past, t.plural) {
        (true, true) => "were",
        (true, false) => "was",
        (false, _) => be(&t),
    };
    Some(format!("What {be} {} like for you?", t.text))
}

/// What the interviewer passes judgement on: the subject before a copula, at the start or
/// after "I bet", "I imagine", "I'm guessing" ("I bet *the spread* is the most stressful
/// part"; "*the peak season*, it is very hard for you"); and whether the copula is past.
fn judged_subject(w: &Words) -> Option<(Topic, bool)> {
    (0..w.len()).find_map(|p| {
        if !(p == 0 || is(CLAUSE_OPENERS, w.get(p - 1))) {
            return None;
        }
        let activity = is_gerund(w.get(p));
        if !activity && !is(&["the", "your"], w.get(p)) {
            return None;
        }
        // The copula within a few words: "the cash handling was", "the peak season, it is",
        // "checking 150 items by hand, that's…".
        let c = (p + 1..w.len().min(p + 8)).find(|&k| {
            is(
                &["is", "was", "are", "were", "must", "has", "had"],
                w.get(k),
            ) || (w.get(k) == ","
                && is(&["it", "that"], w.get(k + 1))
                && is(&["is", "was", "must"], w.get(k + 2)))
        })?;
        let t = phrase(
            w,
            p,
            if activity {
                Kind::Activity
            } else {
                Kind::Thing
            },
        )?;
        // The topic is the whole subject: not "the permit" of "the permit stuff".
        let said = (p..c).filter(|&k| !HEDGES.contains(w.get(k))).count();
        if t.kind == Kind::People || t.text.split(' ').count() != said {
            return None;
        }
        // The verdict: a word of judgement soon after ("…is a nightmare", "…must be the
        // worst"); a fact ("the code is closed") is not one.
        let verdict = (c + 1..w.len().min(c + 7)).any(|k| VERDICTS.contains(w.get(k)));
        if !verdict {
            return None;
        }
        let verb = if w.get(c) == "," {
            w.get(c + 2)
        } else {
            w.get(c)
        };
        let past = is(&["was", "were", "had"], verb) || (verb == "must" && w.has("have"));
        Some((t, past))
    })
}

/// Words of judgement that make a statement about their world a leading one.
#[rustfmt::skip]
const VERDICTS_LIST: &[&str] = &[
    "nightmare", "headache", "pain", "problem", "bottleneck", "worst", "hardest", "biggest",
    "stressful", "frustrating", "annoying", "painful", "useless", "mess", "chaos", "chaotic",
    "difficult", "hard", "tough", "slow", "expensive", "killing", "issue", "hole", "load",
    "inefficient", "terrible", "awful", "horrible", "dumb", "broken", "disaster", "nuisance",
    "hassle", "chore", "struggle", "drag", "faff", "grind", "dreads", "dread", "hate", "hates",
    "overwhelming", "exhausting", "tedious", "boring", "risky", "scary", "crazy", "insane",
];

fn hypothetical(w: &Words) -> Option<String> {
    if about_money(w) {
        let t = product_activity(w, false)
            .or_else(|| purpose(w, true))
            .or_else(|| paid_for(w))?;
        return (t.kind != Kind::People).then(|| format!("What do you spend on {} today?", t.text));
    }
    // "switch from the clipboard": how they came to the tool they use now.
    if let Some(i) = (0..w.len())
        .find(|&i| is(&["switch", "move", "change", "migrate"], w.get(i)) && w.get(i + 1) == "from")
    {
        let t = noun_phrase(w, i + 2)?;
        let end = (i + 2..w.len())
            .find(|&k| w.get(k) == "to")
            .unwrap_or(w.len());
        return (t.kind == Kind::Thing && end == w.len())
            .then(|| format!("How did you come to use {}?", t.text));
    }
    // Approvals: the rule's own help says it better.
    if ["manager", "boss", "approve", "director", "sign", "budget"]
        .iter()
        .any(|x| w.has(x))
    {
        return None;
    }
    let t = product_activity(w, false).or_else(|| purpose(w, true))?;
    Some(match (t.kind, t.base) {
        (_, Some(base)) => format!("How did you {base} the last time?"),
        (Kind::Activity, None) => format!("How did you go about {} the last time?", t.text),
        _ => return None,
    })
}

fn validation(w: &Words) -> Option<String> {
    let t = product_activity(w, false).or_else(|| purpose(w, true))?;
    Some(match (t.kind, t.base) {
        (_, Some(base)) => format!("How do you {base} today?"),
        (Kind::Activity, None) => format!("How do you go about {} today?", t.text),
        // A thing the idea is for ("a checklist for fire") says too little of their work.
        _ => return None,
    })
}

fn solution(w: &Words) -> Option<String> {
    let t = product_activity(w, false).or_else(|| purpose(w, true))?;
    (t.kind == Kind::Activity).then(|| {
        format!(
            "What was the hardest part the last time you dealt with {}?",
            t.text
        )
    })
}

fn homework(w: &Words) -> Option<String> {
    // The organisation the question asks about: a name or "the/your company" right after
    // the verb ("what does Acme do", "how big is the practice", "how many trucks does the
    // council have").
    let i = (0..w.len()).find(|&i| is(&["does", "is", "at", "did", "was"], w.get(i)))? + 1;
    let mut j = i;
    let det = w.get(i);
    if is(&["the", "your"], det) {
        j += 1;
        let k = (j..w.len().min(j + 3)).find(|&k| ORGS.contains(w.get(k)))?;
        if (j..k).any(|x| stop(w.get(x))) {
            return None;
        }
        let at = if is(&["team", "group", "board", "department"], w.get(k)) {
            "on"
        } else {
            "at"
        };
        if at == "on" && w.get(k) != "team" {
            return None;
        }
        return Some(format!(
            "What does your role {at} the {} involve day to day?",
            w.show(j, k + 1)
        ));
    }
    while j < w.len() && !w.brk(j) && w.0[j].o.chars().next().is_some_and(char::is_uppercase) {
        j += 1;
    }
    let name = w.show(i, j);
    if j == i || j - i > 3 || name == "I" || (i..j).any(|k| is(OWN, w.get(k)) || camel(&w.0[k].o)) {
        return None;
    }
    // A company does, has, is: the word after the name is a verb or the end.
    if !(w.brk(j)
        || is(
            &["do", "have", "make", "sell", "based", "located", "in"],
            w.get(j),
        ))
    {
        return None;
    }
    Some(format!("What does your role at {name} involve day to day?"))
}

/// Stacked questions: the first that asks openly, alone; or the first, asked open.
fn stacked(text: &str, sentences: &[Sentence]) -> Option<String> {
    let asks: Vec<&Sentence> = sentences.iter().filter(|s| s.form.is_question()).collect();
    if asks.len() < 2 {
        return None;
    }
    let open = asks.iter().find_map(|s| {
        let w = Words::of(text, s, s.main);
        let first = w.get(0);
        let second = w.get(1);
        let factual = first == "how"
            && is(
                &["many", "much", "long", "big", "old", "often", "far"],
                second,
            )
            || is(&["kind", "type", "sort"], second)
            || first == "which";
        let many = w.0.iter().any(|x| {
            is(
                &[
                    "or", "would", "could", "and", "think", "reckon", "should", "mean",
                ],
                &x.n,
            ) || (x.brk && x.n != "?")
        });
        // It asks about them: "How do you follow up?", not "Who is the worst?".
        let theirs = speech::is_aux(second) && is(&["you", "your"], w.get(2));
        (s.form == Form::Wh && s.ends_q && !factual && !many && theirs && speech::is_wh(first))
            .then(|| spoken(&w))
            .flatten()
    });
    open.or_else(|| closed(&Words::of(text, asks[0], asks[0].core)))
}

/// Words as a question: their first letter capital, hedges dropped, one question mark.
fn spoken(w: &Words) -> Option<String> {
    let ks: Vec<usize> = (0..w.len())
        .filter(|&k| !w.brk(k) && (w.get(k) == "often" || !HEDGES.contains(w.get(k))))
        .collect();
    if ks.len() < 4 || ks.len() > MAX_QUESTION_WORDS - 2 || ks.iter().any(|&k| is(OWN, w.get(k))) {
        return None;
    }
    // A content word said twice is a false start: "how did you integrate … integrate that".
    let content: Vec<&str> = ks
        .iter()
        .map(|&k| w.get(k))
        .filter(|x| x.len() > 3)
        .collect();
    if content
        .iter()
        .enumerate()
        .any(|(a, x)| content[a + 1..].contains(x))
    {
        return None;
    }
    let q = ks
        .iter()
        .map(|&k| w.0[k].o.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Some(format!("{}?", capitalise(&q)))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Selling: what the pitch says the product does, as their activity today ("it syncs with
/// QuickBooks" → "How do you sync with QuickBooks today?").
fn selling(w: &Words) -> Option<String> {
    let t = product_activity(w, true)?;
    Some(format!("How do you {} today?", t.base?))
}

/// Openers of an open question.
#[rustfmt::skip]
const OPEN_OPENERS: &[&str] = &[
    "How ", "What ", "When ", "Where ", "Who ", "Which ", "Why ", "Tell me ",
    "Walk me through ", "What, if any, ",
];

/// Whether a rewritten question is well formed: an open opener, one question mark at the
/// end, no word twice in a row, nothing dangling before the mark, not too short or long.
pub(crate) fn well_formed(q: &str) -> bool {
    let Some(body) = q.strip_suffix('?') else {
        return false;
    };
    // The question proper, before a closing "if at all" and a "today" added to it ("…
    // people you went through school with today" ends on "with").
    let body = body.strip_suffix(", if at all").unwrap_or(body);
    let body = body.strip_suffix(" today").unwrap_or(body);
    if body.contains(['?', '"']) || !OPEN_OPENERS.iter().any(|o| q.starts_with(o)) {
        return false;
    }
    let words: Vec<String> = body
        .split_whitespace()
        .map(crate::speech::bare_lower)
        .collect();
    if words.len() < 4 || words.len() > MAX_QUESTION_WORDS {
        return false;
    }
    if words.windows(2).any(|p| p[0] == p[1]) {
        return false;
    }
    if words.iter().any(|x| is(OWN, x)) {
        return false;
    }
    let last = words.last().map_or("", String::as_str);
    !BAD_ENDS.contains(last) || last == "you"
}

#[cfg(test)]
mod tests;
