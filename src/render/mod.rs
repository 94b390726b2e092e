//! Output: diagnostics for people, tables, and machine formats.

pub mod csv;
pub mod github;
pub mod html;
pub mod human;
pub mod rows;
pub mod sarif;
pub mod stats;
pub mod table;

use anstyle::{AnsiColor, Style};

use crate::args::ColorChoice;

/// Standard output with colour decided by `--color`, NO_COLOR, CLICOLOR_FORCE and whether it is a terminal.
pub fn stdout(choice: ColorChoice) -> anstream::AutoStream<std::io::Stdout> {
    anstream::AutoStream::new(std::io::stdout(), to_anstream(choice))
}

/// Standard error, likewise.
pub fn stderr(choice: ColorChoice) -> anstream::AutoStream<std::io::Stderr> {
    anstream::AutoStream::new(std::io::stderr(), to_anstream(choice))
}

fn to_anstream(choice: ColorChoice) -> anstream::ColorChoice {
    match choice {
        ColorChoice::Auto => anstream::ColorChoice::Auto,
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
    }
}

pub const BOLD: Style = Style::new().bold();
pub const DIM: Style = Style::new().dimmed();
pub const ERROR: Style = AnsiColor::Red.on_default().bold();
pub const WARNING: Style = AnsiColor::Yellow.on_default().bold();
pub const INFO: Style = AnsiColor::Cyan.on_default().bold();
pub const GUTTER: Style = AnsiColor::Blue.on_default().bold();
pub const HELP: Style = AnsiColor::Green.on_default().bold();

pub fn severity_style(s: candor::Severity) -> Style {
    match s {
        candor::Severity::Error => ERROR,
        candor::Severity::Warning => WARNING,
        candor::Severity::Info => INFO,
    }
}

/// Formats a 0–1 ratio as a percentage.
pub fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}
