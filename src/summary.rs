//! The summary model: each report's row (interviewer, month, folder, talk ratio) and the
//! aggregates over a batch (talk-ratio quantiles, per-rule counts, per-group rows, the best
//! and worst interviews), in memory that does not grow with the number of files.

use std::collections::BTreeMap;
use std::path::Path;

use candor::Report;

use crate::args::GroupBy;

/// The row of a report: names and numbers shared by every output.
pub struct Row<'a> {
    pub path: &'a str,
    pub report: &'a Report,
    pub interviewer: String,
    /// The interview's date (`2025-03-14`): from the file name, else the transcript.
    pub date: Option<String>,
    /// Its month (`2025-03`), what `--group-by month` groups by.
    pub month: Option<String>,
    pub folder: String,
}

/// A date in a file name: 2025-03-14, 2025_03_14, 20250314, as `2025-03-14`.
fn date_from_name(path: &str) -> Option<String> {
    static DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?:^|[^0-9])((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?:[^0-9]|$)")
            .expect("valid regex")
    });
    let name = Path::new(path).file_name()?.to_string_lossy().to_string();
    let c = DATE.captures(&name)?;
    Some(format!("{}-{}-{}", &c[1], &c[2], &c[3]))
}

impl<'a> Row<'a> {
    pub fn new(path: &'a str, report: &'a Report) -> Self {
        let interviewers: Vec<String> = report.interviewers().map(candor::plain_name).collect();
        let date = date_from_name(path).or_else(|| report.date.clone());
        let month = date.as_deref().map(|d| d.get(..7).unwrap_or(d).to_string());
        let folder = Path::new(path)
            .parent()
            .map(|p| p.display().to_string())
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| ".".to_string());
        Row {
            path,
            report,
            interviewer: if interviewers.is_empty() {
                "(none found)".to_string()
            } else {
                interviewers.join(", ")
            },
            date,
            month,
            folder,
        }
    }

    /// The talk ratio used for the summary: by time where timed, else words.
    pub fn ratio(&self) -> Option<f64> {
        self.report.metrics.as_ref()?.talk_ratio().map(|(r, _)| r)
    }
}

/// Whether an interviewer's name is a label a transcript gives instead of a person's name:
/// a role (`Interviewer`, `Host`, `Moderator`, `Participant 2`, `P1`, `Q`), which
/// [`candor::generic_role`] knows, or a voice numbered by a recorder or a diariser
/// (`Speaker`, `Speaker 1`, `Speaker A`, `SPEAKER_00`, `spk_0`, `Unknown Speaker`). A row of
/// several interviewers is generic only when every one of them is.
pub fn is_generic_label(name: &str) -> bool {
    fn one(name: &str) -> bool {
        let name = name.trim();
        if name.is_empty() || name.starts_with('(') || candor::generic_role(name).is_some() {
            return true;
        }
        // A voice's number: "Speaker 1", "SPEAKER_00", "spk_0", "Speaker A", "Voice 2".
        let lower = name.to_lowercase();
        let base = lower.trim_end_matches(|c: char| c.is_ascii_digit());
        let base = match base.rsplit_once([' ', '_', '-']) {
            Some((b, tail)) if tail.len() == 1 && tail.chars().all(|c| c.is_ascii_alphabetic()) => {
                b
            }
            _ => base,
        };
        let base = base.trim_end_matches([' ', '_', '-', '#']);
        let voice = [
            "speaker",
            "spk",
            "spkr",
            "voice",
            "person",
            "unknown",
            "unidentified",
            "guest",
            "attendee",
            "caller",
            "user",
        ];
        voice.contains(&base)
    }
    name.split(", ").all(one)
}

/// Running totals for one group (an interviewer, a folder, a month).
#[derive(Default, Clone)]
pub struct Group {
    pub interviews: usize,
    pub score_sum: f64,
    pub scored: usize,
    pub ratio_sum: f64,
    pub ratios: usize,
    pub rules: BTreeMap<String, usize>,
}

impl Group {
    fn add(&mut self, row: &Row) {
        self.interviews += 1;
        if let Some(s) = row.report.score {
            self.score_sum += s;
            self.scored += 1;
        }
        if let Some(r) = row.ratio() {
            self.ratio_sum += r;
            self.ratios += 1;
        }
        for f in &row.report.findings {
            *self.rules.entry(f.rule.clone()).or_default() += 1;
        }
    }

    pub fn mean_score(&self) -> Option<f64> {
        (self.scored > 0).then(|| self.score_sum / self.scored as f64)
    }

    pub fn mean_ratio(&self) -> Option<f64> {
        (self.ratios > 0).then(|| self.ratio_sum / self.ratios as f64)
    }

    pub fn top_rules(&self, n: usize) -> Vec<(&str, usize)> {
        let mut v: Vec<(&str, usize)> = self.rules.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.truncate(n);
        v
    }
}

/// The summary across the batch, in memory that does not grow with the number of files.
pub struct Summary {
    pub files: usize,
    /// Interviews judged: the means, ranks and charts are over these alone.
    pub interviews: usize,
    pub errors: usize,
    /// Files read but not judged, by reason, and the first of them (path, reason).
    pub not_judged: BTreeMap<&'static str, usize>,
    pub not_judged_files: Vec<(String, &'static str)>,
    /// Talk ratios in thousandths: exact median and p90 to 0.1%.
    hist: Vec<u32>,
    pub ratio_n: usize,
    ratio_sum: f64,
    pub rule_occurrences: BTreeMap<String, usize>,
    pub rule_interviews: BTreeMap<String, usize>,
    pub by_interviewer: BTreeMap<String, Group>,
    pub by: Option<(GroupBy, BTreeMap<String, Group>)>,
    pub by_month: BTreeMap<String, Group>,
    /// (score, path) of the best and worst interviews, five each.
    pub best: Vec<(f64, String)>,
    pub worst: Vec<(f64, String)>,
}

const KEEP: usize = 5;

/// How many files not judged the summary names (all are counted).
pub const NOT_JUDGED_LISTED: usize = 20;

impl Summary {
    /// How many files were read but not judged.
    pub fn not_judged_count(&self) -> usize {
        self.not_judged.values().sum()
    }
}

impl Summary {
    pub fn new(group_by: Option<GroupBy>) -> Self {
        Summary {
            files: 0,
            interviews: 0,
            errors: 0,
            not_judged: BTreeMap::new(),
            not_judged_files: Vec::new(),
            hist: vec![0; 1001],
            ratio_n: 0,
            ratio_sum: 0.0,
            rule_occurrences: BTreeMap::new(),
            rule_interviews: BTreeMap::new(),
            by_interviewer: BTreeMap::new(),
            by: group_by.map(|g| (g, BTreeMap::new())),
            by_month: BTreeMap::new(),
            best: Vec::new(),
            worst: Vec::new(),
        }
    }

    pub fn add(&mut self, row: &Row) {
        self.files += 1;
        if row.report.error.is_some() {
            self.errors += 1;
            return;
        }
        // A file not judged is listed apart, and left out of every mean, rank and chart.
        if !row.report.is_judged() {
            let reason = row.report.reason.map_or("not judged", |r| r.as_str());
            *self.not_judged.entry(reason).or_default() += 1;
            if self.not_judged_files.len() < NOT_JUDGED_LISTED {
                self.not_judged_files.push((row.path.to_string(), reason));
            }
            return;
        }
        self.interviews += 1;
        if let Some(r) = row.ratio() {
            self.hist[(r.clamp(0.0, 1.0) * 1000.0).round() as usize] += 1;
            self.ratio_n += 1;
            self.ratio_sum += r;
        }
        let mut seen = Vec::new();
        for f in &row.report.findings {
            *self.rule_occurrences.entry(f.rule.clone()).or_default() += 1;
            if !seen.contains(&f.rule) {
                seen.push(f.rule.clone());
                *self.rule_interviews.entry(f.rule.clone()).or_default() += 1;
            }
        }
        self.by_interviewer
            .entry(row.interviewer.clone())
            .or_default()
            .add(row);
        if let Some(m) = &row.month {
            self.by_month.entry(m.clone()).or_default().add(row);
        }
        if let Some((kind, groups)) = &mut self.by {
            let key = match kind {
                GroupBy::Interviewer => row.interviewer.clone(),
                GroupBy::Folder => row.folder.clone(),
                GroupBy::Month => row.month.clone().unwrap_or_else(|| "(no date)".into()),
            };
            groups.entry(key).or_default().add(row);
        }
        if let Some(s) = row.report.score {
            keep(&mut self.best, (s, row.path.to_string()), |a, b| {
                b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
            });
            keep(&mut self.worst, (s, row.path.to_string()), |a, b| {
                a.0.total_cmp(&b.0).then(a.1.cmp(&b.1))
            });
        }
    }

    /// The mean score over every scored interview.
    pub fn mean_score(&self) -> Option<f64> {
        let (sum, n) = self
            .by_interviewer
            .values()
            .fold((0.0, 0usize), |(a, n), g| (a + g.score_sum, n + g.scored));
        (n > 0).then(|| sum / n as f64)
    }

    pub fn mean_ratio(&self) -> Option<f64> {
        (self.ratio_n > 0).then(|| self.ratio_sum / self.ratio_n as f64)
    }

    /// The ratio at quantile `q` (0–1), from the histogram.
    pub fn ratio_quantile(&self, q: f64) -> Option<f64> {
        if self.ratio_n == 0 {
            return None;
        }
        let rank = ((q * self.ratio_n as f64).ceil() as usize).clamp(1, self.ratio_n);
        let mut seen = 0;
        for (i, n) in self.hist.iter().enumerate() {
            seen += *n as usize;
            if seen >= rank {
                return Some(i as f64 / 1000.0);
            }
        }
        None
    }

    /// Talk ratios in `buckets` equal bins from 0 to 100%.
    pub fn ratio_bins(&self, buckets: usize) -> Vec<usize> {
        let mut bins = vec![0; buckets];
        for (i, n) in self.hist.iter().enumerate() {
            let b = (i * buckets / 1001).min(buckets - 1);
            bins[b] += *n as usize;
        }
        bins
    }

    /// Rules by occurrences, most first.
    pub fn rules_ranked(&self) -> Vec<(&str, usize, usize)> {
        let mut v: Vec<(&str, usize, usize)> = self
            .rule_occurrences
            .iter()
            .map(|(k, n)| {
                (
                    k.as_str(),
                    *n,
                    self.rule_interviews.get(k).copied().unwrap_or(0),
                )
            })
            .collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v
    }
}

/// Keeps the first KEEP items by `order`.
fn keep(
    list: &mut Vec<(f64, String)>,
    item: (f64, String),
    order: impl Fn(&(f64, String), &(f64, String)) -> std::cmp::Ordering,
) {
    list.push(item);
    list.sort_by(&order);
    list.truncate(KEEP);
}

#[cfg(test)]
mod tests {

    #[test]
    fn generic_labels_are_not_people() {
        for label in [
            "Interviewer",
            "Interviewer 2",
            "Speaker 1",
            "Speaker A",
            "SPEAKER_00",
            "spk_0",
            "Unknown Speaker",
            "Host",
            "Moderator",
            "Participant 3",
            "P1",
            "Q",
            "(none found)",
            "Speaker 1, Speaker 2",
            "Speaker",
        ] {
            assert!(is_generic_label(label), "{label}");
        }
        for name in [
            "Maya Chen",
            "Priya",
            "Anna Speaker",
            "Tom A",
            "Maya Chen, Speaker 1",
            "Dana Kowalski",
        ] {
            assert!(!is_generic_label(name), "{name}");
        }
    }

    #[test]
    fn one_person_is_one_row_whatever_teams_adds_to_the_name() {
        let person = candor::plain_name;
        assert_eq!(person("Priya Shah (She/Her)"), "Priya Shah");
        assert_eq!(person("Kowalski, Dana (External)"), "Dana Kowalski");
        assert_eq!(person("Sam Lee [Contoso]"), "Sam Lee");
        assert_eq!(person("Priya Shah"), "Priya Shah");
        assert_eq!(person("(Unknown)"), "(Unknown)");
        assert_eq!(person("SPEAKER_00"), "SPEAKER_00");
    }

    use super::*;

    #[test]
    fn dates_from_file_names() {
        assert_eq!(
            date_from_name("calls/2025-03-14-acme.vtt").as_deref(),
            Some("2025-03-14")
        );
        assert_eq!(
            date_from_name("calls/acme_20240102.txt").as_deref(),
            Some("2024-01-02")
        );
        assert_eq!(
            date_from_name("calls/2025_11_30 call.md").as_deref(),
            Some("2025-11-30")
        );
        assert_eq!(date_from_name("calls/call-12345678.vtt"), None);
        assert_eq!(date_from_name("2025-13-01.vtt"), None);
    }

    #[test]
    fn quantiles_from_the_histogram() {
        let mut s = Summary::new(None);
        for r in [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0] {
            s.hist[(r * 1000.0_f64).round() as usize] += 1;
            s.ratio_n += 1;
            s.ratio_sum += r;
        }
        assert_eq!(s.ratio_quantile(0.5), Some(0.5));
        assert_eq!(s.ratio_quantile(0.9), Some(0.9));
        assert!((s.mean_ratio().unwrap() - 0.55).abs() < 1e-9);
        assert_eq!(s.ratio_bins(10).iter().sum::<usize>(), 10);
    }

    #[test]
    fn keeps_the_five_best() {
        let mut best = Vec::new();
        for (i, s) in [50.0, 90.0, 10.0, 70.0, 30.0, 95.0, 60.0]
            .iter()
            .enumerate()
        {
            keep(&mut best, (*s, format!("f{i}")), |a, b| b.0.total_cmp(&a.0));
        }
        assert_eq!(
            best.iter().map(|x| x.0).collect::<Vec<_>>(),
            [95.0, 90.0, 70.0, 60.0, 50.0]
        );
    }
}
