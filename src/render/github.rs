//! GitHub Actions workflow annotations (`::warning file=…::message`).

use std::io::{self, Write};

use candor::{Report, Severity};

/// Escapes an annotation message.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes an annotation property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn report(w: &mut dyn Write, path: &str, r: &Report) -> io::Result<()> {
    if let Some(e) = &r.error {
        let line = e.line.map(|l| format!(",line={l}")).unwrap_or_default();
        writeln!(
            w,
            "::error file={}{line},title=candor::{}",
            property(path),
            data(&e.message)
        )?;
    }
    for f in &r.findings {
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut props = format!("file={},line={},col={}", property(path), f.line, f.column);
        if f.end_line == f.line {
            props.push_str(&format!(",endColumn={}", f.end_column));
        } else {
            props.push_str(&format!(",endLine={}", f.end_line));
        }
        props.push_str(&format!(
            ",title={}",
            property(&format!("candor {}", f.rule))
        ));
        writeln!(
            w,
            "::{level} {props}::{}",
            data(&format!("{} ({}). Help: {}", f.message, f.speaker, f.help))
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(data("50%\nnext"), "50%25%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
