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

use crate::kit::vcard;
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

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Name,
    Given,
    Middle,
    /// Dutch `tussenvoegsel` ("van den"): goes before the family name.
    Particle,
    Family,
    Prefix,
    Suffix,
    Role,
    Department,
    Phone,
    Mobile,
    HomePhone,
    PersonalMobile,
    Email,
    PersonalEmail,
    Location,
    HomeStreet,
    HomeCity,
    HomePostal,
    HomeRegion,
    HomeCountry,
    HomeAddress,
    Note,
}

impl Field {
    fn label(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Given => "given_name",
            Field::Middle => "given_name (middle name)",
            Field::Particle => "family_name (particle)",
            Field::Family => "family_name",
            Field::Prefix => "name (title before it)",
            Field::Suffix => "name (suffix after it)",
            Field::Role => "role",
            Field::Department => "the note (department)",
            Field::Phone => "phone",
            Field::Mobile => "mobile",
            Field::HomePhone => "private.home_phone",
            Field::PersonalMobile => "private.personal_mobile",
            Field::Email => "email",
            Field::PersonalEmail => "private.personal_email",
            Field::Location => "location",
            Field::HomeStreet
            | Field::HomeCity
            | Field::HomePostal
            | Field::HomeRegion
            | Field::HomeCountry
            | Field::HomeAddress => "private.home_address",
            Field::Note => "the note",
        }
    }
}

/// A heading as compared: lower case, letters and digits only.
fn normal(heading: &str) -> String {
    heading
        .trim()
        .trim_start_matches('\u{feff}')
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The field a column heading names, in the spellings exports use.
fn field_of(heading: &str) -> Option<Field> {
    use Field::*;
    let h = normal(heading);
    let table: &[(Field, &[&str])] = &[
        (
            Name,
            &[
                "name",
                "fullname",
                "displayname",
                "anzeigename",
                "vollständigername",
                "naam",
                "volledigenaam",
                "weergavenaam",
                "nomcomplet",
                "nomaffiché",
                "nombrecompleto",
                "contactname",
                "employeename",
                "person",
            ],
        ),
        (
            Given,
            &[
                "firstname",
                "givenname",
                "first",
                "forename",
                "vorname",
                "voornaam",
                "roepnaam",
                "prénom",
                "prenom",
                "nombre",
                "nombres",
                "preferredname",
            ],
        ),
        (
            Middle,
            &[
                "middlename",
                "additionalname",
                "zweitervorname",
                "secondprénom",
                "segundonombre",
            ],
        ),
        (
            Particle,
            &[
                "tussenvoegsel",
                "tussenvoegsels",
                "voorvoegsel",
                "nameprefixparticle",
            ],
        ),
        (
            Family,
            &[
                "lastname",
                "surname",
                "familyname",
                "last",
                "nachname",
                "familienname",
                "achternaam",
                "nom",
                "nomdefamille",
                "apellido",
                "apellidos",
            ],
        ),
        (
            Prefix,
            &[
                "title",
                "nameprefix",
                "prefix",
                "anrede",
                "titel",
                "aanhef",
                "civilité",
                "civilite",
                "tratamiento",
                "honorific",
            ],
        ),
        (
            Suffix,
            &["suffix", "namesuffix", "namenszusatz", "achtervoegsel"],
        ),
        (
            Role,
            &[
                "jobtitle",
                "position",
                "role",
                "function",
                "funktion",
                "stellenbezeichnung",
                "positie",
                "functie",
                "functietitel",
                "fonction",
                "poste",
                "intituléduposte",
                "puesto",
                "cargo",
                "organizationtitle",
                "organization1title",
                "businesstitle",
            ],
        ),
        (
            Department,
            &[
                "department",
                "dept",
                "abteilung",
                "afdeling",
                "service",
                "département",
                "departamento",
                "organizationdepartment",
                "organization1department",
                "team",
            ],
        ),
        (
            Phone,
            &[
                "businessphone",
                "workphone",
                "phone",
                "telephone",
                "telephonenumber",
                "phonenumber",
                "officephone",
                "directline",
                "telefon",
                "telefongeschäftlich",
                "geschäftlich",
                "telefonnummer",
                "durchwahl",
                "telefoonwerk",
                "telefoon",
                "telefoonnummer",
                "téléphoneprofessionnel",
                "téléphone",
                "telephoneprofessionnel",
                "teléfono",
                "teléfonodeltrabajo",
                "telefonodeltrabajo",
                "businessphone1",
            ],
        ),
        (
            Mobile,
            &[
                "mobilephone",
                "mobile",
                "cell",
                "cellphone",
                "mobilenumber",
                "mobiltelefon",
                "handy",
                "mobilfunk",
                "mobiel",
                "mobieltelefoon",
                "mobielenummer",
                "téléphonemobile",
                "telephonemobile",
                "portable",
                "móvil",
                "movil",
                "teléfonomóvil",
                "telefonomovil",
                "celular",
            ],
        ),
        (
            HomePhone,
            &[
                "homephone",
                "telefonprivat",
                "privat",
                "telefoonthuis",
                "téléphonepersonnel",
                "téléphonedomicile",
                "teléfonoparticular",
                "teléfonodecasa",
                "homephone1",
            ],
        ),
        (
            PersonalMobile,
            &[
                "personalmobile",
                "privatemobile",
                "handyprivat",
                "mobilprivat",
                "mobielprivé",
            ],
        ),
        (
            Email,
            &[
                "emailaddress",
                "email",
                "workemail",
                "businessemail",
                "emailadresse",
                "emailadres",
                "adresseemail",
                "adressedemessagerie",
                "courriel",
                "correoelectrónico",
                "correoelectronico",
                "correo",
                "mail",
            ],
        ),
        (
            PersonalEmail,
            &[
                "email2address",
                "personalemail",
                "homeemail",
                "privateemail",
                "emailprivat",
                "emailpersoonlijk",
                "courrielpersonnel",
            ],
        ),
        (
            Location,
            &[
                "officelocation",
                "office",
                "location",
                "büro",
                "buero",
                "standort",
                "raum",
                "locatie",
                "kantoor",
                "bureau",
                "ubicación",
                "ubicacion",
                "oficina",
                "site",
            ],
        ),
        (
            HomeStreet,
            &[
                "homestreet",
                "homeaddressstreet",
                "straßeprivat",
                "straatthuis",
            ],
        ),
        (
            HomeCity,
            &["homecity", "homeaddresscity", "ortprivat", "plaatsthuis"],
        ),
        (
            HomePostal,
            &[
                "homepostalcode",
                "homezip",
                "homeaddresspostalcode",
                "postleitzahlprivat",
            ],
        ),
        (
            HomeRegion,
            &[
                "homestate",
                "homeregion",
                "homeaddressregion",
                "bundeslandprivat",
            ],
        ),
        (
            HomeCountry,
            &[
                "homecountry",
                "homecountryregion",
                "homeaddresscountry",
                "landprivat",
            ],
        ),
        (
            HomeAddress,
            &[
                "homeaddress",
                "privatadresse",
                "adresseprivat",
                "adresthuis",
                "adressepersonnelle",
                "direcciónparticular",
            ],
        ),
        (
            Note,
            &[
                "notes",
                "note",
                "notizen",
                "notiz",
                "opmerkingen",
                "opmerking",
                "remarques",
                "notas",
                "comments",
            ],
        ),
    ];
    table
        .iter()
        .find(|(_, names)| names.contains(&h.as_str()))
        .map(|(f, _)| *f)
}

/// Google's `Phone 1 - Type` / `E-mail 2 - Value`: (phone?, number, is type).
fn typed(heading: &str) -> Option<(bool, String, bool)> {
    let h = heading.trim().to_lowercase();
    let (left, right) = h.rsplit_once('-')?;
    let right = right.trim();
    let is_type = match right {
        "type" => true,
        "value" => false,
        _ => return None,
    };
    let left = left.trim();
    let (kind, n) = left.rsplit_once(' ')?;
    let phone = match normal(kind).as_str() {
        "phone" => true,
        "email" => false,
        _ => return None,
    };
    n.parse::<u32>().ok()?;
    Some((phone, n.to_string(), is_type))
}

/// Puts a typed value (Google's pairs, vCard's `TEL;TYPE=...`) where it belongs.
fn put_typed(p: &mut Person, phone: bool, types: &[String], value: &str) {
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

/// Reads a CSV export. Errors (a header without a name column, a file that is not
/// CSV) name the file.
pub fn read_csv(bytes: &[u8], shown: &str, report: &mut Report) -> Result<Vec<Person>, Failure> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let first_line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let count = |c: u8| first_line.iter().filter(|b| **b == c).count();
    let delimiter = if count(b';') > count(b',') {
        b';'
    } else if count(b'\t') > count(b',') {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| Failure(format!("{shown}: not a CSV file this can read: {e}")))?
        .clone();
    let mut fields: Vec<Option<Field>> = headers.iter().map(field_of).collect();
    // German exports write `Vorname` and `Name`: then Name is the family name.
    let has = |fields: &[Option<Field>], f: Field| fields.contains(&Some(f));
    if has(&fields, Field::Given) && !has(&fields, Field::Family) {
        for f in fields.iter_mut().filter(|f| **f == Some(Field::Name)) {
            *f = Some(Field::Family);
        }
    }
    let typed_cols: Vec<Option<(bool, String, bool)>> = headers.iter().map(typed).collect();
    if !fields
        .iter()
        .any(|f| matches!(f, Some(Field::Name | Field::Given | Field::Family)))
    {
        return Err(Failure(format!(
            "{shown}: no column of the header names a person (such as Name, First Name or \
             Last Name; found: {}): nothing was written. Rename the column, or export the \
             list with its name columns",
            headers
                .iter()
                .map(|h| format!("\"{}\"", h.trim()))
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    // Each field once: a second column of the same kind (Outlook's `Business Phone
    // 2`) fills in only when the first is empty.
    for (i, h) in headers.iter().enumerate() {
        match (fields[i], &typed_cols[i]) {
            (Some(f), _) => report
                .mapped
                .push((shown.into(), h.trim().into(), f.label())),
            (None, Some((phone, _, is_type))) => report.mapped.push((
                shown.into(),
                h.trim().into(),
                match (phone, is_type) {
                    (true, false) => "phone, mobile or private.home_phone (by its type)",
                    (false, false) => "email or private.personal_email (by its type)",
                    _ => "the type of the value beside it",
                },
            )),
            (None, None) => {
                if !h.trim().is_empty() {
                    report.skipped.push((
                        shown.into(),
                        h.trim().into(),
                        "not a field of a contact".into(),
                    ));
                }
            }
        }
    }
    let mut people = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let row = n + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                report
                    .rows_skipped
                    .push((shown.into(), row, format!("cannot be read: {e}")));
                continue;
            }
        };
        let mut p = Person::default();
        let (mut middle, mut particle, mut prefix, mut suffix) =
            (String::new(), String::new(), String::new(), String::new());
        let mut home: Vec<(Field, String)> = Vec::new();
        let mut pairs: HashMap<(bool, String), (Vec<String>, String)> = HashMap::new();
        for (i, value) in record.iter().enumerate() {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            if let Some(Some((phone, num, is_type))) = typed_cols.get(i) {
                let e = pairs.entry((*phone, num.clone())).or_default();
                if *is_type {
                    e.0 = value
                        .to_lowercase()
                        .split([',', ':', ' '])
                        .map(str::to_string)
                        .collect();
                } else {
                    e.1 = value.to_string();
                }
                continue;
            }
            let Some(Some(f)) = fields.get(i) else {
                continue;
            };
            let set = |slot: &mut String| {
                if slot.is_empty() {
                    *slot = value.to_string();
                }
            };
            match f {
                Field::Name => set(&mut p.name),
                Field::Given => set(&mut p.given),
                Field::Middle => set(&mut middle),
                Field::Particle => set(&mut particle),
                Field::Family => set(&mut p.family),
                Field::Prefix => set(&mut prefix),
                Field::Suffix => set(&mut suffix),
                Field::Role => set(&mut p.role),
                Field::Department => set(&mut p.department),
                Field::Phone => set(&mut p.phone),
                Field::Mobile => set(&mut p.mobile),
                Field::HomePhone => set(&mut p.home_phone),
                Field::PersonalMobile => set(&mut p.personal_mobile),
                Field::Email => set(&mut p.email),
                Field::PersonalEmail => set(&mut p.personal_email),
                Field::Location => set(&mut p.location),
                Field::Note => set(&mut p.note),
                f => home.push((*f, value.to_string())),
            }
        }
        let mut pairs: Vec<_> = pairs.into_iter().collect();
        pairs.sort();
        for ((phone, _), (types, value)) in pairs {
            put_typed(&mut p, phone, &types, &value);
        }
        if !particle.is_empty() && !p.family.is_empty() {
            p.family = format!("{particle} {}", p.family);
        }
        if !middle.is_empty() && !p.given.is_empty() {
            p.given = format!("{} {middle}", p.given);
        }
        home.sort_by_key(|(f, _)| *f as u8);
        if p.home_address.is_empty() && !home.is_empty() {
            p.home_address = home
                .iter()
                .map(|(_, v)| v.as_str())
                .collect::<Vec<_>>()
                .join(", ");
        }
        if p.name.is_empty() {
            p.name = [prefix.as_str(), &p.given, &p.family, &suffix]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
        }
        if p.name.trim().is_empty() {
            if record.iter().any(|v| !v.trim().is_empty()) {
                report
                    .rows_skipped
                    .push((shown.into(), row, "has no name".into()));
            }
            continue;
        }
        people.push(p);
    }
    Ok(people)
}

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
                    p.given = [get(1), get(2)]
                        .iter()
                        .filter(|s| !s.is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join(" ");
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
            p.name = [p.given.as_str(), &p.family]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
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

/// An id from a name: ASCII letters and digits, words joined by `-`.
pub fn id_of(name: &str) -> String {
    let folded = names::collation_key(name, "en");
    let mut out = String::new();
    let mut dash = false;
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
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
        let old = std::fs::read_to_string(&path).ok();
        let text = contact_file(&p, old.as_deref(), &source);
        if old.is_some() {
            report.updated += 1;
        } else {
            report.created += 1;
        }
        std::fs::write(&path, text)
            .map_err(|e| Failure(format!("cannot write {}: {e}", path.display())))?;
        report.written.push(path);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_of_many_exports_are_known() {
        for (h, f) in [
            ("First Name", Field::Given),
            ("Last Name", Field::Family),
            ("Job Title", Field::Role),
            ("Business Phone", Field::Phone),
            ("Mobile Phone", Field::Mobile),
            ("Home Phone", Field::HomePhone),
            ("E-mail Address", Field::Email),
            ("Vorname", Field::Given),
            ("Nachname", Field::Family),
            ("Telefon (geschäftlich)", Field::Phone),
            ("E-Mail-Adresse", Field::Email),
            ("Voornaam", Field::Given),
            ("Tussenvoegsel", Field::Particle),
            ("Achternaam", Field::Family),
            ("Prénom", Field::Given),
            ("Téléphone mobile", Field::Mobile),
            ("Correo electrónico", Field::Email),
            ("\u{feff}Name", Field::Name),
        ] {
            assert_eq!(field_of(h), Some(f), "{h}");
        }
        assert_eq!(field_of("Birthday"), None);
        assert_eq!(typed("Phone 1 - Value"), Some((true, "1".into(), false)));
        assert_eq!(typed("E-mail 2 - Type"), Some((false, "2".into(), true)));
    }

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
