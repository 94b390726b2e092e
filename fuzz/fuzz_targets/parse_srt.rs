//! The SubRip parser, forced on any input: an error or a transcript whose turns point inside the
//! source, never a panic (`candor::invariants::parse_forced`).
#![no_main]

use candor::Format;
use libfuzzer_sys::fuzz_target;

const FORMATS: &[Format] = &[
    Format::Srt,
];

fuzz_target!(|data: &[u8]| {
    if let Err(e) = candor::invariants::parse_forced(data, FORMATS) {
        panic!("{e}");
    }
});
