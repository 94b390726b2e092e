//! The learned layer: the weights that ship are what training produces, judging computes
//! the scores training computes, and a model finding points at words and says what found it.

mod common;

use candor::learn::{self, Model, Options};
use candor::{Analyzer, Config, Source};
use common::{load_cases, load_tree, root};

const SHIPPED: &[u8] = include_bytes!("../src/rules/learned/weights.bin");

#[test]
fn the_shipped_weights_are_what_training_produces() {
    // As `candor train fixtures/corpus fixtures/labelled -o
    // crates/candor/src/rules/learned/weights.bin`.
    let mut cases = load_tree(&root().join("fixtures/corpus"));
    cases.extend(load_cases(&root().join("fixtures/labelled")));
    assert!(cases.len() >= 300, "{} cases", cases.len());
    let model = learn::model_from_cases(&Config::default(), &cases, &Options::default())
        .expect("training runs");
    let bytes = model.to_bytes();
    assert!(
        bytes == SHIPPED,
        "crates/candor/src/rules/learned/weights.bin is not what training gives now \
         ({} bytes, {} shipped): run `cargo run --release -- train fixtures/corpus \
         fixtures/labelled -o crates/candor/src/rules/learned/weights.bin`",
        bytes.len(),
        SHIPPED.len()
    );
}

#[test]
fn judging_computes_the_scores_training_computes() {
    let model = Model::from_bytes(SHIPPED).expect("the shipped model reads");
    let cases = load_cases(&root().join("fixtures/labelled"));
    let config = Config::default();
    let lines = learn::lines(&config, &cases, model.spec).expect("featurised");
    let trainer = learn::line_scores(&model, &lines);
    let judged = learn::judged_scores(&config, &cases, &model).expect("judged");
    assert_eq!(trainer.len(), judged.len());
    let sentence_rows: Vec<usize> = learn::rule_ids()
        .iter()
        .enumerate()
        .filter(|(_, id)| **id != "stacked-questions")
        .map(|(r, _)| r)
        .collect();
    let mut compared = 0;
    for (t, j) in trainer.iter().zip(&judged) {
        for &r in &sentence_rows {
            assert_eq!(
                t[r].to_bits(),
                j[r].to_bits(),
                "row {r}: {} vs {}",
                t[r],
                j[r]
            );
            compared += 1;
        }
    }
    assert!(compared > 5_000, "{compared}");
}

/// The context layer's verdicts as the trainer computes them from the features are the
/// findings the analyser makes, line by line and rule by rule.
#[test]
fn judging_decides_what_training_decides() {
    let model = Model::from_bytes(SHIPPED).expect("the shipped model reads");
    let mut cases = load_cases(&root().join("fixtures/labelled"));
    // And real podcasts' long, rambling host turns, where the model's own score no longer
    // flags a line by itself (turns over `FALLBACK_WORDS` words): the limit must hold alike.
    // Two batches, so that some line is likely to fall between the two thresholds (with the
    // weights trained on 2,027 cases, fixtures/labelled and r05 alone had none).
    for batch in ["r05", "r17"] {
        let mut long = load_cases(&root().join("fixtures/corpus").join(batch));
        for c in &mut long {
            c.name = format!("{batch}/{}", c.name);
        }
        cases.extend(long);
    }
    // The trainer leaves ambiguous lines out, so the lines after one remember one line less
    // than the analyser does: only cases without one are comparable.
    cases.retain(|c| c.labels.ambiguous.is_empty());
    let config = Config::default();
    let lines = learn::lines(&config, &cases, model.spec).expect("featurised");
    let decided = learn::line_decisions(&model, &lines);
    let rules = learn::rule_ids();
    let (mut compared, mut flagged, mut yielded, mut between) = (0, 0, 0, 0);
    for (c, case) in cases.iter().enumerate() {
        let mut cfg = config.clone();
        cfg.interviewers = case.labels.interviewers.clone();
        cfg.interviewees = case.labels.interviewees.clone();
        cfg.thresholds.min_questions = Some(0);
        cfg.thresholds.min_words = Some(0);
        let report = Analyzer::new(cfg)
            .expect("analyser")
            .analyze_bytes(&case.transcript, None);
        let found = |line: u32, rule: &str| {
            report
                .findings
                .iter()
                .any(|f| f.line == line && f.rule == rule)
        };
        for (l, d) in lines.iter().zip(&decided).filter(|(l, _)| l.case == c) {
            for (r, rule) in rules.iter().enumerate() {
                compared += 1;
                flagged += usize::from(d[r].0);
                // Sure enough for a short turn's threshold, not for this long turn's: both
                // sides must judge it by the long turn's.
                let row = &model.rows[r];
                let at = row.threshold_at(l.words as usize);
                between += usize::from(at > row.threshold && (row.threshold..at).contains(&d[r].1));
                // Sure enough of several questions in a turn with fewer than two, and no
                // pattern's finding: neither side may flag it (nothing to underline). Whether
                // such a turn occurs here depends on the weights; the rule itself is pinned by
                // the trainer's unit test `the_model_alone_flags_several_questions_only_where_…`.
                if *rule == "stacked-questions"
                    && !l.patterns[r]
                    && l.questions < 2
                    && d[r].1 >= model.rows[r].threshold_at(l.words as usize)
                {
                    assert!(!d[r].0, "{} line {}", case.name, l.line);
                }
                let judged = found(l.line, rule);
                // A hypothetical question the analyser drops for the solution request in
                // the same sentence ("what would your ideal tool do?").
                if d[r].0
                    && !judged
                    && *rule == "hypothetical-question"
                    && found(l.line, "solution-request")
                {
                    yielded += 1;
                    continue;
                }
                assert_eq!(
                    d[r].0, judged,
                    "{} line {}: {rule} ({})",
                    case.name, l.line, d[r].1
                );
            }
        }
    }
    assert!(
        compared > 5_000 && flagged > 300,
        "{compared} compared, {flagged} flagged"
    );
    assert!(yielded < 10, "{yielded}");
    // Lines of long turns whose probability lies between the two thresholds, so that the
    // threshold for long turns is exercised (4 with the weights trained on 1,608 cases, on
    // fixtures/labelled and r05; how many depends on the weights).
    assert!(between > 0, "no line between the two thresholds");
    // Enough long turns that the word limit on the fallback is exercised.
    let long = lines.iter().filter(|l| l.words > 40).count();
    assert!(long > 100, "{long} lines in turns over 40 words");
}

#[test]
fn a_model_finding_points_at_its_words_and_says_what_found_it() {
    let analyzer = Analyzer::new(Config::default()).expect("analyser");
    let text = "Interviewer: Thanks for making time. How do you run the monthly close today?\n\
                Customer: Mostly spreadsheets, and a lot of chasing people for receipts.\n\
                Interviewer: Honestly, to be upfront, setup is where we're weakest, it takes a while.\n\
                Customer: Okay.\n";
    let report = analyzer.analyze_bytes(text.as_bytes(), None);
    for f in &report.findings {
        assert!((0.0..=1.0).contains(&f.confidence), "{f:?}");
        assert!(f.column >= 1 && f.end_column > f.column || f.end_line > f.line);
        if f.source == Source::Model {
            assert!(f.message.contains("what weighed most"), "{}", f.message);
        }
    }
    // Without the model, the patterns alone.
    let patterns = Analyzer::new(Config::default().with_learned(false)).expect("analyser");
    let r = patterns.analyze_bytes(text.as_bytes(), None);
    assert!(r.findings.iter().all(|f| f.source == Source::Pattern));
}

/// Where the patterns found a rule in one sentence of a turn and the model scored the turn's
/// next sentence higher, the finding keeps the patterns' words: the model was trained on
/// whole lines, not on which of their sentences holds the problem.
#[test]
fn a_turn_the_model_flags_keeps_the_words_the_patterns_found() {
    let analyzer = Analyzer::new(Config::default()).expect("analyser");
    let text = std::fs::read(root().join("fixtures/labelled/dev03.txt")).expect("dev03");
    let report = analyzer.analyze_bytes(&text, None);
    let selling: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule == "selling" && f.line == 27)
        .collect();
    assert_eq!(selling.len(), 1, "{selling:?}");
    let f = selling[0];
    assert!(f.text.starts_with("Linewise would have caught"), "{f:?}");
    assert_eq!(f.column, 12, "{f:?}");
    assert!(f.message.contains("describes the product"), "{f:?}");
}

/// Two analysers, without and with `--explain`, that judge a transcript however short (for
/// the sake of its sentences).
fn plain_and_explained() -> (Analyzer, Analyzer) {
    let mut short = Config::default();
    short.thresholds.min_questions = Some(0);
    short.thresholds.min_words = Some(0);
    let plain = Analyzer::new(short.clone()).expect("analyser");
    let explained = Analyzer::new(short.with_explain(true)).expect("analyser");
    (plain, explained)
}

#[test]
fn explaining_lists_the_features_that_weighed_most() {
    let text = "Interviewer: So tell me about your week.\nCustomer: Busy.\n\
                Interviewer: Would you pay forty dollars a month for an app that did it all for you?\n\
                Customer: Maybe.\n";
    let (plain, explained) = plain_and_explained();
    let a = plain.analyze_bytes(text.as_bytes(), None);
    let b = explained.analyze_bytes(text.as_bytes(), None);
    assert!(a.findings.iter().all(|f| f.cues.is_empty()));
    let by_model: Vec<_> = b
        .findings
        .iter()
        .filter(|f| f.source != Source::Pattern)
        .collect();
    assert!(!by_model.is_empty(), "{:?}", b.findings);
    for f in by_model {
        assert!(!f.cues.is_empty() && f.cues.len() <= 5, "{f:?}");
        assert!(f.cues.windows(2).all(|w| w[0].weight >= w[1].weight));
        assert!(f.cues.iter().all(|c| c.weight > 0.0));
    }
}

#[test]
fn explaining_says_which_threshold_a_finding_reached() {
    let model = Model::from_bytes(SHIPPED).expect("the shipped model reads");
    let row = |id: &str| {
        model
            .rows
            .iter()
            .find(|r| r.rule_id() == id)
            .expect("a row for the rule")
    };
    // The same leading question asked alone (a short turn) and at the end of a turn of more
    // than 80 words, where each rule has a threshold of its own, never lower.
    let ask = "You'd pay twenty dollars a month for that, wouldn't you?";
    let long = format!(
        "So we spent most of last year talking to people who run small depots like yours, and \
         what we kept hearing was that the paperwork for every delivery ends up in a box, then \
         someone types it up on a Friday, then the numbers never quite match what the drivers \
         said happened on the road, and we built something around that, with a scanner and a \
         little dashboard for the office, and we have been testing it with a few people. {ask}"
    );
    assert!(long.split_whitespace().count() > 80);
    let text = format!(
        "Interviewer: How do you handle the delivery paperwork today?\n\
         Customer: Paper, mostly, in a box by the door.\n\
         Interviewer: {ask}\n\
         Customer: Maybe.\n\
         Interviewer: {long}\n\
         Customer: I'd have to think about it.\n"
    );
    let (plain, explained) = plain_and_explained();
    // Without `--explain`, no threshold (and none in the JSON).
    let a = plain.analyze_bytes(text.as_bytes(), None);
    assert!(a.findings.iter().all(|f| f.threshold.is_none()));
    assert!(!serde_json::to_string(&a).unwrap().contains("\"threshold\""));
    let b = explained.analyze_bytes(text.as_bytes(), None);
    let mut seen = [false; 2];
    for f in b.findings.iter().filter(|f| f.threshold.is_some()) {
        let t = f.threshold.unwrap();
        let r = row(&f.rule);
        let (expected, is_long) = if f.line == 5 {
            (r.long, r.long > r.threshold)
        } else {
            (r.threshold, false)
        };
        assert!((t.value - f64::from(expected)).abs() < 0.006, "{f:?}");
        assert_eq!(t.long_turn, is_long, "{f:?}");
        assert!(f.confidence + 0.006 >= t.value, "{f:?}");
        assert_ne!(f.source, Source::Pattern, "{f:?}");
        seen[usize::from(f.line == 5)] = true;
    }
    // The leading question is found in both turns, each against its own threshold.
    let leading = |line: u32| {
        b.findings
            .iter()
            .any(|f| f.rule == "leading-question" && f.line == line && f.threshold.is_some())
    };
    assert!(leading(3) && leading(5), "{:?}", b.findings);
    assert!(seen[0] && seen[1]);
    // The human diagnostic says so.
    let shown = b.render_human(Some(&text), &Default::default());
    assert!(shown.contains("(threshold "), "{shown}");
}

#[test]
fn min_confidence_drops_the_less_sure_findings() {
    let cases = load_cases(&root().join("fixtures/labelled"));
    let all = Analyzer::new(Config::default()).expect("analyser");
    let sure = Analyzer::new(Config::default().with_min_confidence(0.95)).expect("analyser");
    let (mut n_all, mut n_sure) = (0, 0);
    for c in cases.iter().take(12) {
        let a = all.analyze_bytes(&c.transcript, None);
        let b = sure.analyze_bytes(&c.transcript, None);
        n_all += a.findings.len();
        n_sure += b.findings.len();
        assert!(b.findings.iter().all(|f| f.confidence >= 0.95));
    }
    assert!(n_sure < n_all, "{n_sure} of {n_all}");
}

#[test]
fn cross_validation_lists_each_held_out_error_once() {
    // What `candor eval fixtures/labelled --cv 2 -v` lists.
    let cases = load_cases(&root().join("fixtures/labelled"));
    let names: Vec<String> = cases.iter().map(|c| c.name.clone()).collect();
    let mut o = Options::default();
    o.folds = 2;
    let lines = learn::lines(&Config::default(), &cases, o.spec).expect("featurised");
    let v = learn::cross_validate(&lines, &names, learn::Grouping::Interview, &o, 2);
    // One error per wrong (line, rule): false alarms and misses as the counts have them.
    for (r, id) in learn::rule_ids().iter().enumerate() {
        let c = &v.combined.rules[r];
        let mine = |alarm: bool| {
            v.errors
                .iter()
                .filter(|e| e.rule == *id && e.false_alarm == alarm)
                .count()
        };
        assert_eq!(
            (mine(true), mine(false)),
            (c.false_positives, c.false_negatives),
            "{id}"
        );
    }
    // Each names, by its number in the transcript file, an interviewer's line whose labels
    // (read from the labels file, not from the trainer's lines) disagree with the flag.
    for e in &v.errors {
        let case = &cases[e.case];
        let text = String::from_utf8_lossy(&case.transcript);
        let line = text
            .lines()
            .nth(e.line as usize - 1)
            .unwrap_or_else(|| panic!("{}:{} is past the end", case.name, e.line));
        // `Name: text`, or `[HH:MM:SS] Name: text`.
        let said = line
            .strip_prefix('[')
            .and_then(|l| l.split_once("] "))
            .map_or(line, |(_, rest)| rest);
        assert!(
            case.labels
                .interviewers
                .iter()
                .any(|i| said.starts_with(&format!("{i}:"))),
            "{}:{}: not an interviewer's line: {line}",
            case.name,
            e.line
        );
        let labelled = case
            .labels
            .labels
            .iter()
            .any(|l| l.line == e.line && l.rules.iter().any(|r| r == e.rule));
        assert_eq!(
            labelled, !e.false_alarm,
            "{}:{} {}",
            case.name, e.line, e.rule
        );
        assert!((0.0..=1.0).contains(&e.score));
    }
    assert!(
        v.errors
            .windows(2)
            .all(|w| (w[0].case, w[0].line) <= (w[1].case, w[1].line))
    );
    // Enough to mean something: both kinds, more than one rule.
    assert!(v.errors.iter().any(|e| e.false_alarm) && v.errors.iter().any(|e| !e.false_alarm));
    let mut rules: Vec<&str> = v.errors.iter().map(|e| e.rule).collect();
    rules.sort_unstable();
    rules.dedup();
    assert!(rules.len() >= 2, "{rules:?}");
}

#[test]
fn training_weighs_real_transcripts_by_the_option() {
    // One real case (its folder `r` and digits) and one written, named as the corpus
    // names them.
    let take = |folder: &str| {
        let mut c = load_cases(&root().join("fixtures/corpus").join(folder))
            .into_iter()
            .next()
            .expect("a case");
        c.name = format!("{folder}/{}", c.name);
        c
    };
    let cases = vec![take("r13"), take("b01")];
    // Not the default (4), so that an option ignored would show.
    let mut o = Options::default();
    o.real_weight = 2.5;
    let lines = learn::training_lines(&Config::default(), &cases, &o).expect("featurised");
    for case in 0..2 {
        let weights: Vec<f32> = lines
            .iter()
            .filter(|l| l.case == case)
            .map(|l| l.weight)
            .collect();
        assert!(!weights.is_empty(), "case {case} has interviewer lines");
        let want = if case == 0 { 2.5 } else { 1.0 };
        assert!(
            weights.iter().all(|&w| w == want),
            "case {case}: {weights:?}"
        );
    }
    // Scoring lines (`learn::lines`) counts every line once.
    let plain = learn::lines(&Config::default(), &cases, o.spec).expect("featurised");
    assert!(plain.iter().all(|l| l.weight == 1.0));
    // A weight that is no weight is refused, by name.
    for bad in [0.0, -1.0, f32::NAN, f32::INFINITY] {
        let mut o = Options::default();
        o.real_weight = bad;
        let err = learn::training_lines(&Config::default(), &cases, &o)
            .expect_err("refused")
            .to_string();
        assert!(err.contains("weight of real transcripts"), "{err}");
    }
}
