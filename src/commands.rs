//! What each subcommand does.

use std::io::Write;

use candor::render::HumanOptions;
use candor::{Report, Severity};
use clap::CommandFactory;

use crate::args::{
    Cli, Command, CompletionsArgs, EvalArgs, ExplainArgs, InitArgs, LintArgs, LintFormat,
    ListFormat, ManArgs, OutputArgs, RulesArgs, StatsArgs, StatsFormat,
};
use crate::baseline::{self, Baseline};
use crate::error::Error;
use crate::files::{self, Input};
use crate::output::Out;
use crate::render::{self, BOLD, DIM, GUTTER, HELP, human, severity_style};
use crate::settings::{Overrides, Settings};

/// Runs a command; the result is the exit code, or a message for exit code 2.
pub fn run(cli: Cli) -> Result<u8, Error> {
    match cli.command {
        Command::Lint(a) => lint(a),
        Command::Stats(a) => stats(a),
        Command::Score(a) => crate::score::score(a),
        Command::Rules(a) => rules(a),
        Command::Explain(a) => explain(a),
        Command::Init(a) => init(a),
        Command::Eval(a) => eval(a),
        Command::Train(a) => crate::train::train(a),
        Command::Completions(a) => completions(a),
        Command::Man(a) => man(a),
    }
}

/// Writes to stdout, treating a closed pipe (`candor lint … | head`) as the end.
pub fn io(r: std::io::Result<()>) -> Result<(), Error> {
    match r {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(Error::Output(e)),
    }
}

/// A report for one input, with the decoded source kept for showing lines.
struct Analysed {
    path: String,
    source: Option<String>,
    report: Report,
}

/// Reads, decodes, parses and analyses (or only measures) one input.
fn analyse(input: &Input, settings: &mut Settings, lint: bool) -> Result<Analysed, Error> {
    let path = settings.name_of(input);
    let analyzer = settings.analyzer_for(input)?;
    let bytes = match input.read() {
        Ok(b) => b,
        Err(e) => {
            return Ok(Analysed {
                path: path.clone(),
                source: None,
                report: Report::error(path, e.to_string(), None),
            });
        }
    };
    let decoded = match candor::decode(&bytes) {
        Ok(d) => d,
        Err(e) => {
            return Ok(with_path(Analysed {
                path: path.clone(),
                source: None,
                report: Report::failed(path.clone(), &e),
            }));
        }
    };
    let report = if lint {
        analyzer.analyze_decoded(&decoded, settings.format)
    } else {
        analyzer.measure_decoded(&decoded, settings.format)
    };
    Ok(with_path(Analysed {
        path,
        source: Some(decoded.text),
        report,
    }))
}

fn with_path(mut a: Analysed) -> Analysed {
    a.report.path = a.path.clone();
    a
}

/// The inputs of `lint`, `stats` and `score`, less what `exclude` leaves out; or, with
/// `--show-settings`, the settings of the first printed (and `None`: nothing else to do).
pub fn inputs(
    paths: &[std::path::PathBuf],
    globs: &[String],
    settings: &mut Settings,
    common: &crate::args::Common,
    output: &OutputArgs,
) -> Result<Option<files::Found>, Error> {
    let mut found = files::find(paths, globs)?;
    settings.exclude(&mut found, paths)?;
    if common.show_settings {
        let Some(first) = found.inputs.first() else {
            return Err(Error::NoTranscripts);
        };
        let text = settings.show(first)?;
        let mut out = Out::new(output.output.as_deref(), common.color)?;
        io(write!(out, "{text}"))?;
        out.finish()?;
        return Ok(None);
    }
    Ok(Some(found))
}

fn lint(a: LintArgs) -> Result<u8, Error> {
    let mut overrides = Overrides::from_common(&a.common);
    overrides.explain = a.explain;
    overrides.min_confidence = a.min_confidence;
    let mut settings = Settings::new(&a.common, overrides)?;
    let Some(found) = inputs(&a.paths, &a.globs, &mut settings, &a.common, &a.output)? else {
        return Ok(0);
    };
    if a.statistics && matches!(a.format, LintFormat::Github | LintFormat::Sarif) {
        return Err(Error::Usage(
            "--statistics prints counts as human, concise or json output".into(),
        ));
    }
    let mut baseline = match &a.baseline {
        Some(p) => Some(Baseline::read(p)?),
        None => None,
    };
    let writing_baseline = a.write_baseline.is_some();
    let mut out = Out::new(a.output.output.as_deref(), a.common.color)?;
    let mut err = render::stderr(a.common.color);
    let quiet = a.output.quiet;
    let mut people = candor::render::Human::new(
        HumanOptions::default()
            .with_color(out.color())
            .with_columns(human::columns())
            .with_explain_hints(true),
    );
    let mut tally = human::Tally::default();
    let mut collected: Vec<(String, Report)> = Vec::new();
    let mut accepted: Vec<baseline::Entry> = Vec::new();
    let mut counts: Vec<(String, Severity, usize)> = Vec::new();
    let mut worst: Option<Severity> = None;
    let mut any_failed = false;
    // What the run prints finding by finding; the rest collects.
    let listing = !a.statistics && !writing_baseline;

    let mut emit = |mut an: Analysed,
                    out: &mut dyn Write,
                    err: &mut dyn Write|
     -> Result<(), Error> {
        if let Some(b) = &mut baseline {
            let path = an.path.clone();
            an.report.findings.retain(|f| !b.accepts(&path, f));
        }
        let r = &an.report;
        tally.add(r);
        worst = worst.max(r.max_severity());
        if let Some(e) = &r.error {
            any_failed = true;
            io(human::file_error(err, &an.path, &human::error_message(e)))?;
        }
        for f in &r.findings {
            if writing_baseline {
                accepted.push(baseline::Entry::new(&an.path, f));
            }
            match counts.iter_mut().find(|(rule, ..)| *rule == f.rule) {
                Some(c) => c.2 += 1,
                None => counts.push((f.rule.clone(), f.severity, 1)),
            }
        }
        if !listing {
            return Ok(());
        }
        match a.format {
            LintFormat::Human => {
                if r.error.is_none() {
                    io(human::write_rendered(out, |text| {
                        if !quiet {
                            people.diagnostics(text, r, an.source.as_deref())?;
                        }
                        people.summary(text, r)
                    }))?;
                }
            }
            LintFormat::Concise => {
                if !quiet {
                    for f in &r.findings {
                        io(human::concise(out, &an.path, f))?;
                    }
                }
            }
            LintFormat::Github => io(render::github::report(out, &an.path, r))?,
            LintFormat::Json | LintFormat::Sarif => collected.push((an.path.clone(), an.report)),
        }
        Ok(())
    };

    for (input, problem) in &found.problems {
        let path = input.display();
        let report = Report::error(path.clone(), problem.clone(), None);
        emit(
            Analysed {
                path,
                source: None,
                report,
            },
            &mut out,
            &mut err,
        )?;
    }
    for input in &found.inputs {
        let an = analyse(input, &mut settings, true)?;
        emit(an, &mut out, &mut err)?;
    }
    if tally.files == 0 {
        return Err(Error::NoTranscripts);
    }
    if let Some(path) = &a.write_baseline {
        let n = baseline::write(path, accepted)?;
        io(writeln!(
            err,
            "wrote {} to {}; pass `--baseline {}` to report only new ones",
            human::plural(n, "finding", "findings"),
            path.display(),
            path.display()
        ))?;
        out.finish()?;
        return Ok(if any_failed { 2 } else { 0 });
    }
    counts.sort_by(|x, y| y.2.cmp(&x.2).then_with(|| x.0.cmp(&y.0)));
    let human_like = matches!(a.format, LintFormat::Human | LintFormat::Concise);
    if a.statistics && human_like {
        io(human::statistics(&mut out, &counts))?;
    }
    match a.format {
        LintFormat::Json if a.statistics => {
            let rows: Vec<serde_json::Value> = counts
                .iter()
                .map(|(rule, sev, n)| {
                    serde_json::json!({ "rule": rule, "severity": sev.as_str(), "count": n })
                })
                .collect();
            let text = serde_json::to_string_pretty(&rows)?;
            io(writeln!(out, "{text}"))?;
        }
        LintFormat::Human | LintFormat::Concise => {
            let many = tally.files > 1 || tally.failed > 0 || quiet;
            if a.format == LintFormat::Human && many && !a.statistics {
                io(writeln!(out))?;
            }
            if a.statistics && !counts.is_empty() {
                io(writeln!(out))?;
            }
            // Concise output prints every finding on its own line, and quiet output none:
            // no diagnostics to count.
            let mut tally = tally;
            if a.format == LintFormat::Concise || quiet {
                tally.shown = tally.total();
            }
            io(human::totals(&mut out, &tally))?;
            if let Some(b) = &baseline {
                if b.matched > 0 {
                    io(writeln!(
                        out,
                        "{} in the baseline not shown.",
                        human::plural(b.matched, "finding", "findings")
                    ))?;
                }
            }
        }
        LintFormat::Json => {
            let reports: Vec<&Report> = collected.iter().map(|(_, r)| r).collect();
            let text = serde_json::to_string_pretty(&reports)?;
            io(writeln!(out, "{text}"))?;
        }
        LintFormat::Sarif => {
            let text = serde_json::to_string_pretty(&render::sarif::log(&collected))?;
            io(writeln!(out, "{text}"))?;
        }
        LintFormat::Github => {}
    }
    out.finish()?;
    io(files::report_skipped(&mut err, &found.skipped, a.verbose))?;
    if tally.files == 0 {
        return Err(Error::NoTranscripts);
    }
    if any_failed {
        return Ok(2);
    }
    Ok(match (a.fail_on.threshold(), worst) {
        (Some(t), Some(w)) if w >= t => 1,
        _ => 0,
    })
}

fn stats(a: StatsArgs) -> Result<u8, Error> {
    let mut settings = Settings::new(&a.common, Overrides::from_common(&a.common))?;
    let Some(found) = inputs(&a.paths, &a.globs, &mut settings, &a.common, &a.output)? else {
        return Ok(0);
    };
    let mut out = Out::new(a.output.output.as_deref(), a.common.color)?;
    let mut err = render::stderr(a.common.color);
    let mut people = candor::render::Human::new(HumanOptions::default().with_color(out.color()));
    let mut reports = Vec::new();
    let mut any_failed = false;
    for (input, problem) in &found.problems {
        any_failed = true;
        io(human::file_error(&mut err, &input.display(), problem))?;
        reports.push(Report::error(input.display(), problem.clone(), None));
    }
    for input in &found.inputs {
        let an = analyse(input, &mut settings, false)?;
        if let Some(e) = &an.report.error {
            any_failed = true;
            io(human::file_error(&mut err, &an.path, &e.message))?;
        }
        match a.format {
            StatsFormat::Human => {
                if an.report.error.is_none() {
                    if a.output.quiet {
                        io(render::stats::line(&mut out, &an.path, &an.report))?;
                    } else {
                        io(render::stats::report(&mut out, &an.path, &an.report))?;
                        // A measured report has no findings: its notes.
                        io(human::write_rendered(&mut out, |text| {
                            people.diagnostics(text, &an.report, None)
                        }))?;
                    }
                }
            }
            StatsFormat::Json => reports.push(an.report),
        }
    }
    if a.format == StatsFormat::Json {
        let text = serde_json::to_string_pretty(&reports)?;
        io(writeln!(out, "{text}"))?;
    }
    out.finish()?;
    io(files::report_skipped(&mut err, &found.skipped, a.verbose))?;
    if found.inputs.is_empty() && found.problems.is_empty() {
        return Err(Error::NoTranscripts);
    }
    Ok(if any_failed { 2 } else { 0 })
}

fn rules(a: RulesArgs) -> Result<u8, Error> {
    let mut out = Out::new(a.output.output.as_deref(), a.color)?;
    match a.format {
        ListFormat::Json => {
            let text = serde_json::to_string_pretty(candor::rules())?;
            io(writeln!(out, "{text}"))?;
        }
        ListFormat::Human if a.output.quiet => {
            for r in candor::rules() {
                io(writeln!(out, "{}", r.id))?;
            }
        }
        ListFormat::Human => {
            for r in candor::rules() {
                let sev = severity_style(r.severity);
                io(writeln!(
                    out,
                    "{BOLD}{:<24}{BOLD:#} {sev}{:<8}{sev:#} {}",
                    r.id,
                    r.severity.as_str(),
                    r.summary
                ))?;
            }
            io(writeln!(
                out,
                "\n{DIM}`candor explain RULE` explains one, with examples.{DIM:#}"
            ))?;
        }
    }
    out.finish()?;
    Ok(0)
}

/// Wraps text at `width` columns with an indent.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(indent);
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(indent);
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn explain(a: ExplainArgs) -> Result<u8, Error> {
    let Some(r) = candor::rule(a.rule.trim()) else {
        let ids: Vec<&str> = candor::rules().iter().map(|r| r.id).collect();
        return Err(crate::settings::unknown_rule("", &a.rule, &ids));
    };
    let mut out = Out::new(a.output.output.as_deref(), a.color)?;
    if a.output.quiet {
        io(writeln!(out, "{}: {}", r.id, r.summary))?;
        io(writeln!(out, "help: {}", r.help))?;
        out.finish()?;
        return Ok(0);
    }
    let sev = severity_style(r.severity);
    let scope = match r.scope {
        candor::Scope::Sentence => "judges each interviewer sentence",
        candor::Scope::Turn => "judges each interviewer turn",
        candor::Scope::Transcript => "judges the whole transcript",
    };
    io(writeln!(
        out,
        "{BOLD}{}{BOLD:#} {sev}{}{sev:#} {DIM}({scope}){DIM:#}\n",
        r.id,
        r.severity.as_str()
    ))?;
    io(writeln!(out, "{BOLD}{}{BOLD:#}\n", capitalise(r.summary)))?;
    io(write!(out, "{}", wrap(r.explanation, 78, "")))?;
    io(writeln!(out))?;
    for ex in r.examples {
        io(writeln!(
            out,
            "  {}bad:{:#}    {}",
            render::ERROR,
            render::ERROR,
            ex.bad
        ))?;
        io(writeln!(out, "  {HELP}better:{HELP:#} {}", ex.better))?;
        io(writeln!(out))?;
    }
    io(writeln!(out, "{GUTTER}help:{GUTTER:#} {}", r.help))?;
    io(writeln!(out))?;
    io(write!(out, "{}", configure(r)))?;
    out.finish()?;
    Ok(0)
}

/// How to change what a rule judges by, or turn it off: lines of `candor.toml` made from
/// the keys the parser reads.
fn configure(r: &candor::RuleInfo) -> String {
    let lines = r.configuration();
    let width = lines
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    let mut s = String::from("In candor.toml:\n");
    for (line, what) in lines {
        s.push_str(&format!("  {line:<width$}  # {what}\n"));
    }
    s
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn init(a: InitArgs) -> Result<u8, Error> {
    if a.path.exists() && !a.force {
        return Err(Error::Exists(a.path));
    }
    std::fs::write(&a.path, candor::Config::starter()).map_err(|source| Error::Write {
        path: a.path.clone(),
        source,
    })?;
    println!(
        "wrote {}: edit it, then run `candor lint`",
        a.path.display()
    );
    Ok(0)
}

fn eval(a: EvalArgs) -> Result<u8, Error> {
    if a.cv.is_none() && a.training.options() != candor::learn::Options::default() {
        return Err(Error::TrainingWithoutCv);
    }
    let config = match &a.config {
        Some(p) => {
            let src = std::fs::read_to_string(p).map_err(|source| Error::Read {
                path: p.clone(),
                source,
            })?;
            candor::Config::from_toml(&src, &p.display().to_string())?
        }
        None => candor::Config::default(),
    };
    let cases = crate::train::load_all(&a.dirs)?;
    if let Some(folds) = a.cv {
        // Each case's interviewers, for folds by host (read only then).
        let hosts: Vec<Vec<String>> = if a.cv_by_host {
            cases
                .iter()
                .map(|c| c.labels.interviewers.clone())
                .collect()
        } else {
            Vec::new()
        };
        let by = if a.cv_by_host {
            candor::learn::Grouping::Host(&hosts)
        } else if a.cv_by_batch {
            candor::learn::Grouping::Batch
        } else {
            candor::learn::Grouping::Interview
        };
        return crate::train::cross_validate(
            &cases,
            &config,
            folds,
            by,
            &a.training.options(),
            a.verbose,
            a.output.output.as_deref(),
        );
    }
    let e = candor::eval::evaluate(&config, &cases)?;
    let mut out = Out::new(a.output.output.as_deref(), crate::args::ColorChoice::Never)?;
    if a.output.quiet {
        for line in e.markdown().lines().filter(|l| l.contains("**all")) {
            io(writeln!(out, "{line}"))?;
        }
        out.finish()?;
        return Ok(0);
    }
    io(write!(out, "{}", e.markdown()))?;
    if a.verbose {
        io(writeln!(out))?;
        for m in &e.misses {
            let kind = if m.kind == "false-positive" {
                "false positive"
            } else {
                "missed"
            };
            if m.line == 0 {
                io(writeln!(out, "{}: {kind}: {}", m.case, m.rule))?;
            } else {
                io(writeln!(
                    out,
                    "{}:{}: {kind}: {}: {}",
                    m.case, m.line, m.rule, m.text
                ))?;
            }
        }
    }
    out.finish()?;
    Ok(0)
}

/// `candor completions SHELL`: the shell's completion script.
fn completions(a: CompletionsArgs) -> Result<u8, Error> {
    let mut out = Out::new(a.output.output.as_deref(), crate::args::ColorChoice::Never)?;
    let mut cmd = Cli::command();
    // Into memory first: clap_complete panics when its writer fails (a closed pipe, as in
    // `candor completions bash | head`), and `Out` turns that into a quiet exit.
    let mut script = Vec::new();
    clap_complete::generate(a.shell, &mut cmd, "candor", &mut script);
    io(std::io::Write::write_all(&mut out, &script))?;
    out.finish()?;
    Ok(0)
}

/// `candor man`: the manual page, with a section per subcommand.
fn man(a: ManArgs) -> Result<u8, Error> {
    let mut out = Out::new(a.output.output.as_deref(), crate::args::ColorChoice::Never)?;
    io(crate::man::render(&mut out))?;
    out.finish()?;
    Ok(0)
}
