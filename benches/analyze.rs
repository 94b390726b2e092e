//! Whole-analysis throughput (decode, detect, parse, roles, metrics, every rule, score)
//! per transcript size, on realistic interviews. `cargo bench --bench analyze`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "support/corpus.rs"]
mod corpus;

fn analyze(c: &mut Criterion) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let pool = corpus::Pool::load(root);
    let analyzer = candor::Analyzer::new(candor::Config::default()).expect("analyser");
    let mut group = c.benchmark_group("analyze");
    for (format, turns, label) in [
        ("plain", 20, "plain 10 KB"),
        ("plain", 200, "plain 100 KB"),
        ("plain", 2_000, "plain 1 MB"),
        ("teams-vtt", 200, "webvtt 100 KB"),
        ("deepgram-json", 200, "json 100 KB"),
    ] {
        let mut rng = corpus::Rng::new(11);
        let iv = corpus::interview(&mut rng, &pool, turns);
        let bytes = corpus::render(&iv, format).into_bytes();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(label, |b| {
            b.iter(|| {
                let r = analyzer.analyze_bytes(std::hint::black_box(&bytes), None);
                std::hint::black_box(r.findings.len())
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(4));
    targets = analyze
}
criterion_main!(benches);
