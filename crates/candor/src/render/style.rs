//! ANSI styles, written only when colour is on. The escape sequences are those of the
//! `anstyle` crate the command line used to write them with, so coloured output is the
//! same bytes; seven fixed styles do not call for a dependency.

use std::fmt;

/// A style: `{style}` starts it, `{style:#}` resets; both write nothing when colour is off.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    start: &'static str,
    on: bool,
}

impl fmt::Display for Style {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.on, f.alternate()) {
            (false, _) => Ok(()),
            (true, false) => f.write_str(self.start),
            (true, true) => f.write_str("\x1b[0m"),
        }
    }
}

/// The styles of diagnostics for people.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Palette {
    pub bold: Style,
    pub dim: Style,
    pub error: Style,
    pub warning: Style,
    pub info: Style,
    pub gutter: Style,
    pub help: Style,
}

impl Palette {
    pub fn new(on: bool) -> Self {
        let s = |start| Style { start, on };
        Palette {
            bold: s("\x1b[1m"),
            dim: s("\x1b[2m"),
            error: s("\x1b[1m\x1b[31m"),
            warning: s("\x1b[1m\x1b[33m"),
            info: s("\x1b[1m\x1b[36m"),
            gutter: s("\x1b[1m\x1b[34m"),
            help: s("\x1b[1m\x1b[32m"),
        }
    }

    pub fn severity(&self, s: crate::Severity) -> Style {
        match s {
            crate::Severity::Error => self.error,
            crate::Severity::Warning => self.warning,
            crate::Severity::Info => self.info,
        }
    }
}
