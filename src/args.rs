//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Lint and score customer-interview transcripts: where the interviewer sold,
/// led the witness, asked "would you buy it?" or talked too much.
#[derive(Debug, Parser)]
#[command(name = "candor", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Flag the interviewer's anti-patterns line by line, with a better question for each.
    Lint(LintArgs),
    /// Show who talked how much: words, turns, questions, talk time and ratios.
    Stats(StatsArgs),
    /// Score a folder of interviews in parallel: one row per interview and a summary.
    Score(ScoreArgs),
    /// List every rule with its default severity and summary.
    Rules(RulesArgs),
    /// Explain a rule, with bad and better examples.
    Explain(ExplainArgs),
    /// Write a commented starter candor.toml.
    Init(InitArgs),
    /// Measure the rules' precision and recall against a folder of labelled transcripts.
    Eval(EvalArgs),
    /// Train the learned layer's weights from folders of labelled transcripts.
    Train(TrainArgs),
    /// Print a shell's completion script (bash, zsh, fish or powershell).
    ///
    /// For example: `candor completions bash > ~/.local/share/bash-completion/completions/candor`.
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `candor man > candor.1`.
    Man(ManArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// Options that decide how transcripts are read and judged.
#[derive(Debug, Args, Clone, Default)]
pub struct Common {
    /// Name an interviewer (repeatable); first names match full names.
    #[arg(long = "interviewer", value_name = "NAME")]
    pub interviewers: Vec<String>,
    /// Name an interviewee (repeatable), when naming the interviewers is not enough.
    #[arg(long = "interviewee", value_name = "NAME")]
    pub interviewees: Vec<String>,
    /// Read every input as this format instead of detecting it
    /// (plain, timestamped, markdown, otter, rev, google-meet, webvtt, srt, whisper-json,
    /// aws-transcribe-json, deepgram-json, assemblyai-json, revai-json, google-stt-json, json).
    #[arg(long, value_name = "NAME")]
    pub input_format: Option<String>,
    /// Use this configuration file instead of finding candor.toml next to each transcript.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Interview profile: discovery (the default) or solution (selling allowed, higher limits).
    #[arg(long, value_name = "PROFILE")]
    pub profile: Option<String>,
    /// Run only these rules (ids, comma-separated).
    #[arg(long, value_delimiter = ',', value_parser = rule_id, value_name = "RULES")]
    pub select: Vec<String>,
    /// Do not run these rules (ids, comma-separated).
    #[arg(long, value_delimiter = ',', value_parser = rule_id, value_name = "RULES")]
    pub ignore: Vec<String>,
    /// The name standard input (`-`) is shown and configured as.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// Print the configuration in effect for the first input, and the files it came from;
    /// read nothing else.
    #[arg(long)]
    pub show_settings: bool,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

/// A rule id in a comma-separated list, spaces around it allowed.
fn rule_id(s: &str) -> Result<String, String> {
    Ok(s.trim().to_string())
}

/// Where a command's output goes, and how much of it.
#[derive(Debug, Args, Clone, Default)]
pub struct OutputArgs {
    /// Write the output to this file (written whole, or not at all).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Print less (see each command's help for what is kept).
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    /// Diagnostics for people, like rustc.
    #[value(alias = "full")]
    Human,
    /// One line per finding: `path:line:col: rule message`, for editors' quickfix lists.
    Concise,
    /// The JSON report (one object per file), findings filled.
    Json,
    /// GitHub Actions annotations.
    Github,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum FailOn {
    Info,
    Warning,
    Error,
    Never,
}

impl FailOn {
    /// The least severity that fails the run, if any does.
    pub fn threshold(self) -> Option<candor::Severity> {
        match self {
            FailOn::Info => Some(candor::Severity::Info),
            FailOn::Warning => Some(candor::Severity::Warning),
            FailOn::Error => Some(candor::Severity::Error),
            FailOn::Never => None,
        }
    }
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Transcript files or folders; `-` reads standard input.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, visible_alias = "output-format", value_enum, default_value_t = LintFormat::Human)]
    pub format: LintFormat,
    /// Exit 1 when a finding is at or above this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Warning, value_name = "SEVERITY")]
    pub fail_on: FailOn,
    /// Print how many findings each rule made instead of the findings.
    #[arg(long)]
    pub statistics: bool,
    /// Report only findings that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record every finding in this baseline file (to accept them all), and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,
    /// `-o FILE` writes the output there; `-q` prints only the summary lines.
    #[command(flatten)]
    pub output: OutputArgs,
    /// Include paths in folders matching these globs (`!` excludes); repeatable.
    #[arg(long = "glob", short = 'g', value_name = "GLOB")]
    pub globs: Vec<String>,
    /// List each file skipped in folders (not a transcript), and why.
    #[arg(long, short)]
    pub verbose: bool,
    /// Under each finding of the learned model, list the features that weighed most.
    #[arg(long)]
    pub explain: bool,
    /// Report only findings at least this sure (0 to 1).
    #[arg(long, value_name = "P")]
    pub min_confidence: Option<f64>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// A table of speakers and the interview's numbers.
    Human,
    /// The JSON report (one object per file), findings empty.
    Json,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Transcript files or folders; `-` reads standard input.
    #[arg(value_name = "FILE", required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, visible_alias = "output-format", value_enum, default_value_t = StatsFormat::Human)]
    pub format: StatsFormat,
    /// `-o FILE` writes the output there; `-q` prints one line per file.
    #[command(flatten)]
    pub output: OutputArgs,
    /// Include paths in folders matching these globs (`!` excludes); repeatable.
    #[arg(long = "glob", short = 'g', value_name = "GLOB")]
    pub globs: Vec<String>,
    /// List each file skipped in folders (not a transcript), and why.
    #[arg(long, short)]
    pub verbose: bool,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScoreFormat {
    /// A table per interview and the summary.
    Table,
    /// One CSV row per transcript.
    Csv,
    /// A JSON array of reports.
    Json,
    /// One JSON report per line.
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupBy {
    Interviewer,
    Folder,
    Month,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Transcript files or folders.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, visible_alias = "output-format", value_enum, default_value_t = ScoreFormat::Table)]
    pub format: ScoreFormat,
    /// `-o FILE` writes the rows there; `-q` prints no summary and no progress bar.
    #[command(flatten)]
    pub output: OutputArgs,
    /// Threads to use (default: all cores).
    #[arg(long, short, value_name = "N")]
    pub jobs: Option<usize>,
    /// Include paths in folders matching these globs (`!` excludes); repeatable.
    #[arg(long = "glob", short = 'g', value_name = "GLOB")]
    pub globs: Vec<String>,
    /// List each file skipped in folders (not a transcript), and why.
    #[arg(long, short)]
    pub verbose: bool,
    /// Group the summary by interviewer, folder or month.
    #[arg(long, value_enum, value_name = "KEY")]
    pub group_by: Option<GroupBy>,
    /// Also write a self-contained HTML report to this file.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Exit 1 when a finding is at or above this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Never, value_name = "SEVERITY")]
    pub fail_on: FailOn,
    /// Do not show a progress bar.
    #[arg(long)]
    pub no_progress: bool,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Human,
    Json,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, visible_alias = "output-format", value_enum, default_value_t = ListFormat::Human)]
    pub format: ListFormat,
    /// `-o FILE` writes the list there; `-q` prints the ids alone.
    #[command(flatten)]
    pub output: OutputArgs,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule id, as `candor rules` lists them.
    #[arg(value_name = "RULE")]
    pub rule: String,
    /// `-o FILE` writes the explanation there; `-q` prints the summary and help alone.
    #[command(flatten)]
    pub output: OutputArgs,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write the file.
    #[arg(value_name = "FILE", default_value = "candor.toml")]
    pub path: PathBuf,
    /// Overwrite an existing file.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// A folder of NAME.txt + NAME.labels.json pairs: a transcript and its labels.
    #[arg(value_name = "DIR", required = true)]
    pub dirs: Vec<PathBuf>,
    /// Also list every line the rules got wrong.
    #[arg(long, short)]
    pub verbose: bool,
    /// `-o FILE` writes the table there; `-q` prints the overall line alone.
    #[command(flatten)]
    pub output: OutputArgs,
    /// Use this configuration (profile, severities); roles come from the labels.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Instead, cross-validate the learned layer: K folds (by interview unless told), patterns
    /// alone, model alone and combined (slow: it trains 2K models).
    #[arg(long, value_name = "K")]
    pub cv: Option<usize>,
    /// With `--cv`: folds hold whole batches (a case's folder), not single interviews.
    #[arg(long, hide = true, requires = "cv")]
    pub cv_by_batch: bool,
    /// With `--cv`: folds keep each real host's interviews together (hosts matched by
    /// name across batches), written interviews one by one.
    #[arg(long, hide = true, requires = "cv", conflicts_with = "cv_by_batch")]
    pub cv_by_host: bool,
    #[command(flatten)]
    pub training: TrainingOptions,
}

/// How the learned layer is trained (the defaults are what the shipped weights used).
#[derive(Debug, Args, Clone, Default)]
pub struct TrainingOptions {
    /// Passes over the examples.
    #[arg(long, value_name = "N", hide = true)]
    pub epochs: Option<usize>,
    /// L1 regularisation.
    #[arg(long, value_name = "X", hide = true)]
    pub l1: Option<f32>,
    /// L2 regularisation.
    #[arg(long, value_name = "X", hide = true)]
    pub l2: Option<f32>,
    /// FTRL's learning rate.
    #[arg(long, value_name = "X", hide = true)]
    pub alpha: Option<f32>,
    /// Rounds of re-choosing each labelled line's positive sentence.
    #[arg(long, value_name = "N", hide = true)]
    pub rounds: Option<usize>,
    /// Buckets: 2^BITS.
    #[arg(long, value_name = "BITS", hide = true)]
    pub bits: Option<u32>,
    /// No character n-grams.
    #[arg(long, hide = true)]
    pub no_char_ngrams: bool,
    /// No pairs of words one word apart.
    #[arg(long, hide = true)]
    pub no_skip_bigrams: bool,
    /// No first words of the questions after a turn's first.
    #[arg(long, hide = true)]
    pub no_later_heads: bool,
    /// No words of the sentence before (the default).
    #[arg(long, hide = true)]
    pub no_previous_words: bool,
    /// The words of the sentence before, as features.
    #[arg(long, hide = true, conflicts_with = "no_previous_words")]
    pub previous_words: bool,
    /// No features of what follows a question in its turn.
    #[arg(long, hide = true)]
    pub no_turn_rest: bool,
    /// What follows a question in its turn, as features (the default).
    #[arg(long, hide = true, conflicts_with = "no_turn_rest")]
    pub turn_rest: bool,
    /// The precision each rule's threshold and mode should keep in the inner
    /// cross-validation, and that a pattern reason needs in training to be trusted.
    #[arg(long, value_name = "P", hide = true, value_parser = precision)]
    pub min_precision: Option<f32>,
    /// No context layer: each rule's mode chosen among patterns, model and either.
    #[arg(long, hide = true)]
    pub no_context: bool,
    /// How much a line of a real transcript (a case of a batch named `r` and digits) counts in
    /// training, against 1 for a written one.
    #[arg(long, value_name = "W", hide = true, value_parser = real_weight)]
    pub real_weight: Option<f32>,
    /// The context layer as this many boosted trees per rule; 0 for its logistic regression.
    #[arg(long, value_name = "N", hide = true)]
    pub context_trees: Option<usize>,
    /// The trees' learning rate (each tree's leaves are scaled by it).
    #[arg(long, value_name = "R", hide = true, value_parser = rate)]
    pub context_rate: Option<f32>,
    /// The first-model log-odds below which a rule's trees are not asked (unless its
    /// patterns flagged the line).
    #[arg(long, value_name = "L", hide = true, allow_negative_numbers = true, value_parser = log_odds)]
    pub context_gate: Option<f32>,
}

/// A weight for `--real-weight`: a finite number above 0.
fn real_weight(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(w) if w.is_finite() && w > 0.0 => Ok(w),
        _ => Err(format!("`{s}` is not a weight above 0")),
    }
}

/// A learning rate for `--context-rate`: a finite number above 0, at most 1.
fn rate(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(r) if r > 0.0 && r <= 1.0 => Ok(r),
        _ => Err(format!(
            "`{s}` is not a learning rate above 0 and at most 1"
        )),
    }
}

/// Log-odds for `--context-gate`: a number (infinities allowed: none or every line passes).
fn log_odds(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(x) if !x.is_nan() => Ok(x),
        _ => Err(format!("`{s}` is not a number")),
    }
}

/// A precision for `--min-precision`: a number from 0 to 1.
fn precision(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        _ => Err(format!("`{s}` is not a precision from 0 to 1")),
    }
}

impl TrainingOptions {
    /// The trainer's options: the defaults, with what was given.
    pub fn options(&self) -> candor::learn::Options {
        // Both types are `#[non_exhaustive]`: start from the defaults and set what was given.
        let mut o = candor::learn::Options::default();
        o.epochs = self.epochs.unwrap_or(o.epochs);
        o.l1 = self.l1.unwrap_or(o.l1);
        o.l2 = self.l2.unwrap_or(o.l2);
        o.alpha = self.alpha.unwrap_or(o.alpha);
        o.rounds = self.rounds.unwrap_or(o.rounds);
        o.min_precision = self.min_precision.unwrap_or(o.min_precision);
        o.context = !self.no_context && o.context;
        o.real_weight = self.real_weight.unwrap_or(o.real_weight);
        o.context_trees = self.context_trees.unwrap_or(o.context_trees);
        o.context_gate = self.context_gate.unwrap_or(o.context_gate);
        o.context_rate = self.context_rate.unwrap_or(o.context_rate);
        let s = &mut o.spec;
        s.bits = self.bits.unwrap_or(s.bits);
        s.char_ngrams = !self.no_char_ngrams && s.char_ngrams;
        s.skip_bigrams = !self.no_skip_bigrams && s.skip_bigrams;
        s.later_heads = !self.no_later_heads && s.later_heads;
        s.previous_words = self.previous_words || !self.no_previous_words && s.previous_words;
        s.turn_rest = self.turn_rest || !self.no_turn_rest && s.turn_rest;
        o
    }
}

#[derive(Debug, Args)]
pub struct TrainArgs {
    /// Folders of NAME.txt + NAME.labels.json pairs; a folder of such folders is read one
    /// level down.
    #[arg(value_name = "DIR", required = true)]
    pub dirs: Vec<PathBuf>,
    /// Where to write the weights (the crate's are crates/candor/src/rules/learned/weights.bin).
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
    #[command(flatten)]
    pub training: TrainingOptions,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
    /// `-o FILE` writes the script there.
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// `-o FILE` writes the page there.
    #[command(flatten)]
    pub output: OutputArgs,
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    fn training(args: &[&str]) -> candor::learn::Options {
        let mut argv = vec!["candor", "train", "fixtures/corpus", "-o", "w.bin"];
        argv.extend_from_slice(args);
        match super::Cli::try_parse_from(argv)
            .expect("arguments parse")
            .command
        {
            super::Command::Train(t) => t.training.options(),
            other => panic!("parsed as {other:?}"),
        }
    }

    #[test]
    fn cv_groupings_need_cv_and_exclude_each_other() {
        let eval = |args: &[&str]| {
            let mut argv = vec!["candor", "eval", "fixtures/corpus"];
            argv.extend_from_slice(args);
            super::Cli::try_parse_from(argv).map(|c| match c.command {
                super::Command::Eval(e) => (e.cv, e.cv_by_batch, e.cv_by_host),
                other => panic!("parsed as {other:?}"),
            })
        };
        assert_eq!(eval(&["--cv", "5"]).ok(), Some((Some(5), false, false)));
        assert_eq!(
            eval(&["--cv", "5", "--cv-by-batch"]).ok(),
            Some((Some(5), true, false))
        );
        assert_eq!(
            eval(&["--cv", "5", "--cv-by-host"]).ok(),
            Some((Some(5), false, true))
        );
        // Without `--cv` a grouping would be ignored: refused instead.
        assert!(eval(&["--cv-by-batch"]).is_err());
        assert!(eval(&["--cv-by-host"]).is_err());
        assert!(eval(&["--cv", "5", "--cv-by-batch", "--cv-by-host"]).is_err());
        // They are eval's, not the trainer's.
        let train = [
            "candor",
            "train",
            "fixtures/corpus",
            "-o",
            "w.bin",
            "--cv-by-batch",
        ];
        assert!(super::Cli::try_parse_from(train).is_err());
    }

    #[test]
    fn training_options_are_the_defaults_with_what_was_given() {
        let d = candor::learn::Options::default();
        assert_eq!(training(&[]), d);
        // Each switch against the defaults with that one field changed, so that a switch
        // wired to the wrong field, or one that changes another as well, fails.
        type Set = fn(&mut candor::learn::Options);
        let cases: [(&[&str], Set); 16] = [
            (&["--epochs", "3"], |o| o.epochs = 3),
            (&["--l1", "0.25"], |o| o.l1 = 0.25),
            (&["--l2", "2"], |o| o.l2 = 2.0),
            (&["--alpha", "0.2"], |o| o.alpha = 0.2),
            (&["--rounds", "1"], |o| o.rounds = 1),
            (&["--bits", "12"], |o| o.spec.bits = 12),
            (&["--no-skip-bigrams"], |o| o.spec.skip_bigrams = false),
            (&["--no-later-heads"], |o| o.spec.later_heads = false),
            (&["--previous-words"], |o| o.spec.previous_words = true),
            (&["--no-turn-rest"], |o| o.spec.turn_rest = false),
            (&["--min-precision", "0.9"], |o| o.min_precision = 0.9),
            (&["--no-context"], |o| o.context = false),
            (&["--real-weight", "2"], |o| o.real_weight = 2.0),
            (&["--context-trees", "0"], |o| o.context_trees = 0),
            (&["--context-gate", "-4"], |o| o.context_gate = -4.0),
            (&["--context-rate", "0.1"], |o| o.context_rate = 0.1),
        ];
        for (args, set) in cases {
            let mut want = d.clone();
            set(&mut want);
            assert_ne!(
                want, d,
                "{args:?} must change a default for the test to mean anything"
            );
            assert_eq!(training(args), want, "{args:?}");
        }
        // Off by default already: these switches keep them off and change nothing else.
        assert!(!d.spec.char_ngrams && !d.spec.previous_words && d.spec.turn_rest);
        assert_eq!(training(&["--no-char-ngrams", "--no-previous-words"]), d);
        // On by default already: this switch keeps it on.
        assert_eq!(training(&["--turn-rest"]), d);
    }

    #[test]
    fn a_learning_rate_outside_0_to_1_is_refused() {
        for (rate, ok) in [
            ("0.05", true),
            ("1", true),
            ("0", false),
            ("-0.1", false),
            ("1.5", false),
            ("NaN", false),
            ("inf", false),
            ("fast", false),
        ] {
            let a = [
                "candor",
                "train",
                "fixtures/corpus",
                "-o",
                "w.bin",
                "--context-rate",
                rate,
            ];
            assert_eq!(super::Cli::try_parse_from(a).is_ok(), ok, "{rate}");
        }
    }

    #[test]
    fn a_gate_that_is_not_a_number_is_refused() {
        let argv = [
            "candor",
            "train",
            "fixtures/corpus",
            "-o",
            "w.bin",
            "--context-gate",
        ];
        for bad in ["NaN", "nan", "low"] {
            let mut a = argv.to_vec();
            a.push(bad);
            assert!(super::Cli::try_parse_from(a).is_err(), "{bad}");
        }
        let mut a = argv.to_vec();
        a.push("-4.5");
        assert!(super::Cli::try_parse_from(a).is_ok());
        let mut a = argv[..5].to_vec();
        a.push("--context-gate=-inf");
        assert!(
            super::Cli::try_parse_from(a).is_ok(),
            "a gate every line passes"
        );
    }
}
