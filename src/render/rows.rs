//! Where the rows of `candor score` go, by `--format`: the table, CSV, a JSON array or
//! JSON Lines, one row at a time as the batch runs.

use std::io::Write;

use crate::args::ScoreFormat;
use crate::error::Error;
use crate::summary::Row;

use super::csv::Csv;
use super::table;

/// Where rows go.
pub enum Sink<W: Write> {
    Table(W),
    Csv(Box<Csv<W>>),
    Json { w: W, first: bool },
    Jsonl(W),
}

impl<W: Write> Sink<W> {
    pub fn new(format: ScoreFormat, mut w: W) -> Result<Self, Error> {
        Ok(match format {
            ScoreFormat::Table => {
                table::head(&mut w)?;
                Sink::Table(w)
            }
            ScoreFormat::Csv => Sink::Csv(Box::new(Csv::new(w)?)),
            ScoreFormat::Json => {
                w.write_all(b"[")?;
                Sink::Json { w, first: true }
            }
            ScoreFormat::Jsonl => Sink::Jsonl(w),
        })
    }

    pub fn row(&mut self, row: &Row) -> Result<(), Error> {
        match self {
            Sink::Table(w) => table::row(w, row)?,
            Sink::Csv(c) => c.row(row)?,
            Sink::Json { w, first } => {
                if !*first {
                    w.write_all(b",")?;
                }
                *first = false;
                w.write_all(b"\n")?;
                serde_json::to_writer(&mut *w, row.report)?;
            }
            Sink::Jsonl(w) => {
                serde_json::to_writer(&mut *w, row.report)?;
                w.write_all(b"\n")?;
            }
        }
        Ok(())
    }

    /// Ends the rows (closes the JSON array, flushes the CSV) and hands back the writer.
    pub fn finish(self) -> Result<W, Error> {
        match self {
            Sink::Table(w) | Sink::Jsonl(w) => Ok(w),
            Sink::Json { mut w, .. } => {
                w.write_all(b"\n]\n")?;
                Ok(w)
            }
            Sink::Csv(c) => c.finish(),
        }
    }
}
