//! End-to-end tests of `candor score --html`: what the page must hold for a research lead to
//! share it as is. What a reader does with it in a browser (sorting, the filter box, the
//! layout on a phone) is checked by scripts/check-html in headless Chromium.

mod common;

use std::path::Path;

use common::{candor, fixture};

/// A folder of labelled interviews with dates in their names (two in January, the rest in
/// February), three of them under generic labels, a greeting that is not judged and notes
/// that are not a transcript.
fn batch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, date) in [
        ("dev01", "2025-01-10"), // Priya, scored 70
        ("dev02", "2025-01-20"), // Marcus, 91
        ("dev03", "2025-02-03"), // Josh, 41
        ("dev04", "2025-02-04"), // Interviewer
        ("dev08", "2025-02-05"), // Speaker A
        ("ext20", "2025-02-06"), // SPEAKER_00
        ("ext41", "2025-02-07"), // Jordan, 33, talks 57%
    ] {
        std::fs::copy(
            fixture(&format!("labelled/{name}.txt")),
            dir.path().join(format!("{date}-{name}.txt")),
        )
        .unwrap();
    }
    std::fs::write(
        dir.path().join("greeting.txt"),
        "Interviewer: Hi, thanks for joining.\nCustomer: Hello.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("notes.txt"),
        "Some notes about the study, to read later.\n",
    )
    .unwrap();
    dir
}

/// The page `candor score --html` writes for `inputs`, at a fixed time.
fn page(inputs: &[&Path], extra: &[&str]) -> String {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("report.html");
    candor()
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .args(["score", "--no-progress", "--html"])
        .arg(&target)
        .args(extra)
        .args(inputs)
        .assert()
        .success();
    std::fs::read_to_string(&target).unwrap()
}

/// The part of the page from `start` to the next `end`.
fn part<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let at = html
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} in the page"));
    let rest = &html[at..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

/// The bars of a horizontal chart, as (label, note), from their `<title>label: note</title>`.
fn bars(svg: &str) -> Vec<(String, String)> {
    svg.split("<title>")
        .skip(1)
        .map(|t| {
            let t = &t[..t.find("</title>").unwrap()];
            let (label, note) = t.split_once(": ").unwrap();
            (label.to_string(), note.to_string())
        })
        .collect()
}

#[test]
fn interviewers_are_ranked_by_score_with_generic_labels_apart_and_counted() {
    let dir = batch();
    let html = page(&[dir.path()], &[]);
    let section = part(&html, "<h2>Scores per interviewer", "</section>");
    let (people, generic) = section
        .split_once("<h3>Generic labels</h3>")
        .expect("generic labels are a group of their own");
    let people = bars(people);
    let names: Vec<&str> = people.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Marcus", "Priya", "Josh", "Jordan"], "best first");
    let scores: Vec<f64> = people
        .iter()
        .map(|(_, note)| note.split(' ').next().unwrap().parse().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(
        people
            .iter()
            .all(|(_, note)| note.ends_with("· 1 interview")),
        "each bar says how many interviews: {people:?}"
    );
    let mut labels: Vec<String> = bars(generic).into_iter().map(|(n, _)| n).collect();
    labels.sort();
    assert_eq!(labels, ["Interviewer", "SPEAKER_00", "Speaker A"]);
    assert!(
        generic.contains("3 interviews whose interviewer is a label"),
        "{generic}"
    );
}

#[test]
fn files_not_judged_and_files_skipped_are_listed_with_why() {
    let dir = batch();
    let html = page(&[dir.path()], &[]);
    let not_judged = part(&html, "<section class=notjudged>", "</section>");
    assert!(not_judged.contains("Not judged: 1 file<"), "{not_judged}");
    assert!(
        not_judged.contains("greeting.txt</code> <span class=reason>too-short</span> too little of an interview to judge: 0 interviewer questions"),
        "{not_judged}"
    );
    // Before the charts, whose figures leave it out.
    assert!(html.find("class=notjudged").unwrap() < html.find("<div class=grid>").unwrap());
    let skipped = part(&html, "<details class=skipped>", "</details>");
    assert!(
        skipped.contains("Not read: 1 file that is not a transcript"),
        "{skipped}"
    );
    assert!(
        skipped.contains("notes.txt</code> text with no speaker turns"),
        "{skipped}"
    );
    // Its row is marked as unscored, which the table's script sorts last.
    let greeting = &html[..html.find("greeting.txt\">").unwrap()];
    let tr = &greeting[greeting.rfind("<tr").unwrap()..];
    assert!(tr.contains(" data-u "), "unscored: {tr}");
}

#[test]
fn counts_of_one_are_singular() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("labelled/dev01.txt"),
        dir.path().join("2025-03-01-dev01.txt"),
    )
    .unwrap();
    let html = page(&[dir.path()], &[]);
    assert!(html.contains("<b>1</b>file<"), "{html}");
    assert!(html.contains("<b>1</b>interview judged<"));
    assert!(html.contains("<b>0</b>errors<"));
    for wrong in [
        "1 files",
        "1 interviews",
        "1 errors",
        "<b>1</b>files",
        "<b>1</b>interviews",
    ] {
        assert!(!html.contains(wrong), "{wrong}");
    }
    assert!(html.contains("mean score 70 over 1 interview<"));
}

#[test]
fn the_offending_words_are_marked_in_each_quoted_sentence() {
    let html = page(&[&fixture("demo/call.vtt")], &[]);
    // leading-question at 33:14-26, hypothetical-question at 41:127-140 (README).
    assert!(
        html.contains("<blockquote><mark>That must be</mark> so frustrating, right?</blockquote>"),
        "{html}"
    );
    assert!(html.contains("<mark>Would you use</mark> something like that?</blockquote>"));
    // Escaped, inside and around the mark.
    let html = page(&[&fixture("labelled/dev01.txt")], &[]);
    assert!(
        html.contains("<blockquote><mark>Don&#39;t you</mark> think the real issue is that nothing sets the tax aside for you automatically?</blockquote>"),
        "{html}"
    );
    let quotes: Vec<&str> = html
        .split("<blockquote>")
        .skip(1)
        .map(|q| &q[..q.find("</blockquote>").unwrap()])
        .collect();
    assert!(!quotes.is_empty());
    assert!(
        quotes.iter().all(|q| q.contains("<mark>")),
        "every quoted sentence has its words marked"
    );
}

#[test]
fn the_table_has_a_filter_box_and_its_findings_show_without_javascript() {
    let dir = batch();
    let html = page(&[dir.path()], &[]);
    assert!(
        html.contains("<p class=filter hidden><label>Filter <input type=search id=filter"),
        "the script shows the box; without it there is none that does nothing"
    );
    assert!(
        html.contains("<tr class=detail id=d0>"),
        "not hidden in the HTML"
    );
    assert!(!html.contains("<tr class=detail id=d0 hidden"));
    let script = part(&html, "<script>", "</script>");
    assert!(
        script.contains("d.hidden=true"),
        "the script folds the findings"
    );
    assert!(script.contains("getElementById('filter')"));
}

#[test]
fn colour_flags_talk_over_the_profile_threshold_and_low_scores() {
    let dir = batch();
    let html = page(&[dir.path()], &[]);
    let jordan = part(&html, "2025-02-07-ext41.txt\">", "</tr>");
    assert!(jordan.contains("class=over>57%<"), "{jordan}");
    assert!(jordan.contains("class=\"score lo\">33<"), "{jordan}");
    let marcus = part(&html, "2025-01-20-dev02.txt\">", "</tr>");
    assert!(marcus.contains("class=\"score hi\">91<"), "{marcus}");
    assert!(!marcus.contains("class=over"), "{marcus}");
    assert!(
        html.contains("class=\"bar over\""),
        "the histogram's bars above 40%"
    );
    // The solution profile allows 60%: 57% is not over it.
    let html = page(&[dir.path()], &["--profile", "solution"]);
    let jordan = part(&html, "2025-02-07-ext41.txt\">", "</tr>");
    assert!(!jordan.contains("class=over"), "{jordan}");
    assert!(html.contains("solution: interviewer talk above 60% is flagged"));
}

#[test]
fn the_page_says_when_from_what_and_under_which_configuration() {
    let dir = batch();
    let html = page(&[dir.path()], &[]);
    let context = part(&html, "<dl class=context>", "</dl>");
    assert!(
        context.contains(&format!(
            "<dd>2026-01-01 00:00 UTC by candor {}</dd>",
            env!("CARGO_PKG_VERSION")
        )),
        "{context}"
    );
    assert!(context.contains(&format!("<code>{}</code>", dir.path().display())));
    assert!(context.contains("discovery: interviewer talk above 40% is flagged"));
    assert!(context.contains("the defaults (no candor.toml)"));
    assert_eq!(html, page(&[dir.path()], &[]), "the same page each time");

    std::fs::write(
        dir.path().join("candor.toml"),
        "profile = \"solution\"\nignore = [\"closed-question\"]\n",
    )
    .unwrap();
    let html = page(&[dir.path()], &[]);
    let context = part(&html, "<dl class=context>", "</dl>");
    assert!(context.contains("solution: interviewer talk above 60% is flagged"));
    assert!(
        context.contains("candor.toml</code>; rules ignored: closed-question"),
        "{context}"
    );
}

#[test]
fn the_chart_over_time_has_an_axis_and_counts_per_month() {
    let dir = batch();
    let html = page(&[dir.path()], &[]);
    let chart = part(&html, "<h2>Scores over time", "</section>");
    for tick in ["0", "25", "50", "75", "100"] {
        assert!(chart.contains(&format!("class=tick>{tick}<")), "{tick}");
    }
    assert!(chart.contains("class=lab>Jan 2025<"));
    assert!(chart.contains("class=sub>(2)<"), "two in January: {chart}");
    assert!(chart.contains("class=sub>(5)<"), "five judged in February");
}
