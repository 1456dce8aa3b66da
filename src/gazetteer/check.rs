//! `gazetteer check`: findings about a gazetteer file, with line numbers,
//! for people who grow their own.

use super::{english_words, split_list, EntityType};
use crate::normalize::fold_str;
use std::collections::HashMap;
use std::fmt;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth a look; the file loads.
    Warning,
    /// The file does not load.
    Error,
}

/// One finding of [`check_tsv`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// File name as given.
    pub origin: String,
    /// 1-based line.
    pub line: u64,
    /// Warning or error.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{}:{}: {sev}: {}", self.origin, self.line, self.message)
    }
}

/// Where an alias was claimed: (entity id, file, line).
type Place = (String, String, u64);

/// Checks gazetteer files given as (origin, contents): malformed lines
/// (errors), and duplicate ids, aliases claimed by several entities,
/// aliases that are ordinary English words, one-word person names
/// (warnings). Ids and aliases are compared across all files given.
///
/// ```
/// use newsgraph::gazetteer::check::{check_tsv, Severity};
/// let tsv = "id\ttype\tname\taliases\nturkey\tplace\tTurkey\t\nx\tthing\tX\t\n";
/// let findings = check_tsv(&[("g.tsv", tsv)]);
/// assert!(findings.iter().any(|f| f.line == 2 && f.message.contains("English word")));
/// assert!(findings.iter().any(|f| f.line == 3 && f.severity == Severity::Error));
/// ```
pub fn check_tsv(files: &[(&str, &str)]) -> Vec<Finding> {
    let mut out = Vec::new();
    let words = english_words();
    let mut ids: HashMap<String, (String, u64)> = HashMap::new();
    let mut aliases: HashMap<String, Vec<Place>> = HashMap::new();
    for (origin, text) in files {
        let mut push = |line: u64, severity: Severity, message: String| {
            out.push(Finding {
                origin: origin.to_string(),
                line,
                severity,
                message,
            })
        };
        let mut header: Option<Vec<String>> = None;
        for (i, line) in text.lines().enumerate() {
            let lineno = i as u64 + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let Some(names) = &header else {
                let names: Vec<String> = fields
                    .iter()
                    .map(|f| f.trim().to_ascii_lowercase())
                    .collect();
                for req in ["id", "type", "name", "aliases"] {
                    if !names.iter().any(|n| n == req) {
                        push(
                            lineno,
                            Severity::Error,
                            format!("header lacks the required column `{req}`"),
                        );
                    }
                }
                header = Some(names);
                continue;
            };
            if fields.len() != names.len() {
                push(
                    lineno,
                    Severity::Error,
                    format!(
                        "expected {} tab-separated columns as in the header, found {}",
                        names.len(),
                        fields.len()
                    ),
                );
                continue;
            }
            let col = |n: &str| names.iter().position(|x| x == n).map(|i| fields[i].trim());
            let (Some(id), Some(kind), Some(name), Some(alias_list)) =
                (col("id"), col("type"), col("name"), col("aliases"))
            else {
                continue;
            };
            if id.is_empty() {
                push(lineno, Severity::Error, "empty id".into());
                continue;
            }
            let Some(kind) = EntityType::parse(kind) else {
                push(
                    lineno,
                    Severity::Error,
                    format!("unknown type `{kind}` (use person, place or organization)"),
                );
                continue;
            };
            if name.is_empty() {
                push(
                    lineno,
                    Severity::Error,
                    format!("entity `{id}` has an empty name"),
                );
                continue;
            }
            if let Some((o, l)) = ids.get(id) {
                push(
                    lineno,
                    Severity::Warning,
                    format!("duplicate id `{id}` (first at {o}:{l}); this row extends it"),
                );
            } else {
                ids.insert(id.to_string(), (origin.to_string(), lineno));
            }
            let weak: Vec<String> = col("weak")
                .map(|w| split_list(w).map(fold_str).collect())
                .unwrap_or_default();
            if kind == EntityType::Person && !name.contains(' ') {
                push(lineno, Severity::Warning, format!("person `{id}` has a one-word name `{name}`; it matches anywhere it is capitalized"));
            }
            for form in std::iter::once(name).chain(split_list(alias_list)) {
                let folded = fold_str(form);
                if words.contains(folded.as_str()) && !weak.contains(&folded) {
                    push(
                        lineno,
                        Severity::Warning,
                        format!("alias `{form}` is an ordinary English word; it matches only when capitalized — list it in `weak` if it needs context"),
                    );
                }
                let owners = aliases.entry(folded).or_default();
                if !owners.iter().any(|(o, _, _)| o == id) {
                    owners.push((id.to_string(), origin.to_string(), lineno));
                }
            }
        }
    }
    let mut shared: Vec<(&String, &Vec<Place>)> =
        aliases.iter().filter(|(_, o)| o.len() > 1).collect();
    shared.sort();
    for (alias, owners) in shared {
        let (_, origin, line) = &owners[owners.len() - 1];
        let names: Vec<&str> = owners.iter().map(|(id, _, _)| id.as_str()).collect();
        out.push(Finding {
            origin: origin.clone(),
            line: *line,
            severity: Severity::Warning,
            message: format!("`{alias}` is claimed by {} entities ({}); mentions are resolved from context or reported as ambiguous", names.len(), names.join(", ")),
        });
    }
    out.sort_by(|a, b| (&a.origin, a.line).cmp(&(&b.origin, b.line)));
    out
}
