//! A deterministic generator of realistic interview transcripts in every format, for
//! benchmarks and batch tests. Lines are drawn from the labelled interviews in
//! `fixtures/labelled` (interviewer lines for the interviewer, the others for the
//! interviewee), so the text is real interview language; speakers, timings, lengths,
//! formats and dates are drawn from a seeded generator, so a seed always gives the
//! same corpus.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

/// xorshift64*: small, fast, deterministic.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Interview lines to draw from.
pub struct Pool {
    pub interviewer: Vec<String>,
    pub interviewee: Vec<String>,
}

/// The cases the pool is drawn from: the first 32 (dev01–dev16, ext01–ext16), fixed so
/// that labelling more cases does not change the benchmarks' input.
fn frozen(path: &Path) -> bool {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let number = |prefix: &str| {
        stem.strip_prefix(prefix)
            .and_then(|n| n.parse::<u32>().ok())
    };
    number("dev").is_some_and(|n| n <= 16) || number("ext").is_some_and(|n| n <= 16)
}

impl Pool {
    /// Reads the labelled transcripts under `root/fixtures/labelled`.
    pub fn load(root: &Path) -> Pool {
        let dir = root.join("fixtures/labelled");
        let mut interviewer = Vec::new();
        let mut interviewee = Vec::new();
        let mut entries: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .filter(|p| frozen(p))
            .collect();
        entries.sort();
        for path in entries {
            let labels =
                std::fs::read_to_string(path.with_extension("labels.json")).unwrap_or_default();
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for line in text.lines() {
                let line = match line.strip_prefix('[') {
                    Some(rest) => rest.split_once("] ").map_or(line, |(_, l)| l),
                    None => line,
                };
                let Some((speaker, words)) = line.split_once(": ") else {
                    continue;
                };
                let quoted = format!("\"{speaker}\"");
                let is_interviewer = labels
                    .split("\"interviewees\"")
                    .next()
                    .is_some_and(|head| head.contains(&quoted));
                if is_interviewer {
                    interviewer.push(words.to_string());
                } else {
                    interviewee.push(words.to_string());
                }
            }
        }
        assert!(
            !interviewer.is_empty() && !interviewee.is_empty(),
            "no labelled lines in {}",
            dir.display()
        );
        Pool {
            interviewer,
            interviewee,
        }
    }
}

/// One utterance of a generated interview.
pub struct Utterance {
    pub interviewer: bool,
    pub speaker: String,
    pub text: String,
    pub start: f64,
    pub end: f64,
}

/// A generated interview.
pub struct Interview {
    pub interviewer: String,
    pub interviewee: String,
    pub date: (u32, u32, u32),
    pub utterances: Vec<Utterance>,
}

const INTERVIEWERS: &[&str] = &[
    "Maya Chen",
    "Jonah Reyes",
    "Priya Patel",
    "Sam Okafor",
    "Lena Fischer",
    "Tom Walsh",
];
const FIRST: &[&str] = &[
    "Aoife",
    "Marcus",
    "Helena",
    "Gareth",
    "Ravi",
    "Denise",
    "Bernadette",
    "Owen",
    "Marisol",
    "Callum",
    "Shauna",
    "Yasmin",
    "Kerry",
    "Tomasz",
    "Elena",
    "Sanjay",
];
const LAST: &[&str] = &[
    "Byrne",
    "Osei",
    "Novak",
    "Lindqvist",
    "Moreau",
    "Haddad",
    "Kowalski",
    "Nakamura",
    "Silva",
    "O'Brien",
];

/// Generates one interview of `turns` exchanges.
pub fn interview(rng: &mut Rng, pool: &Pool, turns: usize) -> Interview {
    let interviewer = rng.pick(INTERVIEWERS).to_string();
    let interviewee = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
    let date = (2025, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32);
    let mut t = 2.0 + rng.unit() * 5.0;
    let mut utterances = Vec::with_capacity(turns * 2);
    for k in 0..turns * 2 {
        let is_interviewer = k % 2 == 0;
        let text = if is_interviewer {
            rng.pick(&pool.interviewer)
        } else {
            rng.pick(&pool.interviewee)
        }
        .clone();
        let words = text.split_whitespace().count() as f64;
        let duration = words / (2.2 + rng.unit());
        let start = t;
        let end = t + duration;
        t = end + 0.2 + rng.unit() * 1.5;
        utterances.push(Utterance {
            interviewer: is_interviewer,
            speaker: if is_interviewer {
                interviewer.clone()
            } else {
                interviewee.clone()
            },
            text,
            start,
            end,
        });
    }
    Interview {
        interviewer,
        interviewee,
        date,
        utterances,
    }
}

/// The formats the generator writes, with their file extensions.
pub const FORMATS: &[(&str, &str)] = &[
    ("plain", "txt"),
    ("timestamped", "txt"),
    ("markdown", "md"),
    ("otter", "txt"),
    ("rev", "txt"),
    ("teams-vtt", "vtt"),
    ("zoom-vtt", "vtt"),
    ("srt", "srt"),
    ("whisper-json", "json"),
    ("aws-transcribe-json", "json"),
    ("deepgram-json", "json"),
    ("assemblyai-json", "json"),
];

fn clock(x: f64, sep: char) -> String {
    let ms = (x * 1000.0).round() as u64;
    format!(
        "{:02}:{:02}:{:02}{sep}{:03}",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        ms % 1000
    )
}

fn short_clock(x: f64) -> String {
    let s = x as u64;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Renders an interview in a format (a name from [`FORMATS`]).
pub fn render(iv: &Interview, format: &str) -> String {
    let mut s = String::new();
    let u = &iv.utterances;
    match format {
        "plain" => {
            for x in u {
                let _ = writeln!(s, "{}: {}", x.speaker, x.text);
            }
        }
        "timestamped" => {
            for x in u {
                let _ = writeln!(
                    s,
                    "[{}] {}: {}",
                    &clock(x.start, '.')[..8],
                    x.speaker,
                    x.text
                );
            }
        }
        "markdown" => {
            let _ = writeln!(
                s,
                "---\ninterviewer: {}\ndate: {}-{:02}-{:02}\n---\n\n# Interview\n",
                iv.interviewer, iv.date.0, iv.date.1, iv.date.2
            );
            for x in u {
                let _ = writeln!(s, "**{}:** {}\n", x.speaker, x.text);
            }
        }
        "otter" => {
            for x in u {
                let _ = writeln!(s, "{}  {}  \n{}\n", x.speaker, short_clock(x.start), x.text);
            }
            s.push_str("Transcribed by https://otter.ai\n");
        }
        "rev" => {
            for x in u {
                let _ = writeln!(
                    s,
                    "{} ({}):\n{}\n",
                    x.speaker,
                    &clock(x.start, '.')[..8],
                    x.text
                );
            }
        }
        "teams-vtt" | "zoom-vtt" => {
            s.push_str("WEBVTT\n\n");
            for (k, x) in u.iter().enumerate() {
                // Long utterances are split over two cues, as the tools do.
                let words: Vec<&str> = x.text.split(' ').collect();
                let parts: Vec<String> = if words.len() > 24 {
                    vec![
                        words[..words.len() / 2].join(" "),
                        words[words.len() / 2..].join(" "),
                    ]
                } else {
                    vec![x.text.clone()]
                };
                let step = (x.end - x.start) / parts.len() as f64;
                for (p, part) in parts.iter().enumerate() {
                    let (a, b) = (x.start + step * p as f64, x.start + step * (p + 1) as f64);
                    if format == "teams-vtt" {
                        let _ = writeln!(
                            s,
                            "8c1d2e3f-4a5b/{}-{p}\n{} --> {}\n<v {}>{}</v>\n",
                            k + 10,
                            clock(a, '.'),
                            clock(b, '.'),
                            x.speaker,
                            part.replace('&', "&amp;").replace('<', "&lt;")
                        );
                    } else {
                        let _ = writeln!(
                            s,
                            "{}\n{} --> {}\n{}: {}\n",
                            k * 2 + p + 1,
                            clock(a, '.'),
                            clock(b, '.'),
                            x.speaker,
                            part.replace('&', "&amp;").replace('<', "&lt;")
                        );
                    }
                }
            }
        }
        "srt" => {
            for (k, x) in u.iter().enumerate() {
                let _ = writeln!(
                    s,
                    "{}\n{} --> {}\n{}: {}\n",
                    k + 1,
                    clock(x.start, ','),
                    clock(x.end, ','),
                    x.speaker,
                    x.text
                );
            }
        }
        "whisper-json" => {
            s.push_str("{\"segments\": [\n");
            for (k, x) in u.iter().enumerate() {
                let sep = if k + 1 < u.len() { "," } else { "" };
                let _ = writeln!(
                    s,
                    "  {{\"id\": {k}, \"start\": {:.3}, \"end\": {:.3}, \"text\": {}, \"speaker\": {}}}{sep}",
                    x.start,
                    x.end,
                    json_string(&format!(" {}", x.text)),
                    json_string(if x.interviewer {
                        "SPEAKER_00"
                    } else {
                        "SPEAKER_01"
                    })
                );
            }
            s.push_str("], \"language\": \"en\"}\n");
        }
        "aws-transcribe-json" => {
            s.push_str("{\"jobName\": \"interview\", \"results\": {\"transcripts\": [{\"transcript\": \"\"}], \"items\": [\n");
            let mut first = true;
            for x in u {
                let words: Vec<&str> = x.text.split_whitespace().collect();
                let step = (x.end - x.start) / words.len().max(1) as f64;
                let label = if x.interviewer { "spk_0" } else { "spk_1" };
                for (k, w) in words.iter().enumerate() {
                    let (core, punct) = match w.char_indices().last() {
                        Some((i, c)) if matches!(c, '.' | ',' | '?' | '!') && i > 0 => {
                            (&w[..i], Some(c))
                        }
                        _ => (*w, None),
                    };
                    if !first {
                        s.push_str(",\n");
                    }
                    first = false;
                    let a = x.start + step * k as f64;
                    let _ = write!(
                        s,
                        "{{\"start_time\": \"{a:.2}\", \"end_time\": \"{:.2}\", \"speaker_label\": \"{label}\", \"alternatives\": [{{\"confidence\": \"0.99\", \"content\": {}}}], \"type\": \"pronunciation\"}}",
                        a + step,
                        json_string(core)
                    );
                    if let Some(p) = punct {
                        let _ = write!(
                            s,
                            ",\n{{\"alternatives\": [{{\"confidence\": \"0.0\", \"content\": \"{p}\"}}], \"type\": \"punctuation\"}}"
                        );
                    }
                }
            }
            s.push_str("\n]}}\n");
        }
        "deepgram-json" => {
            let _ = writeln!(
                s,
                "{{\"metadata\": {{\"created\": \"{}-{:02}-{:02}T10:00:00Z\"}}, \"results\": {{\"channels\": [{{\"alternatives\": [{{\"transcript\": \"\", \"words\": []}}]}}], \"utterances\": [",
                iv.date.0, iv.date.1, iv.date.2
            );
            for (k, x) in u.iter().enumerate() {
                let sep = if k + 1 < u.len() { "," } else { "" };
                let _ = writeln!(
                    s,
                    "  {{\"start\": {:.3}, \"end\": {:.3}, \"transcript\": {}, \"speaker\": {}, \"channel\": 0}}{sep}",
                    x.start,
                    x.end,
                    json_string(&x.text),
                    if x.interviewer { 0 } else { 1 }
                );
            }
            s.push_str("]}}\n");
        }
        "assemblyai-json" => {
            s.push_str(
                "{\"id\": \"t\", \"status\": \"completed\", \"text\": \"\", \"utterances\": [\n",
            );
            for (k, x) in u.iter().enumerate() {
                let sep = if k + 1 < u.len() { "," } else { "" };
                let _ = writeln!(
                    s,
                    "  {{\"speaker\": \"{}\", \"text\": {}, \"start\": {}, \"end\": {}, \"confidence\": 0.97}}{sep}",
                    if x.interviewer { "A" } else { "B" },
                    json_string(&x.text),
                    (x.start * 1000.0) as u64,
                    (x.end * 1000.0) as u64
                );
            }
            s.push_str("]}\n");
        }
        other => panic!("unknown corpus format {other}"),
    }
    s
}

/// Writes `n` transcripts into `dir`, mixed formats and lengths, named by date and
/// interviewer; returns the bytes written.
pub fn write_corpus(root: &Path, dir: &Path, n: usize, seed: u64) -> std::io::Result<u64> {
    let pool = Pool::load(root);
    let mut rng = Rng::new(seed);
    std::fs::create_dir_all(dir)?;
    let mut bytes = 0u64;
    for i in 0..n {
        // Most calls run 20 to 60 exchanges; a few run long.
        let turns = if rng.below(10) == 0 {
            150 + rng.below(250)
        } else {
            20 + rng.below(40)
        };
        let iv = interview(&mut rng, &pool, turns);
        let (format, ext) = *rng.pick(FORMATS);
        let text = render(&iv, format);
        let who = iv
            .interviewer
            .split(' ')
            .next()
            .unwrap_or("x")
            .to_lowercase();
        let name = format!(
            "{}-{:02}-{:02}-{who}-{i:05}.{ext}",
            iv.date.0, iv.date.1, iv.date.2
        );
        std::fs::write(dir.join(name), &text)?;
        bytes += text.len() as u64;
    }
    Ok(bytes)
}
