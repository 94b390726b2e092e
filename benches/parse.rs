//! Detect + parse throughput per format, on a realistic ~1 MB interview in each.
//! `cargo bench --bench parse`; figures in benches/README.md.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "support/corpus.rs"]
mod corpus;

/// The allocator the CLI uses (src/main.rs), so the figures are the ones users get.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn parse(c: &mut Criterion) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let pool = corpus::Pool::load(root);
    let mut group = c.benchmark_group("detect+parse");
    for (format, _) in corpus::FORMATS {
        let mut rng = corpus::Rng::new(7);
        // About 1 MB: a long interview, as a two-hour call would be.
        let iv = corpus::interview(&mut rng, &pool, 2_000);
        let bytes = corpus::render(&iv, format).into_bytes();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(*format, |b| {
            b.iter(|| {
                let t = candor::parse(std::hint::black_box(&bytes), None).expect("parses");
                std::hint::black_box(t.turns.len())
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(4));
    targets = parse
}
criterion_main!(benches);
