//! iCalendar (RFC 5545): the exercises, planned and done, as all-day events, for
//! `exercises.ics` and `export ics`. What a calendar shows of them (its name, each
//! event's kind and description) is in the plan's language.

use super::vcard::line;
use crate::i18n::{Arg, Catalog};
use crate::model::{Date, Exercise, Opt, Plan};

/// The calendar of every exercise that has a date. `stamp` (the build's "today") is
/// every event's DTSTAMP, so that the same plan and `--now` give the same file.
pub fn exercises(plan: &Plan, stamp: Date, catalog: &Catalog) -> String {
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
            text(&catalog.format(
                "calendar-name",
                &[("plan", Arg::from(info.title.value.as_str()))]
            ))
        ),
    );
    for x in &plan.exercises {
        if let Some(date) = &x.date {
            event(&mut out, plan, x, date.value, stamp, catalog);
        }
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn event(out: &mut String, plan: &Plan, x: &Exercise, date: Date, stamp: Date, catalog: &Catalog) {
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
    // Kind, status and outcome as the exercise's page words them (the loader
    // keeps only the format's values).
    let word = |group: &str, o: &Opt<String>| o.as_ref().map(|v| catalog.word(group, &v.value));
    let kind = word("exercise-kind", &x.kind);
    if let Some(kind) = &kind {
        line(out, &format!("CATEGORIES:{}", text(kind)));
    }
    let field = |label: &str, value: String| {
        catalog.format(
            "calendar-field",
            &[
                ("label", Arg::from(catalog.text(label))),
                ("value", Arg::from(value)),
            ],
        )
    };
    let mut desc: Vec<String> = Vec::new();
    let name = |id: &str| {
        plan.lookup(id)
            .map_or(id.to_string(), |r| plan.name_of(r).to_string())
    };
    desc.extend(kind.map(|k| field("kind", k)));
    desc.extend(word("exercise-status", &x.status).map(|s| field("status", s)));
    desc.extend(word("exercise-outcome", &x.outcome).map(|o| field("outcome", o)));
    if let Some(f) = &x.facilitator {
        desc.push(field("facilitator", name(f)));
    }
    let list = |label: &str, ids: &[crate::model::Text]| {
        (!ids.is_empty()).then(|| {
            let names: Vec<String> = ids.iter().map(|i| name(i)).collect();
            field(label, names.join(", "))
        })
    };
    desc.extend(list("services", &x.services));
    desc.extend(list("runbooks", &x.runbooks));
    desc.extend(list("participants", &x.participants));
    for f in &x.findings {
        let id = if f.done.as_ref().is_some_and(|d| d.value) {
            "calendar-finding-done"
        } else {
            "calendar-finding-open"
        };
        desc.push(catalog.format(id, &[("title", Arg::from(f.title.value.as_str()))]));
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
