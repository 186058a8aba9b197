//! vCard 3.0 (RFC 2426): contacts and teams as cards a phone imports, for
//! `contacts.vcf`, `contacts/<id>.vcf`, `export vcard` and QR codes.
//!
//! CRLF line ends, UTF-8 without a byte-order mark, values escaped (`\\`, `\,`, `\;`,
//! newlines), lines folded at 75 octets (never inside a character).

use crate::model::names::{self, NameParts};
use crate::model::{Contact, Plan, Team};

/// One property of a card: name with its parameters (`TEL;TYPE=CELL`) and value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Property {
    pub name: &'static str,
    pub params: &'static str,
    pub value: String,
    /// Whether a QR code may leave it out when the code would be too large.
    pub optional: bool,
}

/// A vCard: `N` (the name in its five parts), `FN`, then its other properties in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VCard {
    pub name: NameParts,
    pub full_name: String,
    pub properties: Vec<Property>,
}

/// The order in which a QR code leaves out optional properties when it is too large:
/// the mail address first (a phone in an outage calls), then the organization (the
/// same on every card), the title, and extra numbers last.
pub const DROP_ORDER: [&str; 4] = ["EMAIL", "ORG", "TITLE", "TEL"];

impl VCard {
    /// A card for a person, the name cut as people write it ("dr. ir. Jan van den
    /// Bergh" is van den Bergh; Jan; ; dr. ir.; see [`crate::model::names`]).
    pub fn person(name: &str) -> VCard {
        VCard::named(name, names::split(name))
    }

    /// A card for a person whose name's parts are known.
    pub fn named(full_name: &str, name: NameParts) -> VCard {
        VCard {
            name,
            full_name: full_name.trim().to_string(),
            properties: Vec::new(),
        }
    }

    /// A card for a team, a line or an organization: its name is the family name.
    pub fn group(name: &str) -> VCard {
        VCard {
            name: NameParts {
                family: name.trim().to_string(),
                ..NameParts::default()
            },
            full_name: name.trim().to_string(),
            properties: Vec::new(),
        }
    }

    pub fn push(&mut self, name: &'static str, params: &'static str, value: &str, optional: bool) {
        let value = value.trim();
        if !value.is_empty() {
            self.properties.push(Property {
                name,
                params,
                value: value.to_string(),
                optional,
            });
        }
    }

    pub fn has_phone(&self) -> bool {
        self.properties.iter().any(|p| p.name == "TEL")
    }

    /// The card without its optional properties named `name` (all but the first
    /// `TEL`, which is never optional).
    pub fn without(&self, name: &str) -> VCard {
        let mut out = self.clone();
        out.properties.retain(|p| !(p.optional && p.name == name));
        out
    }

    /// The same card under another name (of a group: a hotline's).
    pub fn renamed(&self, name: &str) -> VCard {
        VCard {
            name: NameParts {
                family: name.trim().to_string(),
                ..NameParts::default()
            },
            full_name: name.trim().to_string(),
            properties: self.properties.clone(),
        }
    }

    /// Whether it has an optional property `name` that [`VCard::without`] would drop.
    pub fn has_optional(&self, name: &str) -> bool {
        self.properties.iter().any(|p| p.optional && p.name == name)
    }

    /// The card as text: CRLF line ends, escaped values, folded lines.
    pub fn to_text(&self) -> String {
        let mut out = String::with_capacity(128);
        line(&mut out, "BEGIN:VCARD");
        line(&mut out, "VERSION:3.0");
        line(
            &mut out,
            &format!(
                "N:{};{};{};{};{}",
                escape(&self.name.family),
                escape(&self.name.given),
                escape(&self.name.additional),
                escape(&self.name.prefix),
                escape(&self.name.suffix)
            ),
        );
        line(&mut out, &format!("FN:{}", escape(&self.full_name)));
        for p in &self.properties {
            line(
                &mut out,
                &format!("{}{}:{}", p.name, p.params, escape(&p.value)),
            );
        }
        line(&mut out, "END:VCARD");
        out
    }
}

/// A content line, folded at 75 octets: each further piece starts with a space. A
/// piece never ends with white space (some parsers trim line ends before unfolding):
/// spaces before a fold move to the next piece.
pub fn line(out: &mut String, text: &str) {
    // The current piece, and its width in octets (a continuation's leading space
    // counts).
    let mut piece = String::with_capacity(76);
    let mut lead = 0;
    for c in text.chars() {
        if lead + piece.len() + c.len_utf8() > 75 {
            let kept = piece.trim_end_matches([' ', '\t']).len();
            let carried = if kept > 0 {
                piece.split_off(kept)
            } else {
                String::new()
            };
            out.push_str(&piece);
            out.push_str("\r\n ");
            piece = carried;
            lead = 1;
        }
        piece.push(c);
    }
    out.push_str(&piece);
    out.push_str("\r\n");
}

/// A property of a vCard as read: its name (upper case), its `TYPE`s (lower case,
/// from `TYPE=a,b`, `TYPE="a,b"` or vCard 2.1's bare `;CELL`), and its value with
/// escapes undone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadProperty {
    pub name: String,
    pub types: Vec<String>,
    pub value: String,
    /// The value as written, escapes and all (for `N` and `ADR`: see [`parts`]).
    pub raw: String,
}

/// The cards of a vCard file (3.0 or 4.0; 2.1 without quoted-printable), each as
/// its properties in order. Folded lines are joined; group prefixes (`item1.`) and
/// parameters other than the types are dropped.
pub fn read(text: &str) -> Vec<Vec<ReadProperty>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Unfold: a line break followed by a space or tab continues the line.
    let mut lines: Vec<String> = Vec::new();
    for raw in text.split('\n') {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some(rest) = raw.strip_prefix([' ', '\t'])
            && let Some(last) = lines.last_mut()
        {
            last.push_str(rest);
        } else {
            lines.push(raw.to_string());
        }
    }
    let mut cards = Vec::new();
    let mut current: Option<Vec<ReadProperty>> = None;
    for line in lines {
        let Some((head, value)) = split_unquoted(&line) else {
            continue;
        };
        let mut params = head.split(';');
        let name = params.next().unwrap_or_default();
        let name = name.rsplit('.').next().unwrap_or(name).to_ascii_uppercase();
        match (name.as_str(), value.trim().to_ascii_uppercase().as_str()) {
            ("BEGIN", "VCARD") => {
                current = Some(Vec::new());
                continue;
            }
            ("END", "VCARD") => {
                cards.extend(current.take());
                continue;
            }
            _ => {}
        }
        let Some(card) = current.as_mut() else {
            continue;
        };
        let mut types = Vec::new();
        for p in params {
            let (k, v) = p.split_once('=').unwrap_or(("TYPE", p));
            if k.eq_ignore_ascii_case("TYPE") {
                types.extend(
                    v.trim_matches('"')
                        .split(',')
                        .map(|t| t.trim().to_ascii_lowercase())
                        .filter(|t| !t.is_empty()),
                );
            }
        }
        card.push(ReadProperty {
            name,
            types,
            value: unescape(value),
            raw: value.to_string(),
        });
    }
    cards
}

/// A content line cut at its first `:` that is not inside a quoted parameter.
fn split_unquoted(line: &str) -> Option<(&str, &str)> {
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ':' if !quoted => return Some((&line[..i], &line[i + 1..])),
            _ => {}
        }
    }
    None
}

/// A property value with vCard's escapes undone (`\,` `\;` `\\` `\n`).
pub fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// The parts of a structured value (`N`, `ADR`), cut at `;` not escaped, each
/// unescaped.
pub fn parts(raw: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(n), Some(s)) = (chars.next(), out.last_mut()) {
                    s.push('\\');
                    s.push(n);
                }
            }
            ';' => out.push(String::new()),
            c => {
                if let Some(s) = out.last_mut() {
                    s.push(c);
                }
            }
        }
    }
    out.iter().map(|p| unescape(p)).collect()
}

/// RFC 2426 escaping of a text value: backslash, comma, semicolon and line ends;
/// other control characters are dropped.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A number as a `TEL` value: as written when it is in international format, else
/// as a phone must dial it (`+44 (0)20 7946 0011` as `+442079460011`, `ext. 22` as
/// `,22`): a phone dials a stored `(0)`, and the letters of `ext` as digits.
fn tel_value(number: &str) -> std::borrow::Cow<'_, str> {
    if crate::model::phone_is_international(number) {
        number.into()
    } else {
        crate::model::dialled(number).into()
    }
}

/// A contact's card. Private numbers and mail only when `include_private`.
pub fn contact(plan: &Plan, c: &Contact, include_private: bool) -> VCard {
    let mut card = VCard::named(&c.name.value, c.name_parts());
    card.push("ORG", "", &plan.settings.info.organization.value, true);
    if let Some(role) = &c.role {
        card.push("TITLE", "", role, true);
    }
    // The first number is the one to call; the others may be left out of a QR code.
    let mut first = true;
    let mut tel = |card: &mut VCard, params: &'static str, number: &str| {
        card.push("TEL", params, &tel_value(number), !first);
        first = false;
    };
    if let Some(p) = &c.phone {
        tel(&mut card, ";TYPE=WORK,VOICE", p);
    }
    if let Some(m) = &c.mobile {
        tel(&mut card, ";TYPE=CELL,VOICE", m);
    }
    if include_private && let Some(p) = &c.private {
        if let Some(n) = &p.home_phone {
            tel(&mut card, ";TYPE=HOME,VOICE", n);
        }
        if let Some(n) = &p.personal_mobile {
            tel(&mut card, ";TYPE=CELL,VOICE", n);
        }
    }
    if let Some(e) = &c.email {
        card.push("EMAIL", ";TYPE=INTERNET,WORK", e, true);
    }
    if include_private && let Some(p) = &c.private {
        if let Some(e) = &p.personal_email {
            card.push("EMAIL", ";TYPE=INTERNET,HOME", e, true);
        }
        if let Some(a) = &p.home_address {
            // ADR's parts are separated by `;`: the whole address goes in the street part.
            card.push("LABEL", ";TYPE=HOME", a, true);
        }
    }
    card
}

/// A team's card: its on-call number.
pub fn team(plan: &Plan, t: &Team) -> VCard {
    let mut card = VCard::group(&t.name.value);
    card.push("ORG", "", &plan.settings.info.organization.value, true);
    if let Some(p) = &t.phone {
        card.push("TEL", ";TYPE=WORK,VOICE", &tel_value(p), false);
    }
    card
}

/// The hotline's card: its label (or "Hotline"), numbers and mail.
pub fn hotline(plan: &Plan) -> Option<VCard> {
    let h = plan.settings.hotline.as_ref()?;
    let label = h.label.as_ref().map_or("Hotline", |l| l.value.as_str());
    let mut card = VCard::group(label);
    card.push("ORG", "", &plan.settings.info.organization.value, true);
    if let Some(p) = &h.phone {
        card.push("TEL", ";TYPE=WORK,VOICE", &tel_value(p), false);
    }
    if let Some(p) = &h.alt_phone {
        card.push("TEL", ";TYPE=WORK,VOICE", &tel_value(p), h.phone.is_some());
    }
    if let Some(e) = &h.email {
        card.push("EMAIL", ";TYPE=INTERNET,WORK", e, true);
    }
    card.has_phone().then_some(card)
}

/// Every contact, then every team, as one file.
pub fn directory(plan: &Plan, include_private: bool) -> String {
    let mut out = String::new();
    for c in &plan.contacts {
        out.push_str(&contact(plan, c, include_private).to_text());
    }
    for t in &plan.teams {
        out.push_str(&team(plan, t).to_text());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped_and_lines_folded_at_75_octets() {
        let mut card = VCard::person("Zoë Ångström");
        card.push("TITLE", "", "Head; IT, Ops \\ Night\nshift", false);
        card.push("NOTE", "", &"é".repeat(80), false);
        let text = card.to_text();
        assert!(text.starts_with("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ångström;Zoë;;;\r\n"));
        assert!(text.contains("TITLE:Head\\; IT\\, Ops \\\\ Night\\nshift\r\n"));
        for l in text.split("\r\n") {
            assert!(l.len() <= 75, "{l:?} is {} octets", l.len());
        }
        assert!(!text.contains('\u{FEFF}'));
        assert!(!text.replace("\r\n", "").contains('\n'));
    }

    /// An independent parser (the `ical` crate) reads back what was written.
    #[test]
    fn an_independent_parser_reads_the_card() {
        let mut card = VCard::person("José Núñez");
        card.push("TEL", ";TYPE=WORK,VOICE", "+34 600 000 001", false);
        card.push("TITLE", "", "Jefe, turno; noche", true);
        card.push("NOTE", "", &"Ünïcödé ".repeat(30), true);
        let text = card.to_text();
        let mut parsed = ical::VcardParser::new(std::io::BufReader::new(text.as_bytes()));
        let contact = parsed.next().expect("one card").expect("parses");
        let get = |name: &str| {
            contact
                .properties
                .iter()
                .find(|p| p.name == name)
                .and_then(|p| p.value.clone())
        };
        assert_eq!(get("FN").as_deref(), Some("José Núñez"));
        assert_eq!(get("TEL").as_deref(), Some("+34 600 000 001"));
        assert_eq!(get("TITLE").as_deref(), Some("Jefe\\, turno\\; noche"));
        assert_eq!(
            get("NOTE").as_deref(),
            Some("Ünïcödé ".repeat(30).trim_end())
        );
        assert!(parsed.next().is_none());
    }

    #[test]
    fn optional_properties_can_be_left_out_but_not_the_first_number() {
        let mut card = VCard::person("Ana Ruiz");
        card.push("TEL", "", "+1", false);
        card.push("TEL", ";TYPE=CELL", "+2", true);
        card.push("EMAIL", "", "a@b", true);
        let small = card.without("TEL").without("EMAIL");
        assert_eq!(small.properties.len(), 1);
        assert_eq!(small.properties[0].value, "+1");
    }
}
