//! `candor score --html`: one self-contained page, no network, inline SVG charts and a
//! sortable table whose rows open to their findings. Rows are streamed to a temporary
//! file while the batch runs, so the page costs no memory per interview.

use std::fmt::Write as _;
use std::io::{BufWriter, Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::output::AtomicFile;
use crate::summary::{Row, Summary};

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
}

impl Builder {
    pub fn new(target: &Path) -> Result<Self, Error> {
        let rows = tempfile::NamedTempFile::new().map_err(Error::Temporary)?;
        Ok(Builder {
            target: target.to_path_buf(),
            rows: BufWriter::new(rows),
            count: 0,
        })
    }

    /// Adds an interview's row and its hidden findings row.
    pub fn row(&mut self, row: &Row) -> Result<(), Error> {
        let r = row.report;
        let i = self.count;
        self.count += 1;
        let mut s = String::new();
        if let Some(e) = &r.error {
            let _ = writeln!(
                s,
                "<tr class=err><td>{}</td><td colspan=6>error: {}</td></tr>",
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
                "<tr class=row data-i={i} tabindex=0><td data-v=\"{p}\">{p}</td><td>{who}</td><td>{month}</td><td data-v={rv}>{talk}</td><td data-v={qs}>{qs}{open}</td><td data-v={nfv}>{nf}</td><td data-v={sv} class=score>{score}</td></tr>",
                p = esc(row.path),
                month = esc(row.month.as_deref().unwrap_or("")),
                rv = ratio.unwrap_or(-1.0),
                nfv = if judged { r.findings.len() as i64 } else { -1 },
                sv = r.score.unwrap_or(-1.0),
            );
            let _ = write!(s, "<tr class=detail id=d{i} hidden><td colspan=7>");
            if !judged {
                // Why it was not judged: never "No findings", which would read as clean.
                let why = r
                    .warnings
                    .iter()
                    .rfind(|w| w.message.starts_with("not judged"))
                    .map_or("not judged", |w| w.message.as_str());
                let _ = write!(s, "<p>{}</p>", esc(why));
            } else if r.findings.is_empty() {
                s.push_str("<p>No findings.</p>");
            } else {
                s.push_str("<ol>");
                for f in &r.findings {
                    let _ = write!(
                        s,
                        "<li><span class=\"sev {sev}\">{sev}</span> <code>{rule}</code> line {line}, {who}: {msg}<blockquote>{text}</blockquote><p class=help>help: {help}</p></li>",
                        sev = f.severity.as_str(),
                        rule = esc(&f.rule),
                        line = f.line,
                        who = esc(&f.speaker),
                        msg = esc(&f.message),
                        text = esc(&f.text),
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

    /// Writes the page: summary and charts, then the streamed rows.
    pub fn finish(self, summary: &Summary) -> Result<(), Error> {
        let mut rows = self
            .rows
            .into_inner()
            .map_err(|e| Error::Io(e.into_error()))?;
        let mut page = AtomicFile::create(&self.target)?;
        let w = page.writer();
        w.write_all(head(summary).as_bytes())?;
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

/// A vertical bar chart: labels under the bars, values above.
fn columns(values: &[(String, f64, String)], max: f64, marker: Option<(f64, &str)>) -> String {
    let h = 180.0;
    let n = values.len().max(1) as f64;
    let bw = (W - 40.0) / n;
    let mut s = format!("<svg viewBox=\"0 0 {W} {}\" role=img>", h + 40.0);
    let _ = write!(s, "<line x1=30 y1={h} x2={W} y2={h} class=axis />");
    for (i, (label, v, tip)) in values.iter().enumerate() {
        let bh = if max > 0.0 { v / max * (h - 20.0) } else { 0.0 };
        let x = 30.0 + i as f64 * bw;
        let _ = write!(
            s,
            "<g><title>{}</title><rect x={:.1} y={:.1} width={:.1} height={:.1} class=bar />",
            esc(tip),
            x + 1.0,
            h - bh,
            (bw - 2.0).max(1.0),
            bh
        );
        if *v > 0.0 {
            let _ = write!(
                s,
                "<text x={:.1} y={:.1} class=val>{}</text>",
                x + bw / 2.0,
                h - bh - 4.0,
                trim_num(*v)
            );
        }
        if !label.is_empty() {
            let _ = write!(
                s,
                "<text x={:.1} y={:.1} class=lab>{}</text>",
                x + bw / 2.0,
                h + 16.0,
                esc(label)
            );
        }
        s.push_str("</g>");
    }
    if let Some((at, text)) = marker {
        let x = 30.0 + at * (W - 40.0);
        let _ = write!(
            s,
            "<line x1={x:.1} y1=10 x2={x:.1} y2={h} class=mark /><text x={:.1} y=14 class=marktext>{}</text>",
            x + 4.0,
            esc(text)
        );
    }
    s.push_str("</svg>");
    s
}

/// A horizontal bar chart: a label and a value per bar.
fn bars(values: &[(String, f64, String)], max: f64) -> String {
    let row = 22.0;
    let label_w = 190.0;
    let h = row * values.len().max(1) as f64 + 8.0;
    let mut s = format!("<svg viewBox=\"0 0 {W} {h}\" role=img>");
    for (i, (label, v, note)) in values.iter().enumerate() {
        let y = 4.0 + i as f64 * row;
        let bw = if max > 0.0 {
            v / max * (W - label_w - 180.0)
        } else {
            0.0
        };
        let _ = write!(
            s,
            "<g><text x={:.1} y={:.1} class=blab>{}</text><rect x={label_w} y={y:.1} width={bw:.1} height={:.1} class=bar /><text x={:.1} y={:.1} class=bval>{}</text></g>",
            label_w - 6.0,
            y + 14.0,
            esc(label),
            row - 6.0,
            label_w + bw + 6.0,
            y + 14.0,
            esc(note)
        );
    }
    s.push_str("</svg>");
    s
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

fn head(s: &Summary) -> String {
    let pct = |x: Option<f64>| {
        x.map(|v| format!("{:.0}%", v * 100.0))
            .unwrap_or_else(|| "–".into())
    };
    let mean_score = s
        .mean_score()
        .map(|m| format!("{m:.0}"))
        .unwrap_or_else(|| "–".into());
    let mut out = String::from(HEAD);
    let _ = write!(
        out,
        "<h1>Interview scores</h1><div class=cards>\
         <div><b>{}</b>files</div><div><b>{}</b>interviews judged</div><div><b>{}</b>not judged</div><div><b>{}</b>errors</div>\
         <div><b>{mean_score}</b>mean score</div><div><b>{}</b>median talk</div><div><b>{}</b>p90 talk</div></div>",
        s.files,
        s.interviews,
        s.not_judged_count(),
        s.errors,
        pct(s.ratio_quantile(0.5)),
        pct(s.ratio_quantile(0.9)),
    );
    out.push_str("<div class=grid>");
    // Talk-ratio distribution.
    let bins = s.ratio_bins(20);
    let values: Vec<(String, f64, String)> = bins
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let label = if i % 4 == 0 {
                format!("{}%", i * 5)
            } else {
                String::new()
            };
            (
                label,
                *n as f64,
                format!("{}–{}%: {}", i * 5, i * 5 + 5, interviews(*n)),
            )
        })
        .collect();
    let max = bins.iter().copied().max().unwrap_or(0) as f64;
    let _ = write!(
        out,
        "<section><h2>Interviewer talk ratio</h2><p>How much of the talk was the interviewer's, interview by interview (by time where timed). Discovery interviews aim below 40%.</p>{}</section>",
        columns(&values, max, Some((0.40, "40%")))
    );
    // Findings per rule.
    let ranked = s.rules_ranked();
    let rmax = ranked.first().map_or(0.0, |r| r.1 as f64);
    let rv: Vec<(String, f64, String)> = ranked
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
            )
        })
        .collect();
    let _ = write!(
        out,
        "<section><h2>Findings per rule</h2><p>Occurrences across the batch, and the share of interviews each appears in.</p>{}</section>",
        bars(&rv, rmax)
    );
    // Scores per interviewer.
    let iv: Vec<(String, f64, String)> = s
        .by_interviewer
        .iter()
        .filter_map(|(name, g)| {
            g.mean_score().map(|m| {
                (
                    name.clone(),
                    m,
                    format!("{m:.0} · {}", interviews(g.interviews)),
                )
            })
        })
        .collect();
    let _ = write!(
        out,
        "<section><h2>Scores per interviewer</h2><p>Mean score, 0 to 100.</p>{}</section>",
        bars(&iv, 100.0)
    );
    // Scores over time.
    if !s.by_month.is_empty() {
        let mut last_year = String::new();
        let mv: Vec<(String, f64, String)> = s
            .by_month
            .iter()
            .filter_map(|(m, g)| {
                let x = g.mean_score()?;
                Some((
                    month_label(m, &mut last_year),
                    x,
                    format!("{m}: mean score {x:.0} over {}", interviews(g.interviews)),
                ))
            })
            .collect();
        let _ = write!(
            out,
            "<section><h2>Scores over time</h2><p>Mean score by month, from dates in file names or transcripts.</p>{}</section>",
            columns(&mv, 100.0, None)
        );
    }
    out.push_str("</div>");
    if s.not_judged_count() > 0 {
        let reasons: Vec<String> = s
            .not_judged
            .iter()
            .map(|(r, k)| format!("{r} {k}"))
            .collect();
        let _ = write!(
            out,
            "<section class=notjudged><h2>Not judged</h2><p>Files that are not an interview candor can judge ({}): they have no score and are left out of the figures and charts above.</p><ul>",
            esc(&reasons.join(", "))
        );
        for (path, reason) in &s.not_judged_files {
            let _ = write!(out, "<li><code>{}</code> {}</li>", esc(reason), esc(path));
        }
        let more = s.not_judged_count() - s.not_judged_files.len();
        if more > 0 {
            let _ = write!(out, "<li>and {more} more</li>");
        }
        out.push_str("</ul></section>");
    }
    out.push_str(
        "<h2>Interviews</h2><p>Click a heading to sort; click a row to see its findings.</p>\
         <table id=t><thead><tr><th>file</th><th>interviewer</th><th>month</th><th>talk</th><th>questions</th><th>findings</th><th>score</th></tr></thead><tbody>\n",
    );
    out
}

const HEAD: &str = r#"<!doctype html>
<html lang=en><head><meta charset=utf-8><meta name=viewport content="width=device-width,initial-scale=1">
<title>candor: interview scores</title>
<style>
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d2330;background:#fbfbfd}
h1{font-size:1.6rem;margin:.2rem 0 1rem}h2{font-size:1.1rem;margin:.3rem 0}
.cards{display:flex;flex-wrap:wrap;gap:.8rem;margin-bottom:1.2rem}.cards div{background:#fff;border:1px solid #e3e6ee;border-radius:8px;padding:.6rem 1rem;min-width:7rem;color:#5a6275}
.cards b{display:block;font-size:1.5rem;color:#1d2330}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(30rem,1fr));gap:1rem}
section{background:#fff;border:1px solid #e3e6ee;border-radius:8px;padding:.8rem 1rem}section p{color:#5a6275;margin:.2rem 0 .5rem;font-size:.9rem}
svg{width:100%;height:auto}.bar{fill:#4c6ef5}.axis{stroke:#9aa3b5}.mark{stroke:#e8590c;stroke-dasharray:4 3}.marktext{fill:#e8590c;font-size:12px}
.val,.lab{font-size:11px;text-anchor:middle;fill:#3b4252}.blab{font-size:12px;text-anchor:end;fill:#3b4252}.bval{font-size:11px;fill:#5a6275}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #e3e6ee;margin-top:.5rem;font-size:.92rem}
th,td{padding:.4rem .6rem;border-bottom:1px solid #eef0f5;text-align:left;vertical-align:top}th{cursor:pointer;background:#f3f5fa;user-select:none}
th.asc::after{content:" ▲"}th.desc::after{content:" ▼"}tr.row{cursor:pointer}tr.row:hover{background:#f6f8ff}tr.err td{color:#c92a2a}
td.score{font-weight:600}.unsure{color:#b35c00;font-size:.8rem}.detail td{background:#fafbff}.detail ol{margin:.3rem 0;padding-left:1.4rem}.detail li{margin:.35rem 0}
blockquote{margin:.2rem 0;padding-left:.6rem;border-left:3px solid #dbe1f0;color:#3b4252}.help{margin:.1rem 0;color:#2b8a3e}
.sev{font-size:.75rem;font-weight:700;text-transform:uppercase;padding:0 .3rem;border-radius:3px}.warning{background:#fff3bf;color:#8a5a00}.error{background:#ffe3e3;color:#c92a2a}.info{background:#e7f5ff;color:#1864ab}
code{font-size:.85rem}
</style></head><body>
"#;

const TAIL: &str = r#"</tbody></table>
<p style="color:#8a91a3;font-size:.8rem">Made by candor. The score weighs the problems found per interviewer question, the talk ratio and good practice (open questions, story prompts, probes); see docs/scoring.md. Files not judged have no score.</p>
<script>
(function(){
  var t=document.getElementById('t'),body=t.tBodies[0];
  body.addEventListener('click',function(e){var r=e.target.closest('tr.row');if(!r)return;var d=document.getElementById('d'+r.dataset.i);if(d)d.hidden=!d.hidden;});
  body.addEventListener('keydown',function(e){if(e.key==='Enter'){var r=e.target.closest('tr.row');if(r)r.click();}});
  Array.prototype.forEach.call(t.tHead.rows[0].cells,function(th,col){
    th.addEventListener('click',function(){
      var asc=!th.classList.contains('asc');
      Array.prototype.forEach.call(t.tHead.rows[0].cells,function(h){h.classList.remove('asc','desc');});
      th.classList.add(asc?'asc':'desc');
      var pairs=[],rows=body.rows;
      for(var i=0;i<rows.length;i++){var r=rows[i];if(r.classList.contains('detail'))continue;var d=r.nextElementSibling&&r.nextElementSibling.classList.contains('detail')?r.nextElementSibling:null;pairs.push([r,d]);}
      function key(r){var c=r.cells[col];if(!c)return '';var v=c.dataset.v;if(v!==undefined&&v!==''&&!isNaN(v))return parseFloat(v);return (v!==undefined?v:c.textContent).toLowerCase();}
      pairs.sort(function(a,b){var x=key(a[0]),y=key(b[0]);return (x<y?-1:x>y?1:0)*(asc?1:-1);});
      pairs.forEach(function(p){body.appendChild(p[0]);if(p[1])body.appendChild(p[1]);});
    });
  });
})();
</script>
</body></html>
"#;

/// "1 interview", "3 interviews".
fn interviews(n: usize) -> String {
    if n == 1 {
        "1 interview".to_string()
    } else {
        format!("{n} interviews")
    }
}
