//! Runs the cases that sit beside each rule, in `crates/candor/src/rules/cases/<rule>.txt`:
//! every `flags:` line must be flagged by that rule and every `passes:` line must not be.
//! Each case is judged as the interviewer's last turn of a short interview, after the
//! earlier interviewer turn that an `after:` line sets, if any.

use std::path::{Path, PathBuf};

use candor::{Analyzer, Config, Scope};

/// The rules a case line is judged by: the ids of the findings on the case's line.
fn flagged(analyzer: &Analyzer, after: Option<&str>, line: &str) -> Vec<String> {
    let mut text = String::from(
        "Interviewer: Thanks for joining. How do you handle bookings today?\n\
         Customer: Mostly on paper, and a spreadsheet that's always a week behind.\n",
    );
    if let Some(b) = after {
        text.push_str(&format!(
            "Interviewer: {b}\nCustomer: Okay, I see what you mean there.\n"
        ));
    }
    text.push_str(&format!(
        "Interviewer: {line}\nCustomer: Hm, let me think about that for a second.\n"
    ));
    let report = analyzer.analyze_bytes(text.as_bytes(), None);
    assert!(report.error.is_none(), "{:?}", report.error);
    assert!(report.is_judged(), "{:?}", report.warnings);
    let case_line = u32::try_from(text.lines().count() - 1).expect("a short text");
    report
        .findings
        .into_iter()
        .filter(|f| f.line == case_line)
        .map(|f| f.rule)
        .collect()
}

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules/cases")
}

/// What a case line expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// `flags:`: the rule flags it.
    Flags,
    /// `passes:`: the rule does not.
    Passes,
    /// `misses:`: the rule should flag it (by the SPEC) and does not yet: a known gap, kept
    /// in view. The test fails when it starts to flag it, to have the line moved to `flags:`.
    Misses,
    /// `false-alarm:`: the rule should not flag it and does: a known error, kept in view
    /// the same way.
    FalseAlarm,
}

impl Expect {
    /// Whether the rule flags the line now, if the expectation holds.
    fn flagged_now(self) -> bool {
        matches!(self, Expect::Flags | Expect::FalseAlarm)
    }
}

/// A case file's cases: (line number, expectation, the earlier turn, the case).
fn parse(text: &str) -> Vec<(usize, Expect, Option<String>, String)> {
    let mut after: Option<String> = None;
    let mut out = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let l = raw.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let (key, value) = l.split_once(':').unwrap_or((l, ""));
        let value = value.trim();
        let expect = match key {
            "after" => {
                after = (!value.is_empty()).then(|| value.to_string());
                continue;
            }
            "flags" => Expect::Flags,
            "passes" => Expect::Passes,
            "misses" => Expect::Misses,
            "false-alarm" => Expect::FalseAlarm,
            _ => panic!(
                "line {}: expected flags:, passes:, misses:, false-alarm: or after:, got {raw:?}",
                n + 1
            ),
        };
        out.push((n + 1, expect, after.clone(), value.into()));
    }
    out
}

#[test]
fn rule_cases() {
    // The cases are one line each in a two-question exchange: judge it however short.
    let mut config = Config::default();
    config.thresholds.min_questions = Some(0);
    config.thresholds.min_words = Some(0);
    let analyzer = Analyzer::new(config).expect("analyser");
    let mut failures = Vec::new();
    let mut files = 0;
    for entry in std::fs::read_dir(cases_dir()).expect("the cases folder") {
        let path = entry.expect("an entry").path();
        let rule = path.file_stem().and_then(|s| s.to_str()).expect("a name");
        assert!(
            candor::rule(rule).is_some(),
            "{}: not a rule id",
            path.display()
        );
        let text = std::fs::read_to_string(&path).expect("a case file");
        let cases = parse(&text);
        assert!(
            cases.iter().any(|c| c.1 == Expect::Flags)
                && cases.iter().any(|c| c.1 == Expect::Passes),
            "{rule}: a case file needs at least one flags: and one passes: line"
        );
        for (n, expect, after, line) in cases {
            let got = flagged(&analyzer, after.as_deref(), &line);
            let now = got.iter().any(|r| r == rule);
            if now != expect.flagged_now() {
                let what = match expect {
                    Expect::Flags => "not flagged",
                    Expect::Passes => "flagged",
                    Expect::Misses => "now flagged (a known miss is fixed: make it flags:)",
                    Expect::FalseAlarm => "no longer flagged (make it passes:)",
                };
                failures.push(format!("{rule}.txt:{n}: {what}: {line:?} (found {got:?})"));
            }
        }
        files += 1;
    }
    assert!(files > 0);
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_sentence_and_turn_rule_has_its_cases() {
    for r in candor::rules() {
        let file = cases_dir().join(format!("{}.txt", r.id));
        if matches!(r.scope, Scope::Sentence | Scope::Turn) {
            assert!(
                file.is_file(),
                "{} has no cases file {}",
                r.id,
                file.display()
            );
        }
    }
}
