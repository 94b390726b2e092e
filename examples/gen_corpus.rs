//! Writes a deterministic corpus of realistic interview transcripts in mixed formats.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- bench-corpus 1000 [SEED]
//! ```

#[path = "../benches/support/corpus.rs"]
mod corpus;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(n)) = (args.next(), args.next()) else {
        eprintln!("usage: gen_corpus DIR COUNT [SEED]");
        std::process::exit(2);
    };
    let n: usize = n.parse().expect("COUNT is a number");
    let seed: u64 = args
        .next()
        .map_or(42, |s| s.parse().expect("SEED is a number"));
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let bytes =
        corpus::write_corpus(root, std::path::Path::new(&dir), n, seed).expect("corpus written");
    println!(
        "wrote {n} transcripts, {:.1} MB, to {dir}",
        bytes as f64 / 1e6
    );
}
