//! SARIF 2.1.0 (<https://docs.oasis-open.org/sarif/sarif/v2.1.0/>), for code-scanning tools.

use candor::{Report, Severity};
use serde_json::{Value, json};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Forward slashes, as SARIF URIs want, for relative paths.
fn uri(path: &str) -> String {
    path.replace('\\', "/")
}

/// One SARIF log for all the reports.
pub fn log(reports: &[(String, Report)]) -> Value {
    let mut rules: Vec<Value> = candor::rules()
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.explanation },
                "help": { "text": r.help },
                "defaultConfiguration": { "level": level(r.severity) },
            })
        })
        .collect();
    let mut known: Vec<String> = candor::rules().iter().map(|r| r.id.to_string()).collect();
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for (path, r) in reports {
        if let Some(e) = &r.error {
            let mut loc =
                json!({ "physicalLocation": { "artifactLocation": { "uri": uri(path) } } });
            if let Some(l) = e.line {
                loc["physicalLocation"]["region"] = json!({ "startLine": l });
            }
            notifications.push(json!({
                "level": "error",
                "message": { "text": e.message },
                "locations": [loc],
            }));
        }
        for f in &r.findings {
            if !known.contains(&f.rule) {
                known.push(f.rule.clone());
                rules.push(json!({ "id": f.rule, "shortDescription": { "text": "a rule from candor.toml" } }));
            }
            let rule_index = known.iter().position(|k| k == &f.rule).unwrap_or(0);
            results.push(json!({
                "ruleId": f.rule,
                "ruleIndex": rule_index,
                "level": level(f.severity),
                "message": { "text": format!("{} ({}). Help: {}", f.message, f.speaker, f.help) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(path) },
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": f.end_line,
                            "endColumn": f.end_column,
                            "snippet": { "text": f.text },
                        }
                    }
                }],
                "properties": { "speaker": f.speaker, "turn": f.turn },
            }));
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "candor",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/candor-dev/candor",
                "rules": rules,
            }},
            "invocations": [{
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }]
    })
}
