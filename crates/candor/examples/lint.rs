//! Lints the transcripts named on the command line and prints findings and metrics.
//!
//! ```sh
//! cargo run -p candor --example lint -- fixtures/demo/call.vtt
//! ```

use candor::{Analyzer, Config};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Build the analyser once; it is Send + Sync and can be shared across threads.
    let analyzer = Analyzer::new(Config::default())?;
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path)?;
        let report = analyzer.analyze_bytes(&bytes, None);
        if let Some(e) = &report.error {
            eprintln!("{path}: {}", e.message);
            continue;
        }
        for f in &report.findings {
            println!(
                "{path}:{}:{}: {} [{}] {}",
                f.line, f.column, f.severity, f.rule, f.message
            );
            println!("    {}: {}", f.speaker, f.text);
            println!("    help: {}", f.help);
        }
        if let Some(m) = &report.metrics {
            if let Some((ratio, basis)) = m.talk_ratio() {
                println!(
                    "{path}: interviewer talked {:.0}% by {basis}",
                    ratio * 100.0
                );
            }
            println!(
                "{path}: {} questions ({} open, {} closed), score {:?}",
                m.interviewer_questions, m.open_questions, m.closed_questions, report.score
            );
        }
    }
    Ok(())
}
