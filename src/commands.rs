//! What each subcommand does.

use std::io::Write;

use candor::{Report, Severity};

use crate::args::{
    Cli, Command, EvalArgs, ExplainArgs, InitArgs, LintArgs, LintFormat, ListFormat, RulesArgs,
    StatsArgs, StatsFormat,
};
use crate::error::Error;
use crate::files::{self, Input};
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
    }
}

/// Writes to stdout, treating a closed pipe (`candor lint … | head`) as the end.
fn io(r: std::io::Result<()>) -> Result<(), Error> {
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
    let path = input.display();
    let analyzer = settings.analyzer_for(&input.dir())?;
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

fn lint(a: LintArgs) -> Result<u8, Error> {
    let found = files::find(&a.paths, &a.globs)?;
    let mut overrides = Overrides::from_common(&a.common);
    overrides.profile = a.profile.clone();
    overrides.select = a.select.clone();
    overrides.ignore = a.ignore.clone();
    overrides.explain = a.explain;
    overrides.min_confidence = a.min_confidence;
    let mut settings = Settings::new(&a.common, overrides)?;
    let mut out = render::stdout(a.common.color);
    let mut err = render::stderr(a.common.color);
    let mut tally = human::Tally::default();
    let mut collected: Vec<(String, Report)> = Vec::new();
    let mut worst: Option<Severity> = None;
    let mut any_failed = false;

    let mut emit = |an: Analysed, out: &mut dyn Write, err: &mut dyn Write| -> Result<(), Error> {
        let r = &an.report;
        tally.add(r);
        worst = worst.max(r.max_severity());
        if let Some(e) = &r.error {
            any_failed = true;
            io(human::file_error(err, &an.path, &human::error_message(e)))?;
        }
        match a.format {
            LintFormat::Human => {
                if r.error.is_none() {
                    if !a.quiet {
                        let lines: Option<Vec<&str>> =
                            an.source.as_deref().map(|s| s.split('\n').collect());
                        for f in &r.findings {
                            io(human::finding(out, &an.path, lines.as_deref(), r, f))?;
                        }
                        io(human::warnings(out, &an.path, r))?;
                    }
                    io(human::file_summary(out, &an.path, r))?;
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
    match a.format {
        LintFormat::Human => {
            if tally.files > 1 || tally.failed > 0 || a.quiet {
                io(writeln!(out))?;
            }
            io(human::totals(&mut out, &tally))?;
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
    let found = files::find(&a.paths, &a.globs)?;
    let mut settings = Settings::new(&a.common, Overrides::from_common(&a.common))?;
    let mut out = render::stdout(a.common.color);
    let mut err = render::stderr(a.common.color);
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
                    io(render::stats::report(&mut out, &an.path, &an.report))?;
                    io(human::warnings(&mut out, &an.path, &an.report))?;
                }
            }
            StatsFormat::Json => reports.push(an.report),
        }
    }
    if a.format == StatsFormat::Json {
        let text = serde_json::to_string_pretty(&reports)?;
        io(writeln!(out, "{text}"))?;
    }
    io(files::report_skipped(&mut err, &found.skipped, a.verbose))?;
    if found.inputs.is_empty() && found.problems.is_empty() {
        return Err(Error::NoTranscripts);
    }
    Ok(if any_failed { 2 } else { 0 })
}

fn rules(a: RulesArgs) -> Result<u8, Error> {
    let mut out = render::stdout(a.color);
    match a.format {
        ListFormat::Json => {
            let text = serde_json::to_string_pretty(candor::rules())?;
            io(writeln!(out, "{text}"))?;
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
    let Some(r) = candor::rule(&a.rule) else {
        let ids: Vec<&str> = candor::rules().iter().map(|r| r.id).collect();
        return Err(Error::UnknownRule {
            rule: a.rule,
            known: ids.join(", "),
        });
    };
    let mut out = render::stdout(a.color);
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
    Ok(0)
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
        return crate::train::cross_validate(&cases, &config, folds, &a.training.options());
    }
    let e = candor::eval::evaluate(&config, &cases)?;
    let mut out = std::io::stdout();
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
    Ok(0)
}
