//! Whole-analysis throughput (decode, detect, parse, roles, metrics, every rule, score)
//! per transcript size, on realistic interviews. `cargo bench --bench analyze`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "support/corpus.rs"]
mod corpus;

/// The allocator the CLI uses (src/main.rs), so the figures are the ones users get.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn analyze(c: &mut Criterion) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let pool = corpus::Pool::load(root);
    let analyzer = candor::Analyzer::new(candor::Config::default()).expect("analyser");
    let mut group = c.benchmark_group("analyze");
    // Interviews of 20, 200 and 2,000 turns; the label gives the size they come to.
    for (format, turns) in [
        ("plain", 20),
        ("plain", 200),
        ("plain", 2_000),
        ("teams-vtt", 200),
        ("deepgram-json", 200),
    ] {
        let mut rng = corpus::Rng::new(11);
        let iv = corpus::interview(&mut rng, &pool, turns);
        let bytes = corpus::render(&iv, format).into_bytes();
        let label = format!(
            "{format} {turns} turns ({:.0} KB)",
            bytes.len() as f64 / 1e3
        );
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(label, |b| {
            b.iter(|| {
                let r = analyzer.analyze_bytes(std::hint::black_box(&bytes), None);
                std::hint::black_box(r.findings.len())
            })
        });
    }
    // An interview read again and again runs faster than text never seen before (the
    // processor learns its branches and keeps what it touches in cache), so interviews are
    // also measured as different ones in a row, as `candor score` meets them.
    for (count, turns) in [(100, 20), (10, 200)] {
        let mut rng = corpus::Rng::new(11);
        let many: Vec<Vec<u8>> = (0..count)
            .map(|_| {
                corpus::render(&corpus::interview(&mut rng, &pool, turns), "plain").into_bytes()
            })
            .collect();
        let total: usize = many.iter().map(Vec::len).sum();
        group.throughput(Throughput::Bytes(total as u64));
        group.bench_function(
            format!(
                "plain {count} different of {turns} turns ({:.0} KB)",
                total as f64 / 1e3
            ),
            |b| {
                b.iter(|| {
                    many.iter()
                        .map(|m| {
                            analyzer
                                .analyze_bytes(std::hint::black_box(m), None)
                                .findings
                                .len()
                        })
                        .sum::<usize>()
                })
            },
        );
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(4));
    targets = analyze
}
criterion_main!(benches);
