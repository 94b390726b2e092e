//! The rule documentation is generated from the rule declarations: `docs/rules.md` and the
//! rules table in README.md (between `<!-- rules:start -->` and `<!-- rules:end -->`).
//! These tests fail when either is out of date; to regenerate both, run
//! `CANDOR_UPDATE_DOCS=1 cargo test -p candor --test docs`.

use std::path::{Path, PathBuf};

use candor::{Config, Level, Profile, RuleInfo, Scope, Severity};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

fn profile_config(p: Profile) -> Config {
    Config::default().with_profile(p)
}

/// What a profile does to a rule: off, or the limits it judges by.
fn in_profile(r: &RuleInfo, p: Profile) -> String {
    let c = profile_config(p);
    if c.level_of(r.id, r.severity) == Level::Off {
        return "off".into();
    }
    match r.id {
        "talk-ratio" => format!("above {:.0}%", c.talk_ratio_threshold() * 100.0),
        "interviewer-monologue" => format!(
            "over {} words or {} s",
            c.monologue_words(),
            c.monologue_seconds()
        ),
        _ => "on".into(),
    }
}

fn scope(s: Scope) -> &'static str {
    match s {
        Scope::Sentence => "each interviewer sentence",
        Scope::Turn => "each interviewer turn",
        Scope::Transcript => "the whole interview",
    }
}

/// The README's table: one line a rule.
fn table() -> String {
    let mut out = String::from(
        "| rule | default | discovery | solution | the interviewer… |\n|---|---|---|---|---|\n",
    );
    for r in candor::rules() {
        out.push_str(&format!(
            "| [`{id}`](docs/rules.md#{id}) | {} | {} | {} | {} |\n",
            severity(r.severity),
            in_profile(r, Profile::Discovery),
            in_profile(r, Profile::Solution),
            r.summary,
            id = r.id,
        ));
    }
    out
}

/// `docs/rules.md`: every rule with its explanation, examples and cases.
fn rules_page() -> String {
    let mut out = String::from(
        "# The rules\n\n\
         <!-- Generated from the rule declarations in crates/candor/src/rules/ by\n     \
         `CANDOR_UPDATE_DOCS=1 cargo test -p candor --test docs`: edit those, not this. -->\n\n\
         Each rule judges the interviewer only. `candor explain RULE` prints the same text; \
         `severity`, `select` and `ignore` in `candor.toml` change which rules run and how \
         loudly (docs/configuration.md). The profile (`--profile discovery|solution`) switches \
         rules and limits as the table shows.\n\n",
    );
    out.push_str(&table().replace("(docs/rules.md#", "(#"));
    for r in candor::rules() {
        out.push_str(&format!("\n## `{}`\n\n", r.id));
        out.push_str(&format!(
            "{}. Default severity **{}**; judges {}; discovery profile: {}; solution profile: {}.\n\n",
            capitalise(r.summary),
            severity(r.severity),
            scope(r.scope),
            in_profile(r, Profile::Discovery),
            in_profile(r, Profile::Solution),
        ));
        out.push_str(r.explanation);
        out.push_str("\n\n| instead of | ask |\n|---|---|\n");
        for e in r.examples {
            out.push_str(&format!("| {} | {} |\n", cell(e.bad), cell(e.better)));
        }
        out.push_str(&format!("\nThe `help:` under each finding: {}.\n", r.help));
        out.push_str("\nIn `candor.toml`:\n\n```toml\n");
        let lines = r.configuration();
        let width = lines.iter().map(|(l, _)| l.len()).max().unwrap_or(0);
        for (line, what) in lines {
            out.push_str(&format!("{line:<width$}  # {what}\n"));
        }
        out.push_str("```\n");
        let cases = format!("crates/candor/src/rules/cases/{}.txt", r.id);
        if root().join(&cases).is_file() {
            out.push_str(&format!(
                "\nWhat it flags and what it must not: [{cases}](../{cases}).\n"
            ));
        }
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

/// Compares `want` with the file, or writes it when updating.
fn check(path: &Path, want: &str) {
    if std::env::var_os("CANDOR_UPDATE_DOCS").is_some() {
        std::fs::write(path, want).expect("write the docs");
        return;
    }
    let got = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        got == want,
        "{} is out of date: run CANDOR_UPDATE_DOCS=1 cargo test -p candor --test docs",
        path.display()
    );
}

#[test]
fn rules_page_is_current() {
    check(&root().join("docs/rules.md"), &rules_page());
}

#[test]
fn readme_rules_table_is_current() {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let (start, end) = ("<!-- rules:start -->\n", "<!-- rules:end -->");
    let (head, rest) = readme.split_once(start).expect("the rules:start marker");
    let (_, tail) = rest.split_once(end).expect("the rules:end marker");
    check(&path, &format!("{head}{start}{}{end}{tail}", table()));
}
