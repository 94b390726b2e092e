//! `candor.toml`: who interviews, the profile, which rules run at what
//! severity, thresholds, and the user's own phrase rules.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::model::Severity;

/// The kind of interview, which sets defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Profile {
    /// Learning about the customer's problem: no pitching, the customer talks most.
    #[default]
    Discovery,
    /// Showing a solution: `selling` is off and the interviewer may talk more.
    Solution,
}

impl Profile {
    /// Its name, as `candor.toml` and `--profile` spell it.
    pub fn name(self) -> &'static str {
        match self {
            Profile::Discovery => "discovery",
            Profile::Solution => "solution",
        }
    }
}

/// Which speakers a custom rule judges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum SpeakerFilter {
    /// Interviewers only (the default, like the built-in rules).
    #[default]
    Interviewer,
    /// Interviewees only, e.g. to track mentions of a competitor.
    Interviewee,
    /// Everyone.
    Any,
}

/// Numbers the transcript rules compare against.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[non_exhaustive]
pub struct Thresholds {
    /// The interviewer's share of the talk above which `talk-ratio` fires (0–1).
    pub talk_ratio: Option<f64>,
    /// Words in one interviewer turn above which `interviewer-monologue` fires.
    pub monologue_words: Option<usize>,
    /// Seconds in one interviewer turn above which `interviewer-monologue` fires (timed transcripts).
    pub monologue_seconds: Option<f64>,
    /// The fewest interviewer questions for a transcript to be judged (3 unless set).
    pub min_questions: Option<usize>,
    /// The fewest words of conversation for a transcript to be judged (100 unless set).
    pub min_words: Option<usize>,
}

/// A phrase rule the user writes: flag these words when this speaker says them.
///
/// ```toml
/// [[rule]]
/// id = "internal-jargon"
/// message = "uses our internal jargon"
/// phrases = ["ICP", "activation funnel"]
/// severity = "info"
/// help = "use the words the customer uses"
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CustomRule {
    /// A kebab-case id, different from the built-in ones.
    pub id: String,
    /// What the finding says.
    pub message: String,
    /// Words or phrases, matched whole and case-insensitively.
    #[serde(default)]
    pub phrases: Vec<String>,
    /// Regular expressions (Rust `regex` syntax), case-insensitive.
    #[serde(default)]
    pub patterns: Vec<String>,
    /// Whose turns to look at.
    #[serde(default)]
    pub speaker: SpeakerFilter,
    /// How serious a match is.
    #[serde(default = "default_custom_severity")]
    pub severity: Severity,
    /// What to do instead.
    #[serde(default)]
    pub help: Option<String>,
}

fn default_custom_severity() -> Severity {
    Severity::Warning
}

/// A rule's configured level: a severity, or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Report at this severity.
    Error,
    /// Report at this severity.
    Warning,
    /// Report at this severity.
    Info,
    /// Do not run the rule.
    Off,
}

/// Everything a run can be configured with.
///
/// ```
/// let c = candor::Config::from_toml("interviewers = [\"Maya\"]\nignore = [\"closed-question\"]\n", "candor.toml").unwrap();
/// assert_eq!(c.interviewers, vec!["Maya".to_string()]);
/// let e = candor::Config::from_toml("profle = \"discovery\"\n", "candor.toml").unwrap_err();
/// assert!(e.to_string().contains("candor.toml: line 1"), "{e}");
/// assert!(e.to_string().contains("profile"), "{e}");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[non_exhaustive]
pub struct Config {
    /// The kind of interview.
    #[serde(default)]
    pub profile: Profile,
    /// Names (or first names) of the interviewers; overrides what the transcript says.
    #[serde(default)]
    pub interviewers: Vec<String>,
    /// Names of the interviewees, when the interviewers alone do not settle it.
    #[serde(default)]
    pub interviewees: Vec<String>,
    /// Your product's names, so describing them counts as selling.
    #[serde(default)]
    pub products: Vec<String>,
    /// Run only these rules; empty runs them all.
    #[serde(default)]
    pub select: Vec<String>,
    /// Do not run these rules.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Severity per rule id, or `off`.
    #[serde(default)]
    pub severity: BTreeMap<String, Level>,
    /// Numbers the transcript rules compare against.
    #[serde(default = "Thresholds::empty")]
    pub thresholds: Thresholds,
    /// Phrase rules of your own.
    #[serde(default, rename = "rule")]
    pub rules: Vec<CustomRule>,
    /// Whether the learned layer judges beside the patterns (on unless `false`).
    #[serde(default)]
    pub learned: Option<bool>,
    /// Findings less sure than this (0–1) are not reported.
    #[serde(default)]
    pub min_confidence: Option<f64>,
    /// Paths that folders are read without: globs, relative to this file's folder (a glob
    /// without `/` matches a file name at any depth). Read by the command line, which walks
    /// folders; files named on the command line are always read.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Rules not run on the files a glob matches (relative to this file's folder, as in
    /// `exclude`): `"drafts/**" = ["talk-ratio"]`. Applied by the command line.
    #[serde(default)]
    pub per_file_ignores: BTreeMap<String, Vec<String>>,
    /// Rules not reported on what a speaker says: `"Maya" = ["closed-question"]`. Names
    /// match as `interviewers` do (first names match full names, case aside).
    #[serde(default)]
    pub per_speaker_ignores: BTreeMap<String, Vec<String>>,
    /// Whether findings of the learned model list the features that weighed most (set by
    /// `candor lint --explain`, not in candor.toml).
    #[serde(skip)]
    pub explain: bool,
}

/// A key of `candor.toml` that a rule judges by, spelt as the file spells it. Rules list
/// theirs in [`RuleInfo::settings`](crate::RuleInfo::settings), so `candor explain` and the
/// docs name keys the parser accepts (a test parses each one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Setting {
    /// The table it is in (`thresholds`).
    pub table: &'static str,
    /// The key in that table (`talk-ratio`).
    pub key: &'static str,
    /// Its default in the discovery profile, as TOML (`0.4`).
    pub example: &'static str,
    /// What it sets.
    pub what: &'static str,
}

impl Setting {
    /// The dotted name: `thresholds.talk-ratio`.
    pub fn path(&self) -> String {
        format!("{}.{}", self.table, self.key)
    }

    /// A line of `candor.toml` that sets it to its example: `thresholds.talk-ratio = 0.4`.
    pub fn toml(&self) -> String {
        format!("{}.{} = {}", self.table, self.key, self.example)
    }
}

impl Thresholds {
    /// `talk-ratio`: the interviewer's share of the talk above which `talk-ratio` fires.
    pub const TALK_RATIO: Setting = Setting {
        table: "thresholds",
        key: "talk-ratio",
        example: "0.4",
        what: "the interviewer's share of the talk above which it fires (0 to 1)",
    };
    /// `monologue-words`: the longest interviewer turn, in words.
    pub const MONOLOGUE_WORDS: Setting = Setting {
        table: "thresholds",
        key: "monologue-words",
        example: "150",
        what: "the words in one interviewer turn above which it fires",
    };
    /// `monologue-seconds`: the longest interviewer turn, in seconds, where timed.
    pub const MONOLOGUE_SECONDS: Setting = Setting {
        table: "thresholds",
        key: "monologue-seconds",
        example: "60",
        what: "the seconds of one interviewer turn above which it fires, where timed",
    };

    fn empty() -> Self {
        Thresholds {
            talk_ratio: None,
            monologue_words: None,
            monologue_seconds: None,
            min_questions: None,
            min_words: None,
        }
    }
}

impl Default for Thresholds {
    fn default() -> Self {
        Self::empty()
    }
}

/// 1-based line of a byte offset.
fn line_of(src: &str, offset: usize) -> usize {
    src[..offset.min(src.len())].matches('\n').count() + 1
}

/// The line where `needle` first appears, for messages about values.
fn find_line(src: &str, needle: &str) -> Option<usize> {
    src.find(needle).map(|i| line_of(src, i))
}

impl Config {
    /// Parses and checks a configuration; `name` is used in messages (`candor.toml: line 3: …`).
    pub fn from_toml(src: &str, name: &str) -> Result<Config, Error> {
        let config: Config = toml::from_str(src).map_err(|e| {
            let line = e.span().map(|s| line_of(src, s.start));
            let msg = e.message().trim().to_string();
            Error::Config(match line {
                Some(l) => format!("{name}: line {l}: {msg}"),
                None => format!("{name}: {msg}"),
            })
        })?;
        config.validate(src, name)?;
        Ok(config)
    }

    /// Checks values serde cannot: rule ids, ranges, patterns.
    pub fn validate(&self, src: &str, name: &str) -> Result<(), Error> {
        let at = |needle: &str| match find_line(src, needle) {
            Some(l) => format!("{name}: line {l}: "),
            None => format!("{name}: "),
        };
        let builtin: Vec<&str> = crate::rules::rules().iter().map(|r| r.id).collect();
        let mut custom_ids: Vec<&str> = Vec::new();
        for r in &self.rules {
            let ok_id = !r.id.is_empty()
                && r.id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !r.id.starts_with('-');
            if !ok_id {
                return Err(Error::Config(format!(
                    "{}rule id `{}` must be kebab-case: lower-case letters, digits and dashes",
                    at(&format!("\"{}\"", r.id)),
                    r.id
                )));
            }
            if builtin.contains(&r.id.as_str()) || custom_ids.contains(&r.id.as_str()) {
                return Err(Error::Config(format!(
                    "{}rule id `{}` is already taken; choose another",
                    at(&format!("\"{}\"", r.id)),
                    r.id
                )));
            }
            if r.phrases.is_empty() && r.patterns.is_empty() {
                return Err(Error::Config(format!(
                    "{}rule `{}` needs `phrases` or `patterns` to match",
                    at(&format!("\"{}\"", r.id)),
                    r.id
                )));
            }
            for p in &r.patterns {
                compile_pattern(p)
                    .map_err(|e| Error::Config(format!("{}rule `{}`: {e}", at(p), r.id)))?;
            }
            custom_ids.push(&r.id);
        }
        if let Some(m) = self.min_confidence {
            if !(0.0..=1.0).contains(&m) {
                return Err(Error::Config(format!(
                    "{}`min-confidence` is {m}; it must be between 0 and 1",
                    at("min-confidence")
                )));
            }
        }
        let known = |id: &str| builtin.contains(&id) || custom_ids.contains(&id);
        let allowed = || {
            let mut all = builtin.clone();
            all.extend(custom_ids.iter().copied());
            all.join(", ")
        };
        let hint = |id: &str| {
            let mut all = builtin.clone();
            all.extend(custom_ids.iter().copied());
            match closest(id, &all) {
                Some(c) => format!("did you mean `{c}`? "),
                None => String::new(),
            }
        };
        let mut lists: Vec<(String, &Vec<String>)> = vec![
            ("select".into(), &self.select),
            ("ignore".into(), &self.ignore),
        ];
        for (table, map) in [
            ("per-file-ignores", &self.per_file_ignores),
            ("per-speaker-ignores", &self.per_speaker_ignores),
        ] {
            lists.extend(map.iter().map(|(k, v)| (format!("{table}.\"{k}\""), v)));
        }
        for (key, list) in lists {
            for id in list {
                if !known(id) {
                    return Err(Error::Config(format!(
                        "{}`{key}` names an unknown rule `{id}`; {}rules are: {}",
                        at(&format!("\"{id}\"")),
                        hint(id),
                        allowed()
                    )));
                }
            }
        }
        for id in self.severity.keys() {
            if !known(id) {
                return Err(Error::Config(format!(
                    "{}`severity` names an unknown rule `{id}`; {}rules are: {}",
                    at(id),
                    hint(id),
                    allowed()
                )));
            }
        }
        if let Some(r) = self.thresholds.talk_ratio {
            if !(r > 0.0 && r < 1.0) {
                return Err(Error::Config(format!(
                    "{}`thresholds.talk-ratio` must be between 0 and 1 (a share, like 0.4), not {r}",
                    at("talk-ratio")
                )));
            }
        }
        if self.thresholds.monologue_words == Some(0) {
            return Err(Error::Config(format!(
                "{}`thresholds.monologue-words` must be at least 1",
                at("monologue-words")
            )));
        }
        if let Some(s) = self.thresholds.monologue_seconds {
            if !(s.is_finite() && s > 0.0) {
                return Err(Error::Config(format!(
                    "{}`thresholds.monologue-seconds` must be a positive number of seconds, not {s}",
                    at("monologue-seconds")
                )));
            }
        }
        Ok(())
    }

    /// Reads layered files, each a `(source, name)` pair, later ones over earlier ones (the
    /// user's own configuration, then the project's): a key set in a later file replaces the
    /// earlier value, except in the tables `severity`, `thresholds`, `per-file-ignores` and
    /// `per-speaker-ignores`, which are merged key by key. Each file is checked on its own
    /// first, so errors name the file and line.
    ///
    /// ```
    /// let c = candor::Config::from_toml_layers(&[
    ///     ("profile = \"solution\"\n[thresholds]\ntalk-ratio = 0.5\n", "user"),
    ///     ("[thresholds]\nmonologue-words = 90\n", "candor.toml"),
    /// ]).unwrap();
    /// assert_eq!(c.profile, candor::Profile::Solution);
    /// assert_eq!(c.thresholds.talk_ratio, Some(0.5));
    /// assert_eq!(c.thresholds.monologue_words, Some(90));
    /// ```
    pub fn from_toml_layers(layers: &[(&str, &str)]) -> Result<Config, Error> {
        const MERGED: &[&str] = &[
            "severity",
            "thresholds",
            "per-file-ignores",
            "per-speaker-ignores",
        ];
        let mut merged = toml::Table::new();
        let mut names = Vec::new();
        for (src, name) in layers {
            Config::from_toml(src, name)?;
            names.push(*name);
            let table: toml::Table = toml::from_str(src)
                .map_err(|e| Error::Config(format!("{name}: {}", e.message().trim())))?;
            for (key, value) in table {
                match (merged.get_mut(&key), value) {
                    (Some(toml::Value::Table(old)), toml::Value::Table(new))
                        if MERGED.contains(&key.as_str()) =>
                    {
                        old.extend(new);
                    }
                    (_, value) => {
                        merged.insert(key, value);
                    }
                }
            }
        }
        let name = names.join(" under ");
        let config: Config =
            toml::Value::Table(merged)
                .try_into()
                .map_err(|e: toml::de::Error| {
                    Error::Config(format!("{name}: {}", e.message().trim()))
                })?;
        config.validate("", &name)?;
        Ok(config)
    }

    /// With this profile.
    pub fn with_profile(mut self, profile: Profile) -> Self {
        self.profile = profile;
        self
    }

    /// With these interviewers (names or first names), whatever the transcript says.
    ///
    /// ```
    /// let config = candor::Config::default()
    ///     .with_interviewers(["Maya"])
    ///     .with_ignore(["closed-question"])
    ///     .with_learned(false);
    /// assert_eq!(config.interviewers, ["Maya"]);
    /// assert_eq!(config.learned, Some(false));
    /// candor::Analyzer::new(config).unwrap();
    /// ```
    pub fn with_interviewers<S: Into<String>>(
        mut self,
        names: impl IntoIterator<Item = S>,
    ) -> Self {
        self.interviewers = names.into_iter().map(Into::into).collect();
        self
    }

    /// With these interviewees.
    pub fn with_interviewees<S: Into<String>>(
        mut self,
        names: impl IntoIterator<Item = S>,
    ) -> Self {
        self.interviewees = names.into_iter().map(Into::into).collect();
        self
    }

    /// With these product names, so describing them counts as selling.
    pub fn with_products<S: Into<String>>(mut self, names: impl IntoIterator<Item = S>) -> Self {
        self.products = names.into_iter().map(Into::into).collect();
        self
    }

    /// Running only these rules.
    pub fn with_select<S: Into<String>>(mut self, rules: impl IntoIterator<Item = S>) -> Self {
        self.select = rules.into_iter().map(Into::into).collect();
        self
    }

    /// Not running these rules.
    pub fn with_ignore<S: Into<String>>(mut self, rules: impl IntoIterator<Item = S>) -> Self {
        self.ignore = rules.into_iter().map(Into::into).collect();
        self
    }

    /// With the learned layer on or off.
    pub fn with_learned(mut self, learned: bool) -> Self {
        self.learned = Some(learned);
        self
    }

    /// Reporting only findings at least this sure (0–1).
    pub fn with_min_confidence(mut self, min: f64) -> Self {
        self.min_confidence = Some(min);
        self
    }

    /// With the learned model's findings listing the features that weighed most.
    pub fn with_explain(mut self, explain: bool) -> Self {
        self.explain = explain;
        self
    }

    /// The configuration as `candor.toml` would say it, with the limits in effect filled in
    /// (what `--show-settings` prints).
    pub fn to_toml(&self) -> String {
        let mut shown = self.clone();
        shown.thresholds = Thresholds {
            talk_ratio: Some(self.talk_ratio_threshold()),
            monologue_words: Some(self.monologue_words()),
            monologue_seconds: Some(self.monologue_seconds()),
            min_questions: Some(
                self.thresholds
                    .min_questions
                    .unwrap_or(crate::verdict::MIN_QUESTIONS),
            ),
            min_words: Some(
                self.thresholds
                    .min_words
                    .unwrap_or(crate::verdict::MIN_WORDS),
            ),
        };
        toml::to_string(&shown).unwrap_or_else(|e| format!("# cannot show the settings: {e}\n"))
    }

    /// Whether a speaker's findings of a rule are left out (`per-speaker-ignores`).
    pub fn ignored_for_speaker(&self, speaker: &str, rule: &str) -> bool {
        self.per_speaker_ignores.iter().any(|(name, rules)| {
            rules.iter().any(|r| r == rule) && crate::roles::name_matches(speaker, name)
        })
    }

    /// The talk-ratio threshold in effect.
    pub fn talk_ratio_threshold(&self) -> f64 {
        self.thresholds.talk_ratio.unwrap_or(match self.profile {
            Profile::Discovery => 0.40,
            Profile::Solution => 0.60,
        })
    }

    /// The monologue word limit in effect.
    pub fn monologue_words(&self) -> usize {
        self.thresholds
            .monologue_words
            .unwrap_or(match self.profile {
                Profile::Discovery => 150,
                Profile::Solution => 300,
            })
    }

    /// The monologue time limit in effect, in seconds.
    pub fn monologue_seconds(&self) -> f64 {
        self.thresholds
            .monologue_seconds
            .unwrap_or(match self.profile {
                Profile::Discovery => 60.0,
                Profile::Solution => 120.0,
            })
    }

    /// The level a rule runs at, after profile, `select`, `ignore` and `severity`.
    pub fn level_of(&self, id: &str, default: Severity) -> Level {
        if !self.select.is_empty() && !self.select.iter().any(|s| s == id) {
            return Level::Off;
        }
        if self.ignore.iter().any(|s| s == id) {
            return Level::Off;
        }
        if let Some(level) = self.severity.get(id) {
            return *level;
        }
        if self.profile == Profile::Solution && id == "selling" {
            return Level::Off;
        }
        match default {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
            Severity::Info => Level::Info,
        }
    }

    /// A commented starter file, as `candor init` writes it.
    pub fn starter() -> &'static str {
        STARTER
    }
}

/// The candidate closest to `word`, if one is close enough to be what was meant: one that
/// starts with it, else one with it as a dash-separated part, else one a few edits away.
///
/// ```
/// let ids: Vec<&str> = candor::rules().iter().map(|r| r.id).collect();
/// assert_eq!(candor::closest("leading", &ids), Some("leading-question"));
/// assert_eq!(candor::closest("ratio", &ids), Some("talk-ratio"));
/// assert_eq!(candor::closest("closed-questions", &ids), Some("closed-question"));
/// assert_eq!(candor::closest("banana", &ids), None);
/// ```
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let word = word.trim().to_lowercase();
    if word.is_empty() {
        return None;
    }
    let unique = |found: Vec<&'a str>| (found.len() == 1).then(|| found[0]);
    let starting: Vec<&str> = candidates
        .iter()
        .copied()
        .filter(|c| c.starts_with(&word))
        .collect();
    if let Some(c) = unique(starting) {
        return Some(c);
    }
    let parts: Vec<&str> = candidates
        .iter()
        .copied()
        .filter(|c| c.split('-').any(|p| p == word))
        .collect();
    if let Some(c) = unique(parts) {
        return Some(c);
    }
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .iter()
        .map(|c| (edit_distance(&word, c), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// The largest compiled size a user pattern may have; larger ones are rejected.
const PATTERN_SIZE_LIMIT: usize = 1 << 20;

/// Compiles a user pattern case-insensitively, with size limits.
pub(crate) fn compile_pattern(p: &str) -> Result<regex::Regex, String> {
    if p.len() > 4096 {
        return Err(format!(
            "pattern is {} characters long; the limit is 4096",
            p.len()
        ));
    }
    regex::RegexBuilder::new(p)
        .case_insensitive(true)
        .size_limit(PATTERN_SIZE_LIMIT)
        .dfa_size_limit(PATTERN_SIZE_LIMIT)
        .nest_limit(50)
        .build()
        .map_err(|e| match e {
            regex::Error::CompiledTooBig(_) => {
                format!("pattern `{p}` is too big once compiled; simplify it")
            }
            other => format!(
                "invalid pattern `{p}`: {}",
                other.to_string().lines().last().unwrap_or("syntax error")
            ),
        })
}

const STARTER: &str = r#"# candor.toml: how candor lints and scores your interviews.
# candor looks for this file in the transcript's folder and each folder above it;
# `--config FILE` names one explicitly. Every key is optional.

# "discovery" (learning about the customer's problem; the default) or
# "solution" (showing a product: `selling` is off and you may talk more).
profile = "discovery"

# Who interviews. candor works it out from labels and from who asks the
# questions, but names here (or --interviewer on the command line) settle it.
# First names match full names: "Maya" matches "Maya Chen".
interviewers = []
# interviewees = []

# Your product's names, so that describing them counts as selling.
products = []

# Run only some rules, or leave some out. `candor rules` lists them all.
# select = ["leading-question", "hypothetical-question"]
ignore = []

# Change a rule's severity: "error", "warning", "info", or "off".
[severity]
# closed-question = "warning"
# homework-question = "off"

[thresholds]
# The interviewer's share of the talk above which `talk-ratio` fires.
# talk-ratio = 0.4
# The longest interviewer turn, in words, and in seconds where timed.
# monologue-words = 150
# monologue-seconds = 60
# The least of an interview candor judges: interviewer questions, and words of
# conversation. Shorter transcripts are reported as not judged (too-short).
# min-questions = 3
# min-words = 100

# Leave paths out when reading folders: globs relative to this file's folder.
# exclude = ["drafts/**", "*.summary.md"]

# Rules not run on some files, or not reported on some speakers.
# [per-file-ignores]
# "sales-calls/**" = ["selling", "talk-ratio"]
# [per-speaker-ignores]
# "Maya" = ["closed-question"]

# Your own rules: flag phrases when a speaker says them. Phrases match whole
# words, case-insensitively; patterns are regular expressions.
# [[rule]]
# id = "internal-jargon"
# message = "uses our internal jargon, which the customer may not share"
# phrases = ["ICP", "activation funnel", "north-star metric"]
# speaker = "interviewer"   # interviewer, interviewee or any
# severity = "info"
# help = "use the customer's own words for it"
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> String {
        Config::from_toml(src, "candor.toml")
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn starter_parses() {
        let c = Config::from_toml(Config::starter(), "candor.toml").unwrap();
        assert_eq!(c.profile, Profile::Discovery);
    }

    #[test]
    fn errors_name_file_line_key_and_allowed_values() {
        let e = err("interviewers = [\"a\"]\nprofle = 1\n");
        assert!(e.starts_with("candor.toml: line 2:"), "{e}");
        assert!(e.contains("unknown field `profle`"), "{e}");
        assert!(e.contains("`profile`"), "{e}");
        let e = err("profile = \"sales\"\n");
        assert!(
            e.contains("line 1") && e.contains("discovery") && e.contains("solution"),
            "{e}"
        );
        let e = err("ignore = [\"closed-questions\"]\n");
        assert!(
            e.contains("unknown rule `closed-questions`") && e.contains("closed-question,"),
            "{e}"
        );
        let e = err("[thresholds]\ntalk-ratio = 40\n");
        assert!(e.contains("line 2") && e.contains("between 0 and 1"), "{e}");
        let e = err("[severity]\nselling = \"loud\"\n");
        assert!(e.contains("line 2"), "{e}");
        let e = err("[[rule]]\nid = \"x\"\nmessage = \"m\"\npatterns = [\"(unclosed\"]\n");
        assert!(e.contains("line 4") && e.contains("invalid pattern"), "{e}");
        let e = err("[[rule]]\nid = \"selling\"\nmessage = \"m\"\nphrases = [\"a\"]\n");
        assert!(e.contains("already taken"), "{e}");
    }

    #[test]
    fn unknown_rules_suggest_the_closest() {
        let e = err("select = [\"leading\"]\n");
        assert!(e.contains("did you mean `leading-question`?"), "{e}");
        let e = err("[per-file-ignores]\n\"a/*\" = [\"talk-ratios\"]\n");
        assert!(
            e.contains("line 2") && e.contains("did you mean `talk-ratio`?"),
            "{e}"
        );
        let e = err("[per-speaker-ignores]\nMaya = [\"closd-question\"]\n");
        assert!(e.contains("did you mean `closed-question`?"), "{e}");
    }

    #[test]
    fn layers_merge_tables_and_replace_values() {
        let c = Config::from_toml_layers(&[
            (
                "ignore = [\"selling\"]\n[severity]\nclosed-question = \"off\"\n",
                "user",
            ),
            (
                "ignore = [\"no-summary\"]\n[severity]\nselling = \"error\"\n",
                "project",
            ),
        ])
        .unwrap();
        assert_eq!(c.ignore, vec!["no-summary".to_string()]);
        assert_eq!(c.severity.len(), 2);
        let e = Config::from_toml_layers(&[("profle = 1\n", "user.toml"), ("", "p")])
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("user.toml: line 1"), "{e}");
    }

    #[test]
    fn speakers_are_ignored_by_first_name() {
        let c = Config::from_toml("[per-speaker-ignores]\nmaya = [\"selling\"]\n", "c").unwrap();
        assert!(c.ignored_for_speaker("Maya Chen", "selling"));
        assert!(!c.ignored_for_speaker("Maya Chen", "talk-ratio"));
        assert!(!c.ignored_for_speaker("Tom", "selling"));
    }

    /// The keys rules name (in `candor explain` and docs/rules.md) are keys the parser
    /// accepts, each changes the configuration, and every threshold has one.
    #[test]
    fn rule_settings_are_keys_the_parser_accepts() {
        let mut named = Vec::new();
        for r in crate::rules::rules() {
            for s in r.settings {
                let c = Config::from_toml(&s.toml(), "candor.toml")
                    .unwrap_or_else(|e| panic!("{}: `{}` is refused: {e}", r.id, s.path()));
                assert_ne!(
                    c,
                    Config::default(),
                    "{}: `{}` sets nothing",
                    r.id,
                    s.path()
                );
                named.push(s.path());
            }
            // Every line `candor explain` shows is one the parser takes, and changes something.
            for (line, _) in r.configuration() {
                let c = Config::from_toml(&line, "candor.toml")
                    .unwrap_or_else(|e| panic!("{}: `{line}` is refused: {e}", r.id));
                assert_ne!(c, Config::default(), "{}: `{line}` sets nothing", r.id);
            }
            for text in [r.explanation, r.help, r.summary] {
                assert!(
                    !text.contains("candor.toml") && !text.contains("thresholds"),
                    "{}: name configuration keys in `settings`, not in the text",
                    r.id
                );
            }
        }
        // Every rule threshold (the judging minimums belong to no rule: see report.md).
        let all = Thresholds {
            talk_ratio: Some(0.5),
            monologue_words: Some(1),
            monologue_seconds: Some(1.0),
            min_questions: None,
            min_words: None,
        };
        let keys = toml::Table::try_from(all).unwrap();
        for key in keys.keys() {
            let path = format!("thresholds.{key}");
            assert!(named.contains(&path), "no rule names `{path}`");
        }
    }

    #[test]
    fn shown_settings_read_back() {
        let c = Config::from_toml(Config::starter(), "candor.toml").unwrap();
        let back = Config::from_toml(&c.to_toml(), "shown").unwrap();
        assert_eq!(back.talk_ratio_threshold(), 0.4);
        assert_eq!(back.profile, c.profile);
    }

    #[test]
    fn huge_patterns_are_rejected() {
        let e =
            err("[[rule]]\nid = \"big\"\nmessage = \"m\"\npatterns = [\"(?:a{1000}){1000}\"]\n");
        assert!(e.contains("too big"), "{e}");
    }

    #[test]
    fn levels() {
        let c = Config::from_toml(
            "profile = \"solution\"\n[severity]\nclosed-question = \"warning\"\n",
            "c",
        )
        .unwrap();
        assert_eq!(c.level_of("selling", Severity::Warning), Level::Off);
        assert_eq!(
            c.level_of("closed-question", Severity::Info),
            Level::Warning
        );
        assert_eq!(c.talk_ratio_threshold(), 0.6);
        let c = Config::from_toml("select = [\"selling\"]\n", "c").unwrap();
        assert_eq!(c.level_of("closed-question", Severity::Info), Level::Off);
        assert_eq!(c.level_of("selling", Severity::Warning), Level::Warning);
    }
}
