//! Each rule's bad examples (shown by `candor explain`) are flagged and its better ones are not.

use candor::{Analyzer, Config, Scope};

fn rules_flagged(transcript: &str) -> Vec<String> {
    let analyzer = Analyzer::new(Config::default()).expect("analyser");
    let report = analyzer.analyze_bytes(transcript.as_bytes(), None);
    assert!(report.error.is_none(), "{:?}", report.error);
    report.findings.into_iter().map(|f| f.rule).collect()
}

/// One interviewer line at the end of a short interview (five questions, the least on
/// which candor judges the whole-interview rules), so transcript rules have something to judge.
fn exchange(line: &str) -> String {
    format!(
        "Interviewer: Thanks for joining. How do you handle invoices today?\n\
         Customer: Mostly in a spreadsheet, and it takes most of a Friday every month, honestly, because nothing talks to anything else and I end up copying numbers by hand.\n\
         Interviewer: What happened the last time the numbers didn't match?\n\
         Customer: In March a supplier billed us twice and I only noticed when the bank balance looked wrong.\n\
         Interviewer: How did you sort it out?\n\
         Customer: I rang them, they refunded it, but it took two weeks and three phone calls.\n\
         Interviewer: What did you change after that?\n\
         Customer: Nothing yet, to be honest. I keep meaning to.\n\
         Interviewer: {line}\n\
         Customer: Sure, that makes sense to me, I can see why you would ask about that part of it.\n"
    )
}

/// Bad examples the shipped model misses in this exchange: known gaps, as `misses:` in the
/// rule cases. Each must still be missed, so that a model that catches it again fails here
/// until it is taken off the list.
const KNOWN_MISSES: &[(&str, &str)] = &[
    // None since the retrain on 2,959 cases, which flags stacked-questions' own example again
    // (the retrains on 2,941 cases read its three questions as closed, not as a stack).
];

#[test]
fn bad_examples_are_flagged_and_better_ones_are_not() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for rule in candor::rules() {
        for ex in rule.examples {
            // Transcript-level examples describe a whole interview in words.
            if ex.bad.starts_with('(') {
                continue;
            }
            let bad = rules_flagged(&exchange(ex.bad));
            let flagged = bad.iter().any(|r| r == rule.id);
            let known = KNOWN_MISSES.contains(&(rule.id, ex.bad));
            if !flagged && !known {
                failures.push(format!(
                    "{}: not flagged: {:?} (found {bad:?})",
                    rule.id, ex.bad
                ));
            }
            if flagged && known {
                failures.push(format!(
                    "{}: flagged now, take it off KNOWN_MISSES: {:?}",
                    rule.id, ex.bad
                ));
            }
            let better = rules_flagged(&exchange(ex.better));
            if better.iter().any(|r| r == rule.id) {
                failures.push(if rule.scope != Scope::Transcript {
                    format!("{}: flagged the better example {:?}", rule.id, ex.better)
                } else {
                    format!(
                        "{}: the better example {:?} should satisfy it",
                        rule.id, ex.better
                    )
                });
            }
            checked += 1;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked >= 25, "only {checked} examples checked");
    // Every known miss is one of the examples.
    for (id, bad) in KNOWN_MISSES {
        assert!(
            candor::rules()
                .iter()
                .any(|r| r.id == *id && r.examples.iter().any(|e| e.bad == *bad)),
            "{id}: {bad:?} is not an example"
        );
    }
}

#[test]
fn every_rule_has_an_explanation_help_and_examples() {
    for rule in candor::rules() {
        assert!(rule.explanation.len() > 100, "{}", rule.id);
        assert!(!rule.help.is_empty(), "{}", rule.id);
        assert!(!rule.examples.is_empty(), "{}", rule.id);
        assert!(
            rule.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{}",
            rule.id
        );
    }
}
