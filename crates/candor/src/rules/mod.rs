//! The rules: one file each, and one line each in the [`registry!`] below.
//!
//! A rule file declares the rule (`RULE`: its id, default severity, scope, summary, help,
//! explanation and bad/better examples, and which trait runs it), why it fires (`Why`, an
//! enum with the message for each reason), the patterns it searches with (`PATTERNS`, for
//! the gate in [`pattern`]) and its detection. Its cases, what it flags and what it must
//! not, sit beside it in `cases/<id>.txt` and are run by one test.
//!
//! Sentence rules ([`SentenceRule`]) judge the interviewer's sentences one at a time, with
//! the turn around them as context (what the interviewee said before, whether the
//! interviewer has been pitching). Turn rules ([`TurnRule`]) see a whole turn. Transcript
//! rules ([`TranscriptRule`]) see the finished metrics. [`Judge`] runs them over a transcript.

use std::borrow::Cow;

use crate::model::Severity;
use crate::speech::stems::Echo;

mod judge;
pub(crate) mod learned;
pub(crate) mod lexicon;
pub(crate) mod pattern;
pub(crate) mod practice;
pub(crate) mod sentence;

pub(crate) use judge::{Judge, Learned, Record, TurnJudgement};
pub(crate) use pattern::pattern;
pub(crate) use sentence::Sentence;

/// Declares the built-in rules, in the order `candor rules` lists them: `Variant => module`.
/// From this one list come the rule ids ([`Id`]), the public list ([`rules()`]), the reasons
/// a finding can give ([`Why`]), the patterns the gate knows ([`registry()`]) and the
/// dispatch ([`Id::check`]).
macro_rules! registry {
    ($($variant:ident => $module:ident,)*) => {
        $(pub(crate) mod $module;)*

        /// A built-in rule, by its place in the registry.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub(crate) enum Id {
            $($variant,)*
        }

        impl Id {
            /// Every built-in rule, in registry order.
            pub const ALL: &'static [Id] = &[$(Id::$variant,)*];

            /// The rule's declaration.
            pub fn info(self) -> &'static RuleInfo {
                &INFO[self as usize]
            }

            /// Whether the rule judges each sentence (rather than a turn or the transcript).
            pub fn by_sentence(self) -> bool {
                matches!(self.check(), Check::Sentence(_))
            }

            /// How the rule is run.
            pub fn check(self) -> Check {
                match self {
                    $(Id::$variant => $module::RULE.check,)*
                }
            }
        }

        static INFO: [RuleInfo; Id::ALL.len()] = [$($module::RULE.info,)*];

        /// Why a finding fired: each rule's own reasons, each with its message.
        #[derive(Debug, Clone, PartialEq)]
        pub(crate) enum Why {
            $($variant($module::Why),)*
            /// The learned model's finding for a rule, with the words that weighed most.
            Learned(Id, String),
        }

        impl Why {
            /// The rule that gave this reason.
            pub fn rule(&self) -> Id {
                match self {
                    $(Why::$variant(_) => Id::$variant,)*
                    Why::Learned(id, _) => *id,
                }
            }

            /// What the finding says.
            pub fn message(&self) -> Cow<'static, str> {
                match self {
                    $(Why::$variant(w) => w.message(),)*
                    Why::Learned(id, cue) => {
                        format!("{} (what weighed most: \"{cue}\")", id.info().summary).into()
                    }
                }
            }
        }

        $(
            impl From<$module::Why> for Why {
                fn from(w: $module::Why) -> Why {
                    Why::$variant(w)
                }
            }
        )*

        /// Every built-in pattern the rules (and the good-practice counts) search sentences
        /// with, for the gate in [`pattern`].
        pub(crate) fn registry() -> impl Iterator<Item = &'static pattern::Pattern> {
            [$($module::PATTERNS,)* practice::PATTERNS]
                .into_iter()
                .flatten()
                .copied()
        }
    };
}

registry! {
    Selling => selling,
    SelfCriticism => self_criticism,
    Leading => leading,
    Hypothetical => hypothetical,
    SolutionRequest => solution_request,
    Validation => validation,
    Closed => closed,
    Stacked => stacked,
    Homework => homework,
    TalkRatio => talk_ratio,
    Monologue => monologue,
    NoReferral => referral,
    NoSummary => summary,
}

pub(crate) use crate::re;

/// [`re`] with regex-automata's own regex, for [`pattern`]'s searches: anchored where the
/// gate's literals occur, unanchored where the gate does not cover the text.
pub(crate) fn re_meta(pattern: &str) -> regex_automata::meta::Regex {
    crate::built_in(regex_automata::meta::Regex::new(pattern))
}

/// Where a rule looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// One interviewer sentence at a time.
    Sentence,
    /// One interviewer turn at a time.
    Turn,
    /// The whole transcript.
    Transcript,
}

/// A bad question and a better one, shown by `candor explain` and run by the tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Example {
    /// What an interviewer said that the rule flags.
    pub bad: &'static str,
    /// What to say instead, which the rule does not flag.
    pub better: &'static str,
}

/// Everything about a built-in rule except its detection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct RuleInfo {
    /// The stable id (`leading-question`).
    pub id: &'static str,
    /// The severity unless configured otherwise.
    pub severity: Severity,
    /// One line: what the interviewer did.
    pub summary: &'static str,
    /// Why it matters and what to do instead.
    pub explanation: &'static str,
    /// The better question to ask, shown as `help:` under each finding.
    pub help: &'static str,
    /// Bad and better examples; each bad one is flagged, each better one is not.
    pub examples: &'static [Example],
    /// Where the rule looks.
    pub scope: Scope,
    /// The keys of `candor.toml` that change what it judges by, beyond `severity`,
    /// `select` and `ignore`; `candor explain` and docs/rules.md name them from here.
    pub settings: &'static [crate::config::Setting],
}

impl RuleInfo {
    /// Lines of `candor.toml` that configure the rule, each with what it does: its
    /// [`settings`](RuleInfo::settings), a severity, and leaving it out. Made from the keys the
    /// parser reads (a test parses each), for `candor explain` and docs/rules.md.
    pub fn configuration(&self) -> Vec<(String, String)> {
        let mut lines: Vec<(String, String)> = self
            .settings
            .iter()
            .map(|s| (s.toml(), s.what.to_string()))
            .collect();
        let other = match self.severity {
            Severity::Info => "warning",
            _ => "info",
        };
        lines.push((
            format!("severity.{} = \"{other}\"", self.id),
            "its severity: error, warning, info or off".to_string(),
        ));
        lines.push((
            format!("ignore = [\"{}\"]", self.id),
            format!("do not run it (on the command line: --ignore {})", self.id),
        ));
        lines
    }
}

/// A rule file's declaration: what the rule is, and how it is run.
pub(crate) struct Rule {
    pub info: RuleInfo,
    pub check: Check,
}

/// How a rule is run, by what it needs to see.
#[derive(Clone, Copy)]
pub(crate) enum Check {
    /// Each interviewer sentence, with its turn as context.
    Sentence(&'static dyn SentenceRule),
    /// Each interviewer turn.
    Turn(&'static dyn TurnRule),
    /// The whole transcript, once its metrics are known.
    Transcript(&'static dyn TranscriptRule),
}

/// A rule that judges one interviewer sentence at a time: `s` is `ctx.sentences[i]`.
pub(crate) trait SentenceRule: Sync {
    fn check(&self, ctx: &Ctx<'_>, s: &Sentence, i: usize) -> Option<Hit>;

    /// Rules whose finding on the same sentence makes this one's redundant (a solution
    /// request phrased with "would" is not also hypothetical).
    fn yields_to(&self) -> &'static [Id] {
        &[]
    }
}

/// A rule that judges one interviewer turn (its sentences, a chunk at a time) at once.
pub(crate) trait TurnRule: Sync {
    fn check(&self, ctx: &Ctx<'_>) -> Option<Hit>;
}

/// A rule that judges the whole transcript, once its metrics are known; it may flag any
/// turn, and gives each finding with the turn's index.
pub(crate) trait TranscriptRule: Sync {
    fn check(&self, t: &Whole<'_>, out: &mut Vec<(usize, Hit)>);
}

/// The built-in rules, in the order `candor rules` lists them.
///
/// ```
/// let ids: Vec<&str> = candor::rules().iter().map(|r| r.id).collect();
/// assert!(ids.contains(&"leading-question"));
/// assert!(ids.contains(&"talk-ratio"));
/// ```
pub fn rules() -> &'static [RuleInfo] {
    &INFO
}

/// A built-in rule by id.
///
/// ```
/// assert_eq!(candor::rule("selling").unwrap().id, "selling");
/// assert!(candor::rule("no-such-rule").is_none());
/// ```
pub fn rule(id: &str) -> Option<&'static RuleInfo> {
    rules().iter().find(|r| r.id == id)
}

/// What a rule found: byte offsets in the turn's text, and why.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub why: Why,
    /// A more specific better question than the rule's default, when there is one.
    pub help: Option<&'static str>,
    /// What found it, and how sure it is (0–1).
    pub source: Source,
    pub confidence: f32,
    /// When explaining, the model's features that weighed most, with their weights.
    pub cues: Vec<(String, f32)>,
    /// When explaining a finding the context layer decided, the threshold its probability
    /// reached, and whether that was the one for long turns.
    pub threshold: Option<(f32, bool)>,
}

pub(crate) use crate::model::Source;

impl Hit {
    pub fn new((start, end): (usize, usize), why: impl Into<Why>) -> Self {
        Hit {
            start,
            end,
            why: why.into(),
            help: None,
            source: Source::Pattern,
            confidence: 1.0,
            cues: Vec::new(),
            threshold: None,
        }
    }

    /// The rule that found it.
    pub fn rule(&self) -> Id {
        self.why.rule()
    }

    pub fn help(mut self, h: &'static str) -> Self {
        self.help = Some(h);
        self
    }
}

/// What a transcript rule sees: the transcript, its word counts, the interviewer's turns
/// and the metrics.
pub(crate) struct Whole<'a> {
    pub transcript: &'a crate::model::Transcript,
    /// The words of each turn.
    pub words: &'a [usize],
    pub metrics: &'a crate::model::Metrics,
    /// The indices of the interviewer's turns, in order.
    pub interviewer_turns: &'a [usize],
    pub limits: Limits,
}

/// The configured limits the transcript rules judge by.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub talk_ratio: f64,
    pub monologue_words: usize,
    pub monologue_seconds: f64,
}

impl Whole<'_> {
    /// A turn's whole text as a span.
    pub fn span_of(&self, k: usize) -> (usize, usize) {
        (0, self.transcript.turns[k].text.len())
    }

    /// Whether the transcript is a whole interview rather than an excerpt: enough
    /// interviewer turns to judge what it never did (ask for referrals, summarise).
    pub fn is_whole_interview(&self) -> bool {
        self.interviewer_turns.len() >= MIN_INTERVIEWER_TURNS
    }
}

/// Fewer interviewer turns than this make an excerpt: `no-referral-ask` and `no-summary`
/// are not judged on it.
pub const MIN_INTERVIEWER_TURNS: usize = 5;

/// What a sentence rule knows about the turn and the conversation so far.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub sentences: &'a [Sentence],
    pub echo: &'a Echo<'a>,
    /// Product names (lower case): configured, or learned from the interviewer's introduction.
    pub products: &'a [Product],
    /// The interviewer has described their product in this turn or the last two of theirs.
    pub pitching: bool,
    /// This turn declines to talk about the product ("happy to talk about that another time").
    pub deflecting: bool,
    /// Names of the people in the conversation, for vocatives.
    pub names: &'a [String],
    /// Whether the turn attributes words to the interviewee, once a rule has asked.
    pub attributes: std::cell::OnceCell<bool>,
    /// `selling`'s verdict on each sentence, when already found in this same context.
    pub selling: Option<Vec<Option<Hit>>>,
    /// Per sentence, what follows it in the turn (the learned layer's `rest` features),
    /// found in one pass from the end once a feature asks. "The turn" is what this context
    /// holds: a turn, or one chunk of a very long one (as for every rule).
    pub rest: std::cell::OnceCell<Vec<crate::rules::learned::features::Rest>>,
}

/// A product name (lower case, not empty) and a searcher for it, built once per transcript.
#[derive(Debug, Clone)]
pub(crate) struct Product {
    pub name: String,
    finder: memchr::memmem::Finder<'static>,
}

impl Product {
    /// `None` for a name that is empty once trimmed.
    pub fn new(name: &str) -> Option<Product> {
        let name = name.trim().to_lowercase();
        if name.is_empty() {
            return None;
        }
        let finder = memchr::memmem::Finder::new(name.as_bytes()).into_owned();
        Some(Product { name, finder })
    }
}

impl Ctx<'_> {
    /// Whether a normalised sentence names a product: the first product, in order, that
    /// appears as a whole word or phrase, and where.
    pub fn mentions_product(&self, norm: &str) -> Option<(usize, usize)> {
        for p in self.products {
            for at in p.finder.find_iter(norm.as_bytes()) {
                let end = at + p.name.len();
                let before_ok = at == 0 || !norm[..at].ends_with(|c: char| c.is_alphanumeric());
                let after_ok = norm[end..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
                if before_ok && after_ok {
                    return Some((at, end));
                }
            }
        }
        None
    }
}

/// The whole sentence as a span.
pub(crate) fn whole(s: &Sentence) -> (usize, usize) {
    (s.start, s.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_of_the_spec_is_a_rule() {
        let spec = [
            "selling",
            "self-criticism",
            "leading-question",
            "hypothetical-question",
            "solution-request",
            "validation-seeking",
            "closed-question",
            "stacked-questions",
            "homework-question",
        ];
        for id in spec {
            assert!(rule(id).is_some(), "{id}");
        }
    }

    #[test]
    fn ids_are_unique_and_scopes_match_how_rules_run() {
        let mut seen = std::collections::HashSet::new();
        for &id in Id::ALL {
            let info = id.info();
            assert!(seen.insert(info.id), "{} twice", info.id);
            assert_eq!(rules()[id as usize].id, info.id);
            match (id.check(), info.scope) {
                (Check::Sentence(_), Scope::Sentence)
                | (Check::Turn(_), Scope::Turn)
                | (Check::Transcript(_), Scope::Transcript | Scope::Turn) => {}
                (_, scope) => panic!("{}: declared {scope:?}, run otherwise", info.id),
            }
        }
    }
}
