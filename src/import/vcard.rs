//! Phone contacts as vCard 3.0 and 4.0, read with the project's vCard code.

use super::{Person, Report, joined, put_typed};
use crate::kit::vcard;

/// Reads a vCard file (one or many cards).
pub fn read_vcard(text: &str, shown: &str, report: &mut Report) -> Vec<Person> {
    let mut people = Vec::new();
    for (n, card) in vcard::read(text).into_iter().enumerate() {
        let mut p = Person::default();
        for prop in &card {
            let v = prop.value.trim();
            match prop.name.as_str() {
                "FN" => p.name = v.to_string(),
                "N" => {
                    let parts = vcard::parts(&prop.raw);
                    let get = |i: usize| parts.get(i).map(|s| s.trim()).unwrap_or_default();
                    p.family = get(0).to_string();
                    p.given = joined(&[get(1), get(2)]);
                }
                "TEL" => {
                    let number = v.strip_prefix("tel:").unwrap_or(v);
                    put_typed(&mut p, true, &prop.types, number);
                }
                "EMAIL" => put_typed(&mut p, false, &prop.types, v),
                "TITLE" | "ROLE" if p.role.is_empty() => p.role = v.to_string(),
                "ORG" => {
                    let parts = vcard::parts(&prop.raw);
                    if let Some(unit) = parts.get(1).filter(|u| !u.trim().is_empty()) {
                        p.department = unit.trim().to_string();
                    }
                }
                "ADR" if prop.types.iter().any(|t| t == "home") => {
                    p.home_address = vcard::parts(&prop.raw)
                        .iter()
                        .map(|s| s.trim())
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(", ");
                }
                "NOTE" => p.note = v.to_string(),
                "BEGIN" | "END" | "VERSION" | "PRODID" | "UID" | "REV" => {}
                other => {
                    if !report
                        .skipped
                        .iter()
                        .any(|(f, h, _)| f == shown && h == other)
                    {
                        report.skipped.push((
                            shown.into(),
                            other.into(),
                            "not a field of a contact".into(),
                        ));
                    }
                }
            }
        }
        if p.name.is_empty() {
            p.name = joined(&[&p.given, &p.family]);
        }
        if p.name.trim().is_empty() {
            report
                .rows_skipped
                .push((shown.into(), n + 1, "card has no name".into()));
            continue;
        }
        people.push(p);
    }
    for (what, label) in [
        ("FN", "name"),
        ("N", "given_name and family_name"),
        ("TEL", "phone, mobile or private numbers (by type)"),
        ("EMAIL", "email or private.personal_email (by type)"),
        ("TITLE", "role"),
        ("ORG", "the note (department)"),
        ("ADR", "private.home_address (a home address)"),
        ("NOTE", "the note"),
    ] {
        report.mapped.push((shown.into(), what.into(), label));
    }
    people
}
