//! Bytes to text: byte-order marks, UTF-16, legacy encodings, line endings.

use crate::error::{Error, Warning};

/// Text decoded from a transcript's bytes, with line endings normalised.
///
/// Every line terminator (CRLF, LF or a lone CR) becomes `\n`, so line numbers
/// match what an editor shows; NUL becomes U+FFFD as the WebVTT parser requires.
///
/// ```
/// let d = candor::decode(b"\xEF\xBB\xBFAna: hi\r\nBo: hello\rAna: bye").unwrap();
/// assert_eq!(d.text, "Ana: hi\nBo: hello\nAna: bye");
/// assert_eq!(d.encoding, "UTF-8");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Decoded {
    /// The text, without byte-order mark, with `\n` line endings.
    pub text: String,
    /// The name of the encoding the bytes were read as (`UTF-8`, `UTF-16LE`, `windows-1252`, …).
    pub encoding: &'static str,
    /// What was guessed or repaired while decoding.
    pub warnings: Vec<Warning>,
    /// The document format the text was taken out of (`docx`), when the bytes were not
    /// text themselves; the text is then the document's paragraphs, one a line.
    pub document: Option<&'static str>,
}

/// How many leading bytes are inspected to tell text from binary.
const SNIFF: usize = 64 * 1024;

/// Decodes transcript bytes to text.
///
/// A Word document (`.docx`) is read as the text of its paragraphs, one a line.
/// UTF-8 (with or without BOM) and UTF-16 with a BOM are read as they are.
/// UTF-16 without a BOM is recognised from its zero bytes. Bytes that are not
/// UTF-8 are read as the legacy encoding `chardetng` finds most likely
/// (Windows-1252, GB18030, Shift_JIS …), with a warning; a UTF-8 file with a
/// few broken bytes is read as UTF-8 with U+FFFD in their place.
///
/// Fails with [`Error::Empty`] for empty or blank input and [`Error::Binary`]
/// for input that is not text.
///
/// ```
/// // "Café" in Windows-1252
/// let d = candor::decode(b"Ana: Caf\xe9 ol\xe9\nBo: Merci beaucoup, \xe0 bient\xf4t").unwrap();
/// assert!(d.text.starts_with("Ana: Café"));
/// assert_eq!(d.warnings.len(), 1);
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    if crate::formats::docx::is_zip(bytes) {
        let text = crate::formats::docx::text(bytes)?;
        if text.trim().is_empty() {
            return Err(Error::Empty);
        }
        return Ok(Decoded {
            text,
            encoding: "UTF-8",
            warnings: Vec::new(),
            document: Some("docx"),
        });
    }
    if bytes.starts_with(b"%PDF-") {
        return Err(Error::Binary(
            "a PDF; candor does not read PDFs: export the transcript as .docx, .vtt, .srt or .txt"
                .into(),
        ));
    }
    let mut warnings = Vec::new();
    let (text, encoding): (String, &'static str) =
        if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
            if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) {
                return Err(Error::Binary(
                    "UTF-32 is not supported; save the file as UTF-8".into(),
                ));
            }
            let (cow, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
            if had_errors {
                warnings.push(Warning::file(format!(
                    "some bytes are not valid {}; they were replaced with U+FFFD",
                    enc.name()
                )));
            }
            (cow.into_owned(), enc.name())
        } else if let Some(enc) = utf16_without_bom(bytes) {
            let (cow, _) = enc.decode_without_bom_handling(bytes);
            warnings.push(Warning::file(format!(
                "no byte-order mark; read as {} from the pattern of zero bytes",
                enc.name()
            )));
            (cow.into_owned(), enc.name())
        } else {
            match std::str::from_utf8(bytes) {
                Ok(s) => (s.to_owned(), "UTF-8"),
                Err(_) => decode_non_utf8(bytes, &mut warnings),
            }
        };

    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    check_text(&text)?;
    Ok(Decoded {
        text: normalize(text),
        encoding,
        warnings,
        document: None,
    })
}

/// UTF-8 with a few broken bytes stays UTF-8; otherwise a legacy encoding is guessed.
fn decode_non_utf8(bytes: &[u8], warnings: &mut Vec<Warning>) -> (String, &'static str) {
    let (valid_multibyte, invalid, first_invalid) = utf8_census(bytes);
    if valid_multibyte > 0 && invalid <= valid_multibyte {
        let line = 1 + bytes[..first_invalid]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        warnings.push(Warning::at(
            line as u32,
            format!("{invalid} byte sequence(s) are not valid UTF-8; replaced with U+FFFD"),
        ));
        return (String::from_utf8_lossy(bytes).into_owned(), "UTF-8");
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
    let (cow, _, _) = enc.decode(bytes);
    warnings.push(Warning::file(format!(
        "the file is not UTF-8; read as {} (a guess: save it as UTF-8 to be sure)",
        enc.name()
    )));
    (cow.into_owned(), enc.name())
}

/// Counts valid multi-byte UTF-8 sequences and invalid ones; returns the offset of the first invalid byte.
fn utf8_census(bytes: &[u8]) -> (usize, usize, usize) {
    let mut valid_multibyte = 0;
    let mut invalid = 0;
    let mut first_invalid = bytes.len();
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            if invalid == 0 {
                first_invalid = chunk.invalid().as_ptr() as usize - bytes.as_ptr() as usize;
            }
            invalid += 1;
        }
    }
    (valid_multibyte, invalid, first_invalid)
}

/// UTF-16 text without a BOM has a zero in most of its even or odd bytes (for Latin text).
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_zero * 10 >= pairs * 7 && even_zero * 20 <= pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even_zero * 10 >= pairs * 7 && odd_zero * 20 <= pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Rejects text that is mostly control characters.
fn check_text(text: &str) -> Result<(), Error> {
    let mut end = text.len().min(SNIFF);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let (total, control) = census(&text[..end]);
    if total > 0 && control * 10 > total {
        return Err(Error::Binary(format!(
            "{}% of the first {} characters are control characters or undecodable bytes",
            control * 100 / total,
            total
        )));
    }
    Ok(())
}

/// Characters, and of them the control characters (other than line and page breaks and tab)
/// and U+FFFD, counted over the bytes in loops the compiler can vectorise.
fn census(sample: &str) -> (usize, usize) {
    let bytes = sample.as_bytes();
    // Every character has one byte that is not a continuation byte (10xxxxxx).
    let total = if sample.is_ascii() {
        bytes.len()
    } else {
        // Summed a 255-byte chunk at a time in a u8, which the compiler vectorises.
        bytes
            .chunks(255)
            .map(|c| {
                usize::from(
                    c.iter()
                        .fold(0u8, |n, &b| n.wrapping_add(u8::from((b as i8) >= -0x40))),
                )
            })
            .sum()
    };
    let ascii_bad = |b: u8| (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)) || b == 0x7f;
    // Eight bytes at a time: only those with a byte below 0x20 or of 0x7F (line breaks,
    // mostly) are looked at byte by byte.
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut control: usize = 0;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes([
            chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
        ]);
        // A byte below 0x20 borrows when 0x20 is taken from it; so does 0x7F once one is added.
        let low = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
        let y = x ^ (ONES * 0x7F);
        let del = y.wrapping_sub(ONES) & !y & HIGH;
        if low | del != 0 {
            control += chunk.iter().filter(|&&b| ascii_bad(b)).count();
        }
    }
    control += chunks.remainder().iter().filter(|&&b| ascii_bad(b)).count();
    // The other controls are U+0080 to U+009F (C2 80 to C2 9F); U+FFFD is EF BF BD.
    for i in memchr::memchr2_iter(0xC2, 0xEF, bytes) {
        let rest = &bytes[i + 1..];
        control += usize::from(if bytes[i] == 0xC2 {
            rest.first().is_some_and(|b| (0x80..=0x9F).contains(b))
        } else {
            rest.starts_with(&[0xBF, 0xBD])
        });
    }
    (total, control)
}

/// CRLF and lone CR become LF; NUL becomes U+FFFD. Copies only when something changes.
fn normalize(text: String) -> String {
    if memchr::memchr2(b'\r', 0, text.as_bytes()).is_none() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\0' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn census_counts_characters_and_controls(text in "(?s).{0,40}") {
            let bad = |c: char| {
                (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c')) || c == '\u{FFFD}'
            };
            let want = (text.chars().count(), text.chars().filter(|&c| bad(c)).count());
            proptest::prop_assert_eq!(census(&text), want);
        }
    }

    #[test]
    fn census_on_controls_and_replacements() {
        assert_eq!(census("a\u{85}\u{FFFD}\u{7f}\t\n£é"), (8, 3));
        // Longer than one 255-byte chunk of the character count, with a control past it.
        let long = format!("{}\u{1}{}", "é".repeat(300), "a".repeat(300));
        assert_eq!(census(&long), (601, 1));
    }

    #[test]
    fn utf16le_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Ana: hola\r\nBo: qué tal".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "Ana: hola\nBo: qué tal");
        assert_eq!(d.encoding, "UTF-16LE");
    }

    #[test]
    fn utf16be_with_bom() {
        let mut bytes = vec![0xFE, 0xFF];
        for u in "Ana: hi\nBo: hey".encode_utf16() {
            bytes.extend_from_slice(&u.to_be_bytes());
        }
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "Ana: hi\nBo: hey");
        assert_eq!(d.encoding, "UTF-16BE");
    }

    #[test]
    fn utf16le_without_bom_is_recognised() {
        let mut bytes = Vec::new();
        for u in "Ana: hello there\nBo: hi, how are you".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "Ana: hello there\nBo: hi, how are you");
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn gb2312_is_guessed() {
        // "你好，今天的会议开始了" in GB2312 twice over, enough for a guess.
        let text = "主持人：你好，今天的会议开始了。我们讨论一下项目的进度和下一步的计划。\n";
        let (bytes, _, _) = encoding_rs::GBK.encode(text);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, text);
        assert!(
            d.encoding == "GBK" || d.encoding == "gb18030",
            "{}",
            d.encoding
        );
    }

    #[test]
    fn mostly_utf8_with_a_broken_byte_stays_utf8() {
        let bytes =
            b"Ana: caf\xc3\xa9 na\xc3\xafve\nBo: broken \xff here\nAna: \xc3\xa0 bient\xc3\xb4t";
        let d = decode(bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains("café"));
        assert!(d.text.contains("broken \u{FFFD} here"));
        assert_eq!(d.warnings[0].line, Some(2));
    }

    #[test]
    fn line_endings_and_nul() {
        let d = decode(b"a\r\nb\rc\nd\0e").unwrap();
        assert_eq!(d.text, "a\nb\nc\nd\u{FFFD}e");
    }

    #[test]
    fn empty_and_blank() {
        assert_eq!(decode(b""), Err(Error::Empty));
        assert_eq!(decode(b" \n\t\r\n "), Err(Error::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF"), Err(Error::Empty));
    }

    #[test]
    fn binary_is_rejected() {
        let bytes: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert!(matches!(decode(&bytes), Err(Error::Binary(_))));
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x5c\x72\xa8\x66\0\0\0\x04";
        assert!(matches!(decode(png), Err(Error::Binary(_))));
    }
}
