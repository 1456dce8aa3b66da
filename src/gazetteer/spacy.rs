//! Conversion to and from spaCy EntityRuler pattern files (JSON Lines of
//! `{"label": ..., "pattern": ..., "id": ...}`), so teams with spaCy
//! patterns can switch and back.
//!
//! Labels: `PERSON` <-> person, `GPE` (also `LOC`, `FAC` on import) <->
//! place, `ORG` <-> organization, `NORP` <-> a place's `demonyms`.
//! Token patterns (`[{"LOWER": "new"}, {"LOWER": "york"}]`) are imported
//! when every token is a plain `ORTH`, `TEXT`, `LOWER` or `NORM` string.

use super::{split_list, Entity, EntityType, Gazetteer};
use crate::error::Result;
use crate::pipeline::slug;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

/// Writes every entity's name, aliases and demonyms as EntityRuler
/// patterns, in gazetteer order.
///
/// ```
/// use newsgraph::gazetteer::spacy::write_patterns;
/// let g = newsgraph::Gazetteer::from_tsv_str("g", "id\ttype\tname\taliases\nnato\torg\tNATO\tNorth Atlantic Treaty Organization\n").unwrap();
/// let mut out = Vec::new();
/// write_patterns(&g, &mut out).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(),
///     "{\"id\":\"nato\",\"label\":\"ORG\",\"pattern\":\"NATO\"}\n{\"id\":\"nato\",\"label\":\"ORG\",\"pattern\":\"North Atlantic Treaty Organization\"}\n");
/// ```
pub fn write_patterns(g: &Gazetteer, w: &mut dyn Write) -> io::Result<()> {
    for e in g.entities() {
        let label = match e.kind {
            EntityType::Person => "PERSON",
            EntityType::Place => "GPE",
            EntityType::Organization => "ORG",
        };
        for form in std::iter::once(&e.name).chain(&e.aliases) {
            serde_json::to_writer(
                &mut *w,
                &json!({"label": label, "pattern": form, "id": e.id}),
            )?;
            w.write_all(b"\n")?;
        }
        for d in e.list_property("demonyms") {
            serde_json::to_writer(&mut *w, &json!({"label": "NORP", "pattern": d, "id": e.id}))?;
            w.write_all(b"\n")?;
        }
    }
    Ok(())
}

/// Reads an EntityRuler pattern file. Returns the gazetteer and warnings
/// (`origin:line: skipped: reason`), one for each line that was skipped:
/// a line that is not a JSON object, or a pattern that cannot be expressed
/// as a gazetteer entry. One bad line never costs the rest of the file.
///
/// ```
/// use newsgraph::gazetteer::spacy::read_patterns;
/// let text = "{\"label\": \"ORG\", \"pattern\": \"NATO\"}\n{oops\n";
/// let (g, warnings) = read_patterns("p.jsonl", text).unwrap();
/// assert_eq!(g.entities().len(), 1);
/// assert!(warnings[0].starts_with("p.jsonl:2: skipped: not JSON"), "{warnings:?}");
/// ```
pub fn read_patterns(origin: &str, text: &str) -> Result<(Gazetteer, Vec<String>)> {
    read_pattern_bytes(origin, text.as_bytes())
}

/// [`read_patterns`] over the bytes of a file: a line that is not UTF-8 is
/// skipped with a warning like any other bad line.
pub fn read_pattern_bytes(origin: &str, bytes: &[u8]) -> Result<(Gazetteer, Vec<String>)> {
    struct Group {
        kind: Option<EntityType>,
        forms: Vec<String>,
        demonyms: Vec<String>,
    }
    let mut order: Vec<String> = Vec::new();
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    let mut warnings = Vec::new();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let lineno = i as u64 + 1;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let skip = |reason: &str| format!("{origin}:{lineno}: skipped: {reason}");
        let line = match std::str::from_utf8(line) {
            Ok(line) => line,
            Err(e) => {
                let at = e.valid_up_to();
                warnings.push(skip(&format!("not UTF-8 (byte {at} of the line)")));
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = match serde_json::from_str(line) {
            Ok(v @ Value::Object(_)) => v,
            Ok(_) => {
                warnings.push(skip("not a JSON object"));
                continue;
            }
            Err(e) => {
                warnings.push(skip(&json_reason(&e)));
                continue;
            }
        };
        let label = v.get("label").and_then(Value::as_str).unwrap_or("");
        let Some(pattern) = pattern_text(v.get("pattern")) else {
            warnings.push(format!("{origin}:{lineno}: skipped: pattern is not a string or a list of plain token texts"));
            continue;
        };
        let id = v
            .get("id")
            .and_then(Value::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| slug(&pattern));
        if id.is_empty() {
            warnings.push(format!("{origin}:{lineno}: skipped: empty pattern"));
            continue;
        }
        let kind = match label.to_ascii_uppercase().as_str() {
            "NORP" => None,
            other => match EntityType::parse(other) {
                Some(k) => Some(k),
                None => {
                    warnings.push(format!(
                        "{origin}:{lineno}: skipped: label `{label}` has no entity type"
                    ));
                    continue;
                }
            },
        };
        let g = groups.entry(id.clone()).or_insert_with(|| {
            order.push(id.clone());
            Group {
                kind: None,
                forms: Vec::new(),
                demonyms: Vec::new(),
            }
        });
        match kind {
            Some(k) => {
                g.kind.get_or_insert(k);
                if !g.forms.contains(&pattern) {
                    g.forms.push(pattern);
                }
            }
            None => {
                if !g.demonyms.contains(&pattern) {
                    g.demonyms.push(pattern);
                }
            }
        }
    }
    let mut gaz = Gazetteer::new();
    for id in order {
        let g = &groups[&id];
        let Some(kind) = g.kind else {
            warnings.push(format!(
                "{origin}: skipped: `{id}` has only NORP patterns and no place to attach them to"
            ));
            continue;
        };
        // The canonical name: the first form with a capital letter.
        let name_idx = g
            .forms
            .iter()
            .position(|f| f.chars().any(char::is_uppercase))
            .unwrap_or(0);
        let mut properties = BTreeMap::new();
        if !g.demonyms.is_empty() {
            properties.insert("demonyms".to_string(), g.demonyms.join("|"));
        }
        gaz.insert(Entity {
            id: id.clone(),
            kind,
            name: g.forms[name_idx].clone(),
            aliases: g
                .forms
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != name_idx)
                .map(|(_, f)| f.clone())
                .collect(),
            properties,
        });
    }
    Ok((gaz, warnings))
}

/// serde_json's message without its "at line 1 column N" (a pattern is
/// one line), the column put in front.
fn json_reason(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let msg = full.strip_suffix(&suffix).unwrap_or(&full);
    format!("not JSON (column {}): {msg}", e.column())
}

fn pattern_text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Array(tokens) => {
            let mut out = String::new();
            for t in tokens {
                let obj = t.as_object()?;
                if obj.len() != 1 {
                    return None;
                }
                let (k, v) = obj.iter().next()?;
                if !matches!(
                    k.to_ascii_uppercase().as_str(),
                    "ORTH" | "TEXT" | "LOWER" | "NORM"
                ) {
                    return None;
                }
                let tok = v.as_str()?;
                let glue =
                    matches!(tok, "." | "," | "-" | "'s" | "\u{2019}s") || out.ends_with('-');
                if !out.is_empty() && !glue {
                    out.push(' ');
                }
                out.push_str(tok);
            }
            Some(out).filter(|s| !s.is_empty())
        }
        _ => None,
    }
}

/// Writes a gazetteer as a TSV file in the format [`Gazetteer::load_tsv_str`]
/// reads: `id type name aliases` then every property column, sorted. Tabs
/// and line breaks inside values become spaces.
pub fn write_tsv(g: &Gazetteer, w: &mut dyn Write) -> io::Result<()> {
    let columns: BTreeSet<&str> = g
        .entities()
        .iter()
        .flat_map(|e| e.properties.keys().map(String::as_str))
        .collect();
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    write!(w, "id\ttype\tname\taliases")?;
    for c in &columns {
        write!(w, "\t{}", clean(c))?;
    }
    writeln!(w)?;
    for e in g.entities() {
        let aliases: Vec<String> = e
            .aliases
            .iter()
            .map(|a| clean(a).replace('|', " "))
            .collect();
        write!(
            w,
            "{}\t{}\t{}\t{}",
            clean(&e.id),
            e.kind,
            clean(&e.name),
            aliases.join("|")
        )?;
        for c in &columns {
            write!(
                w,
                "\t{}",
                e.properties.get(*c).map(|v| clean(v)).unwrap_or_default()
            )?;
        }
        writeln!(w)?;
    }
    Ok(())
}

/// The demonyms of an entity as a list (for tests and tools).
pub fn demonyms(e: &Entity) -> Vec<&str> {
    e.property("demonyms")
        .map(|d| split_list(d).collect())
        .unwrap_or_default()
}
