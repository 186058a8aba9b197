//! The contact directory as CSV (RFC 4180): UTF-8, a header row, one row per contact
//! and team, CRLF line ends, fields quoted when they hold a comma, quote or line end.
//!
//! Columns: `id, kind, name, role, team, phone, mobile, email, location, verified,
//! alternates, lead, members`, and with `--include-private` also `home_phone,
//! personal_mobile, personal_email, home_address`. Lists are separated by `; `; a
//! field that does not apply is empty.
//!
//! A field that a spreadsheet would take for a formula (it starts with `=`, `+`, `-`,
//! `@`, a tab or a carriage return) gets a leading `'` (OWASP's advice on CSV
//! injection), so that opening the export in Excel or LibreOffice runs nothing. A
//! phone number (`+1 760 555 0110`, `+49 (0)511 12345`: a sign, then only digits,
//! spaces and `()./-`) is left exactly as written: mass-notification tools import it.

use crate::model::{Opt, Plan, Text};

const COLUMNS: [&str; 13] = [
    "id",
    "kind",
    "name",
    "role",
    "team",
    "phone",
    "mobile",
    "email",
    "location",
    "verified",
    "alternates",
    "lead",
    "members",
];
const PRIVATE_COLUMNS: [&str; 4] = [
    "home_phone",
    "personal_mobile",
    "personal_email",
    "home_address",
];

pub fn directory(plan: &Plan, include_private: bool) -> String {
    let mut out = String::new();
    let mut header: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
    if include_private {
        header.extend(PRIVATE_COLUMNS.iter().map(|c| c.to_string()));
    }
    row(&mut out, &header);
    let s = |o: &Opt<String>| o.as_ref().map(|v| v.value.clone()).unwrap_or_default();
    let list = |l: &[Text]| {
        l.iter()
            .map(|t| t.value.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    for c in &plan.contacts {
        let mut fields = vec![
            c.head.id.value.clone(),
            "contact".into(),
            c.name.value.clone(),
            s(&c.role),
            s(&c.team),
            s(&c.phone),
            s(&c.mobile),
            s(&c.email),
            s(&c.location),
            c.verified
                .as_ref()
                .map(|d| d.value.to_string())
                .unwrap_or_default(),
            list(&c.alternates),
            String::new(),
            String::new(),
        ];
        if include_private {
            let p = c.private.clone().unwrap_or_default();
            fields.extend([
                s(&p.home_phone),
                s(&p.personal_mobile),
                s(&p.personal_email),
                s(&p.home_address),
            ]);
        }
        row(&mut out, &fields);
    }
    for t in &plan.teams {
        let mut fields = vec![
            t.head.id.value.clone(),
            "team".into(),
            t.name.value.clone(),
            String::new(),
            String::new(),
            s(&t.phone),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            s(&t.lead),
            list(&t.members),
        ];
        if include_private {
            fields.extend(std::iter::repeat_n(String::new(), PRIVATE_COLUMNS.len()));
        }
        row(&mut out, &fields);
    }
    out
}

fn row(out: &mut String, fields: &[String]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, f);
    }
    out.push_str("\r\n");
}

/// Whether a spreadsheet would read the field as a formula, and it is not a phone
/// number.
fn formula(f: &str) -> bool {
    let Some(first) = f.chars().next() else {
        return false;
    };
    match first {
        '=' | '@' | '\t' | '\r' | '\n' => true,
        '+' | '-' => {
            let rest = &f[1..];
            let phone = rest.bytes().filter(u8::is_ascii_digit).count() >= 3
                && rest
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b" ()./-".contains(&b));
            !phone
        }
        _ => false,
    }
}

/// A field, quoted (with quotes doubled) when it holds a separator, a quote or a
/// line end; with a leading `'` when a spreadsheet would take it for a formula.
/// Control characters other than line ends are dropped.
fn field(out: &mut String, f: &str) {
    let f: String = f
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\r'))
        .collect();
    let f = if formula(&f) { format!("'{f}") } else { f };
    if f.contains([',', '"', '\n', '\r']) || f.starts_with(' ') || f.ends_with(' ') {
        out.push('"');
        out.push_str(&f.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_when_needed_and_read_back_by_the_csv_crate() {
        let mut out = String::new();
        let fields: Vec<String> = ["plain", "a,b", "say \"hi\"", "two\nlines", "Zoë Ångström"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        row(&mut out, &fields);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(out.as_bytes());
        let rec = reader.records().next().expect("a row").expect("parses");
        let got: Vec<&str> = rec.iter().collect();
        assert_eq!(got, fields.iter().map(String::as_str).collect::<Vec<_>>());
    }

    #[test]
    fn formulas_are_neutralised_and_phone_numbers_kept() {
        let cases = [
            (
                "=HYPERLINK(\"http://x.example\",\"x\")",
                "'=HYPERLINK(\"http://x.example\",\"x\")",
            ),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
            (
                "@SUM(1+9)*cmd|' /C calc'!A0",
                "'@SUM(1+9)*cmd|' /C calc'!A0",
            ),
            ("\t=1+1", "'=1+1"),
            ("\r=1+1", "'\r=1+1"),
            ("+1 760 555 0110", "+1 760 555 0110"),
            ("+49 (0)511 12345", "+49 (0)511 12345"),
            ("+44-20-7946-0000", "+44-20-7946-0000"),
            ("-", "'-"),
            ("Ana Ruiz", "Ana Ruiz"),
            ("a=b", "a=b"),
        ];
        let mut out = String::new();
        row(
            &mut out,
            &cases.iter().map(|(i, _)| i.to_string()).collect::<Vec<_>>(),
        );
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(out.as_bytes());
        let rec = reader.records().next().expect("a row").expect("parses");
        let got: Vec<&str> = rec.iter().collect();
        assert_eq!(got, cases.iter().map(|(_, o)| *o).collect::<Vec<_>>());
    }
}
