//! The user's own phrase rules from `candor.toml` (`[[rule]]`): whole-word phrases and
//! regular expressions, compiled once, searched in the turns of the speakers they apply to.

use crate::config::{Config, Level, SpeakerFilter};
use crate::error::Error;
use crate::model::{Role, Severity};

/// A compiled user phrase rule.
#[derive(Debug, Clone)]
pub(crate) struct Custom {
    pub id: String,
    pub message: String,
    pub help: String,
    pub severity: Severity,
    speaker: SpeakerFilter,
    regex: regex::Regex,
}

impl Custom {
    /// The configuration's phrase rules that are not switched off, compiled.
    pub fn compile_all(config: &Config) -> Result<Vec<Custom>, Error> {
        let mut out = Vec::new();
        for r in &config.rules {
            let severity = match config.level_of(&r.id, r.severity) {
                Level::Off => continue,
                Level::Error => Severity::Error,
                Level::Warning => Severity::Warning,
                Level::Info => Severity::Info,
            };
            let mut alternatives: Vec<String> = r
                .phrases
                .iter()
                .map(|p| format!(r"\b{}\b", regex::escape(p.trim())))
                .collect();
            alternatives.extend(r.patterns.iter().map(|p| format!("(?:{p})")));
            let regex = crate::config::compile_pattern(&alternatives.join("|"))
                .map_err(|e| Error::Config(format!("rule `{}`: {e}", r.id)))?;
            out.push(Custom {
                id: r.id.clone(),
                message: r.message.clone(),
                help: r.help.clone().unwrap_or_default(),
                severity,
                speaker: r.speaker,
                regex,
            });
        }
        Ok(out)
    }

    /// Whether the rule looks at a turn by a speaker in this role.
    pub fn applies_to(&self, role: Role) -> bool {
        match self.speaker {
            SpeakerFilter::Interviewer => role == Role::Interviewer,
            SpeakerFilter::Interviewee => role == Role::Interviewee,
            SpeakerFilter::Any => true,
        }
    }

    /// Where the rule matches in a turn's text: byte ranges, never empty.
    pub fn find_iter<'r, 't>(
        &'r self,
        text: &'t str,
    ) -> impl Iterator<Item = (usize, usize)> + use<'r, 't> {
        self.regex
            .find_iter(text)
            .filter(|m| !m.is_empty())
            .map(|m| (m.start(), m.end()))
    }
}
