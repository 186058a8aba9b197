//! `lifeboat import contacts FILE... -o DIR`: staff lists exported from HR systems,
//! Outlook, Google or Microsoft 365 (CSV) and phone contacts (vCard 3.0 and 4.0) in,
//! one contact file per person out, that `lifeboat check` accepts.
//!
//! - **CSV**: `,` or `;` (whichever the header holds more of), UTF-8 with or without
//!   a byte order mark, quoted fields. Columns are known by their headings in
//!   English, German, Dutch, French and Spanish, as those exports write them
//!   ([`field_of`]); Google's numbered `Phone 1 - Type` / `Phone 1 - Value` pairs too.
//!   A header with no column for a name is an error, and nothing is written.
//! - **vCard**: `FN`, `N`, `TEL` by type, `EMAIL`, `TITLE`, `ORG` (its unit is the
//!   department), `ADR` (home), `NOTE`; read with the project's vCard code.
//! - **Out**: `DIR/<id>.md`, front matter in TOML: names, numbers and addresses
//!   exactly as given (a number in another format keeps it, and `check` says
//!   `phone-format`); home and personal fields in `[private]`; `given_name` and
//!   `family_name` when the source has them apart. Ids come from the given and
//!   family name (ASCII, `-`; no titles);
//!   two people of the same name get `-2`, `-3` in file order, so that importing
//!   the same file again gives the same ids: a file that is there is updated (the
//!   imported keys replaced, everything else of it kept), never duplicated.

mod csv;
mod vcard;

pub use csv::read_csv;
pub use vcard::read_vcard;

use crate::model::names;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A person as read from a file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub given: String,
    pub family: String,
    pub role: String,
    pub department: String,
    pub phone: String,
    pub mobile: String,
    pub email: String,
    pub location: String,
    pub home_phone: String,
    pub personal_mobile: String,
    pub personal_email: String,
    pub home_address: String,
    pub note: String,
}

/// What an import did, for the report.
#[derive(Debug, Default)]
pub struct Report {
    /// (file, column heading, what it became)
    pub mapped: Vec<(String, String, &'static str)>,
    /// (file, column heading or property, why it was left out)
    pub skipped: Vec<(String, String, String)>,
    /// (file, record, why)
    pub rows_skipped: Vec<(String, usize, String)>,
    pub written: Vec<PathBuf>,
    pub created: usize,
    pub updated: usize,
}

/// Why an import wrote nothing.
#[derive(Debug)]
pub struct Failure(pub String);

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Puts a typed value (Google's pairs, vCard's `TEL;TYPE=...`) where it belongs.
pub(crate) fn put_typed(p: &mut Person, phone: bool, types: &[String], value: &str) {
    let value = value.trim();
    if value.is_empty() {
        return;
    }
    let has = |t: &str| types.iter().any(|x| x.contains(t));
    let slot = if phone {
        if has("cell") || has("mobile") || has("iphone") {
            if has("home") {
                &mut p.personal_mobile
            } else {
                &mut p.mobile
            }
        } else if has("home") {
            &mut p.home_phone
        } else if has("fax") || has("pager") {
            return;
        } else {
            &mut p.phone
        }
    } else if has("home") || has("personal") || has("private") {
        &mut p.personal_email
    } else {
        &mut p.email
    };
    if slot.is_empty() {
        *slot = value.to_string();
    } else if phone && p.mobile.is_empty() && !has("home") {
        p.mobile = value.to_string();
    }
}

/// The parts that are not empty, joined by a space: a name from its parts.
pub(crate) fn joined(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// An id from a name: ASCII letters and digits, words joined by `-`.
pub fn id_of(name: &str) -> String {
    // Accents folded (ß as ss), then what is not ASCII is no part of an id.
    let folded: String = names::collation_key(name, "en")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    let mut out = crate::html::slug(&folded);
    if out == "index" {
        out.push_str("-1");
    }
    out
}

/// A TOML string (basic, escaped by the toml crate).
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The front matter keys an import writes (replaced on a second import).
const IMPORTED: [&str; 9] = [
    "name",
    "given_name",
    "family_name",
    "role",
    "phone",
    "mobile",
    "email",
    "location",
    "private",
];

/// The text of a contact file for `p`, keeping what `old` (the file as it is, if
/// there is one) has beyond the imported keys.
fn contact_file(p: &Person, old: Option<&str>, source: &str) -> String {
    // What the file had: its front matter lines not among the imported keys (and not
    // within its [private] table), and its body.
    let mut kept_lines: Vec<String> = Vec::new();
    let mut body = String::new();
    if let Some(old) = old
        && let Some(rest) = old.strip_prefix("+++\n")
        && let Some((front, after)) = rest.split_once("\n+++")
    {
        let mut in_private = false;
        let mut skipping_value = false;
        for line in front.lines() {
            let t = line.trim_start();
            if t.starts_with('[') {
                in_private = t.starts_with("[private]");
                skipping_value = false;
                if in_private {
                    continue;
                }
            }
            if in_private || t.starts_with("# Imported") {
                continue;
            }
            let key = t.split(['=', ' ']).next().unwrap_or_default();
            if t.contains('=') && IMPORTED.contains(&key) {
                skipping_value = !t.ends_with('"') && t.contains("\"\"\"");
                continue;
            }
            if skipping_value {
                if t.contains("\"\"\"") {
                    skipping_value = false;
                }
                continue;
            }
            kept_lines.push(line.to_string());
        }
        body = after.trim_start_matches('\n').to_string();
    }
    let mut out = String::from("+++\n");
    out.push_str(&format!(
        "# Imported by lifeboat from {source}; imported keys are replaced when imported again.\n"
    ));
    let mut key = |k: &str, v: &str| {
        if !v.trim().is_empty() {
            out.push_str(&format!("{k} = {}\n", toml_string(v.trim())));
        }
    };
    key("name", &p.name);
    key("given_name", &p.given);
    key("family_name", &p.family);
    key("role", &p.role);
    key("phone", &p.phone);
    key("mobile", &p.mobile);
    key("email", &p.email);
    key("location", &p.location);
    // Kept keys go before any table of the file.
    let (plain, tables): (Vec<&String>, Vec<&String>) = {
        let first_table = kept_lines
            .iter()
            .position(|l| l.trim_start().starts_with('['))
            .unwrap_or(kept_lines.len());
        (
            kept_lines[..first_table].iter().collect(),
            kept_lines[first_table..].iter().collect(),
        )
    };
    for l in plain {
        out.push_str(l);
        out.push('\n');
    }
    let private = [
        ("home_phone", &p.home_phone),
        ("personal_mobile", &p.personal_mobile),
        ("personal_email", &p.personal_email),
        ("home_address", &p.home_address),
    ];
    if private.iter().any(|(_, v)| !v.trim().is_empty()) {
        out.push_str("\n[private]\n");
        for (k, v) in private {
            if !v.trim().is_empty() {
                out.push_str(&format!("{k} = {}\n", toml_string(v.trim())));
            }
        }
    }
    for l in tables {
        out.push_str(l);
        out.push('\n');
    }
    out.push_str("+++\n");
    if body.trim().is_empty() {
        let mut lines = Vec::new();
        if !p.department.is_empty() {
            lines.push(format!("Department: {}.", p.department));
        }
        if !p.note.is_empty() {
            lines.push(p.note.clone());
        }
        if lines.is_empty() {
            lines.push(format!("{}.", p.name.trim()));
        }
        out.push_str(&lines.join("\n\n"));
        out.push('\n');
    } else {
        out.push_str(&body);
        if !body.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// Imports the contacts of `files` into `dir`. Nothing is written unless every file
/// could be read and mapped.
pub fn contacts(files: &[PathBuf], dir: &Path) -> Result<Report, Failure> {
    if !dir
        .components()
        .any(|c| c.as_os_str().to_string_lossy() == "contacts")
    {
        return Err(Failure(format!(
            "{}: contacts go into a plan's contacts/ folder or a folder below it, e.g. -o my-plan/contacts/imported",
            dir.display()
        )));
    }
    let mut report = Report::default();
    let mut people: Vec<(Person, String)> = Vec::new();
    for file in files {
        let shown = file.display().to_string();
        let bytes = crate::files::open_no_follow(file)
            .and_then(|f| {
                let mut b = Vec::new();
                std::io::Read::read_to_end(&mut std::io::Read::take(f, 64 * 1024 * 1024), &mut b)?;
                Ok(b)
            })
            .map_err(|e| Failure(format!("cannot read {shown}: {e}")))?;
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let lower = name.to_lowercase();
        let text_start = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_uppercase();
        let is_vcard = lower.ends_with(".vcf")
            || lower.ends_with(".vcard")
            || text_start
                .trim_start_matches('\u{feff}')
                .trim_start()
                .starts_with("BEGIN:VCARD");
        let read = if is_vcard {
            let text = String::from_utf8(bytes).map_err(|_| {
                Failure(format!(
                    "{shown}: the vCard is not UTF-8 text; export it as UTF-8"
                ))
            })?;
            read_vcard(&text, &shown, &mut report)
        } else {
            if std::str::from_utf8(&bytes).is_err() {
                return Err(Failure(format!(
                    "{shown}: the CSV is not UTF-8 text; export it as \"CSV UTF-8\" (Excel) or UTF-8"
                )));
            }
            read_csv(&bytes, &shown, &mut report)?
        };
        people.extend(read.into_iter().map(|p| (p, name.clone())));
    }
    // Ids: from names, the second of a name `-2`, in the order read.
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut planned: Vec<(String, Person, String)> = Vec::new();
    for (n, (p, source)) in people.into_iter().enumerate() {
        // From the given and family name: titles and suffixes are no part of an id.
        let cut = names::split(&p.name);
        let given = if p.given.is_empty() {
            &cut.given
        } else {
            &p.given
        };
        let family = if p.family.is_empty() {
            &cut.family
        } else {
            &p.family
        };
        let mut id = id_of(&format!("{given} {family}"));
        if id.is_empty() {
            id = format!("contact-{}", n + 1);
        }
        let count = seen.entry(id.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            id = format!("{id}-{count}");
        }
        planned.push((id, p, source));
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| Failure(format!("cannot create {}: {e}", dir.display())))?;
    for (id, p, source) in planned {
        let path = dir.join(format!("{id}.md"));
        // The file as it is, never through a link (a plan is written by many: a link
        // planted there would pull in, or overwrite, a file elsewhere).
        let old = crate::files::open_no_follow(&path).ok().and_then(|f| {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut std::io::Read::take(f, 1024 * 1024), &mut text)
                .ok()
                .map(|_| text)
        });
        let text = contact_file(&p, old.as_deref(), &source);
        if old.is_some() {
            report.updated += 1;
        } else {
            report.created += 1;
        }
        // A new file beside it, renamed over it: a link there is replaced, not followed.
        let mut builder = tempfile::Builder::new();
        builder.prefix(".lifeboat-import-");
        // A plan file like any other (0666 less the umask), not tempfile's 0600.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let written = builder.tempfile_in(dir).and_then(|mut tmp| {
            std::io::Write::write_all(&mut tmp, text.as_bytes())?;
            tmp.persist(&path).map_err(|e| e.error)?;
            Ok(())
        });
        written.map_err(|e| Failure(format!("cannot write {}: {e}", path.display())))?;
        report.written.push(path);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_ascii_and_stable() {
        assert_eq!(
            id_of("Prof. Dr. med. Jürgen Groß"),
            "prof-dr-med-jurgen-gross"
        );
        assert_eq!(id_of("Siobhán Ó Briain"), "siobhan-o-briain");
        assert_eq!(id_of("王小明"), "");
        assert_eq!(id_of("Index"), "index-1");
    }
}
