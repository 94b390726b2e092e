//! The learned layer from the command line: `candor train` (fit and write the weights) and
//! `candor eval --cv` (grouped cross-validation of patterns, model and their combination).

use std::io::Write;

use candor::eval::{Case, Counts};
use candor::learn::{self, Options, Validation, Variant};

use crate::args::TrainArgs;
use crate::error::Error;
use crate::output::AtomicFile;

/// Every labelled case under the folders, read one level down where a folder holds folders.
pub fn load_all(dirs: &[std::path::PathBuf]) -> Result<Vec<Case>, Error> {
    let mut cases = Vec::new();
    for dir in dirs {
        cases.extend(crate::eval::load_tree(dir)?);
    }
    if cases.is_empty() {
        return Err(Error::NoLabels);
    }
    Ok(cases)
}

/// `candor train DIR... -o FILE`.
pub fn train(a: TrainArgs) -> Result<u8, Error> {
    let cases = load_all(&a.dirs)?;
    let o = a.training.options();
    let lines = learn::training_lines(&candor::Config::default(), &cases, &o)?;
    let model = learn::train(&lines, &o);
    let bytes = model.to_bytes();
    let mut f = AtomicFile::create(&a.output)?;
    f.writer()
        .write_all(&bytes)
        .map_err(|source| Error::Write {
            path: a.output.clone(),
            source,
        })?;
    f.commit()?;
    let mut out = std::io::stdout();
    writeln!(
        out,
        "{} cases, {} interviewer lines; {} ({} bytes)",
        cases.len(),
        lines.len(),
        a.output.display(),
        bytes.len()
    )?;
    writeln!(
        out,
        "| rule | mode | threshold | on long turns | without context | pattern precision | trusted pattern reasons |"
    )?;
    writeln!(out, "|---|---|---:|---:|---:|---:|---|")?;
    for r in &model.rows {
        let alone = if r.mode != learn::Mode::Context {
            "–".to_string()
        } else if r.fallback == learn::Mode::Patterns {
            "patterns".to_string()
        } else {
            format!("{} {:.3}", r.fallback.name(), r.alone)
        };
        writeln!(
            out,
            "| `{}` | {} | {:.3} | {:.3} | {alone} | {:.2} | {} |",
            r.rule_id(),
            r.mode.name(),
            r.threshold,
            r.long,
            r.pattern_precision,
            r.trusted.join("; ")
        )?;
    }
    writeln!(
        out,
        "\n| rule | pattern reason | lines flagged | labelled | precision, weighed |"
    )?;
    writeln!(out, "|---|---|---:|---:|---:|")?;
    for (id, stats) in learn::rule_ids().iter().zip(learn::reason_stats(&lines)) {
        for s in stats {
            writeln!(
                out,
                "| `{id}` | {} | {} | {} | {:.2} |",
                s.reason,
                s.flagged,
                s.labelled,
                s.weighted_precision()
            )?;
        }
    }
    Ok(0)
}

/// `candor eval DIR... --cv K`: the cross-validated table.
pub fn cross_validate(
    cases: &[Case],
    config: &candor::Config,
    folds: usize,
    grouping: learn::Grouping<'_>,
    o: &Options,
    verbose: bool,
    output: Option<&std::path::Path>,
) -> Result<u8, Error> {
    let lines = learn::training_lines(config, cases, o)?;
    let names: Vec<String> = cases.iter().map(|c| c.name.clone()).collect();
    let v = learn::cross_validate(&lines, &names, grouping, o, folds.max(2));
    let by = grouping.describe();
    let mut text = markdown(&v, by);
    if verbose {
        text.push('\n');
        text.push_str(&errors(&v, cases));
    }
    let mut out = crate::output::Out::new(output, crate::args::ColorChoice::Never)?;
    write!(out, "{text}")?;
    out.finish()?;
    Ok(0)
}

/// Every held-out line the combined decision got wrong, as `eval -v` lists them, with the
/// model's probability for the rule (whatever the rule's mode: in `patterns` mode the
/// patterns decided, and the probability only says what the model thought).
fn errors(v: &Validation, cases: &[Case]) -> String {
    let mut s = String::new();
    // The lines of the case being listed, split once per case (errors come case by case).
    let mut source: Option<(usize, Vec<String>)> = None;
    for e in &v.errors {
        let Some(case) = cases.get(e.case) else {
            continue;
        };
        if source.as_ref().is_none_or(|(c, _)| *c != e.case) {
            let text = String::from_utf8_lossy(&case.transcript);
            source = Some((e.case, text.lines().map(str::to_string).collect()));
        }
        let text = source
            .as_ref()
            .and_then(|(_, lines)| lines.get((e.line as usize).saturating_sub(1)))
            .map_or("", String::as_str);
        let kind = if e.false_alarm {
            "false positive"
        } else {
            "missed"
        };
        s.push_str(&format!(
            "{}:{}: {kind}: {} (model {:.2}): {text}\n",
            case.name, e.line, e.rule, e.score
        ));
    }
    s
}

fn cell(c: &Counts) -> String {
    format!("{:.2} / {:.2} / {:.2}", c.precision(), c.recall(), c.f1())
}

/// The cross-validation as Markdown: per rule precision / recall / F1 of each way of
/// deciding, then the combined decision by group of cases. `by` names what the folds keep
/// together ("interview", "batch", …).
pub fn markdown(v: &Validation, by: &str) -> String {
    let ids = learn::rule_ids();
    let mut s = format!(
        "{} interviewer lines, {}-fold cross-validation grouped by {by}; \
         precision / recall / F1 on held-out cases.\n\n",
        v.lines, v.folds
    );
    s.push_str("| rule | labelled | patterns | model alone | combined | modes chosen |\n");
    s.push_str("|---|---:|---|---|---|---|\n");
    for (r, id) in ids.iter().enumerate() {
        let c = &v.combined.rules[r];
        let mut modes: Vec<&str> = v.modes.iter().map(|m| m[r].name()).collect();
        modes.sort_unstable();
        modes.dedup();
        s.push_str(&format!(
            "| `{id}` | {} | {} | {} | {} | {} |\n",
            c.true_positives + c.false_negatives,
            cell(&v.patterns.rules[r]),
            cell(&v.model.rules[r]),
            cell(c),
            modes.join(", ")
        ));
    }
    let summary = |x: &Variant| {
        format!(
            "macro-F1 {:.3}, lowest precision {:.3}",
            x.macro_f1(),
            x.min_precision()
        )
    };
    s.push_str(&format!(
        "\nPatterns: {}. Model alone: {}. Combined: {}.\n",
        summary(&v.patterns),
        summary(&v.model),
        summary(&v.combined)
    ));
    // fixtures/labelled's development (`dev`) and project (`ext`) cases are the ones the
    // patterns were tuned on: on them the patterns' findings are a fit, not an estimate.
    let fitted = |g: &str| g == "dev" || g == "ext";
    if v.by_group.keys().any(|g| fitted(g)) {
        let (held, n) = v.pooled(|g| !fitted(g));
        s.push_str(&format!(
            "On the {n} lines of cases the patterns were not tuned on (all but `dev` and \
             `ext`): combined {}, {:.1} false alarms per 100 lines.\n",
            summary(&held),
            held.false_alarms_per_100(n)
        ));
    }
    s.push_str("\n| cases | lines | combined macro-F1 | false alarms per 100 lines |\n");
    s.push_str("|---|---:|---:|---:|\n");
    for (g, (x, n)) in &v.by_group {
        s.push_str(&format!(
            "| {g} | {n} | {:.3} | {:.1} |\n",
            x.macro_f1(),
            x.false_alarms_per_100(*n)
        ));
    }
    // Where each group's false alarms come from, rule by rule.
    s.push_str(
        "\nFalse alarms by rule (lines flagged that the labels do not give the rule):\n\n| cases |",
    );
    for id in &ids {
        s.push_str(&format!(" `{id}` |"));
    }
    s.push_str("\n|---|");
    s.push_str(&"---:|".repeat(ids.len()));
    s.push('\n');
    for (g, (x, _)) in &v.by_group {
        s.push_str(&format!("| {g} |"));
        for c in &x.rules {
            s.push_str(&format!(" {} |", c.false_positives));
        }
        s.push('\n');
    }
    s
}
