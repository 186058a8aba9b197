//! iCalendar (RFC 5545): the exercises, planned and done, as all-day events, for
//! `exercises.ics` and `export ics`.

use super::vcard::line;
use crate::model::{Date, Exercise, Plan};

/// The calendar of every exercise that has a date. `stamp` (the build's "today") is
/// every event's DTSTAMP, so that the same plan and `--now` give the same file.
pub fn exercises(plan: &Plan, stamp: Date) -> String {
    let info = &plan.settings.info;
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(
        &mut out,
        &format!(
            "PRODID:-//lifeboat//lifeboat {}//EN",
            env!("CARGO_PKG_VERSION")
        ),
    );
    line(&mut out, "CALSCALE:GREGORIAN");
    line(
        &mut out,
        &format!(
            "X-WR-CALNAME:{}",
            text(&format!("{}: exercises", info.title.value))
        ),
    );
    for x in &plan.exercises {
        if let Some(date) = &x.date {
            event(&mut out, plan, x, date.value, stamp);
        }
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn event(out: &mut String, plan: &Plan, x: &Exercise, date: Date, stamp: Date) {
    let org = &plan.settings.info.organization.value;
    line(out, "BEGIN:VEVENT");
    // Ids are unique in the plan; the organization makes them unique beyond it.
    line(
        out,
        &format!("UID:{}@{}.lifeboat", x.head.id.value, slug(org)),
    );
    line(out, &format!("DTSTAMP:{}T000000Z", compact(stamp)));
    line(out, &format!("DTSTART;VALUE=DATE:{}", compact(date)));
    line(
        out,
        &format!("DTEND;VALUE=DATE:{}", compact(date.plus_days(1))),
    );
    line(out, &format!("SUMMARY:{}", text(&x.title.value)));
    let status = match x.status.as_ref().map(|s| s.value.as_str()) {
        Some("cancelled") => "CANCELLED",
        Some("done") => "CONFIRMED",
        _ => "TENTATIVE",
    };
    line(out, &format!("STATUS:{status}"));
    if let Some(kind) = &x.kind {
        line(out, &format!("CATEGORIES:{}", text(kind)));
    }
    let mut desc: Vec<String> = Vec::new();
    let name = |id: &str| {
        plan.lookup(id)
            .map_or(id.to_string(), |r| plan.name_of(r).to_string())
    };
    if let Some(kind) = &x.kind {
        desc.push(format!("Kind: {}", kind.value));
    }
    if let Some(s) = &x.status {
        desc.push(format!("Status: {}", s.value));
    }
    if let Some(o) = &x.outcome {
        desc.push(format!("Outcome: {}", o.value));
    }
    if let Some(f) = &x.facilitator {
        desc.push(format!("Facilitator: {}", name(f)));
    }
    let list = |label: &str, ids: &[crate::model::Text]| {
        (!ids.is_empty()).then(|| {
            let names: Vec<String> = ids.iter().map(|i| name(i)).collect();
            format!("{label}: {}", names.join(", "))
        })
    };
    desc.extend(list("Services", &x.services));
    desc.extend(list("Runbooks", &x.runbooks));
    desc.extend(list("Participants", &x.participants));
    for f in &x.findings {
        let done = if f.done.as_ref().is_some_and(|d| d.value) {
            "done"
        } else {
            "open"
        };
        desc.push(format!("Finding ({done}): {}", f.title.value));
    }
    if !desc.is_empty() {
        line(out, &format!("DESCRIPTION:{}", text(&desc.join("\n"))));
    }
    line(out, "END:VEVENT");
}

/// `20261001`.
fn compact(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year, d.month, d.day)
}

/// RFC 5545 TEXT escaping: backslash, semicolon, comma and line ends; other
/// control characters are dropped.
fn text(value: &str) -> String {
    // The rules are those of vCard 3.0.
    super::vcard::escape(value)
}

/// The organization as a host-like name for UIDs: lowercase letters and digits,
/// other characters as `-`.
fn slug(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s.trim_matches('-').to_string();
    if s.is_empty() { "plan".into() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_plain() {
        assert_eq!(slug("Northwind Health"), "northwind-health");
        assert_eq!(slug("Ärzte"), "rzte");
        assert_eq!(slug("!!!"), "plan");
    }

    #[test]
    fn dates_are_compact() {
        let d = Date::new(2026, 2, 28).expect("a date");
        assert_eq!(compact(d), "20260228");
        assert_eq!(compact(d.plus_days(1)), "20260301");
    }
}
