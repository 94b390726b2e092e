//! Format detection on any text: never panics, and agrees with parsing on what it found.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(d) = candor::decode(data) {
        if let Some(format) = candor::detect(&d.text) {
            // A format detected is one the parser accepts by name.
            assert_eq!(format.name().parse::<candor::Format>().ok(), Some(format));
        }
    }
});
