//! `candor score --format csv`: a header, then one row per transcript with a count column
//! per rule.

use std::io::Write;

use crate::error::Error;
use crate::summary::Row;

/// One CSV row per transcript.
pub struct Csv<W: Write> {
    w: csv::Writer<W>,
}

const CSV_HEAD: &[&str] = &[
    "path",
    "format",
    "date",
    "interviewers",
    "interviewees",
    "duration_s",
    "turns",
    "words",
    "interviewer_talk_ratio",
    "interviewer_talk_ratio_time",
    "questions",
    "open_question_ratio",
    "longest_monologue_words",
];

impl<W: Write> Csv<W> {
    pub fn new(out: W) -> Result<Self, Error> {
        let mut w = csv::Writer::from_writer(out);
        let mut head: Vec<&str> = CSV_HEAD.to_vec();
        head.extend(candor::rules().iter().map(|r| r.id));
        head.extend(["findings", "score", "status", "reason", "error"]);
        w.write_record(&head)?;
        Ok(Csv { w })
    }

    pub fn row(&mut self, row: &Row) -> Result<(), Error> {
        let r = row.report;
        let num = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
        let m = r.metrics.as_ref();
        let mut rec: Vec<String> = vec![
            row.path.to_string(),
            r.format.map(|f| f.name().to_string()).unwrap_or_default(),
            row.date.clone().unwrap_or_default(),
            r.interviewers().collect::<Vec<_>>().join("; "),
            r.interviewees().collect::<Vec<_>>().join("; "),
            num(m.and_then(|m| m.duration_seconds)),
            m.map(|m| m.turns.to_string()).unwrap_or_default(),
            m.map(|m| m.words.to_string()).unwrap_or_default(),
            num(m.and_then(|m| m.interviewer_talk_ratio)),
            num(m.and_then(|m| m.interviewer_talk_ratio_time)),
            m.map(|m| m.interviewer_questions.to_string())
                .unwrap_or_default(),
            num(m.and_then(|m| m.open_question_ratio)),
            m.and_then(|m| m.longest_monologue.as_ref())
                .map(|s| s.words.to_string())
                .unwrap_or_default(),
        ];
        // Counts only where the rules judged the file: a file not judged is not clean.
        let judged = r.is_judged();
        for rule in candor::rules() {
            let n = r.findings.iter().filter(|f| f.rule == rule.id).count();
            rec.push(if judged { n.to_string() } else { String::new() });
        }
        rec.push(if judged {
            r.findings.len().to_string()
        } else {
            String::new()
        });
        rec.push(num(r.score));
        rec.push(r.status.as_str().to_string());
        rec.push(r.reason.map(|x| x.as_str().to_string()).unwrap_or_default());
        rec.push(
            r.error
                .as_ref()
                .map(|e| e.message.clone())
                .unwrap_or_default(),
        );
        self.w.write_record(&rec)?;
        Ok(())
    }

    /// Flushes the rows and hands back the writer.
    pub fn finish(mut self) -> Result<W, Error> {
        self.w.flush()?;
        self.w.into_inner().map_err(|e| Error::Io(e.into_error()))
    }
}
