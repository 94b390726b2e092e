//! A small `candor lint` built on the library alone, as a tool that embeds candor would:
//! each file's `candor.toml` found as the CLI finds it, the diagnostics rendered as the CLI
//! renders them, colour and width decided here.
//!
//! ```sh
//! cargo run -p candor --example embed -- fixtures/demo/call.vtt
//! ```

use std::io::IsTerminal;
use std::path::Path;

use candor::render::{Human, HumanOptions};
use candor::{Analyzer, Config};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The embedding tool decides about colour and width; the library never looks.
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let options = HumanOptions::default()
        .with_color(color)
        .with_columns(100)
        .with_explain_hints(true);
    let mut human = Human::new(options);
    for path in std::env::args().skip(1) {
        let config = match Config::discover(Path::new(&path))? {
            Some((_file, config)) => config,
            None => Config::default(),
        };
        let analyzer = Analyzer::new(config)?;
        // Decoded once: the text is the source the diagnostics show lines of.
        let decoded = match candor::decode(&std::fs::read(&path)?) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let mut report = analyzer.analyze_decoded(&decoded, None);
        report.path = path.clone();
        if let Some(e) = &report.error {
            eprintln!("{path}: {}", e.message);
            continue;
        }
        let mut out = String::new();
        human.report(&mut out, &report, Some(&decoded.text))?;
        print!("{out}");
    }
    Ok(())
}
