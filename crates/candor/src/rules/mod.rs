//! The rules: one file each, with its id, default severity, summary,
//! explanation, bad and better examples, and detection.
//!
//! Sentence rules judge the interviewer's sentences one at a time, with the
//! turn around them as context (what the interviewee said before, whether the
//! interviewer has been pitching). Turn rules see a whole turn. Transcript
//! rules see the metrics.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::model::Severity;
use crate::speech::stems::Echo;
pub(crate) use sentence::Sentence;

pub(crate) mod closed;
pub(crate) mod homework;
pub(crate) mod hypothetical;
pub(crate) mod leading;
pub(crate) mod monologue;
pub(crate) mod pattern;
pub(crate) mod practice;
pub(crate) mod referral;
pub(crate) mod self_criticism;
pub(crate) mod selling;
pub(crate) mod sentence;
pub(crate) mod solution_request;
pub(crate) mod stacked;
pub(crate) mod summary;
pub(crate) mod talk_ratio;
pub(crate) mod validation;

/// Compiles a pattern written in this crate; the patterns are tested, so failure is a bug.
pub(crate) fn re(pattern: &str) -> Regex {
    built_in(Regex::new(pattern))
}

/// [`re`] for the anchored searches of [`pattern`], with regex-automata's own regex.
pub(crate) fn re_anchored(pattern: &str) -> regex_automata::meta::Regex {
    built_in(regex_automata::meta::Regex::new(pattern))
}

/// A built-in pattern, compiled; every one is compiled by the tests, so failure is a bug.
fn built_in<R, E: std::fmt::Display>(compiled: Result<R, E>) -> R {
    match compiled {
        Ok(r) => r,
        Err(e) => panic!("built-in pattern failed to compile: {e}"),
    }
}

pub(crate) use pattern::pattern;

/// Every built-in pattern the rules use on sentences, for the gate in [`pattern`].
pub(crate) fn registry() -> impl Iterator<Item = &'static pattern::Pattern> {
    [
        closed::PATTERNS,
        homework::PATTERNS,
        hypothetical::PATTERNS,
        leading::PATTERNS,
        practice::PATTERNS,
        self_criticism::PATTERNS,
        selling::PATTERNS,
        solution_request::PATTERNS,
        stacked::PATTERNS,
        validation::PATTERNS,
    ]
    .into_iter()
    .flatten()
    .copied()
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
pub struct Example {
    /// What an interviewer said that the rule flags.
    pub bad: &'static str,
    /// What to say instead, which the rule does not flag.
    pub better: &'static str,
}

/// Everything about a built-in rule except its detection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
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
}

/// The built-in rules, in the order `candor rules` lists them.
///
/// ```
/// let ids: Vec<&str> = candor::rules().iter().map(|r| r.id).collect();
/// assert!(ids.contains(&"leading-question"));
/// assert!(ids.contains(&"talk-ratio"));
/// ```
pub fn rules() -> &'static [RuleInfo] {
    static ALL: LazyLock<Vec<RuleInfo>> = LazyLock::new(|| {
        vec![
            selling::INFO,
            self_criticism::INFO,
            leading::INFO,
            hypothetical::INFO,
            solution_request::INFO,
            validation::INFO,
            closed::INFO,
            stacked::INFO,
            homework::INFO,
            talk_ratio::INFO,
            monologue::INFO,
            referral::INFO,
            summary::INFO,
        ]
    });
    &ALL
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

/// Indices into [`rules()`], fixed so detection code can name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Id {
    Selling = 0,
    SelfCriticism,
    Leading,
    Hypothetical,
    SolutionRequest,
    Validation,
    Closed,
    Stacked,
    Homework,
    TalkRatio,
    Monologue,
    NoReferral,
    NoSummary,
}

impl Id {
    pub fn info(self) -> &'static RuleInfo {
        &rules()[self as usize]
    }
}

/// What a rule found in a turn: byte offsets in the turn's text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hit {
    pub rule: Id,
    pub start: usize,
    pub end: usize,
    /// A more specific message than the rule's summary, when there is one.
    pub message: Option<String>,
    /// A more specific better question than the rule's default, when there is one.
    pub help: Option<String>,
}

impl Hit {
    pub fn new(rule: Id, (start, end): (usize, usize)) -> Self {
        Hit {
            rule,
            start,
            end,
            message: None,
            help: None,
        }
    }

    pub fn message(mut self, m: impl Into<String>) -> Self {
        self.message = Some(m.into());
        self
    }

    pub fn help(mut self, h: impl Into<String>) -> Self {
        self.help = Some(h.into());
        self
    }
}

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

/// Runs every built-in sentence and turn rule over one interviewer turn.
pub(crate) fn check_turn(ctx: &Ctx<'_>, enabled: &dyn Fn(Id) -> bool, out: &mut Vec<Hit>) {
    // One finding per rule and place, however many sentences lead to it.
    let mut seen: HashSet<(Id, usize)> = HashSet::new();
    for (i, s) in ctx.sentences.iter().enumerate() {
        let solution = solution_request::check(ctx, s);
        let validation = validation::check(ctx, s, i);
        // A solution request phrased with "would" is not also hypothetical.
        let hypothetical = if solution.is_some() {
            None
        } else {
            hypothetical::check(ctx, s, i)
        };
        let selling = match &ctx.selling {
            Some(known) => known.get(i).cloned().flatten(),
            None => selling::check(ctx, s, i),
        };
        let found = [
            selling,
            self_criticism::check(ctx, s),
            leading::check(ctx, s, i),
            hypothetical,
            solution,
            validation,
            closed::check(ctx, s, i),
            homework::check(ctx, s),
        ];
        for hit in found.into_iter().flatten() {
            if enabled(hit.rule) && seen.insert((hit.rule, hit.start)) {
                out.push(hit);
            }
        }
    }
    if enabled(Id::Stacked) {
        if let Some(hit) = stacked::check(ctx) {
            out.push(hit);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_match_the_registry_order() {
        let all = [
            Id::Selling,
            Id::SelfCriticism,
            Id::Leading,
            Id::Hypothetical,
            Id::SolutionRequest,
            Id::Validation,
            Id::Closed,
            Id::Stacked,
            Id::Homework,
            Id::TalkRatio,
            Id::Monologue,
            Id::NoReferral,
            Id::NoSummary,
        ];
        assert_eq!(all.len(), rules().len());
        for (i, id) in all.iter().enumerate() {
            assert_eq!(*id as usize, i);
        }
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
}
