//! `candor score --html`: one self-contained page, no network, inline SVG charts and a
//! sortable table whose rows open to their findings. Rows are streamed to a temporary
//! file while the batch runs, so the page costs no memory per interview.

use std::fmt::Write as _;
use std::io::{BufWriter, Read, Seek, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

use candor::Finding;

use super::human::plural;
use crate::error::Error;
use crate::output::AtomicFile;
use crate::summary::{Row, Summary, is_generic_label};

/// What the page says about how it was made, at its top.
pub struct Context {
    /// When: `SOURCE_DATE_EPOCH` when set, else now; as `2025-03-14 09:30 UTC`.
    pub generated: String,
    /// The paths given on the command line, and the `--glob` filters.
    pub inputs: Vec<String>,
    pub globs: Vec<String>,
    /// Each configuration the files were judged under: the files read (none: the defaults),
    /// the profile, the talk-ratio threshold, and the rules selected and ignored.
    pub configs: Vec<ConfigUsed>,
    /// Files found but passed over as not transcripts, with why.
    pub skipped: Vec<(String, String)>,
}

pub struct ConfigUsed {
    pub files: Vec<String>,
    pub profile: &'static str,
    pub talk_ratio: f64,
    pub select: Vec<String>,
    pub ignore: Vec<String>,
}

/// How many files not judged, or skipped, the page names (all are counted).
const LISTED: usize = 50;

/// `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds convention) when set
/// and valid, else the clock; as a UTC date and time to the minute.
pub fn generated_at() -> String {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    utc(secs)
}

/// Seconds since 1970 as `YYYY-MM-DD HH:MM UTC` (the proleptic Gregorian calendar).
fn utc(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
        rem / 3600,
        rem % 3600 / 60
    )
}

/// Why a report was not judged, in words: its last "not judged" warning.
fn not_judged_why(r: &candor::Report) -> Option<&str> {
    r.warnings
        .iter()
        .rfind(|w| w.message.starts_with("not judged"))
        .map(|w| w.message.as_str())
}

/// Where each finding's offending words are in its `text`, as a byte range, found from the
/// decoded source: the words are the source's characters from `column` (on `line`) to
/// `end_column` (on `end_line`), looked for in the sentence. `None` where they cannot be
/// found there (the sentence was cut, or markup sits inside the words).
pub fn marks(source: &str, findings: &[Finding]) -> Vec<Option<Range<usize>>> {
    if findings.is_empty() {
        return Vec::new();
    }
    let lines: Vec<&str> = source
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let chars = |line: u32, from: u32, to: Option<u32>| -> Option<&str> {
        let l = lines.get((line as usize).checked_sub(1)?)?;
        let byte = |col: u32| {
            l.char_indices()
                .nth(col.saturating_sub(1) as usize)
                .map_or(l.len(), |(b, _)| b)
        };
        let (a, b) = (byte(from), to.map_or(l.len(), byte));
        l.get(a..b.max(a))
    };
    findings
        .iter()
        .map(|f| {
            let text = f.text.as_str();
            if f.end_line == f.line {
                let words = chars(f.line, f.column, Some(f.end_column))?.trim();
                if words.is_empty() {
                    return None;
                }
                let at = text.find(words)?;
                return Some(at..at + words.len());
            }
            // Words over several lines: from the first line's part to the last line's.
            let head = chars(f.line, f.column, None)?.trim();
            let tail = chars(f.end_line, 1, Some(f.end_column))?.trim();
            if head.is_empty() {
                return None;
            }
            let at = text.find(head)?;
            let end = text[at + head.len()..]
                .find(tail)
                .filter(|_| !tail.is_empty())
                .map_or(at + head.len(), |i| at + head.len() + i + tail.len());
            Some(at..end)
        })
        .collect()
}

/// The sentence, escaped, with the offending words in `<mark>`.
fn marked(text: &str, mark: Option<&Range<usize>>) -> String {
    match mark.filter(|r| text.get(r.start..r.end).is_some_and(|w| !w.is_empty())) {
        Some(r) => format!(
            "{}<mark>{}</mark>{}",
            esc(&text[..r.start]),
            esc(&text[r.clone()]),
            esc(&text[r.end..])
        ),
        None => esc(text),
    }
}

/// A score's colour band: below 40 reads like the labelled "bad" interviews, 65 and up
/// like the "good" ones (docs/scoring.md).
fn band(score: f64) -> &'static str {
    if score < 40.0 {
        "lo"
    } else if score < 65.0 {
        "mid"
    } else {
        "hi"
    }
}

/// Escapes text for HTML.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub struct Builder {
    target: PathBuf,
    rows: BufWriter<tempfile::NamedTempFile>,
    count: usize,
    context: Context,
    /// The first files not judged: path, reason, and why in words.
    not_judged: Vec<(String, &'static str, String)>,
}

impl Builder {
    pub fn new(target: &Path, context: Context) -> Result<Self, Error> {
        let rows = tempfile::NamedTempFile::new().map_err(Error::Temporary)?;
        Ok(Builder {
            target: target.to_path_buf(),
            rows: BufWriter::new(rows),
            count: 0,
            context,
            not_judged: Vec::new(),
        })
    }

    /// Adds an interview's row and its findings row (hidden by the page's script until the
    /// row is clicked), the offending words of each finding marked where `marks` has them;
    /// a talk ratio above `threshold` is flagged.
    pub fn row(
        &mut self,
        row: &Row,
        threshold: Option<f64>,
        marks: &[Option<Range<usize>>],
    ) -> Result<(), Error> {
        let r = row.report;
        let i = self.count;
        self.count += 1;
        let mut s = String::new();
        if let Some(e) = &r.error {
            let _ = writeln!(
                s,
                "<tr class=err data-u><td>{}</td><td colspan=6>error: {}</td></tr>",
                esc(row.path),
                esc(&e.message)
            );
        } else {
            let m = r.metrics.as_ref();
            let ratio = row.ratio();
            let talk = ratio
                .map(|x| format!("{:.0}%", x * 100.0))
                .unwrap_or_else(|| "–".into());
            let qs = m.map(|m| m.interviewer_questions).unwrap_or(0);
            let open = m
                .and_then(|m| m.open_question_ratio)
                .map(|x| format!(" ({:.0}% open)", x * 100.0))
                .unwrap_or_default();
            let score = r
                .score
                .map(|x| format!("{x:.0}"))
                .unwrap_or_else(|| "–".into());
            // Who interviews, and whether candor is sure of it.
            let who = match r.unsure_role() {
                Some(c) => format!(
                    "{} <span class=unsure title=\"found from the conversation, with confidence {:.0}%; name the interviewer with --interviewer\">(unsure)</span>",
                    esc(&row.interviewer),
                    c * 100.0
                ),
                None => esc(&row.interviewer),
            };
            let judged = r.is_judged();
            if !judged && self.not_judged.len() < LISTED {
                let why = not_judged_why(r).unwrap_or_default().to_string();
                let reason = r.reason.map_or("not judged", |x| x.as_str());
                self.not_judged.push((row.path.to_string(), reason, why));
            }
            let over = matches!((ratio, threshold), (Some(x), Some(t)) if x > t);
            let talk_class = if over { " class=over" } else { "" };
            let score_class = r.score.map_or("", band);
            let unscored = if r.score.is_none() { " data-u" } else { "" };
            let nf = if judged {
                r.findings.len().to_string()
            } else {
                "–".to_string()
            };
            let score = match r.reason {
                Some(reason) if !judged => format!("not judged: {reason}"),
                _ => score,
            };
            let _ = writeln!(
                s,
                "<tr class=row data-i={i}{unscored} tabindex=0><td data-v=\"{p}\">{p}</td><td>{who}</td><td>{month}</td><td data-v={rv}{talk_class}>{talk}</td><td data-v={qs}>{qs}{open}</td><td data-v={nfv}>{nf}</td><td data-v={sv} class=\"score {score_class}\">{score}</td></tr>",
                p = esc(row.path),
                month = esc(row.month.as_deref().unwrap_or("")),
                rv = ratio.unwrap_or(-1.0),
                nfv = if judged { r.findings.len() as i64 } else { -1 },
                sv = r.score.unwrap_or(-1.0),
            );
            let _ = write!(s, "<tr class=detail id=d{i}><td colspan=7>");
            if !judged {
                // Why it was not judged: never "No findings", which would read as clean.
                let why = not_judged_why(r).unwrap_or("not judged");
                let _ = write!(s, "<p>{}</p>", esc(why));
            } else if r.findings.is_empty() {
                s.push_str("<p>No findings.</p>");
            } else {
                s.push_str("<ol>");
                for (k, f) in r.findings.iter().enumerate() {
                    let _ = write!(
                        s,
                        "<li><span class=\"sev {sev}\">{sev}</span> <code>{rule}</code> line {line}, {who}: {msg}<blockquote>{text}</blockquote><p class=help>help: {help}</p></li>",
                        sev = f.severity.as_str(),
                        rule = esc(&f.rule),
                        line = f.line,
                        who = esc(&f.speaker),
                        msg = esc(&f.message),
                        text = marked(&f.text, marks.get(k).and_then(Option::as_ref)),
                        help = esc(&f.help)
                    );
                }
                s.push_str("</ol>");
            }
            s.push_str("</td></tr>\n");
        }
        self.rows.write_all(s.as_bytes())?;
        Ok(())
    }

    /// Writes the page: context, summary and charts, then the streamed rows.
    pub fn finish(self, summary: &Summary) -> Result<(), Error> {
        let Builder {
            target,
            rows,
            context,
            not_judged,
            ..
        } = self;
        let mut rows = rows.into_inner().map_err(|e| Error::Io(e.into_error()))?;
        let mut page = AtomicFile::create(&target)?;
        let w = page.writer();
        w.write_all(head(summary, &context, &not_judged).as_bytes())?;
        rows.as_file_mut().rewind()?;
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = rows.as_file_mut().read(&mut buf)?;
            if n == 0 {
                break;
            }
            w.write_all(&buf[..n])?;
        }
        w.write_all(TAIL.as_bytes())?;
        page.commit()
    }
}

const W: f64 = 560.0;

/// A column of a vertical bar chart.
struct Col {
    /// Under the bar, and a second line under that (a count).
    label: String,
    sub: String,
    value: f64,
    /// Shown on hover.
    tip: String,
    /// Extra classes of the bar (`over`, a score band).
    class: &'static str,
}

/// A vertical bar chart: a y axis with `ticks`, labels under the bars, values above, and
/// dashed lines at the `marks` (a fraction of the width, and their text).
fn columns(values: &[Col], max: f64, ticks: &[f64], marks: &[(f64, String)]) -> String {
    let (left, top, h) = (34.0, 30.0, 190.0);
    let subs = values.iter().any(|c| !c.sub.is_empty());
    let n = values.len().max(1) as f64;
    let bw = (W - left - 6.0) / n;
    let y = |v: f64| {
        if max > 0.0 {
            h - v / max * (h - top)
        } else {
            h
        }
    };
    let mut s = format!(
        "<svg viewBox=\"0 0 {W} {}\" role=img>",
        h + if subs { 44.0 } else { 28.0 }
    );
    for t in ticks {
        let yy = y(*t);
        let _ = write!(
            s,
            "<line x1={left} y1={yy:.1} x2={W} y2={yy:.1} class=gl /><text x={:.1} y={:.1} class=tick>{}</text>",
            left - 4.0,
            yy + 4.0,
            trim_num(*t),
        );
    }
    let _ = write!(
        s,
        "<line x1={left} y1={top} x2={left} y2={h} class=axis /><line x1={left} y1={h} x2={W} y2={h} class=axis />"
    );
    for (i, c) in values.iter().enumerate() {
        let x = left + i as f64 * bw;
        let _ = write!(
            s,
            "<g><title>{}</title><rect x={:.1} y={:.1} width={:.1} height={:.1} class=\"bar {}\" />",
            esc(&c.tip),
            x + 1.0,
            y(c.value),
            (bw - 2.0).max(1.0),
            h - y(c.value),
            c.class
        );
        if c.value > 0.0 {
            let _ = write!(
                s,
                "<text x={:.1} y={:.1} class=val>{}</text>",
                x + bw / 2.0,
                y(c.value) - 4.0,
                trim_num(c.value)
            );
        }
        if !c.label.is_empty() {
            let _ = write!(
                s,
                "<text x={:.1} y={:.1} class=lab>{}</text>",
                x + bw / 2.0,
                h + 16.0,
                esc(&c.label)
            );
        }
        if !c.sub.is_empty() {
            let _ = write!(
                s,
                "<text x={:.1} y={:.1} class=sub>{}</text>",
                x + bw / 2.0,
                h + 32.0,
                esc(&c.sub)
            );
        }
        s.push_str("</g>");
    }
    for (at, text) in marks {
        let x = left + at * (W - left - 6.0);
        let _ = write!(
            s,
            "<line x1={x:.1} y1={top} x2={x:.1} y2={h} class=mark /><text x={:.1} y=12 class=marktext>{}</text>",
            x + 4.0,
            esc(text)
        );
    }
    s.push_str("</svg>");
    s
}

/// A horizontal bar chart: a label, a bar (with extra classes) and a note per bar.
fn bars(values: &[(String, f64, String, String)], max: f64) -> String {
    let row = 22.0;
    let label_w = 190.0;
    let h = row * values.len().max(1) as f64 + 8.0;
    let mut s = format!("<svg viewBox=\"0 0 {W} {h}\" role=img>");
    for (i, (label, v, note, class)) in values.iter().enumerate() {
        let y = 4.0 + i as f64 * row;
        let bw = if max > 0.0 {
            v / max * (W - label_w - 150.0)
        } else {
            0.0
        };
        let _ = write!(
            s,
            "<g><title>{}: {}</title><text x={:.1} y={:.1} class=blab>{}</text><rect x={label_w} y={y:.1} width={bw:.1} height={:.1} class=\"bar {class}\" /><text x={:.1} y={:.1} class=bval>{}</text></g>",
            esc(label),
            esc(note),
            label_w - 6.0,
            y + 14.0,
            esc(&shorten(label, 28)),
            row - 6.0,
            label_w + bw + 6.0,
            y + 14.0,
            esc(note)
        );
    }
    s.push_str("</svg>");
    s
}

/// A label cut to `n` characters, with `…`, so that it stays left of its bar.
fn shorten(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let cut: String = s.chars().take(n - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// "2025-03" as "Mar", with the year on the first month and on each January.
fn month_label(m: &str, last_year: &mut String) -> String {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (year, month) = m.split_once('-').unwrap_or((m, ""));
    let name = month
        .parse::<usize>()
        .ok()
        .and_then(|i| NAMES.get(i.wrapping_sub(1)))
        .copied()
        .unwrap_or(month);
    if year != last_year {
        *last_year = year.to_string();
        format!("{name} {year}")
    } else {
        name.to_string()
    }
}

/// A bar's label: whole numbers (counts, and scores, which are read to the point) without
/// decimals; small fractions with one.
fn trim_num(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 || v.abs() >= 10.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// Ticks for a count axis from 0 to `max`: 0, the top, and a middle one when whole.
fn count_ticks(max: f64) -> Vec<f64> {
    let mut t = vec![0.0];
    if max >= 2.0 && (max / 2.0).fract() == 0.0 {
        t.push(max / 2.0);
    }
    if max > 0.0 {
        t.push(max);
    }
    t
}

/// A percentage as people read it: "40%", "37.5%".
fn pct(x: f64) -> String {
    let p = x * 100.0;
    if (p - p.round()).abs() < 0.05 {
        format!("{p:.0}%")
    } else {
        format!("{p:.1}%")
    }
}

/// How the page was made: when, from what, under which profile and configuration.
fn context(c: &Context) -> String {
    let mut out = String::from("<dl class=context>");
    let _ = write!(
        out,
        "<dt>generated</dt><dd>{} by candor {}</dd>",
        esc(&c.generated),
        env!("CARGO_PKG_VERSION")
    );
    let inputs: Vec<String> = c
        .inputs
        .iter()
        .map(|p| format!("<code>{}</code>", esc(p)))
        .collect();
    let globs = if c.globs.is_empty() {
        String::new()
    } else {
        let g: Vec<String> = c
            .globs
            .iter()
            .map(|p| format!("<code>{}</code>", esc(p)))
            .collect();
        format!(", files matching {}", g.join(" "))
    };
    let _ = write!(out, "<dt>from</dt><dd>{}{globs}</dd>", inputs.join(", "));
    for cfg in &c.configs {
        let _ = write!(
            out,
            "<dt>profile</dt><dd>{}: interviewer talk above {} is flagged</dd>",
            cfg.profile,
            pct(cfg.talk_ratio)
        );
        let files: Vec<String> = cfg
            .files
            .iter()
            .map(|p| format!("<code>{}</code>", esc(p)))
            .collect();
        let mut what = if files.is_empty() {
            "the defaults (no candor.toml)".to_string()
        } else {
            files.join(" under ")
        };
        if !cfg.select.is_empty() {
            let _ = write!(what, "; rules selected: {}", esc(&cfg.select.join(", ")));
        }
        if !cfg.ignore.is_empty() {
            let _ = write!(what, "; rules ignored: {}", esc(&cfg.ignore.join(", ")));
        }
        let _ = write!(out, "<dt>configuration</dt><dd>{what}</dd>");
    }
    out.push_str("</dl>");
    out
}

fn head(s: &Summary, c: &Context, not_judged: &[(String, &'static str, String)]) -> String {
    let pct_or = |x: Option<f64>| {
        x.map(|v| format!("{:.0}%", v * 100.0))
            .unwrap_or_else(|| "–".into())
    };
    let mean_score = s
        .mean_score()
        .map(|m| format!("{m:.0}"))
        .unwrap_or_else(|| "–".into());
    let mut out = String::from(HEAD);
    out.push_str("<h1>Interview scores</h1>");
    out.push_str(&context(c));
    let card = |n: String, label: &str| format!("<div><b>{n}</b>{label}</div>");
    let noun =
        |n: usize, one: &str, many: &str| card(n.to_string(), if n == 1 { one } else { many });
    let nj = s.not_judged_count();
    let _ = write!(
        out,
        "<div class=cards>{}{}{}{}{}{}{}</div>",
        noun(s.files, "file", "files"),
        noun(s.interviews, "interview judged", "interviews judged"),
        card(nj.to_string(), "not judged"),
        noun(s.errors, "error", "errors"),
        card(mean_score, "mean score"),
        card(pct_or(s.ratio_quantile(0.5)), "median talk"),
        card(pct_or(s.ratio_quantile(0.9)), "p90 talk"),
    );
    // The files not judged, with why: never left for a reader to take as clean.
    if nj > 0 {
        let reasons: Vec<String> = s
            .not_judged
            .iter()
            .map(|(r, k)| format!("{r} {k}"))
            .collect();
        let _ = write!(
            out,
            "<section class=notjudged><h2>Not judged: {}</h2><p>Read, but not an interview candor can stand behind a judgement of ({}): no score, and left out of the figures and charts below.</p><ul>",
            plural(nj, "file", "files"),
            esc(&reasons.join(", "))
        );
        for (path, reason, why) in not_judged {
            let why = why
                .strip_prefix("not judged")
                .map(|w| w.trim_start_matches([':', ' ']))
                .unwrap_or(why);
            let _ = write!(
                out,
                "<li><code>{}</code> <span class=reason>{}</span> {}</li>",
                esc(path),
                esc(reason),
                esc(why)
            );
        }
        let more = nj.saturating_sub(not_judged.len());
        if more > 0 {
            let _ = write!(out, "<li>and {} more</li>", plural(more, "file", "files"));
        }
        out.push_str("</ul></section>");
    }
    if !c.skipped.is_empty() {
        let _ = write!(
            out,
            "<details class=skipped><summary>Not read: {} that {} not a transcript</summary><ul>",
            plural(c.skipped.len(), "file", "files"),
            if c.skipped.len() == 1 { "is" } else { "are" }
        );
        for (path, why) in c.skipped.iter().take(LISTED) {
            let _ = write!(out, "<li><code>{}</code> {}</li>", esc(path), esc(why));
        }
        if c.skipped.len() > LISTED {
            let _ = write!(
                out,
                "<li>and {} more</li>",
                plural(c.skipped.len() - LISTED, "file", "files")
            );
        }
        out.push_str("</ul></details>");
    }
    out.push_str("<div class=grid>");
    // Talk-ratio distribution, bins above the threshold in the warning colour.
    let mut thresholds: Vec<f64> = c.configs.iter().map(|c| c.talk_ratio).collect();
    thresholds.sort_by(f64::total_cmp);
    thresholds.dedup();
    let lowest = thresholds.first().copied().unwrap_or(0.4);
    let bins = s.ratio_bins(20);
    let values: Vec<Col> = bins
        .iter()
        .enumerate()
        .map(|(i, n)| Col {
            label: if i % 4 == 0 {
                format!("{}%", i * 5)
            } else {
                String::new()
            },
            sub: String::new(),
            value: *n as f64,
            tip: format!(
                "{}–{}%: {}",
                i * 5,
                i * 5 + 5,
                plural(*n, "interview", "interviews")
            ),
            class: if i as f64 * 0.05 >= lowest - 1e-9 {
                "over"
            } else {
                ""
            },
        })
        .collect();
    let max = bins.iter().copied().max().unwrap_or(0) as f64;
    let limits: Vec<String> = thresholds.iter().map(|t| pct(*t)).collect();
    let marks: Vec<(f64, String)> = thresholds.iter().map(|t| (*t, pct(*t))).collect();
    let _ = write!(
        out,
        "<section><h2>Interviewer talk ratio</h2><p>How many interviews (up the side) had the interviewer talk how much (along the bottom; by time where timed). Above the profile's {} (dashed), in orange: the interviewer talked too much.</p>{}</section>",
        limits.join(" or "),
        columns(&values, max, &count_ticks(max), &marks)
    );
    // Findings per rule.
    let ranked = s.rules_ranked();
    let rmax = ranked.first().map_or(0.0, |r| r.1 as f64);
    let rv: Vec<(String, f64, String, String)> = ranked
        .iter()
        .map(|(r, n, k)| {
            let share = if s.interviews > 0 {
                *k as f64 * 100.0 / s.interviews as f64
            } else {
                0.0
            };
            (
                r.to_string(),
                *n as f64,
                format!("{n} · in {share:.0}% of interviews"),
                String::new(),
            )
        })
        .collect();
    let _ = write!(
        out,
        "<section><h2>Findings per rule</h2><p>Occurrences across the batch, and the share of interviews each appears in.</p>{}</section>",
        bars(&rv, rmax)
    );
    // Scores per interviewer: people by score, best first; generic labels apart.
    let mut people: Vec<(&String, f64, usize)> = Vec::new();
    let mut generic: Vec<(&String, f64, usize)> = Vec::new();
    for (name, g) in &s.by_interviewer {
        if let Some(m) = g.mean_score() {
            let list = if is_generic_label(name) {
                &mut generic
            } else {
                &mut people
            };
            list.push((name, m, g.interviews));
        }
    }
    let order = |a: &(&String, f64, usize), b: &(&String, f64, usize)| {
        b.1.total_cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(b.0))
    };
    people.sort_by(order);
    generic.sort_by(order);
    let scored = |list: &[(&String, f64, usize)]| -> Vec<(String, f64, String, String)> {
        list.iter()
            .map(|(name, m, n)| {
                let few = if *n == 1 { " few" } else { "" };
                (
                    (*name).clone(),
                    *m,
                    format!("{m:.0} · {}", plural(*n, "interview", "interviews")),
                    format!("{}{few}", band(*m)),
                )
            })
            .collect()
    };
    let _ = write!(
        out,
        "<section><h2>Scores per interviewer</h2><p>Mean score (0 to 100), best first, and how many interviews it is over: red below 40, green from 65; a pale bar is a single interview.</p>{}",
        bars(&scored(&people), 100.0)
    );
    if !generic.is_empty() {
        let n: usize = generic.iter().map(|g| g.2).sum();
        let _ = write!(
            out,
            "<h3>Generic labels</h3><p>{} whose interviewer is a label, not a name (<q>Interviewer</q>, <q>Speaker 1</q>): it may be several people. Name them with <code>--interviewer</code> to compare them.</p>{}",
            plural(n, "interview", "interviews"),
            bars(&scored(&generic), 100.0)
        );
    }
    out.push_str("</section>");
    // Scores over time.
    if !s.by_month.is_empty() {
        let mut last_year = String::new();
        let mv: Vec<Col> = s
            .by_month
            .iter()
            .filter_map(|(m, g)| {
                let x = g.mean_score()?;
                Some(Col {
                    label: month_label(m, &mut last_year),
                    sub: format!("({})", g.interviews),
                    value: x,
                    tip: format!(
                        "{m}: mean score {x:.0} over {}",
                        plural(g.interviews, "interview", "interviews")
                    ),
                    class: band(x),
                })
            })
            .collect();
        let _ = write!(
            out,
            "<section><h2>Scores over time</h2><p>Mean score (up the side, 0 to 100) by month, from dates in file names or transcripts; under each month, in brackets, how many interviews.</p>{}</section>",
            columns(&mv, 100.0, &[0.0, 25.0, 50.0, 75.0, 100.0], &[])
        );
    }
    out.push_str("</div>");
    let _ = writeln!(
        out,
        "<h2>Interviews</h2><p>Click a heading to sort (interviews without a score stay last); click a row to see its findings, the words at fault <mark>marked</mark>. Talk above the profile's {} is <span class=over>orange</span>; scores below 40 are <span class=\"score lo\">red</span>, 65 and up <span class=\"score hi\">green</span>.</p>\
         <p class=filter hidden><label>Filter <input type=search id=filter placeholder=\"file, interviewer, rule or words\" autocomplete=off></label> <span id=shown></span></p>\
         <div class=scroll><table id=t><thead><tr><th>file</th><th>interviewer</th><th>month</th><th>talk</th><th>questions</th><th>findings</th><th>score</th></tr></thead><tbody>",
        limits.join(" or ")
    );
    out
}

const HEAD: &str = r#"<!doctype html>
<html lang=en><head><meta charset=utf-8><meta name=viewport content="width=device-width,initial-scale=1">
<title>candor: interview scores</title>
<style>
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d2330;background:#fbfbfd}
h1{font-size:1.6rem;margin:.2rem 0 .5rem}h2{font-size:1.1rem;margin:.3rem 0}h3{font-size:1rem;margin:.8rem 0 .2rem}
.context{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:0 0 1rem;color:#5a6275;font-size:.9rem}.context dt{font-weight:600}.context dd{margin:0;overflow-wrap:anywhere}
.cards{display:flex;flex-wrap:wrap;gap:.8rem;margin-bottom:1.2rem}.cards div{background:#fff;border:1px solid #e3e6ee;border-radius:8px;padding:.6rem 1rem;min-width:7rem;color:#5a6275}
.cards b{display:block;font-size:1.5rem;color:#1d2330}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(30rem,100%),1fr));gap:1rem;align-items:start}
section{background:#fff;border:1px solid #e3e6ee;border-radius:8px;padding:.8rem 1rem;min-width:0}section p{color:#5a6275;margin:.2rem 0 .5rem;font-size:.9rem}
.notjudged{margin-bottom:1rem;border-color:#f1c27d}.notjudged ul,.skipped ul{margin:.3rem 0;padding-left:1.2rem;font-size:.9rem}.notjudged li,.skipped li{overflow-wrap:anywhere}.reason{font-weight:600;color:#8a5a00}
.skipped{margin:0 0 1rem;color:#5a6275;font-size:.9rem}.skipped summary{cursor:pointer}
svg{width:100%;height:auto}.bar{fill:#4c6ef5}.bar.over{fill:#e8590c}.bar.lo{fill:#e03131}.bar.mid{fill:#8c96ab}.bar.hi{fill:#2f9e44}.bar.few{fill-opacity:.45}
.axis{stroke:#9aa3b5}.gl{stroke:#eef0f5}.mark{stroke:#e8590c;stroke-dasharray:4 3}.marktext{fill:#e8590c;font-size:12px}
.val,.lab,.sub{font-size:11px;text-anchor:middle;fill:#3b4252}.sub{fill:#7a8194}.tick{font-size:10px;text-anchor:end;fill:#7a8194}.blab{font-size:12px;text-anchor:end;fill:#3b4252}.bval{font-size:11px;fill:#5a6275}
.filter{margin:.6rem 0 .2rem}.filter input{font:inherit;padding:.25rem .5rem;border:1px solid #c5cbd8;border-radius:6px;width:20rem;max-width:60vw}#shown{color:#5a6275;font-size:.9rem}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #e3e6ee;margin-top:.5rem;font-size:.92rem}
th,td{padding:.4rem .6rem;border-bottom:1px solid #eef0f5;text-align:left;vertical-align:top}th{cursor:pointer;background:#f3f5fa;user-select:none;white-space:nowrap}
th.asc::after{content:" ▲"}th.desc::after{content:" ▼"}tr.row{cursor:pointer}tr.row:hover{background:#f6f8ff}tr.err td{color:#c92a2a}
td:first-child{overflow-wrap:break-word}td:nth-child(3),td:nth-child(4){white-space:nowrap}
.score{font-weight:600}.score.lo{background:#ffe3e3;color:#b02525}.score.mid{color:inherit}.score.hi{color:#2b8a3e}.over{color:#c2410c;font-weight:600}
.unsure{color:#b35c00;font-size:.8rem}.detail td{background:#fafbff}.detail ol{margin:.3rem 0;padding-left:1.4rem}.detail li{margin:.35rem 0}
blockquote{margin:.2rem 0;padding-left:.6rem;border-left:3px solid #dbe1f0;color:#3b4252}mark{background:#ffe066;color:inherit;padding:0 .1em;border-radius:2px}.help{margin:.1rem 0;color:#2b8a3e}
.sev{font-size:.75rem;font-weight:700;text-transform:uppercase;padding:0 .3rem;border-radius:3px}.warning{background:#fff3bf;color:#8a5a00}.error{background:#ffe3e3;color:#c92a2a}.info{background:#e7f5ff;color:#1864ab}
code{font-size:.85rem}
[hidden]{display:none!important}
@media (max-width:40rem){body{margin:1rem auto;padding:0 .6rem}
.cards{display:grid;grid-template-columns:repeat(3,1fr);gap:.4rem}.cards div{min-width:0;padding:.4rem .5rem;font-size:.8rem}.cards b{font-size:1.2rem}
.filter input{width:100%;max-width:none;box-sizing:border-box}
#t,#t thead,#t tbody,#t tr,#t td{display:block}#t{font-size:.88rem}#t thead tr{display:flex;flex-wrap:wrap;gap:.25rem;padding:.4rem}#t th{border:1px solid #d5dae5;border-radius:4px;padding:.15rem .45rem;font-size:.8rem;font-weight:500}
#t tr.row,#t tr.err{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:.15rem .6rem;padding:.5rem .5rem;border-top:1px solid #e3e6ee}#t tr.row td,#t tr.err td{border:0;padding:0}
#t tr.row td:first-child,#t tr.err td{grid-column:1/-1;font-weight:600}#t td.score{padding:0 .2rem;justify-self:start}
#t tr.row td:nth-child(n+2)::before{display:block;font-size:.7rem;color:#7a8194;font-weight:400}
#t tr.row td:nth-child(2)::before{content:"interviewer"}#t tr.row td:nth-child(3)::before{content:"month"}#t tr.row td:nth-child(4)::before{content:"talk"}
#t tr.row td:nth-child(5)::before{content:"questions"}#t tr.row td:nth-child(6)::before{content:"findings"}#t tr.row td:nth-child(7)::before{content:"score"}
.detail td{padding:.3rem .5rem}.detail ol{padding-left:1.1rem}}
</style></head><body>
"#;

const TAIL: &str = r#"</tbody></table></div>
<p style="color:#8a91a3;font-size:.8rem">Made by candor. The score weighs the problems found per interviewer question, the talk ratio and good practice (open questions, story prompts, probes); see docs/scoring.md. Files not judged have no score.</p>
<script>
(function(){
  var t=document.getElementById('t'),body=t.tBodies[0],heads=t.tHead.rows[0].cells;
  // Without this script every finding stays in view; with it, a row opens to its findings.
  Array.prototype.forEach.call(body.querySelectorAll('tr.detail'),function(d){d.hidden=true;});
  function detailOf(r){var d=r.nextElementSibling;return d&&d.classList.contains('detail')?d:null;}
  function pairs(){var p=[],rows=body.rows;for(var i=0;i<rows.length;i++){var r=rows[i];if(!r.classList.contains('detail'))p.push([r,detailOf(r)]);}return p;}
  body.addEventListener('click',function(e){var r=e.target.closest('tr.row');if(!r)return;var d=document.getElementById('d'+r.dataset.i);if(d)d.hidden=!d.hidden;});
  body.addEventListener('keydown',function(e){if(e.key==='Enter'){var r=e.target.closest('tr.row');if(r)r.click();}});
  Array.prototype.forEach.call(heads,function(th,col){
    th.addEventListener('click',function(){
      var asc=!th.classList.contains('asc');
      Array.prototype.forEach.call(heads,function(h){h.classList.remove('asc','desc');});
      th.classList.add(asc?'asc':'desc');
      // A missing figure (no score, no month, an error row) sorts last both ways.
      function key(r){if(r.classList.contains('err')&&col>0)return null;var c=r.cells[col];if(!c)return null;var v=c.dataset.v;if(v!==undefined&&v!==''&&!isNaN(v)){var n=parseFloat(v);return n<0?null:n;}var s=(v!==undefined?v:c.textContent).toLowerCase();return s===''?null:s;}
      var p=pairs();
      p.sort(function(a,b){var x=key(a[0]),y=key(b[0]);if(x===null||y===null)return (x===null)-(y===null);return (x<y?-1:x>y?1:0)*(asc?1:-1);});
      p.forEach(function(q){body.appendChild(q[0]);if(q[1])body.appendChild(q[1]);});
    });
  });
  var f=document.getElementById('filter'),shown=document.getElementById('shown'),texts=null;
  f.parentNode.parentNode.hidden=false;
  f.addEventListener('input',function(){
    var q=f.value.trim().toLowerCase(),p=pairs(),n=0;
    if(!texts){texts=new Map();p.forEach(function(x){texts.set(x[0],(x[0].textContent+' '+(x[1]?x[1].textContent:'')).toLowerCase());});}
    p.forEach(function(x){var ok=!q||texts.get(x[0]).indexOf(q)>=0;x[0].hidden=!ok;if(!ok&&x[1])x[1].hidden=true;if(ok)n++;});
    shown.textContent=q?n+' of '+p.length+' shown':'';
  });
})();
</script>
</body></html>
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_dates() {
        assert_eq!(utc(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc(1_767_225_600), "2026-01-01 00:00 UTC");
        assert_eq!(utc(951_825_600 + 3_660), "2000-02-29 13:01 UTC");
        assert_eq!(utc(-86_400), "1969-12-31 00:00 UTC");
    }

    fn finding(line: u32, column: u32, end_line: u32, end_column: u32, text: &str) -> Finding {
        serde_json::from_value(serde_json::json!({
            "rule": "leading-question", "severity": "warning", "line": line, "column": column,
            "end_line": end_line, "end_column": end_column, "turn": 1, "speaker": "Maya",
            "time": null, "message": "m", "text": text, "help": "h", "source": "pattern",
            "confidence": 1.0
        }))
        .unwrap()
    }

    #[test]
    fn marks_find_the_words_from_the_source_columns() {
        let source = "Maya: So, don't you <think> it's late?\r\nTom: No.\nMaya: Would you\nuse it? And pay?\n";
        let f = [
            finding(1, 11, 1, 20, "So, don't you <think> it's late?"),
            finding(3, 7, 4, 7, "Would you use it?"),
            finding(1, 11, 1, 20, "a sentence that was cut…"),
            finding(9, 1, 9, 3, "no such line"),
        ];
        let m = marks(source, &f);
        assert_eq!(m[0], Some(4..13));
        assert_eq!(m[1], Some(0..16));
        assert_eq!(m[2], None);
        assert_eq!(m[3], None);
        assert_eq!(
            marked(&f[0].text, m[0].as_ref()),
            "So, <mark>don&#39;t you</mark> &lt;think&gt; it&#39;s late?"
        );
        assert_eq!(
            marked("a <b>", Some(&(9..12))),
            "a &lt;b&gt;",
            "out of range"
        );
    }

    #[test]
    fn plurals() {
        assert_eq!(plural(1, "file", "files"), "1 file");
        assert_eq!(plural(0, "file", "files"), "0 files");
        assert_eq!(plural(2, "file", "files"), "2 files");
    }
}
