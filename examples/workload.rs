//! A fixed, deterministic workload for profiling and for instruction counts under valgrind:
//! the whole analysis of generated interviews in several formats.
//!
//! ```sh
//! cargo build --release --example workload
//! valgrind --tool=callgrind target/release/examples/workload    # see benches/instructions.sh
//! CANDOR_TURNS=20 CANDOR_COPIES=100 target/release/examples/workload 5 plain
//! ```
//!
//! Arguments: rounds (1) and one format to keep (all four unless given). `CANDOR_TURNS` sets
//! the plain interview's length, `CANDOR_COPIES` how many different interviews of each
//! format a round reads, and `CANDOR_STAGE` where the analysis stops (see below).
//! `CANDOR_INPUT=DIR` reads the transcripts in DIR (`.txt`, `.vtt`, `.srt`, `.md`, and
//! `.json` other than `*.labels.json`) instead of generating them, for real speech;
//! `CANDOR_LEARNED=0` runs the patterns alone, without the learned layer.

#[path = "../benches/support/corpus.rs"]
mod corpus;

/// The allocator the CLI uses (src/main.rs), so the figures are the ones users get.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let only: Option<String> = std::env::args().nth(2);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let pool = corpus::Pool::load(root);
    let config = candor::Config::default()
        .with_learned(std::env::var("CANDOR_LEARNED").map_or(true, |v| v != "0"));
    let analyzer = candor::Analyzer::new(config).expect("analyser");
    // CANDOR_TURNS=N sets the plain interview's length (300 turns unless set).
    let plain_turns: usize = std::env::var("CANDOR_TURNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    // CANDOR_COPIES=N analyses N different interviews of each format per round (1 unless set).
    let copies: usize = std::env::var("CANDOR_COPIES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let mut inputs = Vec::new();
    let real = std::env::var_os("CANDOR_INPUT").map(std::path::PathBuf::from);
    if let Some(dir) = &real {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("CANDOR_INPUT is a folder")
            .map(|e| e.expect("folder entry").path())
            .filter(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
                matches!(ext, "txt" | "vtt" | "srt" | "md" | "json")
                    && !name.ends_with(".labels.json")
                    && !name.eq_ignore_ascii_case("README.md")
                    && !name.eq_ignore_ascii_case("MANIFEST.md")
            })
            .collect();
        paths.sort();
        for p in paths {
            inputs.push(std::fs::read(&p).expect("readable transcript"));
        }
    }
    for (format, turns) in [
        ("plain", plain_turns),
        ("teams-vtt", 150),
        ("deepgram-json", 150),
        ("otter", 150),
    ] {
        if real.is_some() || only.as_deref().is_some_and(|o| o != format) {
            continue;
        }
        let mut rng = corpus::Rng::new(3);
        for _ in 0..copies {
            let iv = corpus::interview(&mut rng, &pool, turns);
            inputs.push(corpus::render(&iv, format).into_bytes());
        }
    }
    let bytes: usize = inputs.iter().map(Vec::len).sum();
    // Warm up: compile the built-in patterns outside the measurement.
    // CANDOR_STAGE=parse stops after parsing; =measure skips the rules.
    let stage = std::env::var("CANDOR_STAGE").unwrap_or_default();
    let run = |input: &[u8]| -> usize {
        match stage.as_str() {
            "parse" => candor::parse(input, None).map_or(0, |t| t.turns.len()),
            "measure" => {
                candor::parse(input, None).map_or(0, |t| analyzer.measure(t).speakers.len())
            }
            _ => analyzer.analyze_bytes(input, None).findings.len(),
        }
    };
    let mut findings = 0;
    for input in &inputs {
        findings += run(input);
    }
    // The best of several rounds: the least disturbed by other work on the machine.
    let mut best = f64::INFINITY;
    for _ in 0..rounds {
        let start = std::time::Instant::now();
        findings += measured(&inputs, &run);
        best = best.min(start.elapsed().as_secs_f64());
    }
    let rate = if best.is_finite() {
        format!("{:.1} MB/s", bytes as f64 / 1e6 / best)
    } else {
        "not timed".to_string()
    };
    eprintln!("{rounds} rounds over {bytes} bytes: {findings} findings; best round {rate}");
}

/// One measured round, kept out of line so that a profiler can collect inside it alone:
/// `valgrind --tool=callgrind --collect-atstart=no --toggle-collect='workload::measured*'`.
#[inline(never)]
fn measured(inputs: &[Vec<u8>], run: &dyn Fn(&[u8]) -> usize) -> usize {
    inputs.iter().map(|i| run(i)).sum()
}
