//! RFC 4180 CSV fields: quoted when they hold a comma, quote or line break;
//! quotes doubled.

use std::io::{self, Write};

/// Writes one CSV record (fields joined by commas, CRLF-free `\n` ending).
///
/// ```
/// let mut out = Vec::new();
/// newsgraph::export::write_csv_record(&mut out, ["a", "b,c", "say \"hi\""]).unwrap();
/// assert_eq!(out, b"a,\"b,c\",\"say \"\"hi\"\"\"\n");
/// ```
pub fn write_csv_record<'a, W: Write + ?Sized>(
    w: &mut W,
    fields: impl IntoIterator<Item = &'a str>,
) -> io::Result<()> {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        if f.contains([',', '"', '\n', '\r']) || f.starts_with(' ') || f.ends_with(' ') {
            w.write_all(b"\"")?;
            w.write_all(f.replace('"', "\"\"").as_bytes())?;
            w.write_all(b"\"")?;
        } else {
            w.write_all(f.as_bytes())?;
        }
    }
    w.write_all(b"\n")
}
