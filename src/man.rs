//! `candor man`: one manual page for the whole tool, made from the same definitions as
//! `--help` (clap_mangen): the top-level sections, then a section per subcommand with its
//! description, synopsis and options.

use std::io::{self, Write};

use clap::CommandFactory;
use clap_mangen::Man;

use crate::args::Cli;

/// Text as roff: backslashes and hyphens escaped, no line starting with a control character.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    match escaped.chars().next() {
        Some('.' | '\'') => format!("\\&{escaped}"),
        _ => escaped,
    }
}

pub fn render(w: &mut dyn Write) -> io::Result<()> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let top = Man::new(cmd.clone());
    let mut buf: Vec<u8> = Vec::new();
    top.render_title(&mut buf)?;
    top.render_name_section(&mut buf)?;
    top.render_synopsis_section(&mut buf)?;
    top.render_description_section(&mut buf)?;
    // The commands, each described in its own section below (there is one page).
    writeln!(buf, ".SH COMMANDS")?;
    let subs: Vec<&clap::Command> = cmd.get_subcommands().filter(|s| !s.is_hide_set()).collect();
    for sub in &subs {
        let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
        writeln!(
            buf,
            ".TP\n\\fBcandor {}\\fR\n{}",
            sub.get_name(),
            roff(&about)
        )?;
    }
    for sub in subs {
        let name = format!("candor {}", sub.get_name());
        writeln!(buf, ".SH \"{}\"", name.to_uppercase())?;
        let page = Man::new(sub.clone().bin_name(name));
        let mut part = Vec::new();
        page.render_description_section(&mut part)?;
        page.render_synopsis_section(&mut part)?;
        page.render_options_section(&mut part)?;
        // The subcommand's sections become subsections of its own.
        for line in String::from_utf8_lossy(&part).lines() {
            match line.strip_prefix(".SH ") {
                Some(rest) => writeln!(buf, ".SS {rest}")?,
                None => writeln!(buf, "{line}")?,
            }
        }
    }
    top.render_version_section(&mut buf)?;
    // Each part repeats the definition of the apostrophe string; once is enough.
    let mut seen_preamble = false;
    let text = String::from_utf8_lossy(&buf);
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if line.starts_with(".ie \\n(.g .ds Aq") {
            let _ = lines.next_if(|l| l.starts_with(".el .ds Aq"));
            if seen_preamble {
                continue;
            }
            seen_preamble = true;
            writeln!(w, "{line}\n.el .ds Aq '")?;
            continue;
        }
        writeln!(w, "{line}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn roff_escapes_hyphens_and_leading_dots() {
        assert_eq!(super::roff("anti-patterns"), "anti\\-patterns");
        assert_eq!(super::roff(".hidden"), "\\&.hidden");
    }
}
