//! Precision and recall of every rule over the labelled cases in fixtures/labelled.
//! The bar: precision 0.90 and recall 0.80 for each rule.

use std::path::PathBuf;

mod common;
use common::load_cases;

use candor::Config;
use candor::eval::{LABELLED_RULES, evaluate};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn evaluation() -> candor::eval::Evaluation {
    let cases = load_cases(&root().join("fixtures/labelled"));
    assert!(
        cases.len() >= 32,
        "expected the labelled set, found {} cases",
        cases.len()
    );
    evaluate(&Config::default(), &cases).expect("evaluation runs")
}

#[test]
fn every_rule_meets_the_precision_and_recall_bar() {
    let e = evaluation();
    let mut failures = Vec::new();
    for rule in LABELLED_RULES {
        let c = &e.rules[*rule];
        if c.true_positives + c.false_negatives == 0 {
            failures.push(format!("{rule}: no labelled lines to measure"));
        }
        if c.precision() < 0.90 || c.recall() < 0.80 {
            failures.push(format!(
                "{rule}: precision {:.2}, recall {:.2}",
                c.precision(),
                c.recall()
            ));
        }
    }
    for (name, c) in [("referral asks", &e.referral), ("summaries", &e.summary)] {
        if c.precision() < 0.90 || c.recall() < 0.80 {
            failures.push(format!(
                "{name}: precision {:.2}, recall {:.2}",
                c.precision(),
                c.recall()
            ));
        }
    }
    let misses: Vec<String> = e
        .misses
        .iter()
        .map(|m| format!("  {}:{} {} {}: {}", m.case, m.line, m.kind, m.rule, m.text))
        .collect();
    assert!(
        failures.is_empty(),
        "{}\n{}",
        failures.join("\n"),
        misses.join("\n")
    );
}

#[test]
fn roles_are_found_without_help_in_nearly_every_case() {
    let e = evaluation();
    assert!(
        e.roles_correct * 10 >= e.cases * 9,
        "{} of {}",
        e.roles_correct,
        e.cases
    );
}

/// docs/accuracy.md shows the table; regenerate it with `bash scripts/update-eval-table.sh`.
#[test]
fn accuracy_table_is_current() {
    let doc = std::fs::read_to_string(root().join("docs/accuracy.md")).expect("docs/accuracy.md");
    let start = doc
        .find("<!-- eval:start -->")
        .expect("docs/accuracy.md has an eval:start marker");
    let end = doc
        .find("<!-- eval:end -->")
        .expect("docs/accuracy.md has an eval:end marker");
    let shown = doc[start + "<!-- eval:start -->".len()..end].trim();
    let actual = evaluation().markdown();
    assert_eq!(
        shown,
        actual.trim(),
        "the precision/recall table in docs/accuracy.md is out of date: run `bash scripts/update-eval-table.sh`"
    );
}
