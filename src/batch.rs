//! The batch pipeline of `candor score`: the inputs found, sorted by path and each taken
//! once; analysed on a thread pool and handed on one by one in input order, so the output
//! never depends on the thread count; and the progress bar.
//!
//! Workers run at most [`WINDOW`] items ahead of the row being written, so the reports held
//! at once, and the memory, do not grow with the number of files.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::{Arc, Mutex};

use candor::{Analyzer, Report};

use crate::error::Error;
use crate::files::{Found, Input};
use crate::settings::Settings;

/// An input to score: its display path and its analyser, or why it failed before analysis.
pub struct Item {
    pub path: String,
    input: Option<Input>,
    analyzer: Option<Arc<Analyzer>>,
    problem: Option<String>,
}

impl Item {
    /// The talk-ratio threshold of the configuration that governs it.
    pub fn talk_ratio_threshold(&self) -> Option<f64> {
        self.analyzer
            .as_ref()
            .map(|a| a.config().talk_ratio_threshold())
    }
}

/// Where each finding's offending words sit in its `text` (byte ranges), for the HTML
/// report to mark; found from the decoded source while it is at hand, on the worker.
pub type Marks = Vec<Option<Range<usize>>>;

/// The inputs found, with their analysers, sorted by path and each taken once. Paths that
/// could not be walked are items too, so that each becomes an error row.
pub fn items(found: Found, settings: &mut Settings) -> Result<Vec<Item>, Error> {
    let mut items: Vec<Item> = Vec::new();
    for (input, problem) in found.problems {
        items.push(Item {
            path: input.display(),
            input: None,
            analyzer: None,
            problem: Some(problem),
        });
    }
    for input in found.inputs {
        let analyzer = settings.analyzer_for(&input)?;
        items.push(Item {
            path: settings.name_of(&input),
            input: Some(input),
            analyzer: Some(analyzer),
            problem: None,
        });
    }
    items.sort_by(|x, y| x.path.cmp(&y.path));
    items.dedup_by(|x, y| x.path == y.path);
    Ok(items)
}

/// Analyses one item; with `marks`, also finds where each finding's words are in its text.
fn analyse(item: &Item, format: Option<candor::Format>, marks: bool) -> (Report, Marks) {
    let path = item.path.clone();
    if let Some(p) = &item.problem {
        return (Report::error(path, p.clone(), None), Vec::new());
    }
    let (Some(input), Some(analyzer)) = (&item.input, &item.analyzer) else {
        return (Report::error(path, "nothing to read", None), Vec::new());
    };
    let (mut report, found) = match input.read() {
        Ok(bytes) => match candor::decode(&bytes) {
            Ok(d) => {
                let report = analyzer.analyze_decoded(&d, format);
                let found = if marks {
                    crate::render::html::marks(&d.text, &report.findings)
                } else {
                    Vec::new()
                };
                (report, found)
            }
            Err(e) => (Report::failed("", &e), Vec::new()),
        },
        Err(e) => (Report::error(path.clone(), e.to_string(), None), Vec::new()),
    };
    report.path = path;
    (report, found)
}

/// A pool of `jobs` threads (by default one per core), and how many it has.
pub fn pool(jobs: Option<usize>) -> Result<(rayon::ThreadPool, usize), Error> {
    let jobs = jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|source| Error::Threads { jobs, source })?;
    Ok((pool, jobs))
}

/// How far ahead of the next row to write the workers may run: bounds the reports held
/// while a long file is still being analysed, so memory does not grow with the batch.
const WINDOW: usize = 256;

/// Analyses `items` on the pool's threads and hands each report (with its [`Marks`] when
/// `marks` is set, else none) to `handle` in the items' order, as soon as it and all before it are done. Workers claim items in order, so the
/// rows written so far are always a prefix and nothing waits for a whole batch; a worker
/// more than [`WINDOW`] items ahead of the writer waits for it.
pub fn in_order(
    pool: &rayon::ThreadPool,
    jobs: usize,
    items: &[Item],
    format: Option<candor::Format>,
    marks: bool,
    handle: &mut dyn FnMut(&Item, &Report, &Marks) -> Result<(), Error>,
) -> Result<(), Error> {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::{Condvar, mpsc};

    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // How many rows have been handed on, for the window.
    let written = (Mutex::new(0usize), Condvar::new());
    let (tx, rx) = mpsc::sync_channel::<(usize, (Report, Marks))>(2 * jobs);
    std::thread::scope(|scope| {
        let (next, stop, written) = (&next, &stop, &written);
        scope.spawn(move || {
            pool.scope(|s| {
                for _ in 0..jobs {
                    let tx = tx.clone();
                    s.spawn(move |_| {
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            if i >= items.len() || stop.load(Ordering::Relaxed) {
                                return;
                            }
                            {
                                let (lock, cv) = written;
                                let mut done = lock.lock().unwrap_or_else(|e| e.into_inner());
                                while i >= *done + WINDOW && !stop.load(Ordering::Relaxed) {
                                    done = cv.wait(done).unwrap_or_else(|e| e.into_inner());
                                }
                            }
                            if tx.send((i, analyse(&items[i], format, marks))).is_err() {
                                return;
                            }
                        }
                    });
                }
            });
            drop(tx);
        });
        let mut pending: BTreeMap<usize, (Report, Marks)> = BTreeMap::new();
        let mut want = 0;
        let mut result = Ok(());
        for (i, done) in rx.iter() {
            pending.insert(i, done);
            while let Some((report, marks)) = pending.remove(&want) {
                if result.is_ok() {
                    result = handle(&items[want], &report, &marks);
                }
                want += 1;
            }
            if result.is_err() {
                // Stop the workers; keep draining so none blocks on a full channel.
                stop.store(true, Ordering::Relaxed);
            }
            let (lock, cv) = written;
            *lock.lock().unwrap_or_else(|e| e.into_inner()) = want;
            cv.notify_all();
        }
        result?;
        if want < items.len() {
            return Err(Error::NotAnalysed {
                missing: items.len() - want,
                total: items.len(),
            });
        }
        Ok(())
    })
}

/// Files per second as a person reads it: whole files from ten a second, one decimal below.
fn rate(per_sec: f64) -> String {
    if !per_sec.is_finite() || per_sec <= 0.0 {
        "– files/s".to_string()
    } else if per_sec >= 10.0 {
        format!("{per_sec:.0} files/s")
    } else {
        format!("{per_sec:.1} files/s")
    }
}

/// A progress bar on standard error, for batches of more than five files unless turned off.
pub struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    pub fn new(len: usize, show: bool) -> Self {
        if !show || len <= 5 {
            return Progress(None);
        }
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(len as u64),
            indicatif::ProgressDrawTarget::stderr(),
        );
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} files, {rate}, {eta} left",
            )
            .map(|s| {
                s.with_key(
                    "rate",
                    |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                        let _ = w.write_str(&rate(state.per_sec()));
                    },
                )
            })
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Progress(Some(bar))
    }

    /// Runs `f` (which prints) with the bar out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.0 {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    pub fn inc(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }

    pub fn finish(self) {
        if let Some(bar) = self.0 {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem_items(n: usize) -> Vec<Item> {
        (0..n)
            .map(|i| Item {
                path: format!("f{i:05}"),
                input: None,
                analyzer: None,
                problem: Some(format!("problem {i}")),
            })
            .collect()
    }

    #[test]
    fn the_rate_is_rounded_for_people() {
        assert_eq!(rate(1169.7293), "1170 files/s");
        assert_eq!(rate(12.449), "12 files/s");
        assert_eq!(rate(3.26), "3.3 files/s");
        assert_eq!(rate(0.0), "– files/s");
        assert_eq!(rate(f64::INFINITY), "– files/s");
    }

    #[test]
    fn reports_come_out_in_order_past_the_window() {
        let items = problem_items(3 * WINDOW + 7);
        for jobs in [1, 2, 4] {
            let (pool, jobs) = pool(Some(jobs)).unwrap();
            let mut seen = Vec::new();
            in_order(&pool, jobs, &items, None, false, &mut |item, report, _| {
                assert_eq!(report.path, item.path);
                seen.push(report.path.clone());
                Ok(())
            })
            .unwrap();
            let want: Vec<String> = items.iter().map(|i| i.path.clone()).collect();
            assert_eq!(seen, want, "{jobs} threads");
        }
    }

    #[test]
    fn a_failing_writer_stops_the_batch_without_hanging() {
        let items = problem_items(2 * WINDOW);
        let (pool, jobs) = pool(Some(2)).unwrap();
        let mut n = 0;
        let r = in_order(&pool, jobs, &items, None, false, &mut |_, _, _| {
            n += 1;
            if n == 10 {
                Err(std::io::Error::other("disk full").into())
            } else {
                Ok(())
            }
        });
        assert_eq!(r.unwrap_err().to_string(), "disk full");
        assert_eq!(n, 10, "nothing is written after the failure");
    }
}
