//! Reports for people: the diagnostics `candor lint` prints, for a tool that embeds candor
//! to show them as they are.
//!
//! The rendering is text, written to any [`std::fmt::Write`]; nothing here looks at a
//! terminal or the environment. Whether to colour, and how many columns there are, is the
//! caller's to say in [`HumanOptions`].
//!
//! ```
//! use candor::render::{Human, HumanOptions};
//! let analyzer = candor::Analyzer::new(candor::Config::default()).unwrap();
//! let text = include_str!("../../../../fixtures/demo/call.vtt");
//! let mut report = analyzer.analyze_str(text);
//! report.path = "call.vtt".into();
//!
//! // One report, rendered whole: the diagnostics, then the summary line.
//! let shown = report.render_human(Some(text), &HumanOptions::default());
//! assert!(shown.starts_with("warning[leading-question]: "), "{shown}");
//! assert!(shown.contains("\n  --> call.vtt:33:14\n"), "{shown}");
//! assert!(shown.contains("\ncall.vtt: 8 findings (6 diagnostics) · score "), "{shown}");
//!
//! // Many, with state: the hint to `candor explain` shown once a rule, as the CLI does.
//! let mut human = Human::new(HumanOptions::default().with_explain_hints(true).with_columns(100));
//! let mut out = String::new();
//! human.diagnostics(&mut out, &report, Some(text)).unwrap();
//! human.summary(&mut out, &report).unwrap();
//! assert!(out.contains("more: `candor explain leading-question`"));
//! ```

mod human;
mod style;

pub use human::{Human, HumanOptions, by_sentence, plural};
