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
        if candor::eval::LABELLED_RULES.contains(&r.id) {
            out.push_str(&format!(
                "\nThe `help:` under each finding asks the flagged question again in the \
                 interviewer's own words when a rewrite fits ([better \
                 questions](#better-questions)); otherwise: {}.\n",
                r.help
            ));
        } else {
            out.push_str(&format!("\nThe `help:` under each finding: {}.\n", r.help));
        }
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
    out.push_str(BETTER_QUESTIONS);
    out
}

/// How the `help:` of the labelled rules is made (crates/candor/src/advice.rs).
const BETTER_QUESTIONS: &str = r#"
## Better questions

For eight of the nine rules above that judge what the interviewer says, the `help:` line
rewrites the flagged sentence itself, keeping the interviewer's own topic, in the form
`LEAD: "Question?"` (`self-criticism` keeps its help: running down one's own product holds
no question of theirs, and one about the part run down would ask about the product):

| rule | lead | the question | for example |
|---|---|---|---|
| `closed-question` | ask it open | the question turned without taking a yes for granted: any-words become "what, if any", a verb of practice takes "how …, if at all"; or how they handle the topic today | "Did you take any legal action?" → "What, if any, legal action did you take?"; "Do you use a bug tracker?" → "How do you use a bug tracker today, if at all?"; "Do you have a policy doc for mileage?" → "How do you keep track of mileage today?" |
| `leading-question` | ask it neutrally | what the topic is like for them, without the verdict | "Don't you hate chasing invoices?" → "What is chasing invoices like for you?" |
| `hypothetical-question` | ask about the past | how they did it the last time; for a price, what they spend on it today | "Would you use an app that tracks invoices?" → "How did you track invoices the last time?" |
| `validation-seeking` | ask about their world, not your idea | how they do today what the idea would do | "Would an app that reminds patients about appointments be useful?" → "How do you remind patients about appointments today?" |
| `solution-request` | ask about the problem, not the fix | the hardest part of the activity, the last time | "What features would you want in a scheduling tool?" → "What was the hardest part the last time you dealt with scheduling?" |
| `stacked-questions` | ask one question at a time, first | the open question about them, alone | "How do you plan the week? Do you use a whiteboard?" → "How do you plan the week?" |
| `homework-question` | look it up before the call, and ask what only they know | their role at the organisation named | "What does Acme Logistics do?" → "What does your role at Acme Logistics involve day to day?" |
| `selling` | leave the pitch out and ask | how they do today what the pitch says the product does (not what "we", the vendor, do) | "Our app syncs with QuickBooks automatically" → "How do you sync with QuickBooks today?" |

It works from the sentence's words and the rule alone, so findings of the patterns and of
the learned model get the same help. Fillers, stutters and discourse markers are dropped
first; the topic is the interviewer's own words, at most seven of them, never a pronoun
alone ("it", "that"), never the interviewer's own ("our app"), never a product's name
(CamelCase, or what a price is for), never the people or organisation the question is
for. When no rewrite fits, or the question made is not a well-formed open question, the
rule's own help above stands: a fallback is better than an awkward question.

`crates/candor/tests/advice.rs` rewrites every finding on the labelled cases and asks
each rewrite back to candor as an interviewer's line: none may be flagged by the rule it
replaces (none is flagged by any rule today). About one finding in thirty of these rules
gets a rewrite (216 of 6,398 on the labelled set and the corpus); the rest keep the
rule's help. `CANDOR_ADVICE_REPORT=1 cargo test
-p candor --test advice -- --nocapture` prints the share per rule and a sample.
"#;

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
