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
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    /// Diagnostics for people, like rustc.
    Human,
    /// The JSON report (see README), findings filled.
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
    #[arg(long, value_enum, default_value_t = LintFormat::Human)]
    pub format: LintFormat,
    /// Exit 1 when a finding is at or above this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Warning, value_name = "SEVERITY")]
    pub fail_on: FailOn,
    /// Interview profile: discovery (the default) or solution (selling allowed).
    #[arg(long, value_name = "PROFILE")]
    pub profile: Option<String>,
    /// Run only these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Vec<String>,
    /// Do not run these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
    /// Only print the summary line.
    #[arg(long, short)]
    pub quiet: bool,
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
    Human,
    Json,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Transcript files or folders; `-` reads standard input.
    #[arg(value_name = "FILE", required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StatsFormat::Human)]
    pub format: StatsFormat,
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
    #[arg(long, value_enum, default_value_t = ScoreFormat::Table)]
    pub format: ScoreFormat,
    /// Write the output to this file (written whole, or not at all).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
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
    /// Interview profile: discovery (the default) or solution.
    #[arg(long, value_name = "PROFILE")]
    pub profile: Option<String>,
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
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    pub format: ListFormat,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule id, as `candor rules` lists them.
    #[arg(value_name = "RULE")]
    pub rule: String,
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
    /// A folder of NAME.txt + NAME.labels.json pairs (see fixtures/labelled/SPEC.md).
    #[arg(value_name = "DIR", required = true)]
    pub dirs: Vec<PathBuf>,
    /// Also list every line the rules got wrong.
    #[arg(long, short)]
    pub verbose: bool,
    /// Use this configuration (profile, severities); roles come from the labels.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Instead, cross-validate the learned layer: K folds grouped by interview, patterns
    /// alone, model alone and combined (slow: it trains 2K models).
    #[arg(long, value_name = "K")]
    pub cv: Option<usize>,
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
}

impl TrainingOptions {
    /// The trainer's options: the defaults, with what was given.
    pub fn options(&self) -> candor::learn::Options {
        let d = candor::learn::Options::default();
        candor::learn::Options {
            epochs: self.epochs.unwrap_or(d.epochs),
            l1: self.l1.unwrap_or(d.l1),
            l2: self.l2.unwrap_or(d.l2),
            alpha: self.alpha.unwrap_or(d.alpha),
            rounds: self.rounds.unwrap_or(d.rounds),
            spec: candor::learn::FeatureSpec {
                bits: self.bits.unwrap_or(d.spec.bits),
                char_ngrams: !self.no_char_ngrams && d.spec.char_ngrams,
                ..d.spec
            },
            ..d
        }
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
