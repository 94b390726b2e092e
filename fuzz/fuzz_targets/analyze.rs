//! The whole analysis on any input, with the invariants every report must keep.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static ANALYZER: LazyLock<candor::Analyzer> =
    LazyLock::new(|| candor::Analyzer::new(candor::Config::default()).expect("default config"));

fuzz_target!(|data: &[u8]| {
    let report = ANALYZER.analyze_bytes(data, None);
    if let Ok(decoded) = candor::decode(data) {
        if let Err(e) = candor::invariants::check(&decoded.text, &report) {
            panic!("{e}");
        }
    }
});
