//! Decoding a file's bytes to UTF-8 text: BOMs, UTF-16, Windows-1252, and
//! refusing binary files.

use crate::error::{Error, Result};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// A file's text and how it was decoded.
#[derive(Debug)]
pub(super) struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    pub bom: bool,
    pub transcoded: bool,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes `bytes`: UTF-16 when it starts with a UTF-16 byte-order mark,
/// else UTF-8 (a UTF-8 BOM is removed), else Windows-1252. Bytes with a NUL
/// outside UTF-16 are a binary file: an error with the NUL's offset.
pub(super) fn decode(mut bytes: Vec<u8>) -> Result<Decoded> {
    if let Some(enc) = utf16_by_bom(&bytes) {
        return Ok(transcode(enc, &bytes[2..], true));
    }
    if let Some(at) = memchr::memchr(0, &bytes) {
        return Err(Error::input("binary file (NUL byte)").with_byte(at as u64));
    }
    let bom = bytes.starts_with(UTF8_BOM);
    if bom {
        bytes.drain(..UTF8_BOM.len());
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            encoding: "utf-8",
            bom,
            transcoded: false,
        }),
        Err(e) => Ok(decode_mixed(e.as_bytes(), bom)),
    }
}

/// Decodes bytes that are not valid UTF-8: every valid UTF-8 stretch as
/// UTF-8, every invalid byte as Windows-1252. For a Windows-1252 file that
/// is plain Windows-1252 decoding (its accented letters never form valid
/// UTF-8 in practice); for UTF-8 text with a few stray Windows-1252 bytes
/// (pasted from elsewhere) it keeps the UTF-8 intact instead of turning
/// all of it into mojibake. The encoding is `windows-1252` when no valid
/// multi-byte UTF-8 character was seen, else `utf-8+windows-1252`.
fn decode_mixed(bytes: &[u8], bom: bool) -> Decoded {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut saw_utf8 = false;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        saw_utf8 |= !valid.is_ascii();
        text.push_str(valid);
        let (invalid, _) = WINDOWS_1252.decode_without_bom_handling(chunk.invalid());
        text.push_str(&invalid);
    }
    Decoded {
        text,
        encoding: if saw_utf8 {
            "utf-8+windows-1252"
        } else {
            "windows-1252"
        },
        bom,
        transcoded: true,
    }
}

fn utf16_by_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    match bytes.get(..2)? {
        [0xFF, 0xFE] => Some(UTF_16LE),
        [0xFE, 0xFF] => Some(UTF_16BE),
        _ => None,
    }
}

/// Decodes with `enc`; malformed sequences (an unpaired surrogate, an odd
/// last byte) become U+FFFD.
fn transcode(enc: &'static Encoding, bytes: &[u8], bom: bool) -> Decoded {
    let (text, _) = enc.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: label(enc),
        bom,
        transcoded: true,
    }
}

fn label(enc: &'static Encoding) -> &'static str {
    if enc == UTF_16LE {
        "utf-16le"
    } else {
        "utf-16be"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_table() {
        // (bytes, text, encoding, bom, transcoded)
        let cases: &[(&[u8], &str, &str, bool, bool)] = &[
            (b"", "", "utf-8", false, false),
            (b"plain", "plain", "utf-8", false, false),
            (
                b"\xEF\xBB\xBFcaf\xC3\xA9",
                "caf\u{e9}",
                "utf-8",
                true,
                false,
            ),
            (
                b"caf\xE9 \x93hi\x94",
                "caf\u{e9} \u{201C}hi\u{201D}",
                "windows-1252",
                false,
                true,
            ),
            (b"\xFF\xFEh\x00\xE9\x00", "h\u{e9}", "utf-16le", true, true),
            (b"\xFE\xFF\x00h\x00\xE9", "h\u{e9}", "utf-16be", true, true),
            (b"\xFF\xFE\x00\xD8", "\u{FFFD}", "utf-16le", true, true),
            (
                b"na\xC3\xAFve caf\xE9",
                "na\u{ef}ve caf\u{e9}",
                "utf-8+windows-1252",
                false,
                true,
            ),
            (
                b"\xEF\xBB\xBF\x80 \x81",
                "\u{20ac} \u{81}",
                "windows-1252",
                true,
                true,
            ),
        ];
        for &(bytes, text, encoding, bom, transcoded) in cases {
            let d = decode(bytes.to_vec()).unwrap();
            assert_eq!(d.text, text, "{bytes:?}");
            assert_eq!(d.encoding, encoding, "{bytes:?}");
            assert_eq!((d.bom, d.transcoded), (bom, transcoded), "{bytes:?}");
        }
    }

    #[test]
    fn nul_byte_is_binary() {
        let e = decode(b"abc\x00def".to_vec()).unwrap_err();
        assert_eq!(e.byte(), Some(3));
        let e = decode(b"\xEF\xBB\xBFab\x00".to_vec()).unwrap_err();
        assert_eq!(
            e.byte(),
            Some(5),
            "offset counts the BOM: it is a file offset"
        );
    }
}
