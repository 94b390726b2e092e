//! Word documents (`.docx`): the text of their paragraphs, one a line.
//!
//! Teams' own transcript download and the Word exports of Zoom, Otter, Rev and Google Meet
//! are `.docx` files: a ZIP archive whose `word/document.xml` holds the paragraphs. Their
//! text is laid out as the tools' text exports are (`Name   0:03` headers, `Name: text`,
//! `Name (00:01):`, bare timestamps), so the paragraphs are joined with newlines and read by
//! the text detectors. A line of the result is a paragraph, or a part of one after a line
//! break (Shift+Enter): line numbers in findings count those, as Word's own navigation does.

use std::io::Read;

use quick_xml::events::Event;

use crate::error::Error;

/// The largest `word/document.xml` read (uncompressed): far above any transcript, and a
/// bound on what a hostile archive can make candor inflate.
const MAX_XML: u64 = 128 * 1024 * 1024;

/// Whether the bytes are a ZIP archive (a `.docx`, `.xlsx`, `.odt` …).
pub(crate) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The paragraphs of a Word document, one a line.
pub(crate) fn text(bytes: &[u8]) -> Result<String, Error> {
    let not_word = |why: String| {
        Error::Binary(format!(
            "a ZIP archive that is not a readable Word document: {why}"
        ))
    };
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| not_word(format!("{e}")))?;
    if archive.index_for_name("word/document.xml").is_none() {
        return Err(not_word(
            if archive.index_for_name("content.xml").is_some() {
                "it is an OpenDocument file; save it from your editor as .docx or .txt".to_string()
            } else {
                "it has no word/document.xml".to_string()
            },
        ));
    }
    let mut file = archive
        .by_name("word/document.xml")
        .map_err(|e| not_word(format!("word/document.xml cannot be read: {e}")))?;
    if file.size() > MAX_XML {
        return Err(not_word(format!(
            "its text is {} MB, more than the {} MB candor reads",
            file.size() / 1_000_000,
            MAX_XML / 1_000_000
        )));
    }
    let mut xml = Vec::with_capacity(file.size() as usize);
    (&mut file)
        .take(MAX_XML)
        .read_to_end(&mut xml)
        .map_err(|e| not_word(format!("word/document.xml cannot be inflated: {e}")))?;
    let xml = String::from_utf8(xml)
        .map_err(|_| not_word("word/document.xml is not UTF-8".to_string()))?;
    paragraphs(&xml).map_err(not_word)
}

/// The text of the `<w:p>` paragraphs of WordprocessingML, joined with newlines. Runs'
/// text (`<w:t>`) is joined directly; tabs and line breaks become `\t` and `\n`; deleted
/// text (`<w:delText>`), field codes (`<w:instrText>`) and everything else is left out.
fn paragraphs(xml: &str) -> Result<String, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::with_capacity(xml.len() / 4);
    // Inside a <w:t>, whose text is kept.
    let mut in_text = false;
    loop {
        let event = reader.read_event().map_err(|e| {
            format!(
                "word/document.xml is not well-formed XML at byte {}: {e}",
                reader.error_position()
            )
        })?;
        match event {
            Event::Start(e) if e.local_name().as_ref() == b"t" => in_text = true,
            Event::Empty(e) => match e.local_name().as_ref() {
                b"tab" | b"ptab" => out.push('\t'),
                b"br" | b"cr" => out.push('\n'),
                b"noBreakHyphen" => out.push('-'),
                // An empty paragraph is a blank line.
                b"p" => out.push('\n'),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                // Paragraphs nest (a text box inside one): a newline ends each.
                b"p" => out.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_text => {
                let s = t.decode().map_err(|e| format!("word/document.xml: {e}"))?;
                out.push_str(&s);
            }
            Event::CData(t) if in_text => {
                out.push_str(&String::from_utf8_lossy(&t));
            }
            Event::GeneralRef(r) if in_text => {
                if let Some(c) = r
                    .resolve_char_ref()
                    .map_err(|e| format!("word/document.xml: {e}"))?
                {
                    out.push(c);
                } else {
                    out.push_str(match &*r {
                        b"amp" => "&",
                        b"lt" => "<",
                        b"gt" => ">",
                        b"quot" => "\"",
                        b"apos" => "'",
                        _ => "",
                    });
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    // Non-breaking spaces (Word uses them around times) read as spaces.
    if out.contains('\u{a0}') {
        out = out.replace('\u{a0}', " ");
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_runs_tabs_breaks_and_entities() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>Priya Shah</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">0:03</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Tell me about </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>Q&amp;A &#233;vents</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>
<w:p/>
<w:p><w:r><w:t>One</w:t><w:br/><w:t>Two</w:t></w:r></w:p>
</w:body></w:document>"#;
        assert_eq!(
            paragraphs(xml).unwrap(),
            "Priya Shah\t0:03\nTell me about Q&A évents\n\nOne\nTwo\n"
        );
    }

    #[test]
    fn broken_xml_is_an_error_not_a_panic() {
        let e = paragraphs("<w:document><w:p><w:t>x</w:p>").unwrap_err();
        assert!(e.contains("not well-formed"), "{e}");
    }
}
