//! The parsers of the text family (plain, timestamped, Markdown, Otter, Rev, Google Meet), forced on any input: an error or a
//! transcript whose turns point inside the source, never a panic.
#![no_main]

use candor::Format;
use libfuzzer_sys::fuzz_target;

const FORMATS: &[Format] = &[
    Format::Plain,
    Format::Timestamped,
    Format::Markdown,
    Format::Otter,
    Format::Rev,
    Format::GoogleMeet,
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let format = FORMATS[usize::from(pick) % FORMATS.len()];
    let Ok(decoded) = candor::decode(rest) else {
        return;
    };
    if let Ok(t) = candor::parse_decoded(&decoded, Some(format)) {
        let lines = decoded.text.split('\n').count() as u32;
        for turn in &t.turns {
            assert!(turn.line >= 1 && turn.line <= lines, "turn line {} of {lines}", turn.line);
            let p = turn.position(turn.text.len());
            assert!(p.line >= 1 && p.line <= lines);
        }
    }
});
