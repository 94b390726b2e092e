//! `candor score`: runs the batch and routes what it yields: rows to the chosen format on
//! standard output or a file, the summary to whoever reads it, the HTML page, and the
//! exit code.

use std::io::{BufWriter, Write};

use candor::{Report, Severity};

use crate::args::{ScoreArgs, ScoreFormat};
use crate::batch::{self, Item, Progress};
use crate::error::Error;
use crate::files;
use crate::output::{self, AtomicFile};
use crate::render::{self, human, rows::Sink, table};
use crate::settings::{Overrides, Settings};
use crate::summary::{Row, Summary};

pub fn score(a: ScoreArgs) -> Result<u8, Error> {
    // Before the walk, which reads the files it finds to tell transcripts from the rest.
    output::install_interrupt_handler();
    let mut settings = Settings::new(&a.common, Overrides::from_common(&a.common))?;
    let Some(mut found) =
        crate::commands::inputs(&a.paths, &a.globs, &mut settings, &a.common, &a.output)?
    else {
        return Ok(0);
    };
    let skipped = std::mem::take(&mut found.skipped);
    let items = batch::items(found, &mut settings)?;
    // Files that are not transcripts are counted on standard error, after the summary.
    let report_skipped =
        |color| files::report_skipped(&mut render::stderr(color), &skipped, a.verbose);
    if items.is_empty() {
        report_skipped(a.common.color)?;
        return Err(Error::NoTranscripts);
    }
    let (pool, jobs) = batch::pool(a.jobs)?;

    let color = a.common.color;
    let quiet = a.output.quiet;
    let mut out_file = match &a.output.output {
        Some(p) => Some(AtomicFile::create(p)?),
        None => None,
    };
    let mut html = match &a.html {
        Some(p) => Some(render::html::Builder::new(
            p,
            html_context(&a, &settings, &skipped),
        )?),
        None => None,
    };
    let writer: Box<dyn Write> = match &mut out_file {
        Some(f) => Box::new(BufWriter::new(f.writer().try_clone()?)),
        None => Box::new(BufWriter::new(render::stdout(color))),
    };
    let mut sink = Sink::new(a.format, writer)?;
    let mut summary = Summary::new(a.group_by);
    let mut err = render::stderr(color);
    let progress = Progress::new(items.len(), !a.no_progress && !quiet);

    let marks = html.is_some();
    let mut worst: Option<Severity> = None;
    let mut handle = |item: &Item, report: &Report, marks: &batch::Marks| -> Result<(), Error> {
        let row = Row::new(&item.path, report);
        if let Some(e) = &report.error {
            let line = format!("{}: {}", item.path, human::error_message(e));
            progress.suspend(|| human::print_error(&mut err, &line))?;
        }
        worst = worst.max(report.max_severity());
        sink.row(&row)?;
        summary.add(&row);
        if let Some(h) = &mut html {
            h.row(&row, item.talk_ratio_threshold(), marks)?;
        }
        progress.inc();
        Ok(())
    };
    batch::in_order(&pool, jobs, &items, settings.format, marks, &mut handle)?;
    progress.finish();

    let mut writer = sink.finish()?;
    let summary_to_stdout = a.format == ScoreFormat::Table && a.output.output.is_none();
    if summary_to_stdout && !quiet {
        table::summary(&mut writer, &summary)?;
    }
    writer.flush()?;
    drop(writer);
    if let Some(f) = out_file {
        f.commit()?;
    }
    if !summary_to_stdout && !quiet {
        // Rows went to a file or are machine output: the summary is for the person on stderr.
        let mut out: Box<dyn Write> = if a.output.output.is_some() {
            Box::new(render::stdout(color))
        } else {
            Box::new(render::stderr(color))
        };
        table::summary(&mut out, &summary)?;
    }
    if let Some(h) = html {
        h.finish(&summary)?;
    }
    report_skipped(color)?;
    if summary.errors > 0 {
        return Ok(2);
    }
    Ok(match (a.fail_on.threshold(), worst) {
        (Some(t), Some(w)) if w >= t => 1,
        _ => 0,
    })
}

/// What the HTML page says about how it was made.
fn html_context(
    a: &ScoreArgs,
    settings: &Settings,
    skipped: &[(std::path::PathBuf, String)],
) -> render::html::Context {
    let shown = |p: &std::path::Path| crate::settings::shown(p);
    render::html::Context {
        generated: render::html::generated_at(),
        inputs: a.paths.iter().map(|p| p.display().to_string()).collect(),
        globs: a.globs.clone(),
        configs: settings
            .used()
            .into_iter()
            .map(|(files, c)| render::html::ConfigUsed {
                files: files.iter().rev().map(|p| shown(p)).collect(),
                profile: c.profile.name(),
                talk_ratio: c.talk_ratio_threshold(),
                select: c.select.clone(),
                ignore: c.ignore.clone(),
            })
            .collect(),
        skipped: skipped
            .iter()
            .map(|(p, why)| (shown(p), why.clone()))
            .collect(),
    }
}
